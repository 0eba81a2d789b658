/* soc-window-actions.c: what the window's actions do
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every action turns into core edits (one undo step each) or into file
 * operations on the document; enabled states follow the document and the
 * selection.
 */

#define G_LOG_DOMAIN "soc-window-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "soc-canvas.h"
#include "soc-csv-dialog.h"
#include "soc-date.h"
#include "soc-edit.h"
#include "soc-editable-cell.h"
#include "soc-enum-types.h"
#include "soc-inspector.h"
#include "soc-summary.h"
#include "soc-print-actions.h"
#include "soc-rules.h"
#include "soc-object-list.h"
#include "soc-window-private.h"

/* ------------------------------------------------------------------------ */
/* Toasts                                                                   */

/* One toast at a time, always the latest news: a new toast replaces the
 * one shown, so quick undos and repeated refusals never fall behind. */
typedef enum {
  TOAST_MESSAGE,    /* a refusal, an error */
  TOAST_HISTORY,    /* undone, redone */
  TOAST_DELETE,     /* deleted, with Undo */
  TOAST_SAVE,       /* saved */
  TOAST_REPORT,     /* anything else, its button the caller's */
  N_TOAST_KINDS
} ToastKind;

static const char *toast_kinds[N_TOAST_KINDS] = { "message", "history", "delete", "save", "report" };

/* libadwaita 1.2 frees a toast dismissed during its 300 ms slide-in while
 * the slide still runs, and crashes: a toast younger than this is changed
 * in place instead (its time out is then this much shorter, at most). */
#define TOAST_SETTLE_US (400 * G_TIME_SPAN_MILLISECOND)

/* A toast saying TEXT. A toast's title is markup in libadwaita 1.2, and
 * TEXT holds the user's titles ("Q&A"): it is escaped. */
static AdwToast *
toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static void
on_toast_dismissed (AdwToast  *toast,
                    SocWindow *self)
{
  if (g_object_get_data (G_OBJECT (self), "soc-toast") == toast)
    g_object_set_data (G_OBJECT (self), "soc-toast", NULL);
}

/* What an undo or a redo brought back (a deleted goal, a stakeholder with
 * its relationships, an added item) is selected and shown, as the user
 * would look for it; a relationship only when nothing else came back. */
static void
select_added (SocWindow *self)
{
  guint n;
  SocObject *const *added = soc_document_get_last_added (self->document, &n);
  SocObject *shown = NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *id = soc_object_get_id (added[i]);

      if (id == NULL || SOC_IS_OVERRIDE (added[i]) || soc_document_lookup (self->document, id) != added[i])
        continue;
      if (shown == NULL || (SOC_IS_RELATIONSHIP (shown) && !SOC_IS_RELATIONSHIP (added[i])))
        shown = added[i];
    }
  if (shown != NULL)
    soc_window_show_object (self, shown);
}

/* The button of a delete's toast takes the delete back. */
static void
on_toast_button (AdwToast  *toast,
                 SocWindow *self)
{
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "soc-toast-kind")) == TOAST_DELETE &&
      self->document != NULL && soc_document_undo (self->document))
    select_added (self);
}

static gboolean
toast_is_settling (SocWindow *self)
{
  AdwToast *toast = g_object_get_data (G_OBJECT (self), "soc-toast");

  return toast != NULL &&
         g_get_monotonic_time () - GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "soc-toast-added")) < TOAST_SETTLE_US;
}

/* The toast overlay dismisses its toast on Escape: not while it slides in
 * (see TOAST_SETTLE_US). */
static gboolean
on_overlay_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SocWindow             *self)
{
  if (keyval == GDK_KEY_Escape && toast_is_settling (self))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-view", NULL);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
guard_overlay (SocWindow *self)
{
  GtkEventController *keys;

  if (g_object_get_data (G_OBJECT (self->toast_overlay), "soc-escape-guard") != NULL)
    return;
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_overlay_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), keys);
  g_object_set_data (G_OBJECT (self->toast_overlay), "soc-escape-guard", keys);
}

/* Shows TOAST (taking it), replacing the toast shown; returns the toast
 * that says it (an older one changed in place, if it was still sliding in). */
