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

static Frame *
top (Reader *r)
{
  return &g_array_index (r->frames, Frame, r->frames->len - 1);
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

/* ------------------------------------------------------------------------ */
/* Kept content                                                             */

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
      SocExtras *extras = _soc_reader_frame_extras (parent);

      g_assert (extras != NULL);
      node->position = parent->n_known;
      soc_extras_add_child (extras, node);
    }

  push_frame (r, FRAME_FOREIGN, NULL, NULL, offset);
  f = top (r);
  f->node = node;
}

/* ------------------------------------------------------------------------ */
/* Values and objects                                                       */

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
  _soc_reader_read_attributes (r, f, nb_attributes, attributes);
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
          gsize offset = blame_end ? _soc_reader_attribute_offset (r, f->offset, NULL, end_name) : f->offset;

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

/* ------------------------------------------------------------------------ */
/* Elements                                                                 */

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
  if (!_soc_reader_is_ours (uri))
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
      voff = _soc_reader_attribute_offset (r, offset, NULL, "version");
      if (!_soc_reader_parse_version (v, &major, &minor))
        {
          g_autofree char *shown = _soc_reader_quote (v, strlen (v));

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

      if (_soc_reader_namespaced_attribute (r, f, "socplan", a) || strcmp ((const char *) a[0], "version") == 0)
        continue;
      if (r->newer_minor)
        _soc_reader_keep_attribute (f, a);
      else
        problem (r, _soc_reader_attribute_offset (r, offset, NULL, (const char *) a[0]),
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

          if (_soc_reader_namespaced_attribute (r, f, name, a))
            continue;
          if (r->newer_minor)
            _soc_reader_keep_attribute (f, a);
          else
            problem (r, _soc_reader_attribute_offset (r, offset, NULL, (const char *) a[0]),
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
              _soc_reader_read_value (r, parent->object, field, (const char *) a[3], a[4] - a[3],
                                      offset, field->ref_attr);
            }
          else
            {
              g_autofree char *attr = _soc_reader_attribute_name (a);

              problem (r, _soc_reader_offset_of_attribute (r, offset, a), _("<%s> has no attribute “%s”"), name, attr);
            }
        }
      if (!found)
        problem (r, offset, _("<%s> needs the attribute “%s”"), name, field->ref_attr);
    }
  else if (nb_attributes > 0)
    {
      g_autofree char *attr = _soc_reader_attribute_name (attributes);

      problem (r, _soc_reader_offset_of_attribute (r, offset, attributes), _("<%s> has no attribute “%s”"), name, attr);
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
  offset = _soc_reader_tag_offset (r);

  if (r->frames->len >= SOC_MAX_DEPTH)
    {
      unsafe (r, offset, _("the elements nest more than %d levels deep"), SOC_MAX_DEPTH);
      _soc_reader_stop (r);
      return;
    }

  /* Limits count what the value holds, not how it was written. */
  uri = _soc_reader_decode_uri (uri, &decoded_strings);
  decoded = _soc_reader_decode_attributes (nb_attributes, attributes, &decoded_strings);
  if (decoded != NULL)
    attributes = decoded;
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + i * 5;

      if (a[4] - a[3] > SOC_MAX_VALUE_LENGTH)
        {
          g_autofree char *attr = _soc_reader_attribute_name (a);

          unsafe (r, _soc_reader_offset_of_attribute (r, offset, a),
                  _("the value of “%s” is longer than %d bytes"), attr, SOC_MAX_VALUE_LENGTH);
          _soc_reader_stop (r);
          return;
        }
    }

  if (r->frames->len > 0 && top (r)->kind == FRAME_FOREIGN &&
      !_soc_reader_is_blank (r->text->str, r->text->len))
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
  if (!_soc_reader_is_ours (uri))
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
      if (r->text->len > 0 && !(f->node->children != NULL && _soc_reader_is_blank (r->text->str, r->text->len)))
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
  if (f->kind != FRAME_IGNORE && !_soc_reader_is_blank ((const char *) ch, (gsize) len))
    {
      problem (r, f->offset, _("<%s> cannot hold text"), f->element ? f->element : "?");
      /* Report once: the rest of this element is not read. */
      f->kind = FRAME_IGNORE;
    }
}

/* ------------------------------------------------------------------------ */
/* libxml2's own errors, and what a plan may not hold                       */

static void
ignore_reference (void          *ctx,
                  const xmlChar *name)
{
}

static void
ignore_document (void *ctx)
{
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
