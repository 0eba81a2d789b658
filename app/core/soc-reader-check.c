/* soc-reader-check.c: after the parse, references, cycles and the goal tree
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every reference is resolved by id once the whole file is read (a goal
 * may name a parent further down). The rules that span objects (a
 * relationship joins two people, no cycle of parents or dependencies, a
 * goal tree no deeper than the format allows) are soc-rules' own; this
 * reports what they find at the reference concerned. Nothing here
 * recurses, and each step is linear in the references.
 */

#define G_LOG_DOMAIN "soc-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-reader-private.h"

static const char *
type_noun (GType type)
{
  if (type == SOC_TYPE_GOAL) return _("goal");
  if (type == SOC_TYPE_LANE) return _("lane");
  if (type == SOC_TYPE_ITEM) return _("roadmap item");
  if (type == SOC_TYPE_STAKEHOLDER) return _("stakeholder");
  return _("object");
}

static void
resolve_references (Reader *r)
{
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);  /* targets of the current list */
  PendingRef *list_of = NULL;

  for (guint i = 0; i < r->refs->len; i++)
    {
      PendingRef *ref = &g_array_index (r->refs, PendingRef, i);
      SocObject *target = g_hash_table_lookup (r->doc->ids, ref->id);
      GType type = ref->field->type ();
      const char *attr = ref->field->kind == SOC_FIELD_REFLIST ? ref->field->ref_attr : ref->field->name;

      if (target == NULL)
        {
          /* An element refused where it stood is there all the same: its
           * own problem is reported, a dangling reference would mislead. */
          if (r->ignored_ids == NULL || !g_hash_table_contains (r->ignored_ids, ref->id))
            problem (r, _soc_reader_attribute_offset (r, ref->tag, NULL, ref->attr), _("%s refers to “%s”, but no %s has that id"),
                     attr, ref->id, type_noun (type));
          continue;
        }
      if (!G_TYPE_CHECK_INSTANCE_TYPE (target, type))
        {
          problem (r, _soc_reader_attribute_offset (r, ref->tag, NULL, ref->attr), _("%s refers to “%s”, which is not a %s"), attr, ref->id, type_noun (type));
          continue;
        }

      if (ref->field->kind == SOC_FIELD_REF)
        *(gpointer *) SOC_FIELD_PTR (ref->object, ref->field) = target;
      else
        {
          GPtrArray **slot = SOC_FIELD_PTR (ref->object, ref->field);

          /* A list's references come together: a new list starts a new set. */
          if (list_of == NULL || list_of->object != ref->object || list_of->field != ref->field)
            {
              g_hash_table_remove_all (listed);
              list_of = ref;
            }
          if (*slot == NULL)
            *slot = g_ptr_array_new ();
          if (!g_hash_table_add (listed, target))
            {
              problem (r, _soc_reader_attribute_offset (r, ref->tag, NULL, ref->attr), _("“%s” is listed twice in %s"), ref->id, ref->field->name);
              continue;
            }
          g_ptr_array_add (*slot, target);
        }
    }
}

/* Where OBJECT's reference FIELD_NAME (to TARGET, if given) is, for a
 * message. An object's references are together in r->refs, and the first
 * of each is indexed once. */
static gsize
ref_offset (Reader     *r,
            SocObject  *object,
            const char *field_name,
            SocObject  *target)
{
  guint first;

  if (r->first_ref == NULL)
    {
      r->first_ref = g_hash_table_new (NULL, NULL);
      for (guint i = r->refs->len; i > 0; i--)
        g_hash_table_insert (r->first_ref, g_array_index (r->refs, PendingRef, i - 1).object,
                             GUINT_TO_POINTER (i));
    }

  first = GPOINTER_TO_UINT (g_hash_table_lookup (r->first_ref, object));
  if (first == 0)
    return 0;
  for (guint i = first - 1; i < r->refs->len; i++)
    {
      PendingRef *ref = &g_array_index (r->refs, PendingRef, i);

      if (ref->object != object)
        break;
      if (g_str_equal (ref->field->name, field_name) &&
          (target == NULL || g_hash_table_lookup (r->doc->ids, ref->id) == target))
        return _soc_reader_attribute_offset (r, ref->tag, NULL, ref->attr);
    }
  return 0;
}

static void
check_relationships (Reader *r)
{
  SocObjectList *list = r->doc->relationships;

  for (guint i = 0; i < soc_object_list_get_size (list); i++)
    {
      SocRelationship *rel = SOC_RELATIONSHIP (soc_object_list_get (list, i));
      g_autoptr(GError) error = NULL;

      /* Without the document: a relationship said twice is accepted in a
       * file (earlier versions could write one), never made anew. */
      if (!soc_rules_check_relationship (NULL, rel, rel->kind, rel->from, rel->to, &error))
        problem (r, ref_offset (r, SOC_OBJECT (rel), "to", NULL), "%s", error->message);
    }
}

typedef struct
{
  Reader     *reader;
  const char *field;
  gboolean    found;
} Report;

/* Reports at the reference from OBJECT (to TARGET); once the diagnostics
 * kept are full, the search may stop: more would not be shown. */
static gboolean
report_at_reference (SocObject  *object,
                     SocObject  *target,
                     const char *message,
                     gpointer    user_data)
{
  Report *report = user_data;
  Reader *r = report->reader;

  report->found = TRUE;
  problem (r, ref_offset (r, object, report->field,
                          g_str_equal (report->field, "depends-on") ? target : NULL),
           "%s", message);
  return r->problems->len < MAX_DIAGNOSTICS;
}

static void
build_goal_tree (Reader *r)
{
  for (guint i = 0; i < r->goals->len; i++)
    {
      SocGoal *g = g_ptr_array_index (r->goals, i);

      soc_object_list_append (g->parent != NULL ? g->parent->children : r->doc->goals, SOC_OBJECT (g));
    }
  r->doc->n_goals = r->goals->len;
}

/* References are checked even after a bad value, so one run reports
 * both; the tree is built only from a plan without problems. */
void
_soc_reader_check (Reader *r)
{
  Report report = { r, "parent", FALSE };

  resolve_references (r);
  check_relationships (r);

  soc_rules_find_goal_cycles (r->goals, report_at_reference, &report);
  if (report.found)
    return;
  soc_rules_find_deep_goals (r->goals, report_at_reference, &report);

  report.field = "depends-on";
  soc_rules_find_dependency_cycles (r->doc->items, report_at_reference, &report);

  if (r->n_problems == 0)
    build_goal_tree (r);
}
