/* soc-ref-picker.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A button that opens a popover: a search entry over a filtered list of
 * the document's own list model (stakeholders, lanes, items), or of the
 * goals in tree order, indented, each with its kind and its parent, so
 * goals that begin alike can be told apart. Nothing is built until the
 * popover opens, and it is let go when it closes: choosing an owner in a
 * plan of 20,000 stakeholders costs nothing until someone does it, and
 * then one filtered list, not 20,000 strings.
 */

#define G_LOG_DOMAIN "soc-ref-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-enum-types.h"
#include "soc-ref-picker.h"

/* Deeper goals are indented as this deep: the parent says the rest. */
#define MAX_INDENT 8
/* Lists longer than this are filtered a piece at a time. */
#define INCREMENTAL_FROM 4000

struct _SocRefPicker
{
  GtkWidget           parent_instance;

  GtkWidget          *button;     /* GtkMenuButton */
  GtkWidget          *popover;
  GtkWidget          *search;
  GtkWidget          *list;
  GtkWidget          *none;

  SocDocument        *document;
  GType               type;
  GHashTable         *excluded;   /* SocObject set */
  GHashTable         *depth;      /* SocGoal -> depth + 1, while open */
  GtkStringFilter    *string_filter;
  GtkFilterListModel *results;    /* while open */
};

G_DEFINE_FINAL_TYPE (SocRefPicker, soc_ref_picker, GTK_TYPE_WIDGET)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
label_of (SocObject *object)
{
  return g_strdup (object != NULL ? soc_object_get_label (object) : "");
}

static gboolean
not_excluded (gpointer item,
              gpointer user_data)
{
  SocRefPicker *self = user_data;

  return self->excluded == NULL || !g_hash_table_contains (self->excluded, item);
}

/* A second line that tells alike objects apart: a goal's kind and parent,
 * an item's lane, a stakeholder's profile, a lane's workstream. */
char *
soc_ref_picker_describe (SocRefPicker *self,
                         SocObject    *object)
{
  g_return_val_if_fail (SOC_IS_REF_PICKER (self), NULL);

  if (SOC_IS_GOAL (object))
    {
      SocGoal *parent = soc_goal_get_parent (SOC_GOAL (object));
      const char *kind = soc_enum_to_label (SOC_TYPE_GOAL_KIND, soc_goal_get_kind (SOC_GOAL (object)));

      if (parent == NULL)
        return g_strdup (kind);
      /* Translators: a goal's kind, then the goal it hangs under */
      return g_strdup_printf (_("%s, under “%s”"), kind, soc_object_get_label (SOC_OBJECT (parent)));
    }
  if (SOC_IS_ITEM (object))
    {
      SocLane *lane = soc_item_get_lane (SOC_ITEM (object));
      const char *kind = soc_enum_to_label (SOC_TYPE_ITEM_KIND, soc_item_get_kind (SOC_ITEM (object)));

      if (lane == NULL)
        return g_strdup (kind);
      /* Translators: a roadmap item's kind, then its lane */
      return g_strdup_printf (_("%s in “%s”"), kind, soc_object_get_label (SOC_OBJECT (lane)));
    }
  if (SOC_IS_STAKEHOLDER (object))
    return g_strdup (soc_enum_to_label (SOC_TYPE_PROFILE, soc_stakeholder_get_profile (SOC_STAKEHOLDER (object))));
  if (SOC_IS_LANE (object))
    return g_strdup (soc_enum_to_label (SOC_TYPE_LANE_KIND, soc_lane_get_kind (SOC_LANE (object))));
  return g_strdup ("");
}

/* ------------------------------------------------------------------------ */
/* The list, built when the popover opens                                   */

/* Rows are inscriptions: the list makes a couple of hundred of them when
 * it opens, and inscriptions are made for that. */
static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          SocRefPicker             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *detail = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (detail), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (title), 30);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (detail), 30);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (list_item, box);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         SocRefPicker             *self)
{
  SocObject *object = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  g_autofree char *described = soc_ref_picker_describe (self, object);
  guint depth = self->depth != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->depth, object)) : 0;
  const char *label = soc_object_get_label (object);

  gtk_inscription_set_text (GTK_INSCRIPTION (title), label);
  gtk_widget_set_tooltip_text (box, label);
  gtk_inscription_set_text (GTK_INSCRIPTION (detail), described);
  gtk_widget_set_visible (detail, described[0] != '\0');
  gtk_widget_set_margin_start (box, 16 * (int) MIN (depth > 0 ? depth - 1 : 0, MAX_INDENT));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described, -1);
}

