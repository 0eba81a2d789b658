/* soc-goal-tree-edit.c: what the goal tree's gestures and keys change
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function here is one thing a gesture or a key does, callable (and
 * tested) without them: a new goal under or beside another, named in
 * place; a goal moved under another; the selection moved by the arrows;
 * renaming in place; folding. Each change to the plan is one core edit,
 * one undo step with a label that says what it did; folding is the view's
 * alone and never reaches the plan.
 */

#define G_LOG_DOMAIN "soc-goal-tree"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-edit.h"
#include "soc-rules.h"
#include "soc-goal-tree-private.h"

#define SELECTION(self) soc_canvas_get_selection (SOC_CANVAS (self))

static guint
position_in (GListModel *list,
             gpointer    object)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (list, i);

      if (o == object)
        return i;
    }
  return n;
}

/* A new goal under PARENT (or a root), placed at POSITION, selected, shown
 * and named in place. */
static SocGoal *
add_goal (SocGoalTree  *self,
          SocGoal      *parent,
          SocGoal      *sibling,
          guint         position,
          GError      **error)
{
  /* The core's new goal: a sibling's kind beside it, else the next level down. */
  g_autoptr(SocGoal) goal = soc_rules_new_goal (parent, sibling);

  if (soc_edit_add (self->document, SOC_OBJECT (goal), parent, position, error) == NULL)
    return NULL;
  if (parent != NULL)
    soc_goal_tree_set_collapsed (self, parent, FALSE);
  soc_selection_select (SELECTION (self), SOC_OBJECT (goal));
  _soc_goal_tree_invalidate (self, TRUE);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    soc_goal_tree_rename (self, goal);
  return goal;
}

/* Tab: a new sub-goal at the end of PARENT's (NULL: a new root). */
SocGoal *
soc_goal_tree_add_child (SocGoalTree  *self,
                         SocGoal      *parent,
                         GError      **error)
{
  GListModel *list;

  g_return_val_if_fail (SOC_IS_GOAL_TREE (self), NULL);
  g_return_val_if_fail (parent == NULL || SOC_IS_GOAL (parent), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  list = parent != NULL ? soc_goal_get_children (parent) : soc_document_get_goals (self->document);
  return add_goal (self, parent, NULL, g_list_model_get_n_items (list), error);
}

/* Enter: a new goal just after GOAL, under the same parent (NULL: a new
 * root at the end). */
SocGoal *
soc_goal_tree_add_sibling (SocGoalTree  *self,
                           SocGoal      *goal,
                           GError      **error)
{
  SocGoal *parent;
  GListModel *list;

  g_return_val_if_fail (SOC_IS_GOAL_TREE (self), NULL);
  g_return_val_if_fail (goal == NULL || SOC_IS_GOAL (goal), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  parent = goal != NULL ? soc_goal_get_parent (goal) : NULL;
  list = parent != NULL ? soc_goal_get_children (parent) : soc_document_get_goals (self->document);
  return add_goal (self, parent, goal, goal != NULL ? position_in (list, goal) + 1 : g_list_model_get_n_items (list),
                   error);
}

/* Whether GOAL may go under PARENT: not under itself nor anything under it. */
gboolean
soc_goal_tree_can_reparent (SocGoalTree *self,
                            SocGoal     *goal,
                            SocGoal     *parent)
{
  g_return_val_if_fail (SOC_IS_GOAL_TREE (self), FALSE);

  for (SocGoal *g = parent; g != NULL; g = soc_goal_get_parent (g))
    if (g == goal)
      return FALSE;
  return TRUE;
}

/* A card dropped on another: GOAL goes under PARENT, after its sub-goals;
 * the core refuses a cycle and says why. */
gboolean
soc_goal_tree_reparent (SocGoalTree  *self,
                        SocGoal      *goal,
                        SocGoal      *parent,
                        GError      **error)
{
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (SOC_IS_GOAL_TREE (self), FALSE);
  g_return_val_if_fail (SOC_IS_GOAL (goal) && SOC_IS_GOAL (parent), FALSE);

  if (soc_goal_get_parent (goal) == parent)
    return TRUE;
  /* Translators: an undo step: a goal dragged onto another on the goal tree */
  label = g_strdup_printf (_("Move “%s” under “%s”"), soc_object_get_label (SOC_OBJECT (goal)),
                           soc_object_get_label (SOC_OBJECT (parent)));
  soc_document_begin_group (self->document, label);
  ok = soc_edit_move_goal (self->document, goal, parent,
                           g_list_model_get_n_items (soc_goal_get_children (parent)), error);
  soc_document_end_group (self->document);
  if (ok)
    {
      /* Where it went shows. */
      soc_goal_tree_set_collapsed (self, parent, FALSE);
      soc_selection_select (SELECTION (self), SOC_OBJECT (goal));
    }
  return ok;
}

/* The arrow keys: the selection moves to the card beside, above or below,
 * by position. */
gboolean
soc_goal_tree_step (SocGoalTree  *self,
                    SocDirection  direction)
{
  SocGoalLayout *layout = _soc_goal_tree_ensure_layout (self);
  SocObject *focus;
  guint card, next;

  g_return_val_if_fail (SOC_IS_GOAL_TREE (self), FALSE);

  if (layout == NULL || soc_goal_layout_get_n_cards (layout) == 0)
    return FALSE;
  focus = soc_selection_get_focus (SELECTION (self));
  if (!SOC_IS_GOAL (focus))
    focus = soc_canvas_get_focus_object (SOC_CANVAS (self));
  if (!SOC_IS_GOAL (focus) || soc_goal_layout_find_card (layout, SOC_GOAL (focus), &card) == NULL)
    {
      /* Nothing yet: the first card in view, or the root. */
      g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (guint));
      SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));
      SocRect area = _soc_goal_tree_to_layout (self, &v);

      soc_goal_layout_cards_in (layout, &area, cards);
      next = cards->len > 0 ? g_array_index (cards, guint, 0) : 0;
    }
  else if (!soc_goal_layout_neighbour (layout, card, direction, &next))
    return FALSE;

  {
    SocGoal *goal = soc_goal_layout_get_card (layout, next)->goal;

    soc_selection_select (SELECTION (self), SOC_OBJECT (goal));
    _soc_goal_tree_focus_goal (self, goal);
  }
  return TRUE;
}

