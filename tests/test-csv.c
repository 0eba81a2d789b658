/* test-csv.c: stakeholders in and out of spreadsheets
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soc-csv-import.h"
#include "soc-edit.h"
#include "soc-enum-types.h"
#include "soc-test-util.h"

/* ------------------------------------------------------------------------ */
/* The reader against tricky inputs                                         */

typedef void (*CheckFunc) (SocCsvImport *import);

typedef struct
{
  const char *name;
  const char *input;
  gsize       len;         /* 0: strlen (input) */
  int         error;       /* a SocCsvError, or -1 for none */
  guint       line;        /* where the error is */
  guint       added;
  guint       updated;
  guint       unchanged;
  CheckFunc   check;
  guint       column;      /* the field of the error, from 1 (0: the row, the file) */
} Case;

static SocStakeholder *
row_values (SocCsvImport *import,
            guint         row)
{
  return soc_csv_import_get_values (import, row);
}

static char *
text (SocStakeholder *s,
      const char     *field)
{
  char *value = NULL;

  g_object_get (s, field, &value, NULL);
  return value;
}

static int
number (SocStakeholder *s,
        const char     *field)
{
  int value = 0;

  g_object_get (s, field, &value, NULL);
  return value;
}

static guint
flags (SocStakeholder *s,
       const char     *field)
{
  guint value = 0;

  g_object_get (s, field, &value, NULL);
  return value;
}

static void
check_quotes (SocCsvImport *import)
{
  g_autofree char *name = text (row_values (import, 0), "name");
  g_autofree char *department = text (row_values (import, 0), "department");

  g_assert_cmpstr (name, ==, "Lindqvist, Maria");
  g_assert_cmpstr (department, ==, "The \"A\" board");
}

static void
check_newline_lf (SocCsvImport *import)
{
  g_autofree char *engagement = text (row_values (import, 0), "engagement");

  g_assert_cmpstr (engagement, ==, "Line one,\nline two");
  g_assert_cmpuint (soc_csv_import_get_line (import, 0), ==, 2);
  g_assert_cmpuint (soc_csv_import_get_line (import, 1), ==, 4);
}

static void
check_newline_crlf (SocCsvImport *import)
{
  g_autofree char *engagement = text (row_values (import, 0), "engagement");

  /* A line break inside quotes is kept as it was written. */
  g_assert_cmpstr (engagement, ==, "One\r\ntwo");
  g_assert_cmpuint (soc_csv_import_get_line (import, 1), ==, 4);
}

static void
check_lone_cr (SocCsvImport *import)
{
  g_autofree char *first = text (row_values (import, 0), "name");
  g_autofree char *second = text (row_values (import, 1), "name");

  g_assert_cmpstr (first, ==, "Ann");
  g_assert_cmpstr (second, ==, "Bo");
  g_assert_cmpuint (soc_csv_import_get_line (import, 1), ==, 3);
}

static void
check_empty_fields (SocCsvImport *import)
{
  SocStakeholder *s = row_values (import, 0);
  g_autofree char *department = text (s, "department");
  g_autofree char *changes = soc_csv_import_describe_changes (import, 0);

  /* Present and empty: not set, or the default. */
  g_assert_null (department);
  g_assert_cmpint (number (s, "influence"), ==, 0);
  g_assert_cmpint (soc_stakeholder_get_stance (s), ==, SOC_STANCE_NEUTRAL);
  g_assert_cmpstr (changes, ==, "influence, stance, department");
  /* Absent: as it was. */
  g_assert_cmpint (number (s, "interest"), ==, 70);
  g_assert_true (soc_csv_import_get_target (import, 0) != NULL);
}

static void
check_header_any_order (SocCsvImport *import)
{
  SocStakeholder *s = row_values (import, 0);

  g_assert_cmpint (soc_stakeholder_get_stance (s), ==, SOC_STANCE_SUPPORTER);
  g_assert_cmpint (number (s, "desired-stance"), ==, SOC_STANCE_CHAMPION);
  g_assert_cmpint (soc_stakeholder_get_profile (s), ==, SOC_PROFILE_LEADERSHIP);
  g_assert_cmpint (number (s, "kind"), ==, SOC_STAKEHOLDER_KIND_GROUP);
}

