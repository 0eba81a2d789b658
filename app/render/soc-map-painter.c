/* soc-map-painter.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paints a stakeholder map layout into a cairo context in layout
 * coordinates, touching only what meets the visible rectangle: bubbles,
 * names and relationships come from the layout's grid, so a frame costs
 * what is on screen, whatever the size of the plan. Circles are Bézier
 * curves (no trigonometry per bubble); names and profile marks come shaped
 * from a label cache.
 *
 * Three parts, as the roadmap painter has, so a screen can cache the
 * content and repaint the rest cheaply: the content (ground, quadrants,
 * grid, relationships, bubbles, names), the state (selection, hover, the
 * bubble a relationship is drawn to, focus) and the axes, drawn at the
 * visible left and bottom so they stay in view while scrolling
 * (soc-map-axes.c). Print and
 * export paint all three with the print palette and no state, and a key
 * below (soc_map_paint_fitted()).
 */

#define G_LOG_DOMAIN "soc-map-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include "soc-enum-types.h"
#include "soc-map-painter-private.h"
#include "soc-stamp-private.h"

#define HANDLE_RADIUS  6.0
#define HEAD           7.0     /* a relationship's arrow head */
#define MIN_TITLE      40.0    /* a quadrant title shortened below this is left out */


void
soc_map_paint_state_init (SocMapPaintState *state,
                          const SocPalette *palette,
                          SocLabelCache    *labels)
{
  memset (state, 0, sizeof *state);
  state->palette = palette;
  state->labels = labels;
  state->edges = TRUE;
}

static SocRect
around (const SocMapBubble *b,
        double              margin)
{
  double r = b->outer + margin;

  return SOC_RECT_INIT (b->center.x - r, b->center.y - r, 2 * r, 2 * r);
}

/* The outline of a bubble: a little darker than its body, so a pale
 * stance still stands out on the ground; the border itself in high
 * contrast and on paper. */
SocColor
_soc_map_rim_color (const SocPalette *p,
                    const SocColor   *body)
{
  SocColor ink = { 0, 0, 0, 1 };

  if (p->line_width > 1 || p->kind == SOC_PALETTE_PRINT)
    return soc_color_with_alpha (&p->text, 1.0);
  return soc_color_mix (body, &ink, p->kind == SOC_PALETTE_DARK ? 0.45 : 0.3);
}

static double
text_height (const SocMapPaintState *state,
             SocTextStyle            style)
{
  return soc_text_get_height (soc_label_cache_get_text (state->labels), style);
}

/* ------------------------------------------------------------------------ */
/* Content                                                                  */

