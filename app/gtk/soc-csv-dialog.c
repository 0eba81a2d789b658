/* soc-csv-dialog.c: Import Stakeholders… and Export Stakeholders…
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing reads the whole file and checks every row first (the core's
 * SocCsvImport), then shows what it will do: how many stakeholders it adds
 * and updates, the first rows, the columns it ignores, or the first problem
 * with its line. Only Import changes the plan, as one undo step. Exporting
 * writes what the core makes, replacing the chosen file whole.
 */

#define G_LOG_DOMAIN "soc-csv-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-csv-dialog.h"
#include "soc-csv-import.h"
#include "soc-window-private.h"

/* Rows shown in the preview; the rest are counted. */
#define PREVIEW_ROWS 6

static SocApplication *
application_of (SocWindow *window)
{
  return SOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
}

static void
show_problem (SocWindow  *window,
              const char *message)
{
  soc_application_show_error (application_of (window), GTK_WINDOW (window),
                              _("The Stakeholders Cannot Be Imported"), message);
}

/* ------------------------------------------------------------------------ */
/* The preview                                                              */

/* Undoes the import, if it is still the last thing done. */
static void
on_undo_clicked (AdwToast  *toast,
                 SocWindow *window)
{
  SocDocument *doc = soc_window_get_document (window);
  guint64 *state = g_object_get_data (G_OBJECT (toast), "soc-state");

  if (doc != NULL && doc == g_object_get_data (G_OBJECT (toast), "soc-document") &&
      soc_history_get_state (soc_document_get_history (doc)) == *state)
    soc_document_undo (doc);
}

