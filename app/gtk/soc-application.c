/* soc-application.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window per document. Opening a file that is open already presents its
 * window; files load off the main thread; a file that fails to load says
 * why, with its line and column, and changes nothing that is open.
 */

#define G_LOG_DOMAIN "soc-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "soc-application.h"
#include "soc-draft-store.h"
#include "soc-format.h"
#include "soc-reader.h"
#include "soc-window.h"

/* The icon, whatever the application id of the build. */
#define ICON_NAME "io.github.socplan.Socplan"
/* An error dialog lists this many problems, then says how many more. */
#define MAX_PROBLEMS_SHOWN 8

struct _SocApplication
{
  AdwApplication parent_instance;

  SocDraftStore *drafts;
  GSettings     *settings;
  gboolean       recovery_offered;
  guint          n_loading;  /* files being read, in a thread */
  gint64         started;   /* for SOC_TIME_TO_IDLE */
};

G_DEFINE_FINAL_TYPE (SocApplication, soc_application, ADW_TYPE_APPLICATION)

GFile *
soc_application_example_file (void)
{
  g_autofree char *installed = g_build_filename (PKGDATADIR, "examples", "northwind-connected.socplan", NULL);

  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (installed);
  return g_file_new_build_filename (SOURCE_DATADIR, "examples", "northwind-connected.socplan", NULL);
}

SocDraftStore *
soc_application_get_draft_store (SocApplication *self)
{
  g_return_val_if_fail (SOC_IS_APPLICATION (self), NULL);
  return self->drafts;
}

/* ------------------------------------------------------------------------ */
/* Drafts left by a session that did not end cleanly                       */

static SocWindow *reusable_window (SocApplication *self);

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      SocApplication   *self)
{
  g_autoptr(GListModel) drafts = soc_draft_store_list_recoverable (self->drafts);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    g_ptr_array_add (all, g_list_model_get_item (drafts, i));

  for (guint i = 0; i < all->len; i++)
    {
      SocDraft *draft = g_ptr_array_index (all, i);
      g_autoptr(GError) error = NULL;

      if (g_str_equal (response, "recover"))
        {
          g_autoptr(SocDocument) doc = soc_draft_store_recover (self->drafts, draft, &error);

          if (doc == NULL)
            soc_application_show_error (self, gtk_application_get_active_window (GTK_APPLICATION (self)),
                                        _("A Draft Could Not Be Recovered"), error->message);
          else
            {
              /* The empty plan shown at start gives way to the work recovered. */
              SocWindow *window = reusable_window (self);

              if (window != NULL)
                soc_window_set_document (window, doc);
              else
                window = soc_window_new (self, doc);
              gtk_window_present (GTK_WINDOW (window));
            }
        }
      else if (g_str_equal (response, "discard"))
        soc_draft_store_discard (self->drafts, draft, NULL);
    }
}

/* Offers back the unsaved work of an earlier session, once per run. */
void
soc_application_offer_recovery (SocApplication *self,
                                GtkWindow      *parent)
{
  g_autoptr(GListModel) drafts = NULL;
  g_autoptr(GString) names = NULL;
  GtkWidget *dialog;
  guint n;

  g_return_if_fail (SOC_IS_APPLICATION (self));

  if (self->recovery_offered || self->drafts == NULL)
    return;
  self->recovery_offered = TRUE;

  drafts = soc_draft_store_list_recoverable (self->drafts);
  n = g_list_model_get_n_items (drafts);
  if (n == 0)
    return;

  names = g_string_new (NULL);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SocDraft) draft = g_list_model_get_item (drafts, i);
        g_autofree char *name = soc_draft_get_display_name (draft);
        g_autofree char *when = soc_format_when (soc_draft_get_modified (draft), now);

        /* Translators: a plan's name, then when its draft was last changed */
        g_string_append_printf (names, _("\n• %s, changed %s"), name, when);
      }
  }

  dialog = adw_message_dialog_new (parent,
                                   g_dngettext (GETTEXT_PACKAGE, "Recover Unsaved Work?", "Recover Unsaved Work?", n),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s%s",
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Socplan did not close properly last time. This plan had changes that were not saved:",
                                               "Socplan did not close properly last time. These plans had changes that were not saved:", n),
                                  names->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window a dialog belongs to: the active one, else any of ours. */
static GtkWindow *
some_window (SocApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  return window != NULL ? window : windows != NULL ? windows->data : NULL;
}

