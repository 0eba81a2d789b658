/* soc-roadmap-layout.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roadmap's geometry, computed once per document change or zoom and
 * only read after that, by the painter, hit testing and the keyboard:
 *
 *  - x: the lane titles take the first title_width pixels; then each day
 *    from the origin (a month boundary before the earliest date) takes
 *    px_per_day pixels.
 *  - y: the time header takes the first header_height pixels; then the
 *    lanes, in the plan's order, each as tall as its rows.
 *  - Rows: within a lane, items are packed, in order of their start, into
 *    the lowest row where they meet nothing (interval partitioning with two
 *    heaps: n log n). Packing is done in pixels, not days, so a milestone's
 *    diamond or a one-day bar at a wide zoom never touches its neighbour.
 *  - Arrows: from the end of the prerequisite to the start of the
 *    dependent item, as an elbow where the way is free; else along the
 *    gaps between rows, where no bar is (soc-roadmap-routes.c). A dependency between items more
 *    than LONG_REACH rows apart gets a stub at each end instead: a line
 *    across a thousand rows reads as nothing but clutter, and the painter
 *    draws it whole when one of its items is selected.
 *
 * Boxes are stored row by row and, in each row, by x: rows are found by
 * binary search on y, and boxes in a row by binary search on x, so what a
 * frame reads follows what is visible, never the plan's size. Arrows are
 * found through a coarse grid of cells.
 */

#define G_LOG_DOMAIN "soc-roadmap-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "soc-date.h"
#include "soc-fetch.h"
#include "soc-object-list.h"
#include "soc-roadmap-layout-private.h"

#define ROW_GAP           2.0   /* the least room between two boxes of a row */
#define CELL_SIZE       512.0   /* the grid that finds arrows, at least */
#define MAX_COLS        256     /* wider layouts get wider cells */
#define MAX_CELL_ROWS  8192
#define MAX_CELLS       256     /* an arrow over more cells is checked every time */


void
soc_roadmap_metrics_init (SocRoadmapMetrics *metrics)
{
  metrics->row_height = 30;
  metrics->bar_height = 20;
  metrics->lane_padding = 8;
  metrics->header_height = 58;
  metrics->title_width = 176;
  metrics->milestone_size = 16;
  metrics->min_bar_width = 6;
  metrics->end_margin = 48;
  metrics->min_width = 0;
}

/* ------------------------------------------------------------------------ */
/* A small binary heap of (key, value), smallest key on top                 */

typedef struct
{
  double key;
  guint  value;
} HeapEntry;

static void
heap_push (GArray *heap,
           double  key,
           guint   value)
{
  HeapEntry e = { key, value };
  guint i;

  g_array_append_val (heap, e);
  i = heap->len - 1;
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      HeapEntry *a = &g_array_index (heap, HeapEntry, parent);
      HeapEntry *b = &g_array_index (heap, HeapEntry, i);

      if (a->key < b->key || (a->key == b->key && a->value <= b->value))
        break;
      e = *a;
      *a = *b;
      *b = e;
      i = parent;
    }
}

static HeapEntry
heap_pop (GArray *heap)
{
  HeapEntry top = g_array_index (heap, HeapEntry, 0);
  guint i = 0;

  g_array_index (heap, HeapEntry, 0) = g_array_index (heap, HeapEntry, heap->len - 1);
  g_array_set_size (heap, heap->len - 1);
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      HeapEntry *e = (HeapEntry *) heap->data;

      if (l < heap->len && (e[l].key < e[m].key || (e[l].key == e[m].key && e[l].value < e[m].value)))
        m = l;
      if (r < heap->len && (e[r].key < e[m].key || (e[r].key == e[m].key && e[r].value < e[m].value)))
        m = r;
      if (m == i)
        break;
      {
        HeapEntry t = e[i];
        e[i] = e[m];
        e[m] = t;
      }
      i = m;
    }
  return top;
}

/* ------------------------------------------------------------------------ */
/* Building                                                                 */

typedef struct
{
  SocItem *item;
  guint    lane;
  guint    order;      /* the item's place in the plan: ties keep it */
  double   x0, x1;
  double   width;      /* of its box: x1 - x0 */
  guint    start, end; /* its days */
  guint    row;        /* within its lane, then over all */
  gboolean milestone;
} Placed;

/* What a lane's rows were packed from: its boxes as the plan lists them.
 * A lane whose boxes are all the same next time is not packed again. */