static AdwToast *
show_toast (SocWindow *self,
            ToastKind  kind,
            AdwToast  *toast)
{
  AdwToast *old = g_object_get_data (G_OBJECT (self), "soc-toast");

  guard_overlay (self);
  if (toast_is_settling (self))
    {
      adw_toast_set_title (old, adw_toast_get_title (toast));
      adw_toast_set_button_label (old, adw_toast_get_button_label (toast));
      g_object_set_data (G_OBJECT (old), "soc-toast-kind", GINT_TO_POINTER (kind));
      g_object_unref (toast);
      return old;
    }
  if (old != NULL)
    adw_toast_dismiss (old);
  g_object_set_data (G_OBJECT (toast), "soc-toast-kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (toast), "soc-toast-added", GSIZE_TO_POINTER (g_get_monotonic_time ()));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_button), self, 0);
  g_object_set_data (G_OBJECT (self), "soc-toast", toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

/* Shows TEXT, the user's words or not (never read as markup), with a
 * button labelled BUTTON_LABEL (NULL: none) for TIMEOUT seconds, as the
 * window's one toast. Connect to the returned toast's "button-clicked". */
AdwToast *
_soc_window_show_report (SocWindow  *self,
                         const char *text,
                         const char *button_label,
                         guint       timeout)
{
  AdwToast *toast = toast_new (text);

  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_timeout (toast, timeout);
  return show_toast (self, TOAST_REPORT, toast);
}

/* The toast shown now, if it is of KIND, or of any kind if KIND is NULL
 * (for tests and benchmarks). */
AdwToast *
_soc_window_get_toast (SocWindow  *self,
                       const char *kind)
{
  AdwToast *toast = g_object_get_data (G_OBJECT (self), "soc-toast");

  if (toast == NULL || kind == NULL)
    return toast;
  return g_str_equal (toast_kinds[GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "soc-toast-kind"))], kind)
    ? toast : NULL;
}

void
_soc_window_show_message (SocWindow  *self,
                          const char *message)
{
  AdwToast *toast = toast_new (message);

  adw_toast_set_timeout (toast, 6);
  show_toast (self, TOAST_MESSAGE, toast);
}

/* What "Add" makes in the view shown: a goal, a roadmap item, a stakeholder. */
static GType
visible_add_type (SocWindow *self)
{
  SocView *view = _soc_window_get_visible_view (self);

  return view != NULL ? soc_view_get_add_type (view) : G_TYPE_NONE;
}

/* Enables or disables ACTION, if it is not so already: GTK 4.8 tells every
 * button and menu that watches it each time, changed or not, and the
 * actions are updated on every selection and every edit. */
static void
set_enabled (SocWindow  *self,
             const char *action,
             gboolean    enabled)
{
  gpointer state = GINT_TO_POINTER (enabled ? 2 : 1);

  if (g_hash_table_lookup (self->actions_enabled, action) == state)
    return;
  g_hash_table_insert (self->actions_enabled, (gpointer) action, state);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
}

/* Sets WIDGET's tooltip to TEXT unless it says so already (each setting
 * updates what a screen reader is told). */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

void
_soc_window_update_actions (SocWindow *self)
{
  SocHistory *history = self->document ? soc_document_get_history (self->document) : NULL;
  SocObject *selected = soc_window_get_selected (self);
  gboolean goals = visible_add_type (self) == SOC_TYPE_GOAL;
  gboolean roadmap = visible_add_type (self) == SOC_TYPE_ITEM;
  gboolean is_goal = SOC_IS_GOAL (selected);
  gboolean has_parent = is_goal && soc_goal_get_parent (SOC_GOAL (selected)) != NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  set_enabled (self, "win.undo", history && soc_history_can_undo (history));
  set_enabled (self, "win.redo", history && soc_history_can_redo (history));
  set_enabled (self, "win.revert",
                                 self->document && soc_document_get_file (self->document) != NULL);
  set_enabled (self, "win.delete", selected != NULL);
  set_enabled (self, "win.add-child", goals);
  set_enabled (self, "win.add-milestone", roadmap);
  set_enabled (self, "win.add-lane", roadmap);
  set_enabled (self, "win.add-phase", roadmap);
  set_enabled (self, "win.indent", is_goal);
  set_enabled (self, "win.outdent", has_parent);
  set_enabled (self, "win.move-up", selected != NULL);
  set_enabled (self, "win.move-down", selected != NULL);

  /* Undo and Redo say what they would do. */
  if (history && soc_history_can_undo (history))
    undo_tip = g_strdup_printf (_("Undo %s"), soc_history_get_undo_label (history));
  if (history && soc_history_can_redo (history))
    redo_tip = g_strdup_printf (_("Redo %s"), soc_history_get_redo_label (history));
  set_tooltip (self->undo_button, undo_tip ? undo_tip : _("Undo"));
  set_tooltip (self->redo_button, redo_tip ? redo_tip : _("Redo"));
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */

typedef struct
{
  SocWindow *window;
  GFile     *file;
  gboolean   close_after;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

static void start_save (SocWindow *self, GFile *file, SocSaveFlags flags, gboolean close_after);

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      SaveData         *data)
{
  if (g_str_equal (response, "overwrite"))
    start_save (data->window, data->file, SOC_SAVE_FLAGS_OVERWRITE, data->close_after);
  else if (g_str_equal (response, "save-as"))
    _soc_window_save_as (data->window, data->close_after);
  else if (g_str_equal (response, "reload"))
    gtk_widget_activate_action (GTK_WIDGET (data->window), "win.revert", NULL);
  else if (g_str_equal (response, "merge"))
    gtk_widget_activate_action (GTK_WIDGET (data->window), "win.merge", NULL);
  save_data_free (data);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveData *data = user_data;
  SocWindow *self = data->window;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (soc_document_save_finish (SOC_DOCUMENT (source), result, &error))
    {
      g_autofree char *uri = g_file_get_uri (data->file);

      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
      gtk_revealer_set_reveal_child (self->changed_banner, FALSE);
      {
        g_autofree char *name = g_file_get_basename (data->file);
        g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
        AdwToast *toast = toast_new (text);

        adw_toast_set_timeout (toast, 3);
        show_toast (self, TOAST_SAVE, toast);
      }
      if (data->close_after)
        {
          self->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
      save_data_free (data);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Changed on Disk"),
                                                  _("Someone else saved this plan since you opened it. Merge their changes into yours, overwrite their version, save yours under another name, or reload theirs and lose your changes?"));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "reload", _("_Reload"),
                                        "save-as", _("Save _As…"),
                                        "overwrite", _("_Overwrite"),
                                        "merge", _("_Merge"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_conflict_response), data);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* The document stays modified: nothing is lost, and the user knows why. */
  soc_application_show_error (SOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                              GTK_WINDOW (self), _("The Plan Could Not Be Saved"), error->message);
  save_data_free (data);
}

/* What is being typed goes into the plan: the inspector's fields, a
 * table's cell, a name on a picture. Each commits when the keyboard
 * leaves it; saving and closing take it where it is. The inspector's
 * field keeps the keyboard; a cell or a name on a picture ends editing. */
void
_soc_window_commit_typing (SocWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->inspector != NULL)
    soc_inspector_commit (self->inspector);
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (SOC_IS_EDITABLE_CELL (w))
      {
        soc_editable_cell_stop_editing (SOC_EDITABLE_CELL (w), TRUE);
        break;
      }
    else if (SOC_IS_CANVAS (w))
      {
        soc_canvas_commit_rename (SOC_CANVAS (w));
        break;
      }
}

static void
start_save (SocWindow    *self,
            GFile        *file,
            SocSaveFlags  flags,
            gboolean      close_after)
{
  SaveData *data = g_new0 (SaveData, 1);

  _soc_window_commit_typing (self);

  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->close_after = close_after;
  self->saving = TRUE;
  soc_document_save_async (self->document, file, flags, self->cancellable, on_saved, data);
}

void
_soc_window_save (SocWindow *self,
                  gboolean   close_after)
{
  GFile *file = soc_document_get_file (self->document);

  if (file == NULL)
    _soc_window_save_as (self, close_after);
  else
    start_save (self, file, SOC_SAVE_FLAGS_NONE, close_after);
}

/* Saves to FILE, chosen by the user, replacing what is there. */
void
_soc_window_save_to (SocWindow *self,
                     GFile     *file)
{
  start_save (self, file, SOC_SAVE_FLAGS_OVERWRITE, FALSE);
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     SaveData        *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);

      /* Plans are recognised by their extension: add it if it is missing. */
      if (!g_str_has_suffix (name, ".socplan"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *with = g_strconcat (name, ".socplan", NULL);

          g_set_object (&file, g_file_get_child (parent, with));
          g_object_unref (file);
        }
      start_save (data->window, file, SOC_SAVE_FLAGS_OVERWRITE, data->close_after);
    }
  save_data_free (data);
  g_object_unref (chooser);
}

