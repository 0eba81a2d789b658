/* test-goal-layout.c: the goal tree's layout and painter without a display:
 * a tidy tree on random trees and on the shapes plans may take, hit
 * testing, the keyboard's neighbours, culling, and pixels
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <math.h>

#include "soc-checklist.h"
#include "soc-edit.h"
#include "soc-goal-painter.h"
#include "soc-progress.h"
#include "soc-test-util.h"

#define FAMILY "DejaVu Sans"
#define NONE   SOC_GOAL_NO_CARD
#define EPS    1e-6

static const SocGoalOrientation orientations[] = { SOC_GOAL_TOP_DOWN, SOC_GOAL_LEFT_RIGHT };

static double
breadth_start (SocGoalLayout *layout,
               const SocRect *r)
{
  return soc_goal_layout_get_orientation (layout) == SOC_GOAL_TOP_DOWN ? r->x : r->y;
}

static double
breadth_end (SocGoalLayout *layout,
             const SocRect *r)
{
  return soc_goal_layout_get_orientation (layout) == SOC_GOAL_TOP_DOWN ? r->x + r->width : r->y + r->height;
}

static double
centre (SocGoalLayout *layout,
        const SocRect *r)
{
  return (breadth_start (layout, r) + breadth_end (layout, r)) / 2;
}

/* A random tree of N nodes, depth first: each node goes under a node on
 * the path to the one before it, deeper with DEEP percent more chance. */
static guint *
random_tree (GRand *rand,
             guint  n,
             int    deep)
{
  guint *parents = g_new (guint, n);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      guint at;

      if (i == 0 || g_rand_int_range (rand, 0, 100) < 3)
        at = 0;   /* another root, now and then */
      else if (g_rand_int_range (rand, 0, 100) < deep)
        at = path->len;
      else
        at = g_rand_int_range (rand, 1, path->len + 1);
      g_array_set_size (path, at);
      parents[i] = at == 0 ? NONE : g_array_index (path, guint, at - 1);
      g_array_append_val (path, i);
    }
  return parents;
}

/* What every tidy layout holds: cards in their level's band, neighbours in
 * a level apart by their gap at least, parents centred over their
 * children, children in order, everything inside the content. */
static void
check_invariants (SocGoalLayout *layout,
                  const guint   *parents,
                  guint          n)
{
  const SocGoalMetrics *m = soc_goal_layout_get_metrics (layout);
  gboolean td = soc_goal_layout_get_orientation (layout) == SOC_GOAL_TOP_DOWN;
  g_autofree guint *last_child = g_new (guint, MAX (n, 1));
  guint seen = 0;

  g_assert_cmpuint (soc_goal_layout_get_n_cards (layout), ==, n);
  for (guint i = 0; i < n; i++)
    last_child[i] = NONE;

  for (guint i = 0; i < n; i++)
    {
      const SocGoalCard *c = soc_goal_layout_get_card (layout, i);

      g_assert_cmpuint (c->parent, ==, parents[i]);
      g_assert_cmpuint (c->level, ==, parents[i] == NONE ? 0 : soc_goal_layout_get_card (layout, parents[i])->level + 1);
      g_assert_cmpuint (soc_goal_layout_get_slot (layout, c->level, c->slot), ==, i);
      /* Inside the content, clear of the margin. */
      g_assert_cmpfloat (c->rect.x, >=, m->margin - EPS);
      g_assert_cmpfloat (c->rect.y, >=, m->margin - EPS);
      g_assert_cmpfloat (c->rect.x + c->rect.width, <=, soc_goal_layout_get_width (layout) - m->margin + EPS + (td ? 0 : m->toggle));
      g_assert_cmpfloat (c->rect.y + c->rect.height, <=, soc_goal_layout_get_height (layout) - m->margin + EPS + (td ? m->toggle : 0));
      /* Siblings in their order. */
      if (parents[i] != NONE)
        {
          if (last_child[parents[i]] != NONE)
            g_assert_cmpuint (soc_goal_layout_get_card (layout, last_child[parents[i]])->slot + 1, ==, c->slot);
          last_child[parents[i]] = i;
        }
    }

  for (guint l = 0; l < soc_goal_layout_get_n_levels (layout); l++)
    {
      guint size = soc_goal_layout_get_level_size (layout, l);

      for (guint s = 0; s < size; s++)
        {
          guint i = soc_goal_layout_get_slot (layout, l, s);
          const SocGoalCard *c = soc_goal_layout_get_card (layout, i);

          seen++;
          g_assert_cmpuint (c->level, ==, l);
          /* No overlap: the next card in the level starts a gap further on. */
          if (s + 1 < size)
            {
              const SocGoalCard *d = soc_goal_layout_get_card (layout, soc_goal_layout_get_slot (layout, l, s + 1));
              double gap = c->parent == d->parent && c->parent != NONE ? m->sibling_gap : m->subtree_gap;

              g_assert_cmpfloat (breadth_start (layout, &d->rect) - breadth_end (layout, &c->rect), >=, gap - 1e-6);
              g_assert_false (soc_rect_intersects (&c->rect, &d->rect));
            }
          /* Centred over its children. */
          if (c->n_children > 0)
            {
              const SocGoalCard *first = soc_goal_layout_get_card (layout, soc_goal_layout_get_slot (layout, l + 1, c->first_child));
              const SocGoalCard *last = soc_goal_layout_get_card (layout, soc_goal_layout_get_slot (layout, l + 1, c->first_child + c->n_children - 1));

              g_assert_cmpfloat_with_epsilon (centre (layout, &c->rect),
                                              (centre (layout, &first->rect) + centre (layout, &last->rect)) / 2, 1e-6);
              g_assert_cmpuint (first->parent, ==, i);
              g_assert_cmpuint (last->parent, ==, i);
            }
          /* Levels do not meet: the next one starts past this card. */
          if (l + 1 < soc_goal_layout_get_n_levels (layout) && soc_goal_layout_get_level_size (layout, l + 1) > 0)
            {
              const SocGoalCard *below = soc_goal_layout_get_card (layout, soc_goal_layout_get_slot (layout, l + 1, 0));

              if (td)
                g_assert_cmpfloat (below->rect.y, >=, c->rect.y + c->rect.height + m->level_gap - EPS);
              else
                g_assert_cmpfloat (below->rect.x, >=, c->rect.x + c->rect.width + m->level_gap - EPS);
            }
        }
    }
  g_assert_cmpuint (seen, ==, n);
  /* Linear: a few steps per card, whatever the shape. */
  g_assert_cmpuint (soc_goal_layout_get_work (layout), <=, 4 * (guint64) n + 4);
}

