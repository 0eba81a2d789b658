/* soc-goal-painter-cards.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The goal tree's cards. A card shows its kind by colour (a strip along
 * its start, a tint over its body) and by a symbol that differs in shape
 * too (a star, a square, two heads, a flag, bars), the title in one or two
 * lines, the owner, the progress as a number and a bar, the roadmap items
 * that serve it, and a warning triangle on social work that factor 1 finds
 * not tied to a business objective. A metric's bar runs from its baseline
 * to its target with a mark at its current value, and a line below gives
 * the three. A collapsed card has a stack behind it and says how many
 * goals it hides. A dropped goal's card is faded.
 *
 * Fills are batched by colour (the bodies and strips of each kind, the
 * bars, the outlines), shapes are lines and Bézier curves, never
 * trigonometry, and labels come shaped from a label cache. Zoomed far out
 * the text is left out, and further out the bars and symbols too.
 */

#define G_LOG_DOMAIN "soc-goal-painter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "soc-enum-types.h"
#include "soc-goal-painter-private.h"
#include "soc-progress.h"

static gboolean
on_dark (const SocPalette *p)
{
  return p->kind == SOC_PALETTE_DARK || p->kind == SOC_PALETTE_HIGH_CONTRAST_DARK;
}

/* The kind's colour, made lighter on a dark ground so it still shows. */
static SocColor
kind_color (const SocPalette *p,
            SocGoalKind       kind)
{
  SocColor c = soc_palette_goal_color (p, kind);
  SocColor white = { 1, 1, 1, 1 };

  return on_dark (p) ? soc_color_mix (&c, &white, 0.35) : c;
}

/* A card's body: the ground with a little of the kind's colour. */
static SocColor
body_color (const SocPalette *p,
            SocGoalKind       kind)
{
  SocColor c = soc_palette_goal_color (p, kind);
  SocColor ground = soc_color_with_alpha (&p->background, 1);

  switch (p->kind)
    {
    case SOC_PALETTE_HIGH_CONTRAST:
    case SOC_PALETTE_HIGH_CONTRAST_DARK:
      return ground;
    case SOC_PALETTE_PRINT:
      return soc_color_mix (&c, &ground, 0.94);
    case SOC_PALETTE_DARK:
      return soc_color_mix (&c, &ground, 0.72);
    case SOC_PALETTE_LIGHT:
    default:
      return soc_color_mix (&c, &ground, 0.9);
    }
}

static void
dot (cairo_t *cr,
     double   cx,
     double   cy,
     double   r)
{
  SocRect box = SOC_RECT_INIT (cx - r, cy - r, 2 * r, 2 * r);

  soc_draw_rounded_rect (cr, &box, r);
}

/* A five-pointed star in a SIZE square at X, Y: its points, worked out
 * once (cos and sin of multiples of 36 degrees). */
static void
star (cairo_t *cr,
      double   x,
      double   y,
      double   size)
{
  static const double pts[10][2] = {
    { 0.5, 0.0 }, { 0.6123, 0.3455 }, { 0.9755, 0.3455 }, { 0.6816, 0.559 }, { 0.7939, 0.9045 },
    { 0.5, 0.691 }, { 0.2061, 0.9045 }, { 0.3184, 0.559 }, { 0.0245, 0.3455 }, { 0.3877, 0.3455 },
  };

  cairo_move_to (cr, x + pts[0][0] * size, y + pts[0][1] * size);
  for (guint i = 1; i < 10; i++)
    cairo_line_to (cr, x + pts[i][0] * size, y + pts[i][1] * size);
  cairo_close_path (cr);
}

/* The symbol of KIND in a SIZE square at X, Y: shapes that differ, so the
 * kind reads without its colour. */
