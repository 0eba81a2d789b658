/* soc-draw.h: the few shapes every painter draws
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "soc-geometry.h"

G_BEGIN_DECLS

void soc_draw_set_color    (cairo_t        *cr,
                            const SocColor *color);
void soc_draw_rounded_rect (cairo_t        *cr,
                            const SocRect  *r,
                            double          radius);
void soc_draw_arrow_head   (cairo_t        *cr,
                            const SocPoint *from,
                            const SocPoint *to,
                            double          length,
                            double          half_width);
void soc_draw_circle       (cairo_t        *cr,
                            double          cx,
                            double          cy,
                            double          r);

G_END_DECLS
