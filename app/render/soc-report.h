/* soc-report.h: the plan report, a PDF to take to the steering meeting
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "soc-export.h"

G_BEGIN_DECLS

gboolean soc_report_paint (SocDocument            *document,
                           const SocExportOptions *options,
                           cairo_surface_t        *pdf,
                           guint                  *n_pages,
                           GCancellable           *cancellable,
                           GError                **error);

G_END_DECLS
