/* test-views.c: the views of a plan and their one selection, under Xvfb
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "soc-cell-label.h"
#include "soc-date.h"
#include "soc-edit.h"
#include "soc-enum-types.h"
#include "soc-format.h"
#include "soc-goal-tree-private.h"
#include "soc-timeline-private.h"
#include "soc-stakeholder-map-private.h"
#include "soc-goals-view.h"
#include "soc-inspector.h"
#include "soc-roadmap-view.h"
#include "soc-table-view.h"
#include "soc-canvas-item.h"
#include "soc-ui-util.h"
#include "soc-map-painter.h"
#include "soc-stakeholders-view.h"

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
              GObject *object = g_object_ref (row);
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
      g_ptr_array_add (objects, g_object_ref (row));
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
      g_autoptr(GObject) item = g_object_ref (row);
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

/* The window's timeline, shown, at the zoom asked. */
static SocTimeline *
show_timeline (SocWindow *window,
               double     zoom)
{
  SocTimeline *timeline = NULL;

  soc_window_show_view (window, "roadmap");
  for (guint i = 0; i < window->views->len; i++)
    if (SOC_IS_ROADMAP_VIEW (g_ptr_array_index (window->views, i)))
      timeline = soc_roadmap_view_get_timeline (g_ptr_array_index (window->views, i));
  g_assert_nonnull (timeline);
  soc_ui_wait_stable (GTK_WIDGET (timeline));
  soc_timeline_set_zoom (timeline, zoom);
  soc_ui_iterate (50);
  return timeline;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;   /* the widget keeps it */
    }
  return NULL;
}

static guint
days (int y, int m, int d)
{
  return soc_date_from_ymd (y, m, d);
}

/* Each gesture's function: the edit, its undo label, and its undo. */
static void
test_timeline_edits (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocHistory *history = soc_document_get_history (doc);
  SocTimeline *timeline = show_timeline (window, SOC_ZOOM_MONTHS);
  SocItem *kpis = SOC_ITEM (soc_document_lookup (doc, "i5"));      /* 2026-03-02 to 2026-04-30, after i1 */
  SocItem *survey = SOC_ITEM (soc_document_lookup (doc, "i1"));
  SocItem *tour = SOC_ITEM (soc_document_lookup (doc, "i2"));
  g_autofree char *before = soc_test_serialize (doc);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint start = soc_item_get_start (kpis), end = soc_item_get_end (kpis);

  /* Move: both dates, the length kept, one step that says where to. */
  g_assert_true (soc_timeline_move_item (timeline, kpis, days (2026, 3, 16), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (soc_item_get_start (kpis), ==, days (2026, 3, 16));
  g_assert_cmpuint (soc_item_get_end (kpis) - soc_item_get_start (kpis), ==, end - start);
  g_assert_cmpstr (soc_history_get_undo_label (history), ==,
                   "Move “Define KPIs, baselines and the reporting template” to 2026-03-16");
  g_assert_true (soc_document_undo (doc));
  g_assert_cmpuint (soc_item_get_start (kpis), ==, start);

  /* Resize: one end only. */
  g_assert_true (soc_timeline_resize_item (timeline, kpis, SOC_TIMELINE_EDGE_END, days (2026, 5, 31), &error));
  g_assert_cmpuint (soc_item_get_start (kpis), ==, start);
  g_assert_cmpuint (soc_item_get_end (kpis), ==, days (2026, 5, 31));
  g_assert_cmpstr (soc_history_get_undo_label (history), ==,
                   "Make “Define KPIs, baselines and the reporting template” end on 2026-05-31");
  g_assert_true (soc_document_undo (doc));
  g_assert_true (soc_timeline_resize_item (timeline, kpis, SOC_TIMELINE_EDGE_START, days (2026, 2, 16), &error));
  g_assert_cmpuint (soc_item_get_start (kpis), ==, days (2026, 2, 16));
  g_assert_cmpuint (soc_item_get_end (kpis), ==, end);
  g_assert_true (soc_document_undo (doc));

  /* A start after the end is refused, with a reason, and changes nothing. */
  g_assert_false (soc_timeline_resize_item (timeline, kpis, SOC_TIMELINE_EDGE_START, end + 10, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Link: a dependency drawn; a cycle and a duplicate refused. */
  g_assert_true (soc_timeline_link (timeline, survey, tour, &error));
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find (soc_item_get_depends (tour), survey, NULL));
  g_assert_cmpstr (soc_history_get_undo_label (history), ==,
                   "Make “Listening tour: 24 interviews and 6 focus groups at the four sites” depend on "
                   "“Baseline survey on intranet use, finding expertise and sharing ideas”");
  g_assert_false (soc_timeline_link (timeline, survey, tour, &error));
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (soc_document_undo (doc));
  g_assert_false (soc_timeline_link (timeline, kpis, survey, &error));   /* KPIs depend on the survey */
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_CYCLE);
  g_clear_error (&error);

  /* Double-click on empty time: an activity there, selected; Undo takes it. */
  {
    SocLane *lane = SOC_LANE (soc_document_lookup (doc, "l1"));
    SocItem *added = soc_timeline_add_at (timeline, lane, days (2027, 9, 15), &error);

    g_assert_no_error (error);
    g_assert_nonnull (added);
    g_assert_true (soc_item_get_lane (added) == lane);
    /* Snapped to the week at this zoom: the Monday. */
    g_assert_cmpuint (soc_item_get_start (added), ==, days (2027, 9, 13));
    g_assert_true (soc_selection_get_focus (soc_window_get_selection (window)) == SOC_OBJECT (added));
    g_assert_true (soc_document_undo (doc));
    g_assert_null (soc_selection_get_focus (soc_window_get_selection (window)));
  }

  /* Shift+arrows: a week at this zoom; Alt+Shift+arrows: the end only. */
  soc_selection_select (soc_window_get_selection (window), SOC_OBJECT (kpis));
  g_assert_true (soc_timeline_nudge (timeline, 1, FALSE, &error));
  g_assert_cmpuint (soc_item_get_start (kpis), ==, start + 7);
  g_assert_cmpuint (soc_item_get_end (kpis), ==, end + 7);
  g_assert_true (soc_timeline_nudge (timeline, -1, TRUE, &error));
  g_assert_cmpuint (soc_item_get_start (kpis), ==, start + 7);
  g_assert_cmpuint (soc_item_get_end (kpis), ==, end);
  g_assert_true (soc_document_undo (doc));
  g_assert_true (soc_document_undo (doc));

  /* A drag's dates: snapped to the zoom's unit. */
  g_assert_cmpuint (soc_timeline_drag_date (timeline, start, 0), ==, soc_time_unit_floor (SOC_TIME_UNIT_WEEK, start));
  soc_timeline_set_zoom (timeline, SOC_ZOOM_WEEKS);
  soc_ui_iterate (20);
  g_assert_cmpuint (soc_timeline_drag_date (timeline, start, 3 * SOC_ZOOM_WEEKS), ==, start + 3);
  soc_timeline_set_zoom (timeline, SOC_ZOOM_YEARS);
  soc_ui_iterate (20);
  g_assert_cmpuint (soc_timeline_drag_date (timeline, start, 0), ==, days (2026, 3, 1));

  after = soc_test_serialize (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (soc_document_get_modified (doc));
  soc_ui_close_window (window);
}

/* The arrow keys follow the layout: beside in a row, then above and below. */
static void
test_timeline_keyboard (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocSelection *selection = soc_window_get_selection (window);
  SocTimeline *timeline = show_timeline (window, SOC_ZOOM_QUARTERS);
  SocRoadmapLayout *layout = soc_timeline_get_layout (timeline);
  guint box, next;

  /* From the technology pilot, in the last lane. */
  soc_window_show_object (window, soc_document_lookup (doc, "i9"));
  soc_ui_iterate (50);
  g_assert_nonnull (soc_roadmap_layout_find_box (layout, SOC_ITEM (soc_document_lookup (doc, "i9")), &box));
  for (SocDirection d = SOC_DIRECTION_LEFT; d <= SOC_DIRECTION_DOWN; d++)
    {
      SocObject *from = soc_selection_get_focus (selection);

      g_assert_true (soc_roadmap_layout_find_box (layout, SOC_ITEM (from), &box) != NULL);
      if (soc_roadmap_layout_neighbour (layout, box, d, &next))
        {
          g_assert_true (soc_timeline_step (timeline, d));
          g_assert_true (soc_selection_get_focus (selection) ==
                         SOC_OBJECT (soc_roadmap_layout_get_box (layout, next)->item));
        }
      else
        {
          /* At an edge the selection stays, and the key is taken. */
          g_assert_true (soc_timeline_step (timeline, d));
          g_assert_true (soc_selection_get_focus (selection) == from);
        }
    }
  g_assert_false (soc_document_get_modified (doc));
  soc_ui_close_window (window);
}

/* A drag through the gesture's own signals: it moves the bar; Escape
 * during one changes nothing. */
static void
test_timeline_drag (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocTimeline *timeline = show_timeline (window, SOC_ZOOM_WEEKS);
  SocItem *kpis = SOC_ITEM (soc_document_lookup (doc, "i5"));
  GtkEventController *drag = find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_DRAG);
  GtkEventController *keys = find_controller (GTK_WIDGET (timeline), GTK_TYPE_EVENT_CONTROLLER_KEY);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline));
  const SocRoadmapBox *box;
  guint start = soc_item_get_start (kpis);
  double x, y;
  gboolean handled = FALSE;

  g_assert_nonnull (drag);
  g_assert_nonnull (keys);
  soc_timeline_reveal (timeline, SOC_OBJECT (kpis));
  soc_ui_wait_stable (GTK_WIDGET (timeline));
  box = soc_roadmap_layout_find_box (soc_timeline_get_layout (timeline), kpis, NULL);
  g_assert_nonnull (box);
  x = box->rect.x + box->rect.width / 2 - gtk_adjustment_get_value (h);
  y = box->rect.y + box->rect.height / 2 - gtk_adjustment_get_value (v);
  /* The point is on the bar, seen as the gesture will see it. */
  {
    SocRect visible = soc_canvas_get_visible (SOC_CANVAS (timeline));
    SocRoadmapHit hit;

    g_assert_true (soc_roadmap_layout_hit (soc_timeline_get_layout (timeline), x + visible.x, y + visible.y,
                                           &visible, &hit));
    g_assert_true (hit.item == kpis);
  }

  /* Escape in the middle of a drag: the drag ends, nothing changes. */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 5.0 * SOC_ZOOM_WEEKS, 0.0);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (drag, "drag-end", 5.0 * SOC_ZOOM_WEEKS, 0.0);
  soc_ui_settle ();
  g_assert_cmpuint (soc_item_get_start (kpis), ==, start);
  g_assert_false (soc_document_get_modified (doc));

  /* The same drag, let go: five days later, one undo step. */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 5.0 * SOC_ZOOM_WEEKS, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 5.0 * SOC_ZOOM_WEEKS, 0.0);
  soc_ui_settle ();
  g_assert_cmpuint (soc_item_get_start (kpis), ==, start + 5);
  g_assert_true (soc_document_undo (doc));
  g_assert_false (soc_document_get_modified (doc));
  soc_ui_close_window (window);
}

static gboolean
is_timeline_item (GtkWidget *w)
{
  return SOC_IS_CANVAS_ITEM (w);
}

/* The canvas and each visible item as screen readers find them, following
 * scrolling and zoom. */
static void
test_timeline_accessible (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocTimeline *timeline = show_timeline (window, SOC_ZOOM_MONTHS);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline));
  const double zoom[] = { SOC_ZOOM_MONTHS, SOC_ZOOM_WEEKS, SOC_ZOOM_YEARS };

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_LABEL, "Roadmap timeline");

  for (guint round = 0; round < G_N_ELEMENTS (zoom) * 2; round++)
    {
      SocRoadmapLayout *layout;
      const SocRoadmapMetrics *m;
      g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (guint));
      SocRect area;
      guint children = 0, tab_stops = 0;

      soc_timeline_set_zoom (timeline, zoom[round / 2]);
      if (round % 2 == 1)
        gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h) / 3);
      soc_ui_iterate (60);
      layout = soc_timeline_get_layout (timeline);
      m = soc_roadmap_layout_get_metrics (layout);
      area = SOC_RECT_INIT (gtk_adjustment_get_value (h) + m->title_width,
                            gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline))) + m->header_height,
                            gtk_widget_get_width (GTK_WIDGET (timeline)) - m->title_width,
                            gtk_widget_get_height (GTK_WIDGET (timeline)) - m->header_height);
      soc_roadmap_layout_boxes_in (layout, &area, boxes);
      g_assert_cmpuint (boxes->len, >, 0);

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (timeline)); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          SocItem *item;
          const SocRoadmapBox *box;

          if (!is_timeline_item (child))
            continue;
          children++;
          item = SOC_ITEM (soc_canvas_item_get_object (SOC_CANVAS_ITEM (child)));
          box = soc_roadmap_layout_find_box (layout, item, NULL);
          g_assert_nonnull (box);
          g_assert_true (soc_rect_intersects (&box->rect, &area));
          if (gtk_widget_get_focusable (child))
            tab_stops++;
          gtk_test_accessible_assert_role (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_ROLE_BUTTON);
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                               soc_item_get_title (item));
          /* Over its bar. */
          {
            graphene_rect_t bounds;

            g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (timeline), &bounds));
            g_assert_cmpfloat (fabs (bounds.origin.x - (box->rect.x - gtk_adjustment_get_value (h))), <, 1.5);
          }
        }
      g_assert_cmpuint (children, ==, boxes->len);
      /* One tab stop: Tab leaves the picture, the arrows move within it. */
      g_assert_cmpuint (tab_stops, ==, 1);
    }
  soc_ui_close_window (window);
}


