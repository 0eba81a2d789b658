/* test-drafts.c: unsaved work survives a crash, and never touches the original
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include <utime.h>

#include "soc-draft-store.h"
#include "soc-edit.h"
#include "soc-test-util.h"

typedef struct
{
  char *dir;         /* a plan file lives here */
  char *drafts;      /* the drafts folder, inside DIR */
  char *path;        /* the plan */
  char *original;    /* its bytes */
} Fixture;

static char *
read_file (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *example = soc_test_example_path ();
  g_autoptr(GError) error = NULL;

  f->dir = soc_test_make_tmpdir ();
  f->drafts = g_build_filename (f->dir, "data", "socplan", "drafts", NULL);
  f->path = g_build_filename (f->dir, "plan.socplan", NULL);
  f->original = read_file (example);
  g_assert_nonnull (f->original);
  g_file_set_contents (f->path, f->original, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  soc_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->drafts);
  g_free (f->path);
  g_free (f->original);
}

/* The plans in the drafts folder (not their info files, not the lock). */
static GPtrArray *
list_drafts (Fixture *f)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (f->drafts, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".socplan"))
      g_ptr_array_add (found, g_build_filename (f->drafts, name, NULL));
  return found;
}

static guint
count_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->drafts, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static guint
count_drafts (Fixture *f)
{
  g_autoptr(GPtrArray) drafts = list_drafts (f);

  return drafts->len;
}

/* Runs the main loop until the folder holds N drafts. */
static void
wait_for_drafts (Fixture *f,
                 guint    n)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (count_drafts (f) != n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static SocDraftStore *
new_store (Fixture *f,
           guint    delay)
{
  SocDraftStore *store = soc_draft_store_new (f->drafts);
  g_autoptr(GError) error = NULL;

  soc_draft_store_set_delay (store, delay);
  g_assert_true (soc_draft_store_start_session (store, &error));
  g_assert_no_error (error);
  return store;
}

static void
rename_plan (SocDocument *doc,
             const char  *title)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (soc_edit_set_string (doc, SOC_OBJECT (soc_document_get_plan (doc)), "title", title, &error));
  g_assert_no_error (error);
}

static SocDraft *
only_recoverable (SocDraftStore *store)
{
  g_autoptr(GListModel) drafts = soc_draft_store_list_recoverable (store);

  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 1);
  return g_list_model_get_item (drafts, 0);
}

static void
assert_nothing_to_recover (Fixture *f)
{
  g_autoptr(SocDraftStore) store = new_store (f, 0);
  g_autoptr(GListModel) drafts = soc_draft_store_list_recoverable (store);

  g_assert_false (soc_draft_store_get_unclean_shutdown (store));
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 0);
  soc_draft_store_end_session (store);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_default_directory (void)
{
  g_autoptr(SocDraftStore) store = soc_draft_store_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "socplan", "drafts", NULL);

  g_assert_cmpstr (soc_draft_store_get_directory (store), ==, expected);
  g_assert_cmpuint (soc_draft_store_get_delay (store), ==, SOC_DRAFT_STORE_DEFAULT_DELAY);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* A draft comes after the delay, holds the document's bytes, leaves the
 * original alone, and goes when the document is saved. */
static void
test_draft_after_delay (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SocDraftStore) store = new_store (f, 1);
  g_autoptr(SocDocument) doc = soc_test_load_path (f->path);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *uri = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *title = NULL;
  gint64 start;

  soc_draft_store_watch (store, doc);
  g_assert_true (soc_draft_store_is_watching (store, doc));

  /* Unmodified: nothing to keep. */
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (count_drafts (f), ==, 0);

  start = g_get_monotonic_time ();
  rename_plan (doc, "Connected Northwind, draft");
  g_assert_cmpuint (count_drafts (f), ==, 0);
  rename_plan (doc, "Connected Northwind, second draft");
  wait_for_drafts (f, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC * 9 / 10);
  soc_draft_store_flush (store);

  drafts = list_drafts (f);
  draft = read_file (g_ptr_array_index (drafts, 0));
  expected = soc_test_serialize (doc);
  g_assert_cmpstr (draft, ==, expected);

  info_path = g_strdup (g_ptr_array_index (drafts, 0));
  strcpy (info_path + strlen (info_path) - strlen ("socplan"), "info");
  g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  uri = g_key_file_get_string (info, "Draft", "file", &error);
  g_assert_no_error (error);
  file_uri = g_file_get_uri (soc_document_get_file (doc));
  g_assert_cmpstr (uri, ==, file_uri);
  title = g_key_file_get_string (info, "Draft", "title", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Connected Northwind, second draft");

  /* Drafts are private: only their owner reads them. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (g_ptr_array_index (drafts, 0), &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* The original is what it was. */
  on_disk = read_file (f->path);
  g_assert_cmpstr (on_disk, ==, f->original);

  /* Saving makes the draft useless. */
  g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_drafts (f), ==, 0);
  g_assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));

  soc_draft_store_unwatch (store, doc);
  g_assert_false (soc_draft_store_is_watching (store, doc));
  soc_draft_store_end_session (store);
  g_assert_cmpuint (count_files (f), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&doc));

  assert_nothing_to_recover (f);
}