static void
sizes (GRand  *rand,
       guint   n,
       double *widths,
       double *heights)
{
  for (guint i = 0; i < n; i++)
    {
      widths[i] = rand != NULL ? g_rand_double_range (rand, 120, 270) : 200;
      heights[i] = rand != NULL ? g_rand_double_range (rand, 50, 110) : 80;
    }
}

static void
test_random_trees (void)
{
  static const guint counts[] = { 1, 2, 3, 10, 60, 400, 3000 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 3; round++)
    for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
      for (guint o = 0; o < G_N_ELEMENTS (orientations); o++)
        {
          guint n = counts[k];
          g_autofree guint *parents = random_tree (rand, n, round * 40);
          g_autofree double *widths = g_new (double, n);
          g_autofree double *heights = g_new (double, n);
          g_autoptr(SocGoalLayout) layout = NULL;

          sizes (rand, n, widths, heights);
          layout = soc_goal_layout_new_for_tree (n, parents, widths, heights, orientations[o], NULL);
          check_invariants (layout, parents, n);
        }
}

/* A chain 100,000 deep and a star 100,000 wide lay out, in a few steps
 * per card, with no recursion to run out of stack; so do a complete
 * binary tree and two long chains side by side, whose contours the
 * algorithm walks. */
static void
test_shapes (void)
{
  const guint n = 100000;
  g_autofree guint *parents = g_new (guint, n);
  g_autofree double *widths = g_new (double, n);
  g_autofree double *heights = g_new (double, n);

  sizes (NULL, n, widths, heights);
  for (guint o = 0; o < G_N_ELEMENTS (orientations); o++)
    {
      g_autoptr(SocGoalLayout) chain = NULL;
      g_autoptr(SocGoalLayout) star = NULL;
      g_autoptr(SocGoalLayout) binary = NULL;
      g_autoptr(SocGoalLayout) twins = NULL;
      g_autoptr(SocGoalLayout) empty = soc_goal_layout_new_for_tree (0, parents, widths, heights, orientations[o], NULL);
      SocRect everything = SOC_RECT_INIT (-1e6, -1e6, 2e6, 2e6);
      g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (guint));

      /* No goal at all: nothing, anywhere. */
      g_assert_cmpuint (soc_goal_layout_get_n_cards (empty), ==, 0);
      g_assert_cmpuint (soc_goal_layout_get_n_levels (empty), ==, 0);
      soc_goal_layout_cards_in (empty, &everything, none);
      g_assert_cmpuint (none->len, ==, 0);

      for (guint i = 0; i < n; i++)
        parents[i] = i == 0 ? NONE : i - 1;
      chain = soc_goal_layout_new_for_tree (n, parents, widths, heights, orientations[o], NULL);
      check_invariants (chain, parents, n);
      g_assert_cmpuint (soc_goal_layout_get_n_levels (chain), ==, n);
      for (guint i = 1; i < n; i++)
        g_assert_cmpfloat (centre (chain, &soc_goal_layout_get_card (chain, i)->rect), ==,
                           centre (chain, &soc_goal_layout_get_card (chain, 0)->rect));

      for (guint i = 0; i < n; i++)
        parents[i] = i == 0 ? NONE : 0;
      star = soc_goal_layout_new_for_tree (n, parents, widths, heights, orientations[o], NULL);
      check_invariants (star, parents, n);
      g_assert_cmpuint (soc_goal_layout_get_level_size (star, 1), ==, n - 1);
      /* As compact as it can be: leaves a sibling gap apart. */
      g_assert_cmpfloat_with_epsilon (breadth_end (star, &soc_goal_layout_get_card (star, n - 1)->rect) -
                                      breadth_start (star, &soc_goal_layout_get_card (star, 1)->rect),
                                      (n - 1) * (orientations[o] == SOC_GOAL_TOP_DOWN ? 200.0 : 80.0) +
                                      (n - 2) * soc_goal_layout_get_metrics (star)->sibling_gap, 1e-3);

      /* Depth first: node i's children in a complete binary tree. */
      {
        guint next = 0;
        g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
        guint frame[2] = { NONE, 0 };

        /* (parent, depth) in a depth-first walk of a complete tree of depth 15. */
        g_array_append_val (stack, frame);
        while (stack->len > 0 && next < n)
          {
            guint *top = &g_array_index (stack, guint, (stack->len - 1) * 2);
            guint parent = top[0], depth = top[1];
            guint me = next++;

            g_array_set_size (stack, stack->len - 1);
            parents[me] = parent;
            if (depth < 15)
              for (int c = 0; c < 2; c++)
                {
                  guint child[2] = { me, depth + 1 };

                  g_array_append_val (stack, child);
                }
          }
        binary = soc_goal_layout_new_for_tree (next, parents, widths, heights, orientations[o], NULL);
        check_invariants (binary, parents, next);
      }

      /* A root over two chains of 50,000: the second is pushed clear of
       * the first all the way down. */
      parents[0] = NONE;
      for (guint i = 1; i < n; i++)
        parents[i] = i == 1 || i == n / 2 ? 0 : i - 1;
      twins = soc_goal_layout_new_for_tree (n, parents, widths, heights, orientations[o], NULL);
      check_invariants (twins, parents, n);
    }
}

