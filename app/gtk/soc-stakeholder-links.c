/* soc-stakeholder-links.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two groups under a stakeholder's fields: the goals and roadmap items
 * they own, and their relationships in both directions, each with a jump
 * to the other end; a relationship is added by choosing its kind and the
 * other person from a searchable list.
 *
 * They follow the plan without scanning it on every change: a change to
 * the relationships is looked at only for the relationships it adds and
 * the ones shown, and the lists are built again once, after a burst of
 * changes (a cascading delete is hundreds of commands), from the plan's
 * own arrays (soc-summary.c).
 */

#define G_LOG_DOMAIN "soc-stakeholder-links"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-edit.h"
#include "soc-enum-types.h"
#include "soc-link-list.h"
#include "soc-ref-picker.h"
#include "soc-stakeholder-links.h"
#include "soc-summary.h"

struct _SocStakeholderLinks
{
  GtkWidget       parent_instance;

  GtkWidget      *owned_group;
  GtkWidget      *owned_list;       /* SocLinkList */
  GtkWidget      *relations_group;
  GtkWidget      *relations_list;   /* SocLinkList */
  GtkWidget      *add_group;
  GtkWidget      *kind_row;
  GtkWidget      *with_row;
  GtkWidget      *picker;

  SocDocument    *document;
  SocStakeholder *stakeholder;
  GPtrArray      *relations;     /* SocRelationship shown */
  guint           update_id;
  gboolean        relations_dirty;
  gboolean        owned_dirty;
  gboolean        names_dirty;   /* a stakeholder changed: the rows' names */
};

G_DEFINE_FINAL_TYPE (SocStakeholderLinks, soc_stakeholder_links, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The choices for a new relationship: each kind, in each direction. */
static const struct {
  SocRelationKind kind;
  gboolean        outgoing;
  const char     *label;
} choices[] = {
  { SOC_RELATION_KIND_REPORTS_TO, TRUE, N_("Reports to") },
  { SOC_RELATION_KIND_REPORTS_TO, FALSE, N_("Is reported to by") },
  { SOC_RELATION_KIND_INFLUENCES, TRUE, N_("Influences") },
  { SOC_RELATION_KIND_INFLUENCES, FALSE, N_("Is influenced by") },
  { SOC_RELATION_KIND_MENTORS, TRUE, N_("Mentors") },
  { SOC_RELATION_KIND_MENTORS, FALSE, N_("Is mentored by") },
};

static char *
relation_text (SocRelationKind  kind,
               gboolean         outgoing,
               const char      *other)
{
  switch (kind)
    {
    case SOC_RELATION_KIND_REPORTS_TO:
      return outgoing ? g_strdup_printf (_("Reports to %s"), other)
                      : g_strdup_printf (_("%s reports to them"), other);
    case SOC_RELATION_KIND_INFLUENCES:
      return outgoing ? g_strdup_printf (_("Influences %s"), other)
                      : g_strdup_printf (_("Influenced by %s"), other);
    case SOC_RELATION_KIND_MENTORS:
    default:
      return outgoing ? g_strdup_printf (_("Mentors %s"), other)
                      : g_strdup_printf (_("Mentored by %s"), other);
    }
}

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names are the user's text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
on_jump (SocLinkList         *list,
         SocObject           *object,
         SocStakeholderLinks *self)
{
  /* A relationship shows the other end. */
  if (SOC_IS_RELATIONSHIP (object))
    object = soc_relationship_get_from (SOC_RELATIONSHIP (object)) == self->stakeholder
      ? SOC_OBJECT (soc_relationship_get_to (SOC_RELATIONSHIP (object)))
      : SOC_OBJECT (soc_relationship_get_from (SOC_RELATIONSHIP (object)));
  g_signal_emit (self, signals[ACTIVATE_LINK], 0, object);
}

static void
on_remove (SocLinkList         *list,
           SocObject           *rel,
           SocStakeholderLinks *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !soc_edit_delete (self->document, &rel, 1, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

static void
describe_relation (SocObject  *object,
                   char      **title,
                   char      **detail,
                   gpointer    user_data)
{
  SocStakeholderLinks *self = user_data;
  SocRelationship *rel = SOC_RELATIONSHIP (object);
  gboolean outgoing = soc_relationship_get_from (rel) == self->stakeholder;
  SocStakeholder *other = outgoing ? soc_relationship_get_to (rel) : soc_relationship_get_from (rel);

  *title = relation_text (soc_relationship_get_kind (rel), outgoing, soc_object_get_label (SOC_OBJECT (other)));
  *detail = g_strdup (soc_enum_to_label (SOC_TYPE_PROFILE, soc_stakeholder_get_profile (other)));
}

static void
describe_owned (SocObject  *object,
                char      **title,
                char      **detail,
                gpointer    user_data)
{
  *title = g_strdup (soc_object_get_label (object));
  if (SOC_IS_GOAL (object))
    *detail = g_strdup (soc_enum_to_label (SOC_TYPE_GOAL_KIND, soc_goal_get_kind (SOC_GOAL (object))));
  else
    *detail = g_strdup (soc_enum_to_label (SOC_TYPE_ITEM_KIND, soc_item_get_kind (SOC_ITEM (object))));
}

static void
on_picked (SocRefPicker        *picker,
           SocObject           *other,
           SocStakeholderLinks *self)
{
  guint choice = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));
  g_autoptr(SocRelationship) rel = NULL;
  g_autoptr(GError) error = NULL;

  if (other == NULL || self->stakeholder == NULL || choice >= G_N_ELEMENTS (choices))
    return;
  if (choices[choice].outgoing)
    rel = soc_relationship_new (choices[choice].kind, self->stakeholder, SOC_STAKEHOLDER (other));
  else
    rel = soc_relationship_new (choices[choice].kind, SOC_STAKEHOLDER (other), self->stakeholder);
  if (soc_edit_add (self->document, SOC_OBJECT (rel), NULL,
                    g_list_model_get_n_items (soc_document_get_relationships (self->document)), &error) == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

/* ------------------------------------------------------------------------ */
/* Building the lists                                                       */

static void
build_relations (SocStakeholderLinks *self)
{
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  self->relations_dirty = FALSE;
  self->names_dirty = FALSE;
  if (self->stakeholder == NULL)
    {
      soc_link_list_set_objects (SOC_LINK_LIST (self->relations_list), NULL, 0);
      return;
    }

  self->relations = soc_summary_relationships_of (self->document, self->stakeholder);
  soc_link_list_set_objects (SOC_LINK_LIST (self->relations_list),
                             (SocObject *const *) self->relations->pdata, self->relations->len);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->relations_group),
                                         self->relations->len == 0 ? _("None yet") : NULL);
}

static void
build_owned (SocStakeholderLinks *self)
{
  g_autoptr(GPtrArray) owned = NULL;

  self->owned_dirty = FALSE;
  if (self->stakeholder == NULL)
    {
      soc_link_list_set_objects (SOC_LINK_LIST (self->owned_list), NULL, 0);
      return;
    }

  owned = soc_summary_owned_by (self->document, self->stakeholder);
  soc_link_list_set_objects (SOC_LINK_LIST (self->owned_list), (SocObject *const *) owned->pdata, owned->len);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->owned_group),
                                         owned->len == 0 ? _("Nothing yet: choose them as the owner of a goal or a roadmap item") : NULL);
}

