/* soc-cli-check.h: socplan-cli check
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int soc_cli_check (int    argc,
                   char **argv);

G_END_DECLS
