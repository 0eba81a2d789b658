/* soc-document-index.c: who refers to whom in a document
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every object keeps the objects of the document that refer to it through a
 * reference field (an owner, a lane, the goals an item serves, the items it
 * depends on, the two ends of a relationship), so that deleting an object
 * finds what refers to it in time proportional to that, not to the plan.
 * The index is built the first time it is needed, then kept up to date by
 * the document as commands register, unregister and change objects.
 *
 * An object's referrers are counted (one object may refer to another
 * through more than one field) in an array of (referrer, count), with a
 * hash table beside it once it grows, so that adding and removing one
 * reference takes constant time even for a lane of fifty thousand items.
 */

#define G_LOG_DOMAIN "soc-document"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "soc-document-private.h"

#define HASHED_FROM 16   /* referrers before a lookup table pays */

#define IS_REFERENCE(field) \
  (((field)->kind == SOC_FIELD_REF || (field)->kind == SOC_FIELD_REFLIST) && \
   !((field)->flags & SOC_FIELD_STRUCTURAL))

typedef struct
{
  SocObject *referrer;
  guint      count;
} Entry;

typedef struct
{
  guint       len;
  guint       size;
  Entry      *entries;
  GHashTable *where;     /* referrer -> its index in ENTRIES + 1, once large */
} Referrers;

static void
referrers_free (gpointer data)
{
  Referrers *r = data;

  g_clear_pointer (&r->where, g_hash_table_unref);
  g_free (r->entries);
  g_free (r);
}

/* The lookup table is made when a search first needs it. */
static inline guint
find_entry (Referrers *r,
            SocObject *referrer)
{
  if (r->where == NULL && r->len > HASHED_FROM)
    {
      r->where = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < r->len; i++)
        g_hash_table_insert (r->where, r->entries[i].referrer, GUINT_TO_POINTER (i + 1));
    }
  if (r->where != NULL)
    return GPOINTER_TO_UINT (g_hash_table_lookup (r->where, referrer));
  for (guint i = r->len; i > 0; i--)
    if (r->entries[i - 1].referrer == referrer)
      return i;
  return 0;
}

/* Counts one more reference from REFERRER to TARGET. While the index is
 * built (BUILDING), an object's references are added one object at a
 * time, so a second one from REFERRER can only be the last entry. */
static void
count_reference (SocObject *target,
                 SocObject *referrer,
                 gboolean   building)
{
  SocObjectDocData *data = soc_object_get_doc_data (target);
  Referrers *r = data->referrers;
  guint found;

  if (r == NULL)
    {
      r = g_new0 (Referrers, 1);
      data->referrers = r;
      data->referrers_free = referrers_free;
    }
  else if (building)
    {
      if (r->len > 0 && r->entries[r->len - 1].referrer == referrer)
        {
          r->entries[r->len - 1].count++;
          return;
        }
    }
  else if ((found = find_entry (r, referrer)) > 0)
    {
      r->entries[found - 1].count++;
      return;
    }

  if (r->len == r->size)
    {
      r->size = MAX (4, r->size * 2);
      r->entries = g_renew (Entry, r->entries, r->size);
    }
  r->entries[r->len].referrer = referrer;
  r->entries[r->len].count = 1;
  r->len++;
  if (r->where != NULL)
    g_hash_table_insert (r->where, referrer, GUINT_TO_POINTER (r->len));
}

static void
add_reference (SocObject *target,
               SocObject *referrer)
{
  count_reference (target, referrer, FALSE);
}

static void
build_reference (SocObject *target,
                 SocObject *referrer)
{
  count_reference (target, referrer, TRUE);
}

static void
remove_reference (SocObject *target,
                  SocObject *referrer)
{
  Referrers *r = soc_object_get_doc_data (target)->referrers;
  guint found = r != NULL ? find_entry (r, referrer) : 0;

  g_return_if_fail (found > 0);

  if (--r->entries[found - 1].count > 0)
    return;

  /* The last entry takes the place of the one that goes. */
  if (found != r->len)
    {
      r->entries[found - 1] = r->entries[r->len - 1];
      if (r->where != NULL)
        g_hash_table_insert (r->where, r->entries[found - 1].referrer, GUINT_TO_POINTER (found));
    }
  r->len--;
  if (r->where != NULL)
    g_hash_table_remove (r->where, referrer);
}

