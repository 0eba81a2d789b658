/* soc-print-operation.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a view of a plan: a GtkPrintOperation that lays the view over
 * the pages the dialog gives (SocPrintJob, the same pages the exporter and
 * socplan-cli draw), with a tab of its own for the view, the fit, the pages
 * across, the scale, the dates and the legend, and a preview window of its
 * own (SocPrintPreview). Pages are drawn in points from the top left of the
 * printable area, with the print palette.
 *
 * What was chosen is remembered per plan, by its file, in GSettings
 * ("print-setups"): the page setup, the printer's settings and the tab.
 * Never in the plan file, which travels to colleagues with other printers.
 */

#define G_LOG_DOMAIN "soc-print-operation"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "soc-date.h"
#include "soc-export.h"
#include "soc-print-operation.h"
#include "soc-print-preview.h"
#include "soc-printable.h"

#define MAX_REMEMBERED 64
#define OPTIONS_GROUP  "Socplan"
#define SCHEMA_ID      "io.github.socplan.Socplan"

struct _SocPrintOperation
{
  GtkPrintOperation  parent_instance;

  SocDocument       *document;
  char              *view;
  SocPrintOptions    options;       /* options.view is VIEW */
  SocPrintJob       *job;

  /* The tab of our own, while the dialog shows it. */
  GtkWidget         *view_choice;
  GtkWidget         *fit_choice;
  GtkWidget         *wide_spin;
  GtkWidget         *scale_spin;
  GtkWidget         *from_entry;
  GtkWidget         *to_entry;
  GtkWidget         *legend_check;
};

G_DEFINE_FINAL_TYPE (SocPrintOperation, soc_print_operation, GTK_TYPE_PRINT_OPERATION)

static const char * const fits[] = {
  [SOC_PAGE_FIT_PAGE] = "page",
  [SOC_PAGE_FIT_WIDE] = "wide",
  [SOC_PAGE_FIT_SCALE] = "scale",
};

/* ------------------------------------------------------------------------ */
/* Remembered setups                                                        */

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  return schema != NULL && g_settings_schema_has_key (schema, "print-setups") ? g_settings_new_full (schema, NULL, NULL)
                                                                              : NULL;
}

/* The plan's key: its file's URI; NULL for a plan never saved. */
static char *
setup_key (SocDocument *document)
{
  GFile *file = soc_document_get_file (document);

  return file != NULL ? g_file_get_uri (file) : NULL;
}

static void
options_to_key_file (const SocPrintOptions *o,
                     GKeyFile              *kf)
{
  g_key_file_set_string (kf, OPTIONS_GROUP, "fit", fits[o->fit]);
  g_key_file_set_integer (kf, OPTIONS_GROUP, "pages-wide", (int) o->pages_wide);
  g_key_file_set_double (kf, OPTIONS_GROUP, "scale", o->scale);
  g_key_file_set_boolean (kf, OPTIONS_GROUP, "legend", o->legend);
  if (o->from != 0)
    {
      char from[11];

      soc_date_format (o->from, from);
      g_key_file_set_string (kf, OPTIONS_GROUP, "from", from);
    }
  if (o->to != 0)
    {
      char to[11];

      soc_date_format (o->to, to);
      g_key_file_set_string (kf, OPTIONS_GROUP, "to", to);
    }
}

static guint
date_from_key_file (GKeyFile   *kf,
                    const char *key)
{
  g_autofree char *text = g_key_file_get_string (kf, OPTIONS_GROUP, key, NULL);
  guint date = 0;

  if (text == NULL || !soc_date_parse (text, strlen (text), &date))
    return 0;
  return date;
}

/* Reads what KF says into O, leaving what it does not say, or says
 * wrong, as it was. */
static void
options_from_key_file (GKeyFile        *kf,
                       SocPrintOptions *o)
{
  g_autofree char *fit = g_key_file_get_string (kf, OPTIONS_GROUP, "fit", NULL);
  g_autoptr(GError) error = NULL;
  int wide;
  double scale;
  gboolean legend;

  for (guint i = 0; fit != NULL && i < G_N_ELEMENTS (fits); i++)
    if (g_strcmp0 (fit, fits[i]) == 0)
      o->fit = i;
  wide = g_key_file_get_integer (kf, OPTIONS_GROUP, "pages-wide", &error);
  if (error == NULL && wide >= 1 && wide <= 100)
    o->pages_wide = (guint) wide;
  g_clear_error (&error);
  scale = g_key_file_get_double (kf, OPTIONS_GROUP, "scale", &error);
  if (error == NULL && scale > 0.05 && scale < 10)
    o->scale = scale;
  g_clear_error (&error);
  legend = g_key_file_get_boolean (kf, OPTIONS_GROUP, "legend", &error);
  if (error == NULL)
    o->legend = legend;
  o->from = date_from_key_file (kf, "from");
  o->to = date_from_key_file (kf, "to");
  if (o->from != 0 && o->to != 0 && o->to < o->from)
    o->from = o->to = 0;
}

