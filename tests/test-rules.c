/* test-rules.c: the format's rules, each once, as FORMAT.md states them
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "soc-date.h"
#include "soc-document-private.h"
#include "soc-rules.h"

/* Whole numbers: decimal digits only, leading zeros allowed. */
static void
test_whole_numbers (void)
{
  static const struct { const char *text; SocValueStatus status; int value; } cases[] = {
    { "0", SOC_VALUE_OK, 0 },
    { "60", SOC_VALUE_OK, 60 },
    { "100", SOC_VALUE_OK, 100 },
    { "0060", SOC_VALUE_OK, 60 },
    { "0000000000000000000000000000000000000000000000000000000000000000000000000000000000100", SOC_VALUE_OK, 100 },
    { "101", SOC_VALUE_OUT_OF_RANGE, 0 },
    { "99999999999999999999", SOC_VALUE_OUT_OF_RANGE, 0 },
    { "", SOC_VALUE_MALFORMED, 0 },
    { "50.0", SOC_VALUE_MALFORMED, 0 },
    { " 60", SOC_VALUE_MALFORMED, 0 },
    { "60 ", SOC_VALUE_MALFORMED, 0 },
    { "-0", SOC_VALUE_MALFORMED, 0 },
    { "-1", SOC_VALUE_MALFORMED, 0 },
    { "+5", SOC_VALUE_MALFORMED, 0 },
    { "0x10", SOC_VALUE_MALFORMED, 0 },
    { "1e2", SOC_VALUE_MALFORMED, 0 },
    { "٣", SOC_VALUE_MALFORMED, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int v = -1;
      SocValueStatus status = soc_rules_parse_whole (cases[i].text, strlen (cases[i].text), 0, 100, &v);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (status, ==, cases[i].status);
      if (status == SOC_VALUE_OK)
        g_assert_cmpint (v, ==, cases[i].value);
      else
        g_assert_cmpint (v, ==, -1);
    }
}

/* Numbers: one grammar, any length, no locale, -0 is 0. */
static void
test_numbers (void)
{
  static const struct { const char *text; SocValueStatus status; double value; } cases[] = {
    { "12", SOC_VALUE_OK, 12 },
    { "-0.5", SOC_VALUE_OK, -0.5 },
    { ".8e1", SOC_VALUE_OK, 8 },
    { "5.", SOC_VALUE_OK, 5 },
    { "+1.5E3", SOC_VALUE_OK, 1500 },
    { "1e-400", SOC_VALUE_OK, 0 },
    { "0.1000000000000000000000000000000000000000000000000000000000000000000000000001", SOC_VALUE_OK, 0.1 },
    { "1234567890123456789012345678901234567890123456789012345678901234567890", SOC_VALUE_OK, 1.2345678901234568e69 },
    { "1e308", SOC_VALUE_OK, 1e308 },
    { "1.8e308", SOC_VALUE_OUT_OF_RANGE, 0 },
    { "0x10", SOC_VALUE_MALFORMED, 0 },
    { "0X1p4", SOC_VALUE_MALFORMED, 0 },
    { "inf", SOC_VALUE_MALFORMED, 0 },
    { "nan", SOC_VALUE_MALFORMED, 0 },
    { " 60", SOC_VALUE_MALFORMED, 0 },
    { "60 ", SOC_VALUE_MALFORMED, 0 },
    { "1,5", SOC_VALUE_MALFORMED, 0 },
    { ".", SOC_VALUE_MALFORMED, 0 },
    { "-", SOC_VALUE_MALFORMED, 0 },
    { "e5", SOC_VALUE_MALFORMED, 0 },
    { "1e", SOC_VALUE_MALFORMED, 0 },
    { "", SOC_VALUE_MALFORMED, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double v = 42;
      SocValueStatus status = soc_rules_parse_number (cases[i].text, strlen (cases[i].text), &v);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (status, ==, cases[i].status);
      if (status == SOC_VALUE_OK)
        g_assert_cmpfloat (v, ==, cases[i].value);
    }

  {
    double v = 1;

    g_assert_cmpint (soc_rules_parse_number ("-0", 2, &v), ==, SOC_VALUE_OK);
    g_assert_false (signbit (v));
  }
}

/* The same under a locale that writes 0,5: nothing goes through it. */
static void
test_numbers_whatever_the_locale (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  double v = 0;
  guint date = 0;
  g_autoptr(GError) error = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      if (g_getenv ("SOC_REQUIRE_LOCALES") != NULL)
        g_error ("the de_DE.UTF-8 locale is missing");
      g_test_skip ("no de_DE.UTF-8 locale");
      return;
    }
  g_assert_cmpint (soc_rules_parse_number (".8e1", 4, &v), ==, SOC_VALUE_OK);
  g_assert_cmpfloat (v, ==, 8);
  g_assert_cmpint (soc_rules_parse_number ("0.5", 3, &v), ==, SOC_VALUE_OK);
  g_assert_cmpfloat (v, ==, 0.5);
  g_assert_cmpint (soc_rules_parse_number ("0,5", 3, &v), ==, SOC_VALUE_MALFORMED);
  g_assert_true (soc_rules_parse_typed_number (" 2.25 ", &v, &error));
  g_assert_cmpfloat (v, ==, 2.25);
  g_assert_true (soc_rules_parse_typed_date (" 2026-03-31 ", &date, &error));
  setlocale (LC_ALL, old);
}

/* Dates: YYYY-MM-DD exactly, a day that exists, 1900 to 2199. */
static void
test_dates (void)
{
  static const struct { const char *text; SocValueStatus status; } cases[] = {
    { "2026-03-31", SOC_VALUE_OK },
    { "2024-02-29", SOC_VALUE_OK },
    { "2000-02-29", SOC_VALUE_OK },
    { "1900-01-01", SOC_VALUE_OK },
    { "2199-12-31", SOC_VALUE_OK },
    { "2027-02-29", SOC_VALUE_NO_SUCH_DAY },
    { "1900-02-29", SOC_VALUE_NO_SUCH_DAY },
    { "2100-02-29", SOC_VALUE_NO_SUCH_DAY },
    { "2027-02-30", SOC_VALUE_NO_SUCH_DAY },
    { "2026-04-31", SOC_VALUE_NO_SUCH_DAY },
    { "2026-13-01", SOC_VALUE_NO_SUCH_DAY },
    { "2026-00-01", SOC_VALUE_NO_SUCH_DAY },
    { "2026-01-00", SOC_VALUE_NO_SUCH_DAY },
    { "1899-12-31", SOC_VALUE_OUT_OF_RANGE },
    { "2200-01-01", SOC_VALUE_OUT_OF_RANGE },
    { "2026-1-01", SOC_VALUE_MALFORMED },
    { " 2026-01-01", SOC_VALUE_MALFORMED },
    { "2026-01-01Z", SOC_VALUE_MALFORMED },
    { "2026/01/01", SOC_VALUE_MALFORMED },
    { "", SOC_VALUE_MALFORMED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint date = 0;
      SocValueStatus status = soc_rules_parse_date (cases[i].text, strlen (cases[i].text), &date);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_cmpint (soc_date_parse (cases[i].text, strlen (cases[i].text), &date), ==, status == SOC_VALUE_OK);
    }
}

/* What a person types is trimmed, and a refusal says what to write. */
static void
test_typed_values (void)
{
  static const struct { const char *text; const char *message; } dates[] = {
    { "2027-02-30", "“2027-02-30” is not a day of the calendar: that month has 28 days" },
    { "2026-13-01", "“2026-13-01” is not a date: there is no month 13" },
    { "31.3.2026", "“31.3.2026” is not a date: write it as YYYY-MM-DD, such as 2026-03-31" },
    { " 2300-01-01", "“2300-01-01” is too far away: a plan holds dates from 1900 to 2199" },
  };
  guint date = 1;
  double v = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (soc_rules_parse_typed_date (dates[i].text, &date, &error));
      g_assert_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, dates[i].message);
    }
  g_assert_true (soc_rules_parse_typed_date ("  ", &date, NULL));
  g_assert_cmpuint (date, ==, SOC_DATE_NONE);
  g_assert_true (soc_rules_parse_typed_date ("\t2026-03-31\n", &date, NULL));
  g_assert_cmpuint (date, ==, soc_date_from_ymd (2026, 3, 31));

  g_assert_true (soc_rules_parse_typed_number ("", &v, NULL));
  g_assert_true (isnan (v));
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (soc_rules_parse_typed_number ("0x10", &v, &error));
    g_assert_cmpstr (error->message, ==, "“0x10” is not a number: write it like 12, -3 or 0.5, with a point");
  }
}

