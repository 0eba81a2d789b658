/* soc-checklist.c: the seven success factors, judged from the plan itself
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * soc_checklist_evaluate() reads the plan once: one pass over the roadmap
 * items, one depth-first pass over the goal tree, one pass over the
 * stakeholders, then a sort of the owners' activity spans. The thresholds
 * are the plan's (alignment-target, metrics-benchmark, horizon-years,
 * technology-share, owner-load, advocates).
 *
 * Words used below:
 *
 *  - "Social work" is every goal of kind social-objective or initiative.
 *  - A goal is "tied" to a business objective when its ancestors include a
 *    business objective, or when its parent is a tied social objective or
 *    initiative, or when a roadmap item that serves it also serves a
 *    business objective or a metric whose parent is a business objective.
 *    (Two social goals served by one item do not tie each other: that
 *    would tie goals the strategist has deliberately left loose.)
 *  - A goal is "measured" when one of its children is a complete metric
 *    (soc_goal_has_metric(): baseline, target and due date, target not the
 *    baseline), or when its parent is a measured social objective or
 *    initiative. A business objective's metric measures the business, not
 *    the social work under it, so it is not inherited.
 *  - An item is "scheduled" when an activity has a start and an end, or a
 *    milestone a start. An item "finishes" on its end, a milestone on its
 *    start. Only scheduled activities have "activity-days": end - start + 1.
 *  - "Today" is the day given to soc_checklist_evaluate(); 0 means the
 *    plan's horizon start (and, without one, no day is in the past).
 *
 * The rules. Shares compare as whole numbers (n * 100 >= target * total),
 * so 80% of 15 needs 12.
 *
 *  1 Alignment. Met when the tied share and the measured share of social
 *    work both reach alignment-target; partly met when both reach half of
 *    it; otherwise, or without social work, not met. Failing: the social
 *    work that is not tied or not measured. Score: the mean of the two
 *    shares, each as a fraction of the target (at most 1).
 *
 *  2 Long-term vision. Two conditions: a vision is set, and the roadmap
 *    reaches
 *    horizon-years ahead: its last finish is no earlier than the day before
 *    the same calendar day horizon-years after the plan begins (the horizon
 *    start, or the first scheduled start if that is earlier). Met when
 *    both hold, partly met when one does, not met when neither. No failing
 *    objects. Score: half for the vision, half for the reach (whole when it
 *    reaches, else the years it reaches over horizon-years).
 *
 *  3 Executive support. A qualified sponsor is a stakeholder with the
 *    executive-sponsor role, the leadership profile and a champion or
 *    supporter stance. Met when there is one; partly met when some
 *    executive sponsor is in leadership or supportive, but not both; not
 *    met otherwise. Failing, unless met: every executive sponsor. Score: 1,
 *    0.5 or 0.
 *
 *  4 Roadmap. Three conditions: every item is scheduled and every
 *    initiative goal is served by a scheduled item; at least one scheduled
 *    milestone; no broken dependency, where a scheduled item depends on a
 *    scheduled prerequisite that finishes after the item starts (starting
 *    on the day the prerequisite finishes is allowed). Met when all three
 *    hold; not met when the roadmap has no item, no scheduled item, or
 *    none of the three holds; partly met otherwise. Failing: initiatives
 *    not on the roadmap, unscheduled items, items that break a dependency.
 *    Score: the mean of the scheduled share and the other two conditions
 *    (0 or 1 each).
 *
 *  5 Education. An education item recurs (recurrence is not none) and sits
 *    in a culture-education lane or names curriculum topics. Three
 *    conditions: the audiences of education items cover every profile that
 *    a stakeholder on the map has; some item sits in a
 *    guidelines-governance lane; a review cadence, that is a recurring
 *    item in a measurement lane. Met when all three hold; not met when
 *    there is no education item; partly met otherwise. Failing: the
 *    stakeholders whose profile no education item reaches. Score: the
 *    mean of the reached share of profiles (0 without an education item,
 *    1 without stakeholders) and the other two conditions.
 *
 *  6 Staffing. Three conditions: every initiative goal and every activity
 *    has an owner; no owner holds more than owner-load scheduled
 *    activities on any one day from today on (a sweep over the owners'
 *    first and last days, sorted by a radix sort); at least `advocates`
 *    stakeholders have the advocate or evangelist role. Met when all three
 *    hold; not met when there are no initiatives or activities, when fewer
 *    than half of them have an owner, or when none holds; partly met
 *    otherwise. Failing: initiatives and activities without an owner,
 *    owners over the load. Score: the mean of the owned share, the share
 *    of owners within the load and the advocates (as a fraction of the
 *    number asked for).
 *
 *  7 Technology last. The strategy gate is the earliest item with
 *    gate="strategy" and a start. Technology items are the other items in
 *    technology lanes that have a start (an undated one is factor 4's
 *    concern). Without a gate the plan cannot show the order: partly met
 *    at best, and partly met it is. With a gate, met when no technology
 *    item starts before the gate's day, otherwise not met. Failing: the
 *    technology items that start early. Score: the share that start on
 *    time, or 0.5 without a gate.
 *
 * The figures beside the factors:
 *
 *  - Metrics against the benchmark: the share of social work that is both
 *    tied and measured (the survey's "tied to business outcomes by clear
 *    metrics"), against metrics-benchmark.
 *  - Technology share: activity-days in technology lanes over all
 *    activity-days, against technology-share.
 *  - Curriculum: for each profile, the topics it is given (the topics of
 *    every item, recurring or not, whose audience names the profile) and
 *    the topics it needs (the topics of its stakeholders).
 *
 * Failing ids are listed goals first (depth first, as in the outline),
 * then items, then stakeholders, each in document order, each with the
 * reason it fails: an untranslated msgid, translated only when read.
 */

#define G_LOG_DOMAIN "soc-checklist"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-checklist.h"
#include "soc-date.h"
#include "soc-document-private.h"
#include "soc-enum-types.h"

typedef struct
{
  SocFactorState  state;
  double          score;
  char           *evidence;
  char          **failing;
  const char    **reasons;     /* per failing id: an untranslated, static msgid */
  guint           n_failing;
  gboolean        has_override;
  SocFactorState  override_state;
  char           *override_note;
} Factor;

struct _SocChecklist
{
  gatomicrefcount ref_count;
  guint           today;

  Factor          factors[SOC_N_FACTORS];

  guint           n_social;
  guint           n_tied_measured;
  int             metrics_benchmark;
  char           *metrics_text;

  guint           technology_days;
  guint           all_days;
  int             technology_target;
  char           *technology_text;

  guint           profiles_present;
  guint           profiles_reached;
  guint           topics_given[SOC_N_PROFILES];
  guint           topics_needed[SOC_N_PROFILES];
};

G_DEFINE_BOXED_TYPE (SocChecklist, soc_checklist, soc_checklist_ref, soc_checklist_unref)

/* Flags of a social goal, gathered from the items that serve it. */
enum {
  GOAL_SERVED = 1 << 0,   /* a scheduled item serves it */
  GOAL_LINKED = 1 << 1,   /* an item serves it and a business objective */
};

/* One end of an owner's activity span, for the load sweep. The key is
 * twice the day, plus one on a span's first day, so that on any day a span
 * that ended the day before frees its owner before another one starts. */
typedef struct
{
  guintptr owner;   /* the SocStakeholder */
  guint    key;
  int      delta;   /* +1 on the first day, -1 on the day after the last */
} Event;

/* The events are sorted by owner, then key, with a radix sort of RADIX_BITS
 * per pass: a few linear passes instead of a comparison sort. */