static void
symbol_path (cairo_t     *cr,
             SocGoalKind  kind,
             double       x,
             double       y,
             double       s)
{
  switch (kind)
    {
    case SOC_GOAL_KIND_VISION:
      star (cr, x - 1, y - 1, s + 2);
      break;
    case SOC_GOAL_KIND_BUSINESS_OBJECTIVE:
      cairo_rectangle (cr, x + 1, y + 1, s - 2, s - 2);
      break;
    case SOC_GOAL_KIND_SOCIAL_OBJECTIVE:
      /* Two heads over two shoulders: people. */
      dot (cr, x + s * 0.3, y + s * 0.3, s * 0.2);
      dot (cr, x + s * 0.72, y + s * 0.3, s * 0.2);
      cairo_rectangle (cr, x, y + s * 0.58, s * 0.55, s * 0.42);
      cairo_rectangle (cr, x + s * 0.45, y + s * 0.58, s * 0.55, s * 0.42);
      break;
    case SOC_GOAL_KIND_INITIATIVE:
      /* A flag on a pole. */
      cairo_rectangle (cr, x + 1, y, 1.5, s);
      cairo_move_to (cr, x + 2.5, y);
      cairo_line_to (cr, x + s, y + s * 0.3);
      cairo_line_to (cr, x + 2.5, y + s * 0.6);
      cairo_close_path (cr);
      break;
    case SOC_GOAL_KIND_METRIC:
    default:
      /* Bars of a chart. */
      cairo_rectangle (cr, x, y + s * 0.6, s * 0.26, s * 0.4);
      cairo_rectangle (cr, x + s * 0.37, y + s * 0.3, s * 0.26, s * 0.7);
      cairo_rectangle (cr, x + s * 0.74, y, s * 0.26, s);
      break;
    }
}

/* The roadmap's mark: three bars over time. */
static void
items_glyph (cairo_t *cr,
             double   x,
             double   y)
{
  cairo_rectangle (cr, x, y, 5, 2);
  cairo_rectangle (cr, x + 2, y + 3.5, 5, 2);
  cairo_rectangle (cr, x + 4, y + 7, 5, 2);
}

/* Keys for a card's labels in the cache: the goal itself for its title,
 * and the bytes just after its address for the rest (objects are aligned,
 * so these are no other object's). */
enum {
  KEY_TITLE,
  KEY_OWNER,
  KEY_PROGRESS,
  KEY_ITEMS,
  KEY_VALUES,
  KEY_TOGGLE,
};

static gconstpointer
key_of (SocGoal *goal,
        guint    k)
{
  return (const char *) goal + k;
}

/* One label per kind for every card: its name. */
static const char kind_keys[SOC_GOAL_KIND_METRIC + 1];

static const char *
number_text (double value,
             char   buf[G_ASCII_DTOSTR_BUF_SIZE])
{
  g_snprintf (buf, G_ASCII_DTOSTR_BUF_SIZE, "%g", value);
  return buf;
}

/* What a metric card says under its bar: from where to where, and now. */
static char *
values_text (SocGoal *goal)
{
  double baseline, target, current;
  const char *unit;
  char b[G_ASCII_DTOSTR_BUF_SIZE], t[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];

  soc_progress_get_values (goal, &baseline, &target, &current, &unit);
  if (unit == NULL)
    unit = "";
  if (isnan (target))
    return g_strdup (_("No target yet"));
  if (isnan (baseline) && isnan (current))
    /* Translators: a metric on the goal tree: its target and unit */
    return g_strdup_printf (_("Target %s %s"), number_text (target, t), unit);
  if (isnan (baseline))
    /* Translators: a metric on the goal tree: its target, unit and current value */
    return g_strdup_printf (_("Target %s %s · now %s"), number_text (target, t), unit, number_text (current, c));
  if (isnan (current))
    /* Translators: a metric on the goal tree: from its baseline to its target, in its unit */
    return g_strdup_printf (_("%s → %s %s · not measured yet"), number_text (baseline, b), number_text (target, t), unit);
  /* Translators: a metric on the goal tree: from its baseline to its target, its unit, then its current value */
  return g_strdup_printf (_("%s → %s %s · now %s"), number_text (baseline, b), number_text (target, t), unit,
                          number_text (current, c));
}

static const SocGoalCard *
card_at (SocGoalLayout *layout,
         const guint   *indexes,
         guint          i)
{
  return soc_goal_layout_get_card (layout, indexes[i]);
}

static SocGoalKind
kind_of (const SocGoalCard *c)
{
  return c->kind;
}

/* The bar's fill for a card: how far along, or -1 for no bar. */
static double
bar_fill (const SocGoalCard *c)
{
  return isnan (c->progress) ? -1 : CLAMP (c->progress, 0, 1);
}

