/* soc-object.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-object"

#include "config.h"

#include <math.h>
#include <string.h>

#include "soc-fetch.h"
#include "soc-object-private.h"

typedef struct
{
  char      *id;
  SocExtras *extras;
  gboolean   adopted;   /* part of a document: changed only by commands */
  char      *fragment;   /* GRefString: the object as written, while unchanged */
  SocObjectDocData doc;  /* kept by the document the object is in */
} SocObjectPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SocObject, soc_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void retire_fragment (char *fragment);
static void note_fragment   (SocObject *self);

/* Field properties of subclasses are numbered after the base class's own. */
#define FIELD_PROP_BASE 100

SocXmlAttr *
soc_xml_attr_new (const char *ns,
                  const char *prefix,
                  const char *name,
                  const char *value)
{
  SocXmlAttr *attr = g_new0 (SocXmlAttr, 1);

  attr->ns = g_strdup (ns);
  attr->prefix = g_strdup (prefix);
  attr->name = g_strdup (name);
  attr->value = g_strdup (value);
  return attr;
}

void
soc_xml_attr_free (SocXmlAttr *attr)
{
  if (attr == NULL)
    return;
  g_free (attr->ns);
  g_free (attr->prefix);
  g_free (attr->name);
  g_free (attr->value);
  g_free (attr);
}

SocXmlNode *
soc_xml_node_new (const char *ns,
                  const char *prefix,
                  const char *name)
{
  SocXmlNode *node = g_new0 (SocXmlNode, 1);

  node->ns = g_strdup (ns);
  node->prefix = g_strdup (prefix);
  node->name = g_strdup (name);
  return node;
}

/* Frees a whole subtree without recursion: hostile files nest deeply. */
void
soc_xml_node_free (SocXmlNode *node)
{
  g_autoptr(GPtrArray) stack = NULL;

  if (node == NULL)
    return;

  stack = g_ptr_array_new ();
  g_ptr_array_add (stack, node);

  while (stack->len > 0)
    {
      SocXmlNode *n = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (n->children != NULL)
        {
          for (guint i = 0; i < n->children->len; i++)
            g_ptr_array_add (stack, g_ptr_array_index (n->children, i));
          g_ptr_array_set_free_func (n->children, NULL);
          g_ptr_array_unref (n->children);
        }
      if (n->attrs != NULL)
        g_ptr_array_unref (n->attrs);
      g_free (n->ns);
      g_free (n->prefix);
      g_free (n->name);
      g_free (n->text);
      g_free (n);
    }
}

SocExtras *
soc_extras_new (void)
{
  return g_new0 (SocExtras, 1);
}

void
soc_extras_free (SocExtras *extras)
{
  if (extras == NULL)
    return;
  g_clear_pointer (&extras->attrs, g_ptr_array_unref);
  g_clear_pointer (&extras->children, g_ptr_array_unref);
  g_free (extras);
}

void
soc_extras_add_attr (SocExtras  *extras,
                     SocXmlAttr *attr)
{
  if (extras->attrs == NULL)
    extras->attrs = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_xml_attr_free);
  g_ptr_array_add (extras->attrs, attr);
}

void
soc_extras_add_child (SocExtras  *extras,
                      SocXmlNode *node)
{
  if (extras->children == NULL)
    extras->children = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_xml_node_free);
  g_ptr_array_add (extras->children, node);
}

gboolean
soc_extras_is_empty (const SocExtras *extras)
{
  return extras == NULL ||
         ((extras->attrs == NULL || extras->attrs->len == 0) &&
          (extras->children == NULL || extras->children->len == 0));
}

gboolean
soc_id_is_valid (const char *id,
                 gsize       len)
{
  if (len == 0 || len > 64)
    return FALSE;
  if (!g_ascii_isalpha (id[0]) && id[0] != '_')
    return FALSE;
  for (gsize i = 1; i < len; i++)
    {
      char c = id[i];
      if (!g_ascii_isalnum (c) && c != '_' && c != '.' && c != '-')
        return FALSE;
    }
  return TRUE;
}

/* A plan's uid: 1 to 64 ASCII letters, digits and hyphens, as a UUID is.
 * Without dots, so that "UID.ID" names one object of one plan unambiguously. */
gboolean
soc_uid_is_valid (const char *uid,
                  gsize       len)
{
  if (len == 0 || len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (uid[i]) && uid[i] != '-')
      return FALSE;
  return TRUE;
}

