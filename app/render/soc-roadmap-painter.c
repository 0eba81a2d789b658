/* soc-roadmap-painter.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paints a roadmap layout into a cairo context in layout coordinates,
 * touching only what meets the visible rectangle: rows and boxes come from
 * the layout's indexes, so a frame costs what is on screen, whatever the
 * size of the plan. Bars are filled in one path per lane colour; labels
 * come shaped from a label cache.
 *
 * Three parts, so a screen can cache the content and repaint the rest
 * cheaply: the content (ground, lanes, grid, phases, arrows, bars,
 * labels), the state (today, selection, hover, drop target, focus) and the
 * chrome (the time header and the lane titles, drawn at the visible top
 * and left so they stay in view while scrolling). Print and export paint
 * all three with the print palette and no state but today.
 */

#define G_LOG_DOMAIN "soc-roadmap-painter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "soc-date.h"
#include "soc-roadmap-layout-private.h"
#include "soc-roadmap-painter-private.h"

#define RADIUS       4.0
#define ARROW_HEAD   6.0
#define LABEL_PAD    6.0
/* A label beside its bar starts clear of the handle that draws a
 * dependency from the bar's end (shown on the selected and the hovered). */
#define LABEL_BESIDE (LINK_HANDLE + 2.0)
#define MIN_LABEL   28.0   /* narrower room shows no label: the tooltip has it */

void
soc_roadmap_paint_state_init (SocRoadmapPaintState *state,
                              const SocPalette     *palette,
                              SocLabelCache        *labels)
{
  memset (state, 0, sizeof *state);
  state->palette = palette;
  state->labels = labels;
}

/* A small circle, as four curves. */
void
_soc_roadmap_dot (cairo_t *cr,
                  double   cx,
                  double   cy,
                  double   r)
{
  SocRect box = SOC_RECT_INIT (cx - r, cy - r, 2 * r, 2 * r);

  soc_draw_rounded_rect (cr, &box, r);
}

void
_soc_roadmap_diamond (cairo_t       *cr,
                      const SocRect *r)
{
  double cx = r->x + r->width / 2, cy = r->y + r->height / 2;

  cairo_move_to (cr, cx, r->y);
  cairo_line_to (cr, r->x + r->width, cy);
  cairo_line_to (cr, cx, r->y + r->height);
  cairo_line_to (cr, r->x, cy);
  cairo_close_path (cr);
}

SocColor
_soc_roadmap_lane_color (const SocRoadmapPaintState *state,
                         SocLane                    *lane)
{
  return soc_palette_lane_color (state->palette, soc_lane_get_kind (lane), soc_lane_get_colour (lane));
}

/* ------------------------------------------------------------------------ */
/* Content                                                                  */

static void
paint_lanes (cairo_t                    *cr,
             SocRoadmapLayout           *layout,
             const SocRoadmapPaintState *state,
             const SocRect              *visible)
{
  const SocPalette *p = state->palette;
  guint first, last;

  soc_roadmap_layout_lanes_in (layout, visible->y, visible->y + visible->height, &first, &last);
  for (guint l = first; l < last; l++)
    if (l % 2 == 1)
      {
        const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, l);
        cairo_rectangle (cr, visible->x, lane->band.y, visible->width, lane->band.height);
      }
  soc_draw_set_color (cr, &p->band);
  cairo_fill (cr);

  for (guint l = first; l < last; l++)
    {
      const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, l);
      double y = round (lane->band.y + lane->band.height) - 0.5;

      cairo_move_to (cr, visible->x, y);
      cairo_line_to (cr, visible->x + visible->width, y);
    }
  soc_draw_set_color (cr, &p->border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
paint_phases (cairo_t                    *cr,
              SocRoadmapLayout           *layout,
              const SocRoadmapPaintState *state,
              const SocRect              *visible)
{
  const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);
  double top = MAX (visible->y, m->header_height);
  double bottom = MIN (visible->y + visible->height, soc_roadmap_layout_get_height (layout));
  static const double dash[] = { 4, 4 };

  if (bottom <= top)
    return;
  for (guint i = 0; i < soc_roadmap_layout_get_n_phases (layout); i++)
    {
      const SocRoadmapPhase *phase = soc_roadmap_layout_get_phase (layout, i);

      if (phase->x1 < visible->x || phase->x0 > visible->x + visible->width)
        continue;
      if (i % 2 == 0)
        {
          cairo_rectangle (cr, phase->x0, top, phase->x1 - phase->x0, bottom - top);
          soc_draw_set_color (cr, &state->palette->phase);
          cairo_fill (cr);
        }
      cairo_move_to (cr, round (phase->x0) + 0.5, top);
      cairo_line_to (cr, round (phase->x0) + 0.5, bottom);
    }
  cairo_save (cr);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, 1);
  soc_draw_set_color (cr, &state->palette->grid_major);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Vertical lines at each unit boundary in [X0, X1]. */
