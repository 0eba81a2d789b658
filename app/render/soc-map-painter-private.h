/* soc-map-painter-private.h: what the map painter's files share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-draw.h"
#include "soc-map-painter.h"

G_BEGIN_DECLS

/* Label cache keys for what is no object of the plan. */
#define KEY(kind, n)   GUINT_TO_POINTER (0xA0000000u | ((guint) (kind) << 16) | (guint) (n))
enum { KEY_MARK, KEY_MARK_GROUP, KEY_TICK, KEY_AXIS, KEY_TITLE, KEY_LEGEND };

SocColor _soc_map_rim_color  (const SocPalette       *p,
                              const SocColor         *body);
void     _soc_map_arrow_head (cairo_t                *cr,
                              const SocPoint         *from,
                              const SocPoint         *to);
void     _soc_map_edge_path  (cairo_t                *cr,
                              SocRelationKind         kind,
                              const SocPoint         *a,
                              const SocPoint         *b,
                              double                  width);
void     _soc_map_paint_mark (cairo_t                *cr,
                              const SocMapPaintState *state,
                              const SocMapBubble     *b,
                              const SocColor         *body);
void     _soc_map_paint_axes (cairo_t                *cr,
                              SocMapLayout           *layout,
                              const SocMapPaintState *state,
                              const SocRect          *visible);

G_END_DECLS