#define RADIX_BITS 11
#define RADIX_SIZE (1u << RADIX_BITS)

/* An object that fails a factor, and why, as an untranslated msgid:
 * translated only when someone reads it, not for every object judged. */
typedef struct
{
  SocObject  *object;
  const char *reason;
} FailEntry;

typedef struct
{
  GArray *goals;          /* FailEntry */
  GArray *items;
  GArray *stakeholders;
} Failing;

typedef struct
{
  SocDocument *doc;
  SocPlan     *plan;
  guint        today;
  Failing      failing[SOC_N_FACTORS];

  /* From the items. */
  GHashTable  *goal_flags;          /* SocGoal * -> GOAL_* */
  GArray      *events;              /* Event */
  GPtrArray   *technology;          /* SocItem * with a start in technology lanes */
  guint        n_items;
  guint        n_scheduled;
  guint        n_milestones;
  guint        n_broken;
  guint        n_activities;
  guint        n_activities_owned;
  guint        n_education;
  guint        n_guidelines;
  guint        n_reviews;
  guint        reached;             /* SocProfiles */
  guint        given[SOC_N_PROFILES];
  guint        gate;                /* the strategy gate's day, or 0 */
  guint        first_day;
  guint        last_day;
  guint        technology_days;
  guint        all_days;

  /* From the goals. */
  gboolean     vision_goal;
  guint        n_social;
  guint        n_tied;
  guint        n_measured;
  guint        n_tied_measured;
  guint        n_initiatives;
  guint        n_initiatives_served;
  guint        n_initiatives_owned;

  /* From the owners' load. */
  GHashTable  *overloaded;          /* SocStakeholder * set */
  guint        n_loaded_owners;

  /* From the stakeholders. */
  guint        present;
  guint        needed[SOC_N_PROFILES];
  guint        n_leaders;
  guint        n_sponsors;
  guint        n_sponsors_qualified;
  guint        n_sponsors_half;
  GPtrArray   *sponsors;
  guint        n_advocates;

  /* Where a judgement made a piece at a time stands. */
  guint        phase;               /* Phase */
  guint        next;                /* the next item or stakeholder */
  GArray      *stack;               /* Frame: the goals still to visit */
  guint        steps;
  gint64       deadline;            /* monotonic µs */
} Eval;

typedef enum
{
  PHASE_ITEMS,
  PHASE_GOALS,
  PHASE_STAKEHOLDERS,
  PHASE_JUDGE,
} Phase;

/* Objects handled between two looks at the clock. */
#define STEPS_PER_LOOK 512

/* Whether the slice's time is up: looked at every few hundred objects, so
 * that each slice gets somewhere. */
static gboolean
time_is_up (Eval *e)
{
  return (++e->steps % STEPS_PER_LOOK) == 0 && g_get_monotonic_time () >= e->deadline;
}

