/* test-pagination.c: views laid over pages, checked without drawing
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On generated plans of several sizes, papers and fits: the pages tile the
 * view (columns with their overlap, rows end to end), no bar is cut by a
 * page break, every item is on some page, the page count is what the grid
 * says, each page fits its paper, and the smallest text stays readable.
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <math.h>

#include "soc-date.h"
#include "soc-export.h"
#include "soc-goal-printable.h"
#include "soc-pagination.h"
#include "soc-plan-tables.h"
#include "soc-print-job.h"
#include "soc-print-test-util.h"
#include "soc-roadmap-printable.h"
#include "soc-table-printable.h"

#define EPS 0.01

static char *tmpdir;

/* The page at COLUMN, ROW. */
static const SocPage *
page_at (SocPagination *p,
         guint          column,
         guint          row)
{
  const SocPage *page = soc_pagination_get_page (p, soc_pagination_find_page (p, column, row));

  g_assert_cmpuint (page->column, ==, column);
  g_assert_cmpuint (page->row, ==, row);
  return page;
}

/* Each page fits its paper. */
static void
check_papers (SocPagination        *p,
              const SocPageOptions *o)
{
  double s = soc_pagination_get_scale (p);

  for (guint i = 0; i < soc_pagination_get_n_pages (p); i++)
    {
      SocRect visible, area;

      soc_pagination_get_view_rect (p, i, &visible, &area);
      g_assert_cmpfloat (area.width, <=, o->width + EPS);
      if (!o->poster)
        g_assert_cmpfloat (area.y + area.height, <=, o->height - o->bottom + EPS);
      g_assert_cmpfloat (fabs (visible.width * s - area.width), <, EPS);
    }
}

/* What every pagination must be: pages tiling the view, each on its paper,
 * the text readable. */
