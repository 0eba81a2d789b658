/* bench-render.c: what laying out and painting a view costs
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-render FILE... [--view roadmap] [--width W] [--height H]
 *                        [--frames N] [--zoom PX_PER_DAY] [--png OUT.png]
 *
 * For each FILE: loads it (load-ms), lays out the view five times
 * (layout-ms: the median; the work after a load or a zoom change), then
 * paints N frames (default 50) of one W x H viewport in the middle of the
 * plan into an image surface (frame-ms: the median; first-frame-ms: the
 * first, with no label shaped yet). A frame is the painter's whole work for
 * the viewport: content, state and chrome, as after a scroll.
 *
 * With several files, their frames are painted in turn, one of each per
 * round, so that a busy machine slows them alike, and each file's frame
 * and layout are given as a ratio to the first file's: the ratios the
 * issues set floors for are measured in one run. With --png, the last
 * frame of the first file is written to OUT.png, to look at.
 */

#include "config.h"

#include <stdlib.h>

#include "soc-date.h"
#include "soc-roadmap-painter.h"

typedef struct
{
  const char       *path;
  SocDocument      *doc;
  SocRoadmapLayout *layout;
  SocLabelCache    *labels;
  SocRect           visible;
  double            load_ms;
  double            layout_ms;
  double            first_ms;
  GArray           *times;
  guint             visible_boxes;
  guint             visible_arrows;
} Plan;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
paint_frame (Plan                 *plan,
             SocRoadmapPaintState *state,
             cairo_surface_t      *surface)
{
  cairo_t *cr = cairo_create (surface);
  double t0 = now_ms ();

  state->labels = plan->labels;
  cairo_translate (cr, -plan->visible.x, -plan->visible.y);
  soc_roadmap_paint (cr, plan->layout, state, &plan->visible, SOC_ROADMAP_PAINT_ALL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return now_ms () - t0;
}

int
main (int    argc,
      char **argv)
{
  const char *view = "roadmap";
  const char *png = NULL;
  int width = 1600, height = 1000, frames = 50;
  double zoom = SOC_ZOOM_MONTHS;
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();
  g_autoptr(SocText) text = soc_text_new (NULL);
  SocRoadmapPaintState state;
  cairo_surface_t *surface;
  gboolean usage = FALSE;

  for (int i = 1; i < argc && !usage; i++)
    {
      if (g_str_equal (argv[i], "--view") && i + 1 < argc)
        view = argv[++i];
      else if (g_str_equal (argv[i], "--width") && i + 1 < argc)
        width = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--height") && i + 1 < argc)
        height = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--frames") && i + 1 < argc)
        frames = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--png") && i + 1 < argc)
        png = argv[++i];
      else if (g_str_equal (argv[i], "--zoom") && i + 1 < argc)
        zoom = g_ascii_strtod (argv[++i], NULL);
      else if (argv[i][0] != '-')
        {
          Plan *plan = g_new0 (Plan, 1);

          plan->path = argv[i];
          g_ptr_array_add (plans, plan);
        }
      else
        usage = TRUE;
    }
  if (usage || plans->len == 0 || width < 1 || height < 1 || frames < 1)
    {
      g_printerr ("usage: bench-render FILE... [--view roadmap] [--width W] [--height H] [--frames N] "
                  "[--zoom PX_PER_DAY] [--png OUT.png]\n");
      return 2;
    }
  if (!g_str_equal (view, "roadmap"))
    {
      g_printerr ("bench-render: no view called “%s” (roadmap)\n", view);
      return 2;
    }

  soc_roadmap_paint_state_init (&state, soc_palette_get (SOC_PALETTE_LIGHT), NULL);
  state.today = soc_date_from_ymd (2026, 9, 30);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  for (guint p = 0; p < plans->len; p++)
    {
      Plan *plan = g_ptr_array_index (plans, p);
      g_autoptr(GFile) file = g_file_new_for_path (plan->path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
      double t0 = now_ms ();

      plan->doc = soc_document_load (file, NULL, &error);
      plan->load_ms = now_ms () - t0;
      if (plan->doc == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      for (int r = 0; r < 5; r++)
        {
          double ms;

          g_clear_pointer (&plan->layout, soc_roadmap_layout_unref);
          t0 = now_ms ();
          plan->layout = soc_roadmap_layout_new (plan->doc, NULL, zoom, 0, 0);
          ms = now_ms () - t0;
          g_array_append_val (times, ms);
        }
      plan->layout_ms = median (times);
      plan->visible = SOC_RECT_INIT (MAX (0, (soc_roadmap_layout_get_width (plan->layout) - width) / 2),
                                     MAX (0, (soc_roadmap_layout_get_height (plan->layout) - height) / 2),
                                     width, height);
      soc_roadmap_layout_boxes_in (plan->layout, &plan->visible, seen);
      plan->visible_boxes = seen->len;
      g_array_set_size (seen, 0);
      soc_roadmap_layout_arrows_in (plan->layout, &plan->visible, seen);
      plan->visible_arrows = seen->len;
      plan->labels = soc_label_cache_new (text);
      plan->times = g_array_new (FALSE, FALSE, sizeof (double));
      plan->first_ms = paint_frame (plan, &state, surface);   /* every label shaped the first time */
    }

  /* Frames in turn, one of each plan per round. */
  for (int f = 0; f < frames; f++)
    for (guint p = 0; p < plans->len; p++)
      {
        Plan *plan = g_ptr_array_index (plans, p);
        double ms = paint_frame (plan, &state, surface);

        g_array_append_val (plan->times, ms);
      }
  if (png != NULL)
    {
      paint_frame (g_ptr_array_index (plans, 0), &state, surface);
      cairo_surface_write_to_png (surface, png);
    }
  cairo_surface_destroy (surface);

  for (guint p = 0; p < plans->len; p++)
    {
      Plan *plan = g_ptr_array_index (plans, p);
      Plan *base = g_ptr_array_index (plans, 0);
      double frame = median (plan->times);

      g_print ("file: %s\n", plan->path);
      g_print ("  items: %u, boxes: %u, rows: %u, arrows: %u\n",
               g_list_model_get_n_items (soc_document_get_items (plan->doc)),
               soc_roadmap_layout_get_n_boxes (plan->layout), soc_roadmap_layout_get_n_rows (plan->layout),
               soc_roadmap_layout_get_n_arrows (plan->layout));
      g_print ("  visible: %u boxes, %u arrows in %d x %d\n", plan->visible_boxes, plan->visible_arrows, width, height);
      g_print ("  load-ms: %.2f\n", plan->load_ms);
      g_print ("  layout-ms: %.2f (layout/load %.2f)\n", plan->layout_ms, plan->layout_ms / plan->load_ms);
      g_print ("  first-frame-ms: %.2f\n", plan->first_ms);
      g_print ("  frame-ms: %.2f", frame);
      if (p > 0)
        g_print (" (x%.2f the first file's %.2f)", frame / median (base->times), median (base->times));
      g_print ("\n");
    }

  for (guint p = 0; p < plans->len; p++)
    {
      Plan *plan = g_ptr_array_index (plans, p);

      soc_label_cache_free (plan->labels);
      soc_roadmap_layout_unref (plan->layout);
      g_object_unref (plan->doc);
      g_array_unref (plan->times);
      g_free (plan);
    }
  return 0;
}
