/* test-window-merge.c: merging with the file on disk in the window, under Xvfb
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Someone else saves the open plan; the window merges their version into
 * ours, with a conflict settled in the dialog, as one undo step. A plan
 * that holds conflicts recorded by socplan-cli merge gets them resolved.
 * And looking at a plan (views, selection, rows folded, window size)
 * never changes its file.
 */

#include "config.h"

#include <adwaita.h>

#include "soc-application.h"
#include "soc-date.h"
#include "soc-edit.h"
#include "soc-field-value.h"
#include "soc-merge-dialog.h"
#include "soc-outline-expander.h"
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

/* Iterates until CHECK (DATA) holds, for at most two seconds. */
static gboolean
wait_for (gboolean (*check) (gpointer data),
          gpointer   data)
{
  for (guint i = 0; i < 1000; i++)
    {
      if (check (data))
        return TRUE;
      iterate (2);
    }
  return check (data);
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
  if (window->drafts != NULL)
    soc_draft_store_forget (window->drafts, doc);
  gtk_window_destroy (GTK_WINDOW (window));
  /* A read of the base that was under way lets go when it is cancelled. */
  for (guint i = 0; i < 1000 && window != NULL; i++)
    iterate (2);
  g_assert_null (window);
  g_assert_finalize_object (doc);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static gboolean
has_merge_dialog (gpointer data)
{
  return find_toplevel (SOC_TYPE_MERGE_DIALOG) != NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
has_base (gpointer data)
{
  return soc_document_get_base (soc_window_get_document (data)) != NULL;
}

static gboolean
banner_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (SOC_WINDOW (data)->changed_banner);
}

static gboolean
not_modified (gpointer data)
{
  return !soc_document_get_modified (soc_window_get_document (data));
}

static void
set (SocDocument *doc,
     const char  *id,
     const char  *field,
     const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  SocObject *o = soc_document_lookup (doc, id);
  const SocField *f = soc_object_class_find_field (SOC_OBJECT_GET_CLASS (o), field, strlen (field));

  g_assert_true (soc_field_from_text (doc, o, f, text, &value, &error));
  g_assert_true (soc_edit_set (doc, o, field, &value, &error));
  g_assert_no_error (error);
}

/* The start alone, as a resize does: a start typed moves the item, with its end. */
static void
set_start_only (SocDocument *doc,
                const char  *id,
                const char  *text)
{
  SocObject *o = soc_document_lookup (doc, id);
  guint start = 0;

  g_assert_true (soc_date_parse (text, strlen (text), &start));
  g_assert_true (soc_edit_set_dates (doc, o, start, soc_item_get_end (SOC_ITEM (o)), NULL, NULL));
}

static char *
get (SocDocument *doc,
     const char  *id,
     const char  *field)
{
  SocObject *o = soc_document_lookup (doc, id);

  g_assert_nonnull (o);
  return soc_field_to_text (o, soc_object_class_find_field (SOC_OBJECT_GET_CLASS (o), field, strlen (field)), NULL);
}

#define assert_field(doc, id, field, expected) \
  G_STMT_START { \
    g_autofree char *_v = get (doc, id, field); \
    g_assert_cmpstr (_v, ==, expected); \
  } G_STMT_END

/* Someone else edits the file and saves it, as their Socplan would. */
static void
save_theirs (const char *path,
             const char *id,
             const char *field,
             const char *value,
             const char *id2,
             const char *field2,
             const char *value2)
{
  g_autoptr(SocDocument) doc = soc_test_load_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* A file system keeps time to the microsecond, not finer. */
  g_usleep (2000);
  set (doc, id, field, value);
  if (id2 != NULL)
    set (doc, id2, field2, value2);
  g_assert_true (soc_document_save (doc, file, SOC_SAVE_FLAGS_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
}

static char *
copy_example (const char *dir)
{
  g_autofree char *example = soc_test_example_path ();
  g_autofree char *text = NULL;
  char *path = g_build_filename (dir, "northwind.socplan", NULL);

  g_assert_true (g_file_get_contents (example, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the button of WINDOW that says LABEL. */
static void
click (gpointer    window,
       const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (window), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate (50);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  int width = gdk_paintable_get_intrinsic_width (paintable);
  int height = gdk_paintable_get_intrinsic_height (paintable);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The banner's Merge: a conflict settled in the dialog, one undo step. */
static void
test_merge_from_disk (void)
{
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir);
  SocWindow *window = open_window (path);
  SocDocument *doc = soc_window_get_document (window);
  SocMergeDialog *dialog;
  g_autofree char *ours_before = NULL;
  g_autofree char *s1_influence = NULL;

  g_assert_true (wait_for (has_base, window));
  s1_influence = get (doc, "s1", "influence");

  /* Ours: two edits. Theirs, saved meanwhile: one field we also changed,
   * one we did not. */
  set (doc, "g8", "status", "achieved");
  set (doc, "i1", "progress", "90");
  ours_before = soc_test_serialize (doc);
  save_theirs (path, "g8", "status", "off-track", "s1", "influence", "95");
  g_assert_true (wait_for (banner_shown, window));

  click (window->changed_banner, "_Merge");
  g_assert_true (wait_for (has_merge_dialog, NULL));
  dialog = find_toplevel (SOC_TYPE_MERGE_DIALOG);
  iterate (100);
  if (g_getenv ("SOC_MERGE_SCREENSHOT") != NULL)
    save_screenshot (GTK_WIDGET (dialog), g_getenv ("SOC_MERGE_SCREENSHOT"));

  /* Their status, please. */
  soc_merge_dialog_choose (dialog, 0, SOC_MERGE_THEIRS);
  click (dialog, "_Merge");
  g_assert_null (find_toplevel (SOC_TYPE_MERGE_DIALOG));

  assert_field (doc, "g8", "status", "off-track");
  assert_field (doc, "i1", "progress", "90");
  assert_field (doc, "s1", "influence", "95");
  g_assert_true (soc_document_get_modified (doc));
  g_assert_false (gtk_revealer_get_reveal_child (window->changed_banner));
  g_assert_cmpstr (soc_history_get_undo_label (soc_document_get_history (doc)), ==, "Merge With the Version on Disk");

  /* One step back is ours as it was; forward again is the merge. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  iterate (20);
  {
    g_autofree char *now = soc_test_serialize (doc);
    g_assert_cmpstr (now, ==, ours_before);
  }
  assert_field (doc, "s1", "influence", s1_influence);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  iterate (20);
  assert_field (doc, "g8", "status", "off-track");

  /* The merge knows the file's version: saving asks nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (wait_for (not_modified, window));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  {
    g_autoptr(SocDocument) saved = soc_test_load_path (path);
    assert_field (saved, "g8", "status", "off-track");
    assert_field (saved, "i1", "progress", "90");
    assert_field (saved, "s1", "influence", "95");
  }

  close_window (window);
  soc_test_rm_rf (dir);
}

/* Several kinds of conflict, settled differently: a field kept ours, a
 * deleted item brought back as they changed it, dates taken as theirs. */
static void
test_merge_many (void)
{
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir);
  SocWindow *window = open_window (path);
  SocDocument *doc = soc_window_get_document (window);
  g_autoptr(GError) error = NULL;
  SocMergeDialog *dialog;
  SocObject *i4;

  g_assert_true (wait_for (has_base, window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);

  set (doc, "g8", "status", "achieved");
  set_start_only (doc, "i1", "2026-02-20");
  i4 = soc_document_lookup (doc, "i4");
  g_assert_true (soc_edit_delete (doc, &i4, 1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SocDocument) theirs = soc_test_load_path (path);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_usleep (2000);
    set (theirs, "g8", "status", "off-track");
    set (theirs, "i1", "end", "2026-02-10");
    set (theirs, "i4", "progress", "80");
    g_assert_true (soc_document_save (theirs, file, SOC_SAVE_FLAGS_OVERWRITE, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (wait_for (banner_shown, window));
  click (window->changed_banner, "_Merge");
  g_assert_true (wait_for (has_merge_dialog, NULL));
  dialog = find_toplevel (SOC_TYPE_MERGE_DIALOG);
  iterate (200);
  if (g_getenv ("SOC_MERGE_SHOT_PAUSE") != NULL)
    iterate (1000 * (guint) g_ascii_strtoull (g_getenv ("SOC_MERGE_SHOT_PAUSE"), NULL, 10));

  /* The rows: g8 status; i1 start and end; i4 deleted by us. */
  g_assert_null (find_button (GTK_WIDGET (dialog), "nothing"));
  soc_merge_dialog_choose (dialog, 1, SOC_MERGE_THEIRS);
  soc_merge_dialog_choose (dialog, 2, SOC_MERGE_THEIRS);
  soc_merge_dialog_choose (dialog, 3, SOC_MERGE_THEIRS);
  click (dialog, "_Merge");
  g_assert_null (find_toplevel (SOC_TYPE_MERGE_DIALOG));

  assert_field (doc, "g8", "status", "achieved");
  assert_field (doc, "i1", "start", "2026-01-12");
  assert_field (doc, "i1", "end", "2026-02-10");
  assert_field (doc, "i4", "progress", "80");
  g_assert_true (soc_document_undo (doc));
  g_assert_null (soc_document_lookup (doc, "i4"));

  close_window (window);
  soc_test_rm_rf (dir);
}

/* Save finds the file changed: Merge is one of its answers. */
static void
test_save_offers_merge (void)
{
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir);
  SocWindow *window = open_window (path);
  SocDocument *doc = soc_window_get_document (window);
  AdwMessageDialog *message;

  g_assert_true (wait_for (has_base, window));
  set (doc, "g3", "title", "Cut time-to-competence of new hires by half");
  save_theirs (path, "g8", "status", "achieved", NULL, NULL, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (wait_for (has_message_dialog, NULL));
  message = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (adw_message_dialog_has_response (message, "merge"));
  g_assert_true (adw_message_dialog_has_response (message, "overwrite"));
  g_assert_true (adw_message_dialog_has_response (message, "reload"));
  adw_message_dialog_response (message, "merge");
  gtk_window_destroy (GTK_WINDOW (message));

  /* No conflict: merged at once. */
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *status = get (doc, "g8", "status");
      if (g_strcmp0 (status, "achieved") == 0)
        break;
      iterate (2);
    }
  assert_field (doc, "g8", "status", "achieved");
  assert_field (doc, "g3", "title", "Cut time-to-competence of new hires by half");
  g_assert_null (find_toplevel (SOC_TYPE_MERGE_DIALOG));

  close_window (window);
  soc_test_rm_rf (dir);
}

/* Conflicts socplan-cli merge recorded in the file are resolved here. */
static void
test_resolve_recorded (void)
{
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir);
  g_autoptr(GError) error = NULL;
  SocMergeDialog *dialog;
  SocWindow *window;
  SocDocument *doc;

  /* A merge with a conflict, as git would have left it. */
  {
    g_autoptr(SocDocument) base = soc_test_load_path (path);
    g_autoptr(SocDocument) ours = soc_test_load_path (path);
    g_autoptr(SocDocument) theirs = soc_test_load_path (path);
    g_autoptr(SocDocument) merged = NULL;
    g_autoptr(GPtrArray) conflicts = NULL;
    g_autoptr(GBytes) bytes = NULL;

    set (ours, "g8", "status", "achieved");
    set (theirs, "g8", "status", "off-track");
    set (theirs, "i1", "progress", "90");
    merged = soc_merge_documents (base, ours, theirs, NULL, &conflicts);
    bytes = soc_merge_write (merged, conflicts, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  }

  window = open_window (path);
  doc = soc_window_get_document (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.resolve-conflicts", NULL));
  g_assert_true (wait_for (has_merge_dialog, NULL));
  dialog = find_toplevel (SOC_TYPE_MERGE_DIALOG);
  iterate (50);
  if (g_getenv ("SOC_RESOLVE_SCREENSHOT") != NULL)
    save_screenshot (GTK_WIDGET (dialog), g_getenv ("SOC_RESOLVE_SCREENSHOT"));
  soc_merge_dialog_choose (dialog, 0, SOC_MERGE_THEIRS);
  click (dialog, "_Resolve");

  assert_field (doc, "g8", "status", "off-track");
  assert_field (doc, "i1", "progress", "90");
  {
    g_autoptr(GPtrArray) left = soc_merge_read_conflicts (doc);
    g_assert_cmpuint (left->len, ==, 0);
  }
  g_assert_cmpstr (soc_history_get_undo_label (soc_document_get_history (doc)), ==, "Resolve Merge Conflicts");
  g_assert_true (soc_document_undo (doc));
  assert_field (doc, "g8", "status", "achieved");
  {
    g_autoptr(GPtrArray) back = soc_merge_read_conflicts (doc);
    g_assert_cmpuint (back->len, ==, 1);
  }

  close_window (window);
  soc_test_rm_rf (dir);
}

/* Folds (or unfolds) the first goal row that has children. */
static gboolean
fold_goals (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (SOC_IS_OUTLINE_EXPANDER (child) && soc_outline_expander_get_goal (SOC_OUTLINE_EXPANDER (child)) != NULL &&
          g_list_model_get_n_items (soc_goal_get_children (soc_outline_expander_get_goal (SOC_OUTLINE_EXPANDER (child)))) > 0)
        {
          soc_outline_expander_toggle (SOC_OUTLINE_EXPANDER (child));
          return TRUE;
        }
      if (fold_goals (child))
        return TRUE;
    }
  return FALSE;
}

/* Looking at a plan never changes its file: opened, looked at every way,
 * saved, it is the same bytes. */
static void
test_view_state_not_in_file (void)
{
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SocWindow *window = open_window (path);
  SocDocument *doc = soc_window_get_document (window);
  static const char *const views[] = { "roadmap", "stakeholders", "goals" };

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-checklist", NULL);
  gtk_paned_set_position (window->inspector_paned, 420);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      soc_window_show_view (window, views[i]);
      iterate (30);
    }
  soc_window_show_object (window, soc_document_lookup (doc, "i1"));
  soc_window_show_object (window, soc_document_lookup (doc, "s1"));
  soc_window_show_object (window, soc_document_lookup (doc, "g3"));
  iterate (30);
  g_assert_true (fold_goals (adw_view_stack_get_child_by_name (window->stack, "goals")));
  iterate (30);
  g_assert_true (fold_goals (adw_view_stack_get_child_by_name (window->stack, "goals")));
  iterate (30);
  g_assert_false (soc_document_get_modified (doc));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *backup = g_strconcat (path, "~", NULL);
      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        break;
      iterate (2);
    }
  iterate (50);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-checklist", NULL);
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
  g_application_set_application_id (G_APPLICATION (app), "io.github.socplan.Socplan.MergeTest");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/window-merge/merge-from-disk", test_merge_from_disk);
  g_test_add_func ("/window-merge/many-conflicts", test_merge_many);
  g_test_add_func ("/window-merge/save-offers-merge", test_save_offers_merge);
  g_test_add_func ("/window-merge/resolve-recorded", test_resolve_recorded);
  g_test_add_func ("/window-merge/view-state-not-in-file", test_view_state_not_in_file);

  result = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  soc_test_rm_rf (data_home);
  return result;
}
