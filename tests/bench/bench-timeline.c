/* bench-timeline.c: how smoothly the timeline scrolls, zooms and drags in a real window
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xvfb-run bench-timeline FILE [--steps N]
 *
 * Opens FILE in the application's window on the Roadmap view and times, for
 * each of N steps, from a change to the end of the frame that paints it
 * (the frame clock's after-paint): scrolling sideways and down by a tenth
 * of the view, zooming by Ctrl+wheel steps, and a bar dragged through the
 * drag gesture. Prints the median and the 95th percentile of each, next to
 * the 16.7 ms of a 60 Hz frame. The renderer is GTK's default under Xvfb
 * (GL on llvmpipe) unless GSK_RENDERER says otherwise.
 */

#include "config.h"

#include <stdlib.h>

#include "soc-application.h"
#include "soc-roadmap-view.h"
#include "soc-window-private.h"

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Runs the loop until the next frame has painted; returns how long since T0. */
static double
wait_frame (gint64 t0)
{
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static void
report (const char *what,
        GArray     *times)
{
  g_array_sort (times, compare_doubles);
  g_print ("%-26s median %6.2f ms, 95th percentile %6.2f ms (a 60 Hz frame: 16.67 ms)\n", what,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, MIN (times->len - 1, times->len * 95 / 100)));
}

static GtkEventController *
find_drag (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (c))
        return c;
    }
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SocApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) scroll = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drag = g_array_new (FALSE, FALSE, sizeof (double));
  SocTimeline *timeline = NULL;
  GtkWindow *window = NULL;
  GtkAdjustment *h, *v;
  GdkFrameClock *clock;
  int steps = 100;

  if (argc < 2)
    {
      g_printerr ("usage: bench-timeline FILE [--steps N]\n");
      return 2;
    }
  if (argc > 3 && g_str_equal (argv[2], "--steps"))
    steps = MAX (atoi (argv[3]), 10);

  gtk_init ();
  adw_init ();
  app = soc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_hold (G_APPLICATION (app));

  file = g_file_new_for_commandline_arg (argv[1]);
  soc_application_open_file (app, file, NULL);
  while ((window = soc_application_find_window (app, file)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_set_default_size (window, 1600, 1000);
  gtk_window_present (window);
  soc_window_show_view (SOC_WINDOW (window), "roadmap");
  for (guint i = 0; i < SOC_WINDOW (window)->views->len; i++)
    if (SOC_IS_ROADMAP_VIEW (g_ptr_array_index (SOC_WINDOW (window)->views, i)))
      timeline = soc_roadmap_view_get_timeline (g_ptr_array_index (SOC_WINDOW (window)->views, i));
  while (!gtk_widget_get_mapped (GTK_WIDGET (timeline)) || gtk_widget_get_width (GTK_WIDGET (timeline)) < 100)
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (timeline));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  soc_timeline_set_zoom (timeline, SOC_ZOOM_MONTHS);
  wait_frame (g_get_monotonic_time ());
  wait_frame (g_get_monotonic_time ());
  h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline));
  v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline));

  /* A frame where nothing changes but a redraw is asked: what the rest of
   * the window costs. */
  {
    g_autoptr(GArray) idle = g_array_new (FALSE, FALSE, sizeof (double));

    for (int i = 0; i < steps / 2; i++)
      {
        gint64 t0 = g_get_monotonic_time ();
        double ms;

        gtk_widget_queue_draw (GTK_WIDGET (timeline));
        ms = wait_frame (t0);
        g_array_append_val (idle, ms);
      }
    report ("redraw, nothing changed", idle);
  }

  /* Scrolling: a tenth of the view at a time, sideways then down. */
  for (int i = 0; i < steps; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      if (i % 2 == 0)
        gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + gtk_adjustment_get_page_size (h) / 10);
      else
        gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v) / 10);
      if (gtk_adjustment_get_value (h) >= gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h) - 1)
        gtk_adjustment_set_value (h, 0);
      if (gtk_adjustment_get_value (v) >= gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v) - 1)
        gtk_adjustment_set_value (v, 0);
      ms = wait_frame (t0);
      g_array_append_val (scroll, ms);
    }
  report ("scroll", scroll);

  /* Zoom: in and out by Ctrl+wheel steps. */
  for (int i = 0; i < steps / 2; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      soc_timeline_zoom_at (timeline, soc_timeline_get_zoom (timeline) * ((i / 5) % 2 ? 0.8 : 1.25), 500);
      ms = wait_frame (t0);
      g_array_append_val (zoom, ms);
    }
  report ("zoom", zoom);

  /* Dragging a bar through the drag gesture. */
  {
    GtkEventController *gesture = find_drag (GTK_WIDGET (timeline));
    SocRoadmapLayout *layout;
    const SocRoadmapBox *box = NULL;
    double x, y;

    soc_timeline_set_zoom (timeline, SOC_ZOOM_MONTHS);
    gtk_adjustment_set_value (h, 0);
    gtk_adjustment_set_value (v, 0);
    wait_frame (g_get_monotonic_time ());
    layout = soc_timeline_get_layout (timeline);
    for (guint i = 0; i < soc_roadmap_layout_get_n_boxes (layout) && box == NULL; i++)
      {
        const SocRoadmapBox *b = soc_roadmap_layout_get_box (layout, i);

        if (!(b->flags & SOC_ROADMAP_BOX_MILESTONE) && b->rect.width > 60 && b->rect.x > 260 && b->rect.x < 900 && b->rect.y < 700)
          box = b;
      }
    if (box != NULL)
      {
        x = box->rect.x + box->rect.width / 2;
        y = box->rect.y + box->rect.height / 2;
        g_signal_emit_by_name (gesture, "drag-begin", x, y);
        for (int i = 0; i < steps; i++)
          {
            gint64 t0 = g_get_monotonic_time ();
            double ms;

            g_signal_emit_by_name (gesture, "drag-update", (double) (i % 40) * 6, 0.0);
            ms = wait_frame (t0);
            g_array_append_val (drag, ms);
          }
        gtk_event_controller_reset (gesture);
        report ("drag a bar", drag);
      }
  }

  SOC_WINDOW (window)->close_confirmed = TRUE;
  gtk_window_destroy (window);
  g_application_release (G_APPLICATION (app));
  return 0;
}