static void
check_tiling (SocPrintable         *view,
              SocPagination        *p,
              const SocPageOptions *o)
{
  double w, h, fl, ft, s = soc_pagination_get_scale (p);
  guint nc = soc_pagination_get_n_columns (p), nr = soc_pagination_get_n_rows (p);

  soc_printable_get_size (view, &w, &h);
  soc_pagination_get_frame (p, &fl, &ft);

  g_assert_cmpuint (nc, >=, 1);
  g_assert_cmpuint (nr, >=, 1);
  if (soc_pagination_has_own_rows (p))
    {
      /* Each column of pages down to the bottom, end to end, and a page's
       * neighbours across beside it. */
      guint total = 0;

      for (guint c = 0; c < nc; c++)
        {
          guint r = 0;

          g_assert_cmpfloat (page_at (p, c, 0)->content.y, >=, ft - EPS);
          while (soc_pagination_find_page (p, c, r + 1) != G_MAXUINT)
            {
              /* One after the other, skipping only what is empty. */
              g_assert_cmpfloat (page_at (p, c, r)->content.y + page_at (p, c, r)->content.height, <=,
                                 page_at (p, c, r + 1)->content.y + EPS);
              g_assert_cmpuint (soc_pagination_find_neighbour (p, soc_pagination_find_page (p, c, r), 0, 1), ==,
                                soc_pagination_find_page (p, c, r + 1));
              r++;
            }
          g_assert_cmpuint (soc_pagination_find_neighbour (p, soc_pagination_find_page (p, c, r), 0, 1), ==, G_MAXUINT);
          total += r + 1;
          if (c + 1 < nc)
            {
              const SocPage *a = page_at (p, c, 0), *b = page_at (p, c + 1, 0);
              guint beside = soc_pagination_find_neighbour (p, soc_pagination_find_page (p, c, 0), 1, 0);

              g_assert_cmpfloat (a->overlap_after, ==, 0);
              g_assert_cmpfloat (fabs (a->content.x + a->content.width - b->content.x), <, EPS);
              g_assert_cmpuint (beside, !=, G_MAXUINT);
              g_assert_cmpuint (soc_pagination_get_page (p, beside)->column, ==, c + 1);
            }
        }
      g_assert_cmpuint (soc_pagination_get_n_pages (p), ==, total);
      g_assert_cmpfloat (fabs (page_at (p, 0, 0)->content.x - fl), <, EPS);
      g_assert_cmpfloat (fabs (page_at (p, nc - 1, 0)->content.x + page_at (p, nc - 1, 0)->content.width - w), <, 0.6);
      g_assert_cmpfloat (s * soc_printable_get_min_text (view), >=, o->min_text - 1e-9);
      check_papers (p, o);
      return;
    }

  /* The count is the grid's. */
  g_assert_cmpuint (soc_pagination_get_n_pages (p), ==, nc * nr);

  /* The smallest text is readable. */
  g_assert_cmpfloat (s * soc_printable_get_min_text (view), >=, o->min_text - 1e-9);

  /* Columns from the frame to the end, each repeating the overlap of the one before. */
  g_assert_cmpfloat (fabs (page_at (p, 0, 0)->content.x - fl), <, EPS);
  for (guint c = 0; c + 1 < nc; c++)
    {
      const SocPage *a = page_at (p, c, 0), *b = page_at (p, c + 1, 0);

      g_assert_cmpfloat (a->overlap_after, >, 0);
      g_assert_cmpfloat (fabs (a->content.x + a->content.width - a->overlap_after - b->content.x), <, EPS);
      g_assert_cmpfloat (fabs (b->overlap_before - a->overlap_after), <, EPS);
    }
  {
    const SocPage *last = page_at (p, nc - 1, 0);
    g_assert_cmpfloat (fabs (last->content.x + last->content.width - w), <, 0.6);
  }

  /* Rows from the frame to the bottom, end to end. */
  g_assert_cmpfloat (fabs (page_at (p, 0, 0)->content.y - ft), <, EPS);
  for (guint r = 0; r + 1 < nr; r++)
    g_assert_cmpfloat (fabs (page_at (p, 0, r)->content.y + page_at (p, 0, r)->content.height -
                             page_at (p, 0, r + 1)->content.y), <, EPS);
  g_assert_cmpfloat (page_at (p, 0, nr - 1)->content.y + page_at (p, 0, nr - 1)->content.height, >=, h - 0.6);

  check_papers (p, o);
}

/* No bar cut by a page break, and every item on some page. */
static void
check_roadmap (SocRoadmapPrintable *view,
               SocPagination       *p)
{
  SocRoadmapLayout *layout = soc_roadmap_printable_get_layout (view);
  guint nc = soc_pagination_get_n_columns (p), nr = soc_pagination_get_n_rows (p);

  for (guint i = 0; i < soc_roadmap_layout_get_n_boxes (layout); i++)
    {
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, i);
      double row_top = soc_roadmap_layout_get_row_y (layout, box->row);
      double row_bottom = row_top + soc_roadmap_layout_get_metrics (layout)->row_height;
      gboolean whole = FALSE, shown_x = FALSE;

      /* Its row, and so its label, lies on one row of pages entirely. */
      for (guint r = 0; r < nr; r++)
        {
          const SocPage *page = page_at (p, 0, r);

          if (page->content.y <= box->rect.y && box->rect.y + box->rect.height <= page->content.y + page->content.height)
            {
              g_assert_cmpfloat (page->content.y, <=, row_top + EPS);
              g_assert_cmpfloat (row_bottom, <=, page->content.y + page->content.height + EPS);
              whole = TRUE;
            }
        }
      g_assert_true (whole);

      /* Its start on some page across. */
      for (guint c = 0; c < nc; c++)
        {
          const SocPage *page = page_at (p, c, 0);

          if (box->rect.x + box->rect.width > page->content.x && box->rect.x < page->content.x + page->content.width)
            shown_x = TRUE;
        }
      g_assert_true (shown_x);
    }
}

