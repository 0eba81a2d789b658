/* socplan-cli.c: the headless face of Socplan
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 success, 1 a document problem, 2 a usage problem.
 * Problems in files go to stderr as FILE:LINE:COLUMN: error: MESSAGE.
 */

#define G_LOG_DOMAIN "socplan-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "soc-checklist.h"
#include "soc-cli-export.h"
#include "soc-cli-import.h"
#include "soc-cli-share.h"
#include "soc-date.h"
#include "soc-document.h"
#include "soc-enum-types.h"
#include "soc-reader.h"

enum {
  EXIT_OK = 0,
  EXIT_DOCUMENT = 1,
  EXIT_USAGE = 2,
};

static const char *program = "socplan-cli";

static const char usage_text[] =
  N_("Usage:\n"
     "  socplan-cli validate FILE...      check files against the format and its rules\n"
     "  socplan-cli info FILE             what a plan holds\n"
     "  socplan-cli convert IN -o OUT     rewrite a plan in canonical form\n"
     "  socplan-cli check FILE            judge a plan against the seven success factors\n"
     "      --json                        print the result as JSON\n"
     "      --strict                      exit 1 when a factor is not met (partly met passes)\n"
     "      --today DATE                  judge owners' load from DATE on (default: the horizon start)\n"
     "  socplan-cli export FILE -o OUT    export a view; OUT's extension says how:\n"
     "                                    .pdf .svg .png (a drawing), .ics (the roadmap's\n"
     "                                    dates as a calendar), .csv (the stakeholders)\n"
     "      --view VIEW                   roadmap, goals, stakeholders or report\n"
     "      --paper a4|letter|a3, --landscape, --pages-wide N, --dpi N\n"
     "      --from DATE --to DATE         only what lies between these days\n"
     "  socplan-cli import-csv FILE IN.csv -o OUT\n"
     "                                    add or update stakeholders from a spreadsheet\n"
     "  socplan-cli diff OLD NEW          what changed, object by object (exit 1 when they differ)\n"
     "      --json                        print the changes as JSON\n"
     "      --textconv FILE               print one plan an object a line, for git's textconv\n"
     "  socplan-cli merge BASE OURS THEIRS -o OUT\n"
     "                                    three-way merge by object and field (exit 1 on conflicts)\n"
     "      --name NAME                   the plan's name in messages\n"
     "\n"
     "Options:\n"
     "  -h, --help                        show this help\n"
     "  --version                         show the version\n"
     "\n"
     "Exit status: 0 success, 1 a problem in a document, 2 a problem in the command line.\n");

static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: error: %s\n", program, message);
  g_printerr (_("Run “%s --help” for usage.\n"), program);
  return EXIT_USAGE;
}

/* Parses ARGV for one command; FALSE (with the exit code) on a usage problem. */
static gboolean
parse_options (const char     *command,
               const char     *parameter,
               GOptionEntry   *entries,
               int            *argc,
               char         ***argv,
               int            *exit_code)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, TRUE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = usage_error ("%s: %s", command, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_error (const GError *error)
{
  /* Reader errors already say FILE:LINE:COLUMN: error: */
  if (error->domain == SOC_FORMAT_ERROR || strstr (error->message, ": error: ") != NULL)
    g_printerr ("%s\n", error->message);
  else
    g_printerr ("%s: error: %s\n", program, error->message);
}

static SocDocument *
load (const char  *path,
      GPtrArray  **diagnostics,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return soc_document_load_full (file, path, diagnostics, NULL, error);
}

static int
cmd_validate (int    argc,
              char **argv)
{
  int exit_code = EXIT_OK;

  if (!parse_options ("validate", _("FILE…"), NULL, &argc, &argv, &exit_code))
    return exit_code;
  if (argc < 3)
    return usage_error (_("validate: name at least one file"));

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SocDocument) doc = load (argv[i], &diagnostics, &error);

      if (doc == NULL)
        {
          if (diagnostics == NULL || diagnostics->len == 0)
            print_error (error);
          else
            for (guint k = 0; k < diagnostics->len; k++)
              {
                g_autofree char *line = soc_diagnostic_format (g_ptr_array_index (diagnostics, k), argv[i]);
                g_printerr ("%s\n", line);
              }
          exit_code = EXIT_DOCUMENT;
          continue;
        }

      /* The schema is this version's contract; a newer minor version may
       * hold what it does not describe, and that was kept, not checked. */
      if (soc_document_get_format_minor (doc) == SOC_FORMAT_MINOR)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
          g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
          g_autoptr(GPtrArray) schema_problems =
            g_ptr_array_new_with_free_func ((GDestroyNotify) soc_diagnostic_free);

          if (bytes == NULL)
            {
              print_error (error);
              exit_code = EXIT_DOCUMENT;
              continue;
            }
          if (!soc_reader_validate_schema (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           schema_problems, &error))
            {
              for (guint k = 0; k < schema_problems->len; k++)
                {
                  g_autofree char *line = soc_diagnostic_format (g_ptr_array_index (schema_problems, k), argv[i]);
                  g_printerr ("%s\n", line);
                }
              if (error != NULL)
                print_error (error);
              exit_code = EXIT_DOCUMENT;
              continue;
            }
        }

      g_print (_("%s: a valid plan\n"), argv[i]);
    }

  return exit_code;
}

