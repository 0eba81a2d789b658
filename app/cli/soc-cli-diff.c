/* soc-cli-diff.c: socplan-cli diff, what changed between two plans
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   socplan-cli diff OLD NEW [--json]   the changes, object by object
 *   socplan-cli diff --textconv FILE    the plan one object a line (git textconv)
 *   socplan-cli diff PATH OLD HEX MODE NEW HEX MODE
 *                                       as git's diff.<driver>.command
 *
 * Exit status: 0 the plans are the same, 1 they differ, 2 a problem with
 * the command line or a file. Called by git (seven arguments), it exits 0
 * unless it cannot read a file: git stops at an external diff that fails.
 */

#define G_LOG_DOMAIN "socplan-cli"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

#include "soc-cli-common.h"
#include "soc-cli-share.h"
#include "soc-diff.h"

/* git passes /dev/null for a file that is not on one side: an empty plan. */
static SocDocument *
load (const char *path,
      gboolean    missing_is_empty)
{
  if (missing_is_empty && g_str_equal (path, "/dev/null"))
    return soc_document_new ();
  return soc_cli_load (path);
}

/* Plans are UTF-8 whatever the locale, so output bypasses g_print(). */
static gboolean
print_text (const char *text)
{
  if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
    {
      g_printerr ("socplan-cli: error: %s\n", _("cannot write to standard output"));
      return FALSE;
    }
  return TRUE;
}

static const char *
kind_token (SocDiffKind kind)
{
  static const char *const tokens[] = { "version", "added", "removed", "changed", "moved", "kept", "conflict" };
  return tokens[kind];
}

static char *
changes_to_json (const char *old_path,
                 const char *new_path,
                 GPtrArray  *changes)
{
  GString *out = g_string_new ("{\"old\":");

  soc_cli_json_string (out, old_path);
  g_string_append (out, ",\"new\":");
  soc_cli_json_string (out, new_path);
  g_string_append_printf (out, ",\"equal\":%s,\"changes\":[", changes->len == 0 ? "true" : "false");
  for (guint i = 0; i < changes->len; i++)
    {
      SocDiffChange *c = g_ptr_array_index (changes, i);
      g_autofree char *text = soc_diff_change_describe (c);

      g_string_append (out, i > 0 ? ",\n  {" : "\n  {");
      g_string_append (out, "\"change\":");
      soc_cli_json_string (out, kind_token (c->kind));
      g_string_append (out, ",\"element\":");
      soc_cli_json_string (out, c->element);
      g_string_append (out, ",\"id\":");
      soc_cli_json_string (out, c->id);
      g_string_append (out, ",\"label\":");
      soc_cli_json_string (out, c->label);
      if (c->kind == SOC_DIFF_CHANGED || c->kind == SOC_DIFF_VERSION || c->kind == SOC_DIFF_CONFLICT)
        {
          g_string_append (out, ",\"field\":");
          soc_cli_json_string (out, c->field);
          g_string_append (out, ",\"old\":");
          soc_cli_json_string (out, c->old_value);
          g_string_append (out, ",\"new\":");
          soc_cli_json_string (out, c->new_value);
        }
      if (c->kind == SOC_DIFF_ADDED || c->kind == SOC_DIFF_MOVED || c->kind == SOC_DIFF_REMOVED)
        {
          const char *name = c->kind == SOC_DIFF_MOVED ? "after" : g_strcmp0 (c->element, "relationship") == 0 ? "from" :
                             g_strcmp0 (c->element, "item") == 0 ? "lane" : "parent";

          if (g_strcmp0 (c->element, "relationship") == 0 && c->kind != SOC_DIFF_MOVED)
            {
              g_string_append (out, ",\"from\":");
              soc_cli_json_string (out, c->context_id);
              g_string_append (out, ",\"to\":");
              soc_cli_json_string (out, c->context_label);
            }
          else if (c->kind != SOC_DIFF_REMOVED)
            {
              g_string_append_printf (out, ",\"%s\":", name);
              soc_cli_json_string (out, c->context_id);
            }
        }
      if (c->kind == SOC_DIFF_REMOVED)
        {
          g_string_append (out, ",\"with\":[");
          for (guint k = 0; c->with != NULL && k < c->with->len; k++)
            {
              if (k > 0)
                g_string_append_c (out, ',');
              soc_cli_json_string (out, g_ptr_array_index (c->with, k));
            }
          g_string_append_c (out, ']');
        }
      g_string_append (out, ",\"text\":");
      soc_cli_json_string (out, text);
      g_string_append_c (out, '}');
    }
  g_string_append (out, changes->len > 0 ? "\n]}\n" : "]}\n");
  return g_string_free (out, FALSE);
}

static char *
changes_to_text (GPtrArray *changes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *line = soc_diff_change_describe (g_ptr_array_index (changes, i));
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

int
soc_cli_diff (int    argc,
              char **argv)
{
  gboolean json = FALSE, textconv = FALSE, git = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new (_("OLD NEW"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SocDocument) old_doc = NULL;
  g_autoptr(SocDocument) new_doc = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *text = NULL;
  const char *path = NULL, *old_path, *new_path;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the changes as JSON"), NULL },
    { "textconv", 0, 0, G_OPTION_ARG_NONE, &textconv, N_("Print one plan, one object a line, for git’s textconv"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return soc_cli_usage_error ("diff: %s", error->message);

  if (textconv)
    {
      if (argc != 3)
        return soc_cli_usage_error (_("diff --textconv: name exactly one file"));
      new_doc = load (argv[2], TRUE);
      if (new_doc == NULL)
        return 2;
      text = soc_diff_document_to_text (new_doc);
      return print_text (text) ? 0 : 2;
    }

  if (argc == 9)
    {
      /* git: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE */
      git = TRUE;
      path = argv[2];
      old_path = argv[3];
      new_path = argv[6];
    }
  else if (argc == 4)
    {
      old_path = argv[2];
      new_path = argv[3];
    }
  else if (argc == 3 && g_getenv ("GIT_DIFF_PATH_TOTAL") != NULL)
    {
      /* git names an unmerged path alone. */
      text = g_strdup_printf (_("* Unmerged path %s\n"), argv[2]);
      return print_text (text) ? 0 : 2;
    }
  else
    return soc_cli_usage_error (_("diff: name two files, the old and the new"));

  old_doc = load (old_path, git);
  new_doc = old_doc != NULL ? load (new_path, git) : NULL;
  if (new_doc == NULL)
    return 2;

  changes = soc_diff_documents (old_doc, new_doc);

  if (json)
    text = changes_to_json (git ? path : old_path, git ? path : new_path, changes);
  else if (git)
    {
      g_autofree char *lines = changes_to_text (changes);
      text = g_strdup_printf ("diff --socplan a/%s b/%s\n%s", path,
                              path, changes->len > 0 ? lines
                              : _("The two versions hold the same plan; only the way the file is written differs.\n"));
    }
  else
    text = changes_to_text (changes);

  if (!print_text (text))
    return 2;
  if (git)
    return 0;
  return changes->len > 0 ? 1 : 0;
}
