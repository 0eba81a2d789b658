/* soc-export-private.h: what the exporter and the report share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "soc-export.h"

G_BEGIN_DECLS

void _soc_export_set_metadata (cairo_surface_t *surface,
                               SocDocument     *document,
                               const char      *subject,
                               gint64           printed);

G_END_DECLS
