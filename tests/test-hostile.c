/* test-hostile.c: hostile and broken files are refused, quickly, where they break
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/hostile/ holds one small file per attack or broken rule, and
 * EXPECTED says, for each, where the reader must report the first problem:
 *
 *   FILENAME<TAB>LINE<TAB>COLUMN<TAB>MESSAGE FRAGMENT[<TAB>program]
 *
 * Every file must be refused by the reader itself (not only by the schema),
 * within a second, with "FILENAME:LINE:COLUMN: error: " and the fragment;
 * socplan-cli validate must say the same and exit with 1; and a refused file
 * must not disturb a document that is already open.
 *
 * The published schema (data/socplan.rng) must refuse every file it can
 * read too, except those marked "program": their rule (a reference, a
 * cycle, a pair of dates, a limit) is beyond a grammar, and the schema
 * says so. So the program's checks are complete against the contract.
 * Values are held to the schema one by one as well, and plans too large to
 * keep as files (limits, deep trees, long chains) are made here.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "soc-document-private.h"
#include "soc-reader.h"

typedef struct
{
  char    *name;
  int      line;
  int      column;
  char    *fragment;
  gboolean program_rule;   /* beyond the schema */
} Expectation;

static GPtrArray *expectations;  /* Expectation, in EXPECTED order */

/* The example of data/FORMAT.md. */
static const char example_plan[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<socplan xmlns=\"https://socplan.github.io/ns/socplan\" version=\"1.0\">\n"
  "  <plan horizon-start=\"2026-01-01\" horizon-end=\"2028-12-31\" alignment-target=\"80\" metrics-benchmark=\"34\" horizon-years=\"2\" technology-share=\"20\" owner-load=\"5\" advocates=\"3\">\n"
  "    <title>Connected Northwind</title>\n"
  "    <organisation>Northwind Components</organisation>\n"
  "    <vision>Every employee can find the knowledge and the people they need within a day.</vision>\n"
  "  </plan>\n"
  "  <goals>\n"
  "    <goal id=\"g1\" kind=\"vision\" status=\"on-track\" owner=\"s1\">\n"
  "      <title>A company that learns in the open</title>\n"
  "    </goal>\n"
  "    <goal id=\"g2\" kind=\"business-objective\" status=\"on-track\" parent=\"g1\">\n"
  "      <title>Cut time-to-competence of new hires by a third</title>\n"
  "    </goal>\n"
  "    <goal id=\"g3\" kind=\"metric\" status=\"on-track\" parent=\"g2\" unit=\"days\" baseline=\"90\" baseline-date=\"2026-01-15\" target=\"60\" target-date=\"2027-12-31\" current=\"84\" current-date=\"2026-10-01\">\n"
  "      <title>Days until a new engineer works unaided</title>\n"
  "    </goal>\n"
  "  </goals>\n"
  "  <roadmap>\n"
  "    <lane id=\"l1\" kind=\"culture-education\" colour=\"#3584e4\">\n"
  "      <title>Culture and education</title>\n"
  "    </lane>\n"
  "    <phase id=\"p1\" start=\"2026-01-01\" end=\"2026-06-30\">\n"
  "      <title>Foundation</title>\n"
  "    </phase>\n"
  "    <item id=\"i1\" kind=\"activity\" lane=\"l1\" start=\"2026-02-02\" end=\"2026-03-27\" progress=\"40\" owner=\"s1\" recurrence=\"quarterly\" audience=\"leadership management\" topics=\"business-case goals\">\n"
  "      <title>Leadership briefings on the social business case</title>\n"
  "      <serves goal=\"g2\"/>\n"
  "    </item>\n"
  "    <item id=\"i2\" kind=\"milestone\" lane=\"l1\" start=\"2026-04-01\" progress=\"0\" gate=\"strategy\">\n"
  "      <title>Strategy approved by the board</title>\n"
  "      <depends-on item=\"i1\"/>\n"
  "    </item>\n"
  "  </roadmap>\n"
  "  <stakeholders>\n"
  "    <stakeholder id=\"s1\" kind=\"person\" profile=\"leadership\" influence=\"90\" interest=\"70\" stance=\"supporter\" desired-stance=\"champion\" roles=\"executive-sponsor\" topics=\"business-case measurement\">\n"
  "      <name>Maria Lindqvist</name>\n"
  "      <department>Executive board</department>\n"
  "    </stakeholder>\n"
  "    <stakeholder id=\"s2\" kind=\"group\" profile=\"practitioners\" influence=\"30\" interest=\"80\" stance=\"neutral\" desired-stance=\"supporter\">\n"
  "      <name>Community managers</name>\n"
  "    </stakeholder>\n"
  "    <relationship id=\"r1\" kind=\"influences\" from=\"s1\" to=\"s2\"/>\n"
  "  </stakeholders>\n"
  "  <checklist>\n"
  "    <override factor=\"executive-support\" state=\"met\">\n"
  "      <note>The sponsor signed the charter on 12 March.</note>\n"
  "    </override>\n"
  "  </checklist>\n"
  "</socplan>\n";

static void
expectation_free (Expectation *e)
{
  g_free (e->name);
  g_free (e->fragment);
  g_free (e);
}

static char *
hostile_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "hostile", name, NULL);
}

