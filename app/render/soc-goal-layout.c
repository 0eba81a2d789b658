/* soc-goal-layout.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The goal tree's geometry, computed once per document change, fold or
 * orientation and only read after that, by the painter, hit testing and
 * the keyboard.
 *
 * The tree is tidy: parents centred over their children, subtrees never
 * overlapping, and as narrow as that allows. This is Walker's algorithm as
 * Buchheim, Jünger and Leipert made it linear ("Improving Walker's
 * algorithm to run in linear time", 2002): a walk from the leaves up puts
 * each subtree as close to its left neighbours as their contours allow,
 * spreading any shift over the subtrees between, and a walk down adds up
 * the shifts. Both walks are loops over arrays, never recursion: a plan
 * may hold a chain of 100,000 goals. Cards differ in size, so the distance
 * between two neighbours is half of each plus a gap.
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
 * metrics' bounds, and a title too long for one line takes two. Shaping
 * 100,000 titles would cost seconds, so widths come from each character's
 * advance, measured once per layout and character (one shaped string for
 * all of them): kerning aside, what shaping would say.
 */

#define G_LOG_DOMAIN "soc-goal-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "soc-checklist.h"
#include "soc-goal-layout.h"
#include "soc-object-list.h"
#include "soc-progress.h"

#define NONE          G_MAXUINT
#define FITS_ONE_LINE 0.97   /* of the room: what estimates as nearly full takes two lines */
#define KIND_GAP      2.0
#define OWNER_GAP     3.0
#define BAR_GAP       4.0
#define BAR_HEIGHT    5.0
#define VALUES_GAP    2.0
#define TOGGLE_GAP    6.0    /* between a card and its fold button */

/* Goals to their cards: a table of the right size from the start, open
 * addressing, of card numbers only (the card holds its goal), so that 
 * filling it for 100,000 goals stays in a processor's cache; GHashTable
 * grew, rehashed and missed the cache at a cost out of proportion. */
typedef struct
{
  guint *slots;    /* a card, or NONE */
  guint  mask;
} CardMap;

static guint
hash_pointer (gconstpointer p)
{
  guint64 x = (guint64) (guintptr) p;

  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  return (guint) x;
}

static void
card_map_init (CardMap *map,
               guint    n)
{
  guint size = 16;

  while (size < 2 * n)
    size *= 2;
  map->slots = g_new (guint, size);
  memset (map->slots, 0xff, size * sizeof (guint));
  map->mask = size - 1;
}

/* KEY's card is CARD; each key goes in once. */
static void
card_map_insert (CardMap       *map,
                 gconstpointer  key,
                 guint          card)
{
  guint i = hash_pointer (key) & map->mask;

  while (map->slots[i] != NONE)
    i = (i + 1) & map->mask;
  map->slots[i] = card;
}

struct _SocGoalLayout
{
  gatomicrefcount     ref_count;

  SocGoalOrientation  orientation;
  SocGoalMetrics      metrics;
  double              line_small;   /* text heights, for the rows of a card */
  double              line_label;
  double              width;
  double              height;
  guint64             work;

  GArray             *cards;        /* SocGoalCard, depth first */
  GArray             *level_first;  /* guint: each level's first in level_cards; one more at the end */
  GArray             *level_cards;  /* guint: the cards, level by level, each level in order */
  GArray             *level_offset; /* double: where each level starts along the depth axis */
  GArray             *level_extent; /* double: how deep it is */
  CardMap             card_of;      /* SocGoal -> card */
};

