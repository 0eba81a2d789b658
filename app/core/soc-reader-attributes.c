/* soc-reader-attributes.c: attributes, where they are, and their values in fields
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 hands a start tag's attributes over as pointers into its buffer,
 * with each & still written "&#38;": they are decoded here, found again in
 * the bytes for their line and column, read into the object's fields by
 * the rules of soc-rules-values.c, or kept when they belong to another
 * namespace (or to a newer minor version).
 */

#define G_LOG_DOMAIN "soc-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "soc-date.h"
#include "soc-enum-types.h"
#include "soc-reader-private.h"

gboolean
_soc_reader_is_ours (const xmlChar *uri)
{
  return uri != NULL && strcmp ((const char *) uri, SOC_FORMAT_NAMESPACE) == 0;
}

/* Is the text S (LEN bytes, as libxml2 hands text over) white space only?
 * In text libxml2 has accepted, the only bytes up to 0x20 are the white
 * space XML allows (space, tab, line feed, carriage return), so it is
 * enough that no byte is above 0x20: checked eight bytes at a time, for
 * the plans that are megabytes of white space. */
gboolean
_soc_reader_is_blank (const char *s,
                      gsize       len)
{
  const guint64 low = G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F);
  const guint64 add = G_GUINT64_CONSTANT (0x5F5F5F5F5F5F5F5F);
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, s + i, 8);
      /* A byte's high bit ends up set if it is above 0x20; no carries. */
      if ((((w & low) + add) | w) & high)
        return FALSE;
    }
  for (; i < len; i++)
    if ((guchar) s[i] > 0x20)
      return FALSE;
  return TRUE;
}

/* The offset of the '<' of the element whose start tag was just parsed. */
gsize
_soc_reader_tag_offset (Reader *r)
{
  xmlParserInputPtr in = r->ctxt->input;
  gsize pos = (gsize) in->consumed + (gsize) (in->cur - in->base);

  if (pos > r->len)
    pos = r->len;
  while (pos > 0 && r->data[pos - 1] != '<')
    pos--;
  return pos > 0 ? pos - 1 : 0;
}

/* The offset of attribute NAME (with PREFIX, if any) within the tag at
 * TAG, or TAG itself. */
gsize
_soc_reader_attribute_offset (Reader     *r,
                  gsize       tag,
                  const char *prefix,
                  const char *name)
{
  gsize name_len = strlen (name);
  gsize prefix_len = prefix != NULL ? strlen (prefix) : 0;

  for (gsize i = tag + 1; i < r->len && r->data[i] != '>'; i++)
    {
      char c = r->data[i];
      gsize at = i + 1;

      if (c == '"' || c == '\'')
        {
          const char *close = memchr (r->data + i + 1, c, r->len - i - 1);
          if (close == NULL)
            break;
          i = (gsize) (close - r->data);
          continue;
        }
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        continue;
      if (prefix_len > 0)
        {
          if (at + prefix_len + 1 + name_len >= r->len ||
              memcmp (r->data + at, prefix, prefix_len) != 0 || r->data[at + prefix_len] != ':')
            continue;
          at += prefix_len + 1;
        }
      if (at + name_len < r->len && memcmp (r->data + at, name, name_len) == 0 &&
          (r->data[at + name_len] == '=' || g_ascii_isspace (r->data[at + name_len])))
        return i + 1;
    }
  return tag;
}

/* The attribute's name as written, prefix and all. */
char *
_soc_reader_attribute_name (const xmlChar **a)
{
  if (a[1] != NULL)
    return g_strdup_printf ("%s:%s", (const char *) a[1], (const char *) a[0]);
  return g_strdup ((const char *) a[0]);
}

gsize
_soc_reader_offset_of_attribute (Reader         *r,
                     gsize           tag,
                     const xmlChar **a)
{
  return _soc_reader_attribute_offset (r, tag, (const char *) a[1], (const char *) a[0]);
}

/* VALUE (LEN bytes of UTF-8) for a message: at most 40 characters. */
char *
_soc_reader_quote (const char *value,
             gsize       len)
{
  const char *p = value;
  const char *end = value + len;
  guint n = 0;

  while (p < end && n < 40)
    {
      p = g_utf8_find_next_char (p, end);
      if (p == NULL)
        p = end;
      n++;
    }
  if (p < end)
    return g_strdup_printf ("%.*s…", (int) (p - value), value);
  return g_strndup (value, len);
}

static char *
enum_choices (GType type)
{
  GString *s = g_string_new (NULL);

  if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", klass->values[i].value_nick);
    }
  else
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", klass->values[i].value_nick);
    }
  return g_string_free (s, FALSE);
}

