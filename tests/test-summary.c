/* test-summary.c: what the views ask the core about one object
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soc-checklist.h"
#include "soc-edit.h"
#include "soc-factor-result.h"
#include "soc-summary.h"
#include "soc-test-util.h"

static guint
n_objects (SocDocument *doc)
{
  return soc_document_get_n_goals (doc) +
         g_list_model_get_n_items (soc_document_get_items (doc)) +
         g_list_model_get_n_items (soc_document_get_lanes (doc)) +
         g_list_model_get_n_items (soc_document_get_phases (doc)) +
         g_list_model_get_n_items (soc_document_get_stakeholders (doc)) +
         g_list_model_get_n_items (soc_document_get_relationships (doc));
}

/* What a delete takes, counted before, is what the delete takes. */
static void
check_delete (const char *id,
              const char *expected)
{
  g_autofree char *path = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (path);
  SocObject *object = soc_document_lookup (doc, id);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  SocDeleteCount count;
  guint before = n_objects (doc);

  g_assert_nonnull (object);
  soc_summary_count_delete (doc, object, &count);
  text = soc_summary_describe_delete (doc, object);
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (soc_edit_delete (doc, &object, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (before - n_objects (doc), ==, 1 + count.goals + count.items + count.relationships);
}

static void
test_delete (void)
{
  check_delete ("g3", "Deleted “Cut time-to-competence of new hires by a third” and its 4 sub-goals");
  check_delete ("l1", "Deleted “Culture and education” and its 8 items");
  check_delete ("s1", "Deleted “Maria Lindqvist” and their 6 relationships");
  check_delete ("i1", "Deleted “Baseline survey on intranet use, finding expertise and sharing ideas”");
}

/* Relationships both ways, and what a stakeholder owns, in the plan's order. */
static void
test_links (void)
{
  g_autofree char *path = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (path);
  SocStakeholder *s1 = SOC_STAKEHOLDER (soc_document_lookup (doc, "s1"));
  g_autoptr(GPtrArray) rels = soc_summary_relationships_of (doc, s1);
  g_autoptr(GPtrArray) owned = soc_summary_owned_by (doc, s1);
  gboolean seen_goal = FALSE;

  g_assert_cmpuint (rels->len, ==, 6);
  for (guint i = 0; i < rels->len; i++)
    {
      SocRelationship *rel = g_ptr_array_index (rels, i);
      g_assert_true (soc_relationship_get_from (rel) == s1 || soc_relationship_get_to (rel) == s1);
    }
  g_assert_cmpuint (owned->len, >, 0);
  for (guint i = 0; i < owned->len; i++)
    {
      SocObject *o = g_ptr_array_index (owned, i);

      if (SOC_IS_GOAL (o))
        {
          g_assert_true (soc_goal_get_owner (SOC_GOAL (o)) == s1);
          seen_goal = TRUE;
        }
      else
        {
          /* Goals first, then items. */
          g_assert_true (soc_item_get_owner (SOC_ITEM (o)) == s1);
          g_assert_true (seen_goal);
        }
    }
}

/* Each failing object comes with why it fails, in the same order. */
static void
test_reasons (void)
{
  g_autofree char *path = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (path);
  g_autoptr(SocChecklist) checklist = soc_checklist_evaluate (doc, 0);
  g_autoptr(SocFactorResult) result = soc_factor_result_new (SOC_FACTOR_ALIGNMENT);
  const char * const *reasons;
  guint n = 0;

  for (SocFactor f = 0; f < SOC_N_FACTORS; f++)
    {
      soc_checklist_get_failing (checklist, f, &n);
      reasons = soc_checklist_get_failing_reasons (checklist, f);
      g_assert_nonnull (reasons);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (soc_checklist_reason_text (reasons[i]), !=, "");
      g_assert_null (reasons[n]);
    }

  soc_factor_result_update (result, checklist);
  soc_checklist_get_failing (checklist, SOC_FACTOR_ALIGNMENT, &n);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (soc_factor_result_get_failing_reason (result, 0), ==,
                   soc_checklist_reason_text (soc_checklist_get_failing_reasons (checklist, SOC_FACTOR_ALIGNMENT)[0]));
}

/* The vision is the goal at the top of the tree; a plan without one may
 * state it in its vision text; the evidence says which it found. */
static void
test_vision_source (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SocGoal) goal = soc_goal_new (SOC_GOAL_KIND_VISION);
  SocChecklist *checklist;

  checklist = soc_checklist_evaluate (doc, 0);
  g_assert_cmpstr (soc_checklist_get_evidence (checklist, SOC_FACTOR_LONG_TERM_VISION), ==,
                   "No vision is set and no roadmap item has dates");
  soc_checklist_unref (checklist);

  g_assert_true (soc_edit_set_string (doc, SOC_OBJECT (soc_document_get_plan (doc)), "vision",
                                      "Everyone finds the knowledge they need", &error));
  checklist = soc_checklist_evaluate (doc, 0);
  g_assert_cmpint (soc_checklist_get_state (checklist, SOC_FACTOR_LONG_TERM_VISION), ==, SOC_FACTOR_STATE_PARTLY);
  g_assert_cmpstr (soc_checklist_get_evidence (checklist, SOC_FACTOR_LONG_TERM_VISION), ==,
                   "The plan states a vision, but no vision goal heads the goal tree and no roadmap item has dates");
  soc_checklist_unref (checklist);

  g_object_set (goal, "title", "A company that learns in the open", NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (goal), NULL, 0, &error));
  checklist = soc_checklist_evaluate (doc, 0);
  g_assert_cmpstr (soc_checklist_get_evidence (checklist, SOC_FACTOR_LONG_TERM_VISION), ==,
                   "A vision goal heads the goal tree, but no roadmap item has dates");
  soc_checklist_unref (checklist);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary/delete", test_delete);
  g_test_add_func ("/summary/links", test_links);
  g_test_add_func ("/summary/reasons", test_reasons);
  g_test_add_func ("/summary/vision-source", test_vision_source);

  return g_test_run ();
}