static void
paint_ground (cairo_t                *cr,
              SocMapLayout           *layout,
              const SocMapPaintState *state,
              const SocRect          *visible)
{
  const SocPalette *p = state->palette;
  SocRect plot = soc_map_layout_get_plot (layout);
  const SocMapMetrics *m = soc_map_layout_get_metrics (layout);
  double pad = m->group_radius + m->ring_gap + m->ring_width + 3;
  double xm = soc_map_layout_x (layout, SOC_MAP_MIDDLE), ym = soc_map_layout_y (layout, SOC_MAP_MIDDLE);
  double x0 = plot.x - pad, y0 = plot.y - pad;
  double x1 = plot.x + plot.width + pad, y1 = plot.y + plot.height + pad;
  double zoom = soc_map_layout_get_zoom (layout);
  int step = zoom >= 6 ? 10 : 25;

  soc_draw_set_color (cr, &p->background);
  cairo_paint (cr);

  /* The quadrants that matter most and least in the band colour, the
   * other two on the ground: a checker that reads at a glance. */
  cairo_rectangle (cr, xm, y0, x1 - xm, ym - y0);
  cairo_rectangle (cr, x0, ym, xm - x0, y1 - ym);
  soc_draw_set_color (cr, &p->band);
  cairo_fill (cr);

  /* The grid: a line each STEP points, the middle lines stronger. */
  for (int v = step; v < SOC_MAP_MAX_VALUE; v += step)
    {
      double x = round (soc_map_layout_x (layout, v)) + 0.5;
      double y = round (soc_map_layout_y (layout, v)) + 0.5;

      if (v == SOC_MAP_MIDDLE)
        continue;
      if (x >= visible->x && x <= visible->x + visible->width)
        {
          cairo_move_to (cr, x, y0);
          cairo_line_to (cr, x, y1);
        }
      if (y >= visible->y && y <= visible->y + visible->height)
        {
          cairo_move_to (cr, x0, y);
          cairo_line_to (cr, x1, y);
        }
    }
  cairo_set_line_width (cr, 1);
  soc_draw_set_color (cr, &p->grid);
  cairo_stroke (cr);

  cairo_move_to (cr, round (xm) + 0.5, y0);
  cairo_line_to (cr, round (xm) + 0.5, y1);
  cairo_move_to (cr, x0, round (ym) + 0.5);
  cairo_line_to (cr, x1, round (ym) + 0.5);
  cairo_set_line_width (cr, MAX (1.5, p->line_width));
  soc_draw_set_color (cr, &p->grid_major);
  cairo_stroke (cr);

  cairo_rectangle (cr, round (x0) + 0.5, round (y0) + 0.5, round (x1) - round (x0) - 1, round (y1) - round (y0) - 1);
  cairo_set_line_width (cr, 1);
  soc_draw_set_color (cr, &p->border);
  cairo_stroke (cr);

  /* The quadrants' titles, in their outer corners. */
  if (state->labels != NULL)
    {
      double th = text_height (state, SOC_TEXT_HEADING);

      for (SocMapQuadrant q = SOC_MAP_QUADRANT_MANAGE_CLOSELY; q <= SOC_MAP_QUADRANT_MONITOR; q++)
        {
          const char *title = soc_map_quadrant_label (q);
          double natural = soc_label_cache_measure (state->labels, KEY (KEY_TITLE, q), SOC_TEXT_HEADING, title);
          SocRect r;
          PangoLayout *pl;

          if (!soc_map_layout_get_title (layout, q, &r))
            r = soc_map_layout_title_rect (layout, q, natural + 6, th + 6);
          /* Shortened to its quadrant's width; too short to read, left out. */
          if (!soc_rect_intersects (&r, visible) || r.width - 6 < MIN (natural, MIN_TITLE))
            continue;
          pl = soc_label_cache_get (state->labels, KEY (KEY_TITLE, q), SOC_TEXT_HEADING, title,
                                    r.width - 6 < natural ? r.width - 6 : -1, NULL);
          soc_draw_set_color (cr, &p->text_dim);
          soc_text_show (cr, pl, r.x + 3, r.y + 3);
        }
    }
}

void
_soc_map_arrow_head (cairo_t        *cr,
                     const SocPoint *from,
                     const SocPoint *to)
{
  soc_draw_arrow_head (cr, from, to, HEAD, HEAD * 0.45);
}

/* The dashes of each kind of relationship, on and off: reports to, solid;
 * influences, long dashes; mentors, short ones. */
static const double dash_on[] = { 0, 8, 2.5 };
static const double dash_off[] = { 0, 5, 3.5 };

/* A line from A to B of WIDTH in KIND's dashes, as a path to fill: each
 * dash a thin quadrilateral. Filled line by line, this costs a fraction of
 * a dashed stroke (and a stroke of many crossing lines at once costs ten
 * times more than one each). */
