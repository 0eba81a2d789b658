/* test-export.c: PDF, SVG and PNG files of views and of the plan report
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checked with the tools a reader of them would use: pdfinfo (page count
 * and size, metadata), pdffonts (every font embedded), pdftotext (titles,
 * lanes, header and footer on every page), qpdf --check and --json (a
 * sound file, its bookmarks), pdftoppm (no blank page), xmllint (SVG).
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdarg.h>

#include "soc-export.h"
#include "soc-print-job.h"
#include "soc-print-test-util.h"
#include "soc-roadmap-printable.h"

/* 2026-03-05 12:00 UTC: the day the files say they were printed. */
#define PRINTED 1772712000

static char *tmpdir;

static void
export_options (SocExportOptions *o,
                SocExportFormat   format,
                const char       *view)
{
  soc_export_options_init (o);
  o->format = format;
  o->view = view;
  o->printed = PRINTED;
}

static char *
export (SocDocument            *doc,
        const SocExportOptions *o,
        const char             *name,
        guint                  *n_pages)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (soc_export_to_file (doc, o, file, n_pages, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The pages the exporter draws for O, as a print job lays them out. */
static SocPrintJob *
job_for (SocDocument            *doc,
         const SocExportOptions *o)
{
  SocPrintOptions p;
  double w, h;

  soc_print_options_init (&p);
  p.view = o->view;
  p.pages_wide = MAX (o->pages_wide, 1);
  p.printed = o->printed;
  soc_paper_get_size (o->paper, o->landscape, &w, &h);
  return soc_print_job_new (doc, &p, w - 2 * SOC_EXPORT_MARGIN, h - 2 * SOC_EXPORT_MARGIN, NULL);
}

static void
assert_qpdf_clean (const char *pdf)
{
  const char *argv[] = { "qpdf", "--check", pdf, NULL };

  g_assert_cmpint (soc_print_test_run (argv, NULL), ==, 0);
}

static void
assert_fonts_embedded (const char *pdf)
{
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint fonts = 0;

  g_assert_cmpint (soc_print_test_run (argv, &out), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* Two lines of heading; then per font: name type encoding emb sub uni object ID. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint k = 0; cols[k] != NULL; k++)
        if (cols[k][0] != '\0')
          g_ptr_array_add (words, cols[k]);
      if (words->len < 7)
        continue;
      /* emb is the fifth field from the end. */
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      fonts++;
    }
  g_assert_cmpuint (fonts, >, 0);
}

/* Every page of PDF is W x H points. */
static void
assert_page_sizes (const char *pdf,
                   guint       n,
                   double      w,
                   double      h)
{
  g_autofree char *last = g_strdup_printf ("%u", n);
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", last, pdf, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint seen = 0;

  g_assert_cmpint (soc_print_test_run (argv, &out), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *size = strstr (lines[i], " size: ");
      double pw, ph;

      if (!g_str_has_prefix (lines[i], "Page ") || size == NULL)
        continue;
      g_assert_cmpint (sscanf (size, " size: %lf x %lf", &pw, &ph), ==, 2);
      g_assert_cmpfloat (fabs (pw - w), <, 0.1);
      g_assert_cmpfloat (fabs (ph - h), <, 0.1);
      seen++;
    }
  g_assert_cmpuint (seen, ==, n);
}

/* Every page has the plan's title at the top, "Page k of N" at the
 * bottom, and some ink. */
static void
assert_every_page (const char *pdf,
                   guint       n,
                   const char *title)
{
  for (guint k = 1; k <= n; k++)
    {
      g_autofree char *text = soc_print_test_page_text (pdf, k);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", k, n);
      cairo_surface_t *page = soc_print_test_raster (pdf, k, 20, tmpdir);

      g_assert_nonnull (strstr (text, title));
      g_assert_nonnull (strstr (text, number));
      g_assert_nonnull (strstr (text, "Printed 5 March 2026"));
      g_assert_cmpfloat (soc_print_test_ink (page), >, 0.01);
      cairo_surface_destroy (page);
    }
}

/* The example's roadmap on A4 landscape, two pages wide. */
static void
test_roadmap_pdf (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocPrintJob) job = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  SocExportOptions o;
  SocPagination *p;
  SocRoadmapLayout *layout;
  guint n = 0;

  export_options (&o, SOC_EXPORT_PDF, "roadmap");
  o.landscape = TRUE;
  o.pages_wide = 2;
  pdf = export (doc, &o, "roadmap.pdf", &n);
  job = job_for (doc, &o);
  p = soc_print_job_get_pagination (job);
  layout = soc_roadmap_printable_get_layout (SOC_ROADMAP_PRINTABLE (soc_print_job_get_printable (job)));

  g_assert_cmpuint (n, ==, soc_pagination_get_n_pages (p));
  g_assert_cmpuint (soc_print_test_n_pages (pdf), ==, n);
  g_assert_cmpuint (soc_pagination_get_n_columns (p), ==, 2);
  assert_page_sizes (pdf, n, 841.89, 595.276);
  assert_fonts_embedded (pdf);
  assert_qpdf_clean (pdf);
  assert_every_page (pdf, n, "Connected Northwind");
  title = soc_print_test_pdfinfo (pdf, "Title");
  subject = soc_print_test_pdfinfo (pdf, "Subject");
  g_assert_cmpstr (title, ==, "Connected Northwind");
  g_assert_cmpstr (subject, ==, "Roadmap");

  /* Each page names the view and the lanes its rows show. */
  for (guint i = 0; i < n; i++)
    {
      const SocPage *page = soc_pagination_get_page (p, i);
      g_autofree char *text = soc_print_test_page_text (pdf, i + 1);

      g_assert_nonnull (strstr (text, "Roadmap"));
      for (guint l = 0; l < soc_roadmap_layout_get_n_lanes (layout); l++)
        {
          const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, l);
          g_autofree char *first_word = g_strdup (soc_lane_get_title (lane->lane));

          if (lane->band.y + lane->band.height <= page->content.y ||
              lane->band.y >= page->content.y + page->content.height)
            continue;
          /* Lane titles wrap over lines: look for their first word. */
          if (strchr (first_word, ' ') != NULL)
            *strchr (first_word, ' ') = '\0';
          g_assert_nonnull (strstr (text, first_word));
        }
      /* Where the view goes on. */
      g_assert_nonnull (strstr (text, page->column == 0 ? "page 2 →" : "← page 1"));
    }
}