static SocPrintJob *
roadmap_job (SocDocument *doc,
             SocPaper     paper,
             gboolean     landscape,
             SocPageFit   fit,
             guint        pages_wide,
             double       scale)
{
  SocPrintOptions o;
  double w, h;
  g_autoptr(GError) error = NULL;
  SocPrintJob *job;

  soc_print_options_init (&o);
  o.fit = fit;
  o.pages_wide = pages_wide;
  o.scale = scale;
  soc_paper_get_size (paper, landscape, &w, &h);
  job = soc_print_job_new (doc, &o, w - 2 * SOC_EXPORT_MARGIN, h - 2 * SOC_EXPORT_MARGIN, &error);
  g_assert_no_error (error);
  return job;
}

static void
test_generated_roadmaps (void)
{
  const guint sizes[] = { 40, 600, 3000 };
  const SocPaper papers[] = { SOC_PAPER_A4, SOC_PAPER_LETTER, SOC_PAPER_A3 };

  for (guint si = 0; si < G_N_ELEMENTS (sizes); si++)
    {
      g_autoptr(SocDocument) doc = soc_print_test_generate (tmpdir, sizes[si] / 10 + 5, sizes[si], 20, 7 + si);

      for (guint pi = 0; pi < G_N_ELEMENTS (papers); pi++)
        for (int landscape = 0; landscape <= 1; landscape++)
          for (guint wide = 1; wide <= 3; wide++)
            {
              g_autoptr(SocPrintJob) job = roadmap_job (doc, papers[pi], landscape, SOC_PAGE_FIT_WIDE, wide, 0);
              SocPagination *p = soc_print_job_get_pagination (job);
              SocPrintable *view = soc_print_job_get_printable (job);

              check_tiling (view, p, soc_pagination_get_options (p));
              check_roadmap (SOC_ROADMAP_PRINTABLE (view), p);
              /* As many pages across as asked for: the zoom follows. */
              g_assert_cmpuint (soc_pagination_get_n_columns (p), ==, wide);
            }
    }
}

/* One page when it fits; else the text as small as readable, and more
 * pages down. A fixed scale under the limit is raised to it. */
static void
test_fit_page_and_scale (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) small = soc_test_load_path (example);
  g_autoptr(SocDocument) large = soc_print_test_generate (tmpdir, 300, 3000, 20, 3);

  {
    g_autoptr(SocPrintJob) job = roadmap_job (small, SOC_PAPER_A3, TRUE, SOC_PAGE_FIT_PAGE, 1, 0);
    SocPagination *p = soc_print_job_get_pagination (job);

    check_tiling (soc_print_job_get_printable (job), p, soc_pagination_get_options (p));
    g_assert_cmpuint (soc_pagination_get_n_pages (p), ==, 1);
  }
  {
    g_autoptr(SocPrintJob) job = roadmap_job (large, SOC_PAPER_A4, FALSE, SOC_PAGE_FIT_PAGE, 1, 0);
    SocPagination *p = soc_print_job_get_pagination (job);
    SocPrintable *view = soc_print_job_get_printable (job);

    check_tiling (view, p, soc_pagination_get_options (p));
    check_roadmap (SOC_ROADMAP_PRINTABLE (view), p);
    g_assert_cmpuint (soc_pagination_get_n_columns (p), ==, 1);
    g_assert_cmpuint (soc_pagination_get_n_rows (p), >, 1);
    /* Shrunk to the limit, not below it. */
    g_assert_cmpfloat (fabs (soc_pagination_get_scale (p) * soc_printable_get_min_text (view) - SOC_PAGE_MIN_TEXT), <, 0.01);
  }
  {
    g_autoptr(SocPrintJob) job = roadmap_job (large, SOC_PAPER_A4, TRUE, SOC_PAGE_FIT_SCALE, 1, 0.2);
    SocPagination *p = soc_print_job_get_pagination (job);
    SocPrintable *view = soc_print_job_get_printable (job);

    check_tiling (view, p, soc_pagination_get_options (p));
    check_roadmap (SOC_ROADMAP_PRINTABLE (view), p);
    g_assert_cmpfloat (soc_pagination_get_scale (p) * soc_printable_get_min_text (view), >=, SOC_PAGE_MIN_TEXT - 1e-9);
    g_assert_cmpuint (soc_pagination_get_n_columns (p), >, 1);
  }
}

