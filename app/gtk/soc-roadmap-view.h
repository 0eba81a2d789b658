/* soc-roadmap-view.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-document.h"
#include "soc-timeline.h"

G_BEGIN_DECLS

#define SOC_TYPE_ROADMAP_VIEW (soc_roadmap_view_get_type ())

G_DECLARE_FINAL_TYPE (SocRoadmapView, soc_roadmap_view, SOC, ROADMAP_VIEW, GtkWidget)

SocObject   *soc_roadmap_view_get_selected (SocRoadmapView *self);
SocTimeline *soc_roadmap_view_get_timeline (SocRoadmapView *self);

G_END_DECLS
