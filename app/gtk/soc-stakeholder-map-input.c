/* soc-stakeholder-map-input.c: the stakeholder map's gestures, keys, menus and popovers
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handlers stay thin: each finds what is under the pointer with the
 * layout's hit test and calls one function of soc-stakeholder-map.c that
 * makes a core edit (one undo step), so tests can call those directly
 * (CANVAS.md, "Gestures, and testing them").
 *
 *   click            select; Ctrl: add or take out; Shift: add
 *   double-click     a bubble: open it in the inspector
 *   drag             a bubble: its influence and interest, the numbers shown
 *                    as it goes; the handle beside a bubble: a relationship
 *                    to the bubble it is dropped on, its kind chosen in a
 *                    popover (soc-stakeholder-map-link.c); empty room: pan; Shift or Ctrl on empty
 *                    room: select with a rubber band
 *   Escape           cancels a drag: nothing changes
 *   Ctrl+wheel, pinch, Ctrl+plus, Ctrl+minus, Ctrl+0: zoom, zoom to fit
 *                    (the canvas's)
 *   arrows           the selection moves to the nearest bubble that way;
 *                    Shift+arrows: interest (left, right) and influence
 *                    (up, down) by 1; Ctrl+Shift+arrows: by 5
 *   F2               rename in place; Enter: open in the inspector
 *   Menu, Shift+F10  the bubble's menu
 */

#define G_LOG_DOMAIN "soc-stakeholder-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "soc-edit.h"
#include "soc-enum-types.h"
#include "soc-stakeholder-map-private.h"

#define DRAG_THRESHOLD 4.0

#define SELECTION(self) soc_canvas_get_selection (SOC_CANVAS (self))

/* The bubble whose handle shows: the one hovered, else the one selected alone. */
static gint
active_bubble (SocStakeholderMap *self)
{
  SocMapLayout *layout = self->layout;
  SocObject *only;
  guint index;

  if (layout == NULL)
    return -1;
  if (self->hover != NULL && soc_map_layout_find_bubble (layout, self->hover, &index) != NULL)
    return (gint) index;
  if (SELECTION (self) != NULL && soc_selection_get_size (SELECTION (self)) == 1)
    {
      only = soc_selection_get_nth (SELECTION (self), 0);
      if (SOC_IS_STAKEHOLDER (only) && soc_map_layout_find_bubble (layout, SOC_STAKEHOLDER (only), &index) != NULL)
        return (gint) index;
    }
  return -1;
}

/* What is at X, Y of the widget; FALSE for nothing, or what the axes cover. */
static gboolean
hit_at (SocStakeholderMap *self,
        double             x,
        double             y,
        SocMapHit         *hit)
{
  SocMapLayout *layout = _soc_stakeholder_map_ensure_layout (self);
  SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));
  SocRect area;

  memset (hit, 0, sizeof *hit);
  if (layout == NULL)
    return FALSE;
  area = _soc_stakeholder_map_area (self);
  if (!soc_rect_contains_point (&area, x + v.x, y + v.y))
    return FALSE;
  return soc_map_layout_hit (layout, x + v.x, y + v.y, active_bubble (self), self->show_edges, hit);
}

static GdkModifierType
current_state (GtkEventController *controller)
{
  return gtk_event_controller_get_current_event_state (controller) & gtk_accelerator_get_default_mod_mask ();
}

/* The pointer and the drag name stakeholders of the layout about to go. */
void
_soc_stakeholder_map_forget_pointer (SocStakeholderMap *self)
{
  self->hover = NULL;
  self->hover_edge = NULL;
  memset (&self->drag, 0, sizeof self->drag);
  self->menu_target = NULL;
  if (self->menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->menu));
  if (self->link_popover != NULL && self->link_from != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->link_popover));
  self->link_from = self->link_to = NULL;
}

/* ------------------------------------------------------------------------ */
/* Clicks                                                                   */

static void show_menu (SocStakeholderMap *self, SocObject *target, double x, double y);

static void
select_for_click (SocStakeholderMap *self,
                  SocObject         *object,
                  GdkModifierType    state)
{
  if (state & GDK_CONTROL_MASK)
    soc_selection_toggle (SELECTION (self), object);
  else if (state & GDK_SHIFT_MASK)
    soc_selection_add (SELECTION (self), object);
  else if (!soc_selection_contains (SELECTION (self), object))
    soc_selection_select (SELECTION (self), object);
  else if (soc_selection_get_size (SELECTION (self)) == 1)
    {
      SocObject *all[1] = { object };

      soc_selection_set (SELECTION (self), all, 1, object);
    }
}

