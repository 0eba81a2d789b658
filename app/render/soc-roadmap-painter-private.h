/* soc-roadmap-painter-private.h: what the roadmap painter's files share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-draw.h"
#include "soc-roadmap-painter.h"

G_BEGIN_DECLS

SocColor _soc_roadmap_lane_color   (const SocRoadmapPaintState *state,
                                    SocLane                    *lane);

void     _soc_roadmap_dot          (cairo_t                    *cr,
                                    double                      cx,
                                    double                      cy,
                                    double                      r);
void     _soc_roadmap_diamond      (cairo_t                    *cr,
                                    const SocRect              *r);
void     _soc_roadmap_arrow_head   (cairo_t                    *cr,
                                    const SocPoint             *from,
                                    const SocPoint             *to);
void     _soc_roadmap_polyline     (cairo_t                    *cr,
                                    const SocPoint             *points,
                                    guint                       n);
double   _soc_roadmap_bar_radius   (const SocRoadmapPaintState *state);
gboolean _soc_roadmap_label_beside (const SocRoadmapPaintState *state,
                                    const SocRoadmapBox        *box,
                                    double                     *x0,
                                    double                     *x1);
void     _soc_roadmap_bar_path     (cairo_t                    *cr,
                                    const SocRoadmapPaintState *state,
                                    const SocRoadmapBox        *box,
                                    const SocRect              *rect);

/* soc-roadmap-state.c: selection, hover, focus, drop target, today */
void     _soc_roadmap_paint_state  (cairo_t                    *cr,
                                    SocRoadmapLayout           *layout,
                                    const SocRoadmapPaintState *state,
                                    const SocRect              *visible);

/* soc-roadmap-chrome.c: what stays in view over VISIBLE */
void     _soc_roadmap_paint_header (cairo_t                    *cr,
                                    SocRoadmapLayout           *layout,
                                    const SocRoadmapPaintState *state,
                                    const SocRect              *visible);
void     _soc_roadmap_paint_titles (cairo_t                    *cr,
                                    SocRoadmapLayout           *layout,
                                    const SocRoadmapPaintState *state,
                                    const SocRect              *visible);
void     _soc_roadmap_paint_corner (cairo_t                    *cr,
                                    SocRoadmapLayout           *layout,
                                    const SocRoadmapPaintState *state,
                                    const SocRect              *visible);

G_END_DECLS
