/* soc-map-widths.h: the widths of texts, measured once
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-text.h"

G_BEGIN_DECLS

/* The width of names, measured once per text and kept between layouts:
 * shaping is what laying out thousands of names would cost. */
typedef struct _SocMapWidths SocMapWidths;

SocMapWidths *soc_map_widths_new        (SocText      *text);
void          soc_map_widths_free       (SocMapWidths *self);
double        soc_map_widths_measure    (SocMapWidths *self,
                                         SocTextStyle  style,
                                         const char   *text);
double        soc_map_widths_get        (SocMapWidths *self,
                                         const char   *text);
double        soc_map_widths_get_height (SocMapWidths *self,
                                         SocTextStyle  style);
guint         soc_map_widths_get_size   (SocMapWidths *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocMapWidths, soc_map_widths_free)

G_END_DECLS