static void
grid_lines (cairo_t            *cr,
            const SocTimescale *scale,
            SocTimeUnit         unit,
            double              x0,
            double              x1,
            double              y0,
            double              y1)
{
  guint d, stop;

  if (unit == SOC_TIME_UNIT_NONE)
    return;
  d = soc_time_unit_floor (unit, soc_timescale_date (scale, x0));
  stop = soc_timescale_date (scale, x1);
  for (guint n = 0; d <= stop && n < 100000; n++)
    {
      double x = round (soc_timescale_x (scale, d)) + 0.5;

      if (x >= x0 - 1)
        {
          cairo_move_to (cr, x, y0);
          cairo_line_to (cr, x, y1);
        }
      d = soc_time_unit_next (unit, d);
    }
}

static void
paint_grid (cairo_t                    *cr,
            SocRoadmapLayout           *layout,
            const SocRoadmapPaintState *state,
            const SocRect              *visible)
{
  const SocTimescale *scale = soc_roadmap_layout_get_scale (layout);
  const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);
  double top = MAX (visible->y, m->header_height);
  double bottom = MIN (visible->y + visible->height, soc_roadmap_layout_get_height (layout));
  double x0 = MAX (visible->x, m->title_width);
  double x1 = MIN (visible->x + visible->width, soc_timescale_x (scale, scale->end + 1));

  if (bottom <= top || x1 <= x0)
    return;
  cairo_set_line_width (cr, 1);
  grid_lines (cr, scale, soc_timescale_minor_unit (scale), x0, x1, top, bottom);
  soc_draw_set_color (cr, &state->palette->grid);
  cairo_stroke (cr);
  grid_lines (cr, scale, soc_timescale_major_unit (scale), x0, x1, top, bottom);
  soc_draw_set_color (cr, &state->palette->grid_major);
  cairo_stroke (cr);
}

void
_soc_roadmap_arrow_head (cairo_t        *cr,
                         const SocPoint *from,
                         const SocPoint *to)
{
  /* Along the last segment, and about half as wide as long. */
  soc_draw_arrow_head (cr, from, to, ARROW_HEAD, ARROW_HEAD * 0.48);
}

void
_soc_roadmap_polyline (cairo_t        *cr,
                       const SocPoint *points,
                       guint           n)
{
  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, points[i].x, points[i].y);
}

/* Whether the stub from P[0] to P[1] shows in VISIBLE. */
static gboolean
stub_meets (const SocPoint *p,
            const SocRect  *visible)
{
  SocRect r = SOC_RECT_INIT (MIN (p[0].x, p[1].x) - 8, MIN (p[0].y, p[1].y) - 8,
                             fabs (p[1].x - p[0].x) + 16, fabs (p[1].y - p[0].y) + 16);

  return soc_rect_intersects (&r, visible);
}

