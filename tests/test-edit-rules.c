/* test-edit-rules.c: edits ask the format's rules, and change nothing for nothing
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An edit that changes nothing records nothing (issue 12, 2); the core
 * refuses a duplicate link with a reason (12, 3); typing a new start moves
 * an activity and keeps its length (12, 5); objects in a document refuse
 * changes that bypass the commands; edits keep the goal tree within the
 * format's depth.
 */

#include "config.h"

#include <math.h>

#include "soc-date.h"
#include "soc-document-private.h"
#include "soc-edit.h"
#include "soc-enum-types.h"
#include "soc-rules.h"
#include "soc-test-util.h"

typedef struct
{
  SocDocument *doc;
  char        *original;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->doc = soc_test_load_fixture ("small.socplan");
  f->original = soc_test_serialize (f->doc);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->original);
  g_assert_finalize_object (f->doc);
}

static SocObject *
lookup (Fixture    *f,
        const char *id)
{
  SocObject *o = soc_document_lookup (f->doc, id);

  g_assert_nonnull (o);
  return o;
}

/* Nothing was recorded since the fixture was loaded, and Redo is as it was. */
static void
assert_nothing_recorded (Fixture  *f,
                         guint     steps,
                         gboolean  can_redo)
{
  SocHistory *history = soc_document_get_history (f->doc);
  g_autofree char *now = soc_test_serialize (f->doc);

  g_assert_cmpuint (soc_history_get_n_steps (history), ==, steps);
  g_assert_cmpint (soc_history_can_redo (history), ==, can_redo);
  if (steps == 0)
    {
      g_assert_false (soc_document_get_modified (f->doc));
      g_assert_cmpstr (now, ==, f->original);
    }
}

static void
count (guint *n)
{
  (*n)++;
}

/* Every field of every object, set to what it holds: no command, no step,
 * not modified, Redo kept. */
static void
test_same_value_records_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  const char *ids[] = { "g1", "g2", "g3", "l1", "p1", "i1", "i2", "s1", "s2", "r1" };
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  guint changed = 0, tried = 0;

  g_ptr_array_add (objects, soc_document_get_plan (f->doc));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_ptr_array_add (objects, lookup (f, ids[i]));
  g_ptr_array_add (objects, soc_document_find_override (f->doc, SOC_FACTOR_EXECUTIVE_SUPPORT));

  /* Something to redo, which a non-edit must not wipe. */
  g_assert_true (soc_edit_set_string (f->doc, lookup (f, "g1"), "title", "Changed", NULL));
  g_assert_true (soc_document_undo (f->doc));

  g_signal_connect_swapped (f->doc, "changed", G_CALLBACK (count), &changed);

  for (guint i = 0; i < objects->len; i++)
    {
      SocObject *o = g_ptr_array_index (objects, i);
      SocObjectClass *klass = SOC_OBJECT_GET_CLASS (o);

      for (guint k = 0; k < klass->n_fields; k++)
        {
          const SocField *field = &klass->fields[k];
          GParamSpec *pspec = soc_object_class_field_pspec (klass, field);
          g_auto(GValue) v = G_VALUE_INIT;
          g_autoptr(GError) error = NULL;

          if (field->flags & SOC_FIELD_STRUCTURAL)
            continue;
          g_value_init (&v, pspec->value_type);
          soc_object_get_field (o, field, &v);
          if (field->kind == SOC_FIELD_REFLIST && g_value_get_boxed (&v) != NULL)
            {
              /* A new array with the same goals or items. */
              GPtrArray *same = g_ptr_array_copy (g_value_get_boxed (&v), NULL, NULL);
              g_value_take_boxed (&v, same);
            }
          if (!soc_edit_set (f->doc, o, field->name, &v, &error))
            g_error ("%s.%s: %s", G_OBJECT_TYPE_NAME (o), field->name, error->message);
          tried++;
        }
    }
  g_assert_cmpuint (tried, >, 60);
  g_assert_cmpuint (changed, ==, 0);
  assert_nothing_recorded (f, 1, TRUE);
  g_signal_handlers_disconnect_by_data (f->doc, &changed);
}

/* The cases that used to slip through: an empty text against no text, NAN
 * against an unset number, an equal array, both dates as they are, the
 * same judgement, the same place. */
