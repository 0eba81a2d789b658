/* soc-diff.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Objects are matched by id (overrides by factor, the plan by itself) and
 * compared through their field tables, so a new field is diffed the day it
 * is added. Changes come grouped by kind, in the order of the format:
 * within a kind, what was added, changed or moved in the new version's
 * order, then what was removed in the old version's order. What went with a
 * removed object (a goal's subtree, a lane's items, a stakeholder's
 * relationships) is counted on its line, not listed on its own. Moves are
 * the objects outside the longest run that kept its order, so moving one
 * object reports one move.
 */

#define G_LOG_DOMAIN "soc-diff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-diff.h"
#include "soc-enum-types.h"
#include "soc-field-value.h"
#include "soc-merge.h"

typedef enum {
  KIND_GOAL,
  KIND_LANE,
  KIND_PHASE,
  KIND_ITEM,
  KIND_STAKEHOLDER,
  KIND_RELATIONSHIP,
  KIND_OVERRIDE,
  N_KINDS
} Kind;

typedef struct
{
  SocDocument *old_doc;
  SocDocument *new_doc;
  GPtrArray   *lists[2][N_KINDS];  /* objects of each kind, in document order */
  GHashTable  *removed;            /* old object -> its SocDiffChange */
  GHashTable  *folded;             /* old object -> the removed object it went with */
  GHashTable  *position;           /* old object -> 1 + its place among its siblings */
  GPtrArray   *removed_changes[N_KINDS];
  GPtrArray   *out;
} Diff;

void
soc_diff_change_free (SocDiffChange *change)
{
  if (change == NULL)
    return;
  g_free (change->id);
  g_free (change->label);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->context_id);
  g_free (change->context_label);
  g_clear_pointer (&change->with, g_ptr_array_unref);
  g_free (change);
}

static SocDiffChange *
change_new (SocDiffKind  kind,
            SocObject   *object)
{
  SocDiffChange *c = g_new0 (SocDiffChange, 1);

  c->kind = kind;
  if (object != NULL)
    {
      SocObjectClass *klass = SOC_OBJECT_GET_CLASS (object);

      c->element = klass->element;
      if (SOC_IS_OVERRIDE (object))
        c->id = g_strdup (soc_enum_to_nick (SOC_TYPE_FACTOR, SOC_OVERRIDE (object)->factor));
      else
        c->id = g_strdup (soc_object_peek_id (object));
      if (klass->label_field >= 0)
        c->label = g_strdup (*(char **) SOC_FIELD_PTR (object, &klass->fields[klass->label_field]));
    }
  return c;
}

static GPtrArray *
collect (SocDocument *doc,
         Kind         kind)
{
  SocObjectList *lists[] = { NULL, doc->lanes, doc->phases, doc->items, doc->stakeholders,
                             doc->relationships, doc->overrides };
  SocObjectList *list = lists[kind];
  GPtrArray *out;

  if (kind == KIND_GOAL)
    return _soc_document_collect_goals (doc);
  out = g_ptr_array_sized_new (soc_object_list_get_size (list));
  for (guint i = 0; i < soc_object_list_get_size (list); i++)
    g_ptr_array_add (out, soc_object_list_get (list, i));
  return out;
}

/* The object of DOC that OBJECT (of the other document) is a version of. */
static SocObject *
counterpart (SocDocument *doc,
             SocObject   *object)
{
  SocObject *other;

  if (SOC_IS_PLAN (object))
    return SOC_OBJECT (doc->plan);
  if (SOC_IS_OVERRIDE (object))
    return SOC_OBJECT (soc_document_find_override (doc, SOC_OVERRIDE (object)->factor));
  other = g_hash_table_lookup (doc->ids, soc_object_peek_id (object));
  if (other == NULL || G_OBJECT_TYPE (other) != G_OBJECT_TYPE (object))
    return NULL;
  return other;
}

static const char *
ref_id (SocObject *target)
{
  return target != NULL ? soc_object_peek_id (target) : NULL;
}