typedef struct
{
  SocItem *item;
  double   x0, x1;
  guint    start, end;
  gboolean milestone;
} LaneInput;

static gboolean
same_input (const LaneInput *a,
            const Placed    *b)
{
  return a->item == b->item && a->x0 == b->x0 && a->x1 == b->x1 && a->start == b->start &&
         a->end == b->end && a->milestone == b->milestone;
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  if (pa->lane != pb->lane)
    return pa->lane < pb->lane ? -1 : 1;
  if (pa->x0 != pb->x0)
    return pa->x0 < pb->x0 ? -1 : 1;
  if (pa->x1 != pb->x1)
    return pa->x1 < pb->x1 ? -1 : 1;
  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

/* The days the roadmap shows: FROM to TO when given, else everything the
 * plan dates, from the start of its first month to the end of its last. */
static void
find_span (SocDocument *doc,
           guint        from,
           guint        to,
           guint       *origin,
           guint       *end)
{
  SocPlan *plan = soc_document_get_plan (doc);
  SocObjectList *items = SOC_OBJECT_LIST (soc_document_get_items (doc));
  SocObjectList *phases = SOC_OBJECT_LIST (soc_document_get_phases (doc));
  guint lo = G_MAXUINT, hi = 0, n_members;
  SocObject **members;

  if (from != 0 && to != 0 && to >= from)
    {
      *origin = from;
      *end = to;
      return;
    }

#define SEE(d) G_STMT_START { guint d_ = (d); if (d_ != 0) { lo = MIN (lo, d_); hi = MAX (hi, d_); } } G_STMT_END
  SEE (soc_plan_get_horizon_start (plan));
  SEE (soc_plan_get_horizon_end (plan));
  members = soc_object_list_peek (items, &n_members);
  for (guint i = 0; i < n_members; i++)
    {
      SocItem *item = SOC_ITEM (members[i]);

      if (i + SOC_FETCH_AHEAD < n_members)
        SOC_FETCH (members[i + SOC_FETCH_AHEAD]);
      if (soc_item_is_scheduled (item))
        {
          SEE (soc_item_get_start (item));
          SEE (soc_item_get_end (item));
        }
    }
  for (guint i = 0; i < soc_object_list_get_size (phases); i++)
    {
      SocPhase *phase = SOC_PHASE (soc_object_list_get (phases, i));

      SEE (soc_phase_get_start (phase));
      SEE (soc_phase_get_end (phase));
    }
#undef SEE

  if (lo == G_MAXUINT)
    {
      /* Nothing dated yet: the year around today. */
      lo = soc_time_unit_add (SOC_TIME_UNIT_MONTH, soc_date_today (), -3);
      hi = soc_time_unit_add (SOC_TIME_UNIT_MONTH, soc_date_today (), 9);
    }
  *origin = soc_time_unit_floor (SOC_TIME_UNIT_MONTH, soc_time_unit_add (SOC_TIME_UNIT_DAY, lo, -7));
  *end = soc_time_unit_next (SOC_TIME_UNIT_MONTH, soc_time_unit_add (SOC_TIME_UNIT_DAY, hi, 7)) - 1;
}

/* Packs the boxes of one lane, PLACED[first..last), sorted by x, into rows
 * from 0; returns how many rows it took. */
static guint
pack_lane (Placed *placed,
           guint   first,
           guint   last,
           GArray *busy,
           GArray *free_rows)
{
  guint n_rows = 0;

  g_array_set_size (busy, 0);
  g_array_set_size (free_rows, 0);
  for (guint i = first; i < last; i++)
    {
      Placed *p = &placed[i];

      /* Rows whose last box ends before this one begins are free again. */
      while (busy->len > 0 && g_array_index (busy, HeapEntry, 0).key + ROW_GAP <= p->x0)
        {
          HeapEntry e = heap_pop (busy);
          heap_push (free_rows, e.value, e.value);
        }
      if (free_rows->len > 0)
        p->row = heap_pop (free_rows).value;
      else
        p->row = n_rows++;
      heap_push (busy, p->x1, p->row);
    }
  return n_rows;
}

typedef struct
{
  guint cell;
  guint arrow;
} CellEntry;

/* The cells [CX0, CX1] x [CY0, CY1] that RECT meets, clamped to the grid. */
void
_soc_roadmap_layout_cells_of (SocRoadmapLayout *self,
                              const SocRect    *rect,
                              gint64           *cx0,
                              gint64           *cy0,
                              gint64           *cx1,
                              gint64           *cy1)
{
  *cx0 = CLAMP ((gint64) floor (rect->x / self->cell_width), 0, (gint64) self->n_cols - 1);
  *cy0 = CLAMP ((gint64) floor (rect->y / self->cell_height), 0, (gint64) self->n_cell_rows - 1);
  *cx1 = CLAMP ((gint64) floor ((rect->x + rect->width) / self->cell_width), 0, (gint64) self->n_cols - 1);
  *cy1 = CLAMP ((gint64) floor ((rect->y + rect->height) / self->cell_height), 0, (gint64) self->n_cell_rows - 1);
}

static void index_rect (SocRoadmapLayout *self, guint index, const SocRect *bounds);

static void
index_arrow (SocRoadmapLayout *self,
             guint             index)
{
  const SocRoadmapArrow *arrow = &g_array_index (self->arrows, SocRoadmapArrow, index);

  if (arrow->long_reach)
    {
      const SocPoint *pts = &g_array_index (self->points, SocPoint, arrow->first_point);
      SocRect out = _soc_roadmap_layout_bounds_of (pts, 2);
      SocRect in = _soc_roadmap_layout_bounds_of (pts + 2, 2);

      index_rect (self, index, &out);
      index_rect (self, index, &in);
      return;
    }
  index_rect (self, index, &arrow->bounds);
}

static void
index_rect (SocRoadmapLayout *self,
            guint             index,
            const SocRect    *bounds)
{
  gint64 cx0, cy0, cx1, cy1;

  _soc_roadmap_layout_cells_of (self, bounds, &cx0, &cy0, &cx1, &cy1);
  if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_CELLS)
    {
      g_array_append_val (self->long_arrows, index);
      return;
    }
  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      {
        CellEntry e = { (guint) (cy * self->n_cols + cx), index };

        g_array_append_val (self->pending, e);
      }
}

