/* soc-export.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files from the same pages as printing (SocPrintJob), with no display:
 * the application's Export dialog and socplan-cli export both call this.
 *
 *  - PDF: vector, fonts embedded as subsets, every page of the view on its
 *    paper, or one poster page; the title, author, subject, creator and
 *    date in the document's metadata. The report is PDF only.
 *  - SVG and PNG: one picture of the view, as wide as the paper across
 *    the pages wide asked for, and as tall as the view needs. A PNG is
 *    drawn at the resolution asked for and says so in a pHYs chunk.
 *
 * Cairo writes into the stream given; soc_export_to_file() replaces the
 * file only once everything is written.
 */

#define G_LOG_DOMAIN "soc-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "soc-export-private.h"
#include "soc-print-job.h"
#include "soc-report.h"

#define MAX_PNG_BYTES (512u * 1024 * 1024)

void
soc_export_options_init (SocExportOptions *options)
{
  *options = (SocExportOptions) { 0, };
  options->format = SOC_EXPORT_PDF;
  options->view = "roadmap";
  options->paper = SOC_PAPER_A4;
  options->pages_wide = 1;
  options->legend = TRUE;
}

/* The format FILENAME's extension names; FALSE for none we write. */
gboolean
soc_export_format_for_name (const char      *filename,
                            SocExportFormat *format)
{
  const char *slash = strrchr (filename, '/');
  const char *dot = strrchr (slash != NULL ? slash + 1 : filename, '.');

  if (dot == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = SOC_EXPORT_PDF;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = SOC_EXPORT_SVG;
  else if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = SOC_EXPORT_PNG;
  else
    return FALSE;
  return TRUE;
}

static const struct {
  const char *name;
  double      width;
  double      height;
} papers[] = {
  [SOC_PAPER_A4] = { "a4", 595.276, 841.890 },
  [SOC_PAPER_LETTER] = { "letter", 612.0, 792.0 },
  [SOC_PAPER_A3] = { "a3", 841.890, 1190.551 },
};

gboolean
soc_paper_from_name (const char *name,
                     SocPaper   *paper)
{
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (name != NULL && g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *paper = i;
        return TRUE;
      }
  return FALSE;
}

const char *
soc_paper_get_name (SocPaper paper)
{
  g_return_val_if_fail ((guint) paper < G_N_ELEMENTS (papers), "a4");
  return papers[paper].name;
}

/* PAPER's size in points, turned sideways when LANDSCAPE. */
void
soc_paper_get_size (SocPaper  paper,
                    gboolean  landscape,
                    double   *width,
                    double   *height)
{
  g_return_if_fail ((guint) paper < G_N_ELEMENTS (papers));
  *width = landscape ? papers[paper].height : papers[paper].width;
  *height = landscape ? papers[paper].width : papers[paper].height;
}

/* ------------------------------------------------------------------------ */
/* Writing into a GOutputStream                                             */

/* Cairo hands its output over in pieces of about a hundred bytes: they
 * are gathered here and written SINK_SIZE at a time (a 112-page roadmap
 * made 10,000 writes to the file, each a call into the kernel). */
#define SINK_SIZE (64 * 1024)

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
  guint8        *buffer;
  gsize          len;
} Sink;

static gboolean
sink_flush (Sink *sink)
{
  if (sink->error == NULL && sink->len > 0 &&
      !g_output_stream_write_all (sink->stream, sink->buffer, sink->len, NULL, sink->cancellable, &sink->error))
    return FALSE;
  sink->len = 0;
  return sink->error == NULL;
}

