/* soc-stakeholder-links.h: what a stakeholder owns, and their relationships
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "soc-document.h"

G_BEGIN_DECLS

#define SOC_TYPE_STAKEHOLDER_LINKS (soc_stakeholder_links_get_type ())

G_DECLARE_FINAL_TYPE (SocStakeholderLinks, soc_stakeholder_links, SOC, STAKEHOLDER_LINKS, GtkWidget)

GtkWidget *soc_stakeholder_links_new             (void);
void       soc_stakeholder_links_set_stakeholder (SocStakeholderLinks *self,
                                                  SocDocument         *document,
                                                  SocStakeholder      *stakeholder);
void       soc_stakeholder_links_update_now      (SocStakeholderLinks *self);
GPtrArray *soc_stakeholder_links_get_shown       (SocStakeholderLinks *self);
GtkWidget *soc_stakeholder_links_get_picker      (SocStakeholderLinks *self);
void       soc_stakeholder_links_set_new_kind    (SocStakeholderLinks *self,
                                                  guint                choice);

G_END_DECLS
