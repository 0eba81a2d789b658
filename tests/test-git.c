/* test-git.c: the diff and merge drivers in a real git repository
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sets up a repository as the README says (.gitattributes and git config),
 * lets two people edit the example plan on two branches, and merges: once
 * cleanly, once with a conflict. Edits go through soc_edit_* and
 * soc_document_save(), as the app makes them, so the last test also checks
 * that a one-field edit in the app changes at most three lines of git diff.
 */

#include "config.h"

#include <sys/wait.h>

#include "soc-date.h"
#include "soc-edit.h"
#include "soc-field-value.h"
#include "soc-merge.h"
#include "soc-test-util.h"

typedef struct
{
  char *dir;
  char *repo;
  char *plan;
} Repo;

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

static void
git_v (Repo       *repo,
       Run        *r,
       const char *first,
       va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();

  /* Nobody's own git configuration takes part. */
  env = g_environ_setenv (env, "HOME", repo->dir, TRUE);
  env = g_environ_setenv (env, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  env = g_environ_setenv (env, "GIT_AUTHOR_DATE", "2026-11-30T10:00:00Z", TRUE);
  env = g_environ_setenv (env, "GIT_COMMITTER_DATE", "2026-11-30T10:00:00Z", TRUE);
  env = g_environ_unsetenv (env, "GIT_DIR");
  env = g_environ_unsetenv (env, "GIT_WORK_TREE");

  g_ptr_array_add (argv, (gpointer) "git");
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
  g_assert_true (g_spawn_sync (repo->repo, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &r->out, &r->err, &r->status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (r->status) ? WEXITSTATUS (r->status) : -1;
}

static void
git (Repo       *repo,
     Run        *r,
     const char *first,
     ...)
{
  va_list args;

  va_start (args, first);
  git_v (repo, r, first, args);
  va_end (args);
}

/* git, which must succeed. */
static void
git_ok (Repo       *repo,
        const char *first,
        ...)
{
  g_auto(Run) r = { 0 };
  va_list args;

  va_start (args, first);
  git_v (repo, &r, first, args);
  va_end (args);
  if (r.status != 0)
    g_error ("git %s failed: %s%s", first, r.out, r.err);
}

/* Edits the plan as the app does, one command, and saves it. */
static void
edit (Repo       *repo,
      const char *id,
      const char *field,
      const char *text)
{
  g_autoptr(SocDocument) doc = soc_test_load_path (repo->plan);
  g_autoptr(GFile) file = g_file_new_for_path (repo->plan);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  SocObject *o = soc_document_lookup (doc, id);
  const SocField *f;

  g_assert_nonnull (o);
  f = soc_object_class_find_field (SOC_OBJECT_GET_CLASS (o), field, strlen (field));
  g_assert_true (soc_field_from_text (doc, o, f, text, &value, &error));
  g_assert_true (soc_edit_set (doc, o, field, &value, &error));
  g_assert_true (soc_document_save (doc, file, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
}

static char *
field_of (Repo       *repo,
          const char *id,
          const char *field)
{
  g_autoptr(SocDocument) doc = soc_test_load_path (repo->plan);
  SocObject *o = soc_document_lookup (doc, id);

  g_assert_nonnull (o);
  return soc_field_to_text (o, soc_object_class_find_field (SOC_OBJECT_GET_CLASS (o), field, strlen (field)), NULL);
}

#define assert_field(repo, id, field, expected) \
  G_STMT_START { \
    g_autofree char *_v = field_of (repo, id, field); \
    g_assert_cmpstr (_v, ==, expected); \
  } G_STMT_END

/* The repository, set up as the README says. */
static void
repo_set_up (Repo *repo)
{
  const char *cli = g_getenv ("SOCPLAN_CLI");
  g_autofree char *example = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *ignore = NULL;
  g_autofree char *driver = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *textconv = NULL;
  g_autoptr(SocDocument) doc = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_autofree char *git_path = g_find_program_in_path ("git");

  if (git_path == NULL)
    {
      g_test_skip ("git is not installed (make deps installs it)");
      return;
    }
  g_assert_nonnull (cli);
  example = soc_test_example_path ();
  doc = soc_test_load_path (example);

  repo->dir = soc_test_make_tmpdir ();
  repo->repo = g_build_filename (repo->dir, "plans", NULL);
  repo->plan = g_build_filename (repo->repo, "northwind.socplan", NULL);
  g_assert_cmpint (g_mkdir (repo->repo, 0700), ==, 0);

  git_ok (repo, "init", "-q", "-b", "main", NULL);
  git_ok (repo, "config", "user.name", "Anna Okafor", NULL);
  git_ok (repo, "config", "user.email", "anna@example.org", NULL);

  /* README: "Plans in git" */
  driver = g_strdup_printf ("%s merge %%O %%A %%B -o %%A --name %%P", cli);
  diff = g_strdup_printf ("%s diff", cli);
  textconv = g_strdup_printf ("%s diff --textconv", cli);
  git_ok (repo, "config", "merge.socplan.name", "Socplan plan merge", NULL);
  git_ok (repo, "config", "merge.socplan.driver", driver, NULL);
  git_ok (repo, "config", "diff.socplan.command", diff, NULL);
  git_ok (repo, "config", "diff.socplan.textconv", textconv, NULL);
  attributes = g_build_filename (repo->repo, ".gitattributes", NULL);
  g_assert_true (g_file_set_contents (attributes, "*.socplan merge=socplan diff=socplan\n", -1, NULL));
  ignore = g_build_filename (repo->repo, ".gitignore", NULL);
  g_assert_true (g_file_set_contents (ignore, "*~\n", -1, NULL));

  file = g_file_new_for_path (repo->plan);
  g_assert_true (soc_document_save (doc, file, SOC_SAVE_FLAGS_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
  git_ok (repo, "add", ".", NULL);
  git_ok (repo, "commit", "-q", "-m", "The plan as the steering group saw it", NULL);
}

static void
repo_tear_down (Repo *repo)
{
  if (repo->dir != NULL)
    soc_test_rm_rf (repo->dir);
  g_free (repo->dir);
  g_free (repo->repo);
  g_free (repo->plan);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Repo, repo_tear_down)

static void
commit (Repo       *repo,
        const char *message)
{
  git_ok (repo, "commit", "-q", "-am", message, NULL);
}

static void
test_clean_merge (void)
{
  g_auto(Repo) repo = { 0 };
  g_auto(Run) r = { 0 };

  repo_set_up (&repo);
  if (repo.dir == NULL)
    return;

  /* Two people edit the plan on their own branches. */
  git_ok (&repo, "checkout", "-q", "-b", "anna", NULL);
  edit (&repo, "g8", "status", "achieved");
  edit (&repo, "i1", "progress", "90");
  commit (&repo, "Anna: customer answers are on target");
  git_ok (&repo, "checkout", "-q", "-b", "ben", "main", NULL);
  edit (&repo, "s1", "influence", "95");
  edit (&repo, "g3", "title", "Cut time-to-competence of new hires by half");
  commit (&repo, "Ben: a bolder onboarding goal");

  git (&repo, &r, "merge", "--no-edit", "anna", NULL);
  if (r.status != 0)
    g_test_message ("git merge: %s%s", r.out, r.err);
  g_assert_cmpint (r.status, ==, 0);
  assert_field (&repo, "g8", "status", "achieved");
  assert_field (&repo, "i1", "progress", "90");
  assert_field (&repo, "s1", "influence", "95");
  assert_field (&repo, "g3", "title", "Cut time-to-competence of new hires by half");

  /* git diff speaks in words through the diff driver... */
  git (&repo, &r, "diff", "HEAD~1", "HEAD", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==,
    "diff --socplan a/northwind.socplan b/northwind.socplan\n"
    "Goal g8 “Answer customers' technical questions faster”: status at-risk → achieved\n"
    "Item i1 “Baseline survey on intranet use, finding expertise and shari…”: progress 100 → 90\n");

  /* ...and git show a line per object through textconv. */
  git (&repo, &r, "show", "--format=", "anna", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\n-Goal g8 “Answer customers' technical questions faster”: kind business-objective, status at-risk,"));
  g_assert_nonnull (strstr (r.out, "\n+Goal g8 “Answer customers' technical questions faster”: kind business-objective, status achieved,"));
}

static void
test_conflicting_merge (void)
{
  g_auto(Repo) repo = { 0 };
  g_auto(Run) r = { 0 };
  g_autoptr(SocDocument) doc = NULL;
  g_autoptr(GPtrArray) recorded = NULL;
  SocMergeConflict *c;

  repo_set_up (&repo);
  if (repo.dir == NULL)
    return;

  git_ok (&repo, "checkout", "-q", "-b", "carl", NULL);
  edit (&repo, "g8", "status", "achieved");
  edit (&repo, "s1", "influence", "95");
  commit (&repo, "Carl: answered");
  git_ok (&repo, "checkout", "-q", "-b", "dana", "main", NULL);
  edit (&repo, "g8", "status", "off-track");
  edit (&repo, "i1", "progress", "90");
  commit (&repo, "Dana: not yet");
  git_ok (&repo, "checkout", "-q", "carl", NULL);

  git (&repo, &r, "merge", "--no-edit", "dana", NULL);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.out, "CONFLICT (content): Merge conflict in northwind.socplan"));
  g_assert_nonnull (strstr (r.err, "northwind.socplan: conflict: Goal g8 “Answer customers' technical questions faster”: status: ours achieved, theirs off-track\n"));

  /* The file holds ours where they differ, both sides' other changes, and
   * the conflict for the app to show. */
  assert_field (&repo, "g8", "status", "achieved");
  assert_field (&repo, "s1", "influence", "95");
  assert_field (&repo, "i1", "progress", "90");
  doc = soc_test_load_path (repo.plan);
  recorded = soc_merge_read_conflicts (doc);
  g_assert_cmpuint (recorded->len, ==, 1);
  c = g_ptr_array_index (recorded, 0);
  g_assert_cmpstr (c->id, ==, "g8");
  g_assert_cmpstr (c->field, ==, "status");
  g_assert_cmpstr (c->theirs, ==, "off-track");

  git (&repo, &r, "status", "--porcelain", NULL);
  g_assert_nonnull (strstr (r.out, "UU northwind.socplan"));
}

/* What git diff shows for an edit the app makes to one field. */
static void
test_one_field_edit (void)
{
  static const struct { const char *id, *field, *value; } edits[] = {
    { "g8", "status", "achieved" },
    { "g3", "title", "Cut time-to-competence of new hires by half" },
    { "g4", "target-date", "2027-06-30" },
    { "g3", "owner", "s1" },
    { "i1", "progress", "90" },
    { "i1", "end", "2026-03-13" },
    { "s1", "stance", "champion" },
    { NULL, "horizon-end", "2029-12-31" },
  };
  g_auto(Repo) repo = { 0 };

  repo_set_up (&repo);
  if (repo.dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_auto(Run) r = { 0 };
      int added = -1, removed = -1;

      if (edits[i].id != NULL)
        edit (&repo, edits[i].id, edits[i].field, edits[i].value);
      else
        {
          g_autoptr(SocDocument) doc = soc_test_load_path (repo.plan);
          g_autoptr(GFile) file = g_file_new_for_path (repo.plan);
          g_autoptr(GError) error = NULL;
          guint day;

          g_assert_true (soc_date_parse (edits[i].value, 10, &day));
          g_assert_true (soc_edit_set_dates (doc, SOC_OBJECT (soc_document_get_plan (doc)),
                                             soc_plan_get_horizon_start (soc_document_get_plan (doc)), day, NULL, &error));
          g_assert_true (soc_document_save (doc, file, SOC_SAVE_FLAGS_NONE, NULL, &error));
          g_assert_no_error (error);
        }

      git (&repo, &r, "diff", "--no-ext-diff", "--no-textconv", "--numstat", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpint (sscanf (r.out, "%d\t%d\t", &added, &removed), ==, 2);
      g_test_message ("%s %s: +%d -%d", edits[i].id, edits[i].field, added, removed);
      g_assert_cmpint (added + removed, >, 0);
      g_assert_cmpint (added, <=, 3);
      g_assert_cmpint (removed, <=, 3);
      git_ok (&repo, "checkout", "--", "northwind.socplan", NULL);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/git/clean-merge", test_clean_merge);
  g_test_add_func ("/git/conflicting-merge", test_conflicting_merge);
  g_test_add_func ("/git/one-field-edit", test_one_field_edit);

  return g_test_run ();
}
