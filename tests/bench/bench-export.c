/* bench-export.c: what exporting a view or the report costs
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-export FILE -o OUT.{pdf,svg,png} [--view roadmap|goals|stakeholders|report]
 *                [--paper a4|letter|a3] [--landscape] [--pages-wide N] [--poster]
 *                [--dpi N] [--runs N]
 *
 * Loads FILE once (load-ms), then exports it RUNS times (default 5) into
 * OUT, each time from nothing: pagination, layout, painting and the file
 * written (export-ms: the median of the time that passed; cpu-ms: the
 * median of the processor time the process used, all its threads
 * together, which a machine busy with other work changes less; first-ms:
 * the first run). Prints the page count and the file's size.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "soc-export.h"

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

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
  g_autofree char *output = NULL;
  g_autofree char *view = NULL;
  g_autofree char *paper = NULL;
  gboolean landscape = FALSE, poster = FALSE;
  int pages_wide = 1, dpi = 0, runs = 5;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write", "OUT" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, "roadmap, goals, stakeholders or report", "VIEW" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, "a4, letter or a3", "PAPER" },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape, "Sideways", NULL },
    { "pages-wide", 0, 0, G_OPTION_ARG_INT, &pages_wide, "Pages across", "N" },
    { "poster", 0, 0, G_OPTION_ARG_NONE, &poster, "One page", NULL },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, "PNG resolution", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "How many exports", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(SocDocument) doc = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *name = NULL;
  SocExportOptions options;
  GStatBuf st;
  guint n_pages = 0;
  gint64 t0;
  double load_ms, first_ms = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || output == NULL)
    {
      g_printerr ("usage: bench-export FILE -o OUT [options]%s%s\n", error ? ": " : "", error ? error->message : "");
      return 2;
    }

  soc_export_options_init (&options);
  if (!soc_export_format_for_name (output, &options.format) ||
      (paper != NULL && !soc_paper_from_name (paper, &options.paper)))
    {
      g_printerr ("bench-export: unknown format or paper\n");
      return 2;
    }
  options.view = view != NULL ? view : "roadmap";
  options.landscape = landscape;
  options.pages_wide = (guint) MAX (pages_wide, 1);
  options.poster = poster;
  options.dpi = (guint) MAX (dpi, 0);

  file = g_file_new_for_commandline_arg (argv[1]);
  t0 = g_get_monotonic_time ();
  doc = soc_document_load (file, NULL, &error);
  load_ms = (g_get_monotonic_time () - t0) / 1000.0;
  if (doc == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  out = g_file_new_for_commandline_arg (output);
  for (int i = 0; i < MAX (runs, 1); i++)
    {
      double ms, c0 = cpu_ms (), c;

      t0 = g_get_monotonic_time ();
      if (!soc_export_to_file (doc, &options, out, &n_pages, NULL, &error))
        {
          g_printerr ("%s: %s\n", output, error->message);
          return 1;
        }
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      c = cpu_ms () - c0;
      g_array_append_val (cpu, c);
      if (i == 0)
        first_ms = ms;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  g_array_sort (cpu, compare_doubles);
  name = g_path_get_basename (argv[1]);
  if (g_stat (output, &st) != 0)
    st.st_size = 0;
  g_print ("%-26s view=%-12s load-ms=%7.1f export-ms=%7.1f cpu-ms=%7.1f first-ms=%7.1f pages=%u size-kb=%.0f\n",
           name, options.view, load_ms, g_array_index (times, double, times->len / 2),
           g_array_index (cpu, double, cpu->len / 2), first_ms, n_pages, st.st_size / 1024.0);
  return 0;
}
