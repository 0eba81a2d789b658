/* soc-goals-view.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-document.h"

G_BEGIN_DECLS

#define SOC_TYPE_GOALS_VIEW (soc_goals_view_get_type ())

G_DECLARE_FINAL_TYPE (SocGoalsView, soc_goals_view, SOC, GOALS_VIEW, GtkWidget)

void       soc_goals_view_set_document (SocGoalsView *self,
                                      SocDocument  *document);
SocObject *soc_goals_view_get_selected (SocGoalsView *self);
gboolean   soc_goals_view_select       (SocGoalsView *self,
                                      SocObject    *object);

G_END_DECLS