/* The date rule, for each kind of object, in one place. */
static void
test_date_pairs (void)
{
  g_autoptr(SocItem) item = soc_item_new (SOC_ITEM_KIND_ACTIVITY);
  g_autoptr(SocPhase) phase = soc_phase_new ();
  g_autoptr(SocPlan) plan = soc_plan_new ();
  guint a = soc_date_from_ymd (2026, 1, 1), b = soc_date_from_ymd (2026, 6, 30);
  static const struct { int object; int kind; gboolean start, end, reversed; gboolean ok; const char *message; } cases[] = {
    { 0, SOC_ITEM_KIND_ACTIVITY, TRUE, TRUE, FALSE, TRUE, NULL },
    { 0, SOC_ITEM_KIND_ACTIVITY, FALSE, FALSE, FALSE, TRUE, NULL },
    { 0, SOC_ITEM_KIND_ACTIVITY, TRUE, FALSE, FALSE, FALSE, "an activity has both a start and an end date, or neither" },
    { 0, SOC_ITEM_KIND_ACTIVITY, FALSE, TRUE, FALSE, FALSE, "an activity has both a start and an end date, or neither" },
    { 0, SOC_ITEM_KIND_ACTIVITY, TRUE, TRUE, TRUE, FALSE, "the end (2026-01-01) comes before the start (2026-06-30)" },
    { 0, SOC_ITEM_KIND_MILESTONE, TRUE, FALSE, FALSE, TRUE, NULL },
    { 0, SOC_ITEM_KIND_MILESTONE, FALSE, FALSE, FALSE, TRUE, NULL },
    { 0, SOC_ITEM_KIND_MILESTONE, TRUE, TRUE, FALSE, FALSE, "a milestone has a start date only, not an end" },
    { 1, 0, TRUE, TRUE, FALSE, TRUE, NULL },
    { 1, 0, TRUE, FALSE, FALSE, FALSE, "a phase needs a start and an end date" },
    { 1, 0, FALSE, FALSE, FALSE, FALSE, "a phase needs a start and an end date" },
    { 1, 0, TRUE, TRUE, TRUE, FALSE, "the end (2026-01-01) comes before the start (2026-06-30)" },
    { 2, 0, TRUE, FALSE, FALSE, TRUE, NULL },
    { 2, 0, FALSE, FALSE, FALSE, TRUE, NULL },
    { 2, 0, TRUE, TRUE, TRUE, FALSE, "the horizon ends (2026-01-01) before it starts (2026-06-30)" },
  };
  SocObject *objects[] = { SOC_OBJECT (item), SOC_OBJECT (phase), SOC_OBJECT (plan) };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint start = cases[i].start ? (cases[i].reversed ? b : a) : 0;
      guint end = cases[i].end ? (cases[i].reversed ? a : b) : 0;
      gboolean ok = soc_rules_check_dates (objects[cases[i].object], cases[i].kind, start, end, &error);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  {
    guint start = a, end = b;

    soc_rules_dates_for_kind (SOC_ITEM_KIND_MILESTONE, &start, &end);
    g_assert_cmpuint (start, ==, a);
    g_assert_cmpuint (end, ==, SOC_DATE_NONE);
    soc_rules_dates_for_kind (SOC_ITEM_KIND_ACTIVITY, &start, &end);
    g_assert_cmpuint (end, ==, a);
  }
  g_assert_false (soc_rules_check_dates (SOC_OBJECT (item), SOC_ITEM_KIND_ACTIVITY, 1, 2, NULL));
}

