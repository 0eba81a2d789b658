/* test-diff.c: the semantic diff, its words and its order
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soc-diff.h"
#include "soc-edit.h"
#include "soc-field-value.h"
#include "soc-test-util.h"

static char *
base_text (void)
{
  g_autofree char *path = soc_test_fixture_path ("merge-base.socplan");
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, 2);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strconcat (parts[0], to, parts[1], NULL);
}

static char *
diff_text (SocDocument *a,
           SocDocument *b)
{
  g_autoptr(GPtrArray) changes = soc_diff_documents (a, b);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *line = soc_diff_change_describe (g_ptr_array_index (changes, i));
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Every kind of change, in the order promised: by kind, and within a kind
 * what was added, changed or moved in the new order, then what went. */
static void
test_words_and_order (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(SocDocument) old_doc = soc_test_load_string (text);
  g_autoptr(SocDocument) new_doc = soc_test_load_string (text);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  SocObject *s3 = soc_document_lookup (new_doc, "s3");
  SocObject *s2 = soc_document_lookup (new_doc, "s2");

  g_assert_true (soc_edit_set_string (new_doc, SOC_OBJECT (soc_document_get_plan (new_doc)), "title", "Merge base, revised", &error));
  g_assert_true (soc_edit_set_int (new_doc, soc_document_lookup (new_doc, "i1"), "progress", 60, &error));
  g_assert_true (soc_edit_set_string (new_doc, soc_document_lookup (new_doc, "g3"), "description", "Line one\nline two", &error));
  {
    g_auto(GValue) v = G_VALUE_INIT;
    const SocField *f = soc_object_class_find_field (SOC_OBJECT_GET_CLASS (soc_document_lookup (new_doc, "g3")), "status", 6);

    g_assert_true (soc_field_from_text (new_doc, soc_document_lookup (new_doc, "g3"), f, "at-risk", &v, &error));
    g_assert_true (soc_edit_set (new_doc, soc_document_lookup (new_doc, "g3"), "status", &v, &error));
  }
  {
    g_autoptr(SocItem) item = soc_item_new (SOC_ITEM_KIND_ACTIVITY);
    g_object_set (item, "title", "Advocate office hours", "lane", soc_document_lookup (new_doc, "l2"), NULL);
    g_assert_nonnull (soc_edit_add (new_doc, SOC_OBJECT (item), NULL, 4, &error));
  }
  {
    g_autoptr(SocGoal) goal = soc_goal_new (SOC_GOAL_KIND_METRIC);
    g_object_set (goal, "title", "Answers within a day", NULL);
    g_assert_nonnull (soc_edit_add (new_doc, SOC_OBJECT (goal), SOC_GOAL (soc_document_lookup (new_doc, "g5")), 0, &error));
  }
  g_assert_true (soc_edit_move (new_doc, soc_document_lookup (new_doc, "i4"), 0, &error));
  {
    g_autoptr(SocRelationship) rel = soc_relationship_new (SOC_RELATION_KIND_MENTORS, SOC_STAKEHOLDER (s3), SOC_STAKEHOLDER (s2));
    g_assert_nonnull (soc_edit_add (new_doc, SOC_OBJECT (rel), NULL, 1, &error));
  }
  g_assert_no_error (error);

  out = diff_text (old_doc, new_doc);

  g_assert_cmpstr (out, ==,
    "Plan: title “Merge base” → “Merge base, revised”\n"
    "Goal g3 “New hires ask in open communities”: status planned → at-risk\n"
    "Goal g3 “New hires ask in open communities”: description (none) → “Line one line two”\n"
    "Added goal g6 “Answers within a day” under g5 “Answer customers faster”\n"
    "Item i4 “Reverse mentoring”: moved to the top\n"
    "Item i1 “Leadership briefings”: progress 10 → 60\n"
    "Added item i5 “Advocate office hours” in lane “Advocacy”\n"
    "Added relationship r2 from s3 to s2\n");

  /* A stakeholder goes with its relationships. */
  {
    g_autoptr(SocDocument) newer = soc_test_load_string (text);
    g_autofree char *with_rel = replace (text, "    <relationship id=\"r1\"",
                                         "    <relationship id=\"r2\" kind=\"reports-to\" from=\"s3\" to=\"s1\"/>\n    <relationship id=\"r1\"");
    g_autoptr(SocDocument) older = soc_test_load_string (with_rel);
    SocObject *gone = soc_document_lookup (newer, "s3");

    g_assert_true (soc_edit_delete (newer, &gone, 1, &error));
    g_assert_no_error (error);
    g_free (out);
    out = diff_text (older, newer);
    g_assert_cmpstr (out, ==, "Removed stakeholder s3 “Jonas Berg” and 1 relationship\n");
  }

  /* The same versions always give the same lines. */
  {
    g_autofree char *first = diff_text (old_doc, new_doc);
    g_autofree char *second = diff_text (old_doc, new_doc);
    g_assert_cmpstr (first, ==, second);
  }
}