/* Where a file chooser for this window opens: the plan's own folder, else
 * the user's documents (else home). Never the folder the program was
 * started in, which GTK would take, such as a source tree for "make run". */
void
_soc_window_choose_in_folder (SocWindow      *self,
                              GtkFileChooser *chooser)
{
  GFile *file = self->document != NULL ? soc_document_get_file (self->document) : NULL;
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;

  if (folder == NULL)
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      folder = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                    ? documents : g_get_home_dir ());
    }
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

void
_soc_window_save_as (SocWindow *self,
                     gboolean   close_after)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = soc_document_get_display_name (self->document);
  g_autofree char *suggestion = NULL;
  SaveData *data = g_new0 (SaveData, 1);

  data->window = g_object_ref (self);
  data->close_after = close_after;

  chooser = gtk_file_chooser_native_new (_("Save Plan"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Socplan plans"));
  gtk_file_filter_add_pattern (filter, "*.socplan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  suggestion = g_strconcat (name[0] ? name : _("Untitled Plan"), ".socplan", NULL);
  g_strdelimit (suggestion, "/\\:", '-');
  if (soc_document_get_file (self->document) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), soc_document_get_file (self->document), NULL);
  else
    {
      _soc_window_choose_in_folder (self, GTK_FILE_CHOOSER (chooser));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggestion);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  _soc_window_save (SOC_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  _soc_window_save_as (SOC_WINDOW (widget), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Reverting                                                                */

static void
on_reverted (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SocWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) doc = soc_document_load_finish (result, &error);

  if (doc == NULL)
    {
      soc_application_show_error (SOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                  GTK_WINDOW (self), _("The Plan Could Not Be Reloaded"), error->message);
      return;
    }
  /* The changes were thrown away on purpose: so is their draft. */
  if (self->drafts != NULL && self->document != NULL)
    soc_draft_store_forget (self->drafts, self->document);
  soc_window_set_document (self, doc);
}

static void
revert_now (SocWindow *self)
{
  soc_document_load_async (soc_document_get_file (self->document), self->cancellable,
                           on_reverted, g_object_ref (self));
}

static void
on_revert_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SocWindow        *self)
{
  if (g_str_equal (response, "revert"))
    revert_now (self);
}

static void
revert_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  GtkWidget *dialog;

  if (soc_document_get_file (self->document) == NULL)
    return;
  if (!soc_document_get_modified (self->document))
    {
      revert_now (self);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes and Reload?"),
                                   _("The plan goes back to the version in its file. Changes that are not saved will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "revert", _("_Reload"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revert", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_revert_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Undo                                                                     */

static void
undo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  SocHistory *history = soc_document_get_history (self->document);
  g_autofree char *label = g_strdup (soc_history_get_undo_label (history));

  if (!soc_document_undo (self->document))
    return;
  select_added (self);
  if (label != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Undone: %s"), label);
      AdwToast *toast = toast_new (message);

      adw_toast_set_timeout (toast, 4);
      show_toast (self, TOAST_HISTORY, toast);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  SocHistory *history = soc_document_get_history (self->document);
  g_autofree char *label = g_strdup (soc_history_get_redo_label (history));

  if (!soc_document_redo (self->document))
    return;
  select_added (self);
  if (label != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Redone: %s"), label);
      AdwToast *toast = toast_new (message);

      adw_toast_set_timeout (toast, 4);
      show_toast (self, TOAST_HISTORY, toast);
    }
}

/* ------------------------------------------------------------------------ */
/* Adding, deleting, moving                                                 */

static void
report_error (SocWindow    *self,
              const GError *error)
{
  _soc_window_show_message (self, error->message);
}

static guint
position_of (GListModel *list,
             gpointer    object)
{
  guint position;

  /* The plan's own lists: a scan of pointers, not a reference taken and
   * dropped on each of fifty thousand items. */
  if (SOC_IS_OBJECT_LIST (list))
    return soc_object_list_find (SOC_OBJECT_LIST (list), object, &position) ? position
                                                                            : g_list_model_get_n_items (list);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (list, i);
      if (o == object)
        return i;
    }
  return g_list_model_get_n_items (list);
}

static gboolean
focus_title_idle (gpointer data)
{
  SocWindow *self = data;

  if (self->inspector != NULL && soc_inspector_get_object (self->inspector) != NULL)
    soc_inspector_focus_first (self->inspector);
  return G_SOURCE_REMOVE;
}

/* After adding: select it and put the keyboard in its title, all of it
 * selected, so that what is typed next names it. Every time: once the view
 * has taken the keyboard for a view it had to show, the title takes it. */
static void
added (SocWindow *self,
       SocObject *object)
{
  soc_window_show_object (self, object);
  gtk_widget_set_visible (GTK_WIDGET (self->inspector), TRUE);
  soc_inspector_focus_first (self->inspector);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 10, focus_title_idle, g_object_ref (self), g_object_unref);
}

static void
add_goal (SocWindow *self,
          gboolean   as_child)
{
  SocObject *selected = soc_window_get_selected (self);
  SocGoal *anchor = SOC_IS_GOAL (selected) ? SOC_GOAL (selected) : NULL;
  SocGoal *parent = anchor == NULL ? NULL : as_child ? anchor : soc_goal_get_parent (anchor);
  g_autoptr(SocGoal) goal = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (as_child)
    position = anchor ? g_list_model_get_n_items (soc_goal_get_children (anchor)) : 0;
  else if (anchor != NULL)
    position = position_of (parent ? soc_goal_get_children (parent) : soc_document_get_goals (self->document), anchor) + 1;
  else
    position = g_list_model_get_n_items (soc_document_get_goals (self->document));

  goal = soc_rules_new_goal (parent, as_child ? NULL : anchor);
  if (soc_edit_add (self->document, SOC_OBJECT (goal), parent, position, &error) == NULL)
    report_error (self, error);
  else
    added (self, SOC_OBJECT (goal));
}

static SocLane *
lane_for_new_item (SocWindow *self,
                   SocObject *selected)
{
  GListModel *lanes = soc_document_get_lanes (self->document);
  g_autoptr(SocLane) lane = NULL;
  g_autoptr(GError) error = NULL;

  if (SOC_IS_ITEM (selected))
    return soc_item_get_lane (SOC_ITEM (selected));
  if (SOC_IS_LANE (selected))
    return SOC_LANE (selected);
  if (g_list_model_get_n_items (lanes) > 0)
    {
      g_autoptr(GObject) first = g_list_model_get_item (lanes, 0);
      return SOC_LANE (first);
    }
  /* A roadmap needs a lane: make one in the same step. */
  lane = soc_rules_new_lane (SOC_LANE_KIND_CULTURE_EDUCATION);
  if (soc_edit_add (self->document, SOC_OBJECT (lane), NULL, 0, &error) == NULL)
    return NULL;
  return lane;
}

static void
add_item (SocWindow   *self,
          SocItemKind  kind)
{
  SocObject *selected = soc_window_get_selected (self);
  g_autoptr(SocItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items = soc_document_get_items (self->document);
  guint position = g_list_model_get_n_items (items);
  SocLane *lane;

  soc_document_begin_group (self->document, kind == SOC_ITEM_KIND_MILESTONE ? _("Add a milestone") : _("Add an activity"));
  lane = lane_for_new_item (self, selected);
  if (SOC_IS_ITEM (selected))
    position = position_of (items, selected) + 1;
  item = soc_rules_new_item (self->document, kind, lane, SOC_IS_ITEM (selected) ? SOC_ITEM (selected) : NULL);
  if (lane == NULL || soc_edit_add (self->document, SOC_OBJECT (item), NULL, position, &error) == NULL)
    {
      soc_document_end_group (self->document);
      if (error != NULL)
        report_error (self, error);
      return;
    }
  soc_document_end_group (self->document);
  added (self, SOC_OBJECT (item));
}

static void
add_simple (SocWindow *self,
            SocObject *object,
            GListModel *list)
{
  g_autoptr(GError) error = NULL;
  SocObject *selected = soc_window_get_selected (self);
  guint position = g_list_model_get_n_items (list);

  if (selected != NULL && G_OBJECT_TYPE (selected) == G_OBJECT_TYPE (object))
    position = position_of (list, selected) + 1;
  if (soc_edit_add (self->document, object, NULL, position, &error) == NULL)
    report_error (self, error);
  else
    added (self, object);
}

static void
add_sibling_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  GType type = visible_add_type (self);

  if (type == SOC_TYPE_GOAL)
    add_goal (self, FALSE);
  else if (type == SOC_TYPE_ITEM)
    add_item (self, SOC_ITEM_KIND_ACTIVITY);
  else if (type == SOC_TYPE_STAKEHOLDER)
    {
      g_autoptr(SocStakeholder) s = soc_rules_new_stakeholder ();

      add_simple (self, SOC_OBJECT (s), soc_document_get_stakeholders (self->document));
    }
}

static void
add_child_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  add_goal (SOC_WINDOW (widget), TRUE);
}

static void
add_milestone_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  add_item (SOC_WINDOW (widget), SOC_ITEM_KIND_MILESTONE);
}

