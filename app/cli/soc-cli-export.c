/* soc-cli-export.c: socplan-cli export FILE -o OUT.EXT [options]
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format comes from OUT's extension; each format is one function in
 * the table below, handed the plan and the checked options. An extension
 * that names no format, and an option that means nothing to the format,
 * are usage errors (exit 2).
 */

#define G_LOG_DOMAIN "socplan-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <stdlib.h>
#include <string.h>

#include "soc-cli-common.h"
#include "soc-cli-draw.h"
#include "soc-cli-export.h"
#include "soc-csv.h"
#include "soc-date.h"
#include "soc-ical.h"

typedef enum {
  OPTION_VIEW       = 1 << 0,
  OPTION_PAGE       = 1 << 1,  /* --paper, --landscape, --pages-wide */
  OPTION_DATES      = 1 << 2,  /* --from, --to */
  OPTION_DPI        = 1 << 3,
  OPTION_POSTER     = 1 << 4,
} OptionSet;

typedef struct
{
  const char *input;
  const char *output;
  const char *view;        /* one of all_views */
  const char *paper;       /* a4, letter or a3 */
  gboolean    landscape;
  int         pages_wide;  /* 0: as the format decides */
  guint       from;        /* SOC_DATE_NONE: open */
  guint       to;
  int         dpi;         /* 0: the format's default */
  gboolean    poster;      /* PDF: one page, as tall as the view */
} ExportOptions;

typedef int (*ExportFunc) (SocDocument         *doc,
                           const ExportOptions *options);

typedef struct
{
  const char *extension;
  const char *name;           /* for messages: "PDF", "iCalendar" */
  OptionSet   options;        /* the options that mean something to it */
  const char *default_view;
  const char *views[7];       /* the views it can export */
  ExportFunc  export;
} Format;

static int export_csv (SocDocument *doc, const ExportOptions *options);
static int export_ics (SocDocument *doc, const ExportOptions *options);
static int export_pdf (SocDocument *doc, const ExportOptions *options);
static int export_svg (SocDocument *doc, const ExportOptions *options);
static int export_png (SocDocument *doc, const ExportOptions *options);

/* PDF, SVG and PNG are drawn by the render layer's painters, the same as
 * the application prints and exports with. */
static const Format formats[] = {
  { "csv", "CSV", OPTION_VIEW, "stakeholders", { "stakeholders", NULL }, export_csv },
  { "ics", "iCalendar", OPTION_VIEW | OPTION_DATES, "roadmap", { "roadmap", NULL }, export_ics },
  { "pdf", "PDF", OPTION_VIEW | OPTION_PAGE | OPTION_DATES | OPTION_POSTER, "roadmap",
    { "roadmap", "goals", "goal-outline", "stakeholders", "stakeholder-table", "report", NULL }, export_pdf },
  { "svg", "SVG", OPTION_VIEW | OPTION_PAGE | OPTION_DATES, "roadmap",
    { "roadmap", "goals", "goal-outline", "stakeholders", "stakeholder-table", NULL }, export_svg },
  { "png", "PNG", OPTION_VIEW | OPTION_PAGE | OPTION_DATES | OPTION_DPI, "roadmap",
    { "roadmap", "goals", "goal-outline", "stakeholders", "stakeholder-table", NULL }, export_png },
};

static const char * const all_views[] = { "roadmap", "goals", "goal-outline", "stakeholders", "stakeholder-table", "report", NULL };
static const char * const all_papers[] = { "a4", "letter", "a3", NULL };

static const Format *
format_for (const char *output)
{
  const char *slash = strrchr (output, '/');
  const char *dot = strrchr (slash != NULL ? slash + 1 : output, '.');

  if (dot == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (dot + 1, formats[i].extension) == 0)
      return &formats[i];
  return NULL;
}

static gboolean
in_list (const char         *value,
         const char * const *list)
{
  return g_strv_contains (list, value);
}

static int
export_csv (SocDocument         *doc,
            const ExportOptions *options)
{
  g_autoptr(GBytes) bytes = soc_csv_export_stakeholders (doc);

  return soc_cli_write_file (options->output, bytes) ? SOC_CLI_EXIT_OK : SOC_CLI_EXIT_DOCUMENT;
}

/* DTSTAMP: now, or SOURCE_DATE_EPOCH for reproducible builds. */
static GDateTime *
export_stamp (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_utc ();
}

