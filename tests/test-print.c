/* test-print.c: Print…, Print Preview and Export… under Xvfb
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print operation's export path (GtkPrintOperation with an export file
 * name) draws the same pages as socplan-cli; the Plan tab changes what is
 * printed; what a plan was printed with is remembered by its file, in
 * settings, never in the plan; the preview shows the pages and ends the
 * operation when closed; the Export dialog writes the file it is given.
 */

#include "config.h"

#include <math.h>

#include "soc-date.h"
#include "soc-export-dialog.h"
#include "soc-print-operation.h"
#include "soc-print-preview.h"
#include "soc-print-test-util.h"
#include "soc-text-row.h"
#include "soc-ui-util.h"
#include "soc-window-private.h"

/* 2026-03-05 12:00 UTC: the day the pages say they were printed. */
#define PRINTED 1772712000
#define PRINTED_TEXT "1772712000"

static SocApplication *app;
static char *tmpdir;

/* A copy of the example in the test's folder, so it has a file of its own. */
static char *
example_copy (const char *name)
{
  g_autofree char *example = soc_test_example_path ();
  g_autofree char *contents = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (example, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, NULL));
  return path;
}

static GtkPageSetup *
page_setup (const char         *paper,
            GtkPageOrientation  orientation)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper);

  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_orientation (setup, orientation);
  gtk_page_setup_set_top_margin (setup, SOC_EXPORT_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, SOC_EXPORT_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, SOC_EXPORT_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, SOC_EXPORT_MARGIN, GTK_UNIT_POINTS);
  return setup;
}

/* ------------------------------------------------------------------------ */

static void
run_cli_export (const char *plan,
                const char *out)
{
  const char *argv[] = { g_getenv ("SOCPLAN_CLI"), "export", plan, "-o", out, "--paper", "a4", "--landscape",
                         "--pages-wide", "2", NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "SOURCE_DATE_EPOCH", PRINTED_TEXT, TRUE);
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* GtkPrintOperation's export path and socplan-cli export: the same pages. */
static void
test_export_path_same_pages (void)
{
  g_autofree char *plan = example_copy ("same-pages.socplan");
  g_autofree char *printed = g_build_filename (tmpdir, "printed.pdf", NULL);
  g_autofree char *cli = g_build_filename (tmpdir, "cli.pdf", NULL);
  g_autoptr(SocDocument) doc = soc_test_load_path (plan);
  g_autoptr(SocPrintOperation) op = soc_print_operation_new (doc, "roadmap");
  g_autoptr(GtkPageSetup) setup = page_setup (GTK_PAPER_NAME_A4, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_autoptr(GError) error = NULL;
  SocPrintOptions o;
  guint n;

  soc_print_operation_get_options (op, &o);
  o.fit = SOC_PAGE_FIT_WIDE;
  o.pages_wide = 2;
  o.legend = TRUE;
  o.printed = PRINTED;
  soc_print_operation_set_options (op, &o);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (op), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), printed);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  run_cli_export (plan, cli);

  n = soc_print_operation_get_n_pages (op);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (soc_print_test_n_pages (printed), ==, n);
  g_assert_cmpuint (soc_print_test_n_pages (cli), ==, n);
  for (guint k = 1; k <= n; k++)
    {
      g_autofree char *a = soc_print_test_page_text (printed, k);
      g_autofree char *b = soc_print_test_page_text (cli, k);
      cairo_surface_t *ra = soc_print_test_raster (printed, k, 40, tmpdir);
      cairo_surface_t *rb = soc_print_test_raster (cli, k, 40, tmpdir);
      g_autofree char *p = g_strdup_printf ("%u", k);
      const char *info_a[] = { "pdfinfo", "-f", p, "-l", p, printed, NULL };
      const char *info_b[] = { "pdfinfo", "-f", p, "-l", p, cli, NULL };
      g_autofree char *ia = NULL;
      g_autofree char *ib = NULL;

      /* The same text, where it is. */
      g_assert_cmpstr (a, ==, b);
      g_assert_nonnull (strstr (a, "Printed 5 March 2026"));
      /* The same size. */
      g_assert_cmpint (soc_print_test_run (info_a, &ia), ==, 0);
      g_assert_cmpint (soc_print_test_run (info_b, &ib), ==, 0);
      g_assert_nonnull (strstr (ia, "size:  841.89 x 595.276 pts"));
      g_assert_nonnull (strstr (ib, "size:  841.89 x 595.276 pts"));
      /* The same drawing. */
      g_assert_cmpfloat (soc_print_test_difference (ra, rb, 48), <, 0.002);
      g_assert_cmpfloat (soc_print_test_ink (ra), >, 0.05);
      cairo_surface_destroy (ra);
      cairo_surface_destroy (rb);
    }
}

/* ------------------------------------------------------------------------ */