static void
paint_bodies (cairo_t                 *cr,
              SocGoalLayout           *layout,
              const SocGoalPaintState *state,
              const guint             *cards,
              guint                    n)
{
  const SocPalette *p = state->palette;
  gboolean details = state->scale >= DETAIL_SCALE;
  double lw = MAX (1.0, p->line_width);

  /* The stacks behind collapsed cards, in their kind's colours: a card
   * with more under it. Few are folded: one by one. */
  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);

      if (c->flags & SOC_GOAL_CARD_COLLAPSED)
        {
          SocColor body = body_color (p, c->kind);
          SocColor edge = kind_color (p, c->kind);
          SocRect r = c->rect;

          r.x += STACK;
          r.y += STACK;
          soc_draw_rounded_rect (cr, &r, RADIUS);
          soc_draw_set_color (cr, &body);
          cairo_fill_preserve (cr);
          edge.alpha = 0.6;
          soc_draw_set_color (cr, &edge);
          cairo_set_line_width (cr, lw);
          cairo_stroke (cr);
        }
    }
  if (p->shadow.alpha > 0)
    {
      for (guint i = 0; i < n; i++)
        {
          SocRect r = card_at (layout, cards, i)->rect;

          r.y += 1.5;
          soc_draw_rounded_rect (cr, &r, RADIUS);
        }
      soc_draw_set_color (cr, &p->shadow);
      cairo_fill (cr);
    }

  /* Bodies and strips, one fill per kind. */
  for (SocGoalKind k = SOC_GOAL_KIND_VISION; k <= SOC_GOAL_KIND_METRIC; k++)
    {
      SocColor body = body_color (p, k);
      SocColor strong = kind_color (p, k);
      gboolean any = FALSE;

      for (guint i = 0; i < n; i++)
        {
          const SocGoalCard *c = card_at (layout, cards, i);

          if (kind_of (c) == k)
            {
              soc_draw_rounded_rect (cr, &c->rect, RADIUS);
              any = TRUE;
            }
        }
      if (!any)
        continue;
      soc_draw_set_color (cr, &body);
      cairo_fill (cr);

      for (guint i = 0; i < n; i++)
        {
          const SocGoalCard *c = card_at (layout, cards, i);

          if (kind_of (c) == k)
            {
              SocRect strip = SOC_RECT_INIT (c->rect.x, c->rect.y, soc_goal_layout_get_metrics (layout)->strip + RADIUS,
                                             c->rect.height);

              /* The strip's own corners, then the body over its inner half. */
              soc_draw_rounded_rect (cr, &strip, RADIUS);
            }
        }
      soc_draw_set_color (cr, &strong);
      cairo_fill (cr);
      for (guint i = 0; i < n; i++)
        {
          const SocGoalCard *c = card_at (layout, cards, i);

          if (kind_of (c) == k)
            {
              double s = soc_goal_layout_get_metrics (layout)->strip;

              cairo_rectangle (cr, c->rect.x + s, c->rect.y + lw / 2, RADIUS, c->rect.height - lw);
            }
        }
      soc_draw_set_color (cr, &body);
      cairo_fill (cr);

      /* The symbols, in the kind's colour. */
      if (details)
        {
          for (guint i = 0; i < n; i++)
            {
              const SocGoalCard *c = card_at (layout, cards, i);
              SocGoalCardRows rows;

              if (kind_of (c) != k)
                continue;
              soc_goal_layout_get_rows (layout, c, &rows);
              symbol_path (cr, k, c->rect.x + rows.text_x, c->rect.y + rows.kind_y + 1.5, SYMBOL);
            }
          soc_draw_set_color (cr, &strong);
          cairo_fill (cr);
        }
    }

  /* The outlines, all at once. */
  for (guint i = 0; i < n; i++)
    {
      SocRect r = _soc_goal_grown (&card_at (layout, cards, i)->rect, -lw / 2);

      soc_draw_rounded_rect (cr, &r, RADIUS - lw / 2);
    }
  soc_draw_set_color (cr, &p->border);
  cairo_set_line_width (cr, lw);
  cairo_stroke (cr);

  if (!details)
    return;

  /* Bars: the track, then what is done, each in one fill. */
  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);
      SocGoalCardRows rows;

      if (bar_fill (c) < 0 && kind_of (c) != SOC_GOAL_KIND_METRIC)
        continue;
      soc_goal_layout_get_rows (layout, c, &rows);
      cairo_rectangle (cr, c->rect.x + rows.text_x, c->rect.y + rows.bar_y, rows.text_width, rows.bar_height);
    }
  {
    /* A pale track in every palette, so a dark fill always shows on it. */
    SocColor ink = soc_color_with_alpha (&p->text, 1);
    SocColor ground = soc_color_with_alpha (&p->background, 1);
    SocColor track = soc_color_mix (&ink, &ground, 0.84);

    soc_draw_set_color (cr, &track);
    cairo_fill (cr);
  }
  for (SocGoalKind k = SOC_GOAL_KIND_VISION; k <= SOC_GOAL_KIND_METRIC; k++)
    {
      SocColor strong = kind_color (p, k);
      gboolean any = FALSE;

      for (guint i = 0; i < n; i++)
        {
          const SocGoalCard *c = card_at (layout, cards, i);
          SocGoalCardRows rows;
          double f = bar_fill (c);

          if (kind_of (c) != k || f <= 0)
            continue;
          soc_goal_layout_get_rows (layout, c, &rows);
          cairo_rectangle (cr, c->rect.x + rows.text_x, c->rect.y + rows.bar_y, rows.text_width * f, rows.bar_height);
          any = TRUE;
        }
      if (any)
        {
          soc_draw_set_color (cr, &strong);
          cairo_fill (cr);
        }
    }

  /* A metric's current value: a mark across its bar, at the end when it
   * went past the target (with a notch beyond), at the start when it went
   * the wrong way. */
  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);
      SocGoalCardRows rows;
      double baseline, target, current, f, x;

      if (c->goal == NULL || !soc_progress_get_values (c->goal, &baseline, &target, &current, NULL))
        continue;
      f = soc_progress_fraction (baseline, target, current);
      if (isnan (f))
        continue;
      soc_goal_layout_get_rows (layout, c, &rows);
      x = c->rect.x + rows.text_x + rows.text_width * CLAMP (f, 0, 1);
      cairo_rectangle (cr, x - 1, c->rect.y + rows.bar_y - 3, 2, rows.bar_height + 6);
      if (f > 1)
        {
          cairo_move_to (cr, x + 1, c->rect.y + rows.bar_y - 3);
          cairo_line_to (cr, x + 5, c->rect.y + rows.bar_y + rows.bar_height / 2);
          cairo_line_to (cr, x + 1, c->rect.y + rows.bar_y + rows.bar_height + 3);
          cairo_close_path (cr);
        }
    }
  soc_draw_set_color (cr, &p->text);
  cairo_fill (cr);

  /* The roadmap's mark beside the count of items that serve a goal. */
  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);
      SocGoalCardRows rows;

      if (c->n_items == 0)
        continue;
      soc_goal_layout_get_rows (layout, c, &rows);
      /* The count's place is known only with text; without it, the mark
       * alone, at the right. */
      if (state->labels == NULL || state->scale < TEXT_SCALE)
        items_glyph (cr, c->rect.x + c->rect.width - soc_goal_layout_get_metrics (layout)->padding - 9,
                     c->rect.y + rows.kind_y + 2);
    }
  soc_draw_set_color (cr, &p->text_dim);
  cairo_fill (cr);
}

