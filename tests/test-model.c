/* test-model.c: every edit applies, reverts and redoes exactly
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two documents are equal when their canonical bytes are: every test
 * compares serializations before and after undo and redo.
 */

#include "config.h"

#include <math.h>

#include "soc-date.h"
#include "soc-edit.h"
#include "soc-enum-types.h"
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
  g_assert_false (soc_document_get_modified (f->doc));
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

/* After an edit: undo gives back the original, redo the edited state. */
static void
assert_undo_redo (Fixture    *f,
                  const char *expected_label)
{
  g_autofree char *edited = soc_test_serialize (f->doc);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  SocHistory *history = soc_document_get_history (f->doc);

  g_assert_cmpstr (edited, !=, f->original);
  g_assert_true (soc_document_get_modified (f->doc));
  if (expected_label != NULL)
    g_assert_cmpstr (soc_history_get_undo_label (history), ==, expected_label);

  g_assert_true (soc_document_undo (f->doc));
  undone = soc_test_serialize (f->doc);
  g_assert_cmpstr (undone, ==, f->original);
  g_assert_false (soc_document_get_modified (f->doc));
  if (expected_label != NULL)
    g_assert_cmpstr (soc_history_get_redo_label (history), ==, expected_label);

  g_assert_true (soc_document_redo (f->doc));
  redone = soc_test_serialize (f->doc);
  g_assert_cmpstr (redone, ==, edited);
  g_assert_true (soc_document_get_modified (f->doc));

  /* And the edited document reads back as it is. */
  {
    g_autoptr(SocDocument) reread = soc_test_load_string (edited);
    g_autofree char *again = soc_test_serialize (reread);
    g_assert_cmpstr (again, ==, edited);
  }
}