static gboolean
offer_recovery_idle (gpointer data)
{
  SocApplication *self = data;
  GtkWindow *parent = some_window (self);

  /* Started with files still being read: the offer waits for their
   * windows (on_loaded), else it would have no window to belong to, and
   * be lost behind the plan's when it opens, holding its input. */
  if (parent == NULL && self->n_loading > 0)
    return G_SOURCE_REMOVE;
  soc_application_offer_recovery (self, parent);
  return G_SOURCE_REMOVE;
}

/* Files opened at start are read: the recovery offer, if it waited. */
static void
offer_recovery_after_load (SocApplication *self)
{
  if (self->n_loading == 0 && !self->recovery_offered)
    g_idle_add_full (G_PRIORITY_LOW, offer_recovery_idle, g_object_ref (self), g_object_unref);
}

GtkWindow *
soc_application_find_window (SocApplication *self,
                             GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      SocDocument *doc;
      GFile *doc_file;

      if (!SOC_IS_WINDOW (l->data))
        continue;
      doc = soc_window_get_document (SOC_WINDOW (l->data));
      doc_file = doc != NULL ? soc_document_get_file (doc) : NULL;
      if (doc_file != NULL && g_file_equal (doc_file, file))
        return l->data;
    }
  return NULL;
}

/* A dialog that stays within the screen however many problems it lists:
 * the first few, scrollable, and how many more; its buttons in reach. */
static void
show_problems (GtkWindow  *parent,
               const char *heading,
               GPtrArray  *problems)
{
  GtkWidget *dialog;
  guint n = problems->len;

  if (n == 1 && strlen (g_ptr_array_index (problems, 0)) < 400)
    dialog = adw_message_dialog_new (parent, heading, g_ptr_array_index (problems, 0));
  else
    {
      g_autoptr(GString) list = g_string_new (NULL);
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *label;

      dialog = adw_message_dialog_new (parent, heading, NULL);
      if (n > 1)
        adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                        g_dngettext (GETTEXT_PACKAGE, "It has %u problem:", "It has %u problems:", n), n);
      for (guint i = 0; i < n && i < MAX_PROBLEMS_SHOWN; i++)
        g_string_append_printf (list, "%s%s%s", i > 0 ? "\n" : "", n > 1 ? "• " : "",
                                (char *) g_ptr_array_index (problems, i));
      if (n > MAX_PROBLEMS_SHOWN)
        {
          g_string_append_c (list, '\n');
          g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "And %u more.", "And %u more.",
                                                     n - MAX_PROBLEMS_SHOWN),
                                  n - MAX_PROBLEMS_SHOWN);
        }
      label = gtk_label_new (list->str);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "soc-problems");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows MESSAGE under HEADING. Problems the command line would report as
 * "FILE:LINE:COLUMN: error: …", one a line, are said in sentences. */
void
soc_application_show_error (SocApplication *self,
                            GtkWindow      *parent,
                            const char     *heading,
                            const char     *message)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  gboolean listed = TRUE;

  /* A list of problems, one a line, each in the command line's form; any
   * other message is shown whole, as written. */
  for (guint i = 0; lines[i] != NULL && listed; i++)
    if (lines[i][0] != '\0')
      {
        g_autofree char *sentence = soc_format_problem (lines[i]);

        listed = g_strcmp0 (sentence, lines[i]) != 0;
        if (listed)
          g_ptr_array_add (problems, g_steal_pointer (&sentence));
      }
  if (!listed || problems->len == 0)
    {
      g_ptr_array_set_size (problems, 0);
      g_ptr_array_add (problems, g_strdup (message));
    }
  show_problems (parent, heading, problems);
}

/* A file that could not be opened: every problem the reader found, in
 * sentences, or what kept the file from being read at all. */
static void
show_load_error (GtkWindow    *parent,
                 GFile        *file,
                 const GError *error,
                 GPtrArray    *diagnostics)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_ptr_array_add (problems, g_strdup (_("The file does not exist: it may have been moved, renamed or deleted.")));
  else if (error->domain != SOC_FORMAT_ERROR)
    /* Not a problem in the file's text: no line to point at. */
    g_ptr_array_add (problems, soc_format_problem_without_place (error->message));
  else if (diagnostics != NULL && diagnostics->len > 0)
    for (guint i = 0; i < diagnostics->len; i++)
      {
        SocDiagnostic *d = g_ptr_array_index (diagnostics, i);
        g_autofree char *line = soc_diagnostic_format (d, name);

        g_ptr_array_add (problems, soc_format_problem (line));
      }
  else
    g_ptr_array_add (problems, soc_format_problem (error->message));
  show_problems (parent, heading, problems);
}