/* Whether FIELD refers to another object by id: the references the index
 * keeps. A goal's parent is structure, kept by the goal tree itself. */
gboolean
_soc_field_is_reference (const SocField *field)
{
  return IS_REFERENCE (field);
}

typedef void (*ReferenceFunc) (SocObject *target, SocObject *referrer);

/* Calls FUNC for every reference OBJECT's FIELD holds. */
static void
foreach_target (SocObject      *object,
                const SocField *field,
                ReferenceFunc   func)
{
  gpointer p = SOC_FIELD_PTR (object, field);

  if (field->kind == SOC_FIELD_REF)
    {
      if (*(SocObject **) p != NULL)
        func (*(SocObject **) p, object);
    }
  else
    {
      GPtrArray *targets = *(GPtrArray **) p;

      for (guint i = 0; targets != NULL && i < targets->len; i++)
        func (g_ptr_array_index (targets, i), object);
    }
}

/* The reference fields of a class, found once: a plan has few classes. */
typedef struct
{
  SocObjectClass  *klass;
  guint            n;
  const SocField  *fields[8];
} ClassReferences;

static const ClassReferences *
class_references (SocObjectClass *klass)
{
  static ClassReferences cache[16];
  static guint n_cached;
  ClassReferences *c;

  for (guint i = 0; i < n_cached; i++)
    if (cache[i].klass == klass)
      return &cache[i];

  g_assert (n_cached < G_N_ELEMENTS (cache));
  c = &cache[n_cached];
  c->klass = klass;
  c->n = 0;
  for (guint i = 0; i < klass->n_fields; i++)
    if (IS_REFERENCE (&klass->fields[i]))
      {
        g_assert (c->n < G_N_ELEMENTS (c->fields));
        c->fields[c->n++] = &klass->fields[i];
      }
  n_cached++;
  return c;
}

/* The reference fields of KLASS (those the index keeps), N of them. */
const SocField *const *
_soc_object_class_references (SocObjectClass *klass,
                              guint          *n)
{
  const ClassReferences *c = class_references (klass);

  *n = c->n;
  return c->fields;
}

/* Asks for what reading OBJECT's references reads, one STAGE of it (see
 * SOC_FETCH), each stage after the one before has come: 1 its lists of
 * references, and what it refers to; 2 what the lists hold; 3 what they
 * refer to; 4 the ids of all it refers to (for writing it). The object
 * itself is stage 0, its caller's. Stages 1 to 3 read only the object and
 * its lists; stage 4 reads what it refers to, so only for an object in
 * the document, whose references are sure to be there (one out of it may
 * refer to something gone since). */
void
_soc_object_fetch_references (SocObject *object,
                              guint      stage)
{
  const ClassReferences *c = class_references (SOC_OBJECT_GET_CLASS (object));

  for (guint f = 0; f < c->n; f++)
    {
      gpointer value = *(gpointer *) SOC_FIELD_PTR (object, c->fields[f]);
      GPtrArray *links = value;

      if (value == NULL)
        continue;
      if (c->fields[f]->kind == SOC_FIELD_REF)
        {
          if (stage == 1)
            SOC_FETCH (soc_object_get_doc_data (value));
          else if (stage == 4)
            SOC_FETCH (soc_object_peek_id (value));
        }
      else if (stage == 1)
        SOC_FETCH (links);
      else if (stage == 2)
        SOC_FETCH (links->pdata);
      else
        for (guint i = 0; i < links->len; i++)
          SOC_FETCH (stage == 3 ? (gconstpointer) soc_object_get_doc_data (g_ptr_array_index (links, i))
                                : (gconstpointer) soc_object_peek_id (g_ptr_array_index (links, i)));
    }
}

static void
foreach_reference (SocObject     *object,
                   ReferenceFunc  func)
{
  const ClassReferences *c = class_references (SOC_OBJECT_GET_CLASS (object));

  for (guint i = 0; i < c->n; i++)
    foreach_target (object, c->fields[i], func);
}

