/* socplan-cli.c: the headless face of Socplan
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 success, 1 a document problem, 2 a usage problem.
 * Problems in files go to stderr as FILE:LINE:COLUMN: error: MESSAGE.
 *
 * The commands are the table below; validate, info and convert live here,
 * the others in files of their own (soc-cli-commands.h).
 */

#define G_LOG_DOMAIN "socplan-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "soc-cli-check.h"
#include "soc-cli-common.h"
#include "soc-cli-export.h"
#include "soc-cli-import.h"
#include "soc-cli-share.h"
#include "soc-date.h"
#include "soc-enum-types.h"
#include "soc-i18n.h"
#include "soc-reader.h"
#include "soc-save.h"

static int cmd_validate (int argc, char **argv);
static int cmd_info     (int argc, char **argv);
static int cmd_convert  (int argc, char **argv);

static const SocCliCommand commands[] = {
  { "validate", N_("FILE…"),
    N_("Check plans against the .socplan format and its rules."),
    N_("Every problem is reported as FILE:LINE:COLUMN: error: MESSAGE, the first one first.\n"
       "The checks are those of data/FORMAT.md, complete: a plan they accept also\n"
       "passes the published schema, data/socplan.rng."),
    cmd_validate },
  { "info", N_("FILE"),
    N_("Say what a plan holds: its title, counts, horizon."),
    N_("One “key: value” line each; a key whose value is not set (a plan without a title,\n"
       "an organisation or a horizon) is left out. --json prints the same as one object,\n"
       "with null for what is not set."),
    cmd_info },
  { "convert", N_("IN -o OUT"),
    N_("Rewrite a plan in canonical form."),
    N_("OUT is replaced atomically, and its previous version kept as OUT~. If another\n"
       "program changes OUT while the conversion runs (another convert writing the same\n"
       "file, say), nothing is written and the exit status is 1: the first to finish\n"
       "wins, none overwrites the other unseen. -o - writes to standard output."),
    cmd_convert },
  { "check", N_("FILE"),
    N_("Judge a plan against the seven success factors."),
    NULL,
    soc_cli_check },
  { "export", N_("FILE -o OUT"),
    N_("Export a view; OUT's extension says how (.pdf .svg .png .ics .csv)."),
    NULL,
    soc_cli_export },
  { "import-csv", N_("FILE IN.csv -o OUT"),
    N_("Add or update stakeholders from a spreadsheet."),
    NULL,
    soc_cli_import_csv },
  { "diff", N_("OLD NEW"),
    N_("Say what changed between two plans, object by object (exit 1 when they differ)."),
    NULL,
    soc_cli_diff },
  { "merge", N_("BASE OURS THEIRS -o OUT"),
    N_("Merge two versions of a plan by object and field (exit 1 on conflicts)."),
    NULL,
    soc_cli_merge },
};

const SocCliCommand *
soc_cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static void
print_usage (void)
{
  g_autoptr(GString) text = g_string_new (_("Usage:\n"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("socplan-cli %s %s", commands[i].name, _(commands[i].parameters));
      glong width = g_utf8_strlen (line, -1);

      /* Padded in characters, not bytes: "FILE…" is one character more than three. */
      g_string_append_printf (text, "  %s%*s %s\n", line, (int) MAX (0, 34 - width), "", _(commands[i].summary));
    }
  g_string_append (text, _("\n"
                           "Run “socplan-cli COMMAND --help” for a command's options.\n"
                           "\n"
                           "Options:\n"
                           "  -h, --help                         show this help\n"
                           "  --version                          show the version\n"
                           "\n"
                           "Exit status: 0 success, 1 a problem in a document, 2 a problem in the command line.\n"));
  g_print ("%s", text->str);
}

/* ------------------------------------------------------------------------ */
/* validate                                                                 */

static int
cmd_validate (int    argc,
              char **argv)
{
  int exit_code = SOC_CLI_EXIT_OK;

  if (!soc_cli_parse_options ("validate", _("FILE…"), NULL, &argc, &argv, &exit_code))
    return exit_code;
  if (argc < 3)
    return soc_cli_usage_error (_("validate: name at least one file"));

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SocDocument) doc = soc_cli_load_full (argv[i], &diagnostics, &error);
      int status;

      if (doc != NULL)
        {
          g_print (_("%s: a valid plan\n"), argv[i]);
          continue;
        }

      if (diagnostics == NULL || diagnostics->len == 0)
        status = soc_cli_report_error (error);
      else
        {
          for (guint k = 0; k < diagnostics->len; k++)
            {
              g_autofree char *line = soc_diagnostic_format (g_ptr_array_index (diagnostics, k), argv[i]);
              g_printerr ("%s\n", line);
            }
          status = SOC_CLI_EXIT_DOCUMENT;
        }
      /* A file that cannot be read at all outranks a problem in another. */
      exit_code = MAX (exit_code, status);
    }

  return exit_code;
}

