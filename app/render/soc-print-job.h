/* soc-print-job.h: a view's pages, with their header, legend and footer
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-pagination.h"
#include "soc-text.h"

G_BEGIN_DECLS

typedef struct
{
  const char *view;        /* "roadmap", "goals" or "stakeholders" */
  SocPageFit  fit;
  guint       pages_wide;  /* SOC_PAGE_FIT_WIDE */
  double      scale;       /* SOC_PAGE_FIT_SCALE: points per layout pixel */
  double      zoom;        /* SOC_PAGE_FIT_SCALE, roadmap: pixels per day; 0: quarters */
  guint       from;        /* the days shown, where the view has dates (0, 0: all) */
  guint       to;
  gboolean    legend;
  gboolean    poster;      /* one page, as tall as the view */
  gint64      printed;     /* when, in Unix time; 0: now (or SOURCE_DATE_EPOCH) */
} SocPrintOptions;

void       soc_print_options_init (SocPrintOptions *options);
GDateTime *soc_print_time_now     (void);

typedef struct _SocPrintJob SocPrintJob;

SocPrintJob   *soc_print_job_new                (SocDocument           *document,
                                                 const SocPrintOptions *options,
                                                 double                 width,
                                                 double                 height,
                                                 GError               **error);
SocPrintJob   *soc_print_job_new_for_printable  (SocDocument           *document,
                                                 SocPrintable          *printable,
                                                 const SocPrintOptions *options,
                                                 double                 width,
                                                 double                 height);
SocPrintJob   *soc_print_job_ref                (SocPrintJob           *self);
void           soc_print_job_unref              (SocPrintJob           *self);

guint          soc_print_job_get_n_pages        (SocPrintJob           *self);
void           soc_print_job_set_numbering      (SocPrintJob           *self,
                                                 guint                  first,
                                                 guint                  total);
void           soc_print_job_paint_page         (SocPrintJob           *self,
                                                 cairo_t               *cr,
                                                 guint                  index);
void           soc_print_job_get_poster_size    (SocPrintJob           *self,
                                                 double                *width,
                                                 double                *height);
SocPagination *soc_print_job_get_pagination     (SocPrintJob           *self);
SocPrintable  *soc_print_job_get_printable      (SocPrintJob           *self);
char          *soc_print_job_get_page_label     (SocPrintJob           *self,
                                                 guint                  index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocPrintJob, soc_print_job_unref)

/* Text for pages in points, in the painters' own metrics. */
PangoLayout   *soc_print_text_layout            (SocText               *text,
                                                 double                 size,
                                                 gboolean               bold,
                                                 const char            *string);

G_END_DECLS
