/* soc-map-layout.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stakeholder map's geometry: the power/interest grid, computed once
 * per document change, zoom or filter, and only read after that by the
 * painter, hit testing and the keyboard.
 *
 *  - The plot: interest grows to the right and influence upward, each
 *    from 0 to 100, px_per_unit pixels a point; the influence axis is at
 *    the left and the interest axis below, outside a padding as wide as
 *    the largest bubble, so a bubble at 0 never slips under an axis.
 *  - Bubbles: a person's or a group's (larger), at its numbers. Those that
 *    share their numbers with others are spread on a small spiral, in the
 *    order of the plan (a Vogel spiral: the k-th at sqrt(k) steps out and
 *    k golden angles round), with steps longer than the largest radius of
 *    the lot: every centre lies outside every other bubble, so each one
 *    shows and a click on its centre finds it.
 *  - Names: placed greedily, the most influential and interested first,
 *    at the first of eight places around their bubble that meets no
 *    bubble, no name placed before and nothing outside the grid; a name
 *    that has no such place is not shown (the tooltip and screen readers
 *    have it). Names are measured once per text (SocMapWidths).
 *  - Relationships: from rim to rim; those longer than LONG_REACH show as
 *    a stub at each end, and whole when one of their ends is selected.
 *
 * Bubbles are found through a grid of cells by their centres, relations
 * through the cells their bounds meet: what a frame reads follows what is
 * visible, never the plan's size. Hit testing and the keyboard's way from
 * bubble to bubble are in soc-map-hit.c.
 */

#define G_LOG_DOMAIN "soc-map-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "soc-enum-types.h"
#include "soc-map-layout-private.h"
#include "soc-object-list.h"

void
soc_map_metrics_init (SocMapMetrics *metrics)
{
  metrics->person_radius = 9;
  metrics->group_radius = 14;
  metrics->ring_gap = 2;
  metrics->ring_width = 3;
  /* Outside the plot: a padding as wide as the largest bubble and its
   * ring, then the axis. */
  metrics->margin_left = 52 + 22;
  metrics->margin_bottom = 44 + 22;
  metrics->margin_top = 22 + 10;
  metrics->margin_right = 22 + 10;
  metrics->label_gap = 3;
  metrics->label_pad = 2;
  metrics->label_max_width = 150;
}

/* ------------------------------------------------------------------------ */
/* Filters, quadrants, marks                                                */

#define ALL_PROFILES ((1u << SOC_N_PROFILES) - 1)
#define ALL_STANCES  ((1u << (SOC_STANCE_BLOCKER + 1)) - 1)
#define ALL_ROLES    (SOC_ROLES_EXECUTIVE_SPONSOR | SOC_ROLES_ADVOCATE | SOC_ROLES_EVANGELIST | \
                      SOC_ROLES_OWNER | SOC_MAP_ROLE_NONE)

/* Everything shows. */
void
soc_map_filter_init (SocMapFilter *filter)
{
  filter->profiles = ALL_PROFILES;
  filter->stances = ALL_STANCES;
  filter->roles = ALL_ROLES;
}

gboolean
soc_map_filter_is_all (const SocMapFilter *filter)
{
  return filter == NULL ||
         ((filter->profiles & ALL_PROFILES) == ALL_PROFILES &&
          (filter->stances & ALL_STANCES) == ALL_STANCES &&
          (filter->roles & ALL_ROLES) == ALL_ROLES);
}

gboolean
soc_map_filter_equal (const SocMapFilter *a,
                      const SocMapFilter *b)
{
  return (a->profiles & ALL_PROFILES) == (b->profiles & ALL_PROFILES) &&
         (a->stances & ALL_STANCES) == (b->stances & ALL_STANCES) &&
         (a->roles & ALL_ROLES) == (b->roles & ALL_ROLES);
}

gboolean
soc_map_filter_accepts (const SocMapFilter *filter,
                        SocStakeholder     *stakeholder)
{
  guint roles;

  if (filter == NULL)
    return TRUE;
  roles = soc_stakeholder_get_roles (stakeholder);
  return (filter->profiles & (1u << soc_stakeholder_get_profile (stakeholder))) != 0 &&
         (filter->stances & (1u << soc_stakeholder_get_stance (stakeholder))) != 0 &&
         (roles == 0 ? (filter->roles & SOC_MAP_ROLE_NONE) != 0 : (filter->roles & roles) != 0);
}

