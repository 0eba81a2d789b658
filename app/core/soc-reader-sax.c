/* soc-reader-sax.c: SAX2 events straight into a new document
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stack of frames follows the elements: the root, a section, an object,
 * a text or reference child, kept foreign content, or an element already
 * refused. Each start tag is checked where it stands (its namespace, its
 * place among its siblings, its attributes) and each object's dates when
 * it ends; references wait for soc-reader-check.c, after the parse.
 *
 * Namespaces (FORMAT.md, Versions): inside a plan, an element in another
 * namespace is kept as it is; an element in no namespace is an error (it
 * is almost always one of ours that lost its namespace); an attribute in
 * our own namespace is an error too, in the version this program knows.
 * A newer minor version may add elements and attributes this program does
 * not know, which are kept; everything it does know is checked as usual.
 */

#define G_LOG_DOMAIN "soc-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#include "soc-date.h"
#include "soc-enum-types.h"
#include "soc-reader-private.h"

/* Every element name of our namespace this version knows. In a newer
 * minor version, only other names are kept as unknown. */
static const char *const known_elements[] = {
  "socplan", "plan", "goals", "roadmap", "stakeholders", "checklist",
  "goal", "lane", "phase", "item", "stakeholder", "relationship", "override",
  "title", "organisation", "author", "vision", "notes", "description", "talent",
  "name", "department", "engagement", "note", "serves", "depends-on",
};

