/* soc-printable.h: what a view gives to be laid over pages
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "soc-document.h"
#include "soc-geometry.h"

G_BEGIN_DECLS

#define SOC_TYPE_PRINTABLE (soc_printable_get_type ())

G_DECLARE_INTERFACE (SocPrintable, soc_printable, SOC, PRINTABLE, GObject)

typedef enum {
  SOC_LEGEND_HEADING,   /* a group's name: no swatch */
  SOC_LEGEND_BAR,       /* a bar: FILL its body, STROKE its progress */
  SOC_LEGEND_DIAMOND,   /* a milestone: FILL inside, STROKE its rim */
  SOC_LEGEND_DOT,
  SOC_LEGEND_RING,      /* an open circle, in STROKE */
  SOC_LEGEND_SQUARE,
  SOC_LEGEND_ARROW,     /* a dependency, in STROKE */
  SOC_LEGEND_LINE,      /* a vertical line, in STROKE */
  SOC_LEGEND_BAND,      /* a shaded band with a dashed edge */
  SOC_LEGEND_TRIANGLE,  /* a warning: FILL inside, an exclamation mark in STROKE */
  SOC_LEGEND_TEXT,      /* plain text, such as a key: no swatch */
} SocLegendSwatch;

typedef struct
{
  SocLegendSwatch swatch;
  SocColor        fill;
  SocColor        stroke;
  char           *text;
} SocLegendEntry;

void soc_legend_add (GArray         *entries,
                     SocLegendSwatch swatch,
                     const SocColor *fill,
                     const SocColor *stroke,
                     const char     *text);
GArray *soc_legend_new (void);
void    soc_legend_paint_swatch (cairo_t              *cr,
                                 const SocLegendEntry *entry,
                                 double                x,
                                 double                cy,
                                 double                unit);

/* How wide a swatch is, at a unit of 1. */
#define SOC_LEGEND_SWATCH_WIDTH 16.0

/**
 * SocPrintableInterface:
 * @get_name: what the view is called on a page's header ("Roadmap")
 * @get_range: what part of the plan it shows ("January 2026 – December
 *   2028"), or NULL
 * @set_width: lays the content out again to be @width pixels wide, frame
 *   included, for views whose width follows the paper (a timeline over its
 *   dates, a table over its columns); NULL for views of a fixed size, which
 *   are scaled instead
 * @get_size: the content's size, frame included, in layout pixels
 * @get_frame: the bands at the left and the top (lane titles, the time
 *   header, a table's column titles) that are repeated on every page; the
 *   painter draws them at the visible rectangle's left and top
 * @find_break: the last place in (@top, @bottom] where a page may end
 *   without cutting through anything (a bar, a label, a row), or a value
 *   <= @top when there is none; NULL: the content has no such places and is
 *   scaled to fit
 * @find_column_break: the same across: the last place in (@left, @right]
 *   where a page may end at the right without cutting through anything (a
 *   level of the goal tree); NULL: the columns of pages are cut evenly,
 *   with an overlap (time continues on the next page)
 * @find_break_in: for a view with breaks across, where its columns of
 *   pages end: the same as @find_break, minding only what lies between
 *   @left and @right, so that each column of pages ends its pages where
 *   its own content allows
 * @find_content_in: where, at @top or below, the next thing between
 *   @left and @right begins (G_MAXDOUBLE: nothing), so that a column of
 *   pages skips what is empty in it; NULL: nothing is skipped
 * @get_min_text: the smallest text the painter draws, in pixels
 * @paint: paints the part @visible (layout pixels, frame included) with
 *   the print palette
 * @get_legend: appends #SocLegendEntry values explaining the colours and
 *   shapes the view uses
 *
 * A view laid over pages (see SocPagination) gives this. Layout pixels are
 * device-independent pixels, 1/96 inch at natural size.
 */
struct _SocPrintableInterface
{
  GTypeInterface parent_iface;

  const char *(*get_name)     (SocPrintable  *self);
  char       *(*get_range)    (SocPrintable  *self);
  void        (*set_width)    (SocPrintable  *self,
                               double         width);
  void        (*get_size)     (SocPrintable  *self,
                               double        *width,
                               double        *height);
  void        (*get_frame)    (SocPrintable  *self,
                               double        *left,
                               double        *top);
  double      (*find_break)   (SocPrintable  *self,
                               double         top,
                               double         bottom);
  double      (*find_column_break) (SocPrintable *self,
                                    double        left,
                                    double        right);
  double      (*find_break_in) (SocPrintable *self,
                                double        left,
                                double        right,
                                double        top,
                                double        bottom);
  double      (*find_content_in) (SocPrintable *self,
                                  double        left,
                                  double        right,
                                  double        top);
  double      (*get_min_text) (SocPrintable  *self);
  void        (*paint)        (SocPrintable  *self,
                               cairo_t       *cr,
                               const SocRect *visible);
  void        (*get_legend)   (SocPrintable  *self,
                               GArray        *entries);
};

const char *soc_printable_get_name     (SocPrintable  *self);
char       *soc_printable_get_range    (SocPrintable  *self);
gboolean    soc_printable_is_elastic   (SocPrintable  *self);
void        soc_printable_set_width    (SocPrintable  *self,
                                        double         width);
void        soc_printable_get_size     (SocPrintable  *self,
                                        double        *width,
                                        double        *height);
void        soc_printable_get_frame    (SocPrintable  *self,
                                        double        *left,
                                        double        *top);
gboolean    soc_printable_has_breaks   (SocPrintable  *self);
double      soc_printable_find_break   (SocPrintable  *self,
                                        double         top,
                                        double         bottom);
gboolean    soc_printable_has_column_breaks (SocPrintable *self);
double      soc_printable_find_column_break (SocPrintable *self,
                                             double        left,
                                             double        right);
double      soc_printable_find_break_in (SocPrintable *self,
                                         double        left,
                                         double        right,
                                         double        top,
                                         double        bottom);
double      soc_printable_find_content_in (SocPrintable *self,
                                           double        left,
                                           double        right,
                                           double        top);
double      soc_printable_get_min_text (SocPrintable  *self);
void        soc_printable_paint        (SocPrintable  *self,
                                        cairo_t       *cr,
                                        const SocRect *visible);
GArray     *soc_printable_get_legend   (SocPrintable  *self);

/* The views that print, by the names the command line and the settings
 * use, each with what the user sees it called. */
typedef struct
{
  const char *name;     /* "goals" */
  const char *label;    /* translated: "Goal tree" */
} SocPrintableView;

const SocPrintableView *soc_printable_get_views (guint *n_views);
const char   *soc_printable_view_get_label (const char *view);
gboolean      soc_printable_view_is_known (const char  *view);
SocPrintable *soc_printable_new_for_view  (SocDocument *document,
                                           const char  *view,
                                           guint        from,
                                           guint        to,
                                           guint        today,
                                           GError     **error);

G_END_DECLS
