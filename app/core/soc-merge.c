/* soc-merge.c: a three-way merge of plans by object id and field
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each object of the three versions becomes an Entry, matched by id
 * (overrides by factor). Fields merge one by one through the field tables:
 * a change on one side is taken, the same change on both is taken once, and
 * different changes are a conflict that keeps our value unless the caller
 * chose theirs. Reference lists merge as sets. An id that both sides added
 * for different objects is renamed on their side, and their references
 * follow it. Then the rules the reader enforces are enforced on the merged
 * entries, iteratively: date pairs, references to what one side deleted
 * (the deleted object comes back, or the reference goes, as the chosen
 * side has it: never silently), goal and dependency cycles (one side's
 * edge is taken back). Lists get an order from both sides, and the merged
 * document is built from scratch. Nothing recurses on the data.
 */

#define G_LOG_DOMAIN "soc-merge"

#include "config.h"

#include <string.h>

#include "soc-enum-types.h"
#include "soc-field-value.h"
#include "soc-merge-private.h"

/* ------------------------------------------------------------------------ */
/* Conflicts                                                                */

char *
_soc_merge_key (const char *element,
          const char *id,
          const char *field)
{
  return g_strdup_printf ("%s:%s:%s", element, id != NULL ? id : "", field != NULL ? field : "");
}

/* The conflict on FIELD of an object (NULL: the object itself), made if
 * new; its resolution is the caller's choice, else ours. */
SocMergeConflict *
_soc_merge_conflict (Merge                *m,
                     SocMergeConflictKind  kind,
                     const char           *element,
                     const char           *id,
                     const char           *label,
                     const char           *field,
                     gboolean             *is_new)
{
  g_autofree char *key = _soc_merge_key (element, id, field);
  SocMergeConflict *c = g_hash_table_lookup (m->conflict_keys, key);
  gpointer choice;

  if (is_new != NULL)
    *is_new = c == NULL;
  if (c != NULL)
    return c;

  c = _soc_merge_conflict_new ();
  c->kind = kind;
  c->element = g_strdup (element);
  c->id = g_strdup (id);
  c->label = g_strdup (label);
  c->field = g_strdup (field);
  c->resolution = SOC_MERGE_OURS;
  if (m->choices != NULL && (choice = g_hash_table_lookup (m->choices, key)) != NULL)
    {
      c->resolution = GPOINTER_TO_INT (choice) - 1;
      c->chosen = TRUE;
    }
  g_ptr_array_add (m->conflicts, c);
  g_hash_table_insert (m->conflict_keys, g_steal_pointer (&key), c);
  return c;
}

const char *
_soc_merge_entry_label (Merge *m,
                        Entry *e)
{
  SocObjectClass *klass = m->info[e->kind].klass;
  static const int order[] = { SIDE_OURS, SIDE_THEIRS, SIDE_BASE };

  if (klass->label_field < 0)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (e->v[order[i]] != NULL)
      {
        const char *s = *(char **) SOC_FIELD_PTR (e->v[order[i]], &klass->fields[klass->label_field]);
        if (s != NULL)
          return s;
      }
  return NULL;
}

SocMergeConflict *
_soc_merge_entry_conflict (Merge                *m,
                SocMergeConflictKind  kind,
                Entry                *e,
                const char           *field,
                gboolean             *is_new)
{
  const char *id = e->id;
  SocMergeConflict *c;

  /* A judgement is known by its factor. */
  if (e->kind == KIND_OVERRIDE)
    for (int s = 0; s < N_SIDES && id == NULL; s++)
      if (e->v[s] != NULL)
        id = soc_enum_to_nick (SOC_TYPE_FACTOR, SOC_OVERRIDE (e->v[s])->factor);
  c = _soc_merge_conflict (m, kind, m->info[e->kind].element, id, _soc_merge_entry_label (m, e), field, is_new);

  if (kind == SOC_MERGE_CONFLICT_DELETED)
    g_hash_table_insert (m->conflict_entries, c, e);
  return c;
}

