/* soc-stakeholders-view.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-document.h"
#include "soc-stakeholder-map.h"

G_BEGIN_DECLS

#define SOC_TYPE_STAKEHOLDERS_VIEW (soc_stakeholders_view_get_type ())

G_DECLARE_FINAL_TYPE (SocStakeholdersView, soc_stakeholders_view, SOC, STAKEHOLDERS_VIEW, GtkWidget)

SocObject         *soc_stakeholders_view_get_selected (SocStakeholdersView *self);
SocStakeholderMap *soc_stakeholders_view_get_map      (SocStakeholdersView *self);

G_END_DECLS