static void
check_ignored (SocCsvImport *import)
{
  const char * const *ignored = soc_csv_import_get_ignored_columns (import);

  g_assert_cmpuint (g_strv_length ((char **) ignored), ==, 2);
  g_assert_cmpstr (ignored[0], ==, "Phone");
  g_assert_cmpstr (ignored[1], ==, "Notes");
}

static void
check_tokens (SocCsvImport *import)
{
  g_assert_cmpuint (flags (row_values (import, 0), "roles"), ==, SOC_ROLES_ADVOCATE | SOC_ROLES_OWNER);
  g_assert_cmpuint (flags (row_values (import, 0), "topics"), ==,
                    SOC_TOPICS_BUSINESS_CASE | SOC_TOPICS_GOALS | SOC_TOPICS_TOOLS);
  g_assert_cmpuint (flags (row_values (import, 1), "roles"), ==, 0);
}

static void
check_trimmed (SocCsvImport *import)
{
  g_autofree char *name = text (row_values (import, 0), "name");

  g_assert_cmpint (soc_stakeholder_get_stance (row_values (import, 0)), ==, SOC_STANCE_SUPPORTER);
  g_assert_cmpint (number (row_values (import, 0), "interest"), ==, 40);
  /* Text is kept as written, spaces and all. */
  g_assert_cmpstr (name, ==, " Ann ");
}

static void
check_stray_quote (SocCsvImport *import)
{
  g_autofree char *name = text (row_values (import, 0), "name");

  g_assert_cmpstr (name, ==, "The 5\" screen team");
}

static void
check_semicolons (SocCsvImport *import)
{
  g_autofree char *name = text (row_values (import, 0), "name");

  g_assert_cmpstr (name, ==, "Ann, the lead");
  g_assert_cmpuint (flags (row_values (import, 0), "roles"), ==, SOC_ROLES_ADVOCATE | SOC_ROLES_OWNER);
}

static void
check_formula (SocCsvImport *import)
{
  g_autofree char *first = text (row_values (import, 0), "name");
  g_autofree char *second = text (row_values (import, 1), "name");
  g_autofree char *third = text (row_values (import, 2), "name");

  g_assert_cmpstr (first, ==, "=SUM(A1:A9)");
  g_assert_cmpstr (second, ==, "'quoted'");
  g_assert_cmpstr (third, ==, "'=x");
}

static void
check_update (SocCsvImport *import)
{
  g_autofree char *changes = soc_csv_import_describe_changes (import, 0);

  g_assert_cmpint (soc_csv_import_get_action (import, 0), ==, SOC_CSV_ACTION_UPDATE);
  g_assert_cmpint (soc_csv_import_get_action (import, 1), ==, SOC_CSV_ACTION_UNCHANGED);
  g_assert_cmpint (soc_csv_import_get_action (import, 2), ==, SOC_CSV_ACTION_ADD);
  g_assert_cmpstr (changes, ==, "stance");
  g_assert_null (soc_csv_import_describe_changes (import, 1));
}

#define C(s) s, sizeof s - 1

