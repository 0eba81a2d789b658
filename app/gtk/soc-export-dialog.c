/* soc-export-dialog.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export…: what to export (a view or the plan report), as what (PDF
 * pages, one PDF poster page, an SVG or PNG picture), on what paper, how
 * many pages across, over which days, at what resolution; then where.
 * The file is written by the render layer, as socplan-cli writes it, from
 * a copy of the plan in a thread of its own, so a large roadmap does not
 * stop the window, and an edit made meanwhile does not reach the file
 * half-way. It starts from what the plan was last printed with.
 */

#define G_LOG_DOMAIN "soc-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "soc-date.h"
#include "soc-export-dialog.h"
#include "soc-print-operation.h"
#include "soc-printable.h"
#include "soc-window-private.h"

typedef enum {
  FORMAT_PDF,
  FORMAT_POSTER,
  FORMAT_SVG,
  FORMAT_PNG,
} Format;

/* The views that print, then the plan report, in the view row's order. */
static const char *
view_at (guint index)
{
  guint n;
  const SocPrintableView *views = soc_printable_get_views (&n);

  return index < n ? views[index].name : "report";
}

static guint
n_view_rows (void)
{
  guint n;

  soc_printable_get_views (&n);
  return n + 1;
}

struct _SocExportDialog
{
  AdwWindow     parent_instance;

  SocWindow    *window;       /* weak */
  GCancellable *cancellable;
  gboolean      busy;

  GtkWidget    *view_row;
  GtkWidget    *format_row;
  GtkWidget    *paper_row;
  GtkWidget    *landscape_switch;
  GtkWidget    *wide_row;
  GtkWidget    *wide_spin;
  GtkWidget    *dpi_row;
  GtkWidget    *dpi_spin;
  GtkWidget    *dates;      /* the roadmap's dates: for the roadmap and the report */
  GtkWidget    *from_row;
  GtkWidget    *to_row;
  GtkWidget    *legend_switch;
  GtkWidget    *export_button;
  GtkWidget    *spinner;
};

G_DEFINE_FINAL_TYPE (SocExportDialog, soc_export_dialog, ADW_TYPE_WINDOW)

static guint
selected (GtkWidget *combo)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (combo));
}

static void
update_sensitivity (SocExportDialog *self)
{
  gboolean report = selected (self->view_row) == n_view_rows () - 1;
  gboolean roadmap;
  Format format = selected (self->format_row);

  /* The report is pages of a PDF. */
  if (report && format != FORMAT_PDF)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->format_row), FORMAT_PDF);
  gtk_widget_set_sensitive (self->format_row, !report);
  gtk_widget_set_sensitive (self->dpi_row, !report && format == FORMAT_PNG);
  /* Only the roadmap, alone or in the report, is cut to dates, and only
   * its time is what runs across the pages. */
  roadmap = report || g_str_equal (view_at (selected (self->view_row)), "roadmap");
  gtk_widget_set_sensitive (self->dates, roadmap);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->wide_row),
                               roadmap ? _("The time is spread over this many pages side by side; rows flow down over more")
                                       : _("The view is spread over this many pages side by side; what does not fit flows down onto more"));
  gtk_widget_set_sensitive (self->export_button, !self->busy);
}

static guint
row_date (GtkWidget *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  guint date = 0;

  if (text[0] == '\0' || !soc_date_parse (text, strlen (text), &date))
    return 0;
  return date;
}

static void
set_row_date (GtkWidget *row,
              guint      date)
{
  char text[11] = "";

  if (date != 0)
    soc_date_format (date, text);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* What the dialog says, as export options; VIEW points into static data. */
void
soc_export_dialog_get_options (SocExportDialog  *self,
                               SocExportOptions *options)
{
  guint view = selected (self->view_row);
  Format format = selected (self->format_row);

  g_return_if_fail (SOC_IS_EXPORT_DIALOG (self));

  soc_export_options_init (options);
  options->view = view_at (MIN (view, n_view_rows () - 1));
  options->format = format == FORMAT_SVG ? SOC_EXPORT_SVG : format == FORMAT_PNG ? SOC_EXPORT_PNG : SOC_EXPORT_PDF;
  options->poster = format == FORMAT_POSTER;
  options->paper = MIN (selected (self->paper_row), SOC_PAPER_A3);
  options->landscape = gtk_switch_get_active (GTK_SWITCH (self->landscape_switch));
  options->pages_wide = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->wide_spin));
  options->dpi = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->dpi_spin));
  options->from = row_date (self->from_row);
  options->to = row_date (self->to_row);
  if (options->from != 0 && options->to != 0 && options->to < options->from)
    options->from = options->to = 0;
  options->legend = gtk_switch_get_active (GTK_SWITCH (self->legend_switch));
}

