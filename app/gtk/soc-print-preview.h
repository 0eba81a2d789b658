/* soc-print-preview.h: the pages a print would make, page by page
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _SocPrintOperation SocPrintOperation;

#define SOC_TYPE_PRINT_PREVIEW (soc_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (SocPrintPreview, soc_print_preview, SOC, PRINT_PREVIEW, AdwWindow)

SocPrintPreview *soc_print_preview_new         (SocPrintOperation        *operation,
                                                GtkPrintOperationPreview *preview,
                                                GtkPrintContext          *context,
                                                GtkWindow                *parent);
guint            soc_print_preview_get_n_pages (SocPrintPreview          *self);
guint            soc_print_preview_get_page    (SocPrintPreview          *self);
void             soc_print_preview_set_page    (SocPrintPreview          *self,
                                                guint                     page);
gboolean         soc_print_preview_is_ready    (SocPrintPreview          *self);

G_END_DECLS
