/* soc-reader.h: what a failed read reports
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The limits a .socplan file must stay within (see data/FORMAT.md). */
#define SOC_MAX_FILE_SIZE    ((gsize) 256 * 1024 * 1024)
#define SOC_MAX_DEPTH        32
#define SOC_MAX_ATTRIBUTES   128
#define SOC_MAX_VALUE_LENGTH (1024 * 1024)
#define SOC_MAX_OBJECTS      1000000
#define SOC_MAX_REFERENCES   10000

typedef struct
{
  int   line;     /* from 1 */
  int   column;   /* characters, from 1 */
  char *message;
} SocDiagnostic;

void   soc_diagnostic_free   (SocDiagnostic *diagnostic);
char  *soc_diagnostic_format (const SocDiagnostic *diagnostic,
                              const char          *file_name);

gboolean soc_reader_check_well_formed (const char *data,
                                       gsize       len,
                                       GError    **error);
gboolean soc_reader_validate_schema   (const char *data,
                                       gsize       len,
                                       GPtrArray  *diagnostics,
                                       GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocDiagnostic, soc_diagnostic_free)

G_END_DECLS
