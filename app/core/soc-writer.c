/* soc-writer.c: the canonical bytes of a document
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deterministic by construction: the field tables fix the attribute order,
 * the lists fix the object order, numbers are written without the locale,
 * and every string is checked for characters XML 1.0 cannot hold before a
 * byte leaves memory. The result is parsed again before it is returned, so
 * a writer bug can never reach the disk. Content kept from newer versions
 * and other namespaces goes back where it was read.
 *
 * Saving does not hold the window: each object keeps the text it was last
 * written as (a GRefString, dropped whenever the object changes), so that
 * the document's state at the moment of a save is an array of references
 * to immutable pieces, taken on the main thread in a few milliseconds
 * (_soc_document_snapshot()); joining them and reading them back happens
 * in a worker (_soc_snapshot_to_bytes()). An object with content kept from
 * other namespaces is written at every snapshot: its prefixes depend on the
 * whole plan.
 */

#define G_LOG_DOMAIN "soc-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "soc-date.h"
#include "soc-enum-types.h"
#include "soc-fetch.h"
#include "soc-reader.h"
#include "soc-writer-private.h"

/* A snapshot's list of pieces, shared with the document while it is the
 * last snapshot: the next one changes it in place when no earlier snapshot
 * still uses it, without copying a hundred thousand pointers to fresh
 * memory (that alone cost milliseconds of page faults). */
typedef struct
{
  gatomicrefcount  ref_count;
  guint            n;
  char            *at[];
} Pieces;

static Pieces *
pieces_new (char **from,
            guint  n)
{
  Pieces *p = g_malloc (sizeof (Pieces) + MAX (n, 1) * sizeof (char *));

  g_atomic_ref_count_init (&p->ref_count);
  p->n = n;
  memcpy (p->at, from, n * sizeof (char *));
  return p;
}

static Pieces *
pieces_ref (Pieces *p)
{
  g_atomic_ref_count_inc (&p->ref_count);
  return p;
}

static void
pieces_unref (Pieces *p)
{
  if (g_atomic_ref_count_dec (&p->ref_count))
    g_free (p);
}

struct _SocSnapshot
{
  char  **pieces;   /* GRefString, in order: objects' fragments, and... */
  guint   n_pieces;
  char  **owned;    /* ...the rest, which the snapshot owns */
  guint   n_owned;
  Pieces *shared;   /* PIECES, when shared with the document */
};

/* ------------------------------------------------------------------------ */
/* Objects                                                                  */

static gboolean
write_attribute_field (Writer         *w,
                       SocObject      *object,
                       const SocField *f)
{
  gpointer p = SOC_FIELD_PTR (object, f);
  char date[11];

  _soc_writer_open_attribute (w->out, f->name);
  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_COLOUR:
      if (!_soc_writer_escape (w, *(char **) p, TRUE))
        {
          w->bad_where = f->label;
          return FALSE;
        }
      break;
    case SOC_FIELD_ENUM:
      put (w->out, soc_enum_to_nick (f->type (), *(int *) p));
      break;
    case SOC_FIELD_FLAGS:
      _soc_append_flags (w->out, f->type (), *(guint *) p);
      break;
    case SOC_FIELD_INT:
      _soc_writer_append_int (w->out, *(int *) p);
      break;
    case SOC_FIELD_DOUBLE:
      _soc_append_double (w->out, *(double *) p);
      break;
    case SOC_FIELD_DATE:
      soc_date_format (*(guint *) p, date);
      put (w->out, date);
      break;
    case SOC_FIELD_REF:
      put (w->out, soc_object_peek_id (*(SocObject **) p));
      break;
    case SOC_FIELD_TEXT:
    case SOC_FIELD_REFLIST:
    default:
      g_assert_not_reached ();
    }
  g_string_append_c (w->out, '"');
  return TRUE;
}

/* An enum at its default is written too: kinds and states read better
 * spelt out, and always writing them keeps one canonical form. A milestone
 * never writes an end. */
static gboolean
field_is_written (SocObject      *object,
                  const SocField *f)
{
  if (!soc_rules_field_applies (object, f))
    return FALSE;
  if (f->kind == SOC_FIELD_ENUM)
    {
      /* Optional enums at their default are left out. */
      if (!(f->flags & SOC_FIELD_REQUIRED) && *(int *) SOC_FIELD_PTR (object, f) == f->default_value &&
          (g_str_equal (f->name, "recurrence") || g_str_equal (f->name, "gate")))
        return FALSE;
      return TRUE;
    }
  return soc_object_field_is_set (object, f);
}