static GBytes *
read_hostile (const char *name)
{
  g_autofree char *path = hostile_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static int
parse_number (const char *text,
              const char *what,
              guint       line)
{
  guint64 v = 0;
  g_autoptr(GError) error = NULL;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &v, &error))
    g_error ("EXPECTED:%u: bad %s “%s”: %s", line, what, text, error->message);
  return (int) v;
}

/* Reads EXPECTED; any malformed line is a fatal error, not a skipped test. */
static GPtrArray *
read_expectations (void)
{
  g_autofree char *path = hostile_path ("EXPECTED");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) expectation_free);

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("Cannot read %s: %s", path, error->message);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Expectation *e;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) < 4 || g_strv_length (fields) > 5 || fields[0][0] == '\0' ||
          fields[3][0] == '\0' || strchr (fields[0], '/') != NULL ||
          (fields[4] != NULL && strcmp (fields[4], "program") != 0))
        g_error ("EXPECTED:%u: want FILENAME<TAB>LINE<TAB>COLUMN<TAB>FRAGMENT[<TAB>program], got “%s”", i + 1, lines[i]);

      e = g_new0 (Expectation, 1);
      e->name = g_strdup (fields[0]);
      e->line = parse_number (fields[1], "line", i + 1);
      e->column = parse_number (fields[2], "column", i + 1);
      e->fragment = g_strdup (fields[3]);
      e->program_rule = fields[4] != NULL;
      g_ptr_array_add (list, e);
    }
  return list;
}

static Expectation *
find_expectation (const char *name)
{
  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (expectations, i);

      if (strcmp (e->name, name) == 0)
        return e;
    }
  return NULL;
}

/* The reader refuses the file, in time, at the expected place. */
static void
test_load (gconstpointer data)
{
  const Expectation *e = data;
  g_autoptr(GBytes) bytes = read_hostile (e->name);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s:%d:%d: error: ", e->name, e->line, e->column);
  const SocDiagnostic *first;
  gint64 start, elapsed;

  start = g_get_monotonic_time ();
  doc = soc_document_load_from_bytes (bytes, e->name, &diagnostics, &error);
  elapsed = g_get_monotonic_time () - start;

  g_test_message ("%s: %s (%" G_GINT64_FORMAT " us)", e->name,
                  error != NULL ? error->message : "(loaded)", elapsed);

  g_assert_null (doc);
  g_assert_nonnull (error);
  g_assert_cmpuint (error->domain, ==, SOC_FORMAT_ERROR);
  if (!g_str_has_prefix (error->message, prefix))
    {
      g_test_fail_printf ("%s: want a message starting “%s”, got “%s”", e->name, prefix, error->message);
      return;
    }
  if (strstr (error->message + strlen (prefix), e->fragment) == NULL)
    {
      g_test_fail_printf ("%s: want “%s” in the message, got “%s”", e->name, e->fragment, error->message);
      return;
    }
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);

  /* The first diagnostic is the error. */
  g_assert_nonnull (diagnostics);
  g_assert_cmpuint (diagnostics->len, >=, 1);
  first = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpint (first->line, ==, e->line);
  g_assert_cmpint (first->column, ==, e->column);
  g_assert_nonnull (strstr (first->message, e->fragment));
}

