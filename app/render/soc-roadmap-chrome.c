/* soc-roadmap-chrome.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roadmap painter's chrome, what stays in view while the plan scrolls
 * under it: the time header (years, then quarters, months or weeks by
 * zoom, with the phases above), the lane titles at the left, and the
 * corner where they meet.
 */

#define G_LOG_DOMAIN "soc-roadmap-painter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "soc-date.h"
#include "soc-roadmap-painter-private.h"

#define HEADER_ROWS  3
#define MIN_LABEL   28.0   /* narrower room shows no label: the tooltip has it */

/* Labels of UNIT in the header row at Y, each within its unit, kept in view
 * at the left when the unit's start is scrolled away. */
static void
header_row (cairo_t                    *cr,
            SocRoadmapLayout           *layout,
            const SocRoadmapPaintState *state,
            const SocRect              *visible,
            SocTimeUnit                 unit,
            double                      y,
            double                      height,
            gboolean                    major)
{
  const SocTimescale *scale = soc_roadmap_layout_get_scale (layout);
  const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);
  SocText *text = state->labels != NULL ? soc_label_cache_get_text (state->labels) : NULL;
  double left = visible->x + m->title_width;
  double right = MIN (visible->x + visible->width, soc_timescale_x (scale, scale->end + 1));
  double th;
  guint d, stride = 1;

  if (unit == SOC_TIME_UNIT_NONE || text == NULL || right <= left)
    return;
  th = soc_text_get_height (text, SOC_TEXT_SMALL);

  /* The lines between units, in one stroke. */
  d = soc_time_unit_floor (unit, soc_timescale_date (scale, left));
  for (guint n = 0; n < 10000; n++)
    {
      double x0 = soc_timescale_x (scale, d);

      if (x0 >= right)
        break;
      if (x0 >= left)
        {
          cairo_move_to (cr, round (x0) + 0.5, y + (major ? 0 : height / 3));
          cairo_line_to (cr, round (x0) + 0.5, y + height);
        }
      d = soc_time_unit_next (unit, d);
    }
  soc_draw_set_color (cr, &state->palette->border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  /* The lower row: when its widest label does not fit a unit, a label
   * every few units, at even steps. */
  if (!major)
    {
      double widest = 0;

      d = soc_time_unit_floor (unit, soc_timescale_date (scale, left));
      for (guint n = 0; n < 10000 && soc_timescale_x (scale, d) < right; n++)
        {
          g_autofree char *label = soc_time_unit_label (unit, d, FALSE);

          widest = MAX (widest, soc_label_cache_measure (state->labels, GUINT_TO_POINTER ((d << 3) | 2 | 0x80000000u),
                                                         SOC_TEXT_SMALL, label));
          d = soc_time_unit_next (unit, d);
        }
      stride = soc_timescale_label_stride (scale, unit, widest + 6);
      if (stride == 0)
        return;
    }

  d = soc_time_unit_floor (unit, soc_timescale_date (scale, left));
  for (guint n = 0; n < 10000; n++)
    {
      guint next = soc_time_unit_next (unit, d);
      double x0 = soc_timescale_x (scale, d);
      double x1 = soc_timescale_x (scale, next);
      double lx = MAX (x0, left);
      g_autofree char *label = NULL;
      gboolean wide;
      double natural;
      PangoLayout *pl;

      if (x0 >= right)
        break;
      if (stride > 1)
        {
          if (soc_time_unit_ordinal (unit, d) % stride != 0)
            {
              d = next;
              continue;
            }
          /* Its room runs to the next unit labelled. */
          for (guint k = 1; k < stride && soc_time_unit_ordinal (unit, next) % stride != 0; k++)
            next = soc_time_unit_next (unit, next);
          x1 = soc_timescale_x (scale, next);
        }

      wide = major && unit == SOC_TIME_UNIT_MONTH;
      label = soc_time_unit_label (unit, d, wide);
      /* Keyed by the row and the date: a header label is no object. */
      pl = soc_label_cache_get (state->labels, GUINT_TO_POINTER ((d << 3) | (major ? 1 : 2) | 0x80000000u),
                                SOC_TEXT_SMALL, label, -1, &natural);
      if (natural + 8 > x1 - lx && wide)
        {
          g_free (label);
          label = soc_time_unit_label (unit, d, FALSE);
          pl = soc_label_cache_get (state->labels, GUINT_TO_POINTER ((d << 3) | 4 | 0x80000000u),
                                    SOC_TEXT_SMALL, label, -1, &natural);
        }
      if (natural + 6 <= MIN (x1, right) - lx)
        {
          soc_draw_set_color (cr, major ? &state->palette->text : &state->palette->text_dim);
          /* Short units centre their label; long ones, and labels for a
           * few units, start it at the left. */
          soc_text_show (cr, pl, major || stride > 1 || x1 - x0 > 120 ? lx + 4 : (x0 + x1 - natural) / 2,
                         y + (height - th) / 2);
        }
      d = next;
    }
}

