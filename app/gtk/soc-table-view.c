/* soc-table-view.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView over one of the document's lists (virtualised, so tens of
 * thousands of rows stay smooth), sortable by any column, or over the goal
 * tree through a SocOutlineModel, whose rows open and close (the arrow,
 * plus and minus, Right and Left). Its rows show the plan's one
 * SocSelection and change it: selecting here selects in every view.
 *
 * The rows are built when the table is first shown, not before: a window
 * opens without paying for the views it does not show.
 *
 * Columns ask for the width their content needs (every value of an enum,
 * a whole date) and the expanding one takes the rest; cut text ends in an
 * ellipsis and shows whole in its tooltip. Enter or a double click on a
 * row edits its first editable cell; a single click only selects.
 */

#define G_LOG_DOMAIN "soc-table-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "soc-goal.h"
#include "soc-item.h"
#include "soc-lane.h"
#include "soc-object-list.h"
#include "soc-outline-keys.h"
#include "soc-phase.h"
#include "soc-stakeholder.h"
#include "soc-table-view.h"

struct _SocTableView
{
  GtkWidget           parent_instance;

  GtkWidget          *scrolled;
  GtkColumnView      *column_view;
  GtkMultiSelection  *selection;  /* the rows, once bound */
  SocOutlineModel     *outline;  /* a tree's rows */
  GListModel         *model;      /* the document's list, bound when shown */
  SocSelection       *shared;     /* the plan's selection */
  SocDocument        *document;   /* the model's */
  SocObject          *refocus_for; /* the keyboard's object, in rows just removed */
  guint               refocus_row; /* where they were */
  GType               item_type;
  gboolean            tree;
  gboolean            syncing;    /* writing the shared selection into the rows */
  gboolean            pushing;    /* writing the rows' selection into the shared one */
  gboolean            stale;      /* the shared selection changed while hidden */
  gboolean            has_primary; /* a column that Enter edits */
  guint               n_scans;    /* passes over every row, for tests */
  guint               n_scrolls_saved; /* rows in sight not scrolled to, for tests */
  SocObject          *scroll_object; /* the row to scroll to once idle */
  guint               scroll_id;
  SocCellContext     *cells;
  GtkWidget          *empty;      /* AdwStatusPage shown without rows */
};

