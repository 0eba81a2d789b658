/* soc-draw.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shapes the painters share, as paths in Bézier curves: no
 * trigonometry, for the hundreds of bars, cards and bubbles of a frame.
 */

#define G_LOG_DOMAIN "soc-draw"

#include "config.h"

#include <math.h>

#include "soc-draw.h"

/* The quarter circle's control points lie this far along its tangents. */
#define KAPPA 0.5523

void
soc_draw_set_color (cairo_t        *cr,
                    const SocColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Adds R with corners rounded by RADIUS (at most half its shorter side;
 * under half a pixel: square) to CR's path, as a sub-path of its own. */
void
soc_draw_rounded_rect (cairo_t       *cr,
                       const SocRect *r,
                       double         radius)
{
  double rad = MIN (radius, MIN (r->width, r->height) / 2);
  double x0 = r->x, y0 = r->y, x1 = r->x + r->width, y1 = r->y + r->height;
  double c = rad * (1 - KAPPA);

  if (rad < 0.5)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      return;
    }
  cairo_move_to (cr, x0 + rad, y0);
  cairo_line_to (cr, x1 - rad, y0);
  cairo_curve_to (cr, x1 - c, y0, x1, y0 + c, x1, y0 + rad);
  cairo_line_to (cr, x1, y1 - rad);
  cairo_curve_to (cr, x1, y1 - c, x1 - c, y1, x1 - rad, y1);
  cairo_line_to (cr, x0 + rad, y1);
  cairo_curve_to (cr, x0 + c, y1, x0, y1 - c, x0, y1 - rad);
  cairo_line_to (cr, x0, y0 + rad);
  cairo_curve_to (cr, x0, y0 + c, x0 + c, y0, x0 + rad, y0);
  cairo_close_path (cr);
}

/* Adds an arrow head to CR's path: its tip at TO, LENGTH back along the
 * line from FROM, HALF_WIDTH to each side. */
void
soc_draw_arrow_head (cairo_t        *cr,
                     const SocPoint *from,
                     const SocPoint *to,
                     double          length,
                     double          half_width)
{
  double dx = to->x - from->x, dy = to->y - from->y;
  double len = sqrt (dx * dx + dy * dy);
  double ux, uy;

  if (len < 1e-6)
    return;
  ux = dx / len;
  uy = dy / len;
  cairo_move_to (cr, to->x, to->y);
  cairo_line_to (cr, to->x - length * ux - half_width * uy, to->y - length * uy + half_width * ux);
  cairo_line_to (cr, to->x - length * ux + half_width * uy, to->y - length * uy - half_width * ux);
  cairo_close_path (cr);
}

/* Adds a circle of radius R around CX, CY to CR's path, as four curves. */
void
soc_draw_circle (cairo_t *cr,
                 double   cx,
                 double   cy,
                 double   r)
{
  const double k = KAPPA * r;

  cairo_new_sub_path (cr);
  cairo_move_to (cr, cx + r, cy);
  cairo_curve_to (cr, cx + r, cy + k, cx + k, cy + r, cx, cy + r);
  cairo_curve_to (cr, cx - k, cy + r, cx - r, cy + k, cx - r, cy);
  cairo_curve_to (cr, cx - r, cy - k, cx - k, cy - r, cx, cy - r);
  cairo_curve_to (cr, cx + k, cy - r, cx + r, cy - k, cx + r, cy);
  cairo_close_path (cr);
}