static int
side_of (SocMergeSide resolution)
{
  return resolution == SOC_MERGE_THEIRS ? SIDE_THEIRS : SIDE_OURS;
}

static const char *
field_text (Merge          *m,
            Entry          *e,
            int             side,
            const SocField *f,
            char          **owned)
{
  if (side >= N_SIDES || e->v[side] == NULL)
    return *owned = NULL;
  return *owned = soc_field_to_text (e->v[side], f, m->renames[side]);
}

void
_soc_merge_set_values (Merge            *m,
            SocMergeConflict *c,
            Entry            *e,
            const SocField   *f)
{
  g_free (c->base);
  g_free (c->ours);
  g_free (c->theirs);
  field_text (m, e, SIDE_BASE, f, &c->base);
  field_text (m, e, SIDE_OURS, f, &c->ours);
  field_text (m, e, SIDE_THEIRS, f, &c->theirs);
}

/* ------------------------------------------------------------------------ */
/* Entries                                                                  */

static void
entry_free (Entry *e)
{
  for (guint i = 0; i < MAX_SLOTS; i++)
    g_clear_pointer (&e->list[i], g_ptr_array_unref);
  g_free (e);
}

/* KEY and ID must outlive the merge: the ids of the versions do. */
static Entry *
entry_new (Merge      *m,
           MergeKind   kind,
           const char *key,
           const char *id)
{
  Entry *e = g_new0 (Entry, 1);

  e->kind = kind;
  e->key = key;
  e->id = id;
  g_hash_table_insert (m->entries, (gpointer) e->key, e);
  g_ptr_array_add (m->all, e);
  return e;
}

static GPtrArray *
objects_of (SocDocument *doc,
            MergeKind    kind)
{
  SocObjectList *lists[] = { doc->stakeholders, doc->lanes, doc->phases, NULL, doc->items,
                             doc->relationships, doc->overrides, NULL };
  GPtrArray *out;

  if (kind == KIND_GOAL)
    return _soc_document_collect_goals (doc);
  if (kind == KIND_PLAN)
    {
      out = g_ptr_array_new ();
      g_ptr_array_add (out, doc->plan);
      return out;
    }
  out = g_ptr_array_sized_new (soc_object_list_get_size (lists[kind]));
  for (guint i = 0; i < soc_object_list_get_size (lists[kind]); i++)
    g_ptr_array_add (out, soc_object_list_get (lists[kind], i));
  return out;
}

/* How a version of an object is found among the entries. */
static const char *
key_of (Merge     *m,
        SocObject *object,
        MergeKind  kind)
{
  if (kind == KIND_PLAN)
    return "plan:";
  if (kind == KIND_OVERRIDE)
    {
      g_autofree char *key = g_strdup_printf ("override:%s",
                                              soc_enum_to_nick (SOC_TYPE_FACTOR, SOC_OVERRIDE (object)->factor));
      return g_string_chunk_insert_const (m->strings, key);
    }
  return soc_object_peek_id (object);
}

/* The entry OBJECT, of SIDE's version, is a version of. */
Entry *
_soc_merge_entry_for (Merge     *m,
                      SocObject *object,
                      int        side)
{
  return g_hash_table_lookup (m->by_object[side], object);
}

static gboolean
versions_equal (Merge     *m,
                SocObject *a,
                int        side_a,
                SocObject *b,
                int        side_b)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (a);
  g_autofree char *ea = NULL;
  g_autofree char *eb = NULL;

  for (guint i = 0; i < klass->n_fields; i++)
    if (!soc_field_equal (a, m->renames[side_a], b, m->renames[side_b], &klass->fields[i]))
      return FALSE;
  ea = soc_extras_to_text (soc_object_get_extras (a));
  eb = soc_extras_to_text (soc_object_get_extras (b));
  return g_strcmp0 (ea, eb) == 0;
}

