/* soc-timeline.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roadmap as a timeline: a GtkScrollable that paints through the render
 * layer's roadmap painter (the same one print and export use) and turns
 * gestures and keys into core edits (soc-timeline-input.c).
 *
 * Painting follows CANVAS.md: the layout is made once per document change
 * or zoom, never per frame; the content (lanes, grid, bars, labels,
 * arrows) is painted once into a render node over a region larger than the
 * viewport and reused while scrolling inside it; what changes often
 * (selection, hover, drag, today) and the chrome that stays in view (time
 * header, lane titles) go in small nodes of their own on top.
 *
 * Each visible item has a focusable child widget (SocTimelineItem) laid
 * over it: the keyboard moves among them and screen readers read them.
 */

#define G_LOG_DOMAIN "soc-timeline"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "soc-date.h"
#include "soc-edit.h"
#include "soc-timeline-item.h"
#include "soc-timeline-private.h"

static void scrollable_iface_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocTimeline, soc_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_iface_init))

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static void
scrollable_iface_init (GtkScrollableInterface *iface)
{
}

/* ------------------------------------------------------------------------ */
/* Layout and invalidation                                                  */

SocRoadmapLayout *
_soc_timeline_ensure_layout (SocTimeline *self)
{
  if (self->layout == NULL && self->document != NULL)
    self->layout = soc_roadmap_layout_new (self->document, NULL, self->px_per_day, 0, 0);
  return self->layout;
}

/* Something changed: paint the content again, and lay it out again first
 * if RELAYOUT (the plan or the zoom changed, not just how it looks). */
void
_soc_timeline_invalidate (SocTimeline *self,
                          gboolean     relayout)
{
  g_clear_pointer (&self->content, gsk_render_node_unref);
  g_clear_pointer (&self->header, gsk_render_node_unref);
  g_clear_pointer (&self->titles, gsk_render_node_unref);
  if (relayout)
    {
      /* The content's size may change: the scrolled window measures it
       * again before it decides on its scrollbars. */
      g_clear_pointer (&self->layout, soc_roadmap_layout_unref);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

SocRect
_soc_timeline_visible (SocTimeline *self)
{
  return SOC_RECT_INIT (self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0,
                        self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0,
                        gtk_widget_get_width (GTK_WIDGET (self)),
                        gtk_widget_get_height (GTK_WIDGET (self)));
}

void
_soc_timeline_report (SocTimeline *self,
                      const char  *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", message);
}

static void
on_document_changed (SocTimeline *self)
{
  _soc_timeline_invalidate (self, TRUE);
}

static void
on_selection_changed (SocTimeline *self)
{
  SocObject *focus = soc_selection_get_focus (self->selection);

  /* Selected lanes show in the titles, selected items in the state nodes. */
  g_clear_pointer (&self->titles, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (!SOC_IS_ITEM (focus))
    return;
  /* The keyboard follows the selection, if it is in the timeline. */
  if (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))), GTK_WIDGET (self)) ||
      gtk_widget_has_focus (GTK_WIDGET (self)))
    _soc_timeline_focus_item (self, SOC_ITEM (focus));
  else
    self->focus_item = SOC_ITEM (focus);
}

/* The items that fail a success factor: technology started too early,
 * and whatever else a factor lists among the roadmap's items. */
