/* soc-rules-new.c: what a new goal, item, lane, phase or stakeholder starts as
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Field defaults (a status of "planned", a progress of 0) come from the
 * field tables; these add what depends on where the object goes: the kind
 * of a sub-goal, the dates of an item placed after another. Each returns a
 * new object, not yet in any document, that soc_edit_add() accepts.
 */

#define G_LOG_DOMAIN "soc-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "soc-date.h"
#include "soc-document-private.h"
#include "soc-enum-types.h"
#include "soc-rules.h"

#define ACTIVITY_DAYS 30   /* a new activity lasts a month */
#define PHASE_DAYS    182  /* a new phase half a year */

/* The last day a plan may hold. */
static guint
last_day (void)
{
  return soc_date_from_ymd (SOC_DATE_MAX_YEAR, 12, 31);
}

/* START, or the last day a plan may hold if START lies beyond it. */
static guint
clamp_day (guint start)
{
  return MIN (start, last_day ());
}

/* Where new dated objects start: the horizon's start, else today. */
static guint
first_day (SocDocument *document)
{
  guint start = document != NULL ? document->plan->horizon_start : SOC_DATE_NONE;

  if (start == SOC_DATE_NONE)
    start = soc_date_today ();
  if (start == SOC_DATE_NONE)   /* a clock before 1900 */
    start = soc_date_from_ymd (SOC_DATE_MIN_YEAR, 1, 1);
  return clamp_day (start);
}

/* The kind a goal under PARENT (a root if NULL) usually has: the next level
 * down the chain vision, business objective, social objective, initiative,
 * metric. */
SocGoalKind
soc_rules_child_goal_kind (SocGoal *parent)
{
  if (parent == NULL)
    return SOC_GOAL_KIND_VISION;
  switch (parent->kind)
    {
    case SOC_GOAL_KIND_VISION:
      return SOC_GOAL_KIND_BUSINESS_OBJECTIVE;
    case SOC_GOAL_KIND_BUSINESS_OBJECTIVE:
      return SOC_GOAL_KIND_SOCIAL_OBJECTIVE;
    case SOC_GOAL_KIND_SOCIAL_OBJECTIVE:
      return SOC_GOAL_KIND_INITIATIVE;
    case SOC_GOAL_KIND_INITIATIVE:
    case SOC_GOAL_KIND_METRIC:
    default:
      return SOC_GOAL_KIND_METRIC;
    }
}

/* A new goal for under PARENT: of SIBLING's kind when it goes beside
 * SIBLING, else of the kind a child of PARENT usually has. */
SocGoal *
soc_rules_new_goal (SocGoal *parent,
                    SocGoal *sibling)
{
  SocGoal *goal = soc_goal_new (sibling != NULL ? (SocGoalKind) sibling->kind
                                                : soc_rules_child_goal_kind (parent));

  goal->title = g_strdup (_("New goal"));
  return goal;
}

/* A new item of KIND in LANE: it starts the day after AFTER ends, or where
 * the horizon starts, or today; an activity lasts a month. */
SocItem *
soc_rules_new_item (SocDocument *document,
                    SocItemKind  kind,
                    SocLane     *lane,
                    SocItem     *after)
{
  SocItem *item = soc_item_new (kind);
  guint start = SOC_DATE_NONE;

  if (after != NULL)
    {
      guint end = after->kind == SOC_ITEM_KIND_MILESTONE ? after->start : after->end;

      if (end != SOC_DATE_NONE)
        start = clamp_day (end + 1);
    }
  if (start == SOC_DATE_NONE)
    start = first_day (document);

  item->title = g_strdup (kind == SOC_ITEM_KIND_MILESTONE ? _("New milestone") : _("New activity"));
  item->lane = lane;
  item->start = start;
  item->end = kind == SOC_ITEM_KIND_MILESTONE ? SOC_DATE_NONE : clamp_day (start + ACTIVITY_DAYS - 1);
  return item;
}

/* A new lane of KIND, named after its kind ("New lane" for other work). */
SocLane *
soc_rules_new_lane (SocLaneKind kind)
{
  SocLane *lane = soc_lane_new (kind);

  if (kind == SOC_LANE_KIND_OTHER)
    lane->title = g_strdup (_("New lane"));
  else
    lane->title = g_strdup (soc_enum_to_label (SOC_TYPE_LANE_KIND, kind));
  return lane;
}

/* A new phase of half a year from where the horizon starts, or today. */
SocPhase *
soc_rules_new_phase (SocDocument *document)
{
  SocPhase *phase = soc_phase_new ();

  phase->title = g_strdup (_("New phase"));
  phase->start = first_day (document);
  phase->end = clamp_day (phase->start + PHASE_DAYS - 1);
  return phase;
}

/* A new person on the stakeholder map. */
SocStakeholder *
soc_rules_new_stakeholder (void)
{
  SocStakeholder *stakeholder = soc_stakeholder_new (SOC_STAKEHOLDER_KIND_PERSON);

  stakeholder->name = g_strdup (_("New stakeholder"));
  return stakeholder;
}
