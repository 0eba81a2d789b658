/* test-render.c: the render layer without a display: time scale, roadmap
 * layout, hit testing, the painter into an image surface, text metrics
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <string.h>

#include "soc-date.h"
#include "soc-edit.h"
#include "soc-enum-types.h"
#include "soc-map-painter.h"
#include "soc-map-printable.h"
#include "soc-object-list.h"
#include "soc-pagination.h"
#include "soc-roadmap-layout-private.h"
#include "soc-roadmap-painter.h"
#include "soc-roadmap-painter-private.h"
#include "soc-test-util.h"

#define FAMILY "DejaVu Sans"

static const double zooms[] = { SOC_ZOOM_WEEKS, SOC_ZOOM_MONTHS, SOC_ZOOM_QUARTERS, SOC_ZOOM_YEARS,
                                SOC_ZOOM_MIN, SOC_ZOOM_MAX, 3.3 };

/* ------------------------------------------------------------------------ */
/* Time scale                                                               */

static void
test_timescale_round_trip (void)
{
  guint origin = soc_date_from_ymd (2025, 12, 1);
  guint end = soc_date_from_ymd (2029, 1, 31);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      SocTimescale scale;

      soc_timescale_init (&scale, origin, end, 200, zooms[z]);
      for (guint d = origin; d <= end; d++)
        {
          double x = soc_timescale_x (&scale, d);
          double next = soc_timescale_x (&scale, d + 1);

          g_assert_cmpfloat_with_epsilon (next - x, scale.px_per_day, 1e-9);
          /* Anywhere inside the day finds the day. */
          g_assert_cmpuint (soc_timescale_date (&scale, x + scale.px_per_day * 0.01), ==, d);
          g_assert_cmpuint (soc_timescale_date (&scale, x + scale.px_per_day * 0.99), ==, d);
        }
      g_assert_cmpfloat_with_epsilon (soc_timescale_width (&scale), (end - origin + 1) * scale.px_per_day, 1e-6);
    }
}

static void
test_timescale_units (void)
{
  guint leap = soc_date_from_ymd (2028, 2, 29);
  guint d;
  int y, m, dd;
  GDate g;

  /* Weeks begin on Monday, whatever the day. */
  for (d = soc_date_from_ymd (2026, 1, 1); d < soc_date_from_ymd (2027, 1, 1); d++)
    {
      guint monday = soc_time_unit_floor (SOC_TIME_UNIT_WEEK, d);

      g_date_clear (&g, 1);
      g_date_set_julian (&g, monday);
      g_assert_cmpint (g_date_get_weekday (&g), ==, G_DATE_MONDAY);
      g_assert_cmpuint (d - monday, <, 7);
      g_assert_cmpuint (soc_time_unit_next (SOC_TIME_UNIT_WEEK, d), ==, monday + 7);
    }

  /* Months, quarters and years over a leap day. */
  g_assert_cmpuint (soc_time_unit_floor (SOC_TIME_UNIT_MONTH, leap), ==, soc_date_from_ymd (2028, 2, 1));
  g_assert_cmpuint (soc_time_unit_next (SOC_TIME_UNIT_MONTH, leap), ==, soc_date_from_ymd (2028, 3, 1));
  g_assert_cmpuint (soc_time_unit_floor (SOC_TIME_UNIT_QUARTER, leap), ==, soc_date_from_ymd (2028, 1, 1));
  g_assert_cmpuint (soc_time_unit_next (SOC_TIME_UNIT_QUARTER, leap), ==, soc_date_from_ymd (2028, 4, 1));
  g_assert_cmpuint (soc_time_unit_next (SOC_TIME_UNIT_YEAR, leap), ==, soc_date_from_ymd (2029, 1, 1));

  /* Adding months keeps the day where it can. */
  soc_date_to_ymd (soc_time_unit_add (SOC_TIME_UNIT_MONTH, soc_date_from_ymd (2028, 1, 31), 1), &y, &m, &dd);
  g_assert_cmpint (y * 10000 + m * 100 + dd, ==, 20280229);
  soc_date_to_ymd (soc_time_unit_add (SOC_TIME_UNIT_YEAR, leap, 1), &y, &m, &dd);
  g_assert_cmpint (y * 10000 + m * 100 + dd, ==, 20290228);
  soc_date_to_ymd (soc_time_unit_add (SOC_TIME_UNIT_MONTH, soc_date_from_ymd (2026, 11, 15), -13), &y, &m, &dd);
  g_assert_cmpint (y * 10000 + m * 100 + dd, ==, 20251015);

  /* The edges of the years a plan may name. */
  g_assert_cmpuint (soc_time_unit_add (SOC_TIME_UNIT_YEAR, soc_date_from_ymd (2199, 6, 1), 5), ==,
                    soc_date_from_ymd (2199, 12, 31));
  g_assert_cmpuint (soc_time_unit_add (SOC_TIME_UNIT_DAY, soc_date_from_ymd (1900, 1, 1), -3), ==,
                    soc_date_from_ymd (1900, 1, 1));
  {
    SocTimescale scale;

    soc_timescale_init (&scale, soc_date_from_ymd (1900, 1, 1), soc_date_from_ymd (1900, 12, 31), 0, 10);
    g_assert_cmpuint (soc_timescale_date (&scale, -1e9), ==, soc_date_from_ymd (1900, 1, 1));
    g_assert_cmpuint (soc_timescale_date (&scale, 1e12), ==, soc_date_from_ymd (2199, 12, 31));
  }
}

static void
test_timescale_zoom_units (void)
{
  SocTimescale scale;
  guint d = soc_date_from_ymd (2026, 9, 17);   /* a Thursday */

  soc_timescale_init (&scale, d - 100, d + 100, 0, SOC_ZOOM_WEEKS);
  g_assert_cmpint (soc_timescale_snap_unit (&scale), ==, SOC_TIME_UNIT_DAY);
  g_assert_cmpint (soc_timescale_minor_unit (&scale), ==, SOC_TIME_UNIT_DAY);
  g_assert_cmpint (soc_timescale_major_unit (&scale), ==, SOC_TIME_UNIT_MONTH);
  g_assert_cmpuint (soc_timescale_snap (&scale, d), ==, d);

  soc_timescale_init (&scale, d - 100, d + 100, 0, SOC_ZOOM_MONTHS);
  g_assert_cmpint (soc_timescale_snap_unit (&scale), ==, SOC_TIME_UNIT_WEEK);
  g_assert_cmpint (soc_timescale_minor_unit (&scale), ==, SOC_TIME_UNIT_WEEK);
  /* Thursday goes back to Monday, three days before; Friday on to the next. */
  g_assert_cmpuint (soc_timescale_snap (&scale, d), ==, soc_date_from_ymd (2026, 9, 14));
  g_assert_cmpuint (soc_timescale_snap (&scale, d + 1), ==, soc_date_from_ymd (2026, 9, 21));

  soc_timescale_init (&scale, d - 100, d + 100, 0, SOC_ZOOM_QUARTERS);
  g_assert_cmpint (soc_timescale_minor_unit (&scale), ==, SOC_TIME_UNIT_MONTH);
  g_assert_cmpint (soc_timescale_major_unit (&scale), ==, SOC_TIME_UNIT_YEAR);

  soc_timescale_init (&scale, d - 100, d + 100, 0, SOC_ZOOM_YEARS);
  g_assert_cmpint (soc_timescale_snap_unit (&scale), ==, SOC_TIME_UNIT_MONTH);
  g_assert_cmpint (soc_timescale_minor_unit (&scale), ==, SOC_TIME_UNIT_QUARTER);
  g_assert_cmpuint (soc_timescale_snap (&scale, d), ==, soc_date_from_ymd (2026, 10, 1));

  /* Labels too wide for a unit come at even steps: where each unit
   * stands in the one above, and the first step the widest label fits. */
  g_assert_cmpuint (soc_time_unit_ordinal (SOC_TIME_UNIT_MONTH, d), ==, 8);
  g_assert_cmpuint (soc_time_unit_ordinal (SOC_TIME_UNIT_DAY, d), ==, 16);
  g_assert_cmpuint (soc_time_unit_ordinal (SOC_TIME_UNIT_QUARTER, d), ==, 2);
  g_assert_cmpuint (soc_time_unit_ordinal (SOC_TIME_UNIT_WEEK, d), ==, 37);   /* ISO week 38 */
  soc_timescale_init (&scale, d - 100, d + 100, 0, 0.8);   /* a month: 22 to 25 pixels */
  g_assert_cmpint (soc_timescale_minor_unit (&scale), ==, SOC_TIME_UNIT_MONTH);
  g_assert_cmpuint (soc_timescale_label_stride (&scale, SOC_TIME_UNIT_MONTH, 20), ==, 1);
  g_assert_cmpuint (soc_timescale_label_stride (&scale, SOC_TIME_UNIT_MONTH, 30), ==, 2);   /* Jan, Mar, May... */
  g_assert_cmpuint (soc_timescale_label_stride (&scale, SOC_TIME_UNIT_MONTH, 60), ==, 3);   /* each quarter's first */
  g_assert_cmpuint (soc_timescale_label_stride (&scale, SOC_TIME_UNIT_MONTH, 1000), ==, 0);
  g_assert_cmpuint (soc_timescale_label_stride (&scale, SOC_TIME_UNIT_NONE, 1), ==, 0);

  /* Zoom stays within its range, NaN included. */
  g_assert_cmpfloat (soc_zoom_clamp (NAN), ==, SOC_ZOOM_MIN);
  g_assert_cmpfloat (soc_zoom_clamp (1e9), ==, SOC_ZOOM_MAX);
}

/* ------------------------------------------------------------------------ */
/* Layout                                                                   */

/* Every box: inside its lane, not meeting the next one of its row, rows in
 * order of y, and each scheduled item boxed once. */
static void
check_layout (SocDocument      *doc,
              SocRoadmapLayout *layout)
{
  const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);
  guint n = soc_roadmap_layout_get_n_boxes (layout);
  guint scheduled = 0;

  for (guint i = 0; i < g_list_model_get_n_items (soc_document_get_items (doc)); i++)
    {
      g_autoptr(SocItem) item = g_list_model_get_item (soc_document_get_items (doc), i);
      guint index;
      const SocRoadmapBox *box = soc_roadmap_layout_find_box (layout, item, &index);

      if (soc_item_is_scheduled (item))
        {
          scheduled++;
          g_assert_nonnull (box);
          g_assert_true (box->item == item);
          g_assert_true (soc_roadmap_layout_get_box (layout, index) == box);
          g_assert_true (soc_roadmap_layout_get_lane (layout, box->lane)->lane == soc_item_get_lane (item));
        }
      else
        g_assert_null (box);
    }
  g_assert_cmpuint (scheduled, ==, n);
  g_assert_cmpuint (soc_roadmap_layout_get_n_unscheduled (layout), ==,
                    g_list_model_get_n_items (soc_document_get_items (doc)) - scheduled);

  for (guint i = 0; i < n; i++)
    {
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, i);
      const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, box->lane);

      g_assert_cmpuint (box->row, >=, lane->first_row);
      g_assert_cmpuint (box->row, <, lane->first_row + lane->n_rows);
      g_assert_cmpfloat (box->rect.y, >=, lane->band.y);
      g_assert_cmpfloat (box->rect.y + box->rect.height, <=, lane->band.y + lane->band.height);
      g_assert_cmpfloat (box->rect.x, >=, m->title_width - m->milestone_size);
      g_assert_cmpfloat (box->rect.x + box->rect.width, <=, soc_roadmap_layout_get_width (layout));
      if (i + 1 < n && soc_roadmap_layout_get_box (layout, i + 1)->row == box->row)
        {
          const SocRoadmapBox *next = soc_roadmap_layout_get_box (layout, i + 1);

          /* Never overlapping, in x order, and a label beside ends there. */
          g_assert_cmpfloat (box->rect.x + box->rect.width, <=, next->rect.x);
          g_assert_cmpfloat (box->room, ==, next->rect.x);
        }
      if (i + 1 < n)
        g_assert_cmpuint (soc_roadmap_layout_get_box (layout, i + 1)->row, >=, box->row);
    }
  for (guint r = 1; r < soc_roadmap_layout_get_n_rows (layout); r++)
    g_assert_cmpfloat (soc_roadmap_layout_get_row_y (layout, r), >=,
                       soc_roadmap_layout_get_row_y (layout, r - 1) + m->row_height);
}

static void
test_layout_example (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autoptr(SocRoadmapLayout) layout = soc_roadmap_layout_new (doc, NULL, zooms[z], 0, 0);
      g_autoptr(SocRoadmapLayout) again = soc_roadmap_layout_new (doc, NULL, zooms[z], 0, 0);
      const SocTimescale *scale = soc_roadmap_layout_get_scale (layout);

      check_layout (doc, layout);
      g_assert_cmpuint (soc_roadmap_layout_get_n_lanes (layout), ==, 6);
      g_assert_cmpuint (soc_roadmap_layout_get_n_phases (layout), ==, 4);
      /* The span takes in the horizon, from the start of its month. */
      g_assert_cmpuint (scale->origin, <=, soc_date_from_ymd (2026, 1, 1));
      g_assert_cmpuint (scale->end, >=, soc_date_from_ymd (2028, 12, 31));

      /* Stable: the same document lays out the same way. */
      g_assert_cmpuint (soc_roadmap_layout_get_n_boxes (again), ==, soc_roadmap_layout_get_n_boxes (layout));
      for (guint i = 0; i < soc_roadmap_layout_get_n_boxes (layout); i++)
        {
          const SocRoadmapBox *a = soc_roadmap_layout_get_box (layout, i);
          const SocRoadmapBox *b = soc_roadmap_layout_get_box (again, i);

          g_assert_true (a->item == b->item);
          g_assert_cmpuint (a->row, ==, b->row);
          g_assert_cmpfloat (a->rect.x, ==, b->rect.x);
        }
    }
}

/* A document of N activities in one lane, with random dates. */
static SocDocument *
random_plan (GRand *rand,
             guint  n_items,
             guint  n_lanes)
{
  SocDocument *doc = soc_document_new ();
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();
  guint base = soc_date_from_ymd (2026, 1, 1);
  g_autoptr(GError) error = NULL;

  for (guint l = 0; l < n_lanes; l++)
    {
      g_autoptr(SocLane) lane = soc_lane_new (SOC_LANE_KIND_OTHER);

      g_object_set (lane, "title", "Lane", NULL);
      g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (lane), NULL, l, &error));
      g_ptr_array_add (lanes, lane);
    }
  for (guint i = 0; i < n_items; i++)
    {
      gboolean milestone = g_rand_int_range (rand, 0, 5) == 0;
      g_autoptr(SocItem) item = soc_item_new (milestone ? SOC_ITEM_KIND_MILESTONE : SOC_ITEM_KIND_ACTIVITY);
      guint start = base + g_rand_int_range (rand, 0, 700);

      g_object_set (item, "title", "Item", "lane", g_ptr_array_index (lanes, g_rand_int_range (rand, 0, n_lanes)),
                    "start", start, "end", milestone ? 0 : start + g_rand_int_range (rand, 0, 120), NULL);
      g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (item), NULL, i, &error));
      g_assert_no_error (error);
    }
  return doc;
}