static gboolean
is_known_element (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_elements); i++)
    if (strcmp (known_elements[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Ends the parse: what follows cannot be read sensibly. */
void
_soc_reader_stop (Reader *r)
{
  r->stopped = TRUE;
  if (r->ctxt != NULL)
    xmlStopParser (r->ctxt);
}

static Frame *
top (Reader *r)
{
  return &g_array_index (r->frames, Frame, r->frames->len - 1);
}

/* The offset of the '<' of the element whose start tag was just parsed. */
static gsize
current_tag_offset (Reader *r)
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
static gsize
attribute_offset (Reader     *r,
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
static char *
attribute_name (const xmlChar **a)
{
  if (a[1] != NULL)
    return g_strdup_printf ("%s:%s", (const char *) a[1], (const char *) a[0]);
  return g_strdup ((const char *) a[0]);
}

static gsize
offset_of_attribute (Reader         *r,
                     gsize           tag,
                     const xmlChar **a)
{
  return attribute_offset (r, tag, (const char *) a[1], (const char *) a[0]);
}

/* VALUE (LEN bytes of UTF-8) for a message: at most 40 characters. */
static char *
quote_value (const char *value,
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

static void
push_frame (Reader     *r,
            FrameKind   kind,
            const char *element,
            SocObject  *object,
            gsize       offset)
{
  Frame f = { 0 };

  f.kind = kind;
  f.element = element;
  f.object = object;
  f.offset = offset;
  f.rank = -1;
  g_array_append_val (r->frames, f);
}

/* Refuses the element just started (already reported) with all it holds.
 * Its id, if it has one, is noted: references to it are not reported as
 * dangling, since it is there, only in the wrong place. */
static void
ignore_element (Reader          *r,
                gsize            offset,
                int              nb_attributes,
                const xmlChar  **attributes)
{
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + i * 5;

      if (a[2] == NULL && strcmp ((const char *) a[0], "id") == 0)
        {
          g_autofree char *id = g_strndup ((const char *) a[3], a[4] - a[3]);

          if (r->ignored_ids == NULL)
            r->ignored_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_add (r->ignored_ids, g_steal_pointer (&id));
        }
    }
  push_frame (r, FRAME_IGNORE, NULL, NULL, offset);
}

static gboolean
is_our_namespace (const xmlChar *uri)
{
  return uri != NULL && strcmp ((const char *) uri, SOC_FORMAT_NAMESPACE) == 0;
}

static gboolean
is_blank (const char *s,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
      return FALSE;
  return TRUE;
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

/* ------------------------------------------------------------------------ */
/* Kept content                                                             */

/* Where content this version does not know goes, for the element of F. */
static SocExtras *
frame_extras (Frame *f)
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

static void
keep_attribute (Frame          *f,
                const xmlChar **a)
{
  g_autofree char *v = g_strndup ((const char *) a[3], a[4] - a[3]);

  soc_extras_add_attr (frame_extras (f),
                       soc_xml_attr_new ((const char *) a[2], (const char *) a[1], (const char *) a[0], v));
}

static SocXmlNode *
foreign_node_new (const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_attributes,
                  const xmlChar **attributes)
{
  SocXmlNode *node = soc_xml_node_new ((const char *) uri, (const char *) prefix, (const char *) localname);

  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + i * 5;
      g_autofree char *value = g_strndup ((const char *) a[3], a[4] - a[3]);

      if (node->attrs == NULL)
        node->attrs = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_xml_attr_free);
      g_ptr_array_add (node->attrs, soc_xml_attr_new ((const char *) a[2], (const char *) a[1],
                                                      (const char *) a[0], value));
    }
  return node;
}

static void
start_foreign (Reader         *r,
               Frame          *parent,
               gsize           offset,
               const xmlChar  *localname,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               int             nb_attributes,
               const xmlChar **attributes)
{
  SocXmlNode *node = foreign_node_new (localname, prefix, uri, nb_attributes, attributes);
  Frame *f;

  if (parent->kind == FRAME_FOREIGN)
    {
      if (parent->node->children == NULL)
        parent->node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_xml_node_free);
      g_ptr_array_add (parent->node->children, node);
    }
  else
    {
      SocExtras *extras = frame_extras (parent);

      g_assert (extras != NULL);
      node->position = parent->n_known;
      soc_extras_add_child (extras, node);
    }

  push_frame (r, FRAME_FOREIGN, NULL, NULL, offset);
  f = top (r);
  f->node = node;
}

/* An attribute of a known element, in a namespace: kept if foreign, or if
 * it is ours in a newer minor version; otherwise refused. TRUE if it was
 * dealt with. */
static gboolean
namespaced_attribute (Reader         *r,
                      Frame          *f,
                      const char     *element,
                      const xmlChar **a)
{
  if (a[2] == NULL)
    return FALSE;
  if (!is_our_namespace (a[2]) || r->newer_minor)
    keep_attribute (f, a);
  else
    {
      g_autofree char *name = attribute_name (a);

      problem (r, offset_of_attribute (r, f->offset, a),
               _("<%s> has the attribute “%s” in the plan's own namespace: attributes of a plan are written without a prefix"),
               element, name);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Values and objects                                                       */

/* Parses VALUE (LEN bytes) into FIELD of OBJECT, or reports why not. */
static void
read_attribute (Reader         *r,
                SocObject      *object,
                const SocField *field,
                const char     *value,
                gsize           len,
                gsize           offset)
{
  gpointer p = SOC_FIELD_PTR (object, field);
  const char *element = SOC_OBJECT_GET_CLASS (object)->element;
  g_autofree char *shown = NULL;

  switch (field->kind)
    {
    case SOC_FIELD_STRING:
      if ((field->flags & SOC_FIELD_UID) && !soc_uid_is_valid (value, len))
        {
          shown = quote_value (value, len);
          problem (r, offset, _("“%s” is not a valid %s of <%s>: use 1 to 64 letters, digits and hyphens"),
                   shown, field->name, element);
          return;
        }
      if (len > 0)
        *(char **) p = g_strndup (value, len);
      return;

    case SOC_FIELD_COLOUR:
      if (!soc_rules_colour_is_valid (value, len))
        {
          shown = quote_value (value, len);
          problem (r, offset, _("“%s” is not a colour: write it as #rrggbb"), shown);
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

            shown = quote_value (value, len);
            problem (r, offset, _("“%s” is not a valid %s of <%s>; use one of: %s"),
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

                shown = quote_value (value + start, i - start);
                problem (r, offset, _("“%s” is not a valid token in %s of <%s>; use any of: %s"),
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
          shown = quote_value (value, len);
          problem (r, offset, _("%s of <%s> must be a whole number from %d to %d, written with digits only, not “%s”"),
                   field->name, element, field->min, field->max, shown);
        }
      return;

    case SOC_FIELD_DOUBLE:
      switch (soc_rules_parse_number (value, len, p))
        {
        case SOC_VALUE_OK:
          return;
        case SOC_VALUE_OUT_OF_RANGE:
          shown = quote_value (value, len);
          problem (r, offset, _("%s of <%s> is too large a number: “%s”"), field->name, element, shown);
          return;
        default:
          shown = quote_value (value, len);
          problem (r, offset, _("%s of <%s> must be a number written like 12, -0.5 or 1.5e3, not “%s”"),
                   field->name, element, shown);
          return;
        }

    case SOC_FIELD_DATE:
      shown = quote_value (value, len);
      switch (soc_rules_parse_date (value, len, p))
        {
        case SOC_VALUE_OK:
          return;
        case SOC_VALUE_OUT_OF_RANGE:
          problem (r, offset, _("%s of <%s> must be a date between %d and %d, not “%s”"),
                   field->name, element, SOC_DATE_MIN_YEAR, SOC_DATE_MAX_YEAR, shown);
          return;
        case SOC_VALUE_NO_SUCH_DAY:
          {
            int y = atoi (shown), m = atoi (shown + 5);

            if (m < 1 || m > 12)
              problem (r, offset, _("%s of <%s> is “%s”, but there is no month %d"),
                       field->name, element, shown, m);
            else
              problem (r, offset, _("%s of <%s> is “%s”, a day that does not exist: that month has %d days"),
                       field->name, element, shown, soc_date_days_in_month (y, m));
            return;
          }
        default:
          problem (r, offset, _("%s of <%s> must be a date written YYYY-MM-DD, not “%s”"),
                   field->name, element, shown);
          return;
        }

    case SOC_FIELD_REF:
    case SOC_FIELD_REFLIST:
      {
        PendingRef ref;

        if (!soc_id_is_valid (value, len))
          {
            shown = quote_value (value, len);
            problem (r, offset, _("“%s” is not a valid id in %s"), shown, field->name);
            return;
          }
        ref.object = object;
        ref.field = field;
        ref.id = g_string_chunk_insert_len (r->strings, value, (gssize) len);
        ref.offset = offset;
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
         gsize        offset)
{
  g_autofree char *id = g_strndup (value, len);

  /* Given, even if bad: "needs an id" would hide the real problem. */
  f->seen |= 1u << 31;
  if (!soc_id_is_valid (value, len))
    {
      g_autofree char *shown = quote_value (value, len);

      problem (r, offset, _("“%s” is not a valid id: use a letter or _ followed by letters, digits, _ . or -, at most 64 in all"), shown);
      return;
    }
  if (g_hash_table_lookup (r->doc->ids, id) != NULL)
    {
      problem (r, offset, _("the id “%s” is used twice"), id);
      return;
    }
  soc_object_set_id (f->object, id);
  g_hash_table_insert (r->doc->ids, (gpointer) soc_object_get_id (f->object), f->object);
}

static void
read_object_attributes (Reader         *r,
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

      if (namespaced_attribute (r, f, klass->element, a))
        continue;

      if (strcmp (name, "id") == 0 && klass->id_prefix != NULL)
        {
          read_id (r, f, value, len, attribute_offset (r, f->offset, NULL, name));
          continue;
        }

      field = soc_object_class_find_field (klass, name, strlen (name));
      if (field == NULL || field->kind == SOC_FIELD_TEXT || field->kind == SOC_FIELD_REFLIST)
        {
          if (r->newer_minor)
            keep_attribute (f, a);
          else
            problem (r, attribute_offset (r, f->offset, NULL, name),
                     _("<%s> has no attribute “%s”"), klass->element, name);
          continue;
        }

      f->seen |= 1u << (field - klass->fields);
      read_attribute (r, f->object, field, value, len, attribute_offset (r, f->offset, NULL, name));
    }

  if (klass->id_prefix != NULL && !(f->seen & (1u << 31)))
    problem (r, f->offset, _("<%s> needs an id"), klass->element);

  for (guint i = 0; i < klass->n_fields; i++)
    if ((klass->fields[i].flags & SOC_FIELD_REQUIRED) && !(f->seen & (1u << i)))
      problem (r, f->offset, _("<%s> needs the attribute “%s”"), klass->element, klass->fields[i].name);
}

static gboolean
count_object (Reader     *r,
              guint       kind,
              gsize       offset,
              const char *element)
{
  if (++r->counts[kind] > SOC_MAX_OBJECTS)
    {
      unsafe (r, offset, _("the plan has more than %d <%s> elements"), SOC_MAX_OBJECTS, element);
      _soc_reader_stop (r);
      return FALSE;
    }
  return TRUE;
}

/* Made by the reader: the object already belongs to the plan being read,
 * and only commands may change it from now on. */
static void
start_object (Reader         *r,
              SocObject      *object,
              gsize           offset,
              int             nb_attributes,
              const xmlChar **attributes)
{
  guint n_problems = r->n_problems;
  Frame *f;

  _soc_object_adopt (object);
  push_frame (r, FRAME_OBJECT, SOC_OBJECT_GET_CLASS (object)->element, object, offset);
  f = top (r);
  read_object_attributes (r, f, nb_attributes, attributes);
  f->bad = r->n_problems > n_problems;
}

/* Checks that a known child comes in its place; FALSE if it is out of order. */
static gboolean
check_order (Reader     *r,
             Frame      *f,
             const char *name,
             int         rank,
             gboolean    repeatable,
             gsize       offset)
{
  if (rank < f->rank || (rank == f->rank && !repeatable))
    {
      if (rank == f->rank)
        problem (r, offset, _("<%s> appears twice in <%s>"), name, f->element);
      else
        problem (r, offset, _("<%s> is out of order in <%s>; see FORMAT.md for the order"), name, f->element);
      return FALSE;
    }
  f->rank = rank;
  f->n_known++;
  return TRUE;
}

/* The rules across fields, once the object is read: its dates as a pair,
 * one override per factor. */
static void
end_object (Reader *r,
            Frame  *f)
{
  SocObject *o = f->object;
  g_autoptr(GError) error = NULL;

  if (SOC_IS_ITEM (o) || SOC_IS_PHASE (o) || SOC_IS_PLAN (o))
    {
      const char *end_name = SOC_IS_PLAN (o) ? "horizon-end" : "end";
      guint start, end;
      int kind = SOC_IS_ITEM (o) ? SOC_ITEM (o)->kind : 0;

      if (SOC_IS_ITEM (o))
        start = SOC_ITEM (o)->start, end = SOC_ITEM (o)->end;
      else if (SOC_IS_PHASE (o))
        start = SOC_PHASE (o)->start, end = SOC_PHASE (o)->end;
      else
        start = SOC_PLAN (o)->horizon_start, end = SOC_PLAN (o)->horizon_end;

      if (!soc_rules_check_dates (o, kind, start, end, &error))
        {
          /* At the end date when it is to blame (before the start, or on a
           * milestone), else at the element: a date is missing. */
          gboolean blame_end = end != SOC_DATE_NONE &&
                               (start != SOC_DATE_NONE || kind == SOC_ITEM_KIND_MILESTONE);
          gsize offset = blame_end ? attribute_offset (r, f->offset, NULL, end_name) : f->offset;

          problem (r, offset, "%s", error->message);
        }
    }
  else if (SOC_IS_OVERRIDE (o))
    {
      SocOverride *ov = SOC_OVERRIDE (o);
      guint bit = 1u << ov->factor;

      if (r->seen_factors & bit)
        problem (r, f->offset, _("the factor “%s” has two overrides"),
                 soc_enum_to_nick (SOC_TYPE_FACTOR, ov->factor));
      r->seen_factors |= bit;
    }
}

/* ------------------------------------------------------------------------ */
/* Decoding                                                                 */

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
static const xmlChar *
decode_uri (const xmlChar  *uri,
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
static const xmlChar **
decode_attributes (int              nb_attributes,
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

      ns = decode_uri (a[2], strings);
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

/* ------------------------------------------------------------------------ */
/* Elements                                                                 */

/* MAJOR.MINOR: whole numbers of at most five digits, without leading zeros. */
static gboolean
parse_version (const char *v,
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

static void
start_root (Reader         *r,
            const char     *name,
            const xmlChar  *uri,
            gsize           offset,
            int             nb_attributes,
            const xmlChar **attributes)
{
  int major = -1, minor = -1;
  Frame *f;

  r->seen_root = TRUE;
  if (strcmp (name, "socplan") != 0)
    {
      problem (r, offset, _("the root element is <%s>, not <socplan>: this is not a Socplan plan"), name);
      _soc_reader_stop (r);
      return;
    }
  if (!is_our_namespace (uri))
    {
      if (uri == NULL)
        problem (r, offset, _("<socplan> has no namespace; it must be in “%s”"), SOC_FORMAT_NAMESPACE);
      else
        problem (r, offset, _("<socplan> is in the namespace “%s”, not in “%s”"), (const char *) uri, SOC_FORMAT_NAMESPACE);
      _soc_reader_stop (r);
      return;
    }

  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + i * 5;
      g_autofree char *v = NULL;
      gsize voff;

      if (a[2] != NULL || strcmp ((const char *) a[0], "version") != 0)
        continue;
      v = g_strndup ((const char *) a[3], a[4] - a[3]);
      voff = attribute_offset (r, offset, NULL, "version");
      if (!parse_version (v, &major, &minor))
        {
          g_autofree char *shown = quote_value (v, strlen (v));

          problem (r, voff, _("the version “%s” is not of the form MAJOR.MINOR"), shown);
          _soc_reader_stop (r);
          return;
        }
      if (major > SOC_FORMAT_MAJOR)
        {
          _soc_reader_problem (r, SOC_FORMAT_ERROR_VERSION, voff,
                               _("this plan was written in format %s by a newer Socplan; this version reads format %d.x only"),
                               v, SOC_FORMAT_MAJOR);
          _soc_reader_stop (r);
          return;
        }
      if (major < SOC_FORMAT_MAJOR)
        {
          problem (r, voff, _("format %s is older than any Socplan release; this version reads format %d.x"),
                   v, SOC_FORMAT_MAJOR);
          _soc_reader_stop (r);
          return;
        }
    }
  if (major < 0)
    {
      problem (r, offset, _("<socplan> needs a version attribute, such as version=\"1.0\""));
      _soc_reader_stop (r);
      return;
    }

  r->newer_minor = minor > SOC_FORMAT_MINOR;
  r->doc->format_minor = MAX ((guint) minor, SOC_FORMAT_MINOR);

  push_frame (r, FRAME_ROOT, "socplan", NULL, offset);
  f = top (r);
  f->extras = &r->doc->extras[SOC_CONTAINER_ROOT];
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + i * 5;

      if (namespaced_attribute (r, f, "socplan", a) || strcmp ((const char *) a[0], "version") == 0)
        continue;
      if (r->newer_minor)
        keep_attribute (f, a);
      else
        problem (r, attribute_offset (r, offset, NULL, (const char *) a[0]),
                 _("<socplan> has no attribute “%s”"), (const char *) a[0]);
    }
}

/* A section of the root: <plan>, <goals>, <roadmap>, <stakeholders>,
 * <checklist>. FALSE if NAME is none of them. */
static gboolean
start_section (Reader         *r,
               Frame          *parent,
               const char     *name,
               gsize           offset,
               int             nb_attributes,
               const xmlChar **attributes)
{
  static const char *const names[] = { "plan", "goals", "roadmap", "stakeholders", "checklist" };
  static const FrameKind kinds[] = { FRAME_OBJECT, FRAME_GOALS, FRAME_ROADMAP, FRAME_STAKEHOLDERS, FRAME_CHECKLIST };
  static const SocContainer containers[] = { 0, SOC_CONTAINER_GOALS, SOC_CONTAINER_ROADMAP,
                                             SOC_CONTAINER_STAKEHOLDERS, SOC_CONTAINER_CHECKLIST };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      Frame *f;

      if (strcmp (name, names[i]) != 0)
        continue;
      if (!check_order (r, parent, name, (int) i, FALSE, offset))
        {
          ignore_element (r, offset, nb_attributes, attributes);
          return TRUE;
        }
      if (kinds[i] == FRAME_OBJECT)
        {
          start_object (r, SOC_OBJECT (r->doc->plan), offset, nb_attributes, attributes);
          return TRUE;
        }
      push_frame (r, kinds[i], names[i], NULL, offset);
      f = top (r);
      f->extras = &r->doc->extras[containers[i]];
      for (int k = 0; k < nb_attributes; k++)
        {
          const xmlChar **a = attributes + k * 5;

          if (namespaced_attribute (r, f, name, a))
            continue;
          if (r->newer_minor)
            keep_attribute (f, a);
          else
            problem (r, attribute_offset (r, offset, NULL, (const char *) a[0]),
                     _("<%s> has no attribute “%s”"), name, (const char *) a[0]);
        }
      return TRUE;
    }
  return FALSE;
}

/* An object of a section: NAMES[i] makes an object of TYPES[i], counted
 * as COUNTS[i], appended to LISTS[i] (NULL: the goals, linked later), in
 * that order among its siblings. FALSE if NAME is none of them. */
static gboolean
start_section_object (Reader             *r,
                      Frame              *parent,
                      const char         *name,
                      gsize               offset,
                      int                 nb_attributes,
                      const xmlChar     **attributes,
                      guint               n,
                      const char *const  *names,
                      const GType        *types,
                      const guint        *counts,
                      SocObjectList     **lists)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SocObject) object = NULL;

      if (strcmp (name, names[i]) != 0)
        continue;
      if (!check_order (r, parent, name, (int) i, TRUE, offset))
        {
          ignore_element (r, offset, nb_attributes, attributes);
          return TRUE;
        }
      if (!count_object (r, counts[i], offset, name))
        return TRUE;
      object = g_object_new (types[i], NULL);
      if (lists[i] != NULL)
        soc_object_list_append (lists[i], object);
      else
        g_ptr_array_add (r->goals, g_object_ref (object));
      start_object (r, object, offset, nb_attributes, attributes);
      return TRUE;
    }
  return FALSE;
}

/* A child of an object: a text element or a reference. FALSE if NAME is
 * neither for this object. */
static gboolean
start_object_child (Reader         *r,
                    Frame          *parent,
                    const char     *name,
                    gsize           offset,
                    int             nb_attributes,
                    const xmlChar **attributes)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (parent->object);
  const SocField *field = soc_object_class_find_field (klass, name, strlen (name));
  gboolean reflist;
  int rank;
  Frame *f;

  if (field == NULL || (field->kind != SOC_FIELD_TEXT && field->kind != SOC_FIELD_REFLIST))
    return FALSE;

  rank = (int) (field - klass->fields);
  reflist = field->kind == SOC_FIELD_REFLIST;
  if (!check_order (r, parent, name, rank, reflist, offset))
    {
      ignore_element (r, offset, nb_attributes, attributes);
      return TRUE;
    }
  parent->seen |= 1u << rank;

  if (reflist && ++parent->n_refs > SOC_MAX_REFERENCES)
    {
      unsafe (r, offset, _("an item has more than %d goals and dependencies"), SOC_MAX_REFERENCES);
      _soc_reader_stop (r);
      return TRUE;
    }

  push_frame (r, reflist ? FRAME_REF : FRAME_TEXT, field->name, parent->object, offset);
  f = top (r);
  f->field = field;

  if (reflist)
    {
      gboolean found = FALSE;

      for (int k = 0; k < nb_attributes; k++)
        {
          const xmlChar **a = attributes + k * 5;

          if (a[2] == NULL && strcmp ((const char *) a[0], field->ref_attr) == 0)
            {
              found = TRUE;
              read_attribute (r, parent->object, field, (const char *) a[3], a[4] - a[3],
                              attribute_offset (r, offset, NULL, field->ref_attr));
            }
          else
            {
              g_autofree char *attr = attribute_name (a);

              problem (r, offset_of_attribute (r, offset, a), _("<%s> has no attribute “%s”"), name, attr);
            }
        }
      if (!found)
        problem (r, offset, _("<%s> needs the attribute “%s”"), name, field->ref_attr);
    }
  else if (nb_attributes > 0)
    {
      g_autofree char *attr = attribute_name (attributes);

      problem (r, offset_of_attribute (r, offset, attributes), _("<%s> has no attribute “%s”"), name, attr);
    }
  return TRUE;
}

static gboolean
start_known (Reader         *r,
             Frame          *parent,
             const char     *name,
             gsize           offset,
             int             nb_attributes,
             const xmlChar **attributes)
{
  SocDocument *doc = r->doc;

  switch (parent->kind)
    {
    case FRAME_ROOT:
      return start_section (r, parent, name, offset, nb_attributes, attributes);

    case FRAME_GOALS:
      {
        static const char *const names[] = { "goal" };
        const GType types[] = { SOC_TYPE_GOAL };
        static const guint counts[] = { COUNT_GOAL };
        SocObjectList *lists[] = { NULL };

        return start_section_object (r, parent, name, offset, nb_attributes, attributes,
                                     1, names, types, counts, lists);
      }

    case FRAME_ROADMAP:
      {
        static const char *const names[] = { "lane", "phase", "item" };
        const GType types[] = { SOC_TYPE_LANE, SOC_TYPE_PHASE, SOC_TYPE_ITEM };
        static const guint counts[] = { COUNT_LANE, COUNT_PHASE, COUNT_ITEM };
        SocObjectList *lists[] = { doc->lanes, doc->phases, doc->items };

        return start_section_object (r, parent, name, offset, nb_attributes, attributes,
                                     3, names, types, counts, lists);
      }

    case FRAME_STAKEHOLDERS:
      {
        static const char *const names[] = { "stakeholder", "relationship" };
        const GType types[] = { SOC_TYPE_STAKEHOLDER, SOC_TYPE_RELATIONSHIP };
        static const guint counts[] = { COUNT_STAKEHOLDER, COUNT_RELATIONSHIP };
        SocObjectList *lists[] = { doc->stakeholders, doc->relationships };

        return start_section_object (r, parent, name, offset, nb_attributes, attributes,
                                     2, names, types, counts, lists);
      }

    case FRAME_CHECKLIST:
      {
        static const char *const names[] = { "override" };
        const GType types[] = { SOC_TYPE_OVERRIDE };
        static const guint counts[] = { COUNT_OVERRIDE };
        SocObjectList *lists[] = { doc->overrides };

        /* Overrides are one rank: any order among them. */
        return start_section_object (r, parent, name, offset, nb_attributes, attributes,
                                     1, names, types, counts, lists);
      }

    case FRAME_OBJECT:
      return start_object_child (r, parent, name, offset, nb_attributes, attributes);

    case FRAME_TEXT:
    case FRAME_REF:
    case FRAME_FOREIGN:
    case FRAME_IGNORE:
    default:
      g_assert_not_reached ();
    }
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *xlocalname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;
  const char *name = (const char *) xlocalname;
  gsize offset;
  g_autoptr(GPtrArray) decoded_strings = NULL;
  g_autofree const xmlChar **decoded = NULL;
  Frame *parent;

  if (r->stopped)
    return;
  offset = current_tag_offset (r);

  if (r->frames->len >= SOC_MAX_DEPTH)
    {
      unsafe (r, offset, _("the elements nest more than %d levels deep"), SOC_MAX_DEPTH);
      _soc_reader_stop (r);
      return;
    }

  /* Limits count what the value holds, not how it was written. */
  uri = decode_uri (uri, &decoded_strings);
  decoded = decode_attributes (nb_attributes, attributes, &decoded_strings);
  if (decoded != NULL)
    attributes = decoded;
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + i * 5;

      if (a[4] - a[3] > SOC_MAX_VALUE_LENGTH)
        {
          g_autofree char *attr = attribute_name (a);

          unsafe (r, offset_of_attribute (r, offset, a),
                  _("the value of “%s” is longer than %d bytes"), attr, SOC_MAX_VALUE_LENGTH);
          _soc_reader_stop (r);
          return;
        }
    }

  if (r->frames->len > 0 && top (r)->kind == FRAME_FOREIGN &&
      !is_blank (r->text->str, r->text->len))
    {
      /* Text before a child of a kept element. */
      SocXmlNode *t = soc_xml_node_new (NULL, NULL, NULL);
      SocXmlNode *n = top (r)->node;

      t->text = g_strndup (r->text->str, r->text->len);
      if (n->children == NULL)
        n->children = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_xml_node_free);
      g_ptr_array_add (n->children, t);
    }
  g_string_truncate (r->text, 0);

  if (r->frames->len == 0)
    {
      start_root (r, name, uri, offset, nb_attributes, attributes);
      return;
    }

  parent = top (r);

  if (parent->kind == FRAME_IGNORE)
    {
      ignore_element (r, offset, nb_attributes, attributes);
      return;
    }
  if (parent->kind == FRAME_FOREIGN)
    {
      start_foreign (r, parent, offset, xlocalname, prefix, uri, nb_attributes, attributes);
      return;
    }
  if (parent->kind == FRAME_TEXT || parent->kind == FRAME_REF)
    {
      problem (r, offset, _("<%s> cannot hold elements"), parent->element);
      ignore_element (r, offset, nb_attributes, attributes);
      return;
    }
  if (uri == NULL)
    {
      problem (r, offset, _("<%s> is in no namespace: inside a plan, elements are in the plan's namespace or in another one, never in none (is there an xmlns=\"\"?)"),
               name);
      ignore_element (r, offset, nb_attributes, attributes);
      return;
    }
  if (!is_our_namespace (uri))
    {
      start_foreign (r, parent, offset, xlocalname, prefix, uri, nb_attributes, attributes);
      return;
    }

  if (start_known (r, parent, name, offset, nb_attributes, attributes))
    return;

  /* An element of our namespace, not in its place: kept in a newer minor
   * version if this version does not know its name at all. */
  if (r->newer_minor && !is_known_element (name))
    {
      start_foreign (r, parent, offset, xlocalname, prefix, uri, nb_attributes, attributes);
      return;
    }

  problem (r, offset, _("<%s> is not allowed in <%s>"), name, parent->element);
  ignore_element (r, offset, nb_attributes, attributes);
}

static void
on_end_element (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;
  Frame *f;

  if (r->stopped || r->frames->len == 0)
    return;

  f = top (r);
  switch (f->kind)
    {
    case FRAME_TEXT:
      if (r->text->len > 0)
        *(char **) SOC_FIELD_PTR (f->object, f->field) = g_strndup (r->text->str, r->text->len);
      break;
    case FRAME_OBJECT:
      /* After a refused value the checks across fields would only
       * report it again, in a misleading way, ahead of it. */
      if (!f->bad)
        end_object (r, f);
      break;
    case FRAME_FOREIGN:
      if (r->text->len > 0 && !(f->node->children != NULL && is_blank (r->text->str, r->text->len)))
        {
          SocXmlNode *t = soc_xml_node_new (NULL, NULL, NULL);

          t->text = g_strndup (r->text->str, r->text->len);
          if (f->node->children == NULL)
            f->node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_xml_node_free);
          g_ptr_array_add (f->node->children, t);
        }
      break;
    default:
      break;
    }
  g_string_truncate (r->text, 0);
  g_array_set_size (r->frames, r->frames->len - 1);
}

