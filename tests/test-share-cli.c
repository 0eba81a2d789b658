/* test-share-cli.c: socplan-cli diff and merge, their output and exit status
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soc-merge.h"
#include "soc-cli-test-util.h"
#include "soc-test-util.h"

typedef struct
{
  char *dir;
  char *base;
  char *ours;
  char *theirs;
  char *out;
} Files;

static char *
write_variant (const char *dir,
               const char *name,
               const char *text,
               const char *from,
               const char *to)
{
  g_autofree char *changed = NULL;
  char *path = g_build_filename (dir, name, NULL);

  if (from != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (text, from, 2);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      changed = g_strconcat (parts[0], to, parts[1], NULL);
    }
  g_assert_true (g_file_set_contents (path, changed != NULL ? changed : text, -1, NULL));
  return path;
}

static void
files_set_up (Files      *f,
              const char *ours_from,
              const char *ours_to,
              const char *theirs_from,
              const char *theirs_to)
{
  g_autofree char *fixture = soc_test_fixture_path ("merge-base.socplan");
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  f->dir = soc_test_make_tmpdir ();
  f->base = write_variant (f->dir, "base.socplan", text, NULL, NULL);
  f->ours = write_variant (f->dir, "ours.socplan", text, ours_from, ours_to);
  f->theirs = write_variant (f->dir, "theirs.socplan", text, theirs_from, theirs_to);
  f->out = g_build_filename (f->dir, "out.socplan", NULL);
}

static void
files_clear (Files *f)
{
  soc_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->base);
  g_free (f->ours);
  g_free (f->theirs);
  g_free (f->out);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Files, files_clear)

#define G3_STATUS "<goal id=\"g3\" kind=\"social-objective\" status=\"planned\""

static void
test_usage (void)
{
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "diff", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_true (g_str_has_prefix (r.err, "socplan-cli: error: "));
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "diff", "a.socplan", "b.socplan", "--frobnicate", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "merge", "a", "b", "c", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "-o"));
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "merge", "a", "b", "-o", "x", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "--help", NULL);
    g_assert_nonnull (strstr (r.out, "diff OLD NEW"));
    g_assert_nonnull (strstr (r.out, "merge BASE OURS THEIRS -o OUT"));
  }
}

static void
test_diff (void)
{
  g_auto(Files) f = { 0 };

  files_set_up (&f, G3_STATUS, "<goal id=\"g3\" kind=\"social-objective\" status=\"at-risk\"", NULL, NULL);
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "diff", f.base, f.ours, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.out, ==, "Goal g3 “New hires ask in open communities”: status planned → at-risk\n");
    g_assert_cmpstr (r.err, ==, "");
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "diff", f.base, f.theirs, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "");
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "diff", "--json", f.base, f.ours, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.out, "\"equal\":false"));
    g_assert_nonnull (strstr (r.out, "{\"change\":\"changed\",\"element\":\"goal\",\"id\":\"g3\","
                                     "\"label\":\"New hires ask in open communities\",\"field\":\"status\","
                                     "\"old\":\"planned\",\"new\":\"at-risk\""));
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "diff", "--json", f.base, f.theirs, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\"equal\":true,\"changes\":[]}"));
  }
  {
    /* A file that cannot be read: its problem, and 2. */
    g_auto(SocCliRun) r = { 0 };
    g_autofree char *bad = write_variant (f.dir, "bad.socplan", "<socplan", NULL, NULL);
    soc_cli_run (&r, "diff", f.base, bad, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_true (g_str_has_prefix (r.err, bad));
    g_assert_nonnull (strstr (r.err, ": error: "));
  }
  {
    /* As git's diff driver: seven arguments, /dev/null for a new file, and 0. */
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "diff", "plan.socplan", f.base, "1111111", "100644", f.ours, "2222222", "100644", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "diff --socplan a/plan.socplan b/plan.socplan\n"
                                "Goal g3 “New hires ask in open communities”: status planned → at-risk\n");
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "diff", "plan.socplan", "/dev/null", ".", ".", f.ours, "2222222", "100644", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Added goal g1 “A company that learns in the open”\n"));
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "diff", "--textconv", f.ours, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\nGoal g3 “New hires ask in open communities”: kind social-objective, status at-risk, parent g2,"));
  }
}

