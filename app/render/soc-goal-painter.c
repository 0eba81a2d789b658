/* soc-goal-painter.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paints a goal layout into a cairo context in layout coordinates,
 * touching only what meets the visible rectangle: cards and edges come
 * from the layout's indexes, so a frame costs what is on screen whatever
 * the size of the plan.
 *
 * Edges run from a parent to a bus half way to its children's level and
 * along it, one path for all; the cards are painted in
 * soc-goal-painter-cards.c.
 *
 * Two parts, so a screen can keep the content and repaint the state
 * cheaply: the content (ground, edges, cards) and the state (selection,
 * hover, focus, drop target). Print and export paint the content with the
 * print palette (soc_goal_paint_print()).
 */

#define G_LOG_DOMAIN "soc-goal-painter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "soc-goal-painter-private.h"

#define MAX_STATE     256    /* selected cards drawn as such, at most */

void
soc_goal_paint_state_init (SocGoalPaintState *state,
                           const SocPalette  *palette,
                           SocLabelCache     *labels)
{
  memset (state, 0, sizeof *state);
  state->palette = palette;
  state->labels = labels;
  state->scale = 1.0;
}

/* ------------------------------------------------------------------------ */
/* Edges                                                                    */

static void
paint_edges (cairo_t                 *cr,
             SocGoalLayout           *layout,
             const SocGoalPaintState *state,
             const SocRect           *visible)
{
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean top_down = soc_goal_layout_get_orientation (layout) == SOC_GOAL_TOP_DOWN;
  double lo = (top_down ? visible->x : visible->y) - 2;
  double hi = (top_down ? visible->x + visible->width : visible->y + visible->height) + 2;

  soc_goal_layout_parents_in (layout, visible, parents);
  if (parents->len == 0)
    return;
  for (guint i = 0; i < parents->len; i++)
    {
      guint index = g_array_index (parents, guint, i);
      const SocGoalCard *p = soc_goal_layout_get_card (layout, index);
      double bus = soc_goal_layout_get_bus (layout, p->level) + 0.5;
      const SocGoalCard *first = soc_goal_layout_get_card (layout, soc_goal_layout_get_slot (layout, p->level + 1, p->first_child));
      const SocGoalCard *last = soc_goal_layout_get_card (layout, soc_goal_layout_get_slot (layout, p->level + 1,
                                                                                            p->first_child + p->n_children - 1));
      guint s0, s1;

      if (top_down)
        {
          double cx = round (p->rect.x + p->rect.width / 2) + 0.5;
          double a = round (first->rect.x + first->rect.width / 2) + 0.5;
          double b = round (last->rect.x + last->rect.width / 2) + 0.5;

          cairo_move_to (cr, cx, p->rect.y + p->rect.height);
          cairo_line_to (cr, cx, bus);
          if (b > a)
            {
              cairo_move_to (cr, CLAMP (a, lo, hi), bus);
              cairo_line_to (cr, CLAMP (b, lo, hi), bus);
            }
        }
      else
        {
          double cy = round (p->rect.y + p->rect.height / 2) + 0.5;
          double a = round (first->rect.y + first->rect.height / 2) + 0.5;
          double b = round (last->rect.y + last->rect.height / 2) + 0.5;

          cairo_move_to (cr, p->rect.x + p->rect.width, cy);
          cairo_line_to (cr, bus, cy);
          if (b > a)
            {
              cairo_move_to (cr, bus, CLAMP (a, lo, hi));
              cairo_line_to (cr, bus, CLAMP (b, lo, hi));
            }
        }
      /* Into each child in view. */
      soc_goal_layout_children_in (layout, index, visible, &s0, &s1);
      for (guint s = s0; s < s1; s++)
        {
          const SocGoalCard *c = soc_goal_layout_get_card (layout, soc_goal_layout_get_slot (layout, p->level + 1, s));

          if (top_down)
            {
              double cx = round (c->rect.x + c->rect.width / 2) + 0.5;

              cairo_move_to (cr, cx, bus);
              cairo_line_to (cr, cx, c->rect.y);
            }
          else
            {
              double cy = round (c->rect.y + c->rect.height / 2) + 0.5;

              cairo_move_to (cr, bus, cy);
              cairo_line_to (cr, c->rect.x, cy);
            }
        }
    }
  cairo_set_line_width (cr, MAX (1.0, state->palette->line_width));
  soc_draw_set_color (cr, &state->palette->arrow);
  cairo_stroke (cr);
}

