/* soc-print-test-util.h: helpers for the printing and export tests
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "soc-test-util.h"

/* A plan from gen-plan, in DIR. */
G_GNUC_UNUSED static SocDocument *
soc_print_test_generate (const char *dir,
                         guint       goals,
                         guint       items,
                         guint       stakeholders,
                         guint       seed)
{
  g_autofree char *path = soc_test_generate_path (dir, goals, items, stakeholders, seed);

  return soc_test_load_path (path);
}

/* Runs ARGV; returns its exit status, its output in *OUT if not NULL. */
G_GNUC_UNUSED static int
soc_print_test_run (const char * const *argv,
                    char              **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &stdout_text, NULL, &status, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* What pdfinfo says after KEY: on its own line ("Pages", "Title"). */
G_GNUC_UNUSED static char *
soc_print_test_pdfinfo (const char *pdf,
                        const char *key)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (soc_print_test_run (argv, &out), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

G_GNUC_UNUSED static guint
soc_print_test_n_pages (const char *pdf)
{
  g_autofree char *pages = soc_print_test_pdfinfo (pdf, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

/* The text of page PAGE (from 1). */
G_GNUC_UNUSED static char *
soc_print_test_page_text (const char *pdf,
                          guint       page)
{
  g_autofree char *p = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", p, "-l", p, "-layout", pdf, "-", NULL };
  char *out = NULL;

  g_assert_cmpint (soc_print_test_run (argv, &out), ==, 0);
  return out;
}

/* Page PAGE (from 1) of PDF as an image at DPI, through pdftoppm. */
G_GNUC_UNUSED static cairo_surface_t *
soc_print_test_raster (const char *pdf,
                       guint       page,
                       guint       dpi,
                       const char *dir)
{
  g_autofree char *p = g_strdup_printf ("%u", page);
  g_autofree char *r = g_strdup_printf ("%u", dpi);
  g_autofree char *base = g_strdup_printf ("%s/raster-%u", dir, page);
  g_autofree char *png = g_strdup_printf ("%s.png", base);
  const char *argv[] = { "pdftoppm", "-f", p, "-l", p, "-r", r, "-png", "-singlefile", pdf, base, NULL };
  cairo_surface_t *surface;

  g_assert_cmpint (soc_print_test_run (argv, NULL), ==, 0);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_unlink (png);
  return surface;
}

/* The share of pixels of SURFACE that are not white. */
G_GNUC_UNUSED static double
soc_print_test_ink (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  guint64 inked = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + 4 * x);

        if ((px & 0xffffff) != 0xffffff)
          inked++;
      }
  return (double) inked / ((double) w * h);
}

/* The share of pixels that differ by more than TOLERANCE in a channel. */
G_GNUC_UNUSED static double
soc_print_test_difference (cairo_surface_t *a,
                           cairo_surface_t *b,
                           int              tolerance)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  guint64 differ = 0;

  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pa = *(const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a) + 4 * x);
        guint32 pb = *(const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b) + 4 * x);

        for (int c = 0; c < 24; c += 8)
          if (ABS ((int) ((pa >> c) & 0xff) - (int) ((pb >> c) & 0xff)) > tolerance)
            {
              differ++;
              break;
            }
      }
  return (double) differ / ((double) w * h);
}