static void
paint_arrows (cairo_t                    *cr,
              SocRoadmapLayout           *layout,
              const SocRoadmapPaintState *state,
              const SocRect              *visible)
{
  g_autoptr(GArray) arrows = g_array_new (FALSE, FALSE, sizeof (guint));
  const SocPalette *p = state->palette;

  soc_roadmap_layout_arrows_in (layout, visible, arrows);
  if (arrows->len == 0)
    return;

  cairo_save (cr);
  for (int broken = 0; broken <= 1; broken++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < arrows->len; i++)
        {
          const SocRoadmapArrow *a = soc_roadmap_layout_get_arrow (layout, g_array_index (arrows, guint, i));
          const SocPoint *pts = soc_roadmap_layout_get_points (layout, a);

          if (a->broken != broken)
            continue;
          if (a->long_reach)
            {
              /* Two stubs: the line goes on elsewhere (its ends are marked
               * with the arrow heads below). Only those that show: the
               * other may be thousands of rows away. */
              if (stub_meets (pts, visible))
                _soc_roadmap_polyline (cr, pts, 2);
              if (stub_meets (pts + 2, visible))
                _soc_roadmap_polyline (cr, pts + 2, 2);
            }
          else
            _soc_roadmap_polyline (cr, pts, a->n_points);
          any = TRUE;
        }
      if (!any)
        continue;
      cairo_set_line_width (cr, broken ? 2.0 : MIN (1.25 * p->line_width, 1.5));
      soc_draw_set_color (cr, broken ? &p->error : &p->arrow);
      cairo_stroke (cr);

      for (guint i = 0; i < arrows->len; i++)
        {
          const SocRoadmapArrow *a = soc_roadmap_layout_get_arrow (layout, g_array_index (arrows, guint, i));
          const SocPoint *pts = soc_roadmap_layout_get_points (layout, a);

          if (a->broken != broken)
            continue;
          if (!a->long_reach)
            _soc_roadmap_arrow_head (cr, &pts[a->n_points - 2], &pts[a->n_points - 1]);
          else
            {
              /* Small squares where the stubs stop: rectilinear, so cheap. */
              if (stub_meets (pts, visible))
                cairo_rectangle (cr, pts[1].x, pts[1].y - 2.5, 5, 5);
              if (stub_meets (pts + 2, visible))
                {
                  cairo_rectangle (cr, pts[2].x - 5, pts[2].y - 2.5, 5, 5);
                  _soc_roadmap_arrow_head (cr, &pts[2], &pts[3]);
                }
            }
        }
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* How round bars are: on paper square, which makes files far smaller
 * (four numbers a bar where a rounded one takes thirty-four). */
double
_soc_roadmap_bar_radius (const SocRoadmapPaintState *state)
{
  return state->palette->kind == SOC_PALETTE_PRINT ? 0 : RADIUS;
}

/* The bar of BOX as it is, or at RECT when given (a drag's ghost). */
void
_soc_roadmap_bar_path (cairo_t                    *cr,
                       const SocRoadmapPaintState *state,
                       const SocRoadmapBox        *box,
                       const SocRect              *rect)
{
  if (box->flags & SOC_ROADMAP_BOX_MILESTONE)
    _soc_roadmap_diamond (cr, rect);
  else
    soc_draw_rounded_rect (cr, rect, _soc_roadmap_bar_radius (state));
}

/* Whether bars of colour BODY get a rim: where the body is close to the
 * ground (pale yellows and greys on white), and always in high contrast
 * and on paper. */
static gboolean
wants_rim (const SocPalette *palette,
           const SocColor   *body)
{
  return palette->line_width > 1 || palette->kind == SOC_PALETTE_PRINT ||
         soc_color_contrast (body, &palette->background) < 1.35;
}

static void
paint_box_body (cairo_t                    *cr,
                const SocRoadmapPaintState *state,
                const SocRoadmapBox        *box,
                const SocRect              *rect)
{
  SocColor lane = _soc_roadmap_lane_color (state, soc_item_get_lane (box->item));
  SocColor body, fill, text;
  int progress = soc_item_get_progress (box->item);

  soc_palette_bar_colors (state->palette, &lane, &body, &fill, &text);
  if (box->flags & SOC_ROADMAP_BOX_MILESTONE)
    {
      _soc_roadmap_diamond (cr, rect);
      soc_draw_set_color (cr, progress >= 100 ? &fill : &body);
      cairo_fill_preserve (cr);
      soc_draw_set_color (cr, &fill);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      return;
    }

  if (wants_rim (state->palette, &body))
    {
      /* As paint_boxes() draws it: the rim, then the body inside it. */
      SocRect inner = *rect;
      double w = MIN (state->palette->line_width, 1.0);

      soc_draw_rounded_rect (cr, rect, _soc_roadmap_bar_radius (state));
      soc_draw_set_color (cr, &state->palette->border);
      cairo_fill (cr);
      inner.x += w;
      inner.y += w;
      inner.width -= 2 * w;
      inner.height -= 2 * w;
      soc_draw_rounded_rect (cr, &inner, _soc_roadmap_bar_radius (state) - w);
    }
  else
    soc_draw_rounded_rect (cr, rect, _soc_roadmap_bar_radius (state));
  soc_draw_set_color (cr, &body);
  cairo_fill (cr);
  if (progress > 0)
    {
      SocRect done = *rect;

      done.width = rect->width * MIN (progress, 100) / 100.0;
      soc_draw_rounded_rect (cr, &done, _soc_roadmap_bar_radius (state));
      soc_draw_set_color (cr, &fill);
      cairo_fill (cr);
    }
}

/* Where BOX's label goes and how wide it may be: inside the bar when it
 * fits, else after it up to the next box of its row, else inside,
 * ellipsized; never past RIGHT (a printed page's edge). Returns FALSE when
 * there is no room for any. */
static gboolean
place_label (const SocRoadmapBox *box,
             double               left,
             double               right,
             double               natural,
             double              *x,
             double              *max_width,
             gboolean            *inside)
{
  gboolean milestone = box->flags & SOC_ROADMAP_BOX_MILESTONE;
  double x0 = box->rect.x, x1 = box->rect.x + box->rect.width;
  double inner;

  /* Inside: from the bar's start, or from LEFT (the visible left edge, in
   * the sticky part) while the bar's start is scrolled away, so a long bar
   * keeps its name in view. */
  inner = MIN (x1, right) - MAX (x0, left) - 2 * LABEL_PAD;
  if (!milestone && natural <= inner)
    {
      *x = MAX (x0, left) + LABEL_PAD;
      *max_width = -1;
      *inside = TRUE;
      return TRUE;
    }

  /* Beside: up to the next box of the row. */
  {
    double room = MIN (box->room, right) - x1 - LABEL_BESIDE - LABEL_PAD;

    if (room >= natural || (room >= MIN_LABEL && room >= inner))
      {
        *x = x1 + LABEL_BESIDE;
        *max_width = room >= natural ? -1 : room;
        *inside = FALSE;
        return TRUE;
      }
  }

  if (!milestone && inner >= MIN_LABEL)
    {
      *x = MAX (x0, left) + LABEL_PAD;
      *max_width = inner;
      *inside = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* Where BOX's name is written beside it, from *X0 to *X1, in the content
 * (not on a page's edge): FALSE when it is written inside the bar, or not
 * at all. */
gboolean
_soc_roadmap_label_beside (const SocRoadmapPaintState *state,
                           const SocRoadmapBox        *box,
                           double                     *x0,
                           double                     *x1)
{
  const char *title = soc_item_get_title (box->item);
  gboolean limited = state->label_x1 > state->label_x0;
  double natural, x, max_width;
  gboolean inside;

  if (title == NULL || title[0] == '\0' || state->labels == NULL)
    return FALSE;
  natural = soc_label_cache_measure (state->labels, box->item, SOC_TEXT_LABEL, title);
  if (!place_label (box, -G_MAXDOUBLE, limited ? state->label_x1 : G_MAXDOUBLE, natural, &x, &max_width, &inside) ||
      inside)
    return FALSE;
  *x0 = x;
  *x1 = x + (max_width >= 0 ? MIN (natural, max_width) : natural);
  return TRUE;
}

/* Less than the width TEXT takes as a label, found without shaping it:
 * 1.5 pixels for each character that is neither a space nor of no width
 * (no visible glyph of a 12 pixel font is narrower). */
static double
width_at_least (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !g_unichar_iszerowidth (c) && !g_unichar_ismark (c))
        n++;
    }
  return 1.5 * n;
}

static void
paint_label (cairo_t                    *cr,
             SocRoadmapLayout           *layout,
             const SocRoadmapPaintState *state,
             double                      left,
             const SocRoadmapBox        *box)
{
  const char *title = soc_item_get_title (box->item);
  PangoLayout *pl;
  double natural, x, y, max_width, height;
  gboolean inside, limited;

  if (title == NULL || title[0] == '\0' || state->labels == NULL)
    return;
  limited = state->label_x1 > state->label_x0;
  /* No room a label this long could fit: leave it unshaped. Crowded rows
   * of a large plan are full of such bars. */
  {
    double end = box->rect.x + box->rect.width;
    double right = limited ? state->label_x1 : G_MAXDOUBLE;
    double inner = (box->flags & SOC_ROADMAP_BOX_MILESTONE) ? -1 : MIN (end, right) - MAX (box->rect.x, left) - 2 * LABEL_PAD;
    double room = MAX (inner, MIN (box->room, right) - end - LABEL_BESIDE - LABEL_PAD);

    if (room < MIN_LABEL && width_at_least (title) > room)
      return;
  }
  natural = soc_label_cache_measure (state->labels, box->item, SOC_TEXT_LABEL, title);
  if (!place_label (box, left, limited ? state->label_x1 : G_MAXDOUBLE, natural, &x, &max_width, &inside))
    return;
  /* A label that begins on the page before is that page's. */
  if (limited && x < state->label_x0)
    return;
  pl = soc_label_cache_get (state->labels, box->item, SOC_TEXT_LABEL, title, max_width, NULL);
  height = soc_text_get_height (soc_label_cache_get_text (state->labels), SOC_TEXT_LABEL);

  y = box->rect.y + (box->rect.height - height) / 2;
  if (inside)
    {
      /* Over the progress and over the rest of the bar, each in the colour
       * that reads on it. */
      SocColor lane = _soc_roadmap_lane_color (state, soc_item_get_lane (box->item));
      SocColor body, fill, on_body, on_fill;
      double split = box->rect.x + box->rect.width * MIN (soc_item_get_progress (box->item), 100) / 100.0;

      soc_palette_bar_colors (state->palette, &lane, &body, &fill, &on_body);
      on_fill = soc_palette_text_on (state->palette, &fill);
      if (split > x && split < x + MIN (natural, max_width >= 0 ? max_width : natural) &&
          !soc_color_equal (&on_fill, &on_body))
        {
          cairo_save (cr);
          cairo_rectangle (cr, box->rect.x, box->rect.y, split - box->rect.x, box->rect.height);
          cairo_clip (cr);
          soc_draw_set_color (cr, &on_fill);
          soc_text_show (cr, pl, x, y);
          cairo_restore (cr);
          cairo_save (cr);
          cairo_rectangle (cr, split, box->rect.y, box->rect.x + box->rect.width - split, box->rect.height);
          cairo_clip (cr);
          soc_draw_set_color (cr, &on_body);
          soc_text_show (cr, pl, x, y);
          cairo_restore (cr);
          return;
        }
      soc_draw_set_color (cr, split > x ? &on_fill : &on_body);
    }
  else
    soc_draw_set_color (cr, &state->palette->text);
  soc_text_show (cr, pl, x, y);
}

/* A mark on an item that fails a success factor: a small red flag at its
 * start, and a red outline. */
static void
paint_failing (cairo_t                    *cr,
               const SocRoadmapPaintState *state,
               const SocRoadmapBox        *box)
{
  const SocPalette *p = state->palette;
  double x = box->rect.x, y = box->rect.y;

  _soc_roadmap_bar_path (cr, state, box, &box->rect);
  soc_draw_set_color (cr, &p->error);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  /* A triangle with an exclamation mark, on the start of the bar. */
  cairo_move_to (cr, x - 1, y - 5);
  cairo_line_to (cr, x + 11, y - 5);
  cairo_line_to (cr, x + 5, y + 6);
  cairo_close_path (cr);
  soc_draw_set_color (cr, &p->error);
  cairo_fill (cr);
  cairo_move_to (cr, x + 5, y - 3);
  cairo_line_to (cr, x + 5, y + 1);
  cairo_set_line_width (cr, 1.5);
  soc_draw_set_color (cr, &p->background);
  cairo_stroke (cr);
}

static void
paint_boxes (cairo_t                    *cr,
             SocRoadmapLayout           *layout,
             const SocRoadmapPaintState *state,
             const SocRect              *visible)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (guint));
  SocRect wide = *visible;

  /* Labels beside a bar reach past it: take in the bars just off the left. */
  wide.x -= 400;
  wide.width += 400;
  soc_roadmap_layout_boxes_in (layout, &wide, boxes);

  /* Bodies, then progress, one path per lane: a fill per colour, not per bar. */
  {
    g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
    guint n_lanes = soc_roadmap_layout_get_n_lanes (layout);
    g_autofree guint *per_lane = g_new0 (guint, n_lanes + 1);

    /* The visible boxes grouped by lane (a counting sort). */
    g_array_set_size (order, boxes->len);
    for (guint i = 0; i < boxes->len; i++)
      per_lane[soc_roadmap_layout_get_box (layout, g_array_index (boxes, guint, i))->lane + 1]++;
    for (guint l = 1; l <= n_lanes; l++)
      per_lane[l] += per_lane[l - 1];
    for (guint i = 0; i < boxes->len; i++)
      {
        guint b = g_array_index (boxes, guint, i);
        g_array_index (order, guint, per_lane[soc_roadmap_layout_get_box (layout, b)->lane]++) = b;
      }

    for (guint i = 0; i < order->len;)
      {
        const SocRoadmapBox *first = soc_roadmap_layout_get_box (layout, g_array_index (order, guint, i));
        SocColor lane = _soc_roadmap_lane_color (state, soc_item_get_lane (first->item));
        SocColor body, fill;
        gboolean rim, outline;
        gboolean square = _soc_roadmap_bar_radius (state) == 0;
        double rim_width = MIN (state->palette->line_width, 1.0);
        guint end = i;

        soc_palette_bar_colors (state->palette, &lane, &body, &fill, NULL);
        while (end < order->len && soc_roadmap_layout_get_box (layout, g_array_index (order, guint, end))->lane == first->lane)
          end++;

        /* A rim where the body is close to the ground (pale yellows and
         * greys on white), and always in high contrast and on paper: one
         * fill of the bars' shapes that the bodies then cover but for the
         * rim (stroking curves costs several times more). Square bars (on
         * paper) are outlined instead, in the same operation as their fill:
         * a third of the numbers in a file. */
        outline = square && wants_rim (state->palette, &body);
        if (!square && wants_rim (state->palette, &body))
          {
            rim = TRUE;
            for (guint k = i; k < end; k++)
              {
                const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, g_array_index (order, guint, k));

                if (box->rect.x + box->rect.width >= visible->x && !(box->flags & SOC_ROADMAP_BOX_MILESTONE))
                  soc_draw_rounded_rect (cr, &box->rect, _soc_roadmap_bar_radius (state));
              }
            soc_draw_set_color (cr, &state->palette->border);
            cairo_fill (cr);
          }
        else
          rim = FALSE;

        for (guint k = i; k < end; k++)
          {
            const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, g_array_index (order, guint, k));

            if (box->rect.x + box->rect.width < visible->x)
              continue;
            if (box->flags & SOC_ROADMAP_BOX_MILESTONE)
              {
                if (soc_item_get_progress (box->item) < 100)
                  _soc_roadmap_diamond (cr, &box->rect);
              }
            else if (!rim)
              soc_draw_rounded_rect (cr, &box->rect, _soc_roadmap_bar_radius (state));
            else
              {
                SocRect inner = box->rect;
                double w = MIN (state->palette->line_width, 1.0);

                inner.x += w;
                inner.y += w;
                inner.width -= 2 * w;
                inner.height -= 2 * w;
                soc_draw_rounded_rect (cr, &inner, _soc_roadmap_bar_radius (state) - w);
              }
          }
        soc_draw_set_color (cr, &body);
        if (outline)
          {
            cairo_fill_preserve (cr);
            soc_draw_set_color (cr, &state->palette->border);
            cairo_set_line_width (cr, rim_width);
            cairo_stroke (cr);
          }
        else
          cairo_fill (cr);

        for (guint k = i; k < end; k++)
          {
            const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, g_array_index (order, guint, k));
            int progress = MIN (soc_item_get_progress (box->item), 100);

            if (box->rect.x + box->rect.width < visible->x)
              continue;
            if (box->flags & SOC_ROADMAP_BOX_MILESTONE)
              {
                if (progress >= 100)
                  _soc_roadmap_diamond (cr, &box->rect);
              }
            else if (progress > 0)
              {
                SocRect done = box->rect;

                done.width = box->rect.width * progress / 100.0;
                if (outline)
                  {
                    /* Inside the outline. */
                    done.x += rim_width / 2;
                    done.y += rim_width / 2;
                    done.height -= rim_width;
                    done.width = MAX (done.width - rim_width / 2, 0);
                  }
                soc_draw_rounded_rect (cr, &done, _soc_roadmap_bar_radius (state));
              }
          }
        soc_draw_set_color (cr, &fill);
        cairo_fill (cr);

        /* The milestones' rims. */
        for (guint k = i; k < end; k++)
          {
            const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, g_array_index (order, guint, k));

            if ((box->flags & SOC_ROADMAP_BOX_MILESTONE) && box->rect.x + box->rect.width >= visible->x)
              _soc_roadmap_diamond (cr, &box->rect);
          }
        soc_draw_set_color (cr, &fill);
        cairo_set_line_width (cr, 2);
        cairo_stroke (cr);
        i = end;
      }
  }

  for (guint i = 0; i < boxes->len; i++)
    {
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, g_array_index (boxes, guint, i));

      if (state->failing != NULL && g_hash_table_contains (state->failing, box->item))
        paint_failing (cr, state, box);
      else if (box->flags & SOC_ROADMAP_BOX_BROKEN)
        {
          _soc_roadmap_bar_path (cr, state, box, &box->rect);
          soc_draw_set_color (cr, &state->palette->error);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
    }

  /* Labels from each bar's own start: the sticky part keeps in view the
   * names of bars that begin further left. */
  for (guint i = 0; i < boxes->len; i++)
    paint_label (cr, layout, state, -G_MAXDOUBLE, soc_roadmap_layout_get_box (layout, g_array_index (boxes, guint, i)));
}