static void
test_merge_clean (void)
{
  g_auto(Files) f = { 0 };
  g_autofree char *merged = NULL;

  files_set_up (&f, G3_STATUS, "<goal id=\"g3\" kind=\"social-objective\" status=\"at-risk\"",
                "<title>Advocacy</title>", "<title>Advocates</title>");
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "merge", f.base, f.ours, f.theirs, "-o", f.out, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
  }
  g_assert_true (g_file_get_contents (f.out, &merged, NULL, NULL));
  g_assert_nonnull (strstr (merged, "status=\"at-risk\""));
  g_assert_nonnull (strstr (merged, "<title>Advocates</title>"));
  g_assert_null (strstr (merged, "merge:conflict"));
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "validate", f.out, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    /* To standard output, the same bytes. */
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "merge", f.base, f.ours, f.theirs, "-o", "-", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, merged);
  }
  {
    /* git's base for two files added separately is an empty file. */
    g_auto(SocCliRun) r = { 0 };
    g_autofree char *empty = write_variant (f.dir, "empty", "", NULL, NULL);
    soc_cli_run (&r, "merge", empty, f.ours, f.ours, "-o", "-", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
}

static void
test_merge_conflict (void)
{
  g_auto(Files) f = { 0 };
  g_autofree char *merged = NULL;
  g_autoptr(SocDocument) doc = NULL;
  g_autoptr(GPtrArray) recorded = NULL;

  files_set_up (&f, G3_STATUS, "<goal id=\"g3\" kind=\"social-objective\" status=\"at-risk\"",
                G3_STATUS, "<goal id=\"g3\" kind=\"social-objective\" status=\"off-track\"");
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "merge", f.base, f.ours, f.theirs, "-o", f.out, "--name", "plans/northwind.socplan", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.err, ==,
      "plans/northwind.socplan: conflict: Goal g3 “New hires ask in open communities”: status: ours at-risk, theirs off-track\n"
      "plans/northwind.socplan: 1 conflict; the merged plan keeps our side and records it for Socplan to show\n");
  }
  g_assert_true (g_file_get_contents (f.out, &merged, NULL, NULL));
  g_assert_nonnull (strstr (merged, "status=\"at-risk\""));
  g_assert_nonnull (strstr (merged, "  <merge:conflicts>\n    <merge:conflict kind=\"field\" element=\"goal\" id=\"g3\""));
  doc = soc_test_load_path (f.out);
  recorded = soc_merge_read_conflicts (doc);
  g_assert_cmpuint (recorded->len, ==, 1);
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "validate", f.out, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    /* The diff tells a recorded conflict from other kept content. */
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "diff", f.ours, f.out, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.out, ==, "Unresolved merge conflict: Goal g3 “New hires ask in open communities”: "
                                "status: ours at-risk, theirs off-track\n");
  }
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "diff", f.out, f.ours, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_true (g_str_has_prefix (r.out, "Merge conflict resolved: Goal g3"));
  }
}

/* A file that cannot be read leaves OUT alone. */
static void
test_merge_unreadable (void)
{
  g_auto(Files) f = { 0 };
  g_autofree char *kept = NULL;

  files_set_up (&f, NULL, NULL, "<socplan ", "<socplan <");
  g_assert_true (g_file_set_contents (f.out, "untouched", -1, NULL));
  {
    g_auto(SocCliRun) r = { 0 };
    soc_cli_run (&r, "merge", f.base, f.ours, f.theirs, "-o", f.out, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_true (g_str_has_prefix (r.err, f.theirs));
  }
  g_assert_true (g_file_get_contents (f.out, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "untouched");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/share-cli/usage", test_usage);
  g_test_add_func ("/share-cli/diff", test_diff);
  g_test_add_func ("/share-cli/merge-clean", test_merge_clean);
  g_test_add_func ("/share-cli/merge-conflict", test_merge_conflict);
  g_test_add_func ("/share-cli/merge-unreadable", test_merge_unreadable);

  return g_test_run ();
}