/* Parses VALUE (LEN bytes) into FIELD of OBJECT, or reports why not at
 * attribute ATTR of the tag at TAG (found only then: most values are fine). */
void
_soc_reader_read_value (Reader         *r,
                SocObject      *object,
                const SocField *field,
                const char     *value,
                gsize           len,
                gsize           tag,
                const char     *attr)
{
  gpointer p = SOC_FIELD_PTR (object, field);
  const char *element = SOC_OBJECT_GET_CLASS (object)->element;
  g_autofree char *shown = NULL;

  switch (field->kind)
    {
    case SOC_FIELD_STRING:
      if ((field->flags & SOC_FIELD_UID) && !soc_uid_is_valid (value, len))
        {
          shown = _soc_reader_quote (value, len);
          problem (r, _soc_reader_attribute_offset (r, tag, NULL, attr), _("“%s” is not a valid %s of <%s>: use 1 to 64 letters, digits and hyphens"),
                   shown, field->name, element);
          return;
        }
      if (len > 0)
        *(char **) p = g_strndup (value, len);
      return;

    case SOC_FIELD_COLOUR:
      if (!soc_rules_colour_is_valid (value, len))
        {
          shown = _soc_reader_quote (value, len);
          problem (r, _soc_reader_attribute_offset (r, tag, NULL, attr), _("“%s” is not a colour: write it as #rrggbb"), shown);
          return;
        }
      *(char **) p = g_strndup (value, len);
      return;

    case SOC_FIELD_ENUM:
      {
        int v;

        if (!soc_enum_from_nick (field->type (), value, len, &v))
          {
            g_autofree char *choices = enum_choices (field->type ());

            shown = _soc_reader_quote (value, len);
            problem (r, _soc_reader_attribute_offset (r, tag, NULL, attr), _("“%s” is not a valid %s of <%s>; use one of: %s"),
                     shown, field->name, element, choices);
            return;
          }
        *(int *) p = v;
        return;
      }

    case SOC_FIELD_FLAGS:
      {
        guint flags = 0;
        gsize i = 0;

        while (i < len)
          {
            gsize start;
            int bit;

            while (i < len && g_ascii_isspace (value[i]))
              i++;
            start = i;
            while (i < len && !g_ascii_isspace (value[i]))
              i++;
            if (i == start)
              break;
            if (!soc_enum_from_nick (field->type (), value + start, i - start, &bit))
              {
                g_autofree char *choices = enum_choices (field->type ());

                shown = _soc_reader_quote (value + start, i - start);
                problem (r, _soc_reader_attribute_offset (r, tag, NULL, attr), _("“%s” is not a valid token in %s of <%s>; use any of: %s"),
                         shown, field->name, element, choices);
                return;
              }
            flags |= (guint) bit;
          }
        *(guint *) p = flags;
        return;
      }

    case SOC_FIELD_INT:
      if (soc_rules_parse_whole (value, len, field->min, field->max, p) != SOC_VALUE_OK)
        {
          shown = _soc_reader_quote (value, len);
          problem (r, _soc_reader_attribute_offset (r, tag, NULL, attr), _("%s of <%s> must be a whole number from %d to %d, written with digits only, not “%s”"),
                   field->name, element, field->min, field->max, shown);
        }
      return;

    case SOC_FIELD_DOUBLE:
      switch (soc_rules_parse_number (value, len, p))
        {
        case SOC_VALUE_OK:
          return;
        case SOC_VALUE_OUT_OF_RANGE:
          shown = _soc_reader_quote (value, len);
          problem (r, _soc_reader_attribute_offset (r, tag, NULL, attr), _("%s of <%s> is too large a number: “%s”"), field->name, element, shown);
          return;
        default:
          shown = _soc_reader_quote (value, len);
          problem (r, _soc_reader_attribute_offset (r, tag, NULL, attr), _("%s of <%s> must be a number written like 12, -0.5 or 1.5e3, not “%s”"),
                   field->name, element, shown);
          return;
        }

    case SOC_FIELD_DATE:
      shown = _soc_reader_quote (value, len);
      switch (soc_rules_parse_date (value, len, p))
        {
        case SOC_VALUE_OK:
          return;
        case SOC_VALUE_OUT_OF_RANGE:
          problem (r, _soc_reader_attribute_offset (r, tag, NULL, attr), _("%s of <%s> must be a date between %d and %d, not “%s”"),
                   field->name, element, SOC_DATE_MIN_YEAR, SOC_DATE_MAX_YEAR, shown);
          return;
        case SOC_VALUE_NO_SUCH_DAY:
          {
            int y = atoi (shown), m = atoi (shown + 5);

            if (m < 1 || m > 12)
              problem (r, _soc_reader_attribute_offset (r, tag, NULL, attr), _("%s of <%s> is “%s”, but there is no month %d"),
                       field->name, element, shown, m);
            else
              problem (r, _soc_reader_attribute_offset (r, tag, NULL, attr), _("%s of <%s> is “%s”, a day that does not exist: that month has %d days"),
                       field->name, element, shown, soc_date_days_in_month (y, m));
            return;
          }
        default:
          problem (r, _soc_reader_attribute_offset (r, tag, NULL, attr), _("%s of <%s> must be a date written YYYY-MM-DD, not “%s”"),
                   field->name, element, shown);
          return;
        }

    case SOC_FIELD_REF:
    case SOC_FIELD_REFLIST:
      {
        PendingRef ref;

        if (!soc_id_is_valid (value, len))
          {
            shown = _soc_reader_quote (value, len);
            problem (r, _soc_reader_attribute_offset (r, tag, NULL, attr), _("“%s” is not a valid id in %s"), shown, field->name);
            return;
          }
        ref.object = object;
        ref.field = field;
        ref.id = g_string_chunk_insert_len (r->strings, value, (gssize) len);
        ref.tag = tag;
        ref.attr = attr;
        g_array_append_val (r->refs, ref);
        return;
      }

    case SOC_FIELD_TEXT:
    default:
      g_assert_not_reached ();
    }
}

