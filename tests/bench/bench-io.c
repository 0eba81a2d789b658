/* bench-io.c: load and save times and peak memory, next to xmllint
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-io [--runs N] FILE...
 *   bench-io [--runs N] --validate SOCPLAN-CLI FILE...
 *
 * Each measurement runs in a fresh process, so peak memory (ru_maxrss of
 * that process) is the load's own. Prints medians of N runs (default 5).
 * The floors (issue 2): load at most 1.5x `xmllint --noout`, save at most
 * the load time, peak memory at most 4x the file size.
 *
 * With --validate: `socplan-cli validate FILE` beside `xmllint --noout FILE`,
 * each a whole process, run in turns; the floor (issue 13) is 1.5x, on any
 * plan, valid or refused.
 */

#include "config.h"

#include <fcntl.h>
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
  double cpu_ms;
  double rss_mb;
  int    status;
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

/* Runs ARGV, returning its wall and CPU time, peak memory, exit status and
 * the first line it printed. Fails unless it exits with 0, or with at most
 * MAX_STATUS. */
static gboolean
measure_status (char   **argv,
                int      max_status,
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
      if (max_status > 0)
        {
          int null = open ("/dev/null", O_WRONLY);
          dup2 (null, STDERR_FILENO);
        }
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
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) > max_status)
    {
      g_printerr ("bench-io: %s failed\n", argv[0]);
      return FALSE;
    }
  sample->wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  sample->cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                   (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  sample->rss_mb = usage.ru_maxrss / 1024.0;
  sample->status = WEXITSTATUS (status);
  return TRUE;
}

static gboolean
measure (char   **argv,
         Sample  *sample,
         char   **line)
{
  return measure_status (argv, 0, sample, line);
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

/* socplan-cli validate beside xmllint --noout, in turns, medians of RUNS. */
static int
bench_validate (const char  *cli,
                int          runs,
                int          n_files,
                char       **files)
{
  g_print ("%-28s %9s %11s %11s %7s %9s %9s %7s  %s\n",
           "file", "size MB", "xmllint ms", "validate ms", "v/x", "x cpu ms", "v cpu ms", "v/x cpu", "result");
  g_print ("%-28s %9s %11s %11s %7s %9s %9s %7s\n", "(floor)", "", "", "", "<=1.5", "", "", "<=1.5");

  for (int f = 0; f < n_files; f++)
    {
      const char *path = files[f];
      g_autofree double *xw = g_new0 (double, runs);
      g_autofree double *xc = g_new0 (double, runs);
      g_autofree double *vw = g_new0 (double, runs);
      g_autofree double *vc = g_new0 (double, runs);
      g_autofree char *name = g_path_get_basename (path);
      int status = 0;
      GStatBuf st;
      double xwm, xcm, vwm, vcm;

      if (g_stat (path, &st) != 0)
        {
          g_printerr ("cannot stat %s\n", path);
          return 1;
        }
      for (int i = 0; i < runs; i++)
        {
          char *xmllint[] = { (char *) "xmllint", (char *) "--noout", (char *) path, NULL };
          char *validate[] = { (char *) cli, (char *) "validate", (char *) path, NULL };
          Sample s;

          if (!measure (xmllint, &s, NULL))
            return 1;
          xw[i] = s.wall_ms;
          xc[i] = s.cpu_ms;
          if (!measure_status (validate, 1, &s, NULL))
            return 1;
          vw[i] = s.wall_ms;
          vc[i] = s.cpu_ms;
          status = s.status;
        }
      xwm = median (xw, runs);
      xcm = median (xc, runs);
      vwm = median (vw, runs);
      vcm = median (vc, runs);
      g_print ("%-28s %9.2f %11.1f %11.1f %7.2f %9.1f %9.1f %7.2f  %s\n",
               name, st.st_size / (1024.0 * 1024.0), xwm, vwm, vwm / xwm, xcm, vcm, vcm / MAX (xcm, 1.0),
               status == 0 ? "valid" : "refused");
    }
  g_print ("%-28s (%d runs each, in turns, medians; wall time and the processes' CPU time)\n", "", runs);
  return 0;
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
  if (argc >= 4 && g_str_equal (argv[1], "--validate"))
    return bench_validate (argv[2], runs, argc - 3, argv + 3);
  if (argc < 2)
    {
      g_printerr ("usage: bench-io [--runs N] [--validate SOCPLAN-CLI] FILE...\n");
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
