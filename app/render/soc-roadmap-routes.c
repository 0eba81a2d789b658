/* soc-roadmap-routes.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a dependency's arrow goes, once the boxes are placed: from the end
 * of the prerequisite to the start of the dependent item, as an elbow
 * where the way is free; else along the gaps between rows, where no bar
 * is. A dependency between items more than LONG_REACH rows apart gets a
 * stub at each end instead (soc-roadmap-layout.c says why). Rows are read
 * through the layout's row index, so a route costs what it passes, never
 * the plan's size.
 */

#define G_LOG_DOMAIN "soc-roadmap-layout"

#include "config.h"

#include "soc-roadmap-layout-private.h"

#define ARROW_STUB        8.0   /* the straight part leaving and entering a box */
#define ARROW_HEAD        6.0
#define MAX_CHECKED_ROWS   64   /* a vertical run over more rows is not rerouted */

/* The top of ROW's bars. */
double
_soc_roadmap_layout_bar_top (SocRoadmapLayout *self,
                             guint             row)
{
  return g_array_index (self->row_y, double, row) + (self->metrics.row_height - self->metrics.bar_height) / 2;
}

/* The first box of ROW that ends after X. */
guint
_soc_roadmap_layout_first_box_after (SocRoadmapLayout *self,
                                     guint             row,
                                     double            x)
{
  guint lo = g_array_index (self->row_first, guint, row);
  guint hi = g_array_index (self->row_first, guint, row + 1);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->boxes, SocRoadmapBox, mid).rect.x + g_array_index (self->boxes, SocRoadmapBox, mid).rect.width <= x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Whether a box of ROW, other than the boxes SKIP_A and SKIP_B, meets
 * [X0, X1]. */
static gboolean
row_blocked (SocRoadmapLayout *self,
             guint             row,
             double            x0,
             double            x1,
             guint             skip_a,
             guint             skip_b)
{
  guint end = g_array_index (self->row_first, guint, row + 1);

  for (guint i = _soc_roadmap_layout_first_box_after (self, row, x0); i < end; i++)
    {
      const SocRoadmapBox *box = &g_array_index (self->boxes, SocRoadmapBox, i);

      if (box->rect.x > x1)
        return FALSE;
      if (i != skip_a && i != skip_b)
        return TRUE;
    }
  return FALSE;
}

/* The y of the gap above ROW's bars (ABOVE) or below them. */
static double
gap_y (SocRoadmapLayout *self,
       guint             row,
       gboolean          above)
{
  const SocRoadmapLane *lane = &g_array_index (self->lanes, SocRoadmapLane,
                                               g_array_index (self->row_lane, guint, row));
  double top = _soc_roadmap_layout_bar_top (self, row);
  double bottom = top + self->metrics.bar_height;

  if (above)
    {
      double limit = row == lane->first_row ? lane->band.y : _soc_roadmap_layout_bar_top (self, row - 1) + self->metrics.bar_height;
      return (limit + top) / 2;
    }
  else
    {
      double limit = row + 1 == lane->first_row + lane->n_rows ? lane->band.y + lane->band.height
                                                                 : _soc_roadmap_layout_bar_top (self, row + 1);
      return (bottom + limit) / 2;
    }
}

/* Whether a vertical run at X from row RA to row RB passes a box in a row
 * between them. */
static gboolean
column_blocked (SocRoadmapLayout *self,
                double            x,
                guint             ra,
                guint             rb)
{
  guint lo = MIN (ra, rb), hi = MAX (ra, rb);

  if (hi - lo > MAX_CHECKED_ROWS)
    return FALSE;
  for (guint r = lo + 1; r < hi; r++)
    if (row_blocked (self, r, x - 1, x + 1, G_MAXUINT, G_MAXUINT))
      return TRUE;
  return FALSE;
}

static void
add_point (GArray *points,
           double  x,
           double  y)
{
  SocPoint p = { x, y };

  g_array_append_val (points, p);
}

