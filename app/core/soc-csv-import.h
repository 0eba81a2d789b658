/* soc-csv-import.h: stakeholders from a spreadsheet, checked, then applied
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-csv.h"
#include "soc-document.h"

G_BEGIN_DECLS

typedef enum {
  SOC_CSV_ACTION_ADD,        /* a row without an id: a new stakeholder */
  SOC_CSV_ACTION_UPDATE,     /* a row whose id exists, with new values */
  SOC_CSV_ACTION_UNCHANGED,  /* a row whose id exists, with the same values */
} SocCsvAction;

#define SOC_TYPE_CSV_IMPORT (soc_csv_import_get_type ())

G_DECLARE_FINAL_TYPE (SocCsvImport, soc_csv_import, SOC, CSV_IMPORT, GObject)

SocCsvImport       *soc_csv_import_prepare             (SocDocument   *document,
                                                        GBytes        *bytes,
                                                        const char    *display_name,
                                                        guint         *line,
                                                        guint         *column,
                                                        GError       **error);

guint               soc_csv_import_get_n_rows          (SocCsvImport  *self);
guint               soc_csv_import_get_n_added         (SocCsvImport  *self);
guint               soc_csv_import_get_n_updated       (SocCsvImport  *self);
guint               soc_csv_import_get_n_unchanged     (SocCsvImport  *self);
const char * const *soc_csv_import_get_ignored_columns (SocCsvImport  *self);
SocCsvAction        soc_csv_import_get_action          (SocCsvImport  *self,
                                                        guint          row);
guint               soc_csv_import_get_line            (SocCsvImport  *self,
                                                        guint          row);
SocStakeholder     *soc_csv_import_get_values          (SocCsvImport  *self,
                                                        guint          row);
SocStakeholder     *soc_csv_import_get_target          (SocCsvImport  *self,
                                                        guint          row);
char               *soc_csv_import_describe_changes    (SocCsvImport  *self,
                                                        guint          row);

gboolean            soc_csv_import_apply               (SocCsvImport  *self,
                                                        GError       **error);

G_END_DECLS
