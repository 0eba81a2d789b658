/* soc-merge-conflict.c: merge conflicts, in words and in the plan file
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A merged plan that still holds conflicts records them as content of its
 * own namespace at the end of the root (data/FORMAT.md, "Merge
 * conflicts"), which every reader keeps and writes back unchanged:
 *
 *   <merge:conflicts xmlns:merge="https://socplan.github.io/ns/merge">
 *     <merge:conflict kind="field" element="goal" id="g12" field="status"
 *                     base="planned" ours="on-track" theirs="at-risk"/>
 *   </merge:conflicts>
 *
 * Objects the merge left out for a conflict (what they changed in what we
 * deleted) go inside its record, as they were, so nothing is lost.
 */

#define G_LOG_DOMAIN "soc-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-diff.h"
#include "soc-enum-types.h"
#include "soc-field-value.h"
#include "soc-merge-private.h"

static const char *const kind_tokens[] = { "field", "deleted", "rule", "cycle", "order" };

SocMergeConflict *
_soc_merge_conflict_new (void)
{
  return g_new0 (SocMergeConflict, 1);
}

void
soc_merge_conflict_free (SocMergeConflict *c)
{
  if (c == NULL)
    return;
  g_free (c->element);
  g_free (c->id);
  g_free (c->label);
  g_free (c->field);
  g_free (c->base);
  g_free (c->ours);
  g_free (c->theirs);
  g_free (c->reason);
  g_free (c->ref_element);
  g_free (c->ref_id);
  g_free (c->ref_label);
  g_free (c->ref_field);
  g_clear_pointer (&c->left_out, g_ptr_array_unref);
  g_free (c);
}

/* What names the conflict in the CHOICES of soc_merge_documents(): stable
 * from one merge of the same versions to the next. */
char *
soc_merge_conflict_key (const SocMergeConflict *c)
{
  g_return_val_if_fail (c != NULL, NULL);

  return g_strdup_printf ("%s:%s:%s", c->element, c->id != NULL ? c->id : "",
                          c->field != NULL ? c->field : "");
}

static SocObjectClass *
class_for_element (const char *element)
{
  const GType types[] = { SOC_TYPE_PLAN, SOC_TYPE_GOAL, SOC_TYPE_LANE, SOC_TYPE_PHASE, SOC_TYPE_ITEM,
                          SOC_TYPE_STAKEHOLDER, SOC_TYPE_RELATIONSHIP, SOC_TYPE_OVERRIDE };

  /* The classes of static types live as long as the program. */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_strcmp0 (SOC_OBJECT_CLASS (klass)->element, element) == 0)
        return SOC_OBJECT_CLASS (klass);
    }
  return NULL;
}

static const SocField *
field_for (const char *element,
           const char *field)
{
  SocObjectClass *klass = class_for_element (element);

  if (klass == NULL || field == NULL)
    return NULL;
  return soc_object_class_find_field (klass, field, strlen (field));
}

static char *
order_subject (const SocMergeConflict *c)
{
  const char *e = c->element;

  if (c->id != NULL)
    {
      g_autofree char *parent = soc_diff_subject ("goal", c->id, c->label);
      /* Translators: a goal, as in "Goal g3 “Raise retention”" */
      return g_strdup_printf (_("The sub-goals of %s"), parent);
    }
  if (g_str_equal (e, "goal"))
    return g_strdup (_("The top-level goals"));
  if (g_str_equal (e, "lane"))
    return g_strdup (_("The lanes"));
  if (g_str_equal (e, "phase"))
    return g_strdup (_("The phases"));
  if (g_str_equal (e, "item"))
    return g_strdup (_("The roadmap items"));
  if (g_str_equal (e, "stakeholder"))
    return g_strdup (_("The stakeholders"));
  if (g_str_equal (e, "relationship"))
    return g_strdup (_("The relationships"));
  return g_strdup (_("The judgements"));
}

static const char *
rule_reason (const char *element)
{
  if (g_str_equal (element, "item"))
    return _("together the dates would break the rules of a roadmap item");
  if (g_str_equal (element, "phase"))
    return _("together the phase would end before it starts");
  if (g_str_equal (element, "plan"))
    return _("together the horizon would end before it starts");
  if (g_str_equal (element, "relationship"))
    return _("together the relationship would join a stakeholder to itself");
  return _("together they would break a rule of the format");
}