/* TRUE if TEXT is UTF-8 that XML 1.0 can hold; otherwise the offset of the
 * first character it cannot. */
gboolean
soc_text_is_valid (const char *text,
                   gsize       len,
                   gsize      *bad_offset)
{
  const char *end = NULL;
  const guchar *p = (const guchar *) text;

  if (!g_utf8_validate_len (text, len, &end))
    {
      if (bad_offset)
        *bad_offset = (gsize) (end - text);
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    {
      guchar c = p[i];

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        goto bad;
      /* U+FFFE and U+FFFF: EF BF BE, EF BF BF */
      if (c == 0xEF && i + 2 < len && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF))
        goto bad;
      continue;
    bad:
      if (bad_offset)
        *bad_offset = i;
      return FALSE;
    }

  return TRUE;
}

static GParamSpec *
field_pspec_new (const SocField *f)
{
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  if (!(f->flags & SOC_FIELD_STRUCTURAL))
    flags |= G_PARAM_WRITABLE;

  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      return g_param_spec_string (f->name, NULL, NULL, NULL, flags);
    case SOC_FIELD_ENUM:
      return g_param_spec_enum (f->name, NULL, NULL, f->type (), f->default_value, flags);
    case SOC_FIELD_FLAGS:
      return g_param_spec_flags (f->name, NULL, NULL, f->type (), 0, flags);
    case SOC_FIELD_INT:
      return g_param_spec_int (f->name, NULL, NULL, f->min, f->max, f->default_value, flags);
    case SOC_FIELD_DOUBLE:
      return g_param_spec_double (f->name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
    case SOC_FIELD_DATE:
      return g_param_spec_uint (f->name, NULL, NULL, 0, G_MAXUINT, 0, flags);
    case SOC_FIELD_REF:
      return g_param_spec_object (f->name, NULL, NULL, f->type (), flags);
    case SOC_FIELD_REFLIST:
      return g_param_spec_boxed (f->name, NULL, NULL, G_TYPE_PTR_ARRAY, flags);
    default:
      g_assert_not_reached ();
    }
}

const SocField *
soc_object_class_field_for_pspec (GParamSpec *pspec)
{
  SocObjectClass *klass = g_type_class_peek (pspec->owner_type);
  guint index;

  if (klass == NULL || !g_type_is_a (pspec->owner_type, SOC_TYPE_OBJECT))
    return NULL;
  if (pspec->param_id < FIELD_PROP_BASE)
    return NULL;
  index = pspec->param_id - FIELD_PROP_BASE;
  if (index >= klass->n_fields || klass->pspecs[index] != pspec)
    return NULL;
  return &klass->fields[index];
}

const SocField *
soc_object_class_find_field (SocObjectClass *klass,
                             const char     *name,
                             gsize           len)
{
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char *n = klass->fields[i].name;
      if (strncmp (n, name, len) == 0 && n[len] == '\0')
        return &klass->fields[i];
    }
  return NULL;
}

GParamSpec *
soc_object_class_field_pspec (SocObjectClass *klass,
                              const SocField *field)
{
  g_return_val_if_fail (field >= klass->fields && field < klass->fields + klass->n_fields, NULL);
  return klass->pspecs[field - klass->fields];
}