static void
commit_rename (SocCanvas  *canvas,
               SocObject  *object,
               const char *text)
{
  SocGoalTree *self = SOC_GOAL_TREE (canvas);
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && _soc_goal_tree_is_in_plan (self, SOC_GOAL (object)) &&
      g_strcmp0 (text, soc_goal_get_title (SOC_GOAL (object))) != 0 &&
      !soc_edit_set_string (self->document, object, "title", text, &error))
    soc_canvas_report (canvas, error->message);
}

/* F2: an entry over GOAL's title, its title in it, selected. */
void
soc_goal_tree_rename (SocGoalTree *self,
                      SocGoal     *goal)
{
  SocGoalLayout *layout;
  const SocGoalCard *card;
  SocGoalCardRows rows;
  SocRect r;

  g_return_if_fail (SOC_IS_GOAL_TREE (self));
  g_return_if_fail (SOC_IS_GOAL (goal));

  soc_goal_tree_reveal (self, SOC_OBJECT (goal));
  layout = _soc_goal_tree_ensure_layout (self);
  card = layout != NULL ? soc_goal_layout_find_card (layout, goal, NULL) : NULL;
  if (card == NULL)
    return;
  soc_goal_layout_get_rows (layout, card, &rows);
  r = SOC_RECT_INIT (card->rect.x + rows.text_x - 4, card->rect.y + rows.title_y, rows.text_width + 8, rows.title_height);
  r = _soc_goal_tree_to_content (self, &r);
  r.width = MAX (r.width, 240);
  soc_canvas_rename (SOC_CANVAS (self), SOC_OBJECT (goal), &r, soc_goal_get_title (goal), _("Title"), commit_rename);
}

/* Folding: which goals are folded is the view's, never the plan's. */

gboolean
soc_goal_tree_is_collapsed (SocGoalTree *self,
                            SocGoal     *goal)
{
  g_return_val_if_fail (SOC_IS_GOAL_TREE (self), FALSE);
  return goal != NULL && g_hash_table_contains (self->collapsed, goal);
}

/* Folds GOAL's sub-goals away, or opens them. */
void
soc_goal_tree_set_collapsed (SocGoalTree *self,
                             SocGoal     *goal,
                             gboolean     collapsed)
{
  gboolean changed;

  g_return_if_fail (SOC_IS_GOAL_TREE (self));
  g_return_if_fail (SOC_IS_GOAL (goal));

  if (collapsed)
    changed = g_hash_table_add (self->collapsed, g_object_ref (goal));
  else
    changed = g_hash_table_remove (self->collapsed, goal);
  if (changed)
    _soc_goal_tree_invalidate (self, TRUE);
}

/* Space: folds or opens GOAL's sub-goals; FALSE if it has none. */
gboolean
soc_goal_tree_toggle (SocGoalTree *self,
                      SocGoal     *goal)
{
  g_return_val_if_fail (SOC_IS_GOAL_TREE (self), FALSE);

  if (!SOC_IS_GOAL (goal) || g_list_model_get_n_items (soc_goal_get_children (goal)) == 0)
    return FALSE;
  soc_goal_tree_set_collapsed (self, goal, !soc_goal_tree_is_collapsed (self, goal));
  if (soc_canvas_get_focus_object (SOC_CANVAS (self)) == SOC_OBJECT (goal) &&
      soc_canvas_has_focus_within (SOC_CANVAS (self)))
    _soc_goal_tree_focus_goal (self, goal);
  return TRUE;
}

/* Opens every folded goal. */
void
soc_goal_tree_expand_all (SocGoalTree *self)
{
  g_return_if_fail (SOC_IS_GOAL_TREE (self));

  if (g_hash_table_size (self->collapsed) == 0)
    return;
  g_hash_table_remove_all (self->collapsed);
  _soc_goal_tree_invalidate (self, TRUE);
}