static void
on_characters (void          *ctx,
               const xmlChar *ch,
               int            len)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;
  Frame *f;

  if (r->stopped || r->frames->len == 0)
    return;

  f = top (r);
  if (f->kind == FRAME_TEXT || f->kind == FRAME_FOREIGN)
    {
      if (r->text->len + (gsize) len > SOC_MAX_VALUE_LENGTH)
        {
          unsafe (r, f->offset, _("a text is longer than %d bytes"), SOC_MAX_VALUE_LENGTH);
          _soc_reader_stop (r);
          return;
        }
      g_string_append_len (r->text, (const char *) ch, len);
      return;
    }
  if (f->kind != FRAME_IGNORE && !is_blank ((const char *) ch, (gsize) len))
    {
      problem (r, f->offset, _("<%s> cannot hold text"), f->element ? f->element : "?");
      /* Report once: the rest of this element is not read. */
      f->kind = FRAME_IGNORE;
    }
}

/* ------------------------------------------------------------------------ */
/* libxml2's own errors, and what a plan may not hold                       */

/* The element the parser is inside, for a message. */
static const char *
open_element (Reader *r)
{
  for (guint i = r->frames->len; i > 0; i--)
    {
      Frame *f = &g_array_index (r->frames, Frame, i - 1);

      if (f->element != NULL)
        return f->element;
      if (f->kind == FRAME_FOREIGN && f->node->name != NULL)
        return f->node->name;
    }
  return NULL;
}