static void
on_pressed (GtkGestureClick   *gesture,
            int                n_press,
            double             x,
            double             y,
            SocStakeholderMap *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = current_state (GTK_EVENT_CONTROLLER (gesture));
  SocObject *target;
  SocMapHit hit;

  if (SELECTION (self) == NULL)
    return;
  if (soc_canvas_get_renaming (SOC_CANVAS (self)) != NULL || !soc_canvas_has_focus_within (SOC_CANVAS (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  hit_at (self, x, y, &hit);
  target = hit.stakeholder != NULL ? SOC_OBJECT (hit.stakeholder) : SOC_OBJECT (hit.relationship);

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (target != NULL)
        {
          if (!soc_selection_contains (SELECTION (self), target))
            soc_selection_select (SELECTION (self), target);
          show_menu (self, target, x, y);
        }
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY || target == NULL)
    return;

  if (n_press == 2)
    {
      soc_selection_select (SELECTION (self), target);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-selection", NULL);
    }
  else
    select_for_click (self, target, state);
  if (hit.stakeholder != NULL)
    soc_canvas_set_focus_object (SOC_CANVAS (self), target);
}

/* ------------------------------------------------------------------------ */
/* Drags                                                                    */

static void
reset_drag (SocStakeholderMap *self)
{
  memset (&self->drag, 0, sizeof self->drag);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag    *gesture,
               double             x,
               double             y,
               SocStakeholderMap *self)
{
  GdkModifierType state = current_state (GTK_EVENT_CONTROLLER (gesture));
  SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));
  SocMapHit hit;

  memset (&self->drag, 0, sizeof self->drag);
  if (self->document == NULL || !hit_at (self, x, y, &hit))
    hit.kind = SOC_MAP_HIT_NONE;

  self->drag.x0 = x + v.x;
  self->drag.y0 = y + v.y;
  self->drag.hvalue = v.x;
  self->drag.vvalue = v.y;
  self->drag.stakeholder = hit.stakeholder;
  self->drag.bubble = hit.bubble;
  if (hit.stakeholder != NULL)
    {
      self->drag.influence = soc_stakeholder_get_influence (hit.stakeholder);
      self->drag.interest = soc_stakeholder_get_interest (hit.stakeholder);
    }

  switch (hit.kind)
    {
    case SOC_MAP_HIT_BUBBLE:
      self->drag.kind = MAP_DRAG_MOVE;
      break;
    case SOC_MAP_HIT_LINK:
      self->drag.kind = MAP_DRAG_LINK;
      break;
    case SOC_MAP_HIT_EDGE:
    case SOC_MAP_HIT_PLOT:
    case SOC_MAP_HIT_NONE:
    default:
      self->drag.kind = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) ? MAP_DRAG_BAND : MAP_DRAG_PAN;
      break;
    }
}

