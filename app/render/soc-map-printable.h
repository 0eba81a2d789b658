/* soc-map-printable.h: the stakeholder map laid over pages
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-map-layout.h"
#include "soc-printable.h"

G_BEGIN_DECLS

#define SOC_TYPE_MAP_PRINTABLE (soc_map_printable_get_type ())

G_DECLARE_FINAL_TYPE (SocMapPrintable, soc_map_printable, SOC, MAP_PRINTABLE, GObject)

SocMapPrintable *soc_map_printable_new        (SocDocument        *document,
                                               const SocMapFilter *filter,
                                               gboolean            edges,
                                               SocText            *text);
SocMapLayout    *soc_map_printable_get_layout (SocMapPrintable    *self);

G_END_DECLS