/* What a plan was printed with is remembered by its file, outside it. */
static void
test_remembered (void)
{
  g_autofree char *plan = example_copy ("remembered.socplan");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SocDocument) doc = soc_test_load_path (plan);
  g_autoptr(GtkPageSetup) a3 = page_setup (GTK_PAPER_NAME_A3, GTK_PAGE_ORIENTATION_PORTRAIT);
  SocPrintOptions o;

  g_assert_true (g_file_get_contents (plan, &before, NULL, NULL));
  {
    g_autoptr(SocPrintOperation) op = soc_print_operation_new (doc, "roadmap");

    soc_print_operation_get_options (op, &o);
    o.fit = SOC_PAGE_FIT_PAGE;
    o.pages_wide = 3;
    o.legend = FALSE;
    o.from = soc_date_from_ymd (2027, 1, 1);
    o.to = soc_date_from_ymd (2027, 12, 31);
    soc_print_operation_set_options (op, &o);
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (op), a3);
    soc_print_operation_remember (op);
  }
  {
    g_autoptr(SocPrintOperation) op = soc_print_operation_new (doc, "goals");
    GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (op));

    g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_A3);
    g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_PORTRAIT);
    soc_print_operation_get_options (op, &o);
    g_assert_cmpint (o.fit, ==, SOC_PAGE_FIT_PAGE);
    g_assert_cmpuint (o.pages_wide, ==, 3);
    g_assert_false (o.legend);
    g_assert_cmpuint (o.from, ==, soc_date_from_ymd (2027, 1, 1));
    g_assert_cmpuint (o.to, ==, soc_date_from_ymd (2027, 12, 31));
    /* The view is the one asked for now. */
    g_assert_cmpstr (o.view, ==, "goals");
  }

  /* Not in the plan: neither its file nor the document changed. */
  g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_false (soc_document_get_modified (doc));

  /* A plan never saved has nothing to be remembered by. */
  {
    g_autoptr(SocDocument) fresh = soc_document_new ();
    g_autoptr(SocPrintOperation) op = soc_print_operation_new (fresh, "roadmap");
    GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (op));

    soc_print_operation_remember (op);
    g_assert_false (soc_print_setup_lookup (fresh, NULL, NULL));
    g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
    g_assert_cmpfloat (fabs (gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS) - SOC_EXPORT_MARGIN), <, 0.01);
  }

  /* A limited number of plans, the most recent first. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.socplan.Socplan");
    g_autoptr(GVariant) setups = NULL;
    const char *first = NULL;

    for (guint i = 0; i < 80; i++)
      {
        g_autofree char *name = g_strdup_printf ("plan-%u.socplan", i);
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(SocDocument) other = soc_document_new ();
        g_autoptr(SocPrintOperation) op = NULL;

        soc_document_adopt_file (other, file, NULL);
        op = soc_print_operation_new (other, "roadmap");
        soc_print_operation_remember (op);
      }
    setups = g_settings_get_value (settings, "print-setups");
    g_assert_cmpuint (g_variant_n_children (setups), <=, 64);
    g_variant_get_child (setups, 0, "{&s&s}", &first, NULL);
    g_assert_true (g_str_has_suffix (first, "plan-79.socplan"));
  }
}

/* ------------------------------------------------------------------------ */

/* The Plan tab: what it says is what prints. */
static void
test_custom_tab (void)
{
  g_autofree char *plan = example_copy ("tab.socplan");
  g_autoptr(SocDocument) doc = soc_test_load_path (plan);
  g_autoptr(SocPrintOperation) op = soc_print_operation_new (doc, "roadmap");
  GtkWidget *tab = NULL;
  g_autoptr(GPtrArray) drops = g_ptr_array_new ();
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *check = NULL;
  SocPrintOptions o;

  g_signal_emit_by_name (op, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_GRID (tab));
  g_object_ref_sink (tab);
  for (GtkWidget *w = gtk_widget_get_first_child (tab); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_DROP_DOWN (w))
      g_ptr_array_add (drops, w);
    else if (GTK_IS_SPIN_BUTTON (w))
      g_ptr_array_add (spins, w);
    else if (GTK_IS_ENTRY (w))
      g_ptr_array_add (entries, w);
    else if (GTK_IS_CHECK_BUTTON (w))
      check = w;
  g_assert_cmpuint (drops->len, ==, 2);
  g_assert_cmpuint (spins->len, ==, 2);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_nonnull (check);

  /* Pages across only for that fit, the scale only for a scale. */
  gtk_drop_down_set_selected (g_ptr_array_index (drops, 1), SOC_PAGE_FIT_SCALE);
  g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (spins, 0)));
  g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (spins, 1)));

  /* Every view that prints, the pictures and the tables. */
  {
    GListModel *labels = gtk_drop_down_get_model (g_ptr_array_index (drops, 0));

    g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 5);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 1), ==, "Goal tree");
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 2), ==, "Goal outline");
  }
  gtk_drop_down_set_selected (g_ptr_array_index (drops, 0), 3);   /* the stakeholder map */
  gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 80);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "2027-01-01");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), " 2027-06-30 ");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_signal_emit_by_name (op, "custom-widget-apply", tab);

  soc_print_operation_get_options (op, &o);
  g_assert_cmpstr (o.view, ==, "stakeholders");
  g_assert_cmpint (o.fit, ==, SOC_PAGE_FIT_SCALE);
  g_assert_cmpfloat (fabs (o.scale - 0.8 * SOC_PAGE_NATURAL_SCALE), <, 1e-9);
  g_assert_cmpuint (o.from, ==, soc_date_from_ymd (2027, 1, 1));
  g_assert_cmpuint (o.to, ==, soc_date_from_ymd (2027, 6, 30));
  g_assert_false (o.legend);

  /* Dates the wrong way round: the whole plan. */
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "2026-01-01");
  g_signal_emit_by_name (op, "custom-widget-apply", tab);
  soc_print_operation_get_options (op, &o);
  g_assert_cmpuint (o.from, ==, 0);
  g_assert_cmpuint (o.to, ==, 0);
  g_object_unref (tab);
}

