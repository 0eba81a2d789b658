/* test-save.c: saving never loses the old file or leaves half of one
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <locale.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "soc-document-private.h"
#include "soc-edit.h"
#include "soc-object-private.h"
#include "soc-test-util.h"

typedef struct
{
  char *dir;
  char *path;        /* a plan file in DIR */
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
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *source = soc_test_fixture_path ("small.socplan");

  f->dir = soc_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "plan.socplan", NULL);
  f->original = read_file (source);
  g_assert_nonnull (f->original);
  write_file (f->path, f->original);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_chmod (f->dir, 0700);
  soc_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->original);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static SocDocument *
load (Fixture *f)
{
  return soc_test_load_path (f->path);
}

static void
rename_plan (SocDocument *doc,
             const char  *title)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (soc_edit_set_string (doc, SOC_OBJECT (soc_document_get_plan (doc)), "title", title, &error));
  g_assert_no_error (error);
}

static void
test_replace_and_backup (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SocDocument) doc = load (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = g_strconcat (f->path, "~", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *backup = NULL;

  rename_plan (doc, "Connected Northwind, second draft");
  expected = soc_test_serialize (doc);
  g_assert_true (soc_document_get_modified (doc));

  g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (soc_document_get_modified (doc));

  on_disk = read_file (f->path);
  backup = read_file (backup_path);
  g_assert_cmpstr (on_disk, ==, expected);
  g_assert_cmpstr (backup, ==, f->original);
  /* No temporary file left behind: the plan and its backup. */
  g_assert_cmpuint (count_files (f->dir), ==, 2);

  /* Undo after saving makes it modified again; saving twice works (new etag). */
  g_assert_true (soc_document_undo (doc));
  g_assert_true (soc_document_get_modified (doc));
  g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SocDocument) doc = load (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *on_disk = NULL;
  struct utimbuf later = { time (NULL) + 60, time (NULL) + 60 };

  /* Someone else saves the file meanwhile. */
  theirs = g_strconcat (f->original, "<!-- their edit -->\n", NULL);
  write_file (f->path, theirs);
  g_assert_cmpint (utime (f->path, &later), ==, 0);

  rename_plan (doc, "Mine");
  g_assert_false (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  on_disk = read_file (f->path);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_true (soc_document_get_modified (doc));

  /* The user chose to overwrite. */
  g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (soc_document_get_modified (doc));
}

static void
test_control_character_refused (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SocDocument) doc = load (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *on_disk = NULL;
  GStatBuf before, after;

  g_assert_cmpint (g_stat (f->path, &before), ==, 0);

  /* Edits refuse it; a field set behind the edit layer's back is caught by the writer. */
  g_assert_false (soc_edit_set_string (doc, soc_document_lookup (doc, "g1"), "title", "bad\001", &error));
  g_clear_error (&error);
  {
    /* As a faulty command would: below the edits, where g_object_set() no longer reaches. */
    SocObject *g1 = soc_document_lookup (doc, "g1");
    g_auto(GValue) bad = G_VALUE_INIT;

    g_value_init (&bad, G_TYPE_STRING);
    g_value_set_string (&bad, "bad\001title");
    soc_object_set_field (g1, soc_object_class_find_field (SOC_OBJECT_GET_CLASS (g1), "title", 5), &bad);
  }

  g_assert_false (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_UNWRITABLE);
  g_assert_nonnull (strstr (error->message, "g1"));
  g_test_message ("%s", error->message);

  on_disk = read_file (f->path);
  g_assert_cmpstr (on_disk, ==, f->original);
  g_assert_cmpint (g_stat (f->path, &after), ==, 0);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SocDocument) doc = soc_document_new ();
  g_autofree char *path = g_build_filename (f->dir, "new.socplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *on_disk = NULL;

  rename_plan (doc, "A new plan");
  g_assert_false (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_clear_error (&error);

  expected = soc_test_serialize (doc);
  g_assert_true (soc_document_save (doc, file, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  on_disk = read_file (path);
  g_assert_cmpstr (on_disk, ==, expected);
  g_assert_true (g_file_equal (soc_document_get_file (doc), file));
  g_assert_nonnull (soc_document_get_etag (doc));

  /* And the etag now protects it. */
  rename_plan (doc, "A newer plan");
  g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "link.socplan", NULL);
  g_autoptr(SocDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *on_disk = NULL;

  g_assert_cmpint (symlink ("plan.socplan", link), ==, 0);
  doc = soc_test_load_path (link);
  rename_plan (doc, "Through a link");
  expected = soc_test_serialize (doc);
  g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);

  /* The link is still a link, and the file it points to has the new bytes. */
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  on_disk = read_file (f->path);
  g_assert_cmpstr (on_disk, ==, expected);
}

static void
test_hard_link (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other-name.socplan", NULL);
  g_autoptr(SocDocument) doc = load (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *other_bytes = NULL;

  g_assert_cmpint (link (f->path, other), ==, 0);
  rename_plan (doc, "Hard-linked");
  expected = soc_test_serialize (doc);
  g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);

  /* Replaced by a new file; the other name keeps the old content. */
  on_disk = read_file (f->path);
  other_bytes = read_file (other);
  g_assert_cmpstr (on_disk, ==, expected);
  g_assert_cmpstr (other_bytes, ==, f->original);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SocDocument) doc = load (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *on_disk = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root may write into any folder, so there is no read-only folder to try");
      return;
    }

  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
  rename_plan (doc, "Cannot be saved here");
  g_assert_false (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_true (soc_document_get_modified (doc));
  on_disk = read_file (f->path);
  g_assert_cmpstr (on_disk, ==, f->original);
}

static void
test_locale (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SocDocument) doc = load (f);
  g_autofree char *in_c = NULL;
  g_autofree char *in_german = NULL;
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));

  {
    g_auto(GValue) v = G_VALUE_INIT;

    g_value_init (&v, G_TYPE_DOUBLE);
    g_value_set_double (&v, 87.5);
    g_assert_true (soc_edit_set (doc, soc_document_lookup (doc, "g3"), "current", &v, NULL));
    g_value_set_double (&v, 0.25);
    g_assert_true (soc_edit_set (doc, soc_document_lookup (doc, "g3"), "baseline", &v, NULL));
  }
  in_c = soc_test_serialize (doc);

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      if (g_getenv ("SOC_REQUIRE_LOCALES") != NULL)
        g_error ("the de_DE.UTF-8 locale is missing; make test generates it");
      g_test_skip ("de_DE.UTF-8 is not available (make test generates it)");
      return;
    }
  in_german = soc_test_serialize (doc);
  setlocale (LC_ALL, old_locale);

  g_assert_nonnull (strstr (in_c, "current=\"87.5\""));
  g_assert_cmpstr (in_german, ==, in_c);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  soc_document_save_finish (SOC_DOCUMENT (source), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "saved");
}

