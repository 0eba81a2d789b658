/* soc-reader.c: reading .socplan files that may be hostile
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read into memory after a size check, scanned once for what
 * libxml2 2.9.14 cannot be trusted with (soc-reader-prescan.c), then
 * parsed with SAX2 straight into a new SocDocument (soc-reader-sax.c). No
 * DOM is built, no DTD, entity, network or file is ever loaded. After the
 * parse, references are resolved and the plan's rules across objects are
 * checked, without recursion (soc-reader-check.c). Every problem carries
 * the line and column of the element (or attribute) concerned
 * (soc-reader-diagnostics.c); a failed read returns no document and
 * changes nothing.
 */

#define G_LOG_DOMAIN "soc-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "soc-reader-private.h"

static void
init_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static const int parse_options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                                 XML_PARSE_NOWARNING;

/* libxml2 pulls R's data through this, a buffer at a time. */
static int
read_data_cb (void *context,
              char *buffer,
              int   len)
{
  Reader *r = context;
  gsize n = MIN ((gsize) MAX (len, 0), r->len - r->read_offset);

  memcpy (buffer, r->data + r->read_offset, n);
  r->read_offset += n;
  return (int) n;
}

/* Parses R's data with our handlers (or none, to check well-formedness).
 * The parser pulls the bytes as it goes, a buffer at a time: no copy of
 * the whole file. (Fed to a push parser in chunks, each chunk was copied
 * and scanned back for its last '<' before it was parsed, which made a
 * long run of text or white space cost twice what xmllint pays. A static
 * input buffer over the bytes, in libxml2 2.9.14, read the file again
 * from its start once the parser had let go of its beginning.) */
static void
parse_data (Reader   *r,
            gboolean  build)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");
  memset (ctxt->sax, 0, sizeof *ctxt->sax);
  xmlSAXVersion (ctxt->sax, 2);
  _soc_reader_make_safe (ctxt->sax);
  _soc_reader_set_handlers (ctxt->sax, build);
  ctxt->_private = r;
  r->ctxt = ctxt;
  r->read_offset = 0;

  /* An empty file gives no error from the parser: the caller says so,
   * and it is not well-formed. */
  if (r->len == 0)
    {
      ctxt->wellFormed = 0;
      return;
    }
  doc = xmlCtxtReadIO (ctxt, read_data_cb, NULL, r, NULL, NULL, parse_options);
  if (doc != NULL)
    xmlFreeDoc (doc);
}

static void
free_context (Reader *r)
{
  if (r->ctxt->myDoc != NULL)
    xmlFreeDoc (r->ctxt->myDoc);
  r->ctxt->myDoc = NULL;
  xmlFreeParserCtxt (r->ctxt);
  r->ctxt = NULL;
}

/* Parses the data with SAX straight into the document. */
static void
parse (Reader *r)
{
  parse_data (r, TRUE);

  if (!r->stopped && !r->seen_root && r->n_problems == 0)
    syntax (r, 0, _("the file holds no XML element"));
  if (!r->stopped && !r->ctxt->wellFormed && r->n_problems == 0)
    syntax (r, 0, _("the file is not well-formed XML"));

  free_context (r);
}

static void
reader_init (Reader     *r,
             const char *data,
             gsize       len)
{
  memset (r, 0, sizeof *r);
  r->data = data;
  r->len = len;
  r->frames = g_array_sized_new (FALSE, TRUE, sizeof (Frame), SOC_MAX_DEPTH + 1);
  r->text = g_string_sized_new (256);
  r->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) _soc_reader_problem_free);
  r->strings = g_string_chunk_new (64 * 1024);
  r->refs = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  r->goals = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
reader_clear (Reader *r)
{
  /* A failed document's goals may be half-linked: drop parents first. */
  if (r->doc != NULL)
    {
      for (guint i = 0; i < r->goals->len; i++)
        SOC_GOAL (g_ptr_array_index (r->goals, i))->parent = NULL;
      g_clear_object (&r->doc);
    }
  g_ptr_array_unref (r->goals);
  g_clear_pointer (&r->first_ref, g_hash_table_unref);
  g_clear_pointer (&r->ignored_ids, g_hash_table_unref);
  g_array_unref (r->refs);
  g_string_chunk_free (r->strings);
  g_ptr_array_unref (r->problems);
  g_string_free (r->text, TRUE);
  g_array_unref (r->frames);
}

static SocDocument *
read_data (const char  *data,
           gsize        len,
           const char  *display_name,
           GPtrArray  **diagnostics,
           GError     **error)
{
  Reader r;
  SocDocument *result = NULL;

  g_assert (data[len] == '\0');

  init_libxml ();
  reader_init (&r, data, len);
  /* Not soc_document_new(): a plan read keeps the uid of its file, or none. */
  r.doc = g_object_new (SOC_TYPE_DOCUMENT, NULL);

  if (len > SOC_MAX_FILE_SIZE)
    unsafe (&r, 0, _("the file is larger than %d MiB"), (int) (SOC_MAX_FILE_SIZE >> 20));
  else if (_soc_reader_prescan (&r))
    parse (&r);

  /* A parse that was stopped leaves nothing sensible to check. */
  if (!r.stopped)
    _soc_reader_check (&r);

  if (r.n_problems > 0)
    g_propagate_error (error, _soc_reader_to_error (&r, display_name, diagnostics));
  else
    {
      result = g_steal_pointer (&r.doc);
      result->size_hint = len;
      if (diagnostics != NULL)
        *diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_diagnostic_free);
    }

  reader_clear (&r);
  return result;
}

/* Reads a plan from BYTES. DISPLAY_NAME is the file name used in messages.
 * On failure returns NULL, sets ERROR to the first problem and, if asked,
 * DIAGNOSTICS to all of them, first first (at most 100). */
