/* soc-report.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan report: one PDF with a title page (the plan, who made it, its
 * horizon and the success factors at a glance), the vision, the goal tree
 * as a tree and as an outline, the roadmap on landscape pages, the
 * stakeholders on the power and interest grid and as a table, the
 * checklist with its evidence and the strategist's judgements, and the
 * curriculum matrix. Every page carries
 * its number out of the whole; each part is a bookmark (the roadmap's
 * lanes under it), and the document's metadata names the plan.
 *
 * The parts after the first two are views laid over pages (SocPrintJob),
 * numbered as part of the report: the pages are counted first, then
 * painted.
 */

#define G_LOG_DOMAIN "soc-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "soc-draw.h"
#include "soc-checklist.h"
#include "soc-date.h"
#include "soc-enum-types.h"
#include "soc-export-private.h"
#include "soc-palette.h"
#include "soc-plan-tables.h"
#include "soc-print-job.h"
#include "soc-goal-printable.h"
#include "soc-map-printable.h"
#include "soc-report.h"
#include "soc-roadmap-printable.h"

typedef enum {
  SECTION_TITLE,
  SECTION_VISION,
  SECTION_VIEW,
} SectionKind;

typedef struct
{
  SectionKind  kind;
  char        *title;      /* its bookmark */
  SocPrintJob *job;        /* SECTION_VIEW */
  gboolean     landscape;
  guint        first;      /* its first page, from 1 */
  guint        n_pages;
} Section;

typedef struct
{
  SocDocument  *document;
  SocChecklist *checklist;
  SocText      *text;
  char         *printed;   /* "Printed 5 March 2026" */
  guint         today;
  gint64        printed_time;
  double        width;     /* the printable area of a portrait page, in points */
  double        height;
  guint         total;
} Report;

static void
clear_section (gpointer data)
{
  Section *s = data;

  g_clear_pointer (&s->title, g_free);
  g_clear_pointer (&s->job, soc_print_job_unref);
}

/* Shows STRING at SIZE points wrapped at WIDTH from X, Y; returns the
 * height it took. MAX_HEIGHT > 0 ellipsizes what goes past it. */
