/* soc-scroll-body.h: what a vertically scrolled pane scrolls
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SOC_TYPE_SCROLL_BODY (soc_scroll_body_get_type ())

G_DECLARE_FINAL_TYPE (SocScrollBody, soc_scroll_body, SOC, SCROLL_BODY, GtkWidget)

GtkWidget *soc_scroll_body_new (GtkWidget *child);

G_END_DECLS
