/* soc-writer-private.h: what the parts of the writer share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "soc-document-private.h"

G_BEGIN_DECLS

#define XML_NAMESPACE "http://www.w3.org/XML/1998/namespace"

typedef struct
{
  GString    *out;
  char      **pieces;        /* GRefString: what OUT held, and objects' fragments */
  guint       n_pieces;
  guint       size_pieces;
  GPtrArray  *owned;         /* the pieces made from OUT */
  GHashTable *prefixes;      /* namespace URI -> prefix */
  GPtrArray  *declared;      /* URIs in order of first use */
  GHashTable *taken;         /* prefixes in use */
  const char *bad_where;     /* what held an unwritable character */
  SocObject  *bad_object;
  gboolean    bad;
  gboolean    in_no_namespace; /* inside kept content whose xmlns="" is in force */
  gboolean    fresh;           /* write every object anew, ignoring kept texts */
  guint       log;             /* a snapshot's: the objects listed join it */
  gboolean    written_anew;    /* an object was written in OUT, not listed */
} Writer;

/* GLib 2.74's g_string_append() goes through g_string_insert_len(): for the
 * many short pieces of a plan these are several times faster. */
static inline void
put_len (GString    *out,
         const char *s,
         gsize       len)
{
  if (G_UNLIKELY (out->len + len >= out->allocated_len))
    {
      g_string_append_len (out, s, (gssize) len);
      return;
    }
  memcpy (out->str + out->len, s, len);
  out->len += len;
  out->str[out->len] = '\0';
}

static inline void
put (GString    *out,
     const char *s)
{
  put_len (out, s, strlen (s));
}

static inline void
_soc_writer_indent (Writer *w,
                    guint   level)
{
  for (guint i = 0; i < level; i++)
    put (w->out, "  ");
}

/* Appends ' name="' */
static inline void
_soc_writer_open_attribute (GString    *out,
                            const char *name)
{
  g_string_append_c (out, ' ');
  put (out, name);
  put (out, "=\"");
}

/* Text (soc-writer-text.c) */
gboolean    _soc_writer_escape              (Writer         *w,
                                             const char     *s,
                                             gboolean        attribute);
void        _soc_writer_append_uint         (GString        *out,
                                             guint64         v);
void        _soc_writer_append_int          (GString        *out,
                                             gint64          v);

/* Content kept from other namespaces and newer versions */
void        _soc_writer_use_namespace       (Writer         *w,
                                             const char     *uri,
                                             const char     *prefix,
                                             gboolean        for_attribute);
void        _soc_writer_scan_extras         (Writer         *w,
                                             SocExtras      *extras);
const char *_soc_writer_attribute_prefix    (Writer         *w,
                                             const char     *ns);
const char *_soc_writer_element_prefix      (Writer         *w,
                                             const char     *ns);
gboolean    _soc_writer_write_extra_attrs   (Writer         *w,
                                             GPtrArray      *attrs);
gboolean    _soc_writer_write_node          (Writer         *w,
                                             SocXmlNode     *node,
                                             guint           level,
                                             gboolean        inline_);
gboolean    _soc_writer_write_extras_before (Writer         *w,
                                             SocExtras      *extras,
                                             guint          *next,
                                             guint           index,
                                             guint           level);

G_END_DECLS
