/* soc-row-header.h: a row's icon, title and wrapped text, laid out by width
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SOC_TYPE_ROW_HEADER (soc_row_header_get_type ())

G_DECLARE_FINAL_TYPE (SocRowHeader, soc_row_header, SOC, ROW_HEADER, GtkWidget)

GtkWidget  *soc_row_header_new                (void);
void        soc_row_header_set_title          (SocRowHeader *self,
                                               const char   *title);
void        soc_row_header_set_subtitle       (SocRowHeader *self,
                                               const char   *subtitle);
const char *soc_row_header_get_subtitle       (SocRowHeader *self);
GtkWidget  *soc_row_header_get_title_label    (SocRowHeader *self);
GtkWidget  *soc_row_header_get_subtitle_label (SocRowHeader *self);
void        soc_row_header_add_prefix         (SocRowHeader *self,
                                               GtkWidget    *widget);
void        soc_row_header_add_suffix         (SocRowHeader *self,
                                               GtkWidget    *widget);

G_END_DECLS
