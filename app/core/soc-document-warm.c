/* soc-document-warm.c: what a document does while the main loop is idle
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After a plan is opened, it warms up: its index of references is built
 * and every object is written once (the text a save lists, see
 * soc-writer.c), a couple of milliseconds at a time. Then what edits change
 * is written again the same way. And when a large plan goes, the memory it
 * freed is given back to the system.
 */

#define G_LOG_DOMAIN "soc-document"

#include "config.h"

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "soc-document-private.h"

#define WARM_SLICE_US 2000   /* the longest a slice holds the main loop */

/* Every object of the document, in the order of the file. */
GPtrArray *
_soc_document_collect_all (SocDocument *self)
{
  GPtrArray *all = _soc_document_collect_goals (self);
  SocObjectList *lists[] = { self->lanes, self->phases, self->items, self->stakeholders,
                             self->relationships, self->overrides };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      guint n;
      SocObject **members = soc_object_list_peek (lists[l], &n);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (all, members[i]);
    }
  g_ptr_array_add (all, self->plan);
  return all;
}

static gboolean
warm_up_slice (gpointer data)
{
  SocDocument *self = data;
  gint64 deadline = g_get_monotonic_time () + WARM_SLICE_US;
  GPtrArray *objects;

  /* Collecting is a slice of its own; commands make it stale. */
  if (self->warm_objects == NULL)
    {
      if (!self->indexed)
        _soc_document_start_index (self);
      else
        {
          self->warm_objects = _soc_document_collect_all (self);
          self->warm_next = 0;
        }
      return G_SOURCE_CONTINUE;
    }
  objects = self->warm_objects;

  if (!self->indexed)
    {
      while (self->warm_next < objects->len && g_get_monotonic_time () < deadline)
        {
          guint to = MIN (self->warm_next + 256, objects->len);

          _soc_document_index_range (self, objects, self->warm_next, to);
          self->warm_next = to;
        }
      if (self->warm_next == objects->len)
        {
          self->indexed = TRUE;
          self->warm_next = 0;
        }
      return G_SOURCE_CONTINUE;
    }

  while (self->warm_next < objects->len && g_get_monotonic_time () < deadline)
    for (guint end = MIN (self->warm_next + 64, objects->len); self->warm_next < end; self->warm_next++)
      {
        SocObject *o = g_ptr_array_index (objects, self->warm_next);
        _soc_object_prepare_fragment (o, SOC_IS_PLAN (o) ? 1 : 2);
      }
  if (self->warm_next < objects->len)
    return G_SOURCE_CONTINUE;

  g_clear_pointer (&self->warm_objects, g_ptr_array_unref);
  self->warm_id = 0;
  self->warmed = TRUE;
  return G_SOURCE_REMOVE;
}

/* Asks for what writing OBJECT reads, one STAGE of it (see SOC_FETCH):
 * 0 the object and what the document keeps in it; 1 its id and its texts;
 * and from 1 to 4 what it refers to, down to the ids it writes
 * (_soc_object_fetch_references(); stage 4 only for an object in the
 * document). A large edit (the goal tree deleted) has tens of thousands of
 * objects written again, scattered over memory: each stage a few objects
 * before the one that reads it. */
static void
fetch_for_writing (SocObject *object,
                   guint      stage)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (object);

  if (stage == 0)
    {
      SOC_FETCH (object);
      SOC_FETCH (soc_object_get_doc_data (object));
      return;
    }
  if (stage == 1)
    {
      SOC_FETCH (soc_object_peek_id (object));
      for (guint f = 0; f < klass->n_fields; f++)
        {
          const SocField *field = &klass->fields[f];

          /* Only text fields hold a pointer. */
          if (field->kind == SOC_FIELD_STRING || field->kind == SOC_FIELD_TEXT)
            {
              const char *value = *(const char **) SOC_FIELD_PTR (object, field);

              if (value != NULL)
                SOC_FETCH (value);
            }
        }
    }
  _soc_object_fetch_references (object, stage);
}

/* Whether the objects a few places ahead are in the document, kept until
 * they are written: more than SOC_FETCH_AHEAD of them. */
#define RING (2 * SOC_FETCH_AHEAD)

