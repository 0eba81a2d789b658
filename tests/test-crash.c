/* test-crash.c: a save killed at any moment leaves the old or the new file
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One large plan is on disk (OLD); `socplan-cli convert NEW -o TARGET` is
 * killed with SIGKILL at a random moment, 100 times; 20 times more at a
 * random moment while its temporary file is being written (a small part of
 * a convert, which reading the plan dominates); and once each by the kill
 * shim at fsync, at rename and after the rename. After every kill
 * TARGET must be byte for byte OLD or NEW: never missing, never a mix.
 * TARGET~, if there is one, must be OLD or NEW too, and a temporary file
 * left behind must be a part of NEW (a write cut short), never anything else.
 *
 * The random delays come from a GRand with a fixed seed (SOC_CRASH_SEED
 * overrides it), so a failing run can be repeated; where a kill lands still
 * depends on the machine's speed, which is why each outcome is printed.
 * A failed run leaves its folder in the temporary directory to look at.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "soc-edit.h"
#include "soc-test-util.h"

#define N_RANDOM_KILLS 100
#define N_WINDOW_KILLS 20
#define DEFAULT_SEED   20260513

/* Sanitized code runs three to four times slower; a quarter of the plan
 * keeps a convert near half a second either way, so the random kills spread
 * over the same phases (load, write, rename) in about the same time. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

#ifdef SANITIZED
#define PLAN_GOALS        5000
#define PLAN_ITEMS        7500
#define PLAN_STAKEHOLDERS 2500
#else
#define PLAN_GOALS        20000
#define PLAN_ITEMS        30000
#define PLAN_STAKEHOLDERS 10000
#endif

typedef enum {
  OUTCOME_OLD_BEFORE_WRITE,   /* TARGET is OLD, nothing written yet */
  OUTCOME_OLD_MID_WRITE,      /* TARGET is OLD, a partial NEW lies beside it */
  OUTCOME_NEW,                /* TARGET is NEW: killed after the rename */
  N_OUTCOMES
} Outcome;

static struct
{
  char   *dir;        /* holds src/ and out/ */
  char   *src_dir;
  char   *out_dir;
  char   *new_path;   /* src/new.socplan */
  char   *target;     /* out/plan.socplan */
  char   *backup;     /* out/plan.socplan~ */
  GBytes *old_bytes;
  GBytes *new_bytes;
  gint64  duration;   /* µs, of a convert that is not killed */
  gint64  write_start; /* µs into it, when the temporary file was first seen */
  gint64  write_end;   /* µs into it, when it was last seen (renamed soon after) */
} plans;

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      return NULL;
    }
  return g_bytes_new_take (contents, len);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
}

/* TRUE if BYTES is a prefix (possibly all) of WHOLE. */
static gboolean
is_prefix (GBytes *bytes,
           GBytes *whole)
{
  gsize len, whole_len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *whole_data = g_bytes_get_data (whole, &whole_len);

  return len <= whole_len && (len == 0 || memcmp (data, whole_data, len) == 0);
}

/* The environment for socplan-cli. ASan's leak check runs at exit: a child
 * killed with SIGKILL never gets there, and one that finishes just before
 * the kill would be scanned while the kill may land, so the report could
 * be cut off or missing at random. Leaks in convert are checked exactly by
 * test-cli; here they are off so that every run behaves the same. */
static char **
child_environ (const char *kill_at)
{
  char **env = g_get_environ ();
  const char *asan = g_environ_getenv (env, "ASAN_OPTIONS");
  g_autofree char *options = NULL;

  /* The shim goes first in LD_PRELOAD, before the ASan runtime would want
   * to be; it only wraps fsync and rename, so the check is turned off. */
  options = g_strconcat (asan != NULL ? asan : "", asan != NULL ? ":" : "",
                         "detect_leaks=0", kill_at != NULL ? ":verify_asan_link_order=0" : "",
                         NULL);
  env = g_environ_setenv (env, "ASAN_OPTIONS", options, TRUE);
  if (kill_at != NULL)
    {
      const char *shim = g_getenv ("SOC_KILL_SHIM");

      g_assert_nonnull (shim);
      env = g_environ_setenv (env, "LD_PRELOAD", shim, TRUE);
      env = g_environ_setenv (env, "SOC_KILL_AT", kill_at, TRUE);
    }
  else
    {
      env = g_environ_unsetenv (env, "SOC_KILL_AT");
    }
  return env;
}

