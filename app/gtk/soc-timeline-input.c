/* soc-timeline-input.c: the timeline's gestures, keys, menus and in-place renaming
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handlers stay thin: each finds what is under the pointer with the
 * layout's hit test and calls one function of soc-timeline.c that makes a
 * core edit (one undo step), so tests can call those directly (CANVAS.md,
 * "Gestures, and testing them").
 *
 *   click            select; Ctrl: add or take out; Shift: add
 *   double-click     an item: open it in the inspector; empty lane time:
 *                    a new activity there; a lane title: rename the lane
 *   drag             a bar: move it; its ends: resize it; the handle after
 *                    an item: draw a dependency; empty time: pan;
 *                    Shift and empty time: select with a rubber band
 *   Escape           cancels a drag: nothing changes
 *   Ctrl+wheel, pinch, Ctrl+plus, Ctrl+minus, Ctrl+0: zoom, zoom to fit
 *                    (the canvas's)
 *   arrows           move the selection; Shift+arrows move the item by the
 *                    zoom's unit; Alt+Shift+arrows move its end
 *   F2               rename in place; Enter: open in the inspector
 *   T                today; Menu or Shift+F10: the item's or lane's menu
 */

#define G_LOG_DOMAIN "soc-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "soc-compat.h"
#include "soc-date.h"
#include "soc-edit.h"
#include "soc-format.h"
#include "soc-rules.h"
#include "soc-timeline-private.h"

#define DRAG_THRESHOLD 4.0

#define SELECTION(self) soc_canvas_get_selection (SOC_CANVAS (self))

static gboolean
hit_at (SocTimeline   *self,
        double         x,
        double         y,
        SocRoadmapHit *hit)
{
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));

  if (layout == NULL)
    {
      memset (hit, 0, sizeof *hit);
      return FALSE;
    }
  if (!soc_roadmap_layout_hit (layout, x + v.x, y + v.y, &v, hit) || hit->kind == SOC_ROADMAP_HIT_LANE_TIME)
    {
      /* Not a bar: perhaps the name beside one, as it is painted. */
      SocRoadmapPaintState state;
      guint box;

      soc_roadmap_paint_state_init (&state, soc_canvas_get_palette (SOC_CANVAS (self)), soc_canvas_get_labels (SOC_CANVAS (self)));
      box = soc_roadmap_label_at (layout, &state, x + v.x, y + v.y);
      if (box != G_MAXUINT)
        {
          const SocRoadmapBox *b = soc_roadmap_layout_get_box (layout, box);

          hit->kind = SOC_ROADMAP_HIT_LABEL;
          hit->item = b->item;
          hit->box = box;
          hit->lane_index = b->lane;
          hit->lane = soc_roadmap_layout_get_lane (layout, b->lane)->lane;
        }
    }
  return hit->kind != SOC_ROADMAP_HIT_NONE;
}

static GdkModifierType
current_state (GtkEventController *controller)
{
  return gtk_event_controller_get_current_event_state (controller) & gtk_accelerator_get_default_mod_mask ();
}

/* ------------------------------------------------------------------------ */
/* Clicks                                                                   */

static void show_menu (SocTimeline *self, gpointer target, double x, double y);

