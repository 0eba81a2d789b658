/* soc-csv-import.c: stakeholders from a spreadsheet, checked, then applied
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing is two steps, so that the window can show what will happen
 * before it happens and an import is all or nothing: prepare reads the
 * whole file and checks every row against the plan, by the rules the edits
 * apply (soc_edit_check), changing nothing; apply then makes the changes
 * through soc_edit as one undo step.
 *
 * The first record is the header. Its names are matched to FORMAT.md's
 * field names whatever their order and case, with a space or an underscore
 * taken for a hyphen ("Desired stance" is desired-stance); columns it does
 * not know are ignored and listed. A row whose id names a stakeholder
 * updates it, a row without an id adds one. A column that is present sets
 * its field in every row, an empty cell meaning "not set" (the default, for
 * a kind, a number or a stance); a column that is absent leaves the field
 * as it is (as the default, for a new stakeholder). Rows with nothing in
 * them are skipped.
 */

#define G_LOG_DOMAIN "soc-csv-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-csv-import.h"
#include "soc-document-private.h"
#include "soc-edit-private.h"
#include "soc-enum-types.h"
#include "soc-reader.h"

typedef struct
{
  SocStakeholder *values;    /* owned: the stakeholder as the row has it */
  SocStakeholder *target;    /* owned reference: the one it updates, or NULL */
  guint           line;
  guint           changed;   /* one bit per field of the stakeholder's table */
} Entry;

typedef struct
{
  const SocField *field;     /* NULL for the id and for ignored columns */
  gboolean        is_id;
} Column;

struct _SocCsvImport
{
  GObject      parent_instance;

  SocDocument *document;
  char        *display_name;
  guint64      state;        /* the document's history state when prepared */
  guint64      checked;      /* the fields the columns set: checked when prepared (bit per field) */
  GArray      *entries;      /* Entry */
  GStrv        ignored;
  guint        n_added;
  guint        n_updated;
  guint        n_unchanged;
  gboolean     applied;
};

G_DEFINE_FINAL_TYPE (SocCsvImport, soc_csv_import, G_TYPE_OBJECT)

static void
entry_clear (Entry *entry)
{
  g_clear_object (&entry->values);
  g_clear_object (&entry->target);
}

static void
soc_csv_import_finalize (GObject *object)
{
  SocCsvImport *self = SOC_CSV_IMPORT (object);

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->ignored, g_strfreev);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (soc_csv_import_parent_class)->finalize (object);
}

static void
soc_csv_import_class_init (SocCsvImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = soc_csv_import_finalize;
}

static void
soc_csv_import_init (SocCsvImport *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
}

/* ------------------------------------------------------------------------ */
/* Cells                                                                    */