static gboolean
write_object (Writer    *w,
              SocObject *object,
              guint      level)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (object);
  SocExtras *extras = soc_object_get_extras (object);
  const char *id = soc_object_peek_id (object);
  guint known = 0, next_extra = 0;
  gboolean has_children;

  _soc_writer_indent (w, level);
  g_string_append_c (w->out, '<');
  put (w->out, klass->element);
  if (id != NULL)
    {
      _soc_writer_open_attribute (w->out, "id");
      put (w->out, id);
      g_string_append_c (w->out, '"');
    }

  has_children = extras != NULL && extras->children != NULL && extras->children->len > 0;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];

      if (f->kind == SOC_FIELD_TEXT || f->kind == SOC_FIELD_REFLIST)
        {
          has_children = has_children || soc_object_field_is_set (object, f);
          continue;
        }
      if (field_is_written (object, f) && !write_attribute_field (w, object, f))
        {
          w->bad_object = object;
          return FALSE;
        }
    }
  if (extras != NULL && !_soc_writer_write_extra_attrs (w, extras->attrs))
    {
      w->bad_object = object;
      w->bad_where = NULL;
      return FALSE;
    }

  if (!has_children)
    {
      put (w->out, "/>\n");
      return TRUE;
    }
  put (w->out, ">\n");

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      gpointer p = SOC_FIELD_PTR (object, f);

      if (f->kind == SOC_FIELD_TEXT && *(char **) p != NULL)
        {
          if (!_soc_writer_write_extras_before (w, extras, &next_extra, known, level + 1))
            return FALSE;
          _soc_writer_indent (w, level + 1);
          g_string_append_c (w->out, '<');
          put (w->out, f->name);
          g_string_append_c (w->out, '>');
          if (!_soc_writer_escape (w, *(char **) p, FALSE))
            {
              w->bad_object = object;
              w->bad_where = f->label;
              return FALSE;
            }
          put (w->out, "</");
          put (w->out, f->name);
          put (w->out, ">\n");
          known++;
        }
      else if (f->kind == SOC_FIELD_REFLIST && *(GPtrArray **) p != NULL)
        {
          GPtrArray *refs = *(GPtrArray **) p;

          for (guint k = 0; k < refs->len; k++)
            {
              if (!_soc_writer_write_extras_before (w, extras, &next_extra, known, level + 1))
                return FALSE;
              _soc_writer_indent (w, level + 1);
              g_string_append_c (w->out, '<');
              put (w->out, f->name);
              _soc_writer_open_attribute (w->out, f->ref_attr);
              put (w->out, soc_object_peek_id (g_ptr_array_index (refs, k)));
              put (w->out, "\"/>\n");
              known++;
            }
        }
    }
  if (!_soc_writer_write_extras_before (w, extras, &next_extra, G_MAXUINT, level + 1))
    return FALSE;

  _soc_writer_indent (w, level);
  put (w->out, "</");
  put (w->out, klass->element);
  put (w->out, ">\n");
  return TRUE;
}

static inline void
add_piece (Writer *w,
           char   *piece)
{
  if (G_UNLIKELY (w->n_pieces == w->size_pieces))
    {
      w->size_pieces = MAX (64, w->size_pieces * 2);
      w->pieces = g_renew (char *, w->pieces, w->size_pieces);
    }
  w->pieces[w->n_pieces++] = piece;
}

/* Moves what OUT holds into a piece of the snapshot. */
static void
flush_piece (Writer *w)
{
  char *piece;

  if (w->out->len == 0)
    return;
  piece = g_ref_string_new_len (w->out->str, (gssize) w->out->len);
  g_ptr_array_add (w->owned, piece);
  add_piece (w, piece);
  g_string_truncate (w->out, 0);
}

/* Writes OBJECT's text ahead of a save (at LEVEL, 1 for the plan, 2 for
 * the rest), unless it has it or it holds kept content. */
gboolean
_soc_object_prepare_fragment (SocObject *object,
                              guint      level)
{
  g_autoptr(GString) out = NULL;
  Writer w = { 0 };
  char *made;

  if (soc_object_peek_fragment (object) != NULL ||
      !soc_extras_is_empty (soc_object_get_extras (object)))
    return TRUE;

  out = g_string_sized_new (512);
  w.out = out;
  if (!write_object (&w, object, level))
    return FALSE;
  made = g_ref_string_new_len (out->str, (gssize) out->len);
  soc_object_set_fragment (object, made);
  g_ref_string_release (made);
  return TRUE;
}