/* Every file in the corpus has its line in EXPECTED and the other way round. */
static void
test_corpus_complete (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "hostile", NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);

  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (expectations, i);

      if (!g_hash_table_add (seen, e->name))
        g_test_fail_printf ("EXPECTED names %s twice", e->name);
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (strcmp (name, "EXPECTED") == 0)
        continue;
      n_files++;
      if (find_expectation (name) == NULL)
        g_test_fail_printf ("%s/%s has no line in EXPECTED", dir_path, name);
    }

  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (expectations, i);
      g_autofree char *path = hostile_path (e->name);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_test_fail_printf ("EXPECTED names %s, which is not in %s", e->name, dir_path);
    }

  if (g_test_failed ())
    return;
  g_assert_cmpuint (n_files, ==, expectations->len);
  g_assert_cmpuint (n_files, >=, 160);
}

/* socplan-cli validate says the same, and exits with 1. */
static void
test_cli (gconstpointer data)
{
  const Expectation *e = data;
  const char *cli = g_getenv ("SOCPLAN_CLI");
  g_autofree char *path = hostile_path (e->name);
  g_autofree char *prefix = g_strdup_printf ("%s:%d:%d: error: ", path, e->line, e->column);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  const char *argv[4];
  char *newline;
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("SOCPLAN_CLI is not set");
      return;
    }

  argv[0] = cli;
  argv[1] = "validate";
  argv[2] = path;
  argv[3] = NULL;
  /* The messages hold “quotes”: keep them UTF-8 whatever the caller's locale. */
  env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);

  g_spawn_check_wait_status (status, &error);
  g_assert_error (error, G_SPAWN_EXIT_ERROR, 1);

  g_assert_true (g_utf8_validate (err, -1, NULL));
  if (!g_str_has_prefix (err, prefix))
    {
      g_test_fail_printf ("%s: want stderr starting “%s”, got “%s”", e->name, prefix, err);
      return;
    }
  newline = strchr (err, '\n');
  g_assert_nonnull (newline);
  *newline = '\0';
  if (strstr (err + strlen (prefix), e->fragment) == NULL)
    g_test_fail_printf ("%s: want “%s” on the first line, got “%s”", e->name, e->fragment, err);
}

static GBytes *
serialize (SocDocument *doc)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = soc_document_serialize (doc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

/* A refused file changes nothing: the plan already open keeps its bytes. */
static void
test_failed_load_leaves_nothing (void)
{
  g_autoptr(GBytes) example = g_bytes_new_static (example_plan, sizeof example_plan - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = soc_document_load_from_bytes (example, "example.socplan", NULL, &error);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  guint n_goals;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  before = serialize (doc);
  n_goals = soc_document_get_n_goals (doc);
  g_assert_cmpuint (n_goals, ==, 3);

  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (expectations, i);
      g_autoptr(GBytes) bytes = read_hostile (e->name);
      g_autoptr(GError) load_error = NULL;
      g_autoptr(SocDocument) other = soc_document_load_from_bytes (bytes, e->name, NULL, &load_error);

      g_assert_null (other);
      g_assert_nonnull (load_error);

      after = serialize (doc);
      if (!g_bytes_equal (before, after))
        {
          g_test_fail_printf ("refusing %s changed the document already open", e->name);
          return;
        }
      g_clear_pointer (&after, g_bytes_unref);
    }

  g_assert_cmpuint (soc_document_get_n_goals (doc), ==, n_goals);
  g_assert_false (soc_document_get_modified (doc));
}

/* The schema refuses what the reader refuses, where it can read the file
 * at all, unless the rule is one a grammar cannot state. */
static void
test_schema (gconstpointer data)
{
  const Expectation *e = data;
  g_autoptr(GBytes) bytes = read_hostile (e->name);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_diagnostic_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(SocDocument) doc = soc_document_load_from_bytes (bytes, e->name, NULL, &load_error);
  gsize len;
  const char *text = g_bytes_get_data (bytes, &len);
  gboolean valid;

  /* What is refused for safety (a DTD, a limit) or as not UTF-8 XML is no
   * matter for a grammar. */
  g_assert_null (doc);
  if (!g_error_matches (load_error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_INVALID) &&
      !g_error_matches (load_error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_VERSION))
    {
      g_assert_false (e->program_rule);
      return;
    }

  valid = soc_reader_validate_schema (text, len, problems, &error);
  if (error != NULL)
    {
      /* Not XML a schema could judge: a syntax or safety problem. */
      g_assert_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_SYNTAX);
      g_assert_false (valid);
      g_assert_false (e->program_rule);
      return;
    }
  if (e->program_rule)
    {
      if (!valid)
        g_test_fail_printf ("%s is marked “program” in EXPECTED, but the schema refuses it too: %s",
                            e->name, ((SocDiagnostic *) g_ptr_array_index (problems, 0))->message);
    }
  else if (valid)
    g_test_fail_printf ("%s: the reader refuses it (%s), the schema accepts it: mark it “program” "
                        "in EXPECTED if a grammar cannot state the rule", e->name, e->fragment);
}

