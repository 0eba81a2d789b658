/* soc-stakeholder-map-private.h: what soc-stakeholder-map.c and soc-stakeholder-map-input.c share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-canvas.h"
#include "soc-map-painter.h"
#include "soc-stakeholder-map.h"

G_BEGIN_DECLS

typedef enum {
  MAP_DRAG_NONE,
  MAP_DRAG_PAN,    /* empty room: the view follows the pointer */
  MAP_DRAG_BAND,   /* with Shift or Ctrl on empty room: a rubber band selects */
  MAP_DRAG_MOVE,   /* a bubble: its influence and interest */
  MAP_DRAG_LINK,   /* from the handle beside a bubble: a relationship */
} MapDragKind;

typedef struct
{
  MapDragKind     kind;
  SocStakeholder *stakeholder;  /* MOVE, LINK: not owned, the layout holds it */
  guint           bubble;
  double          x0, y0;       /* where it began, in layout coordinates */
  double          dx, dy;       /* how far it went, the view's scrolling included */
  double          hvalue;       /* the scroll it began at */
  double          vvalue;
  int             influence;    /* MOVE: the values it would set */
  int             interest;
  SocStakeholder *target;       /* LINK: the bubble under the pointer */
  gboolean        moved;        /* past the threshold: a drag, not a click */
} MapDrag;

struct _SocStakeholderMap
{
  SocCanvas         parent_instance;

  SocDocument      *document;
  SocMapLayout     *layout;      /* NULL until needed, and after a change */
  SocMapWidths     *widths;      /* names measured, kept between layouts */
  double            zoom;        /* pixels per point */
  SocMapFilter      filter;
  guint             show_edges : 1;
  guint             zoomed : 1;      /* by the user: the map no longer fits itself to the view */
  guint             fit_pending : 1;
  int               fit_width;       /* the size it was last fitted to */
  int               fit_height;


  GskRenderNode    *axes;        /* the axes, as seen from axes_at */
  SocRect           axes_at;

  /* Pointer and keyboard */
  SocStakeholder   *hover;
  SocMapHitKind     hover_kind;
  SocRelationship  *hover_edge;
  MapDrag           drag;
  GtkGesture       *drag_gesture;
  GtkWidget        *menu;
  SocObject        *menu_target;
  GtkWidget        *link_popover;  /* the kinds of relationship to choose from */
  GtkWidget        *link_title;
  GtkWidget        *link_buttons[3];
  SocStakeholder   *link_from;     /* the relationship proposed, until a kind is chosen */
  SocStakeholder   *link_to;

  /* The bubbles in the view last counted, while the layout stays */
  gboolean          counted;
  SocRect           counted_area;
  guint             counted_n;
  guint             counted_first;
  guint             n_counts;        /* walks made, for tests */
};

/* soc-stakeholder-map.c */
SocMapLayout *_soc_stakeholder_map_ensure_layout (SocStakeholderMap *self);
void          _soc_stakeholder_map_invalidate    (SocStakeholderMap *self,
                                                  gboolean           relayout);
guint         _soc_stakeholder_map_get_n_counts  (SocStakeholderMap *self);
void          _soc_stakeholder_map_focus         (SocStakeholderMap *self,
                                                  SocStakeholder    *stakeholder);
void          _soc_stakeholder_map_paint_state   (SocStakeholderMap *self,
                                                  SocMapPaintState  *state);
SocRect       _soc_stakeholder_map_area          (SocStakeholderMap *self);

/* soc-stakeholder-map-input.c */
void          _soc_stakeholder_map_init_input       (SocStakeholderMap      *self);
void          _soc_stakeholder_map_class_init_input (SocStakeholderMapClass *klass);
void          _soc_stakeholder_map_dispose_input    (SocStakeholderMap      *self);
void          _soc_stakeholder_map_snapshot_drag    (SocStakeholderMap      *self,
                                                     GtkSnapshot            *snapshot,
                                                     const SocMapPaintState *state);
void          _soc_stakeholder_map_rename           (SocStakeholderMap      *self,
                                                     SocStakeholder         *stakeholder);
void          _soc_stakeholder_map_forget_pointer   (SocStakeholderMap      *self);

/* soc-stakeholder-map-link.c */
void          _soc_stakeholder_map_class_init_link  (SocStakeholderMapClass *klass);
void          _soc_stakeholder_map_dispose_link     (SocStakeholderMap      *self);

G_END_DECLS