void
_soc_roadmap_paint_header (cairo_t                    *cr,
                           SocRoadmapLayout           *layout,
                           const SocRoadmapPaintState *state,
                           const SocRect              *visible)
{
  const SocPalette *p = state->palette;
  const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);
  const SocTimescale *scale = soc_roadmap_layout_get_scale (layout);
  double y = visible->y;
  double row = m->header_height / HEADER_ROWS;
  double left = visible->x + m->title_width;
  double right = visible->x + visible->width;
  SocText *text = state->labels != NULL ? soc_label_cache_get_text (state->labels) : NULL;

  cairo_rectangle (cr, visible->x, y, visible->width, m->header_height);
  soc_draw_set_color (cr, &p->chrome);
  cairo_fill (cr);

  /* Phases: a band each, the title kept in view. */
  cairo_save (cr);
  cairo_rectangle (cr, left, y, right - left, row);
  cairo_clip (cr);
  for (guint i = 0; i < soc_roadmap_layout_get_n_phases (layout); i++)
    {
      const SocRoadmapPhase *ph = soc_roadmap_layout_get_phase (layout, i);
      const char *title = soc_phase_get_title (ph->phase);
      double lx = MAX (ph->x0, left);

      if (ph->x1 < left || ph->x0 > right)
        continue;
      cairo_rectangle (cr, ph->x0, y + 2, ph->x1 - ph->x0 - 1, row - 3);
      soc_draw_set_color (cr, &p->phase);
      cairo_fill_preserve (cr);
      soc_draw_set_color (cr, &p->border);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      if (title != NULL && text != NULL && ph->x1 - lx > MIN_LABEL)
        {
          PangoLayout *pl = soc_label_cache_get (state->labels, ph->phase, SOC_TEXT_SMALL, title,
                                                 ph->x1 - lx - 10, NULL);

          soc_draw_set_color (cr, &p->phase_text);
          soc_text_show (cr, pl, lx + 5, y + (row - soc_text_get_height (text, SOC_TEXT_SMALL)) / 2);
        }
    }
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, left, y, right - left, m->header_height);
  cairo_clip (cr);
  header_row (cr, layout, state, visible, soc_timescale_major_unit (scale), y + row, row, TRUE);
  header_row (cr, layout, state, visible, soc_timescale_minor_unit (scale), y + 2 * row, row, FALSE);

  /* Today, as a mark on the header's edge. */
  if (state->today >= scale->origin && state->today <= scale->end)
    {
      double x = round (soc_timescale_x_frac (scale, state->today + 0.5)) + 0.5;
      double b = y + m->header_height;

      cairo_move_to (cr, x - 5, b - 7);
      cairo_line_to (cr, x + 5, b - 7);
      cairo_line_to (cr, x, b);
      cairo_close_path (cr);
      soc_draw_set_color (cr, &p->today);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  cairo_move_to (cr, visible->x, round (y + m->header_height) - 0.5);
  cairo_line_to (cr, right, round (y + m->header_height) - 0.5);
  cairo_move_to (cr, left, round (y + row) - 0.5);
  cairo_line_to (cr, right, round (y + row) - 0.5);
  soc_draw_set_color (cr, &p->border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

void
_soc_roadmap_paint_titles (cairo_t                    *cr,
                           SocRoadmapLayout           *layout,
                           const SocRoadmapPaintState *state,
                           const SocRect              *visible)
{
  const SocPalette *p = state->palette;
  const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);
  SocText *text = state->labels != NULL ? soc_label_cache_get_text (state->labels) : NULL;
  double x = visible->x;
  double w = m->title_width;
  guint first, last;

  cairo_rectangle (cr, x, visible->y, w, visible->height);
  soc_draw_set_color (cr, &p->chrome);
  cairo_fill (cr);

  soc_roadmap_layout_lanes_in (layout, visible->y, visible->y + visible->height, &first, &last);
  for (guint l = first; l < last; l++)
    {
      const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, l);
      SocColor colour = _soc_roadmap_lane_color (state, lane->lane);
      const char *title = soc_lane_get_title (lane->lane);
      double y = lane->band.y;
      double h = lane->band.height;
      gboolean selected = state->selection != NULL && soc_selection_contains (state->selection, SOC_OBJECT (lane->lane));

      if (l % 2 == 1)
        {
          cairo_rectangle (cr, x, y, w, h);
          soc_draw_set_color (cr, &p->band);
          cairo_fill (cr);
        }
      if (selected)
        {
          cairo_rectangle (cr, x, y, w, h);
          soc_draw_set_color (cr, &p->selection);
          cairo_fill (cr);
        }
      cairo_rectangle (cr, x + 6, y + 6, 4, h - 12);
      soc_draw_set_color (cr, &colour);
      cairo_fill (cr);

      if (text != NULL)
        {
          double th = soc_text_get_height (text, SOC_TEXT_HEADING);
          double sh = soc_text_get_height (text, SOC_TEXT_SMALL);
          /* A lane scrolled half under the header keeps its title below it. */
          double top = MAX (y, visible->y + m->header_height);
          double ty = MIN (top + MIN (10, (h - th) / 2), y + h - th - 4);
          PangoLayout *pl;

          double title_h = th;

          if (h >= 2 * th + 16)
            pl = soc_label_cache_get_wrapped (state->labels, lane->lane, SOC_TEXT_HEADING,
                                              title != NULL && title[0] ? title : _("Untitled lane"),
                                              w - 28, 2, &title_h);
          else
            pl = soc_label_cache_get (state->labels, lane->lane, SOC_TEXT_HEADING,
                                      title != NULL && title[0] ? title : _("Untitled lane"), w - 28, NULL);
          soc_draw_set_color (cr, selected ? &p->accent : &p->text);
          soc_text_show (cr, pl, x + 18, ty);
          th = title_h;

          if (ty + th + sh <= y + h - 4)
            {
              g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                                                     lane->n_items), lane->n_items);

              pl = soc_label_cache_get (state->labels, GUINT_TO_POINTER (GPOINTER_TO_UINT (lane->lane) ^ 0x1),
                                        SOC_TEXT_SMALL, count, w - 28, NULL);
              soc_draw_set_color (cr, &p->text_dim);
              soc_text_show (cr, pl, x + 18, ty + th + 1);
            }
        }
      cairo_move_to (cr, x, round (y + h) - 0.5);
      cairo_line_to (cr, x + w, round (y + h) - 0.5);
      soc_draw_set_color (cr, &p->border);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  cairo_move_to (cr, round (x + w) - 0.5, visible->y);
  cairo_line_to (cr, round (x + w) - 0.5, MIN (visible->y + visible->height, soc_roadmap_layout_get_height (layout)));
  soc_draw_set_color (cr, &p->border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* The corner where the header meets the titles: what has no place in time. */
void
_soc_roadmap_paint_corner (cairo_t                    *cr,
                           SocRoadmapLayout           *layout,
                           const SocRoadmapPaintState *state,
                           const SocRect              *visible)
{
  const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);
  guint n = soc_roadmap_layout_get_n_unscheduled (layout);
  SocText *text = state->labels != NULL ? soc_label_cache_get_text (state->labels) : NULL;

  cairo_rectangle (cr, visible->x, visible->y, m->title_width, m->header_height);
  soc_draw_set_color (cr, &state->palette->chrome);
  cairo_fill (cr);
  cairo_move_to (cr, round (visible->x + m->title_width) - 0.5, visible->y);
  cairo_line_to (cr, round (visible->x + m->title_width) - 0.5, visible->y + m->header_height);
  soc_draw_set_color (cr, &state->palette->border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  if (n > 0 && text != NULL)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item has no dates",
                                                            "%u items have no dates", n), n);
      PangoLayout *pl = soc_label_cache_get (state->labels, GUINT_TO_POINTER (0x80000001u), SOC_TEXT_SMALL,
                                             note, m->title_width - 16, NULL);

      soc_draw_set_color (cr, &state->palette->warning);
      soc_text_show (cr, pl, visible->x + 8, visible->y + m->header_height - soc_text_get_height (text, SOC_TEXT_SMALL) - 6);
    }
}