/* ------------------------------------------------------------------------ */
/* The goal tree                                                            */

/* The window's goal tree, shown. */
static SocGoalTree *
show_goal_tree (SocWindow *window)
{
  SocGoalTree *tree = NULL;

  soc_window_show_view (window, "goals");
  for (guint i = 0; i < window->views->len; i++)
    if (SOC_IS_GOALS_VIEW (g_ptr_array_index (window->views, i)))
      tree = soc_goals_view_get_tree (g_ptr_array_index (window->views, i));
  g_assert_nonnull (tree);
  soc_ui_iterate (150);
  return tree;
}

static SocGoal *
goal (SocDocument *doc,
      const char  *id)
{
  SocObject *o = soc_document_lookup (doc, id);

  g_assert_true (SOC_IS_GOAL (o));
  return SOC_GOAL (o);
}

static guint
n_children (SocGoal *g)
{
  return g_list_model_get_n_items (soc_goal_get_children (g));
}

/* The entry the tree renames in. */
static GtkEditable *
rename_entry (SocGoalTree *tree)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (tree)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_ENTRY (child) && gtk_widget_get_visible (child))
      return GTK_EDITABLE (child);
  return NULL;
}

/* KEYVAL pressed on WIDGET: its key controllers in turn, as GTK would. */
static gboolean
press_on (GtkWidget       *widget,
          guint            keyval,
          GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, state, &handled);
    }
  soc_ui_settle ();
  return handled;
}

static gboolean
press (SocGoalTree     *tree,
       guint            keyval,
       GdkModifierType  state)
{
  return press_on (GTK_WIDGET (tree), keyval, state);
}

/* Each edit's function: the edit, its undo label, its undo; refusals with
 * a reason; folding that never touches the plan. */
static void
test_goal_tree_edits (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocHistory *history = soc_document_get_history (doc);
  SocSelection *selection = soc_window_get_selection (window);
  SocGoalTree *tree = show_goal_tree (window);
  SocGoal *competence = goal (doc, "g3"), *answers = goal (doc, "g5"), *buddy = goal (doc, "g7");
  SocGoal *qa = goal (doc, "g10");
  g_autofree char *before = soc_test_serialize (doc);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  SocGoal *added;
  guint n = n_children (competence);

  /* Tab: a sub-goal at the end, of the kind its parent's children have,
   * selected and named in place. */
  added = soc_goal_tree_add_child (tree, competence, &error);
  g_assert_no_error (error);
  g_assert_true (soc_goal_get_parent (added) == competence);
  g_assert_cmpuint (n_children (competence), ==, n + 1);
  g_assert_cmpint (soc_goal_get_kind (added), ==, SOC_GOAL_KIND_SOCIAL_OBJECTIVE);
  g_assert_true (soc_selection_get_focus (selection) == SOC_OBJECT (added));
  g_assert_true (soc_canvas_get_renaming (SOC_CANVAS (tree)) == SOC_OBJECT (added));
  g_assert_cmpstr (soc_history_get_undo_label (history), ==, "Add “New goal”");
  /* What is typed names it: one more step. */
  gtk_editable_set_text (rename_entry (tree), "Mentors answer in the open");
  g_signal_emit_by_name (rename_entry (tree), "activate");
  soc_ui_settle ();
  g_assert_cmpstr (soc_goal_get_title (added), ==, "Mentors answer in the open");
  g_assert_cmpstr (soc_history_get_undo_label (history), ==, "Rename “New goal”");
  g_assert_true (soc_document_undo (doc));
  g_assert_true (soc_document_undo (doc));
  g_assert_cmpuint (n_children (competence), ==, n);

  /* Enter: a goal right after, beside it, of its kind. */
  added = soc_goal_tree_add_sibling (tree, answers, &error);
  g_assert_no_error (error);
  soc_canvas_cancel_rename (SOC_CANVAS (tree));
  g_assert_true (soc_goal_get_parent (added) == competence);
  g_assert_cmpint (soc_goal_get_kind (added), ==, soc_goal_get_kind (answers));
  {
    g_autoptr(GObject) second = g_list_model_get_item (soc_goal_get_children (competence), 2);

    g_assert_true (second == G_OBJECT (added));   /* g4, g5, then the new one */
  }
  g_assert_true (soc_document_undo (doc));

  /* Dropped on another card: under it, one step that says where. */
  g_assert_true (soc_goal_tree_can_reparent (tree, buddy, qa));
  g_assert_true (soc_goal_tree_reparent (tree, buddy, qa, &error));
  g_assert_no_error (error);
  g_assert_true (soc_goal_get_parent (buddy) == qa);
  g_assert_cmpstr (soc_history_get_undo_label (history), ==,
                   "Move “Onboarding communities at each site, with a named buddy for every new hire” under "
                   "“Engineers share product knowledge in an open question-and-answer space”");
  g_assert_true (soc_document_undo (doc));
  g_assert_true (soc_goal_get_parent (buddy) == answers);

  /* Under itself or its own sub-goal: refused, with a reason, nothing done. */
  g_assert_false (soc_goal_tree_can_reparent (tree, competence, answers));
  g_assert_false (soc_goal_tree_can_reparent (tree, competence, competence));
  g_assert_false (soc_goal_tree_reparent (tree, competence, answers, &error));
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_CYCLE);
  g_clear_error (&error);
  /* Where it is already: nothing to do, no step. */
  {
    guint64 state = soc_history_get_state (history);

    g_assert_true (soc_goal_tree_reparent (tree, answers, competence, &error));
    g_assert_cmpuint (soc_history_get_state (history), ==, state);
  }

  /* Folding: the goals under it have no card, and the plan is the same. */
  g_assert_true (soc_goal_tree_toggle (tree, competence));
  g_assert_true (soc_goal_tree_is_collapsed (tree, competence));
  g_assert_null (soc_goal_layout_find_card (soc_goal_tree_get_layout (tree), answers, NULL));
  g_assert_false (soc_goal_tree_toggle (tree, buddy));   /* nothing under it */
  after = soc_test_serialize (doc);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  /* Showing a goal under a fold opens it. */
  soc_window_show_object (window, SOC_OBJECT (answers));
  soc_ui_iterate (50);
  g_assert_false (soc_goal_tree_is_collapsed (tree, competence));
  g_assert_nonnull (soc_goal_layout_find_card (soc_goal_tree_get_layout (tree), answers, NULL));

  /* Delete: the window's, with its sub-goals, one step; the keyboard goes
   * to the goal beside it. */
  gtk_widget_grab_focus (GTK_WIDGET (tree));
  soc_window_show_object (window, SOC_OBJECT (answers));
  soc_ui_iterate (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  soc_ui_settle ();
  g_assert_null (soc_document_lookup (doc, "g5"));
  g_assert_null (soc_document_lookup (doc, "g7"));
  g_assert_true (soc_selection_get_focus (selection) == soc_document_lookup (doc, "g4"));
  g_assert_true (soc_document_undo (doc));

  after = soc_test_serialize (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (soc_document_get_modified (doc));
  soc_ui_close_window (window);
}

/* The keys of mind maps, through the tree's own key handlers. */
static void
test_goal_tree_keyboard (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocSelection *selection = soc_window_get_selection (window);
  SocGoalTree *tree = show_goal_tree (window);
  SocGoal *competence = goal (doc, "g3");
  SocGoalLayout *layout;
  guint n = n_children (competence), card, next;
  g_autofree char *before = soc_test_serialize (doc);
  g_autofree char *after = NULL;

  /* The window opens with no goal chosen and the keyboard in the tree:
   * Tab moves on through the window like everywhere else, and a new user
   * going round the window with it adds no goal. The empty tree's Tab adds
   * the vision (/views/empty-hints). */
  gtk_widget_grab_focus (GTK_WIDGET (tree));
  soc_ui_iterate (20);
  g_assert_null (soc_selection_get_focus (selection));
  g_assert_false (press (tree, GDK_KEY_Tab, 0));
  g_assert_false (soc_document_get_modified (doc));

  soc_window_show_object (window, SOC_OBJECT (competence));
  gtk_widget_grab_focus (GTK_WIDGET (tree));
  soc_ui_iterate (50);

  /* Tab: a sub-goal, named in place; Escape keeps its first name. */
  g_assert_true (press (tree, GDK_KEY_Tab, 0));
  g_assert_cmpuint (n_children (competence), ==, n + 1);
  g_assert_nonnull (soc_canvas_get_renaming (SOC_CANVAS (tree)));
  soc_canvas_cancel_rename (SOC_CANVAS (tree));
  g_assert_true (soc_document_undo (doc));
  /* Shift+Tab and Ctrl+Tab leave the tree: not the tree's. */
  g_assert_false (press (tree, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_false (press (tree, GDK_KEY_Tab, GDK_CONTROL_MASK));

  /* Enter: a goal beside it. */
  soc_selection_select (selection, SOC_OBJECT (competence));
  g_assert_true (press (tree, GDK_KEY_Return, 0));
  g_assert_true (soc_goal_get_parent (SOC_GOAL (soc_selection_get_focus (selection))) == goal (doc, "g1"));
  soc_canvas_cancel_rename (SOC_CANVAS (tree));
  g_assert_true (soc_document_undo (doc));

  /* F2: rename in place. */
  soc_selection_select (selection, SOC_OBJECT (competence));
  g_assert_true (press (tree, GDK_KEY_F2, 0));
  g_assert_true (soc_canvas_get_renaming (SOC_CANVAS (tree)) == SOC_OBJECT (competence));
  soc_canvas_cancel_rename (SOC_CANVAS (tree));

  /* Space: folds and opens. */
  g_assert_true (press (tree, GDK_KEY_space, 0));
  g_assert_true (soc_goal_tree_is_collapsed (tree, competence));
  g_assert_true (press (tree, GDK_KEY_space, 0));
  g_assert_false (soc_goal_tree_is_collapsed (tree, competence));

  /* The arrows follow the layout, in both orientations. */
  for (int o = 0; o < 2; o++)
    {
      soc_goal_tree_set_orientation (tree, o == 0 ? SOC_GOAL_TOP_DOWN : SOC_GOAL_LEFT_RIGHT);
      soc_ui_iterate (30);
      layout = soc_goal_tree_get_layout (tree);
      for (SocDirection d = SOC_DIRECTION_LEFT; d <= SOC_DIRECTION_DOWN; d++)
        {
          SocObject *from = soc_selection_get_focus (selection);
          static const guint keys[] = { GDK_KEY_Left, GDK_KEY_Right, GDK_KEY_Up, GDK_KEY_Down };

          g_assert_nonnull (soc_goal_layout_find_card (layout, SOC_GOAL (from), &card));
          g_assert_true (press (tree, keys[d], 0));
          if (soc_goal_layout_neighbour (layout, card, d, &next))
            g_assert_true (soc_selection_get_focus (selection) == SOC_OBJECT (soc_goal_layout_get_card (layout, next)->goal));
          else
            g_assert_true (soc_selection_get_focus (selection) == from);
        }
    }

  after = soc_test_serialize (doc);
  g_assert_cmpstr (after, ==, before);
  soc_ui_close_window (window);
}

/* A goal added with the keyboard is in sight while its title is typed,
 * however far to the side of the view the tree puts it. */
static void
test_goal_tree_new_goal_shown (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocSelection *selection = soc_window_get_selection (window);
  SocGoalTree *tree = show_goal_tree (window);
  SocGoal *vision = goal (doc, "g1");
  GListModel *children = soc_goal_get_children (vision);
  g_autoptr(SocObject) last = g_list_model_get_item (children, g_list_model_get_n_items (children) - 1);

  soc_goal_tree_set_zoom (tree, 1.0);
  soc_window_show_object (window, last);
  gtk_widget_grab_focus (GTK_WIDGET (tree));
  soc_ui_iterate (50);
  for (int i = 0; i < 4; i++)
    {
      SocGoal *added;
      const SocGoalCard *card;
      SocRect r, v;

      g_assert_true (press (tree, GDK_KEY_Return, 0));
      soc_ui_iterate (100);
      added = SOC_GOAL (soc_selection_get_focus (selection));
      g_assert_true (soc_goal_get_parent (added) == vision);
      g_assert_true (soc_canvas_get_renaming (SOC_CANVAS (tree)) == SOC_OBJECT (added));
      card = soc_goal_layout_find_card (soc_goal_tree_get_layout (tree), added, NULL);
      g_assert_nonnull (card);
      r = _soc_goal_tree_to_content (tree, &card->rect);
      v = soc_canvas_get_visible (SOC_CANVAS (tree));
      g_assert_cmpfloat (r.x, >=, v.x);
      g_assert_cmpfloat (r.x + r.width, <=, v.x + v.width);
      g_assert_cmpfloat (r.y, >=, v.y);
      g_assert_cmpfloat (r.y + r.height, <=, v.y + v.height);
      soc_canvas_cancel_rename (SOC_CANVAS (tree));
    }
  soc_ui_close_window (window);
}

/* A drag through the gesture's own signals: a card onto another goes
 * under it; Escape during one changes nothing. */
static void
test_goal_tree_drag (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocGoalTree *tree = show_goal_tree (window);
  SocGoal *buddy = goal (doc, "g7"), *answers = goal (doc, "g5"), *qa = goal (doc, "g10");
  GtkEventController *drag = find_controller (GTK_WIDGET (tree), GTK_TYPE_GESTURE_DRAG);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (tree));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tree));
  SocGoalLayout *layout;
  const SocGoalCard *from, *to;
  double zoom, x, y, dx, dy;

  g_assert_nonnull (drag);
  soc_goal_tree_set_orientation (tree, SOC_GOAL_LEFT_RIGHT);
  soc_goal_tree_set_zoom (tree, 0.5);
  soc_goal_tree_reveal (tree, SOC_OBJECT (buddy));
  soc_ui_iterate (60);
  layout = soc_goal_tree_get_layout (tree);
  zoom = soc_goal_tree_get_zoom (tree);
  from = soc_goal_layout_find_card (layout, buddy, NULL);
  to = soc_goal_layout_find_card (layout, qa, NULL);
  x = (from->rect.x + from->rect.width / 2) * zoom - gtk_adjustment_get_value (h);
  y = (from->rect.y + from->rect.height / 2) * zoom - gtk_adjustment_get_value (v);
  dx = (to->rect.x + to->rect.width / 2 - from->rect.x - from->rect.width / 2) * zoom;
  dy = (to->rect.y + to->rect.height / 2 - from->rect.y - from->rect.height / 2) * zoom;

  /* Escape in the middle of a drag: it ends, nothing changes. */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", dx, dy);
  g_assert_true (press (tree, GDK_KEY_Escape, 0));
  g_signal_emit_by_name (drag, "drag-end", dx, dy);
  soc_ui_settle ();
  g_assert_true (soc_goal_get_parent (buddy) == answers);
  g_assert_false (soc_document_get_modified (doc));

  /* Let go over the Q&A goal: under it, one step. */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", dx, dy);
  g_signal_emit_by_name (drag, "drag-end", dx, dy);
  soc_ui_settle ();
  g_assert_true (soc_goal_get_parent (buddy) == qa);
  g_assert_true (soc_document_undo (doc));

  /* A card onto one of its own sub-goals: refused, nothing changes. */
  from = soc_goal_layout_find_card (soc_goal_tree_get_layout (tree), answers, NULL);
  to = soc_goal_layout_find_card (soc_goal_tree_get_layout (tree), buddy, NULL);
  x = (from->rect.x + from->rect.width / 2) * zoom - gtk_adjustment_get_value (h);
  y = (from->rect.y + from->rect.height / 2) * zoom - gtk_adjustment_get_value (v);
  dx = (to->rect.x + to->rect.width / 2 - from->rect.x - from->rect.width / 2) * zoom;
  dy = (to->rect.y + to->rect.height / 2 - from->rect.y - from->rect.height / 2) * zoom;
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", dx, dy);
  g_signal_emit_by_name (drag, "drag-end", dx, dy);
  soc_ui_settle ();
  g_assert_true (soc_goal_get_parent (answers) == goal (doc, "g3"));
  g_assert_false (soc_document_get_modified (doc));
  soc_ui_close_window (window);
}

