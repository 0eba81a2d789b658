/* soc-stakeholders-view.c: the stakeholder map, with the stakeholder table beside it
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A toolbar (add, filter, relationships, zoom, fit, the table), the map,
 * and beside it the list form: the stakeholder table, for precise editing
 * and for screen readers, which can be folded away. The map and the table
 * show and change the plan's one selection. The filter hides bubbles from
 * the map only: the table keeps everyone.
 */

#define G_LOG_DOMAIN "soc-stakeholders-view"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-enum-types.h"
#include "soc-icon-button.h"
#include "soc-list-page.h"
#include "soc-stakeholders-view.h"
#include "soc-view.h"

#define N_ROLE_CHOICES 5

struct _SocStakeholdersView
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkWidget         *paned;
  GtkWidget         *list;          /* the stakeholder table and its buttons */
  GtkWidget         *list_button;
  GtkWidget         *zoom_label;
  GtkWidget         *edges_button;
  GtkWidget         *filter_button;
  GtkWidget         *filter_popover;
  GtkWidget         *profiles[SOC_N_PROFILES];
  GtkWidget         *stances[SOC_STANCE_BLOCKER + 1];
  GtkWidget         *roles[N_ROLE_CHOICES];
  SocStakeholderMap *map;
  SocDocument       *document;
  SocSelection      *selection;
  gboolean           updating;
  gboolean           divider_placed;
};

static void view_iface_init (SocViewInterface *iface);
static void soc_stakeholders_view_map (GtkWidget *widget);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocStakeholdersView, soc_stakeholders_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SOC_TYPE_VIEW, view_iface_init))

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The role bits of each role check box; the last: stakeholders with none. */
static const guint role_bits[N_ROLE_CHOICES] = {
  SOC_ROLES_EXECUTIVE_SPONSOR, SOC_ROLES_ADVOCATE, SOC_ROLES_EVANGELIST, SOC_ROLES_OWNER, SOC_MAP_ROLE_NONE,
};

static void
on_selected (SocStakeholdersView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
soc_stakeholders_view_dispose (GObject *object)
{
  SocStakeholdersView *self = SOC_STAKEHOLDERS_VIEW (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (soc_stakeholders_view_parent_class)->dispose (object);
}

static void
soc_stakeholders_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, soc_stakeholders_view_get_selected (SOC_STAKEHOLDERS_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The keyboard starts in the map, on the selected stakeholder. */
static gboolean
soc_stakeholders_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SOC_STAKEHOLDERS_VIEW (widget)->map));
}

static void
soc_stakeholders_view_class_init (SocStakeholdersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_stakeholders_view_dispose;
  object_class->get_property = soc_stakeholders_view_get_property;
  widget_class->grab_focus = soc_stakeholders_view_grab_focus;
  widget_class->map = soc_stakeholders_view_map;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, SOC_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* ------------------------------------------------------------------------ */
/* The toolbar                                                              */

static void
update_zoom_label (SocStakeholdersView *self)
{
  g_autofree char *text = NULL;

  /* Translators: the zoom of the stakeholder map, in percent */
  text = g_strdup_printf (_("%d %%"), (int) (soc_stakeholder_map_get_zoom (self->map) / SOC_MAP_ZOOM_DEFAULT * 100 + 0.5));
  gtk_label_set_text (GTK_LABEL (self->zoom_label), text);
}

/* The filter button says how many of the plan's stakeholders show. */
static void
update_filter_label (SocStakeholdersView *self)
{
  SocMapFilter filter;
  GListModel *all;
  g_autofree char *text = NULL;
  guint shown = 0;

  soc_stakeholder_map_get_filter (self->map, &filter);
  if (soc_map_filter_is_all (&filter) || self->document == NULL)
    {
      gtk_menu_button_set_label (GTK_MENU_BUTTON (self->filter_button), _("Filter"));
      gtk_widget_remove_css_class (self->filter_button, "accent");
      return;
    }
  all = soc_document_get_stakeholders (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(SocStakeholder) s = g_list_model_get_item (all, i);

      shown += soc_map_filter_accepts (&filter, s);
    }
  /* Translators: on the filter button of the stakeholder map: how many of all show */
  text = g_strdup_printf (_("%u of %u Shown"), shown, g_list_model_get_n_items (all));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->filter_button), text);
  gtk_widget_add_css_class (self->filter_button, "accent");
}

