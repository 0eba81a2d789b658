/* soc-roadmap-printable.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roadmap as SocPrintable: the same layout and painter as the screen,
 * with the print palette and no state but today's line.
 *
 *  - Its width follows the paper: set_width() chooses the zoom (pixels per
 *    day) that spreads the dates over the width given, so a plan of three
 *    years fills two pages across as well as a plan of three months does,
 *    and its text keeps its size.
 *  - The lane titles and the time header are the frame, repeated on every
 *    page; names of bars that began on the page before stay in view.
 *  - Pages may break at the top of a lane or between two rows of bars,
 *    never through a bar or its label (labels stay in their row). Across,
 *    a label stops at the page's edge, and one that begins on the page
 *    before is that page's; the bar's name shows again at the left.
 *  - Rows sit a little closer than on screen, where nothing is dragged.
 */

#define G_LOG_DOMAIN "soc-roadmap-printable"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "soc-date.h"
#include "soc-palette.h"
#include "soc-plan-tables.h"
#include "soc-roadmap-painter.h"
#include "soc-roadmap-printable.h"

struct _SocRoadmapPrintable
{
  GObject            parent_instance;

  SocDocument       *document;
  guint              from;
  guint              to;
  guint              today;
  double             px_per_day;
  SocRoadmapMetrics  metrics;
  SocRoadmapLayout  *layout;
  GArray            *breaks;    /* double: where a page may end, ascending */
  SocText           *text;
  SocLabelCache     *labels;
};

static void soc_roadmap_printable_iface_init (SocPrintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocRoadmapPrintable, soc_roadmap_printable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SOC_TYPE_PRINTABLE, soc_roadmap_printable_iface_init))

/* The places a page may end: the top of each lane, and between two rows
 * of a lane; the end of the roadmap. */
static void
find_breaks (SocRoadmapPrintable *self)
{
  SocRoadmapLayout *layout = self->layout;

  g_array_set_size (self->breaks, 0);
  for (guint l = 0; l < soc_roadmap_layout_get_n_lanes (layout); l++)
    {
      const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, l);

      g_array_append_val (self->breaks, lane->band.y);
      for (guint r = lane->first_row + 1; r < lane->first_row + lane->n_rows; r++)
        {
          double y = soc_roadmap_layout_get_row_y (layout, r);
          g_array_append_val (self->breaks, y);
        }
    }
  {
    double end = soc_roadmap_layout_get_height (layout);
    g_array_append_val (self->breaks, end);
  }
}

static void
relayout (SocRoadmapPrintable *self)
{
  g_clear_pointer (&self->layout, soc_roadmap_layout_unref);
  self->layout = soc_roadmap_layout_new (self->document, &self->metrics, self->px_per_day, self->from, self->to);
  find_breaks (self);
  soc_label_cache_clear (self->labels);
}

/* ------------------------------------------------------------------------ */
/* SocPrintable                                                             */

static const char *
get_name (SocPrintable *printable)
{
  return _("Roadmap");
}

static char *
get_range (SocPrintable *printable)
{
  SocRoadmapPrintable *self = SOC_ROADMAP_PRINTABLE (printable);
  SocPlan *plan = soc_document_get_plan (self->document);
  const SocTimescale *scale = soc_roadmap_layout_get_scale (self->layout);
  guint first = self->from, last = self->to;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  /* The days asked for, else the plan's horizon, else what the roadmap shows. */
  if (first == 0 || last == 0)
    {
      first = soc_plan_get_horizon_start (plan);
      last = soc_plan_get_horizon_end (plan);
    }
  if (first == 0 || last == 0 || last < first)
    {
      first = scale->origin;
      last = scale->end;
    }
  a = soc_print_format_day (first);
  b = soc_print_format_day (last);
  /* Translators: a range of days in a printed page's header, from the first to the last */
  return g_strdup_printf (_("%s – %s"), a, b);
}

static void
set_width (SocPrintable *printable,
           double        width)
{
  SocRoadmapPrintable *self = SOC_ROADMAP_PRINTABLE (printable);
  const SocTimescale *scale = soc_roadmap_layout_get_scale (self->layout);
  double days = (double) scale->end + 1 - scale->origin;
  double zoom = (width - self->metrics.title_width - self->metrics.end_margin) / MAX (days, 1);

  zoom = CLAMP (zoom, SOC_ZOOM_MIN, SOC_ZOOM_MAX);
  if (zoom != self->px_per_day)
    {
      self->px_per_day = zoom;
      relayout (self);
    }
}