/* A and B, laid out, are the same to the last bit. */
static void
assert_same_layout (SocRoadmapLayout *a,
                    SocRoadmapLayout *b)
{
  g_assert_cmpfloat (soc_roadmap_layout_get_width (a), ==, soc_roadmap_layout_get_width (b));
  g_assert_cmpfloat (soc_roadmap_layout_get_height (a), ==, soc_roadmap_layout_get_height (b));
  g_assert_cmpuint (soc_roadmap_layout_get_n_unscheduled (a), ==, soc_roadmap_layout_get_n_unscheduled (b));
  g_assert_cmpuint (soc_roadmap_layout_get_n_lanes (a), ==, soc_roadmap_layout_get_n_lanes (b));
  for (guint l = 0; l < soc_roadmap_layout_get_n_lanes (a); l++)
    {
      const SocRoadmapLane *la = soc_roadmap_layout_get_lane (a, l), *lb = soc_roadmap_layout_get_lane (b, l);

      g_assert_true (la->lane == lb->lane);
      g_assert_cmpuint (la->first_row, ==, lb->first_row);
      g_assert_cmpuint (la->n_rows, ==, lb->n_rows);
      g_assert_cmpuint (la->n_items, ==, lb->n_items);
      g_assert_true (memcmp (&la->band, &lb->band, sizeof (SocRect)) == 0);
    }
  g_assert_cmpuint (soc_roadmap_layout_get_n_rows (a), ==, soc_roadmap_layout_get_n_rows (b));
  for (guint r = 0; r < soc_roadmap_layout_get_n_rows (a); r++)
    g_assert_cmpfloat (soc_roadmap_layout_get_row_y (a, r), ==, soc_roadmap_layout_get_row_y (b, r));
  g_assert_cmpuint (soc_roadmap_layout_get_n_boxes (a), ==, soc_roadmap_layout_get_n_boxes (b));
  for (guint i = 0; i < soc_roadmap_layout_get_n_boxes (a); i++)
    {
      const SocRoadmapBox *ba = soc_roadmap_layout_get_box (a, i), *bb = soc_roadmap_layout_get_box (b, i);

      g_assert_true (ba->item == bb->item);
      g_assert_cmpuint (ba->lane, ==, bb->lane);
      g_assert_cmpuint (ba->row, ==, bb->row);
      g_assert_true (memcmp (&ba->rect, &bb->rect, sizeof (SocRect)) == 0);
      g_assert_cmpfloat (ba->room, ==, bb->room);
      g_assert_cmpuint (ba->flags, ==, bb->flags);
    }
  g_assert_cmpuint (soc_roadmap_layout_get_n_arrows (a), ==, soc_roadmap_layout_get_n_arrows (b));
  for (guint i = 0; i < soc_roadmap_layout_get_n_arrows (a); i++)
    {
      const SocRoadmapArrow *aa = soc_roadmap_layout_get_arrow (a, i), *ab = soc_roadmap_layout_get_arrow (b, i);

      g_assert_cmpuint (aa->from, ==, ab->from);
      g_assert_cmpuint (aa->to, ==, ab->to);
      g_assert_cmpuint (aa->n_points, ==, ab->n_points);
      g_assert_true (memcmp (soc_roadmap_layout_get_points (a, aa), soc_roadmap_layout_get_points (b, ab),
                             aa->n_points * sizeof (SocPoint)) == 0);
      g_assert_true (memcmp (&aa->bounds, &ab->bounds, sizeof (SocRect)) == 0);
      g_assert_cmpint (aa->broken, ==, ab->broken);
      g_assert_cmpint (aa->long_reach, ==, ab->long_reach);
    }
  g_assert_cmpuint (soc_roadmap_layout_get_n_phases (a), ==, soc_roadmap_layout_get_n_phases (b));
}

/* A name beside its bar is found where it is painted: clear of the
 * handle at the bar's end, up to its last letter; not on the bar itself,
 * not in the empty time after it. */
static void
test_roadmap_label_at (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  g_autoptr(SocLane) lane = soc_lane_new (SOC_LANE_KIND_CULTURE_EDUCATION);
  g_autoptr(SocItem) item = soc_item_new (SOC_ITEM_KIND_ACTIVITY);
  g_autoptr(SocItem) later = soc_item_new (SOC_ITEM_KIND_ACTIVITY);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocLabelCache) labels = soc_label_cache_new (text);
  g_autoptr(SocRoadmapLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  const char *title = "Skills kudos linked to the technician skills matrix";
  const SocRoadmapBox *box;
  SocRoadmapPaintState state;
  guint index;
  double x1, y, natural;

  g_object_set (lane, "title", "Culture and education", NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (lane), NULL, 0, &error));
  g_object_set (item, "title", title, "lane", lane,
                "start", soc_date_from_ymd (2027, 3, 1), "end", soc_date_from_ymd (2027, 3, 10), NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (item), NULL, 0, &error));
  g_object_set (later, "title", "Review", "lane", lane,
                "start", soc_date_from_ymd (2028, 3, 1), "end", soc_date_from_ymd (2028, 3, 10), NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (later), NULL, 1, &error));
  g_assert_no_error (error);

  layout = soc_roadmap_layout_new (doc, NULL, 2, 0, 0);
  soc_roadmap_paint_state_init (&state, soc_palette_get (SOC_PALETTE_LIGHT), labels);
  box = soc_roadmap_layout_find_box (layout, item, &index);
  g_assert_nonnull (box);
  x1 = box->rect.x + box->rect.width;
  y = box->rect.y + box->rect.height / 2;
  natural = soc_text_width (text, SOC_TEXT_LABEL, title);
  g_assert_cmpfloat (natural, >, 100);

  g_assert_cmpuint (soc_roadmap_label_at (layout, &state, x1 + 20, y), ==, index);
  g_assert_cmpuint (soc_roadmap_label_at (layout, &state, x1 + 14 + natural - 2, y), ==, index);
  /* The handle's place, the bar, above the row, and after the name. */
  g_assert_cmpuint (soc_roadmap_label_at (layout, &state, x1 + 6, y), ==, G_MAXUINT);
  g_assert_cmpuint (soc_roadmap_label_at (layout, &state, box->rect.x + 2, y), ==, G_MAXUINT);
  g_assert_cmpuint (soc_roadmap_label_at (layout, &state, x1 + 20, box->rect.y - 2), ==, G_MAXUINT);
  g_assert_cmpuint (soc_roadmap_label_at (layout, &state, x1 + 14 + natural + 10, y), ==, G_MAXUINT);
  /* Without names measured, nothing is a name. */
  state.labels = NULL;
  g_assert_cmpuint (soc_roadmap_label_at (layout, &state, x1 + 20, y), ==, G_MAXUINT);
}

/* A plan dated over a month, laid out to fill a view: its days run on,
 * whole months, to the view's edge; the span it dates stays what zooming
 * to fit reads. Without a width (print) the scale is the plan's, and a
 * range asked for is kept as it is. */
static void
test_layout_min_width (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  g_autoptr(SocLane) lane = soc_lane_new (SOC_LANE_KIND_CULTURE_EDUCATION);
  g_autoptr(SocItem) item = soc_item_new (SOC_ITEM_KIND_ACTIVITY);
  g_autoptr(GError) error = NULL;
  g_autoptr(SocRoadmapLayout) plain = NULL;
  g_autoptr(SocRoadmapLayout) wide = NULL;
  g_autoptr(SocRoadmapLayout) again = NULL;
  g_autoptr(SocRoadmapLayout) ranged = NULL;
  SocRoadmapMetrics metrics;
  const SocTimescale *scale;
  guint origin, end, start = soc_date_from_ymd (2026, 12, 2);

  g_object_set (lane, "title", "Culture and education", NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (lane), NULL, 0, &error));
  g_object_set (item, "title", "Launch the customer forum", "lane", lane,
                "start", start, "end", soc_date_from_ymd (2026, 12, 31), NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (item), NULL, 0, &error));
  g_assert_no_error (error);

  plain = soc_roadmap_layout_new (doc, NULL, 2, 0, 0);
  scale = soc_roadmap_layout_get_scale (plain);
  g_assert_cmpuint (scale->origin, ==, soc_date_from_ymd (2026, 11, 1));
  g_assert_cmpuint (scale->end, ==, soc_date_from_ymd (2027, 1, 31));
  soc_roadmap_layout_get_span (plain, &origin, &end);
  g_assert_cmpuint (origin, ==, scale->origin);
  g_assert_cmpuint (end, ==, scale->end);
  g_assert_cmpfloat (soc_roadmap_layout_get_width (plain), <, 1600);

  soc_roadmap_metrics_init (&metrics);
  metrics.min_width = 1600;
  wide = soc_roadmap_layout_new (doc, &metrics, 2, 0, 0);
  scale = soc_roadmap_layout_get_scale (wide);
  g_assert_cmpfloat (soc_roadmap_layout_get_width (wide), >=, 1600);
  g_assert_cmpuint (scale->origin, ==, soc_date_from_ymd (2026, 11, 1));
  {
    int y, m, d;

    soc_date_to_ymd (scale->end + 1, &y, &m, &d);
    g_assert_cmpuint (d, ==, 1);                                    /* whole months */
  }
  g_assert_cmpfloat (soc_roadmap_layout_get_width (wide) - 31 * 2, <, 1600);  /* and no more */
  soc_roadmap_layout_get_span (wide, &origin, &end);
  g_assert_cmpuint (origin, ==, soc_date_from_ymd (2026, 11, 1));
  g_assert_cmpuint (end, ==, soc_date_from_ymd (2027, 1, 31));
  g_assert_cmpuint (soc_roadmap_layout_get_n_boxes (wide), ==, 1);

  /* Laid out again for another width, the lanes are kept if the days are. */
  metrics.min_width = 1590;
  again = soc_roadmap_layout_new_from (wide, doc, &metrics, 2, 0, 0);
  g_assert_cmpuint (soc_roadmap_layout_get_scale (again)->end, ==, scale->end);
  g_assert_cmpuint (_soc_roadmap_layout_get_n_packed (again), ==, 0);

  /* However far out the view is zoomed, the days stop at the last a plan
   * can date. */
  {
    g_autoptr(SocRoadmapLayout) far = NULL;

    metrics.min_width = 100000;
    far = soc_roadmap_layout_new (doc, &metrics, 0.01, 0, 0);
    g_assert_cmpuint (soc_roadmap_layout_get_scale (far)->end, ==, soc_date_from_ymd (SOC_DATE_MAX_YEAR, 12, 31));
    metrics.min_width = 1590;
  }

  /* A range asked for is the range shown. */
  ranged = soc_roadmap_layout_new (doc, &metrics, 2, soc_date_from_ymd (2026, 12, 1), soc_date_from_ymd (2026, 12, 31));
  g_assert_cmpuint (soc_roadmap_layout_get_scale (ranged)->end, ==, soc_date_from_ymd (2026, 12, 31));
}

/* A layout made from the one before an edit is the layout made afresh,
 * whatever the edit: dates moved (within the plan's span and past it), an
 * item added, deleted, moved to another lane or up the plan, made a
 * milestone, a dependency added, a lane added or deleted, the zoom
 * changed. */
static void
test_layout_new_from (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (41);
  g_autoptr(SocDocument) doc = random_plan (rand, 400, 5);
  SocObjectList *items = SOC_OBJECT_LIST (soc_document_get_items (doc));
  SocObjectList *lanes = SOC_OBJECT_LIST (soc_document_get_lanes (doc));
  g_autoptr(SocRoadmapLayout) layout = soc_roadmap_layout_new (doc, NULL, 3, 0, 0);
  guint base = soc_date_from_ymd (2026, 1, 1);
  double zoom = 3;
  guint packed = 0, lanes_laid_out = 0;

  for (guint round = 0; round < 160; round++)
    {
      g_autoptr(GError) error = NULL;
      guint n = soc_object_list_get_size (items);
      SocItem *item = SOC_ITEM (soc_object_list_get (items, g_rand_int_range (rand, 0, n)));
      SocLane *lane = SOC_LANE (soc_object_list_get (lanes, g_rand_int_range (rand, 0, soc_object_list_get_size (lanes))));
      g_autoptr(SocRoadmapLayout) next = NULL;
      g_autoptr(SocRoadmapLayout) fresh = NULL;

      switch (round % 10)
        {
        case 0: case 1: case 2:
          {
            /* The span stays, mostly; one in ten goes past it. */
            guint start = base + g_rand_int_range (rand, round % 30 == 0 ? -200 : 10, round % 30 == 0 ? 1100 : 680);

            g_assert_true (soc_edit_set_dates (doc, SOC_OBJECT (item), start,
                                               soc_item_get_kind (item) == SOC_ITEM_KIND_MILESTONE ? 0 : start + g_rand_int_range (rand, 0, 90),
                                               NULL, &error));
            break;
          }
        case 3:
          {
            g_autoptr(SocItem) added = soc_item_new (SOC_ITEM_KIND_ACTIVITY);
            guint start = base + g_rand_int_range (rand, 10, 680);

            g_object_set (added, "title", "Added", "lane", lane, "start", start, "end", start + 20, NULL);
            g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (added), NULL, g_rand_int_range (rand, 0, n + 1), &error));
            break;
          }
        case 4:
          g_assert_true (soc_edit_delete (doc, (SocObject **) &item, 1, &error));
          break;
        case 5:
          g_assert_true (soc_edit_set_object (doc, SOC_OBJECT (item), "lane", SOC_OBJECT (lane), &error));
          break;
        case 6:
          g_assert_true (soc_edit_move (doc, SOC_OBJECT (item), g_rand_int_range (rand, 0, n), &error));
          break;
        case 7:
          {
            g_autoptr(GPtrArray) targets = g_ptr_array_new ();
            GPtrArray *depends = soc_item_get_depends (item);

            for (guint k = 0; depends != NULL && k < depends->len; k++)
              g_ptr_array_add (targets, g_ptr_array_index (depends, k));
            g_ptr_array_add (targets, soc_object_list_get (items, g_rand_int_range (rand, 0, n)));
            /* A loop is refused: nothing changed. */
            if (!soc_edit_set_links (doc, item, "depends-on", targets, &error))
              {
                g_test_message ("%s", error->message);
                g_clear_error (&error);
              }
            break;
          }
        case 8:
          if (round % 20 == 8)
            {
              g_autoptr(SocLane) added = soc_lane_new (SOC_LANE_KIND_OTHER);

              g_object_set (added, "title", "Added lane", NULL);
              g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (added), NULL, g_rand_int_range (rand, 0, 3), &error));
            }
          else
            g_assert_true (soc_edit_set_int (doc, SOC_OBJECT (item), "kind",
                                             soc_item_get_kind (item) == SOC_ITEM_KIND_MILESTONE ? SOC_ITEM_KIND_ACTIVITY
                                                                                                 : SOC_ITEM_KIND_MILESTONE, &error));
          break;
        case 9:
          if (round % 40 == 9)
            zoom = zoom == 3 ? 6 : 3;
          else if (round % 40 == 19 && soc_object_list_get_size (lanes) > 3)
            g_assert_true (soc_edit_delete (doc, (SocObject **) &lane, 1, &error));
          break;
        }
      g_assert_no_error (error);

      next = soc_roadmap_layout_new_from (layout, doc, NULL, zoom, 0, 0);
      fresh = soc_roadmap_layout_new (doc, NULL, zoom, 0, 0);
      assert_same_layout (next, fresh);
      g_assert_cmpuint (_soc_roadmap_layout_get_n_packed (fresh), ==, soc_roadmap_layout_get_n_lanes (fresh));
      packed += _soc_roadmap_layout_get_n_packed (next);
      lanes_laid_out += soc_roadmap_layout_get_n_lanes (next);
      g_clear_pointer (&layout, soc_roadmap_layout_unref);
      layout = g_steal_pointer (&next);
    }
  /* Most edits touch a lane or two of the five or more: the rest are
   * taken as they were. */
  g_test_message ("%u of %u lanes packed again", packed, lanes_laid_out);
  g_assert_cmpuint (packed, <, lanes_laid_out / 2);
}

