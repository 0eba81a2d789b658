/* soc-timeline.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roadmap as a timeline: a SocCanvas that paints through the render
 * layer's roadmap painter (the same one print and export use) and turns
 * gestures and keys into core edits (soc-timeline-input.c).
 *
 * Painting follows CANVAS.md: the layout is made once per document change
 * or zoom, never per frame; the content (lanes, grid, bars, labels,
 * arrows) is kept by the canvas over a region larger than the view; what
 * changes often (selection, hover, drag, today) and what stays in view
 * (time header, lane titles, the names of bars that begin off to the
 * left) go in small nodes of their own on top, the header and titles kept
 * while the other axis scrolls.
 *
 * Each visible item has a focusable child (the canvas's): the keyboard
 * moves among them and screen readers read them.
 */

#define G_LOG_DOMAIN "soc-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "soc-date.h"
#include "soc-edit.h"
#include "soc-format.h"
#include "soc-rules.h"
#include "soc-timeline-private.h"

G_DEFINE_FINAL_TYPE (SocTimeline, soc_timeline, SOC_TYPE_CANVAS)

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Layout and invalidation                                                  */

SocRoadmapLayout *
_soc_timeline_ensure_layout (SocTimeline *self)
{
  if (self->layout == NULL && self->document != NULL)
    {
      SocRoadmapMetrics metrics;

      /* The days go on to the view's edge, however little the plan dates. */
      soc_roadmap_metrics_init (&metrics);
      metrics.min_width = gtk_widget_get_width (GTK_WIDGET (self));
      /* After an edit, only the lanes it changed are packed again. */
      if (self->previous != NULL)
        self->layout = soc_roadmap_layout_new_from (self->previous, self->document, &metrics, self->px_per_day, 0, 0);
      else
        self->layout = soc_roadmap_layout_new (self->document, &metrics, self->px_per_day, 0, 0);
      g_clear_pointer (&self->previous, soc_roadmap_layout_unref);
    }
  return self->layout;
}

/* Something changed: paint the content again, and lay it out again first
 * if RELAYOUT (the plan or the zoom changed, not just how it looks). */
void
_soc_timeline_invalidate (SocTimeline *self,
                          gboolean     relayout)
{
  g_clear_pointer (&self->header, gsk_render_node_unref);
  g_clear_pointer (&self->titles, gsk_render_node_unref);
  if (relayout && self->layout != NULL)
    {
      g_clear_pointer (&self->previous, soc_roadmap_layout_unref);
      self->previous = g_steal_pointer (&self->layout);
    }
  soc_canvas_invalidate (SOC_CANVAS (self), relayout);
}

/* A roadmap with nothing on it yet says how to start. */
static void
update_hint (SocTimeline *self)
{
  if (self->document != NULL && g_list_model_get_n_items (soc_document_get_items (self->document)) == 0)
    soc_canvas_set_hint (SOC_CANVAS (self), _("Put the Work on a Timeline"),
                         _("Add the activities and milestones that carry the goals out, "
                           "each with its dates, its lane (a workstream such as Culture and "
                           "education, Guidelines and governance or Technology) and the goals "
                           "it serves. Ctrl+Return adds an activity; drag a bar to move it."));
  else
    soc_canvas_set_hint (SOC_CANVAS (self), NULL, NULL);
}

static void
on_document_changed (SocTimeline *self)
{
  /* The timeline shows the items, lanes, phases and the plan's horizon: a
   * change elsewhere (a goal, a stakeholder, a judgement) leaves it as it
   * is. What the factors find failing comes through update_failing(). */
  if (soc_document_get_last_changes (self->document) & (SOC_DOCUMENT_CHANGES_ROADMAP | SOC_DOCUMENT_CHANGES_PLAN))
    {
      _soc_timeline_invalidate (self, TRUE);
      update_hint (self);
    }
}