/* ------------------------------------------------------------------------ */
/* State                                                                    */

static void
paint_state (cairo_t                 *cr,
             SocGoalLayout           *layout,
             const SocGoalPaintState *state)
{
  const SocPalette *p = state->palette;
  const SocGoalCard *c;
  static const double dash[] = { 3, 3 };

  /* What is selected: tinted, with an outline in the accent colour. */
  if (state->selection != NULL)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < soc_selection_get_size (state->selection) && i < MAX_STATE; i++)
        {
          SocObject *o = soc_selection_get_nth (state->selection, i);
          SocRect r;

          if (!SOC_IS_GOAL (o) || (c = soc_goal_layout_find_card (layout, SOC_GOAL (o), NULL)) == NULL)
            continue;
          r = _soc_goal_grown (&c->rect, 1.5);
          soc_draw_rounded_rect (cr, &r, RADIUS + 1.5);
          any = TRUE;
        }
      if (any)
        {
          soc_draw_set_color (cr, &p->selection);
          cairo_fill_preserve (cr);
          soc_draw_set_color (cr, &p->accent);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
        }
    }

  if (state->hover != NULL && (c = soc_goal_layout_find_card (layout, state->hover, NULL)) != NULL)
    {
      if (state->hover_kind == SOC_GOAL_HIT_TOGGLE && c->toggle.width > 0)
        {
          SocRect r = _soc_goal_grown (&c->toggle, 1);

          soc_draw_rounded_rect (cr, &r, r.height / 2);
          soc_draw_set_color (cr, &p->accent);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
      else
        {
          soc_draw_rounded_rect (cr, &c->rect, RADIUS);
          soc_draw_set_color (cr, &p->hover);
          cairo_fill (cr);
        }
    }

  if (state->drop_target != NULL && (c = soc_goal_layout_find_card (layout, state->drop_target, NULL)) != NULL)
    {
      SocRect r = _soc_goal_grown (&c->rect, 3);

      soc_draw_rounded_rect (cr, &r, RADIUS + 3);
      soc_draw_set_color (cr, state->drop_refused ? &p->error : &p->accent);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }

  if (state->focus != NULL && (c = soc_goal_layout_find_card (layout, state->focus, NULL)) != NULL)
    {
      SocRect r = _soc_goal_grown (&c->rect, 5);

      cairo_save (cr);
      soc_draw_rounded_rect (cr, &r, RADIUS + 5);
      cairo_set_dash (cr, dash, 2, 0);
      soc_draw_set_color (cr, &p->accent);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* Where the state part would paint in VISIBLE: the selected, hovered,
 * focused and target cards. A screen paints only that much each frame.
 * FALSE: nothing. */
gboolean
soc_goal_state_bounds (SocGoalLayout           *layout,
                       const SocGoalPaintState *state,
                       const SocRect           *visible,
                       SocRect                 *bounds)
{
  const SocGoalCard *c;
  gboolean any = FALSE;

  for (guint i = 0; state->selection != NULL && i < soc_selection_get_size (state->selection) && i < MAX_STATE; i++)
    {
      SocObject *o = soc_selection_get_nth (state->selection, i);

      if (SOC_IS_GOAL (o) && (c = soc_goal_layout_find_card (layout, SOC_GOAL (o), NULL)) != NULL &&
          soc_rect_intersects (&c->rect, visible))
        soc_rect_take_in (bounds, &any, &c->rect, 4);
    }
  if (state->hover != NULL && (c = soc_goal_layout_find_card (layout, state->hover, NULL)) != NULL)
    {
      soc_rect_take_in (bounds, &any, &c->rect, 2);
      if (c->toggle.width > 0)
        soc_rect_take_in (bounds, &any, &c->toggle, 3);
    }
  if (state->drop_target != NULL && (c = soc_goal_layout_find_card (layout, state->drop_target, NULL)) != NULL)
    soc_rect_take_in (bounds, &any, &c->rect, 6);
  if (state->focus != NULL && (c = soc_goal_layout_find_card (layout, state->focus, NULL)) != NULL)
    soc_rect_take_in (bounds, &any, &c->rect, 8);
  if (!any)
    return FALSE;
  /* Only what shows. */
  return soc_rect_clip_out (bounds, visible);
}

/* ------------------------------------------------------------------------ */

/* Paints PARTS of LAYOUT into CR, in layout coordinates, inside VISIBLE. */
void
soc_goal_paint (cairo_t                 *cr,
                SocGoalLayout           *layout,
                const SocGoalPaintState *state,
                const SocRect           *visible,
                SocGoalPaintParts        parts)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (state != NULL && state->palette != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, visible->x, visible->y, visible->width, visible->height);
  cairo_clip (cr);

  if (parts & SOC_GOAL_PAINT_CONTENT)
    {
      /* Cards whose stack, fold button or mark reach into view count too. */
      SocRect wide = _soc_goal_grown (visible, 6 + soc_goal_layout_get_metrics (layout)->toggle + 4);
      g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (guint));

      soc_draw_set_color (cr, &state->palette->background);
      cairo_paint (cr);
      paint_edges (cr, layout, state, visible);
      soc_goal_layout_cards_in (layout, &wide, cards);
      _soc_goal_paint_cards (cr, layout, state, (const guint *) cards->data, cards->len);
    }
  if (parts & SOC_GOAL_PAINT_STATE)
    paint_state (cr, layout, state);

  cairo_restore (cr);
}