/* The quadrant of a stakeholder with these numbers: from the middle up and
 * to the right counts as high. */
SocMapQuadrant
soc_map_quadrant_of (int influence,
                     int interest)
{
  gboolean powerful = influence >= SOC_MAP_MIDDLE;
  gboolean interested = interest >= SOC_MAP_MIDDLE;

  if (powerful)
    return interested ? SOC_MAP_QUADRANT_MANAGE_CLOSELY : SOC_MAP_QUADRANT_KEEP_SATISFIED;
  return interested ? SOC_MAP_QUADRANT_KEEP_INFORMED : SOC_MAP_QUADRANT_MONITOR;
}

const char *
soc_map_quadrant_label (SocMapQuadrant quadrant)
{
  switch (quadrant)
    {
    case SOC_MAP_QUADRANT_MANAGE_CLOSELY:
      /* Translators: a quadrant of the power/interest grid */
      return _("Manage closely");
    case SOC_MAP_QUADRANT_KEEP_SATISFIED:
      /* Translators: a quadrant of the power/interest grid */
      return _("Keep satisfied");
    case SOC_MAP_QUADRANT_KEEP_INFORMED:
      /* Translators: a quadrant of the power/interest grid */
      return _("Keep informed");
    case SOC_MAP_QUADRANT_MONITOR:
    default:
      /* Translators: a quadrant of the power/interest grid */
      return _("Monitor");
    }
}

/* The letter inside a bubble that says its profile. */
const char *
soc_map_profile_mark (SocProfile profile)
{
  switch (profile)
    {
    case SOC_PROFILE_LEADERSHIP:
      /* Translators: one letter inside a bubble on the stakeholder map: Leadership */
      return C_("profile mark", "L");
    case SOC_PROFILE_MANAGEMENT:
      /* Translators: one letter inside a bubble on the stakeholder map: Management */
      return C_("profile mark", "M");
    case SOC_PROFILE_PRACTITIONERS:
      /* Translators: one letter inside a bubble on the stakeholder map: Practitioners */
      return C_("profile mark", "P");
    case SOC_PROFILE_INFRASTRUCTURE:
      /* Translators: one letter inside a bubble on the stakeholder map: Infrastructure (IT, security) */
      return C_("profile mark", "I");
    case SOC_PROFILE_OBSERVERS:
      /* Translators: one letter inside a bubble on the stakeholder map: Observers */
      return C_("profile mark", "O");
    case SOC_PROFILE_PARTNERS:
      /* Translators: one letter inside a bubble on the stakeholder map: external partners */
      return C_("profile mark", "E");
    case SOC_PROFILE_CUSTOMERS:
    default:
      /* Translators: one letter inside a bubble on the stakeholder map: Customers */
      return C_("profile mark", "C");
    }
}

/* ------------------------------------------------------------------------ */
/* Building                                                                 */

void
_soc_map_layout_cell_of (SocMapLayout *self,
                         double        x,
                         double        y,
                         gint64       *cx,
                         gint64       *cy)
{
  *cx = CLAMP ((gint64) floor (x / self->cell), 0, (gint64) self->n_cols - 1);
  *cy = CLAMP ((gint64) floor (y / self->cell), 0, (gint64) self->n_rows - 1);
}

/* The cells [CX0, CX1] x [CY0, CY1] that RECT meets, clamped to the grid. */
void
_soc_map_layout_cells_of (SocMapLayout  *self,
                          const SocRect *rect,
                          gint64        *cx0,
                          gint64        *cy0,
                          gint64        *cx1,
                          gint64        *cy1)
{
  _soc_map_layout_cell_of (self, rect->x, rect->y, cx0, cy0);
  _soc_map_layout_cell_of (self, rect->x + rect->width, rect->y + rect->height, cx1, cy1);
}


/* Whether the disc at C of radius R meets RECT. */
gboolean
_soc_map_disc_meets_rect (const SocPoint *c,
                          double          r,
                          const SocRect  *rect)
{
  double nx = CLAMP (c->x, rect->x, rect->x + rect->width);
  double ny = CLAMP (c->y, rect->y, rect->y + rect->height);
  double dx = c->x - nx, dy = c->y - ny;

  return dx * dx + dy * dy < r * r;
}

