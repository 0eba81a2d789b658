/* soc-map-printable.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stakeholder map as SocPrintable: the same layout and painter as the
 * screen, with the print palette and no state, its axes at the left and
 * below, names placed as on screen at the map's natural zoom. A picture of
 * a fixed size, scaled to the paper as a whole; its key is the printed
 * legend.
 */

#define G_LOG_DOMAIN "soc-map-printable"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "soc-enum-types.h"
#include "soc-map-painter.h"
#include "soc-map-printable.h"
#include "soc-palette.h"

struct _SocMapPrintable
{
  GObject        parent_instance;

  SocDocument   *document;
  SocMapFilter   filter;
  gboolean       edges;
  SocText       *text;
  SocMapWidths  *widths;
  SocLabelCache *labels;
  SocMapLayout  *layout;
};

static void soc_map_printable_iface_init (SocPrintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocMapPrintable, soc_map_printable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SOC_TYPE_PRINTABLE, soc_map_printable_iface_init))

static const char *
get_name (SocPrintable *printable)
{
  return _("Stakeholders");
}

static void
get_size (SocPrintable *printable,
          double       *width,
          double       *height)
{
  SocMapPrintable *self = SOC_MAP_PRINTABLE (printable);

  *width = soc_map_layout_get_width (self->layout);
  *height = soc_map_layout_get_height (self->layout);
}

static double
get_min_text (SocPrintable *printable)
{
  return soc_text_get_size (SOC_MAP_PRINTABLE (printable)->text, SOC_TEXT_SMALL);
}

static void
paint (SocPrintable  *printable,
       cairo_t       *cr,
       const SocRect *visible)
{
  SocMapPrintable *self = SOC_MAP_PRINTABLE (printable);
  SocMapPaintState state;

  soc_map_paint_state_init (&state, soc_palette_get (SOC_PALETTE_PRINT), self->labels);
  state.edges = self->edges;
  soc_map_paint (cr, self->layout, &state, visible, SOC_MAP_PAINT_CONTENT | SOC_MAP_PAINT_AXES);
}

static void
get_legend (SocPrintable *printable,
            GArray       *entries)
{
  SocMapPrintable *self = SOC_MAP_PRINTABLE (printable);
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  SocColor neutral = soc_palette_stance_color (p, SOC_STANCE_NEUTRAL);
  SocColor champion = soc_palette_stance_color (p, SOC_STANCE_CHAMPION);

  soc_legend_add (entries, SOC_LEGEND_HEADING, NULL, NULL, _("Stance"));
  for (SocStance s = SOC_STANCE_CHAMPION; s <= SOC_STANCE_BLOCKER; s++)
    {
      SocColor c = soc_palette_stance_color (p, s);

      soc_legend_add (entries, SOC_LEGEND_DOT, &c, NULL, soc_enum_to_label (SOC_TYPE_STANCE, s));
    }
  /* Translators: in the key to the printed stakeholder map: a ring in a stance's colour */
  soc_legend_add (entries, SOC_LEGEND_RING, NULL, &champion, _("Ring: the stance wanted"));
  /* Translators: in the key to the printed stakeholder map */
  soc_legend_add (entries, SOC_LEGEND_DOT, &neutral, NULL, _("Larger: a group"));

  soc_legend_add (entries, SOC_LEGEND_HEADING, NULL, NULL, _("Profile"));
  for (SocProfile f = SOC_PROFILE_LEADERSHIP; f <= SOC_PROFILE_CUSTOMERS; f++)
    {
      /* Translators: in the key to the printed stakeholder map: the letter in a bubble, then its profile */
      g_autofree char *text = g_strdup_printf (_("%s: %s"), soc_map_profile_mark (f), soc_enum_to_label (SOC_TYPE_PROFILE, f));

      soc_legend_add (entries, SOC_LEGEND_TEXT, NULL, NULL, text);
    }

  if (self->edges && soc_map_layout_get_n_edges (self->layout) > 0)
    {
      soc_legend_add (entries, SOC_LEGEND_HEADING, NULL, NULL, _("Relationships"));
      /* Translators: in the key to the printed stakeholder map: how each kind of relationship is drawn */
      soc_legend_add (entries, SOC_LEGEND_ARROW, NULL, &p->arrow, _("Reports to: a solid line"));
      /* Translators: in the key to the printed stakeholder map */
      soc_legend_add (entries, SOC_LEGEND_ARROW, NULL, &p->arrow, _("Influences: long dashes"));
      /* Translators: in the key to the printed stakeholder map */
      soc_legend_add (entries, SOC_LEGEND_ARROW, NULL, &p->arrow, _("Mentors: short dashes"));
    }
}

static void
soc_map_printable_iface_init (SocPrintableInterface *iface)
{
  iface->get_name = get_name;
  iface->get_size = get_size;
  iface->get_min_text = get_min_text;
  iface->paint = paint;
  iface->get_legend = get_legend;
}

static void
soc_map_printable_finalize (GObject *object)
{
  SocMapPrintable *self = SOC_MAP_PRINTABLE (object);

  g_clear_pointer (&self->layout, soc_map_layout_unref);
  g_clear_pointer (&self->labels, soc_label_cache_free);
  g_clear_pointer (&self->widths, soc_map_widths_free);
  g_clear_pointer (&self->text, soc_text_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (soc_map_printable_parent_class)->finalize (object);
}

static void
soc_map_printable_class_init (SocMapPrintableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = soc_map_printable_finalize;
}

static void
soc_map_printable_init (SocMapPrintable *self)
{
}

/* DOCUMENT's map, of the stakeholders FILTER lets through (NULL: all),
 * with their relationships if EDGES, at the map's natural zoom, its text
 * shaped by TEXT (NULL: the default family). */
SocMapPrintable *
soc_map_printable_new (SocDocument        *document,
                       const SocMapFilter *filter,
                       gboolean            edges,
                       SocText            *text)
{
  SocMapPrintable *self;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  self = g_object_new (SOC_TYPE_MAP_PRINTABLE, NULL);
  self->document = g_object_ref (document);
  if (filter != NULL)
    self->filter = *filter;
  else
    soc_map_filter_init (&self->filter);
  self->edges = edges;
  self->text = text != NULL ? soc_text_ref (text) : soc_text_new (NULL);
  self->widths = soc_map_widths_new (self->text);
  self->labels = soc_label_cache_new (self->text);
  self->layout = soc_map_layout_new (document, NULL, SOC_MAP_ZOOM_DEFAULT, &self->filter, self->widths);
  return self;
}

SocMapLayout *
soc_map_printable_get_layout (SocMapPrintable *self)
{
  g_return_val_if_fail (SOC_IS_MAP_PRINTABLE (self), NULL);
  return self->layout;
}
