/* soc-csv-dialog.h: Import Stakeholders… and Export Stakeholders…
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-window.h"

G_BEGIN_DECLS

void soc_csv_dialog_install_actions (GtkWidgetClass *widget_class);

/* What the actions do once a file is chosen; tests call these directly. */
void soc_csv_dialog_preview         (SocWindow      *window,
                                     GFile          *file);
void soc_csv_dialog_export_to       (SocWindow      *window,
                                     GFile          *file);

G_END_DECLS
