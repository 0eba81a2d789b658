/* soc-outline-expander.c: the arrow and indentation of an outline row
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indented by its goal's depth, an arrow that opens and closes the goal
 * in the outline (a click on it only does that: it does not select the
 * row), then the cell's own content. A goal without children shows no
 * arrow, only its room, so that titles line up; the arrow appears as soon
 * as the goal gets a child. Screen readers hear whether the row is open.
 */

#define G_LOG_DOMAIN "soc-outline-expander"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-outline-expander.h"

/* Pixels of indentation per level, and the arrow's room. */
#define INDENT 20
#define ARROW 16

struct _SocOutlineExpander
{
  GtkWidget       parent_instance;

  GtkWidget      *arrow;
  GtkWidget      *child;
  SocOutlineModel *outline;
  SocGoal        *goal;
  guint           depth;
  const char     *shown;    /* the arrow's icon now, NULL for none: rows bound again mostly keep theirs */
};

G_DEFINE_FINAL_TYPE (SocOutlineExpander, soc_outline_expander, GTK_TYPE_WIDGET)

static void
on_row_changed (SocOutlineModel    *outline,
                SocGoal            *goal,
                SocOutlineExpander *self)
{
  if (goal == self->goal)
    soc_outline_expander_update (self);
}

static void
set_outline (SocOutlineExpander *self,
             SocOutlineModel     *outline)
{
  if (self->outline == outline)
    return;
  if (self->outline != NULL)
    g_signal_handlers_disconnect_by_func (self->outline, on_row_changed, self);
  g_set_object (&self->outline, outline);
  if (self->outline != NULL)
    g_signal_connect (self->outline, "row-changed", G_CALLBACK (on_row_changed), self);
}

static void
soc_outline_expander_dispose (GObject *object)
{
  SocOutlineExpander *self = SOC_OUTLINE_EXPANDER (object);

  set_outline (self, NULL);
  g_clear_object (&self->goal);
  g_clear_pointer (&self->arrow, gtk_widget_unparent);
  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (soc_outline_expander_parent_class)->dispose (object);
}

static void
on_arrow_pressed (GtkGestureClick    *click,
                  int                 n_press,
                  double              x,
                  double              y,
                  SocOutlineExpander *self)
{
  /* The arrow's click is its own: the row is not selected by it. */
  gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
  soc_outline_expander_toggle (self);
}

/* The arrow's tooltip is worked out when asked for: setting one on each
 * row bound makes GTK ask the X server where the pointer is. */
static gboolean
on_query_tooltip (GtkWidget          *arrow,
                  int                 x,
                  int                 y,
                  gboolean            keyboard,
                  GtkTooltip         *tooltip,
                  SocOutlineExpander *self)
{
  if (self->goal == NULL || self->outline == NULL ||
      g_list_model_get_n_items (soc_goal_get_children (self->goal)) == 0)
    return FALSE;
  gtk_tooltip_set_text (tooltip, soc_outline_model_get_expanded (self->outline, self->goal)
                                 ? _("Hide the goals under it (minus)")
                                 : _("Show the goals under it (plus)"));
  return TRUE;
}

static void
soc_outline_expander_class_init (SocOutlineExpanderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_outline_expander_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "treeexpander");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
soc_outline_expander_init (SocOutlineExpander *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);
  self->arrow = gtk_image_new ();
  gtk_widget_set_size_request (self->arrow, ARROW, ARROW);
  gtk_widget_set_valign (self->arrow, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->arrow, "expander");
  gtk_widget_set_parent (self->arrow, GTK_WIDGET (self));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_arrow_pressed), self);
  gtk_widget_add_controller (self->arrow, GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_has_tooltip (self->arrow, TRUE);
  g_signal_connect (self->arrow, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}

/* An expander before CHILD. */
GtkWidget *
soc_outline_expander_new (GtkWidget *child)
{
  SocOutlineExpander *self = g_object_new (SOC_TYPE_OUTLINE_EXPANDER, NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);

  self->child = child;
  gtk_widget_set_hexpand (child, TRUE);
  gtk_widget_set_parent (child, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

GtkWidget *
soc_outline_expander_get_child (SocOutlineExpander *self)
{
  g_return_val_if_fail (SOC_IS_OUTLINE_EXPANDER (self), NULL);
  return self->child;
}

SocGoal *
soc_outline_expander_get_goal (SocOutlineExpander *self)
{
  g_return_val_if_fail (SOC_IS_OUTLINE_EXPANDER (self), NULL);
  return self->goal;
}

/* Shows GOAL's row of OUTLINE, DEPTH levels in (NULL: no row). */
void
soc_outline_expander_set_row (SocOutlineExpander *self,
                              SocOutlineModel     *outline,
                              SocGoal            *goal,
                              guint               depth)
{
  g_return_if_fail (SOC_IS_OUTLINE_EXPANDER (self));

  set_outline (self, goal != NULL ? outline : NULL);
  g_set_object (&self->goal, goal);
  self->depth = depth;
  soc_outline_expander_update (self);
}

/* The arrow as the goal is now: shown if it has children, open or closed. */
void
soc_outline_expander_update (SocOutlineExpander *self)
{
  gboolean has_children, open;
  const char *icon;

  g_return_if_fail (SOC_IS_OUTLINE_EXPANDER (self));

  /* Depth is capped in pixels only: a 100,000-deep tree stays drawable. */
  gtk_widget_set_margin_start (GTK_WIDGET (self), INDENT * (int) MIN (self->depth, 1000));
  has_children = self->goal != NULL && self->outline != NULL &&
                 g_list_model_get_n_items (soc_goal_get_children (self->goal)) > 0;
  if (!has_children)
    {
      if (self->shown != NULL)
        {
          gtk_image_clear (GTK_IMAGE (self->arrow));
          gtk_widget_unset_state_flags (self->arrow, GTK_STATE_FLAG_CHECKED);
          gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED);
          self->shown = NULL;
        }
      return;
    }
  open = soc_outline_model_get_expanded (self->outline, self->goal);
  if (open)
    icon = "pan-down-symbolic";
  else if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    icon = "pan-start-symbolic";
  else
    icon = "pan-end-symbolic";
  if (self->shown == icon)
    return;
  self->shown = icon;
  gtk_image_set_from_icon_name (GTK_IMAGE (self->arrow), icon);
  if (open)
    gtk_widget_set_state_flags (self->arrow, GTK_STATE_FLAG_CHECKED, FALSE);
  else
    gtk_widget_unset_state_flags (self->arrow, GTK_STATE_FLAG_CHECKED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, open, -1);
}

/* Opens the goal's row, or closes it. */
void
soc_outline_expander_toggle (SocOutlineExpander *self)
{
  g_return_if_fail (SOC_IS_OUTLINE_EXPANDER (self));

  if (self->goal == NULL || self->outline == NULL ||
      g_list_model_get_n_items (soc_goal_get_children (self->goal)) == 0)
    return;
  soc_outline_model_set_expanded (self->outline, self->goal,
                                 !soc_outline_model_get_expanded (self->outline, self->goal));
}
