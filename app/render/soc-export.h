/* soc-export.h: a view, or the plan report, as a PDF, SVG or PNG file
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soc-document.h"

G_BEGIN_DECLS

typedef enum {
  SOC_EXPORT_PDF,
  SOC_EXPORT_SVG,
  SOC_EXPORT_PNG,
} SocExportFormat;

typedef enum {
  SOC_PAPER_A4,
  SOC_PAPER_LETTER,
  SOC_PAPER_A3,
} SocPaper;

/* The margin round every exported page: 10 mm, in points. The print
 * dialog starts from the same, so that paper and file agree. */
#define SOC_EXPORT_MARGIN (10.0 * 72.0 / 25.4)
#define SOC_EXPORT_DEFAULT_DPI 150
#define SOC_EXPORT_MAX_PIXELS 32767

typedef struct
{
  SocExportFormat format;
  const char     *view;        /* "roadmap", "goals", "stakeholders" or "report" (PDF only) */
  SocPaper        paper;
  gboolean        landscape;
  guint           pages_wide;  /* 0: one */
  gboolean        poster;      /* PDF: the view on one page, as tall as it needs; SVG and PNG always are */
  guint           from;        /* the days shown (0, 0: all the plan dates) */
  guint           to;
  guint           dpi;         /* PNG; 0: SOC_EXPORT_DEFAULT_DPI */
  gboolean        legend;
  gint64          printed;     /* Unix time; 0: now (or SOURCE_DATE_EPOCH) */
} SocExportOptions;

void        soc_export_options_init   (SocExportOptions  *options);
gboolean    soc_export_format_for_name (const char       *filename,
                                        SocExportFormat  *format);
gboolean    soc_paper_from_name       (const char        *name,
                                       SocPaper          *paper);
const char *soc_paper_get_name        (SocPaper           paper);
void        soc_paper_get_size        (SocPaper           paper,
                                       gboolean           landscape,
                                       double            *width,
                                       double            *height);

gboolean    soc_export_write          (SocDocument            *document,
                                       const SocExportOptions *options,
                                       GOutputStream          *stream,
                                       guint                  *n_pages,
                                       GCancellable           *cancellable,
                                       GError                **error);
gboolean    soc_export_to_file        (SocDocument            *document,
                                       const SocExportOptions *options,
                                       GFile                  *file,
                                       guint                  *n_pages,
                                       GCancellable           *cancellable,
                                       GError                **error);

G_END_DECLS