static void
update_failing (SocTimeline *self)
{
  g_hash_table_remove_all (self->failing);
  if (self->monitor == NULL || self->document == NULL)
    return;
  for (SocFactor f = SOC_FACTOR_ALIGNMENT; f < SOC_N_FACTORS; f++)
    {
      SocFactorResult *result = soc_checklist_monitor_get_result (self->monitor, f);
      const char * const *ids = soc_factor_result_get_failing_ids (result);

      /* The roadmap factor's failures (dates missing, dependencies broken)
       * already show in the timeline itself. */
      if (f == SOC_FACTOR_ROADMAP || f == SOC_FACTOR_STAFFING)
        continue;
      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        {
          SocObject *o = soc_document_lookup (self->document, ids[i]);

          if (SOC_IS_ITEM (o))
            g_hash_table_insert (self->failing, o, (gpointer) soc_factor_result_get_title (result));
        }
    }
  _soc_timeline_invalidate (self, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Scrolling                                                                */

static void
on_adjustment_changed (SocTimeline *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));   /* the children follow */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (SocTimeline    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment != NULL && *slot == adjustment)
    return;
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Scrolls as little as needed to bring RECT (layout coordinates) into the
 * part of the view not covered by the header and the lane titles. */
void
_soc_timeline_scroll_to_rect (SocTimeline   *self,
                              const SocRect *rect)
{
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  const SocRoadmapMetrics *m;
  SocRect v = _soc_timeline_visible (self);
  double x = v.x, y = v.y;
  double left, top;

  if (layout == NULL || v.width <= 0)
    return;
  m = soc_roadmap_layout_get_metrics (layout);
  left = v.x + m->title_width + 12;
  top = v.y + m->header_height + 8;

  if (rect->x < left)
    x -= left - rect->x;
  else if (rect->x + rect->width > v.x + v.width - 12)
    x += MIN (rect->x + rect->width - (v.x + v.width - 12), rect->x - left);
  if (rect->y < top)
    y -= top - rect->y;
  else if (rect->y + rect->height > v.y + v.height - 8)
    y += rect->y + rect->height - (v.y + v.height - 8);
  gtk_adjustment_set_value (self->hadjustment, x);
  gtk_adjustment_set_value (self->vadjustment, y);
}

/* Shows OBJECT: an item's bar, or a lane's first row. */
void
soc_timeline_reveal (SocTimeline *self,
                     SocObject   *object)
{
  SocRoadmapLayout *layout;

  g_return_if_fail (SOC_IS_TIMELINE (self));

  layout = _soc_timeline_ensure_layout (self);
  if (layout == NULL)
    return;
  if (SOC_IS_ITEM (object))
    {
      const SocRoadmapBox *box = soc_roadmap_layout_find_box (layout, SOC_ITEM (object), NULL);

      if (box != NULL)
        _soc_timeline_scroll_to_rect (self, &box->rect);
    }
  else if (SOC_IS_LANE (object))
    {
      for (guint l = 0; l < soc_roadmap_layout_get_n_lanes (layout); l++)
        {
          const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, l);
          SocRect r = SOC_RECT_INIT (_soc_timeline_visible (self).x + 300, lane->band.y, 1, MIN (lane->band.height, 60));

          if ((gpointer) lane->lane == (gpointer) object)
            _soc_timeline_scroll_to_rect (self, &r);
        }
    }
  else if (SOC_IS_PHASE (object))
    soc_timeline_show_date (self, soc_phase_get_start (SOC_PHASE (object)));
}

/* Scrolls DATE to a third of the way across the view. */
void
soc_timeline_show_date (SocTimeline *self,
                        guint        date)
{
  SocRoadmapLayout *layout;
  const SocRoadmapMetrics *m;
  double width;

  g_return_if_fail (SOC_IS_TIMELINE (self));

  layout = _soc_timeline_ensure_layout (self);
  if (layout == NULL || date == 0)
    return;
  m = soc_roadmap_layout_get_metrics (layout);
  width = gtk_widget_get_width (GTK_WIDGET (self)) - m->title_width;
  gtk_adjustment_set_value (self->hadjustment,
                            soc_timescale_x (soc_roadmap_layout_get_scale (layout), date) - m->title_width - width / 3);
}

/* ------------------------------------------------------------------------ */
/* Zoom                                                                     */

double
soc_timeline_get_zoom (SocTimeline *self)
{
  g_return_val_if_fail (SOC_IS_TIMELINE (self), SOC_ZOOM_MONTHS);
  return self->px_per_day;
}

/* Zooms to PX_PER_DAY keeping the day at X (widget coordinates) under it. */
void
soc_timeline_zoom_at (SocTimeline *self,
                      double       px_per_day,
                      double       x)
{
  SocRoadmapLayout *layout;
  double date, value;

  g_return_if_fail (SOC_IS_TIMELINE (self));

  px_per_day = soc_zoom_clamp (px_per_day);
  self->fitted = TRUE;
  self->fit_pending = FALSE;
  if (px_per_day == self->px_per_day)
    return;
  layout = _soc_timeline_ensure_layout (self);
  date = layout != NULL ? ((gtk_adjustment_get_value (self->hadjustment) + x - soc_roadmap_layout_get_scale (layout)->x0) /
                           self->px_per_day + soc_roadmap_layout_get_scale (layout)->origin)
                        : 0;

  self->px_per_day = px_per_day;
  _soc_timeline_invalidate (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);

  layout = _soc_timeline_ensure_layout (self);
  if (layout == NULL)
    return;
  value = soc_timescale_x_frac (soc_roadmap_layout_get_scale (layout), date) - x;
  /* The new width first, so the value is not clamped to the old one. */
  gtk_adjustment_configure (self->hadjustment, MAX (0, value), 0,
                            MAX (soc_roadmap_layout_get_width (layout), gtk_widget_get_width (GTK_WIDGET (self))),
                            gtk_adjustment_get_step_increment (self->hadjustment),
                            gtk_adjustment_get_page_increment (self->hadjustment),
                            gtk_adjustment_get_page_size (self->hadjustment));
}

void
soc_timeline_set_zoom (SocTimeline *self,
                       double       px_per_day)
{
  g_return_if_fail (SOC_IS_TIMELINE (self));

  soc_timeline_zoom_at (self, px_per_day, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0);
}

/* The whole plan, from its first date to its last, across the view. */
void
soc_timeline_zoom_to_fit (SocTimeline *self)
{
  SocRoadmapLayout *layout;
  const SocTimescale *scale;
  const SocRoadmapMetrics *m;
  double width;

  g_return_if_fail (SOC_IS_TIMELINE (self));

  layout = _soc_timeline_ensure_layout (self);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (layout == NULL || width <= 0)
    return;
  scale = soc_roadmap_layout_get_scale (layout);
  m = soc_roadmap_layout_get_metrics (layout);
  soc_timeline_zoom_at (self, (width - m->title_width - m->end_margin) / (scale->end - scale->origin + 1.0), 0);
  gtk_adjustment_set_value (self->hadjustment, 0);
}

