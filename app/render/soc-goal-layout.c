/* soc-goal-layout.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The goal tree's geometry, computed once per document change, fold or
 * orientation and only read after that, by the painter, hit testing and
 * the keyboard.
 *
 * The tree is tidy (soc-goal-tidy.c): parents centred over their
 * children, subtrees never overlapping, as narrow as that allows, in
 * linear time and without recursion.
 *
 * The breadth axis (x top-down, y left-to-right) is the algorithm's; along
 * the depth axis each level is as deep as its deepest card, and cards
 * start where their level starts.
 *
 * Cards are stored depth first, and each level holds its cards in order
 * along the breadth axis (depth-first order is that order, level by level).
 * So a frame finds the levels it shows by binary search on their depth and
 * the cards of each by binary search along it: what it reads follows what
 * is visible, never the plan's size. A card's children are consecutive in
 * the next level, so the edges of a frame are found the same way.
 *
 * A collapsed card takes one card's room; the goals under it are counted,
 * not laid out. Cards are as wide as their title needs, between the
 * metrics' bounds, and a title too long for one line takes two; widths
 * come from each character's advance (soc-char-widths.c), not from
 * shaping every title.
 */

#define G_LOG_DOMAIN "soc-goal-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "soc-char-widths.h"
#include "soc-checklist.h"
#include "soc-goal-layout-private.h"
#include "soc-goal-tidy.h"
#include "soc-object-list.h"
#include "soc-progress.h"

#define FITS_ONE_LINE 0.97   /* of the room: what estimates as nearly full takes two lines */
#define KIND_GAP      2.0
#define OWNER_GAP     3.0
#define BAR_GAP       4.0
#define BAR_HEIGHT    5.0
#define VALUES_GAP    2.0

static guint
hash_pointer (gconstpointer p)
{
  guint64 x = (guint64) (guintptr) p;

  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  return (guint) x;
}

/* The map of GOALS, N of them, each to its place in GOALS; it takes
 * GOALS. */
static void
card_map_init (CardMap  *map,
               SocGoal **goals,
               guint     n)
{
  guint size = 16;

  while (size < 2 * n)
    size *= 2;
  map->slots = g_new (guint, size);
  memset (map->slots, 0xff, size * sizeof (guint));
  map->mask = size - 1;
  map->goals = goals;
  for (guint card = 0; card < n; card++)
    {
      guint i = hash_pointer (goals[card]) & map->mask;

      while (map->slots[i] != NONE)
        i = (i + 1) & map->mask;
      map->slots[i] = card;
    }
}

/* GOAL's card, or NONE. */
guint
_soc_goal_layout_card_of (SocGoalLayout *self,
                          gconstpointer  key)
{
  const CardMap *map = &self->card_of;

  if (map->slots == NULL || key == NULL)
    return NONE;
  for (guint i = hash_pointer (key) & map->mask; map->slots[i] != NONE; i = (i + 1) & map->mask)
    if (map->goals[map->slots[i]] == key)
      return map->slots[i];
  return NONE;
}

void
soc_goal_metrics_init (SocGoalMetrics *metrics)
{
  metrics->min_width = 184;
  metrics->max_width = 264;
  metrics->padding = 8;
  metrics->strip = 4;
  metrics->sibling_gap = 16;
  metrics->subtree_gap = 28;
  metrics->level_gap = 44;
  metrics->margin = 32;
  metrics->toggle = 16;
}

/* ------------------------------------------------------------------------ */
/* Cards                                                                    */

static void
card_rows (SocGoalLayout   *self,
           gboolean         metric,
           guint            title_lines,
           double           width,
           SocGoalCardRows *rows)
{
  const SocGoalMetrics *m = &self->metrics;

  rows->text_x = m->strip + m->padding;
  rows->text_width = MAX (width - rows->text_x - m->padding, 1);
  rows->kind_y = m->padding - 2;
  rows->title_y = rows->kind_y + self->line_small + KIND_GAP;
  rows->title_height = title_lines * self->line_label;
  rows->owner_y = rows->title_y + rows->title_height + OWNER_GAP;
  rows->bar_y = rows->owner_y + self->line_small + BAR_GAP;
  rows->bar_height = BAR_HEIGHT;
  rows->values_y = metric ? rows->bar_y + BAR_HEIGHT + VALUES_GAP : -1;
}