/* ------------------------------------------------------------------------ */
/* info                                                                     */

typedef struct
{
  const char *title;
  const char *organisation;
  guint       format_minor;
  guint       goals, metrics, lanes, phases, items, milestones, dependencies;
  guint       stakeholders, relationships, overrides;
  guint       start, end;
} Info;

static void
gather_info (SocDocument *doc,
             Info        *info)
{
  GListModel *items = soc_document_get_items (doc);
  SocPlan *plan = soc_document_get_plan (doc);
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *roots = soc_document_get_goals (doc);

  memset (info, 0, sizeof *info);
  info->title = soc_plan_get_title (plan);
  info->organisation = soc_plan_get_organisation (plan);
  info->format_minor = soc_document_get_format_minor (doc);
  info->goals = soc_document_get_n_goals (doc);
  info->lanes = g_list_model_get_n_items (soc_document_get_lanes (doc));
  info->phases = g_list_model_get_n_items (soc_document_get_phases (doc));
  info->items = g_list_model_get_n_items (items);
  info->stakeholders = g_list_model_get_n_items (soc_document_get_stakeholders (doc));
  info->relationships = g_list_model_get_n_items (soc_document_get_relationships (doc));
  info->overrides = g_list_model_get_n_items (soc_document_get_overrides (doc));
  info->start = soc_plan_get_horizon_start (plan);
  info->end = soc_plan_get_horizon_end (plan);

  for (guint i = 0; i < info->items; i++)
    {
      g_autoptr(SocItem) item = g_list_model_get_item (items, i);
      GPtrArray *deps = soc_item_get_depends (item);

      if (soc_item_get_kind (item) == SOC_ITEM_KIND_MILESTONE)
        info->milestones++;
      info->dependencies += deps != NULL ? deps->len : 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    g_ptr_array_add (stack, g_list_model_get_item (roots, i));
  while (stack->len > 0)
    {
      SocGoal *goal = g_ptr_array_steal_index_fast (stack, stack->len - 1);
      GListModel *children = soc_goal_get_children (goal);

      if (soc_goal_get_kind (goal) == SOC_GOAL_KIND_METRIC)
        info->metrics++;
      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        g_ptr_array_add (stack, g_list_model_get_item (children, i));
      g_object_unref (goal);
    }
}

static char *
info_to_json (const Info *info)
{
  g_autoptr(GString) out = g_string_new ("{\"title\":");
  const struct { const char *key; guint value; } counts[] = {
    { "goals", info->goals }, { "metrics", info->metrics }, { "lanes", info->lanes },
    { "phases", info->phases }, { "items", info->items }, { "milestones", info->milestones },
    { "dependencies", info->dependencies }, { "stakeholders", info->stakeholders },
    { "relationships", info->relationships }, { "overrides", info->overrides },
  };

  soc_cli_json_string (out, info->title);
  g_string_append (out, ",\"organisation\":");
  soc_cli_json_string (out, info->organisation);
  g_string_append_printf (out, ",\"format-version\":\"%d.%u\"", SOC_FORMAT_MAJOR, info->format_minor);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_string_append_printf (out, ",\"%s\":%u", counts[i].key, counts[i].value);
  g_string_append (out, ",\"horizon\":");
  if (info->start != SOC_DATE_NONE && info->end != SOC_DATE_NONE)
    {
      char s[11], e[11], years[G_ASCII_DTOSTR_BUF_SIZE];

      soc_date_format (info->start, s);
      soc_date_format (info->end, e);
      g_ascii_formatd (years, sizeof years, "%.1f", soc_date_years (info->start, info->end));
      g_string_append_printf (out, "{\"start\":\"%s\",\"end\":\"%s\",\"years\":%s}", s, e, years);
    }
  else
    g_string_append (out, "null");
  g_string_append (out, "}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
print_info (const Info *info)
{
  /* What is not set is left out: a script tells "no title" from a title. */
  if (info->title != NULL)
    g_print ("title: %s\n", info->title);
  if (info->organisation != NULL)
    g_print ("organisation: %s\n", info->organisation);
  g_print ("format-version: %d.%u\n", SOC_FORMAT_MAJOR, info->format_minor);
  g_print ("goals: %u\n", info->goals);
  g_print ("metrics: %u\n", info->metrics);
  g_print ("lanes: %u\n", info->lanes);
  g_print ("phases: %u\n", info->phases);
  g_print ("items: %u\n", info->items);
  g_print ("milestones: %u\n", info->milestones);
  g_print ("dependencies: %u\n", info->dependencies);
  g_print ("stakeholders: %u\n", info->stakeholders);
  g_print ("relationships: %u\n", info->relationships);
  g_print ("overrides: %u\n", info->overrides);
  if (info->start != SOC_DATE_NONE && info->end != SOC_DATE_NONE)
    {
      char s[11], e[11], years[G_ASCII_DTOSTR_BUF_SIZE];

      soc_date_format (info->start, s);
      soc_date_format (info->end, e);
      g_ascii_formatd (years, sizeof years, "%.1f", soc_date_years (info->start, info->end));
      g_print ("horizon: %s to %s (%s years)\n", s, e, years);
    }
}

static int
cmd_info (int    argc,
          char **argv)
{
  int exit_code = SOC_CLI_EXIT_OK;
  gboolean json = FALSE;
  g_autoptr(SocDocument) doc = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  Info info;

  if (!soc_cli_parse_options ("info", _("FILE"), entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return soc_cli_usage_error (_("info: name exactly one file"));

  doc = soc_cli_open (argv[2], &exit_code);
  if (doc == NULL)
    return exit_code;

  gather_info (doc, &info);
  if (json)
    {
      g_autofree char *text = info_to_json (&info);

      /* JSON is UTF-8 whatever the locale, so it bypasses g_print(). */
      if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
        {
          g_printerr ("socplan-cli: error: %s\n", _("cannot write to standard output"));
          return SOC_CLI_EXIT_DOCUMENT;
        }
    }
  else
    print_info (&info);
  return SOC_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* convert                                                                  */

/* What a file is on disk: there or not, and which version (its etag). */
typedef struct
{
  gboolean  exists;
  char     *etag;
} FileState;

static void
file_state_query (GFile     *file,
                  FileState *state)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  state->exists = info != NULL;
  state->etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static gboolean
file_state_equal (const FileState *a,
                  const FileState *b)
{
  return a->exists == b->exists && g_strcmp0 (a->etag, b->etag) == 0;
}

/* Locks the folder OUT is in against other converts while OUT is checked
 * and written: an advisory lock, released when the returned descriptor is
 * closed. -1 if the folder cannot be opened (writing will say why). */
static int
lock_folder_of (GFile *out)
{
  g_autoptr(GFile) folder = g_file_get_parent (out);
  const char *path = folder != NULL ? g_file_peek_path (folder) : NULL;
  int fd;

  if (path == NULL)
    return -1;
  fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  while (flock (fd, LOCK_EX) != 0)
    if (errno != EINTR)
      {
        close (fd);
        return -1;
      }
  return fd;
}

static int
write_stdout (SocDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soc_document_serialize (doc, &error);
  const char *data;
  gsize len;

  if (bytes == NULL)
    return soc_cli_report_error (error);
  data = g_bytes_get_data (bytes, &len);
  if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      g_printerr ("socplan-cli: error: %s\n", _("cannot write to standard output"));
      return SOC_CLI_EXIT_DOCUMENT;
    }
  return SOC_CLI_EXIT_OK;
}

/* Writes DOC to OUTPUT, unless OUTPUT changed since BEFORE was taken. */
static int
write_file (SocDocument     *doc,
            const char      *output,
            GFile           *out,
            const FileState *before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soc_document_serialize (doc, &error);
  FileState now = { 0 };
  gboolean ok;
  int fd;

  if (bytes == NULL)
    return soc_cli_report_error (error);

  fd = lock_folder_of (out);
  file_state_query (out, &now);
  if (!file_state_equal (before, &now))
    {
      g_printerr (_("%s: error: the file changed on disk while it was being converted (another program wrote it); nothing was written\n"),
                  output);
      g_free (now.etag);
      if (fd >= 0)
        close (fd);
      return SOC_CLI_EXIT_DOCUMENT;
    }
  g_free (now.etag);

  ok = soc_save_replace (out, bytes, NULL, NULL, NULL, &error);
  if (fd >= 0)
    close (fd);
  if (!ok)
    {
      g_printerr ("%s: error: %s\n", output, error->message);
      return SOC_CLI_EXIT_DOCUMENT;
    }
  return SOC_CLI_EXIT_OK;
}

static int
cmd_convert (int    argc,
             char **argv)
{
  int exit_code = SOC_CLI_EXIT_OK;
  g_autofree char *output = NULL;
  g_autoptr(SocDocument) doc = NULL;
  g_autoptr(GFile) out = NULL;
  FileState before = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the plan (- for standard output)"), N_("OUT") },
    { NULL }
  };

  if (!soc_cli_parse_options ("convert", _("IN -o OUT"), entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return soc_cli_usage_error (_("convert: name exactly one input file"));
  if (output == NULL)
    return soc_cli_usage_error (_("convert: say where to write with -o OUT"));

  /* The version of OUT this conversion replaces: taken before anything is
   * read, so that a writer in between is seen. */
  if (!g_str_equal (output, "-"))
    {
      out = g_file_new_for_commandline_arg (output);
      file_state_query (out, &before);
    }

  doc = soc_cli_open (argv[2], &exit_code);
  if (doc != NULL)
    exit_code = out == NULL ? write_stdout (doc) : write_file (doc, output, out, &before);

  g_free (before.etag);
  return exit_code;
}

/* ------------------------------------------------------------------------ */

int
main (int    argc,
      char **argv)
{
  const char *name;

  soc_i18n_init ();

  if (argc < 2)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", commands[i].name);
      return soc_cli_usage_error (_("name a command, one of: %s"), names->str);
    }

  name = argv[1];
  if (g_str_equal (name, "-h") || g_str_equal (name, "--help") || g_str_equal (name, "help"))
    {
      print_usage ();
      return SOC_CLI_EXIT_OK;
    }
  if (g_str_equal (name, "--version"))
    {
      g_print ("socplan-cli %s\n", PACKAGE_VERSION);
      return SOC_CLI_EXIT_OK;
    }
  if (soc_cli_find_command (name) != NULL)
    return soc_cli_find_command (name)->run (argc, argv);

  return soc_cli_usage_error (_("unknown command “%s”"), name);
}
