/* soc-goal-printable.h: the goal tree laid over pages
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-goal-layout.h"
#include "soc-printable.h"

G_BEGIN_DECLS

#define SOC_TYPE_GOAL_PRINTABLE (soc_goal_printable_get_type ())

G_DECLARE_FINAL_TYPE (SocGoalPrintable, soc_goal_printable, SOC, GOAL_PRINTABLE, GObject)

SocGoalPrintable *soc_goal_printable_new        (SocDocument        *document,
                                                 SocGoalOrientation  orientation,
                                                 SocText            *text);
SocGoalLayout    *soc_goal_printable_get_layout (SocGoalPrintable   *self);

G_END_DECLS
