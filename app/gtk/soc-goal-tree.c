/* soc-goal-tree.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The goal tree as a diagram: a SocCanvas that paints through the render
 * layer's goal painter (the same one print and export use), at a zoom of
 * its own, top-down or left to right, and turns gestures and keys into
 * core edits (soc-goal-tree-input.c).
 *
 * Coordinates: the layout's are device-independent pixels at zoom 1; the
 * canvas's content coordinates are those times the zoom. The layout is
 * made once per document change, fold or orientation, never per frame or
 * per zoom; the content (edges and cards) is kept by the canvas, and what
 * changes often (selection, hover, focus, a drag) goes in small nodes on
 * top.
 *
 * Which subtrees are folded is the view's own state: it is never saved in
 * the plan.
 */

#define G_LOG_DOMAIN "soc-goal-tree"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "soc-enum-types.h"
#include "soc-goal-tree-private.h"
#include "soc-object-list.h"

G_DEFINE_FINAL_TYPE (SocGoalTree, soc_goal_tree, SOC_TYPE_CANVAS)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_LEFT_TO_RIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SELECTION(self) soc_canvas_get_selection (SOC_CANVAS (self))

/* ------------------------------------------------------------------------ */
/* Layout and invalidation                                                  */

SocGoalLayout *
_soc_goal_tree_ensure_layout (SocGoalTree *self)
{
  if (self->layout == NULL && self->document != NULL)
    self->layout = soc_goal_layout_new (self->document, soc_canvas_get_text (SOC_CANVAS (self)),
                                        self->collapsed, self->orientation, NULL);
  return self->layout;
}

/* Something changed: paint the content again, and lay it out again first
 * if RELAYOUT (the plan, a fold or the orientation changed). */
void
_soc_goal_tree_invalidate (SocGoalTree *self,
                           gboolean     relayout)
{
  if (relayout)
    g_clear_pointer (&self->layout, soc_goal_layout_unref);
  soc_canvas_invalidate (SOC_CANVAS (self), TRUE);
}

/* RECT, in layout coordinates, in the canvas's content coordinates. */
SocRect
_soc_goal_tree_to_content (SocGoalTree   *self,
                           const SocRect *rect)
{
  return SOC_RECT_INIT (rect->x * self->zoom, rect->y * self->zoom, rect->width * self->zoom, rect->height * self->zoom);
}

/* RECT, in the canvas's content coordinates, in layout coordinates. */
SocRect
_soc_goal_tree_to_layout (SocGoalTree   *self,
                          const SocRect *rect)
{
  return SOC_RECT_INIT (rect->x / self->zoom, rect->y / self->zoom, rect->width / self->zoom, rect->height / self->zoom);
}

/* Whether GOAL is in the plan shown (not deleted, or undone away). */
gboolean
_soc_goal_tree_is_in_plan (SocGoalTree *self,
                           SocGoal     *goal)
{
  return goal != NULL && self->document != NULL &&
         soc_document_lookup (self->document, soc_object_get_id (SOC_OBJECT (goal))) == SOC_OBJECT (goal);
}

/* Where the keyboard goes if GOAL is deleted: the goal before it beside
 * it, else after it, else its parent. */
static SocGoal *
neighbour_of (SocGoalTree *self,
              SocGoal     *goal)
{
  SocGoal *parent = soc_goal_get_parent (goal);
  SocObjectList *list = SOC_OBJECT_LIST (parent != NULL ? soc_goal_get_children (parent)
                                                        : soc_document_get_goals (self->document));
  guint i;

  if (soc_object_list_find (list, SOC_OBJECT (goal), &i))
    {
      if (i > 0)
        return SOC_GOAL (soc_object_list_get (list, i - 1));
      if (i + 1 < soc_object_list_get_size (list))
        return SOC_GOAL (soc_object_list_get (list, i + 1));
    }
  return parent;
}

/* Keeps in mind where the keyboard would go if its goal went. */
static void
remember_neighbour (SocGoalTree *self)
{
  SocObject *focus = soc_canvas_get_focus_object (SOC_CANVAS (self));

  self->after_delete = SOC_IS_GOAL (focus) && _soc_goal_tree_is_in_plan (self, SOC_GOAL (focus)) ? neighbour_of (self, SOC_GOAL (focus))
                                                                                   : NULL;
}

/* An empty tree says what goes there, and how to start (the keyboard is
 * in the tree already). */
