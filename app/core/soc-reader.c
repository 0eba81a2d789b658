/* soc-reader.c: reading .socplan files that may be hostile
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read into memory after a size check, scanned once for what
 * libxml2 2.9.14 cannot be trusted with (DOCTYPEs, NUL bytes, other
 * encodings, compressed data, elements with thousands of attributes), then
 * parsed with SAX2 straight into a new SocDocument. No DOM is built, no DTD,
 * entity, network or file is ever loaded. After the parse, references are
 * resolved and the tree and dependencies are checked for cycles, without
 * recursion. Every problem carries the line and column of the element (or
 * attribute) concerned; a failed read returns no document and changes
 * nothing.
 */

#define G_LOG_DOMAIN "soc-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "soc-date.h"
#include "soc-document-private.h"
#include "soc-core-resources.h"
#include "soc-enum-types.h"
#include "soc-reader.h"

#define MAX_DIAGNOSTICS 100
#define NO_OFFSET G_MAXSIZE

/* ------------------------------------------------------------------------ */
/* Diagnostics                                                              */

typedef struct
{
  gsize offset;         /* into the data, or NO_OFFSET when line and column are known */
  int   line;
  int   column;
  int   code;           /* SocFormatError */
  char *message;
} Problem;

void
soc_diagnostic_free (SocDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;
  g_free (diagnostic->message);
  g_free (diagnostic);
}

/* "FILE:LINE:COLUMN: error: MESSAGE", as compilers say it. */
char *
soc_diagnostic_format (const SocDiagnostic *diagnostic,
                       const char          *file_name)
{
  return g_strdup_printf ("%s:%d:%d: error: %s", file_name,
                          diagnostic->line, diagnostic->column, diagnostic->message);
}

/* ------------------------------------------------------------------------ */
/* Reader state                                                             */

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
  guint32         seen;      /* FRAME_OBJECT: which fields were given */
  gboolean        bad;       /* FRAME_OBJECT: an attribute was refused */
} Frame;

typedef struct
{
  SocObject      *object;
  const SocField *field;
  const char     *id;        /* in the reader's string chunk */
  gsize           offset;
} PendingRef;

typedef struct
{
  xmlParserCtxtPtr ctxt;
  const char      *data;
  gsize            len;

  SocDocument     *doc;
  GArray          *frames;
  GString         *text;
  GPtrArray       *problems;   /* Problem */
  guint            n_problems;
  gboolean         stopped;    /* a problem that ends the parse */
  gboolean         newer_minor;
  gboolean         seen_root;
  guint            seen_factors;

  GStringChunk    *strings;
  GArray          *refs;       /* PendingRef */
  GPtrArray       *goals;      /* SocGoal in document order, owned */
  guint            counts[8];
} Reader;

enum { COUNT_GOAL, COUNT_LANE, COUNT_PHASE, COUNT_ITEM, COUNT_STAKEHOLDER, COUNT_RELATIONSHIP, COUNT_OVERRIDE };

static void
problem_free (Problem *p)
{
  g_free (p->message);
  g_free (p);
}

static void
add_problem_at (Reader     *r,
                int         code,
                gsize       offset,
                int         line,
                int         column,
                char       *message)
{
  r->n_problems++;
  if (r->problems->len >= MAX_DIAGNOSTICS)
    {
      g_free (message);
      return;
    }
  {
    Problem *p = g_new0 (Problem, 1);
    p->offset = offset;
    p->line = line;
    p->column = column;
    p->code = code;
    p->message = message;
    g_ptr_array_add (r->problems, p);
  }
}

G_GNUC_PRINTF (4, 5)
static void
problem_code (Reader     *r,
              int         code,
              gsize       offset,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  add_problem_at (r, code, offset, 0, 0, g_strdup_vprintf (format, args));
  va_end (args);
}

/* A problem with the plan's content. */
#define problem(r, offset, ...) problem_code (r, SOC_FORMAT_ERROR_INVALID, offset, __VA_ARGS__)
/* Input refused for safety: markup declarations, limits. */
#define unsafe(r, offset, ...) problem_code (r, SOC_FORMAT_ERROR_UNSAFE, offset, __VA_ARGS__)
/* Not UTF-8 XML at all. */
#define syntax(r, offset, ...) problem_code (r, SOC_FORMAT_ERROR_SYNTAX, offset, __VA_ARGS__)

/* Ends the parse: what follows cannot be read sensibly. */
static void
stop (Reader *r)
{
  r->stopped = TRUE;
  if (r->ctxt != NULL)
    xmlStopParser (r->ctxt);
}

static gboolean
failed (Reader *r)
{
  return r->n_problems > 0;
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

/* The offset of attribute NAME within the tag at TAG, or TAG itself. */
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
          if (i + 1 + prefix_len + 1 + name_len < r->len &&
              memcmp (r->data + i + 1, prefix, prefix_len) == 0 &&
              r->data[i + 1 + prefix_len] == ':' &&
              memcmp (r->data + i + 2 + prefix_len, name, name_len) == 0)
            return i + 1;
        }
      else if (i + 1 + name_len < r->len &&
               memcmp (r->data + i + 1, name, name_len) == 0 &&
               (r->data[i + 1 + name_len] == '=' || g_ascii_isspace (r->data[i + 1 + name_len])))
        return i + 1;
    }
  return tag;
}

/* ------------------------------------------------------------------------ */
/* Before the parser: what libxml2 2.9.14 must never see                    */