void
_soc_map_edge_path (cairo_t         *cr,
                    SocRelationKind  kind,
                    const SocPoint  *a,
                    const SocPoint  *b,
                    double           width)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double len = sqrt (dx * dx + dy * dy);
  double ux, uy, nx, ny, on, period;

  if (len < 1e-6)
    return;
  ux = dx / len;
  uy = dy / len;
  nx = -uy * width / 2;
  ny = ux * width / 2;
  if ((guint) kind >= G_N_ELEMENTS (dash_on) || dash_on[kind] == 0)
    {
      on = len;
      period = len;
    }
  else
    {
      on = dash_on[kind] * MAX (1, width / 1.25);
      period = on + dash_off[kind] * MAX (1, width / 1.25);
    }
  for (double t = 0; t < len; t += period)
    {
      double e = MIN (t + on, len);
      double ax = a->x + ux * t, ay = a->y + uy * t, bx = a->x + ux * e, by = a->y + uy * e;

      cairo_move_to (cr, ax + nx, ay + ny);
      cairo_line_to (cr, bx + nx, by + ny);
      cairo_line_to (cr, bx - nx, by - ny);
      cairo_line_to (cr, ax - nx, ay - ny);
      cairo_close_path (cr);
    }
}

static void
paint_edges (cairo_t                *cr,
             SocMapLayout           *layout,
             const SocMapPaintState *state,
             const SocRect          *visible)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
  const SocPalette *p = state->palette;
  double width = MIN (1.25 * p->line_width, 2.0);

  if (!state->edges)
    return;
  soc_map_layout_edges_in (layout, visible, edges);
  if (edges->len == 0)
    return;

  soc_draw_set_color (cr, &p->arrow);
  for (guint i = 0; i < edges->len; i++)
    {
      const SocMapEdge *e = soc_map_layout_get_edge (layout, g_array_index (edges, guint, i));

      if (e->long_reach)
        {
          SocPoint a1, b0;

          soc_map_edge_stubs (e, &a1, &b0);
          _soc_map_edge_path (cr, e->kind, &e->a, &a1, width);
          _soc_map_edge_path (cr, e->kind, &b0, &e->b, width);
          /* A small square where a stub stops: the line goes on elsewhere. */
          cairo_rectangle (cr, a1.x - 2, a1.y - 2, 4, 4);
          cairo_rectangle (cr, b0.x - 2, b0.y - 2, 4, 4);
        }
      else
        _soc_map_edge_path (cr, e->kind, &e->a, &e->b, width);
      _soc_map_arrow_head (cr, &e->a, &e->b);
      cairo_fill (cr);
    }
}

/* The letter of BUBBLE's profile, centred on it. */
void
_soc_map_paint_mark (cairo_t                *cr,
                     const SocMapPaintState *state,
                     const SocMapBubble     *b,
                     const SocColor         *body)
{
  gboolean group = b->flags & SOC_MAP_BUBBLE_GROUP;
  SocTextStyle style = group ? SOC_TEXT_HEADING : SOC_TEXT_SMALL;
  SocColor ink = soc_palette_text_on (state->palette, body);
  double natural;
  PangoLayout *pl = soc_label_cache_get (state->labels, KEY (group ? KEY_MARK_GROUP : KEY_MARK, b->profile), style,
                                         soc_map_profile_mark (b->profile), -1, &natural);

  soc_draw_set_color (cr, &ink);
  soc_text_show (cr, pl, b->center.x - natural / 2, b->center.y - text_height (state, style) / 2);
}

/* One bubble: the ring of the stance wanted, the body in the stance's
 * colour with its outline, the profile's letter. Discs filled one on
 * another: a fill costs a fraction of a stroke. */
static void
paint_bubble (cairo_t                *cr,
              const SocMapPaintState *state,
              const SocMapBubble     *b)
{
  const SocPalette *p = state->palette;
  SocColor body = soc_palette_stance_color (p, b->stance);
  SocColor rim = _soc_map_rim_color (p, &body);
  double lw = MAX (1.0, p->line_width);
  double x = b->center.x, y = b->center.y;

  if (b->flags & SOC_MAP_BUBBLE_WANTS)
    {
      SocColor wanted = soc_palette_stance_color (p, b->desired);
      double gap = (b->outer - b->radius) / 5;   /* the ring on a rim of the ground, so it reads on any neighbour */

      soc_draw_circle (cr, x, y, b->outer + 1);
      soc_draw_set_color (cr, &p->background);
      cairo_fill (cr);
      soc_draw_circle (cr, x, y, b->outer);
      soc_draw_set_color (cr, &wanted);
      cairo_fill (cr);
      soc_draw_circle (cr, x, y, b->radius + 2 * gap);
      soc_draw_set_color (cr, &p->background);
      cairo_fill (cr);
    }
  soc_draw_circle (cr, x, y, b->radius);
  soc_draw_set_color (cr, &rim);
  cairo_fill (cr);
  soc_draw_circle (cr, x, y, b->radius - lw);
  soc_draw_set_color (cr, &body);
  cairo_fill (cr);
  if (state->labels != NULL)
    _soc_map_paint_mark (cr, state, b, &body);
}

