/* soc-view-bar.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "soc-view-bar.h"

/* Icon buttons for window actions, each with a tooltip that is also its
 * accessible name; they follow the actions' enabled state. */
GtkWidget *
soc_view_bar_new (const SocViewBarButton *buttons)
{
  GtkWidget *bar = gtk_action_bar_new ();

  for (guint i = 0; buttons[i].icon_name != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (buttons[i].icon_name);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action_name);
      gtk_widget_set_tooltip_text (button, _(buttons[i].tooltip));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(buttons[i].tooltip), -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), button);
    }
  return bar;
}
