/* soc-roadmap-layout-query.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a roadmap layout: its parts, what meets a rectangle (boxes row
 * by row, arrows through the grid), what is at a point, and where the
 * arrow keys go.
 */

#define G_LOG_DOMAIN "soc-roadmap-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "soc-roadmap-layout-private.h"

const SocTimescale *
soc_roadmap_layout_get_scale (SocRoadmapLayout *self)
{
  return &self->scale;
}

/* The days the plan dates (or the range asked for): the scale's before it
 * ran on to fill the metrics' min_width. */
void
soc_roadmap_layout_get_span (SocRoadmapLayout *self,
                             guint            *origin,
                             guint            *end)
{
  g_return_if_fail (self != NULL);

  *origin = self->span_origin;
  *end = self->span_end;
}

const SocRoadmapMetrics *
soc_roadmap_layout_get_metrics (SocRoadmapLayout *self)
{
  return &self->metrics;
}

double
soc_roadmap_layout_get_width (SocRoadmapLayout *self)
{
  return self->width;
}

double
soc_roadmap_layout_get_height (SocRoadmapLayout *self)
{
  return self->height;
}

/* Items with no dates (or a lane missing), which have no box. */
guint
soc_roadmap_layout_get_n_unscheduled (SocRoadmapLayout *self)
{
  return self->n_unscheduled;
}

guint
soc_roadmap_layout_get_n_lanes (SocRoadmapLayout *self)
{
  return self->lanes->len;
}

const SocRoadmapLane *
soc_roadmap_layout_get_lane (SocRoadmapLayout *self,
                             guint             index)
{
  g_return_val_if_fail (index < self->lanes->len, NULL);
  return &g_array_index (self->lanes, SocRoadmapLane, index);
}

guint
soc_roadmap_layout_get_n_rows (SocRoadmapLayout *self)
{
  return self->row_y->len;
}

double
soc_roadmap_layout_get_row_y (SocRoadmapLayout *self,
                              guint             row)
{
  g_return_val_if_fail (row < self->row_y->len, 0);
  return g_array_index (self->row_y, double, row);
}

guint
soc_roadmap_layout_get_n_boxes (SocRoadmapLayout *self)
{
  return self->boxes->len;
}

const SocRoadmapBox *
soc_roadmap_layout_get_box (SocRoadmapLayout *self,
                            guint             index)
{
  g_return_val_if_fail (index < self->boxes->len, NULL);
  return &g_array_index (self->boxes, SocRoadmapBox, index);
}

/* ITEM's box, or NULL if it has none (no dates, or outside the span). */
const SocRoadmapBox *
soc_roadmap_layout_find_box (SocRoadmapLayout *self,
                             SocItem          *item,
                             guint            *index)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (self->box_of, item));

  if (i == 0)
    return NULL;
  if (index != NULL)
    *index = i - 1;
  return &g_array_index (self->boxes, SocRoadmapBox, i - 1);
}

guint
soc_roadmap_layout_get_n_phases (SocRoadmapLayout *self)
{
  return self->phases->len;
}

const SocRoadmapPhase *
soc_roadmap_layout_get_phase (SocRoadmapLayout *self,
                              guint             index)
{
  g_return_val_if_fail (index < self->phases->len, NULL);
  return &g_array_index (self->phases, SocRoadmapPhase, index);
}

guint
soc_roadmap_layout_get_n_arrows (SocRoadmapLayout *self)
{
  return self->arrows->len;
}

const SocRoadmapArrow *
soc_roadmap_layout_get_arrow (SocRoadmapLayout *self,
                              guint             index)
{
  g_return_val_if_fail (index < self->arrows->len, NULL);
  return &g_array_index (self->arrows, SocRoadmapArrow, index);
}

/* The arrows that leave or reach BOX. */
const guint *
soc_roadmap_layout_get_box_arrows (SocRoadmapLayout *self,
                                   guint             box,
                                   guint            *n_arrows)
{
  guint first;

  g_return_val_if_fail (box < self->boxes->len, NULL);
  first = g_array_index (self->box_arrows_first, guint, box);
  *n_arrows = g_array_index (self->box_arrows_first, guint, box + 1) - first;
  /* With no arrows at all the array has no storage to point into. */
  return *n_arrows > 0 ? &g_array_index (self->box_arrows, guint, first) : NULL;
}

const SocPoint *
soc_roadmap_layout_get_points (SocRoadmapLayout      *self,
                               const SocRoadmapArrow *arrow)
{
  return &g_array_index (self->points, SocPoint, arrow->first_point);
}

/* The first row whose bottom is below Y. */
static guint
row_at_or_after (SocRoadmapLayout *self,
                 double            y)
{
  guint lo = 0, hi = self->row_y->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->row_y, double, mid) + self->metrics.row_height <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Appends to INDEXES (guint) the boxes that meet RECT, row by row, each
 * row by x. */