static gboolean
text_is_set (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

static guint
percent (guint n,
         guint total)
{
  if (total == 0)
    return 0;
  return (guint) (((guint64) n * 100 + total / 2) / total);
}

/* Whether N of TOTAL reaches TARGET percent, in whole numbers. */
static gboolean
share_reaches (guint  n,
               guint  total,
               double target)
{
  return (double) n * 100.0 >= target * (double) total;
}

static double
fraction_of (double value,
             double target)
{
  if (target <= 0.0)
    return 1.0;
  return MIN (value / target, 1.0);
}

static void
add_failing (Eval       *e,
             SocFactor   factor,
             SocObject  *object,
             const char *reason)
{
  Failing *f = &e->failing[factor];
  FailEntry entry = { object, reason };
  GArray **bucket;

  if (SOC_IS_GOAL (object))
    bucket = &f->goals;
  else if (SOC_IS_ITEM (object))
    bucket = &f->items;
  else
    bucket = &f->stakeholders;

  if (*bucket == NULL)
    *bucket = g_array_new (FALSE, FALSE, sizeof (FailEntry));
  g_array_append_val (*bucket, entry);
}

static void
append_entries (GPtrArray *ids,
                GPtrArray *reasons,
                GArray    *entries)
{
  if (entries == NULL)
    return;
  for (guint i = 0; i < entries->len; i++)
    {
      FailEntry *entry = &g_array_index (entries, FailEntry, i);

      g_ptr_array_add (ids, g_strdup (soc_object_get_id (entry->object)));
      g_ptr_array_add (reasons, (gpointer) entry->reason);
    }
}

static void
clear_failing (Failing *f)
{
  g_clear_pointer (&f->goals, g_array_unref);
  g_clear_pointer (&f->items, g_array_unref);
  g_clear_pointer (&f->stakeholders, g_array_unref);
}

/* Finishes FACTOR of SELF from E: its failing ids, and the override. */
static void
finish_factor (SocChecklist   *self,
               Eval           *e,
               SocFactor       factor,
               SocFactorState  state,
               double          score,
               char           *evidence)
{
  Factor *r = &self->factors[factor];
  Failing *f = &e->failing[factor];
  GPtrArray *ids, *reasons;
  SocOverride *override;
  guint n;

  n = (f->goals != NULL ? f->goals->len : 0) +
      (f->items != NULL ? f->items->len : 0) +
      (f->stakeholders != NULL ? f->stakeholders->len : 0);
  ids = g_ptr_array_new_full (n + 1, NULL);
  reasons = g_ptr_array_new_full (n + 1, NULL);
  append_entries (ids, reasons, f->goals);
  append_entries (ids, reasons, f->items);
  append_entries (ids, reasons, f->stakeholders);
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (reasons, NULL);

  r->state = state;
  r->score = CLAMP (score, 0.0, 1.0);
  r->evidence = evidence;
  r->n_failing = n;
  r->failing = (char **) g_ptr_array_free (ids, FALSE);
  r->reasons = (const char **) g_ptr_array_free (reasons, FALSE);

  override = soc_document_find_override (e->doc, factor);
  if (override != NULL)
    {
      r->has_override = TRUE;
      r->override_state = soc_override_get_state (override);
      r->override_note = g_strdup (soc_override_get_note (override));
    }
}


static guint
item_finish (SocItem *item)
{
  return item->kind == SOC_ITEM_KIND_MILESTONE ? item->start : item->end;
}

static int
lane_kind (SocItem *item)
{
  return item->lane != NULL ? item->lane->kind : SOC_LANE_KIND_OTHER;
}

static gboolean
kind_is_social (int kind)
{
  return kind == SOC_GOAL_KIND_SOCIAL_OBJECTIVE || kind == SOC_GOAL_KIND_INITIATIVE;
}

static gboolean
goal_is_social (SocGoal *goal)
{
  return kind_is_social (goal->kind);
}

/* A business objective, or a metric that measures one. */
static gboolean
goal_is_business (SocGoal *goal)
{
  return goal->kind == SOC_GOAL_KIND_BUSINESS_OBJECTIVE ||
         (goal->kind == SOC_GOAL_KIND_METRIC && goal->parent != NULL &&
          goal->parent->kind == SOC_GOAL_KIND_BUSINESS_OBJECTIVE);
}

/**
 * soc_checklist_item_ties:
 * @item: a roadmap item
 *
 * Whether @item serves a business objective (or a metric that measures
 * one): factor 1 then counts the social goals it serves as tied to one.
 */
gboolean
soc_checklist_item_ties (SocItem *item)
{
  g_return_val_if_fail (SOC_IS_ITEM (item), FALSE);

  for (guint k = 0; item->serves != NULL && k < item->serves->len; k++)
    if (goal_is_business (g_ptr_array_index (item->serves, k)))
      return TRUE;
  return FALSE;
}

/**
 * soc_checklist_fetch_ties:
 * @items: (array length=n_items): roadmap items, in the order a loop goes
 *   through them
 * @n_items: how many
 * @position: the item the loop is at
 *
 * For a loop over many items that asks soc_checklist_item_ties() of each:
 * asks for what it will read of the items after @position, a step of it
 * for each (the item, its list of goals, what the list holds, the goals),
 * so that it has come by the time the loop gets there. A large plan's
 * items and goals are scattered over far more memory than the caches
 * hold, and a served goal's kind was a third of judging the checklist and
 * of laying out the goal tree. A hint only: it changes nothing.
 */
void
soc_checklist_fetch_ties (SocObject *const *items,
                          guint             n_items,
                          guint             position)
{
  guint i = position;

  if (i + 4 * SOC_FETCH_AHEAD < n_items)
    SOC_FETCH (items[i + 4 * SOC_FETCH_AHEAD]);
  if (i + 3 * SOC_FETCH_AHEAD < n_items && ((SocItem *) items[i + 3 * SOC_FETCH_AHEAD])->serves != NULL)
    SOC_FETCH (((SocItem *) items[i + 3 * SOC_FETCH_AHEAD])->serves);
  if (i + 2 * SOC_FETCH_AHEAD < n_items && ((SocItem *) items[i + 2 * SOC_FETCH_AHEAD])->serves != NULL)
    SOC_FETCH (((SocItem *) items[i + 2 * SOC_FETCH_AHEAD])->serves->pdata);
  if (i + SOC_FETCH_AHEAD < n_items && ((SocItem *) items[i + SOC_FETCH_AHEAD])->serves != NULL)
    {
      GPtrArray *serves = ((SocItem *) items[i + SOC_FETCH_AHEAD])->serves;

      for (guint k = 0; k < serves->len; k++)
        SOC_FETCH (g_ptr_array_index (serves, k));
    }
}

/**
 * soc_checklist_tie:
 * @kind: a goal's kind
 * @inherited: the tie its parent passes down (FALSE for a root)
 * @linked: whether an item that ties (soc_checklist_item_ties()) serves it
 * @untied: (out) (optional): whether factor 1 counts it as social work not
 *   tied to a business objective
 *
 * Factor 1's tie, one goal at a time, for code that walks the goal tree
 * itself, parents first: a business objective ties what hangs under it, a
 * tied social goal ties its sub-goals, and an item that serves a social
 * goal and a business objective ties the social goal.
 *
 * Returns: the tie the goal passes down to its children
 */
gboolean
soc_checklist_tie (SocGoalKind  kind,
                   gboolean     inherited,
                   gboolean     linked,
                   gboolean    *untied)
{
  gboolean social = kind_is_social (kind);
  gboolean tied = social ? inherited || linked : inherited || kind == SOC_GOAL_KIND_BUSINESS_OBJECTIVE;

  if (untied != NULL)
    *untied = social && !tied;
  return tied;
}

static void
add_span (Eval           *e,
          SocStakeholder *owner,
          guint           start,
          guint           end)
{
  Event ev;

  if (e->today != SOC_DATE_NONE)
    {
      if (end < e->today)
        return;
      start = MAX (start, e->today);
    }

  ev.owner = (guintptr) owner;
  ev.key = start * 2 + 1;
  ev.delta = 1;
  g_array_append_val (e->events, ev);
  ev.key = (end + 1) * 2;
  ev.delta = -1;
  g_array_append_val (e->events, ev);
}

/* Returns FALSE when the slice's time ran out first. */
static gboolean
scan_items (Eval *e)
{
  guint n;
  SocObject **items = soc_object_list_peek (e->doc->items, &n);

  for (; e->next < n; e->next++)
    {
      SocItem *item;
      gboolean milestone;
      gboolean scheduled;
      int lane;

      if (time_is_up (e))
        return FALSE;
      soc_checklist_fetch_ties (items, n, e->next);
      item = (SocItem *) items[e->next];
      milestone = item->kind == SOC_ITEM_KIND_MILESTONE;
      scheduled = soc_item_is_scheduled (item);
      lane = lane_kind (item);

      e->n_items++;

      /* Factor 4: dates, milestones, dependencies. */
      if (scheduled)
        {
          guint finish = item_finish (item);
          gboolean broken = FALSE;

          e->n_scheduled++;
          if (e->first_day == SOC_DATE_NONE || item->start < e->first_day)
            e->first_day = item->start;
          e->last_day = MAX (e->last_day, finish);
          if (milestone)
            e->n_milestones++;

          for (guint k = 0; item->depends != NULL && k < item->depends->len; k++)
            {
              SocItem *prerequisite = g_ptr_array_index (item->depends, k);

              if (soc_item_breaks_dependency (item, prerequisite))
                {
                  e->n_broken++;
                  broken = TRUE;
                }
            }
          if (broken)
            add_failing (e, SOC_FACTOR_ROADMAP, SOC_OBJECT (item),
                         N_("Starts before an item it depends on finishes"));
        }
      else
        add_failing (e, SOC_FACTOR_ROADMAP, SOC_OBJECT (item), N_("Has no dates"));

      /* Factor 6 and the technology share: activities, their owners and days. */
      if (!milestone)
        {
          e->n_activities++;
          if (item->owner != NULL)
            e->n_activities_owned++;
          else
            add_failing (e, SOC_FACTOR_STAFFING, SOC_OBJECT (item), N_("Has no owner"));

          if (scheduled)
            {
              guint days = item->end >= item->start ? item->end - item->start + 1 : 0;

              e->all_days += days;
              if (lane == SOC_LANE_KIND_TECHNOLOGY)
                e->technology_days += days;
              if (item->owner != NULL && days > 0)
                add_span (e, item->owner, item->start, item->end);
            }
        }

      /* Factor 5 and the curriculum. */
      if (item->recurrence != SOC_RECURRENCE_NONE &&
          (lane == SOC_LANE_KIND_CULTURE_EDUCATION || item->topics != 0))
        {
          e->n_education++;
          e->reached |= item->audience;
        }
      if (item->audience != 0 && item->topics != 0)
        for (guint p = 0; p < SOC_N_PROFILES; p++)
          if (item->audience & (1u << p))
            e->given[p] |= item->topics;
      if (lane == SOC_LANE_KIND_GUIDELINES_GOVERNANCE)
        e->n_guidelines++;
      if (lane == SOC_LANE_KIND_MEASUREMENT && item->recurrence != SOC_RECURRENCE_NONE)
        e->n_reviews++;

      /* Factor 7. */
      if (item->gate == SOC_GATE_STRATEGY && item->start != SOC_DATE_NONE)
        {
          if (e->gate == SOC_DATE_NONE || item->start < e->gate)
            e->gate = item->start;
        }
      else if (lane == SOC_LANE_KIND_TECHNOLOGY && item->start != SOC_DATE_NONE)
        g_ptr_array_add (e->technology, item);

      /* Factors 1 and 4: what the item says about the goals it serves. */
      if (item->serves != NULL && item->serves->len > 0)
        {
          gboolean business = soc_checklist_item_ties (item);

          for (guint k = 0; k < item->serves->len; k++)
            {
              SocGoal *goal = g_ptr_array_index (item->serves, k);
              guint flags = (scheduled ? GOAL_SERVED : 0) | (business ? GOAL_LINKED : 0);
              guint old;

              if (flags == 0 || !goal_is_social (goal))
                continue;
              old = GPOINTER_TO_UINT (g_hash_table_lookup (e->goal_flags, goal));
              if ((old | flags) != old)
                g_hash_table_insert (e->goal_flags, goal, GUINT_TO_POINTER (old | flags));
            }
        }
    }
  return TRUE;
}

/* One stable counting-sort pass of SRC into DST on the digit at SHIFT of
 * the owner (BY_OWNER) or the key, less BASE. */
static void
radix_pass (const Event *src,
            Event       *dst,
            guint        n,
            gboolean     by_owner,
            guint        shift,
            guint64      base)
{
  guint count[RADIX_SIZE + 1] = { 0, };

  for (guint i = 0; i < n; i++)
    {
      guint64 v = (by_owner ? (guint64) src[i].owner : src[i].key) - base;
      count[((v >> shift) & (RADIX_SIZE - 1)) + 1]++;
    }
  for (guint d = 1; d <= RADIX_SIZE; d++)
    count[d] += count[d - 1];
  for (guint i = 0; i < n; i++)
    {
      guint64 v = (by_owner ? (guint64) src[i].owner : src[i].key) - base;
      dst[count[(v >> shift) & (RADIX_SIZE - 1)]++] = src[i];
    }
}

/* Sorts EVENTS by owner, then by key: least significant digits first, so
 * key passes, then owner passes, each over the bits that vary only. */
static void
sort_events (GArray *events)
{
  Event *a = (Event *) (gpointer) events->data;
  guint n = events->len;
  g_autofree Event *tmp = NULL;
  Event *b;
  guint64 min_key = G_MAXUINT64, max_key = 0, min_owner = G_MAXUINT64, spread = 0;
  guint shift, top;

  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      min_key = MIN (min_key, a[i].key);
      max_key = MAX (max_key, a[i].key);
      min_owner = MIN (min_owner, (guint64) a[i].owner);
    }
  for (guint i = 0; i < n; i++)
    spread |= (guint64) a[i].owner - min_owner;

  tmp = g_new (Event, n);
  b = tmp;

  top = g_bit_storage (max_key - min_key);
  for (shift = 0; shift < top; shift += RADIX_BITS)
    {
      Event *t;

      radix_pass (a, b, n, FALSE, shift, min_key);
      t = a, a = b, b = t;
    }

  if (spread != 0)
    {
      /* Objects are aligned: their low bits never vary. */
      for (shift = 0; (spread & (G_GUINT64_CONSTANT (1) << shift)) == 0; shift++)
        ;
      top = g_bit_storage (spread);
      for (; shift < top; shift += RADIX_BITS)
        {
          Event *t;

          radix_pass (a, b, n, TRUE, shift, min_owner);
          t = a, a = b, b = t;
        }
    }

  if (a != (Event *) (gpointer) events->data)
    memcpy (events->data, a, n * sizeof (Event));
}