static guint
card_of (SocGoalLayout *self,
         gconstpointer  key)
{
  const CardMap *map = &self->card_of;

  if (map->slots == NULL || key == NULL)
    return NONE;
  for (guint i = hash_pointer (key) & map->mask; map->slots[i] != NONE; i = (i + 1) & map->mask)
    if (g_array_index (self->cards, SocGoalCard, map->slots[i]).goal == key)
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
/* The tidy tree                                                            */

/* One node of the tree being laid out: all it needs in one place, so the
 * walks touch one node's memory, not a line of fifteen arrays each. */
typedef struct
{
  guint  parent;
  guint  first_child;
  guint  last_child;
  guint  next_sibling;
  guint  prev_sibling;
  guint  number;            /* its place among its siblings */
  guint  thread;
  guint  ancestor;
  guint  default_ancestor;
  double breadth;           /* its size along the breadth axis */
  double prelim;
  double mod;
  double shift;
  double change;
} Node;

typedef struct
{
  guint     n;              /* nodes; node N is a root above the roots */
  Node     *nodes;
  double    sibling_gap;
  double    subtree_gap;
  guint64   work;
} Tidy;

static double
distance (Tidy  *t,
          guint  a,
          guint  b)
{
  const Node *na = &t->nodes[a], *nb = &t->nodes[b];
  gboolean siblings = na->parent == nb->parent && na->parent != t->n;

  return (na->breadth + nb->breadth) / 2 + (siblings ? t->sibling_gap : t->subtree_gap);
}

static guint
next_left (Tidy  *t,
           guint  v)
{
  return t->nodes[v].first_child != NONE ? t->nodes[v].first_child : t->nodes[v].thread;
}

static guint
next_right (Tidy  *t,
            guint  v)
{
  return t->nodes[v].last_child != NONE ? t->nodes[v].last_child : t->nodes[v].thread;
}

static void
move_subtree (Tidy   *t,
              guint   wl,
              guint   wr,
              double  shift)
{
  Node *l = &t->nodes[wl], *r = &t->nodes[wr];
  double subtrees = (double) r->number - l->number;

  r->change -= shift / subtrees;
  r->shift += shift;
  l->change += shift / subtrees;
  r->prelim += shift;
  r->mod += shift;
}

static void
execute_shifts (Tidy  *t,
                guint  v)
{
  double shift = 0, change = 0;

  for (guint w = t->nodes[v].last_child; w != NONE; w = t->nodes[w].prev_sibling)
    {
      Node *nw = &t->nodes[w];

      nw->prelim += shift;
      nw->mod += shift;
      change += nw->change;
      shift += nw->shift + change;
      t->work++;
    }
}

/* Pushes the subtree of V away from the subtrees of its left siblings
 * until their contours keep their distance; returns the new default
 * ancestor. */
static guint
apportion (Tidy  *t,
           guint  v,
           guint  default_ancestor)
{
  Node *nodes = t->nodes;
  guint w = nodes[v].prev_sibling;
  guint vip, vop, vim, vom;
  double sip, sop, sim, som;

  if (w == NONE)
    return default_ancestor;

  vip = vop = v;
  vim = w;
  vom = nodes[nodes[v].parent].first_child;
  sip = nodes[vip].mod;
  sop = nodes[vop].mod;
  sim = nodes[vim].mod;
  som = nodes[vom].mod;

  while (next_right (t, vim) != NONE && next_left (t, vip) != NONE)
    {
      double shift;

      vim = next_right (t, vim);
      vip = next_left (t, vip);
      vom = next_left (t, vom);
      vop = next_right (t, vop);
      nodes[vop].ancestor = v;
      shift = (nodes[vim].prelim + sim) - (nodes[vip].prelim + sip) + distance (t, vim, vip);
      if (shift > 0)
        {
          guint a = nodes[nodes[vim].ancestor].parent == nodes[v].parent ? nodes[vim].ancestor : default_ancestor;

          move_subtree (t, a, v, shift);
          sip += shift;
          sop += shift;
        }
      sim += nodes[vim].mod;
      sip += nodes[vip].mod;
      som += nodes[vom].mod;
      sop += nodes[vop].mod;
      t->work++;
    }
  if (next_right (t, vim) != NONE && next_right (t, vop) == NONE)
    {
      nodes[vop].thread = next_right (t, vim);
      nodes[vop].mod += sim - sop;
    }
  if (next_left (t, vip) != NONE && next_left (t, vom) == NONE)
    {
      nodes[vom].thread = next_left (t, vip);
      nodes[vom].mod += sip - som;
      default_ancestor = v;
    }
  return default_ancestor;
}

/* V's subtree is placed: V itself, over its children, after its left
 * sibling; then its subtree is moved clear of its left siblings'. */
static void
first_walk_finish (Tidy  *t,
                   guint  v)
{
  Node *nv = &t->nodes[v];
  guint w = nv->prev_sibling;
  guint p = nv->parent;

  if (nv->first_child == NONE)
    nv->prelim = w != NONE ? t->nodes[w].prelim + distance (t, w, v) : 0;
  else
    {
      double midpoint;

      execute_shifts (t, v);
      midpoint = (t->nodes[nv->first_child].prelim + t->nodes[nv->last_child].prelim) / 2;
      if (w != NONE)
        {
          nv->prelim = t->nodes[w].prelim + distance (t, w, v);
          nv->mod = nv->prelim - midpoint;
        }
      else
        nv->prelim = midpoint;
    }
  if (p != NONE)
    t->nodes[p].default_ancestor = apportion (t, v, t->nodes[p].default_ancestor);
  t->work++;
}

/* The first walk, leaves first, children left to right: a loop. */
static void
first_walk (Tidy *t)
{
  guint root = t->n;
  guint v = root;

  for (;;)
    {
      while (t->nodes[v].first_child != NONE)
        v = t->nodes[v].first_child;
      first_walk_finish (t, v);
      for (;;)
        {
          if (v == root)
            return;
          if (t->nodes[v].next_sibling != NONE)
            {
              v = t->nodes[v].next_sibling;
              break;
            }
          v = t->nodes[v].parent;
          first_walk_finish (t, v);
        }
    }
}

/* Lays out N nodes, given depth first by their PARENTS (NONE for a root)
 * with their sizes along the breadth axis; writes where each one's centre
 * goes along it into CENTRES. Returns the work done, in steps. */
static guint64
tidy_tree (guint          n,
           const guint   *parents,
           const double  *breadth,
           double         sibling_gap,
           double         subtree_gap,
           double        *centres)
{
  Tidy t = { 0 };
  guint total = n + 1;
  Node *nodes;

  t.n = n;
  t.sibling_gap = sibling_gap;
  t.subtree_gap = subtree_gap;
  t.nodes = nodes = g_new0 (Node, total);

  for (guint v = 0; v < total; v++)
    {
      Node *nv = &nodes[v];

      nv->parent = v < n ? (parents[v] == NONE ? n : parents[v]) : NONE;
      nv->first_child = nv->last_child = nv->next_sibling = nv->prev_sibling = NONE;
      nv->thread = NONE;
      nv->ancestor = v;
      if (v < n)
        nv->breadth = breadth[v];
    }
  for (guint v = 0; v < n; v++)
    {
      Node *np = &nodes[nodes[v].parent];

      if (np->last_child == NONE)
        np->first_child = v;
      else
        {
          nodes[np->last_child].next_sibling = v;
          nodes[v].prev_sibling = np->last_child;
          nodes[v].number = nodes[np->last_child].number + 1;
        }
      np->last_child = v;
    }
  for (guint v = 0; v < total; v++)
    nodes[v].default_ancestor = nodes[v].first_child;

  if (n > 0)
    first_walk (&t);

  /* The second walk: depth first, so every parent before its children.
   * The sum of the modifiers above a node goes in its shift, no longer
   * needed. */
  nodes[n].shift = 0;
  for (guint v = 0; v < n; v++)
    {
      Node *np = &nodes[nodes[v].parent];

      nodes[v].shift = np->shift + np->mod;
      centres[v] = nodes[v].prelim + nodes[v].shift;
    }

  g_free (nodes);
  return t.work;
}

/* ------------------------------------------------------------------------ */
/* Title widths, without shaping every title                                */

typedef struct
{
  SocText      *text;
  SocTextStyle  style;
  double        ascii[128];
  GHashTable   *other;       /* gunichar -> its advance in 1/1024 px, plus 1 */
} Widths;

/* The advance of each of the N characters CHARS, each shaped on its own
 * (a space between them), in one layout. */
static void
measure_chars (Widths         *w,
               const gunichar *chars,
               guint           n,
               double         *out)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree guint *offsets = g_new (guint, MAX (n, 1));
  g_autofree double *advance = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;

  for (guint i = 0; i < n; i++)
    {
      offsets[i] = s->len;
      g_string_append_unichar (s, chars[i]);
      g_string_append_c (s, ' ');
    }
  advance = g_new0 (double, s->len + 1);
  layout = soc_text_layout (w->text, w->style, s->str);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      for (int g = 0; g < run->glyphs->num_glyphs; g++)
        {
          int at = run->item->offset + run->glyphs->log_clusters[g];

          if (at >= 0 && (gsize) at < s->len)
            advance[at] += (double) run->glyphs->glyphs[g].geometry.width / PANGO_SCALE;
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  for (guint i = 0; i < n; i++)
    out[i] = advance[offsets[i]];
}

static void
widths_init (Widths       *w,
             SocText      *text,
             SocTextStyle  style)
{
  gunichar printable[95];
  double advances[95];

  w->text = text;
  w->style = style;
  w->other = g_hash_table_new (NULL, NULL);
  for (guint c = 0; c < 95; c++)
    printable[c] = 32 + c;
  measure_chars (w, printable, 95, advances);
  for (guint c = 0; c < 128; c++)
    w->ascii[c] = c >= 32 && c < 127 ? advances[c - 32] : 0;
}

static void
widths_clear (Widths *w)
{
  g_clear_pointer (&w->other, g_hash_table_unref);
}

/* TEXT's width, or -1 if it holds characters not measured yet, which are
 * added to PENDING. LINE_BREAK, if not NULL, is set when it holds one. */
static double
widths_estimate (Widths     *w,
                 const char *text,
                 GHashTable *pending,
                 gboolean   *line_break)
{
  double width = 0;
  gboolean complete = TRUE;

  for (const char *p = text; *p != '\0';)
    {
      guchar b = (guchar) *p;

      if (b < 0x80)
        {
          if (b == '\n' && line_break != NULL)
            *line_break = TRUE;
          width += w->ascii[b];
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          gpointer found = g_hash_table_lookup (w->other, GUINT_TO_POINTER (c));

          if (found != NULL)
            width += (GPOINTER_TO_UINT (found) - 1) / 1024.0;
          else
            {
              g_hash_table_add (pending, GUINT_TO_POINTER (c));
              complete = FALSE;
            }
          p = g_utf8_next_char (p);
        }
    }
  return complete ? width : -1;
}

/* Measures the characters in PENDING, all in one layout. */
static void
widths_learn (Widths     *w,
              GHashTable *pending)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autofree double *advances = NULL;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gunichar c = GPOINTER_TO_UINT (key);

      g_array_append_val (chars, c);
    }
  if (chars->len == 0)
    return;
  advances = g_new (double, chars->len);
  measure_chars (w, (gunichar *) chars->data, chars->len, advances);
  for (guint i = 0; i < chars->len; i++)
    g_hash_table_insert (w->other, GUINT_TO_POINTER (g_array_index (chars, gunichar, i)),
                         GUINT_TO_POINTER ((guint) (MAX (advances[i], 0) * 1024) + 1));
  g_hash_table_remove_all (pending);
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
  card_map_init (&self->card_of, n_cards);
  return self;
}