/* A new id of KLASS's kind that no version uses. */
static const char *
fresh_id (Merge          *m,
          SocObjectClass *klass)
{
  guint serial = GPOINTER_TO_UINT (g_hash_table_lookup (m->serials, klass->id_prefix));

  for (serial = MAX (serial, 1);; serial++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", klass->id_prefix, serial);
      gboolean used = g_hash_table_contains (m->entries, id);

      for (guint s = 0; s < N_SIDES && !used; s++)
        used = g_hash_table_contains (m->doc[s]->ids, id);
      if (!used)
        {
          g_hash_table_insert (m->serials, (gpointer) klass->id_prefix, GUINT_TO_POINTER (serial + 1));
          return g_string_chunk_insert_const (m->strings, id);
        }
    }
}

static void
index_documents (Merge *m)
{
  for (guint k = 0; k < N_KINDS; k++)
    for (int side = SIDE_BASE; side < N_SIDES; side++)
      {
        g_autoptr(GPtrArray) objects = objects_of (m->doc[side], k);

        m->seq[k][side] = g_ptr_array_sized_new (objects->len);
        for (guint i = 0; i < objects->len; i++)
          {
            SocObject *x = g_ptr_array_index (objects, i);
            const char *key = key_of (m, x, k);
            Entry *e = g_hash_table_lookup (m->entries, key);
            const char *id = k == KIND_PLAN || k == KIND_OVERRIDE ? NULL : key;

            if (e == NULL)
              e = entry_new (m, k, key, id);
            else if (side != SIDE_BASE && e->kind == k && e->v[side] == NULL &&
                     (e->v[SIDE_BASE] != NULL || k == KIND_OVERRIDE ||
                      (side == SIDE_THEIRS && e->v[SIDE_OURS] != NULL &&
                       versions_equal (m, e->v[SIDE_OURS], SIDE_OURS, x, side))))
              ;  /* another version of it, or the same addition on both sides */
            else
              {
                /* Both sides added this id, for different objects: theirs is renamed. */
                const char *renamed = fresh_id (m, SOC_OBJECT_GET_CLASS (x));

                if (m->renames[side] == NULL)
                  m->renames[side] = g_hash_table_new (g_str_hash, g_str_equal);
                g_hash_table_insert (m->renames[side], (gpointer) e->key, (gpointer) renamed);
                e = entry_new (m, k, renamed, renamed);
              }
            e->v[side] = x;
            g_ptr_array_add (m->seq[k][side], e);
            g_hash_table_insert (m->by_object[side], x, e);
          }
      }
  m->plan = g_hash_table_lookup (m->entries, "plan:");
}

/* ------------------------------------------------------------------------ */
/* References                                                               */

static Entry *
target_entry (Merge     *m,
              SocObject *target,
              int        side)
{
  return target != NULL ? _soc_merge_entry_for (m, target, side) : NULL;
}

gboolean
_soc_merge_list_has (GPtrArray *list,
          Entry     *e)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_ptr_array_index (list, i) == e)
      return TRUE;
  return FALSE;
}

/* The targets of a reference list of SIDE's version, as entries. */
GPtrArray *
_soc_merge_side_list (Merge          *m,
           Entry          *e,
           int             side,
           const SocField *f)
{
  GPtrArray *list = e->v[side] != NULL ? *(GPtrArray **) SOC_FIELD_PTR (e->v[side], f) : NULL;
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      Entry *t = target_entry (m, g_ptr_array_index (list, i), side);
      if (t != NULL)
        g_ptr_array_add (out, t);
    }
  return out;
}