static int
value_of (int v)
{
  return CLAMP (v, 0, SOC_MAP_MAX_VALUE);
}

/* Bubbles at their numbers, those that share them spread on a spiral. */
static void
place_bubbles (SocMapLayout *self)
{
  const guint side = SOC_MAP_MAX_VALUE + 1;
  g_autofree guint *count = g_new0 (guint, side * side);
  g_autofree guint *seen = g_new0 (guint, side * side);
  g_autofree guint8 *large = g_new0 (guint8, side * side);

  for (guint i = 0; i < self->bubbles->len; i++)
    {
      SocMapBubble *b = BUBBLE (self, i);
      guint at = (guint) b->interest * side + (guint) b->influence;

      count[at]++;
      if (b->flags & SOC_MAP_BUBBLE_GROUP)
        large[at] = 1;
    }
  for (guint i = 0; i < self->bubbles->len; i++)
    {
      SocMapBubble *b = BUBBLE (self, i);
      guint at = (guint) b->interest * side + (guint) b->influence;
      guint k = seen[at]++;

      b->center.x = soc_map_layout_x (self, b->interest);
      b->center.y = soc_map_layout_y (self, b->influence);
      if (count[at] > 1)
        {
          /* The first stays on its numbers; the others go round it, each
           * step longer than any bubble of the lot is wide from its centre.
           * A lot at the edge of the grid moves in whole, as far as it
           * must to stay inside. */
          double rmax = large[at] ? self->metrics.group_radius : self->metrics.person_radius;
          double step = rmax + self->metrics.ring_gap + self->metrics.ring_width + SPREAD_GAP;
          double reach = step * sqrt ((double) (count[at] - 1)) + self->max_outer;
          double d = step * sqrt ((double) k);
          double angle = k * GOLDEN_ANGLE;
          const SocRect *f = &self->field;

          if (f->width > 2 * reach)
            b->center.x = CLAMP (b->center.x, f->x + reach, f->x + f->width - reach);
          if (f->height > 2 * reach)
            b->center.y = CLAMP (b->center.y, f->y + reach, f->y + f->height - reach);
          b->center.x += d * cos (angle);
          b->center.y -= d * sin (angle);
          b->flags |= SOC_MAP_BUBBLE_SPREAD;
        }
    }
}

/* The bubbles' grid, by the cell of each centre (a counting sort). */
static void
index_bubbles (SocMapLayout *self)
{
  guint n_cells = self->n_cols * self->n_rows;
  g_autofree guint *fill = g_new0 (guint, n_cells);
  g_autofree guint *cell = g_new (guint, self->bubbles->len + 1);
  guint *first;

  self->cell_first = g_array_sized_new (FALSE, TRUE, sizeof (guint), n_cells + 1);
  g_array_set_size (self->cell_first, n_cells + 1);
  first = (guint *) self->cell_first->data;
  for (guint i = 0; i < self->bubbles->len; i++)
    {
      gint64 cx, cy;

      _soc_map_layout_cell_of (self, BUBBLE (self, i)->center.x, BUBBLE (self, i)->center.y, &cx, &cy);
      cell[i] = (guint) (cy * self->n_cols + cx);
      first[cell[i] + 1]++;
    }
  for (guint c = 1; c <= n_cells; c++)
    first[c] += first[c - 1];
  self->cell_bubbles = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->bubbles->len);
  g_array_set_size (self->cell_bubbles, self->bubbles->len);
  for (guint i = 0; i < self->bubbles->len; i++)
    g_array_index (self->cell_bubbles, guint, first[cell[i]] + fill[cell[i]]++) = i;
}

/* Calls FUNC for each bubble whose centre lies in a cell that RECT, grown
 * by MARGIN, meets, until it returns FALSE. */

