/* soc-table-printable.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table as SocPrintable: the goal outline, the stakeholder table and the
 * report's checklist and curriculum matrix print through it. It is as wide
 * as the paper (set_width() spreads the columns by their weights and wraps
 * the text again), its column titles are repeated on every page, and a page
 * breaks between rows only. A row is a mark (a coloured dot or square), a
 * text and a smaller, dimmer detail under it, in each column; a group row
 * spans the table with a heading.
 */

#define G_LOG_DOMAIN "soc-table-printable"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "soc-draw.h"
#include "soc-palette.h"
#include "soc-table-printable.h"
#include "soc-text.h"

#define PAD_X          6.0
#define PAD_Y          5.0
#define INDENT        14.0
#define MAX_INDENT    12      /* deeper levels are shown at this one */
#define MARK_WIDTH    16.0
#define DETAIL_LINES   6
#define DEFAULT_WIDTH 800.0

typedef struct
{
  char            *text;
  char            *detail;
  SocLegendSwatch  mark;
  SocColor         colour;
  gboolean         has_mark;
  guint            indent;
} Cell;

typedef struct
{
  guint    first_cell;
  gboolean group;
  double   y;
  double   height;
} Row;

struct _SocTablePrintable
{
  GObject         parent_instance;

  char           *name;
  char           *range;
  char           *empty;
  SocTableColumn *columns;
  guint           n_columns;
  double         *col_x;
  double         *col_w;
  GArray         *rows;     /* Row */
  GArray         *cells;    /* Cell */
  GArray         *legend;   /* SocLegendEntry */
  SocText        *text;
  double          width;
  double          header_height;
  double          height;
  gboolean        columns_dirty;
  gboolean        dirty;      /* the rows */
};

static void soc_table_printable_iface_init (SocPrintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocTablePrintable, soc_table_printable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SOC_TYPE_PRINTABLE, soc_table_printable_iface_init))

static void
clear_cell (gpointer data)
{
  Cell *cell = data;

  g_clear_pointer (&cell->text, g_free);
  g_clear_pointer (&cell->detail, g_free);
}

static Cell *
get_cell (SocTablePrintable *self,
          guint              row,
          guint              column)
{
  const Row *r;

  g_return_val_if_fail (row < self->rows->len, NULL);
  r = &g_array_index (self->rows, Row, row);
  g_return_val_if_fail (column < (r->group ? 1 : self->n_columns), NULL);
  return &g_array_index (self->cells, Cell, r->first_cell + column);
}

