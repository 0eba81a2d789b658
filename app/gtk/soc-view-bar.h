/* soc-view-bar.h: the row of buttons under a view
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *icon_name;
  const char *tooltip;      /* untranslated: N_() */
  const char *action_name;
} SocViewBarButton;

GtkWidget *soc_view_bar_new (const SocViewBarButton *buttons);

G_END_DECLS