gboolean
_soc_map_layout_foreach_bubble_near (SocMapLayout     *self,
                                     const SocRect    *rect,
                                     double            margin,
                                     SocMapBubbleFunc  func,
                                     gpointer          data)
{
  SocRect r = SOC_RECT_INIT (rect->x - margin, rect->y - margin, rect->width + 2 * margin, rect->height + 2 * margin);
  gint64 cx0, cy0, cx1, cy1;

  _soc_map_layout_cells_of (self, &r, &cx0, &cy0, &cx1, &cy1);
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      {
        guint c = (guint) (cy * self->n_cols + cx);
        guint end = g_array_index (self->cell_first, guint, c + 1);

        for (guint i = g_array_index (self->cell_first, guint, c); i < end; i++)
          if (!func (self, g_array_index (self->cell_bubbles, guint, i), data))
            return FALSE;
      }
  return TRUE;
}

/* ---- relationships ---- */

typedef struct
{
  guint cell;
  guint edge;
} CellEntry;

static SocRect
segment_bounds (const SocPoint *a,
                const SocPoint *b,
                double          grow)
{
  double x0 = MIN (a->x, b->x), y0 = MIN (a->y, b->y);

  return SOC_RECT_INIT (x0 - grow, y0 - grow, fabs (a->x - b->x) + 2 * grow, fabs (a->y - b->y) + 2 * grow);
}

/* The stubs of a long relationship, as drawn: from A along it for a
 * little, and the last of it into B. */
void
soc_map_edge_stubs (const SocMapEdge *edge,
                    SocPoint         *a1,
                    SocPoint         *b0)
{
  double dx = edge->b.x - edge->a.x, dy = edge->b.y - edge->a.y;
  double len = sqrt (dx * dx + dy * dy);
  double ux = len > 0 ? dx / len : 0, uy = len > 0 ? dy / len : 0;

  a1->x = edge->a.x + ux * STUB;
  a1->y = edge->a.y + uy * STUB;
  b0->x = edge->b.x - ux * STUB;
  b0->y = edge->b.y - uy * STUB;
}

static void
index_edge_rect (SocMapLayout  *self,
                 GArray        *pending,
                 guint          index,
                 const SocRect *bounds)
{
  gint64 cx0, cy0, cx1, cy1;

  _soc_map_layout_cells_of (self, bounds, &cx0, &cy0, &cx1, &cy1);
  if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_EDGE_CELLS)
    {
      g_array_append_val (self->long_edges, index);
      return;
    }
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      {
        CellEntry e = { (guint) (cy * self->n_cols + cx), index };

        g_array_append_val (pending, e);
      }
}