/* TEXT in STYLE wrapped at WIDTH, at most LINES lines (0: any). */
static PangoLayout *
wrapped (SocTablePrintable *self,
         SocTextStyle       style,
         const char        *string,
         double             width,
         int                lines,
         gboolean           center)
{
  PangoLayout *layout = soc_text_layout (self->text, style, string);

  pango_layout_set_single_paragraph_mode (layout, FALSE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (width, 8.0) * PANGO_SCALE));
  if (lines > 0)
    {
      pango_layout_set_height (layout, -lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  if (center)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

static double
height_of (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* Where the text of CELL in COLUMN begins, and how wide it may be. */
static void
text_box (SocTablePrintable *self,
          const Cell        *cell,
          guint              column,
          gboolean           group,
          double            *x,
          double            *width)
{
  double x0 = group ? 0 : self->col_x[column];
  double w = group ? self->width : self->col_w[column];
  double lead = PAD_X + MIN (cell->indent, MAX_INDENT) * INDENT + (cell->has_mark ? MARK_WIDTH : 0);

  if (!group && self->columns[column].center)
    lead = PAD_X;
  *x = x0 + lead;
  *width = MAX (w - lead - PAD_X, 8.0);
}

/* The height of CELL's text and detail, and their layouts if asked for. */
static double
measure_cell (SocTablePrintable *self,
              const Cell        *cell,
              guint              column,
              gboolean           group,
              PangoLayout      **text_layout,
              PangoLayout      **detail_layout)
{
  gboolean center = !group && self->columns[column].center;
  double x, w, h = 0;

  text_box (self, cell, column, group, &x, &w);
  if (cell->text != NULL && cell->text[0])
    {
      PangoLayout *l = wrapped (self, group ? SOC_TEXT_HEADING : SOC_TEXT_LABEL, cell->text, w, 0, center);

      h += height_of (l);
      if (text_layout != NULL)
        *text_layout = l;
      else
        g_object_unref (l);
    }
  if (cell->detail != NULL && cell->detail[0])
    {
      PangoLayout *l = wrapped (self, SOC_TEXT_SMALL, cell->detail, w, DETAIL_LINES, center);

      h += height_of (l) + (h > 0 ? 1 : 0);
      if (detail_layout != NULL)
        *detail_layout = l;
      else
        g_object_unref (l);
    }
  if (cell->has_mark)
    h = MAX (h, soc_text_get_height (self->text, SOC_TEXT_LABEL));
  return h;
}

/* The columns and their titles, for the width set: cheap. */
static void
layout_columns (SocTablePrintable *self)
{
  double fixed = 0, weights = 0, x = 0;

  for (guint c = 0; c < self->n_columns; c++)
    {
      fixed += self->columns[c].width;
      if (self->columns[c].width <= 0)
        weights += MAX (self->columns[c].weight, 0.1);
    }
  for (guint c = 0; c < self->n_columns; c++)
    {
      double w = self->columns[c].width > 0 ? self->columns[c].width
                                            : MAX (self->width - fixed, 0) * MAX (self->columns[c].weight, 0.1) / MAX (weights, 0.1);

      self->col_x[c] = x;
      self->col_w[c] = w;
      x += w;
    }

  /* The column titles: the frame at the top. */
  self->header_height = soc_text_get_height (self->text, SOC_TEXT_HEADING);
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autoptr(PangoLayout) l = wrapped (self, SOC_TEXT_HEADING, self->columns[c].title,
                                          self->col_w[c] - 2 * PAD_X, 0, self->columns[c].center);

      self->header_height = MAX (self->header_height, height_of (l));
    }
  self->header_height += 2 * PAD_Y;
  self->columns_dirty = FALSE;
}

/* Every row's height, with its text wrapped to its column: what costs. */
static void
layout_rows (SocTablePrintable *self)
{
  double y = self->header_height;

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = &g_array_index (self->rows, Row, r);
      double h = soc_text_get_height (self->text, SOC_TEXT_LABEL);

      for (guint c = 0; c < (row->group ? 1 : self->n_columns); c++)
        h = MAX (h, measure_cell (self, &g_array_index (self->cells, Cell, row->first_cell + c), c, row->group, NULL, NULL));
      row->y = y;
      row->height = h + 2 * PAD_Y + (row->group ? 4 : 0);
      y += row->height;
    }
  if (self->rows->len == 0 && self->empty != NULL)
    y += 2 * soc_text_get_height (self->text, SOC_TEXT_LABEL) + 2 * PAD_Y;
  self->height = y;
  self->dirty = FALSE;
}

static void
ensure_columns (SocTablePrintable *self)
{
  if (self->columns_dirty)
    {
      layout_columns (self);
      self->dirty = TRUE;
    }
}

static void
ensure_layout (SocTablePrintable *self)
{
  ensure_columns (self);
  if (self->dirty)
    layout_rows (self);
}

/* ------------------------------------------------------------------------ */
/* SocPrintable                                                             */

static const char *
get_name (SocPrintable *printable)
{
  return SOC_TABLE_PRINTABLE (printable)->name;
}

static char *
get_range (SocPrintable *printable)
{
  return g_strdup (SOC_TABLE_PRINTABLE (printable)->range);
}

static void
set_width (SocPrintable *printable,
           double        width)
{
  SocTablePrintable *self = SOC_TABLE_PRINTABLE (printable);

  width = MAX (width, 100.0);
  if (width != self->width)
    {
      self->width = width;
      self->columns_dirty = TRUE;
    }
}

static void
get_size (SocPrintable *printable,
          double       *width,
          double       *height)
{
  SocTablePrintable *self = SOC_TABLE_PRINTABLE (printable);

  ensure_layout (self);
  *width = self->width;
  *height = self->height;
}

static void
get_frame (SocPrintable *printable,
           double       *left,
           double       *top)
{
  SocTablePrintable *self = SOC_TABLE_PRINTABLE (printable);

  ensure_columns (self);
  *left = 0;
  *top = self->header_height;
}

/* The first row whose bottom is below Y. */
static guint
row_at (SocTablePrintable *self,
        double             y)
{
  guint lo = 0, hi = self->rows->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Row *row = &g_array_index (self->rows, Row, mid);

      if (row->y + row->height <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static double
find_break (SocPrintable *printable,
            double        top,
            double        bottom)
{
  SocTablePrintable *self = SOC_TABLE_PRINTABLE (printable);
  guint r;

  ensure_layout (self);
  if (bottom >= self->height)
    return self->height;
  /* The row BOTTOM falls in begins the next page; a group heading goes
   * with the row after it. */
  r = row_at (self, bottom);
  if (r < self->rows->len)
    {
      const Row *row = &g_array_index (self->rows, Row, r);
      double y = row->y;

      if (r > 0 && g_array_index (self->rows, Row, r - 1).group && g_array_index (self->rows, Row, r - 1).y > top)
        y = g_array_index (self->rows, Row, r - 1).y;
      return y > top ? y : top;
    }
  return top;
}

static double
get_min_text (SocPrintable *printable)
{
  SocTablePrintable *self = SOC_TABLE_PRINTABLE (printable);

  return MIN (soc_text_get_size (self->text, SOC_TEXT_SMALL), soc_text_get_size (self->text, SOC_TEXT_LABEL));
}

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
paint_cell (SocTablePrintable *self,
            cairo_t           *cr,
            const Cell        *cell,
            guint              column,
            const Row         *row)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoLayout) detail = NULL;
  double x, w, y = row->y + PAD_Y + (row->group ? 4 : 0);
  double line = soc_text_get_height (self->text, SOC_TEXT_LABEL);

  measure_cell (self, cell, column, row->group, &text, &detail);
  text_box (self, cell, column, row->group, &x, &w);
  if (cell->has_mark)
    {
      SocLegendEntry entry = { cell->mark, cell->colour, cell->colour, NULL };
      gboolean center = !row->group && self->columns[column].center;
      double mx = center ? self->col_x[column] + (self->col_w[column] - MARK_WIDTH) / 2 : x - MARK_WIDTH;

      /* Marks that stand for the cell (a matrix) are larger. */
      soc_legend_paint_swatch (cr, &entry, center ? mx - MARK_WIDTH * 0.2 : mx, y + line / 2, center ? 1.4 : 1.0);
    }
  if (text != NULL)
    {
      soc_draw_set_color (cr, &p->text);
      show (cr, text, x, y);
      y += height_of (text) + 1;
    }
  if (detail != NULL)
    {
      soc_draw_set_color (cr, &p->text_dim);
      show (cr, detail, x, y);
    }
}

static void
paint_header (SocTablePrintable *self,
              cairo_t           *cr,
              const SocRect     *visible)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);

  cairo_rectangle (cr, visible->x, visible->y, visible->width, self->header_height);
  soc_draw_set_color (cr, &p->chrome);
  cairo_fill (cr);
  soc_draw_set_color (cr, &p->text);
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autoptr(PangoLayout) l = wrapped (self, SOC_TEXT_HEADING, self->columns[c].title,
                                          self->col_w[c] - 2 * PAD_X, 0, self->columns[c].center);

      show (cr, l, self->col_x[c] + PAD_X, visible->y + PAD_Y);
    }
  cairo_move_to (cr, visible->x, visible->y + self->header_height - 0.75);
  cairo_line_to (cr, visible->x + visible->width, visible->y + self->header_height - 0.75);
  soc_draw_set_color (cr, &p->border);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
