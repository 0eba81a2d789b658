/* soc-goal-tree-private.h: what soc-goal-tree.c and soc-goal-tree-input.c share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-canvas.h"
#include "soc-goal-painter.h"
#include "soc-goal-tree.h"

G_BEGIN_DECLS

typedef enum {
  GOAL_DRAG_NONE,
  GOAL_DRAG_PAN,     /* empty space: the view follows the pointer */
  GOAL_DRAG_MOVE,    /* a card: dropped on another, it goes under it */
} GoalDragKind;

typedef struct
{
  GoalDragKind  kind;
  SocGoal      *goal;       /* MOVE: not owned, the layout holds it */
  guint         card;
  double        x0, y0;     /* where it began, in content coordinates */
  double        dx, dy;     /* how far it went */
  double        hvalue;     /* the scroll it began at */
  double        vvalue;
  SocGoal      *target;     /* MOVE: the card under the pointer */
  gboolean      refused;    /* ...and the goal may not go under it */
  gboolean      moved;      /* past the threshold: a drag, not a click */
} GoalDrag;

struct _SocGoalTree
{
  SocCanvas           parent_instance;

  SocDocument        *document;
  SocGoalLayout      *layout;        /* NULL until needed, and after a change */
  GHashTable         *collapsed;     /* SocGoal (a reference) set: view state, never saved in the plan */
  SocGoalOrientation  orientation;
  double              zoom;
  guint               fitted : 1;    /* zoomed to fit once the first size is known */
  guint               fit_pending : 1;

  /* Pointer and keyboard */
  SocGoal            *hover;
  SocGoalHitKind      hover_kind;
  GoalDrag            drag;
  GtkGesture         *drag_gesture;
  SocGoal            *after_delete;  /* where the keyboard goes if its goal is deleted */
  SocGoal            *pending_reveal; /* chosen elsewhere: shown at the next frame */
  gboolean            pending_focus;  /* ...and the keyboard goes to it */
  guint               reveal_tick;
  GtkWidget          *menu;
  SocGoal            *menu_target;
};

/* soc-goal-tree.c */
SocGoalLayout *_soc_goal_tree_ensure_layout (SocGoalTree       *self);
void           _soc_goal_tree_invalidate    (SocGoalTree       *self,
                                             gboolean           relayout);
void           _soc_goal_tree_focus_goal    (SocGoalTree       *self,
                                             SocGoal           *goal);
SocRect        _soc_goal_tree_to_content    (SocGoalTree       *self,
                                             const SocRect     *rect);
void           _soc_goal_tree_paint_state   (SocGoalTree       *self,
                                             SocGoalPaintState *state);
char          *_soc_goal_tree_describe      (SocGoalTree       *self,
                                             SocGoal           *goal);
SocRect        _soc_goal_tree_to_layout     (SocGoalTree       *self,
                                             const SocRect     *rect);
gboolean       _soc_goal_tree_is_in_plan    (SocGoalTree       *self,
                                             SocGoal           *goal);

/* soc-goal-tree-input.c */
void           _soc_goal_tree_init_input       (SocGoalTree      *self);
void           _soc_goal_tree_class_init_input (SocGoalTreeClass *klass);
void           _soc_goal_tree_dispose_input    (SocGoalTree      *self);
void           _soc_goal_tree_snapshot_drag    (SocGoalTree      *self,
                                                GtkSnapshot      *snapshot,
                                                const SocRect    *visible);

G_END_DECLS