void
soc_export_dialog_set_options (SocExportDialog        *self,
                               const SocExportOptions *options)
{
  Format format;

  g_return_if_fail (SOC_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < n_view_rows (); i++)
    if (g_strcmp0 (options->view, view_at (i)) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->view_row), i);
  format = options->format == SOC_EXPORT_SVG ? FORMAT_SVG : options->format == SOC_EXPORT_PNG ? FORMAT_PNG
           : options->poster ? FORMAT_POSTER : FORMAT_PDF;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->format_row), format);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->paper_row), options->paper);
  gtk_switch_set_active (GTK_SWITCH (self->landscape_switch), options->landscape);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->wide_spin), MAX (options->pages_wide, 1));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->dpi_spin), options->dpi > 0 ? options->dpi : SOC_EXPORT_DEFAULT_DPI);
  set_row_date (self->from_row, options->from);
  set_row_date (self->to_row, options->to);
  gtk_switch_set_active (GTK_SWITCH (self->legend_switch), options->legend);
  update_sensitivity (self);
}

/* ------------------------------------------------------------------------ */
/* Writing, in a thread                                                     */

typedef struct
{
  GBytes           *plan;
  char             *name;
  SocExportOptions  options;
  char             *view;      /* options.view */
  GFile            *file;
  guint             n_pages;
} ExportTask;

static void
export_task_free (gpointer data)
{
  ExportTask *t = data;

  g_bytes_unref (t->plan);
  g_free (t->name);
  g_free (t->view);
  g_object_unref (t->file);
  g_free (t);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportTask *t = data;
  g_autoptr(SocDocument) doc = NULL;
  GError *error = NULL;

  doc = soc_document_load_from_bytes (t->plan, t->name, NULL, &error);
  if (doc == NULL || !soc_export_to_file (doc, &t->options, t->file, &t->n_pages, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SocExportDialog *self = SOC_EXPORT_DIALOG (source);
  ExportTask *t = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (t->file);
  SocWindow *window = self->window;

  self->busy = FALSE;
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  update_sensitivity (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && window != NULL)
        soc_application_show_error (SOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))),
                                    GTK_WINDOW (self), _("The File Could Not Be Written"), error->message);
      return;
    }
  if (window != NULL)
    {
      /* Translators: %s is a file's name */
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported “%s”, %u page",
                                                               "Exported “%s”, %u pages", t->n_pages),
                                                  name, t->n_pages);
      _soc_window_show_message (window, message);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Writes what the dialog says into FILE, then closes it and tells the
 * window; an error is shown over the dialog, which stays. */
void
soc_export_dialog_export_to (SocExportDialog *self,
                             GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SocDocument *doc;
  ExportTask *t;

  g_return_if_fail (SOC_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->window == NULL || self->busy || (doc = soc_window_get_document (self->window)) == NULL)
    return;
  t = g_new0 (ExportTask, 1);
  t->plan = soc_document_serialize (doc, &error);
  if (t->plan == NULL)
    {
      soc_application_show_error (SOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self->window))),
                                  GTK_WINDOW (self), _("The File Could Not Be Written"), error->message);
      t->file = g_object_ref (file);
      export_task_free (t);
      return;
    }
  t->name = soc_document_get_display_name (doc);
  soc_export_dialog_get_options (self, &t->options);
  t->view = g_strdup (t->options.view);
  t->options.view = t->view;
  t->file = g_object_ref (file);

  self->busy = TRUE;
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  update_sensitivity (self);
  task = g_task_new (self, self->cancellable, on_exported, NULL);
  g_task_set_task_data (task, t, export_task_free);
  g_task_run_in_thread (task, export_thread);
}