static const Case cases[] = {
  { "quotes-with-commas-and-quotes", C ("name,department\r\n\"Lindqvist, Maria\",\"The \"\"A\"\" board\"\r\n"), -1, 0, 1, 0, 0, check_quotes },
  { "quoted-newline-lf", C ("name,engagement\nAnn,\"Line one,\nline two\"\nBo,\n"), -1, 0, 2, 0, 0, check_newline_lf },
  { "quoted-newline-crlf", C ("name,engagement\r\nAnn,\"One\r\ntwo\"\r\nBo,\r\n"), -1, 0, 2, 0, 0, check_newline_crlf },
  { "crlf", C ("name\r\nAnn\r\nBo\r\n"), -1, 0, 2, 0, 0, NULL },
  { "lf", C ("name\nAnn\nBo\n"), -1, 0, 2, 0, 0, NULL },
  { "lone-cr", C ("name\rAnn\rBo\r"), -1, 0, 2, 0, 0, check_lone_cr },
  { "no-final-line-break", C ("name\nAnn\nBo"), -1, 0, 2, 0, 0, NULL },
  { "bom", C ("\xEF\xBB\xBFname,stance\r\nAnn,neutral\r\n"), -1, 0, 1, 0, 0, NULL },
  { "empty-fields", C ("id,department,influence,stance\ns1,,,\n"), -1, 0, 0, 1, 0, check_empty_fields },
  { "empty-rows-skipped", C ("name,stance\nAnn,\n\n,\n  ,  \nBo,\n"), -1, 0, 2, 0, 0, NULL },
  { "missing-columns", C ("name,department,stance\nAnn,Sales,neutral\nBo,Sales\n"), SOC_CSV_ERROR_INVALID, 3, 0, 0, 0, NULL },
  { "extra-empty-columns", C ("name,stance\nAnn,neutral,,\n"), -1, 0, 1, 0, 0, NULL },
  { "extra-column-with-value", C ("name,stance\nAnn,neutral\nBo,neutral,x\n"), SOC_CSV_ERROR_INVALID, 3, 0, 0, 0, NULL, 3 },
  { "invalid-utf8", C ("name\nAnn\nJos\xe9\n"), SOC_CSV_ERROR_ENCODING, 3, 0, 0, 0, NULL },
  { "invalid-utf8-after-quoted-newline", C ("name,engagement\nAnn,\"a\nb\"\n\xff\n"), SOC_CSV_ERROR_ENCODING, 4, 0, 0, 0, NULL },
  { "nul-byte", C ("name\nAnn\nB\0o\n"), SOC_CSV_ERROR_ENCODING, 3, 0, 0, 0, NULL },
  { "utf16", C ("\xff\xfen\0a\0m\0e\0"), SOC_CSV_ERROR_ENCODING, 1, 0, 0, 0, NULL },
  { "header-only", C ("id,name,kind,profile,stance\r\n"), -1, 0, 0, 0, 0, NULL },
  { "no-header", C ("Ann,leadership,90\nBo,management,40\n"), SOC_CSV_ERROR_HEADER, 1, 0, 0, 0, NULL },
  { "empty-file", C (""), SOC_CSV_ERROR_HEADER, 1, 0, 0, 0, NULL },
  { "bom-only", C ("\xEF\xBB\xBF"), SOC_CSV_ERROR_HEADER, 1, 0, 0, 0, NULL },
  { "header-any-order-and-case", C ("Stance,NAME,Desired Stance,profile,KIND\nSupporter,Ann,CHAMPION,Leadership,group\n"), -1, 0, 1, 0, 0, check_header_any_order },
  { "header-column-twice", C ("name,stance,Name\n"), SOC_CSV_ERROR_HEADER, 1, 0, 0, 0, NULL, 3 },
  { "header-without-id-or-name", C ("stance,influence\nneutral,4\n"), SOC_CSV_ERROR_HEADER, 1, 0, 0, 0, NULL },
  { "unknown-columns-ignored", C ("Phone,name,Notes,\n555,Ann,likes tea,\n"), -1, 0, 1, 0, 0, check_ignored },
  { "tokens-spaces-and-semicolons", C ("name,roles,topics\nAnn,\"advocate; owner\",business-case;goals  tools\nBo,,\n"), -1, 0, 2, 0, 0, check_tokens },
  { "unknown-token", C ("name,roles\nAnn,advocate\nBo,sponsor\n"), SOC_CSV_ERROR_INVALID, 3, 0, 0, 0, NULL, 2 },
  { "unknown-enum", C ("name,stance\nAnn,\nBo,enemy\n"), SOC_CSV_ERROR_INVALID, 3, 0, 0, 0, NULL, 2 },
  { "out-of-range", C ("name,influence\nAnn,101\n"), SOC_CSV_ERROR_INVALID, 2, 0, 0, 0, NULL, 2 },
  { "negative", C ("name,influence\nAnn,-1\n"), SOC_CSV_ERROR_INVALID, 2, 0, 0, 0, NULL, 2 },
  { "not-a-number", C ("name,interest\nAnn,high\n"), SOC_CSV_ERROR_INVALID, 2, 0, 0, 0, NULL, 2 },
  { "fraction", C ("name,interest\nAnn,40.5\n"), SOC_CSV_ERROR_INVALID, 2, 0, 0, 0, NULL, 2 },
  { "values-trimmed-text-kept", C ("name,stance,interest\n Ann , Supporter ,40.0\n"), -1, 0, 1, 0, 0, check_trimmed },
  { "update-by-id", C ("id,name,stance\ns2,Community managers,champion\ns1,Maria Lindqvist,supporter\n,Ann,\n"), -1, 0, 1, 1, 1, check_update },
  { "unknown-id", C ("id,name\ns99,Ann\n"), SOC_CSV_ERROR_INVALID, 2, 0, 0, 0, NULL, 1 },
  { "id-of-a-goal", C ("id,name\ng1,Ann\n"), SOC_CSV_ERROR_INVALID, 2, 0, 0, 0, NULL, 1 },
  { "id-twice", C ("id,stance\ns1,neutral\ns2,neutral\ns1,champion\n"), SOC_CSV_ERROR_INVALID, 4, 0, 0, 0, NULL, 1 },
  { "new-without-name", C ("id,name,stance\n,,champion\n"), SOC_CSV_ERROR_INVALID, 2, 0, 0, 0, NULL },
  { "quote-never-closed", C ("name,engagement\nAnn,ok\nBo,\"never\nclosed\n"), SOC_CSV_ERROR_SYNTAX, 3, 0, 0, 0, NULL, 2 },
  { "text-after-closing-quote", C ("name\n\"Ann\"x\n"), SOC_CSV_ERROR_SYNTAX, 2, 0, 0, 0, NULL, 1 },
  { "quote-inside-unquoted-field", C ("name\nThe 5\" screen team\n"), -1, 0, 1, 0, 0, check_stray_quote },
  { "semicolon-delimited", C ("name;stance;roles\n\"Ann, the lead\";supporter;\"advocate;owner\"\n"), -1, 0, 1, 0, 0, check_semicolons },
  { "control-character", C ("name\nAnn\x01\n"), SOC_CSV_ERROR_INVALID, 2, 0, 0, 0, NULL, 1 },
  { "line-after-quoted-newlines", C ("name,stance\n\"Ann\nand\nBo\",neutral\nCy,enemy\n"), SOC_CSV_ERROR_INVALID, 5, 0, 0, 0, NULL, 2 },
  { "formula-guard", C ("name\n'=SUM(A1:A9)\n'quoted'\n''=x\n"), -1, 0, 3, 0, 0, check_formula },
};

