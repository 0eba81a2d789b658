/* soc-print-job.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view laid over pages, and each page painted: at the top the plan's
 * title, the view and the days it shows; then the part of the view the
 * pagination gives the page, frame and all; then the legend; at the bottom
 * the day it was printed, where the view goes on (the pages left, right,
 * above and below) and "Page 2 of 6". Printing (GtkPrintOperation), the
 * exporter and the report all paint pages through this, so a page looks
 * the same on paper, in a PDF and in the preview.
 *
 * Everything here is in points, from the top left of the page's printable
 * area; the view is painted in layout pixels under the pagination's scale.
 */

#define G_LOG_DOMAIN "soc-print-job"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "soc-draw.h"
#include "soc-date.h"
#include "soc-palette.h"
#include "soc-print-job.h"
#include "soc-roadmap-printable.h"

#define TITLE_SIZE    11.0
#define INFO_SIZE      8.5
#define SMALL_SIZE     7.5
#define BAND_GAP       6.0   /* between the bands and the view */
#define LEGEND_GAP    10.0   /* between legend entries */

struct _SocPrintJob
{
  gatomicrefcount  ref_count;

  SocDocument     *document;
  SocPrintable    *printable;
  SocPrintOptions  options;
  double           width;
  double           height;
  SocPagination   *pagination;
  SocText         *text;
  GArray          *legend;        /* SocLegendEntry */
  double           header_height;
  double           legend_height;
  double           footer_height;
  char            *title;
  char            *info;          /* "Roadmap · 1 Jan 2026 – 31 Dec 2028" */
  char            *printed;       /* "Printed 5 March 2026" */
  guint            today;
  guint            first_number;
  guint            total_number;
  cairo_surface_t *frame;         /* what every page has alike, recorded */
};

void
soc_print_options_init (SocPrintOptions *options)
{
  *options = (SocPrintOptions) { 0, };
  options->view = "roadmap";
  options->fit = SOC_PAGE_FIT_WIDE;
  options->pages_wide = 1;
  options->scale = SOC_PAGE_NATURAL_SCALE;
  options->legend = TRUE;
}

/* The time of printing: now, or SOURCE_DATE_EPOCH, so that builds and
 * tests make the same pages twice. */
GDateTime *
soc_print_time_now (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_local ();
}

