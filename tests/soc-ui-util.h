/* soc-ui-util.h: helpers for the UI tests, which run under Xvfb
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <stdlib.h>

#include "soc-application.h"
#include "soc-test-util.h"
#include "soc-window-private.h"

typedef gboolean (*SocUiCondition) (gpointer data);

/* Runs the main loop until CONDITION holds or TIMEOUT_MS pass; says which. */
G_GNUC_UNUSED static gboolean
soc_ui_wait_for (SocUiCondition condition,
                 gpointer       data,
                 guint          timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

/* Lets pending idles, layouts and draws run: the loop until it is idle. */
G_GNUC_UNUSED static void
soc_ui_settle (void)
{
  for (guint i = 0; i < 200 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

G_GNUC_UNUSED static void
soc_ui_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (500);
}

/* Waits until WIDGET's size has not changed for a few frames: a window
 * being mapped on a busy machine may still be growing. */
G_GNUC_UNUSED static void
soc_ui_wait_stable (GtkWidget *widget)
{
  int w = -1, h = -1, same = 0;

  for (guint i = 0; i < 200 && same < 3; i++)
    {
      soc_ui_iterate (20);
      if (gtk_widget_get_width (widget) == w && gtk_widget_get_height (widget) == h)
        same++;
      else
        same = 0;
      w = gtk_widget_get_width (widget);
      h = gtk_widget_get_height (widget);
    }
}

typedef struct
{
  SocApplication *app;
  GFile          *file;
  GtkWindow      *window;
} SocUiOpen;

static gboolean
soc_ui_window_found (gpointer data)
{
  SocUiOpen *open = data;

  open->window = soc_application_find_window (open->app, open->file);
  return open->window != NULL;
}

static gboolean
soc_ui_window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Opens PATH in APP and waits until its window shows. */
G_GNUC_UNUSED static SocWindow *
soc_ui_open_window (SocApplication *app,
                    const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SocUiOpen open = { app, file, NULL };

  soc_application_open_file (app, file, NULL);
  g_assert_true (soc_ui_wait_for (soc_ui_window_found, &open, 10000));
  gtk_window_present (open.window);
  g_assert_true (soc_ui_wait_for (soc_ui_window_mapped, open.window, 10000));
  soc_ui_settle ();
  return SOC_WINDOW (open.window);
}

/* Closes WINDOW without asking, and checks its document is freed. */
G_GNUC_UNUSED static void
soc_ui_close_window (SocWindow *window)
{
  SocDocument *doc = g_object_ref (soc_window_get_document (window));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 1000 && window != NULL; i++)
    soc_ui_iterate (2);
  g_assert_null (window);
  g_assert_finalize_object (doc);
}

/* Starts an application for a UI test program, with drafts in a folder of
 * the run's own (returned, to remove at the end). */
G_GNUC_UNUSED static SocApplication *
soc_ui_init (int    *argc,
             char ***argv,
             char  **data_home)
{
  SocApplication *app;

  /* No display: skip, do not fail (make test runs these under Xvfb). */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      exit (0);
    }

  *data_home = g_dir_make_tmp ("socplan-ui-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", *data_home, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  app = soc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));
  return app;
}

G_GNUC_UNUSED static void
soc_ui_finish (SocApplication *app,
               char           *data_home)
{
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  soc_test_rm_rf (data_home);
  g_free (data_home);
}