static gboolean
lookup (SocDocument       *document,
        GtkPageSetup     **page_setup,
        GtkPrintSettings **print_settings,
        SocPrintOptions   *options)
{
  g_autoptr(GSettings) settings = settings_new ();
  g_autofree char *key = setup_key (document);
  g_autofree char *text = NULL;
  g_autoptr(GVariant) setups = NULL;
  g_autoptr(GKeyFile) kf = NULL;

  if (settings == NULL || key == NULL)
    return FALSE;
  setups = g_settings_get_value (settings, "print-setups");
  if (!g_variant_lookup (setups, key, "s", &text))
    return FALSE;
  kf = g_key_file_new ();
  if (!g_key_file_load_from_data (kf, text, (gsize) -1, G_KEY_FILE_NONE, NULL))
    return FALSE;
  if (page_setup != NULL)
    *page_setup = gtk_page_setup_new_from_key_file (kf, NULL, NULL);
  if (print_settings != NULL)
    *print_settings = gtk_print_settings_new_from_key_file (kf, NULL, NULL);
  if (options != NULL)
    options_from_key_file (kf, options);
  return TRUE;
}

/* What was remembered for DOCUMENT's file: the page setup (NULL if none
 * was) and the options. FALSE: nothing. */
gboolean
soc_print_setup_lookup (SocDocument      *document,
                        GtkPageSetup    **page_setup,
                        SocPrintOptions  *options)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);
  return lookup (document, page_setup, NULL, options);
}

/* The page setup the dialog ends with: the default one with the paper and
 * orientation the printer's settings say. */
static GtkPageSetup *
current_page_setup (SocPrintOperation *self)
{
  GtkPrintOperation *op = GTK_PRINT_OPERATION (self);
  GtkPageSetup *base = gtk_print_operation_get_default_page_setup (op);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (op);
  GtkPageSetup *setup = base != NULL ? gtk_page_setup_copy (base) : gtk_page_setup_new ();

  if (settings != NULL)
    {
      GtkPaperSize *paper = gtk_print_settings_get_paper_size (settings);

      if (paper != NULL)
        {
          gtk_page_setup_set_paper_size (setup, paper);
          gtk_paper_size_free (paper);
        }
      if (gtk_print_settings_has_key (settings, GTK_PRINT_SETTINGS_ORIENTATION))
        gtk_page_setup_set_orientation (setup, gtk_print_settings_get_orientation (settings));
    }
  return setup;
}

/* Remembers the page setup, the printer's settings and our tab for the
 * plan's file (nothing for a plan never saved), most recent first. */
void
soc_print_operation_remember (SocPrintOperation *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GKeyFile) kf = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GVariant) old = NULL;
  GtkPrintSettings *print_settings;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;
  guint n = 1;

  g_return_if_fail (SOC_IS_PRINT_OPERATION (self));

  key = setup_key (self->document);
  settings = settings_new ();
  if (key == NULL || settings == NULL)
    return;

  kf = g_key_file_new ();
  setup = current_page_setup (self);
  gtk_page_setup_to_key_file (setup, kf, NULL);
  print_settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  if (print_settings != NULL)
    gtk_print_settings_to_key_file (print_settings, kf, NULL);
  options_to_key_file (&self->options, kf);
  text = g_key_file_to_data (kf, NULL, NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&builder, "{ss}", key, text);
  old = g_settings_get_value (settings, "print-setups");
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (g_strcmp0 (k, key) != 0 && n++ < MAX_REMEMBERED)
      g_variant_builder_add (&builder, "{ss}", k, v);
  g_settings_set_value (settings, "print-setups", g_variant_builder_end (&builder));
}

/* ------------------------------------------------------------------------ */
/* The tab of our own                                                       */

static void
on_fit_changed (SocPrintOperation *self)
{
  guint fit = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->fit_choice));

  gtk_widget_set_sensitive (self->wide_spin, fit == SOC_PAGE_FIT_WIDE);
  gtk_widget_set_sensitive (self->scale_spin, fit == SOC_PAGE_FIT_SCALE);
}

static GtkWidget *
add_row (GtkGrid    *grid,
         int         row,
         const char *label,
         GtkWidget  *widget)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (l), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), widget);
  gtk_widget_set_halign (widget, GTK_ALIGN_START);
  gtk_grid_attach (grid, l, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  return widget;
}