guint
soc_timeline_get_today (SocTimeline *self)
{
  g_return_val_if_fail (SOC_IS_TIMELINE (self), 0);
  return self->today;
}

/* The day the today line marks (tests and print previews set it). */
void
soc_timeline_set_today (SocTimeline *self,
                        guint        today)
{
  g_return_if_fail (SOC_IS_TIMELINE (self));

  self->today = today;
  _soc_timeline_invalidate (self, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Accessibility: a child per visible item                                  */

/* Children for the items in view, and none for the rest, except the one
 * with the focus, which stays while it has it. */
static void
update_children (SocTimeline *self)
{
  SocRoadmapLayout *layout = self->layout;
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);
  SocRect v = _soc_timeline_visible (self);
  GHashTableIter iter;
  gpointer key, value;

  if (layout != NULL)
    {
      const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);
      SocRect content = SOC_RECT_INIT (v.x + m->title_width, v.y + m->header_height,
                                       v.width - m->title_width, v.height - m->header_height);

      soc_roadmap_layout_boxes_in (layout, &content, boxes);
    }

  for (guint i = 0; i < boxes->len; i++)
    {
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, g_array_index (boxes, guint, i));
      GtkWidget *child = g_hash_table_lookup (self->children, box->item);
      GtkAllocation a;

      if (child == NULL)
        {
          child = soc_timeline_item_new ();
          soc_timeline_item_set_item (SOC_TIMELINE_ITEM (child), box->item);
          g_hash_table_insert (self->children, box->item, child);
          gtk_widget_set_parent (child, GTK_WIDGET (self));
        }
      else
        soc_timeline_item_update (SOC_TIMELINE_ITEM (child));
      g_hash_table_add (keep, box->item);
      a.x = (int) floor (box->rect.x - v.x);
      a.y = (int) floor (box->rect.y - v.y);
      a.width = MAX (1, (int) ceil (box->rect.width));
      a.height = MAX (1, (int) ceil (box->rect.height));
      gtk_widget_size_allocate (child, &a, -1);
    }

  g_hash_table_iter_init (&iter, self->children);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *child = value;

      if (g_hash_table_contains (keep, key))
        continue;
      if (gtk_widget_has_focus (child) && layout != NULL && soc_roadmap_layout_find_box (layout, key, NULL) != NULL)
        {
          /* Scrolled away with the focus: off to the side, still there. */
          GtkAllocation a = { -100, -100, 1, 1 };

          gtk_widget_size_allocate (child, &a, -1);
          continue;
        }
      g_hash_table_iter_remove (&iter);
      gtk_widget_unparent (child);
    }
}

/* Puts the keyboard focus on ITEM: scrolled into view, its child focused. */
void
_soc_timeline_focus_item (SocTimeline *self,
                          SocItem     *item)
{
  GtkWidget *child;

  self->focus_item = item;
  soc_timeline_reveal (self, SOC_OBJECT (item));
  update_children (self);
  child = g_hash_table_lookup (self->children, item);
  if (child != NULL)
    gtk_widget_grab_focus (child);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* GtkWidget                                                                */

static void
soc_timeline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SocTimeline *self = SOC_TIMELINE (widget);
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  double size = 0;

  /* The content's size, as the scrolled window decides on its scrollbars
   * from it as well as from the adjustments: the two must agree. */
  if (layout != NULL)
    size = orientation == GTK_ORIENTATION_HORIZONTAL ? soc_roadmap_layout_get_width (layout)
                                                     : soc_roadmap_layout_get_height (layout);
  *minimum = *natural = (int) ceil (size);
}

static gboolean
fit_on_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  /* Unless someone chose a zoom in the meantime. */
  if (SOC_TIMELINE (widget)->fit_pending)
    soc_timeline_zoom_to_fit (SOC_TIMELINE (widget));
  return G_SOURCE_REMOVE;
}