/* The owners holding more than owner-load activities on some day. */
static void
sweep_load (Eval *e)
{
  const Event *events;
  int limit = e->plan->owner_load;
  guintptr owner = 0;
  gboolean over = FALSE;
  int load = 0;

  sort_events (e->events);
  events = (const Event *) (gpointer) e->events->data;

  for (guint i = 0; i < e->events->len; i++)
    {
      if (i == 0 || events[i].owner != owner)
        {
          owner = events[i].owner;
          load = 0;
          over = FALSE;
          e->n_loaded_owners++;
        }
      load += events[i].delta;
      if (load > limit && !over)
        {
          over = TRUE;
          g_hash_table_add (e->overloaded, (gpointer) owner);
        }
    }
}

typedef struct
{
  SocGoal  *goal;
  gboolean  tied;       /* inherited from the ancestors */
  gboolean  measured;
} Frame;

static void
push_children (GArray        *stack,
               SocObjectList *list,
               gboolean       tied,
               gboolean       measured)
{
  for (guint i = soc_object_list_get_size (list); i > 0; i--)
    {
      Frame f = { (SocGoal *) soc_object_list_get (list, i - 1), tied, measured };
      g_array_append_val (stack, f);
    }
}

/* Returns FALSE when the slice's time ran out first. */
static gboolean
scan_goals (Eval *e)
{
  GArray *stack;

  if (e->stack == NULL)
    {
      e->stack = g_array_new (FALSE, FALSE, sizeof (Frame));
      push_children (e->stack, e->doc->goals, FALSE, FALSE);
    }
  stack = e->stack;

  while (stack->len > 0)
    {
      Frame f;
      SocGoal *goal;
      guint n_children;
      gboolean tied, measured, social;

      if (time_is_up (e))
        return FALSE;
      f = g_array_index (stack, Frame, stack->len - 1);
      goal = f.goal;
      n_children = soc_object_list_get_size (goal->children);
      tied = f.tied;
      measured = f.measured;
      social = goal_is_social (goal);

      g_array_set_size (stack, stack->len - 1);

      if (goal->kind == SOC_GOAL_KIND_VISION && text_is_set (goal->title))
        e->vision_goal = TRUE;

      if (social)
        {
          guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (e->goal_flags, goal));

          for (guint i = 0; i < n_children && !measured; i++)
            measured = soc_goal_has_metric ((SocGoal *) soc_object_list_get (goal->children, i));
          tied = soc_checklist_tie (goal->kind, tied, (flags & GOAL_LINKED) != 0, NULL);

          e->n_social++;
          if (tied)
            e->n_tied++;
          if (measured)
            e->n_measured++;
          if (tied && measured)
            e->n_tied_measured++;
          if (!tied && !measured)
            add_failing (e, SOC_FACTOR_ALIGNMENT, SOC_OBJECT (goal),
                         N_("Not tied to a business objective, and no metric measures it"));
          else if (!tied)
            add_failing (e, SOC_FACTOR_ALIGNMENT, SOC_OBJECT (goal),
                         N_("Not under a business objective, and no item links it to one"));
          else if (!measured)
            add_failing (e, SOC_FACTOR_ALIGNMENT, SOC_OBJECT (goal), N_("No metric under it measures it"));

          if (goal->kind == SOC_GOAL_KIND_INITIATIVE)
            {
              e->n_initiatives++;
              if (flags & GOAL_SERVED)
                e->n_initiatives_served++;
              else
                add_failing (e, SOC_FACTOR_ROADMAP, SOC_OBJECT (goal),
                             N_("No roadmap item with dates serves it"));
              if (goal->owner != NULL)
                e->n_initiatives_owned++;
              else
                add_failing (e, SOC_FACTOR_STAFFING, SOC_OBJECT (goal), N_("Has no owner"));
            }
        }
      else
        {
          /* Only social work passes its measure down. */
          tied = soc_checklist_tie (goal->kind, tied, FALSE, NULL);
          measured = FALSE;
        }

      if (n_children > 0)
        push_children (stack, goal->children, tied, measured);
    }
  return TRUE;
}

/**
 * soc_checklist_find_untied:
 * @document: a plan
 *
 * The social objectives and initiatives of @document that factor 1 counts
 * as not tied to a business objective, by the same rule as
 * soc_checklist_evaluate(): one pass over the roadmap items and one over
 * the goal tree, never recursive. For views that mark them.
 *
 * Returns: (transfer full): a set of #SocGoal
 */