static void
on_selection_changed (SocTimeline *self)
{
  SocObject *focus = soc_selection_get_focus (soc_canvas_get_selection (SOC_CANVAS (self)));

  /* Selected lanes show in the titles, selected items in the state nodes. */
  g_clear_pointer (&self->titles, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (!SOC_IS_ITEM (focus))
    return;
  /* The keyboard follows the selection, if it is in the timeline. */
  if (soc_canvas_has_focus_within (SOC_CANVAS (self)))
    _soc_timeline_focus_item (self, SOC_ITEM (focus));
  else
    soc_canvas_set_focus_object (SOC_CANVAS (self), focus);
}

static void collect_failing (SocTimeline *self);

static gboolean
same_failing (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

/* The marks are painted with the content: it is painted again only when
 * they change, not each time a factor is judged. */
static void
update_failing (SocTimeline *self)
{
  g_autoptr(GHashTable) before = g_steal_pointer (&self->failing);

  self->failing = g_hash_table_new (NULL, NULL);
  if (self->monitor != NULL && self->document != NULL)
    collect_failing (self);
  if (!same_failing (before, self->failing))
    _soc_timeline_invalidate (self, FALSE);
}

/* The items that fail a success factor: technology started too early,
 * and whatever else a factor lists among the roadmap's items. */
static void
collect_failing (SocTimeline *self)
{
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
}

/* ------------------------------------------------------------------------ */
/* Scrolling                                                                */

static void
scroll_to_rect (SocTimeline   *self,
                const SocRect *rect)
{
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);

  if (layout != NULL)
    soc_canvas_scroll_to_rect (SOC_CANVAS (self), rect, soc_roadmap_layout_get_metrics (layout)->title_width,
                               soc_roadmap_layout_get_metrics (layout)->header_height);
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
        scroll_to_rect (self, &box->rect);
    }
  else if (SOC_IS_LANE (object))
    {
      for (guint l = 0; l < soc_roadmap_layout_get_n_lanes (layout); l++)
        {
          const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, l);
          SocRect r = SOC_RECT_INIT (soc_canvas_get_visible (SOC_CANVAS (self)).x + 300, lane->band.y, 1,
                                     MIN (lane->band.height, 60));

          if ((gpointer) lane->lane == (gpointer) object)
            scroll_to_rect (self, &r);
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
  soc_canvas_scroll_to (SOC_CANVAS (self),
                        soc_timescale_x (soc_roadmap_layout_get_scale (layout), date) - m->title_width - width / 3,
                        soc_canvas_get_visible (SOC_CANVAS (self)).y);
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
  date = layout != NULL ? ((soc_canvas_get_visible (SOC_CANVAS (self)).x + x - soc_roadmap_layout_get_scale (layout)->x0) /
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
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self));

    gtk_adjustment_configure (h, MAX (0, value), 0,
                              MAX (soc_roadmap_layout_get_width (layout), gtk_widget_get_width (GTK_WIDGET (self))),
                              gtk_adjustment_get_step_increment (h), gtk_adjustment_get_page_increment (h),
                              gtk_adjustment_get_page_size (h));
  }
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
  const SocRoadmapMetrics *m;
  guint origin, end;
  double width;

  g_return_if_fail (SOC_IS_TIMELINE (self));

  layout = _soc_timeline_ensure_layout (self);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (layout == NULL || width <= 0)
    return;
  /* The days the plan dates, not those that fill the view at this zoom. */
  soc_roadmap_layout_get_span (layout, &origin, &end);
  m = soc_roadmap_layout_get_metrics (layout);
  soc_timeline_zoom_at (self, (width - m->title_width - m->end_margin) / (end - origin + 1.0), 0);
  soc_canvas_scroll_to (SOC_CANVAS (self), 0, soc_canvas_get_visible (SOC_CANVAS (self)).y);
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
/* Accessibility and the keyboard                                           */

