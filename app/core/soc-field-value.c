/* soc-field-value.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-field-value"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "soc-date.h"
#include "soc-edit.h"
#include "soc-field-value.h"

/* The id TARGET is known by, after RENAMES. */
const char *
soc_field_ref_id (SocObject  *target,
                  GHashTable *renames)
{
  const char *id;

  if (target == NULL)
    return NULL;
  id = soc_object_peek_id (target);
  if (renames != NULL && id != NULL)
    {
      const char *renamed = g_hash_table_lookup (renames, id);
      if (renamed != NULL)
        return renamed;
    }
  return id;
}

static gboolean
doubles_equal (double a,
               double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return a == b;
}

/* Whether FIELD holds the same value in A and B, objects of one class that
 * may belong to different documents. */
gboolean
soc_field_equal (SocObject      *a,
                 GHashTable     *renames_a,
                 SocObject      *b,
                 GHashTable     *renames_b,
                 const SocField *f)
{
  gpointer pa = SOC_FIELD_PTR (a, f);
  gpointer pb = SOC_FIELD_PTR (b, f);

  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      return g_strcmp0 (*(char **) pa, *(char **) pb) == 0;
    case SOC_FIELD_ENUM:
    case SOC_FIELD_INT:
      return *(int *) pa == *(int *) pb;
    case SOC_FIELD_FLAGS:
    case SOC_FIELD_DATE:
      return *(guint *) pa == *(guint *) pb;
    case SOC_FIELD_DOUBLE:
      return doubles_equal (*(double *) pa, *(double *) pb);
    case SOC_FIELD_REF:
      return g_strcmp0 (soc_field_ref_id (*(SocObject **) pa, renames_a),
                        soc_field_ref_id (*(SocObject **) pb, renames_b)) == 0;
    case SOC_FIELD_REFLIST:
      {
        GPtrArray *la = *(GPtrArray **) pa;
        GPtrArray *lb = *(GPtrArray **) pb;
        guint na = la != NULL ? la->len : 0;
        guint nb = lb != NULL ? lb->len : 0;

        if (na != nb)
          return FALSE;
        for (guint i = 0; i < na; i++)
          if (g_strcmp0 (soc_field_ref_id (g_ptr_array_index (la, i), renames_a),
                         soc_field_ref_id (g_ptr_array_index (lb, i), renames_b)) != 0)
            return FALSE;
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

/* The value of FIELD as a file spells it (a token, a date, a number, an id,
 * ids separated by spaces, the text itself), or NULL when it is not set. */
char *
soc_field_to_text (SocObject      *object,
                   const SocField *f,
                   GHashTable     *renames)
{
  gpointer p = SOC_FIELD_PTR (object, f);

  if (!soc_object_field_is_set (object, f))
    return NULL;

  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      return g_strdup (*(char **) p);
    case SOC_FIELD_ENUM:
      return g_strdup (soc_enum_to_nick (f->type (), *(int *) p));
    case SOC_FIELD_FLAGS:
      {
        GString *s = g_string_new (NULL);
        _soc_append_flags (s, f->type (), *(guint *) p);
        return g_string_free (s, FALSE);
      }
    case SOC_FIELD_INT:
      return g_strdup_printf ("%d", *(int *) p);
    case SOC_FIELD_DOUBLE:
      {
        GString *s = g_string_new (NULL);
        _soc_append_double (s, *(double *) p);
        return g_string_free (s, FALSE);
      }
    case SOC_FIELD_DATE:
      return soc_date_to_string (*(guint *) p);
    case SOC_FIELD_REF:
      return g_strdup (soc_field_ref_id (*(SocObject **) p, renames));
    case SOC_FIELD_REFLIST:
      {
        GPtrArray *list = *(GPtrArray **) p;
        GString *s = g_string_new (NULL);

        for (guint i = 0; i < list->len; i++)
          {
            if (i > 0)
              g_string_append_c (s, ' ');
            g_string_append (s, soc_field_ref_id (g_ptr_array_index (list, i), renames));
          }
        return g_string_free (s, FALSE);
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
bad_value (const SocField *f,
           const char     *text,
           GError        **error)
{
  g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
               _("“%s” is not a valid %s"), text, _(f->label));
  return FALSE;
}

static SocObject *
lookup_ref (SocDocument    *document,
            const SocField *f,
            const char     *id,
            gsize           len,
            GError        **error)
{
  g_autofree char *key = g_strndup (id, len);
  SocObject *target = soc_document_lookup (document, key);

  if (target == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (target, f->type ()))
    {
      g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_NOT_FOUND,
                   _("The plan has no “%s” to be the %s"), key, _(f->label));
      return NULL;
    }
  return target;
}

/* Reads TEXT, spelt as soc_field_to_text() spells it (NULL: not set), into
 * VALUE, initialised here to FIELD's property type. References are looked
 * up in DOCUMENT. Checks the spelling only: soc_edit_set() checks the rules. */
gboolean
soc_field_from_text (SocDocument    *document,
                     SocObject      *object,
                     const SocField *f,
                     const char     *text,
                     GValue         *value,
                     GError        **error)
{
  GParamSpec *pspec = soc_object_class_field_pspec (SOC_OBJECT_GET_CLASS (object), f);

  g_value_init (value, pspec->value_type);
  if (text == NULL)
    {
      if (f->kind == SOC_FIELD_DOUBLE)
        g_value_set_double (value, NAN);
      else if (f->kind == SOC_FIELD_ENUM || f->kind == SOC_FIELD_INT)
        g_value_set_int (value, f->default_value);
      return TRUE;
    }

  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      g_value_set_string (value, text);
      return TRUE;
    case SOC_FIELD_ENUM:
      {
        int v;
        if (!soc_enum_from_nick (f->type (), text, strlen (text), &v))
          return bad_value (f, text, error);
        g_value_set_enum (value, v);
        return TRUE;
      }
    case SOC_FIELD_FLAGS:
      {
        g_auto(GStrv) tokens = g_strsplit (text, " ", -1);
        guint flags = 0;

        for (guint i = 0; tokens[i] != NULL; i++)
          {
            int bit;
            if (tokens[i][0] == '\0')
              continue;
            if (!soc_enum_from_nick (f->type (), tokens[i], strlen (tokens[i]), &bit))
              return bad_value (f, text, error);
            flags |= (guint) bit;
          }
        g_value_set_flags (value, flags);
        return TRUE;
      }
    case SOC_FIELD_INT:
      {
        char *end = NULL;
        gint64 v = g_ascii_strtoll (text, &end, 10);
        if (end == text || *end != '\0' || v < G_MININT || v > G_MAXINT)
          return bad_value (f, text, error);
        g_value_set_int (value, (int) v);
        return TRUE;
      }
    case SOC_FIELD_DOUBLE:
      {
        char *end = NULL;
        double v = g_ascii_strtod (text, &end);
        if (end == text || *end != '\0' || !isfinite (v))
          return bad_value (f, text, error);
        g_value_set_double (value, v);
        return TRUE;
      }
    case SOC_FIELD_DATE:
      {
        guint v;
        if (!soc_date_parse (text, strlen (text), &v))
          return bad_value (f, text, error);
        g_value_set_uint (value, v);
        return TRUE;
      }
    case SOC_FIELD_REF:
      {
        SocObject *target = lookup_ref (document, f, text, strlen (text), error);
        if (target == NULL)
          return FALSE;
        g_value_set_object (value, target);
        return TRUE;
      }
    case SOC_FIELD_REFLIST:
      {
        g_autoptr(GPtrArray) list = g_ptr_array_new ();
        const char *p = text;

        while (*p != '\0')
          {
            const char *end = strchr (p, ' ');
            gsize len = end != NULL ? (gsize) (end - p) : strlen (p);

            if (len > 0)
              {
                SocObject *target = lookup_ref (document, f, p, len, error);
                if (target == NULL)
                  return FALSE;
                g_ptr_array_add (list, target);
              }
            p += len;
            if (*p == ' ')
              p++;
          }
        g_value_set_boxed (value, list->len > 0 ? list : NULL);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------------ */
/* Kept content                                                             */

/* Length-prefixed, so that different content never gives the same text. */
static void
append_part (GString    *s,
             char        tag,
             const char *text)
{
  if (text == NULL)
    {
      g_string_append_c (s, tag);
      g_string_append (s, "-;");
      return;
    }
  g_string_append_printf (s, "%c%zu:", tag, strlen (text));
  g_string_append (s, text);
}

static void
append_attrs (GString   *s,
              GPtrArray *attrs)
{
  for (guint i = 0; attrs != NULL && i < attrs->len; i++)
    {
      SocXmlAttr *a = g_ptr_array_index (attrs, i);
      append_part (s, 'a', a->ns);
      append_part (s, 'n', a->name);
      append_part (s, 'v', a->value);
    }
}

typedef struct
{
  const SocXmlNode *node;
  guint             next;
} Walk;

static void
append_node (GString          *s,
             const SocXmlNode *root)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Walk));
  Walk w = { root, 0 };

  g_array_append_val (stack, w);
  while (stack->len > 0)
    {
      Walk *top = &g_array_index (stack, Walk, stack->len - 1);
      const SocXmlNode *n = top->node;

      if (top->next == 0)
        {
          if (n->name == NULL)
            {
              append_part (s, 't', n->text);
              g_array_set_size (stack, stack->len - 1);
              continue;
            }
          g_string_append_printf (s, "<%u", n->position);
          append_part (s, 'e', n->ns);
          append_part (s, 'n', n->name);
          append_attrs (s, n->attrs);
          g_string_append_c (s, '>');
        }
      if (n->children != NULL && top->next < n->children->len)
        {
          Walk child = { g_ptr_array_index (n->children, top->next), 0 };
          top->next++;
          g_array_append_val (stack, child);
          continue;
        }
      g_string_append (s, "</>");
      g_array_set_size (stack, stack->len - 1);
    }
}

/* A canonical text of kept content: equal texts, equal content. */
char *
soc_xml_node_to_text (const SocXmlNode *node)
{
  GString *s = g_string_new (NULL);

  append_node (s, node);
  return g_string_free (s, FALSE);
}

/* The same for all kept content of an object or section; NULL if none. */
char *
soc_extras_to_text (const SocExtras *extras)
{
  GString *s;

  if (soc_extras_is_empty (extras))
    return NULL;
  s = g_string_new (NULL);
  append_attrs (s, extras->attrs);
  g_string_append_c (s, '|');
  for (guint i = 0; extras->children != NULL && i < extras->children->len; i++)
    append_node (s, g_ptr_array_index (extras->children, i));
  return g_string_free (s, FALSE);
}

SocXmlAttr *
soc_xml_attr_copy (const SocXmlAttr *attr)
{
  return soc_xml_attr_new (attr->ns, attr->prefix, attr->name, attr->value);
}

static SocXmlNode *
copy_one (const SocXmlNode *src)
{
  SocXmlNode *n = soc_xml_node_new (src->ns, src->prefix, src->name);

  n->text = g_strdup (src->text);
  n->position = src->position;
  if (src->attrs != NULL)
    {
      n->attrs = g_ptr_array_new_full (src->attrs->len, (GDestroyNotify) soc_xml_attr_free);
      for (guint i = 0; i < src->attrs->len; i++)
        g_ptr_array_add (n->attrs, soc_xml_attr_copy (g_ptr_array_index (src->attrs, i)));
    }
  return n;
}

/* A deep copy, without recursion. */
SocXmlNode *
soc_xml_node_copy (const SocXmlNode *node)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();   /* pairs: source, copy */
  SocXmlNode *root = copy_one (node);

  g_ptr_array_add (stack, (gpointer) node);
  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      SocXmlNode *dst = g_ptr_array_steal_index_fast (stack, stack->len - 1);
      const SocXmlNode *src = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (src->children == NULL)
        continue;
      dst->children = g_ptr_array_new_full (src->children->len, (GDestroyNotify) soc_xml_node_free);
      for (guint i = 0; i < src->children->len; i++)
        {
          const SocXmlNode *c = g_ptr_array_index (src->children, i);
          SocXmlNode *copy = copy_one (c);

          g_ptr_array_add (dst->children, copy);
          g_ptr_array_add (stack, (gpointer) c);
          g_ptr_array_add (stack, copy);
        }
    }
  return root;
}

SocExtras *
soc_extras_copy (const SocExtras *extras)
{
  SocExtras *copy;

  if (soc_extras_is_empty (extras))
    return NULL;
  copy = soc_extras_new ();
  for (guint i = 0; extras->attrs != NULL && i < extras->attrs->len; i++)
    soc_extras_add_attr (copy, soc_xml_attr_copy (g_ptr_array_index (extras->attrs, i)));
  for (guint i = 0; extras->children != NULL && i < extras->children->len; i++)
    soc_extras_add_child (copy, soc_xml_node_copy (g_ptr_array_index (extras->children, i)));
  return copy;
}