static void
place_edges (SocMapLayout *self,
             SocDocument  *document)
{
  SocObjectList *relationships = SOC_OBJECT_LIST (soc_document_get_relationships (document));
  guint n = soc_object_list_get_size (relationships);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (CellEntry));
  guint n_cells = self->n_cols * self->n_rows;
  guint *first;

  for (guint i = 0; i < n; i++)
    {
      SocRelationship *rel = SOC_RELATIONSHIP (soc_object_list_get (relationships, i));
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (self->bubble_of, soc_relationship_get_from (rel)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (self->bubble_of, soc_relationship_get_to (rel)));
      const SocMapBubble *a, *b;
      SocMapEdge edge = { 0 };
      double dx, dy, len;

      if (from == 0 || to == 0 || from == to)
        continue;   /* an end filtered away */
      a = BUBBLE (self, from - 1);
      b = BUBBLE (self, to - 1);
      dx = b->center.x - a->center.x;
      dy = b->center.y - a->center.y;
      len = sqrt (dx * dx + dy * dy);
      if (len <= a->outer + b->outer + 2)
        continue;   /* touching: nothing between them to draw */
      edge.relationship = rel;
      edge.from = from - 1;
      edge.to = to - 1;
      edge.kind = soc_relationship_get_kind (rel);
      edge.a = (SocPoint) { a->center.x + dx / len * a->outer, a->center.y + dy / len * a->outer };
      edge.b = (SocPoint) { b->center.x - dx / len * (b->outer + 1), b->center.y - dy / len * (b->outer + 1) };
      edge.bounds = segment_bounds (&edge.a, &edge.b, 6);
      edge.long_reach = len > LONG_REACH;
      g_array_append_val (self->edges, edge);
      g_hash_table_insert (self->edge_of, rel, GUINT_TO_POINTER (self->edges->len));

      if (edge.long_reach)
        {
          SocPoint a1, b0;
          SocRect ra, rb;

          soc_map_edge_stubs (&edge, &a1, &b0);
          ra = segment_bounds (&edge.a, &a1, 6);
          rb = segment_bounds (&b0, &edge.b, 6);
          index_edge_rect (self, pending, self->edges->len - 1, &ra);
          index_edge_rect (self, pending, self->edges->len - 1, &rb);
        }
      else
        index_edge_rect (self, pending, self->edges->len - 1, &edge.bounds);
    }

  /* The grid, cell by cell (a counting sort). */
  {
    g_autofree guint *fill = g_new0 (guint, n_cells);

    self->edge_first = g_array_sized_new (FALSE, TRUE, sizeof (guint), n_cells + 1);
    g_array_set_size (self->edge_first, n_cells + 1);
    first = (guint *) self->edge_first->data;
    for (guint i = 0; i < pending->len; i++)
      first[g_array_index (pending, CellEntry, i).cell + 1]++;
    for (guint c = 1; c <= n_cells; c++)
      first[c] += first[c - 1];
    self->edge_cells = g_array_sized_new (FALSE, FALSE, sizeof (guint), pending->len);
    g_array_set_size (self->edge_cells, pending->len);
    for (guint i = 0; i < pending->len; i++)
      {
        CellEntry *e = &g_array_index (pending, CellEntry, i);

        g_array_index (self->edge_cells, guint, first[e->cell] + fill[e->cell]++) = e->edge;
      }
  }

  /* Each bubble's edges, in and out. */
  {
    guint nb = self->bubbles->len;
    g_autofree guint *fill = g_new0 (guint, nb + 1);

    self->bubble_edge_first = g_array_sized_new (FALSE, TRUE, sizeof (guint), nb + 1);
    g_array_set_size (self->bubble_edge_first, nb + 1);
    first = (guint *) self->bubble_edge_first->data;
    for (guint e = 0; e < self->edges->len; e++)
      {
        first[EDGE (self, e)->from + 1]++;
        first[EDGE (self, e)->to + 1]++;
      }
    for (guint i = 1; i <= nb; i++)
      first[i] += first[i - 1];
    self->bubble_edges = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2 * self->edges->len);
    g_array_set_size (self->bubble_edges, 2 * self->edges->len);
    for (guint e = 0; e < self->edges->len; e++)
      {
        guint ends[2] = { EDGE (self, e)->from, EDGE (self, e)->to };

        for (guint k = 0; k < 2; k++)
          g_array_index (self->bubble_edges, guint, first[ends[k]] + fill[ends[k]]++) = e;
      }
  }
}

/* The map of DOCUMENT's stakeholders that FILTER lets through (NULL: all)
 * at PX_PER_UNIT pixels a point, with METRICS (NULL: the defaults); names
 * are placed when WIDTHS measures them, else none is. */
