/* soc-map-labels.c: where the names of the stakeholder map go
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names are placed greedily, the most influential and interested first,
 * at the first of eight places around their bubble that meets no bubble,
 * no name placed before, no quadrant title and nothing outside the grid,
 * and that sits nearer its own bubble than any other (so it says whose it
 * is); a place that crosses no relationship is taken first. A name with
 * no such place is not shown: the tooltip and screen readers have it.
 * On a crowded map most places are taken, so the cheap refusals come
 * first.
 */

#define G_LOG_DOMAIN "soc-map-layout"

#include "config.h"

#include <math.h>

#include "soc-map-layout-private.h"

#define READ_ALONG      30.0   /* a bubble this near either end of a name, level with it, reads as its owner */
#define READ_ACROSS     10.0   /* and this near above or below it */
#define TITLE_INSET      6.0
#define TITLE_PAD        3.0

/* Whether the segment from A to B crosses RECT (Liang and Barsky's clip). */
static gboolean
segment_meets_rect (const SocPoint *a,
                    const SocPoint *b,
                    const SocRect  *rect)
{
  double t0 = 0, t1 = 1;
  double dx = b->x - a->x, dy = b->y - a->y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a->x - rect->x, rect->x + rect->width - a->x, a->y - rect->y, rect->y + rect->height - a->y };

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      {
        double t = q[i] / p[i];

        if (p[i] < 0)
          t0 = MAX (t0, t);
        else
          t1 = MIN (t1, t);
      }
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