static gboolean
prescan (Reader *r)
{
  const char *d = r->data;
  gsize len = r->len;
  gsize nul = strlen (d);
  gsize i = 0;
  const guchar *u = (const guchar *) d;

  if (len == 0)
    {
      syntax (r, 0, _("the file is empty"));
      return FALSE;
    }

  if (len >= 2 && u[0] == 0x1F && u[1] == 0x8B)
    goto compressed;
  if (len >= 6 && memcmp (d, "\xFD" "7zXZ\0", 6) == 0)
    goto compressed;
  if (len >= 3 && memcmp (d, "BZh", 3) == 0)
    goto compressed;
  if (len >= 4 && memcmp (d, "\x28\xB5\x2F\xFD", 4) == 0)
    goto compressed;
  if (len >= 4 && memcmp (d, "PK\x03\x04", 4) == 0)
    goto compressed;

  if ((len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE))) ||
      (len >= 2 && (u[0] == 0 || u[1] == 0)))
    {
      syntax (r, 0, _("the file is in UTF-16 or UTF-32; Socplan plans are UTF-8"));
      return FALSE;
    }

  /* libxml2 would switch to EBCDIC on its own: "<?xm" in code page 37. */
  if (len >= 4 && memcmp (d, "\x4C\x6F\xA7\x94", 4) == 0)
    {
      syntax (r, 0, _("the file is in EBCDIC; Socplan plans are UTF-8"));
      return FALSE;
    }

  if (nul < len)
    {
      syntax (r, nul, _("the file contains a NUL byte: it is binary data, not a plan"));
      return FALSE;
    }

  /* The XML declaration may name an encoding: only UTF-8 is read. */
  if (len >= 3 && memcmp (d, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  if (len - i >= 5 && memcmp (d + i, "<?xml", 5) == 0)
    {
      /* The declaration ends at the first '>': its values cannot hold one. */
      const char *gt = memchr (d + i, '>', len - i);
      const char *end = gt != NULL && gt[-1] == '?' ? gt - 1 : NULL;
      const char *enc = end ? g_strstr_len (d + i, end - (d + i), "encoding") : NULL;

      if (enc != NULL)
        {
          const char *q = enc + 8;

          while (q < end && (*q == ' ' || *q == '=' || *q == '\t' || *q == '\n' || *q == '\r'))
            q++;
          if (q < end && (*q == '"' || *q == '\''))
            {
              const char *v = q + 1;
              const char *ve = memchr (v, *q, end - v);

              if (ve != NULL &&
                  !((ve - v == 5 && g_ascii_strncasecmp (v, "UTF-8", 5) == 0) ||
                    (ve - v == 4 && g_ascii_strncasecmp (v, "UTF8", 4) == 0)))
                {
                  g_autofree char *name = g_strndup (v, MIN (ve - v, 40));
                  syntax (r, (gsize) (v - d),
                           _("the file declares the encoding “%s”; Socplan plans are UTF-8"), name);
                  return FALSE;
                }
            }
        }
    }

  /* One pass over the markup: DOCTYPEs, and elements with too many attributes. */
  while (i < len)
    {
      const char *lt = memchr (d + i, '<', len - i);
      gsize tag;
      guint attributes = 0;

      if (lt == NULL)
        break;
      tag = (gsize) (lt - d);
      i = tag + 1;

      if (len - i >= 3 && memcmp (d + i, "!--", 3) == 0)
        {
          const char *close = g_strstr_len (d + i + 3, len - i - 3, "-->");
          if (close == NULL)
            break;
          i = (gsize) (close - d) + 3;
          continue;
        }
      if (len - i >= 8 && memcmp (d + i, "![CDATA[", 8) == 0)
        {
          const char *close = g_strstr_len (d + i + 8, len - i - 8, "]]>");
          if (close == NULL)
            break;
          i = (gsize) (close - d) + 3;
          continue;
        }
      if (len - i >= 1 && d[i] == '?')
        {
          const char *close = g_strstr_len (d + i, len - i, "?>");
          if (close == NULL)
            break;
          i = (gsize) (close - d) + 2;
          continue;
        }
      if (len - i >= 1 && d[i] == '!')
        {
          if (len - i >= 8 && g_ascii_strncasecmp (d + i, "!DOCTYPE", 8) == 0)
            unsafe (r, tag, _("a DOCTYPE is not allowed in a plan: Socplan files have no DTD and no entities"));
          else
            unsafe (r, tag, _("markup declarations are not allowed in a plan"));
          return FALSE;
        }

      /* An element tag: count its quoted values. */
      while (i < len && d[i] != '>')
        {
          char c = d[i];

          if (c == '"' || c == '\'')
            {
              const char *close = memchr (d + i + 1, c, len - i - 1);

              if (++attributes > SOC_MAX_ATTRIBUTES)
                {
                  unsafe (r, tag, _("an element has more than %d attributes"), SOC_MAX_ATTRIBUTES);
                  return FALSE;
                }
              if (close == NULL)
                return TRUE;   /* the parser reports the unterminated value */
              i = (gsize) (close - d) + 1;
              continue;
            }
          if (c == '<')
            break;
          i++;
        }
    }

  return TRUE;

compressed:
  syntax (r, 0, _("the file is compressed; decompress it to get the .socplan file inside"));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* SAX handlers                                                             */

static void
on_structured_error (void        *user_data,
                     xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  Reader *r = ctxt->_private;
  g_autofree char *message = NULL;

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
    case XML_ERR_INTERNAL_ERROR:
    case XML_ERR_NO_MEMORY:
      if (error->message && strstr (error->message, "depth"))
        message = g_strdup (_("the elements nest too deeply"));
      break;
    default:
      break;
    }

  if (message == NULL)
    {
      message = g_strdup (error->message ? error->message : _("the file is not well-formed XML"));
      g_strchomp (message);
    }

  add_problem_at (r, SOC_FORMAT_ERROR_SYNTAX, NO_OFFSET, MAX (error->line, 1), MAX (error->int2, 1),
                  g_steal_pointer (&message));
  stop (r);
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
  stop (r);
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
  stop (r);
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
  stop (r);
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

/* Keeps content this version does not know: on OWNER's extras. */
static SocExtras *
frame_extras (Reader *r,
              Frame  *f)
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
      SocExtras *extras = frame_extras (r, parent);

      g_assert (extras != NULL);
      node->position = parent->n_known;
      soc_extras_add_child (extras, node);
    }

  push_frame (r, FRAME_FOREIGN, NULL, NULL, offset);
  f = top (r);
  f->node = node;
}

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

  switch (field->kind)
    {
    case SOC_FIELD_STRING:
      if ((field->flags & SOC_FIELD_UID) && !soc_uid_is_valid (value, len))
        {
          g_autofree char *v = g_strndup (value, MIN (len, 70));
          problem (r, offset, _("“%s” is not a valid %s of <%s>: use 1 to 64 letters, digits and hyphens"),
                   v, field->name, element);
          return;
        }
      if (len > 0)
        *(char **) p = g_strndup (value, len);
      break;

    case SOC_FIELD_COLOUR:
      {
        gboolean ok = len == 7 && value[0] == '#';

        for (gsize i = 1; ok && i < 7; i++)
          ok = g_ascii_isxdigit (value[i]);
        if (!ok)
          {
            g_autofree char *v = g_strndup (value, MIN (len, 40));
            problem (r, offset, _("“%s” is not a colour: write it as #rrggbb"), v);
            return;
          }
        *(char **) p = g_strndup (value, len);
      }
      break;

    case SOC_FIELD_ENUM:
      {
        int v;

        if (!soc_enum_from_nick (field->type (), value, len, &v))
          {
            g_autofree char *s = g_strndup (value, MIN (len, 40));
            g_autofree char *choices = enum_choices (field->type ());
            problem (r, offset, _("“%s” is not a valid %s of <%s>; use one of: %s"),
                     s, field->name, element, choices);
            return;
          }
        *(int *) p = v;
      }
      break;

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
                g_autofree char *s = g_strndup (value + start, MIN (i - start, 40));
                g_autofree char *choices = enum_choices (field->type ());
                problem (r, offset, _("“%s” is not a valid token in %s of <%s>; use any of: %s"),
                         s, field->name, element, choices);
                return;
              }
            flags |= (guint) bit;
          }
        *(guint *) p = flags;
      }
      break;

    case SOC_FIELD_INT:
      {
        char buf[24];
        char *end = NULL;
        gint64 v;

        if (len == 0 || len >= sizeof buf)
          goto bad_int;
        memcpy (buf, value, len);
        buf[len] = '\0';
        if (!g_ascii_isdigit (buf[0]) && !((buf[0] == '-' || buf[0] == '+') && g_ascii_isdigit (buf[1])))
          goto bad_int;
        v = g_ascii_strtoll (buf, &end, 10);
        if (*end != '\0')
          goto bad_int;
        if (v < field->min || v > field->max)
          {
            problem (r, offset, _("%s of <%s> must be between %d and %d, not %s"),
                     field->name, element, field->min, field->max, buf);
            return;
          }
        *(int *) p = (int) v;
        break;
      bad_int:
        {
          g_autofree char *s = g_strndup (value, MIN (len, 40));
          problem (r, offset, _("%s of <%s> must be a whole number, not “%s”"), field->name, element, s);
          return;
        }
      }

    case SOC_FIELD_DOUBLE:
      {
        char buf[64];
        char *end = NULL;
        double v;

        if (len == 0 || len >= sizeof buf)
          goto bad_double;
        memcpy (buf, value, len);
        buf[len] = '\0';
        if (!(g_ascii_isdigit (buf[0]) || buf[0] == '-' || buf[0] == '+' || buf[0] == '.'))
          goto bad_double;
        v = g_ascii_strtod (buf, &end);
        if (*end != '\0' || !isfinite (v))
          goto bad_double;
        *(double *) p = v;
        break;
      bad_double:
        {
          g_autofree char *s = g_strndup (value, MIN (len, 40));
          problem (r, offset, _("%s of <%s> must be a number such as 12 or 0.5, not “%s”"),
                   field->name, element, s);
          return;
        }
      }

    case SOC_FIELD_DATE:
      if (!soc_date_parse (value, len, (guint *) p))
        {
          g_autofree char *s = g_strndup (value, MIN (len, 40));
          problem (r, offset, _("%s of <%s> must be a date between %d and %d written YYYY-MM-DD, not “%s”"),
                   field->name, element, SOC_DATE_MIN_YEAR, SOC_DATE_MAX_YEAR, s);
        }
      break;

    case SOC_FIELD_REF:
    case SOC_FIELD_REFLIST:
      {
        PendingRef ref;

        if (!soc_id_is_valid (value, len))
          {
            g_autofree char *s = g_strndup (value, MIN (len, 70));
            problem (r, offset, _("“%s” is not a valid id in %s"), s, field->name);
            return;
          }
        ref.object = object;
        ref.field = field;
        ref.id = g_string_chunk_insert_len (r->strings, value, (gssize) len);
        ref.offset = offset;
        g_array_append_val (r->refs, ref);
      }
      break;

    case SOC_FIELD_TEXT:
    default:
      g_assert_not_reached ();
    }
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

      if (a[2] != NULL)
        {
          g_autofree char *v = g_strndup (value, len);
          soc_extras_add_attr (soc_object_ensure_extras (f->object),
                               soc_xml_attr_new ((const char *) a[2], (const char *) a[1], name, v));
          continue;
        }

      if (strcmp (name, "id") == 0 && klass->id_prefix != NULL)
        {
          g_autofree char *id = g_strndup (value, len);
          gsize offset = attribute_offset (r, f->offset, NULL, name);
          SocObject *other;

          /* Given, even if bad: "needs an id" would hide the real problem. */
          f->seen |= 1u << 31;
          if (!soc_id_is_valid (value, len))
            {
              problem (r, offset, _("“%.70s” is not a valid id: use a letter or _ followed by letters, digits, _ . or -, at most 64 in all"), id);
              continue;
            }
          other = g_hash_table_lookup (r->doc->ids, id);
          if (other != NULL)
            {
              problem (r, offset, _("the id “%s” is used twice"), id);
              continue;
            }
          soc_object_set_id (f->object, id);
          g_hash_table_insert (r->doc->ids, (gpointer) soc_object_get_id (f->object), f->object);
          continue;
        }

      field = soc_object_class_find_field (klass, name, strlen (name));
      if (field == NULL || field->kind == SOC_FIELD_TEXT || field->kind == SOC_FIELD_REFLIST)
        {
          if (r->newer_minor)
            {
              g_autofree char *v = g_strndup (value, len);
              soc_extras_add_attr (soc_object_ensure_extras (f->object),
                                   soc_xml_attr_new (NULL, NULL, name, v));
            }
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
      stop (r);
      return FALSE;
    }
  return TRUE;
}