static void
on_preview_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SocWindow        *window)
{
  SocCsvImport *import = g_object_get_data (G_OBJECT (dialog), "import");
  SocDocument *doc = g_object_get_data (G_OBJECT (dialog), "document");
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!g_str_equal (response, "import"))
    return;

  if (doc != soc_window_get_document (window))
    {
      show_problem (window, _("The window shows another version of the plan now: import the file again"));
      return;
    }
  if (!soc_csv_import_apply (import, &error))
    {
      show_problem (window, error->message);
      return;
    }

  soc_window_show_view (window, "stakeholders");
  /* The label names the file: the window's toast takes it as plain text. */
  toast = _soc_window_show_report (window, soc_history_get_undo_label (soc_document_get_history (doc)),
                                   _("_Undo"), 10);
  g_object_set_data_full (G_OBJECT (toast), "soc-state",
                          g_memdup2 (&(guint64) { soc_history_get_state (soc_document_get_history (doc)) }, sizeof (guint64)),
                          g_free);
  g_object_set_data_full (G_OBJECT (toast), "soc-document", g_object_ref (doc), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), window, 0);
}

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
preview_row (SocCsvImport *import,
             guint         row)
{
  SocStakeholder *values = soc_csv_import_get_values (import, row);
  SocStakeholder *target = soc_csv_import_get_target (import, row);
  guint line = soc_csv_import_get_line (import, row);
  const char *name = soc_stakeholder_get_name (values);
  g_autofree char *subtitle = NULL;
  GtkWidget *widget = adw_action_row_new ();

  if (name == NULL)
    name = soc_object_get_label (SOC_OBJECT (target != NULL ? target : values));

  switch (soc_csv_import_get_action (import, row))
    {
    case SOC_CSV_ACTION_ADD:
      subtitle = g_strdup_printf (_("Line %u: a new stakeholder"), line);
      break;
    case SOC_CSV_ACTION_UPDATE:
      {
        g_autofree char *changes = soc_csv_import_describe_changes (import, row);
        /* Translators: a line of the file, then the fields that change, such as "stance, influence" */
        subtitle = g_strdup_printf (_("Line %u: changes %s"), line, changes);
      }
      break;
    case SOC_CSV_ACTION_UNCHANGED:
    default:
      subtitle = g_strdup_printf (_("Line %u: no change"), line);
      break;
    }

  /* Names come from the file: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  return widget;
}

static char *
preview_body (SocCsvImport *import,
              const char   *file_name)
{
  guint added = soc_csv_import_get_n_added (import);
  guint updated = soc_csv_import_get_n_updated (import);
  guint unchanged = soc_csv_import_get_n_unchanged (import);
  g_autoptr(GString) body = g_string_new (NULL);

  g_string_append_printf (body, _("From “%s”."), file_name);
  if (added + updated + unchanged == 0)
    {
      g_string_append_c (body, '\n');
      g_string_append (body, _("The file holds no stakeholders."));
      return g_string_free (g_steal_pointer (&body), FALSE);
    }
  if (added > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u new stakeholder will be added.",
                                                 "%u new stakeholders will be added.", added), added);
    }
  if (updated > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u stakeholder will be updated.",
                                                 "%u stakeholders will be updated.", updated), updated);
    }
  if (unchanged > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u row matches its stakeholder already.",
                                                 "%u rows match their stakeholders already.", unchanged), unchanged);
    }
  g_string_append_c (body, '\n');
  if (added + updated > 0)
    g_string_append (body, _("The import is one step: Undo takes all of it back."));
  else
    g_string_append (body, _("There is nothing to change."));
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
show_preview (SocWindow    *window,
              SocDocument  *doc,
              SocCsvImport *import,
              const char   *file_name)
{
  const char * const *ignored = soc_csv_import_get_ignored_columns (import);
  guint n_rows = soc_csv_import_get_n_rows (import);
  gboolean changes = soc_csv_import_get_n_added (import) + soc_csv_import_get_n_updated (import) > 0;
  g_autofree char *body = preview_body (import, file_name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Import Stakeholders?"), body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  if (ignored[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) ignored);
      g_autofree char *text = g_strdup_printf (_("Columns not imported: %s"), list);

      gtk_box_append (GTK_BOX (box), plain_label (text, "dim-label"));
    }

  if (n_rows > 0)
    {
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < MIN (n_rows, PREVIEW_ROWS); i++)
        gtk_list_box_append (GTK_LIST_BOX (list), preview_row (import, i));
      gtk_box_append (GTK_BOX (box), list);

      if (n_rows > PREVIEW_ROWS)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more row", "And %u more rows",
                                                                n_rows - PREVIEW_ROWS),
                                                   n_rows - PREVIEW_ROWS);
          gtk_box_append (GTK_BOX (box), plain_label (more, "dim-label"));
        }
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (changes)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "import", _("_Import"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "import", g_object_ref (import), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (doc), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_preview_response), window, 0);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Reading the file                                                         */

typedef struct
{
  SocWindow *window;
  GFile     *file;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autoptr(SocCsvImport) import = NULL;
  g_autofree char *name = NULL;
  SocDocument *doc;
  guint line = 0, column = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (bytes == NULL)
    {
      show_problem (job->window, error->message);
      return;
    }

  doc = soc_window_get_document (job->window);
  name = g_file_get_basename (job->file);
  import = soc_csv_import_prepare (doc, bytes, name, &line, &column, &error);
  if (import == NULL)
    {
      g_autofree char *message = NULL;

      if (line > 0 && column > 0)
        /* Translators: the file's name, a line and a column (a field, counted from 1) in it, then what is wrong there */
        message = g_strdup_printf (_("“%s”, line %u, column %u: %s\n\nNothing was imported. Correct the file and import it again."),
                                   name, line, column, error->message);
      else if (line > 0)
        /* Translators: the file's name, a line in it, then what is wrong there */
        message = g_strdup_printf (_("“%s”, line %u: %s\n\nNothing was imported. Correct the file and import it again."),
                                   name, line, error->message);
      else
        message = g_strdup_printf (_("“%s”: %s\n\nNothing was imported."), name, error->message);
      show_problem (job->window, message);
      return;
    }
  show_preview (job->window, doc, import, name);
}

static void
on_size (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, NULL);

  /* Refuse a huge file before reading it into memory; reading says why a
   * file cannot be read. */
  if (info != NULL && (guint64) g_file_info_get_size (info) > SOC_CSV_MAX_FILE_SIZE)
    {
      g_autofree char *message = g_strdup_printf (_("The file is larger than %d MiB"),
                                                  (int) (SOC_CSV_MAX_FILE_SIZE >> 20));
      show_problem (job->window, message);
      job_free (job);
      return;
    }
  g_file_load_bytes_async (job->file, job->window->cancellable, on_loaded, job);
}

