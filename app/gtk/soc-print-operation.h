/* soc-print-operation.h: printing a view of a plan with the usual dialog
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-document.h"
#include "soc-print-job.h"

G_BEGIN_DECLS

#define SOC_TYPE_PRINT_OPERATION (soc_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (SocPrintOperation, soc_print_operation, SOC, PRINT_OPERATION, GtkPrintOperation)

SocPrintOperation *soc_print_operation_new          (SocDocument           *document,
                                                     const char            *view);
SocDocument       *soc_print_operation_get_document (SocPrintOperation     *self);
void               soc_print_operation_get_options  (SocPrintOperation     *self,
                                                     SocPrintOptions       *options);
void               soc_print_operation_set_options  (SocPrintOperation     *self,
                                                     const SocPrintOptions *options);
guint              soc_print_operation_get_n_pages  (SocPrintOperation     *self);
void               soc_print_operation_remember     (SocPrintOperation     *self);

/* What was remembered for DOCUMENT's file, for the Export dialog. */
gboolean           soc_print_setup_lookup           (SocDocument           *document,
                                                     GtkPageSetup         **page_setup,
                                                     SocPrintOptions       *options);

G_END_DECLS
