/* soc-timescale.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A day is a Julian day number (soc-date.h). Day D covers
 * [x(D), x(D + 1)): bars start at the left edge of their first day and end
 * at the right edge of their last. Units follow the calendar: weeks start
 * on Monday (ISO 8601), quarters in January, April, July and October.
 */

#define G_LOG_DOMAIN "soc-timescale"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "soc-date.h"
#include "soc-timescale.h"

void
soc_timescale_init (SocTimescale *scale,
                    guint         origin,
                    guint         end,
                    double        x0,
                    double        px_per_day)
{
  scale->origin = origin;
  scale->end = MAX (end, origin);
  scale->x0 = x0;
  scale->px_per_day = soc_zoom_clamp (px_per_day);
}

double
soc_zoom_clamp (double px_per_day)
{
  if (!(px_per_day >= SOC_ZOOM_MIN))   /* NaN too */
    return SOC_ZOOM_MIN;
  return MIN (px_per_day, SOC_ZOOM_MAX);
}

/* Where DATE begins. */
double
soc_timescale_x (const SocTimescale *scale,
                 guint               date)
{
  return scale->x0 + ((double) date - (double) scale->origin) * scale->px_per_day;
}

/* Where a fractional DATE (12.5: the middle of day 12) lies. */
double
soc_timescale_x_frac (const SocTimescale *scale,
                      double              date)
{
  return scale->x0 + (date - (double) scale->origin) * scale->px_per_day;
}

/* The day X falls in, within the years a plan may name. */
guint
soc_timescale_date (const SocTimescale *scale,
                    double              x)
{
  double d = floor ((x - scale->x0) / scale->px_per_day) + scale->origin;
  double lo = soc_date_from_ymd (SOC_DATE_MIN_YEAR, 1, 1);
  double hi = soc_date_from_ymd (SOC_DATE_MAX_YEAR, 12, 31);

  return (guint) CLAMP (d, lo, hi);
}

/* The width of every day from the origin to the end. */
double
soc_timescale_width (const SocTimescale *scale)
{
  return ((double) scale->end - (double) scale->origin + 1) * scale->px_per_day;
}

/* What drags and the keyboard move by: a day, a week or a month. */
SocTimeUnit
soc_timescale_snap_unit (const SocTimescale *scale)
{
  if (scale->px_per_day >= 8.0)
    return SOC_TIME_UNIT_DAY;
  if (scale->px_per_day >= 1.2)
    return SOC_TIME_UNIT_WEEK;
  return SOC_TIME_UNIT_MONTH;
}

/* The upper row of the time header. */
SocTimeUnit
soc_timescale_major_unit (const SocTimescale *scale)
{
  if (scale->px_per_day >= 2.5)
    return SOC_TIME_UNIT_MONTH;
  return SOC_TIME_UNIT_YEAR;
}

/* The lower row of the time header, and the grid lines. */
SocTimeUnit
soc_timescale_minor_unit (const SocTimescale *scale)
{
  if (scale->px_per_day >= 18.0)
    return SOC_TIME_UNIT_DAY;
  if (scale->px_per_day >= 2.5)
    return SOC_TIME_UNIT_WEEK;
  if (scale->px_per_day >= 0.75)
    return SOC_TIME_UNIT_MONTH;
  if (scale->px_per_day >= 0.25)
    return SOC_TIME_UNIT_QUARTER;
  return SOC_TIME_UNIT_NONE;
}

/* DATE moved to the nearest boundary of the snap unit. */
guint
soc_timescale_snap (const SocTimescale *scale,
                    guint               date)
{
  SocTimeUnit unit = soc_timescale_snap_unit (scale);
  guint before, after;

  if (unit == SOC_TIME_UNIT_DAY)
    return date;
  before = soc_time_unit_floor (unit, date);
  after = soc_time_unit_next (unit, before);
  return date - before <= after - date ? before : after;
}

