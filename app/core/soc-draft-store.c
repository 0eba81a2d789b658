/* soc-draft-store.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unsaved work is kept in drafts, as GNOME Text Editor does: a few seconds
 * after a change to a modified document, its bytes go to a private file in
 * the drafts folder, never to the document's own file. A draft disappears
 * when its document is saved, undone to its saved state or discarded.
 *
 * The folder holds, for each draft, ID.socplan (the plan) and ID.info (a key
 * file: the original's URI and etag, the title, the time), and session.lock
 * while a session runs. A lock found at start means the last session did not
 * end cleanly. Drafts not owned by this session are offered back by
 * soc_draft_store_list_recoverable() until they are recovered or discarded.
 *
 * The main thread takes a snapshot of the document (the model is not
 * thread-safe; a snapshot is references to immutable text, see
 * soc-writer.c), and a worker thread writes it out, one write at a time per
 * draft, each replacing the file atomically and durably.
 */

#define G_LOG_DOMAIN "soc-draft-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "soc-document-private.h"
#include "soc-draft-store.h"

#define DRAFT_SUFFIX ".socplan"
#define INFO_SUFFIX  ".info"
#define LOCK_NAME    "session.lock"
#define INFO_GROUP   "Draft"
#define MAX_DELAY    3600

/* ------------------------------------------------------------------------ */
/* SocDraft                                                                 */

struct _SocDraft
{
  GObject    parent_instance;

  char      *id;
  char      *path;       /* the plan */
  char      *info_path;  /* what we know about it */
  GFile     *file;       /* the original, if it had one */
  char      *etag;       /* the original's version the draft was edited from */
  char      *title;
  GDateTime *modified;
};

G_DEFINE_FINAL_TYPE (SocDraft, soc_draft, G_TYPE_OBJECT)

enum {
  DRAFT_PROP_0,
  DRAFT_PROP_ID,
  DRAFT_PROP_PATH,
  DRAFT_PROP_FILE,
  DRAFT_PROP_TITLE,
  DRAFT_PROP_MODIFIED,
  DRAFT_N_PROPS
};

static GParamSpec *draft_properties[DRAFT_N_PROPS];

static void
soc_draft_finalize (GObject *object)
{
  SocDraft *self = SOC_DRAFT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->info_path, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (soc_draft_parent_class)->finalize (object);
}

