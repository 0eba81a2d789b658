/* soc-goal.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soc-object.h"
#include "soc-enums.h"
#include "soc-stakeholder.h"

G_BEGIN_DECLS

#define SOC_TYPE_GOAL (soc_goal_get_type ())

G_DECLARE_FINAL_TYPE (SocGoal, soc_goal, SOC, GOAL, SocObject)


SocGoal        *soc_goal_new          (SocGoalKind kind);
SocGoalKind     soc_goal_get_kind     (SocGoal    *self);
const char     *soc_goal_get_title    (SocGoal    *self);
SocGoal        *soc_goal_get_parent   (SocGoal    *self);
GListModel     *soc_goal_get_children (SocGoal    *self);
SocStakeholder *soc_goal_get_owner    (SocGoal    *self);
SocGoalStatus   soc_goal_get_status   (SocGoal    *self);
gboolean        soc_goal_has_metric   (SocGoal    *self);
double          soc_goal_get_progress (SocGoal    *self);

G_END_DECLS
