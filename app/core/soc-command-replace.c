/* soc-command-replace.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Swaps everything a document holds with another version of it, as one
 * step: applying and reverting are the same swap. The document keeps its
 * own list and plan objects, so views bound to them see one change per
 * list and the plan's fields change as any edit changes them. With the
 * content go the version of the file it matches (its etag) and the bytes a
 * later merge starts from (the base), so that undoing a merge with the
 * file on disk also brings back the warning that the file changed.
 */

#define G_LOG_DOMAIN "soc-command-replace"

#include "config.h"

#include "soc-command-replace.h"
#include "soc-document-private.h"

#define N_LISTS 7

struct _SocCommandReplace
{
  SocCommand  parent_instance;

  GPtrArray  *lists[N_LISTS];  /* the other version's objects, each list's */
  SocPlan    *plan;            /* holds the other version's plan fields */
  SocExtras  *plan_extras;
  GHashTable *ids;
  guint       n_goals;
  SocExtras  *extras[SOC_N_CONTAINERS];
  guint       format_minor;
  char       *etag;
  GBytes     *base;
};

G_DEFINE_FINAL_TYPE (SocCommandReplace, soc_command_replace, SOC_TYPE_COMMAND)

static SocObjectList **
lists_of (SocDocument    *doc,
          SocObjectList **out)
{
  out[0] = doc->goals;
  out[1] = doc->lanes;
  out[2] = doc->phases;
  out[3] = doc->items;
  out[4] = doc->stakeholders;
  out[5] = doc->relationships;
  out[6] = doc->overrides;
  return out;
}

static SocExtras *
take_extras (SocObject *object)
{
  SocExtras *extras = soc_object_get_extras (object);
  SocExtras *taken = soc_extras_new ();

  if (extras != NULL)
    {
      taken->attrs = g_steal_pointer (&extras->attrs);
      taken->children = g_steal_pointer (&extras->children);
    }
  return taken;
}

static void
give_extras (SocObject *object,
             SocExtras *extras)
{
  SocExtras *dst = soc_object_ensure_extras (object);

  dst->attrs = g_steal_pointer (&extras->attrs);
  dst->children = g_steal_pointer (&extras->children);
}

static void
swap (SocCommandReplace *self,
      SocDocument       *doc)
{
  SocObjectList *lists[N_LISTS];
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (doc->plan);

  /* Lists: one change each, and a goal brings its subtree. */
  doc->batch_changes |= SOC_DOCUMENT_CHANGES_ALL;
  lists_of (doc, lists);
  for (guint i = 0; i < N_LISTS; i++)
    self->lists[i] = soc_object_list_replace_all (lists[i], self->lists[i]);

  /* The plan keeps its identity; its fields change, notifying. */
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      GParamSpec *pspec = soc_object_class_field_pspec (klass, f);
      g_auto(GValue) mine = G_VALUE_INIT;
      g_auto(GValue) other = G_VALUE_INIT;

      g_value_init (&mine, pspec->value_type);
      g_value_init (&other, pspec->value_type);
      soc_object_get_field (SOC_OBJECT (doc->plan), f, &mine);
      soc_object_get_field (SOC_OBJECT (self->plan), f, &other);
      soc_object_set_field (SOC_OBJECT (doc->plan), f, &other);
      soc_object_set_field (SOC_OBJECT (self->plan), f, &mine);
    }
  {
    SocExtras *mine = take_extras (SOC_OBJECT (doc->plan));

    give_extras (SOC_OBJECT (doc->plan), self->plan_extras);
    soc_extras_free (self->plan_extras);
    self->plan_extras = mine;
  }

  {
    GHashTable *ids = doc->ids;
    guint n_goals = doc->n_goals;
    guint minor = doc->format_minor;
    char *etag = doc->etag;
    GBytes *base = doc->base;

    doc->ids = self->ids;
    self->ids = ids;
    doc->n_goals = self->n_goals;
    self->n_goals = n_goals;
    doc->format_minor = self->format_minor;
    self->format_minor = minor;
    doc->etag = self->etag;
    self->etag = etag;
    doc->base = self->base;
    self->base = base;
  }
  for (guint i = 0; i < SOC_N_CONTAINERS; i++)
    {
      SocExtras *extras = doc->extras[i];
      doc->extras[i] = self->extras[i];
      self->extras[i] = extras;
    }
  /* New ids start over from the lowest free number. */
  g_hash_table_remove_all (doc->id_serials);
  /* Who refers to whom is found again from the content now in place. */
  _soc_document_forget_index (doc);
}

static void
soc_command_replace_apply (SocCommand  *command,
                           SocDocument *document)
{
  swap (SOC_COMMAND_REPLACE (command), document);
}

static void
soc_command_replace_finalize (GObject *object)
{
  SocCommandReplace *self = SOC_COMMAND_REPLACE (object);

  /* The index goes before the objects it points into. */
  g_clear_pointer (&self->ids, g_hash_table_unref);
  for (guint i = N_LISTS; i > 0; i--)
    g_clear_pointer (&self->lists[i - 1], g_ptr_array_unref);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->plan_extras, soc_extras_free);
  for (guint i = 0; i < SOC_N_CONTAINERS; i++)
    g_clear_pointer (&self->extras[i], soc_extras_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->base, g_bytes_unref);

  G_OBJECT_CLASS (soc_command_replace_parent_class)->finalize (object);
}

static void
soc_command_replace_class_init (SocCommandReplaceClass *klass)
{
  SocCommandClass *command_class = SOC_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = soc_command_replace_finalize;
  command_class->apply = soc_command_replace_apply;
  command_class->revert = soc_command_replace_apply;
}

static void
soc_command_replace_init (SocCommandReplace *self)
{
}

/* A command that puts what WITH holds in place of what a document holds,
 * together with ETAG and BASE (see soc_document_get_base()). WITH, a
 * document no view shows, is emptied: the command takes its content. */
SocCommand *
soc_command_replace_new (SocDocument *with,
                         const char  *etag,
                         GBytes      *base,
                         const char  *label)
{
  SocCommandReplace *self;
  SocObjectList *lists[N_LISTS];

  g_return_val_if_fail (SOC_IS_DOCUMENT (with), NULL);

  self = g_object_new (SOC_TYPE_COMMAND_REPLACE, NULL);
  lists_of (with, lists);
  for (guint i = 0; i < N_LISTS; i++)
    self->lists[i] = soc_object_list_replace_all (lists[i], g_ptr_array_new_with_free_func (g_object_unref));
  self->plan = g_object_ref (with->plan);
  self->plan_extras = take_extras (SOC_OBJECT (with->plan));
  self->ids = g_steal_pointer (&with->ids);
  with->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->n_goals = with->n_goals;
  with->n_goals = 0;
  for (guint i = 0; i < SOC_N_CONTAINERS; i++)
    self->extras[i] = g_steal_pointer (&with->extras[i]);
  self->format_minor = with->format_minor;
  self->etag = g_strdup (etag);
  self->base = base != NULL ? g_bytes_ref (base) : NULL;
  soc_command_set_label (SOC_COMMAND (self), label);
  return SOC_COMMAND (self);
}