static void
select_for_click (SocTimeline     *self,
                  SocObject       *object,
                  GdkModifierType  state)
{
  if (state & GDK_CONTROL_MASK)
    soc_selection_toggle (SELECTION (self), object);
  else if (state & GDK_SHIFT_MASK)
    soc_selection_add (SELECTION (self), object);
  else if (!soc_selection_contains (SELECTION (self), object))
    soc_selection_select (SELECTION (self), object);
  else
    {
      /* Already selected: it becomes the focus; a drag moves it. */
      SocObject *all[1] = { object };

      if (soc_selection_get_size (SELECTION (self)) == 1)
        soc_selection_set (SELECTION (self), all, 1, object);
    }
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SocTimeline     *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = current_state (GTK_EVENT_CONTROLLER (gesture));
  SocRoadmapHit hit;
  g_autoptr(GError) error = NULL;

  if (SELECTION (self) == NULL)
    return;
  if (soc_canvas_get_renaming (SOC_CANVAS (self)) != NULL || !soc_canvas_has_focus_within (SOC_CANVAS (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));   /* and a name being typed is kept */
  hit_at (self, x, y, &hit);

  if (button == GDK_BUTTON_SECONDARY)
    {
      gpointer target = hit.item != NULL ? (gpointer) hit.item : (gpointer) hit.lane;

      if (target != NULL)
        {
          if (!soc_selection_contains (SELECTION (self), target))
            soc_selection_select (SELECTION (self), target);
          show_menu (self, target, x, y);
        }
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;

  switch (hit.kind)
    {
    case SOC_ROADMAP_HIT_ITEM:
    case SOC_ROADMAP_HIT_START_EDGE:
    case SOC_ROADMAP_HIT_END_EDGE:
    case SOC_ROADMAP_HIT_LINK:
    case SOC_ROADMAP_HIT_LABEL:
      if (n_press == 2)
        {
          soc_selection_select (SELECTION (self), SOC_OBJECT (hit.item));
          gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-selection", NULL);
        }
      else
        select_for_click (self, SOC_OBJECT (hit.item), state);
      soc_canvas_set_focus_object (SOC_CANVAS (self), SOC_OBJECT (hit.item));
      break;

    case SOC_ROADMAP_HIT_LANE_TITLE:
      if (n_press == 2)
        _soc_timeline_rename (self, hit.lane);
      else
        select_for_click (self, SOC_OBJECT (hit.lane), state);
      break;

    case SOC_ROADMAP_HIT_LANE_TIME:
      if (n_press == 2 && hit.lane != NULL)
        {
          SocItem *item = soc_timeline_add_at (self, hit.lane, hit.date, &error);

          if (item == NULL)
            soc_canvas_report (SOC_CANVAS (self), error->message);
          else
            _soc_timeline_rename (self, item);
        }
      break;

    case SOC_ROADMAP_HIT_HEADER:
    case SOC_ROADMAP_HIT_NONE:
    default:
      break;
    }
}

/* ------------------------------------------------------------------------ */
/* Drags                                                                    */

static void
reset_drag (SocTimeline *self)
{
  memset (&self->drag, 0, sizeof self->drag);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SocTimeline    *self)
{
  GdkModifierType state = current_state (GTK_EVENT_CONTROLLER (gesture));
  SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));
  SocRoadmapHit hit;

  memset (&self->drag, 0, sizeof self->drag);
  if (self->document == NULL || !hit_at (self, x, y, &hit))
    hit.kind = SOC_ROADMAP_HIT_NONE;

  self->drag.x0 = x + v.x;
  self->drag.y0 = y + v.y;
  self->drag.hvalue = v.x;
  self->drag.vvalue = v.y;
  self->drag.item = hit.item;
  self->drag.box = hit.box;
  if (hit.item != NULL)
    {
      self->drag.start = soc_item_get_start (hit.item);
      self->drag.end = soc_item_get_end (hit.item);
    }

  switch (hit.kind)
    {
    case SOC_ROADMAP_HIT_ITEM:
      self->drag.kind = DRAG_MOVE;
      break;
    case SOC_ROADMAP_HIT_START_EDGE:
      self->drag.kind = DRAG_START;
      break;
    case SOC_ROADMAP_HIT_END_EDGE:
      self->drag.kind = DRAG_END;
      break;
    case SOC_ROADMAP_HIT_LINK:
      self->drag.kind = DRAG_LINK;
      break;
    case SOC_ROADMAP_HIT_LANE_TIME:
    case SOC_ROADMAP_HIT_LABEL:   /* only the bar itself moves */
    case SOC_ROADMAP_HIT_NONE:
      self->drag.kind = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) ? DRAG_BAND : DRAG_PAN;
      break;
    case SOC_ROADMAP_HIT_HEADER:
      self->drag.kind = DRAG_PAN;
      break;
    case SOC_ROADMAP_HIT_LANE_TITLE:
    default:
      self->drag.kind = DRAG_NONE;
      break;
    }
}

