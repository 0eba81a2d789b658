/* soc-command-unlink.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before objects leave a document, whatever stays must stop referring to
 * them: owners are cleared, and the goals an item serves and the items it
 * depends on lose those that go. One command does it for every referrer,
 * however many (deleting the goal tree touches every item that serves a
 * goal), remembering each field's old value to put back on undo.
 *
 * The document's index of references is left alone: the objects whose
 * references are cleared leave the document right after, in the same undo
 * step, and come back before they are put back. While they are out, their
 * referrers in the index are what they will be again; no one asks an
 * object out of the document what refers to it.
 */

#define G_LOG_DOMAIN "soc-command-unlink"

#include "config.h"

#include "soc-command-unlink.h"
#include "soc-document-private.h"

/* A reference field's value before and after: a SocObject, or a
 * GPtrArray of them; both owned. With each, the object's written form
 * (a GRefString, owned) when it is known: an undo or a redo then puts the
 * text back instead of writing the object again (tens of thousands of
 * items when the goal tree goes). */
typedef struct
{
  SocObject      *object;     /* owned */
  const SocField *field;
  gpointer        old_value;
  gpointer        new_value;
  char           *old_fragment;
  char           *new_fragment;
} Change;

struct _SocCommandUnlink
{
  SocCommand  parent_instance;

  GArray     *changes;   /* Change */
};

G_DEFINE_FINAL_TYPE (SocCommandUnlink, soc_command_unlink, SOC_TYPE_COMMAND)

static void
value_free (const SocField *field,
            gpointer        value)
{
  if (value == NULL)
    return;
  if (field->kind == SOC_FIELD_REF)
    g_object_unref (value);
  else
    g_ptr_array_unref (value);
}

static void
change_clear (gpointer data)
{
  Change *change = data;

  value_free (change->field, change->old_value);
  value_free (change->field, change->new_value);
  g_clear_pointer (&change->old_fragment, g_ref_string_release);
  g_clear_pointer (&change->new_fragment, g_ref_string_release);
  g_clear_object (&change->object);
}

/* Keeps in SLOT the written form OBJECT has now, if it has one: the text
 * of the state the command leaves, to put back when it comes again. */
static void
keep_fragment (char      **slot,
               SocObject  *object)
{
  const char *fragment = soc_object_peek_fragment (object);

  g_clear_pointer (slot, g_ref_string_release);
  if (fragment != NULL)
    *slot = g_ref_string_acquire ((char *) fragment);
}

/* Asks for what applying or reverting CHANGES[I] reads, STAGE 0 a few
 * changes before stage 1: the object and its doc data, then the text it is
 * written as, whose count keep_fragment() takes. */
static void
fetch_change (GArray *changes,
              guint   i,
              guint   stage)
{
  SocObject *object = g_array_index (changes, Change, i).object;
  const char *fragment;

  if (stage == 0)
    {
      SOC_FETCH (object);
      SOC_FETCH (soc_object_get_doc_data (object));
    }
  else if ((fragment = soc_object_peek_fragment (object)) != NULL)
    SOC_FETCH (fragment);
}

static void
soc_command_unlink_apply (SocCommand  *command,
                          SocDocument *document)
{
  SocCommandUnlink *self = SOC_COMMAND_UNLINK (command);
  guint n = self->changes->len;

  for (guint i = 0; i < n; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);

      if (i + 2 * SOC_FETCH_AHEAD < n)
        fetch_change (self->changes, i + 2 * SOC_FETCH_AHEAD, 0);
      if (i + SOC_FETCH_AHEAD < n)
        fetch_change (self->changes, i + SOC_FETCH_AHEAD, 1);
      keep_fragment (&change->old_fragment, change->object);
      _soc_document_store_reference (document, change->object, change->field, change->new_value, FALSE,
                                     change->new_fragment);
    }
}

static void
soc_command_unlink_revert (SocCommand  *command,
                           SocDocument *document)
{
  SocCommandUnlink *self = SOC_COMMAND_UNLINK (command);

  for (guint i = self->changes->len; i > 0; i--)
    {
      Change *change = &g_array_index (self->changes, Change, i - 1);

      if (i - 1 >= 2 * SOC_FETCH_AHEAD)
        fetch_change (self->changes, i - 1 - 2 * SOC_FETCH_AHEAD, 0);
      if (i - 1 >= SOC_FETCH_AHEAD)
        fetch_change (self->changes, i - 1 - SOC_FETCH_AHEAD, 1);
      keep_fragment (&change->new_fragment, change->object);
      _soc_document_store_reference (document, change->object, change->field, change->old_value, FALSE,
                                     change->old_fragment);
    }
}

