/* soc-command-insert.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One type for both directions: removing is inserting, reverted. A goal
 * travels with its whole subtree. References to what is removed must be
 * cleared first, by other commands in the same group (see soc-edit.c).
 */

#define G_LOG_DOMAIN "soc-command-insert"

#include "config.h"

#include "soc-command-insert.h"
#include "soc-document-private.h"

struct _SocCommandInsert
{
  SocCommand  parent_instance;

  SocObject  *object;
  SocGoal    *parent;     /* the goal a goal goes under, or NULL */
  guint       position;
  gboolean    remove;
};

G_DEFINE_FINAL_TYPE (SocCommandInsert, soc_command_insert, SOC_TYPE_COMMAND)

static void
do_insert (SocCommandInsert *self,
           SocDocument      *document)
{
  SocObjectList *list = _soc_document_list_for (document, self->object, self->parent);

  if (SOC_IS_GOAL (self->object))
    _soc_goal_set_parent (SOC_GOAL (self->object), self->parent);
  soc_object_list_insert (list, MIN (self->position, soc_object_list_get_size (list)), self->object);
  _soc_document_register (document, self->object);
}

static void
do_remove (SocCommandInsert *self,
           SocDocument      *document)
{
  SocObjectList *list = _soc_document_list_for (document, self->object, self->parent);
  g_autoptr(SocObject) stolen = NULL;
  guint position;

  if (!soc_object_list_find (list, self->object, &position))
    g_return_if_reached ();

  self->position = position;
  _soc_document_unregister (document, self->object);
  stolen = soc_object_list_steal (list, position);
  if (SOC_IS_GOAL (self->object))
    _soc_goal_set_parent (SOC_GOAL (self->object), NULL);
}

static void
soc_command_insert_apply (SocCommand  *command,
                          SocDocument *document)
{
  SocCommandInsert *self = SOC_COMMAND_INSERT (command);

  if (self->remove)
    do_remove (self, document);
  else
    do_insert (self, document);
}

static void
soc_command_insert_revert (SocCommand  *command,
                           SocDocument *document)
{
  SocCommandInsert *self = SOC_COMMAND_INSERT (command);

  if (self->remove)
    do_insert (self, document);
  else
    do_remove (self, document);
}

static void
soc_command_insert_finalize (GObject *object)
{
  SocCommandInsert *self = SOC_COMMAND_INSERT (object);

  g_clear_object (&self->object);
  g_clear_object (&self->parent);

  G_OBJECT_CLASS (soc_command_insert_parent_class)->finalize (object);
}

static void
soc_command_insert_class_init (SocCommandInsertClass *klass)
{
  SocCommandClass *command_class = SOC_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = soc_command_insert_finalize;
  command_class->apply = soc_command_insert_apply;
  command_class->revert = soc_command_insert_revert;
}

static void
soc_command_insert_init (SocCommandInsert *self)
{
}

/* Inserts OBJECT, which has its id already, at POSITION of its list (for a
 * goal, of PARENT's children or of the roots). */
SocCommand *
soc_command_insert_new (SocObject  *object,
                        SocGoal    *parent,
                        guint       position,
                        const char *label)
{
  SocCommandInsert *self;

  g_return_val_if_fail (SOC_IS_OBJECT (object), NULL);
  g_return_val_if_fail (parent == NULL || SOC_IS_GOAL (object), NULL);

  self = g_object_new (SOC_TYPE_COMMAND_INSERT, NULL);
  self->object = g_object_ref (object);
  self->parent = parent != NULL ? g_object_ref (parent) : NULL;
  self->position = position;
  soc_command_set_label (SOC_COMMAND (self), label);
  return SOC_COMMAND (self);
}

/* Takes OBJECT (and a goal's subtree) out of DOCUMENT. */
SocCommand *
soc_command_remove_new (SocDocument *document,
                        SocObject   *object,
                        const char  *label)
{
  SocCommandInsert *self;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (SOC_IS_OBJECT (object), NULL);

  self = g_object_new (SOC_TYPE_COMMAND_INSERT, NULL);
  self->object = g_object_ref (object);
  if (SOC_IS_GOAL (object) && SOC_GOAL (object)->parent != NULL)
    self->parent = g_object_ref (SOC_GOAL (object)->parent);
  self->remove = TRUE;
  soc_command_set_label (SOC_COMMAND (self), label);
  return SOC_COMMAND (self);
}