/* An edit made while a save is writing keeps the document modified. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SocDocument) doc = load (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *on_disk = NULL;

  rename_plan (doc, "Saved in the background");
  saved = soc_test_serialize (doc);
  soc_document_save_async (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, on_saved, &error);
  rename_plan (doc, "Edited while saving");

  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NONE);

  on_disk = read_file (f->path);
  g_assert_cmpstr (on_disk, ==, saved);
  g_assert_true (soc_document_get_modified (doc));
  g_assert_true (soc_document_undo (doc));
  g_assert_false (soc_document_get_modified (doc));

  /* What was written is the base of a later merge, never read back. */
  {
    GBytes *base = soc_document_get_base (doc);
    gsize len = 0;
    const char *bytes = base != NULL ? g_bytes_get_data (base, &len) : NULL;

    g_assert_nonnull (base);
    g_assert_cmpuint (len, ==, strlen (on_disk));
    g_assert_true (memcmp (bytes, on_disk, len) == 0);
  }
}

static void
generate_plan (const char *path)
{
  soc_test_generate (path, 900, 1500, 600, 5);
}

/* The worker writes the plan as it was at Ctrl+S while the main thread
 * deletes, changes, undoes and drops the very objects being written: the
 * file holds none of it, and the next save all of it. */
static void
test_async_heavy_edits (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SocDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *edited = NULL;
  GListModel *items;

  generate_plan (f->path);
  doc = load (f);
  items = soc_document_get_items (doc);
  rename_plan (doc, "Saved in the background");
  soc_document_save_async (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, on_saved, &error);
  /* As the save took it: with the uid a save gives a plan that has none. */
  saved = soc_test_serialize (doc);

  /* Every item changed, then a goal tree deleted and brought back, then an
   * added item dropped for good: texts and objects the snapshot lists go. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SocObject) item = g_list_model_get_item (items, i);
      g_autoptr(GError) edit_error = NULL;

      g_assert_true (soc_edit_set_int (doc, item, "progress", (int) (i % 100), &edit_error));
      g_assert_no_error (edit_error);
    }
  {
    g_autoptr(SocObject) root = g_list_model_get_item (soc_document_get_goals (doc), 0);
    g_autoptr(GError) edit_error = NULL;
    SocObject *target = root;

    g_assert_true (soc_edit_delete (doc, &target, 1, &edit_error));
    g_assert_no_error (edit_error);
    g_assert_true (soc_document_undo (doc));
    g_assert_true (soc_document_redo (doc));
  }
  {
    g_autoptr(SocItem) added = soc_item_new (SOC_ITEM_KIND_MILESTONE);
    g_autoptr(SocObject) first = g_list_model_get_item (items, 0);
    g_autoptr(GError) edit_error = NULL;

    g_object_set (added, "title", "Gone again", "lane", soc_item_get_lane (SOC_ITEM (first)),
                  "start", soc_item_get_start (SOC_ITEM (first)), NULL);
    g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (added), NULL, 0, &edit_error));
    g_assert_no_error (edit_error);
    g_free (soc_test_serialize (doc));   /* it has its written text now */
  }
  g_assert_true (soc_document_undo (doc));
  rename_plan (doc, "Edited while saving");   /* drops the added item for good */
  edited = soc_test_serialize (doc);

  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NONE);

  on_disk = read_file (f->path);
  g_assert_cmpstr (on_disk, ==, saved);
  g_assert_true (soc_document_get_modified (doc));

  /* The next save writes what the edits made. */
  g_clear_error (&error);
  g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&on_disk, g_free);
  on_disk = read_file (f->path);
  g_assert_cmpstr (on_disk, ==, edited);
  g_assert_false (soc_document_get_modified (doc));
}