GHashTable *
soc_checklist_find_untied (SocDocument *document)
{
  g_autoptr(GHashTable) linked = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  GHashTable *untied = g_hash_table_new (NULL, NULL);
  SocObjectList *items;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), untied);

  items = document->items;
  for (guint i = 0; i < soc_object_list_get_size (items); i++)
    {
      SocItem *item = (SocItem *) soc_object_list_get (items, i);

      if (soc_checklist_item_ties (item))
        for (guint k = 0; k < item->serves->len; k++)
          g_hash_table_add (linked, g_ptr_array_index (item->serves, k));
    }

  push_children (stack, document->goals, FALSE, FALSE);
  while (stack->len > 0)
    {
      Frame f = g_array_index (stack, Frame, stack->len - 1);
      gboolean not_tied;
      gboolean tied = soc_checklist_tie (f.goal->kind, f.tied, g_hash_table_contains (linked, f.goal), &not_tied);

      g_array_set_size (stack, stack->len - 1);
      if (not_tied)
        g_hash_table_add (untied, f.goal);
      if (soc_object_list_get_size (f.goal->children) > 0)
        push_children (stack, f.goal->children, tied, FALSE);
    }
  return untied;
}

/* Returns FALSE when the slice's time ran out first. */
static gboolean
scan_stakeholders (Eval *e)
{
  SocObjectList *stakeholders = e->doc->stakeholders;
  guint n = soc_object_list_get_size (stakeholders);

  for (; e->next < n; e->next++)
    {
      SocStakeholder *s;
      guint bit;

      if (time_is_up (e))
        return FALSE;
      s = (SocStakeholder *) soc_object_list_get (stakeholders, e->next);
      bit = 1u << s->profile;

      e->present |= bit;
      e->needed[s->profile] |= s->topics;
      if (s->profile == SOC_PROFILE_LEADERSHIP)
        e->n_leaders++;

      if (s->roles & SOC_ROLES_EXECUTIVE_SPONSOR)
        {
          gboolean leader = s->profile == SOC_PROFILE_LEADERSHIP;
          gboolean supportive = s->stance == SOC_STANCE_CHAMPION || s->stance == SOC_STANCE_SUPPORTER;

          e->n_sponsors++;
          g_ptr_array_add (e->sponsors, s);
          if (leader && supportive)
            e->n_sponsors_qualified++;
          else if (leader || supportive)
            e->n_sponsors_half++;
        }
      if (s->roles & (SOC_ROLES_ADVOCATE | SOC_ROLES_EVANGELIST))
        e->n_advocates++;

      if (g_hash_table_size (e->overloaded) > 0 && g_hash_table_contains (e->overloaded, s))
        add_failing (e, SOC_FACTOR_STAFFING, SOC_OBJECT (s),
                     N_("Owns more activities at one time than the plan allows"));
      if ((e->reached & bit) == 0)
        add_failing (e, SOC_FACTOR_EDUCATION, SOC_OBJECT (s),
                     N_("No recurring education item reaches their profile"));
    }
  return TRUE;
}

/* The last day a roadmap beginning on BEGIN must reach to span YEARS. */
static guint
years_after (guint begin,
             int   years)
{
  int y, m, d;
  guint date;

  soc_date_to_ymd (begin, &y, &m, &d);
  if (m == 2 && d == 29)
    d = 28;
  date = soc_date_from_ymd (y + years, m, d);
  return date != SOC_DATE_NONE ? date - 1 : G_MAXUINT;
}

static void
judge_alignment (SocChecklist *self,
                 Eval         *e)
{
  SocFactorState state;
  double target = e->plan->alignment_target;
  double score;
  char *evidence;

  if (e->n_social == 0)
    {
      finish_factor (self, e, SOC_FACTOR_ALIGNMENT, SOC_FACTOR_STATE_NOT_MET, 0.0,
                     g_strdup (_("The plan has no social objectives or initiatives to tie to a business objective")));
      return;
    }

  if (share_reaches (e->n_tied, e->n_social, target) &&
      share_reaches (e->n_measured, e->n_social, target))
    state = SOC_FACTOR_STATE_MET;
  else if (share_reaches (e->n_tied, e->n_social, target / 2.0) &&
           share_reaches (e->n_measured, e->n_social, target / 2.0))
    state = SOC_FACTOR_STATE_PARTLY;
  else
    state = SOC_FACTOR_STATE_NOT_MET;

  score = (fraction_of (100.0 * e->n_tied / e->n_social, target) +
           fraction_of (100.0 * e->n_measured / e->n_social, target)) / 2.0;

  evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: social goals and initiatives tied and measured, with shares, then the target share */
                                           "%u of %u social goal or initiative is tied to a business objective (%u%%) and %u of %u carries a complete metric (%u%%); the target is %d%%",
                                           "%u of %u social goals and initiatives are tied to a business objective (%u%%) and %u of %u carry a complete metric (%u%%); the target is %d%%",
                                           e->n_social),
                              e->n_tied, e->n_social, percent (e->n_tied, e->n_social),
                              e->n_measured, e->n_social, percent (e->n_measured, e->n_social),
                              e->plan->alignment_target);
  finish_factor (self, e, SOC_FACTOR_ALIGNMENT, state, score, evidence);
}

/* The vision is a goal of kind vision, with a title, in the goal tree,
 * where everything else hangs from it. A plan without one may still state
 * its vision in the plan's vision text, which then counts; the evidence
 * says which of the two the plan has, so the window can say it too. */
static void
judge_vision (SocChecklist *self,
              Eval         *e)
{
  gboolean by_goal = e->vision_goal;
  gboolean by_statement = !by_goal && text_is_set (e->plan->vision);
  gboolean vision = by_goal || by_statement;
  int years = e->plan->horizon_years;
  gboolean reaches = FALSE;
  double reach = 0.0;
  SocFactorState state;
  char *evidence;

  if (e->n_scheduled > 0)
    {
      guint begin = e->first_day;

      if (e->plan->horizon_start != SOC_DATE_NONE)
        begin = MIN (begin, e->plan->horizon_start);
      reach = soc_date_years (begin, e->last_day);
      reaches = e->last_day >= years_after (begin, years);
    }

  if (vision && reaches)
    state = SOC_FACTOR_STATE_MET;
  else if (vision || reaches)
    state = SOC_FACTOR_STATE_PARTLY;
  else
    state = SOC_FACTOR_STATE_NOT_MET;

  if (e->n_scheduled > 0)
    {
      g_autofree char *reach_text = g_strdup_printf ("%.1f", reach);

      if (by_goal)
        evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: %s is a number of years such as 2.5 */
                                                 "A vision goal heads the goal tree and the roadmap reaches %s years ahead, against the %d year the plan asks for",
                                                 "A vision goal heads the goal tree and the roadmap reaches %s years ahead, against the %d years the plan asks for",
                                                 years),
                                    reach_text, years);
      else if (by_statement)
        evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: %s is a number of years such as 2.5 */
                                                 "The plan states a vision, but no vision goal heads the goal tree; the roadmap reaches %s years ahead, against the %d year the plan asks for",
                                                 "The plan states a vision, but no vision goal heads the goal tree; the roadmap reaches %s years ahead, against the %d years the plan asks for",
                                                 years),
                                    reach_text, years);
      else
        evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: %s is a number of years such as 2.5 */
                                                 "No vision is set: add a vision goal at the top of the goal tree; the roadmap reaches %s years ahead, against the %d year the plan asks for",
                                                 "No vision is set: add a vision goal at the top of the goal tree; the roadmap reaches %s years ahead, against the %d years the plan asks for",
                                                 years),
                                    reach_text, years);
    }
  else if (by_goal)
    evidence = g_strdup (_("A vision goal heads the goal tree, but no roadmap item has dates"));
  else if (by_statement)
    evidence = g_strdup (_("The plan states a vision, but no vision goal heads the goal tree and no roadmap item has dates"));
  else
    evidence = g_strdup (_("No vision is set and no roadmap item has dates"));

  finish_factor (self, e, SOC_FACTOR_LONG_TERM_VISION, state,
                 (vision ? 0.5 : 0.0) + 0.5 * (reaches ? 1.0 : fraction_of (reach, years)), evidence);
}