static GPid
spawn_convert (char **env)
{
  const char *cli = g_getenv ("SOCPLAN_CLI");
  const char *argv[] = { cli, "convert", plans.new_path, "-o", plans.target, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_assert_nonnull (cli);
  /* Standard output is the TAP stream; the child's errors stay visible. */
  g_spawn_async (NULL, (char **) argv, env,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static int
wait_child (GPid pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);
  return status;
}

/* out/ holds only OLD as TARGET, as before a save. */
static void
reset_target (void)
{
  soc_test_rm_rf (plans.out_dir);
  g_assert_cmpint (g_mkdir (plans.out_dir, 0700), ==, 0);
  write_bytes (plans.target, plans.old_bytes);
}

static const char *
describe (GBytes *bytes)
{
  if (bytes == NULL)
    return "missing";
  if (g_bytes_equal (bytes, plans.old_bytes))
    return "old";
  if (g_bytes_equal (bytes, plans.new_bytes))
    return "new";
  return "neither old nor new";
}

/* Checks what a kill left in out/; N_TEMPORARY counts temporary files. */
static Outcome
check_outcome (guint *n_temporary)
{
  g_autoptr(GBytes) target = read_bytes (plans.target);
  g_autoptr(GBytes) backup = read_bytes (plans.backup);
  g_autoptr(GDir) dir = g_dir_open (plans.out_dir, 0, NULL);
  const char *name;
  const char *what = describe (target);

  *n_temporary = 0;
  if (g_strcmp0 (what, "old") != 0 && g_strcmp0 (what, "new") != 0)
    g_error ("after the kill, %s is %s (%" G_GSIZE_FORMAT " bytes)", plans.target, what,
             target != NULL ? g_bytes_get_size (target) : 0);
  if (backup != NULL && !g_bytes_equal (backup, plans.old_bytes) &&
      !g_bytes_equal (backup, plans.new_bytes))
    g_error ("after the kill, %s is %s", plans.backup, describe (backup));

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (plans.out_dir, name, NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (g_str_equal (path, plans.target) || g_str_equal (path, plans.backup))
        continue;
      bytes = read_bytes (path);
      g_assert_nonnull (bytes);
      if (!is_prefix (bytes, plans.new_bytes))
        g_error ("after the kill, %s is not a part of the new file", path);
      (*n_temporary)++;
    }

  if (g_bytes_equal (target, plans.new_bytes))
    return OUTCOME_NEW;
  return *n_temporary > 0 ? OUTCOME_OLD_MID_WRITE : OUTCOME_OLD_BEFORE_WRITE;
}

static gboolean
has_temporary (void)
{
  g_autoptr(GDir) dir = g_dir_open (plans.out_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "plan.socplan") && !g_str_equal (name, "plan.socplan~"))
      return TRUE;
  return FALSE;
}

/* Waits for PID while watching out/ every 200 µs, to learn when the
 * temporary file exists: the window in which a kill lands mid-write. */
static int
wait_child_watching (GPid   pid,
                     gint64 start)
{
  int status = 0;
  pid_t done;

  plans.write_start = plans.write_end = -1;
  while ((done = waitpid (pid, &status, WNOHANG)) == 0)
    {
      if (has_temporary ())
        {
          plans.write_end = g_get_monotonic_time () - start;
          if (plans.write_start < 0)
            plans.write_start = plans.write_end;
        }
      g_usleep (200);
    }
  g_assert_cmpint (done, ==, pid);
  g_spawn_close_pid (pid);
  return status;
}

/* NEW is OLD after a round of edits from its start to its end: the same
 * plan, a different version, nearly the same size. */
static GBytes *
edit_plan (const char *old_path)
{
  g_autoptr(SocDocument) doc = soc_test_load_path (old_path);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;
  guint n_goals = soc_document_get_n_goals (doc);
  guint n_items = g_list_model_get_n_items (soc_document_get_items (doc));

  g_assert_true (soc_edit_set_string (doc, SOC_OBJECT (soc_document_get_plan (doc)), "title",
                                     "Connected plan, second version", NULL));
  for (guint i = 1; i <= n_goals; i += 997)
    {
      g_autofree char *id = g_strdup_printf ("g%u", i);
      g_autofree char *title = g_strdup_printf ("Goal %u, reworded", i);

      g_assert_nonnull (soc_document_lookup (doc, id));
      g_assert_true (soc_edit_set_string (doc, soc_document_lookup (doc, id), "title", title, NULL));
    }
  for (guint i = 0; i < n_items; i += 1009)
    {
      g_autoptr(GObject) item = g_list_model_get_item (soc_document_get_items (doc), i);

      g_assert_true (soc_edit_set_string (doc, SOC_OBJECT (item), "title", "An item, rescheduled", NULL));
    }

  bytes = soc_document_serialize (doc, &error);
  g_assert_no_error (error);
  return bytes;
}

static void
set_up_plans (void)
{
  g_autofree char *old_path = NULL;
  g_auto(GStrv) env = NULL;
  gint64 times[3];
  gint64 start;

  if (plans.dir != NULL)
    return;

  plans.dir = soc_test_make_tmpdir ();
  plans.src_dir = g_build_filename (plans.dir, "src", NULL);
  plans.out_dir = g_build_filename (plans.dir, "out", NULL);
  g_assert_cmpint (g_mkdir (plans.src_dir, 0700), ==, 0);
  old_path = g_build_filename (plans.src_dir, "old.socplan", NULL);
  plans.new_path = g_build_filename (plans.src_dir, "new.socplan", NULL);
  plans.target = g_build_filename (plans.out_dir, "plan.socplan", NULL);
  plans.backup = g_strconcat (plans.target, "~", NULL);

  soc_test_generate (old_path, PLAN_GOALS, PLAN_ITEMS, PLAN_STAKEHOLDERS, 7);
  plans.old_bytes = read_bytes (old_path);
  plans.new_bytes = edit_plan (old_path);
  write_bytes (plans.new_path, plans.new_bytes);
  g_assert_false (g_bytes_equal (plans.old_bytes, plans.new_bytes));

  /* Four conversions nobody kills: the median of the first three is the
   * time a random kill is drawn from (other tests running beside this one
   * make single times jump), the fourth is watched for its temporary file
   * (watching takes a core, so it is not timed). */
  env = child_environ (NULL);
  for (guint run = 0; run < 4; run++)
    {
      g_autoptr(GBytes) target = NULL;
      g_autoptr(GBytes) backup = NULL;
      int status;

      reset_target ();
      start = g_get_monotonic_time ();
      if (run < 3)
        status = wait_child (spawn_convert (env));
      else
        status = wait_child_watching (spawn_convert (env), start);
      if (run < 3)
        times[run] = g_get_monotonic_time () - start;
      g_assert_true (g_spawn_check_wait_status (status, NULL));

      target = read_bytes (plans.target);
      backup = read_bytes (plans.backup);
      g_assert_nonnull (target);
      g_assert_nonnull (backup);
      g_assert_true (g_bytes_equal (target, plans.new_bytes));
      g_assert_true (g_bytes_equal (backup, plans.old_bytes));
    }

  plans.duration = MAX (MIN (times[0], times[1]), MIN (MAX (times[0], times[1]), times[2]));
  g_test_message ("plan: %" G_GSIZE_FORMAT " bytes old, %" G_GSIZE_FORMAT " bytes new; "
                  "an unkilled convert takes %.3f s, its temporary file was seen from %.3f to %.3f s",
                  g_bytes_get_size (plans.old_bytes), g_bytes_get_size (plans.new_bytes),
                  plans.duration / 1e6, plans.write_start / 1e6, plans.write_end / 1e6);
}

static void
tear_down_plans (void)
{
  if (plans.dir == NULL)
    return;
  soc_test_rm_rf (plans.dir);
  g_clear_pointer (&plans.dir, g_free);
  g_clear_pointer (&plans.src_dir, g_free);
  g_clear_pointer (&plans.out_dir, g_free);
  g_clear_pointer (&plans.new_path, g_free);
  g_clear_pointer (&plans.target, g_free);
  g_clear_pointer (&plans.backup, g_free);
  g_clear_pointer (&plans.old_bytes, g_bytes_unref);
  g_clear_pointer (&plans.new_bytes, g_bytes_unref);
}

static guint32
crash_seed (void)
{
  const char *seed = g_getenv ("SOC_CRASH_SEED");

  return seed != NULL ? (guint32) g_ascii_strtoull (seed, NULL, 10) : DEFAULT_SEED;
}

static const char *const outcome_name[N_OUTCOMES] = {
  "old, before writing", "old, mid-write", "new",
};

/* Polls until the temporary file appears (TRUE) or PID has exited (FALSE,
 * with its STATUS, reaped). */
static gboolean
wait_for_temporary (GPid  pid,
                    int  *status)
{
  for (;;)
    {
      pid_t done;

      if (has_temporary ())
        return TRUE;
      done = waitpid (pid, status, WNOHANG);
      g_assert_cmpint (done, >=, 0);
      if (done == pid)
        {
          g_spawn_close_pid (pid);
          return FALSE;
        }
      g_usleep (100);
    }
}

/* N conversions, each killed after a delay drawn from [0, SPAN] µs,
 * counted from the start or, with FROM_WRITE, from the moment the
 * temporary file appears (SPAN then shrinks after a kill that came too
 * late to land mid-write). */
static void
run_kills (const char *what,
           guint32     seed,
           guint       n,
           gboolean    from_write,
           gint64      span)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_auto(GStrv) env = child_environ (NULL);
  guint counts[N_OUTCOMES] = { 0 };
  guint finished_first = 0;
  gint64 start = g_get_monotonic_time ();

  for (guint run = 0; run < n; run++)
    {
      gint32 delay = g_rand_int_range (rand, 0, (gint32) span + 1);
      guint n_temporary;
      Outcome outcome;
      GPid pid;
      int status = 0;

      reset_target ();
      pid = spawn_convert (env);
      if (!from_write || wait_for_temporary (pid, &status))
        {
          g_usleep ((gulong) delay);
          /* Not reaped yet, so PID is still this child even if it is done. */
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          status = wait_child (pid);
        }

      if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
        finished_first++;
      else if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("%s, run %u (delay %d µs): convert ended with status 0x%x, not by the kill",
                 what, run, delay, (unsigned) status);

      outcome = check_outcome (&n_temporary);
      counts[outcome]++;
      /* The window was timed in one watched run; a machine busier now
       * than then writes faster or slower than that. A kill after the
       * rename proves the window is shorter than SPAN: draw the next
       * ones from below this delay, so they keep landing mid-write. */
      if (from_write && outcome == OUTCOME_NEW && delay > 1000)
        span = MAX (delay * 3 / 4, 1000);
      if (g_test_verbose ())
        g_test_message ("%s, run %u: killed after %d µs: %s", what, run, delay, outcome_name[outcome]);
    }

  g_test_message ("%u %s (seed %u, delays 0..%.3f s at last%s, %.1f s in all): "
                  "%u old (%u before writing, %u mid-write), %u new (%u finished before the kill)",
                  n, what, seed, span / 1e6, from_write ? " after the temporary file appeared" : "",
                  (g_get_monotonic_time () - start) / 1e6,
                  counts[OUTCOME_OLD_BEFORE_WRITE] + counts[OUTCOME_OLD_MID_WRITE],
                  counts[OUTCOME_OLD_BEFORE_WRITE], counts[OUTCOME_OLD_MID_WRITE],
                  counts[OUTCOME_NEW], finished_first);

  /* Not the property under test, but kills that all land after the rename
   * would prove nothing. */
  g_assert_cmpuint (counts[OUTCOME_OLD_BEFORE_WRITE] + counts[OUTCOME_OLD_MID_WRITE], >=, n / 4);
}

