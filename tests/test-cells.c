/* test-cells.c: editing in the tables, under Xvfb
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soc-edit.h"
#include "soc-selection.h"
#include "soc-table-view.h"
#include "soc-test-util.h"
#include "soc-ui-test-util.h"

#define PLAN                                                                              \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                          \
  "<socplan xmlns=\"https://socplan.github.io/ns/socplan\" version=\"1.0\">\n"            \
  "  <plan><title>Cells</title></plan>\n"                                                 \
  "  <stakeholders>\n"                                                                    \
  "    <stakeholder id=\"s1\" kind=\"person\" profile=\"leadership\" influence=\"50\">\n" \
  "      <name>Maria Lindqvist</name>\n"                                                  \
  "    </stakeholder>\n"                                                                  \
  "    <stakeholder id=\"s2\" kind=\"group\" profile=\"observers\" influence=\"20\">\n"   \
  "      <name>Works council</name>\n"                                                    \
  "      <department>Employee representation</department>\n"                              \
  "    </stakeholder>\n"                                                                  \
  "  </stakeholders>\n"                                                                   \
  "</socplan>\n"

typedef struct
{
  GtkWindow    *window;
  SocTableView *table;
  SocDocument  *doc;
  SocSelection *selection;
  GPtrArray    *messages;   /* what win.show-message was asked to show */
  char         *edited_field;
} Fixture;

static void
on_show_message (GSimpleAction *action,
                 GVariant      *param,
                 Fixture       *f)
{
  g_ptr_array_add (f->messages, g_variant_dup_string (param, NULL));
}

static void
on_edit_field (GSimpleAction *action,
               GVariant      *param,
               Fixture       *f)
{
  g_free (f->edited_field);
  f->edited_field = g_variant_dup_string (param, NULL);
}

/* A window with a stakeholder table: Name (shown), Department (edited
 * with Enter) and Influence (edited as a number). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) show = g_simple_action_new ("show-message", G_VARIANT_TYPE_STRING);
  g_autoptr(GSimpleAction) edit = g_simple_action_new ("edit-field", G_VARIANT_TYPE_STRING);

  f->messages = g_ptr_array_new_with_free_func (g_free);
  f->doc = soc_test_load_string (PLAN);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 400);
  f->table = SOC_TABLE_VIEW (soc_table_view_new (SOC_TYPE_STAKEHOLDER, FALSE));
  soc_table_view_add_column (f->table, "Name", "name", SOC_CELL_TEXT, FALSE, TRUE);
  soc_table_view_add_column (f->table, "Department", "department", SOC_CELL_TEXT, TRUE, FALSE);
  soc_table_view_add_column (f->table, "Influence", "influence", SOC_CELL_INT, TRUE, FALSE);
  f->selection = soc_selection_new (f->doc);
  soc_table_view_set_model (f->table, f->doc, f->selection, soc_document_get_stakeholders (f->doc));
  gtk_window_set_child (f->window, GTK_WIDGET (f->table));

  g_signal_connect (show, "activate", G_CALLBACK (on_show_message), f);
  g_signal_connect (edit, "activate", G_CALLBACK (on_edit_field), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (show));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (edit));
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));

  gtk_window_present (f->window);
  SOC_UI_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->table)) &&
                     soc_table_view_get_editor (f->table, soc_document_lookup (f->doc, "s1")) != NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  soc_ui_drain ();
  g_assert_finalize_object (f->selection);
  g_assert_finalize_object (f->doc);
  g_ptr_array_unref (f->messages);
  g_free (f->edited_field);
}

static char *
department (SocObject *object)
{
  char *text = NULL;

  g_object_get (object, "department", &text, NULL);
  return text;
}

static GtkWidget *
row_of (Fixture   *f,
        SocObject *object)
{
  GtkWidget *cell = GTK_WIDGET (soc_table_view_get_editor (f->table, object));
  GtkWidget *row = cell;

  /* cell -> GtkColumnViewCell -> the row widget */
  g_assert_nonnull (cell);
  row = gtk_widget_get_parent (gtk_widget_get_parent (cell));
  return row;
}

/* The widget in column COLUMN of the row showing OBJECT. */
static GtkWidget *
cell_in (Fixture   *f,
         SocObject *object,
         guint      column)
{
  GtkWidget *row = row_of (f, object);
  GtkWidget *c = gtk_widget_get_first_child (row);

  for (guint i = 0; i < column && c != NULL; i++)
    c = gtk_widget_get_next_sibling (c);
  g_assert_nonnull (c);
  return gtk_widget_get_first_child (c);
}

