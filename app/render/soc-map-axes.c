/* soc-map-axes.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stakeholder map's axes: influence at the left of the view, interest
 * at its bottom, each where the grid has it when that is in view and kept
 * at the edge of the view when it is not, so they stay while scrolling.
 */

#define G_LOG_DOMAIN "soc-map-painter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "soc-map-painter-private.h"

#define TICK_SPACING  30.0     /* the least room between two ticks of an axis */

static double
text_height (const SocMapPaintState *state,
             SocTextStyle            style)
{
  return soc_text_get_height (soc_label_cache_get_text (state->labels), style);
}

/* Where the axes go in VISIBLE: the influence axis at its left, the
 * interest axis at its bottom, each at its own place when that is in
 * view and kept at the edge when it is not. */
void
soc_map_axes_bounds (SocMapLayout  *layout,
                     const SocRect *visible,
                     SocRect       *left,
                     SocRect       *bottom)
{
  const SocMapMetrics *m = soc_map_layout_get_metrics (layout);
  double pad = m->group_radius + m->ring_gap + m->ring_width + 3;
  SocRect plot = soc_map_layout_get_plot (layout);
  double axis_w = plot.x - pad;
  double field_bottom = plot.y + plot.height + pad;
  double axis_h = soc_map_layout_get_height (layout) - field_bottom;
  double vb = visible->y + visible->height;

  *left = SOC_RECT_INIT (visible->x, visible->y, axis_w, visible->height);
  *bottom = SOC_RECT_INIT (visible->x, MIN (field_bottom, vb - axis_h), visible->width, axis_h);
}

static int
tick_step (double zoom)
{
  static const int steps[] = { 1, 2, 5, 10, 25, 50 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * zoom >= TICK_SPACING)
      return steps[i];
  return 50;
}

/* Paints the axes as soc_map_axes_bounds() places them: the chrome
 * behind, ticks and numbers, and each axis's title with an arrow the way
 * it grows. */
