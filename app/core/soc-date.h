/* soc-date.h: calendar days as plain numbers
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan speaks in days, so a date is a guint holding the Julian day number
 * that GDate uses (day 1 is 0001-01-01); 0 means "not set".
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SOC_DATE_NONE 0u

/* The years a .socplan file may name. */
#define SOC_DATE_MIN_YEAR 1900
#define SOC_DATE_MAX_YEAR 2199

guint    soc_date_from_ymd   (int         year,
                              int         month,
                              int         day);
void     soc_date_to_ymd     (guint       date,
                              int        *year,
                              int        *month,
                              int        *day);
gboolean soc_date_parse      (const char *text,
                              gsize       len,
                              guint      *date);
int      soc_date_days_in_month (int  year,
                                 int  month);
void     soc_date_format     (guint       date,
                              char        buf[11]);
char    *soc_date_to_string  (guint       date);
guint    soc_date_today      (void);
double   soc_date_years      (guint       start,
                              guint       end);

G_END_DECLS
