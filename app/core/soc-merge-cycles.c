/* soc-merge-cycles.c: goal and dependency cycles made by merging
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each side alone has no cycle, so a cycle in the merged plan has an edge
 * from each side. One edge goes back to the other side's value: theirs
 * unless the caller chose theirs for it, and the cycle is a conflict.
 */

#define G_LOG_DOMAIN "soc-merge"

#include "config.h"

#include <string.h>

#include "soc-field-value.h"
#include "soc-merge-private.h"

static char *
cycle_text (GPtrArray *cycle)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cycle->len; i++)
    g_string_append_printf (s, "%s → ", ((Entry *) g_ptr_array_index (cycle, i))->id);
  g_string_append (s, ((Entry *) g_ptr_array_index (cycle, 0))->id);
  return g_string_free (s, FALSE);
}

static gboolean
chosen_as (Merge      *m,
           Entry      *e,
           const char *field,
           SocMergeSide side)
{
  g_autofree char *key = _soc_merge_key (m->info[e->kind].element, e->id, field);
  gpointer choice = m->choices != NULL ? g_hash_table_lookup (m->choices, key) : NULL;

  return choice != NULL && GPOINTER_TO_INT (choice) - 1 == (int) side;
}

/* Takes back one side's edge of CYCLE: theirs if it can, else ours. */
static void
break_goal_cycle (Merge     *m,
                  GPtrArray *cycle)
{
  SocObjectClass *klass = m->info[KIND_GOAL].klass;
  const SocField *f = soc_object_class_find_field (klass, "parent", 6);
  guint i = f - klass->fields;
  g_autofree char *reason = cycle_text (cycle);

  for (int pass = 0; pass < 3; pass++)
    for (guint k = 0; k < cycle->len; k++)
      {
        Entry *h = g_ptr_array_index (cycle, k);
        int from = pass == 0 ? SIDE_THEIRS : SIDE_OURS;
        int to = pass == 0 ? SIDE_OURS : SIDE_THEIRS;
        SocMergeConflict *c;

        if (pass < 2 && (h->src[i] != from || h->v[to] == NULL ||
                         chosen_as (m, h, "parent", from == SIDE_THEIRS ? SOC_MERGE_THEIRS : SOC_MERGE_OURS)))
          continue;

        c = _soc_merge_entry_conflict (m, SOC_MERGE_CONFLICT_CYCLE, h, "parent", NULL);
        c->kind = SOC_MERGE_CONFLICT_CYCLE;
        _soc_merge_set_values (m, c, h, f);
        g_free (c->reason);
        c->reason = g_strdup (reason);
        if (pass < 2)
          {
            c->resolution = to == SIDE_OURS ? SOC_MERGE_OURS : SOC_MERGE_THEIRS;
            h->src[i] = to;
            _soc_merge_resolve_field (m, h, i);
          }
        else
          {
            /* Every edge was chosen: the goal becomes a root. */
            h->src[i] = SRC_NONE;
            h->ref[m->info[KIND_GOAL].slot[i]] = NULL;
          }
        m->changed = TRUE;
        return;
      }
}

void
_soc_merge_check_goal_cycles (Merge *m)
{
  guint parent_slot;
  SocObjectClass *klass = m->info[KIND_GOAL].klass;
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  parent_slot = m->info[KIND_GOAL].slot[soc_object_class_find_field (klass, "parent", 6) - klass->fields];

  for (guint i = 0; i < m->all->len; i++)
    ((Entry *) g_ptr_array_index (m->all, i))->mark = 0;

  for (guint i = 0; i < m->all->len; i++)
    {
      Entry *g = g_ptr_array_index (m->all, i);

      if (g->kind != KIND_GOAL || !g->present || g->mark != 0)
        continue;
      g_ptr_array_set_size (path, 0);
      while (g != NULL && g->present && g->mark == 0)
        {
          g->mark = 1;
          g_ptr_array_add (path, g);
          g = g->ref[parent_slot];
        }
      if (g != NULL && g->mark == 1)
        {
          guint from = 0;
          g_autoptr(GPtrArray) cycle = g_ptr_array_new ();

          g_ptr_array_find (path, g, &from);
          for (guint k = from; k < path->len; k++)
            g_ptr_array_add (cycle, g_ptr_array_index (path, k));
          break_goal_cycle (m, cycle);
        }
      for (guint k = 0; k < path->len; k++)
        ((Entry *) g_ptr_array_index (path, k))->mark = 2;
    }
}