/* A layout of STRING at SIZE points, in the painters' context. */
PangoLayout *
soc_print_text_layout (SocText    *text,
                       double      size,
                       gboolean    bold,
                       const char *string)
{
  PangoLayout *layout = pango_layout_new (soc_text_get_context (text));
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (SOC_TEXT_DEFAULT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, string != NULL ? string : "", -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* ------------------------------------------------------------------------ */
/* The legend                                                               */

static gboolean
has_swatch (const SocLegendEntry *entry)
{
  return entry->swatch != SOC_LEGEND_HEADING && entry->swatch != SOC_LEGEND_TEXT;
}

static double
entry_width (SocPrintJob          *self,
             const SocLegendEntry *entry,
             PangoLayout         **layout)
{
  double w;

  *layout = soc_print_text_layout (self->text, SMALL_SIZE, entry->swatch == SOC_LEGEND_HEADING, entry->text);
  layout_size (*layout, &w, NULL);
  return has_swatch (entry) ? SOC_LEGEND_SWATCH_WIDTH + 3 + w : w;
}

/* Flows the legend over lines WIDTH wide from Y, a heading starting each
 * group on a line of its own; paints it when CR is not NULL. Returns the
 * height it takes. */
static double
flow_legend (SocPrintJob *self,
             cairo_t     *cr,
             double       y0)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  double line = 0, x = 0, y = y0;

  for (guint i = 0; i < self->legend->len; i++)
    {
      const SocLegendEntry *e = &g_array_index (self->legend, SocLegendEntry, i);
      g_autoptr(PangoLayout) layout = NULL;
      double w = entry_width (self, e, &layout);
      double th;

      layout_size (layout, NULL, &th);
      line = MAX (line, MAX (th, 9.0));
      if (x > 0 && (e->swatch == SOC_LEGEND_HEADING || x + w > self->width))
        {
          y += line + 2;
          x = 0;
        }
      if (w > self->width - x)
        {
          pango_layout_set_width (layout, (int) ((self->width - x - (has_swatch (e) ? SOC_LEGEND_SWATCH_WIDTH + 3 : 0)) * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          w = self->width - x;
        }
      if (cr != NULL)
        {
          double tx = x;

          if (has_swatch (e))
            {
              soc_legend_paint_swatch (cr, e, x, y + th / 2, 1.0);
              tx += SOC_LEGEND_SWATCH_WIDTH + 3;
            }
          soc_draw_set_color (cr, e->swatch == SOC_LEGEND_HEADING ? &p->text : &p->text_dim);
          cairo_move_to (cr, tx, y);
          pango_cairo_show_layout (cr, layout);
        }
      x += w + (e->swatch == SOC_LEGEND_HEADING ? 8 : LEGEND_GAP);
    }
  return self->legend->len > 0 ? y - y0 + line : 0;
}

/* ------------------------------------------------------------------------ */

static void
measure_bands (SocPrintJob *self)
{
  g_autoptr(PangoLayout) title = soc_print_text_layout (self->text, TITLE_SIZE, TRUE, self->title);
  g_autoptr(PangoLayout) small = soc_print_text_layout (self->text, SMALL_SIZE, FALSE, self->printed);
  double h, sh;

  layout_size (title, NULL, &h);
  self->header_height = h + BAND_GAP;
  layout_size (small, NULL, &sh);
  self->footer_height = sh + BAND_GAP;
  self->legend_height = self->options.legend && self->legend->len > 0 ? flow_legend (self, NULL, 0) + BAND_GAP : 0;
}

static SocPrintJob *
job_new (SocDocument           *document,
         SocPrintable          *printable,
         const SocPrintOptions *options,
         double                 width,
         double                 height)
{
  SocPrintJob *self = g_new0 (SocPrintJob, 1);
  SocPlan *plan = soc_document_get_plan (document);
  const char *title = soc_plan_get_title (plan);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *range = NULL;
  g_autofree char *day = NULL;
  SocPageOptions page;

  g_atomic_ref_count_init (&self->ref_count);
  self->document = g_object_ref (document);
  self->printable = g_object_ref (printable);
  self->options = *options;
  self->options.view = NULL;
  self->width = width;
  self->height = height;
  self->text = soc_text_new (NULL);
  self->legend = options->legend ? soc_printable_get_legend (printable) : soc_legend_new ();

  now = options->printed != 0 ? g_date_time_new_from_unix_utc (options->printed) : soc_print_time_now ();
  self->today = soc_date_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                                   g_date_time_get_day_of_month (now));
  self->title = g_strdup (title != NULL && title[0] ? title : _("Untitled plan"));
  range = soc_printable_get_range (printable);
  /* Translators: a printed page's header: the view, then what it shows (dates) */
  self->info = range != NULL ? g_strdup_printf (_("%s · %s"), soc_printable_get_name (printable), range)
                             : g_strdup (soc_printable_get_name (printable));
  /* Translators: strftime format of the day a page was printed, in its footer */
  day = g_date_time_format (now, _("%e %B %Y"));
  /* Translators: a printed page's footer; %s is a day such as "5 March 2026" */
  self->printed = g_strdup_printf (_("Printed %s"), g_strstrip (day));

  measure_bands (self);

  soc_page_options_init (&page, width, height);
  page.top = self->header_height;
  page.bottom = self->legend_height + self->footer_height;
  page.fit = options->fit;
  page.pages_wide = MAX (options->pages_wide, 1);
  page.scale = options->scale;
  page.poster = options->poster;
  self->pagination = soc_pagination_new (printable, &page);
  self->first_number = 1;
  self->total_number = soc_pagination_get_n_pages (self->pagination);
  return self;
}

/* DOCUMENT's view OPTIONS->view over pages whose printable area is WIDTH
 * by HEIGHT points (HEIGHT is ignored for a poster). */
SocPrintJob *
soc_print_job_new (SocDocument           *document,
                   const SocPrintOptions *options,
                   double                 width,
                   double                 height,
                   GError               **error)
{
  g_autoptr(SocPrintable) printable = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint today;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL && width > 0 && height > 0, NULL);

  now = options->printed != 0 ? g_date_time_new_from_unix_utc (options->printed) : soc_print_time_now ();
  today = soc_date_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now), g_date_time_get_day_of_month (now));
  printable = soc_printable_new_for_view (document, options->view != NULL ? options->view : "roadmap",
                                          options->from, options->to, today, error);
  if (printable == NULL)
    return NULL;
  if (options->fit == SOC_PAGE_FIT_SCALE && options->zoom > 0 && SOC_IS_ROADMAP_PRINTABLE (printable))
    soc_roadmap_printable_set_zoom (SOC_ROADMAP_PRINTABLE (printable), options->zoom);
  return job_new (document, printable, options, width, height);
}