/* A poster is one page, as tall as the view and its bands. */
static void
test_poster (void)
{
  g_autoptr(SocDocument) doc = soc_print_test_generate (tmpdir, 60, 600, 20, 5);
  SocPrintOptions o;
  g_autoptr(SocPrintJob) job = NULL;
  SocPagination *p;
  double w, h, pw, ph;
  const SocPageOptions *po;

  soc_print_options_init (&o);
  o.poster = TRUE;
  job = soc_print_job_new (doc, &o, 800, 500, NULL);
  p = soc_print_job_get_pagination (job);
  po = soc_pagination_get_options (p);
  check_tiling (soc_print_job_get_printable (job), p, po);
  g_assert_cmpuint (soc_pagination_get_n_pages (p), ==, 1);
  soc_printable_get_size (soc_print_job_get_printable (job), &w, &h);
  soc_print_job_get_poster_size (job, &pw, &ph);
  g_assert_cmpfloat (fabs (pw - 800), <, EPS);
  g_assert_cmpfloat (fabs (ph - (po->top + h * soc_pagination_get_scale (p) + po->bottom)), <, EPS);
  g_assert_cmpfloat (ph, >, 500);
}

/* A table breaks between rows, never in one, and a group heading goes to
 * the page of the row after it. */
static void
test_table_breaks (void)
{
  g_autoptr(SocDocument) doc = soc_print_test_generate (tmpdir, 400, 100, 300, 11);

  /* The goal outline and the stakeholder table, as the report prints them
   * after the goal tree and the map. */
  for (guint v = 0; v < 2; v++)
    {
      g_autoptr(SocPrintable) stakeholders = NULL;
      g_autoptr(SocPagination) own = NULL;
      SocPageOptions po;
      SocPagination *p;
      SocTablePrintable *table;
      guint nr;

      if (v == 0)
        {
          stakeholders = soc_goal_outline_new (doc);
          soc_page_options_init (&po, 539, 785);
          own = soc_pagination_new (stakeholders, &po);
          p = own;
          table = SOC_TABLE_PRINTABLE (stakeholders);
        }
      else
        {
          stakeholders = soc_stakeholder_table_new (doc);
          soc_page_options_init (&po, 539, 785);
          own = soc_pagination_new (stakeholders, &po);
          p = own;
          table = SOC_TABLE_PRINTABLE (stakeholders);
        }
      check_tiling (SOC_PRINTABLE (table), p, soc_pagination_get_options (p));
      nr = soc_pagination_get_n_rows (p);
      g_assert_cmpuint (nr, >, 3);
      g_assert_cmpuint (soc_pagination_get_n_columns (p), ==, 1);

      for (guint i = 0; i < soc_table_printable_get_n_rows (table); i++)
        {
          double y, height;
          gboolean whole = FALSE;

          soc_table_printable_get_row (table, i, &y, &height);
          for (guint r = 0; r < nr; r++)
            {
              const SocPage *page = page_at (p, 0, r);

              if (page->content.y <= y + EPS && y + height <= page->content.y + page->content.height + EPS)
                whole = TRUE;
              /* No page ends right under a heading. */
              g_assert_false (page->forced);
            }
          g_assert_true (whole);
        }
    }
}

/* The goal tree, as the goals view prints: on papers and fits, no page
 * ends through a card (nor its fold junction or its mark), across or
 * down, so each card is whole on exactly one page; its text readable. */