/* The warning on social work not tied to a business objective: a red
 * triangle with an exclamation mark, on the card's top corner. */
static void
paint_untied (cairo_t                 *cr,
              SocGoalLayout           *layout,
              const SocGoalPaintState *state,
              const guint             *cards,
              guint                    n)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);
      double x = c->rect.x + c->rect.width - 2, y = c->rect.y - 10;

      if (!(c->flags & SOC_GOAL_CARD_UNTIED))
        continue;
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + 8, y + 14);
      cairo_line_to (cr, x - 8, y + 14);
      cairo_close_path (cr);
      any = TRUE;
    }
  if (!any)
    return;
  soc_draw_set_color (cr, &state->palette->error);
  cairo_fill_preserve (cr);
  soc_draw_set_color (cr, &state->palette->background);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);
      double x = c->rect.x + c->rect.width - 2, y = c->rect.y - 10;

      if (!(c->flags & SOC_GOAL_CARD_UNTIED))
        continue;
      cairo_rectangle (cr, x - 0.9, y + 4.5, 1.8, 4.5);
      cairo_rectangle (cr, x - 0.9, y + 10.2, 1.8, 1.8);
    }
  soc_draw_set_color (cr, &state->palette->background);
  cairo_fill (cr);
}

static void
show_label (cairo_t        *cr,
            PangoLayout    *pl,
            const SocColor *color,
            double          x,
            double          y)
{
  soc_draw_set_color (cr, color);
  soc_text_show (cr, pl, x, y);
}