static void
test_tricky (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(SocDocument) doc = soc_test_load_fixture ("small.socplan");
  g_autofree char *before = soc_test_serialize (doc);
  g_autofree char *after = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (c->input, c->len);
  g_autoptr(SocCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 12345, column = 12345;

  import = soc_csv_import_prepare (doc, bytes, "test.csv", &line, &column, &error);
  if (c->error >= 0)
    {
      g_assert_null (import);
      g_assert_error (error, SOC_CSV_ERROR, c->error);
      g_assert_cmpuint (line, ==, c->line);
      g_assert_cmpuint (column, ==, c->column);
      g_test_message ("%s: line %u, column %u: %s", c->name, line, column, error->message);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_nonnull (import);
      g_assert_cmpuint (line, ==, 0);
      g_assert_cmpuint (column, ==, 0);
      g_assert_cmpuint (soc_csv_import_get_n_added (import), ==, c->added);
      g_assert_cmpuint (soc_csv_import_get_n_updated (import), ==, c->updated);
      g_assert_cmpuint (soc_csv_import_get_n_unchanged (import), ==, c->unchanged);
      g_assert_cmpuint (soc_csv_import_get_n_rows (import), ==, c->added + c->updated + c->unchanged);
      if (c->check != NULL)
        c->check (import);
    }

  /* Reading never changes the plan. */
  after = soc_test_serialize (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (soc_document_get_modified (doc));
}

/* Limits: a field over 1 MiB, a record over 1,024 fields. */
static void
test_limits (void)
{
  g_autoptr(SocDocument) doc = soc_test_load_fixture ("small.socplan");
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;

  {
    g_autoptr(GString) csv = g_string_new ("name,engagement\nAnn,");
    g_autoptr(GBytes) bytes = NULL;

    for (guint i = 0; i < SOC_CSV_MAX_FIELD_LENGTH + 1; i++)
      g_string_append_c (csv, 'x');
    g_string_append (csv, "\n");
    bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
    g_assert_null (soc_csv_import_prepare (doc, bytes, "long.csv", &line, &column, &error));
    g_assert_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_LIMIT);
    g_assert_cmpuint (line, ==, 2);
    g_assert_cmpuint (column, ==, 2);
    g_clear_error (&error);
  }
  {
    g_autoptr(GString) csv = g_string_new ("name");
    g_autoptr(GBytes) bytes = NULL;

    for (guint i = 0; i < SOC_CSV_MAX_COLUMNS; i++)
      g_string_append (csv, ",x");
    g_string_append (csv, "\n");
    bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
    g_assert_null (soc_csv_import_prepare (doc, bytes, "wide.csv", &line, &column, &error));
    g_assert_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_LIMIT);
    g_assert_cmpuint (line, ==, 1);
    g_assert_cmpuint (column, ==, SOC_CSV_MAX_COLUMNS + 1);
    g_clear_error (&error);
  }
  {
    /* A field of exactly 1 MiB is fine. */
    g_autoptr(GString) csv = g_string_new ("name,engagement\nAnn,\"");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(SocCsvImport) import = NULL;

    for (guint i = 0; i < SOC_CSV_MAX_FIELD_LENGTH; i++)
      g_string_append_c (csv, i % 100 == 99 ? '\n' : 'x');
    g_string_append (csv, "\"\n");
    bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
    import = soc_csv_import_prepare (doc, bytes, "long.csv", &line, &column, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soc_csv_import_get_n_added (import), ==, 1);
  }
}

