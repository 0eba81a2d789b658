/* soc-command.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-command"

#include "config.h"

#include "soc-command.h"

typedef struct
{
  char *label;
  char *merge_key;
} SocCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SocCommand, soc_command, G_TYPE_OBJECT)

static gboolean
soc_command_real_can_merge (SocCommand *self,
                            SocCommand *next)
{
  return FALSE;
}

static void
soc_command_finalize (GObject *object)
{
  SocCommandPrivate *priv = soc_command_get_instance_private (SOC_COMMAND (object));

  g_clear_pointer (&priv->label, g_free);
  g_clear_pointer (&priv->merge_key, g_free);

  G_OBJECT_CLASS (soc_command_parent_class)->finalize (object);
}

static void
soc_command_class_init (SocCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = soc_command_finalize;
  klass->can_merge = soc_command_real_can_merge;
}

static void
soc_command_init (SocCommand *self)
{
}

/* What the step is called in Undo and Redo: "Rename “Pilot”". */
const char *
soc_command_get_label (SocCommand *self)
{
  SocCommandPrivate *priv = soc_command_get_instance_private (self);

  g_return_val_if_fail (SOC_IS_COMMAND (self), NULL);

  return priv->label != NULL ? priv->label : "";
}

void
soc_command_set_label (SocCommand *self,
                       const char *label)
{
  SocCommandPrivate *priv = soc_command_get_instance_private (self);

  g_return_if_fail (SOC_IS_COMMAND (self));

  g_free (priv->label);
  priv->label = g_strdup (label);
}

/* Commands with the same non-NULL merge key, executed one after another
 * (a drag, continuous typing), may fold into one undo step. */
const char *
soc_command_get_merge_key (SocCommand *self)
{
  SocCommandPrivate *priv = soc_command_get_instance_private (self);

  g_return_val_if_fail (SOC_IS_COMMAND (self), NULL);

  return priv->merge_key;
}

void
soc_command_set_merge_key (SocCommand *self,
                           const char *merge_key)
{
  SocCommandPrivate *priv = soc_command_get_instance_private (self);

  g_return_if_fail (SOC_IS_COMMAND (self));

  g_free (priv->merge_key);
  priv->merge_key = g_strdup (merge_key);
}

void
soc_command_apply (SocCommand  *self,
                   SocDocument *document)
{
  g_return_if_fail (SOC_IS_COMMAND (self));

  SOC_COMMAND_GET_CLASS (self)->apply (self, document);
}

void
soc_command_revert (SocCommand  *self,
                    SocDocument *document)
{
  g_return_if_fail (SOC_IS_COMMAND (self));

  SOC_COMMAND_GET_CLASS (self)->revert (self, document);
}

gboolean
soc_command_merge (SocCommand *self,
                   SocCommand *next)
{
  g_return_val_if_fail (SOC_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (SOC_IS_COMMAND (next), FALSE);

  if (G_OBJECT_TYPE (self) != G_OBJECT_TYPE (next))
    return FALSE;
  if (soc_command_get_merge_key (self) == NULL ||
      g_strcmp0 (soc_command_get_merge_key (self), soc_command_get_merge_key (next)) != 0)
    return FALSE;
  if (!SOC_COMMAND_GET_CLASS (self)->can_merge (self, next))
    return FALSE;
  SOC_COMMAND_GET_CLASS (self)->merge (self, next);
  return TRUE;
}
