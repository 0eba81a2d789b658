/* soc-plan-tables.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The goal tree as an outline, the stakeholders grouped by the power and
 * interest grid, the checklist with its evidence and the strategist's
 * judgements, and the curriculum matrix: each a SocTablePrintable, for
 * printing, export and the plan report. Nothing here recurses on the
 * depth of the goal tree.
 */

#define G_LOG_DOMAIN "soc-plan-tables"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "soc-date.h"
#include "soc-enum-types.h"
#include "soc-palette.h"
#include "soc-plan-tables.h"
#include "soc-table-printable.h"

#define MAX_FAILING_LISTED 8
/* Influence and interest from this percentage up count as high, as on the
 * stakeholder map's grid. */
#define GRID_HIGH 50

/* A day as a printed page shows it: "5 Mar 2026". */
char *
soc_print_format_day (guint date)
{
  int y, m, d;
  GDate g;
  char buf[64];

  if (date == 0)
    return g_strdup ("");
  soc_date_to_ymd (date, &y, &m, &d);
  g_date_clear (&g, 1);
  g_date_set_dmy (&g, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  /* Translators: strftime format of a day on a printed page */
  if (g_date_strftime (buf, sizeof buf, _("%e %b %Y"), &g) == 0)
    return soc_date_to_string (date);
  return g_strstrip (g_strdup (buf));
}

/* Met, partly met and not met, in colours that stay apart in greyscale. */
SocColor
soc_print_state_color (SocFactorState state)
{
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);

  switch (state)
    {
    case SOC_FACTOR_STATE_MET:
      return p->success;
    case SOC_FACTOR_STATE_PARTLY:
      return (SocColor) { 0.90, 0.65, 0.04, 1 };
    case SOC_FACTOR_STATE_NOT_MET:
    default:
      return p->error;
    }
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (buf, sizeof buf, "%g", value);
  return g_strdup (buf);
}

/* VALUE with UNIT, as "41 %" or "84 days". */
static char *
with_unit (double      value,
           const char *unit)
{
  g_autofree char *number = format_number (value);

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);
  /* Translators: a measured value and its unit, as in "84 days" */
  return g_strdup_printf (_("%s %s"), number, unit);
}

/* ------------------------------------------------------------------------ */
/* The goal outline                                                         */

/* "Target 70 % by 30 Nov 2028", and under it where the metric started
 * and stands, for a metric; nothing for other goals. */
static void
describe_measure (SocGoal  *goal,
                  char    **text,
                  char    **detail)
{
  g_autofree char *unit = NULL;
  double baseline, target, current, progress;
  guint due;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  *text = *detail = NULL;
  if (soc_goal_get_kind (goal) != SOC_GOAL_KIND_METRIC)
    return;
  g_object_get (goal, "unit", &unit, "baseline", &baseline, "target", &target, "target-date", &due,
                "current", &current, NULL);

  if (isnan (target))
    *text = g_strdup (_("No target yet"));
  else
    {
      g_autofree char *t = with_unit (target, unit);
      g_autofree char *day = soc_print_format_day (due);

      /* Translators: a metric's target and the day it is due */
      *text = due != 0 ? g_strdup_printf (_("Target %s by %s"), t, day) : g_strdup_printf (_("Target %s"), t);
    }
  if (!isnan (baseline))
    {
      g_autofree char *b = with_unit (baseline, unit);
      /* Translators: where a metric started */
      g_ptr_array_add (parts, g_strdup_printf (_("baseline %s"), b));
    }
  if (!isnan (current))
    {
      g_autofree char *c = with_unit (current, unit);
      /* Translators: where a metric stands now */
      g_ptr_array_add (parts, g_strdup_printf (_("now %s"), c));
    }
  progress = soc_goal_get_progress (goal);
  if (!isnan (progress))
    /* Translators: how far a metric has come from its baseline to its target */
    g_ptr_array_add (parts, g_strdup_printf (_("%d %% of the way"), (int) round (progress * 100)));
  if (parts->len > 0)
    {
      g_ptr_array_add (parts, NULL);
      *detail = g_strjoinv (" · ", (char **) parts->pdata);
    }
}

typedef struct
{
  SocTablePrintable *table;
  GHashTable        *depth;   /* SocGoal -> depth + 1 */
} OutlineBuilder;