static void
soc_timeline_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SocTimeline *self = SOC_TIMELINE (widget);
  SocRoadmapLayout *layout;
  double content_w = width, content_h = height;

  /* A plan opened for the first time shows all of itself, once its width
   * is known, and not from inside this allocation: a zoom changes what
   * the toolbar says. */
  if (!self->fitted && self->document != NULL && width > 400)
    {
      self->fitted = TRUE;
      self->fit_pending = TRUE;
      gtk_widget_add_tick_callback (widget, fit_on_tick, NULL, NULL);
    }
  layout = _soc_timeline_ensure_layout (self);
  if (layout != NULL)
    {
      content_w = MAX (width, soc_roadmap_layout_get_width (layout));
      content_h = MAX (height, soc_roadmap_layout_get_height (layout));
    }

  g_signal_handlers_block_by_func (self->hadjustment, on_adjustment_changed, self);
  g_signal_handlers_block_by_func (self->vadjustment, on_adjustment_changed, self);
  gtk_adjustment_configure (self->hadjustment, gtk_adjustment_get_value (self->hadjustment), 0, content_w,
                            width * 0.1, width * 0.9, width);
  gtk_adjustment_configure (self->vadjustment, gtk_adjustment_get_value (self->vadjustment), 0, content_h,
                            height * 0.1, height * 0.9, height);
  g_signal_handlers_unblock_by_func (self->hadjustment, on_adjustment_changed, self);
  g_signal_handlers_unblock_by_func (self->vadjustment, on_adjustment_changed, self);

  update_children (self);
  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    {
      int min_w, min_h;

      gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      {
        GtkAllocation a = { 0, 0, min_w, min_h };
        const SocRoadmapBox *box;
        SocRect v = _soc_timeline_visible (self);

        if (SOC_IS_ITEM (self->editing) && layout != NULL &&
            (box = soc_roadmap_layout_find_box (layout, self->editing, NULL)) != NULL)
          {
            a.x = (int) (MAX (box->rect.x, v.x + soc_roadmap_layout_get_metrics (layout)->title_width) - v.x);
            a.y = (int) (box->rect.y + box->rect.height / 2 - v.y) - min_h / 2;
            a.width = MAX (min_w, 260);
          }
        else if (SOC_IS_LANE (self->editing) && layout != NULL)
          {
            for (guint l = 0; l < soc_roadmap_layout_get_n_lanes (layout); l++)
              if ((gpointer) soc_roadmap_layout_get_lane (layout, l)->lane == self->editing)
                {
                  a.x = 12;
                  a.y = (int) (soc_roadmap_layout_get_lane (layout, l)->band.y - v.y) + 4;
                  a.width = MAX (min_w, (int) soc_roadmap_layout_get_metrics (layout)->title_width - 16);
                }
          }
        gtk_widget_size_allocate (self->editor, &a, -1);
      }
    }
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static const SocPalette *
current_palette (SocTimeline *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);

  if (adw_style_manager_get_high_contrast (style))
    return soc_palette_get (dark ? SOC_PALETTE_HIGH_CONTRAST_DARK : SOC_PALETTE_HIGH_CONTRAST);
  return soc_palette_get (dark ? SOC_PALETTE_DARK : SOC_PALETTE_LIGHT);
}

/* The painter's state for a frame: what is selected, under the pointer,
 * focused, failing, and today. */
static void
paint_state (SocTimeline          *self,
             SocRoadmapPaintState *state)
{
  soc_roadmap_paint_state_init (state, self->palette, self->labels);
  state->selection = self->selection;
  state->hover = self->drag.kind == DRAG_NONE ? self->hover : NULL;
  state->hover_kind = self->hover_kind;
  state->failing = self->failing;
  state->today = self->today;
  state->drop_target = self->drag.kind == DRAG_LINK ? self->drag.target : NULL;
  if (self->focus_item != NULL)
    {
      GtkWidget *child = g_hash_table_lookup (self->children, self->focus_item);

      if (child != NULL && gtk_widget_has_visible_focus (child))
        state->focus = self->focus_item;
    }
}

/* A cairo node over RECT, painted by PARTS. */
static void
append_painted (SocTimeline                *self,
                GtkSnapshot                *snapshot,
                SocRoadmapLayout           *layout,
                const SocRoadmapPaintState *state,
                const SocRect              *rect,
                const SocRect              *visible,
                SocRoadmapPaintParts        parts)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height));

  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  soc_roadmap_paint (cr, layout, state, visible, parts);
  cairo_destroy (cr);
}

