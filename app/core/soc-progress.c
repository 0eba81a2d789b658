/* soc-progress.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Track it": a metric says where it started (baseline), where it should
 * get to (target) and where it stands (current). The rules, once, for the
 * outline, the inspector, the goal tree and print alike:
 *
 *  - A metric's fraction is (current - baseline) / (target - baseline):
 *    0 at the baseline, 1 at the target, whichever way the target lies (a
 *    target below the baseline, as for days to competence, works the same
 *    way). It goes past 1 when the metric overshoots its target and below
 *    0 when it went the wrong way. It is unknown (NAN) when any of the
 *    three values is missing, or when the target is the baseline.
 *  - A metric's progress is its fraction held to 0 to 1: a metric past its
 *    target is done, one behind its baseline has not started.
 *  - Every other goal's progress is the mean of the progress of its
 *    children that have one, each child counting once whatever it holds: a
 *    metric directly under it, or a sub-goal with its own roll-up. Dropped
 *    goals do not count. A goal with nothing measured below it has no
 *    progress (NAN), never 0: nothing measured is not nothing achieved.
 *    (A metric without values of its own rolls up its children the same
 *    way.)
 *  - Each progress rests on a number of metrics: 1 for a metric's own, else
 *    the metrics its counted children rest on; a view says "62 % from 3
 *    metrics" with it.
 *
 * The roll-up is one pass over the goals from the last to the first in
 * depth-first order, so every child is done before its parent: linear, and
 * never recursive, however deep the tree.
 */

#define G_LOG_DOMAIN "soc-progress"

#include "config.h"

#include <math.h>

#include "soc-document-private.h"
#include "soc-progress.h"

struct _SocProgress
{
  gatomicrefcount  ref_count;
  GHashTable      *index;      /* SocGoal -> its place + 1 */
  double          *progress;
  guint           *n_metrics;
  guint            serial;     /* the document's goals_serial it was worked out at */
};

G_DEFINE_BOXED_TYPE (SocProgress, soc_progress, soc_progress_ref, soc_progress_unref)

/* How far CURRENT has come from BASELINE towards TARGET: 0 at the baseline,
 * 1 at the target, more past it, less than 0 the wrong way; NAN when it
 * cannot say. */
double
soc_progress_fraction (double baseline,
                       double target,
                       double current)
{
  if (!isfinite (baseline) || !isfinite (target) || !isfinite (current) || target == baseline)
    return NAN;
  return (current - baseline) / (target - baseline);
}

/* GOAL's own progress, 0 to 1, if it is a metric with values; else NAN. */
double
soc_progress_of_metric (SocGoal *goal)
{
  double p;

  g_return_val_if_fail (SOC_IS_GOAL (goal), NAN);

  if (goal->kind != SOC_GOAL_KIND_METRIC)
    return NAN;
  p = soc_progress_fraction (goal->baseline, goal->target, goal->current);
  return isnan (p) ? NAN : CLAMP (p, 0.0, 1.0);
}

/* Whether GOAL counts towards its parent's progress: dropped goals do not. */
gboolean
soc_progress_counts (SocGoal *goal)
{
  g_return_val_if_fail (SOC_IS_GOAL (goal), FALSE);

  return goal->status != SOC_GOAL_STATUS_DROPPED;
}

/* The numbers of GOAL, a metric: FALSE for any other kind of goal. Values
 * not set are NAN; UNIT may be NULL. */
gboolean
soc_progress_get_values (SocGoal     *goal,
                         double      *baseline,
                         double      *target,
                         double      *current,
                         const char **unit)
{
  g_return_val_if_fail (SOC_IS_GOAL (goal), FALSE);

  if (goal->kind != SOC_GOAL_KIND_METRIC)
    return FALSE;
  if (baseline != NULL)
    *baseline = goal->baseline;
  if (target != NULL)
    *target = goal->target;
  if (current != NULL)
    *current = goal->current;
  if (unit != NULL)
    *unit = goal->unit;
  return TRUE;
}

/* Rolls progress up a tree of N_NODES nodes, each after its parent
 * (PARENTS[i] < i, or SOC_PROGRESS_NO_PARENT for a root). OWN[i] is a
 * node's own progress or NAN, resting on OWN_METRICS[i] metrics (NULL: one
 * each; a view that folds a subtree into one node gives its roll-up and
 * count here); COUNTS[i] whether it counts towards its parent. Writes each
 * node's PROGRESS (NAN: nothing measured below it) and the number of
 * metrics it rests on. */
void
soc_progress_roll_up (guint           n_nodes,
                      const guint    *parents,
                      const double   *own,
                      const guint    *own_metrics,
                      const gboolean *counts,
                      double         *progress,
                      guint          *n_metrics)
{
  g_autofree double *sum = g_new0 (double, n_nodes);
  g_autofree guint *n_counted = g_new0 (guint, n_nodes);
  g_autofree guint *metrics = g_new0 (guint, n_nodes);

  for (guint i = n_nodes; i > 0; i--)
    {
      guint v = i - 1;
      guint parent = parents[v];

      if (!isnan (own[v]))
        {
          progress[v] = own[v];
          n_metrics[v] = own_metrics != NULL ? own_metrics[v] : 1;
        }
      else if (n_counted[v] > 0)
        {
          progress[v] = sum[v] / n_counted[v];
          n_metrics[v] = metrics[v];
        }
      else
        {
          progress[v] = NAN;
          n_metrics[v] = 0;
        }

      if (parent != SOC_PROGRESS_NO_PARENT && counts[v] && !isnan (progress[v]))
        {
          g_return_if_fail (parent < v);
          sum[parent] += progress[v];
          n_counted[parent]++;
          metrics[parent] += n_metrics[v];
        }
    }
}

