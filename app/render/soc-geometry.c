/* soc-geometry.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-geometry"

#include "config.h"

#include <math.h>
#include <string.h>

#include "soc-geometry.h"

/* "#rrggbb", as plans write colours. */
gboolean
soc_color_parse (const char *text,
                 SocColor   *color)
{
  int v[6];

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    {
      v[i] = g_ascii_xdigit_value (text[i + 1]);
      if (v[i] < 0)
        return FALSE;
    }
  color->red = (v[0] * 16 + v[1]) / 255.0;
  color->green = (v[2] * 16 + v[3]) / 255.0;
  color->blue = (v[4] * 16 + v[5]) / 255.0;
  color->alpha = 1.0;
  return TRUE;
}

/* A + (B - A) * AMOUNT, alpha too. */
SocColor
soc_color_mix (const SocColor *a,
               const SocColor *b,
               double          amount)
{
  return (SocColor) {
    a->red + (b->red - a->red) * amount,
    a->green + (b->green - a->green) * amount,
    a->blue + (b->blue - a->blue) * amount,
    a->alpha + (b->alpha - a->alpha) * amount,
  };
}

SocColor
soc_color_with_alpha (const SocColor *color,
                      double          alpha)
{
  SocColor c = *color;

  c.alpha = alpha;
  return c;
}

static double
linear (double channel)
{
  return channel <= 0.03928 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/* Relative luminance, as WCAG defines it. */
double
soc_color_luminance (const SocColor *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

/* The WCAG contrast ratio of two opaque colours, 1 to 21. */
double
soc_color_contrast (const SocColor *a,
                    const SocColor *b)
{
  double la = soc_color_luminance (a);
  double lb = soc_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

gboolean
soc_color_equal (const SocColor *a,
                 const SocColor *b)
{
  return fabs (a->red - b->red) < 1e-6 && fabs (a->green - b->green) < 1e-6 &&
         fabs (a->blue - b->blue) < 1e-6 && fabs (a->alpha - b->alpha) < 1e-6;
}

/* BOUNDS made to take in R grown by MARGIN on every side; ANY: whether
 * BOUNDS holds anything yet (it does after). */
void
soc_rect_take_in (SocRect       *bounds,
                  gboolean      *any,
                  const SocRect *r,
                  double         margin)
{
  SocRect g = SOC_RECT_INIT (r->x - margin, r->y - margin, r->width + 2 * margin, r->height + 2 * margin);

  if (!*any)
    *bounds = g;
  else
    {
      double x0 = MIN (bounds->x, g.x), y0 = MIN (bounds->y, g.y);
      double x1 = MAX (bounds->x + bounds->width, g.x + g.width);
      double y1 = MAX (bounds->y + bounds->height, g.y + g.height);

      *bounds = SOC_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
    }
  *any = TRUE;
}

/* BOUNDS cut to what of it shows in VISIBLE, out to whole pixels; FALSE,
 * and BOUNDS untouched, when nothing of it shows. */
gboolean
soc_rect_clip_out (SocRect       *bounds,
                   const SocRect *visible)
{
  double x0 = MAX (bounds->x, visible->x), y0 = MAX (bounds->y, visible->y);
  double x1 = MIN (bounds->x + bounds->width, visible->x + visible->width);
  double y1 = MIN (bounds->y + bounds->height, visible->y + visible->height);

  if (x1 <= x0 || y1 <= y0)
    return FALSE;
  *bounds = SOC_RECT_INIT (floor (x0), floor (y0), ceil (x1) - floor (x0), ceil (y1) - floor (y0));
  return TRUE;
}