static void
update_hint (SocGoalTree *self)
{
  if (self->document != NULL && soc_document_get_n_goals (self->document) == 0)
    soc_canvas_set_hint (SOC_CANVAS (self), _("Start at the End"),
                         _("Write down what the organisation wants to achieve. "
                           "Tab adds the vision, then a sub-goal of the goal "
                           "you are on; Enter adds the next goal beside it; "
                           "F2 renames."));
  else
    soc_canvas_set_hint (SOC_CANVAS (self), NULL, NULL);
}

static void
on_document_changed (SocGoalTree *self)
{
  SocObject *focus = soc_canvas_get_focus_object (SOC_CANVAS (self));

  if (self->hover != NULL && !_soc_goal_tree_is_in_plan (self, self->hover))
    self->hover = NULL;
  /* A judgement of a factor changes nothing the tree shows. */
  _soc_goal_tree_invalidate (self, soc_document_get_last_changes (self->document) != SOC_DOCUMENT_CHANGES_JUDGEMENTS);
  update_hint (self);

  /* The goal the keyboard was on went (Delete, Undo): the keyboard goes to
   * the goal that was beside it. */
  if (SOC_IS_GOAL (focus) && !_soc_goal_tree_is_in_plan (self, SOC_GOAL (focus)) &&
      soc_canvas_has_focus_within (SOC_CANVAS (self)) && _soc_goal_tree_is_in_plan (self, self->after_delete))
    {
      SocGoal *next = self->after_delete;

      soc_selection_select (SELECTION (self), SOC_OBJECT (next));
      _soc_goal_tree_focus_goal (self, next);
    }
  remember_neighbour (self);
}

/* Opens the folded goals above GOAL, so that it shows; TRUE if any was. */
static gboolean
unfold_above (SocGoalTree *self,
              SocGoal     *goal)
{
  gboolean any = FALSE;

  for (SocGoal *g = soc_goal_get_parent (goal); g != NULL; g = soc_goal_get_parent (g))
    if (g_hash_table_remove (self->collapsed, g))
      any = TRUE;
  if (any)
    _soc_goal_tree_invalidate (self, TRUE);
  return any;
}

static void schedule_reveal (SocGoalTree *self, SocGoal *goal, gboolean focus);

/* The selection changed, here or elsewhere (the outline beside, the
 * inspector, Undo): the focus ring follows, and the goal shows. Never the
 * keyboard itself: what changed the selection may be about to take it,
 * and the tree's own keys and clicks put it where it goes. */
