/* test-cli-commands.c: socplan-cli's help, unreadable files, info and convert's rule
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "soc-cli-test-util.h"
#include "soc-test-util.h"

static char **
cli_argv (const char *first,
          va_list     args)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, g_strdup (g_getenv ("SOCPLAN_CLI")));
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (g_ptr_array_index (argv, 0));
  return (char **) g_ptr_array_free (argv, FALSE);
}

static char **
utf8_environment (void)
{
  return g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
}

/* As soc_cli_run(), in a UTF-8 locale whatever the test's. */
static void
run_cli (SocCliRun  *r,
         const char *first,
         ...)
{
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) env = utf8_environment ();
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first);
  argv = cli_argv (first, args);
  va_end (args);
  g_assert_true (g_spawn_sync (NULL, argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &r->status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (r->status) ? WEXITSTATUS (r->status) : -1;
}

/* socplan-cli COMMAND --help says what COMMAND does. */
static void
test_help (void)
{
  static const struct { const char *command; const char *says; } commands[] = {
    { "validate", "Check plans against the .socplan format and its rules." },
    { "info", "Say what a plan holds" },
    { "convert", "Rewrite a plan in canonical form." },
    { "check", "Judge a plan against the seven success factors." },
    { "export", "Export a view; OUT's extension says how" },
    { "import-csv", "Add or update stakeholders from a spreadsheet." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(SocCliRun) r = { 0 };
      g_autofree char *usage = g_strdup_printf ("socplan-cli %s [OPTION…]", commands[i].command);

      run_cli (&r, commands[i].command, "--help", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, usage));
      g_assert_nonnull (strstr (r.out, commands[i].says));
    }
  {
    g_auto(SocCliRun) r = { 0 };

    run_cli (&r, "--help", NULL);
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      g_assert_nonnull (strstr (r.out, commands[i].says));
  }
}

/* A file that cannot be read is a problem in the command line, said as
 * such: no position, exit status 2. */
static void
test_unreadable (void)
{
  const char *commands[] = { "validate", "info", "check" };
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *small = soc_test_fixture_path ("small.socplan");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(SocCliRun) r = { 0 };

      run_cli (&r, commands[i], "/nonexistent/plan.socplan", NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.err, ==, "socplan-cli: /nonexistent/plan.socplan: cannot be read: there is no such file\n");
    }
  {
    g_auto(SocCliRun) r = { 0 };
    g_autofree char *out = g_build_filename (dir, "out.socplan", NULL);

    run_cli (&r, "convert", "/nonexistent/plan.socplan", "-o", out, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(SocCliRun) r = { 0 };
    g_autofree char *expected = g_strdup_printf ("socplan-cli: %s: cannot be read: it is a folder\n", dir);

    run_cli (&r, "validate", dir, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_cmpstr (r.err, ==, expected);
  }
  {
    /* With a plan that reads and one that does not: the usage problem wins. */
    g_auto(SocCliRun) r = { 0 };

    run_cli (&r, "validate", small, "/nonexistent/plan.socplan", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.out, "a valid plan"));
  }
  soc_test_rm_rf (dir);
}

/* info leaves out what a plan does not have; --json says null. */
static void
test_info_unset (void)
{
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bare.socplan", NULL);

  g_assert_true (g_file_set_contents (path,
    "<socplan xmlns=\"https://socplan.github.io/ns/socplan\" version=\"1.0\">\n"
    "  <plan>\n    <organisation></organisation>\n  </plan>\n</socplan>\n", -1, NULL));
  {
    g_auto(SocCliRun) r = { 0 };

    run_cli (&r, "info", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out, "format-version: 1.0\ngoals: 0\n"));
    g_assert_null (strstr (r.out, "title:"));
    g_assert_null (strstr (r.out, "organisation:"));
    g_assert_null (strstr (r.out, "horizon:"));
  }
  {
    g_auto(SocCliRun) r = { 0 };

    run_cli (&r, "info", "--json", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "{\"title\":null,\"organisation\":null,\"format-version\":\"1.0\",\"goals\":0,"
                                "\"metrics\":0,\"lanes\":0,\"phases\":0,\"items\":0,\"milestones\":0,"
                                "\"dependencies\":0,\"stakeholders\":0,\"relationships\":0,\"overrides\":0,"
                                "\"horizon\":null}\n");
  }
  soc_test_rm_rf (dir);
}

/* Is PID waiting for a lock, as /proc/locks shows it? */
static gboolean
waits_for_lock (GPid pid)
{
  g_autofree char *locks = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *needle = g_strdup_printf (" %d ", (int) pid);

  if (!g_file_get_contents ("/proc/locks", &locks, NULL, NULL))
    return FALSE;
  lines = g_strsplit (locks, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "->") != NULL && strstr (lines[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Two converts writing one file: the one that finds the file changed since
 * it began writes nothing and says so. Made certain by holding the lock
 * convert takes while another program writes the file. */
static void
test_convert_does_not_overwrite (void)
{
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out.socplan", NULL);
  g_autofree char *example = soc_test_example_path ();
  g_autofree char *written = NULL;
  g_auto(GStrv) env = utf8_environment ();
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("SOCPLAN_CLI"), "convert", example, "-o", out, NULL };
  int lock, err_fd, status;
  gint64 deadline;
  GPid pid;

  g_assert_true (g_file_set_contents (out, "the first version\n", -1, NULL));

  lock = open (dir, O_RDONLY | O_DIRECTORY);
  g_assert_cmpint (lock, >=, 0);
  g_assert_cmpint (flock (lock, LOCK_EX), ==, 0);

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &pid, NULL, NULL, &err_fd, &error));
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!waits_for_lock (pid))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10000);
    }

  /* Another program writes the file meanwhile. */
  g_assert_true (g_file_set_contents (out, "another program's version\n", -1, NULL));
  close (lock);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  {
    char buf[512] = { 0 };
    g_autofree char *expected = g_strdup_printf ("%s: error: the file changed on disk while it was being converted", out);

    g_assert_cmpint (read (err_fd, buf, sizeof buf - 1), >, 0);
    g_assert_true (g_str_has_prefix (buf, expected));
    close (err_fd);
  }
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, "another program's version\n");

  /* Left alone, convert replaces the file, in place too. */
  {
    g_auto(SocCliRun) r = { 0 };
    g_auto(SocCliRun) again = { 0 };
    g_autofree char *canonical = NULL;

    run_cli (&r, "convert", example, "-o", out, NULL);
    g_assert_cmpint (r.status, ==, 0);
    run_cli (&again, "convert", out, "-o", out, NULL);
    g_assert_cmpint (again.status, ==, 0);
    g_assert_true (g_file_get_contents (out, &canonical, NULL, NULL));
    g_clear_pointer (&written, g_free);
    g_assert_true (g_file_get_contents (example, &written, NULL, NULL));
    g_assert_cmpstr (canonical, ==, written);
  }
  soc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-commands/help", test_help);
  g_test_add_func ("/cli-commands/unreadable", test_unreadable);
  g_test_add_func ("/cli-commands/info-unset", test_info_unset);
  g_test_add_func ("/cli-commands/convert-does-not-overwrite", test_convert_does_not_overwrite);

  return g_test_run ();
}
