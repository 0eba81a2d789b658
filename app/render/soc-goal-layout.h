/* soc-goal-layout.h: where every card and edge of the goal tree goes
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"
#include "soc-geometry.h"
#include "soc-roadmap-layout.h"
#include "soc-text.h"

G_BEGIN_DECLS

typedef enum {
  SOC_GOAL_TOP_DOWN,      /* the vision on top, sub-goals below */
  SOC_GOAL_LEFT_RIGHT,    /* the vision at the left, sub-goals to the right */
} SocGoalOrientation;

typedef struct
{
  double min_width;       /* a card, whatever its title */
  double max_width;       /* a card whose title takes two lines */
  double padding;         /* inside a card, around its text */
  double strip;           /* the kind's colour along the card's start */
  double sibling_gap;     /* between cards of one parent */
  double subtree_gap;     /* between neighbouring subtrees */
  double level_gap;       /* between a level and the next */
  double margin;          /* around the tree */
  double toggle;          /* the button that folds a card's sub-goals */
} SocGoalMetrics;

void soc_goal_metrics_init (SocGoalMetrics *metrics);

#define SOC_GOAL_NO_CARD G_MAXUINT

typedef enum {
  SOC_GOAL_CARD_COLLAPSED = 1 << 0,  /* has sub-goals, hidden under it */
  SOC_GOAL_CARD_UNTIED    = 1 << 1,  /* social work not tied to a business objective (factor 1) */
  SOC_GOAL_CARD_DROPPED   = 1 << 2,  /* its status is dropped */
  SOC_GOAL_CARD_ACHIEVED  = 1 << 3,  /* its status is achieved */
} SocGoalCardFlags;

typedef struct
{
  SocGoal *goal;          /* NULL in a layout of a bare tree */
  SocGoalKind kind;
  guint    parent;        /* its parent's card, or SOC_GOAL_NO_CARD */
  guint    level;         /* roots are 0 */
  guint    slot;          /* its place in its level, from the left (or the top) */
  guint    first_child;   /* the slot of its first child in the next level */
  guint    n_children;    /* its sub-goals shown */
  guint    n_hidden;      /* the goals under it hidden while it is collapsed */
  guint    n_items;       /* roadmap items that serve it */
  guint    n_metrics;     /* the metrics its progress rests on */
  guint    title_lines;   /* 1 or 2 */
  guint    flags;         /* SocGoalCardFlags */
  double   progress;      /* 0 to 1, or NAN: nothing measured below it */
  SocRect  rect;
  SocRect  toggle;        /* folds its sub-goals away; width 0: it has none */
} SocGoalCard;

/* Where the rows of a card go, from the top of its rect. */
typedef struct
{
  double text_x;          /* from the card's left */
  double text_width;
  double kind_y;          /* the kind, its symbol, and the roadmap items at the right */
  double title_y;
  double title_height;
  double owner_y;         /* the owner, and the progress at the right */
  double bar_y;
  double bar_height;
  double values_y;        /* a metric's baseline, target and current value */
} SocGoalCardRows;

typedef enum {
  SOC_GOAL_HIT_NONE,
  SOC_GOAL_HIT_CARD,
  SOC_GOAL_HIT_TOGGLE,    /* the button that folds the card's sub-goals */
} SocGoalHitKind;

typedef struct
{
  SocGoalHitKind kind;
  guint          card;
  SocGoal       *goal;
} SocGoalHit;

typedef struct _SocGoalLayout SocGoalLayout;

SocGoalLayout     *soc_goal_layout_new          (SocDocument          *document,
                                                 SocText              *text,
                                                 GHashTable           *collapsed,
                                                 SocGoalOrientation    orientation,
                                                 const SocGoalMetrics *metrics);
SocGoalLayout     *soc_goal_layout_new_for_tree (guint                 n_nodes,
                                                 const guint          *parents,
                                                 const double         *widths,
                                                 const double         *heights,
                                                 SocGoalOrientation    orientation,
                                                 const SocGoalMetrics *metrics);
SocGoalLayout     *soc_goal_layout_ref          (SocGoalLayout        *self);
void               soc_goal_layout_unref        (SocGoalLayout        *self);

SocGoalOrientation soc_goal_layout_get_orientation (SocGoalLayout     *self);
const SocGoalMetrics *soc_goal_layout_get_metrics  (SocGoalLayout     *self);
double             soc_goal_layout_get_width    (SocGoalLayout        *self);
double             soc_goal_layout_get_height   (SocGoalLayout        *self);
guint64            soc_goal_layout_get_work     (SocGoalLayout        *self);

guint              soc_goal_layout_get_n_cards  (SocGoalLayout        *self);
const SocGoalCard *soc_goal_layout_get_card     (SocGoalLayout        *self,
                                                 guint                 index);
const SocGoalCard *soc_goal_layout_find_card    (SocGoalLayout        *self,
                                                 SocGoal              *goal,
                                                 guint                *index);
void               soc_goal_layout_get_rows     (SocGoalLayout        *self,
                                                 const SocGoalCard    *card,
                                                 SocGoalCardRows      *rows);

guint              soc_goal_layout_get_n_levels (SocGoalLayout        *self);
guint              soc_goal_layout_get_level_size (SocGoalLayout      *self,
                                                 guint                 level);
guint              soc_goal_layout_get_slot     (SocGoalLayout        *self,
                                                 guint                 level,
                                                 guint                 slot);
double             soc_goal_layout_get_bus      (SocGoalLayout        *self,
                                                 guint                 level);

void               soc_goal_layout_cards_in     (SocGoalLayout        *self,
                                                 const SocRect        *rect,
                                                 GArray               *indexes);
void               soc_goal_layout_parents_in   (SocGoalLayout        *self,
                                                 const SocRect        *rect,
                                                 GArray               *indexes);
void               soc_goal_layout_children_in  (SocGoalLayout        *self,
                                                 guint                 card,
                                                 const SocRect        *rect,
                                                 guint                *first,
                                                 guint                *end);
gboolean           soc_goal_layout_hit          (SocGoalLayout        *self,
                                                 double                x,
                                                 double                y,
                                                 SocGoalHit           *hit);
gboolean           soc_goal_layout_neighbour    (SocGoalLayout        *self,
                                                 guint                 card,
                                                 SocDirection          direction,
                                                 guint                *neighbour);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocGoalLayout, soc_goal_layout_unref)

G_END_DECLS