static double
card_height (SocGoalLayout   *self,
             gboolean         metric,
             guint            title_lines)
{
  SocGoalCardRows rows;

  card_rows (self, metric, title_lines, self->metrics.max_width, &rows);
  return (metric ? rows.values_y + self->line_small : rows.bar_y + rows.bar_height) + self->metrics.padding;
}

/* Where the rows of CARD go, from the top left of its rect. */
void
soc_goal_layout_get_rows (SocGoalLayout     *self,
                          const SocGoalCard *card,
                          SocGoalCardRows   *rows)
{
  gboolean metric = card->goal != NULL && card->kind == SOC_GOAL_KIND_METRIC;

  card_rows (self, metric, card->title_lines, card->rect.width, rows);
}

static SocGoalLayout *
layout_alloc (SocGoalOrientation    orientation,
              const SocGoalMetrics *metrics,
              guint                 n_cards)
{
  SocGoalLayout *self = g_new0 (SocGoalLayout, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->orientation = orientation;
  if (metrics != NULL)
    self->metrics = *metrics;
  else
    soc_goal_metrics_init (&self->metrics);
  /* Room for every card, untouched until it is written. */
  self->cards = g_array_sized_new (FALSE, FALSE, sizeof (SocGoalCard), n_cards);
  self->level_first = g_array_new (FALSE, FALSE, sizeof (guint));
  self->level_cards = g_array_new (FALSE, FALSE, sizeof (guint));
  self->level_offset = g_array_new (FALSE, FALSE, sizeof (double));
  self->level_extent = g_array_new (FALSE, FALSE, sizeof (double));
  return self;
}

/* Places the cards, whose parents, sizes and flags are set (and the widths
 * of their fold buttons, if wider than usual): levels, the tidy tree along
 * the breadth axis, rects, fold buttons, levels' slots. */
static void
place (SocGoalLayout *self)
{
  const SocGoalMetrics *m = &self->metrics;
  guint n = self->cards->len;
  SocGoalCard *cards = (SocGoalCard *) self->cards->data;
  g_autofree guint *parents = g_new (guint, MAX (n, 1));
  g_autofree guint *levels = g_new (guint, MAX (n, 1));
  g_autofree guint *slots = g_new (guint, MAX (n, 1));
  g_autofree guint *n_children = g_new0 (guint, MAX (n, 1));
  g_autofree guint *first_child = g_new (guint, MAX (n, 1));
  g_autofree double *breadth = g_new (double, MAX (n, 1));
  g_autofree double *centres = g_new (double, MAX (n, 1));
  g_autofree guint *fill = NULL;
  guint n_levels = 0;
  double lo = G_MAXDOUBLE, far_breadth = 0, depth;

  /* The cards are read once here and written once at the end, and the
   * work between is done aside: for 100,000 goals they are 12 MB, out of
   * a processor's cache, and every pass over them costs as much as the
   * tidy tree itself. */
  g_array_set_size (self->level_extent, 0);
  g_array_set_size (self->level_first, 1);
  g_array_index (self->level_first, guint, 0) = 0;

  /* Levels, how many cards each holds and how deep it is, and each card's
   * children. */
  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = &cards[i];
      guint level = c->parent == NONE ? 0 : levels[c->parent] + 1;
      double extent = top_down (self) ? c->rect.height : c->rect.width;

      levels[i] = level;
      parents[i] = c->parent;
      breadth[i] = top_down (self) ? c->rect.width : c->rect.height;
      if (c->parent != NONE)
        n_children[c->parent]++;
      if (level + 1 > n_levels)
        {
          /* Only ever one more: a card's level is its parent's and one. */
          double zero = 0;
          guint none = 0;

          n_levels = level + 1;
          g_array_append_val (self->level_extent, zero);
          g_array_append_val (self->level_first, none);
        }
      g_array_index (self->level_first, guint, level + 1)++;
      if (extent > g_array_index (self->level_extent, double, level))
        g_array_index (self->level_extent, double, level) = extent;
    }
  g_array_set_size (self->level_offset, n_levels);
  g_array_set_size (self->level_cards, n);

  /* Each level's cards in depth-first order, which is their order along it. */
  {
    guint *first = (guint *) self->level_first->data;
    guint *level_cards = (guint *) self->level_cards->data;

    for (guint l = 1; l <= n_levels; l++)
      first[l] += first[l - 1];
    fill = g_new0 (guint, MAX (n_levels, 1));
    for (guint i = 0; i < n; i++)
      {
        slots[i] = fill[levels[i]]++;
        level_cards[first[levels[i]] + slots[i]] = i;
        first_child[i] = NONE;
        if (parents[i] != NONE && first_child[parents[i]] == NONE)
          first_child[parents[i]] = slots[i];
      }
  }

  self->work = soc_goal_tidy (n, parents, breadth, m->sibling_gap, m->subtree_gap, centres);

  /* Along the breadth axis: from the margin. */
  for (guint i = 0; i < n; i++)
    lo = MIN (lo, centres[i] - breadth[i] / 2);
  depth = m->margin;
  for (guint l = 0; l < n_levels; l++)
    {
      g_array_index (self->level_offset, double, l) = depth;
      depth += g_array_index (self->level_extent, double, l) + m->level_gap;
    }
  for (guint i = 0; i < n; i++)
    {
      SocGoalCard *c = &cards[i];
      double b = centres[i] - breadth[i] / 2 - lo + m->margin;
      double d = g_array_index (self->level_offset, double, levels[i]);
      double t = m->toggle;
      double tw = MAX (c->toggle.width, t);

      c->level = levels[i];
      c->slot = slots[i];
      c->n_children = n_children[i];
      c->first_child = first_child[i];
      far_breadth = MAX (far_breadth, b + breadth[i]);
      if (top_down (self))
        {
          c->rect.x = b;
          c->rect.y = d;
        }
      else
        {
          c->rect.x = d;
          c->rect.y = b;
        }
      if (c->n_children > 0 || c->n_hidden > 0)
        {
          /* Just past the card, where its edges leave: clear of the
           * rings that mark a selected or focused card. */
          if (top_down (self))
            c->toggle = SOC_RECT_INIT (c->rect.x + c->rect.width / 2 - tw / 2, c->rect.y + c->rect.height + TOGGLE_GAP, tw, t);
          else
            c->toggle = SOC_RECT_INIT (c->rect.x + c->rect.width + TOGGLE_GAP, c->rect.y + c->rect.height / 2 - t / 2, tw, t);
        }
    }
  if (n == 0)
    far_breadth = m->margin;
  depth = n_levels > 0 ? depth - m->level_gap + TOGGLE_GAP + m->toggle : m->margin;
  if (top_down (self))
    {
      self->width = far_breadth + m->margin;
      self->height = depth + m->margin;
    }
  else
    {
      self->width = depth + m->margin;
      self->height = far_breadth + m->margin;
    }
}