/* Puts the keyboard focus on ITEM: scrolled into view, its child focused. */
void
_soc_timeline_focus_item (SocTimeline *self,
                          SocItem     *item)
{
  soc_timeline_reveal (self, SOC_OBJECT (item));
  soc_canvas_focus_object (SOC_CANVAS (self), SOC_OBJECT (item));
}

static void
soc_timeline_items_in (SocCanvas     *canvas,
                       const SocRect *visible,
                       GPtrArray     *objects,
                       GArray        *rects)
{
  SocTimeline *self = SOC_TIMELINE (canvas);
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (guint));
  const SocRoadmapMetrics *m;
  SocRect area;

  if (layout == NULL)
    return;
  m = soc_roadmap_layout_get_metrics (layout);
  area = SOC_RECT_INIT (visible->x + m->title_width, visible->y + m->header_height,
                        visible->width - m->title_width, visible->height - m->header_height);
  soc_roadmap_layout_boxes_in (layout, &area, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, g_array_index (boxes, guint, i));

      g_ptr_array_add (objects, box->item);
      g_array_append_val (rects, box->rect);
    }
}

/* A screen reader says the title, then the lane, the dates and the
 * progress, and a success factor the item fails. */
static void
soc_timeline_describe (SocCanvas  *canvas,
                       SocObject  *object,
                       char      **label,
                       char      **description)
{
  SocTimeline *self = SOC_TIMELINE (canvas);
  SocItem *item = SOC_ITEM (object);
  g_autofree char *start = soc_format_date (NULL, soc_item_get_start (item));
  g_autofree char *end = soc_format_date (NULL, soc_item_get_end (item));
  g_autofree char *when = NULL;
  const char *title = soc_item_get_title (item);
  const char *lane = soc_item_get_lane (item) != NULL ? soc_lane_get_title (soc_item_get_lane (item)) : NULL;
  const char *failing = g_hash_table_lookup (self->failing, item);

  if (lane == NULL)
    lane = _("no lane");
  if (soc_item_get_kind (item) == SOC_ITEM_KIND_MILESTONE)
    /* Translators: how a screen reader describes a milestone on the timeline: its lane and day */
    when = g_strdup_printf (_("Milestone in %s, on %s"), lane, start);
  else
    /* Translators: how a screen reader describes an activity on the timeline: lane, dates, progress */
    when = g_strdup_printf (_("Activity in %s, from %s to %s, %d %% done"), lane, start, end,
                            soc_item_get_progress (item));
  *label = g_strdup (title != NULL && title[0] != '\0' ? title : _("Untitled item"));
  if (failing != NULL)
    /* Translators: a timeline item's description, then the success factor it does not meet */
    *description = g_strdup_printf (_("%s. Does not meet “%s”"), when, failing);
  else
    *description = g_steal_pointer (&when);
}

static void
soc_timeline_zoom (SocCanvas *canvas,
                   double     factor,
                   double     x,
                   double     y)
{
  SocTimeline *self = SOC_TIMELINE (canvas);

  if (factor == 0)
    soc_timeline_zoom_to_fit (self);
  else
    soc_timeline_zoom_at (self, self->px_per_day * factor, x);
}

/* ------------------------------------------------------------------------ */
/* Painting                                                                 */

static void
soc_timeline_get_content_size (SocCanvas *canvas,
                               double    *width,
                               double    *height)
{
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (SOC_TIMELINE (canvas));

  *width = layout != NULL ? soc_roadmap_layout_get_width (layout) : 0;
  *height = layout != NULL ? soc_roadmap_layout_get_height (layout) : 0;
}

/* The painter's state for a frame: what is selected, under the pointer,
 * focused, failing, and today. */
