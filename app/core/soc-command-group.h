/* soc-command-group.h: several commands as one undo step
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-command.h"

G_BEGIN_DECLS

#define SOC_TYPE_COMMAND_GROUP (soc_command_group_get_type ())

G_DECLARE_FINAL_TYPE (SocCommandGroup, soc_command_group, SOC, COMMAND_GROUP, SocCommand)

SocCommand *soc_command_group_new        (const char      *label);
void        soc_command_group_add        (SocCommandGroup *self,
                                          SocCommand      *command);
guint       soc_command_group_get_size   (SocCommandGroup *self);
SocCommand *soc_command_group_get        (SocCommandGroup *self,
                                          guint            index);

G_END_DECLS