static void
soc_command_unlink_finalize (GObject *object)
{
  SocCommandUnlink *self = SOC_COMMAND_UNLINK (object);

  g_clear_pointer (&self->changes, g_array_unref);

  G_OBJECT_CLASS (soc_command_unlink_parent_class)->finalize (object);
}

static void
soc_command_unlink_class_init (SocCommandUnlinkClass *klass)
{
  SocCommandClass *command_class = SOC_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = soc_command_unlink_finalize;
  command_class->apply = soc_command_unlink_apply;
  command_class->revert = soc_command_unlink_revert;
}

static void
soc_command_unlink_init (SocCommandUnlink *self)
{
  self->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->changes, change_clear);
}

static inline gboolean
is_gone (gpointer object,
         guint    gone)
{
  return soc_object_get_doc_data (object)->mark == gone;
}

/* Adds the change of FIELD of OBJECT: a reference to a target cleared, or
 * a list of them without those from FIRST on that are targets. */
static void
add_change (SocCommandUnlink *self,
            SocObject        *object,
            const SocField   *field,
            guint             first,
            guint             gone)
{
  Change change = { g_object_ref (object), field, NULL, NULL };
  gpointer p = SOC_FIELD_PTR (object, field);

  if (field->kind == SOC_FIELD_REF)
    change.old_value = g_object_ref (*(SocObject **) p);
  else
    {
      GPtrArray *links = *(GPtrArray **) p;
      GPtrArray *kept = g_ptr_array_sized_new (links->len - 1);

      for (guint i = 0; i < first; i++)
        g_ptr_array_add (kept, g_ptr_array_index (links, i));
      for (guint i = first + 1; i < links->len; i++)
        if (!is_gone (g_ptr_array_index (links, i), gone))
          g_ptr_array_add (kept, g_ptr_array_index (links, i));
      change.old_value = g_ptr_array_ref (links);
      if (kept->len > 0)
        change.new_value = kept;
      else
        g_ptr_array_unref (kept);
    }
  g_array_append_val (self->changes, change);
}

/* Adds the fields of REFERRER that refer to an object about to go (whose
 * doc data is marked GONE), with their values once those are left out. */
static void
add_referrer (SocCommandUnlink *self,
              SocObject        *referrer,
              guint             gone)
{
  const SocField *const *fields;
  guint n;

  /* No type checks: called once for each of tens of thousands of objects. */
  fields = _soc_object_class_references (SOC_OBJECT_GET_CLASS (referrer), &n);
  for (guint f = 0; f < n; f++)
    {
      const SocField *field = fields[f];
      gpointer p = SOC_FIELD_PTR (referrer, field);

      if (field->kind == SOC_FIELD_REF)
        {
          if (*(gpointer *) p != NULL && is_gone (*(gpointer *) p, gone))
            add_change (self, referrer, field, 0, gone);
        }
      else if (*(GPtrArray **) p != NULL)
        {
          GPtrArray *links = *(GPtrArray **) p;

          for (guint i = 0; i < links->len; i++)
            if (is_gone (g_ptr_array_index (links, i), gone))
              {
                add_change (self, referrer, field, i, gone);
                break;
              }
        }
    }
}

guint
soc_command_unlink_get_size (SocCommandUnlink *self)
{
  g_return_val_if_fail (SOC_IS_COMMAND_UNLINK (self), 0);
  return self->changes->len;
}

/* A command that clears every reference of REFERRERS to an object about
 * to go (marked GONE). Deleting the goal tree of a large plan makes it of
 * tens of thousands of items scattered over memory: what each one reads
 * is asked for a few referrers ahead. */
SocCommand *
soc_command_unlink_new (SocObject *const *referrers,
                        guint             n_referrers,
                        guint             gone)
{
  SocCommandUnlink *self = g_object_new (SOC_TYPE_COMMAND_UNLINK, NULL);

  g_array_set_size (self->changes, n_referrers);
  g_array_set_size (self->changes, 0);
  for (guint i = 0; i < n_referrers; i++)
    {
      /* The referrer, then (stages 1 to 3) what it refers to and whether
       * that goes. */
      if (i + 4 * SOC_FETCH_AHEAD < n_referrers)
        SOC_FETCH (referrers[i + 4 * SOC_FETCH_AHEAD]);
      for (guint stage = 1; stage < 4; stage++)
        if (i + (4 - stage) * SOC_FETCH_AHEAD < n_referrers)
          _soc_object_fetch_references (referrers[i + (4 - stage) * SOC_FETCH_AHEAD], stage);
      add_referrer (self, referrers[i], gone);
    }
  return SOC_COMMAND (self);
}
