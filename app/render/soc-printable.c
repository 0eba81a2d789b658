/* soc-printable.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one interface pagination, printing, export and the report know a
 * view by. A view joins them by implementing it: a content size, the
 * bands repeated on every page, where a page may break (or nowhere: it is
 * scaled to fit), and a painter over a rectangle in the print palette.
 */

#define G_LOG_DOMAIN "soc-printable"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-draw.h"
#include "soc-palette.h"
#include "soc-goal-printable.h"
#include "soc-map-printable.h"
#include "soc-plan-tables.h"
#include "soc-printable.h"
#include "soc-roadmap-printable.h"

G_DEFINE_INTERFACE (SocPrintable, soc_printable, G_TYPE_OBJECT)

static void
soc_printable_default_init (SocPrintableInterface *iface)
{
}

static void
clear_entry (gpointer data)
{
  SocLegendEntry *entry = data;

  g_clear_pointer (&entry->text, g_free);
}

GArray *
soc_legend_new (void)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (SocLegendEntry));

  g_array_set_clear_func (entries, clear_entry);
  return entries;
}

void
soc_legend_add (GArray          *entries,
                SocLegendSwatch  swatch,
                const SocColor  *fill,
                const SocColor  *stroke,
                const char      *text)
{
  SocLegendEntry entry = { swatch, { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, g_strdup (text) };

  if (fill != NULL)
    entry.fill = *fill;
  if (stroke != NULL)
    entry.stroke = *stroke;
  g_array_append_val (entries, entry);
}

/* Draws E's swatch SOC_LEGEND_SWATCH_WIDTH * UNIT wide from X, centred on CY. */
void
soc_legend_paint_swatch (cairo_t              *cr,
                         const SocLegendEntry *e,
                         double                x,
                         double                cy,
                         double                unit)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_translate (cr, x, cy);
  cairo_scale (cr, unit, unit);
  x = 0;
  cy = 0;
  cairo_set_line_width (cr, 0.75);
  switch (e->swatch)
    {
    case SOC_LEGEND_BAR:
      cairo_rectangle (cr, x + 0.5, cy - 3.5, SOC_LEGEND_SWATCH_WIDTH - 1, 7);
      soc_draw_set_color (cr, &e->fill);
      cairo_fill_preserve (cr);
      soc_draw_set_color (cr, &p->border);
      cairo_stroke (cr);
      cairo_rectangle (cr, x + 0.5, cy - 3.5, (SOC_LEGEND_SWATCH_WIDTH - 1) * 0.55, 7);
      soc_draw_set_color (cr, &e->stroke);
      cairo_fill (cr);
      break;
    case SOC_LEGEND_DIAMOND:
      cairo_move_to (cr, x + 8, cy - 4.5);
      cairo_line_to (cr, x + 12.5, cy);
      cairo_line_to (cr, x + 8, cy + 4.5);
      cairo_line_to (cr, x + 3.5, cy);
      cairo_close_path (cr);
      soc_draw_set_color (cr, &e->fill);
      cairo_fill_preserve (cr);
      soc_draw_set_color (cr, &e->stroke);
      cairo_set_line_width (cr, 1.25);
      cairo_stroke (cr);
      break;
    case SOC_LEGEND_DOT:
      cairo_arc (cr, x + 8, cy, 3.5, 0, 2 * G_PI);
      soc_draw_set_color (cr, &e->fill);
      cairo_fill (cr);
      break;
    case SOC_LEGEND_RING:
      cairo_arc (cr, x + 8, cy, 3.25, 0, 2 * G_PI);
      soc_draw_set_color (cr, &e->stroke);
      cairo_set_line_width (cr, 1.25);
      cairo_stroke (cr);
      break;
    case SOC_LEGEND_SQUARE:
      cairo_rectangle (cr, x + 4.5, cy - 3.5, 7, 7);
      soc_draw_set_color (cr, &e->fill);
      cairo_fill (cr);
      break;
    case SOC_LEGEND_ARROW:
      cairo_move_to (cr, x + 1, cy);
      cairo_line_to (cr, x + SOC_LEGEND_SWATCH_WIDTH - 4, cy);
      soc_draw_set_color (cr, &e->stroke);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_move_to (cr, x + SOC_LEGEND_SWATCH_WIDTH, cy);
      cairo_line_to (cr, x + SOC_LEGEND_SWATCH_WIDTH - 5, cy - 2.5);
      cairo_line_to (cr, x + SOC_LEGEND_SWATCH_WIDTH - 5, cy + 2.5);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case SOC_LEGEND_LINE:
      cairo_move_to (cr, x + 8, cy - 4.5);
      cairo_line_to (cr, x + 8, cy + 4.5);
      soc_draw_set_color (cr, &e->stroke);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    case SOC_LEGEND_BAND:
      {
        static const double dash[] = { 2, 2 };

        cairo_rectangle (cr, x + 1, cy - 4, SOC_LEGEND_SWATCH_WIDTH - 2, 8);
        soc_draw_set_color (cr, &e->fill);
        cairo_fill (cr);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_move_to (cr, x + 1.5, cy - 4);
        cairo_line_to (cr, x + 1.5, cy + 4);
        soc_draw_set_color (cr, &e->stroke);
        cairo_stroke (cr);
      }
      break;
    case SOC_LEGEND_TRIANGLE:
      cairo_move_to (cr, x + 8, cy - 5);
      cairo_line_to (cr, x + 13.5, cy + 4.5);
      cairo_line_to (cr, x + 2.5, cy + 4.5);
      cairo_close_path (cr);
      soc_draw_set_color (cr, &e->fill);
      cairo_fill (cr);
      cairo_rectangle (cr, x + 7.4, cy - 2, 1.2, 3.6);
      cairo_rectangle (cr, x + 7.4, cy + 2.4, 1.2, 1.2);
      soc_draw_set_color (cr, &e->stroke);
      cairo_fill (cr);
      break;
    case SOC_LEGEND_HEADING:
    case SOC_LEGEND_TEXT:
    default:
      break;
    }
  cairo_restore (cr);
}