static void
paint_state (SocTimeline          *self,
             SocRoadmapPaintState *state)
{
  SocCanvas *canvas = SOC_CANVAS (self);
  SocObject *focus = soc_canvas_get_focus_object (canvas);
  GtkWidget *child = soc_canvas_get_child_for (canvas, focus);

  soc_roadmap_paint_state_init (state, soc_canvas_get_palette (canvas), soc_canvas_get_labels (canvas));
  state->selection = soc_canvas_get_selection (canvas);
  state->hover = self->drag.kind == DRAG_NONE ? self->hover : NULL;
  state->hover_kind = self->hover_kind;
  state->failing = self->failing;
  state->today = self->today;
  state->drop_target = self->drag.kind == DRAG_LINK ? self->drag.target : NULL;
  if (SOC_IS_ITEM (focus) && child != NULL && gtk_widget_has_visible_focus (child))
    state->focus = SOC_ITEM (focus);
}

static void
soc_timeline_paint_content (SocCanvas     *canvas,
                            cairo_t       *cr,
                            const SocRect *region)
{
  SocTimeline *self = SOC_TIMELINE (canvas);
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  SocRoadmapPaintState state;

  if (layout == NULL)
    return;
  /* What is selected, hovered or focused is painted on top, each frame. */
  soc_roadmap_paint_state_init (&state, soc_canvas_get_palette (canvas), soc_canvas_get_labels (canvas));
  state.failing = self->failing;
  soc_roadmap_paint (cr, layout, &state, region, SOC_ROADMAP_PAINT_CONTENT);
}