static gboolean
reader_accepts (const char  *text,
                char       **message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = soc_document_load_from_bytes (bytes, "variant", NULL, &error);

  if (message != NULL)
    *message = error != NULL ? g_strdup (error->message) : NULL;
  return doc != NULL;
}

static gboolean
schema_accepts (const char *text)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_diagnostic_free);
  g_autoptr(GError) error = NULL;
  gboolean valid = soc_reader_validate_schema (text, strlen (text), problems, &error);

  g_assert_no_error (error);
  return valid;
}

/* Value by value, the reader and the schema agree: whole numbers, numbers,
 * dates, colours, enumerations, token lists, ids. */
static void
test_values_agree (void)
{
  static const struct {
    const char *written;     /* in the example plan */
    const char *values[24];  /* each written in its place */
  } cases[] = {
    { "progress=\"40\"", { "0", "100", "101", "050", "0100", "00101", "-0", "+5", " 60", "60 ", "50.0",
                           "4e1", "", "0x10", "00000000000000000000000000000000000000000000000000000000000000000000007", NULL } },
    { "horizon-years=\"2\"", { "1", "20", "21", "0", "02", "2.", NULL } },
    { "owner-load=\"5\"", { "1000", "1001", "0", "0001", NULL } },
    { "advocates=\"3\"", { "100000", "100001", "99999999999", NULL } },
    { "baseline=\"90\"", { "90", "-0", "0.5", ".5", "5.", "+.5e-3", "-1E+2", "1e308", "0x10", " 90", "90 ",
                           "INF", "NaN", "-inf", "1,5", "1e", "e5", ".", "+", "1.2.3",
                           "3.141592653589793238462643383279502884197169399375105820974944592307816", NULL } },
    { "baseline-date=\"2026-01-15\"", { "2000-02-29", "1900-02-29", "2100-02-28", "2024-02-29", "2027-02-29",
                                        "1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01", "2026-13-01",
                                        "2026-00-10", "2026-01-00", " 2026-01-15", "2026-1-15", "26-01-15",
                                        "2026-01-15Z", "2026-04-31", NULL } },
    { "colour=\"#3584e4\"", { "#3584E4", "#38e", "3584e4", "#3584e4 ", "#gggggg", "#3584e4e4", NULL } },
    { "kind=\"vision\"", { "metric", "vision ", "Vision", " vision", NULL } },
    { "stance=\"supporter\"", { "blocker", " supporter", "supporter\t", NULL } },
    { "audience=\"leadership management\"", { "leadership", "", "leadership  management", " leadership ",
                                              "leadership bogus", "leadership leadership", NULL } },
    { "recurrence=\"quarterly\"", { "none", "weekly", "Weekly", NULL } },
    { "id=\"g3\"", { "g3x", "_x", "3g", "g.3-x", "-g", "g 3",
                     "a234567890123456789012345678901234567890123456789012345678901234",
                     "a2345678901234567890123456789012345678901234567890123456789012345", NULL } },
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint k = 0; cases[i].values[k] != NULL; k++)
      {
        g_autofree char *name = g_strndup (cases[i].written, strchr (cases[i].written, '=') - cases[i].written);
        g_autofree char *replacement = g_strdup_printf ("%s=\"%s\"", name, cases[i].values[k]);
        g_auto(GStrv) parts = g_strsplit (example_plan, cases[i].written, 2);
        g_autofree char *variant = NULL;
        g_autofree char *message = NULL;
        gboolean reader, schema;

        g_assert_cmpuint (g_strv_length (parts), ==, 2);
        variant = g_strconcat (parts[0], replacement, parts[1], NULL);
        reader = reader_accepts (variant, &message);
        schema = schema_accepts (variant);
        g_test_message ("%s: reader %s, schema %s%s%s", replacement, reader ? "accepts" : "refuses",
                        schema ? "accepts" : "refuses", message ? ": " : "", message ? message : "");
        if (reader != schema)
          g_test_fail_printf ("%s: the reader %s it, the schema %s it", replacement,
                              reader ? "accepts" : "refuses", schema ? "accepts" : "refuses");
        n++;
      }
  g_assert_cmpuint (n, >=, 90);
}