static void
add_changed_fields (Diff      *d,
                    SocObject *old_object,
                    SocObject *new_object)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (new_object);
  g_autofree char *old_extras = NULL;
  g_autofree char *new_extras = NULL;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      SocDiffChange *c;

      if (soc_field_equal (old_object, NULL, new_object, NULL, f))
        continue;
      c = change_new (SOC_DIFF_CHANGED, new_object);
      c->field = f->name;
      c->field_label = f->label;
      c->old_value = soc_field_to_text (old_object, f, NULL);
      c->new_value = soc_field_to_text (new_object, f, NULL);
      c->text_value = f->kind == SOC_FIELD_STRING || f->kind == SOC_FIELD_TEXT;
      g_ptr_array_add (d->out, c);
    }

  old_extras = soc_extras_to_text (soc_object_get_extras (old_object));
  new_extras = soc_extras_to_text (soc_object_get_extras (new_object));
  if (g_strcmp0 (old_extras, new_extras) != 0)
    g_ptr_array_add (d->out, change_new (SOC_DIFF_KEPT, new_object));
}

/* ------------------------------------------------------------------------ */
/* Removed objects, and what went with them                                 */

static gboolean
is_removed (Diff      *d,
            SocObject *object)
{
  return object != NULL && (g_hash_table_contains (d->removed, object) ||
                            g_hash_table_contains (d->folded, object));
}

/* Counts OBJECT on the line of OWNER, or of what OWNER went with. */
static void
went_with (Diff      *d,
           SocObject *object,
           SocObject *owner)
{
  SocObject *top = g_hash_table_lookup (d->folded, owner);
  SocDiffChange *c;

  if (top == NULL)
    top = owner;
  c = g_hash_table_lookup (d->removed, top);
  if (c->with == NULL)
    c->with = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (c->with, g_strdup (soc_object_peek_id (object)));
  g_hash_table_insert (d->folded, object, top);
}

