/* soc-cli-share.h: socplan-cli diff and merge, the commands for sharing plans
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each takes main()'s arguments (argv[1] is the command) and returns the
 * exit status. */
int soc_cli_diff  (int    argc,
                   char **argv);
int soc_cli_merge (int    argc,
                   char **argv);

G_END_DECLS