/* A plan of HEAD, N times PIECE (with %u for the number), and TAIL. */
static char *
repeat (const char *head,
        const char *piece,
        guint       n,
        const char *tail)
{
  GString *s = g_string_new (head);

  for (guint i = 1; i <= n; i++)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_string_append_printf (s, piece, i, i > 1 ? i - 1 : 0, i);
#pragma GCC diagnostic pop
    }
  g_string_append (s, tail);
  return g_string_free (s, FALSE);
}

#define PLAN_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
                  "<socplan xmlns=\"https://socplan.github.io/ns/socplan\" version=\"1.0\">\n"

static SocDocument *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return soc_document_load_from_bytes (bytes, "generated.socplan", NULL, error);
}

static void
assert_refused_at (const char *text,
                   const char *where,
                   const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = load_text (text, &error);

  g_assert_null (doc);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, where) || strstr (error->message, fragment) == NULL)
    g_test_fail_printf ("want “%s…%s”, got “%s”", where, fragment, error->message);
}

/* Limits count a value as it is held, after references are decoded: a
 * value of 300,000 & is 300,000 bytes, however it is written. */
static void
test_limits_after_decoding (void)
{
  g_autoptr(GString) amps = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = NULL;

  for (guint i = 0; i < 300000; i++)
    g_string_append (amps, "&amp;");
  text = g_strdup_printf (PLAN_HEAD "  <goals>\n    <goal id=\"g1\" kind=\"metric\" unit=\"%s\">\n"
                          "      <title>%s</title>\n    </goal>\n  </goals>\n</socplan>\n", amps->str, amps->str);
  doc = load_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (SOC_GOAL (soc_document_lookup (doc, "g1"))->unit), ==, 300000);
  g_assert_cmpuint (strlen (soc_goal_get_title (SOC_GOAL (soc_document_lookup (doc, "g1")))), ==, 300000);
  g_clear_object (&doc);
  g_clear_pointer (&text, g_free);

  /* One byte more than the limit, written as & references and as &#38;. */
  g_string_truncate (amps, 0);
  for (guint i = 0; i < SOC_MAX_VALUE_LENGTH + 1; i++)
    g_string_append (amps, i % 2 ? "&amp;" : "&#38;");
  text = g_strdup_printf (PLAN_HEAD "  <goals>\n    <goal id=\"g1\" kind=\"metric\" unit=\"%s\"/>\n  </goals>\n</socplan>\n",
                          amps->str);
  assert_refused_at (text, "generated.socplan:4:33: error: ", "the value of “unit” is longer than 1048576 bytes");
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (PLAN_HEAD "  <goals>\n    <goal id=\"g1\" kind=\"metric\">\n      <title>%s</title>\n"
                          "    </goal>\n  </goals>\n</socplan>\n", amps->str);
  assert_refused_at (text, "generated.socplan:5:7: error: ", "a text is longer than 1048576 bytes");
}