static void
paint_labels (cairo_t                *cr,
              SocMapLayout           *layout,
              const SocMapPaintState *state,
              const SocRect          *visible,
              GArray                 *bubbles)
{
  const SocMapMetrics *m = soc_map_layout_get_metrics (layout);
  SocColor veil = soc_color_with_alpha (&state->palette->background, 0.78);
  gboolean any = FALSE;

  /* A veil of the ground behind each name, over the lines it crosses. */
  for (guint i = 0; i < bubbles->len; i++)
    {
      const SocMapBubble *b = soc_map_layout_get_bubble (layout, g_array_index (bubbles, guint, i));

      if ((b->flags & SOC_MAP_BUBBLE_LABEL) && soc_rect_intersects (&b->label, visible))
        {
          soc_draw_rounded_rect (cr, &b->label, 3);
          any = TRUE;
        }
    }
  if (!any)
    return;
  soc_draw_set_color (cr, &veil);
  cairo_fill (cr);

  soc_draw_set_color (cr, &state->palette->text);
  for (guint i = 0; i < bubbles->len; i++)
    {
      const SocMapBubble *b = soc_map_layout_get_bubble (layout, g_array_index (bubbles, guint, i));
      PangoLayout *pl;

      if (!(b->flags & SOC_MAP_BUBBLE_LABEL) || !soc_rect_intersects (&b->label, visible))
        continue;
      pl = soc_label_cache_get (state->labels, b->stakeholder, SOC_TEXT_LABEL,
                                soc_stakeholder_get_name (b->stakeholder),
                                b->label.width - 2 * m->label_pad + 0.01, NULL);
      soc_text_show (cr, pl, b->label.x + m->label_pad, b->label.y + m->label_pad);
    }
}

/* A crowd: more bubbles in view than anyone reads one by one (a plan of
 * thousands, seen whole). Each shows as a plain disc of its stance, in the
 * plan's order, drawn as an octagon (at this size it reads as a disc, and
 * costs a third of one); no letters, rings, names or relationships, which
 * would be a blur there and cost a second a frame. The relationships of
 * what is selected still show (the state part). */
/* A disc of RADIUS device pixels in COLOR, drawn once into an image of its
 * own: the crowd's stamp. */
static cairo_pattern_t *
make_stamp (const SocColor *color,
            double          radius,
            int             size)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *pattern;

  soc_draw_circle (cr, size / 2.0, size / 2.0, radius);
  soc_draw_set_color (cr, color);
  cairo_fill (cr);
  cairo_destroy (cr);
  pattern = cairo_pattern_create_for_surface (surface);
  cairo_surface_destroy (surface);
  return pattern;
}

/* A crowd on screen: each disc is a stamp, drawn once per colour and size
 * and copied at the whole device pixel nearest its centre, a third of
 * what filling a path per disc costs (and round where an octagon shows
 * its corners), and copied by hand where the target allows it. Only
 * where the target is an image and the transformation neither turns nor
 * shears; FALSE where it is not. */
