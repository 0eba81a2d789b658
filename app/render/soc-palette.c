/* soc-palette.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built-in palettes, one per appearance: the screen picks light, dark or
 * high contrast from the desktop's style; printing and export use the
 * print palette (white ground, little ink, readable in greyscale). The
 * colours follow the GNOME palette, as libadwaita does.
 */

#define G_LOG_DOMAIN "soc-palette"

#include "config.h"

#include "soc-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

static const SocPalette palettes[] = {
  [SOC_PALETTE_LIGHT] = {
    .kind = SOC_PALETTE_LIGHT,
    .background = RGB (0xffffff),
    .band = RGB (0xf6f5f4),
    .chrome = RGB (0xfafafa),
    .border = RGBA (0x000000, 0.15),
    .grid = RGBA (0x000000, 0.06),
    .grid_major = RGBA (0x000000, 0.16),
    .text = RGBA (0x000000, 0.85),
    .text_dim = RGBA (0x000000, 0.55),
    .accent = RGB (0x1c71d8),
    .selection = RGBA (0x3584e4, 0.18),
    .hover = RGBA (0x000000, 0.06),
    .error = RGB (0xc01c28),
    .warning = RGB (0xc64600),
    .success = RGB (0x26a269),
    .today = RGB (0xe01b24),
    .arrow = RGBA (0x000000, 0.5),
    .phase = RGBA (0x3584e4, 0.06),
    .phase_text = RGBA (0x000000, 0.7),
    .shadow = RGBA (0x000000, 0.18),
    .line_width = 1.0,
    .bar_tint = 0.62,
  },
  [SOC_PALETTE_DARK] = {
    .kind = SOC_PALETTE_DARK,
    .background = RGB (0x1e1e1e),
    .band = RGB (0x262626),
    .chrome = RGB (0x2a2a2a),
    .border = RGBA (0xffffff, 0.15),
    .grid = RGBA (0xffffff, 0.06),
    .grid_major = RGBA (0xffffff, 0.16),
    .text = RGB (0xffffff),
    .text_dim = RGBA (0xffffff, 0.6),
    .accent = RGB (0x78aeed),
    .selection = RGBA (0x78aeed, 0.22),
    .hover = RGBA (0xffffff, 0.07),
    .error = RGB (0xff7b63),
    .warning = RGB (0xffa348),
    .success = RGB (0x8ff0a4),
    .today = RGB (0xff7b63),
    .arrow = RGBA (0xffffff, 0.55),
    .phase = RGBA (0x78aeed, 0.07),
    .phase_text = RGBA (0xffffff, 0.75),
    .shadow = RGBA (0x000000, 0.5),
    .line_width = 1.0,
    .bar_tint = 0.55,
  },
  [SOC_PALETTE_HIGH_CONTRAST] = {
    .kind = SOC_PALETTE_HIGH_CONTRAST,
    .background = RGB (0xffffff),
    .band = RGB (0xf0f0f0),
    .chrome = RGB (0xffffff),
    .border = RGB (0x000000),
    .grid = RGBA (0x000000, 0.25),
    .grid_major = RGBA (0x000000, 0.6),
    .text = RGB (0x000000),
    .text_dim = RGB (0x2e2e2e),
    .accent = RGB (0x0b4fa3),
    .selection = RGBA (0x1c71d8, 0.3),
    .hover = RGBA (0x000000, 0.12),
    .error = RGB (0xa51d2d),
    .warning = RGB (0x8a3200),
    .success = RGB (0x1a6e47),
    .today = RGB (0xa51d2d),
    .arrow = RGB (0x000000),
    .phase = RGBA (0x1c71d8, 0.08),
    .phase_text = RGB (0x000000),
    .shadow = RGBA (0x000000, 0.0),
    .line_width = 2.0,
    .bar_tint = 0.7,
  },
  [SOC_PALETTE_HIGH_CONTRAST_DARK] = {
    .kind = SOC_PALETTE_HIGH_CONTRAST_DARK,
    .background = RGB (0x000000),
    .band = RGB (0x141414),
    .chrome = RGB (0x000000),
    .border = RGB (0xffffff),
    .grid = RGBA (0xffffff, 0.3),
    .grid_major = RGBA (0xffffff, 0.65),
    .text = RGB (0xffffff),
    .text_dim = RGB (0xdedede),
    .accent = RGB (0x99c1f1),
    .selection = RGBA (0x99c1f1, 0.35),
    .hover = RGBA (0xffffff, 0.15),
    .error = RGB (0xff938c),
    .warning = RGB (0xffbe6f),
    .success = RGB (0x8ff0a4),
    .today = RGB (0xff938c),
    .arrow = RGB (0xffffff),
    .phase = RGBA (0x99c1f1, 0.1),
    .phase_text = RGB (0xffffff),
    .shadow = RGBA (0x000000, 0.0),
    .line_width = 2.0,
    .bar_tint = 0.6,
  },
  [SOC_PALETTE_PRINT] = {
    .kind = SOC_PALETTE_PRINT,
    .background = RGB (0xffffff),
    .band = RGB (0xf4f4f4),
    .chrome = RGB (0xffffff),
    .border = RGBA (0x000000, 0.45),
    .grid = RGBA (0x000000, 0.12),
    .grid_major = RGBA (0x000000, 0.35),
    .text = RGB (0x000000),
    .text_dim = RGB (0x3d3d3d),
    .accent = RGB (0x1a5fb4),
    .selection = RGBA (0x000000, 0.0),
    .hover = RGBA (0x000000, 0.0),
    .error = RGB (0xa51d2d),
    .warning = RGB (0x8a3200),
    .success = RGB (0x1a6e47),
    .today = RGB (0xa51d2d),
    .arrow = RGBA (0x000000, 0.75),
    .phase = RGBA (0x000000, 0.04),
    .phase_text = RGB (0x000000),
    .shadow = RGBA (0x000000, 0.0),
    .line_width = 0.75,
    .bar_tint = 0.72,
  },
};