G_DEFINE_FINAL_TYPE (SocTableView, soc_table_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void soc_table_view_map (GtkWidget *widget);

static void
on_selection_changed (SocTableView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Whether rows of this table can show OBJECT. */
static gboolean
holds_type (SocTableView *self,
            SocObject    *object)
{
  return object != NULL && G_TYPE_CHECK_INSTANCE_TYPE (object, self->item_type);
}

/* The focused object of the plan's selection, if it is one of this table's. */
SocObject *
soc_table_view_get_selected (SocTableView *self)
{
  SocObject *focus;

  g_return_val_if_fail (SOC_IS_TABLE_VIEW (self), NULL);

  if (self->shared == NULL)
    return NULL;
  focus = soc_selection_get_focus (self->shared);
  return holds_type (self, focus) ? focus : NULL;
}

static void
soc_table_view_dispose (GObject *object)
{
  SocTableView *self = SOC_TABLE_VIEW (object);

  if (self->shared != NULL)
    g_signal_handlers_disconnect_by_data (self->shared, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->refocus_for);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_object (&self->scroll_object);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_pointer (&self->empty, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->outline);
  g_clear_object (&self->model);
  g_clear_object (&self->shared);
  g_clear_pointer (&self->cells, soc_cell_context_free);

  G_OBJECT_CLASS (soc_table_view_parent_class)->dispose (object);
}

static void
soc_table_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SocTableView *self = SOC_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, soc_table_view_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GtkWidget *
inner_list_view (SocTableView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* Focus goes to the rows (the selected one, else the first), not to the
 * column headers. */
static gboolean
soc_table_view_grab_focus (GtkWidget *widget)
{
  SocTableView *self = SOC_TABLE_VIEW (widget);
  GtkWidget *list = inner_list_view (self);
  GtkWidget *row;
  guint position = GTK_INVALID_LIST_POSITION;

  if (list == NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  if (self->selection != NULL)
    {
      g_autoptr(GtkBitset) rows = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
      if (!gtk_bitset_is_empty (rows))
        position = gtk_bitset_get_minimum (rows);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  if (self->selection != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  /* The selected row itself when it is there: GTK 4.8's list gives the
   * focus back to the row that had it last. */
  row = soc_cell_context_get_row (self->cells, soc_table_view_get_selected (self));
  if (row != NULL && gtk_widget_grab_focus (row))
    return TRUE;
  return gtk_widget_grab_focus (list) || gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD);
}

/* The table is one stop for Tab, as a canvas is: Tab enters on the
 * selected row, scrolled into view, and the next Tab leaves the table;
 * the arrows move between rows. GTK 4.8 lets Tab walk every row, the
 * ones kept off screen too, without scrolling to them. A cell being
 * edited keeps the usual Tab. */
static gboolean
soc_table_view_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  SocTableView *self = SOC_TABLE_VIEW (widget);
  GtkWidget *focus;

  if ((direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD) ||
      !gtk_widget_get_visible (self->scrolled))
    return GTK_WIDGET_CLASS (soc_table_view_parent_class)->focus (widget, direction);

  focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->scrolled))
    {
      if (GTK_IS_EDITABLE (focus))
        return GTK_WIDGET_CLASS (soc_table_view_parent_class)->focus (widget, direction);
      return FALSE;
    }
  return soc_table_view_grab_focus (widget);
}

/* Enter (or a double click outside an editable cell) edits the row. */
static void
on_activate (SocTableView *self,
             guint         position)
{
  g_autoptr(GObject) item = NULL;

  if (self->selection == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item != NULL)
    soc_table_view_edit (self, SOC_OBJECT (item));
}

/* Without rows, the table says what goes there and how to add it. */
static void
update_empty (SocTableView *self)
{
  gboolean empty = self->model != NULL && g_list_model_get_n_items (self->model) == 0;

  if (self->empty == NULL)
    return;
  gtk_widget_set_visible (self->empty, empty);
  gtk_widget_set_visible (self->scrolled, !empty);
}

static void
soc_table_view_class_init (SocTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_table_view_dispose;
  object_class->get_property = soc_table_view_get_property;
  widget_class->grab_focus = soc_table_view_grab_focus;
  widget_class->focus = soc_table_view_focus;
  widget_class->map = soc_table_view_map;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, SOC_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
soc_table_view_init (SocTableView *self)
{
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gtk_widget_set_hexpand (self->scrolled, TRUE);
  gtk_widget_set_vexpand (self->scrolled, TRUE);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "soc-table");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->column_view));

  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_activate), self);

  self->cells = soc_cell_context_new (GTK_WIDGET (self));
  soc_cell_context_attach (self->cells, GTK_WIDGET (self->column_view));
}

/* What screen readers call a table of ITEM_TYPE objects: the list takes
 * the focus when the keyboard enters the table. */
static const char *
table_label (GType item_type)
{
  if (item_type == SOC_TYPE_GOAL) return _("Goals");
  if (item_type == SOC_TYPE_STAKEHOLDER) return _("Stakeholders");
  if (item_type == SOC_TYPE_ITEM) return _("Items");
  if (item_type == SOC_TYPE_LANE) return _("Lanes");
  if (item_type == SOC_TYPE_PHASE) return _("Phases");
  return NULL;
}

