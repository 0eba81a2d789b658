/* soc-command-group.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-command-group"

#include "config.h"

#include "soc-command-group.h"

struct _SocCommandGroup
{
  SocCommand parent_instance;

  GPtrArray *commands;
};

G_DEFINE_FINAL_TYPE (SocCommandGroup, soc_command_group, SOC_TYPE_COMMAND)

static void
soc_command_group_apply (SocCommand  *command,
                         SocDocument *document)
{
  SocCommandGroup *self = SOC_COMMAND_GROUP (command);

  for (guint i = 0; i < self->commands->len; i++)
    soc_command_apply (g_ptr_array_index (self->commands, i), document);
}

static void
soc_command_group_revert (SocCommand  *command,
                          SocDocument *document)
{
  SocCommandGroup *self = SOC_COMMAND_GROUP (command);

  for (guint i = self->commands->len; i > 0; i--)
    soc_command_revert (g_ptr_array_index (self->commands, i - 1), document);
}

/* Two groups merge when each of their steps merges with its counterpart: a
 * drag that moves start and end together, many times over. */
static gboolean
soc_command_group_can_merge (SocCommand *command,
                             SocCommand *next)
{
  SocCommandGroup *self = SOC_COMMAND_GROUP (command);
  SocCommandGroup *other = SOC_COMMAND_GROUP (next);

  if (self->commands->len != other->commands->len)
    return FALSE;

  for (guint i = 0; i < self->commands->len; i++)
    {
      SocCommand *a = g_ptr_array_index (self->commands, i);
      SocCommand *b = g_ptr_array_index (other->commands, i);

      if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b) ||
          !SOC_COMMAND_GET_CLASS (a)->can_merge (a, b))
        return FALSE;
    }
  return TRUE;
}

static void
soc_command_group_merge (SocCommand *command,
                         SocCommand *next)
{
  SocCommandGroup *self = SOC_COMMAND_GROUP (command);
  SocCommandGroup *other = SOC_COMMAND_GROUP (next);

  for (guint i = 0; i < self->commands->len; i++)
    {
      SocCommand *a = g_ptr_array_index (self->commands, i);
      SocCommand *b = g_ptr_array_index (other->commands, i);

      SOC_COMMAND_GET_CLASS (a)->merge (a, b);
    }
}

static void
soc_command_group_finalize (GObject *object)
{
  SocCommandGroup *self = SOC_COMMAND_GROUP (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (soc_command_group_parent_class)->finalize (object);
}

static void
soc_command_group_class_init (SocCommandGroupClass *klass)
{
  SocCommandClass *command_class = SOC_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = soc_command_group_finalize;
  command_class->apply = soc_command_group_apply;
  command_class->revert = soc_command_group_revert;
  command_class->can_merge = soc_command_group_can_merge;
  command_class->merge = soc_command_group_merge;
}

static void
soc_command_group_init (SocCommandGroup *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

SocCommand *
soc_command_group_new (const char *label)
{
  SocCommand *self = g_object_new (SOC_TYPE_COMMAND_GROUP, NULL);

  soc_command_set_label (self, label);
  return self;
}

/* Adds COMMAND, taking ownership. The group does not apply it: it is
 * either already applied, or the group is applied as a whole later. */
void
soc_command_group_add (SocCommandGroup *self,
                       SocCommand      *command)
{
  g_return_if_fail (SOC_IS_COMMAND_GROUP (self));
  g_return_if_fail (SOC_IS_COMMAND (command));

  g_ptr_array_add (self->commands, command);
}

guint
soc_command_group_get_size (SocCommandGroup *self)
{
  g_return_val_if_fail (SOC_IS_COMMAND_GROUP (self), 0);
  return self->commands->len;
}

SocCommand *
soc_command_group_get (SocCommandGroup *self,
                       guint            index)
{
  g_return_val_if_fail (SOC_IS_COMMAND_GROUP (self), NULL);
  g_return_val_if_fail (index < self->commands->len, NULL);
  return g_ptr_array_index (self->commands, index);
}