/* OBJECT joins or leaves the document: its references with it. */
void
_soc_document_index_object (SocDocument *self,
                            SocObject   *object,
                            gboolean     add)
{
  if (self->indexed)
    foreach_reference (object, add ? add_reference : remove_reference);
}

/* FIELD of OBJECT, a member of the document, is about to change (ADD
 * FALSE) or has changed (ADD TRUE). */
void
_soc_document_index_field (SocDocument    *self,
                           SocObject      *object,
                           const SocField *field,
                           gboolean        add)
{
  if (self->indexed && IS_REFERENCE (field))
    foreach_target (object, field, add ? add_reference : remove_reference);
}

/* Counts the references of OBJECTS[FROM, TO): building the index. */
void
_soc_document_index_range (SocDocument *self,
                           GPtrArray   *objects,
                           guint        from,
                           guint        to)
{
  for (guint i = from; i < to; i++)
    foreach_reference (g_ptr_array_index (objects, i), build_reference);
}

/* Starts building the index: lists every object of the document and, if
 * an index was built before the document's content was replaced (see
 * _soc_document_forget_index()), forgets what each was said to be referred
 * by. */
void
_soc_document_start_index (SocDocument *self)
{
  g_clear_pointer (&self->warm_objects, g_ptr_array_unref);
  self->warm_objects = _soc_document_collect_all (self);
  self->warm_next = 0;
  if (!self->index_forgotten)
    return;
  self->index_forgotten = FALSE;
  for (guint i = 0; i < self->warm_objects->len; i++)
    {
      SocObjectDocData *data = soc_object_get_doc_data (g_ptr_array_index (self->warm_objects, i));

      if (data->referrers != NULL && data->referrers_free != NULL)
        data->referrers_free (data->referrers);
      data->referrers = NULL;
    }
}

/* Builds the index if it is not built, or finishes it if the warm-up
 * (soc-document-warm.c) is building it. */
void
_soc_document_ensure_index (SocDocument *self)
{
  if (self->indexed)
    return;

  if (self->warm_objects == NULL)
    _soc_document_start_index (self);
  _soc_document_index_range (self, self->warm_objects, self->warm_next, self->warm_objects->len);
  self->indexed = TRUE;
  self->warm_next = 0;
}

/* The document's content was replaced wholesale (soc-command-replace.c):
 * the index is built again when next needed. */
void
_soc_document_forget_index (SocDocument *self)
{
  self->indexed = FALSE;
  self->index_forgotten = TRUE;
  _soc_document_goals_moved (self);
  _soc_document_forget_snapshot (self);
  self->warm_next = 0;
  g_clear_pointer (&self->warm_objects, g_ptr_array_unref);
  /* A plan that was warmed up (one a window shows) warms up again. */
  if (self->warmed)
    {
      self->warmed = FALSE;
      soc_document_warm_up (self);
    }
}

/* A value no object's doc data is marked with yet: an edit marks the
 * objects it deals with (say, those a delete takes out) to tell them from
 * the others in constant time. Marks are never cleared; each edit takes a
 * new one. */
guint
_soc_document_new_mark (SocDocument *self)
{
  if (++self->last_mark == 0)
    {
      /* After four billion marks, old ones could come back: clear them. */
      g_autoptr(GPtrArray) goals = _soc_document_collect_goals (self);
      SocObjectList *lists[] = { self->lanes, self->phases, self->items, self->stakeholders,
                                 self->relationships, self->overrides };

      for (guint i = 0; i < goals->len; i++)
        soc_object_get_doc_data (g_ptr_array_index (goals, i))->mark = 0;
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; i < soc_object_list_get_size (lists[l]); i++)
          soc_object_get_doc_data (soc_object_list_get (lists[l], i))->mark = 0;
      self->last_mark = 1;
    }
  return self->last_mark;
}

/* Calls FUNC once for every object of the document that refers to TARGET,
 * in no particular order. */