SocMapLayout *
soc_map_layout_new (SocDocument         *document,
                    const SocMapMetrics *metrics,
                    double               px_per_unit,
                    const SocMapFilter  *filter,
                    SocMapWidths        *widths)
{
  SocMapLayout *self;
  SocObjectList *stakeholders;
  double pad;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  self = g_new0 (SocMapLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  if (metrics != NULL)
    self->metrics = *metrics;
  else
    soc_map_metrics_init (&self->metrics);
  self->zoom = CLAMP (px_per_unit, SOC_MAP_ZOOM_MIN, SOC_MAP_ZOOM_MAX);

  pad = self->metrics.group_radius + self->metrics.ring_gap + self->metrics.ring_width + 3;
  self->plot = SOC_RECT_INIT (self->metrics.margin_left, self->metrics.margin_top,
                              SOC_MAP_MAX_VALUE * self->zoom, SOC_MAP_MAX_VALUE * self->zoom);
  self->field = SOC_RECT_INIT (self->plot.x - pad, self->plot.y - pad,
                               self->plot.width + 2 * pad, self->plot.height + 2 * pad);
  self->width = self->plot.x + self->plot.width + self->metrics.margin_right;
  self->height = self->plot.y + self->plot.height + self->metrics.margin_bottom;
  self->max_outer = self->metrics.group_radius + self->metrics.ring_gap + self->metrics.ring_width;

  self->bubbles = g_array_new (FALSE, TRUE, sizeof (SocMapBubble));
  self->bubble_of = g_hash_table_new (NULL, NULL);
  self->edges = g_array_new (FALSE, TRUE, sizeof (SocMapEdge));
  self->edge_of = g_hash_table_new (NULL, NULL);
  self->long_edges = g_array_new (FALSE, FALSE, sizeof (guint));

  stakeholders = SOC_OBJECT_LIST (soc_document_get_stakeholders (document));
  for (guint i = 0; i < soc_object_list_get_size (stakeholders); i++)
    {
      SocStakeholder *s = SOC_STAKEHOLDER (soc_object_list_get (stakeholders, i));
      SocMapBubble b = { 0 };

      if (!soc_map_filter_accepts (filter, s))
        continue;
      b.stakeholder = s;
      b.order = i;
      b.influence = value_of (soc_stakeholder_get_influence (s));
      b.interest = value_of (soc_stakeholder_get_interest (s));
      b.profile = soc_stakeholder_get_profile (s);
      b.stance = soc_stakeholder_get_stance (s);
      b.desired = soc_stakeholder_get_desired_stance (s);
      if (soc_stakeholder_get_kind (s) == SOC_STAKEHOLDER_KIND_GROUP)
        b.flags |= SOC_MAP_BUBBLE_GROUP;
      b.radius = (b.flags & SOC_MAP_BUBBLE_GROUP) ? self->metrics.group_radius : self->metrics.person_radius;
      b.outer = b.radius;
      if (b.desired != b.stance)
        {
          b.flags |= SOC_MAP_BUBBLE_WANTS;
          b.outer += self->metrics.ring_gap + self->metrics.ring_width;
        }
      g_array_append_val (self->bubbles, b);
      g_hash_table_insert (self->bubble_of, s, GUINT_TO_POINTER (self->bubbles->len));
    }

  self->cell = MAX (CELL_SIZE, ceil (MAX (self->width, self->height) / MAX_CELLS_SIDE));
  self->n_cols = MAX (1, (guint) ceil (self->width / self->cell));
  self->n_rows = MAX (1, (guint) ceil (self->height / self->cell));

  place_bubbles (self);
  index_bubbles (self);
  place_edges (self, document);
  if (widths != NULL)
    soc_map_layout_place_names (self, widths);
  return self;
}

/* Places the quadrants' titles and the names, measured by WIDTHS, if they
 * are not placed yet. A layout made without widths has none: placing the
 * names of a map of thousands takes longer than the rest of its layout,
 * and a crowd shows none, so a view asks for them when it shows one that
 * is not a crowd. The only change to a layout after it is made: call it
 * where the layout is not shared yet, or on the thread that owns it. */
void
soc_map_layout_place_names (SocMapLayout *self,
                            SocMapWidths *widths)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (widths != NULL);

  if (self->has_names)
    return;
  _soc_map_layout_place_titles (self, widths);
  _soc_map_layout_place_labels (self, widths);
  self->has_names = TRUE;
}

/* Whether the names are placed (soc_map_layout_place_names()). */
gboolean
soc_map_layout_has_names (SocMapLayout *self)
{
  return self->has_names;
}