/* Whether a relationship's line, as drawn, crosses RECT. */
static gboolean
crosses_edge (SocMapLayout  *self,
              const SocRect *rect,
              GArray        *scratch)
{
  g_array_set_size (scratch, 0);
  soc_map_layout_edges_in (self, rect, scratch);
  for (guint i = 0; i < scratch->len; i++)
    {
      const SocMapEdge *e = &g_array_index (self->edges, SocMapEdge, g_array_index (scratch, guint, i));

      if (e->long_reach)
        {
          SocPoint a1, b0;

          soc_map_edge_stubs (e, &a1, &b0);
          if (segment_meets_rect (&e->a, &a1, rect) || segment_meets_rect (&b0, &e->b, rect))
            return TRUE;
        }
      else if (segment_meets_rect (&e->a, &e->b, rect))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GArray *head;     /* guint: per cell, the first entry + 1, or 0 */
  GArray *entries;  /* LabelEntry */
} LabelGrid;

typedef struct
{
  guint bubble;
  guint next;       /* the next entry + 1 in the same cell, or 0 */
} LabelEntry;

typedef struct
{
  const SocRect *rect;
  guint          own;
  double         own_gap;   /* from the name to its own bubble's rim */
} Probe;

/* How far RECT is from the disc at C of radius R (negative: they meet). */
static double
rect_gap (const SocRect  *rect,
          const SocPoint *c,
          double          r)
{
  double nx = CLAMP (c->x, rect->x, rect->x + rect->width);
  double ny = CLAMP (c->y, rect->y, rect->y + rect->height);

  return sqrt ((c->x - nx) * (c->x - nx) + (c->y - ny) * (c->y - ny)) - r;
}

/* The quickest refusal on a crowded map: a bubble's centre in the place. */
static gboolean
centre_outside (SocMapLayout *self,
                guint         bubble,
                gpointer      data)
{
  Probe *probe = data;
  SocMapBubble *b = BUBBLE (self, bubble);

  return !soc_rect_contains_point (probe->rect, b->center.x, b->center.y);
}

/* A name keeps clear of every bubble, its own included, by a pixel. */
static gboolean
bubble_clear_of (SocMapLayout *self,
                 guint         bubble,
                 gpointer      data)
{
  Probe *probe = data;
  SocMapBubble *b = BUBBLE (self, bubble);

  return !_soc_map_disc_meets_rect (&b->center, b->outer + 1, probe->rect);
}

/* A name sits nearer its own bubble than any other, so it says whose it
 * is: no other bubble close to it, nor at either end of its line, where a
 * name reads as that bubble's. */
static gboolean
bubble_far_from (SocMapLayout *self,
                 guint         bubble,
                 gpointer      data)
{
  Probe *probe = data;
  SocMapBubble *b = BUBBLE (self, bubble);
  const SocRect *r = probe->rect;
  double gap;

  if (bubble == probe->own)
    return TRUE;
  gap = rect_gap (r, &b->center, b->outer);
  if (gap <= probe->own_gap + 2)
    return FALSE;
  if (b->center.y >= r->y && b->center.y <= r->y + r->height && gap <= probe->own_gap + READ_ALONG)
    return FALSE;
  if (b->center.x >= r->x && b->center.x <= r->x + r->width && gap <= probe->own_gap + READ_ACROSS)
    return FALSE;
  return TRUE;
}

/* Whether a name may go at RECT: in the grid, over no title, bubble or
 * name, and nearer its own bubble OWN than any other. The cheap and
 * likely refusals first: on a crowded map most places are taken. */
static gboolean
label_fits (SocMapLayout    *self,
            LabelGrid       *grid,
            const SocRect   *rect,
            guint            own)
{
  Probe probe = { rect, own, rect_gap (rect, &BUBBLE (self, own)->center, BUBBLE (self, own)->outer) };
  gint64 cx0, cy0, cx1, cy1;

  if (!soc_rect_contains_rect (&self->field, rect))
    return FALSE;
  for (guint q = 0; self->has_titles && q < G_N_ELEMENTS (self->titles); q++)
    if (soc_rect_intersects (&self->titles[q], rect))
      return FALSE;
  if (!_soc_map_layout_foreach_bubble_near (self, rect, 0, centre_outside, &probe) ||
      !_soc_map_layout_foreach_bubble_near (self, rect, self->max_outer + 1, bubble_clear_of, &probe))
    return FALSE;
  _soc_map_layout_cells_of (self, rect, &cx0, &cy0, &cx1, &cy1);
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      for (guint e = g_array_index (grid->head, guint, cy * self->n_cols + cx); e != 0;
           e = g_array_index (grid->entries, LabelEntry, e - 1).next)
        {
          const SocMapBubble *other = BUBBLE (self, g_array_index (grid->entries, LabelEntry, e - 1).bubble);

          if (soc_rect_intersects (&other->label, rect))
            return FALSE;
        }
  return _soc_map_layout_foreach_bubble_near (self, rect, self->max_outer + probe.own_gap + READ_ALONG + 1, bubble_far_from, &probe);
}

static void
label_add (SocMapLayout *self,
           LabelGrid    *grid,
           guint         bubble)
{
  gint64 cx0, cy0, cx1, cy1;

  _soc_map_layout_cells_of (self, &BUBBLE (self, bubble)->label, &cx0, &cy0, &cx1, &cy1);
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      {
        guint *head = &g_array_index (grid->head, guint, cy * self->n_cols + cx);
        LabelEntry e = { bubble, *head };

        g_array_append_val (grid->entries, e);
        *head = grid->entries->len;
      }
}

static int
compare_priority (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  SocMapLayout *self = data;
  const SocMapBubble *ba = BUBBLE (self, *(const guint *) a);
  const SocMapBubble *bb = BUBBLE (self, *(const guint *) b);
  int pa = ba->influence + ba->interest, pb = bb->influence + bb->interest;

  if (pa != pb)
    return pa > pb ? -1 : 1;
  return ba->order < bb->order ? -1 : ba->order > bb->order;
}

/* Whether BUBBLE stays clear of the rectangle DATA: the walk over the
 * bubbles near it stops at the first that does not. */
static gboolean
clear_of_bubble (SocMapLayout *self,
                 guint         bubble,
                 gpointer      data)
{
  const SocMapBubble *b = BUBBLE (self, bubble);
  const SocRect *rect = data;
  double nx = CLAMP (b->center.x, rect->x, rect->x + rect->width);
  double ny = CLAMP (b->center.y, rect->y, rect->y + rect->height);

  return (b->center.x - nx) * (b->center.x - nx) + (b->center.y - ny) * (b->center.y - ny) >= b->outer * b->outer;
}

/* Where the title of QUADRANT goes, WIDTH by HEIGHT: in the first of its
 * quadrant's corners that no bubble covers (the outer one, then along the
 * outer edges, then the inner one), or in the outer one if every corner is
 * taken. Stakeholders sit at the extremes as often as anywhere (a new one
 * at 0 and 0, on "Monitor"), and a title under a bubble cannot be read.
 * It is no wider than the quadrant, less its insets. */
SocRect
soc_map_layout_title_rect (SocMapLayout   *self,
                           SocMapQuadrant  quadrant,
                           double          width,
                           double          height)
{
  const SocRect *f = &self->field;
  gboolean left = quadrant == SOC_MAP_QUADRANT_KEEP_SATISFIED || quadrant == SOC_MAP_QUADRANT_MONITOR;
  gboolean top = quadrant == SOC_MAP_QUADRANT_KEEP_SATISFIED || quadrant == SOC_MAP_QUADRANT_MANAGE_CLOSELY;
  double mx = f->x + f->width * SOC_MAP_MIDDLE / SOC_MAP_MAX_VALUE;
  double my = f->y + f->height * (SOC_MAP_MAX_VALUE - SOC_MAP_MIDDLE) / SOC_MAP_MAX_VALUE;
  double qx0 = left ? f->x : mx, qx1 = left ? mx : f->x + f->width;
  double qy0 = top ? f->y : my, qy1 = top ? my : f->y + f->height;
  double xs[2], ys[2];
  gboolean fits[2];
  static const guint corners[][2] = { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 } };

  /* Never wider than its quadrant: a long title (German's "Auf dem
   * Laufenden halten") on a small map ran into its neighbour's. The
   * painter shortens it to the width given. */
  width = MIN (width, MAX (qx1 - qx0 - 2 * TITLE_INSET, 0));
  xs[0] = left ? qx0 + TITLE_INSET : qx1 - TITLE_INSET - width;
  xs[1] = left ? qx1 - TITLE_INSET - width : qx0 + TITLE_INSET;
  ys[0] = top ? qy0 + TITLE_INSET : qy1 - TITLE_INSET - height;
  ys[1] = top ? qy1 - TITLE_INSET - height : qy0 + TITLE_INSET;
  fits[0] = qx1 - qx0 >= width + 2 * TITLE_INSET;
  fits[1] = qy1 - qy0 >= height + 2 * TITLE_INSET;

  for (guint c = 0; self->cell_first != NULL && c < G_N_ELEMENTS (corners); c++)
    {
      SocRect r = SOC_RECT_INIT (xs[corners[c][0]], ys[corners[c][1]], width, height);

      if ((corners[c][0] == 1 && !fits[0]) || (corners[c][1] == 1 && !fits[1]))
        continue;
      if (_soc_map_layout_foreach_bubble_near (self, &r, self->max_outer, clear_of_bubble, &r))
        return r;
    }
  return SOC_RECT_INIT (xs[0], ys[0], width, height);
}

