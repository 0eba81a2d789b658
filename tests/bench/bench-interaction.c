/* bench-interaction.c: the main-thread time of each action of issue 16
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-interaction --core [--runs N] FILE...
 *   bench-interaction --window [--runs N] [--no-animations] [--app SOCPLAN] [--open FILE]... FILE...
 *
 * --core loads each plan with the listeners the application attaches to a
 * document (the checklist monitor, the draft store) and times every edit of
 * the table with its undo and redo, the main-thread part of a save
 * and of a draft, a checklist judgement, and what a plan costs before and
 * while it is warmed up after opening.
 *
 * --window (under Xvfb) opens each plan in a real SocWindow and times the
 * same actions through the window: the main thread's busy time from the
 * action until the window rests again (layout and painting included), and
 * the longest single block of the main loop, which is what a key pressed
 * meanwhile waits for. With --app, also the time from starting the
 * application on each --open file to an idle window; and the memory a
 * closed window of the largest plan leaves behind. With --no-animations,
 * GTK's animations are off (the desktop's "Animations" switch): what the
 * transitions of the theme and of the scrollbars cost is then left out.
 *
 * Times are the main thread's CPU time (CLOCK_THREAD_CPUTIME_ID), as the
 * issue measured them: on a shared machine, wall times are inflated by
 * other processes. Figures are medians of N runs (default 5; fewer when one
 * run takes more than a few seconds). Nothing is asserted: a regression
 * shows as a figure.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench-interaction.h"
#include "soc-checklist-monitor.h"
#include "soc-draft-store.h"
#include "soc-edit.h"

/* ------------------------------------------------------------------------ */
/* The table                                                                */

typedef struct
{
  char   *action;
  char   *goal;
  GPtrArray *cells;   /* char *, one per plan */
} Row;

static GPtrArray *rows;        /* Row */
static GPtrArray *columns;     /* column headings */

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->action);
  g_free (row->goal);
  g_ptr_array_unref (row->cells);
  g_free (row);
}

void
bench_put (const char *action,
     const char *goal,
     guint       column,
     const char *cell)
{
  Row *row = NULL;

  for (guint i = 0; i < rows->len && row == NULL; i++)
    if (g_str_equal (((Row *) g_ptr_array_index (rows, i))->action, action))
      row = g_ptr_array_index (rows, i);
  if (row == NULL)
    {
      row = g_new0 (Row, 1);
      row->action = g_strdup (action);
      row->goal = g_strdup (goal);
      row->cells = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (rows, row);
    }
  if (row->cells->len <= column)
    g_ptr_array_set_size (row->cells, column + 1);
  g_free (g_ptr_array_index (row->cells, column));
  g_ptr_array_index (row->cells, column) = g_strdup (cell);
}

void
bench_print_table (const char *title)
{
  guint width = 10;

  for (guint i = 0; i < rows->len; i++)
    width = MAX (width, g_utf8_strlen (((Row *) g_ptr_array_index (rows, i))->action, -1));

  g_print ("%s\n", title);
  g_print ("%-*s", (int) width, "action");
  for (guint c = 0; c < columns->len; c++)
    g_print (" %14s", (const char *) g_ptr_array_index (columns, c));
  g_print ("   goal\n");
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      int pad = (int) width - (int) g_utf8_strlen (row->action, -1) + (int) strlen (row->action);

      g_print ("%-*s", pad, row->action);
      for (guint c = 0; c < columns->len; c++)
        g_print (" %14s", c < row->cells->len && g_ptr_array_index (row->cells, c) != NULL
                            ? (const char *) g_ptr_array_index (row->cells, c) : "-");
      g_print ("   %s\n", row->goal);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return -1;
  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

char *
bench_format_ms (double ms)
{
  if (ms < 0)
    return g_strdup ("n/a");
  if (ms >= 10000)
    return g_strdup_printf ("%.1f s", ms / 1000);
  if (ms >= 100)
    return g_strdup_printf ("%.0f", ms);
  return g_strdup_printf ("%.1f", ms);
}

void
bench_put_median (const char *action,
            const char *goal,
            guint       column,
            GArray     *samples)
{
  g_autofree char *cell = bench_format_ms (bench_median (samples));

  bench_put (action, goal, column, cell);
}

/* The main thread's own time: what the figures are, and what a
 * busy machine does not inflate the way it does wall time. */
double
bench_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* ------------------------------------------------------------------------ */
/* Choosing what to act on                                                  */

/* The stakeholder in the most relationships, and how many it is in. */
SocStakeholder *
bench_most_related (SocDocument *doc,
              guint       *count)
{
  GListModel *relationships = soc_document_get_relationships (doc);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  SocStakeholder *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (relationships); i++)
    {
      g_autoptr(SocRelationship) rel = g_list_model_get_item (relationships, i);
      SocStakeholder *ends[2] = { soc_relationship_get_from (rel), soc_relationship_get_to (rel) };

      for (guint e = 0; e < 2; e++)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, ends[e])) + 1;

          g_hash_table_insert (counts, ends[e], GUINT_TO_POINTER (n));
          if (n > best_count)
            {
              best = ends[e];
              best_count = n;
            }
        }
    }
  *count = best_count;
  return best;
}

