/* soc-scroll-body.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content of a scrolled window that scrolls up and down only, and does
 * not take its content's natural height (the inspector's form). GTK 4.8's
 * scrolled window measures its content's height for no width at all, and
 * then does not use the answer; the window asks it for its own size each
 * time anything in it changes size, as the form does on every selection.
 * Laying out every label of the form at its natural width cost a tenth of
 * a Down. The body answers that one question at once; asked for a height
 * at a width, as the viewport asks when it lays the content out, it
 * measures its child.
 */

#define G_LOG_DOMAIN "soc-scroll-body"

#include "config.h"

#include "soc-scroll-body.h"

struct _SocScrollBody
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (SocScrollBody, soc_scroll_body, GTK_TYPE_WIDGET)

static void
soc_scroll_body_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_get_visible (child))
    return;
  /* The height for no width: the scrolled window's question, unused. */
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0)
    return;
  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static GtkSizeRequestMode
soc_scroll_body_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
soc_scroll_body_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_get_visible (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
soc_scroll_body_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (soc_scroll_body_parent_class)->dispose (object);
}

static void
soc_scroll_body_class_init (SocScrollBodyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_scroll_body_dispose;
  widget_class->measure = soc_scroll_body_measure;
  widget_class->get_request_mode = soc_scroll_body_get_request_mode;
  widget_class->size_allocate = soc_scroll_body_size_allocate;
}

static void
soc_scroll_body_init (SocScrollBody *self)
{
}

/* A body for CHILD, to be a GtkScrolledWindow's child (through a viewport)
 * with vertical scrolling and no natural height propagated. */
GtkWidget *
soc_scroll_body_new (GtkWidget *child)
{
  GtkWidget *self = g_object_new (SOC_TYPE_SCROLL_BODY, NULL);

  gtk_widget_set_parent (child, self);
  return self;
}
