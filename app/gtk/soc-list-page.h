/* soc-list-page.h: a view that is one table (or the goal outline)
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-document.h"

G_BEGIN_DECLS

typedef enum {
  SOC_LIST_PAGE_GOALS,
  SOC_LIST_PAGE_STAKEHOLDERS,
} SocListPageKind;

#define SOC_TYPE_LIST_PAGE (soc_list_page_get_type ())

G_DECLARE_FINAL_TYPE (SocListPage, soc_list_page, SOC, LIST_PAGE, GtkWidget)

SocObject *soc_list_page_get_selected (SocListPage *self);

G_END_DECLS