/* Undoing back to the saved state deletes the draft; redoing brings it back. */
static void
test_undo_to_saved (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SocDraftStore) store = new_store (f, 0);
  g_autoptr(SocDocument) doc = soc_test_load_path (f->path);

  soc_draft_store_watch (store, doc);
  rename_plan (doc, "Renamed");
  soc_draft_store_flush (store);
  g_assert_cmpuint (count_drafts (f), ==, 1);

  g_assert_true (soc_document_undo (doc));
  g_assert_false (soc_document_get_modified (doc));
  soc_draft_store_flush (store);
  g_assert_cmpuint (count_drafts (f), ==, 0);

  g_assert_true (soc_document_redo (doc));
  soc_draft_store_flush (store);
  g_assert_cmpuint (count_drafts (f), ==, 1);

  soc_draft_store_forget (store, doc);
  g_assert_cmpuint (count_drafts (f), ==, 0);
  soc_draft_store_end_session (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&doc));
}

/* Saved while its draft is being written: the write does not bring the
 * draft back. */
static void
test_saved_while_writing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SocDraftStore) store = new_store (f, 0);
  g_autoptr(SocDocument) doc = soc_test_load_path (f->path);
  g_autoptr(GError) error = NULL;

  soc_draft_store_watch (store, doc);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Title %u", i);

      rename_plan (doc, title);
      /* Starts the write in its thread, and saves at once. */
      g_main_context_iteration (NULL, FALSE);
      g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
      g_assert_no_error (error);
      soc_draft_store_flush (store);
      g_assert_cmpuint (count_drafts (f), ==, 0);
    }

  soc_draft_store_end_session (store);
  g_assert_cmpuint (count_files (f), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&doc));
}

/* Killed with unsaved work: the next start offers it back, and recovering
 * gives the same plan, modified, with the original as its file. */
