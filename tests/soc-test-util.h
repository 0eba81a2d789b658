/* soc-test-util.h: small helpers shared by the core tests
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "soc-document.h"

G_GNUC_UNUSED static char *
soc_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "fixtures", name, NULL);
}

G_GNUC_UNUSED static char *
soc_test_example_path (void)
{
  const char *dir = g_getenv ("SOCPLAN_EXAMPLES");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "northwind-connected.socplan", NULL);
}

G_GNUC_UNUSED static SocDocument *
soc_test_load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SocDocument *doc = soc_document_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

G_GNUC_UNUSED static SocDocument *
soc_test_load_fixture (const char *name)
{
  g_autofree char *path = soc_test_fixture_path (name);

  return soc_test_load_path (path);
}

/* The document's canonical bytes as a string: equal strings, equal documents. */
G_GNUC_UNUSED static char *
soc_test_serialize (SocDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soc_document_serialize (doc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

G_GNUC_UNUSED static SocDocument *
soc_test_load_string (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  SocDocument *doc = soc_document_load_from_bytes (bytes, "test", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

G_GNUC_UNUSED static char *
soc_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("socplan-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

G_GNUC_UNUSED static void
soc_test_rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        soc_test_rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* Writes to PATH a plan made by the benchmark generator (SOC_GEN_PLAN)
 * with so many goals, items and stakeholders, from SEED. */
G_GNUC_UNUSED static void
soc_test_generate (const char *path,
                   guint       goals,
                   guint       items,
                   guint       stakeholders,
                   guint       seed)
{
  const char *gen = g_getenv ("SOC_GEN_PLAN");
  g_autofree char *g = g_strdup_printf ("%u", goals);
  g_autofree char *i = g_strdup_printf ("%u", items);
  g_autofree char *s = g_strdup_printf ("%u", stakeholders);
  g_autofree char *sd = g_strdup_printf ("%u", seed);
  const char *argv[] = { gen, "--goals", g, "--items", i, "--stakeholders", s, "--seed", sd, "-o", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (gen);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* As soc_test_generate(), into DIR; returns the plan's path. */
G_GNUC_UNUSED static char *
soc_test_generate_path (const char *dir,
                        guint       goals,
                        guint       items,
                        guint       stakeholders,
                        guint       seed)
{
  char *path = g_strdup_printf ("%s/gen-%u-%u.socplan", dir, items, seed);

  soc_test_generate (path, goals, items, stakeholders, seed);
  return path;
}
