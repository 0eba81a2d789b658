/* soc-editable-cell.h: a table cell that shows text and edits it on request
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SOC_TYPE_EDITABLE_CELL (soc_editable_cell_get_type ())

G_DECLARE_FINAL_TYPE (SocEditableCell, soc_editable_cell, SOC, EDITABLE_CELL, GtkWidget)

GtkWidget  *soc_editable_cell_new           (GtkWidget       *owner);
void        soc_editable_cell_set_text      (SocEditableCell *self,
                                             const char      *text);
const char *soc_editable_cell_get_text      (SocEditableCell *self);
void        soc_editable_cell_set_chars     (SocEditableCell *self,
                                             guint            min_chars,
                                             guint            nat_chars);
gboolean    soc_editable_cell_get_editing   (SocEditableCell *self);
void        soc_editable_cell_start_editing (SocEditableCell *self);
void        soc_editable_cell_stop_editing  (SocEditableCell *self,
                                             gboolean         commit);
GtkEditable *soc_editable_cell_get_editable (SocEditableCell *self);

void        soc_text_tooltip_attach         (GtkWidget       *inscription);

G_END_DECLS