static gboolean
paint_crowd_stamped (cairo_t                *cr,
                     SocMapLayout           *layout,
                     const SocMapPaintState *state,
                     GArray                 *bubbles)
{
  const SocMapMetrics *m = soc_map_layout_get_metrics (layout);
  /* By size (a person's, a group's) and stance; any other stance is
   * painted as neutral, as soc_palette_stance_color() does. */
  cairo_pattern_t *stamps[2][SOC_STANCE_BLOCKER + 1] = { { NULL } };
  SocStampRow *rows[2][SOC_STANCE_BLOCKER + 1] = { { NULL } };
  cairo_matrix_t ctm;
  SocStampTarget direct = { 0 };
  gboolean by_hand;
  double scale;

  cairo_get_matrix (cr, &ctm);
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE ||
      ctm.xy != 0 || ctm.yx != 0 || ctm.xx != ctm.yy || ctm.xx <= 0)
    return FALSE;
  scale = ctm.xx;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  by_hand = soc_stamp_target_begin (cr, &direct);
  for (guint i = 0; i < bubbles->len; i++)
    {
      const SocMapBubble *b = soc_map_layout_get_bubble (layout, g_array_index (bubbles, guint, i));
      guint group = (b->flags & SOC_MAP_BUBBLE_GROUP) != 0;
      guint stance = (guint) b->stance <= SOC_STANCE_BLOCKER ? (guint) b->stance : SOC_STANCE_NEUTRAL;
      double r = (group ? m->group_radius : m->person_radius) * scale;
      int size = (int) ceil (2 * r) + 2;
      double x = b->center.x, y = b->center.y;
      cairo_matrix_t at;
      int x0, y0;

      if (stamps[group][stance] == NULL)
        {
          SocColor body = soc_palette_stance_color (state->palette, stance);

          stamps[group][stance] = make_stamp (&body, r, size);
        }
      cairo_matrix_transform_point (&ctm, &x, &y);
      x0 = (int) floor (x - size / 2.0 + 0.5);
      y0 = (int) floor (y - size / 2.0 + 0.5);
      if (by_hand)
        {
          cairo_surface_t *stamp = NULL;

          cairo_pattern_get_surface (stamps[group][stance], &stamp);
          if (rows[group][stance] == NULL)
            rows[group][stance] = soc_stamp_rows (stamp);
          soc_stamp_copy (&direct, stamp, rows[group][stance], x0, y0);
          continue;
        }
      cairo_matrix_init_translate (&at, -x0, -y0);
      cairo_pattern_set_matrix (stamps[group][stance], &at);
      cairo_set_source (cr, stamps[group][stance]);
      cairo_rectangle (cr, x0, y0, size, size);
      cairo_fill (cr);
    }
  if (by_hand)
    soc_stamp_target_end (cr, &direct);
  cairo_restore (cr);
  for (guint g = 0; g < 2; g++)
    for (guint k = 0; k <= SOC_STANCE_BLOCKER; k++)
      {
        g_clear_pointer (&stamps[g][k], cairo_pattern_destroy);
        g_free (rows[g][k]);
      }
  return TRUE;
}

/* Thousands in view: plain discs in their stance's colour, in the plan's
 * order (the latest on top); no rings, marks, names or relationships. */
static void
paint_crowd (cairo_t                *cr,
             SocMapLayout           *layout,
             const SocMapPaintState *state,
             GArray                 *bubbles)
{
  if (paint_crowd_stamped (cr, layout, state, bubbles))
    return;
  /* Print and export: octagons, a third of a circle's cost, and at the
   * size of a crowd's discs as round. */
  for (guint i = 0; i < bubbles->len; i++)
    {
      const SocMapBubble *b = soc_map_layout_get_bubble (layout, g_array_index (bubbles, guint, i));
      SocColor body = soc_palette_stance_color (state->palette, b->stance);
      double x = b->center.x, y = b->center.y;
      double a = b->radius * 0.9239, c = b->radius * 0.3827;

      cairo_move_to (cr, x + a, y + c);
      cairo_line_to (cr, x + c, y + a);
      cairo_line_to (cr, x - c, y + a);
      cairo_line_to (cr, x - a, y + c);
      cairo_line_to (cr, x - a, y - c);
      cairo_line_to (cr, x - c, y - a);
      cairo_line_to (cr, x + c, y - a);
      cairo_line_to (cr, x + a, y - c);
      cairo_close_path (cr);
      soc_draw_set_color (cr, &body);
      cairo_fill (cr);
    }
}