/* Writes OBJECT as the text it was written as last, if it has not changed
 * since; else writes it and keeps that text for the next time. */
static gboolean
write_object_kept (Writer    *w,
                   SocObject *object,
                   guint      level)
{
  const char *fragment = w->fresh ? NULL : soc_object_peek_fragment (object);

  /* Writing straight into one buffer (soc_document_serialize()): what is
   * kept is used, nothing more is kept. */
  if (w->pieces == NULL && fragment != NULL)
    {
      put_len (w->out, fragment, g_ref_string_length ((char *) fragment));
      return TRUE;
    }

  if (fragment == NULL)
    {
      SocExtras *extras = soc_object_get_extras (object);
      gsize start = w->out->len;
      char *made;

      /* Kept content takes its prefixes from the whole plan: its namespaces
       * are declared in the order they are met, and it is written anew. */
      if (!soc_extras_is_empty (extras))
        {
          _soc_writer_scan_extras (w, extras);
          w->written_anew = TRUE;
          return write_object (w, object, level);
        }
      if (w->pieces == NULL || w->fresh)
        return write_object (w, object, level);

      if (!write_object (w, object, level))
        return FALSE;
      made = g_ref_string_new_len (w->out->str + start, (gssize) (w->out->len - start));
      soc_object_set_fragment (object, made);
      g_ref_string_release (made);
      g_string_truncate (w->out, start);
      fragment = made;
    }

  /* Listed without a reference: the snapshot holds every fragment. */
  flush_piece (w);
  if (w->log != 0)
    soc_fragment_log_join (object, w->log, w->n_pieces);
  add_piece (w, (char *) fragment);
  return TRUE;
}

/* A snapshot reads one pointer of each object, scattered over the whole
 * plan's memory: asked for this many objects ahead, the reads overlap. */
#define FRAGMENTS_AHEAD 64

/* A section such as <roadmap>: its lists, in order, with kept content.
 * An empty section is left out; *WRITTEN says whether it was written. */
static gboolean
write_section (Writer         *w,
               const char     *name,
               SocExtras      *extras,
               SocObjectList **lists,
               GPtrArray      *objects,
               gboolean       *written)
{
  guint known = 0, next_extra = 0;
  gboolean empty = soc_extras_is_empty (extras);

  for (guint i = 0; lists != NULL && lists[i] != NULL; i++)
    empty = empty && soc_object_list_get_size (lists[i]) == 0;
  if (objects != NULL)
    empty = empty && objects->len == 0;
  *written = !empty;
  if (empty)
    return TRUE;

  g_string_append_printf (w->out, "  <%s", name);
  if (extras != NULL && !_soc_writer_write_extra_attrs (w, extras->attrs))
    return FALSE;
  put (w->out, ">\n");

  for (guint i = 0; lists != NULL && lists[i] != NULL; i++)
    {
      guint n;
      SocObject **members = soc_object_list_peek (lists[i], &n);

      for (guint k = 0; k < n; k++)
        {
          if (k + FRAGMENTS_AHEAD < n)
            soc_object_fetch_fragment (members[k + FRAGMENTS_AHEAD]);
          if (!_soc_writer_write_extras_before (w, extras, &next_extra, known, 2) ||
              !write_object_kept (w, members[k], 2))
            return FALSE;
          known++;
        }
    }
  for (guint k = 0; objects != NULL && k < objects->len; k++)
    {
      if (k + FRAGMENTS_AHEAD < objects->len)
        soc_object_fetch_fragment (g_ptr_array_index (objects, k + FRAGMENTS_AHEAD));
      if (!_soc_writer_write_extras_before (w, extras, &next_extra, known, 2) ||
          !write_object_kept (w, g_ptr_array_index (objects, k), 2))
        return FALSE;
      known++;
    }
  if (!_soc_writer_write_extras_before (w, extras, &next_extra, G_MAXUINT, 2))
    return FALSE;

  g_string_append_printf (w->out, "  </%s>\n", name);
  return TRUE;
}

/* The XML declaration and the root's start tag, with every namespace met
 * while writing the rest. */
