/* soc-print-actions.h: Print…, Print Preview… and Export… of a plan's window
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void soc_print_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