/* The room a bubble needs to be read, its name beside it: a square of 24
 * pixels at the least. */
#define CROWD_ROOM (24.0 * 24.0)
/* So few are never a crowd, however small the map is shown. */
#define CROWD_FEW 200

/* Whether N_BUBBLES in AREA (content coordinates) are a crowd: more than
 * SOC_MAP_CROWD, or more than a few each with less room than it takes to
 * read one (two thousand seen whole in half a window are a blur of lines
 * and rings, and cost a tenth of a second to paint). The painter and the
 * map's accessible children judge by this alike. */
gboolean
soc_map_is_crowd (SocMapLayout  *layout,
                  guint          n_bubbles,
                  const SocRect *area)
{
  SocRect plot = soc_map_layout_get_plot (layout);
  double w, h;

  if (n_bubbles > SOC_MAP_CROWD)
    return TRUE;
  if (n_bubbles <= CROWD_FEW)
    return FALSE;
  /* Only the part of AREA where bubbles can be. */
  w = MIN (area->x + area->width, plot.x + plot.width) - MAX (area->x, plot.x);
  h = MIN (area->y + area->height, plot.y + plot.height) - MAX (area->y, plot.y);
  return w <= 0 || h <= 0 || n_bubbles * CROWD_ROOM > w * h;
}

static void
paint_content (cairo_t                *cr,
               SocMapLayout           *layout,
               const SocMapPaintState *state,
               const SocRect          *visible)
{
  g_autoptr(GArray) bubbles = g_array_new (FALSE, FALSE, sizeof (guint));

  paint_ground (cr, layout, state, visible);
  soc_map_layout_bubbles_in (layout, visible, state->labels != NULL, bubbles);
  if (soc_map_is_crowd (layout, bubbles->len, visible))
    {
      paint_crowd (cr, layout, state, bubbles);
      return;
    }
  paint_edges (cr, layout, state, visible);
  for (guint i = 0; i < bubbles->len; i++)
    {
      const SocMapBubble *b = soc_map_layout_get_bubble (layout, g_array_index (bubbles, guint, i));
      SocRect r = around (b, 1);

      if (soc_rect_intersects (&r, visible))
        paint_bubble (cr, state, b);
    }
  if (state->labels != NULL)
    paint_labels (cr, layout, state, visible, bubbles);
}

/* ------------------------------------------------------------------------ */
/* State                                                                    */

