/* soc-pagination.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays a view (SocPrintable) over pages. No drawing: a scale, a grid of
 * columns and rows of pages, and for each page the part of the view it
 * shows, which tests check without a surface.
 *
 *  - The scale. A view whose width follows the paper (the roadmap) keeps
 *    its natural size, a layout pixel being 0.75 point, and is laid out
 *    again to be as wide as the pages across; to fit one page it shrinks
 *    no further than its smallest text allows (SOC_PAGE_MIN_TEXT), then
 *    flows down. Flowing down, it shrinks a little (to BALANCE) if that
 *    spares the last row of pages. A view of a fixed size is scaled to the width (or the
 *    page), within the same limit. A fixed scale is taken as it is, within
 *    the limit too: text never gets smaller than readable; pages are added
 *    instead.
 *  - Columns. The frame at the left (lane titles) is on every page; past
 *    it each page across shows the next stretch of the view, repeating the
 *    last SOC_PAGE_OVERLAP points of the page before. A view with breaks
 *    across (the goal tree's levels) ends each column where it allows
 *    instead, as rows do, and repeats nothing; each such column then has
 *    rows of its own, ending where what lies in that column allows, and
 *    skipping the stretches where nothing lies in it.
 *  - Rows. The frame at the top (the time header) is on every page; below
 *    it each page ends at the last place the view allows a break before
 *    the page is full, so no bar, label or table row is cut. Only a band
 *    taller than a whole page is cut (the page says so: `forced`).
 *  - Pages go across, then down: page 2 is right of page 1. Where the
 *    columns have rows of their own, a column's pages come one after
 *    the other, then the next column's: page 2 is below page 1.
 */

#define G_LOG_DOMAIN "soc-pagination"

#include "config.h"

#include <math.h>

#include "soc-pagination.h"

#define MAX_SCALE (2 * SOC_PAGE_NATURAL_SCALE)
#define MAX_PAGES 100000
#define EPSILON   0.5   /* layout pixels: less is nothing */
#define BALANCE   0.8   /* how much smaller to spare a row of pages */

struct _SocPagination
{
  gatomicrefcount ref_count;
  SocPageOptions  options;
  double          scale;
  double          frame_left;
  double          frame_top;
  double          width;       /* the view's size, frame included */
  double          height;
  guint           n_columns;
  guint           n_rows;
  GArray         *pages;       /* SocPage, across then down; or down, then across */
  GArray         *firsts;      /* guint: each column's first page, when each has its own rows */
};

void
soc_page_options_init (SocPageOptions *options,
                       double          width,
                       double          height)
{
  *options = (SocPageOptions) { 0, };
  options->width = width;
  options->height = height;
  options->fit = SOC_PAGE_FIT_WIDE;
  options->pages_wide = 1;
  options->scale = SOC_PAGE_NATURAL_SCALE;
  options->min_text = SOC_PAGE_MIN_TEXT;
  options->overlap = SOC_PAGE_OVERLAP;
}

/* Points of the page the view may fill, down: all of it for a poster. */
static double
room_down (const SocPageOptions *o)
{
  return o->poster ? G_MAXDOUBLE : MAX (o->height - o->top - o->bottom, 1.0);
}

/* Appends to ROWS (if not NULL) the rows of pages VIEW takes when each
 * holds DOWN layout pixels below the frame: (top, bottom, forced) each;
 * returns how many. ACROSS: the columns instead, each holding DOWN layout
 * pixels right of the frame, for a view with breaks across. SPAN: not
 * NULL, the rows of the column of pages from SPAN[0] to SPAN[1] only. */
static guint
flow (SocPrintable *view,
      gboolean      across,
      const double *span,
      double        frame_top,
      double        height,
      double        down,
      guint         limit,
      GArray       *rows)
{
  double y = frame_top;
  guint n = 0;

  if (span != NULL)
    y = MAX (y, MIN (soc_printable_find_content_in (view, span[0], span[1], y), height));
  do
    {
      double r[3] = { y, 0, 0 };   /* top, bottom, forced */
      double bottom = y + down;

      if (bottom >= height - EPSILON)
        r[1] = MAX (height, y);
      else
        {
          double b = across ? soc_printable_find_column_break (view, y, bottom)
                     : span != NULL ? soc_printable_find_break_in (view, span[0], span[1], y, bottom)
                     : soc_printable_find_break (view, y, bottom);

          if (b <= y + EPSILON)
            {
              r[1] = bottom;
              r[2] = 1;
            }
          else
            r[1] = b;
        }
      if (rows != NULL)
        g_array_append_vals (rows, r, 1);
      n++;
      y = r[1];
      /* A column of its own skips what is empty in it. */
      if (span != NULL && !r[2])
        y = MAX (y, soc_printable_find_content_in (view, span[0], span[1], y));
    }
  while (y < height - EPSILON && n < limit);
  return n;
}