/* The grid from the pending entries, cell by cell (a counting sort). */
static void
build_cells (SocRoadmapLayout *self)
{
  guint n_cells = self->n_cols * self->n_cell_rows;
  g_autofree guint *fill = g_new0 (guint, n_cells);
  guint *first;

  self->cell_first = g_array_sized_new (FALSE, TRUE, sizeof (guint), n_cells + 1);
  g_array_set_size (self->cell_first, n_cells + 1);
  first = (guint *) self->cell_first->data;
  for (guint i = 0; i < self->pending->len; i++)
    first[g_array_index (self->pending, CellEntry, i).cell + 1]++;
  for (guint c = 1; c <= n_cells; c++)
    first[c] += first[c - 1];
  self->cell_arrows = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->pending->len);
  g_array_set_size (self->cell_arrows, self->pending->len);
  for (guint i = 0; i < self->pending->len; i++)
    {
      CellEntry *e = &g_array_index (self->pending, CellEntry, i);

      g_array_index (self->cell_arrows, guint, first[e->cell] + fill[e->cell]++) = e->arrow;
    }
  g_clear_pointer (&self->pending, g_array_unref);
}

/* Whether lane L of OLD was packed from the boxes INPUT[FIRST..LAST). */
static gboolean
lane_unchanged (const SocRoadmapLayout *old,
                guint                   l,
                const Placed           *input,
                guint                   first,
                guint                   last)
{
  guint old_first = g_array_index (old->input_first, guint, l);

  if (g_array_index (old->input_first, guint, l + 1) - old_first != last - first)
    return FALSE;
  for (guint i = first; i < last; i++)
    if (!same_input (&g_array_index (old->inputs, LaneInput, old_first + i - first), &input[i]))
      return FALSE;
  return TRUE;
}

/* Appends to OUT the boxes of lane L as OLD packed them, by row and x,
 * their rows counted in the lane; returns how many rows it took. */
static guint
reuse_lane (const SocRoadmapLayout *old,
            guint                   l,
            GArray                 *out)
{
  const SocRoadmapLane *lane = &g_array_index (old->lanes, SocRoadmapLane, l);
  guint first = g_array_index (old->row_first, guint, lane->first_row);
  guint last = g_array_index (old->row_first, guint, lane->first_row + lane->n_rows);

  for (guint i = first; i < last; i++)
    {
      const SocRoadmapBox *box = &g_array_index (old->boxes, SocRoadmapBox, i);
      Placed p = { 0 };

      p.item = box->item;
      p.lane = l;
      p.x0 = box->rect.x;
      p.width = box->rect.width;
      p.row = box->row - lane->first_row;
      p.milestone = (box->flags & SOC_ROADMAP_BOX_MILESTONE) != 0;
      g_array_append_val (out, p);
    }
  return lane->n_rows;
}

