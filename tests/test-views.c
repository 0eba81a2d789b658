/* test-views.c: the views of a plan and their one selection, under Xvfb
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soc-edit.h"
#include "soc-inspector.h"
#include "soc-ui-util.h"

static SocApplication *app;

/* The table of VIEW showing objects of TYPE. */
static GtkColumnView *
find_column_view (GtkWidget *widget,
                  GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found;

      if (GTK_IS_COLUMN_VIEW (child) && gtk_widget_get_mapped (child))
        {
          GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (child));

          if (model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0)
            {
              g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (model), 0);
              GObject *object = GTK_IS_TREE_LIST_ROW (row) ? gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (row)) : g_object_ref (row);
              gboolean match = G_TYPE_CHECK_INSTANCE_TYPE (object, type);

              g_object_unref (object);
              if (match)
                return GTK_COLUMN_VIEW (child);
            }
        }
      found = find_column_view (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The objects whose rows TABLE shows selected. */
static GPtrArray *
selected_rows (GtkColumnView *table)
{
  GtkSelectionModel *model = gtk_column_view_get_model (table);
  g_autoptr(GtkBitset) rows = gtk_selection_model_get_selection (model);
  GPtrArray *objects = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint pos;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, rows, &pos); ok; ok = gtk_bitset_iter_next (&iter, &pos))
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (model), pos);
      g_ptr_array_add (objects, GTK_IS_TREE_LIST_ROW (row) ? gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (row))
                                                          : g_object_ref (row));
    }
  return objects;
}

static guint
row_of (GtkColumnView *table,
        gpointer       object)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (table));

  for (guint pos = 0; pos < g_list_model_get_n_items (model); pos++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, pos);
      g_autoptr(GObject) item = GTK_IS_TREE_LIST_ROW (row) ? gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (row))
                                                           : g_object_ref (row);
      if (item == object)
        return pos;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* One selection: what is selected anywhere shows in the view's table, the
 * inspector and the window, and a row selected in a table selects it
 * everywhere. */
static void
test_one_selection (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocSelection *selection = soc_window_get_selection (window);
  SocObject *item = soc_document_lookup (doc, "i3");
  SocObject *goal = soc_document_lookup (doc, "g5");
  GtkColumnView *table;
  g_autoptr(GPtrArray) rows = NULL;

  /* Shown from elsewhere (as the checklist panel does): the roadmap opens
   * with its row selected. */
  soc_window_show_object (window, item);
  soc_ui_iterate (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "roadmap");
  g_assert_true (soc_selection_get_focus (selection) == item);
  g_assert_true (soc_inspector_get_object (window->inspector) == item);
  table = find_column_view (GTK_WIDGET (window->stack), SOC_TYPE_ITEM);
  g_assert_nonnull (table);
  rows = selected_rows (table);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (g_ptr_array_index (rows, 0) == item);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Selected in the table: selected in the plan, shown in the inspector. */
  {
    SocObject *other = soc_document_lookup (doc, "i7");
    guint pos = row_of (table, other);

    g_assert_cmpuint (pos, !=, GTK_INVALID_LIST_POSITION);
    gtk_selection_model_select_item (gtk_column_view_get_model (table), pos, TRUE);
    soc_ui_settle ();
    g_assert_true (soc_selection_get_focus (selection) == other);
    g_assert_cmpuint (soc_selection_get_size (selection), ==, 1);
    g_assert_true (soc_inspector_get_object (window->inspector) == other);

    /* Ctrl+click: two rows, two objects. */
    gtk_selection_model_select_item (gtk_column_view_get_model (table), row_of (table, item), FALSE);
    soc_ui_settle ();
    g_assert_cmpuint (soc_selection_get_size (selection), ==, 2);
    g_assert_true (soc_selection_get_focus (selection) == item);
  }

  /* Both go in one step with Delete, and the selection lets go of them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  soc_ui_settle ();
  g_assert_null (soc_document_lookup (doc, "i3"));
  g_assert_null (soc_document_lookup (doc, "i7"));
  g_assert_cmpuint (soc_selection_get_size (selection), ==, 0);
  g_assert_null (soc_inspector_get_object (window->inspector));
  g_assert_true (soc_document_undo (doc));

  /* A goal: the goal view, with its ancestors opened and its row selected. */
  soc_window_show_object (window, goal);
  soc_ui_iterate (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "goals");
  table = find_column_view (GTK_WIDGET (window->stack), SOC_TYPE_GOAL);
  g_assert_nonnull (table);
  rows = selected_rows (table);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (g_ptr_array_index (rows, 0) == goal);

  soc_ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = NULL;
  int result;

  app = soc_ui_init (&argc, &argv, &data_home);

  g_test_add_func ("/views/one-selection", test_one_selection);

  result = g_test_run ();
  soc_ui_finish (app, data_home);
  return result;
}