static int
export_ics (SocDocument         *doc,
            const ExportOptions *options)
{
  g_autoptr(GDateTime) stamp = export_stamp ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  gboolean derived = FALSE;

  key = soc_ical_plan_key (doc, &derived);
  if (derived)
    {
      g_printerr ("%s: warning: ", options->input);
      g_printerr (_("the plan has no uid yet, so its events are named after its title and will be new events to a calendar once the plan is renamed; edit and save the plan in Socplan to give it one"));
      g_printerr ("\n");
    }

  bytes = soc_ical_export_roadmap (doc, options->from, options->to, stamp, NULL, &error);
  if (bytes == NULL)
    {
      g_printerr ("%s: error: %s\n", options->output, error->message);
      return SOC_CLI_EXIT_DOCUMENT;
    }
  return soc_cli_write_file (options->output, bytes) ? SOC_CLI_EXIT_OK : SOC_CLI_EXIT_DOCUMENT;
}

/* The drawing module (soc-cli-draw.h), loaded once: beside the executable
 * in the build tree, else where it is installed, found from the
 * executable's own folder (an installation moved whole, or into a
 * DESTDIR, still finds it), else at the path it was built for. */
static SocCliDrawFunc
load_drawing (GError **error)
{
  static SocCliDrawFunc func;
  g_autofree char *exe = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) tried = g_string_new (NULL);

  if (func != NULL)
    return func;

  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL)
    {
      dir = g_path_get_dirname (exe);
      g_ptr_array_add (paths, g_build_filename (dir, SOC_CLI_DRAW_MODULE, NULL));
      g_ptr_array_add (paths, g_build_filename (dir, SOC_CLI_DRAW_FROM_BINDIR, SOC_CLI_DRAW_MODULE, NULL));
    }
  g_ptr_array_add (paths, g_build_filename (SOC_CLI_DRAW_DIR, SOC_CLI_DRAW_MODULE, NULL));

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      GModule *module;
      gpointer symbol = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_string_append_printf (tried, "%s%s", tried->len > 0 ? ", " : "", path);
          continue;
        }
      module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      if (module == NULL || !g_module_symbol (module, SOC_CLI_DRAW_SYMBOL, &symbol) || symbol == NULL)
        {
          /* Translators: %s is a file name, then what the system said */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot load the drawing module %s: %s"),
                       path, g_module_error ());
          g_clear_pointer (&module, g_module_close);
          return NULL;
        }
      /* Its types stay registered: it stays loaded. */
      g_module_make_resident (module);
      func = (SocCliDrawFunc) symbol;
      return func;
    }
  /* Translators: %s is the list of places looked in */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("drawing PDF, SVG and PNG needs socplan-cli's drawing module, which is not installed (looked in %s)"),
               tried->str);
  return NULL;
}

/* A picture or pages of a view, or the report, through app/render. */
static int
export_drawing (SocDocument         *doc,
                const ExportOptions *options,
                const char          *format)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->output);
  g_autoptr(GError) error = NULL;
  SocCliDrawFunc draw = load_drawing (&error);
  SocCliDrawOptions o = {
    .format = format,
    .view = options->view,
    .paper = options->paper,
    .landscape = options->landscape,
    .pages_wide = options->pages_wide > 0 ? (guint) options->pages_wide : 1,
    .poster = options->poster,
    .from = options->from,
    .to = options->to,
    .dpi = options->dpi > 0 ? (guint) options->dpi : 0,
  };

  if (draw == NULL)
    {
      g_printerr ("%s: error: %s\n", options->output, error->message);
      return SOC_CLI_EXIT_DOCUMENT;
    }
  if (!draw (doc, &o, file, &error))
    {
      g_printerr ("%s: error: %s\n", options->output, error->message);
      /* Asking for more than can be drawn is the command line's fault. */
      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) ? SOC_CLI_EXIT_USAGE
                                                                             : SOC_CLI_EXIT_DOCUMENT;
    }
  return SOC_CLI_EXIT_OK;
}

static int
export_pdf (SocDocument         *doc,
            const ExportOptions *options)
{
  return export_drawing (doc, options, "pdf");
}

static int
export_svg (SocDocument         *doc,
            const ExportOptions *options)
{
  return export_drawing (doc, options, "svg");
}

static int
export_png (SocDocument         *doc,
            const ExportOptions *options)
{
  return export_drawing (doc, options, "png");
}

static gboolean
parse_date_option (const char *name,
                   const char *text,
                   guint      *date,
                   int        *exit_code)
{
  if (text == NULL)
    return TRUE;
  if (!soc_date_parse (text, strlen (text), date))
    {
      *exit_code = soc_cli_usage_error (_("export: %s “%s” is not a date of the form YYYY-MM-DD"), name, text);
      return FALSE;
    }
  return TRUE;
}

/* Refuses an option that means nothing to FORMAT. */
static gboolean
check_applies (const Format *format,
               OptionSet     option,
               gboolean      given,
               const char   *name,
               int          *exit_code)
{
  if (!given || (format->options & option))
    return TRUE;
  /* Translators: the first %s is an option such as --paper, the second a format such as CSV */
  *exit_code = soc_cli_usage_error (_("export: %s has no meaning for %s files"), name, format->name);
  return FALSE;
}