static void
judge_executive_support (SocChecklist *self,
                         Eval         *e)
{
  SocFactorState state;
  char *evidence;

  if (e->n_sponsors_qualified > 0)
    state = SOC_FACTOR_STATE_MET;
  else if (e->n_sponsors_half > 0)
    state = SOC_FACTOR_STATE_PARTLY;
  else
    state = SOC_FACTOR_STATE_NOT_MET;

  if (state != SOC_FACTOR_STATE_MET)
    for (guint i = 0; i < e->sponsors->len; i++)
      {
        SocStakeholder *s = g_ptr_array_index (e->sponsors, i);
        gboolean leader = s->profile == SOC_PROFILE_LEADERSHIP;
        gboolean supportive = s->stance == SOC_STANCE_CHAMPION || s->stance == SOC_STANCE_SUPPORTER;

        add_failing (e, SOC_FACTOR_EXECUTIVE_SUPPORT, SOC_OBJECT (s),
                     leader ? N_("Executive sponsor, but not a champion or supporter")
                     : supportive ? N_("Executive sponsor, but not in leadership")
                     : N_("Executive sponsor, but neither in leadership nor supportive"));
      }

  if (e->n_sponsors == 0)
    evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "No stakeholder is executive sponsor; %u stakeholder is in leadership",
                                             "No stakeholder is executive sponsor; %u stakeholders are in leadership",
                                             e->n_leaders),
                                e->n_leaders);
  else
    evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u of %u executive sponsor is in leadership with a supportive stance",
                                             "%u of %u executive sponsors are in leadership with a supportive stance",
                                             e->n_sponsors),
                                e->n_sponsors_qualified, e->n_sponsors);

  finish_factor (self, e, SOC_FACTOR_EXECUTIVE_SUPPORT, state,
                 state == SOC_FACTOR_STATE_MET ? 1.0 : state == SOC_FACTOR_STATE_PARTLY ? 0.5 : 0.0,
                 evidence);
}

static void
judge_roadmap (SocChecklist *self,
               Eval         *e)
{
  guint total = e->n_items + e->n_initiatives;
  guint scheduled = e->n_scheduled + e->n_initiatives_served;
  gboolean all_scheduled = scheduled == total;
  gboolean milestones = e->n_milestones > 0;
  gboolean intact = e->n_broken == 0;
  SocFactorState state;
  char *evidence;

  if (e->n_items == 0)
    {
      finish_factor (self, e, SOC_FACTOR_ROADMAP, SOC_FACTOR_STATE_NOT_MET, 0.0,
                     g_strdup (_("The roadmap has no items yet")));
      return;
    }

  if (all_scheduled && milestones && intact)
    state = SOC_FACTOR_STATE_MET;
  else if (e->n_scheduled == 0 || (!all_scheduled && !milestones && !intact))
    state = SOC_FACTOR_STATE_NOT_MET;
  else
    state = SOC_FACTOR_STATE_PARTLY;

  evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u roadmap item is scheduled with dates; initiatives on the roadmap: %u of %u; milestones: %u; broken dependencies: %u",
                                           "%u of %u roadmap items are scheduled with dates; initiatives on the roadmap: %u of %u; milestones: %u; broken dependencies: %u",
                                           e->n_items),
                              e->n_scheduled, e->n_items, e->n_initiatives_served, e->n_initiatives,
                              e->n_milestones, e->n_broken);

  finish_factor (self, e, SOC_FACTOR_ROADMAP, state,
                 ((double) scheduled / total + (milestones ? 1.0 : 0.0) + (intact ? 1.0 : 0.0)) / 3.0,
                 evidence);
}

static void
judge_education (SocChecklist *self,
                 Eval         *e)
{
  guint n_present = 0;
  guint n_reached = 0;
  gboolean all_reached, guidelines, reviews;
  SocFactorState state;
  char *evidence;

  for (guint p = 0; p < SOC_N_PROFILES; p++)
    if (e->present & (1u << p))
      {
        n_present++;
        if (e->reached & (1u << p))
          n_reached++;
      }

  all_reached = n_reached == n_present;
  guidelines = e->n_guidelines > 0;
  reviews = e->n_reviews > 0;

  if (e->n_education == 0)
    state = SOC_FACTOR_STATE_NOT_MET;
  else if (all_reached && guidelines && reviews)
    state = SOC_FACTOR_STATE_MET;
  else
    state = SOC_FACTOR_STATE_PARTLY;

  if (e->n_education == 0)
    evidence = g_strdup_printf (_("No recurring education item is on the roadmap; guidelines and governance items: %u; recurring reviews: %u"),
                                e->n_guidelines, e->n_reviews);
  else if (n_present == 0)
    evidence = g_strdup_printf (_("No stakeholder is on the map for education to reach; guidelines and governance items: %u; recurring reviews: %u"),
                                e->n_guidelines, e->n_reviews);
  else
    evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Recurring education reaches %u of %u profile on the stakeholder map; guidelines and governance items: %u; recurring reviews: %u",
                                             "Recurring education reaches %u of %u profiles on the stakeholder map; guidelines and governance items: %u; recurring reviews: %u",
                                             n_present),
                                n_reached, n_present, e->n_guidelines, e->n_reviews);

  finish_factor (self, e, SOC_FACTOR_EDUCATION, state,
                 ((n_present > 0 ? (double) n_reached / n_present : 1.0) * (e->n_education > 0 ? 1.0 : 0.0) +
                  (guidelines ? 1.0 : 0.0) + (reviews ? 1.0 : 0.0)) / 3.0,
                 evidence);
}

static void
judge_staffing (SocChecklist *self,
                Eval         *e)
{
  guint total = e->n_activities + e->n_initiatives;
  guint owned = e->n_activities_owned + e->n_initiatives_owned;
  guint n_over = g_hash_table_size (e->overloaded);
  int advocates = e->plan->advocates;
  gboolean all_owned = owned == total;
  gboolean within_load = n_over == 0;
  gboolean enough_advocates = e->n_advocates >= (guint) MAX (advocates, 0);
  SocFactorState state;
  double score;
  char *evidence;

  if (total == 0)
    {
      finish_factor (self, e, SOC_FACTOR_STAFFING, SOC_FACTOR_STATE_NOT_MET, 0.0,
                     g_strdup (_("The plan has no initiatives or activities to staff")));
      return;
    }

  if (all_owned && within_load && enough_advocates)
    state = SOC_FACTOR_STATE_MET;
  else if (owned * 2 < total || (!all_owned && !within_load && !enough_advocates))
    state = SOC_FACTOR_STATE_NOT_MET;
  else
    state = SOC_FACTOR_STATE_PARTLY;

  score = ((double) owned / total +
           (e->n_loaded_owners > 0 ? 1.0 - (double) n_over / e->n_loaded_owners : 1.0) +
           fraction_of (e->n_advocates, advocates)) / 3.0;

  evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: owned, total, the plan's load limit, owners over it, advocates, advocates asked for */
                                           "%u of %u initiative or activity has an owner; owners holding more than %d at a time: %u; advocates and evangelists: %u, the plan asks for %d",
                                           "%u of %u initiatives and activities have an owner; owners holding more than %d at a time: %u; advocates and evangelists: %u, the plan asks for %d",
                                           total),
                              owned, total, e->plan->owner_load, n_over, e->n_advocates, advocates);

  finish_factor (self, e, SOC_FACTOR_STAFFING, state, score, evidence);
}

