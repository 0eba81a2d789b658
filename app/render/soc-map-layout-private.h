/* soc-map-layout-private.h: what soc-map-layout.c and soc-map-labels.c share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-map-layout.h"

G_BEGIN_DECLS

#define CELL_SIZE       64.0   /* the grid that finds bubbles and edges, at least */
#define MAX_CELLS_SIDE  512    /* larger maps get larger cells */
#define MAX_EDGE_CELLS  256    /* an edge over more cells is checked every time */
#define LONG_REACH     900.0   /* a relationship longer than this shows as stubs */
#define STUB            26.0   /* the length of a stub */
#define HANDLE_RADIUS    6.0   /* the handle that draws a relationship */
#define EDGE_GRIP        4.0   /* how close to a relationship a click finds it */
#define SPREAD_GAP       3.0   /* between a spread bubble's centre and its neighbours' rims */
#define GOLDEN_ANGLE     2.39996322972865332

struct _SocMapLayout
{
  gatomicrefcount  ref_count;

  SocMapMetrics    metrics;
  double           zoom;         /* pixels per point */
  double           width;
  double           height;
  SocRect          plot;         /* 0 to 100 on both axes */
  SocRect          field;        /* the plot and its padding: where bubbles and names go */

  GArray          *bubbles;      /* SocMapBubble, in the plan's order */
  GHashTable      *bubble_of;    /* SocStakeholder -> index + 1 */
  double           max_outer;    /* the largest bubble, with its ring */
  double           reach;        /* the farthest a name goes from its bubble's centre */
  guint            n_labels;
  SocRect          titles[4];    /* the quadrants' titles, which names keep clear of */
  gboolean         has_titles;
  gboolean         has_names;    /* the titles and names are placed */

  double           cell;         /* the grid */
  guint            n_cols;
  guint            n_rows;
  GArray          *cell_first;   /* guint: each cell's first in cell_bubbles; one more at the end */
  GArray          *cell_bubbles; /* guint: bubbles by the cell of their centre */

  GArray          *edges;        /* SocMapEdge */
  GHashTable      *edge_of;      /* SocRelationship -> index + 1 */
  GArray          *edge_first;   /* guint: each cell's first in edge_cells; one more at the end */
  GArray          *edge_cells;   /* guint: the edges meeting each cell */
  GArray          *long_edges;   /* guint: edges over too many cells */
  GArray          *bubble_edge_first; /* guint: each bubble's first in bubble_edges */
  GArray          *bubble_edges; /* guint: the edges in and out of each bubble */
};

#define BUBBLE(self, i) (&g_array_index ((self)->bubbles, SocMapBubble, (i)))
#define EDGE(self, i)   (&g_array_index ((self)->edges, SocMapEdge, (i)))

typedef gboolean (*SocMapBubbleFunc) (SocMapLayout *self, guint bubble, gpointer data);

/* soc-map-layout.c */
void     _soc_map_layout_cell_of             (SocMapLayout     *self,
                                              double            x,
                                              double            y,
                                              gint64           *cx,
                                              gint64           *cy);
void     _soc_map_layout_cells_of            (SocMapLayout     *self,
                                              const SocRect    *rect,
                                              gint64           *cx0,
                                              gint64           *cy0,
                                              gint64           *cx1,
                                              gint64           *cy1);
gboolean _soc_map_disc_meets_rect            (const SocPoint   *c,
                                              double            r,
                                              const SocRect    *rect);
gboolean _soc_map_layout_foreach_bubble_near (SocMapLayout     *self,
                                              const SocRect    *rect,
                                              double            margin,
                                              SocMapBubbleFunc  func,
                                              gpointer          data);

/* soc-map-labels.c */
void     _soc_map_layout_place_titles        (SocMapLayout     *self,
                                              SocMapWidths     *widths);
void     _soc_map_layout_place_labels        (SocMapLayout     *self,
                                              SocMapWidths     *widths);

G_END_DECLS
