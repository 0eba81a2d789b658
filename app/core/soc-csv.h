/* soc-csv.h: comma-separated values (RFC 4180), read and written
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"

G_BEGIN_DECLS

#define SOC_CSV_ERROR (soc_csv_error_quark ())

typedef enum {
  SOC_CSV_ERROR_ENCODING,  /* not UTF-8 text, or a NUL byte */
  SOC_CSV_ERROR_SYNTAX,    /* a quote out of place, a quoted field never closed */
  SOC_CSV_ERROR_LIMIT,     /* over one of the limits below */
  SOC_CSV_ERROR_HEADER,    /* no header row, or a column named twice */
  SOC_CSV_ERROR_INVALID,   /* a value the plan cannot take */
  SOC_CSV_ERROR_CHANGED,   /* the plan changed between checking and applying */
} SocCsvError;

GQuark soc_csv_error_quark (void);

/* The limits a CSV file must stay within (see data/FORMAT.md). */
#define SOC_CSV_MAX_FILE_SIZE    ((gsize) 256 * 1024 * 1024)
#define SOC_CSV_MAX_COLUMNS      1024
#define SOC_CSV_MAX_FIELD_LENGTH (1024 * 1024)

/* Reading: one record at a time, with the line each one starts on. */
typedef struct _SocCsvReader SocCsvReader;

SocCsvReader *soc_csv_reader_new       (const char    *data,
                                        gsize          len,
                                        guint         *line,
                                        GError       **error);
void          soc_csv_reader_free      (SocCsvReader  *self);
gboolean      soc_csv_reader_next      (SocCsvReader  *self,
                                        GPtrArray     *fields,
                                        guint         *line,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocCsvReader, soc_csv_reader_free)

/* Writing */
void          soc_csv_append_field     (GString       *out,
                                        const char    *value,
                                        gboolean       first);
void          soc_csv_end_record       (GString       *out);

/* Text cells a spreadsheet would run as a formula are written after a ' */
char         *soc_csv_guard_text       (const char    *text);
const char   *soc_csv_unguard_text     (const char    *cell);

/* Stakeholders: the columns, in the order they are written. */
const char * const *soc_csv_stakeholder_columns (void);
GBytes       *soc_csv_export_stakeholders (SocDocument *document);

G_END_DECLS