/* "Connected Northwind – Roadmap.pdf", for the file chooser. */
char *
soc_export_dialog_suggest_name (SocExportDialog *self)
{
  SocExportOptions o;
  g_autofree char *title = NULL;
  const char *what, *ext;
  char *name;

  g_return_val_if_fail (SOC_IS_EXPORT_DIALOG (self), NULL);

  soc_export_dialog_get_options (self, &o);
  title = self->window != NULL ? soc_document_get_display_name (soc_window_get_document (self->window)) : g_strdup ("");
  what = soc_printable_view_is_known (o.view) ? soc_printable_view_get_label (o.view) : _("Plan report");
  ext = o.format == SOC_EXPORT_SVG ? "svg" : o.format == SOC_EXPORT_PNG ? "png" : "pdf";
  /* Translators: the name of an exported file: the plan's title, what it shows, then the extension */
  name = g_strdup_printf (_("%s – %s.%s"), title, what, ext);
  g_strdelimit (name, "/\\:", '-');
  return name;
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                SocExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);
      SocExportOptions o;
      SocExportFormat named;
      const char *ext;

      /* The format the dialog says, whatever the name was typed with. */
      soc_export_dialog_get_options (self, &o);
      ext = o.format == SOC_EXPORT_SVG ? ".svg" : o.format == SOC_EXPORT_PNG ? ".png" : ".pdf";
      if (!soc_export_format_for_name (name, &named) || named != o.format)
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *with = g_strconcat (name, ext, NULL);

          g_set_object (&file, g_file_get_child (parent, with));
          g_object_unref (file);
        }
      soc_export_dialog_export_to (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  SocExportDialog *self = SOC_EXPORT_DIALOG (widget);
  g_autofree char *suggestion = soc_export_dialog_suggest_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  if (self->window != NULL)
    _soc_window_choose_in_folder (self->window, GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggestion);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------------ */

static void
soc_export_dialog_dispose (GObject *object)
{
  SocExportDialog *self = SOC_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (soc_export_dialog_parent_class)->dispose (object);
}

static void
soc_export_dialog_class_init (SocExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = soc_export_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
combo (AdwPreferencesGroup *group,
       const char          *title,
       const char * const  *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_preferences_group_add (group, row);
  return row;
}

static GtkWidget *
suffixed (AdwPreferencesGroup *group,
          const char          *title,
          const char          *subtitle,
          GtkWidget           *suffix,
          GtkWidget          **row_out)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  adw_preferences_group_add (group, row);
  if (row_out != NULL)
    *row_out = row;
  return suffix;
}

static GtkWidget *
date_row (AdwPreferencesGroup *group,
          const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  return row;
}

static void
soc_export_dialog_init (SocExportDialog *self)
{
  guint n_views;
  const SocPrintableView *views = soc_printable_get_views (&n_views);
  g_autofree const char **view_items = g_new0 (const char *, n_views + 2);
  const char *format_items[] = { _("PDF, in pages"), _("PDF, one poster page"), _("SVG picture"), _("PNG picture"), NULL };
  const char *paper_items[] = { _("A4"), _("Letter"), _("A3"), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *what = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *paper = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *dates = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Export"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 460, 640);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "export.choose");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  self->spinner = gtk_spinner_new ();
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_title (what, _("What"));
  for (guint i = 0; i < n_views; i++)
    view_items[i] = views[i].label;
  view_items[n_views] = _("Plan report");
  self->view_row = combo (what, _("_View"), view_items);
  self->format_row = combo (what, _("_Format"), format_items);
  self->legend_switch = suffixed (what, _("_Legend"), _("What the colours and shapes mean"), gtk_switch_new (), NULL);
  self->dpi_spin = suffixed (what, _("_Resolution"), _("Dots per inch of a PNG picture"),
                             gtk_spin_button_new_with_range (30, 1200, 10), &self->dpi_row);

  adw_preferences_group_set_title (paper, _("Paper"));
  self->paper_row = combo (paper, _("_Size"), paper_items);
  self->landscape_switch = suffixed (paper, _("_Landscape"), NULL, gtk_switch_new (), NULL);
  self->wide_spin = suffixed (paper, _("Pages _across"),
                              _("The time is spread over this many pages side by side; rows flow down over more"),
                              gtk_spin_button_new_with_range (1, 20, 1), &self->wide_row);

  self->dates = GTK_WIDGET (dates);
  adw_preferences_group_set_title (dates, _("Dates"));
  adw_preferences_group_set_description (dates, _("Of the roadmap, as YYYY-MM-DD; empty for the whole plan"));
  self->from_row = date_row (dates, _("F_rom"));
  self->to_row = date_row (dates, _("_To"));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), what);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), paper);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), dates);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_object (self->view_row, "notify::selected", G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);
}

/* Paper sizes by GTK's names for them. */
static SocPaper
paper_of (GtkPageSetup *setup)
{
  const char *name = gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup));

  if (g_strcmp0 (name, GTK_PAPER_NAME_LETTER) == 0)
    return SOC_PAPER_LETTER;
  if (g_strcmp0 (name, GTK_PAPER_NAME_A3) == 0)
    return SOC_PAPER_A3;
  return SOC_PAPER_A4;
}

/* Export… for WINDOW's plan, VIEW first, from what it was last printed with. */
SocExportDialog *
soc_export_dialog_new (SocWindow  *window,
                       const char *view)
{
  SocExportDialog *self;
  g_autoptr(GtkPageSetup) setup = NULL;
  SocPrintOptions print;
  SocExportOptions o;

  g_return_val_if_fail (SOC_IS_WINDOW (window), NULL);

  self = g_object_new (SOC_TYPE_EXPORT_DIALOG, NULL);
  g_set_weak_pointer (&self->window, window);
  gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (window));

  soc_export_options_init (&o);
  o.view = view != NULL ? view : "roadmap";
  o.landscape = g_strcmp0 (o.view, "roadmap") == 0;
  soc_print_options_init (&print);
  if (soc_print_setup_lookup (soc_window_get_document (window), &setup, &print))
    {
      o.pages_wide = print.pages_wide;
      o.legend = print.legend;
      o.from = print.from;
      o.to = print.to;
      if (setup != NULL)
        {
          o.paper = paper_of (setup);
          o.landscape = gtk_page_setup_get_orientation (setup) == GTK_PAGE_ORIENTATION_LANDSCAPE ||
                        gtk_page_setup_get_orientation (setup) == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE;
        }
    }
  else if (g_strcmp0 (gtk_paper_size_get_default (), GTK_PAPER_NAME_LETTER) == 0)
    o.paper = SOC_PAPER_LETTER;
  soc_export_dialog_set_options (self, &o);
  return self;
}