/* Has the parser read all there is, with nothing but white space left? */
static gboolean
at_end_of_data (Reader *r)
{
  xmlParserInputPtr in = r->ctxt->input;
  gsize pos;

  if (!r->last_chunk || in == NULL)
    return FALSE;
  pos = (gsize) in->consumed + (gsize) (in->cur - in->base);
  return pos >= r->len || is_blank (r->data + pos, r->len - pos);
}

static void
on_structured_error (void        *user_data,
                     xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  Reader *r = ctxt->_private;
  g_autofree char *message = NULL;
  int code = SOC_FORMAT_ERROR_SYNTAX;

  if (error->level == XML_ERR_WARNING || r->stopped)
    return;

  switch (error->code)
    {
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
      message = g_strdup (_("the file is not valid UTF-8 text, or holds a character XML does not allow"));
      break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      message = g_strdup (_("an entity reference is not allowed here: only &amp; &lt; &gt; &quot; &apos; and character references are"));
      break;
    case XML_ERR_DOCUMENT_EMPTY:
    case XML_ERR_DOCUMENT_END:
      if (!r->seen_root)
        message = g_strdup (_("the file holds no <socplan> element"));
      break;
    case XML_ERR_TAG_NAME_MISMATCH:
      /* libxml2 names the line of the start tag, counting line feeds only. */
      if (error->str1 != NULL && error->str2 != NULL)
        message = g_strdup_printf (_("the end tag </%s> does not match the start tag <%s>"),
                                   error->str2, error->str1);
      break;
    case XML_ERR_INTERNAL_ERROR:
    case XML_ERR_NO_MEMORY:
      if (error->message && strstr (error->message, "depth"))
        message = g_strdup (_("the elements nest too deeply"));
      break;
    default:
      break;
    }

  if (message == NULL && error->message != NULL && strstr (error->message, "too long") != NULL)
    {
      message = g_strdup_printf (_("a value is longer than %d bytes"), SOC_MAX_VALUE_LENGTH);
      code = SOC_FORMAT_ERROR_UNSAFE;
    }

  /* Whatever libxml2 makes of it, a file that stops in the middle was cut
   * short: say so, not what the parser expected next. */
  if (message == NULL && r->seen_root && at_end_of_data (r))
    {
      const char *element = open_element (r);

      if (element != NULL)
        message = g_strdup_printf (_("the file ends too early, inside <%s>: it may have been cut short"), element);
      else
        message = g_strdup (_("the file ends too early: it may have been cut short"));
    }

  if (message == NULL)
    {
      message = g_strdup (error->message ? error->message : _("the file is not well-formed XML"));
      g_strchomp (message);
    }

  _soc_reader_add_problem (r, code, NO_OFFSET, MAX (error->line, 1), MAX (error->int2, 1),
                           g_steal_pointer (&message));
  _soc_reader_stop (r);
}

