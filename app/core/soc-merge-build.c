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
merge_entry_extras (Merge *m,
                    Entry *e)
{
  SocExtras *v[N_SIDES];
  int copy_side = SIDE_OURS;

  for (int s = 0; s < N_SIDES; s++)
    v[s] = e->v[s] != NULL ? soc_object_get_extras (e->v[s]) : NULL;
  if (e->v[SIDE_OURS] == NULL || e->v[SIDE_THEIRS] == NULL)
    {
      int side = e->v[SIDE_OURS] != NULL ? SIDE_OURS : SIDE_THEIRS;
      e->extras = soc_extras_copy (v[side]);
      return;
    }
  e->extras = _soc_merge_extras (m, m->info[e->kind].element, e->id, _soc_merge_entry_label (m, e), v, &copy_side);
  if (e->extras == NULL)
    e->extras = soc_extras_copy (v[copy_side]);
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
  g_autoptr(GHashTable) by_parent = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) parents = g_ptr_array_new ();
  GPtrArray *seq[N_SIDES];
  GPtrArray *out;

  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autoptr(GPtrArray) members = NULL;
      g_autoptr(GPtrArray) ordered = NULL;

      if (lists[k] == NULL)
        continue;
      members = g_ptr_array_new ();
      ordered = g_ptr_array_new ();
      for (guint i = 0; i < m->all->len; i++)
        {
          Entry *e = g_ptr_array_index (m->all, i);
          if (e->kind == k && e->present)
            g_ptr_array_add (members, e);
        }
      _soc_merge_order (m, members, m->seq[k], m->info[k].element, NULL, ordered);
      for (guint i = 0; i < ordered->len; i++)
        soc_object_list_append (lists[k], ((Entry *) g_ptr_array_index (ordered, i))->built);
    }

  /* Goals: each parent's children, parents first. */
  for (guint i = 0; i < m->all->len; i++)
    {
      Entry *e = g_ptr_array_index (m->all, i);
      Entry *parent;
      GPtrArray *members;

      if (e->kind != KIND_GOAL || !e->present)
        continue;
      parent = e->ref[parent_slot];
      members = g_hash_table_lookup (by_parent, parent);
      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_hash_table_insert (by_parent, parent, members);
          g_ptr_array_add (parents, parent);
        }
      g_ptr_array_add (members, e);
    }

  for (int s = 0; s < N_SIDES; s++)
    seq[s] = g_ptr_array_new ();
  out = g_ptr_array_new ();
  for (guint p = 0; p < parents->len; p++)
    {
      Entry *parent = g_ptr_array_index (parents, p);
      GPtrArray *members = g_hash_table_lookup (by_parent, parent);
      SocObjectList *dest = parent != NULL ? SOC_GOAL (parent->built)->children : doc->goals;

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
      g_ptr_array_set_size (out, 0);
      _soc_merge_order (m, members, seq, "goal", parent, out);
      for (guint i = 0; i < out->len; i++)
        soc_object_list_append (dest, ((Entry *) g_ptr_array_index (out, i))->built);
    }
  for (int s = 0; s < N_SIDES; s++)
    g_ptr_array_unref (seq[s]);
  g_ptr_array_unref (out);
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
        if (e->src[k] != SRC_NONE)
          copy_field (m, e, k, e->built);
      merge_entry_extras (m, e);
      give_extras (e->built, g_steal_pointer (&e->extras));
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