/* A cairo node over RECT, painted by PARTS as seen from VISIBLE. */
static void
append_painted (GtkSnapshot                *snapshot,
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
soc_timeline_snapshot_overlay (SocCanvas     *canvas,
                               GtkSnapshot   *snapshot,
                               const SocRect *visible)
{
  SocTimeline *self = SOC_TIMELINE (canvas);
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);
  SocRoadmapPaintState state;
  SocRect v = *visible;
  const SocRoadmapMetrics *m;

  if (layout == NULL)
    return;
  m = soc_roadmap_layout_get_metrics (layout);
  paint_state (self, &state);

  /* The today line, as plain colour, in pieces between the bars it
   * runs behind (the painter's, so print draws the same). */
  {
    g_autoptr(GArray) stretches = g_array_new (FALSE, FALSE, sizeof (SocRect));
    SocRect below = SOC_RECT_INIT (v.x + m->title_width, v.y + m->header_height,
                                   v.width - m->title_width, v.height - m->header_height);
    GdkRGBA c = { state.palette->today.red, state.palette->today.green, state.palette->today.blue, 1 };

    soc_roadmap_today_line (layout, &state, &below, stretches);
    for (guint i = 0; i < stretches->len; i++)
      {
        const SocRect *r = &g_array_index (stretches, SocRect, i);

        gtk_snapshot_append_color (snapshot, &c, &GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height));
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
      append_painted (snapshot, layout, &no_today, &bounds, &v, SOC_ROADMAP_PAINT_STICKY);
    if (soc_roadmap_state_bounds (layout, &no_today, &area, &bounds))
      append_painted (snapshot, layout, &no_today, &bounds, &area, SOC_ROADMAP_PAINT_STATE);
    _soc_timeline_snapshot_drag (self, snapshot, &area, &state);
    gtk_snapshot_pop (snapshot);

    soc_canvas_snapshot_hint (canvas, snapshot, &area);
  }

  /* What stays in view: painted in place of its own, then moved along. */
  if (self->titles == NULL || self->titles_y != v.y || self->titles_height != v.height)
    {
      GtkSnapshot *titles = gtk_snapshot_new ();
      SocRect at = SOC_RECT_INIT (0, v.y, m->title_width, v.height);

      append_painted (titles, layout, &state, &at, &at, SOC_ROADMAP_PAINT_TITLES);
      g_clear_pointer (&self->titles, gsk_render_node_unref);
      self->titles = gtk_snapshot_free_to_node (titles);
      self->titles_y = v.y;
      self->titles_height = v.height;
    }
  if (self->header == NULL || self->header_x != v.x || self->header_width != v.width)
    {
      GtkSnapshot *header = gtk_snapshot_new ();
      SocRect at = SOC_RECT_INIT (v.x, 0, v.width, m->header_height);

      append_painted (header, layout, &state, &at, &at, SOC_ROADMAP_PAINT_HEADER);
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
}

/* ------------------------------------------------------------------------ */
/* GtkWidget                                                                */

static gboolean
widen_on_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  SocTimeline *self = SOC_TIMELINE (widget);

  if (self->widen_pending)
    {
      self->widen_pending = FALSE;
      _soc_timeline_invalidate (self, TRUE);
    }
  return G_SOURCE_REMOVE;
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

  /* A plan opened for the first time shows all of itself, once its width
   * is known, and not from inside this allocation: a zoom changes what
   * the toolbar says. */
  if (!self->fitted && self->document != NULL && width > 400)
    {
      self->fitted = TRUE;
      self->fit_pending = TRUE;
      gtk_widget_add_tick_callback (widget, fit_on_tick, NULL, NULL);
    }
  /* Wider than the days laid out: they run on to the new edge, laid out
   * again once this allocation is over. */
  if (self->layout != NULL && soc_roadmap_layout_get_width (self->layout) < width && !self->widen_pending)
    {
      self->widen_pending = TRUE;
      gtk_widget_add_tick_callback (widget, widen_on_tick, NULL, NULL);
    }
  GTK_WIDGET_CLASS (soc_timeline_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
soc_timeline_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  SocTimeline *self = SOC_TIMELINE (widget);

  g_clear_pointer (&self->header, gsk_render_node_unref);
  g_clear_pointer (&self->titles, gsk_render_node_unref);
  GTK_WIDGET_CLASS (soc_timeline_parent_class)->css_changed (widget, change);
}

static gboolean
soc_timeline_grab_focus (GtkWidget *widget)
{
  SocTimeline *self = SOC_TIMELINE (widget);
  SocSelection *selection = soc_canvas_get_selection (SOC_CANVAS (self));
  SocObject *focus = selection != NULL ? soc_selection_get_focus (selection) : NULL;
  SocRoadmapLayout *layout = _soc_timeline_ensure_layout (self);

  /* The keyboard goes to the selected item, scrolled into view. */
  if (layout != NULL && SOC_IS_ITEM (focus) && soc_roadmap_layout_find_box (layout, SOC_ITEM (focus), NULL) != NULL)
    {
      soc_timeline_reveal (self, focus);
      soc_canvas_set_focus_object (SOC_CANVAS (self), focus);
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
  g_clear_pointer (&self->header, gsk_render_node_unref);
  g_clear_pointer (&self->titles, gsk_render_node_unref);

  G_OBJECT_CLASS (soc_timeline_parent_class)->dispose (object);
}

static void
soc_timeline_finalize (GObject *object)
{
  SocTimeline *self = SOC_TIMELINE (object);

  g_clear_pointer (&self->failing, g_hash_table_unref);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_timeline_class_init (SocTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SocCanvasClass *canvas_class = SOC_CANVAS_CLASS (klass);

  object_class->dispose = soc_timeline_dispose;
  object_class->finalize = soc_timeline_finalize;
  object_class->get_property = soc_timeline_get_property;
  object_class->set_property = soc_timeline_set_property;
  widget_class->size_allocate = soc_timeline_size_allocate;
  widget_class->css_changed = soc_timeline_css_changed;
  widget_class->grab_focus = soc_timeline_grab_focus;
  canvas_class->get_content_size = soc_timeline_get_content_size;
  canvas_class->paint_content = soc_timeline_paint_content;
  canvas_class->snapshot_overlay = soc_timeline_snapshot_overlay;
  canvas_class->items_in = soc_timeline_items_in;
  canvas_class->describe = soc_timeline_describe;
  canvas_class->zoom = soc_timeline_zoom;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, SOC_ZOOM_MIN, SOC_ZOOM_MAX, SOC_ZOOM_MONTHS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  _soc_timeline_class_init_input (klass);
}

static void
soc_timeline_init (SocTimeline *self)
{
  self->px_per_day = SOC_ZOOM_MONTHS;
  self->today = soc_date_today ();
  self->failing = g_hash_table_new (NULL, NULL);
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
  SocSelection *old;

  g_return_if_fail (SOC_IS_TIMELINE (self));

  old = soc_canvas_get_selection (SOC_CANVAS (self));
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);

  /* The children and the pointer name items of the old document. */
  self->hover = NULL;
  memset (&self->drag, 0, sizeof self->drag);
  g_hash_table_remove_all (self->failing);
  soc_canvas_set_selection (SOC_CANVAS (self), selection);

  g_set_object (&self->document, document);
  self->fitted = FALSE;
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
      g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selection_changed), self);
    }
  _soc_timeline_invalidate (self, TRUE);
  update_hint (self);
  /* Another plan's layout: nothing to make the next from. */
  g_clear_pointer (&self->previous, soc_roadmap_layout_unref);
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

