/* soc-list-page.c: the goal outline, or the stakeholder table, with its buttons
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-list-page.h"
#include "soc-table-view.h"
#include "soc-view.h"
#include "soc-view-bar.h"

struct _SocListPage
{
  GtkWidget        parent_instance;

  SocListPageKind  kind;
  SocTableView    *table;
  GtkWidget       *bar;
};

static void view_iface_init (SocViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocListPage, soc_list_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SOC_TYPE_VIEW, view_iface_init))

enum {
  PROP_0,
  PROP_KIND,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_selected (SocListPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
soc_list_page_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (soc_list_page_parent_class)->dispose (object);
}

static void
soc_list_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, SOC_LIST_PAGE (object)->kind);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, soc_list_page_get_selected (SOC_LIST_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_list_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_KIND:
      SOC_LIST_PAGE (object)->kind = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The goal outline, or the stakeholder table: columns and buttons. */
static void
soc_list_page_constructed (GObject *object)
{
  static const SocViewBarButton goal_buttons[] = {
    { "soc-goal-add-sibling-symbolic", N_("Add a goal after the selected one"), "win.add-sibling" },
    { "soc-goal-add-child-symbolic", N_("Add a sub-goal"), "win.add-child" },
    { "format-indent-more-symbolic", N_("Indent"), "win.indent" },
    { "format-indent-less-symbolic", N_("Outdent"), "win.outdent" },
    { "go-up-symbolic", N_("Move up"), "win.move-up" },
    { "go-down-symbolic", N_("Move down"), "win.move-down" },
    { "user-trash-symbolic", N_("Delete with its sub-goals"), "win.delete" },
    { NULL }
  };
  static const SocViewBarButton stakeholder_buttons[] = {
    { "list-add-symbolic", N_("Add a stakeholder"), "win.add-sibling" },
    { "go-up-symbolic", N_("Move up"), "win.move-up" },
    { "go-down-symbolic", N_("Move down"), "win.move-down" },
    { "user-trash-symbolic", N_("Delete with their relationships"), "win.delete" },
    { NULL }
  };
  SocListPage *self = SOC_LIST_PAGE (object);

  G_OBJECT_CLASS (soc_list_page_parent_class)->constructed (object);

  if (self->kind == SOC_LIST_PAGE_GOALS)
    {
      self->table = SOC_TABLE_VIEW (soc_table_view_new (SOC_TYPE_GOAL, TRUE));
      soc_table_view_add_column (self->table, _("Goal"), "title", SOC_CELL_TEXT, TRUE, TRUE);
      soc_table_view_add_column (self->table, _("Kind"), "kind", SOC_CELL_ENUM, FALSE, FALSE);
      soc_table_view_add_column (self->table, _("Status"), "status", SOC_CELL_ENUM, FALSE, FALSE);
      soc_table_view_add_column (self->table, _("Owner"), "owner", SOC_CELL_REF, FALSE, FALSE);
      soc_table_view_add_column (self->table, _("Metric"), "current", SOC_CELL_METRIC, FALSE, FALSE);
      soc_table_view_set_empty_state (self->table, "starred-symbolic", _("Start With Your Vision"),
                                      _("What is the organisation trying to achieve? Write it as the vision at the top of the goal tree, "
                                        "then hang the business objectives under it, and under those the social objectives, "
                                        "initiatives and metrics that serve them. Ctrl+Return adds a goal, Ctrl+Shift+Return a sub-goal."),
                                      _("_Add the Vision"), "win.add-sibling");
      self->bar = soc_view_bar_new (goal_buttons);
    }
  else
    {
      self->table = SOC_TABLE_VIEW (soc_table_view_new (SOC_TYPE_STAKEHOLDER, FALSE));
      soc_table_view_add_column (self->table, _("Name"), "name", SOC_CELL_TEXT, TRUE, TRUE);
      soc_table_view_add_column (self->table, _("Stance"), "stance", SOC_CELL_ENUM, FALSE, FALSE);
      soc_table_view_add_column (self->table, _("Profile"), "profile", SOC_CELL_ENUM, FALSE, FALSE);
      soc_table_view_add_column (self->table, _("Wanted"), "desired-stance", SOC_CELL_ENUM, FALSE, FALSE);
      soc_table_view_add_column (self->table, _("Influence"), "influence", SOC_CELL_INT, TRUE, FALSE);
      soc_table_view_add_column (self->table, _("Interest"), "interest", SOC_CELL_INT, TRUE, FALSE);
      soc_table_view_add_column (self->table, _("Department"), "department", SOC_CELL_TEXT, TRUE, FALSE);
      soc_table_view_add_column (self->table, _("Roles"), "roles", SOC_CELL_FLAGS, FALSE, FALSE);
      soc_table_view_set_empty_state (self->table, "system-users-symbolic", _("Who Can Make or Break It?"),
                                      _("List the people and groups the programme needs: leaders, managers, practitioners, "
                                        "IT and security, everyone else, partners and customers. Give each their influence, "
                                        "interest and stance, now and wanted. Ctrl+Return adds a stakeholder."),
                                      _("_Add a Stakeholder"), "win.add-sibling");
      self->bar = soc_view_bar_new (stakeholder_buttons);
    }

  gtk_widget_set_parent (GTK_WIDGET (self->table), GTK_WIDGET (self));
  gtk_widget_set_parent (self->bar, GTK_WIDGET (self));
  g_signal_connect_swapped (self->table, "notify::selected", G_CALLBACK (on_selected), self);
}

