/* soc-goal-tree-input.c: the goal tree's gestures, keys, menu and tooltips
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handlers stay thin: each finds what is under the pointer with the
 * layout's hit test and calls one function of soc-goal-tree.c that makes a
 * core edit (one undo step), so tests can call those directly.
 *
 * The keys are the ones people who use mind maps expect:
 *
 *   Tab              a new sub-goal of the card with the keyboard, named
 *                    in place (Shift+Tab and Ctrl+Tab leave the tree)
 *   Enter            a new goal after it, beside it
 *   F2               rename it in place
 *   Delete           delete it with its sub-goals (the window's Delete:
 *                    one undo step that says how much went); the keyboard
 *                    goes to the goal beside it, or its parent
 *   arrows           to the card beside it, its parent, its nearest
 *                    sub-goal, by position on screen
 *   Space            fold its sub-goals away, or open them
 *   Menu, Shift+F10  its menu
 *   Ctrl+wheel, pinch, Ctrl+plus, Ctrl+minus, Ctrl+0: zoom, zoom to fit
 *                    (the canvas's)
 *
 * And the pointer: a click selects (Ctrl: add or take out, Shift: add), a
 * double click renames, a click on the button below a card folds it, a
 * card dragged onto another goes under it (Escape cancels), a drag on
 * empty space pans.
 */

#define G_LOG_DOMAIN "soc-goal-tree"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "soc-compat.h"
#include "soc-goal-tree-private.h"

#define DRAG_THRESHOLD 4.0

#define SELECTION(self) soc_canvas_get_selection (SOC_CANVAS (self))

/* What is at X, Y (widget coordinates). */
static gboolean
hit_at (SocGoalTree *self,
        double       x,
        double       y,
        SocGoalHit  *hit)
{
  SocGoalLayout *layout = _soc_goal_tree_ensure_layout (self);
  SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));

  if (layout == NULL)
    {
      memset (hit, 0, sizeof *hit);
      return FALSE;
    }
  return soc_goal_layout_hit (layout, (x + v.x) / self->zoom, (y + v.y) / self->zoom, hit);
}

static GdkModifierType
current_state (GtkEventController *controller)
{
  return gtk_event_controller_get_current_event_state (controller) & gtk_accelerator_get_default_mod_mask ();
}

/* The goal the keyboard acts on: the selection's focus, else the card with
 * the keyboard. */
static SocGoal *
focused_goal (SocGoalTree *self)
{
  SocObject *focus = SELECTION (self) != NULL ? soc_selection_get_focus (SELECTION (self)) : NULL;

  if (!SOC_IS_GOAL (focus))
    focus = soc_canvas_get_focus_object (SOC_CANVAS (self));
  return SOC_IS_GOAL (focus) ? SOC_GOAL (focus) : NULL;
}

static void
announce_last_step (SocGoalTree *self)
{
  /* What was done, for screen readers: the undo step's own words. */
  if (self->document != NULL)
    soc_compat_announce (GTK_WIDGET (self), soc_history_get_undo_label (soc_document_get_history (self->document)));
}

/* ------------------------------------------------------------------------ */
/* Clicks                                                                   */

static void show_menu (SocGoalTree *self, SocGoal *target, double x, double y);

static void
select_for_click (SocGoalTree     *self,
                  SocObject       *object,
                  GdkModifierType  state)
{
  if (state & GDK_CONTROL_MASK)
    soc_selection_toggle (SELECTION (self), object);
  else if (state & GDK_SHIFT_MASK)
    soc_selection_add (SELECTION (self), object);
  else if (!soc_selection_contains (SELECTION (self), object) || soc_selection_get_size (SELECTION (self)) > 1)
    soc_selection_select (SELECTION (self), object);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SocGoalTree     *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = current_state (GTK_EVENT_CONTROLLER (gesture));
  SocGoalHit hit;

  if (SELECTION (self) == NULL)
    return;
  if (soc_canvas_get_renaming (SOC_CANVAS (self)) != NULL || !soc_canvas_has_focus_within (SOC_CANVAS (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));   /* and a name being typed is kept */
  hit_at (self, x, y, &hit);

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (hit.goal != NULL)
        {
          if (!soc_selection_contains (SELECTION (self), SOC_OBJECT (hit.goal)))
            soc_selection_select (SELECTION (self), SOC_OBJECT (hit.goal));
          show_menu (self, hit.goal, x, y);
        }
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY || hit.goal == NULL)
    return;

  if (hit.kind == SOC_GOAL_HIT_TOGGLE)
    {
      if (n_press == 1)
        soc_goal_tree_toggle (self, hit.goal);
      return;
    }
  if (n_press == 2)
    {
      soc_selection_select (SELECTION (self), SOC_OBJECT (hit.goal));
      soc_goal_tree_rename (self, hit.goal);
      return;
    }
  select_for_click (self, SOC_OBJECT (hit.goal), state);
  soc_canvas_set_focus_object (SOC_CANVAS (self), SOC_OBJECT (hit.goal));
}

