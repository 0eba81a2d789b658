/* soc-cell-label.h: one line of a table cell's text
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SOC_TYPE_CELL_LABEL (soc_cell_label_get_type ())

G_DECLARE_FINAL_TYPE (SocCellLabel, soc_cell_label, SOC, CELL_LABEL, GtkWidget)

GtkWidget  *soc_cell_label_new       (GtkWidget    *owner);
const char *soc_cell_label_get_text  (SocCellLabel *self);
void        soc_cell_label_set_text  (SocCellLabel *self,
                                      const char   *text);
void        soc_cell_label_set_chars (SocCellLabel *self,
                                      guint         min_chars,
                                      guint         nat_chars);
gboolean    soc_cell_label_is_cut    (SocCellLabel *self);

G_END_DECLS