static gboolean
soc_list_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SOC_LIST_PAGE (widget)->table));
}

static void
soc_list_page_class_init (SocListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_list_page_dispose;
  object_class->constructed = soc_list_page_constructed;
  object_class->get_property = soc_list_page_get_property;
  object_class->set_property = soc_list_page_set_property;
  widget_class->grab_focus = soc_list_page_grab_focus;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, SOC_LIST_PAGE_GOALS, SOC_LIST_PAGE_STAKEHOLDERS,
                      SOC_LIST_PAGE_GOALS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, SOC_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
soc_list_page_init (SocListPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

static void
soc_list_page_set_document (SocView      *view,
                            SocDocument  *document,
                            SocSelection *selection)
{
  SocListPage *self = SOC_LIST_PAGE (view);

  if (document == NULL)
    soc_table_view_set_model (self->table, NULL, NULL, NULL);
  else
    soc_table_view_set_model (self->table, document, selection,
                              self->kind == SOC_LIST_PAGE_GOALS ? soc_document_get_goals (document)
                                                                : soc_document_get_stakeholders (document));
}

static gboolean
soc_list_page_owns (SocView   *view,
                    SocObject *object)
{
  if (SOC_LIST_PAGE (view)->kind == SOC_LIST_PAGE_GOALS)
    return SOC_IS_GOAL (object);
  return SOC_IS_STAKEHOLDER (object) || SOC_IS_RELATIONSHIP (object);
}

static void
soc_list_page_reveal (SocView   *view,
                      SocObject *object)
{
  soc_table_view_reveal (SOC_LIST_PAGE (view)->table, object);
}

static GType
soc_list_page_get_add_type (SocView *view)
{
  return SOC_LIST_PAGE (view)->kind == SOC_LIST_PAGE_GOALS ? SOC_TYPE_GOAL : SOC_TYPE_STAKEHOLDER;
}

static void
view_iface_init (SocViewInterface *iface)
{
  iface->set_document = soc_list_page_set_document;
  iface->owns = soc_list_page_owns;
  iface->reveal = soc_list_page_reveal;
  iface->get_add_type = soc_list_page_get_add_type;
}

SocObject *
soc_list_page_get_selected (SocListPage *self)
{
  g_return_val_if_fail (SOC_IS_LIST_PAGE (self), NULL);
  return soc_table_view_get_selected (self->table);
}