paint (SocPrintable  *printable,
       cairo_t       *cr,
       const SocRect *visible)
{
  SocTablePrintable *self = SOC_TABLE_PRINTABLE (printable);
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  double top = visible->y + self->header_height, bottom = visible->y + visible->height;

  ensure_layout (self);
  cairo_save (cr);
  cairo_rectangle (cr, visible->x, visible->y, visible->width, visible->height);
  cairo_clip (cr);
  soc_draw_set_color (cr, &p->background);
  cairo_paint (cr);

  for (guint r = row_at (self, top); r < self->rows->len; r++)
    {
      const Row *row = &g_array_index (self->rows, Row, r);

      if (row->y >= bottom)
        break;
      if (row->group)
        {
          cairo_rectangle (cr, 0, row->y + 2, self->width, row->height - 2);
          soc_draw_set_color (cr, &p->band);
          cairo_fill (cr);
        }
      for (guint c = 0; c < (row->group ? 1 : self->n_columns); c++)
        paint_cell (self, cr, &g_array_index (self->cells, Cell, row->first_cell + c), c, row);
      cairo_move_to (cr, 0, round (row->y + row->height) - 0.5);
      cairo_line_to (cr, self->width, round (row->y + row->height) - 0.5);
      soc_draw_set_color (cr, &p->grid_major);
      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);
    }

  if (self->rows->len == 0 && self->empty != NULL)
    {
      g_autoptr(PangoLayout) l = wrapped (self, SOC_TEXT_LABEL, self->empty, self->width - 2 * PAD_X, 0, FALSE);

      soc_draw_set_color (cr, &p->text_dim);
      show (cr, l, PAD_X, self->header_height + PAD_Y + soc_text_get_height (self->text, SOC_TEXT_LABEL) / 2);
    }

  paint_header (self, cr, visible);
  cairo_restore (cr);
}