static guint
flow_rows (SocPrintable *view,
           double        frame_top,
           double        height,
           double        down,
           guint         limit,
           GArray       *rows)
{
  return flow (view, FALSE, NULL, frame_top, height, down, limit, rows);
}

/* Lays an elastic VIEW out N pages across at scale S; returns the rows
 * of pages it then takes. */
static guint
fit_across (SocPrintable         *view,
            const SocPageOptions *o,
            double                s,
            guint                 n,
            double                overlap,
            double               *height)
{
  double frame_left, frame_top, across, width;

  /* The frame may change with the width (a table's titles wrap). */
  soc_printable_get_frame (view, &frame_left, &frame_top);
  across = MAX (o->width / s - frame_left, 1.0);
  soc_printable_set_width (view, frame_left + n * across - (n - 1) * (overlap / s));
  soc_printable_get_frame (view, &frame_left, &frame_top);
  soc_printable_get_size (view, &width, height);
  *height = MAX (*height - frame_top, 1.0);
  return flow_rows (view, frame_top, *height + frame_top, MAX (room_down (o) / s - frame_top, 1.0), MAX_PAGES, NULL);
}

/* The scale for OPTIONS; lays an elastic view out to the width it gets. */
static double
choose_scale (SocPrintable         *view,
              const SocPageOptions *o,
              double                min_scale)
{
  guint n = o->poster ? 1 : MAX (o->pages_wide, 1);
  double overlap = n > 1 ? o->overlap : 0;
  double frame_left, frame_top, width, height, s;

  if (o->fit == SOC_PAGE_FIT_SCALE)
    return MAX (o->scale, min_scale);
  if (o->fit == SOC_PAGE_FIT_PAGE)
    n = 1;

  if (soc_printable_is_elastic (view))
    {
      guint rows;
      double body;   /* the height below the frame */

      s = SOC_PAGE_NATURAL_SCALE;
      rows = fit_across (view, o, s, n, overlap, &body);
      if (o->poster || rows <= 1)
        return s;

      if (o->fit == SOC_PAGE_FIT_PAGE)
        {
          /* Too tall for one page: smaller, as far as the text allows, and
           * laid out again to the wider page that makes. */
          for (guint i = 0; i < 4 && rows > 1 && s > min_scale; i++)
            {
              soc_printable_get_size (view, &width, &height);
              s = MAX (min_scale, room_down (o) / height * 0.99);
              rows = fit_across (view, o, s, n, overlap, &body);
            }
          return s;
        }

      /* Rows flow down. When a little smaller would spare the last row of
       * pages, take it, within BALANCE and the smallest text. */
      soc_printable_get_frame (view, &frame_left, &frame_top);
      {
        double s2 = room_down (o) / (body / (rows - 1) + frame_top) * 0.98;

        if (s2 >= min_scale && s2 >= s * BALANCE)
          {
            if (fit_across (view, o, s2, n, overlap, &body) < rows)
              return s2;
            fit_across (view, o, s, n, overlap, &body);
          }
      }
      return s;
    }

  soc_printable_get_frame (view, &frame_left, &frame_top);
  soc_printable_get_size (view, &width, &height);
  width = MAX (width, 1.0);
  height = MAX (height, 1.0);
  s = (n * o->width - (n - 1) * overlap) / (width + (n - 1) * frame_left);
  if (o->fit == SOC_PAGE_FIT_PAGE && !o->poster)
    s = MIN (s, room_down (o) / height);
  return CLAMP (s, min_scale, MAX (MAX_SCALE, min_scale));
}

/* Lays VIEW over pages as OPTIONS say. VIEW may be laid out again to the
 * width of the pages (soc_printable_set_width()). */
