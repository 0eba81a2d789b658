/* soc-cells.h: list and table cells that show a field and may edit it
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-document.h"
#include "soc-editable-cell.h"
#include "soc-outline-model.h"

G_BEGIN_DECLS

typedef enum {
  SOC_CELL_TEXT,      /* a string property */
  SOC_CELL_INT,       /* an int property */
  SOC_CELL_PERCENT,   /* an int 0..100, shown with % */
  SOC_CELL_DATE,      /* a date property */
  SOC_CELL_ENUM,      /* an enum property, shown by its label */
  SOC_CELL_FLAGS,     /* a flags property, shown as a list of labels */
  SOC_CELL_REF,       /* an object property, shown by the object's label */
  SOC_CELL_REFLIST,   /* a list of objects */
  SOC_CELL_METRIC,    /* a goal's progress, and what it means */
} SocCellKind;

/* Where cells find the document they edit, and report refused values. */
typedef struct _SocCellContext SocCellContext;

SocCellContext     *soc_cell_context_new      (GtkWidget       *view);
void                soc_cell_context_set_document (SocCellContext *context,
                                               SocDocument     *document);
void                soc_cell_context_set_outline (SocCellContext *context,
                                               SocOutlineModel  *outline);
void                soc_cell_context_free     (SocCellContext  *context);
guint               soc_cell_context_get_n_binds (SocCellContext *context);
void                soc_cell_context_attach      (SocCellContext *context,
                                                  GtkWidget      *table);
gboolean            soc_cell_context_edit     (SocCellContext  *context,
                                               SocObject       *object);
SocEditableCell    *soc_cell_context_get_editor (SocCellContext *context,
                                               SocObject       *object);
GtkWidget          *soc_cell_context_get_row  (SocCellContext  *context,
                                               SocObject       *object);
SocObject          *soc_cell_context_find_row_object (SocCellContext *context,
                                               GtkWidget       *widget);

GtkListItemFactory *soc_cell_factory_new      (SocCellContext  *context,
                                               GType            item_type,
                                               const char      *property,
                                               SocCellKind      kind,
                                               gboolean         editable,
                                               gboolean         primary,
                                               gboolean         expander,
                                               gboolean         expand);
char               *soc_cell_text             (SocObject       *object,
                                               const char      *property,
                                               SocCellKind      kind);
GtkSorter          *soc_cell_sorter_new       (GType            item_type,
                                               const char      *property,
                                               SocCellKind      kind);

G_END_DECLS