/* ------------------------------------------------------------------------ */
/* Following the plan                                                       */

static gboolean
update_idle (gpointer data)
{
  SocStakeholderLinks *self = data;

  self->update_id = 0;
  soc_stakeholder_links_update_now (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (SocStakeholderLinks *self)
{
  /* Before the next frame is drawn, once for the whole burst. */
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, update_idle, self, NULL);
}

/* Builds again what changed, now. */
void
soc_stakeholder_links_update_now (SocStakeholderLinks *self)
{
  g_return_if_fail (SOC_IS_STAKEHOLDER_LINKS (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->relations_dirty)
    build_relations (self);
  else if (self->names_dirty)
    {
      /* The rows name the other end: a page of them, described again. */
      self->names_dirty = FALSE;
      soc_link_list_refresh (SOC_LINK_LIST (self->relations_list));
    }
  if (self->owned_dirty)
    build_owned (self);
}

/* Only the relationships added, and the ones shown, are looked at. */
static void
on_relations_changed (GListModel          *list,
                      guint                position,
                      guint                removed,
                      guint                added,
                      SocStakeholderLinks *self)
{
  if (self->stakeholder == NULL || self->relations_dirty)
    return;
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(SocRelationship) rel = g_list_model_get_item (list, i);

      if (soc_relationship_get_from (rel) == self->stakeholder || soc_relationship_get_to (rel) == self->stakeholder)
        {
          self->relations_dirty = TRUE;
          break;
        }
    }
  for (guint i = 0; removed > 0 && !self->relations_dirty && self->relations != NULL && i < self->relations->len; i++)
    {
      SocObject *rel = g_ptr_array_index (self->relations, i);

      if (soc_document_lookup (self->document, soc_object_get_id (rel)) != rel)
        self->relations_dirty = TRUE;
    }
  if (self->relations_dirty)
    queue_update (self);
}

/* Owners are set on goals and items anywhere: look again after the burst. */
static void
on_document_changed (SocStakeholderLinks *self)
{
  if (self->stakeholder == NULL)
    return;
  self->owned_dirty = TRUE;
  /* A stakeholder renamed may be the other end of a row. Watching each
   * other end instead cost a handler on each, made and let go on every
   * selection (286 for the most related of a 30k plan). */
  if (soc_document_get_last_changes (self->document) & SOC_DOCUMENT_CHANGES_STAKEHOLDERS)
    self->names_dirty = TRUE;
  queue_update (self);
}

/* Shows what STAKEHOLDER owns and their relationships in DOCUMENT. */
void
soc_stakeholder_links_set_stakeholder (SocStakeholderLinks *self,
                                       SocDocument         *document,
                                       SocStakeholder      *stakeholder)
{
  g_return_if_fail (SOC_IS_STAKEHOLDER_LINKS (self));

  if (self->document != document)
    {
      if (self->document != NULL)
        {
          g_signal_handlers_disconnect_by_data (self->document, self);
          g_signal_handlers_disconnect_by_data (soc_document_get_relationships (self->document), self);
        }
      g_set_object (&self->document, document);
      if (document != NULL)
        {
          g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
          g_signal_connect (soc_document_get_relationships (document), "items-changed",
                            G_CALLBACK (on_relations_changed), self);
        }
      soc_ref_picker_set_source (SOC_REF_PICKER (self->picker), document, SOC_TYPE_STAKEHOLDER);
    }
  if (document == NULL)
    stakeholder = NULL;
  g_set_object (&self->stakeholder, stakeholder);
  if (self->stakeholder != NULL)
    {
      g_autoptr(GPtrArray) self_only = g_ptr_array_new ();

      g_ptr_array_add (self_only, self->stakeholder);
      soc_ref_picker_set_excluded (SOC_REF_PICKER (self->picker), self_only);
    }
  self->relations_dirty = TRUE;
  self->owned_dirty = TRUE;
  soc_stakeholder_links_update_now (self);
}

/* The relationships shown (for tests). */
GPtrArray *
soc_stakeholder_links_get_shown (SocStakeholderLinks *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER_LINKS (self), NULL);
  return self->relations;
}

