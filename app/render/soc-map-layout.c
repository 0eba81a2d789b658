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
 * visible, never the plan's size.
 */

#define G_LOG_DOMAIN "soc-map-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "soc-enum-types.h"
#include "soc-map-layout.h"
#include "soc-object-list.h"

#define CELL_SIZE       64.0   /* the grid that finds bubbles and edges, at least */
#define MAX_CELLS_SIDE  512    /* larger maps get larger cells */
#define MAX_EDGE_CELLS  256    /* an edge over more cells is checked every time */
#define LONG_REACH     900.0   /* a relationship longer than this shows as stubs */
#define STUB            26.0   /* the length of a stub */
#define HANDLE_RADIUS    6.0   /* the handle that draws a relationship */
#define EDGE_GRIP        4.0   /* how close to a relationship a click finds it */
#define SPREAD_GAP       3.0   /* between a spread bubble's centre and its neighbours' rims */
#define READ_ALONG      30.0   /* a bubble this near either end of a name, level with it, reads as its owner */
#define READ_ACROSS     10.0   /* and this near above or below it */
#define GOLDEN_ANGLE     2.39996322972865332

struct _SocMapLayout
{
  gatomicrefcount  ref_count;

  SocMapMetrics    metrics;
  double           zoom;         /* pixels per point */
  double           width;
  double           height;
  SocRect          plot;         /* 0 to 100 on both axes */
  SocRect          field;        /* the plot and its padding: where bubbles and names go */

  GArray          *bubbles;      /* SocMapBubble, in the plan's order */
  GHashTable      *bubble_of;    /* SocStakeholder -> index + 1 */
  double           max_outer;    /* the largest bubble, with its ring */
  double           reach;        /* the farthest a name goes from its bubble's centre */
  guint            n_labels;
  SocRect          titles[4];    /* the quadrants' titles, which names keep clear of */
  gboolean         has_titles;

  double           cell;         /* the grid */
  guint            n_cols;
  guint            n_rows;
  GArray          *cell_first;   /* guint: each cell's first in cell_bubbles; one more at the end */
  GArray          *cell_bubbles; /* guint: bubbles by the cell of their centre */

  GArray          *edges;        /* SocMapEdge */
  GHashTable      *edge_of;      /* SocRelationship -> index + 1 */
  GArray          *edge_first;   /* guint: each cell's first in edge_cells; one more at the end */
  GArray          *edge_cells;   /* guint: the edges meeting each cell */
  GArray          *long_edges;   /* guint: edges over too many cells */
  GArray          *bubble_edge_first; /* guint: each bubble's first in bubble_edges */
  GArray          *bubble_edges; /* guint: the edges in and out of each bubble */
};

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
/* Widths of names                                                          */

struct _SocMapWidths
{
  SocText    *text;
  GHashTable *widths[SOC_N_TEXT_STYLES];   /* text -> double * */
};