/* The box whose name is painted beside it over X, Y, placed as
 * soc_roadmap_paint() places names on screen: G_MAXUINT if none. A name
 * is read as part of its bar, and clicked as such. */
guint
soc_roadmap_label_at (SocRoadmapLayout           *layout,
                      const SocRoadmapPaintState *state,
                      double                      x,
                      double                      y)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (guint));
  SocRect line = SOC_RECT_INIT (0, y, MAX (x, 0) + 1, 1);
  const SocRoadmapBox *nearest = NULL;
  guint found = G_MAXUINT;

  g_return_val_if_fail (layout != NULL, G_MAXUINT);

  if (state->labels == NULL)
    return G_MAXUINT;
  /* The name beside a bar follows it: the last bar of the row that ends
   * left of X is the only one whose name can be there. */
  soc_roadmap_layout_boxes_in (layout, &line, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      guint index = g_array_index (boxes, guint, i);
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, index);
      double x1 = box->rect.x + box->rect.width;

      if (y < box->rect.y || y >= box->rect.y + box->rect.height || x1 > x)
        continue;
      if (nearest == NULL || x1 > nearest->rect.x + nearest->rect.width)
        {
          nearest = box;
          found = index;
        }
    }
  if (nearest != NULL)
    {
      const char *title = soc_item_get_title (nearest->item);
      double natural, lx, max_width;
      gboolean inside;

      if (title == NULL || title[0] == '\0')
        return G_MAXUINT;
      natural = soc_label_cache_measure (state->labels, nearest->item, SOC_TEXT_LABEL, title);
      if (place_label (nearest, -G_MAXDOUBLE, G_MAXDOUBLE, natural, &lx, &max_width, &inside) && !inside &&
          x >= lx && x < lx + (max_width >= 0 ? MIN (natural, max_width) : natural))
        return found;
    }
  return G_MAXUINT;
}

