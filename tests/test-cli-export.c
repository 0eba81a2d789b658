/* test-cli-export.c: socplan-cli export and import-csv, their output and exit status
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soc-csv.h"
#include "soc-cli-test-util.h"
#include "soc-test-util.h"

typedef struct
{
  char *dir;
  char *plan;      /* a copy of small.socplan */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *source = soc_test_fixture_path ("small.socplan");
  g_autofree char *contents = NULL;

  f->dir = soc_test_make_tmpdir ();
  f->plan = g_build_filename (f->dir, "plan.socplan", NULL);
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (f->plan, contents, -1, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  soc_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->plan);
}

static char *
in_dir (Fixture    *f,
        const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
write_text (const char *path,
            const char *text)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *csv = in_dir (f, "people.csv");
  g_autofree char *out = in_dir (f, "out.socplan");
  g_autofree char *written = NULL;

  write_text (csv, "\xEF\xBB\xBFid,name,stance,Phone\r\ns2,Community managers,champion,\r\n,\"Okafor, Anna\",supporter,555\r\n");
  {
    g_auto(SocCliRun) r = { 0 };

    soc_cli_run (&r, "import-csv", f->plan, csv, "-o", out, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "added: 1\nupdated: 1\nunchanged: 0\n");
    g_assert_true (g_str_has_prefix (r.err, csv));
    g_assert_nonnull (strstr (r.err, ":1: warning: "));
    g_assert_nonnull (strstr (r.err, "Phone"));
  }
  written = read_text (out);
  g_assert_nonnull (strstr (written, "<stakeholder id=\"s3\" kind=\"person\" profile=\"observers\" influence=\"0\" interest=\"0\" stance=\"supporter\""));
  g_assert_nonnull (strstr (written, "<name>Okafor, Anna</name>"));
  g_assert_nonnull (strstr (written, "stance=\"champion\" desired-stance=\"supporter\">\n      <name>Community managers</name>"));
  {
    g_auto(SocCliRun) r = { 0 };

    soc_cli_run (&r, "validate", out, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
}

/* A bad row: FILE:LINE:COLUMN: error: MESSAGE (the column its field,
 * counted from 1), exit 1, nothing written. */
static void
test_import_bad_row (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *csv = in_dir (f, "people.csv");
  g_autofree char *out = in_dir (f, "out.socplan");
  g_autofree char *before = read_text (f->plan);
  g_autofree char *after = NULL;

  write_text (csv, "name,engagement,stance\nAnn,\"two\nlines\",neutral\nBo,,enemy\n");
  {
    g_auto(SocCliRun) r = { 0 };
    g_autofree char *expected = g_strdup_printf ("%s:4:3: error: “enemy” is not a stance; use one of: champion, supporter, neutral, sceptic, blocker\n", csv);

    soc_cli_run (&r, "import-csv", f->plan, csv, "-o", out, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.err, ==, expected);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  /* Not even into the plan itself. */
  {
    g_auto(SocCliRun) r = { 0 };

    soc_cli_run (&r, "import-csv", f->plan, csv, "-o", f->plan, NULL);
    g_assert_cmpint (r.status, ==, 1);
    after = read_text (f->plan);
    g_assert_cmpstr (after, ==, before);
  }

  /* Not UTF-8. */
  write_text (csv, "name\nJos\xe9\n");
  {
    g_auto(SocCliRun) r = { 0 };
    g_autofree char *prefix = g_strdup_printf ("%s:2: error: ", csv);

    soc_cli_run (&r, "import-csv", f->plan, csv, "-o", out, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_true (g_str_has_prefix (r.err, prefix));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  /* A CSV that is not there. */
  {
    g_auto(SocCliRun) r = { 0 };
    g_autofree char *missing = in_dir (f, "missing.csv");
    g_autofree char *prefix = g_strdup_printf ("%s: error: ", missing);

    soc_cli_run (&r, "import-csv", f->plan, missing, "-o", out, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_true (g_str_has_prefix (r.err, prefix));
  }
}

static void
test_import_usage (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *csv = in_dir (f, "people.csv");

  write_text (csv, "name\nAnn\n");
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "import-csv", f->plan, csv, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "-o OUT"));
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "import-csv", f->plan, "-o", "x.socplan", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "import-csv", "--frobnicate", f->plan, csv, "-o", "x.socplan", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
}

/* export --view stakeholders -o OUT.csv, read back by import-csv unchanged. */
static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *csv = in_dir (f, "stakeholders.csv");
  g_autofree char *out = in_dir (f, "again.socplan");
  g_autofree char *text = NULL;
  g_autofree char *plan = read_text (f->plan);
  g_autofree char *again = NULL;

  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "export", f->plan, "--view", "stakeholders", "-o", csv, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
  }
  text = read_text (csv);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "id,name,kind,profile,department,influence,interest,stance,desired-stance,roles,topics,engagement\r\n"
                                   "s1,Maria Lindqvist,person,leadership,"));
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "import-csv", f->plan, csv, "-o", out, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "added: 0\nupdated: 0\nunchanged: 2\n");
  }
  again = read_text (out);
  g_assert_cmpstr (again, ==, plan);

  /* Without --view: a CSV holds the stakeholders. */
  {
    g_auto(SocCliRun) r = { 0 };
    g_autofree char *upper = in_dir (f, "S.CSV");
    g_autofree char *same = NULL;

    soc_cli_run (&r, "export", f->plan, "-o", upper, NULL);
    g_assert_cmpint (r.status, ==, 0);
    same = read_text (upper);
    g_assert_cmpstr (same, ==, text);
  }
}

