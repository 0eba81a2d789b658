/* soc-save.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib replaces a file atomically (write aside, fsync, rename) only when the
 * target is a regular file with one link in a writable folder; otherwise it
 * truncates and rewrites in place, and a crash leaves a broken file. So:
 * symlinks are resolved first and the real file is replaced; a read-only
 * folder is refused before anything is written; a hard-linked file is
 * replaced by a new file (its other names keep the old content); a new file
 * is written aside and renamed too. The previous version is kept as
 * NAME~, and a file that changed since it was read is not overwritten.
 */

#define G_LOG_DOMAIN "soc-save"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "soc-document-private.h"
#include "soc-save.h"

#define MAX_SYMLINKS 32

static GFile *
resolve_symlinks (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) current = g_object_ref (file);

  for (guint hops = 0; hops < MAX_SYMLINKS; hops++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GFile) parent = NULL;
      const char *target;

      info = g_file_query_info (current,
                                G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &local_error);
      if (info == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            return g_steal_pointer (&current);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!g_file_info_get_is_symlink (info))
        return g_steal_pointer (&current);

      target = g_file_info_get_symlink_target (info);
      parent = g_file_get_parent (current);
      g_object_unref (current);
      current = parent != NULL ? g_file_resolve_relative_path (parent, target)
                               : g_file_new_for_path (target);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
               _("Too many symbolic links lead to this file"));
  return NULL;
}