int
soc_cli_export (int    argc,
                char **argv)
{
  int exit_code = SOC_CLI_EXIT_OK;
  g_autofree char *output = NULL;
  g_autofree char *view = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean landscape = FALSE, poster = FALSE;
  int pages_wide = -1, dpi = -1;
  g_autoptr(SocDocument) doc = NULL;
  ExportOptions options = { NULL, };
  const Format *format;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write; the extension (.pdf, .svg, .png, .ics, .csv) says in what format"), N_("OUT") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, N_("What to export: roadmap, goals (the tree), goal-outline, stakeholders (the map), stakeholder-table or report"), N_("VIEW") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("The paper size: a4, letter or a3"), N_("PAPER") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape, N_("Turn the pages sideways"), NULL },
    { "pages-wide", 0, 0, G_OPTION_ARG_INT, &pages_wide, N_("Spread the view over N pages across"), N_("N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("Start at this day (YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("End at this day (YYYY-MM-DD)"), N_("DATE") },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, N_("Dots per inch of a PNG"), N_("N") },
    { "poster", 0, 0, G_OPTION_ARG_NONE, &poster, N_("Put the whole view on one page of a PDF, as tall as it needs"), NULL },
    { NULL }
  };

  if (!soc_cli_parse_options ("export", _("FILE -o OUT"), entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return soc_cli_usage_error (_("export: name exactly one plan"));
  if (output == NULL)
    return soc_cli_usage_error (_("export: say where to write with -o OUT.pdf, .svg, .png, .ics or .csv"));

  format = format_for (output);
  if (format == NULL)
    return soc_cli_usage_error (_("export: “%s” has no extension this program exports to: use .pdf, .svg, .png, .ics or .csv"), output);

  if (view != NULL && !in_list (view, all_views))
    return soc_cli_usage_error (_("export: “%s” is not a view: use roadmap, goals, goal-outline, stakeholders, stakeholder-table or report"), view);
  if (paper != NULL && !in_list (paper, all_papers))
    return soc_cli_usage_error (_("export: “%s” is not a paper size: use a4, letter or a3"), paper);
  if (pages_wide != -1 && (pages_wide < 1 || pages_wide > 100))
    return soc_cli_usage_error (_("export: --pages-wide takes a number from 1 to 100"));
  if (dpi != -1 && (dpi < 10 || dpi > 2400))
    return soc_cli_usage_error (_("export: --dpi takes a number from 10 to 2400"));
  if (!parse_date_option ("--from", from_text, &options.from, &exit_code) ||
      !parse_date_option ("--to", to_text, &options.to, &exit_code))
    return exit_code;
  if (options.from != SOC_DATE_NONE && options.to != SOC_DATE_NONE && options.to < options.from)
    return soc_cli_usage_error (_("export: --to comes before --from"));

  if (!check_applies (format, OPTION_PAGE, paper != NULL, "--paper", &exit_code) ||
      !check_applies (format, OPTION_PAGE, landscape, "--landscape", &exit_code) ||
      !check_applies (format, OPTION_PAGE, pages_wide != -1, "--pages-wide", &exit_code) ||
      !check_applies (format, OPTION_DATES, from_text != NULL, "--from", &exit_code) ||
      !check_applies (format, OPTION_DATES, to_text != NULL, "--to", &exit_code) ||
      !check_applies (format, OPTION_DPI, dpi != -1, "--dpi", &exit_code) ||
      !check_applies (format, OPTION_POSTER, poster, "--poster", &exit_code))
    return exit_code;

  options.view = view != NULL ? view : format->default_view;
  if (!in_list (options.view, format->views))
    {
      g_autofree char *views = g_strjoinv (", ", (char **) format->views);
      /* Translators: a view such as "goals", a format such as "CSV", then the views it can hold */
      return soc_cli_usage_error (_("export: the %s view cannot be exported as %s; use --view %s"),
                                  options.view, format->name, views);
    }

  options.input = argv[2];
  options.output = output;
  options.paper = paper != NULL ? paper : "a4";
  options.landscape = landscape;
  options.pages_wide = pages_wide != -1 ? pages_wide : 0;
  options.dpi = dpi != -1 ? dpi : 0;
  options.poster = poster;
  if (poster && strcmp (options.view, "report") == 0)
    return soc_cli_usage_error (_("export: the report is pages of a book, not a poster; leave out --poster"));

  doc = soc_cli_open (options.input, &exit_code);
  if (doc == NULL)
    return exit_code;
  /* What drawing text keeps (Pango's fonts, cairo's and fontconfig's
   * caches) stays for the end of the process to take: tearing it down
   * races Pango's font-loading thread (tests/lsan.supp says more). */
  return format->export (doc, &options);
}