/* A goal removed with its subtree, a lane with its items: one line each. */
static void
test_removed_with (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(SocDocument) old_doc = soc_test_load_string (text);
  g_autoptr(SocDocument) new_doc = soc_test_load_string (text);
  g_autoptr(GError) error = NULL;
  SocObject *gone[] = { soc_document_lookup (new_doc, "g2"), soc_document_lookup (new_doc, "l2") };
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_assert_true (soc_edit_delete (new_doc, gone, 2, &error));
  g_assert_no_error (error);
  out = diff_text (old_doc, new_doc);
  g_assert_cmpstr (out, ==,
    "Removed goal g2 “Cut time-to-competence by a third” and 2 sub-goals\n"
    "Removed lane l2 “Advocacy” and 2 items\n"
    "Item i1 “Leadership briefings”: served goals g2 → (none)\n");

  changes = soc_diff_documents (old_doc, new_doc);
  for (guint i = 0; i < changes->len; i++)
    {
      SocDiffChange *c = g_ptr_array_index (changes, i);
      if (c->kind == SOC_DIFF_REMOVED && g_str_equal (c->id, "g2"))
        {
          g_assert_cmpuint (c->with->len, ==, 2);
          g_assert_cmpstr (g_ptr_array_index (c->with, 0), ==, "g3");
          g_assert_cmpstr (g_ptr_array_index (c->with, 1), ==, "g4");
        }
    }
}

/* Content of other programs and a newer version count as changes. */
static void
test_kept_content (void)
{
  g_autofree char *text = base_text ();
  g_autofree char *newer = replace (text, "x:a=\"1\"", "x:a=\"2\"");
  g_autofree char *newest = replace (newer, "version=\"1.0\">", "version=\"1.1\">");
  g_autofree char *section = replace (newest, "  <x:note>Kept", "  <x:note>Still kept");
  g_autoptr(SocDocument) a = soc_test_load_string (text);
  g_autoptr(SocDocument) b = soc_test_load_string (section);
  g_autofree char *out = diff_text (a, b);

  g_assert_cmpstr (out, ==,
    "Format version 1.0 → 1.1\n"
    "Goal g1 “A company that learns in the open”: content of another program or a newer version changed\n"
    "Content of another program or a newer version changed in the plan file\n");
}

/* The plan as lines for git's textconv: one line per object. */
static void
test_textconv (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(SocDocument) doc = soc_test_load_string (text);
  g_autofree char *lines = soc_diff_document_to_text (doc);
  g_auto(GStrv) split = g_strsplit (lines, "\n", -1);

  g_assert_cmpstr (split[0], ==, "socplan 1.0");
  g_assert_true (g_str_has_prefix (split[1], "Plan: horizon-start 2026-01-01, horizon-end 2028-12-31"));
  g_assert_nonnull (strstr (lines, "\nItem i2 “Strategy approved”: kind milestone, lane l1, start 2026-04-01, progress 0, recurrence none, gate none, title “Strategy approved”, depends-on i1\n"));
  /* The version, the plan, 5 goals, 2 lanes, 1 phase, 4 items, 3
   * stakeholders, 1 relationship, 1 override, 1 section with kept content,
   * and what follows the last newline. */
  g_assert_cmpuint (g_strv_length (split), ==, 21);
}

/* Conflicts a merge recorded: lines of their own, for the diff and textconv. */
static void
test_recorded_conflicts (void)
{
  g_autofree char *text = base_text ();
  g_autofree char *recorded = replace (text, "  <x:note>",
    "  <merge:conflicts xmlns:merge=\"https://socplan.github.io/ns/merge\">"
    "<merge:conflict kind=\"field\" element=\"goal\" id=\"g3\" label=\"New hires ask in open communities\" "
    "field=\"status\" base=\"planned\" ours=\"at-risk\" theirs=\"off-track\"/></merge:conflicts>\n  <x:note>");
  g_autoptr(SocDocument) a = soc_test_load_string (text);
  g_autoptr(SocDocument) b = soc_test_load_string (recorded);
  g_autofree char *out = diff_text (a, b);
  g_autofree char *back = diff_text (b, a);
  g_autofree char *lines = soc_diff_document_to_text (b);

  g_assert_cmpstr (out, ==, "Unresolved merge conflict: Goal g3 “New hires ask in open communities”: "
                            "status: ours at-risk, theirs off-track\n");
  g_assert_cmpstr (back, ==, "Merge conflict resolved: Goal g3 “New hires ask in open communities”: "
                             "status: ours at-risk, theirs off-track\n");
  g_assert_true (g_str_has_suffix (lines, "\nmerge-conflict Goal g3 “New hires ask in open communities”: "
                                          "status: ours at-risk, theirs off-track\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/words-and-order", test_words_and_order);
  g_test_add_func ("/diff/removed-with", test_removed_with);
  g_test_add_func ("/diff/kept-content", test_kept_content);
  g_test_add_func ("/diff/textconv", test_textconv);
  g_test_add_func ("/diff/recorded-conflicts", test_recorded_conflicts);

  return g_test_run ();
}