static void
on_drag_update (GtkGestureDrag    *gesture,
                double             dx,
                double             dy,
                SocStakeholderMap *self)
{
  SocRect v;

  if (self->drag.kind == MAP_DRAG_NONE)
    return;
  if (!self->drag.moved)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;
      self->drag.moved = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      if (self->drag.kind == MAP_DRAG_MOVE && !soc_selection_contains (SELECTION (self), SOC_OBJECT (self->drag.stakeholder)))
        soc_selection_select (SELECTION (self), SOC_OBJECT (self->drag.stakeholder));
    }

  if (self->drag.kind == MAP_DRAG_PAN)
    {
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      soc_canvas_scroll_to (SOC_CANVAS (self), self->drag.hvalue - dx, self->drag.vvalue - dy);
      return;
    }

  /* The pointer moves with the view when the view scrolls. */
  v = soc_canvas_get_visible (SOC_CANVAS (self));
  self->drag.dx = dx + v.x - self->drag.hvalue;
  self->drag.dy = dy + v.y - self->drag.vvalue;
  switch (self->drag.kind)
    {
    case MAP_DRAG_MOVE:
      soc_stakeholder_map_drag_values (self, self->drag.stakeholder, self->drag.dx, self->drag.dy,
                                       &self->drag.influence, &self->drag.interest);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      break;
    case MAP_DRAG_LINK:
      {
        SocMapHit hit;

        self->drag.target = NULL;
        if (soc_map_layout_hit (_soc_stakeholder_map_ensure_layout (self), self->drag.x0 + self->drag.dx,
                                self->drag.y0 + self->drag.dy, -1, FALSE, &hit) &&
            hit.stakeholder != NULL && hit.stakeholder != self->drag.stakeholder)
          self->drag.target = hit.stakeholder;
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
      }
      break;
    case MAP_DRAG_BAND:
    case MAP_DRAG_PAN:
    case MAP_DRAG_NONE:
    default:
      break;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
finish_band (SocStakeholderMap *self,
             GdkModifierType    state)
{
  SocMapLayout *layout = _soc_stakeholder_map_ensure_layout (self);
  g_autoptr(GArray) bubbles = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  SocRect band = SOC_RECT_INIT (MIN (self->drag.x0, self->drag.x0 + self->drag.dx),
                                MIN (self->drag.y0, self->drag.y0 + self->drag.dy),
                                fabs (self->drag.dx), fabs (self->drag.dy));

  if (state & GDK_CONTROL_MASK)
    for (guint i = 0; i < soc_selection_get_size (SELECTION (self)); i++)
      g_ptr_array_add (chosen, soc_selection_get_nth (SELECTION (self), i));
  soc_map_layout_bubbles_in (layout, &band, FALSE, bubbles);
  for (guint i = 0; i < bubbles->len; i++)
    {
      const SocMapBubble *b = soc_map_layout_get_bubble (layout, g_array_index (bubbles, guint, i));

      if (soc_rect_contains_point (&band, b->center.x, b->center.y))
        g_ptr_array_add (chosen, b->stakeholder);
    }
  soc_selection_set (SELECTION (self), (SocObject *const *) chosen->pdata, chosen->len, NULL);
}

static void
on_drag_end (GtkGestureDrag    *gesture,
             double             dx,
             double             dy,
             SocStakeholderMap *self)
{
  GdkModifierType state = current_state (GTK_EVENT_CONTROLLER (gesture));
  g_autoptr(GError) error = NULL;
  MapDrag drag = self->drag;
  gboolean ok = TRUE;

  if (drag.kind == MAP_DRAG_NONE)
    return;
  reset_drag (self);
  if (!drag.moved)
    {
      /* A click, not a drag: on empty room it clears the selection. */
      if ((drag.kind == MAP_DRAG_PAN || drag.kind == MAP_DRAG_BAND) && !(state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
        {
          SocMapHit hit;

          if (!hit_at (self, drag.x0 - drag.hvalue, drag.y0 - drag.vvalue, &hit) || hit.kind == SOC_MAP_HIT_PLOT)
            soc_selection_clear (SELECTION (self));
        }
      return;
    }

  switch (drag.kind)
    {
    case MAP_DRAG_MOVE:
      ok = soc_stakeholder_map_move (self, drag.stakeholder, drag.influence, drag.interest, &error);
      break;
    case MAP_DRAG_LINK:
      if (drag.target != NULL)
        soc_stakeholder_map_propose_link (self, drag.stakeholder, drag.target);
      break;
    case MAP_DRAG_BAND:
      self->drag = drag;
      finish_band (self, state);
      reset_drag (self);
      break;
    case MAP_DRAG_PAN:
    case MAP_DRAG_NONE:
    default:
      break;
    }
  if (!ok)
    soc_canvas_report (SOC_CANVAS (self), error->message);
}

/* A drag cancelled (Escape, a grab taken away): nothing changes. Never
 * commit after this: drag-end follows with an offset of 0, 0. */
static void
on_drag_cancel (GtkGesture        *gesture,
                GdkEventSequence  *sequence,
                SocStakeholderMap *self)
{
  reset_drag (self);
}

/* What a drag shows over the content: the bubble where it would go with
 * its numbers, the relationship being drawn, the rubber band. */
void
_soc_stakeholder_map_snapshot_drag (SocStakeholderMap      *self,
                                    GtkSnapshot            *snapshot,
                                    const SocMapPaintState *state)
{
  SocMapLayout *layout = self->layout;
  const SocMapBubble *b;
  cairo_t *cr;

  if (layout == NULL || !self->drag.moved)
    return;

  switch (self->drag.kind)
    {
    case MAP_DRAG_MOVE:
      {
        g_autofree char *text = NULL;
        g_autoptr(PangoLayout) pl = NULL;
        PangoRectangle ink;
        SocPoint at;
        double tx, ty, tw, th;
        guint index;

        b = soc_map_layout_find_bubble (layout, self->drag.stakeholder, &index);
        if (b == NULL)
          return;
        /* Where its numbers put it: whole points, its spread kept. */
        at.x = b->center.x + (self->drag.interest - b->interest) * soc_map_layout_get_zoom (layout);
        at.y = b->center.y - (self->drag.influence - b->influence) * soc_map_layout_get_zoom (layout);
        /* Translators: the numbers shown while a bubble is dragged on the stakeholder map */
        text = g_strdup_printf (_("Influence %d · Interest %d"), self->drag.influence, self->drag.interest);
        pl = soc_text_layout (soc_canvas_get_text (SOC_CANVAS (self)), SOC_TEXT_SMALL, text);
        pango_layout_get_extents (pl, NULL, &ink);
        tw = ink.width / (double) PANGO_SCALE;
        th = ink.height / (double) PANGO_SCALE;
        tx = at.x - tw / 2;
        ty = at.y - b->outer - th - 10;

        {
          double x0 = MIN (at.x - b->outer, tx) - 8, y0 = ty - 6;
          double x1 = MAX (at.x + b->outer, tx + tw) + 8, y1 = at.y + b->outer + 8;

          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
        }
        soc_map_paint_ghost (cr, layout, state, index, &at);
        cairo_rectangle (cr, tx - 4, ty - 2, tw + 8, th + 4);
        cairo_set_source_rgba (cr, state->palette->text.red, state->palette->text.green, state->palette->text.blue, 0.88);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, state->palette->background.red, state->palette->background.green,
                              state->palette->background.blue);
        soc_text_show (cr, pl, tx, ty);
        cairo_destroy (cr);
      }
      break;

    case MAP_DRAG_LINK:
      b = soc_map_layout_find_bubble (layout, self->drag.stakeholder, NULL);
      if (b == NULL)
        return;
      {
        const SocMapBubble *target = self->drag.target != NULL ? soc_map_layout_find_bubble (layout, self->drag.target, NULL) : NULL;
        double x0 = b->center.x, y0 = b->center.y;
        double x1 = self->drag.x0 + self->drag.dx, y1 = self->drag.y0 + self->drag.dy;

        if (target != NULL)
          {
            /* To the target's rim. */
            double ddx = target->center.x - x0, ddy = target->center.y - y0;
            double len = sqrt (ddx * ddx + ddy * ddy);

            if (len > target->outer + 1)
              {
                x1 = target->center.x - ddx / len * (target->outer + 3);
                y1 = target->center.y - ddy / len * (target->outer + 3);
              }
          }
        cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (MIN (x0, x1) - 12, MIN (y0, y1) - 12,
                                                                       fabs (x1 - x0) + 24, fabs (y1 - y0) + 24));
        soc_map_paint_link (cr, state, x0, y0, x1, y1);
        cairo_destroy (cr);
      }
      break;

    case MAP_DRAG_BAND:
      {
        SocRect band = SOC_RECT_INIT (MIN (self->drag.x0, self->drag.x0 + self->drag.dx),
                                      MIN (self->drag.y0, self->drag.y0 + self->drag.dy),
                                      fabs (self->drag.dx), fabs (self->drag.dy));

        cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (band.x - 1, band.y - 1, band.width + 2, band.height + 2));
        cairo_rectangle (cr, band.x + 0.5, band.y + 0.5, band.width, band.height);
        cairo_set_source_rgba (cr, state->palette->accent.red, state->palette->accent.green, state->palette->accent.blue, 0.15);
        cairo_fill_preserve (cr);
        cairo_set_source_rgba (cr, state->palette->accent.red, state->palette->accent.green, state->palette->accent.blue, 0.9);
        cairo_set_line_width (cr, 1);
        cairo_stroke (cr);
        cairo_destroy (cr);
      }
      break;

    case MAP_DRAG_PAN:
    case MAP_DRAG_NONE:
    default:
      break;
    }
}