static void
on_selection_changed (SocGoalTree *self)
{
  SocObject *focus = soc_selection_get_focus (SELECTION (self));
  SocGoalLayout *layout;
  const SocGoalCard *card;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (!SOC_IS_GOAL (focus) || self->document == NULL)
    return;
  soc_canvas_set_focus_object (SOC_CANVAS (self), focus);
  remember_neighbour (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  layout = _soc_goal_tree_ensure_layout (self);
  card = layout != NULL ? soc_goal_layout_find_card (layout, SOC_GOAL (focus), NULL) : NULL;
  if (card != NULL)
    {
      SocRect r = _soc_goal_tree_to_content (self, &card->rect);
      SocRect v = soc_canvas_get_visible (SOC_CANVAS (self));

      if (soc_rect_intersects (&r, &v))
        return;
    }
  /* Scrolled at the next frame: what changed the selection may be in the
   * middle of its own work (a table's click). */
  schedule_reveal (self, SOC_GOAL (focus), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Scrolling and zoom                                                       */

/* Scrolls as little as needed to show GOAL's card and the room around it,
 * for its fold button and its mark. */
static void
scroll_to_card (SocGoalTree *self,
                SocGoal     *goal)
{
  SocGoalLayout *layout = _soc_goal_tree_ensure_layout (self);
  const SocGoalCard *card = layout != NULL ? soc_goal_layout_find_card (layout, goal, NULL) : NULL;
  SocRect r;

  if (card == NULL)
    return;
  r = card->rect;
  r.x -= 12;
  r.y -= 16;
  r.width += 24;
  r.height += 32;
  r = _soc_goal_tree_to_content (self, &r);
  soc_canvas_scroll_to_rect (SOC_CANVAS (self), &r, 0, 0);
  /* A new size, not only a new allocation: GTK 4.8 leaves the scrolled
   * window around the canvas without an allocation when only its
   * children are reallocated while an ancestor (the paned beside the
   * outline) is itself being resized in the same frame. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
reveal_on_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  SocGoalTree *self = SOC_GOAL_TREE (widget);
  SocGoal *goal = self->pending_reveal;
  gboolean focus = self->pending_focus;

  self->pending_reveal = NULL;
  self->pending_focus = FALSE;
  self->reveal_tick = 0;
  if (goal == NULL || !_soc_goal_tree_is_in_plan (self, goal))
    return G_SOURCE_REMOVE;
  scroll_to_card (self, goal);
  /* Never out of a title being typed: leaving the entry would commit it. */
  if (focus && soc_canvas_get_renaming (SOC_CANVAS (self)) == NULL &&
      soc_canvas_has_focus_within (SOC_CANVAS (self)))
    soc_canvas_focus_object (SOC_CANVAS (self), SOC_OBJECT (goal));
  return G_SOURCE_REMOVE;
}

/* GOAL is scrolled to at the next frame, once the canvas is allocated to
 * the size its layout has now (a fold opened, the orientation switched),
 * and the keyboard goes to it then too if FOCUS. The adjustments are the
 * canvas's to configure, in its allocation: set from outside it, the
 * scrolled window was left with no allocation on GTK 4.8. */
static void
schedule_reveal (SocGoalTree *self,
                 SocGoal     *goal,
                 gboolean     focus)
{
  self->pending_reveal = goal;
  self->pending_focus = focus;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_on_tick, NULL, NULL);
}

/* Shows OBJECT, a goal: folded goals above it open, scrolled into view,
 * now as far as the canvas's size allows and fully at the next frame. */
void
soc_goal_tree_reveal (SocGoalTree *self,
                      SocObject   *object)
{
  g_return_if_fail (SOC_IS_GOAL_TREE (self));

  if (!SOC_IS_GOAL (object))
    return;
  unfold_above (self, SOC_GOAL (object));
  scroll_to_card (self, SOC_GOAL (object));
  schedule_reveal (self, SOC_GOAL (object), self->pending_focus && self->pending_reveal == SOC_GOAL (object));
}

double
soc_goal_tree_get_zoom (SocGoalTree *self)
{
  g_return_val_if_fail (SOC_IS_GOAL_TREE (self), 1.0);
  return self->zoom;
}

/* Zooms to ZOOM keeping the point at X, Y (widget coordinates) under it. */
void
soc_goal_tree_zoom_at (SocGoalTree *self,
                       double       zoom,
                       double       x,
                       double       y)
{
  SocRect v;
  double lx, ly;
  SocGoalLayout *layout;

  g_return_if_fail (SOC_IS_GOAL_TREE (self));

  zoom = CLAMP (zoom, SOC_GOAL_TREE_ZOOM_MIN, SOC_GOAL_TREE_ZOOM_MAX);
  self->fitted = TRUE;
  self->fit_pending = FALSE;
  if (zoom == self->zoom)
    return;
  v = soc_canvas_get_visible (SOC_CANVAS (self));
  lx = (v.x + x) / self->zoom;
  ly = (v.y + y) / self->zoom;
  self->zoom = zoom;
  _soc_goal_tree_invalidate (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);

  layout = _soc_goal_tree_ensure_layout (self);
  if (layout == NULL)
    return;
  /* The new size first, so the value is not clamped to the old one. */
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self));
    GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
    double w = gtk_widget_get_width (GTK_WIDGET (self)), hh = gtk_widget_get_height (GTK_WIDGET (self));

    gtk_adjustment_configure (h, MAX (0, lx * zoom - x), 0, MAX (soc_goal_layout_get_width (layout) * zoom, w),
                              w * 0.1, w * 0.9, w);
    gtk_adjustment_configure (vadj, MAX (0, ly * zoom - y), 0, MAX (soc_goal_layout_get_height (layout) * zoom, hh),
                              hh * 0.1, hh * 0.9, hh);
  }
}