/* A table of ITEM_TYPE objects, or with TREE the goal tree. */
GtkWidget *
soc_table_view_new (GType    item_type,
                    gboolean tree)
{
  SocTableView *self = g_object_new (SOC_TYPE_TABLE_VIEW, NULL);
  const char *label = table_label (item_type);
  GtkWidget *list = inner_list_view (self);

  self->item_type = item_type;
  self->tree = tree;
  if (tree)
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), soc_outline_keys_new (self));
  if (label != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      if (list != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  return GTK_WIDGET (self);
}

void
soc_table_view_add_column (SocTableView *self,
                           const char   *title,
                           const char   *property,
                           SocCellKind   kind,
                           gboolean      editable,
                           gboolean      expand)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkColumnViewColumn) column = NULL;
  gboolean first = g_list_model_get_n_items (gtk_column_view_get_columns (self->column_view)) == 0;

  g_return_if_fail (SOC_IS_TABLE_VIEW (self));

  /* The first editable text column is the one Enter edits. */
  factory = soc_cell_factory_new (self->cells, self->item_type, property, kind, editable,
                                  editable && kind == SOC_CELL_TEXT && !self->has_primary,
                                  self->tree && first, expand);
  if (editable && kind == SOC_CELL_TEXT)
    self->has_primary = TRUE;
  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);

  /* A tree keeps its own order; tables sort by any column. */
  if (!self->tree)
    {
      g_autoptr(GtkSorter) sorter = soc_cell_sorter_new (self->item_type, property, kind);

      gtk_column_view_column_set_sorter (column, sorter);
    }

  gtk_column_view_append_column (self->column_view, column);
}

/* The object of the row at POSITION. */
static SocObject *
object_at (SocTableView *self,
           guint         position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  return item != NULL ? SOC_OBJECT (item) : NULL;
}

