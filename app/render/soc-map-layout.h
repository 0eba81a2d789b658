/* soc-map-layout.h: where every stakeholder, name and relationship of the power/interest grid goes
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"
#include "soc-geometry.h"
#include "soc-roadmap-layout.h"   /* SocDirection, shared by every canvas */
#include "soc-map-widths.h"
#include "soc-text.h"

G_BEGIN_DECLS

/* Influence and interest are percentages (FORMAT.md): the grid spans 0 to
 * 100 on both axes, and the quadrants meet at the middle. */
#define SOC_MAP_MAX_VALUE   100
#define SOC_MAP_MIDDLE       50

/* Zoom, in pixels per point of influence or interest. At the least the
 * grid is a hundred pixels square, so that fitting it to a narrow view
 * shows all of it. */
#define SOC_MAP_ZOOM_MIN      1.0
#define SOC_MAP_ZOOM_DEFAULT  7.0
#define SOC_MAP_ZOOM_MAX    400.0

typedef struct
{
  double margin_left;     /* the influence axis */
  double margin_bottom;   /* the interest axis */
  double margin_top;
  double margin_right;
  double person_radius;
  double group_radius;    /* groups are larger than persons */
  double ring_gap;        /* between a bubble and the ring of the stance wanted */
  double ring_width;
  double label_gap;       /* between a bubble and its name */
  double label_pad;       /* around a name's text */
  double label_max_width; /* longer names are cut with an ellipsis */
} SocMapMetrics;

void soc_map_metrics_init (SocMapMetrics *metrics);

/* What shows on the map: a bit per profile and per stance, and per role
 * (SocRoles) with SOC_MAP_ROLE_NONE for stakeholders without one. A
 * stakeholder shows when its profile, its stance and one of its roles
 * (or its having none) are all set. */
#define SOC_MAP_ROLE_NONE  (1u << 4)

typedef struct
{
  guint profiles;
  guint stances;
  guint roles;
} SocMapFilter;

void     soc_map_filter_init     (SocMapFilter       *filter);
gboolean soc_map_filter_is_all   (const SocMapFilter *filter);
gboolean soc_map_filter_equal    (const SocMapFilter *a,
                                  const SocMapFilter *b);
gboolean soc_map_filter_accepts  (const SocMapFilter *filter,
                                  SocStakeholder     *stakeholder);

typedef enum {
  SOC_MAP_QUADRANT_MANAGE_CLOSELY,  /* high influence, high interest */
  SOC_MAP_QUADRANT_KEEP_SATISFIED,  /* high influence, low interest */
  SOC_MAP_QUADRANT_KEEP_INFORMED,   /* low influence, high interest */
  SOC_MAP_QUADRANT_MONITOR,         /* low influence, low interest */
} SocMapQuadrant;

SocMapQuadrant soc_map_quadrant_of    (int            influence,
                                       int            interest);
const char    *soc_map_quadrant_label (SocMapQuadrant quadrant);
const char    *soc_map_profile_mark   (SocProfile     profile);


typedef enum {
  SOC_MAP_BUBBLE_GROUP  = 1 << 0,
  SOC_MAP_BUBBLE_LABEL  = 1 << 1,   /* its name shows, in LABEL */
  SOC_MAP_BUBBLE_WANTS  = 1 << 2,   /* the stance wanted is another: a ring in its colour */
  SOC_MAP_BUBBLE_SPREAD = 1 << 3,   /* others have the same numbers: moved off them */
} SocMapBubbleFlags;

typedef struct
{
  SocStakeholder *stakeholder;
  guint           order;      /* its place among the plan's stakeholders */
  SocPoint        center;
  double          radius;
  double          outer;      /* with the ring of the stance wanted */
  SocRect         label;      /* where its name goes, when SOC_MAP_BUBBLE_LABEL */
  int             influence;
  int             interest;
  guint8          profile;    /* SocProfile */
  guint8          stance;     /* SocStance */
  guint8          desired;    /* SocStance */
  guint8          flags;      /* SocMapBubbleFlags */
} SocMapBubble;

typedef struct
{
  SocRelationship *relationship;
  guint            from;       /* bubbles */
  guint            to;
  SocRelationKind  kind;
  SocPoint         a;          /* on FROM's rim */
  SocPoint         b;          /* on TO's rim, where the head is */
  SocRect          bounds;
  gboolean         long_reach; /* far apart: a stub at each end, whole when selected */
} SocMapEdge;

