/* test-progress.c: how far metrics have come, how that rolls up the goal tree,
 * and the goals factor 1 finds untied
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "soc-checklist.h"
#include "soc-edit.h"
#include "soc-progress.h"
#include "soc-test-util.h"

#define NONE SOC_PROGRESS_NO_PARENT

static void
test_fraction (void)
{
  /* Up to a higher target. */
  g_assert_cmpfloat_with_epsilon (soc_progress_fraction (41, 70, 44), 3.0 / 29.0, 1e-12);
  g_assert_cmpfloat (soc_progress_fraction (0, 400, 0), ==, 0.0);
  g_assert_cmpfloat (soc_progress_fraction (0, 400, 400), ==, 1.0);

  /* Down to a lower target: days to competence from 90 to 60, now 84. */
  g_assert_cmpfloat_with_epsilon (soc_progress_fraction (90, 60, 84), 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (soc_progress_fraction (9.5, 6, 8.7), 0.8 / 3.5, 1e-12);

  /* Overshoot, and the wrong way, are said as they are... */
  g_assert_cmpfloat_with_epsilon (soc_progress_fraction (90, 60, 45), 1.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (soc_progress_fraction (10, 20, 5), -0.5, 1e-12);

  /* ...and what cannot be said is NAN: missing, infinite, or no distance. */
  g_assert_true (isnan (soc_progress_fraction (NAN, 70, 44)));
  g_assert_true (isnan (soc_progress_fraction (41, NAN, 44)));
  g_assert_true (isnan (soc_progress_fraction (41, 70, NAN)));
  g_assert_true (isnan (soc_progress_fraction (41, INFINITY, 44)));
  g_assert_true (isnan (soc_progress_fraction (5, 5, 5)));
}

static SocGoal *
metric (double baseline,
        double target,
        double current)
{
  SocGoal *goal = soc_goal_new (SOC_GOAL_KIND_METRIC);

  /* NAN is "not set": what a new goal has, and no value to set. */
  g_object_set (goal, "baseline", baseline, "target", target, NULL);
  if (!isnan (current))
    g_object_set (goal, "current", current, NULL);
  return goal;
}

static void
test_metric (void)
{
  g_autoptr(SocGoal) up = metric (0, 400, 85);
  g_autoptr(SocGoal) down = metric (90, 60, 84);
  g_autoptr(SocGoal) over = metric (90, 60, 40);
  g_autoptr(SocGoal) back = metric (10, 20, 5);
  g_autoptr(SocGoal) unmeasured = metric (10, 20, NAN);
  g_autoptr(SocGoal) flat = metric (10, 10, 10);
  g_autoptr(SocGoal) initiative = soc_goal_new (SOC_GOAL_KIND_INITIATIVE);
  double baseline, target, current;
  const char *unit = "x";

  g_assert_cmpfloat_with_epsilon (soc_progress_of_metric (up), 85.0 / 400.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (soc_progress_of_metric (down), 0.2, 1e-12);
  /* Past the target: done, no more. Behind the baseline: not started. */
  g_assert_cmpfloat (soc_progress_of_metric (over), ==, 1.0);
  g_assert_cmpfloat (soc_progress_of_metric (back), ==, 0.0);
  g_assert_true (isnan (soc_progress_of_metric (unmeasured)));
  g_assert_true (isnan (soc_progress_of_metric (flat)));
  g_assert_true (isnan (soc_progress_of_metric (initiative)));

  /* The goal's own getter says the same: the rule lives in one place. */
  g_assert_cmpfloat (soc_goal_get_progress (down), ==, soc_progress_of_metric (down));

  g_assert_true (soc_progress_get_values (down, &baseline, &target, &current, &unit));
  g_assert_cmpfloat (baseline, ==, 90);
  g_assert_cmpfloat (target, ==, 60);
  g_assert_cmpfloat (current, ==, 84);
  g_assert_null (unit);
  g_assert_false (soc_progress_get_values (initiative, NULL, NULL, NULL, NULL));
}

static void
test_roll_up_rules (void)
{
  /* 0 vision
   *   1 business objective
   *     2 metric 0.2
   *     3 social objective
   *       4 metric 0.5
   *       5 metric 1.0
   *       6 initiative (nothing measured)
   *   7 social objective (nothing measured)
   *     8 initiative
   *   9 business objective, dropped
   *     10 metric 0.0
   */
  const guint parents[] = { NONE, 0, 1, 1, 3, 3, 3, 0, 7, 0, 9 };
  const double own[] = { NAN, NAN, 0.2, NAN, 0.5, 1.0, NAN, NAN, NAN, NAN, 0.0 };
  const gboolean counts[] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, TRUE };
  double progress[G_N_ELEMENTS (parents)];
  guint n_metrics[G_N_ELEMENTS (parents)];

  soc_progress_roll_up (G_N_ELEMENTS (parents), parents, own, NULL, counts, progress, n_metrics);

  /* A metric is its own. */
  g_assert_cmpfloat (progress[2], ==, 0.2);
  g_assert_cmpuint (n_metrics[2], ==, 1);
  /* Children with progress count once each; one without is left out. */
  g_assert_cmpfloat (progress[3], ==, 0.75);
  g_assert_cmpuint (n_metrics[3], ==, 2);
  /* The metric beside a sub-goal counts as much as the whole sub-goal. */
  g_assert_cmpfloat_with_epsilon (progress[1], (0.2 + 0.75) / 2, 1e-12);
  g_assert_cmpuint (n_metrics[1], ==, 3);
  /* Nothing measured below: no progress, not zero. */
  g_assert_true (isnan (progress[6]));
  g_assert_true (isnan (progress[7]));
  g_assert_true (isnan (progress[8]));
  g_assert_cmpuint (n_metrics[7], ==, 0);
  /* A dropped goal has its own roll-up, but its parent does not count it. */
  g_assert_cmpfloat (progress[9], ==, 0.0);
  g_assert_cmpfloat_with_epsilon (progress[0], (0.2 + 0.75) / 2, 1e-12);
  g_assert_cmpuint (n_metrics[0], ==, 3);
}

/* A chain 100,000 deep and a star 100,000 wide: one pass each, no
 * recursion to run out of stack. */
static void
test_roll_up_shapes (void)
{
  const guint n = 100000;
  g_autofree guint *parents = g_new (guint, n);
  g_autofree double *own = g_new (double, n);
  g_autofree gboolean *counts = g_new (gboolean, n);
  g_autofree double *progress = g_new (double, n);
  g_autofree guint *n_metrics = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    {
      parents[i] = i == 0 ? NONE : i - 1;
      own[i] = i + 1 == n ? 0.25 : NAN;
      counts[i] = TRUE;
    }
  soc_progress_roll_up (n, parents, own, NULL, counts, progress, n_metrics);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (progress[i], ==, 0.25);
      g_assert_cmpuint (n_metrics[i], ==, 1);
    }

  for (guint i = 0; i < n; i++)
    {
      parents[i] = i == 0 ? NONE : 0;
      own[i] = i == 0 ? NAN : (i % 2 == 0 ? 1.0 : 0.0);
    }
  soc_progress_roll_up (n, parents, own, NULL, counts, progress, n_metrics);
  g_assert_cmpfloat_with_epsilon (progress[0], (double) ((n - 1) / 2) / (n - 1), 1e-9);
  g_assert_cmpuint (n_metrics[0], ==, n - 1);
}