static SocGoalCard
new_card (guint parent)
{
  SocGoalCard c = { 0 };

  c.parent = parent;
  c.kind = SOC_GOAL_KIND_INITIATIVE;
  c.first_child = NONE;
  c.title_lines = 1;
  c.progress = NAN;
  return c;
}

/* A layout of a bare tree of N_NODES cards of WIDTHS by HEIGHTS, given
 * depth first by their PARENTS (SOC_GOAL_NO_CARD for a root; each parent
 * before its children, siblings in order): for tests and measurements of
 * shapes no plan would be allowed to have. */
SocGoalLayout *
soc_goal_layout_new_for_tree (guint                 n_nodes,
                              const guint          *parents,
                              const double         *widths,
                              const double         *heights,
                              SocGoalOrientation    orientation,
                              const SocGoalMetrics *metrics)
{
  SocGoalLayout *self = layout_alloc (orientation, metrics, n_nodes);

  g_array_set_size (self->cards, n_nodes);
  for (guint i = 0; i < n_nodes; i++)
    {
      SocGoalCard *c = &g_array_index (self->cards, SocGoalCard, i);

      g_return_val_if_fail (parents[i] == NONE || parents[i] < i, self);
      *c = new_card (parents[i]);
      c->rect.width = widths[i];
      c->rect.height = heights[i];
    }
  place (self);
  return self;
}

typedef struct
{
  SocGoal *goal;
  guint    parent;
} Pending;

/* The goals under GOAL, hidden while it is folded: how many, and the
 * progress of GOAL's whole subtree as the core rolls it up, without
 * recursion. */
