/* soc-edit.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules here are the reader's rules seen from the other side: whatever
 * an edit lets through, the writer writes and the reader reads back. The
 * rules themselves live in soc-rules; this asks them, turns their answers
 * into sentences for the window, and records what passes as commands.
 *
 * An edit that changes nothing records nothing: setting a field to a value
 * it already holds (as the plan sees it: an empty text is no text) makes
 * no command, no undo step, and leaves the plan unmodified.
 */

#define G_LOG_DOMAIN "soc-edit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "soc-command-group.h"
#include "soc-command-insert.h"
#include "soc-command-move.h"
#include "soc-command-replace.h"
#include "soc-command-set.h"
#include "soc-command-unlink.h"
#include "soc-date.h"
#include "soc-document-private.h"
#include "soc-edit-private.h"
#include "soc-enum-types.h"
#include "soc-rules.h"

G_DEFINE_QUARK (soc-edit-error-quark, soc_edit_error)

static gboolean
in_document (SocDocument *doc,
             SocObject   *object)
{
  const char *id = soc_object_get_id (object);

  if (SOC_IS_PLAN (object))
    return SOC_PLAN (object) == doc->plan;
  if (SOC_IS_OVERRIDE (object))
    return soc_object_list_find (doc->overrides, object, NULL);
  return id != NULL && g_hash_table_lookup (doc->ids, id) == object;
}

static gboolean
check_in_document (SocDocument *doc,
                   SocObject   *object,
                   GError     **error)
{
  if (in_document (doc, object))
    return TRUE;
  g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_NOT_FOUND,
               _("“%s” is not part of this plan"), soc_object_get_label (object));
  return FALSE;
}

/* Hands a refusal of soc-rules (a clause, "the end … comes before …") to
 * the window as a sentence, in SOC_EDIT_ERROR. Takes RULES_ERROR. */
static gboolean
refuse (GError **error,
        GError  *rules_error)
{
  const char *message = rules_error->message;
  gunichar first = g_utf8_get_char (message);
  int code = SOC_EDIT_ERROR_INVALID;
  g_autoptr(GString) sentence = g_string_new (NULL);

  if (rules_error->code == SOC_RULES_ERROR_CYCLE)
    code = SOC_EDIT_ERROR_CYCLE;
  else if (rules_error->code == SOC_RULES_ERROR_DUPLICATE)
    code = SOC_EDIT_ERROR_DUPLICATE;

  g_string_append_unichar (sentence, g_unichar_totitle (first));
  g_string_append (sentence, g_utf8_next_char (message));
  g_set_error_literal (error, SOC_EDIT_ERROR, code, sentence->str);
  g_error_free (rules_error);
  return FALSE;
}

static const SocField *
find_field (SocObject   *object,
            const char  *property,
            GError     **error)
{
  const SocField *f = soc_object_class_find_field (SOC_OBJECT_GET_CLASS (object),
                                                   property, strlen (property));
  if (f == NULL)
    g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                 "%s has no field “%s”", G_OBJECT_TYPE_NAME (object), property);
  return f;
}

static guint
get_date (SocObject  *object,
          const char *name)
{
  return *(guint *) SOC_FIELD_PTR (object, find_field (object, name, NULL));
}

/* Checks VALUE for FIELD of OBJECT, a member of DOC or about to be, on its
 * own and against the rest of the plan (references, relationships,
 * links). Dates are checked in pairs by the callers. */
static gboolean
check_value (SocDocument    *doc,
             SocObject      *object,
             const SocField *f,
             const GValue   *value,
             GError        **error)
{
  GError *local = NULL;

  if (!soc_rules_check_value (object, f, value, &local))
    return refuse (error, local);

  if (f->kind == SOC_FIELD_REF && g_value_get_object (value) != NULL &&
      !check_in_document (doc, g_value_get_object (value), error))
    return FALSE;

  if (f->kind == SOC_FIELD_REFLIST && g_value_get_boxed (value) != NULL)
    {
      GPtrArray *targets = g_value_get_boxed (value);

      for (guint i = 0; i < targets->len; i++)
        if (!check_in_document (doc, g_ptr_array_index (targets, i), error))
          return FALSE;
      if (!soc_rules_check_links (SOC_ITEM (object), f, targets, &local))
        return refuse (error, local);
    }

  if (SOC_IS_RELATIONSHIP (object) && in_document (doc, object))
    {
      SocRelationship *rel = SOC_RELATIONSHIP (object);
      int kind = g_str_equal (f->name, "kind") ? g_value_get_enum (value) : rel->kind;
      SocStakeholder *from = g_str_equal (f->name, "from") ? g_value_get_object (value) : rel->from;
      SocStakeholder *to = g_str_equal (f->name, "to") ? g_value_get_object (value) : rel->to;

      if (!soc_rules_check_relationship (doc, rel, kind, from, to, &local))
        return refuse (error, local);
    }
  return TRUE;
}