static void
test_export_ics (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *ics = in_dir (f, "roadmap.ics");
  g_autofree char *text = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "SOURCE_DATE_EPOCH", "1767225600", TRUE);

  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "export", f->plan, "-o", ics, "--from", "2026-03-01", "--to", "2026-12-31", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
  }
  text = read_text (ics);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "UID:2f1c7e0a-5b8d-4e6f-9a3b-1c2d3e4f5a6b.i1@socplan.github.io\r\n"));
  g_assert_nonnull (strstr (text, "UID:2f1c7e0a-5b8d-4e6f-9a3b-1c2d3e4f5a6b.i2@socplan.github.io\r\n"));

  /* Reproducible with SOURCE_DATE_EPOCH. */
  {
    g_autofree char *argv_ics = g_strdup (ics);
    const char *argv[] = { g_getenv ("SOCPLAN_CLI"), "export", f->plan, "-o", argv_ics, NULL };
    g_autoptr(GError) error = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    int status = -1;

    for (guint i = 0; i < 2; i++)
      {
        g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                     NULL, NULL, NULL, NULL, &status, &error));
        g_assert_no_error (error);
        g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
        if (i == 0)
          first = read_text (ics);
        else
          second = read_text (ics);
      }
    g_assert_cmpstr (first, ==, second);
    g_assert_nonnull (strstr (first, "DTSTAMP:20260101T000000Z\r\n"));
  }

  /* A plan without a uid: exported, with a warning. */
  {
    g_auto(SocCliRun) r = { 0 };
    g_autofree char *example = soc_test_example_path ();

    soc_cli_run (&r, "export", example, "-o", ics, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.err, ": warning: the plan has no uid"));
  }
}

/* What is not a format, or not an option of the format. */
static void
test_export_usage (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    const char *args[10];
    const char *message;
  } cases[] = {
    { { "-o", "out.doc" }, "has no extension this program exports to" },
    { { "-o", "noextension" }, "has no extension" },
    { { "-o", "dir.csv/out" }, "has no extension" },
    { { NULL }, "-o OUT" },
    { { "-o", "x.csv", "--view", "roadmap" }, "the roadmap view cannot be exported as CSV; use --view stakeholders" },
    { { "-o", "x.ics", "--view", "goals" }, "cannot be exported as iCalendar" },
    { { "-o", "x.pdf", "--view", "timeline" }, "“timeline” is not a view" },
    { { "-o", "x.csv", "--paper", "a4" }, "--paper has no meaning for CSV files" },
    { { "-o", "x.ics", "--landscape" }, "--landscape has no meaning for iCalendar files" },
    { { "-o", "x.ics", "--dpi", "300" }, "--dpi has no meaning" },
    { { "-o", "x.csv", "--from", "2026-01-01" }, "--from has no meaning" },
    { { "-o", "x.pdf", "--paper", "a5" }, "“a5” is not a paper size" },
    { { "-o", "x.pdf", "--pages-wide", "0" }, "--pages-wide takes a number from 1 to 100" },
    { { "-o", "x.png", "--dpi", "5" }, "--dpi takes a number from 10 to 2400" },
    { { "-o", "x.ics", "--from", "2026-02-30" }, "--from “2026-02-30” is not a date" },
    { { "-o", "x.ics", "--from", "2026-03-01", "--to", "2026-02-01" }, "--to comes before --from" },
    { { "-o", "x.svg", "--view", "report" }, "the report view cannot be exported as SVG" },
    { { "-o", "x.png", "--view", "report", "--dpi", "300" }, "the report view cannot be exported as PNG" },
    { { "-o", "x.svg", "--poster" }, "--poster has no meaning for SVG files" },
    { { "-o", "x.pdf", "--view", "report", "--poster" }, "not a poster" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = -1;

      g_ptr_array_add (argv, (gpointer) g_getenv ("SOCPLAN_CLI"));
      g_ptr_array_add (argv, "export");
      g_ptr_array_add (argv, f->plan);
      for (guint a = 0; a < G_N_ELEMENTS (cases[i].args) && cases[i].args[a] != NULL; a++)
        g_ptr_array_add (argv, (gpointer) cases[i].args[a]);
      g_ptr_array_add (argv, NULL);

      g_assert_true (g_spawn_sync (f->dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("%s", err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 2);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_true (g_str_has_prefix (err, "socplan-cli: error: "));
    }

  /* Nothing was written by any of them. */
  {
    g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
}

/* A plan that cannot be read: its own error, exit 1. */
static void
test_export_bad_plan (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *bad = in_dir (f, "bad.socplan");
  g_autofree char *csv = in_dir (f, "x.csv");
  g_autofree char *prefix = g_strdup_printf ("%s:", bad);
  g_auto(SocCliRun) r = { 0 };

  write_text (bad, "<socplan");
  soc_cli_run (&r, "export", bad, "-o", csv, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, prefix));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/import-csv", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/cli/import-csv-bad-row", Fixture, NULL, fixture_set_up, test_import_bad_row, fixture_tear_down);
  g_test_add ("/cli/import-csv-usage", Fixture, NULL, fixture_set_up, test_import_usage, fixture_tear_down);
  g_test_add ("/cli/export-csv", Fixture, NULL, fixture_set_up, test_export_csv, fixture_tear_down);
  g_test_add ("/cli/export-ics", Fixture, NULL, fixture_set_up, test_export_ics, fixture_tear_down);
  g_test_add ("/cli/export-usage", Fixture, NULL, fixture_set_up, test_export_usage, fixture_tear_down);
  g_test_add ("/cli/export-bad-plan", Fixture, NULL, fixture_set_up, test_export_bad_plan, fixture_tear_down);

  return g_test_run ();
}
