/* soc-command-insert.h: add an object to a document, or take it out
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-command.h"
#include "soc-goal.h"

G_BEGIN_DECLS

#define SOC_TYPE_COMMAND_INSERT (soc_command_insert_get_type ())

G_DECLARE_FINAL_TYPE (SocCommandInsert, soc_command_insert, SOC, COMMAND_INSERT, SocCommand)

SocCommand *soc_command_insert_new (SocObject   *object,
                                    SocGoal     *parent,
                                    guint        position,
                                    const char  *label);
SocCommand *soc_command_remove_new (SocDocument *document,
                                    SocObject   *object,
                                    const char  *label);
SocCommand *soc_command_remove_all_new (SocDocument *document,
                                    SocObject  **objects,
                                    guint        n_objects,
                                    const char  *label);

G_END_DECLS