static void
soc_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SocTimeline *self = SOC_TIMELINE (widget);
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  SocRoadmapPaintState state;
  SocRect v = _soc_timeline_visible (self);
  const SocRoadmapMetrics *m;

  if (layout == NULL || v.width <= 0 || v.height <= 0)
    return;
  m = soc_roadmap_layout_get_metrics (layout);

  if (self->palette != current_palette (self))
    {
      self->palette = current_palette (self);
      _soc_timeline_invalidate (self, FALSE);
    }
  paint_state (self, &state);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-v.x, -v.y));

  /* The content, painted once over a region around the view, then reused
   * while scrolling within it. */
  if (self->content == NULL || !soc_rect_contains_rect (&self->content_rect, &v))
    {
      GtkSnapshot *content = gtk_snapshot_new ();
      SocRect region = SOC_RECT_INIT (MAX (0, v.x - v.width / 2), MAX (0, v.y - v.height / 2),
                                      2 * v.width, 2 * v.height);
      SocRoadmapPaintState plain;

      /* Content shows no selection: that is state, on top. */
      plain = state;
      plain.selection = NULL;
      plain.hover = NULL;
      plain.drop_target = NULL;
      plain.focus = NULL;
      append_painted (self, content, layout, &plain, &region, &region, SOC_ROADMAP_PAINT_CONTENT);
      g_clear_pointer (&self->content, gsk_render_node_unref);
      self->content = gtk_snapshot_free_to_node (content);
      self->content_rect = region;
      if (soc_label_cache_size (self->labels) > 4000)
        soc_label_cache_trim (self->labels);
    }
  if (self->content != NULL)
    gtk_snapshot_append_node (snapshot, self->content);

  /* The today line, as a plain colour. */
  {
    const SocTimescale *scale = soc_roadmap_layout_get_scale (layout);

    if (self->today >= scale->origin && self->today <= scale->end)
      {
        double x = round (soc_timescale_x_frac (scale, self->today + 0.5)) - 1;
        GdkRGBA c = { self->palette->today.red, self->palette->today.green, self->palette->today.blue, 1 };

        if (x >= v.x + m->title_width && x < v.x + v.width)
          gtk_snapshot_append_color (snapshot, &c,
                                     &GRAPHENE_RECT_INIT (x, v.y + m->header_height, 2,
                                                          MIN (v.height, soc_roadmap_layout_get_height (layout) - v.y) - m->header_height));
      }
  }

  /* The state, and the names kept in view: small nodes, only where
   * something is, so a frame uploads little. */
  {
    SocRect area = SOC_RECT_INIT (v.x + m->title_width, v.y + m->header_height,
                                  v.width - m->title_width, v.height - m->header_height);
    SocRoadmapPaintState no_today = state;
    SocRect bounds;

    no_today.today = 0;
    gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (area.x, area.y, area.width, area.height));
    if (soc_roadmap_sticky_bounds (layout, &no_today, &v, &bounds))
      append_painted (self, snapshot, layout, &no_today, &bounds, &v, SOC_ROADMAP_PAINT_STICKY);
    if (soc_roadmap_state_bounds (layout, &no_today, &area, &bounds))
      append_painted (self, snapshot, layout, &no_today, &bounds, &area, SOC_ROADMAP_PAINT_STATE);
    _soc_timeline_snapshot_drag (self, snapshot, &area, &state);
    gtk_snapshot_pop (snapshot);
  }

  /* The chrome, in view however far it scrolls: the titles depend on the
   * vertical scroll only, the header on the horizontal one, so each is
   * kept while the other scrolls. */
  if (self->titles == NULL || self->titles_y != v.y || self->titles_height != v.height)
    {
      GtkSnapshot *titles = gtk_snapshot_new ();
      SocRect at = SOC_RECT_INIT (0, v.y, m->title_width, v.height);

      append_painted (self, titles, layout, &state, &at, &at, SOC_ROADMAP_PAINT_TITLES);
      g_clear_pointer (&self->titles, gsk_render_node_unref);
      self->titles = gtk_snapshot_free_to_node (titles);
      self->titles_y = v.y;
      self->titles_height = v.height;
    }
  if (self->header == NULL || self->header_x != v.x || self->header_width != v.width)
    {
      GtkSnapshot *header = gtk_snapshot_new ();
      SocRect at = SOC_RECT_INIT (v.x, 0, v.width, m->header_height);

      append_painted (self, header, layout, &state, &at, &at, SOC_ROADMAP_PAINT_HEADER);
      g_clear_pointer (&self->header, gsk_render_node_unref);
      self->header = gtk_snapshot_free_to_node (header);
      self->header_x = v.x;
      self->header_width = v.width;
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (v.x, 0));
  if (self->titles != NULL)
    gtk_snapshot_append_node (snapshot, self->titles);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, v.y));
  if (self->header != NULL)
    gtk_snapshot_append_node (snapshot, self->header);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_restore (snapshot);

  /* The children draw nothing but the editor does. */
  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
}

static void
soc_timeline_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  SocTimeline *self = SOC_TIMELINE (widget);

  GTK_WIDGET_CLASS (soc_timeline_parent_class)->css_changed (widget, change);
  self->palette = NULL;   /* picked again at the next frame */
  _soc_timeline_invalidate (self, FALSE);
}

static gboolean
soc_timeline_grab_focus (GtkWidget *widget)
{
  SocTimeline *self = SOC_TIMELINE (widget);
  SocObject *focus = self->selection != NULL ? soc_selection_get_focus (self->selection) : NULL;
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  GtkWidget *child;

  /* The keyboard goes to the selected item, else the first in view. */
  if (layout != NULL && SOC_IS_ITEM (focus) && soc_roadmap_layout_find_box (layout, SOC_ITEM (focus), NULL) != NULL)
    {
      _soc_timeline_focus_item (self, SOC_ITEM (focus));
      if (self->focus_item != NULL && (child = g_hash_table_lookup (self->children, self->focus_item)) != NULL &&
          gtk_widget_has_focus (child))
        return TRUE;
    }
  update_children (self);
  if (layout != NULL)
    {
      g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (guint));
      SocRect v = _soc_timeline_visible (self);

      soc_roadmap_layout_boxes_in (layout, &v, boxes);
      if (boxes->len > 0)
        {
          SocItem *item = soc_roadmap_layout_get_box (layout, g_array_index (boxes, guint, 0))->item;

          if ((child = g_hash_table_lookup (self->children, item)) != NULL)
            {
              self->focus_item = item;
              return gtk_widget_grab_focus (child);
            }
        }
    }
  return GTK_WIDGET_CLASS (soc_timeline_parent_class)->grab_focus (widget);
}