void
soc_goal_tree_set_zoom (SocGoalTree *self,
                        double       zoom)
{
  g_return_if_fail (SOC_IS_GOAL_TREE (self));

  soc_goal_tree_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/* The whole tree in the view, as large as that allows (never past 1). */
void
soc_goal_tree_zoom_to_fit (SocGoalTree *self)
{
  SocGoalLayout *layout;
  double w, h, zoom;

  g_return_if_fail (SOC_IS_GOAL_TREE (self));

  layout = _soc_goal_tree_ensure_layout (self);
  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (layout == NULL || w <= 0 || h <= 0)
    return;
  zoom = MIN (1.0, MIN (w / soc_goal_layout_get_width (layout), h / soc_goal_layout_get_height (layout)));
  soc_goal_tree_zoom_at (self, zoom, 0, 0);
  soc_canvas_scroll_to (SOC_CANVAS (self), 0, 0);
}

/* A plan shown for the first time: all of it when it fits at a readable
 * size, else its root at a readable size. */
static void
first_view (SocGoalTree *self)
{
  SocGoalLayout *layout = _soc_goal_tree_ensure_layout (self);
  double w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  double fit;

  if (layout == NULL || w <= 0 || h <= 0)
    return;
  fit = MIN (w / soc_goal_layout_get_width (layout), h / soc_goal_layout_get_height (layout));
  soc_goal_tree_zoom_at (self, CLAMP (fit, 0.6, 1.0), 0, 0);
  soc_canvas_scroll_to (SOC_CANVAS (self), 0, 0);
  if (soc_goal_layout_get_n_cards (layout) > 0)
    {
      const SocGoalCard *root = soc_goal_layout_get_card (layout, 0);
      SocRect r = _soc_goal_tree_to_content (self, &root->rect);

      if (self->orientation == SOC_GOAL_TOP_DOWN)
        soc_canvas_scroll_to (SOC_CANVAS (self), r.x + r.width / 2 - w / 2, 0);
      else
        soc_canvas_scroll_to (SOC_CANVAS (self), 0, r.y + r.height / 2 - h / 2);
    }
}

SocGoalOrientation
soc_goal_tree_get_orientation (SocGoalTree *self)
{
  g_return_val_if_fail (SOC_IS_GOAL_TREE (self), SOC_GOAL_TOP_DOWN);
  return self->orientation;
}

/* Top-down or left to right; what had the keyboard stays in view. */
void
soc_goal_tree_set_orientation (SocGoalTree        *self,
                               SocGoalOrientation  orientation)
{
  SocObject *focus;

  g_return_if_fail (SOC_IS_GOAL_TREE (self));

  if (self->orientation == orientation)
    return;
  self->orientation = orientation;
  _soc_goal_tree_invalidate (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEFT_TO_RIGHT]);

  focus = soc_canvas_get_focus_object (SOC_CANVAS (self));
  if (SOC_IS_GOAL (focus))
    soc_goal_tree_reveal (self, focus);
  else
    soc_canvas_scroll_to (SOC_CANVAS (self), 0, 0);
}

/* ------------------------------------------------------------------------ */
/* Accessibility and the keyboard                                           */

/* Puts the keyboard focus on GOAL: folded goals above it open, scrolled
 * into view, its child focused. */
void
_soc_goal_tree_focus_goal (SocGoalTree *self,
                           SocGoal     *goal)
{
  soc_goal_tree_reveal (self, SOC_OBJECT (goal));
  soc_canvas_focus_object (SOC_CANVAS (self), SOC_OBJECT (goal));
  /* Again once scrolled all the way, if it was out of reach before. */
  schedule_reveal (self, goal, TRUE);
}

static void
soc_goal_tree_items_in (SocCanvas     *canvas,
                        const SocRect *visible,
                        GPtrArray     *objects,
                        GArray        *rects)
{
  SocGoalTree *self = SOC_GOAL_TREE (canvas);
  SocGoalLayout *layout = _soc_goal_tree_ensure_layout (self);
  g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (guint));
  SocRect area;

  if (layout == NULL)
    return;
  area = _soc_goal_tree_to_layout (self, visible);
  soc_goal_layout_cards_in (layout, &area, cards);
  for (guint i = 0; i < cards->len; i++)
    {
      const SocGoalCard *card = soc_goal_layout_get_card (layout, g_array_index (cards, guint, i));
      SocRect r = _soc_goal_tree_to_content (self, &card->rect);

      g_ptr_array_add (objects, card->goal);
      g_array_append_val (rects, r);
    }
}

/* What a card says in words, for screen readers and tooltips: its kind
 * and progress, then, each a sentence, what else it shows. */