static void
break_dependency_cycle (Merge     *m,
                        GPtrArray *cycle)
{
  SocObjectClass *klass = m->info[KIND_ITEM].klass;
  const SocField *f = soc_object_class_find_field (klass, "depends-on", 10);
  guint i = f - klass->fields;
  guint slot = m->info[KIND_ITEM].slot[i];
  g_autofree char *reason = cycle_text (cycle);

  for (int pass = 0; pass < 3; pass++)
    for (guint k = 0; k < cycle->len; k++)
      {
        Entry *x = g_ptr_array_index (cycle, k);
        Entry *y = g_ptr_array_index (cycle, (k + 1) % cycle->len);
        int from = pass == 0 ? SIDE_THEIRS : SIDE_OURS;
        int to = pass == 0 ? SIDE_OURS : SIDE_THEIRS;
        g_autoptr(GPtrArray) from_list = _soc_merge_side_list (m, x, from, f);
        g_autoptr(GPtrArray) to_list = _soc_merge_side_list (m, x, to, f);
        SocMergeConflict *c;
        GPtrArray *kept;

        if (pass < 2 && (!_soc_merge_list_has (from_list, y) || _soc_merge_list_has (to_list, y) ||
                         chosen_as (m, x, "depends-on", from == SIDE_THEIRS ? SOC_MERGE_THEIRS : SOC_MERGE_OURS)))
          continue;

        c = _soc_merge_entry_conflict (m, SOC_MERGE_CONFLICT_CYCLE, x, "depends-on", NULL);
        c->kind = SOC_MERGE_CONFLICT_CYCLE;
        _soc_merge_set_values (m, c, x, f);
        g_free (c->reason);
        c->reason = g_strdup (reason);
        if (pass < 2)
          c->resolution = to == SIDE_OURS ? SOC_MERGE_OURS : SOC_MERGE_THEIRS;

        kept = g_ptr_array_new ();
        for (guint n = 0; n < x->list[slot]->len; n++)
          if (g_ptr_array_index (x->list[slot], n) != y)
            g_ptr_array_add (kept, g_ptr_array_index (x->list[slot], n));
        g_ptr_array_unref (x->list[slot]);
        x->list[slot] = kept;
        x->src[i] = SRC_LIST;
        m->changed = TRUE;
        return;
      }
}

/* An iterative depth-first search; breaks the first cycle it meets. */
void
_soc_merge_check_dependency_cycles (Merge *m)
{
  SocObjectClass *klass = m->info[KIND_ITEM].klass;
  guint slot = m->info[KIND_ITEM].slot[soc_object_class_find_field (klass, "depends-on", 10) - klass->fields];
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < m->all->len; i++)
    ((Entry *) g_ptr_array_index (m->all, i))->mark = 0;

  for (guint i = 0; i < m->all->len; i++)
    {
      Entry *start = g_ptr_array_index (m->all, i);
      guint zero = 0;

      if (start->kind != KIND_ITEM || !start->present || start->mark != 0)
        continue;
      g_ptr_array_add (path, start);
      g_array_append_val (next, zero);
      start->mark = 1;

      while (path->len > 0)
        {
          Entry *x = g_ptr_array_index (path, path->len - 1);
          guint *k = &g_array_index (next, guint, next->len - 1);
          GPtrArray *deps = x->list[slot];

          if (deps != NULL && *k < deps->len)
            {
              Entry *y = g_ptr_array_index (deps, (*k)++);

              if (!y->present)
                continue;
              if (y->mark == 1)
                {
                  guint from = 0;
                  g_autoptr(GPtrArray) cycle = g_ptr_array_new ();

                  g_ptr_array_find (path, y, &from);
                  for (guint n = from; n < path->len; n++)
                    g_ptr_array_add (cycle, g_ptr_array_index (path, n));
                  break_dependency_cycle (m, cycle);
                  return;
                }
              if (y->mark == 0)
                {
                  y->mark = 1;
                  g_ptr_array_add (path, y);
                  g_array_append_val (next, zero);
                }
            }
          else
            {
              x->mark = 2;
              g_ptr_array_set_size (path, path->len - 1);
              g_array_set_size (next, next->len - 1);
            }
        }
    }
}