/* 100,000 rows, with every field, read, checked and applied. */
static void
test_many_rows (void)
{
  g_autoptr(SocDocument) doc = soc_test_load_fixture ("small.socplan");
  g_autoptr(GString) csv = g_string_new ("name,kind,profile,department,influence,interest,stance,desired-stance,roles,topics,engagement\r\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SocCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list = soc_document_get_stakeholders (doc);
  guint line = 0, column = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (csv, "\"Person %u, %s\",person,management,Dept %u,%u,%u,supporter,champion,advocate,goals tools,\"Call\nweekly\"\r\n",
                            i, i % 2 ? "jr" : "sr", i % 50, i % 101, (i * 7) % 101);
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));

  import = soc_csv_import_prepare (doc, bytes, "many.csv", &line, &column, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soc_csv_import_get_n_added (import), ==, 100000);
  g_assert_cmpuint (soc_csv_import_get_line (import, 99999), ==, 1 + 2 * 99999 + 1);
  g_assert_true (soc_csv_import_apply (import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 100002);
  g_assert_cmpuint (soc_history_get_n_steps (soc_document_get_history (doc)), ==, 1);
  {
    g_autoptr(SocStakeholder) last = g_list_model_get_item (list, 100001);
    g_assert_cmpstr (soc_stakeholder_get_name (last), ==, "Person 99999, jr");
  }
}

/* ------------------------------------------------------------------------ */
/* Import and export together                                               */

/* The export, with the id of every record but the header's left empty. */
static GBytes *
export_without_ids (SocDocument *doc)
{
  g_autoptr(GBytes) bytes = soc_csv_export_stakeholders (doc);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(SocCsvReader) reader = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint line = 0;

  reader = soc_csv_reader_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &line, &error);
  g_assert_no_error (error);
  while (soc_csv_reader_next (reader, fields, &line, &error))
    {
      for (guint i = 0; i < fields->len; i++)
        soc_csv_append_field (out, i == 0 && line > 1 ? "" : g_ptr_array_index (fields, i), i == 0);
      soc_csv_end_record (out);
    }
  g_assert_no_error (error);
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static void
import_all (SocDocument *doc,
            GBytes      *bytes)
{
  g_autoptr(SocCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;

  import = soc_csv_import_prepare (doc, bytes, "round.csv", &line, &column, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_assert_true (soc_csv_import_apply (import, &error));
  g_assert_no_error (error);
}

/* Exported stakeholders, imported into a new plan, export the same bytes. */
static void
test_round_trip_example (void)
{
  g_autofree char *path = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (path);
  g_autoptr(SocDocument) fresh = soc_document_new ();
  g_autoptr(GBytes) original = soc_csv_export_stakeholders (doc);
  g_autoptr(GBytes) without_ids = export_without_ids (doc);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(SocCsvImport) same = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;

  /* Into the plan it came from: nothing changes. */
  same = soc_csv_import_prepare (doc, original, "same.csv", &line, &column, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soc_csv_import_get_n_unchanged (same), ==, 27);
  g_assert_cmpuint (soc_csv_import_get_n_added (same) + soc_csv_import_get_n_updated (same), ==, 0);

  /* Into a new plan: every field, and the ids come out the same too. */
  import_all (fresh, without_ids);
  again = soc_csv_export_stakeholders (fresh);
  g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                   g_bytes_get_data (original, NULL), g_bytes_get_size (original));
}

static void
add_stakeholder (SocDocument  *doc,
                 const char   *name,
                 const char   *department,
                 const char   *engagement,
                 int           kind,
                 int           profile,
                 int           influence,
                 int           interest,
                 int           stance,
                 int           desired,
                 guint         roles,
                 guint         topics)
{
  g_autoptr(SocStakeholder) s = soc_stakeholder_new (kind);
  g_autoptr(GError) error = NULL;

  g_object_set (s, "name", name, "department", department, "engagement", engagement,
                "profile", profile, "influence", influence, "interest", interest,
                "stance", stance, "desired-stance", desired, "roles", roles, "topics", topics, NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (s), NULL, G_MAXUINT, &error));
  g_assert_no_error (error);
}