/* A scheduled activity in the middle of the roadmap. */
SocItem *
bench_middle_activity (SocDocument *doc)
{
  GListModel *items = soc_document_get_items (doc);
  guint n = g_list_model_get_n_items (items);

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(SocItem) item = g_list_model_get_item (items, (n / 2 + k) % n);

      if (soc_item_get_kind (item) == SOC_ITEM_KIND_ACTIVITY && soc_item_get_start (item) > 1 &&
          soc_item_get_end (item) >= soc_item_get_start (item))
        return item;
    }
  return NULL;
}

GPtrArray *
bench_root_goals (SocDocument *doc)
{
  GListModel *goals = soc_document_get_goals (doc);
  GPtrArray *roots = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    g_ptr_array_add (roots, g_list_model_get_item (goals, i));
  return roots;
}

guint
bench_count_objects (SocDocument *doc)
{
  return soc_document_get_n_goals (doc) +
         g_list_model_get_n_items (soc_document_get_items (doc)) +
         g_list_model_get_n_items (soc_document_get_stakeholders (doc));
}

/* A column for the plan at PATH, named by its size: "10k". */
guint
bench_add_column (const char  *path,
                  SocDocument *doc)
{
  guint n = bench_count_objects (doc);

  if (n >= 1000 && n % 1000 == 0)
    g_ptr_array_add (columns, g_strdup_printf ("%uk", n / 1000));
  else
    g_ptr_array_add (columns, g_path_get_basename (path));
  return columns->len - 1;
}

/* ------------------------------------------------------------------------ */
/* The core, without a display                                              */

typedef gboolean (*EditFunc) (SocDocument *doc, gpointer data);

typedef struct
{
  SocDocument *doc;
  guint        column;
  int          runs;
} Core;

static gboolean
edit_delete (SocDocument *doc,
             gpointer     data)
{
  GPtrArray *objects = data;

  return soc_edit_delete (doc, (SocObject *const *) objects->pdata, objects->len, NULL);
}

static gboolean
edit_add_item (SocDocument *doc,
               gpointer     data)
{
  SocItem *model = data;
  g_autoptr(SocItem) item = soc_item_new (SOC_ITEM_KIND_ACTIVITY);
  GListModel *items = soc_document_get_items (doc);

  g_object_set (item, "title", "A new activity", "lane", soc_item_get_lane (model),
                "start", soc_item_get_start (model), "end", soc_item_get_start (model) + 29, NULL);
  return soc_edit_add (doc, SOC_OBJECT (item), NULL, g_list_model_get_n_items (items) / 2, NULL) != NULL;
}

