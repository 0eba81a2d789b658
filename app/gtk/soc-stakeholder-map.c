/* soc-stakeholder-map.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stakeholders on the power/interest grid: a SocCanvas that paints
 * through the render layer's map painter (the same one print and export
 * use) and turns gestures and keys into core edits
 * (soc-stakeholder-map-input.c).
 *
 * Painting follows CANVAS.md: the layout is made once per document change,
 * zoom or filter, never per frame; the content (quadrants, grid,
 * relationships, bubbles, names) is kept by the canvas over a region
 * larger than the view; what changes often (selection, hover, a drag) and
 * what stays in view (the axes) go in small nodes of their own on top.
 *
 * Each visible bubble has a focusable child (the canvas's), named by the
 * stakeholder's name and described by profile, stance and quadrant: the
 * keyboard moves among them and screen readers read them. A bubble the
 * filter hides is not drawn, not hit and has no child. In a crowd (a plan
 * of thousands seen whole) only what is selected and focused has one.
 */

#define G_LOG_DOMAIN "soc-stakeholder-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "soc-edit.h"
#include "soc-enum-types.h"
#include "soc-stakeholder-map-private.h"

G_DEFINE_FINAL_TYPE (SocStakeholderMap, soc_stakeholder_map, SOC_TYPE_CANVAS)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_SHOW_EDGES,
  PROP_FILTERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void soc_stakeholder_map_get_content_size (SocCanvas *canvas, double *width, double *height);

/* ------------------------------------------------------------------------ */
/* Layout and invalidation                                                  */

SocMapLayout *
_soc_stakeholder_map_ensure_layout (SocStakeholderMap *self)
{
  if (self->layout == NULL && self->document != NULL)
    {
      guint n = g_list_model_get_n_items (soc_document_get_stakeholders (self->document));

      /* Names measured are kept, but not every name ever typed. */
      if (self->widths != NULL && soc_map_widths_get_size (self->widths) > 2 * n + 256)
        g_clear_pointer (&self->widths, soc_map_widths_free);
      if (self->widths == NULL)
        self->widths = soc_map_widths_new (soc_canvas_get_text (SOC_CANVAS (self)));
      /* Without names: paint_content() places them when it paints a part
       * of the map that is not a crowd. */
      self->layout = soc_map_layout_new (self->document, NULL, self->zoom, &self->filter, NULL);
    }
  return self->layout;
}

/* Something changed: paint the content again, and lay it out again first
 * if RELAYOUT (the plan, the zoom or the filter changed). */
void
_soc_stakeholder_map_invalidate (SocStakeholderMap *self,
                                 gboolean           relayout)
{
  g_clear_pointer (&self->axes, gsk_render_node_unref);
  if (relayout)
    {
      g_clear_pointer (&self->layout, soc_map_layout_unref);
      self->counted = FALSE;
      _soc_stakeholder_map_forget_pointer (self);
    }
  soc_canvas_invalidate (SOC_CANVAS (self), relayout);
}

static void
on_document_changed (SocStakeholderMap *self)
{
  /* The map shows the stakeholders and their relationships, nothing else. */
  if (soc_document_get_last_changes (self->document) & SOC_DOCUMENT_CHANGES_STAKEHOLDERS)
    _soc_stakeholder_map_invalidate (self, TRUE);
}

static void
on_selection_changed (SocStakeholderMap *self)
{
  SocObject *focus = soc_selection_get_focus (soc_canvas_get_selection (SOC_CANVAS (self)));

  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (!SOC_IS_STAKEHOLDER (focus))
    return;
  /* The keyboard follows the selection, if it is in the map. */
  if (soc_canvas_has_focus_within (SOC_CANVAS (self)))
    _soc_stakeholder_map_focus (self, SOC_STAKEHOLDER (focus));
  else
    soc_canvas_set_focus_object (SOC_CANVAS (self), focus);
}

/* The part of the view not under the axes, in content coordinates. */
SocRect
_soc_stakeholder_map_area (SocStakeholderMap *self)
{
  SocMapLayout *layout = _soc_stakeholder_map_ensure_layout (self);
  SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));
  SocRect left, bottom;

  if (layout == NULL)
    return v;
  soc_map_axes_bounds (layout, &v, &left, &bottom);
  return SOC_RECT_INIT (v.x + left.width, v.y, MAX (0, v.width - left.width), MAX (0, bottom.y - v.y));
}

/* ------------------------------------------------------------------------ */
/* Scrolling and zoom                                                       */

