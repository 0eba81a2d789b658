/* soc-icon-button.h: buttons that show only an icon, named for everyone
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *soc_icon_button_new        (const char *icon_name,
                                       const char *label,
                                       const char *tooltip);
GtkWidget *soc_icon_toggle_button_new (const char *icon_name,
                                       const char *label,
                                       const char *tooltip);
void       soc_icon_button_set_label  (GtkWidget  *button,
                                       const char *label,
                                       const char *tooltip);

G_END_DECLS