/* ------------------------------------------------------------------------ */
/* Pointer: hover and tooltips                                              */

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SocStakeholderMap        *self)
{
  SocMapHit hit;
  const char *cursor = NULL;

  if (self->drag.kind != MAP_DRAG_NONE && self->drag.moved)
    return;
  hit_at (self, x, y, &hit);
  switch (hit.kind)
    {
    case SOC_MAP_HIT_LINK:
      cursor = "crosshair";
      break;
    case SOC_MAP_HIT_BUBBLE:
    case SOC_MAP_HIT_EDGE:
      cursor = "pointer";
      break;
    case SOC_MAP_HIT_PLOT:
    case SOC_MAP_HIT_NONE:
    default:
      break;
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
  if (hit.stakeholder != self->hover || hit.kind != self->hover_kind || hit.relationship != self->hover_edge)
    {
      self->hover = hit.stakeholder;
      self->hover_kind = hit.kind;
      self->hover_edge = hit.relationship;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          SocStakeholderMap        *self)
{
  if (self->hover != NULL || self->hover_edge != NULL)
    {
      self->hover = NULL;
      self->hover_edge = NULL;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static char *
relationship_sentence (SocRelationship *rel)
{
  const char *a = soc_object_get_label (SOC_OBJECT (soc_relationship_get_from (rel)));
  const char *z = soc_object_get_label (SOC_OBJECT (soc_relationship_get_to (rel)));

  switch (soc_relationship_get_kind (rel))
    {
    case SOC_RELATION_KIND_INFLUENCES:
      return g_strdup_printf (_("“%s” influences “%s”"), a, z);
    case SOC_RELATION_KIND_MENTORS:
      return g_strdup_printf (_("“%s” mentors “%s”"), a, z);
    case SOC_RELATION_KIND_REPORTS_TO:
    default:
      return g_strdup_printf (_("“%s” reports to “%s”"), a, z);
    }
}

static gboolean
on_query_tooltip (GtkWidget         *widget,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip,
                  SocStakeholderMap *self)
{
  SocStakeholder *s = NULL;
  SocMapHit hit;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  g_autofree char *department = NULL;

  /* Nothing over a drag or over the question of a relationship's kind. */
  if (self->drag.moved || (self->link_popover != NULL && gtk_widget_get_visible (self->link_popover)))
    return FALSE;
  if (keyboard)
    s = SOC_IS_STAKEHOLDER (soc_canvas_get_focus_object (SOC_CANVAS (self)))
          ? SOC_STAKEHOLDER (soc_canvas_get_focus_object (SOC_CANVAS (self))) : NULL;
  else if (hit_at (self, x, y, &hit))
    {
      if (hit.kind == SOC_MAP_HIT_LINK)
        {
          gtk_tooltip_set_text (tooltip, _("Drag to another stakeholder to add a relationship"));
          return TRUE;
        }
      if (hit.kind == SOC_MAP_HIT_EDGE)
        {
          text = relationship_sentence (hit.relationship);
          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
      s = hit.stakeholder;
    }
  if (s == NULL)
    return FALSE;

  SOC_CANVAS_GET_CLASS (self)->describe (SOC_CANVAS (self), SOC_OBJECT (s), &label, &description);
  g_object_get (s, "department", &department, NULL);
  /* Plain text: a name is the user's, never markup. */
  if (department != NULL && department[0] != '\0')
    text = g_strdup_printf ("%s\n%s\n%s", label, department, description);
  else
    text = g_strdup_printf ("%s\n%s", label, description);
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
                SocStakeholderMap     *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  g_autoptr(GError) error = NULL;
  SocObject *focus;

  if (self->document == NULL)
    return FALSE;

  if (keyval == GDK_KEY_Escape && self->drag.kind != MAP_DRAG_NONE)
    {
      /* Cancel the drag: the gesture lets go, and nothing changes. */
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
      reset_drag (self);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Right:
    case GDK_KEY_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Up:
    case GDK_KEY_KP_Down:
      {
        gboolean left = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left;
        gboolean right = keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right;
        gboolean up = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up;
        int by = (mods & GDK_CONTROL_MASK) ? 5 : 1;

        if (mods == 0)
          return soc_stakeholder_map_step (self, left ? SOC_DIRECTION_LEFT : right ? SOC_DIRECTION_RIGHT
                                                 : up ? SOC_DIRECTION_UP : SOC_DIRECTION_DOWN);
        if (mods == GDK_SHIFT_MASK || mods == (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
          {
            if (!soc_stakeholder_map_nudge (self, left ? -by : right ? by : 0, (left || right) ? 0 : up ? by : -by, &error) &&
                error != NULL)
              soc_canvas_report (SOC_CANVAS (self), error->message);
            focus = soc_selection_get_focus (SELECTION (self));
            if (SOC_IS_STAKEHOLDER (focus))
              _soc_stakeholder_map_focus (self, SOC_STAKEHOLDER (focus));
            return TRUE;
          }
        return FALSE;
      }

    case GDK_KEY_F2:
      if (mods != 0)
        return FALSE;
      focus = soc_selection_get_focus (SELECTION (self));
      if (!SOC_IS_STAKEHOLDER (focus))
        return FALSE;
      _soc_stakeholder_map_rename (self, SOC_STAKEHOLDER (focus));
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (mods != 0 || soc_selection_get_focus (SELECTION (self)) == NULL)
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-selection", NULL);
      return TRUE;

    case GDK_KEY_Menu:
    case GDK_KEY_F10:
      if (keyval == GDK_KEY_F10 && mods != GDK_SHIFT_MASK)
        return FALSE;
      focus = soc_selection_get_focus (SELECTION (self));
      if (SOC_IS_STAKEHOLDER (focus))
        {
          const SocMapBubble *b = soc_map_layout_find_bubble (_soc_stakeholder_map_ensure_layout (self),
                                                              SOC_STAKEHOLDER (focus), NULL);
          SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));

          show_menu (self, focus, b != NULL ? b->center.x - v.x : 80, b != NULL ? b->center.y + b->outer - v.y : 80);
          return TRUE;
        }
      return FALSE;

    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------------ */
/* Renaming in place                                                        */

static void
commit_rename (SocCanvas  *canvas,
               SocObject  *object,
               const char *text)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (canvas);
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && g_strcmp0 (text, soc_stakeholder_get_name (SOC_STAKEHOLDER (object))) != 0 &&
      !soc_edit_set_string (self->document, object, "name", text, &error))
    soc_canvas_report (canvas, error->message);
}

/* An entry beside STAKEHOLDER's bubble, its name in it, selected. */
void
_soc_stakeholder_map_rename (SocStakeholderMap *self,
                             SocStakeholder    *stakeholder)
{
  SocMapLayout *layout = _soc_stakeholder_map_ensure_layout (self);
  const SocMapBubble *b;
  SocRect rect;

  if (layout == NULL)
    return;
  soc_stakeholder_map_reveal (self, SOC_OBJECT (stakeholder));
  b = soc_map_layout_find_bubble (layout, stakeholder, NULL);
  if (b == NULL)
    return;
  rect = SOC_RECT_INIT (b->center.x + b->outer + 2, b->center.y - 14, 220, 28);
  soc_canvas_rename (SOC_CANVAS (self), SOC_OBJECT (stakeholder), &rect, soc_stakeholder_get_name (stakeholder),
                     _("Name"), commit_rename);
}

/* ------------------------------------------------------------------------ */
/* The menu of a bubble or a relationship                                   */

static void
show_menu (SocStakeholderMap *self,
           SocObject         *target,
           double             x,
           double             y)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  self->menu_target = target;
  g_menu_append (menu, _("_Open in the Inspector"), "map.open");
  if (SOC_IS_STAKEHOLDER (target))
    g_menu_append (menu, _("_Rename"), "map.rename");
  g_menu_append (menu, _("_Delete"), "map.delete");
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
open_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (widget);

  if (self->menu_target != NULL)
    soc_selection_select (SELECTION (self), self->menu_target);
  gtk_widget_activate_action (widget, "win.edit-selection", NULL);
}

static void
rename_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (widget);

  if (SOC_IS_STAKEHOLDER (self->menu_target))
    _soc_stakeholder_map_rename (self, SOC_STAKEHOLDER (self->menu_target));
}

static void
delete_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (widget);

  /* The window's Delete: one step, and a toast with Undo. */
  if (self->menu_target == NULL)
    return;
  soc_selection_select (SELECTION (self), self->menu_target);
  gtk_widget_activate_action (widget, "win.delete", NULL);
}

void
_soc_stakeholder_map_class_init_input (SocStakeholderMapClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "map.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "map.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "map.delete", NULL, delete_action);
  _soc_stakeholder_map_class_init_link (klass);
}

void
_soc_stakeholder_map_init_input (SocStakeholderMap *self)
{
  static const SocCanvasInput input = {
    G_CALLBACK (on_pressed), G_CALLBACK (on_drag_begin), G_CALLBACK (on_drag_update), G_CALLBACK (on_drag_end),
    G_CALLBACK (on_drag_cancel), G_CALLBACK (on_motion), G_CALLBACK (on_leave), G_CALLBACK (on_key_pressed),
    G_CALLBACK (on_query_tooltip),
  };

  self->drag_gesture = soc_canvas_add_input (SOC_CANVAS (self), &input, self);
}

void
_soc_stakeholder_map_dispose_input (SocStakeholderMap *self)
{
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  self->menu_target = NULL;
  _soc_stakeholder_map_dispose_link (self);
}