/* The part of BOX that shows its name from LEFT, when it begins left of
 * it: FALSE if none. */
static gboolean
sticky_span (const SocRoadmapPaintState *state,
             const SocRoadmapBox        *box,
             double                      left,
             double                     *span)
{
  const char *title = soc_item_get_title (box->item);
  double natural;

  if ((box->flags & SOC_ROADMAP_BOX_MILESTONE) || box->rect.x >= left || title == NULL || state->labels == NULL)
    return FALSE;
  natural = soc_label_cache_measure (state->labels, box->item, SOC_TEXT_LABEL, title);
  *span = MIN (box->rect.x + box->rect.width, left + natural + 3 * LABEL_PAD) - left;
  return *span > 0;
}

/* Where the sticky part would paint in VISIBLE; FALSE: nowhere. */
gboolean
soc_roadmap_sticky_bounds (SocRoadmapLayout           *layout,
                           const SocRoadmapPaintState *state,
                           const SocRect              *visible,
                           SocRect                    *bounds)
{
  double left = visible->x + soc_roadmap_layout_get_metrics (layout)->title_width;
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (guint));
  SocRect edge = SOC_RECT_INIT (left, visible->y, 1, visible->height);
  gboolean any = FALSE;

  soc_roadmap_layout_boxes_in (layout, &edge, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, g_array_index (boxes, guint, i));
      double span;

      if (sticky_span (state, box, left, &span))
        {
          SocRect r = SOC_RECT_INIT (left, box->rect.y, span, box->rect.height);
          soc_rect_take_in (bounds, &any, &r, 1);
        }
    }
  return any;
}