static void
soc_timeline_dispose (GObject *object)
{
  SocTimeline *self = SOC_TIMELINE (object);

  soc_timeline_set_checklist (self, NULL);
  soc_timeline_set_document (self, NULL, NULL);
  _soc_timeline_dispose_input (self);
  if (self->children != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->children);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          g_hash_table_iter_steal (&iter);
          gtk_widget_unparent (value);
        }
    }
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->content, gsk_render_node_unref);
  g_clear_pointer (&self->header, gsk_render_node_unref);
  g_clear_pointer (&self->titles, gsk_render_node_unref);

  G_OBJECT_CLASS (soc_timeline_parent_class)->dispose (object);
}

static void
soc_timeline_finalize (GObject *object)
{
  SocTimeline *self = SOC_TIMELINE (object);

  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->failing, g_hash_table_unref);
  g_clear_pointer (&self->labels, soc_label_cache_free);
  g_clear_pointer (&self->text, soc_text_unref);

  G_OBJECT_CLASS (soc_timeline_parent_class)->finalize (object);
}

static void
soc_timeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SocTimeline *self = SOC_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->px_per_day);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_timeline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SocTimeline *self = SOC_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      soc_timeline_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_timeline_class_init (SocTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_timeline_dispose;
  object_class->finalize = soc_timeline_finalize;
  object_class->get_property = soc_timeline_get_property;
  object_class->set_property = soc_timeline_set_property;
  widget_class->measure = soc_timeline_measure;
  widget_class->size_allocate = soc_timeline_size_allocate;
  widget_class->snapshot = soc_timeline_snapshot;
  widget_class->css_changed = soc_timeline_css_changed;
  widget_class->grab_focus = soc_timeline_grab_focus;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, SOC_ZOOM_MIN, SOC_ZOOM_MAX, SOC_ZOOM_MONTHS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  _soc_timeline_class_init_input (klass);
}

static void
soc_timeline_init (SocTimeline *self)
{
  self->px_per_day = SOC_ZOOM_MONTHS;
  self->pointer_x = -1;
  self->today = soc_date_today ();
  self->text = soc_text_new (NULL);
  self->labels = soc_label_cache_new (self->text);
  self->children = g_hash_table_new (NULL, NULL);
  self->failing = g_hash_table_new (NULL, NULL);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Roadmap timeline"),
                                  -1);
  _soc_timeline_init_input (self);
}

GtkWidget *
soc_timeline_new (void)
{
  return g_object_new (SOC_TYPE_TIMELINE, NULL);
}

