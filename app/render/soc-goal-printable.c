/* soc-goal-printable.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The goal tree as SocPrintable: the same layout and painter as the
 * screen, with the print palette and no state, every goal shown (nothing
 * folded). A picture of a fixed size, scaled to the paper within the
 * smallest readable text; pages may end only between cards, never through
 * one, down and across: the cards' extents each way (with the fold button
 * and the mark over a card that is not tied to a business objective) are
 * merged once into sorted, disjoint spans, and a break is looked up among
 * them by bisection.
 *
 * On paper the tree runs left to right by default: its levels are few and
 * its leaves many, so it is narrow and flows down over pages between
 * cards, as an outline does, where top-down it would be many pages wide.
 */

#define G_LOG_DOMAIN "soc-goal-printable"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "soc-enum-types.h"
#include "soc-goal-painter.h"
#include "soc-goal-printable.h"
#include "soc-palette.h"

/* How far a card's marks reach beyond its rect (the warning triangle over
 * the top right corner of a card that is not tied to a business
 * objective), and a little more. */
#define MARK_ABOVE 12.0
#define MARK_RIGHT 10.0
#define MARK_ROOM  2.0

typedef struct
{
  double top;
  double bottom;
} Span;

struct _SocGoalPrintable
{
  GObject        parent_instance;

  SocDocument   *document;
  SocText       *text;
  SocLabelCache *labels;
  SocGoalLayout *layout;
  GArray        *spans;     /* Span, sorted and disjoint: where no page may end, down */
  GArray        *columns;   /* ...and across */
  GArray        *in;        /* ...and down, minding only the cards across IN_LEFT to IN_RIGHT */
  double         in_left;
  double         in_right;
};

static void    soc_goal_printable_iface_init (SocPrintableInterface *iface);
static GArray *collect_spans                 (SocGoalLayout         *layout,
                                              double                 left_limit,
                                              double                 right_limit,
                                              GArray               **columns);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocGoalPrintable, soc_goal_printable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SOC_TYPE_PRINTABLE, soc_goal_printable_iface_init))

static const char *
get_name (SocPrintable *printable)
{
  return _("Goal tree");
}

static void
get_size (SocPrintable *printable,
          double       *width,
          double       *height)
{
  SocGoalPrintable *self = SOC_GOAL_PRINTABLE (printable);

  *width = soc_goal_layout_get_width (self->layout);
  *height = soc_goal_layout_get_height (self->layout);
}

/* The last place in (TOP, BOTTOM] outside every one of SPANS: BOTTOM
 * itself, or the top of the span BOTTOM falls in; TOP when that is not
 * below TOP. */
static double
find_in (GArray *array,
         double  top,
         double  bottom)
{
  const Span *spans = (const Span *) array->data;
  guint lo = 0, hi = array->len;

  /* The first span whose bottom is past BOTTOM. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (spans[mid].bottom <= bottom)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == array->len || spans[lo].top >= bottom)
    return bottom;
  return spans[lo].top > top ? spans[lo].top : top;
}

static double
find_break (SocPrintable *printable,
            double        top,
            double        bottom)
{
  return find_in (SOC_GOAL_PRINTABLE (printable)->spans, top, bottom);
}

static double
find_break_in (SocPrintable *printable,
               double        left,
               double        right,
               double        top,
               double        bottom)
{
  SocGoalPrintable *self = SOC_GOAL_PRINTABLE (printable);

  /* Pages are flowed a column at a time: the spans of one column, kept. */
  if (self->in == NULL || left != self->in_left || right != self->in_right)
    {
      g_clear_pointer (&self->in, g_array_unref);
      self->in = collect_spans (self->layout, left, right, NULL);
      self->in_left = left;
      self->in_right = right;
    }
  return find_in (self->in, top, bottom);
}

/* The top of the first span of the column LEFT to RIGHT that ends below
 * TOP: TOP itself when TOP is inside one. */
static double
find_content_in (SocPrintable *printable,
                 double        left,
                 double        right,
                 double        top)
{
  SocGoalPrintable *self = SOC_GOAL_PRINTABLE (printable);
  const Span *spans;
  guint lo = 0, hi;

  find_break_in (printable, left, right, top, top);
  spans = (const Span *) self->in->data;
  hi = self->in->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (spans[mid].bottom <= top)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == self->in->len)
    return G_MAXDOUBLE;
  return MAX (spans[lo].top, top);
}

static double
find_column_break (SocPrintable *printable,
                   double        left,
                   double        right)
{
  return find_in (SOC_GOAL_PRINTABLE (printable)->columns, left, right);
}

static double
get_min_text (SocPrintable *printable)
{
  return soc_text_get_size (SOC_GOAL_PRINTABLE (printable)->text, SOC_TEXT_SMALL);
}

static void
paint (SocPrintable  *printable,
       cairo_t       *cr,
       const SocRect *visible)
{
  SocGoalPrintable *self = SOC_GOAL_PRINTABLE (printable);
  SocGoalPaintState state;

  soc_goal_paint_state_init (&state, soc_palette_get (SOC_PALETTE_PRINT), self->labels);
  soc_goal_paint (cr, self->layout, &state, visible, SOC_GOAL_PAINT_CONTENT);
}