/* The bars that begin left of the visible area, past the lane titles: the
 * part of each that holds its name, and the name, from the visible edge. */
static void
paint_sticky (cairo_t                    *cr,
              SocRoadmapLayout           *layout,
              const SocRoadmapPaintState *state,
              const SocRect              *visible)
{
  const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);
  double left = visible->x + m->title_width;
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (guint));
  SocRect edge = SOC_RECT_INIT (left, visible->y, 1, visible->height);

  soc_roadmap_layout_boxes_in (layout, &edge, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      const SocRoadmapBox *box = soc_roadmap_layout_get_box (layout, g_array_index (boxes, guint, i));
      double span;

      if (!sticky_span (state, box, left, &span))
        continue;
      if (state->label_x1 > state->label_x0)
        {
          /* A printed page drew no label where the titles cover: only the
           * name is missing, and only inside the bar (a label beside it is
           * the content's). */
          double natural = soc_label_cache_measure (state->labels, box->item, SOC_TEXT_LABEL,
                                                    soc_item_get_title (box->item));
          double x, max_width;
          gboolean inside;

          if (place_label (box, left, state->label_x1, natural, &x, &max_width, &inside) && inside)
            paint_label (cr, layout, state, left, box);
          continue;
        }
      cairo_save (cr);
      cairo_rectangle (cr, left, box->rect.y, span, box->rect.height);
      cairo_clip (cr);
      paint_box_body (cr, state, box, &box->rect);
      paint_label (cr, layout, state, left, box);
      cairo_restore (cr);
    }
}