static void
on_saved_quietly (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (soc_document_save_finish (SOC_DOCUMENT (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* What a save in the background writes, from a snapshot of kept texts. */
static char *
save_in_background (SocDocument *doc,
                    const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;

  soc_document_save_async (doc, file, SOC_SAVE_FLAGS_OVERWRITE, NULL, on_saved_quietly, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return read_file (path);
}

/* A save in the background (a snapshot of the texts objects keep, joined
 * in a worker) writes the very bytes a save that waits writes, for every
 * fixture, kept content of other namespaces included; before the plan is
 * warmed up, once it is, and after an edit. */
static void
test_background_same_bytes (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "fixtures", NULL);
  g_autoptr(GDir) fixtures = g_dir_open (dir, 0, NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.socplan", NULL);
  const char *name;
  guint compared = 0;

  g_assert_nonnull (fixtures);
  while ((name = g_dir_read_name (fixtures)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(SocDocument) doc = soc_document_load (file, NULL, NULL);

      if (doc == NULL)
        continue;
      for (guint round = 0; round < 3; round++)
        {
          g_autofree char *direct = NULL;
          g_autofree char *background = NULL;

          if (round == 1)
            {
              soc_document_warm_up (doc);
              while (g_main_context_iteration (NULL, FALSE))
                ;
            }
          else if (round == 2)
            rename_plan (doc, "Renamed & saved");
          /* Serialized after: a save gives an edited plan its uid first. */
          background = save_in_background (doc, out);
          direct = soc_test_serialize (doc);
          g_assert_cmpstr (background, ==, direct);
          compared++;
        }
    }
  g_assert_cmpuint (compared, >=, 3 * 8);
}

static char *
snapshot_text (SocDocument *doc)
{
  g_autoptr(GError) error = NULL;
  SocSnapshot *snapshot = _soc_document_snapshot (doc, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  bytes = _soc_snapshot_to_bytes (snapshot, &error);
  g_assert_no_error (error);
  _soc_snapshot_free (snapshot);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
fresh_text (SocDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = _soc_document_serialize_fresh (doc, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* An object of LIST picked by RAND (transfer none), or NULL when it is
 * empty. */
static SocObject *
pick (GRand      *rand,
      GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    return NULL;
  return soc_object_list_get (SOC_OBJECT_LIST (list), (guint) g_rand_int_range (rand, 0, (gint32) n));
}

/* One random edit of DOC: a rename, a date, a goal moved or added, an
 * object deleted, an undo or a redo. */
static void
random_edit (GRand       *rand,
             SocDocument *doc,
             guint        step)
{
  g_autofree char *title = g_strdup_printf ("Step %u <&>", step);
  SocObject *goal = pick (rand, soc_document_get_goals (doc));
  SocObject *item = pick (rand, soc_document_get_items (doc));
  SocObject *stakeholder = pick (rand, soc_document_get_stakeholders (doc));

  SocObject *renamed[] = { goal, item, stakeholder };
  gint32 choice = g_rand_int_range (rand, 0, 10);

  switch (choice)
    {
    case 0:
      rename_plan (doc, title);
      break;
    case 1:
    case 2:
    case 3:
      if (renamed[choice - 1] != NULL)
        soc_edit_set_string (doc, renamed[choice - 1], SOC_IS_STAKEHOLDER (renamed[choice - 1]) ? "name" : "title",
                             title, NULL);
      break;
    case 4:
      if (goal != NULL && soc_goal_get_children (SOC_GOAL (goal)) != NULL &&
          g_list_model_get_n_items (soc_goal_get_children (SOC_GOAL (goal))) > 0)
        {
          g_autoptr(SocGoal) child = g_list_model_get_item (soc_goal_get_children (SOC_GOAL (goal)), 0);

          soc_edit_move_goal (doc, child, NULL, 0, NULL);
        }
      break;
    case 5:
      {
        g_autoptr(SocGoal) added = g_object_new (SOC_TYPE_GOAL, "title", title, NULL);

        soc_edit_add (doc, SOC_OBJECT (added), goal != NULL ? SOC_GOAL (goal) : NULL, 0, NULL);
      }
      break;
    case 6:
      {
        SocObject *gone = g_rand_boolean (rand) ? stakeholder : item;

        if (gone != NULL)
          soc_edit_delete (doc, &gone, 1, NULL);
      }
      break;
    case 7:
    case 8:
      soc_document_undo (doc);
      break;
    default:
      soc_document_redo (doc);
      break;
    }
}

/* A snapshot taken from the last one, with only the objects changed since
 * written again, is the plan exactly as writing it all anew gives it: after
 * renames, deletes, moves, adds, undos and redos in any order, with an
 * earlier snapshot still held or not, for the example and for plans with
 * content kept from other namespaces. And it is taken from the last one
 * when nothing came, went or moved. */
static void
test_snapshot_from_last (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "fixtures", NULL);
  g_autoptr(GDir) fixtures = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_ptr_array_add (paths, soc_test_example_path ());
  while ((name = g_dir_read_name (fixtures)) != NULL)
    g_ptr_array_add (paths, g_build_filename (dir, name, NULL));

  for (guint p = 0; p < paths->len; p++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, p));
      g_autoptr(SocDocument) doc = soc_document_load (file, NULL, NULL);
      g_autoptr(GRand) rand = g_rand_new_with_seed (p + 1);
      SocSnapshot *held = NULL;

      if (doc == NULL)
        continue;
      if (p % 2 == 1)
        {
          soc_document_warm_up (doc);
          while (g_main_context_iteration (NULL, FALSE))
            ;
        }
      for (guint step = 0; step < 150; step++)
        {
          g_autofree char *taken = NULL;
          g_autofree char *fresh = NULL;

          random_edit (rand, doc, step);
          /* Now and then, an earlier snapshot is still being written. */
          if (held == NULL && g_rand_int_range (rand, 0, 4) == 0)
            held = _soc_document_snapshot (doc, NULL);
          else if (held != NULL && g_rand_boolean (rand))
            g_clear_pointer (&held, _soc_snapshot_free);
          taken = snapshot_text (doc);
          fresh = fresh_text (doc);
          g_assert_cmpstr (taken, ==, fresh);
        }
      g_clear_pointer (&held, _soc_snapshot_free);

      /* The whole content replaced (a merge, a reload) and put back. */
      {
        g_autofree char *example = soc_test_example_path ();
        g_autoptr(SocDocument) with = soc_test_load_path (example);
        g_autoptr(GError) error = NULL;

        for (guint round = 0; round < 2; round++)
          {
            g_autofree char *taken = NULL;
            g_autofree char *fresh = NULL;

            if (round == 0)
              g_assert_true (soc_edit_replace (doc, with, NULL, NULL, "Replace", &error));
            else
              g_assert_true (soc_document_undo (doc));
            g_assert_no_error (error);
            taken = snapshot_text (doc);
            fresh = fresh_text (doc);
            g_assert_cmpstr (taken, ==, fresh);
          }
      }
    }

  /* Renames alone: every snapshot after the first is taken from the last. */
  {
    g_autofree char *path = soc_test_example_path ();
    g_autoptr(SocDocument) doc = soc_test_load_path (path);
    SocObject *goal = soc_document_lookup (doc, "g3");
    guint full;

    g_free (snapshot_text (doc));
    full = doc->n_full_snapshots;
    for (guint i = 0; i < 10; i++)
      {
        g_autofree char *title = g_strdup_printf ("Goal %u", i);
        g_autofree char *taken = NULL;
        g_autofree char *fresh = NULL;

        g_assert_true (soc_edit_set_string (doc, goal, "title", title, NULL));
        rename_plan (doc, title);
        taken = snapshot_text (doc);
        fresh = fresh_text (doc);
        g_assert_cmpstr (taken, ==, fresh);
      }
    g_assert_cmpuint (doc->n_full_snapshots, ==, full);
  }
}

/* Kills socplan-cli convert at fsync or at rename, and finds the old or the
 * new file: never a mix, never nothing. */
static void
test_killed (Fixture       *f,
             gconstpointer  data)
{
  const char *at = data;
  const char *cli = g_getenv ("SOCPLAN_CLI");
  const char *shim = g_getenv ("SOC_KILL_SHIM");
  g_autofree char *source = g_build_filename (f->dir, "source.socplan", NULL);
  g_autofree char *target = g_build_filename (f->dir, "target.socplan", NULL);
  g_autofree char *new_bytes = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  int status = 0;
  const char *argv[] = { cli, "convert", source, "-o", target, NULL };

  g_assert_nonnull (cli);
  g_assert_nonnull (shim);

  /* The source differs from the target's current content. */
  {
    g_autoptr(SocDocument) doc = load (f);
    rename_plan (doc, "The new version");
    new_bytes = soc_test_serialize (doc);
    write_file (source, new_bytes);
    write_file (target, f->original);
  }

  env = g_get_environ ();
  env = g_environ_setenv (env, "LD_PRELOAD", shim, TRUE);
  env = g_environ_setenv (env, "SOC_KILL_AT", at, TRUE);
  /* Sanitizer runtimes want to be loaded first; the shim is harmless to them. */
  env = g_environ_setenv (env, "ASAN_OPTIONS", "verify_asan_link_order=0:detect_leaks=0", TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  on_disk = read_file (target);
  g_assert_nonnull (on_disk);
  if (g_str_equal (at, "after-rename"))
    g_assert_cmpstr (on_disk, ==, new_bytes);
  else
    g_assert_cmpstr (on_disk, ==, f->original);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/save/replace-and-backup", test_replace_and_backup, NULL);
  ADD ("/save/changed-on-disk", test_changed_on_disk, NULL);
  ADD ("/save/control-character-refused", test_control_character_refused, NULL);
  ADD ("/save/new-file", test_new_file, NULL);
  ADD ("/save/symlink", test_symlink, NULL);
  ADD ("/save/hard-link", test_hard_link, NULL);
  ADD ("/save/read-only-folder", test_read_only_folder, NULL);
  ADD ("/save/locale", test_locale, NULL);
  ADD ("/save/async", test_async, NULL);
  ADD ("/save/async-heavy-edits", test_async_heavy_edits, NULL);
  ADD ("/save/background-same-bytes", test_background_same_bytes, NULL);
  ADD ("/save/snapshot-from-last", test_snapshot_from_last, NULL);
  ADD ("/save/killed/at-fsync", test_killed, "fsync");
  ADD ("/save/killed/at-rename", test_killed, "rename");
  ADD ("/save/killed/after-rename", test_killed, "after-rename");

  return g_test_run ();
}