static void
add_lane_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  g_autoptr(SocLane) lane = soc_rules_new_lane (SOC_LANE_KIND_OTHER);

  add_simple (self, SOC_OBJECT (lane), soc_document_get_lanes (self->document));
}

static void
add_phase_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  g_autoptr(SocPhase) phase = soc_rules_new_phase (self->document);

  add_simple (self, SOC_OBJECT (phase), soc_document_get_phases (self->document));
}

static void
delete_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  g_autoptr(GPtrArray) selected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  AdwToast *toast;

  /* Everything selected goes, in one step. */
  for (guint i = 0; self->selection != NULL && i < soc_selection_get_size (self->selection); i++)
    g_ptr_array_add (selected, g_object_ref (soc_selection_get_nth (self->selection, i)));
  if (selected->len == 0)
    return;
  /* Say what goes, counted before it goes: a lane's items, a goal's
   * sub-goals, a stakeholder's relationships. */
  if (selected->len == 1)
    report = soc_summary_describe_delete (self->document, g_ptr_array_index (selected, 0));
  else
    report = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u object", "Deleted %u objects", selected->len),
                              selected->len);
  if (!soc_edit_delete (self->document, (SocObject *const *) selected->pdata, selected->len, &error))
    {
      report_error (self, error);
      return;
    }
  /* Deleting is one step: offer to take it back right here, long enough
   * to reach the button. */
  toast = toast_new (report);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  show_toast (self, TOAST_DELETE, toast);
}

