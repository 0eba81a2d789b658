/* soc-map-widths.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The width of texts measured once and kept between layouts: placing the
 * names of thousands of stakeholders would otherwise shape every one of
 * them at each change and each zoom.
 */

#define G_LOG_DOMAIN "soc-map-widths"

#include "config.h"

#include "soc-map-widths.h"

struct _SocMapWidths
{
  SocText    *text;
  GHashTable *widths[SOC_N_TEXT_STYLES];   /* text -> double * */
};

SocMapWidths *
soc_map_widths_new (SocText *text)
{
  SocMapWidths *self = g_new0 (SocMapWidths, 1);

  self->text = soc_text_ref (text);
  for (guint i = 0; i < SOC_N_TEXT_STYLES; i++)
    self->widths[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
soc_map_widths_free (SocMapWidths *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < SOC_N_TEXT_STYLES; i++)
    g_hash_table_unref (self->widths[i]);
  soc_text_unref (self->text);
  g_free (self);
}

/* The width of TEXT in STYLE, unlimited. */
double
soc_map_widths_measure (SocMapWidths *self,
                        SocTextStyle  style,
                        const char   *text)
{
  double *width = g_hash_table_lookup (self->widths[style], text);

  if (width == NULL)
    {
      width = g_new (double, 1);
      *width = soc_text_width (self->text, style, text);
      g_hash_table_insert (self->widths[style], g_strdup (text), width);
    }
  return *width;
}

/* The width of TEXT as a name on the map. */
double
soc_map_widths_get (SocMapWidths *self,
                    const char   *text)
{
  return soc_map_widths_measure (self, SOC_TEXT_LABEL, text);
}

double
soc_map_widths_get_height (SocMapWidths *self,
                           SocTextStyle  style)
{
  return soc_text_get_height (self->text, style);
}

/* How many texts it holds, of every style. */
guint
soc_map_widths_get_size (SocMapWidths *self)
{
  guint n = 0;

  for (guint i = 0; i < SOC_N_TEXT_STYLES; i++)
    n += g_hash_table_size (self->widths[i]);
  return n;
}
