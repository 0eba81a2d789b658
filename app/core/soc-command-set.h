/* soc-command-set.h: change one field of one object
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-command.h"
#include "soc-object.h"

G_BEGIN_DECLS

#define SOC_TYPE_COMMAND_SET (soc_command_set_get_type ())

G_DECLARE_FINAL_TYPE (SocCommandSet, soc_command_set, SOC, COMMAND_SET, SocCommand)

SocCommand *soc_command_set_new (SocObject    *object,
                                 const char   *property,
                                 const GValue *value);

G_END_DECLS
