/* test-checklist-panel.c: the success-factor panel, under Xvfb
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soc-checklist-panel.h"
#include "soc-edit.h"
#include "soc-enum-types.h"
#include "soc-factor-row.h"
#include "soc-test-util.h"
#include "soc-ui-test-util.h"

typedef struct
{
  GtkWindow         *window;
  SocChecklistPanel *panel;
  SocDocument       *doc;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = soc_test_example_path ();

  f->doc = soc_test_load_path (path);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 360, 900);
  f->panel = SOC_CHECKLIST_PANEL (soc_checklist_panel_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->panel));
  soc_checklist_panel_set_document (f->panel, f->doc);
  gtk_window_present (f->window);
  SOC_UI_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->panel)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  soc_ui_drain ();
  g_assert_finalize_object (f->doc);
}

static SocFactorResult *
result (Fixture   *f,
        SocFactor  factor)
{
  return soc_checklist_monitor_get_result (soc_checklist_panel_get_monitor (f->panel), factor);
}

static void
collect_rows (GtkWidget *widget,
              gpointer   data)
{
  if (ADW_IS_ACTION_ROW (widget) && g_object_get_data (G_OBJECT (widget), "soc-id") != NULL)
    g_ptr_array_add (data, widget);
}

/* Failing objects show by title, with why they fail; never a bare id. */
static void
test_failing_rows (Fixture       *f,
                   gconstpointer  data)
{
  guint total = 0;

  for (SocFactor factor = 0; factor < SOC_N_FACTORS; factor++)
    {
      GtkWidget *row = soc_checklist_panel_get_row (f->panel, factor);
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      const char * const *ids = soc_factor_result_get_failing_ids (result (f, factor));

      soc_factor_row_set_expanded (SOC_FACTOR_ROW (row), TRUE);
      soc_ui_drain ();
      soc_ui_foreach_widget (row, collect_rows, rows);
      g_assert_cmpuint (rows->len, ==, MIN (g_strv_length ((char **) ids), 50));
      for (guint i = 0; i < rows->len; i++)
        {
          AdwActionRow *item = g_ptr_array_index (rows, i);
          SocObject *object = soc_document_lookup (f->doc, ids[i]);
          const char *subtitle = adw_action_row_get_subtitle (item);

          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (item)), ==, soc_object_get_label (object));
          g_assert_cmpstr (subtitle, !=, ids[i]);
          g_assert_cmpstr (subtitle, ==, soc_factor_result_get_failing_reason (result (f, factor), i));
          g_assert_true (strlen (subtitle) > 5);
          g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (item)));
        }
      total += rows->len;
    }
  g_assert_cmpuint (total, >, 0);
}

/* A closed factor holds neither its failing objects nor the judgement
 * rows: they are made when it is opened, and follow the plan from then on. */
