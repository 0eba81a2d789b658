/* soc-export-dialog.h: Export…, a view or the plan report as PDF, SVG or PNG
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "soc-export.h"
#include "soc-window.h"

G_BEGIN_DECLS

#define SOC_TYPE_EXPORT_DIALOG (soc_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SocExportDialog, soc_export_dialog, SOC, EXPORT_DIALOG, AdwWindow)

SocExportDialog *soc_export_dialog_new         (SocWindow              *window,
                                                const char             *view);
void             soc_export_dialog_get_options (SocExportDialog        *self,
                                                SocExportOptions       *options);
void             soc_export_dialog_set_options (SocExportDialog        *self,
                                                const SocExportOptions *options);
void             soc_export_dialog_export_to   (SocExportDialog        *self,
                                                GFile                  *file);
char            *soc_export_dialog_suggest_name (SocExportDialog       *self);

G_END_DECLS
