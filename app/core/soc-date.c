/* soc-date.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-date"

#include "config.h"

#include "soc-date.h"
#include "soc-rules.h"

/* Day numbers as GDate counts them (1 is 0001-01-01, proleptic Gregorian),
 * computed directly: the writer formats hundreds of thousands of dates. */
#define DAYS_TO_1970 719162

static gboolean
is_leap (int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
soc_date_days_in_month (int y,
                        int m)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  return m == 2 && is_leap (y) ? 29 : days[m - 1];
}

guint
soc_date_from_ymd (int year,
                   int month,
                   int day)
{
  int y, era, yoe, doy, doe;

  if (year < SOC_DATE_MIN_YEAR || year > SOC_DATE_MAX_YEAR)
    return SOC_DATE_NONE;
  if (month < 1 || month > 12 || day < 1 || day > soc_date_days_in_month (year, month))
    return SOC_DATE_NONE;

  /* Days since 1970-01-01 (after H. Hinnant's civil calendar algorithms). */
  y = year - (month <= 2);
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (guint) (era * 146097 + doe - 719468 + DAYS_TO_1970 + 1);
}

void
soc_date_to_ymd (guint  date,
                 int   *year,
                 int   *month,
                 int   *day)
{
  int z, era, doe, yoe, doy, mp, m;

  g_return_if_fail (date != SOC_DATE_NONE);

  z = (int) date - 1 - DAYS_TO_1970 + 719468;
  era = z / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  m = mp + (mp < 10 ? 3 : -9);
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = m;
  *year = yoe + era * 400 + (m <= 2);
}

/* Parses exactly "YYYY-MM-DD" (LEN bytes, not necessarily nul-terminated):
 * the format's rule, soc_rules_parse_date(), without the reason. */
gboolean
soc_date_parse (const char *text,
                gsize       len,
                guint      *date)
{
  return soc_rules_parse_date (text, len, date) == SOC_VALUE_OK;
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
  buf[0] = (char) ('0' + y / 1000);
  buf[1] = (char) ('0' + y / 100 % 10);
  buf[2] = (char) ('0' + y / 10 % 10);
  buf[3] = (char) ('0' + y % 10);
  buf[4] = '-';
  buf[5] = (char) ('0' + m / 10);
  buf[6] = (char) ('0' + m % 10);
  buf[7] = '-';
  buf[8] = (char) ('0' + d / 10);
  buf[9] = (char) ('0' + d % 10);
  buf[10] = '\0';
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
