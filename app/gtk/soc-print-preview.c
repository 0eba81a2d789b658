/* soc-print-preview.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Print Preview: the pages of a SocPrintOperation, one at a time, drawn
 * by the operation itself (GtkPrintOperationPreview) onto a sheet of the
 * paper's shape that fills the window; the arrow keys, Page Up and Page
 * Down turn the pages, Print… goes on to the print dialog. GTK's own
 * preview would start an external viewer, which a desktop may not have.
 */

#define G_LOG_DOMAIN "soc-print-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-icon-button.h"
#include "soc-print-operation.h"
#include "soc-print-preview.h"

#define PAD 24.0

struct _SocPrintPreview
{
  AdwWindow                 parent_instance;

  SocPrintOperation        *operation;
  GtkPrintOperationPreview *preview;
  GtkPrintContext          *context;
  GtkWindow                *parent;      /* weak */
  GtkWidget                *area;
  GtkWidget                *page_label;
  GtkWidget                *previous;
  GtkWidget                *next;
  guint                     page;
  guint                     n_pages;
  double                    paper_width;   /* points */
  double                    paper_height;
  gboolean                  ready;
  gboolean                  ended;
};

G_DEFINE_FINAL_TYPE (SocPrintPreview, soc_print_preview, ADW_TYPE_WINDOW)

static void
update_controls (SocPrintPreview *self)
{
  g_autofree char *text = NULL;

  if (self->ready)
    /* Translators: in the print preview's header */
    text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  else
    text = g_strdup (_("Laying out the pages…"));
  gtk_label_set_text (GTK_LABEL (self->page_label), text);
  gtk_widget_set_sensitive (self->previous, self->ready && self->page > 0);
  gtk_widget_set_sensitive (self->next, self->ready && self->page + 1 < self->n_pages);
}

static void
use_page_setup (SocPrintPreview *self,
                GtkPageSetup    *setup)
{
  if (setup == NULL)
    return;
  self->paper_width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  self->paper_height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
}

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  SocPrintPreview *self = user_data;
  double zoom, x, y;

  cairo_set_source_rgb (cr, 0.62, 0.62, 0.64);
  cairo_paint (cr);
  if (!self->ready || self->ended || self->n_pages == 0 || self->paper_width <= 0)
    return;

  zoom = MIN ((width - 2 * PAD) / self->paper_width, (height - 2 * PAD) / self->paper_height);
  if (zoom <= 0)
    return;
  x = (width - self->paper_width * zoom) / 2;
  y = (height - self->paper_height * zoom) / 2;

  /* The sheet, and its shadow. */
  cairo_rectangle (cr, x + 3, y + 3, self->paper_width * zoom, self->paper_height * zoom);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill (cr);
  cairo_rectangle (cr, x, y, self->paper_width * zoom, self->paper_height * zoom);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  /* The page, drawn by the operation, in points. */
  cairo_save (cr);
  cairo_rectangle (cr, x, y, self->paper_width * zoom, self->paper_height * zoom);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, zoom, zoom);
  gtk_print_context_set_cairo_context (self->context, cr, 72, 72);
  gtk_print_operation_preview_render_page (self->preview, (int) self->page);
  cairo_restore (cr);
}

static void
on_ready (GtkPrintOperationPreview *preview,
          GtkPrintContext          *context,
          SocPrintPreview          *self)
{
  self->n_pages = soc_print_operation_get_n_pages (self->operation);
  self->ready = TRUE;
  self->page = MIN (self->page, self->n_pages > 0 ? self->n_pages - 1 : 0);
  use_page_setup (self, gtk_print_context_get_page_setup (context));
  update_controls (self);
  gtk_widget_queue_draw (self->area);
}

static void
on_got_page_size (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  GtkPageSetup             *setup,
                  SocPrintPreview          *self)
{
  double w = self->paper_width, h = self->paper_height;

  use_page_setup (self, setup);
  if (w != self->paper_width || h != self->paper_height)
    gtk_widget_queue_draw (self->area);
}

/* Ends the preview once: the operation finishes and says it is done. */
static void
end_preview (SocPrintPreview *self)
{
  if (self->ended)
    return;
  self->ended = TRUE;
  gtk_print_operation_preview_end_preview (self->preview);
}

static gboolean
soc_print_preview_close_request (GtkWindow *window)
{
  end_preview (SOC_PRINT_PREVIEW (window));
  return GTK_WINDOW_CLASS (soc_print_preview_parent_class)->close_request (window);
}

static void
turn_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  SocPrintPreview *self = SOC_PRINT_PREVIEW (widget);
  int step = g_variant_get_int32 (param);

  if (!self->ready || self->n_pages == 0)
    return;
  if (step == G_MININT32)
    soc_print_preview_set_page (self, 0);
  else if (step == G_MAXINT32)
    soc_print_preview_set_page (self, self->n_pages - 1);
  else if (step < 0 && self->page > 0)
    soc_print_preview_set_page (self, self->page - 1);
  else if (step > 0 && self->page + 1 < self->n_pages)
    soc_print_preview_set_page (self, self->page + 1);
}

