/* soc-cli-common.c: what socplan-cli's commands share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "socplan-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "soc-cli-common.h"

/* Says what is wrong with the command line; returns the exit status. */
int
soc_cli_usage_error (const char *format,
                     ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("socplan-cli: error: %s\n", message);
  g_printerr (_("Run “%s --help” for usage.\n"), "socplan-cli");
  return SOC_CLI_EXIT_USAGE;
}

/* Parses ARGV for one command; FALSE (with the exit status) on a usage problem. */
gboolean
soc_cli_parse_options (const char     *command,
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
      *exit_code = soc_cli_usage_error ("%s: %s", command, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Reads the plan at PATH, or says why not (FILE:LINE:COLUMN: error: …). */
SocDocument *
soc_cli_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  SocDocument *doc = soc_document_load_full (file, path, NULL, NULL, &error);

  if (doc == NULL)
    {
      if (error->domain == SOC_FORMAT_ERROR || strstr (error->message, ": error: ") != NULL)
        g_printerr ("%s\n", error->message);
      else
        g_printerr ("%s: error: %s\n", path, error->message);
    }
  return doc;
}

/* Writes BYTES to PATH, replacing it whole or not at all. */
gboolean
soc_cli_write_file (const char *path,
                    GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (!g_file_set_contents_full (path, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error))
    {
      g_printerr ("%s: error: %s\n", path, error->message);
      return FALSE;
    }
  return TRUE;
}