/* The dates an item, phase or plan gets when a person sets the date field
 * F to V: typing a new start moves an activity or a phase and keeps its
 * length, as calendars do; a first date of an unscheduled activity makes
 * it one day long; anything else is the pair as typed, for the rules to
 * judge. */
static void
dates_for_typed (SocObject      *object,
                 const SocField *f,
                 guint           v,
                 guint          *start,
                 guint          *end)
{
  gboolean plan = SOC_IS_PLAN (object);
  gboolean is_start = g_str_equal (f->name, plan ? "horizon-start" : "start");
  gboolean milestone = SOC_IS_ITEM (object) && SOC_ITEM (object)->kind == SOC_ITEM_KIND_MILESTONE;
  guint old_start = get_date (object, plan ? "horizon-start" : "start");
  guint old_end = get_date (object, plan ? "horizon-end" : "end");

  *start = is_start ? v : old_start;
  *end = is_start ? old_end : v;

  if (plan || milestone || v == SOC_DATE_NONE)
    return;
  if (is_start && old_start != SOC_DATE_NONE && old_end != SOC_DATE_NONE && old_end >= old_start)
    *end = v + (old_end - old_start);
  else if (SOC_IS_ITEM (object) && old_start == SOC_DATE_NONE && old_end == SOC_DATE_NONE)
    *start = *end = v;
}

/* Checks VALUE, of FIELD's own type, as soc_edit_set() would take it for
 * OBJECT: on its own, against the plan, and a date with its pair as typed. */
static gboolean
check_converted (SocDocument    *doc,
                 SocObject      *object,
                 const SocField *f,
                 const GValue   *value,
                 GError        **error)
{
  if (f->flags & SOC_FIELD_STRUCTURAL)
    {
      g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                   _("The %s cannot be set directly"), _(f->label));
      return FALSE;
    }
  if (f->kind == SOC_FIELD_DATE && !SOC_IS_GOAL (object))
    {
      int kind = SOC_IS_ITEM (object) ? SOC_ITEM (object)->kind : 0;
      GError *local = NULL;
      guint start, end;

      /* Checked as typed: soc_edit_set_dates() would drop a milestone's end. */
      dates_for_typed (object, f, g_value_get_uint (value), &start, &end);
      if (!soc_rules_check_dates (object, kind, start, end, &local))
        return refuse (error, local);
      return TRUE;
    }
  return check_value (doc, object, f, value, error);
}

/* Changing an item's kind carries its dates along: a milestone keeps its
 * start only, an activity made of a milestone lasts its one day. */
static gboolean
set_item_kind (SocDocument  *doc,
               SocItem      *item,
               const GValue *kind_value,
               GError      **error)
{
  int kind = g_value_get_enum (kind_value);
  guint start = item->start, end = item->end;
  SocCommand *command;

  soc_rules_dates_for_kind (kind, &start, &end);
  command = soc_command_set_new (SOC_OBJECT (item), "kind", kind_value);
  soc_document_begin_group (doc, soc_command_get_label (command));
  soc_document_execute (doc, command);
  if (start != item->start || end != item->end)
    {
      g_auto(GValue) vs = G_VALUE_INIT;
      g_auto(GValue) ve = G_VALUE_INIT;

      g_value_init (&vs, G_TYPE_UINT);
      g_value_init (&ve, G_TYPE_UINT);
      g_value_set_uint (&vs, start);
      g_value_set_uint (&ve, end);
      if (start != item->start)
        soc_document_execute (doc, soc_command_set_new (SOC_OBJECT (item), "start", &vs));
      if (end != item->end)
        soc_document_execute (doc, soc_command_set_new (SOC_OBJECT (item), "end", &ve));
    }
  soc_document_end_group (doc);
  return TRUE;
}