static void
refuse_dtd (void          *ctx,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  unsafe (r, current_tag_offset (r), _("a DOCTYPE is not allowed in a plan: Socplan files have no DTD and no entities"));
  _soc_reader_stop (r);
}

static void
refuse_entity_decl (void          *ctx,
                    const xmlChar *name,
                    int            type,
                    const xmlChar *public_id,
                    const xmlChar *system_id,
                    xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  unsafe (r, 0, _("entity declarations are not allowed in a plan"));
  _soc_reader_stop (r);
}

static xmlEntityPtr
no_entity (void          *ctx,
           const xmlChar *name)
{
  return NULL;
}

static xmlParserInputPtr
no_resolve (void          *ctx,
            const xmlChar *public_id,
            const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  unsafe (r, 0, _("external resources are not allowed in a plan"));
  _soc_reader_stop (r);
  return NULL;
}

static void
ignore_reference (void          *ctx,
                  const xmlChar *name)
{
}

static void
ignore_document (void *ctx)
{
}

/* No DTD, no entity, nothing from outside; errors of this parse only. */
void
_soc_reader_make_safe (xmlSAXHandlerPtr sax)
{
  sax->internalSubset = refuse_dtd;
  sax->externalSubset = refuse_dtd;
  sax->entityDecl = refuse_entity_decl;
  sax->getEntity = no_entity;
  sax->getParameterEntity = no_entity;
  sax->resolveEntity = no_resolve;
  sax->serror = on_structured_error;
  sax->error = NULL;
  sax->warning = NULL;
  sax->fatalError = NULL;
}

/* The handlers of a parse that builds our document (BUILD), or of one that
 * only checks that the data is well-formed. */
void
_soc_reader_set_handlers (xmlSAXHandlerPtr sax,
                          gboolean         build)
{
  sax->startDocument = ignore_document;
  sax->endDocument = ignore_document;
  sax->reference = ignore_reference;
  sax->comment = NULL;
  sax->processingInstruction = NULL;
  sax->startElement = NULL;
  sax->endElement = NULL;
  sax->startElementNs = build ? on_start_element : NULL;
  sax->endElementNs = build ? on_end_element : NULL;
  sax->characters = build ? on_characters : NULL;
  sax->cdataBlock = build ? on_characters : NULL;
  sax->ignorableWhitespace = build ? on_characters : NULL;
}