static GtkWidget *
date_entry (guint date)
{
  GtkWidget *entry = gtk_entry_new ();
  char text[11];

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  if (date != 0)
    {
      soc_date_format (date, text);
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
  return entry;
}

static GtkWidget *
soc_print_operation_create_custom_widget (GtkPrintOperation *op)
{
  SocPrintOperation *self = SOC_PRINT_OPERATION (op);
  guint n_views;
  const SocPrintableView *views = soc_printable_get_views (&n_views);
  g_autofree const char **view_labels = g_new0 (const char *, n_views + 1);
  const char *fit_labels[] = { _("One page"), _("Pages across"), _("A scale"), NULL };
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *hint;

  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  for (guint i = 0; i < n_views; i++)
    view_labels[i] = views[i].label;
  self->view_choice = add_row (GTK_GRID (grid), 0, _("_View"), gtk_drop_down_new_from_strings (view_labels));
  for (guint i = 0; i < n_views; i++)
    if (g_strcmp0 (self->view, views[i].name) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->view_choice), i);

  self->fit_choice = add_row (GTK_GRID (grid), 1, _("_Fit"), gtk_drop_down_new_from_strings (fit_labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fit_choice), self->options.fit);
  self->wide_spin = add_row (GTK_GRID (grid), 2, _("Pages _across"), gtk_spin_button_new_with_range (1, 20, 1));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->wide_spin), MAX (self->options.pages_wide, 1));
  self->scale_spin = add_row (GTK_GRID (grid), 3, _("_Scale, in percent"), gtk_spin_button_new_with_range (30, 200, 5));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->scale_spin), self->options.scale / SOC_PAGE_NATURAL_SCALE * 100);
  self->from_entry = add_row (GTK_GRID (grid), 4, _("F_rom"), date_entry (self->options.from));
  self->to_entry = add_row (GTK_GRID (grid), 5, _("_To"), date_entry (self->options.to));
  hint = gtk_label_new (_("Leave the dates empty to print the whole plan. Text never prints smaller than 7 points: a view that would need smaller takes more pages instead."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 48);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), hint, 1, 6, 1, 1);
  self->legend_check = gtk_check_button_new_with_mnemonic (_("Show the _legend"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->legend_check), self->options.legend);
  gtk_grid_attach (GTK_GRID (grid), self->legend_check, 1, 7, 1, 1);

  g_signal_connect_object (self->fit_choice, "notify::selected", G_CALLBACK (on_fit_changed), self, G_CONNECT_SWAPPED);
  on_fit_changed (self);
  return grid;
}

static guint
entry_date (GtkWidget *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  guint date = 0;

  if (trimmed[0] == '\0' || !soc_date_parse (trimmed, strlen (trimmed), &date))
    return 0;
  return date;
}

static void
soc_print_operation_custom_widget_apply (GtkPrintOperation *op,
                                         GtkWidget         *widget)
{
  SocPrintOperation *self = SOC_PRINT_OPERATION (op);
  guint n_views;
  const SocPrintableView *views = soc_printable_get_views (&n_views);
  guint view = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->view_choice));
  guint fit = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->fit_choice));
  SocPrintOptions o = self->options;

  o.view = view < n_views ? views[view].name : "roadmap";
  o.fit = fit <= SOC_PAGE_FIT_SCALE ? fit : SOC_PAGE_FIT_WIDE;
  o.pages_wide = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->wide_spin));
  o.scale = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->scale_spin)) / 100 * SOC_PAGE_NATURAL_SCALE;
  /* One end alone: from or to the end of the plan's dates. */
  o.from = entry_date (self->from_entry);
  o.to = entry_date (self->to_entry);
  if (o.from != 0 && o.to != 0 && o.to < o.from)
    o.from = o.to = 0;
  o.legend = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->legend_check));
  soc_print_operation_set_options (self, &o);
}

/* ------------------------------------------------------------------------ */
/* Printing                                                                 */

static void
soc_print_operation_begin_print (GtkPrintOperation *op,
                                 GtkPrintContext   *context)
{
  SocPrintOperation *self = SOC_PRINT_OPERATION (op);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->job, soc_print_job_unref);
  self->job = soc_print_job_new (self->document, &self->options,
                                 gtk_print_context_get_width (context),
                                 gtk_print_context_get_height (context), &error);
  if (self->job == NULL)
    {
      g_warning ("Cannot print: %s", error->message);
      gtk_print_operation_cancel (op);
      return;
    }
  gtk_print_operation_set_n_pages (op, (int) soc_print_job_get_n_pages (self->job));
}