static void
start_object (Reader         *r,
              SocObject      *object,
              gsize           offset,
              int             nb_attributes,
              const xmlChar **attributes)
{
  guint n_problems = r->n_problems;
  Frame *f;

  push_frame (r, FRAME_OBJECT, SOC_OBJECT_GET_CLASS (object)->element, object, offset);
  f = top (r);
  read_object_attributes (r, f, nb_attributes, attributes);
  f->bad = r->n_problems > n_problems;
}

typedef struct
{
  const char *name;
  int         rank;
} Child;

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
  gsize offset = current_tag_offset (r);
  g_autoptr(GPtrArray) decoded_strings = NULL;
  g_autofree const xmlChar **decoded = NULL;
  Frame *parent;

  if (r->stopped)
    return;

  if (r->frames->len >= SOC_MAX_DEPTH)
    {
      unsafe (r, offset, _("the elements nest more than %d levels deep"), SOC_MAX_DEPTH);
      stop (r);
      return;
    }

  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + i * 5;

      if (a[4] - a[3] > SOC_MAX_VALUE_LENGTH)
        {
          unsafe (r, attribute_offset (r, offset, (const char *) a[1], (const char *) a[0]),
                   _("the value of “%s” is longer than %d bytes"), (const char *) a[0], SOC_MAX_VALUE_LENGTH);
          stop (r);
          return;
        }
    }

  uri = decode_uri (uri, &decoded_strings);
  decoded = decode_attributes (nb_attributes, attributes, &decoded_strings);
  if (decoded != NULL)
    attributes = decoded;

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

  /* The root */
  if (r->frames->len == 0)
    {
      int major = -1, minor = -1;
      Frame *f;

      r->seen_root = TRUE;
      if (strcmp (name, "socplan") != 0)
        {
          problem (r, offset, _("the root element is <%s>, not <socplan>: this is not a Socplan plan"), name);
          stop (r);
          return;
        }
      if (!is_our_namespace (uri))
        {
          if (uri == NULL)
            problem (r, offset, _("<socplan> has no namespace; it must be in “%s”"), SOC_FORMAT_NAMESPACE);
          else
            problem (r, offset, _("<socplan> is in the namespace “%s”, not in “%s”"), (const char *) uri, SOC_FORMAT_NAMESPACE);
          stop (r);
          return;
        }

      for (int i = 0; i < nb_attributes; i++)
        {
          const xmlChar **a = attributes + i * 5;
          if (a[2] == NULL && strcmp ((const char *) a[0], "version") == 0)
            {
              g_autofree char *v = g_strndup ((const char *) a[3], a[4] - a[3]);
              char *dot = strchr (v, '.');
              gsize voff = attribute_offset (r, offset, NULL, "version");

              if (dot != NULL && dot > v && dot[1] != '\0' &&
                  strspn (v, "0123456789") == (gsize) (dot - v) &&
                  strspn (dot + 1, "0123456789") == strlen (dot + 1) &&
                  (dot - v) < 6 && strlen (dot + 1) < 6)
                {
                  major = atoi (v);
                  minor = atoi (dot + 1);
                }
              if (major < 0)
                {
                  problem (r, voff, _("the version “%s” is not of the form MAJOR.MINOR"), v);
                  stop (r);
                  return;
                }
              if (major > SOC_FORMAT_MAJOR)
                {
                  problem_code (r, SOC_FORMAT_ERROR_VERSION, voff,
                                _("this plan was written in format %s by a newer Socplan; this version reads format %d.x only"),
                           v, SOC_FORMAT_MAJOR);
                  stop (r);
                  return;
                }
              if (major < SOC_FORMAT_MAJOR)
                {
                  problem (r, voff, _("format %s is older than any Socplan release; this version reads format %d.x"),
                           v, SOC_FORMAT_MAJOR);
                  stop (r);
                  return;
                }
            }
        }
      if (major < 0)
        {
          problem (r, offset, _("<socplan> needs a version attribute, such as version=\"1.0\""));
          stop (r);
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
          g_autofree char *v = g_strndup ((const char *) a[3], a[4] - a[3]);

          if (a[2] == NULL && strcmp ((const char *) a[0], "version") == 0)
            continue;
          if (a[2] != NULL || r->newer_minor)
            soc_extras_add_attr (frame_extras (r, f),
                                 soc_xml_attr_new ((const char *) a[2], (const char *) a[1], (const char *) a[0], v));
          else
            problem (r, attribute_offset (r, offset, NULL, (const char *) a[0]),
                     _("<socplan> has no attribute “%s”"), (const char *) a[0]);
        }
      return;
    }

  parent = top (r);

  if (parent->kind == FRAME_IGNORE)
    {
      push_frame (r, FRAME_IGNORE, NULL, NULL, offset);
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
      push_frame (r, FRAME_IGNORE, NULL, NULL, offset);
      return;
    }

  if (!is_our_namespace (uri))
    {
      start_foreign (r, parent, offset, xlocalname, prefix, uri, nb_attributes, attributes);
      return;
    }

  switch (parent->kind)
    {
    case FRAME_ROOT:
      {
        static const Child sections[] = {
          { "plan", 0 }, { "goals", 1 }, { "roadmap", 2 }, { "stakeholders", 3 }, { "checklist", 4 },
        };
        static const FrameKind kinds[] = { FRAME_OBJECT, FRAME_GOALS, FRAME_ROADMAP, FRAME_STAKEHOLDERS, FRAME_CHECKLIST };
        static const SocContainer containers[] = { 0, SOC_CONTAINER_GOALS, SOC_CONTAINER_ROADMAP,
                                                   SOC_CONTAINER_STAKEHOLDERS, SOC_CONTAINER_CHECKLIST };

        for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
          if (strcmp (name, sections[i].name) == 0)
            {
              Frame *f;

              if (!check_order (r, parent, name, sections[i].rank, FALSE, offset))
                {
                  push_frame (r, FRAME_IGNORE, NULL, NULL, offset);
                  return;
                }
              if (kinds[i] == FRAME_OBJECT)
                {
                  start_object (r, SOC_OBJECT (r->doc->plan), offset, nb_attributes, attributes);
                  return;
                }
              push_frame (r, kinds[i], sections[i].name, NULL, offset);
              f = top (r);
              f->extras = &r->doc->extras[containers[i]];
              for (int k = 0; k < nb_attributes; k++)
                {
                  const xmlChar **a = attributes + k * 5;
                  g_autofree char *v = g_strndup ((const char *) a[3], a[4] - a[3]);

                  if (a[2] != NULL || r->newer_minor)
                    soc_extras_add_attr (frame_extras (r, f),
                                         soc_xml_attr_new ((const char *) a[2], (const char *) a[1], (const char *) a[0], v));
                  else
                    problem (r, attribute_offset (r, offset, NULL, (const char *) a[0]),
                             _("<%s> has no attribute “%s”"), name, (const char *) a[0]);
                }
              return;
            }
      }
      break;

    case FRAME_GOALS:
      if (strcmp (name, "goal") == 0)
        {
          g_autoptr(SocGoal) goal = NULL;

          parent->n_known++;
          if (!count_object (r, COUNT_GOAL, offset, name))
            return;
          goal = g_object_new (SOC_TYPE_GOAL, NULL);
          g_ptr_array_add (r->goals, g_object_ref (goal));
          start_object (r, SOC_OBJECT (goal), offset, nb_attributes, attributes);
          return;
        }
      break;

    case FRAME_ROADMAP:
      {
        static const char *names[] = { "lane", "phase", "item" };
        static const guint counts[] = { COUNT_LANE, COUNT_PHASE, COUNT_ITEM };

        for (int i = 0; i < 3; i++)
          if (strcmp (name, names[i]) == 0)
            {
              g_autoptr(SocObject) object = NULL;

              if (!check_order (r, parent, name, i, TRUE, offset))
                {
                  push_frame (r, FRAME_IGNORE, NULL, NULL, offset);
                  return;
                }
              if (!count_object (r, counts[i], offset, name))
                return;
              object = g_object_new (i == 0 ? SOC_TYPE_LANE : i == 1 ? SOC_TYPE_PHASE : SOC_TYPE_ITEM, NULL);
              soc_object_list_append (i == 0 ? r->doc->lanes : i == 1 ? r->doc->phases : r->doc->items, object);
              start_object (r, object, offset, nb_attributes, attributes);
              return;
            }
      }
      break;

    case FRAME_STAKEHOLDERS:
      {
        static const char *names[] = { "stakeholder", "relationship" };
        static const guint counts[] = { COUNT_STAKEHOLDER, COUNT_RELATIONSHIP };

        for (int i = 0; i < 2; i++)
          if (strcmp (name, names[i]) == 0)
            {
              g_autoptr(SocObject) object = NULL;

              if (!check_order (r, parent, name, i, TRUE, offset))
                {
                  push_frame (r, FRAME_IGNORE, NULL, NULL, offset);
                  return;
                }
              if (!count_object (r, counts[i], offset, name))
                return;
              object = g_object_new (i == 0 ? SOC_TYPE_STAKEHOLDER : SOC_TYPE_RELATIONSHIP, NULL);
              soc_object_list_append (i == 0 ? r->doc->stakeholders : r->doc->relationships, object);
              start_object (r, object, offset, nb_attributes, attributes);
              return;
            }
      }
      break;

    case FRAME_CHECKLIST:
      if (strcmp (name, "override") == 0)
        {
          g_autoptr(SocObject) object = NULL;

          parent->n_known++;
          if (!count_object (r, COUNT_OVERRIDE, offset, name))
            return;
          object = g_object_new (SOC_TYPE_OVERRIDE, NULL);
          soc_object_list_append (r->doc->overrides, object);
          start_object (r, object, offset, nb_attributes, attributes);
          return;
        }
      break;

    case FRAME_OBJECT:
      {
        SocObjectClass *klass = SOC_OBJECT_GET_CLASS (parent->object);
        const SocField *field = soc_object_class_find_field (klass, name, strlen (name));

        if (field != NULL && (field->kind == SOC_FIELD_TEXT || field->kind == SOC_FIELD_REFLIST))
          {
            int rank = (int) (field - klass->fields);
            gboolean reflist = field->kind == SOC_FIELD_REFLIST;
            Frame *f;

            if (!check_order (r, parent, name, rank, reflist, offset))
              {
                push_frame (r, FRAME_IGNORE, NULL, NULL, offset);
                return;
              }
            parent->seen |= 1u << rank;
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
                      problem (r, attribute_offset (r, offset, (const char *) a[1], (const char *) a[0]),
                               _("<%s> has no attribute “%s”"), name, (const char *) a[0]);
                  }
                if (!found)
                  problem (r, offset, _("<%s> needs the attribute “%s”"), name, field->ref_attr);
                if (SOC_IS_ITEM (parent->object) && (r->refs->len % 64) == 0)
                  {
                    /* Bounded per item: counted on the pending list's tail. */
                    guint n = 0;
                    for (guint k = r->refs->len; k > 0; k--)
                      {
                        PendingRef *ref = &g_array_index (r->refs, PendingRef, k - 1);
                        if (ref->object != parent->object)
                          break;
                        n++;
                      }
                    if (n > SOC_MAX_REFERENCES)
                      {
                        unsafe (r, offset, _("an item has more than %d goals and dependencies"), SOC_MAX_REFERENCES);
                        stop (r);
                      }
                  }
              }
            else if (nb_attributes > 0)
              {
                const xmlChar **a = attributes;
                problem (r, attribute_offset (r, offset, (const char *) a[1], (const char *) a[0]),
                         _("<%s> has no attribute “%s”"), name, (const char *) a[0]);
              }
            return;
          }
      }
      break;

    case FRAME_TEXT:
    case FRAME_REF:
    case FRAME_FOREIGN:
    case FRAME_IGNORE:
    default:
      g_assert_not_reached ();
    }

  /* An element of our namespace that this version does not know. */
  if (r->newer_minor)
    {
      start_foreign (r, parent, offset, xlocalname, prefix, uri, nb_attributes, attributes);
      return;
    }

  problem (r, offset, _("<%s> is not allowed in <%s>"), name, parent->element);
  push_frame (r, FRAME_IGNORE, NULL, NULL, offset);
}

