/* soc-canvas-item.h: one object of a picture, for the keyboard and screen readers
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-geometry.h"
#include "soc-object.h"

G_BEGIN_DECLS

#define SOC_TYPE_CANVAS_ITEM (soc_canvas_item_get_type ())

G_DECLARE_FINAL_TYPE (SocCanvasItem, soc_canvas_item, SOC, CANVAS_ITEM, GtkWidget)

GtkWidget *soc_canvas_item_new        (void);
SocObject *soc_canvas_item_get_object (SocCanvasItem *self);
void       soc_canvas_item_set_object (SocCanvasItem *self,
                                       SocObject     *object,
                                       const char    *label,
                                       const char    *description);
guint      soc_canvas_item_get_serial (SocCanvasItem *self);
void       soc_canvas_item_set_serial (SocCanvasItem *self,
                                       guint          serial);
const SocRect *soc_canvas_item_get_rect (SocCanvasItem *self);
void       soc_canvas_item_set_rect   (SocCanvasItem *self,
                                       const SocRect *rect);

G_END_DECLS