/* An empty picture says how to start, and says it to screen readers too:
 * the goal tree without goals, the timeline without items; with the first
 * one back (undo), it says nothing. */
static void
test_empty_hints (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocTimeline *timeline = show_timeline (window, SOC_ZOOM_MONTHS);
  SocGoalTree *tree = show_goal_tree (window);
  GtkAccessible *pictures[] = { GTK_ACCESSIBLE (tree), GTK_ACCESSIBLE (timeline) };
  GListModel *lists[] = { soc_document_get_goals (doc), soc_document_get_items (doc) };
  const char *described[] = {
    "Start at the End. Write down what the organisation wants to achieve. Tab adds the vision, "
    "then a sub-goal of the goal you are on; Enter adds the next goal beside it; F2 renames.",
    "Put the Work on a Timeline. Add the activities and milestones that carry the goals out, each "
    "with its dates, its lane (a workstream such as Culture and education, Guidelines and governance "
    "or Technology) and the goals it serves. Ctrl+Return adds an activity; drag a bar to move it.",
  };

  for (guint p = 0; p < G_N_ELEMENTS (pictures); p++)
    {
      g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      g_assert_false (gtk_test_accessible_has_property (pictures[p], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      for (guint i = 0; i < g_list_model_get_n_items (lists[p]); i++)
        g_ptr_array_add (all, g_list_model_get_item (lists[p], i));
      /* The keyboard on the last of them: it goes with them, and is then
       * on nothing, not on an object out of the plan. */
      soc_canvas_set_focus_object (SOC_CANVAS (pictures[p]), g_ptr_array_index (all, all->len - 1));
      g_assert_true (soc_edit_delete (doc, (SocObject **) all->pdata, all->len, &error));
      g_assert_no_error (error);
      soc_ui_iterate (20);
      g_assert_cmpuint (g_list_model_get_n_items (lists[p]), ==, 0);
      g_assert_null (soc_canvas_get_focus_object (SOC_CANVAS (pictures[p])));
      g_assert_true (gtk_test_accessible_has_property (pictures[p], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      gtk_test_accessible_assert_property (pictures[p], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described[p]);
      if (pictures[p] == GTK_ACCESSIBLE (tree))
        {
          /* As the hint says: Tab in the empty tree adds the vision. */
          g_assert_true (press (tree, GDK_KEY_Tab, 0));
          g_assert_cmpuint (g_list_model_get_n_items (lists[p]), ==, 1);
          soc_canvas_cancel_rename (SOC_CANVAS (tree));
          soc_document_undo (doc);
        }
      soc_document_undo (doc);
      soc_ui_iterate (20);
      g_assert_cmpuint (g_list_model_get_n_items (lists[p]), >, 0);
      g_assert_false (gtk_test_accessible_has_property (pictures[p], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    }
  soc_ui_close_window (window);
}

/* The part of the tree's layout in view. */
static SocRect
tree_area_in_view (SocGoalTree *tree)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (tree));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tree));
  double z = soc_goal_tree_get_zoom (tree);

  return SOC_RECT_INIT (gtk_adjustment_get_value (h) / z, gtk_adjustment_get_value (v) / z,
                        gtk_widget_get_width (GTK_WIDGET (tree)) / z, gtk_widget_get_height (GTK_WIDGET (tree)) / z);
}

/* Whether the tree has a child for each card in view and none for the
 * others (but the one with the keyboard). */
static gboolean
tree_children_follow (SocGoalTree *tree)
{
  SocGoalLayout *layout = soc_goal_tree_get_layout (tree);
  g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (guint));
  SocRect area = tree_area_in_view (tree);
  double z = soc_goal_tree_get_zoom (tree);
  graphene_rect_t bounds;
  guint children = 0;

  if (layout == NULL)
    return FALSE;
  soc_goal_layout_cards_in (layout, &area, cards);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (tree)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const SocGoalCard *card;

      if (!SOC_IS_CANVAS_ITEM (child))
        continue;
      card = soc_goal_layout_find_card (layout, SOC_GOAL (soc_canvas_item_get_object (SOC_CANVAS_ITEM (child))), NULL);
      if (card == NULL || !soc_rect_intersects (&card->rect, &area))
        {
          if (!gtk_widget_has_focus (child))
            return FALSE;
          continue;
        }
      /* Over its card: placed at the frame after a scroll or a zoom. */
      if (!gtk_widget_compute_bounds (child, GTK_WIDGET (tree), &bounds) ||
          fabs (bounds.origin.x - (card->rect.x - area.x) * z) >= 1.5 ||
          fabs (bounds.origin.y - (card->rect.y - area.y) * z) >= 1.5)
        return FALSE;
      children++;
    }
  return children == cards->len;
}

/* The tree and each visible card as screen readers find them, following
 * zoom, scrolling, folding and the orientation; the outline beside it on
 * the same selection. */
static void
test_goal_tree_accessible (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocGoalTree *tree = show_goal_tree (window);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (tree));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tree));
  const double zoom[] = { 1.0, 0.5, 0.25 };

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (tree), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tree), GTK_ACCESSIBLE_PROPERTY_LABEL, "Goal tree");

  for (guint round = 0; round < G_N_ELEMENTS (zoom) * 2; round++)
    {
      SocGoalLayout *layout;
      g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (guint));
      double z;
      SocRect area;
      guint children = 0;

      soc_goal_tree_set_orientation (tree, round % 2 == 0 ? SOC_GOAL_TOP_DOWN : SOC_GOAL_LEFT_RIGHT);
      soc_goal_tree_set_collapsed (tree, goal (doc, "g8"), round >= 2);
      soc_goal_tree_set_zoom (tree, zoom[round / 2]);
      gtk_adjustment_set_value (round % 2 == 0 ? h : v, (round % 2 == 0 ? gtk_adjustment_get_upper (h) : gtk_adjustment_get_upper (v)) / 4);
      soc_ui_iterate (80);
      /* The children follow the view at its next frames: on a machine busy
       * with other tests those may come later than 80 ms. */
      for (guint t = 0; t < 60 && !tree_children_follow (tree); t++)
        soc_ui_iterate (50);
      layout = soc_goal_tree_get_layout (tree);
      z = soc_goal_tree_get_zoom (tree);
      area = tree_area_in_view (tree);
      soc_goal_layout_cards_in (layout, &area, cards);
      g_assert_cmpuint (cards->len, >, 0);

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (tree)); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          SocGoal *g;
          const SocGoalCard *card;
          graphene_rect_t bounds;

          if (!SOC_IS_CANVAS_ITEM (child))
            continue;
          g = SOC_GOAL (soc_canvas_item_get_object (SOC_CANVAS_ITEM (child)));
          card = soc_goal_layout_find_card (layout, g, NULL);
          /* The one with the keyboard stays while it has it, even out of view. */
          if (gtk_widget_has_focus (child) && (card == NULL || !soc_rect_intersects (&card->rect, &area)))
            continue;
          children++;
          g_assert_nonnull (card);
          g_assert_true (soc_rect_intersects (&card->rect, &area));
          gtk_test_accessible_assert_role (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_ROLE_BUTTON);
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, soc_goal_get_title (g));
          /* Described by its kind first, then its progress. */
          {
            g_autofree char *description = _soc_goal_tree_describe (tree, g);
            const char *kind = soc_enum_to_label (SOC_TYPE_GOAL_KIND, soc_goal_get_kind (g));

            g_assert_true (g_str_has_prefix (description, kind));
            g_assert_true (strstr (description, " %") != NULL || strstr (description, "nothing measured") != NULL);
            gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
          }
          /* Over its card. */
          g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (tree), &bounds));
          g_assert_cmpfloat (fabs (bounds.origin.x - (card->rect.x * z - gtk_adjustment_get_value (h))), <, 1.5);
          g_assert_cmpfloat (fabs (bounds.origin.y - (card->rect.y * z - gtk_adjustment_get_value (v))), <, 1.5);
        }
      g_assert_cmpuint (children, ==, cards->len);
    }

  /* Selected in the outline: the same goal is the tree's. */
  soc_goal_tree_set_collapsed (tree, goal (doc, "g8"), TRUE);
  soc_window_show_object (window, soc_document_lookup (doc, "g12"));
  soc_ui_iterate (80);
  g_assert_false (soc_goal_tree_is_collapsed (tree, goal (doc, "g8")));
  g_assert_true (soc_canvas_get_focus_object (SOC_CANVAS (tree)) == soc_document_lookup (doc, "g12"));
  soc_ui_close_window (window);
}

/* The row of WIDGET's descendants titled TITLE, if any. */
static AdwActionRow *
find_action_row (GtkWidget  *widget,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found;

      if (ADW_IS_ACTION_ROW (child) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return ADW_ACTION_ROW (child);
      if ((found = find_action_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
progress_shown (gpointer inspector)
{
  return find_action_row (inspector, "Progress") != NULL;
}

/* Progress as the outline and the inspector say it: what the percentage
 * means, following the metrics under a goal. */
static void
test_goal_progress_shown (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocGoal *competence = goal (doc, "g3"), *days = goal (doc, "g4");
  g_autofree char *metric = soc_format_progress (doc, days);
  g_autofree char *rolled = soc_format_progress (doc, competence);
  g_autofree char *none = soc_format_progress (doc, goal (doc, "g33"));
  AdwActionRow *row;
  GValue v = G_VALUE_INIT;

  /* A metric: where it stands, and its percentage of the way to its target. */
  g_assert_cmpstr (metric, ==, "84 days: 20 % of the way from 90 to 60");
  /* Any other goal: the mean of what is measured under it, and how much. */
  g_assert_cmpstr (rolled, ==, "35 % from 2 metrics");
  g_assert_cmpstr (none, ==, "nothing measured yet");

  /* The inspector shows it, and follows a change under the goal. */
  show_goal_tree (window);
  soc_window_show_object (window, SOC_OBJECT (competence));
  /* The form follows a frame after the selection: wait for it. */
  g_assert_true (soc_ui_wait_for (progress_shown, window->inspector, 3000));
  row = find_action_row (GTK_WIDGET (window->inspector), "Progress");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "35 % from 2 metrics");
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, 60);
  g_assert_true (soc_edit_set (doc, SOC_OBJECT (days), "current", &v, NULL));
  soc_ui_settle ();
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "75 % from 2 metrics");
  g_assert_true (soc_document_undo (doc));
  soc_ui_settle ();
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "35 % from 2 metrics");
  soc_ui_close_window (window);
}

