/* soc-format.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "soc-date.h"
#include "soc-enum-types.h"
#include "soc-format.h"
#include "soc-goal.h"
#include "soc-object.h"
#include "soc-progress.h"

/* Dates are shown as written in the file: unambiguous in every locale. */
char *
soc_format_date (gpointer unused,
                 guint    date)
{
  return date != 0 ? soc_date_to_string (date) : g_strdup ("");
}

char *
soc_format_percent (gpointer unused,
                    int      value)
{
  /* Translators: a percentage, as in "40 %" */
  return g_strdup_printf (_("%d %%"), value);
}

char *
soc_format_label (gpointer  unused,
                  GObject  *object)
{
  if (object == NULL || !SOC_IS_OBJECT (object))
    return g_strdup ("");
  return g_strdup (soc_object_get_label (SOC_OBJECT (object)));
}

char *
soc_format_enum (gpointer unused,
                 GType    type,
                 int      value)
{
  return g_strdup (soc_enum_to_label (type, value));
}

char *
soc_format_flags (GType type,
                  guint flags)
{
  GString *s = g_string_new (NULL);

  for (guint bit = 0; bit < 32; bit++)
    if (flags & (1u << bit))
      {
        if (s->len > 0)
          g_string_append (s, ", ");
        g_string_append (s, soc_enum_to_label (type, (int) (1u << bit)));
      }
  return g_string_free (s, FALSE);
}

char *
soc_format_links (GPtrArray *objects)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; objects != NULL && i < objects->len; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, soc_object_get_label (g_ptr_array_index (objects, i)));
    }
  return g_string_free (s, FALSE);
}

/* "23 of 55 %, due 2027-12-31", or nothing for a goal without a metric. */
char *
soc_format_metric (GObject *object)
{
  SocGoal *goal = SOC_GOAL (object);
  g_autofree char *unit = NULL;
  double current, target;
  guint due;
  char c[G_ASCII_DTOSTR_BUF_SIZE], t[G_ASCII_DTOSTR_BUF_SIZE];

  if (soc_goal_get_kind (goal) != SOC_GOAL_KIND_METRIC)
    return g_strdup ("");
  g_object_get (goal, "unit", &unit, "current", &current, "target", &target, "target-date", &due, NULL);
  if (isnan (target))
    return g_strdup (_("no target yet"));
  g_snprintf (t, sizeof t, "%g", target);
  if (isnan (current))
    return g_strdup_printf (_("target %s %s"), t, unit ? unit : "");
  g_snprintf (c, sizeof c, "%g", current);
  {
    double progress = soc_goal_get_progress (goal);
    if (isnan (progress))
      /* Translators: current value of a metric, its target and unit */
      return g_strdup_printf (_("%s of %s %s"), c, t, unit ? unit : "");
    /* Translators: current value, target, unit, then how far it has come */
    return g_strdup_printf (_("%s of %s %s (%d %%)"), c, t, unit ? unit : "", (int) round (progress * 100));
  }
}

/* GOAL's progress in DOCUMENT, saying what it means: for a metric, how far
 * its current value has come from its baseline to its target ("84 days:
 * 20 % of the way from 90 to 60"); for any other goal, the mean of what is
 * measured under it ("35 % from 2 metrics"), or that nothing is. */
char *
soc_format_progress (SocDocument *document,
                     SocGoal     *goal)
{
  double baseline, target, current, progress;
  const char *unit;
  char b[G_ASCII_DTOSTR_BUF_SIZE], t[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];
  guint n = 0;

  g_return_val_if_fail (SOC_IS_GOAL (goal), NULL);

  if (soc_progress_get_values (goal, &baseline, &target, &current, &unit))
    {
      g_autofree char *now = NULL;

      if (isnan (target))
        return g_strdup (_("no target yet"));
      g_snprintf (t, sizeof t, "%g", target);
      if (isnan (current))
        return g_strdup_printf (_("target %s %s"), t, unit ? unit : "");
      g_snprintf (c, sizeof c, "%g", current);
      progress = soc_progress_of_metric (goal);
      if (isnan (progress))
        /* Translators: current value of a metric, its target and unit */
        return g_strdup_printf (_("%s of %s %s"), c, t, unit ? unit : "");
      g_snprintf (b, sizeof b, "%g", baseline);
      now = unit != NULL && unit[0] != '\0' ? g_strdup_printf ("%s %s", c, unit) : g_strdup (c);
      /* Translators: a metric's current value with its unit, how far it has come in percent, then its baseline and target */
      return g_strdup_printf (_("%s: %d %% of the way from %s to %s"), now, (int) round (progress * 100), b, t);
    }

  progress = soc_progress_lookup (soc_progress_get (document), goal, &n);
  if (isnan (progress))
    return g_strdup (_("nothing measured yet"));
  /* Translators: a goal's progress in percent, the mean of the metrics under it, and how many they are */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d %% from %u metric", "%d %% from %u metrics", n),
                          (int) round (progress * 100), n);
}

gboolean
soc_parse_date (const char *text,
                guint      *date)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (trimmed[0] == '\0')
    {
      *date = 0;
      return TRUE;
    }
  return soc_date_parse (trimmed, strlen (trimmed), date);
}

/* "FILE:LINE:COLUMN: error: MESSAGE", as the command line says it, in a
 * sentence for the window: "Line 12, column 5: the end comes before the
 * start." Anything else is returned as it is. */