static void
add_goal (gpointer data,
          gpointer user_data)
{
  SocGoal *goal = data;
  OutlineBuilder *b = user_data;
  SocGoal *parent = soc_goal_get_parent (goal);
  guint depth = parent != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (b->depth, parent)) : 0;
  SocStakeholder *owner = soc_goal_get_owner (goal);
  SocColor colour = soc_palette_goal_color (soc_palette_get (SOC_PALETTE_PRINT), soc_goal_get_kind (goal));
  g_autofree char *description = NULL;
  g_autofree char *measure = NULL;
  g_autofree char *progress = NULL;
  int status;
  guint row;

  /* Parents come before their children: the depth is the parent's plus one. */
  g_hash_table_insert (b->depth, goal, GUINT_TO_POINTER (depth + 1));
  g_object_get (goal, "description", &description, "status", &status, NULL);
  describe_measure (goal, &measure, &progress);

  row = soc_table_printable_add_row (b->table);
  soc_table_printable_set_text (b->table, row, 0, soc_goal_get_title (goal), description);
  soc_table_printable_set_mark (b->table, row, 0, SOC_LEGEND_SQUARE, &colour);
  soc_table_printable_set_indent (b->table, row, 0, depth);
  soc_table_printable_set_text (b->table, row, 1, soc_enum_to_label (SOC_TYPE_GOAL_KIND, soc_goal_get_kind (goal)), NULL);
  soc_table_printable_set_text (b->table, row, 2, soc_enum_to_label (SOC_TYPE_GOAL_STATUS, status), NULL);
  soc_table_printable_set_text (b->table, row, 3, owner != NULL ? soc_stakeholder_get_name (owner) : NULL, NULL);
  soc_table_printable_set_text (b->table, row, 4, measure, progress);
}

/* The goal tree as an outline: each goal under its parent, indented, with
 * its kind, status, owner and, for a metric, its target and progress. */
SocPrintable *
soc_goal_outline_new (SocDocument *document)
{
  const SocTableColumn columns[] = {
    { _("Goal"), 3.2, 0, FALSE },
    { _("Kind"), 0.9, 0, FALSE },
    { _("Status"), 0.8, 0, FALSE },
    { _("Owner"), 1.1, 0, FALSE },
    { _("Measure"), 1.6, 0, FALSE },
  };
  SocTablePrintable *table = soc_table_printable_new (_("Goal outline"), columns, G_N_ELEMENTS (columns));
  g_autoptr(GHashTable) depth = g_hash_table_new (NULL, NULL);
  OutlineBuilder b = { table, depth };
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  g_autofree char *count = NULL;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  soc_document_foreach_goal (document, add_goal, &b);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal", "%u goals", g_hash_table_size (depth)),
                           g_hash_table_size (depth));
  soc_table_printable_set_range (table, count);
  soc_table_printable_set_empty (table, _("The plan has no goals yet."));

  soc_table_printable_add_legend (table, SOC_LEGEND_HEADING, NULL, NULL, _("Kinds"));
  for (int k = SOC_GOAL_KIND_VISION; k <= SOC_GOAL_KIND_METRIC; k++)
    {
      SocColor c = soc_palette_goal_color (p, k);
      soc_table_printable_add_legend (table, SOC_LEGEND_SQUARE, &c, &c, soc_enum_to_label (SOC_TYPE_GOAL_KIND, k));
    }
  return SOC_PRINTABLE (table);
}

/* ------------------------------------------------------------------------ */
/* The stakeholders                                                         */

typedef enum {
  MANAGE_CLOSELY,
  KEEP_SATISFIED,
  KEEP_INFORMED,
  MONITOR,
  N_QUADRANTS
} Quadrant;

static Quadrant
quadrant_of (SocStakeholder *s)
{
  gboolean power = soc_stakeholder_get_influence (s) >= GRID_HIGH;
  gboolean interest = soc_stakeholder_get_interest (s) >= GRID_HIGH;

  return power ? (interest ? MANAGE_CLOSELY : KEEP_SATISFIED) : (interest ? KEEP_INFORMED : MONITOR);
}

static int
compare_influence (gconstpointer a,
                   gconstpointer b)
{
  SocStakeholder *sa = *(SocStakeholder **) a, *sb = *(SocStakeholder **) b;
  int ka = soc_stakeholder_get_influence (sa) + soc_stakeholder_get_interest (sa);
  int kb = soc_stakeholder_get_influence (sb) + soc_stakeholder_get_interest (sb);

  return kb - ka;
}