/* The index of OBJECT in LIST, one of the document's lists. */
static gboolean
index_in (GListModel *list,
          SocObject  *object,
          guint      *index)
{
  guint n;

  if (SOC_IS_OBJECT_LIST (list))
    return soc_object_list_find (SOC_OBJECT_LIST (list), object, index);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if ((gpointer) item == (gpointer) object)
        {
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Every row, one by one: the answer when nothing quicker knows it. */
static guint
scan_for (SocTableView *self,
          SocObject    *object)
{
  GListModel *rows = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (rows);

  self->n_scans++;
  for (guint pos = 0; pos < n; pos++)
    if (object_at (self, pos) == object)
      return pos;
  return GTK_INVALID_LIST_POSITION;
}

/* In a table, OBJECT's row: where it is in the document's list while no
 * column sorts, else found by halving with the column's sorter (the sort
 * is stable: equal rows keep the list's order). */
static guint
flat_position_of (SocTableView *self,
                  SocObject    *object)
{
  GListModel *rows = G_LIST_MODEL (self->selection);
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  guint index, lo = 0, hi = g_list_model_get_n_items (rows);

  if (!index_in (self->model, object, &index))
    return GTK_INVALID_LIST_POSITION;
  if (sorter == NULL || gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE)
    return index;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      SocObject *other = object_at (self, mid);
      GtkOrdering order;
      guint other_index;

      if (other == object)
        return mid;
      order = gtk_sorter_compare (sorter, object, other);
      if (order == GTK_ORDERING_EQUAL)
        order = !index_in (self->model, other, &other_index) ? GTK_ORDERING_EQUAL
              : index < other_index ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
      if (order == GTK_ORDERING_SMALLER)
        hi = mid;
      else if (order == GTK_ORDERING_LARGER)
        lo = mid + 1;
      else
        break;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The row showing OBJECT, or GTK_INVALID_LIST_POSITION; with EXPAND, a
 * goal's ancestors are opened so that it has one. */
static guint
find_row (SocTableView *self,
          SocObject    *object,
          gboolean      expand)
{
  guint pos;

  if (self->selection == NULL || !holds_type (self, object))
    return GTK_INVALID_LIST_POSITION;
  if (self->tree)
    pos = !SOC_IS_GOAL (object) ? GTK_INVALID_LIST_POSITION
        : expand ? soc_outline_model_reveal (self->outline, SOC_GOAL (object))
        : soc_outline_model_find (self->outline, SOC_GOAL (object));
  else
    pos = flat_position_of (self, object);
  /* A sorted table whose rows have not been sorted again since a value
   * changed: look at each row. */
  if (pos != GTK_INVALID_LIST_POSITION && object_at (self, pos) != object)
    pos = GTK_INVALID_LIST_POSITION;
  if (pos == GTK_INVALID_LIST_POSITION && !self->tree)
    pos = scan_for (self, object);
  return pos;
}

/* Whether OBJECT's row is wholly in sight: its first editable cell lies
 * within the rows' part of the table. */
static gboolean
row_in_sight (SocTableView *self,
              SocObject    *object)
{
  GtkWidget *list = inner_list_view (self);
  GtkWidget *cell = object != NULL ? GTK_WIDGET (soc_cell_context_get_editor (self->cells, object)) : NULL;
  graphene_rect_t bounds;

  if (list == NULL || cell == NULL || !gtk_widget_get_mapped (cell) ||
      !gtk_widget_compute_bounds (cell, list, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (list);
}

/* Scrolls to the row at POSITION, OBJECT's, unless it is in sight: moving
 * the list makes it bind and lay out its rows again. */
static void
scroll_to (SocTableView *self,
           guint         position,
           SocObject    *object)
{
  GtkWidget *list = inner_list_view (self);

  if (list == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  if (row_in_sight (self, object))
    {
      self->n_scrolls_saved++;
      return;
    }
  /* GTK 4.8 has no gtk_column_view_scroll_to(): ask its list view. */
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

/* The keyboard on a row of the table, not editing a cell: selected from
 * elsewhere while it is there (an undo puts back a deleted row, selected),
 * it goes to OBJECT's row, so that the arrows go on from what is selected.
 * A row far away gets it once its table has scrolled to it. */
static void
keyboard_follows (SocTableView *self,
                  SocObject    *object)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->scrolled) || GTK_IS_EDITABLE (focus))
    return;
  row = soc_cell_context_get_row (self->cells, object);
  if (row != NULL && !gtk_widget_is_ancestor (focus, row) && focus != row)
    gtk_widget_grab_focus (row);
}

static gboolean
scroll_idle (gpointer data)
{
  SocTableView *self = data;
  g_autoptr(SocObject) object = g_steal_pointer (&self->scroll_object);

  self->scroll_id = 0;
  if (object != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      scroll_to (self, find_row (self, object, FALSE), object);
      keyboard_follows (self, object);
    }
  return G_SOURCE_REMOVE;
}

/* Scrolls to OBJECT's row once the main loop is idle, unless it is in
 * sight: for a selection made elsewhere (a picture, say). Scrolling binds
 * about 200 rows again in GTK 4.8: done after the key that selected, keys
 * that came meanwhile (a key held down on a plan slower than its repeat)
 * are read first and the table scrolls once, to the last of them; the
 * view the key went to answers first. A newer selection replaces the row. */
static void
scroll_soon (SocTableView *self,
             SocObject    *object)
{
  if (object != NULL && row_in_sight (self, object))
    {
      self->n_scrolls_saved++;
      g_clear_object (&self->scroll_object);
      return;
    }
  g_set_object (&self->scroll_object, object);
  if (object != NULL && self->scroll_id == 0)
    {
      self->scroll_id = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, scroll_idle, self, NULL);
      g_source_set_name_by_id (self->scroll_id, "[socplan] table scroll");
    }
}

/* More selected objects than this are looked for in one pass over the rows. */
#define FEW_SELECTED 64

/* Selects ROWS and unselects the rest, a row at a time, if few rows change
 * (FALSE: too many, nothing done). One change over a range makes GTK 4.8
 * bind again every row it shows in that range: a selection that moved from
 * row 10 to row 190 bound 180 rows again. The set the model hands out is
 * its own, so it is only read: adding to it selected rows without telling
 * them, and a row selected elsewhere did not show it. */
static gboolean
select_few (SocTableView *self,
            GtkBitset    *rows)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) gone = NULL;
  g_autoptr(GtkBitset) fresh = NULL;
  GtkBitsetIter iter;
  guint pos;

  {
    g_autoptr(GtkBitset) before = gtk_selection_model_get_selection (model);

    gone = gtk_bitset_copy (before);
    fresh = gtk_bitset_copy (rows);
    gtk_bitset_subtract (fresh, before);
  }
  gtk_bitset_subtract (gone, rows);
  if (gtk_bitset_get_size (gone) + gtk_bitset_get_size (fresh) > 2 * FEW_SELECTED)
    return FALSE;

  self->syncing = TRUE;
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, gone, &pos); ok; ok = gtk_bitset_iter_next (&iter, &pos))
    gtk_selection_model_unselect_item (model, pos);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, fresh, &pos); ok; ok = gtk_bitset_iter_next (&iter, &pos))
    gtk_selection_model_select_item (model, pos, FALSE);
  self->syncing = FALSE;
  return TRUE;
}

