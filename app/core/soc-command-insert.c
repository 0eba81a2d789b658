/* soc-command-insert.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One type for both directions: removing is inserting, reverted. A goal
 * travels with its whole subtree. References to what is removed must be
 * cleared first, by other commands in the same group (see soc-edit.c).
 *
 * One command may take many objects out of one list (a stakeholder's
 * relationships, a lane's items): the list changes in one pass and says so
 * once, and undoing puts each object back where it was.
 */

#define G_LOG_DOMAIN "soc-command-insert"

#include "config.h"

#include "soc-command-insert.h"
#include "soc-document-private.h"

struct _SocCommandInsert
{
  SocCommand  parent_instance;

  GPtrArray  *objects;    /* SocObject, owned, all of one list, by position */
  GArray     *positions;  /* guint per object: where it is in its list, ascending */
  SocGoal    *parent;     /* the goal whose children they are, or NULL */
  gboolean    remove;
  gboolean    placed;     /* POSITIONS are known */
};

G_DEFINE_FINAL_TYPE (SocCommandInsert, soc_command_insert, SOC_TYPE_COMMAND)

static SocObjectList *
list_of (SocCommandInsert *self,
         SocDocument      *document)
{
  return _soc_document_list_for (document, g_ptr_array_index (self->objects, 0), self->parent);
}

static void
do_insert (SocCommandInsert *self,
           SocDocument      *document)
{
  SocObjectList *list = list_of (self, document);
  SocObject **objects = (SocObject **) self->objects->pdata;
  guint n = self->objects->len;

  for (guint i = 0; i < n; i++)
    if (SOC_IS_GOAL (objects[i]))
      _soc_document_set_parent (document, SOC_GOAL (objects[i]), self->parent);

  if (n == 1)
    soc_object_list_insert (list, MIN (g_array_index (self->positions, guint, 0), soc_object_list_get_size (list)),
                            objects[0]);
  else
    soc_object_list_insert_all (list, objects, (const guint *) self->positions->data, n);

  for (guint i = 0; i < n; i++)
    _soc_document_register (document, objects[i]);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const guint *positions = user_data;
  guint pa = positions[*(const guint *) a];
  guint pb = positions[*(const guint *) b];

  return pa < pb ? -1 : pa > pb;
}

/* Finds where the objects are, and keeps them in that order. */
static gboolean
place (SocCommandInsert *self,
       SocObjectList    *list)
{
  guint n = self->objects->len;
  g_autofree guint *found = g_new (guint, n);
  g_autofree guint *order = g_new (guint, n);
  g_autoptr(GPtrArray) sorted = NULL;

  if (!soc_object_list_find_all (list, (SocObject **) self->objects->pdata, n, found))
    return FALSE;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (int) n, sizeof (guint), compare_positions, found);

  sorted = g_ptr_array_new_full (n, g_object_unref);
  g_array_set_size (self->positions, n);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (sorted, g_object_ref (g_ptr_array_index (self->objects, order[i])));
      g_array_index (self->positions, guint, i) = found[order[i]];
    }
  g_ptr_array_unref (self->objects);
  self->objects = g_steal_pointer (&sorted);
  self->placed = TRUE;
  return TRUE;
}

/* Whether the objects are still where they were found. */
static gboolean
still_placed (SocCommandInsert *self,
              SocObjectList    *list)
{
  guint size = soc_object_list_get_size (list);

  if (!self->placed)
    return FALSE;
  for (guint i = 0; i < self->objects->len; i++)
    {
      guint p = g_array_index (self->positions, guint, i);

      if (p >= size || soc_object_list_get (list, p) != g_ptr_array_index (self->objects, i))
        return FALSE;
    }
  return TRUE;
}

static void
do_remove (SocCommandInsert *self,
           SocDocument      *document)
{
  SocObjectList *list = list_of (self, document);
  guint n = self->objects->len;

  if (!still_placed (self, list) && !place (self, list))
    g_return_if_reached ();

  for (guint i = 0; i < n; i++)
    _soc_document_unregister (document, g_ptr_array_index (self->objects, i));

  if (n == 1)
    g_object_unref (soc_object_list_steal (list, g_array_index (self->positions, guint, 0)));
  else
    soc_object_list_remove_all (list, (const guint *) self->positions->data, n);

  for (guint i = 0; i < n; i++)
    if (SOC_IS_GOAL (g_ptr_array_index (self->objects, i)))
      _soc_document_set_parent (document, g_ptr_array_index (self->objects, i), NULL);
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

  g_clear_pointer (&self->objects, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_array_unref);
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
  self->objects = g_ptr_array_new_with_free_func (g_object_unref);
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* An object added anew is referred to by nothing in the document; one that
 * was there before may remember what referred to it then (see
 * soc-command-unlink.c). */
static void
forget_referrers (SocObject *object)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, object);
  while (stack->len > 0)
    {
      SocObject *o = g_ptr_array_steal_index_fast (stack, stack->len - 1);
      SocObjectDocData *data = soc_object_get_doc_data (o);

      if (data->referrers != NULL && data->referrers_free != NULL)
        data->referrers_free (data->referrers);
      data->referrers = NULL;
      if (SOC_IS_GOAL (o))
        for (guint i = 0; i < soc_object_list_get_size (SOC_GOAL (o)->children); i++)
          g_ptr_array_add (stack, soc_object_list_get (SOC_GOAL (o)->children, i));
    }
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

  forget_referrers (object);
  self = g_object_new (SOC_TYPE_COMMAND_INSERT, NULL);
  g_ptr_array_add (self->objects, g_object_ref (object));
  g_array_append_val (self->positions, position);
  self->parent = parent != NULL ? g_object_ref (parent) : NULL;
  soc_command_set_label (SOC_COMMAND (self), label);
  return SOC_COMMAND (self);
}

/* Takes OBJECT (and a goal's subtree) out of DOCUMENT. */
SocCommand *
soc_command_remove_new (SocDocument *document,
                        SocObject   *object,
                        const char  *label)
{
  g_return_val_if_fail (SOC_IS_OBJECT (object), NULL);

  return soc_command_remove_all_new (document, &object, 1, label);
}

/* Takes OBJECTS out of DOCUMENT at once. They are all in one list: goals
 * have one parent. */
SocCommand *
soc_command_remove_all_new (SocDocument  *document,
                            SocObject   **objects,
                            guint         n_objects,
                            const char   *label)
{
  SocCommandInsert *self;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (n_objects > 0, NULL);

  self = g_object_new (SOC_TYPE_COMMAND_INSERT, NULL);
  for (guint i = 0; i < n_objects; i++)
    {
      g_return_val_if_fail (SOC_IS_OBJECT (objects[i]), NULL);
      g_ptr_array_add (self->objects, g_object_ref (objects[i]));
    }
  if (SOC_IS_GOAL (objects[0]) && SOC_GOAL (objects[0])->parent != NULL)
    self->parent = g_object_ref (SOC_GOAL (objects[0])->parent);
  self->remove = TRUE;
  soc_command_set_label (SOC_COMMAND (self), label);
  return SOC_COMMAND (self);
}
