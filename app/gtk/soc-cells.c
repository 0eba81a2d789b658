/* soc-cells.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cell shows one property of the row's object and follows its changes,
 * on one line cut with an ellipsis, whole in its tooltip. An editable cell
 * edits on a double click or Enter on its row, and commits through
 * soc_edit only what changed, as one undo step; Escape changes nothing. A
 * refused value is put back and the reason shown in the window's toast.
 */

#define G_LOG_DOMAIN "soc-cells"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-cell-label.h"
#include "soc-cells.h"
#include "soc-edit.h"
#include "soc-editable-cell.h"
#include "soc-enum-types.h"
#include "soc-format.h"
#include "soc-goal.h"
#include "soc-object-private.h"
#include "soc-outline-expander.h"

struct _SocCellContext
{
  GtkWidget   *view;       /* not owned: the context lives as long as the view */
  SocDocument *document;
  SocOutlineModel *outline; /* not owned: a tree's rows */
  GHashTable  *editors;    /* SocObject -> its row's SocEditableCell in the primary column */
  GHashTable  *progress;   /* the GtkListItems of bound progress cells */
  gulong       changed_id; /* on the document: progress rolls up */
  guint        n_binds;    /* cells bound to an item, for tests */
};

typedef struct
{
  SocCellContext *context;
  char           *property;
  SocCellKind     kind;
  gboolean        editable;
  gboolean        expander;   /* the first column of a tree */
  gboolean        primary;    /* the column Enter edits */
  guint           min_chars;
  guint           nat_chars;
  GQuark          detail;     /* of notify: the property, or 0 for every one */
  /* PROPERTY of the class last shown, found once: a table binds a
   * thousand cells at once. FIELD, where it is a field, is read as it is. */
  GObjectClass   *klass;
  GParamSpec     *pspec;
  const SocField *field;
} CellSpec;

/* What a list item's cell is bound to: one block per list item, made
 * with it, so that binding a row (GTK 4.8 binds 200 again when a table
 * scrolls far, as when the selection moves in a picture) looks nothing
 * up by name: the cells that show an object, in any table, follow it
 * through one handler on the object (a Watcher), not one each. A handler
 * each cost a closure made and destroyed, a thousand of each for one
 * Down. */
typedef struct _Cell Cell;
struct _Cell
{
  CellSpec        *spec;
  GtkListItem     *list_item;  /* not owned: the cell is the list item's */
  SocObject       *object;     /* owned, while bound: rows are the objects */
  struct _Watcher *watcher;    /* while it follows OBJECT */
  Cell            *prev;       /* the cells that follow OBJECT with it */
  Cell            *next;
  guint            unbound : 1; /* unbound by GTK: it may be bound again to OBJECT */
  guint            stale : 1;   /* a progress to work out again when shown */
};

static GQuark cell_quark;
static GQuark item_quark;

/* The cells that follow one object, and the handler they share. */
typedef struct _Watcher
{
  gulong  handler;
  Cell   *first;
} Watcher;

static GHashTable *watchers;   /* SocObject -> Watcher */

static inline Cell *
cell_of (GtkListItem *list_item)
{
  return g_object_get_qdata (G_OBJECT (list_item), cell_quark);
}

static void on_document_changed (SocDocument    *document,
                                 SocCellContext *context);
static void refresh             (GtkListItem    *list_item);

/* A property of the object changed: the cells that show it follow. */
static void
on_object_notify (SocObject  *object,
                  GParamSpec *pspec,
                  Watcher    *watcher)
{
  GQuark detail = g_param_spec_get_name_quark (pspec);

  for (Cell *cell = watcher->first; cell != NULL; cell = cell->next)
    if (cell->spec->detail == 0 || cell->spec->detail == detail)
      refresh (cell->list_item);
}

static void
watch (Cell *cell)
{
  Watcher *watcher;

  if (watchers == NULL)
    watchers = g_hash_table_new (NULL, NULL);
  watcher = g_hash_table_lookup (watchers, cell->object);
  if (watcher == NULL)
    {
      watcher = g_new0 (Watcher, 1);
      watcher->handler = g_signal_connect (cell->object, "notify", G_CALLBACK (on_object_notify), watcher);
      g_hash_table_insert (watchers, cell->object, watcher);
    }
  cell->prev = NULL;
  cell->next = watcher->first;
  if (cell->next != NULL)
    cell->next->prev = cell;
  watcher->first = cell;
  cell->watcher = watcher;
}