static guint
count_goals_of_kind (SocDocument *doc,
                     SocGoalKind  kind)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  GListModel *roots = soc_document_get_goals (doc);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    g_ptr_array_add (stack, g_list_model_get_item (roots, i));

  while (stack->len > 0)
    {
      g_autoptr(SocGoal) goal = g_ptr_array_steal_index_fast (stack, stack->len - 1);
      GListModel *children = soc_goal_get_children (goal);

      if (soc_goal_get_kind (goal) == kind)
        n++;
      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        g_ptr_array_add (stack, g_list_model_get_item (children, i));
    }
  return n;
}

static int
cmd_info (int    argc,
          char **argv)
{
  int exit_code = EXIT_OK;
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = NULL;
  GListModel *items;
  SocPlan *plan;
  guint milestones = 0, dependencies = 0;
  guint start, end;

  if (!parse_options ("info", _("FILE"), NULL, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return usage_error (_("info: name exactly one file"));

  doc = load (argv[2], NULL, &error);
  if (doc == NULL)
    {
      print_error (error);
      return EXIT_DOCUMENT;
    }

  plan = soc_document_get_plan (doc);
  items = soc_document_get_items (doc);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SocItem) item = g_list_model_get_item (items, i);
      GPtrArray *deps = soc_item_get_depends (item);

      if (soc_item_get_kind (item) == SOC_ITEM_KIND_MILESTONE)
        milestones++;
      dependencies += deps != NULL ? deps->len : 0;
    }

  g_print ("title: %s\n", soc_plan_get_title (plan) ? soc_plan_get_title (plan) : "");
  g_print ("organisation: %s\n", soc_plan_get_organisation (plan) ? soc_plan_get_organisation (plan) : "");
  g_print ("format-version: %d.%u\n", SOC_FORMAT_MAJOR, soc_document_get_format_minor (doc));
  g_print ("goals: %u\n", soc_document_get_n_goals (doc));
  g_print ("metrics: %u\n", count_goals_of_kind (doc, SOC_GOAL_KIND_METRIC));
  g_print ("lanes: %u\n", g_list_model_get_n_items (soc_document_get_lanes (doc)));
  g_print ("phases: %u\n", g_list_model_get_n_items (soc_document_get_phases (doc)));
  g_print ("items: %u\n", g_list_model_get_n_items (items));
  g_print ("milestones: %u\n", milestones);
  g_print ("dependencies: %u\n", dependencies);
  g_print ("stakeholders: %u\n", g_list_model_get_n_items (soc_document_get_stakeholders (doc)));
  g_print ("relationships: %u\n", g_list_model_get_n_items (soc_document_get_relationships (doc)));
  g_print ("overrides: %u\n", g_list_model_get_n_items (soc_document_get_overrides (doc)));

  start = soc_plan_get_horizon_start (plan);
  end = soc_plan_get_horizon_end (plan);
  if (start != 0 && end != 0)
    {
      char s[11], e[11], years[G_ASCII_DTOSTR_BUF_SIZE];

      soc_date_format (start, s);
      soc_date_format (end, e);
      g_ascii_formatd (years, sizeof years, "%.1f", soc_date_years (start, end));
      g_print ("horizon: %s to %s (%s years)\n", s, e, years);
    }
  else
    g_print ("horizon: not set\n");

  return EXIT_OK;
}

static int
cmd_convert (int    argc,
             char **argv)
{
  int exit_code = EXIT_OK;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the plan (- for standard output)"), N_("OUT") },
    { NULL }
  };

  if (!parse_options ("convert", _("IN -o OUT"), entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return usage_error (_("convert: name exactly one input file"));
  if (output == NULL)
    return usage_error (_("convert: say where to write with -o OUT"));

  doc = load (argv[2], NULL, &error);
  if (doc == NULL)
    {
      print_error (error);
      return EXIT_DOCUMENT;
    }

  if (g_str_equal (output, "-"))
    {
      g_autoptr(GBytes) bytes = soc_document_serialize (doc, &error);
      gsize len;
      const char *data;

      if (bytes == NULL)
        {
          print_error (error);
          return EXIT_DOCUMENT;
        }
      data = g_bytes_get_data (bytes, &len);
      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          g_printerr ("%s: error: %s\n", program, _("cannot write to standard output"));
          return EXIT_DOCUMENT;
        }
      return EXIT_OK;
    }
  else
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

      if (!soc_document_save (doc, out, SOC_SAVE_FLAGS_OVERWRITE, NULL, &error))
        {
          g_printerr ("%s: error: %s\n", output, error->message);
          return EXIT_DOCUMENT;
        }
    }
  return EXIT_OK;
}

