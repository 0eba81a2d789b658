/* soc-reader-errors.c: what libxml2 reports, and what a plan may never hold
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hooks that keep a parse safe (no DTD, no entity, nothing loaded from
 * outside) and the errors of libxml2 itself, said in the plan's terms where
 * its own words would mislead: a file cut short says so, a mismatched end
 * tag names no line counted the way libxml2 counts them.
 */

#define G_LOG_DOMAIN "soc-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-reader-private.h"

/* Ends the parse: what follows cannot be read sensibly. */
void
_soc_reader_stop (Reader *r)
{
  r->stopped = TRUE;
  if (r->ctxt != NULL)
    xmlStopParser (r->ctxt);
}

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

  if (in == NULL)
    return FALSE;
  pos = (gsize) in->consumed + (gsize) (in->cur - in->base);
  for (; pos < r->len; pos++)
    if (!g_ascii_isspace (r->data[pos]))
      return FALSE;
  return TRUE;
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

  unsafe (r, _soc_reader_tag_offset (r), _("a DOCTYPE is not allowed in a plan: Socplan files have no DTD and no entities"));
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
