/* soc-window-merge.c: merging the open plan with the version on disk
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When someone else saved the plan while it was open, Merge brings their
 * changes in: the version this window read or last saved is the base (the
 * document keeps its bytes), the open plan is ours, the file on disk is
 * theirs. Conflicts are settled in SocMergeDialog, row by row; the result,
 * read back by the reader, replaces the plan's content as one undo step
 * and takes the file's etag, so the next save does not warn again (and
 * undoing the merge brings the warning back). The plan stays modified.
 *
 * A plan whose file holds conflicts recorded by socplan-cli merge offers
 * to resolve them in the same dialog, as one undo step too.
 */

#define G_LOG_DOMAIN "soc-window-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-edit.h"
#include "soc-merge-dialog.h"
#include "soc-window-private.h"

/* ------------------------------------------------------------------------ */
/* The base: the file's bytes as this window read or saved them             */

/* Weak: a read under way never keeps a window or a plan alive. */
typedef struct
{
  GWeakRef  window;
  GWeakRef  document;
  GFile    *file;
  GBytes   *contents;   /* read in the worker */
  char     *etag;
} BaseJob;

static void
base_job_free (BaseJob *job)
{
  g_weak_ref_clear (&job->window);
  g_weak_ref_clear (&job->document);
  g_clear_object (&job->file);
  g_clear_pointer (&job->contents, g_bytes_unref);
  g_free (job->etag);
  g_free (job);
}

/* In a worker: the file in one piece. (Read in the main loop, a large plan
 * came back in thousands of small reads, each a turn of the loop.) */
static void
read_base_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  BaseJob *job = task_data;
  char *contents = NULL;
  gsize len = 0;

  if (g_file_load_contents (job->file, cancellable, &contents, &len, &job->etag, NULL))
    job->contents = g_bytes_new_take (contents, len);
  g_task_return_boolean (task, job->contents != NULL);
}

static void
on_base_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BaseJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(SocWindow) window = g_weak_ref_get (&job->window);
  g_autoptr(SocDocument) document = g_weak_ref_get (&job->document);

  /* Only if the file still is the version the document was read from or
   * saved as: otherwise there is no base, and Merge says so. */
  if (g_task_propagate_boolean (G_TASK (result), NULL) &&
      window != NULL && document != NULL && document == window->document &&
      g_strcmp0 (job->etag, soc_document_get_etag (document)) == 0)
    soc_document_set_base (document, job->contents);
}

/* Keeps the bytes of the document's file as the base of a later merge:
 * call after it was read. (A save keeps what it wrote by itself.) */
void
_soc_window_keep_base (SocWindow *self)
{
  GFile *file = self->document != NULL ? soc_document_get_file (self->document) : NULL;
  g_autoptr(GTask) task = NULL;
  BaseJob *job;

  if (file == NULL)
    return;
  job = g_new0 (BaseJob, 1);
  g_weak_ref_init (&job->window, self);
  g_weak_ref_init (&job->document, self->document);
  job->file = g_object_ref (file);
  task = g_task_new (NULL, self->cancellable, on_base_read, NULL);
  g_task_set_source_tag (task, _soc_window_keep_base);
  g_task_set_task_data (task, job, (GDestroyNotify) base_job_free);
  g_task_run_in_thread (task, read_base_thread);
}

/* ------------------------------------------------------------------------ */
/* Merging with the file on disk                                            */

typedef struct
{
  SocWindow   *window;
  SocDocument *ours;
  GFile       *file;
  GBytes      *base_bytes;
  SocDocument *base;
  SocDocument *theirs;
  GBytes      *theirs_bytes;
  char        *theirs_etag;
  GHashTable  *choices;
  GPtrArray   *conflicts;
} MergeJob;

/* One merge at a time per window. */
#define MERGING "soc-window-merging"

static void
merge_job_free (MergeJob *job)
{
  if (job->window != NULL)
    g_object_set_data (G_OBJECT (job->window), MERGING, NULL);
  g_clear_object (&job->window);
  g_clear_object (&job->ours);
  g_clear_object (&job->file);
  g_clear_pointer (&job->base_bytes, g_bytes_unref);
  g_clear_object (&job->base);
  g_clear_object (&job->theirs);
  g_clear_pointer (&job->theirs_bytes, g_bytes_unref);
  g_free (job->theirs_etag);
  g_clear_pointer (&job->choices, g_hash_table_unref);
  g_clear_pointer (&job->conflicts, g_ptr_array_unref);
  g_free (job);
}

static void
show_error (SocWindow  *self,
            const char *title,
            const char *message)
{
  soc_application_show_error (SOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                              GTK_WINDOW (self), title, message);
}

/* In a worker: their version and the base, read as any plan is read. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  MergeJob *job = task_data;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (job->file);
  GError *error = NULL;
  gsize len = 0;

  if (!g_file_load_contents (job->file, cancellable, &contents, &len, &job->theirs_etag, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->theirs_bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  job->theirs = soc_document_load_from_bytes (job->theirs_bytes, name, NULL, &error);
  if (job->theirs == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->base = soc_document_load_from_bytes (job->base_bytes, name, NULL, &error);
  if (job->base == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void run_merge (MergeJob *job);

static void
on_dialog_response (SocMergeDialog *dialog,
                    const char     *response,
                    MergeJob       *job)
{
  if (g_str_equal (response, "merge"))
    {
      g_autoptr(GHashTable) choices = soc_merge_dialog_get_choices (dialog);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, choices);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (job->choices, g_strdup (key), value);
      gtk_window_destroy (GTK_WINDOW (dialog));
      run_merge (job);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  merge_job_free (job);
}

static void
finish_merge (MergeJob    *job,
              SocDocument *merged)
{
  SocWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SocDocument) result = NULL;
  guint chosen = g_hash_table_size (job->choices);

  if (self->document != job->ours)
    return;   /* another plan took its place meanwhile */

  /* The plan the merge would write, read back: it passes every rule. */
  bytes = soc_merge_write (merged, job->conflicts, &error);
  if (bytes != NULL)
    result = soc_document_load_from_bytes (bytes, _("the merged plan"), NULL, &error);
  if (result == NULL ||
      !soc_edit_replace (self->document, result, job->theirs_etag, job->theirs_bytes,
                         _("Merge With the Version on Disk"), &error))
    {
      show_error (self, _("The Plans Could Not Be Merged"), error->message);
      return;
    }

  gtk_revealer_set_reveal_child (self->changed_banner, FALSE);
  if (chosen > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Merged with the version on disk, %u conflict settled as you chose",
                                                               "Merged with the version on disk, %u conflicts settled as you chose",
                                                               chosen), chosen);
      _soc_window_show_message (self, message);
    }
  else
    _soc_window_show_message (self, _("Merged with the version on disk"));
}