SocPagination *
soc_pagination_new (SocPrintable         *view,
                    const SocPageOptions *options)
{
  SocPagination *self;
  double min_text, min_scale, s, across, overlap, down;
  guint n_columns;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (double) * 3);

  g_return_val_if_fail (SOC_IS_PRINTABLE (view), NULL);
  g_return_val_if_fail (options != NULL && options->width > 0, NULL);

  self = g_new0 (SocPagination, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->options = *options;
  if (self->options.min_text <= 0)
    self->options.min_text = SOC_PAGE_MIN_TEXT;
  if (self->options.overlap < 0)
    self->options.overlap = SOC_PAGE_OVERLAP;
  self->pages = g_array_new (FALSE, TRUE, sizeof (SocPage));

  min_text = soc_printable_get_min_text (view);
  min_scale = min_text > 0 ? self->options.min_text / min_text : 0.01;
  s = choose_scale (view, &self->options, min_scale);
  self->scale = s;
  soc_printable_get_frame (view, &self->frame_left, &self->frame_top);
  soc_printable_get_size (view, &self->width, &self->height);

  /* Columns: past the frame, ACROSS layout pixels a page, OVERLAP of them
   * repeated from the page before. A poster is one column, as wide as the
   * view. */
  if (self->options.poster)
    {
      across = MAX (self->width - self->frame_left, 1.0);
      overlap = 0;
      n_columns = 1;
    }
  else if (soc_printable_has_column_breaks (view))
    {
      /* Columns end where the view allows, as rows do; nothing is cut, so
       * nothing is repeated. */
      across = MAX (self->options.width / s - self->frame_left, 1.0);
      overlap = 0;
      flow (view, TRUE, NULL, self->frame_left, self->width, across, MAX_PAGES, columns);
      n_columns = columns->len;
    }
  else
    {
      double span = self->width - self->frame_left;

      across = MAX (self->options.width / s - self->frame_left, 1.0);
      overlap = MIN (self->options.overlap / s, across / 4);
      n_columns = span <= across + EPSILON ? 1 : 1 + (guint) ceil ((span - across - EPSILON) / (across - overlap));
    }

  /* Rows: below the frame, at most DOWN layout pixels a page, ending where
   * the view allows a break; in each column of its own where the columns
   * end where the view allows (nothing crosses them). */
  down = self->options.poster ? MAX (self->height - self->frame_top, 1.0)
                              : MAX (room_down (&self->options) / s - self->frame_top, 1.0);
  self->n_columns = n_columns;
  if (columns->len > 0)
    {
      self->firsts = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint c = 0; c < columns->len; c++)
        {
          const double *column = &g_array_index (columns, double, 3 * c);
          guint first = self->pages->len;

          rows = g_array_new (FALSE, FALSE, sizeof (double) * 3);
          flow (view, FALSE, column, self->frame_top, self->height, down,
                MAX ((MAX_PAGES - MIN (first, MAX_PAGES - 1)) / (columns->len - c), 1), rows);
          g_array_append_val (self->firsts, first);
          self->n_rows = MAX (self->n_rows, rows->len);
          for (guint r = 0; r < rows->len; r++)
            {
              const double *row = &g_array_index (rows, double, 3 * r);
              SocPage page = { 0, };

              page.column = c;
              page.row = r;
              page.content = SOC_RECT_INIT (column[0], row[0], column[1] - column[0], row[1] - row[0]);
              page.forced = row[2] != 0 || column[2] != 0;
              g_array_append_val (self->pages, page);
            }
          g_clear_pointer (&rows, g_array_unref);
        }
      return self;
    }

  rows = g_array_new (FALSE, FALSE, sizeof (double) * 3);
  flow_rows (view, self->frame_top, self->height, down, MAX (MAX_PAGES / n_columns, 1), rows);

  self->n_rows = rows->len;
  for (guint r = 0; r < rows->len; r++)
    {
      const double *row = &g_array_index (rows, double, 3 * r);

      for (guint c = 0; c < n_columns; c++)
        {
          SocPage page = { 0, };
          double x = self->frame_left + c * (across - overlap);

          page.column = c;
          page.row = r;
          page.content = SOC_RECT_INIT (x, row[0], MAX (MIN (across, self->width - x), 0), row[1] - row[0]);
          page.overlap_before = c > 0 ? overlap : 0;
          page.overlap_after = c + 1 < n_columns ? overlap : 0;
          page.forced = row[2] != 0;
          g_array_append_val (self->pages, page);
        }
    }
  return self;
}