static void
paint_texts (cairo_t                 *cr,
             SocGoalLayout           *layout,
             const SocGoalPaintState *state,
             const guint             *cards,
             guint                    n)
{
  const SocPalette *p = state->palette;
  SocLabelCache *labels = state->labels;
  SocText *text;
  double small_h, label_h;

  if (labels == NULL || state->scale < TEXT_SCALE)
    return;
  text = soc_label_cache_get_text (labels);
  small_h = soc_text_get_height (text, SOC_TEXT_SMALL);
  label_h = soc_text_get_height (text, SOC_TEXT_LABEL);

  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);
      SocGoal *goal = c->goal;
      SocGoalKind kind = kind_of (c);
      SocGoalCardRows rows;
      const char *title;
      SocStakeholder *owner;
      PangoLayout *pl;
      double x, right, progress_w = 0, items_w = 0;
      const SocColor *title_color = (c->flags & SOC_GOAL_CARD_DROPPED) ? &p->text_dim : &p->text;

      if (goal == NULL)
        continue;
      soc_goal_layout_get_rows (layout, c, &rows);
      x = c->rect.x + rows.text_x;
      right = x + rows.text_width;

      /* The roadmap items that serve it, at the right of the kind's row. */
      if (c->n_items > 0)
        {
          char count[16];
          double natural;

          g_snprintf (count, sizeof count, "%u", c->n_items);
          pl = soc_label_cache_get (labels, key_of (goal, KEY_ITEMS), SOC_TEXT_SMALL, count, -1, &natural);
          show_label (cr, pl, &p->text_dim, right - natural, c->rect.y + rows.kind_y);
          items_glyph (cr, right - natural - 12, c->rect.y + rows.kind_y + (small_h - 9) / 2);
          soc_draw_set_color (cr, &p->text_dim);
          cairo_fill (cr);
          items_w = natural + 16;
        }

      /* The kind's name, after its symbol. */
      pl = soc_label_cache_get (labels, &kind_keys[kind], SOC_TEXT_SMALL,
                                soc_enum_to_label (SOC_TYPE_GOAL_KIND, kind),
                                MAX (rows.text_width - SYMBOL - 4 - items_w, 1), NULL);
      show_label (cr, pl, &p->text_dim, x + SYMBOL + 4, c->rect.y + rows.kind_y);

      /* The title, in its lines. */
      title = soc_goal_get_title (goal);
      if (title == NULL || title[0] == '\0')
        title = _("Untitled goal");
      if (c->title_lines > 1)
        pl = soc_label_cache_get_wrapped (labels, goal, SOC_TEXT_LABEL, title, rows.text_width, c->title_lines, NULL);
      else
        pl = soc_label_cache_get (labels, goal, SOC_TEXT_LABEL, title, rows.text_width, NULL);
      show_label (cr, pl, title_color, x, c->rect.y + rows.title_y + (rows.title_height - c->title_lines * label_h) / 2);

      /* The progress, at the right of the owner's row. */
      if (!isnan (c->progress))
        {
          /* Translators: a goal's progress on its card, a whole percentage */
          g_autofree char *percent = g_strdup_printf (_("%d %%"), (int) floor (c->progress * 100 + 0.5));

          pl = soc_label_cache_get (labels, key_of (goal, KEY_PROGRESS), SOC_TEXT_SMALL, percent, -1, &progress_w);
          show_label (cr, pl, &p->text, right - progress_w, c->rect.y + rows.owner_y);
          progress_w += 8;
        }

      /* The owner, or that there is none. */
      owner = soc_goal_get_owner (goal);
      {
        const char *name = owner != NULL ? soc_stakeholder_get_name (owner) : NULL;

        if (name == NULL || name[0] == '\0')
          name = owner != NULL ? _("Unnamed owner") : _("No owner");
        pl = soc_label_cache_get (labels, key_of (goal, KEY_OWNER), SOC_TEXT_SMALL, name,
                                  MAX (rows.text_width - progress_w, 1), NULL);
        /* Staffing counts the owners of initiatives: one without is a warning. */
        show_label (cr, pl, owner == NULL && kind == SOC_GOAL_KIND_INITIATIVE ? &p->warning : &p->text_dim,
                    x, c->rect.y + rows.owner_y);
      }

      /* A metric's numbers under its bar. */
      if (rows.values_y >= 0)
        {
          g_autofree char *values = values_text (goal);

          pl = soc_label_cache_get (labels, key_of (goal, KEY_VALUES), SOC_TEXT_SMALL, values, rows.text_width, NULL);
          show_label (cr, pl, &p->text_dim, x, c->rect.y + rows.values_y);
        }
    }
}

/* On paper, where nothing folds: the edge runs on through where the
 * button would be, and a dot joins it to the sub-goals'. */
