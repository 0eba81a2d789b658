/* soc-ui-test-util.h: what the UI tests share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UI tests wait for conditions, never for a fixed time: a loaded machine
 * makes them slower, not wrong. Without a display they are skipped.
 */

#pragma once

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>

#include "soc-cell-label.h"

#define SOC_UI_TIMEOUT_MS 10000

/* Sets up GLib's test framework and GTK. Without a display, says so as
 * TAP and returns FALSE: the caller exits and the test counts as skipped. */
G_GNUC_UNUSED static gboolean
soc_ui_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "");
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

static gboolean
soc_ui_wake (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until it has nothing left to do right now. */
G_GNUC_UNUSED static void
soc_ui_drain (void)
{
  for (guint i = 0; i < 10000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop for at most MS milliseconds, waking at least every
 * 10 ms. */
G_GNUC_UNUSED static void
soc_ui_spin (guint ms)
{
  gboolean woke = FALSE;
  guint id = g_timeout_add (MIN (ms, 10u), soc_ui_wake, &woke);

  (void) id;
  while (!woke)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until EXPR holds, failing after SOC_UI_TIMEOUT_MS. */
#define SOC_UI_WAIT_UNTIL(expr)                                                   \
  G_STMT_START {                                                                  \
    gint64 soc_ui_deadline_ = g_get_monotonic_time () + SOC_UI_TIMEOUT_MS * 1000; \
    soc_ui_drain ();                                                              \
    while (!(expr))                                                               \
      {                                                                           \
        if (g_get_monotonic_time () > soc_ui_deadline_)                           \
          g_error ("%s:%d: timed out waiting for %s", __FILE__, __LINE__, #expr);  \
        soc_ui_spin (10);                                                         \
        soc_ui_drain ();                                                          \
      }                                                                           \
  } G_STMT_END

/* Depth first over WIDGET and everything inside it. */
G_GNUC_UNUSED static void
soc_ui_foreach_widget (GtkWidget *widget,
                       void     (*func) (GtkWidget *widget, gpointer data),
                       gpointer   data)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, widget);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      func (w, data);
      for (GtkWidget *c = gtk_widget_get_last_child (w); c != NULL; c = gtk_widget_get_prev_sibling (c))
        g_ptr_array_add (stack, c);
    }
}

typedef struct
{
  GType       type;
  const char *text;
  GtkWidget  *found;
} SocUiFind;

static const char *
soc_ui_widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  if (SOC_IS_CELL_LABEL (widget))
    return soc_cell_label_get_text (SOC_CELL_LABEL (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_TEXT (widget))
    return gtk_editable_get_text (GTK_EDITABLE (widget));
  return NULL;
}

static void
soc_ui_find_cb (GtkWidget *widget,
                gpointer   data)
{
  SocUiFind *find = data;
  const char *text;

  if (find->found != NULL || !G_TYPE_CHECK_INSTANCE_TYPE (widget, find->type))
    return;
  text = soc_ui_widget_text (widget);
  if (find->text == NULL || g_strcmp0 (text, find->text) == 0)
    find->found = widget;
}

/* The first widget of TYPE inside ROOT whose text (a label's, a row's
 * title, a button's) is TEXT, or any with TEXT NULL. */
G_GNUC_UNUSED static GtkWidget *
soc_ui_find (GtkWidget  *root,
             GType       type,
             const char *text)
{
  SocUiFind find = { type, text, NULL };

  soc_ui_foreach_widget (root, soc_ui_find_cb, &find);
  return find.found;
}

/* Whether TEXT is shown, literally, somewhere inside ROOT. */
G_GNUC_UNUSED static gboolean
soc_ui_shows (GtkWidget  *root,
              const char *text)
{
  return soc_ui_find (root, GTK_TYPE_WIDGET, text) != NULL;
}