typedef enum {
  SOC_MAP_HIT_NONE,
  SOC_MAP_HIT_BUBBLE,     /* a stakeholder */
  SOC_MAP_HIT_LINK,       /* the handle beside the active bubble: draws a relationship */
  SOC_MAP_HIT_EDGE,       /* a relationship */
  SOC_MAP_HIT_PLOT,       /* empty room in the grid */
} SocMapHitKind;

typedef struct
{
  SocMapHitKind    kind;
  guint            bubble;
  SocStakeholder  *stakeholder;   /* BUBBLE and LINK */
  guint            edge;
  SocRelationship *relationship;  /* EDGE */
  int              influence;     /* the values under the point, 0 to 100 */
  int              interest;
} SocMapHit;

typedef struct _SocMapLayout SocMapLayout;

SocMapLayout       *soc_map_layout_new          (SocDocument         *document,
                                                 const SocMapMetrics *metrics,
                                                 double               px_per_unit,
                                                 const SocMapFilter  *filter,
                                                 SocMapWidths        *widths);
void                soc_map_layout_place_names  (SocMapLayout        *self,
                                                 SocMapWidths        *widths);
gboolean            soc_map_layout_has_names    (SocMapLayout        *self);
SocMapLayout       *soc_map_layout_ref          (SocMapLayout        *self);
void                soc_map_layout_unref        (SocMapLayout        *self);

const SocMapMetrics *soc_map_layout_get_metrics (SocMapLayout        *self);
double              soc_map_layout_get_zoom     (SocMapLayout        *self);
double              soc_map_layout_get_width    (SocMapLayout        *self);
double              soc_map_layout_get_height   (SocMapLayout        *self);
SocRect             soc_map_layout_get_plot     (SocMapLayout        *self);
double              soc_map_layout_x            (SocMapLayout        *self,
                                                 double               interest);
double              soc_map_layout_y            (SocMapLayout        *self,
                                                 double               influence);
int                 soc_map_layout_interest_at  (SocMapLayout        *self,
                                                 double               x);
int                 soc_map_layout_influence_at (SocMapLayout        *self,
                                                 double               y);

guint               soc_map_layout_get_n_bubbles (SocMapLayout       *self);
const SocMapBubble *soc_map_layout_get_bubble   (SocMapLayout        *self,
                                                 guint                index);
const SocMapBubble *soc_map_layout_find_bubble  (SocMapLayout        *self,
                                                 SocStakeholder      *stakeholder,
                                                 guint               *index);
guint               soc_map_layout_get_n_edges  (SocMapLayout        *self);
const SocMapEdge   *soc_map_layout_get_edge     (SocMapLayout        *self,
                                                 guint                index);
const SocMapEdge   *soc_map_layout_find_edge    (SocMapLayout        *self,
                                                 SocRelationship     *relationship,
                                                 guint               *index);
const guint        *soc_map_layout_get_bubble_edges (SocMapLayout    *self,
                                                 guint                bubble,
                                                 guint               *n_edges);
guint               soc_map_layout_get_n_labels (SocMapLayout        *self);
gboolean            soc_map_layout_get_title    (SocMapLayout        *self,
                                                 SocMapQuadrant       quadrant,
                                                 SocRect             *rect);
SocRect             soc_map_layout_title_rect   (SocMapLayout        *self,
                                                 SocMapQuadrant       quadrant,
                                                 double               width,
                                                 double               height);
double              soc_map_layout_get_reach    (SocMapLayout        *self);

void                soc_map_layout_bubbles_in   (SocMapLayout        *self,
                                                 const SocRect       *rect,
                                                 gboolean             with_labels,
                                                 GArray              *indexes);
gboolean            soc_map_layout_bubble_meets (SocMapLayout        *self,
                                                 guint                bubble,
                                                 const SocRect       *rect);
guint               soc_map_layout_count_in     (SocMapLayout        *self,
                                                 const SocRect       *rect,
                                                 guint               *first);
void                soc_map_layout_edges_in     (SocMapLayout        *self,
                                                 const SocRect       *rect,
                                                 GArray              *indexes);
gboolean            soc_map_layout_hit          (SocMapLayout        *self,
                                                 double               x,
                                                 double               y,
                                                 gint                 active,
                                                 gboolean             edges,
                                                 SocMapHit           *hit);
SocPoint            soc_map_layout_handle       (SocMapLayout        *self,
                                                 guint                bubble);
void                soc_map_edge_stubs          (const SocMapEdge    *edge,
                                                 SocPoint            *a1,
                                                 SocPoint            *b0);
gboolean            soc_map_layout_neighbour    (SocMapLayout        *self,
                                                 guint                bubble,
                                                 SocDirection         direction,
                                                 guint               *neighbour);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocMapLayout, soc_map_layout_unref)

G_END_DECLS