/* PRINTABLE, a part of DOCUMENT, over pages: for the report's sections. */
SocPrintJob *
soc_print_job_new_for_printable (SocDocument           *document,
                                 SocPrintable          *printable,
                                 const SocPrintOptions *options,
                                 double                 width,
                                 double                 height)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (SOC_IS_PRINTABLE (printable), NULL);
  g_return_val_if_fail (options != NULL && width > 0 && height > 0, NULL);

  return job_new (document, printable, options, width, height);
}

SocPrintJob *
soc_print_job_ref (SocPrintJob *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
soc_print_job_unref (SocPrintJob *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->frame, cairo_surface_destroy);
  g_clear_pointer (&self->pagination, soc_pagination_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->text, soc_text_unref);
  g_clear_object (&self->printable);
  g_clear_object (&self->document);
  g_free (self->title);
  g_free (self->info);
  g_free (self->printed);
  g_free (self);
}

guint
soc_print_job_get_n_pages (SocPrintJob *self)
{
  return soc_pagination_get_n_pages (self->pagination);
}

/* Numbers the pages from FIRST, out of TOTAL: for pages that are part of
 * a longer document. */
void
soc_print_job_set_numbering (SocPrintJob *self,
                             guint        first,
                             guint        total)
{
  self->first_number = first;
  self->total_number = total;
}

SocPagination *
soc_print_job_get_pagination (SocPrintJob *self)
{
  return self->pagination;
}

SocPrintable *
soc_print_job_get_printable (SocPrintJob *self)
{
  return self->printable;
}

/* A poster's size in points: the printable area's width, or the view's
 * if it is wider, and the height it needs. */
void
soc_print_job_get_poster_size (SocPrintJob *self,
                               double      *width,
                               double      *height)
{
  double w, h;

  soc_printable_get_size (self->printable, &w, &h);
  *width = MAX (self->width, w * soc_pagination_get_scale (self->pagination));
  *height = soc_pagination_get_poster_height (self->pagination);
}

/* "Page 2 of 6", as the footer of page INDEX says. */
char *
soc_print_job_get_page_label (SocPrintJob *self,
                              guint        index)
{
  /* Translators: the footer of a printed page */
  return g_strdup_printf (_("Page %u of %u"), self->first_number + index, self->total_number);
}

/* ------------------------------------------------------------------------ */
/* Painting                                                                 */