static gboolean
set_value (SocDocument  *doc,
           SocObject    *object,
           const char   *property,
           const GValue *value,
           const char   *merge_key,
           GError      **error)
{
  const SocField *f;
  g_auto(GValue) converted = G_VALUE_INIT;
  GParamSpec *pspec;
  SocCommand *command;

  g_return_val_if_fail (SOC_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (SOC_IS_OBJECT (object), FALSE);

  if (!check_in_document (doc, object, error))
    return FALSE;
  f = find_field (object, property, error);
  if (f == NULL)
    return FALSE;

  pspec = soc_object_class_field_pspec (SOC_OBJECT_GET_CLASS (object), f);

  /* GObject turns an object of the wrong type into NULL: refuse it first. */
  if (f->kind == SOC_FIELD_REF && G_VALUE_HOLDS_OBJECT (value) && g_value_get_object (value) != NULL &&
      !G_TYPE_CHECK_INSTANCE_TYPE (g_value_get_object (value), f->type ()))
    {
      g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                   _("“%s” cannot be the %s"),
                   soc_object_get_label (g_value_get_object (value)), _(f->label));
      return FALSE;
    }

  g_value_init (&converted, pspec->value_type);
  if (!g_value_transform (value, &converted))
    {
      g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                   "Cannot set %s from a %s", property, G_VALUE_TYPE_NAME (value));
      return FALSE;
    }

  /* An edit that changes nothing records nothing. */
  if (!(f->flags & SOC_FIELD_STRUCTURAL) && soc_object_field_equals (object, f, &converted))
    return TRUE;
  if (!check_converted (doc, object, f, &converted, error))
    return FALSE;

  if (SOC_IS_ITEM (object) && g_str_equal (f->name, "kind"))
    return set_item_kind (doc, SOC_ITEM (object), &converted, error);

  if (f->kind == SOC_FIELD_DATE && !SOC_IS_GOAL (object))
    {
      guint start, end;

      dates_for_typed (object, f, g_value_get_uint (&converted), &start, &end);
      return soc_edit_set_dates (doc, object, start, end, merge_key, error);
    }

  command = soc_command_set_new (object, property, &converted);
  soc_command_set_merge_key (command, merge_key);
  soc_document_execute (doc, command);
  return TRUE;
}

/* Whether soc_edit_set() would take VALUE for PROPERTY of OBJECT, by the
 * same rules, without changing anything. OBJECT may also be one not yet in
 * DOCUMENT, as soc_edit_add() takes it: importers check every value this
 * way before their first edit, so that an import is all or nothing. */
gboolean
soc_edit_check (SocDocument   *document,
                SocObject     *object,
                const char    *property,
                const GValue  *value,
                GError       **error)
{
  const SocField *f;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (SOC_IS_OBJECT (object), FALSE);

  f = find_field (object, property, error);
  if (f == NULL)
    return FALSE;
  return soc_edit_check_field (document, object, f, value, error);
}

/* soc_edit_check() for FIELD of OBJECT's class, found once by the caller. */
gboolean
soc_edit_check_field (SocDocument     *document,
                      SocObject       *object,
                      const SocField  *field,
                      const GValue    *value,
                      GError         **error)
{
  GParamSpec *pspec;
  g_auto(GValue) converted = G_VALUE_INIT;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (SOC_IS_OBJECT (object), FALSE);

  pspec = soc_object_class_field_pspec (SOC_OBJECT_GET_CLASS (object), field);
  if (G_VALUE_TYPE (value) == pspec->value_type)
    return check_converted (document, object, field, value, error);

  g_value_init (&converted, pspec->value_type);
  if (!g_value_transform (value, &converted))
    {
      g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                   "Cannot set %s from a %s", field->name, G_VALUE_TYPE_NAME (value));
      return FALSE;
    }
  return check_converted (document, object, field, &converted, error);
}

/* Sets PROPERTY of OBJECT to VALUE as one undo step, if the plan's rules
 * allow it; otherwise says why in ERROR and changes nothing. Setting the
 * value a field holds already changes nothing and records nothing. */
gboolean
soc_edit_set (SocDocument   *document,
              SocObject     *object,
              const char    *property,
              const GValue  *value,
              GError       **error)
{
  return set_value (document, object, property, value, NULL, error);
}

/* Like soc_edit_set(); consecutive calls with the same MERGE_KEY (typing in
 * one field, dragging one handle) make a single undo step. */
gboolean
soc_edit_set_merging (SocDocument   *document,
                      SocObject     *object,
                      const char    *property,
                      const GValue  *value,
                      const char    *merge_key,
                      GError       **error)
{
  return set_value (document, object, property, value, merge_key, error);
}

gboolean
soc_edit_set_string (SocDocument  *document,
                     SocObject    *object,
                     const char   *property,
                     const char   *value,
                     GError      **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  return set_value (document, object, property, &v, NULL, error);
}

