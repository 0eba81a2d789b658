/* soc-outline-model.c: the goal tree as a flat list of rows
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outline's rows are the goals themselves: every root, and under each
 * open goal its children, depth first. Goals start open, as the diagram
 * shows them; a goal closed here stays closed for the outline's life, also
 * when it is deleted and its deletion undone.
 *
 * The rows follow the document's lists. A change to the children of a
 * shown goal changes only the rows of the children that came and went,
 * as one items-changed: undoing the deletion of a tree of 30,000 goals
 * puts its 30,000 rows back in one step, without an object per row or a
 * model per goal (GtkTreeListModel keeps both, and rebuilds them goal by
 * goal). Finding a goal's row is one pass over an array of pointers.
 *
 * The changes are heard through one emission hook on items-changed, not
 * a handler on each shown goal's children: a handler costs a closure, and
 * 30,000 of them took longer to connect and disconnect than the rest of
 * the edit. The hook looks only at the lists of goals it shows.
 *
 * Nothing here recurses: a goal tree may be 100,000 deep.
 */

#define G_LOG_DOMAIN "soc-outline-model"

#include "config.h"

#include <string.h>

#include "soc-outline-model.h"
#include "soc-object-list.h"

struct _SocOutlineModel
{
  GObject     parent_instance;

  GListModel *roots;
  GPtrArray  *rows;      /* SocGoal, referenced */
  GArray     *depths;    /* guint, one per row */
  GHashTable *watched;   /* a shown goal's children (GListModel) -> the goal */
  gulong      hook;      /* on GListModel::items-changed */
  GHashTable *closed;    /* SocGoal, referenced: the goals closed here */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocOutlineModel, soc_outline_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  ROW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return SOC_TYPE_GOAL;
}

