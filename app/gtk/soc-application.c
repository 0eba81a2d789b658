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

#include "soc-application.h"
#include "soc-draft-store.h"
#include "soc-window.h"

struct _SocApplication
{
  AdwApplication parent_instance;

  SocDraftStore *drafts;
  GSettings     *settings;
  gboolean       recovery_offered;
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
            gtk_window_present (GTK_WINDOW (soc_window_new (self, doc)));
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
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SocDraft) draft = g_list_model_get_item (drafts, i);
      g_autofree char *name = soc_draft_get_display_name (draft);
      g_autofree char *when = g_date_time_format (soc_draft_get_modified (draft), "%x %X");

      g_string_append_printf (names, "\n• %s (%s)", name, when);
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

static gboolean
offer_recovery_idle (gpointer data)
{
  SocApplication *self = data;

  soc_application_offer_recovery (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
  return G_SOURCE_REMOVE;
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

void
soc_application_show_error (SocApplication *self,
                            GtkWindow      *parent,
                            const char     *heading,
                            const char     *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  SocApplication *app;
  GFile          *file;
  GtkWindow      *parent;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->app);
  g_clear_object (&data->file);
  g_clear_object (&data->parent);
  g_free (data);
}

/* A window showing an empty, untouched plan can take the opened file. */
static SocWindow *
reusable_window (SocApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SOC_IS_WINDOW (active) && soc_window_is_pristine (SOC_WINDOW (active)))
    return SOC_WINDOW (active);
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
  g_autoptr(SocDocument) doc = soc_document_load_finish (result, &error);
  GtkWindow *existing;
  SocWindow *window;

  g_application_release (G_APPLICATION (data->app));

  if (doc == NULL)
    {
      g_autofree char *name = g_file_get_basename (data->file);
      g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);
      GtkWindow *parent = data->parent;

      if (parent == NULL)
        parent = gtk_application_get_active_window (GTK_APPLICATION (data->app));
      if (parent == NULL)
        {
          /* Nothing is open: keep a window to show the error in. */
          parent = GTK_WINDOW (soc_window_new (data->app, NULL));
          gtk_window_present (parent);
        }
      soc_application_show_error (data->app, parent, heading, error->message);
      open_data_free (data);
      return;
    }

  /* Opened twice while loading: the first wins. */
  existing = soc_application_find_window (data->app, data->file);
  if (existing != NULL)
    {
      gtk_window_present (existing);
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
  soc_document_load_async (file, NULL, on_loaded, data);
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
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Plan how your organisation adopts social business: goals, roadmap, stakeholders and the success factors, in one document"),
                         "website", "https://socplan.github.io",
                         "developers", developers,
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