static void
test_recover_after_crash (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SocDraftStore) store = new_store (f, 0);
  g_autoptr(SocDocument) doc = soc_test_load_path (f->path);
  g_autoptr(SocDocument) recovered = NULL;
  g_autoptr(SocDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *name = NULL;
  g_autofree char *etag = NULL;

  g_assert_false (soc_draft_store_get_unclean_shutdown (store));
  soc_draft_store_watch (store, doc);
  rename_plan (doc, "Work in progress");
  soc_draft_store_flush (store);
  expected = soc_test_serialize (doc);
  etag = g_strdup (soc_document_get_etag (doc));
  g_assert_nonnull (etag);

  /* The crash: no end_session, nothing unwatched. */
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&doc));
  g_assert_cmpuint (count_drafts (f), ==, 1);

  store = new_store (f, 0);
  g_assert_true (soc_draft_store_get_unclean_shutdown (store));
  draft = only_recoverable (store);
  g_assert_cmpstr (soc_draft_get_title (draft), ==, "Work in progress");
  name = soc_draft_get_display_name (draft);
  g_assert_cmpstr (name, ==, "Work in progress");
  g_assert_nonnull (soc_draft_get_modified (draft));
  g_assert_true (g_file_test (soc_draft_get_path (draft), G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (soc_draft_get_file (draft));
  g_assert_cmpstr (g_file_peek_path (soc_draft_get_file (draft)), ==, f->path);

  recovered = soc_draft_store_recover (store, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (recovered);
  actual = soc_test_serialize (recovered);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_true (soc_document_get_modified (recovered));
  g_assert_cmpstr (g_file_peek_path (soc_document_get_file (recovered)), ==, f->path);
  g_assert_cmpstr (soc_document_get_etag (recovered), ==, etag);
  g_assert_true (soc_draft_store_is_watching (store, recovered));

  /* Offered once: it is open now. */
  {
    g_autoptr(GListModel) drafts = soc_draft_store_list_recoverable (store);

    g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 0);
  }
  g_assert_null (soc_draft_store_recover (store, draft, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);

  /* The draft stays until the recovered plan is saved, which writes the
   * original. */
  g_assert_cmpuint (count_drafts (f), ==, 1);
  on_disk = read_file (f->path);
  g_assert_cmpstr (on_disk, ==, f->original);
  g_clear_pointer (&on_disk, g_free);

  g_assert_true (soc_document_save (recovered, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_drafts (f), ==, 0);
  on_disk = read_file (f->path);
  /* The same plan, which saving gave a uid. */
  g_assert_nonnull (soc_plan_get_uid (soc_document_get_plan (recovered)));
  g_free (expected);
  expected = soc_test_serialize (recovered);
  g_assert_cmpstr (on_disk, ==, expected);

  soc_draft_store_end_session (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&recovered));
  g_assert_finalize_object (g_steal_pointer (&draft));

  assert_nothing_to_recover (f);
}

/* The original changed on disk after the draft was made from it: saving the
 * recovered plan does not overwrite it silently. */
static void
test_recover_original_changed (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SocDraftStore) store = new_store (f, 0);
  g_autoptr(SocDocument) doc = soc_test_load_path (f->path);
  g_autoptr(SocDocument) recovered = NULL;
  g_autoptr(SocDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *on_disk = NULL;
  struct utimbuf later = { time (NULL) + 60, time (NULL) + 60 };

  soc_draft_store_watch (store, doc);
  rename_plan (doc, "Mine");
  soc_draft_store_flush (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&doc));

  theirs = g_strconcat (f->original, "<!-- their edit -->\n", NULL);
  g_file_set_contents (f->path, theirs, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (utime (f->path, &later), ==, 0);

  store = new_store (f, 0);
  draft = only_recoverable (store);
  recovered = soc_draft_store_recover (store, draft, &error);
  g_assert_no_error (error);

  g_assert_false (soc_document_save (recovered, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  on_disk = read_file (f->path);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_cmpuint (count_drafts (f), ==, 1);

  /* Closed without saving: discarded on purpose. */
  soc_draft_store_forget (store, recovered);
  g_assert_cmpuint (count_drafts (f), ==, 0);
  soc_draft_store_end_session (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&recovered));
  g_assert_finalize_object (g_steal_pointer (&draft));
}

/* A plan never saved is recovered as a plan without a file. */
static void
test_recover_new_plan (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SocDraftStore) store = new_store (f, 0);
  g_autoptr(SocDocument) doc = soc_document_new ();
  g_autoptr(SocDocument) recovered = NULL;
  g_autoptr(SocDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  soc_draft_store_watch (store, doc);
  rename_plan (doc, "A new plan");
  soc_draft_store_flush (store);
  expected = soc_test_serialize (doc);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&doc));

  store = new_store (f, 0);
  draft = only_recoverable (store);
  g_assert_null (soc_draft_get_file (draft));
  recovered = soc_draft_store_recover (store, draft, &error);
  g_assert_no_error (error);
  actual = soc_test_serialize (recovered);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_null (soc_document_get_file (recovered));
  g_assert_true (soc_document_get_modified (recovered));

  /* Edits to the recovered plan go to the same draft. */
  rename_plan (recovered, "A new plan, continued");
  soc_draft_store_flush (store);
  g_assert_cmpuint (count_drafts (f), ==, 1);

  soc_draft_store_forget (store, recovered);
  soc_draft_store_end_session (store);
  g_assert_cmpuint (count_files (f), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&recovered));
  g_assert_finalize_object (g_steal_pointer (&draft));
}

/* Discarding a recoverable draft deletes it for good. */
static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SocDraftStore) store = new_store (f, 0);
  g_autoptr(SocDocument) doc = soc_test_load_path (f->path);
  g_autoptr(SocDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) drafts = NULL;

  soc_draft_store_watch (store, doc);
  rename_plan (doc, "Not wanted");
  soc_draft_store_flush (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&doc));

  store = new_store (f, 0);
  draft = only_recoverable (store);
  g_assert_true (soc_draft_store_discard (store, draft, &error));
  g_assert_no_error (error);
  drafts = soc_draft_store_list_recoverable (store);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 0);
  g_assert_cmpuint (count_drafts (f), ==, 0);

  soc_draft_store_end_session (store);
  g_assert_cmpuint (count_files (f), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&draft));

  assert_nothing_to_recover (f);
}

