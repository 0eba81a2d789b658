/* soc-command-move.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-command-move"

#include "config.h"

#include "soc-command-move.h"
#include "soc-document-private.h"

struct _SocCommandMove
{
  SocCommand  parent_instance;

  SocObject  *object;
  SocGoal    *new_parent;
  guint       new_position;  /* in the destination, once taken out of the source */
  SocGoal    *old_parent;
  guint       old_position;
};

G_DEFINE_FINAL_TYPE (SocCommandMove, soc_command_move, SOC_TYPE_COMMAND)

static void
move (SocDocument *document,
      SocObject   *object,
      SocGoal     *to_parent,
      guint        to_position,
      SocGoal    **from_parent,
      guint       *from_position)
{
  SocGoal *parent = SOC_IS_GOAL (object) ? SOC_GOAL (object)->parent : NULL;
  SocObjectList *source = _soc_document_list_for (document, object, parent);
  SocObjectList *dest = _soc_document_list_for (document, object, to_parent);
  g_autoptr(SocObject) stolen = NULL;
  guint position;

  if (!soc_object_list_find (source, object, &position))
    g_return_if_reached ();

  g_clear_object (from_parent);
  *from_parent = parent != NULL ? g_object_ref (parent) : NULL;
  *from_position = position;

  _soc_document_note_change (document, object);
  stolen = soc_object_list_steal (source, position);
  if (SOC_IS_GOAL (object))
    _soc_document_set_parent (document, SOC_GOAL (object), to_parent);
  soc_object_list_insert (dest, MIN (to_position, soc_object_list_get_size (dest)), object);
}

static void
soc_command_move_apply (SocCommand  *command,
                        SocDocument *document)
{
  SocCommandMove *self = SOC_COMMAND_MOVE (command);

  move (document, self->object, self->new_parent, self->new_position,
        &self->old_parent, &self->old_position);
}

static void
soc_command_move_revert (SocCommand  *command,
                         SocDocument *document)
{
  SocCommandMove *self = SOC_COMMAND_MOVE (command);
  g_autoptr(SocGoal) ignored_parent = NULL;
  guint ignored_position;

  move (document, self->object, self->old_parent, self->old_position,
        &ignored_parent, &ignored_position);
}

static void
soc_command_move_finalize (GObject *object)
{
  SocCommandMove *self = SOC_COMMAND_MOVE (object);

  g_clear_object (&self->object);
  g_clear_object (&self->new_parent);
  g_clear_object (&self->old_parent);

  G_OBJECT_CLASS (soc_command_move_parent_class)->finalize (object);
}

static void
soc_command_move_class_init (SocCommandMoveClass *klass)
{
  SocCommandClass *command_class = SOC_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = soc_command_move_finalize;
  command_class->apply = soc_command_move_apply;
  command_class->revert = soc_command_move_revert;
}

static void
soc_command_move_init (SocCommandMove *self)
{
}

/* Moves OBJECT to NEW_POSITION of its list, or a goal to NEW_POSITION among
 * NEW_PARENT's children (the roots if NULL). The position counts the
 * destination without the object. Cycles are checked by soc_edit_move(). */
SocCommand *
soc_command_move_new (SocObject  *object,
                      SocGoal    *new_parent,
                      guint       new_position,
                      const char *label)
{
  SocCommandMove *self;

  g_return_val_if_fail (SOC_IS_OBJECT (object), NULL);
  g_return_val_if_fail (new_parent == NULL || SOC_IS_GOAL (object), NULL);

  self = g_object_new (SOC_TYPE_COMMAND_MOVE, NULL);
  self->object = g_object_ref (object);
  self->new_parent = new_parent != NULL ? g_object_ref (new_parent) : NULL;
  self->new_position = new_position;
  soc_command_set_label (SOC_COMMAND (self), label);
  return SOC_COMMAND (self);
}