/* Reads FILE and shows what importing it into WINDOW's plan would do. */
void
soc_csv_dialog_preview (SocWindow *window,
                        GFile     *file)
{
  Job *job;

  g_return_if_fail (SOC_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (Job, 1);
  job->window = g_object_ref (window);
  job->file = g_object_ref (file);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, window->cancellable, on_size, job);
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Comma-separated values (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  return filter;
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  SocWindow       *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      soc_csv_dialog_preview (window, file);
    }
  g_object_unref (chooser);
  g_object_unref (window);
}

static void
import_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Stakeholders"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  _soc_window_choose_in_folder (SOC_WINDOW (widget), GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------------ */
/* Exporting                                                                */

typedef struct
{
  SocWindow *window;
  guint      n;       /* stakeholders written */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->window);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ExportJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        soc_application_show_error (application_of (job->window), GTK_WINDOW (job->window),
                                    _("The Stakeholders Could Not Be Exported"), error->message);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stakeholder exported", "%u stakeholders exported",
                                          job->n), job->n);
  _soc_window_show_message (job->window, message);
}

/* Writes WINDOW's stakeholders to FILE as CSV, replacing it whole. */
void
soc_csv_dialog_export_to (SocWindow *window,
                          GFile     *file)
{
  SocDocument *doc;
  g_autoptr(GBytes) bytes = NULL;
  ExportJob *job;

  g_return_if_fail (SOC_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  doc = soc_window_get_document (window);
  bytes = soc_csv_export_stakeholders (doc);
  job = g_new0 (ExportJob, 1);
  job->window = g_object_ref (window);
  job->n = g_list_model_get_n_items (soc_document_get_stakeholders (doc));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       window->cancellable, on_exported, job);
}

static void
on_export_chosen (GtkNativeDialog *chooser,
                  int              response,
                  SocWindow       *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);

      if (!g_str_has_suffix (name, ".csv") && !g_str_has_suffix (name, ".CSV"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *with = g_strconcat (name, ".csv", NULL);

          g_set_object (&file, g_file_get_child (parent, with));
          g_object_unref (file);
        }
      soc_csv_dialog_export_to (window, file);
    }
  g_object_unref (chooser);
  g_object_unref (window);
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  SocWindow *window = SOC_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  g_autofree char *title = NULL;
  g_autofree char *suggestion = NULL;
  GtkFileChooserNative *chooser;

  _soc_window_commit_typing (window);   /* a name being typed is exported too */
  title = soc_document_get_display_name (soc_window_get_document (window));
  chooser = gtk_file_chooser_native_new (_("Export Stakeholders"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (title[0] != '\0')
    /* Translators: the name of a file; %s is the plan's title */
    suggestion = g_strdup_printf (_("%s – Stakeholders.csv"), title);
  else
    suggestion = g_strdup (_("Stakeholders.csv"));
  g_strdelimit (suggestion, "/\\:", '-');
  _soc_window_choose_in_folder (window, GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggestion);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
soc_csv_dialog_install_actions (GtkWidgetClass *widget_class)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), SOC_TYPE_WINDOW));

  gtk_widget_class_install_action (widget_class, "win.import-stakeholders", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-stakeholders", NULL, export_action);
}