/* ------------------------------------------------------------------------ */

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
    }
  return NULL;
}

static gboolean
preview_ready (gpointer data)
{
  GtkWindow *w = find_toplevel (SOC_TYPE_PRINT_PREVIEW);

  return w != NULL && soc_print_preview_is_ready (SOC_PRINT_PREVIEW (w)) && gtk_widget_get_mapped (GTK_WIDGET (w));
}

static gboolean
preview_gone (gpointer data)
{
  return find_toplevel (SOC_TYPE_PRINT_PREVIEW) == NULL;
}

static GtkWidget *
find_label (GtkWidget *root)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (w) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (w)), "Page "))
        return w;
      if ((found = find_label (w)) != NULL)
        return found;
    }
  return NULL;
}

/* Print Preview: the pages, page by page; closing ends the operation. */
/* Types TEXT as the first item's title in WINDOW's inspector, the keyboard
 * still in the field: nothing committed yet. Returns the item. */
static SocObject *
type_item_title (SocWindow  *window,
                 const char *text)
{
  SocDocument *doc = soc_window_get_document (window);
  g_autoptr(SocObject) item = g_list_model_get_item (soc_document_get_items (doc), 0);
  SocTextRow *title;

  soc_window_show_object (window, item);
  soc_ui_settle ();
  title = SOC_TEXT_ROW (soc_inspector_get_row (window->inspector, "title"));
  g_assert_true (soc_text_row_focus (title, TRUE));
  soc_text_row_set_typed (title, text);
  g_assert_cmpstr (soc_item_get_title (SOC_ITEM (item)), !=, text);
  return item;   /* the document keeps it */
}

static void
test_preview (void)
{
  g_autofree char *plan = example_copy ("preview.socplan");
  SocWindow *window = soc_ui_open_window (app, plan);
  SocPrintPreview *preview;
  GtkWidget *label;
  g_autoptr(GdkPaintable) paintable = NULL;

  SocObject *item = type_item_title (window, "Typed before the preview");

  soc_window_show_view (window, "roadmap");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-preview", NULL);
  /* What was being typed is in the plan that is printed. */
  g_assert_cmpstr (soc_item_get_title (SOC_ITEM (item)), ==, "Typed before the preview");
  g_assert_true (soc_ui_wait_for (preview_ready, NULL, 20000));
  preview = SOC_PRINT_PREVIEW (find_toplevel (SOC_TYPE_PRINT_PREVIEW));
  g_assert_cmpuint (soc_print_preview_get_n_pages (preview), >=, 1);
  label = find_label (GTK_WIDGET (preview));
  g_assert_nonnull (label);
  {
    g_autofree char *expected = g_strdup_printf ("Page 1 of %u", soc_print_preview_get_n_pages (preview));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
  }

  /* A page drawn: a white sheet with ink on it, in the grey around. */
  soc_ui_wait_stable (GTK_WIDGET (preview));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (preview));
  soc_ui_iterate (200);
  {
    GtkSnapshot *snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;
    g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
    g_autoptr(GdkTexture) texture = NULL;
    int w = gdk_paintable_get_intrinsic_width (paintable), h = gdk_paintable_get_intrinsic_height (paintable);
    cairo_surface_t *surface;

    gdk_paintable_snapshot (paintable, snapshot, w, h);
    node = gtk_snapshot_free_to_node (snapshot);
    g_assert_nonnull (node);
    g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
    texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
    gdk_texture_download (texture, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
    cairo_surface_mark_dirty (surface);
    /* White (the sheet) and not (the grey round it, and the page's ink). */
    g_assert_cmpfloat (soc_print_test_ink (surface), >, 0.3);
    g_assert_cmpfloat (soc_print_test_ink (surface), <, 0.8);
    cairo_surface_destroy (surface);
    gsk_renderer_unrealize (renderer);
  }

  if (soc_print_preview_get_n_pages (preview) > 1)
    {
      gtk_widget_activate_action (GTK_WIDGET (preview), "preview.turn", "i", 1);
      g_assert_cmpuint (soc_print_preview_get_page (preview), ==, 1);
      gtk_widget_activate_action (GTK_WIDGET (preview), "preview.turn", "i", G_MININT32);
      g_assert_cmpuint (soc_print_preview_get_page (preview), ==, 0);
    }

  gtk_window_close (GTK_WINDOW (preview));
  g_assert_true (soc_ui_wait_for (preview_gone, NULL, 10000));
  soc_ui_close_window (window);
}

