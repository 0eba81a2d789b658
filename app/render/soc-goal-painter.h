/* soc-goal-painter.h: the goal tree on any cairo surface: screen, paper or file
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "soc-goal-layout.h"
#include "soc-palette.h"
#include "soc-selection.h"
#include "soc-text.h"

G_BEGIN_DECLS

typedef enum {
  SOC_GOAL_PAINT_CONTENT = 1 << 0,  /* ground, edges, cards and their text */
  SOC_GOAL_PAINT_STATE   = 1 << 1,  /* selection, hover, focus, drop target */
  SOC_GOAL_PAINT_ALL     = 0x3,
} SocGoalPaintParts;

typedef struct
{
  const SocPalette *palette;
  SocLabelCache    *labels;
  double            scale;         /* device pixels per layout pixel: small scales leave text out */
  SocSelection     *selection;     /* NULL: nothing shows selected */
  SocGoal          *hover;
  SocGoalHitKind    hover_kind;
  SocGoal          *drop_target;   /* the card a dragged one would go under */
  gboolean          drop_refused;  /* ...and it may not */
  SocGoal          *focus;         /* the card with the keyboard focus, ringed */
} SocGoalPaintState;

void     soc_goal_paint_state_init (SocGoalPaintState       *state,
                                    const SocPalette        *palette,
                                    SocLabelCache           *labels);
void     soc_goal_paint            (cairo_t                 *cr,
                                    SocGoalLayout           *layout,
                                    const SocGoalPaintState *state,
                                    const SocRect           *visible,
                                    SocGoalPaintParts        parts);
gboolean soc_goal_state_bounds     (SocGoalLayout           *layout,
                                    const SocGoalPaintState *state,
                                    const SocRect           *visible,
                                    SocRect                 *bounds);
void     soc_goal_paint_ghost      (cairo_t                 *cr,
                                    SocGoalLayout           *layout,
                                    const SocGoalPaintState *state,
                                    guint                    card,
                                    const SocRect           *rect);
void     soc_goal_paint_print      (cairo_t                 *cr,
                                    SocGoalLayout           *layout,
                                    SocLabelCache           *labels,
                                    const SocRect           *area);

G_END_DECLS