static void
indent_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  SocObject *selected = soc_window_get_selected (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!SOC_IS_GOAL (selected))
    return;
  if (g_str_equal (action, "win.indent"))
    ok = soc_edit_indent_goal (self->document, SOC_GOAL (selected), &error);
  else
    ok = soc_edit_outdent_goal (self->document, SOC_GOAL (selected), &error);
  if (!ok)
    report_error (self, error);
  else
    soc_window_show_object (self, selected);
}

static void
move_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  SocObject *selected = soc_window_get_selected (self);
  gboolean up = g_str_equal (action, "win.move-up");
  g_autoptr(GError) error = NULL;
  GListModel *list;
  guint position;

  if (selected == NULL)
    return;
  if (SOC_IS_GOAL (selected))
    {
      SocGoal *parent = soc_goal_get_parent (SOC_GOAL (selected));
      list = parent ? soc_goal_get_children (parent) : soc_document_get_goals (self->document);
    }
  else if (SOC_IS_ITEM (selected))
    list = soc_document_get_items (self->document);
  else if (SOC_IS_LANE (selected))
    list = soc_document_get_lanes (self->document);
  else if (SOC_IS_PHASE (selected))
    list = soc_document_get_phases (self->document);
  else if (SOC_IS_STAKEHOLDER (selected))
    list = soc_document_get_stakeholders (self->document);
  else
    return;

  position = position_of (list, selected);
  if ((up && position == 0) || (!up && position + 1 >= g_list_model_get_n_items (list)))
    return;
  if (!soc_edit_move (self->document, selected, up ? position - 1 : position + 1, &error))
    report_error (self, error);
  else
    soc_window_show_object (self, selected);
}