const SocPalette *
soc_palette_get (SocPaletteKind kind)
{
  g_return_val_if_fail (kind <= SOC_PALETTE_PRINT, &palettes[SOC_PALETTE_LIGHT]);
  return &palettes[kind];
}

/* A lane's colour: the one the plan gives it, else one for its kind of work. */
SocColor
soc_palette_lane_color (const SocPalette *palette,
                        SocLaneKind       kind,
                        const char       *colour)
{
  static const guint32 by_kind[] = {
    [SOC_LANE_KIND_CULTURE_EDUCATION] = 0x3584e4,
    [SOC_LANE_KIND_GUIDELINES_GOVERNANCE] = 0x9141ac,
    [SOC_LANE_KIND_ADVOCACY] = 0xe66100,
    [SOC_LANE_KIND_LISTENING_ENGAGEMENT] = 0x2ec27e,
    [SOC_LANE_KIND_MEASUREMENT] = 0xe5a50a,
    [SOC_LANE_KIND_TECHNOLOGY] = 0x77767b,
    [SOC_LANE_KIND_OTHER] = 0x986a44,
  };
  SocColor c;

  if (soc_color_parse (colour, &c))
    return c;
  if ((guint) kind >= G_N_ELEMENTS (by_kind))
    kind = SOC_LANE_KIND_OTHER;
  return (SocColor) RGB (by_kind[kind]);
}

/* The colours of a bar in a lane of colour LANE: a light (or, on dark, deep)
 * body, the progress in the lane's own colour, and a text colour that reads
 * on the body. */
void
soc_palette_bar_colors (const SocPalette *palette,
                        const SocColor   *lane,
                        SocColor         *body,
                        SocColor         *fill,
                        SocColor         *text)
{
  SocColor ground = soc_color_with_alpha (&palette->background, 1.0);
  SocColor b = soc_color_mix (lane, &ground, palette->bar_tint);

  if (body != NULL)
    *body = b;
  if (fill != NULL)
    {
      /* On print, the progress stays light enough for black text on it. */
      *fill = palette->kind == SOC_PALETTE_PRINT ? soc_color_mix (lane, &ground, 0.35) : *lane;
    }
  if (text != NULL)
    *text = soc_palette_text_on (palette, &b);
}

/* Black or white, whichever reads better on GROUND. White wins a close
 * call, as on GNOME's own coloured buttons: mid-tones read better in white
 * than the bare contrast ratio says. High contrast takes whichever has the
 * higher ratio (black from a luminance of 0.179 up), so that a letter on a
 * mid-grey bubble is not left at 2.9:1. */
SocColor
soc_palette_text_on (const SocPalette *palette,
                     const SocColor   *ground)
{
  SocColor black = { 0, 0, 0, 1 };
  SocColor white = { 1, 1, 1, 1 };
  gboolean high_contrast = palette != NULL && (palette->kind == SOC_PALETTE_HIGH_CONTRAST ||
                                               palette->kind == SOC_PALETTE_HIGH_CONTRAST_DARK);

  return soc_color_luminance (ground) > (high_contrast ? 0.179 : 0.36) ? black : white;
}

/* Stances, from champion (green) to blocker (red). */
SocColor
soc_palette_stance_color (const SocPalette *palette,
                          SocStance         stance)
{
  static const guint32 light[] = { 0x26a269, 0x8fbf4e, 0x9a9996, 0xe5a50a, 0xc01c28 };
  static const guint32 dark[] = { 0x57e389, 0xb5d86d, 0xc0bfbc, 0xf8e45c, 0xff7b63 };
  /* High contrast on white: every body carries its letter at 7:1 (a
   * lighter champion, a deeper blocker); the discs have black rims. */
  static const guint32 high_contrast[] = { 0x2ec27e, 0x8fbf4e, 0x9a9996, 0xe5a50a, 0xa51d2d };
  gboolean on_dark = palette->kind == SOC_PALETTE_DARK || palette->kind == SOC_PALETTE_HIGH_CONTRAST_DARK;

  if ((guint) stance >= G_N_ELEMENTS (light))
    stance = SOC_STANCE_NEUTRAL;
  if (palette->kind == SOC_PALETTE_HIGH_CONTRAST)
    return (SocColor) RGB (high_contrast[stance]);
  return (SocColor) RGB (on_dark ? dark[stance] : light[stance]);
}

/* The colour of each kind of goal: vision to metric. */
SocColor
soc_palette_goal_color (const SocPalette *palette,
                        SocGoalKind       kind)
{
  static const guint32 colours[] = {
    [SOC_GOAL_KIND_VISION] = 0x613583,
    [SOC_GOAL_KIND_BUSINESS_OBJECTIVE] = 0x1a5fb4,
    [SOC_GOAL_KIND_SOCIAL_OBJECTIVE] = 0x26a269,
    [SOC_GOAL_KIND_INITIATIVE] = 0xc64600,
    [SOC_GOAL_KIND_METRIC] = 0x5e5c64,
  };

  if ((guint) kind >= G_N_ELEMENTS (colours))
    kind = SOC_GOAL_KIND_INITIATIVE;
  return (SocColor) RGB (colours[kind]);
}
