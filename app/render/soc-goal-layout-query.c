/* soc-goal-layout-query.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a frame, the pointer and the keyboard ask of a goal layout, each by
 * binary search over the levels (by depth) and within a level (along it),
 * so that an answer costs what it finds, never the plan's size: the cards
 * and edges in a rectangle, what is under a point, the card beside one.
 */

#define G_LOG_DOMAIN "soc-goal-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "soc-goal-layout-private.h"

static double
depth_start (SocGoalLayout *self,
             const SocRect *r)
{
  return top_down (self) ? r->y : r->x;
}

static double
depth_size (SocGoalLayout *self,
            const SocRect *r)
{
  return top_down (self) ? r->height : r->width;
}

static double
breadth_start (SocGoalLayout *self,
               const SocRect *r)
{
  return top_down (self) ? r->x : r->y;
}

static double
breadth_size (SocGoalLayout *self,
              const SocRect *r)
{
  return top_down (self) ? r->width : r->height;
}

static const SocGoalCard *
slot_card (SocGoalLayout *self,
           guint          level,
           guint          slot)
{
  return &g_array_index (self->cards, SocGoalCard, soc_goal_layout_get_slot (self, level, slot));
}

/* The first level whose band (with what reaches past it by REACH) ends
 * after D. */
static guint
level_at_or_after (SocGoalLayout *self,
                   double         d,
                   double         reach)
{
  guint lo = 0, hi = self->level_offset->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->level_offset, double, mid) + g_array_index (self->level_extent, double, mid) + reach <= d)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The first slot of LEVEL, from FIRST to END, whose card ends after B. */