gboolean
soc_edit_set_int (SocDocument  *document,
                  SocObject    *object,
                  const char   *property,
                  int           value,
                  GError      **error)
{
  g_auto(GValue) v = G_VALUE_INIT;
  const SocField *f = find_field (object, property, error);

  if (f == NULL)
    return FALSE;
  switch (f->kind)
    {
    case SOC_FIELD_ENUM:
      g_value_init (&v, f->type ());
      g_value_set_enum (&v, value);
      break;
    case SOC_FIELD_FLAGS:
      g_value_init (&v, f->type ());
      g_value_set_flags (&v, (guint) value);
      break;
    case SOC_FIELD_DATE:
      g_value_init (&v, G_TYPE_UINT);
      g_value_set_uint (&v, (guint) value);
      break;
    default:
      g_value_init (&v, G_TYPE_INT);
      g_value_set_int (&v, value);
      break;
    }
  return set_value (document, object, property, &v, NULL, error);
}

gboolean
soc_edit_set_object (SocDocument  *document,
                     SocObject    *object,
                     const char   *property,
                     SocObject    *value,
                     GError      **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, SOC_TYPE_OBJECT);
  g_value_set_object (&v, value);
  return set_value (document, object, property, &v, NULL, error);
}

/* Moves an item or phase, or changes the plan's horizon: both dates in one
 * step ("Move “Pilot”"). A milestone keeps its start only. This is how a
 * drag sets dates; typing one date goes through soc_edit_set(). */
gboolean
soc_edit_set_dates (SocDocument  *document,
                    SocObject    *object,
                    guint         start,
                    guint         end,
                    const char   *merge_key,
                    GError      **error)
{
  const char *start_name, *end_name;
  g_auto(GValue) vs = G_VALUE_INIT;
  g_auto(GValue) ve = G_VALUE_INIT;
  g_autofree char *label = NULL;
  GError *local = NULL;
  SocCommand *group;
  int kind = 0;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (SOC_IS_ITEM (object) || SOC_IS_PHASE (object) || SOC_IS_PLAN (object), FALSE);

  if (!check_in_document (document, object, error))
    return FALSE;

  start_name = SOC_IS_PLAN (object) ? "horizon-start" : "start";
  end_name = SOC_IS_PLAN (object) ? "horizon-end" : "end";
  if (SOC_IS_ITEM (object))
    {
      kind = SOC_ITEM (object)->kind;
      if (kind == SOC_ITEM_KIND_MILESTONE)
        end = SOC_DATE_NONE;
    }

  if (get_date (object, start_name) == start && get_date (object, end_name) == end)
    return TRUE;
  if (!soc_rules_check_dates (object, kind, start, end, &local))
    return refuse (error, local);

  if (SOC_IS_PLAN (object))
    label = g_strdup (_("Change the horizon"));
  else
    label = g_strdup_printf (_("Move “%s”"), soc_object_get_label (object));

  g_value_init (&vs, G_TYPE_UINT);
  g_value_init (&ve, G_TYPE_UINT);
  g_value_set_uint (&vs, start);
  g_value_set_uint (&ve, end);
  group = soc_command_group_new (label);
  soc_command_set_merge_key (group, merge_key);
  soc_command_group_add (SOC_COMMAND_GROUP (group), soc_command_set_new (object, start_name, &vs));
  soc_command_group_add (SOC_COMMAND_GROUP (group), soc_command_set_new (object, end_name, &ve));
  soc_document_execute (document, group);
  return TRUE;
}

/* Sets the goals an item serves ("serves") or the items it depends on
 * ("depends-on") to TARGETS. A goal served twice, or an item depended on
 * twice, is refused with its reason. */
gboolean
soc_edit_set_links (SocDocument  *document,
                    SocItem      *item,
                    const char   *property,
                    GPtrArray    *targets,
                    GError      **error)
{
  g_auto(GValue) v = G_VALUE_INIT;
  g_autoptr(GPtrArray) copy = NULL;

  g_return_val_if_fail (SOC_IS_ITEM (item), FALSE);

  /* The model never shares an array that someone else may change. */
  if (targets != NULL && targets->len > 0)
    {
      copy = g_ptr_array_sized_new (targets->len);
      for (guint i = 0; i < targets->len; i++)
        g_ptr_array_add (copy, g_ptr_array_index (targets, i));
    }
  g_value_init (&v, G_TYPE_PTR_ARRAY);
  g_value_set_boxed (&v, copy);
  return set_value (document, SOC_OBJECT (item), property, &v, NULL, error);
}

static const char *
noun_for (SocObject *object)
{
  if (SOC_IS_GOAL (object)) return _("goal");
  if (SOC_IS_LANE (object)) return _("lane");
  if (SOC_IS_PHASE (object)) return _("phase");
  if (SOC_IS_ITEM (object)) return _("roadmap item");
  if (SOC_IS_STAKEHOLDER (object)) return _("stakeholder");
  if (SOC_IS_RELATIONSHIP (object)) return _("relationship");
  return _("object");
}

