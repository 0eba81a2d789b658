/* soc-goal.c: a node of the goal tree
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-goal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "soc-enum-types.h"
#include "soc-model-private.h"
#include "soc-progress.h"

G_DEFINE_FINAL_TYPE (SocGoal, soc_goal, SOC_TYPE_OBJECT)

#define G(m, n, k, t, min, max, def, fl, u, l) SOC_F (SocGoal, m, n, k, t, min, max, def, fl, NULL, u, l)

static const SocField goal_fields[] = {
  G (kind, "kind", SOC_FIELD_ENUM, soc_goal_kind_get_type, 0, 0, SOC_GOAL_KIND_INITIATIVE, SOC_FIELD_REQUIRED,
     N_("Change the kind of “%s”"), N_("kind")),
  G (status, "status", SOC_FIELD_ENUM, soc_goal_status_get_type, 0, 0, SOC_GOAL_STATUS_PLANNED, 0,
     N_("Change the status of “%s”"), N_("status")),
  G (parent, "parent", SOC_FIELD_REF, soc_goal_get_type, 0, 0, 0, SOC_FIELD_STRUCTURAL,
     N_("Move “%s”"), N_("parent")),
  G (owner, "owner", SOC_FIELD_REF, soc_stakeholder_get_type, 0, 0, 0, 0,
     N_("Change the owner of “%s”"), N_("owner")),
  G (unit, "unit", SOC_FIELD_STRING, NULL, 0, 0, 0, 0, N_("Change the unit of “%s”"), N_("unit")),
  G (baseline, "baseline", SOC_FIELD_DOUBLE, NULL, 0, 0, 0, 0, N_("Change the baseline of “%s”"), N_("baseline")),
  G (baseline_date, "baseline-date", SOC_FIELD_DATE, NULL, 0, 0, 0, 0, N_("Change the baseline date of “%s”"), N_("baseline date")),
  G (target, "target", SOC_FIELD_DOUBLE, NULL, 0, 0, 0, 0, N_("Change the target of “%s”"), N_("target")),
  G (target_date, "target-date", SOC_FIELD_DATE, NULL, 0, 0, 0, 0, N_("Change the due date of “%s”"), N_("target date")),
  G (current, "current", SOC_FIELD_DOUBLE, NULL, 0, 0, 0, 0, N_("Change the current value of “%s”"), N_("current value")),
  G (current_date, "current-date", SOC_FIELD_DATE, NULL, 0, 0, 0, 0, N_("Change the date of the current value of “%s”"), N_("current date")),
  G (title, "title", SOC_FIELD_TEXT, NULL, 0, 0, 0, 0, N_("Rename “%s”"), N_("title")),
  G (description, "description", SOC_FIELD_TEXT, NULL, 0, 0, 0, 0, N_("Change the description of “%s”"), N_("description")),
  G (talent, "talent", SOC_FIELD_TEXT, NULL, 0, 0, 0, 0, N_("Change the talent goal of “%s”"), N_("talent goal")),
};

/* Moves the children of GOAL into PENDING, with their references, if no
 * one but GOAL holds them or their list: freeing them there instead of in
 * GOAL's own finalize keeps freeing a deep tree off the stack. */
static void
take_children (SocGoal   *goal,
               GPtrArray *pending)
{
  guint n;

  if (goal->children == NULL || g_atomic_int_get (&G_OBJECT (goal->children)->ref_count) != 1)
    return;
  n = soc_object_list_get_size (goal->children);
  while (n > 0)
    g_ptr_array_add (pending, soc_object_list_steal (goal->children, --n));
}

static void
soc_goal_finalize (GObject *object)
{
  SocGoal *self = SOC_GOAL (object);
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();

  take_children (self, pending);
  while (pending->len > 0)
    {
      SocGoal *goal = g_ptr_array_steal_index_fast (pending, pending->len - 1);

      if (g_atomic_int_get (&G_OBJECT (goal)->ref_count) == 1)
        take_children (goal, pending);
      g_object_unref (goal);
    }
  g_clear_object (&self->children);

  G_OBJECT_CLASS (soc_goal_parent_class)->finalize (object);
}

static void
soc_goal_class_init (SocGoalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = soc_goal_finalize;

  soc_object_class_install_fields (SOC_OBJECT_CLASS (klass), "goal", "g",
                                   goal_fields, G_N_ELEMENTS (goal_fields), "title");
}

static void
soc_goal_init (SocGoal *self)
{
  self->children = soc_object_list_new (SOC_TYPE_GOAL);
}

SocGoal *
soc_goal_new (SocGoalKind kind)
{
  SocGoal *self = g_object_new (SOC_TYPE_GOAL, NULL);

  self->kind = kind;
  return self;
}

SocGoalKind
soc_goal_get_kind (SocGoal *self)
{
  g_return_val_if_fail (SOC_IS_GOAL (self), 0);
  return self->kind;
}

const char *
soc_goal_get_title (SocGoal *self)
{
  g_return_val_if_fail (SOC_IS_GOAL (self), NULL);
  return self->title;
}

SocGoal *
soc_goal_get_parent (SocGoal *self)
{
  g_return_val_if_fail (SOC_IS_GOAL (self), NULL);
  return self->parent;
}

/* The goal's children, in order, as a list of SocGoal. */
GListModel *
soc_goal_get_children (SocGoal *self)
{
  g_return_val_if_fail (SOC_IS_GOAL (self), NULL);
  return G_LIST_MODEL (self->children);
}

SocStakeholder *
soc_goal_get_owner (SocGoal *self)
{
  g_return_val_if_fail (SOC_IS_GOAL (self), NULL);
  return self->owner;
}

SocGoalStatus
soc_goal_get_status (SocGoal *self)
{
  g_return_val_if_fail (SOC_IS_GOAL (self), SOC_GOAL_STATUS_PLANNED);
  return self->status;
}

/* A metric is complete when it says where it starts, where it should get to
 * and by when, and where it stands. */
gboolean
soc_goal_has_metric (SocGoal *self)
{
  g_return_val_if_fail (SOC_IS_GOAL (self), FALSE);

  return self->kind == SOC_GOAL_KIND_METRIC &&
         !isnan (self->baseline) && !isnan (self->target) &&
         self->target_date != 0 && self->baseline != self->target;
}

/* How far the metric has come from its baseline to its target, 0 to 1, or
 * NAN when it cannot say: soc_progress_of_metric(), where the rule is. */
double
soc_goal_get_progress (SocGoal *self)
{
  g_return_val_if_fail (SOC_IS_GOAL (self), NAN);

  return soc_progress_of_metric (self);
}
