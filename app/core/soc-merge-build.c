/* soc-merge-build.c: the merged document, made from the entries
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Objects are made from scratch, fields copied from the side each comes
 * from, references pointed at the new objects, lists put in merged order.
 */

#define G_LOG_DOMAIN "soc-merge"

#include "config.h"

#include <string.h>

#include "soc-field-value.h"
#include "soc-merge-private.h"

static void
copy_field (Merge          *m,
            Entry          *e,
            guint           i,
            SocObject      *dst)
{
  const SocField *f = &m->info[e->kind].klass->fields[i];
  guint slot = m->info[e->kind].slot[i];
  gpointer to = SOC_FIELD_PTR (dst, f);
  gpointer from;

  if (f->kind == SOC_FIELD_REF)
    {
      *(SocObject **) to = e->ref[slot] != NULL ? e->ref[slot]->built : NULL;
      return;
    }
  if (f->kind == SOC_FIELD_REFLIST)
    {
      GPtrArray *list = e->list[slot];

      g_clear_pointer ((GPtrArray **) to, g_ptr_array_unref);
      if (list != NULL && list->len > 0)
        {
          GPtrArray *built = g_ptr_array_sized_new (list->len);

          for (guint k = 0; k < list->len; k++)
            {
              Entry *t = g_ptr_array_index (list, k);
              if (t->present)
                g_ptr_array_add (built, t->built);
            }
          if (built->len > 0)
            *(GPtrArray **) to = built;
          else
            g_ptr_array_unref (built);
        }
      return;
    }

  from = SOC_FIELD_PTR (e->v[e->src[i]], f);
  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      g_free (*(char **) to);
      *(char **) to = g_strdup (*(char **) from);
      break;
    case SOC_FIELD_ENUM:
    case SOC_FIELD_INT:
      *(int *) to = *(int *) from;
      break;
    case SOC_FIELD_FLAGS:
    case SOC_FIELD_DATE:
      *(guint *) to = *(guint *) from;
      break;
    case SOC_FIELD_DOUBLE:
      *(double *) to = *(double *) from;
      break;
    case SOC_FIELD_REF:
    case SOC_FIELD_REFLIST:
    default:
      g_assert_not_reached ();
    }
}

static void
give_extras (SocObject *object,
             SocExtras *extras)
{
  SocExtras *dst;

  if (extras == NULL)
    return;
  dst = soc_object_ensure_extras (object);
  dst->attrs = g_steal_pointer (&extras->attrs);
  dst->children = g_steal_pointer (&extras->children);
  soc_extras_free (extras);
}

static void
replace_extras (SocObject *object,
                SocExtras *extras)
{
  SocExtras *old = soc_object_get_extras (object);

  if (old != NULL)
    {
      g_clear_pointer (&old->attrs, g_ptr_array_unref);
      g_clear_pointer (&old->children, g_ptr_array_unref);
    }
  give_extras (object, extras);
}

/* Kept content of a built object: ours as it is, when ours was taken over
 * and its content stays; else merged, or copied from the side it comes from. */
static void
merge_entry_extras (Merge *m,
                    Entry *e)
{
  SocExtras *v[N_SIDES];
  int copy_side = SIDE_OURS;
  SocExtras *merged;

  for (int s = 0; s < N_SIDES; s++)
    v[s] = e->v[s] != NULL ? soc_object_get_extras (e->v[s]) : NULL;
  if (e->v[SIDE_OURS] == NULL || e->v[SIDE_THEIRS] == NULL)
    {
      copy_side = e->v[SIDE_OURS] != NULL ? SIDE_OURS : SIDE_THEIRS;
      merged = NULL;
    }
  else
    merged = _soc_merge_extras (m, m->info[e->kind].element, e->id, _soc_merge_entry_label (m, e), v, &copy_side);

  if (merged == NULL && e->reused && copy_side == SIDE_OURS)
    return;
  if (merged == NULL)
    merged = soc_extras_copy (v[copy_side]);
  if (e->reused)
    replace_extras (e->built, merged);
  else
    give_extras (e->built, merged);
}

/* The built objects of ORDER (Entry), as a list's content: one change. */
static void
fill_list (SocObjectList *list,
           GPtrArray     *order)
{
  GPtrArray *objects = g_ptr_array_new_full (order->len, g_object_unref);

  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (objects, g_object_ref (((Entry *) g_ptr_array_index (order, i))->built));
  g_ptr_array_unref (soc_object_list_replace_all (list, objects));
}