/* JSON: a string with the escapes RFC 8259 asks for; UTF-8 passes through. */
static void
json_string (GString    *out,
             const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

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
        json_string (out, soc_enum_to_nick (SOC_TYPE_TOPICS, 1 << t));
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
      json_string (out, date);
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
      json_string (out, soc_enum_to_nick (SOC_TYPE_FACTOR, f));
      g_string_append (out, ",\"title\":");
      json_string (out, soc_enum_to_label (SOC_TYPE_FACTOR, f));
      g_string_append (out, ",\"state\":");
      json_string (out, soc_enum_to_nick (SOC_TYPE_FACTOR_STATE, soc_checklist_get_state (checklist, f)));
      g_string_append (out, ",\"score\":");
      g_string_append (out, g_ascii_formatd (number, sizeof number, "%.2f", soc_checklist_get_score (checklist, f)));
      g_string_append (out, ",\"evidence\":");
      json_string (out, soc_checklist_get_evidence (checklist, f));
      g_string_append (out, ",\"failing\":[");
      for (guint i = 0; failing[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          json_string (out, failing[i]);
        }
      g_string_append (out, "],\"override\":");
      if (soc_checklist_get_override (checklist, f, &state, &note))
        {
          g_string_append (out, "{\"state\":");
          json_string (out, soc_enum_to_nick (SOC_TYPE_FACTOR_STATE, state));
          g_string_append (out, ",\"note\":");
          json_string (out, note);
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
  json_string (out, soc_checklist_get_metrics_text (checklist));

  share = soc_checklist_get_technology_share (checklist, &technology_days, &all_days);
  g_string_append_printf (out, "},\"technology\":{\"days\":%u,\"total_days\":%u,\"share\":%s,\"target\":%d,\"text\":",
                          technology_days, all_days, g_ascii_formatd (number, sizeof number, "%.3f", share),
                          soc_checklist_get_technology_target (checklist));
  json_string (out, soc_checklist_get_technology_text (checklist));

  g_string_append (out, "}},\"curriculum\":[");
  for (guint p = 0; p < SOC_N_PROFILES; p++)
    {
      if (p > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"profile\":");
      json_string (out, soc_enum_to_nick (SOC_TYPE_PROFILE, p));
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

static int
cmd_check (int    argc,
           char **argv)
{
  int exit_code = EXIT_OK;
  gboolean json = FALSE, strict = FALSE;
  g_autofree char *today_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = NULL;
  g_autoptr(SocChecklist) checklist = NULL;
  guint today = SOC_DATE_NONE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, N_("Exit with status 1 when a factor is not met"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Judge owners’ load from this day on (YYYY-MM-DD)"), N_("DATE") },
    { NULL }
  };

  if (!parse_options ("check", _("FILE"), entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return usage_error (_("check: name exactly one file"));
  if (today_text != NULL && !soc_date_parse (today_text, strlen (today_text), &today))
    return usage_error (_("check: “%s” is not a date of the form YYYY-MM-DD"), today_text);

  doc = load (argv[2], NULL, &error);
  if (doc == NULL)
    {
      print_error (error);
      return EXIT_DOCUMENT;
    }

  checklist = soc_checklist_evaluate (doc, today);

  if (json)
    {
      g_autofree char *text = checklist_to_json (checklist);

      /* JSON is UTF-8 whatever the locale, so it bypasses g_print(). */
      if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
        {
          g_printerr ("%s: error: %s\n", program, _("cannot write to standard output"));
          return EXIT_DOCUMENT;
        }
    }
  else
    print_checklist (doc, checklist);

  if (strict)
    for (guint f = 0; f < SOC_N_FACTORS; f++)
      if (soc_checklist_get_effective_state (checklist, f) == SOC_FACTOR_STATE_NOT_MET)
        return EXIT_DOCUMENT;

  return EXIT_OK;
}

int
main (int    argc,
      char **argv)
{
  const char *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return usage_error (_("name a command: validate, info, convert, check, export or import-csv"));

  command = argv[1];
  if (g_str_equal (command, "-h") || g_str_equal (command, "--help") || g_str_equal (command, "help"))
    {
      g_print ("%s", _(usage_text));
      return EXIT_OK;
    }
  if (g_str_equal (command, "--version"))
    {
      g_print ("socplan-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  if (g_str_equal (command, "validate"))
    return cmd_validate (argc, argv);
  if (g_str_equal (command, "info"))
    return cmd_info (argc, argv);
  if (g_str_equal (command, "convert"))
    return cmd_convert (argc, argv);
  if (g_str_equal (command, "check"))
    return cmd_check (argc, argv);
  if (g_str_equal (command, "export"))
    return soc_cli_export (argc, argv);
  if (g_str_equal (command, "import-csv"))
    return soc_cli_import_csv (argc, argv);
  if (g_str_equal (command, "diff"))
    return soc_cli_diff (argc, argv);
  if (g_str_equal (command, "merge"))
    return soc_cli_merge (argc, argv);

  return usage_error (_("unknown command “%s”"), command);
}