void
soc_object_get_field (SocObject      *self,
                      const SocField *f,
                      GValue         *value)
{
  gpointer p = SOC_FIELD_PTR (self, f);

  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      g_value_set_string (value, *(char **) p);
      break;
    case SOC_FIELD_ENUM:
      g_value_set_enum (value, *(int *) p);
      break;
    case SOC_FIELD_FLAGS:
      g_value_set_flags (value, *(guint *) p);
      break;
    case SOC_FIELD_INT:
      g_value_set_int (value, *(int *) p);
      break;
    case SOC_FIELD_DOUBLE:
      g_value_set_double (value, *(double *) p);
      break;
    case SOC_FIELD_DATE:
      g_value_set_uint (value, *(guint *) p);
      break;
    case SOC_FIELD_REF:
      g_value_set_object (value, *(gpointer *) p);
      break;
    case SOC_FIELD_REFLIST:
      g_value_set_boxed (value, *(GPtrArray **) p);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
ptr_arrays_equal (GPtrArray *a,
                  GPtrArray *b)
{
  guint la = a ? a->len : 0;
  guint lb = b ? b->len : 0;

  if (la != lb)
    return FALSE;
  for (guint i = 0; i < la; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

static gboolean
doubles_equal (double a,
               double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return a == b;
}

/* TRUE if VALUE is what the field holds, as a plan sees it: an empty
 * string and no string are both "not set", NAN equals NAN ("not set"), an
 * empty list equals no list, lists are equal element by element. Setting
 * a field to a value it is equal to changes nothing. */
gboolean
soc_object_field_equals (SocObject      *self,
                         const SocField *f,
                         const GValue   *value)
{
  gpointer p = SOC_FIELD_PTR (self, f);

  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      {
        const char *s = g_value_get_string (value);

        if (s != NULL && s[0] == '\0')
          s = NULL;
        return g_strcmp0 (*(char **) p, s) == 0;
      }
    case SOC_FIELD_ENUM:
      return *(int *) p == g_value_get_enum (value);
    case SOC_FIELD_INT:
      return *(int *) p == g_value_get_int (value);
    case SOC_FIELD_FLAGS:
      return *(guint *) p == g_value_get_flags (value);
    case SOC_FIELD_DOUBLE:
      return doubles_equal (*(double *) p, g_value_get_double (value));
    case SOC_FIELD_DATE:
      return *(guint *) p == g_value_get_uint (value);
    case SOC_FIELD_REF:
      return *(gpointer *) p == g_value_get_object (value);
    case SOC_FIELD_REFLIST:
      return ptr_arrays_equal (*(GPtrArray **) p, g_value_get_boxed (value));
    default:
      g_assert_not_reached ();
    }
}

/* Stores VALUE in the field; TRUE if it changed. Empty strings are "not set". */
static gboolean
store_field (SocObject      *self,
             const SocField *f,
             const GValue   *value)
{
  gpointer p = SOC_FIELD_PTR (self, f);

  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      {
        const char *s = g_value_get_string (value);
        char **slot = p;

        if (s != NULL && s[0] == '\0')
          s = NULL;
        if (g_strcmp0 (*slot, s) == 0)
          return FALSE;
        g_free (*slot);
        *slot = g_strdup (s);
        return TRUE;
      }
    case SOC_FIELD_ENUM:
    case SOC_FIELD_INT:
      {
        int v = G_VALUE_HOLDS_ENUM (value) ? g_value_get_enum (value) : g_value_get_int (value);
        if (*(int *) p == v)
          return FALSE;
        *(int *) p = v;
        return TRUE;
      }
    case SOC_FIELD_FLAGS:
      {
        guint v = g_value_get_flags (value);
        if (*(guint *) p == v)
          return FALSE;
        *(guint *) p = v;
        return TRUE;
      }
    case SOC_FIELD_DOUBLE:
      {
        double v = g_value_get_double (value);
        if (doubles_equal (*(double *) p, v))
          return FALSE;
        *(double *) p = v;
        return TRUE;
      }
    case SOC_FIELD_DATE:
      {
        guint v = g_value_get_uint (value);
        if (*(guint *) p == v)
          return FALSE;
        *(guint *) p = v;
        return TRUE;
      }
    case SOC_FIELD_REF:
      {
        gpointer v = g_value_get_object (value);
        if (*(gpointer *) p == v)
          return FALSE;
        *(gpointer *) p = v;
        return TRUE;
      }
    case SOC_FIELD_REFLIST:
      {
        GPtrArray *v = g_value_get_boxed (value);
        GPtrArray **slot = p;

        if (v != NULL && v->len == 0)
          v = NULL;
        if (ptr_arrays_equal (*slot, v))
          return FALSE;
        g_clear_pointer (slot, g_ptr_array_unref);
        if (v != NULL)
          *slot = g_ptr_array_ref (v);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

/* Stores VALUE in FIELD without notifying; TRUE if it changed. Commands
 * use it and notify through their document, once per undo step. */
gboolean
soc_object_store_field (SocObject      *self,
                        const SocField *field,
                        const GValue   *value)
{
  SocObjectPrivate *priv = soc_object_get_instance_private (self);

  if (!store_field (self, field, value))
    return FALSE;
  g_clear_pointer (&priv->fragment, retire_fragment);
  note_fragment (self);
  return TRUE;
}

gboolean
soc_object_set_field (SocObject      *self,
                      const SocField *field,
                      const GValue   *value)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (self);

  if (!soc_object_store_field (self, field, value))
    return FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), soc_object_class_field_pspec (klass, field));
  return TRUE;
}

gboolean
soc_object_field_is_set (SocObject      *self,
                         const SocField *f)
{
  gpointer p = SOC_FIELD_PTR (self, f);

  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      return *(char **) p != NULL;
    case SOC_FIELD_ENUM:
    case SOC_FIELD_INT:
      return TRUE;
    case SOC_FIELD_FLAGS:
      return *(guint *) p != 0;
    case SOC_FIELD_DOUBLE:
      return !isnan (*(double *) p);
    case SOC_FIELD_DATE:
      return *(guint *) p != 0;
    case SOC_FIELD_REF:
      return *(gpointer *) p != NULL;
    case SOC_FIELD_REFLIST:
      return *(GPtrArray **) p != NULL && (*(GPtrArray **) p)->len > 0;
    default:
      g_assert_not_reached ();
    }
}

