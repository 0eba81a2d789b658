/* soc-canvas-input.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The event controllers every picture of a plan takes, the same way: a
 * click of any button, a drag of the primary one, the pointer's motion,
 * keys and tooltips, each handled by the picture's own functions.
 */

#define G_LOG_DOMAIN "soc-canvas"

#include "config.h"

#include "soc-canvas.h"

/* Adds to SELF the controllers INPUT names, each calling back with DATA;
 * returns the drag gesture, which SELF keeps with its controllers. */
GtkGesture *
soc_canvas_add_input (SocCanvas            *self,
                      const SocCanvasInput *input,
                      gpointer              data)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_val_if_fail (SOC_IS_CANVAS (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", input->pressed, data);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", input->drag_begin, data);
  g_signal_connect (drag, "drag-update", input->drag_update, data);
  g_signal_connect (drag, "drag-end", input->drag_end, data);
  g_signal_connect (drag, "cancel", input->drag_cancel, data);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (motion, "motion", input->motion, data);
  g_signal_connect (motion, "leave", input->leave, data);
  gtk_widget_add_controller (widget, motion);

  g_signal_connect (keys, "key-pressed", input->key_pressed, data);
  gtk_widget_add_controller (widget, keys);

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (self, "query-tooltip", input->query_tooltip, data);
  return drag;
}
