/* soc-plan-tables.h: the plan's parts as printed tables
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-checklist.h"
#include "soc-printable.h"

G_BEGIN_DECLS

SocPrintable *soc_goal_outline_new        (SocDocument  *document);
SocPrintable *soc_stakeholder_table_new   (SocDocument  *document);
SocPrintable *soc_checklist_table_new     (SocDocument  *document,
                                           SocChecklist *checklist);
SocPrintable *soc_curriculum_table_new    (SocDocument  *document,
                                           SocChecklist *checklist);

char         *soc_print_format_day        (guint         date);
SocColor      soc_print_state_color       (SocFactorState state);

G_END_DECLS
