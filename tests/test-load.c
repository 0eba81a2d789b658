/* test-load.c: opening and saving many large plans does not grow memory
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Twenty different generated plans of 2 to 5 MB are opened, edited, saved
 * and closed in a row in one process. After each, the heap is trimmed and the resident
 * set read from /proc/self/statm: after the last plan it must be within a
 * small margin of where it was after the second (the first fills caches
 * that stay: types, quarks, the schema, libxml2's dictionaries).
 *
 * A large plan that has been warmed up, edited and saved gives its memory
 * back to the system once closed, without the test trimming the heap: the
 * document does, a second later (GLib's slices are off, as the application
 * turns them off before GLib 2.76: see app/gtk/main.c and
 * tests/meson.build).
 *
 * Under AddressSanitizer the resident set means nothing (shadow memory and
 * quarantine), so the figures are printed but not judged; LeakSanitizer
 * checks the same loop exactly instead.
 */

#include "config.h"

#include <malloc.h>
#include <unistd.h>

#include "soc-edit.h"
#include "soc-test-util.h"

#define N_PLANS 20

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

/* Allowed growth from plan 2 to plan 20: the larger of these. */
#define SLACK_BYTES   (10 * 1024 * 1024)
#define SLACK_PERCENT 20

static gsize
resident_untrimmed (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%lu %lu", &size, &resident), ==, 2);
  return (gsize) resident * (gsize) sysconf (_SC_PAGESIZE);
}

static gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  malloc_trim (0);
  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%lu %lu", &size, &resident), ==, 2);
  return (gsize) resident * (gsize) sysconf (_SC_PAGESIZE);
}

/* The most the resident set has been, from /proc/self/status. */
static gsize
peak_resident_bytes (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "\nVmHWM:");
  g_assert_nonnull (line);
  return (gsize) g_ascii_strtoull (line + strlen ("\nVmHWM:"), NULL, 10) * 1024;
}

static void
generate_plan (const char *path,
               guint       index)
{
  /* From about 2 MB (step 0) to about 5 MB (step 19). The first two are
   * the largest: glibc keeps the heap's high-water mark in fragments that
   * malloc_trim() cannot return, so ever larger plans would look like growth
   * per document; after these, growth would be real. */
  guint step = index < 2 ? 19 : (index * 7) % 20;

  soc_test_generate (path, 2500 + step * 200, 4000 + step * 300, 1500 + step * 100, 100 + index);
}

/* Opens PATH, changes its title, saves it in place and closes it. */
static gsize
open_edit_save (const char *path,
                guint       index)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Plan %u, saved by the load test", index + 1);
  SocDocument *doc = soc_document_load (file, NULL, &error);
  gpointer weak = doc;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (soc_document_get_n_goals (doc), >, 0);
  g_object_add_weak_pointer (G_OBJECT (doc), &weak);

  g_assert_true (soc_edit_set_string (doc, SOC_OBJECT (soc_document_get_plan (doc)), "title", title, NULL));
  g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);

  /* Nothing else holds the document: it is gone with the last reference. */
  g_object_unref (doc);
  g_assert_null (weak);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gsize) st.st_size;
}

static void
test_twenty_plans (void)
{
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autoptr(GString) series = g_string_new (NULL);
  gsize rss[N_PLANS];
  gsize before, limit;
  gsize total_size = 0;
  gint64 start;
  char *paths[N_PLANS];

  for (guint i = 0; i < N_PLANS; i++)
    {
      g_autofree char *name = g_strdup_printf ("plan-%02u.socplan", i + 1);

      paths[i] = g_build_filename (dir, name, NULL);
      generate_plan (paths[i], i);
    }

  before = resident_bytes ();
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_PLANS; i++)
    {
      total_size += open_edit_save (paths[i], i);
      rss[i] = resident_bytes ();
      g_string_append_printf (series, "%s%.1f", i > 0 ? " " : "", rss[i] / 1048576.0);
    }

  g_test_message ("%u plans, %.1f MB in all, opened, edited and saved in %.1f s",
                  N_PLANS, total_size / 1048576.0, (g_get_monotonic_time () - start) / 1e6);
  g_test_message ("resident MB before: %.1f; after each plan: %s; at the most: %.1f",
                  before / 1048576.0, series->str, peak_resident_bytes () / 1048576.0);

  limit = rss[1] + MAX ((gsize) SLACK_BYTES, rss[1] / 100 * SLACK_PERCENT);
  g_test_message ("after plan %u: %.1f MB; after plan 2: %.1f MB; limit %.1f MB",
                  N_PLANS, rss[N_PLANS - 1] / 1048576.0, rss[1] / 1048576.0, limit / 1048576.0);

#ifdef SANITIZED
  g_test_message ("built with AddressSanitizer: the resident set is not judged, LeakSanitizer checks the loop");
#else
  g_assert_cmpuint (rss[N_PLANS - 1], <=, limit);
#endif

  for (guint i = 0; i < N_PLANS; i++)
    g_free (paths[i]);
  soc_test_rm_rf (dir);
}

static void
run_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Opens PATH, warms it up, deletes and brings back its most connected
 * stakeholder, saves it aside, closes it and waits for the heap to be
 * trimmed. */
static void
use_and_close (const char *path,
               const char *saved_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(GError) error = NULL;
  SocDocument *doc = soc_document_load (file, NULL, &error);
  SocObject *s1;
  gpointer weak = doc;

  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (doc), &weak);
  soc_document_warm_up (doc);
  run_until_idle ();

  s1 = soc_document_lookup (doc, "s1");
  g_assert_nonnull (s1);
  g_assert_true (soc_edit_delete (doc, &s1, 1, &error));
  g_assert_no_error (error);
  g_assert_true (soc_document_undo (doc));
  g_assert_true (soc_document_save (doc, saved, SOC_SAVE_FLAGS_OVERWRITE, NULL, &error));
  g_assert_no_error (error);

  g_object_unref (doc);
  g_assert_null (weak);

  /* The heap is trimmed a moment after. */
  {
    gint64 end = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;

    while (g_get_monotonic_time () < end)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
  }
}

static void
test_closed_plan_returns_memory (void)
{
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *first = g_build_filename (dir, "first.socplan", NULL);
  g_autofree char *large = g_build_filename (dir, "large.socplan", NULL);
  g_autofree char *saved = g_build_filename (dir, "saved.socplan", NULL);
  gsize before, after, limit;

  generate_plan (first, 2);
  generate_plan (large, 0);

  /* The first plan fills what stays: types, quarks, libxml2's dictionaries.
   * What the process holds then, at the least, is the mark. */
  use_and_close (first, saved);
  before = resident_bytes ();
  use_and_close (large, saved);
  after = resident_untrimmed ();

  limit = before + MAX ((gsize) 4 * 1024 * 1024, before / 100 * 5);
  g_test_message ("resident MB before the plan: %.1f; after it was closed: %.1f; limit %.1f",
                  before / 1048576.0, after / 1048576.0, limit / 1048576.0);
#ifdef SANITIZED
  g_test_message ("built with AddressSanitizer: the resident set is not judged");
#else
  g_assert_cmpuint (after, <=, limit);
#endif
  soc_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/load/twenty-plans", test_twenty_plans);
  g_test_add_func ("/load/closed-plan-returns-memory", test_closed_plan_returns_memory);

  return g_test_run ();
}