static gboolean
write_header (Writer      *w,
              SocDocument *doc)
{
  SocExtras *root = doc->extras[SOC_CONTAINER_ROOT];

  put (w->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (w->out, "<socplan xmlns=\"%s\"", SOC_FORMAT_NAMESPACE);
  for (guint i = 0; i < w->declared->len; i++)
    {
      const char *uri = g_ptr_array_index (w->declared, i);

      g_string_append_printf (w->out, " xmlns:%s=\"", (const char *) g_hash_table_lookup (w->prefixes, uri));
      if (!_soc_writer_escape (w, uri, TRUE))
        return FALSE;
      g_string_append_c (w->out, '"');
    }
  g_string_append_printf (w->out, " version=\"%d.%u\"", SOC_FORMAT_MAJOR, doc->format_minor);
  if (root != NULL && !_soc_writer_write_extra_attrs (w, root->attrs))
    return FALSE;
  put (w->out, ">\n");
  return TRUE;
}

/* Everything inside the root. */
static gboolean
write_body (Writer      *w,
            SocDocument *doc,
            GPtrArray   *goals)
{
  SocExtras *root = doc->extras[SOC_CONTAINER_ROOT];
  guint known = 0, next_extra = 0;
  SocObjectList *roadmap[] = { doc->lanes, doc->phases, doc->items, NULL };
  SocObjectList *stakeholders[] = { doc->stakeholders, doc->relationships, NULL };
  SocObjectList *checklist[] = { doc->overrides, NULL };
  const struct {
    const char     *name;
    SocContainer    container;
    SocObjectList **lists;
    GPtrArray      *objects;
  } sections[] = {
    { "goals", SOC_CONTAINER_GOALS, NULL, goals },
    { "roadmap", SOC_CONTAINER_ROADMAP, roadmap, NULL },
    { "stakeholders", SOC_CONTAINER_STAKEHOLDERS, stakeholders, NULL },
    { "checklist", SOC_CONTAINER_CHECKLIST, checklist, NULL },
  };

  /* Kept content at the top goes back among the sections, counted as the
   * reader counted them: the plan is always there. */
  if (!_soc_writer_write_extras_before (w, root, &next_extra, known++, 1) ||
      !write_object_kept (w, SOC_OBJECT (doc->plan), 1))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      gboolean written;

      if (!_soc_writer_write_extras_before (w, root, &next_extra, known, 1) ||
          !write_section (w, sections[i].name, doc->extras[sections[i].container],
                          sections[i].lists, sections[i].objects, &written))
        return FALSE;
      if (written)
        known++;
    }

  if (!_soc_writer_write_extras_before (w, root, &next_extra, G_MAXUINT, 1))
    return FALSE;
  put (w->out, "</socplan>\n");
  return TRUE;
}

static void
set_unwritable_error (Writer  *w,
                      GError **error)
{
  if (w->bad_object != NULL)
    {
      const char *id = soc_object_peek_id (w->bad_object);
      const char *what = w->bad_where != NULL ? _(w->bad_where) : _("kept content");

      if (id != NULL)
        g_set_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_UNWRITABLE,
                     _("The %s of “%s” (%s) holds a character that a plan file cannot hold, such as a control character; nothing was saved"),
                     what, soc_object_get_label (w->bad_object), id);
      else
        g_set_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_UNWRITABLE,
                     _("The %s of the plan holds a character that a plan file cannot hold, such as a control character; nothing was saved"),
                     what);
    }
  else
    g_set_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_UNWRITABLE,
                 _("The plan holds a character that a plan file cannot hold; nothing was saved"));
}

/* Every object of the document, listed or written: in time proportional
 * to the number of objects and to the text of those changed since they
 * were last written. */
