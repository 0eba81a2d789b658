/* soc-canvas.h: what every picture of a plan does: scroll, cache, zoom, and speak
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-geometry.h"
#include "soc-palette.h"
#include "soc-selection.h"
#include "soc-text.h"

G_BEGIN_DECLS

#define SOC_TYPE_CANVAS (soc_canvas_get_type ())

G_DECLARE_DERIVABLE_TYPE (SocCanvas, soc_canvas, SOC, CANVAS, GtkWidget)

typedef void (*SocCanvasRenameFunc) (SocCanvas  *canvas,
                                     SocObject  *object,
                                     const char *text);

struct _SocCanvasClass
{
  GtkWidgetClass parent_class;

  /* The size of all there is to scroll over, in pixels. */
  void     (*get_content_size) (SocCanvas     *self,
                                double        *width,
                                double        *height);
  /* Paints into CR, in content coordinates, what stays until the next
   * soc_canvas_invalidate(): over REGION, a part larger than the view. */
  void     (*paint_content)    (SocCanvas     *self,
                                cairo_t       *cr,
                                const SocRect *region);
  /* Adds what changes more often, over VISIBLE, in content coordinates:
   * selection, hover, drags, what stays in view. */
  void     (*snapshot_overlay) (SocCanvas     *self,
                                GtkSnapshot   *snapshot,
                                const SocRect *visible);
  /* Appends the objects in AREA to OBJECTS and where each is to RECTS
   * (SocRect): each gets a focusable child for the keyboard and screen
   * readers. */
  void     (*items_in)         (SocCanvas     *self,
                                const SocRect *area,
                                GPtrArray     *objects,
                                GArray        *rects);
  /* What a screen reader says of OBJECT. */
  void     (*describe)         (SocCanvas     *self,
                                SocObject     *object,
                                char         **label,
                                char         **description);
  /* Ctrl+wheel, pinch and Ctrl+plus/minus: zoom by FACTOR about X, Y
   * (widget coordinates); Ctrl+0: FACTOR is 0, zoom to fit. */
  void     (*zoom)             (SocCanvas     *self,
                                double         factor,
                                double         x,
                                double         y);

  gpointer padding[8];
};

SocSelection     *soc_canvas_get_selection     (SocCanvas          *self);
void              soc_canvas_set_selection     (SocCanvas          *self,
                                                SocSelection       *selection);
void              soc_canvas_invalidate        (SocCanvas          *self,
                                                gboolean            resized);
SocRect           soc_canvas_get_visible       (SocCanvas          *self);
void              soc_canvas_scroll_to         (SocCanvas          *self,
                                                double              x,
                                                double              y);
void              soc_canvas_scroll_to_rect    (SocCanvas          *self,
                                                const SocRect      *rect,
                                                double              left,
                                                double              top);
const SocPalette *soc_canvas_get_palette       (SocCanvas          *self);
SocText          *soc_canvas_get_text          (SocCanvas          *self);
SocLabelCache    *soc_canvas_get_labels        (SocCanvas          *self);
SocObject        *soc_canvas_get_focus_object  (SocCanvas          *self);
void              soc_canvas_set_focus_object  (SocCanvas          *self,
                                                SocObject          *object);
void              soc_canvas_focus_object      (SocCanvas          *self,
                                                SocObject          *object);
gboolean          soc_canvas_has_focus_within  (SocCanvas          *self);
GtkWidget        *soc_canvas_get_child_for     (SocCanvas          *self,
                                                SocObject          *object);
void              soc_canvas_update_children   (SocCanvas          *self);
guint             soc_canvas_get_n_updates     (SocCanvas          *self);
guint             soc_canvas_get_n_described   (SocCanvas          *self);
guint             soc_canvas_get_n_paints      (SocCanvas          *self);
void              soc_canvas_forget_children   (SocCanvas          *self);
void              soc_canvas_rename            (SocCanvas          *self,
                                                SocObject          *object,
                                                const SocRect      *rect,
                                                const char         *text,
                                                const char         *label,
                                                SocCanvasRenameFunc commit);
void              soc_canvas_cancel_rename     (SocCanvas          *self);
void              soc_canvas_commit_rename     (SocCanvas          *self);
SocObject        *soc_canvas_get_renaming      (SocCanvas          *self);
void              soc_canvas_report            (SocCanvas          *self,
                                                const char         *message);
void              soc_canvas_set_hint          (SocCanvas          *self,
                                                const char         *title,
                                                const char         *hint);
void              soc_canvas_snapshot_hint     (SocCanvas          *self,
                                                GtkSnapshot        *snapshot,
                                                const SocRect      *visible);

/* The handlers of a picture's input, as the controllers' signals want them. */
typedef struct
{
  GCallback pressed;        /* GtkGestureClick::pressed, any button */
  GCallback drag_begin;     /* GtkGestureDrag, the primary button */
  GCallback drag_update;
  GCallback drag_end;
  GCallback drag_cancel;    /* GtkGesture::cancel */
  GCallback motion;         /* GtkEventControllerMotion */
  GCallback leave;
  GCallback key_pressed;    /* GtkEventControllerKey::key-pressed */
  GCallback query_tooltip;  /* GtkWidget::query-tooltip */
} SocCanvasInput;

GtkGesture       *soc_canvas_add_input         (SocCanvas            *self,
                                                const SocCanvasInput *input,
                                                gpointer              data);

G_END_DECLS