/* The most boxes of one lane that meet at one x: the fewest rows it can take. */
static guint
max_overlap (SocRoadmapLayout *layout,
             guint             lane)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  guint best = 0, open = 0;
  double *e;

  for (guint i = 0; i < soc_roadmap_layout_get_n_boxes (layout); i++)
    {
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, i);
      double start[2], stop[2];

      if (box->lane != lane)
        continue;
      start[0] = box->rect.x;
      start[1] = 1;
      stop[0] = box->rect.x + box->rect.width + 2;   /* the least gap between boxes */
      stop[1] = -1;
      g_array_append_vals (events, start, 1);
      g_array_append_vals (events, stop, 1);
    }
  e = (double *) events->data;
  /* Sort by x, ends before starts at the same x. */
  for (guint i = 1; i < events->len; i++)
    for (guint j = i; j > 0 && (e[2 * (j - 1)] > e[2 * j] ||
                                (e[2 * (j - 1)] == e[2 * j] && e[2 * (j - 1) + 1] > e[2 * j + 1])); j--)
      {
        double t0 = e[2 * j], t1 = e[2 * j + 1];

        e[2 * j] = e[2 * (j - 1)];
        e[2 * j + 1] = e[2 * (j - 1) + 1];
        e[2 * (j - 1)] = t0;
        e[2 * (j - 1) + 1] = t1;
      }
  for (guint i = 0; i < events->len; i++)
    {
      open += (int) e[2 * i + 1];
      best = MAX (best, open);
    }
  return best;
}

static void
test_layout_packing (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);

  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(SocDocument) doc = random_plan (rand, 20 + round * 25, 1 + round % 4);

      for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
        {
          g_autoptr(SocRoadmapLayout) layout = soc_roadmap_layout_new (doc, NULL, zooms[z], 0, 0);

          check_layout (doc, layout);
          /* As few rows as the overlaps need: never more. */
          for (guint l = 0; l < soc_roadmap_layout_get_n_lanes (layout); l++)
            {
              const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, l);

              g_assert_cmpuint (lane->n_rows, ==, MAX (1, max_overlap (layout, l)));
            }
        }
    }
}

/* Arrows start at the prerequisite's end and finish at the dependent's
 * start; a broken one is flagged, and goes along a gap where no bar is. */
static void
test_layout_arrows (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  guint expected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (soc_document_get_items (doc)); i++)
    {
      g_autoptr(SocItem) item = g_list_model_get_item (soc_document_get_items (doc), i);
      GPtrArray *deps = soc_item_get_depends (item);

      for (guint k = 0; deps != NULL && k < deps->len; k++)
        if (soc_item_is_scheduled (item) && soc_item_is_scheduled (g_ptr_array_index (deps, k)))
          expected++;
    }

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autoptr(SocRoadmapLayout) layout = soc_roadmap_layout_new (doc, NULL, zooms[z], 0, 0);

      g_assert_cmpuint (soc_roadmap_layout_get_n_arrows (layout), ==, expected);
      for (guint a = 0; a < soc_roadmap_layout_get_n_arrows (layout); a++)
        {
          const SocRoadmapArrow *arrow = soc_roadmap_layout_get_arrow (layout, a);
          const SocRoadmapBox *from = soc_roadmap_layout_get_box (layout, arrow->from);
          const SocRoadmapBox *to = soc_roadmap_layout_get_box (layout, arrow->to);
          const SocPoint *pts = soc_roadmap_layout_get_points (layout, arrow);

          g_assert_cmpuint (arrow->n_points, >=, 2);
          g_assert_cmpfloat_with_epsilon (pts[0].x, from->rect.x + from->rect.width, 1e-9);
          g_assert_cmpfloat_with_epsilon (pts[0].y, from->rect.y + from->rect.height / 2, 1e-9);
          g_assert_cmpfloat_with_epsilon (pts[arrow->n_points - 1].x, to->rect.x, 1e-9);
          g_assert_cmpfloat_with_epsilon (pts[arrow->n_points - 1].y, to->rect.y + to->rect.height / 2, 1e-9);
          g_assert_cmpint (arrow->broken, ==, soc_item_breaks_dependency (to->item, from->item));
          /* Each segment is level or upright. */
          for (guint p = 1; p < arrow->n_points; p++)
            g_assert_true (pts[p].x == pts[p - 1].x || pts[p].y == pts[p - 1].y);
          /* Each point lies in the arrow's bounds. */
          for (guint p = 0; p < arrow->n_points; p++)
            g_assert_true (soc_rect_contains_point (&arrow->bounds, pts[p].x, pts[p].y));
        }
    }
}

/* Two items in one lane, the second depending on the first. */
static SocDocument *
pair_plan (guint       a_start,
           guint       a_end,
           guint       b_start,
           guint       b_end,
           SocItem   **a,
           SocItem   **b)
{
  SocDocument *doc = soc_document_new ();
  g_autoptr(SocLane) lane = soc_lane_new (SOC_LANE_KIND_ADVOCACY);
  g_autoptr(GPtrArray) deps = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  *a = soc_item_new (SOC_ITEM_KIND_ACTIVITY);
  *b = soc_item_new (SOC_ITEM_KIND_ACTIVITY);
  g_object_set (lane, "title", "Advocacy", NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (lane), NULL, 0, &error));
  g_object_set (*a, "title", "First", "lane", lane, "start", a_start, "end", a_end, NULL);
  g_object_set (*b, "title", "Second", "lane", lane, "start", b_start, "end", b_end, NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (*a), NULL, 0, &error));
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (*b), NULL, 1, &error));
  g_ptr_array_add (deps, *a);
  g_assert_true (soc_edit_set_links (doc, *b, "depends-on", deps, &error));
  g_assert_no_error (error);
  g_object_unref (*a);
  g_object_unref (*b);
  return doc;
}

static void
test_layout_routes (void)
{
  guint d = soc_date_from_ymd (2026, 3, 2);
  SocItem *a, *b;

  /* One after the other in one row: a straight arrow. */
  {
    g_autoptr(SocDocument) doc = pair_plan (d, d + 20, d + 40, d + 60, &a, &b);
    g_autoptr(SocRoadmapLayout) layout = soc_roadmap_layout_new (doc, NULL, SOC_ZOOM_MONTHS, 0, 0);
    const SocRoadmapArrow *arrow = soc_roadmap_layout_get_arrow (layout, 0);

    g_assert_cmpuint (soc_roadmap_layout_get_n_rows (layout), ==, 1);
    g_assert_cmpuint (arrow->n_points, ==, 2);
    g_assert_false (arrow->broken);
  }

  /* Overlapping: two rows, an elbow around nothing. */
  {
    g_autoptr(SocDocument) doc = pair_plan (d, d + 20, d + 10, d + 60, &a, &b);
    g_autoptr(SocRoadmapLayout) layout = soc_roadmap_layout_new (doc, NULL, SOC_ZOOM_MONTHS, 0, 0);
    const SocRoadmapArrow *arrow = soc_roadmap_layout_get_arrow (layout, 0);
    const SocPoint *pts = soc_roadmap_layout_get_points (layout, arrow);

    g_assert_cmpuint (soc_roadmap_layout_get_n_rows (layout), ==, 2);
    g_assert_true (arrow->broken);
    /* It leaves A rightwards, and runs in the gap between the rows, off both bars. */
    g_assert_cmpuint (arrow->n_points, ==, 6);
    g_assert_cmpfloat (pts[1].x, >, pts[0].x);
    for (guint i = 0; i < soc_roadmap_layout_get_n_boxes (layout); i++)
      {
        const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, i);
        g_assert_false (pts[2].y > box->rect.y && pts[2].y < box->rect.y + box->rect.height);
      }
  }
}

static void
test_hit (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocRoadmapLayout) layout = soc_roadmap_layout_new (doc, NULL, SOC_ZOOM_MONTHS, 0, 0);
  const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);
  SocRoadmapHit hit;
  guint tested = 0;

  for (guint i = 0; i < soc_roadmap_layout_get_n_boxes (layout); i++)
    {
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, i);
      double cx = box->rect.x + box->rect.width / 2, cy = box->rect.y + box->rect.height / 2;
      double x1 = box->rect.x + box->rect.width;

      if (box->rect.x < m->title_width + 2)
        continue;   /* under the lane titles */
      g_assert_true (soc_roadmap_layout_hit (layout, cx, cy, NULL, &hit));
      g_assert_true (hit.item == box->item);
      g_assert_cmpuint (hit.box, ==, i);
      if (box->flags & SOC_ROADMAP_BOX_MILESTONE)
        g_assert_cmpint (hit.kind, ==, SOC_ROADMAP_HIT_ITEM);
      else if (box->rect.width >= 40)
        {
          g_assert_cmpint (hit.kind, ==, SOC_ROADMAP_HIT_ITEM);
          g_assert_true (soc_roadmap_layout_hit (layout, box->rect.x + 1, cy, NULL, &hit));
          g_assert_cmpint (hit.kind, ==, SOC_ROADMAP_HIT_START_EDGE);
          g_assert_true (soc_roadmap_layout_hit (layout, x1 - 1, cy, NULL, &hit));
          g_assert_cmpint (hit.kind, ==, SOC_ROADMAP_HIT_END_EDGE);
          g_assert_true (hit.item == box->item);
        }
      if (box->room > x1 + 14)
        {
          g_assert_true (soc_roadmap_layout_hit (layout, x1 + 5, cy, NULL, &hit));
          g_assert_cmpint (hit.kind, ==, SOC_ROADMAP_HIT_LINK);
          g_assert_true (hit.item == box->item);
        }
      tested++;
    }
  g_assert_cmpuint (tested, >, 30);

  /* Empty time in a lane, with its lane and day. */
  {
    const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, 0);
    double x = soc_timescale_x (soc_roadmap_layout_get_scale (layout), soc_date_from_ymd (2028, 12, 30)) + 1;
    double y = lane->band.y + lane->band.height - 2;

    g_assert_true (soc_roadmap_layout_hit (layout, x, y, NULL, &hit));
    g_assert_cmpint (hit.kind, ==, SOC_ROADMAP_HIT_LANE_TIME);
    g_assert_true (hit.lane == lane->lane);
    g_assert_cmpuint (hit.date, ==, soc_date_from_ymd (2028, 12, 30));
  }

  /* The header and the titles stay at the visible top and left. */
  {
    SocRect visible = SOC_RECT_INIT (900, 300, 800, 400);
    const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, 3);

    g_assert_true (soc_roadmap_layout_hit (layout, 1000, 310, &visible, &hit));
    g_assert_cmpint (hit.kind, ==, SOC_ROADMAP_HIT_HEADER);
    g_assert_true (soc_roadmap_layout_hit (layout, 950, lane->band.y + 5, &visible, &hit));
    g_assert_cmpint (hit.kind, ==, SOC_ROADMAP_HIT_LANE_TITLE);
    g_assert_true (hit.lane == lane->lane);
    g_assert_false (soc_roadmap_layout_hit (layout, 1000, soc_roadmap_layout_get_height (layout) + 50, &visible, &hit));
  }
}

static void
test_neighbours (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocRoadmapLayout) layout = soc_roadmap_layout_new (doc, NULL, SOC_ZOOM_MONTHS, 0, 0);
  guint n = soc_roadmap_layout_get_n_boxes (layout);
  guint to;

  for (guint i = 0; i < n; i++)
    {
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, i);

      if (soc_roadmap_layout_neighbour (layout, i, SOC_DIRECTION_RIGHT, &to))
        {
          g_assert_cmpuint (soc_roadmap_layout_get_box (layout, to)->row, ==, box->row);
          g_assert_cmpfloat (soc_roadmap_layout_get_box (layout, to)->rect.x, >, box->rect.x);
          g_assert_true (soc_roadmap_layout_neighbour (layout, to, SOC_DIRECTION_LEFT, &to));
          g_assert_cmpuint (to, ==, i);
        }
      if (soc_roadmap_layout_neighbour (layout, i, SOC_DIRECTION_DOWN, &to))
        g_assert_cmpuint (soc_roadmap_layout_get_box (layout, to)->row, >, box->row);
      else
        g_assert_cmpuint (box->row, >=, soc_roadmap_layout_get_box (layout, n - 1)->row);
      if (soc_roadmap_layout_neighbour (layout, i, SOC_DIRECTION_UP, &to))
        g_assert_cmpuint (soc_roadmap_layout_get_box (layout, to)->row, <, box->row);
      else
        g_assert_cmpuint (box->row, ==, soc_roadmap_layout_get_box (layout, 0)->row);
    }
}