/* Shows OBJECT: a stakeholder's bubble, or both ends of a relationship. */
void
soc_stakeholder_map_reveal (SocStakeholderMap *self,
                            SocObject         *object)
{
  SocMapLayout *layout;
  const SocMapBubble *b;
  SocRect v, area, r;

  g_return_if_fail (SOC_IS_STAKEHOLDER_MAP (self));

  layout = _soc_stakeholder_map_ensure_layout (self);
  if (layout == NULL)
    return;
  if (SOC_IS_STAKEHOLDER (object) && (b = soc_map_layout_find_bubble (layout, SOC_STAKEHOLDER (object), NULL)) != NULL)
    r = SOC_RECT_INIT (b->center.x - b->outer, b->center.y - b->outer, 2 * b->outer, 2 * b->outer);
  else if (SOC_IS_RELATIONSHIP (object) && soc_map_layout_find_edge (layout, SOC_RELATIONSHIP (object), NULL) != NULL)
    r = soc_map_layout_find_edge (layout, SOC_RELATIONSHIP (object), NULL)->bounds;
  else
    return;
  v = soc_canvas_get_visible (SOC_CANVAS (self));
  area = _soc_stakeholder_map_area (self);
  /* Clear of the axes: the bottom one by what it covers. */
  r.height += v.y + v.height - (area.y + area.height);
  soc_canvas_scroll_to_rect (SOC_CANVAS (self), &r, area.x - v.x, 0);
}

double
soc_stakeholder_map_get_zoom (SocStakeholderMap *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER_MAP (self), SOC_MAP_ZOOM_DEFAULT);
  return self->zoom;
}

static void
zoom_to (SocStakeholderMap *self,
         double             px_per_unit,
         double             x,
         double             y)
{
  SocMapMetrics m;
  SocRect v;
  double ux, uy;

  px_per_unit = CLAMP (px_per_unit, SOC_MAP_ZOOM_MIN, SOC_MAP_ZOOM_MAX);
  self->fit_pending = FALSE;
  if (px_per_unit == self->zoom)
    return;
  soc_map_metrics_init (&m);
  v = soc_canvas_get_visible (SOC_CANVAS (self));
  ux = (v.x + x - m.margin_left) / self->zoom;
  uy = (v.y + y - m.margin_top) / self->zoom;

  self->zoom = px_per_unit;
  _soc_stakeholder_map_invalidate (self, TRUE);
  /* The adjustments take the new size at the next allocation: give it now,
   * so the point can stay where it was. */
  if (self->document != NULL)
    {
      GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self));
      GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

      double w, ht;

      soc_stakeholder_map_get_content_size (SOC_CANVAS (self), &w, &ht);
      gtk_adjustment_set_upper (h, MAX (v.width, w));
      gtk_adjustment_set_upper (vadj, MAX (v.height, ht));
      soc_canvas_scroll_to (SOC_CANVAS (self), m.margin_left + ux * px_per_unit - x, m.margin_top + uy * px_per_unit - y);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Zooms to PX_PER_UNIT keeping the point at X, Y (widget coordinates)
 * under it. The map stops fitting itself to the view. */
void
soc_stakeholder_map_zoom_at (SocStakeholderMap *self,
                             double             px_per_unit,
                             double             x,
                             double             y)
{
  g_return_if_fail (SOC_IS_STAKEHOLDER_MAP (self));

  self->zoomed = TRUE;
  zoom_to (self, px_per_unit, x, y);
}