static guint
fold_subtree (SocGoal *goal,
              double  *progress,
              guint   *n_metrics)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autofree double *rolled = NULL;
  g_autofree guint *metrics = NULL;
  Pending root = { goal, SOC_PROGRESS_NO_PARENT };

  g_array_append_val (stack, root);
  while (stack->len > 0)
    {
      Pending p = g_array_index (stack, Pending, stack->len - 1);
      SocObjectList *children = (SocObjectList *) soc_goal_get_children (p.goal);
      guint place = parents->len;
      double v = soc_progress_of_metric (p.goal);
      gboolean c = soc_progress_counts (p.goal);

      g_array_set_size (stack, stack->len - 1);
      g_array_append_val (parents, p.parent);
      g_array_append_val (own, v);
      g_array_append_val (counts, c);
      for (guint i = soc_object_list_get_size (children); i > 0; i--)
        {
          Pending q = { (SocGoal *) soc_object_list_get (children, i - 1), place };

          g_array_append_val (stack, q);
        }
    }
  rolled = g_new (double, parents->len);
  metrics = g_new (guint, parents->len);
  soc_progress_roll_up (parents->len, (const guint *) parents->data, (const double *) own->data, NULL,
                        (const gboolean *) counts->data, rolled, metrics);
  *progress = rolled[0];
  *n_metrics = metrics[0];
  return parents->len - 1;
}

/* The layout of DOCUMENT's goal tree in ORIENTATION with METRICS (NULL:
 * the defaults), titles measured with TEXT; the goals in COLLAPSED (a set
 * of SocGoal, or NULL) show without their sub-goals.
 *
 * Each goal is read once, in one walk depth first: a plan of 100,000
 * goals does not fit a processor's caches, and every walk and lookup more
 * costs more than its share. Progress is rolled up and factor 1's tie
 * passed down over the cards' own arrays, by the core's rules. */