gboolean
bench_edit_start_date (SocDocument *doc,
                 gpointer     data)
{
  SocItem *item = data;
  g_autoptr(GError) error = NULL;

  if (!soc_edit_set_int (doc, SOC_OBJECT (item), "start", (int) soc_item_get_start (item) - 1, &error))
    {
      g_printerr ("bench-interaction: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Times EDIT, its undo and its redo, RUNS times, leaving the plan as it was. */
static void
time_edit (Core       *core,
           const char *name,
           EditFunc    edit,
           gpointer    data)
{
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undone = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redone = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *undo_key = g_strdup_printf ("%s: undo", name);
  g_autofree char *redo_key = g_strdup_printf ("%s: redo", name);

  for (int r = 0; r < core->runs; r++)
    {
      double t0, t1, t2, t3;

      t0 = bench_cpu_ms ();
      if (!edit (core->doc, data))
        {
          g_printerr ("bench-interaction: %s failed\n", name);
          return;
        }
      t1 = bench_cpu_ms ();
      soc_document_undo (core->doc);
      t2 = bench_cpu_ms ();
      soc_document_redo (core->doc);
      t3 = bench_cpu_ms ();
      soc_document_undo (core->doc);

      g_array_append_val (done, (double) { t1 - t0 });
      g_array_append_val (undone, (double) { t2 - t1 });
      g_array_append_val (redone, (double) { t3 - t2 });
      if (t3 - t0 > BENCH_SLOW_RUN_MS)
        break;
    }
  bench_put_median (name, "< 100", core->column, done);
  bench_put_median (undo_key, "< 100", core->column, undone);
  bench_put_median (redo_key, "< 100", core->column, redone);
}

typedef struct
{
  double   main_ms;
  gboolean done;
  gboolean ok;
} SaveWait;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveWait *wait = user_data;
  g_autoptr(GError) error = NULL;
  double t0 = bench_cpu_ms ();

  wait->ok = soc_document_save_finish (SOC_DOCUMENT (source), result, &error);
  if (!wait->ok)
    g_printerr ("bench-interaction: saving failed: %s\n", error->message);
  wait->main_ms += bench_cpu_ms () - t0;
  wait->done = TRUE;
}

/* Ctrl+S: the main thread's part (start and completion), and the whole. */
static void
time_save (Core       *core,
           const char *dir)
{
  g_autoptr(GArray) main = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = g_build_filename (dir, "saved.socplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (int r = 0; r < core->runs; r++)
    {
      SaveWait wait = { 0 };
      double t0 = bench_cpu_ms ();
      double w0 = bench_now_ms ();

      soc_document_save_async (core->doc, file, SOC_SAVE_FLAGS_OVERWRITE, NULL, on_saved, &wait);
      wait.main_ms += bench_cpu_ms () - t0;
      while (!wait.done)
        g_main_context_iteration (NULL, TRUE);
      if (!wait.ok)
        return;
      g_array_append_val (whole, (double) { bench_now_ms () - w0 });
      g_array_append_val (main, wait.main_ms);
    }
  bench_put_median ("save: main thread (Ctrl+S to saved)", "< 16", core->column, main);
  bench_put_median ("save: the whole save, in a worker", "(info)", core->column, whole);
}

static guint
count_drafts (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".socplan"))
      n++;
  return n;
}

/* A draft written after an edit: the main loop's busy time from the edit
 * (excluded) until the draft is on disk. */
static void
time_draft (Core                *core,
            SocChecklistMonitor *monitor,
            const char          *dir)
{
  g_autofree char *drafts_dir = g_build_filename (dir, "drafts", NULL);
  g_autoptr(SocDraftStore) store = soc_draft_store_new (drafts_dir);
  g_autoptr(GArray) main = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  SocPlan *plan = soc_document_get_plan (core->doc);
  guint delay = soc_checklist_monitor_get_delay (monitor);

  soc_draft_store_set_delay (store, 0);
  if (!soc_draft_store_start_session (store, &error))
    {
      g_printerr ("bench-interaction: %s\n", error->message);
      return;
    }
  /* The checklist waits meanwhile: only the draft is measured. */
  soc_checklist_monitor_set_delay (monitor, 60000);

  for (int r = 0; r < core->runs; r++)
    {
      g_autofree char *title = g_strdup_printf ("Draft %d", r);
      double busy = 0, deadline;

      soc_draft_store_watch (store, core->doc);
      soc_edit_set_string (core->doc, SOC_OBJECT (plan), "title", title, NULL);
      deadline = bench_now_ms () + 20000;
      while (count_drafts (drafts_dir) == 0 && bench_now_ms () < deadline)
        {
          double t0 = bench_cpu_ms ();

          if (g_main_context_iteration (NULL, FALSE))
            busy += bench_cpu_ms () - t0;
          else
            g_usleep (200);
        }
      /* The write's completion runs on the main thread too. */
      for (double end = bench_now_ms () + 50; bench_now_ms () < end;)
        {
          double t0 = bench_cpu_ms ();

          if (g_main_context_iteration (NULL, FALSE))
            busy += bench_cpu_ms () - t0;
          else
            g_usleep (200);
        }
      g_array_append_val (main, busy);
      soc_document_undo (core->doc);
      soc_draft_store_forget (store, core->doc);
      soc_draft_store_flush (store);
    }
  soc_draft_store_end_session (store);
  soc_checklist_monitor_set_delay (monitor, delay);
  bench_put_median ("draft: main thread per write", "< 16", core->column, main);
}

static void
time_checklist (Core                *core,
                SocChecklistMonitor *monitor)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int r = 0; r < MAX (core->runs, 5); r++)
    {
      double t0 = bench_cpu_ms ();

      soc_checklist_monitor_update_now (monitor);
      g_array_append_val (times, (double) { bench_cpu_ms () - t0 });
    }
  bench_put_median ("checklist judged again (monitor)", "< 16", core->column, times);
}

