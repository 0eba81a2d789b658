/* soc-roadmap-layout.h: where every lane, bar, milestone, phase and arrow of a roadmap goes
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"
#include "soc-geometry.h"
#include "soc-timescale.h"

G_BEGIN_DECLS

typedef struct
{
  double row_height;      /* one row of bars */
  double bar_height;
  double lane_padding;    /* above the first row of a lane and below its last */
  double header_height;   /* the time header: phases, then two rows of units */
  double title_width;     /* the lane titles at the left */
  double milestone_size;
  double min_bar_width;   /* a one-day bar at the widest zoom still shows */
  double end_margin;      /* room after the last day */
  double min_width;       /* days run on past the plan's to fill this width (0: none) */
} SocRoadmapMetrics;

void soc_roadmap_metrics_init (SocRoadmapMetrics *metrics);

typedef enum {
  SOC_ROADMAP_BOX_MILESTONE = 1 << 0,
  SOC_ROADMAP_BOX_BROKEN    = 1 << 1,  /* starts before a prerequisite finishes */
} SocRoadmapBoxFlags;

typedef struct
{
  SocItem *item;
  guint    lane;         /* index of its lane */
  guint    row;          /* its row, counted over all lanes */
  SocRect  rect;         /* the bar, or the square the milestone's diamond fills */
  double   room;         /* where the next box of its row begins: a label beside it ends there */
  guint    flags;        /* SocRoadmapBoxFlags */
} SocRoadmapBox;

typedef struct
{
  SocLane *lane;
  SocRect  band;         /* the lane's full width and height */
  guint    first_row;
  guint    n_rows;
  guint    n_items;
} SocRoadmapLane;

typedef struct
{
  SocPhase *phase;
  double    x0, x1;
} SocRoadmapPhase;

typedef struct
{
  guint    from;         /* the prerequisite's box */
  guint    to;           /* the dependent item's box */
  guint    first_point;
  guint    n_points;     /* a polyline that ends in the dependent item's start */
  SocRect  bounds;
  gboolean broken;
  gboolean long_reach;   /* rows apart: only a stub at each end, the rest when selected */
} SocRoadmapArrow;

typedef enum {
  SOC_ROADMAP_HIT_NONE,
  SOC_ROADMAP_HIT_HEADER,       /* the time header */
  SOC_ROADMAP_HIT_LANE_TITLE,   /* a lane's title, at the left */
  SOC_ROADMAP_HIT_ITEM,         /* a bar or milestone */
  SOC_ROADMAP_HIT_START_EDGE,   /* the start edge of a bar: resizes it */
  SOC_ROADMAP_HIT_END_EDGE,     /* the end edge of a bar */
  SOC_ROADMAP_HIT_LINK,         /* the handle after an item: draws a dependency */
  SOC_ROADMAP_HIT_LANE_TIME,    /* empty time in a lane */
  SOC_ROADMAP_HIT_LABEL,        /* an item's name beside its bar (soc_roadmap_label_at()) */
} SocRoadmapHitKind;

typedef struct
{
  SocRoadmapHitKind kind;
  SocItem          *item;       /* ITEM, the edges, LINK and LABEL */
  guint             box;
  SocLane          *lane;       /* LANE_TITLE, LANE_TIME and the item's lane */
  guint             lane_index;
  guint             date;       /* the day under the point */
} SocRoadmapHit;

typedef enum {
  SOC_DIRECTION_LEFT,
  SOC_DIRECTION_RIGHT,
  SOC_DIRECTION_UP,
  SOC_DIRECTION_DOWN,
} SocDirection;

typedef struct _SocRoadmapLayout SocRoadmapLayout;

SocRoadmapLayout     *soc_roadmap_layout_new          (SocDocument             *document,
                                                       const SocRoadmapMetrics *metrics,
                                                       double                   px_per_day,
                                                       guint                    from,
                                                       guint                    to);