static gboolean
record (SocObject  *object,
        SocObject  *target,
        const char *message,
        gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup_printf ("%s: %s", soc_object_get_id (object), message));
  return TRUE;
}

/* Whole-plan checks report each cycle once, a long one shortened. */
static void
test_cycles (void)
{
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 30; i++)
    {
      SocGoal *g = soc_goal_new (SOC_GOAL_KIND_INITIATIVE);
      g_autofree char *id = g_strdup_printf ("g%u", i);

      soc_object_set_id (SOC_OBJECT (g), id);
      g_ptr_array_add (goals, g);
    }
  /* g0 -> g1 -> g0; g2 -> g2; g3 .. g14 a cycle of 12; g15 .. g29 a chain. */
  SOC_GOAL (goals->pdata[0])->parent = goals->pdata[1];
  SOC_GOAL (goals->pdata[1])->parent = goals->pdata[0];
  SOC_GOAL (goals->pdata[2])->parent = goals->pdata[2];
  for (guint i = 3; i < 15; i++)
    SOC_GOAL (goals->pdata[i])->parent = goals->pdata[i == 14 ? 3 : i + 1];
  for (guint i = 16; i < 30; i++)
    SOC_GOAL (goals->pdata[i])->parent = goals->pdata[i - 1];

  soc_rules_find_goal_cycles (goals, record, found);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpstr (found->pdata[0], ==, "g1: the goal tree has a cycle: g0 -> g1 -> g0");
  g_assert_cmpstr (found->pdata[1], ==, "g2: the goal tree has a cycle: g2 -> g2");
  g_assert_cmpstr (found->pdata[2], ==, "g14: the goal tree has a cycle of 12 goals: g3 -> g4 -> g5 -> g6 -> g7 -> … -> g13 -> g14 -> g3");

  for (guint i = 0; i < goals->len; i++)
    SOC_GOAL (goals->pdata[i])->parent = NULL;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/whole-numbers", test_whole_numbers);
  g_test_add_func ("/rules/numbers", test_numbers);
  g_test_add_func ("/rules/numbers-whatever-the-locale", test_numbers_whatever_the_locale);
  g_test_add_func ("/rules/dates", test_dates);
  g_test_add_func ("/rules/typed-values", test_typed_values);
  g_test_add_func ("/rules/date-pairs", test_date_pairs);
  g_test_add_func ("/rules/cycles", test_cycles);

  return g_test_run ();
}
