/* soc-timeline-item.h: one roadmap item on the timeline, for the keyboard and screen readers
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-item.h"

G_BEGIN_DECLS

#define SOC_TYPE_TIMELINE_ITEM (soc_timeline_item_get_type ())

G_DECLARE_FINAL_TYPE (SocTimelineItem, soc_timeline_item, SOC, TIMELINE_ITEM, GtkWidget)

GtkWidget *soc_timeline_item_new      (void);
SocItem   *soc_timeline_item_get_item (SocTimelineItem *self);
void       soc_timeline_item_set_item (SocTimelineItem *self,
                                       SocItem         *item);
void       soc_timeline_item_update   (SocTimelineItem *self);

G_END_DECLS