SocRoadmapLayout     *soc_roadmap_layout_new_from     (SocRoadmapLayout        *old,
                                                       SocDocument             *document,
                                                       const SocRoadmapMetrics *metrics,
                                                       double                   px_per_day,
                                                       guint                    from,
                                                       guint                    to);
SocRoadmapLayout     *soc_roadmap_layout_ref          (SocRoadmapLayout        *self);
void                  soc_roadmap_layout_unref        (SocRoadmapLayout        *self);

const SocTimescale   *soc_roadmap_layout_get_scale    (SocRoadmapLayout        *self);
void                  soc_roadmap_layout_get_span     (SocRoadmapLayout        *self,
                                                       guint                   *origin,
                                                       guint                   *end);
const SocRoadmapMetrics *soc_roadmap_layout_get_metrics (SocRoadmapLayout      *self);
double                soc_roadmap_layout_get_width    (SocRoadmapLayout        *self);
double                soc_roadmap_layout_get_height   (SocRoadmapLayout        *self);
guint                 soc_roadmap_layout_get_n_unscheduled (SocRoadmapLayout   *self);

guint                 soc_roadmap_layout_get_n_lanes  (SocRoadmapLayout        *self);
const SocRoadmapLane *soc_roadmap_layout_get_lane     (SocRoadmapLayout        *self,
                                                       guint                    index);
guint                 soc_roadmap_layout_get_n_rows   (SocRoadmapLayout        *self);
double                soc_roadmap_layout_get_row_y    (SocRoadmapLayout        *self,
                                                       guint                    row);
guint                 soc_roadmap_layout_get_n_boxes  (SocRoadmapLayout        *self);
const SocRoadmapBox  *soc_roadmap_layout_get_box      (SocRoadmapLayout        *self,
                                                       guint                    index);
const SocRoadmapBox  *soc_roadmap_layout_find_box     (SocRoadmapLayout        *self,
                                                       SocItem                 *item,
                                                       guint                   *index);
guint                 soc_roadmap_layout_get_n_phases (SocRoadmapLayout        *self);
const SocRoadmapPhase *soc_roadmap_layout_get_phase   (SocRoadmapLayout        *self,
                                                       guint                    index);
guint                 soc_roadmap_layout_get_n_arrows (SocRoadmapLayout        *self);
const SocRoadmapArrow *soc_roadmap_layout_get_arrow   (SocRoadmapLayout        *self,
                                                       guint                    index);
const SocPoint       *soc_roadmap_layout_get_points   (SocRoadmapLayout        *self,
                                                       const SocRoadmapArrow   *arrow);

const guint          *soc_roadmap_layout_get_box_arrows (SocRoadmapLayout     *self,
                                                       guint                    box,
                                                       guint                   *n_arrows);
void                  soc_roadmap_layout_route        (SocRoadmapLayout        *self,
                                                       guint                    from,
                                                       guint                    to,
                                                       GArray                  *points);
void                  soc_roadmap_layout_boxes_in     (SocRoadmapLayout        *self,
                                                       const SocRect           *rect,
                                                       GArray                  *indexes);
void                  soc_roadmap_layout_arrows_in    (SocRoadmapLayout        *self,
                                                       const SocRect           *rect,
                                                       GArray                  *indexes);
void                  soc_roadmap_layout_lanes_in     (SocRoadmapLayout        *self,
                                                       double                   y0,
                                                       double                   y1,
                                                       guint                   *first,
                                                       guint                   *last);
gboolean              soc_roadmap_layout_hit          (SocRoadmapLayout        *self,
                                                       double                   x,
                                                       double                   y,
                                                       const SocRect           *visible,
                                                       SocRoadmapHit           *hit);
gboolean              soc_roadmap_layout_neighbour    (SocRoadmapLayout        *self,
                                                       guint                    box,
                                                       SocDirection             direction,
                                                       guint                   *neighbour);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocRoadmapLayout, soc_roadmap_layout_unref)

G_END_DECLS
