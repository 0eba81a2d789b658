/* soc-reader-private.h: what the parts of the reader share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader reads a file in four steps, one file each:
 *
 *   soc-reader-prescan.c      the bytes libxml2 2.9.14 must never see
 *   soc-reader-sax.c          SAX2 events straight into a new document,
 *     soc-reader-attributes.c   with attributes, their places and values,
 *     soc-reader-errors.c       and libxml2's errors and safety hooks
 *   soc-reader-check.c        after the parse: references, cycles, the tree
 *   soc-reader-diagnostics.c  problems, their lines and columns, the error
 *
 * and soc-reader.c drives them (files, threads, libxml2's contexts);
 * soc-reader-schema.c holds the published schema, for the tests. Each
 * includes this header; none includes another's.
 */

#pragma once

#include <libxml/parser.h>

#include "soc-document-private.h"
#include "soc-reader.h"
#include "soc-rules.h"

G_BEGIN_DECLS

#define MAX_DIAGNOSTICS 100
#define NO_OFFSET G_MAXSIZE

typedef struct
{
  gsize offset;         /* into the data, or NO_OFFSET when libxml2 gave the position */
  int   line;           /* libxml2's line and column until located, then ours */
  int   column;
  int   code;           /* SocFormatError */
  char *message;
} Problem;

typedef enum {
  FRAME_ROOT,
  FRAME_GOALS,
  FRAME_ROADMAP,
  FRAME_STAKEHOLDERS,
  FRAME_CHECKLIST,
  FRAME_OBJECT,
  FRAME_TEXT,
  FRAME_REF,
  FRAME_FOREIGN,
  FRAME_IGNORE,      /* inside an element already reported */
} FrameKind;

typedef struct
{
  FrameKind       kind;
  const char     *element;   /* our name for messages */
  SocObject      *object;    /* FRAME_OBJECT, FRAME_TEXT, FRAME_REF: the object */
  const SocField *field;     /* FRAME_TEXT, FRAME_REF */
  SocExtras     **extras;    /* where foreign children go */
  SocXmlNode     *node;      /* FRAME_FOREIGN */
  gsize           offset;    /* of the element's '<' */
  int             rank;      /* of the last known child, for order checks */
  guint           n_known;   /* known children so far */
  guint           n_refs;    /* FRAME_OBJECT: <serves> and <depends-on> so far */
  guint32         seen;      /* FRAME_OBJECT: which fields were given */
  gboolean        bad;       /* FRAME_OBJECT: an attribute was refused */
} Frame;

typedef struct
{
  SocObject      *object;
  const SocField *field;
  const char     *id;        /* in the reader's string chunk */
  gsize           tag;       /* the tag and attribute it was read from, */
  const char     *attr;      /* found again only if it must be reported */
} PendingRef;

enum {
  COUNT_GOAL,
  COUNT_LANE,
  COUNT_PHASE,
  COUNT_ITEM,
  COUNT_STAKEHOLDER,
  COUNT_RELATIONSHIP,
  COUNT_OVERRIDE,
  N_COUNTS
};

typedef struct
{
  xmlParserCtxtPtr ctxt;
  const char      *data;
  gsize            len;
  gsize            read_offset; /* how much of the data the parser has pulled */

  SocDocument     *doc;
  GArray          *frames;
  GString         *text;
  GPtrArray       *problems;    /* Problem */
  guint            n_problems;
  gboolean         stopped;     /* a problem that ends the parse */
  gboolean         newer_minor;
  gboolean         seen_root;
  guint            seen_factors;

  GStringChunk    *strings;
  GArray          *refs;        /* PendingRef, each object's together */
  GHashTable      *first_ref;   /* object -> 1 + index of its first PendingRef, built when needed */
  GHashTable      *ignored_ids; /* ids of elements refused where they stood */
  GPtrArray       *goals;       /* SocGoal in document order, owned */
  guint            counts[N_COUNTS];
} Reader;

/* soc-reader-diagnostics.c */
void     _soc_reader_add_problem  (Reader     *r,
                                   int         code,
                                   gsize       offset,
                                   int         line,
                                   int         column,
                                   char       *message);
void     _soc_reader_problem      (Reader     *r,
                                   int         code,
                                   gsize       offset,
                                   const char *format,
                                   ...) G_GNUC_PRINTF (4, 5);
void     _soc_reader_locate       (Reader     *r);
GError  *_soc_reader_to_error     (Reader     *r,
                                   const char *display_name,
                                   GPtrArray **diagnostics);
void     _soc_reader_problem_free (Problem    *problem);

/* A problem with the plan's content. */
#define problem(r, offset, ...) _soc_reader_problem (r, SOC_FORMAT_ERROR_INVALID, offset, __VA_ARGS__)
/* Input refused for safety: markup declarations, limits. */
#define unsafe(r, offset, ...) _soc_reader_problem (r, SOC_FORMAT_ERROR_UNSAFE, offset, __VA_ARGS__)
/* Not UTF-8 XML at all. */
#define syntax(r, offset, ...) _soc_reader_problem (r, SOC_FORMAT_ERROR_SYNTAX, offset, __VA_ARGS__)

/* soc-reader-prescan.c */
gboolean _soc_reader_prescan      (Reader     *r);

/* soc-reader-sax.c */
void     _soc_reader_set_handlers (xmlSAXHandlerPtr sax,
                                   gboolean         build);

/* soc-reader-errors.c */
void     _soc_reader_make_safe    (xmlSAXHandlerPtr sax);
void     _soc_reader_stop         (Reader     *r);

/* soc-reader-attributes.c */
gboolean          _soc_reader_is_ours             (const xmlChar   *uri);
gboolean          _soc_reader_is_blank            (const char      *s,
                                                   gsize            len);
gsize             _soc_reader_tag_offset          (Reader          *r);
gsize             _soc_reader_attribute_offset    (Reader          *r,
                                                   gsize            tag,
                                                   const char      *prefix,
                                                   const char      *name);
char             *_soc_reader_attribute_name      (const xmlChar  **a);
gsize             _soc_reader_offset_of_attribute (Reader          *r,
                                                   gsize            tag,
                                                   const xmlChar  **a);
char             *_soc_reader_quote               (const char      *value,
                                                   gsize            len);
SocExtras        *_soc_reader_frame_extras        (Frame           *f);
void              _soc_reader_keep_attribute      (Frame           *f,
                                                   const xmlChar  **a);
gboolean          _soc_reader_namespaced_attribute (Reader         *r,
                                                   Frame           *f,
                                                   const char      *element,
                                                   const xmlChar  **a);
void              _soc_reader_read_value          (Reader          *r,
                                                   SocObject       *object,
                                                   const SocField  *field,
                                                   const char      *value,
                                                   gsize            len,
                                                   gsize            tag,
                                                   const char      *attr);
void              _soc_reader_read_attributes     (Reader          *r,
                                                   Frame           *f,
                                                   int              nb_attributes,
                                                   const xmlChar  **attributes);
const xmlChar    *_soc_reader_decode_uri          (const xmlChar   *uri,
                                                   GPtrArray      **strings);
const xmlChar   **_soc_reader_decode_attributes   (int              nb_attributes,
                                                   const xmlChar  **attributes,
                                                   GPtrArray      **strings);
gboolean          _soc_reader_parse_version       (const char      *v,
                                                   int             *major,
                                                   int             *minor);

/* soc-reader-check.c */
void     _soc_reader_check        (Reader     *r);

G_END_DECLS