static void
test_goal_tree (void)
{
  g_autoptr(SocDocument) doc = soc_print_test_generate (tmpdir, 600, 50, 20, 13);
  const double papers[][2] = { { 539, 785 }, { 785, 539 }, { 1105, 1570 } };

  for (guint pi = 0; pi < G_N_ELEMENTS (papers); pi++)
    for (guint fit = 0; fit < 3; fit++)
      {
        SocPrintOptions o;
        g_autoptr(SocPrintJob) job = NULL;
        SocPagination *p;
        SocGoalLayout *layout;
        SocPrintable *view;
        guint nc, nr, n_forced = 0, n_cut = 0;
        g_autofree guint *held = NULL;

        soc_print_options_init (&o);
        o.view = "goals";
        o.fit = fit == 0 ? SOC_PAGE_FIT_WIDE : fit == 1 ? SOC_PAGE_FIT_PAGE : SOC_PAGE_FIT_SCALE;
        o.pages_wide = 2;
        job = soc_print_job_new (doc, &o, papers[pi][0], papers[pi][1], NULL);
        g_assert_nonnull (job);
        view = soc_print_job_get_printable (job);
        g_assert_true (SOC_IS_GOAL_PRINTABLE (view));
        g_assert_true (soc_printable_has_breaks (view));
        g_assert_true (soc_printable_has_column_breaks (view));
        p = soc_print_job_get_pagination (job);
        check_tiling (view, p, soc_pagination_get_options (p));
        nc = soc_pagination_get_n_columns (p);
        nr = soc_pagination_get_n_rows (p);
        /* 600 goals at readable text take more than one page each way on the smaller papers. */
        if (pi < 2)
          {
            g_assert_cmpuint (nr, >, 1);
            g_assert_cmpuint (nc, >=, 1);
          }

        {
          guint nf = 0;
          for (guint k = 0; k < soc_pagination_get_n_pages (p); k++)
            nf += soc_pagination_get_page (p, k)->forced;
          g_printerr ("paper %u fit %u: %u pages %u x %u, %u forced\n", pi, fit, soc_pagination_get_n_pages (p), nc, nr, nf);
        }
        layout = soc_goal_printable_get_layout (SOC_GOAL_PRINTABLE (view));
        held = g_new0 (guint, soc_pagination_get_n_pages (p));
        g_assert_cmpuint (soc_goal_layout_get_n_cards (layout), ==, soc_document_get_n_goals (doc));
        for (guint i = 0; i < soc_goal_layout_get_n_cards (layout); i++)
          {
            const SocGoalCard *c = soc_goal_layout_get_card (layout, i);
            /* The card with its fold junction and the mark over its corner. */
            SocRect r = SOC_RECT_INIT (c->rect.x, c->rect.y - 10, c->rect.width + 8, c->rect.height + 10);
            guint whole = 0;
            gboolean cut_by_force = FALSE;

            if (c->toggle.width > 0)
              {
                double right = MAX (r.x + r.width, c->toggle.x + c->toggle.width);
                double bottom = MAX (r.y + r.height, c->toggle.y + c->toggle.height);

                r.width = right - r.x;
                r.height = bottom - r.y;
              }
            for (guint k = 0; k < soc_pagination_get_n_pages (p); k++)
              {
                const SocPage *page = soc_pagination_get_page (p, k);

                if (soc_rect_intersects (&page->content, &c->rect))
                  held[k]++;
                if (soc_rect_contains_rect (&page->content, &r))
                  whole++;
                else if (soc_rect_intersects (&page->content, &c->rect))
                  cut_by_force |= page->forced || (page->row > 0 && page_at (p, page->column, page->row - 1)->forced);
              }
            /* Whole on one page; cut only where no break was possible (a
             * chain of cards taller than a page), and the pages say so. */
            g_assert_cmpuint (whole, <=, 1);
            if (whole == 0)
              {
                g_assert_true (cut_by_force);
                n_cut++;
              }
          }
        for (guint k = 0; k < soc_pagination_get_n_pages (p); k++)
          n_forced += soc_pagination_get_page (p, k)->forced;
        g_assert_cmpuint (n_forced * 50, <=, soc_pagination_get_n_pages (p));
        /* No page without a card: empty stretches are skipped. */
        for (guint k = 0; k < soc_pagination_get_n_pages (p); k++)
          g_assert_cmpuint (held[k], >, 0);
        g_assert_cmpuint (n_cut * 100, <=, soc_goal_layout_get_n_cards (layout));
      }
}