static void
on_filter_toggled (SocStakeholdersView *self)
{
  SocMapFilter filter = { 0, 0, 0 };

  if (self->updating)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->profiles); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->profiles[i])))
      filter.profiles |= 1u << i;
  for (guint i = 0; i < G_N_ELEMENTS (self->stances); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->stances[i])))
      filter.stances |= 1u << i;
  for (guint i = 0; i < G_N_ELEMENTS (self->roles); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->roles[i])))
      filter.roles |= role_bits[i];
  soc_stakeholder_map_set_filter (self->map, &filter);
}

/* The check boxes follow the map's filter. */
static void
sync_filter (SocStakeholdersView *self)
{
  SocMapFilter filter;

  soc_stakeholder_map_get_filter (self->map, &filter);
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->profiles); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->profiles[i]), (filter.profiles & (1u << i)) != 0);
  for (guint i = 0; i < G_N_ELEMENTS (self->stances); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->stances[i]), (filter.stances & (1u << i)) != 0);
  for (guint i = 0; i < G_N_ELEMENTS (self->roles); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->roles[i]), (filter.roles & role_bits[i]) != 0);
  self->updating = FALSE;
  update_filter_label (self);
}

static void
show_everyone (SocStakeholdersView *self)
{
  soc_stakeholder_map_set_filter (self->map, NULL);
}

static GtkWidget *
filter_column (const char  *title,
               GtkWidget  **checks,
               const char **labels,
               guint        n,
               gpointer     self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (title);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_bottom (heading, 4);
  gtk_box_append (GTK_BOX (box), heading);
  for (guint i = 0; i < n; i++)
    {
      checks[i] = gtk_check_button_new_with_label (labels[i]);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (checks[i]), TRUE);
      g_signal_connect_swapped (checks[i], "toggled", G_CALLBACK (on_filter_toggled), self);
      gtk_box_append (GTK_BOX (box), checks[i]);
    }
  return box;
}

static GtkWidget *
filter_popover (SocStakeholdersView *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *reset = gtk_button_new_with_mnemonic (_("_Show Everyone"));
  const char *profiles[SOC_N_PROFILES];
  const char *stances[SOC_STANCE_BLOCKER + 1];
  const char *roles[N_ROLE_CHOICES];

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    profiles[i] = soc_enum_to_label (SOC_TYPE_PROFILE, i);
  for (guint i = 0; i < G_N_ELEMENTS (stances); i++)
    stances[i] = soc_enum_to_label (SOC_TYPE_STANCE, i);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (roles); i++)
    roles[i] = soc_enum_to_label (SOC_TYPE_ROLES, role_bits[i]);
  /* Translators: in the filter of the stakeholder map: stakeholders without a role */
  roles[N_ROLE_CHOICES - 1] = _("No role");

  gtk_box_append (GTK_BOX (columns), filter_column (_("Profile"), self->profiles, profiles, G_N_ELEMENTS (profiles), self));
  gtk_box_append (GTK_BOX (columns), filter_column (_("Stance"), self->stances, stances, G_N_ELEMENTS (stances), self));
  gtk_box_append (GTK_BOX (columns), filter_column (_("Role"), self->roles, roles, G_N_ELEMENTS (roles), self));
  gtk_box_append (GTK_BOX (box), columns);
  gtk_widget_set_halign (reset, GTK_ALIGN_END);
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (show_everyone), self);
  gtk_box_append (GTK_BOX (box), reset);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
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

static void
zoom_in (SocStakeholdersView *self)
{
  soc_stakeholder_map_set_zoom (self->map, soc_stakeholder_map_get_zoom (self->map) * 1.25);
}