static void
find_removed (Diff *d)
{
  for (guint k = 0; k < N_KINDS; k++)
    {
      GPtrArray *list = d->lists[0][k];

      d->removed_changes[k] = g_ptr_array_new ();
      for (guint i = 0; i < list->len; i++)
        {
          SocObject *o = g_ptr_array_index (list, i);
          SocObject *owner = NULL;
          SocDiffChange *c;

          if (counterpart (d->new_doc, o) != NULL)
            continue;

          /* Goals come parents first, so a removed parent is already known. */
          if (SOC_IS_GOAL (o) && is_removed (d, SOC_OBJECT (SOC_GOAL (o)->parent)))
            owner = SOC_OBJECT (SOC_GOAL (o)->parent);
          else if (SOC_IS_ITEM (o) && is_removed (d, SOC_OBJECT (SOC_ITEM (o)->lane)))
            owner = SOC_OBJECT (SOC_ITEM (o)->lane);
          else if (SOC_IS_RELATIONSHIP (o) && is_removed (d, SOC_OBJECT (SOC_RELATIONSHIP (o)->from)))
            owner = SOC_OBJECT (SOC_RELATIONSHIP (o)->from);
          else if (SOC_IS_RELATIONSHIP (o) && is_removed (d, SOC_OBJECT (SOC_RELATIONSHIP (o)->to)))
            owner = SOC_OBJECT (SOC_RELATIONSHIP (o)->to);

          if (owner != NULL)
            {
              went_with (d, o, owner);
              continue;
            }
          c = change_new (SOC_DIFF_REMOVED, o);
          if (SOC_IS_RELATIONSHIP (o))
            {
              c->context_id = g_strdup (ref_id (SOC_OBJECT (SOC_RELATIONSHIP (o)->from)));
              c->context_label = g_strdup (ref_id (SOC_OBJECT (SOC_RELATIONSHIP (o)->to)));
            }
          g_hash_table_insert (d->removed, o, c);
          g_ptr_array_add (d->removed_changes[k], c);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Moves                                                                    */

/* Marks in KEEP the longest increasing run of VALUES (patience sorting):
 * what is not kept is what moved. */
void
soc_diff_longest_increasing (const guint *values,
                    guint        n,
                    gboolean    *keep)
{
  g_autofree guint *tails = g_new (guint, n + 1);   /* index of the smallest tail of each length */
  g_autofree guint *prev = g_new (guint, n + 1);
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint lo = 0, hi = length;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (values[tails[mid]] < values[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = i;
      if (lo == length)
        length++;
      keep[i] = FALSE;
    }
  for (guint i = length > 0 ? tails[length - 1] : G_MAXUINT; i != G_MAXUINT; i = prev[i])
    keep[i] = TRUE;
}

static void
number_siblings (GHashTable    *position,
                 SocObjectList *list)
{
  for (guint i = 0; i < soc_object_list_get_size (list); i++)
    g_hash_table_insert (position, soc_object_list_get (list, i), GUINT_TO_POINTER (i + 1));
}

/* Finds, in one list of NEW_DOC, the objects that kept their list but not
 * their place, and records each in MOVED (object -> the one it now follows,
 * or itself when it is now first). */
static void
find_moves_in (Diff          *d,
               SocObjectList *list,
               GHashTable    *moved)
{
  guint n = soc_object_list_get_size (list);
  g_autofree guint *values = g_new (guint, n + 1);
  g_autofree guint *index = g_new (guint, n + 1);
  g_autofree gboolean *keep = g_new (gboolean, n + 1);
  guint m = 0;

  for (guint i = 0; i < n; i++)
    {
      SocObject *o = soc_object_list_get (list, i);
      SocObject *old = counterpart (d->old_doc, o);
      guint pos;

      if (old == NULL)
        continue;
      if (SOC_IS_GOAL (o) && g_strcmp0 (ref_id (SOC_OBJECT (SOC_GOAL (o)->parent)),
                                        ref_id (SOC_OBJECT (SOC_GOAL (old)->parent))) != 0)
        continue;
      pos = GPOINTER_TO_UINT (g_hash_table_lookup (d->position, old));
      values[m] = pos;
      index[m] = i;
      m++;
    }
  soc_diff_longest_increasing (values, m, keep);
  for (guint k = 0; k < m; k++)
    if (!keep[k])
      {
        SocObject *o = soc_object_list_get (list, index[k]);
        g_hash_table_insert (moved, o, index[k] > 0 ? soc_object_list_get (list, index[k] - 1) : o);
      }
}

static GHashTable *
find_moves (Diff *d)
{
  GHashTable *moved = g_hash_table_new (NULL, NULL);
  SocDocument *o = d->old_doc, *n = d->new_doc;
  SocObjectList *flat_old[] = { o->lanes, o->phases, o->items, o->stakeholders, o->relationships, o->overrides };
  SocObjectList *flat_new[] = { n->lanes, n->phases, n->items, n->stakeholders, n->relationships, n->overrides };
  GPtrArray *goals;

  d->position = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (flat_old); i++)
    number_siblings (d->position, flat_old[i]);
  number_siblings (d->position, o->goals);
  goals = d->lists[0][KIND_GOAL];
  for (guint i = 0; i < goals->len; i++)
    number_siblings (d->position, SOC_GOAL (g_ptr_array_index (goals, i))->children);

  for (guint i = 0; i < G_N_ELEMENTS (flat_new); i++)
    find_moves_in (d, flat_new[i], moved);
  find_moves_in (d, n->goals, moved);
  goals = d->lists[1][KIND_GOAL];
  for (guint i = 0; i < goals->len; i++)
    find_moves_in (d, SOC_GOAL (g_ptr_array_index (goals, i))->children, moved);
  return moved;
}

/* ------------------------------------------------------------------------ */
/* Putting it together                                                      */

/* Kept content without the records of merge conflicts, which are told apart. */
static char *
kept_text (SocExtras *extras)
{
  SocExtras without = { 0 };
  g_autoptr(GPtrArray) children = g_ptr_array_new ();

  if (extras == NULL)
    return NULL;
  for (guint i = 0; extras->children != NULL && i < extras->children->len; i++)
    {
      SocXmlNode *n = g_ptr_array_index (extras->children, i);
      if (g_strcmp0 (n->ns, SOC_MERGE_NAMESPACE) != 0)
        g_ptr_array_add (children, n);
    }
  without.attrs = extras->attrs;
  without.children = children;
  return soc_extras_to_text (&without);
}

static void
add_kept_section (Diff       *d,
                  SocExtras  *old_extras,
                  SocExtras  *new_extras,
                  const char *element)
{
  g_autofree char *a = kept_text (old_extras);
  g_autofree char *b = kept_text (new_extras);

  if (g_strcmp0 (a, b) != 0)
    {
      SocDiffChange *c = change_new (SOC_DIFF_KEPT, NULL);
      c->element = element;
      g_ptr_array_add (d->out, c);
    }
}

/* Merge conflicts recorded in one version and not in the other. */
static void
add_conflicts (Diff *d)
{
  g_autoptr(GPtrArray) before = soc_merge_read_conflicts (d->old_doc);
  g_autoptr(GPtrArray) after = soc_merge_read_conflicts (d->new_doc);
  g_autoptr(GHashTable) old_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) new_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < before->len; i++)
    g_hash_table_add (old_lines, soc_merge_conflict_describe (g_ptr_array_index (before, i)));
  for (guint i = 0; i < after->len; i++)
    g_hash_table_add (new_lines, soc_merge_conflict_describe (g_ptr_array_index (after, i)));

  for (guint i = 0; i < after->len; i++)
    {
      g_autofree char *line = soc_merge_conflict_describe (g_ptr_array_index (after, i));
      if (!g_hash_table_contains (old_lines, line))
        {
          SocDiffChange *c = change_new (SOC_DIFF_CONFLICT, NULL);
          c->element = "socplan";
          c->new_value = g_steal_pointer (&line);
          g_ptr_array_add (d->out, c);
        }
    }
  for (guint i = 0; i < before->len; i++)
    {
      g_autofree char *line = soc_merge_conflict_describe (g_ptr_array_index (before, i));
      if (!g_hash_table_contains (new_lines, line))
        {
          SocDiffChange *c = change_new (SOC_DIFF_CONFLICT, NULL);
          c->element = "socplan";
          c->old_value = g_steal_pointer (&line);
          g_ptr_array_add (d->out, c);
        }
    }
}

/* The changes from OLD_DOC to NEW_DOC, in a stable order: an empty array
 * when they hold the same plan. */
GPtrArray *
soc_diff_documents (SocDocument *old_doc,
                    SocDocument *new_doc)
{
  static const char *const sections[] = { "socplan", "goals", "roadmap", "stakeholders", "checklist" };
  Diff d = { 0 };
  g_autoptr(GHashTable) moved = NULL;

  g_return_val_if_fail (SOC_IS_DOCUMENT (old_doc), NULL);
  g_return_val_if_fail (SOC_IS_DOCUMENT (new_doc), NULL);

  d.old_doc = old_doc;
  d.new_doc = new_doc;
  d.out = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_diff_change_free);
  d.removed = g_hash_table_new (NULL, NULL);
  d.folded = g_hash_table_new (NULL, NULL);
  for (guint k = 0; k < N_KINDS; k++)
    {
      d.lists[0][k] = collect (old_doc, k);
      d.lists[1][k] = collect (new_doc, k);
    }

  if (old_doc->format_minor != new_doc->format_minor)
    {
      SocDiffChange *c = change_new (SOC_DIFF_VERSION, NULL);
      c->element = "socplan";
      c->old_value = g_strdup_printf ("%d.%u", SOC_FORMAT_MAJOR, old_doc->format_minor);
      c->new_value = g_strdup_printf ("%d.%u", SOC_FORMAT_MAJOR, new_doc->format_minor);
      g_ptr_array_add (d.out, c);
    }

  add_changed_fields (&d, SOC_OBJECT (old_doc->plan), SOC_OBJECT (new_doc->plan));

  find_removed (&d);
  moved = find_moves (&d);

  for (guint k = 0; k < N_KINDS; k++)
    {
      GPtrArray *list = d.lists[1][k];

      for (guint i = 0; i < list->len; i++)
        {
          SocObject *o = g_ptr_array_index (list, i);
          SocObject *old = counterpart (old_doc, o);
          SocObject *after;

          if (old == NULL)
            {
              SocDiffChange *c = change_new (SOC_DIFF_ADDED, o);
              SocObject *context = NULL;

              if (SOC_IS_GOAL (o))
                context = SOC_OBJECT (SOC_GOAL (o)->parent);
              else if (SOC_IS_ITEM (o))
                context = SOC_OBJECT (SOC_ITEM (o)->lane);
              else if (SOC_IS_RELATIONSHIP (o))
                {
                  c->context_id = g_strdup (ref_id (SOC_OBJECT (SOC_RELATIONSHIP (o)->from)));
                  c->context_label = g_strdup (ref_id (SOC_OBJECT (SOC_RELATIONSHIP (o)->to)));
                }
              if (context != NULL)
                {
                  c->context_id = g_strdup (soc_object_peek_id (context));
                  c->context_label = g_strdup (soc_object_get_label (context));
                }
              g_ptr_array_add (d.out, c);
              continue;
            }

          add_changed_fields (&d, old, o);
          if (g_hash_table_lookup_extended (moved, o, NULL, (gpointer *) &after))
            {
              SocDiffChange *c = change_new (SOC_DIFF_MOVED, o);
              if (after != o)
                {
                  c->context_id = g_strdup (SOC_IS_OVERRIDE (after)
                                            ? soc_enum_to_nick (SOC_TYPE_FACTOR, SOC_OVERRIDE (after)->factor)
                                            : soc_object_peek_id (after));
                  c->context_label = g_strdup (soc_object_get_label (after));
                }
              g_ptr_array_add (d.out, c);
            }
        }

      for (guint i = 0; i < d.removed_changes[k]->len; i++)
        g_ptr_array_add (d.out, g_ptr_array_index (d.removed_changes[k], i));
    }

  for (guint i = 0; i < SOC_N_CONTAINERS; i++)
    add_kept_section (&d, old_doc->extras[i], new_doc->extras[i], sections[i]);
  add_conflicts (&d);

  for (guint k = 0; k < N_KINDS; k++)
    {
      g_ptr_array_unref (d.lists[0][k]);
      g_ptr_array_unref (d.lists[1][k]);
      g_ptr_array_unref (d.removed_changes[k]);
    }
  g_hash_table_unref (d.removed);
  g_hash_table_unref (d.folded);
  g_hash_table_unref (d.position);
  return d.out;
}