static void
end_object (Reader *r,
            Frame  *f)
{
  SocObject *o = f->object;

  if (SOC_IS_ITEM (o))
    {
      SocItem *item = SOC_ITEM (o);

      if (item->kind == SOC_ITEM_KIND_MILESTONE && item->end != 0)
        problem (r, attribute_offset (r, f->offset, NULL, "end"),
                 _("a milestone has a start date only, not an end"));
      else if (item->kind == SOC_ITEM_KIND_ACTIVITY && (item->start == 0) != (item->end == 0))
        problem (r, f->offset, _("an activity has both a start and an end date, or neither"));
      else if (item->end != 0 && item->end < item->start)
        problem (r, attribute_offset (r, f->offset, NULL, "end"),
                 _("the item “%s” ends before it starts"), soc_object_get_id (o));
    }
  else if (SOC_IS_PHASE (o))
    {
      SocPhase *phase = SOC_PHASE (o);

      if (phase->start == 0 || phase->end == 0)
        problem (r, f->offset, _("a phase needs a start and an end date"));
      else if (phase->end < phase->start)
        problem (r, attribute_offset (r, f->offset, NULL, "end"),
                 _("the phase “%s” ends before it starts"), soc_object_get_id (o));
    }
  else if (SOC_IS_PLAN (o))
    {
      SocPlan *plan = SOC_PLAN (o);

      if (plan->horizon_start != 0 && plan->horizon_end != 0 && plan->horizon_end < plan->horizon_start)
        problem (r, attribute_offset (r, f->offset, NULL, "horizon-end"),
                 _("the horizon ends before it starts"));
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
          stop (r);
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
/* After the parse: references, the tree, cycles                            */

static const char *
type_noun (GType type)
{
  if (type == SOC_TYPE_GOAL) return _("goal");
  if (type == SOC_TYPE_LANE) return _("lane");
  if (type == SOC_TYPE_ITEM) return _("roadmap item");
  if (type == SOC_TYPE_STAKEHOLDER) return _("stakeholder");
  return _("object");
}

static void
resolve_references (Reader *r)
{
  for (guint i = 0; i < r->refs->len; i++)
    {
      PendingRef *ref = &g_array_index (r->refs, PendingRef, i);
      SocObject *target = g_hash_table_lookup (r->doc->ids, ref->id);
      GType type = ref->field->type ();

      if (target == NULL)
        {
          problem (r, ref->offset, _("%s refers to “%s”, but no %s has that id"),
                   ref->field->kind == SOC_FIELD_REFLIST ? ref->field->ref_attr : ref->field->name,
                   ref->id, type_noun (type));
          continue;
        }
      if (!G_TYPE_CHECK_INSTANCE_TYPE (target, type))
        {
          problem (r, ref->offset, _("%s refers to “%s”, which is not a %s"),
                   ref->field->kind == SOC_FIELD_REFLIST ? ref->field->ref_attr : ref->field->name,
                   ref->id, type_noun (type));
          continue;
        }

      if (ref->field->kind == SOC_FIELD_REF)
        *(gpointer *) SOC_FIELD_PTR (ref->object, ref->field) = target;
      else
        {
          GPtrArray **slot = SOC_FIELD_PTR (ref->object, ref->field);

          if (*slot == NULL)
            *slot = g_ptr_array_new ();
          if (g_ptr_array_find (*slot, target, NULL))
            {
              problem (r, ref->offset, _("“%s” is listed twice in %s"), ref->id, ref->field->name);
              continue;
            }
          g_ptr_array_add (*slot, target);
        }
    }
}

/* Where OBJECT's reference FIELD_NAME (to TARGET, if given) is, for messages. */
static gsize
ref_offset (Reader         *r,
            SocObject      *object,
            const char     *field_name,
            SocObject      *target)
{
  for (guint i = 0; i < r->refs->len; i++)
    {
      PendingRef *ref = &g_array_index (r->refs, PendingRef, i);
      if (ref->object == object && g_str_equal (ref->field->name, field_name) &&
          (target == NULL || g_hash_table_lookup (r->doc->ids, ref->id) == target))
        return ref->offset;
    }
  return 0;
}

static void
check_relationships (Reader *r)
{
  SocObjectList *list = r->doc->relationships;

  for (guint i = 0; i < soc_object_list_get_size (list); i++)
    {
      SocRelationship *rel = SOC_RELATIONSHIP (soc_object_list_get (list, i));

      if (rel->from != NULL && rel->from == rel->to)
        problem (r, ref_offset (r, SOC_OBJECT (rel), "to", NULL),
                 _("a relationship must join two different stakeholders"));
    }
}

static char *
format_cycle (GPtrArray *path,
              guint      from)
{
  GString *s = g_string_new (NULL);

  for (guint i = from; i < path->len; i++)
    g_string_append_printf (s, "%s -> ", soc_object_get_id (g_ptr_array_index (path, i)));
  g_string_append (s, soc_object_get_id (g_ptr_array_index (path, from)));
  return g_string_free (s, FALSE);
}

/* Each goal has one parent, so walking up from every goal finds any cycle. */
static gboolean
check_goal_cycles (Reader *r)
{
  g_autoptr(GHashTable) state = g_hash_table_new (NULL, NULL);  /* goal -> 1 walking, 2 done */
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  gboolean ok = TRUE;

  for (guint i = 0; i < r->goals->len; i++)
    {
      SocGoal *g = g_ptr_array_index (r->goals, i);

      g_ptr_array_set_size (path, 0);
      while (g != NULL && !g_hash_table_contains (state, g))
        {
          g_hash_table_insert (state, g, GINT_TO_POINTER (1));
          g_ptr_array_add (path, g);
          g = g->parent;
        }
      if (g != NULL && GPOINTER_TO_INT (g_hash_table_lookup (state, g)) == 1)
        {
          guint from = 0;
          g_autofree char *cycle = NULL;

          g_ptr_array_find (path, g, &from);
          cycle = format_cycle (path, from);
          problem (r, ref_offset (r, g_ptr_array_index (path, path->len - 1), "parent", NULL),
                   _("the goal tree has a cycle: %s"), cycle);
          ok = FALSE;
        }
      for (guint k = 0; k < path->len; k++)
        g_hash_table_insert (state, g_ptr_array_index (path, k), GINT_TO_POINTER (2));
    }
  return ok;
}

/* Iterative depth-first search over dependencies, reporting the first cycle. */
static void
check_dependency_cycles (Reader *r)
{
  SocObjectList *items = r->doc->items;
  guint n = soc_object_list_get_size (items);
  g_autoptr(GHashTable) state = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      SocItem *start = SOC_ITEM (soc_object_list_get (items, i));
      guint zero = 0;

      if (g_hash_table_contains (state, start))
        continue;

      g_ptr_array_add (path, start);
      g_array_append_val (next, zero);
      g_hash_table_insert (state, start, GINT_TO_POINTER (1));

      while (path->len > 0)
        {
          SocItem *item = g_ptr_array_index (path, path->len - 1);
          guint *k = &g_array_index (next, guint, next->len - 1);

          if (item->depends != NULL && *k < item->depends->len)
            {
              SocItem *dep = g_ptr_array_index (item->depends, (*k)++);
              int s = GPOINTER_TO_INT (g_hash_table_lookup (state, dep));

              if (s == 1)
                {
                  guint from = 0;
                  g_autofree char *cycle = NULL;

                  g_ptr_array_add (path, dep);
                  g_ptr_array_find (path, dep, &from);
                  g_ptr_array_set_size (path, path->len - 1);
                  cycle = format_cycle (path, from);
                  problem (r, ref_offset (r, SOC_OBJECT (item), "depends-on", SOC_OBJECT (dep)),
                           _("dependency cycle: %s"), cycle);
                  return;
                }
              if (s == 0)
                {
                  g_ptr_array_add (path, dep);
                  g_array_append_val (next, zero);
                  g_hash_table_insert (state, dep, GINT_TO_POINTER (1));
                }
            }
          else
            {
              g_hash_table_insert (state, item, GINT_TO_POINTER (2));
              g_ptr_array_set_size (path, path->len - 1);
              g_array_set_size (next, next->len - 1);
            }
        }
    }
}

static void
build_goal_tree (Reader *r)
{
  for (guint i = 0; i < r->goals->len; i++)
    {
      SocGoal *g = g_ptr_array_index (r->goals, i);

      soc_object_list_append (g->parent != NULL ? g->parent->children : r->doc->goals, SOC_OBJECT (g));
    }
  r->doc->n_goals = r->goals->len;
}

/* ------------------------------------------------------------------------ */
/* Positions                                                                */

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = *(const Problem **) a;
  const Problem *pb = *(const Problem **) b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return 0;
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const Problem *pa = *(const Problem **) a;
  const Problem *pb = *(const Problem **) b;

  return pa->offset < pb->offset ? -1 : pa->offset > pb->offset ? 1 : 0;
}