/* Only what meets the rectangle comes back, and all of it. */
static void
test_culling (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(SocDocument) doc = random_plan (rand, 600, 5);
  g_autoptr(SocRoadmapLayout) layout = soc_roadmap_layout_new (doc, NULL, SOC_ZOOM_MONTHS, 0, 0);

  for (guint round = 0; round < 40; round++)
    {
      SocRect r = SOC_RECT_INIT (g_rand_double_range (rand, 0, soc_roadmap_layout_get_width (layout)),
                                 g_rand_double_range (rand, 0, soc_roadmap_layout_get_height (layout)),
                                 g_rand_double_range (rand, 10, 900), g_rand_double_range (rand, 10, 600));
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);

      soc_roadmap_layout_boxes_in (layout, &r, found);
      for (guint i = 0; i < found->len; i++)
        g_hash_table_add (set, GUINT_TO_POINTER (g_array_index (found, guint, i) + 1));
      for (guint i = 0; i < soc_roadmap_layout_get_n_boxes (layout); i++)
        {
          const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, i);
          gboolean meets = box->rect.x < r.x + r.width && box->rect.x + box->rect.width > r.x &&
                           box->rect.y < r.y + r.height && box->rect.y + box->rect.height > r.y;

          g_assert_cmpint (meets, ==, g_hash_table_contains (set, GUINT_TO_POINTER (i + 1)));
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Painter                                                                  */

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       SocColor        *color)
{
  guint32 p = *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
  double a = (p >> 24) / 255.0;

  color->alpha = a;
  color->red = a > 0 ? ((p >> 16) & 0xff) / 255.0 / a : 0;
  color->green = a > 0 ? ((p >> 8) & 0xff) / 255.0 / a : 0;
  color->blue = a > 0 ? (p & 0xff) / 255.0 / a : 0;
}

static gboolean
close_to (const SocColor *a,
          const SocColor *b)
{
  return fabs (a->red - b->red) < 0.02 && fabs (a->green - b->green) < 0.02 && fabs (a->blue - b->blue) < 0.02;
}

static void
test_paint (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocRoadmapLayout) layout = soc_roadmap_layout_new (doc, NULL, SOC_ZOOM_MONTHS, 0, 0);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocLabelCache) labels = soc_label_cache_new (text);
  const SocPalette *palette = soc_palette_get (SOC_PALETTE_LIGHT);
  SocRoadmapPaintState state;
  int w = (int) soc_roadmap_layout_get_width (layout), h = (int) soc_roadmap_layout_get_height (layout);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w + 100, h + 100);
  SocRect visible = SOC_RECT_INIT (0, 0, w, h);
  const SocTimescale *scale = soc_roadmap_layout_get_scale (layout);
  cairo_t *cr;
  SocColor c;
  guint checked = 0;

  soc_roadmap_paint_state_init (&state, palette, labels);
  state.today = soc_date_from_ymd (2026, 9, 30);
  cr = cairo_create (surface);
  soc_roadmap_paint (cr, layout, &state, &visible, SOC_ROADMAP_PAINT_ALL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Known colours where known bars are: the body at the end of each wide
   * bar with less than 90 % done, the lane's colour at the start of one
   * with progress. */
  for (guint i = 0; i < soc_roadmap_layout_get_n_boxes (layout); i++)
    {
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, i);
      SocColor lane = soc_palette_lane_color (palette, soc_lane_get_kind (soc_item_get_lane (box->item)),
                                              soc_lane_get_colour (soc_item_get_lane (box->item)));
      SocColor body, fill;

      if ((box->flags & SOC_ROADMAP_BOX_MILESTONE) || box->rect.width < 40 || box->rect.x < 210)
        continue;
      soc_palette_bar_colors (palette, &lane, &body, &fill, NULL);
      if (soc_item_get_progress (box->item) < 90)
        {
          pixel (surface, (int) (box->rect.x + box->rect.width - 4), (int) (box->rect.y + 3), &c);
          g_assert_true (close_to (&c, &body));
          checked++;
        }
      if (soc_item_get_progress (box->item) > 20)
        {
          pixel (surface, (int) (box->rect.x + 3), (int) (box->rect.y + box->rect.height - 3), &c);
          g_assert_true (close_to (&c, &fill));
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 20);

  /* Nothing outside the visible rectangle. */
  for (int y = 0; y < h + 100; y += 7)
    for (int x = w; x < w + 100; x += 3)
      {
        pixel (surface, x, y, &c);
        g_assert_cmpfloat (c.alpha, ==, 0);
      }

  /* The today line, at today's middle, below the header. */
  {
    int x = (int) round (soc_timescale_x_frac (scale, state.today + 0.5));
    int y = (int) soc_roadmap_layout_get_lane (layout, soc_roadmap_layout_get_n_lanes (layout) - 1)->band.y + 2;

    pixel (surface, x, y, &c);
    g_assert_true (close_to (&c, &palette->today));
    pixel (surface, x + 6, y, &c);
    g_assert_false (close_to (&c, &palette->today));
    /* Behind the bars it crosses, so it cuts no name: the bar's own
     * colours there, the line again between the rows. */
    for (guint i = 0; i < soc_roadmap_layout_get_n_boxes (layout); i++)
      {
        const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, i);

        if ((box->flags & SOC_ROADMAP_BOX_MILESTONE) || box->rect.x > x - 4 || box->rect.x + box->rect.width < x + 4)
          continue;
        pixel (surface, x, (int) (box->rect.y + box->rect.height / 2), &c);
        g_assert_false (close_to (&c, &palette->today));
        pixel (surface, x, (int) (box->rect.y - 2), &c);
        g_assert_true (close_to (&c, &palette->today));
        checked++;
      }
    g_assert_cmpuint (checked, >, 20 + 1);
  }
  /* The same pieces for the screen: between the bars, never on one, from
   * the header down, two pixels on today's middle. */
  {
    g_autoptr(GArray) stretches = g_array_new (FALSE, FALSE, sizeof (SocRect));
    double x = round (soc_timescale_x_frac (scale, state.today + 0.5)) - 1, covered = 0;
    const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);
    guint crossed = 0;

    soc_roadmap_today_line (layout, &state, &visible, stretches);
    g_assert_cmpuint (stretches->len, >, 1);
    for (guint i = 0; i < stretches->len; i++)
      {
        const SocRect *r = &g_array_index (stretches, SocRect, i);

        g_assert_cmpfloat (r->x, ==, x);
        g_assert_cmpfloat (r->width, ==, 2);
        g_assert_cmpfloat (r->y, >=, m->header_height);
        g_assert_cmpfloat (r->y + r->height, <=, soc_roadmap_layout_get_height (layout));
        covered += r->height;
        for (guint b = 0; b < soc_roadmap_layout_get_n_boxes (layout); b++)
          g_assert_false (soc_rect_intersects (r, &soc_roadmap_layout_get_box (layout, b)->rect));
      }
    /* What it runs behind: the bars it crosses, the names beside a bar. */
    for (guint b = 0; b < soc_roadmap_layout_get_n_boxes (layout); b++)
      {
        const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, b);
        const SocRect *r = &box->rect;
        double x0, x1;

        if ((r->x < x + 2 && r->x + r->width > x) ||
            (r->x + r->width <= x && _soc_roadmap_label_beside (&state, box, &x0, &x1) && x0 < x + 2 && x1 > x))
          {
            covered += r->height, crossed++;
            for (guint i = 0; i < stretches->len; i++)
              g_assert_false (soc_rect_intersects (&g_array_index (stretches, SocRect, i),
                                                   &SOC_RECT_INIT (x, r->y, 2, r->height)));
          }
      }
    g_assert_cmpuint (crossed, >, 0);
    g_assert_cmpfloat (fabs (covered - (soc_roadmap_layout_get_height (layout) - m->header_height)), <, 0.01);
    /* Other days: never over a name written beside a bar (some are). */
    {
      guint beside = 0;

      for (guint day = scale->origin; day <= scale->end; day += 5)
        {
          double dx = round (soc_timescale_x_frac (scale, day + 0.5)) - 1;

          state.today = day;
          g_array_set_size (stretches, 0);
          soc_roadmap_today_line (layout, &state, &visible, stretches);
          for (guint b = 0; b < soc_roadmap_layout_get_n_boxes (layout); b++)
            {
              const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, b);
              double x0, x1;

              if (box->rect.x + box->rect.width > dx || !_soc_roadmap_label_beside (&state, box, &x0, &x1) ||
                  x0 >= dx + 2 || x1 <= dx)
                continue;
              beside++;
              for (guint i = 0; i < stretches->len; i++)
                g_assert_false (soc_rect_intersects (&g_array_index (stretches, SocRect, i),
                                                     &SOC_RECT_INIT (dx, box->rect.y, 2, box->rect.height)));
            }
        }
      g_assert_cmpuint (beside, >, 10);
    }
    /* Not shown: nothing. */
    g_array_set_size (stretches, 0);
    state.today = 0;
    soc_roadmap_today_line (layout, &state, &visible, stretches);
    g_assert_cmpuint (stretches->len, ==, 0);
  }
  cairo_surface_destroy (surface);
}

/* A clip smaller than the surface: nothing outside it, whatever the part. */
static void
test_paint_clip (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocRoadmapLayout) layout = soc_roadmap_layout_new (doc, NULL, SOC_ZOOM_WEEKS, 0, 0);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocLabelCache) labels = soc_label_cache_new (text);
  g_autoptr(SocSelection) selection = soc_selection_new (doc);
  SocRoadmapPaintState state;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 700);
  SocRect visible = SOC_RECT_INIT (2400, 200, 600, 300);
  cairo_t *cr;
  SocColor c;

  soc_roadmap_paint_state_init (&state, soc_palette_get (SOC_PALETTE_DARK), labels);
  state.selection = selection;
  soc_selection_select (selection, soc_document_lookup (doc, "i5"));
  state.hover = SOC_ITEM (soc_document_lookup (doc, "i6"));
  state.today = soc_date_from_ymd (2026, 9, 30);
  cr = cairo_create (surface);
  /* The surface shows the visible rectangle at 100, 100. */
  cairo_translate (cr, 100 - visible.x, 100 - visible.y);
  soc_roadmap_paint (cr, layout, &state, &visible, SOC_ROADMAP_PAINT_ALL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < 700; y += 3)
    for (int x = 0; x < 1000; x += 3)
      {
        gboolean inside = x >= 100 && x < 700 && y >= 100 && y < 400;

        pixel (surface, x, y, &c);
        if (!inside)
          g_assert_cmpfloat (c.alpha, ==, 0);
        else
          g_assert_cmpfloat (c.alpha, ==, 1);
      }
  cairo_surface_destroy (surface);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                     */

static void
test_text_metrics (void)
{
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocText) again = soc_text_new (FAMILY);
  g_autoptr(SocLabelCache) labels = soc_label_cache_new (text);
  const char *title = "Pilot new enterprise social network at the Lindau plant";
  double w = soc_text_width (text, SOC_TEXT_LABEL, title);
  double natural;
  PangoLayout *a, *b;
  PangoRectangle logical;

  /* Not rounded to whole pixels, and the same in every context. */
  g_assert_cmpfloat (w, >, 100);
  g_assert_cmpfloat (w, ==, soc_text_width (again, SOC_TEXT_LABEL, title));
  g_assert_cmpfloat (soc_text_get_height (text, SOC_TEXT_LABEL), >, 10);

  /* The cache shapes once, and ellipsizes only what does not fit. */
  a = soc_label_cache_get (labels, title, SOC_TEXT_LABEL, title, -1, &natural);
  g_assert_cmpfloat (natural, ==, w);
  b = soc_label_cache_get (labels, title, SOC_TEXT_LABEL, title, w + 10, NULL);
  g_assert_true (a == b);
  g_assert_false (pango_layout_is_ellipsized (b));
  b = soc_label_cache_get (labels, title, SOC_TEXT_LABEL, title, w / 2, NULL);
  g_assert_true (a == b);
  pango_layout_get_extents (b, NULL, &logical);
  g_assert_cmpfloat ((double) logical.width / PANGO_SCALE, <=, w / 2 + 0.5);
  g_assert_true (pango_layout_is_ellipsized (b));

  /* A new text is a new layout; unused ones go at a trim. */
  b = soc_label_cache_get (labels, title, SOC_TEXT_LABEL, "Something else", -1, NULL);
  g_assert_cmpuint (soc_label_cache_size (labels), ==, 1);
  soc_label_cache_trim (labels);
  g_assert_cmpuint (soc_label_cache_size (labels), ==, 1);
  soc_label_cache_trim (labels);
  g_assert_cmpuint (soc_label_cache_size (labels), ==, 0);

  /* Widths agree on an image and on a PDF: the context decides, not the target. */
  {
    cairo_surface_t *pdf = cairo_pdf_surface_create (NULL, 200, 200);
    cairo_t *cr = cairo_create (pdf);
    g_autoptr(PangoLayout) layout = soc_text_layout (text, SOC_TEXT_LABEL, title);

    soc_text_show (cr, layout, 0, 0);
    pango_layout_get_extents (layout, NULL, &logical);
    g_assert_cmpfloat ((double) logical.width / PANGO_SCALE, ==, w);
    cairo_destroy (cr);
    cairo_surface_destroy (pdf);
  }
}

/* Bounds that take in rects, and what of them shows, out to whole pixels. */
static void
test_rect_bounds (void)
{
  SocRect bounds = SOC_RECT_INIT (0, 0, 0, 0);
  SocRect a = SOC_RECT_INIT (10, 10, 5, 5), b = SOC_RECT_INIT (40, 2.5, 10, 3);
  SocRect visible = SOC_RECT_INIT (12.5, 0, 30, 100), far = SOC_RECT_INIT (500, 500, 10, 10);
  gboolean any = FALSE;

  soc_rect_take_in (&bounds, &any, &a, 2);
  g_assert_true (any);
  g_assert_true (soc_rect_contains_rect (&bounds, &a));
  g_assert_cmpfloat (bounds.x, ==, 8);
  g_assert_cmpfloat (bounds.width, ==, 9);
  soc_rect_take_in (&bounds, &any, &b, 0);
  g_assert_true (soc_rect_contains_rect (&bounds, &a));
  g_assert_true (soc_rect_contains_rect (&bounds, &b));
  g_assert_cmpfloat (bounds.y, ==, 2.5);

  {
    SocRect clipped = bounds;

    g_assert_true (soc_rect_clip_out (&clipped, &visible));
    g_assert_cmpfloat (clipped.x, ==, 12);       /* 12.5, out to a whole pixel */
    g_assert_cmpfloat (clipped.x + clipped.width, ==, 43);
    g_assert_cmpfloat (clipped.y, ==, 2);
    g_assert_cmpfloat (clipped.y + clipped.height, ==, 17);
  }
  {
    SocRect clipped = bounds;

    g_assert_false (soc_rect_clip_out (&clipped, &far));
    g_assert_cmpfloat (clipped.x, ==, bounds.x);
  }
}