static void
soc_draft_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SocDraft *self = SOC_DRAFT (object);

  switch (prop_id)
    {
    case DRAFT_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case DRAFT_PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case DRAFT_PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case DRAFT_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case DRAFT_PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_draft_class_init (SocDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = soc_draft_finalize;
  object_class->get_property = soc_draft_get_property;

  /* A draft describes files on disk as they were found: it never changes. */
  draft_properties[DRAFT_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  draft_properties[DRAFT_PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  draft_properties[DRAFT_PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  draft_properties[DRAFT_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  draft_properties[DRAFT_PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, DRAFT_N_PROPS, draft_properties);
}

static void
soc_draft_init (SocDraft *self)
{
}

/* Reads what DIRECTORY holds about the draft ID. The info file may be
 * missing (a crash between the two writes): the plan is what matters. */
static SocDraft *
soc_draft_new_from_directory (const char *directory,
                              const char *id)
{
  g_autoptr(SocDraft) self = g_object_new (SOC_TYPE_DRAFT, NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_name = g_strconcat (id, INFO_SUFFIX, NULL);
  g_autofree char *name = g_strconcat (id, DRAFT_SUFFIX, NULL);

  self->id = g_strdup (id);
  self->path = g_build_filename (directory, name, NULL);
  self->info_path = g_build_filename (directory, info_name, NULL);

  if (g_key_file_load_from_file (info, self->info_path, G_KEY_FILE_NONE, NULL))
    {
      g_autofree char *uri = g_key_file_get_string (info, INFO_GROUP, "file", NULL);
      g_autofree char *modified = g_key_file_get_string (info, INFO_GROUP, "modified", NULL);
      g_autofree char *title = g_key_file_get_string (info, INFO_GROUP, "title", NULL);

      if (uri != NULL && uri[0] != '\0')
        self->file = g_file_new_for_uri (uri);
      self->etag = g_key_file_get_string (info, INFO_GROUP, "etag", NULL);
      if (title != NULL && title[0] != '\0')
        self->title = g_steal_pointer (&title);
      if (modified != NULL)
        self->modified = g_date_time_new_from_iso8601 (modified, NULL);
    }

  if (self->modified == NULL)
    {
      GStatBuf st;

      if (g_stat (self->path, &st) == 0)
        self->modified = g_date_time_new_from_unix_utc (st.st_mtime);
      else
        self->modified = g_date_time_new_now_utc ();
    }

  return g_steal_pointer (&self);
}

const char *
soc_draft_get_id (SocDraft *self)
{
  g_return_val_if_fail (SOC_IS_DRAFT (self), NULL);
  return self->id;
}

/* The draft's own file, never the original. */
const char *
soc_draft_get_path (SocDraft *self)
{
  g_return_val_if_fail (SOC_IS_DRAFT (self), NULL);
  return self->path;
}

/* The file the plan was opened from or last saved to, or NULL for a plan
 * that was never saved. */
GFile *
soc_draft_get_file (SocDraft *self)
{
  g_return_val_if_fail (SOC_IS_DRAFT (self), NULL);
  return self->file;
}

/* The plan's title when the draft was written, or NULL. */
const char *
soc_draft_get_title (SocDraft *self)
{
  g_return_val_if_fail (SOC_IS_DRAFT (self), NULL);
  return self->title;
}

/* When the draft was last written. */
GDateTime *
soc_draft_get_modified (SocDraft *self)
{
  g_return_val_if_fail (SOC_IS_DRAFT (self), NULL);
  return self->modified;
}

/* The name to show for the draft: its title, else its file's name. */
char *
soc_draft_get_display_name (SocDraft *self)
{
  g_return_val_if_fail (SOC_IS_DRAFT (self), NULL);

  if (self->title != NULL)
    return g_strdup (self->title);
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  return g_strdup (_("Untitled Plan"));
}

/* ------------------------------------------------------------------------ */
/* Writing drafts                                                           */

typedef struct
{
  char        *directory;
  char        *path;
  char        *info_path;
  SocSnapshot *snapshot;
  char        *info;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->directory);
  g_free (job->path);
  g_free (job->info_path);
  g_clear_pointer (&job->snapshot, _soc_snapshot_free);
  g_free (job->info);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WriteJob, write_job_free)

static gboolean
write_job_run (WriteJob  *job,
               GError   **error)
{
  g_autoptr(GBytes) bytes = _soc_snapshot_to_bytes (job->snapshot, error);
  gsize len;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);

  if (g_mkdir_with_parents (job->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the drafts folder “%s”: %s"),
                   job->directory, g_strerror (saved_errno));
      return FALSE;
    }

  /* The plan first: an info file without its plan would be worth nothing. */
  return g_file_set_contents_full (job->path, data, (gssize) len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error) &&
         g_file_set_contents_full (job->info_path, job->info, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
remove_if_exists (const char  *path,
                  GError     **error)
{
  if (g_remove (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not remove the draft “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The plan first: an info file alone is ignored. */
static gboolean
remove_draft_files (const char  *path,
                    const char  *info_path,
                    GError     **error)
{
  return remove_if_exists (path, error) && remove_if_exists (info_path, error);
}

/* ------------------------------------------------------------------------ */
/* SocDraftStore                                                            */

/* A watched document and its draft. Lives in the store's table while the
 * document is watched, and as long as a write of its draft is under way. */
typedef struct
{
  SocDraftStore *store;         /* unowned; a write under way holds a reference */
  SocDocument   *document;      /* NULL once no longer watched */
  char          *id;
  char          *path;
  char          *info_path;
  GSource       *timeout;       /* the delay before the next write */
  WriteJob      *next;          /* to write when the one under way ends */
  gulong         changed_handler;
  gulong         modified_handler;
  guint          writing : 1;
  guint          delete_after : 1;
} Watch;

struct _SocDraftStore
{
  GObject       parent_instance;

  char         *directory;
  char         *lock_path;
  guint         delay;
  GMainContext *context;
  GHashTable   *watches;        /* SocDocument -> Watch */
  GListStore   *recoverable;    /* SocDraft */
  guint         n_writing;
  guint         in_session : 1;
  guint         unclean_shutdown : 1;
};

G_DEFINE_FINAL_TYPE (SocDraftStore, soc_draft_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_DELAY,
  PROP_UNCLEAN_SHUTDOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void watch_start_write (Watch    *watch,
                               WriteJob *job);

static void
watch_clear (Watch *watch)
{
  g_assert (watch->document == NULL);
  g_assert (watch->timeout == NULL);

  g_clear_pointer (&watch->next, write_job_free);
  g_free (watch->id);
  g_free (watch->path);
  g_free (watch->info_path);
}

static void
watch_release (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) watch_clear);
}

static void
watch_clear_timeout (Watch *watch)
{
  if (watch->timeout != NULL)
    {
      g_source_destroy (watch->timeout);
      g_clear_pointer (&watch->timeout, g_source_unref);
    }
}

static WriteJob *
watch_new_job (Watch   *watch,
               GError **error)
{
  SocDocument *document = watch->document;
  g_autoptr(WriteJob) job = g_new0 (WriteJob, 1);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *modified = g_date_time_format_iso8601 (now);
  GFile *file = soc_document_get_file (document);
  const char *etag = soc_document_get_etag (document);
  const char *title = soc_plan_get_title (soc_document_get_plan (document));

  job->snapshot = _soc_document_snapshot (document, error);
  if (job->snapshot == NULL)
    return NULL;

  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (info, INFO_GROUP, "file", uri);
      if (etag != NULL)
        g_key_file_set_string (info, INFO_GROUP, "etag", etag);
    }
  if (title != NULL)
    g_key_file_set_string (info, INFO_GROUP, "title", title);
  g_key_file_set_string (info, INFO_GROUP, "modified", modified);

  job->directory = g_strdup (watch->store->directory);
  job->path = g_strdup (watch->path);
  job->info_path = g_strdup (watch->info_path);
  job->info = g_key_file_to_data (info, NULL, NULL);

  return g_steal_pointer (&job);
}

static void
watch_delete_draft (Watch *watch)
{
  g_autoptr(GError) error = NULL;

  if (!remove_draft_files (watch->path, watch->info_path, &error))
    g_warning ("%s", error->message);
}

static void
write_done (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Watch *watch = user_data;
  SocDraftStore *self = watch->store;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not write the draft “%s”: %s", watch->path, error->message);

  watch->writing = FALSE;
  if (watch->delete_after)
    {
      watch->delete_after = FALSE;
      watch_delete_draft (watch);
    }
  if (watch->next != NULL)
    watch_start_write (watch, g_steal_pointer (&watch->next));

  /* Only now, so that a chain of writes counts as one. */
  self->n_writing--;
  watch_release (watch);
  g_object_unref (self);
}

static void
watch_start_write (Watch    *watch,
                   WriteJob *job)
{
  g_autoptr(GTask) task = NULL;

  watch->writing = TRUE;
  watch->store->n_writing++;

  /* The store is held here, not by the task: the worker thread drops its
   * reference on the task at a time of its own. */
  g_object_ref (watch->store);
  task = g_task_new (NULL, NULL, write_done, g_rc_box_acquire (watch));
  g_task_set_source_tag (task, watch_start_write);
  g_task_set_name (task, "[socplan] write draft");
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

/* Takes a snapshot of the document now and writes it as soon as the write
 * under way, if any, is done. */
static void
watch_write (Watch *watch)
{
  g_autoptr(GError) error = NULL;
  WriteJob *job;

  watch_clear_timeout (watch);

  job = watch_new_job (watch, &error);
  if (job == NULL)
    {
      g_autofree char *name = soc_document_get_display_name (watch->document);

      g_warning ("Could not write a draft of “%s”: %s", name, error->message);
      return;
    }

  if (watch->writing)
    {
      g_clear_pointer (&watch->next, write_job_free);
      watch->next = job;
    }
  else
    watch_start_write (watch, job);
}

/* Deletes the draft, now or as soon as the write under way is done. */
static void
watch_delete (Watch *watch)
{
  watch_clear_timeout (watch);
  g_clear_pointer (&watch->next, write_job_free);

  if (watch->writing)
    watch->delete_after = TRUE;
  else
    watch_delete_draft (watch);
}

static gboolean
on_timeout (gpointer user_data)
{
  Watch *watch = user_data;

  g_clear_pointer (&watch->timeout, g_source_unref);

  if (soc_document_get_modified (watch->document))
    watch_write (watch);
  else
    watch_delete (watch);

  return G_SOURCE_REMOVE;
}

/* Writes within the delay of the first change since the last write, however
 * many changes follow: steady work still gets drafts. */
static void
watch_schedule (Watch *watch)
{
  if (watch->timeout != NULL)
    return;

  watch->timeout = g_timeout_source_new (watch->store->delay * 1000);
  g_source_set_callback (watch->timeout, on_timeout, watch, NULL);
  g_source_set_static_name (watch->timeout, "[socplan] draft delay");
  g_source_attach (watch->timeout, watch->store->context);
}

static void
on_document_changed (SocDocument *document,
                     Watch       *watch)
{
  if (soc_document_get_modified (document))
    watch_schedule (watch);
}

static void
on_document_modified (SocDocument *document,
                      GParamSpec  *pspec,
                      Watch       *watch)
{
  /* Saved, or undone to the saved state: the file holds the work now. */
  if (soc_document_get_modified (document))
    watch_schedule (watch);
  else
    watch_delete (watch);
}

static Watch *
watch_new (SocDraftStore *self,
           SocDocument   *document,
           const char    *id)
{
  Watch *watch = g_rc_box_new0 (Watch);
  g_autofree char *name = g_strconcat (id, DRAFT_SUFFIX, NULL);
  g_autofree char *info_name = g_strconcat (id, INFO_SUFFIX, NULL);

  watch->store = self;
  watch->document = g_object_ref (document);
  watch->id = g_strdup (id);
  watch->path = g_build_filename (self->directory, name, NULL);
  watch->info_path = g_build_filename (self->directory, info_name, NULL);
  watch->changed_handler =
    g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), watch);
  watch->modified_handler =
    g_signal_connect (document, "notify::modified", G_CALLBACK (on_document_modified), watch);

  g_hash_table_insert (self->watches, document, watch);

  return watch;
}

/* Takes the watch of DOCUMENT out of the table: the caller owns it. */
static Watch *
steal_watch (SocDraftStore *self,
             SocDocument   *document)
{
  gpointer watch = NULL;

  if (!g_hash_table_steal_extended (self->watches, document, NULL, &watch))
    return NULL;
  return watch;
}

static void
watch_detach (Watch *watch)
{
  watch_clear_timeout (watch);
  g_clear_signal_handler (&watch->changed_handler, watch->document);
  g_clear_signal_handler (&watch->modified_handler, watch->document);
  g_clear_object (&watch->document);
}

static void
soc_draft_store_dispose (GObject *object)
{
  SocDraftStore *self = SOC_DRAFT_STORE (object);
  GHashTableIter iter;
  gpointer value;

  /* Drafts already written stay; pending ones are lost without
   * soc_draft_store_end_session() or soc_draft_store_unwatch(). */
  if (self->watches != NULL)
    {
      g_hash_table_iter_init (&iter, self->watches);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          watch_detach (value);
          g_hash_table_iter_steal (&iter);
          watch_release (value);
        }
    }

  G_OBJECT_CLASS (soc_draft_store_parent_class)->dispose (object);
}

static void
soc_draft_store_finalize (GObject *object)
{
  SocDraftStore *self = SOC_DRAFT_STORE (object);

  g_assert (self->n_writing == 0);

  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_object (&self->recoverable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->lock_path, g_free);

  G_OBJECT_CLASS (soc_draft_store_parent_class)->finalize (object);
}

static void
soc_draft_store_constructed (GObject *object)
{
  SocDraftStore *self = SOC_DRAFT_STORE (object);

  G_OBJECT_CLASS (soc_draft_store_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = g_build_filename (g_get_user_data_dir (), "socplan", "drafts", NULL);
  self->lock_path = g_build_filename (self->directory, LOCK_NAME, NULL);
}

static void
soc_draft_store_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SocDraftStore *self = SOC_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    case PROP_UNCLEAN_SHUTDOWN:
      g_value_set_boolean (value, self->unclean_shutdown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_draft_store_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SocDraftStore *self = SOC_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;
    case PROP_DELAY:
      soc_draft_store_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_draft_store_class_init (SocDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = soc_draft_store_dispose;
  object_class->finalize = soc_draft_store_finalize;
  object_class->constructed = soc_draft_store_constructed;
  object_class->get_property = soc_draft_store_get_property;
  object_class->set_property = soc_draft_store_set_property;

  /**
   * SocDraftStore:directory:
   *
   * The folder that holds the drafts; by default socplan/drafts in the
   * user's data folder.
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SocDraftStore:delay:
   *
   * Seconds between a change and the draft that holds it (0: at once).
   */
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, MAX_DELAY, SOC_DRAFT_STORE_DEFAULT_DELAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SocDraftStore:unclean-shutdown:
   *
   * Whether the session before the one started last did not end cleanly
   * (it crashed, or was killed).
   */
  properties[PROP_UNCLEAN_SHUTDOWN] =
    g_param_spec_boolean ("unclean-shutdown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
soc_draft_store_init (SocDraftStore *self)
{
  self->delay = SOC_DRAFT_STORE_DEFAULT_DELAY;
  self->context = g_main_context_ref_thread_default ();
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, watch_release);
  self->recoverable = g_list_store_new (SOC_TYPE_DRAFT);
}

/**
 * soc_draft_store_new:
 * @directory: (nullable): the folder for drafts, or %NULL for the default
 *
 * A store of drafts. Call soc_draft_store_start_session() before watching
 * documents, and soc_draft_store_end_session() when the program ends well.
 */
SocDraftStore *
soc_draft_store_new (const char *directory)
{
  return g_object_new (SOC_TYPE_DRAFT_STORE, "directory", directory, NULL);
}

const char *
soc_draft_store_get_directory (SocDraftStore *self)
{
  g_return_val_if_fail (SOC_IS_DRAFT_STORE (self), NULL);
  return self->directory;
}

guint
soc_draft_store_get_delay (SocDraftStore *self)
{
  g_return_val_if_fail (SOC_IS_DRAFT_STORE (self), 0);
  return self->delay;
}

/* Drafts already waiting keep the delay they started with. */
void
soc_draft_store_set_delay (SocDraftStore *self,
                           guint          seconds)
{
  g_return_if_fail (SOC_IS_DRAFT_STORE (self));

  seconds = MIN (seconds, MAX_DELAY);
  if (self->delay == seconds)
    return;
  self->delay = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

gboolean
soc_draft_store_get_unclean_shutdown (SocDraftStore *self)
{
  g_return_val_if_fail (SOC_IS_DRAFT_STORE (self), FALSE);
  return self->unclean_shutdown;
}

static gboolean
is_owned (SocDraftStore *self,
          const char    *id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_str_equal (((Watch *) value)->id, id))
      return TRUE;
  return FALSE;
}

/* NAME is what g_file_set_contents() leaves when killed before its rename:
 * a draft's or the lock's name and six random characters. */
static gboolean
is_leftover (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *base = NULL;

  if (dot == NULL || strlen (dot + 1) != 6)
    return FALSE;
  base = g_strndup (name, dot - name);
  return g_str_has_suffix (base, DRAFT_SUFFIX) ||
         g_str_has_suffix (base, INFO_SUFFIX) ||
         g_str_equal (base, LOCK_NAME);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return g_date_time_compare (SOC_DRAFT ((gpointer) b)->modified,
                              SOC_DRAFT ((gpointer) a)->modified);
}

/* Lists the drafts in the folder that belong to no watched document. */
static void
scan_directory (SocDraftStore *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_list_store_remove_all (self->recoverable);
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;

      if (is_leftover (name) && self->n_writing == 0)
        {
          g_autofree char *path = g_build_filename (self->directory, name, NULL);

          g_remove (path);
          continue;
        }
      if (!g_str_has_suffix (name, DRAFT_SUFFIX) || strlen (name) == strlen (DRAFT_SUFFIX))
        continue;

      id = g_strndup (name, strlen (name) - strlen (DRAFT_SUFFIX));
      if (!is_owned (self, id))
        g_ptr_array_add (found, soc_draft_new_from_directory (self->directory, id));
    }

  g_ptr_array_sort_with_data (found, (GCompareDataFunc) compare_newest_first, NULL);
  g_list_store_splice (self->recoverable, 0, 0, found->pdata, found->len);
}

/**
 * soc_draft_store_start_session:
 *
 * Marks the drafts folder as in use until soc_draft_store_end_session(),
 * tells whether the previous session ended cleanly (the
 * #SocDraftStore:unclean-shutdown property), and lists the drafts it left.
 */
gboolean
soc_draft_store_start_session (SocDraftStore  *self,
                               GError        **error)
{
  g_autofree char *pid = NULL;
  gboolean unclean;

  g_return_val_if_fail (SOC_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->in_session)
    return TRUE;

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the drafts folder “%s”: %s"),
                   self->directory, g_strerror (saved_errno));
      return FALSE;
    }

  unclean = g_file_test (self->lock_path, G_FILE_TEST_EXISTS);
  pid = g_strdup_printf ("%d\n", (int) getpid ());
  if (!g_file_set_contents_full (self->lock_path, pid, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  self->in_session = TRUE;
  scan_directory (self);

  if (self->unclean_shutdown != unclean)
    {
      self->unclean_shutdown = unclean;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNCLEAN_SHUTDOWN]);
    }

  return TRUE;
}

/**
 * soc_draft_store_end_session:
 *
 * Ends the session cleanly: writes pending drafts, waits for the writes,
 * stops watching every document and removes the session mark. Call it
 * after every window has asked about its unsaved work. A document still
 * modified keeps its draft: it will be offered back.
 */
void
soc_draft_store_end_session (SocDraftStore *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (SOC_IS_DRAFT_STORE (self));

  soc_draft_store_flush (self);

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      watch_detach (value);
      g_hash_table_iter_steal (&iter);
      watch_release (value);
    }

  if (self->in_session)
    {
      g_autoptr(GError) error = NULL;

      if (!remove_if_exists (self->lock_path, &error))
        g_warning ("%s", error->message);
      self->in_session = FALSE;
    }
}

/**
 * soc_draft_store_watch:
 *
 * Keeps drafts of DOCUMENT from now on: a draft is written a few seconds
 * after each change while it is modified, and deleted when it no longer is.
 * Watching a watched document does nothing.
 */
void
soc_draft_store_watch (SocDraftStore *self,
                       SocDocument   *document)
{
  g_autofree char *id = NULL;
  Watch *watch;

  g_return_if_fail (SOC_IS_DRAFT_STORE (self));
  g_return_if_fail (SOC_IS_DOCUMENT (document));

  if (g_hash_table_contains (self->watches, document))
    return;

  id = g_uuid_string_random ();
  watch = watch_new (self, document, id);
  /* Drafts are snapshots: quick once every object has its written form. */
  soc_document_warm_up (document);
  if (soc_document_get_modified (document))
    watch_schedule (watch);
}

/**
 * soc_draft_store_unwatch:
 *
 * Stops watching DOCUMENT and keeps its draft, brought up to date: for a
 * document left modified, its work is offered back at the next start.
 */
void
soc_draft_store_unwatch (SocDraftStore *self,
                         SocDocument   *document)
{
  Watch *watch;

  g_return_if_fail (SOC_IS_DRAFT_STORE (self));
  g_return_if_fail (SOC_IS_DOCUMENT (document));

  watch = steal_watch (self, document);
  if (watch == NULL)
    return;

  if (watch->timeout != NULL && soc_document_get_modified (document))
    watch_write (watch);
  watch_detach (watch);
  watch_release (watch);
}

/**
 * soc_draft_store_forget:
 *
 * Stops watching DOCUMENT and deletes its draft: for a document closed
 * without saving, when the user chose to discard the changes.
 */
void
soc_draft_store_forget (SocDraftStore *self,
                        SocDocument   *document)
{
  Watch *watch;

  g_return_if_fail (SOC_IS_DRAFT_STORE (self));
  g_return_if_fail (SOC_IS_DOCUMENT (document));

  watch = steal_watch (self, document);
  if (watch == NULL)
    return;

  watch_detach (watch);
  watch_delete (watch);
  watch_release (watch);
}

gboolean
soc_draft_store_is_watching (SocDraftStore *self,
                             SocDocument   *document)
{
  g_return_val_if_fail (SOC_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);

  return g_hash_table_contains (self->watches, document);
}

/**
 * soc_draft_store_flush:
 *
 * Writes the drafts that wait for their delay now, and returns once every
 * draft is on disk. It runs the store's main context meanwhile.
 */
void
soc_draft_store_flush (SocDraftStore *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (SOC_IS_DRAFT_STORE (self));

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Watch *watch = value;

      if (watch->timeout == NULL)
        continue;
      if (soc_document_get_modified (watch->document))
        watch_write (watch);
      else
        watch_delete (watch);
    }

  while (self->n_writing > 0)
    g_main_context_iteration (self->context, TRUE);
}

/**
 * soc_draft_store_list_recoverable:
 *
 * The drafts that earlier sessions left, newest first, as found by the
 * last soc_draft_store_start_session(). The list loses the drafts that are
 * recovered or discarded.
 *
 * Returns: (transfer full): a #GListModel of #SocDraft
 */
GListModel *
soc_draft_store_list_recoverable (SocDraftStore *self)
{
  g_return_val_if_fail (SOC_IS_DRAFT_STORE (self), NULL);
  return g_object_ref (G_LIST_MODEL (self->recoverable));
}

static void
remove_recoverable (SocDraftStore *self,
                    SocDraft      *draft)
{
  guint position;

  if (g_list_store_find (self->recoverable, draft, &position))
    g_list_store_remove (self->recoverable, position);
}

/**
 * soc_draft_store_recover:
 *
 * Reads DRAFT into a new document whose file is the draft's original, so
 * that Save writes the original (and refuses if it changed on disk since
 * the draft was made from it). The document is modified and watched: its
 * draft stays until it is saved or forgotten.
 *
 * Returns: (transfer full): the document, or %NULL with ERROR set
 */
SocDocument *
soc_draft_store_recover (SocDraftStore  *self,
                         SocDraft       *draft,
                         GError        **error)
{
  g_autoptr(SocDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (SOC_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (SOC_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (is_owned (self, draft->id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("The draft “%s” belongs to an open plan"), draft->path);
      return NULL;
    }

  if (!g_file_get_contents (draft->path, &contents, &len, error))
    return NULL;
  bytes = g_bytes_new_take (contents, len);

  document = soc_document_load_from_bytes (bytes, draft->path, NULL, error);
  if (document == NULL)
    return NULL;

  /* The draft on disk is this document already: no need to write it. */
  soc_document_adopt_file (document, draft->file, draft->etag);
  watch_new (self, document, draft->id);
  remove_recoverable (self, draft);

  return g_steal_pointer (&document);
}

/**
 * soc_draft_store_discard:
 *
 * Deletes DRAFT for good.
 */
gboolean
soc_draft_store_discard (SocDraftStore  *self,
                         SocDraft       *draft,
                         GError        **error)
{
  g_return_val_if_fail (SOC_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (SOC_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_owned (self, draft->id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("The draft “%s” belongs to an open plan"), draft->path);
      return FALSE;
    }

  if (!remove_draft_files (draft->path, draft->info_path, error))
    return FALSE;
  remove_recoverable (self, draft);
  return TRUE;
}