/* Walker's promise: a small subtree between two wide ones sits half way. */
static void
test_spacing (void)
{
  /* 0 root; 1 with three children, 5 a leaf, 6 with three children. */
  const guint parents[] = { NONE, 0, 1, 1, 1, 0, 0, 6, 6, 6 };
  double widths[G_N_ELEMENTS (parents)], heights[G_N_ELEMENTS (parents)];
  g_autoptr(SocGoalLayout) layout = NULL;

  sizes (NULL, G_N_ELEMENTS (parents), widths, heights);
  layout = soc_goal_layout_new_for_tree (G_N_ELEMENTS (parents), parents, widths, heights, SOC_GOAL_TOP_DOWN, NULL);
  check_invariants (layout, parents, G_N_ELEMENTS (parents));
  {
    double a = centre (layout, &soc_goal_layout_get_card (layout, 1)->rect);
    double b = centre (layout, &soc_goal_layout_get_card (layout, 5)->rect);
    double c = centre (layout, &soc_goal_layout_get_card (layout, 6)->rect);
    const SocGoalMetrics *m = soc_goal_layout_get_metrics (layout);

    g_assert_cmpfloat_with_epsilon (b - a, c - b, 1e-6);
    /* The two wide subtrees as close as their leaves allow. */
    g_assert_cmpfloat_with_epsilon (soc_goal_layout_get_card (layout, 7)->rect.x -
                                    (soc_goal_layout_get_card (layout, 4)->rect.x + 200), m->subtree_gap, 1e-6);
  }
}

/* ------------------------------------------------------------------------ */
/* A plan's tree                                                            */

static SocGoalLayout *
example_layout (SocDocument        *doc,
                SocText            *text,
                GHashTable         *collapsed,
                SocGoalOrientation  orientation)
{
  return soc_goal_layout_new (doc, text, collapsed, orientation, NULL);
}