static void
test_palette (void)
{
  for (SocPaletteKind k = SOC_PALETTE_LIGHT; k <= SOC_PALETTE_PRINT; k++)
    {
      const SocPalette *p = soc_palette_get (k);
      SocColor bg = soc_color_with_alpha (&p->background, 1);

      g_assert_cmpint (p->kind, ==, k);
      /* Text reads on the ground: 4.5:1 at least (WCAG AA), 7:1 in high contrast. */
      g_assert_cmpfloat (soc_color_contrast (&p->text, &bg), >=,
                         k == SOC_PALETTE_HIGH_CONTRAST || k == SOC_PALETTE_HIGH_CONTRAST_DARK ? 7.0 : 4.5);
      for (SocLaneKind l = SOC_LANE_KIND_CULTURE_EDUCATION; l <= SOC_LANE_KIND_OTHER; l++)
        {
          SocColor lane = soc_palette_lane_color (p, l, NULL);
          SocColor body, fill, on;

          soc_palette_bar_colors (p, &lane, &body, &fill, &on);
          g_assert_cmpfloat (soc_color_contrast (&on, &body), >=, 4.5);
        }
      /* In high contrast the profile's letter reads on every stance's bubble at 7:1. */
      if (k == SOC_PALETTE_HIGH_CONTRAST || k == SOC_PALETTE_HIGH_CONTRAST_DARK)
        for (SocStance s = SOC_STANCE_CHAMPION; s <= SOC_STANCE_BLOCKER; s++)
          {
            SocColor body = soc_palette_stance_color (p, s);
            SocColor on = soc_palette_text_on (p, &body);

            g_assert_cmpfloat (soc_color_contrast (&on, &body), >=, 7.0);
          }
    }
  {
    SocColor c;

    g_assert_true (soc_color_parse ("#3584e4", &c));
    g_assert_cmpfloat_with_epsilon (c.red, 0x35 / 255.0, 1e-9);
    g_assert_false (soc_color_parse ("#3584e", &c));
    g_assert_false (soc_color_parse ("3584e4x", &c));
    g_assert_false (soc_color_parse (NULL, &c));
  }
}

/* ------------------------------------------------------------------------ */
/* Stakeholder map                                                          */

static SocStakeholder *
add_stakeholder (SocDocument        *doc,
                 const char         *name,
                 SocStakeholderKind  kind,
                 SocProfile          profile,
                 int                 influence,
                 int                 interest,
                 SocStance           stance,
                 SocStance           desired,
                 SocRoles            roles)
{
  g_autoptr(SocStakeholder) s = soc_stakeholder_new (kind);
  g_autoptr(GError) error = NULL;

  g_object_set (s, "name", name, "profile", profile, "influence", influence, "interest", interest,
                "stance", stance, "desired-stance", desired, "roles", roles, NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (s), NULL,
                                  g_list_model_get_n_items (soc_document_get_stakeholders (doc)), &error));
  g_assert_no_error (error);
  return s;
}

static void
add_relationship (SocDocument     *doc,
                  SocRelationKind  kind,
                  SocStakeholder  *from,
                  SocStakeholder  *to)
{
  g_autoptr(SocRelationship) rel = soc_relationship_new (kind, from, to);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (rel), NULL,
                                  g_list_model_get_n_items (soc_document_get_relationships (doc)), &error));
  g_assert_no_error (error);
}

/* N stakeholders of every kind, profile, stance and role, some sharing
 * their numbers, and relationships between some. */
static SocDocument *
random_stakeholders (GRand *rand,
                     guint  n)
{
  SocDocument *doc = soc_document_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  static const char *names[] = { "Ana", "Bo Chen", "Carla Montoya-Ferreira", "Dev", "Executive leadership team",
                                 "Farid Haddad", "", "Information security team", "Jo" };

  for (guint i = 0; i < n; i++)
    {
      /* A few spots shared by many, as a spreadsheet's round numbers are. */
      gboolean round_numbers = g_rand_int_range (rand, 0, 4) == 0;
      int influence = round_numbers ? 50 + 25 * g_rand_int_range (rand, -1, 2) : g_rand_int_range (rand, 0, 101);
      int interest = round_numbers ? 50 + 25 * g_rand_int_range (rand, -1, 2) : g_rand_int_range (rand, 0, 101);

      g_ptr_array_add (all, add_stakeholder (doc, names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))],
                                             g_rand_int_range (rand, 0, 3) == 0 ? SOC_STAKEHOLDER_KIND_GROUP
                                                                                : SOC_STAKEHOLDER_KIND_PERSON,
                                             g_rand_int_range (rand, 0, SOC_N_PROFILES), influence, interest,
                                             g_rand_int_range (rand, 0, 5), g_rand_int_range (rand, 0, 5),
                                             g_rand_int_range (rand, 0, 16)));
    }
  for (guint i = 0; n > 1 && i < n / 2; i++)
    {
      guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);

      if (a != b)
        add_relationship (doc, g_rand_int_range (rand, 0, 3), g_ptr_array_index (all, a), g_ptr_array_index (all, b));
    }
  return doc;
}

static gboolean
disc_meets (const SocMapBubble *b,
            double              r,
            const SocRect      *rect)
{
  double nx = CLAMP (b->center.x, rect->x, rect->x + rect->width);
  double ny = CLAMP (b->center.y, rect->y, rect->y + rect->height);

  return (b->center.x - nx) * (b->center.x - nx) + (b->center.y - ny) * (b->center.y - ny) < r * r;
}

/* Every bubble at its numbers (or spread from them), sized by its kind,
 * ringed when another stance is wanted; each name clear of every bubble,
 * of every other name and of the quadrants' titles, inside the grid. */
static void
check_map (SocDocument  *doc,
           SocMapLayout *layout)
{
  const SocMapMetrics *m = soc_map_layout_get_metrics (layout);
  guint n = soc_map_layout_get_n_bubbles (layout), labels = 0;
  SocRect plot = soc_map_layout_get_plot (layout);

  for (guint i = 0; i < n; i++)
    {
      const SocMapBubble *b = soc_map_layout_get_bubble (layout, i);
      SocStakeholder *s = b->stakeholder;
      guint index;

      g_assert_true (soc_map_layout_find_bubble (layout, s, &index) == b);
      g_assert_cmpuint (index, ==, i);
      if (i > 0)
        g_assert_cmpuint (b->order, >, soc_map_layout_get_bubble (layout, i - 1)->order);
      g_assert_cmpint (b->influence, ==, soc_stakeholder_get_influence (s));
      g_assert_cmpint (b->interest, ==, soc_stakeholder_get_interest (s));
      if (!(b->flags & SOC_MAP_BUBBLE_SPREAD))
        {
          g_assert_cmpfloat_with_epsilon (b->center.x, plot.x + b->interest * soc_map_layout_get_zoom (layout), 1e-9);
          g_assert_cmpfloat_with_epsilon (b->center.y, plot.y + (100 - b->influence) * soc_map_layout_get_zoom (layout), 1e-9);
        }
      g_assert_cmpfloat (b->radius, ==, soc_stakeholder_get_kind (s) == SOC_STAKEHOLDER_KIND_GROUP ? m->group_radius
                                                                                                    : m->person_radius);
      g_assert_cmpint (!!(b->flags & SOC_MAP_BUBBLE_WANTS), ==,
                       soc_stakeholder_get_stance (s) != soc_stakeholder_get_desired_stance (s));
      g_assert_cmpfloat (b->outer, >=, b->radius);
      /* Inside the grid and its padding: a spread lot at an edge moves in. */
      if (soc_map_layout_get_zoom (layout) >= 5)
        {
          double pad = m->group_radius + m->ring_gap + m->ring_width + 3;

          g_assert_cmpfloat (b->center.x, >=, plot.x - pad);
          g_assert_cmpfloat (b->center.x, <=, plot.x + plot.width + pad);
          g_assert_cmpfloat (b->center.y, >=, plot.y - pad);
          g_assert_cmpfloat (b->center.y, <=, plot.y + plot.height + pad);
        }
      if (!(b->flags & SOC_MAP_BUBBLE_LABEL))
        continue;
      labels++;
      g_assert_cmpfloat (b->label.x, >=, 0);
      g_assert_cmpfloat (b->label.x + b->label.width, <=, soc_map_layout_get_width (layout));
      g_assert_cmpfloat (b->label.y + b->label.height, <=, plot.y + plot.height + m->group_radius + 10);
      g_assert_cmpfloat (b->label.width, <=, m->label_max_width + 2 * m->label_pad + 1e-9);
      for (SocMapQuadrant q = SOC_MAP_QUADRANT_MANAGE_CLOSELY; q <= SOC_MAP_QUADRANT_MONITOR; q++)
        {
          SocRect title;

          if (soc_map_layout_get_title (layout, q, &title))
            g_assert_false (soc_rect_intersects (&title, &b->label));
        }
      for (guint k = 0; k < n; k++)
        {
          const SocMapBubble *other = soc_map_layout_get_bubble (layout, k);

          /* Never over a bubble, its own included. */
          g_assert_false (disc_meets (other, other->outer, &b->label));
          if (k != i && (other->flags & SOC_MAP_BUBBLE_LABEL))
            g_assert_false (soc_rect_intersects (&other->label, &b->label));
        }
    }
  g_assert_cmpuint (labels, ==, soc_map_layout_get_n_labels (layout));
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (soc_document_get_stakeholders (doc)));
}

static void
test_map_example (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocMapWidths) widths = soc_map_widths_new (text);
  const double map_zooms[] = { SOC_MAP_ZOOM_MIN, 4, SOC_MAP_ZOOM_DEFAULT, 12, 40, SOC_MAP_ZOOM_MAX };

  for (guint z = 0; z < G_N_ELEMENTS (map_zooms); z++)
    {
      g_autoptr(SocMapLayout) layout = soc_map_layout_new (doc, NULL, map_zooms[z], NULL, widths);

      check_map (doc, layout);
      g_assert_cmpfloat (soc_map_layout_get_zoom (layout), ==, map_zooms[z]);
      /* The relationships, rim to rim: all of them once bubbles no longer
       * touch (at the smallest zooms there is no line between those that do). */
      g_assert_cmpuint (soc_map_layout_get_n_edges (layout), <=,
                        g_list_model_get_n_items (soc_document_get_relationships (doc)));
      if (map_zooms[z] >= SOC_MAP_ZOOM_DEFAULT)
        g_assert_cmpuint (soc_map_layout_get_n_edges (layout), ==,
                          g_list_model_get_n_items (soc_document_get_relationships (doc)));
      for (guint e = 0; e < soc_map_layout_get_n_edges (layout); e++)
        {
          const SocMapEdge *edge = soc_map_layout_get_edge (layout, e);
          const SocMapBubble *a = soc_map_layout_get_bubble (layout, edge->from);
          const SocMapBubble *b = soc_map_layout_get_bubble (layout, edge->to);

          g_assert_true (soc_relationship_get_from (edge->relationship) == a->stakeholder);
          g_assert_true (soc_relationship_get_to (edge->relationship) == b->stakeholder);
          g_assert_cmpfloat_with_epsilon (hypot (edge->a.x - a->center.x, edge->a.y - a->center.y), a->outer, 1e-6);
          g_assert_cmpfloat_with_epsilon (hypot (edge->b.x - b->center.x, edge->b.y - b->center.y), b->outer + 1, 1e-6);
        }
    }

  /* At the default zoom, the example's names all show but a few. */
  {
    g_autoptr(SocMapLayout) layout = soc_map_layout_new (doc, NULL, SOC_MAP_ZOOM_DEFAULT, NULL, widths);
    const SocMapBubble *maria = soc_map_layout_find_bubble (layout, SOC_STAKEHOLDER (soc_document_lookup (doc, "s1")), NULL);

    g_assert_cmpuint (soc_map_layout_get_n_labels (layout), >=, soc_map_layout_get_n_bubbles (layout) - 3);
    g_assert_nonnull (maria);
    g_assert_true (maria->flags & SOC_MAP_BUBBLE_LABEL);
    g_assert_true (maria->flags & SOC_MAP_BUBBLE_WANTS);
  }

  /* Quadrants: from the middle up and right is high. */
  g_assert_cmpint (soc_map_quadrant_of (90, 70), ==, SOC_MAP_QUADRANT_MANAGE_CLOSELY);
  g_assert_cmpint (soc_map_quadrant_of (50, 49), ==, SOC_MAP_QUADRANT_KEEP_SATISFIED);
  g_assert_cmpint (soc_map_quadrant_of (49, 50), ==, SOC_MAP_QUADRANT_KEEP_INFORMED);
  g_assert_cmpint (soc_map_quadrant_of (0, 0), ==, SOC_MAP_QUADRANT_MONITOR);
  g_assert_cmpstr (soc_map_quadrant_label (SOC_MAP_QUADRANT_KEEP_INFORMED), ==, "Keep informed");
  /* Seven profiles, seven marks. */
  {
    g_autoptr(GHashTable) marks = g_hash_table_new (g_str_hash, g_str_equal);

    for (SocProfile p = SOC_PROFILE_LEADERSHIP; p <= SOC_PROFILE_CUSTOMERS; p++)
      g_hash_table_add (marks, (gpointer) soc_map_profile_mark (p));
    g_assert_cmpuint (g_hash_table_size (marks), ==, SOC_N_PROFILES);
  }
}

/* The quadrants' titles: in their outer corners on an empty map; with a
 * stakeholder in each outer corner (a new one is made at 0 and 0), in
 * another corner of their quadrant, clear of every bubble. */