/* Turns byte offsets into lines and character columns, in one pass. */
static void
locate_problems (Reader *r)
{
  g_autoptr(GPtrArray) by_offset = g_ptr_array_new ();
  gsize pos = 0, line_start = 0;
  int line = 1;

  for (guint i = 0; i < r->problems->len; i++)
    {
      Problem *p = g_ptr_array_index (r->problems, i);
      if (p->offset != NO_OFFSET)
        g_ptr_array_add (by_offset, p);
    }
  g_ptr_array_sort (by_offset, compare_offsets);

  for (guint i = 0; i < by_offset->len; i++)
    {
      Problem *p = g_ptr_array_index (by_offset, i);
      gsize target = MIN (p->offset, r->len);

      while (pos < target)
        {
          const char *nl = memchr (r->data + pos, '\n', target - pos);
          if (nl == NULL)
            {
              pos = target;
              break;
            }
          line++;
          pos = (gsize) (nl - r->data) + 1;
          line_start = pos;
        }
      p->line = line;
      p->column = 1 + (int) g_utf8_strlen (r->data + line_start, (gssize) (target - line_start));
    }

  g_ptr_array_sort (r->problems, compare_problems);
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                             */

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

static void
make_safe (xmlSAXHandlerPtr sax)
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

/* A context that builds a DOM, for the schema: only for bytes the reader
 * has accepted already. */
static xmlParserCtxtPtr
new_safe_context (gpointer private_data)
{
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();

  if (ctxt == NULL)
    return NULL;
  ctxt->_private = private_data;
  make_safe (ctxt->sax);
  return ctxt;
}

static const int parse_options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                                 XML_PARSE_NOWARNING;

/* A push parser with our handlers (or none, to check well-formedness):
 * fed in chunks, it never holds a copy of the whole file. */
static xmlParserCtxtPtr
new_safe_push_context (Reader   *r,
                       gboolean  build)
{
  xmlSAXHandler sax;
  xmlParserCtxtPtr ctxt;

  memset (&sax, 0, sizeof sax);
  xmlSAXVersion (&sax, 2);
  make_safe (&sax);
  sax.startDocument = ignore_document;
  sax.endDocument = ignore_document;
  sax.reference = ignore_reference;
  sax.comment = NULL;
  sax.processingInstruction = NULL;
  sax.startElement = NULL;
  sax.endElement = NULL;
  if (build)
    {
      sax.startElementNs = on_start_element;
      sax.endElementNs = on_end_element;
      sax.characters = on_characters;
      sax.cdataBlock = on_characters;
      sax.ignorableWhitespace = on_characters;
    }
  else
    {
      sax.startElementNs = NULL;
      sax.endElementNs = NULL;
      sax.characters = NULL;
      sax.cdataBlock = NULL;
      sax.ignorableWhitespace = NULL;
    }

  ctxt = xmlCreatePushParserCtxt (&sax, NULL, NULL, 0, NULL);
  if (ctxt == NULL)
    g_error ("Out of memory");
  ctxt->_private = r;
  xmlCtxtUseOptions (ctxt, parse_options);
  return ctxt;
}

#define CHUNK_SIZE (256 * 1024)

static void
feed (Reader *r)
{
  if (r->len == 0)
    {
      xmlParseChunk (r->ctxt, NULL, 0, 1);
      return;
    }
  for (gsize offset = 0; offset < r->len && !r->stopped; offset += CHUNK_SIZE)
    {
      gsize n = MIN (CHUNK_SIZE, r->len - offset);
      xmlParseChunk (r->ctxt, r->data + offset, (int) n, offset + n >= r->len);
    }
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
  r->ctxt = new_safe_push_context (r, TRUE);
  feed (r);

  if (!r->stopped && !r->seen_root && !failed (r))
    syntax (r, 0, _("the file holds no XML element"));
  if (!r->stopped && !r->ctxt->wellFormed && !failed (r))
    syntax (r, 0, _("the file is not well-formed XML"));

  free_context (r);
}

static GError *
problems_to_error (Reader     *r,
                   const char *display_name,
                   GPtrArray **diagnostics)
{
  Problem *first;
  int code = SOC_FORMAT_ERROR_INVALID;
  GError *error;

  locate_problems (r);
  first = g_ptr_array_index (r->problems, 0);

  if (diagnostics != NULL)
    {
      *diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_diagnostic_free);
      for (guint i = 0; i < r->problems->len; i++)
        {
          Problem *p = g_ptr_array_index (r->problems, i);
          SocDiagnostic *d = g_new0 (SocDiagnostic, 1);

          d->line = p->line;
          d->column = p->column;
          d->message = g_strdup (p->message);
          g_ptr_array_add (*diagnostics, d);
        }
    }

  code = first->code;

  error = g_error_new (SOC_FORMAT_ERROR, code, "%s:%d:%d: error: %s",
                       display_name, first->line, first->column, first->message);
  return error;
}

