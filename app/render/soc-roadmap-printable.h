/* soc-roadmap-printable.h: the roadmap laid over pages
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-printable.h"
#include "soc-roadmap-layout.h"

G_BEGIN_DECLS

#define SOC_TYPE_ROADMAP_PRINTABLE (soc_roadmap_printable_get_type ())

G_DECLARE_FINAL_TYPE (SocRoadmapPrintable, soc_roadmap_printable, SOC, ROADMAP_PRINTABLE, GObject)

SocRoadmapPrintable *soc_roadmap_printable_new        (SocDocument         *document,
                                                       guint                from,
                                                       guint                to,
                                                       guint                today);
void                 soc_roadmap_printable_set_zoom   (SocRoadmapPrintable *self,
                                                       double               px_per_day);
double               soc_roadmap_printable_get_zoom   (SocRoadmapPrintable *self);
SocRoadmapLayout    *soc_roadmap_printable_get_layout (SocRoadmapPrintable *self);

G_END_DECLS