static double
paragraph (Report         *r,
           cairo_t        *cr,
           double          x,
           double          y,
           double          width,
           double          size,
           gboolean        bold,
           const SocColor *colour,
           const char     *string,
           double          max_height)
{
  g_autoptr(PangoLayout) layout = soc_print_text_layout (r->text, size, bold, string);
  PangoRectangle logical;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_height > 0)
    {
      pango_layout_set_height (layout, (int) (max_height * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_extents (layout, NULL, &logical);
  soc_draw_set_color (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return (double) logical.height / PANGO_SCALE;
}

/* The footer of the report's own pages, as a view's pages have it. */
static void
plain_footer (Report  *r,
              cairo_t *cr,
              guint    number)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  /* Translators: the footer of a printed page */
  g_autofree char *label = g_strdup_printf (_("Page %u of %u"), number, r->total);
  g_autoptr(PangoLayout) left = soc_print_text_layout (r->text, 7.5, FALSE, r->printed);
  g_autoptr(PangoLayout) right = soc_print_text_layout (r->text, 7.5, FALSE, label);
  PangoRectangle logical;
  double y;

  pango_layout_get_extents (right, NULL, &logical);
  y = r->height - (double) logical.height / PANGO_SCALE;
  soc_draw_set_color (cr, &p->text_dim);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, r->width - (double) logical.width / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, right);
}

static char *
horizon_text (SocDocument *document)
{
  SocPlan *plan = soc_document_get_plan (document);
  guint start = soc_plan_get_horizon_start (plan), end = soc_plan_get_horizon_end (plan);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (start == 0 || end == 0)
    return NULL;
  a = soc_print_format_day (start);
  b = soc_print_format_day (end);
  /* Translators: the plan's horizon on the report's title page, from its first day to its last */
  return g_strdup_printf (_("Horizon: %s – %s"), a, b);
}

/* ------------------------------------------------------------------------ */
/* The title page                                                           */

static void
paint_title_page (Report  *r,
                  cairo_t *cr)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  SocPlan *plan = soc_document_get_plan (r->document);
  const char *title = soc_plan_get_title (plan);
  const char *organisation = soc_plan_get_organisation (plan);
  g_autofree char *author = NULL;
  g_autofree char *horizon = horizon_text (r->document);
  g_autofree char *score = soc_checklist_format_score (r->checklist);
  double y = r->height * 0.2;

  g_object_get (plan, "author", &author, NULL);
  y += paragraph (r, cr, 0, y, r->width, 11, TRUE, &p->accent, _("Social business plan report"), 0) + 10;
  y += paragraph (r, cr, 0, y, r->width, 28, TRUE, &p->text,
                  title != NULL && title[0] ? title : _("Untitled plan"), 0) + 6;
  if (organisation != NULL && organisation[0])
    y += paragraph (r, cr, 0, y, r->width, 15, FALSE, &p->text_dim, organisation, 0) + 4;

  y += 14;
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, r->width * 0.4, y);
  soc_draw_set_color (cr, &p->accent);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  y += 14;

  if (author != NULL && author[0])
    {
      /* Translators: who made the plan, on the report's title page */
      g_autofree char *by = g_strdup_printf (_("Prepared by %s"), author);
      y += paragraph (r, cr, 0, y, r->width, 11, FALSE, &p->text, by, 0) + 3;
    }
  if (horizon != NULL)
    y += paragraph (r, cr, 0, y, r->width, 11, FALSE, &p->text, horizon, 0) + 3;
  y += paragraph (r, cr, 0, y, r->width, 11, FALSE, &p->text, r->printed, 0) + 28;

  /* The success factors at a glance. */
  {
    /* Translators: a heading on the report's title page, then the checklist's score such as "4 of 7 met" */
    g_autofree char *heading = g_strdup_printf (_("Success factors: %s"), score);

    y += paragraph (r, cr, 0, y, r->width, 13, TRUE, &p->text, heading, 0) + 8;
  }
  for (int f = 0; f < SOC_N_FACTORS && y < r->height - 40; f++)
    {
      SocFactorState state = soc_checklist_get_effective_state (r->checklist, f);
      SocColor colour = soc_print_state_color (state);

      cairo_new_path (cr);
      cairo_arc (cr, 5, y + 6.5, 4.5, 0, 2 * G_PI);
      soc_draw_set_color (cr, &colour);
      cairo_fill (cr);
      paragraph (r, cr, 16, y, r->width * 0.62, 10.5, FALSE, &p->text, soc_enum_to_label (SOC_TYPE_FACTOR, f), 0);
      y += paragraph (r, cr, 16 + r->width * 0.64, y, r->width * 0.36 - 16, 10.5, FALSE, &p->text_dim,
                      soc_enum_to_label (SOC_TYPE_FACTOR_STATE, state), 0) + 5;
    }
}

/* ------------------------------------------------------------------------ */
/* The vision                                                               */

typedef struct
{
  GPtrArray *goals;
} Visions;

static void
collect_vision (gpointer data,
                gpointer user_data)
{
  Visions *v = user_data;

  if (soc_goal_get_kind (data) == SOC_GOAL_KIND_VISION)
    g_ptr_array_add (v->goals, data);
}

static void
paint_vision_page (Report  *r,
                   cairo_t *cr)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  SocDocument *doc = r->document;
  SocPlan *plan = soc_document_get_plan (doc);
  const char *vision = soc_plan_get_vision (plan);
  g_autofree char *notes = NULL;
  g_autoptr(GPtrArray) goals = g_ptr_array_new ();
  Visions v = { goals };
  double y = 0, room;
  const struct {
    const char *label;
    guint       count;
  } counts[] = {
    { N_("Goals"), soc_document_get_n_goals (doc) },
    { N_("Roadmap items"), g_list_model_get_n_items (soc_document_get_items (doc)) },
    { N_("Lanes"), g_list_model_get_n_items (soc_document_get_lanes (doc)) },
    { N_("Phases"), g_list_model_get_n_items (soc_document_get_phases (doc)) },
    { N_("Stakeholders"), g_list_model_get_n_items (soc_document_get_stakeholders (doc)) },
  };

  y += paragraph (r, cr, 0, y, r->width, 20, TRUE, &p->text, _("Vision"), 0) + 12;
  if (vision != NULL && vision[0])
    y += paragraph (r, cr, 0, y, r->width, 15, FALSE, &p->text, vision, r->height * 0.3) + 18;
  else
    y += paragraph (r, cr, 0, y, r->width, 12, FALSE, &p->text_dim, _("The plan states no vision yet."), 0) + 18;

  soc_document_foreach_goal (doc, collect_vision, &v);
  for (guint i = 0; i < goals->len && y < r->height * 0.6; i++)
    {
      SocGoal *goal = g_ptr_array_index (goals, i);
      g_autofree char *description = NULL;

      g_object_get (goal, "description", &description, NULL);
      y += paragraph (r, cr, 0, y, r->width, 11.5, TRUE, &p->text, soc_goal_get_title (goal), 0) + 3;
      if (description != NULL && description[0])
        y += paragraph (r, cr, 0, y, r->width, 10, FALSE, &p->text_dim, description, 60) + 3;
      y += 8;
    }

  y += 10;
  y += paragraph (r, cr, 0, y, r->width, 14, TRUE, &p->text, _("The plan in figures"), 0) + 8;
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", counts[i].count);

      paragraph (r, cr, 0, y, r->width * 0.4, 10.5, FALSE, &p->text_dim, _(counts[i].label), 0);
      y += paragraph (r, cr, r->width * 0.4, y, r->width * 0.6, 10.5, TRUE, &p->text, n, 0) + 3;
    }

  g_object_get (plan, "notes", &notes, NULL);
  room = r->height - 24 - (y + 40);
  if (notes != NULL && notes[0] && room > 30)
    {
      y += 18;
      y += paragraph (r, cr, 0, y, r->width, 14, TRUE, &p->text, _("Notes"), 0) + 8;
      paragraph (r, cr, 0, y, r->width, 10, FALSE, &p->text, notes, room);
    }
}