static void
soc_print_operation_draw_page (GtkPrintOperation *op,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  SocPrintOperation *self = SOC_PRINT_OPERATION (op);

  if (self->job == NULL || page_nr < 0 || (guint) page_nr >= soc_print_job_get_n_pages (self->job))
    return;
  soc_print_job_paint_page (self->job, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static gboolean
soc_print_operation_preview (GtkPrintOperation        *op,
                             GtkPrintOperationPreview *preview,
                             GtkPrintContext          *context,
                             GtkWindow                *parent)
{
  SocPrintPreview *window = soc_print_preview_new (SOC_PRINT_OPERATION (op), preview, context, parent);

  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

static void
soc_print_operation_done (GtkPrintOperation       *op,
                          GtkPrintOperationResult  result)
{
  SocPrintOperation *self = SOC_PRINT_OPERATION (op);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    soc_print_operation_remember (self);
  GTK_PRINT_OPERATION_CLASS (soc_print_operation_parent_class)->done (op, result);
}

/* ------------------------------------------------------------------------ */

static void
soc_print_operation_finalize (GObject *object)
{
  SocPrintOperation *self = SOC_PRINT_OPERATION (object);

  g_clear_pointer (&self->job, soc_print_job_unref);
  g_clear_object (&self->document);
  g_free (self->view);

  G_OBJECT_CLASS (soc_print_operation_parent_class)->finalize (object);
}

static void
soc_print_operation_class_init (SocPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *op_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = soc_print_operation_finalize;
  op_class->begin_print = soc_print_operation_begin_print;
  op_class->draw_page = soc_print_operation_draw_page;
  op_class->create_custom_widget = soc_print_operation_create_custom_widget;
  op_class->custom_widget_apply = soc_print_operation_custom_widget_apply;
  op_class->preview = soc_print_operation_preview;
  op_class->done = soc_print_operation_done;
}

static void
soc_print_operation_init (SocPrintOperation *self)
{
  GtkPrintOperation *op = GTK_PRINT_OPERATION (self);

  soc_print_options_init (&self->options);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, FALSE);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  /* Translators: the tab of the print dialog with Socplan's own choices */
  gtk_print_operation_set_custom_tab_label (op, _("Plan"));
}

/* The page setup a plan starts from: the locale's paper, sideways for the
 * roadmap, and the exporter's margins, so paper and file agree. */
static GtkPageSetup *
default_page_setup (const char *view)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, g_strcmp0 (view, "roadmap") == 0 ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                                          : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, SOC_EXPORT_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, SOC_EXPORT_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, SOC_EXPORT_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, SOC_EXPORT_MARGIN, GTK_UNIT_POINTS);
  return setup;
}

/* Printing DOCUMENT's VIEW ("roadmap", "goals" or "stakeholders"), from
 * what was chosen the last time this plan was printed. */
SocPrintOperation *
soc_print_operation_new (SocDocument *document,
                         const char  *view)
{
  SocPrintOperation *self;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autofree char *title = NULL;
  g_autofree char *job_name = NULL;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  self = g_object_new (SOC_TYPE_PRINT_OPERATION, NULL);
  self->document = g_object_ref (document);
  self->view = g_strdup (soc_printable_view_is_known (view) ? view : "roadmap");
  if (!lookup (document, &setup, &settings, &self->options) || setup == NULL)
    {
      g_clear_object (&setup);
      setup = default_page_setup (self->view);
    }
  self->options.view = self->view;
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);

  title = soc_document_get_display_name (document);
  /* Translators: the name of a print job: the plan, then the view such as Roadmap */
  job_name = g_strdup_printf (_("%s – %s"), title,
                              soc_printable_view_is_known (self->view) ? soc_printable_view_get_label (self->view)
                                                                       : _("Roadmap"));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job_name);
  return self;
}

SocDocument *
soc_print_operation_get_document (SocPrintOperation *self)
{
  g_return_val_if_fail (SOC_IS_PRINT_OPERATION (self), NULL);
  return self->document;
}

void
soc_print_operation_get_options (SocPrintOperation *self,
                                 SocPrintOptions   *options)
{
  g_return_if_fail (SOC_IS_PRINT_OPERATION (self));
  *options = self->options;
}

/* Prints as OPTIONS say from the next run on. */
void
soc_print_operation_set_options (SocPrintOperation     *self,
                                 const SocPrintOptions *options)
{
  g_return_if_fail (SOC_IS_PRINT_OPERATION (self));
  g_return_if_fail (options != NULL);

  if (options->view != self->view)
    {
      char *old = self->view;

      self->view = g_strdup (soc_printable_view_is_known (options->view) ? options->view : "roadmap");
      g_free (old);
    }
  self->options = *options;
  self->options.view = self->view;
  self->options.pages_wide = MAX (self->options.pages_wide, 1);
}

/* The pages of the last run (0 before one began). */
guint
soc_print_operation_get_n_pages (SocPrintOperation *self)
{
  g_return_val_if_fail (SOC_IS_PRINT_OPERATION (self), 0);
  return self->job != NULL ? soc_print_job_get_n_pages (self->job) : 0;
}