static void
judge_technology (SocChecklist *self,
                  Eval         *e)
{
  guint n = e->technology->len;
  guint early = 0;
  char gate_text[11];
  char *evidence;

  if (e->gate == SOC_DATE_NONE)
    {
      if (n == 0)
        evidence = g_strdup (_("No milestone marks when strategy and goals are set, and no technology item has dates yet"));
      else
        evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "No milestone marks when strategy and goals are set, so %u technology item cannot be judged",
                                                 "No milestone marks when strategy and goals are set, so %u technology items cannot be judged",
                                                 n),
                                    n);
      finish_factor (self, e, SOC_FACTOR_TECHNOLOGY_LAST, SOC_FACTOR_STATE_PARTLY, 0.5, evidence);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      SocItem *item = g_ptr_array_index (e->technology, i);

      if (item->start < e->gate)
        {
          early++;
          add_failing (e, SOC_FACTOR_TECHNOLOGY_LAST, SOC_OBJECT (item),
                       N_("Starts before strategy and goals are set"));
        }
    }

  soc_date_format (e->gate, gate_text);
  if (n == 0)
    evidence = g_strdup_printf (_("No technology item is on the roadmap; strategy and goals are set on %s"), gate_text);
  else
    evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: the last %s is a date */
                                             "%u of %u technology item starts before strategy and goals are set on %s",
                                             "%u of %u technology items start before strategy and goals are set on %s",
                                             n),
                                early, n, gate_text);

  finish_factor (self, e, SOC_FACTOR_TECHNOLOGY_LAST,
                 early == 0 ? SOC_FACTOR_STATE_MET : SOC_FACTOR_STATE_NOT_MET,
                 n > 0 ? 1.0 - (double) early / n : 1.0, evidence);
}

static void
compute_figures (SocChecklist *self,
                 Eval         *e)
{
  self->n_social = e->n_social;
  self->n_tied_measured = e->n_tied_measured;
  self->metrics_benchmark = e->plan->metrics_benchmark;
  if (e->n_social == 0)
    self->metrics_text = g_strdup_printf (_("The plan has no social objectives or initiatives to measure; the field’s benchmark is %d%%"),
                                          e->plan->metrics_benchmark);
  else
    self->metrics_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u of %u social goal or initiative is tied to a business objective by a complete metric (%u%%); the field’s benchmark is %d%%",
                                                       "%u of %u social goals and initiatives are tied to a business objective by a complete metric (%u%%); the field’s benchmark is %d%%",
                                                       e->n_social),
                                          e->n_tied_measured, e->n_social,
                                          percent (e->n_tied_measured, e->n_social),
                                          e->plan->metrics_benchmark);

  self->technology_days = e->technology_days;
  self->all_days = e->all_days;
  self->technology_target = e->plan->technology_share;
  if (e->all_days == 0)
    self->technology_text = g_strdup_printf (_("No activity is scheduled to weigh technology against; the plan allows up to %d%%"),
                                             e->plan->technology_share);
  else
    self->technology_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Technology takes %u%% of the roadmap’s effort (%u of %u activity-day); the plan allows up to %d%%",
                                                          "Technology takes %u%% of the roadmap’s effort (%u of %u activity-days); the plan allows up to %d%%",
                                                          e->all_days),
                                             percent (e->technology_days, e->all_days),
                                             e->technology_days, e->all_days, e->plan->technology_share);

  self->profiles_present = e->present;
  self->profiles_reached = e->reached;
  for (guint p = 0; p < SOC_N_PROFILES; p++)
    {
      self->topics_given[p] = e->given[p];
      self->topics_needed[p] = e->needed[p];
    }
}

struct _SocChecklistJob
{
  Eval e;
};

/**
 * soc_checklist_job_new:
 * @document: the plan
 * @today: as for soc_checklist_evaluate()
 *
 * A judgement of @document made a piece at a time with
 * soc_checklist_job_run(), so that a large plan is judged in the idle
 * moments of the main loop. The job holds pointers into the document:
 * drop it as soon as the document changes.
 *
 * Returns: (transfer full): the job
 */
SocChecklistJob *
soc_checklist_job_new (SocDocument *document,
                       guint        today)
{
  SocChecklistJob *job;
  Eval *e;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  job = g_new0 (SocChecklistJob, 1);
  e = &job->e;
  e->doc = document;
  e->plan = document->plan;
  e->today = today != SOC_DATE_NONE ? today : e->plan->horizon_start;
  e->goal_flags = g_hash_table_new (NULL, NULL);
  e->events = g_array_sized_new (FALSE, FALSE, sizeof (Event),
                                 2 * soc_object_list_get_size (document->items));
  e->technology = g_ptr_array_new ();
  e->overloaded = g_hash_table_new (NULL, NULL);
  e->sponsors = g_ptr_array_new ();
  e->phase = PHASE_ITEMS;
  return job;
}

void
soc_checklist_job_free (SocChecklistJob *job)
{
  Eval *e;

  if (job == NULL)
    return;
  e = &job->e;
  for (guint f = 0; f < SOC_N_FACTORS; f++)
    clear_failing (&e->failing[f]);
  g_hash_table_unref (e->goal_flags);
  g_array_unref (e->events);
  g_ptr_array_unref (e->technology);
  g_hash_table_unref (e->overloaded);
  g_ptr_array_unref (e->sponsors);
  g_clear_pointer (&e->stack, g_array_unref);
  g_free (job);
}

/**
 * soc_checklist_job_run:
 * @job: a job
 * @deadline: the monotonic time (g_get_monotonic_time()) to stop at, or
 *   G_MAXINT64 to finish
 *
 * Goes on with the judgement until it is made or @deadline is passed (by
 * at most a few hundred objects' work; the last step, which judges the
 * seven factors from what was counted, goes whole).
 *
 * Returns: (transfer full) (nullable): the result once made, else %NULL
 */
SocChecklist *
soc_checklist_job_run (SocChecklistJob *job,
                       gint64           deadline)
{
  SocChecklist *self;
  Eval *e;

  g_return_val_if_fail (job != NULL, NULL);

  e = &job->e;
  e->deadline = deadline;
  switch ((Phase) e->phase)
    {
    case PHASE_ITEMS:
      if (!scan_items (e))
        return NULL;
      sweep_load (e);
      e->phase = PHASE_GOALS;
      e->next = 0;
      G_GNUC_FALLTHROUGH;
    case PHASE_GOALS:
      if (!scan_goals (e))
        return NULL;
      e->phase = PHASE_STAKEHOLDERS;
      G_GNUC_FALLTHROUGH;
    case PHASE_STAKEHOLDERS:
      if (!scan_stakeholders (e))
        return NULL;
      e->phase = PHASE_JUDGE;
      G_GNUC_FALLTHROUGH;
    case PHASE_JUDGE:
    default:
      break;
    }

  self = g_new0 (SocChecklist, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->today = e->today;

  judge_alignment (self, e);
  judge_vision (self, e);
  judge_executive_support (self, e);
  judge_roadmap (self, e);
  judge_education (self, e);
  judge_staffing (self, e);
  judge_technology (self, e);
  compute_figures (self, e);
  return self;
}

/**
 * soc_checklist_evaluate:
 * @document: the plan
 * @today: the day the plan is judged on (a #SocDate), or 0 for the plan's
 *   horizon start; only an owner's load from this day on counts
 *
 * Judges @document against the seven success factors, by the rules at the
 * top of this file. Linear in the size of the plan, plus a sort of the
 * owners' activity spans.
 *
 * Returns: (transfer full): the result
 */
SocChecklist *
soc_checklist_evaluate (SocDocument *document,
                        guint        today)
{
  SocChecklistJob *job;
  SocChecklist *self;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  job = soc_checklist_job_new (document, today);
  self = soc_checklist_job_run (job, G_MAXINT64);
  soc_checklist_job_free (job);
  return self;
}

SocChecklist *
soc_checklist_ref (SocChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
soc_checklist_unref (SocChecklist *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint f = 0; f < SOC_N_FACTORS; f++)
    {
      g_free (self->factors[f].evidence);
      g_strfreev (self->factors[f].failing);
      g_free (self->factors[f].reasons);
      g_free (self->factors[f].override_note);
    }
  g_free (self->metrics_text);
  g_free (self->technology_text);
  g_free (self);
}

/* The day the plan was judged on: the one given, or the horizon start. */
guint
soc_checklist_get_today (SocChecklist *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->today;
}

/* The state the plan itself earns, whatever the strategist says. */
SocFactorState
soc_checklist_get_state (SocChecklist *self,
                         SocFactor     factor)
{
  g_return_val_if_fail (self != NULL, SOC_FACTOR_STATE_NOT_MET);
  g_return_val_if_fail (factor < SOC_N_FACTORS, SOC_FACTOR_STATE_NOT_MET);

  return self->factors[factor].state;
}

/* How far the plan has come towards meeting FACTOR, from 0 to 1. */
double
soc_checklist_get_score (SocChecklist *self,
                         SocFactor     factor)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (factor < SOC_N_FACTORS, 0.0);

  return self->factors[factor].score;
}