static void
test_map_titles_clear (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocMapWidths) widths = soc_map_widths_new (text);
  const double title_zooms[] = { 4, SOC_MAP_ZOOM_DEFAULT, 12 };

  for (guint z = 0; z < G_N_ELEMENTS (title_zooms); z++)
    {
      g_autoptr(SocMapLayout) layout = soc_map_layout_new (doc, NULL, title_zooms[z], NULL, widths);

      SocRect plot = soc_map_layout_get_plot (layout);

      for (SocMapQuadrant q = SOC_MAP_QUADRANT_MANAGE_CLOSELY; q <= SOC_MAP_QUADRANT_MONITOR; q++)
        {
          gboolean left = q == SOC_MAP_QUADRANT_KEEP_SATISFIED || q == SOC_MAP_QUADRANT_MONITOR;
          gboolean top = q == SOC_MAP_QUADRANT_KEEP_SATISFIED || q == SOC_MAP_QUADRANT_MANAGE_CLOSELY;
          double cx, cy;
          SocRect title;

          g_assert_true (soc_map_layout_get_title (layout, q, &title));
          cx = title.x + title.width / 2;
          cy = title.y + title.height / 2;
          /* The outer quarter of the grid both ways. */
          g_assert_true (left ? cx < plot.x + plot.width / 4 : cx > plot.x + plot.width * 3 / 4);
          g_assert_true (top ? cy < plot.y + plot.height / 4 : cy > plot.y + plot.height * 3 / 4);
        }
    }

  /* A small map: each title within its own quadrant, none over another
   * (a title wider than its quadrant is shortened to it). */
  {
    g_autoptr(SocMapLayout) layout = soc_map_layout_new (doc, NULL, SOC_MAP_ZOOM_MIN, NULL, widths);
    SocRect plot = soc_map_layout_get_plot (layout), titles[4];
    double mx = plot.x + plot.width * SOC_MAP_MIDDLE / SOC_MAP_MAX_VALUE;
    gboolean shortened = FALSE;

    for (SocMapQuadrant q = SOC_MAP_QUADRANT_MANAGE_CLOSELY; q <= SOC_MAP_QUADRANT_MONITOR; q++)
      {
        gboolean left = q == SOC_MAP_QUADRANT_KEEP_SATISFIED || q == SOC_MAP_QUADRANT_MONITOR;

        g_assert_true (soc_map_layout_get_title (layout, q, &titles[q]));
        g_assert_true (left ? titles[q].x + titles[q].width <= mx : titles[q].x >= mx);
        shortened |= titles[q].width < soc_map_widths_measure (widths, SOC_TEXT_HEADING, soc_map_quadrant_label (q));
        for (SocMapQuadrant o = SOC_MAP_QUADRANT_MANAGE_CLOSELY; o < q; o++)
          g_assert_false (soc_rect_intersects (&titles[q], &titles[o]));
      }
    g_assert_true (shortened);   /* the case this is about */
  }

  add_stakeholder (doc, "New", SOC_STAKEHOLDER_KIND_PERSON, SOC_PROFILE_OBSERVERS, 0, 0, 0, 0, 0);
  add_stakeholder (doc, "Board", SOC_STAKEHOLDER_KIND_GROUP, SOC_PROFILE_LEADERSHIP, 100, 100, 0, 0, 0);
  add_stakeholder (doc, "Auditor", SOC_STAKEHOLDER_KIND_PERSON, SOC_PROFILE_OBSERVERS, 100, 0, 0, 0, 0);
  add_stakeholder (doc, "Users", SOC_STAKEHOLDER_KIND_GROUP, SOC_PROFILE_PRACTITIONERS, 0, 100, 0, 0, 0);
  for (guint z = 0; z < G_N_ELEMENTS (title_zooms); z++)
    {
      g_autoptr(SocMapLayout) layout = soc_map_layout_new (doc, NULL, title_zooms[z], NULL, widths);
      SocRect plot = soc_map_layout_get_plot (layout);

      check_map (doc, layout);
      for (SocMapQuadrant q = SOC_MAP_QUADRANT_MANAGE_CLOSELY; q <= SOC_MAP_QUADRANT_MONITOR; q++)
        {
          SocRect title;

          g_assert_true (soc_map_layout_get_title (layout, q, &title));
          /* On the map, in its own quadrant. */
          g_assert_cmpfloat (title.x, >=, 0);
          g_assert_cmpfloat (title.x + title.width, <=, soc_map_layout_get_width (layout));
          g_assert_cmpint (soc_map_quadrant_of ((int) lround ((plot.y + plot.height - (title.y + title.height / 2)) / plot.height * 100),
                                                (int) lround ((title.x + title.width / 2 - plot.x) / plot.width * 100)),
                           ==, q);
          for (guint i = 0; i < soc_map_layout_get_n_bubbles (layout); i++)
            {
              const SocMapBubble *b = soc_map_layout_get_bubble (layout, i);

              g_assert_false (disc_meets (b, b->outer, &title));
            }
        }
    }
}

/* Names on crowded maps: never over a bubble, never over each other. */
static void
test_map_labels (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocMapWidths) widths = soc_map_widths_new (text);

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(SocDocument) doc = random_stakeholders (rand, 40 + round * 120);

      for (double zoom = SOC_MAP_ZOOM_MIN; zoom <= 30; zoom *= 2.5)
        {
          g_autoptr(SocMapLayout) layout = soc_map_layout_new (doc, NULL, zoom, NULL, widths);

          check_map (doc, layout);
          if (zoom >= 10)
            g_assert_cmpuint (soc_map_layout_get_n_labels (layout), >, 0);
        }
    }
}

/* Names placed later, as the window does when a part that is not a crowd
 * shows, go where they would have gone at once; placing them twice
 * changes nothing. */
static void
test_map_names_later (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocMapWidths) widths = soc_map_widths_new (text);
  g_autoptr(SocDocument) doc = random_stakeholders (rand, 300);
  g_autoptr(SocMapLayout) at_once = soc_map_layout_new (doc, NULL, 12, NULL, widths);
  g_autoptr(SocMapLayout) later = soc_map_layout_new (doc, NULL, 12, NULL, NULL);
  guint n = soc_map_layout_get_n_bubbles (later);

  g_assert_true (soc_map_layout_has_names (at_once));
  g_assert_false (soc_map_layout_has_names (later));
  g_assert_cmpuint (soc_map_layout_get_n_labels (later), ==, 0);
  g_assert_cmpfloat (soc_map_layout_get_reach (later), <, soc_map_layout_get_reach (at_once));

  for (guint round = 0; round < 2; round++)
    {
      soc_map_layout_place_names (later, widths);
      g_assert_true (soc_map_layout_has_names (later));
      g_assert_cmpuint (soc_map_layout_get_n_labels (later), >, n / 4);
      g_assert_cmpuint (soc_map_layout_get_n_labels (later), ==, soc_map_layout_get_n_labels (at_once));
      g_assert_cmpfloat (soc_map_layout_get_reach (later), ==, soc_map_layout_get_reach (at_once));
      for (guint i = 0; i < n; i++)
        {
          const SocMapBubble *a = soc_map_layout_get_bubble (at_once, i);
          const SocMapBubble *b = soc_map_layout_get_bubble (later, i);

          g_assert_cmpuint (a->flags, ==, b->flags);
          if (a->flags & SOC_MAP_BUBBLE_LABEL)
            g_assert_true (memcmp (&a->label, &b->label, sizeof (SocRect)) == 0);
        }
    }
  check_map (doc, later);
}

/* Stakeholders with the same numbers: each at its own place, each centre
 * clear of every other bubble, so each shows and a click finds it; the
 * same places every time, in the plan's order. */
static void
test_map_spread (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  g_autoptr(SocMapLayout) layout = NULL;
  g_autoptr(SocMapLayout) again = NULL;
  SocStakeholder *first = NULL;
  guint n;

  for (guint i = 0; i < 14; i++)
    {
      SocStakeholder *s = add_stakeholder (doc, "Same", i % 3 == 0 ? SOC_STAKEHOLDER_KIND_GROUP : SOC_STAKEHOLDER_KIND_PERSON,
                                           SOC_PROFILE_MANAGEMENT, 60, 40, SOC_STANCE_NEUTRAL,
                                           i % 2 ? SOC_STANCE_CHAMPION : SOC_STANCE_NEUTRAL, 0);

      if (first == NULL)
        first = s;
    }
  add_stakeholder (doc, "Elsewhere", SOC_STAKEHOLDER_KIND_PERSON, SOC_PROFILE_OBSERVERS, 10, 90,
                   SOC_STANCE_SCEPTIC, SOC_STANCE_SCEPTIC, 0);
  layout = soc_map_layout_new (doc, NULL, SOC_MAP_ZOOM_DEFAULT, NULL, NULL);
  again = soc_map_layout_new (doc, NULL, SOC_MAP_ZOOM_DEFAULT, NULL, NULL);
  n = soc_map_layout_get_n_bubbles (layout);
  g_assert_cmpuint (n, ==, 15);

  /* The first stays on its numbers; the one alone is not moved. */
  {
    const SocMapBubble *b = soc_map_layout_find_bubble (layout, first, NULL);

    g_assert_cmpfloat (b->center.x, ==, soc_map_layout_x (layout, 40));
    g_assert_cmpfloat (b->center.y, ==, soc_map_layout_y (layout, 60));
    g_assert_false (soc_map_layout_get_bubble (layout, 14)->flags & SOC_MAP_BUBBLE_SPREAD);
  }
  for (guint i = 0; i < n; i++)
    {
      const SocMapBubble *b = soc_map_layout_get_bubble (layout, i);
      SocMapHit hit;

      g_assert_cmpfloat (b->center.x, ==, soc_map_layout_get_bubble (again, i)->center.x);
      g_assert_cmpfloat (b->center.y, ==, soc_map_layout_get_bubble (again, i)->center.y);
      g_assert_cmpint (!!(b->flags & SOC_MAP_BUBBLE_SPREAD), ==, i < 14);
      for (guint k = 0; k < n; k++)
        {
          const SocMapBubble *other = soc_map_layout_get_bubble (layout, k);

          if (k != i)
            g_assert_cmpfloat (hypot (b->center.x - other->center.x, b->center.y - other->center.y), >, other->outer);
        }
      /* Clickable: its centre, and a point off it toward its side, find it. */
      g_assert_true (soc_map_layout_hit (layout, b->center.x, b->center.y, -1, TRUE, &hit));
      g_assert_cmpint (hit.kind, ==, SOC_MAP_HIT_BUBBLE);
      g_assert_cmpuint (hit.bubble, ==, i);
      g_assert_true (hit.stakeholder == b->stakeholder);
    }

  /* Close together, but not on top of one another: a small spiral. */
  for (guint i = 1; i < 14; i++)
    {
      const SocMapBubble *b = soc_map_layout_get_bubble (layout, i);

      g_assert_cmpfloat (hypot (b->center.x - soc_map_layout_x (layout, 40), b->center.y - soc_map_layout_y (layout, 60)), <, 90);
    }
}

/* Hit testing: bubbles, the handle beside the active one, relationships
 * when shown, empty room with its numbers, nothing outside the grid. */
static void
test_map_hit (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocMapLayout) layout = soc_map_layout_new (doc, NULL, 9, NULL, NULL);
  SocMapHit hit;
  guint checked = 0;

  for (guint i = 0; i < soc_map_layout_get_n_bubbles (layout); i++)
    {
      const SocMapBubble *b = soc_map_layout_get_bubble (layout, i);
      SocPoint h = soc_map_layout_handle (layout, i);

      g_assert_true (soc_map_layout_hit (layout, b->center.x, b->center.y, -1, TRUE, &hit));
      /* The one on top, which is this one but where a later bubble covers it. */
      g_assert_cmpint (hit.kind, ==, SOC_MAP_HIT_BUBBLE);
      g_assert_cmpuint (hit.bubble, >=, i);
      if (hit.bubble == i)
        {
          g_assert_true (hit.stakeholder == b->stakeholder);
          checked++;
        }
      g_assert_cmpint (hit.influence, ==, b->influence);
      g_assert_cmpint (hit.interest, ==, b->interest);
      /* The handle, only for the bubble that is active. */
      g_assert_true (soc_map_layout_hit (layout, h.x, h.y, i, TRUE, &hit));
      g_assert_cmpint (hit.kind, ==, SOC_MAP_HIT_LINK);
      g_assert_cmpuint (hit.bubble, ==, i);
      soc_map_layout_hit (layout, h.x, h.y, -1, TRUE, &hit);
      g_assert_cmpint (hit.kind, !=, SOC_MAP_HIT_LINK);
    }
  g_assert_cmpuint (checked, >=, soc_map_layout_get_n_bubbles (layout) - 2);

  /* A relationship, at the middle of its line, only when shown. */
  for (guint e = 0; e < soc_map_layout_get_n_edges (layout); e++)
    {
      const SocMapEdge *edge = soc_map_layout_get_edge (layout, e);
      double x = (edge->a.x + edge->b.x) / 2, y = (edge->a.y + edge->b.y) / 2;

      g_assert_true (soc_map_layout_hit (layout, x, y, -1, TRUE, &hit));
      if (hit.kind == SOC_MAP_HIT_BUBBLE)
        continue;   /* under a bubble */
      g_assert_cmpint (hit.kind, ==, SOC_MAP_HIT_EDGE);
      g_assert_true (soc_map_layout_hit (layout, x, y, -1, FALSE, &hit));
      g_assert_cmpint (hit.kind, ==, SOC_MAP_HIT_PLOT);
    }

  /* Empty room: the numbers there, whole; outside the grid: nothing. */
  g_assert_true (soc_map_layout_hit (layout, soc_map_layout_x (layout, 5.2), soc_map_layout_y (layout, 97.6), -1, TRUE, &hit));
  g_assert_cmpint (hit.kind, ==, SOC_MAP_HIT_PLOT);
  g_assert_cmpint (hit.interest, ==, 5);
  g_assert_cmpint (hit.influence, ==, 98);
  g_assert_false (soc_map_layout_hit (layout, 2, 2, -1, TRUE, &hit));
  g_assert_cmpint (hit.kind, ==, SOC_MAP_HIT_NONE);
  g_assert_cmpint (soc_map_layout_interest_at (layout, -500), ==, 0);
  g_assert_cmpint (soc_map_layout_influence_at (layout, -500), ==, 100);
}