/* Appends to OUT the boxes INPUT[FIRST..LAST) of one lane, packed into
 * rows (counted in the lane), by row and x; returns how many rows it
 * took. */
static guint
pack_into (Placed *input,
           guint   first,
           guint   last,
           GArray *busy,
           GArray *free_rows,
           GArray *out)
{
  guint n = last - first, n_rows;
  guint start = out->len;
  g_autofree guint *next = NULL;
  g_autofree Placed *sorted = NULL;

  /* An empty lane is a row high. */
  if (n == 0)
    return 1;
  sorted = g_memdup2 (input + first, n * sizeof (Placed));
  qsort (sorted, n, sizeof (Placed), compare_placed);
  n_rows = MAX (pack_lane (sorted, 0, n, busy, free_rows), 1);
  /* Row by row: a stable counting sort keeps each row in x order, as the
   * packing went through the lane by x. */
  next = g_new0 (guint, n_rows + 1);
  for (guint i = 0; i < n; i++)
    next[sorted[i].row + 1]++;
  for (guint r = 1; r <= n_rows; r++)
    next[r] += next[r - 1];
  g_array_set_size (out, start + n);
  for (guint i = 0; i < n; i++)
    g_array_index (out, Placed, start + next[sorted[i].row]++) = sorted[i];
  return n_rows;
}

/* Takes ARROW's route from OLD if it goes as it went there: its items'
 * lanes, and the lanes of every row it was routed past, are KEPT (the same
 * boxes in the same rows at the same places). A dependency across more
 * than LONG_REACH rows is two stubs, which only its ends decide. */
static gboolean
reuse_arrow (SocRoadmapLayout       *self,
             const SocRoadmapLayout *old,
             const gboolean         *kept,
             SocRoadmapArrow        *arrow)
{
  const SocRoadmapBox *a = &g_array_index (self->boxes, SocRoadmapBox, arrow->from);
  const SocRoadmapBox *b = &g_array_index (self->boxes, SocRoadmapBox, arrow->to);
  guint lo = MIN (a->row, b->row), hi = MAX (a->row, b->row);
  guint old_from, old_to, n;
  const guint *arrows;

  if (hi - lo > LONG_REACH)
    {
      if (!kept[a->lane] || !kept[b->lane])
        return FALSE;
    }
  else
    {
      /* The rows between, and B's lane, whose gaps it may go along. */
      for (guint l = g_array_index (self->row_lane, guint, lo); l <= g_array_index (self->row_lane, guint, hi); l++)
        if (!kept[l])
          return FALSE;
    }
  old_from = GPOINTER_TO_UINT (g_hash_table_lookup (old->box_of, a->item));
  old_to = GPOINTER_TO_UINT (g_hash_table_lookup (old->box_of, b->item));
  if (old_from == 0 || old_to == 0)
    return FALSE;
  arrows = soc_roadmap_layout_get_box_arrows ((SocRoadmapLayout *) old, old_to - 1, &n);
  for (guint k = 0; k < n; k++)
    {
      const SocRoadmapArrow *o = &g_array_index (old->arrows, SocRoadmapArrow, arrows[k]);

      if (o->to != old_to - 1 || o->from != old_from - 1)
        continue;
      arrow->first_point = self->points->len;
      arrow->n_points = o->n_points;
      arrow->bounds = o->bounds;
      arrow->long_reach = o->long_reach;
      g_array_append_vals (self->points, &g_array_index (old->points, SocPoint, o->first_point), o->n_points);
      return TRUE;
    }
  return FALSE;
}

/* Whether A and B lay out alike over the same days: the width they fill
 * made the days, compared apart. */
static gboolean
same_metrics (const SocRoadmapMetrics *a,
              const SocRoadmapMetrics *b)
{
  SocRoadmapMetrics a0 = *a, b0 = *b;

  a0.min_width = b0.min_width = 0;
  return memcmp (&a0, &b0, sizeof (SocRoadmapMetrics)) == 0;
}