/* Every field with awkward values survives export and import. */
static void
test_round_trip_every_field (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  g_autoptr(SocDocument) fresh = soc_document_new ();
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) without_ids = NULL;
  g_autofree char *plan_before = NULL;
  g_autofree char *plan_after = NULL;

  add_stakeholder (doc, "Lindqvist, Maria \"the sponsor\"", "Board; Strategy", "Line one\nline two\r\nline three",
                   SOC_STAKEHOLDER_KIND_PERSON, SOC_PROFILE_LEADERSHIP, 100, 0, SOC_STANCE_CHAMPION, SOC_STANCE_BLOCKER,
                   SOC_ROLES_EXECUTIVE_SPONSOR | SOC_ROLES_ADVOCATE | SOC_ROLES_EVANGELIST | SOC_ROLES_OWNER, 0x3ff);
  add_stakeholder (doc, "=HYPERLINK(\"http://example.com\")", "+49 team", "-minus\t@at",
                   SOC_STAKEHOLDER_KIND_GROUP, SOC_PROFILE_CUSTOMERS, 0, 100, SOC_STANCE_BLOCKER, SOC_STANCE_SCEPTIC, 0, 0);
  add_stakeholder (doc, "  spaces  ", "'apostrophe", "''two", SOC_STAKEHOLDER_KIND_PERSON, SOC_PROFILE_PARTNERS,
                   50, 50, SOC_STANCE_SCEPTIC, SOC_STANCE_NEUTRAL, SOC_ROLES_OWNER, SOC_TOPICS_FEEDBACK);
  add_stakeholder (doc, "Ærøskøbing 東京 🙂", NULL, NULL, SOC_STAKEHOLDER_KIND_PERSON, SOC_PROFILE_OBSERVERS,
                   1, 99, SOC_STANCE_NEUTRAL, SOC_STANCE_NEUTRAL, 0, SOC_TOPICS_TOOLS);

  original = soc_csv_export_stakeholders (doc);
  without_ids = export_without_ids (doc);
  import_all (fresh, without_ids);
  again = soc_csv_export_stakeholders (fresh);
  g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                   g_bytes_get_data (original, NULL), g_bytes_get_size (original));

  /* And the stakeholders themselves are equal, field by field. */
  plan_before = soc_test_serialize (doc);
  plan_after = soc_test_serialize (fresh);
  g_assert_cmpstr (strstr (plan_after, "<stakeholders>"), ==, strstr (plan_before, "<stakeholders>"));

  /* What a spreadsheet would run is guarded, what is plain is not. */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (original, NULL), -1, ",\"'=HYPERLINK(\"\"http://example.com\"\")\","));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (original, NULL), -1, ",'+49 team,"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (original, NULL), -1, ",'apostrophe,"));
}

static void
test_export_format (void)
{
  g_autoptr(SocDocument) doc = soc_test_load_fixture ("small.socplan");
  g_autoptr(GBytes) bytes = soc_csv_export_stakeholders (doc);
  g_autofree char *csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(SocDocument) empty = soc_document_new ();
  g_autoptr(GBytes) header = soc_csv_export_stakeholders (empty);

  g_assert_cmpstr (csv, ==,
                   "\xEF\xBB\xBF" "id,name,kind,profile,department,influence,interest,stance,desired-stance,roles,topics,engagement\r\n"
                   "s1,Maria Lindqvist,person,leadership,Executive board,90,70,supporter,champion,executive-sponsor,business-case measurement,\r\n"
                   "s2,Community managers,group,practitioners,,30,80,neutral,supporter,,,\r\n");
  /* A plan without stakeholders gives the header: a template to fill in. */
  g_assert_cmpuint (g_bytes_get_size (header), ==, strlen ("\xEF\xBB\xBF" "id,name,kind,profile,department,influence,interest,stance,desired-stance,roles,topics,engagement\r\n"));
}