/* ------------------------------------------------------------------------ */

/* Paints PARTS of LAYOUT into CR, in layout coordinates, inside VISIBLE. */
void
soc_roadmap_paint (cairo_t                    *cr,
                   SocRoadmapLayout           *layout,
                   const SocRoadmapPaintState *state,
                   const SocRect              *visible,
                   SocRoadmapPaintParts        parts)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (state != NULL && state->palette != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, visible->x, visible->y, visible->width, visible->height);
  cairo_clip (cr);

  if (parts & SOC_ROADMAP_PAINT_CONTENT)
    {
      SocRect inner = *visible;

      /* Chrome painted in the same call covers the left and the top: what
       * lies under it need not be drawn (a printed page paints so). */
      if ((parts & SOC_ROADMAP_PAINT_CHROME) == SOC_ROADMAP_PAINT_CHROME)
        {
          const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);

          inner.x += MIN (m->title_width, visible->width);
          inner.width = MAX (visible->width - m->title_width, 0);
          inner.y += MIN (m->header_height, visible->height);
          inner.height = MAX (visible->height - m->header_height, 0);
        }
      soc_draw_set_color (cr, &state->palette->background);
      cairo_paint (cr);
      paint_lanes (cr, layout, state, &inner);
      paint_phases (cr, layout, state, &inner);
      paint_grid (cr, layout, state, &inner);
      paint_arrows (cr, layout, state, &inner);
      paint_boxes (cr, layout, state, &inner);
    }
  if (parts & SOC_ROADMAP_PAINT_STICKY)
    paint_sticky (cr, layout, state, visible);
  if (parts & SOC_ROADMAP_PAINT_STATE)
    _soc_roadmap_paint_state (cr, layout, state, visible);
  if (parts & SOC_ROADMAP_PAINT_TITLES)
    _soc_roadmap_paint_titles (cr, layout, state, visible);
  if (parts & SOC_ROADMAP_PAINT_HEADER)
    {
      _soc_roadmap_paint_header (cr, layout, state, visible);
      _soc_roadmap_paint_corner (cr, layout, state, visible);
    }

  cairo_restore (cr);
}

