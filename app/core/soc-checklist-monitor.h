/* soc-checklist-monitor.h: the checklist, kept up to date as a plan changes
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-checklist.h"
#include "soc-factor-result.h"

G_BEGIN_DECLS

#define SOC_TYPE_CHECKLIST_MONITOR (soc_checklist_monitor_get_type ())

G_DECLARE_FINAL_TYPE (SocChecklistMonitor, soc_checklist_monitor, SOC, CHECKLIST_MONITOR, GObject)

/* How long the plan must rest before it is judged again, in milliseconds. */
#define SOC_CHECKLIST_MONITOR_DEFAULT_DELAY 150

SocChecklistMonitor *soc_checklist_monitor_new          (SocDocument         *document);
SocDocument         *soc_checklist_monitor_get_document (SocChecklistMonitor *self);
SocChecklist        *soc_checklist_monitor_get_checklist (SocChecklistMonitor *self);
SocFactorResult     *soc_checklist_monitor_get_result   (SocChecklistMonitor *self,
                                                         SocFactor            factor);
guint                soc_checklist_monitor_get_n_met    (SocChecklistMonitor *self);
guint                soc_checklist_monitor_get_n_factors (SocChecklistMonitor *self);
const char          *soc_checklist_monitor_get_summary  (SocChecklistMonitor *self);
guint                soc_checklist_monitor_get_today    (SocChecklistMonitor *self);
void                 soc_checklist_monitor_set_today    (SocChecklistMonitor *self,
                                                         guint                today);
guint                soc_checklist_monitor_get_delay    (SocChecklistMonitor *self);
void                 soc_checklist_monitor_set_delay    (SocChecklistMonitor *self,
                                                         guint                delay);
gboolean             soc_checklist_monitor_get_pending  (SocChecklistMonitor *self);
guint                soc_checklist_monitor_get_n_slices (SocChecklistMonitor *self);
void                 soc_checklist_monitor_update_now   (SocChecklistMonitor *self);

G_END_DECLS