/* Sets the resolved value of a reference field from its source. */
void
_soc_merge_resolve_field (Merge *m,
               Entry *e,
               guint  i)
{
  const SocField *f = &m->info[e->kind].klass->fields[i];
  guint slot = m->info[e->kind].slot[i];
  int src = e->src[i];

  if (f->kind == SOC_FIELD_REF)
    e->ref[slot] = src < N_SIDES ? target_entry (m, *(SocObject **) SOC_FIELD_PTR (e->v[src], f), src) : NULL;
  else if (f->kind == SOC_FIELD_REFLIST && src < N_SIDES)
    {
      GPtrArray *list = *(GPtrArray **) SOC_FIELD_PTR (e->v[src], f);

      g_clear_pointer (&e->list[slot], g_ptr_array_unref);
      if (list != NULL && list->len > 0)
        e->list[slot] = _soc_merge_side_list (m, e, src, f);
    }
  else if (f->kind == SOC_FIELD_REFLIST && src == SRC_LIST && e->list[slot] == NULL)
    {
      /* Both changed the list: what either added, without what either removed. */
      g_autoptr(GPtrArray) b = _soc_merge_side_list (m, e, SIDE_BASE, f);
      g_autoptr(GPtrArray) o = _soc_merge_side_list (m, e, SIDE_OURS, f);
      g_autoptr(GPtrArray) t = _soc_merge_side_list (m, e, SIDE_THEIRS, f);
      GPtrArray *out = g_ptr_array_new ();

      for (guint k = 0; k < o->len; k++)
        if (!_soc_merge_list_has (b, g_ptr_array_index (o, k)) || _soc_merge_list_has (t, g_ptr_array_index (o, k)))
          g_ptr_array_add (out, g_ptr_array_index (o, k));
      for (guint k = 0; k < t->len; k++)
        if (!_soc_merge_list_has (b, g_ptr_array_index (t, k)) && !_soc_merge_list_has (out, g_ptr_array_index (t, k)))
          g_ptr_array_add (out, g_ptr_array_index (t, k));
      e->list[slot] = out;
    }
}

static void
resolve_all (Merge *m,
             Entry *e)
{
  SocObjectClass *klass = m->info[e->kind].klass;

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].kind == SOC_FIELD_REF || klass->fields[i].kind == SOC_FIELD_REFLIST)
      _soc_merge_resolve_field (m, e, i);
}

static void
take_side (Merge *m,
           Entry *e,
           int    side)
{
  SocObjectClass *klass = m->info[e->kind].klass;

  for (guint i = 0; i < klass->n_fields; i++)
    e->src[i] = side;
  for (guint i = 0; i < MAX_SLOTS; i++)
    g_clear_pointer (&e->list[i], g_ptr_array_unref);
  resolve_all (m, e);
}

/* ------------------------------------------------------------------------ */
/* Fields                                                                   */

/* soc_field_equal() for versions of the merge: references compare by the
 * entries they lead to, which also follows renamed ids. */
static gboolean
same (Merge          *m,
      SocObject      *a,
      int             side_a,
      SocObject      *b,
      int             side_b,
      const SocField *f)
{
  if (f->kind == SOC_FIELD_REF)
    {
      SocObject *ta = *(SocObject **) SOC_FIELD_PTR (a, f);
      SocObject *tb = *(SocObject **) SOC_FIELD_PTR (b, f);

      if (ta == NULL || tb == NULL)
        return ta == tb;
      return _soc_merge_entry_for (m, ta, side_a) == _soc_merge_entry_for (m, tb, side_b);
    }
  if (f->kind == SOC_FIELD_REFLIST)
    {
      GPtrArray *la = *(GPtrArray **) SOC_FIELD_PTR (a, f);
      GPtrArray *lb = *(GPtrArray **) SOC_FIELD_PTR (b, f);
      guint na = la != NULL ? la->len : 0;
      guint nb = lb != NULL ? lb->len : 0;

      if (na != nb)
        return FALSE;
      for (guint i = 0; i < na; i++)
        if (_soc_merge_entry_for (m, g_ptr_array_index (la, i), side_a) !=
            _soc_merge_entry_for (m, g_ptr_array_index (lb, i), side_b))
          return FALSE;
      return TRUE;
    }
  return soc_field_equal (a, NULL, b, NULL, f);
}

