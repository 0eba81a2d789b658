/* fuzz-csv.c: libFuzzer target for the stakeholder CSV import
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input, against a small plan: preparing must not crash, hang or leak,
 * and must leave the plan as it was. An input it accepts must apply (every
 * row was checked by the edits' own rules), as one undo step, to a plan
 * that still saves and reads back; the plan's stakeholders exported then
 * import back unchanged; and Undo gives the original plan again.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "soc-csv-import.h"
#include "soc-document.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char plan[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<socplan xmlns=\"https://socplan.github.io/ns/socplan\" version=\"1.0\">\n"
  "  <plan uid=\"f0f0f0f0-0000-4000-8000-000000000001\"/>\n"
  "  <goals>\n"
  "    <goal id=\"g1\" kind=\"vision\" owner=\"s1\"/>\n"
  "  </goals>\n"
  "  <stakeholders>\n"
  "    <stakeholder id=\"s1\" kind=\"person\" profile=\"leadership\" influence=\"90\" interest=\"70\" stance=\"supporter\" desired-stance=\"champion\" roles=\"executive-sponsor\" topics=\"business-case measurement\">\n"
  "      <name>Maria Lindqvist</name>\n"
  "      <department>Executive board</department>\n"
  "    </stakeholder>\n"
  "    <stakeholder id=\"s2\" kind=\"group\" profile=\"practitioners\" influence=\"30\" interest=\"80\">\n"
  "      <name>Community managers</name>\n"
  "      <engagement>Monthly clinic,&#10;\"shared\" channel</engagement>\n"
  "    </stakeholder>\n"
  "    <relationship id=\"r1\" kind=\"influences\" from=\"s1\" to=\"s2\"/>\n"
  "  </stakeholders>\n"
  "</socplan>\n";

static void
fail (const char *what,
      GError     *error)
{
  g_printerr ("%s%s%s\n", what, error != NULL ? ": " : "", error != NULL ? error->message : "");
  abort ();
}

static char *
serialize (SocDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soc_document_serialize (doc, &error);

  if (bytes == NULL)
    fail ("a plan did not write", error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) plan_bytes = g_bytes_new_static (plan, sizeof plan - 1);
  g_autoptr(SocDocument) doc = soc_document_load_from_bytes (plan_bytes, "fuzz", NULL, NULL);
  g_autoptr(GBytes) input = g_bytes_new_static (data, size);
  g_autoptr(SocCsvImport) import = NULL;
  g_autoptr(SocCsvImport) again = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(SocDocument) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  guint line = 0, column = 0;
  guint n;

  if (doc == NULL)
    fail ("the base plan did not read", NULL);
  before = serialize (doc);

  import = soc_csv_import_prepare (doc, input, "fuzz.csv", &line, &column, &error);
  after = serialize (doc);
  if (strcmp (before, after) != 0)
    fail ("preparing an import changed the plan", NULL);
  if (import == NULL)
    {
      if (error == NULL || error->domain != SOC_CSV_ERROR)
        fail ("a refused file gave no CSV error", error);
      if (column > 0 && (line == 0 || column > SOC_CSV_MAX_COLUMNS + 1))
        fail ("a refused file's column is not in a row", error);
      return 0;
    }
  if (soc_csv_import_get_n_rows (import) !=
      soc_csv_import_get_n_added (import) + soc_csv_import_get_n_updated (import) + soc_csv_import_get_n_unchanged (import))
    fail ("the rows do not add up", NULL);

  if (!soc_csv_import_apply (import, &error))
    fail ("a checked import did not apply", error);
  if (soc_history_get_n_steps (soc_document_get_history (doc)) > 1)
    fail ("an import made more than one undo step", NULL);

  written = soc_document_serialize (doc, &error);
  if (written == NULL)
    fail ("an imported plan did not write", error);
  reread = soc_document_load_from_bytes (written, "written", NULL, &error);
  if (reread == NULL)
    fail ("an imported plan did not read back", error);

  /* What is exported imports back as it is. */
  exported = soc_csv_export_stakeholders (doc);
  n = g_list_model_get_n_items (soc_document_get_stakeholders (doc));
  again = soc_csv_import_prepare (doc, exported, "exported.csv", &line, &column, &error);
  if (again == NULL)
    fail ("an export did not import", error);
  if (soc_csv_import_get_n_unchanged (again) != n ||
      soc_csv_import_get_n_added (again) + soc_csv_import_get_n_updated (again) != 0)
    fail ("an export did not import back unchanged", NULL);

  if (soc_history_get_n_steps (soc_document_get_history (doc)) == 1)
    {
      soc_document_undo (doc);
      undone = serialize (doc);
      if (strcmp (undone, before) != 0)
        fail ("undoing an import did not give the plan back", NULL);
    }
  return 0;
}