/* The dates a move or resize by DX would give the dragged item. */
static void
dragged_dates (SocTimeline *self,
               double       dx,
               guint       *start,
               guint       *end)
{
  guint s = soc_item_get_start (self->drag.item);
  guint e = soc_item_get_end (self->drag.item);

  switch (self->drag.kind)
    {
    case DRAG_MOVE:
      *start = soc_timeline_drag_date (self, s, dx);
      *end = *start + (e - s);
      break;
    case DRAG_START:
      *start = MIN (soc_timeline_drag_date (self, s, dx), e);
      *end = e;
      break;
    case DRAG_END:
      *start = s;
      /* The end is the last day: the boundary after it snaps. */
      *end = MAX (soc_timeline_drag_date (self, e + 1, dx), s + 1) - 1;
      break;
    default:
      *start = s;
      *end = e;
    }
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SocTimeline    *self)
{
  if (self->drag.kind == DRAG_NONE)
    return;
  if (!self->drag.moved)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;
      self->drag.moved = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      /* What a bar's drag acts on is selected; a pan from a name beside
       * its bar (clicked as the bar, dragged as the empty time under it)
       * leaves the selection be. */
      if (self->drag.item != NULL && self->drag.kind != DRAG_PAN && self->drag.kind != DRAG_BAND &&
          !soc_selection_contains (SELECTION (self), SOC_OBJECT (self->drag.item)))
        soc_selection_select (SELECTION (self), SOC_OBJECT (self->drag.item));
    }

  switch (self->drag.kind)
    {
    case DRAG_PAN:
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      soc_canvas_scroll_to (SOC_CANVAS (self), self->drag.hvalue - dx, self->drag.vvalue - dy);
      return;
    case DRAG_MOVE:
    case DRAG_START:
    case DRAG_END:
      {
        /* The pointer moves with the view when the view scrolls. */
        double sdx = dx + soc_canvas_get_visible (SOC_CANVAS (self)).x - self->drag.hvalue;

        dragged_dates (self, sdx, &self->drag.start, &self->drag.end);
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->drag.kind == DRAG_MOVE ? "grabbing" : "ew-resize");
      }
      break;
    case DRAG_LINK:
      {
        SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));
        SocRoadmapHit hit;

        self->drag.target = NULL;
        if (soc_roadmap_layout_hit (_soc_timeline_ensure_layout (self), self->drag.x0 + dx - (self->drag.hvalue - v.x),
                                    self->drag.y0 + dy - (self->drag.vvalue - v.y), &v, &hit) &&
            hit.item != NULL && hit.item != self->drag.item)
          self->drag.target = hit.item;
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
      }
      break;
    case DRAG_BAND:
    case DRAG_NONE:
    default:
      break;
    }
  self->drag.dx = dx + soc_canvas_get_visible (SOC_CANVAS (self)).x - self->drag.hvalue;
  self->drag.dy = dy + soc_canvas_get_visible (SOC_CANVAS (self)).y - self->drag.vvalue;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