/* ------------------------------------------------------------------------ */
/* Drags                                                                    */

static void
reset_drag (SocGoalTree *self)
{
  memset (&self->drag, 0, sizeof self->drag);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SocGoalTree    *self)
{
  SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));
  SocGoalHit hit;

  memset (&self->drag, 0, sizeof self->drag);
  if (self->document == NULL || !hit_at (self, x, y, &hit))
    hit.kind = SOC_GOAL_HIT_NONE;

  self->drag.x0 = x + v.x;
  self->drag.y0 = y + v.y;
  self->drag.hvalue = v.x;
  self->drag.vvalue = v.y;
  switch (hit.kind)
    {
    case SOC_GOAL_HIT_CARD:
      self->drag.kind = GOAL_DRAG_MOVE;
      self->drag.goal = hit.goal;
      self->drag.card = hit.card;
      break;
    case SOC_GOAL_HIT_TOGGLE:
      self->drag.kind = GOAL_DRAG_NONE;
      break;
    case SOC_GOAL_HIT_NONE:
    default:
      self->drag.kind = GOAL_DRAG_PAN;
      break;
    }
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SocGoalTree    *self)
{
  SocRect v;

  if (self->drag.kind == GOAL_DRAG_NONE)
    return;
  if (!self->drag.moved)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;
      self->drag.moved = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      if (self->drag.goal != NULL && !soc_selection_contains (SELECTION (self), SOC_OBJECT (self->drag.goal)))
        soc_selection_select (SELECTION (self), SOC_OBJECT (self->drag.goal));
    }

  if (self->drag.kind == GOAL_DRAG_PAN)
    {
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      soc_canvas_scroll_to (SOC_CANVAS (self), self->drag.hvalue - dx, self->drag.vvalue - dy);
      return;
    }

  /* A card being moved: the card under the pointer takes it, if it may. */
  v = soc_canvas_get_visible (SOC_CANVAS (self));
  self->drag.dx = dx + v.x - self->drag.hvalue;
  self->drag.dy = dy + v.y - self->drag.vvalue;
  {
    SocGoalHit hit;
    SocGoal *target = NULL;

    if (hit_at (self, self->drag.x0 + self->drag.dx - v.x, self->drag.y0 + self->drag.dy - v.y, &hit) &&
        hit.goal != self->drag.goal)
      target = hit.goal;
    if (target != self->drag.target)
      {
        self->drag.target = target;
        self->drag.refused = target != NULL && !soc_goal_tree_can_reparent (self, self->drag.goal, target);
      }
  }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->drag.refused ? "not-allowed" : "grabbing");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             SocGoalTree    *self)
{
  GdkModifierType state = current_state (GTK_EVENT_CONTROLLER (gesture));
  g_autoptr(GError) error = NULL;

  if (self->drag.kind == GOAL_DRAG_NONE)
    return;
  if (!self->drag.moved)
    {
      /* A click, not a drag: on empty space it clears the selection. */
      if (self->drag.kind == GOAL_DRAG_PAN && !(state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
        soc_selection_clear (SELECTION (self));
      reset_drag (self);
      return;
    }
  if (self->drag.kind == GOAL_DRAG_MOVE && self->drag.target != NULL)
    {
      if (!soc_goal_tree_reparent (self, self->drag.goal, self->drag.target, &error))
        soc_canvas_report (SOC_CANVAS (self), error->message);
      else
        announce_last_step (self);
    }
  reset_drag (self);
}

/* A drag cancelled (Escape, a grab taken away): nothing changes. Never
 * commit after this: drag-end follows with an offset of 0, 0. */
static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                SocGoalTree      *self)
{
  reset_drag (self);
}

/* What a drag shows over the content: the card where the pointer takes
 * it, half transparent. */
void
_soc_goal_tree_snapshot_drag (SocGoalTree   *self,
                              GtkSnapshot   *snapshot,
                              const SocRect *visible)
{
  SocGoalLayout *layout = self->layout;
  const SocGoalCard *card;
  SocGoalPaintState state;
  SocRect ghost, at;
  cairo_t *cr;

  if (layout == NULL || self->drag.kind != GOAL_DRAG_MOVE || !self->drag.moved ||
      (card = soc_goal_layout_find_card (layout, self->drag.goal, NULL)) == NULL)
    return;
  ghost = card->rect;
  ghost.x += self->drag.dx / self->zoom;
  ghost.y += self->drag.dy / self->zoom;
  at = _soc_goal_tree_to_content (self, &ghost);
  _soc_goal_tree_paint_state (self, &state);
  /* Only as large as the ghost: a drag repaints this every frame. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (at.x - 4, at.y - 4, at.width + 8, at.height + 8));
  cairo_scale (cr, self->zoom, self->zoom);
  soc_goal_paint_ghost (cr, layout, &state, self->drag.card, &ghost);
  cairo_destroy (cr);
}

/* ------------------------------------------------------------------------ */
/* Pointer: hover and tooltips                                              */

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SocGoalTree              *self)
{
  SocGoalHit hit;

  if (self->drag.kind != GOAL_DRAG_NONE && self->drag.moved)
    return;
  hit_at (self, x, y, &hit);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hit.kind != SOC_GOAL_HIT_NONE ? "pointer" : NULL);
  if (hit.goal != self->hover || hit.kind != self->hover_kind)
    {
      self->hover = hit.goal;
      self->hover_kind = hit.kind;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          SocGoalTree              *self)
{
  if (self->hover != NULL)
    {
      self->hover = NULL;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_query_tooltip (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  SocGoalTree *self)
{
  SocGoal *goal = NULL;
  SocGoalHit hit;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;

  if (self->drag.moved)
    return FALSE;
  if (keyboard)
    goal = SOC_IS_GOAL (soc_canvas_get_focus_object (SOC_CANVAS (self))) ? SOC_GOAL (soc_canvas_get_focus_object (SOC_CANVAS (self))) : NULL;
  else if (hit_at (self, x, y, &hit))
    {
      if (hit.kind == SOC_GOAL_HIT_TOGGLE)
        {
          gtk_tooltip_set_text (tooltip, soc_goal_tree_is_collapsed (self, hit.goal) ? _("Show the goals under it (Space)")
                                                                                      : _("Fold the goals under it away (Space)"));
          return TRUE;
        }
      goal = hit.goal;
    }
  if (goal == NULL || (description = _soc_goal_tree_describe (self, goal)) == NULL)
    return FALSE;
  /* Plain text: a title is the user's, never markup. */
  text = g_strdup_printf ("%s\n%s", soc_object_get_label (SOC_OBJECT (goal)), description);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Keys                                                                     */

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SocGoalTree           *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  g_autoptr(GError) error = NULL;
  SocGoal *goal;

  if (self->document == NULL || soc_canvas_get_renaming (SOC_CANVAS (self)) != NULL)
    return FALSE;

  if (keyval == GDK_KEY_Escape && self->drag.kind != GOAL_DRAG_NONE)
    {
      /* Cancel the drag: the gesture lets go, and nothing changes. */
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
      reset_drag (self);
      return TRUE;
    }
  if (mods & GDK_CONTROL_MASK)
    return FALSE;   /* Ctrl+plus, minus and 0 are the canvas's; Ctrl+Tab leaves */

  goal = focused_goal (self);
  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      /* Tab adds under the goal the user chose. With none chosen, as when
       * the window opens with the keyboard here, it moves on through the
       * window like everywhere else; in an empty tree it adds the vision,
       * as the tree says. */
      if (mods != 0 || ((SELECTION (self) == NULL || !SOC_IS_GOAL (soc_selection_get_focus (SELECTION (self)))) &&
                        soc_document_get_n_goals (self->document) > 0))
        return FALSE;
      if (soc_goal_tree_add_child (self, goal, &error) == NULL)
        soc_canvas_report (SOC_CANVAS (self), error->message);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (mods != 0)
        return FALSE;
      if (soc_goal_tree_add_sibling (self, goal, &error) == NULL)
        soc_canvas_report (SOC_CANVAS (self), error->message);
      return TRUE;

    case GDK_KEY_F2:
      if (mods != 0 || goal == NULL)
        return FALSE;
      soc_goal_tree_rename (self, goal);
      return TRUE;

    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (mods != 0 || goal == NULL)
        return FALSE;
      if (soc_goal_tree_toggle (self, goal))
        soc_compat_announce (GTK_WIDGET (self), soc_goal_tree_is_collapsed (self, goal) ? _("Folded") : _("Opened"));
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_Right:
    case GDK_KEY_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Up:
    case GDK_KEY_KP_Down:
      if (mods != 0)
        return FALSE;
      /* At an edge the keyboard stays in the tree. */
      soc_goal_tree_step (self, keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? SOC_DIRECTION_LEFT
                                : keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right ? SOC_DIRECTION_RIGHT
                                : keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? SOC_DIRECTION_UP
                                : SOC_DIRECTION_DOWN);
      return TRUE;

    case GDK_KEY_Menu:
    case GDK_KEY_F10:
      if ((keyval == GDK_KEY_F10 && mods != GDK_SHIFT_MASK) || goal == NULL)
        return FALSE;
      {
        SocGoalLayout *layout = _soc_goal_tree_ensure_layout (self);
        const SocGoalCard *card = layout != NULL ? soc_goal_layout_find_card (layout, goal, NULL) : NULL;
        SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));
        SocRect r = card != NULL ? _soc_goal_tree_to_content (self, &card->rect) : SOC_RECT_INIT (v.x + 40, v.y + 40, 0, 0);

        show_menu (self, goal, r.x - v.x + 12, r.y + r.height - v.y);
      }
      return TRUE;

    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------------ */
/* The menu of a card                                                       */

static void
show_menu (SocGoalTree *self,
           SocGoal     *target,
           double       x,
           double       y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();
  g_autoptr(GMenu) goal = g_menu_new ();
  gboolean folds = g_list_model_get_n_items (soc_goal_get_children (target)) > 0;

  self->menu_target = target;
  g_menu_append (add, _("Add a _Sub-goal"), "goaltree.add-child");
  g_menu_append (add, _("Add a Goal _After"), "goaltree.add-sibling");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
  g_menu_append (goal, _("_Open in the Inspector"), "goaltree.open");
  g_menu_append (goal, _("_Rename"), "goaltree.rename");
  if (folds)
    g_menu_append (goal, soc_goal_tree_is_collapsed (self, target) ? _("Show the Goals _Under It")
                                                                   : _("_Fold the Goals Under It Away"),
                   "goaltree.toggle");
  g_menu_append (goal, folds ? _("_Delete with Its Sub-goals") : _("_Delete"), "goaltree.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (goal));

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
menu_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  SocGoalTree *self = SOC_GOAL_TREE (widget);
  SocGoal *target = self->menu_target;
  g_autoptr(GError) error = NULL;

  if (target == NULL || self->document == NULL)
    return;
  if (g_str_equal (action, "goaltree.add-child"))
    {
      if (soc_goal_tree_add_child (self, target, &error) == NULL)
        soc_canvas_report (SOC_CANVAS (self), error->message);
    }
  else if (g_str_equal (action, "goaltree.add-sibling"))
    {
      if (soc_goal_tree_add_sibling (self, target, &error) == NULL)
        soc_canvas_report (SOC_CANVAS (self), error->message);
    }
  else if (g_str_equal (action, "goaltree.rename"))
    soc_goal_tree_rename (self, target);
  else if (g_str_equal (action, "goaltree.toggle"))
    soc_goal_tree_toggle (self, target);
  else if (g_str_equal (action, "goaltree.open"))
    {
      soc_selection_select (SELECTION (self), SOC_OBJECT (target));
      gtk_widget_activate_action (widget, "win.edit-selection", NULL);
    }
  else if (g_str_equal (action, "goaltree.delete"))
    {
      /* The window's Delete: one step, and a toast that says what went. */
      soc_selection_select (SELECTION (self), SOC_OBJECT (target));
      gtk_widget_activate_action (widget, "win.delete", NULL);
    }
}

void
_soc_goal_tree_class_init_input (SocGoalTreeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "goaltree.add-child", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "goaltree.add-sibling", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "goaltree.open", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "goaltree.rename", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "goaltree.toggle", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "goaltree.delete", NULL, menu_action);
}

void
_soc_goal_tree_init_input (SocGoalTree *self)
{
  static const SocCanvasInput input = {
    G_CALLBACK (on_pressed), G_CALLBACK (on_drag_begin), G_CALLBACK (on_drag_update), G_CALLBACK (on_drag_end),
    G_CALLBACK (on_drag_cancel), G_CALLBACK (on_motion), G_CALLBACK (on_leave), G_CALLBACK (on_key_pressed),
    G_CALLBACK (on_query_tooltip),
  };

  self->drag_gesture = soc_canvas_add_input (SOC_CANVAS (self), &input, self);
}

void
_soc_goal_tree_dispose_input (SocGoalTree *self)
{
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  self->menu_target = NULL;
}