static void
unwatch (Cell *cell)
{
  Watcher *watcher = cell->watcher;

  if (cell->prev != NULL)
    cell->prev->next = cell->next;
  else
    watcher->first = cell->next;
  if (cell->next != NULL)
    cell->next->prev = cell->prev;
  cell->prev = cell->next = NULL;
  cell->watcher = NULL;
  if (watcher->first == NULL)
    {
      g_signal_handler_disconnect (cell->object, watcher->handler);
      g_hash_table_remove (watchers, cell->object);
      g_free (watcher);
    }
}

SocCellContext *
soc_cell_context_new (GtkWidget *view)
{
  SocCellContext *context = g_new0 (SocCellContext, 1);

  context->view = view;
  context->editors = g_hash_table_new (NULL, NULL);
  context->progress = g_hash_table_new (NULL, NULL);
  if (cell_quark == 0)
    {
      cell_quark = g_quark_from_static_string ("soc-cell");
      item_quark = g_quark_from_static_string ("soc-cell-item");
    }
  return context;
}

/* The context holds DOCUMENT, and hears its changes once for all its
 * progress cells. */
void
soc_cell_context_set_document (SocCellContext *context,
                               SocDocument    *document)
{
  if (context->document == document)
    return;
  if (context->document != NULL)
    g_clear_signal_handler (&context->changed_id, context->document);
  g_set_object (&context->document, document);
  if (document != NULL)
    context->changed_id = g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), context);
}

/* The rows of a tree, whose first column opens and closes them. */
void
soc_cell_context_set_outline (SocCellContext *context,
                              SocOutlineModel *outline)
{
  context->outline = outline;
}

void
soc_cell_context_free (SocCellContext *context)
{
  soc_cell_context_set_document (context, NULL);
  g_hash_table_unref (context->editors);
  g_hash_table_unref (context->progress);
  g_free (context);
}

/* How many times a cell was bound to an item: a row whose selection
 * changed costs none. */
guint
soc_cell_context_get_n_binds (SocCellContext *context)
{
  return context->n_binds;
}

