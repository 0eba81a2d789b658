/* soc-link-list.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stakeholder may have 846 relationships and own hundreds of items; an
 * item may serve thousands of goals. The list shows a page of rows (rows
 * cost a fraction of a millisecond each, and GTK 4.8's list view makes two
 * hundred at a time), with a search over all of them and "Show more" when
 * there are more: showing such an object costs what a page costs. Titles
 * are the user's text, a line each, cut short with a tooltip.
 */

#define G_LOG_DOMAIN "soc-link-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "soc-editable-cell.h"
#include "soc-link-list.h"

#define PAGE 10

struct _SocLinkList
{
  GtkWidget            parent_instance;

  GtkWidget           *box;
  GtkWidget           *search;
  GtkWidget           *list;       /* GtkListBox */
  GtkWidget           *more;       /* "Show more" */
  GtkWidget           *count;
  GListStore          *store;
  GPtrArray           *rows;
  guint                limit;      /* rows shown at most */
  SocLinkListDescribe  describe;
  gpointer             user_data;
  char                *jump_label;
  char                *remove_label;
};

G_DEFINE_FINAL_TYPE (SocLinkList, soc_link_list, GTK_TYPE_WIDGET)

enum {
  JUMP,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
on_jump_clicked (GtkButton   *button,
                 SocLinkList *self)
{
  g_signal_emit (self, signals[JUMP], 0, g_object_get_data (G_OBJECT (button), "soc-object"));
}

static void
on_remove_clicked (GtkButton   *button,
                   SocLinkList *self)
{
  g_signal_emit (self, signals[REMOVE], 0, g_object_get_data (G_OBJECT (button), "soc-object"));
}

/* Enter on a row, or a double click, shows its object. */
static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  SocLinkList   *self)
{
  SocObject *object = g_object_get_data (G_OBJECT (row), "soc-object");

  if (object != NULL)
    g_signal_emit (self, signals[JUMP], 0, object);
}

/* Shows OBJECT in ROW: its title and detail, and what its buttons act on.
 * With OBJECT NULL the row is emptied and hidden, waiting for the next. */
static void
fill_row (SocLinkList *self,
          GtkWidget   *row,
          SocObject   *object)
{
  GtkWidget *title = g_object_get_data (G_OBJECT (row), "soc-title");
  GtkWidget *detail = g_object_get_data (G_OBJECT (row), "soc-detail");
  GtkWidget *jump = g_object_get_data (G_OBJECT (row), "soc-jump");
  GtkWidget *remove = g_object_get_data (G_OBJECT (row), "soc-remove");
  g_autofree char *title_text = NULL;
  g_autofree char *detail_text = NULL;

  if (object != NULL)
    self->describe (object, &title_text, &detail_text, self->user_data);
  gtk_inscription_set_text (GTK_INSCRIPTION (title), title_text ? title_text : "");
  gtk_inscription_set_text (GTK_INSCRIPTION (detail), detail_text ? detail_text : "");
  if (gtk_widget_get_visible (detail) != (detail_text != NULL && detail_text[0] != '\0'))
    gtk_widget_set_visible (detail, detail_text != NULL && detail_text[0] != '\0');
  g_object_set_data (G_OBJECT (jump), "soc-object", object);
  if (remove != NULL)
    g_object_set_data (G_OBJECT (remove), "soc-object", object);
  g_object_set_data (G_OBJECT (row), "soc-object", object);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title_text ? title_text : "", -1);
  gtk_widget_set_visible (row, object != NULL);
}

/* A row to show an object in: made once, and filled again for another
 * object each time the list changes (showing a stakeholder with a page of
 * relationships made and dropped some eighty widgets a time). */
static GtkWidget *
make_row (SocLinkList *self)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *detail = gtk_inscription_new (NULL);
  GtkWidget *jump = icon_button ("go-next-symbolic", self->jump_label);

  /* A line each, cut short with the whole text in a tooltip: an
   * inscription's size does not follow its text, so showing the next
   * object sets texts without laying the pane out again (wrapped labels
   * cost a millisecond a row, twenty rows each time a stakeholder was
   * chosen). */
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  soc_text_tooltip_attach (title);
  gtk_box_append (GTK_BOX (text), title);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (detail), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (detail, TRUE);
  soc_text_tooltip_attach (detail);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (text), detail);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);

  g_signal_connect (jump, "clicked", G_CALLBACK (on_jump_clicked), self);
  gtk_box_append (GTK_BOX (box), jump);
  g_object_set_data (G_OBJECT (row), "soc-title", title);
  g_object_set_data (G_OBJECT (row), "soc-detail", detail);
  g_object_set_data (G_OBJECT (row), "soc-jump", jump);
  if (self->remove_label != NULL)
    {
      GtkWidget *remove = icon_button ("edit-delete-symbolic", self->remove_label);

      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
      gtk_box_append (GTK_BOX (box), remove);
      g_object_set_data (G_OBJECT (row), "soc-remove", remove);
    }
  gtk_widget_add_css_class (box, "soc-link-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static gboolean
matches (SocLinkList *self,
         SocObject   *object,
         const char  *folded)
{
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *title_folded = NULL;

  if (folded == NULL)
    return TRUE;
  self->describe (object, &title, &detail, self->user_data);
  title_folded = g_utf8_casefold (title ? title : "", -1);
  return strstr (title_folded, folded) != NULL;
}

/* Shows the rows of the first matches, up to the limit. */
static void
rebuild (SocLinkList *self)
{
  GListModel *model = G_LIST_MODEL (self->store);
  guint n = g_list_model_get_n_items (model);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *folded = search[0] != '\0' ? g_utf8_casefold (search, -1) : NULL;
  guint shown = 0, matching = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SocObject) object = g_list_model_get_item (model, i);

      /* Past the page, only counting: no text is made for what is not shown. */
      if (folded == NULL && shown >= self->limit)
        {
          matching = n;
          break;
        }
      if (!matches (self, object, folded))
        continue;
      matching++;
      if (shown < self->limit)
        {
          if (shown == self->rows->len)
            {
              GtkWidget *row = make_row (self);

              gtk_list_box_append (GTK_LIST_BOX (self->list), row);
              g_ptr_array_add (self->rows, row);
            }
          fill_row (self, g_ptr_array_index (self->rows, shown), object);
          shown++;
        }
    }
  /* The rows left over wait, hidden and empty, for the next list; beyond
   * a page they go. */
  while (self->rows->len > MAX (shown, PAGE))
    {
      gtk_list_box_remove (GTK_LIST_BOX (self->list), g_ptr_array_index (self->rows, self->rows->len - 1));
      g_ptr_array_set_size (self->rows, self->rows->len - 1);
    }
  for (guint i = shown; i < self->rows->len; i++)
    fill_row (self, g_ptr_array_index (self->rows, i), NULL);

  gtk_widget_set_visible (self->list, shown > 0);
  gtk_widget_set_visible (self->search, n > PAGE);
  gtk_widget_set_visible (self->more, matching > shown);
  gtk_widget_set_visible (self->count, matching > shown || (folded != NULL && matching == 0));
  if (matching > shown)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u shown", "%u of %u shown", matching),
                                               shown, matching);
      gtk_label_set_text (GTK_LABEL (self->count), text);
    }
  else if (folded != NULL && matching == 0)
    gtk_label_set_text (GTK_LABEL (self->count), _("None matches"));
}