static void
get_legend (SocPrintable *printable,
            GArray       *entries)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  SocColor ink = soc_color_with_alpha (&p->text, 1);
  SocColor ground = soc_color_with_alpha (&p->background, 1);
  SocColor track = soc_color_mix (&ink, &ground, 0.84);
  SocColor objective = soc_palette_goal_color (p, SOC_GOAL_KIND_BUSINESS_OBJECTIVE);

  soc_legend_add (entries, SOC_LEGEND_HEADING, NULL, NULL, _("Kind"));
  for (SocGoalKind k = SOC_GOAL_KIND_VISION; k <= SOC_GOAL_KIND_METRIC; k++)
    {
      SocColor c = soc_palette_goal_color (p, k);

      soc_legend_add (entries, SOC_LEGEND_SQUARE, &c, NULL, soc_enum_to_label (SOC_TYPE_GOAL_KIND, k));
    }
  soc_legend_add (entries, SOC_LEGEND_HEADING, NULL, NULL, _("Marks"));
  /* Translators: in the key to the printed goal tree: the bar on a card */
  soc_legend_add (entries, SOC_LEGEND_BAR, &track, &objective, _("Progress measured below the goal"));
  /* Translators: in the key to the printed goal tree: the red triangle over a card (success factor 1) */
  soc_legend_add (entries, SOC_LEGEND_TRIANGLE, &p->error, &ground, _("Not tied to a business objective"));
}

static void
soc_goal_printable_iface_init (SocPrintableInterface *iface)
{
  iface->get_name = get_name;
  iface->get_size = get_size;
  iface->find_break = find_break;
  iface->find_column_break = find_column_break;
  iface->find_break_in = find_break_in;
  iface->find_content_in = find_content_in;
  iface->get_min_text = get_min_text;
  iface->paint = paint;
  iface->get_legend = get_legend;
}

static void
soc_goal_printable_finalize (GObject *object)
{
  SocGoalPrintable *self = SOC_GOAL_PRINTABLE (object);

  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->in, g_array_unref);
  g_clear_pointer (&self->layout, soc_goal_layout_unref);
  g_clear_pointer (&self->labels, soc_label_cache_free);
  g_clear_pointer (&self->text, soc_text_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (soc_goal_printable_parent_class)->finalize (object);
}

static void
soc_goal_printable_class_init (SocGoalPrintableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = soc_goal_printable_finalize;
}

static void
soc_goal_printable_init (SocGoalPrintable *self)
{
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  return (x->top > y->top) - (x->top < y->top);
}

/* Sorts SPANS and merges those that overlap. */
static void
merge_spans (GArray *spans)
{
  guint merged = 0;

  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *s = &g_array_index (spans, Span, i);
      Span *last = merged > 0 ? &g_array_index (spans, Span, merged - 1) : NULL;

      if (last != NULL && s->top < last->bottom)
        last->bottom = MAX (last->bottom, s->bottom);
      else
        g_array_index (spans, Span, merged++) = *s;
    }
  g_array_set_size (spans, merged);
}

/* Where no page may end: the extent with its marks of every card that
 * reaches across between LEFT and RIGHT, down the page (returned) and, if
 * COLUMNS is not NULL, across it into *COLUMNS, merged. */
static GArray *
collect_spans (SocGoalLayout  *layout,
               double          left_limit,
               double          right_limit,
               GArray        **columns)
{
  guint n = soc_goal_layout_get_n_cards (layout);
  GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (Span), n);

  if (columns != NULL)
    *columns = g_array_sized_new (FALSE, FALSE, sizeof (Span), n);
  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = soc_goal_layout_get_card (layout, i);
      double left = c->rect.x, top = c->rect.y - MARK_ABOVE;
      double right = c->rect.x + c->rect.width + MARK_RIGHT, bottom = c->rect.y + c->rect.height;
      Span down, across;

      if (c->toggle.width > 0)
        {
          left = MIN (left, c->toggle.x);
          top = MIN (top, c->toggle.y);
          right = MAX (right, c->toggle.x + c->toggle.width);
          bottom = MAX (bottom, c->toggle.y + c->toggle.height);
        }
      down.top = top - MARK_ROOM;
      down.bottom = bottom + MARK_ROOM;
      across.top = left - MARK_ROOM;
      across.bottom = right + MARK_ROOM;
      if (across.bottom > left_limit && across.top < right_limit)
        g_array_append_val (spans, down);
      if (columns != NULL)
        g_array_append_val (*columns, across);
    }
  merge_spans (spans);
  if (columns != NULL)
    merge_spans (*columns);
  return spans;
}

/* DOCUMENT's goal tree, every goal shown, running in ORIENTATION, its text
 * shaped by TEXT (NULL: the default family). */
SocGoalPrintable *
soc_goal_printable_new (SocDocument        *document,
                        SocGoalOrientation  orientation,
                        SocText            *text)
{
  SocGoalPrintable *self;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  self = g_object_new (SOC_TYPE_GOAL_PRINTABLE, NULL);
  self->document = g_object_ref (document);
  self->text = text != NULL ? soc_text_ref (text) : soc_text_new (NULL);
  self->labels = soc_label_cache_new (self->text);
  self->layout = soc_goal_layout_new (document, self->text, NULL, orientation, NULL);
  self->spans = collect_spans (self->layout, -G_MAXDOUBLE, G_MAXDOUBLE, &self->columns);
  return self;
}

SocGoalLayout *
soc_goal_printable_get_layout (SocGoalPrintable *self)
{
  g_return_val_if_fail (SOC_IS_GOAL_PRINTABLE (self), NULL);
  return self->layout;
}