/* A generated plan of 2,000 items on A3 landscape, two pages wide. */
static void
test_generated_pdf (void)
{
  g_autoptr(SocDocument) doc = soc_print_test_generate (tmpdir, 200, 2000, 50, 21);
  g_autoptr(SocPrintJob) job = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *title = NULL;
  SocExportOptions o;
  guint n = 0;

  export_options (&o, SOC_EXPORT_PDF, "roadmap");
  o.paper = SOC_PAPER_A3;
  o.landscape = TRUE;
  o.pages_wide = 2;
  pdf = export (doc, &o, "generated.pdf", &n);
  job = job_for (doc, &o);
  g_assert_cmpuint (n, ==, soc_print_job_get_n_pages (job));
  g_assert_cmpuint (soc_print_test_n_pages (pdf), ==, n);
  g_assert_cmpuint (n, >, 2);
  assert_page_sizes (pdf, n, 1190.55, 841.89);
  assert_fonts_embedded (pdf);
  assert_qpdf_clean (pdf);
  title = g_strdup (soc_plan_get_title (soc_document_get_plan (doc)));
  assert_every_page (pdf, n, title);
}

/* The goal tree and the stakeholder map, as pictures and as tables. */
static void
test_table_views_pdf (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  const struct {
    const char *view;
    const char *name;
    const char *inside;
  } views[] = {
    { "goals", "Goal tree", "A company that learns in the open" },
    { "goals", "Goal tree", "Business objective" },
    { "goal-outline", "Goal outline", "Days until a new engineer works unaided" },
    { "stakeholders", "Stakeholders", "Manage closely" },
    { "stakeholder-table", "Stakeholders", "Planned" },
  };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", views[v].view);
      g_autofree char *pdf = NULL;
      g_autofree char *all = NULL;
      const char *cmd[] = { "pdftotext", NULL, "-", NULL };
      SocExportOptions o;
      guint n = 0;

      export_options (&o, SOC_EXPORT_PDF, views[v].view);
      pdf = export (doc, &o, name, &n);
      g_assert_cmpuint (soc_print_test_n_pages (pdf), ==, n);
      assert_page_sizes (pdf, n, 595.276, 841.89);
      assert_fonts_embedded (pdf);
      assert_qpdf_clean (pdf);
      assert_every_page (pdf, n, "Connected Northwind");
      cmd[1] = pdf;
      g_assert_cmpint (soc_print_test_run (cmd, &all), ==, 0);
      g_assert_nonnull (strstr (all, views[v].name));
      g_assert_nonnull (strstr (all, views[v].inside));
    }
}