/* A clean quit, after saving one plan and discarding another, leaves
 * nothing to recover and no mark of a crash. */
static void
test_clean_shutdown (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SocDraftStore) store = new_store (f, 0);
  g_autoptr(SocDocument) saved = soc_test_load_path (f->path);
  g_autoptr(SocDocument) discarded = soc_document_new ();
  g_autoptr(GError) error = NULL;

  soc_draft_store_watch (store, saved);
  soc_draft_store_watch (store, discarded);
  rename_plan (saved, "Saved");
  rename_plan (discarded, "Discarded");
  soc_draft_store_flush (store);
  g_assert_cmpuint (count_drafts (f), ==, 2);

  g_assert_true (soc_document_save (saved, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  soc_draft_store_forget (store, discarded);
  soc_draft_store_end_session (store);
  g_assert_cmpuint (count_files (f), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&saved));
  g_assert_finalize_object (g_steal_pointer (&discarded));

  assert_nothing_to_recover (f);
}

/* Ending the session with a plan still modified and its draft still
 * waiting for the delay writes the draft: work is never dropped. */
static void
test_end_session_keeps_unsaved (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SocDraftStore) store = new_store (f, 60);
  g_autoptr(SocDocument) doc = soc_test_load_path (f->path);
  g_autoptr(SocDraft) draft = NULL;
  g_autofree char *expected = NULL;

  soc_draft_store_watch (store, doc);
  rename_plan (doc, "Still unsaved");
  g_assert_cmpuint (count_drafts (f), ==, 0);
  expected = soc_test_serialize (doc);
  soc_draft_store_end_session (store);
  g_assert_false (soc_draft_store_is_watching (store, doc));
  g_assert_cmpuint (count_drafts (f), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&doc));

  store = new_store (f, 0);
  g_assert_false (soc_draft_store_get_unclean_shutdown (store));
  draft = only_recoverable (store);
  g_assert_cmpstr (soc_draft_get_title (draft), ==, "Still unsaved");
  g_assert_true (soc_draft_store_discard (store, draft, NULL));
  soc_draft_store_end_session (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&draft));
}

/* Unwatching writes the pending draft and keeps it. */
static void
test_unwatch_flushes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SocDraftStore) store = new_store (f, 60);
  g_autoptr(SocDocument) doc = soc_test_load_path (f->path);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *draft = NULL;

  soc_draft_store_watch (store, doc);
  rename_plan (doc, "Unwatched");
  expected = soc_test_serialize (doc);
  soc_draft_store_unwatch (store, doc);
  soc_draft_store_flush (store);

  /* No longer watched: changes do not reach the draft. */
  rename_plan (doc, "Changed after");
  soc_draft_store_flush (store);

  drafts = list_drafts (f);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = read_file (g_ptr_array_index (drafts, 0));
  g_assert_cmpstr (draft, ==, expected);

  soc_draft_store_end_session (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&doc));
}

/* What a killed write leaves behind is cleaned up; a draft without its
 * info file is still offered. */
static void
test_leftovers (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SocDraftStore) store = NULL;
  g_autoptr(SocDraft) draft = NULL;
  g_autoptr(SocDocument) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *leftover = g_build_filename (f->drafts, "abc.socplan.Xy12Z9", NULL);
  g_autofree char *lonely = g_build_filename (f->drafts, "abc.socplan", NULL);
  g_autofree char *name = NULL;

  g_assert_cmpint (g_mkdir_with_parents (f->drafts, 0700), ==, 0);
  g_file_set_contents (leftover, "<half", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (lonely, f->original, -1, &error);
  g_assert_no_error (error);

  store = new_store (f, 0);
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
  draft = only_recoverable (store);
  g_assert_null (soc_draft_get_file (draft));
  name = soc_draft_get_display_name (draft);
  g_assert_cmpstr (name, ==, "Untitled Plan");
  recovered = soc_draft_store_recover (store, draft, &error);
  g_assert_no_error (error);
  g_assert_true (soc_document_get_modified (recovered));

  soc_draft_store_forget (store, recovered);
  soc_draft_store_end_session (store);
  g_assert_cmpuint (count_files (f), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&recovered));
  g_assert_finalize_object (g_steal_pointer (&draft));
}

