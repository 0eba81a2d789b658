/* soc-compat.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The API floor is Debian 12's GTK 4.8 and libadwaita 1.2, pinned by the
 * version macros in meson.build so that nothing newer slips in. Where a
 * newer call is clearly better for people, it lives here, behind
 * GTK_CHECK_VERSION / ADW_CHECK_VERSION, and the rest of the code calls
 * the function of this file, which does the best each version allows.
 */

#define G_LOG_DOMAIN "soc-compat"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "soc-compat.h"
#include "soc-icon-button.h"

/* Tells screen readers MESSAGE, politely: after a change made on a canvas
 * that moved no focus ("Move “Pilot” to 2026-09-01"). GTK 4.14 has
 * gtk_accessible_announce(). Before it there is no way to speak unasked;
 * the changed object's own child says its new dates when read. */
void
soc_compat_announce (GtkWidget  *widget,
                     const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (message == NULL || message[0] == '\0')
    return;
#if GTK_CHECK_VERSION (4, 14, 0)
  /* Newer than the floor: allowed here, and only here. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_accessible_announce (GTK_ACCESSIBLE (widget), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}

/* The search button of a shortcuts window shows only an icon: GTK 4.8
 * gives it no name (later versions call it "Search Shortcuts") and no
 * version gives it a tooltip. Both, in every version. And the page of
 * search results, a scrolled window where Tab stops to let the keys scroll
 * it, gets a name too. */
void
soc_compat_name_shortcuts_search (GtkShortcutsWindow *window)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  GtkWidget *titlebar;

  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  titlebar = gtk_window_get_titlebar (GTK_WINDOW (window));
  if (titlebar != NULL)
    g_ptr_array_add (stack, titlebar);
  g_ptr_array_add (stack, window);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (GTK_IS_TOGGLE_BUTTON (w) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (w)), "edit-find-symbolic") == 0)
        soc_icon_button_set_label (w, _("Search Shortcuts"), NULL);
      /* The sections are the stack's other pages, named by their titles. */
      if (GTK_IS_SCROLLED_WINDOW (w) && GTK_IS_STACK (gtk_widget_get_parent (w)))
        gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Results"), -1);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        if (c != titlebar)
          g_ptr_array_add (stack, c);
    }
}

/* Whether WIDGET is drawn on a dark ground: libadwaita's answer, or for a
 * theme set past it (GTK_THEME=Adwaita:dark, which libadwaita does not
 * follow) the lightness of the theme's window background, so that a canvas
 * is not a white island in a dark window. The style context's colour
 * lookup is deprecated from GTK 4.10 without a replacement; it still
 * answers there. */
gboolean
soc_compat_style_is_dark (GtkWidget *widget)
{
  GdkRGBA bg;
  gboolean found;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    return TRUE;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "theme_bg_color", &bg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return found && bg.alpha > 0.5 && 0.2126 * bg.red + 0.7152 * bg.green + 0.0722 * bg.blue < 0.4;
}

/* The colour of WIDGET's text, from its style. */
void
soc_compat_widget_color (GtkWidget *widget,
                         GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

/* The longest TITLE_LINES and SUBTITLE_LINES a libadwaita row shows of its
 * title and subtitle before it ends them with an ellipsis (0: no limit).
 * A limit is also what makes a row quick to measure: GTK 4.8's boxes find
 * the height of a row whose labels wrap freely by trying height after
 * height, each try laying the labels out again, a few milliseconds for a
 * form each time its values change. An expander row has the limits from
 * libadwaita 1.3; before it, its header is an action row of its own. */
void
soc_compat_row_set_lines (GtkWidget *row,
                          int        title_lines,
                          int        subtitle_lines)
{
  g_return_if_fail (ADW_IS_ACTION_ROW (row) || ADW_IS_EXPANDER_ROW (row));

  if (ADW_IS_EXPANDER_ROW (row))
    {
#if ADW_CHECK_VERSION (1, 3, 0)
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      adw_expander_row_set_title_lines (ADW_EXPANDER_ROW (row), title_lines);
      adw_expander_row_set_subtitle_lines (ADW_EXPANDER_ROW (row), subtitle_lines);
      G_GNUC_END_IGNORE_DEPRECATIONS
      return;
#else
      /* The header is the first action row inside, before the rows added. */
      GtkWidget *w = gtk_widget_get_first_child (row);

      while (w != NULL && !ADW_IS_ACTION_ROW (w))
        w = gtk_widget_get_first_child (w);
      if (w == NULL)
        return;
      row = w;
#endif
    }
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), title_lines);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), subtitle_lines);
}