/* The plan report: its parts, numbers, bookmarks and metadata. */
static void
test_report (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autofree char *pdf = NULL;
  g_autofree char *json = NULL;
  g_autofree char *all = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;
  const char *outlines[] = { "qpdf", "--json", "--json-key=outlines", NULL, NULL };
  const char *text[] = { "pdftotext", NULL, "-", NULL };
  const char *parts[] = { "\"Vision\"", "\"Goal tree\"", "\"Goal outline\"", "\"Roadmap\"", "\"Stakeholders\"",
                          "\"Success factors\"", "\"Curriculum\"", "\"Culture and education\"", "\"Technology\"" };
  const char *contents[] = { "Social business plan report", "Every employee can find the knowledge",
                             "A company that learns in the open", "Key executive support",
                             "Technology only after strategy", "Not yet meeting it", "Manage closely",
                             "Systems and tools", "Page 1 of" };
  SocExportOptions o;
  guint n = 0;

  export_options (&o, SOC_EXPORT_PDF, "report");
  pdf = export (doc, &o, "report.pdf", &n);
  g_assert_cmpuint (n, >=, 7);
  g_assert_cmpuint (soc_print_test_n_pages (pdf), ==, n);
  assert_fonts_embedded (pdf);
  assert_qpdf_clean (pdf);

  title = soc_print_test_pdfinfo (pdf, "Title");
  author = soc_print_test_pdfinfo (pdf, "Author");
  subject = soc_print_test_pdfinfo (pdf, "Subject");
  g_assert_cmpstr (title, ==, "Connected Northwind");
  g_assert_cmpstr (author, ==, "Anna Okafor, Social Business Lead");
  g_assert_cmpstr (subject, ==, "Social business plan report");

  outlines[3] = pdf;
  g_assert_cmpint (soc_print_test_run (outlines, &json), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_assert_nonnull (strstr (json, parts[i]));

  text[1] = pdf;
  g_assert_cmpint (soc_print_test_run (text, &all), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    g_assert_nonnull (strstr (all, contents[i]));

  /* Every page numbered out of the whole, and none blank. */
  for (guint k = 1; k <= n; k++)
    {
      g_autofree char *page = soc_print_test_page_text (pdf, k);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", k, n);
      cairo_surface_t *raster = soc_print_test_raster (pdf, k, 20, tmpdir);

      g_assert_nonnull (strstr (page, number));
      g_assert_cmpfloat (soc_print_test_ink (raster), >, 0.005);
      cairo_surface_destroy (raster);
    }

  /* Text parts upright, the roadmap sideways. */
  {
    g_autofree char *last = g_strdup_printf ("%u", n);
    const char *sizes[] = { "pdfinfo", "-f", "1", "-l", last, pdf, NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (soc_print_test_run (sizes, &out), ==, 0);
    g_assert_nonnull (strstr (out, "Page    1 size:  595.276 x 841.89 pts"));
    g_assert_nonnull (strstr (out, "size:  841.89 x 595.276 pts"));
  }
}

/* One SVG picture, valid XML, sized in points. */
static void
test_svg (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autofree char *svg = NULL;
  g_autofree char *contents = NULL;
  const char *xmllint[] = { "xmllint", "--noout", NULL, NULL };
  SocExportOptions o;
  guint n = 0;

  export_options (&o, SOC_EXPORT_SVG, "roadmap");
  o.landscape = TRUE;
  svg = export (doc, &o, "roadmap.svg", &n);
  g_assert_cmpuint (n, ==, 1);
  xmllint[2] = svg;
  g_assert_cmpint (soc_print_test_run (xmllint, NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"841.89"));

  /* The other views too. */
  export_options (&o, SOC_EXPORT_SVG, "stakeholders");
  g_free (svg);
  svg = export (doc, &o, "stakeholders.svg", &n);
  xmllint[2] = svg;
  g_assert_cmpint (soc_print_test_run (xmllint, NULL), ==, 0);
}

static const guint8 *
find_bytes (const char *data,
            gsize       len,
            const char *what)
{
  gsize n = strlen (what);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, what, n) == 0)
      return (const guint8 *) data + i;
  return NULL;
}

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* A PNG at the resolution asked for, saying so. */
static void
test_png (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocPrintJob) job = NULL;
  g_autofree char *png = NULL;
  g_autofree char *bytes = NULL;
  cairo_surface_t *image;
  SocExportOptions o;
  SocPrintOptions p;
  double w, h, pw, ph;
  gsize len;
  const guint8 *phys;

  export_options (&o, SOC_EXPORT_PNG, "roadmap");
  o.landscape = TRUE;
  o.dpi = 120;
  png = export (doc, &o, "roadmap.png", NULL);

  soc_print_options_init (&p);
  p.poster = TRUE;
  p.printed = PRINTED;
  soc_paper_get_size (SOC_PAPER_A4, TRUE, &pw, &ph);
  job = soc_print_job_new (doc, &p, pw - 2 * SOC_EXPORT_MARGIN, ph - 2 * SOC_EXPORT_MARGIN, NULL);
  soc_print_job_get_poster_size (job, &w, &h);

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil ((w + 2 * SOC_EXPORT_MARGIN) * 120 / 72.0));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil ((h + 2 * SOC_EXPORT_MARGIN) * 120 / 72.0));
  g_assert_cmpfloat (soc_print_test_ink (image), >, 0.05);
  cairo_surface_destroy (image);

  g_assert_true (g_file_get_contents (png, &bytes, &len, NULL));
  phys = find_bytes (bytes, len, "pHYs");
  if (phys == NULL)
    g_error ("%s has no pHYs chunk", png);
  g_assert_cmpuint (read_u32 (phys + 4), ==, 4724);   /* 120 dpi in dots per metre */
  g_assert_cmpuint (read_u32 (phys + 8), ==, 4724);
  g_assert_cmpuint (phys[12], ==, 1);
  /* Before the image data, as PNG wants. */
  g_assert_true (phys < find_bytes (bytes, len, "IDAT"));
}

