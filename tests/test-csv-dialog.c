/* test-csv-dialog.c: Import Stakeholders… and Export Stakeholders…, under Xvfb
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "soc-application.h"
#include "soc-csv.h"
#include "soc-csv-dialog.h"
#include "soc-test-util.h"
#include "soc-window-private.h"

static SocApplication *app;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static SocWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *window = NULL;

  soc_application_open_file (app, file, NULL);
  for (guint i = 0; i < 500 && window == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      window = soc_application_find_window (app, file);
      if (window == NULL)
        g_usleep (2000);
    }
  g_assert_nonnull (window);
  gtk_window_present (window);
  iterate (50);
  return SOC_WINDOW (window);
}

static void
close_window (SocWindow *window)
{
  SocDocument *doc = g_object_ref (soc_window_get_document (window));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (20);
  g_assert_null (window);
  g_assert_finalize_object (doc);
}

/* The message dialog over WINDOW, waiting up to two seconds for it. */
static AdwMessageDialog *
wait_for_dialog (SocWindow *window)
{
  for (guint attempt = 0; attempt < 400; attempt++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)) &&
              gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (window))
            return ADW_MESSAGE_DIALOG (w);
        }
      iterate (5);
    }
  g_assert_not_reached ();
}

/* As a click on the button does: the response, then the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
no_dialog_left (SocWindow *window)
{
  GListModel *toplevels;

  iterate (50);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      g_assert_false (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)));
    }
}

/* The titles of the preview's rows, in order. */
static GPtrArray *
preview_titles (AdwMessageDialog *dialog)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, adw_message_dialog_get_extra_child (dialog));
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, 0);

      if (ADW_IS_ACTION_ROW (w))
        {
          g_ptr_array_add (titles, g_strdup_printf ("%s | %s",
                                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)),
                                                    adw_action_row_get_subtitle (ADW_ACTION_ROW (w))));
          continue;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return titles;
}

static char *
write_csv (const char *dir,
           const char *name,
           const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* The preview says what will happen; Import does it as one step; Undo
 * takes it back. */
static void
test_import_preview (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *path = write_csv (dir, "people.csv",
    "\xEF\xBB\xBFid,name,stance,influence,Phone\r\n"
    "s3,Ingrid Halvorsen,supporter,85,\r\n"
    "s2,Tomas Berg,neutral,100,\r\n"
    ",\"Okafor, Anna <b>bold</b>\",champion,55,555\r\n"
    ",Works council,sceptic,70,\r\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SocWindow *window = open_window (example);
  SocDocument *doc = soc_window_get_document (window);
  g_autofree char *before = soc_test_serialize (doc);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  AdwMessageDialog *dialog;
  GListModel *stakeholders = soc_document_get_stakeholders (doc);
  guint n = g_list_model_get_n_items (stakeholders);

  soc_csv_dialog_preview (window, file);
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import Stakeholders?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "From “people.csv”.\n"
                   "2 new stakeholders will be added.\n"
                   "1 stakeholder will be updated.\n"
                   "1 row matches its stakeholder already.\n"
                   "The import is one step: Undo takes all of it back.");
  g_assert_true (adw_message_dialog_has_response (dialog, "import"));

  titles = preview_titles (dialog);
  g_assert_cmpuint (titles->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Ingrid Halvorsen | Line 2: changes stance");
  g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "Tomas Berg | Line 3: no change");
  g_assert_cmpstr (g_ptr_array_index (titles, 2), ==, "Okafor, Anna <b>bold</b> | Line 4: a new stakeholder");
  g_assert_cmpstr (g_ptr_array_index (titles, 3), ==, "Works council | Line 5: a new stakeholder");

  /* Nothing changed yet. */
  g_assert_false (soc_document_get_modified (doc));
  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), ==, n);

  respond (dialog, "import");
  iterate (50);
  no_dialog_left (window);
  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), ==, n + 2);
  g_assert_cmpstr (soc_history_get_undo_label (soc_document_get_history (doc)), ==,
                   "Import stakeholders from “people.csv”");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "stakeholders");

  /* One Undo takes it all back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate (20);
  after = soc_test_serialize (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (soc_document_get_modified (doc));

  close_window (window);
  soc_test_rm_rf (dir);
}

/* A bad row: its line, its column and the problem, and no Import button. */
static void
test_import_problem (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *path = write_csv (dir, "bad.csv", "name,stance\nAnn,supporter\nBo,enemy\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SocWindow *window = open_window (example);
  SocDocument *doc = soc_window_get_document (window);
  g_autofree char *before = soc_test_serialize (doc);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  soc_csv_dialog_preview (window, file);
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Stakeholders Cannot Be Imported");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "“bad.csv”, line 3, column 2: “enemy” is not a stance; use one of: "));
  g_assert_false (adw_message_dialog_has_response (dialog, "import"));
  respond (dialog, "close");
  no_dialog_left (window);

  after = soc_test_serialize (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (soc_document_get_modified (doc));

  /* A file with nothing new: nothing to import. */
  {
    g_autofree char *same = write_csv (dir, "same.csv", "id,name\ns1,Maria Lindqvist\n");
    g_autoptr(GFile) same_file = g_file_new_for_path (same);

    soc_csv_dialog_preview (window, same_file);
    dialog = wait_for_dialog (window);
    g_assert_false (adw_message_dialog_has_response (dialog, "import"));
    g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (dialog), "There is nothing to change."));
    respond (dialog, "cancel");
    no_dialog_left (window);
  }

  close_window (window);
  soc_test_rm_rf (dir);
}

/* Export writes what the core makes, and it imports back unchanged. */
static void
test_export (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SocWindow *window = open_window (example);
  SocDocument *doc = soc_window_get_document (window);
  g_autoptr(GBytes) expected = soc_csv_export_stakeholders (doc);
  g_autofree char *written = NULL;
  gsize len = 0;

  /* The menu's actions are there (the file choosers are the platform's;
   * what follows the choice is tested here). */
  {
    gboolean import_found = FALSE, export_found = FALSE;
    const GVariantType *parameter;
    const char *name, *property;
    GType owner;

    for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &name, &parameter, &property); i++)
      {
        import_found = import_found || g_str_equal (name, "win.import-stakeholders");
        export_found = export_found || g_str_equal (name, "win.export-stakeholders");
      }
    g_assert_true (import_found && export_found);
  }

  soc_csv_dialog_export_to (window, file);
  for (guint i = 0; i < 500 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    iterate (2);
  iterate (20);
  g_assert_true (g_file_get_contents (path, &written, &len, NULL));
  g_assert_cmpmem (written, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  {
    g_autoptr(GFile) again = g_file_new_for_path (path);
    AdwMessageDialog *dialog;

    soc_csv_dialog_preview (window, again);
    dialog = wait_for_dialog (window);
    g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                     "From “out.csv”.\n27 rows match their stakeholders already.\n"));
    respond (dialog, "cancel");
    no_dialog_left (window);
  }

  close_window (window);
  soc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  int result;

  data_home = g_dir_make_tmp ("socplan-ui-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = soc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/csv-dialog/import-preview", test_import_preview);
  g_test_add_func ("/csv-dialog/import-problem", test_import_problem);
  g_test_add_func ("/csv-dialog/export", test_export);

  result = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  soc_test_rm_rf (data_home);
  return result;
}