static void
read_id (Reader      *r,
         Frame       *f,
         const char  *value,
         gsize        len,
         gsize        tag)
{
  char id[65];   /* a valid id has at most 64 characters */

  /* Given, even if bad: "needs an id" would hide the real problem. */
  f->seen |= 1u << 31;
  if (!soc_id_is_valid (value, len))
    {
      g_autofree char *shown = _soc_reader_quote (value, len);

      problem (r, _soc_reader_attribute_offset (r, tag, NULL, "id"), _("“%s” is not a valid id: use a letter or _ followed by letters, digits, _ . or -, at most 64 in all"), shown);
      return;
    }
  memcpy (id, value, len);
  id[len] = '\0';
  if (g_hash_table_lookup (r->doc->ids, id) != NULL)
    {
      problem (r, _soc_reader_attribute_offset (r, tag, NULL, "id"), _("the id “%s” is used twice"), id);
      return;
    }
  soc_object_set_id (f->object, id);
  g_hash_table_insert (r->doc->ids, (gpointer) soc_object_get_id (f->object), f->object);
}

/* Where content this version does not know goes, for the element of F. */
SocExtras *
_soc_reader_frame_extras (Frame *f)
{
  if (f->kind == FRAME_OBJECT)
    return soc_object_ensure_extras (f->object);
  if (f->extras != NULL)
    {
      if (*f->extras == NULL)
        *f->extras = soc_extras_new ();
      return *f->extras;
    }
  return NULL;
}

void
_soc_reader_keep_attribute (Frame          *f,
                const xmlChar **a)
{
  g_autofree char *v = g_strndup ((const char *) a[3], a[4] - a[3]);

  soc_extras_add_attr (_soc_reader_frame_extras (f),
                       soc_xml_attr_new ((const char *) a[2], (const char *) a[1], (const char *) a[0], v));
}

/* An attribute of a known element, in a namespace: kept if foreign, or if
 * it is ours in a newer minor version; otherwise refused. TRUE if it was
 * dealt with. */
gboolean
_soc_reader_namespaced_attribute (Reader         *r,
                      Frame          *f,
                      const char     *element,
                      const xmlChar **a)
{
  if (a[2] == NULL)
    return FALSE;
  if (!_soc_reader_is_ours (a[2]) || r->newer_minor)
    _soc_reader_keep_attribute (f, a);
  else
    {
      g_autofree char *name = _soc_reader_attribute_name (a);

      problem (r, _soc_reader_offset_of_attribute (r, f->offset, a),
               _("<%s> has the attribute “%s” in the plan's own namespace: attributes of a plan are written without a prefix"),
               element, name);
    }
  return TRUE;
}

