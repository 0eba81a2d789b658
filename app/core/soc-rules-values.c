/* soc-rules-values.c: values as a file writes them, and as a person types them
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FORMAT.md, Values, in C. A value in a file is read exactly as written:
 * no white space around it, no locale, no hexadecimal, no length a fixed
 * buffer could cut. The same functions read what a person types into the
 * window, after trimming it.
 */

#define G_LOG_DOMAIN "soc-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "soc-date.h"
#include "soc-rules.h"

G_DEFINE_QUARK (soc-rules-error-quark, soc_rules_error)

/* A whole number is decimal digits only: no sign, no point, no exponent,
 * no white space. Leading zeros are allowed and mean nothing. */
SocValueStatus
soc_rules_parse_whole (const char *text,
                       gsize       len,
                       int         min,
                       int         max,
                       int        *value)
{
  gsize i = 0;
  gint64 v = 0;

  if (len == 0)
    return SOC_VALUE_MALFORMED;
  for (gsize k = 0; k < len; k++)
    if (text[k] < '0' || text[k] > '9')
      return SOC_VALUE_MALFORMED;

  while (i + 1 < len && text[i] == '0')
    i++;
  if (len - i > 10)
    return SOC_VALUE_OUT_OF_RANGE;
  for (; i < len; i++)
    v = v * 10 + (text[i] - '0');
  if (v < min || v > max)
    return SOC_VALUE_OUT_OF_RANGE;
  *value = (int) v;
  return SOC_VALUE_OK;
}

static gsize
skip_digits (const char *text,
             gsize       len,
             gsize       i)
{
  while (i < len && text[i] >= '0' && text[i] <= '9')
    i++;
  return i;
}

/* [+-]? (DIGITS (. DIGITS?)? | . DIGITS) ([eE] [+-]? DIGITS)?, of any
 * length, read as the nearest double; -0 is 0. A number too large for a
 * double is out of range; one too small to tell from 0 is 0. */
SocValueStatus
soc_rules_parse_number (const char *text,
                        gsize       len,
                        double     *value)
{
  g_autofree char *copy = NULL;
  gsize i = 0, digits_start;
  gboolean mantissa = FALSE;
  double v;

  if (i < len && (text[i] == '+' || text[i] == '-'))
    i++;
  digits_start = i;
  i = skip_digits (text, len, i);
  mantissa = i > digits_start;
  if (i < len && text[i] == '.')
    {
      gsize fraction = ++i;

      i = skip_digits (text, len, i);
      mantissa = mantissa || i > fraction;
    }
  if (!mantissa)
    return SOC_VALUE_MALFORMED;
  if (i < len && (text[i] == 'e' || text[i] == 'E'))
    {
      gsize exponent;

      i++;
      if (i < len && (text[i] == '+' || text[i] == '-'))
        i++;
      exponent = i;
      i = skip_digits (text, len, i);
      if (i == exponent)
        return SOC_VALUE_MALFORMED;
    }
  if (i != len)
    return SOC_VALUE_MALFORMED;

  /* The form is checked: what is left is a plain decimal that
   * g_ascii_strtod() reads the same in every locale. */
  copy = g_strndup (text, len);
  v = g_ascii_strtod (copy, NULL);
  if (!isfinite (v))
    return SOC_VALUE_OUT_OF_RANGE;
  *value = v == 0.0 ? 0.0 : v;
  return SOC_VALUE_OK;
}

static int
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

/* YYYY-MM-DD exactly, a day that exists, from 1900-01-01 to 2199-12-31. */
SocValueStatus
soc_rules_parse_date (const char *text,
                      gsize       len,
                      guint      *date)
{
  int y, m, d;

  if (len != 10 || text[4] != '-' || text[7] != '-')
    return SOC_VALUE_MALFORMED;
  y = digits (text, 4);
  m = digits (text + 5, 2);
  d = digits (text + 8, 2);
  if (y < 0 || m < 0 || d < 0)
    return SOC_VALUE_MALFORMED;
  if (y < SOC_DATE_MIN_YEAR || y > SOC_DATE_MAX_YEAR)
    return SOC_VALUE_OUT_OF_RANGE;
  if (m < 1 || m > 12 || d < 1 || d > soc_date_days_in_month (y, m))
    return SOC_VALUE_NO_SUCH_DAY;
  *date = soc_date_from_ymd (y, m, d);
  return SOC_VALUE_OK;
}

/* #rrggbb, six hexadecimal digits in either case. */
gboolean
soc_rules_colour_is_valid (const char *text,
                           gsize       len)
{
  if (len != 7 || text[0] != '#')
    return FALSE;
  for (gsize i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* A set date a plan may hold: a day from 1900-01-01 to 2199-12-31. */
gboolean
soc_rules_date_is_valid (guint date)
{
  int y, m, d;

  if (date == SOC_DATE_NONE || !g_date_valid_julian (date))
    return FALSE;
  soc_date_to_ymd (date, &y, &m, &d);
  return y >= SOC_DATE_MIN_YEAR && y <= SOC_DATE_MAX_YEAR;
}

/* Parses a date a person typed; see soc_rules_parse_date(). */
gboolean
soc_rules_parse_typed_date (const char  *text,
                            guint       *date,
                            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize len = strlen (trimmed);
  int m;

  if (len == 0)
    {
      *date = SOC_DATE_NONE;
      return TRUE;
    }

  switch (soc_rules_parse_date (trimmed, len, date))
    {
    case SOC_VALUE_OK:
      return TRUE;
    case SOC_VALUE_OUT_OF_RANGE:
      g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                   _("“%s” is too far away: a plan holds dates from %d to %d"),
                   trimmed, SOC_DATE_MIN_YEAR, SOC_DATE_MAX_YEAR);
      return FALSE;
    case SOC_VALUE_NO_SUCH_DAY:
      m = digits (trimmed + 5, 2);
      if (m < 1 || m > 12)
        g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                     _("“%s” is not a date: there is no month %d"), trimmed, m);
      else
        g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                     _("“%s” is not a day of the calendar: that month has %d days"),
                     trimmed, soc_date_days_in_month (digits (trimmed, 4), m));
      return FALSE;
    case SOC_VALUE_MALFORMED:
    default:
      g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, such as 2026-03-31"), trimmed);
      return FALSE;
    }
}

/* Parses a number a person typed; see soc_rules_parse_number(). */
gboolean
soc_rules_parse_typed_number (const char  *text,
                              double      *value,
                              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize len = strlen (trimmed);

  if (len == 0)
    {
      *value = NAN;
      return TRUE;
    }

  switch (soc_rules_parse_number (trimmed, len, value))
    {
    case SOC_VALUE_OK:
      return TRUE;
    case SOC_VALUE_OUT_OF_RANGE:
      g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                   _("“%s” is too large a number"), trimmed);
      return FALSE;
    case SOC_VALUE_MALFORMED:
    case SOC_VALUE_NO_SUCH_DAY:
    default:
      g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                   _("“%s” is not a number: write it like 12, -3 or 0.5, with a point"), trimmed);
      return FALSE;
    }
}
