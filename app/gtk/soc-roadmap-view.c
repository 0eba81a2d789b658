/* soc-roadmap-view.c: the roadmap as a timeline, with its items, lanes and phases listed below
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A toolbar (zoom, fit, today, add), the timeline, and below it the list
 * form: the items, lanes and phases as tables, for precise editing and for
 * screen readers. The list can be folded away. The timeline and the
 * tables show and change the plan's one selection.
 */

#define G_LOG_DOMAIN "soc-roadmap-view"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-icon-button.h"
#include "soc-roadmap-view.h"
#include "soc-table-view.h"
#include "soc-timeline.h"
#include "soc-view.h"
#include "soc-view-bar.h"

struct _SocRoadmapView
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkWidget    *paned;
  GtkWidget    *list;       /* the tables, below the timeline */
  GtkWidget    *list_button;
  GtkWidget    *zoom_label;
  SocTimeline  *timeline;
  SocTableView *items;
  SocTableView *lanes;
  SocTableView *phases;
  GtkStack     *tables;
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

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
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

/* The keyboard starts in the timeline, on the selected item. */
static gboolean
soc_roadmap_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SOC_ROADMAP_VIEW (widget)->timeline));
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
table_page (SocTableView           *table,
            const SocViewBarButton *buttons)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (table));
  gtk_box_append (GTK_BOX (box), soc_view_bar_new (buttons));
  return box;
}

static void
update_zoom_label (SocRoadmapView *self)
{
  double z = soc_timeline_get_zoom (self->timeline);
  const char *unit;

  if (z >= 12)
    unit = _("Days");
  else if (z >= 2.5)
    unit = _("Weeks");
  else if (z >= 0.75)
    unit = _("Months");
  else if (z >= 0.25)
    unit = _("Quarters");
  else
    unit = _("Years");
  gtk_label_set_label (GTK_LABEL (self->zoom_label), unit);
}

static void
zoom_in (SocRoadmapView *self)
{
  soc_timeline_set_zoom (self->timeline, soc_timeline_get_zoom (self->timeline) * 1.5);
}

static void
zoom_out (SocRoadmapView *self)
{
  soc_timeline_set_zoom (self->timeline, soc_timeline_get_zoom (self->timeline) / 1.5);
}

static void
zoom_fit (SocRoadmapView *self)
{
  soc_timeline_zoom_to_fit (self->timeline);
}

static void
show_today (SocRoadmapView *self)
{
  soc_timeline_show_date (self->timeline, soc_timeline_get_today (self->timeline));
}

static void
on_list_toggled (GtkToggleButton *button,
                 SocRoadmapView  *self)
{
  gtk_widget_set_visible (self->list, gtk_toggle_button_get_active (button));
}

static GtkWidget *
tool_button (const char *icon,
             const char *label,
             const char *tooltip,
             GCallback   callback,
             gpointer    data)
{
  GtkWidget *button = soc_icon_button_new (icon, label, tooltip);

  g_signal_connect_swapped (button, "clicked", callback, data);
  return button;
}

static GtkWidget *
action_button (const char *icon,
               const char *label,
               const char *tooltip,
               const char *action)
{
  GtkWidget *button = soc_icon_button_new (icon, label, tooltip);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static GtkWidget *
toolbar (SocRoadmapView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *zoom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_box_append (GTK_BOX (bar), action_button ("list-add-symbolic", _("Add an activity"),
                                                _("Add an activity (Ctrl+Return)"), "win.add-sibling"));
  gtk_box_append (GTK_BOX (bar), action_button ("soc-milestone-add-symbolic", _("Add a milestone"), NULL, "win.add-milestone"));
  gtk_box_append (GTK_BOX (bar), action_button ("soc-lane-add-symbolic", _("Add a lane"), NULL, "win.add-lane"));
  gtk_box_append (GTK_BOX (bar), action_button ("soc-phase-add-symbolic", _("Add a phase"), NULL, "win.add-phase"));
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);

  gtk_widget_add_css_class (zoom, "linked");
  gtk_box_append (GTK_BOX (zoom), tool_button ("zoom-out-symbolic", _("Zoom out"), _("Zoom out (Ctrl+minus)"),
                                               G_CALLBACK (zoom_out), self));
  self->zoom_label = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (self->zoom_label), 8);
  gtk_widget_add_css_class (self->zoom_label, "dim-label");
  gtk_box_append (GTK_BOX (zoom), self->zoom_label);
  gtk_box_append (GTK_BOX (zoom), tool_button ("zoom-in-symbolic", _("Zoom in"), _("Zoom in (Ctrl+plus)"),
                                               G_CALLBACK (zoom_in), self));
  gtk_box_append (GTK_BOX (bar), zoom);
  gtk_box_append (GTK_BOX (bar), tool_button ("zoom-fit-best-symbolic", _("Show the whole plan"),
                                              _("Show the whole plan (Ctrl+0)"), G_CALLBACK (zoom_fit), self));
  gtk_box_append (GTK_BOX (bar), tool_button ("find-location-symbolic", _("Go to today"), _("Go to today (T)"),
                                              G_CALLBACK (show_today), self));

  self->list_button = soc_icon_toggle_button_new ("view-dual-symbolic", _("List of items, lanes and phases"),
                                                  _("Show the list of items, lanes and phases"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->list_button), TRUE);
  g_signal_connect (self->list_button, "toggled", G_CALLBACK (on_list_toggled), self);
  gtk_box_append (GTK_BOX (bar), self->list_button);
  return bar;
}