static void
get_size (SocPrintable *printable,
          double       *width,
          double       *height)
{
  SocRoadmapPrintable *self = SOC_ROADMAP_PRINTABLE (printable);

  *width = soc_roadmap_layout_get_width (self->layout);
  *height = soc_roadmap_layout_get_height (self->layout);
}

static void
get_frame (SocPrintable *printable,
           double       *left,
           double       *top)
{
  SocRoadmapPrintable *self = SOC_ROADMAP_PRINTABLE (printable);

  *left = self->metrics.title_width;
  *top = self->metrics.header_height;
}

static double
find_break (SocPrintable *printable,
            double        top,
            double        bottom)
{
  SocRoadmapPrintable *self = SOC_ROADMAP_PRINTABLE (printable);
  const double *b = (const double *) self->breaks->data;
  guint lo = 0, hi = self->breaks->len;

  /* The first break after BOTTOM; the one before it is the answer. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (b[mid] <= bottom)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0 || b[lo - 1] <= top)
    return top;
  return b[lo - 1];
}

static double
get_min_text (SocPrintable *printable)
{
  SocRoadmapPrintable *self = SOC_ROADMAP_PRINTABLE (printable);

  return MIN (soc_text_get_size (self->text, SOC_TEXT_SMALL),
              MIN (soc_text_get_size (self->text, SOC_TEXT_LABEL), soc_text_get_size (self->text, SOC_TEXT_HEADING)));
}

static void
paint (SocPrintable  *printable,
       cairo_t       *cr,
       const SocRect *visible)
{
  SocRoadmapPrintable *self = SOC_ROADMAP_PRINTABLE (printable);
  SocRoadmapPaintState state;

  soc_roadmap_paint_state_init (&state, soc_palette_get (SOC_PALETTE_PRINT), self->labels);
  state.today = self->today;
  state.label_x0 = visible->x + self->metrics.title_width;
  state.label_x1 = visible->x + visible->width;
  soc_roadmap_paint (cr, self->layout, &state, visible,
                     SOC_ROADMAP_PAINT_CONTENT | SOC_ROADMAP_PAINT_STATE | SOC_ROADMAP_PAINT_STICKY |
                     SOC_ROADMAP_PAINT_CHROME);
  /* Keep the labels of this page, which the next page across shows too. */
  soc_label_cache_trim (self->labels);
}

static void
get_legend (SocPrintable *printable,
            GArray       *entries)
{
  SocRoadmapPrintable *self = SOC_ROADMAP_PRINTABLE (printable);
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  const SocTimescale *scale = soc_roadmap_layout_get_scale (self->layout);
  SocColor grey = { 0.5, 0.5, 0.5, 1 };
  SocColor body, fill;

  soc_legend_add (entries, SOC_LEGEND_HEADING, NULL, NULL, _("Lanes"));
  for (guint l = 0; l < soc_roadmap_layout_get_n_lanes (self->layout); l++)
    {
      SocLane *lane = soc_roadmap_layout_get_lane (self->layout, l)->lane;
      SocColor colour = soc_palette_lane_color (p, soc_lane_get_kind (lane), soc_lane_get_colour (lane));
      const char *title = soc_lane_get_title (lane);

      soc_palette_bar_colors (p, &colour, &body, &fill, NULL);
      soc_legend_add (entries, SOC_LEGEND_BAR, &body, &fill, title != NULL && title[0] ? title : _("Untitled lane"));
    }

  soc_legend_add (entries, SOC_LEGEND_HEADING, NULL, NULL, _("Shapes"));
  soc_palette_bar_colors (p, &grey, &body, &fill, NULL);
  soc_legend_add (entries, SOC_LEGEND_BAR, &body, &fill, _("Activity, the darker part done"));
  soc_legend_add (entries, SOC_LEGEND_DIAMOND, &body, &fill, _("Milestone"));
  soc_legend_add (entries, SOC_LEGEND_DIAMOND, &fill, &fill, _("Milestone reached"));
  soc_legend_add (entries, SOC_LEGEND_ARROW, NULL, &p->arrow, _("Depends on"));
  soc_legend_add (entries, SOC_LEGEND_ARROW, NULL, &p->error, _("Starts too early"));
  if (soc_roadmap_layout_get_n_phases (self->layout) > 0)
    soc_legend_add (entries, SOC_LEGEND_BAND, &p->phase, &p->grid_major, _("Phase"));
  if (self->today >= scale->origin && self->today <= scale->end)
    soc_legend_add (entries, SOC_LEGEND_LINE, NULL, &p->today, _("Today"));
}

