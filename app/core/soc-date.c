/* soc-date.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-date"

#include "config.h"

#include "soc-date.h"

guint
soc_date_from_ymd (int year,
                   int month,
                   int day)
{
  if (year < SOC_DATE_MIN_YEAR || year > SOC_DATE_MAX_YEAR)
    return SOC_DATE_NONE;
  if (month < 1 || month > 12)
    return SOC_DATE_NONE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return SOC_DATE_NONE;

  {
    GDate d;

    g_date_clear (&d, 1);
    g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    return g_date_get_julian (&d);
  }
}

void
soc_date_to_ymd (guint  date,
                 int   *year,
                 int   *month,
                 int   *day)
{
  GDate d;

  g_return_if_fail (date != SOC_DATE_NONE);

  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);
  *year = g_date_get_year (&d);
  *month = g_date_get_month (&d);
  *day = g_date_get_day (&d);
}

static inline int
digits (const char *p,
        int         n)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return -1;
      v = v * 10 + (p[i] - '0');
    }
  return v;
}

/* Parses exactly "YYYY-MM-DD" (LEN bytes, not necessarily nul-terminated). */
gboolean
soc_date_parse (const char *text,
                gsize       len,
                guint      *date)
{
  int y, m, d;
  guint v;

  if (len != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  y = digits (text, 4);
  m = digits (text + 5, 2);
  d = digits (text + 8, 2);
  if (y < 0 || m < 0 || d < 0)
    return FALSE;
  v = soc_date_from_ymd (y, m, d);
  if (v == SOC_DATE_NONE)
    return FALSE;
  *date = v;
  return TRUE;
}

void
soc_date_format (guint date,
                 char  buf[11])
{
  int y, m, d;

  if (date == SOC_DATE_NONE)
    {
      buf[0] = '\0';
      return;
    }
  soc_date_to_ymd (date, &y, &m, &d);
  g_snprintf (buf, 11, "%04d-%02d-%02d", y, m, d);
}

char *
soc_date_to_string (guint date)
{
  char buf[11];

  soc_date_format (date, buf);
  return g_strdup (buf);
}

guint
soc_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return soc_date_from_ymd (g_date_time_get_year (now),
                            g_date_time_get_month (now),
                            g_date_time_get_day_of_month (now));
}

/* The span from START to END in years (of 365.25 days), both days included. */
double
soc_date_years (guint start,
                guint end)
{
  if (start == SOC_DATE_NONE || end == SOC_DATE_NONE || end < start)
    return 0.0;
  return (double) (end - start + 1) / 365.25;
}