static guint
get_n_items (GListModel *model)
{
  return SOC_OUTLINE_MODEL (model)->rows->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SocOutlineModel *self = SOC_OUTLINE_MODEL (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static guint items_changed_id;

static void
unwatch (SocOutlineModel *self,
         SocGoal        *goal)
{
  g_hash_table_remove (self->watched, soc_goal_get_children (goal));
}

static void
soc_outline_model_dispose (GObject *object)
{
  SocOutlineModel *self = SOC_OUTLINE_MODEL (object);

  if (self->hook != 0)
    g_signal_remove_emission_hook (items_changed_id, self->hook);
  self->hook = 0;
  if (self->watched != NULL)
    g_hash_table_remove_all (self->watched);
  g_clear_object (&self->roots);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  if (self->closed != NULL)
    g_hash_table_remove_all (self->closed);

  G_OBJECT_CLASS (soc_outline_model_parent_class)->dispose (object);
}

static void
soc_outline_model_finalize (GObject *object)
{
  SocOutlineModel *self = SOC_OUTLINE_MODEL (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->depths, g_array_unref);
  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_pointer (&self->closed, g_hash_table_unref);

  G_OBJECT_CLASS (soc_outline_model_parent_class)->finalize (object);
}

static void
soc_outline_model_class_init (SocOutlineModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = soc_outline_model_dispose;
  object_class->finalize = soc_outline_model_finalize;

  /* What GOAL's arrow shows may have changed: it was opened or closed,
   * or its children changed (it may have got its first or lost its
   * last). Its row stays where it is. */
  signals[ROW_CHANGED] =
    g_signal_new ("row-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SOC_TYPE_GOAL);
}

static void
soc_outline_model_init (SocOutlineModel *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->depths = g_array_new (FALSE, FALSE, sizeof (guint));
  self->watched = g_hash_table_new (NULL, NULL);
  self->closed = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */

static guint
depth_at (SocOutlineModel *self,
          guint           position)
{
  return g_array_index (self->depths, guint, position);
}

/* The row after the last row under the row at POSITION. */
static guint
subtree_end (SocOutlineModel *self,
             guint           position)
{
  guint depth = depth_at (self, position);

  for (position++; position < self->rows->len && depth_at (self, position) > depth; position++)
    ;
  return position;
}

/* The child at INDEX of a goal's children or of the roots: the
 * document's lists, which keep their references. */
static SocGoal *
child_at (GListModel *children,
          guint       index)
{
  return SOC_GOAL (soc_object_list_get (SOC_OBJECT_LIST (children), index));
}

/* Adds to ROWS and DEPTHS the rows of GOAL at DEPTH and of what is open
 * under it, depth first, watching the children of each. */
static void
collect (SocOutlineModel *self,
         SocGoal        *goal,
         guint           depth,
         GPtrArray      *rows,
         GArray         *depths)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GArray) stack_depths = g_array_new (FALSE, FALSE, sizeof (guint));

  g_ptr_array_add (stack, goal);
  g_array_append_val (stack_depths, depth);
  while (stack->len > 0)
    {
      SocGoal *g = g_ptr_array_steal_index_fast (stack, stack->len - 1);
      guint d = g_array_index (stack_depths, guint, stack_depths->len - 1);
      GListModel *children = soc_goal_get_children (g);
      guint n = g_list_model_get_n_items (children);

      g_array_set_size (stack_depths, stack_depths->len - 1);
      g_ptr_array_add (rows, g_object_ref (g));
      g_array_append_val (depths, d);
      g_hash_table_insert (self->watched, children, g);
      if (n == 0 || g_hash_table_contains (self->closed, g))
        continue;
      d++;
      for (guint i = n; i-- > 0;)
        {
          g_ptr_array_add (stack, child_at (children, i));
          g_array_append_val (stack_depths, d);
        }
    }
}

/* Takes out the N rows from POSITION, and lets go of their goals. */
static void
remove_rows (SocOutlineModel *self,
             guint           position,
             guint           n)
{
  if (n == 0)
    return;
  for (guint i = position; i < position + n; i++)
    unwatch (self, g_ptr_array_index (self->rows, i));
  g_ptr_array_remove_range (self->rows, position, n);
  g_array_remove_range (self->depths, position, n);
}

/* Puts ROWS and DEPTHS (with their references) in at POSITION. */
static void
insert_rows (SocOutlineModel *self,
             guint           position,
             GPtrArray      *rows,
             GArray         *depths)
{
  guint len = self->rows->len;
  guint n = rows->len;

  if (n == 0)
    return;
  g_ptr_array_set_size (self->rows, len + n);   /* the new slots are filled below */
  memmove (self->rows->pdata + position + n, self->rows->pdata + position,
           (len - position) * sizeof (gpointer));
  memcpy (self->rows->pdata + position, rows->pdata, n * sizeof (gpointer));
  g_array_insert_vals (self->depths, position, depths->data, n);
  /* ROWS gave its references away. */
  g_ptr_array_set_free_func (rows, NULL);
  g_ptr_array_set_size (rows, 0);
}

/* The first row under GOAL (NULL: the first row) and the depth of its
 * children, if they are shown. */
static gboolean
children_rows (SocOutlineModel *self,
               SocGoal        *goal,
               guint          *first,
               guint          *depth)
{
  guint position;

  if (goal == NULL)
    {
      *first = 0;
      *depth = 0;
      return TRUE;
    }
  position = soc_outline_model_find (self, goal);
  if (position == SOC_OUTLINE_MODEL_NO_ROW || g_hash_table_contains (self->closed, goal))
    return FALSE;
  *first = position + 1;
  *depth = depth_at (self, position) + 1;
  return TRUE;
}

/* The row of the child at INDEX of a goal whose children's rows start at
 * FIRST (or where it would go, at the end of them). */
static guint
child_row (SocOutlineModel *self,
           guint           first,
           guint           depth,
           guint           index)
{
  guint position = first;

  for (guint i = 0; i < index && position < self->rows->len && depth_at (self, position) == depth; i++)
    position = subtree_end (self, position);
  return position;
}

static void
children_changed (SocOutlineModel *self,
                  GListModel      *children,
                  SocGoal         *parent,
                  guint            position,
                  guint            removed,
                  guint            added)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) depths = NULL;
  guint first, depth, start, end;

  if (!children_rows (self, parent, &first, &depth))
    return;

  start = child_row (self, first, depth, position);
  end = start;
  for (guint i = 0; i < removed && end < self->rows->len && depth_at (self, end) == depth; i++)
    end = subtree_end (self, end);
  remove_rows (self, start, end - start);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  depths = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = position; i < position + added; i++)
    collect (self, child_at (children, i), depth, rows, depths);
  added = rows->len;
  insert_rows (self, start, rows, depths);

  if (end > start || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), start, end - start, added);
}

