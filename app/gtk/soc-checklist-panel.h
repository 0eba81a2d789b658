/* soc-checklist-panel.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "soc-checklist-monitor.h"
#include "soc-document.h"

G_BEGIN_DECLS

#define SOC_TYPE_CHECKLIST_PANEL (soc_checklist_panel_get_type ())

G_DECLARE_FINAL_TYPE (SocChecklistPanel, soc_checklist_panel, SOC, CHECKLIST_PANEL, GtkWidget)

GtkWidget           *soc_checklist_panel_new          (void);
void                 soc_checklist_panel_set_document (SocChecklistPanel *self,
                                                       SocDocument       *document);
SocChecklistMonitor *soc_checklist_panel_get_monitor  (SocChecklistPanel *self);
void                 soc_checklist_panel_update_now   (SocChecklistPanel *self);
GtkWidget           *soc_checklist_panel_get_row      (SocChecklistPanel *self,
                                                       SocFactor          factor);
GtkWidget           *soc_checklist_panel_get_judgement (SocChecklistPanel *self,
                                                       SocFactor          factor);
guint                soc_checklist_panel_get_n_updates (SocChecklistPanel *self,
                                                       SocFactor          factor);
guint                soc_checklist_panel_get_n_failing_rows (SocChecklistPanel *self,
                                                            SocFactor          factor);

G_END_DECLS
