/* bench-csv.c: importing stakeholders from CSV, next to saving the plan
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-csv [--runs N] PLAN
 *
 * PLAN's stakeholders, exported, are the rows of two imports, each timed
 * from reading the file to the last edit applied, and then the resulting
 * plan saved (soc_document_save: serialize, check, write, rename):
 *   add     every row without its id, into a new plan: all added;
 *   update  every row with its id and another stance, into PLAN: all updated.
 * Prints medians of N runs (default 5). The floor (issue 10): importing
 * costs at most 3x saving the resulting plan.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "soc-csv-import.h"
#include "soc-document.h"

#define FLOOR 3.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* PLAN's export, rewritten record by record: without ids (ADD), or with
 * every stance moved one step (an update of every row). */
static GBytes *
rows_from (SocDocument *plan,
           gboolean     add)
{
  g_autoptr(GBytes) exported = soc_csv_export_stakeholders (plan);
  g_autoptr(GString) out = g_string_sized_new (g_bytes_get_size (exported));
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SocCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const next_stance[][2] = {
    { "champion", "supporter" }, { "supporter", "neutral" }, { "neutral", "sceptic" },
    { "sceptic", "blocker" }, { "blocker", "champion" },
  };
  guint line = 0;

  reader = soc_csv_reader_new (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported), &line, &error);
  g_assert_no_error (error);
  while (soc_csv_reader_next (reader, fields, &line, &error))
    for (guint i = 0; i < fields->len; i++)
      {
        const char *cell = g_ptr_array_index (fields, i);

        if (line > 1 && i == 0 && add)
          cell = "";
        if (line > 1 && i == 7 && !add)
          for (guint s = 0; s < G_N_ELEMENTS (next_stance); s++)
            if (g_str_equal (cell, next_stance[s][0]))
              {
                cell = next_stance[s][1];
                break;
              }
        soc_csv_append_field (out, cell, i == 0);
        if (i + 1 == fields->len)
          soc_csv_end_record (out);
      }
  g_assert_no_error (error);
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* Imports CSV_PATH into DOC and saves DOC to OUT_PATH; the two times. */
static void
run (SocDocument *doc,
     const char  *csv_path,
     const char  *out_path,
     guint        expected,
     gboolean     add,
     double      *import_ms,
     double      *save_ms)
{
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SocCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0, t1, t2;
  guint line = 0, column = 0;

  t0 = g_get_monotonic_time ();
  bytes = g_file_load_bytes (csv, NULL, NULL, &error);
  g_assert_no_error (error);
  import = soc_csv_import_prepare (doc, bytes, "bench.csv", &line, &column, &error);
  g_assert_no_error (error);
  g_assert_true (soc_csv_import_apply (import, &error));
  g_assert_no_error (error);
  t1 = g_get_monotonic_time ();
  g_assert_cmpuint (add ? soc_csv_import_get_n_added (import) : soc_csv_import_get_n_updated (import), ==, expected);

  g_assert_true (soc_document_save (doc, out, SOC_SAVE_FLAGS_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
  t2 = g_get_monotonic_time ();

  *import_ms = (double) (t1 - t0) / 1000.0;
  *save_ms = (double) (t2 - t1) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  int runs = 5;
  g_autoptr(GOptionContext) context = g_option_context_new ("PLAN");
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) plan = NULL;
  g_autoptr(GFile) plan_file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *add_csv = NULL;
  g_autofree char *update_csv = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *backup = NULL;
  gboolean ok = TRUE;
  guint n;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs to take the median of", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("usage: bench-csv [--runs N] PLAN\n");
      return 2;
    }

  plan_file = g_file_new_for_path (argv[1]);
  plan = soc_document_load (plan_file, NULL, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (soc_document_get_stakeholders (plan));

  dir = g_dir_make_tmp ("bench-csv-XXXXXX", &error);
  g_assert_no_error (error);
  add_csv = g_build_filename (dir, "add.csv", NULL);
  update_csv = g_build_filename (dir, "update.csv", NULL);
  out_path = g_build_filename (dir, "out.socplan", NULL);
  backup = g_strconcat (out_path, "~", NULL);
  {
    g_autoptr(GBytes) add = rows_from (plan, TRUE);
    g_autoptr(GBytes) update = rows_from (plan, FALSE);

    write_bytes (add_csv, add);
    write_bytes (update_csv, update);
    g_print ("%s: %u rows, %.1f MB of CSV\n", argv[1], n, (double) g_bytes_get_size (add) / 1e6);
  }

  for (guint scenario = 0; scenario < 2; scenario++)
    {
      g_autoptr(GArray) imports = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
      gboolean add = scenario == 0;
      double import_ms, save_ms, ratio;

      for (int r = 0; r < runs; r++)
        {
          g_autoptr(SocDocument) doc = add ? soc_document_new () : soc_document_load (plan_file, NULL, &error);

          g_assert_no_error (error);
          run (doc, add ? add_csv : update_csv, out_path, n, add, &import_ms, &save_ms);
          g_array_append_val (imports, import_ms);
          g_array_append_val (saves, save_ms);
          g_unlink (out_path);
          g_unlink (backup);
        }
      import_ms = median (imports);
      save_ms = median (saves);
      ratio = import_ms / save_ms;
      ok = ok && ratio <= FLOOR;
      g_print ("  %-7s import %8.1f ms   save the result %8.1f ms   import/save %.2fx (floor %.1fx) %s\n",
               add ? "add" : "update", import_ms, save_ms, ratio, FLOOR, ratio <= FLOOR ? "ok" : "OVER");
    }

  g_unlink (add_csv);
  g_unlink (update_csv);
  g_rmdir (dir);
  return ok ? 0 : 1;
}