/* Any list model changed: the roots or a shown goal's children? */
static gboolean
on_items_changed_hook (GSignalInvocationHint *hint,
                       guint                  n_values,
                       const GValue          *values,
                       gpointer               data)
{
  SocOutlineModel *self = data;
  gpointer list = g_value_get_object (&values[0]);
  SocGoal *parent = NULL;

  if (list != self->roots &&
      (!SOC_IS_OBJECT_LIST (list) || (parent = g_hash_table_lookup (self->watched, list)) == NULL))
    return TRUE;
  children_changed (self, list, parent, g_value_get_uint (&values[1]), g_value_get_uint (&values[2]),
                    g_value_get_uint (&values[3]));
  if (parent != NULL)
    g_signal_emit (self, signals[ROW_CHANGED], 0, parent);
  return TRUE;
}

/* The outline of the goal tree whose roots are ROOTS (the document's list of
 * them), every goal open. */
SocOutlineModel *
soc_outline_model_new (GListModel *roots)
{
  SocOutlineModel *self;
  guint n;

  g_return_val_if_fail (SOC_IS_OBJECT_LIST (roots), NULL);

  self = g_object_new (SOC_TYPE_OUTLINE_MODEL, NULL);
  self->roots = g_object_ref (roots);
  if (items_changed_id == 0)
    items_changed_id = g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL);
  self->hook = g_signal_add_emission_hook (items_changed_id, 0, on_items_changed_hook, self, NULL);
  n = g_list_model_get_n_items (roots);
  for (guint i = 0; i < n; i++)
    collect (self, child_at (roots, i), 0, self->rows, self->depths);
  return self;
}

/* How deep the goal of the row at POSITION is: 0 for a root. */
guint
soc_outline_model_get_depth (SocOutlineModel *self,
                            guint           position)
{
  g_return_val_if_fail (SOC_IS_OUTLINE_MODEL (self), 0);
  g_return_val_if_fail (position < self->rows->len, 0);

  return depth_at (self, position);
}

/* GOAL's row, or SOC_OUTLINE_MODEL_NO_ROW while it is under a closed goal
 * or not in the tree. */
guint
soc_outline_model_find (SocOutlineModel *self,
                       SocGoal        *goal)
{
  guint position;

  g_return_val_if_fail (SOC_IS_OUTLINE_MODEL (self), SOC_OUTLINE_MODEL_NO_ROW);

  if (goal == NULL || !g_ptr_array_find (self->rows, goal, &position))
    return SOC_OUTLINE_MODEL_NO_ROW;
  return position;
}

/* Opens the goals above GOAL, so that it has a row, and returns the row. */
guint
soc_outline_model_reveal (SocOutlineModel *self,
                         SocGoal        *goal)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  guint position;

  g_return_val_if_fail (SOC_IS_OUTLINE_MODEL (self), SOC_OUTLINE_MODEL_NO_ROW);

  position = soc_outline_model_find (self, goal);
  if (position != SOC_OUTLINE_MODEL_NO_ROW || goal == NULL)
    return position;
  for (SocGoal *g = soc_goal_get_parent (goal); g != NULL; g = soc_goal_get_parent (g))
    g_ptr_array_add (chain, g);
  for (guint i = chain->len; i-- > 0;)
    soc_outline_model_set_expanded (self, g_ptr_array_index (chain, i), TRUE);
  return soc_outline_model_find (self, goal);
}

