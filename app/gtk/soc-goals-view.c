/* soc-goals-view.c: the goal tree as an outline
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-goals-view"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-goals-view.h"
#include "soc-table-view.h"
#include "soc-view-bar.h"

struct _SocGoalsView
{
  GtkWidget     parent_instance;

  SocTableView *table;
  GtkWidget    *bar;
};

G_DEFINE_FINAL_TYPE (SocGoalsView, soc_goals_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_selected (SocGoalsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
soc_goals_view_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (soc_goals_view_parent_class)->dispose (object);
}

static void
soc_goals_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, soc_goals_view_get_selected (SOC_GOALS_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
soc_goals_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SOC_GOALS_VIEW (widget)->table));
}

static void
soc_goals_view_class_init (SocGoalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_goals_view_dispose;
  object_class->get_property = soc_goals_view_get_property;
  widget_class->grab_focus = soc_goals_view_grab_focus;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, SOC_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
soc_goals_view_init (SocGoalsView *self)
{
  static const SocViewBarButton buttons[] = {
    { "list-add-symbolic", N_("Add a goal after the selected one"), "win.add-sibling" },
    { "value-increase-symbolic", N_("Add a sub-goal"), "win.add-child" },
    { "format-indent-more-symbolic", N_("Indent"), "win.indent" },
    { "format-indent-less-symbolic", N_("Outdent"), "win.outdent" },
    { "go-up-symbolic", N_("Move up"), "win.move-up" },
    { "go-down-symbolic", N_("Move down"), "win.move-down" },
    { "user-trash-symbolic", N_("Delete with its sub-goals"), "win.delete" },
    { NULL }
  };

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->table = SOC_TABLE_VIEW (soc_table_view_new (SOC_TYPE_GOAL, TRUE));
  soc_table_view_add_column (self->table, _("Goal"), "title", SOC_CELL_TEXT, TRUE, TRUE);
  soc_table_view_add_column (self->table, _("Kind"), "kind", SOC_CELL_ENUM, FALSE, FALSE);
  soc_table_view_add_column (self->table, _("Status"), "status", SOC_CELL_ENUM, FALSE, FALSE);
  soc_table_view_add_column (self->table, _("Owner"), "owner", SOC_CELL_REF, FALSE, FALSE);
  soc_table_view_add_column (self->table, _("Metric"), "current", SOC_CELL_METRIC, FALSE, FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->table), GTK_WIDGET (self));
  g_signal_connect_swapped (self->table, "notify::selected", G_CALLBACK (on_selected), self);

  self->bar = soc_view_bar_new (buttons);
  gtk_widget_set_parent (self->bar, GTK_WIDGET (self));
}

void
soc_goals_view_set_document (SocGoalsView *self,
                             SocDocument  *document)
{
  g_return_if_fail (SOC_IS_GOALS_VIEW (self));

  soc_table_view_set_model (self->table, document,
                            document != NULL ? soc_document_get_goals (document) : NULL);
}

SocObject *
soc_goals_view_get_selected (SocGoalsView *self)
{
  g_return_val_if_fail (SOC_IS_GOALS_VIEW (self), NULL);
  return soc_table_view_get_selected (self->table);
}

gboolean
soc_goals_view_select (SocGoalsView *self,
                       SocObject    *object)
{
  g_return_val_if_fail (SOC_IS_GOALS_VIEW (self), FALSE);
  return soc_table_view_select (self->table, object);
}