/* What the conflict is about, as a line begins: "Goal g8 “Answer
 * customers faster”", or "The roadmap items" for an order. */
char *
soc_merge_conflict_get_subject (const SocMergeConflict *c)
{
  g_return_val_if_fail (c != NULL, NULL);

  if (c->kind == SOC_MERGE_CONFLICT_ORDER)
    return order_subject (c);
  return soc_diff_subject (c->element, c->id, c->label);
}

static char *
why (const SocMergeConflict *c)
{
  if (c->kind == SOC_MERGE_CONFLICT_CYCLE)
    return g_strdup_printf (g_strcmp0 (c->field, "parent") == 0
                            ? _("the goal tree would have a cycle: %s")
                            : _("the dependencies would have a cycle: %s"),
                            c->reason != NULL ? c->reason : "");
  if (c->kind == SOC_MERGE_CONFLICT_RULE)
    return g_strdup (rule_reason (c->element));
  return NULL;
}

/* What went wrong, without the values: the field ("status"), with why it
 * is a conflict when that is not plain ("end (together the dates …)"), or
 * what happened to a deleted object. */
char *
soc_merge_conflict_get_issue (const SocMergeConflict *c)
{
  g_return_val_if_fail (c != NULL, NULL);

  if (c->kind == SOC_MERGE_CONFLICT_ORDER)
    return g_strdup (_("reordered on both sides, differently"));

  if (c->kind == SOC_MERGE_CONFLICT_DELETED)
    {
      gboolean ours_deleted = g_strcmp0 (c->ours, "deleted") == 0;
      const char *other = ours_deleted ? c->theirs : c->ours;

      if (g_strcmp0 (other, "refers") == 0 && c->ref_element != NULL)
        {
          g_autofree char *ref = soc_diff_object_phrase (c->ref_element, c->ref_id, c->ref_label);
          return ours_deleted
            /* Translators: the object of theirs that refers to what we deleted */
            ? g_strdup_printf (_("deleted by us, but their %s refers to it"), ref)
            : g_strdup_printf (_("deleted by them, but our %s refers to it"), ref);
        }
      return g_strdup (ours_deleted ? _("deleted by us, changed by them") : _("changed by us, deleted by them"));
    }

  {
    const SocField *f = field_for (c->element, c->field);
    const char *field = f != NULL ? _(f->label) : c->field;
    g_autofree char *reason = why (c);

    if (reason != NULL)
      /* Translators: a field, then why both sides' values cannot stay */
      return g_strdup_printf (_("%s (%s)"), field, reason);
    return g_strdup (field);
  }
}

/* One line that names the object, the field and both values. */
char *
soc_merge_conflict_describe (const SocMergeConflict *c)
{
  g_autofree char *who = NULL;
  g_autofree char *issue = NULL;

  g_return_val_if_fail (c != NULL, NULL);

  who = soc_merge_conflict_get_subject (c);
  issue = soc_merge_conflict_get_issue (c);

  if (c->kind == SOC_MERGE_CONFLICT_ORDER)
    /* Translators: "The roadmap items: reordered on both sides, differently", then the ids in each order */
    return g_strdup_printf (_("%s: %s: ours %s, theirs %s"), who, issue, c->ours, c->theirs);
  if (c->kind == SOC_MERGE_CONFLICT_DELETED)
    /* Translators: an object, then what happened to it on each side */
    return g_strdup_printf (_("%s: %s"), who, issue);

  {
    const SocField *f = field_for (c->element, c->field);
    gboolean text = f == NULL || f->kind == SOC_FIELD_TEXT || f->kind == SOC_FIELD_STRING;
    const char *field = f != NULL ? _(f->label) : c->field;
    g_autofree char *ours = soc_diff_quote_value (c->ours, text);
    g_autofree char *theirs = soc_diff_quote_value (c->theirs, text);
    g_autofree char *reason = why (c);

    if (reason != NULL)
      /* Translators: an object, a field, our value, their value, then why they cannot both stay */
      return g_strdup_printf (_("%s: %s: ours %s, theirs %s (%s)"), who, field, ours, theirs, reason);
    /* Translators: an object, a field, our value, their value */
    return g_strdup_printf (_("%s: %s: ours %s, theirs %s"), who, field, ours, theirs);
  }
}

