/* soc-reader-diagnostics.c: the problems of a read, where they are, and the error
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Problems are noted with a byte offset (our own checks) or with libxml2's
 * line and column (syntax errors), and turned into lines and character
 * columns in one pass at the end. Lines end at a line feed, a carriage
 * return, or both together, as XML has it: libxml2 counts line feeds only,
 * so its positions are turned back into offsets first.
 */

#define G_LOG_DOMAIN "soc-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-reader-private.h"

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

void
_soc_reader_problem_free (Problem *p)
{
  g_free (p->message);
  g_free (p);
}

/* Notes a problem at OFFSET, or (with NO_OFFSET) at libxml2's LINE and
 * COLUMN. Takes MESSAGE. Past MAX_DIAGNOSTICS problems are only counted. */
void
_soc_reader_add_problem (Reader *r,
                         int     code,
                         gsize   offset,
                         int     line,
                         int     column,
                         char   *message)
{
  Problem *p;

  r->n_problems++;
  if (r->problems->len >= MAX_DIAGNOSTICS)
    {
      g_free (message);
      return;
    }
  p = g_new0 (Problem, 1);
  p->offset = offset;
  p->line = line;
  p->column = column;
  p->code = code;
  p->message = message;
  g_ptr_array_add (r->problems, p);
}

void
_soc_reader_problem (Reader     *r,
                     int         code,
                     gsize       offset,
                     const char *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  _soc_reader_add_problem (r, code, offset, 0, 0, g_strdup_vprintf (format, args));
  va_end (args);
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const Problem *pa = *(const Problem **) a;
  const Problem *pb = *(const Problem **) b;

  return pa->offset < pb->offset ? -1 : pa->offset > pb->offset ? 1 : 0;
}

static gboolean
is_continuation (char c)
{
  return ((guchar) c & 0xC0) == 0x80;
}

/* The offset libxml2 means by LINE and COLUMN: it counts line feeds only,
 * and a carriage return alone as a character of its line. */
static gsize
libxml_offset (Reader *r,
               int     line,
               int     column)
{
  gsize pos = 0;

  for (int l = 1; l < line; l++)
    {
      const char *nl = memchr (r->data + pos, '\n', r->len - pos);

      if (nl == NULL)
        return r->len;
      pos = (gsize) (nl - r->data) + 1;
    }
  for (int c = 1; c < column && pos < r->len && r->data[pos] != '\n'; c++)
    {
      pos++;
      while (pos < r->len && is_continuation (r->data[pos]))
        pos++;
    }
  return pos;
}

/* Turns every problem's position into our line and character column, then
 * sorts them, first first. One pass over the data up to the last problem. */
void
_soc_reader_locate (Reader *r)
{
  gsize pos = 0;
  int line = 1, column = 1;

  for (guint i = 0; i < r->problems->len; i++)
    {
      Problem *p = g_ptr_array_index (r->problems, i);

      if (p->offset == NO_OFFSET)
        p->offset = libxml_offset (r, MAX (p->line, 1), MAX (p->column, 1));
      p->offset = MIN (p->offset, r->len);
    }
  g_ptr_array_sort (r->problems, compare_offsets);

  for (guint i = 0; i < r->problems->len; i++)
    {
      Problem *p = g_ptr_array_index (r->problems, i);

      for (; pos < p->offset; pos++)
        {
          char c = r->data[pos];

          if (c == '\n' || (c == '\r' && (pos + 1 >= r->len || r->data[pos + 1] != '\n')))
            {
              line++;
              column = 1;
            }
          else if (c != '\r' && !is_continuation (c))
            column++;
        }
      p->line = line;
      p->column = column;
    }
}

/* The first problem as an error ("FILE:LINE:COLUMN: error: MESSAGE"), and
 * all of them as DIAGNOSTICS if asked. */
GError *
_soc_reader_to_error (Reader      *r,
                      const char  *display_name,
                      GPtrArray  **diagnostics)
{
  Problem *first;

  _soc_reader_locate (r);
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

  return g_error_new (SOC_FORMAT_ERROR, first->code, "%s:%d:%d: error: %s",
                      display_name, first->line, first->column, first->message);
}