static void
test_document (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(GHashTable) collapsed = g_hash_table_new (NULL, NULL);
  SocGoal *competence = SOC_GOAL (soc_document_lookup (doc, "g3"));
  SocProgress *progress = soc_progress_get (doc);
  g_autoptr(GHashTable) untied = soc_checklist_find_untied (doc);

  for (guint o = 0; o < G_N_ELEMENTS (orientations); o++)
    {
      g_autoptr(SocGoalLayout) layout = example_layout (doc, text, NULL, orientations[o]);
      g_autoptr(SocGoalLayout) folded = NULL;
      const SocGoalMetrics *m = soc_goal_layout_get_metrics (layout);
      g_autofree guint *parents = g_new (guint, soc_goal_layout_get_n_cards (layout));
      guint n = soc_goal_layout_get_n_cards (layout), index;
      const SocGoalCard *card;

      g_assert_cmpuint (n, ==, soc_document_get_n_goals (doc));
      for (guint i = 0; i < n; i++)
        parents[i] = soc_goal_layout_get_card (layout, i)->parent;
      check_invariants (layout, parents, n);

      for (guint i = 0; i < n; i++)
        {
          const SocGoalCard *c = soc_goal_layout_get_card (layout, i);
          SocGoal *parent = soc_goal_get_parent (c->goal);
          double shaped = soc_text_width (text, SOC_TEXT_LABEL, soc_goal_get_title (c->goal));
          SocGoalCardRows rows;
          guint n_metrics;

          /* Each card is its goal's, under its parent's card. */
          g_assert_true (soc_goal_layout_find_card (layout, c->goal, NULL) == c);
          g_assert_true (parent == NULL ? c->parent == NONE : soc_goal_layout_get_card (layout, c->parent)->goal == parent);
          /* What it says: progress as the core rolls it up, the checklist's own untied goals. */
          g_assert_true (c->progress == soc_progress_lookup (progress, c->goal, &n_metrics) ||
                         (isnan (c->progress) && isnan (soc_progress_lookup (progress, c->goal, NULL))));
          g_assert_cmpuint (c->n_metrics, ==, n_metrics);
          g_assert_cmpint (!!(c->flags & SOC_GOAL_CARD_UNTIED), ==, g_hash_table_contains (untied, c->goal));

          /* Sized from its title as shaping would wrap it: one line when it
           * fits the widest card, as wide as it needs; else two. */
          soc_goal_layout_get_rows (layout, c, &rows);
          g_assert_cmpfloat (c->rect.width, >=, m->min_width);
          g_assert_cmpfloat (c->rect.width, <=, m->max_width);
          if (c->title_lines == 1)
            g_assert_cmpfloat (shaped, <=, rows.text_width + 2);
          else
            {
              g_assert_cmpuint (c->title_lines, ==, 2);
              g_assert_cmpfloat (c->rect.width, ==, m->max_width);
              g_assert_cmpfloat (shaped, >, rows.text_width * 0.9);
            }
          g_assert_cmpfloat (rows.bar_y + rows.bar_height, <, c->rect.height);
        }

      /* Roadmap items that serve a goal, counted: g5 by seven. */
      card = soc_goal_layout_find_card (layout, SOC_GOAL (soc_document_lookup (doc, "g5")), NULL);
      g_assert_cmpuint (card->n_items, ==, 7);

      /* Folded: its goals have no card, it takes one card's room and says
       * how many it hides. */
      g_hash_table_add (collapsed, competence);
      folded = example_layout (doc, text, collapsed, orientations[o]);
      g_hash_table_remove_all (collapsed);
      card = soc_goal_layout_find_card (folded, competence, &index);
      g_assert_nonnull (card);
      g_assert_true (card->flags & SOC_GOAL_CARD_COLLAPSED);
      g_assert_cmpuint (card->n_children, ==, 0);
      g_assert_cmpuint (card->n_hidden, ==, 4);
      g_assert_cmpfloat (card->toggle.width, >, 0);
      g_assert_cmpuint (soc_goal_layout_get_n_cards (folded), ==, n - 4);
      g_assert_null (soc_goal_layout_find_card (folded, SOC_GOAL (soc_document_lookup (doc, "g5")), NULL));
      g_assert_cmpfloat (orientations[o] == SOC_GOAL_TOP_DOWN ? soc_goal_layout_get_width (folded) : soc_goal_layout_get_height (folded), <,
                         orientations[o] == SOC_GOAL_TOP_DOWN ? soc_goal_layout_get_width (layout) : soc_goal_layout_get_height (layout));
    }
}

/* Titles the characters of which were never seen: measured all at once,
 * and close to what shaping says. */
static void
test_title_widths (void)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocGoalLayout) layout = NULL;
  static const char *titles[] = {
    "Ünternehmenskultur öffnen: Wissen teilen, Fragen stellen",
    "Ça marche ! Été",
    "Ἀρετή",
    "x",
    "",
    "Recognise skill building in public",
    "Naïve café owners’ résumés",
    "A title with a line\nbreak in it",
    "A very long title that cannot possibly fit on one line of even the widest card we allow",
  };
  g_autoptr(GError) error = NULL;
  guint wide = 0;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(SocGoal) goal = soc_goal_new (SOC_GOAL_KIND_SOCIAL_OBJECTIVE);

      g_object_set (goal, "title", titles[i], NULL);
      g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (goal), NULL, i, &error));
      g_assert_no_error (error);
    }
  layout = example_layout (doc, text, NULL, SOC_GOAL_TOP_DOWN);
  for (guint i = 0; i < soc_goal_layout_get_n_cards (layout); i++)
    {
      const SocGoalCard *c = soc_goal_layout_get_card (layout, i);
      const char *title = soc_goal_get_title (c->goal);
      SocGoalCardRows rows;

      soc_goal_layout_get_rows (layout, c, &rows);
      if (title != NULL && strchr (title, '\n') != NULL)
        g_assert_cmpuint (c->title_lines, ==, 2);
      else if (title != NULL && title[0] != '\0')
        {
          double shaped = soc_text_width (text, SOC_TEXT_LABEL, title);

          if (c->title_lines == 1 && c->rect.width > soc_goal_layout_get_metrics (layout)->min_width)
            {
              /* As wide as the title: the estimate within a pixel or two. */
              g_assert_cmpfloat (fabs (rows.text_width - shaped), <, 3);
              wide++;
            }
          if (c->title_lines == 1)
            g_assert_cmpfloat (shaped, <=, rows.text_width + 2);
          else
            g_assert_cmpfloat (shaped, >, rows.text_width * 0.95);
        }
    }
  g_assert_cmpuint (wide, >=, 2);
}

