/* soc-outline-keys.c: the keys of a tree, for the goal outline
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the selected goal: plus and Right open it (Right again goes to its
 * first child), minus and Left close it (Left again goes to its parent),
 * asterisk opens all under it; Left and Right swap in a right-to-left
 * language. The keyboard stays on the selected row. A cell being edited
 * keeps its keys, and keys with Ctrl or Alt are the window's.
 */

#define G_LOG_DOMAIN "soc-outline-keys"

#include "config.h"

#include "soc-outline-keys.h"

/* What KEYVAL does to GOAL in OUTLINE; the goal to select instead, if any,
 * goes in SELECT. FALSE: the key is not the outline's. */
static gboolean
apply_key (SocOutlineModel *outline,
           SocGoal         *goal,
           guint            keyval,
           SocObject      **select)
{
  gboolean open = soc_outline_model_get_expanded (outline, goal);
  gboolean parent_of_some = g_list_model_get_n_items (soc_goal_get_children (goal)) > 0;

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
      soc_outline_model_set_expanded (outline, goal, TRUE);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      soc_outline_model_set_expanded (outline, goal, FALSE);
      return TRUE;
    case GDK_KEY_asterisk:
    case GDK_KEY_KP_Multiply:
      soc_outline_model_expand_all (outline, goal);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (parent_of_some && !open)
        soc_outline_model_set_expanded (outline, goal, TRUE);
      else if (parent_of_some)
        *select = g_list_model_get_item (soc_goal_get_children (goal), 0);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (parent_of_some && open)
        soc_outline_model_set_expanded (outline, goal, FALSE);
      else if (soc_goal_get_parent (goal) != NULL)
        *select = g_object_ref (SOC_OBJECT (soc_goal_get_parent (goal)));
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SocTableView          *table)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (table)));
  SocOutlineModel *outline = soc_table_view_get_outline (table);
  SocObject *object = soc_table_view_get_selected (table);
  g_autoptr(SocObject) select = NULL;

  if (outline == NULL || !SOC_IS_GOAL (object) || GTK_IS_EDITABLE (focus) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (gtk_widget_get_direction (GTK_WIDGET (table)) == GTK_TEXT_DIR_RTL &&
      (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right))
    keyval = keyval == GDK_KEY_Left ? GDK_KEY_Right : GDK_KEY_Left;
  if (!apply_key (outline, SOC_GOAL (object), keyval, &select))
    return FALSE;
  if (select != NULL)
    soc_table_view_select (table, select);
  /* GTK 4.8 moves the keyboard only with its own keys, and a row closed
   * under it would leave the table. */
  gtk_widget_grab_focus (GTK_WIDGET (table));
  return TRUE;
}

/* The outline keys of TABLE, a tree, for its column view: they run before
 * the rows', since GTK 4.8's list takes the arrows whatever it does with
 * them. */
GtkEventController *
soc_outline_keys_new (SocTableView *table)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_val_if_fail (SOC_IS_TABLE_VIEW (table), NULL);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), table);
  return keys;
}