static guint
slot_at_or_after (SocGoalLayout *self,
                  guint          level,
                  guint          first,
                  guint          end,
                  double         b)
{
  guint lo = first, hi = end;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const SocGoalCard *c = slot_card (self, level, mid);

      if (breadth_start (self, &c->rect) + breadth_size (self, &c->rect) <= b)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Appends to INDEXES (guint) the cards that meet RECT, level by level,
 * each level in order. */
void
soc_goal_layout_cards_in (SocGoalLayout *self,
                          const SocRect *rect,
                          GArray        *indexes)
{
  double d0 = depth_start (self, rect), d1 = d0 + depth_size (self, rect);
  double b0 = breadth_start (self, rect), b1 = b0 + breadth_size (self, rect);

  for (guint l = level_at_or_after (self, d0, 0); l < self->level_offset->len; l++)
    {
      guint size = soc_goal_layout_get_level_size (self, l);

      if (g_array_index (self->level_offset, double, l) >= d1)
        break;
      for (guint s = slot_at_or_after (self, l, 0, size, b0); s < size; s++)
        {
          guint index = soc_goal_layout_get_slot (self, l, s);
          const SocGoalCard *c = &g_array_index (self->cards, SocGoalCard, index);

          if (breadth_start (self, &c->rect) >= b1)
            break;
          if (soc_rect_intersects (&c->rect, rect))
            g_array_append_val (indexes, index);
        }
    }
}

/* Appends to INDEXES (guint) the cards whose edges to their sub-goals meet
 * RECT, each once, level by level. */
void
soc_goal_layout_parents_in (SocGoalLayout *self,
                            const SocRect *rect,
                            GArray        *indexes)
{
  double d0 = depth_start (self, rect), d1 = d0 + depth_size (self, rect);
  double b0 = breadth_start (self, rect), b1 = b0 + breadth_size (self, rect);
  guint n_levels = self->level_offset->len;
  guint l = level_at_or_after (self, d0, 0);

  /* The level above the first in view reaches down into it. */
  if (l > 0)
    l--;
  for (; l + 1 < n_levels; l++)
    {
      guint size = soc_goal_layout_get_level_size (self, l + 1);
      guint first, last;

      if (g_array_index (self->level_offset, double, l) >= d1)
        break;
      /* Edges run from a level's cards to the next level's start. */
      if (size == 0 || g_array_index (self->level_offset, double, l + 1) <= d0)
        continue;
      /* The children in view, and one on each side: an edge between two
       * of them may cross the view. Their parents are consecutive. */
      first = slot_at_or_after (self, l + 1, 0, size, b0);
      last = first;
      while (last < size && breadth_start (self, &slot_card (self, l + 1, last)->rect) < b1)
        last++;
      first = first > 0 ? first - 1 : 0;
      last = MIN (last, size - 1);
      {
        guint p0 = slot_card (self, l + 1, first)->parent;
        guint p1 = slot_card (self, l + 1, last)->parent;
        guint s0 = g_array_index (self->cards, SocGoalCard, p0).slot;
        guint s1 = g_array_index (self->cards, SocGoalCard, p1).slot;

        for (guint s = s0; s <= s1; s++)
          {
            guint index = soc_goal_layout_get_slot (self, l, s);
            const SocGoalCard *p = &g_array_index (self->cards, SocGoalCard, index);

            if (p->n_children > 0)
              g_array_append_val (indexes, index);
          }
      }
    }
}

/* The slots, FIRST to END (excluded), of CARD's children in the next level
 * that meet RECT along the breadth axis. */
void
soc_goal_layout_children_in (SocGoalLayout *self,
                             guint          card,
                             const SocRect *rect,
                             guint         *first,
                             guint         *end)
{
  const SocGoalCard *c = soc_goal_layout_get_card (self, card);
  double b0 = breadth_start (self, rect), b1 = b0 + breadth_size (self, rect);
  guint s, e = c->first_child + c->n_children;

  *first = *end = 0;
  if (c->n_children == 0)
    return;
  s = slot_at_or_after (self, c->level + 1, c->first_child, e, b0);
  *first = s;
  while (s < e && breadth_start (self, &slot_card (self, c->level + 1, s)->rect) < b1)
    s++;
  *end = s;
}

/* What is at X, Y: a card's fold button, or a card. */
gboolean
soc_goal_layout_hit (SocGoalLayout *self,
                     double         x,
                     double         y,
                     SocGoalHit    *hit)
{
  double d = top_down (self) ? y : x;
  double b = top_down (self) ? x : y;
  double reach = TOGGLE_GAP + self->metrics.toggle;

  memset (hit, 0, sizeof *hit);
  hit->card = NONE;
  for (guint l = level_at_or_after (self, d, reach); l < self->level_offset->len; l++)
    {
      guint size = soc_goal_layout_get_level_size (self, l);
      guint s;

      if (g_array_index (self->level_offset, double, l) - reach > d)
        break;
      /* The fold buttons stick out of their cards, and may be wider. */
      s = slot_at_or_after (self, l, 0, size, b - reach * 4);
      for (; s < size; s++)
        {
          guint index = soc_goal_layout_get_slot (self, l, s);
          const SocGoalCard *c = &g_array_index (self->cards, SocGoalCard, index);

          if (breadth_start (self, &c->rect) > b + reach * 4)
            break;
          if (c->toggle.width > 0 && soc_rect_contains_point (&c->toggle, x, y))
            {
              hit->kind = SOC_GOAL_HIT_TOGGLE;
              hit->card = index;
              hit->goal = c->goal;
              return TRUE;
            }
          if (soc_rect_contains_point (&c->rect, x, y))
            {
              hit->kind = SOC_GOAL_HIT_CARD;
              hit->card = index;
              hit->goal = c->goal;
            }
        }
      if (hit->kind != SOC_GOAL_HIT_NONE)
        return TRUE;
    }
  return FALSE;
}

/* The card nearest to CENTRE along the breadth axis among the slots FIRST
 * to END of LEVEL. */
static guint
nearest_in (SocGoalLayout *self,
            guint          level,
            guint          first,
            guint          end,
            double         centre)
{
  guint s = slot_at_or_after (self, level, first, end, centre);
  guint best = NONE;
  double best_d = G_MAXDOUBLE;

  for (guint i = s > first ? s - 1 : first; i < end && i <= s; i++)
    {
      const SocGoalCard *c = slot_card (self, level, i);
      double mid = breadth_start (self, &c->rect) + breadth_size (self, &c->rect) / 2;

      if (fabs (mid - centre) < best_d)
        {
          best_d = fabs (mid - centre);
          best = soc_goal_layout_get_slot (self, level, i);
        }
    }
  return best;
}

/* The card the arrow keys go to from CARD, by position: along its level
 * to the card beside it; towards the root to its parent; away from it to
 * its nearest sub-goal, or without one to the nearest card of the next
 * level. FALSE at the edges. */
gboolean
soc_goal_layout_neighbour (SocGoalLayout *self,
                           guint          card,
                           SocDirection   direction,
                           guint         *neighbour)
{
  const SocGoalCard *c;
  gboolean along, forward;
  double centre;
  guint size, found;

  g_return_val_if_fail (card < self->cards->len, FALSE);

  c = &g_array_index (self->cards, SocGoalCard, card);
  if (top_down (self))
    {
      along = direction == SOC_DIRECTION_LEFT || direction == SOC_DIRECTION_RIGHT;
      forward = direction == SOC_DIRECTION_RIGHT || direction == SOC_DIRECTION_DOWN;
    }
  else
    {
      along = direction == SOC_DIRECTION_UP || direction == SOC_DIRECTION_DOWN;
      forward = direction == SOC_DIRECTION_DOWN || direction == SOC_DIRECTION_RIGHT;
    }

  size = soc_goal_layout_get_level_size (self, c->level);
  if (along)
    {
      if (forward ? c->slot + 1 >= size : c->slot == 0)
        return FALSE;
      *neighbour = soc_goal_layout_get_slot (self, c->level, forward ? c->slot + 1 : c->slot - 1);
      return TRUE;
    }

  if (!forward)
    {
      if (c->parent == NONE)
        return FALSE;
      *neighbour = c->parent;
      return TRUE;
    }

  if (c->level + 1 >= self->level_offset->len)
    return FALSE;
  centre = breadth_start (self, &c->rect) + breadth_size (self, &c->rect) / 2;
  if (c->n_children > 0)
    found = nearest_in (self, c->level + 1, c->first_child, c->first_child + c->n_children, centre);
  else
    found = nearest_in (self, c->level + 1, 0, soc_goal_layout_get_level_size (self, c->level + 1), centre);
  if (found == NONE)
    return FALSE;
  *neighbour = found;
  return TRUE;
}