static void
test_equal_by_meaning (Fixture       *f,
                       gconstpointer  data)
{
  SocObject *s2 = lookup (f, "s2");
  SocObject *g1 = lookup (f, "g1");
  SocObject *g3 = lookup (f, "g3");
  SocObject *i1 = lookup (f, "i1");
  SocObject *p1 = lookup (f, "p1");
  SocItem *item = SOC_ITEM (i1);
  g_autoptr(GPtrArray) serves = g_ptr_array_new ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_auto(GValue) v = G_VALUE_INIT;

  g_assert_null (SOC_STAKEHOLDER (s2)->department);
  g_assert_true (soc_edit_set_string (f->doc, s2, "department", "", NULL));
  g_assert_true (soc_edit_set_string (f->doc, s2, "department", NULL, NULL));

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, NAN);
  g_assert_true (soc_edit_set (f->doc, g1, "baseline", &v, NULL));
  g_value_set_double (&v, 90.0);
  g_assert_true (soc_edit_set (f->doc, g3, "baseline", &v, NULL));
  g_value_set_double (&v, 84.0);
  g_assert_true (soc_edit_set_merging (f->doc, g3, "current", &v, "typing-current", NULL));

  g_ptr_array_add (serves, lookup (f, "g2"));
  g_assert_true (soc_edit_set_links (f->doc, item, "serves", serves, NULL));
  g_assert_null (item->depends);
  g_assert_true (soc_edit_set_links (f->doc, item, "depends-on", none, NULL));
  g_assert_true (soc_edit_set_links (f->doc, item, "depends-on", NULL, NULL));

  g_assert_true (soc_edit_set_int (f->doc, i1, "audience", (int) item->audience, NULL));
  g_assert_true (soc_edit_set_int (f->doc, i1, "kind", SOC_ITEM_KIND_ACTIVITY, NULL));
  g_assert_true (soc_edit_set_int (f->doc, i1, "start", (int) item->start, NULL));
  g_assert_true (soc_edit_set_int (f->doc, i1, "end", (int) item->end, NULL));
  g_assert_true (soc_edit_set_dates (f->doc, i1, item->start, item->end, NULL, NULL));
  g_assert_true (soc_edit_set_dates (f->doc, p1, SOC_PHASE (p1)->start, SOC_PHASE (p1)->end, NULL, NULL));
  g_assert_true (soc_edit_set_object (f->doc, i1, "owner", lookup (f, "s1"), NULL));
  g_assert_true (soc_edit_set_override (f->doc, SOC_FACTOR_EXECUTIVE_SUPPORT, SOC_FACTOR_STATE_MET,
                                        "The sponsor signed the charter on 12 March.", NULL));
  g_assert_true (soc_edit_clear_override (f->doc, SOC_FACTOR_ROADMAP, NULL));
  g_assert_true (soc_edit_move (f->doc, i1, 0, NULL));
  g_assert_true (soc_edit_move_goal (f->doc, SOC_GOAL (g3), SOC_GOAL (lookup (f, "g2")), 0, NULL));

  assert_nothing_recorded (f, 0, FALSE);
}

/* The same relationship twice, the same goal served twice, the same item
 * depended on twice: refused with the reason, on adding and on changing. */