static void
group_add (Entry  *group,
           Entry **head,
           Entry **tail,
           Entry  *e)
{
  Entry **h = group != NULL ? &group->group_head : head;
  Entry **t = group != NULL ? &group->group_tail : tail;

  e->group_next = NULL;
  if (*t != NULL)
    (*t)->group_next = e;
  else
    *h = e;
  *t = e;
}

/* The present entries of each list, in merged order, into the document. */
static void
order_lists (Merge       *m,
             SocDocument *doc)
{
  SocObjectList *lists[] = { doc->stakeholders, doc->lanes, doc->phases, NULL, doc->items,
                             doc->relationships, doc->overrides, NULL };
  SocObjectClass *klass = m->info[KIND_GOAL].klass;
  guint parent_slot = m->info[KIND_GOAL].slot[soc_object_class_find_field (klass, "parent", 6) - klass->fields];
  g_autoptr(GPtrArray) parents = g_ptr_array_new ();
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  GPtrArray *seq[N_SIDES];
  Entry *roots_head = NULL, *roots_tail = NULL;

  for (guint k = 0; k < N_KINDS; k++)
    {
      if (lists[k] == NULL)
        continue;
      g_ptr_array_set_size (members, 0);
      g_ptr_array_set_size (ordered, 0);
      for (guint i = 0; i < m->all->len; i++)
        {
          Entry *e = g_ptr_array_index (m->all, i);
          if (e->kind == k && e->present)
            g_ptr_array_add (members, e);
        }
      _soc_merge_order (m, members, m->seq[k], m->info[k].element, NULL, ordered);
      fill_list (lists[k], ordered);
    }

  /* Goals: grouped under their parents, in the order first met. */
  for (guint i = 0; i < m->all->len; i++)
    {
      Entry *e = g_ptr_array_index (m->all, i);
      Entry *parent;

      if (e->kind != KIND_GOAL || !e->present)
        continue;
      parent = e->ref[parent_slot];
      if (parent != NULL ? parent->group_head == NULL : roots_head == NULL)
        g_ptr_array_add (parents, parent);
      group_add (parent, &roots_head, &roots_tail, e);
    }

  /* A goal of ours taken over, with no children left, lets go of its old ones. */
  for (guint i = 0; i < m->all->len; i++)
    {
      Entry *e = g_ptr_array_index (m->all, i);

      if (e->kind == KIND_GOAL && e->present && e->reused && e->group_head == NULL &&
          soc_object_list_get_size (SOC_GOAL (e->built)->children) > 0)
        g_ptr_array_unref (soc_object_list_replace_all (SOC_GOAL (e->built)->children,
                                                        g_ptr_array_new_with_free_func (g_object_unref)));
    }

  for (int s = 0; s < N_SIDES; s++)
    seq[s] = g_ptr_array_new ();
  for (guint p = 0; p < parents->len; p++)
    {
      Entry *parent = g_ptr_array_index (parents, p);
      SocObjectList *dest = parent != NULL ? SOC_GOAL (parent->built)->children : doc->goals;

      g_ptr_array_set_size (members, 0);
      for (Entry *e = parent != NULL ? parent->group_head : roots_head; e != NULL; e = e->group_next)
        g_ptr_array_add (members, e);
      for (int s = 0; s < N_SIDES; s++)
        {
          SocObjectList *list = parent == NULL ? m->doc[s]->goals
                              : parent->v[s] != NULL ? SOC_GOAL (parent->v[s])->children : NULL;
          guint n = list != NULL ? soc_object_list_get_size (list) : 0;

          g_ptr_array_set_size (seq[s], 0);
          for (guint i = 0; i < n; i++)
            {
              Entry *c = _soc_merge_entry_for (m, soc_object_list_get (list, i), s);
              if (c != NULL)
                g_ptr_array_add (seq[s], c);
            }
        }
      g_ptr_array_set_size (ordered, 0);
      _soc_merge_order (m, members, seq, "goal", parent, ordered);
      fill_list (dest, ordered);
    }
  for (int s = 0; s < N_SIDES; s++)
    g_ptr_array_unref (seq[s]);
}

