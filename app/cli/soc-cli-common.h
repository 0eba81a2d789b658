/* soc-cli-common.h: what socplan-cli's commands share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"

G_BEGIN_DECLS

enum {
  SOC_CLI_EXIT_OK = 0,
  SOC_CLI_EXIT_DOCUMENT = 1,
  SOC_CLI_EXIT_USAGE = 2,
};

int          soc_cli_usage_error   (const char    *format,
                                    ...) G_GNUC_PRINTF (1, 2);
gboolean     soc_cli_parse_options (const char    *command,
                                    const char    *parameter,
                                    GOptionEntry  *entries,
                                    int           *argc,
                                    char        ***argv,
                                    int           *exit_code);
SocDocument *soc_cli_load          (const char    *path);
gboolean     soc_cli_write_file    (const char    *path,
                                    GBytes        *bytes);

G_END_DECLS