static void
test_duplicate_links (Fixture       *f,
                      gconstpointer  data)
{
  SocStakeholder *s1 = SOC_STAKEHOLDER (lookup (f, "s1"));
  SocStakeholder *s2 = SOC_STAKEHOLDER (lookup (f, "s2"));
  SocItem *i1 = SOC_ITEM (lookup (f, "i1"));
  SocItem *i2 = SOC_ITEM (lookup (f, "i2"));
  g_autoptr(GError) error = NULL;
  SocRelationship *mentors;

  {
    g_autoptr(SocRelationship) again = soc_relationship_new (SOC_RELATION_KIND_INFLUENCES, s1, s2);

    g_assert_null (soc_edit_add (f->doc, SOC_OBJECT (again), NULL, 1, &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_DUPLICATE);
    g_assert_cmpstr (error->message, ==, "“Maria Lindqvist” already influences “Community managers”");
    g_clear_error (&error);
  }
  assert_nothing_recorded (f, 0, FALSE);

  /* The other way round, or another kind, is another relationship. */
  {
    g_autoptr(SocRelationship) back = soc_relationship_new (SOC_RELATION_KIND_INFLUENCES, s2, s1);
    g_autoptr(SocRelationship) other = soc_relationship_new (SOC_RELATION_KIND_MENTORS, s1, s2);

    g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (back), NULL, 1, &error));
    g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (other), NULL, 2, &error));
    g_assert_no_error (error);
    mentors = other;
  }

  /* Changing the kind, or an end, into one that exists is refused too. */
  g_assert_false (soc_edit_set_int (f->doc, SOC_OBJECT (mentors), "kind", SOC_RELATION_KIND_INFLUENCES, &error));
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (soc_edit_set_int (f->doc, SOC_OBJECT (mentors), "kind", SOC_RELATION_KIND_REPORTS_TO, &error));
  g_assert_false (soc_edit_set_object (f->doc, SOC_OBJECT (mentors), "to", SOC_OBJECT (s1), &error));
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A relationship must join two different stakeholders");
  g_clear_error (&error);

  /* A third person's tie, moved onto the one that exists. */
  {
    g_autoptr(SocStakeholder) s3 = soc_rules_new_stakeholder ();
    g_autoptr(SocRelationship) third = NULL;

    g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (s3), NULL, 2, &error));
    third = soc_relationship_new (SOC_RELATION_KIND_INFLUENCES, s3, s2);
    g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (third), NULL, 3, &error));
    g_assert_false (soc_edit_set_object (f->doc, SOC_OBJECT (third), "from", SOC_OBJECT (s1), &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_DUPLICATE);
    g_clear_error (&error);
  }

  /* A goal served twice, an item depended on twice. */
  {
    g_autoptr(GPtrArray) twice = g_ptr_array_new ();

    g_ptr_array_add (twice, lookup (f, "g2"));
    g_ptr_array_add (twice, lookup (f, "g3"));
    g_ptr_array_add (twice, lookup (f, "g2"));
    g_assert_false (soc_edit_set_links (f->doc, i1, "serves", twice, &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_DUPLICATE);
    g_assert_cmpstr (error->message, ==, "“Leadership briefings on the social business case” already serves "
                                         "“Cut time-to-competence of new hires by a third”");
    g_clear_error (&error);

    g_ptr_array_set_size (twice, 0);
    g_ptr_array_add (twice, i1);
    g_ptr_array_add (twice, i1);
    g_assert_false (soc_edit_set_links (f->doc, i2, "depends-on", twice, &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_DUPLICATE);
    g_assert_cmpstr (error->message, ==, "“Strategy approved by the board” already depends on "
                                         "“Leadership briefings on the social business case”");
  }
}

/* Typing a new start moves an activity and keeps its length; an end typed
 * before the start is refused, with the dates in the reason. */
static void
test_typed_start_moves (Fixture       *f,
                        gconstpointer  data)
{
  SocItem *i1 = SOC_ITEM (lookup (f, "i1"));
  SocPhase *p1 = SOC_PHASE (lookup (f, "p1"));
  SocPlan *plan = soc_document_get_plan (f->doc);
  guint length = i1->end - i1->start;
  guint later = soc_date_from_ymd (2026, 5, 4);
  g_autoptr(GError) error = NULL;

  g_assert_true (soc_edit_set_int (f->doc, SOC_OBJECT (i1), "start", (int) later, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (i1->start, ==, later);
  g_assert_cmpuint (i1->end - i1->start, ==, length);
  g_assert_cmpuint (soc_history_get_n_steps (soc_document_get_history (f->doc)), ==, 1);
  g_assert_cmpstr (soc_history_get_undo_label (soc_document_get_history (f->doc)), ==,
                   "Move “Leadership briefings on the social business case”");
  g_assert_true (soc_document_undo (f->doc));
  g_assert_cmpuint (i1->end - i1->start, ==, length);
  g_assert_cmpuint (i1->start, ==, soc_date_from_ymd (2026, 2, 2));

  /* An end before the start: refused, nothing changes. */
  g_assert_false (soc_edit_set_int (f->doc, SOC_OBJECT (i1), "end", (int) soc_date_from_ymd (2026, 1, 15), &error));
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The end (2026-01-15) comes before the start (2026-02-02)");
  g_clear_error (&error);
  g_assert_cmpuint (i1->end, ==, soc_date_from_ymd (2026, 3, 27));

  /* A phase moves the same way. */
  length = p1->end - p1->start;
  g_assert_true (soc_edit_set_int (f->doc, SOC_OBJECT (p1), "start", (int) soc_date_from_ymd (2027, 1, 1), &error));
  g_assert_cmpuint (p1->end - p1->start, ==, length);

  /* A start moved past 2199 by its length is refused. */
  g_assert_false (soc_edit_set_int (f->doc, SOC_OBJECT (i1), "start", (int) soc_date_from_ymd (2199, 12, 1), &error));
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  g_clear_error (&error);

  /* The horizon is a frame, not a span that moves: its start after its end is refused. */
  g_assert_false (soc_edit_set_int (f->doc, SOC_OBJECT (plan), "horizon-start", (int) soc_date_from_ymd (2029, 1, 1), &error));
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The horizon ends (2028-12-31) before it starts (2029-01-01)");
  g_clear_error (&error);

  /* soc_edit_set_dates() still sets both, as a drag does. */
  g_assert_true (soc_edit_set_dates (f->doc, SOC_OBJECT (i1), soc_date_from_ymd (2026, 3, 1),
                                     soc_date_from_ymd (2026, 3, 2), NULL, &error));
  g_assert_cmpuint (i1->end, ==, soc_date_from_ymd (2026, 3, 2));
}

/* Once in a document, an object changes through commands only. */
static void
test_bypass_refused (Fixture       *f,
                     gconstpointer  data)
{
  SocObject *g1 = lookup (f, "g1");
  g_autoptr(SocGoal) fresh = soc_goal_new (SOC_GOAL_KIND_METRIC);

  g_test_expect_message ("soc-object", G_LOG_LEVEL_CRITICAL, "*belongs to a document*");
  g_object_set (g1, "title", "Behind the commands' back", NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (soc_goal_get_title (SOC_GOAL (g1)), ==, "A company that learns in the open");

  g_test_expect_message ("soc-object", G_LOG_LEVEL_CRITICAL, "*belongs to a document*");
  g_object_set (soc_document_get_plan (f->doc), "owner-load", 9, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpint (soc_document_get_plan (f->doc)->owner_load, ==, 5);
  assert_nothing_recorded (f, 0, FALSE);

  /* A new object is set up freely, until it is added. */
  g_object_set (fresh, "title", "Fresh", NULL);
  g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (fresh), SOC_GOAL (g1), 0, NULL));
  g_test_expect_message ("soc-object", G_LOG_LEVEL_CRITICAL, "*belongs to a document*");
  g_object_set (fresh, "title", "Changed", NULL);
  g_test_assert_expected_messages ();

  /* Taken out again, it stays the history's, as it was. */
  g_assert_true (soc_document_undo (f->doc));
  g_test_expect_message ("soc-object", G_LOG_LEVEL_CRITICAL, "*belongs to a document*");
  g_object_set (fresh, "title", "Changed", NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (soc_goal_get_title (fresh), ==, "Fresh");
}

/* A chain of goals as deep as the format allows: one more level is
 * refused, by adding and by indenting, with the reason. */
static void
test_goal_depth (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  g_autoptr(GError) error = NULL;
  SocGoal *parent = NULL;
  SocGoal *deepest;
  g_autoptr(SocGoal) sibling = soc_goal_new (SOC_GOAL_KIND_METRIC);

  for (guint level = 1; level <= SOC_MAX_GOAL_DEPTH; level++)
    {
      g_autoptr(SocGoal) goal = soc_rules_new_goal (parent, NULL);

      g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (goal), parent, 0, &error));
      g_assert_no_error (error);
      parent = goal;
    }
  deepest = parent;
  g_assert_cmpuint (soc_rules_goal_level (deepest), ==, SOC_MAX_GOAL_DEPTH);

  {
    g_autoptr(SocGoal) too_deep = soc_rules_new_goal (deepest, NULL);

    g_assert_null (soc_edit_add (doc, SOC_OBJECT (too_deep), deepest, 0, &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "The goal tree cannot be more than 1000 levels deep");
    g_clear_error (&error);
  }

  /* A sibling of the deepest goal, indented under it. */
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (sibling), soc_goal_get_parent (deepest), 1, &error));
  g_assert_false (soc_edit_indent_goal (doc, sibling, &error));
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  g_clear_error (&error);

  /* The whole chain under a goal of its own: one level too many. */
  {
    g_autoptr(SocGoal) root = soc_goal_new (SOC_GOAL_KIND_VISION);
    SocGoal *top = SOC_GOAL (soc_object_list_get (doc->goals, 0));

    g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (root), NULL, 1, &error));
    g_assert_false (soc_edit_move_goal (doc, top, root, 0, &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (soc_edit_move_goal (doc, top, deepest, 0, &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_CYCLE);
  }

  /* What edits made, the writer writes and the reader reads: 1,000 deep. */
  {
    g_autofree char *written = soc_test_serialize (doc);
    g_autoptr(SocDocument) back = soc_test_load_string (written);

    g_assert_cmpuint (soc_document_get_n_goals (back), ==, SOC_MAX_GOAL_DEPTH + 2);
  }
}

/* The window's Add actions make their objects here: each is accepted as it
 * is made, with the defaults of the place it goes. */
static void
test_new_objects (Fixture       *f,
                  gconstpointer  data)
{
  SocGoal *g1 = SOC_GOAL (lookup (f, "g1"));
  SocGoal *g3 = SOC_GOAL (lookup (f, "g3"));
  SocItem *i1 = SOC_ITEM (lookup (f, "i1"));
  SocItem *i2 = SOC_ITEM (lookup (f, "i2"));
  SocLane *l1 = SOC_LANE (lookup (f, "l1"));
  g_autoptr(SocGoal) child = soc_rules_new_goal (g1, NULL);
  g_autoptr(SocGoal) beside = soc_rules_new_goal (SOC_GOAL (lookup (f, "g2")), g3);
  g_autoptr(SocItem) activity = soc_rules_new_item (f->doc, SOC_ITEM_KIND_ACTIVITY, l1, i1);
  g_autoptr(SocItem) milestone = soc_rules_new_item (f->doc, SOC_ITEM_KIND_MILESTONE, l1, i2);
  g_autoptr(SocItem) first = soc_rules_new_item (f->doc, SOC_ITEM_KIND_ACTIVITY, l1, NULL);
  g_autoptr(SocLane) lane = soc_rules_new_lane (SOC_LANE_KIND_ADVOCACY);
  g_autoptr(SocLane) other = soc_rules_new_lane (SOC_LANE_KIND_OTHER);
  g_autoptr(SocPhase) phase = soc_rules_new_phase (f->doc);
  g_autoptr(SocStakeholder) person = soc_rules_new_stakeholder ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (soc_rules_child_goal_kind (NULL), ==, SOC_GOAL_KIND_VISION);
  g_assert_cmpint (soc_goal_get_kind (child), ==, SOC_GOAL_KIND_BUSINESS_OBJECTIVE);
  g_assert_cmpint (soc_goal_get_kind (beside), ==, SOC_GOAL_KIND_METRIC);
  g_assert_cmpstr (soc_goal_get_title (child), ==, "New goal");

  g_assert_cmpuint (activity->start, ==, soc_date_from_ymd (2026, 3, 28));
  g_assert_cmpuint (activity->end, ==, soc_date_from_ymd (2026, 4, 26));
  g_assert_cmpuint (milestone->start, ==, soc_date_from_ymd (2026, 4, 2));
  g_assert_cmpuint (milestone->end, ==, SOC_DATE_NONE);
  g_assert_cmpuint (first->start, ==, soc_date_from_ymd (2026, 1, 1));
  g_assert_cmpstr (soc_item_get_title (milestone), ==, "New milestone");
  g_assert_cmpstr (lane->title, ==, "Advocacy");
  g_assert_cmpstr (other->title, ==, "New lane");
  g_assert_cmpuint (phase->start, ==, soc_date_from_ymd (2026, 1, 1));
  g_assert_cmpuint (phase->end, ==, soc_date_from_ymd (2026, 7, 1));
  g_assert_cmpint (soc_stakeholder_get_stance (person), ==, SOC_STANCE_NEUTRAL);

  g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (child), g1, 0, &error));
  g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (beside), SOC_GOAL (lookup (f, "g2")), 1, &error));
  g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (activity), NULL, 1, &error));
  g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (milestone), NULL, 3, &error));
  g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (first), NULL, 0, &error));
  g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (lane), NULL, 1, &error));
  g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (other), NULL, 2, &error));
  g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (phase), NULL, 1, &error));
  g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (person), NULL, 2, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/edit-rules/same-value-records-nothing", test_same_value_records_nothing);
  ADD ("/edit-rules/equal-by-meaning", test_equal_by_meaning);
  ADD ("/edit-rules/duplicate-links", test_duplicate_links);
  ADD ("/edit-rules/typed-start-moves", test_typed_start_moves);
  ADD ("/edit-rules/bypass-refused", test_bypass_refused);
  ADD ("/edit-rules/new-objects", test_new_objects);
  g_test_add_func ("/edit-rules/goal-depth", test_goal_depth);

  return g_test_run ();
}
