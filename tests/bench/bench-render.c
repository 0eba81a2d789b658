/* bench-render.c: what laying out and painting a view costs
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-render FILE [--view roadmap] [--width W] [--height H] [--frames N]
 *                     [--zoom PX_PER_DAY] [--png OUT.png]
 *
 * Loads FILE (timed: load-ms), lays out the view five times (layout-ms: the
 * median, the work after a load or a zoom change), then paints N frames
 * (default 50) of one W x H viewport in the middle of the plan into an
 * image surface (frame-ms: the median; first-frame-ms: the first, with no
 * label shaped yet). A frame is the painter's whole work for the viewport:
 * content, state and chrome, as the screen draws it after a scroll.
 * With --png, the last frame is written to OUT.png, to look at.
 */

#include "config.h"

#include <stdlib.h>

#include "soc-date.h"
#include "soc-roadmap-painter.h"

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

int
main (int    argc,
      char **argv)
{
  const char *path = NULL;
  const char *view = "roadmap";
  const char *png = NULL;
  int width = 1600, height = 1000, frames = 50;
  double zoom = SOC_ZOOM_MONTHS;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(SocRoadmapLayout) layout = NULL;
  g_autoptr(SocText) text = NULL;
  g_autoptr(SocLabelCache) labels = NULL;
  cairo_surface_t *surface;
  SocRoadmapPaintState state;
  SocRect visible;
  double t0, load_ms, layout_ms, first_ms = 0;

  for (int i = 1; i < argc; i++)
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
      else if (argv[i][0] != '-' && path == NULL)
        path = argv[i];
      else
        path = NULL, i = argc;
    }
  if (path == NULL || width < 1 || height < 1 || frames < 1)
    {
      g_printerr ("usage: bench-render FILE [--view roadmap] [--width W] [--height H] [--frames N] [--zoom PX_PER_DAY] [--png OUT.png]\n");
      return 2;
    }
  if (!g_str_equal (view, "roadmap"))
    {
      g_printerr ("bench-render: no view called “%s” yet (roadmap)\n", view);
      return 2;
    }

  file = g_file_new_for_path (path);
  t0 = now_ms ();
  doc = soc_document_load (file, NULL, &error);
  load_ms = now_ms () - t0;
  if (doc == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (int r = 0; r < 5; r++)
    {
      g_clear_pointer (&layout, soc_roadmap_layout_unref);
      t0 = now_ms ();
      layout = soc_roadmap_layout_new (doc, NULL, zoom, 0, 0);
      g_array_append_val (times, (double) { now_ms () - t0 });
    }
  layout_ms = median (times);
  g_array_set_size (times, 0);

  text = soc_text_new (NULL);
  labels = soc_label_cache_new (text);
  soc_roadmap_paint_state_init (&state, soc_palette_get (SOC_PALETTE_LIGHT), labels);
  state.today = soc_date_from_ymd (2026, 9, 30);
  visible = SOC_RECT_INIT (MAX (0, (soc_roadmap_layout_get_width (layout) - width) / 2),
                           MAX (0, (soc_roadmap_layout_get_height (layout) - height) / 2),
                           width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  for (int f = 0; f <= frames; f++)
    {
      cairo_t *cr = cairo_create (surface);
      double ms;

      t0 = now_ms ();
      cairo_translate (cr, -visible.x, -visible.y);
      soc_roadmap_paint (cr, layout, &state, &visible, SOC_ROADMAP_PAINT_ALL);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      ms = now_ms () - t0;
      if (f == 0)
        first_ms = ms;   /* every label shaped for the first time */
      else
        g_array_append_val (times, ms);
    }
  if (png != NULL)
    cairo_surface_write_to_png (surface, png);
  cairo_surface_destroy (surface);

  g_print ("file: %s\n", path);
  g_print ("items: %u\n", g_list_model_get_n_items (soc_document_get_items (doc)));
  g_print ("boxes: %u\n", soc_roadmap_layout_get_n_boxes (layout));
  g_print ("rows: %u\n", soc_roadmap_layout_get_n_rows (layout));
  g_print ("arrows: %u\n", soc_roadmap_layout_get_n_arrows (layout));
  g_print ("load-ms: %.2f\n", load_ms);
  g_print ("layout-ms: %.2f\n", layout_ms);
  g_print ("first-frame-ms: %.2f\n", first_ms);
  g_print ("frame-ms: %.2f\n", median (times));
  return 0;
}