static void
merge_fields (Merge *m,
              Entry *e)
{
  SocObjectClass *klass = m->info[e->kind].klass;
  SocObject *b = e->v[SIDE_BASE], *o = e->v[SIDE_OURS], *t = e->v[SIDE_THEIRS];

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      gboolean ours_same, theirs_same;

      if (b != NULL)
        {
          ours_same = same (m, b, SIDE_BASE, o, SIDE_OURS, f);
          theirs_same = same (m, b, SIDE_BASE, t, SIDE_THEIRS, f);
        }
      else
        ours_same = theirs_same = FALSE;

      if (ours_same)
        e->src[i] = theirs_same ? SIDE_OURS : SIDE_THEIRS;
      else if (theirs_same || same (m, o, SIDE_OURS, t, SIDE_THEIRS, f))
        e->src[i] = SIDE_OURS;
      else if (f->flags & SOC_FIELD_UID)
        /* The plan's identity is made by the program, not by people: both
         * sides saving a plan that had none make two. It stays ours. */
        e->src[i] = SIDE_OURS;
      else if (f->kind == SOC_FIELD_REFLIST && b != NULL)
        e->src[i] = SRC_LIST;
      else
        {
          SocMergeConflict *c = _soc_merge_entry_conflict (m, SOC_MERGE_CONFLICT_FIELD, e, f->name, NULL);

          _soc_merge_set_values (m, c, e, f);
          e->src[i] = side_of (c->resolution);
        }
    }
}

static guint
uint_of (Merge      *m,
         Entry      *e,
         const char *name)
{
  SocObjectClass *klass = m->info[e->kind].klass;
  const SocField *f = soc_object_class_find_field (klass, name, strlen (name));

  return *(guint *) SOC_FIELD_PTR (e->v[e->src[f - klass->fields]], f);
}

/* Fields that are checked together, and whether their merged values pass. */
static gboolean
rule_holds (Merge        *m,
            Entry        *e,
            const char  **fields)
{
  switch (e->kind)
    {
    case KIND_ITEM:
      {
        guint kind = uint_of (m, e, "kind"), start = uint_of (m, e, "start"), end = uint_of (m, e, "end");

        fields[0] = "kind", fields[1] = "start", fields[2] = "end", fields[3] = NULL;
        if (kind == SOC_ITEM_KIND_MILESTONE)
          return end == 0;
        return (start == 0) == (end == 0) && end >= start;
      }
    case KIND_PHASE:
      {
        guint start = uint_of (m, e, "start"), end = uint_of (m, e, "end");

        fields[0] = "start", fields[1] = "end", fields[2] = NULL;
        return start != 0 && end != 0 && end >= start;
      }
    case KIND_PLAN:
      {
        guint start = uint_of (m, e, "horizon-start"), end = uint_of (m, e, "horizon-end");

        fields[0] = "horizon-start", fields[1] = "horizon-end", fields[2] = NULL;
        return start == 0 || end == 0 || end >= start;
      }
    case KIND_RELATIONSHIP:
      fields[0] = "from", fields[1] = "to", fields[2] = NULL;
      return e->ref[0] == NULL || e->ref[0] != e->ref[1];
    case KIND_STAKEHOLDER:
    case KIND_LANE:
    case KIND_GOAL:
    case KIND_OVERRIDE:
    case N_KINDS:
    default:
      return TRUE;
    }
}

/* Changes that pass one by one may not pass together: then one side's
 * values are taken for all the fields the rule joins. */