static gboolean
text_is_editing (GtkWidget *cell)
{
  GtkWidget *text = soc_ui_find (cell, GTK_TYPE_TEXT, NULL);
  return text != NULL && gtk_widget_get_visible (text) && gtk_widget_get_mapped (text);
}

/* Emits "pressed" N_PRESS times, at WIDGET's middle, on the click
 * gestures of the table it is in, as a click there reaches them. */
static void
click (GtkWidget *widget,
       int        n_press)
{
  GtkWidget *table = gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GListModel) controllers = NULL;
  graphene_point_t at;

  g_assert_nonnull (table);
  g_assert_true (gtk_widget_compute_point (widget, table,
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0f,
                                                                 gtk_widget_get_height (widget) / 2.0f),
                                           &at));
  controllers = gtk_widget_observe_controllers (table);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_GESTURE_CLICK (c))
        g_signal_emit_by_name (c, "pressed", n_press, (double) at.x, (double) at.y);
    }
  soc_ui_drain ();
}

static SocHistory *
history (Fixture *f)
{
  return soc_document_get_history (f->doc);
}

/* Escape in an empty cell records nothing: no step, not modified, Redo kept. */
static void
test_escape_records_nothing (Fixture       *f,
                             gconstpointer  data)
{
  SocObject *s1 = soc_document_lookup (f->doc, "s1");
  SocEditableCell *cell = soc_table_view_get_editor (f->table, s1);
  g_autoptr(GError) error = NULL;

  /* Something to redo. */
  g_assert_true (soc_edit_set_int (f->doc, s1, "influence", 60, &error));
  g_assert_true (soc_document_undo (f->doc));
  g_assert_true (soc_history_can_redo (history (f)));

  soc_editable_cell_start_editing (cell);
  g_assert_true (soc_editable_cell_get_editing (cell));
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.cancel", NULL);
  soc_ui_drain ();
  g_assert_false (soc_editable_cell_get_editing (cell));
  g_assert_false (soc_history_can_undo (history (f)));
  g_assert_true (soc_history_can_redo (history (f)));
  g_assert_false (soc_document_get_modified (f->doc));

  /* Typed, then Escape: still nothing. */
  soc_editable_cell_start_editing (cell);
  gtk_editable_set_text (soc_editable_cell_get_editable (cell), "Executive board");
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.cancel", NULL);
  soc_ui_drain ();
  {
    g_autofree char *d = department (s1);
    g_assert_null (d);
  }
  g_assert_true (soc_history_can_redo (history (f)));
  g_assert_cmpuint (f->messages->len, ==, 0);
}

/* Enter or leaving the cell with the text unchanged records nothing. */
static void
test_unchanged_records_nothing (Fixture       *f,
                                gconstpointer  data)
{
  SocObject *s1 = soc_document_lookup (f->doc, "s1");
  SocObject *s2 = soc_document_lookup (f->doc, "s2");
  SocEditableCell *cell = soc_table_view_get_editor (f->table, s1);
  SocEditableCell *other = soc_table_view_get_editor (f->table, s2);

  soc_editable_cell_start_editing (cell);
  g_signal_emit_by_name (soc_editable_cell_get_editable (cell), "activate");   /* Enter */
  soc_ui_drain ();
  g_assert_false (soc_editable_cell_get_editing (cell));
  g_assert_false (soc_history_can_undo (history (f)));

  /* Leaving for another cell. */
  soc_editable_cell_start_editing (other);
  soc_editable_cell_start_editing (cell);
  SOC_UI_WAIT_UNTIL (!soc_editable_cell_get_editing (other));
  soc_editable_cell_stop_editing (cell, TRUE);
  g_assert_false (soc_history_can_undo (history (f)));
  g_assert_false (soc_document_get_modified (f->doc));
}

/* Enter after typing commits one labelled step; a refused value is put
 * back with the reason. */
