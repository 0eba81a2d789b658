/* test-cli.c: socplan-cli's commands, output and exit status
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soc-cli-test-util.h"
#include "soc-test-util.h"

static void
test_usage (void)
{
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "--help", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "validate FILE"));
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, NULL, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_true (g_str_has_prefix (r.err, "socplan-cli: error: "));
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "frobnicate", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "frobnicate"));
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "validate", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SocCliRun) r = { 0 };
    g_autofree char *example = soc_test_example_path ();
    soc_cli_run (&r, "convert", example, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "-o"));
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "info", "--no-such-option", "x.socplan", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
}

static void
test_validate (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autofree char *small = soc_test_fixture_path ("small.socplan");

  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "validate", example, small, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "validate", small, "/nonexistent/plan.socplan", NULL);
    /* No problem in a document: the command line named a file that is not there. */
    g_assert_cmpint (r.status, ==, 2);
    g_assert_true (g_str_has_prefix (r.err, "socplan-cli: /nonexistent/plan.socplan: cannot be read: "));
  }
  {
    /* A plan that reads but breaks the rules: all problems, first first. */
    g_autofree char *dir = soc_test_make_tmpdir ();
    g_autofree char *bad = g_build_filename (dir, "bad.socplan", NULL);
    g_auto(SocCliRun) r = { 0 };
    g_auto(GStrv) lines = NULL;

    g_assert_true (g_file_set_contents (bad,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<socplan xmlns=\"https://socplan.github.io/ns/socplan\" version=\"1.0\">\n"
      "  <roadmap>\n"
      "    <lane id=\"l1\"/>\n"
      "    <item id=\"i1\" lane=\"l1\" progress=\"140\"/>\n"
      "    <item id=\"i2\" lane=\"l9\"/>\n"
      "  </roadmap>\n"
      "</socplan>\n", -1, NULL));
    soc_cli_run (&r, "validate", bad, NULL);
    g_assert_cmpint (r.status, ==, 1);
    lines = g_strsplit (r.err, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_true (g_str_has_prefix (lines[0], bad));
    g_assert_nonnull (strstr (lines[0], ":5:29: error: progress of <item> must be a whole number from 0 to 100"));
    g_assert_nonnull (strstr (lines[1], ":6:19: error: lane refers to “l9”"));
    soc_test_rm_rf (dir);
  }
}

static void
test_info (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_auto(SocCliRun) r = { 0 };
  const char *keys[] = { "title", "format-version", "goals", "metrics", "lanes", "items",
                         "milestones", "dependencies", "stakeholders", "relationships", "horizon" };

  soc_cli_run (&r, "info", example, NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *key = g_strdup_printf ("\n%s: ", keys[i]);
      g_autofree char *text = g_strconcat ("\n", r.out, NULL);
      g_assert_nonnull (strstr (text, key));
    }
  g_assert_nonnull (strstr (r.out, "format-version: 1.0\n"));
  g_assert_nonnull (strstr (r.out, "lanes: 6\n"));
  g_assert_nonnull (strstr (r.out, "horizon: 2026-01-01 to 2028-12-31"));
}

static void
test_convert_twice (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *one = g_build_filename (dir, "one.socplan", NULL);
  g_autofree char *two = g_build_filename (dir, "two.socplan", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "convert", example, "-o", one, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "convert", one, "-o", two, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "convert", example, "-o", "-", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (one, &a, NULL, NULL));
    g_assert_cmpstr (r.out, ==, a);
  }
  g_assert_true (g_file_get_contents (two, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  soc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/info", test_info);
  g_test_add_func ("/cli/convert-twice", test_convert_twice);

  return g_test_run ();
}