static gboolean
is_blank (const char *s)
{
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* A header name as FORMAT.md spells it: trimmed, lower case, hyphens. */
static char *
normalise_name (const char *cell)
{
  char *name = g_ascii_strdown (cell, -1);

  g_strstrip (name);
  for (char *p = name; *p != '\0'; p++)
    if (*p == ' ' || *p == '_')
      *p = '-';
  return name;
}

static char *
value_names (GType type)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (G_TYPE_IS_FLAGS (type))
    {
      GFlagsClass *klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
      g_type_class_unref (klass);
    }
  else
    {
      GEnumClass *klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
      g_type_class_unref (klass);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A whole number, allowing the ".0" a spreadsheet may add: the LEN bytes
 * at TEXT. */
static gboolean
parse_int (const char *text,
           gsize       len,
           int        *value)
{
  char buffer[32];
  g_autofree char *copy = NULL;
  char *digits = buffer;
  const char *dot = memchr (text, '.', len);
  gint64 v;

  if (dot != NULL)
    {
      for (const char *p = dot + 1; p < text + len; p++)
        if (*p != '0')
          return FALSE;
      len = (gsize) (dot - text);
    }
  if (len > 0 && text[0] == '+')
    {
      text++;
      len--;
    }
  /* On the stack, unless it is very long (leading zeros, say). */
  if (len >= sizeof buffer)
    digits = copy = g_malloc (len + 1);
  memcpy (digits, text, len);
  digits[len] = '\0';
  if (!g_ascii_string_to_signed (digits, 10, G_MININT, G_MAXINT, &v, NULL))
    return FALSE;
  *value = (int) v;
  return TRUE;
}

/* TEXT without the blanks around it: where it starts, its length in LEN. */
static const char *
trim (const char *text,
      gsize      *len)
{
  const char *end = text + strlen (text);

  while (g_ascii_isspace (*text))
    text++;
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  *len = (gsize) (end - text);
  return text;
}

/* Whether the LEN bytes at TOKEN name a value of TYPE, in any case: its
 * value in VALUE. Most cells are written as the nick is: copied only to
 * lower their case. */
static gboolean
value_from_token (GType       type,
                  const char *token,
                  gsize       len,
                  int        *value)
{
  g_autofree char *lower = NULL;

  for (gsize i = 0; i < len; i++)
    if (g_ascii_isupper (token[i]))
      {
        lower = g_ascii_strdown (token, (gssize) len);
        token = lower;
        break;
      }
  return soc_enum_from_nick (type, token, len, value);
}

/* Turns CELL into the value of FIELD; the format's own rules are checked
 * afterwards, by soc_edit_check_field(). Text is not copied: VALUE holds
 * CELL for as long as CELL lives. */
static gboolean
parse_cell (const SocField  *f,
            const char      *cell,
            GValue          *value,
            GError         **error)
{
  const char *text;
  gsize len;

  /* Text is kept as it is written. */
  if (f->kind == SOC_FIELD_TEXT || f->kind == SOC_FIELD_STRING)
    {
      text = soc_csv_unguard_text (cell);
      g_value_init (value, G_TYPE_STRING);
      g_value_set_static_string (value, text[0] != '\0' ? text : NULL);
      return TRUE;
    }

  /* Fifty thousand rows are a quarter of a million cells: no copies. */
  text = trim (cell, &len);
  switch (f->kind)
    {

    case SOC_FIELD_ENUM:
      {
        int v = f->default_value;

        if (len > 0 && !value_from_token (f->type (), text, len, &v))
          {
            g_autofree char *list = value_names (f->type ());
            g_autofree char *written = g_strndup (text, len);
            g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_INVALID,
                         _("“%s” is not a %s; use one of: %s"), written, _(f->label), list);
            return FALSE;
          }
        g_value_init (value, f->type ());
        g_value_set_enum (value, v);
        return TRUE;
      }

    case SOC_FIELD_FLAGS:
      {
        const char *end = text + len;
        guint flags = 0;

        while (text < end)
          {
            gsize n = strcspn (text, " \t;");
            int bit;

            n = MIN (n, (gsize) (end - text));
            if (n > 0 && !value_from_token (f->type (), text, n, &bit))
              {
                g_autofree char *list = value_names (f->type ());
                g_autofree char *written = g_strndup (text, n);
                g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_INVALID,
                             _("“%s” is not one of the %s; use any of: %s"), written, _(f->label), list);
                return FALSE;
              }
            if (n > 0)
              flags |= (guint) bit;
            text += n < (gsize) (end - text) ? n + 1 : n;
          }
        g_value_init (value, f->type ());
        g_value_set_flags (value, flags);
        return TRUE;
      }

    case SOC_FIELD_INT:
      {
        int v = f->default_value;

        if (len > 0 && !parse_int (text, len, &v))
          {
            g_autofree char *written = g_strndup (text, len);
            g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_INVALID,
                         _("The %s “%s” is not a whole number"), _(f->label), written);
            return FALSE;
          }
        g_value_init (value, G_TYPE_INT);
        g_value_set_int (value, v);
        return TRUE;
      }

    case SOC_FIELD_TEXT:
    case SOC_FIELD_STRING:
    case SOC_FIELD_COLOUR:
    case SOC_FIELD_DOUBLE:
    case SOC_FIELD_DATE:
    case SOC_FIELD_REF:
    case SOC_FIELD_REFLIST:
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------------ */
/* Preparing                                                                */

typedef struct
{
  SocCsvImport   *self;
  SocObjectClass *klass;
  GArray         *columns;   /* Column, one per header field */
  int             id_column;
  GHashTable     *seen;      /* id -> line of its row */
  guint           n_existing;
  guint           column;    /* of a problem: its field, from 1 (0: the row) */
} Prepare;

static gboolean
read_header (Prepare    *p,
             GPtrArray  *fields,
             GError    **error)
{
  const char * const *known = soc_csv_stakeholder_columns ();
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);
  gboolean has_name = FALSE;
  guint n_known = 0;

  for (guint i = 0; i < fields->len; i++)
    {
      const char *cell = g_ptr_array_index (fields, i);
      g_autofree char *name = normalise_name (cell);
      Column column = { NULL, FALSE };
      gboolean found = FALSE;

      for (guint k = 0; known[k] != NULL && !found; k++)
        found = g_str_equal (name, known[k]);

      if (found)
        {
          if (g_hash_table_contains (named, name))
            {
              g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_HEADER,
                           _("The header names the column “%s” twice"), name);
              p->column = i + 1;
              return FALSE;
            }
          n_known++;
          if (g_str_equal (name, "id"))
            {
              column.is_id = TRUE;
              p->id_column = (int) i;
            }
          else
            column.field = soc_object_class_find_field (p->klass, name, strlen (name));
          has_name = has_name || g_str_equal (name, "name");
          g_hash_table_add (named, g_steal_pointer (&name));
        }
      else if (!is_blank (cell))
        g_ptr_array_add (ignored, g_strdup (cell));

      if (column.field != NULL && column.field - p->klass->fields < 64)
        p->self->checked |= G_GUINT64_CONSTANT (1) << (column.field - p->klass->fields);
      g_array_append_val (p->columns, column);
    }

  if (n_known == 0)
    {
      g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_HEADER,
                   _("The first row names no stakeholder field, so it is not a header: the first row must name the columns, such as id, name, kind, profile, influence, interest, stance"));
      return FALSE;
    }
  if (p->id_column < 0 && !has_name)
    {
      g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_HEADER,
                   _("The header has neither an id nor a name column: a row could neither update a stakeholder nor name a new one"));
      return FALSE;
    }

  g_ptr_array_add (ignored, NULL);
  p->self->ignored = (GStrv) g_ptr_array_free (g_steal_pointer (&ignored), FALSE);
  return TRUE;
}

