/* soc-csv.c: comma-separated values (RFC 4180), read and written
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader takes what spreadsheets write: UTF-8 with or without a byte
 * order mark, records ended by CRLF, LF or a lone CR, quoted fields that
 * hold commas, doubled quotes and line breaks, and a semicolon as the
 * delimiter when the first record has semicolons and no comma (spreadsheets
 * in locales with a decimal comma write that). A file that is not UTF-8
 * text, a quote out of place and anything over a limit is refused with the
 * line it is on. Nothing here recurses, and the cost is linear in the size
 * of the file.
 *
 * The writer writes what the reader and spreadsheets read back unchanged:
 * a byte order mark (so that Excel sees UTF-8), CRLF after every record,
 * and quotes around a field only when it needs them.
 */

#define G_LOG_DOMAIN "soc-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-csv.h"
#include "soc-enum-types.h"
#include "soc-object-private.h"

G_DEFINE_QUARK (soc-csv-error-quark, soc_csv_error)

struct _SocCsvReader
{
  const char *data;       /* after the byte order mark */
  gsize       len;
  gsize       pos;
  guint       line;       /* the line POS is on, from 1 */
  char        delimiter;
  GString    *field;
};

/* The line (from 1) that byte OFFSET of DATA is on; CRLF, LF and a lone CR
 * each end a line. */
static guint
line_at (const char *data,
         gsize       len,
         gsize       offset)
{
  guint line = 1;

  offset = MIN (offset, len);
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n')))
      line++;
  return line;
}

/* The delimiter of the first record: a semicolon if it has semicolons and
 * no comma outside quotes, else a comma. */
static char
detect_delimiter (const char *data,
                  gsize       len)
{
  gboolean quoted = FALSE;
  guint commas = 0, semicolons = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
    }
  return commas == 0 && semicolons > 0 ? ';' : ',';
}

/* Checks the whole of DATA before a record is read: its size, its
 * encoding, NUL bytes. On failure, LINE says where (0: the whole file). */
SocCsvReader *
soc_csv_reader_new (const char  *data,
                    gsize        len,
                    guint       *line,
                    GError     **error)
{
  g_autoptr(SocCsvReader) self = NULL;
  const char *nul, *end = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  *line = 0;
  if (len > SOC_CSV_MAX_FILE_SIZE)
    {
      g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_LIMIT,
                   _("The file is larger than %d MiB"), (int) (SOC_CSV_MAX_FILE_SIZE >> 20));
      return NULL;
    }
  if (len >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                   ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      *line = 1;
      g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_ENCODING,
                   _("The file is UTF-16 text: save it as CSV in UTF-8 (“CSV UTF-8” in Excel)"));
      return NULL;
    }
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  nul = memchr (data, '\0', len);
  if (nul != NULL)
    {
      *line = line_at (data, len, (gsize) (nul - data));
      g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_ENCODING,
                   _("The file holds a NUL byte here: it is not a text file"));
      return NULL;
    }
  if (!g_utf8_validate_len (data, len, &end))
    {
      *line = line_at (data, len, (gsize) (end - data));
      g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_ENCODING,
                   _("This line is not UTF-8 text: save the file as CSV in UTF-8 (“CSV UTF-8” in Excel, the character set “Unicode (UTF-8)” in LibreOffice)"));
      return NULL;
    }

  self = g_new0 (SocCsvReader, 1);
  self->data = data;
  self->len = len;
  self->line = 1;
  self->delimiter = detect_delimiter (data, len);
  self->field = g_string_sized_new (256);
  return g_steal_pointer (&self);
}

void
soc_csv_reader_free (SocCsvReader *self)
{
  if (self == NULL)
    return;
  g_string_free (self->field, TRUE);
  g_free (self);
}