/* ------------------------------------------------------------------------ */
/* The stakeholder map                                                      */

static SocStakeholdersView *
stakeholders_view (SocWindow *window)
{
  for (guint i = 0; i < window->views->len; i++)
    if (SOC_IS_STAKEHOLDERS_VIEW (g_ptr_array_index (window->views, i)))
      return g_ptr_array_index (window->views, i);
  g_assert_not_reached ();
  return NULL;
}

/* The window's map, shown, at the zoom asked. */
static SocStakeholderMap *
show_map (SocWindow *window,
          double     zoom)
{
  SocStakeholderMap *map;

  soc_window_show_view (window, "stakeholders");
  map = soc_stakeholders_view_get_map (stakeholders_view (window));
  soc_ui_wait_stable (GTK_WIDGET (map));
  soc_stakeholder_map_set_zoom (map, zoom);
  soc_ui_iterate (50);
  return map;
}

static SocStakeholder *
stakeholder (SocDocument *doc,
             const char  *id)
{
  return SOC_STAKEHOLDER (soc_document_lookup (doc, id));
}

/* A new user's first look at the map, in a window of the size it opens
 * at: the whole grid is in sight, its four quadrants and both axes, not
 * cut at the table's edge. */
static void
test_map_fits_first_look (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocStakeholderMap *map;
  SocMapMetrics m;
  SocRect v;
  double zoom;
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1200);   /* the schema's default */
  soc_window_show_view (window, "stakeholders");
  map = soc_stakeholders_view_get_map (stakeholders_view (window));
  soc_ui_wait_stable (GTK_WIDGET (map));
  soc_ui_iterate (100);

  soc_map_metrics_init (&m);
  zoom = soc_stakeholder_map_get_zoom (map);
  v = soc_canvas_get_visible (SOC_CANVAS (map));
  g_assert_cmpfloat (m.margin_left + SOC_MAP_MAX_VALUE * zoom + m.margin_right, <=, v.width);
  g_assert_cmpfloat (m.margin_top + SOC_MAP_MAX_VALUE * zoom + m.margin_bottom, <=, v.height);
  g_assert_cmpfloat (v.x, ==, 0);
  g_assert_cmpfloat (v.y, ==, 0);

  /* However narrow the user makes the map, the fit keeps the grid whole
   * down to a map a hundred points wide and its axes. */
  {
    GtkWidget *paned = gtk_widget_get_ancestor (GTK_WIDGET (map), GTK_TYPE_PANED);

    g_assert_nonnull (paned);
    gtk_paned_set_position (GTK_PANED (paned), (int) (m.margin_left + m.margin_right) + 120);
    soc_ui_iterate (300);
    zoom = soc_stakeholder_map_get_zoom (map);
    v = soc_canvas_get_visible (SOC_CANVAS (map));
    g_assert_cmpfloat (m.margin_left + SOC_MAP_MAX_VALUE * zoom + m.margin_right, <=, v.width);
  }
  soc_ui_close_window (window);
}

/* Where a bubble is on the widget. */
static void
bubble_at (SocStakeholderMap *map,
           SocStakeholder    *s,
           double            *x,
           double            *y)
{
  const SocMapBubble *b = soc_map_layout_find_bubble (soc_stakeholder_map_get_layout (map), s, NULL);
  SocRect v;

  g_assert_nonnull (b);
  v = soc_canvas_get_visible (SOC_CANVAS (map));
  *x = b->center.x - v.x;
  *y = b->center.y - v.y;
}

