/* test-outline.c: the goal outline's rows, as the goal tree changes
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outline is a flat list of the goals shown, open or closed. These
 * tests check it against the tree after every kind of edit, undo and
 * redo, and check that what it says it changed (items-changed) is what
 * changed: a list kept only from its signals stays equal to it.
 */

#include "config.h"

#include "soc-edit.h"
#include "soc-rules.h"
#include "soc-outline-model.h"
#include "soc-test-util.h"

typedef struct
{
  SocDocument     *doc;
  SocOutlineModel *outline;
  GPtrArray       *mirror;     /* the rows, kept from items-changed alone */
  guint            n_changes;  /* items-changed emitted */
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->n_changes++;
  g_assert_cmpuint (position + removed, <=, f->mirror->len);
  g_ptr_array_remove_range (f->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (f->mirror, (int) (position + i), g_list_model_get_item (model, position + i));
}

static void
fixture_start (Fixture     *f,
               SocDocument *doc)
{
  guint n;

  f->doc = doc;
  f->outline = soc_outline_model_new (soc_document_get_goals (doc));
  f->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->outline));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (f->mirror, g_list_model_get_item (G_LIST_MODEL (f->outline), i));
  g_signal_connect (f->outline, "items-changed", G_CALLBACK (on_items_changed), f);
}

static void
fixture_stop (Fixture *f)
{
  g_clear_object (&f->outline);
  g_clear_pointer (&f->mirror, g_ptr_array_unref);
  g_clear_object (&f->doc);
}

/* The rows the outline should have: depth first, under open goals only,
 * worked out here from the tree, without recursion. */
static void
expected_rows (Fixture   *f,
               GPtrArray *rows,
               GArray    *depths)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GArray) stack_depths = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *roots = soc_document_get_goals (f->doc);

  for (guint i = g_list_model_get_n_items (roots); i-- > 0;)
    {
      guint zero = 0;
      g_ptr_array_add (stack, g_list_model_get_item (roots, i));
      g_array_append_val (stack_depths, zero);
    }
  while (stack->len > 0)
    {
      SocGoal *goal = g_ptr_array_steal_index (stack, stack->len - 1);
      guint depth = g_array_index (stack_depths, guint, stack_depths->len - 1);
      GListModel *children = soc_goal_get_children (goal);

      g_array_set_size (stack_depths, stack_depths->len - 1);
      g_ptr_array_add (rows, goal);
      g_array_append_val (depths, depth);
      if (!soc_outline_model_get_expanded (f->outline, goal))
        continue;
      depth++;
      for (guint i = g_list_model_get_n_items (children); i-- > 0;)
        {
          g_ptr_array_add (stack, g_list_model_get_item (children, i));
          g_array_append_val (stack_depths, depth);
        }
    }
}

static void
assert_rows (Fixture *f)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) depths = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *model = G_LIST_MODEL (f->outline);

  expected_rows (f, rows, depths);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, rows->len);
  g_assert_cmpuint (f->mirror->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (rows, i));
      g_assert_true (g_ptr_array_index (f->mirror, i) == g_ptr_array_index (rows, i));
      g_assert_cmpuint (soc_outline_model_get_depth (f->outline, i), ==, g_array_index (depths, guint, i));
      g_assert_cmpuint (soc_outline_model_find (f->outline, SOC_GOAL (item)), ==, i);
    }
}

/* Every goal of the document, open or not, in no particular order. */
static GPtrArray *
all_goals (SocDocument *doc)
{
  GPtrArray *goals = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  GListModel *roots = soc_document_get_goals (doc);

  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    g_ptr_array_add (stack, g_list_model_get_item (roots, i));
  while (stack->len > 0)
    {
      SocGoal *goal = g_ptr_array_steal_index (stack, stack->len - 1);
      GListModel *children = soc_goal_get_children (goal);

      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        g_ptr_array_add (stack, g_list_model_get_item (children, i));
      g_ptr_array_add (goals, goal);
      g_object_unref (goal);   /* the document keeps it */
    }
  return goals;
}

