/* soc-map-hit.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is under the pointer on the stakeholder map (a bubble's handle, a
 * bubble, a relationship, the grid), found through the layout's cells,
 * and where the arrow keys go from a bubble.
 */

#define G_LOG_DOMAIN "soc-map-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "soc-map-layout-private.h"

/* Where the handle that draws a relationship from BUBBLE is: beside it,
 * up and to the right, touching its rim. */
SocPoint
soc_map_layout_handle (SocMapLayout *self,
                       guint         bubble)
{
  const SocMapBubble *b;
  double d;

  g_return_val_if_fail (bubble < self->bubbles->len, ((SocPoint) { 0, 0 }));
  b = BUBBLE (self, bubble);
  d = (b->outer + HANDLE_RADIUS - 2) * 0.7071;
  return (SocPoint) { b->center.x + d, b->center.y - d };
}

typedef struct
{
  double x, y;
  gint64 best;
} Pick;

static gboolean
pick_bubble (SocMapLayout *self,
             guint         bubble,
             gpointer      data)
{
  Pick *pick = data;
  const SocMapBubble *b = BUBBLE (self, bubble);
  double dx = pick->x - b->center.x, dy = pick->y - b->center.y;

  /* The one on top: painted last, the latest in the plan. */
  if (dx * dx + dy * dy <= (b->radius + 1) * (b->radius + 1) && (gint64) bubble > pick->best)
    pick->best = bubble;
  return TRUE;
}

static double
segment_distance (const SocPoint *a,
                  const SocPoint *b,
                  double          x,
                  double          y)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((x - a->x) * dx + (y - a->y) * dy) / len2, 0, 1) : 0;
  double px = a->x + t * dx - x, py = a->y + t * dy - y;

  return sqrt (px * px + py * py);
}

/* What is at X, Y: the handle of the bubble ACTIVE (the one hovered or
 * selected; -1: none), a bubble (the one on top), a relationship when
 * EDGES are shown, or empty room in the grid. HIT's influence and interest
 * are the values at the point in any case. FALSE: nothing. */
gboolean
soc_map_layout_hit (SocMapLayout *self,
                    double        x,
                    double        y,
                    gint          active,
                    gboolean      edges,
                    SocMapHit    *hit)
{
  Pick pick = { x, y, -1 };
  SocRect at = SOC_RECT_INIT (x, y, 0, 0);

  memset (hit, 0, sizeof *hit);
  hit->interest = soc_map_layout_interest_at (self, x);
  hit->influence = soc_map_layout_influence_at (self, y);

  if (active >= 0 && (guint) active < self->bubbles->len)
    {
      SocPoint h = soc_map_layout_handle (self, (guint) active);

      if ((x - h.x) * (x - h.x) + (y - h.y) * (y - h.y) <= (HANDLE_RADIUS + 1) * (HANDLE_RADIUS + 1))
        {
          hit->kind = SOC_MAP_HIT_LINK;
          hit->bubble = (guint) active;
          hit->stakeholder = BUBBLE (self, active)->stakeholder;
          return TRUE;
        }
    }

  _soc_map_layout_foreach_bubble_near (self, &at, self->max_outer + 2, pick_bubble, &pick);
  if (pick.best >= 0)
    {
      hit->kind = SOC_MAP_HIT_BUBBLE;
      hit->bubble = (guint) pick.best;
      hit->stakeholder = BUBBLE (self, pick.best)->stakeholder;
      return TRUE;
    }

  if (edges)
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
      SocRect near = SOC_RECT_INIT (x - EDGE_GRIP, y - EDGE_GRIP, 2 * EDGE_GRIP, 2 * EDGE_GRIP);
      double best = EDGE_GRIP;
      gint64 chosen = -1;

      soc_map_layout_edges_in (self, &near, found);
      for (guint i = 0; i < found->len; i++)
        {
          guint e = g_array_index (found, guint, i);
          const SocMapEdge *edge = EDGE (self, e);
          double d;

          if (edge->long_reach)
            {
              SocPoint a1, b0;

              soc_map_edge_stubs (edge, &a1, &b0);
              d = MIN (segment_distance (&edge->a, &a1, x, y), segment_distance (&b0, &edge->b, x, y));
            }
          else
            d = segment_distance (&edge->a, &edge->b, x, y);
          if (d <= best)
            {
              best = d;
              chosen = e;
            }
        }
      if (chosen >= 0)
        {
          hit->kind = SOC_MAP_HIT_EDGE;
          hit->edge = (guint) chosen;
          hit->relationship = EDGE (self, chosen)->relationship;
          return TRUE;
        }
    }

  if (soc_rect_contains_point (&self->field, x, y))
    {
      hit->kind = SOC_MAP_HIT_PLOT;
      return TRUE;
    }
  hit->kind = SOC_MAP_HIT_NONE;
  return FALSE;
}

/* The bubble the arrow keys go to from BUBBLE: the nearest within 45
 * degrees of that way (straight ahead counting more than off to the side),
 * else the nearest that lies that way at all. FALSE when none does. */
gboolean
soc_map_layout_neighbour (SocMapLayout *self,
                          guint         bubble,
                          SocDirection  direction,
                          guint        *neighbour)
{
  const SocMapBubble *from;
  double best[2] = { G_MAXDOUBLE, G_MAXDOUBLE };
  gint64 chosen[2] = { -1, -1 };

  g_return_val_if_fail (bubble < self->bubbles->len, FALSE);

  from = BUBBLE (self, bubble);
  for (guint i = 0; i < self->bubbles->len; i++)
    {
      const SocMapBubble *b = BUBBLE (self, i);
      double dx = b->center.x - from->center.x, dy = b->center.y - from->center.y;
      double ahead, aside, score;
      guint tier;

      if (i == bubble)
        continue;
      switch (direction)
        {
        case SOC_DIRECTION_LEFT:
          ahead = -dx, aside = dy;
          break;
        case SOC_DIRECTION_RIGHT:
          ahead = dx, aside = dy;
          break;
        case SOC_DIRECTION_UP:
          ahead = -dy, aside = dx;
          break;
        case SOC_DIRECTION_DOWN:
        default:
          ahead = dy, aside = dx;
          break;
        }
      if (ahead <= 0.5)
        continue;
      tier = fabs (aside) <= ahead ? 0 : 1;
      score = ahead * ahead + 4 * aside * aside;
      if (score < best[tier])
        {
          best[tier] = score;
          chosen[tier] = i;
        }
    }
  if (chosen[0] < 0 && chosen[1] < 0)
    return FALSE;
  *neighbour = (guint) (chosen[0] >= 0 ? chosen[0] : chosen[1]);
  return TRUE;
}
