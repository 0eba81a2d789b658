/* soc-goal-tidy.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tidy tree: parents centred over their children, subtrees never
 * overlapping, and as narrow as that allows. This is Walker's algorithm as
 * Buchheim, Jünger and Leipert made it linear ("Improving Walker's
 * algorithm to run in linear time", 2002): a walk from the leaves up puts
 * each subtree as close to its left neighbours as their contours allow,
 * spreading any shift over the subtrees between, and a walk down adds up
 * the shifts. Both walks are loops over an array, never recursion: a plan
 * may hold a chain of 100,000 goals. Nodes differ in size, so the distance
 * between two neighbours is half of each plus a gap: a sibling gap between
 * children of one parent, a larger one between neighbouring subtrees.
 */

#define G_LOG_DOMAIN "soc-goal-layout"

#include "config.h"

#include "soc-goal-tidy.h"

#define NONE G_MAXUINT

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

/* Lays out N nodes, given depth first by their PARENTS (G_MAXUINT for a root)
 * with their sizes along the breadth axis; writes where each one's centre
 * goes along it into CENTRES. Returns the work done, in steps. */
guint64
soc_goal_tidy (guint          n,
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