static SocGoal *
add_goal (SocDocument *doc,
          SocGoal     *parent,
          guint        position,
          const char  *title)
{
  g_autoptr(SocGoal) goal = soc_goal_new (parent == NULL ? SOC_GOAL_KIND_BUSINESS_OBJECTIVE
                                                         : SOC_GOAL_KIND_SOCIAL_OBJECTIVE);
  g_autoptr(GError) error = NULL;

  g_object_set (goal, "title", title, NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (goal), parent, position, &error));
  g_assert_no_error (error);
  return goal;
}

/* Random edits, undos, redos, openings and closings on the example: after
 * each the outline is the tree, and its signals said so. */
static void
test_follows_edits (void)
{
  Fixture f = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  guint n_done = 0;

  fixture_start (&f, soc_test_load_path (soc_test_example_path ()));
  assert_rows (&f);

  for (guint step = 0; step < 400; step++)
    {
      g_autoptr(GPtrArray) goals = all_goals (f.doc);
      g_autoptr(GError) error = NULL;
      SocGoal *goal = goals->len > 0 ? g_ptr_array_index (goals, g_rand_int_range (rand, 0, (int) goals->len)) : NULL;
      SocGoal *other = goals->len > 0 ? g_ptr_array_index (goals, g_rand_int_range (rand, 0, (int) goals->len)) : NULL;
      gboolean ok = TRUE;

      switch (g_rand_int_range (rand, 0, 9))
        {
        case 0:
          {
            guint n = goal != NULL ? g_list_model_get_n_items (soc_goal_get_children (goal)) : 0;
            g_autofree char *title = g_strdup_printf ("Goal %u", step);

            add_goal (f.doc, goal, (guint) g_rand_int_range (rand, 0, (int) n + 1), title);
          }
          break;
        case 1:
          ok = goal != NULL && soc_edit_delete (f.doc, (SocObject **) &goal, 1, &error);
          break;
        case 2:
          ok = goal != NULL && other != NULL &&
               soc_edit_move_goal (f.doc, goal, other, 0, &error);
          break;
        case 3:
          ok = goal != NULL && soc_edit_indent_goal (f.doc, goal, &error);
          break;
        case 4:
          ok = goal != NULL && soc_edit_outdent_goal (f.doc, goal, &error);
          break;
        case 5:
          ok = soc_document_undo (f.doc);
          break;
        case 6:
          ok = soc_document_redo (f.doc);
          break;
        case 7:
          if (goal != NULL)
            soc_outline_model_set_expanded (f.outline, goal, !soc_outline_model_get_expanded (f.outline, goal));
          break;
        case 8:
          if (goal != NULL && g_rand_boolean (rand))
            soc_outline_model_expand_all (f.outline, goal);
          else if (goal != NULL)
            g_assert_cmpuint (soc_outline_model_reveal (f.outline, goal), !=, SOC_OUTLINE_MODEL_NO_ROW);
          else
            soc_outline_model_expand_all (f.outline, NULL);
          break;
        default:
          g_assert_not_reached ();
        }
      n_done += ok;
      assert_rows (&f);
    }
  /* Most steps did something: the test is not one of refusals. */
  g_assert_cmpuint (n_done, >, 250);
  fixture_stop (&f);
}

/* A tree and everything under it comes and goes as one change of rows,
 * however many goals it holds; closed goals stay closed across it. */