static char *
label_for (const char *with_name,
           const char *without_name,
           SocObject  *object)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (object);
  const char *name = klass->label_field >= 0
    ? *(char **) SOC_FIELD_PTR (object, &klass->fields[klass->label_field]) : NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  if (name != NULL)
    return g_strdup_printf (with_name, name);
  return g_strdup_printf (without_name, noun_for (object));
#pragma GCC diagnostic pop
}

/* Adds OBJECT, made by the caller and not yet in any document, at POSITION
 * (for a goal, among PARENT's children). It gets a fresh id. Its fields are
 * checked as any edit is; a milestone drops an end date. From then on it
 * belongs to DOCUMENT: only soc_edit_*() change it. Returns OBJECT, or
 * NULL with ERROR set. */
SocObject *
soc_edit_add (SocDocument  *document,
              SocObject    *object,
              SocGoal      *parent,
              guint         position,
              GError      **error)
{
  return _soc_edit_add_checked (document, object, parent, position, 0, error);
}

/* soc_edit_add() for an object whose fields in CHECKED (bit I: field I of
 * its class) were each checked with soc_edit_check_field() against
 * DOCUMENT as it is now (an import prepared, then applied to the same
 * state): the rules are not run on those again. */
SocObject *
_soc_edit_add_checked (SocDocument  *document,
                       SocObject    *object,
                       SocGoal      *parent,
                       guint         position,
                       guint64       checked,
                       GError      **error)
{
  SocObjectClass *klass;
  g_autofree char *label = NULL;
  GError *local = NULL;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (SOC_IS_OBJECT (object), NULL);
  g_return_val_if_fail (!SOC_IS_PLAN (object), NULL);

  if (in_document (document, object) || soc_object_is_adopted (object))
    {
      g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                   _("“%s” is already part of a plan"), soc_object_get_label (object));
      return NULL;
    }
  if (parent != NULL && !check_in_document (document, SOC_OBJECT (parent), error))
    return NULL;

  if (SOC_IS_ITEM (object) && SOC_ITEM (object)->kind == SOC_ITEM_KIND_MILESTONE)
    SOC_ITEM (object)->end = SOC_DATE_NONE;

  klass = SOC_OBJECT_GET_CLASS (object);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      GParamSpec *pspec = soc_object_class_field_pspec (klass, f);
      g_auto(GValue) v = G_VALUE_INIT;

      if ((f->flags & SOC_FIELD_STRUCTURAL) || f->kind == SOC_FIELD_DATE)
        continue;   /* dates are checked as pairs below */
      if (i < 64 && (checked & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      g_value_init (&v, pspec->value_type);
      soc_object_get_field (object, f, &v);
      if (!check_value (document, object, f, &v, error))
        return NULL;
    }

  if (SOC_IS_ITEM (object) || SOC_IS_PHASE (object))
    {
      int kind = SOC_IS_ITEM (object) ? SOC_ITEM (object)->kind : 0;
      guint start = get_date (object, "start");
      guint end = get_date (object, "end");

      if (!soc_rules_check_dates (object, kind, start, end, &local))
        {
          refuse (error, local);
          return NULL;
        }
    }
  else if (SOC_IS_GOAL (object))
    {
      for (guint i = 0; i < klass->n_fields; i++)
        {
          const SocField *f = &klass->fields[i];
          g_auto(GValue) v = G_VALUE_INIT;

          if (f->kind != SOC_FIELD_DATE)
            continue;
          g_value_init (&v, G_TYPE_UINT);
          soc_object_get_field (object, f, &v);
          if (!check_value (document, object, f, &v, error))
            return NULL;
        }
      if (!soc_rules_check_goal_parent (SOC_GOAL (object), parent, &local))
        {
          refuse (error, local);
          return NULL;
        }
    }
  else if (SOC_IS_RELATIONSHIP (object))
    {
      SocRelationship *rel = SOC_RELATIONSHIP (object);

      if (!soc_rules_check_relationship (document, NULL, rel->kind, rel->from, rel->to, &local))
        {
          refuse (error, local);
          return NULL;
        }
    }
  else if (SOC_IS_OVERRIDE (object) &&
           soc_document_find_override (document, SOC_OVERRIDE (object)->factor) != NULL)
    {
      g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_DUPLICATE,
                   _("This factor has a judgement already"));
      return NULL;
    }

  if (klass->id_prefix != NULL)
    {
      g_autofree char *id = soc_document_new_id (document, G_OBJECT_TYPE (object));
      soc_object_set_id (object, id);
    }

  _soc_object_adopt (object);
  label = label_for (_("Add “%s”"), _("Add %s"), object);
  soc_document_execute (document, soc_command_insert_new (object, parent, position, label));
  return object;
}