/* The progress of every goal of DOCUMENT, now. */
SocProgress *
soc_progress_new (SocDocument *document)
{
  SocProgress *self;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GArray) parents = NULL;
  g_autofree double *own = NULL;
  g_autofree gboolean *counts = NULL;
  guint n;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  self = g_new0 (SocProgress, 1);
  g_atomic_ref_count_init (&self->ref_count);

  /* Depth first, each goal with the place of its parent. */
  n = document->n_goals;
  goals = g_ptr_array_sized_new (n);
  parents = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  self->index = g_hash_table_new (NULL, NULL);

  {
    g_autoptr(GPtrArray) pending = g_ptr_array_new ();
    g_autoptr(GArray) pending_parent = g_array_new (FALSE, FALSE, sizeof (guint));
    SocObjectList *roots = document->goals;

    for (guint i = soc_object_list_get_size (roots); i > 0; i--)
      {
        guint none = SOC_PROGRESS_NO_PARENT;

        g_ptr_array_add (pending, soc_object_list_get (roots, i - 1));
        g_array_append_val (pending_parent, none);
      }
    while (pending->len > 0)
      {
        SocGoal *goal = g_ptr_array_steal_index_fast (pending, pending->len - 1);
        guint parent = g_array_index (pending_parent, guint, pending_parent->len - 1);
        guint place = goals->len;

        g_array_set_size (pending_parent, pending_parent->len - 1);
        g_array_append_val (parents, parent);
        g_ptr_array_add (goals, goal);
        g_hash_table_insert (self->index, goal, GUINT_TO_POINTER (place + 1));
        for (guint i = soc_object_list_get_size (goal->children); i > 0; i--)
          {
            g_ptr_array_add (pending, soc_object_list_get (goal->children, i - 1));
            g_array_append_val (pending_parent, place);
          }
      }
  }

  n = goals->len;
  own = g_new (double, MAX (n, 1));
  counts = g_new (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      SocGoal *goal = g_ptr_array_index (goals, i);

      own[i] = soc_progress_of_metric (goal);
      counts[i] = soc_progress_counts (goal);
    }
  self->progress = g_new (double, MAX (n, 1));
  self->n_metrics = g_new (guint, MAX (n, 1));
  soc_progress_roll_up (n, (const guint *) parents->data, own, NULL, counts, self->progress, self->n_metrics);
  return self;
}

static GQuark
cache_quark (void)
{
  return g_quark_from_static_string ("soc-progress");
}

/* What is known while goals are being changed: nothing (every goal's
 * progress NAN). One for all documents, never freed. */
static SocProgress *
unknown_progress (void)
{
  static SocProgress *unknown;

  if (g_once_init_enter (&unknown))
    {
      SocProgress *self = g_new0 (SocProgress, 1);

      g_atomic_ref_count_init (&self->ref_count);
      self->index = g_hash_table_new (NULL, NULL);
      g_once_init_leave (&unknown, self);
    }
  return unknown;
}

/* The progress of DOCUMENT's goals, kept until a command, a group, an undo
 * or a redo that changes a goal ends, so every view of one state of the
 * plan works it out once, whether it asks when an object's property is
 * notified or when the document emits "changed" (a change is counted when
 * it ends, before anyone hears of it). While a change is under way (a view
 * that binds a row as a list grows, say) it gives what it knew before,
 * or if that is out of date already, nothing: a plan half changed is not
 * worth working out, and a view that shows progress hears "changed" when
 * the change is complete. Transfer none: take a reference to keep it past
 * the next change. */
SocProgress *
soc_progress_get (SocDocument *document)
{
  SocProgress *progress;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  progress = g_object_get_qdata (G_OBJECT (document), cache_quark ());
  if (progress != NULL && progress->serial == document->goals_serial)
    return progress;
  if (document->batch_depth > 0)
    return unknown_progress ();
  progress = soc_progress_new (document);
  progress->serial = document->goals_serial;
  g_object_set_qdata_full (G_OBJECT (document), cache_quark (), progress, (GDestroyNotify) soc_progress_unref);
  return progress;
}

SocProgress *
soc_progress_ref (SocProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
soc_progress_unref (SocProgress *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->index);
  g_free (self->progress);
  g_free (self->n_metrics);
  g_free (self);
}

/* GOAL's progress, 0 to 1, or NAN when nothing below it is measured (or it
 * was not in the document). N_METRICS, if not NULL, gets the number of
 * metrics it rests on. */
double
soc_progress_lookup (SocProgress *self,
                     SocGoal     *goal,
                     guint       *n_metrics)
{
  guint place;

  g_return_val_if_fail (self != NULL, NAN);

  place = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, goal));
  if (place == 0)
    {
      if (n_metrics != NULL)
        *n_metrics = 0;
      return NAN;
    }
  if (n_metrics != NULL)
    *n_metrics = self->n_metrics[place - 1];
  return self->progress[place - 1];
}