static SocDocument *
read_data (const char  *data,
           gsize        len,
           const char  *display_name,
           GPtrArray  **diagnostics,
           GError     **error)
{
  Reader r = { 0 };
  SocDocument *result = NULL;

  g_assert (data[len] == '\0');

  init_libxml ();

  r.data = data;
  r.len = len;
  /* Not soc_document_new(): a plan read keeps the uid of its file, or none. */
  r.doc = g_object_new (SOC_TYPE_DOCUMENT, NULL);
  r.frames = g_array_sized_new (FALSE, TRUE, sizeof (Frame), SOC_MAX_DEPTH + 1);
  r.text = g_string_sized_new (256);
  r.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  r.strings = g_string_chunk_new (64 * 1024);
  r.refs = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  r.goals = g_ptr_array_new_with_free_func (g_object_unref);

  if (len > SOC_MAX_FILE_SIZE)
    unsafe (&r, 0, _("the file is larger than %d MiB"), (int) (SOC_MAX_FILE_SIZE >> 20));
  else if (prescan (&r))
    parse (&r);

  /* References are checked even after a bad value, so one run reports
   * both; a parse that was stopped leaves nothing sensible to check. */
  if (!r.stopped)
    {
      resolve_references (&r);
      check_relationships (&r);
      if (check_goal_cycles (&r))
        {
          check_dependency_cycles (&r);
          if (!failed (&r))
            build_goal_tree (&r);
        }
    }

  if (failed (&r))
    g_propagate_error (error, problems_to_error (&r, display_name, diagnostics));
  else
    {
      result = g_steal_pointer (&r.doc);
      result->size_hint = len;
      if (diagnostics != NULL)
        *diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_diagnostic_free);
    }

  /* A failed document's goals may be half-linked: drop parents first. */
  if (r.doc != NULL)
    {
      for (guint i = 0; i < r.goals->len; i++)
        SOC_GOAL (g_ptr_array_index (r.goals, i))->parent = NULL;
      g_clear_object (&r.doc);
    }
  g_ptr_array_unref (r.goals);
  g_array_unref (r.refs);
  g_string_chunk_free (r.strings);
  g_ptr_array_unref (r.problems);
  g_string_free (r.text, TRUE);
  g_array_unref (r.frames);

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
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *copy = NULL;
  SocDocument *doc;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (display_name == NULL)
    display_name = "plan";

  /* The parser reads from the bytes in place, and needs a nul after them. */
  copy = g_malloc (len + 1);
  if (len > 0)
    memcpy (copy, data, len);
  copy[len] = '\0';

  doc = read_data (copy, len, display_name, diagnostics, error);
  return doc;
}