/* A row taller than a page is cut, said to be, and the rest still flows. */
static void
test_forced_break (void)
{
  const SocTableColumn columns[] = { { "Text", 1, 0, FALSE } };
  g_autoptr(SocTablePrintable) table = soc_table_printable_new ("Test", columns, 1);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(SocPagination) p = NULL;
  SocPageOptions o;
  gboolean forced = FALSE;
  guint row;

  for (guint i = 0; i < 600; i++)
    g_string_append (text, "a long, long title that never ends ");
  soc_table_printable_set_text (table, soc_table_printable_add_row (table), 0, "before", NULL);
  row = soc_table_printable_add_row (table);
  soc_table_printable_set_text (table, row, 0, text->str, NULL);
  soc_table_printable_set_text (table, soc_table_printable_add_row (table), 0, "after", NULL);

  soc_page_options_init (&o, 400, 600);
  p = soc_pagination_new (SOC_PRINTABLE (table), &o);
  check_tiling (SOC_PRINTABLE (table), p, &o);
  for (guint i = 0; i < soc_pagination_get_n_pages (p); i++)
    forced |= soc_pagination_get_page (p, i)->forced;
  g_assert_true (forced);
  g_assert_cmpuint (soc_pagination_get_n_rows (p), >, 2);
}

/* A date range: only the items that meet it, and the range in the header. */
static void
test_date_range (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocPrintJob) job = NULL;
  g_autofree char *range = NULL;
  SocRoadmapLayout *layout;
  SocPrintOptions o;
  guint from = soc_date_from_ymd (2027, 1, 1), to = soc_date_from_ymd (2027, 6, 30);

  soc_print_options_init (&o);
  o.from = from;
  o.to = to;
  job = soc_print_job_new (doc, &o, 786, 539, NULL);
  layout = soc_roadmap_printable_get_layout (SOC_ROADMAP_PRINTABLE (soc_print_job_get_printable (job)));
  g_assert_cmpuint (soc_roadmap_layout_get_n_boxes (layout), >, 0);
  for (guint i = 0; i < soc_roadmap_layout_get_n_boxes (layout); i++)
    {
      SocItem *item = soc_roadmap_layout_get_box (layout, i)->item;

      g_assert_cmpuint (soc_item_get_end (item), >=, from);
      g_assert_cmpuint (soc_item_get_start (item), <=, to);
    }
  g_assert_cmpuint (soc_roadmap_layout_get_scale (layout)->origin, ==, from);
  range = soc_printable_get_range (soc_print_job_get_printable (job));
  g_assert_nonnull (strstr (range, "2027"));
  g_assert_null (strstr (range, "2026"));
  check_tiling (soc_print_job_get_printable (job), soc_print_job_get_pagination (job),
                soc_pagination_get_options (soc_print_job_get_pagination (job)));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = soc_test_make_tmpdir ();

  g_test_add_func ("/pagination/roadmap/generated", test_generated_roadmaps);
  g_test_add_func ("/pagination/roadmap/fit-page-and-scale", test_fit_page_and_scale);
  g_test_add_func ("/pagination/roadmap/poster", test_poster);
  g_test_add_func ("/pagination/roadmap/date-range", test_date_range);
  g_test_add_func ("/pagination/table/breaks", test_table_breaks);
  g_test_add_func ("/pagination/goal-tree", test_goal_tree);
  g_test_add_func ("/pagination/table/forced-break", test_forced_break);

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