/* The row (the list's child) that holds CELL. */
static GtkWidget *
row_of (GtkWidget *cell)
{
  GtkWidget *row = cell;

  while (row != NULL && gtk_widget_get_parent (row) != NULL && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
    row = gtk_widget_get_parent (row);
  return row;
}

/* OBJECT's row, while it is shown. */
GtkWidget *
soc_cell_context_get_row (SocCellContext *context,
                          SocObject      *object)
{
  GtkWidget *cell = object != NULL ? g_hash_table_lookup (context->editors, object) : NULL;

  return cell != NULL ? row_of (cell) : NULL;
}

/* The object of the row that holds WIDGET (the row itself, or one of its
 * cells), found among the rows shown; NULL if none. */
SocObject *
soc_cell_context_find_row_object (SocCellContext *context,
                                  GtkWidget      *widget)
{
  GHashTableIter iter;
  gpointer object, cell;

  g_hash_table_iter_init (&iter, context->editors);
  while (g_hash_table_iter_next (&iter, &object, &cell))
    {
      GtkWidget *row = row_of (cell);

      if (row != NULL && (row == widget || gtk_widget_is_ancestor (widget, row)))
        return object;
    }
  return NULL;
}

/* Starts editing OBJECT's cell in the primary column, if its row is shown. */
gboolean
soc_cell_context_edit (SocCellContext *context,
                       SocObject      *object)
{
  SocEditableCell *cell = g_hash_table_lookup (context->editors, object);

  if (cell == NULL)
    return FALSE;
  soc_editable_cell_start_editing (cell);
  return TRUE;
}

/* The cell of OBJECT in the primary column, while its row is shown. */
SocEditableCell *
soc_cell_context_get_editor (SocCellContext *context,
                             SocObject      *object)
{
  return g_hash_table_lookup (context->editors, object);
}

static void
cell_spec_free (gpointer data)
{
  CellSpec *spec = data;

  g_free (spec->property);
  g_free (spec);
}

static char *
cell_text (CellSpec  *spec,
           SocObject *object)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (object);
  g_auto(GValue) value = G_VALUE_INIT;

  if (spec->kind == SOC_CELL_METRIC)
    return spec->context->document != NULL ? soc_format_progress (spec->context->document, SOC_GOAL (object))
                                            : soc_format_metric (G_OBJECT (object));
  if (spec->klass != klass)
    {
      spec->klass = klass;
      spec->pspec = g_object_class_find_property (klass, spec->property);
      spec->field = spec->pspec != NULL ? soc_object_class_field_for_pspec (spec->pspec) : NULL;
    }
  if (spec->pspec == NULL)
    return g_strdup ("");

  g_value_init (&value, spec->pspec->value_type);
  if (spec->field != NULL)
    soc_object_get_field (object, spec->field, &value);
  else
    g_object_get_property (G_OBJECT (object), spec->property, &value);

  switch (spec->kind)
    {
    case SOC_CELL_TEXT:
      return g_value_dup_string (&value) ?: g_strdup ("");
    case SOC_CELL_INT:
      return g_strdup_printf ("%d", g_value_get_int (&value));
    case SOC_CELL_PERCENT:
      return soc_format_percent (NULL, g_value_get_int (&value));
    case SOC_CELL_DATE:
      return soc_format_date (NULL, g_value_get_uint (&value));
    case SOC_CELL_ENUM:
      return soc_format_enum (NULL, spec->pspec->value_type, g_value_get_enum (&value));
    case SOC_CELL_FLAGS:
      return soc_format_flags (spec->pspec->value_type, g_value_get_flags (&value));
    case SOC_CELL_REF:
      return soc_format_label (NULL, g_value_get_object (&value));
    case SOC_CELL_REFLIST:
      return soc_format_links (g_value_get_boxed (&value));
    case SOC_CELL_METRIC:
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
cell_widget (GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (SOC_IS_OUTLINE_EXPANDER (child))
    return soc_outline_expander_get_child (SOC_OUTLINE_EXPANDER (child));
  return child;
}

static void
refresh (GtkListItem *list_item)
{
  Cell *cell = cell_of (list_item);
  GtkWidget *child;
  g_autofree char *text = NULL;

  if (cell == NULL || cell->object == NULL)
    return;
  child = cell_widget (list_item);
  text = cell_text (cell->spec, cell->object);
  if (SOC_IS_EDITABLE_CELL (child))
    soc_editable_cell_set_text (SOC_EDITABLE_CELL (child), text);
  else
    soc_cell_label_set_text (SOC_CELL_LABEL (child), text);
}

/* The text a cell shows, for sorting by it. */
char *
soc_cell_text (SocObject  *object,
               const char *property,
               SocCellKind kind)
{
  CellSpec spec = { NULL, (char *) property, kind, FALSE, FALSE, FALSE, 0, 0 };

  return cell_text (&spec, object);
}

static void
show_refusal (CellSpec   *spec,
              const char *message)
{
  gtk_widget_activate_action (spec->context->view, "win.show-message", "s", message);
}

/* The user typed TEXT, different from what the cell showed: commit it as
 * one undo step, or say why not (the cell shows the model's value again). */
static void
on_commit (SocEditableCell *cell,
           const char      *text,
           GtkListItem     *list_item)
{
  Cell *bound = cell_of (list_item);
  CellSpec *spec = bound->spec;
  SocObject *object = bound->object;
  SocDocument *document = spec->context->document;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (object == NULL || document == NULL)
    return;

  switch (spec->kind)
    {
    case SOC_CELL_TEXT:
      ok = soc_edit_set_string (document, object, spec->property, text, &error);
      break;
    case SOC_CELL_INT:
    case SOC_CELL_PERCENT:
      {
        g_autofree char *digits = g_strstrip (g_strdelimit (g_strdup (text), "%", ' '));
        gint64 v;

        if (!g_ascii_string_to_signed (digits, 10, G_MININT, G_MAXINT, &v, NULL))
          {
            g_set_error (&error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                         _("“%s” is not a whole number"), text);
            ok = FALSE;
          }
        else
          ok = soc_edit_set_int (document, object, spec->property, (int) v, &error);
      }
      break;
    case SOC_CELL_DATE:
      {
        guint date;

        if (!soc_parse_date (text, &date))
          {
            g_set_error (&error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                         _("“%s” is not a date: write it as YYYY-MM-DD"), text);
            ok = FALSE;
          }
        else
          ok = soc_edit_set_int (document, object, spec->property, (int) date, &error);
      }
      break;
    case SOC_CELL_ENUM:
    case SOC_CELL_FLAGS:
    case SOC_CELL_REF:
    case SOC_CELL_REFLIST:
    case SOC_CELL_METRIC:
    default:
      break;
    }

  if (!ok)
    show_refusal (spec, error->message);
  refresh (list_item);
}

/* Editing ended: the keyboard goes back to the row, so arrows move again. */
static void
on_done (SocEditableCell *cell,
         gboolean         had_focus,
         GtkListItem     *list_item)
{
  CellSpec *spec = cell_of (list_item)->spec;

  if (had_focus && spec != NULL && gtk_widget_get_mapped (spec->context->view))
    gtk_widget_grab_focus (spec->context->view);
}

/* A double click on a cell edits it; on a value the table cannot edit,
 * it edits it in the inspector. One gesture for the whole table, in the
 * capture phase, not one a cell: GTK 4.8 makes 200 rows again when a
 * table's rows all come back (an undo that puts back a goal tree), and a
 * controller each was a part of that. A click in a cell being edited is
 * the entry's. */
static void
on_table_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SocCellContext  *context)
{
  GtkWidget *table = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *widget;
  GtkListItem *list_item = NULL;

  if (n_press != 2)
    return;
  for (widget = gtk_widget_pick (table, x, y, GTK_PICK_DEFAULT); widget != NULL && widget != table;
       widget = gtk_widget_get_parent (widget))
    if ((list_item = g_object_get_qdata (G_OBJECT (widget), item_quark)) != NULL)
      break;
  if (list_item == NULL || cell_of (list_item)->object == NULL)
    return;
  if (SOC_IS_EDITABLE_CELL (widget))
    {
      if (soc_editable_cell_get_editing (SOC_EDITABLE_CELL (widget)))
        return;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      soc_editable_cell_start_editing (SOC_EDITABLE_CELL (widget));
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (!gtk_widget_activate_action (widget, "win.edit-field", "s", cell_of (list_item)->spec->property))
    gtk_widget_activate_action (widget, "win.edit-selection", NULL);
}

/* TABLE (the column view whose cells the context makes) edits a cell on
 * a double click. */
void
soc_cell_context_attach (SocCellContext *context,
                         GtkWidget      *table)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_table_pressed), context);
  gtk_widget_add_controller (table, GTK_EVENT_CONTROLLER (click));
}

