/* soc-geometry.h: rectangles, points and colours of the render layer
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Units are device-independent pixels (1/96 inch) everywhere in layouts and
 * painters; printing and export scale them to points.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x, y;
} SocPoint;

typedef struct
{
  double x, y, width, height;
} SocRect;

typedef struct
{
  double red, green, blue, alpha;
} SocColor;

#define SOC_RECT_INIT(x, y, w, h) ((SocRect) { (x), (y), (w), (h) })

static inline gboolean
soc_rect_intersects (const SocRect *a,
                     const SocRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static inline gboolean
soc_rect_contains_point (const SocRect *r,
                         double         x,
                         double         y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

static inline gboolean
soc_rect_contains_rect (const SocRect *outer,
                        const SocRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

void     soc_rect_take_in     (SocRect        *bounds,
                               gboolean       *any,
                               const SocRect  *r,
                               double          margin);
gboolean soc_rect_clip_out    (SocRect        *bounds,
                               const SocRect  *visible);

gboolean soc_color_parse      (const char     *text,
                               SocColor       *color);
SocColor soc_color_mix        (const SocColor *a,
                               const SocColor *b,
                               double          amount);
SocColor soc_color_with_alpha (const SocColor *color,
                               double          alpha);
double   soc_color_luminance  (const SocColor *color);
double   soc_color_contrast   (const SocColor *a,
                               const SocColor *b);
gboolean soc_color_equal      (const SocColor *a,
                               const SocColor *b);

G_END_DECLS