static void
run_merge (MergeJob *job)
{
  g_autoptr(SocDocument) merged = NULL;
  guint open = 0;

  g_clear_pointer (&job->conflicts, g_ptr_array_unref);
  merged = soc_merge_documents (job->base, job->ours, job->theirs, job->choices, &job->conflicts);
  for (guint i = 0; i < job->conflicts->len; i++)
    if (!((SocMergeConflict *) g_ptr_array_index (job->conflicts, i))->chosen)
      open++;

  if (open == 0)
    {
      finish_merge (job, merged);
      merge_job_free (job);
      return;
    }

  {
    SocMergeDialog *dialog = soc_merge_dialog_new (GTK_WINDOW (job->window), job->conflicts,
                                                   SOC_MERGE_DIALOG_MERGE);

    g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response), job);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = G_TASK (result);
  MergeJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (job->window, _("The Version on Disk Could Not Be Read"), error->message);
      merge_job_free (job);
      return;
    }
  if (job->window->document != job->ours)
    {
      merge_job_free (job);
      return;
    }
  /* The merge, and its dialog while it is open, own the job now. */
  run_merge (job);
}

static void
merge_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  MergeJob *job;
  GFile *file = self->document != NULL ? soc_document_get_file (self->document) : NULL;
  GBytes *base = self->document != NULL ? soc_document_get_base (self->document) : NULL;

  if (file == NULL || g_object_get_data (G_OBJECT (self), MERGING) != NULL)
    return;
  if (base == NULL)
    {
      show_error (self, _("The Plan Cannot Be Merged"),
                  _("The version this plan was opened from is no longer known, so Socplan cannot tell your changes from theirs. Save yours under another name, or reload theirs."));
      return;
    }

  job = g_new0 (MergeJob, 1);
  job->window = g_object_ref (self);
  g_object_set_data (G_OBJECT (self), MERGING, job);
  job->ours = g_object_ref (self->document);
  job->file = g_object_ref (file);
  job->base_bytes = g_bytes_ref (base);
  job->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, merge_action);
  /* Freed by on_loaded(), which GTask always calls. */
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, load_thread);
}

/* ------------------------------------------------------------------------ */
/* Conflicts recorded in the file                                           */

typedef struct
{
  SocWindow   *window;
  SocDocument *document;
  GPtrArray   *conflicts;
} ResolveJob;

static void
resolve_job_free (ResolveJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->document);
  g_clear_pointer (&job->conflicts, g_ptr_array_unref);
  g_free (job);
}

static void
on_resolve_response (SocMergeDialog *dialog,
                     const char     *response,
                     ResolveJob     *job)
{
  SocWindow *self = job->window;

  if (g_str_equal (response, "merge") && self->document == job->document)
    {
      g_autoptr(GHashTable) choices = soc_merge_dialog_get_choices (dialog);
      g_autoptr(GError) error = NULL;
      g_autoptr(SocDocument) resolved = soc_merge_resolve_recorded (self->document, choices, &error);

      if (resolved == NULL ||
          !soc_edit_replace (self->document, resolved, soc_document_get_etag (self->document),
                             soc_document_get_base (self->document), _("Resolve Merge Conflicts"), &error))
        show_error (self, _("The Conflicts Could Not Be Resolved"), error->message);
      else
        _soc_window_show_message (self, _("Merge conflicts resolved"));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  resolve_job_free (job);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  SocWindow *self = SOC_WINDOW (widget);
  SocMergeDialog *dialog;
  ResolveJob *job;

  if (self->document == NULL)
    return;
  job = g_new0 (ResolveJob, 1);
  job->conflicts = soc_merge_read_conflicts (self->document);
  if (job->conflicts->len == 0)
    {
      resolve_job_free (job);
      _soc_window_show_message (self, _("This plan holds no merge conflicts"));
      return;
    }
  job->window = g_object_ref (self);
  job->document = g_object_ref (self->document);
  dialog = soc_merge_dialog_new (GTK_WINDOW (self), job->conflicts, SOC_MERGE_DIALOG_RECORDED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_resolve_response), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Offers to resolve the conflicts a merge recorded in the plan, if any:
 * call when the window shows a document. */
void
_soc_window_offer_recorded_conflicts (SocWindow *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->document == NULL)
    return;
  conflicts = soc_merge_read_conflicts (self->document);
  if (conflicts->len == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "This plan holds %u merge conflict",
                                        "This plan holds %u merge conflicts", conflicts->len),
                           conflicts->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Resolve…"));
  adw_toast_set_action_name (toast, "win.resolve-conflicts");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_soc_window_class_merge_init (SocWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "win.resolve-conflicts", NULL, resolve_action);
}
