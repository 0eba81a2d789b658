/* soc-map-painter.h: the stakeholder map on any cairo surface: screen, paper or file
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "soc-map-layout.h"
#include "soc-palette.h"
#include "soc-selection.h"
#include "soc-text.h"

G_BEGIN_DECLS

/* More bubbles than this in what is painted: a crowd, painted as plain
 * discs (a plan of thousands seen whole). Fewer may be one too, when they
 * are packed closer than anyone reads them: see soc_map_is_crowd(). */
#define SOC_MAP_CROWD 2000

gboolean soc_map_is_crowd (SocMapLayout  *layout,
                           guint          n_bubbles,
                           const SocRect *area);

typedef enum {
  SOC_MAP_PAINT_CONTENT = 1 << 0,  /* ground, quadrants, grid, relationships, bubbles, names */
  SOC_MAP_PAINT_STATE   = 1 << 1,  /* selection, hover, drop target, focus */
  SOC_MAP_PAINT_AXES    = 1 << 2,  /* the influence and interest axes, kept in view */
  SOC_MAP_PAINT_ALL     = 0x7,
} SocMapPaintParts;

typedef struct
{
  const SocPalette *palette;
  SocLabelCache    *labels;
  gboolean          edges;        /* relationships shown */
  SocSelection     *selection;    /* NULL: nothing shows selected */
  SocStakeholder   *hover;
  SocMapHitKind     hover_kind;
  SocRelationship  *hover_edge;
  SocStakeholder   *drop_target;  /* a relationship being drawn ends here */
  SocStakeholder   *focus;        /* the bubble with the keyboard focus, ringed */
} SocMapPaintState;

void     soc_map_paint_state_init (SocMapPaintState       *state,
                                   const SocPalette       *palette,
                                   SocLabelCache          *labels);

void     soc_map_paint            (cairo_t                *cr,
                                   SocMapLayout           *layout,
                                   const SocMapPaintState *state,
                                   const SocRect          *visible,
                                   SocMapPaintParts        parts);
gboolean soc_map_state_bounds     (SocMapLayout           *layout,
                                   const SocMapPaintState *state,
                                   const SocRect          *visible,
                                   SocRect                *bounds);
void     soc_map_axes_bounds      (SocMapLayout           *layout,
                                   const SocRect          *visible,
                                   SocRect                *left,
                                   SocRect                *bottom);
void     soc_map_paint_ghost      (cairo_t                *cr,
                                   SocMapLayout           *layout,
                                   const SocMapPaintState *state,
                                   guint                   bubble,
                                   const SocPoint         *center);
void     soc_map_paint_link       (cairo_t                *cr,
                                   const SocMapPaintState *state,
                                   double                  x0,
                                   double                  y0,
                                   double                  x1,
                                   double                  y1);
double   soc_map_paint_legend     (cairo_t                *cr,
                                   const SocPalette       *palette,
                                   SocLabelCache          *labels,
                                   double                  x,
                                   double                  y,
                                   double                  width);
void     soc_map_paint_fitted     (cairo_t                *cr,
                                   SocDocument            *document,
                                   const SocMapFilter     *filter,
                                   gboolean                edges,
                                   const SocPalette       *palette,
                                   SocText                *text,
                                   const SocRect          *area);

G_END_DECLS
