/* soc-text.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pango rounds glyph positions and hints metrics differently on an image
 * surface, on a PDF and on the screen (CANVAS.md, "Text metrics"). The
 * painters measure and shape with a context of their own instead: a fixed
 * resolution of 96 per inch (one unit is one device-independent pixel),
 * unhinted metrics, unrounded glyph positions and a named font. A label
 * that fits a bar on screen then fits it on paper, and a page break falls
 * where the preview showed it.
 */

#define G_LOG_DOMAIN "soc-text"

#include "config.h"

#include <string.h>

#include "soc-text.h"

struct _SocText
{
  gatomicrefcount        ref_count;
  PangoContext          *context;
  PangoFontDescription  *fonts[SOC_N_TEXT_STYLES];
  double                 heights[SOC_N_TEXT_STYLES];
};

/* Sizes in pixels: 9 pt labels, 8.25 pt header units, 9.75 pt headings. */
static const struct {
  double size;
  PangoWeight weight;
} styles[SOC_N_TEXT_STYLES] = {
  [SOC_TEXT_LABEL] = { 12.0, PANGO_WEIGHT_NORMAL },
  [SOC_TEXT_SMALL] = { 11.0, PANGO_WEIGHT_NORMAL },
  [SOC_TEXT_HEADING] = { 13.0, PANGO_WEIGHT_BOLD },
  [SOC_TEXT_TITLE] = { 18.0, PANGO_WEIGHT_BOLD },
};