/* ------------------------------------------------------------------------ */
/* In words                                                                 */

#define SHORT_TEXT 60

/* VALUE as a line shows it: free text quoted and cut short, "(none)" for
 * no value. */
char *
soc_diff_quote_value (const char *value,
                      gboolean    is_text)
{
  g_autoptr(GString) s = NULL;
  const char *p;
  guint n = 0;

  if (value == NULL)
    return g_strdup (_("(none)"));
  if (!is_text)
    return g_strdup (value);

  s = g_string_new ("“");
  for (p = value; *p != '\0' && n < SHORT_TEXT; p = g_utf8_next_char (p), n++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (s, ' ');
      else
        g_string_append_len (s, p, g_utf8_next_char (p) - p);
    }
  if (*p != '\0')
    g_string_append (s, "…");
  g_string_append (s, "”");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* “Title”, or "(no title)". */
static char *
quoted_label (const char *label)
{
  if (label == NULL)
    return g_strdup (_("(no title)"));
  return soc_diff_quote_value (label, TRUE);
}

/* What a line says an object is: "Goal g12 “Raise retention”". */
char *
soc_diff_subject (const char *element,
                  const char *id,
                  const char *label)
{
  g_autofree char *quoted = quoted_label (label);

  if (g_str_equal (element, "plan"))
    return g_strdup (_("Plan"));
  if (g_str_equal (element, "goal"))
    return g_strdup_printf (_("Goal %s %s"), id, quoted);
  if (g_str_equal (element, "lane"))
    return g_strdup_printf (_("Lane %s %s"), id, quoted);
  if (g_str_equal (element, "phase"))
    return g_strdup_printf (_("Phase %s %s"), id, quoted);
  if (g_str_equal (element, "item"))
    return g_strdup_printf (_("Item %s %s"), id, quoted);
  if (g_str_equal (element, "stakeholder"))
    return g_strdup_printf (_("Stakeholder %s %s"), id, quoted);
  if (g_str_equal (element, "relationship"))
    return g_strdup_printf (_("Relationship %s"), id);
  if (g_str_equal (element, "override"))
    return g_strdup_printf (_("Judgement of “%s”"), id);
  return g_strdup (element);
}

/* The same within a sentence: "goal g12 “Raise retention”". */
char *
soc_diff_object_phrase (const char *element,
                        const char *id,
                        const char *label)
{
  g_autofree char *quoted = quoted_label (label);

  if (g_str_equal (element, "plan"))
    return g_strdup (_("the plan"));
  if (g_str_equal (element, "goal"))
    return g_strdup_printf (_("goal %s %s"), id, quoted);
  if (g_str_equal (element, "lane"))
    return g_strdup_printf (_("lane %s %s"), id, quoted);
  if (g_str_equal (element, "phase"))
    return g_strdup_printf (_("phase %s %s"), id, quoted);
  if (g_str_equal (element, "item"))
    return g_strdup_printf (_("item %s %s"), id, quoted);
  if (g_str_equal (element, "stakeholder"))
    return g_strdup_printf (_("stakeholder %s %s"), id, quoted);
  if (g_str_equal (element, "relationship"))
    return g_strdup_printf (_("relationship %s"), id);
  if (g_str_equal (element, "override"))
    return g_strdup_printf (_("the judgement of “%s”"), id);
  return g_strdup (element);
}

static char *
subject (const SocDiffChange *c)
{
  return soc_diff_subject (c->element, c->id, c->label);
}

static char *
describe_added (const SocDiffChange *c)
{
  g_autofree char *label = quoted_label (c->label);
  g_autofree char *context = quoted_label (c->context_label);
  const char *e = c->element;

  if (g_str_equal (e, "goal"))
    return c->context_id != NULL
      ? g_strdup_printf (_("Added goal %s %s under %s %s"), c->id, label, c->context_id, context)
      : g_strdup_printf (_("Added goal %s %s"), c->id, label);
  if (g_str_equal (e, "lane"))
    return g_strdup_printf (_("Added lane %s %s"), c->id, label);
  if (g_str_equal (e, "phase"))
    return g_strdup_printf (_("Added phase %s %s"), c->id, label);
  if (g_str_equal (e, "item"))
    return g_strdup_printf (_("Added item %s %s in lane %s"), c->id, label, context);
  if (g_str_equal (e, "stakeholder"))
    return g_strdup_printf (_("Added stakeholder %s %s"), c->id, label);
  if (g_str_equal (e, "relationship"))
    return g_strdup_printf (_("Added relationship %s from %s to %s"), c->id, c->context_id, c->context_label);
  return g_strdup_printf (_("Added a judgement of “%s”"), c->id);
}

static char *
describe_removed (const SocDiffChange *c)
{
  g_autofree char *label = quoted_label (c->label);
  guint n = c->with != NULL ? c->with->len : 0;
  const char *e = c->element;

  if (g_str_equal (e, "goal"))
    return n > 0
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed goal %s %s and %u sub-goal",
                                      "Removed goal %s %s and %u sub-goals", n), c->id, label, n)
      : g_strdup_printf (_("Removed goal %s %s"), c->id, label);
  if (g_str_equal (e, "lane"))
    return n > 0
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed lane %s %s and %u item",
                                      "Removed lane %s %s and %u items", n), c->id, label, n)
      : g_strdup_printf (_("Removed lane %s %s"), c->id, label);
  if (g_str_equal (e, "phase"))
    return g_strdup_printf (_("Removed phase %s %s"), c->id, label);
  if (g_str_equal (e, "item"))
    return g_strdup_printf (_("Removed item %s %s"), c->id, label);
  if (g_str_equal (e, "stakeholder"))
    return n > 0
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed stakeholder %s %s and %u relationship",
                                      "Removed stakeholder %s %s and %u relationships", n), c->id, label, n)
      : g_strdup_printf (_("Removed stakeholder %s %s"), c->id, label);
  if (g_str_equal (e, "relationship"))
    return g_strdup_printf (_("Removed relationship %s from %s to %s"), c->id, c->context_id, c->context_label);
  return g_strdup_printf (_("Removed the judgement of “%s”"), c->id);
}

