/* soc-goal-layout-private.h: what soc-goal-layout.c and soc-goal-layout-query.c share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-goal-layout.h"

G_BEGIN_DECLS

#define NONE          G_MAXUINT
#define TOGGLE_GAP    6.0    /* between a card and its fold button */

/* Goals to their cards: a table of the right size from the start, open
 * addressing, of card numbers, with the goals in a list of their own, so
 * that looking a goal up reads neither the cards (12 MB for 100,000 goals,
 * out of a processor's cache) nor much else; GHashTable grew, rehashed
 * and missed the cache at a cost out of proportion. */
typedef struct
{
  guint    *slots;   /* a card, or NONE */
  guint     mask;
  SocGoal **goals;   /* each card's goal */
} CardMap;

struct _SocGoalLayout
{
  gatomicrefcount     ref_count;

  SocGoalOrientation  orientation;
  SocGoalMetrics      metrics;
  double              line_small;   /* text heights, for the rows of a card */
  double              line_label;
  double              width;
  double              height;
  guint64             work;

  GArray             *cards;        /* SocGoalCard, depth first */
  GArray             *level_first;  /* guint: each level's first in level_cards; one more at the end */
  GArray             *level_cards;  /* guint: the cards, level by level, each level in order */
  GArray             *level_offset; /* double: where each level starts along the depth axis */
  GArray             *level_extent; /* double: how deep it is */
  CardMap             card_of;      /* SocGoal -> card */
};

guint    _soc_goal_layout_card_of (SocGoalLayout *self,
                                   gconstpointer  goal);

static inline gboolean
top_down (SocGoalLayout *self)
{
  return self->orientation == SOC_GOAL_TOP_DOWN;
}

G_END_DECLS