/* The first day of the UNIT that holds DATE. */
guint
soc_time_unit_floor (SocTimeUnit unit,
                     guint       date)
{
  int y, m, d;

  soc_date_to_ymd (date, &y, &m, &d);
  switch (unit)
    {
    case SOC_TIME_UNIT_DAY:
    case SOC_TIME_UNIT_NONE:
      return date;
    case SOC_TIME_UNIT_WEEK:
      /* Julian day 1 (0001-01-01) was a Monday. */
      return date - (date - 1) % 7;
    case SOC_TIME_UNIT_MONTH:
      return soc_date_from_ymd (y, m, 1);
    case SOC_TIME_UNIT_QUARTER:
      return soc_date_from_ymd (y, (m - 1) / 3 * 3 + 1, 1);
    case SOC_TIME_UNIT_YEAR:
      return soc_date_from_ymd (y, 1, 1);
    default:
      g_return_val_if_reached (date);
    }
}

/* The first day of the UNIT after the one that holds DATE. */
guint
soc_time_unit_next (SocTimeUnit unit,
                    guint       date)
{
  return soc_time_unit_add (unit, soc_time_unit_floor (unit, date), 1);
}

/* DATE moved by N units, keeping the day of the month where it can
 * (31 January plus a month is the last day of February). */
guint
soc_time_unit_add (SocTimeUnit unit,
                   guint       date,
                   int         n)
{
  int y, m, d, months, dim;
  gint64 result;

  switch (unit)
    {
    case SOC_TIME_UNIT_DAY:
    case SOC_TIME_UNIT_NONE:
      result = (gint64) date + n;
      break;
    case SOC_TIME_UNIT_WEEK:
      result = (gint64) date + 7 * (gint64) n;
      break;
    case SOC_TIME_UNIT_MONTH:
    case SOC_TIME_UNIT_QUARTER:
    case SOC_TIME_UNIT_YEAR:
      soc_date_to_ymd (date, &y, &m, &d);
      months = unit == SOC_TIME_UNIT_MONTH ? n : unit == SOC_TIME_UNIT_QUARTER ? 3 * n : 12 * n;
      months += (y * 12 + (m - 1));
      y = months / 12;
      m = months % 12 + 1;
      if (y < SOC_DATE_MIN_YEAR)
        return soc_date_from_ymd (SOC_DATE_MIN_YEAR, 1, 1);
      if (y > SOC_DATE_MAX_YEAR)
        return soc_date_from_ymd (SOC_DATE_MAX_YEAR, 12, 31);
      dim = g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
      return soc_date_from_ymd (y, m, MIN (d, dim));
    default:
      g_return_val_if_reached (date);
    }
  return (guint) CLAMP (result, (gint64) soc_date_from_ymd (SOC_DATE_MIN_YEAR, 1, 1),
                        (gint64) soc_date_from_ymd (SOC_DATE_MAX_YEAR, 12, 31));
}

/* The header's name for the UNIT beginning at DATE: "2027", "Q3", "Sep" or
 * with WIDE "September 2026", "W36" or with WIDE "14 Sep", "14". */
char *
soc_time_unit_label (SocTimeUnit unit,
                     guint       date,
                     gboolean    wide)
{
  GDate g;
  char buf[64];
  int y, m, d;

  soc_date_to_ymd (date, &y, &m, &d);
  g_date_clear (&g, 1);
  g_date_set_dmy (&g, (GDateDay) d, (GDateMonth) m, (GDateYear) y);

  switch (unit)
    {
    case SOC_TIME_UNIT_YEAR:
      return g_strdup_printf ("%d", y);
    case SOC_TIME_UNIT_QUARTER:
      /* Translators: a quarter of the year in a timeline's header: Q1 to Q4 */
      return g_strdup_printf (_("Q%d"), (m - 1) / 3 + 1);
    case SOC_TIME_UNIT_MONTH:
      /* Translators: strftime formats for a month in a timeline's header, wide and narrow */
      if (g_date_strftime (buf, sizeof buf, wide ? _("%B %Y") : _("%b"), &g) == 0)
        return g_strdup_printf ("%d-%02d", y, m);
      return g_strdup (buf);
    case SOC_TIME_UNIT_WEEK:
      if (wide)
        {
          /* Translators: strftime format for the Monday that begins a week in a timeline's header */
          if (g_date_strftime (buf, sizeof buf, _("%e %b"), &g) == 0)
            return g_strdup_printf ("%d-%02d-%02d", y, m, d);
          return g_strstrip (g_strdup (buf));
        }
      /* Translators: an ISO week number in a timeline's header */
      return g_strdup_printf (_("W%u"), g_date_get_iso8601_week_of_year (&g));
    case SOC_TIME_UNIT_DAY:
      return g_strdup_printf ("%d", d);
    case SOC_TIME_UNIT_NONE:
    default:
      return g_strdup ("");
    }
}