static const char *
section_label (const char *element)
{
  if (g_str_equal (element, "goals"))
    return _("the goals");
  if (g_str_equal (element, "roadmap"))
    return _("the roadmap");
  if (g_str_equal (element, "stakeholders"))
    return _("the stakeholder map");
  if (g_str_equal (element, "checklist"))
    return _("the checklist");
  return _("the plan file");
}

/* One line, in the reader's language, saying what CHANGE is. */
char *
soc_diff_change_describe (const SocDiffChange *c)
{
  g_return_val_if_fail (c != NULL, NULL);

  switch (c->kind)
    {
    case SOC_DIFF_VERSION:
      return g_strdup_printf (_("Format version %s → %s"), c->old_value, c->new_value);
    case SOC_DIFF_ADDED:
      return describe_added (c);
    case SOC_DIFF_REMOVED:
      return describe_removed (c);
    case SOC_DIFF_CHANGED:
      {
        g_autofree char *who = subject (c);
        g_autofree char *a = soc_diff_quote_value (c->old_value, c->text_value);
        g_autofree char *b = soc_diff_quote_value (c->new_value, c->text_value);

        /* Translators: an object, a field, its old value, its new value */
        return g_strdup_printf (_("%s: %s %s → %s"), who, _(c->field_label), a, b);
      }
    case SOC_DIFF_MOVED:
      {
        g_autofree char *who = subject (c);
        g_autofree char *after = quoted_label (c->context_label);

        if (c->context_id == NULL)
          return g_strdup_printf (_("%s: moved to the top"), who);
        /* Translators: an object, then the id and title of the one it now follows */
        return g_strdup_printf (_("%s: moved after %s %s"), who, c->context_id, after);
      }
    case SOC_DIFF_KEPT:
      if (c->id == NULL && !g_str_equal (c->element, "plan"))
        return g_strdup_printf (_("Content of another program or a newer version changed in %s"),
                                section_label (c->element));
      else
        {
          g_autofree char *who = subject (c);
          return g_strdup_printf (_("%s: content of another program or a newer version changed"), who);
        }
    case SOC_DIFF_CONFLICT:
      if (c->new_value != NULL)
        /* Translators: a merge conflict, in words */
        return g_strdup_printf (_("Unresolved merge conflict: %s"), c->new_value);
      return g_strdup_printf (_("Merge conflict resolved: %s"), c->old_value);
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------------ */
/* A plan as lines, for git's textconv                                      */

static void
append_full_text (GString    *out,
                  const char *text)
{
  g_string_append (out, "“");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, "”");
}

static void
append_object_line (GString   *out,
                    SocObject *object)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (object);
  SocDiffChange *c = change_new (SOC_DIFF_CHANGED, object);
  g_autofree char *who = subject (c);
  g_autofree char *extras = soc_extras_to_text (soc_object_get_extras (object));
  gboolean first = TRUE;

  g_string_append (out, who);
  g_string_append_c (out, ':');
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      g_autofree char *value = soc_field_to_text (object, f, NULL);

      if (value == NULL)
        continue;
      g_string_append (out, first ? " " : ", ");
      g_string_append (out, f->name);
      g_string_append_c (out, ' ');
      if (f->kind == SOC_FIELD_TEXT || f->kind == SOC_FIELD_STRING)
        append_full_text (out, value);
      else
        g_string_append (out, value);
      first = FALSE;
    }
  if (extras != NULL)
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, extras, -1);
      g_string_append_printf (out, "%skept-content %.12s", first ? " " : ", ", sum);
    }
  g_string_append_c (out, '\n');
  soc_diff_change_free (c);
}