/* The quadrant titles' places, measured; FALSE when the layout measured
 * no text. */
gboolean
soc_map_layout_get_title (SocMapLayout   *self,
                          SocMapQuadrant  quadrant,
                          SocRect        *rect)
{
  g_return_val_if_fail (quadrant <= SOC_MAP_QUADRANT_MONITOR, FALSE);

  if (!self->has_titles)
    return FALSE;
  *rect = self->titles[quadrant];
  return TRUE;
}

void
_soc_map_layout_place_titles (SocMapLayout *self,
              SocMapWidths *widths)
{
  double h = soc_map_widths_get_height (widths, SOC_TEXT_HEADING) + 2 * TITLE_PAD;

  for (SocMapQuadrant q = SOC_MAP_QUADRANT_MANAGE_CLOSELY; q <= SOC_MAP_QUADRANT_MONITOR; q++)
    {
      double w = soc_map_widths_measure (widths, SOC_TEXT_HEADING, soc_map_quadrant_label (q)) + 2 * TITLE_PAD;

      self->titles[q] = soc_map_layout_title_rect (self, q, w, h);
    }
  self->has_titles = TRUE;
}

/* Names, greedily: the most influential and interested first, each at the
 * first free place of eight around its bubble (one that crosses no
 * relationship if there is one), or not at all. */