static void
copy_fields (SocObject      *to,
             SocObject      *from,
             SocObjectClass *klass)
{
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      g_auto(GValue) v = G_VALUE_INIT;

      g_value_init (&v, soc_object_class_field_pspec (klass, f)->value_type);
      soc_object_get_field (from, f, &v);
      soc_object_set_field (to, f, &v);
    }
}

static guint
changed_fields (SocObject      *values,
                SocObject      *target,
                SocObjectClass *klass)
{
  guint changed = 0;

  G_STATIC_ASSERT (sizeof changed * 8 >= 16);
  g_assert (klass->n_fields <= sizeof changed * 8);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      GParamSpec *pspec = soc_object_class_field_pspec (klass, f);
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      soc_object_get_field (values, f, &a);
      soc_object_get_field (target, f, &b);
      if (g_param_values_cmp (pspec, &a, &b) != 0)
        changed |= 1u << i;
    }
  return changed;
}

static gboolean
read_row (Prepare    *p,
          GPtrArray  *fields,
          guint       line,
          GError    **error)
{
  SocCsvImport *self = p->self;
  guint n_columns = p->columns->len;
  Entry entry = { NULL, NULL, line, 0 };
  gboolean blank = TRUE;

  for (guint i = 0; i < fields->len && blank; i++)
    blank = is_blank (g_ptr_array_index (fields, i));
  if (blank)
    return TRUE;

  if (fields->len < n_columns)
    {
      g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_INVALID,
                   _("This row has fewer fields than the header has columns (%u of %u): write an empty field for each missing value"),
                   fields->len, n_columns);
      return FALSE;
    }
  for (guint i = n_columns; i < fields->len; i++)
    if (!is_blank (g_ptr_array_index (fields, i)))
      {
        g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_INVALID,
                     _("Field %u of this row has a value, but the header names no column for it"), i + 1);
        p->column = i + 1;
        return FALSE;
      }

  if (p->id_column >= 0)
    {
      g_autofree char *id = g_strstrip (g_strdup (g_ptr_array_index (fields, p->id_column)));

      if (id[0] != '\0')
        {
          SocObject *object = soc_document_lookup (self->document, id);
          gpointer first_line;

          p->column = (guint) p->id_column + 1;   /* if it is wrong */
          if (g_hash_table_lookup_extended (p->seen, id, NULL, &first_line))
            {
              g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_INVALID,
                           _("The stakeholder “%s” is imported on line %u already"),
                           id, GPOINTER_TO_UINT (first_line));
              return FALSE;
            }
          if (object == NULL)
            {
              g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_INVALID,
                           _("No stakeholder in this plan has the id “%s”: leave the id empty to add a new stakeholder"),
                           id);
              return FALSE;
            }
          if (!SOC_IS_STAKEHOLDER (object))
            {
              g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_INVALID,
                           _("The id “%s” belongs to something in this plan that is not a stakeholder"), id);
              return FALSE;
            }
          g_hash_table_insert (p->seen, g_steal_pointer (&id), GUINT_TO_POINTER (line));
          entry.target = g_object_ref (SOC_STAKEHOLDER (object));
          p->column = 0;
        }
    }

  entry.values = soc_stakeholder_new (SOC_STAKEHOLDER_KIND_PERSON);
  if (entry.target != NULL)
    copy_fields (SOC_OBJECT (entry.values), SOC_OBJECT (entry.target), p->klass);

  for (guint i = 0; i < n_columns; i++)
    {
      const Column *column = &g_array_index (p->columns, Column, i);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) rule = NULL;

      if (column->field == NULL)
        continue;
      if (!parse_cell (column->field, g_ptr_array_index (fields, i), &value, error))
        {
          entry_clear (&entry);
          p->column = i + 1;
          return FALSE;
        }
      if (!soc_edit_check_field (self->document, SOC_OBJECT (entry.values), column->field, &value, &rule))
        {
          entry_clear (&entry);
          g_set_error_literal (error, SOC_CSV_ERROR, SOC_CSV_ERROR_INVALID, rule->message);
          p->column = i + 1;
          return FALSE;
        }
      soc_object_set_field (SOC_OBJECT (entry.values), column->field, &value);
    }

  if (entry.target == NULL)
    {
      const char *name = soc_stakeholder_get_name (entry.values);

      if (name == NULL || is_blank (name))
        {
          entry_clear (&entry);
          g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_INVALID,
                       _("A new stakeholder needs a name"));
          return FALSE;
        }
      if ((gsize) p->n_existing + self->n_added + 1 > SOC_MAX_OBJECTS)
        {
          entry_clear (&entry);
          g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_LIMIT,
                       _("A plan holds at most %d stakeholders"), SOC_MAX_OBJECTS);
          return FALSE;
        }
      self->n_added++;
    }
  else
    {
      entry.changed = changed_fields (SOC_OBJECT (entry.values), SOC_OBJECT (entry.target), p->klass);
      if (entry.changed != 0)
        self->n_updated++;
      else
        self->n_unchanged++;
    }

  g_array_append_val (self->entries, entry);
  return TRUE;
}