/* Everything that goes when OBJECTS go: goal subtrees, a lane's items, a
 * stakeholder's relationships, in a stable order into GOING, each marked
 * with GONE. Found through the document's index of references, in time
 * proportional to what goes. */
typedef struct
{
  SocObject *owner;
  GPtrArray *stack;
} Dependents;

static void
push_dependent (gpointer data,
                gpointer user_data)
{
  Dependents *d = user_data;
  SocObject *referrer = data;

  if ((SOC_IS_ITEM (referrer) && (SocObject *) SOC_ITEM (referrer)->lane == d->owner) ||
      SOC_IS_RELATIONSHIP (referrer))
    g_ptr_array_add (d->stack, referrer);
}

static void
collect_removed (SocDocument      *doc,
                 SocObject *const *objects,
                 guint             n_objects,
                 guint             gone,
                 GPtrArray        *going)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  for (guint i = n_objects; i > 0; i--)
    g_ptr_array_add (stack, objects[i - 1]);

  while (stack->len > 0)
    {
      SocObject *o = g_ptr_array_steal_index_fast (stack, stack->len - 1);
      SocObjectDocData *data = soc_object_get_doc_data (o);

      if (data->mark == gone)
        continue;
      data->mark = gone;
      g_ptr_array_add (going, o);
      if (SOC_IS_GOAL (o))
        {
          SocGoal *goal = SOC_GOAL (o);
          for (guint i = soc_object_list_get_size (goal->children); i > 0; i--)
            g_ptr_array_add (stack, soc_object_list_get (goal->children, i - 1));
        }
      else if (SOC_IS_LANE (o) || SOC_IS_STAKEHOLDER (o))
        {
          Dependents d = { o, stack };
          _soc_document_foreach_referrer (doc, o, push_dependent, &d);
        }
    }
}

typedef struct
{
  guint      gone;
  guint      seen;
  GPtrArray *staying;
} Referrers;

/* REFERRER refers to something that goes: if it stays, it must let go. */
static void
add_staying_referrer (gpointer data,
                      gpointer user_data)
{
  Referrers *r = user_data;
  SocObjectDocData *referrer = soc_object_get_doc_data (data);

  if (referrer->mark != r->gone && referrer->mark != r->seen)
    {
      referrer->mark = r->seen;
      g_ptr_array_add (r->staying, data);
    }
}

/* One command that clears every reference from what stays to what goes
 * (GOING, marked GONE): owners, the goals items serve, the items they
 * depend on. GOING is in a stable order, so the command is the same every
 * time. */
static SocCommand *
unlink_staying (SocDocument *doc,
                GPtrArray   *going,
                guint        gone)
{
  g_autoptr(GPtrArray) staying = g_ptr_array_new ();
  Referrers r = { gone, _soc_document_new_mark (doc), staying };

  for (guint i = 0; i < going->len; i++)
    _soc_document_foreach_referrer (doc, g_ptr_array_index (going, i), add_staying_referrer, &r);
  if (staying->len == 0)
    return NULL;

  return soc_command_unlink_new ((SocObject *const *) staying->pdata, staying->len, gone);
}

/* A stable order for removal: relationships, items, then the rest, each by id. */
static int
compare_removal_order (gconstpointer a,
                       gconstpointer b)
{
  SocObject *oa = *(SocObject **) a;
  SocObject *ob = *(SocObject **) b;
  int ra = SOC_IS_RELATIONSHIP (oa) ? 0 : SOC_IS_ITEM (oa) ? 1 : 2;
  int rb = SOC_IS_RELATIONSHIP (ob) ? 0 : SOC_IS_ITEM (ob) ? 1 : 2;

  if (ra != rb)
    return ra - rb;
  return _soc_document_compare_objects (a, b);
}

static int
compare_first_members (gconstpointer a,
                       gconstpointer b)
{
  GPtrArray *ma = *(GPtrArray **) a;
  GPtrArray *mb = *(GPtrArray **) b;

  return compare_removal_order (&g_ptr_array_index (ma, 0), &g_ptr_array_index (mb, 0));
}

/* Deletes OBJECTS with everything that depends on them, and clears every
 * reference to them, as one undo step: one command clears the references,
 * then one command per list takes out what goes from it. */