/* ------------------------------------------------------------------------ */

static void
add_view (Report       *r,
          GArray       *sections,
          SocPrintable *printable,
          const char   *title,
          gboolean      landscape,
          guint         pages_wide)
{
  Section s = { SECTION_VIEW, g_strdup (title), NULL, landscape, 0, 0 };
  SocPrintOptions print;

  soc_print_options_init (&print);
  print.fit = SOC_PAGE_FIT_WIDE;
  print.pages_wide = MAX (pages_wide, 1);
  print.printed = r->printed_time;
  s.job = soc_print_job_new_for_printable (r->document, printable, &print,
                                           landscape ? MAX (r->width, r->height) : r->width,
                                           landscape ? MIN (r->width, r->height) : r->height);
  s.n_pages = soc_print_job_get_n_pages (s.job);
  g_array_append_val (sections, s);
}

/* The roadmap's lanes as bookmarks under PARENT, each to the first page
 * its lane shows on. */
static void
outline_lanes (cairo_surface_t *pdf,
               int              parent,
               const Section   *s)
{
  SocPagination *pagination = soc_print_job_get_pagination (s->job);
  SocRoadmapLayout *layout = soc_roadmap_printable_get_layout (SOC_ROADMAP_PRINTABLE (soc_print_job_get_printable (s->job)));
  guint page = 0;

  for (guint l = 0; l < soc_roadmap_layout_get_n_lanes (layout); l++)
    {
      const SocRoadmapLane *lane = soc_roadmap_layout_get_lane (layout, l);
      const char *title = soc_lane_get_title (lane->lane);
      g_autofree char *link = NULL;

      /* The first page down whose rows reach the lane. */
      while (page + soc_pagination_get_n_columns (pagination) < soc_pagination_get_n_pages (pagination))
        {
          const SocPage *pg = soc_pagination_get_page (pagination, page);

          if (pg->content.y + pg->content.height > lane->band.y)
            break;
          page += soc_pagination_get_n_columns (pagination);
        }
      link = g_strdup_printf ("page=%u", s->first + page);
      cairo_pdf_surface_add_outline (pdf, parent, title != NULL && title[0] ? title : _("Untitled lane"), link, 0);
    }
}

/* Paints DOCUMENT's report into PDF, a PDF surface, page after page; each
 * page is sized as it comes. N_PAGES gets how many there are. */
