/* soc-compat.h: the one place where newer GTK and libadwaita are used when present
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void soc_compat_announce            (GtkWidget          *widget,
                                     const char         *message);
void soc_compat_name_shortcuts_search (GtkShortcutsWindow *window);
gboolean soc_compat_style_is_dark   (GtkWidget          *widget);
void soc_compat_widget_color        (GtkWidget          *widget,
                                     GdkRGBA            *color);
void soc_compat_row_set_lines       (GtkWidget          *row,
                                     int                 title_lines,
                                     int                 subtitle_lines);

G_END_DECLS