/* The example plan, and the cache kept until the plan changes. */
static void
test_document (void)
{
  g_autofree char *path = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (path);
  SocGoal *vision = SOC_GOAL (soc_document_lookup (doc, "g1"));
  SocGoal *competence = SOC_GOAL (soc_document_lookup (doc, "g3"));
  SocGoal *days = SOC_GOAL (soc_document_lookup (doc, "g4"));
  SocGoal *answers = SOC_GOAL (soc_document_lookup (doc, "g5"));
  SocGoal *buddy = SOC_GOAL (soc_document_lookup (doc, "g7"));
  SocGoal *leaders = SOC_GOAL (soc_document_lookup (doc, "g33"));
  SocProgress *progress = soc_progress_get (doc);
  g_autoptr(SocProgress) kept = soc_progress_ref (progress);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* g4: 90 to 60 days, now 84; g6: 48 to 14 days, now 31. */
  g_assert_cmpfloat_with_epsilon (soc_progress_lookup (progress, days, &n), 0.2, 1e-12);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat_with_epsilon (soc_progress_lookup (progress, answers, &n), 0.5, 1e-12);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat_with_epsilon (soc_progress_lookup (progress, competence, &n), 0.35, 1e-12);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (isnan (soc_progress_lookup (progress, buddy, &n)));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (isnan (soc_progress_lookup (progress, leaders, NULL)));
  g_assert_false (isnan (soc_progress_lookup (progress, vision, &n)));
  g_assert_cmpuint (n, >, 5);

  /* Asked again before a change: the same one; and after a change that
   * touches no goal (a roadmap item's title), still the same one. */
  g_assert_true (soc_progress_get (doc) == progress);
  g_assert_true (soc_edit_set_string (doc, soc_document_lookup (doc, "i3"), "title", "Renamed", &error));
  g_assert_no_error (error);
  g_assert_true (soc_progress_get (doc) == progress);
  g_assert_true (soc_document_undo (doc));
  g_assert_true (soc_progress_get (doc) == progress);

  /* A change: computed again, with the new value; undone: the old one. */
  {
    GValue v = G_VALUE_INIT;

    g_value_init (&v, G_TYPE_DOUBLE);
    g_value_set_double (&v, 60);
    g_assert_true (soc_edit_set (doc, SOC_OBJECT (days), "current", &v, &error));
    g_assert_no_error (error);
  }
  progress = soc_progress_get (doc);
  g_assert_true (progress != kept);
  g_assert_cmpfloat (soc_progress_lookup (progress, days, NULL), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (soc_progress_lookup (progress, competence, NULL), 0.75, 1e-12);
  /* The reference taken still says what it said. */
  g_assert_cmpfloat_with_epsilon (soc_progress_lookup (kept, competence, NULL), 0.35, 1e-12);
  while (soc_document_undo (doc))
    ;
  g_assert_cmpfloat_with_epsilon (soc_progress_lookup (soc_progress_get (doc), competence, NULL), 0.35, 1e-12);

  /* A goal not in the plan has none. */
  {
    g_autoptr(SocGoal) stranger = metric (0, 1, 1);

    g_assert_true (isnan (soc_progress_lookup (kept, stranger, &n)));
    g_assert_cmpuint (n, ==, 0);
  }
}

typedef struct
{
  SocDocument *doc;
  SocGoal     *goal;       /* whose progress the handlers read */
  SocProgress *notified;   /* what a property's notification read */
  SocProgress *changed;    /* what "changed" read */
  double       during;     /* what a list's "items-changed" read, mid-change */
  guint        n_during;
} Reads;

static void
read_on_notify (GObject    *object,
                GParamSpec *pspec,
                Reads      *reads)
{
  /* Kept, so that another one worked out later cannot take its place in memory. */
  g_clear_pointer (&reads->notified, soc_progress_unref);
  reads->notified = soc_progress_ref (soc_progress_get (reads->doc));
}

static void
read_on_changed (SocDocument *doc,
                 Reads       *reads)
{
  reads->changed = soc_progress_get (doc);
}

static void
read_on_items_changed (GListModel *list,
                       guint       position,
                       guint       removed,
                       guint       added,
                       Reads      *reads)
{
  reads->during = soc_progress_lookup (soc_progress_get (reads->doc), reads->goal, NULL);
  reads->n_during++;
}

/* When progress is worked out: once for each change of the goals, whether
 * a view asks when a property is notified or when the document changed,
 * and not while the change is under way (a table binds its rows as a list
 * grows back in an undo, before the rest of the undo is done). */
static void
test_document_when (void)
{
  g_autofree char *path = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (path);
  SocGoal *vision = SOC_GOAL (soc_document_lookup (doc, "g1"));
  SocGoal *competence = SOC_GOAL (soc_document_lookup (doc, "g3"));
  SocGoal *days = SOC_GOAL (soc_document_lookup (doc, "g4"));
  Reads reads = { doc, competence, NULL, NULL, 0, 0 };
  g_autoptr(GError) error = NULL;
  GValue v = G_VALUE_INIT;

  g_signal_connect (days, "notify::current", G_CALLBACK (read_on_notify), &reads);
  g_signal_connect (doc, "changed", G_CALLBACK (read_on_changed), &reads);
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, 60);
  g_assert_true (soc_edit_set (doc, SOC_OBJECT (days), "current", &v, &error));
  g_assert_no_error (error);
  /* The notification read the new state, and "changed" read the same one. */
  g_assert_nonnull (reads.notified);
  g_assert_true (reads.changed == reads.notified);
  g_assert_cmpfloat_with_epsilon (soc_progress_lookup (reads.changed, competence, NULL), 0.75, 1e-12);
  g_assert_true (soc_progress_get (doc) == reads.changed);

  /* Delete g3 with what is under it, then undo: the list it goes back
   * into grows while the undo is under way. Nothing reads progress after
   * the delete. */
  g_signal_handlers_disconnect_by_data (doc, &reads);
  {
    SocObject *objects[] = { SOC_OBJECT (competence) };

    g_assert_true (soc_edit_delete (doc, objects, 1, &error));
    g_assert_no_error (error);
  }
  g_signal_connect (soc_goal_get_children (vision), "items-changed", G_CALLBACK (read_on_items_changed), &reads);
  g_signal_connect (doc, "changed", G_CALLBACK (read_on_changed), &reads);
  reads.changed = NULL;
  g_assert_true (soc_document_undo (doc));
  g_assert_cmpuint (reads.n_during, ==, 1);
  /* Mid-undo, nothing is known: the goals have changed since the last
   * progress worked out. Once the undo is complete, it is worked out. */
  g_assert_true (isnan (reads.during));
  g_assert_nonnull (reads.changed);
  g_assert_cmpfloat_with_epsilon (soc_progress_lookup (reads.changed, competence, NULL), 0.75, 1e-12);

  g_signal_handlers_disconnect_by_data (days, &reads);
  g_signal_handlers_disconnect_by_data (doc, &reads);
  g_signal_handlers_disconnect_by_data (soc_goal_get_children (vision), &reads);
  g_clear_pointer (&reads.notified, soc_progress_unref);
}