static void
sink_clear (Sink *sink)
{
  g_clear_pointer (&sink->buffer, g_free);
  g_clear_error (&sink->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sink, sink_clear)

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (sink->len + length > SINK_SIZE && !sink_flush (sink))
    return CAIRO_STATUS_WRITE_ERROR;
  if (length >= SINK_SIZE)
    {
      if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
        return CAIRO_STATUS_WRITE_ERROR;
      return CAIRO_STATUS_SUCCESS;
    }
  if (sink->buffer == NULL)
    sink->buffer = g_malloc (SINK_SIZE);
  memcpy (sink->buffer + sink->len, data, length);
  sink->len += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Finishes SURFACE and says what went wrong, if anything did. */
static gboolean
finish (cairo_surface_t *surface,
        Sink            *sink,
        GError         **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  sink_flush (sink);
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the file: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
options_to_print (const SocExportOptions *options,
                  SocPrintOptions        *print)
{
  soc_print_options_init (print);
  print->view = options->view;
  print->fit = SOC_PAGE_FIT_WIDE;
  print->pages_wide = MAX (options->pages_wide, 1);
  print->from = options->from;
  print->to = options->to;
  print->legend = options->legend;
  print->printed = options->printed;
  print->poster = options->poster || options->format != SOC_EXPORT_PDF;
}

/* The PDF's title, author, subject and dates. */
void
_soc_export_set_metadata (cairo_surface_t *surface,
                          SocDocument     *document,
                          const char      *subject,
                          gint64           printed)
{
  SocPlan *plan = soc_document_get_plan (document);
  g_autoptr(GDateTime) now = printed != 0 ? g_date_time_new_from_unix_utc (printed) : soc_print_time_now ();
  g_autofree char *author = NULL;
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  const char *title = soc_plan_get_title (plan);

  g_object_get (plan, "author", &author, NULL);
  if (title != NULL && title[0])
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL && author[0])
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  if (subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Socplan " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

static gboolean
write_pdf (SocDocument            *document,
           const SocExportOptions *options,
           Sink                   *sink,
           guint                  *n_pages,
           GError                **error)
{
  SocPrintOptions print;
  g_autoptr(SocPrintJob) job = NULL;
  cairo_surface_t *surface;
  double pw, ph, m = SOC_EXPORT_MARGIN;
  gboolean ok;

  soc_paper_get_size (options->paper, options->landscape, &pw, &ph);
  options_to_print (options, &print);
  job = soc_print_job_new (document, &print, pw - 2 * m, ph - 2 * m, error);
  if (job == NULL)
    return FALSE;
  if (print.poster)
    {
      soc_print_job_get_poster_size (job, &pw, &ph);
      pw += 2 * m;
      ph += 2 * m;
    }

  surface = cairo_pdf_surface_create_for_stream (sink_write, sink, pw, ph);
  _soc_export_set_metadata (surface, document, soc_printable_get_name (soc_print_job_get_printable (job)), options->printed);
  {
    cairo_t *cr = cairo_create (surface);

    /* One thread draws and writes. Pages drawn (recorded) in a second
     * thread while this one wrote them took 40 % less time, but cairo
     * 1.16's fonts are not safe to share that way: one thread dropping a
     * font while the other used it aborted in cairo (cairo_scaled_font_destroy:
     * "! scaled_font->cache_frozen"), in 2 runs of 25 of bench-export. */
    for (guint i = 0; i < soc_print_job_get_n_pages (job) && sink->error == NULL; i++)
      {
        if (g_cancellable_set_error_if_cancelled (sink->cancellable, &sink->error))
          break;
        cairo_save (cr);
        cairo_translate (cr, m, m);
        soc_print_job_paint_page (job, cr, i);
        cairo_restore (cr);
        cairo_show_page (cr);
      }
    cairo_destroy (cr);
  }
  ok = finish (surface, sink, error);
  cairo_surface_destroy (surface);
  if (ok && n_pages != NULL)
    *n_pages = soc_print_job_get_n_pages (job);
  return ok;
}

/* The poster of the view: its job, and its size in points with margins. */
static SocPrintJob *
poster_job (SocDocument            *document,
            const SocExportOptions *options,
            double                 *width,
            double                 *height,
            GError                **error)
{
  SocPrintOptions print;
  SocPrintJob *job;
  double pw, ph, m = SOC_EXPORT_MARGIN;

  soc_paper_get_size (options->paper, options->landscape, &pw, &ph);
  options_to_print (options, &print);
  print.poster = TRUE;
  /* As wide as the pages across would be, glued edge to edge. */
  pw = pw * MAX (options->pages_wide, 1) - 2 * m;
  job = soc_print_job_new (document, &print, pw, ph - 2 * m, error);
  if (job == NULL)
    return NULL;
  soc_print_job_get_poster_size (job, width, height);
  *width += 2 * m;
  *height += 2 * m;
  return job;
}

static gboolean
write_svg (SocDocument            *document,
           const SocExportOptions *options,
           Sink                   *sink,
           GError                **error)
{
  g_autoptr(SocPrintJob) job = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;
  gboolean ok;

  job = poster_job (document, options, &w, &h, error);
  if (job == NULL)
    return FALSE;
  surface = cairo_svg_surface_create_for_stream (sink_write, sink, w, h);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, SOC_EXPORT_MARGIN, SOC_EXPORT_MARGIN);
  soc_print_job_paint_page (job, cr, 0);
  cairo_destroy (cr);
  ok = finish (surface, sink, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* ------------------------------------------------------------------------ */
/* PNG, with its resolution                                                 */

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  static guint32 table[256];
  static gsize made = 0;

  if (g_once_init_enter (&made))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&made, 1);
    }
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc;
}

static void
put_u32 (guint8  *p,
         guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

static cairo_status_t
collect_png (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Writes PNG into SINK with a pHYs chunk saying DPI after its header
 * chunk, where the PNG specification wants it (before the image data). */
static gboolean
write_with_resolution (Sink        *sink,
                       GByteArray  *png,
                       guint        dpi,
                       GError     **error)
{
  const gsize after_header = 8 + 4 + 4 + 13 + 4;   /* signature, then IHDR: length, type, data, CRC */
  guint32 per_metre = (guint32) round (dpi / 0.0254);
  guint8 chunk[4 + 4 + 9 + 4];

  if (png->len < after_header || memcmp (png->data + 12, "IHDR", 4) != 0)
    return g_output_stream_write_all (sink->stream, png->data, png->len, NULL, sink->cancellable, error);
  put_u32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  put_u32 (chunk + 8, per_metre);
  put_u32 (chunk + 12, per_metre);
  chunk[16] = 1;   /* the unit is the metre */
  put_u32 (chunk + 17, crc32_update (0xffffffffu, chunk + 4, 4 + 9) ^ 0xffffffffu);
  return g_output_stream_write_all (sink->stream, png->data, after_header, NULL, sink->cancellable, error) &&
         g_output_stream_write_all (sink->stream, chunk, sizeof chunk, NULL, sink->cancellable, error) &&
         g_output_stream_write_all (sink->stream, png->data + after_header, png->len - after_header, NULL,
                                    sink->cancellable, error);
}

static gboolean
write_png (SocDocument            *document,
           const SocExportOptions *options,
           Sink                   *sink,
           GError                **error)
{
  g_autoptr(SocPrintJob) job = NULL;
  g_autoptr(GByteArray) png = NULL;
  guint dpi = options->dpi > 0 ? options->dpi : SOC_EXPORT_DEFAULT_DPI;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h, px_w, px_h;

  job = poster_job (document, options, &w, &h, error);
  if (job == NULL)
    return FALSE;
  px_w = ceil (w * dpi / 72.0);
  px_h = ceil (h * dpi / 72.0);
  if (px_w > SOC_EXPORT_MAX_PIXELS || px_h > SOC_EXPORT_MAX_PIXELS || px_w * px_h * 4 > MAX_PNG_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: the size of a picture in pixels, and its resolution */
                   _("A picture of %.0f × %.0f pixels at %u dots per inch is too large to draw; "
                     "ask for fewer dots per inch, or export a PDF"), px_w, px_h, dpi);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) px_w, (int) px_h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, dpi / 72.0, dpi / 72.0);
  cairo_translate (cr, SOC_EXPORT_MARGIN, SOC_EXPORT_MARGIN);
  soc_print_job_paint_page (job, cr, 0);
  cairo_destroy (cr);

  png = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, collect_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the file: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return write_with_resolution (sink, png, dpi, error);
}

/* ------------------------------------------------------------------------ */

/* Writes DOCUMENT as OPTIONS say into STREAM; N_PAGES, if not NULL, gets
 * how many pages (1 for a picture). */
gboolean
soc_export_write (SocDocument            *document,
                  const SocExportOptions *options,
                  GOutputStream          *stream,
                  guint                  *n_pages,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_auto(Sink) sink = { stream, cancellable, NULL, NULL, 0 };
  gboolean report;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (options != NULL && options->view != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  report = g_strcmp0 (options->view, "report") == 0;
  if (!report && !soc_printable_view_is_known (options->view))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a view that prints"), options->view);
      return FALSE;
    }
  if (report && options->format != SOC_EXPORT_PDF)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("The plan report is a PDF only"));
      return FALSE;
    }
  if (n_pages != NULL)
    *n_pages = 1;

  if (report)
    {
      cairo_surface_t *surface;
      SocExportOptions o = *options;
      gboolean ok;

      surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, 100, 100);
      ok = soc_report_paint (document, &o, surface, n_pages, cancellable, error);
      if (!ok)
        {
          cairo_surface_finish (surface);
          cairo_surface_destroy (surface);
          g_clear_error (&sink.error);
          return FALSE;
        }
      ok = finish (surface, &sink, error);
      cairo_surface_destroy (surface);
      return ok;
    }

  switch (options->format)
    {
    case SOC_EXPORT_SVG:
      return write_svg (document, options, &sink, error);
    case SOC_EXPORT_PNG:
      return write_png (document, options, &sink, error);
    case SOC_EXPORT_PDF:
    default:
      return write_pdf (document, options, &sink, n_pages, error);
    }
}

/* Writes DOCUMENT as OPTIONS say into FILE, replacing it only when all is
 * written. */
gboolean
soc_export_to_file (SocDocument            *document,
                    const SocExportOptions *options,
                    GFile                  *file,
                    guint                  *n_pages,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local = NULL;
  gboolean existed;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  existed = g_file_query_exists (file, cancellable);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (out == NULL)
    return FALSE;
  if (!soc_export_write (document, options, G_OUTPUT_STREAM (out), n_pages, cancellable, &local))
    {
      /* Closing a cancelled stream leaves a file that was there as it
       * was; one that was not is written in place, and goes. */
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}