static SocRoadmapLayout *
build (SocDocument             *document,
       const SocRoadmapMetrics *metrics,
       double                   px_per_day,
       guint                    from,
       guint                    to,
       SocRoadmapLayout        *old)
{
  SocRoadmapLayout *self;
  SocObjectList *lanes, *items, *phases;
  SocObject **members;
  guint n_members;
  g_autoptr(GHashTable) lane_index = NULL;
  g_autoptr(GArray) placed = NULL;
  g_autoptr(GArray) input = NULL;
  g_autoptr(GArray) busy = NULL;
  g_autoptr(GArray) free_rows = NULL;
  g_autofree gboolean *kept = NULL;   /* lanes as they were in OLD, rows and all */
  gboolean reuse, same_rows_above = TRUE;
  guint origin, end, n_lanes;
  double y;

  self = g_new0 (SocRoadmapLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  if (metrics != NULL)
    self->metrics = *metrics;
  else
    soc_roadmap_metrics_init (&self->metrics);
  self->px_per_day = px_per_day;
  self->from = from;
  self->to = to;

  find_span (document, from, to, &origin, &end);
  self->span_origin = origin;
  self->span_end = end;
  /* A plan dated over less than the view goes on, month by month, to its
   * edge, up to the last day a plan can date: the header and the grid fill
   * the view instead of stopping after the plan's last month. */
  if ((from == 0 || to == 0) && self->metrics.min_width > 0 && px_per_day > 0)
    {
      double room = self->metrics.min_width - self->metrics.title_width - self->metrics.end_margin;
      guint last = soc_date_from_ymd (SOC_DATE_MAX_YEAR, 12, 31);
      double days = MIN (ceil (room / px_per_day), last - origin + 1.0);

      if (days > end - origin + 1.0)
        {
          /* The month after the last a plan can date is past the end of
           * dates: the days stop at that last one. */
          guint next = soc_time_unit_next (SOC_TIME_UNIT_MONTH, origin + (guint) days - 1);

          end = next >= last ? last : next - 1;
        }
    }
  soc_timescale_init (&self->scale, origin, end, self->metrics.title_width, px_per_day);
  if (from == 0 || to == 0)
    from = to = 0;

  lanes = SOC_OBJECT_LIST (soc_document_get_lanes (document));
  items = SOC_OBJECT_LIST (soc_document_get_items (document));
  phases = SOC_OBJECT_LIST (soc_document_get_phases (document));
  n_lanes = soc_object_list_get_size (lanes);

  self->lanes = g_array_sized_new (FALSE, TRUE, sizeof (SocRoadmapLane), n_lanes);
  self->boxes = g_array_new (FALSE, TRUE, sizeof (SocRoadmapBox));
  self->row_first = g_array_new (FALSE, FALSE, sizeof (guint));
  self->row_y = g_array_new (FALSE, FALSE, sizeof (double));
  self->row_lane = g_array_new (FALSE, FALSE, sizeof (guint));
  self->phases = g_array_new (FALSE, TRUE, sizeof (SocRoadmapPhase));
  self->arrows = g_array_new (FALSE, TRUE, sizeof (SocRoadmapArrow));
  self->points = g_array_new (FALSE, FALSE, sizeof (SocPoint));
  self->box_of = g_hash_table_new (NULL, NULL);
  self->pending = g_array_new (FALSE, FALSE, sizeof (CellEntry));
  self->long_arrows = g_array_new (FALSE, FALSE, sizeof (guint));

  lane_index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_lanes; i++)
    {
      SocRoadmapLane lane = { 0 };

      lane.lane = SOC_LANE (soc_object_list_get (lanes, i));
      g_hash_table_insert (lane_index, lane.lane, GUINT_TO_POINTER (i + 1));
      g_array_append_val (self->lanes, lane);
    }

  /* Each scheduled item in its lane, as x extents. */
  members = soc_object_list_peek (items, &n_members);
  placed = g_array_sized_new (FALSE, TRUE, sizeof (Placed), n_members);
  for (guint i = 0; i < n_members; i++)
    {
      SocItem *item = SOC_ITEM (members[i]);
      guint lane, start, finish;
      Placed p = { 0 };

      if (i + SOC_FETCH_AHEAD < n_members)
        SOC_FETCH (members[i + SOC_FETCH_AHEAD]);
      lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_index, soc_item_get_lane (item)));

      if (!soc_item_is_scheduled (item) || lane == 0)
        {
          self->n_unscheduled++;
          continue;
        }
      start = soc_item_get_start (item);
      finish = soc_item_get_end (item);
      if (from != 0 && (finish < from || start > to))
        continue;

      p.item = item;
      p.lane = lane - 1;
      p.order = i;
      p.start = start;
      p.end = finish;
      p.milestone = soc_item_get_kind (item) == SOC_ITEM_KIND_MILESTONE;
      if (p.milestone)
        {
          double cx = soc_timescale_x_frac (&self->scale, start + 0.5);

          p.x0 = cx - self->metrics.milestone_size / 2;
          p.x1 = cx + self->metrics.milestone_size / 2;
        }
      else
        {
          p.x0 = soc_timescale_x (&self->scale, start);
          p.x1 = MAX (soc_timescale_x (&self->scale, finish + 1), p.x0 + self->metrics.min_bar_width);
        }
      p.width = p.x1 - p.x0;
      g_array_append_val (placed, p);
    }

  /* Lane by lane, as the plan lists them (a stable counting sort); kept,
   * so that the next layout packs again only the lanes that changed. */
  self->input_first = g_array_sized_new (FALSE, TRUE, sizeof (guint), n_lanes + 1);
  g_array_set_size (self->input_first, n_lanes + 1);
  {
    guint *first = (guint *) self->input_first->data;
    g_autofree guint *fill = g_new0 (guint, n_lanes + 1);

    for (guint i = 0; i < placed->len; i++)
      first[g_array_index (placed, Placed, i).lane + 1]++;
    for (guint l = 1; l <= n_lanes; l++)
      first[l] += first[l - 1];
    input = g_array_sized_new (FALSE, FALSE, sizeof (Placed), placed->len);
    g_array_set_size (input, placed->len);
    self->inputs = g_array_sized_new (FALSE, TRUE, sizeof (LaneInput), placed->len);
    g_array_set_size (self->inputs, placed->len);
    for (guint i = 0; i < placed->len; i++)
      {
        const Placed *p = &g_array_index (placed, Placed, i);
        guint at = first[p->lane] + fill[p->lane]++;
        LaneInput *in = &g_array_index (self->inputs, LaneInput, at);

        g_array_index (input, Placed, at) = *p;
        in->item = p->item;
        in->x0 = p->x0;
        in->x1 = p->x1;
        in->start = p->start;
        in->end = p->end;
        in->milestone = p->milestone;
      }
  }

  /* OLD's packing holds for a lane whose boxes are the same, if OLD was
   * laid out alike over the same days and lanes. */
  reuse = old != NULL && old->inputs != NULL && old->px_per_day == px_per_day && old->from == self->from &&
          old->to == self->to && old->scale.origin == self->scale.origin && old->scale.end == self->scale.end &&
          same_metrics (&old->metrics, &self->metrics) && old->lanes->len == n_lanes;
  for (guint l = 0; reuse && l < n_lanes; l++)
    reuse = g_array_index (old->lanes, SocRoadmapLane, l).lane == g_array_index (self->lanes, SocRoadmapLane, l).lane;

  /* Rows: lane by lane, each lane's boxes by row and x, then over all
   * lanes. */
  busy = g_array_new (FALSE, FALSE, sizeof (HeapEntry));
  free_rows = g_array_new (FALSE, FALSE, sizeof (HeapEntry));
  g_array_set_size (placed, 0);
  kept = g_new0 (gboolean, MAX (n_lanes, 1));
  y = self->metrics.header_height;
  {
    guint row_base = 0;

    for (guint l = 0; l < n_lanes; l++)
      {
        SocRoadmapLane *lane = &g_array_index (self->lanes, SocRoadmapLane, l);
        guint first = g_array_index (self->input_first, guint, l);
        guint last = g_array_index (self->input_first, guint, l + 1);
        guint at = placed->len, n_rows;

        if (reuse && lane_unchanged (old, l, (Placed *) input->data, first, last))
          {
            n_rows = reuse_lane (old, l, placed);
            /* Its rows are where they were if no lane above grew or
             * shrank: then its arrows can be too. */
            kept[l] = same_rows_above;
          }
        else
          {
            n_rows = pack_into ((Placed *) input->data, first, last, busy, free_rows, placed);
            self->n_packed++;
          }
        same_rows_above = same_rows_above && reuse && n_rows == g_array_index (old->lanes, SocRoadmapLane, l).n_rows;
        for (guint i = at; i < placed->len; i++)
          g_array_index (placed, Placed, i).row += row_base;

        lane->first_row = row_base;
        lane->n_rows = n_rows;
        lane->n_items = last - first;
        lane->band = SOC_RECT_INIT (0, y, 0, 2 * self->metrics.lane_padding + n_rows * self->metrics.row_height);
        for (guint r = 0; r < n_rows; r++)
          {
            double ry = y + self->metrics.lane_padding + r * self->metrics.row_height;

            g_array_append_val (self->row_y, ry);
            g_array_append_val (self->row_lane, l);
          }
        y += lane->band.height;
        row_base += n_rows;
      }
  }

  /* Boxes, row by row, each row by x. */
  g_array_set_size (self->boxes, placed->len);
  {
    guint n_rows = self->row_y->len;
    guint at = 0;

    for (guint r = 0; r < n_rows; r++)
      {
        g_array_append_val (self->row_first, at);
        while (at < placed->len && g_array_index (placed, Placed, at).row == r)
          at++;
      }
    g_array_append_val (self->row_first, at);
  }
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      SocRoadmapBox *box = &g_array_index (self->boxes, SocRoadmapBox, i);
      double top = _soc_roadmap_layout_bar_top (self, p->row);

      box->item = p->item;
      box->lane = p->lane;
      box->row = p->row;
      box->flags = p->milestone ? SOC_ROADMAP_BOX_MILESTONE : 0;
      if (p->milestone)
        box->rect = SOC_RECT_INIT (p->x0, top + self->metrics.bar_height / 2 - self->metrics.milestone_size / 2,
                                   p->width, self->metrics.milestone_size);
      else
        box->rect = SOC_RECT_INIT (p->x0, top, p->width, self->metrics.bar_height);
      box->room = G_MAXDOUBLE;
      if (i > 0 && (box - 1)->row == box->row)
        (box - 1)->room = box->rect.x;
      g_hash_table_insert (self->box_of, p->item, GUINT_TO_POINTER (i + 1));
    }

  self->width = soc_timescale_x (&self->scale, end + 1) + self->metrics.end_margin;
  self->height = y + self->metrics.lane_padding;
  for (guint i = 0; i < placed->len; i++)
    {
      SocRoadmapBox *box = &g_array_index (self->boxes, SocRoadmapBox, i);

      if (box->room == G_MAXDOUBLE)
        box->room = self->width;
    }
  for (guint l = 0; l < n_lanes; l++)
    g_array_index (self->lanes, SocRoadmapLane, l).band.width = self->width;

  /* Phases. */
  for (guint i = 0; i < soc_object_list_get_size (phases); i++)
    {
      SocPhase *phase = SOC_PHASE (soc_object_list_get (phases, i));
      SocRoadmapPhase rp = { phase, 0, 0 };

      if (soc_phase_get_start (phase) == 0 || soc_phase_get_end (phase) == 0)
        continue;
      rp.x0 = soc_timescale_x (&self->scale, soc_phase_get_start (phase));
      rp.x1 = soc_timescale_x (&self->scale, soc_phase_get_end (phase) + 1);
      if (rp.x1 <= self->metrics.title_width || rp.x0 >= self->width)
        continue;
      g_array_append_val (self->phases, rp);
    }

  /* Dependencies: from each prerequisite that has a box to its dependent,
   * found through a grid of at most MAX_COLS columns. */
  self->cell_width = MAX (CELL_SIZE, ceil (self->width / MAX_COLS));
  self->cell_height = MAX (CELL_SIZE, ceil (self->height / MAX_CELL_ROWS));
  self->n_cols = MAX (1, (guint) ceil (self->width / self->cell_width));
  self->n_cell_rows = MAX (1, (guint) ceil (self->height / self->cell_height));
  for (guint i = 0; i < self->boxes->len; i++)
    {
      SocRoadmapBox *box = &g_array_index (self->boxes, SocRoadmapBox, i);
      GPtrArray *depends;

      /* Boxes go by row, items by the plan: the items, then their lists. */
      if (i + 2 * SOC_FETCH_AHEAD < self->boxes->len)
        SOC_FETCH ((box + 2 * SOC_FETCH_AHEAD)->item);
      if (i + SOC_FETCH_AHEAD < self->boxes->len && (depends = soc_item_get_depends ((box + SOC_FETCH_AHEAD)->item)) != NULL)
        SOC_FETCH (depends->pdata);
      depends = soc_item_get_depends (box->item);

      for (guint k = 0; depends != NULL && k < depends->len; k++)
        {
          SocItem *prerequisite = g_ptr_array_index (depends, k);
          guint from_box = GPOINTER_TO_UINT (g_hash_table_lookup (self->box_of, prerequisite));
          SocRoadmapArrow arrow = { 0 };

          if (from_box == 0)
            continue;
          arrow.from = from_box - 1;
          arrow.to = i;
          arrow.broken = soc_item_breaks_dependency (box->item, prerequisite);
          if (arrow.broken)
            box->flags |= SOC_ROADMAP_BOX_BROKEN;
          if (!reuse || !reuse_arrow (self, old, kept, &arrow))
            _soc_roadmap_layout_make_arrow (self, arrow.from, arrow.to, &arrow);
          g_array_append_val (self->arrows, arrow);
          index_arrow (self, self->arrows->len - 1);
        }
    }

  build_cells (self);

  /* The arrows of each box, in and out, to draw them whole when selected. */
  {
    guint n = self->boxes->len;
    g_autofree guint *fill = g_new0 (guint, n + 1);

    self->box_arrows_first = g_array_sized_new (FALSE, TRUE, sizeof (guint), n + 1);
    g_array_set_size (self->box_arrows_first, n + 1);
    for (guint a = 0; a < self->arrows->len; a++)
      {
        const SocRoadmapArrow *arrow = &g_array_index (self->arrows, SocRoadmapArrow, a);

        g_array_index (self->box_arrows_first, guint, arrow->from + 1)++;
        g_array_index (self->box_arrows_first, guint, arrow->to + 1)++;
      }
    for (guint i = 1; i <= n; i++)
      g_array_index (self->box_arrows_first, guint, i) += g_array_index (self->box_arrows_first, guint, i - 1);
    self->box_arrows = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2 * self->arrows->len);
    g_array_set_size (self->box_arrows, 2 * self->arrows->len);
    for (guint a = 0; a < self->arrows->len; a++)
      {
        const SocRoadmapArrow *arrow = &g_array_index (self->arrows, SocRoadmapArrow, a);
        guint ends[2] = { arrow->from, arrow->to };

        for (guint e = 0; e < 2; e++)
          g_array_index (self->box_arrows, guint,
                         g_array_index (self->box_arrows_first, guint, ends[e]) + fill[ends[e]]++) = a;
      }
  }

  return self;
}

