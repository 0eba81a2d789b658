/* soc-writer-text.c: escaped text, numbers, and content kept from other
 * namespaces, as the writer writes them
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-writer"

#include "config.h"

#include <math.h>

#include "soc-enum-types.h"
#include "soc-writer-private.h"

/* ------------------------------------------------------------------------ */
/* Namespaces of kept content                                               */

void
_soc_writer_use_namespace (Writer     *w,
                           const char *uri,
                           const char *prefix,
                           gboolean    for_attribute)
{
  g_autofree char *chosen = NULL;

  if (uri == NULL || g_str_equal (uri, XML_NAMESPACE))
    return;
  if (!for_attribute && g_str_equal (uri, SOC_FORMAT_NAMESPACE))
    return;
  if (g_hash_table_contains (w->prefixes, uri))
    return;

  if (prefix != NULL && prefix[0] != '\0' && !g_hash_table_contains (w->taken, prefix) &&
      !g_str_has_prefix (prefix, "xml"))
    chosen = g_strdup (prefix);
  else
    for (guint n = 1; chosen == NULL; n++)
      {
        g_autofree char *candidate = g_strdup_printf ("ns%u", n);
        if (!g_hash_table_contains (w->taken, candidate))
          chosen = g_steal_pointer (&candidate);
      }

  g_hash_table_add (w->taken, g_strdup (chosen));
  g_hash_table_insert (w->prefixes, g_strdup (uri), g_steal_pointer (&chosen));
  g_ptr_array_add (w->declared, g_strdup (uri));
}

static void
scan_attrs (Writer    *w,
            GPtrArray *attrs)
{
  if (attrs == NULL)
    return;
  for (guint i = 0; i < attrs->len; i++)
    {
      SocXmlAttr *a = g_ptr_array_index (attrs, i);
      _soc_writer_use_namespace (w, a->ns, a->prefix, TRUE);
    }
}

static void
scan_node (Writer     *w,
           SocXmlNode *node)
{
  if (node->name == NULL)
    return;
  _soc_writer_use_namespace (w, node->ns, node->prefix, FALSE);
  scan_attrs (w, node->attrs);
  if (node->children != NULL)
    for (guint i = 0; i < node->children->len; i++)
      scan_node (w, g_ptr_array_index (node->children, i));
}

void
_soc_writer_scan_extras (Writer    *w,
                         SocExtras *extras)
{
  if (extras == NULL)
    return;
  scan_attrs (w, extras->attrs);
  if (extras->children != NULL)
    for (guint i = 0; i < extras->children->len; i++)
      scan_node (w, g_ptr_array_index (extras->children, i));
}

/* ------------------------------------------------------------------------ */
/* Text                                                                     */



/* The length of the UTF-8 character at P (at most LEFT bytes) that XML 1.0
 * can hold, or 0 if it is malformed or not allowed (U+FFFE, U+FFFF). */
static inline gsize
xml_char_length (const guchar *p,
                 gsize         left)
{
  guint32 c;
  gsize n;

  if (p[0] < 0xC2)
    return 0;                       /* continuation byte or overlong lead */
  if (p[0] < 0xE0)
    n = 2, c = p[0] & 0x1F;
  else if (p[0] < 0xF0)
    n = 3, c = p[0] & 0x0F;
  else if (p[0] < 0xF5)
    n = 4, c = p[0] & 0x07;
  else
    return 0;
  if (n > left)
    return 0;
  for (gsize i = 1; i < n; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        return 0;
      c = (c << 6) | (p[i] & 0x3F);
    }
  if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
      (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF)
    return 0;
  return n;
}

/* Appends S escaped, checking it in the same pass; newlines become &#10; so
 * each element keeps one line. Refuses what XML 1.0 cannot hold. */
gboolean
_soc_writer_escape (Writer     *w,
                    const char *s,
                    gboolean    attribute)
{
  const guchar *p = (const guchar *) s;
  gsize len = strlen (s);
  gsize run = 0;
  gsize i = 0;

  while (i < len)
    {
      guchar c = p[i];
      const char *rep = NULL;

      if (c >= 0x80)
        {
          gsize n = xml_char_length (p + i, len - i);
          if (n == 0)
            {
              w->bad = TRUE;
              return FALSE;
            }
          i += n;
          continue;
        }
      switch (c)
        {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = attribute ? "&quot;" : NULL; break;
        case '\n': rep = "&#10;"; break;
        case '\r': rep = "&#13;"; break;
        case '\t': rep = attribute ? "&#9;" : NULL; break;
        default:
          if (c < 0x20)
            {
              w->bad = TRUE;
              return FALSE;
            }
          break;
        }
      if (rep != NULL)
        {
          put_len (w->out, s + run, i - run);
          put (w->out, rep);
          run = i + 1;
        }
      i++;
    }
  put_len (w->out, s + run, i - run);
  return TRUE;
}

void
_soc_writer_append_uint (GString *out,
                         guint64  v)
{
  char buf[24];
  int n = 0;

  do
    buf[n++] = (char) ('0' + v % 10);
  while ((v /= 10) > 0);
  while (n > 0)
    g_string_append_c (out, buf[--n]);
}

void
_soc_writer_append_int (GString *out,
                        gint64   v)
{
  if (v < 0)
    {
      g_string_append_c (out, '-');
      _soc_writer_append_uint (out, (guint64) -v);
    }
  else
    _soc_writer_append_uint (out, (guint64) v);
}