/* An item may serve goals and depend on items 10,000 times in all:
 * counted exactly, reported at the one too many. */
static void
test_reference_limit (void)
{
  static const char goal[] = "    <goal id=\"g%u\" kind=\"initiative\"/>\n";
  static const char serves[] = "      <serves goal=\"g%u\"/>\n";
  g_autofree char *goals = repeat ("  <goals>\n", goal, SOC_MAX_REFERENCES + 1, "  </goals>\n");
  g_autofree char *exact = repeat ("", serves, SOC_MAX_REFERENCES, "");
  g_autofree char *over = repeat ("", serves, SOC_MAX_REFERENCES + 1, "");
  const char *roadmap = "  <roadmap>\n    <lane id=\"l1\"/>\n    <item id=\"i1\" lane=\"l1\">\n";
  g_autofree char *ok = g_strconcat (PLAN_HEAD, goals, roadmap, exact, "    </item>\n  </roadmap>\n</socplan>\n", NULL);
  g_autofree char *bad = g_strconcat (PLAN_HEAD, goals, roadmap, over, "    </item>\n  </roadmap>\n</socplan>\n", NULL);
  g_autofree char *where = g_strdup_printf ("generated.socplan:%u:7: error: ", 2 + 1 + SOC_MAX_REFERENCES + 1 + 1 + 3 + SOC_MAX_REFERENCES + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = load_text (ok, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (soc_item_get_serves (SOC_ITEM (soc_document_lookup (doc, "i1")))->len, ==, SOC_MAX_REFERENCES);
  assert_refused_at (bad, where, "an item has more than 10000 goals and dependencies");
}

/* A valid plan of 20 MB, nearly all white space between elements. */
static void
test_mostly_white_space (void)
{
  g_autoptr(GString) text = g_string_new (PLAN_HEAD);
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = NULL;

  for (guint i = 0; i < 20 * 1024 * 1024; i++)
    g_string_append_c (text, i % 80 == 79 ? '\n' : ' ');
  g_string_append (text, "  <goals>\n    <goal id=\"g1\" kind=\"vision\"/>\n  </goals>\n");
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append (text, "\r\n");
  g_string_append (text, "</socplan>\n");

  doc = load_text (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soc_document_get_n_goals (doc), ==, 1);
}

/* The writer's last check reads bytes as a load would: a plan passes,
 * nothing, a plan cut short and a stray end tag do not; nor does a
 * DOCTYPE, which is refused before anything in it is read. */
static void
test_well_formed_check (void)
{
  static const char plan[] = PLAN_HEAD "  <goals>\n    <goal id=\"g1\" kind=\"vision\"/>\n  </goals>\n</socplan>\n";
  static const char *const bad[] = {
    "",
    PLAN_HEAD "  <goals>\n    <goal id=\"g1\" kind=\"vision\"/>\n",
    PLAN_HEAD "</goals>\n</socplan>\n",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE socplan [<!ENTITY e \"x\">]>\n<socplan/>\n",
  };
  g_autoptr(GString) spaced = g_string_new (PLAN_HEAD);
  g_autoptr(GError) error = NULL;

  g_assert_true (soc_reader_check_well_formed (plan, strlen (plan), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3 * 1024 * 1024; i++)
    g_string_append_c (spaced, i % 80 == 79 ? '\n' : ' ');
  g_string_append (spaced, "</socplan>\n");
  g_assert_true (soc_reader_check_well_formed (spaced->str, spaced->len, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (soc_reader_check_well_formed (bad[i], strlen (bad[i]), &error));
      g_assert_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_UNWRITABLE);
      g_clear_error (&error);
    }
}

/* A goal tree 1,000 levels deep loads, and frees without recursion; one
 * level more is refused where it crosses the limit. */
static void
test_deep_goal_tree (void)
{
  static const char goal[] = "    <goal id=\"g%u\" kind=\"initiative\" parent=\"g%u\"/>\n";
  g_autofree char *deep = repeat (PLAN_HEAD "  <goals>\n    <goal id=\"g0\" kind=\"vision\"/>\n", goal,
                                  SOC_MAX_GOAL_DEPTH - 1, "  </goals>\n</socplan>\n");
  g_autofree char *deeper = repeat (PLAN_HEAD "  <goals>\n    <goal id=\"g0\" kind=\"vision\"/>\n", goal,
                                    100000, "  </goals>\n</socplan>\n");
  g_autofree char *where = g_strdup_printf ("generated.socplan:%d:40: error: ", 3 + SOC_MAX_GOAL_DEPTH + 1);
  g_autoptr(GError) error = NULL;
  SocDocument *doc = load_text (deep, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (soc_document_get_n_goals (doc), ==, SOC_MAX_GOAL_DEPTH);
  g_assert_finalize_object (doc);
  assert_refused_at (deeper, where, "the goal tree is more than 1000 levels deep");
}

/* Long chains and many cycles: loaded, or refused, with every cycle
 * counted and the first reported. */
static void
test_chains_and_cycles (void)
{
  static const char item[] = "    <item id=\"i%u\" lane=\"l1\"><depends-on item=\"i%u\"/></item>\n";
  static const char pair[] = "    <goal id=\"a%1$u\" kind=\"initiative\" parent=\"b%1$u\"/><goal id=\"b%1$u\" kind=\"initiative\" parent=\"a%1$u\"/>\n";
  g_autofree char *chain = repeat (PLAN_HEAD "  <roadmap>\n    <lane id=\"l1\"/>\n    <item id=\"i0\" lane=\"l1\"/>\n",
                                   item, 20000, "  </roadmap>\n</socplan>\n");
  g_autofree char *cycles = repeat (PLAN_HEAD "  <goals>\n", pair, 30000, "  </goals>\n</socplan>\n");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = load_text (chain, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (soc_document_get_items (doc)), ==, 20001);

  bytes = g_bytes_new (cycles, strlen (cycles));
  g_assert_null (soc_document_load_from_bytes (bytes, "generated.socplan", &diagnostics, &error));
  g_assert_nonnull (strstr (error->message, "generated.socplan:4:82: error: the goal tree has a cycle: a1 -> b1 -> a1"));
  g_assert_cmpuint (diagnostics->len, ==, 100);
}

int
main (int    argc,
      char **argv)
{
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  expectations = read_expectations ();

  g_test_add_func ("/hostile/corpus-complete", test_corpus_complete);
  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (expectations, i);
      g_autofree char *path = g_strdup_printf ("/hostile/load/%s", e->name);

      g_test_add_data_func (path, e, test_load);
    }
  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (expectations, i);
      g_autofree char *path = g_strdup_printf ("/hostile/cli/%s", e->name);

      g_test_add_data_func (path, e, test_cli);
    }
  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (expectations, i);
      g_autofree char *path = g_strdup_printf ("/hostile/schema/%s", e->name);

      g_test_add_data_func (path, e, test_schema);
    }
  g_test_add_func ("/hostile/failed-load-leaves-nothing", test_failed_load_leaves_nothing);
  g_test_add_func ("/hostile/values-agree-with-schema", test_values_agree);
  g_test_add_func ("/hostile/limits-after-decoding", test_limits_after_decoding);
  g_test_add_func ("/hostile/reference-limit", test_reference_limit);
  g_test_add_func ("/hostile/mostly-white-space", test_mostly_white_space);
  g_test_add_func ("/hostile/well-formed-check", test_well_formed_check);
  g_test_add_func ("/hostile/deep-goal-tree", test_deep_goal_tree);
  g_test_add_func ("/hostile/chains-and-cycles", test_chains_and_cycles);

  result = g_test_run ();
  g_ptr_array_unref (expectations);
  return result;
}
