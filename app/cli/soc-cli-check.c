/* soc-cli-check.c: socplan-cli check, the success-factor checklist
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "socplan-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "soc-checklist.h"
#include "soc-cli-check.h"
#include "soc-cli-common.h"
#include "soc-date.h"
#include "soc-enum-types.h"

static void
json_topics (GString   *out,
             SocTopics  topics)
{
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  for (guint t = 0; t < SOC_N_TOPICS; t++)
    if (topics & (1u << t))
      {
        if (!first)
          g_string_append_c (out, ',');
        soc_cli_json_string (out, soc_enum_to_nick (SOC_TYPE_TOPICS, 1 << t));
        first = FALSE;
      }
  g_string_append_c (out, ']');
}

static char *
checklist_to_json (SocChecklist *checklist)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char date[11];
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  guint measured, social, technology_days, all_days;
  double share;

  g_string_append (out, "{\"today\":");
  if (soc_checklist_get_today (checklist) != SOC_DATE_NONE)
    {
      soc_date_format (soc_checklist_get_today (checklist), date);
      soc_cli_json_string (out, date);
    }
  else
    g_string_append (out, "null");

  g_string_append_printf (out, ",\"score\":{\"met\":%u,\"total\":%u},\"factors\":[",
                          soc_checklist_get_n_met (checklist), (guint) SOC_N_FACTORS);
  for (guint f = 0; f < SOC_N_FACTORS; f++)
    {
      const char * const *failing = soc_checklist_get_failing (checklist, f, NULL);
      SocFactorState state;
      const char *note;

      if (f > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"id\":");
      soc_cli_json_string (out, soc_enum_to_nick (SOC_TYPE_FACTOR, f));
      g_string_append (out, ",\"title\":");
      soc_cli_json_string (out, soc_enum_to_label (SOC_TYPE_FACTOR, f));
      g_string_append (out, ",\"state\":");
      soc_cli_json_string (out, soc_enum_to_nick (SOC_TYPE_FACTOR_STATE, soc_checklist_get_state (checklist, f)));
      g_string_append (out, ",\"score\":");
      g_string_append (out, g_ascii_formatd (number, sizeof number, "%.2f", soc_checklist_get_score (checklist, f)));
      g_string_append (out, ",\"evidence\":");
      soc_cli_json_string (out, soc_checklist_get_evidence (checklist, f));
      g_string_append (out, ",\"failing\":[");
      for (guint i = 0; failing[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          soc_cli_json_string (out, failing[i]);
        }
      g_string_append (out, "],\"override\":");
      if (soc_checklist_get_override (checklist, f, &state, &note))
        {
          g_string_append (out, "{\"state\":");
          soc_cli_json_string (out, soc_enum_to_nick (SOC_TYPE_FACTOR_STATE, state));
          g_string_append (out, ",\"note\":");
          soc_cli_json_string (out, note);
          g_string_append_c (out, '}');
        }
      else
        g_string_append (out, "null");
      g_string_append_c (out, '}');
    }

  share = soc_checklist_get_metrics_share (checklist, &measured, &social);
  g_string_append_printf (out, "],\"benchmarks\":{\"metrics\":{\"measured\":%u,\"total\":%u,\"share\":%s,\"benchmark\":%d,\"text\":",
                          measured, social, g_ascii_formatd (number, sizeof number, "%.3f", share),
                          soc_checklist_get_metrics_benchmark (checklist));
  soc_cli_json_string (out, soc_checklist_get_metrics_text (checklist));

  share = soc_checklist_get_technology_share (checklist, &technology_days, &all_days);
  g_string_append_printf (out, "},\"technology\":{\"days\":%u,\"total_days\":%u,\"share\":%s,\"target\":%d,\"text\":",
                          technology_days, all_days, g_ascii_formatd (number, sizeof number, "%.3f", share),
                          soc_checklist_get_technology_target (checklist));
  soc_cli_json_string (out, soc_checklist_get_technology_text (checklist));

  g_string_append (out, "}},\"curriculum\":[");
  for (guint p = 0; p < SOC_N_PROFILES; p++)
    {
      if (p > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"profile\":");
      soc_cli_json_string (out, soc_enum_to_nick (SOC_TYPE_PROFILE, p));
      g_string_append_printf (out, ",\"present\":%s,\"reached\":%s,\"given\":",
                              soc_checklist_get_profiles_present (checklist) & (1u << p) ? "true" : "false",
                              soc_checklist_get_profiles_reached (checklist) & (1u << p) ? "true" : "false");
      json_topics (out, soc_checklist_get_topics_given (checklist, p));
      g_string_append (out, ",\"needed\":");
      json_topics (out, soc_checklist_get_topics_needed (checklist, p));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
print_checklist (SocDocument  *doc,
                 SocChecklist *checklist)
{
  static const char *const symbols[] = { "✓", "~", "✗" };
  g_autofree char *score = soc_checklist_format_score (checklist);

  for (guint f = 0; f < SOC_N_FACTORS; f++)
    {
      const char * const *failing = soc_checklist_get_failing (checklist, f, NULL);
      SocFactorState state;
      const char *note;

      g_print ("%s %s: %s\n", symbols[soc_checklist_get_state (checklist, f)],
               soc_enum_to_label (SOC_TYPE_FACTOR, f), soc_checklist_get_evidence (checklist, f));
      if (soc_checklist_get_override (checklist, f, &state, &note))
        {
          if (note != NULL)
            /* Translators: the strategist's own state of a factor (such as "Met"), then their note */
            g_print (_("    Judged “%s” by the strategist: %s\n"), soc_enum_to_label (SOC_TYPE_FACTOR_STATE, state), note);
          else
            g_print (_("    Judged “%s” by the strategist\n"), soc_enum_to_label (SOC_TYPE_FACTOR_STATE, state));
        }
      for (guint i = 0; failing[i] != NULL; i++)
        {
          SocObject *object = soc_document_lookup (doc, failing[i]);
          const char *label = object != NULL ? soc_object_get_label (object) : NULL;

          if (label != NULL && label[0] != '\0')
            g_print ("    %s  %s\n", failing[i], label);
          else
            g_print ("    %s\n", failing[i]);
        }
    }

  g_print ("%s\n", soc_checklist_get_metrics_text (checklist));
  g_print ("%s\n", soc_checklist_get_technology_text (checklist));
  g_print ("%s\n", score);
}

