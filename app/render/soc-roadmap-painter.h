/* soc-roadmap-painter.h: the roadmap on any cairo surface: screen, paper or file
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "soc-palette.h"
#include "soc-roadmap-layout.h"
#include "soc-selection.h"
#include "soc-text.h"

G_BEGIN_DECLS

typedef enum {
  SOC_ROADMAP_PAINT_CONTENT = 1 << 0,  /* ground, lanes, grid, phases, arrows, bars, labels */
  SOC_ROADMAP_PAINT_STATE   = 1 << 1,  /* today, selection, hover, drop target, focus */
  SOC_ROADMAP_PAINT_HEADER  = 1 << 2,  /* the time header, at the visible top */
  SOC_ROADMAP_PAINT_TITLES  = 1 << 3,  /* the lane titles, at the visible left */
  SOC_ROADMAP_PAINT_CHROME  = SOC_ROADMAP_PAINT_HEADER | SOC_ROADMAP_PAINT_TITLES,
  SOC_ROADMAP_PAINT_STICKY  = 1 << 4,  /* the names of bars that begin left of the visible area, kept in view */
  SOC_ROADMAP_PAINT_ALL     = 0x1f,
} SocRoadmapPaintParts;

typedef struct
{
  const SocPalette  *palette;
  SocLabelCache     *labels;
  SocSelection      *selection;    /* NULL: nothing shows selected */
  SocItem           *hover;
  SocRoadmapHitKind  hover_kind;
  gpointer           drop_target;  /* the item a dependency is drawn to, or a lane */
  SocItem           *focus;        /* the item with the keyboard focus, ringed */
  GHashTable        *failing;      /* SocItem -> a factor's title: items that fail a success factor */
  guint              today;        /* 0: no today line */
  /* A printed page's span of x, when LABEL_X1 > LABEL_X0: a label never
   * reaches past its right end, and one that begins left of it is left to
   * the page before. */
  double             label_x0;
  double             label_x1;
} SocRoadmapPaintState;

void soc_roadmap_paint_state_init (SocRoadmapPaintState *state,
                                   const SocPalette     *palette,
                                   SocLabelCache        *labels);

void soc_roadmap_paint            (cairo_t                    *cr,
                                   SocRoadmapLayout           *layout,
                                   const SocRoadmapPaintState *state,
                                   const SocRect              *visible,
                                   SocRoadmapPaintParts        parts);
void     soc_roadmap_today_line   (SocRoadmapLayout           *layout,
                                   const SocRoadmapPaintState *state,
                                   const SocRect              *visible,
                                   GArray                     *stretches);
gboolean soc_roadmap_state_bounds (SocRoadmapLayout           *layout,
                                   const SocRoadmapPaintState *state,
                                   const SocRect              *visible,
                                   SocRect                    *bounds);
guint    soc_roadmap_label_at     (SocRoadmapLayout           *layout,
                                   const SocRoadmapPaintState *state,
                                   double                      x,
                                   double                      y);
gboolean soc_roadmap_sticky_bounds (SocRoadmapLayout           *layout,
                                    const SocRoadmapPaintState *state,
                                    const SocRect              *visible,
                                    SocRect                    *bounds);
void soc_roadmap_paint_ghost      (cairo_t                    *cr,
                                   SocRoadmapLayout           *layout,
                                   const SocRoadmapPaintState *state,
                                   guint                       box,
                                   const SocRect              *rect);
void soc_roadmap_paint_link       (cairo_t                    *cr,
                                   const SocRoadmapPaintState *state,
                                   double                      x0,
                                   double                      y0,
                                   double                      x1,
                                   double                      y1,
                                   gboolean                    refused);

G_END_DECLS