/* The values of a side as a person reads them: free text quoted, "(none)". */
char *
soc_merge_conflict_format_value (const SocMergeConflict *c,
                                 const char             *value)
{
  const SocField *f;

  g_return_val_if_fail (c != NULL, NULL);

  if (c->kind == SOC_MERGE_CONFLICT_DELETED)
    {
      if (g_strcmp0 (value, "deleted") == 0)
        return g_strdup (_("deleted"));
      if (g_strcmp0 (value, "refers") == 0)
        return g_strdup (_("kept, still in use"));
      return g_strdup (_("kept, changed"));
    }
  if (c->kind == SOC_MERGE_CONFLICT_ORDER)
    return g_strdup (value);
  f = field_for (c->element, c->field);
  return soc_diff_quote_value (value, f == NULL || f->kind == SOC_FIELD_TEXT || f->kind == SOC_FIELD_STRING);
}

/* ------------------------------------------------------------------------ */
/* Objects left out, as kept content                                        */

static void
add_attr (SocXmlNode *node,
          const char *name,
          const char *value)
{
  if (value == NULL)
    return;
  if (node->attrs == NULL)
    node->attrs = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_xml_attr_free);
  g_ptr_array_add (node->attrs, soc_xml_attr_new (NULL, NULL, name, value));
}

static void
add_child (SocXmlNode *node,
           SocXmlNode *child)
{
  if (node->children == NULL)
    node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_xml_node_free);
  g_ptr_array_add (node->children, child);
}

/* OBJECT as an element of the plan's namespace, as the file would hold it. */
SocXmlNode *
_soc_merge_object_node (SocObject  *object,
                        GHashTable *renames)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (object);
  SocXmlNode *node = soc_xml_node_new (SOC_FORMAT_NAMESPACE, NULL, klass->element);
  SocExtras *extras = soc_object_get_extras (object);
  const char *id = soc_field_ref_id (object, renames);

  add_attr (node, "id", id);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      g_autofree char *value = NULL;

      if (f->kind == SOC_FIELD_TEXT || f->kind == SOC_FIELD_REFLIST)
        continue;
      value = soc_field_to_text (object, f, renames);
      add_attr (node, f->name, value);
    }
  for (guint i = 0; extras != NULL && extras->attrs != NULL && i < extras->attrs->len; i++)
    {
      if (node->attrs == NULL)
        node->attrs = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_xml_attr_free);
      g_ptr_array_add (node->attrs, soc_xml_attr_copy (g_ptr_array_index (extras->attrs, i)));
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      gpointer p = SOC_FIELD_PTR (object, f);

      if (f->kind == SOC_FIELD_TEXT && *(char **) p != NULL)
        {
          SocXmlNode *child = soc_xml_node_new (SOC_FORMAT_NAMESPACE, NULL, f->name);
          SocXmlNode *text = soc_xml_node_new (NULL, NULL, NULL);

          text->text = g_strdup (*(char **) p);
          add_child (child, text);
          add_child (node, child);
        }
      else if (f->kind == SOC_FIELD_REFLIST && *(GPtrArray **) p != NULL)
        {
          GPtrArray *list = *(GPtrArray **) p;

          for (guint k = 0; k < list->len; k++)
            {
              SocXmlNode *child = soc_xml_node_new (SOC_FORMAT_NAMESPACE, NULL, f->name);
              add_attr (child, f->ref_attr, soc_field_ref_id (g_ptr_array_index (list, k), renames));
              add_child (node, child);
            }
        }
    }
  for (guint i = 0; extras != NULL && extras->children != NULL && i < extras->children->len; i++)
    {
      SocXmlNode *copy = soc_xml_node_copy (g_ptr_array_index (extras->children, i));
      copy->position = 0;
      add_child (node, copy);
    }
  return node;
}

void
_soc_merge_leave_out (SocMergeConflict *c,
                      SocObject        *object,
                      GHashTable       *renames)
{
  if (c->left_out == NULL)
    c->left_out = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_xml_node_free);
  g_ptr_array_add (c->left_out, _soc_merge_object_node (object, renames));
}

/* ------------------------------------------------------------------------ */
/* The record in the file                                                   */