static gboolean
top_down (SocGoalLayout *self)
{
  return self->orientation == SOC_GOAL_TOP_DOWN;
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
  g_autofree double *breadth = g_new (double, MAX (n, 1));
  g_autofree double *centres = g_new (double, MAX (n, 1));
  g_autofree guint *fill = NULL;
  guint n_levels = 0;
  double lo = G_MAXDOUBLE, far_breadth = 0, depth;

  /* Levels, and each card's first child and count. */
  for (guint i = 0; i < n; i++)
    {
      SocGoalCard *c = &cards[i];

      c->level = c->parent == NONE ? 0 : cards[c->parent].level + 1;
      n_levels = MAX (n_levels, c->level + 1);
      parents[i] = c->parent;
      breadth[i] = top_down (self) ? c->rect.width : c->rect.height;
      if (c->parent != NONE)
        cards[c->parent].n_children++;
    }
  g_array_set_size (self->level_offset, n_levels);
  g_array_set_size (self->level_extent, n_levels);
  g_array_set_size (self->level_first, n_levels + 1);
  g_array_set_size (self->level_cards, n);
  memset (self->level_extent->data, 0, n_levels * sizeof (double));
  memset (self->level_first->data, 0, (n_levels + 1) * sizeof (guint));

  /* Each level's cards in depth-first order, which is their order along it. */
  {
    guint *first = (guint *) self->level_first->data;
    double *extent = (double *) self->level_extent->data;

    for (guint i = 0; i < n; i++)
      {
        first[cards[i].level + 1]++;
        extent[cards[i].level] = MAX (extent[cards[i].level],
                                      top_down (self) ? cards[i].rect.height : cards[i].rect.width);
      }
    for (guint l = 1; l <= n_levels; l++)
      first[l] += first[l - 1];
    fill = g_new0 (guint, MAX (n_levels, 1));
    for (guint i = 0; i < n; i++)
      {
        SocGoalCard *c = &cards[i];

        c->slot = fill[c->level]++;
        g_array_index (self->level_cards, guint, first[c->level] + c->slot) = i;
        if (c->parent != NONE && cards[c->parent].first_child == NONE)
          cards[c->parent].first_child = c->slot;
      }
  }

  self->work = tidy_tree (n, parents, breadth, m->sibling_gap, m->subtree_gap, centres);

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
      double d = g_array_index (self->level_offset, double, c->level);
      double t = m->toggle;
      double tw = MAX (c->toggle.width, t);

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
  g_autoptr(GArray) own = g_array_sized_new (FALSE, FALSE, sizeof (double), n_goals);
  g_autoptr(GArray) own_metrics = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_goals);
  g_autoptr(GArray) counts = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), n_goals);
  g_autoptr(GArray) parents = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_goals);
  g_autofree gboolean *linked = NULL;
  g_autofree gboolean *tie = NULL;
  g_autofree double *progress = NULL;
  g_autofree guint *n_metrics = NULL;
  SocObjectList *roots, *items;
  Widths label = { 0 }, small = { 0 };
  double inner_max;
  guint n;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = layout_alloc (orientation, metrics, n_goals);
  self->line_small = soc_text_get_height (text, SOC_TEXT_SMALL);
  self->line_label = soc_text_get_height (text, SOC_TEXT_LABEL);
  widths_init (&label, text, SOC_TEXT_LABEL);
  widths_init (&small, text, SOC_TEXT_SMALL);
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

      w = widths_estimate (&label, title != NULL && title[0] != '\0' ? title : _("Untitled goal"), pending, &line_break);
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
      g_array_append_val (parents, p.parent);
      g_array_append_val (own, value);
      g_array_append_val (own_metrics, value_metrics);
      g_array_append_val (counts, counted);
    }
  n = self->cards->len;

  /* Goals to cards, in a pass of its own: while the walk streams the plan
   * through the cache, the table would not stay in it. */
  for (guint i = 0; i < n; i++)
    card_map_insert (&self->card_of, g_array_index (self->cards, SocGoalCard, i).goal, i);

  /* The roadmap items that serve each goal shown, and the goals they tie
   * to a business objective. */
  linked = g_new0 (gboolean, MAX (n, 1));
  items = SOC_OBJECT_LIST (soc_document_get_items (document));
  for (guint i = 0; i < soc_object_list_get_size (items); i++)
    {
      SocItem *item = SOC_ITEM (soc_object_list_get (items, i));
      GPtrArray *serves = soc_item_get_serves (item);
      gboolean ties;

      if (serves == NULL || serves->len == 0)
        continue;
      ties = soc_checklist_item_ties (item);
      for (guint k = 0; k < serves->len; k++)
        {
          guint card = card_of (self, g_ptr_array_index (serves, k));

          if (card == NONE)
            continue;
          g_array_index (self->cards, SocGoalCard, card).n_items++;
          if (ties)
            linked[card] = TRUE;
        }
    }

  /* Factor 1's tie, passed down; progress, rolled up. */
  tie = g_new (gboolean, MAX (n, 1));
  progress = g_new (double, MAX (n, 1));
  n_metrics = g_new (guint, MAX (n, 1));
  soc_progress_roll_up (n, (const guint *) parents->data, (const double *) own->data,
                        (const guint *) own_metrics->data, (const gboolean *) counts->data, progress, n_metrics);
  for (guint i = 0; i < n; i++)
    {
      SocGoalCard *c = &g_array_index (self->cards, SocGoalCard, i);
      gboolean untied;

      tie[i] = soc_checklist_tie (c->kind, c->parent != NONE && tie[c->parent], linked[i], &untied);
      if (untied)
        c->flags |= SOC_GOAL_CARD_UNTIED;
      c->progress = progress[i];
      c->n_metrics = n_metrics[i];
    }

  /* Titles with characters not measured yet: those characters all at
   * once, then the titles again. */
  if (unmeasured->len > 0)
    {
      widths_learn (&label, pending);
      for (guint i = 0; i < unmeasured->len; i++)
        {
          guint index = g_array_index (unmeasured, guint, i);
          SocGoal *goal = g_array_index (self->cards, SocGoalCard, index).goal;
          const char *title = soc_goal_get_title (goal);

          g_array_index (self->cards, SocGoalCard, index).rect.width =
            MAX (widths_estimate (&label, title != NULL && title[0] != '\0' ? title : _("Untitled goal"), pending, NULL), 0);
        }
    }

  /* Sizes: as wide as the title, two lines when it needs more than one. */
  for (guint i = 0; i < n; i++)
    {
      SocGoalCard *c = &g_array_index (self->cards, SocGoalCard, i);
      double w = c->rect.width;

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
          cw = widths_estimate (&small, count, pending, NULL);
          c->toggle.width = MAX (cw, 0) + 12;
        }
    }
  widths_clear (&label);
  widths_clear (&small);

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
  guint i = card_of (self, goal);

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

