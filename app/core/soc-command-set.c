/* soc-command-set.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-command-set"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-command-set.h"
#include "soc-document-private.h"
#include "soc-enum-types.h"

struct _SocCommandSet
{
  SocCommand      parent_instance;

  SocObject      *object;
  const SocField *field;
  GValue          old_value;
  GValue          new_value;
};

G_DEFINE_FINAL_TYPE (SocCommandSet, soc_command_set, SOC_TYPE_COMMAND)

static void
soc_command_set_apply (SocCommand  *command,
                       SocDocument *document)
{
  SocCommandSet *self = SOC_COMMAND_SET (command);

  _soc_document_store (document, self->object, self->field, &self->new_value);
}

static void
soc_command_set_revert (SocCommand  *command,
                        SocDocument *document)
{
  SocCommandSet *self = SOC_COMMAND_SET (command);

  _soc_document_store (document, self->object, self->field, &self->old_value);
}

static gboolean
soc_command_set_can_merge (SocCommand *command,
                           SocCommand *next)
{
  SocCommandSet *self = SOC_COMMAND_SET (command);
  SocCommandSet *other = SOC_COMMAND_SET (next);

  return self->object == other->object && self->field == other->field;
}

static void
soc_command_set_merge (SocCommand *command,
                       SocCommand *next)
{
  SocCommandSet *self = SOC_COMMAND_SET (command);
  SocCommandSet *other = SOC_COMMAND_SET (next);

  g_value_copy (&other->new_value, g_value_reset (&self->new_value));
}

static void
soc_command_set_finalize (GObject *object)
{
  SocCommandSet *self = SOC_COMMAND_SET (object);

  g_value_unset (&self->old_value);
  g_value_unset (&self->new_value);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (soc_command_set_parent_class)->finalize (object);
}

static void
soc_command_set_class_init (SocCommandSetClass *klass)
{
  SocCommandClass *command_class = SOC_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = soc_command_set_finalize;
  command_class->apply = soc_command_set_apply;
  command_class->revert = soc_command_set_revert;
  command_class->can_merge = soc_command_set_can_merge;
  command_class->merge = soc_command_set_merge;
}

static void
soc_command_set_init (SocCommandSet *self)
{
}

/* A command that sets PROPERTY of OBJECT to VALUE, remembering the value it
 * has now. It checks nothing: soc_edit_set() validates first. */
SocCommand *
soc_command_set_new (SocObject    *object,
                     const char   *property,
                     const GValue *value)
{
  SocObjectClass *klass;
  SocCommandSet *self;
  const SocField *field;
  GParamSpec *pspec;

  g_return_val_if_fail (SOC_IS_OBJECT (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  klass = SOC_OBJECT_GET_CLASS (object);
  field = soc_object_class_find_field (klass, property, strlen (property));
  g_return_val_if_fail (field != NULL, NULL);
  pspec = soc_object_class_field_pspec (klass, field);

  self = g_object_new (SOC_TYPE_COMMAND_SET, NULL);
  self->object = g_object_ref (object);
  self->field = field;
  g_value_init (&self->old_value, pspec->value_type);
  g_value_init (&self->new_value, pspec->value_type);
  soc_object_get_field (object, field, &self->old_value);
  if (!g_value_transform (value, &self->new_value))
    g_critical ("Cannot set %s from a %s", property, G_VALUE_TYPE_NAME (value));

  if (field->undo_label != NULL)
    {
      const char *name = soc_object_get_label (object);
      g_autofree char *label = NULL;

      if (SOC_IS_OVERRIDE (object))
        name = soc_enum_to_label (SOC_TYPE_FACTOR, SOC_OVERRIDE (object)->factor);
      /* The template is a translated constant of the field table. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      label = g_strdup_printf (_(field->undo_label), name);
#pragma GCC diagnostic pop
      soc_command_set_label (SOC_COMMAND (self), label);
    }

  return SOC_COMMAND (self);
}