/* Adds a new activity in LANE from DATE (snapped to the zoom's unit), and
 * selects it. */
SocItem *
soc_timeline_add_at (SocTimeline  *self,
                     SocLane      *lane,
                     guint         date,
                     GError      **error)
{
  g_autoptr(SocItem) item = NULL;
  guint start, length;

  g_return_val_if_fail (SOC_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (SOC_IS_LANE (lane), NULL);

  {
    SocTimescale scale;

    soc_timescale_init (&scale, date, date, 0, self->px_per_day);
    start = soc_timescale_snap (&scale, date);
  }
  /* A new activity as the core makes one, moved to where it was asked for. */
  item = soc_rules_new_item (self->document, SOC_ITEM_KIND_ACTIVITY, lane, NULL);
  length = soc_item_get_end (item) - soc_item_get_start (item);
  g_object_set (item, "start", start, "end", start + length, NULL);
  if (soc_edit_add (self->document, SOC_OBJECT (item), NULL,
                    g_list_model_get_n_items (soc_document_get_items (self->document)), error) == NULL)
    return NULL;
  soc_selection_select (soc_canvas_get_selection (SOC_CANVAS (self)), SOC_OBJECT (item));
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

  if (layout == NULL || soc_canvas_get_selection (SOC_CANVAS (self)) == NULL)
    return FALSE;
  for (guint i = 0; i < soc_selection_get_size (soc_canvas_get_selection (SOC_CANVAS (self))); i++)
    {
      SocObject *o = soc_selection_get_nth (soc_canvas_get_selection (SOC_CANVAS (self)), i);

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

/* The arrow keys: the selection moves to the item beside, above or below.
 * Returns FALSE only when there is no item at all; at an edge it stays. */
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
  focus = soc_selection_get_focus (soc_canvas_get_selection (SOC_CANVAS (self)));
  if (!SOC_IS_ITEM (focus))
    focus = soc_canvas_get_focus_object (SOC_CANVAS (self));
  if (!SOC_IS_ITEM (focus) || soc_roadmap_layout_find_box (layout, SOC_ITEM (focus), &box) == NULL)
    {
      /* Nothing yet: the first item in view. */
      g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (guint));
      SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));

      soc_roadmap_layout_boxes_in (layout, &v, boxes);
      next = boxes->len > 0 ? g_array_index (boxes, guint, 0) : 0;
    }
  else if (!soc_roadmap_layout_neighbour (layout, box, direction, &next))
    return TRUE;   /* at the edge: the keyboard stays in the picture */

  {
    SocItem *item = soc_roadmap_layout_get_box (layout, next)->item;

    soc_selection_select (soc_canvas_get_selection (SOC_CANVAS (self)), SOC_OBJECT (item));
    _soc_timeline_focus_item (self, item);
  }
  return TRUE;
}