static SocSnapshot *
snapshot_all (SocDocument  *self,
              GError      **error)
{
  g_autoptr(GPtrArray) goals = NULL;
  Writer w = { 0 };
  SocSnapshot *snapshot;
  GString *body;
  gboolean ok;
  guint list_changes = soc_object_list_get_changes ();

  _soc_document_forget_snapshot (self);
  if (self->fragment_log == 0)
    self->fragment_log = soc_fragment_log_new ();
  w.log = self->fragment_log;

  goals = _soc_document_collect_goals (self);
  w.prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w.taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.declared = g_ptr_array_new_with_free_func (g_free);
  w.size_pieces = goals->len + soc_object_list_get_size (self->items) +
                  soc_object_list_get_size (self->stakeholders) +
                  soc_object_list_get_size (self->relationships) + 64;
  w.pieces = g_new (char *, w.size_pieces);
  w.owned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ref_string_release);
  w.out = g_string_sized_new (4096);
  soc_object_hold_fragments ();

  /* The header goes first but is written last: it declares the namespaces
   * of kept content, met in the order of the file as the body is written. */
  add_piece (&w, NULL);
  for (guint i = 0; i < SOC_N_CONTAINERS; i++)
    _soc_writer_scan_extras (&w, self->extras[i]);
  ok = write_body (&w, self, goals);
  if (ok)
    {
      flush_piece (&w);
      ok = write_header (&w, self);
      w.pieces[0] = g_ref_string_new_len (w.out->str, (gssize) w.out->len);
      g_ptr_array_add (w.owned, w.pieces[0]);
    }

  body = w.out;
  g_hash_table_unref (w.prefixes);
  g_hash_table_unref (w.taken);
  g_ptr_array_unref (w.declared);
  g_string_free (body, TRUE);

  if (!ok)
    {
      set_unwritable_error (&w, error);
      g_free (w.pieces);
      g_ptr_array_unref (w.owned);
      soc_object_release_fragments ();
      return NULL;
    }

  /* What the next snapshot starts from: unless an object was written in
   * the text around the fragments (one with kept content), when each
   * must be written again. */
  g_ptr_array_unref (soc_fragment_log_take (self->fragment_log));
  self->n_full_snapshots++;
  snapshot = g_new0 (SocSnapshot, 1);
  if (!w.written_anew)
    {
      Pieces *shared = pieces_new (w.pieces, w.n_pieces);

      g_free (w.pieces);
      w.pieces = shared->at;
      snapshot->shared = pieces_ref (shared);
      self->last_pieces = shared;
      self->last_owned = g_ptr_array_new_full (w.owned->len, (GDestroyNotify) g_ref_string_release);
      for (guint i = 0; i < w.owned->len; i++)
        g_ptr_array_add (self->last_owned, g_ref_string_acquire (g_ptr_array_index (w.owned, i)));
      self->last_list_changes = list_changes;
    }
  snapshot->pieces = w.pieces;
  snapshot->n_pieces = w.n_pieces;
  snapshot->n_owned = w.owned->len;
  snapshot->owned = (char **) g_ptr_array_steal (w.owned, NULL);
  g_ptr_array_unref (w.owned);
  return snapshot;
}

/* The last snapshot is no longer a place to start from. */
void
_soc_document_forget_snapshot (SocDocument *self)
{
  g_clear_pointer ((Pieces **) &self->last_pieces, pieces_unref);
  g_clear_pointer (&self->last_owned, g_ptr_array_unref);
}

/* The last snapshot with the objects whose fragment changed since written
 * again, in time proportional to them: when no list has changed since (no
 * object came, went or moved), every other object is written as it was,
 * at the same place. NULL when it cannot be (the caller takes a whole
 * snapshot, which also says why if an object cannot be written). */
static SocSnapshot *
snapshot_changed (SocDocument *self)
{
  g_autoptr(GPtrArray) changed = NULL;
  SocSnapshot *snapshot;
  Pieces *last = self->last_pieces;

  if (last == NULL || self->last_list_changes != soc_object_list_get_changes ())
    return NULL;

  changed = soc_fragment_log_take (self->fragment_log);
  for (guint i = 0; i < changed->len; i++)
    {
      SocObject *object = g_ptr_array_index (changed, i);
      SocObjectDocData *data = soc_object_get_doc_data (object);

      /* With no list changed, an object noted is one listed last time,
       * still in the document, at the same place; be sure. */
      if (data->log != self->fragment_log || data->piece >= last->n ||
          !_soc_document_contains (self, object) ||
          !soc_extras_is_empty (soc_object_get_extras (object)))
        return NULL;
    }

  /* An earlier snapshot still being written keeps its own pieces. */
  if (!g_atomic_ref_count_compare (&last->ref_count, 1))
    {
      Pieces *copy = pieces_new (last->at, last->n);

      pieces_unref (last);
      self->last_pieces = last = copy;
    }

  soc_object_hold_fragments ();
  for (guint i = 0; i < changed->len; i++)
    {
      SocObject *object = g_ptr_array_index (changed, i);
      guint piece = soc_object_get_doc_data (object)->piece;

      if (soc_object_peek_fragment (object) == NULL &&
          !_soc_object_prepare_fragment (object, SOC_IS_PLAN (object) ? 1 : 2))
        {
          soc_object_release_fragments ();
          return NULL;
        }
      last->at[piece] = (char *) soc_object_peek_fragment (object);
    }
  /* What was noted while the fragments were made is written already. */
  g_ptr_array_unref (soc_fragment_log_take (self->fragment_log));

  snapshot = g_new0 (SocSnapshot, 1);
  snapshot->shared = pieces_ref (last);
  snapshot->pieces = last->at;
  snapshot->n_pieces = last->n;
  snapshot->n_owned = self->last_owned->len;
  snapshot->owned = g_new (char *, MAX (snapshot->n_owned, 1));
  for (guint i = 0; i < snapshot->n_owned; i++)
    snapshot->owned[i] = g_ref_string_acquire (g_ptr_array_index (self->last_owned, i));
  return snapshot;
}