SocMapWidths *
soc_map_widths_new (SocText *text)
{
  SocMapWidths *self = g_new0 (SocMapWidths, 1);

  self->text = soc_text_ref (text);
  for (guint i = 0; i < SOC_N_TEXT_STYLES; i++)
    self->widths[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
soc_map_widths_free (SocMapWidths *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < SOC_N_TEXT_STYLES; i++)
    g_hash_table_unref (self->widths[i]);
  soc_text_unref (self->text);
  g_free (self);
}

/* The width of TEXT in STYLE, unlimited. */
double
soc_map_widths_measure (SocMapWidths *self,
                        SocTextStyle  style,
                        const char   *text)
{
  double *width = g_hash_table_lookup (self->widths[style], text);

  if (width == NULL)
    {
      width = g_new (double, 1);
      *width = soc_text_width (self->text, style, text);
      g_hash_table_insert (self->widths[style], g_strdup (text), width);
    }
  return *width;
}

/* The width of TEXT as a name on the map. */
double
soc_map_widths_get (SocMapWidths *self,
                    const char   *text)
{
  return soc_map_widths_measure (self, SOC_TEXT_LABEL, text);
}

double
soc_map_widths_get_height (SocMapWidths *self,
                           SocTextStyle  style)
{
  return soc_text_get_height (self->text, style);
}

/* How many texts it holds, of every style. */
guint
soc_map_widths_get_size (SocMapWidths *self)
{
  guint n = 0;

  for (guint i = 0; i < SOC_N_TEXT_STYLES; i++)
    n += g_hash_table_size (self->widths[i]);
  return n;
}

/* ------------------------------------------------------------------------ */
/* Building                                                                 */

static void
cell_of (SocMapLayout *self,
         double        x,
         double        y,
         gint64       *cx,
         gint64       *cy)
{
  *cx = CLAMP ((gint64) floor (x / self->cell), 0, (gint64) self->n_cols - 1);
  *cy = CLAMP ((gint64) floor (y / self->cell), 0, (gint64) self->n_rows - 1);
}

/* The cells [CX0, CX1] x [CY0, CY1] that RECT meets, clamped to the grid. */
static void
cells_of (SocMapLayout  *self,
          const SocRect *rect,
          gint64        *cx0,
          gint64        *cy0,
          gint64        *cx1,
          gint64        *cy1)
{
  cell_of (self, rect->x, rect->y, cx0, cy0);
  cell_of (self, rect->x + rect->width, rect->y + rect->height, cx1, cy1);
}

#define BUBBLE(self, i) (&g_array_index ((self)->bubbles, SocMapBubble, (i)))
#define EDGE(self, i)   (&g_array_index ((self)->edges, SocMapEdge, (i)))

/* Whether the disc at C of radius R meets RECT. */
static gboolean
disc_meets_rect (const SocPoint *c,
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
           * step longer than any bubble of the lot is wide from its centre. */
          double rmax = large[at] ? self->metrics.group_radius : self->metrics.person_radius;
          double step = rmax + self->metrics.ring_gap + self->metrics.ring_width + SPREAD_GAP;
          double d = step * sqrt ((double) k);
          double angle = k * GOLDEN_ANGLE;

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

      cell_of (self, BUBBLE (self, i)->center.x, BUBBLE (self, i)->center.y, &cx, &cy);
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
typedef gboolean (*BubbleFunc) (SocMapLayout *self, guint bubble, gpointer data);

static gboolean
foreach_bubble_near (SocMapLayout  *self,
                     const SocRect *rect,
                     double         margin,
                     BubbleFunc     func,
                     gpointer       data)
{
  SocRect r = SOC_RECT_INIT (rect->x - margin, rect->y - margin, rect->width + 2 * margin, rect->height + 2 * margin);
  gint64 cx0, cy0, cx1, cy1;

  cells_of (self, &r, &cx0, &cy0, &cx1, &cy1);
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

/* ---- names ---- */

static void edge_stubs (const SocMapEdge *edge, SocPoint *a1, SocPoint *b0);

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

          edge_stubs (e, &a1, &b0);
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

  return !disc_meets_rect (&b->center, b->outer + 1, probe->rect);
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
  if (!foreach_bubble_near (self, rect, 0, centre_outside, &probe) ||
      !foreach_bubble_near (self, rect, self->max_outer + 1, bubble_clear_of, &probe))
    return FALSE;
  cells_of (self, rect, &cx0, &cy0, &cx1, &cy1);
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      for (guint e = g_array_index (grid->head, guint, cy * self->n_cols + cx); e != 0;
           e = g_array_index (grid->entries, LabelEntry, e - 1).next)
        {
          const SocMapBubble *other = BUBBLE (self, g_array_index (grid->entries, LabelEntry, e - 1).bubble);

          if (soc_rect_intersects (&other->label, rect))
            return FALSE;
        }
  return foreach_bubble_near (self, rect, self->max_outer + probe.own_gap + READ_ALONG + 1, bubble_far_from, &probe);
}

static void
label_add (SocMapLayout *self,
           LabelGrid    *grid,
           guint         bubble)
{
  gint64 cx0, cy0, cx1, cy1;

  cells_of (self, &BUBBLE (self, bubble)->label, &cx0, &cy0, &cx1, &cy1);
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

#define TITLE_INSET 6.0
#define TITLE_PAD   3.0

/* Where the title of QUADRANT goes, WIDTH by HEIGHT: in the outer corner
 * of its quadrant. */
SocRect
soc_map_layout_title_rect (SocMapLayout   *self,
                           SocMapQuadrant  quadrant,
                           double          width,
                           double          height)
{
  const SocRect *f = &self->field;
  gboolean left = quadrant == SOC_MAP_QUADRANT_KEEP_SATISFIED || quadrant == SOC_MAP_QUADRANT_MONITOR;
  gboolean top = quadrant == SOC_MAP_QUADRANT_KEEP_SATISFIED || quadrant == SOC_MAP_QUADRANT_MANAGE_CLOSELY;

  return SOC_RECT_INIT (left ? f->x + TITLE_INSET : f->x + f->width - TITLE_INSET - width,
                        top ? f->y + TITLE_INSET : f->y + f->height - TITLE_INSET - height,
                        width, height);
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

static void
place_titles (SocMapLayout *self,
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
static void
place_labels (SocMapLayout *self,
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
      for (guint c = 0, pass = 0; pass < 2; c = (c + 1) % G_N_ELEMENTS (candidates), pass += c == 0)
        if (label_fits (self, &grid, &candidates[c], i) && (pass == 1 || !crosses_edge (self, &candidates[c], scratch)))
          {
            double far_x = MAX (fabs (candidates[c].x - cx), fabs (candidates[c].x + w - cx));
            double far_y = MAX (fabs (candidates[c].y - cy), fabs (candidates[c].y + h - cy));

            b->label = candidates[c];
            b->flags |= SOC_MAP_BUBBLE_LABEL;
            self->reach = MAX (self->reach, MAX (far_x, far_y));
            self->n_labels++;
            label_add (self, &grid, i);
            break;
          }
    }
  g_array_unref (grid.head);
  g_array_unref (grid.entries);
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

/* The stubs of a long edge: from A along it, and into B. */
static void
edge_stubs (const SocMapEdge *edge,
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

  cells_of (self, bounds, &cx0, &cy0, &cx1, &cy1);
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

          edge_stubs (&edge, &a1, &b0);
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
    {
      place_titles (self, widths);
      place_labels (self, widths);
    }
  return self;
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
  return &g_array_index (self->bubble_edges, guint, first);
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

  if (disc_meets_rect (&b->center, b->outer + 1, g->rect) ||
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

  foreach_bubble_near (self, rect, with_labels ? soc_map_layout_get_reach (self) + 1 : self->max_outer + 1,
                       gather_bubble, &g);
  if (indexes->len - start > 1)
    qsort (&g_array_index (indexes, guint, start), indexes->len - start, sizeof (guint), compare_uint);
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
  edge_stubs (edge, &a1, &b0);
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

  cells_of (self, rect, &cx0, &cy0, &cx1, &cy1);
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

  foreach_bubble_near (self, &at, self->max_outer + 2, pick_bubble, &pick);
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

              edge_stubs (edge, &a1, &b0);
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
