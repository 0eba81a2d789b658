/* test-history.c: the undo history on its own
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soc-command-set.h"
#include "soc-edit.h"
#include "soc-history.h"
#include "soc-test-util.h"

static SocCommand *
rename_command (SocDocument *doc,
                const char  *title,
                const char  *merge_key)
{
  SocObject *plan = SOC_OBJECT (soc_document_get_plan (doc));
  g_auto(GValue) v = G_VALUE_INIT;
  SocCommand *command;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, title);
  command = soc_command_set_new (plan, "title", &v);
  soc_command_set_merge_key (command, merge_key);
  return command;
}

static void
test_limit (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  SocHistory *history = soc_document_get_history (doc);
  guint64 first_state = 0;
  char title[32];

  for (guint i = 0; i < SOC_HISTORY_DEFAULT_LIMIT + 50; i++)
    {
      g_snprintf (title, sizeof title, "Title %u", i);
      soc_document_execute (doc, rename_command (doc, title, NULL));
      if (i == 0)
        first_state = soc_history_get_state (history);
    }
  g_assert_cmpuint (soc_history_get_n_steps (history), ==, SOC_HISTORY_DEFAULT_LIMIT);

  /* The saved (empty) state fell off the end: it can never come back. */
  while (soc_document_undo (doc))
    ;
  g_assert_true (soc_document_get_modified (doc));
  g_assert_cmpstr (soc_plan_get_title (soc_document_get_plan (doc)), ==, "Title 49");

  /* A state that fell off cannot be marked saved either. */
  soc_history_mark_saved_state (history, first_state);
  g_assert_true (soc_document_get_modified (doc));
}

static void
test_labels_and_notify (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  SocHistory *history = soc_document_get_history (doc);
  g_assert_null (soc_history_get_undo_label (history));
  soc_document_execute (doc, rename_command (doc, "Plan A", NULL));
  g_assert_cmpstr (soc_history_get_undo_label (history), ==, "Rename the plan");
  g_assert_true (soc_history_can_undo (history));
  g_assert_false (soc_history_can_redo (history));
  g_assert_true (soc_document_undo (doc));
  g_assert_cmpstr (soc_history_get_redo_label (history), ==, "Rename the plan");
  g_assert_false (soc_history_can_undo (history));
  g_assert_true (soc_history_can_redo (history));
}

static void
test_groups (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  SocHistory *history = soc_document_get_history (doc);

  soc_document_begin_group (doc, "Outer");
  soc_document_execute (doc, rename_command (doc, "One", NULL));
  soc_document_begin_group (doc, "Inner");
  soc_document_execute (doc, rename_command (doc, "Two", NULL));
  soc_document_end_group (doc);
  soc_document_end_group (doc);
  g_assert_cmpuint (soc_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (soc_history_get_undo_label (history), ==, "Outer");
  g_assert_true (soc_document_undo (doc));
  g_assert_null (soc_plan_get_title (soc_document_get_plan (doc)));

  /* An empty group leaves no step. */
  soc_document_begin_group (doc, "Nothing");
  soc_document_end_group (doc);
  g_assert_cmpuint (soc_history_get_n_steps (history), ==, 1);
}

static void
test_merge_respects_saved (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  SocHistory *history = soc_document_get_history (doc);

  soc_document_execute (doc, rename_command (doc, "A", "typing"));
  soc_history_mark_saved (history);
  /* Typing on after a save must not fold into the saved step. */
  soc_document_execute (doc, rename_command (doc, "AB", "typing"));
  g_assert_cmpuint (soc_history_get_n_steps (history), ==, 2);
  g_assert_true (soc_document_get_modified (doc));
  soc_document_execute (doc, rename_command (doc, "ABC", "typing"));
  g_assert_cmpuint (soc_history_get_n_steps (history), ==, 2);
  g_assert_true (soc_document_undo (doc));
  g_assert_false (soc_document_get_modified (doc));
  g_assert_cmpstr (soc_plan_get_title (soc_document_get_plan (doc)), ==, "A");
}

static void
test_saved_state_token (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  SocHistory *history = soc_document_get_history (doc);
  guint64 state;

  soc_document_execute (doc, rename_command (doc, "A", "typing"));
  state = soc_history_get_state (history);
  /* Edits after the token was taken, even mergeable ones, are not saved. */
  soc_document_execute (doc, rename_command (doc, "AB", "typing"));
  soc_history_mark_saved_state (history, state);
  g_assert_true (soc_document_get_modified (doc));
  g_assert_true (soc_document_undo (doc));
  g_assert_false (soc_document_get_modified (doc));
}


static void
on_changed_record (SocDocument *doc,
                   guint       *seen)
{
  *seen = soc_document_get_last_changes (doc);
}

/* Each command, undo and redo says which parts of the plan it changed, so
 * a view of another part can stay as it is. */
static void
test_last_changes (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  SocObject *item = soc_document_lookup (doc, "i3");
  SocObject *goal = soc_document_lookup (doc, "g5");
  SocObject *stakeholder = soc_document_lookup (doc, "s1");
  guint seen = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (on_changed_record), &seen);

  g_assert_true (soc_edit_set_override (doc, SOC_FACTOR_STAFFING, SOC_FACTOR_STATE_MET, "Judged", NULL));
  g_assert_cmpuint (seen, ==, SOC_DOCUMENT_CHANGES_JUDGEMENTS);
  seen = 0;
  g_assert_true (soc_document_undo (doc));
  g_assert_cmpuint (seen, ==, SOC_DOCUMENT_CHANGES_JUDGEMENTS);

  g_assert_true (soc_edit_set_string (doc, item, "title", "Renamed", NULL));
  g_assert_cmpuint (seen, ==, SOC_DOCUMENT_CHANGES_ROADMAP);
  g_assert_true (soc_edit_set_string (doc, goal, "title", "Renamed", NULL));
  g_assert_cmpuint (seen, ==, SOC_DOCUMENT_CHANGES_GOALS);
  g_assert_true (soc_edit_set_string (doc, SOC_OBJECT (soc_document_get_plan (doc)), "title", "Renamed", NULL));
  g_assert_cmpuint (seen, ==, SOC_DOCUMENT_CHANGES_PLAN);

  /* A delete that unlinks what refers to it: each part it touched. */
  g_assert_true (soc_edit_delete (doc, &stakeholder, 1, NULL));
  g_assert_true (seen & SOC_DOCUMENT_CHANGES_STAKEHOLDERS);
  g_assert_true (seen & (SOC_DOCUMENT_CHANGES_GOALS | SOC_DOCUMENT_CHANGES_ROADMAP));
  g_assert_false (seen & SOC_DOCUMENT_CHANGES_JUDGEMENTS);
  seen = 0;
  g_assert_true (soc_document_undo (doc));
  g_assert_true (seen & SOC_DOCUMENT_CHANGES_STAKEHOLDERS);

  /* A goal moved: the goals. */
  g_assert_true (soc_edit_move (doc, goal, 0, NULL));
  g_assert_cmpuint (seen, ==, SOC_DOCUMENT_CHANGES_GOALS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/limit", test_limit);
  g_test_add_func ("/history/labels", test_labels_and_notify);
  g_test_add_func ("/history/groups", test_groups);
  g_test_add_func ("/history/merge-respects-saved", test_merge_respects_saved);
  g_test_add_func ("/history/saved-state-token", test_saved_state_token);
  g_test_add_func ("/history/last-changes", test_last_changes);

  return g_test_run ();
}