/* ------------------------------------------------------------------------ */
/* Hit testing, the keyboard, culling                                       */

static void
test_hit (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocText) text = soc_text_new (FAMILY);

  for (guint o = 0; o < G_N_ELEMENTS (orientations); o++)
    {
      g_autoptr(SocGoalLayout) layout = example_layout (doc, text, NULL, orientations[o]);
      const SocGoalMetrics *m = soc_goal_layout_get_metrics (layout);
      SocGoalHit hit;

      for (guint i = 0; i < soc_goal_layout_get_n_cards (layout); i++)
        {
          const SocGoalCard *c = soc_goal_layout_get_card (layout, i);

          /* Its corners and middle find it. */
          g_assert_true (soc_goal_layout_hit (layout, c->rect.x + 1, c->rect.y + 1, &hit));
          g_assert_cmpint (hit.kind, ==, SOC_GOAL_HIT_CARD);
          g_assert_cmpuint (hit.card, ==, i);
          g_assert_true (hit.goal == c->goal);
          g_assert_true (soc_goal_layout_hit (layout, c->rect.x + c->rect.width / 2, c->rect.y + c->rect.height / 3, &hit));
          g_assert_cmpuint (hit.card, ==, i);
          /* Its fold button, where it has one, comes first. */
          if (c->toggle.width > 0)
            {
              g_assert_true (soc_goal_layout_hit (layout, c->toggle.x + c->toggle.width / 2, c->toggle.y + c->toggle.height / 2, &hit));
              g_assert_cmpint (hit.kind, ==, SOC_GOAL_HIT_TOGGLE);
              g_assert_cmpuint (hit.card, ==, i);
            }
          else
            g_assert_cmpuint (c->n_children, ==, 0);
        }
      /* The margin and the gaps between levels hold nothing. */
      g_assert_false (soc_goal_layout_hit (layout, 2, 2, &hit));
      g_assert_cmpint (hit.kind, ==, SOC_GOAL_HIT_NONE);
      {
        const SocGoalCard *root = soc_goal_layout_get_card (layout, 0);

        if (orientations[o] == SOC_GOAL_TOP_DOWN)
          g_assert_false (soc_goal_layout_hit (layout, root->rect.x + 4, root->rect.y + root->rect.height + m->level_gap - 4, &hit));
        else
          g_assert_false (soc_goal_layout_hit (layout, root->rect.x + root->rect.width + m->level_gap - 4, root->rect.y + 4, &hit));
      }
    }
}

static void
test_neighbours (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocText) text = soc_text_new (FAMILY);

  for (guint o = 0; o < G_N_ELEMENTS (orientations); o++)
    {
      g_autoptr(SocGoalLayout) layout = example_layout (doc, text, NULL, orientations[o]);
      gboolean td = orientations[o] == SOC_GOAL_TOP_DOWN;
      SocDirection along_back = td ? SOC_DIRECTION_LEFT : SOC_DIRECTION_UP;
      SocDirection along_on = td ? SOC_DIRECTION_RIGHT : SOC_DIRECTION_DOWN;
      SocDirection to_root = td ? SOC_DIRECTION_UP : SOC_DIRECTION_LEFT;
      SocDirection from_root = td ? SOC_DIRECTION_DOWN : SOC_DIRECTION_RIGHT;
      guint next;

      for (guint i = 0; i < soc_goal_layout_get_n_cards (layout); i++)
        {
          const SocGoalCard *c = soc_goal_layout_get_card (layout, i);
          guint size = soc_goal_layout_get_level_size (layout, c->level);

          /* Along the level: the card beside, in position. */
          g_assert_cmpint (soc_goal_layout_neighbour (layout, i, along_on, &next), ==, c->slot + 1 < size);
          if (c->slot + 1 < size)
            {
              const SocGoalCard *d = soc_goal_layout_get_card (layout, next);

              g_assert_cmpuint (d->level, ==, c->level);
              g_assert_cmpfloat (breadth_start (layout, &d->rect), >, breadth_end (layout, &c->rect));
              g_assert_true (soc_goal_layout_neighbour (layout, next, along_back, &next));
              g_assert_cmpuint (next, ==, i);
            }
          /* Towards the root: the parent. */
          g_assert_cmpint (soc_goal_layout_neighbour (layout, i, to_root, &next), ==, c->parent != NONE);
          if (c->parent != NONE)
            g_assert_cmpuint (next, ==, c->parent);
          /* Away from it: a sub-goal, the nearest. */
          if (c->n_children > 0)
            {
              g_assert_true (soc_goal_layout_neighbour (layout, i, from_root, &next));
              g_assert_cmpuint (soc_goal_layout_get_card (layout, next)->parent, ==, i);
              g_assert_cmpfloat (fabs (centre (layout, &soc_goal_layout_get_card (layout, next)->rect) - centre (layout, &c->rect)), <=,
                                 (breadth_end (layout, &c->rect) - breadth_start (layout, &c->rect)) / 2 +
                                 soc_goal_layout_get_metrics (layout)->max_width);
            }
        }
    }
}

