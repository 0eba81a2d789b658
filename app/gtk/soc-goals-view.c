/* soc-goals-view.c: the goal tree as a diagram, with its outline beside it
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A toolbar (add, top-down or left to right, zoom, fit, the outline), the
 * diagram, and beside it the outline: the goal tree as an indented table,
 * for precise editing and for screen readers. The outline can be folded
 * away. Both show and change the plan's one selection.
 */

#define G_LOG_DOMAIN "soc-goals-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "soc-goals-view.h"
#include "soc-icon-button.h"
#include "soc-view.h"
#include "soc-view-bar.h"

struct _SocGoalsView
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkWidget    *paned;
  GtkWidget    *outline_box;
  GtkWidget    *outline_button;
  GtkWidget    *zoom_label;
  GtkWidget    *left_to_right;
  SocGoalTree  *tree;
  SocTableView *outline;
  SocSelection *selection;
  gboolean      divider_placed;
};

static void view_iface_init (SocViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocGoalsView, soc_goals_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SOC_TYPE_VIEW, view_iface_init))

static void
soc_goals_view_dispose (GObject *object)
{
  SocGoalsView *self = SOC_GOALS_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (soc_goals_view_parent_class)->dispose (object);
}

/* The keyboard starts in the diagram, on the selected goal. */
static gboolean
soc_goals_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SOC_GOALS_VIEW (widget)->tree));
}

static void
soc_goals_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  gtk_widget_measure (SOC_GOALS_VIEW (widget)->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The diagram gets all but the outline's 360 pixels, and at least three
 * fifths: it is what the view is for, and in a window of the size Socplan
 * opens at, beside the success factors and the inspector, half left it
 * less room than the outline repeating it. From the first frame on:
 * placed later, the outline would lay out all its rows twice, and the
 * first frame would show another divider. */
static void
soc_goals_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SocGoalsView *self = SOC_GOALS_VIEW (widget);

  if (!self->divider_placed && width > 0)
    {
      self->divider_placed = TRUE;
      gtk_paned_set_position (GTK_PANED (self->paned), MAX (width * 3 / 5, width - 360));
    }
  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static void
soc_goals_view_class_init (SocGoalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_goals_view_dispose;
  widget_class->grab_focus = soc_goals_view_grab_focus;
  widget_class->measure = soc_goals_view_measure;
  widget_class->size_allocate = soc_goals_view_size_allocate;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* ------------------------------------------------------------------------ */
/* The toolbar                                                              */

static SocGoal *
selected_goal (SocGoalsView *self)
{
  SocObject *focus = self->selection != NULL ? soc_selection_get_focus (self->selection) : NULL;

  return SOC_IS_GOAL (focus) ? SOC_GOAL (focus) : NULL;
}

static void
add_child (SocGoalsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->selection != NULL && soc_goal_tree_add_child (self->tree, selected_goal (self), &error) == NULL)
    soc_canvas_report (SOC_CANVAS (self->tree), error->message);
}

static void
add_sibling (SocGoalsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->selection != NULL && soc_goal_tree_add_sibling (self->tree, selected_goal (self), &error) == NULL)
    soc_canvas_report (SOC_CANVAS (self->tree), error->message);
}

static void
update_zoom_label (SocGoalsView *self)
{
  g_autofree char *text = g_strdup_printf (_("%d %%"), (int) round (soc_goal_tree_get_zoom (self->tree) * 100));

  gtk_label_set_label (GTK_LABEL (self->zoom_label), text);
}

static void
zoom_in (SocGoalsView *self)
{
  soc_goal_tree_set_zoom (self->tree, soc_goal_tree_get_zoom (self->tree) * 1.25);
}

static void
zoom_out (SocGoalsView *self)
{
  soc_goal_tree_set_zoom (self->tree, soc_goal_tree_get_zoom (self->tree) / 1.25);
}

static void
zoom_fit (SocGoalsView *self)
{
  soc_goal_tree_zoom_to_fit (self->tree);
}

static void
expand_all (SocGoalsView *self)
{
  soc_goal_tree_expand_all (self->tree);
}

static void
on_outline_toggled (GtkToggleButton *button,
                    SocGoalsView    *self)
{
  gtk_widget_set_visible (self->outline_box, gtk_toggle_button_get_active (button));
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
toolbar (SocGoalsView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *zoom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *direction = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *top_down;

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_box_append (GTK_BOX (bar), tool_button ("soc-goal-add-sibling-symbolic", _("Add a goal after the selected one"),
                                              _("Add a goal after the selected one (Enter)"),
                                              G_CALLBACK (add_sibling), self));
  gtk_box_append (GTK_BOX (bar), tool_button ("soc-goal-add-child-symbolic", _("Add a sub-goal"), _("Add a sub-goal (Tab)"),
                                              G_CALLBACK (add_child), self));
  gtk_box_append (GTK_BOX (bar), tool_button ("soc-goal-unfold-all-symbolic", _("Show every goal"),
                                              _("Show every goal: open all that are folded"),
                                              G_CALLBACK (expand_all), self));
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);

  /* Top-down or left to right: two buttons, one of them pressed. */
  gtk_widget_add_css_class (direction, "linked");
  top_down = gtk_toggle_button_new_with_mnemonic (_("_Top Down"));
  gtk_widget_set_tooltip_text (top_down, _("The vision on top, sub-goals below"));
  self->left_to_right = gtk_toggle_button_new_with_mnemonic (_("_Left to Right"));
  gtk_widget_set_tooltip_text (self->left_to_right, _("The vision at the left, sub-goals to the right"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->left_to_right), GTK_TOGGLE_BUTTON (top_down));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (top_down), TRUE);
  g_object_bind_property (self->left_to_right, "active", self->tree, "left-to-right",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (direction), top_down);
  gtk_box_append (GTK_BOX (direction), self->left_to_right);
  gtk_box_append (GTK_BOX (bar), direction);

  gtk_widget_add_css_class (zoom, "linked");
  gtk_box_append (GTK_BOX (zoom), tool_button ("zoom-out-symbolic", _("Zoom out"), _("Zoom out (Ctrl+minus)"),
                                               G_CALLBACK (zoom_out), self));
  self->zoom_label = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (self->zoom_label), 6);
  gtk_widget_add_css_class (self->zoom_label, "dim-label");
  gtk_box_append (GTK_BOX (zoom), self->zoom_label);
  gtk_box_append (GTK_BOX (zoom), tool_button ("zoom-in-symbolic", _("Zoom in"), _("Zoom in (Ctrl+plus)"),
                                               G_CALLBACK (zoom_in), self));
  gtk_box_append (GTK_BOX (bar), zoom);
  gtk_box_append (GTK_BOX (bar), tool_button ("zoom-fit-best-symbolic", _("Show the whole tree"),
                                              _("Show the whole tree (Ctrl+0)"), G_CALLBACK (zoom_fit), self));

  self->outline_button = soc_icon_toggle_button_new ("view-dual-symbolic", _("Outline"),
                                                     _("Show the outline beside the tree"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->outline_button), TRUE);
  g_signal_connect (self->outline_button, "toggled", G_CALLBACK (on_outline_toggled), self);
  gtk_box_append (GTK_BOX (bar), self->outline_button);
  return bar;
}

