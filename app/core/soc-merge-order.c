/* soc-merge-order.c: the order of merged lists, and merged kept content
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What all three versions of a list hold keeps the base order with the
 * moves of both sides (a move is an object outside the longest run that
 * kept its order); when both moved the same object differently, one side's
 * order is taken and that is a conflict. What only some versions hold goes
 * after the object it follows there, ours before theirs. Kept content (attributes
 * and elements of other namespaces or newer versions) merges like fields:
 * attributes by name, elements as a set.
 */

#define G_LOG_DOMAIN "soc-merge"

#include "config.h"

#include <string.h>

#include "soc-diff.h"
#include "soc-field-value.h"
#include "soc-merge-private.h"

#define SHOWN_IDS 20

static GPtrArray *
common_order (GPtrArray *seq,
              guint      stamp)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < seq->len; i++)
    {
      Entry *e = g_ptr_array_index (seq, i);
      if (e->stamp == stamp && e->in_mask == 7)
        g_ptr_array_add (out, e);
    }
  return out;
}

static gboolean
same_order (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

/* The ids of ORDER from FROM on, the first few of them: a list may be long. */
static char *
order_text (GPtrArray *order,
            guint      from)
{
  GString *s = g_string_new (from > 0 ? "… " : NULL);

  for (guint i = from; i < order->len && i < from + SHOWN_IDS; i++)
    {
      Entry *e = g_ptr_array_index (order, i);
      if (i > from)
        g_string_append_c (s, ' ');
      g_string_append (s, e->id != NULL ? e->id : e->key);
    }
  if (order->len > from + SHOWN_IDS)
    g_string_append (s, " …");
  return g_string_free (s, FALSE);
}

typedef struct
{
  Entry *head;
  Entry *tail;
} Chain;

static void
insert_after (Chain *c,
              Entry *after,
              Entry *e)
{
  e->placed = TRUE;
  if (after == NULL)
    {
      e->next = c->head;
      c->head = e;
    }
  else
    {
      e->next = after->next;
      after->next = e;
    }
  if (e->next == NULL)
    c->tail = e;
}

/* Marks in Entry.moved the objects SIDE moved, against the base order. */
static void
find_moved (GPtrArray *order,
            int        side)
{
  g_autofree guint *values = g_new (guint, order->len + 1);
  g_autofree gboolean *keep = g_new (gboolean, order->len + 1);

  for (guint i = 0; i < order->len; i++)
    values[i] = ((Entry *) g_ptr_array_index (order, i))->pos;
  soc_diff_longest_increasing (values, order->len, keep);
  for (guint i = 0; i < order->len; i++)
    if (!keep[i])
      ((Entry *) g_ptr_array_index (order, i))->moved |= 1u << side;
}

/* Puts back what SIDE moved, each after what it follows in SIDE's order. */
static void
put_back_moved (Chain     *c,
                GPtrArray *order,
                int        side)
{
  for (guint i = 0; i < order->len; i++)
    {
      Entry *e = g_ptr_array_index (order, i);
      Entry *after = NULL;

      if (e->placed || !(e->moved & (1u << side)))
        continue;
      for (guint k = i; k > 0 && after == NULL; k--)
        {
          Entry *p = g_ptr_array_index (order, k - 1);
          if (p->placed)
            after = p;
        }
      insert_after (c, after, e);
    }
}

/* The order of what all three versions hold: the base order with the moves
 * of both sides, or one side's order when both moved the same objects. */
static void
order_common (Merge      *m,
              GPtrArray  *common[N_SIDES],
              const char *element,
              Entry      *parent,
              Chain      *c)
{
  gboolean overlap = FALSE;
  GPtrArray *order = NULL;

  for (guint i = 0; i < common[SIDE_BASE]->len; i++)
    {
      Entry *e = g_ptr_array_index (common[SIDE_BASE], i);
      e->pos = i;
      e->moved = 0;
    }
  find_moved (common[SIDE_OURS], SIDE_OURS);
  find_moved (common[SIDE_THEIRS], SIDE_THEIRS);
  for (guint i = 0; i < common[SIDE_BASE]->len && !overlap; i++)
    overlap = ((Entry *) g_ptr_array_index (common[SIDE_BASE], i))->moved == ((1u << SIDE_OURS) | (1u << SIDE_THEIRS));

  if (same_order (common[SIDE_OURS], common[SIDE_THEIRS]))
    order = common[SIDE_OURS];
  else if (overlap)
    {
      SocMergeConflict *k = _soc_merge_conflict (m, SOC_MERGE_CONFLICT_ORDER, element,
                                                 parent != NULL ? parent->id : NULL,
                                                 parent != NULL ? _soc_merge_entry_label (m, parent) : NULL,
                                                 "order", NULL);
      guint from = 0;

      while (from < common[SIDE_OURS]->len &&
             g_ptr_array_index (common[SIDE_OURS], from) == g_ptr_array_index (common[SIDE_THEIRS], from))
        from++;
      g_free (k->base);
      g_free (k->ours);
      g_free (k->theirs);
      k->base = order_text (common[SIDE_BASE], from);
      k->ours = order_text (common[SIDE_OURS], from);
      k->theirs = order_text (common[SIDE_THEIRS], from);
      order = common[k->resolution == SOC_MERGE_THEIRS ? SIDE_THEIRS : SIDE_OURS];
    }

  if (order != NULL)
    {
      for (guint i = 0; i < order->len; i++)
        insert_after (c, c->tail, g_ptr_array_index (order, i));
      return;
    }

  /* Moves of different objects: both are taken. */
  for (guint i = 0; i < common[SIDE_BASE]->len; i++)
    {
      Entry *e = g_ptr_array_index (common[SIDE_BASE], i);
      if (e->moved == 0)
        insert_after (c, c->tail, e);
    }
  put_back_moved (c, common[SIDE_OURS], SIDE_OURS);
  put_back_moved (c, common[SIDE_THEIRS], SIDE_THEIRS);
}

/* Orders MEMBERS (the entries of one merged list) from the orders SEQ of
 * the three versions of that list, into OUT. */
void
_soc_merge_order (Merge      *m,
                  GPtrArray  *members,
                  GPtrArray  *seq[N_SIDES],
                  const char *element,
                  Entry      *parent,
                  GPtrArray  *out)
{
  static const int sides[] = { SIDE_OURS, SIDE_THEIRS, SIDE_BASE };
  guint stamp = ++m->stamp;
  GPtrArray *common[N_SIDES];
  Chain c = { NULL, NULL };

  for (guint i = 0; i < members->len; i++)
    {
      Entry *e = g_ptr_array_index (members, i);
      e->stamp = stamp;
      e->placed = FALSE;
      e->next = NULL;
      e->in_mask = 0;
    }
  for (int s = 0; s < N_SIDES; s++)
    for (guint i = 0; i < seq[s]->len; i++)
      {
        Entry *e = g_ptr_array_index (seq[s], i);
        if (e->stamp == stamp)
          e->in_mask |= 1u << s;
      }
  /* Most lists are the same in all three versions. */
  if (seq[SIDE_OURS]->len == members->len &&
      same_order (seq[SIDE_OURS], seq[SIDE_BASE]) && same_order (seq[SIDE_OURS], seq[SIDE_THEIRS]))
    {
      gboolean all = TRUE;

      for (guint i = 0; i < members->len && all; i++)
        all = ((Entry *) g_ptr_array_index (seq[SIDE_OURS], i))->stamp == stamp;
      if (all)
        {
          for (guint i = 0; i < members->len; i++)
            g_ptr_array_add (out, g_ptr_array_index (seq[SIDE_OURS], i));
          return;
        }
    }

  for (int s = 0; s < N_SIDES; s++)
    common[s] = common_order (seq[s], stamp);

  order_common (m, common, element, parent, &c);

  /* What only some versions hold: after what it follows there, and after
   * what only the sides before it added there (ours first). */
  for (guint o = 0; o < G_N_ELEMENTS (sides); o++)
    {
      GPtrArray *s = seq[sides[o]];
      guint known = (1u << sides[o]) | (1u << SIDE_BASE);
      Entry *prev = NULL;

      for (guint i = 0; i < s->len; i++)
        {
          Entry *e = g_ptr_array_index (s, i);

          if (e->stamp != stamp)
            continue;
          if (!e->placed)
            {
              Entry *after = prev;
              Entry *n = prev != NULL ? prev->next : c.head;

              while (n != NULL && (n->in_mask & known) == 0)
                {
                  after = n;
                  n = n->next;
                }
              insert_after (&c, after, e);
            }
          prev = e;
        }
    }

  for (guint i = 0; i < members->len; i++)
    {
      Entry *e = g_ptr_array_index (members, i);
      if (!e->placed)
        insert_after (&c, c.tail, e);
    }

  for (Entry *e = c.head; e != NULL; e = e->next)
    g_ptr_array_add (out, e);
  for (guint i = 0; i < members->len; i++)
    ((Entry *) g_ptr_array_index (members, i))->next = NULL;
  for (int s = 0; s < N_SIDES; s++)
    g_ptr_array_unref (common[s]);
}

/* ------------------------------------------------------------------------ */
/* Kept content                                                             */

static char *
attr_key (const SocXmlAttr *a)
{
  return a->ns != NULL ? g_strdup_printf ("{%s}%s", a->ns, a->name) : g_strdup (a->name);
}

static SocXmlAttr *
find_attr (SocExtras        *extras,
           const SocXmlAttr *like)
{
  for (guint i = 0; extras != NULL && extras->attrs != NULL && i < extras->attrs->len; i++)
    {
      SocXmlAttr *a = g_ptr_array_index (extras->attrs, i);
      if (g_strcmp0 (a->ns, like->ns) == 0 && g_strcmp0 (a->name, like->name) == 0)
        return a;
    }
  return NULL;
}

static GHashTable *
node_texts (SocExtras *extras)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; extras != NULL && extras->children != NULL && i < extras->children->len; i++)
    g_hash_table_add (set, soc_xml_node_to_text (g_ptr_array_index (extras->children, i)));
  return set;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const SocXmlNode *na = *(SocXmlNode **) a;
  const SocXmlNode *nb = *(SocXmlNode **) b;

  return na->position < nb->position ? -1 : na->position > nb->position;
}