/* What the first save and the first delete cost on a plan just opened
 * (the application's loader warms it up in its thread). */
static void
time_cold (Core       *core,
           const char *path,
           const char *dir)
{
  g_autofree char *out = g_build_filename (dir, "cold.socplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) saved = g_file_new_for_path (out);
  g_autoptr(SocDocument) doc = soc_document_load (file, NULL, NULL);
  g_autoptr(GArray) save_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) delete_ms = g_array_new (FALSE, FALSE, sizeof (double));
  SaveWait wait = { 0 };
  SocObject *target;
  guint related;
  double t0;

  if (doc == NULL)
    return;
  /* As the application's loader does, in its thread, before the window
   * has the plan: not main-thread time. */
  soc_document_warm_up_now (doc);
  target = SOC_OBJECT (bench_most_related (doc, &related));

  t0 = bench_cpu_ms ();
  soc_document_save_async (doc, saved, SOC_SAVE_FLAGS_OVERWRITE, NULL, on_saved, &wait);
  wait.main_ms += bench_cpu_ms () - t0;
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_array_append_val (save_ms, wait.main_ms);

  t0 = bench_cpu_ms ();
  soc_edit_delete (doc, &target, 1, NULL);
  g_array_append_val (delete_ms, (double) { bench_cpu_ms () - t0 });

  bench_put_median ("first save, plan just opened", "(info)", core->column, save_ms);
  bench_put_median ("first delete, plan just opened", "< 100", core->column, delete_ms);
}

/* The warm-up after opening: its slices of the main loop, in all and the
 * longest. */
static void
time_warm_up (Core *core)
{
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) longest = g_array_new (FALSE, FALSE, sizeof (double));
  double busy = 0, slice = 0;

  soc_document_warm_up (core->doc);
  for (;;)
    {
      double t0 = bench_cpu_ms ();

      if (!g_main_context_iteration (NULL, FALSE))
        break;
      busy += bench_cpu_ms () - t0;
      slice = MAX (slice, bench_cpu_ms () - t0);
    }
  g_array_append_val (total, busy);
  g_array_append_val (longest, slice);
  bench_put_median ("warm-up after opening: all its slices", "(info)", core->column, total);
  bench_put_median ("warm-up after opening: its longest slice", "< 16", core->column, longest);
}

/* The time between two actions of a person: what waits for the main loop
 * to be idle (writing again what an edit changed) gets done. */
static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A save the moment after undoing the deletion of the goal tree: tens of
 * thousands of items changed, none written again yet. */
static void
time_save_after_big_edit (Core       *core,
                          GPtrArray  *roots,
                          const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "saved.socplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) main = g_array_new (FALSE, FALSE, sizeof (double));
  SaveWait wait = { 0 };
  double t0;

  soc_edit_delete (core->doc, (SocObject *const *) roots->pdata, roots->len, NULL);
  soc_document_undo (core->doc);
  t0 = bench_cpu_ms ();
  soc_document_save_async (core->doc, file, SOC_SAVE_FLAGS_OVERWRITE, NULL, on_saved, &wait);
  wait.main_ms += bench_cpu_ms () - t0;
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_array_append_val (main, wait.main_ms);
  bench_put_median ("save at once after undoing the tree's delete", "(info)", core->column, main);
  settle ();
}

