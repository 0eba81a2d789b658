/* soc-view-bar.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soc-icon-button.h"
#include "soc-view-bar.h"

/* Icon buttons for window actions, each with a tooltip that is also its
 * accessible name; they follow the actions' enabled state. */
GtkWidget *
soc_view_bar_new (const SocViewBarButton *buttons)
{
  GtkWidget *bar = gtk_action_bar_new ();

  for (guint i = 0; buttons[i].icon_name != NULL; i++)
    {
      GtkWidget *button = soc_icon_button_new (buttons[i].icon_name, _(buttons[i].tooltip), NULL);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action_name);
      gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), button);
    }
  return bar;
}