/* Delays over the whole of a convert: most land while the plan is read
 * and serialized, some while it is written, some after the rename. */
static void
test_random_kills (void)
{
  set_up_plans ();
  run_kills ("random kills", crash_seed (), N_RANDOM_KILLS, FALSE, plans.duration);
}

/* Writing 15 MB is a small part of a convert, so few random kills land
 * mid-write, and a convert varies by more than the write takes: these
 * watch for the temporary file and kill within the time it was seen. */
static void
test_mid_write_kills (void)
{
  set_up_plans ();
  if (plans.write_start < 0)
    {
      g_test_skip ("the temporary file was never seen: the write was too quick to watch");
      return;
    }
  run_kills ("kills while writing", crash_seed () + 1, N_WINDOW_KILLS, TRUE,
             plans.write_end - plans.write_start);
}

static void
test_shim_kill (gconstpointer data)
{
  const char *at = data;
  g_auto(GStrv) env = NULL;
  g_autoptr(GBytes) backup = NULL;
  guint n_temporary;
  Outcome outcome;
  int status;

  set_up_plans ();
  env = child_environ (at);
  reset_target ();
  status = wait_child (spawn_convert (env));
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  outcome = check_outcome (&n_temporary);
  backup = read_bytes (plans.backup);
  if (g_str_equal (at, "after-rename"))
    {
      g_assert_cmpint (outcome, ==, OUTCOME_NEW);
      g_assert_nonnull (backup);
      g_assert_true (g_bytes_equal (backup, plans.old_bytes));
    }
  else
    {
      /* The whole new file was written aside, and only that. */
      g_assert_cmpint (outcome, ==, OUTCOME_OLD_MID_WRITE);
      g_assert_cmpuint (n_temporary, ==, 1);
    }
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/random-kills", test_random_kills);
  g_test_add_func ("/crash/mid-write-kills", test_mid_write_kills);
  g_test_add_data_func ("/crash/killed-at-fsync", "fsync", test_shim_kill);
  g_test_add_data_func ("/crash/killed-at-rename", "rename", test_shim_kill);
  g_test_add_data_func ("/crash/killed-after-rename", "after-rename", test_shim_kill);

  result = g_test_run ();
  tear_down_plans ();
  return result;
}
