/* soc-cells.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cell shows one property of the row's object and follows its changes.
 * An editable cell is a GtkEditableLabel: Enter commits through soc_edit,
 * so the change is one undo step; a refused value is put back and the
 * reason shown in the window's toast.
 */

#define G_LOG_DOMAIN "soc-cells"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-cells.h"
#include "soc-edit.h"
#include "soc-format.h"
#include "soc-goal.h"

struct _SocCellContext
{
  GtkWidget   *view;       /* not owned: the context lives as long as the view */
  SocDocument *document;   /* not owned */
};

typedef struct
{
  SocCellContext *context;
  char           *property;
  SocCellKind     kind;
  gboolean        editable;
  gboolean        expander;   /* the first column of a tree */
} CellSpec;

SocCellContext *
soc_cell_context_new (GtkWidget *view)
{
  SocCellContext *context = g_new0 (SocCellContext, 1);

  context->view = view;
  return context;
}

void
soc_cell_context_set_document (SocCellContext *context,
                               SocDocument    *document)
{
  context->document = document;
}

void
soc_cell_context_free (SocCellContext *context)
{
  g_free (context);
}

static void
cell_spec_free (gpointer data)
{
  CellSpec *spec = data;

  g_free (spec->property);
  g_free (spec);
}

/* Rows of a tree list carry a GtkTreeListRow; tables carry the object. */
SocObject *
soc_cell_item_object (gpointer item)
{
  if (GTK_IS_TREE_LIST_ROW (item))
    {
      g_autoptr(GObject) inner = gtk_tree_list_row_get_item (item);
      return SOC_OBJECT (inner);   /* the tree list model keeps its reference */
    }
  return SOC_OBJECT (item);
}

static char *
cell_text (CellSpec  *spec,
           SocObject *object)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), spec->property);
  g_auto(GValue) value = G_VALUE_INIT;

  if (spec->kind == SOC_CELL_METRIC)
    return soc_format_metric (G_OBJECT (object));
  if (pspec == NULL)
    return g_strdup ("");

  g_value_init (&value, pspec->value_type);
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
      return soc_format_enum (NULL, pspec->value_type, g_value_get_enum (&value));
    case SOC_CELL_FLAGS:
      return soc_format_flags (pspec->value_type, g_value_get_flags (&value));
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

  if (GTK_IS_TREE_EXPANDER (child))
    return gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child));
  return child;
}

static void
refresh (GtkListItem *list_item)
{
  CellSpec *spec = g_object_get_data (G_OBJECT (list_item), "soc-cell-spec");
  GtkWidget *child = cell_widget (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (item == NULL || spec == NULL)
    return;
  text = cell_text (spec, soc_cell_item_object (item));
  if (GTK_IS_EDITABLE_LABEL (child))
    {
      if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (child)))
        gtk_editable_set_text (GTK_EDITABLE (child), text);
    }
  else
    gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
}

/* The text a cell shows, for sorting by it. */
char *
soc_cell_text (SocObject  *object,
               const char *property,
               SocCellKind kind)
{
  CellSpec spec = { NULL, (char *) property, kind, FALSE, FALSE };

  return cell_text (&spec, object);
}

static void
show_refusal (CellSpec   *spec,
              const char *message)
{
  gtk_widget_activate_action (spec->context->view, "win.show-message", "s", message);
}