static char *
file_display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

static SocDocument *
load_file (GFile         *file,
           const char    *display_name,
           GPtrArray    **diagnostics,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = display_name ? g_strdup (display_name) : file_display_name (file);
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
      g_set_error (error, local_error->domain, local_error->code,
                   "%s:1:1: error: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s:1:1: error: not a regular file"), name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > SOC_MAX_FILE_SIZE)
    {
      g_set_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_UNSAFE,
                   _("%s:1:1: error: the file is larger than %d MiB"), name, (int) (SOC_MAX_FILE_SIZE >> 20));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &len, &etag, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s:1:1: error: %s", name, local_error->message);
      return NULL;
    }

  doc = read_data (contents, len, name, diagnostics, error);
  if (doc != NULL)
    _soc_document_set_file (doc, file, etag);
  return doc;
}

/* Reads the plan in FILE. See soc_document_load_from_bytes(). */
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

/* ------------------------------------------------------------------------ */
/* Checks the writer uses, and the schema                                   */

/* Parses DATA for well-formedness only, with the same safety as a load. */
gboolean
soc_reader_check_well_formed (const char *data,
                              gsize       len,
                              GError    **error)
{
  Reader r = { 0 };
  gboolean ok;

  init_libxml ();

  r.data = data;
  r.len = len;
  r.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  r.frames = g_array_new (FALSE, TRUE, sizeof (Frame));

  r.ctxt = new_safe_push_context (&r, FALSE);
  feed (&r);
  ok = r.n_problems == 0 && r.ctxt->wellFormed;
  free_context (&r);

  if (!ok)
    {
      Problem *p = r.problems->len > 0 ? g_ptr_array_index (r.problems, 0) : NULL;

      g_set_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_UNWRITABLE,
                   _("The written plan would not read back (%d:%d: %s); nothing was saved"),
                   p ? p->line : 0, p ? p->column : 0, p ? p->message : "?");
    }

  g_ptr_array_unref (r.problems);
  g_array_unref (r.frames);
  return ok;
}