/* Reads a quoted field from just after its opening quote. */
static gboolean
read_quoted (SocCsvReader  *self,
             guint          index,
             GError       **error)
{
  guint start_line = self->line;

  for (;;)
    {
      const char *p = self->data + self->pos;
      gsize left = self->len - self->pos;
      gsize run = 0;
      char c;

      /* Copy the plain run up to the next quote or line break at once. */
      while (run < left && p[run] != '"' && p[run] != '\n' && p[run] != '\r')
        run++;
      g_string_append_len (self->field, p, (gssize) run);
      self->pos += run;

      if (self->pos >= self->len)
        {
          self->line = start_line;
          g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_SYNTAX,
                       _("Field %u opens a quote on this line that is never closed"), index + 1);
          return FALSE;
        }

      c = self->data[self->pos];
      if (c == '"')
        {
          if (self->pos + 1 < self->len && self->data[self->pos + 1] == '"')
            {
              g_string_append_c (self->field, '"');
              self->pos += 2;
              continue;
            }
          self->pos++;
          break;
        }

      /* A line break inside quotes belongs to the field, as it is. */
      g_string_append_c (self->field, c);
      self->pos++;
      if (c == '\n' || self->pos >= self->len || self->data[self->pos] != '\n')
        self->line++;
    }

  if (self->pos < self->len)
    {
      char c = self->data[self->pos];

      if (c != self->delimiter && c != '\n' && c != '\r')
        {
          g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_SYNTAX,
                       _("Field %u goes on after its closing quote; a quote inside a quoted field is written twice (\"\")"),
                       index + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads the next record into FIELDS (emptied first; its free function must
 * free strings). LINE is the line the record starts on, or on failure the
 * line of the problem. FALSE at the end (ERROR unset) or on a problem. */
gboolean
soc_csv_reader_next (SocCsvReader  *self,
                     GPtrArray     *fields,
                     guint         *line,
                     GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  g_ptr_array_set_size (fields, 0);
  *line = self->line;
  if (self->pos >= self->len)
    return FALSE;

  for (;;)
    {
      g_string_truncate (self->field, 0);

      if (self->pos < self->len && self->data[self->pos] == '"')
        {
          self->pos++;
          if (!read_quoted (self, fields->len, error))
            {
              *line = self->line;
              return FALSE;
            }
        }
      else
        {
          const char *p = self->data + self->pos;
          gsize left = self->len - self->pos;
          gsize run = 0;

          /* A quote inside an unquoted field is taken as it is, as
           * spreadsheets do. */
          while (run < left && p[run] != self->delimiter && p[run] != '\n' && p[run] != '\r')
            run++;
          g_string_append_len (self->field, p, (gssize) run);
          self->pos += run;
        }

      if (self->field->len > SOC_CSV_MAX_FIELD_LENGTH)
        {
          *line = self->line;
          g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_LIMIT,
                       _("Field %u is longer than %d MiB"), fields->len + 1,
                       SOC_CSV_MAX_FIELD_LENGTH >> 20);
          return FALSE;
        }
      if (fields->len >= SOC_CSV_MAX_COLUMNS)
        {
          *line = self->line;
          g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_LIMIT,
                       _("The record has more than %d fields"), SOC_CSV_MAX_COLUMNS);
          return FALSE;
        }
      g_ptr_array_add (fields, g_strndup (self->field->str, self->field->len));

      if (self->pos >= self->len)
        return TRUE;
      if (self->data[self->pos] == self->delimiter)
        {
          self->pos++;
          continue;
        }
      /* CRLF, LF or a lone CR ends the record. */
      if (self->data[self->pos] == '\r')
        self->pos++;
      if (self->pos < self->len && self->data[self->pos] == '\n')
        self->pos++;
      self->line++;
      return TRUE;
    }
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

void
soc_csv_append_field (GString    *out,
                      const char *value,
                      gboolean    first)
{
  gsize len = value != NULL ? strlen (value) : 0;
  gboolean quote = FALSE;

  if (!first)
    g_string_append_c (out, ',');
  if (len == 0)
    return;

  /* Spaces at either end are quoted too: some readers trim them otherwise. */
  quote = strpbrk (value, ",\"\r\n") != NULL ||
          value[0] == ' ' || value[0] == '\t' || value[len - 1] == ' ' || value[len - 1] == '\t';
  if (!quote)
    {
      g_string_append_len (out, value, (gssize) len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
soc_csv_end_record (GString *out)
{
  g_string_append (out, "\r\n");
}

/* A spreadsheet runs a cell that starts with one of these as a formula. */
static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* What a text cell holds for TEXT: TEXT itself, or TEXT after a ' when a
 * spreadsheet would take it for a formula (or when it starts with a ' that
 * the reader would remove). soc_csv_unguard_text() undoes it. */
char *
soc_csv_guard_text (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (is_formula_start (text[0]) ||
      (text[0] == '\'' && (is_formula_start (text[1]) || text[1] == '\'')))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

const char *
soc_csv_unguard_text (const char *cell)
{
  if (cell[0] == '\'' && (is_formula_start (cell[1]) || cell[1] == '\''))
    return cell + 1;
  return cell;
}

/* ------------------------------------------------------------------------ */
/* Stakeholders                                                             */

/* FORMAT.md's names, in the order they are written. */
static const char * const stakeholder_columns[] = {
  "id", "name", "kind", "profile", "department", "influence", "interest",
  "stance", "desired-stance", "roles", "topics", "engagement", NULL
};

const char * const *
soc_csv_stakeholder_columns (void)
{
  return stakeholder_columns;
}

static void
append_flags (GString *out,
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
        g_string_append (out, nick);
        first = FALSE;
      }
}

/* Every stakeholder with every field, under a header of the column names:
 * what soc_csv_import_prepare() reads back unchanged. */
GBytes *
soc_csv_export_stakeholders (SocDocument *document)
{
  GListModel *list;
  SocObjectClass *klass;
  const SocField *fields[G_N_ELEMENTS (stakeholder_columns)] = { NULL, };
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  list = soc_document_get_stakeholders (document);
  n = g_list_model_get_n_items (list);
  klass = g_type_class_ref (SOC_TYPE_STAKEHOLDER);
  out = g_string_sized_new (128 + (gsize) n * 160);

  g_string_append (out, "\xEF\xBB\xBF");
  for (guint c = 0; stakeholder_columns[c] != NULL; c++)
    {
      fields[c] = soc_object_class_find_field (klass, stakeholder_columns[c], strlen (stakeholder_columns[c]));
      g_assert (fields[c] != NULL || c == 0);
      soc_csv_append_field (out, stakeholder_columns[c], c == 0);
    }
  soc_csv_end_record (out);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SocObject) s = g_list_model_get_item (list, i);

      for (guint c = 0; stakeholder_columns[c] != NULL; c++)
        {
          const SocField *f = fields[c];
          gpointer p;

          if (f == NULL)
            {
              soc_csv_append_field (out, soc_object_get_id (s), TRUE);
              continue;
            }
          p = SOC_FIELD_PTR (s, f);
          g_string_truncate (cell, 0);
          switch (f->kind)
            {
            case SOC_FIELD_TEXT:
            case SOC_FIELD_STRING:
              {
                g_autofree char *guarded = soc_csv_guard_text (*(char **) p);
                g_string_append (cell, guarded);
              }
              break;
            case SOC_FIELD_ENUM:
              g_string_append (cell, soc_enum_to_nick (f->type (), *(int *) p));
              break;
            case SOC_FIELD_FLAGS:
              append_flags (cell, f->type (), *(guint *) p);
              break;
            case SOC_FIELD_INT:
              g_string_append_printf (cell, "%d", *(int *) p);
              break;
            case SOC_FIELD_COLOUR:
            case SOC_FIELD_DOUBLE:
            case SOC_FIELD_DATE:
            case SOC_FIELD_REF:
            case SOC_FIELD_REFLIST:
            default:
              g_assert_not_reached ();
            }
          soc_csv_append_field (out, cell->str, FALSE);
        }
      soc_csv_end_record (out);
    }

  g_type_class_unref (klass);
  return g_string_free_to_bytes (g_steal_pointer (&out));
}