void
_soc_map_layout_place_labels (SocMapLayout *self,
              SocMapWidths *widths)
{
  const SocMapMetrics *m = &self->metrics;
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->bubbles->len);
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint));
  LabelGrid grid;
  double h = soc_map_widths_get_height (widths, SOC_TEXT_LABEL) + 2 * m->label_pad;

  grid.head = g_array_sized_new (FALSE, TRUE, sizeof (guint), self->n_cols * self->n_rows);
  g_array_set_size (grid.head, self->n_cols * self->n_rows);
  grid.entries = g_array_new (FALSE, FALSE, sizeof (LabelEntry));

  for (guint i = 0; i < self->bubbles->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_priority, self);

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      SocMapBubble *b = BUBBLE (self, i);
      const char *name = soc_stakeholder_get_name (b->stakeholder);
      double w, cx = b->center.x, cy = b->center.y, o, d;
      SocRect candidates[8];
      guint chosen, crossing;

      if (name == NULL || name[0] == '\0')
        continue;
      w = MIN (soc_map_widths_get (widths, name), m->label_max_width) + 2 * m->label_pad;
      o = b->outer + m->label_gap;
      d = o * 0.7071;
      candidates[0] = SOC_RECT_INIT (cx + o, cy - h / 2, w, h);                 /* right */
      candidates[1] = SOC_RECT_INIT (cx - o - w, cy - h / 2, w, h);             /* left */
      candidates[2] = SOC_RECT_INIT (cx + d, cy - d - h, w, h);                 /* above right */
      candidates[3] = SOC_RECT_INIT (cx + d, cy + d, w, h);                     /* below right */
      candidates[4] = SOC_RECT_INIT (cx - d - w, cy - d - h, w, h);             /* above left */
      candidates[5] = SOC_RECT_INIT (cx - d - w, cy + d, w, h);                 /* below left */
      candidates[6] = SOC_RECT_INIT (cx - w / 2, cy - o - h, w, h);             /* above */
      candidates[7] = SOC_RECT_INIT (cx - w / 2, cy + o, w, h);                 /* below */
      /* First a place that crosses no relationship; then the first that
       * fits but crosses one. A refused place is not tried again: on a
       * crowded map that is nearly every place. */
      chosen = G_N_ELEMENTS (candidates);
      crossing = G_N_ELEMENTS (candidates);
      for (guint c = 0; c < G_N_ELEMENTS (candidates) && chosen == G_N_ELEMENTS (candidates); c++)
        if (label_fits (self, &grid, &candidates[c], i))
          {
            if (!crosses_edge (self, &candidates[c], scratch))
              chosen = c;
            else if (crossing == G_N_ELEMENTS (candidates))
              crossing = c;
          }
      if (chosen == G_N_ELEMENTS (candidates))
        chosen = crossing;
      if (chosen < G_N_ELEMENTS (candidates))
        {
          const SocRect *r = &candidates[chosen];
          double far_x = MAX (fabs (r->x - cx), fabs (r->x + w - cx));
          double far_y = MAX (fabs (r->y - cy), fabs (r->y + h - cy));

          b->label = *r;
          b->flags |= SOC_MAP_BUBBLE_LABEL;
          self->reach = MAX (self->reach, MAX (far_x, far_y));
          self->n_labels++;
          label_add (self, &grid, i);
        }
    }
  g_array_unref (grid.head);
  g_array_unref (grid.entries);
}