void
_soc_append_double (GString *out,
                    double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Whole numbers as such (-0 as 0), without printf; others in the
   * shortest form that reads back as the same number. */
  if (v == floor (v) && fabs (v) < 1e15)
    {
      _soc_writer_append_int (out, (gint64) v);
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  put (out, buf);
}

void
_soc_append_flags (GString *out,
                   GType    type,
                   guint    flags)
{
  gboolean first = TRUE;

  for (guint bit = 0; bit < 32; bit++)
    if (flags & (1u << bit))
      {
        const char *nick = soc_enum_to_nick (type, (int) (1u << bit));
        if (nick == NULL)
          continue;
        if (!first)
          g_string_append_c (out, ' ');
        put (out, nick);
        first = FALSE;
      }
}

const char *
_soc_writer_attribute_prefix (Writer     *w,
                              const char *ns)
{
  if (ns == NULL)
    return NULL;
  if (g_str_equal (ns, XML_NAMESPACE))
    return "xml";
  return g_hash_table_lookup (w->prefixes, ns);
}

const char *
_soc_writer_element_prefix (Writer     *w,
                            const char *ns)
{
  if (ns == NULL || g_str_equal (ns, SOC_FORMAT_NAMESPACE))
    return NULL;
  return _soc_writer_attribute_prefix (w, ns);
}

gboolean
_soc_writer_write_extra_attrs (Writer    *w,
                               GPtrArray *attrs)
{
  if (attrs == NULL)
    return TRUE;
  for (guint i = 0; i < attrs->len; i++)
    {
      SocXmlAttr *a = g_ptr_array_index (attrs, i);
      const char *prefix = _soc_writer_attribute_prefix (w, a->ns);

      g_string_append_c (w->out, ' ');
      if (prefix != NULL)
        g_string_append_printf (w->out, "%s:", prefix);
      g_string_append_printf (w->out, "%s=\"", a->name);
      if (!_soc_writer_escape (w, a->value, TRUE))
        return FALSE;
      g_string_append_c (w->out, '"');
    }
  return TRUE;
}

static gboolean
node_is_mixed (SocXmlNode *node)
{
  gboolean text = FALSE, elements = FALSE;

  if (node->children == NULL)
    return FALSE;
  for (guint i = 0; i < node->children->len; i++)
    {
      SocXmlNode *c = g_ptr_array_index (node->children, i);
      if (c->name == NULL)
        text = TRUE;
      else
        elements = TRUE;
    }
  return text && elements;
}

/* Writes kept content. Mixed content goes on one line so that reading it
 * back gives the same text. */
gboolean
_soc_writer_write_node (Writer     *w,
                        SocXmlNode *node,
                        guint       level,
                        gboolean    inline_)
{
  const char *prefix;
  gboolean mixed;
  gboolean outer_in_no_namespace;

  if (node->name == NULL)
    {
      if (!inline_)
        _soc_writer_indent (w, level);
      if (!_soc_writer_escape (w, node->text, FALSE))
        return FALSE;
      if (!inline_)
        g_string_append_c (w->out, '\n');
      return TRUE;
    }

  prefix = _soc_writer_element_prefix (w, node->ns);
  if (!inline_)
    _soc_writer_indent (w, level);
  g_string_append_c (w->out, '<');
  if (prefix != NULL)
    g_string_append_printf (w->out, "%s:", prefix);
  put (w->out, node->name);
  /* An element in no namespace must not fall into the plan's default one;
   * one of ours inside such an element must be put back into it. */
  if (node->ns == NULL)
    put (w->out, " xmlns=\"\"");
  else if (prefix == NULL && w->in_no_namespace)
    put (w->out, " xmlns=\"" SOC_FORMAT_NAMESPACE "\"");
  if (!_soc_writer_write_extra_attrs (w, node->attrs))
    return FALSE;

  if (node->children == NULL || node->children->len == 0)
    {
      put (w->out, inline_ ? "/>" : "/>\n");
      return TRUE;
    }

  mixed = inline_ || node_is_mixed (node) ||
          (node->children->len == 1 && ((SocXmlNode *) g_ptr_array_index (node->children, 0))->name == NULL);
  put (w->out, mixed ? ">" : ">\n");
  outer_in_no_namespace = w->in_no_namespace;
  if (node->ns == NULL)
    w->in_no_namespace = TRUE;
  else if (prefix == NULL)
    w->in_no_namespace = FALSE;
  for (guint i = 0; i < node->children->len; i++)
    if (!_soc_writer_write_node (w, g_ptr_array_index (node->children, i), level + 1, mixed))
      return FALSE;
  w->in_no_namespace = outer_in_no_namespace;
  if (!mixed)
    _soc_writer_indent (w, level);
  put (w->out, "</");
  if (prefix != NULL)
    g_string_append_printf (w->out, "%s:", prefix);
  put (w->out, node->name);
  put (w->out, inline_ ? ">" : ">\n");
  return TRUE;
}

/* Writes the kept children whose place is before known child number INDEX
 * (or all that remain, with G_MAXUINT). */
gboolean
_soc_writer_write_extras_before (Writer    *w,
                                 SocExtras *extras,
                                 guint     *next,
                                 guint      index,
                                 guint      level)
{
  if (extras == NULL || extras->children == NULL)
    return TRUE;
  while (*next < extras->children->len)
    {
      SocXmlNode *node = g_ptr_array_index (extras->children, *next);
      if (node->position > index && index != G_MAXUINT)
        break;
      if (!_soc_writer_write_node (w, node, level, FALSE))
        return FALSE;
      (*next)++;
    }
  return TRUE;
}