/* ------------------------------------------------------------------------ */

static gboolean
export_dialog_gone (gpointer data)
{
  return find_toplevel (SOC_TYPE_EXPORT_DIALOG) == NULL;
}

/* The preferences group titled TITLE under WIDGET. */
static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  GtkWidget *found = NULL;

  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL && found == NULL; c = gtk_widget_get_next_sibling (c))
    found = find_group (c, title);
  return found;
}

/* The action row under WIDGET whose subtitle is SUBTITLE. */
static GtkWidget *
find_subtitled (GtkWidget  *widget,
                const char *subtitle)
{
  GtkWidget *found = NULL;

  if (ADW_IS_ACTION_ROW (widget) && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL && found == NULL; c = gtk_widget_get_next_sibling (c))
    found = find_subtitled (c, subtitle);
  return found;
}

/* Export…: from what the plan was printed with, to the file given. */
static void
test_export_dialog (void)
{
  g_autofree char *plan = example_copy ("export.socplan");
  g_autofree char *out = g_build_filename (tmpdir, "exported.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  SocWindow *window = soc_ui_open_window (app, plan);
  SocExportDialog *dialog;
  g_autofree char *name = NULL;
  SocExportOptions o;

  SocObject *item = type_item_title (window, "Typed before the export");

  soc_window_show_view (window, "stakeholders");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  g_assert_cmpstr (soc_item_get_title (SOC_ITEM (item)), ==, "Typed before the export");
  soc_ui_settle ();
  dialog = SOC_EXPORT_DIALOG (find_toplevel (SOC_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  soc_export_dialog_get_options (dialog, &o);
  g_assert_cmpstr (o.view, ==, "stakeholders");
  /* Dates cut the roadmap only: for the map they are not offered. */
  g_assert_false (gtk_widget_get_sensitive (find_group (GTK_WIDGET (dialog), "Dates")));
  g_assert_nonnull (find_subtitled (GTK_WIDGET (dialog), "The view is spread over this many pages side by side; "
                                                         "what does not fit flows down onto more"));
  o.view = "roadmap";
  soc_export_dialog_set_options (dialog, &o);
  g_assert_true (gtk_widget_get_sensitive (find_group (GTK_WIDGET (dialog), "Dates")));
  g_assert_nonnull (find_subtitled (GTK_WIDGET (dialog), "The time is spread over this many pages side by side; "
                                                         "rows flow down over more"));

  /* The report is a PDF only. */
  o.view = "report";
  o.format = SOC_EXPORT_PNG;
  soc_export_dialog_set_options (dialog, &o);
  soc_export_dialog_get_options (dialog, &o);
  g_assert_cmpint (o.format, ==, SOC_EXPORT_PDF);
  name = soc_export_dialog_suggest_name (dialog);
  g_assert_true (g_str_has_suffix (name, "Plan report.pdf"));

  soc_export_dialog_export_to (dialog, file);
  g_assert_true (soc_ui_wait_for (export_dialog_gone, NULL, 30000));
  g_assert_cmpuint (soc_print_test_n_pages (out), >=, 7);
  soc_ui_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  int result;

  app = soc_ui_init (&argc, &argv, &data_home);
  tmpdir = soc_test_make_tmpdir ();

  g_test_add_func ("/print/export-path-same-pages", test_export_path_same_pages);
  g_test_add_func ("/print/remembered", test_remembered);
  g_test_add_func ("/print/custom-tab", test_custom_tab);
  g_test_add_func ("/print/preview", test_preview);
  g_test_add_func ("/print/export-dialog", test_export_dialog);

  result = g_test_run ();
  soc_test_rm_rf (tmpdir);
  g_free (tmpdir);
  soc_ui_finish (app, g_steal_pointer (&data_home));
  return result;
}