static void
check_rules (Merge *m,
             Entry *e)
{
  SocObjectClass *klass = m->info[e->kind].klass;
  const char *fields[4] = { NULL };
  gboolean theirs = FALSE;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new ();

  if (e->v[SIDE_OURS] == NULL || e->v[SIDE_THEIRS] == NULL || rule_holds (m, e, fields))
    return;

  for (guint k = 0; fields[k] != NULL; k++)
    {
      const SocField *f = soc_object_class_find_field (klass, fields[k], strlen (fields[k]));
      SocMergeConflict *c;

      if (same (m, e->v[SIDE_OURS], SIDE_OURS, e->v[SIDE_THEIRS], SIDE_THEIRS, f))
        continue;
      c = _soc_merge_entry_conflict (m, SOC_MERGE_CONFLICT_RULE, e, f->name, NULL);
      c->kind = SOC_MERGE_CONFLICT_RULE;
      _soc_merge_set_values (m, c, e, f);
      theirs = theirs || (c->chosen && c->resolution == SOC_MERGE_THEIRS);
      g_ptr_array_add (conflicts, c);
    }
  for (guint k = 0; k < conflicts->len; k++)
    {
      SocMergeConflict *c = g_ptr_array_index (conflicts, k);
      c->resolution = theirs ? SOC_MERGE_THEIRS : SOC_MERGE_OURS;
    }
  for (guint k = 0; fields[k] != NULL; k++)
    {
      const SocField *f = soc_object_class_find_field (klass, fields[k], strlen (fields[k]));
      guint i = f - klass->fields;

      e->src[i] = theirs ? SIDE_THEIRS : SIDE_OURS;
      _soc_merge_resolve_field (m, e, i);
    }
}

/* ------------------------------------------------------------------------ */
/* Presence                                                                 */

static void
decide_presence (Merge *m,
                 Entry *e)
{
  SocObject *b = e->v[SIDE_BASE], *o = e->v[SIDE_OURS], *t = e->v[SIDE_THEIRS];

  if (o != NULL && t != NULL)
    {
      e->present = TRUE;
      merge_fields (m, e);
      resolve_all (m, e);
      check_rules (m, e);
      return;
    }

  if (o == NULL && t == NULL)
    return;

  if (b != NULL)
    {
      /* Deleted on one side: gone, unless the other side changed it. */
      int kept = o != NULL ? SIDE_OURS : SIDE_THEIRS;
      SocMergeConflict *c;

      if (versions_equal (m, b, SIDE_BASE, e->v[kept], kept))
        return;
      c = _soc_merge_entry_conflict (m, SOC_MERGE_CONFLICT_DELETED, e, NULL, NULL);
      c->ours = g_strdup (o != NULL ? "changed" : "deleted");
      c->theirs = g_strdup (t != NULL ? "changed" : "deleted");
      if (side_of (c->resolution) != kept)
        return;
      e->pinned = TRUE;
      e->present = TRUE;
      take_side (m, e, kept);
      return;
    }

  /* Added on one side. */
  e->present = TRUE;
  take_side (m, e, o != NULL ? SIDE_OURS : SIDE_THEIRS);
}

static void
restore (Merge *m,
         Entry *e,
         int    side)
{
  e->present = TRUE;
  e->pinned = TRUE;
  e->dropped = FALSE;
  e->cause = NULL;
  take_side (m, e, side);
  m->changed = TRUE;
}

/* E refers, through field I (element X of a list, or NULL), to T, which is
 * not in the merged plan: either T comes back, or the reference goes. */
static void
dangling (Merge *m,
          Entry *e,
          guint  i,
          Entry *t,
          int    side)
{
  const SocField *f = &m->info[e->kind].klass->fields[i];
  guint slot = m->info[e->kind].slot[i];
  int other = side == SIDE_OURS ? SIDE_THEIRS : SIDE_OURS;
  SocMergeConflict *c = NULL;
  gboolean keep = FALSE;

  if (t->v[side] != NULL && (t->v[SIDE_BASE] != NULL || !t->dropped) &&
      g_type_is_a (G_OBJECT_TYPE (t->v[side]), f->type ()))
    {
      gboolean is_new;

      c = _soc_merge_entry_conflict (m, SOC_MERGE_CONFLICT_DELETED, t, NULL, &is_new);
      if (is_new)
        {
          c->ours = g_strdup (t->v[SIDE_OURS] != NULL ? "refers" : "deleted");
          c->theirs = g_strdup (t->v[SIDE_THEIRS] != NULL ? "refers" : "deleted");
          c->ref_element = g_strdup (m->info[e->kind].element);
          c->ref_id = g_strdup (e->id);
          c->ref_label = g_strdup (_soc_merge_entry_label (m, e));
          c->ref_field = g_strdup (f->name);
        }
      keep = side_of (c->resolution) == side || e->pinned;
    }
  else if (t->dropped)
    c = t->cause;

  if (keep)
    {
      restore (m, t, side);
      return;
    }

  m->changed = TRUE;
  if (f->kind == SOC_FIELD_REFLIST)
    {
      /* Only this element goes. */
      GPtrArray *kept = g_ptr_array_new ();

      for (guint k = 0; k < e->list[slot]->len; k++)
        if (g_ptr_array_index (e->list[slot], k) != t)
          g_ptr_array_add (kept, g_ptr_array_index (e->list[slot], k));
      g_ptr_array_unref (e->list[slot]);
      e->list[slot] = kept;
      e->src[i] = SRC_LIST;
    }
  else if (e->v[other] != NULL && e->src[i] != other)
    {
      e->src[i] = other;
      _soc_merge_resolve_field (m, e, i);
    }
  else if (!(f->flags & (SOC_FIELD_REQUIRED | SOC_FIELD_STRUCTURAL)))
    {
      e->src[i] = SRC_NONE;
      e->ref[slot] = NULL;
    }
  else if (e->pinned)
    restore (m, t, side);
  else
    {
      e->present = FALSE;
      e->dropped = TRUE;
      e->cause = c;
    }
}

