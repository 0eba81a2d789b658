/* soc-timeline-private.h: what soc-timeline.c and soc-timeline-input.c share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-canvas.h"
#include "soc-palette.h"
#include "soc-roadmap-painter.h"
#include "soc-text.h"
#include "soc-timeline.h"

G_BEGIN_DECLS

typedef enum {
  DRAG_NONE,
  DRAG_PAN,        /* empty time: the view follows the pointer */
  DRAG_BAND,       /* with Shift on empty time: a rubber band selects */
  DRAG_MOVE,       /* a bar or milestone: its dates move */
  DRAG_START,      /* a bar's start edge */
  DRAG_END,        /* a bar's end edge */
  DRAG_LINK,       /* from the handle after an item: a dependency */
} DragKind;

typedef struct
{
  DragKind  kind;
  SocItem  *item;         /* MOVE, START, END, LINK: not owned, the layout holds it */
  guint     box;
  double    x0, y0;       /* where it began, in layout coordinates */
  double    dx, dy;       /* how far it went */
  double    hvalue;       /* PAN: the scroll it began at */
  double    vvalue;
  guint     start, end;   /* MOVE, START, END: the dates it would set */
  gpointer  target;       /* LINK: the item under the pointer */
  gboolean  moved;        /* past the threshold: a drag, not a click */
} Drag;

struct _SocTimeline
{
  SocCanvas             parent_instance;

  SocDocument          *document;
  SocChecklistMonitor  *monitor;
  SocRoadmapLayout     *layout;        /* NULL until needed, and after a change */
  SocRoadmapLayout     *previous;      /* the layout before a change: the next is made from it */
  double                px_per_day;
  guint                 today;
  guint                 fitted : 1;    /* zoomed to fit once the first width is known */
  guint                 fit_pending : 1; /* that fit waits for the next frame */
  guint                 widen_pending : 1; /* the days run on to a wider view, next frame */

  /* What stays in view: the titles depend on the vertical scroll only, the
   * header on the horizontal one, so each is kept while the other scrolls. */
  GskRenderNode        *header;
  double                header_x;
  double                header_width;
  GskRenderNode        *titles;
  double                titles_y;
  double                titles_height;
  GHashTable           *failing;       /* SocItem -> a factor's title */

  /* Pointer and keyboard */
  SocItem              *hover;
  SocRoadmapHitKind     hover_kind;
  Drag                  drag;
  GtkGesture           *drag_gesture;
  GtkWidget            *menu;          /* the lane or item menu */
  gpointer              menu_target;
};

/* soc-timeline.c */
SocRoadmapLayout *_soc_timeline_ensure_layout   (SocTimeline *self);
void              _soc_timeline_invalidate      (SocTimeline *self,
                                                 gboolean     relayout);
void              _soc_timeline_focus_item      (SocTimeline *self,
                                                 SocItem     *item);

/* soc-timeline-input.c */
void              _soc_timeline_init_input      (SocTimeline *self);
void              _soc_timeline_class_init_input (SocTimelineClass *klass);
void              _soc_timeline_dispose_input   (SocTimeline *self);
void              _soc_timeline_snapshot_drag   (SocTimeline *self,
                                                 GtkSnapshot *snapshot,
                                                 const SocRect *visible,
                                                 const SocRoadmapPaintState *state);
void              _soc_timeline_rename          (SocTimeline *self,
                                                 gpointer     target);

G_END_DECLS
