/* soc-rules-links.c: relationships, served goals, dependencies and the goal tree
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here recurses, and nothing costs more than the links it looks
 * at: a goal tree may be deep, a dependency chain long, a file may hold
 * 150,000 small cycles.
 */

#define G_LOG_DOMAIN "soc-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-document-private.h"
#include "soc-rules.h"

/* Checks a relationship of KIND from FROM to TO, about to be added (if
 * RELATIONSHIP is NULL) or RELATIONSHIP changed into it: it joins two
 * different stakeholders, and says nothing another relationship of
 * DOCUMENT already says. */
gboolean
soc_rules_check_relationship (SocDocument      *document,
                              SocRelationship  *relationship,
                              int               kind,
                              SocStakeholder   *from,
                              SocStakeholder   *to,
                              GError          **error)
{
  SocObjectList *list;

  if (from != NULL && from == to)
    {
      g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                   _("a relationship must join two different stakeholders"));
      return FALSE;
    }
  if (document == NULL || from == NULL || to == NULL)
    return TRUE;

  list = document->relationships;
  for (guint i = 0; i < soc_object_list_get_size (list); i++)
    {
      SocRelationship *other = SOC_RELATIONSHIP (soc_object_list_get (list, i));
      const char *a = soc_object_get_label (SOC_OBJECT (from));
      const char *b = soc_object_get_label (SOC_OBJECT (to));

      if (other == relationship || other->kind != kind || other->from != from || other->to != to)
        continue;
      switch (kind)
        {
        case SOC_RELATION_KIND_INFLUENCES:
          g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_DUPLICATE,
                       _("“%s” already influences “%s”"), a, b);
          break;
        case SOC_RELATION_KIND_MENTORS:
          g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_DUPLICATE,
                       _("“%s” already mentors “%s”"), a, b);
          break;
        case SOC_RELATION_KIND_REPORTS_TO:
        default:
          g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_DUPLICATE,
                       _("“%s” already reports to “%s”"), a, b);
          break;
        }
      return FALSE;
    }
  return TRUE;
}

/* Checks TARGETS as the new value of ITEM's FIELD ("serves" or
 * "depends-on"): each once, within the limit of references per item, and
 * no dependency cycle. One search over the dependencies in all. */
gboolean
soc_rules_check_links (SocItem         *item,
                       const SocField  *field,
                       GPtrArray       *targets,
                       GError         **error)
{
  gboolean serves = g_str_equal (field->name, "serves");
  GPtrArray *other = serves ? item->depends : item->serves;
  const char *label = soc_object_get_label (SOC_OBJECT (item));
  g_autoptr(GHashTable) listed = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) stack = NULL;

  if (targets == NULL || targets->len == 0)
    return TRUE;

  if ((gsize) targets->len + (other != NULL ? other->len : 0) > SOC_MAX_REFERENCES)
    {
      g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_LIMIT,
                   _("an item can serve goals and depend on items %d times in all, at most"),
                   SOC_MAX_REFERENCES);
      return FALSE;
    }

  listed = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < targets->len; i++)
    {
      SocObject *t = g_ptr_array_index (targets, i);

      if (g_hash_table_add (listed, t))
        continue;
      if (serves)
        g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_DUPLICATE,
                     _("“%s” already serves “%s”"), label, soc_object_get_label (t));
      else
        g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_DUPLICATE,
                     _("“%s” already depends on “%s”"), label, soc_object_get_label (t));
      return FALSE;
    }

  if (serves)
    return TRUE;

  /* Would ITEM be reachable from one of its new dependencies? Items seen
   * from an earlier target need not be walked again. */
  seen = g_hash_table_new (NULL, NULL);
  stack = g_ptr_array_new ();
  for (guint i = 0; i < targets->len; i++)
    {
      SocItem *t = g_ptr_array_index (targets, i);

      g_ptr_array_add (stack, t);
      while (stack->len > 0)
        {
          SocItem *at = g_ptr_array_steal_index_fast (stack, stack->len - 1);

          if (at == item)
            {
              g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_CYCLE,
                           _("“%s” cannot depend on “%s”: that would make a dependency cycle"),
                           label, soc_object_get_label (SOC_OBJECT (t)));
              return FALSE;
            }
          if (!g_hash_table_add (seen, at) || at->depends == NULL)
            continue;
          for (guint k = 0; k < at->depends->len; k++)
            g_ptr_array_add (stack, g_ptr_array_index (at->depends, k));
        }
    }
  return TRUE;
}