SocDocument *
_soc_merge_build (Merge *m)
{
  SocDocument *doc = soc_document_new ();

  doc->format_minor = MAX (MAX (m->doc[0]->format_minor, m->doc[1]->format_minor), m->doc[2]->format_minor);

  for (guint i = 0; i < m->all->len; i++)
    {
      Entry *e = g_ptr_array_index (m->all, i);

      if (!e->present)
        continue;
      if (e->kind == KIND_PLAN)
        e->built = SOC_OBJECT (doc->plan);
      else if (m->take_ours && e->v[SIDE_OURS] != NULL)
        {
          e->built = g_object_ref (e->v[SIDE_OURS]);
          e->reused = TRUE;
          if (g_strcmp0 (soc_object_peek_id (e->built), e->id) != 0)
            soc_object_set_id (e->built, e->id);
          if (e->id != NULL)
            g_hash_table_insert (doc->ids, (gpointer) soc_object_peek_id (e->built), e->built);
        }
      else
        {
          e->built = g_object_new (G_OBJECT_CLASS_TYPE (m->info[e->kind].klass), NULL);
          if (e->id != NULL)
            {
              soc_object_set_id (e->built, e->id);
              g_hash_table_insert (doc->ids, (gpointer) soc_object_peek_id (e->built), e->built);
            }
        }
    }

  for (guint i = 0; i < m->all->len; i++)
    {
      Entry *e = g_ptr_array_index (m->all, i);
      SocObjectClass *klass = m->info[e->kind].klass;

      if (!e->present)
        continue;
      for (guint k = 0; k < klass->n_fields; k++)
        {
          const SocField *f = &klass->fields[k];
          gboolean ref = f->kind == SOC_FIELD_REF || f->kind == SOC_FIELD_REFLIST;

          /* Ours's own values stay where ours was taken over; references
           * always point into the merged plan. */
          if (e->reused && !ref && e->src[k] == SIDE_OURS)
            continue;
          if (e->src[k] != SRC_NONE)
            copy_field (m, e, k, e->built);
          else if (ref && e->reused)
            {
              if (f->kind == SOC_FIELD_REF)
                *(SocObject **) SOC_FIELD_PTR (e->built, f) = NULL;
              else
                g_clear_pointer ((GPtrArray **) SOC_FIELD_PTR (e->built, f), g_ptr_array_unref);
            }
        }
      merge_entry_extras (m, e);
      if (e->kind == KIND_GOAL)
        doc->n_goals++;
    }

  order_lists (m, doc);

  /* Objects in no list are dropped with the merge; the document owns the rest. */
  for (guint i = 0; i < m->all->len; i++)
    {
      Entry *e = g_ptr_array_index (m->all, i);
      if (e->built != NULL && e->kind != KIND_PLAN)
        g_object_unref (e->built);
    }

  {
    static const char *const sections[] = { "socplan", "goals", "roadmap", "stakeholders", "checklist" };

    for (guint c = 0; c < SOC_N_CONTAINERS; c++)
      {
        SocExtras *v[N_SIDES];
        int copy_side = SIDE_OURS;

        for (int s = 0; s < N_SIDES; s++)
          v[s] = m->doc[s]->extras[c];
        doc->extras[c] = _soc_merge_extras (m, sections[c], NULL, NULL, v, &copy_side);
        if (doc->extras[c] == NULL)
          doc->extras[c] = soc_extras_copy (v[copy_side]);
      }
  }
  return doc;
}

/* What each conflict leaves out of the merged plan goes into its record. */
void
_soc_merge_keep_left_out (Merge *m)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, m->conflict_entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SocMergeConflict *c = key;
      Entry *e = value;

      if (e->present)
        continue;
      for (int s = SIDE_THEIRS; s >= SIDE_OURS; s--)
        if (e->v[s] != NULL)
          {
            _soc_merge_leave_out (c, e->v[s], m->renames[s]);
            break;
          }
    }

  for (guint i = 0; i < m->all->len; i++)
    {
      Entry *e = g_ptr_array_index (m->all, i);

      if (e->dropped && e->cause != NULL)
        {
          int s = e->v[SIDE_THEIRS] != NULL ? SIDE_THEIRS : SIDE_OURS;
          _soc_merge_leave_out (e->cause, e->v[s], m->renames[s]);
        }
    }
}