static void
test_failing_rows_when_opened (Fixture       *f,
                               gconstpointer  data)
{
  SocFactor factor = SOC_FACTOR_STAFFING;
  GtkWidget *row = soc_checklist_panel_get_row (f->panel, factor);
  guint n_failing = g_strv_length ((char **) soc_factor_result_get_failing_ids (result (f, factor)));
  SocObject *owned = soc_document_lookup (f->doc, "g7");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_failing, >, 0);
  for (SocFactor other = 0; other < SOC_N_FACTORS; other++)
    {
      g_assert_cmpuint (soc_checklist_panel_get_n_failing_rows (f->panel, other), ==, 0);
      g_assert_null (soc_ui_find (soc_checklist_panel_get_row (f->panel, other), ADW_TYPE_COMBO_ROW, NULL));
    }

  soc_factor_row_set_expanded (SOC_FACTOR_ROW (row), TRUE);
  g_assert_nonnull (soc_ui_find (row, ADW_TYPE_COMBO_ROW, NULL));
  g_assert_cmpuint (soc_checklist_panel_get_n_failing_rows (f->panel, factor), ==, MIN (n_failing, 50));
  for (SocFactor other = 0; other < SOC_N_FACTORS; other++)
    if (other != factor)
      g_assert_cmpuint (soc_checklist_panel_get_n_failing_rows (f->panel, other), ==, 0);

  /* Open, it follows a change: one more initiative without an owner. */
  g_assert_true (soc_edit_set_object (f->doc, owned, "owner", NULL, &error));
  SOC_UI_WAIT_UNTIL (g_strv_length ((char **) soc_factor_result_get_failing_ids (result (f, factor))) != n_failing);
  soc_ui_drain ();
  n_failing = g_strv_length ((char **) soc_factor_result_get_failing_ids (result (f, factor)));
  g_assert_cmpuint (soc_checklist_panel_get_n_failing_rows (f->panel, factor), ==, MIN (n_failing, 50));

  /* Closed, it catches up when opened again. */
  soc_factor_row_set_expanded (SOC_FACTOR_ROW (row), FALSE);
  soc_document_undo (f->doc);
  SOC_UI_WAIT_UNTIL (g_strv_length ((char **) soc_factor_result_get_failing_ids (result (f, factor))) != n_failing);
  soc_ui_drain ();
  n_failing = g_strv_length ((char **) soc_factor_result_get_failing_ids (result (f, factor)));
  soc_factor_row_set_expanded (SOC_FACTOR_ROW (row), TRUE);
  g_assert_cmpuint (soc_checklist_panel_get_n_failing_rows (f->panel, factor), ==, MIN (n_failing, 50));
}

/* Choosing "Your judgement" changes the factor's own mark and text, with
 * the keyboard still in the choice. */
static void
test_judgement_refreshes (Fixture       *f,
                          gconstpointer  data)
{
  SocFactor factor = SOC_FACTOR_TECHNOLOGY_LAST;
  GtkWidget *row = soc_checklist_panel_get_row (f->panel, factor);
  GtkWidget *judgement = soc_checklist_panel_get_judgement (f->panel, factor);
  GtkWidget *icon = NULL;

  g_assert_cmpint (soc_factor_result_get_effective_state (result (f, factor)), ==, SOC_FACTOR_STATE_NOT_MET);
  soc_factor_row_set_expanded (SOC_FACTOR_ROW (row), TRUE);
  soc_ui_drain ();
  g_assert_true (gtk_widget_grab_focus (judgement));
  icon = soc_ui_find (row, GTK_TYPE_IMAGE, NULL);
  g_assert_true (gtk_widget_has_css_class (icon, "error"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (judgement), 1 + SOC_FACTOR_STATE_MET);
  SOC_UI_WAIT_UNTIL (gtk_widget_has_css_class (icon, "success"));
  g_assert_nonnull (strstr (soc_factor_row_get_subtitle (SOC_FACTOR_ROW (row)), "Your judgement: Met."));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), judgement) ||
                 gtk_root_get_focus (GTK_ROOT (f->window)) == judgement);

  /* Undone elsewhere: the choice follows. */
  soc_document_undo (f->doc);
  SOC_UI_WAIT_UNTIL (gtk_widget_has_css_class (icon, "error"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (judgement)), ==, 0);
}

/* One evaluation changes several properties of a result: the factor's row
 * is brought up to date once for all of them. */
static void
test_updates_once (Fixture       *f,
                   gconstpointer  data)
{
  SocFactor factor = SOC_FACTOR_STAFFING;
  guint before = soc_checklist_panel_get_n_updates (f->panel, factor);
  guint before_other = soc_checklist_panel_get_n_updates (f->panel, SOC_FACTOR_EXECUTIVE_SUPPORT);
  g_autofree char *evidence = g_strdup (soc_factor_result_get_evidence (result (f, factor)));
  SocObject *owned = NULL;
  g_autoptr(GError) error = NULL;

  /* An initiative loses its owner: evidence, score, failing ids and maybe
   * the state of staffing change together. */
  owned = soc_document_lookup (f->doc, "g7");
  g_assert_true (soc_edit_set_object (f->doc, owned, "owner", NULL, &error));
  SOC_UI_WAIT_UNTIL (g_strcmp0 (soc_factor_result_get_evidence (result (f, factor)), evidence) != 0);
  soc_ui_drain ();
  g_assert_cmpuint (soc_checklist_panel_get_n_updates (f->panel, factor), ==, before + 1);
  g_assert_cmpuint (soc_checklist_panel_get_n_updates (f->panel, SOC_FACTOR_EXECUTIVE_SUPPORT), ==, before_other);
}