/* Is ANCESTOR GOAL itself, or above it in the tree? */
gboolean
soc_rules_is_ancestor (SocGoal *ancestor,
                       SocGoal *goal)
{
  for (SocGoal *g = goal; g != NULL; g = g->parent)
    if (g == ancestor)
      return TRUE;
  return FALSE;
}

/* The level of GOAL in its tree: 1 for a root. */
guint
soc_rules_goal_level (SocGoal *goal)
{
  guint level = 0;

  for (SocGoal *g = goal; g != NULL; g = g->parent)
    level++;
  return level;
}

/* How many levels GOAL and the goals under it take: 1 for a leaf. */
guint
soc_rules_subtree_height (SocGoal *goal)
{
  g_autoptr(GPtrArray) level = g_ptr_array_new ();
  g_autoptr(GPtrArray) next = g_ptr_array_new ();
  guint height = 0;

  g_ptr_array_add (level, goal);
  while (level->len > 0)
    {
      GPtrArray *swap;

      height++;
      g_ptr_array_set_size (next, 0);
      for (guint i = 0; i < level->len; i++)
        {
          SocGoal *g = g_ptr_array_index (level, i);

          for (guint k = 0; k < soc_object_list_get_size (g->children); k++)
            g_ptr_array_add (next, soc_object_list_get (g->children, k));
        }
      swap = level;
      level = next;
      next = swap;
    }
  return height;
}

/* Checks that GOAL, with the goals under it, may go under PARENT (NULL:
 * among the roots): not under itself, and no deeper than the format
 * allows. */
gboolean
soc_rules_check_goal_parent (SocGoal  *goal,
                             SocGoal  *parent,
                             GError  **error)
{
  if (parent == NULL)
    return TRUE;
  if (soc_rules_is_ancestor (goal, parent))
    {
      g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_CYCLE,
                   _("“%s” cannot go under itself or one of its own sub-goals"),
                   soc_object_get_label (SOC_OBJECT (goal)));
      return FALSE;
    }
  if (soc_rules_goal_level (parent) + soc_rules_subtree_height (goal) > SOC_MAX_GOAL_DEPTH)
    {
      g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_LIMIT,
                   _("the goal tree cannot be more than %d levels deep"), SOC_MAX_GOAL_DEPTH);
      return FALSE;
    }
  return TRUE;
}

/* "a -> b -> c -> a" for the objects of PATH from FROM on; a long cycle
 * shows its first and last few objects only. */
static char *
format_cycle (GPtrArray *path,
              guint      from)
{
  GString *s = g_string_new (NULL);
  guint n = path->len - from;

  for (guint i = from; i < path->len; i++)
    {
      if (n > 10 && i == from + 5)
        {
          g_string_append (s, "… -> ");
          i = path->len - 3;
          continue;
        }
      g_string_append_printf (s, "%s -> ", soc_object_peek_id (g_ptr_array_index (path, i)));
    }
  g_string_append (s, soc_object_peek_id (g_ptr_array_index (path, from)));
  return g_string_free (s, FALSE);
}

static char *
cycle_message (GPtrArray *path,
               guint      from,
               gboolean   goals)
{
  g_autofree char *cycle = format_cycle (path, from);
  guint n = path->len - from;

  if (goals)
    {
      if (n <= 10)
        return g_strdup_printf (_("the goal tree has a cycle: %s"), cycle);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the goal tree has a cycle of %u goal: %s",
                                           "the goal tree has a cycle of %u goals: %s", n), n, cycle);
    }
  if (n <= 10)
    return g_strdup_printf (_("dependency cycle: %s"), cycle);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "dependency cycle of %u item: %s",
                                       "dependency cycle of %u items: %s", n), n, cycle);
}

/* Reports each cycle of parents among GOALS once, at the goal whose parent
 * closes it. Every goal is walked once: a walk stops at the first goal an
 * earlier walk has seen. */