SocGoalLayout *
soc_goal_layout_new (SocDocument          *document,
                     SocText              *text,
                     GHashTable           *collapsed,
                     SocGoalOrientation    orientation,
                     const SocGoalMetrics *metrics)
{
  SocGoalLayout *self;
  guint n_goals = soc_document_get_n_goals (document);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autoptr(GHashTable) pending = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) unmeasured = g_array_new (FALSE, FALSE, sizeof (guint));
  /* Aside from the cards, each as long as the cards can be, no longer (a
   * GArray would round 100,000 goals' worth up to the next power of two),
   * and freed as soon as done with: the heap stays small enough that the
   * C library keeps it from one layout to the next rather than handing it
   * back and faulting it in again. */
  g_autofree double *own = g_new (double, MAX (n_goals, 1));
  g_autofree guint *own_metrics = g_new (guint, MAX (n_goals, 1));
  g_autofree gboolean *counts = g_new (gboolean, MAX (n_goals, 1));
  g_autofree guint *parents = g_new (guint, MAX (n_goals, 1));
  SocGoal **goals;   /* kept, for the map */
  g_autofree gboolean *linked = NULL;
  g_autofree guint *n_items = NULL;
  g_autofree gboolean *tie = NULL;
  g_autofree double *progress = NULL;
  g_autofree guint *n_metrics = NULL;
  SocObjectList *roots;
  SocObject **members;
  guint n_members;
  g_autoptr(SocCharWidths) label = NULL;
  g_autoptr(SocCharWidths) small = NULL;
  double inner_max;
  guint n;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = layout_alloc (orientation, metrics, n_goals);
  goals = g_new (SocGoal *, MAX (n_goals, 1));
  self->line_small = soc_text_get_height (text, SOC_TEXT_SMALL);
  self->line_label = soc_text_get_height (text, SOC_TEXT_LABEL);
  label = soc_char_widths_new (text, SOC_TEXT_LABEL);
  small = soc_char_widths_new (text, SOC_TEXT_SMALL);
  inner_max = self->metrics.max_width - self->metrics.strip - 2 * self->metrics.padding;

  /* The cards, depth first; a collapsed goal's sub-goals are counted and
   * rolled up, not shown. */
  roots = SOC_OBJECT_LIST (soc_document_get_goals (document));
  for (guint i = soc_object_list_get_size (roots); i > 0; i--)
    {
      Pending p = { SOC_GOAL (soc_object_list_get (roots, i - 1)), NONE };

      g_array_append_val (stack, p);
    }
  while (stack->len > 0)
    {
      Pending p = g_array_index (stack, Pending, stack->len - 1);
      SocObjectList *children = (SocObjectList *) soc_goal_get_children (p.goal);
      guint n_children = soc_object_list_get_size (children);
      guint index = self->cards->len;
      SocGoalCard c = new_card (p.parent);
      const char *title = soc_goal_get_title (p.goal);
      SocGoalStatus status = soc_goal_get_status (p.goal);
      gboolean line_break = FALSE;
      gboolean counted = soc_progress_counts (p.goal);
      double value = soc_progress_of_metric (p.goal);
      guint value_metrics = 1;
      double w;

      g_array_set_size (stack, stack->len - 1);
      c.goal = p.goal;
      c.kind = soc_goal_get_kind (p.goal);
      if (status == SOC_GOAL_STATUS_DROPPED)
        c.flags |= SOC_GOAL_CARD_DROPPED;
      else if (status == SOC_GOAL_STATUS_ACHIEVED)
        c.flags |= SOC_GOAL_CARD_ACHIEVED;

      w = soc_char_widths_estimate (label, title != NULL && title[0] != '\0' ? title : _("Untitled goal"), pending, &line_break);
      if (w < 0)
        g_array_append_val (unmeasured, index);
      c.title_lines = line_break ? 2 : 1;
      c.rect.width = w;   /* the title's, for now */

      if (n_children > 0 && collapsed != NULL && g_hash_table_contains (collapsed, p.goal))
        {
          c.flags |= SOC_GOAL_CARD_COLLAPSED;
          c.n_hidden = fold_subtree (p.goal, &value, &value_metrics);
        }
      else
        for (guint i = n_children; i > 0; i--)
          {
            /* Not checked: a goal's children are goals, and checking would
             * read each child now and again when its turn comes. */
            Pending q = { (SocGoal *) soc_object_list_get (children, i - 1), index };

            g_array_append_val (stack, q);
          }
      g_array_append_val (self->cards, c);
      parents[index] = p.parent;
      goals[index] = p.goal;
      own[index] = value;
      own_metrics[index] = value_metrics;
      counts[index] = counted;
    }
  n = self->cards->len;

  /* Goals to cards, in a pass of its own over the goals alone: while the
   * walk streams the plan through the cache, the table would not stay in
   * it. */
  card_map_init (&self->card_of, goals, n);

  /* The roadmap items that serve each goal shown, and the goals they tie
   * to a business objective: counted aside, not in the cards, which would
   * be read out of order. */
  linked = g_new0 (gboolean, MAX (n, 1));
  n_items = g_new0 (guint, MAX (n, 1));
  members = soc_object_list_peek (SOC_OBJECT_LIST (soc_document_get_items (document)), &n_members);
  for (guint i = 0; i < n_members; i++)
    {
      SocItem *item = SOC_ITEM (members[i]);
      GPtrArray *serves;
      gboolean ties;

      soc_checklist_fetch_ties (members, n_members, i);
      serves = soc_item_get_serves (item);
      if (serves == NULL || serves->len == 0)
        continue;
      ties = soc_checklist_item_ties (item);
      for (guint k = 0; k < serves->len; k++)
        {
          guint card = _soc_goal_layout_card_of (self, g_ptr_array_index (serves, k));

          if (card == NONE)
            continue;
          n_items[card]++;
          if (ties)
            linked[card] = TRUE;
        }
    }

  /* Titles with characters not measured yet: those characters all at
   * once, then the titles again. */
  if (unmeasured->len > 0)
    {
      soc_char_widths_learn (label, pending);
      for (guint i = 0; i < unmeasured->len; i++)
        {
          guint index = g_array_index (unmeasured, guint, i);
          const char *title = soc_goal_get_title (goals[index]);

          g_array_index (self->cards, SocGoalCard, index).rect.width =
            MAX (soc_char_widths_estimate (label, title != NULL && title[0] != '\0' ? title : _("Untitled goal"), pending, NULL), 0);
        }
    }

  /* Progress, rolled up; then in one pass over the cards, factor 1's tie
   * passed down, and sizes: as wide as the title, two lines when it needs
   * more than one. */
  tie = g_new (gboolean, MAX (n, 1));
  progress = g_new (double, MAX (n, 1));
  n_metrics = g_new (guint, MAX (n, 1));
  soc_progress_roll_up (n, parents, own, own_metrics, counts, progress, n_metrics);
  g_clear_pointer (&own, g_free);
  g_clear_pointer (&own_metrics, g_free);
  g_clear_pointer (&counts, g_free);
  g_clear_pointer (&parents, g_free);
  for (guint i = 0; i < n; i++)
    {
      SocGoalCard *c = &g_array_index (self->cards, SocGoalCard, i);
      double w = c->rect.width;
      gboolean untied;

      tie[i] = soc_checklist_tie (c->kind, c->parent != NONE && tie[c->parent], linked[i], &untied);
      if (untied)
        c->flags |= SOC_GOAL_CARD_UNTIED;
      c->progress = progress[i];
      c->n_metrics = n_metrics[i];
      c->n_items = n_items[i];

      if (w > inner_max * FITS_ONE_LINE)
        c->title_lines = 2;
      if (c->title_lines == 2)
        c->rect.width = self->metrics.max_width;
      else
        c->rect.width = CLAMP (ceil (w + self->metrics.strip + 2 * self->metrics.padding),
                               self->metrics.min_width, self->metrics.max_width);
      c->rect.height = card_height (self, c->kind == SOC_GOAL_KIND_METRIC, c->title_lines);
      if (c->flags & SOC_GOAL_CARD_COLLAPSED)
        {
          char count[32];
          double cw;

          g_snprintf (count, sizeof count, "+%u", c->n_hidden);
          cw = soc_char_widths_estimate (small, count, pending, NULL);
          c->toggle.width = MAX (cw, 0) + 12;
        }
    }
  g_clear_pointer (&linked, g_free);
  g_clear_pointer (&n_items, g_free);
  g_clear_pointer (&tie, g_free);
  g_clear_pointer (&progress, g_free);
  g_clear_pointer (&n_metrics, g_free);

  place (self);
  return self;
}