static void
collect (gpointer object,
         gpointer array)
{
  g_ptr_array_add (array, object);
}

/* The goals in tree order, each parent before its children, with their
 * depth: one walk, whatever the depth of the tree. */
static GListModel *
goals_in_order (SocRefPicker *self)
{
  g_autoptr(GPtrArray) goals = g_ptr_array_new ();
  GListStore *store = g_list_store_new (SOC_TYPE_GOAL);

  soc_document_foreach_goal (self->document, collect, goals);
  self->depth = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < goals->len; i++)
    {
      SocGoal *goal = g_ptr_array_index (goals, i);
      SocGoal *parent = soc_goal_get_parent (goal);
      guint depth = parent != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->depth, parent)) : 0;

      g_hash_table_insert (self->depth, goal, GUINT_TO_POINTER (depth + 1));
    }
  g_list_store_splice (store, 0, 0, goals->pdata, goals->len);
  return G_LIST_MODEL (store);
}

static GListModel *
source_model (SocRefPicker *self)
{
  if (self->type == SOC_TYPE_GOAL)
    return goals_in_order (self);
  if (self->type == SOC_TYPE_STAKEHOLDER)
    return g_object_ref (soc_document_get_stakeholders (self->document));
  if (self->type == SOC_TYPE_LANE)
    return g_object_ref (soc_document_get_lanes (self->document));
  if (self->type == SOC_TYPE_ITEM)
    return g_object_ref (soc_document_get_items (self->document));
  if (self->type == SOC_TYPE_PHASE)
    return g_object_ref (soc_document_get_phases (self->document));
  return G_LIST_MODEL (g_list_store_new (SOC_TYPE_OBJECT));
}

static void
build (SocRefPicker *self)
{
  GtkEveryFilter *every;
  GtkCustomFilter *custom;
  GListModel *source;
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->results != NULL || self->document == NULL)
    return;

  source = source_model (self);
  every = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (g_object_ref (self->string_filter)));
  custom = gtk_custom_filter_new (not_excluded, self, NULL);
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (custom));
  self->results = gtk_filter_list_model_new (source, GTK_FILTER (every));
  gtk_filter_list_model_set_incremental (self->results, g_list_model_get_n_items (source) > INCREMENTAL_FROM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list), GTK_SELECTION_MODEL (selection));
}

static void
release (SocRefPicker *self)
{
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list), NULL);
  g_clear_object (&self->results);
  g_clear_pointer (&self->depth, g_hash_table_unref);
}