/* The import is one undo step; undo takes it all back, redo brings it again. */
static void
test_one_undo_step (void)
{
  g_autoptr(SocDocument) doc = soc_test_load_fixture ("small.socplan");
  g_autofree char *before = soc_test_serialize (doc);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  static const char csv[] = "id,name,stance,roles\n"
                            "s2,Community managers,champion,advocate\n"
                            ",Ann,supporter,\n"
                            ",Bo,blocker,owner\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(SocCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  SocHistory *history = soc_document_get_history (doc);
  guint steps = soc_history_get_n_steps (history);
  guint line = 0, column = 0;

  import = soc_csv_import_prepare (doc, bytes, "people.csv", &line, &column, &error);
  g_assert_no_error (error);
  g_assert_true (soc_csv_import_apply (import, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (soc_history_get_n_steps (history), ==, steps + 1);
  g_assert_cmpstr (soc_history_get_undo_label (history), ==, "Import stakeholders from “people.csv”");
  g_assert_cmpuint (g_list_model_get_n_items (soc_document_get_stakeholders (doc)), ==, 4);
  after = soc_test_serialize (doc);
  g_assert_nonnull (strstr (after, "<name>Bo</name>"));

  g_assert_true (soc_document_undo (doc));
  undone = soc_test_serialize (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (soc_document_get_modified (doc));

  g_assert_true (soc_document_redo (doc));
  redone = soc_test_serialize (doc);
  g_assert_cmpstr (redone, ==, after);

  /* Applied once only. */
  g_assert_false (soc_csv_import_apply (import, &error));
  g_assert_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_CHANGED);
}

/* A plan changed between the preview and the import is not imported into. */
static void
test_changed_meanwhile (void)
{
  g_autoptr(SocDocument) doc = soc_test_load_fixture ("small.socplan");
  static const char csv[] = "id,stance\ns2,champion\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(SocCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint line = 0, column = 0;

  import = soc_csv_import_prepare (doc, bytes, "people.csv", &line, &column, &error);
  g_assert_no_error (error);
  g_assert_true (soc_edit_delete (doc, (SocObject *[]) { soc_document_lookup (doc, "s2") }, 1, &error));
  before = soc_test_serialize (doc);
  g_assert_false (soc_csv_import_apply (import, &error));
  g_assert_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_CHANGED);
  after = soc_test_serialize (doc);
  g_assert_cmpstr (after, ==, before);
}

/* Files as LibreOffice Calc and Excel write them. */
static void
test_spreadsheet_files (void)
{
  static const struct {
    const char *file;
    guint added, updated, unchanged;
  } files[] = {
    { "libreoffice-calc.csv", 2, 1, 1 },
    { "excel-csv-utf8.csv", 2, 1, 1 },
    { "excel-semicolon.csv", 2, 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", files[i].file, NULL);
      g_autoptr(SocDocument) doc = soc_test_load_fixture ("small.socplan");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SocCsvImport) import = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SocStakeholder) added = NULL;
      g_autofree char *engagement = NULL;
      guint line = 0, column = 0;
      char *contents = NULL;
      gsize len;

      g_test_message ("%s", files[i].file);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      bytes = g_bytes_new_take (contents, len);
      import = soc_csv_import_prepare (doc, bytes, files[i].file, &line, &column, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soc_csv_import_get_n_added (import), ==, files[i].added);
      g_assert_cmpuint (soc_csv_import_get_n_updated (import), ==, files[i].updated);
      g_assert_cmpuint (soc_csv_import_get_n_unchanged (import), ==, files[i].unchanged);
      g_assert_true (soc_csv_import_apply (import, &error));
      g_assert_no_error (error);

      added = g_list_model_get_item (soc_document_get_stakeholders (doc), 2);
      g_object_get (added, "engagement", &engagement, NULL);
      g_assert_cmpstr (soc_stakeholder_get_name (added), ==, "Okafor, Anna");
      g_assert_cmpint (soc_stakeholder_get_profile (added), ==, SOC_PROFILE_MANAGEMENT);
      g_assert_cmpint (soc_stakeholder_get_roles (added), ==, SOC_ROLES_ADVOCATE | SOC_ROLES_OWNER);
      g_assert_cmpint (soc_stakeholder_get_influence (added), ==, 55);
      g_assert_true (g_str_has_prefix (engagement, "Runs the programme day to day."));
      g_assert_nonnull (strchr (engagement, '\n'));
      g_assert_nonnull (strstr (engagement, "“Connected”"));
      g_assert_cmpint (soc_stakeholder_get_stance (SOC_STAKEHOLDER (soc_document_lookup (doc, "s2"))), ==,
                       SOC_STANCE_CHAMPION);
    }
}

