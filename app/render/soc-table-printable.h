/* soc-table-printable.h: rows and columns of text, laid over pages
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-printable.h"

G_BEGIN_DECLS

#define SOC_TYPE_TABLE_PRINTABLE (soc_table_printable_get_type ())

G_DECLARE_FINAL_TYPE (SocTablePrintable, soc_table_printable, SOC, TABLE_PRINTABLE, GObject)

typedef struct
{
  const char *title;
  double      weight;    /* its share of the width the fixed columns leave */
  double      width;     /* layout pixels; 0: by weight */
  gboolean    center;    /* marks and text centred, as in a matrix */
} SocTableColumn;

SocTablePrintable *soc_table_printable_new        (const char           *name,
                                                   const SocTableColumn *columns,
                                                   guint                 n_columns);
guint              soc_table_printable_add_row    (SocTablePrintable    *self);
guint              soc_table_printable_add_group  (SocTablePrintable    *self,
                                                   const char           *title,
                                                   const char           *detail);
void               soc_table_printable_set_text   (SocTablePrintable    *self,
                                                   guint                 row,
                                                   guint                 column,
                                                   const char           *text,
                                                   const char           *detail);
void               soc_table_printable_set_mark   (SocTablePrintable    *self,
                                                   guint                 row,
                                                   guint                 column,
                                                   SocLegendSwatch       swatch,
                                                   const SocColor       *colour);
void               soc_table_printable_set_indent (SocTablePrintable    *self,
                                                   guint                 row,
                                                   guint                 column,
                                                   guint                 level);
void               soc_table_printable_set_range  (SocTablePrintable    *self,
                                                   const char           *range);
void               soc_table_printable_set_empty  (SocTablePrintable    *self,
                                                   const char           *text);
void               soc_table_printable_add_legend (SocTablePrintable    *self,
                                                   SocLegendSwatch       swatch,
                                                   const SocColor       *fill,
                                                   const SocColor       *stroke,
                                                   const char           *text);
guint              soc_table_printable_get_n_rows (SocTablePrintable    *self);
void               soc_table_printable_get_row    (SocTablePrintable    *self,
                                                   guint                 row,
                                                   double               *y,
                                                   double               *height);

G_END_DECLS