finish_band (SocTimeline     *self,
             GdkModifierType  state)
{
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  SocRect band = SOC_RECT_INIT (MIN (self->drag.x0, self->drag.x0 + self->drag.dx),
                                MIN (self->drag.y0, self->drag.y0 + self->drag.dy),
                                fabs (self->drag.dx), fabs (self->drag.dy));

  if (state & GDK_CONTROL_MASK)
    for (guint i = 0; i < soc_selection_get_size (SELECTION (self)); i++)
      g_ptr_array_add (chosen, soc_selection_get_nth (SELECTION (self), i));
  soc_roadmap_layout_boxes_in (layout, &band, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, g_array_index (boxes, guint, i));

      if (soc_rect_intersects (&box->rect, &band))
        g_ptr_array_add (chosen, box->item);
    }
  soc_selection_set (SELECTION (self), (SocObject *const *) chosen->pdata, chosen->len, NULL);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             SocTimeline    *self)
{
  GdkModifierType state = current_state (GTK_EVENT_CONTROLLER (gesture));
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (self->drag.kind == DRAG_NONE)
    return;
  if (!self->drag.moved)
    {
      /* A click, not a drag: on empty time it clears the selection. */
      if ((self->drag.kind == DRAG_PAN || self->drag.kind == DRAG_BAND) && self->drag.item == NULL &&
          !(state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
        soc_selection_clear (SELECTION (self));
      reset_drag (self);
      return;
    }

  switch (self->drag.kind)
    {
    case DRAG_MOVE:
      ok = soc_timeline_move_item (self, self->drag.item, self->drag.start, &error);
      break;
    case DRAG_START:
      ok = soc_timeline_resize_item (self, self->drag.item, SOC_TIMELINE_EDGE_START, self->drag.start, &error);
      break;
    case DRAG_END:
      ok = soc_timeline_resize_item (self, self->drag.item, SOC_TIMELINE_EDGE_END, self->drag.end, &error);
      break;
    case DRAG_LINK:
      if (self->drag.target != NULL)
        ok = soc_timeline_link (self, self->drag.item, self->drag.target, &error);
      break;
    case DRAG_BAND:
      finish_band (self, state);
      break;
    case DRAG_PAN:
    case DRAG_NONE:
    default:
      break;
    }
  if (!ok)
    soc_canvas_report (SOC_CANVAS (self), error->message);
  else if (self->drag.kind != DRAG_PAN && self->drag.kind != DRAG_BAND && self->document != NULL)
    /* What the drag did, for screen readers: the undo step's own words. */
    soc_compat_announce (GTK_WIDGET (self), soc_history_get_undo_label (soc_document_get_history (self->document)));
  reset_drag (self);
}

/* A drag cancelled (Escape, a grab taken away): nothing changes. Never
 * commit after this: drag-end follows with an offset of 0, 0. */
static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                SocTimeline      *self)
{
  reset_drag (self);
}

/* What a drag shows over the content: the bar where it would go with its
 * dates, the dependency being drawn, the rubber band. */
void
_soc_timeline_snapshot_drag (SocTimeline                *self,
                             GtkSnapshot                *snapshot,
                             const SocRect              *visible,
                             const SocRoadmapPaintState *state)
{
  SocRoadmapLayout *layout = self->layout;
  const SocRoadmapBox *box;
  cairo_t *cr;

  if (layout == NULL || !self->drag.moved)
    return;

  switch (self->drag.kind)
    {
    case DRAG_MOVE:
    case DRAG_START:
    case DRAG_END:
      {
        const SocTimescale *scale = soc_roadmap_layout_get_scale (layout);
        gboolean milestone = soc_item_get_kind (self->drag.item) == SOC_ITEM_KIND_MILESTONE;
        g_autofree char *from = soc_format_date (NULL, self->drag.start);
        g_autofree char *to = soc_format_date (NULL, self->drag.end);
        g_autofree char *text = NULL;
        g_autoptr(PangoLayout) pl = NULL;
        SocRect ghost;
        PangoRectangle ink;
        double tx, ty;

        box = soc_roadmap_layout_find_box (layout, self->drag.item, NULL);
        if (box == NULL)
          return;
        ghost = box->rect;
        if (milestone)
          ghost.x = soc_timescale_x_frac (scale, self->drag.start + 0.5) - ghost.width / 2;
        else
          {
            ghost.x = soc_timescale_x (scale, self->drag.start);
            ghost.width = MAX (soc_timescale_x (scale, self->drag.end + 1) - ghost.x, 6);
          }
        /* Translators: the dates shown while a bar is dragged */
        text = milestone ? g_strdup (from) : g_strdup_printf (_("%s – %s"), from, to);
        pl = soc_text_layout (soc_canvas_get_text (SOC_CANVAS (self)), SOC_TEXT_SMALL, text);
        pango_layout_get_extents (pl, NULL, &ink);
        tx = ghost.x;
        ty = ghost.y - 24;

        /* Only as large as the ghost and its tag: a drag repaints this
         * every frame. */
        {
          double x0 = MIN (ghost.x, tx) - 8, y0 = ty - 6;
          double x1 = MAX (ghost.x + ghost.width, tx + ink.width / PANGO_SCALE + 8) + 8;
          double y1 = ghost.y + ghost.height + 8;

          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
        }
        soc_roadmap_paint_ghost (cr, layout, state, self->drag.box, &ghost);
        /* The dates, on a tag above the ghost. */
        cairo_rectangle (cr, tx - 4, ty - 2, ink.width / PANGO_SCALE + 8, ink.height / PANGO_SCALE + 4);
        cairo_set_source_rgba (cr, state->palette->text.red, state->palette->text.green, state->palette->text.blue, 0.88);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, state->palette->background.red, state->palette->background.green,
                              state->palette->background.blue);
        soc_text_show (cr, pl, tx, ty);
        cairo_destroy (cr);
      }
      break;

    case DRAG_LINK:
      box = soc_roadmap_layout_find_box (layout, self->drag.item, NULL);
      if (box == NULL)
        return;
      {
        const SocRoadmapBox *target = self->drag.target != NULL ? soc_roadmap_layout_find_box (layout, self->drag.target, NULL) : NULL;
        double x0 = box->rect.x + box->rect.width + 6, y0 = box->rect.y + box->rect.height / 2;
        double x1 = target != NULL ? target->rect.x : self->drag.x0 + self->drag.dx;
        double y1 = target != NULL ? target->rect.y + target->rect.height / 2 : self->drag.y0 + self->drag.dy;

        cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (MIN (x0, x1) - 10, MIN (y0, y1) - 10,
                                                                       fabs (x1 - x0) + 20, fabs (y1 - y0) + 20));
        soc_roadmap_paint_link (cr, state, x0, y0, x1, y1, FALSE);
        cairo_destroy (cr);
      }
      break;

    case DRAG_BAND:
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

    case DRAG_PAN:
    case DRAG_NONE:
    default:
      break;
    }
}