/* Cells as people write them: any case, blanks around, numbers as a
 * spreadsheet writes them; a message quotes the value as written, without
 * the blanks around it. */
static void
test_cells_as_written (void)
{
  static const struct
  {
    const char *csv;
    const char *column;   /* checked on success */
    int         value;
    const char *message;  /* NULL: no error */
  } cells[] = {
    { "name,stance\nAnn,  Supporter \n", "stance", SOC_STANCE_SUPPORTER, NULL },
    { "name,stance\nAnn,cHaMpIoN\n", "stance", SOC_STANCE_CHAMPION, NULL },
    { "name,stance\nAnn,  Enemy \n", NULL, 0, "“Enemy” is not a" },
    { "name,roles\nAnn,\" ADVOCATE;;owner \"\n", "roles", SOC_ROLES_ADVOCATE | SOC_ROLES_OWNER, NULL },
    { "name,roles\nAnn,owner\t advocate;\n", "roles", SOC_ROLES_ADVOCATE | SOC_ROLES_OWNER, NULL },
    { "name,roles\nAnn,advocate; Sponsor\n", NULL, 0, "“Sponsor” is not one of the" },
    { "name,roles\nAnn,advocates\n", NULL, 0, "“advocates” is not one of the" },
    { "name,influence\nAnn,+7\n", "influence", 7, NULL },
    { "name,influence\nAnn, 007.00 \n", "influence", 7, NULL },
    { "name,influence\nAnn,\n", "influence", 0, NULL },
    { "name,influence\nAnn,0000000000000000000000000000000000000042\n", "influence", 42, NULL },
    { "name,interest\nAnn, 40.5 \n", NULL, 0, "“40.5” is not a whole number" },
    { "name,interest\nAnn,4 0\n", NULL, 0, "“4 0” is not a whole number" },
    { "name,interest\nAnn,+\n", NULL, 0, "“+” is not a whole number" },
    { "name,interest\nAnn,123456789012345678901234567890123456789\n", NULL, 0,
      "“123456789012345678901234567890123456789” is not a whole number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(SocDocument) doc = soc_document_new ();
      g_autoptr(GBytes) bytes = g_bytes_new_static (cells[i].csv, strlen (cells[i].csv));
      g_autoptr(SocCsvImport) import = NULL;
      g_autoptr(GError) error = NULL;
      guint line = 0, column = 0;

      g_test_message ("%s", cells[i].csv);
      import = soc_csv_import_prepare (doc, bytes, "test.csv", &line, &column, &error);
      if (cells[i].message != NULL)
        {
          g_assert_error (error, SOC_CSV_ERROR, SOC_CSV_ERROR_INVALID);
          g_assert_cmpuint (line, ==, 2);
          if (strstr (error->message, cells[i].message) == NULL)
            g_error ("“%s” does not say “%s”", error->message, cells[i].message);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (soc_csv_import_get_n_added (import), ==, 1);
      g_assert_cmpint (number (row_values (import, 0), cells[i].column), ==, cells[i].value);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/csv/tricky/", cases[i].name, NULL);
      g_test_add_data_func (path, &cases[i], test_tricky);
    }
  g_test_add_func ("/csv/cells-as-written", test_cells_as_written);
  g_test_add_func ("/csv/limits", test_limits);
  g_test_add_func ("/csv/many-rows", test_many_rows);
  g_test_add_func ("/csv/round-trip-example", test_round_trip_example);
  g_test_add_func ("/csv/round-trip-every-field", test_round_trip_every_field);
  g_test_add_func ("/csv/export-format", test_export_format);
  g_test_add_func ("/csv/one-undo-step", test_one_undo_step);
  g_test_add_func ("/csv/changed-meanwhile", test_changed_meanwhile);
  g_test_add_func ("/csv/spreadsheet-files", test_spreadsheet_files);

  return g_test_run ();
}