/* The plan's selection into the rows: select the rows of what is selected,
 * and unselect the rows selected before. Only those rows are looked at. */
static void
sync_from_shared (SocTableView *self)
{
  g_autoptr(GtkBitset) rows = NULL;
  SocObject *focus;
  guint n, size, focus_pos = GTK_INVALID_LIST_POSITION;
  gboolean done = FALSE;

  if (self->selection == NULL || self->shared == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;   /* done when shown: hidden rows cost nothing */
      return;
    }
  self->stale = FALSE;

  focus = soc_selection_get_focus (self->shared);
  if (self->tree && SOC_IS_GOAL (focus))
    focus_pos = find_row (self, focus, TRUE);

  rows = gtk_bitset_new_empty ();
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  size = soc_selection_get_size (self->shared);
  if (size <= FEW_SELECTED)
    {
      for (guint i = 0; i < size; i++)
        {
          SocObject *object = soc_selection_get_nth (self->shared, i);
          guint pos = object == focus && focus_pos != GTK_INVALID_LIST_POSITION ? focus_pos
                    : find_row (self, object, FALSE);

          if (pos == GTK_INVALID_LIST_POSITION)
            continue;
          gtk_bitset_add (rows, pos);
          if (object == focus)
            focus_pos = pos;
        }
      done = select_few (self, rows);
    }
  else
    {
      self->n_scans++;
      for (guint pos = 0; pos < n; pos++)
        {
          SocObject *object = object_at (self, pos);

          if (soc_selection_contains (self->shared, object))
            {
              gtk_bitset_add (rows, pos);
              if (object == focus)
                focus_pos = pos;
            }
        }
    }

  /* Many rows: one change over all of them. */
  if (!done)
    {
      g_autoptr(GtkBitset) all = gtk_bitset_new_range (0, n);

      self->syncing = TRUE;
      gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), rows, all);
      self->syncing = FALSE;
    }
  /* Opening a goal's ancestors (above) is done at once; the scroll soon. */
  if (focus_pos != GTK_INVALID_LIST_POSITION)
    {
      scroll_soon (self, focus);
      keyboard_follows (self, focus);
    }
  on_selection_changed (self);
}

static void
on_shared_changed (SocTableView *self)
{
  if (!self->pushing)
    sync_from_shared (self);
  else
    on_selection_changed (self);
}

/* The rows' selection into the plan's: the user selected here. */
static void
on_rows_selection_changed (GtkSelectionModel *model,
                           guint              position,
                           guint              n_items,
                           SocTableView      *self)
{
  g_autoptr(GtkBitset) rows = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  GtkBitsetIter iter;
  guint pos;
  SocObject *focus = NULL;
  SocObject *fresh = NULL;
  SocObject *old_focus;

  if (self->syncing || self->shared == NULL)
    return;

  rows = gtk_selection_model_get_selection (model);
  old_focus = soc_selection_get_focus (self->shared);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, rows, &pos); ok;
       ok = gtk_bitset_iter_next (&iter, &pos))
    {
      SocObject *object = object_at (self, pos);

      if (object == NULL)
        continue;
      g_ptr_array_add (objects, object);
      if (object == old_focus)
        focus = object;
      /* The row just clicked, when one was: it is the newest. */
      if (pos >= position && pos < position + n_items && !soc_selection_contains (self->shared, object))
        fresh = object;
    }
  if (fresh != NULL)
    focus = fresh;

  self->pushing = TRUE;
  soc_selection_set (self->shared, (SocObject *const *) objects->pdata, objects->len, focus);
  self->pushing = FALSE;
}