static char *
describe_card (SocGoalTree       *self,
               const SocGoalCard *card)
{
  const char *kind = soc_enum_to_label (SOC_TYPE_GOAL_KIND, card->kind);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  SocStakeholder *owner = soc_goal_get_owner (card->goal);
  int percent = isnan (card->progress) ? 0 : (int) floor (card->progress * 100 + 0.5);

  if (isnan (card->progress))
    /* Translators: how a goal on the goal tree is described: its kind, and that nothing below it is measured */
    g_ptr_array_add (sentences, g_strdup_printf (_("%s, nothing measured yet."), kind));
  else if (card->kind == SOC_GOAL_KIND_METRIC && card->n_hidden == 0 && card->n_children == 0)
    /* Translators: a metric on the goal tree: its kind, then how far it has come from its baseline to its target */
    g_ptr_array_add (sentences, g_strdup_printf (_("%s, %d %% of the way to its target."), kind, percent));
  else
    g_ptr_array_add (sentences,
                     g_strdup_printf (/* Translators: a goal on the goal tree: its kind, its progress, and the number of metrics it comes from */
                                      g_dngettext (GETTEXT_PACKAGE, "%s, %d %% from %u metric.", "%s, %d %% from %u metrics.",
                                                   card->n_metrics),
                                      kind, percent, card->n_metrics));
  if (owner != NULL && soc_stakeholder_get_name (owner) != NULL)
    /* Translators: who owns a goal, on the goal tree */
    g_ptr_array_add (sentences, g_strdup_printf (_("Owned by %s."), soc_stakeholder_get_name (owner)));
  if (card->n_items > 0)
    g_ptr_array_add (sentences, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u roadmap item serves it.",
                                                              "%u roadmap items serve it.", card->n_items),
                                                 card->n_items));
  if (card->flags & SOC_GOAL_CARD_UNTIED)
    g_ptr_array_add (sentences, g_strdup (_("Not tied to a business objective.")));
  if (card->flags & SOC_GOAL_CARD_COLLAPSED)
    g_ptr_array_add (sentences, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal folded away under it.",
                                                              "%u goals folded away under it.", card->n_hidden),
                                                 card->n_hidden));
  g_ptr_array_add (sentences, NULL);
  return g_strjoinv (" ", (char **) sentences->pdata);
}

/* The description of GOAL's card, or NULL if it has none. */
char *
_soc_goal_tree_describe (SocGoalTree *self,
                         SocGoal     *goal)
{
  SocGoalLayout *layout = _soc_goal_tree_ensure_layout (self);
  const SocGoalCard *card = layout != NULL ? soc_goal_layout_find_card (layout, goal, NULL) : NULL;

  return card != NULL ? describe_card (self, card) : NULL;
}

static void
soc_goal_tree_describe (SocCanvas  *canvas,
                        SocObject  *object,
                        char      **label,
                        char      **description)
{
  SocGoalTree *self = SOC_GOAL_TREE (canvas);
  const char *title = soc_goal_get_title (SOC_GOAL (object));

  *label = g_strdup (title != NULL && title[0] != '\0' ? title : _("Untitled goal"));
  *description = _soc_goal_tree_describe (self, SOC_GOAL (object));
}

static void
soc_goal_tree_zoom (SocCanvas *canvas,
                    double     factor,
                    double     x,
                    double     y)
{
  SocGoalTree *self = SOC_GOAL_TREE (canvas);

  if (factor == 0)
    soc_goal_tree_zoom_to_fit (self);
  else
    soc_goal_tree_zoom_at (self, self->zoom * factor, x, y);
}

/* ------------------------------------------------------------------------ */
/* Painting                                                                 */

static void
soc_goal_tree_get_content_size (SocCanvas *canvas,
                                double    *width,
                                double    *height)
{
  SocGoalTree *self = SOC_GOAL_TREE (canvas);
  SocGoalLayout *layout = _soc_goal_tree_ensure_layout (self);

  *width = layout != NULL ? ceil (soc_goal_layout_get_width (layout) * self->zoom) : 0;
  *height = layout != NULL ? ceil (soc_goal_layout_get_height (layout) * self->zoom) : 0;
}

/* The painter's state for a frame: what is selected, under the pointer,
 * focused, and where a drag would drop. */