/* How many levels the depth of R meets. */
static guint
levels_in_view (SocGoalLayout *layout,
                const SocRect *r)
{
  gboolean td = soc_goal_layout_get_orientation (layout) == SOC_GOAL_TOP_DOWN;
  double d0 = td ? r->y : r->x, d1 = d0 + (td ? r->height : r->width);
  guint n = 0;

  for (guint l = 0; l < soc_goal_layout_get_n_levels (layout); l++)
    {
      double start = G_MAXDOUBLE, end = 0;

      for (guint s = 0; s < soc_goal_layout_get_level_size (layout, l); s++)
        {
          const SocGoalCard *c = soc_goal_layout_get_card (layout, soc_goal_layout_get_slot (layout, l, s));

          start = MIN (start, td ? c->rect.y : c->rect.x);
          end = MAX (end, (td ? c->rect.y + c->rect.height : c->rect.x + c->rect.width) +
                          soc_goal_layout_get_metrics (layout)->level_gap);
        }
      if (end > d0 && start < d1)
        n++;
    }
  return n;
}

/* What a frame reads is what it shows: cards and edges found by the
 * indexes are those a search of every card finds. */
static void
test_culling (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  const guint n = 3000;
  g_autofree guint *parents = random_tree (rand, n, 50);
  g_autofree double *widths = g_new (double, n);
  g_autofree double *heights = g_new (double, n);

  sizes (rand, n, widths, heights);
  for (guint o = 0; o < G_N_ELEMENTS (orientations); o++)
    {
      g_autoptr(SocGoalLayout) layout = soc_goal_layout_new_for_tree (n, parents, widths, heights, orientations[o], NULL);
      gboolean td = orientations[o] == SOC_GOAL_TOP_DOWN;

      for (guint round = 0; round < 60; round++)
        {
          SocRect r = SOC_RECT_INIT (g_rand_double_range (rand, -100, soc_goal_layout_get_width (layout)),
                                     g_rand_double_range (rand, -100, soc_goal_layout_get_height (layout)),
                                     g_rand_double_range (rand, 5, 1800), g_rand_double_range (rand, 5, 1200));
          g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);
          g_autoptr(GHashTable) edge_set = g_hash_table_new (NULL, NULL);
          guint useless = 0;

          soc_goal_layout_cards_in (layout, &r, found);
          for (guint i = 0; i < found->len; i++)
            g_assert_true (g_hash_table_add (set, GUINT_TO_POINTER (g_array_index (found, guint, i) + 1)));
          soc_goal_layout_parents_in (layout, &r, edges);
          for (guint i = 0; i < edges->len; i++)
            g_assert_true (g_hash_table_add (edge_set, GUINT_TO_POINTER (g_array_index (edges, guint, i) + 1)));

          for (guint i = 0; i < n; i++)
            {
              const SocGoalCard *c = soc_goal_layout_get_card (layout, i);

              g_assert_cmpint (soc_rect_intersects (&c->rect, &r), ==, g_hash_table_contains (set, GUINT_TO_POINTER (i + 1)));

              /* The edges of a parent: to the bus, along it, into each child. */
              if (c->n_children > 0)
                {
                  const SocGoalCard *first = soc_goal_layout_get_card (layout, soc_goal_layout_get_slot (layout, c->level + 1, c->first_child));
                  const SocGoalCard *last = soc_goal_layout_get_card (layout, soc_goal_layout_get_slot (layout, c->level + 1, c->first_child + c->n_children - 1));
                  double bus = soc_goal_layout_get_bus (layout, c->level);
                  double a = centre (layout, &first->rect), b = centre (layout, &last->rect);
                  double near = td ? c->rect.y : c->rect.x;
                  double far = td ? first->rect.y + first->rect.height : first->rect.x + first->rect.width;
                  /* All of it: the card, its edges, its children's cards. */
                  double lo = MIN (breadth_start (layout, &c->rect), breadth_start (layout, &first->rect));
                  double hi = MAX (breadth_end (layout, &c->rect), breadth_end (layout, &last->rect));
                  SocRect span = td ? SOC_RECT_INIT (lo, near, hi - lo, far - near) : SOC_RECT_INIT (near, lo, far - near, hi - lo);
                  SocRect bar = td ? SOC_RECT_INIT (a - 1, bus - 1, b - a + 2, 2) : SOC_RECT_INIT (bus - 1, a - 1, 2, b - a + 2);

                  /* Anything of them in view: found. */
                  if (soc_rect_intersects (&bar, &r))
                    g_assert_true (g_hash_table_contains (edge_set, GUINT_TO_POINTER (i + 1)));
                  /* Found though neither it nor its edges are in view: a
                   * neighbour of what is, two per level at most. */
                  if (!soc_rect_intersects (&span, &r) && g_hash_table_contains (edge_set, GUINT_TO_POINTER (i + 1)))
                    useless++;
                }
            }
          g_assert_cmpuint (useless, <=, 2 * (levels_in_view (layout, &r) + 1));
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Painter                                                                  */

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       SocColor        *color)
{
  guint32 p = *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
  double a = (p >> 24) / 255.0;

  color->alpha = a;
  color->red = a > 0 ? ((p >> 16) & 0xff) / 255.0 / a : 0;
  color->green = a > 0 ? ((p >> 8) & 0xff) / 255.0 / a : 0;
  color->blue = a > 0 ? (p & 0xff) / 255.0 / a : 0;
}

static double
distance (const SocColor *a,
          const SocColor *b)
{
  return fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue);
}