const char *
soc_printable_get_name (SocPrintable *self)
{
  g_return_val_if_fail (SOC_IS_PRINTABLE (self), NULL);
  return SOC_PRINTABLE_GET_IFACE (self)->get_name (self);
}

/* What part of the plan the view shows, for a page's header; NULL: all. */
char *
soc_printable_get_range (SocPrintable *self)
{
  SocPrintableInterface *iface;

  g_return_val_if_fail (SOC_IS_PRINTABLE (self), NULL);
  iface = SOC_PRINTABLE_GET_IFACE (self);
  return iface->get_range != NULL ? iface->get_range (self) : NULL;
}

/* Whether the view lays itself out to the width of the paper. */
gboolean
soc_printable_is_elastic (SocPrintable *self)
{
  g_return_val_if_fail (SOC_IS_PRINTABLE (self), FALSE);
  return SOC_PRINTABLE_GET_IFACE (self)->set_width != NULL;
}

void
soc_printable_set_width (SocPrintable *self,
                         double        width)
{
  SocPrintableInterface *iface;

  g_return_if_fail (SOC_IS_PRINTABLE (self));
  iface = SOC_PRINTABLE_GET_IFACE (self);
  if (iface->set_width != NULL)
    iface->set_width (self, width);
}

void
soc_printable_get_size (SocPrintable *self,
                        double       *width,
                        double       *height)
{
  g_return_if_fail (SOC_IS_PRINTABLE (self));
  SOC_PRINTABLE_GET_IFACE (self)->get_size (self, width, height);
}

void
soc_printable_get_frame (SocPrintable *self,
                         double       *left,
                         double       *top)
{
  SocPrintableInterface *iface;

  g_return_if_fail (SOC_IS_PRINTABLE (self));
  iface = SOC_PRINTABLE_GET_IFACE (self);
  *left = *top = 0;
  if (iface->get_frame != NULL)
    iface->get_frame (self, left, top);
}

gboolean
soc_printable_has_breaks (SocPrintable *self)
{
  g_return_val_if_fail (SOC_IS_PRINTABLE (self), FALSE);
  return SOC_PRINTABLE_GET_IFACE (self)->find_break != NULL;
}

/* The last place in (TOP, BOTTOM] a page may end at; <= TOP: none. */
double
soc_printable_find_break (SocPrintable *self,
                          double        top,
                          double        bottom)
{
  SocPrintableInterface *iface;

  g_return_val_if_fail (SOC_IS_PRINTABLE (self), top);
  iface = SOC_PRINTABLE_GET_IFACE (self);
  return iface->find_break != NULL ? iface->find_break (self, top, bottom) : top;
}

gboolean
soc_printable_has_column_breaks (SocPrintable *self)
{
  g_return_val_if_fail (SOC_IS_PRINTABLE (self), FALSE);
  return SOC_PRINTABLE_GET_IFACE (self)->find_column_break != NULL;
}

/* The last place in (LEFT, RIGHT] a page may end at; <= LEFT: none. */
double
soc_printable_find_column_break (SocPrintable *self,
                                 double        left,
                                 double        right)
{
  SocPrintableInterface *iface;

  g_return_val_if_fail (SOC_IS_PRINTABLE (self), left);
  iface = SOC_PRINTABLE_GET_IFACE (self);
  return iface->find_column_break != NULL ? iface->find_column_break (self, left, right) : left;
}

