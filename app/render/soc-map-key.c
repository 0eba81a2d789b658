/* soc-map-key.c: the key to the stakeholder map, and the whole map on a page
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For printing and export: the map fitted to an area with the print
 * palette (or any other), its key below, what each colour, letter, ring,
 * size and line says. The key is painted by the same helpers as the map,
 * so it always matches it.
 */

#define G_LOG_DOMAIN "soc-map-painter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "soc-enum-types.h"
#include "soc-map-painter-private.h"

typedef struct
{
  cairo_t          *cr;
  const SocPalette *palette;
  SocLabelCache    *labels;
  double            x0, x, y, width, row_height;
} Flow;

/* Room for an entry of a swatch SWATCH wide and TEXT: on this row, or the
 * next. Returns where the swatch goes. */
static double
flow_entry (Flow       *flow,
            guint       key,
            double      swatch,
            const char *text,
            double     *text_x)
{
  double natural = soc_label_cache_measure (flow->labels, KEY (KEY_LEGEND, key), SOC_TEXT_SMALL, text);
  double w = swatch + 6 + natural + 18;
  double at;

  if (flow->x > flow->x0 && flow->x + w > flow->x0 + flow->width)
    {
      flow->x = flow->x0;
      flow->y += flow->row_height;
    }
  at = flow->x;
  *text_x = at + swatch + 6;
  if (flow->cr != NULL)
    {
      PangoLayout *pl = soc_label_cache_get (flow->labels, KEY (KEY_LEGEND, key), SOC_TEXT_SMALL, text, -1, NULL);
      double sh = soc_text_get_height (soc_label_cache_get_text (flow->labels), SOC_TEXT_SMALL);

      soc_draw_set_color (flow->cr, &flow->palette->text);
      soc_text_show (flow->cr, pl, *text_x, flow->y + (flow->row_height - sh) / 2);
    }
  flow->x += w;
  return at;
}

static void
flow_break (Flow *flow)
{
  if (flow->x > flow->x0)
    {
      flow->x = flow->x0;
      flow->y += flow->row_height;
    }
}

/* The key to the map: what colours, letters, rings, sizes and lines say,
 * in rows of WIDTH from X, Y. Returns the height it takes; with CR NULL,
 * only measures. */