static void
test_set_text (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SocObject *item = lookup (f, "i1");

  g_assert_true (soc_edit_set_string (f->doc, item, "title", "Launch advocate pilot", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (soc_item_get_title (SOC_ITEM (item)), ==, "Launch advocate pilot");
  assert_undo_redo (f, "Rename “Leadership briefings on the social business case”");
}

static void
test_set_each_kind (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SocObject *s1 = lookup (f, "s1");
  SocObject *s2 = lookup (f, "s2");
  SocObject *g3 = lookup (f, "g3");
  SocObject *i1 = lookup (f, "i1");
  SocObject *l1 = lookup (f, "l1");
  g_auto(GValue) v = G_VALUE_INIT;

  soc_document_begin_group (f->doc, "Many edits");
  g_assert_true (soc_edit_set_int (f->doc, s1, "influence", 55, &error));
  g_assert_true (soc_edit_set_int (f->doc, s1, "stance", SOC_STANCE_SCEPTIC, &error));
  g_assert_true (soc_edit_set_int (f->doc, s1, "roles", SOC_ROLES_ADVOCATE | SOC_ROLES_OWNER, &error));
  g_assert_true (soc_edit_set_string (f->doc, l1, "colour", "#e01b24", &error));
  g_assert_true (soc_edit_set_object (f->doc, i1, "owner", s2, &error));
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, 0.5);
  g_assert_true (soc_edit_set (f->doc, g3, "current", &v, &error));
  g_assert_true (soc_edit_set_int (f->doc, g3, "target-date", soc_date_from_ymd (2028, 6, 30), &error));
  g_assert_no_error (error);
  soc_document_end_group (f->doc);

  g_assert_cmpint (soc_stakeholder_get_influence (SOC_STAKEHOLDER (s1)), ==, 55);
  g_assert_true (soc_item_get_owner (SOC_ITEM (i1)) == SOC_STAKEHOLDER (s2));
  assert_undo_redo (f, "Many edits");
}

static void
test_refused_values (Fixture       *f,
                     gconstpointer  data)
{
  SocObject *s1 = lookup (f, "s1");
  SocObject *i1 = lookup (f, "i1");
  SocObject *i2 = lookup (f, "i2");
  SocObject *l1 = lookup (f, "l1");
  SocObject *g1 = lookup (f, "g1");
  g_autofree char *after = NULL;
  struct {
    SocObject *object;
    const char *property;
    int value;
  } ints[] = {
    { s1, "influence", 101 },
    { s1, "interest", -1 },
    { i1, "progress", 150 },
    { i1, "end", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (soc_edit_set_int (f->doc, ints[i].object, ints[i].property, ints[i].value, &error));
      g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
      g_test_message ("%s=%d refused: %s", ints[i].property, ints[i].value, error->message);
    }

  {
    g_autoptr(GError) error = NULL;
    /* The end before the start. */
    g_assert_false (soc_edit_set_int (f->doc, i1, "end", soc_date_from_ymd (2026, 1, 1), &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "before the start"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (soc_edit_set_int (f->doc, i2, "end", soc_date_from_ymd (2026, 5, 1), &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (soc_edit_set_string (f->doc, l1, "colour", "blue", &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (soc_edit_set_string (f->doc, g1, "title", "bell\x07", &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;
    /* An owner must be a stakeholder of this plan. */
    g_assert_false (soc_edit_set_object (f->doc, i1, "owner", g1, &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SocStakeholder) stranger = soc_stakeholder_new (SOC_STAKEHOLDER_KIND_PERSON);
    g_assert_false (soc_edit_set_object (f->doc, i1, "owner", SOC_OBJECT (stranger), &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;
    /* A lane is required. */
    g_assert_false (soc_edit_set_object (f->doc, i1, "lane", NULL, &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;
    /* A relationship joins two different stakeholders. */
    g_assert_false (soc_edit_set_object (f->doc, lookup (f, "r1"), "to", s1, &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  }

  after = soc_test_serialize (f->doc);
  g_assert_cmpstr (after, ==, f->original);
  g_assert_false (soc_document_get_modified (f->doc));
  g_assert_false (soc_history_can_undo (soc_document_get_history (f->doc)));
}

static void
test_milestone_kind (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SocObject *i1 = lookup (f, "i1");

  g_assert_true (soc_edit_set_int (f->doc, i1, "kind", SOC_ITEM_KIND_MILESTONE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (soc_item_get_end (SOC_ITEM (i1)), ==, soc_item_get_start (SOC_ITEM (i1)));
  assert_undo_redo (f, "Change the kind of “Leadership briefings on the social business case”");
}

static void
test_move_dates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SocObject *i1 = lookup (f, "i1");
  guint start = soc_item_get_start (SOC_ITEM (i1));
  guint end = soc_item_get_end (SOC_ITEM (i1));

  /* A drag: many moves, one step. */
  for (guint d = 1; d <= 10; d++)
    g_assert_true (soc_edit_set_dates (f->doc, i1, start + d, end + d, "drag-i1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (soc_history_get_n_steps (soc_document_get_history (f->doc)), ==, 1);
  g_assert_cmpuint (soc_item_get_start (SOC_ITEM (i1)), ==, start + 10);
  assert_undo_redo (f, "Move “Leadership briefings on the social business case”");

  /* A sealed run starts a new step. */
  soc_history_seal (soc_document_get_history (f->doc));
  g_assert_true (soc_edit_set_dates (f->doc, i1, start + 20, end + 20, "drag-i1", &error));
  g_assert_cmpuint (soc_history_get_n_steps (soc_document_get_history (f->doc)), ==, 2);

  /* An end before the start is refused as a pair. */
  g_assert_false (soc_edit_set_dates (f->doc, i1, end + 5, start, NULL, &error));
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
}

static void
test_typing_merges (Fixture       *f,
                    gconstpointer  data)
{
  const char *steps[] = { "L", "La", "Lau", "Laun", "Launch" };
  SocObject *g1 = lookup (f, "g1");
  SocHistory *history = soc_document_get_history (f->doc);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_auto(GValue) v = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      g_value_init (&v, G_TYPE_STRING);
      g_value_set_string (&v, steps[i]);
      g_assert_true (soc_edit_set_merging (f->doc, g1, "title", &v, "typing-g1-title", &error));
    }
  g_assert_cmpuint (soc_history_get_n_steps (history), ==, 1);
  assert_undo_redo (f, NULL);
}

static void
test_add_goal (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SocGoal) goal = soc_goal_new (SOC_GOAL_KIND_SOCIAL_OBJECTIVE);
  SocGoal *g2 = SOC_GOAL (lookup (f, "g2"));
  guint n = soc_document_get_n_goals (f->doc);

  g_object_set (goal, "title", "Managers share team news weekly", NULL);
  g_assert_nonnull (soc_edit_add (f->doc, SOC_OBJECT (goal), g2, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (soc_object_get_id (SOC_OBJECT (goal)), ==, "g4");
  g_assert_true (soc_goal_get_parent (goal) == g2);
  g_assert_cmpuint (soc_document_get_n_goals (f->doc), ==, n + 1);
  g_assert_true (soc_document_lookup (f->doc, "g4") == SOC_OBJECT (goal));
  assert_undo_redo (f, "Add “Managers share team news weekly”");

  g_assert_true (soc_document_undo (f->doc));
  g_assert_null (soc_document_lookup (f->doc, "g4"));
  g_assert_cmpuint (soc_document_get_n_goals (f->doc), ==, n);
}

static void
test_delete_goal_clears_links (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SocObject *g2 = lookup (f, "g2");
  SocItem *i1 = SOC_ITEM (lookup (f, "i1"));

  g_assert_nonnull (soc_item_get_serves (i1));
  g_assert_true (soc_edit_delete (f->doc, &g2, 1, &error));
  g_assert_no_error (error);
  /* The subtree (g3) went with it, and i1 no longer serves g2. */
  g_assert_null (soc_document_lookup (f->doc, "g2"));
  g_assert_null (soc_document_lookup (f->doc, "g3"));
  g_assert_null (soc_item_get_serves (i1));
  g_assert_cmpuint (soc_document_get_n_goals (f->doc), ==, 1);
  assert_undo_redo (f, "Delete “Cut time-to-competence of new hires by a third”");
}

static void
test_delete_stakeholder (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SocObject *s1 = lookup (f, "s1");

  g_assert_true (soc_edit_delete (f->doc, &s1, 1, &error));
  g_assert_no_error (error);
  /* Owners cleared, the relationship gone. */
  g_assert_null (soc_item_get_owner (SOC_ITEM (lookup (f, "i1"))));
  g_assert_null (soc_goal_get_owner (SOC_GOAL (lookup (f, "g1"))));
  g_assert_null (soc_document_lookup (f->doc, "r1"));
  assert_undo_redo (f, "Delete “Maria Lindqvist”");
}

static void
test_delete_lane (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SocObject *l1 = lookup (f, "l1");

  g_assert_true (soc_edit_delete (f->doc, &l1, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (soc_document_get_items (f->doc)), ==, 0);
  assert_undo_redo (f, "Delete “Culture and education”");
}

static void
test_delete_many (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SocObject *objects[] = { lookup (f, "i1"), lookup (f, "p1"), lookup (f, "g3"), lookup (f, "s2") };

  g_assert_true (soc_edit_delete (f->doc, objects, G_N_ELEMENTS (objects), &error));
  g_assert_no_error (error);
  assert_undo_redo (f, "Delete 4 objects");
}

static void
test_move_goal (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SocGoal *g1 = SOC_GOAL (lookup (f, "g1"));
  SocGoal *g3 = SOC_GOAL (lookup (f, "g3"));

  /* Under its own descendant: refused. */
  g_assert_false (soc_edit_move_goal (f->doc, g1, g3, 0, &error));
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_CYCLE);
  g_clear_error (&error);

  /* Outdent g3 to sit beside g2 under g1. */
  g_assert_true (soc_edit_outdent_goal (f->doc, g3, &error));
  g_assert_no_error (error);
  g_assert_true (soc_goal_get_parent (g3) == g1);
  g_assert_cmpuint (g_list_model_get_n_items (soc_goal_get_children (g1)), ==, 2);
  assert_undo_redo (f, "Move “Days until a new engineer works unaided”");

  /* And indent it back under g2. */
  g_assert_true (soc_edit_indent_goal (f->doc, g3, &error));
  g_assert_no_error (error);
  g_assert_true (soc_goal_get_parent (g3) == SOC_GOAL (lookup (f, "g2")));
}

static void
test_dependencies (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deps = g_ptr_array_new ();
  SocItem *i1 = SOC_ITEM (lookup (f, "i1"));
  SocItem *i2 = SOC_ITEM (lookup (f, "i2"));

  /* i2 depends on i1 already: i1 on i2 would be a cycle. */
  g_ptr_array_add (deps, i2);
  g_assert_false (soc_edit_set_links (f->doc, i1, "depends-on", deps, &error));
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_CYCLE);
  g_clear_error (&error);

  /* Nor on itself. */
  g_ptr_array_set_size (deps, 0);
  g_ptr_array_add (deps, i1);
  g_assert_false (soc_edit_set_links (f->doc, i1, "depends-on", deps, &error));
  g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_CYCLE);
  g_clear_error (&error);

  /* Clearing i2's dependency is fine. */
  g_assert_true (soc_edit_set_links (f->doc, i2, "depends-on", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (soc_item_get_depends (i2));
  assert_undo_redo (f, "Change the dependencies of “Strategy approved by the board”");
}

static void
test_overrides (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (soc_edit_set_override (f->doc, SOC_FACTOR_ROADMAP, SOC_FACTOR_STATE_NOT_MET,
                                        "Dates are placeholders", &error));
  g_assert_no_error (error);
  g_assert_nonnull (soc_document_find_override (f->doc, SOC_FACTOR_ROADMAP));
  assert_undo_redo (f, "Judge “A roadmap with a timeline”");

  g_assert_true (soc_edit_set_override (f->doc, SOC_FACTOR_EXECUTIVE_SUPPORT, SOC_FACTOR_STATE_PARTLY,
                                        "Sponsor is busy", &error));
  g_assert_cmpint (soc_override_get_state (soc_document_find_override (f->doc, SOC_FACTOR_EXECUTIVE_SUPPORT)),
                   ==, SOC_FACTOR_STATE_PARTLY);
  g_assert_true (soc_edit_clear_override (f->doc, SOC_FACTOR_EXECUTIVE_SUPPORT, &error));
  g_assert_null (soc_document_find_override (f->doc, SOC_FACTOR_EXECUTIVE_SUPPORT));
}

static void
test_modified_is_exact (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SocObject *g1 = lookup (f, "g1");
  SocHistory *history = soc_document_get_history (f->doc);

  g_assert_true (soc_edit_set_string (f->doc, g1, "title", "A", &error));
  g_assert_true (soc_edit_set_string (f->doc, g1, "title", "B", &error));
  soc_history_mark_saved (history);
  g_assert_false (soc_document_get_modified (f->doc));
  g_assert_true (soc_document_undo (f->doc));
  g_assert_true (soc_document_get_modified (f->doc));
  g_assert_true (soc_document_redo (f->doc));
  g_assert_false (soc_document_get_modified (f->doc));

  /* Undo below the saved state and branch off: the saved state is gone. */
  g_assert_true (soc_document_undo (f->doc));
  g_assert_true (soc_edit_set_string (f->doc, g1, "title", "C", &error));
  g_assert_true (soc_document_get_modified (f->doc));
  g_assert_true (soc_document_undo (f->doc));
  g_assert_true (soc_document_get_modified (f->doc));
}

/* Random edits, then all undone and all redone, must give back each state. */
static void
test_random_sequence (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  g_autofree char *final = NULL;
  g_autofree char *redone = NULL;
  guint applied = 0;

  for (guint step = 0; step < 300; step++)
    {
      g_autoptr(GError) error = NULL;
      GListModel *items = soc_document_get_items (f->doc);
      GListModel *stakeholders = soc_document_get_stakeholders (f->doc);
      guint n_items = g_list_model_get_n_items (items);
      guint n_stake = g_list_model_get_n_items (stakeholders);
      gboolean ok = FALSE;

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          {
            g_autoptr(SocItem) item = soc_item_new (SOC_ITEM_KIND_ACTIVITY);
            g_autoptr(SocLane) lane = g_list_model_get_item (soc_document_get_lanes (f->doc), 0);
            guint start = soc_date_from_ymd (2026, 1, 1) + (guint) g_rand_int_range (rand, 0, 700);
            g_autofree char *title = g_strdup_printf ("Item %u", step);

            g_object_set (item, "title", title, "lane", lane, "start", start,
                          "end", start + (guint) g_rand_int_range (rand, 0, 90), NULL);
            ok = soc_edit_add (f->doc, SOC_OBJECT (item), NULL, (guint) g_rand_int_range (rand, 0, (int) n_items + 1), &error) != NULL;
          }
          break;
        case 1:
          if (n_items > 0)
            {
              g_autoptr(SocObject) item = g_list_model_get_item (items, (guint) g_rand_int_range (rand, 0, (int) n_items));
              ok = soc_edit_delete (f->doc, &item, 1, &error);
            }
          break;
        case 2:
          if (n_items > 0)
            {
              g_autoptr(SocObject) item = g_list_model_get_item (items, (guint) g_rand_int_range (rand, 0, (int) n_items));
              ok = soc_edit_set_int (f->doc, item, "progress", g_rand_int_range (rand, 0, 101), &error);
            }
          break;
        case 3:
          if (n_items > 1)
            {
              g_autoptr(SocObject) item = g_list_model_get_item (items, (guint) g_rand_int_range (rand, 0, (int) n_items));
              ok = soc_edit_move (f->doc, item, (guint) g_rand_int_range (rand, 0, (int) n_items), &error);
            }
          break;
        case 4:
          {
            g_autoptr(SocStakeholder) s = soc_stakeholder_new (SOC_STAKEHOLDER_KIND_GROUP);
            g_autofree char *name = g_strdup_printf ("Team %u", step);

            g_object_set (s, "name", name, "influence", g_rand_int_range (rand, 0, 101), NULL);
            ok = soc_edit_add (f->doc, SOC_OBJECT (s), NULL, n_stake, &error) != NULL;
          }
          break;
        case 5:
          if (n_stake > 0)
            {
              g_autoptr(SocObject) s = g_list_model_get_item (stakeholders, (guint) g_rand_int_range (rand, 0, (int) n_stake));
              ok = soc_edit_delete (f->doc, &s, 1, &error);
            }
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_no_error (error);
      if (ok)
        applied++;
    }

  g_assert_cmpuint (applied, >, 100);
  final = soc_test_serialize (f->doc);

  while (soc_document_undo (f->doc))
    ;
  {
    g_autofree char *undone = soc_test_serialize (f->doc);
    g_assert_cmpstr (undone, ==, f->original);
  }
  g_assert_false (soc_document_get_modified (f->doc));

  while (soc_document_redo (f->doc))
    ;
  redone = soc_test_serialize (f->doc);
  g_assert_cmpstr (redone, ==, final);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_notify_on_change (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SocObject *g1 = lookup (f, "g1");
  guint notified = 0, changed = 0;

  g_signal_connect_swapped (g1, "notify::title", G_CALLBACK (count_notify), &notified);
  g_signal_connect_swapped (f->doc, "changed", G_CALLBACK (count_notify), &changed);
  g_assert_true (soc_edit_set_string (f->doc, g1, "title", "Renamed", &error));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  /* Setting the same value again changes nothing and records nothing. */
  g_assert_true (soc_edit_set_string (f->doc, g1, "title", "Renamed", &error));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (soc_history_get_n_steps (soc_document_get_history (f->doc)), ==, 1);
  g_signal_handlers_disconnect_by_data (g1, &notified);
  g_signal_handlers_disconnect_by_data (f->doc, &changed);
}

/* Our day numbers are GDate's, computed without it, for every day a file may name. */
static void
test_dates_match_gdate (void)
{
  for (int y = SOC_DATE_MIN_YEAR; y <= SOC_DATE_MAX_YEAR; y++)
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= 31; d++)
        {
          guint ours = soc_date_from_ymd (y, m, d);
          int yy, mm, dd;
          GDate g;

          if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
            {
              g_assert_cmpuint (ours, ==, SOC_DATE_NONE);
              continue;
            }
          g_date_clear (&g, 1);
          g_date_set_dmy (&g, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
          g_assert_cmpuint (ours, ==, g_date_get_julian (&g));
          soc_date_to_ymd (ours, &yy, &mm, &dd);
          g_assert_cmpint (yy, ==, y);
          g_assert_cmpint (mm, ==, m);
          g_assert_cmpint (dd, ==, d);
        }
  g_assert_cmpuint (soc_date_from_ymd (1899, 12, 31), ==, SOC_DATE_NONE);
  g_assert_cmpuint (soc_date_from_ymd (2200, 1, 1), ==, SOC_DATE_NONE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/matches-gdate", test_dates_match_gdate);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/model/set/text", test_set_text);
  ADD ("/model/set/each-kind", test_set_each_kind);
  ADD ("/model/set/refused", test_refused_values);
  ADD ("/model/set/milestone-kind", test_milestone_kind);
  ADD ("/model/set/move-dates", test_move_dates);
  ADD ("/model/set/typing-merges", test_typing_merges);
  ADD ("/model/set/notify", test_notify_on_change);
  ADD ("/model/add/goal", test_add_goal);
  ADD ("/model/delete/goal-clears-links", test_delete_goal_clears_links);
  ADD ("/model/delete/stakeholder", test_delete_stakeholder);
  ADD ("/model/delete/lane", test_delete_lane);
  ADD ("/model/delete/many", test_delete_many);
  ADD ("/model/move/goal", test_move_goal);
  ADD ("/model/links/dependencies", test_dependencies);
  ADD ("/model/overrides", test_overrides);
  ADD ("/model/history/modified-is-exact", test_modified_is_exact);
  ADD ("/model/history/random-sequence", test_random_sequence);

  return g_test_run ();
}