/* DOC as lines of text, one object a line in the order of the file, each
 * with every field it sets: what git's textconv diffs line by line. */
char *
soc_diff_document_to_text (SocDocument *doc)
{
  static const char *const sections[] = { "socplan", "goals", "roadmap", "stakeholders", "checklist" };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (SOC_IS_DOCUMENT (doc), NULL);

  g_string_append_printf (out, "socplan %d.%u\n", SOC_FORMAT_MAJOR, doc->format_minor);
  append_object_line (out, SOC_OBJECT (doc->plan));
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autoptr(GPtrArray) list = collect (doc, k);

      for (guint i = 0; i < list->len; i++)
        append_object_line (out, g_ptr_array_index (list, i));
    }
  for (guint i = 0; i < SOC_N_CONTAINERS; i++)
    {
      g_autofree char *extras = kept_text (doc->extras[i]);

      if (extras != NULL)
        {
          g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, extras, -1);
          g_string_append_printf (out, "<%s>: kept-content %.12s\n", sections[i], sum);
        }
    }
  {
    g_autoptr(GPtrArray) conflicts = soc_merge_read_conflicts (doc);

    for (guint i = 0; i < conflicts->len; i++)
      {
        g_autofree char *line = soc_merge_conflict_describe (g_ptr_array_index (conflicts, i));
        g_string_append_printf (out, "merge-conflict %s\n", line);
      }
  }
  return g_string_free (out, FALSE);
}