/* The stakeholders in the four parts of the power and interest grid, the
 * most influential and interested first, each with its profile, stance
 * (and the one wanted), roles and planned engagement. */
SocPrintable *
soc_stakeholder_table_new (SocDocument *document)
{
  const SocTableColumn columns[] = {
    { _("Stakeholder"), 2.0, 0, FALSE },
    { _("Profile"), 1.25, 0, FALSE },
    { _("Stance"), 1.15, 0, FALSE },
    { _("Influence, interest"), 1.05, 0, FALSE },
    { _("Roles"), 1.1, 0, FALSE },
    { _("Planned engagement"), 1.75, 0, FALSE },
  };
  const char *titles[N_QUADRANTS] = {
    N_("Manage closely"), N_("Keep satisfied"), N_("Keep informed"), N_("Monitor"),
  };
  const char *details[N_QUADRANTS] = {
    N_("Much influence and much interest"), N_("Much influence, less interest"),
    N_("Much interest, less influence"), N_("Less influence and less interest"),
  };
  SocTablePrintable *table = soc_table_printable_new (_("Stakeholders"), columns, G_N_ELEMENTS (columns));
  GListModel *list = soc_document_get_stakeholders (document);
  GPtrArray *groups[N_QUADRANTS];
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  guint n = g_list_model_get_n_items (list);
  g_autofree char *count = NULL;

  for (guint q = 0; q < N_QUADRANTS; q++)
    groups[q] = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      SocStakeholder *s = g_list_model_get_item (list, i);
      g_ptr_array_add (groups[quadrant_of (s)], s);
    }

  for (guint q = 0; q < N_QUADRANTS; q++)
    {
      if (groups[q]->len == 0)
        continue;
      g_ptr_array_sort (groups[q], compare_influence);
      soc_table_printable_add_group (table, _(titles[q]), _(details[q]));
      for (guint i = 0; i < groups[q]->len; i++)
        {
          SocStakeholder *s = g_ptr_array_index (groups[q], i);
          SocColor stance = soc_palette_stance_color (p, soc_stakeholder_get_stance (s));
          g_autofree char *department = NULL;
          g_autofree char *engagement = NULL;
          g_autofree char *roles = NULL;
          g_autofree char *grid = NULL;
          g_autofree char *wanted = NULL;
          int desired;
          guint row = soc_table_printable_add_row (table);
          GString *r = g_string_new (NULL);

          g_object_get (s, "department", &department, "engagement", &engagement, "desired-stance", &desired, NULL);
          for (guint bit = 0; bit < 4; bit++)
            if (soc_stakeholder_get_roles (s) & (1u << bit))
              {
                if (r->len > 0)
                  g_string_append (r, ", ");
                g_string_append (r, soc_enum_to_label (SOC_TYPE_ROLES, (int) (1u << bit)));
              }
          roles = g_string_free (r, FALSE);
          /* Translators: a stakeholder's influence and interest, in percent */
          grid = g_strdup_printf (_("%d %%, %d %%"), soc_stakeholder_get_influence (s), soc_stakeholder_get_interest (s));
          if (desired != (int) soc_stakeholder_get_stance (s))
            /* Translators: the stance the plan wants a stakeholder to come to */
            wanted = g_strdup_printf (_("wanted: %s"), soc_enum_to_label (SOC_TYPE_STANCE, desired));

          soc_table_printable_set_text (table, row, 0, soc_stakeholder_get_name (s), department);
          soc_table_printable_set_mark (table, row, 0, SOC_LEGEND_DOT, &stance);
          soc_table_printable_set_text (table, row, 1, soc_enum_to_label (SOC_TYPE_PROFILE, soc_stakeholder_get_profile (s)), NULL);
          soc_table_printable_set_text (table, row, 2, soc_enum_to_label (SOC_TYPE_STANCE, soc_stakeholder_get_stance (s)), wanted);
          soc_table_printable_set_text (table, row, 3, grid, NULL);
          soc_table_printable_set_text (table, row, 4, roles, NULL);
          soc_table_printable_set_text (table, row, 5, engagement, NULL);
        }
    }

  for (guint q = 0; q < N_QUADRANTS; q++)
    g_ptr_array_unref (groups[q]);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stakeholder", "%u stakeholders", n), n);
  soc_table_printable_set_range (table, count);
  soc_table_printable_set_empty (table, _("The plan has no stakeholders yet."));
  soc_table_printable_add_legend (table, SOC_LEGEND_HEADING, NULL, NULL, _("Stances"));
  for (int s = SOC_STANCE_CHAMPION; s <= SOC_STANCE_BLOCKER; s++)
    {
      SocColor c = soc_palette_stance_color (p, s);
      soc_table_printable_add_legend (table, SOC_LEGEND_DOT, &c, &c, soc_enum_to_label (SOC_TYPE_STANCE, s));
    }
  return SOC_PRINTABLE (table);
}

