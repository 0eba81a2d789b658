/* soc-goal-tree.h: the goal tree as a diagram to look at and edit
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-canvas.h"
#include "soc-goal-layout.h"
#include "soc-selection.h"

G_BEGIN_DECLS

#define SOC_TYPE_GOAL_TREE (soc_goal_tree_get_type ())

G_DECLARE_FINAL_TYPE (SocGoalTree, soc_goal_tree, SOC, GOAL_TREE, SocCanvas)

#define SOC_GOAL_TREE_ZOOM_MIN 0.1
#define SOC_GOAL_TREE_ZOOM_MAX 2.0

GtkWidget         *soc_goal_tree_new             (void);
void               soc_goal_tree_set_document    (SocGoalTree        *self,
                                                  SocDocument        *document,
                                                  SocSelection       *selection);
SocGoalLayout     *soc_goal_tree_get_layout      (SocGoalTree        *self);
SocGoalOrientation soc_goal_tree_get_orientation (SocGoalTree        *self);
void               soc_goal_tree_set_orientation (SocGoalTree        *self,
                                                  SocGoalOrientation  orientation);
double             soc_goal_tree_get_zoom        (SocGoalTree        *self);
void               soc_goal_tree_set_zoom        (SocGoalTree        *self,
                                                  double              zoom);
void               soc_goal_tree_zoom_at         (SocGoalTree        *self,
                                                  double              zoom,
                                                  double              x,
                                                  double              y);
void               soc_goal_tree_zoom_to_fit     (SocGoalTree        *self);
void               soc_goal_tree_reveal          (SocGoalTree        *self,
                                                  SocObject          *object);
gboolean           soc_goal_tree_is_collapsed    (SocGoalTree        *self,
                                                  SocGoal            *goal);
void               soc_goal_tree_set_collapsed   (SocGoalTree        *self,
                                                  SocGoal            *goal,
                                                  gboolean            collapsed);
void               soc_goal_tree_expand_all      (SocGoalTree        *self);

/* What the gestures and keys do, callable without them (and tested so). */
SocGoal           *soc_goal_tree_add_child       (SocGoalTree        *self,
                                                  SocGoal            *parent,
                                                  GError            **error);
SocGoal           *soc_goal_tree_add_sibling     (SocGoalTree        *self,
                                                  SocGoal            *goal,
                                                  GError            **error);
gboolean           soc_goal_tree_reparent        (SocGoalTree        *self,
                                                  SocGoal            *goal,
                                                  SocGoal            *parent,
                                                  GError            **error);
gboolean           soc_goal_tree_can_reparent    (SocGoalTree        *self,
                                                  SocGoal            *goal,
                                                  SocGoal            *parent);
gboolean           soc_goal_tree_toggle          (SocGoalTree        *self,
                                                  SocGoal            *goal);
gboolean           soc_goal_tree_step            (SocGoalTree        *self,
                                                  SocDirection        direction);
void               soc_goal_tree_rename          (SocGoalTree        *self,
                                                  SocGoal            *goal);

G_END_DECLS
