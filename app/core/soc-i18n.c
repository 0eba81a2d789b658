/* soc-i18n.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "soc-i18n.h"

/* Sets the locale from the environment and finds the translations: the
 * installed ones, or with SOCPLAN_LOCALEDIR set, those of a build tree
 * (BUILD/po holds LL/LC_MESSAGES/socplan.mo), so that the tests and
 * `make run` speak the user's language without installing anything. Both
 * programs call this first thing in main(). */
void
soc_i18n_init (void)
{
  const char *localedir = g_getenv ("SOCPLAN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
