/* soc-window.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows one document in three views with an inspector beside
 * them. It turns input into actions (soc-window-actions.c) and follows the
 * document: its title, the modified mark, what undo would undo, and whether
 * the file changed on disk.
 */

#define G_LOG_DOMAIN "soc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-compat.h"
#include "soc-format.h"
#include "soc-goals-view.h"
#include "soc-gtk-resources.h"
#include "soc-icon-button.h"
#include "soc-list-page.h"
#include "soc-roadmap-view.h"
#include "soc-stakeholders-view.h"
#include "soc-window-private.h"

G_DEFINE_FINAL_TYPE (SocWindow, soc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_INSPECTOR_VISIBLE,
  PROP_CHECKLIST_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SocDocument *
soc_window_get_document (SocWindow *self)
{
  g_return_val_if_fail (SOC_IS_WINDOW (self), NULL);
  return self->document;
}

/* An untitled, untouched plan: a file opened now may take its place. */
gboolean
soc_window_is_pristine (SocWindow *self)
{
  g_return_val_if_fail (SOC_IS_WINDOW (self), FALSE);

  return self->document != NULL &&
         soc_document_get_file (self->document) == NULL &&
         !soc_document_get_modified (self->document) &&
         soc_history_get_n_steps (soc_document_get_history (self->document)) == 0;
}

static void
update_title (SocWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

  if (self->document == NULL)
    return;

  name = soc_document_get_display_name (self->document);
  if (name[0] == '\0')
    {
      g_free (name);
      name = g_strdup (_("Untitled Plan"));
    }
  if (soc_document_get_modified (self->document))
    /* Translators: the window title of a plan with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);

  file = soc_document_get_file (self->document);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *dir = parent ? g_file_get_parse_name (parent) : g_strdup ("");
      const char *home = g_get_home_dir ();

      if (g_str_has_prefix (dir, home))
        {
          g_autofree char *rest = g_strdup (dir + strlen (home));
          g_free (dir);
          dir = g_strconcat ("~", rest, NULL);
        }
      subtitle = g_strdup_printf ("%s — %s", base, dir);
    }
  else
    subtitle = g_strdup (_("Not saved yet"));

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

/* The object the user acted on last, in any view: the inspector shows it. */
SocObject *
soc_window_get_selected (SocWindow *self)
{
  g_return_val_if_fail (SOC_IS_WINDOW (self), NULL);
  return self->selection != NULL ? soc_selection_get_focus (self->selection) : NULL;
}

/* The plan's one selection, shared by every view. */
SocSelection *
soc_window_get_selection (SocWindow *self)
{
  g_return_val_if_fail (SOC_IS_WINDOW (self), NULL);
  return self->selection;
}

SocView *
_soc_window_get_visible_view (SocWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->stack);

  return SOC_IS_VIEW (child) ? SOC_VIEW (child) : NULL;
}

static void
on_selection_changed (SocWindow *self)
{
  soc_inspector_set_object (self->inspector, soc_window_get_selected (self));
  _soc_window_update_actions (self);
}

static gboolean
focus_view_idle (gpointer data)
{
  SocWindow *self = data;

  if (self->stack != NULL)
    gtk_widget_grab_focus (adw_view_stack_get_visible_child (self->stack));
  return G_SOURCE_REMOVE;
}

void
soc_window_show_view (SocWindow  *self,
                      const char *name)
{
  g_return_if_fail (SOC_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
  /* The keyboard follows: arrows move in the view just shown, once it is. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_view_idle, g_object_ref (self), g_object_unref);
}

/* Files dropped on the window open, each in its window. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SocWindow     *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    soc_application_open_file (SOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                               l->data, GTK_WINDOW (self));
  return files != NULL;
}

/* Shows OBJECT selected in the view that shows it: the goal tree, the
 * roadmap or the map. */
void
soc_window_show_object (SocWindow *self,
                        SocObject *object)
{
  g_return_if_fail (SOC_IS_WINDOW (self));

  if (self->selection == NULL)
    return;
  for (guint i = 0; object != NULL && i < self->views->len; i++)
    {
      SocView *view = g_ptr_array_index (self->views, i);

      if (soc_view_owns (view, object))
        {
          if (_soc_window_get_visible_view (self) != view)
            {
              adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (view));
              g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_view_idle, g_object_ref (self), g_object_unref);
            }
          soc_selection_select (self->selection, object);
          soc_view_reveal (view, object);
          return;
        }
    }
  soc_selection_select (self->selection, object);
}

static void
on_activate_link (SocWindow *self,
                  SocObject *target)
{
  soc_window_show_object (self, target);
}

static void
on_history_changed (SocWindow *self)
{
  update_title (self);
  _soc_window_update_actions (self);
}

/* Someone else changed the file: say so, and let Save ask before overwriting. */
static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 SocWindow         *self)
{
  g_autoptr(GFileInfo) info = NULL;
  const char *etag;

  if (self->saving || self->document == NULL)
    return;
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_DELETED &&
      event != G_FILE_MONITOR_EVENT_CREATED && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;

  info = g_file_query_info (soc_document_get_file (self->document), G_FILE_ATTRIBUTE_ETAG_VALUE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  etag = info != NULL ? g_file_info_get_etag (info) : NULL;
  gtk_revealer_set_reveal_child (self->changed_banner,
                                 g_strcmp0 (etag, soc_document_get_etag (self->document)) != 0);
}

static void
watch_file (SocWindow *self)
{
  GFile *file = self->document ? soc_document_get_file (self->document) : NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  gtk_revealer_set_reveal_child (self->changed_banner, FALSE);
  if (file == NULL)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

static void
on_file_notify (SocWindow *self)
{
  watch_file (self);
  update_title (self);
}

/* The panels and views let go of the document and its selection. */
static void
release_views (SocWindow *self)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  soc_inspector_set_document (self->inspector, NULL);
  soc_checklist_panel_set_document (self->checklist, NULL);
  for (guint i = 0; i < self->views->len; i++)
    {
      soc_view_set_checklist (g_ptr_array_index (self->views, i), NULL);
      soc_view_set_document (g_ptr_array_index (self->views, i), NULL, NULL);
    }
  g_clear_object (&self->selection);
}

/* Shows DOCUMENT (or a new, empty plan) in this window. */
void
soc_window_set_document (SocWindow   *self,
                         SocDocument *document)
{
  g_autoptr(SocDocument) fresh = NULL;

  g_return_if_fail (SOC_IS_WINDOW (self));

  if (document == NULL)
    document = fresh = soc_document_new ();
  if (document == self->document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (soc_document_get_history (self->document), self);
      if (self->drafts != NULL)
        soc_draft_store_unwatch (self->drafts, self->document);
    }

  /* The views let go of the old document before it goes. */
  release_views (self);
  g_set_object (&self->document, document);
  self->selection = soc_selection_new (document);
  g_signal_connect_swapped (self->selection, "changed", G_CALLBACK (on_selection_changed), self);

  soc_inspector_set_document (self->inspector, document);
  soc_checklist_panel_set_document (self->checklist, document);
  for (guint i = 0; i < self->views->len; i++)
    {
      soc_view_set_document (g_ptr_array_index (self->views, i), document, self->selection);
      soc_view_set_checklist (g_ptr_array_index (self->views, i), soc_checklist_panel_get_monitor (self->checklist));
    }

  {
    GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

    if (self->drafts == NULL && SOC_IS_APPLICATION (app) && soc_application_get_draft_store (SOC_APPLICATION (app)))
      self->drafts = g_object_ref (soc_application_get_draft_store (SOC_APPLICATION (app)));
    if (self->drafts != NULL)
      soc_draft_store_watch (self->drafts, document);
  }
  g_signal_connect_swapped (document, "notify::title", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (document, "notify::file", G_CALLBACK (on_file_notify), self);
  g_signal_connect_swapped (soc_document_get_history (document), "notify",
                            G_CALLBACK (on_history_changed), self);

  watch_file (self);
  _soc_window_keep_base (self);
  _soc_window_offer_recorded_conflicts (self);
  update_title (self);
  on_selection_changed (self);
  /* The keyboard starts in the plan, not on the Open button. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_grab_focus (adw_view_stack_get_visible_child (self->stack));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
rebuild_recent_menu (SocWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint shown = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && shown < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".socplan") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* ------------------------------------------------------------------------ */
/* Remembered between runs: size, view, panel                               */

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Uninstalled runs may have no schema: then nothing is remembered. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.socplan.Socplan", TRUE);
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static void
save_state (SocWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-view", adw_view_stack_get_visible_child_name (self->stack));
  g_settings_set_boolean (self->settings, "inspector-visible", gtk_widget_get_visible (GTK_WIDGET (self->inspector)));
  g_settings_set_boolean (self->settings, "checklist-visible", gtk_widget_get_visible (GTK_WIDGET (self->checklist)));
  g_settings_set_int (self->settings, "checklist-width", gtk_paned_get_position (self->checklist_paned));
  if (gtk_widget_get_width (GTK_WIDGET (self->inspector_paned)) > 0 && gtk_widget_get_visible (GTK_WIDGET (self->inspector)))
    g_settings_set_int (self->settings, "inspector-width",
                        gtk_widget_get_width (GTK_WIDGET (self->inspector_paned)) -
                        gtk_paned_get_position (self->inspector_paned));
  g_settings_apply (self->settings);
}

static void
restore_state (SocWindow *self)
{
  g_autofree char *view = NULL;

  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  view = g_settings_get_string (self->settings, "last-view");
  adw_view_stack_set_visible_child_name (self->stack, view);
  gtk_widget_set_visible (GTK_WIDGET (self->inspector), g_settings_get_boolean (self->settings, "inspector-visible"));
  gtk_widget_set_visible (GTK_WIDGET (self->checklist), g_settings_get_boolean (self->settings, "checklist-visible"));
  gtk_paned_set_position (self->checklist_paned, g_settings_get_int (self->settings, "checklist-width"));
  gtk_paned_set_position (self->inspector_paned,
                          g_settings_get_int (self->settings, "window-width") -
                          g_settings_get_int (self->settings, "inspector-width"));
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   SocWindow        *self)
{
  if (g_str_equal (response, "discard"))
    {
      /* Discarded on purpose: its draft goes too. */
      if (self->drafts != NULL)
        soc_draft_store_forget (self->drafts, self->document);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    _soc_window_save (self, TRUE);
}

static gboolean
soc_window_close_request (GtkWindow *window)
{
  SocWindow *self = SOC_WINDOW (window);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* What is being typed is a change to ask about. */
  if (!self->close_confirmed && self->document != NULL)
    _soc_window_commit_typing (self);
  if (self->close_confirmed || self->document == NULL || !soc_document_get_modified (self->document))
    {
      save_state (self);
      return GTK_WINDOW_CLASS (soc_window_parent_class)->close_request (window);
    }

  name = soc_document_get_display_name (self->document);
  heading = g_strdup_printf (_("Save Changes to “%s”?"), name[0] ? name : _("Untitled Plan"));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Changes that are not saved will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
soc_window_dispose (GObject *object)
{
  SocWindow *self = SOC_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (soc_document_get_history (self->document), self);
      /* A modified plan keeps its draft: it is offered back next time. */
      if (self->drafts != NULL)
        soc_draft_store_unwatch (self->drafts, self->document);
    }
  g_clear_object (&self->drafts);
  if (self->inspector != NULL && self->views != NULL)
    release_views (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SOC_TYPE_WINDOW);

  G_OBJECT_CLASS (soc_window_parent_class)->dispose (object);
}

static void
soc_window_finalize (GObject *object)
{
  SocWindow *self = SOC_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->actions_enabled, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (soc_window_parent_class)->finalize (object);
}

static void
soc_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SocWindow *self = SOC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_INSPECTOR_VISIBLE:
      g_value_set_boolean (value, self->inspector == NULL || gtk_widget_get_visible (GTK_WIDGET (self->inspector)));
      break;
    case PROP_CHECKLIST_VISIBLE:
      g_value_set_boolean (value, self->checklist == NULL || gtk_widget_get_visible (GTK_WIDGET (self->checklist)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SocWindow *self = SOC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      soc_window_set_document (self, g_value_get_object (value));
      break;
    case PROP_INSPECTOR_VISIBLE:
      if (gtk_widget_get_visible (GTK_WIDGET (self->inspector)) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->inspector), g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CHECKLIST_VISIBLE:
      if (gtk_widget_get_visible (GTK_WIDGET (self->checklist)) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->checklist), g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_window_class_init (SocWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = soc_window_dispose;
  object_class->finalize = soc_window_finalize;
  object_class->get_property = soc_window_get_property;
  object_class->set_property = soc_window_set_property;
  window_class->close_request = soc_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SOC_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKLIST_VISIBLE] =
    g_param_spec_boolean ("checklist-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INSPECTOR_VISIBLE] =
    g_param_spec_boolean ("inspector-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A static library drops the resource's constructor: register it here. */
  g_resources_register (soc_gtk_get_resource ());
  _soc_window_class_merge_init (klass);

  g_type_ensure (SOC_TYPE_LIST_PAGE);
  g_type_ensure (SOC_TYPE_GOALS_VIEW);
  g_type_ensure (SOC_TYPE_ROADMAP_VIEW);
  g_type_ensure (SOC_TYPE_STAKEHOLDERS_VIEW);
  g_type_ensure (SOC_TYPE_INSPECTOR);
  g_type_ensure (SOC_TYPE_CHECKLIST_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/socplan/Socplan/soc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SocWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, changed_banner);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, inspector_paned);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, checklist_paned);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, checklist);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, SocWindow, recent_menu);

  _soc_window_class_actions_init (klass);
}

/* The keyboard shortcuts window, built the first time it is asked for:
 * building it costs more than anything else the window does not show. */
static void
show_help_overlay (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  SocWindow *self = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/socplan/Socplan/soc-shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      soc_compat_name_shortcuts_search (overlay);
      /* The window keeps this action: GTK adds its own only when there is none. */
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
soc_window_init (SocWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  soc_icon_button_set_label (GTK_WIDGET (self->menu_button), _("Main Menu"), NULL);

  self->cancellable = g_cancellable_new ();
  {
    g_autoptr(GSimpleAction) help = g_simple_action_new ("show-help-overlay", NULL);

    g_signal_connect (help, "activate", G_CALLBACK (show_help_overlay), self);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help));
  }

  /* The window holds its views through SocView only: whatever the stack shows. */
  self->views = g_ptr_array_new ();
  self->actions_enabled = g_hash_table_new (g_str_hash, g_str_equal);
  {
    g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->stack);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
      {
        g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
        GtkWidget *child = adw_view_stack_page_get_child (page);

        if (SOC_IS_VIEW (child))
          g_ptr_array_add (self->views, child);
      }
  }
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (_soc_window_update_actions), self);
  g_signal_connect_swapped (self->inspector, "activate-link", G_CALLBACK (on_activate_link), self);
  g_signal_connect_swapped (self->checklist, "activate-object", G_CALLBACK (on_activate_link), self);

  g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed", G_CALLBACK (rebuild_recent_menu), self);
  rebuild_recent_menu (self);

  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }

  gtk_paned_set_position (self->checklist_paned, 340);
  gtk_paned_set_position (self->inspector_paned, 720);
  self->settings = settings_new ();
  restore_state (self);
}

SocWindow *
soc_window_new (SocApplication *application,
                SocDocument    *document)
{
  SocWindow *self = g_object_new (SOC_TYPE_WINDOW, "application", application, NULL);

  soc_window_set_document (self, document);
  return self;
}