/* Appends to PTS the route from box FROM's end to box TO's start. */
static void
route (SocRoadmapLayout *self,
       guint             from,
       guint             to,
       GArray           *pts)
{
  const SocRoadmapBox *a = &g_array_index (self->boxes, SocRoadmapBox, from);
  const SocRoadmapBox *b = &g_array_index (self->boxes, SocRoadmapBox, to);
  double ax = a->rect.x + a->rect.width;
  double ay = a->rect.y + a->rect.height / 2;
  double bx = b->rect.x;
  double by = b->rect.y + b->rect.height / 2;
  gboolean done = FALSE;

  add_point (pts, ax, ay);

  if (bx - ax >= 2 * ARROW_STUB)
    {
      if (a->row == b->row)
        {
          /* Straight, unless something lies between them. */
          if (!row_blocked (self, a->row, ax + 1, bx - 1, from, to))
            done = TRUE;
        }
      else
        {
          /* An elbow: along A's row, down or up, along B's row. Try the
           * first turn that passes no bar. */
          double candidates[4];
          guint n = 0;

          candidates[n++] = ax + ARROW_STUB;
          candidates[n++] = bx - ARROW_STUB;
          candidates[n++] = (ax + bx) / 2;
          for (guint i = 0; i < n && !done; i++)
            {
              double xt = candidates[i];

              if (!row_blocked (self, a->row, ax + 1, xt + 1, from, to) &&
                  !row_blocked (self, b->row, xt - 1, bx - 1, from, to) &&
                  !column_blocked (self, xt, a->row, b->row))
                {
                  add_point (pts, xt, ay);
                  add_point (pts, xt, by);
                  done = TRUE;
                }
            }
        }
    }

  if (!done)
    {
      /* Along the gap next to B's row, on A's side of it, where no bar is. */
      gboolean above = a->row < b->row;
      double gy = gap_y (self, b->row, above);
      double x1 = ax + ARROW_STUB;
      double x2 = bx - ARROW_STUB;

      add_point (pts, x1, ay);
      add_point (pts, x1, gy);
      add_point (pts, x2, gy);
      add_point (pts, x2, by);
    }

  add_point (pts, bx, by);
}

/* Appends to POINTS the whole route from box FROM's end to box TO's start,
 * as an arrow between them would take: for a dependency drawn whole when
 * one of its items is selected, or one being drawn. */
void
soc_roadmap_layout_route (SocRoadmapLayout *self,
                          guint             from,
                          guint             to,
                          GArray           *points)
{
  g_return_if_fail (from < self->boxes->len && to < self->boxes->len);
  route (self, from, to, points);
}

SocRect
_soc_roadmap_layout_bounds_of (const SocPoint *pts,
                               guint           n)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      x0 = MIN (x0, pts[i].x);
      y0 = MIN (y0, pts[i].y);
      x1 = MAX (x1, pts[i].x);
      y1 = MAX (y1, pts[i].y);
    }
  return SOC_RECT_INIT (x0 - ARROW_HEAD, y0 - ARROW_HEAD, x1 - x0 + 2 * ARROW_HEAD, y1 - y0 + 2 * ARROW_HEAD);
}

/* Appends to the layout's points the arrow from box FROM to box TO:
 * routed, or as two stubs when the items are far apart. */
void
_soc_roadmap_layout_make_arrow (SocRoadmapLayout *self,
                                guint             from,
                                guint             to,
                                SocRoadmapArrow  *arrow)
{
  const SocRoadmapBox *a = &g_array_index (self->boxes, SocRoadmapBox, from);
  const SocRoadmapBox *b = &g_array_index (self->boxes, SocRoadmapBox, to);
  guint rows = a->row > b->row ? a->row - b->row : b->row - a->row;

  arrow->first_point = self->points->len;
  if (rows > LONG_REACH)
    {
      double ax = a->rect.x + a->rect.width, ay = a->rect.y + a->rect.height / 2;
      double bx = b->rect.x, by = b->rect.y + b->rect.height / 2;

      arrow->long_reach = TRUE;
      add_point (self->points, ax, ay);
      add_point (self->points, ax + ARROW_STUB + 4, ay);
      add_point (self->points, bx - ARROW_STUB - 4, by);
      add_point (self->points, bx, by);
    }
  else
    route (self, from, to, self->points);
  arrow->n_points = self->points->len - arrow->first_point;
  arrow->bounds = _soc_roadmap_layout_bounds_of (&g_array_index (self->points, SocPoint, arrow->first_point), arrow->n_points);
}