gboolean
soc_edit_delete (SocDocument       *document,
                 SocObject *const  *objects,
                 guint              n_objects,
                 GError           **error)
{
  g_autoptr(GHashTable) by_list = NULL;
  g_autoptr(GPtrArray) going = g_ptr_array_new ();
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *label = NULL;
  SocDocument *doc = document;
  SocCommand *unlink;
  GHashTableIter iter;
  gpointer value;
  guint gone;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);

  if (n_objects == 0)
    return TRUE;
  for (guint i = 0; i < n_objects; i++)
    {
      if (SOC_IS_PLAN (objects[i]))
        {
          g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID, _("The plan itself cannot be deleted"));
          return FALSE;
        }
      if (!check_in_document (document, objects[i], error))
        return FALSE;
    }

  gone = _soc_document_new_mark (doc);
  collect_removed (doc, objects, n_objects, gone, going);

  if (n_objects == 1)
    label = label_for (_("Delete “%s”"), _("Delete %s"), objects[0]);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u object", "Delete %u objects", n_objects),
                             n_objects);

  soc_document_begin_group (doc, label);

  /* First every reference from what stays to what goes... */
  unlink = unlink_staying (doc, going, gone);
  if (unlink != NULL)
    soc_document_execute (doc, unlink);

  /* ...then what goes, list by list, each goal once with its subtree. */
  by_list = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < going->len; i++)
    {
      SocObject *o = g_ptr_array_index (going, i);
      SocGoal *parent = SOC_IS_GOAL (o) ? SOC_GOAL (o)->parent : NULL;
      SocObjectList *list;
      GPtrArray *members;

      if (parent != NULL && soc_object_get_doc_data (SOC_OBJECT (parent))->mark == gone)
        continue;
      list = _soc_document_list_for (doc, o, parent);
      members = g_hash_table_lookup (by_list, list);
      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_hash_table_insert (by_list, list, members);
        }
      g_ptr_array_add (members, o);
    }

  /* Lists in the order of their first members (each command takes its
   * members in the order they have in their list). */
  order = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, by_list);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *members = value;

      for (guint i = 1; i < members->len; i++)
        if (compare_removal_order (&g_ptr_array_index (members, i), &g_ptr_array_index (members, 0)) < 0)
          {
            gpointer first = g_ptr_array_index (members, 0);

            g_ptr_array_index (members, 0) = g_ptr_array_index (members, i);
            g_ptr_array_index (members, i) = first;
          }
      g_ptr_array_add (order, members);
    }
  g_ptr_array_sort (order, compare_first_members);
  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *members = g_ptr_array_index (order, i);

      soc_document_execute (doc, soc_command_remove_all_new (doc, (SocObject **) members->pdata,
                                                             members->len, NULL));
    }

  soc_document_end_group (doc);
  return TRUE;
}

/* Moves GOAL, with its subtree, to POSITION among NEW_PARENT's children
 * (the roots if NULL); POSITION counts them without GOAL. */
gboolean
soc_edit_move_goal (SocDocument  *document,
                    SocGoal      *goal,
                    SocGoal      *new_parent,
                    guint         position,
                    GError      **error)
{
  g_autofree char *label = NULL;
  GError *local = NULL;
  SocObjectList *dest;
  guint current;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (SOC_IS_GOAL (goal), FALSE);

  if (!check_in_document (document, SOC_OBJECT (goal), error) ||
      (new_parent != NULL && !check_in_document (document, SOC_OBJECT (new_parent), error)))
    return FALSE;
  if (new_parent != goal->parent && !soc_rules_check_goal_parent (goal, new_parent, &local))
    return refuse (error, local);

  dest = _soc_document_list_for (document, SOC_OBJECT (goal), new_parent);
  if (goal->parent == new_parent && soc_object_list_find (dest, SOC_OBJECT (goal), &current) &&
      current == MIN (position, soc_object_list_get_size (dest) - 1))
    return TRUE;

  label = g_strdup_printf (_("Move “%s”"), soc_object_get_label (SOC_OBJECT (goal)));
  soc_document_execute (document, soc_command_move_new (SOC_OBJECT (goal), new_parent, position, label));
  return TRUE;
}

/* Moves OBJECT (not a goal) to POSITION in its list. */
gboolean
soc_edit_move (SocDocument  *document,
               SocObject    *object,
               guint         position,
               GError      **error)
{
  SocObjectList *list;
  g_autofree char *label = NULL;
  guint current;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);

  if (SOC_IS_GOAL (object))
    return soc_edit_move_goal (document, SOC_GOAL (object), SOC_GOAL (object)->parent, position, error);
  if (!check_in_document (document, object, error))
    return FALSE;

  list = _soc_document_list_for (document, object, NULL);
  if (!soc_object_list_find (list, object, &current) ||
      current == MIN (position, soc_object_list_get_size (list) - 1))
    return TRUE;

  label = label_for (_("Move “%s”"), _("Move %s"), object);
  soc_document_execute (document, soc_command_move_new (object, NULL, position, label));
  return TRUE;
}

