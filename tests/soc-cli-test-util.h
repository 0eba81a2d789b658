/* soc-cli-test-util.h: running socplan-cli in a test
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sys/wait.h>

/* What a run of socplan-cli said and how it ended. */
typedef struct
{
  int   status;     /* its exit status, or -1 if a signal ended it */
  char *out;
  char *err;
} SocCliRun;

static inline void
soc_cli_run_clear (SocCliRun *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SocCliRun, soc_cli_run_clear)

/* Runs $SOCPLAN_CLI with the arguments from FIRST up to NULL into R. */
G_GNUC_NULL_TERMINATED G_GNUC_UNUSED static void
soc_cli_run (SocCliRun  *r,
             const char *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SOCPLAN_CLI"));
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (g_ptr_array_index (argv, 0));
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &r->status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (r->status) ? WEXITSTATUS (r->status) : -1;
}