void
_soc_reader_read_attributes (Reader         *r,
                        Frame          *f,
                        int             nb_attributes,
                        const xmlChar **attributes)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (f->object);

  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + i * 5;
      const char *name = (const char *) a[0];
      const char *value = (const char *) a[3];
      gsize len = (gsize) (a[4] - a[3]);
      const SocField *field;

      if (_soc_reader_namespaced_attribute (r, f, klass->element, a))
        continue;

      if (strcmp (name, "id") == 0 && klass->id_prefix != NULL)
        {
          read_id (r, f, value, len, f->offset);
          continue;
        }

      field = soc_object_class_find_field (klass, name, strlen (name));
      if (field == NULL || field->kind == SOC_FIELD_TEXT || field->kind == SOC_FIELD_REFLIST)
        {
          if (r->newer_minor)
            _soc_reader_keep_attribute (f, a);
          else
            problem (r, _soc_reader_attribute_offset (r, f->offset, NULL, name),
                     _("<%s> has no attribute “%s”"), klass->element, name);
          continue;
        }

      f->seen |= 1u << (field - klass->fields);
      _soc_reader_read_value (r, f->object, field, value, len, f->offset, field->name);
    }

  if (klass->id_prefix != NULL && !(f->seen & (1u << 31)))
    problem (r, f->offset, _("<%s> needs an id"), klass->element);

  for (guint i = 0; i < klass->n_fields; i++)
    if ((klass->fields[i].flags & SOC_FIELD_REQUIRED) && !(f->seen & (1u << i)))
      problem (r, f->offset, _("<%s> needs the attribute “%s”"), klass->element, klass->fields[i].name);
}

/* Without entity substitution (which we never turn on), libxml2 hands an
 * attribute value over with each & (from &amp; or &#38;) written as "&#38;",
 * for a DOM builder to parse again; every other reference is already
 * replaced. Namespace names are attribute values too, and come the same way.
 * So an & there always starts "&#38;": this turns those back into &, in the
 * LEN bytes at P. */
static char *
decode_amp (const char *p,
            gsize       len)
{
  const char *end = p + len;
  GString *value = g_string_sized_new (len);

  while (p < end)
    {
      const char *amp = memchr (p, '&', (gsize) (end - p));

      if (amp == NULL)
        {
          g_string_append_len (value, p, end - p);
          break;
        }
      g_string_append_len (value, p, amp - p);
      g_string_append_c (value, '&');
      p = amp + 1;
      if ((gsize) (end - p) >= 4 && memcmp (p, "#38;", 4) == 0)
        p += 4;
    }
  return g_string_free (value, FALSE);
}

/* A namespace name with its & decoded, kept in *STRINGS (made when first
 * needed); URI itself if it holds none. */
const xmlChar *
_soc_reader_decode_uri (const xmlChar  *uri,
            GPtrArray     **strings)
{
  char *decoded;

  if (uri == NULL || strchr ((const char *) uri, '&') == NULL)
    return uri;
  if (*strings == NULL)
    *strings = g_ptr_array_new_with_free_func (g_free);
  decoded = decode_amp ((const char *) uri, strlen ((const char *) uri));
  g_ptr_array_add (*strings, decoded);
  return (const xmlChar *) decoded;
}

/* A copy of ATTRIBUTES with & decoded in their values and namespace names
 * (kept in *STRINGS), or NULL if none holds an &. */
const xmlChar **
_soc_reader_decode_attributes (int              nb_attributes,
                   const xmlChar  **attributes,
                   GPtrArray      **strings)
{
  const xmlChar **copy = NULL;

  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + i * 5;
      gsize len = (gsize) (a[4] - a[3]);
      const xmlChar *ns;
      char *value;

      ns = _soc_reader_decode_uri (a[2], strings);
      if (ns == a[2] && memchr (a[3], '&', len) == NULL)
        continue;
      if (copy == NULL)
        copy = g_memdup2 (attributes, sizeof (xmlChar *) * 5 * (gsize) nb_attributes);
      copy[i * 5 + 2] = ns;
      if (memchr (a[3], '&', len) == NULL)
        continue;

      if (*strings == NULL)
        *strings = g_ptr_array_new_with_free_func (g_free);
      value = decode_amp ((const char *) a[3], len);
      g_ptr_array_add (*strings, value);
      copy[i * 5 + 3] = (const xmlChar *) value;
      copy[i * 5 + 4] = (const xmlChar *) value + strlen (value);
    }
  return copy;
}

/* MAJOR.MINOR: whole numbers of at most five digits, without leading zeros. */
gboolean
_soc_reader_parse_version (const char *v,
               int        *major,
               int        *minor)
{
  const char *dot = strchr (v, '.');
  gsize a, b;

  if (dot == NULL)
    return FALSE;
  a = (gsize) (dot - v);
  b = strlen (dot + 1);
  if (a == 0 || b == 0 || a > 5 || b > 5 ||
      strspn (v, "0123456789") != a || strspn (dot + 1, "0123456789") != b ||
      (a > 1 && v[0] == '0') || (b > 1 && dot[1] == '0'))
    return FALSE;
  *major = atoi (v);
  *minor = atoi (dot + 1);
  return TRUE;
}
