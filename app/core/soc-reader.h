/* soc-reader.h: what a failed read reports
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "soc-rules.h"

G_BEGIN_DECLS

/* The limits of a file (SOC_MAX_FILE_SIZE and the others) are rules of
 * the format: soc-rules.h. */

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
/* The RELAX NG schema (data/socplan.rng), for the tests that hold the
 * program and its published contract to each other: the program itself
 * never needs it, its own checks are complete (soc-reader-schema.c). */
gboolean soc_reader_validate_schema   (const char *data,
                                       gsize       len,
                                       GPtrArray  *diagnostics,
                                       GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocDiagnostic, soc_diagnostic_free)

G_END_DECLS