static void
on_more (SocLinkList *self)
{
  self->limit += PAGE;
  rebuild (self);
}

static void
on_search_changed (SocLinkList *self)
{
  self->limit = PAGE;
  rebuild (self);
}

/* Shows OBJECTS, in this order: the first page of them. */
void
soc_link_list_set_objects (SocLinkList      *self,
                           SocObject *const *objects,
                           guint             n_objects)
{
  g_return_if_fail (SOC_IS_LINK_LIST (self));

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       (gpointer *) objects, n_objects);
  self->limit = PAGE;
  if (gtk_editable_get_text (GTK_EDITABLE (self->search))[0] != '\0')
    {
      /* A new list starts unfiltered; this rebuilds it. */
      gtk_editable_set_text (GTK_EDITABLE (self->search), "");
    }
  rebuild (self);
  gtk_widget_set_visible (GTK_WIDGET (self), n_objects > 0);
}

/* All the objects, shown or not. */
GListModel *
soc_link_list_get_model (SocLinkList *self)
{
  g_return_val_if_fail (SOC_IS_LINK_LIST (self), NULL);
  return G_LIST_MODEL (self->store);
}

/* Describes the rows again (a name changed). */
void
soc_link_list_refresh (SocLinkList *self)
{
  g_return_if_fail (SOC_IS_LINK_LIST (self));
  rebuild (self);
}

static void
soc_link_list_dispose (GObject *object)
{
  SocLinkList *self = SOC_LINK_LIST (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (soc_link_list_parent_class)->dispose (object);
}

static void
soc_link_list_finalize (GObject *object)
{
  SocLinkList *self = SOC_LINK_LIST (object);

  g_free (self->jump_label);
  g_free (self->remove_label);

  G_OBJECT_CLASS (soc_link_list_parent_class)->finalize (object);
}

static void
soc_link_list_class_init (SocLinkListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_link_list_dispose;
  object_class->finalize = soc_link_list_finalize;

  /**
   * SocLinkList::jump:
   * @object: the object the user asked to see
   */
  signals[JUMP] =
    g_signal_new ("jump", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SOC_TYPE_OBJECT);
  /**
   * SocLinkList::remove:
   * @object: the object whose link the user asked to remove
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SOC_TYPE_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "soclinklist");
}

static void
soc_link_list_init (SocLinkList *self)
{
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->store = g_list_store_new (SOC_TYPE_OBJECT);
  self->rows = g_ptr_array_new ();
  self->limit = PAGE;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->search = gtk_search_entry_new ();
  gtk_widget_set_visible (self->search, FALSE);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_box_append (GTK_BOX (self->box), self->search);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_box_append (GTK_BOX (self->box), self->list);

  self->count = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->count), 0);
  gtk_widget_set_hexpand (self->count, TRUE);
  gtk_widget_add_css_class (self->count, "dim-label");
  self->more = gtk_button_new_with_mnemonic (_("Show _More"));
  gtk_widget_add_css_class (self->more, "flat");
  g_signal_connect_swapped (self->more, "clicked", G_CALLBACK (on_more), self);
  gtk_box_append (GTK_BOX (footer), self->count);
  gtk_box_append (GTK_BOX (footer), self->more);
  gtk_box_append (GTK_BOX (self->box), footer);
}

/* A list whose rows DESCRIBE their object, with a button that shows it
 * (JUMP_LABEL) and, with REMOVE_LABEL, one that removes it. */
GtkWidget *
soc_link_list_new (SocLinkListDescribe  describe,
                   gpointer             user_data,
                   const char          *jump_label,
                   const char          *remove_label)
{
  SocLinkList *self = g_object_new (SOC_TYPE_LINK_LIST, NULL);

  self->describe = describe;
  self->user_data = user_data;
  self->jump_label = g_strdup (jump_label);
  self->remove_label = g_strdup (remove_label);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return GTK_WIDGET (self);
}