static void
link_handle (cairo_t                *cr,
             SocMapLayout           *layout,
             const SocMapPaintState *state,
             guint                   bubble,
             gboolean                hot)
{
  SocPoint h = soc_map_layout_handle (layout, bubble);

  soc_draw_circle (cr, h.x, h.y, hot ? HANDLE_RADIUS : HANDLE_RADIUS - 1);
  soc_draw_set_color (cr, hot ? &state->palette->accent : &state->palette->background);
  cairo_fill_preserve (cr);
  soc_draw_set_color (cr, &state->palette->accent);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  /* A plus: a relationship starts here. */
  cairo_move_to (cr, h.x - 2.5, h.y);
  cairo_line_to (cr, h.x + 2.5, h.y);
  cairo_move_to (cr, h.x, h.y - 2.5);
  cairo_line_to (cr, h.x, h.y + 2.5);
  soc_draw_set_color (cr, hot ? &state->palette->background : &state->palette->accent);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
whole_edge (cairo_t                *cr,
            const SocMapPaintState *state,
            const SocMapEdge       *e)
{
  _soc_map_edge_path (cr, e->kind, &e->a, &e->b, 2);
  _soc_map_arrow_head (cr, &e->a, &e->b);
  soc_draw_set_color (cr, &state->palette->accent);
  cairo_fill (cr);
}

static void
paint_state (cairo_t                *cr,
             SocMapLayout           *layout,
             const SocMapPaintState *state,
             const SocRect          *visible)
{
  const SocPalette *p = state->palette;
  const SocMapBubble *b;
  guint index;
  guint n_selected = state->selection != NULL ? soc_selection_get_size (state->selection) : 0;

  /* What is selected: the relationships of a selected stakeholder, whole,
   * however far they reach; a selected relationship. */
  for (guint i = 0; state->edges && i < n_selected && i < 64; i++)
    {
      SocObject *o = soc_selection_get_nth (state->selection, i);
      const SocMapEdge *e;

      if (SOC_IS_STAKEHOLDER (o) && soc_map_layout_find_bubble (layout, SOC_STAKEHOLDER (o), &index) != NULL)
        {
          guint n;
          const guint *edges = soc_map_layout_get_bubble_edges (layout, index, &n);

          for (guint k = 0; k < n && k < 512; k++)
            {
              e = soc_map_layout_get_edge (layout, edges[k]);
              if (soc_rect_intersects (&e->bounds, visible))
                whole_edge (cr, state, e);
            }
        }
      else if (SOC_IS_RELATIONSHIP (o) && (e = soc_map_layout_find_edge (layout, SOC_RELATIONSHIP (o), NULL)) != NULL)
        whole_edge (cr, state, e);
    }
  if (state->edges && state->hover_edge != NULL)
    {
      const SocMapEdge *e = soc_map_layout_find_edge (layout, state->hover_edge, NULL);

      if (e != NULL)
        whole_edge (cr, state, e);
    }

  /* A soft ring around what is selected, then a firm one on its edge: the
   * bubble keeps its colours. */
  for (guint i = 0; i < n_selected; i++)
    {
      SocObject *o = soc_selection_get_nth (state->selection, i);

      if (!SOC_IS_STAKEHOLDER (o) || (b = soc_map_layout_find_bubble (layout, SOC_STAKEHOLDER (o), &index)) == NULL)
        continue;
      if (!soc_rect_intersects (&(SocRect) { b->center.x - 40, b->center.y - 40, 80, 80 }, visible))
        continue;
      soc_draw_circle (cr, b->center.x, b->center.y, b->outer + 3.5);
      soc_draw_set_color (cr, &p->selection);
      cairo_set_line_width (cr, 4);
      cairo_stroke (cr);
      soc_draw_circle (cr, b->center.x, b->center.y, b->outer + 1.5);
      soc_draw_set_color (cr, &p->accent);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      if (n_selected == 1)
        link_handle (cr, layout, state, index, FALSE);
    }

  /* Under the pointer: an outline and the handle. */
  if (state->hover != NULL && (b = soc_map_layout_find_bubble (layout, state->hover, &index)) != NULL)
    {
      soc_draw_circle (cr, b->center.x, b->center.y, b->outer + 1);
      soc_draw_set_color (cr, &p->accent);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      link_handle (cr, layout, state, index, state->hover_kind == SOC_MAP_HIT_LINK);
    }

  /* The bubble a relationship being drawn would reach. */
  if (state->drop_target != NULL && (b = soc_map_layout_find_bubble (layout, state->drop_target, NULL)) != NULL)
    {
      static const double dash[] = { 3, 2 };

      soc_draw_circle (cr, b->center.x, b->center.y, b->outer + 4);
      cairo_save (cr);
      cairo_set_dash (cr, dash, 2, 0);
      soc_draw_set_color (cr, &p->accent);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* The keyboard focus. */
  if (state->focus != NULL && (b = soc_map_layout_find_bubble (layout, state->focus, NULL)) != NULL)
    {
      static const double dash[] = { 2, 2 };

      soc_draw_circle (cr, b->center.x, b->center.y, b->outer + 6);
      cairo_save (cr);
      cairo_set_dash (cr, dash, 2, 0);
      soc_draw_set_color (cr, &p->text);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* Where the state part would paint in VISIBLE: a screen paints only that
 * much each frame. FALSE: nothing. */
gboolean
soc_map_state_bounds (SocMapLayout           *layout,
                      const SocMapPaintState *state,
                      const SocRect          *visible,
                      SocRect                *bounds)
{
  const SocMapBubble *b;
  gboolean any = FALSE;
  guint index;
  guint n_selected = state->selection != NULL ? soc_selection_get_size (state->selection) : 0;

  for (guint i = 0; i < n_selected && i < 64; i++)
    {
      SocObject *o = soc_selection_get_nth (state->selection, i);
      const SocMapEdge *e;

      if (SOC_IS_STAKEHOLDER (o) && (b = soc_map_layout_find_bubble (layout, SOC_STAKEHOLDER (o), &index)) != NULL)
        {
          guint n;
          const guint *edges = soc_map_layout_get_bubble_edges (layout, index, &n);
          SocRect r = around (b, 8 + 2 * HANDLE_RADIUS);

          soc_rect_take_in (bounds, &any, &r, 0);
          for (guint k = 0; state->edges && k < n && k < 512; k++)
            soc_rect_take_in (bounds, &any, &soc_map_layout_get_edge (layout, edges[k])->bounds, 0);
        }
      else if (state->edges && SOC_IS_RELATIONSHIP (o) &&
               (e = soc_map_layout_find_edge (layout, SOC_RELATIONSHIP (o), NULL)) != NULL)
        soc_rect_take_in (bounds, &any, &e->bounds, 0);
    }
  if (state->edges && state->hover_edge != NULL)
    {
      const SocMapEdge *e = soc_map_layout_find_edge (layout, state->hover_edge, NULL);

      if (e != NULL)
        soc_rect_take_in (bounds, &any, &e->bounds, 0);
    }
  for (guint k = 0; k < 3; k++)
    {
      SocStakeholder *s = k == 0 ? state->hover : k == 1 ? state->drop_target : state->focus;

      if (s != NULL && (b = soc_map_layout_find_bubble (layout, s, NULL)) != NULL)
        {
          SocRect r = around (b, 8 + 2 * HANDLE_RADIUS);
          soc_rect_take_in (bounds, &any, &r, 0);
        }
    }
  if (!any)
    return FALSE;
  /* Only what shows. */
  return soc_rect_clip_out (bounds, visible);
}

/* BUBBLE drawn at CENTER, half transparent: where a drag would put it. */
void
soc_map_paint_ghost (cairo_t                *cr,
                     SocMapLayout           *layout,
                     const SocMapPaintState *state,
                     guint                   bubble,
                     const SocPoint         *center)
{
  SocMapBubble b = *soc_map_layout_get_bubble (layout, bubble);
  static const double dash[] = { 4, 3 };

  b.center = *center;
  cairo_save (cr);
  cairo_push_group (cr);
  paint_bubble (cr, state, &b);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, 0.8);
  soc_draw_circle (cr, b.center.x, b.center.y, b.outer + 2);
  cairo_set_dash (cr, dash, 2, 0);
  soc_draw_set_color (cr, &state->palette->accent);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The line of a relationship being drawn, from X0, Y0 to X1, Y1. */
void
soc_map_paint_link (cairo_t                *cr,
                    const SocMapPaintState *state,
                    double                  x0,
                    double                  y0,
                    double                  x1,
                    double                  y1)
{
  SocPoint from = { x0, y0 }, to = { x1, y1 };
  static const double dash[] = { 5, 3 };

  cairo_save (cr);
  soc_draw_set_color (cr, &state->palette->accent);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  _soc_map_arrow_head (cr, &from, &to);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------------ */

/* Paints PARTS of LAYOUT into CR, in layout coordinates, inside VISIBLE. */
void
soc_map_paint (cairo_t                *cr,
               SocMapLayout           *layout,
               const SocMapPaintState *state,
               const SocRect          *visible,
               SocMapPaintParts        parts)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (state != NULL && state->palette != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, visible->x, visible->y, visible->width, visible->height);
  cairo_clip (cr);
  if (parts & SOC_MAP_PAINT_CONTENT)
    paint_content (cr, layout, state, visible);
  if (parts & SOC_MAP_PAINT_STATE)
    paint_state (cr, layout, state, visible);
  if (parts & SOC_MAP_PAINT_AXES)
    _soc_map_paint_axes (cr, layout, state, visible);
  cairo_restore (cr);
}