static void
test_one_change_per_edit (void)
{
  Fixture f = { 0 };
  SocGoal *root, *closed;
  guint n_rows;

  fixture_start (&f, soc_document_new ());
  root = add_goal (f.doc, NULL, 0, "Root");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Child %u", i);
      SocGoal *child = add_goal (f.doc, root, i, title);

      for (guint j = 0; j < 50; j++)
        add_goal (f.doc, child, j, title);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.outline)), ==, 1 + 40 + 40 * 50);
  closed = SOC_GOAL (g_list_model_get_item (soc_goal_get_children (root), 3));
  g_object_unref (closed);
  soc_outline_model_set_expanded (f.outline, closed, FALSE);
  n_rows = 1 + 40 + 39 * 50;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.outline)), ==, n_rows);
  assert_rows (&f);

  f.n_changes = 0;
  g_assert_true (soc_edit_delete (f.doc, (SocObject **) &root, 1, NULL));
  g_assert_cmpuint (f.n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.outline)), ==, 0);

  f.n_changes = 0;
  g_assert_true (soc_document_undo (f.doc));
  g_assert_cmpuint (f.n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.outline)), ==, n_rows);
  g_assert_false (soc_outline_model_get_expanded (f.outline, closed));
  assert_rows (&f);

  /* Opening the closed goal adds its 50 rows after it, at once. */
  f.n_changes = 0;
  soc_outline_model_set_expanded (f.outline, closed, TRUE);
  g_assert_cmpuint (f.n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.outline)), ==, n_rows + 50);
  assert_rows (&f);
  fixture_stop (&f);
}

static void
on_row_changed (SocOutlineModel *outline,
                SocGoal         *goal,
                GPtrArray       *changed)
{
  g_ptr_array_add (changed, goal);
}

/* A goal's arrow hears of its children through the outline: a first child
 * added, the last one deleted, and opening and closing, open or not. */
static void
test_row_changed (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  SocGoal *root, *leaf, *child;

  fixture_start (&f, soc_document_new ());
  root = add_goal (f.doc, NULL, 0, "Root");
  leaf = add_goal (f.doc, root, 0, "Leaf");
  g_signal_connect (f.outline, "row-changed", G_CALLBACK (on_row_changed), changed);

  child = add_goal (f.doc, leaf, 0, "First child");
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_true (g_ptr_array_index (changed, 0) == leaf);

  soc_outline_model_set_expanded (f.outline, leaf, FALSE);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_true (g_ptr_array_index (changed, 1) == leaf);

  /* Closed, it still hears that it lost its last child. */
  g_assert_true (soc_edit_delete (f.doc, (SocObject **) &child, 1, NULL));
  g_assert_cmpuint (changed->len, ==, 3);
  g_assert_true (g_ptr_array_index (changed, 2) == leaf);
  assert_rows (&f);
  fixture_stop (&f);
}

/* A tree as deep as a plan may be: made, revealed from a closed root,
 * closed and opened, without recursion. */
static void
test_deep (void)
{
  Fixture f = { 0 };
  SocGoal *root, *deepest;
  guint n = SOC_MAX_GOAL_DEPTH;

  fixture_start (&f, soc_document_new ());
  root = deepest = add_goal (f.doc, NULL, 0, "Root");
  for (guint i = 1; i < n; i++)
    deepest = add_goal (f.doc, deepest, 0, "Deeper");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.outline)), ==, n);
  g_assert_cmpuint (soc_outline_model_get_depth (f.outline, n - 1), ==, n - 1);

  soc_outline_model_set_expanded (f.outline, root, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.outline)), ==, 1);
  g_assert_cmpuint (soc_outline_model_find (f.outline, deepest), ==, SOC_OUTLINE_MODEL_NO_ROW);
  g_assert_cmpuint (soc_outline_model_reveal (f.outline, deepest), ==, n - 1);
  soc_outline_model_set_expanded (f.outline, root, FALSE);
  soc_outline_model_set_expanded (f.outline, soc_goal_get_parent (deepest), FALSE);
  soc_outline_model_expand_all (f.outline, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.outline)), ==, n);
  assert_rows (&f);
  fixture_stop (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outline/follows-edits", test_follows_edits);
  g_test_add_func ("/outline/one-change-per-edit", test_one_change_per_edit);
  g_test_add_func ("/outline/row-changed", test_row_changed);
  g_test_add_func ("/outline/deep", test_deep);
  return g_test_run ();
}