static gboolean
is_widget (gpointer key,
           gpointer value,
           gpointer widget)
{
  return value == widget;
}

/* An editor cell that goes is no one's any more, whatever GTK released
 * before (a list torn down drops its rows without unbinding them). */
static void
on_editor_destroy (GtkWidget      *cell,
                   SocCellContext *context)
{
  g_hash_table_foreach_remove (context->editors, is_widget, cell);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          CellSpec                 *spec)
{
  Cell *cell = g_new0 (Cell, 1);
  GtkWidget *child;

  cell->spec = spec;
  cell->list_item = list_item;
  g_object_set_qdata_full (G_OBJECT (list_item), cell_quark, cell, g_free);
  if (spec->editable)
    {
      child = soc_editable_cell_new (spec->context->view);
      soc_editable_cell_set_chars (SOC_EDITABLE_CELL (child), spec->min_chars, spec->nat_chars);
      g_signal_connect (child, "commit", G_CALLBACK (on_commit), list_item);
      g_signal_connect (child, "done", G_CALLBACK (on_done), list_item);
      if (spec->primary)
        g_signal_connect (child, "destroy", G_CALLBACK (on_editor_destroy), spec->context);
    }
  else
    {
      child = soc_cell_label_new (spec->context->view);
      soc_cell_label_set_chars (SOC_CELL_LABEL (child), spec->min_chars, spec->nat_chars);
      gtk_widget_set_hexpand (child, TRUE);
      soc_text_tooltip_attach (child);
    }
  /* For the table's double click: the cell's list item. */
  g_object_set_qdata (G_OBJECT (child), item_quark, list_item);
  if (spec->expander)
    child = soc_outline_expander_new (child);
  gtk_list_item_set_child (list_item, child);
}

/* A progress shown again when its table is shown again. */
static void
on_cell_mapped (GtkWidget   *child,
                GtkListItem *list_item)
{
  Cell *cell = cell_of (list_item);

  g_signal_handlers_disconnect_by_func (child, on_cell_mapped, list_item);
  if (cell != NULL)
    cell->stale = FALSE;
  refresh (list_item);
}

/* Progress rolls up the goals' metrics: nothing else moves it. One
 * handler for all the context's progress cells, not one each. */