void
soc_stakeholder_map_set_zoom (SocStakeholderMap *self,
                              double             px_per_unit)
{
  g_return_if_fail (SOC_IS_STAKEHOLDER_MAP (self));

  soc_stakeholder_map_zoom_at (self, px_per_unit, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/* The whole grid in the view, and kept so as the view changes size until
 * the user zooms. */
void
soc_stakeholder_map_zoom_to_fit (SocStakeholderMap *self)
{
  SocMapMetrics m;
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;

  g_return_if_fail (SOC_IS_STAKEHOLDER_MAP (self));

  self->zoomed = FALSE;
  self->fit_pending = FALSE;
  if (w <= 0 || h <= 0)
    return;
  self->fit_width = w;
  self->fit_height = h;
  soc_map_metrics_init (&m);
  zoom = MIN ((w - m.margin_left - m.margin_right) / SOC_MAP_MAX_VALUE,
              (h - m.margin_top - m.margin_bottom) / SOC_MAP_MAX_VALUE);
  zoom_to (self, floor (zoom * 10) / 10, 0, 0);
  soc_canvas_scroll_to (SOC_CANVAS (self), 0, 0);
}

static void
soc_stakeholder_map_zoom (SocCanvas *canvas,
                          double     factor,
                          double     x,
                          double     y)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (canvas);

  if (factor == 0)
    soc_stakeholder_map_zoom_to_fit (self);
  else
    soc_stakeholder_map_zoom_at (self, self->zoom * factor, x, y);
}

/* ------------------------------------------------------------------------ */
/* Filter and relationships                                                 */

void
soc_stakeholder_map_get_filter (SocStakeholderMap *self,
                                SocMapFilter      *filter)
{
  g_return_if_fail (SOC_IS_STAKEHOLDER_MAP (self));
  *filter = self->filter;
}

/* Shows only the stakeholders FILTER lets through (NULL: everyone). */
void
soc_stakeholder_map_set_filter (SocStakeholderMap  *self,
                                const SocMapFilter *filter)
{
  SocMapFilter all;

  g_return_if_fail (SOC_IS_STAKEHOLDER_MAP (self));

  if (filter == NULL)
    {
      soc_map_filter_init (&all);
      filter = &all;
    }
  if (soc_map_filter_equal (&self->filter, filter))
    return;
  self->filter = *filter;
  _soc_stakeholder_map_invalidate (self, TRUE);
  /* The keyboard's place, if the filter hid it, goes to the first in view. */
  {
    SocObject *focus = soc_canvas_get_focus_object (SOC_CANVAS (self));

    if (SOC_IS_STAKEHOLDER (focus) && !soc_map_filter_accepts (filter, SOC_STAKEHOLDER (focus)))
      soc_canvas_set_focus_object (SOC_CANVAS (self), NULL);
  }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERED]);
}

gboolean
soc_stakeholder_map_get_show_edges (SocStakeholderMap *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER_MAP (self), FALSE);
  return self->show_edges;
}

void
soc_stakeholder_map_set_show_edges (SocStakeholderMap *self,
                                    gboolean           show)
{
  g_return_if_fail (SOC_IS_STAKEHOLDER_MAP (self));

  show = !!show;
  if (show == self->show_edges)
    return;
  self->show_edges = show;
  self->hover_edge = NULL;
  _soc_stakeholder_map_invalidate (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EDGES]);
}

/* ------------------------------------------------------------------------ */
/* Accessibility and the keyboard                                           */