void
_soc_goal_tree_paint_state (SocGoalTree       *self,
                            SocGoalPaintState *state)
{
  SocCanvas *canvas = SOC_CANVAS (self);
  SocObject *focus = soc_canvas_get_focus_object (canvas);
  GtkWidget *child = soc_canvas_get_child_for (canvas, focus);

  soc_goal_paint_state_init (state, soc_canvas_get_palette (canvas), soc_canvas_get_labels (canvas));
  state->scale = self->zoom;
  state->selection = SELECTION (self);
  state->hover = self->drag.kind == GOAL_DRAG_NONE ? self->hover : NULL;
  state->hover_kind = self->hover_kind;
  if (self->drag.kind == GOAL_DRAG_MOVE && self->drag.moved)
    {
      state->drop_target = self->drag.target;
      state->drop_refused = self->drag.refused;
    }
  if (SOC_IS_GOAL (focus) && child != NULL && gtk_widget_has_visible_focus (child))
    state->focus = SOC_GOAL (focus);
}

static void
soc_goal_tree_paint_content (SocCanvas     *canvas,
                             cairo_t       *cr,
                             const SocRect *region)
{
  SocGoalTree *self = SOC_GOAL_TREE (canvas);
  SocGoalLayout *layout = _soc_goal_tree_ensure_layout (self);
  SocGoalPaintState state;
  SocRect area;

  if (layout == NULL)
    return;
  /* What is selected, hovered or focused is painted on top, each frame. */
  soc_goal_paint_state_init (&state, soc_canvas_get_palette (canvas), soc_canvas_get_labels (canvas));
  state.scale = self->zoom;
  area = _soc_goal_tree_to_layout (self, region);
  cairo_save (cr);
  cairo_scale (cr, self->zoom, self->zoom);
  soc_goal_paint (cr, layout, &state, &area, SOC_GOAL_PAINT_CONTENT);
  cairo_restore (cr);
}

static void
soc_goal_tree_snapshot_overlay (SocCanvas     *canvas,
                                GtkSnapshot   *snapshot,
                                const SocRect *visible)
{
  SocGoalTree *self = SOC_GOAL_TREE (canvas);
  SocGoalLayout *layout = _soc_goal_tree_ensure_layout (self);
  SocGoalPaintState state;
  SocRect area, bounds;

  if (layout == NULL)
    return;
  if (soc_goal_layout_get_n_cards (layout) == 0)
    {
      soc_canvas_snapshot_hint (canvas, snapshot, visible);
      return;
    }
  _soc_goal_tree_paint_state (self, &state);
  area = _soc_goal_tree_to_layout (self, visible);

  /* The state, in a node only as large as what it shows. */
  if (soc_goal_state_bounds (layout, &state, &area, &bounds))
    {
      SocRect at = _soc_goal_tree_to_content (self, &bounds);
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (at.x, at.y, at.width, at.height));

      cairo_rectangle (cr, at.x, at.y, at.width, at.height);
      cairo_clip (cr);
      cairo_scale (cr, self->zoom, self->zoom);
      soc_goal_paint (cr, layout, &state, &bounds, SOC_GOAL_PAINT_STATE);
      cairo_destroy (cr);
    }
  _soc_goal_tree_snapshot_drag (self, snapshot, visible);
}

/* ------------------------------------------------------------------------ */
/* GtkWidget                                                                */

static gboolean
fit_on_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  SocGoalTree *self = SOC_GOAL_TREE (widget);

  /* Unless someone chose a zoom in the meantime. */
  if (self->fit_pending)
    first_view (self);
  return G_SOURCE_REMOVE;
}