double
soc_map_paint_legend (cairo_t          *cr,
                      const SocPalette *palette,
                      SocLabelCache    *labels,
                      double            x,
                      double            y,
                      double            width)
{
  Flow flow = { cr, palette, labels, x, x, y, width, 22 };
  SocMapPaintState state;
  double tx;

  soc_map_paint_state_init (&state, palette, labels);

  /* Stances, by colour. */
  for (SocStance s = SOC_STANCE_CHAMPION; s <= SOC_STANCE_BLOCKER; s++)
    {
      double at = flow_entry (&flow, s, 14, soc_enum_to_label (SOC_TYPE_STANCE, s), &tx);

      if (cr != NULL)
        {
          SocColor c = soc_palette_stance_color (palette, s);
          SocColor rim = _soc_map_rim_color (palette, &c);

          soc_draw_circle (cr, at + 7, flow.y + flow.row_height / 2, 6.5);
          soc_draw_set_color (cr, &c);
          cairo_fill_preserve (cr);
          soc_draw_set_color (cr, &rim);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
    }
  {
    /* Translators: in the key to the stakeholder map: a ring in a stance's colour */
    double at = flow_entry (&flow, 10, 18, _("Ring: the stance wanted"), &tx);

    if (cr != NULL)
      {
        SocColor c = soc_palette_stance_color (palette, SOC_STANCE_NEUTRAL);
        SocColor w = soc_palette_stance_color (palette, SOC_STANCE_CHAMPION);
        double cy = flow.y + flow.row_height / 2;

        soc_draw_circle (cr, at + 9, cy, 7.5);
        soc_draw_set_color (cr, &w);
        cairo_set_line_width (cr, 2.5);
        cairo_stroke (cr);
        soc_draw_circle (cr, at + 9, cy, 5);
        soc_draw_set_color (cr, &c);
        cairo_fill (cr);
      }
  }
  flow_break (&flow);

  /* Profiles, by letter. */
  for (SocProfile p = SOC_PROFILE_LEADERSHIP; p <= SOC_PROFILE_CUSTOMERS; p++)
    {
      g_autofree char *text = g_strdup_printf ("%s", soc_enum_to_label (SOC_TYPE_PROFILE, p));
      double at = flow_entry (&flow, 20 + p, 14, text, &tx);

      if (cr != NULL)
        {
          SocMapBubble b = { 0 };
          SocColor body = soc_palette_stance_color (palette, SOC_STANCE_NEUTRAL);

          b.center = (SocPoint) { at + 7, flow.y + flow.row_height / 2 };
          b.radius = b.outer = 7.5;
          b.profile = p;
          b.stance = b.desired = SOC_STANCE_NEUTRAL;
          soc_draw_circle (cr, b.center.x, b.center.y, b.radius);
          soc_draw_set_color (cr, &body);
          cairo_fill (cr);
          _soc_map_paint_mark (cr, &state, &b, &body);
        }
    }
  flow_break (&flow);

  /* Sizes, and the kinds of relationship. */
  {
    /* Translators: in the key to the stakeholder map */
    double at = flow_entry (&flow, 30, 14, _("Person"), &tx);

    if (cr != NULL)
      {
        soc_draw_circle (cr, at + 7, flow.y + flow.row_height / 2, 5.5);
        soc_draw_set_color (cr, &palette->text_dim);
        cairo_fill (cr);
      }
    /* Translators: in the key to the stakeholder map */
    at = flow_entry (&flow, 31, 18, _("Group"), &tx);
    if (cr != NULL)
      {
        soc_draw_circle (cr, at + 9, flow.y + flow.row_height / 2, 8.5);
        soc_draw_set_color (cr, &palette->text_dim);
        cairo_fill (cr);
      }
  }
  for (SocRelationKind k = SOC_RELATION_KIND_REPORTS_TO; k <= SOC_RELATION_KIND_MENTORS; k++)
    {
      double at = flow_entry (&flow, 40 + k, 30, soc_enum_to_label (SOC_TYPE_RELATION_KIND, k), &tx);

      if (cr != NULL)
        {
          SocPoint a = { at, flow.y + flow.row_height / 2 }, b = { at + 30, flow.y + flow.row_height / 2 };

          _soc_map_edge_path (cr, k, &a, &b, 1.5);
          _soc_map_arrow_head (cr, &a, &b);
          soc_draw_set_color (cr, &palette->arrow);
          cairo_fill (cr);
        }
    }
  flow_break (&flow);
  return flow.y - y;
}

/* The whole map of DOCUMENT (what FILTER lets through, NULL: all; the
 * relationships if EDGES) fitted into AREA of CR, its key below, in
 * PALETTE: for printing and export. */
void
soc_map_paint_fitted (cairo_t            *cr,
                      SocDocument        *document,
                      const SocMapFilter *filter,
                      gboolean            edges,
                      const SocPalette   *palette,
                      SocText            *text,
                      const SocRect      *area)
{
  g_autoptr(SocMapWidths) widths = NULL;
  g_autoptr(SocLabelCache) labels = NULL;
  g_autoptr(SocMapLayout) layout = NULL;
  SocMapMetrics m;
  SocMapPaintState state;
  double key_w, key_h, zoom, w, h, x, y;
  SocRect all;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (SOC_IS_DOCUMENT (document));
  g_return_if_fail (palette != NULL && text != NULL && area != NULL);

  widths = soc_map_widths_new (text);
  labels = soc_label_cache_new (text);
  soc_map_metrics_init (&m);
  key_w = MIN (area->width, 780);
  key_h = soc_map_paint_legend (NULL, palette, labels, 0, 0, key_w);
  zoom = MIN ((area->width - m.margin_left - m.margin_right) / SOC_MAP_MAX_VALUE,
              (area->height - key_h - 12 - m.margin_top - m.margin_bottom) / SOC_MAP_MAX_VALUE);
  layout = soc_map_layout_new (document, &m, zoom, filter, widths);
  w = soc_map_layout_get_width (layout);
  h = soc_map_layout_get_height (layout);
  x = area->x + MAX (0, (area->width - w) / 2);
  y = area->y;

  soc_map_paint_state_init (&state, palette, labels);
  state.edges = edges;
  all = SOC_RECT_INIT (0, 0, w, h);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  soc_map_paint (cr, layout, &state, &all, SOC_MAP_PAINT_CONTENT | SOC_MAP_PAINT_AXES);
  cairo_restore (cr);
  soc_map_paint_legend (cr, palette, labels, area->x + (area->width - key_w) / 2, y + h + 12, key_w);
}