/* Each gesture's function: the edit, its undo label, and its undo. */
static void
test_map_edits (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocHistory *history = soc_document_get_history (doc);
  SocSelection *selection = soc_window_get_selection (window);
  SocStakeholderMap *map = show_map (window, 8);
  SocStakeholder *maria = stakeholder (doc, "s1"), *tomas = stakeholder (doc, "s2"), *anna = stakeholder (doc, "s5");
  g_autofree char *before = soc_test_serialize (doc);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint64 state = soc_history_get_state (history);
  guint n_rel = g_list_model_get_n_items (soc_document_get_relationships (doc));
  int influence, interest;

  /* Move: both numbers in one step that says where to. */
  g_assert_true (soc_stakeholder_map_move (map, maria, 80, 65, &error));
  g_assert_no_error (error);
  g_assert_cmpint (soc_stakeholder_get_influence (maria), ==, 80);
  g_assert_cmpint (soc_stakeholder_get_interest (maria), ==, 65);
  g_assert_cmpstr (soc_history_get_undo_label (history), ==, "Move “Maria Lindqvist” to influence 80, interest 65");
  g_assert_true (soc_document_undo (doc));
  g_assert_cmpuint (soc_history_get_state (history), ==, state);
  g_assert_cmpint (soc_stakeholder_get_influence (maria), ==, 90);
  g_assert_cmpint (soc_stakeholder_get_interest (maria), ==, 70);
  /* One number only, still one step; the same numbers, none. */
  g_assert_true (soc_stakeholder_map_move (map, maria, 90, 72, &error));
  g_assert_cmpstr (soc_history_get_undo_label (history), ==, "Move “Maria Lindqvist” to influence 90, interest 72");
  g_assert_true (soc_document_undo (doc));
  g_assert_cmpuint (soc_history_get_state (history), ==, state);
  g_assert_true (soc_stakeholder_map_move (map, maria, 90, 70, &error));
  g_assert_cmpuint (soc_history_get_state (history), ==, state);
  /* Out of range: refused by the core, nothing changes. */
  g_assert_false (soc_stakeholder_map_move (map, maria, 101, 70, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (soc_stakeholder_get_influence (maria), ==, 90);
  g_assert_cmpuint (soc_history_get_state (history), ==, state);

  /* A drag's numbers: whole points at the zoom, within 0 to 100. */
  soc_stakeholder_map_drag_values (map, maria, 3.4 * 8, -2.6 * 8, &influence, &interest);
  g_assert_cmpint (interest, ==, 73);
  g_assert_cmpint (influence, ==, 93);
  soc_stakeholder_map_drag_values (map, maria, 1000, -1000, &influence, &interest);
  g_assert_cmpint (interest, ==, 100);
  g_assert_cmpint (influence, ==, 100);

  /* Shift+arrows: by 1; with Ctrl, by 5; at the edge, no further. */
  soc_selection_select (selection, SOC_OBJECT (maria));
  g_assert_true (soc_stakeholder_map_nudge (map, 1, 0, &error));
  g_assert_cmpint (soc_stakeholder_get_interest (maria), ==, 71);
  g_assert_true (soc_stakeholder_map_nudge (map, 0, 5, &error));
  g_assert_cmpint (soc_stakeholder_get_influence (maria), ==, 95);
  g_assert_true (soc_stakeholder_map_nudge (map, 0, 5, &error));
  g_assert_true (soc_stakeholder_map_nudge (map, 0, 5, &error));
  g_assert_cmpint (soc_stakeholder_get_influence (maria), ==, 100);
  g_assert_cmpstr (soc_history_get_undo_label (history), ==, "Move “Maria Lindqvist” to influence 100, interest 71");
  for (guint i = 0; i < 3; i++)
    g_assert_true (soc_document_undo (doc));
  g_assert_cmpint (soc_stakeholder_get_influence (maria), ==, 90);
  g_assert_cmpint (soc_stakeholder_get_interest (maria), ==, 70);
  /* Several selected: one step for all. */
  {
    SocObject *two[] = { SOC_OBJECT (maria), SOC_OBJECT (anna) };

    soc_selection_set (selection, two, 2, SOC_OBJECT (anna));
    g_assert_true (soc_stakeholder_map_nudge (map, -5, 0, &error));
    g_assert_cmpint (soc_stakeholder_get_interest (maria), ==, 65);
    g_assert_cmpint (soc_stakeholder_get_interest (anna), ==, 90);
    g_assert_cmpstr (soc_history_get_undo_label (history), ==, "Move 2 stakeholders");
    g_assert_true (soc_document_undo (doc));
    g_assert_cmpint (soc_stakeholder_get_interest (anna), ==, 95);
  }

  /* Link: a relationship of the kind chosen, one step; its own undo. */
  {
    SocRelationship *rel = soc_stakeholder_map_link (map, tomas, anna, SOC_RELATION_KIND_MENTORS, &error);

    g_assert_no_error (error);
    g_assert_nonnull (rel);
    g_assert_true (soc_relationship_get_from (rel) == tomas);
    g_assert_true (soc_relationship_get_to (rel) == anna);
    g_assert_cmpint (soc_relationship_get_kind (rel), ==, SOC_RELATION_KIND_MENTORS);
    g_assert_cmpuint (g_list_model_get_n_items (soc_document_get_relationships (doc)), ==, n_rel + 1);
    soc_ui_settle ();
    g_assert_nonnull (soc_map_layout_find_edge (soc_stakeholder_map_get_layout (map), rel, NULL));
    g_assert_true (soc_document_undo (doc));
    g_assert_cmpuint (g_list_model_get_n_items (soc_document_get_relationships (doc)), ==, n_rel);
  }
  /* To oneself: refused by the core. */
  g_assert_null (soc_stakeholder_map_link (map, tomas, tomas, SOC_RELATION_KIND_INFLUENCES, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  soc_selection_clear (selection);
  after = soc_test_serialize (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (soc_document_get_modified (doc));
  soc_ui_close_window (window);
}

/* Drags through the gesture's own signals: a bubble moves, the numbers it
 * would take shown; Escape during one changes nothing; from the handle, a
 * relationship to another bubble, its kind chosen in the popover. */
static void
test_map_drag (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocSelection *selection = soc_window_get_selection (window);
  SocHistory *history = soc_document_get_history (doc);
  SocStakeholderMap *map = show_map (window, 8);
  SocStakeholder *maria = stakeholder (doc, "s1"), *jonas = stakeholder (doc, "s6");
  GtkEventController *drag = find_controller (GTK_WIDGET (map), GTK_TYPE_GESTURE_DRAG);
  GtkEventController *keys = find_controller (GTK_WIDGET (map), GTK_TYPE_EVENT_CONTROLLER_KEY);
  guint n_rel = g_list_model_get_n_items (soc_document_get_relationships (doc));
  gboolean handled = FALSE;
  double x, y;

  g_assert_nonnull (drag);
  g_assert_nonnull (keys);
  soc_stakeholder_map_reveal (map, SOC_OBJECT (maria));
  soc_ui_iterate (50);
  bubble_at (map, maria, &x, &y);

  /* Escape in the middle of a drag: the drag ends, nothing changes. */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", -5.0 * 8, 10.0 * 8);
  g_assert_true (soc_selection_get_focus (selection) == SOC_OBJECT (maria));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (drag, "drag-end", -5.0 * 8, 10.0 * 8);
  soc_ui_settle ();
  g_assert_cmpint (soc_stakeholder_get_influence (maria), ==, 90);
  g_assert_cmpint (soc_stakeholder_get_interest (maria), ==, 70);
  g_assert_false (soc_document_get_modified (doc));

  /* The same drag, let go: 10 points less influence, 5 less interest, one step. */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", -5.0 * 8, 10.0 * 8);
  g_signal_emit_by_name (drag, "drag-end", -5.0 * 8, 10.0 * 8);
  soc_ui_settle ();
  g_assert_cmpint (soc_stakeholder_get_influence (maria), ==, 80);
  g_assert_cmpint (soc_stakeholder_get_interest (maria), ==, 65);
  g_assert_cmpstr (soc_history_get_undo_label (history), ==, "Move “Maria Lindqvist” to influence 80, interest 65");
  g_assert_true (soc_document_undo (doc));
  g_assert_false (soc_document_get_modified (doc));
  soc_ui_iterate (50);

  /* From the handle of the selected bubble to another: the popover asks
   * the kind; nothing is added until one is chosen. */
  {
    SocMapLayout *layout = soc_stakeholder_map_get_layout (map);
    guint index;
    SocPoint h;
    SocRect v = soc_canvas_get_visible (SOC_CANVAS (map));
    double tx, ty;
    SocStakeholder *from = NULL, *to = NULL;

    soc_selection_select (selection, SOC_OBJECT (maria));
    soc_ui_iterate (20);
    g_assert_nonnull (soc_map_layout_find_bubble (layout, maria, &index));
    h = soc_map_layout_handle (layout, index);
    bubble_at (map, jonas, &tx, &ty);
    g_signal_emit_by_name (drag, "drag-begin", h.x - v.x, h.y - v.y);
    g_signal_emit_by_name (drag, "drag-update", tx - (h.x - v.x), ty - (h.y - v.y));
    g_signal_emit_by_name (drag, "drag-end", tx - (h.x - v.x), ty - (h.y - v.y));
    soc_ui_settle ();
    g_assert_true (soc_stakeholder_map_get_proposed_link (map, &from, &to));
    g_assert_true (from == maria);
    g_assert_true (to == jonas);
    g_assert_cmpuint (g_list_model_get_n_items (soc_document_get_relationships (doc)), ==, n_rel);
    g_assert_cmpint (soc_stakeholder_get_influence (maria), ==, 90);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "map.link-kind", "i", SOC_RELATION_KIND_INFLUENCES));
    soc_ui_settle ();
    g_assert_false (soc_stakeholder_map_get_proposed_link (map, NULL, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (soc_document_get_relationships (doc)), ==, n_rel + 1);
    {
      g_autoptr(SocRelationship) rel = g_list_model_get_item (soc_document_get_relationships (doc), n_rel);

      g_assert_true (soc_relationship_get_from (rel) == maria);
      g_assert_true (soc_relationship_get_to (rel) == jonas);
      g_assert_cmpint (soc_relationship_get_kind (rel), ==, SOC_RELATION_KIND_INFLUENCES);
      /* The new relationship is selected, for the inspector. */
      g_assert_true (soc_selection_get_focus (selection) == SOC_OBJECT (rel));
    }
    g_assert_true (soc_document_undo (doc));
    g_assert_cmpuint (g_list_model_get_n_items (soc_document_get_relationships (doc)), ==, n_rel);

    /* Dropped on empty room: nothing proposed. */
    soc_selection_select (selection, SOC_OBJECT (maria));
    soc_ui_iterate (20);
    layout = soc_stakeholder_map_get_layout (map);
    g_assert_nonnull (soc_map_layout_find_bubble (layout, maria, &index));
    h = soc_map_layout_handle (layout, index);
    v = soc_canvas_get_visible (SOC_CANVAS (map));
    g_signal_emit_by_name (drag, "drag-begin", h.x - v.x, h.y - v.y);
    g_signal_emit_by_name (drag, "drag-update", 6.0, -120.0);
    g_signal_emit_by_name (drag, "drag-end", 6.0, -120.0);
    soc_ui_settle ();
    g_assert_false (soc_stakeholder_map_get_proposed_link (map, NULL, NULL));
  }
  g_assert_false (soc_document_get_modified (doc));
  soc_ui_close_window (window);
}

/* The arrow keys follow the layout; Shift+arrows nudge, Ctrl makes it 5. */
static void
test_map_keyboard (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocSelection *selection = soc_window_get_selection (window);
  SocStakeholderMap *map = show_map (window, 7);
  SocMapLayout *layout = soc_stakeholder_map_get_layout (map);
  GtkEventController *keys = find_controller (GTK_WIDGET (map), GTK_TYPE_EVENT_CONTROLLER_KEY);
  SocStakeholder *henrik = stakeholder (doc, "s18");
  gboolean handled = FALSE;
  guint bubble, next;

  soc_window_show_object (window, SOC_OBJECT (henrik));
  soc_ui_iterate (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "stakeholders");
  g_assert_true (soc_selection_get_focus (selection) == SOC_OBJECT (henrik));
  for (SocDirection d = SOC_DIRECTION_LEFT; d <= SOC_DIRECTION_DOWN; d++)
    {
      SocObject *from = soc_selection_get_focus (selection);

      layout = soc_stakeholder_map_get_layout (map);
      g_assert_nonnull (soc_map_layout_find_bubble (layout, SOC_STAKEHOLDER (from), &bubble));
      if (soc_map_layout_neighbour (layout, bubble, d, &next))
        {
          g_assert_true (soc_stakeholder_map_step (map, d));
          g_assert_true (soc_selection_get_focus (selection) == SOC_OBJECT (soc_map_layout_get_bubble (layout, next)->stakeholder));
          /* The keyboard focus is on its child. */
          g_assert_true (soc_canvas_get_focus_object (SOC_CANVAS (map)) == soc_selection_get_focus (selection));
        }
      else
        g_assert_false (soc_stakeholder_map_step (map, d));
    }

  /* Through the key controller: Up moves to the nearest above; Shift+Right
   * adds a point of interest; Ctrl+Shift+Down takes five of influence. */
  soc_selection_select (selection, SOC_OBJECT (henrik));
  layout = soc_stakeholder_map_get_layout (map);
  g_assert_nonnull (soc_map_layout_find_bubble (layout, henrik, &bubble));
  g_assert_true (soc_map_layout_neighbour (layout, bubble, SOC_DIRECTION_UP, &next));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Up, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (soc_selection_get_focus (selection) == SOC_OBJECT (soc_map_layout_get_bubble (layout, next)->stakeholder));
  soc_selection_select (selection, SOC_OBJECT (henrik));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, GDK_SHIFT_MASK, &handled);
  g_assert_true (handled);
  g_assert_cmpint (soc_stakeholder_get_interest (henrik), ==, 51);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, GDK_SHIFT_MASK | GDK_CONTROL_MASK, &handled);
  g_assert_cmpint (soc_stakeholder_get_influence (henrik), ==, 70);
  g_assert_true (soc_document_undo (doc));
  g_assert_true (soc_document_undo (doc));
  g_assert_cmpint (soc_stakeholder_get_influence (henrik), ==, 75);
  g_assert_cmpint (soc_stakeholder_get_interest (henrik), ==, 50);
  g_assert_false (soc_document_get_modified (doc));
  soc_ui_close_window (window);
}

static guint
count_map_children (SocStakeholderMap *map)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += SOC_IS_CANVAS_ITEM (child);
  return n;
}

/* How many bubbles MAP shows in view, inside its axes. */
static guint
n_bubbles_in_view (SocStakeholderMap *map)
{
  g_autoptr(GArray) bubbles = g_array_new (FALSE, FALSE, sizeof (guint));
  SocMapLayout *layout = soc_stakeholder_map_get_layout (map);
  SocRect visible = soc_canvas_get_visible (SOC_CANVAS (map)), left, bottom, area;

  soc_map_axes_bounds (layout, &visible, &left, &bottom);
  area = SOC_RECT_INIT (visible.x + left.width, visible.y, visible.width - left.width, bottom.y - visible.y);
  soc_map_layout_bubbles_in (layout, &area, FALSE, bubbles);
  return bubbles->len;
}

/* Whether the map's children are those of the bubbles in view (each in
 * view has one; a child kept aside for the keyboard aside). */
static gboolean
map_children_follow (gpointer map)
{
  guint n = count_map_children (map), in_view = n_bubbles_in_view (map);
  gboolean focus_inside = FALSE;

  SocRect visible = soc_canvas_get_visible (SOC_CANVAS (map));

  for (GtkWidget *child = gtk_widget_get_first_child (map); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const SocMapBubble *b;
      graphene_rect_t bounds;

      if (!SOC_IS_CANVAS_ITEM (child))
        continue;
      focus_inside |= gtk_widget_has_focus (child);
      b = soc_map_layout_find_bubble (soc_stakeholder_map_get_layout (map),
                                      SOC_STAKEHOLDER (soc_canvas_item_get_object (SOC_CANVAS_ITEM (child))), NULL);
      /* Over its bubble: placed at the frame after a scroll or a zoom. */
      if (b != NULL && !gtk_widget_has_focus (child) &&
          (!gtk_widget_compute_bounds (child, map, &bounds) ||
           fabs (bounds.origin.x + bounds.size.width / 2 - (b->center.x - visible.x)) >= 1.5 ||
           fabs (bounds.origin.y + bounds.size.height / 2 - (b->center.y - visible.y)) >= 1.5))
        return FALSE;
    }
  return gtk_widget_get_mapped (map) && (n == in_view || (focus_inside && n == in_view + 1));
}

/* The map and each visible bubble as screen readers find them, following
 * scrolling, zoom and the filter; the table beside it keeps everyone. */
static void
test_map_accessible (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocStakeholderMap *map = show_map (window, 7);
  const double zoom[] = { 6, 14, 30 };
  SocMapFilter filter;

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (map), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (map), GTK_ACCESSIBLE_PROPERTY_LABEL, "Stakeholder map");

  soc_map_filter_init (&filter);
  for (guint round = 0; round < G_N_ELEMENTS (zoom) * 2 + 1; round++)
    {
      SocMapLayout *layout;
      g_autoptr(GArray) bubbles = g_array_new (FALSE, FALSE, sizeof (guint));
      SocRect visible, left, bottom, area;
      guint children = 0, tab_stops = 0;
      SocObject *focus;
      gboolean focus_shown = FALSE;

      if (round < G_N_ELEMENTS (zoom) * 2)
        {
          soc_stakeholder_map_set_zoom (map, zoom[round / 2]);
          /* Scrolled to someone, then to someone far from them. */
          soc_stakeholder_map_reveal (map, SOC_OBJECT (stakeholder (doc, round % 2 == 0 ? "s1" : round % 4 == 1 ? "s22" : "s5")));
        }
      else
        {
          /* Only the leaders and the managers: the others have no child. */
          soc_stakeholder_map_zoom_to_fit (map);
          filter.profiles = (1u << SOC_PROFILE_LEADERSHIP) | (1u << SOC_PROFILE_MANAGEMENT);
          soc_stakeholder_map_set_filter (map, &filter);
        }
      soc_ui_iterate (80);
      g_assert_true (soc_ui_wait_for (map_children_follow, map, 3000));
      layout = soc_stakeholder_map_get_layout (map);
      visible = soc_canvas_get_visible (SOC_CANVAS (map));
      soc_map_axes_bounds (layout, &visible, &left, &bottom);
      area = SOC_RECT_INIT (visible.x + left.width, visible.y, visible.width - left.width, bottom.y - visible.y);
      soc_map_layout_bubbles_in (layout, &area, FALSE, bubbles);
      g_assert_cmpuint (bubbles->len, >, 0);

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          SocStakeholder *s;
          const SocMapBubble *b;

          if (!SOC_IS_CANVAS_ITEM (child))
            continue;
          s = SOC_STAKEHOLDER (soc_canvas_item_get_object (SOC_CANVAS_ITEM (child)));
          b = soc_map_layout_find_bubble (layout, s, NULL);
          /* The one with the keyboard stays while out of view, aside. */
          if (gtk_widget_has_focus (child) && (b == NULL || !soc_rect_intersects (&area, &(SocRect) { b->center.x - b->radius, b->center.y - b->radius, 2 * b->radius, 2 * b->radius })))
            continue;
          children++;
          g_assert_nonnull (b);
          g_assert_true (soc_map_filter_accepts (&filter, s));
          tab_stops += gtk_widget_get_focusable (child);
          gtk_test_accessible_assert_role (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_ROLE_BUTTON);
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                               soc_stakeholder_get_name (s));
          /* Over its bubble. */
          {
            graphene_rect_t bounds;

            g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (map), &bounds));
            g_assert_cmpfloat (fabs (bounds.origin.x + bounds.size.width / 2 - (b->center.x - visible.x)), <, 1.5);
            g_assert_cmpfloat (fabs (bounds.origin.y + bounds.size.height / 2 - (b->center.y - visible.y)), <, 1.5);
          }
        }
      g_assert_cmpuint (children, ==, bubbles->len);
      /* One tab stop, the focus object's (else the first in view): Tab
       * leaves the map, the arrows move within it. */
      focus = soc_canvas_get_focus_object (SOC_CANVAS (map));
      for (guint i = 0; i < bubbles->len; i++)
        focus_shown |= SOC_OBJECT (soc_map_layout_get_bubble (layout, g_array_index (bubbles, guint, i))->stakeholder) == focus;
      g_assert_cmpuint (tab_stops, ==, focus == NULL || focus_shown ? 1 : 0);
    }

  /* Described by profile, stance (and the one wanted) and quadrant. */
  {
    SocStakeholder *maria = stakeholder (doc, "s1");
    GtkWidget *child = soc_canvas_get_child_for (SOC_CANVAS (map), SOC_OBJECT (maria));

    g_assert_nonnull (child);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         "Leadership, Supporter, wanted Champion. Manage closely: influence 90, interest 70");
    /* Filtered away: no bubble, no hit, no child; still in the table. */
    g_assert_null (soc_map_layout_find_bubble (soc_stakeholder_map_get_layout (map), stakeholder (doc, "s15"), NULL));
    g_assert_null (soc_canvas_get_child_for (SOC_CANVAS (map), SOC_OBJECT (stakeholder (doc, "s15"))));
    g_assert_nonnull (find_column_view (GTK_WIDGET (stakeholders_view (window)), SOC_TYPE_STAKEHOLDER));
    g_assert_cmpuint (row_of (find_column_view (GTK_WIDGET (stakeholders_view (window)), SOC_TYPE_STAKEHOLDER),
                              stakeholder (doc, "s15")), !=, GTK_INVALID_LIST_POSITION);
  }
  soc_stakeholder_map_set_filter (map, NULL);
  /* The children follow at the map's next layout. */
  g_assert_true (soc_ui_wait_for (map_children_follow, map, 3000));

  /* Another page shown: no children while hidden, even as the plan
   * changes; shown again, a child for each bubble in view. */
  {
    guint before = count_map_children (map);

    g_assert_cmpuint (before, >, 0);
    soc_window_show_view (window, "roadmap");
    soc_ui_iterate (50);
    g_assert_true (soc_edit_set_int (doc, SOC_OBJECT (stakeholder (doc, "s2")), "interest", 41, NULL));
    soc_ui_iterate (50);
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (map)));
    g_assert_cmpuint (count_map_children (map), ==, 0);
    soc_window_show_view (window, "stakeholders");
    soc_ui_wait_stable (GTK_WIDGET (map));
    g_assert_true (soc_ui_wait_for (map_children_follow, map, 3000));
    g_assert_cmpuint (count_map_children (map), ==, before);
  }
  soc_ui_close_window (window);
}