/* Puts the keyboard focus on STAKEHOLDER: scrolled into view, its child focused. */
void
_soc_stakeholder_map_focus (SocStakeholderMap *self,
                            SocStakeholder    *stakeholder)
{
  soc_stakeholder_map_reveal (self, SOC_OBJECT (stakeholder));
  soc_canvas_focus_object (SOC_CANVAS (self), SOC_OBJECT (stakeholder));
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* Appends to BUBBLES, in the plan's order, the bubbles of a crowd in AREA
 * that get a child: the first (the way in with Tab), what is selected and
 * where the keyboard is. */
static void
crowd_children (SocStakeholderMap *self,
                SocMapLayout      *layout,
                const SocRect     *area,
                guint              first,
                GArray            *bubbles)
{
  SocCanvas *canvas = SOC_CANVAS (self);
  SocSelection *selection = soc_canvas_get_selection (canvas);
  guint n_selected = selection != NULL ? soc_selection_get_size (selection) : 0;

  if (first != G_MAXUINT)
    g_array_append_val (bubbles, first);
  for (guint k = 0; k <= n_selected; k++)
    {
      SocObject *o = k < n_selected ? soc_selection_get_nth (selection, k) : soc_canvas_get_focus_object (canvas);
      guint index;

      if (SOC_IS_STAKEHOLDER (o) && soc_map_layout_find_bubble (layout, SOC_STAKEHOLDER (o), &index) != NULL &&
          soc_map_layout_bubble_meets (layout, index, area))
        g_array_append_val (bubbles, index);
    }
  if (bubbles->len > 1)
    {
      guint kept = 1;

      g_array_sort (bubbles, compare_uint);
      for (guint i = 1; i < bubbles->len; i++)
        if (g_array_index (bubbles, guint, i) != g_array_index (bubbles, guint, kept - 1))
          g_array_index (bubbles, guint, kept++) = g_array_index (bubbles, guint, i);
      g_array_set_size (bubbles, kept);
    }
}

/* soc_map_layout_count_in() for AREA, remembered while the layout and
 * the area stay: the keyboard stepping through a crowd asks at every step,
 * for the same view, and a crowd is thousands of bubbles to walk. */
static guint
count_in (SocStakeholderMap *self,
          SocMapLayout      *layout,
          const SocRect     *area,
          guint             *first)
{
  if (!self->counted || memcmp (area, &self->counted_area, sizeof *area) != 0)
    {
      self->counted_n = soc_map_layout_count_in (layout, area, &self->counted_first);
      self->counted_area = *area;
      self->counted = TRUE;
      self->n_counts++;
    }
  *first = self->counted_first;
  return self->counted_n;
}

/* How many times the bubbles in view were walked (for tests). */
guint
_soc_stakeholder_map_get_n_counts (SocStakeholderMap *self)
{
  return self->n_counts;
}

static void
soc_stakeholder_map_items_in (SocCanvas     *canvas,
                              const SocRect *visible,
                              GPtrArray     *objects,
                              GArray        *rects)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (canvas);
  g_autoptr(GArray) bubbles = g_array_new (FALSE, FALSE, sizeof (guint));
  SocMapLayout *layout;
  SocRect left, bottom, area;
  guint n, first;

  /* Hidden (another page shown): no children, and no layout of a plan
   * being edited elsewhere; they come back when it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  layout = _soc_stakeholder_map_ensure_layout (self);
  if (layout == NULL)
    return;
  /* What the axes cover is out of view. */
  soc_map_axes_bounds (layout, visible, &left, &bottom);
  area = SOC_RECT_INIT (visible->x + left.width, visible->y, MAX (0, visible->width - left.width),
                        MAX (0, bottom.y - visible->y));
  n = count_in (self, layout, &area, &first);
  /* A crowd (thousands in view, painted as plain discs): a child only for
   * the first, what is selected and where the keyboard is, which the
   * arrow keys move; thousands of buttons would take seconds to make and
   * help nobody, and the table beside the map is the way through them. */
  if (soc_map_is_crowd (layout, n, &area))
    crowd_children (self, layout, &area, first, bubbles);
  else
    soc_map_layout_bubbles_in (layout, &area, FALSE, bubbles);
  for (guint i = 0; i < bubbles->len; i++)
    {
      const SocMapBubble *b = soc_map_layout_get_bubble (layout, g_array_index (bubbles, guint, i));
      SocRect r = SOC_RECT_INIT (b->center.x - b->radius, b->center.y - b->radius, 2 * b->radius, 2 * b->radius);

      g_ptr_array_add (objects, b->stakeholder);
      g_array_append_val (rects, r);
    }
}

/* A screen reader says the name, then the profile, the stance (and the
 * one wanted) and the quadrant with the numbers. */
static void
soc_stakeholder_map_describe (SocCanvas  *canvas,
                              SocObject  *object,
                              char      **label,
                              char      **description)
{
  SocStakeholder *s = SOC_STAKEHOLDER (object);
  const char *name = soc_stakeholder_get_name (s);
  const char *profile = soc_enum_to_label (SOC_TYPE_PROFILE, soc_stakeholder_get_profile (s));
  const char *stance = soc_enum_to_label (SOC_TYPE_STANCE, soc_stakeholder_get_stance (s));
  const char *wanted = soc_enum_to_label (SOC_TYPE_STANCE, soc_stakeholder_get_desired_stance (s));
  int influence = soc_stakeholder_get_influence (s), interest = soc_stakeholder_get_interest (s);
  const char *quadrant = soc_map_quadrant_label (soc_map_quadrant_of (influence, interest));

  *label = g_strdup (name != NULL && name[0] != '\0' ? name : _("Unnamed stakeholder"));
  if (soc_stakeholder_get_stance (s) != soc_stakeholder_get_desired_stance (s))
    /* Translators: how a screen reader describes a bubble on the stakeholder map:
     * profile, stance, the stance wanted, the quadrant, influence and interest */
    *description = g_strdup_printf (_("%s, %s, wanted %s. %s: influence %d, interest %d"),
                                    profile, stance, wanted, quadrant, influence, interest);
  else
    /* Translators: how a screen reader describes a bubble on the stakeholder map:
     * profile, stance, the quadrant, influence and interest */
    *description = g_strdup_printf (_("%s, %s. %s: influence %d, interest %d"),
                                    profile, stance, quadrant, influence, interest);
}

/* ------------------------------------------------------------------------ */
/* Painting                                                                 */

