/* soc-object-private.h: field tables and preserved foreign content
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every model type describes its data once, as a table of SocField. The
 * table gives the GObject properties, the XML the reader accepts and the
 * writer emits, the range checks, and the undo labels, so these can never
 * disagree.
 */

#pragma once

#include "soc-fetch.h"
#include "soc-object.h"

G_BEGIN_DECLS

typedef enum {
  SOC_FIELD_STRING,   /* char *, an attribute */
  SOC_FIELD_TEXT,     /* char *, a child element holding text */
  SOC_FIELD_COLOUR,   /* char *, "#rrggbb" */
  SOC_FIELD_ENUM,     /* int, a GEnum */
  SOC_FIELD_FLAGS,    /* guint, a GFlags written as a token list */
  SOC_FIELD_INT,      /* int within [min, max] */
  SOC_FIELD_DOUBLE,   /* double; NAN when not set */
  SOC_FIELD_DATE,     /* guint Julian day; 0 when not set */
  SOC_FIELD_REF,      /* SocObject *, not owned: a reference by id */
  SOC_FIELD_REFLIST,  /* GPtrArray * of SocObject *, owned, never changed in place */
} SocFieldKind;

typedef enum {
  SOC_FIELD_REQUIRED   = 1 << 0,  /* the reader refuses an object without it */
  SOC_FIELD_STRUCTURAL = 1 << 1,  /* read-only: changed by structural commands */
  SOC_FIELD_UID        = 1 << 2,  /* STRING: a unique identifier (soc_uid_is_valid) */
} SocFieldFlags;

struct _SocField
{
  const char   *name;       /* property name, attribute or element name */
  SocFieldKind  kind;
  gsize         offset;     /* of the value in the instance struct */
  GType       (*type) (void); /* enum, flags, or referenced object type */
  int           min;
  int           max;
  int           default_value;
  SocFieldFlags flags;
  const char   *ref_attr;   /* REFLIST: the attribute of each child, as in <serves goal="g1"/> */
  const char   *undo_label; /* a translatable "Change … of “%s”" */
  const char   *label;      /* a translatable name for error messages */
};

#define SOC_FIELD_PTR(obj, field) ((gpointer) (((guint8 *) (obj)) + (field)->offset))

/* Content of a newer version or of another namespace, kept as it was read. */
typedef struct _SocXmlNode SocXmlNode;
typedef struct _SocXmlAttr SocXmlAttr;

struct _SocXmlAttr
{
  char *ns;        /* namespace URI, or NULL for none */
  char *prefix;    /* the prefix it was read with, or NULL */
  char *name;
  char *value;
};

struct _SocXmlNode
{
  char      *ns;        /* namespace URI, or NULL */
  char      *prefix;
  char      *name;      /* NULL for a text node */
  char      *text;      /* a text node's content */
  GPtrArray *attrs;     /* SocXmlAttr, or NULL */
  GPtrArray *children;  /* SocXmlNode, or NULL */
  guint      position;  /* how many known siblings come before it */
};

typedef struct
{
  GPtrArray *attrs;     /* SocXmlAttr */
  GPtrArray *children;  /* SocXmlNode */
} SocExtras;

SocXmlAttr *soc_xml_attr_new     (const char *ns,
                                  const char *prefix,
                                  const char *name,
                                  const char *value);
void        soc_xml_attr_free    (SocXmlAttr *attr);
SocXmlNode *soc_xml_node_new     (const char *ns,
                                  const char *prefix,
                                  const char *name);
void        soc_xml_node_free    (SocXmlNode *node);
SocExtras  *soc_extras_new       (void);
void        soc_extras_free      (SocExtras  *extras);
void        soc_extras_add_attr  (SocExtras  *extras,
                                  SocXmlAttr *attr);
void        soc_extras_add_child (SocExtras  *extras,
                                  SocXmlNode *node);
gboolean    soc_extras_is_empty  (const SocExtras *extras);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocExtras, soc_extras_free)

/* What a document keeps in each of its objects (soc-document.c). */
typedef struct
{
  gpointer       referrers;       /* what refers to the object, or NULL */
  GDestroyNotify referrers_free;  /* called when the object goes */
  guint64        pending;         /* fields changed, not yet notified */
  guint          mark;            /* scratch of one edit: see soc_edit_delete() */
  guint          log;             /* the fragment log the object is in, or 0 */
  guint          log_turn;        /* the log's turn it was last noted in */
  guint          piece;           /* where its fragment was in the last snapshot */
} SocObjectDocData;

/* Installs FIELDS as properties of KLASS and makes them its written form. */
void            soc_object_class_install_fields (SocObjectClass *klass,
                                                 const char     *element,
                                                 const char     *id_prefix,
                                                 const SocField *fields,
                                                 guint           n_fields,
                                                 const char     *label_field);

const SocField *soc_object_class_find_field     (SocObjectClass *klass,
                                                 const char     *name,
                                                 gsize           len);
GParamSpec     *soc_object_class_field_pspec    (SocObjectClass *klass,
                                                 const SocField *field);
const SocField *soc_object_class_field_for_pspec (GParamSpec    *pspec);

const char     *soc_object_peek_id              (SocObject      *self);
void            soc_object_set_id               (SocObject      *self,
                                                 const char     *id);
SocExtras      *soc_object_get_extras           (SocObject      *self);
SocExtras      *soc_object_ensure_extras        (SocObject      *self);

void            soc_object_get_field            (SocObject      *self,
                                                 const SocField *field,
                                                 GValue         *value);
gboolean        soc_object_set_field            (SocObject      *self,
                                                 const SocField *field,
                                                 const GValue   *value);
gboolean        soc_object_store_field          (SocObject      *self,
                                                 const SocField *field,
                                                 const GValue   *value);
const char     *soc_object_peek_fragment        (SocObject      *self);
void            soc_object_fetch_fragment       (SocObject      *self);
void            soc_object_set_fragment         (SocObject      *self,
                                                 const char     *fragment);
void            soc_object_drop_fragment        (SocObject      *self);
void            soc_object_hold_fragments       (void);
guint           soc_fragment_log_new            (void);
void            soc_fragment_log_free           (guint           log);
void            soc_fragment_log_join           (SocObject      *self,
                                                 guint           log,
                                                 guint           piece);
GPtrArray      *soc_fragment_log_take           (guint           log);
void            soc_object_release_fragments    (void);
SocObjectDocData *soc_object_get_doc_data       (SocObject      *self);
gboolean        soc_object_field_is_set         (SocObject      *self,
                                                 const SocField *field);
gboolean        soc_object_field_equals         (SocObject      *self,
                                                 const SocField *field,
                                                 const GValue   *value);
void            _soc_object_adopt               (SocObject      *self);
gboolean        soc_object_is_adopted           (SocObject      *self);

gboolean        soc_id_is_valid                 (const char     *id,
                                                 gsize           len);
gboolean        soc_uid_is_valid                (const char     *uid,
                                                 gsize           len);
gboolean        soc_text_is_valid               (const char     *text,
                                                 gsize           len,
                                                 gsize          *bad_offset);

G_END_DECLS
