/* soc-cli-common.h: what socplan-cli's commands share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A command is a line of the table in socplan-cli.c: its name, what it
 * takes, one line on what it does (shown by its --help and in the usage),
 * and the function that runs it. A new command goes in a file of its own
 * under app/cli and adds one line to the table.
 */

#pragma once

#include "soc-document.h"

G_BEGIN_DECLS

/* Exit status: 0 success, 1 a problem in a document, 2 a problem in the
 * command line (a wrong option, a file that cannot be read at all). */
enum {
  SOC_CLI_EXIT_OK = 0,
  SOC_CLI_EXIT_DOCUMENT = 1,
  SOC_CLI_EXIT_USAGE = 2,
};

typedef struct
{
  const char *name;        /* "validate" */
  const char *parameters;  /* "FILE…", with N_() */
  const char *summary;     /* what it does, one line, with N_() */
  const char *description; /* more for its --help, with N_(), or NULL */
  int       (*run) (int    argc,
                    char **argv);
} SocCliCommand;

/* The table (socplan-cli.c). */
const SocCliCommand *soc_cli_find_command (const char    *name);

int          soc_cli_usage_error   (const char    *format,
                                    ...) G_GNUC_PRINTF (1, 2);
gboolean     soc_cli_parse_options (const char    *command,
                                    const char    *parameter,
                                    GOptionEntry  *entries,
                                    int           *argc,
                                    char        ***argv,
                                    int           *exit_code);
SocDocument *soc_cli_open          (const char    *path,
                                    int           *exit_code);
SocDocument *soc_cli_load          (const char    *path);
SocDocument *soc_cli_load_full     (const char    *path,
                                    GPtrArray    **diagnostics,
                                    GError       **error);
int          soc_cli_report_error  (const GError  *error);
gboolean     soc_cli_write_file    (const char    *path,
                                    GBytes        *bytes);
void         soc_cli_json_string   (GString       *out,
                                    const char    *text);

G_END_DECLS
