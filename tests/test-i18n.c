/* test-i18n.c: socplan-cli speaks German under LANGUAGE=de (issue 14)
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The uninstalled program finds the catalogue the build compiled through
 * SOCPLAN_LOCALEDIR (BUILD/po/de/LC_MESSAGES/socplan.mo), which meson's test
 * environment sets.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <sys/wait.h>

#include "soc-enum-types.h"
#include "soc-enums.h"
#include "soc-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs socplan-cli with the environment changed by ENV ("NAME=VALUE", or
 * "NAME=" to unset NAME), then the arguments, each list NULL-terminated. */
static void
run_cli_env (Run         *r,
             const char **env,
             const char  *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  va_list args;

  for (guint i = 0; env[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (env[i], "=", 2);

      if (kv[1][0] == '\0')
        envp = g_environ_unsetenv (envp, kv[0]);
      else
        envp = g_environ_setenv (envp, kv[0], kv[1], TRUE);
    }

  g_ptr_array_add (argv, (gpointer) g_getenv ("SOCPLAN_CLI"));
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (g_ptr_array_index (argv, 0));
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &r->status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (r->status) ? WEXITSTATUS (r->status) : -1;
}

static const char *german[] = { "LANGUAGE=de", NULL };
static const char *english[] = { "LANGUAGE=", NULL };

/* The German of MSGID, as the catalogue the CLI reads has it. */
static const char *
de (const char *msgid)
{
  const char *text = g_dgettext (GETTEXT_PACKAGE, msgid);

  g_assert_cmpstr (text, !=, msgid);
  return text;
}

static void
test_help (void)
{
  g_auto(Run) en = { 0 };
  g_auto(Run) r = { 0 };

  run_cli_env (&en, english, "--help", NULL);
  run_cli_env (&r, german, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (en.out, "Usage:"));
  g_assert_true (g_str_has_prefix (r.out, "Aufruf:"));
  g_assert_nonnull (strstr (r.out, "Exit-Status"));
  /* The commands are the same words in every language; the placeholders
   * are German (DATEI, not FILE). */
  for (const char *const *word = (const char *const[]) { "validate ", "info ", "convert ", "check ", "export ",
                                                          "import-csv ", "diff ", "merge ", "--help", "--version",
                                                          NULL };
       *word != NULL; word++)
    g_assert_nonnull (strstr (r.out, *word));
  g_assert_null (strstr (r.out, "FILE"));
}

/* A command's own options: ours from our catalogue, GOption's from GLib's. */
static void
test_command_help (void)
{
  g_auto(Run) r = { 0 };

  run_cli_env (&r, german, "check", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--json"));
  g_assert_nonnull (strstr (r.out, de ("Print the result as JSON")));
  g_assert_nonnull (strstr (r.out, "--today=DATUM"));
  g_assert_null (strstr (r.out, "Print the result as JSON"));
}

static void
test_usage_errors (void)
{
  {
    g_auto(Run) r = { 0 };

    run_cli_env (&r, german, "frobnicate", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "unbekannter Befehl „frobnicate“"));
    g_assert_nonnull (strstr (r.err, "„socplan-cli --help“"));
  }
  {
    g_auto(Run) r = { 0 };

    run_cli_env (&r, german, "check", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "check: "));
    g_assert_nonnull (strstr (r.err, de ("check: name exactly one file")));
  }
  {
    g_auto(Run) r = { 0 };
    g_autofree char *example = soc_test_example_path ();

    /* GOption's own messages come from GLib's catalogue; ours name the command. */
    run_cli_env (&r, german, "check", example, "--today", "Dienstag", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "„Dienstag“"));
  }
}

static void
test_validate_and_check (void)
{
  g_autofree char *example = soc_test_example_path ();

  {
    g_auto(Run) r = { 0 };

    run_cli_env (&r, german, "validate", example, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "ein gültiger Plan"));
  }
  {
    g_auto(Run) r = { 0 };

    run_cli_env (&r, german, "check", example, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Ausrichtung an den Geschäftszielen"));
    /* Every factor's name as this process's catalogue has it, the evidence
     * and the score in German too (the plan's own titles stay English). */
    for (guint f = 0; f < SOC_N_FACTORS; f++)
      g_assert_nonnull (strstr (r.out, soc_enum_to_label (SOC_TYPE_FACTOR, f)));
    g_assert_null (strstr (r.out, "Alignment with business objectives"));
    g_assert_null (strstr (r.out, "tied to a business objective"));
    g_assert_null (strstr (r.out, " met\n"));
    g_assert_nonnull (strstr (r.out, "Eigene Beurteilung „Teilweise erfüllt“"));
    g_assert_nonnull (strstr (r.out, "2 von 7 erfüllt\n"));
  }
}

/* A broken file is reported in German, in the FILE:LINE:COLUMN: error: form
 * that tools read, whatever the language. */
static void
test_document_error (void)
{
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "broken.socplan", NULL);
  g_auto(Run) r = { 0 };

  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<socplan", -1, NULL));
  run_cli_env (&r, german, "validate", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, path));
  g_assert_nonnull (strstr (r.err, ": error: "));
  soc_test_rm_rf (dir);
}

static void
test_version (void)
{
  g_auto(Run) r = { 0 };

  run_cli_env (&r, german, "--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "socplan-cli " PACKAGE_VERSION "\n");
}

/* LANG alone, as a German desktop session sets it. */
static void
test_lang (void)
{
  const char *env[] = { "LANGUAGE=", "LC_ALL=", "LC_MESSAGES=", "LANG=de_DE.UTF-8", NULL };
  g_auto(Run) r = { 0 };

  if (setlocale (LC_MESSAGES, "de_DE.UTF-8") == NULL)
    {
      if (g_getenv ("SOC_REQUIRE_LOCALES") != NULL)
        g_test_fail_printf ("the de_DE.UTF-8 locale is missing (make deps generates it)");
      else
        g_test_skip ("the de_DE.UTF-8 locale is missing");
      return;
    }
  setlocale (LC_MESSAGES, "");
  run_cli_env (&r, env, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Aufruf:"));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("SOCPLAN_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);

  /* This process reads the same catalogue, to compare. */
  g_assert_nonnull (localedir);
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/i18n/cli/help", test_help);
  g_test_add_func ("/i18n/cli/command-help", test_command_help);
  g_test_add_func ("/i18n/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/i18n/cli/validate-and-check", test_validate_and_check);
  g_test_add_func ("/i18n/cli/document-error", test_document_error);
  g_test_add_func ("/i18n/cli/version", test_version);
  g_test_add_func ("/i18n/cli/lang", test_lang);

  return g_test_run ();
}