/* ------------------------------------------------------------------------ */
/* The checklist                                                            */

/* The labels of the objects that fail FACTOR, the first few of them. */
static char *
failing_text (SocDocument  *document,
              SocChecklist *checklist,
              SocFactor     factor)
{
  guint n;
  const char * const *ids = soc_checklist_get_failing (checklist, factor, &n);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n && i < MAX_FAILING_LISTED; i++)
    {
      SocObject *o = soc_document_lookup (document, ids[i]);

      if (s->len > 0)
        g_string_append (s, "\n");
      g_string_append (s, o != NULL ? soc_object_get_label (o) : ids[i]);
    }
  if (n > MAX_FAILING_LISTED)
    {
      g_string_append (s, "\n");
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", n - MAX_FAILING_LISTED),
                              n - MAX_FAILING_LISTED);
    }
  return g_string_free (s, FALSE);
}

/* The seven success factors: for each, the state (the strategist's where
 * they judged it, with what the plan says beside it), the evidence, the
 * judgement's note and what fails it; then the field's figures. */
SocPrintable *
soc_checklist_table_new (SocDocument  *document,
                         SocChecklist *checklist)
{
  const SocTableColumn columns[] = {
    { _("Success factor"), 2.6, 0, FALSE },
    { _("State"), 1.0, 0, FALSE },
    { _("The strategist’s judgement"), 1.8, 0, FALSE },
    { _("Not yet meeting it"), 1.8, 0, FALSE },
  };
  SocTablePrintable *table = soc_table_printable_new (_("Success factors"), columns, G_N_ELEMENTS (columns));
  g_autofree char *score = soc_checklist_format_score (checklist);
  guint row;

  for (int f = 0; f < SOC_N_FACTORS; f++)
    {
      SocFactorState plan_state = soc_checklist_get_state (checklist, f);
      SocFactorState state = soc_checklist_get_effective_state (checklist, f);
      SocColor colour = soc_print_state_color (state);
      const char *note = NULL;
      g_autofree char *says = NULL;
      g_autofree char *failing = failing_text (document, checklist, f);
      gboolean judged = soc_checklist_get_override (checklist, f, NULL, &note);

      if (judged && plan_state != state)
        /* Translators: under a factor's state when the strategist judged it otherwise */
        says = g_strdup_printf (_("The plan says: %s"), soc_enum_to_label (SOC_TYPE_FACTOR_STATE, plan_state));

      row = soc_table_printable_add_row (table);
      soc_table_printable_set_text (table, row, 0, soc_enum_to_label (SOC_TYPE_FACTOR, f),
                                    soc_checklist_get_evidence (checklist, f));
      soc_table_printable_set_mark (table, row, 1, SOC_LEGEND_DOT, &colour);
      soc_table_printable_set_text (table, row, 1, soc_enum_to_label (SOC_TYPE_FACTOR_STATE, state), says);
      soc_table_printable_set_text (table, row, 2,
                                    judged ? (note != NULL && note[0] ? note : _("Judged without a note")) : NULL,
                                    judged ? NULL : _("Not judged"));
      soc_table_printable_set_text (table, row, 3, failing, NULL);
    }

  row = soc_table_printable_add_group (table, _("Figures beside the factors"), NULL);
  row = soc_table_printable_add_row (table);
  soc_table_printable_set_text (table, row, 0, _("Social work tied to business outcomes by a metric"),
                                soc_checklist_get_metrics_text (checklist));
  row = soc_table_printable_add_row (table);
  soc_table_printable_set_text (table, row, 0, _("Technology’s share of the roadmap"),
                                soc_checklist_get_technology_text (checklist));

  soc_table_printable_set_range (table, score);
  soc_table_printable_add_legend (table, SOC_LEGEND_HEADING, NULL, NULL, _("States"));
  for (int s = SOC_FACTOR_STATE_MET; s <= SOC_FACTOR_STATE_NOT_MET; s++)
    {
      SocColor c = soc_print_state_color (s);
      soc_table_printable_add_legend (table, SOC_LEGEND_DOT, &c, &c, soc_enum_to_label (SOC_TYPE_FACTOR_STATE, s));
    }
  return SOC_PRINTABLE (table);
}