/* A failed export leaves the file there as it was, and makes none. */
static void
test_failure_keeps_file (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autofree char *path = g_build_filename (tmpdir, "kept.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  SocExportOptions o;

  g_assert_true (g_file_set_contents (path, "what was there", -1, NULL));
  export_options (&o, SOC_EXPORT_PNG, "roadmap");
  o.paper = SOC_PAPER_A3;
  o.pages_wide = 8;
  o.dpi = 2400;
  g_assert_false (soc_export_to_file (doc, &o, file, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "what was there");

  /* Nor a new file. */
  g_clear_error (&error);
  {
    g_autofree char *fresh = g_build_filename (tmpdir, "fresh.png", NULL);
    g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);

    g_assert_false (soc_export_to_file (doc, &o, fresh_file, NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }

  g_clear_error (&error);
  export_options (&o, SOC_EXPORT_PDF, "gantt");
  g_assert_false (soc_export_to_file (doc, &o, file, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  g_clear_error (&error);
  export_options (&o, SOC_EXPORT_SVG, "report");
  g_assert_false (soc_export_to_file (doc, &o, file, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_free (contents);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "what was there");
}

/* A stream that fails part way (a full disk) makes the export fail with
 * its error, whether the bytes were still gathered or already written;
 * one with room gets every byte. (An SVG names its parts with numbers
 * that count up in a process: only its PDFs are the same twice.) */
static void
test_stream_fails (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  static const struct { SocExportFormat format; const char *view; } cases[] = {
    { SOC_EXPORT_PDF, "roadmap" }, { SOC_EXPORT_PDF, "report" }, { SOC_EXPORT_SVG, "goals" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GOutputStream) roomy = g_memory_output_stream_new_resizable ();
      gboolean same = cases[i].format == SOC_EXPORT_PDF;
      gsize full;
      SocExportOptions o;

      export_options (&o, cases[i].format, cases[i].view);
      g_assert_true (soc_export_write (doc, &o, roomy, NULL, NULL, NULL));
      full = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (roomy));
      g_assert_cmpuint (full, >, 1000);

      /* Room for a tenth, for all but the last byte, and for all of it. */
      for (guint k = same ? 0 : 2; k < 3; k++)
        {
          gsize room = k == 0 ? full / 10 : k == 1 ? full - 1 : same ? full : full + 64;
          g_autofree guint8 *buffer = g_malloc (room);
          g_autoptr(GOutputStream) tight = g_memory_output_stream_new (buffer, room, NULL, NULL);
          g_autoptr(GError) error = NULL;
          gboolean ok = soc_export_write (doc, &o, tight, NULL, NULL, &error);

          if (k < 2)
            {
              g_assert_false (ok);
              g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
            }
          else
            {
              g_assert_no_error (error);
              g_assert_true (ok);
              if (same)
                g_assert_cmpmem (buffer, room, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (roomy)), full);
            }
        }
      /* A tenth of an SVG's room. */
      if (!same)
        {
          g_autofree guint8 *buffer = g_malloc (full / 10);
          g_autoptr(GOutputStream) tight = g_memory_output_stream_new (buffer, full / 10, NULL, NULL);
          g_autoptr(GError) error = NULL;

          g_assert_false (soc_export_write (doc, &o, tight, NULL, NULL, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
        }
    }
}

/* A poster: one page, the view whole. */
static void
test_poster_pdf (void)
{
  g_autoptr(SocDocument) doc = soc_print_test_generate (tmpdir, 50, 500, 20, 4);
  g_autofree char *pdf = NULL;
  g_autofree char *size = NULL;
  SocExportOptions o;
  double w, h;
  guint n = 0;

  export_options (&o, SOC_EXPORT_PDF, "roadmap");
  o.poster = TRUE;
  o.landscape = TRUE;
  pdf = export (doc, &o, "poster.pdf", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (soc_print_test_n_pages (pdf), ==, 1);
  size = soc_print_test_pdfinfo (pdf, "Page size");
  g_assert_cmpint (sscanf (size, "%lf x %lf", &w, &h), ==, 2);
  g_assert_cmpfloat (fabs (w - 841.89), <, 0.1);
  g_assert_cmpfloat (h, >, 595.3);
  assert_qpdf_clean (pdf);
}

/* socplan-cli export: the same pages as the render layer draws. */
static int
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SOCPLAN_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autofree char *pdf = g_build_filename (tmpdir, "cli.pdf", NULL);
  g_autofree char *svg = g_build_filename (tmpdir, "cli.svg", NULL);
  g_autofree char *png = g_build_filename (tmpdir, "cli.png", NULL);
  g_autofree char *report = g_build_filename (tmpdir, "cli-report.pdf", NULL);
  g_autofree char *range = g_build_filename (tmpdir, "cli-range.pdf", NULL);
  g_autofree char *huge = g_build_filename (tmpdir, "cli-huge.png", NULL);
  g_autofree char *api = NULL;
  const char *xmllint[] = { "xmllint", "--noout", NULL, NULL };
  SocExportOptions o;
  guint n = 0;

  /* A4 landscape, two pages wide: the pages the render layer draws. */
  g_assert_cmpint (run_cli ("export", example, "-o", pdf, "--paper", "a4", "--landscape", "--pages-wide", "2", NULL), ==, 0);
  export_options (&o, SOC_EXPORT_PDF, "roadmap");
  o.landscape = TRUE;
  o.pages_wide = 2;
  api = export (doc, &o, "api.pdf", &n);
  g_assert_cmpuint (soc_print_test_n_pages (pdf), ==, n);
  assert_page_sizes (pdf, n, 841.89, 595.276);
  for (guint k = 1; k <= n; k++)
    {
      g_autofree char *a = soc_print_test_page_text (pdf, k);
      g_autofree char *b = soc_print_test_page_text (api, k);

      /* The day of printing aside, the same text. */
      g_assert_nonnull (strstr (a, "Connected Northwind"));
      g_assert_cmpuint (strlen (a), ==, strlen (b));
    }
  assert_qpdf_clean (pdf);

  /* The other formats and views. */
  g_assert_cmpint (run_cli ("export", example, "-o", svg, "--view", "goals", NULL), ==, 0);
  xmllint[2] = svg;
  g_assert_cmpint (soc_print_test_run (xmllint, NULL), ==, 0);
  g_assert_cmpint (run_cli ("export", example, "-o", png, "--dpi", "72", "--view", "stakeholders", NULL), ==, 0);
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (png);

    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil (595.276));
    cairo_surface_destroy (image);
  }
  g_assert_cmpint (run_cli ("export", example, "-o", report, "--view", "report", NULL), ==, 0);
  g_assert_cmpuint (soc_print_test_n_pages (report), >=, 7);

  /* A date range, one end given. */
  g_assert_cmpint (run_cli ("export", example, "-o", range, "--from", "2027-01-01", NULL), ==, 0);
  {
    g_autofree char *text = soc_print_test_page_text (range, 1);

    g_assert_nonnull (strstr (text, "1 Jan 2027 – "));
  }

  /* More than can be drawn: a usage error, and no file. Refused this
   * quickly, the program ends while Pango may still be loading fonts in a
   * thread of its own: it ends cleanly all the same (it aborted in cairo
   * one time in four), so twenty times over. */
  for (guint i = 0; i < 20; i++)
    {
      g_assert_cmpint (run_cli ("export", example, "-o", huge, "--dpi", "2400", "--paper", "a3", "--pages-wide", "8", NULL), ==, 2);
      g_assert_false (g_file_test (huge, G_FILE_TEST_EXISTS));
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = soc_test_make_tmpdir ();

  g_test_add_func ("/export/pdf/roadmap", test_roadmap_pdf);
  g_test_add_func ("/export/pdf/generated", test_generated_pdf);
  g_test_add_func ("/export/pdf/tables", test_table_views_pdf);
  g_test_add_func ("/export/pdf/poster", test_poster_pdf);
  g_test_add_func ("/export/pdf/report", test_report);
  g_test_add_func ("/export/svg", test_svg);
  g_test_add_func ("/export/png", test_png);
  g_test_add_func ("/export/failure-keeps-file", test_failure_keeps_file);
  g_test_add_func ("/export/stream-fails", test_stream_fails);
  g_test_add_func ("/export/cli", test_cli);

  status = g_test_run ();
  soc_test_rm_rf (tmpdir);
  g_free (tmpdir);

  /* Pango's, cairo's and fontconfig's caches go too, so that leak checking
   * stays exact for everything else. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