static void
on_document_changed (SocDocument    *document,
                     SocCellContext *context)
{
  GHashTableIter iter;
  gpointer list_item;

  if (!(soc_document_get_last_changes (document) & SOC_DOCUMENT_CHANGES_GOALS))
    return;
  g_hash_table_iter_init (&iter, context->progress);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    {
      GtkWidget *child = gtk_list_item_get_child (list_item);
      Cell *cell = cell_of (list_item);

      /* A table not shown works it out when it is shown again. */
      if (child != NULL && !gtk_widget_get_mapped (child))
        {
          if (!cell->stale)
            {
              cell->stale = TRUE;
              g_signal_connect_object (child, "map", G_CALLBACK (on_cell_mapped), list_item, 0);
            }
          continue;
        }
      refresh (list_item);
    }
}

/* The row's indentation and arrow, for the goal it shows now. */
static void
update_expander (GtkListItem *list_item,
                 CellSpec    *spec)
{
  SocOutlineExpander *expander = SOC_OUTLINE_EXPANDER (gtk_list_item_get_child (list_item));
  SocOutlineModel *outline = spec->context->outline;
  SocObject *object = cell_of (list_item)->object;
  guint position = gtk_list_item_get_position (list_item);
  guint depth = 0;

  if (!SOC_IS_GOAL (object) || outline == NULL)
    {
      soc_outline_expander_set_row (expander, NULL, NULL, 0);
      return;
    }
  if (position != GTK_INVALID_LIST_POSITION && position < g_list_model_get_n_items (G_LIST_MODEL (outline)))
    depth = soc_outline_model_get_depth (outline, position);
  soc_outline_expander_set_row (expander, outline, SOC_GOAL (object), depth);
}

static void release (GtkListItem *list_item,
                     Cell        *cell);

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         CellSpec                 *spec)
{
  SocObject *object = gtk_list_item_get_item (list_item);  /* rows are the objects, in tables and trees */
  Cell *cell = cell_of (list_item);

  /* GTK 4.8 unbinds and binds a row again when only its selection
   * changed: the cell still shows the item, and follows it. */
  if (cell->unbound)
    {
      cell->unbound = FALSE;
      if (cell->object == object)
        {
          /* The same goal may come back at another depth. */
          if (spec->expander)
            update_expander (list_item, spec);
          return;
        }
      release (list_item, cell);
    }

  spec->context->n_binds++;
  cell->object = g_object_ref (object);
  /* Progress rolls up: a change anywhere under a goal changes its own,
   * and the document says when any goal changed. The goal's own notify
   * would also come for what progress does not rest on (an owner that
   * left the plan), and work the whole plan's progress out again in a
   * table not even shown. */
  if (spec->kind == SOC_CELL_METRIC && spec->context->document != NULL)
    g_hash_table_add (spec->context->progress, list_item);
  else
    /* Follow the one property shown, or all for computed cells. */
    watch (cell);
  /* The arrow follows the goal's children through the outline. */
  if (spec->expander)
    update_expander (list_item, spec);
  if (spec->primary)
    g_hash_table_insert (spec->context->editors, object, cell_widget (list_item));
  refresh (list_item);
}

/* Lets go of what the cell was bound to. */
static void
release (GtkListItem *list_item,
         Cell        *cell)
{
  CellSpec *spec = cell->spec;
  GtkWidget *child = cell_widget (list_item);

  /* A cell scrolled away while editing keeps what was typed. */
  if (SOC_IS_EDITABLE_CELL (child))
    soc_editable_cell_stop_editing (SOC_EDITABLE_CELL (child), TRUE);

  /* The row may be gone already (a tree row whose goal left): use what was bound. */
  if (cell->object != NULL)
    {
      if (cell->watcher != NULL)
        unwatch (cell);
      g_hash_table_remove (spec->context->progress, list_item);
      if (spec->primary && g_hash_table_lookup (spec->context->editors, cell->object) == child)
        g_hash_table_remove (spec->context->editors, cell->object);
      g_clear_object (&cell->object);
    }
  cell->unbound = FALSE;
}

/* The cell is let go of when it is bound to another item or torn down,
 * not here: GTK 4.8 unbinds a row whose selection changed and binds it
 * again at once, to the same item (the rows a Down key passes cost two
 * whole binds a column, and more in a tree). A cell being edited is let
 * go of now. */
static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           CellSpec                 *spec)
{
  GtkWidget *child = cell_widget (list_item);
  Cell *cell = cell_of (list_item);

  if (SOC_IS_EDITABLE_CELL (child) && soc_editable_cell_get_editing (SOC_EDITABLE_CELL (child)))
    release (list_item, cell);
  else
    cell->unbound = TRUE;
}