static void
check_references (Merge *m,
                  Entry *e)
{
  SocObjectClass *klass = m->info[e->kind].klass;

  for (guint i = 0; i < klass->n_fields && e->present; i++)
    {
      const SocField *f = &klass->fields[i];
      guint slot = m->info[e->kind].slot[i];

      if (f->kind == SOC_FIELD_REF)
        {
          Entry *t = e->ref[slot];
          int side = e->src[i];

          if (t != NULL && (!t->present || !g_type_is_a (G_OBJECT_CLASS_TYPE (m->info[t->kind].klass), f->type ())))
            dangling (m, e, i, t, side < N_SIDES ? side : SIDE_OURS);
        }
      else if (f->kind == SOC_FIELD_REFLIST && e->list[slot] != NULL)
        for (guint k = 0; k < e->list[slot]->len; k++)
          {
            Entry *t = g_ptr_array_index (e->list[slot], k);

            if (!t->present || !g_type_is_a (G_OBJECT_CLASS_TYPE (m->info[t->kind].klass), f->type ()))
              {
                g_autoptr(GPtrArray) ours = _soc_merge_side_list (m, e, SIDE_OURS, f);

                /* The list changed: the next pass looks at the rest. */
                dangling (m, e, i, t, _soc_merge_list_has (ours, t) ? SIDE_OURS : SIDE_THEIRS);
                break;
              }
          }
    }
}

static void
init_kinds (Merge *m)
{
  const GType types[N_KINDS] = { SOC_TYPE_STAKEHOLDER, SOC_TYPE_LANE, SOC_TYPE_PHASE, SOC_TYPE_GOAL,
                                 SOC_TYPE_ITEM, SOC_TYPE_RELATIONSHIP, SOC_TYPE_OVERRIDE, SOC_TYPE_PLAN };

  for (guint k = 0; k < N_KINDS; k++)
    {
      KindInfo *info = &m->info[k];
      guint refs = 0, lists = 0;

      info->klass = g_type_class_ref (types[k]);
      info->element = info->klass->element;
      g_assert (info->klass->n_fields <= MAX_FIELDS);
      for (guint i = 0; i < info->klass->n_fields; i++)
        {
          if (info->klass->fields[i].kind == SOC_FIELD_REF)
            info->slot[i] = refs++;
          else if (info->klass->fields[i].kind == SOC_FIELD_REFLIST)
            info->slot[i] = lists++;
        }
      g_assert (refs <= MAX_SLOTS && lists <= MAX_SLOTS);
    }
}

/* Merges what OURS and THEIRS each changed since BASE into a new document,
 * unsaved and with no history. CHOICES (or NULL) maps the keys of
 * conflicts (soc_merge_conflict_key()) to GINT_TO_POINTER (SocMergeSide + 1);
 * every other conflict keeps our side. CONFLICTS receives them all, chosen
 * or not, in a stable order. The result passes the format's rules: write it
 * with soc_merge_write(), which checks that too. */