/* ------------------------------------------------------------------------ */
/* Pointer: hover                                                           */

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SocTimeline              *self)
{
  SocRoadmapHit hit;
  const char *cursor = NULL;

  if (self->drag.kind != DRAG_NONE && self->drag.moved)
    return;
  hit_at (self, x, y, &hit);
  switch (hit.kind)
    {
    case SOC_ROADMAP_HIT_START_EDGE:
    case SOC_ROADMAP_HIT_END_EDGE:
      cursor = "ew-resize";
      break;
    case SOC_ROADMAP_HIT_LINK:
      cursor = "crosshair";
      break;
    case SOC_ROADMAP_HIT_ITEM:
    case SOC_ROADMAP_HIT_LABEL:
      cursor = "pointer";
      break;
    default:
      break;
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
  if (hit.item != self->hover || hit.kind != self->hover_kind)
    {
      self->hover = hit.item;
      self->hover_kind = hit.kind;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          SocTimeline              *self)
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
                  SocTimeline *self)
{
  SocRoadmapHit hit;
  SocItem *item = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  const char *failing;
  const char *lane;

  if (keyboard)
    item = SOC_IS_ITEM (soc_canvas_get_focus_object (SOC_CANVAS (self))) ? SOC_ITEM (soc_canvas_get_focus_object (SOC_CANVAS (self))) : NULL;
  else if (hit_at (self, x, y, &hit))
    {
      if (hit.kind == SOC_ROADMAP_HIT_LINK)
        {
          gtk_tooltip_set_text (tooltip, _("Drag to an item that depends on this one"));
          return TRUE;
        }
      item = hit.item;
    }
  if (item == NULL || self->drag.moved)
    return FALSE;

  start = soc_format_date (NULL, soc_item_get_start (item));
  end = soc_format_date (NULL, soc_item_get_end (item));
  lane = soc_item_get_lane (item) != NULL ? soc_lane_get_title (soc_item_get_lane (item)) : NULL;
  if (soc_item_get_kind (item) == SOC_ITEM_KIND_MILESTONE)
    /* Translators: a milestone's tooltip: its lane and day */
    when = g_strdup_printf (_("Milestone · %s · %s"), lane != NULL ? lane : "", start);
  else
    /* Translators: an activity's tooltip: its lane, dates and progress */
    when = g_strdup_printf (_("%s · %s – %s · %d %% done"), lane != NULL ? lane : "", start, end,
                            soc_item_get_progress (item));
  failing = g_hash_table_lookup (self->failing, item);
  if (failing != NULL)
    /* Translators: the last line of a tooltip: the success factor the item fails */
    text = g_strdup_printf (_("%s\n%s\nDoes not meet “%s”"), soc_object_get_label (SOC_OBJECT (item)), when, failing);
  else
    text = g_strdup_printf ("%s\n%s", soc_object_get_label (SOC_OBJECT (item)), when);
  /* Plain text: a title is the user's, never markup. */
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
                SocTimeline           *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  g_autoptr(GError) error = NULL;
  SocObject *focus;

  if (self->document == NULL)
    return FALSE;

  if (keyval == GDK_KEY_Escape && self->drag.kind != DRAG_NONE)
    {
      /* Cancel the drag: the gesture lets go, and nothing changes. */
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
      reset_drag (self);
      return TRUE;
    }

  if (mods & GDK_CONTROL_MASK)
    return FALSE;   /* Ctrl+plus, minus and 0 are the canvas's */

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

        if (mods == 0)
          return soc_timeline_step (self, left ? SOC_DIRECTION_LEFT : right ? SOC_DIRECTION_RIGHT
                                           : (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) ? SOC_DIRECTION_UP
                                                                                               : SOC_DIRECTION_DOWN);
        if ((left || right) && (mods == GDK_SHIFT_MASK || mods == (GDK_SHIFT_MASK | GDK_ALT_MASK)))
          {
            if (!soc_timeline_nudge (self, left ? -1 : 1, mods & GDK_ALT_MASK, &error) && error != NULL)
              soc_canvas_report (SOC_CANVAS (self), error->message);
            else if (error == NULL)
              soc_compat_announce (GTK_WIDGET (self),
                                   soc_history_get_undo_label (soc_document_get_history (self->document)));
            focus = soc_selection_get_focus (SELECTION (self));
            if (SOC_IS_ITEM (focus))
              _soc_timeline_focus_item (self, SOC_ITEM (focus));
            return TRUE;
          }
        return FALSE;
      }

    case GDK_KEY_F2:
      if (mods != 0)
        return FALSE;
      focus = soc_selection_get_focus (SELECTION (self));
      if (SOC_IS_ITEM (focus) || SOC_IS_LANE (focus))
        {
          _soc_timeline_rename (self, focus);
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (mods != 0 || soc_selection_get_focus (SELECTION (self)) == NULL)
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-selection", NULL);
      return TRUE;

    case GDK_KEY_t:
    case GDK_KEY_T:
      if (mods != 0)
        return FALSE;
      soc_timeline_show_date (self, self->today);
      return TRUE;

    case GDK_KEY_Menu:
    case GDK_KEY_F10:
      if (keyval == GDK_KEY_F10 && mods != GDK_SHIFT_MASK)
        return FALSE;
      focus = soc_selection_get_focus (SELECTION (self));
      if (SOC_IS_ITEM (focus) || SOC_IS_LANE (focus))
        {
          SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
          const SocRoadmapBox *box = SOC_IS_ITEM (focus) ? soc_roadmap_layout_find_box (layout, SOC_ITEM (focus), NULL) : NULL;
          SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));

          show_menu (self, focus, box != NULL ? box->rect.x - v.x + 10 : 40,
                     box != NULL ? box->rect.y + box->rect.height - v.y : 80);
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
  SocTimeline *self = SOC_TIMELINE (canvas);
  const char *old = SOC_IS_LANE (object) ? soc_lane_get_title (SOC_LANE (object)) : soc_item_get_title (SOC_ITEM (object));
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && g_strcmp0 (text, old) != 0 &&
      !soc_edit_set_string (self->document, object, "title", text, &error))
    soc_canvas_report (canvas, error->message);
}