/* A broken draft is reported, and can still be discarded. */
static void
test_broken_draft (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SocDraftStore) store = NULL;
  g_autoptr(SocDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = g_build_filename (f->drafts, "broken.socplan", NULL);

  g_assert_cmpint (g_mkdir_with_parents (f->drafts, 0700), ==, 0);
  /* Cut short, as by a failing disk. */
  g_file_set_contents (broken, f->original, strlen (f->original) / 2, &error);
  g_assert_no_error (error);

  store = new_store (f, 0);
  draft = only_recoverable (store);
  g_assert_null (soc_draft_store_recover (store, draft, &error));
  g_assert_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, soc_draft_get_path (draft)));
  g_clear_error (&error);
  g_assert_true (soc_draft_store_discard (store, draft, &error));
  g_assert_no_error (error);

  soc_draft_store_end_session (store);
  g_assert_cmpuint (count_files (f), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&draft));
}

/* A process killed (SIGKILL) after its draft was written: the next session
 * finds an unclean shutdown and offers the draft back, byte for byte. */
static void
test_survives_sigkill (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("SOC_TEST_DRAFTS");
      const char *path = g_getenv ("SOC_TEST_PLAN");
      g_autoptr(SocDraftStore) store = soc_draft_store_new (dir);
      g_autoptr(SocDocument) doc = soc_test_load_path (path);
      g_autofree char *bytes = NULL;
      g_autofree char *expected_path = g_build_filename (dir, "..", "expected.socplan", NULL);

      soc_draft_store_set_delay (store, 0);
      g_assert_true (soc_draft_store_start_session (store, NULL));
      soc_draft_store_watch (store, doc);
      rename_plan (doc, "Killed before saving");
      soc_draft_store_flush (store);
      bytes = soc_test_serialize (doc);
      g_assert_true (g_file_set_contents (expected_path, bytes, -1, NULL));
      raise (SIGKILL);
      g_assert_not_reached ();
    }
  else
    {
      g_autofree char *root = soc_test_make_tmpdir ();
      g_autofree char *dir = g_build_filename (root, "drafts", NULL);
      g_autofree char *path = g_build_filename (root, "plan.socplan", NULL);
      g_autofree char *example = soc_test_example_path ();
      g_autofree char *contents = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *expected_path = g_build_filename (root, "expected.socplan", NULL);
      g_autofree char *original = NULL;
      g_autoptr(SocDraftStore) store = NULL;
      g_autoptr(SocDraft) draft = NULL;
      g_autoptr(SocDocument) recovered = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_get_contents (example, &contents, NULL, NULL));
      g_assert_true (g_file_set_contents (path, contents, -1, NULL));
      g_setenv ("SOC_TEST_DRAFTS", dir, TRUE);
      g_setenv ("SOC_TEST_PLAN", path, TRUE);

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();

      /* The plan's own file was never touched. */
      g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
      g_assert_cmpstr (original, ==, contents);

      store = soc_draft_store_new (dir);
      g_assert_true (soc_draft_store_start_session (store, &error));
      g_assert_no_error (error);
      g_assert_true (soc_draft_store_get_unclean_shutdown (store));
      draft = only_recoverable (store);
      recovered = soc_draft_store_recover (store, draft, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
      {
        g_autofree char *actual = soc_test_serialize (recovered);
        g_assert_cmpstr (actual, ==, expected);
      }
      g_assert_true (soc_document_get_modified (recovered));
      soc_draft_store_forget (store, recovered);
      soc_draft_store_end_session (store);
      g_clear_object (&recovered);
      g_assert_finalize_object (g_steal_pointer (&store));
      soc_test_rm_rf (root);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/drafts/default-directory", test_default_directory);
  g_test_add_func ("/drafts/survives-sigkill", test_survives_sigkill);
  ADD ("/drafts/after-delay", test_draft_after_delay);
  ADD ("/drafts/undo-to-saved", test_undo_to_saved);
  ADD ("/drafts/saved-while-writing", test_saved_while_writing);
  ADD ("/drafts/recover-after-crash", test_recover_after_crash);
  ADD ("/drafts/recover-original-changed", test_recover_original_changed);
  ADD ("/drafts/recover-new-plan", test_recover_new_plan);
  ADD ("/drafts/discard", test_discard);
  ADD ("/drafts/clean-shutdown", test_clean_shutdown);
  ADD ("/drafts/end-session-keeps-unsaved", test_end_session_keeps_unsaved);
  ADD ("/drafts/unwatch-flushes", test_unwatch_flushes);
  ADD ("/drafts/leftovers", test_leftovers);
  ADD ("/drafts/broken-draft", test_broken_draft);

  return g_test_run ();
}
