/* soc-reader-schema.c: the published schema, for the tests
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/socplan.rng is the contract FORMAT.md explains. The program does
 * not run it on the files it reads: its own checks are complete, and
 * libxml2's RELAX NG pass grows faster than the file (minutes for an item
 * with a thousand <serves>). The tests run it on what the writer writes
 * and on the corpus, so the schema and the program stay one contract.
 */

#define G_LOG_DOMAIN "soc-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "soc-core-resources.h"
#include "soc-reader-private.h"

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
  Reader r;
  xmlParserCtxtPtr ctxt;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlDocPtr doc;
  int result;

  xmlInitParser ();

  memset (&r, 0, sizeof r);
  r.data = data;
  r.len = len;
  r.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) _soc_reader_problem_free);
  r.frames = g_array_new (FALSE, TRUE, sizeof (Frame));

  /* A context that builds a DOM, with the reader's safety. */
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");
  ctxt->_private = &r;
  r.ctxt = ctxt;
  _soc_reader_make_safe (ctxt->sax);
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING);
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