/* The arrow keys: the nearest bubble that way, never one behind. */
static void
test_map_neighbours (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  g_autoptr(SocMapLayout) layout = NULL;
  guint to;

  /* A plus: a centre and four around it, and one far off to the right. */
  add_stakeholder (doc, "Centre", 0, 0, 50, 50, 0, 0, 0);
  add_stakeholder (doc, "Right", 0, 0, 52, 60, 0, 0, 0);
  add_stakeholder (doc, "Left", 0, 0, 50, 30, 0, 0, 0);
  add_stakeholder (doc, "Up", 0, 0, 75, 49, 0, 0, 0);
  add_stakeholder (doc, "Down", 0, 0, 20, 53, 0, 0, 0);
  add_stakeholder (doc, "Far right, a little up", 0, 0, 58, 90, 0, 0, 0);
  layout = soc_map_layout_new (doc, NULL, SOC_MAP_ZOOM_DEFAULT, NULL, NULL);

  g_assert_true (soc_map_layout_neighbour (layout, 0, SOC_DIRECTION_RIGHT, &to));
  g_assert_cmpuint (to, ==, 1);
  g_assert_true (soc_map_layout_neighbour (layout, 0, SOC_DIRECTION_LEFT, &to));
  g_assert_cmpuint (to, ==, 2);
  g_assert_true (soc_map_layout_neighbour (layout, 0, SOC_DIRECTION_UP, &to));
  g_assert_cmpuint (to, ==, 3);
  g_assert_true (soc_map_layout_neighbour (layout, 0, SOC_DIRECTION_DOWN, &to));
  g_assert_cmpuint (to, ==, 4);
  g_assert_true (soc_map_layout_neighbour (layout, 1, SOC_DIRECTION_RIGHT, &to));
  g_assert_cmpuint (to, ==, 5);
  g_assert_false (soc_map_layout_neighbour (layout, 5, SOC_DIRECTION_RIGHT, &to));
  g_assert_false (soc_map_layout_neighbour (layout, 2, SOC_DIRECTION_LEFT, &to));

  /* On random maps: always that way. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (5);
    g_autoptr(SocDocument) big = random_stakeholders (rand, 200);
    g_autoptr(SocMapLayout) l = soc_map_layout_new (big, NULL, SOC_MAP_ZOOM_DEFAULT, NULL, NULL);

    for (guint i = 0; i < soc_map_layout_get_n_bubbles (l); i++)
      for (SocDirection d = SOC_DIRECTION_LEFT; d <= SOC_DIRECTION_DOWN; d++)
        if (soc_map_layout_neighbour (l, i, d, &to))
          {
            const SocMapBubble *a = soc_map_layout_get_bubble (l, i), *b = soc_map_layout_get_bubble (l, to);
            double ahead = d == SOC_DIRECTION_LEFT ? a->center.x - b->center.x : d == SOC_DIRECTION_RIGHT ? b->center.x - a->center.x
                         : d == SOC_DIRECTION_UP ? a->center.y - b->center.y : b->center.y - a->center.y;

            g_assert_cmpfloat (ahead, >, 0);
          }
  }
}

/* The filter: what it hides has no bubble, no relationship, no hit. */
static void
test_map_filter (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(SocDocument) doc = random_stakeholders (rand, 150);
  SocMapFilter filter;

  soc_map_filter_init (&filter);
  g_assert_true (soc_map_filter_is_all (&filter));
  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(SocMapLayout) layout = NULL;
      g_autoptr(SocMapLayout) all = soc_map_layout_new (doc, NULL, 6, NULL, NULL);
      guint shown = 0;

      filter.profiles = g_rand_int_range (rand, 0, 1 << SOC_N_PROFILES);
      filter.stances = g_rand_int_range (rand, 0, 1 << 5);
      filter.roles = g_rand_int_range (rand, 0, 1 << 5);
      g_assert_false (soc_map_filter_is_all (&filter));
      layout = soc_map_layout_new (doc, NULL, 6, &filter, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (soc_document_get_stakeholders (doc)); i++)
        {
          g_autoptr(SocStakeholder) s = g_list_model_get_item (soc_document_get_stakeholders (doc), i);
          guint roles = soc_stakeholder_get_roles (s);
          gboolean accepted = (filter.profiles & (1u << soc_stakeholder_get_profile (s))) &&
                              (filter.stances & (1u << soc_stakeholder_get_stance (s))) &&
                              (roles == 0 ? (filter.roles & SOC_MAP_ROLE_NONE) != 0 : (filter.roles & roles) != 0);
          const SocMapBubble *b = soc_map_layout_find_bubble (layout, s, NULL);
          const SocMapBubble *was = soc_map_layout_find_bubble (all, s, NULL);
          SocMapHit hit;

          g_assert_cmpint (soc_map_filter_accepts (&filter, s), ==, accepted);
          g_assert_cmpint (b != NULL, ==, accepted);
          shown += accepted;
          /* Where a hidden one was, nothing of it is found. */
          if (!accepted && soc_map_layout_hit (layout, was->center.x, was->center.y, -1, TRUE, &hit))
            g_assert_true (hit.stakeholder != s);
        }
      g_assert_cmpuint (soc_map_layout_get_n_bubbles (layout), ==, shown);
      for (guint e = 0; e < soc_map_layout_get_n_edges (layout); e++)
        {
          const SocMapEdge *edge = soc_map_layout_get_edge (layout, e);

          g_assert_true (soc_map_filter_accepts (&filter, soc_relationship_get_from (edge->relationship)));
          g_assert_true (soc_map_filter_accepts (&filter, soc_relationship_get_to (edge->relationship)));
        }
    }
}

/* Only what meets the rectangle comes back, and all of it. */
static void
test_map_culling (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);
  g_autoptr(SocDocument) doc = random_stakeholders (rand, 600);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocMapWidths) widths = soc_map_widths_new (text);
  g_autoptr(SocMapLayout) layout = soc_map_layout_new (doc, NULL, 30, NULL, widths);

  for (guint round = 0; round < 40; round++)
    {
      SocRect r = SOC_RECT_INIT (g_rand_double_range (rand, -100, soc_map_layout_get_width (layout)),
                                 g_rand_double_range (rand, -100, soc_map_layout_get_height (layout)),
                                 g_rand_double_range (rand, 10, 900), g_rand_double_range (rand, 10, 600));
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) named_set = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) edge_set = g_hash_table_new (NULL, NULL);

      soc_map_layout_bubbles_in (layout, &r, FALSE, found);
      soc_map_layout_bubbles_in (layout, &r, TRUE, named);
      soc_map_layout_edges_in (layout, &r, edges);
      for (guint i = 0; i < found->len; i++)
        {
          g_hash_table_add (set, GUINT_TO_POINTER (g_array_index (found, guint, i) + 1));
          if (i > 0)
            g_assert_cmpuint (g_array_index (found, guint, i), >, g_array_index (found, guint, i - 1));
        }
      for (guint i = 0; i < named->len; i++)
        g_hash_table_add (named_set, GUINT_TO_POINTER (g_array_index (named, guint, i) + 1));
      for (guint i = 0; i < edges->len; i++)
        g_assert_true (g_hash_table_add (edge_set, GUINT_TO_POINTER (g_array_index (edges, guint, i) + 1)));
      for (guint i = 0; i < soc_map_layout_get_n_bubbles (layout); i++)
        {
          const SocMapBubble *b = soc_map_layout_get_bubble (layout, i);
          gboolean meets = disc_meets (b, b->outer + 1, &r);
          gboolean label = (b->flags & SOC_MAP_BUBBLE_LABEL) && soc_rect_intersects (&b->label, &r);

          g_assert_cmpint (meets, ==, g_hash_table_contains (set, GUINT_TO_POINTER (i + 1)));
          g_assert_cmpint (meets || label, ==, g_hash_table_contains (named_set, GUINT_TO_POINTER (i + 1)));
        }
      /* Every short relationship whose line crosses the rectangle. */
      for (guint e = 0; e < soc_map_layout_get_n_edges (layout); e++)
        {
          const SocMapEdge *edge = soc_map_layout_get_edge (layout, e);

          if (!soc_rect_intersects (&edge->bounds, &r))
            g_assert_false (g_hash_table_contains (edge_set, GUINT_TO_POINTER (e + 1)));
          else if (!edge->long_reach && (soc_rect_contains_point (&r, edge->a.x, edge->a.y) ||
                                         soc_rect_contains_point (&r, edge->b.x, edge->b.y)))
            g_assert_true (g_hash_table_contains (edge_set, GUINT_TO_POINTER (e + 1)));
        }
    }
}

/* Known colours where known bubbles are, the rings of stances wanted, the
 * names in ink, and nothing outside the clip. */
static void
test_map_paint (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocMapWidths) widths = soc_map_widths_new (text);
  g_autoptr(SocLabelCache) labels = soc_label_cache_new (text);
  g_autoptr(SocMapLayout) layout = soc_map_layout_new (doc, NULL, 8, NULL, widths);

  for (SocPaletteKind k = SOC_PALETTE_LIGHT; k <= SOC_PALETTE_PRINT; k++)
    {
      const SocPalette *palette = soc_palette_get (k);
      int w = (int) soc_map_layout_get_width (layout), h = (int) soc_map_layout_get_height (layout);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w + 60, h + 60);
      SocRect visible = SOC_RECT_INIT (0, 0, w, h);
      SocMapPaintState state;
      guint rings = 0, named = 0;
      cairo_t *cr;
      SocColor c;

      /* No letters: the centre of each bubble shows its body. */
      soc_map_paint_state_init (&state, palette, NULL);
      cr = cairo_create (surface);
      soc_map_paint (cr, layout, &state, &visible, SOC_MAP_PAINT_CONTENT);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      for (guint i = 0; i < soc_map_layout_get_n_bubbles (layout); i++)
        {
          const SocMapBubble *b = soc_map_layout_get_bubble (layout, i);
          SocColor stance = soc_palette_stance_color (palette, b->stance);
          SocMapHit hit;

          soc_map_layout_hit (layout, b->center.x, b->center.y, -1, FALSE, &hit);
          if (hit.bubble != i)
            continue;   /* a later one covers it */
          pixel (surface, (int) b->center.x, (int) b->center.y, &c);
          g_assert_true (close_to (&c, &stance));
          if (b->flags & SOC_MAP_BUBBLE_WANTS)
            {
              SocColor wanted = soc_palette_stance_color (palette, b->desired);
              double r = (b->radius + b->outer) / 2;

              /* Left of it, unless another bubble is there. */
              if (!soc_map_layout_hit (layout, b->center.x - r, b->center.y, -1, FALSE, &hit) || hit.kind != SOC_MAP_HIT_BUBBLE)
                {
                  pixel (surface, (int) floor (b->center.x - r), (int) b->center.y, &c);
                  g_assert_true (close_to (&c, &wanted));
                  rings++;
                }
            }
        }
      g_assert_cmpuint (rings, >, 10);

      /* With names: ink in each name's place. */
      state.labels = labels;
      cr = cairo_create (surface);
      soc_map_paint (cr, layout, &state, &visible, SOC_MAP_PAINT_ALL);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      for (guint i = 0; i < soc_map_layout_get_n_bubbles (layout); i++)
        {
          const SocMapBubble *b = soc_map_layout_get_bubble (layout, i);
          gboolean ink = FALSE;

          if (!(b->flags & SOC_MAP_BUBBLE_LABEL))
            continue;
          for (int y = (int) b->label.y; y < b->label.y + b->label.height && !ink; y++)
            for (int x = (int) b->label.x; x < b->label.x + b->label.width && !ink; x++)
              {
                pixel (surface, x, y, &c);
                ink = soc_color_contrast (&c, &palette->background) > 3;
              }
          g_assert_true (ink);
          named++;
        }
      g_assert_cmpuint (named, >, 20);

      /* Nothing outside the visible rectangle. */
      for (int y = 0; y < h + 60; y += 5)
        for (int x = w; x < w + 60; x += 3)
          {
            pixel (surface, x, y, &c);
            g_assert_cmpfloat (c.alpha, ==, 0);
          }
      cairo_surface_destroy (surface);
    }
}

/* Fewer than SOC_MAP_CROWD are a crowd too when each has less room than
 * it takes to read it: 800 seen whole at the smallest zoom, not zoomed in,
 * and a few never, however small. */
static void
test_map_crowd_density (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (31);
  g_autoptr(SocDocument) many = random_stakeholders (rand, 800);
  g_autoptr(SocDocument) few = random_stakeholders (rand, 150);
  g_autoptr(SocMapLayout) small = soc_map_layout_new (many, NULL, SOC_MAP_ZOOM_MIN, NULL, NULL);
  g_autoptr(SocMapLayout) large = soc_map_layout_new (many, NULL, 40, NULL, NULL);
  g_autoptr(SocMapLayout) tiny = soc_map_layout_new (few, NULL, SOC_MAP_ZOOM_MIN, NULL, NULL);
  SocRect whole = SOC_RECT_INIT (0, 0, soc_map_layout_get_width (small), soc_map_layout_get_height (small));
  SocRect view = SOC_RECT_INIT (0, 0, 600, 500);
  g_autoptr(GArray) in = g_array_new (FALSE, FALSE, sizeof (guint));

  soc_map_layout_bubbles_in (small, &whole, FALSE, in);
  g_assert_cmpuint (in->len, >, 700);
  g_assert_true (soc_map_is_crowd (small, in->len, &whole));

  /* Counted without gathering, as many and the same first; each found
   * meets, and only those. */
  for (guint k = 0; k < 20; k++)
    {
      SocRect r = SOC_RECT_INIT (g_rand_double_range (rand, -50, soc_map_layout_get_width (large)),
                                 g_rand_double_range (rand, -50, soc_map_layout_get_height (large)),
                                 g_rand_double_range (rand, 0, 900), g_rand_double_range (rand, 0, 700));
      guint first = 0, met = 0;

      g_array_set_size (in, 0);
      soc_map_layout_bubbles_in (large, &r, FALSE, in);
      g_assert_cmpuint (soc_map_layout_count_in (large, &r, &first), ==, in->len);
      g_assert_cmpuint (first, ==, in->len > 0 ? g_array_index (in, guint, 0) : G_MAXUINT);
      for (guint i = 0; i < soc_map_layout_get_n_bubbles (large); i++)
        met += soc_map_layout_bubble_meets (large, i, &r);
      g_assert_cmpuint (met, ==, in->len);
    }

  g_array_set_size (in, 0);
  soc_map_layout_bubbles_in (large, &view, FALSE, in);
  g_assert_cmpuint (in->len, >, 0);
  g_assert_false (soc_map_is_crowd (large, in->len, &view));

  whole = SOC_RECT_INIT (0, 0, soc_map_layout_get_width (tiny), soc_map_layout_get_height (tiny));
  g_assert_false (soc_map_is_crowd (tiny, 150, &whole));
  g_assert_true (soc_map_is_crowd (tiny, SOC_MAP_CROWD + 1, &whole));
}

/* A crowd (thousands in view): plain discs in their stance's colour, the
 * latest on top, within the clip, and fast enough to paint whole. */