/* A probe on a label: it counts how GTK measures the label, and answers
 * as the label itself would. */
#define TEST_TYPE_PROBE_LAYOUT (test_probe_layout_get_type ())
G_DECLARE_FINAL_TYPE (TestProbeLayout, test_probe_layout, TEST, PROBE_LAYOUT, GtkLayoutManager)

struct _TestProbeLayout
{
  GtkLayoutManager parent_instance;

  guint            n_width_for_height;
  guint            n_height_for_width;
};

G_DEFINE_FINAL_TYPE (TestProbeLayout, test_probe_layout, GTK_TYPE_LAYOUT_MANAGER)

static void
test_probe_layout_measure (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           GtkOrientation    orientation,
                           int               for_size,
                           int              *minimum,
                           int              *natural,
                           int              *minimum_baseline,
                           int              *natural_baseline)
{
  TestProbeLayout *self = TEST_PROBE_LAYOUT (manager);

  if (for_size >= 0 && orientation == GTK_ORIENTATION_HORIZONTAL)
    self->n_width_for_height++;
  else if (for_size >= 0)
    self->n_height_for_width++;
  GTK_WIDGET_GET_CLASS (widget)->measure (widget, orientation, for_size, minimum, natural,
                                          minimum_baseline, natural_baseline);
}

static void
test_probe_layout_allocate (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            int               width,
                            int               height,
                            int               baseline)
{
  GTK_WIDGET_GET_CLASS (widget)->size_allocate (widget, width, height, baseline);
}

static GtkSizeRequestMode
test_probe_layout_get_request_mode (GtkLayoutManager *manager,
                                    GtkWidget        *widget)
{
  return GTK_WIDGET_GET_CLASS (widget)->get_request_mode (widget);
}

static void
test_probe_layout_class_init (TestProbeLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->measure = test_probe_layout_measure;
  manager_class->allocate = test_probe_layout_allocate;
  manager_class->get_request_mode = test_probe_layout_get_request_mode;
}

static void
test_probe_layout_init (TestProbeLayout *self)
{
}

static void
collect_images (GtkWidget *widget,
                gpointer   data)
{
  if (GTK_IS_IMAGE (widget))
    g_ptr_array_add (data, widget);
}

static void
collect_labels (GtkWidget *widget,
                gpointer   data)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (data, widget);
}

/* A factor's title and evidence wrap: GTK asks them for their height at
 * the width the panel gives, never for their width at a height, which a
 * wrapping label can only answer by laying itself out at width after
 * width (the panel then took a tenth of the window's start). */
static void
test_text_measured_by_width (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) probes = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean evidence_probed = FALSE;

  for (SocFactor factor = 0; factor < SOC_N_FACTORS; factor++)
    soc_ui_foreach_widget (soc_checklist_panel_get_row (f->panel, factor), collect_labels, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      GtkLayoutManager *probe = g_object_new (TEST_TYPE_PROBE_LAYOUT, NULL);

      g_ptr_array_add (probes, g_object_ref (probe));
      gtk_widget_set_layout_manager (label, probe);
      for (SocFactor factor = 0; factor < SOC_N_FACTORS; factor++)
        if (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), soc_factor_result_get_evidence (result (f, factor))))
          evidence_probed = TRUE;
    }
  g_assert_true (evidence_probed);

  /* Laid out again, then at another width. */
  SOC_UI_WAIT_UNTIL (TEST_PROBE_LAYOUT (g_ptr_array_index (probes, probes->len - 1))->n_height_for_width > 0);
  gtk_window_set_default_size (f->window, 460, 900);
  gtk_widget_queue_resize (GTK_WIDGET (f->panel));
  SOC_UI_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (f->panel)) > 400);
  soc_ui_drain ();

  for (guint i = 0; i < probes->len; i++)
    {
      TestProbeLayout *probe = g_ptr_array_index (probes, i);
      const char *text = gtk_label_get_text (GTK_LABEL (g_ptr_array_index (labels, i)));

      g_test_message ("%s: %u height-for-width, %u width-for-height", text,
                      probe->n_height_for_width, probe->n_width_for_height);
      g_assert_cmpuint (probe->n_height_for_width, >, 0);
      g_assert_cmpuint (probe->n_width_for_height, ==, 0);
    }
}