/* The last place in (TOP, BOTTOM] a page showing LEFT to RIGHT across may
 * end at; <= TOP: none. */
double
soc_printable_find_break_in (SocPrintable *self,
                             double        left,
                             double        right,
                             double        top,
                             double        bottom)
{
  SocPrintableInterface *iface;

  g_return_val_if_fail (SOC_IS_PRINTABLE (self), top);
  iface = SOC_PRINTABLE_GET_IFACE (self);
  if (iface->find_break_in != NULL)
    return iface->find_break_in (self, left, right, top, bottom);
  return soc_printable_find_break (self, top, bottom);
}

/* Where the next thing between LEFT and RIGHT begins, at TOP or below;
 * TOP for a view that does not say. */
double
soc_printable_find_content_in (SocPrintable *self,
                               double        left,
                               double        right,
                               double        top)
{
  SocPrintableInterface *iface;

  g_return_val_if_fail (SOC_IS_PRINTABLE (self), top);
  iface = SOC_PRINTABLE_GET_IFACE (self);
  return iface->find_content_in != NULL ? iface->find_content_in (self, left, right, top) : top;
}

double
soc_printable_get_min_text (SocPrintable *self)
{
  g_return_val_if_fail (SOC_IS_PRINTABLE (self), 0);
  return SOC_PRINTABLE_GET_IFACE (self)->get_min_text (self);
}

void
soc_printable_paint (SocPrintable  *self,
                     cairo_t       *cr,
                     const SocRect *visible)
{
  g_return_if_fail (SOC_IS_PRINTABLE (self));
  SOC_PRINTABLE_GET_IFACE (self)->paint (self, cr, visible);
}

/* The legend's entries, in a new array of SocLegendEntry. */
GArray *
soc_printable_get_legend (SocPrintable *self)
{
  GArray *entries = soc_legend_new ();
  SocPrintableInterface *iface;

  g_return_val_if_fail (SOC_IS_PRINTABLE (self), entries);
  iface = SOC_PRINTABLE_GET_IFACE (self);
  if (iface->get_legend != NULL)
    iface->get_legend (self, entries);
  return entries;
}

/* ------------------------------------------------------------------------ */

/* In the order the dialogs offer them. */
static const SocPrintableView views[] = {
  { "roadmap", N_("Roadmap") },
  { "goals", N_("Goal tree") },
  { "goal-outline", N_("Goal outline") },
  { "stakeholders", N_("Stakeholder map") },
  { "stakeholder-table", N_("Stakeholder table") },
};

/* The views that print, their labels translated. */
const SocPrintableView *
soc_printable_get_views (guint *n_views)
{
  static SocPrintableView translated[G_N_ELEMENTS (views)];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        translated[i] = (SocPrintableView) { views[i].name, _(views[i].label) };
      g_once_init_leave (&done, 1);
    }
  if (n_views != NULL)
    *n_views = G_N_ELEMENTS (views);
  return translated;
}

/* What VIEW is called, translated; NULL for a name that is not a view. */
const char *
soc_printable_view_get_label (const char *view)
{
  const SocPrintableView *all = soc_printable_get_views (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (view, all[i].name) == 0)
      return all[i].label;
  return NULL;
}

gboolean
soc_printable_view_is_known (const char *view)
{
  return soc_printable_view_get_label (view) != NULL;
}

/* The printable form of VIEW of DOCUMENT (one of soc_printable_get_views()),
 * over the days FROM to TO where the view has a time axis (0, 0: all the
 * plan dates), with TODAY marked (0: not). The goals and the stakeholders
 * print as their pictures, the goal tree and the map, or as their tables;
 * the plan report has both. */
SocPrintable *
soc_printable_new_for_view (SocDocument *document,
                            const char  *view,
                            guint        from,
                            guint        to,
                            guint        today,
                            GError     **error)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (strcmp (view, "roadmap") == 0)
    return SOC_PRINTABLE (soc_roadmap_printable_new (document, from, to, today));
  if (strcmp (view, "goals") == 0)
    return SOC_PRINTABLE (soc_goal_printable_new (document, SOC_GOAL_LEFT_RIGHT, NULL));
  if (strcmp (view, "goal-outline") == 0)
    return soc_goal_outline_new (document);
  if (strcmp (view, "stakeholders") == 0)
    return SOC_PRINTABLE (soc_map_printable_new (document, NULL, TRUE, NULL));
  if (strcmp (view, "stakeholder-table") == 0)
    return soc_stakeholder_table_new (document);

  /* Translators: %s is what the user asked for, such as "gantt" */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("“%s” is not a view that prints"), view);
  return NULL;
}