static void
on_teardown (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CellSpec                 *spec)
{
  release (list_item, cell_of (list_item));
}

/* How many characters a cell of KIND asks for: enough for every value of
 * an enum, a whole date, a percentage; some room for free text. */
static void
chars_for (SocCellKind  kind,
           GType        value_type,
           gboolean     expand,
           guint       *min_chars,
           guint       *nat_chars)
{
  switch (kind)
    {
    case SOC_CELL_TEXT:
      *min_chars = expand ? 16 : 6;
      *nat_chars = expand ? 40 : 14;
      break;
    case SOC_CELL_INT:
      *min_chars = *nat_chars = 4;
      break;
    case SOC_CELL_PERCENT:
      *min_chars = *nat_chars = 5;
      break;
    case SOC_CELL_DATE:
      *min_chars = *nat_chars = 10;
      break;
    case SOC_CELL_ENUM:
      {
        guint longest = 4;

        if (G_TYPE_IS_ENUM (value_type))
          {
            g_autoptr(GEnumClass) klass = g_type_class_ref (value_type);

            for (guint i = 0; i < klass->n_values; i++)
              longest = MAX (longest, g_utf8_strlen (soc_enum_to_label (value_type, klass->values[i].value), -1));
          }
        *min_chars = *nat_chars = longest;
      }
      break;
    case SOC_CELL_FLAGS:
    case SOC_CELL_REFLIST:
      *min_chars = 6;
      *nat_chars = 18;
      break;
    case SOC_CELL_REF:
      *min_chars = 6;
      *nat_chars = 16;
      break;
    case SOC_CELL_METRIC:
    default:
      *min_chars = 8;
      *nat_chars = 20;
      break;
    }
}

/* A factory of cells showing PROPERTY of ITEM_TYPE objects as KIND.
 * EDITABLE ones commit edits; the PRIMARY one is what Enter on a row
 * edits; with EXPANDER, the cell opens and closes a tree row; an EXPAND
 * column takes the room the others leave. */
GtkListItemFactory *
soc_cell_factory_new (SocCellContext *context,
                      GType           item_type,
                      const char     *property,
                      SocCellKind     kind,
                      gboolean        editable,
                      gboolean        primary,
                      gboolean        expander,
                      gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellSpec *spec = g_new0 (CellSpec, 1);
  g_autoptr(GTypeClass) klass = g_type_class_ref (item_type);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);

  spec->context = context;
  spec->property = g_strdup (property);
  spec->kind = kind;
  spec->editable = editable;
  spec->primary = primary && editable;
  spec->expander = expander;
  /* Computed cells follow every property. */
  spec->detail = kind == SOC_CELL_METRIC ? 0 : g_quark_from_string (property);
  chars_for (kind, pspec != NULL ? pspec->value_type : G_TYPE_INVALID, expand,
             &spec->min_chars, &spec->nat_chars);
  g_object_set_data_full (G_OBJECT (factory), "soc-cell-spec", spec, cell_spec_free);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), spec);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), spec);
  g_signal_connect (factory, "teardown", G_CALLBACK (on_teardown), spec);
  return factory;
}

typedef struct
{
  char        *property;
  SocCellKind  kind;
} SortSpec;

static void
sort_spec_free (gpointer data)
{
  SortSpec *spec = data;

  g_free (spec->property);
  g_free (spec);
}

static void
sort_spec_notify (gpointer  data,
                  GClosure *closure)
{
  sort_spec_free (data);
}

static char *
sort_key (SocObject *object,
          SortSpec  *spec)
{
  g_autofree char *text = soc_cell_text (object, spec->property, spec->kind);

  return g_utf8_casefold (text, -1);
}

/* How a table sorts by a column showing PROPERTY of ITEM_TYPE objects as
 * KIND: numbers and dates by value, the rest by the text shown, without
 * case. */
GtkSorter *
soc_cell_sorter_new (GType        item_type,
                     const char  *property,
                     SocCellKind  kind)
{
  SortSpec *spec;
  GtkExpression *expression;

  if (kind == SOC_CELL_INT || kind == SOC_CELL_PERCENT || kind == SOC_CELL_DATE)
    return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (item_type, NULL, property)));
  spec = g_new0 (SortSpec, 1);
  spec->property = g_strdup (property);
  spec->kind = kind;
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (sort_key), spec, sort_spec_notify);
  return GTK_SORTER (gtk_string_sorter_new (expression));
}