SocDocument *
soc_merge_documents (SocDocument  *base,
                     SocDocument  *ours,
                     SocDocument  *theirs,
                     GHashTable   *choices,
                     GPtrArray   **conflicts)
{
  return soc_merge_documents_full (base, ours, theirs, choices, SOC_MERGE_FLAGS_NONE, conflicts);
}

/* The same, and with SOC_MERGE_FLAGS_TAKE_OURS the merged plan takes over
 * ours's objects instead of copying them, which is faster: OURS, a document
 * with no history that nothing else shows, must then only be freed. */
SocDocument *
soc_merge_documents_full (SocDocument    *base,
                          SocDocument    *ours,
                          SocDocument    *theirs,
                          GHashTable     *choices,
                          SocMergeFlags   flags,
                          GPtrArray     **conflicts)
{
  Merge m = { 0 };
  SocDocument *doc;

  g_return_val_if_fail (SOC_IS_DOCUMENT (base), NULL);
  g_return_val_if_fail (SOC_IS_DOCUMENT (ours), NULL);
  g_return_val_if_fail (SOC_IS_DOCUMENT (theirs), NULL);

  m.doc[SIDE_BASE] = base;
  m.doc[SIDE_OURS] = ours;
  m.doc[SIDE_THEIRS] = theirs;
  m.choices = choices;
  m.take_ours = (flags & SOC_MERGE_FLAGS_TAKE_OURS) &&
                soc_history_get_n_steps (soc_document_get_history (ours)) == 0;
  m.entries = g_hash_table_new (g_str_hash, g_str_equal);
  m.all = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  m.serials = g_hash_table_new (g_str_hash, g_str_equal);
  m.strings = g_string_chunk_new (4096);
  m.conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_merge_conflict_free);
  m.conflict_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m.conflict_entries = g_hash_table_new (NULL, NULL);
  for (int s = 0; s < N_SIDES; s++)
    m.by_object[s] = g_hash_table_new (NULL, NULL);
  init_kinds (&m);

  index_documents (&m);

  for (guint i = 0; i < m.all->len; i++)
    decide_presence (&m, g_ptr_array_index (m.all, i));

  /* Until nothing changes: references to what is gone, then cycles. Each
   * round takes back an edge or settles an object for good; the bound only
   * guards against a mistake here turning into a hang. */
  for (guint round = 0; round < 64 + 4 * m.all->len; round++)
    {
      m.changed = FALSE;
      for (guint i = 0; i < m.all->len; i++)
        {
          Entry *e = g_ptr_array_index (m.all, i);
          if (e->present)
            check_references (&m, e);
        }
      if (!m.changed)
        _soc_merge_check_goal_cycles (&m);
      if (!m.changed)
        _soc_merge_check_dependency_cycles (&m);
      if (!m.changed)
        break;
    }

  doc = _soc_merge_build (&m);
  _soc_merge_keep_left_out (&m);

  if (conflicts != NULL)
    *conflicts = g_steal_pointer (&m.conflicts);

  g_clear_pointer (&m.conflicts, g_ptr_array_unref);
  g_hash_table_unref (m.conflict_keys);
  g_hash_table_unref (m.conflict_entries);
  for (guint k = 0; k < N_KINDS; k++)
    {
      for (int s = 0; s < N_SIDES; s++)
        g_ptr_array_unref (m.seq[k][s]);
      g_type_class_unref (m.info[k].klass);
    }
  for (int s = 0; s < N_SIDES; s++)
    {
      g_clear_pointer (&m.renames[s], g_hash_table_unref);
      g_hash_table_unref (m.by_object[s]);
    }
  g_ptr_array_unref (m.all);
  g_hash_table_unref (m.entries);
  g_hash_table_unref (m.serials);
  g_string_chunk_free (m.strings);
  return doc;
}