/* Makes GOAL the last child of the sibling before it. */
gboolean
soc_edit_indent_goal (SocDocument  *document,
                      SocGoal      *goal,
                      GError      **error)
{
  SocObjectList *siblings;
  SocGoal *new_parent;
  guint position;

  g_return_val_if_fail (SOC_IS_GOAL (goal), FALSE);

  siblings = _soc_document_list_for (document, SOC_OBJECT (goal), goal->parent);
  if (!soc_object_list_find (siblings, SOC_OBJECT (goal), &position) || position == 0)
    {
      g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                   _("Only a goal with a goal above it can be indented"));
      return FALSE;
    }
  new_parent = SOC_GOAL (soc_object_list_get (siblings, position - 1));
  return soc_edit_move_goal (document, goal, new_parent,
                             soc_object_list_get_size (new_parent->children), error);
}

/* Makes GOAL the sibling after its parent. */
gboolean
soc_edit_outdent_goal (SocDocument  *document,
                       SocGoal      *goal,
                       GError      **error)
{
  SocGoal *parent;
  SocObjectList *list;
  guint position;

  g_return_val_if_fail (SOC_IS_GOAL (goal), FALSE);

  parent = goal->parent;
  if (parent == NULL)
    {
      g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                   _("A goal at the top cannot be outdented"));
      return FALSE;
    }
  list = _soc_document_list_for (document, SOC_OBJECT (parent), parent->parent);
  if (!soc_object_list_find (list, SOC_OBJECT (parent), &position))
    return FALSE;
  return soc_edit_move_goal (document, goal, parent->parent, position + 1, error);
}

/* Records the strategist's judgement of FACTOR, with NOTE. */
gboolean
soc_edit_set_override (SocDocument     *document,
                       SocFactor        factor,
                       SocFactorState   state,
                       const char      *note,
                       GError         **error)
{
  SocOverride *existing;
  g_autoptr(SocOverride) created = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);

  existing = soc_document_find_override (document, factor);
  if (existing == NULL)
    {
      created = soc_override_new (factor, state);
      if (note != NULL && !soc_text_is_valid (note, strlen (note), NULL))
        {
          g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                       _("The note holds a character that a plan cannot keep, such as a control character"));
          return FALSE;
        }
      created->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
      _soc_object_adopt (SOC_OBJECT (created));
      label = g_strdup_printf (_("Judge “%s”"), soc_enum_to_label (SOC_TYPE_FACTOR, factor));
      soc_document_execute (document,
                            soc_command_insert_new (SOC_OBJECT (created), NULL,
                                                    soc_object_list_get_size (document->overrides), label));
      return TRUE;
    }

  label = g_strdup_printf (_("Judge “%s”"), soc_enum_to_label (SOC_TYPE_FACTOR, factor));
  soc_document_begin_group (document, label);
  ok = soc_edit_set_int (document, SOC_OBJECT (existing), "state", state, error) &&
       soc_edit_set_string (document, SOC_OBJECT (existing), "note", note, error);
  soc_document_end_group (document);
  return ok;
}

gboolean
soc_edit_clear_override (SocDocument  *document,
                         SocFactor     factor,
                         GError      **error)
{
  SocOverride *existing;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);

  existing = soc_document_find_override (document, factor);
  if (existing == NULL)
    return TRUE;
  label = g_strdup_printf (_("Clear the judgement of “%s”"), soc_enum_to_label (SOC_TYPE_FACTOR, factor));
  soc_document_execute (document, soc_command_remove_new (document, SOC_OBJECT (existing), label));
  return TRUE;
}

/* Puts what WITH holds in place of what DOCUMENT holds, as one undo step
 * called LABEL, as when a merge brings in another version of the plan.
 * WITH is a document no view shows, read by the reader (so it passes every
 * rule); the step takes its content and leaves it empty. ETAG and BASE
 * become the document's (see soc_document_get_base()) until it is undone. */
gboolean
soc_edit_replace (SocDocument  *document,
                  SocDocument  *with,
                  const char   *etag,
                  GBytes       *base,
                  const char   *label,
                  GError      **error)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (SOC_IS_DOCUMENT (with), FALSE);

  if (with == document || soc_history_get_n_steps (soc_document_get_history (with)) > 0)
    {
      g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                   _("Only a plan just read can take another plan’s place"));
      return FALSE;
    }
  soc_document_execute (document, soc_command_replace_new (with, etag, base, label));
  return TRUE;
}