static void
soc_roadmap_printable_iface_init (SocPrintableInterface *iface)
{
  iface->get_name = get_name;
  iface->get_range = get_range;
  iface->set_width = set_width;
  iface->get_size = get_size;
  iface->get_frame = get_frame;
  iface->find_break = find_break;
  iface->get_min_text = get_min_text;
  iface->paint = paint;
  iface->get_legend = get_legend;
}

/* ------------------------------------------------------------------------ */

static void
soc_roadmap_printable_finalize (GObject *object)
{
  SocRoadmapPrintable *self = SOC_ROADMAP_PRINTABLE (object);

  g_clear_pointer (&self->layout, soc_roadmap_layout_unref);
  g_clear_pointer (&self->breaks, g_array_unref);
  g_clear_pointer (&self->labels, soc_label_cache_free);
  g_clear_pointer (&self->text, soc_text_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (soc_roadmap_printable_parent_class)->finalize (object);
}

static void
soc_roadmap_printable_class_init (SocRoadmapPrintableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = soc_roadmap_printable_finalize;
}

static void
soc_roadmap_printable_init (SocRoadmapPrintable *self)
{
  self->breaks = g_array_new (FALSE, FALSE, sizeof (double));
  soc_roadmap_metrics_init (&self->metrics);
  /* Rows a little closer than on screen, where nothing is dragged. */
  self->metrics.row_height = 26;
  self->metrics.bar_height = 19;
  self->metrics.lane_padding = 6;
  self->px_per_day = SOC_ZOOM_QUARTERS;
}

/* DOCUMENT's roadmap over the days FROM to TO (0, 0: all its dates; one of
 * them 0: from or to the end of its dates), with
 * TODAY's line (0: none), at the quarters zoom until a width or a zoom is
 * given. */
SocRoadmapPrintable *
soc_roadmap_printable_new (SocDocument *document,
                           guint        from,
                           guint        to,
                           guint        today)
{
  SocRoadmapPrintable *self;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  /* One end given: the other is where the plan's dates end. */
  if ((from == 0) != (to == 0))
    {
      g_autoptr(SocRoadmapLayout) all = soc_roadmap_layout_new (document, NULL, SOC_ZOOM_QUARTERS, 0, 0);
      const SocTimescale *scale = soc_roadmap_layout_get_scale (all);

      if (from == 0)
        from = MIN (scale->origin, to);
      else
        to = MAX (scale->end, from);
    }

  self = g_object_new (SOC_TYPE_ROADMAP_PRINTABLE, NULL);
  self->document = g_object_ref (document);
  self->from = from;
  self->to = to;
  self->today = today;
  self->text = soc_text_new (NULL);
  self->labels = soc_label_cache_new (self->text);
  relayout (self);
  return self;
}

/* Lays the roadmap out at PX_PER_DAY, for printing at a fixed scale. */
void
soc_roadmap_printable_set_zoom (SocRoadmapPrintable *self,
                                double               px_per_day)
{
  g_return_if_fail (SOC_IS_ROADMAP_PRINTABLE (self));

  px_per_day = soc_zoom_clamp (px_per_day);
  if (px_per_day != self->px_per_day)
    {
      self->px_per_day = px_per_day;
      relayout (self);
    }
}

double
soc_roadmap_printable_get_zoom (SocRoadmapPrintable *self)
{
  g_return_val_if_fail (SOC_IS_ROADMAP_PRINTABLE (self), 0);
  return self->px_per_day;
}

SocRoadmapLayout *
soc_roadmap_printable_get_layout (SocRoadmapPrintable *self)
{
  g_return_val_if_fail (SOC_IS_ROADMAP_PRINTABLE (self), NULL);
  return self->layout;
}