static void
on_popover_show (SocRefPicker *self)
{
  build (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  gtk_widget_grab_focus (self->search);
}

static gboolean
release_idle (gpointer data)
{
  SocRefPicker *self = data;

  if (!gtk_widget_get_visible (self->popover))
    release (self);
  return G_SOURCE_REMOVE;
}

static void
on_popover_closed (SocRefPicker *self)
{
  /* After the list has finished with its rows. */
  g_idle_add_full (G_PRIORITY_LOW, release_idle, g_object_ref (self), g_object_unref);
}

/* ------------------------------------------------------------------------ */
/* Choosing                                                                 */

/* Reports OBJECT (NULL for none) as chosen, and closes the list. */
void
soc_ref_picker_pick (SocRefPicker *self,
                     SocObject    *object)
{
  g_return_if_fail (SOC_IS_REF_PICKER (self));

  g_object_ref (self);
  soc_ref_picker_popdown (self);
  g_signal_emit (self, signals[PICKED], 0, object);
  g_object_unref (self);
}

static void
on_activate (GtkListView  *list,
             guint         position,
             SocRefPicker *self)
{
  g_autoptr(SocObject) object = NULL;

  if (self->results == NULL)
    return;
  object = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  if (object != NULL)
    soc_ref_picker_pick (self, object);
}

/* Enter in the search takes the first match. */
static void
on_search_activate (SocRefPicker *self)
{
  if (self->results != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
    on_activate (GTK_LIST_VIEW (self->list), 0, self);
}

static void
on_search_changed (SocRefPicker *self)
{
  gtk_string_filter_set_search (self->string_filter, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

static void
on_none_clicked (SocRefPicker *self)
{
  soc_ref_picker_pick (self, NULL);
}

/* Down from the search goes into the list. */
static gboolean
on_search_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               SocRefPicker          *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;
  return gtk_widget_child_focus (self->list, GTK_DIR_TAB_FORWARD) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

/* ------------------------------------------------------------------------ */

/* Chooses among DOCUMENT's objects of TYPE. */
void
soc_ref_picker_set_source (SocRefPicker *self,
                           SocDocument  *document,
                           GType         type)
{
  g_return_if_fail (SOC_IS_REF_PICKER (self));

  release (self);
  g_set_object (&self->document, document);
  self->type = type;
}

/* Offers a button to choose none, labelled NONE_LABEL (NULL: no such button). */
void
soc_ref_picker_set_none_label (SocRefPicker *self,
                               const char   *none_label)
{
  g_return_if_fail (SOC_IS_REF_PICKER (self));

  gtk_widget_set_visible (self->none, none_label != NULL);
  if (none_label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->none), none_label);
}

/* Leaves OBJECTS out of the list (those chosen already, the object itself). */
void
soc_ref_picker_set_excluded (SocRefPicker *self,
                             GPtrArray    *objects)
{
  g_return_if_fail (SOC_IS_REF_PICKER (self));

  g_clear_pointer (&self->excluded, g_hash_table_unref);
  if (objects != NULL && objects->len > 0)
    {
      self->excluded = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < objects->len; i++)
        g_hash_table_add (self->excluded, g_ptr_array_index (objects, i));
    }
  if (self->results != NULL)
    {
      GtkFilter *every = gtk_filter_list_model_get_filter (self->results);
      g_autoptr(GtkFilter) custom = g_list_model_get_item (G_LIST_MODEL (every), 1);

      gtk_filter_changed (custom, GTK_FILTER_CHANGE_DIFFERENT);
    }
}

void
soc_ref_picker_popup (SocRefPicker *self)
{
  g_return_if_fail (SOC_IS_REF_PICKER (self));
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
}

void
soc_ref_picker_popdown (SocRefPicker *self)
{
  g_return_if_fail (SOC_IS_REF_PICKER (self));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

/* Searches as if TEXT were typed. */
void
soc_ref_picker_set_search (SocRefPicker *self,
                           const char   *text)
{
  g_return_if_fail (SOC_IS_REF_PICKER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search), text);
}

/* What the list shows now, while it is open. */
GListModel *
soc_ref_picker_get_results (SocRefPicker *self)
{
  g_return_val_if_fail (SOC_IS_REF_PICKER (self), NULL);
  return self->results != NULL ? G_LIST_MODEL (self->results) : NULL;
}

GtkWidget *
soc_ref_picker_get_button (SocRefPicker *self)
{
  g_return_val_if_fail (SOC_IS_REF_PICKER (self), NULL);
  return self->button;
}

static void
soc_ref_picker_dispose (GObject *object)
{
  SocRefPicker *self = SOC_REF_PICKER (object);

  release (self);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_object (&self->string_filter);
  g_clear_pointer (&self->excluded, g_hash_table_unref);

  G_OBJECT_CLASS (soc_ref_picker_parent_class)->dispose (object);
}

static gboolean
soc_ref_picker_mnemonic_activate (GtkWidget *widget,
                                  gboolean   group_cycling)
{
  soc_ref_picker_popup (SOC_REF_PICKER (widget));
  return TRUE;
}

static void
soc_ref_picker_class_init (SocRefPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_ref_picker_dispose;
  widget_class->mnemonic_activate = soc_ref_picker_mnemonic_activate;

  /**
   * SocRefPicker::picked:
   * @object: (nullable): what was chosen, or %NULL for none
   */
  signals[PICKED] =
    g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SOC_TYPE_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
soc_ref_picker_init (SocRefPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkExpression *expression;

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (label_of), NULL, NULL);
  self->string_filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->string_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->string_filter, TRUE);

  self->search = gtk_search_entry_new ();
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (on_search_activate), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key), self);
  gtk_widget_add_controller (self->search, keys);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), self);
  self->list = gtk_list_view_new (NULL, factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list), TRUE);
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  g_signal_connect (self->list, "activate", G_CALLBACK (on_activate), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);

  self->none = gtk_button_new ();
  gtk_widget_add_css_class (self->none, "flat");
  gtk_widget_set_visible (self->none, FALSE);
  g_signal_connect_swapped (self->none, "clicked", G_CALLBACK (on_none_clicked), self);

  gtk_box_append (GTK_BOX (box), self->search);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), self->none);
  gtk_widget_set_size_request (box, 340, -1);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show), self);
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (on_popover_closed), self);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "pan-down-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

/* A picker whose button says LABEL to a screen reader and in its tooltip. */
GtkWidget *
soc_ref_picker_new (const char *label)
{
  SocRefPicker *self = g_object_new (SOC_TYPE_REF_PICKER, NULL);

  gtk_widget_set_tooltip_text (self->button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_WIDGET (self);
}