/* The size depends on the zoom alone: no layout needed, so a map out of
 * sight measures without laying out a plan that changed. */
static void
soc_stakeholder_map_get_content_size (SocCanvas *canvas,
                                      double    *width,
                                      double    *height)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (canvas);
  SocMapMetrics m;

  *width = *height = 0;
  if (self->document == NULL)
    return;
  soc_map_metrics_init (&m);
  *width = m.margin_left + SOC_MAP_MAX_VALUE * self->zoom + m.margin_right;
  *height = m.margin_top + SOC_MAP_MAX_VALUE * self->zoom + m.margin_bottom;
}

/* The painter's state for a frame: what is selected, under the pointer,
 * focused, and the bubble a relationship is drawn to. */
void
_soc_stakeholder_map_paint_state (SocStakeholderMap *self,
                                  SocMapPaintState  *state)
{
  SocCanvas *canvas = SOC_CANVAS (self);
  SocObject *focus = soc_canvas_get_focus_object (canvas);
  GtkWidget *child = soc_canvas_get_child_for (canvas, focus);

  soc_map_paint_state_init (state, soc_canvas_get_palette (canvas), soc_canvas_get_labels (canvas));
  state->edges = self->show_edges;
  state->selection = soc_canvas_get_selection (canvas);
  state->hover = self->drag.kind == MAP_DRAG_NONE ? self->hover : NULL;
  state->hover_kind = self->hover_kind;
  state->hover_edge = self->drag.kind == MAP_DRAG_NONE ? self->hover_edge : NULL;
  state->drop_target = self->drag.kind == MAP_DRAG_LINK ? self->drag.target : NULL;
  if (SOC_IS_STAKEHOLDER (focus) && child != NULL && gtk_widget_has_visible_focus (child))
    state->focus = SOC_STAKEHOLDER (focus);
}

static void
soc_stakeholder_map_paint_content (SocCanvas     *canvas,
                                   cairo_t       *cr,
                                   const SocRect *region)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (canvas);
  SocMapLayout *layout = _soc_stakeholder_map_ensure_layout (self);
  SocMapPaintState state;

  if (layout == NULL)
    return;
  /* A crowd shows no names: they are placed when a part that is not one
   * is painted first (for the 20k of a big plan that took 50 ms a change,
   * more than the rest of its layout). */
  if (!soc_map_layout_has_names (layout) && !soc_map_is_crowd (layout, soc_map_layout_count_in (layout, region, NULL), region))
    soc_map_layout_place_names (layout, self->widths);
  /* What is selected, hovered or focused is painted on top, each frame. */
  soc_map_paint_state_init (&state, soc_canvas_get_palette (canvas), soc_canvas_get_labels (canvas));
  state.edges = self->show_edges;
  soc_map_paint (cr, layout, &state, region, SOC_MAP_PAINT_CONTENT);
}

static void
append_painted (GtkSnapshot            *snapshot,
                SocMapLayout           *layout,
                const SocMapPaintState *state,
                const SocRect          *rect,
                const SocRect          *visible,
                SocMapPaintParts        parts)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height));

  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  soc_map_paint (cr, layout, state, visible, parts);
  cairo_destroy (cr);
}

static void
soc_stakeholder_map_snapshot_overlay (SocCanvas     *canvas,
                                      GtkSnapshot   *snapshot,
                                      const SocRect *visible)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (canvas);
  SocMapLayout *layout = _soc_stakeholder_map_ensure_layout (self);
  SocMapPaintState state;
  SocRect area, bounds;

  if (layout == NULL)
    return;
  _soc_stakeholder_map_paint_state (self, &state);
  area = _soc_stakeholder_map_area (self);

  /* The state and a drag: small nodes, only where something is. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (area.x, area.y, area.width, area.height));
  if (soc_map_state_bounds (layout, &state, &area, &bounds))
    append_painted (snapshot, layout, &state, &bounds, &area, SOC_MAP_PAINT_STATE);
  _soc_stakeholder_map_snapshot_drag (self, snapshot, &state);
  gtk_snapshot_pop (snapshot);

  /* The axes, kept while nothing moves the view. */
  if (self->axes == NULL || self->axes_at.x != visible->x || self->axes_at.y != visible->y ||
      self->axes_at.width != visible->width || self->axes_at.height != visible->height)
    {
      GtkSnapshot *axes = gtk_snapshot_new ();
      SocRect left, bottom;

      soc_map_axes_bounds (layout, visible, &left, &bottom);
      append_painted (axes, layout, &state, &left, visible, SOC_MAP_PAINT_AXES);
      append_painted (axes, layout, &state, &bottom, visible, SOC_MAP_PAINT_AXES);
      g_clear_pointer (&self->axes, gsk_render_node_unref);
      self->axes = gtk_snapshot_free_to_node (axes);
      self->axes_at = *visible;
    }
  if (self->axes != NULL)
    gtk_snapshot_append_node (snapshot, self->axes);
}