static void
test_map_crowd (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (29);
  g_autoptr(SocDocument) doc = random_stakeholders (rand, SOC_MAP_CROWD + 600);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocLabelCache) labels = soc_label_cache_new (text);
  g_autoptr(SocMapLayout) layout = soc_map_layout_new (doc, NULL, 4, NULL, NULL);
  const SocPalette *palette = soc_palette_get (SOC_PALETTE_LIGHT);
  int w = (int) soc_map_layout_get_width (layout), h = (int) soc_map_layout_get_height (layout);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w + 40, h + 40);
  SocRect visible = SOC_RECT_INIT (0, 0, w, h);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint));
  SocMapPaintState state;
  guint checked = 0;
  cairo_t *cr;
  SocColor c;

  soc_map_layout_bubbles_in (layout, &visible, FALSE, all);
  g_assert_cmpuint (all->len, >, SOC_MAP_CROWD);
  soc_map_paint_state_init (&state, palette, labels);
  cr = cairo_create (surface);
  soc_map_paint (cr, layout, &state, &visible, SOC_MAP_PAINT_ALL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (guint i = 0; i < soc_map_layout_get_n_bubbles (layout); i++)
    {
      const SocMapBubble *b = soc_map_layout_get_bubble (layout, i);
      SocColor stance = soc_palette_stance_color (palette, b->stance);
      SocMapHit hit;

      gboolean on_top = b->center.x >= 2 && b->center.y >= 2 && b->center.x < w - 2 && b->center.y < h - 2;

      /* Where it is the one on top all round its centre, the centre shows
       * its stance: no letter. */
      for (int k = 0; k < 4 && on_top; k++)
        on_top = soc_map_layout_hit (layout, b->center.x + (k & 1 ? 1.5 : -1.5), b->center.y + (k & 2 ? 1.5 : -1.5),
                                     -1, FALSE, &hit) && hit.bubble == i;
      if (!on_top)
        continue;
      pixel (surface, (int) b->center.x, (int) b->center.y, &c);
      g_assert_true (close_to (&c, &stance));
      checked++;
    }
  g_assert_cmpuint (checked, >, 100);
  for (int y = 0; y < h + 40; y += 5)
    for (int x = w; x < w + 40; x += 3)
      {
        pixel (surface, x, y, &c);
        g_assert_cmpfloat (c.alpha, ==, 0);
      }
  cairo_surface_destroy (surface);
}

/* A crowd copied by hand into the screen's image makes the very pixels
 * cairo makes (here drawing into a group, where it cannot be copied by
 * hand): at any zoom, scrolled, clipped, with a device offset. */
static void
test_map_crowd_by_hand (void)
{
  static const double views[][3] = { { 1, 0, 0 }, { 0.6, 13, 7 }, { 2.0, -40, -25 }, { 3.5, -300, -200 } };
  g_autoptr(GRand) rand = g_rand_new_with_seed (31);
  g_autoptr(SocDocument) doc = random_stakeholders (rand, SOC_MAP_CROWD + 900);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocLabelCache) labels = soc_label_cache_new (text);
  g_autoptr(SocMapLayout) layout = soc_map_layout_new (doc, NULL, 4, NULL, NULL);
  SocMapPaintState state;

  soc_map_paint_state_init (&state, soc_palette_get (SOC_PALETTE_LIGHT), labels);
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      double scale = views[v][0], tx = views[v][1], ty = views[v][2];
      int w = 640, h = 480;
      SocRect visible = SOC_RECT_INIT ((-tx - 5) / scale, (-ty - 3) / scale, w / scale, h / scale);
      g_autoptr(GArray) in = g_array_new (FALSE, FALSE, sizeof (guint));
      cairo_surface_t *surface[2];
      guint painted = 0, differ = 0;

      soc_map_layout_bubbles_in (layout, &visible, FALSE, in);
      g_assert_true (soc_map_is_crowd (layout, in->len, &visible));
      for (int k = 0; k < 2; k++)
        {
          cairo_t *cr;

          surface[k] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
          cairo_surface_set_device_offset (surface[k], 5, 3);
          cr = cairo_create (surface[k]);
          cairo_rectangle (cr, 10, 12, w - 40, h - 30);
          cairo_clip (cr);
          if (k == 1)
            cairo_push_group (cr);
          cairo_translate (cr, tx, ty);
          cairo_scale (cr, scale, scale);
          soc_map_paint (cr, layout, &state, &visible, SOC_MAP_PAINT_ALL);
          if (k == 1)
            {
              cairo_identity_matrix (cr);
              cairo_pop_group_to_source (cr);
              cairo_paint (cr);
            }
          cairo_destroy (cr);
          cairo_surface_flush (surface[k]);
        }
      for (int y = 0; y < h; y++)
        {
          const guint32 *a = (const guint32 *) (gpointer) (cairo_image_surface_get_data (surface[0]) +
                                                          y * cairo_image_surface_get_stride (surface[0]));
          const guint32 *b = (const guint32 *) (gpointer) (cairo_image_surface_get_data (surface[1]) +
                                                          y * cairo_image_surface_get_stride (surface[1]));

          for (int x = 0; x < w; x++)
            {
              painted += a[x] != 0;
              differ += a[x] != b[x];
              /* Nothing outside the clip, which is in device space. */
              if (x < 15 || y < 15 || x >= w - 25 || y >= h - 15)
                g_assert_cmphex (a[x], ==, 0);
            }
        }
      g_assert_cmpuint (painted, >, (guint) (w * h / 10));
      g_assert_cmpuint (differ, ==, 0);
      cairo_surface_destroy (surface[0]);
      cairo_surface_destroy (surface[1]);
    }
}

/* The map printed (as the stakeholders view prints, test-export sees):
 * scaled whole onto the page, with its key in the legend, the print
 * palette's ground. */
static void
test_map_printable (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocPrintable) printable = SOC_PRINTABLE (soc_map_printable_new (doc, NULL, TRUE, text));
  g_autoptr(GArray) legend = NULL;
  g_autoptr(SocPagination) pages = NULL;
  SocPageOptions po;
  cairo_surface_t *surface;
  double w, h;
  guint dots = 0;
  cairo_t *cr;
  SocColor c;

  g_assert_true (soc_printable_view_is_known ("stakeholders"));
  g_assert_cmpstr (soc_printable_get_name (printable), ==, "Stakeholders");
  g_assert_false (soc_printable_is_elastic (printable));
  g_assert_false (soc_printable_has_breaks (printable));
  soc_printable_get_size (printable, &w, &h);
  g_assert_cmpfloat (w, ==, soc_map_layout_get_width (soc_map_printable_get_layout (SOC_MAP_PRINTABLE (printable))));
  g_assert_cmpuint (soc_map_layout_get_n_bubbles (soc_map_printable_get_layout (SOC_MAP_PRINTABLE (printable))), ==,
                    g_list_model_get_n_items (soc_document_get_stakeholders (doc)));

  /* The key: every stance, the ring, every profile, every kind of line. */
  legend = soc_printable_get_legend (printable);
  for (guint i = 0; i < legend->len; i++)
    dots += g_array_index (legend, SocLegendEntry, i).swatch == SOC_LEGEND_DOT;
  g_assert_cmpuint (dots, ==, 5 + 1);
  g_assert_cmpuint (legend->len, >=, 3 + 5 + 2 + SOC_N_PROFILES + 3);

  /* One A4 page, fitted whole. */
  soc_page_options_init (&po, 539, 785);
  pages = soc_pagination_new (printable, &po);
  g_assert_cmpuint (soc_pagination_get_n_pages (pages), ==, 1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w + 20, (int) h + 20);
  cr = cairo_create (surface);
  soc_printable_paint (printable, cr, &(SocRect) { 0, 0, w, h });
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel (surface, (int) w - 5, 5, &c);
  g_assert_true (close_to (&c, &soc_palette_get (SOC_PALETTE_PRINT)->background));
  for (int y = 0; y < (int) h + 20; y += 4)
    {
      pixel (surface, (int) w + 10, y, &c);
      g_assert_cmpfloat (c.alpha, ==, 0);
    }
  cairo_surface_destroy (surface);
}

/* State and axes within the clip, the axes where the view is; the whole
 * map fitted to a page, its key below. */
static void
test_map_paint_parts (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocMapWidths) widths = soc_map_widths_new (text);
  g_autoptr(SocLabelCache) labels = soc_label_cache_new (text);
  g_autoptr(SocMapLayout) layout = soc_map_layout_new (doc, NULL, 12, NULL, widths);
  g_autoptr(SocSelection) selection = soc_selection_new (doc);
  SocMapPaintState state;
  SocRect visible = SOC_RECT_INIT (500, 300, 500, 400), left, bottom, bounds;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 700);
  SocStakeholder *maria = SOC_STAKEHOLDER (soc_document_lookup (doc, "s1"));
  cairo_t *cr;
  SocColor c;

  soc_map_paint_state_init (&state, soc_palette_get (SOC_PALETTE_DARK), labels);
  state.selection = selection;
  soc_selection_select (selection, SOC_OBJECT (maria));
  state.hover = SOC_STAKEHOLDER (soc_document_lookup (doc, "s5"));
  state.focus = maria;

  /* The state's bounds take in the selection's rings and relationships. */
  g_assert_true (soc_map_state_bounds (layout, &state, &(SocRect) { 0, 0, 5000, 5000 }, &bounds));
  {
    const SocMapBubble *b = soc_map_layout_find_bubble (layout, maria, NULL);
    guint index, n;
    const guint *edges;

    soc_map_layout_find_bubble (layout, maria, &index);
    edges = soc_map_layout_get_bubble_edges (layout, index, &n);
    g_assert_cmpuint (n, >, 0);
    g_assert_true (soc_rect_contains_rect (&bounds, &(SocRect) { b->center.x - b->outer - 4, b->center.y - b->outer - 4,
                                                                 2 * b->outer + 8, 2 * b->outer + 8 }));
    for (guint k = 0; k < n; k++)
      g_assert_true (soc_rect_contains_rect (&bounds, &soc_map_layout_get_edge (layout, edges[k])->bounds));
  }

  /* The axes: at the view's left and bottom when their places are out of it. */
  soc_map_axes_bounds (layout, &visible, &left, &bottom);
  g_assert_cmpfloat (left.x, ==, visible.x);
  g_assert_cmpfloat (bottom.y + bottom.height, ==, visible.y + visible.height);
  soc_map_axes_bounds (layout, &(SocRect) { 0, 0, 3000, 3000 }, &left, &bottom);
  g_assert_cmpfloat (left.x, ==, 0);
  g_assert_cmpfloat (bottom.y, ==, soc_map_layout_get_plot (layout).y + soc_map_layout_get_plot (layout).height +
                                   soc_map_layout_get_metrics (layout)->group_radius + 8);

  cr = cairo_create (surface);
  cairo_translate (cr, 100 - visible.x, 100 - visible.y);
  soc_map_paint (cr, layout, &state, &visible, SOC_MAP_PAINT_ALL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < 700; y += 3)
    for (int x = 0; x < 800; x += 3)
      {
        gboolean inside = x >= 100 && x < 600 && y >= 100 && y < 500;

        pixel (surface, x, y, &c);
        g_assert_cmpfloat (c.alpha, ==, inside ? 1 : 0);
      }
  cairo_surface_destroy (surface);

  /* The whole map on a page, in the print palette, within its area. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1123, 794);
  cr = cairo_create (surface);
  soc_map_paint_fitted (cr, doc, NULL, TRUE, soc_palette_get (SOC_PALETTE_PRINT), text,
                        &(SocRect) { 40, 30, 1043, 734 });
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  {
    guint painted = 0;

    for (int y = 0; y < 794; y += 2)
      for (int x = 0; x < 1123; x += 2)
        {
          gboolean inside = x >= 40 && x < 1083 && y >= 30 && y < 764;

          pixel (surface, x, y, &c);
          if (!inside)
            g_assert_cmpfloat (c.alpha, ==, 0);
          else
            painted += c.alpha > 0;
        }
    g_assert_cmpuint (painted, >, 1043 * 734 / 4 / 3);
  }
  cairo_surface_destroy (surface);

  /* The key measures as it paints. */
  {
    double h = soc_map_paint_legend (NULL, soc_palette_get (SOC_PALETTE_PRINT), labels, 0, 0, 600);

    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 200);
    cr = cairo_create (surface);
    g_assert_cmpfloat (soc_map_paint_legend (cr, soc_palette_get (SOC_PALETTE_PRINT), labels, 0, 0, 600), ==, h);
    g_assert_cmpfloat (h, >, 40);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/geometry/rect-bounds", test_rect_bounds);
  g_test_add_func ("/render/timescale/round-trip", test_timescale_round_trip);
  g_test_add_func ("/render/timescale/units", test_timescale_units);
  g_test_add_func ("/render/timescale/zoom-units", test_timescale_zoom_units);
  g_test_add_func ("/render/roadmap/layout-example", test_layout_example);
  g_test_add_func ("/render/roadmap/packing", test_layout_packing);
  g_test_add_func ("/render/roadmap/new-from", test_layout_new_from);
  g_test_add_func ("/render/roadmap/min-width", test_layout_min_width);
  g_test_add_func ("/render/roadmap/label-at", test_roadmap_label_at);
  g_test_add_func ("/render/roadmap/arrows", test_layout_arrows);
  g_test_add_func ("/render/roadmap/routes", test_layout_routes);
  g_test_add_func ("/render/roadmap/hit", test_hit);
  g_test_add_func ("/render/roadmap/neighbours", test_neighbours);
  g_test_add_func ("/render/roadmap/culling", test_culling);
  g_test_add_func ("/render/roadmap/paint", test_paint);
  g_test_add_func ("/render/roadmap/paint-clip", test_paint_clip);
  g_test_add_func ("/render/text", test_text_metrics);
  g_test_add_func ("/render/palette", test_palette);
  g_test_add_func ("/render/map/example", test_map_example);
  g_test_add_func ("/render/map/labels", test_map_labels);
  g_test_add_func ("/render/map/titles-clear", test_map_titles_clear);
  g_test_add_func ("/render/map/names-later", test_map_names_later);
  g_test_add_func ("/render/map/spread", test_map_spread);
  g_test_add_func ("/render/map/hit", test_map_hit);
  g_test_add_func ("/render/map/neighbours", test_map_neighbours);
  g_test_add_func ("/render/map/filter", test_map_filter);
  g_test_add_func ("/render/map/culling", test_map_culling);
  g_test_add_func ("/render/map/paint", test_map_paint);
  g_test_add_func ("/render/map/paint-parts", test_map_paint_parts);
  g_test_add_func ("/render/map/crowd", test_map_crowd);
  g_test_add_func ("/render/map/crowd-by-hand", test_map_crowd_by_hand);
  g_test_add_func ("/render/map/crowd-density", test_map_crowd_density);
  g_test_add_func ("/render/map/printable", test_map_printable);

  result = g_test_run ();

  /* Pango's, cairo's and fontconfig's caches go too, so that leak checking
   * stays exact for everything else. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return result;
}
