/* soc-command-unlink.h: clear every reference to objects about to go
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-command.h"
#include "soc-object.h"

G_BEGIN_DECLS

#define SOC_TYPE_COMMAND_UNLINK (soc_command_unlink_get_type ())

G_DECLARE_FINAL_TYPE (SocCommandUnlink, soc_command_unlink, SOC, COMMAND_UNLINK, SocCommand)

SocCommand *soc_command_unlink_new      (SocObject *const *referrers,
                                        guint             n_referrers,
                                        guint             gone);
guint       soc_command_unlink_get_size (SocCommandUnlink *self);

G_END_DECLS