/* ------------------------------------------------------------------------ */
/* Edits: each one undo step, with a label that says what it did            */

/* Gives STAKEHOLDER both numbers at once: one step, whichever changes. */
gboolean
soc_stakeholder_map_move (SocStakeholderMap  *self,
                          SocStakeholder     *stakeholder,
                          int                 influence,
                          int                 interest,
                          GError            **error)
{
  g_autofree char *label = NULL;
  gboolean ok = TRUE;
  guint64 state;

  g_return_val_if_fail (SOC_IS_STAKEHOLDER_MAP (self), FALSE);
  g_return_val_if_fail (SOC_IS_STAKEHOLDER (stakeholder), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  if (influence == soc_stakeholder_get_influence (stakeholder) && interest == soc_stakeholder_get_interest (stakeholder))
    return TRUE;
  /* Translators: an undo step: a stakeholder moved on the map, and the numbers it now has */
  label = g_strdup_printf (_("Move “%s” to influence %d, interest %d"),
                           soc_object_get_label (SOC_OBJECT (stakeholder)), influence, interest);
  state = soc_history_get_state (soc_document_get_history (self->document));
  soc_document_begin_group (self->document, label);
  if (influence != soc_stakeholder_get_influence (stakeholder))
    ok = soc_edit_set_int (self->document, SOC_OBJECT (stakeholder), "influence", influence, error);
  if (ok && interest != soc_stakeholder_get_interest (stakeholder))
    ok = soc_edit_set_int (self->document, SOC_OBJECT (stakeholder), "interest", interest, error);
  soc_document_end_group (self->document);
  /* All or nothing. */
  if (!ok && soc_history_get_state (soc_document_get_history (self->document)) != state)
    soc_document_undo (self->document);
  return ok;
}

/* Shift+arrows: moves the selected stakeholders on the map by INTEREST and
 * INFLUENCE points, within 0 to 100; one step for all of them. */
gboolean
soc_stakeholder_map_nudge (SocStakeholderMap  *self,
                           int                 interest,
                           int                 influence,
                           GError            **error)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  SocSelection *selection;
  SocMapLayout *layout;
  g_autofree char *label = NULL;
  gboolean ok = TRUE;
  guint64 state;

  g_return_val_if_fail (SOC_IS_STAKEHOLDER_MAP (self), FALSE);

  selection = soc_canvas_get_selection (SOC_CANVAS (self));
  layout = _soc_stakeholder_map_ensure_layout (self);
  if (layout == NULL || selection == NULL)
    return FALSE;
  for (guint i = 0; i < soc_selection_get_size (selection); i++)
    {
      SocObject *o = soc_selection_get_nth (selection, i);

      /* Only what shows: a stakeholder the filter hides stays put. */
      if (SOC_IS_STAKEHOLDER (o) && soc_map_layout_find_bubble (layout, SOC_STAKEHOLDER (o), NULL) != NULL)
        g_ptr_array_add (chosen, o);
    }
  if (chosen->len == 0)
    return FALSE;
  if (chosen->len == 1)
    {
      SocStakeholder *s = g_ptr_array_index (chosen, 0);

      return soc_stakeholder_map_move (self, s,
                                       CLAMP (soc_stakeholder_get_influence (s) + influence, 0, SOC_MAP_MAX_VALUE),
                                       CLAMP (soc_stakeholder_get_interest (s) + interest, 0, SOC_MAP_MAX_VALUE),
                                       error);
    }

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u stakeholder", "Move %u stakeholders", chosen->len),
                           chosen->len);
  state = soc_history_get_state (soc_document_get_history (self->document));
  soc_document_begin_group (self->document, label);
  for (guint i = 0; i < chosen->len && ok; i++)
    {
      SocStakeholder *s = g_ptr_array_index (chosen, i);

      ok = soc_stakeholder_map_move (self, s,
                                     CLAMP (soc_stakeholder_get_influence (s) + influence, 0, SOC_MAP_MAX_VALUE),
                                     CLAMP (soc_stakeholder_get_interest (s) + interest, 0, SOC_MAP_MAX_VALUE),
                                     error);
    }
  soc_document_end_group (self->document);
  if (!ok && soc_history_get_state (soc_document_get_history (self->document)) != state)
    soc_document_undo (self->document);   /* all or nothing */
  return ok;
}