static char *
query_etag (GFile        *file,
            GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static gboolean
write_aside_and_rename (GFile   *file,
                        GBytes  *bytes,
                        GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_file_set_contents_full (g_file_peek_path (file), data, (gssize) len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0666, error);
}

/* Replaces FILE with BYTES atomically, keeping the old content as FILE~.
 * With EXPECTED_ETAG, refuses (G_IO_ERROR_WRONG_ETAG) when the file on disk
 * is no longer the one that was read. */
gboolean
soc_save_replace (GFile         *file,
                  GBytes        *bytes,
                  const char    *expected_etag,
                  char         **new_etag,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInfo) folder_info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gboolean exists;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  target = resolve_symlinks (file, cancellable, error);
  if (target == NULL)
    return FALSE;
  name = g_file_get_parse_name (file);

  info = g_file_query_info (target,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_UNIX_NLINK ","
                            G_FILE_ATTRIBUTE_ETAG_VALUE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  exists = info != NULL;
  if (!exists && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (exists && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file"), name);
      return FALSE;
    }

  if (expected_etag != NULL &&
      (!exists || g_strcmp0 (g_file_info_get_etag (info), expected_etag) != 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   exists ? _("“%s” was changed on disk since it was opened")
                          : _("“%s” was removed from disk since it was opened"),
                   name);
      return FALSE;
    }

  /* In a folder we cannot write to, GLib would rewrite the file in place. */
  folder = g_file_get_parent (target);
  if (folder != NULL)
    folder_info = g_file_query_info (folder, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                     G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (folder_info != NULL &&
      g_file_info_has_attribute (folder_info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) &&
      !g_file_info_get_attribute_boolean (folder_info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    {
      g_autofree char *folder_name = g_file_get_parse_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The folder “%s” cannot be written to, so “%s” cannot be replaced safely"),
                   folder_name, name);
      return FALSE;
    }

  if (!exists && g_file_peek_path (target) != NULL)
    {
      if (!write_aside_and_rename (target, bytes, error))
        return FALSE;
    }
  else if (exists && g_file_peek_path (target) != NULL &&
           g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_NLINK) > 1)
    {
      g_autofree char *backup_path = g_strconcat (g_file_peek_path (target), "~", NULL);
      g_autoptr(GFile) backup = g_file_new_for_path (backup_path);

      if (!g_file_copy (target, backup, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                        cancellable, NULL, NULL, error) ||
          !write_aside_and_rename (target, bytes, error))
        return FALSE;
    }
  else
    {
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      if (!g_file_replace_contents (target, data, len, expected_etag, TRUE,
                                    G_FILE_CREATE_NONE, NULL, cancellable, error))
        return FALSE;
    }

  if (new_etag != NULL)
    *new_etag = query_etag (target, cancellable);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Saving documents                                                         */

typedef struct
{
  GFile       *file;
  SocSnapshot *snapshot;       /* for a save in a worker... */
  GBytes      *bytes;          /* ...or the bytes, for one that waits */
  char        *expected_etag;
  char        *new_etag;
  guint64      state;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->snapshot, _soc_snapshot_free);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->expected_etag);
  g_free (job->new_etag);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

/* Takes SELF as it is now, in this thread, so that what is written is the
 * document as it is when the user asked to save: a snapshot (a few
 * milliseconds even for a large plan, the rest done by save_job_run() in a
 * worker) or, for a save that waits anyway, its bytes. */
static SaveJob *
save_job_new (SocDocument   *self,
              GFile         *file,
              SocSaveFlags   flags,
              gboolean       in_worker,
              GError       **error)
{
  g_autoptr(SaveJob) job = g_new0 (SaveJob, 1);

  if (file == NULL)
    file = self->file;
  if (file == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("The plan has no file yet: choose where to save it"));
      return NULL;
    }

  /* A plan from before uids gets one when it is edited and saved. */
  if (soc_document_get_modified (self))
    _soc_document_ensure_uid (self);

  job->file = g_object_ref (file);
  job->state = soc_history_get_state (self->history);
  if (in_worker)
    job->snapshot = _soc_document_snapshot (self, error);
  else
    job->bytes = soc_document_serialize (self, error);
  if (job->snapshot == NULL && job->bytes == NULL)
    return NULL;

  /* Only the file we read is protected by its etag; saving elsewhere
   * replaces what is there, as the file chooser confirmed. */
  if (!(flags & SOC_SAVE_FLAGS_OVERWRITE) && self->file != NULL && self->etag != NULL &&
      g_file_equal (file, self->file))
    job->expected_etag = g_strdup (self->etag);

  return g_steal_pointer (&job);
}

/* Writes the snapshot out and replaces the file: in any thread. */
static gboolean
save_job_run (SaveJob       *job,
              GCancellable  *cancellable,
              GError       **error)
{
  if (job->bytes == NULL)
    {
      job->bytes = _soc_snapshot_to_bytes (job->snapshot, error);
      if (job->bytes == NULL)
        return FALSE;
      g_clear_pointer (&job->snapshot, _soc_snapshot_free);
    }
  return soc_save_replace (job->file, job->bytes, job->expected_etag, &job->new_etag, cancellable, error);
}

static void
save_job_done (SocDocument *self,
               SaveJob     *job)
{
  _soc_document_set_file (self, job->file, job->new_etag);
  soc_history_mark_saved_state (self->history, job->state);
}

/* Writes SELF to FILE (or its own file), atomically, and makes it the
 * document's file. Fails with G_IO_ERROR_WRONG_ETAG if its file changed on
 * disk since it was read, unless FLAGS says to overwrite. */
gboolean
soc_document_save (SocDocument   *self,
                   GFile         *file,
                   SocSaveFlags   flags,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(SaveJob) job = NULL;

  g_return_val_if_fail (SOC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  job = save_job_new (self, file, flags, FALSE, error);
  if (job == NULL || !save_job_run (job, cancellable, error))
    return FALSE;
  save_job_done (self, job);
  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (save_job_run (job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Like soc_document_save(), writing in a worker thread: the main thread
 * only takes a snapshot. Edits made while it writes stay out of the file
 * and keep the document modified. */
void
soc_document_save_async (SocDocument         *self,
                         GFile               *file,
                         SocSaveFlags         flags,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveJob *job;

  g_return_if_fail (SOC_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, soc_document_save_async);

  job = save_job_new (self, file, flags, TRUE, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
soc_document_save_finish (SocDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  GTask *task = G_TASK (result);
  SaveJob *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  job = g_task_get_task_data (task);
  save_job_done (self, job);
  /* What was written is the base of a later merge with the file: kept as
   * it is, never read back. (A save that waits keeps no bytes.) */
  soc_document_set_base (self, job->bytes);
  return TRUE;
}
