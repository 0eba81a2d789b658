/* soc-pagination.h: a view laid over pages
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-printable.h"

G_BEGIN_DECLS

typedef enum {
  SOC_PAGE_FIT_PAGE,    /* one page, if the text stays readable */
  SOC_PAGE_FIT_WIDE,    /* N pages across, rows flowing down over as many as needed */
  SOC_PAGE_FIT_SCALE,   /* a fixed scale */
} SocPageFit;

/* Natural size: a layout pixel is 1/96 inch, 0.75 point. */
#define SOC_PAGE_NATURAL_SCALE 0.75
/* The smallest text on paper, in points. */
#define SOC_PAGE_MIN_TEXT 7.0
/* Time repeated where one page across ends and the next begins, in points. */
#define SOC_PAGE_OVERLAP 18.0

typedef struct
{
  double     width;        /* a page's printable area, in points */
  double     height;
  double     top;          /* points of it above the view (the page header) */
  double     bottom;       /* and below it (legend, footer) */
  SocPageFit fit;
  guint      pages_wide;   /* SOC_PAGE_FIT_WIDE */
  double     scale;        /* SOC_PAGE_FIT_SCALE: points per layout pixel */
  double     min_text;     /* points; 0: SOC_PAGE_MIN_TEXT */
  double     overlap;      /* points; < 0: SOC_PAGE_OVERLAP */
  gboolean   poster;       /* one page as tall as the view: HEIGHT is ignored */
} SocPageOptions;

void soc_page_options_init (SocPageOptions *options,
                            double          width,
                            double          height);

typedef struct
{
  guint    column;      /* from 0, left to right */
  guint    row;         /* from 0, top to bottom */
  SocRect  content;     /* the part of the view past its frame, in layout pixels */
  double   overlap_before;  /* layout pixels at the left also on the page before */
  double   overlap_after;   /* and at the right on the page after */
  gboolean forced;      /* ends where nothing allowed a break (a band taller than a page) */
} SocPage;

typedef struct _SocPagination SocPagination;

SocPagination  *soc_pagination_new            (SocPrintable         *view,
                                               const SocPageOptions *options);
SocPagination  *soc_pagination_ref            (SocPagination        *self);
void            soc_pagination_unref          (SocPagination        *self);

double          soc_pagination_get_scale      (SocPagination        *self);
guint           soc_pagination_get_n_pages    (SocPagination        *self);
guint           soc_pagination_get_n_columns  (SocPagination        *self);
guint           soc_pagination_get_n_rows     (SocPagination        *self);
const SocPage  *soc_pagination_get_page       (SocPagination        *self,
                                               guint                 index);
guint           soc_pagination_find_page      (SocPagination        *self,
                                               guint                 column,
                                               guint                 row);
guint           soc_pagination_find_neighbour (SocPagination        *self,
                                               guint                 index,
                                               int                   dx,
                                               int                   dy);
gboolean        soc_pagination_has_own_rows   (SocPagination        *self);
void            soc_pagination_get_frame      (SocPagination        *self,
                                               double               *left,
                                               double               *top);
void            soc_pagination_get_view_rect  (SocPagination        *self,
                                               guint                 index,
                                               SocRect              *visible,
                                               SocRect              *area);
double          soc_pagination_get_poster_height (SocPagination     *self);
const SocPageOptions *soc_pagination_get_options (SocPagination     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocPagination, soc_pagination_unref)

G_END_DECLS
