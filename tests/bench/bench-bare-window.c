/* bench-bare-window.c: an empty libadwaita window, to an idle main loop
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor under "open to an idle window" (issue 16): what the toolkit
 * alone costs on this machine before Socplan does anything. A header bar
 * and a label in a window of Socplan's default size, presented; the time
 * from the start to the first idle moment after it is printed the way
 * socplan prints its own with SOC_TIME_TO_IDLE.
 */

#include <adwaita.h>

static gint64 started;

static gboolean
report_idle (gpointer data)
{
  g_printerr ("bench-bare-window: idle with the window shown after %.0f ms\n",
              (g_get_monotonic_time () - started) / 1000.0);
  return G_SOURCE_REMOVE;
}

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Socplan"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_idle_add_full (G_PRIORITY_LOW, report_idle, NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;

  started = g_get_monotonic_time ();
  app = adw_application_new ("io.github.socplan.BenchBareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