/* An entry over TARGET's bar or lane title, its name in it, selected. */
void
_soc_timeline_rename (SocTimeline *self,
                      gpointer     target)
{
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));
  const SocRoadmapMetrics *m;
  SocRect rect;

  if (layout == NULL)
    return;
  m = soc_roadmap_layout_get_metrics (layout);
  if (SOC_IS_ITEM (target))
    {
      const SocRoadmapBox *box;

      soc_timeline_reveal (self, target);
      v = soc_canvas_get_visible (SOC_CANVAS (self));
      box = soc_roadmap_layout_find_box (layout, target, NULL);
      if (box == NULL)
        return;
      rect = SOC_RECT_INIT (MAX (box->rect.x, v.x + m->title_width), box->rect.y, MAX (260, box->rect.width), box->rect.height);
      soc_canvas_rename (SOC_CANVAS (self), target, &rect, soc_item_get_title (target), _("Title"), commit_rename);
    }
  else if (SOC_IS_LANE (target))
    {
      for (guint l = 0; l < soc_roadmap_layout_get_n_lanes (layout); l++)
        {
          const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, l);

          if ((gpointer) lane->lane != target)
            continue;
          soc_timeline_reveal (self, target);
          v = soc_canvas_get_visible (SOC_CANVAS (self));
          rect = SOC_RECT_INIT (v.x + 12, MAX (lane->band.y, v.y + m->header_height) + 4, m->title_width - 16, 28);
          soc_canvas_rename (SOC_CANVAS (self), target, &rect, soc_lane_get_title (target), _("Lane title"), commit_rename);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Menus: an item's and a lane's                                            */

static SocLane *
menu_lane (SocTimeline *self)
{
  if (SOC_IS_LANE (self->menu_target))
    return self->menu_target;
  if (SOC_IS_ITEM (self->menu_target))
    return soc_item_get_lane (self->menu_target);
  return NULL;
}

static void
show_menu (SocTimeline *self,
           gpointer     target,
           double       x,
           double       y)
{
  static const struct {
    const char *name;
    const char *colour;
  } colours[] = {
    { N_("Blue"), "#3584e4" }, { N_("Green"), "#2ec27e" }, { N_("Yellow"), "#e5a50a" },
    { N_("Orange"), "#e66100" }, { N_("Red"), "#e01b24" }, { N_("Purple"), "#9141ac" },
    { N_("Brown"), "#986a44" }, { N_("Grey"), "#77767b" },
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) lane = g_menu_new ();
  g_autoptr(GMenu) colour = g_menu_new ();
  g_autoptr(GMenu) item = g_menu_new ();

  self->menu_target = target;
  if (SOC_IS_ITEM (target))
    {
      g_menu_append (item, _("_Open in the Inspector"), "timeline.open");
      g_menu_append (item, _("_Rename"), "timeline.rename");
      g_menu_append (item, _("_Delete"), "timeline.delete");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (item));
    }
  g_menu_append (lane, SOC_IS_ITEM (target) ? _("Rename _Lane") : _("_Rename Lane"), "timeline.lane-rename");
  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    {
      g_autoptr(GMenuItem) entry = g_menu_item_new (_(colours[i].name), NULL);

      g_menu_item_set_action_and_target (entry, "timeline.lane-colour", "s", colours[i].colour);
      g_menu_append_item (colour, entry);
    }
  g_menu_append_submenu (lane, _("Lane _Colour"), G_MENU_MODEL (colour));
  g_menu_append (lane, _("Move Lane _Up"), "timeline.lane-up");
  g_menu_append (lane, _("Move Lane Do_wn"), "timeline.lane-down");
  g_menu_append (lane, _("_Add a Lane Below"), "timeline.lane-add");
  g_menu_append (lane, _("Delete the La_ne and Its Items"), "timeline.lane-delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (lane));

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
  SocTimeline *self = SOC_TIMELINE (widget);

  if (self->menu_target != NULL)
    soc_selection_select (SELECTION (self), self->menu_target);
  gtk_widget_activate_action (widget, "win.edit-selection", NULL);
}

static void
rename_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  SocTimeline *self = SOC_TIMELINE (widget);
  gpointer target = g_str_equal (action, "timeline.lane-rename") ? (gpointer) menu_lane (self) : self->menu_target;

  if (target != NULL)
    _soc_timeline_rename (self, target);
}