static void
soc_object_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SocObject *self = SOC_OBJECT (object);
  SocObjectPrivate *priv = soc_object_get_instance_private (self);
  const SocField *field;

  if (prop_id == PROP_ID)
    {
      g_value_set_string (value, priv->id);
      return;
    }

  field = soc_object_class_field_for_pspec (pspec);
  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  soc_object_get_field (self, field, value);
}

/* Properties may be set while an object is made; once it belongs to a
 * document, only commands change it (soc_edit_*()), so that every change
 * is checked, undoable and seen by every view. */
static void
soc_object_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SocObject *self = SOC_OBJECT (object);
  SocObjectPrivate *priv = soc_object_get_instance_private (self);
  const SocField *field = soc_object_class_field_for_pspec (pspec);

  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (priv->adopted)
    {
      g_critical ("%s '%s' belongs to a document: its %s is changed with soc_edit_set(), "
                  "not g_object_set(); nothing was changed",
                  G_OBJECT_TYPE_NAME (object), priv->id != NULL ? priv->id : "", field->name);
      return;
    }
  soc_object_set_field (self, field, value);
}

static void
soc_object_constructed (GObject *object)
{
  SocObject *self = SOC_OBJECT (object);
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (self);

  G_OBJECT_CLASS (soc_object_parent_class)->constructed (object);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      gpointer p = SOC_FIELD_PTR (self, f);

      if (f->kind == SOC_FIELD_ENUM || f->kind == SOC_FIELD_INT)
        *(int *) p = f->default_value;
      else if (f->kind == SOC_FIELD_DOUBLE)
        *(double *) p = NAN;
    }
}

static void
soc_object_finalize (GObject *object)
{
  SocObject *self = SOC_OBJECT (object);
  SocObjectPrivate *priv = soc_object_get_instance_private (self);
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      gpointer p = SOC_FIELD_PTR (self, f);

      if (f->kind == SOC_FIELD_STRING || f->kind == SOC_FIELD_TEXT || f->kind == SOC_FIELD_COLOUR)
        g_clear_pointer ((char **) p, g_free);
      else if (f->kind == SOC_FIELD_REFLIST)
        g_clear_pointer ((GPtrArray **) p, g_ptr_array_unref);
    }

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->extras, soc_extras_free);
  g_clear_pointer (&priv->fragment, retire_fragment);
  if (priv->doc.referrers != NULL && priv->doc.referrers_free != NULL)
    priv->doc.referrers_free (priv->doc.referrers);

  G_OBJECT_CLASS (soc_object_parent_class)->finalize (object);
}

static void
soc_object_class_init (SocObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = soc_object_constructed;
  object_class->finalize = soc_object_finalize;
  object_class->get_property = soc_object_get_property;
  object_class->set_property = soc_object_set_property;

  klass->label_field = -1;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
soc_object_init (SocObject *self)
{
}

void
soc_object_class_install_fields (SocObjectClass *klass,
                                 const char     *element,
                                 const char     *id_prefix,
                                 const SocField *fields,
                                 guint           n_fields,
                                 const char     *label_field)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* GObject does not inherit these: every class sets its own. */
  object_class->get_property = soc_object_get_property;
  object_class->set_property = soc_object_set_property;

  klass->element = element;
  klass->id_prefix = id_prefix;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->pspecs = g_new0 (GParamSpec *, n_fields);
  klass->label_field = -1;

  for (guint i = 0; i < n_fields; i++)
    {
      klass->pspecs[i] = field_pspec_new (&fields[i]);
      g_object_class_install_property (object_class, FIELD_PROP_BASE + i, klass->pspecs[i]);
      if (label_field != NULL && g_str_equal (fields[i].name, label_field))
        klass->label_field = (int) i;
    }
}