SocDocument *
soc_document_load_from_bytes (GBytes      *bytes,
                              const char  *display_name,
                              GPtrArray  **diagnostics,
                              GError     **error)
{
  gsize len = 0;
  const char *data;
  g_autofree char *copy = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (display_name == NULL)
    display_name = "plan";

  /* The parser reads from the bytes in place, and needs a nul after them. */
  copy = g_malloc (len + 1);
  if (len > 0)
    memcpy (copy, data, len);
  copy[len] = '\0';

  return read_data (copy, len, display_name, diagnostics, error);
}

/* Why FILE cannot be read at all, in a few words. */
static const char *
unreadable_reason (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NOT_FOUND:
        return _("there is no such file");
      case G_IO_ERROR_PERMISSION_DENIED:
        return _("permission denied");
      case G_IO_ERROR_IS_DIRECTORY:
        return _("it is a folder");
      case G_IO_ERROR_NOT_REGULAR_FILE:
        return _("it is not a regular file");
      default:
        break;
      }
  return error->message;
}

/* A file that cannot be read at all is no problem in a document: the error
 * is in G_IO_ERROR, "NAME: cannot be read: REASON", with no position. */
static void
set_unreadable (GError       **error,
                const GError  *cause,
                const char    *name)
{
  g_set_error (error, G_IO_ERROR, cause->domain == G_IO_ERROR ? cause->code : G_IO_ERROR_FAILED,
               _("%s: cannot be read: %s"), name, unreadable_reason (cause));
}

/* The bytes of FILE, with a nul after them, and the etag of what was read:
 * one buffer of the size the file has (no growing and copying, as
 * g_file_load_contents() does), grown only if the file grows meanwhile. */
static char *
read_contents (GFile         *file,
               gsize          size_hint,
               gsize         *len,
               char         **etag,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize size = MIN (size_hint, SOC_MAX_FILE_SIZE) + 1;
  gsize used = 0;

  if (stream == NULL)
    return NULL;

  data = g_malloc (size + 1);
  for (;;)
    {
      gsize got = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data + used, size - used, &got,
                                    cancellable, error))
        return NULL;
      used += got;
      if (used < size)
        break;
      if (size > SOC_MAX_FILE_SIZE)
        {
          g_set_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_UNSAFE,
                       _("the file is larger than %d MiB"), (int) (SOC_MAX_FILE_SIZE >> 20));
          return NULL;
        }
      size = MIN (size * 2, SOC_MAX_FILE_SIZE + 1);
      data = g_realloc (data, size + 1);
    }
  data[used] = '\0';

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_ETAG_VALUE, cancellable, NULL);
  *etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
  *len = used;
  return g_steal_pointer (&data);
}

static SocDocument *
load_file (GFile         *file,
           const char    *display_name,
           GPtrArray    **diagnostics,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = display_name ? g_strdup (display_name) : g_file_get_parse_name (file);
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) local_error = NULL;
  SocDocument *doc;
  gsize len = 0;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_unreadable (error, local_error, name);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_autoptr(GError) kind = g_error_new_literal (G_IO_ERROR,
                                                    g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
                                                      ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                                                    "");
      set_unreadable (error, kind, name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > SOC_MAX_FILE_SIZE)
    {
      g_set_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_UNSAFE,
                   _("%s:1:1: error: the file is larger than %d MiB"), name, (int) (SOC_MAX_FILE_SIZE >> 20));
      return NULL;
    }

  contents = read_contents (file, (gsize) g_file_info_get_size (info), &len, &etag, cancellable, &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_UNSAFE))
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s:1:1: error: ", name);
      else
        set_unreadable (error, local_error, name);
      return NULL;
    }

  doc = read_data (contents, len, name, diagnostics, error);
  if (doc != NULL)
    _soc_document_set_file (doc, file, etag);
  return doc;
}

/* Reads the plan in FILE. See soc_document_load_from_bytes(). A file that
 * cannot be read at all gives an error in G_IO_ERROR. */
SocDocument *
soc_document_load (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return load_file (file, NULL, NULL, cancellable, error);
}

/* Like soc_document_load(), naming the file DISPLAY_NAME in messages and
 * returning every problem in DIAGNOSTICS. */
SocDocument *
soc_document_load_full (GFile         *file,
                        const char    *display_name,
                        GPtrArray    **diagnostics,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return load_file (file, display_name, diagnostics, cancellable, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  SocDocument *doc = load_file (G_FILE (task_data), NULL, NULL, cancellable, &error);

  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

/* Reads FILE in a worker thread. The document is created there and handed
 * over whole: nothing else touches it until the callback runs. */
void
soc_document_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  /* Types are registered here, not racing in the worker. */
  g_type_ensure (SOC_TYPE_DOCUMENT);
  init_libxml ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, soc_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

SocDocument *
soc_document_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Parses DATA for well-formedness only, with the same safety as a load:
 * the writer's last check before bytes reach the disk. */
gboolean
soc_reader_check_well_formed (const char *data,
                              gsize       len,
                              GError    **error)
{
  Reader r;
  gboolean ok;

  init_libxml ();
  reader_init (&r, data, len);

  parse_data (&r, FALSE);
  ok = r.n_problems == 0 && r.ctxt->wellFormed;
  free_context (&r);

  if (!ok)
    {
      Problem *p = r.problems->len > 0 ? g_ptr_array_index (r.problems, 0) : NULL;

      g_set_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_UNWRITABLE,
                   _("The written plan would not read back (%d:%d: %s); nothing was saved"),
                   p ? p->line : 0, p ? p->column : 0, p ? p->message : "?");
    }

  reader_clear (&r);
  return ok;
}
