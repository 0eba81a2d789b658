/* soc-icon-button.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A button that shows only an icon says what it does twice: in a tooltip
 * for the eye, and in an accessible label for a screen reader. A tooltip
 * alone is not a name (GTK makes it the description), and GTK 4.8 labels
 * an icon button by its image, which says nothing. The label is the action
 * ("Zoom in"); the tooltip may add its shortcut ("Zoom in (Ctrl+plus)").
 */

#define G_LOG_DOMAIN "soc-icon-button"

#include "config.h"

#include "soc-icon-button.h"

/* Names BUTTON with LABEL (already translated) and shows TOOLTIP, or LABEL
 * when TOOLTIP is NULL. A menu button is named on the button inside it
 * too, which is the one that takes the focus. */
void
soc_icon_button_set_label (GtkWidget  *button,
                           const char *label,
                           const char *tooltip)
{
  g_return_if_fail (GTK_IS_WIDGET (button));
  g_return_if_fail (label != NULL && label[0] != '\0');

  gtk_widget_set_tooltip_text (button, tooltip != NULL ? tooltip : label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (GTK_IS_MENU_BUTTON (button))
    for (GtkWidget *child = gtk_widget_get_first_child (button); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A flat button with ICON_NAME, named LABEL, with TOOLTIP or LABEL as its
 * tooltip. */
GtkWidget *
soc_icon_button_new (const char *icon_name,
                     const char *label,
                     const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  soc_icon_button_set_label (button, label, tooltip);
  return button;
}

GtkWidget *
soc_icon_toggle_button_new (const char *icon_name,
                            const char *label,
                            const char *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
  gtk_widget_add_css_class (button, "flat");
  soc_icon_button_set_label (button, label, tooltip);
  return button;
}