typedef struct
{
  SocApplication *app;
  GFile          *file;
  GtkWindow      *parent;
  GPtrArray      *diagnostics;   /* from the worker, when the file has problems */
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->app);
  g_clear_object (&data->file);
  g_clear_object (&data->parent);
  g_clear_pointer (&data->diagnostics, g_ptr_array_unref);
  g_free (data);
}

/* Reads the file in a worker, keeping every problem found, not only the
 * first: the window lists them. */
static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  SocDocument *doc = soc_document_load_full (data->file, NULL, &data->diagnostics, cancellable, &error);

  if (doc == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Here, not in the window's idle time: the first delete or save after
   * opening finds the index and the written text ready. */
  soc_document_warm_up_now (doc);
  g_task_return_pointer (task, doc, g_object_unref);
}

/* A window showing an empty, untouched plan can take the opened file:
 * the active one, else any. */
static SocWindow *
reusable_window (SocApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SOC_IS_WINDOW (active) && soc_window_is_pristine (SOC_WINDOW (active)))
    return SOC_WINDOW (active);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SOC_IS_WINDOW (l->data) && soc_window_is_pristine (SOC_WINDOW (l->data)))
      return SOC_WINDOW (l->data);
  return NULL;
}

/* With SOC_TIME_TO_IDLE set, says how long it took from start to an idle
 * window showing the plan: the figure the issue asks for. */
static gboolean
report_idle (gpointer data)
{
  SocApplication *self = data;

  g_printerr ("socplan: idle with the plan shown after %.0f ms\n",
              (g_get_monotonic_time () - self->started) / 1000.0);
  return G_SOURCE_REMOVE;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = g_task_propagate_pointer (G_TASK (result), &error);
  GtkWindow *existing;
  SocWindow *window;

  g_application_release (G_APPLICATION (data->app));
  data->app->n_loading--;

  if (doc == NULL)
    {
      GtkWindow *parent = data->parent;

      if (parent == NULL)
        parent = gtk_application_get_active_window (GTK_APPLICATION (data->app));
      if (parent == NULL)
        {
          /* Nothing is open: keep a window to show the error in. */
          parent = GTK_WINDOW (soc_window_new (data->app, NULL));
          gtk_window_present (parent);
        }
      show_load_error (parent, data->file, error, data->diagnostics);
      offer_recovery_after_load (data->app);
      open_data_free (data);
      return;
    }

  /* Opened twice while loading: the first wins. */
  existing = soc_application_find_window (data->app, data->file);
  if (existing != NULL)
    {
      gtk_window_present (existing);
      offer_recovery_after_load (data->app);
      open_data_free (data);
      return;
    }

  {
    g_autofree char *uri = g_file_get_uri (data->file);
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }

  window = reusable_window (data->app);
  if (window != NULL)
    soc_window_set_document (window, doc);
  else
    window = soc_window_new (data->app, doc);
  gtk_window_present (GTK_WINDOW (window));
  if (g_getenv ("SOC_TIME_TO_IDLE") != NULL)
    g_idle_add_full (G_PRIORITY_LOW, report_idle, g_object_ref (data->app), g_object_unref);
  offer_recovery_after_load (data->app);
  open_data_free (data);
}

/* Opens FILE in its own window, or presents the window that has it. */
void
soc_application_open_file (SocApplication *self,
                           GFile          *file,
                           GtkWindow      *parent)
{
  GtkWindow *existing;
  OpenData *data;

  g_return_if_fail (SOC_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  existing = soc_application_find_window (self, file);
  if (existing != NULL)
    {
      gtk_window_present (existing);
      return;
    }

  data = g_new0 (OpenData, 1);
  data->app = g_object_ref (self);
  data->file = g_object_ref (file);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;

  /* Keep running while the file loads, even with no window yet. */
  g_application_hold (G_APPLICATION (self));
  self->n_loading++;
  g_type_ensure (SOC_TYPE_DOCUMENT);
  {
    g_autoptr(GTask) task = g_task_new (NULL, NULL, on_loaded, data);

    g_task_set_source_tag (task, soc_application_open_file);
    g_task_set_task_data (task, data, NULL);
    g_task_run_in_thread (task, open_thread);
  }
}

static void
soc_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (soc_window_new (SOC_APPLICATION (app), NULL));
  gtk_window_present (window);
  g_idle_add_full (G_PRIORITY_LOW, offer_recovery_idle, g_object_ref (app), g_object_unref);
}

static void
soc_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    soc_application_open_file (SOC_APPLICATION (app), files[i], NULL);
  g_idle_add_full (G_PRIORITY_LOW, offer_recovery_idle, g_object_ref (app), g_object_unref);
}

static void
new_activated (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  SocApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (soc_window_new (self, NULL)));
}