SocGoalLayout *
soc_goal_layout_ref (SocGoalLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
soc_goal_layout_unref (SocGoalLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->cards);
  g_array_unref (self->level_first);
  g_array_unref (self->level_cards);
  g_array_unref (self->level_offset);
  g_array_unref (self->level_extent);
  g_free (self->card_of.slots);
  g_free (self->card_of.goals);
  g_free (self);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

SocGoalOrientation
soc_goal_layout_get_orientation (SocGoalLayout *self)
{
  return self->orientation;
}

const SocGoalMetrics *
soc_goal_layout_get_metrics (SocGoalLayout *self)
{
  return &self->metrics;
}

double
soc_goal_layout_get_width (SocGoalLayout *self)
{
  return self->width;
}

double
soc_goal_layout_get_height (SocGoalLayout *self)
{
  return self->height;
}

/* The steps the tidy tree took: a measure of its work, linear in the
 * cards, for tests. */
guint64
soc_goal_layout_get_work (SocGoalLayout *self)
{
  return self->work;
}

guint
soc_goal_layout_get_n_cards (SocGoalLayout *self)
{
  return self->cards->len;
}

const SocGoalCard *
soc_goal_layout_get_card (SocGoalLayout *self,
                          guint          index)
{
  g_return_val_if_fail (index < self->cards->len, NULL);
  return &g_array_index (self->cards, SocGoalCard, index);
}

/* GOAL's card, or NULL when it has none (hidden under a collapsed one). */
const SocGoalCard *
soc_goal_layout_find_card (SocGoalLayout *self,
                           SocGoal       *goal,
                           guint         *index)
{
  guint i = _soc_goal_layout_card_of (self, goal);

  if (i == NONE)
    return NULL;
  if (index != NULL)
    *index = i;
  return &g_array_index (self->cards, SocGoalCard, i);
}

guint
soc_goal_layout_get_n_levels (SocGoalLayout *self)
{
  return self->level_offset->len;
}

guint
soc_goal_layout_get_level_size (SocGoalLayout *self,
                                guint          level)
{
  g_return_val_if_fail (level < self->level_offset->len, 0);
  return g_array_index (self->level_first, guint, level + 1) - g_array_index (self->level_first, guint, level);
}

/* The card at SLOT of LEVEL. */
guint
soc_goal_layout_get_slot (SocGoalLayout *self,
                          guint          level,
                          guint          slot)
{
  g_return_val_if_fail (level < self->level_offset->len, NONE);
  g_return_val_if_fail (slot < soc_goal_layout_get_level_size (self, level), NONE);
  return g_array_index (self->level_cards, guint, g_array_index (self->level_first, guint, level) + slot);
}

/* Where the edges from LEVEL to its sub-goals run along the depth axis:
 * half way to the next level. */
double
soc_goal_layout_get_bus (SocGoalLayout *self,
                         guint          level)
{
  double end;

  g_return_val_if_fail (level < self->level_offset->len, 0);
  end = g_array_index (self->level_offset, double, level) + g_array_index (self->level_extent, double, level);
  return round (end + self->metrics.level_gap / 2);
}