/* A crowd: thousands in view get no child each, only what is selected
 * and where the keyboard is; the arrows still move through them. */
static void
test_map_crowd (void)
{
  g_autoptr(SocDocument) big = soc_document_new ();
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "crowd.socplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  SocWindow *window;
  SocStakeholderMap *map;
  SocSelection *selection;
  guint children = 0, counts;
  SocObject *chosen;

  for (guint i = 0; i < SOC_MAP_CROWD + 500; i++)
    {
      g_autoptr(SocStakeholder) s = soc_stakeholder_new (SOC_STAKEHOLDER_KIND_PERSON);

      g_object_set (s, "name", "Someone", "influence", g_rand_int_range (rand, 0, 101),
                    "interest", g_rand_int_range (rand, 0, 101), NULL);
      g_assert_nonnull (soc_edit_add (big, SOC_OBJECT (s), NULL, i, &error));
    }
  g_assert_true (soc_document_save (big, file, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);

  window = soc_ui_open_window (app, path);
  selection = soc_window_get_selection (window);
  map = show_map (window, SOC_MAP_ZOOM_MIN);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    children += SOC_IS_CANVAS_ITEM (child);
  g_assert_cmpuint (children, >=, 1);
  g_assert_cmpuint (children, <=, 2);
  /* A crowd shows no names, and none were placed. */
  g_assert_false (soc_map_layout_has_names (_soc_stakeholder_map_ensure_layout (map)));

  /* The arrow keys: a child for each stakeholder they reach. */
  g_assert_true (soc_stakeholder_map_step (map, SOC_DIRECTION_RIGHT));
  g_assert_true (soc_stakeholder_map_step (map, SOC_DIRECTION_DOWN));
  soc_ui_settle ();
  chosen = soc_selection_get_focus (selection);
  g_assert_true (SOC_IS_STAKEHOLDER (chosen));
  g_assert_nonnull (soc_canvas_get_child_for (SOC_CANVAS (map), chosen));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (soc_canvas_get_child_for (SOC_CANVAS (map), chosen)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Someone");

  /* Steps that leave the view where it is do not count the crowd again:
   * thousands of bubbles walked at every step. A change to the plan does. */
  counts = _soc_stakeholder_map_get_n_counts (map);
  for (guint k = 0; k < 4; k++)
    g_assert_true (soc_stakeholder_map_step (map, k % 2 ? SOC_DIRECTION_LEFT : SOC_DIRECTION_RIGHT));
  soc_ui_settle ();
  g_assert_cmpuint (_soc_stakeholder_map_get_n_counts (map), ==, counts);
  chosen = soc_selection_get_focus (selection);
  g_assert_nonnull (soc_canvas_get_child_for (SOC_CANVAS (map), chosen));
  g_assert_true (soc_edit_set_int (soc_window_get_document (window), chosen, "influence",
                                   (soc_stakeholder_get_influence (SOC_STAKEHOLDER (chosen)) + 1) % 101, &error));
  soc_ui_iterate (100);
  g_assert_cmpuint (_soc_stakeholder_map_get_n_counts (map), >, counts);
  soc_ui_close_window (window);
  soc_test_rm_rf (dir);
}

/* One selection: a bubble chosen on the map is the table's row, and a row
 * selected in the table is the map's bubble, with the keyboard on it. */
static void
test_map_selection (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocSelection *selection = soc_window_get_selection (window);
  SocStakeholderMap *map = show_map (window, 7);
  GtkColumnView *table = find_column_view (GTK_WIDGET (stakeholders_view (window)), SOC_TYPE_STAKEHOLDER);
  SocStakeholder *priya = stakeholder (doc, "s7");
  g_autoptr(GPtrArray) rows = NULL;
  SocObject *next;

  g_assert_nonnull (table);
  /* Not a crowd: its names are placed, as it was painted. */
  g_assert_true (soc_map_layout_has_names (_soc_stakeholder_map_ensure_layout (map)));
  g_assert_cmpuint (soc_map_layout_get_n_labels (_soc_stakeholder_map_ensure_layout (map)), >, 0);
  /* A row selected in the table: the map's selection, its keyboard focus. */
  gtk_selection_model_select_item (gtk_column_view_get_model (table), row_of (table, priya), TRUE);
  soc_ui_settle ();
  g_assert_true (soc_selection_get_focus (selection) == SOC_OBJECT (priya));
  g_assert_true (soc_canvas_get_focus_object (SOC_CANVAS (map)) == SOC_OBJECT (priya));
  g_assert_true (soc_stakeholders_view_get_selected (stakeholders_view (window)) == SOC_OBJECT (priya));

  /* The arrow keys on the map: that row in the table. */
  g_assert_true (soc_stakeholder_map_step (map, SOC_DIRECTION_UP));
  soc_ui_settle ();
  next = soc_selection_get_focus (selection);
  g_assert_true (SOC_IS_STAKEHOLDER (next));
  g_assert_true (next != SOC_OBJECT (priya));
  rows = selected_rows (table);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (g_ptr_array_index (rows, 0) == (gpointer) next);

  /* A relationship selected elsewhere belongs to this view. */
  {
    g_autoptr(SocRelationship) rel = g_list_model_get_item (soc_document_get_relationships (doc), 0);

    g_assert_true (soc_view_owns (SOC_VIEW (stakeholders_view (window)), SOC_OBJECT (rel)));

    soc_window_show_object (window, SOC_OBJECT (rel));
    soc_ui_settle ();
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "stakeholders");
    g_assert_true (soc_selection_get_focus (selection) == SOC_OBJECT (rel));
  }
  soc_ui_close_window (window);
}

/* The children of the bubbles keep their names while the keyboard moves
 * over the whole map in view: none is described again until the plan
 * changes, and then the changed one says its new name. */
static void
test_map_children_kept (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocSelection *selection = soc_window_get_selection (window);
  SocStakeholderMap *map = show_map (window, SOC_MAP_ZOOM_MIN);
  guint described;
  SocObject *focus;
  GtkWidget *child;

  soc_selection_select (selection, SOC_OBJECT (stakeholder (doc, "s7")));
  soc_ui_settle ();
  described = soc_canvas_get_n_described (SOC_CANVAS (map));
  g_assert_cmpuint (described, >, 0);
  for (int i = 0; i < 4; i++)
    {
      g_assert_true (soc_stakeholder_map_step (map, i % 2 ? SOC_DIRECTION_LEFT : SOC_DIRECTION_UP));
      soc_ui_settle ();
    }
  g_assert_cmpuint (soc_canvas_get_n_described (SOC_CANVAS (map)), ==, described);

  /* Another view shown, then the map again: what it painted is kept, and
   * the children for what is in view are back. */
  {
    guint paints = soc_canvas_get_n_paints (SOC_CANVAS (map));

    soc_window_show_view (window, "goals");
    soc_ui_settle ();
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (map)));
    soc_window_show_view (window, "stakeholders");
    soc_ui_wait_stable (GTK_WIDGET (map));
    g_assert_cmpuint (soc_canvas_get_n_paints (SOC_CANVAS (map)), ==, paints);
    g_assert_nonnull (soc_canvas_get_child_for (SOC_CANVAS (map), soc_selection_get_focus (selection)));
  }

  /* A goal renamed: nothing the map shows, and it is not painted again. */
  {
    guint paints = soc_canvas_get_n_paints (SOC_CANVAS (map));

    g_assert_true (soc_edit_set_string (doc, soc_document_lookup (doc, "g5"), "title", "A goal renamed", NULL));
    soc_ui_settle ();
    g_assert_cmpuint (soc_canvas_get_n_paints (SOC_CANVAS (map)), ==, paints);
  }

  focus = soc_selection_get_focus (selection);
  g_assert_true (SOC_IS_STAKEHOLDER (focus));
  g_assert_true (soc_edit_set_string (doc, focus, "name", "Renamed on the map", NULL));
  soc_ui_settle ();
  child = soc_canvas_get_child_for (SOC_CANVAS (map), focus);
  g_assert_nonnull (child);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, "Renamed on the map");
  soc_ui_close_window (window);
}

/* Selecting one object finds its row without looking at every row: in a
 * table as the document lists it, in a sorted table, and in the outline,
 * where the ancestors are opened on the way. */
static void
test_table_finds_rows (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  GListModel *items = soc_document_get_items (doc);
  guint n = g_list_model_get_n_items (items);
  g_autoptr(SocObject) last = g_list_model_get_item (items, n - 1);
  g_autoptr(SocObject) first = g_list_model_get_item (items, 0);
  SocObject *goal = soc_document_lookup (doc, "g5");
  GtkColumnView *columns;
  SocTableView *table, *outline;
  g_autoptr(GPtrArray) rows = NULL;
  GtkColumnViewColumn *column;

  soc_window_show_object (window, first);
  soc_ui_iterate (50);
  columns = find_column_view (GTK_WIDGET (window->stack), SOC_TYPE_ITEM);
  g_assert_nonnull (columns);
  table = SOC_TABLE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (columns), SOC_TYPE_TABLE_VIEW));
  g_assert_nonnull (table);
  g_assert_cmpuint (soc_table_view_get_n_scans (table), ==, 0);

  /* The row beside, in sight: the table does not move. */
  {
    g_autoptr(SocObject) second = g_list_model_get_item (items, 1);
    guint saved = soc_table_view_get_n_scrolls_saved (table);
    guint binds;

    soc_ui_settle ();
    binds = soc_table_view_get_n_binds (table);
    soc_window_show_object (window, second);
    g_assert_cmpuint (soc_table_view_get_n_scrolls_saved (table), >, saved);
    soc_ui_iterate (50);
    rows = selected_rows (columns);
    g_assert_true (g_ptr_array_index (rows, 0) == (gpointer) second);
    g_clear_pointer (&rows, g_ptr_array_unref);
    /* GTK 4.8 binds the two rows whose selection changed again: the
     * cells still show their items, and bind nothing. */
    g_assert_cmpuint (soc_table_view_get_n_binds (table), ==, binds);
  }

  soc_window_show_object (window, last);
  soc_ui_iterate (50);
  rows = selected_rows (columns);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (g_ptr_array_index (rows, 0) == (gpointer) last);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Sorted by title, descending: found by halving. */
  column = g_list_model_get_item (gtk_column_view_get_columns (columns), 0);
  gtk_column_view_sort_by_column (columns, column, GTK_SORT_DESCENDING);
  g_object_unref (column);
  soc_ui_iterate (50);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SocObject) item = g_list_model_get_item (items, i);

      soc_window_show_object (window, item);
      rows = selected_rows (columns);
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_true (g_ptr_array_index (rows, 0) == (gpointer) item);
      g_clear_pointer (&rows, g_ptr_array_unref);
    }
  g_assert_cmpuint (soc_table_view_get_n_scans (table), ==, 0);
  gtk_column_view_sort_by_column (columns, NULL, GTK_SORT_ASCENDING);

  /* A goal deep in the outline. */
  soc_window_show_object (window, goal);
  soc_ui_iterate (50);
  columns = find_column_view (GTK_WIDGET (window->stack), SOC_TYPE_GOAL);
  g_assert_nonnull (columns);
  outline = SOC_TABLE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (columns), SOC_TYPE_TABLE_VIEW));
  rows = selected_rows (columns);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (g_ptr_array_index (rows, 0) == (gpointer) goal);
  g_assert_cmpuint (soc_table_view_get_n_scans (outline), ==, 0);

  soc_ui_close_window (window);
}

/* Every goal under GOAL. */
static guint
count_descendants (SocGoal *goal)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint n = 0;

  g_ptr_array_add (stack, goal);
  while (stack->len > 0)
    {
      GListModel *children = soc_goal_get_children (g_ptr_array_steal_index (stack, stack->len - 1));

      for (guint i = 0; i < g_list_model_get_n_items (children); i++, n++)
        {
          g_autoptr(GObject) child = g_list_model_get_item (children, i);
          g_ptr_array_add (stack, child);
        }
    }
  return n;
}

static SocObject *
only_selected_row (GtkColumnView *columns)
{
  g_autoptr(GPtrArray) rows = selected_rows (columns);

  g_assert_cmpuint (rows->len, ==, 1);
  return g_ptr_array_index (rows, 0);   /* the document keeps it */
}

