/* soc-canvas-item.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On GTK 4.8 only widgets are accessible objects (CANVAS.md), so a canvas
 * gives each object it shows a child widget of this kind, laid over it: a
 * button named and described as the canvas says, that takes the keyboard
 * focus and offers Open and Delete. It draws nothing (the painter does)
 * and takes no pointer events (the canvas's gestures do).
 */

#define G_LOG_DOMAIN "soc-canvas-item"

#include "config.h"

#include "soc-canvas.h"
#include "soc-canvas-item.h"

struct _SocCanvasItem
{
  GtkWidget  parent_instance;

  SocObject *object;   /* not owned: the canvas drops this child before the object goes */
  SocRect    rect;     /* where it lies, in the canvas's content coordinates */
  guint      serial;   /* the canvas's content when it was described */
};

G_DEFINE_FINAL_TYPE (SocCanvasItem, soc_canvas_item, GTK_TYPE_WIDGET)

/* Open and Delete act on this object, selected first. */
static void
select_own (SocCanvasItem *self)
{
  GtkWidget *canvas = gtk_widget_get_ancestor (GTK_WIDGET (self), SOC_TYPE_CANVAS);
  SocSelection *selection = canvas != NULL ? soc_canvas_get_selection (SOC_CANVAS (canvas)) : NULL;

  if (selection != NULL && self->object != NULL)
    soc_selection_select (selection, self->object);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
open_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  select_own (SOC_CANVAS_ITEM (widget));
  gtk_widget_activate_action (widget, "win.edit-selection", NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  select_own (SOC_CANVAS_ITEM (widget));
  gtk_widget_activate_action (widget, "win.delete", NULL);
}

/* The keyboard came here (Tab, a click, a screen reader): the canvas's
 * focus object follows, and its ring is drawn again. */
static void
on_focus_enter (GtkEventControllerFocus *controller,
                SocCanvasItem           *self)
{
  GtkWidget *canvas = gtk_widget_get_ancestor (GTK_WIDGET (self), SOC_TYPE_CANVAS);

  if (canvas != NULL && self->object != NULL)
    soc_canvas_set_focus_object (SOC_CANVAS (canvas), self->object);
  if (canvas != NULL)
    gtk_widget_queue_draw (canvas);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                SocCanvasItem           *self)
{
  GtkWidget *canvas = gtk_widget_get_ancestor (GTK_WIDGET (self), SOC_TYPE_CANVAS);

  if (canvas != NULL)
    gtk_widget_queue_draw (canvas);
}

static void
soc_canvas_item_class_init (SocCanvasItemClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_css_name (widget_class, "canvasitem");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_widget_class_install_action (widget_class, "item.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "item.delete", NULL, delete_action);
}

static void
soc_canvas_item_init (SocCanvasItem *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
soc_canvas_item_new (void)
{
  return g_object_new (SOC_TYPE_CANVAS_ITEM, NULL);
}

SocObject *
soc_canvas_item_get_object (SocCanvasItem *self)
{
  g_return_val_if_fail (SOC_IS_CANVAS_ITEM (self), NULL);
  return self->object;
}

/* Shows OBJECT, named LABEL and described by DESCRIPTION to screen readers. */
void
soc_canvas_item_set_object (SocCanvasItem *self,
                            SocObject     *object,
                            const char    *label,
                            const char    *description)
{
  g_return_if_fail (SOC_IS_CANVAS_ITEM (self));

  self->object = object;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

/* Which content of the canvas the name and description were given for
 * (0: none yet): the canvas describes a child again only when it changed. */
guint
soc_canvas_item_get_serial (SocCanvasItem *self)
{
  g_return_val_if_fail (SOC_IS_CANVAS_ITEM (self), 0);
  return self->serial;
}

void
soc_canvas_item_set_serial (SocCanvasItem *self,
                            guint          serial)
{
  g_return_if_fail (SOC_IS_CANVAS_ITEM (self));
  self->serial = serial;
}

/* Where the object lies on the canvas, in content coordinates: the canvas
 * lays the child there. */
const SocRect *
soc_canvas_item_get_rect (SocCanvasItem *self)
{
  g_return_val_if_fail (SOC_IS_CANVAS_ITEM (self), NULL);
  return &self->rect;
}

void
soc_canvas_item_set_rect (SocCanvasItem *self,
                          const SocRect *rect)
{
  g_return_if_fail (SOC_IS_CANVAS_ITEM (self));
  self->rect = *rect;
}
