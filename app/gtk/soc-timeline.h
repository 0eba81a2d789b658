/* soc-timeline.h: the roadmap as a timeline to look at and edit
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-canvas.h"
#include "soc-checklist-monitor.h"
#include "soc-roadmap-layout.h"
#include "soc-selection.h"

G_BEGIN_DECLS

#define SOC_TYPE_TIMELINE (soc_timeline_get_type ())

G_DECLARE_FINAL_TYPE (SocTimeline, soc_timeline, SOC, TIMELINE, SocCanvas)

typedef enum {
  SOC_TIMELINE_EDGE_START,
  SOC_TIMELINE_EDGE_END,
} SocTimelineEdge;

GtkWidget        *soc_timeline_new           (void);
void              soc_timeline_set_document  (SocTimeline         *self,
                                              SocDocument         *document,
                                              SocSelection        *selection);
void              soc_timeline_set_checklist (SocTimeline         *self,
                                              SocChecklistMonitor *monitor);
SocRoadmapLayout *soc_timeline_get_layout    (SocTimeline         *self);
double            soc_timeline_get_zoom      (SocTimeline         *self);
void              soc_timeline_set_zoom      (SocTimeline         *self,
                                              double               px_per_day);
void              soc_timeline_zoom_at       (SocTimeline         *self,
                                              double               px_per_day,
                                              double               x);
void              soc_timeline_zoom_to_fit   (SocTimeline         *self);
void              soc_timeline_show_date     (SocTimeline         *self,
                                              guint                date);
void              soc_timeline_reveal        (SocTimeline         *self,
                                              SocObject           *object);
guint             soc_timeline_get_today     (SocTimeline         *self);
void              soc_timeline_set_today     (SocTimeline         *self,
                                              guint                today);

/* What the gestures and keys do, callable without them (and tested so). */
gboolean          soc_timeline_move_item     (SocTimeline         *self,
                                              SocItem             *item,
                                              guint                start,
                                              GError             **error);
gboolean          soc_timeline_resize_item   (SocTimeline         *self,
                                              SocItem             *item,
                                              SocTimelineEdge      edge,
                                              guint                date,
                                              GError             **error);
gboolean          soc_timeline_link          (SocTimeline         *self,
                                              SocItem             *prerequisite,
                                              SocItem             *item,
                                              GError             **error);
SocItem          *soc_timeline_add_at        (SocTimeline         *self,
                                              SocLane             *lane,
                                              guint                date,
                                              GError             **error);
gboolean          soc_timeline_nudge         (SocTimeline         *self,
                                              int                  units,
                                              gboolean             resize,
                                              GError             **error);
gboolean          soc_timeline_step          (SocTimeline         *self,
                                              SocDirection         direction);
guint             soc_timeline_drag_date     (SocTimeline         *self,
                                              guint                date,
                                              double               dx);

G_END_DECLS