/* The timeline gets two thirds of the height, once the height is known. */
static gboolean
place_divider (GtkWidget     *paned,
               GdkFrameClock *clock,
               gpointer       data)
{
  int height = gtk_widget_get_height (paned);

  if (height <= 0)
    return G_SOURCE_CONTINUE;
  gtk_paned_set_position (GTK_PANED (paned), MAX (240, height * 2 / 3));
  return G_SOURCE_REMOVE;
}

static void
soc_roadmap_view_init (SocRoadmapView *self)
{
  static const SocViewBarButton item_buttons[] = {
    { "list-add-symbolic", N_("Add an activity"), "win.add-sibling" },
    { "soc-milestone-add-symbolic", N_("Add a milestone"), "win.add-milestone" },
    { "go-up-symbolic", N_("Move up"), "win.move-up" },
    { "go-down-symbolic", N_("Move down"), "win.move-down" },
    { "user-trash-symbolic", N_("Delete"), "win.delete" },
    { NULL }
  };
  static const SocViewBarButton lane_buttons[] = {
    { "soc-lane-add-symbolic", N_("Add a lane"), "win.add-lane" },
    { "go-up-symbolic", N_("Move up"), "win.move-up" },
    { "go-down-symbolic", N_("Move down"), "win.move-down" },
    { "user-trash-symbolic", N_("Delete the lane and its items"), "win.delete" },
    { NULL }
  };
  static const SocViewBarButton phase_buttons[] = {
    { "soc-phase-add-symbolic", N_("Add a phase"), "win.add-phase" },
    { "user-trash-symbolic", N_("Delete the selection"), "win.delete" },
    { NULL }
  };
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *list_header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  /* The timeline. */
  self->timeline = SOC_TIMELINE (soc_timeline_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->timeline));
  gtk_widget_set_vexpand (scrolled, TRUE);

  /* The list form. */
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

  self->phases = SOC_TABLE_VIEW (soc_table_view_new (SOC_TYPE_PHASE, FALSE));
  soc_table_view_add_column (self->phases, _("Phase"), "title", SOC_CELL_TEXT, TRUE, TRUE);
  soc_table_view_add_column (self->phases, _("Start"), "start", SOC_CELL_DATE, TRUE, FALSE);
  soc_table_view_add_column (self->phases, _("End"), "end", SOC_CELL_DATE, TRUE, FALSE);

  self->tables = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_titled (self->tables, table_page (self->items, item_buttons), "items", _("Items"));
  gtk_stack_add_titled (self->tables, table_page (self->lanes, lane_buttons), "lanes", _("Lanes"));
  gtk_stack_add_titled (self->tables, table_page (self->phases, phase_buttons), "phases", _("Phases"));
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->tables);
  gtk_widget_set_halign (switcher, GTK_ALIGN_START);
  gtk_widget_set_margin_start (switcher, 6);
  gtk_widget_set_margin_top (switcher, 4);
  gtk_widget_set_margin_bottom (switcher, 4);
  gtk_box_append (GTK_BOX (list_header), switcher);

  self->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->list), list_header);
  gtk_box_append (GTK_BOX (self->list), GTK_WIDGET (self->tables));
  gtk_widget_set_size_request (self->list, -1, 160);

  self->paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_start_child (GTK_PANED (self->paned), scrolled);
  gtk_paned_set_end_child (GTK_PANED (self->paned), self->list);
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_position (GTK_PANED (self->paned), 480);
  gtk_widget_add_tick_callback (self->paned, place_divider, NULL, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), toolbar (self));
  gtk_box_append (GTK_BOX (self->box), self->paned);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  soc_view_hide_content_while_unmapped (SOC_VIEW (self), self->box);

  g_signal_connect_swapped (self->timeline, "notify::zoom", G_CALLBACK (update_zoom_label), self);
  update_zoom_label (self);
}

/* A table follows a selection made elsewhere by showing its own page. */
static void
on_selection_changed (SocRoadmapView *self)
{
  SocObject *focus = soc_selection_get_focus (self->selection);

  if (SOC_IS_LANE (focus))
    gtk_stack_set_visible_child_name (self->tables, "lanes");
  else if (SOC_IS_PHASE (focus))
    gtk_stack_set_visible_child_name (self->tables, "phases");
  else if (SOC_IS_ITEM (focus))
    gtk_stack_set_visible_child_name (self->tables, "items");
  on_selected (self);
}

static void
soc_roadmap_view_set_document (SocView      *view,
                               SocDocument  *document,
                               SocSelection *selection)
{
  SocRoadmapView *self = SOC_ROADMAP_VIEW (view);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selection_changed), self);
  soc_timeline_set_document (self->timeline, document, selection);
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

  soc_timeline_reveal (self->timeline, object);
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
soc_roadmap_view_set_checklist (SocView             *view,
                                SocChecklistMonitor *monitor)
{
  soc_timeline_set_checklist (SOC_ROADMAP_VIEW (view)->timeline, monitor);
}

static void
view_iface_init (SocViewInterface *iface)
{
  iface->set_document = soc_roadmap_view_set_document;
  iface->owns = soc_roadmap_view_owns;
  iface->reveal = soc_roadmap_view_reveal;
  iface->get_add_type = soc_roadmap_view_get_add_type;
  iface->set_checklist = soc_roadmap_view_set_checklist;
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

/* The timeline, for tests and for printing what it shows. */
SocTimeline *
soc_roadmap_view_get_timeline (SocRoadmapView *self)
{
  g_return_val_if_fail (SOC_IS_ROADMAP_VIEW (self), NULL);
  return self->timeline;
}