void
soc_roadmap_layout_boxes_in (SocRoadmapLayout *self,
                             const SocRect    *rect,
                             GArray           *indexes)
{
  for (guint r = row_at_or_after (self, rect->y); r < self->row_y->len; r++)
    {
      guint end = g_array_index (self->row_first, guint, r + 1);

      if (g_array_index (self->row_y, double, r) >= rect->y + rect->height)
        break;
      for (guint i = _soc_roadmap_layout_first_box_after (self, r, rect->x); i < end; i++)
        {
          const SocRoadmapBox *box = &g_array_index (self->boxes, SocRoadmapBox, i);

          if (box->rect.x >= rect->x + rect->width)
            break;
          if (box->rect.y < rect->y + rect->height && box->rect.y + box->rect.height > rect->y)
            g_array_append_val (indexes, i);
        }
    }
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* Whether arrow A shows in RECT: its bounds, or a long one's stubs. */
static gboolean
arrow_meets (SocRoadmapLayout *self,
             guint             a,
             const SocRect    *rect)
{
  const SocRoadmapArrow *arrow = &g_array_index (self->arrows, SocRoadmapArrow, a);
  const SocPoint *pts;
  SocRect out, in;

  if (!soc_rect_intersects (&arrow->bounds, rect))
    return FALSE;
  if (!arrow->long_reach)
    return TRUE;
  pts = &g_array_index (self->points, SocPoint, arrow->first_point);
  out = _soc_roadmap_layout_bounds_of (pts, 2);
  in = _soc_roadmap_layout_bounds_of (pts + 2, 2);
  return soc_rect_intersects (&out, rect) || soc_rect_intersects (&in, rect);
}

/* Appends to INDEXES (guint) the arrows whose bounds meet RECT, each once,
 * in the order they were made. */
void
soc_roadmap_layout_arrows_in (SocRoadmapLayout *self,
                              const SocRect    *rect,
                              GArray           *indexes)
{
  gint64 cx0, cy0, cx1, cy1;
  guint start = indexes->len;
  guint kept = start;

  _soc_roadmap_layout_cells_of (self, rect, &cx0, &cy0, &cx1, &cy1);
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      {
        guint cell = (guint) (cy * self->n_cols + cx);
        guint end = g_array_index (self->cell_first, guint, cell + 1);

        for (guint i = g_array_index (self->cell_first, guint, cell); i < end; i++)
          {
            guint a = g_array_index (self->cell_arrows, guint, i);

            if (arrow_meets (self, a, rect))
              g_array_append_val (indexes, a);
          }
      }
  for (guint i = 0; i < self->long_arrows->len; i++)
    {
      guint a = g_array_index (self->long_arrows, guint, i);

      if (arrow_meets (self, a, rect))
        g_array_append_val (indexes, a);
    }

  /* An arrow over several cells was found in each: keep it once. */
  if (indexes->len - start > 1)
    {
      qsort (&g_array_index (indexes, guint, start), indexes->len - start, sizeof (guint), compare_uint);
      kept = start + 1;
      for (guint i = start + 1; i < indexes->len; i++)
        if (g_array_index (indexes, guint, i) != g_array_index (indexes, guint, kept - 1))
          g_array_index (indexes, guint, kept++) = g_array_index (indexes, guint, i);
      g_array_set_size (indexes, kept);
    }
}

/* The lanes that meet [Y0, Y1): FIRST to LAST inclusive; FALSE if none. */
void
soc_roadmap_layout_lanes_in (SocRoadmapLayout *self,
                             double            y0,
                             double            y1,
                             guint            *first,
                             guint            *last)
{
  guint lo = 0, hi = self->lanes->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const SocRoadmapLane *lane = &g_array_index (self->lanes, SocRoadmapLane, mid);

      if (lane->band.y + lane->band.height <= y0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;
  while (hi < self->lanes->len && g_array_index (self->lanes, SocRoadmapLane, hi).band.y < y1)
    hi++;
  *last = hi;   /* one past the last */
}

/* The lane at Y, or G_MAXUINT. */
static guint
lane_at (SocRoadmapLayout *self,
         double            y)
{
  guint first, last;

  soc_roadmap_layout_lanes_in (self, y, y + 0.5, &first, &last);
  if (first < last && first < self->lanes->len)
    {
      const SocRoadmapLane *lane = &g_array_index (self->lanes, SocRoadmapLane, first);

      if (y >= lane->band.y)
        return first;
    }
  return G_MAXUINT;
}

/* What is at X, Y, in VISIBLE: the time header and the lane titles stay at
 * its top and left however far it is scrolled. Returns FALSE for nothing. */
gboolean
soc_roadmap_layout_hit (SocRoadmapLayout *self,
                        double            x,
                        double            y,
                        const SocRect    *visible,
                        SocRoadmapHit    *hit)
{
  guint lane;

  memset (hit, 0, sizeof *hit);
  hit->lane_index = G_MAXUINT;
  hit->date = soc_timescale_date (&self->scale, x);

  if (visible != NULL ? y < visible->y + self->metrics.header_height : y < self->metrics.header_height)
    {
      hit->kind = SOC_ROADMAP_HIT_HEADER;
      return TRUE;
    }

  lane = lane_at (self, y);
  if (lane != G_MAXUINT)
    {
      hit->lane_index = lane;
      hit->lane = g_array_index (self->lanes, SocRoadmapLane, lane).lane;
    }

  if (visible != NULL ? x < visible->x + self->metrics.title_width : x < self->metrics.title_width)
    {
      hit->kind = lane != G_MAXUINT ? SOC_ROADMAP_HIT_LANE_TITLE : SOC_ROADMAP_HIT_NONE;
      return hit->kind != SOC_ROADMAP_HIT_NONE;
    }

  /* A box, its edges, or the handle just after it. */
  {
    guint r = row_at_or_after (self, y);

    if (r < self->row_y->len && g_array_index (self->row_y, double, r) <= y)
      {
        guint end = g_array_index (self->row_first, guint, r + 1);

        for (guint i = _soc_roadmap_layout_first_box_after (self, r, x - LINK_HANDLE - 2); i < end; i++)
          {
            const SocRoadmapBox *box = &g_array_index (self->boxes, SocRoadmapBox, i);
            double x0 = box->rect.x, x1 = box->rect.x + box->rect.width;
            gboolean in_y = y >= box->rect.y - 2 && y < box->rect.y + box->rect.height + 2;

            if (x0 > x + 2)
              break;
            if (!in_y)
              continue;
            hit->item = box->item;
            hit->box = i;
            hit->lane_index = box->lane;
            hit->lane = g_array_index (self->lanes, SocRoadmapLane, box->lane).lane;
            if (x >= x1 && x < x1 + LINK_HANDLE && x < box->room)
              hit->kind = SOC_ROADMAP_HIT_LINK;
            else if (x < x0 - 2 || x >= x1 + 2)
              continue;
            else if (!(box->flags & SOC_ROADMAP_BOX_MILESTONE) && box->rect.width >= MIN_EDGE_BAR &&
                     x < x0 + EDGE_GRIP)
              hit->kind = SOC_ROADMAP_HIT_START_EDGE;
            else if (!(box->flags & SOC_ROADMAP_BOX_MILESTONE) && box->rect.width >= MIN_EDGE_BAR &&
                     x >= x1 - EDGE_GRIP)
              hit->kind = SOC_ROADMAP_HIT_END_EDGE;
            else
              hit->kind = SOC_ROADMAP_HIT_ITEM;
            return TRUE;
          }
      }
  }

  hit->item = NULL;
  if (lane != G_MAXUINT)
    {
      hit->kind = SOC_ROADMAP_HIT_LANE_TIME;
      return TRUE;
    }
  hit->kind = SOC_ROADMAP_HIT_NONE;
  return FALSE;
}

/* The box the arrow keys go to from BOX: the one before or after it in
 * its row, or the nearest in the row above or below (across lanes,
 * skipping empty rows). FALSE at the edges. */
gboolean
soc_roadmap_layout_neighbour (SocRoadmapLayout *self,
                              guint             box,
                              SocDirection      direction,
                              guint            *neighbour)
{
  const SocRoadmapBox *from;
  double cx;
  int step;

  g_return_val_if_fail (box < self->boxes->len, FALSE);

  from = &g_array_index (self->boxes, SocRoadmapBox, box);
  switch (direction)
    {
    case SOC_DIRECTION_LEFT:
      if (box == 0 || g_array_index (self->boxes, SocRoadmapBox, box - 1).row != from->row)
        return FALSE;
      *neighbour = box - 1;
      return TRUE;
    case SOC_DIRECTION_RIGHT:
      if (box + 1 >= self->boxes->len || g_array_index (self->boxes, SocRoadmapBox, box + 1).row != from->row)
        return FALSE;
      *neighbour = box + 1;
      return TRUE;
    case SOC_DIRECTION_UP:
    case SOC_DIRECTION_DOWN:
    default:
      break;
    }

  cx = from->rect.x + from->rect.width / 2;
  step = direction == SOC_DIRECTION_UP ? -1 : 1;
  for (gint64 r = (gint64) from->row + step; r >= 0 && r < (gint64) self->row_y->len; r += step)
    {
      guint first = g_array_index (self->row_first, guint, r);
      guint end = g_array_index (self->row_first, guint, r + 1);
      guint at, best;
      double best_d = G_MAXDOUBLE;

      if (first == end)
        continue;
      /* The nearest box to CX: the one that ends after it, or the one before. */
      at = _soc_roadmap_layout_first_box_after (self, (guint) r, cx);
      best = MIN (at, end - 1);
      for (guint i = (at > first ? at - 1 : first); i <= MIN (at, end - 1); i++)
        {
          const SocRoadmapBox *b = &g_array_index (self->boxes, SocRoadmapBox, i);
          double d = cx < b->rect.x ? b->rect.x - cx : cx > b->rect.x + b->rect.width ? cx - (b->rect.x + b->rect.width) : 0;

          if (d < best_d)
            {
              best_d = d;
              best = i;
            }
        }
      *neighbour = best;
      return TRUE;
    }
  return FALSE;
}
