/* soc-cell-label.c: one line of a table cell's text
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a GtkInscription does for a table cell (one line, cut with an
 * ellipsis at the end, sized in characters, not in its text), at a part
 * of the cost of making one. The labels of a table share their table's
 * Pango context, and the font's metrics, worked out once per change of
 * font: an inscription makes a context of its own when it is made, and
 * asks Pango for the font's metrics (which shapes a sample text) each
 * time it is measured. GTK 4.8 keeps 200 rows of a table alive whatever
 * its height, and makes them all again when its rows come back (an undo
 * that puts back a goal tree, opening a plan): for five columns, a
 * thousand contexts and two thousand metrics.
 *
 * The text is laid out when it is first drawn, so rows kept out of sight
 * never shape theirs. Screen readers get the text as the label's name.
 */

#define G_LOG_DOMAIN "soc-cell-label"

#include "config.h"

#include "soc-cell-label.h"
#include "soc-compat.h"

struct _SocCellLabel
{
  GtkWidget     parent_instance;

  PangoContext *context;   /* the owner's, shared */
  PangoLayout  *layout;    /* made when first drawn */
  guint         serial;    /* of the context, when the layout was last told */
  char         *text;
  gboolean      text_changed;  /* since the layout was last told: rows kept out of sight never tell it */
  guint         min_chars;
  guint         nat_chars;
};

G_DEFINE_FINAL_TYPE (SocCellLabel, soc_cell_label, GTK_TYPE_WIDGET)

/* The font's metrics, kept on the shared context, in Pango units. */
typedef struct
{
  guint serial;
  int   char_width;
  int   ascent;
  int   descent;
} Metrics;

static GQuark metrics_quark;

static const Metrics *
context_metrics (PangoContext *context)
{
  Metrics *m = g_object_get_qdata (G_OBJECT (context), metrics_quark);
  guint serial = pango_context_get_serial (context);

  if (m == NULL)
    {
      m = g_new0 (Metrics, 1);
      m->serial = serial + 1;
      g_object_set_qdata_full (G_OBJECT (context), metrics_quark, m, g_free);
    }
  if (m->serial != serial)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      m->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                           pango_font_metrics_get_approximate_digit_width (metrics));
      m->ascent = pango_font_metrics_get_ascent (metrics);
      m->descent = pango_font_metrics_get_descent (metrics);
      m->serial = serial;
      pango_font_metrics_unref (metrics);
    }
  return m;
}

static void
soc_cell_label_finalize (GObject *object)
{
  SocCellLabel *self = SOC_CELL_LABEL (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (soc_cell_label_parent_class)->finalize (object);
}

static void
soc_cell_label_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SocCellLabel *self = SOC_CELL_LABEL (widget);
  const Metrics *m = context_metrics (self->context);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL ((gint64) self->min_chars * m->char_width);
      *natural = PANGO_PIXELS_CEIL ((gint64) self->nat_chars * m->char_width);
    }
  else
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (m->ascent + m->descent);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (m->ascent);
    }
}

/* The layout, told of the context's changes and of WIDTH. */
static PangoLayout *
ensure_layout (SocCellLabel *self,
               int           width)
{
  guint serial = pango_context_get_serial (self->context);
  PangoAlignment align = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                         ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;

  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (self->context);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      self->text_changed = TRUE;
      self->serial = serial;
    }
  else if (self->serial != serial)
    {
      pango_layout_context_changed (self->layout);
      self->serial = serial;
    }
  if (self->text_changed)
    {
      pango_layout_set_text (self->layout, self->text != NULL ? self->text : "", -1);
      self->text_changed = FALSE;
    }
  if (pango_layout_get_width (self->layout) != width * PANGO_SCALE)
    pango_layout_set_width (self->layout, width * PANGO_SCALE);
  if (pango_layout_get_alignment (self->layout) != align)
    pango_layout_set_alignment (self->layout, align);
  return self->layout;
}

static void
soc_cell_label_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SocCellLabel *self = SOC_CELL_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  PangoLayout *layout;
  GdkRGBA color;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;
  layout = ensure_layout (self, width);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  soc_compat_widget_color (widget, &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, floorf ((height - logical.height) / 2.0f)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
soc_cell_label_class_init (SocCellLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = soc_cell_label_finalize;
  widget_class->measure = soc_cell_label_measure;
  widget_class->snapshot = soc_cell_label_snapshot;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
  metrics_quark = g_quark_from_static_string ("soc-cell-label-metrics");
}

static void
soc_cell_label_init (SocCellLabel *self)
{
}

/* A label that shares OWNER's Pango context: its font, language and
 * direction. OWNER is the table, whose cells have its font. */
GtkWidget *
soc_cell_label_new (GtkWidget *owner)
{
  SocCellLabel *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  self = g_object_new (SOC_TYPE_CELL_LABEL, NULL);
  self->context = g_object_ref (gtk_widget_get_pango_context (owner));
  return GTK_WIDGET (self);
}

const char *
soc_cell_label_get_text (SocCellLabel *self)
{
  g_return_val_if_fail (SOC_IS_CELL_LABEL (self), NULL);
  return self->text;
}

void
soc_cell_label_set_text (SocCellLabel *self,
                         const char   *text)
{
  g_return_if_fail (SOC_IS_CELL_LABEL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  self->text_changed = TRUE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  /* The size follows the characters asked for, not the text. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The room asked for: MIN_CHARS at least, NAT_CHARS if there is room. */
void
soc_cell_label_set_chars (SocCellLabel *self,
                          guint         min_chars,
                          guint         nat_chars)
{
  g_return_if_fail (SOC_IS_CELL_LABEL (self));

  if (self->min_chars == min_chars && self->nat_chars == nat_chars)
    return;
  self->min_chars = min_chars;
  self->nat_chars = nat_chars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Whether the text is cut where it is shown now. */
gboolean
soc_cell_label_is_cut (SocCellLabel *self)
{
  g_return_val_if_fail (SOC_IS_CELL_LABEL (self), FALSE);

  if (self->text == NULL || self->text[0] == '\0')
    return FALSE;
  return pango_layout_is_ellipsized (ensure_layout (self, MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1)));
}