static void
delete_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  SocTimeline *self = SOC_TIMELINE (widget);
  gpointer target = g_str_equal (action, "timeline.lane-delete") ? (gpointer) menu_lane (self) : self->menu_target;

  /* The window's Delete: one step, and a toast with Undo. */
  if (target == NULL)
    return;
  soc_selection_select (SELECTION (self), target);
  gtk_widget_activate_action (widget, "win.delete", NULL);
}

static void
lane_colour_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  SocTimeline *self = SOC_TIMELINE (widget);
  SocLane *lane = menu_lane (self);
  g_autoptr(GError) error = NULL;

  if (lane != NULL && !soc_edit_set_string (self->document, SOC_OBJECT (lane), "colour",
                                            g_variant_get_string (param, NULL), &error))
    soc_canvas_report (SOC_CANVAS (self), error->message);
}

static void
lane_move_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  SocTimeline *self = SOC_TIMELINE (widget);
  SocLane *lane = menu_lane (self);
  GListModel *lanes;
  g_autoptr(GError) error = NULL;
  gboolean up = g_str_equal (action, "timeline.lane-up");
  guint position = 0, n;

  if (lane == NULL)
    return;
  lanes = soc_document_get_lanes (self->document);
  n = g_list_model_get_n_items (lanes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (lanes, i);
      if (o == (GObject *) lane)
        position = i;
    }
  if ((up && position == 0) || (!up && position + 1 >= n))
    return;
  if (!soc_edit_move (self->document, SOC_OBJECT (lane), up ? position - 1 : position + 1, &error))
    soc_canvas_report (SOC_CANVAS (self), error->message);
}

