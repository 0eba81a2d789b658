/* test-hostile.c: hostile and broken files are refused, quickly, where they break
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/hostile/ holds one small file per attack or broken rule, and
 * EXPECTED says, for each, where the reader must report the first problem:
 *
 *   FILENAME<TAB>LINE<TAB>COLUMN<TAB>MESSAGE FRAGMENT
 *
 * Every file must be refused by the reader itself (not only by the schema),
 * within a second, with "FILENAME:LINE:COLUMN: error: " and the fragment;
 * socplan-cli validate must say the same and exit with 1; and a refused file
 * must not disturb a document that is already open.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "soc-document.h"
#include "soc-reader.h"

typedef struct
{
  char *name;
  int   line;
  int   column;
  char *fragment;
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
      if (g_strv_length (fields) != 4 || fields[0][0] == '\0' || fields[3][0] == '\0' ||
          strchr (fields[0], '/') != NULL)
        g_error ("EXPECTED:%u: want FILENAME<TAB>LINE<TAB>COLUMN<TAB>FRAGMENT, got “%s”", i + 1, lines[i]);

      e = g_new0 (Expectation, 1);
      e->name = g_strdup (fields[0]);
      e->line = parse_number (fields[1], "line", i + 1);
      e->column = parse_number (fields[2], "column", i + 1);
      e->fragment = g_strdup (fields[3]);
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
  g_assert_cmpuint (n_files, >=, 40);
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
  g_test_add_func ("/hostile/failed-load-leaves-nothing", test_failed_load_leaves_nothing);

  result = g_test_run ();
  g_ptr_array_unref (expectations);
  return result;
}