static void
zoom_out (SocStakeholdersView *self)
{
  soc_stakeholder_map_set_zoom (self->map, soc_stakeholder_map_get_zoom (self->map) / 1.25);
}

static void
zoom_fit (SocStakeholdersView *self)
{
  soc_stakeholder_map_zoom_to_fit (self->map);
}

static void
on_list_toggled (GtkToggleButton     *button,
                 SocStakeholdersView *self)
{
  gtk_widget_set_visible (self->list, gtk_toggle_button_get_active (button));
}

static GtkWidget *
toolbar (SocStakeholdersView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *zoom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *add = soc_icon_button_new ("list-add-symbolic", _("Add a stakeholder"),
                                        _("Add a stakeholder (Ctrl+Return)"));

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.add-sibling");
  gtk_box_append (GTK_BOX (bar), add);

  self->filter_popover = filter_popover (self);
  self->filter_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->filter_button), _("Filter"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->filter_button), self->filter_popover);
  gtk_widget_set_tooltip_text (self->filter_button, _("Show only some profiles, stances and roles on the map"));
  gtk_widget_add_css_class (self->filter_button, "flat");
  gtk_box_append (GTK_BOX (bar), self->filter_button);

  self->edges_button = gtk_toggle_button_new_with_mnemonic (_("_Relationships"));
  gtk_widget_set_tooltip_text (self->edges_button, _("Show who reports to, influences and mentors whom"));
  gtk_widget_add_css_class (self->edges_button, "flat");
  g_object_bind_property (self->map, "show-edges", self->edges_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (bar), self->edges_button);

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);

  gtk_widget_add_css_class (zoom, "linked");
  gtk_box_append (GTK_BOX (zoom), tool_button ("zoom-out-symbolic", _("Zoom out"), _("Zoom out (Ctrl+minus)"), G_CALLBACK (zoom_out), self));
  self->zoom_label = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (self->zoom_label), 6);
  gtk_widget_add_css_class (self->zoom_label, "dim-label");
  gtk_widget_add_css_class (self->zoom_label, "numeric");
  gtk_box_append (GTK_BOX (zoom), self->zoom_label);
  gtk_box_append (GTK_BOX (zoom), tool_button ("zoom-in-symbolic", _("Zoom in"), _("Zoom in (Ctrl+plus)"), G_CALLBACK (zoom_in), self));
  gtk_box_append (GTK_BOX (bar), zoom);
  gtk_box_append (GTK_BOX (bar), tool_button ("zoom-fit-best-symbolic", _("Show the whole map"),
                                              _("Show the whole map (Ctrl+0)"), G_CALLBACK (zoom_fit), self));

  self->list_button = soc_icon_toggle_button_new ("view-dual-symbolic", _("Table of stakeholders"),
                                                  _("Show the table of stakeholders"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->list_button), TRUE);
  g_signal_connect (self->list_button, "toggled", G_CALLBACK (on_list_toggled), self);
  gtk_box_append (GTK_BOX (bar), self->list_button);
  return bar;
}

/* The table gets the room of its first columns (name, stance, profile),
 * the map the rest, and at least three fifths: the map is what the view is
 * for, and in a window of the size Socplan opens at, with the success
 * factors and the inspector beside it, two fifths did not hold the grid
 * (the table scrolls sideways; the map would have been cut). Placed once
 * the width is known: on the first frame the view is shown with a width.
 * Out of sight it waits without asking for frames. */
#define TABLE_WIDTH 380

static gboolean
place_divider (GtkWidget     *paned,
               GdkFrameClock *clock,
               gpointer       data)
{
  SocStakeholdersView *self = data;
  int width = gtk_widget_get_width (paned);

  if (!gtk_widget_get_mapped (paned))
    return G_SOURCE_REMOVE;   /* again when mapped */
  if (width <= 0)
    return G_SOURCE_CONTINUE;
  gtk_paned_set_position (GTK_PANED (paned), MAX (width * 3 / 5, width - TABLE_WIDTH));
  self->divider_placed = TRUE;
  return G_SOURCE_REMOVE;
}

