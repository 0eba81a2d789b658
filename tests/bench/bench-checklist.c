/* bench-checklist.c: how long a full judgement of a plan takes
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-checklist [--runs N] FILE...
 *
 * Loads each plan once, then runs soc_checklist_evaluate() N times (default
 * 20) and prints the median and the slowest run next to the floor of issue
 * 4: a 100k-object plan is judged in under 50 ms. Exits 1 when a median is
 * over the floor.
 */

#include "config.h"

#include <stdlib.h>

#include "soc-checklist.h"

#define FLOOR_MS 50.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

int
main (int    argc,
      char **argv)
{
  int runs = 20;
  int first = 1;
  gboolean over = FALSE;

  if (argc > 2 && g_str_equal (argv[1], "--runs"))
    {
      runs = atoi (argv[2]);
      first = 3;
    }
  if (runs < 1 || first >= argc)
    {
      g_printerr ("usage: bench-checklist [--runs N] FILE...\n");
      return 2;
    }

  g_print ("%-28s %9s %10s %10s %9s %s\n", "file", "objects", "median ms", "slowest ms", "floor ms", "score");

  for (int i = first; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(SocDocument) doc = soc_document_load (file, NULL, &error);
      g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);
      g_autofree char *base = g_path_get_basename (argv[i]);
      g_autofree char *score = NULL;
      guint objects;
      double median;

      if (doc == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      objects = soc_document_get_n_goals (doc) +
                g_list_model_get_n_items (soc_document_get_items (doc)) +
                g_list_model_get_n_items (soc_document_get_stakeholders (doc));

      for (int r = 0; r < runs; r++)
        {
          g_autoptr(SocChecklist) checklist = NULL;
          gint64 t0 = g_get_monotonic_time ();
          double ms;

          checklist = soc_checklist_evaluate (doc, 0);
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (times, ms);
          if (score == NULL)
            score = soc_checklist_format_score (checklist);
        }

      g_array_sort (times, compare_doubles);
      median = runs % 2 == 1 ? g_array_index (times, double, runs / 2)
                             : (g_array_index (times, double, runs / 2 - 1) + g_array_index (times, double, runs / 2)) / 2.0;
      g_print ("%-28s %9u %10.2f %10.2f %9.0f %s%s\n", base, objects, median,
               g_array_index (times, double, runs - 1), FLOOR_MS, score,
               median > FLOOR_MS ? "  OVER THE FLOOR" : "");
      over = over || median > FLOOR_MS;
    }

  g_print ("(%d full evaluations per file, medians)\n", runs);
  return over ? 1 : 0;
}
