/* soc-goals-view.h: the goal tree as a diagram, with its outline beside it
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-goal-tree.h"
#include "soc-table-view.h"

G_BEGIN_DECLS

#define SOC_TYPE_GOALS_VIEW (soc_goals_view_get_type ())

G_DECLARE_FINAL_TYPE (SocGoalsView, soc_goals_view, SOC, GOALS_VIEW, GtkWidget)

SocGoalTree  *soc_goals_view_get_tree    (SocGoalsView *self);
SocTableView *soc_goals_view_get_outline (SocGoalsView *self);

G_END_DECLS