GtkWidget *
soc_stakeholder_links_get_picker (SocStakeholderLinks *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER_LINKS (self), NULL);
  return self->picker;
}

/* Chooses the kind and direction of the next relationship added. */
void
soc_stakeholder_links_set_new_kind (SocStakeholderLinks *self,
                                    guint                choice)
{
  g_return_if_fail (SOC_IS_STAKEHOLDER_LINKS (self));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), choice);
}

static void
soc_stakeholder_links_dispose (GObject *object)
{
  SocStakeholderLinks *self = SOC_STAKEHOLDER_LINKS (object);
  GtkWidget *child;

  g_clear_handle_id (&self->update_id, g_source_remove);
  soc_stakeholder_links_set_stakeholder (self, NULL, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->relations, g_ptr_array_unref);

  G_OBJECT_CLASS (soc_stakeholder_links_parent_class)->dispose (object);
}

static void
soc_stakeholder_links_class_init (SocStakeholderLinksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_stakeholder_links_dispose;

  /**
   * SocStakeholderLinks::activate-link:
   * @target: what the user asked to see
   */
  signals[ACTIVATE_LINK] =
    g_signal_new ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SOC_TYPE_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
soc_stakeholder_links_init (SocStakeholderLinks *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);

  self->owned_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->owned_group), _("Owns"));
  self->owned_list = soc_link_list_new (describe_owned, self, _("Show it"), NULL);
  g_signal_connect (self->owned_list, "jump", G_CALLBACK (on_jump), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->owned_group), self->owned_list);
  gtk_widget_set_parent (self->owned_group, GTK_WIDGET (self));

  self->relations_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->relations_group), _("Relationships"));
  self->relations_list = soc_link_list_new (describe_relation, self, _("Show them"), _("Remove the relationship"));
  g_signal_connect (self->relations_list, "jump", G_CALLBACK (on_jump), self);
  g_signal_connect (self->relations_list, "remove", G_CALLBACK (on_remove), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->relations_group), self->relations_list);
  gtk_widget_set_parent (self->relations_group, GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    gtk_string_list_append (kinds, _(choices[i].label));
  self->kind_row = adw_combo_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->kind_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("New relationship"));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self->kind_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kinds));

  self->with_row = plain_row (_("With…"), _("Choose a stakeholder to add the relationship"));
  self->picker = soc_ref_picker_new (_("Choose a stakeholder"));
  g_signal_connect (self->picker, "picked", G_CALLBACK (on_picked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->with_row), self->picker);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->with_row), self->picker);

  self->add_group = adw_preferences_group_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->add_group), self->kind_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->add_group), self->with_row);
  gtk_widget_set_parent (self->add_group, GTK_WIDGET (self));
}

GtkWidget *
soc_stakeholder_links_new (void)
{
  return g_object_new (SOC_TYPE_STAKEHOLDER_LINKS, NULL);
}