/* One translated line with the counts the state rests on. */
const char *
soc_checklist_get_evidence (SocChecklist *self,
                            SocFactor     factor)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (factor < SOC_N_FACTORS, NULL);

  return self->factors[factor].evidence;
}

/**
 * soc_checklist_get_failing:
 * @n_failing: (out) (optional): how many
 *
 * The ids of the objects that fail @factor, each one resolvable with
 * soc_document_lookup() while the object exists.
 *
 * Returns: (transfer none): a %NULL-terminated array, never %NULL
 */
const char * const *
soc_checklist_get_failing (SocChecklist *self,
                           SocFactor     factor,
                           guint        *n_failing)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (factor < SOC_N_FACTORS, NULL);

  if (n_failing != NULL)
    *n_failing = self->factors[factor].n_failing;
  return (const char * const *) self->factors[factor].failing;
}

/**
 * soc_checklist_get_failing_reasons:
 *
 * Why each object of soc_checklist_get_failing() fails @factor, in the
 * same order, untranslated: pass each to soc_checklist_reason_text().
 */
const char * const *
soc_checklist_get_failing_reasons (SocChecklist *self,
                                   SocFactor     factor)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (factor < SOC_N_FACTORS, NULL);

  return (const char * const *) self->factors[factor].reasons;
}

/* A reason of soc_checklist_get_failing_reasons(), in the user's language. */
const char *
soc_checklist_reason_text (const char *reason)
{
  return reason != NULL ? g_dgettext (GETTEXT_PACKAGE, reason) : "";
}

/**
 * soc_checklist_get_override:
 * @state: (out) (optional): the strategist's state, or the plan's when
 *   there is no override
 * @note: (out) (optional) (transfer none): the note, or %NULL
 *
 * The strategist's judgement of @factor as it was when the plan was
 * judged.
 *
 * Returns: whether there is one
 */
gboolean
soc_checklist_get_override (SocChecklist    *self,
                            SocFactor        factor,
                            SocFactorState  *state,
                            const char     **note)
{
  const Factor *r;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (factor < SOC_N_FACTORS, FALSE);

  r = &self->factors[factor];
  if (state != NULL)
    *state = r->has_override ? r->override_state : r->state;
  if (note != NULL)
    *note = r->override_note;
  return r->has_override;
}

/* The strategist's state where there is one, else the plan's. */
SocFactorState
soc_checklist_get_effective_state (SocChecklist *self,
                                   SocFactor     factor)
{
  g_return_val_if_fail (self != NULL, SOC_FACTOR_STATE_NOT_MET);
  g_return_val_if_fail (factor < SOC_N_FACTORS, SOC_FACTOR_STATE_NOT_MET);

  return self->factors[factor].has_override ? self->factors[factor].override_state
                                            : self->factors[factor].state;
}

/* How many factors are met, counting the strategist's judgements. */
guint
soc_checklist_get_n_met (SocChecklist *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint f = 0; f < SOC_N_FACTORS; f++)
    if (soc_checklist_get_effective_state (self, f) == SOC_FACTOR_STATE_MET)
      n++;
  return n;
}

/* "4 of 7 met", translated. */
char *
soc_checklist_format_score (SocChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the checklist's score, such as "4 of 7 met" */
                                       "%u of %u met", "%u of %u met", SOC_N_FACTORS),
                          soc_checklist_get_n_met (self), (guint) SOC_N_FACTORS);
}

/**
 * soc_checklist_get_metrics_share:
 * @n_measured: (out) (optional): social work tied by a complete metric
 * @n_total: (out) (optional): all social work
 *
 * Returns: the share of social goals and initiatives tied to a business
 *   objective by a complete metric, 0 to 1 (0 without any)
 */
double
soc_checklist_get_metrics_share (SocChecklist *self,
                                 guint        *n_measured,
                                 guint        *n_total)
{
  g_return_val_if_fail (self != NULL, 0.0);

  if (n_measured != NULL)
    *n_measured = self->n_tied_measured;
  if (n_total != NULL)
    *n_total = self->n_social;
  return self->n_social > 0 ? (double) self->n_tied_measured / self->n_social : 0.0;
}

/* The plan's metrics-benchmark, in percent. */
int
soc_checklist_get_metrics_benchmark (SocChecklist *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->metrics_benchmark;
}

const char *
soc_checklist_get_metrics_text (SocChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->metrics_text;
}

/**
 * soc_checklist_get_technology_share:
 * @technology_days: (out) (optional): activity-days in technology lanes
 * @all_days: (out) (optional): all activity-days
 *
 * Returns: the technology share of roadmap effort, 0 to 1
 */
double
soc_checklist_get_technology_share (SocChecklist *self,
                                    guint        *technology_days,
                                    guint        *all_days)
{
  g_return_val_if_fail (self != NULL, 0.0);

  if (technology_days != NULL)
    *technology_days = self->technology_days;
  if (all_days != NULL)
    *all_days = self->all_days;
  return self->all_days > 0 ? (double) self->technology_days / self->all_days : 0.0;
}

/* The plan's technology-share, in percent. */
int
soc_checklist_get_technology_target (SocChecklist *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->technology_target;
}

const char *
soc_checklist_get_technology_text (SocChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->technology_text;
}

/* The profiles of the stakeholders on the map. */
SocProfiles
soc_checklist_get_profiles_present (SocChecklist *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->profiles_present;
}

/* The profiles that recurring education items reach (factor 5). */
SocProfiles
soc_checklist_get_profiles_reached (SocChecklist *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->profiles_reached;
}

/* The topics items whose audience names PROFILE cover. */
SocTopics
soc_checklist_get_topics_given (SocChecklist *self,
                                SocProfile    profile)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (profile < SOC_N_PROFILES, 0);
  return self->topics_given[profile];
}

/* The topics the stakeholders of PROFILE need. */
SocTopics
soc_checklist_get_topics_needed (SocChecklist *self,
                                 SocProfile    profile)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (profile < SOC_N_PROFILES, 0);
  return self->topics_needed[profile];
}