/* OBJECT's row in TABLE: the list's child that holds its cells. */
static GtkWidget *
row_widget_of (SocTableView *table,
               SocObject    *object)
{
  GtkWidget *row = GTK_WIDGET (soc_table_view_get_editor (table, object));

  while (row != NULL && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
    row = gtk_widget_get_parent (row);
  return row;
}

typedef struct
{
  SocTableView *table;
  SocObject    *object;
} TableRow;

/* Whether the row is laid out inside its list. */
static gboolean
row_in_sight (gpointer data)
{
  TableRow *t = data;
  GtkWidget *row = row_widget_of (t->table, t->object);
  graphene_rect_t r;

  return row != NULL && gtk_widget_get_mapped (row) &&
         gtk_widget_compute_bounds (row, gtk_widget_get_parent (row), &r) &&
         r.origin.y >= 0 && r.origin.y + r.size.height <= gtk_widget_get_height (gtk_widget_get_parent (row));
}

/* A key held down in a picture selects item after item before the main
 * loop is free: the table beside scrolls once, to the last, not at every
 * step (GTK 4.8 binds about 200 rows again for each scroll). */
static void
test_table_scrolls_once (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-views-XXXXXX", NULL);
  g_autofree char *path = soc_test_generate_path (dir, 50, 2000, 20, 1);
  SocWindow *window = soc_ui_open_window (app, path);
  SocDocument *doc = soc_window_get_document (window);
  SocSelection *selection = soc_window_get_selection (window);
  GListModel *items = soc_document_get_items (doc);
  guint n = g_list_model_get_n_items (items);
  g_autoptr(SocObject) first = g_list_model_get_item (items, 0);
  g_autoptr(SocObject) middle = g_list_model_get_item (items, n / 2);
  g_autoptr(SocObject) last = NULL;
  GtkColumnView *columns;
  SocTableView *table;
  guint binds, one, saved;

  soc_window_show_object (window, first);
  soc_ui_iterate (50);
  columns = find_column_view (GTK_WIDGET (window->stack), SOC_TYPE_ITEM);
  g_assert_nonnull (columns);
  table = SOC_TABLE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (columns), SOC_TYPE_TABLE_VIEW));
  soc_ui_settle ();

  /* One step far away: what one scroll binds. */
  binds = soc_table_view_get_n_binds (table);
  soc_selection_select (selection, middle);
  soc_ui_settle ();
  one = soc_table_view_get_n_binds (table) - binds;
  g_assert_cmpuint (one, >, 100);

  /* Five steps, each far from the one before, while the key is held. */
  binds = soc_table_view_get_n_binds (table);
  for (guint k = 1; k <= 5; k++)
    {
      g_clear_object (&last);
      last = g_list_model_get_item (items, (n / 2 + k * (n / 12)) % n);
      soc_selection_select (selection, last);
    }
  soc_ui_settle ();
  g_assert_cmpuint (soc_table_view_get_n_binds (table) - binds, <, 2 * one);
  g_assert_true (only_selected_row (columns) == last);
  /* Scrolled to it (laid out at a frame, which may come after the main
   * loop fell quiet): selected again, it is in sight. */
  g_assert_true (soc_ui_wait_for (row_in_sight, &(TableRow) { table, last }, 3000));
  saved = soc_table_view_get_n_scrolls_saved (table);
  soc_selection_select (selection, first);
  soc_selection_select (selection, last);
  g_assert_cmpuint (soc_table_view_get_n_scrolls_saved (table), ==, saved + 1);

  soc_ui_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* Puts the keyboard on OBJECT's row of TABLE, as a click on it does. */
static void
focus_row_of (SocTableView *table,
              SocObject    *object)
{
  GtkWidget *row;

  soc_ui_settle ();   /* after the view's own focus, when it was just shown */
  row = row_widget_of (table, object);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));
  soc_ui_iterate (50);
}

static gboolean
keyboard_on_row_of (SocTableView *table,
                    SocObject    *object)
{
  GtkWidget *cell = GTK_WIDGET (soc_table_view_get_editor (table, object));

  return cell != NULL && gtk_widget_is_ancestor (cell, gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (table))));
}

static gboolean
keyboard_in_inspector (gpointer data)
{
  SocWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (window->inspector));
}

/* Delete with the keyboard on a row: the keyboard goes on to the row that
 * takes its place, selected, in a table as in the outline; Undo puts the
 * deleted one back. */
static void
test_delete_keeps_keyboard (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  GListModel *items = soc_document_get_items (doc);
  g_autoptr(SocObject) third = g_list_model_get_item (items, 2);
  g_autoptr(SocObject) fourth = g_list_model_get_item (items, 3);
  g_autoptr(SocObject) root = g_list_model_get_item (soc_document_get_goals (doc), 0);
  g_autoptr(SocObject) first_goal = g_list_model_get_item (soc_goal_get_children (SOC_GOAL (root)), 0);
  g_autoptr(SocObject) second_goal = g_list_model_get_item (soc_goal_get_children (SOC_GOAL (root)), 1);
  GtkColumnView *columns;
  SocTableView *table;
  guint row;

  soc_window_show_object (window, third);
  soc_ui_iterate (50);
  columns = find_column_view (GTK_WIDGET (window->stack), SOC_TYPE_ITEM);
  table = SOC_TABLE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (columns), SOC_TYPE_TABLE_VIEW));
  focus_row_of (table, third);
  row = row_of (columns, third);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  soc_ui_iterate (50);
  g_assert_null (soc_document_lookup (doc, soc_object_get_id (third)));
  /* Its row's cell went with it: the table does not hand it out. */
  g_assert_null (soc_table_view_get_editor (table, third));
  g_assert_true (only_selected_row (columns) == fourth);
  g_assert_cmpuint (row_of (columns, fourth), ==, row);
  g_assert_true (keyboard_on_row_of (table, fourth));
  /* Undo: the row is back, selected, and the keyboard on it; Down goes on
   * from there, not from the row that had the keyboard before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  soc_ui_iterate (50);
  g_assert_true (only_selected_row (columns) == third);
  g_assert_true (keyboard_on_row_of (table, third));

  /* A goal and what is under it: the next goal's row takes its place. */
  soc_window_show_object (window, first_goal);
  soc_ui_iterate (50);
  columns = find_column_view (GTK_WIDGET (window->stack), SOC_TYPE_GOAL);
  table = SOC_TABLE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (columns), SOC_TYPE_TABLE_VIEW));
  focus_row_of (table, first_goal);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  soc_ui_iterate (50);
  g_assert_null (soc_document_lookup (doc, soc_object_get_id (first_goal)));
  g_assert_true (only_selected_row (columns) == second_goal);
  g_assert_true (keyboard_on_row_of (table, second_goal));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  soc_ui_iterate (50);
  g_assert_true (keyboard_on_row_of (table, first_goal));

  /* With the keyboard elsewhere, Delete only lets go of the selection, as before. */
  soc_window_show_object (window, third);
  soc_ui_iterate (50);
  /* In the inspector's title: the inspector itself takes no keyboard. */
  g_assert_true (soc_inspector_focus_field (window->inspector, "title"));
  g_assert_true (soc_ui_wait_for (keyboard_in_inspector, window, 3000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  soc_ui_iterate (50);
  g_assert_cmpuint (soc_selection_get_size (soc_window_get_selection (window)), ==, 0);
  g_assert_true (soc_document_undo (doc));
  g_assert_false (soc_document_get_modified (doc));
  soc_ui_close_window (window);
}

/* The outline opens and closes with the keys of a tree: Left closes the
 * selected goal, then goes to its parent; Right opens it, then goes to
 * its first child; plus, minus and asterisk open, close and open all
 * under it. The arrow in the row says which it is. */
static void
test_outline_keys (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  g_autoptr(SocObject) root = g_list_model_get_item (soc_document_get_goals (doc), 0);
  SocGoal *mid = NULL;
  GtkColumnView *columns;
  SocTableView *outline;
  guint n, under;

  for (guint i = 0; mid == NULL; i++)
    {
      g_autoptr(SocObject) child = g_list_model_get_item (soc_goal_get_children (SOC_GOAL (root)), i);

      g_assert_nonnull (child);
      if (count_descendants (SOC_GOAL (child)) > 1)
        mid = SOC_GOAL (child);
    }
  under = count_descendants (mid);

  soc_window_show_object (window, SOC_OBJECT (mid));
  soc_ui_iterate (50);
  columns = find_column_view (GTK_WIDGET (window->stack), SOC_TYPE_GOAL);
  g_assert_nonnull (columns);
  outline = SOC_TABLE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (columns), SOC_TYPE_TABLE_VIEW));
  n = soc_table_view_get_n_rows (outline);
  g_assert_cmpuint (n, ==, soc_document_get_n_goals (doc));
  g_assert_true (only_selected_row (columns) == SOC_OBJECT (mid));
  /* The keyboard on its row, as after a click on it. */
  {
    GtkWidget *row = GTK_WIDGET (soc_table_view_get_editor (outline, SOC_OBJECT (mid)));

    while (row != NULL && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
      row = gtk_widget_get_parent (row);
    g_assert_nonnull (row);
    g_assert_true (gtk_widget_grab_focus (row));
    soc_ui_iterate (50);
  }

  g_assert_true (press_on (GTK_WIDGET (columns), GDK_KEY_Left, 0));
  g_assert_cmpuint (soc_table_view_get_n_rows (outline), ==, n - under);
  g_assert_true (only_selected_row (columns) == SOC_OBJECT (mid));
  g_assert_true (press_on (GTK_WIDGET (columns), GDK_KEY_Left, 0));
  g_assert_true (only_selected_row (columns) == root);
  /* The keyboard went with the selection, to the parent's row. */
  soc_ui_iterate (50);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (soc_table_view_get_editor (outline, root)),
                                         gtk_root_get_focus (GTK_ROOT (window))));

  soc_table_view_select (outline, SOC_OBJECT (mid));
  g_assert_true (press_on (GTK_WIDGET (columns), GDK_KEY_Right, 0));
  g_assert_cmpuint (soc_table_view_get_n_rows (outline), ==, n);
  g_assert_true (press_on (GTK_WIDGET (columns), GDK_KEY_Right, 0));
  {
    g_autoptr(SocObject) first = g_list_model_get_item (soc_goal_get_children (mid), 0);
    g_assert_true (only_selected_row (columns) == first);
    soc_ui_iterate (50);
    g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (soc_table_view_get_editor (outline, first)),
                                           gtk_root_get_focus (GTK_ROOT (window))));
  }

  soc_table_view_select (outline, SOC_OBJECT (mid));
  g_assert_true (press_on (GTK_WIDGET (columns), GDK_KEY_minus, 0));
  g_assert_cmpuint (soc_table_view_get_n_rows (outline), ==, n - under);
  g_assert_true (press_on (GTK_WIDGET (columns), GDK_KEY_KP_Add, 0));
  g_assert_cmpuint (soc_table_view_get_n_rows (outline), ==, n);
  g_assert_true (press_on (GTK_WIDGET (columns), GDK_KEY_KP_Subtract, 0));
  soc_table_view_select (outline, root);
  g_assert_true (press_on (GTK_WIDGET (columns), GDK_KEY_minus, 0));
  g_assert_cmpuint (soc_table_view_get_n_rows (outline), ==, soc_document_get_n_goals (doc) - count_descendants (SOC_GOAL (root)));
  g_assert_true (press_on (GTK_WIDGET (columns), GDK_KEY_asterisk, 0));
  g_assert_cmpuint (soc_table_view_get_n_rows (outline), ==, n);

  /* Keys with Ctrl are the window's; the plan did not change. */
  g_assert_false (press_on (GTK_WIDGET (columns), GDK_KEY_Left, GDK_CONTROL_MASK));
  g_assert_false (soc_document_get_modified (doc));
  soc_ui_close_window (window);
}

/* A view that is not shown lays nothing out when the plan changes; it
 * catches up when it is shown. */
static void
test_hidden_view_rests (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocObject *goal = soc_document_lookup (doc, "g5");
  SocTimeline *timeline;
  guint before;

  timeline = show_timeline (window, 1.0);
  soc_window_show_object (window, goal);
  soc_ui_settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  before = soc_canvas_get_n_updates (SOC_CANVAS (timeline));
  g_assert_true (soc_edit_set_string (doc, goal, "title", "Renamed while the roadmap is hidden", NULL));
  g_assert_true (soc_edit_delete (doc, (SocObject *const *) &goal, 1, NULL));
  soc_ui_settle ();
  g_assert_cmpuint (soc_canvas_get_n_updates (SOC_CANVAS (timeline)), ==, before);

  soc_window_show_view (window, "roadmap");
  soc_ui_wait_stable (GTK_WIDGET (timeline));
  g_assert_cmpuint (soc_canvas_get_n_updates (SOC_CANVAS (timeline)), >, before);
  soc_ui_close_window (window);
}

/* The rows of TABLE that show they are selected, by the name in their
 * first cell. */
static GPtrArray *
rows_shown_selected (GtkColumnView *table)
{
  GtkWidget *list = gtk_widget_get_last_child (GTK_WIDGET (table));
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);
      GtkWidget *label = cell != NULL ? gtk_widget_get_first_child (cell) : NULL;

      if (!(gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED))
        continue;
      while (label != NULL && !SOC_IS_CELL_LABEL (label))
        label = gtk_widget_get_first_child (label);
      g_ptr_array_add (names, g_strdup (label != NULL ? soc_cell_label_get_text (SOC_CELL_LABEL (label)) : "?"));
    }
  return names;
}

static void
add_announced (GtkSelectionModel *model,
               guint              position,
               guint              n_items,
               guint             *announced)
{
  *announced += n_items;
}

/* What is selected elsewhere (the map, another view) shows as selected in
 * the table's rows, not only in its selection model: adding to the set
 * the model hands out had selected rows without telling them. */