SocPagination *
soc_pagination_ref (SocPagination *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
soc_pagination_unref (SocPagination *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->pages);
  g_clear_pointer (&self->firsts, g_array_unref);
  g_free (self);
}

/* Points per layout pixel. */
double
soc_pagination_get_scale (SocPagination *self)
{
  return self->scale;
}

guint
soc_pagination_get_n_pages (SocPagination *self)
{
  return self->pages->len;
}

guint
soc_pagination_get_n_columns (SocPagination *self)
{
  return self->n_columns;
}

guint
soc_pagination_get_n_rows (SocPagination *self)
{
  return self->n_rows;
}

const SocPage *
soc_pagination_get_page (SocPagination *self,
                         guint          index)
{
  g_return_val_if_fail (index < self->pages->len, NULL);
  return &g_array_index (self->pages, SocPage, index);
}

/* The index of the page at COLUMN, ROW, or G_MAXUINT where there is
 * none (a column of pages with rows of its own may have fewer). */
guint
soc_pagination_find_page (SocPagination *self,
                          guint          column,
                          guint          row)
{
  if (column >= self->n_columns || row >= self->n_rows)
    return G_MAXUINT;
  if (self->firsts != NULL)
    {
      guint first = g_array_index (self->firsts, guint, column);
      guint end = column + 1 < self->firsts->len ? g_array_index (self->firsts, guint, column + 1) : self->pages->len;

      return first + row < end ? first + row : G_MAXUINT;
    }
  return row * self->n_columns + column;
}

/* Whether each column of pages ends its pages where its own content allows,
 * its pages in order down it, column after column. */
gboolean
soc_pagination_has_own_rows (SocPagination *self)
{
  return self->firsts != NULL;
}

/* The page next to page INDEX, DX columns across and DY rows down (each
 * -1, 0 or 1), or G_MAXUINT: beside it, the one in the next column that
 * shows the middle of its height. */
guint
soc_pagination_find_neighbour (SocPagination *self,
                               guint          index,
                               int            dx,
                               int            dy)
{
  const SocPage *page = soc_pagination_get_page (self, index);
  gint64 column, row;

  g_return_val_if_fail (page != NULL, G_MAXUINT);
  column = (gint64) page->column + dx;
  row = (gint64) page->row + dy;
  if (column < 0 || row < 0 || column >= self->n_columns)
    return G_MAXUINT;
  if (self->firsts != NULL && dx != 0)
    {
      double middle = page->content.y + page->content.height / 2;
      guint last = G_MAXUINT;

      for (guint r = 0; ; r++)
        {
          guint i = soc_pagination_find_page (self, (guint) column, r);
          const SocPage *there;

          if (i == G_MAXUINT)
            return last;
          there = soc_pagination_get_page (self, i);
          last = i;
          if (middle < there->content.y + there->content.height)
            return i;
        }
    }
  return soc_pagination_find_page (self, (guint) column, (guint) row);
}

void
soc_pagination_get_frame (SocPagination *self,
                          double        *left,
                          double        *top)
{
  *left = self->frame_left;
  *top = self->frame_top;
}

/* What page INDEX shows: VISIBLE, the part of the view to paint (layout
 * pixels, frame included), and AREA, where on the page it goes (points,
 * from the top left of the printable area). */
void
soc_pagination_get_view_rect (SocPagination *self,
                              guint          index,
                              SocRect       *visible,
                              SocRect       *area)
{
  const SocPage *page = soc_pagination_get_page (self, index);

  g_return_if_fail (page != NULL);
  *visible = SOC_RECT_INIT (page->content.x - self->frame_left, page->content.y - self->frame_top,
                            page->content.width + self->frame_left, page->content.height + self->frame_top);
  *area = SOC_RECT_INIT (0, self->options.top, visible->width * self->scale, visible->height * self->scale);
}

/* A poster's height in points: the view whole, with the bands above and
 * below it. */
double
soc_pagination_get_poster_height (SocPagination *self)
{
  return self->options.top + self->height * self->scale + self->options.bottom;
}

const SocPageOptions *
soc_pagination_get_options (SocPagination *self)
{
  return &self->options;
}
