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

/* Parses ARGV for COMMAND; FALSE (with the exit status) on a usage problem.
 * Its --help says what it does, from the table of commands. */
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
  g_autofree char *prgname = g_strdup_printf ("socplan-cli %s", command);
  const SocCliCommand *entry = soc_cli_find_command (command);

  /* "Usage: socplan-cli validate [OPTION…] FILE…" */
  g_set_prgname (prgname);
  g_option_context_set_help_enabled (context, TRUE);
  if (entry != NULL)
    g_option_context_set_summary (context, _(entry->summary));
  if (entry != NULL && entry->description != NULL)
    g_option_context_set_description (context, _(entry->description));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = soc_cli_usage_error ("%s: %s", command, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Reads the plan at PATH, naming it as given in messages, and returns
 * every problem in DIAGNOSTICS if asked. Says nothing. */
SocDocument *
soc_cli_load_full (const char  *path,
                   GPtrArray  **diagnostics,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return soc_document_load_full (file, path, diagnostics, NULL, error);
}

/* Prints why a plan could not be loaded and returns the exit status: a
 * file that cannot be read at all is a problem in the command line
 * ("socplan-cli: FILE: cannot be read: REASON", 2); a problem in a
 * document is said where it is ("FILE:LINE:COLUMN: error: MESSAGE", 1). */
int
soc_cli_report_error (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    {
      g_printerr ("socplan-cli: %s\n", error->message);
      return SOC_CLI_EXIT_USAGE;
    }
  if (error->domain == SOC_FORMAT_ERROR || strstr (error->message, ": error: ") != NULL)
    g_printerr ("%s\n", error->message);
  else
    g_printerr ("socplan-cli: error: %s\n", error->message);
  return SOC_CLI_EXIT_DOCUMENT;
}

/* Reads the plan at PATH, or says why not and sets EXIT_CODE: 2 for a file
 * that cannot be read at all, 1 for a problem in the plan. */
SocDocument *
soc_cli_open (const char *path,
              int        *exit_code)
{
  g_autoptr(GError) error = NULL;
  SocDocument *doc = soc_cli_load_full (path, NULL, &error);

  if (doc == NULL)
    *exit_code = soc_cli_report_error (error);
  return doc;
}

/* Reads the plan at PATH, or says why not; see soc_cli_open() for the
 * exit status that goes with it. */
SocDocument *
soc_cli_load (const char *path)
{
  int exit_code;

  return soc_cli_open (path, &exit_code);
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

/* JSON: a string with the escapes RFC 8259 asks for; UTF-8 passes through. */
void
soc_cli_json_string (GString    *out,
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