/* Writes again, a slice at a time, what changed since the warm-up. */
static gboolean
rewrite_slice (gpointer data)
{
  SocDocument *self = data;
  gint64 deadline = g_get_monotonic_time () + WARM_SLICE_US;
  guint first = self->rewrite_next;
  gboolean contains[RING];

  while (self->rewrite != NULL && self->rewrite_next < self->rewrite->len &&
         g_get_monotonic_time () < deadline)
    {
      SocObject **objects = (SocObject **) self->rewrite->pdata;
      guint n = self->rewrite->len;

      for (guint end = MIN (self->rewrite_next + 64, n); self->rewrite_next < end; self->rewrite_next++)
        {
          guint i = self->rewrite_next, ahead = i + SOC_FETCH_AHEAD;
          gboolean contained;

          for (guint stage = 0; stage < 4; stage++)
            if (i + (5 - stage) * SOC_FETCH_AHEAD < n)
              fetch_for_writing (objects[i + (5 - stage) * SOC_FETCH_AHEAD], stage);
          /* The last stage reads what the object refers to, which is sure
           * to be there only while the object is in the document: whether
           * it is is known a few objects ahead too. */
          if (ahead < n)
            {
              contains[ahead % RING] = _soc_document_contains (self, objects[ahead]);
              if (contains[ahead % RING])
                fetch_for_writing (objects[ahead], 4);
            }
          contained = i >= first + SOC_FETCH_AHEAD ? contains[i % RING] : _soc_document_contains (self, objects[i]);
          if (contained)
            _soc_object_prepare_fragment (objects[i], SOC_IS_PLAN (objects[i]) ? 1 : 2);
        }
    }
  if (self->rewrite != NULL && self->rewrite_next < self->rewrite->len)
    return G_SOURCE_CONTINUE;

  g_clear_pointer (&self->rewrite, g_ptr_array_unref);
  self->rewrite_next = 0;
  self->rewrite_id = 0;
  return G_SOURCE_REMOVE;
}

/* OBJECT has lost its written form: once the plan is warmed up, it is
 * written again while the main loop is idle, so that the next save does
 * not have to (after a delete that touched fifty thousand items, say). */
void
_soc_document_written_form_changed (SocDocument *self,
                                    SocObject   *object)
{
  if (!self->warmed)
    return;
  if (self->rewrite == NULL)
    self->rewrite = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->rewrite, g_object_ref (object));
  if (self->rewrite_id == 0)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_LOW);
      g_source_set_callback (source, rewrite_slice, self, NULL);
      g_source_set_static_name (source, "[socplan] write again");
      self->rewrite_id = g_source_attach (source, g_main_context_get_thread_default ());
      g_source_unref (source);
    }
}

/**
 * soc_document_warm_up:
 * @self: a document
 *
 * Prepares, in the idle time of the thread-default main loop, what makes
 * edits and saves of a large plan quick: the index of references a delete
 * uses, and the written form of every object a save or a draft lists. The
 * work goes in slices of a couple of milliseconds; an edit meanwhile is
 * never delayed by more than the rest of the index. Called when a document
 * is first changed, and by whoever will save or draft it (the draft store
 * does on watching it); calling it again does nothing.
 */
void
soc_document_warm_up (SocDocument *self)
{
  GSource *source;

  g_return_if_fail (SOC_IS_DOCUMENT (self));

  if (self->warmed || self->warm_id != 0)
    return;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_LOW);
  g_source_set_callback (source, warm_up_slice, self, NULL);
  g_source_set_static_name (source, "[socplan] warm up");
  self->warm_id = g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
}

/**
 * soc_document_warm_up_now:
 * @self: a document
 *
 * Does at once, in the calling thread, what soc_document_warm_up() does in
 * slices: for the thread that has just read the document, before anyone
 * else has it. The window that shows it then has nothing left to do, and
 * the first delete or save right after opening finds the index and the
 * written text ready (a 100k plan: some 150 ms each, else on the main
 * thread).
 */
void
soc_document_warm_up_now (SocDocument *self)
{
  GPtrArray *objects;

  g_return_if_fail (SOC_IS_DOCUMENT (self));
  g_return_if_fail (self->warm_id == 0);

  if (self->warmed)
    return;
  _soc_document_ensure_index (self);
  if (self->warm_objects == NULL)
    self->warm_objects = _soc_document_collect_all (self);
  objects = self->warm_objects;
  for (guint i = 0; i < objects->len; i++)
    {
      SocObject *o = g_ptr_array_index (objects, i);

      _soc_object_prepare_fragment (o, SOC_IS_PLAN (o) ? 1 : 2);
    }
  g_clear_pointer (&self->warm_objects, g_ptr_array_unref);
  self->warm_next = 0;
  self->warmed = TRUE;
}

/* ------------------------------------------------------------------------ */
/* Giving memory back                                                       */

#ifdef HAVE_MALLOC_TRIM
static gint trim_scheduled;

static gboolean
trim_heap (gpointer data)
{
  g_atomic_int_set (&trim_scheduled, 0);
  malloc_trim (0);
  return G_SOURCE_REMOVE;
}
#endif

/* glibc keeps what a closed plan freed in its heap, for the process to use
 * again, rather than give it back; a moment later, when whatever showed the
 * plan (a window and its widgets) is gone too, ask it to. */
void
_soc_document_give_memory_back (void)
{
#ifdef HAVE_MALLOC_TRIM
  if (g_atomic_int_compare_and_exchange (&trim_scheduled, 0, 1))
    {
      GSource *source = g_timeout_source_new (SOC_GIVE_BACK_DELAY_MS);

      g_source_set_priority (source, G_PRIORITY_LOW);
      g_source_set_callback (source, trim_heap, NULL, NULL);
      g_source_set_static_name (source, "[socplan] give memory back");
      g_source_attach (source, NULL);
      g_source_unref (source);
    }
#endif
}