/* A conflict on a kept attribute: the side to take. */
static gboolean
attr_conflict (Merge      *m,
               const char *element,
               const char *id,
               const char *label,
               SocXmlAttr *b,
               SocXmlAttr *o,
               SocXmlAttr *t)
{
  g_autofree char *key = attr_key (o != NULL ? o : t);
  SocMergeConflict *c = _soc_merge_conflict (m, SOC_MERGE_CONFLICT_FIELD, element, id, label, key, NULL);

  g_free (c->base);
  g_free (c->ours);
  g_free (c->theirs);
  c->base = g_strdup (b != NULL ? b->value : NULL);
  c->ours = g_strdup (o != NULL ? o->value : NULL);
  c->theirs = g_strdup (t != NULL ? t->value : NULL);
  return c->resolution == SOC_MERGE_THEIRS;
}

/* Kept content of one object or section from its three versions V: NULL
 * when one version can be copied as it is (*COPY_SIDE), else a new merge. */
SocExtras *
_soc_merge_extras (Merge      *m,
                   const char *element,
                   const char *id,
                   const char *label,
                   SocExtras  *v[N_SIDES],
                   int        *copy_side)
{
  g_autofree char *tb = soc_extras_to_text (v[SIDE_BASE]);
  g_autofree char *to = soc_extras_to_text (v[SIDE_OURS]);
  g_autofree char *tt = soc_extras_to_text (v[SIDE_THEIRS]);
  g_autoptr(GHashTable) base_nodes = NULL;
  g_autoptr(GHashTable) ours_nodes = NULL;
  g_autoptr(GHashTable) theirs_nodes = NULL;
  SocExtras *out;

  *copy_side = SIDE_OURS;
  if (g_strcmp0 (to, tt) == 0 || g_strcmp0 (tb, tt) == 0)
    return NULL;
  if (g_strcmp0 (tb, to) == 0)
    {
      *copy_side = SIDE_THEIRS;
      return NULL;
    }

  out = soc_extras_new ();

  /* Attributes, by name. */
  for (guint i = 0; v[SIDE_OURS] != NULL && v[SIDE_OURS]->attrs != NULL && i < v[SIDE_OURS]->attrs->len; i++)
    {
      SocXmlAttr *o = g_ptr_array_index (v[SIDE_OURS]->attrs, i);
      SocXmlAttr *b = find_attr (v[SIDE_BASE], o);
      SocXmlAttr *t = find_attr (v[SIDE_THEIRS], o);
      SocXmlAttr *take = o;

      if (t == NULL && b != NULL)
        {
          /* They removed it: gone, unless we changed it. */
          if (g_strcmp0 (b->value, o->value) == 0 || attr_conflict (m, element, id, label, b, o, NULL))
            continue;
        }
      else if (t != NULL && g_strcmp0 (o->value, t->value) != 0)
        {
          if (b != NULL && g_strcmp0 (o->value, b->value) == 0)
            take = t;
          else if (b == NULL || g_strcmp0 (t->value, b->value) != 0)
            take = attr_conflict (m, element, id, label, b, o, t) ? t : o;
        }
      soc_extras_add_attr (out, soc_xml_attr_copy (take));
    }
  for (guint i = 0; v[SIDE_THEIRS] != NULL && v[SIDE_THEIRS]->attrs != NULL && i < v[SIDE_THEIRS]->attrs->len; i++)
    {
      SocXmlAttr *t = g_ptr_array_index (v[SIDE_THEIRS]->attrs, i);
      SocXmlAttr *b = find_attr (v[SIDE_BASE], t);

      if (find_attr (v[SIDE_OURS], t) != NULL)
        continue;
      /* We removed it: gone, unless they changed it. */
      if (b != NULL && (g_strcmp0 (b->value, t->value) == 0 || !attr_conflict (m, element, id, label, b, NULL, t)))
        continue;
      soc_extras_add_attr (out, soc_xml_attr_copy (t));
    }

  /* Elements, as a set: ours without what they removed, and what they added. */
  base_nodes = node_texts (v[SIDE_BASE]);
  ours_nodes = node_texts (v[SIDE_OURS]);
  theirs_nodes = node_texts (v[SIDE_THEIRS]);
  for (guint i = 0; v[SIDE_OURS] != NULL && v[SIDE_OURS]->children != NULL && i < v[SIDE_OURS]->children->len; i++)
    {
      SocXmlNode *n = g_ptr_array_index (v[SIDE_OURS]->children, i);
      g_autofree char *text = soc_xml_node_to_text (n);

      if (g_hash_table_contains (base_nodes, text) && !g_hash_table_contains (theirs_nodes, text))
        continue;
      soc_extras_add_child (out, soc_xml_node_copy (n));
    }
  for (guint i = 0; v[SIDE_THEIRS] != NULL && v[SIDE_THEIRS]->children != NULL && i < v[SIDE_THEIRS]->children->len; i++)
    {
      SocXmlNode *n = g_ptr_array_index (v[SIDE_THEIRS]->children, i);
      g_autofree char *text = soc_xml_node_to_text (n);

      if (g_hash_table_contains (base_nodes, text) || g_hash_table_contains (ours_nodes, text))
        continue;
      soc_extras_add_child (out, soc_xml_node_copy (n));
    }
  /* The writer puts kept elements back by position, in order. */
  if (out->children != NULL)
    g_ptr_array_sort (out->children, compare_positions);

  return out;
}
