/* soc-roadmap-layout-private.h: what the roadmap layout's files share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-roadmap-layout.h"

G_BEGIN_DECLS

#define EDGE_GRIP         5.0   /* how close to a bar's end is its edge */
#define MIN_EDGE_BAR     18.0   /* narrower bars have no edges to grab */
#define LINK_HANDLE      12.0   /* the handle after an item's end */
#define LONG_REACH        24    /* rows apart: a dependency shows as two stubs */

struct _SocRoadmapLayout
{
  gatomicrefcount   ref_count;

  SocRoadmapMetrics metrics;
  SocTimescale      scale;
  guint             span_origin;  /* the days the plan dates, before min_width */
  guint             span_end;
  double            width;
  double            height;
  guint             n_unscheduled;

  GArray           *lanes;       /* SocRoadmapLane */
  GArray           *boxes;       /* SocRoadmapBox, by row, then x */
  GArray           *row_first;   /* guint: each row's first box; one more at the end */
  GArray           *row_y;       /* double: each row's top */
  GArray           *row_lane;    /* guint: each row's lane */
  GArray           *phases;      /* SocRoadmapPhase */
  GArray           *arrows;      /* SocRoadmapArrow */
  GArray           *points;      /* SocPoint */
  GHashTable       *box_of;      /* SocItem -> box index + 1 */
  GArray           *box_arrows_first; /* guint: each box's first in box_arrows; one more at the end */
  GArray           *box_arrows;  /* guint: the arrows in and out of each box, box by box */
  double            cell_width;  /* the grid that finds arrows: cells of this size */
  double            cell_height;
  guint             n_cols;
  guint             n_cell_rows;
  GArray           *cell_first;  /* guint: each cell's first in cell_arrows; one more at the end */
  GArray           *cell_arrows; /* guint: the arrows meeting each cell, cell by cell */
  GArray           *pending;     /* while building: (cell, arrow) pairs */
  GArray           *long_arrows; /* guint: arrows too large for the grid */

  /* What it was laid out from, so that the next layout of the plan packs
   * again only the lanes that changed (soc_roadmap_layout_new_from()). */
  double            px_per_day;
  guint             from;        /* as asked: 0, 0 for all the plan dates */
  guint             to;
  GArray           *inputs;      /* LaneInput: each lane's boxes as the plan lists them */
  GArray           *input_first; /* guint: each lane's first in inputs; one more at the end */
  guint             n_packed;    /* lanes packed, not taken from the layout before */
};

guint   _soc_roadmap_layout_get_n_packed   (SocRoadmapLayout *self);
/* soc-roadmap-routes.c */
double  _soc_roadmap_layout_bar_top        (SocRoadmapLayout *self,
                                             guint             row);
void    _soc_roadmap_layout_make_arrow     (SocRoadmapLayout *self,
                                             guint             from,
                                             guint             to,
                                             SocRoadmapArrow  *arrow);
guint   _soc_roadmap_layout_first_box_after (SocRoadmapLayout *self,
                                             guint             row,
                                             double            x);
SocRect _soc_roadmap_layout_bounds_of       (const SocPoint   *pts,
                                             guint             n);
void    _soc_roadmap_layout_cells_of        (SocRoadmapLayout *self,
                                             const SocRect    *rect,
                                             gint64           *cx0,
                                             gint64           *cy0,
                                             gint64           *cx1,
                                             gint64           *cy1);

G_END_DECLS