/* The document as it is now, as immutable pieces of text: taken on the main
 * thread, in time proportional to the objects changed since the last
 * snapshot when no object came, went or moved since, else to the number of
 * objects; written out by _soc_snapshot_to_bytes(), in any thread, while
 * the document changes. Fails when a text holds a character XML cannot
 * hold. */
SocSnapshot *
_soc_document_snapshot (SocDocument  *self,
                        GError      **error)
{
  SocSnapshot *snapshot;

  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);

  snapshot = snapshot_changed (self);
  if (snapshot != NULL)
    return snapshot;
  return snapshot_all (self, error);
}

void
_soc_snapshot_free (SocSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  for (guint i = 0; i < snapshot->n_owned; i++)
    g_ref_string_release (snapshot->owned[i]);
  g_free (snapshot->owned);
  if (snapshot->shared != NULL)
    pieces_unref (snapshot->shared);
  else
    g_free (snapshot->pieces);
  g_free (snapshot);
  soc_object_release_fragments ();
}

/* The bytes of SNAPSHOT, read back to be sure they will read back. Touches
 * nothing but SNAPSHOT: safe in any thread. */
GBytes *
_soc_snapshot_to_bytes (SocSnapshot  *snapshot,
                        GError      **error)
{
  gsize size = 0, at = 0;
  char *data;

  for (guint i = 0; i < snapshot->n_pieces; i++)
    size += g_ref_string_length (snapshot->pieces[i]);
  data = g_malloc (size + 1);
  for (guint i = 0; i < snapshot->n_pieces; i++)
    {
      const char *piece = snapshot->pieces[i];
      gsize len = g_ref_string_length ((char *) piece);

      memcpy (data + at, piece, len);
      at += len;
    }
  data[at] = '\0';

  if (!soc_reader_check_well_formed (data, at, error))
    {
      g_free (data);
      return NULL;
    }
  return g_bytes_new_take (data, at);
}

static GBytes *
serialize (SocDocument  *self,
           gboolean      fresh,
           GError      **error)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GString) header = g_string_sized_new (512);
  Writer w = { 0 };
  gboolean ok;

  w.fresh = fresh;
  goals = _soc_document_collect_goals (self);
  w.prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w.taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.declared = g_ptr_array_new_with_free_func (g_free);
  /* Sized from the last time, so the buffer is not copied as it grows. */
  w.out = g_string_sized_new (MAX (self->size_hint + self->size_hint / 16,
                                   4096 + 300 * (goals->len + soc_object_list_get_size (self->items) +
                                                 soc_object_list_get_size (self->stakeholders))));

  /* As for a snapshot, the header is written last and put in front. */
  for (guint i = 0; i < SOC_N_CONTAINERS; i++)
    _soc_writer_scan_extras (&w, self->extras[i]);
  ok = write_body (&w, self, goals);
  if (ok)
    {
      GString *body = w.out;

      w.out = header;
      ok = write_header (&w, self);
      w.out = body;
      g_string_prepend_len (w.out, header->str, (gssize) header->len);
    }

  g_hash_table_unref (w.prefixes);
  g_hash_table_unref (w.taken);
  g_ptr_array_unref (w.declared);

  if (!ok)
    {
      set_unwritable_error (&w, error);
      g_string_free (w.out, TRUE);
      return NULL;
    }
  if (!soc_reader_check_well_formed (w.out->str, w.out->len, error))
    {
      g_string_free (w.out, TRUE);
      return NULL;
    }

  self->size_hint = w.out->len;
  return g_string_free_to_bytes (w.out);
}

/* The document as .socplan bytes, written straight into one buffer (the
 * command line, a save that waits for it), with the texts objects keep but
 * without keeping more. Fails, writing nothing anywhere, when a text holds
 * a character XML cannot hold. */
GBytes *
soc_document_serialize (SocDocument  *self,
                        GError      **error)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);

  return serialize (self, FALSE, error);
}

/* The same, every object written anew: for tests that check the texts
 * objects keep are never out of date. */
GBytes *
_soc_document_serialize_fresh (SocDocument  *self,
                               GError      **error)
{
  return serialize (self, TRUE, error);
}
