/* soc-cli-merge.c: socplan-cli merge, a three-way merge that git can call
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   socplan-cli merge BASE OURS THEIRS -o OUT [--name NAME]
 *
 * As git's merge driver: socplan-cli merge %O %A %B -o %A --name %P
 *
 * Exit status: 0 merged cleanly; 1 merged with conflicts, each named on
 * stderr, OUT holding our value for each and the conflicts recorded in it;
 * 2 a problem with the command line or a file, and OUT is not touched.
 */

#define G_LOG_DOMAIN "socplan-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "soc-cli-common.h"
#include "soc-cli-share.h"
#include "soc-merge.h"

/* git gives an empty file as the base of two versions added separately. */
static SocDocument *
load_base (const char *path)
{
  GStatBuf st;

  if ((g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0) || g_str_equal (path, "/dev/null"))
    return soc_document_new ();
  return soc_cli_load (path);
}

/* OUT, or standard output for "-"; a file is replaced whole or not at all. */
static gboolean
write_out (const char *path,
           GBytes     *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (!g_str_equal (path, "-"))
    return soc_cli_write_file (path, bytes);
  if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      g_printerr ("socplan-cli: error: %s\n", _("cannot write to standard output"));
      return FALSE;
    }
  return TRUE;
}

int
soc_cli_merge (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (_("BASE OURS THEIRS -o OUT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) base = NULL;
  g_autoptr(SocDocument) ours = NULL;
  g_autoptr(SocDocument) theirs = NULL;
  g_autoptr(SocDocument) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint open = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the merged plan (- for standard output)"), N_("OUT") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The plan’s name in messages (git: %P)"), N_("NAME") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return soc_cli_usage_error ("merge: %s", error->message);
  if (argc != 5)
    return soc_cli_usage_error (_("merge: name three files: the base, ours and theirs"));
  if (output == NULL)
    return soc_cli_usage_error (_("merge: say where to write with -o OUT"));

  base = load_base (argv[2]);
  ours = base != NULL ? soc_cli_load (argv[3]) : NULL;
  theirs = ours != NULL ? soc_cli_load (argv[4]) : NULL;
  if (theirs == NULL)
    return 2;

  /* Ours is not needed afterwards: the merged plan takes its objects over. */
  merged = soc_merge_documents_full (base, ours, theirs, NULL, SOC_MERGE_FLAGS_TAKE_OURS, &conflicts);
  g_clear_object (&ours);
  bytes = soc_merge_write (merged, conflicts, &error);
  if (bytes == NULL)
    {
      g_printerr ("%s: error: %s\n", g_str_equal (output, "-") ? "socplan-cli" : output, error->message);
      return 2;
    }
  if (!write_out (output, bytes))
    return 2;

  for (guint i = 0; i < conflicts->len; i++)
    {
      SocMergeConflict *c = g_ptr_array_index (conflicts, i);
      g_autofree char *line = soc_merge_conflict_describe (c);

      if (c->chosen)
        continue;
      open++;
      g_printerr (_("%s: conflict: %s\n"), name != NULL ? name : argv[3], line);
    }
  if (open > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%s: %u conflict; the merged plan keeps our side and records it for Socplan to show\n",
                             "%s: %u conflicts; the merged plan keeps our side and records them for Socplan to show\n",
                             open),
                name != NULL ? name : argv[3], open);
  return open > 0 ? 1 : 0;
}
