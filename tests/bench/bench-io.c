/* bench-io.c: load and save times and peak memory, next to xmllint
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-io [--runs N] FILE...
 *
 * Each measurement runs in a fresh process, so peak memory (ru_maxrss of
 * that process) is the load's own. Prints medians of N runs (default 5).
 * The floors (issue 2): load at most 1.5x `xmllint --noout`, save at most
 * the load time, peak memory at most 4x the file size.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "soc-document.h"

typedef struct
{
  double load_ms;
  double save_ms;
  double wall_ms;
  double rss_mb;
} Sample;

/* In the child: load FILE, save it aside, print the two times. */
static int
child (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = NULL;
  g_autofree char *out_path = NULL;
  g_autoptr(GFile) out = NULL;
  gint64 t0, t1, t2;
  int fd;

  file = g_file_new_for_path (path);
  t0 = g_get_monotonic_time ();
  doc = soc_document_load (file, NULL, &error);
  t1 = g_get_monotonic_time ();
  if (doc == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_getenv ("BENCH_IO_HWM") != NULL)
    {
      g_autofree char *status = NULL;
      g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
      g_printerr ("after load: %s\n", strstr (status, "VmHWM"));
    }
  fd = g_file_open_tmp ("bench-io-XXXXXX.socplan", &out_path, &error);
  if (fd < 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  close (fd);
  out = g_file_new_for_path (out_path);

  t2 = g_get_monotonic_time ();
  if (!soc_document_save (doc, out, SOC_SAVE_FLAGS_OVERWRITE, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  {
    gint64 t3 = g_get_monotonic_time ();
    g_autofree char *backup = g_strconcat (out_path, "~", NULL);

    g_print ("%.3f %.3f\n", (t1 - t0) / 1000.0, (t3 - t2) / 1000.0);
    g_unlink (out_path);
    g_unlink (backup);
  }
  return 0;
}

/* Runs ARGV, returning its wall time, peak memory and the first line it printed. */
static gboolean
measure (char   **argv,
         Sample  *sample,
         char   **line)
{
  int out_pipe[2];
  struct rusage usage;
  gint64 start;
  pid_t pid;
  int status;

  if (pipe (out_pipe) != 0)
    return FALSE;
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      dup2 (out_pipe[1], STDOUT_FILENO);
      close (out_pipe[0]);
      close (out_pipe[1]);
      execvp (argv[0], argv);
      _exit (127);
    }
  close (out_pipe[1]);
  {
    char buf[256];
    ssize_t n = read (out_pipe[0], buf, sizeof buf - 1);
    buf[MAX (n, 0)] = '\0';
    if (line != NULL)
      *line = g_strdup (buf);
    while (read (out_pipe[0], buf, sizeof buf) > 0)
      ;
  }
  close (out_pipe[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench-io: %s failed\n", argv[0]);
      return FALSE;
    }
  sample->wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  sample->rss_mb = usage.ru_maxrss / 1024.0;
  return TRUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int    argc,
      char **argv)
{
  int runs = 5;
  gboolean header = TRUE;
  char *self_path = argv[0];
  double base_rss;

  if (argc >= 3 && g_str_equal (argv[1], "--child"))
    return child (argv[2]);

  if (argc >= 3 && g_str_equal (argv[1], "--runs"))
    {
      runs = MAX (1, atoi (argv[2]));
      argv += 2;
      argc -= 2;
    }
  if (argc < 2)
    {
      g_printerr ("usage: bench-io [--runs N] FILE...\n");
      return 2;
    }

  /* The same work on an empty plan: what the libraries cost before any plan. */
  {
    g_autofree char *empty = NULL;
    int fd = g_file_open_tmp ("bench-io-empty-XXXXXX.socplan", &empty, NULL);
    const char *text = "<socplan xmlns=\"" SOC_FORMAT_NAMESPACE "\" version=\"1.0\"/>\n";
    char *args[] = { self_path, (char *) "--child", NULL, NULL };
    Sample s;

    if (fd < 0 || write (fd, text, strlen (text)) != (ssize_t) strlen (text))
      return 1;
    close (fd);
    args[2] = empty;
    if (!measure (args, &s, NULL))
      return 1;
    base_rss = s.rss_mb;
    g_unlink (empty);
  }

  for (int f = 1; f < argc; f++)
    {
      const char *path = argv[f];
      GStatBuf st;
      double size_mb;
      g_autofree double *xml_ms = g_new0 (double, runs);
      g_autofree double *xml_rss = g_new0 (double, runs);
      g_autofree double *load_ms = g_new0 (double, runs);
      g_autofree double *save_ms = g_new0 (double, runs);
      g_autofree double *rss = g_new0 (double, runs);
      double xm, lm, sm, rm, xr;

      if (g_stat (path, &st) != 0)
        {
          g_printerr ("cannot stat %s\n", path);
          return 1;
        }
      size_mb = st.st_size / (1024.0 * 1024.0);

      for (int i = 0; i < runs; i++)
        {
          char *xmllint[] = { (char *) "xmllint", (char *) "--noout", (char *) path, NULL };
          char *self[] = { self_path, (char *) "--child", (char *) path, NULL };
          g_autofree char *line = NULL;
          Sample s;

          if (!measure (xmllint, &s, NULL))
            return 1;
          xml_ms[i] = s.wall_ms;
          xml_rss[i] = s.rss_mb;
          if (!measure (self, &s, &line) || sscanf (line, "%lf %lf", &load_ms[i], &save_ms[i]) != 2)
            return 1;
          rss[i] = s.rss_mb;
        }

      xm = median (xml_ms, runs);
      xr = median (xml_rss, runs);
      lm = median (load_ms, runs);
      sm = median (save_ms, runs);
      rm = median (rss, runs);

      if (header)
        {
          g_print ("%-28s %9s %11s %9s %7s %9s %7s %10s %10s %9s\n",
                   "file", "size MB", "xmllint ms", "load ms", "load/x", "save ms", "save/l",
                   "peak MB", "plan MB", "plan/size");
          g_print ("%-28s %9s %11s %9s %7s %9s %7s %10s %10s %9s\n",
                   "(floor)", "", "", "", "<=1.5", "", "<=1.0", "", "", "<=4.0");
          header = FALSE;
        }
      g_print ("%-28s %9.2f %11.1f %9.1f %7.2f %9.1f %7.2f %10.1f %10.1f %9.2f\n",
               g_path_get_basename (path), size_mb, xm, lm, lm / xm, sm, sm / lm,
               rm, rm - base_rss, (rm - base_rss) / size_mb);
      g_print ("%-28s %9s %11s (xmllint peak %.1f MB; an empty plan %.1f MB; %d runs, medians)\n",
               "", "", "", xr, base_rss, runs);
    }
  return 0;
}