/* A copy of the example, not yet saved anywhere: the example stays pristine. */
static void
on_example_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SocApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = soc_document_load_finish (result, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SocDocument) copy = NULL;

  g_application_release (G_APPLICATION (self));
  if (doc == NULL)
    {
      soc_application_show_error (self, gtk_application_get_active_window (GTK_APPLICATION (self)),
                                  _("The Example Could Not Be Opened"), error->message);
      return;
    }
  bytes = soc_document_serialize (doc, NULL);
  copy = soc_document_load_from_bytes (bytes, _("Example"), NULL, NULL);
  gtk_window_present (GTK_WINDOW (soc_window_new (self, copy)));
}

static void
new_from_example_activated (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  SocApplication *self = user_data;
  g_autoptr(GFile) example = soc_application_example_file ();

  g_application_hold (G_APPLICATION (self));
  soc_document_load_async (example, NULL, on_example_loaded, g_object_ref (self));
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  SocApplication *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          soc_application_open_file (self, file, gtk_native_dialog_get_transient_for (dialog));
        }
    }
  g_object_unref (dialog);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  SocApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Plan"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (plans, _("Socplan plans"));
  gtk_file_filter_add_pattern (plans, "*.socplan");
  gtk_file_filter_add_mime_type (plans, "application/x-socplan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), plans);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  SocApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  soc_application_open_file (self, file, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  SocApplication *self = user_data;
  const char *developers[] = { _("The Socplan authors"), NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Socplan"),
                         "application-icon", ICON_NAME,
                         "version", PACKAGE_VERSION,
                         "comments", _("Plan how your organisation adopts social business: goals, roadmap, stakeholders and the success factors, in one document"),
                         "website", "https://socplan.github.io",
                         "developers", developers,
                         /* Translators: your names, one a line, as they should appear in the About window */
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Socplan authors",
                         NULL);
}

/* Closing each window asks about its unsaved work; Cancel keeps it open. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  SocApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

/* Preferences: what is the user's, not the plan's. The plan's own settings
 * (thresholds, horizon) are in Plan Properties. */
static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  SocApplication *self = user_data;
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 60, 1);

  gtk_window_set_transient_for (GTK_WINDOW (window), gtk_application_get_active_window (GTK_APPLICATION (self)));
  /* One page of few settings: nothing to search, and a title for its tab. */
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Unsaved Work"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Changes are kept in a draft, apart from your file, until you save. After a crash Socplan offers them back."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Keep a draft after"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Seconds after the last change"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keep a draft after"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "draft-delay", spin, "value", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_activated },
  { "new", new_activated },
  { "new-from-example", new_from_example_activated },
  { "open", open_activated },
  { "open-recent", open_recent_activated, "s" },
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
soc_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  SocApplication *self = SOC_APPLICATION (app);

  G_APPLICATION_CLASS (soc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);

  /* Unsaved work goes to drafts a few seconds after each change. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;
    g_autoptr(GError) error = NULL;

    if (schema == NULL && source != NULL)
      schema = g_settings_schema_source_lookup (source, "io.github.socplan.Socplan", TRUE);
    self->drafts = soc_draft_store_new (NULL);
    if (schema != NULL)
      {
        self->settings = g_settings_new_full (schema, NULL, NULL);
        g_settings_bind (self->settings, "draft-delay", self->drafts, "delay", G_SETTINGS_BIND_GET);
      }
    if (!soc_draft_store_start_session (self->drafts, &error))
      g_warning ("Drafts are off: %s", error->message);
  }
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  soc_window_set_accels (GTK_APPLICATION (self));
}

static void
soc_application_shutdown (GApplication *app)
{
  SocApplication *self = SOC_APPLICATION (app);

  /* Every window has asked about its work: the session ends cleanly. */
  if (self->drafts != NULL)
    soc_draft_store_end_session (self->drafts);

  G_APPLICATION_CLASS (soc_application_parent_class)->shutdown (app);
}

static void
soc_application_dispose (GObject *object)
{
  SocApplication *self = SOC_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (soc_application_parent_class)->dispose (object);
}

static void
soc_application_class_init (SocApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = soc_application_dispose;
  app_class->shutdown = soc_application_shutdown;
  app_class->activate = soc_application_activate;
  app_class->open = soc_application_open;
  app_class->startup = soc_application_startup;
}

static void
soc_application_init (SocApplication *self)
{
  self->started = g_get_monotonic_time ();
}

SocApplication *
soc_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;

  /* Without a session bus there is no one to be unique with. */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    flags |= G_APPLICATION_NON_UNIQUE;

  return g_object_new (SOC_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/socplan/Socplan",
                       NULL);
}
