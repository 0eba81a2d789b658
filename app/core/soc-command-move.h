/* soc-command-move.h: move an object within its list, or a goal in the tree
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-command.h"
#include "soc-goal.h"

G_BEGIN_DECLS

#define SOC_TYPE_COMMAND_MOVE (soc_command_move_get_type ())

G_DECLARE_FINAL_TYPE (SocCommandMove, soc_command_move, SOC, COMMAND_MOVE, SocCommand)

SocCommand *soc_command_move_new (SocObject  *object,
                                  SocGoal    *new_parent,
                                  guint       new_position,
                                  const char *label);

G_END_DECLS
