/* soc-stakeholder-map.h: the stakeholders on a power/interest grid to look at and edit
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-canvas.h"
#include "soc-map-layout.h"
#include "soc-selection.h"

G_BEGIN_DECLS

#define SOC_TYPE_STAKEHOLDER_MAP (soc_stakeholder_map_get_type ())

G_DECLARE_FINAL_TYPE (SocStakeholderMap, soc_stakeholder_map, SOC, STAKEHOLDER_MAP, SocCanvas)

GtkWidget       *soc_stakeholder_map_new            (void);
void             soc_stakeholder_map_set_document   (SocStakeholderMap  *self,
                                                     SocDocument        *document,
                                                     SocSelection       *selection);
SocMapLayout    *soc_stakeholder_map_get_layout     (SocStakeholderMap  *self);
double           soc_stakeholder_map_get_zoom       (SocStakeholderMap  *self);
void             soc_stakeholder_map_set_zoom       (SocStakeholderMap  *self,
                                                     double              px_per_unit);
void             soc_stakeholder_map_zoom_at        (SocStakeholderMap  *self,
                                                     double              px_per_unit,
                                                     double              x,
                                                     double              y);
void             soc_stakeholder_map_zoom_to_fit    (SocStakeholderMap  *self);
void             soc_stakeholder_map_get_filter     (SocStakeholderMap  *self,
                                                     SocMapFilter       *filter);
void             soc_stakeholder_map_set_filter     (SocStakeholderMap  *self,
                                                     const SocMapFilter *filter);
gboolean         soc_stakeholder_map_get_show_edges (SocStakeholderMap  *self);
void             soc_stakeholder_map_set_show_edges (SocStakeholderMap  *self,
                                                     gboolean            show);
void             soc_stakeholder_map_reveal         (SocStakeholderMap  *self,
                                                     SocObject          *object);

/* What the gestures and keys do, callable without them (and tested so). */
gboolean         soc_stakeholder_map_move           (SocStakeholderMap  *self,
                                                     SocStakeholder     *stakeholder,
                                                     int                 influence,
                                                     int                 interest,
                                                     GError            **error);
SocRelationship *soc_stakeholder_map_link           (SocStakeholderMap  *self,
                                                     SocStakeholder     *from,
                                                     SocStakeholder     *to,
                                                     SocRelationKind     kind,
                                                     GError            **error);
gboolean         soc_stakeholder_map_nudge          (SocStakeholderMap  *self,
                                                     int                 interest,
                                                     int                 influence,
                                                     GError            **error);
gboolean         soc_stakeholder_map_step           (SocStakeholderMap  *self,
                                                     SocDirection        direction);
void             soc_stakeholder_map_drag_values    (SocStakeholderMap  *self,
                                                     SocStakeholder     *stakeholder,
                                                     double              dx,
                                                     double              dy,
                                                     int                *influence,
                                                     int                *interest);
void             soc_stakeholder_map_propose_link   (SocStakeholderMap  *self,
                                                     SocStakeholder     *from,
                                                     SocStakeholder     *to);
gboolean         soc_stakeholder_map_get_proposed_link (SocStakeholderMap *self,
                                                     SocStakeholder    **from,
                                                     SocStakeholder    **to);

G_END_DECLS