static void
get_legend (SocPrintable *printable,
            GArray       *entries)
{
  SocTablePrintable *self = SOC_TABLE_PRINTABLE (printable);

  for (guint i = 0; i < self->legend->len; i++)
    {
      const SocLegendEntry *e = &g_array_index (self->legend, SocLegendEntry, i);

      soc_legend_add (entries, e->swatch, &e->fill, &e->stroke, e->text);
    }
}

static void
soc_table_printable_iface_init (SocPrintableInterface *iface)
{
  iface->get_name = get_name;
  iface->get_range = get_range;
  iface->set_width = set_width;
  iface->get_size = get_size;
  iface->get_frame = get_frame;
  iface->find_break = find_break;
  iface->get_min_text = get_min_text;
  iface->paint = paint;
  iface->get_legend = get_legend;
}

/* ------------------------------------------------------------------------ */

static void
soc_table_printable_finalize (GObject *object)
{
  SocTablePrintable *self = SOC_TABLE_PRINTABLE (object);

  for (guint c = 0; c < self->n_columns; c++)
    g_free ((char *) self->columns[c].title);
  g_free (self->columns);
  g_free (self->col_x);
  g_free (self->col_w);
  g_free (self->name);
  g_free (self->range);
  g_free (self->empty);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->text, soc_text_unref);

  G_OBJECT_CLASS (soc_table_printable_parent_class)->finalize (object);
}

static void
soc_table_printable_class_init (SocTablePrintableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = soc_table_printable_finalize;
}

static void
soc_table_printable_init (SocTablePrintable *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  self->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (self->cells, clear_cell);
  self->legend = soc_legend_new ();
  self->text = soc_text_new (NULL);
  self->width = DEFAULT_WIDTH;
  self->columns_dirty = TRUE;
  self->dirty = TRUE;
}

/* A table called NAME (on a page's header) with N_COLUMNS COLUMNS. */
SocTablePrintable *
soc_table_printable_new (const char           *name,
                         const SocTableColumn *columns,
                         guint                 n_columns)
{
  SocTablePrintable *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);

  self = g_object_new (SOC_TYPE_TABLE_PRINTABLE, NULL);
  self->name = g_strdup (name);
  self->n_columns = n_columns;
  self->columns = g_new0 (SocTableColumn, n_columns);
  self->col_x = g_new0 (double, n_columns);
  self->col_w = g_new0 (double, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      self->columns[c] = columns[c];
      self->columns[c].title = g_strdup (columns[c].title != NULL ? columns[c].title : "");
    }
  return self;
}