/* ------------------------------------------------------------------------ */
/* Views and panels                                                         */

static void
show_view_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  soc_window_show_view (SOC_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
edit_selection_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->inspector), TRUE);
  soc_inspector_focus_first (self->inspector);
}

/* Edits one field of the selection in the inspector (a double click on a
 * value the table cannot edit). */
static void
edit_field_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->inspector), TRUE);
  if (!soc_inspector_focus_field (self->inspector, g_variant_get_string (param, NULL)))
    soc_inspector_focus_first (self->inspector);
}

/* Escape in the inspector: the keyboard goes back to the rows. */
static void
focus_view_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  SocView *view = _soc_window_get_visible_view (self);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (view != NULL && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->inspector)))
    {
      soc_inspector_commit (self->inspector);
      gtk_widget_grab_focus (GTK_WIDGET (view));
    }
}

static void
show_message_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  _soc_window_show_message (SOC_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
on_dialog_message (GSimpleAction   *action,
                   GVariant        *param,
                   AdwToastOverlay *toasts)
{
  adw_toast_overlay_add_toast (toasts, toast_new (g_variant_get_string (param, NULL)));
}

/* Plan properties: the same form as the inspector, for the plan itself. */
static void
properties_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *toasts = adw_toast_overlay_new ();
  GtkWidget *inspector = soc_inspector_new ();

  gtk_window_set_title (GTK_WINDOW (dialog), _("Plan Properties"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 640);
  gtk_box_append (GTK_BOX (box), header);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (toasts), inspector);
  gtk_widget_set_vexpand (toasts, TRUE);
  gtk_box_append (GTK_BOX (box), toasts);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  soc_inspector_set_document (SOC_INSPECTOR (inspector), self->document);
  soc_inspector_set_object (SOC_INSPECTOR (inspector), SOC_OBJECT (soc_document_get_plan (self->document)));

  /* Refusals inside the dialog are shown inside it. */
  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
    g_autoptr(GSimpleAction) show = g_simple_action_new ("show-message", G_VARIANT_TYPE_STRING);

    g_signal_connect_object (show, "activate", G_CALLBACK (on_dialog_message), toasts, 0);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (show));
    gtk_widget_insert_action_group (dialog, "win", G_ACTION_GROUP (group));
  }
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_soc_window_class_actions_init (SocWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-sibling", NULL, add_sibling_action);
  gtk_widget_class_install_action (widget_class, "win.add-child", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "win.add-milestone", NULL, add_milestone_action);
  gtk_widget_class_install_action (widget_class, "win.add-lane", NULL, add_lane_action);
  gtk_widget_class_install_action (widget_class, "win.add-phase", NULL, add_phase_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.indent", NULL, indent_action);
  gtk_widget_class_install_action (widget_class, "win.outdent", NULL, indent_action);
  gtk_widget_class_install_action (widget_class, "win.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.edit-selection", NULL, edit_selection_action);
  gtk_widget_class_install_action (widget_class, "win.edit-field", "s", edit_field_action);
  gtk_widget_class_install_action (widget_class, "win.focus-view", NULL, focus_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-message", "s", show_message_action);
  gtk_widget_class_install_action (widget_class, "win.properties", NULL, properties_action);
  soc_csv_dialog_install_actions (widget_class);
  soc_print_install_actions (widget_class);
  gtk_widget_class_install_property_action (widget_class, "win.show-inspector", "inspector-visible");
  gtk_widget_class_install_property_action (widget_class, "win.show-checklist", "checklist-visible");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "win.add-sibling", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-child", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.indent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.outdent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "goals");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "roadmap");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "stakeholders");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.focus-view", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-inspector", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.show-checklist", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

/* Accelerators shown in menus; the bindings above make them work. */
void
soc_window_set_accels (GtkApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.print-preview", { "<Control><Shift>p", NULL } },
    { "win.export", { "<Control><Shift>e", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.add-sibling", { "<Control>Return", NULL } },
    { "win.add-child", { "<Control><Shift>Return", NULL } },
    { "win.delete", { "Delete", NULL } },
    { "win.show-inspector", { "F9", NULL } },
    { "win.show-checklist", { "F8", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}