/* Where DATE's unit stands in the unit above it, from 0: the day of the
 * month, the ISO week of the year, the month, the quarter, the year. */
guint
soc_time_unit_ordinal (SocTimeUnit unit,
                       guint       date)
{
  int y, m, d;

  soc_date_to_ymd (date, &y, &m, &d);
  switch (unit)
    {
    case SOC_TIME_UNIT_DAY:
      return (guint) d - 1;
    case SOC_TIME_UNIT_WEEK:
      {
        GDate g;

        g_date_clear (&g, 1);
        g_date_set_dmy (&g, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
        return g_date_get_iso8601_week_of_year (&g) - 1;
      }
    case SOC_TIME_UNIT_MONTH:
      return (guint) m - 1;
    case SOC_TIME_UNIT_QUARTER:
      return (guint) (m - 1) / 3;
    case SOC_TIME_UNIT_YEAR:
      return (guint) y;
    case SOC_TIME_UNIT_NONE:
    default:
      return 0;
    }
}

/* Every how many units of UNIT a label goes, when the widest is WIDEST
 * pixels: 1 when it fits a unit, else the first regular step it fits
 * (every other month, each quarter's first, each half year's...), so
 * labels come at even steps and never one here, two there. 0: none fits. */
guint
soc_timescale_label_stride (const SocTimescale *scale,
                            SocTimeUnit         unit,
                            double              widest)
{
  static const guint days[] = { 1, 2, 7, 14 }, weeks[] = { 1, 2, 4 }, months[] = { 1, 2, 3, 6, 12 },
                     quarters[] = { 1, 2, 4 }, years[] = { 1, 2, 5, 10 };
  const guint *steps;
  guint n;
  double shortest;   /* the narrowest a unit gets, in days */

  switch (unit)
    {
    case SOC_TIME_UNIT_DAY: steps = days; n = G_N_ELEMENTS (days); shortest = 1; break;
    case SOC_TIME_UNIT_WEEK: steps = weeks; n = G_N_ELEMENTS (weeks); shortest = 7; break;
    case SOC_TIME_UNIT_MONTH: steps = months; n = G_N_ELEMENTS (months); shortest = 28; break;
    case SOC_TIME_UNIT_QUARTER: steps = quarters; n = G_N_ELEMENTS (quarters); shortest = 90; break;
    case SOC_TIME_UNIT_YEAR: steps = years; n = G_N_ELEMENTS (years); shortest = 365; break;
    case SOC_TIME_UNIT_NONE:
    default:
      return 0;
    }
  for (guint i = 0; i < n; i++)
    if (widest <= steps[i] * shortest * scale->px_per_day)
      return steps[i];
  return 0;
}

/* What a unit is called, for "moves by a week". */
const char *
soc_time_unit_name (SocTimeUnit unit)
{
  switch (unit)
    {
    case SOC_TIME_UNIT_DAY: return _("day");
    case SOC_TIME_UNIT_WEEK: return _("week");
    case SOC_TIME_UNIT_MONTH: return _("month");
    case SOC_TIME_UNIT_QUARTER: return _("quarter");
    case SOC_TIME_UNIT_YEAR: return _("year");
    case SOC_TIME_UNIT_NONE:
    default: return "";
    }
}