static void
paint_header (SocPrintJob *self,
              cairo_t     *cr)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  g_autoptr(PangoLayout) title = soc_print_text_layout (self->text, TITLE_SIZE, TRUE, self->title);
  g_autoptr(PangoLayout) info = soc_print_text_layout (self->text, INFO_SIZE, FALSE, self->info);
  double tw, th, iw, ih;

  layout_size (title, &tw, &th);
  layout_size (info, &iw, &ih);
  /* The view and its dates keep their room; a long title gives way. */
  iw = MIN (iw, self->width * 0.6);
  pango_layout_set_width (info, (int) (iw * PANGO_SCALE));
  pango_layout_set_ellipsize (info, PANGO_ELLIPSIZE_START);
  if (tw > self->width - iw - 12)
    {
      pango_layout_set_width (title, (int) (MAX (self->width - iw - 12, 10) * PANGO_SCALE));
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
    }
  soc_draw_set_color (cr, &p->text);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, title);
  soc_draw_set_color (cr, &p->text_dim);
  cairo_move_to (cr, self->width - iw, th - ih - 1);
  pango_cairo_show_layout (cr, info);

  cairo_move_to (cr, 0, self->header_height - BAND_GAP / 2);
  cairo_line_to (cr, self->width, self->header_height - BAND_GAP / 2);
  soc_draw_set_color (cr, &p->border);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

/* The stretches also shown by the pages left and right, tinted, with a
 * dashed edge where the neighbouring page stops: where to overlap the
 * sheets to join them. */
static void
paint_overlaps (SocPrintJob   *self,
                cairo_t       *cr,
                const SocPage *page)
{
  static const double dash[] = { 3, 3 };
  double top = page->content.y, bottom = page->content.y + page->content.height;
  double edges[2] = { -1, -1 };

  cairo_save (cr);
  if (page->overlap_before > 0)
    {
      cairo_rectangle (cr, page->content.x, top, page->overlap_before, bottom - top);
      edges[0] = page->content.x + page->overlap_before;
    }
  if (page->overlap_after > 0)
    {
      double x = page->content.x + page->content.width - page->overlap_after;

      cairo_rectangle (cr, x, top, page->overlap_after, bottom - top);
      edges[1] = x;
    }
  cairo_set_source_rgba (cr, 0, 0, 0, 0.05);
  cairo_fill (cr);
  for (guint i = 0; i < 2; i++)
    if (edges[i] >= 0)
      {
        cairo_move_to (cr, edges[i], top);
        cairo_line_to (cr, edges[i], bottom);
      }
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_view (SocPrintJob *self,
            cairo_t     *cr,
            guint        index)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  const SocPage *page = soc_pagination_get_page (self->pagination, index);
  double s = soc_pagination_get_scale (self->pagination);
  SocRect visible, area;

  soc_pagination_get_view_rect (self->pagination, index, &visible, &area);
  cairo_save (cr);
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_clip (cr);
  cairo_translate (cr, area.x, area.y);
  cairo_scale (cr, s, s);
  cairo_translate (cr, -visible.x, -visible.y);
  soc_printable_paint (self->printable, cr, &visible);
  paint_overlaps (self, cr, page);
  cairo_restore (cr);

  cairo_rectangle (cr, area.x + 0.25, area.y + 0.25, area.width - 0.5, area.height - 0.5);
  soc_draw_set_color (cr, &p->border);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

static void
paint_footer (SocPrintJob *self,
              cairo_t     *cr,
              guint        index,
              double       y)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  SocPagination *pg = self->pagination;
  g_autofree char *number = soc_print_job_get_page_label (self, index);
  g_autoptr(PangoLayout) left = soc_print_text_layout (self->text, SMALL_SIZE, FALSE, self->printed);
  g_autoptr(PangoLayout) right = soc_print_text_layout (self->text, SMALL_SIZE, FALSE, number);
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (g_free);
  double lw, rw, x, total = 0;

  /* Where the view goes on: each mark names the page it goes on to. */
  {
    guint l = soc_pagination_find_neighbour (pg, index, -1, 0);
    guint u = soc_pagination_find_neighbour (pg, index, 0, -1);
    guint d = soc_pagination_find_neighbour (pg, index, 0, 1);
    guint r = soc_pagination_find_neighbour (pg, index, 1, 0);

    if (l != G_MAXUINT)
      /* Translators: in a printed page's footer: the view goes on to the left, on page %u */
      g_ptr_array_add (marks, g_strdup_printf (_("← page %u"), self->first_number + l));
    if (u != G_MAXUINT)
      /* Translators: in a printed page's footer: the view goes on above, on page %u */
      g_ptr_array_add (marks, g_strdup_printf (_("↑ page %u"), self->first_number + u));
    if (d != G_MAXUINT)
      /* Translators: in a printed page's footer: the view goes on below, on page %u */
      g_ptr_array_add (marks, g_strdup_printf (_("↓ page %u"), self->first_number + d));
    if (r != G_MAXUINT)
      /* Translators: in a printed page's footer: the view goes on to the right, on page %u */
      g_ptr_array_add (marks, g_strdup_printf (_("page %u →"), self->first_number + r));
  }

  layout_size (left, &lw, NULL);
  layout_size (right, &rw, NULL);
  soc_draw_set_color (cr, &p->text_dim);
  cairo_move_to (cr, self->width - rw, y);
  pango_cairo_show_layout (cr, right);

  /* The marks in the middle, the page number's weight. */
  {
    g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < marks->len; i++)
      {
        PangoLayout *l = soc_print_text_layout (self->text, SMALL_SIZE, TRUE, g_ptr_array_index (marks, i));
        double w;

        layout_size (l, &w, NULL);
        total += w + (i > 0 ? 14 : 0);
        g_ptr_array_add (layouts, l);
      }
    x = MAX ((self->width - total) / 2, lw + 14);
    soc_draw_set_color (cr, &p->text);
    for (guint i = 0; i < layouts->len && x + 10 < self->width - rw; i++)
      {
        double w;

        layout_size (g_ptr_array_index (layouts, i), &w, NULL);
        cairo_move_to (cr, x, y);
        pango_cairo_show_layout (cr, g_ptr_array_index (layouts, i));
        x += w + 14;
      }
  }
}