/* Rows went (the list's widgets for them are still there): if the keyboard
 * was on one of them, keep in mind which and where. */
static void
on_rows_removing (GListModel   *rows,
                  guint         position,
                  guint         removed,
                  guint         added,
                  SocTableView *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  SocObject *object;

  if (removed == 0 || focus == NULL || !gtk_widget_is_ancestor (focus, self->scrolled))
    return;
  object = soc_cell_context_find_row_object (self->cells, focus);
  if (object != NULL)
    {
      g_set_object (&self->refocus_for, object);
      self->refocus_row = position;
    }
}

/* The edit is over: if the keyboard's object left the plan (Delete), the
 * keyboard goes on to the row that took its place, selected, as it does
 * in the goal tree; if it only moved, nothing changes. */
static void
on_document_changed (SocTableView *self)
{
  g_autoptr(SocObject) gone = g_steal_pointer (&self->refocus_for);
  guint n = soc_table_view_get_n_rows (self);
  const char *id;

  if (gone == NULL || self->shared == NULL || n == 0)
    return;
  id = soc_object_get_id (gone);
  if (id != NULL && soc_document_lookup (self->document, id) == gone)
    return;
  soc_table_view_select (self, object_at (self, MIN (self->refocus_row, n - 1)));
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Makes the rows once the table is shown. */
static void
bind_rows (SocTableView *self)
{
  GListModel *shown;

  if (self->selection != NULL || self->model == NULL)
    return;

  if (self->tree)
    {
      self->outline = soc_outline_model_new (self->model);
      soc_cell_context_set_outline (self->cells, self->outline);
      shown = g_object_ref (G_LIST_MODEL (self->outline));
    }
  else
    {
      GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
      shown = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (self->model), g_object_ref (sorter)));
    }

  self->selection = gtk_multi_selection_new (shown);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_rows_selection_changed), self);
  /* Before the list's own handler, which drops the rows' widgets. */
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (on_rows_removing), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  self->stale = TRUE;
}

static void
soc_table_view_map (GtkWidget *widget)
{
  SocTableView *self = SOC_TABLE_VIEW (widget);

  GTK_WIDGET_CLASS (soc_table_view_parent_class)->map (widget);

  bind_rows (self);
  if (self->stale)
    sync_from_shared (self);
}

/* Shows MODEL, a list of DOCUMENT's objects (for a tree, the roots), with
 * SELECTION, the plan's selection. */
void
soc_table_view_set_model (SocTableView *self,
                          SocDocument  *document,
                          SocSelection *selection,
                          GListModel   *model)
{
  g_return_if_fail (SOC_IS_TABLE_VIEW (self));
  g_return_if_fail ((model == NULL) == (selection == NULL));

  soc_cell_context_set_document (self->cells, document);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_object (&self->refocus_for);
  if (self->document != NULL)
    g_signal_connect_swapped (self->document, "changed", G_CALLBACK (on_document_changed), self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->shared != NULL)
    g_signal_handlers_disconnect_by_data (self->shared, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_column_view_set_model (self->column_view, NULL);
  soc_cell_context_set_outline (self->cells, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->outline);
  g_set_object (&self->model, model);
  g_set_object (&self->shared, selection);

  if (self->shared != NULL)
    g_signal_connect_swapped (self->shared, "changed", G_CALLBACK (on_shared_changed), self);
  if (self->model != NULL)
    g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update_empty), self);
  update_empty (self);
  if (self->model != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      bind_rows (self);
      sync_from_shared (self);
    }
  on_selection_changed (self);
}