static void
lane_add_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  SocTimeline *self = SOC_TIMELINE (widget);
  SocLane *after = menu_lane (self);
  g_autoptr(SocLane) lane = soc_rules_new_lane (SOC_LANE_KIND_OTHER);
  GListModel *lanes = soc_document_get_lanes (self->document);
  g_autoptr(GError) error = NULL;
  guint position = g_list_model_get_n_items (lanes);

  for (guint i = 0; after != NULL && i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (lanes, i);
      if (o == (GObject *) after)
        position = i + 1;
    }
  if (soc_edit_add (self->document, SOC_OBJECT (lane), NULL, position, &error) == NULL)
    {
      soc_canvas_report (SOC_CANVAS (self), error->message);
      return;
    }
  soc_selection_select (SELECTION (self), SOC_OBJECT (lane));
  /* Laid out now, so the entry has a lane title to sit on. */
  _soc_timeline_ensure_layout (self);
  _soc_timeline_rename (self, lane);
}

void
_soc_timeline_class_init_input (SocTimelineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "timeline.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "timeline.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "timeline.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "timeline.lane-rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "timeline.lane-colour", "s", lane_colour_action);
  gtk_widget_class_install_action (widget_class, "timeline.lane-up", NULL, lane_move_action);
  gtk_widget_class_install_action (widget_class, "timeline.lane-down", NULL, lane_move_action);
  gtk_widget_class_install_action (widget_class, "timeline.lane-add", NULL, lane_add_action);
  gtk_widget_class_install_action (widget_class, "timeline.lane-delete", NULL, delete_action);
}

void
_soc_timeline_init_input (SocTimeline *self)
{
  static const SocCanvasInput input = {
    G_CALLBACK (on_pressed), G_CALLBACK (on_drag_begin), G_CALLBACK (on_drag_update), G_CALLBACK (on_drag_end),
    G_CALLBACK (on_drag_cancel), G_CALLBACK (on_motion), G_CALLBACK (on_leave), G_CALLBACK (on_key_pressed),
    G_CALLBACK (on_query_tooltip),
  };

  self->drag_gesture = soc_canvas_add_input (SOC_CANVAS (self), &input, self);
}

void
_soc_timeline_dispose_input (SocTimeline *self)
{
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  self->menu_target = NULL;
}