static void
test_table_shows_selection (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocSelection *selection = soc_window_get_selection (window);
  SocObject *s7 = soc_document_lookup (doc, "s7");
  SocObject *s3 = soc_document_lookup (doc, "s3");
  GtkColumnView *table;

  show_map (window, SOC_MAP_ZOOM_DEFAULT);
  table = find_column_view (GTK_WIDGET (window->stack), SOC_TYPE_STAKEHOLDER);
  g_assert_nonnull (table);

  for (guint round = 0; round < 2; round++)
    {
      SocObject *object = round == 0 ? s7 : s3;
      g_autoptr(GPtrArray) shown = NULL;

      soc_selection_select (selection, object);
      soc_ui_settle ();
      shown = rows_shown_selected (table);
      g_assert_cmpuint (shown->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (shown, 0), ==, soc_object_get_label (object));
    }
  {
    SocObject *both[] = { s3, s7 };
    g_autoptr(GPtrArray) shown = NULL;

    soc_selection_set (selection, both, 2, s7);
    soc_ui_settle ();
    shown = rows_shown_selected (table);
    g_assert_cmpuint (shown->len, ==, 2);
  }
  soc_selection_set (selection, NULL, 0, NULL);
  soc_ui_settle ();
  {
    g_autoptr(GPtrArray) shown = rows_shown_selected (table);
    g_assert_cmpuint (shown->len, ==, 0);
  }

  /* From the first row to the last: the table announces the two rows, not
   * every row between them (GTK 4.8 binds again each row it shows in a
   * change's range). */
  {
    GtkSelectionModel *rows = gtk_column_view_get_model (table);
    g_autoptr(SocObject) first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
    g_autoptr(SocObject) last = g_list_model_get_item (G_LIST_MODEL (rows), g_list_model_get_n_items (G_LIST_MODEL (rows)) - 1);
    guint announced = 0;
    gulong handler;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), >, 20);
    soc_selection_select (selection, first);
    soc_ui_settle ();
    handler = g_signal_connect (rows, "selection-changed", G_CALLBACK (add_announced), &announced);
    soc_selection_select (selection, last);
    soc_ui_settle ();
    g_signal_handler_disconnect (rows, handler);
    g_assert_cmpuint (announced, ==, 2);
    {
      g_autoptr(GPtrArray) shown = rows_shown_selected (table);
      g_assert_cmpuint (shown->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (shown, 0), ==, soc_object_get_label (last));
    }
  }
  soc_ui_close_window (window);
}

/* The views not shown are hidden, not only unmapped: GTK 4.8 styles every
 * visible widget again under one whose state changes, and the keyboard
 * focus moving changes the state of every widget above it, so the table
 * rows of hidden views were styled again at each Down. Shown again, a
 * view shows its rows. */
static void
test_hidden_view_hidden (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocStakeholderMap *map;
  SocTimeline *timeline;

  map = show_map (window, SOC_MAP_ZOOM_DEFAULT);
  timeline = show_timeline (window, 1.0);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (timeline)));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (map)));

  soc_window_show_view (window, "stakeholders");
  soc_ui_wait_stable (GTK_WIDGET (map));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (map)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map)));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (timeline)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (map)), >, 0);
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (map)));   /* its bubbles, in view */

  soc_window_show_view (window, "goals");
  soc_ui_settle ();
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (map)));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (timeline)));
  soc_ui_close_window (window);
}

/* A judgement of a factor changes nothing the roadmap or the goal tree
 * lays out: both keep their layouts; an item's change lays the roadmap
 * out again. */
static void
test_layout_kept_for_judgement (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  SocTimeline *timeline = show_timeline (window, 1.0);
  SocRoadmapLayout *layout = soc_roadmap_layout_ref (_soc_timeline_ensure_layout (timeline));
  guint paints;

  soc_ui_wait_stable (GTK_WIDGET (timeline));
  paints = soc_canvas_get_n_paints (SOC_CANVAS (timeline));
  g_assert_true (soc_edit_set_override (doc, SOC_FACTOR_STAFFING, SOC_FACTOR_STATE_MET, "Judged", NULL));
  soc_ui_settle ();
  g_assert_true (_soc_timeline_ensure_layout (timeline) == layout);
  g_assert_true (soc_document_undo (doc));
  soc_ui_settle ();
  g_assert_true (_soc_timeline_ensure_layout (timeline) == layout);
  /* A goal renamed: nothing the roadmap shows. Neither is painted again. */
  g_assert_true (soc_edit_set_string (doc, soc_document_lookup (doc, "g5"), "title", "A goal renamed", NULL));
  soc_ui_settle ();
  g_assert_true (_soc_timeline_ensure_layout (timeline) == layout);
  g_assert_cmpuint (soc_canvas_get_n_paints (SOC_CANVAS (timeline)), ==, paints);

  g_assert_true (soc_edit_set_string (doc, soc_document_lookup (doc, "i3"), "title", "Renamed", NULL));
  soc_ui_settle ();
  g_assert_true (_soc_timeline_ensure_layout (timeline) != layout);
  soc_roadmap_layout_unref (layout);
  soc_ui_close_window (window);
}

/* Whether an inscription under WIDGET says TEXT. */
static gboolean
shows_inscription (GtkWidget  *widget,
                   const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((SOC_IS_CELL_LABEL (child) && g_strcmp0 (soc_cell_label_get_text (SOC_CELL_LABEL (child)), text) == 0) ||
        shows_inscription (child, text))
      return TRUE;
  return FALSE;
}

/* The outline's progress follows a change made while the outline was not
 * shown, as soon as it is shown again. */
static void
test_outline_progress_when_shown (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  GtkColumnView *outline;
  GValue v = G_VALUE_INIT;

  soc_window_show_object (window, SOC_OBJECT (goal (doc, "g3")));
  soc_ui_settle ();
  outline = find_column_view (GTK_WIDGET (window->stack), SOC_TYPE_GOAL);
  g_assert_nonnull (outline);
  g_assert_true (shows_inscription (GTK_WIDGET (outline), "35 % from 2 metrics"));

  soc_window_show_view (window, "roadmap");
  soc_ui_settle ();
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, 60);
  g_assert_true (soc_edit_set (doc, SOC_OBJECT (goal (doc, "g4")), "current", &v, NULL));
  soc_ui_settle ();

  soc_window_show_view (window, "goals");
  soc_ui_settle ();
  g_assert_true (shows_inscription (GTK_WIDGET (outline), "75 % from 2 metrics"));
  g_assert_false (shows_inscription (GTK_WIDGET (outline), "35 % from 2 metrics"));
  soc_ui_close_window (window);
}

static SocDocument *peeked;
static gpointer peeked_before;  /* the progress the document kept before the change */

/* The document keeps the last progress worked out (out of date once a
 * goal changed), and another takes its place when it is worked out again:
 * while the one before is still kept, so never at the same address. */
static void
peek_progress (SocGoal    *goal,
               GParamSpec *pspec,
               gboolean   *worked_out)
{
  *worked_out = g_object_get_qdata (G_OBJECT (peeked), g_quark_from_string ("soc-progress")) != peeked_before;
}

/* A change to a goal that progress does not rest on (the vision's owner)
 * works no progress out in an outline not shown; one it rests on, in the outline
 * shown, is shown at once. */
static void
test_outline_progress_only_when_needed (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  GQuark cached = g_quark_from_string ("soc-progress");
  GtkColumnView *outline;
  GValue v = G_VALUE_INIT;
  gboolean worked_out = FALSE;
  gulong handler;
  double was;

  soc_window_show_object (window, SOC_OBJECT (goal (doc, "g3")));
  soc_ui_settle ();
  outline = find_column_view (GTK_WIDGET (window->stack), SOC_TYPE_GOAL);
  g_assert_nonnull (outline);
  g_assert_true (shows_inscription (GTK_WIDGET (outline), "35 % from 2 metrics"));
  g_object_get (goal (doc, "g4"), "current", &was, NULL);

  /* The inspector shows a stakeholder, not a goal's progress. */
  soc_window_show_object (window, soc_document_lookup (doc, "s1"));
  soc_ui_settle ();
  peeked_before = g_object_get_qdata (G_OBJECT (doc), cached);
  g_assert_nonnull (peeked_before);
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, 60);
  g_assert_true (soc_edit_set (doc, SOC_OBJECT (goal (doc, "g4")), "current", &v, NULL));
  soc_ui_settle ();
  g_assert_true (g_object_get_qdata (G_OBJECT (doc), cached) == peeked_before);
  g_value_unset (&v);

  /* Heard after the cells: was progress worked out for the change? */
  peeked = doc;
  handler = g_signal_connect (goal (doc, "g1"), "notify::owner", G_CALLBACK (peek_progress), &worked_out);
  g_value_init (&v, SOC_TYPE_STAKEHOLDER);
  g_value_set_object (&v, soc_document_lookup (doc, "s2"));
  g_assert_true (soc_edit_set (doc, SOC_OBJECT (goal (doc, "g1")), "owner", &v, NULL));
  soc_ui_settle ();
  g_assert_false (worked_out);
  g_signal_handler_disconnect (goal (doc, "g1"), handler);
  g_value_unset (&v);

  soc_window_show_view (window, "goals");
  soc_ui_settle ();
  g_assert_true (shows_inscription (GTK_WIDGET (outline), "75 % from 2 metrics"));
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, was);
  g_assert_true (soc_edit_set (doc, SOC_OBJECT (goal (doc, "g4")), "current", &v, NULL));
  soc_ui_settle ();
  g_assert_true (shows_inscription (GTK_WIDGET (outline), "35 % from 2 metrics"));
  soc_ui_close_window (window);
}

static void
record_first_paint (GdkFrameClock *clock,
                    int           *placed)
{
  GtkWidget *paned = g_object_get_data (G_OBJECT (clock), "soc-test-paned");
  int width = gtk_widget_get_width (paned);

  if (placed[0] < 0)
    {
      placed[0] = gtk_paned_get_position (GTK_PANED (paned));
      placed[1] = MAX (width / 2, width - 360);
    }
}

static gboolean
first_paint_recorded (gpointer data)
{
  return ((int *) data)[0] >= 0;
}

static GtkWidget *
find_paned (GtkWidget *widget)
{
  if (GTK_IS_PANED (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_paned (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The goal tree and its outline share the width as they should from the
 * first frame on: the outline never lays its rows out for another width. */
static void
test_goals_divider_first_frame (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = g_object_new (SOC_TYPE_GOALS_VIEW, NULL);
  GtkWidget *paned = find_paned (view);
  GdkFrameClock *clock;
  int placed[2] = { -1, -1 };

  g_assert_nonnull (paned);
  gtk_window_set_default_size (window, 1200, 700);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_object_set_data (G_OBJECT (clock), "soc-test-paned", paned);
  g_signal_connect (clock, "paint", G_CALLBACK (record_first_paint), placed);
  g_assert_true (soc_ui_wait_for (first_paint_recorded, placed, 10000));
  g_signal_handlers_disconnect_by_data (clock, placed);
  g_assert_cmpint (placed[1], >, 640);
  g_assert_cmpint (placed[0], ==, placed[1]);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  char *data_home = NULL;
  int result;

  app = soc_ui_init (&argc, &argv, &data_home);

  g_test_add_func ("/views/one-selection", test_one_selection);
  g_test_add_func ("/views/goals/divider-first-frame", test_goals_divider_first_frame);
  g_test_add_func ("/views/timeline/edits", test_timeline_edits);
  g_test_add_func ("/views/timeline/keyboard", test_timeline_keyboard);
  g_test_add_func ("/views/timeline/drag", test_timeline_drag);
  g_test_add_func ("/views/timeline/accessible", test_timeline_accessible);
  g_test_add_func ("/views/empty-hints", test_empty_hints);
  g_test_add_func ("/views/goal-tree/edits", test_goal_tree_edits);
  g_test_add_func ("/views/goal-tree/keyboard", test_goal_tree_keyboard);
  g_test_add_func ("/views/goal-tree/drag", test_goal_tree_drag);
  g_test_add_func ("/views/goal-tree/new-goal-shown", test_goal_tree_new_goal_shown);
  g_test_add_func ("/views/goal-tree/accessible", test_goal_tree_accessible);
  g_test_add_func ("/views/goal-tree/progress", test_goal_progress_shown);
  g_test_add_func ("/views/map/edits", test_map_edits);
  g_test_add_func ("/views/map/drag", test_map_drag);
  g_test_add_func ("/views/map/keyboard", test_map_keyboard);
  g_test_add_func ("/views/map/accessible", test_map_accessible);
  g_test_add_func ("/views/map/selection", test_map_selection);
  g_test_add_func ("/views/map/crowd", test_map_crowd);
  g_test_add_func ("/views/map/fits-first-look", test_map_fits_first_look);

  g_test_add_func ("/views/table/finds-rows", test_table_finds_rows);
  g_test_add_func ("/views/table/scrolls-once", test_table_scrolls_once);
  g_test_add_func ("/views/table/shows-selection", test_table_shows_selection);
  g_test_add_func ("/views/map/children-kept", test_map_children_kept);
  g_test_add_func ("/views/hidden-view-rests", test_hidden_view_rests);
  g_test_add_func ("/views/hidden-view-hidden", test_hidden_view_hidden);
  g_test_add_func ("/views/outline-progress-when-shown", test_outline_progress_when_shown);
  g_test_add_func ("/views/outline-progress-only-when-needed", test_outline_progress_only_when_needed);
  g_test_add_func ("/views/outline-keys", test_outline_keys);
  g_test_add_func ("/views/delete-keeps-keyboard", test_delete_keeps_keyboard);
  g_test_add_func ("/views/timeline/layout-kept-for-judgement", test_layout_kept_for_judgement);

  result = g_test_run ();
  soc_ui_finish (app, data_home);
  return result;
}