static double
depth_start (SocGoalLayout *self,
             const SocRect *r)
{
  return top_down (self) ? r->y : r->x;
}

static double
depth_size (SocGoalLayout *self,
            const SocRect *r)
{
  return top_down (self) ? r->height : r->width;
}

static double
breadth_start (SocGoalLayout *self,
               const SocRect *r)
{
  return top_down (self) ? r->x : r->y;
}

static double
breadth_size (SocGoalLayout *self,
              const SocRect *r)
{
  return top_down (self) ? r->width : r->height;
}

static const SocGoalCard *
slot_card (SocGoalLayout *self,
           guint          level,
           guint          slot)
{
  return &g_array_index (self->cards, SocGoalCard, soc_goal_layout_get_slot (self, level, slot));
}

/* The first level whose band (with what reaches past it by REACH) ends
 * after D. */
static guint
level_at_or_after (SocGoalLayout *self,
                   double         d,
                   double         reach)
{
  guint lo = 0, hi = self->level_offset->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->level_offset, double, mid) + g_array_index (self->level_extent, double, mid) + reach <= d)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The first slot of LEVEL, from FIRST to END, whose card ends after B. */
static guint
slot_at_or_after (SocGoalLayout *self,
                  guint          level,
                  guint          first,
                  guint          end,
                  double         b)
{
  guint lo = first, hi = end;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const SocGoalCard *c = slot_card (self, level, mid);

      if (breadth_start (self, &c->rect) + breadth_size (self, &c->rect) <= b)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Appends to INDEXES (guint) the cards that meet RECT, level by level,
 * each level in order. */
void
soc_goal_layout_cards_in (SocGoalLayout *self,
                          const SocRect *rect,
                          GArray        *indexes)
{
  double d0 = depth_start (self, rect), d1 = d0 + depth_size (self, rect);
  double b0 = breadth_start (self, rect), b1 = b0 + breadth_size (self, rect);

  for (guint l = level_at_or_after (self, d0, 0); l < self->level_offset->len; l++)
    {
      guint size = soc_goal_layout_get_level_size (self, l);

      if (g_array_index (self->level_offset, double, l) >= d1)
        break;
      for (guint s = slot_at_or_after (self, l, 0, size, b0); s < size; s++)
        {
          guint index = soc_goal_layout_get_slot (self, l, s);
          const SocGoalCard *c = &g_array_index (self->cards, SocGoalCard, index);

          if (breadth_start (self, &c->rect) >= b1)
            break;
          if (soc_rect_intersects (&c->rect, rect))
            g_array_append_val (indexes, index);
        }
    }
}

/* Appends to INDEXES (guint) the cards whose edges to their sub-goals meet
 * RECT, each once, level by level. */
void
soc_goal_layout_parents_in (SocGoalLayout *self,
                            const SocRect *rect,
                            GArray        *indexes)
{
  double d0 = depth_start (self, rect), d1 = d0 + depth_size (self, rect);
  double b0 = breadth_start (self, rect), b1 = b0 + breadth_size (self, rect);
  guint n_levels = self->level_offset->len;
  guint l = level_at_or_after (self, d0, 0);

  /* The level above the first in view reaches down into it. */
  if (l > 0)
    l--;
  for (; l + 1 < n_levels; l++)
    {
      guint size = soc_goal_layout_get_level_size (self, l + 1);
      guint first, last;

      if (g_array_index (self->level_offset, double, l) >= d1)
        break;
      /* Edges run from a level's cards to the next level's start. */
      if (size == 0 || g_array_index (self->level_offset, double, l + 1) <= d0)
        continue;
      /* The children in view, and one on each side: an edge between two
       * of them may cross the view. Their parents are consecutive. */
      first = slot_at_or_after (self, l + 1, 0, size, b0);
      last = first;
      while (last < size && breadth_start (self, &slot_card (self, l + 1, last)->rect) < b1)
        last++;
      first = first > 0 ? first - 1 : 0;
      last = MIN (last, size - 1);
      {
        guint p0 = slot_card (self, l + 1, first)->parent;
        guint p1 = slot_card (self, l + 1, last)->parent;
        guint s0 = g_array_index (self->cards, SocGoalCard, p0).slot;
        guint s1 = g_array_index (self->cards, SocGoalCard, p1).slot;

        for (guint s = s0; s <= s1; s++)
          {
            guint index = soc_goal_layout_get_slot (self, l, s);
            const SocGoalCard *p = &g_array_index (self->cards, SocGoalCard, index);

            if (p->n_children > 0)
              g_array_append_val (indexes, index);
          }
      }
    }
}

/* The slots, FIRST to END (excluded), of CARD's children in the next level
 * that meet RECT along the breadth axis. */
void
soc_goal_layout_children_in (SocGoalLayout *self,
                             guint          card,
                             const SocRect *rect,
                             guint         *first,
                             guint         *end)
{
  const SocGoalCard *c = soc_goal_layout_get_card (self, card);
  double b0 = breadth_start (self, rect), b1 = b0 + breadth_size (self, rect);
  guint s, e = c->first_child + c->n_children;

  *first = *end = 0;
  if (c->n_children == 0)
    return;
  s = slot_at_or_after (self, c->level + 1, c->first_child, e, b0);
  *first = s;
  while (s < e && breadth_start (self, &slot_card (self, c->level + 1, s)->rect) < b1)
    s++;
  *end = s;
}

/* What is at X, Y: a card's fold button, or a card. */
gboolean
soc_goal_layout_hit (SocGoalLayout *self,
                     double         x,
                     double         y,
                     SocGoalHit    *hit)
{
  double d = top_down (self) ? y : x;
  double b = top_down (self) ? x : y;
  double reach = TOGGLE_GAP + self->metrics.toggle;

  memset (hit, 0, sizeof *hit);
  hit->card = NONE;
  for (guint l = level_at_or_after (self, d, reach); l < self->level_offset->len; l++)
    {
      guint size = soc_goal_layout_get_level_size (self, l);
      guint s;

      if (g_array_index (self->level_offset, double, l) - reach > d)
        break;
      /* The fold buttons stick out of their cards, and may be wider. */
      s = slot_at_or_after (self, l, 0, size, b - reach * 4);
      for (; s < size; s++)
        {
          guint index = soc_goal_layout_get_slot (self, l, s);
          const SocGoalCard *c = &g_array_index (self->cards, SocGoalCard, index);

          if (breadth_start (self, &c->rect) > b + reach * 4)
            break;
          if (c->toggle.width > 0 && soc_rect_contains_point (&c->toggle, x, y))
            {
              hit->kind = SOC_GOAL_HIT_TOGGLE;
              hit->card = index;
              hit->goal = c->goal;
              return TRUE;
            }
          if (soc_rect_contains_point (&c->rect, x, y))
            {
              hit->kind = SOC_GOAL_HIT_CARD;
              hit->card = index;
              hit->goal = c->goal;
            }
        }
      if (hit->kind != SOC_GOAL_HIT_NONE)
        return TRUE;
    }
  return FALSE;
}

/* The card nearest to CENTRE along the breadth axis among the slots FIRST
 * to END of LEVEL. */
static guint
nearest_in (SocGoalLayout *self,
            guint          level,
            guint          first,
            guint          end,
            double         centre)
{
  guint s = slot_at_or_after (self, level, first, end, centre);
  guint best = NONE;
  double best_d = G_MAXDOUBLE;

  for (guint i = s > first ? s - 1 : first; i < end && i <= s; i++)
    {
      const SocGoalCard *c = slot_card (self, level, i);
      double mid = breadth_start (self, &c->rect) + breadth_size (self, &c->rect) / 2;

      if (fabs (mid - centre) < best_d)
        {
          best_d = fabs (mid - centre);
          best = soc_goal_layout_get_slot (self, level, i);
        }
    }
  return best;
}

/* The card the arrow keys go to from CARD, by position: along its level
 * to the card beside it; towards the root to its parent; away from it to
 * its nearest sub-goal, or without one to the nearest card of the next
 * level. FALSE at the edges. */
gboolean
soc_goal_layout_neighbour (SocGoalLayout *self,
                           guint          card,
                           SocDirection   direction,
                           guint         *neighbour)
{
  const SocGoalCard *c;
  gboolean along, forward;
  double centre;
  guint size, found;

  g_return_val_if_fail (card < self->cards->len, FALSE);

  c = &g_array_index (self->cards, SocGoalCard, card);
  if (top_down (self))
    {
      along = direction == SOC_DIRECTION_LEFT || direction == SOC_DIRECTION_RIGHT;
      forward = direction == SOC_DIRECTION_RIGHT || direction == SOC_DIRECTION_DOWN;
    }
  else
    {
      along = direction == SOC_DIRECTION_UP || direction == SOC_DIRECTION_DOWN;
      forward = direction == SOC_DIRECTION_DOWN || direction == SOC_DIRECTION_RIGHT;
    }

  size = soc_goal_layout_get_level_size (self, c->level);
  if (along)
    {
      if (forward ? c->slot + 1 >= size : c->slot == 0)
        return FALSE;
      *neighbour = soc_goal_layout_get_slot (self, c->level, forward ? c->slot + 1 : c->slot - 1);
      return TRUE;
    }

  if (!forward)
    {
      if (c->parent == NONE)
        return FALSE;
      *neighbour = c->parent;
      return TRUE;
    }

  if (c->level + 1 >= self->level_offset->len)
    return FALSE;
  centre = breadth_start (self, &c->rect) + breadth_size (self, &c->rect) / 2;
  if (c->n_children > 0)
    found = nearest_in (self, c->level + 1, c->first_child, c->first_child + c->n_children, centre);
  else
    found = nearest_in (self, c->level + 1, 0, soc_goal_layout_get_level_size (self, c->level + 1), centre);
  if (found == NONE)
    return FALSE;
  *neighbour = found;
  return TRUE;
}