/* ------------------------------------------------------------------------ */
/* The curriculum                                                           */

/* Which of the ten topics each profile on the map gets from the roadmap's
 * education items, and which it needs and does not get yet: a topic a
 * row, a profile a column, so that every name reads whole. */
SocPrintable *
soc_curriculum_table_new (SocDocument  *document,
                          SocChecklist *checklist)
{
  SocTableColumn columns[1 + SOC_N_PROFILES];
  int profiles[SOC_N_PROFILES];
  guint n_profiles = 0, n_gaps = 0, row;
  SocTablePrintable *table;
  const SocPalette *p = soc_palette_get (SOC_PALETTE_PRINT);
  SocProfiles present = soc_checklist_get_profiles_present (checklist);
  SocProfiles reached = soc_checklist_get_profiles_reached (checklist);
  SocColor given = p->success, missing = p->error, extra = { 0.55, 0.55, 0.55, 1 };
  g_autofree char *range = NULL;

  columns[0] = (SocTableColumn) { _("Topic"), 2.0, 0, FALSE };
  for (int prof = SOC_PROFILE_LEADERSHIP; prof <= SOC_PROFILE_CUSTOMERS; prof++)
    if (present & (1u << prof))
      {
        profiles[n_profiles] = prof;
        columns[1 + n_profiles] = (SocTableColumn) { soc_enum_to_label (SOC_TYPE_PROFILE, prof), 1, 0, TRUE };
        n_profiles++;
      }
  table = soc_table_printable_new (_("Curriculum"), columns, 1 + n_profiles);

  if (n_profiles > 0)
    {
      for (guint t = 0; t < SOC_N_TOPICS; t++)
        {
          guint bit = 1u << t;

          row = soc_table_printable_add_row (table);
          soc_table_printable_set_text (table, row, 0, soc_enum_to_label (SOC_TYPE_TOPICS, (int) bit), NULL);
          for (guint c = 0; c < n_profiles; c++)
            {
              SocTopics got = soc_checklist_get_topics_given (checklist, profiles[c]);
              SocTopics needs = soc_checklist_get_topics_needed (checklist, profiles[c]);

              if ((got & bit) && (needs & bit))
                soc_table_printable_set_mark (table, row, 1 + c, SOC_LEGEND_DOT, &given);
              else if (got & bit)
                soc_table_printable_set_mark (table, row, 1 + c, SOC_LEGEND_DOT, &extra);
              else if (needs & bit)
                {
                  soc_table_printable_set_mark (table, row, 1 + c, SOC_LEGEND_RING, &missing);
                  n_gaps++;
                }
            }
        }

      /* Whether any education item reaches each profile at all. */
      row = soc_table_printable_add_group (table, _("Reached by the roadmap’s education at all"), NULL);
      row = soc_table_printable_add_row (table);
      soc_table_printable_set_text (table, row, 0, _("Some education item has them in its audience"), NULL);
      for (guint c = 0; c < n_profiles; c++)
        {
          gboolean yes = (reached & (1u << profiles[c])) != 0;

          soc_table_printable_set_mark (table, row, 1 + c, yes ? SOC_LEGEND_DOT : SOC_LEGEND_RING, yes ? &given : &missing);
        }
    }

  range = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic still needed", "%u topics still needed", n_gaps), n_gaps);
  soc_table_printable_set_range (table, range);
  soc_table_printable_set_empty (table, _("No stakeholders on the map yet: no profile to teach."));
  soc_table_printable_add_legend (table, SOC_LEGEND_HEADING, NULL, NULL, _("Marks"));
  soc_table_printable_add_legend (table, SOC_LEGEND_DOT, &given, &given, _("Given, and needed"));
  soc_table_printable_add_legend (table, SOC_LEGEND_DOT, &extra, &extra, _("Given"));
  soc_table_printable_add_legend (table, SOC_LEGEND_RING, &missing, &missing, _("Needed, not given yet"));
  return SOC_PRINTABLE (table);
}