/* Print…: on to the print dialog, from the window the preview came from. */
static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  SocPrintPreview *self = SOC_PRINT_PREVIEW (widget);
  GtkWindow *parent = self->parent;

  gtk_window_close (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.print", NULL);
}

static void
soc_print_preview_dispose (GObject *object)
{
  SocPrintPreview *self = SOC_PRINT_PREVIEW (object);

  if (self->preview != NULL)
    {
      end_preview (self);
      g_signal_handlers_disconnect_by_data (self->preview, self);
    }
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->preview);
  g_clear_object (&self->context);
  g_clear_object (&self->operation);

  G_OBJECT_CLASS (soc_print_preview_parent_class)->dispose (object);
}

static void
soc_print_preview_class_init (SocPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_print_preview_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = soc_print_preview_close_request;

  gtk_widget_class_install_action (widget_class, "preview.turn", "i", turn_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "preview.turn", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.turn", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "preview.turn", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.turn", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "preview.turn", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "preview.turn", "i", G_MININT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "preview.turn", "i", G_MAXINT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *tooltip,
             const char *action,
             int         step)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  soc_icon_button_set_label (button, label, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", step);
  return button;
}

static void
soc_print_preview_init (SocPrintPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));

  gtk_window_set_title (GTK_WINDOW (self), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 760);

  self->previous = icon_button ("go-previous-symbolic", _("Previous page"), _("Previous page (Page Up)"),
                                "preview.turn", -1);
  self->next = icon_button ("go-next-symbolic", _("Next page"), _("Next page (Page Down)"), "preview.turn", 1);
  self->page_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->page_label, "numeric");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->previous);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->page_label);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->next);
  gtk_widget_add_css_class (print, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "preview.print");
  gtk_widget_set_tooltip_text (print, _("Choose a printer and print (Ctrl+P)"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print);
  gtk_box_append (GTK_BOX (box), header);

  self->area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_page, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The printed page"), -1);
  gtk_box_append (GTK_BOX (box), self->area);
  adw_window_set_content (ADW_WINDOW (self), box);
  update_controls (self);
}

/* The preview of OPERATION's pages, which PREVIEW and CONTEXT (given to
 * its ::preview handler) draw, for PARENT. */
SocPrintPreview *
soc_print_preview_new (SocPrintOperation        *operation,
                       GtkPrintOperationPreview *preview,
                       GtkPrintContext          *context,
                       GtkWindow                *parent)
{
  SocPrintPreview *self;
  g_autofree char *title = NULL;
  cairo_surface_t *scratch;
  cairo_t *cr;

  g_return_val_if_fail (SOC_IS_PRINT_OPERATION (operation), NULL);
  g_return_val_if_fail (GTK_IS_PRINT_OPERATION_PREVIEW (preview), NULL);
  g_return_val_if_fail (GTK_IS_PRINT_CONTEXT (context), NULL);

  self = g_object_new (SOC_TYPE_PRINT_PREVIEW, NULL);
  self->operation = g_object_ref (operation);
  self->preview = g_object_ref (preview);
  self->context = g_object_ref (context);
  if (parent != NULL)
    {
      g_set_weak_pointer (&self->parent, parent);
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
    }
  title = soc_document_get_display_name (soc_print_operation_get_document (operation));
  /* Translators: the print preview's title; %s is the plan's */
  {
    g_autofree char *window_title = g_strdup_printf (_("Print Preview – %s"), title);
    gtk_window_set_title (GTK_WINDOW (self), window_title);
  }

  /* The operation lays out its pages with a context it can measure with
   * before any page is drawn: a scratch one until then. */
  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (scratch);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  use_page_setup (self, gtk_print_context_get_page_setup (context));

  g_signal_connect (preview, "ready", G_CALLBACK (on_ready), self);
  g_signal_connect (preview, "got-page-size", G_CALLBACK (on_got_page_size), self);
  return self;
}

guint
soc_print_preview_get_n_pages (SocPrintPreview *self)
{
  g_return_val_if_fail (SOC_IS_PRINT_PREVIEW (self), 0);
  return self->n_pages;
}

guint
soc_print_preview_get_page (SocPrintPreview *self)
{
  g_return_val_if_fail (SOC_IS_PRINT_PREVIEW (self), 0);
  return self->page;
}

/* Shows PAGE (from 0). */
void
soc_print_preview_set_page (SocPrintPreview *self,
                            guint            page)
{
  g_return_if_fail (SOC_IS_PRINT_PREVIEW (self));

  if (self->n_pages > 0)
    page = MIN (page, self->n_pages - 1);
  if (page == self->page)
    return;
  self->page = page;
  update_controls (self);
  gtk_widget_queue_draw (self->area);
}

/* Whether the pages are laid out and shown. */
gboolean
soc_print_preview_is_ready (SocPrintPreview *self)
{
  g_return_val_if_fail (SOC_IS_PRINT_PREVIEW (self), FALSE);
  return self->ready;
}