void
soc_rules_find_goal_cycles (GPtrArray          *goals,
                            SocRulesReportFunc  func,
                            gpointer            user_data)
{
  g_autoptr(GHashTable) walk_of = g_hash_table_new (NULL, NULL);  /* goal -> walk number */
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (guint i = 0; i < goals->len; i++)
    {
      gpointer walk = GUINT_TO_POINTER (i + 1);
      SocGoal *g = g_ptr_array_index (goals, i);

      g_ptr_array_set_size (path, 0);
      while (g != NULL && !g_hash_table_contains (walk_of, g))
        {
          g_hash_table_insert (walk_of, g, walk);
          g_ptr_array_add (path, g);
          g = g->parent;
        }
      if (g != NULL && g_hash_table_lookup (walk_of, g) == walk)
        {
          guint from = 0;
          g_autofree char *message = NULL;
          SocGoal *last = g_ptr_array_index (path, path->len - 1);

          g_ptr_array_find (path, g, &from);
          message = cycle_message (path, from, TRUE);
          if (!func (SOC_OBJECT (last), SOC_OBJECT (g), message, user_data))
            return;
        }
    }
}

/* Reports each goal of GOALS, without cycles, that lies one level deeper
 * than the format allows, at its parent. Levels are counted once each. */
void
soc_rules_find_deep_goals (GPtrArray          *goals,
                           SocRulesReportFunc  func,
                           gpointer            user_data)
{
  g_autoptr(GHashTable) levels = g_hash_table_new (NULL, NULL);  /* goal -> level */
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (guint i = 0; i < goals->len; i++)
    {
      SocGoal *g = g_ptr_array_index (goals, i);
      guint level = 0;

      g_ptr_array_set_size (path, 0);
      while (g != NULL && (level = GPOINTER_TO_UINT (g_hash_table_lookup (levels, g))) == 0)
        {
          g_ptr_array_add (path, g);
          g = g->parent;
        }
      for (guint k = path->len; k > 0; k--)
        {
          SocGoal *at = g_ptr_array_index (path, k - 1);

          level++;
          g_hash_table_insert (levels, at, GUINT_TO_POINTER (level));
          if (level == SOC_MAX_GOAL_DEPTH + 1)
            {
              g_autofree char *message =
                g_strdup_printf (_("the goal tree is more than %d levels deep"), SOC_MAX_GOAL_DEPTH);
              if (!func (SOC_OBJECT (at), SOC_OBJECT (at->parent), message, user_data))
                return;
            }
        }
    }
}

/* Reports the first dependency cycle among ITEMS, at the item whose
 * dependency closes it: an iterative depth-first search. */
void
soc_rules_find_dependency_cycles (SocObjectList      *items,
                                  SocRulesReportFunc  func,
                                  gpointer            user_data)
{
  guint n = soc_object_list_get_size (items);
  g_autoptr(GHashTable) state = g_hash_table_new (NULL, NULL);  /* 1 on the path, 2 done */
  g_autoptr(GHashTable) position = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      SocItem *start = SOC_ITEM (soc_object_list_get (items, i));
      guint zero = 0;

      if (g_hash_table_contains (state, start))
        continue;

      g_hash_table_insert (position, start, GUINT_TO_POINTER (path->len));
      g_ptr_array_add (path, start);
      g_array_append_val (next, zero);
      g_hash_table_insert (state, start, GINT_TO_POINTER (1));

      while (path->len > 0)
        {
          SocItem *item = g_ptr_array_index (path, path->len - 1);
          guint *k = &g_array_index (next, guint, next->len - 1);

          if (item->depends != NULL && *k < item->depends->len)
            {
              SocItem *dep = g_ptr_array_index (item->depends, (*k)++);
              int s = GPOINTER_TO_INT (g_hash_table_lookup (state, dep));

              if (s == 1)
                {
                  guint from = GPOINTER_TO_UINT (g_hash_table_lookup (position, dep));
                  g_autofree char *message = cycle_message (path, from, FALSE);

                  func (SOC_OBJECT (item), SOC_OBJECT (dep), message, user_data);
                  return;
                }
              if (s == 0)
                {
                  g_hash_table_insert (position, dep, GUINT_TO_POINTER (path->len));
                  g_ptr_array_add (path, dep);
                  g_array_append_val (next, zero);
                  g_hash_table_insert (state, dep, GINT_TO_POINTER (1));
                }
            }
          else
            {
              g_hash_table_insert (state, item, GINT_TO_POINTER (2));
              g_ptr_array_set_size (path, path->len - 1);
              g_array_set_size (next, next->len - 1);
            }
        }
    }
}