/* A text context for FAMILY (NULL: SOC_TEXT_DEFAULT_FAMILY). */
SocText *
soc_text_new (const char *family)
{
  SocText *self = g_new0 (SocText, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  g_atomic_ref_count_init (&self->ref_count);
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 96.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_base_dir (self->context, PANGO_DIRECTION_LTR);

  for (guint i = 0; i < SOC_N_TEXT_STYLES; i++)
    {
      PangoFontMetrics *metrics;

      self->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (self->fonts[i], family != NULL ? family : SOC_TEXT_DEFAULT_FAMILY);
      pango_font_description_set_absolute_size (self->fonts[i], styles[i].size * PANGO_SCALE);
      pango_font_description_set_weight (self->fonts[i], styles[i].weight);
      metrics = pango_context_get_metrics (self->context, self->fonts[i], NULL);
      self->heights[i] = (double) pango_font_metrics_get_height (metrics) / PANGO_SCALE;
      if (self->heights[i] <= 0)
        self->heights[i] = (double) (pango_font_metrics_get_ascent (metrics) +
                                     pango_font_metrics_get_descent (metrics)) / PANGO_SCALE;
      pango_font_metrics_unref (metrics);
    }
  return self;
}

SocText *
soc_text_ref (SocText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
soc_text_unref (SocText *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < SOC_N_TEXT_STYLES; i++)
    pango_font_description_free (self->fonts[i]);
  g_object_unref (self->context);
  g_free (self);
}

PangoContext *
soc_text_get_context (SocText *self)
{
  return self->context;
}

/* The font size of STYLE, in pixels. */
double
soc_text_get_size (SocText      *self,
                   SocTextStyle  style)
{
  return styles[style].size;
}

/* The height of a line of STYLE, in pixels. */
double
soc_text_get_height (SocText      *self,
                     SocTextStyle  style)
{
  return self->heights[style];
}

/* A one-line layout of TEXT in STYLE; the caller owns it. */
PangoLayout *
soc_text_layout (SocText      *self,
                 SocTextStyle  style,
                 const char   *text)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* The width TEXT takes in STYLE, in pixels. */
double
soc_text_width (SocText      *self,
                SocTextStyle  style,
                const char   *text)
{
  g_autoptr(PangoLayout) layout = soc_text_layout (self, style, text);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* Draws LAYOUT with its top left at X, Y in CR's current colour. The
 * layout was shaped for our context: show it as it is, whatever CR's
 * target would choose. */
void
soc_text_show (cairo_t     *cr,
               PangoLayout *layout,
               double       x,
               double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  char         *text;
  SocTextStyle  style;
  int           max_lines;  /* 1: one line, ellipsized; more: wrapped, then ellipsized */
  PangoLayout  *layout;
  double        natural;    /* the width with no limit */
  double        limit;      /* the width it is ellipsized or wrapped to, or -1 */
  guint         used;       /* the generation it was last asked for in */
} Label;

struct _SocLabelCache
{
  SocText    *text;
  GHashTable *labels;     /* key -> Label */
  guint       generation;
};

static void
label_free (gpointer data)
{
  Label *label = data;

  g_free (label->text);
  g_clear_object (&label->layout);
  g_free (label);
}

SocLabelCache *
soc_label_cache_new (SocText *text)
{
  SocLabelCache *self = g_new0 (SocLabelCache, 1);

  self->text = soc_text_ref (text);
  self->labels = g_hash_table_new_full (NULL, NULL, NULL, label_free);
  return self;
}

void
soc_label_cache_free (SocLabelCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->labels);
  soc_text_unref (self->text);
  g_free (self);
}

void
soc_label_cache_clear (SocLabelCache *self)
{
  g_hash_table_remove_all (self->labels);
}

SocText *
soc_label_cache_get_text (SocLabelCache *self)
{
  return self->text;
}

static Label *
lookup (SocLabelCache *self,
        gconstpointer  key,
        SocTextStyle   style,
        const char    *text,
        int            max_lines)
{
  Label *label = g_hash_table_lookup (self->labels, key);

  if (text == NULL)
    text = "";
  if (label == NULL || label->style != style || label->max_lines != max_lines || strcmp (label->text, text) != 0)
    {
      PangoRectangle logical;

      label = g_new0 (Label, 1);
      label->text = g_strdup (text);
      label->style = style;
      label->max_lines = max_lines;
      label->layout = soc_text_layout (self->text, style, text);
      pango_layout_get_extents (label->layout, NULL, &logical);
      label->natural = (double) logical.width / PANGO_SCALE;
      label->limit = -1;
      if (max_lines > 1)
        {
          pango_layout_set_single_paragraph_mode (label->layout, FALSE);
          pango_layout_set_wrap (label->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (label->layout, -max_lines);
        }
      g_hash_table_replace (self->labels, (gpointer) key, label);
    }
  label->used = self->generation;
  return label;
}

/* The layout of the label KEY (an object, say) reading TEXT in STYLE,
 * ellipsized at the end to MAX_WIDTH pixels if it is wider (-1: never).
 * It is shaped again only when TEXT, STYLE or the limit it needs changes.
 * NATURAL_WIDTH, if not NULL, gets its width without a limit. The layout
 * belongs to the cache and stays valid until the next call for KEY. */
PangoLayout *
soc_label_cache_get (SocLabelCache *self,
                     gconstpointer  key,
                     SocTextStyle   style,
                     const char    *text,
                     double         max_width,
                     double        *natural_width)
{
  Label *label = lookup (self, key, style, text, 1);
  double limit;

  /* Only a label too wide for its room is ellipsized, and only a change of
   * that room shapes it again. */
  limit = max_width >= 0 && label->natural > max_width ? MAX (max_width, 1.0) : -1;
  if (limit != label->limit)
    {
      pango_layout_set_ellipsize (label->layout, limit >= 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
      pango_layout_set_width (label->layout, limit >= 0 ? (int) (limit * PANGO_SCALE) : -1);
      label->limit = limit;
    }
  if (natural_width != NULL)
    *natural_width = label->natural;
  return label->layout;
}

/* The width of KEY's TEXT in STYLE with no limit, leaving its layout as
 * it is: measuring never shapes a label again. */
double
soc_label_cache_measure (SocLabelCache *self,
                         gconstpointer  key,
                         SocTextStyle   style,
                         const char    *text)
{
  return lookup (self, key, style, text, 1)->natural;
}

/* The layout of KEY's TEXT wrapped at WIDTH pixels into at most MAX_LINES
 * lines, the last ellipsized if the text needs more. HEIGHT, if not NULL,
 * gets the height the lines take. */
PangoLayout *
soc_label_cache_get_wrapped (SocLabelCache *self,
                             gconstpointer  key,
                             SocTextStyle   style,
                             const char    *text,
                             double         width,
                             int            max_lines,
                             double        *height)
{
  Label *label = lookup (self, key, style, text, MAX (max_lines, 2));
  double limit = MAX (width, 1.0);

  if (limit != label->limit)
    {
      pango_layout_set_ellipsize (label->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (label->layout, (int) (limit * PANGO_SCALE));
      label->limit = limit;
    }
  if (height != NULL)
    {
      PangoRectangle logical;

      pango_layout_get_extents (label->layout, NULL, &logical);
      *height = (double) logical.height / PANGO_SCALE;
    }
  return label->layout;
}

/* Forgets the labels not asked for since the last trim: call it after a
 * frame, so the cache holds what is on screen, not all it ever saw. */
void
soc_label_cache_trim (SocLabelCache *self)
{
  GHashTableIter iter;
  Label *label;

  g_hash_table_iter_init (&iter, self->labels);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &label))
    if (label->used != self->generation)
      g_hash_table_iter_remove (&iter);
  self->generation++;
}

guint
soc_label_cache_size (SocLabelCache *self)
{
  return g_hash_table_size (self->labels);
}