/* Shows DOCUMENT's roadmap, with SELECTION, the plan's selection. */
void
soc_timeline_set_document (SocTimeline  *self,
                           SocDocument  *document,
                           SocSelection *selection)
{
  g_return_if_fail (SOC_IS_TIMELINE (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  /* The children and the pointer name items of the old document. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->children);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        g_hash_table_iter_steal (&iter);
        gtk_widget_unparent (value);
      }
  }
  self->hover = NULL;
  self->focus_item = NULL;
  memset (&self->drag, 0, sizeof self->drag);
  g_hash_table_remove_all (self->failing);
  soc_label_cache_clear (self->labels);

  g_set_object (&self->document, document);
  g_set_object (&self->selection, selection);
  self->fitted = FALSE;
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
      g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selection_changed), self);
    }
  _soc_timeline_invalidate (self, TRUE);
}

/* Marks the items that fail a success factor, as MONITOR judges them. */
void
soc_timeline_set_checklist (SocTimeline         *self,
                            SocChecklistMonitor *monitor)
{
  g_return_if_fail (SOC_IS_TIMELINE (self));

  if (self->monitor != NULL)
    {
      for (SocFactor f = SOC_FACTOR_ALIGNMENT; f < SOC_N_FACTORS; f++)
        g_signal_handlers_disconnect_by_data (soc_checklist_monitor_get_result (self->monitor, f), self);
    }
  g_set_object (&self->monitor, monitor);
  if (monitor != NULL)
    for (SocFactor f = SOC_FACTOR_ALIGNMENT; f < SOC_N_FACTORS; f++)
      g_signal_connect_swapped (soc_checklist_monitor_get_result (monitor, f), "notify::failing-ids",
                                G_CALLBACK (update_failing), self);
  update_failing (self);
}

SocRoadmapLayout *
soc_timeline_get_layout (SocTimeline *self)
{
  g_return_val_if_fail (SOC_IS_TIMELINE (self), NULL);
  return _soc_timeline_ensure_layout (self);
}

/* ------------------------------------------------------------------------ */
/* Edits: each one undo step, with a label that says what it did            */

static char *
iso_date (guint date)
{
  char buf[11];

  soc_date_format (date, buf);
  return g_strdup (buf);
}

/* Moves ITEM to start on START, keeping its length. */
gboolean
soc_timeline_move_item (SocTimeline  *self,
                        SocItem      *item,
                        guint         start,
                        GError      **error)
{
  g_autofree char *label = NULL;
  g_autofree char *day = iso_date (start);
  guint old_start, old_end, end;
  gboolean ok;

  g_return_val_if_fail (SOC_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (SOC_IS_ITEM (item), FALSE);

  old_start = soc_item_get_start (item);
  old_end = soc_item_get_end (item);
  if (start == old_start)
    return TRUE;
  end = soc_item_get_kind (item) == SOC_ITEM_KIND_MILESTONE ? 0 : start + (old_end - old_start);

  /* Translators: an undo step: the item, and the day it now starts */
  label = g_strdup_printf (_("Move “%s” to %s"), soc_object_get_label (SOC_OBJECT (item)), day);
  soc_document_begin_group (self->document, label);
  ok = soc_edit_set_dates (self->document, SOC_OBJECT (item), start, end, NULL, error);
  soc_document_end_group (self->document);
  return ok;
}

/* Moves the start or the end of ITEM (an activity) to DATE. */
gboolean
soc_timeline_resize_item (SocTimeline      *self,
                          SocItem          *item,
                          SocTimelineEdge   edge,
                          guint             date,
                          GError          **error)
{
  g_autofree char *label = NULL;
  g_autofree char *day = iso_date (date);
  guint start, end;
  gboolean ok;

  g_return_val_if_fail (SOC_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (SOC_IS_ITEM (item), FALSE);

  start = soc_item_get_start (item);
  end = soc_item_get_end (item);
  if (soc_item_get_kind (item) == SOC_ITEM_KIND_MILESTONE)
    return soc_timeline_move_item (self, item, date, error);
  if (edge == SOC_TIMELINE_EDGE_START)
    {
      if (date == start)
        return TRUE;
      start = date;
      /* Translators: an undo step: the item, and the day it now starts on */
      label = g_strdup_printf (_("Make “%s” start on %s"), soc_object_get_label (SOC_OBJECT (item)), day);
    }
  else
    {
      if (date == end)
        return TRUE;
      end = date;
      /* Translators: an undo step: the item, and the day it now ends on */
      label = g_strdup_printf (_("Make “%s” end on %s"), soc_object_get_label (SOC_OBJECT (item)), day);
    }
  soc_document_begin_group (self->document, label);
  ok = soc_edit_set_dates (self->document, SOC_OBJECT (item), start, end, NULL, error);
  soc_document_end_group (self->document);
  return ok;
}

/* Makes ITEM depend on PREREQUISITE; the core refuses a cycle or a
 * dependency that is there already, and says why. */
gboolean
soc_timeline_link (SocTimeline  *self,
                   SocItem      *prerequisite,
                   SocItem      *item,
                   GError      **error)
{
  g_autoptr(GPtrArray) deps = g_ptr_array_new ();
  g_autofree char *label = NULL;
  GPtrArray *old;
  gboolean ok;

  g_return_val_if_fail (SOC_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (SOC_IS_ITEM (prerequisite) && SOC_IS_ITEM (item), FALSE);

  if (prerequisite == item)
    {
      g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_CYCLE, _("An item cannot depend on itself"));
      return FALSE;
    }
  old = soc_item_get_depends (item);
  for (guint i = 0; old != NULL && i < old->len; i++)
    {
      if (g_ptr_array_index (old, i) == (gpointer) prerequisite)
        {
          g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                       _("“%s” depends on “%s” already"),
                       soc_object_get_label (SOC_OBJECT (item)), soc_object_get_label (SOC_OBJECT (prerequisite)));
          return FALSE;
        }
      g_ptr_array_add (deps, g_ptr_array_index (old, i));
    }
  g_ptr_array_add (deps, prerequisite);

  /* Translators: an undo step: a dependency drawn on the timeline */
  label = g_strdup_printf (_("Make “%s” depend on “%s”"),
                           soc_object_get_label (SOC_OBJECT (item)), soc_object_get_label (SOC_OBJECT (prerequisite)));
  soc_document_begin_group (self->document, label);
  ok = soc_edit_set_links (self->document, item, "depends-on", deps, error);
  soc_document_end_group (self->document);
  return ok;
}

/* Adds an activity of four weeks in LANE from DATE, and selects it. */
SocItem *
soc_timeline_add_at (SocTimeline  *self,
                     SocLane      *lane,
                     guint         date,
                     GError      **error)
{
  g_autoptr(SocItem) item = soc_item_new (SOC_ITEM_KIND_ACTIVITY);
  guint start;

  g_return_val_if_fail (SOC_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (SOC_IS_LANE (lane), NULL);

  {
    SocTimescale scale;

    soc_timescale_init (&scale, date, date, 0, self->px_per_day);
    start = soc_timescale_snap (&scale, date);
  }
  g_object_set (item, "title", _("New activity"), "lane", lane, "start", start, "end", start + 27, NULL);
  if (soc_edit_add (self->document, SOC_OBJECT (item), NULL,
                    g_list_model_get_n_items (soc_document_get_items (self->document)), error) == NULL)
    return NULL;
  soc_selection_select (self->selection, SOC_OBJECT (item));
  return item;
}

/* The day a drag of DX pixels takes DATE to, snapped to the zoom's unit. */
guint
soc_timeline_drag_date (SocTimeline *self,
                        guint        date,
                        double       dx)
{
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  const SocTimescale *scale;
  double moved;

  g_return_val_if_fail (layout != NULL, date);
  scale = soc_roadmap_layout_get_scale (layout);
  moved = date + round (dx / scale->px_per_day);
  moved = CLAMP (moved, soc_date_from_ymd (SOC_DATE_MIN_YEAR, 1, 1), soc_date_from_ymd (SOC_DATE_MAX_YEAR, 12, 31));
  return soc_timescale_snap (scale, (guint) moved);
}

/* Shift+arrows: moves the selected items by UNITS of the zoom's unit; with
 * RESIZE (Alt+Shift+arrows), moves their end instead. */
gboolean
soc_timeline_nudge (SocTimeline  *self,
                    int           units,
                    gboolean      resize,
                    GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  SocTimeUnit unit;
  g_autofree char *label = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SOC_IS_TIMELINE (self), FALSE);

  if (layout == NULL || self->selection == NULL)
    return FALSE;
  for (guint i = 0; i < soc_selection_get_size (self->selection); i++)
    {
      SocObject *o = soc_selection_get_nth (self->selection, i);

      if (SOC_IS_ITEM (o) && soc_item_is_scheduled (SOC_ITEM (o)))
        g_ptr_array_add (items, o);
    }
  if (items->len == 0)
    return FALSE;
  unit = soc_timescale_snap_unit (soc_roadmap_layout_get_scale (layout));

  if (items->len == 1)
    {
      SocItem *item = g_ptr_array_index (items, 0);

      if (resize && soc_item_get_kind (item) == SOC_ITEM_KIND_ACTIVITY)
        {
          guint end = soc_time_unit_add (unit, soc_item_get_end (item), units);

          if (end < soc_item_get_start (item))
            end = soc_item_get_start (item);
          return soc_timeline_resize_item (self, item, SOC_TIMELINE_EDGE_END, end, error);
        }
      return soc_timeline_move_item (self, item, soc_time_unit_add (unit, soc_item_get_start (item), units), error);
    }

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u item", "Move %u items", items->len), items->len);
  soc_document_begin_group (self->document, label);
  for (guint i = 0; i < items->len && ok; i++)
    {
      SocItem *item = g_ptr_array_index (items, i);
      guint start = soc_item_get_start (item);
      guint end = soc_item_get_end (item);

      if (resize && soc_item_get_kind (item) == SOC_ITEM_KIND_ACTIVITY)
        end = MAX (start, soc_time_unit_add (unit, end, units));
      else
        {
          guint moved = soc_time_unit_add (unit, start, units);

          end = soc_item_get_kind (item) == SOC_ITEM_KIND_MILESTONE ? 0 : moved + (end - start);
          start = moved;
        }
      ok = soc_edit_set_dates (self->document, SOC_OBJECT (item), start, end, NULL, error);
    }
  soc_document_end_group (self->document);
  if (!ok)
    soc_document_undo (self->document);   /* all or nothing */
  return ok;
}

/* The arrow keys: the selection moves to the item beside, above or below. */
gboolean
soc_timeline_step (SocTimeline  *self,
                   SocDirection  direction)
{
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  SocObject *focus;
  guint box, next;

  g_return_val_if_fail (SOC_IS_TIMELINE (self), FALSE);

  if (layout == NULL || soc_roadmap_layout_get_n_boxes (layout) == 0)
    return FALSE;
  focus = soc_selection_get_focus (self->selection);
  if (!SOC_IS_ITEM (focus))
    focus = self->focus_item != NULL ? SOC_OBJECT (self->focus_item) : NULL;
  if (!SOC_IS_ITEM (focus) || soc_roadmap_layout_find_box (layout, SOC_ITEM (focus), &box) == NULL)
    {
      /* Nothing yet: the first item in view. */
      g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (guint));
      SocRect v = _soc_timeline_visible (self);

      soc_roadmap_layout_boxes_in (layout, &v, boxes);
      next = boxes->len > 0 ? g_array_index (boxes, guint, 0) : 0;
    }
  else if (!soc_roadmap_layout_neighbour (layout, box, direction, &next))
    return FALSE;

  {
    SocItem *item = soc_roadmap_layout_get_box (layout, next)->item;

    soc_selection_select (self->selection, SOC_OBJECT (item));
    _soc_timeline_focus_item (self, item);
  }
  return TRUE;
}