/* Enter or focus-out after editing: commit, or put the value back. */
static void
on_editing_changed (GtkEditableLabel *label,
                    GParamSpec       *pspec,
                    GtkListItem      *list_item)
{
  CellSpec *spec = g_object_get_data (G_OBJECT (list_item), "soc-cell-spec");
  gpointer item = gtk_list_item_get_item (list_item);
  g_autoptr(GError) error = NULL;
  const char *text;
  SocObject *object;
  gboolean ok = TRUE;

  if (gtk_editable_label_get_editing (label) || item == NULL || spec->context->document == NULL)
    return;

  object = soc_cell_item_object (item);
  text = gtk_editable_get_text (GTK_EDITABLE (label));

  switch (spec->kind)
    {
    case SOC_CELL_TEXT:
      ok = soc_edit_set_string (spec->context->document, object, spec->property, text, &error);
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
          ok = soc_edit_set_int (spec->context->document, object, spec->property, (int) v, &error);
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
          ok = soc_edit_set_int (spec->context->document, object, spec->property, (int) date, &error);
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

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          CellSpec                 *spec)
{
  GtkWidget *child;

  if (spec->editable)
    {
      child = gtk_editable_label_new ("");
      /* Arrow keys move between rows; the keyboard edits with F2 in the
       * inspector, the pointer here with a double click. */
      gtk_widget_set_focusable (child, FALSE);
      g_signal_connect (child, "notify::editing", G_CALLBACK (on_editing_changed), list_item);
    }
  else
    {
      child = gtk_inscription_new (NULL);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (child), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_widget_set_hexpand (child, TRUE);
    }
  g_object_set_data (G_OBJECT (list_item), "soc-cell-spec", spec);
  if (spec->expander)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), child);
      child = expander;
    }
  gtk_list_item_set_child (list_item, child);
}

static void
on_object_notify (SocObject   *object,
                  GParamSpec  *pspec,
                  GtkListItem *list_item)
{
  refresh (list_item);
}

/* A goal without children shows no expander arrow, only its indentation;
 * the arrow appears as soon as it gets a child. */
static void
update_expander (GtkListItem *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  SocObject *object;
  guint n;

  if (row == NULL || !GTK_IS_TREE_LIST_ROW (row))
    return;
  object = soc_cell_item_object (row);
  n = SOC_IS_GOAL (object) ? g_list_model_get_n_items (soc_goal_get_children (SOC_GOAL (object))) : 0;
  if (n > 0)
    {
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
      gtk_widget_set_margin_start (expander, 0);
    }
  else
    {
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
      gtk_widget_set_margin_start (expander, 20 * (int) (gtk_tree_list_row_get_depth (row) + 1));
    }
}

static void
on_children_changed (GListModel  *children,
                     guint        position,
                     guint        removed,
                     guint        added,
                     GtkListItem *list_item)
{
  update_expander (list_item);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         CellSpec                 *spec)
{
  SocObject *object = soc_cell_item_object (gtk_list_item_get_item (list_item));
  g_autofree char *signal = NULL;

  /* Follow the one property shown, or all for computed cells. */
  if (spec->kind == SOC_CELL_METRIC)
    signal = g_strdup ("notify");
  else
    signal = g_strdup_printf ("notify::%s", spec->property);
  g_object_set_data_full (G_OBJECT (list_item), "soc-bound", g_object_ref (object), g_object_unref);
  g_signal_connect_object (object, signal, G_CALLBACK (on_object_notify), list_item, 0);
  if (spec->expander && SOC_IS_GOAL (object))
    {
      g_signal_connect_object (soc_goal_get_children (SOC_GOAL (object)), "items-changed",
                               G_CALLBACK (on_children_changed), list_item, 0);
      update_expander (list_item);
    }
  refresh (list_item);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           CellSpec                 *spec)
{
  SocObject *object = g_object_get_data (G_OBJECT (list_item), "soc-bound");

  /* The row may be gone already (a tree row whose goal left): use what was bound. */
  if (object != NULL)
    {
      g_signal_handlers_disconnect_by_func (object, on_object_notify, list_item);
      if (spec->expander && SOC_IS_GOAL (object))
        g_signal_handlers_disconnect_by_func (soc_goal_get_children (SOC_GOAL (object)),
                                              on_children_changed, list_item);
      g_object_set_data (G_OBJECT (list_item), "soc-bound", NULL);
    }
}

/* A factory of cells showing PROPERTY as KIND; EDITABLE ones commit edits;
 * with EXPANDER, the cell opens and closes a tree row. */
GtkListItemFactory *
soc_cell_factory_new (SocCellContext *context,
                      const char     *property,
                      SocCellKind     kind,
                      gboolean        editable,
                      gboolean        expander)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellSpec *spec = g_new0 (CellSpec, 1);

  spec->context = context;
  spec->property = g_strdup (property);
  spec->kind = kind;
  spec->editable = editable;
  spec->expander = expander;
  g_object_set_data_full (G_OBJECT (factory), "soc-cell-spec", spec, cell_spec_free);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), spec);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), spec);
  return factory;
}