/* Reads BYTES, a CSV file called DISPLAY_NAME, and checks every row
 * against DOCUMENT, changing nothing. On a problem returns NULL with ERROR
 * set (SOC_CSV_ERROR), LINE the line of the problem (from 1; 0 when it is
 * about the whole file) and COLUMN its field in the row, counted from 1
 * as a spreadsheet counts columns (0 when it is about the whole row). */
SocCsvImport *
soc_csv_import_prepare (SocDocument  *document,
                        GBytes       *bytes,
                        const char   *display_name,
                        guint        *line,
                        guint        *column,
                        GError      **error)
{
  g_autoptr(SocCsvImport) self = NULL;
  g_autoptr(SocCsvReader) reader = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  Prepare p = { NULL, };
  const char *data;
  gsize len;
  guint row_line = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (line != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  *line = 0;
  *column = 0;
  data = g_bytes_get_data (bytes, &len);
  reader = soc_csv_reader_new (data != NULL ? data : "", len, line, error);
  if (reader == NULL)
    return NULL;

  self = g_object_new (SOC_TYPE_CSV_IMPORT, NULL);
  self->document = g_object_ref (document);
  self->display_name = g_strdup (display_name != NULL ? display_name : "");
  self->state = soc_history_get_state (soc_document_get_history (document));

  p.self = self;
  p.klass = g_type_class_ref (SOC_TYPE_STAKEHOLDER);
  p.columns = g_array_new (FALSE, FALSE, sizeof (Column));
  p.id_column = -1;
  p.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.n_existing = g_list_model_get_n_items (soc_document_get_stakeholders (document));

  if (!soc_csv_reader_next (reader, fields, &row_line, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, SOC_CSV_ERROR, SOC_CSV_ERROR_HEADER,
                     _("The file is empty: it needs a header row that names the columns, such as id, name, kind, profile, stance"));
      else
        p.column = fields->len + 1;
      goto out;
    }
  if (!read_header (&p, fields, &local_error))
    goto out;

  for (;;)
    {
      if (!soc_csv_reader_next (reader, fields, &row_line, &local_error))
        {
          ok = local_error == NULL;
          /* The reader stopped in the field after those it read. */
          if (!ok)
            p.column = fields->len + 1;
          break;
        }
      if (!read_row (&p, fields, row_line, &local_error))
        break;
    }

out:
  g_type_class_unref (p.klass);
  g_array_unref (p.columns);
  g_hash_table_unref (p.seen);

  if (!ok)
    {
      *line = row_line;
      *column = p.column;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------------ */
/* What the import will do                                                  */

/* The rows that hold something, in file order. */
guint
soc_csv_import_get_n_rows (SocCsvImport *self)
{
  g_return_val_if_fail (SOC_IS_CSV_IMPORT (self), 0);
  return self->entries->len;
}

guint
soc_csv_import_get_n_added (SocCsvImport *self)
{
  g_return_val_if_fail (SOC_IS_CSV_IMPORT (self), 0);
  return self->n_added;
}

guint
soc_csv_import_get_n_updated (SocCsvImport *self)
{
  g_return_val_if_fail (SOC_IS_CSV_IMPORT (self), 0);
  return self->n_updated;
}

guint
soc_csv_import_get_n_unchanged (SocCsvImport *self)
{
  g_return_val_if_fail (SOC_IS_CSV_IMPORT (self), 0);
  return self->n_unchanged;
}

/* The header's names that are not stakeholder fields, as written. */
const char * const *
soc_csv_import_get_ignored_columns (SocCsvImport *self)
{
  g_return_val_if_fail (SOC_IS_CSV_IMPORT (self), NULL);
  return (const char * const *) self->ignored;
}

SocCsvAction
soc_csv_import_get_action (SocCsvImport *self,
                           guint         row)
{
  Entry *entry;

  g_return_val_if_fail (SOC_IS_CSV_IMPORT (self), SOC_CSV_ACTION_UNCHANGED);
  g_return_val_if_fail (row < self->entries->len, SOC_CSV_ACTION_UNCHANGED);

  entry = &g_array_index (self->entries, Entry, row);
  if (entry->target == NULL)
    return SOC_CSV_ACTION_ADD;
  return entry->changed != 0 ? SOC_CSV_ACTION_UPDATE : SOC_CSV_ACTION_UNCHANGED;
}

/* The line ROW starts on in the file. */
guint
soc_csv_import_get_line (SocCsvImport *self,
                         guint         row)
{
  g_return_val_if_fail (SOC_IS_CSV_IMPORT (self), 0);
  g_return_val_if_fail (row < self->entries->len, 0);
  return g_array_index (self->entries, Entry, row).line;
}

/* The stakeholder as ROW will make it. Not part of the plan before the
 * import is applied; for an added row, the very object that is added. */
SocStakeholder *
soc_csv_import_get_values (SocCsvImport *self,
                           guint         row)
{
  g_return_val_if_fail (SOC_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->entries->len, NULL);
  return g_array_index (self->entries, Entry, row).values;
}

/* The stakeholder ROW updates, or NULL when it adds one. */
SocStakeholder *
soc_csv_import_get_target (SocCsvImport *self,
                           guint         row)
{
  g_return_val_if_fail (SOC_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->entries->len, NULL);
  return g_array_index (self->entries, Entry, row).target;
}

/* The names of the fields ROW changes, for people ("influence, stance"),
 * or NULL when it changes none. */
char *
soc_csv_import_describe_changes (SocCsvImport *self,
                                 guint         row)
{
  g_autoptr(GString) out = NULL;
  SocObjectClass *klass;
  Entry *entry;

  g_return_val_if_fail (SOC_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->entries->len, NULL);

  entry = &g_array_index (self->entries, Entry, row);
  if (entry->changed == 0)
    return NULL;

  klass = SOC_OBJECT_GET_CLASS (entry->values);
  out = g_string_new (NULL);
  for (guint i = 0; i < klass->n_fields; i++)
    if (entry->changed & (1u << i))
      {
        if (out->len > 0)
          /* Translators: between the names of fields in a list */
          g_string_append (out, _(", "));
        g_string_append (out, _(klass->fields[i].label));
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Applying                                                                 */

static gboolean
apply_entry (SocCsvImport  *self,
             Entry         *entry,
             GError       **error)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (entry->values);

  if (entry->target == NULL)
    {
      guint end = g_list_model_get_n_items (soc_document_get_stakeholders (self->document));
      /* Every field a column set was checked when the import was
       * prepared, against the plan as it still is (apply refuses
       * otherwise); the rest are a new stakeholder's defaults. */
      return _soc_edit_add_checked (self->document, SOC_OBJECT (entry->values), NULL, end, self->checked, error) != NULL;
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      g_auto(GValue) v = G_VALUE_INIT;

      if (!(entry->changed & (1u << i)))
        continue;
      g_value_init (&v, soc_object_class_field_pspec (klass, f)->value_type);
      soc_object_get_field (SOC_OBJECT (entry->values), f, &v);
      if (!soc_edit_set (self->document, SOC_OBJECT (entry->target), f->name, &v, error))
        return FALSE;
    }
  return TRUE;
}

/* Makes the changes, as one undo step. Refuses, changing nothing, if the
 * plan changed since the import was prepared, or if it was applied. */
gboolean
soc_csv_import_apply (SocCsvImport  *self,
                      GError       **error)
{
  SocHistory *history;
  g_autofree char *label = NULL;
  guint64 before;
  gboolean ok = TRUE;

  g_return_val_if_fail (SOC_IS_CSV_IMPORT (self), FALSE);

  history = soc_document_get_history (self->document);
  if (self->applied || soc_history_get_state (history) != self->state)
    {
      g_set_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_CHANGED,
                   _("The plan changed after the file was read: import the file again"));
      return FALSE;
    }
  self->applied = TRUE;

  label = g_strdup_printf (_("Import stakeholders from “%s”"), self->display_name);
  before = soc_history_get_state (history);
  soc_document_begin_group (self->document, label);
  for (guint i = 0; i < self->entries->len && ok; i++)
    ok = apply_entry (self, &g_array_index (self->entries, Entry, i), error);
  soc_document_end_group (self->document);

  /* Every value was checked by the same rules: this is a defect, but the
   * plan still goes back to where it was. */
  if (!ok && soc_history_get_state (history) != before)
    {
      g_critical ("An import checked row by row failed when applied");
      soc_document_undo (self->document);
    }
  return ok;
}