static void
test_commit (Fixture       *f,
             gconstpointer  data)
{
  SocObject *s1 = soc_document_lookup (f->doc, "s1");
  SocEditableCell *cell = soc_table_view_get_editor (f->table, s1);
  GtkWidget *influence = cell_in (f, s1, 2);

  soc_editable_cell_start_editing (cell);
  gtk_editable_set_text (soc_editable_cell_get_editable (cell), "Executive board");
  g_signal_emit_by_name (soc_editable_cell_get_editable (cell), "activate");
  soc_ui_drain ();
  {
    g_autofree char *d = department (s1);
    g_assert_cmpstr (d, ==, "Executive board");
  }
  g_assert_cmpstr (soc_history_get_undo_label (history (f)), ==, "Change the department of “Maria Lindqvist”");
  g_assert_cmpstr (soc_editable_cell_get_text (cell), ==, "Executive board");

  /* The model changes elsewhere: the cell follows. */
  soc_document_undo (f->doc);
  g_assert_cmpstr (soc_editable_cell_get_text (cell), ==, "");

  g_assert_true (SOC_IS_EDITABLE_CELL (influence));
  soc_editable_cell_start_editing (SOC_EDITABLE_CELL (influence));
  gtk_editable_set_text (soc_editable_cell_get_editable (SOC_EDITABLE_CELL (influence)), "a lot");
  g_signal_emit_by_name (soc_editable_cell_get_editable (SOC_EDITABLE_CELL (influence)), "activate");
  soc_ui_drain ();
  g_assert_cmpint (soc_stakeholder_get_influence (SOC_STAKEHOLDER (s1)), ==, 50);
  g_assert_cmpuint (f->messages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->messages, 0), ==, "“a lot” is not a whole number");
  g_assert_cmpstr (soc_editable_cell_get_text (SOC_EDITABLE_CELL (influence)), ==, "50");
  g_assert_false (soc_history_can_undo (history (f)));
}

/* A single click only selects; a double click edits. */
static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  SocObject *s1 = soc_document_lookup (f->doc, "s1");
  GtkWidget *department = cell_in (f, s1, 1);
  GtkWidget *name = cell_in (f, s1, 0);

  click (department, 1);
  g_assert_false (text_is_editing (department));
  click (department, 2);
  g_assert_true (text_is_editing (department));
  /* A double click in the entry is the entry's (it picks a word). */
  click (department, 2);
  g_assert_true (text_is_editing (department));
  gtk_widget_activate_action (department, "cell.cancel", NULL);
  soc_ui_drain ();

  /* A value the table does not edit is edited in the inspector. */
  click (name, 1);
  g_assert_null (f->edited_field);
  click (name, 2);
  g_assert_cmpstr (f->edited_field, ==, "name");
  g_assert_false (soc_history_can_undo (history (f)));
}

/* Two tables showing one object both follow it, and one torn down leaves
 * the other following it (they share the object's one handler). */
static void
test_two_tables_follow (Fixture       *f,
                        gconstpointer  data)
{
  SocObject *s2 = soc_document_lookup (f->doc, "s2");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  SocTableView *other = SOC_TABLE_VIEW (soc_table_view_new (SOC_TYPE_STAKEHOLDER, FALSE));
  GtkWidget *mine = cell_in (f, s2, 1);

  soc_table_view_add_column (other, "Department", "department", SOC_CELL_TEXT, TRUE, TRUE);
  soc_table_view_set_model (other, f->doc, f->selection, soc_document_get_stakeholders (f->doc));
  gtk_window_set_child (window, GTK_WIDGET (other));
  gtk_window_present (window);
  SOC_UI_WAIT_UNTIL (soc_table_view_get_editor (other, s2) != NULL);

  g_assert_true (soc_edit_set_string (f->doc, s2, "department", "Council", NULL));
  soc_ui_drain ();
  g_assert_cmpstr (soc_editable_cell_get_text (SOC_EDITABLE_CELL (mine)), ==, "Council");
  g_assert_cmpstr (soc_editable_cell_get_text (soc_table_view_get_editor (other, s2)), ==, "Council");

  gtk_window_destroy (window);
  soc_ui_drain ();
  g_assert_true (soc_edit_set_string (f->doc, s2, "department", "Board", NULL));
  soc_ui_drain ();
  g_assert_cmpstr (soc_editable_cell_get_text (SOC_EDITABLE_CELL (mine)), ==, "Board");
  /* Another property of the object leaves the cell as it is. */
  g_assert_true (soc_edit_set_string (f->doc, s2, "name", "Staff council", NULL));
  soc_ui_drain ();
  g_assert_cmpstr (soc_editable_cell_get_text (SOC_EDITABLE_CELL (mine)), ==, "Board");
}