gboolean
soc_report_paint (SocDocument            *document,
                  const SocExportOptions *options,
                  cairo_surface_t        *pdf,
                  guint                  *n_pages,
                  GCancellable           *cancellable,
                  GError                **error)
{
  Report r = { document, NULL, NULL, NULL, 0, options->printed, 0, 0, 0 };
  g_autoptr(GArray) sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *day = NULL;
  double pw, ph, m = SOC_EXPORT_MARGIN;
  guint page = 1;
  cairo_t *cr;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), FALSE);
  g_array_set_clear_func (sections, clear_section);

  now = options->printed != 0 ? g_date_time_new_from_unix_utc (options->printed) : soc_print_time_now ();
  r.today = soc_date_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now), g_date_time_get_day_of_month (now));
  day = g_date_time_format (now, _("%e %B %Y"));
  r.printed = g_strdup_printf (_("Printed %s"), g_strstrip (day));
  r.checklist = soc_checklist_evaluate (document, r.today);
  r.text = soc_text_new (NULL);
  soc_paper_get_size (options->paper, options->landscape, &pw, &ph);
  r.width = pw - 2 * m;
  r.height = ph - 2 * m;

  /* The parts, and how many pages each takes. */
  {
    Section title = { SECTION_TITLE, g_strdup (soc_plan_get_title (soc_document_get_plan (document))), NULL, FALSE, 0, 1 };
    Section vision = { SECTION_VISION, g_strdup (_("Vision")), NULL, FALSE, 0, 1 };
    g_autoptr(SocPrintable) tree = SOC_PRINTABLE (soc_goal_printable_new (document, SOC_GOAL_LEFT_RIGHT, r.text));
    g_autoptr(SocPrintable) goals = soc_goal_outline_new (document);
    g_autoptr(SocPrintable) roadmap = SOC_PRINTABLE (soc_roadmap_printable_new (document, options->from, options->to, r.today));
    g_autoptr(SocPrintable) map = SOC_PRINTABLE (soc_map_printable_new (document, NULL, TRUE, NULL));
    g_autoptr(SocPrintable) stakeholders = soc_stakeholder_table_new (document);
    g_autoptr(SocPrintable) factors = soc_checklist_table_new (document, r.checklist);
    g_autoptr(SocPrintable) curriculum = soc_curriculum_table_new (document, r.checklist);

    if (title.title == NULL || title.title[0] == '\0')
      {
        g_free (title.title);
        title.title = g_strdup (_("Untitled plan"));
      }
    g_array_append_val (sections, title);
    g_array_append_val (sections, vision);
    /* The pictures, each before its table. */
    add_view (&r, sections, tree, _("Goal tree"), options->landscape, 1);
    add_view (&r, sections, goals, _("Goal outline"), options->landscape, 1);
    add_view (&r, sections, roadmap, _("Roadmap"), TRUE, options->pages_wide);
    add_view (&r, sections, map, _("Stakeholder map"), options->landscape, 1);
    add_view (&r, sections, stakeholders, _("Stakeholders"), options->landscape, 1);
    add_view (&r, sections, factors, _("Success factors"), options->landscape, 1);
    add_view (&r, sections, curriculum, _("Curriculum"), TRUE, 1);
  }
  for (guint i = 0; i < sections->len; i++)
    {
      Section *s = &g_array_index (sections, Section, i);

      s->first = page;
      page += s->n_pages;
    }
  r.total = page - 1;

  cr = cairo_create (pdf);
  for (guint i = 0; i < sections->len; i++)
    {
      Section *s = &g_array_index (sections, Section, i);
      double w = s->landscape ? MAX (pw, ph) : pw, h = s->landscape ? MIN (pw, ph) : ph;

      if (s->job != NULL)
        soc_print_job_set_numbering (s->job, s->first, r.total);
      for (guint k = 0; k < s->n_pages; k++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              cairo_destroy (cr);
              soc_text_unref (r.text);
              soc_checklist_unref (r.checklist);
              g_free (r.printed);
              return FALSE;
            }
          cairo_pdf_surface_set_size (pdf, w, h);
          cairo_save (cr);
          cairo_translate (cr, m, m);
          switch (s->kind)
            {
            case SECTION_TITLE:
              paint_title_page (&r, cr);
              plain_footer (&r, cr, s->first);
              break;
            case SECTION_VISION:
              paint_vision_page (&r, cr);
              plain_footer (&r, cr, s->first);
              break;
            case SECTION_VIEW:
            default:
              soc_print_job_paint_page (s->job, cr, k);
              break;
            }
          cairo_restore (cr);
          cairo_show_page (cr);
        }
    }
  cairo_destroy (cr);

  /* Bookmarks, and what the file is. */
  for (guint i = 0; i < sections->len; i++)
    {
      const Section *s = &g_array_index (sections, Section, i);
      g_autofree char *link = g_strdup_printf ("page=%u", s->first);
      int id = cairo_pdf_surface_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, s->title, link,
                                              CAIRO_PDF_OUTLINE_FLAG_OPEN);

      if (s->job != NULL && SOC_IS_ROADMAP_PRINTABLE (soc_print_job_get_printable (s->job)))
        outline_lanes (pdf, id, s);
    }
  _soc_export_set_metadata (pdf, document, _("Social business plan report"), options->printed);

  if (n_pages != NULL)
    *n_pages = r.total;
  soc_text_unref (r.text);
  soc_checklist_unref (r.checklist);
  g_free (r.printed);
  return TRUE;
}
