/* soc-row-header.c: a row's icon, title and wrapped text, laid out by width
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content of a libadwaita action row (prefixes, a title over a
 * subtitle, suffixes), with the same CSS nodes so that the stylesheet
 * draws it the same, but laid out only height-for-width.
 *
 * Why: GTK 4.8's GtkBoxLayout asks each child of a horizontal box for its
 * width at a given height, when it measures the box's height for a width
 * (the natural width at the child's minimum height) and again when it
 * allocates it (the width at the allocated height). A wrapping GtkLabel
 * answers that by a binary search over widths, some ten Pango layouts
 * each time, and every new width of the row asks again: the evidence of
 * the seven success factors was laid out some 1,500 times before the
 * window first went idle. Here the text column gets the width that is
 * left beside the prefixes and suffixes, and its labels are only ever
 * asked for their height at that width, which GTK caches.
 */

#define G_LOG_DOMAIN "soc-row-header"

#include "config.h"

#include "soc-row-header.h"

/* libadwaita's border-spacing for "row > box.header", which only a GtkBox
 * reads from the style. */
#define SPACING 6

struct _SocRowHeader
{
  GtkWidget  parent_instance;

  GtkWidget *prefixes;   /* GtkBox, made when first needed */
  GtkWidget *title_box;  /* GtkBox: title over subtitle */
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *suffixes;   /* GtkBox, made when first needed */
};

G_DEFINE_FINAL_TYPE (SocRowHeader, soc_row_header, GTK_TYPE_WIDGET)

/* The widths of the visible children for WIDTH, as a GtkBox gives them
 * (minimum first, then up to natural, the rest to the expanding ones),
 * without asking any child for its width at a height. Returns how many. */
static guint
distribute (SocRowHeader     *self,
            int               width,
            GtkRequestedSize *sizes)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = 0, n_expand = 0;
  int extra = width;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &sizes[n].minimum_size, &sizes[n].natural_size, NULL, NULL);
      sizes[n].data = c;
      extra -= sizes[n].minimum_size + (n > 0 ? SPACING : 0);
      if (gtk_widget_compute_expand (c, GTK_ORIENTATION_HORIZONTAL))
        n_expand++;
      n++;
    }
  if (n == 0)
    return 0;
  extra = gtk_distribute_natural_allocation (MAX (extra, 0), n, sizes);
  for (guint i = 0; i < n; i++)
    {
      if (n_expand > 0 && gtk_widget_compute_expand (sizes[i].data, GTK_ORIENTATION_HORIZONTAL))
        {
          int share = extra / (int) n_expand;

          sizes[i].minimum_size += share;
          extra -= share;
          n_expand--;
        }
    }
  return n;
}

static guint
count_children (SocRowHeader *self)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static void
soc_row_header_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SocRowHeader *self = SOC_ROW_HEADER (widget);
  GtkRequestedSize *sizes = g_newa (GtkRequestedSize, count_children (self));
  int min = 0, nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Its width does not depend on its height: for_size is not passed on. */
      guint n = 0;

      for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (c))
            continue;
          gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          min += child_min + (n > 0 ? SPACING : 0);
          nat += child_nat + (n > 0 ? SPACING : 0);
          n++;
        }
    }
  else if (for_size < 0)
    {
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (c))
            continue;
          gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
    }
  else
    {
      guint n = distribute (self, for_size, sizes);

      for (guint i = 0; i < n; i++)
        {
          int child_min, child_nat;

          gtk_widget_measure (sizes[i].data, GTK_ORIENTATION_VERTICAL, sizes[i].minimum_size,
                              &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
    }
  *minimum = min;
  *natural = nat;
  *minimum_baseline = *natural_baseline = -1;
}

static void
soc_row_header_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SocRowHeader *self = SOC_ROW_HEADER (widget);
  GtkRequestedSize *sizes = g_newa (GtkRequestedSize, count_children (self));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint n = distribute (self, width, sizes);
  int x = 0;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *child = sizes[i].data;
      int w = sizes[i].minimum_size;
      int y = 0, h = height;

      /* The text column is centred here, at the height it has for its
       * width: a child aligned by GTK would be asked its width for the
       * height it is given. */
      if (child == self->title_box)
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
          h = MIN (h, height);
          y = (height - h) / 2;
        }
      gtk_widget_size_allocate (child, &(GtkAllocation) { rtl ? width - x - w : x, y, w, h }, -1);
      x += w + SPACING;
    }
}