/* A tree's rows, once it has been shown (NULL before, and for a table). */
SocOutlineModel *
soc_table_view_get_outline (SocTableView *self)
{
  g_return_val_if_fail (SOC_IS_TABLE_VIEW (self), NULL);
  return self->outline;
}

/* How many rows the table shows (0 before it is first shown). */
guint
soc_table_view_get_n_rows (SocTableView *self)
{
  g_return_val_if_fail (SOC_IS_TABLE_VIEW (self), 0);

  return self->selection != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->selection)) : 0;
}

/* Selects OBJECT alone in the plan's selection (NULL: nothing), and shows it. */
gboolean
soc_table_view_select (SocTableView *self,
                       SocObject    *object)
{
  g_return_val_if_fail (SOC_IS_TABLE_VIEW (self), FALSE);

  if (self->shared == NULL)
    return FALSE;
  if (object != NULL && !holds_type (self, object))
    return FALSE;
  soc_selection_select (self->shared, object);
  soc_table_view_reveal (self, object);
  return TRUE;
}

/* Scrolls OBJECT's row into sight, opening its ancestors in a tree. */
void
soc_table_view_reveal (SocTableView *self,
                       SocObject    *object)
{
  g_return_if_fail (SOC_IS_TABLE_VIEW (self));

  if (self->selection == NULL || !holds_type (self, object))
    return;
  g_clear_object (&self->scroll_object);
  scroll_to (self, find_row (self, object, TRUE), object);
}

/* Starts editing OBJECT's first editable cell, if its row is shown. */
gboolean
soc_table_view_edit (SocTableView *self,
                     SocObject    *object)
{
  g_return_val_if_fail (SOC_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (SOC_IS_OBJECT (object), FALSE);

  return soc_cell_context_edit (self->cells, object);
}

/* The cell Enter edits for OBJECT, while its row is shown (for tests). */
SocEditableCell *
soc_table_view_get_editor (SocTableView *self,
                           SocObject    *object)
{
  g_return_val_if_fail (SOC_IS_TABLE_VIEW (self), NULL);
  return soc_cell_context_get_editor (self->cells, object);
}

/* What the table says when it has no rows: what goes there and how to add
 * it, with a button for ACTION_NAME labelled BUTTON_LABEL. */
void
soc_table_view_set_empty_state (SocTableView *self,
                                const char   *icon_name,
                                const char   *title,
                                const char   *description,
                                const char   *button_label,
                                const char   *action_name)
{
  GtkWidget *button;

  g_return_if_fail (SOC_IS_TABLE_VIEW (self));

  g_clear_pointer (&self->empty, gtk_widget_unparent);
  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty), description);
  if (button_label != NULL)
    {
      button = gtk_button_new_with_mnemonic (button_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      adw_status_page_set_child (ADW_STATUS_PAGE (self->empty), button);
    }
  gtk_widget_set_parent (self->empty, GTK_WIDGET (self));
  update_empty (self);
}

/* How many times the table looked at every row to find a selected one
 * (for tests: selecting one object never should). */
guint
soc_table_view_get_n_scans (SocTableView *self)
{
  g_return_val_if_fail (SOC_IS_TABLE_VIEW (self), 0);
  return self->n_scans;
}

/* How many times a row to show was in sight already, and the table was not
 * scrolled (for tests). */
guint
soc_table_view_get_n_scrolls_saved (SocTableView *self)
{
  g_return_val_if_fail (SOC_IS_TABLE_VIEW (self), 0);
  return self->n_scrolls_saved;
}

/* How many times a cell was bound to a row's item (for tests). */
guint
soc_table_view_get_n_binds (SocTableView *self)
{
  g_return_val_if_fail (SOC_IS_TABLE_VIEW (self), 0);
  return soc_cell_context_get_n_binds (self->cells);
}
