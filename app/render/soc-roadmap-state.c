/* soc-roadmap-state.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roadmap painter's state part, painted every frame over the cached
 * content: today, the selection, hover, the drop target, the keyboard
 * focus, the handle that draws a dependency, and the arrows of what is
 * selected.
 */

#define G_LOG_DOMAIN "soc-roadmap-painter"

#include "config.h"

#include <math.h>

#include "soc-roadmap-painter-private.h"

static void
outline_box (cairo_t                    *cr,
             const SocRoadmapPaintState *state,
             const SocRoadmapBox        *box,
             double                      grow)
{
  SocRect r = box->rect;

  r.x -= grow;
  r.y -= grow;
  r.width += 2 * grow;
  r.height += 2 * grow;
  _soc_roadmap_bar_path (cr, state, box, &r);
}

/* The handle after an item's end that starts a dependency. */
static void
link_handle (cairo_t                    *cr,
             const SocRoadmapPaintState *state,
             const SocRoadmapBox        *box,
             gboolean                    hot)
{
  double cx = box->rect.x + box->rect.width + 6;
  double cy = box->rect.y + box->rect.height / 2;

  _soc_roadmap_dot (cr, cx, cy, hot ? 5 : 4);
  soc_draw_set_color (cr, hot ? &state->palette->accent : &state->palette->background);
  cairo_fill_preserve (cr);
  soc_draw_set_color (cr, &state->palette->accent);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

/* Where the line of today (STATE's) shows in VISIBLE: appends to
 * STRETCHES (SocRect) its pieces, two pixels wide on today's middle, from
 * the header down, between the bars it crosses and the names written
 * beside bars: it runs behind them, and cuts no name. The screen's frames
 * draw the same pieces. */
void
soc_roadmap_today_line (SocRoadmapLayout           *layout,
                        const SocRoadmapPaintState *state,
                        const SocRect              *visible,
                        GArray                     *stretches)
{
  const SocRoadmapMetrics *m = soc_roadmap_layout_get_metrics (layout);
  const SocTimescale *scale = soc_roadmap_layout_get_scale (layout);
  guint today = state->today;
  g_autoptr(GArray) near = NULL;
  double x, top, bottom;
  SocRect line, reach;

  if (today == 0 || today < scale->origin || today > scale->end)
    return;
  x = round (soc_timescale_x_frac (scale, today + 0.5)) - 1;
  top = MAX (visible->y, m->header_height);
  bottom = MIN (visible->y + visible->height, soc_roadmap_layout_get_height (layout));
  if (x + 2 <= visible->x || x >= visible->x + visible->width || bottom <= top)
    return;
  line = SOC_RECT_INIT (x, top, 2, bottom - top);
  /* The bars it crosses, and those just before it whose names may. */
  reach = SOC_RECT_INIT (x - 400, top, 402, bottom - top);
  near = g_array_new (FALSE, FALSE, sizeof (guint));
  soc_roadmap_layout_boxes_in (layout, &reach, near);
  /* Row by row, top down (one at most in each row): each ends a piece,
   * the next begins after it. */
  for (guint i = 0; i < near->len; i++)
    {
      const SocRoadmapBox *b = soc_roadmap_layout_get_box (layout, g_array_index (near, guint, i));
      double x0, x1;

      if (!soc_rect_intersects (&b->rect, &line) &&
          !(b->rect.x + b->rect.width <= x && b->room > x &&
            _soc_roadmap_label_beside (state, b, &x0, &x1) && x0 < x + 2 && x1 > x))
        continue;
      if (b->rect.y > top)
        {
          SocRect piece = SOC_RECT_INIT (x, top, 2, MIN (b->rect.y, bottom) - top);

          g_array_append_val (stretches, piece);
        }
      top = MAX (top, b->rect.y + b->rect.height);
    }
  if (bottom > top)
    {
      SocRect piece = SOC_RECT_INIT (x, top, 2, bottom - top);

      g_array_append_val (stretches, piece);
    }
}

void
_soc_roadmap_paint_state (cairo_t                    *cr,
                          SocRoadmapLayout           *layout,
                          const SocRoadmapPaintState *state,
                          const SocRect              *visible)
{
  const SocPalette *p = state->palette;
  const SocRoadmapBox *box;

  /* Today. */
  {
    g_autoptr(GArray) stretches = g_array_new (FALSE, FALSE, sizeof (SocRect));

    soc_roadmap_today_line (layout, state, visible, stretches);
    for (guint i = 0; i < stretches->len; i++)
      {
        const SocRect *r = &g_array_index (stretches, SocRect, i);

        cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      }
    soc_draw_set_color (cr, &p->today);
    cairo_fill (cr);
  }

  /* The lane a new item would go to, when a lane is the drop target. */
  for (guint l = 0; state->drop_target != NULL && l < soc_roadmap_layout_get_n_lanes (layout); l++)
    {
      const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, l);

      if ((gpointer) lane->lane == state->drop_target)
        {
          cairo_rectangle (cr, visible->x, lane->band.y, visible->width, lane->band.height);
          soc_draw_set_color (cr, &p->selection);
          cairo_fill (cr);
        }
    }

  /* The dependencies of what is selected, whole, however far they reach. */
  if (state->selection != NULL && soc_selection_get_size (state->selection) <= 64)
    {
      g_autoptr(GArray) pts = g_array_new (FALSE, FALSE, sizeof (SocPoint));

      cairo_save (cr);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < soc_selection_get_size (state->selection); i++)
        {
          SocObject *o = soc_selection_get_nth (state->selection, i);
          const guint *arrows;
          guint index, n;

          if (!SOC_IS_ITEM (o) || soc_roadmap_layout_find_box (layout, SOC_ITEM (o), &index) == NULL)
            continue;
          arrows = soc_roadmap_layout_get_box_arrows (layout, index, &n);
          for (guint k = 0; k < n && k < 512; k++)
            {
              const SocRoadmapArrow *a = soc_roadmap_layout_get_arrow (layout, arrows[k]);
              SocRect bounds;

              g_array_set_size (pts, 0);
              soc_roadmap_layout_route (layout, a->from, a->to, pts);
              bounds = a->bounds;
              if (a->long_reach)
                {
                  const SocRoadmapBox *fb = soc_roadmap_layout_get_box (layout, a->from);
                  const SocRoadmapBox *tb = soc_roadmap_layout_get_box (layout, a->to);
                  double y0 = MIN (fb->rect.y, tb->rect.y), y1 = MAX (fb->rect.y, tb->rect.y) + fb->rect.height;

                  bounds.y = y0 - 8;
                  bounds.height = y1 - y0 + 16;
                }
              if (!soc_rect_intersects (&bounds, visible))
                continue;
              _soc_roadmap_polyline (cr, (SocPoint *) pts->data, pts->len);
              soc_draw_set_color (cr, a->broken ? &p->error : &p->accent);
              cairo_set_line_width (cr, 2);
              cairo_stroke (cr);
              _soc_roadmap_arrow_head (cr, &g_array_index (pts, SocPoint, pts->len - 2), &g_array_index (pts, SocPoint, pts->len - 1));
              cairo_fill (cr);
            }
        }
      cairo_restore (cr);
    }

  /* What is selected: a halo and an outline, and its link handle. */
  if (state->selection != NULL)
    for (guint i = 0; i < soc_selection_get_size (state->selection); i++)
      {
        SocObject *o = soc_selection_get_nth (state->selection, i);

        if (!SOC_IS_ITEM (o) || (box = soc_roadmap_layout_find_box (layout, SOC_ITEM (o), NULL)) == NULL)
          continue;
        if (!soc_rect_intersects (&box->rect, visible))
          continue;
        /* A soft ring around it, then a firm one on its edge: the bar
         * itself keeps its colours. */
        outline_box (cr, state, box, 3.5);
        soc_draw_set_color (cr, &p->selection);
        cairo_set_line_width (cr, 4);
        cairo_stroke (cr);
        outline_box (cr, state, box, 1.5);
        soc_draw_set_color (cr, &p->accent);
        cairo_set_line_width (cr, 2);
        cairo_stroke (cr);
        if (soc_selection_get_size (state->selection) == 1)
          link_handle (cr, state, box, FALSE);
      }

  /* Under the pointer: an outline, the edge that would move, the handle. */
  if (state->hover != NULL && (box = soc_roadmap_layout_find_box (layout, state->hover, NULL)) != NULL)
    {
      outline_box (cr, state, box, 1);
      soc_draw_set_color (cr, &p->accent);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      if (state->hover_kind == SOC_ROADMAP_HIT_START_EDGE || state->hover_kind == SOC_ROADMAP_HIT_END_EDGE)
        {
          double x = state->hover_kind == SOC_ROADMAP_HIT_START_EDGE ? box->rect.x + 1.5
                                                                      : box->rect.x + box->rect.width - 1.5;
          cairo_move_to (cr, x, box->rect.y + 3);
          cairo_line_to (cr, x, box->rect.y + box->rect.height - 3);
          soc_draw_set_color (cr, &p->accent);
          cairo_set_line_width (cr, 3);
          cairo_stroke (cr);
        }
      link_handle (cr, state, box, state->hover_kind == SOC_ROADMAP_HIT_LINK);
    }

  /* The item a dependency being drawn would reach. */
  if (state->drop_target != NULL && SOC_IS_ITEM (state->drop_target) &&
      (box = soc_roadmap_layout_find_box (layout, state->drop_target, NULL)) != NULL)
    {
      static const double dash[] = { 3, 2 };

      outline_box (cr, state, box, 3);
      cairo_save (cr);
      cairo_set_dash (cr, dash, 2, 0);
      soc_draw_set_color (cr, &p->accent);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* The keyboard focus. */
  if (state->focus != NULL && (box = soc_roadmap_layout_find_box (layout, state->focus, NULL)) != NULL)
    {
      static const double dash[] = { 2, 2 };

      outline_box (cr, state, box, 5);
      cairo_save (cr);
      cairo_set_dash (cr, dash, 2, 0);
      soc_draw_set_color (cr, &p->text);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}