const char *
soc_object_get_id (SocObject *self)
{
  SocObjectPrivate *priv = soc_object_get_instance_private (self);

  g_return_val_if_fail (SOC_IS_OBJECT (self), NULL);

  return priv->id;
}

/* Marks SELF as part of a document (made by the reader, added by
 * soc_edit_add(), or a document's own plan): from now on g_object_set()
 * refuses to change it, and only commands do. For good: an object taken
 * out by a command may come back by undo. */
void
_soc_object_adopt (SocObject *self)
{
  SocObjectPrivate *priv = soc_object_get_instance_private (self);

  priv->adopted = TRUE;
}

gboolean
soc_object_is_adopted (SocObject *self)
{
  SocObjectPrivate *priv = soc_object_get_instance_private (self);

  return priv->adopted;
}

/* The id, without the type check: for the writer's inner loop. */
const char *
soc_object_peek_id (SocObject *self)
{
  return ((SocObjectPrivate *) soc_object_get_instance_private (self))->id;
}

void
soc_object_set_id (SocObject  *self,
                   const char *id)
{
  SocObjectPrivate *priv = soc_object_get_instance_private (self);

  g_free (priv->id);
  priv->id = g_strdup (id);
  g_clear_pointer (&priv->fragment, retire_fragment);
  note_fragment (self);
}

/* What a person calls the object: its title or name, else its id. */
const char *
soc_object_get_label (SocObject *self)
{
  SocObjectClass *klass;
  SocObjectPrivate *priv;

  g_return_val_if_fail (SOC_IS_OBJECT (self), NULL);

  klass = SOC_OBJECT_GET_CLASS (self);
  priv = soc_object_get_instance_private (self);

  if (klass->label_field >= 0)
    {
      const char *s = *(char **) SOC_FIELD_PTR (self, &klass->fields[klass->label_field]);
      if (s != NULL)
        return s;
    }
  return priv->id != NULL ? priv->id : "";
}

SocExtras *
soc_object_get_extras (SocObject *self)
{
  SocObjectPrivate *priv = soc_object_get_instance_private (self);

  return priv->extras;
}

SocExtras *
soc_object_ensure_extras (SocObject *self)
{
  SocObjectPrivate *priv = soc_object_get_instance_private (self);

  if (priv->extras == NULL)
    priv->extras = soc_extras_new ();
  return priv->extras;
}

/* The text the writer made of the object, if it has not changed since
 * (soc-writer.c): a GRefString, immutable. A snapshot of a document being
 * saved in another thread lists these texts without a reference to each
 * (that would cost a cache miss per object on the main thread): while any
 * snapshot is held, a text its object lets go of is kept aside, and freed
 * when the last snapshot is let go of. */
static GMutex retired_lock;
static guint holds;
static GPtrArray *retired;

static void
retire_fragment (char *fragment)
{
  g_mutex_lock (&retired_lock);
  if (holds > 0)
    {
      if (retired == NULL)
        retired = g_ptr_array_new ();
      g_ptr_array_add (retired, fragment);
      fragment = NULL;
    }
  g_mutex_unlock (&retired_lock);
  if (fragment != NULL)
    g_ref_string_release (fragment);
}

/* A snapshot lists fragments from now on: none is freed until released. */
void
soc_object_hold_fragments (void)
{
  g_mutex_lock (&retired_lock);
  holds++;
  g_mutex_unlock (&retired_lock);
}

/* In any thread: the snapshot is gone. */
void
soc_object_release_fragments (void)
{
  g_autoptr(GPtrArray) freed = NULL;

  g_mutex_lock (&retired_lock);
  g_assert (holds > 0);
  if (--holds == 0)
    freed = g_steal_pointer (&retired);
  g_mutex_unlock (&retired_lock);

  for (guint i = 0; freed != NULL && i < freed->len; i++)
    g_ref_string_release (g_ptr_array_index (freed, i));
}

const char *
soc_object_peek_fragment (SocObject *self)
{
  return ((SocObjectPrivate *) soc_object_get_instance_private (self))->fragment;
}

/* Which objects' fragments changed since a snapshot, so that the next one
 * is the last one with those objects written again (soc-writer.c): a
 * document's snapshot puts its objects in a log, and from then on an
 * object whose fragment changes (dropped, replaced, or made again) notes
 * itself there, once per turn. The log is found by its number, so an
 * object that outlives its document notes nothing. Objects change in the
 * main thread; the lock is for the table of logs. */