char *
soc_format_problem (const char *message)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  g_return_val_if_fail (message != NULL, NULL);

  regex = g_regex_new ("^.*:([0-9]+):([0-9]+): error: (.*)$", G_REGEX_DOTALL, 0, NULL);
  if (g_regex_match (regex, message, 0, &match))
    {
      g_autofree char *line = g_match_info_fetch (match, 1);
      g_autofree char *column = g_match_info_fetch (match, 2);
      g_autofree char *text = g_match_info_fetch (match, 3);
      gsize len = strlen (text);

      if (len > 0 && text[len - 1] == '.')
        text[len - 1] = '\0';
      /* Translators: where a problem is in a file, then what it is */
      return g_strdup_printf (_("Line %s, column %s: %s."), line, column, text);
    }
  return g_strdup (message);
}

/* The same without the place: for problems that are not in the file's
 * text (it is missing, it cannot be read). */
char *
soc_format_problem_without_place (const char *message)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  g_return_val_if_fail (message != NULL, NULL);

  regex = g_regex_new ("^.*:[0-9]+:[0-9]+: error: (.*)$", G_REGEX_DOTALL, 0, NULL);
  if (g_regex_match (regex, message, 0, &match))
    return g_match_info_fetch (match, 1);
  return g_strdup (message);
}

/* When a draft was last changed, as people say it: "today at 14:05",
 * "yesterday at 09:12", or the date with the month's name, in the order
 * the translation gives. Never a numeric date whose order is a guess. */
char *
soc_format_when (GDateTime *when,
                 GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  int y, m, d, ny, nm, nd, yy, ym, yd;

  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (when);
  local_now = g_date_time_to_local (now);
  yesterday = g_date_time_add_days (local_now, -1);
  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_time_get_ymd (local_now, &ny, &nm, &nd);
  g_date_time_get_ymd (yesterday, &yy, &ym, &yd);

  if (y == ny && m == nm && d == nd)
    /* Translators: when a draft was saved today, a strftime() format */
    return g_date_time_format (local, _("today at %H:%M"));
  if (y == yy && m == ym && d == yd)
    /* Translators: when a draft was saved yesterday, a strftime() format */
    return g_date_time_format (local, _("yesterday at %H:%M"));
  /* Translators: when a draft was saved, a strftime() format: put the day,
   * the month's name and the year in your language's order */
  return g_date_time_format (local, _("%-d %B %Y at %H:%M"));
}

static char *
format_metric_closure (gpointer  unused,
                       GObject  *goal)
{
  return goal != NULL ? soc_format_metric (goal) : g_strdup ("");
}

static char *
format_goal_kind (gpointer unused,
                  int      kind)
{
  return soc_format_enum (NULL, SOC_TYPE_GOAL_KIND, kind);
}

static char *
format_goal_status (gpointer unused,
                    int      status)
{
  return soc_format_enum (NULL, SOC_TYPE_GOAL_STATUS, status);
}

static char *
format_item_kind (gpointer unused,
                  int      kind)
{
  return soc_format_enum (NULL, SOC_TYPE_ITEM_KIND, kind);
}

static char *
format_profile (gpointer unused,
                int      profile)
{
  return soc_format_enum (NULL, SOC_TYPE_PROFILE, profile);
}

static char *
format_stance (gpointer unused,
               int      stance)
{
  return soc_format_enum (NULL, SOC_TYPE_STANCE, stance);
}

static char *
format_roles (gpointer unused,
              guint    roles)
{
  return soc_format_flags (SOC_TYPE_ROLES, roles);
}

static char *
format_links (gpointer   unused,
              GPtrArray *links)
{
  return soc_format_links (links);
}

static char *
format_int (gpointer unused,
            int      value)
{
  return g_strdup_printf ("%d", value);
}

/* The closures the list cells' .ui templates use. */
void
soc_format_add_to_scope (GtkBuilderScope *scope)
{
  GtkBuilderCScope *cscope = GTK_BUILDER_CSCOPE (scope);

  gtk_builder_cscope_add_callback_symbol (cscope, "format_date", G_CALLBACK (soc_format_date));
  gtk_builder_cscope_add_callback_symbol (cscope, "format_percent", G_CALLBACK (soc_format_percent));
  gtk_builder_cscope_add_callback_symbol (cscope, "format_label", G_CALLBACK (soc_format_label));
  gtk_builder_cscope_add_callback_symbol (cscope, "format_metric", G_CALLBACK (format_metric_closure));
  gtk_builder_cscope_add_callback_symbol (cscope, "format_goal_kind", G_CALLBACK (format_goal_kind));
  gtk_builder_cscope_add_callback_symbol (cscope, "format_goal_status", G_CALLBACK (format_goal_status));
  gtk_builder_cscope_add_callback_symbol (cscope, "format_item_kind", G_CALLBACK (format_item_kind));
  gtk_builder_cscope_add_callback_symbol (cscope, "format_profile", G_CALLBACK (format_profile));
  gtk_builder_cscope_add_callback_symbol (cscope, "format_stance", G_CALLBACK (format_stance));
  gtk_builder_cscope_add_callback_symbol (cscope, "format_roles", G_CALLBACK (format_roles));
  gtk_builder_cscope_add_callback_symbol (cscope, "format_links", G_CALLBACK (format_links));
  gtk_builder_cscope_add_callback_symbol (cscope, "format_int", G_CALLBACK (format_int));
}