static gboolean
is_failing_alignment (SocChecklist *checklist,
                      const char   *id)
{
  guint n;
  const char * const *failing = soc_checklist_get_failing (checklist, SOC_FACTOR_ALIGNMENT, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (failing[i], id))
      return TRUE;
  return FALSE;
}

/* Factor 1's own rule, called on its own: the same goals the checklist
 * finds, following moves and links. */
static void
test_untied (void)
{
  g_autofree char *path = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (path);
  g_autoptr(GHashTable) untied = soc_checklist_find_untied (doc);
  g_autoptr(SocChecklist) checklist = soc_checklist_evaluate (doc, 0);
  SocGoal *intranet = SOC_GOAL (soc_document_lookup (doc, "g30"));
  SocGoal *relaunch = SOC_GOAL (soc_document_lookup (doc, "g32"));
  SocGoal *leaders = SOC_GOAL (soc_document_lookup (doc, "g33"));
  SocGoal *competence = SOC_GOAL (soc_document_lookup (doc, "g3"));
  GHashTableIter iter;
  gpointer goal;
  g_autoptr(GError) error = NULL;

  /* Social goals under the vision alone, and what hangs under them; items
   * that serve them serve no business objective. */
  g_assert_cmpuint (g_hash_table_size (untied), ==, 3);
  g_assert_true (g_hash_table_contains (untied, intranet));
  g_assert_true (g_hash_table_contains (untied, relaunch));
  g_assert_true (g_hash_table_contains (untied, leaders));

  /* Each is among what factor 1 lists as failing. */
  g_hash_table_iter_init (&iter, untied);
  while (g_hash_table_iter_next (&iter, &goal, NULL))
    g_assert_true (is_failing_alignment (checklist, soc_object_get_id (goal)));

  /* Moved under a business objective: tied, with what hangs under it. */
  g_assert_true (soc_edit_move_goal (doc, intranet, competence, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&untied, g_hash_table_unref);
  untied = soc_checklist_find_untied (doc);
  g_assert_cmpuint (g_hash_table_size (untied), ==, 1);
  g_assert_true (g_hash_table_contains (untied, leaders));
  g_assert_true (soc_document_undo (doc));

  /* Served by an item that also serves a business objective: tied. */
  {
    SocItem *item = SOC_ITEM (soc_document_lookup (doc, "i15"));
    g_autoptr(GPtrArray) serves = g_ptr_array_new ();

    g_ptr_array_add (serves, leaders);
    g_ptr_array_add (serves, competence);
    g_assert_true (soc_edit_set_links (doc, item, "serves", serves, &error));
    g_assert_no_error (error);
    g_clear_pointer (&untied, g_hash_table_unref);
    untied = soc_checklist_find_untied (doc);
    g_assert_false (g_hash_table_contains (untied, leaders));
    g_assert_true (g_hash_table_contains (untied, intranet));
  }

  /* An empty plan has nothing untied. */
  {
    g_autoptr(SocDocument) empty = soc_document_new ();
    g_autoptr(GHashTable) none = soc_checklist_find_untied (empty);

    g_assert_cmpuint (g_hash_table_size (none), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progress/fraction", test_fraction);
  g_test_add_func ("/progress/metric", test_metric);
  g_test_add_func ("/progress/roll-up/rules", test_roll_up_rules);
  g_test_add_func ("/progress/roll-up/shapes", test_roll_up_shapes);
  g_test_add_func ("/progress/document", test_document);
  g_test_add_func ("/progress/document/when", test_document_when);
  g_test_add_func ("/progress/untied", test_untied);

  return g_test_run ();
}