typedef struct
{
  const char *data;
  gsize       len;
  GPtrArray  *diagnostics;
} SchemaErrors;

static void
on_schema_error (void        *user_data,
                 xmlErrorPtr  error)
{
  SchemaErrors *se = user_data;
  SocDiagnostic *d;
  int column = 1;

  if (se->diagnostics->len >= MAX_DIAGNOSTICS)
    return;

  /* RELAX NG errors have a line but no column: find the element on its line. */
  if (error->node != NULL && error->line > 0)
    {
      const char *p = se->data;
      const char *end = se->data + se->len;
      int line = 1;

      while (line < error->line && p < end)
        {
          const char *nl = memchr (p, '\n', end - p);
          if (nl == NULL)
            break;
          p = nl + 1;
          line++;
        }
      if (line == error->line)
        {
          const char *nl = memchr (p, '\n', end - p);
          const char *lt = memchr (p, '<', (nl ? nl : end) - p);
          if (lt != NULL)
            column = 1 + (int) g_utf8_strlen (p, lt - p);
        }
    }

  d = g_new0 (SocDiagnostic, 1);
  d->line = MAX (error->line, 1);
  d->column = column;
  d->message = g_strdup_printf (_("schema: %s"), error->message ? error->message : "?");
  g_strchomp (d->message);
  g_ptr_array_add (se->diagnostics, d);
}

static xmlRelaxNGPtr
compiled_schema (void)
{
  static gsize schema = 0;

  if (g_once_init_enter (&schema))
    {
      g_autoptr(GBytes) bytes = NULL;
      xmlRelaxNGParserCtxtPtr pctxt;
      xmlRelaxNGPtr rng = NULL;
      gsize len;
      const char *data;

      /* A static library drops the resource's constructor: ask for it. */
      bytes = g_resource_lookup_data (soc_core_get_resource (),
                                      "/io/github/socplan/Socplan/core/socplan.rng", 0, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &len);
      pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) len);
      rng = xmlRelaxNGParse (pctxt);
      xmlRelaxNGFreeParserCtxt (pctxt);
      if (rng == NULL)
        g_error ("The built-in RELAX NG schema does not compile");
      g_once_init_leave (&schema, (gsize) rng);
    }
  return (xmlRelaxNGPtr) schema;
}

/* Validates DATA, already accepted by the reader, against the RELAX NG schema
 * of this version (data/socplan.rng). Adds each problem to DIAGNOSTICS. */
gboolean
soc_reader_validate_schema (const char *data,
                            gsize       len,
                            GPtrArray  *diagnostics,
                            GError    **error)
{
  SchemaErrors se = { data, len, diagnostics };
  Reader r = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlDocPtr doc;
  int result;

  init_libxml ();

  r.data = data;
  r.len = len;
  r.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  r.frames = g_array_new (FALSE, TRUE, sizeof (Frame));

  ctxt = new_safe_context (&r);
  if (ctxt == NULL)
    g_error ("Out of memory");
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, "UTF-8", parse_options);
  if (doc == NULL || r.n_problems > 0)
    {
      g_set_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_SYNTAX, _("the file is not well-formed XML"));
      if (doc != NULL)
        xmlFreeDoc (doc);
      xmlFreeParserCtxt (ctxt);
      g_ptr_array_unref (r.problems);
      g_array_unref (r.frames);
      return FALSE;
    }

  vctxt = xmlRelaxNGNewValidCtxt (compiled_schema ());
  xmlRelaxNGSetValidStructuredErrors (vctxt, on_schema_error, &se);
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlFreeDoc (doc);
  xmlFreeParserCtxt (ctxt);
  g_ptr_array_unref (r.problems);
  g_array_unref (r.frames);

  if (result != 0 && diagnostics->len == 0)
    {
      SocDiagnostic *d = g_new0 (SocDiagnostic, 1);
      d->line = 1;
      d->column = 1;
      d->message = g_strdup (_("schema: the plan does not match the schema"));
      g_ptr_array_add (diagnostics, d);
    }
  return result == 0;
}