int
soc_cli_check (int    argc,
               char **argv)
{
  int exit_code = SOC_CLI_EXIT_OK;
  gboolean json = FALSE, strict = FALSE;
  g_autofree char *today_text = NULL;
  g_autoptr(SocDocument) doc = NULL;
  g_autoptr(SocChecklist) checklist = NULL;
  guint today = SOC_DATE_NONE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, N_("Exit with status 1 when a factor is not met"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Judge owners’ load from this day on (YYYY-MM-DD)"), N_("DATE") },
    { NULL }
  };

  if (!soc_cli_parse_options ("check", _("FILE"), entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return soc_cli_usage_error (_("check: name exactly one file"));
  if (today_text != NULL && !soc_date_parse (today_text, strlen (today_text), &today))
    return soc_cli_usage_error (_("check: “%s” is not a date of the form YYYY-MM-DD"), today_text);

  doc = soc_cli_open (argv[2], &exit_code);
  if (doc == NULL)
    return exit_code;

  checklist = soc_checklist_evaluate (doc, today);

  if (json)
    {
      g_autofree char *text = checklist_to_json (checklist);

      /* JSON is UTF-8 whatever the locale, so it bypasses g_print(). */
      if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
        {
          g_printerr ("socplan-cli: error: %s\n", _("cannot write to standard output"));
          return SOC_CLI_EXIT_DOCUMENT;
        }
    }
  else
    print_checklist (doc, checklist);

  if (strict)
    for (guint f = 0; f < SOC_N_FACTORS; f++)
      if (soc_checklist_get_effective_state (checklist, f) == SOC_FACTOR_STATE_NOT_MET)
        return SOC_CLI_EXIT_DOCUMENT;

  return SOC_CLI_EXIT_OK;
}