static GtkSizeRequestMode
soc_row_header_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
soc_row_header_dispose (GObject *object)
{
  SocRowHeader *self = SOC_ROW_HEADER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->prefixes = self->title_box = self->title = self->subtitle = self->suffixes = NULL;

  G_OBJECT_CLASS (soc_row_header_parent_class)->dispose (object);
}

static void
soc_row_header_class_init (SocRowHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_row_header_dispose;
  widget_class->measure = soc_row_header_measure;
  widget_class->size_allocate = soc_row_header_size_allocate;
  widget_class->get_request_mode = soc_row_header_get_request_mode;

  /* The nodes of an AdwActionRow's content: "row > box.header". */
  gtk_widget_class_set_css_name (widget_class, "box");
}

static GtkWidget *
text_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* The plan's text: never markup, and always whole. */
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
soc_row_header_init (SocRowHeader *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "header");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self), FALSE);

  self->title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  /* Filled, and centred by soc_row_header_size_allocate (). */
  gtk_widget_set_valign (self->title_box, GTK_ALIGN_FILL);
  gtk_widget_set_hexpand (self->title_box, TRUE);
  gtk_widget_add_css_class (self->title_box, "title");
  gtk_widget_set_parent (self->title_box, GTK_WIDGET (self));

  self->title = text_label ("title");
  gtk_box_append (GTK_BOX (self->title_box), self->title);
  self->subtitle = text_label ("subtitle");
  gtk_box_append (GTK_BOX (self->title_box), self->subtitle);
}

GtkWidget *
soc_row_header_new (void)
{
  return g_object_new (SOC_TYPE_ROW_HEADER, NULL);
}

static void
set_text (GtkWidget  *label,
          const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL && text[0] != '\0');
}

void
soc_row_header_set_title (SocRowHeader *self,
                          const char   *title)
{
  g_return_if_fail (SOC_IS_ROW_HEADER (self));
  set_text (self->title, title);
}

void
soc_row_header_set_subtitle (SocRowHeader *self,
                             const char   *subtitle)
{
  g_return_if_fail (SOC_IS_ROW_HEADER (self));
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->subtitle)), subtitle ? subtitle : "") != 0)
    set_text (self->subtitle, subtitle);
}

const char *
soc_row_header_get_subtitle (SocRowHeader *self)
{
  g_return_val_if_fail (SOC_IS_ROW_HEADER (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->subtitle));
}

GtkWidget *
soc_row_header_get_title_label (SocRowHeader *self)
{
  g_return_val_if_fail (SOC_IS_ROW_HEADER (self), NULL);
  return self->title;
}

GtkWidget *
soc_row_header_get_subtitle_label (SocRowHeader *self)
{
  g_return_val_if_fail (SOC_IS_ROW_HEADER (self), NULL);
  return self->subtitle;
}

/* Prefixes go before the text, in a box of their own ("box.prefixes"),
 * suffixes after it ("box.suffixes"), as in an action row. */
void
soc_row_header_add_prefix (SocRowHeader *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (SOC_IS_ROW_HEADER (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (self->prefixes == NULL)
    {
      self->prefixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_widget_add_css_class (self->prefixes, "prefixes");
      gtk_widget_insert_before (self->prefixes, GTK_WIDGET (self), self->title_box);
    }
  gtk_box_append (GTK_BOX (self->prefixes), widget);
}

void
soc_row_header_add_suffix (SocRowHeader *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (SOC_IS_ROW_HEADER (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (self->suffixes == NULL)
    {
      self->suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_add_css_class (self->suffixes, "suffixes");
      gtk_widget_insert_after (self->suffixes, GTK_WIDGET (self), self->title_box);
    }
  gtk_box_append (GTK_BOX (self->suffixes), widget);
}
