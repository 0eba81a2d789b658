/* soc-goal-painter-private.h: what the goal painter's two files share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-draw.h"
#include "soc-goal-painter.h"

G_BEGIN_DECLS

#define RADIUS        6.0
#define SYMBOL        10.0
#define TEXT_SCALE    0.45   /* below this scale, no text: it would not read */
#define DETAIL_SCALE  0.2    /* below this, no bars or symbols either */
#define STACK         4.0    /* how far a collapsed card's stack shows */

static inline SocRect
_soc_goal_grown (const SocRect *r,
                 double         by)
{
  return SOC_RECT_INIT (r->x - by, r->y - by, r->width + 2 * by, r->height + 2 * by);
}

void _soc_goal_paint_cards  (cairo_t                 *cr,
                             SocGoalLayout           *layout,
                             const SocGoalPaintState *state,
                             const guint             *cards,
                             guint                    n);

G_END_DECLS