typedef struct
{
  guint      turn;
  GPtrArray *objects;   /* SocObject, not owned: noted this turn */
} FragmentLog;

static GMutex logs_lock;
static GHashTable *logs;    /* number -> FragmentLog */
static guint last_log;

static void
fragment_log_free (gpointer data)
{
  FragmentLog *log = data;

  g_ptr_array_unref (log->objects);
  g_free (log);
}

guint
soc_fragment_log_new (void)
{
  FragmentLog *log = g_new0 (FragmentLog, 1);
  guint number;

  log->turn = 1;
  log->objects = g_ptr_array_new ();
  g_mutex_lock (&logs_lock);
  if (logs == NULL)
    logs = g_hash_table_new_full (NULL, NULL, NULL, fragment_log_free);
  do
    number = ++last_log;
  while (number == 0 || g_hash_table_contains (logs, GUINT_TO_POINTER (number)));
  g_hash_table_insert (logs, GUINT_TO_POINTER (number), log);
  g_mutex_unlock (&logs_lock);
  return number;
}

void
soc_fragment_log_free (guint log)
{
  g_mutex_lock (&logs_lock);
  if (logs != NULL)
    g_hash_table_remove (logs, GUINT_TO_POINTER (log));
  g_mutex_unlock (&logs_lock);
}

/* Puts SELF in LOG, its fragment at PIECE of the snapshot being made. */
void
soc_fragment_log_join (SocObject *self,
                       guint      log,
                       guint      piece)
{
  SocObjectDocData *data = &((SocObjectPrivate *) soc_object_get_instance_private (self))->doc;

  data->log = log;
  data->log_turn = 0;
  data->piece = piece;
}

/* The objects noted in LOG since the last time (transfer container, not
 * owned: the caller knows they are alive), and a new turn. */
GPtrArray *
soc_fragment_log_take (guint log)
{
  FragmentLog *l;
  GPtrArray *out = NULL;

  g_mutex_lock (&logs_lock);
  l = logs != NULL ? g_hash_table_lookup (logs, GUINT_TO_POINTER (log)) : NULL;
  if (l != NULL)
    {
      out = g_steal_pointer (&l->objects);
      l->objects = g_ptr_array_new ();
      if (++l->turn == 0)
        l->turn = 1;
    }
  g_mutex_unlock (&logs_lock);
  return out != NULL ? out : g_ptr_array_new ();
}

static void
note_fragment (SocObject *self)
{
  SocObjectDocData *data = &((SocObjectPrivate *) soc_object_get_instance_private (self))->doc;
  FragmentLog *l;

  if (data->log == 0)
    return;
  g_mutex_lock (&logs_lock);
  l = logs != NULL ? g_hash_table_lookup (logs, GUINT_TO_POINTER (data->log)) : NULL;
  if (l != NULL && data->log_turn != l->turn)
    {
      data->log_turn = l->turn;
      g_ptr_array_add (l->objects, self);
    }
  g_mutex_unlock (&logs_lock);
}

/* Asks for where the object keeps its written form, for a loop that will
 * peek at it a few objects later (soc-fetch.h). */
void
soc_object_fetch_fragment (SocObject *self)
{
  SOC_FETCH (&((SocObjectPrivate *) soc_object_get_instance_private (self))->fragment);
}

/* Keeps FRAGMENT (a GRefString; the object takes a reference) as the
 * object's written form. */
void
soc_object_set_fragment (SocObject  *self,
                         const char *fragment)
{
  SocObjectPrivate *priv = soc_object_get_instance_private (self);

  if (fragment != NULL)
    g_ref_string_acquire ((char *) fragment);
  g_clear_pointer (&priv->fragment, retire_fragment);
  priv->fragment = (char *) fragment;
  note_fragment (self);
}

/* Forgets the written form: something it depends on changed. */
void
soc_object_drop_fragment (SocObject *self)
{
  SocObjectPrivate *priv = soc_object_get_instance_private (self);

  g_clear_pointer (&priv->fragment, retire_fragment);
  note_fragment (self);
}

/* What the document keeps in each of its objects, next to the object's own
 * data so that touching one touches the other (soc-document.c): the
 * object's referrers are freed with it. */
SocObjectDocData *
soc_object_get_doc_data (SocObject *self)
{
  return &((SocObjectPrivate *) soc_object_get_instance_private (self))->doc;
}