/* The arrow keys: the selection moves to the nearest bubble that way. */
gboolean
soc_stakeholder_map_step (SocStakeholderMap *self,
                          SocDirection       direction)
{
  SocMapLayout *layout = _soc_stakeholder_map_ensure_layout (self);
  SocSelection *selection;
  SocObject *focus;
  guint bubble, next;

  g_return_val_if_fail (SOC_IS_STAKEHOLDER_MAP (self), FALSE);

  selection = soc_canvas_get_selection (SOC_CANVAS (self));
  if (layout == NULL || selection == NULL || soc_map_layout_get_n_bubbles (layout) == 0)
    return FALSE;
  focus = soc_selection_get_focus (selection);
  if (!SOC_IS_STAKEHOLDER (focus))
    focus = soc_canvas_get_focus_object (SOC_CANVAS (self));
  if (!SOC_IS_STAKEHOLDER (focus) || soc_map_layout_find_bubble (layout, SOC_STAKEHOLDER (focus), &bubble) == NULL)
    {
      /* Nothing yet: the first bubble in view. */
      g_autoptr(GArray) bubbles = g_array_new (FALSE, FALSE, sizeof (guint));
      SocRect area = _soc_stakeholder_map_area (self);

      soc_map_layout_bubbles_in (layout, &area, FALSE, bubbles);
      next = bubbles->len > 0 ? g_array_index (bubbles, guint, 0) : 0;
    }
  else if (!soc_map_layout_neighbour (layout, bubble, direction, &next))
    return FALSE;

  {
    SocStakeholder *s = soc_map_layout_get_bubble (layout, next)->stakeholder;

    soc_selection_select (selection, SOC_OBJECT (s));
    _soc_stakeholder_map_focus (self, s);
  }
  return TRUE;
}

/* The numbers a drag of DX, DY pixels gives STAKEHOLDER: whole points,
 * within 0 to 100. */
void
soc_stakeholder_map_drag_values (SocStakeholderMap *self,
                                 SocStakeholder    *stakeholder,
                                 double             dx,
                                 double             dy,
                                 int               *influence,
                                 int               *interest)
{
  g_return_if_fail (SOC_IS_STAKEHOLDER_MAP (self));
  g_return_if_fail (SOC_IS_STAKEHOLDER (stakeholder));

  *interest = CLAMP (soc_stakeholder_get_interest (stakeholder) + (int) lround (dx / self->zoom), 0, SOC_MAP_MAX_VALUE);
  *influence = CLAMP (soc_stakeholder_get_influence (stakeholder) - (int) lround (dy / self->zoom), 0, SOC_MAP_MAX_VALUE);
}

/* ------------------------------------------------------------------------ */
/* GtkWidget                                                                */

static gboolean
fit_on_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  /* Unless someone chose a zoom in the meantime. */
  if (SOC_STAKEHOLDER_MAP (widget)->fit_pending)
    soc_stakeholder_map_zoom_to_fit (SOC_STAKEHOLDER_MAP (widget));
  return G_SOURCE_REMOVE;
}

static void
soc_stakeholder_map_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (widget);

  /* The grid fits the view, as it changes size, until the user zooms; not
   * from inside this allocation: a zoom changes what the toolbar says. */
  if (!self->zoomed && !self->fit_pending && self->document != NULL && width > 200 && height > 200 &&
      (width != self->fit_width || height != self->fit_height))
    {
      self->fit_pending = TRUE;
      gtk_widget_add_tick_callback (widget, fit_on_tick, NULL, NULL);
    }
  GTK_WIDGET_CLASS (soc_stakeholder_map_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->menu != NULL && gtk_widget_get_visible (self->menu))
    gtk_popover_present (GTK_POPOVER (self->menu));
  if (self->link_popover != NULL && gtk_widget_get_visible (self->link_popover))
    gtk_popover_present (GTK_POPOVER (self->link_popover));
}

static void
soc_stakeholder_map_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (widget);

  g_clear_pointer (&self->axes, gsk_render_node_unref);
  GTK_WIDGET_CLASS (soc_stakeholder_map_parent_class)->css_changed (widget, change);
}