static int
run_core (int    runs,
          char **files,
          int    n_files)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-interaction-XXXXXX", NULL);

  for (int f = 0; f < n_files; f++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (files[f]);
      g_autoptr(GError) error = NULL;
      g_autoptr(SocDocument) doc = soc_document_load (file, NULL, &error);
      g_autoptr(SocChecklistMonitor) monitor = NULL;
      g_autoptr(GPtrArray) stakeholder = g_ptr_array_new ();
      g_autoptr(GPtrArray) roots = NULL;
      g_autofree char *delete_name = NULL;
      g_autofree char *tree_name = NULL;
      SocStakeholder *target;
      SocItem *item;
      guint related;
      Core core;

      if (doc == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      core.doc = doc;
      core.column = bench_add_column (files[f], doc);
      core.runs = runs;

      /* What the application attaches to every open plan. */
      monitor = soc_checklist_monitor_new (doc);

      target = bench_most_related (doc, &related);
      item = bench_middle_activity (doc);
      roots = bench_root_goals (doc);
      if (target == NULL || item == NULL || roots->len == 0)
        {
          g_printerr ("bench-interaction: %s lacks stakeholders, items or goals\n", files[f]);
          return 1;
        }
      g_ptr_array_add (stakeholder, target);
      delete_name = g_strdup ("delete the most related stakeholder");
      tree_name = g_strdup ("delete the whole goal tree");
      g_print ("%s: %u objects; %s is in %u relationships; the goal tree holds %u goals\n",
               (const char *) g_ptr_array_index (columns, core.column), bench_count_objects (doc),
               soc_object_get_id (SOC_OBJECT (target)), related, soc_document_get_n_goals (doc));

      time_cold (&core, files[f], dir);
      time_warm_up (&core);
      time_edit (&core, delete_name, edit_delete, stakeholder);
      settle ();
      time_edit (&core, tree_name, edit_delete, roots);
      settle ();
      time_edit (&core, "add a roadmap item", edit_add_item, item);
      settle ();
      time_edit (&core, "change an item's start date", bench_edit_start_date, item);
      settle ();
      time_save (&core, dir);
      time_save_after_big_edit (&core, roots, dir);
      time_draft (&core, monitor, dir);
      time_checklist (&core, monitor);
    }

  bench_print_table ("== Interaction, headless (issue 16): main-thread CPU ms, medians");
  g_rmdir (dir);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GPtrArray) open_files = g_ptr_array_new ();
  const char *socplan = NULL;
  gboolean window = FALSE, core = FALSE, animations = TRUE;
  int runs = 5;

  /* In a window the benchmark runs as the application does: before GLib
   * 2.76, without GLib's slices (app/gtk/main.c). */
  if (argc > 1 && !g_str_equal (argv[1], "--core") && glib_check_version (2, 76, 0) != NULL &&
      g_getenv ("G_SLICE") == NULL)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      execv ("/proc/self/exe", argv);
    }

  /* A child of --window: the memory a closed window leaves. */
  if (argc == 4 && g_str_equal (argv[1], "--memory"))
    return bench_run_memory (argv[2], argv[3]);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--core"))
        core = TRUE;
      else if (g_str_equal (argv[i], "--window"))
        window = TRUE;
      else if (g_str_equal (argv[i], "--no-animations"))
        animations = FALSE;
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        runs = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--app") && i + 1 < argc)
        socplan = argv[++i];
      else if (g_str_equal (argv[i], "--open") && i + 1 < argc)
        g_ptr_array_add (open_files, argv[++i]);
      else
        g_ptr_array_add (files, argv[i]);
    }
  if (core == window || runs < 1)
    {
      g_printerr ("usage: bench-interaction --core|--window [--runs N] [--no-animations] [--app SOCPLAN] [--open FILE]... FILE...\n");
      return 2;
    }

  rows = g_ptr_array_new_with_free_func (row_free);
  columns = g_ptr_array_new_with_free_func (g_free);
  if (core)
    return run_core (runs, (char **) files->pdata, files->len);
  return bench_run_window (argv[0], runs, animations, socplan, open_files, (char **) files->pdata, files->len);
}