/* Where the state part would paint in VISIBLE: the selected, hovered,
 * focused and target items, the arrows of what is selected, the today
 * line. A screen paints only that much each frame. FALSE: nothing. */
gboolean
soc_roadmap_state_bounds (SocRoadmapLayout           *layout,
                          const SocRoadmapPaintState *state,
                          const SocRect              *visible,
                          SocRect                    *bounds)
{
  const SocTimescale *scale = soc_roadmap_layout_get_scale (layout);
  const SocRoadmapBox *box;
  gboolean any = FALSE;
  guint index;

  if (state->today >= scale->origin && state->today <= scale->end)
    {
      SocRect line = SOC_RECT_INIT (soc_timescale_x_frac (scale, state->today + 0.5) - 2, visible->y, 4, visible->height);
      soc_rect_take_in (bounds, &any, &line, 0);
    }
  for (guint i = 0; state->selection != NULL && i < soc_selection_get_size (state->selection) && i < 64; i++)
    {
      SocObject *o = soc_selection_get_nth (state->selection, i);
      guint n;
      const guint *arrows;

      if (SOC_IS_LANE (o) && state->drop_target == NULL)
        continue;
      if (!SOC_IS_ITEM (o) || (box = soc_roadmap_layout_find_box (layout, SOC_ITEM (o), &index)) == NULL)
        continue;
      soc_rect_take_in (bounds, &any, &box->rect, 16);
      arrows = soc_roadmap_layout_get_box_arrows (layout, index, &n);
      for (guint k = 0; k < n && k < 512; k++)
        {
          const SocRoadmapArrow *a = soc_roadmap_layout_get_arrow (layout, arrows[k]);

          soc_rect_take_in (bounds, &any, &soc_roadmap_layout_get_box (layout, a->from)->rect, 16);
          soc_rect_take_in (bounds, &any, &soc_roadmap_layout_get_box (layout, a->to)->rect, 16);
        }
    }
  if (state->hover != NULL && (box = soc_roadmap_layout_find_box (layout, state->hover, NULL)) != NULL)
    soc_rect_take_in (bounds, &any, &box->rect, 16);
  if (state->focus != NULL && (box = soc_roadmap_layout_find_box (layout, state->focus, NULL)) != NULL)
    soc_rect_take_in (bounds, &any, &box->rect, 8);
  if (state->drop_target != NULL)
    {
      if (SOC_IS_ITEM (state->drop_target) && (box = soc_roadmap_layout_find_box (layout, state->drop_target, NULL)) != NULL)
        soc_rect_take_in (bounds, &any, &box->rect, 8);
      else
        for (guint l = 0; l < soc_roadmap_layout_get_n_lanes (layout); l++)
          if ((gpointer) soc_roadmap_layout_get_lane (layout, l)->lane == state->drop_target)
            soc_rect_take_in (bounds, &any, &soc_roadmap_layout_get_lane (layout, l)->band, 0);
    }
  if (!any)
    return FALSE;
  /* Only what shows. */
  return soc_rect_clip_out (bounds, visible);
}

/* BOX drawn at RECT, half transparent: where a drag would put it. */
void
soc_roadmap_paint_ghost (cairo_t                    *cr,
                         SocRoadmapLayout           *layout,
                         const SocRoadmapPaintState *state,
                         guint                       box,
                         const SocRect              *rect)
{
  const SocRoadmapBox *b = soc_roadmap_layout_get_box (layout, box);
  static const double dash[] = { 4, 3 };

  cairo_save (cr);
  cairo_push_group (cr);
  paint_box_body (cr, state, b, rect);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, 0.75);
  _soc_roadmap_bar_path (cr, state, b, rect);
  cairo_set_dash (cr, dash, 2, 0);
  soc_draw_set_color (cr, &state->palette->accent);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The line of a dependency being drawn, from X0, Y0 to the pointer; in the
 * error colour where it would be REFUSED. */
void
soc_roadmap_paint_link (cairo_t                    *cr,
                        const SocRoadmapPaintState *state,
                        double                      x0,
                        double                      y0,
                        double                      x1,
                        double                      y1,
                        gboolean                    refused)
{
  SocPoint from = { x0, y0 }, to = { x1, y1 };
  static const double dash[] = { 5, 3 };

  cairo_save (cr);
  soc_draw_set_color (cr, refused ? &state->palette->error : &state->palette->accent);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  _soc_roadmap_arrow_head (cr, &from, &to);
  cairo_fill (cr);
  cairo_restore (cr);
}
