/* soc-palette.h: the colours a painter uses, for screen, print and export
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-enums.h"
#include "soc-geometry.h"

G_BEGIN_DECLS

typedef enum {
  SOC_PALETTE_LIGHT,
  SOC_PALETTE_DARK,
  SOC_PALETTE_HIGH_CONTRAST,
  SOC_PALETTE_HIGH_CONTRAST_DARK,
  SOC_PALETTE_PRINT,
} SocPaletteKind;

typedef struct
{
  SocPaletteKind kind;

  SocColor background;     /* the canvas */
  SocColor band;           /* every other lane, row or quadrant */
  SocColor chrome;         /* the time header and the lane titles */
  SocColor border;         /* separators and outlines */
  SocColor grid;           /* lines at each unit of the time header */
  SocColor grid_major;     /* lines at each year, or quarter */
  SocColor text;
  SocColor text_dim;
  SocColor accent;         /* selection, focus, links being drawn */
  SocColor selection;      /* fill behind what is selected */
  SocColor hover;
  SocColor error;          /* broken dependencies, rules not met */
  SocColor warning;
  SocColor success;
  SocColor today;
  SocColor arrow;          /* dependencies */
  SocColor phase;          /* phase bands */
  SocColor phase_text;
  SocColor shadow;
  double   line_width;     /* outlines: thicker in high contrast and print */
  double   bar_tint;       /* how far a bar's body is mixed toward the background */
} SocPalette;

const SocPalette *soc_palette_get         (SocPaletteKind  kind);
SocColor          soc_palette_lane_color  (const SocPalette *palette,
                                           SocLaneKind      kind,
                                           const char      *colour);
void              soc_palette_bar_colors  (const SocPalette *palette,
                                           const SocColor  *lane,
                                           SocColor        *body,
                                           SocColor        *fill,
                                           SocColor        *text);
SocColor          soc_palette_text_on     (const SocPalette *palette,
                                           const SocColor  *ground);
SocColor          soc_palette_stance_color (const SocPalette *palette,
                                            SocStance       stance);
SocColor          soc_palette_goal_color  (const SocPalette *palette,
                                           SocGoalKind      kind);

G_END_DECLS