static void
paint_junctions (cairo_t                 *cr,
                 SocGoalLayout           *layout,
                 const SocGoalPaintState *state,
                 const guint             *cards,
                 guint                    n)
{
  const SocPalette *p = state->palette;
  gboolean top_down = soc_goal_layout_get_orientation (layout) == SOC_GOAL_TOP_DOWN;

  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);
      double cx = c->toggle.x + c->toggle.width / 2, cy = c->toggle.y + c->toggle.height / 2;

      if (c->toggle.width <= 0)
        continue;
      if (top_down)
        {
          cairo_move_to (cr, cx, c->toggle.y);
          cairo_line_to (cr, cx, c->toggle.y + c->toggle.height);
        }
      else
        {
          cairo_move_to (cr, c->toggle.x, cy);
          cairo_line_to (cr, c->toggle.x + c->toggle.width, cy);
        }
    }
  soc_draw_set_color (cr, &p->arrow);
  cairo_set_line_width (cr, MAX (1.0, p->line_width));
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);

      if (c->toggle.width <= 0)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, c->toggle.x + c->toggle.width / 2, c->toggle.y + c->toggle.height / 2, 2.5, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

/* The buttons that fold sub-goals away: a minus when open, the number of
 * goals hidden when folded. */
static void
paint_toggles (cairo_t                 *cr,
               SocGoalLayout           *layout,
               const SocGoalPaintState *state,
               const guint             *cards,
               guint                    n)
{
  const SocPalette *p = state->palette;
  gboolean any = FALSE;

  if (p->kind == SOC_PALETTE_PRINT)
    {
      paint_junctions (cr, layout, state, cards, n);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);

      if (c->toggle.width <= 0)
        continue;
      soc_draw_rounded_rect (cr, &c->toggle, c->toggle.height / 2);
      any = TRUE;
    }
  if (!any)
    return;
  soc_draw_set_color (cr, &p->background);
  cairo_fill_preserve (cr);
  soc_draw_set_color (cr, &p->border);
  cairo_set_line_width (cr, MAX (1.0, p->line_width));
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);
      double cx = c->toggle.x + c->toggle.width / 2, cy = c->toggle.y + c->toggle.height / 2;

      if (c->toggle.width <= 0 || (c->flags & SOC_GOAL_CARD_COLLAPSED))
        continue;
      cairo_rectangle (cr, cx - 4, cy - 0.75, 8, 1.5);
    }
  soc_draw_set_color (cr, &p->text);
  cairo_fill (cr);

  if (state->labels == NULL || state->scale < TEXT_SCALE)
    return;
  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);
      char count[32];
      PangoLayout *pl;
      double natural;

      if (!(c->flags & SOC_GOAL_CARD_COLLAPSED) || c->goal == NULL)
        continue;
      g_snprintf (count, sizeof count, "+%u", c->n_hidden);
      pl = soc_label_cache_get (state->labels, key_of (c->goal, KEY_TOGGLE), SOC_TEXT_SMALL, count, -1, &natural);
      show_label (cr, pl, &p->text, c->toggle.x + (c->toggle.width - natural) / 2,
                  c->toggle.y + (c->toggle.height - soc_text_get_height (soc_label_cache_get_text (state->labels), SOC_TEXT_SMALL)) / 2);
    }
}

/* Dropped goals: the whole card faded. */
static void
paint_dropped (cairo_t                 *cr,
               SocGoalLayout           *layout,
               const SocGoalPaintState *state,
               const guint             *cards,
               guint                    n)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = card_at (layout, cards, i);

      if (c->flags & SOC_GOAL_CARD_DROPPED)
        {
          soc_draw_rounded_rect (cr, &c->rect, RADIUS);
          any = TRUE;
        }
    }
  if (any)
    {
      cairo_set_source_rgba (cr, state->palette->background.red, state->palette->background.green,
                             state->palette->background.blue, 0.45);
      cairo_fill (cr);
    }
}

/* Paints the N cards CARDS of LAYOUT (indexes), batched by colour. */
void
_soc_goal_paint_cards (cairo_t                 *cr,
                       SocGoalLayout           *layout,
                       const SocGoalPaintState *state,
                       const guint             *cards,
                       guint                    n)
{
  if (n == 0)
    return;
  paint_bodies (cr, layout, state, cards, n);
  paint_texts (cr, layout, state, cards, n);
  paint_dropped (cr, layout, state, cards, n);
  paint_toggles (cr, layout, state, cards, n);
  if (state->scale >= DETAIL_SCALE)
    paint_untied (cr, layout, state, cards, n);
}