static void
soc_goals_view_init (SocGoalsView *self)
{
  static const SocViewBarButton outline_buttons[] = {
    { "soc-goal-add-sibling-symbolic", N_("Add a goal after the selected one"), "win.add-sibling" },
    { "soc-goal-add-child-symbolic", N_("Add a sub-goal"), "win.add-child" },
    { "format-indent-more-symbolic", N_("Indent"), "win.indent" },
    { "format-indent-less-symbolic", N_("Outdent"), "win.outdent" },
    { "go-up-symbolic", N_("Move up"), "win.move-up" },
    { "go-down-symbolic", N_("Move down"), "win.move-down" },
    { "user-trash-symbolic", N_("Delete with its sub-goals"), "win.delete" },
    { NULL }
  };
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  /* The diagram. */
  self->tree = SOC_GOAL_TREE (soc_goal_tree_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->tree));
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);

  /* The outline: the goals as the indented table they always were. */
  self->outline = SOC_TABLE_VIEW (soc_table_view_new (SOC_TYPE_GOAL, TRUE));
  soc_table_view_add_column (self->outline, _("Goal"), "title", SOC_CELL_TEXT, TRUE, TRUE);
  soc_table_view_add_column (self->outline, _("Kind"), "kind", SOC_CELL_ENUM, FALSE, FALSE);
  soc_table_view_add_column (self->outline, _("Status"), "status", SOC_CELL_ENUM, FALSE, FALSE);
  soc_table_view_add_column (self->outline, _("Owner"), "owner", SOC_CELL_REF, FALSE, FALSE);
  soc_table_view_add_column (self->outline, _("Progress"), "current", SOC_CELL_METRIC, FALSE, FALSE);
  self->outline_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->outline_box), GTK_WIDGET (self->outline));
  gtk_box_append (GTK_BOX (self->outline_box), soc_view_bar_new (outline_buttons));
  gtk_widget_set_size_request (self->outline_box, 220, -1);

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (self->paned), scrolled);
  gtk_paned_set_end_child (GTK_PANED (self->paned), self->outline_box);
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_position (GTK_PANED (self->paned), 640);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), toolbar (self));
  gtk_box_append (GTK_BOX (self->box), self->paned);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  soc_view_hide_content_while_unmapped (SOC_VIEW (self), self->box);

  g_signal_connect_swapped (self->tree, "notify::zoom", G_CALLBACK (update_zoom_label), self);
  update_zoom_label (self);
}

/* ------------------------------------------------------------------------ */
/* SocView                                                                  */

static void
soc_goals_view_set_document (SocView      *view,
                             SocDocument  *document,
                             SocSelection *selection)
{
  SocGoalsView *self = SOC_GOALS_VIEW (view);

  g_set_object (&self->selection, selection);
  soc_goal_tree_set_document (self->tree, document, selection);
  soc_table_view_set_model (self->outline, document, selection, document != NULL ? soc_document_get_goals (document) : NULL);
}

static gboolean
soc_goals_view_owns (SocView   *view,
                     SocObject *object)
{
  return SOC_IS_GOAL (object);
}

static void
soc_goals_view_reveal (SocView   *view,
                       SocObject *object)
{
  SocGoalsView *self = SOC_GOALS_VIEW (view);

  soc_goal_tree_reveal (self->tree, object);
  soc_table_view_reveal (self->outline, object);
}

static GType
soc_goals_view_get_add_type (SocView *view)
{
  return SOC_TYPE_GOAL;
}

static void
view_iface_init (SocViewInterface *iface)
{
  iface->set_document = soc_goals_view_set_document;
  iface->owns = soc_goals_view_owns;
  iface->reveal = soc_goals_view_reveal;
  iface->get_add_type = soc_goals_view_get_add_type;
}

/* The diagram, for tests and for printing what it shows. */
SocGoalTree *
soc_goals_view_get_tree (SocGoalsView *self)
{
  g_return_val_if_fail (SOC_IS_GOALS_VIEW (self), NULL);
  return self->tree;
}

SocTableView *
soc_goals_view_get_outline (SocGoalsView *self)
{
  g_return_val_if_fail (SOC_IS_GOALS_VIEW (self), NULL);
  return self->outline;
}
