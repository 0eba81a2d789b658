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
    return usage_error (_("name a command: validate, info or convert"));

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

  return usage_error (_("unknown command “%s”"), command);
}
