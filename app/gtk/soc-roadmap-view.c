/* soc-roadmap-view.c: roadmap items as a table, lanes and phases beside it
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-roadmap-view"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-roadmap-view.h"
#include "soc-table-view.h"
#include "soc-view.h"
#include "soc-view-bar.h"

struct _SocRoadmapView
{
  GtkWidget     parent_instance;

  GtkWidget    *paned;
  SocTableView *items;
  SocTableView *lanes;
  SocTableView *phases;
  SocSelection *selection;
};

static void view_iface_init (SocViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocRoadmapView, soc_roadmap_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SOC_TYPE_VIEW, view_iface_init))

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_selected (SocRoadmapView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
soc_roadmap_view_dispose (GObject *object)
{
  SocRoadmapView *self = SOC_ROADMAP_VIEW (object);

  g_clear_pointer (&self->paned, gtk_widget_unparent);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (soc_roadmap_view_parent_class)->dispose (object);
}

static void
soc_roadmap_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, soc_roadmap_view_get_selected (SOC_ROADMAP_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
soc_roadmap_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SOC_ROADMAP_VIEW (widget)->items));
}

static void
soc_roadmap_view_class_init (SocRoadmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_roadmap_view_dispose;
  object_class->get_property = soc_roadmap_view_get_property;
  widget_class->grab_focus = soc_roadmap_view_grab_focus;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, SOC_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
section (const char             *title,
         SocTableView           *table,
         const SocViewBarButton *buttons)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (table));
  gtk_box_append (GTK_BOX (box), soc_view_bar_new (buttons));
  return box;
}

static void
soc_roadmap_view_init (SocRoadmapView *self)
{
  static const SocViewBarButton item_buttons[] = {
    { "list-add-symbolic", N_("Add an activity"), "win.add-sibling" },
    { "starred-symbolic", N_("Add a milestone"), "win.add-milestone" },
    { "go-up-symbolic", N_("Move up"), "win.move-up" },
    { "go-down-symbolic", N_("Move down"), "win.move-down" },
    { "user-trash-symbolic", N_("Delete"), "win.delete" },
    { NULL }
  };
  static const SocViewBarButton lane_buttons[] = {
    { "list-add-symbolic", N_("Add a lane"), "win.add-lane" },
    { "user-trash-symbolic", N_("Delete the selection"), "win.delete" },
    { NULL }
  };
  static const SocViewBarButton phase_buttons[] = {
    { "list-add-symbolic", N_("Add a phase"), "win.add-phase" },
    { "user-trash-symbolic", N_("Delete the selection"), "win.delete" },
    { NULL }
  };
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->items = SOC_TABLE_VIEW (soc_table_view_new (SOC_TYPE_ITEM, FALSE));
  soc_table_view_add_column (self->items, _("Item"), "title", SOC_CELL_TEXT, TRUE, TRUE);
  soc_table_view_add_column (self->items, _("Lane"), "lane", SOC_CELL_REF, FALSE, FALSE);
  soc_table_view_add_column (self->items, _("Kind"), "kind", SOC_CELL_ENUM, FALSE, FALSE);
  soc_table_view_add_column (self->items, _("Start"), "start", SOC_CELL_DATE, TRUE, FALSE);
  soc_table_view_add_column (self->items, _("End"), "end", SOC_CELL_DATE, TRUE, FALSE);
  soc_table_view_add_column (self->items, _("Progress"), "progress", SOC_CELL_PERCENT, TRUE, FALSE);
  soc_table_view_add_column (self->items, _("Owner"), "owner", SOC_CELL_REF, FALSE, FALSE);
  soc_table_view_add_column (self->items, _("Goals"), "serves", SOC_CELL_REFLIST, FALSE, FALSE);

  self->lanes = SOC_TABLE_VIEW (soc_table_view_new (SOC_TYPE_LANE, FALSE));
  soc_table_view_add_column (self->lanes, _("Lane"), "title", SOC_CELL_TEXT, TRUE, TRUE);
  soc_table_view_add_column (self->lanes, _("Workstream"), "kind", SOC_CELL_ENUM, FALSE, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->lanes), TRUE);

  self->phases = SOC_TABLE_VIEW (soc_table_view_new (SOC_TYPE_PHASE, FALSE));
  soc_table_view_add_column (self->phases, _("Phase"), "title", SOC_CELL_TEXT, TRUE, TRUE);
  soc_table_view_add_column (self->phases, _("Start"), "start", SOC_CELL_DATE, TRUE, FALSE);
  soc_table_view_add_column (self->phases, _("End"), "end", SOC_CELL_DATE, TRUE, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->phases), TRUE);

  gtk_box_append (GTK_BOX (side), section (_("Lanes"), self->lanes, lane_buttons));
  gtk_box_append (GTK_BOX (side), section (_("Phases"), self->phases, phase_buttons));

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (self->paned), section (_("Activities and milestones"), self->items, item_buttons));
  gtk_paned_set_end_child (GTK_PANED (self->paned), side);
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_widget_set_size_request (side, 280, -1);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));

  g_signal_connect_swapped (self->items, "notify::selected", G_CALLBACK (on_selected), self);
  g_signal_connect_swapped (self->lanes, "notify::selected", G_CALLBACK (on_selected), self);
  g_signal_connect_swapped (self->phases, "notify::selected", G_CALLBACK (on_selected), self);
}

static void
soc_roadmap_view_set_document (SocView      *view,
                               SocDocument  *document,
                               SocSelection *selection)
{
  SocRoadmapView *self = SOC_ROADMAP_VIEW (view);

  g_set_object (&self->selection, selection);
  soc_table_view_set_model (self->items, document, selection, document ? soc_document_get_items (document) : NULL);
  soc_table_view_set_model (self->lanes, document, selection, document ? soc_document_get_lanes (document) : NULL);
  soc_table_view_set_model (self->phases, document, selection, document ? soc_document_get_phases (document) : NULL);
}

static gboolean
soc_roadmap_view_owns (SocView   *view,
                       SocObject *object)
{
  return SOC_IS_ITEM (object) || SOC_IS_LANE (object) || SOC_IS_PHASE (object);
}

static void
soc_roadmap_view_reveal (SocView   *view,
                         SocObject *object)
{
  SocRoadmapView *self = SOC_ROADMAP_VIEW (view);

  if (SOC_IS_LANE (object))
    soc_table_view_reveal (self->lanes, object);
  else if (SOC_IS_PHASE (object))
    soc_table_view_reveal (self->phases, object);
  else
    soc_table_view_reveal (self->items, object);
}

static GType
soc_roadmap_view_get_add_type (SocView *view)
{
  return SOC_TYPE_ITEM;
}

static void
view_iface_init (SocViewInterface *iface)
{
  iface->set_document = soc_roadmap_view_set_document;
  iface->owns = soc_roadmap_view_owns;
  iface->reveal = soc_roadmap_view_reveal;
  iface->get_add_type = soc_roadmap_view_get_add_type;
}

/* The focused object of the plan's selection, if this view shows it. */
SocObject *
soc_roadmap_view_get_selected (SocRoadmapView *self)
{
  SocObject *focus;

  g_return_val_if_fail (SOC_IS_ROADMAP_VIEW (self), NULL);

  focus = self->selection != NULL ? soc_selection_get_focus (self->selection) : NULL;
  return soc_roadmap_view_owns (SOC_VIEW (self), focus) ? focus : NULL;
}