static void
paint_frame (SocPrintJob *self,
             cairo_t     *cr,
             double       height)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  g_autoptr(PangoLayout) printed = soc_print_text_layout (self->text, SMALL_SIZE, FALSE, self->printed);

  paint_header (self, cr);
  if (self->legend_height > 0)
    flow_legend (self, cr, height - self->footer_height - self->legend_height + BAND_GAP);
  soc_draw_set_color (cr, &p->text_dim);
  cairo_move_to (cr, 0, height - self->footer_height + BAND_GAP / 2);
  pango_cairo_show_layout (cr, printed);
}

/* What every page has alike: the header, the legend and the day of
 * printing, drawn once and shown on each page. In a PDF it is written once
 * (a form the pages refer to), which keeps large files small and fast. */
static cairo_surface_t *
ensure_frame (SocPrintJob *self,
              double       height)
{
  cairo_rectangle_t extents = { 0, 0, self->width, height };
  cairo_t *cr;

  if (self->frame != NULL)
    return self->frame;
  self->frame = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (self->frame);
  paint_frame (self, cr, height);
  cairo_destroy (cr);
  return self->frame;
}

/* Paints page INDEX into CR, in points, from the top left of the page's
 * printable area. */
void
soc_print_job_paint_page (SocPrintJob *self,
                          cairo_t     *cr,
                          guint        index)
{
  double height;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < soc_print_job_get_n_pages (self));

  height = self->options.poster ? soc_pagination_get_poster_height (self->pagination) : self->height;
  cairo_save (cr);
  /* Shared in a PDF (written directly, or through pages recorded for it);
   * drawn anew elsewhere (cairo 1.16's SVG surface keeps fonts of recorded
   * text alive for ever, and a picture has one page). */
  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF ||
      cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_RECORDING)
    {
      cairo_set_source_surface (cr, ensure_frame (self, height), 0, 0);
      cairo_paint (cr);
    }
  else
    paint_frame (self, cr, height);
  paint_view (self, cr, index);
  paint_footer (self, cr, index, height - self->footer_height + BAND_GAP / 2);
  cairo_restore (cr);
}
