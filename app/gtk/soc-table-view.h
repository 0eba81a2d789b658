/* soc-table-view.h: a sortable, editable table (or tree) of plan objects
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-cells.h"
#include "soc-outline-model.h"
#include "soc-selection.h"

G_BEGIN_DECLS

#define SOC_TYPE_TABLE_VIEW (soc_table_view_get_type ())

G_DECLARE_FINAL_TYPE (SocTableView, soc_table_view, SOC, TABLE_VIEW, GtkWidget)

GtkWidget *soc_table_view_new          (GType         item_type,
                                        gboolean      tree);
void       soc_table_view_add_column   (SocTableView *self,
                                        const char   *title,
                                        const char   *property,
                                        SocCellKind   kind,
                                        gboolean      editable,
                                        gboolean      expand);
void       soc_table_view_set_model    (SocTableView *self,
                                        SocDocument  *document,
                                        SocSelection *selection,
                                        GListModel   *model);
SocObject *soc_table_view_get_selected (SocTableView *self);
gboolean   soc_table_view_select       (SocTableView *self,
                                        SocObject    *object);
void       soc_table_view_reveal       (SocTableView *self,
                                        SocObject    *object);
SocOutlineModel *soc_table_view_get_outline (SocTableView *self);
guint      soc_table_view_get_n_rows   (SocTableView *self);
guint      soc_table_view_get_n_scans  (SocTableView *self);
guint      soc_table_view_get_n_scrolls_saved (SocTableView *self);
guint      soc_table_view_get_n_binds  (SocTableView *self);
gboolean   soc_table_view_edit         (SocTableView *self,
                                        SocObject    *object);
SocEditableCell *soc_table_view_get_editor (SocTableView *self,
                                        SocObject    *object);
void       soc_table_view_set_empty_state (SocTableView *self,
                                        const char   *icon_name,
                                        const char   *title,
                                        const char   *description,
                                        const char   *button_label,
                                        const char   *action_name);

G_END_DECLS