void
_soc_map_paint_axes (cairo_t                *cr,
                     SocMapLayout           *layout,
                     const SocMapPaintState *state,
                     const SocRect          *visible)
{
  const SocPalette *p = state->palette;
  SocRect left, bottom;
  int step = tick_step (soc_map_layout_get_zoom (layout));
  double sh, hh;

  if (state->labels == NULL)
    return;
  sh = text_height (state, SOC_TEXT_SMALL);
  hh = text_height (state, SOC_TEXT_HEADING);
  soc_map_axes_bounds (layout, visible, &left, &bottom);

  /* Influence, at the left: ticks from the bottom up, the title along it. */
  cairo_save (cr);
  cairo_rectangle (cr, left.x, left.y, left.width, MIN (left.height, bottom.y - left.y));
  cairo_clip (cr);
  soc_draw_set_color (cr, &p->chrome);
  cairo_paint (cr);
  for (int v = 0; v <= SOC_MAP_MAX_VALUE; v += step)
    {
      g_autofree char *text = g_strdup_printf ("%d", v);
      double y = soc_map_layout_y (layout, v);
      double natural;
      PangoLayout *pl;

      if (y < left.y - sh || y > left.y + left.height + sh)
        continue;
      pl = soc_label_cache_get (state->labels, KEY (KEY_TICK, v), SOC_TEXT_SMALL, text, -1, &natural);
      soc_draw_set_color (cr, v == SOC_MAP_MIDDLE ? &p->text : &p->text_dim);
      soc_text_show (cr, pl, left.x + left.width - 8 - natural, y - sh / 2);
      cairo_move_to (cr, left.x + left.width - 5, round (y) + 0.5);
      cairo_line_to (cr, left.x + left.width, round (y) + 0.5);
    }
  soc_draw_set_color (cr, &p->border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  {
    const char *title = _("Influence");
    double natural;
    PangoLayout *pl = soc_label_cache_get (state->labels, KEY (KEY_AXIS, 0), SOC_TEXT_HEADING, title, -1, &natural);
    SocRect plot = soc_map_layout_get_plot (layout);
    double y0 = MAX (plot.y, left.y), y1 = MIN (plot.y + plot.height, bottom.y);
    double cy = (y0 + y1) / 2;

    if (y1 - y0 > natural + 30)
      {
        double x = left.x + 6, ty = cy + natural / 2;

        /* Read upwards, with an arrow: influence grows that way. */
        cairo_save (cr);
        cairo_translate (cr, x, ty);
        cairo_rotate (cr, -G_PI / 2);
        soc_draw_set_color (cr, &p->text);
        soc_text_show (cr, pl, 0, 0);
        cairo_restore (cr);
        cairo_move_to (cr, x + hh / 2, ty - natural - 6);
        cairo_line_to (cr, x + hh / 2, ty - natural - 20);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
        cairo_move_to (cr, x + hh / 2, ty - natural - 24);
        cairo_line_to (cr, x + hh / 2 - 4, ty - natural - 17);
        cairo_line_to (cr, x + hh / 2 + 4, ty - natural - 17);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
  }
  cairo_move_to (cr, round (left.x + left.width) - 0.5, left.y);
  cairo_line_to (cr, round (left.x + left.width) - 0.5, bottom.y);
  soc_draw_set_color (cr, &p->border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Interest, below: ticks from the left, the title under them. */
  cairo_save (cr);
  cairo_rectangle (cr, bottom.x, bottom.y, bottom.width, bottom.height);
  cairo_clip (cr);
  soc_draw_set_color (cr, &p->chrome);
  cairo_paint (cr);
  for (int v = 0; v <= SOC_MAP_MAX_VALUE; v += step)
    {
      g_autofree char *text = g_strdup_printf ("%d", v);
      double x = soc_map_layout_x (layout, v);
      double natural;
      PangoLayout *pl;

      if (x < left.x + left.width - 4 || x > bottom.x + bottom.width + 20)
        continue;
      pl = soc_label_cache_get (state->labels, KEY (KEY_TICK, v), SOC_TEXT_SMALL, text, -1, &natural);
      soc_draw_set_color (cr, v == SOC_MAP_MIDDLE ? &p->text : &p->text_dim);
      soc_text_show (cr, pl, x - natural / 2, bottom.y + 7);
      cairo_move_to (cr, round (x) + 0.5, bottom.y);
      cairo_line_to (cr, round (x) + 0.5, bottom.y + 5);
    }
  soc_draw_set_color (cr, &p->border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  {
    const char *title = _("Interest");
    double natural;
    PangoLayout *pl = soc_label_cache_get (state->labels, KEY (KEY_AXIS, 1), SOC_TEXT_HEADING, title, -1, &natural);
    SocRect plot = soc_map_layout_get_plot (layout);
    double x0 = MAX (plot.x, left.x + left.width), x1 = MIN (plot.x + plot.width, bottom.x + bottom.width);
    double tx = (x0 + x1) / 2 - natural / 2, ty = bottom.y + 9 + sh;

    if (x1 - x0 > natural + 30)
      {
        soc_draw_set_color (cr, &p->text);
        soc_text_show (cr, pl, tx, ty);
        cairo_move_to (cr, tx + natural + 6, ty + hh / 2);
        cairo_line_to (cr, tx + natural + 20, ty + hh / 2);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
        cairo_move_to (cr, tx + natural + 24, ty + hh / 2);
        cairo_line_to (cr, tx + natural + 17, ty + hh / 2 - 4);
        cairo_line_to (cr, tx + natural + 17, ty + hh / 2 + 4);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
  }
  cairo_move_to (cr, bottom.x, round (bottom.y) + 0.5);
  cairo_line_to (cr, bottom.x + bottom.width, round (bottom.y) + 0.5);
  soc_draw_set_color (cr, &p->border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}