SocMapLayout *
soc_map_layout_ref (SocMapLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
soc_map_layout_unref (SocMapLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->bubbles);
  g_hash_table_unref (self->bubble_of);
  g_array_unref (self->cell_first);
  g_array_unref (self->cell_bubbles);
  g_array_unref (self->edges);
  g_hash_table_unref (self->edge_of);
  g_array_unref (self->edge_first);
  g_array_unref (self->edge_cells);
  g_array_unref (self->long_edges);
  g_array_unref (self->bubble_edge_first);
  g_array_unref (self->bubble_edges);
  g_free (self);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

const SocMapMetrics *
soc_map_layout_get_metrics (SocMapLayout *self)
{
  return &self->metrics;
}

/* Pixels per point of influence or interest. */
double
soc_map_layout_get_zoom (SocMapLayout *self)
{
  return self->zoom;
}

double
soc_map_layout_get_width (SocMapLayout *self)
{
  return self->width;
}

double
soc_map_layout_get_height (SocMapLayout *self)
{
  return self->height;
}

/* The grid from 0 to 100 on both axes. */
SocRect
soc_map_layout_get_plot (SocMapLayout *self)
{
  return self->plot;
}

double
soc_map_layout_x (SocMapLayout *self,
                  double        interest)
{
  return self->plot.x + interest * self->zoom;
}

double
soc_map_layout_y (SocMapLayout *self,
                  double        influence)
{
  return self->plot.y + (SOC_MAP_MAX_VALUE - influence) * self->zoom;
}

/* The interest at X, a whole number from 0 to 100. */
int
soc_map_layout_interest_at (SocMapLayout *self,
                            double        x)
{
  return value_of ((int) lround ((x - self->plot.x) / self->zoom));
}

/* The influence at Y, a whole number from 0 to 100. */
int
soc_map_layout_influence_at (SocMapLayout *self,
                             double        y)
{
  return value_of ((int) lround (SOC_MAP_MAX_VALUE - (y - self->plot.y) / self->zoom));
}

guint
soc_map_layout_get_n_bubbles (SocMapLayout *self)
{
  return self->bubbles->len;
}

const SocMapBubble *
soc_map_layout_get_bubble (SocMapLayout *self,
                           guint         index)
{
  g_return_val_if_fail (index < self->bubbles->len, NULL);
  return BUBBLE (self, index);
}

/* STAKEHOLDER's bubble, or NULL if the filter hides it. */
const SocMapBubble *
soc_map_layout_find_bubble (SocMapLayout   *self,
                            SocStakeholder *stakeholder,
                            guint          *index)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (self->bubble_of, stakeholder));

  if (i == 0)
    return NULL;
  if (index != NULL)
    *index = i - 1;
  return BUBBLE (self, i - 1);
}

guint
soc_map_layout_get_n_edges (SocMapLayout *self)
{
  return self->edges->len;
}

const SocMapEdge *
soc_map_layout_get_edge (SocMapLayout *self,
                         guint         index)
{
  g_return_val_if_fail (index < self->edges->len, NULL);
  return EDGE (self, index);
}

const SocMapEdge *
soc_map_layout_find_edge (SocMapLayout    *self,
                          SocRelationship *relationship,
                          guint           *index)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (self->edge_of, relationship));

  if (i == 0)
    return NULL;
  if (index != NULL)
    *index = i - 1;
  return EDGE (self, i - 1);
}

/* The edges that leave or reach BUBBLE. */
const guint *
soc_map_layout_get_bubble_edges (SocMapLayout *self,
                                 guint         bubble,
                                 guint        *n_edges)
{
  guint first;

  g_return_val_if_fail (bubble < self->bubbles->len, NULL);
  first = g_array_index (self->bubble_edge_first, guint, bubble);
  *n_edges = g_array_index (self->bubble_edge_first, guint, bubble + 1) - first;
  return *n_edges > 0 ? &g_array_index (self->bubble_edges, guint, first) : NULL;
}

/* How many names show. */
guint
soc_map_layout_get_n_labels (SocMapLayout *self)
{
  return self->n_labels;
}

/* How far from its bubble's centre anything of a bubble reaches, its name
 * included: what a painter takes in around what it paints. */