static void
test_paint (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocLabelCache) labels = soc_label_cache_new (text);

  for (SocPaletteKind k = SOC_PALETTE_LIGHT; k <= SOC_PALETTE_PRINT; k++)
    for (guint o = 0; o < G_N_ELEMENTS (orientations); o++)
      {
        g_autoptr(SocGoalLayout) layout = example_layout (doc, text, NULL, orientations[o]);
        const SocPalette *palette = soc_palette_get (k);
        int w = (int) ceil (soc_goal_layout_get_width (layout)), h = (int) ceil (soc_goal_layout_get_height (layout));
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w + 60, h + 60);
        SocRect visible = SOC_RECT_INIT (0, 0, w, h);
        SocGoalPaintState state;
        cairo_t *cr;
        SocColor c;

        soc_goal_paint_state_init (&state, palette, labels);
        cr = cairo_create (surface);
        soc_goal_paint (cr, layout, &state, &visible, SOC_GOAL_PAINT_CONTENT);
        cairo_destroy (cr);
        cairo_surface_flush (surface);

        for (guint i = 0; i < soc_goal_layout_get_n_cards (layout); i++)
          {
            const SocGoalCard *card = soc_goal_layout_get_card (layout, i);
            SocGoalKind kind = soc_goal_get_kind (card->goal);
            SocColor goal = soc_palette_goal_color (palette, kind);
            SocGoalCardRows rows;

            /* The strip at the card's start is the kind's colour (lighter
             * on dark), the body only a little of it. */
            pixel (surface, (int) card->rect.x + 3, (int) (card->rect.y + card->rect.height / 2), &c);
            g_assert_cmpfloat (distance (&c, &goal), <, k == SOC_PALETTE_DARK || k == SOC_PALETTE_HIGH_CONTRAST_DARK ? 1.2 : 0.05);
            pixel (surface, (int) (card->rect.x + card->rect.width - 4), (int) (card->rect.y + card->rect.height - 4), &c);
            g_assert_cmpfloat (distance (&c, &palette->background), <, 0.9);
            g_assert_cmpfloat (distance (&c, &goal), >, 0.1);

            /* The bar: filled as far as the progress, the track after. */
            soc_goal_layout_get_rows (layout, card, &rows);
            if (!isnan (card->progress) && card->progress > 0.05 && card->progress < 0.95 && rows.text_width > 100)
              {
                double y = card->rect.y + rows.bar_y + rows.bar_height / 2;
                SocColor done, left;

                pixel (surface, (int) (card->rect.x + rows.text_x + 2), (int) y, &done);
                pixel (surface, (int) (card->rect.x + rows.text_x + rows.text_width - 2), (int) y, &left);
                g_assert_cmpfloat (distance (&done, &left), >, 0.3);
              }

            /* The warning on untied social work, on its corner. */
            pixel (surface, (int) (card->rect.x + card->rect.width - 5), (int) card->rect.y + 1, &c);
            if (card->flags & SOC_GOAL_CARD_UNTIED)
              g_assert_cmpfloat (distance (&c, &palette->error), <, 0.05);
            else
              g_assert_cmpfloat (distance (&c, &palette->error), >, 0.3);
          }

        /* Edges: from the bus into the root's first child, at its middle. */
        {
          const SocGoalCard *root = soc_goal_layout_get_card (layout, 0);
          const SocGoalCard *child = soc_goal_layout_get_card (layout, soc_goal_layout_get_slot (layout, 1, root->first_child));
          double bus = soc_goal_layout_get_bus (layout, 0);

          if (orientations[o] == SOC_GOAL_TOP_DOWN)
            pixel (surface, (int) round (child->rect.x + child->rect.width / 2), (int) ((bus + child->rect.y) / 2), &c);
          else
            pixel (surface, (int) ((bus + child->rect.x) / 2), (int) round (child->rect.y + child->rect.height / 2), &c);
          g_assert_cmpfloat (distance (&c, &palette->background), >, 0.3);
        }

        /* Nothing outside the visible rectangle. */
        for (int y = 0; y < h + 60; y += 5)
          for (int x = w; x < w + 60; x += 3)
            {
              pixel (surface, x, y, &c);
              g_assert_cmpfloat (c.alpha, ==, 0);
            }
        cairo_surface_destroy (surface);
      }
}

