/* test-selection.c: one selection per plan
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soc-edit.h"
#include "soc-selection.h"
#include "soc-test-util.h"

typedef struct
{
  guint changed;
  guint focus_notified;
} Counts;

static void
on_changed (SocSelection *selection,
            Counts       *counts)
{
  counts->changed++;
}

static void
on_focus (SocSelection *selection,
          GParamSpec   *pspec,
          Counts       *counts)
{
  counts->focus_notified++;
}

static SocSelection *
watched_selection (SocDocument *doc,
                   Counts      *counts)
{
  SocSelection *selection = soc_selection_new (doc);

  g_signal_connect (selection, "changed", G_CALLBACK (on_changed), counts);
  g_signal_connect (selection, "notify::focus", G_CALLBACK (on_focus), counts);
  return selection;
}

/* Select, add, toggle and clear: the set, the order and the focus. */
static void
test_select_add_toggle (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  Counts counts = { 0 };
  g_autoptr(SocSelection) selection = watched_selection (doc, &counts);
  SocObject *g1 = soc_document_lookup (doc, "g1");
  SocObject *i1 = soc_document_lookup (doc, "i1");
  SocObject *s1 = soc_document_lookup (doc, "s1");

  g_assert_nonnull (g1);
  g_assert_nonnull (i1);
  g_assert_nonnull (s1);
  g_assert_null (soc_selection_get_focus (selection));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);

  soc_selection_select (selection, g1);
  g_assert_true (soc_selection_get_focus (selection) == g1);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.focus_notified, ==, 1);

  /* Selecting what is selected already changes nothing, and says nothing. */
  soc_selection_select (selection, g1);
  g_assert_cmpuint (counts.changed, ==, 1);

  soc_selection_add (selection, i1);
  soc_selection_add (selection, s1);
  g_assert_cmpuint (soc_selection_get_size (selection), ==, 3);
  g_assert_true (soc_selection_get_nth (selection, 0) == g1);
  g_assert_true (soc_selection_get_nth (selection, 2) == s1);
  g_assert_true (soc_selection_get_focus (selection) == s1);
  g_assert_true (soc_selection_contains (selection, i1));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3);

  /* Ctrl+click on the focus takes it out; the focus goes to the newest left. */
  soc_selection_toggle (selection, s1);
  g_assert_false (soc_selection_contains (selection, s1));
  g_assert_true (soc_selection_get_focus (selection) == i1);
  soc_selection_toggle (selection, s1);
  g_assert_true (soc_selection_get_focus (selection) == s1);

  /* An explicit focus among several. */
  {
    SocObject *objects[] = { g1, i1, s1 };

    soc_selection_set (selection, objects, 3, i1);
    g_assert_true (soc_selection_get_focus (selection) == i1);
    g_assert_cmpuint (soc_selection_get_size (selection), ==, 3);
  }

  soc_selection_clear (selection);
  g_assert_null (soc_selection_get_focus (selection));
  g_assert_cmpuint (soc_selection_get_size (selection), ==, 0);
}

/* What the document lets go of, the selection lets go of; undo does not
 * bring it back into the selection. */
static void
test_follows_document (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  Counts counts = { 0 };
  g_autoptr(SocSelection) selection = watched_selection (doc, &counts);
  SocObject *i1 = soc_document_lookup (doc, "i1");
  SocObject *i2 = soc_document_lookup (doc, "i2");
  SocObject *objects[] = { i1, i2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SocItem) fresh = soc_item_new (SOC_ITEM_KIND_MILESTONE);

  soc_selection_set (selection, objects, 2, i2);
  g_assert_true (soc_edit_delete (doc, &i2, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (soc_selection_get_size (selection), ==, 1);
  g_assert_true (soc_selection_get_focus (selection) == i1);

  g_assert_true (soc_document_undo (doc));
  g_assert_cmpuint (soc_selection_get_size (selection), ==, 1);

  /* An object not in the document cannot be selected. */
  soc_selection_select (selection, SOC_OBJECT (fresh));
  g_assert_cmpuint (soc_selection_get_size (selection), ==, 0);
  g_assert_null (soc_selection_get_focus (selection));

  /* Added, selected, and the addition undone: it leaves the selection. */
  g_object_set (fresh, "title", "Kick-off", "lane", soc_document_lookup (doc, "l1"),
                "start", soc_item_get_start (SOC_ITEM (i1)), NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (fresh), NULL, 0, &error));
  g_assert_no_error (error);
  soc_selection_select (selection, SOC_OBJECT (fresh));
  g_assert_true (soc_selection_get_focus (selection) == SOC_OBJECT (fresh));
  g_assert_true (soc_document_undo (doc));
  g_assert_null (soc_selection_get_focus (selection));
}

/* A selection outlives nothing it holds: its document going empties it. */
static void
test_document_goes (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocDocument *doc = soc_test_load_path (example);
  Counts counts = { 0 };
  g_autoptr(SocSelection) selection = watched_selection (doc, &counts);

  soc_selection_select (selection, soc_document_lookup (doc, "g1"));
  g_assert_finalize_object (doc);
  g_assert_null (soc_selection_get_document (selection));
  g_assert_null (soc_selection_get_focus (selection));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/selection/select-add-toggle", test_select_add_toggle);
  g_test_add_func ("/selection/follows-document", test_follows_document);
  g_test_add_func ("/selection/document-goes", test_document_goes);

  return g_test_run ();
}
