/* main.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <unistd.h>

#include "soc-application.h"
#include "soc-i18n.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(SocApplication) app = NULL;

  /* Before GLib 2.76, objects come from slices that GLib keeps when they
   * are freed: a closed plan's hundred thousand objects would stay with the
   * process for good. Only the environment at start can turn that off, so
   * start once more with it (newer GLib allocates with malloc anyway). */
  if (glib_check_version (2, 76, 0) != NULL && g_getenv ("G_SLICE") == NULL)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      execv ("/proc/self/exe", argv);
    }

  soc_i18n_init ();

  app = soc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