/* CARD drawn at RECT, half transparent: where a drag would take it. */
void
soc_goal_paint_ghost (cairo_t                 *cr,
                      SocGoalLayout           *layout,
                      const SocGoalPaintState *state,
                      guint                    card,
                      const SocRect           *rect)
{
  const SocGoalCard *c = soc_goal_layout_get_card (layout, card);
  static const double dash[] = { 4, 3 };
  SocGoalPaintState plain = *state;
  SocRect r = *rect;

  plain.selection = NULL;
  cairo_save (cr);
  cairo_push_group (cr);
  cairo_translate (cr, rect->x - c->rect.x, rect->y - c->rect.y);
  _soc_goal_paint_cards (cr, layout, &plain, &card, 1);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, 0.7);
  r.width = c->rect.width;
  r.height = c->rect.height;
  soc_draw_rounded_rect (cr, &r, RADIUS);
  cairo_set_dash (cr, dash, 2, 0);
  soc_draw_set_color (cr, &state->palette->accent);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Paints AREA of LAYOUT (NULL: all of it) for paper or a file: with the
 * print palette, no selection, AREA's top left at CR's origin. The layout's
 * width and height are the content's size. */
void
soc_goal_paint_print (cairo_t       *cr,
                      SocGoalLayout *layout,
                      SocLabelCache *labels,
                      const SocRect *area)
{
  SocGoalPaintState state;
  SocRect all = SOC_RECT_INIT (0, 0, soc_goal_layout_get_width (layout), soc_goal_layout_get_height (layout));

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);

  if (area == NULL)
    area = &all;
  soc_goal_paint_state_init (&state, soc_palette_get (SOC_PALETTE_PRINT), labels);
  cairo_save (cr);
  cairo_translate (cr, -area->x, -area->y);
  soc_goal_paint (cr, layout, &state, area, SOC_GOAL_PAINT_CONTENT);
  cairo_restore (cr);
}