static SocXmlNode *
record_node (GPtrArray *conflicts)
{
  SocXmlNode *record = soc_xml_node_new (SOC_MERGE_NAMESPACE, "merge", "conflicts");

  record->position = G_MAXUINT;
  for (guint i = 0; i < conflicts->len; i++)
    {
      SocMergeConflict *c = g_ptr_array_index (conflicts, i);
      SocXmlNode *node;

      if (c->chosen)
        continue;
      node = soc_xml_node_new (SOC_MERGE_NAMESPACE, "merge", "conflict");
      add_attr (node, "kind", kind_tokens[c->kind]);
      add_attr (node, "element", c->element);
      add_attr (node, "id", c->id);
      add_attr (node, "label", c->label);
      add_attr (node, "field", c->field);
      add_attr (node, "base", c->base);
      add_attr (node, "ours", c->ours);
      add_attr (node, "theirs", c->theirs);
      add_attr (node, "reason", c->reason);
      add_attr (node, "ref-element", c->ref_element);
      add_attr (node, "ref-id", c->ref_id);
      add_attr (node, "ref-label", c->ref_label);
      add_attr (node, "ref-field", c->ref_field);
      for (guint k = 0; c->left_out != NULL && k < c->left_out->len; k++)
        add_child (node, soc_xml_node_copy (g_ptr_array_index (c->left_out, k)));
      add_child (record, node);
    }
  if (record->children == NULL)
    g_clear_pointer (&record, soc_xml_node_free);
  return record;
}

/* The bytes of MERGED, with the conflicts nobody chose recorded in it,
 * checked by reading them back as any plan is read: a merge never writes a
 * plan the reader would refuse. MERGED keeps the record. */
GBytes *
soc_merge_write (SocDocument  *merged,
                 GPtrArray    *conflicts,
                 GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SocDocument) check = NULL;
  g_autoptr(GError) local_error = NULL;
  SocXmlNode *record;

  g_return_val_if_fail (SOC_IS_DOCUMENT (merged), NULL);

  record = conflicts != NULL ? record_node (conflicts) : NULL;
  if (record != NULL)
    {
      if (merged->extras[SOC_CONTAINER_ROOT] == NULL)
        merged->extras[SOC_CONTAINER_ROOT] = soc_extras_new ();
      soc_extras_add_child (merged->extras[SOC_CONTAINER_ROOT], record);
    }

  bytes = soc_document_serialize (merged, error);
  if (bytes == NULL)
    return NULL;

  check = soc_document_load_from_bytes (bytes, _("the merged plan"), NULL, &local_error);
  if (check == NULL)
    {
      g_set_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_INVALID,
                   _("The merged plan would break a rule of the format, so it was not written: %s"),
                   local_error->message);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

static const char *
attr_value (SocXmlNode *node,
            const char *name)
{
  for (guint i = 0; node->attrs != NULL && i < node->attrs->len; i++)
    {
      SocXmlAttr *a = g_ptr_array_index (node->attrs, i);
      if (a->ns == NULL && g_str_equal (a->name, name))
        return a->value;
    }
  return NULL;
}

/* The conflicts a merge recorded in DOCUMENT, in the order recorded: an
 * empty array when there are none. */
GPtrArray *
soc_merge_read_conflicts (SocDocument *document)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_merge_conflict_free);
  SocExtras *root;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), out);

  root = document->extras[SOC_CONTAINER_ROOT];
  for (guint i = 0; root != NULL && root->children != NULL && i < root->children->len; i++)
    {
      SocXmlNode *record = g_ptr_array_index (root->children, i);

      if (g_strcmp0 (record->ns, SOC_MERGE_NAMESPACE) != 0 || g_strcmp0 (record->name, "conflicts") != 0)
        continue;
      for (guint k = 0; record->children != NULL && k < record->children->len; k++)
        {
          SocXmlNode *node = g_ptr_array_index (record->children, k);
          const char *kind = NULL;
          SocMergeConflict *c;

          if (g_strcmp0 (node->ns, SOC_MERGE_NAMESPACE) != 0 || g_strcmp0 (node->name, "conflict") != 0)
            continue;
          kind = attr_value (node, "kind");
          c = _soc_merge_conflict_new ();
          c->kind = SOC_MERGE_CONFLICT_FIELD;
          for (guint t = 0; t < G_N_ELEMENTS (kind_tokens); t++)
            if (g_strcmp0 (kind, kind_tokens[t]) == 0)
              c->kind = t;
          c->element = g_strdup (attr_value (node, "element") != NULL ? attr_value (node, "element") : "plan");
          c->id = g_strdup (attr_value (node, "id"));
          c->label = g_strdup (attr_value (node, "label"));
          c->field = g_strdup (attr_value (node, "field"));
          c->base = g_strdup (attr_value (node, "base"));
          c->ours = g_strdup (attr_value (node, "ours"));
          c->theirs = g_strdup (attr_value (node, "theirs"));
          c->reason = g_strdup (attr_value (node, "reason"));
          c->ref_element = g_strdup (attr_value (node, "ref-element"));
          c->ref_id = g_strdup (attr_value (node, "ref-id"));
          c->ref_label = g_strdup (attr_value (node, "ref-label"));
          c->ref_field = g_strdup (attr_value (node, "ref-field"));
          g_ptr_array_add (out, c);
        }
    }
  return out;
}