/* Enter on a row (the list's activation) edits its first editable cell. */
static void
test_enter_edits (Fixture       *f,
                  gconstpointer  data)
{
  SocObject *s2 = soc_document_lookup (f->doc, "s2");
  GtkWidget *column_view = soc_ui_find (GTK_WIDGET (f->table), GTK_TYPE_COLUMN_VIEW, NULL);
  SocEditableCell *cell = soc_table_view_get_editor (f->table, s2);

  g_signal_emit_by_name (column_view, "activate", 1);
  soc_ui_drain ();
  g_assert_true (soc_editable_cell_get_editing (cell));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (soc_editable_cell_get_editable (cell))));
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.cancel", NULL);
  soc_ui_drain ();
  g_assert_false (soc_editable_cell_get_editing (cell));
  /* The keyboard is back on the rows. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), column_view));
  g_assert_false (soc_history_can_undo (history (f)));
}

/* Text that does not fit ends in an ellipsis; the rest is in its tooltip. */
static void
test_cut_text (Fixture       *f,
               gconstpointer  data)
{
  SocObject *s2 = soc_document_lookup (f->doc, "s2");
  GtkWidget *cell = cell_in (f, s2, 1);
  GtkWidget *label = soc_ui_find (cell, SOC_TYPE_CELL_LABEL, NULL);
  g_autofree char *name = g_strdup (soc_cell_label_get_text (SOC_CELL_LABEL (label)));
  g_autoptr(GString) longer = g_string_new (name);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_has_tooltip (label));
  soc_cell_label_set_text (SOC_CELL_LABEL (label), "HR");
  g_assert_false (soc_cell_label_is_cut (SOC_CELL_LABEL (label)));
  while (longer->len < 400)
    g_string_append (longer, " and more");
  soc_cell_label_set_text (SOC_CELL_LABEL (label), longer->str);
  soc_ui_drain ();
  g_assert_true (soc_cell_label_is_cut (SOC_CELL_LABEL (label)));
  /* Its room is in characters: the longer text did not widen the cell. */
  g_assert_cmpint (gtk_widget_get_width (label), <, 400 * 4);
  soc_cell_label_set_text (SOC_CELL_LABEL (label), name);
}


static guint
count_texts (GtkWidget *widget)
{
  guint n = GTK_IS_TEXT (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_texts (child);
  return n;
}

/* A table's cells make their text entry when they are edited, not before:
 * the rows of a large table are made and dropped as it scrolls. */
static void
test_entry_when_edited (Fixture       *f,
                        gconstpointer  data)
{
  SocEditableCell *cell = soc_table_view_get_editor (f->table, soc_document_lookup (f->doc, "s1"));

  g_assert_cmpuint (count_texts (GTK_WIDGET (f->table)), ==, 0);
  g_assert_false (soc_editable_cell_get_editing (cell));
  soc_editable_cell_start_editing (cell);
  g_assert_true (soc_editable_cell_get_editing (cell));
  g_assert_cmpuint (count_texts (GTK_WIDGET (f->table)), ==, 1);
  soc_editable_cell_stop_editing (cell, FALSE);
}

int
main (int    argc,
      char **argv)
{
  if (!soc_ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/cells/escape-records-nothing", Fixture, NULL, fixture_set_up, test_escape_records_nothing, fixture_tear_down);
  g_test_add ("/cells/unchanged-records-nothing", Fixture, NULL, fixture_set_up, test_unchanged_records_nothing, fixture_tear_down);
  g_test_add ("/cells/commit", Fixture, NULL, fixture_set_up, test_commit, fixture_tear_down);
  g_test_add ("/cells/click", Fixture, NULL, fixture_set_up, test_click, fixture_tear_down);
  g_test_add ("/cells/two-tables-follow", Fixture, NULL, fixture_set_up, test_two_tables_follow, fixture_tear_down);
  g_test_add ("/cells/enter-edits", Fixture, NULL, fixture_set_up, test_enter_edits, fixture_tear_down);
  g_test_add ("/cells/cut-text", Fixture, NULL, fixture_set_up, test_cut_text, fixture_tear_down);
  g_test_add ("/cells/entry-when-edited", Fixture, NULL, fixture_set_up, test_entry_when_edited, fixture_tear_down);

  return g_test_run ();
}