double
soc_map_layout_get_reach (SocMapLayout *self)
{
  return MAX (self->reach, self->max_outer);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

typedef struct
{
  const SocRect *rect;
  gboolean       labels;
  GArray        *out;
} Gather;

static gboolean
gather_bubble (SocMapLayout *self,
               guint         bubble,
               gpointer      data)
{
  Gather *g = data;
  const SocMapBubble *b = BUBBLE (self, bubble);

  if (_soc_map_disc_meets_rect (&b->center, b->outer + 1, g->rect) ||
      (g->labels && (b->flags & SOC_MAP_BUBBLE_LABEL) && soc_rect_intersects (&b->label, g->rect)))
    g_array_append_val (g->out, bubble);
  return TRUE;
}

/* Appends to INDEXES (guint) the bubbles that meet RECT, or whose names do
 * if WITH_LABELS, in the plan's order: the order they are painted in. */
void
soc_map_layout_bubbles_in (SocMapLayout  *self,
                           const SocRect *rect,
                           gboolean       with_labels,
                           GArray        *indexes)
{
  Gather g = { rect, with_labels, indexes };
  guint start = indexes->len;

  _soc_map_layout_foreach_bubble_near (self, rect, with_labels ? soc_map_layout_get_reach (self) + 1 : self->max_outer + 1,
                       gather_bubble, &g);
  if (indexes->len - start > 1)
    qsort (&g_array_index (indexes, guint, start), indexes->len - start, sizeof (guint), compare_uint);
}

typedef struct
{
  const SocRect *rect;
  guint          n;
  guint          first;
} Count;

static gboolean
count_bubble (SocMapLayout *self,
              guint         bubble,
              gpointer      data)
{
  Count *c = data;
  const SocMapBubble *b = BUBBLE (self, bubble);

  if (_soc_map_disc_meets_rect (&b->center, b->outer + 1, c->rect))
    {
      c->n++;
      c->first = MIN (c->first, bubble);
    }
  return TRUE;
}

/* Whether soc_map_layout_bubbles_in() finds BUBBLE in RECT, names left
 * out. */
gboolean
soc_map_layout_bubble_meets (SocMapLayout  *self,
                             guint          bubble,
                             const SocRect *rect)
{
  const SocMapBubble *b;

  g_return_val_if_fail (bubble < self->bubbles->len, FALSE);
  b = BUBBLE (self, bubble);
  return _soc_map_disc_meets_rect (&b->center, b->outer + 1, rect);
}

/* How many bubbles soc_map_layout_bubbles_in() would find in RECT, names
 * left out, and in FIRST (if not NULL) the first of them in the plan's
 * order (G_MAXUINT if none): enough to judge a crowd, without gathering
 * and sorting twenty thousand. */
guint
soc_map_layout_count_in (SocMapLayout  *self,
                         const SocRect *rect,
                         guint         *first)
{
  Count c = { rect, 0, G_MAXUINT };

  _soc_map_layout_foreach_bubble_near (self, rect, self->max_outer + 1, count_bubble, &c);
  if (first != NULL)
    *first = c.first;
  return c.n;
}

/* Whether edge E shows in RECT: its bounds, or a long one's stubs. */
static gboolean
edge_meets (SocMapLayout  *self,
            guint          e,
            const SocRect *rect)
{
  const SocMapEdge *edge = EDGE (self, e);
  SocPoint a1, b0;
  SocRect ra, rb;

  if (!soc_rect_intersects (&edge->bounds, rect))
    return FALSE;
  if (!edge->long_reach)
    return TRUE;
  soc_map_edge_stubs (edge, &a1, &b0);
  ra = segment_bounds (&edge->a, &a1, 6);
  rb = segment_bounds (&b0, &edge->b, 6);
  return soc_rect_intersects (&ra, rect) || soc_rect_intersects (&rb, rect);
}

/* Appends to INDEXES (guint) the edges that show in RECT, each once, in
 * the plan's order. */
void
soc_map_layout_edges_in (SocMapLayout  *self,
                         const SocRect *rect,
                         GArray        *indexes)
{
  gint64 cx0, cy0, cx1, cy1;
  guint start = indexes->len;

  _soc_map_layout_cells_of (self, rect, &cx0, &cy0, &cx1, &cy1);
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      {
        guint c = (guint) (cy * self->n_cols + cx);
        guint end = g_array_index (self->edge_first, guint, c + 1);

        for (guint i = g_array_index (self->edge_first, guint, c); i < end; i++)
          {
            guint e = g_array_index (self->edge_cells, guint, i);

            if (edge_meets (self, e, rect))
              g_array_append_val (indexes, e);
          }
      }
  for (guint i = 0; i < self->long_edges->len; i++)
    {
      guint e = g_array_index (self->long_edges, guint, i);

      if (edge_meets (self, e, rect))
        g_array_append_val (indexes, e);
    }

  /* An edge over several cells was found in each: keep it once. */
  if (indexes->len - start > 1)
    {
      guint kept = start + 1;

      qsort (&g_array_index (indexes, guint, start), indexes->len - start, sizeof (guint), compare_uint);
      for (guint i = start + 1; i < indexes->len; i++)
        if (g_array_index (indexes, guint, i) != g_array_index (indexes, guint, kept - 1))
          g_array_index (indexes, guint, kept++) = g_array_index (indexes, guint, i);
      g_array_set_size (indexes, kept);
    }
}