static SocObject *
recorded_object (SocDocument            *doc,
                 const SocMergeConflict *c)
{
  SocObject *o;

  if (g_strcmp0 (c->element, "plan") == 0)
    return SOC_OBJECT (doc->plan);
  if (g_strcmp0 (c->element, "override") == 0)
    {
      int factor;

      if (c->id == NULL || !soc_enum_from_nick (SOC_TYPE_FACTOR, c->id, strlen (c->id), &factor))
        return NULL;
      return SOC_OBJECT (soc_document_find_override (doc, factor));
    }
  o = soc_document_lookup (doc, c->id);
  if (o == NULL || g_strcmp0 (SOC_OBJECT_GET_CLASS (o)->element, c->element) != 0)
    return NULL;
  return o;
}

/* A copy of DOCUMENT without the conflicts a merge recorded in it: their
 * side taken where CHOICES (as for soc_merge_documents()) says so and their
 * value was recorded, ours elsewhere. The copy is read back as any plan is,
 * so choices that together break a rule fail here with the reader's
 * message, and DOCUMENT is never changed. */
SocDocument *
soc_merge_resolve_recorded (SocDocument  *document,
                            GHashTable   *choices,
                            GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SocDocument) copy = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) local_error = NULL;
  SocDocument *resolved;
  SocExtras *root;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  bytes = soc_document_serialize (document, error);
  if (bytes == NULL)
    return NULL;
  copy = soc_document_load_from_bytes (bytes, _("the plan"), NULL, error);
  if (copy == NULL)
    return NULL;

  conflicts = soc_merge_read_conflicts (copy);
  for (guint i = 0; i < conflicts->len; i++)
    {
      SocMergeConflict *c = g_ptr_array_index (conflicts, i);
      g_autofree char *key = soc_merge_conflict_key (c);
      gpointer choice = choices != NULL ? g_hash_table_lookup (choices, key) : NULL;
      g_auto(GValue) value = G_VALUE_INIT;
      const SocField *f;
      SocObject *o;

      if (choice == NULL || GPOINTER_TO_INT (choice) - 1 != SOC_MERGE_THEIRS ||
          c->kind == SOC_MERGE_CONFLICT_DELETED || c->kind == SOC_MERGE_CONFLICT_ORDER ||
          c->field == NULL || c->field[0] == '{')
        continue;
      o = recorded_object (copy, c);
      f = o != NULL ? soc_object_class_find_field (SOC_OBJECT_GET_CLASS (o), c->field, strlen (c->field)) : NULL;
      if (f == NULL)
        {
          g_set_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_INVALID,
                       _("The plan no longer holds what a recorded conflict is about (%s %s)"),
                       c->element, c->id != NULL ? c->id : "");
          return NULL;
        }
      if (!soc_field_from_text (copy, o, f, c->theirs, &value, error))
        return NULL;
      soc_object_set_field (o, f, &value);
    }

  root = copy->extras[SOC_CONTAINER_ROOT];
  for (guint i = root != NULL && root->children != NULL ? root->children->len : 0; i > 0; i--)
    {
      SocXmlNode *node = g_ptr_array_index (root->children, i - 1);
      if (g_strcmp0 (node->ns, SOC_MERGE_NAMESPACE) == 0 && g_strcmp0 (node->name, "conflicts") == 0)
        g_ptr_array_remove_index (root->children, i - 1);
    }

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = soc_document_serialize (copy, error);
  if (bytes == NULL)
    return NULL;
  resolved = soc_document_load_from_bytes (bytes, _("the resolved plan"), NULL, &local_error);
  if (resolved == NULL)
    g_set_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_INVALID,
                 _("These choices together would break a rule of the plan: %s"), local_error->message);
  return resolved;
}