static void
soc_stakeholders_view_map (GtkWidget *widget)
{
  SocStakeholdersView *self = SOC_STAKEHOLDERS_VIEW (widget);

  GTK_WIDGET_CLASS (soc_stakeholders_view_parent_class)->map (widget);
  if (!self->divider_placed)
    gtk_widget_add_tick_callback (self->paned, place_divider, self, NULL);
}

static void
soc_stakeholders_view_init (SocStakeholdersView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->map = SOC_STAKEHOLDER_MAP (soc_stakeholder_map_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->map));
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);

  /* The table: the stakeholder page's, with its buttons. */
  self->list = g_object_new (SOC_TYPE_LIST_PAGE, "kind", SOC_LIST_PAGE_STAKEHOLDERS, NULL);
  gtk_widget_set_size_request (self->list, 280, -1);
  g_signal_connect_swapped (self->list, "notify::selected", G_CALLBACK (on_selected), self);

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (self->paned), scrolled);
  gtk_paned_set_end_child (GTK_PANED (self->paned), self->list);
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_position (GTK_PANED (self->paned), 480);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), toolbar (self));
  gtk_box_append (GTK_BOX (self->box), self->paned);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  soc_view_hide_content_while_unmapped (SOC_VIEW (self), self->box);

  g_signal_connect_swapped (self->map, "notify::zoom", G_CALLBACK (update_zoom_label), self);
  g_signal_connect_swapped (self->map, "notify::filtered", G_CALLBACK (sync_filter), self);
  update_zoom_label (self);
}

/* ------------------------------------------------------------------------ */
/* SocView                                                                  */

static void
on_document_changed (SocStakeholdersView *self)
{
  SocMapFilter filter;

  soc_stakeholder_map_get_filter (self->map, &filter);
  if (!soc_map_filter_is_all (&filter))
    update_filter_label (self);
}

static void
soc_stakeholders_view_set_document (SocView      *view,
                                    SocDocument  *document,
                                    SocSelection *selection)
{
  SocStakeholdersView *self = SOC_STAKEHOLDERS_VIEW (view);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->selection, selection);
  g_set_object (&self->document, document);
  if (selection != NULL)
    g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selected), self);
  if (document != NULL)
    g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
  soc_stakeholder_map_set_document (self->map, document, selection);
  soc_view_set_document (SOC_VIEW (self->list), document, selection);
  update_filter_label (self);
}

static gboolean
soc_stakeholders_view_owns (SocView   *view,
                            SocObject *object)
{
  return SOC_IS_STAKEHOLDER (object) || SOC_IS_RELATIONSHIP (object);
}

static void
soc_stakeholders_view_reveal (SocView   *view,
                              SocObject *object)
{
  SocStakeholdersView *self = SOC_STAKEHOLDERS_VIEW (view);

  soc_stakeholder_map_reveal (self->map, object);
  soc_view_reveal (SOC_VIEW (self->list), object);
}

static GType
soc_stakeholders_view_get_add_type (SocView *view)
{
  return SOC_TYPE_STAKEHOLDER;
}

static void
view_iface_init (SocViewInterface *iface)
{
  iface->set_document = soc_stakeholders_view_set_document;
  iface->owns = soc_stakeholders_view_owns;
  iface->reveal = soc_stakeholders_view_reveal;
  iface->get_add_type = soc_stakeholders_view_get_add_type;
}

/* The focused object of the plan's selection, if this view shows it. */
SocObject *
soc_stakeholders_view_get_selected (SocStakeholdersView *self)
{
  SocObject *focus;

  g_return_val_if_fail (SOC_IS_STAKEHOLDERS_VIEW (self), NULL);

  focus = self->selection != NULL ? soc_selection_get_focus (self->selection) : NULL;
  return soc_stakeholders_view_owns (SOC_VIEW (self), focus) ? focus : NULL;
}

/* The map, for tests and for printing what it shows. */
SocStakeholderMap *
soc_stakeholders_view_get_map (SocStakeholdersView *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDERS_VIEW (self), NULL);
  return self->map;
}