void
_soc_document_foreach_referrer (SocDocument *self,
                                SocObject   *target,
                                GFunc        func,
                                gpointer     user_data)
{
  Referrers *r;

  _soc_document_ensure_index (self);
  r = soc_object_get_doc_data (target)->referrers;
  for (guint i = 0; r != NULL && i < r->len; i++)
    func (r->entries[i].referrer, user_data);
}

static void
collect (gpointer data,
         gpointer user_data)
{
  g_ptr_array_add (user_data, data);
}

/* Objects sort by kind, then by id with numbers compared as numbers (r2
 * before r10): the id as (letters, numbered first, digits, the rest). */
typedef struct
{
  SocObject  *object;
  const char *id;
  guint       rank;
  guint       prefix;    /* letters the id starts with */
  guint       digits;    /* digits after them, if nothing else follows */
} SortKey;

static void
sort_key_init (SortKey   *key,
               SocObject *object)
{
  const char *id = soc_object_peek_id (object);
  GType type = G_TYPE_FROM_INSTANCE (object);
  guint n = 0, d;

  key->object = object;
  key->id = id != NULL ? id : "";
  key->rank = type == SOC_TYPE_GOAL ? 0 : type == SOC_TYPE_ITEM ? 1 : type == SOC_TYPE_RELATIONSHIP ? 2 : 3;
  while (g_ascii_isalpha (key->id[n]) || key->id[n] == '_' || key->id[n] == '.' || key->id[n] == '-')
    n++;
  for (d = n; g_ascii_isdigit (key->id[d]); d++)
    ;
  key->prefix = n;
  key->digits = d > n && key->id[d] == '\0' ? d - n : G_MAXUINT;
}

static int
compare_keys (const SortKey *a,
              const SortKey *b)
{
  int c;

  if (a->rank != b->rank)
    return a->rank < b->rank ? -1 : 1;
  c = strncmp (a->id, b->id, MIN (a->prefix, b->prefix));
  if (c != 0 || a->prefix != b->prefix)
    return c != 0 ? c : (a->prefix < b->prefix ? -1 : 1);
  if (a->digits != b->digits)
    return a->digits < b->digits ? -1 : 1;
  return strcmp (a->id + a->prefix, b->id + b->prefix);
}

static int
compare_sort_keys (gconstpointer a,
                   gconstpointer b)
{
  return compare_keys (a, b);
}

/* Compares two SocObject ** in that order. */
int
_soc_document_compare_objects (gconstpointer a,
                               gconstpointer b)
{
  SortKey ka, kb;

  sort_key_init (&ka, *(SocObject **) a);
  sort_key_init (&kb, *(SocObject **) b);
  return compare_keys (&ka, &kb);
}

/* Sorts OBJECTS in that order, each key computed once. */
void
_soc_document_sort_objects (GPtrArray *objects)
{
  g_autofree SortKey *keys = g_new (SortKey, MAX (objects->len, 1));

  for (guint i = 0; i < objects->len; i++)
    sort_key_init (&keys[i], g_ptr_array_index (objects, i));
  qsort (keys, objects->len, sizeof (SortKey), compare_sort_keys);
  for (guint i = 0; i < objects->len; i++)
    g_ptr_array_index (objects, i) = keys[i].object;
}

/**
 * soc_document_get_referrers:
 * @self: a document
 * @object: an object of @self (for any other, the array is empty)
 *
 * The objects of the plan that refer to @object: the goals and items it
 * owns, the items of a lane, the items that serve a goal or depend on an
 * item, a stakeholder's relationships. Found in time proportional to their
 * number, not to the plan's size.
 *
 * Returns: (transfer container): the referrers, goals first, then items,
 * relationships and the rest, each in order of their ids
 */
GPtrArray *
soc_document_get_referrers (SocDocument *self,
                            SocObject   *object)
{
  GPtrArray *out;

  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (SOC_IS_OBJECT (object), NULL);

  out = g_ptr_array_new ();
  if (!_soc_document_contains (self, object))
    return out;
  _soc_document_foreach_referrer (self, object, collect, out);
  _soc_document_sort_objects (out);
  return out;
}