static gboolean
soc_stakeholder_map_grab_focus (GtkWidget *widget)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (widget);
  SocSelection *selection = soc_canvas_get_selection (SOC_CANVAS (self));
  SocObject *focus = selection != NULL ? soc_selection_get_focus (selection) : NULL;
  SocMapLayout *layout = _soc_stakeholder_map_ensure_layout (self);

  /* The keyboard goes to the selected stakeholder, scrolled into view. */
  if (layout != NULL && SOC_IS_STAKEHOLDER (focus) && soc_map_layout_find_bubble (layout, SOC_STAKEHOLDER (focus), NULL) != NULL)
    {
      soc_stakeholder_map_reveal (self, focus);
      soc_canvas_set_focus_object (SOC_CANVAS (self), focus);
    }
  return GTK_WIDGET_CLASS (soc_stakeholder_map_parent_class)->grab_focus (widget);
}

static void
soc_stakeholder_map_dispose (GObject *object)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (object);

  soc_stakeholder_map_set_document (self, NULL, NULL);
  _soc_stakeholder_map_dispose_input (self);
  g_clear_pointer (&self->axes, gsk_render_node_unref);
  g_clear_pointer (&self->widths, soc_map_widths_free);

  G_OBJECT_CLASS (soc_stakeholder_map_parent_class)->dispose (object);
}

static void
soc_stakeholder_map_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SHOW_EDGES:
      g_value_set_boolean (value, self->show_edges);
      break;
    case PROP_FILTERED:
      g_value_set_boolean (value, !soc_map_filter_is_all (&self->filter));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_stakeholder_map_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      soc_stakeholder_map_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SHOW_EDGES:
      soc_stakeholder_map_set_show_edges (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_stakeholder_map_class_init (SocStakeholderMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SocCanvasClass *canvas_class = SOC_CANVAS_CLASS (klass);

  object_class->dispose = soc_stakeholder_map_dispose;
  object_class->get_property = soc_stakeholder_map_get_property;
  object_class->set_property = soc_stakeholder_map_set_property;
  widget_class->size_allocate = soc_stakeholder_map_size_allocate;
  widget_class->css_changed = soc_stakeholder_map_css_changed;
  widget_class->grab_focus = soc_stakeholder_map_grab_focus;
  canvas_class->get_content_size = soc_stakeholder_map_get_content_size;
  canvas_class->paint_content = soc_stakeholder_map_paint_content;
  canvas_class->snapshot_overlay = soc_stakeholder_map_snapshot_overlay;
  canvas_class->items_in = soc_stakeholder_map_items_in;
  canvas_class->describe = soc_stakeholder_map_describe;
  canvas_class->zoom = soc_stakeholder_map_zoom;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, SOC_MAP_ZOOM_MIN, SOC_MAP_ZOOM_MAX, SOC_MAP_ZOOM_DEFAULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_EDGES] =
    g_param_spec_boolean ("show-edges", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTERED] =
    g_param_spec_boolean ("filtered", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "stakeholdermap");
  _soc_stakeholder_map_class_init_input (klass);
}

static void
soc_stakeholder_map_init (SocStakeholderMap *self)
{
  self->zoom = SOC_MAP_ZOOM_DEFAULT;
  self->show_edges = TRUE;
  soc_map_filter_init (&self->filter);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stakeholder map"),
                                  -1);
  _soc_stakeholder_map_init_input (self);
}

GtkWidget *
soc_stakeholder_map_new (void)
{
  return g_object_new (SOC_TYPE_STAKEHOLDER_MAP, NULL);
}

/* Shows DOCUMENT's stakeholders, with SELECTION, the plan's selection. */
void
soc_stakeholder_map_set_document (SocStakeholderMap *self,
                                  SocDocument       *document,
                                  SocSelection      *selection)
{
  SocSelection *old;

  g_return_if_fail (SOC_IS_STAKEHOLDER_MAP (self));

  old = soc_canvas_get_selection (SOC_CANVAS (self));
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);

  /* The children and the pointer name stakeholders of the old document. */
  _soc_stakeholder_map_forget_pointer (self);
  soc_canvas_set_selection (SOC_CANVAS (self), selection);

  g_set_object (&self->document, document);
  self->zoomed = FALSE;
  self->fit_width = self->fit_height = 0;
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
      g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selection_changed), self);
    }
  _soc_stakeholder_map_invalidate (self, TRUE);
}

SocMapLayout *
soc_stakeholder_map_get_layout (SocStakeholderMap *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER_MAP (self), NULL);
  return _soc_stakeholder_map_ensure_layout (self);
}