static void
soc_goal_tree_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SocGoalTree *self = SOC_GOAL_TREE (widget);

  /* A plan shown for the first time, once the view's size is known, and
   * not from inside this allocation: a zoom changes what the toolbar says. */
  if (!self->fitted && self->document != NULL && width > 200 && height > 100)
    {
      self->fitted = TRUE;
      self->fit_pending = TRUE;
      gtk_widget_add_tick_callback (widget, fit_on_tick, NULL, NULL);
    }
  GTK_WIDGET_CLASS (soc_goal_tree_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static gboolean
soc_goal_tree_grab_focus (GtkWidget *widget)
{
  SocGoalTree *self = SOC_GOAL_TREE (widget);
  SocSelection *selection = SELECTION (self);
  SocObject *focus = selection != NULL ? soc_selection_get_focus (selection) : NULL;

  /* The keyboard goes to the selected goal, shown. */
  if (SOC_IS_GOAL (focus) && _soc_goal_tree_ensure_layout (self) != NULL)
    {
      soc_goal_tree_reveal (self, focus);
      soc_canvas_set_focus_object (SOC_CANVAS (self), focus);
    }
  return GTK_WIDGET_CLASS (soc_goal_tree_parent_class)->grab_focus (widget);
}

static void
soc_goal_tree_dispose (GObject *object)
{
  SocGoalTree *self = SOC_GOAL_TREE (object);

  soc_goal_tree_set_document (self, NULL, NULL);
  _soc_goal_tree_dispose_input (self);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;

  G_OBJECT_CLASS (soc_goal_tree_parent_class)->dispose (object);
}

static void
soc_goal_tree_finalize (GObject *object)
{
  SocGoalTree *self = SOC_GOAL_TREE (object);

  g_clear_pointer (&self->collapsed, g_hash_table_unref);

  G_OBJECT_CLASS (soc_goal_tree_parent_class)->finalize (object);
}

static void
soc_goal_tree_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SocGoalTree *self = SOC_GOAL_TREE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_LEFT_TO_RIGHT:
      g_value_set_boolean (value, self->orientation == SOC_GOAL_LEFT_RIGHT);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_goal_tree_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SocGoalTree *self = SOC_GOAL_TREE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      soc_goal_tree_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_LEFT_TO_RIGHT:
      soc_goal_tree_set_orientation (self, g_value_get_boolean (value) ? SOC_GOAL_LEFT_RIGHT : SOC_GOAL_TOP_DOWN);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_goal_tree_class_init (SocGoalTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SocCanvasClass *canvas_class = SOC_CANVAS_CLASS (klass);

  object_class->dispose = soc_goal_tree_dispose;
  object_class->finalize = soc_goal_tree_finalize;
  object_class->get_property = soc_goal_tree_get_property;
  object_class->set_property = soc_goal_tree_set_property;
  widget_class->size_allocate = soc_goal_tree_size_allocate;
  widget_class->grab_focus = soc_goal_tree_grab_focus;
  canvas_class->get_content_size = soc_goal_tree_get_content_size;
  canvas_class->paint_content = soc_goal_tree_paint_content;
  canvas_class->snapshot_overlay = soc_goal_tree_snapshot_overlay;
  canvas_class->items_in = soc_goal_tree_items_in;
  canvas_class->describe = soc_goal_tree_describe;
  canvas_class->zoom = soc_goal_tree_zoom;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, SOC_GOAL_TREE_ZOOM_MIN, SOC_GOAL_TREE_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEFT_TO_RIGHT] =
    g_param_spec_boolean ("left-to-right", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "goaltree");
  _soc_goal_tree_class_init_input (klass);
}

static void
soc_goal_tree_init (SocGoalTree *self)
{
  self->zoom = 1.0;
  self->orientation = SOC_GOAL_TOP_DOWN;
  self->collapsed = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Goal tree"),
                                  -1);
  _soc_goal_tree_init_input (self);
}

GtkWidget *
soc_goal_tree_new (void)
{
  return g_object_new (SOC_TYPE_GOAL_TREE, NULL);
}

/* Shows DOCUMENT's goal tree, with SELECTION, the plan's selection. */
void
soc_goal_tree_set_document (SocGoalTree  *self,
                            SocDocument  *document,
                            SocSelection *selection)
{
  SocSelection *old;

  g_return_if_fail (SOC_IS_GOAL_TREE (self));

  old = soc_canvas_get_selection (SOC_CANVAS (self));
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);

  /* The children, the pointer and the folds name goals of the old plan. */
  self->hover = NULL;
  self->after_delete = NULL;
  self->pending_reveal = NULL;
  self->pending_focus = FALSE;
  self->menu_target = NULL;
  memset (&self->drag, 0, sizeof self->drag);
  if (self->collapsed != NULL)
    g_hash_table_remove_all (self->collapsed);
  soc_canvas_set_selection (SOC_CANVAS (self), selection);

  g_set_object (&self->document, document);
  self->fitted = FALSE;
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
      g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selection_changed), self);
    }
  _soc_goal_tree_invalidate (self, TRUE);
  update_hint (self);
}

SocGoalLayout *
soc_goal_tree_get_layout (SocGoalTree *self)
{
  g_return_val_if_fail (SOC_IS_GOAL_TREE (self), NULL);
  return _soc_goal_tree_ensure_layout (self);
}