/* Whether GOAL's children are shown under it, when its row is. */
gboolean
soc_outline_model_get_expanded (SocOutlineModel *self,
                               SocGoal        *goal)
{
  g_return_val_if_fail (SOC_IS_OUTLINE_MODEL (self), FALSE);
  g_return_val_if_fail (SOC_IS_GOAL (goal), FALSE);

  return !g_hash_table_contains (self->closed, goal);
}

/* Rows under the row at POSITION, as they are or as they would be open. */
static void
refill (SocOutlineModel *self,
        guint           position)
{
  SocGoal *goal = g_ptr_array_index (self->rows, position);
  guint end = subtree_end (self, position);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) depths = g_array_new (FALSE, FALSE, sizeof (guint));
  guint added;

  remove_rows (self, position + 1, end - position - 1);
  /* GOAL's own row is there already: collect it and drop it again. */
  collect (self, goal, depth_at (self, position), rows, depths);
  g_ptr_array_remove_index (rows, 0);
  g_array_remove_index (depths, 0);
  added = rows->len;
  insert_rows (self, position + 1, rows, depths);
  if (end - position - 1 > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position + 1, end - position - 1, added);
}

/* Opens or closes GOAL: with its row shown, the rows under it come or go. */
void
soc_outline_model_set_expanded (SocOutlineModel *self,
                               SocGoal        *goal,
                               gboolean        expanded)
{
  guint position;

  g_return_if_fail (SOC_IS_OUTLINE_MODEL (self));
  g_return_if_fail (SOC_IS_GOAL (goal));

  if (expanded == !g_hash_table_contains (self->closed, goal))
    return;
  if (expanded)
    g_hash_table_remove (self->closed, goal);
  else
    g_hash_table_add (self->closed, g_object_ref (goal));

  position = soc_outline_model_find (self, goal);
  if (position != SOC_OUTLINE_MODEL_NO_ROW)
    refill (self, position);
  g_signal_emit (self, signals[ROW_CHANGED], 0, goal);
}

/* Opens GOAL and every goal under it (NULL: the whole tree). */
void
soc_outline_model_expand_all (SocOutlineModel *self,
                             SocGoal        *goal)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key;
  guint position;

  g_return_if_fail (SOC_IS_OUTLINE_MODEL (self));

  if (g_hash_table_size (self->closed) == 0)
    return;
  if (goal == NULL)
    {
      guint n = g_list_model_get_n_items (self->roots);

      /* Every goal closed here opens. */
      g_hash_table_iter_init (&iter, self->closed);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (opened, g_object_ref (key));
      g_hash_table_remove_all (self->closed);
      position = self->rows->len;
      remove_rows (self, 0, position);
      for (guint i = 0; i < n; i++)
        collect (self, child_at (self->roots, i), 0, self->rows, self->depths);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, position, self->rows->len);
    }
  else
    {
      g_ptr_array_add (stack, goal);
      while (stack->len > 0)
        {
          SocGoal *g = g_ptr_array_steal_index_fast (stack, stack->len - 1);
          GListModel *children = soc_goal_get_children (g);
          guint n = g_list_model_get_n_items (children);

          if (g_hash_table_steal (self->closed, g))
            g_ptr_array_add (opened, g);   /* the set's reference */
          for (guint i = 0; i < n; i++)
            g_ptr_array_add (stack, child_at (children, i));
        }
      position = soc_outline_model_find (self, goal);
      if (position != SOC_OUTLINE_MODEL_NO_ROW)
        refill (self, position);
    }
  for (guint i = 0; i < opened->len; i++)
    g_signal_emit (self, signals[ROW_CHANGED], 0, g_ptr_array_index (opened, i));
}