static guint
add_row (SocTablePrintable *self,
         gboolean           group)
{
  Row row = { self->cells->len, group, 0, 0 };

  g_array_set_size (self->cells, self->cells->len + (group ? 1 : self->n_columns));
  g_array_append_val (self->rows, row);
  self->dirty = TRUE;
  return self->rows->len - 1;
}

/* A new row, empty; returns its index. */
guint
soc_table_printable_add_row (SocTablePrintable *self)
{
  g_return_val_if_fail (SOC_IS_TABLE_PRINTABLE (self), 0);
  return add_row (self, FALSE);
}

/* A heading across the table, TITLE and DETAIL under it; a page never
 * ends just after one. */
guint
soc_table_printable_add_group (SocTablePrintable *self,
                               const char        *title,
                               const char        *detail)
{
  guint row;

  g_return_val_if_fail (SOC_IS_TABLE_PRINTABLE (self), 0);
  row = add_row (self, TRUE);
  soc_table_printable_set_text (self, row, 0, title, detail);
  return row;
}

void
soc_table_printable_set_text (SocTablePrintable *self,
                              guint              row,
                              guint              column,
                              const char        *text,
                              const char        *detail)
{
  Cell *cell;

  g_return_if_fail (SOC_IS_TABLE_PRINTABLE (self));
  cell = get_cell (self, row, column);
  g_return_if_fail (cell != NULL);
  g_free (cell->text);
  g_free (cell->detail);
  cell->text = g_strdup (text);
  cell->detail = g_strdup (detail);
  self->dirty = TRUE;
}

/* A mark before the text of ROW's COLUMN (in the middle of a centred one). */
void
soc_table_printable_set_mark (SocTablePrintable *self,
                              guint              row,
                              guint              column,
                              SocLegendSwatch    swatch,
                              const SocColor    *colour)
{
  Cell *cell;

  g_return_if_fail (SOC_IS_TABLE_PRINTABLE (self));
  cell = get_cell (self, row, column);
  g_return_if_fail (cell != NULL);
  cell->has_mark = TRUE;
  cell->mark = swatch;
  cell->colour = *colour;
  self->dirty = TRUE;
}

/* Indents ROW's COLUMN by LEVEL steps (an outline's depth). */
void
soc_table_printable_set_indent (SocTablePrintable *self,
                                guint              row,
                                guint              column,
                                guint              level)
{
  Cell *cell;

  g_return_if_fail (SOC_IS_TABLE_PRINTABLE (self));
  cell = get_cell (self, row, column);
  g_return_if_fail (cell != NULL);
  cell->indent = level;
  self->dirty = TRUE;
}

/* What the table covers, for a page's header. */
void
soc_table_printable_set_range (SocTablePrintable *self,
                               const char        *range)
{
  g_return_if_fail (SOC_IS_TABLE_PRINTABLE (self));
  g_free (self->range);
  self->range = g_strdup (range);
}

/* What a table with no rows says instead. */
void
soc_table_printable_set_empty (SocTablePrintable *self,
                               const char        *text)
{
  g_return_if_fail (SOC_IS_TABLE_PRINTABLE (self));
  g_free (self->empty);
  self->empty = g_strdup (text);
  self->dirty = TRUE;
}

void
soc_table_printable_add_legend (SocTablePrintable *self,
                                SocLegendSwatch    swatch,
                                const SocColor    *fill,
                                const SocColor    *stroke,
                                const char        *text)
{
  g_return_if_fail (SOC_IS_TABLE_PRINTABLE (self));
  soc_legend_add (self->legend, swatch, fill, stroke, text);
}

guint
soc_table_printable_get_n_rows (SocTablePrintable *self)
{
  g_return_val_if_fail (SOC_IS_TABLE_PRINTABLE (self), 0);
  return self->rows->len;
}

/* Where ROW is, in layout pixels, at the width last set. */
void
soc_table_printable_get_row (SocTablePrintable *self,
                             guint              row,
                             double            *y,
                             double            *height)
{
  g_return_if_fail (SOC_IS_TABLE_PRINTABLE (self));
  g_return_if_fail (row < self->rows->len);
  ensure_layout (self);
  *y = g_array_index (self->rows, Row, row).y;
  *height = g_array_index (self->rows, Row, row).height;
}
