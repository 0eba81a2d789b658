/* soc-cli-import.c: socplan-cli import-csv FILE IN.csv -o OUT
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adds and updates stakeholders from a spreadsheet and writes the plan to
 * OUT. All or nothing: a bad row is reported as IN.csv:LINE:COLUMN: error:
 * MESSAGE (COLUMN the field, counted from 1; left out when the problem is
 * the whole row) and nothing is written.
 */

#define G_LOG_DOMAIN "socplan-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-cli-common.h"
#include "soc-cli-import.h"
#include "soc-csv-import.h"

static GBytes *
read_csv (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* Refuse a huge file before reading it into memory; loading it says
   * why a file cannot be read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && (guint64) g_file_info_get_size (info) > SOC_CSV_MAX_FILE_SIZE)
    {
      g_printerr ("%s: error: ", path);
      g_printerr (_("The file is larger than %d MiB"), (int) (SOC_CSV_MAX_FILE_SIZE >> 20));
      g_printerr ("\n");
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    g_printerr ("%s: error: %s\n", path, error->message);
  return bytes;
}

int
soc_cli_import_csv (int    argc,
                    char **argv)
{
  int exit_code = SOC_CLI_EXIT_OK;
  g_autofree char *output = NULL;
  g_autoptr(SocDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SocCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out = NULL;
  const char * const *ignored;
  const char *csv_path;
  guint line = 0, column = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the plan"), N_("OUT") },
    { NULL }
  };

  if (!soc_cli_parse_options ("import-csv", _("FILE IN.csv -o OUT"), entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 4)
    return soc_cli_usage_error (_("import-csv: name a plan and a CSV file"));
  if (output == NULL)
    return soc_cli_usage_error (_("import-csv: say where to write the plan with -o OUT"));
  csv_path = argv[3];

  doc = soc_cli_open (argv[2], &exit_code);
  if (doc == NULL)
    return exit_code;
  bytes = read_csv (csv_path);
  if (bytes == NULL)
    return SOC_CLI_EXIT_DOCUMENT;

  import = soc_csv_import_prepare (doc, bytes, csv_path, &line, &column, &error);
  if (import == NULL)
    {
      if (line > 0 && column > 0)
        g_printerr ("%s:%u:%u: error: %s\n", csv_path, line, column, error->message);
      else if (line > 0)
        g_printerr ("%s:%u: error: %s\n", csv_path, line, error->message);
      else
        g_printerr ("%s: error: %s\n", csv_path, error->message);
      return SOC_CLI_EXIT_DOCUMENT;
    }

  ignored = soc_csv_import_get_ignored_columns (import);
  for (guint i = 0; ignored[i] != NULL; i++)
    {
      g_printerr ("%s:1: warning: ", csv_path);
      g_printerr (_("the column “%s” is not a stakeholder field and is not imported"), ignored[i]);
      g_printerr ("\n");
    }

  if (!soc_csv_import_apply (import, &error))
    {
      g_printerr ("%s: error: %s\n", csv_path, error->message);
      return SOC_CLI_EXIT_DOCUMENT;
    }

  out = g_file_new_for_commandline_arg (output);
  if (!soc_document_save (doc, out, SOC_SAVE_FLAGS_OVERWRITE, NULL, &error))
    {
      g_printerr ("%s: error: %s\n", output, error->message);
      return SOC_CLI_EXIT_DOCUMENT;
    }

  g_print ("added: %u\n", soc_csv_import_get_n_added (import));
  g_print ("updated: %u\n", soc_csv_import_get_n_updated (import));
  g_print ("unchanged: %u\n", soc_csv_import_get_n_unchanged (import));
  return SOC_CLI_EXIT_OK;
}
