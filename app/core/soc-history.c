/* soc-history.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Commands [0, position) are applied, [position, len) can be redone. The
 * saved position is where the document matches its file, or -1 when no
 * sequence of undo and redo can bring it back (the saved state was cut off
 * by a new edit or by the size limit), so "modified" is exact.
 */

#define G_LOG_DOMAIN "soc-history"

#include "config.h"

#include "soc-history.h"

struct _SocHistory
{
  GObject    parent_instance;

  GPtrArray *commands;
  GArray    *serials;   /* guint64 per command: changes when it merges */
  guint64    next_serial;
  guint64    base_serial;   /* the state at position 0 */
  guint      position;
  int        saved;
  guint      limit;
  guint      sealed : 1;
};

G_DEFINE_FINAL_TYPE (SocHistory, soc_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
  const char *undo_label;
  const char *redo_label;
} Snapshot;

static void
snapshot (SocHistory *self,
          Snapshot   *s)
{
  s->can_undo = soc_history_can_undo (self);
  s->can_redo = soc_history_can_redo (self);
  s->modified = soc_history_is_modified (self);
  s->undo_label = soc_history_get_undo_label (self);
  s->redo_label = soc_history_get_redo_label (self);
}

/* Notifies only what changed since BEFORE. */
static void
notify_changes (SocHistory     *self,
                const Snapshot *before)
{
  Snapshot after;

  snapshot (self, &after);
  g_object_freeze_notify (G_OBJECT (self));
  if (after.can_undo != before->can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (after.can_redo != before->can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (after.modified != before->modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (g_strcmp0 (after.undo_label, before->undo_label) != 0 || after.undo_label != before->undo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (g_strcmp0 (after.redo_label, before->redo_label) != 0 || after.redo_label != before->redo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
soc_history_finalize (GObject *object)
{
  SocHistory *self = SOC_HISTORY (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);
  g_clear_pointer (&self->serials, g_array_unref);

  G_OBJECT_CLASS (soc_history_parent_class)->finalize (object);
}

static void
soc_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SocHistory *self = SOC_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, soc_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, soc_history_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, soc_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, soc_history_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, soc_history_is_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_history_class_init (SocHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = soc_history_finalize;
  object_class->get_property = soc_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
soc_history_init (SocHistory *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
  self->serials = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->next_serial = 1;
  self->limit = SOC_HISTORY_DEFAULT_LIMIT;
}

SocHistory *
soc_history_new (guint limit)
{
  SocHistory *self = g_object_new (SOC_TYPE_HISTORY, NULL);

  self->limit = MAX (limit, 1);
  return self;
}

/* Records COMMAND, already applied, as the newest step (taking ownership). */
void
soc_history_push (SocHistory *self,
                  SocCommand *command)
{
  Snapshot before;

  g_return_if_fail (SOC_IS_HISTORY (self));
  g_return_if_fail (SOC_IS_COMMAND (command));

  snapshot (self, &before);

  /* A new step cuts off what could be redone. */
  if (self->position < self->commands->len)
    {
      if (self->saved > (int) self->position)
        self->saved = -1;
      g_ptr_array_remove_range (self->commands, self->position,
                                self->commands->len - self->position);
      g_array_set_size (self->serials, self->position);
    }

  if (!self->sealed && self->position > 0 && self->saved != (int) self->position &&
      soc_command_merge (g_ptr_array_index (self->commands, self->position - 1), command))
    {
      g_object_unref (command);
      g_array_index (self->serials, guint64, self->position - 1) = self->next_serial++;
    }
  else
    {
      guint64 serial = self->next_serial++;

      g_ptr_array_add (self->commands, command);
      g_array_append_val (self->serials, serial);
      self->position++;
    }
  self->sealed = FALSE;

  while (self->commands->len > self->limit)
    {
      g_ptr_array_remove_index (self->commands, 0);
      self->base_serial = g_array_index (self->serials, guint64, 0);
      g_array_remove_index (self->serials, 0);
      self->position--;
      if (self->saved >= 0)
        self->saved--;
    }

  notify_changes (self, &before);
}

gboolean
soc_history_undo (SocHistory  *self,
                  SocDocument *document)
{
  Snapshot before;

  g_return_val_if_fail (SOC_IS_HISTORY (self), FALSE);

  if (self->position == 0)
    return FALSE;

  snapshot (self, &before);
  self->position--;
  self->sealed = TRUE;
  soc_command_revert (g_ptr_array_index (self->commands, self->position), document);
  notify_changes (self, &before);
  return TRUE;
}

gboolean
soc_history_redo (SocHistory  *self,
                  SocDocument *document)
{
  Snapshot before;

  g_return_val_if_fail (SOC_IS_HISTORY (self), FALSE);

  if (self->position >= self->commands->len)
    return FALSE;

  snapshot (self, &before);
  soc_command_apply (g_ptr_array_index (self->commands, self->position), document);
  self->position++;
  self->sealed = TRUE;
  notify_changes (self, &before);
  return TRUE;
}

gboolean
soc_history_can_undo (SocHistory *self)
{
  g_return_val_if_fail (SOC_IS_HISTORY (self), FALSE);
  return self->position > 0;
}

gboolean
soc_history_can_redo (SocHistory *self)
{
  g_return_val_if_fail (SOC_IS_HISTORY (self), FALSE);
  return self->position < self->commands->len;
}

const char *
soc_history_get_undo_label (SocHistory *self)
{
  g_return_val_if_fail (SOC_IS_HISTORY (self), NULL);

  if (self->position == 0)
    return NULL;
  return soc_command_get_label (g_ptr_array_index (self->commands, self->position - 1));
}

const char *
soc_history_get_redo_label (SocHistory *self)
{
  g_return_val_if_fail (SOC_IS_HISTORY (self), NULL);

  if (self->position >= self->commands->len)
    return NULL;
  return soc_command_get_label (g_ptr_array_index (self->commands, self->position));
}

guint
soc_history_get_n_steps (SocHistory *self)
{
  g_return_val_if_fail (SOC_IS_HISTORY (self), 0);
  return self->commands->len;
}

/* Ends a run of mergeable commands: the next one starts a new step. */
void
soc_history_seal (SocHistory *self)
{
  g_return_if_fail (SOC_IS_HISTORY (self));
  self->sealed = TRUE;
}

void
soc_history_mark_saved (SocHistory *self)
{
  Snapshot before;

  g_return_if_fail (SOC_IS_HISTORY (self));

  snapshot (self, &before);
  self->saved = (int) self->position;
  self->sealed = TRUE;
  notify_changes (self, &before);
}

/* The file no longer matches any state (it was replaced, or never existed). */
void
soc_history_mark_unsaved (SocHistory *self)
{
  Snapshot before;

  g_return_if_fail (SOC_IS_HISTORY (self));

  snapshot (self, &before);
  self->saved = -1;
  notify_changes (self, &before);
}

gboolean
soc_history_is_modified (SocHistory *self)
{
  g_return_val_if_fail (SOC_IS_HISTORY (self), FALSE);
  return self->saved != (int) self->position;
}

/* A token for the state the document is in now, for saving in the
 * background: edits made while the bytes are written do not count as
 * saved. The next command will not merge into the current one. */
guint64
soc_history_get_state (SocHistory *self)
{
  g_return_val_if_fail (SOC_IS_HISTORY (self), 0);

  self->sealed = TRUE;
  if (self->position == 0)
    return self->base_serial;
  return g_array_index (self->serials, guint64, self->position - 1);
}

/* Marks the state STATE (from soc_history_get_state()) as the saved one,
 * or none if undo and redo can no longer reach it. */
void
soc_history_mark_saved_state (SocHistory *self,
                              guint64     state)
{
  Snapshot before;

  g_return_if_fail (SOC_IS_HISTORY (self));

  snapshot (self, &before);
  self->saved = -1;
  if (state == self->base_serial)
    self->saved = 0;
  else
    for (guint i = 0; i < self->serials->len; i++)
      if (g_array_index (self->serials, guint64, i) == state)
        {
          self->saved = (int) i + 1;
          break;
        }
  notify_changes (self, &before);
}