/* The state part: a selected card outlined in the accent colour, only
 * within the bounds the screen repaints; a drop target refused in the
 * error colour. */
static void
test_paint_state (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocLabelCache) labels = soc_label_cache_new (text);
  g_autoptr(SocSelection) selection = soc_selection_new (doc);
  g_autoptr(SocGoalLayout) layout = example_layout (doc, text, NULL, SOC_GOAL_LEFT_RIGHT);
  const SocPalette *palette = soc_palette_get (SOC_PALETTE_LIGHT);
  int w = (int) ceil (soc_goal_layout_get_width (layout)), h = (int) ceil (soc_goal_layout_get_height (layout));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  SocRect visible = SOC_RECT_INIT (0, 0, w, h);
  SocGoal *selected = SOC_GOAL (soc_document_lookup (doc, "g5"));
  SocGoal *target = SOC_GOAL (soc_document_lookup (doc, "g10"));
  const SocGoalCard *sc = soc_goal_layout_find_card (layout, selected, NULL);
  const SocGoalCard *tc = soc_goal_layout_find_card (layout, target, NULL);
  SocGoalPaintState state;
  SocRect bounds;
  cairo_t *cr;
  SocColor c;

  soc_goal_paint_state_init (&state, palette, labels);
  state.selection = selection;
  state.drop_target = target;
  state.drop_refused = TRUE;
  soc_selection_select (selection, SOC_OBJECT (selected));

  g_assert_true (soc_goal_state_bounds (layout, &state, &visible, &bounds));
  g_assert_true (soc_rect_contains_rect (&bounds, &sc->rect));
  g_assert_true (soc_rect_contains_rect (&bounds, &tc->rect));

  cr = cairo_create (surface);
  soc_goal_paint (cr, layout, &state, &visible, SOC_GOAL_PAINT_STATE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixel (surface, (int) (sc->rect.x + sc->rect.width / 2), (int) sc->rect.y - 1, &c);
  g_assert_cmpfloat (distance (&c, &palette->accent), <, 0.15);
  pixel (surface, (int) (tc->rect.x + tc->rect.width / 2), (int) tc->rect.y - 3, &c);
  g_assert_cmpfloat (distance (&c, &palette->error), <, 0.1);
  /* The state paints nothing outside its bounds. */
  for (int y = 0; y < h; y += 3)
    for (int x = 0; x < w; x += 3)
      if (!soc_rect_contains_point (&bounds, x, y))
        {
          pixel (surface, x, y, &c);
          g_assert_cmpfloat (c.alpha, ==, 0);
        }
  cairo_surface_destroy (surface);

  /* Nothing to show: no bounds. */
  soc_selection_clear (selection);
  state.drop_target = NULL;
  g_assert_false (soc_goal_state_bounds (layout, &state, &visible, &bounds));
}

/* Print: the whole tree, or a part, with its top left at the origin, the
 * print palette's white ground, on any surface. */
static void
test_paint_print (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (example);
  g_autoptr(SocText) text = soc_text_new (FAMILY);
  g_autoptr(SocLabelCache) labels = soc_label_cache_new (text);
  g_autoptr(SocGoalLayout) layout = example_layout (doc, text, NULL, SOC_GOAL_TOP_DOWN);
  const SocGoalCard *root = soc_goal_layout_get_card (layout, 0);
  SocRect area = SOC_RECT_INIT (root->rect.x - 20, root->rect.y - 20, 400, 300);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, 400);
  cairo_t *cr = cairo_create (surface);
  SocColor c, white = { 1, 1, 1, 1 };
  SocColor vision = soc_palette_goal_color (soc_palette_get (SOC_PALETTE_PRINT), SOC_GOAL_KIND_VISION);

  soc_goal_paint_print (cr, layout, labels, &area);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel (surface, 2, 2, &c);
  g_assert_cmpfloat (distance (&c, &white), <, 0.01);
  pixel (surface, 22, (int) (20 + root->rect.height / 2), &c);
  g_assert_cmpfloat (distance (&c, &vision), <, 0.05);
  pixel (surface, 450, 350, &c);
  g_assert_cmpfloat (c.alpha, ==, 0);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/goal-layout/random-trees", test_random_trees);
  g_test_add_func ("/goal-layout/shapes", test_shapes);
  g_test_add_func ("/goal-layout/spacing", test_spacing);
  g_test_add_func ("/goal-layout/document", test_document);
  g_test_add_func ("/goal-layout/title-widths", test_title_widths);
  g_test_add_func ("/goal-layout/hit", test_hit);
  g_test_add_func ("/goal-layout/neighbours", test_neighbours);
  g_test_add_func ("/goal-layout/culling", test_culling);
  g_test_add_func ("/goal-painter/paint", test_paint);
  g_test_add_func ("/goal-painter/state", test_paint_state);
  g_test_add_func ("/goal-painter/print", test_paint_print);

  result = g_test_run ();

  /* Pango's, cairo's and fontconfig's caches go too, so that leak checking
   * stays exact for everything else. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return result;
}