/* Where a factor's mark, title and arrow are, across its row. */
static void
factor_positions (Fixture   *f,
                  SocFactor  factor,
                  double    *icon,
                  double    *title,
                  double    *arrow)
{
  GtkWidget *row = soc_checklist_panel_get_row (f->panel, factor);
  const char *name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  GtkWidget *widgets[] = {
    soc_ui_find (row, GTK_TYPE_IMAGE, NULL),
    soc_ui_find (row, GTK_TYPE_LABEL, name),
    NULL,
  };
  double *x[] = { icon, title, arrow };
  g_autoptr(GPtrArray) images = g_ptr_array_new ();

  soc_ui_foreach_widget (row, collect_images, images);
  widgets[2] = g_ptr_array_index (images, images->len - 1);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      graphene_rect_t bounds;

      g_assert_nonnull (widgets[i]);
      g_assert_true (gtk_widget_compute_bounds (widgets[i], row, &bounds));
      g_assert_cmpfloat (bounds.size.width, >, 0);
      *x[i] = bounds.origin.x + bounds.size.width / 2;
    }
}

static gboolean
mirrored (Fixture   *f,
          SocFactor  factor)
{
  double icon, title, arrow;

  factor_positions (f, factor, &icon, &title, &arrow);
  return icon > title;
}

/* In a right-to-left language a factor reads from the right: its mark,
 * then its title, then the arrow that opens it. */
static void
test_right_to_left (Fixture       *f,
                    gconstpointer  data)
{
  double icon, title, arrow;

  factor_positions (f, SOC_FACTOR_LONG_TERM_VISION, &icon, &title, &arrow);
  g_assert_cmpfloat (icon, <, title);
  g_assert_cmpfloat (title, <, arrow);

  /* As a right-to-left locale sets it (a widget's own direction is not
   * passed on to what it holds). */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  SOC_UI_WAIT_UNTIL (mirrored (f, SOC_FACTOR_LONG_TERM_VISION));
  factor_positions (f, SOC_FACTOR_LONG_TERM_VISION, &icon, &title, &arrow);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  g_assert_cmpfloat (icon, >, title);
  g_assert_cmpfloat (title, >, arrow);
}

int
main (int    argc,
      char **argv)
{
  if (!soc_ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/checklist-panel/failing-rows", Fixture, NULL, fixture_set_up, test_failing_rows, fixture_tear_down);
  g_test_add ("/checklist-panel/failing-rows-when-opened", Fixture, NULL, fixture_set_up, test_failing_rows_when_opened, fixture_tear_down);
  g_test_add ("/checklist-panel/judgement-refreshes", Fixture, NULL, fixture_set_up, test_judgement_refreshes, fixture_tear_down);
  g_test_add ("/checklist-panel/text-measured-by-width", Fixture, NULL, fixture_set_up, test_text_measured_by_width, fixture_tear_down);
  g_test_add ("/checklist-panel/right-to-left", Fixture, NULL, fixture_set_up, test_right_to_left, fixture_tear_down);
  g_test_add ("/checklist-panel/updates-once", Fixture, NULL, fixture_set_up, test_updates_once, fixture_tear_down);

  return g_test_run ();
}
