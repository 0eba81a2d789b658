/* soc-timescale.h: from days to x and back, at any zoom from weeks to years
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SOC_TIME_UNIT_DAY,
  SOC_TIME_UNIT_WEEK,     /* ISO weeks, from Monday */
  SOC_TIME_UNIT_MONTH,
  SOC_TIME_UNIT_QUARTER,
  SOC_TIME_UNIT_YEAR,
  SOC_TIME_UNIT_NONE,
} SocTimeUnit;

/* Zoom presets, in pixels per day. */
#define SOC_ZOOM_WEEKS    24.0
#define SOC_ZOOM_MONTHS    5.0
#define SOC_ZOOM_QUARTERS  1.6
#define SOC_ZOOM_YEARS     0.4
#define SOC_ZOOM_MIN       0.08
#define SOC_ZOOM_MAX      64.0

typedef struct
{
  guint  origin;       /* the day at x0 */
  guint  end;          /* the last day shown */
  double x0;           /* where the origin day begins */
  double px_per_day;
} SocTimescale;

void        soc_timescale_init        (SocTimescale       *scale,
                                       guint               origin,
                                       guint               end,
                                       double              x0,
                                       double              px_per_day);
double      soc_timescale_x           (const SocTimescale *scale,
                                       guint               date);
double      soc_timescale_x_frac      (const SocTimescale *scale,
                                       double              date);
guint       soc_timescale_date        (const SocTimescale *scale,
                                       double              x);
double      soc_timescale_width       (const SocTimescale *scale);
SocTimeUnit soc_timescale_snap_unit   (const SocTimescale *scale);
SocTimeUnit soc_timescale_major_unit  (const SocTimescale *scale);
SocTimeUnit soc_timescale_minor_unit  (const SocTimescale *scale);
guint       soc_timescale_snap        (const SocTimescale *scale,
                                       guint               date);
double      soc_zoom_clamp            (double              px_per_day);

guint       soc_time_unit_floor       (SocTimeUnit         unit,
                                       guint               date);
guint       soc_time_unit_next        (SocTimeUnit         unit,
                                       guint               date);
guint       soc_time_unit_add         (SocTimeUnit         unit,
                                       guint               date,
                                       int                 n);
char       *soc_time_unit_label       (SocTimeUnit         unit,
                                       guint               date,
                                       gboolean            wide);
const char *soc_time_unit_name        (SocTimeUnit         unit);
guint       soc_time_unit_ordinal     (SocTimeUnit         unit,
                                       guint               date);
guint       soc_timescale_label_stride (const SocTimescale *scale,
                                        SocTimeUnit         unit,
                                        double              widest);

G_END_DECLS