/* How many lanes were packed into rows, not taken as they were from the
 * layout it was made from: for tests. */
guint
_soc_roadmap_layout_get_n_packed (SocRoadmapLayout *self)
{
  return self->n_packed;
}

/* The layout of DOCUMENT's roadmap with METRICS (NULL: the defaults) at
 * PX_PER_DAY, over the days FROM to TO (0, 0: all the plan dates). */
SocRoadmapLayout *
soc_roadmap_layout_new (SocDocument             *document,
                        const SocRoadmapMetrics *metrics,
                        double                   px_per_day,
                        guint                    from,
                        guint                    to)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  return build (document, metrics, px_per_day, from, to, NULL);
}

/* As soc_roadmap_layout_new(), the same to the last bit, but packing into
 * rows again only the lanes whose boxes changed since OLD, a layout of the
 * same document: after an edit, what the edit touched, not all fifty
 * thousand items of a big plan. OLD is only read. */
SocRoadmapLayout *
soc_roadmap_layout_new_from (SocRoadmapLayout        *old,
                             SocDocument             *document,
                             const SocRoadmapMetrics *metrics,
                             double                   px_per_day,
                             guint                    from,
                             guint                    to)
{
  g_return_val_if_fail (old != NULL, NULL);
  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  return build (document, metrics, px_per_day, from, to, old);
}

SocRoadmapLayout *
soc_roadmap_layout_ref (SocRoadmapLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
soc_roadmap_layout_unref (SocRoadmapLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->lanes);
  g_array_unref (self->boxes);
  g_array_unref (self->row_first);
  g_array_unref (self->row_y);
  g_array_unref (self->row_lane);
  g_array_unref (self->phases);
  g_array_unref (self->arrows);
  g_array_unref (self->points);
  g_hash_table_unref (self->box_of);
  g_array_unref (self->box_arrows_first);
  g_array_unref (self->box_arrows);
  g_array_unref (self->cell_first);
  g_array_unref (self->cell_arrows);
  g_array_unref (self->long_arrows);
  g_array_unref (self->inputs);
  g_array_unref (self->input_first);
  g_free (self);
}
