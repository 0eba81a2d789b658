/* soc-enums.c: tokens and labels of the plan's vocabularies
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-enums"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-enums.h"
#include "soc-enum-types.h"

/* Works for both GEnum and GFlags types: for flags, VALUE is one bit. */
const char *
soc_enum_to_nick (GType enum_type,
                  int   value)
{
  if (G_TYPE_IS_FLAGS (enum_type))
    {
      GFlagsClass *klass = g_type_class_peek (enum_type);
      GFlagsValue *fv;

      if (klass == NULL)
        klass = g_type_class_ref (enum_type);
      fv = g_flags_get_first_value (klass, (guint) value);
      return fv != NULL && fv->value == (guint) value ? fv->value_nick : NULL;
    }
  else
    {
      GEnumClass *klass = g_type_class_peek (enum_type);
      GEnumValue *ev;

      if (klass == NULL)
        klass = g_type_class_ref (enum_type);
      ev = g_enum_get_value (klass, value);
      return ev != NULL ? ev->value_nick : NULL;
    }
}

gboolean
soc_enum_from_nick (GType       enum_type,
                    const char *nick,
                    gsize       len,
                    int        *value)
{
  if (G_TYPE_IS_FLAGS (enum_type))
    {
      /* Held once, as soc_enum_to_nick() does: the reader asks per value. */
      GFlagsClass *klass = g_type_class_peek (enum_type);

      if (klass == NULL)
        klass = g_type_class_ref (enum_type);
      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *n = klass->values[i].value_nick;
          if (strncmp (n, nick, len) == 0 && n[len] == '\0')
            {
              *value = (int) klass->values[i].value;
              return TRUE;
            }
        }
    }
  else
    {
      GEnumClass *klass = g_type_class_peek (enum_type);

      if (klass == NULL)
        klass = g_type_class_ref (enum_type);
      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *n = klass->values[i].value_nick;
          if (strncmp (n, nick, len) == 0 && n[len] == '\0')
            {
              *value = klass->values[i].value;
              return TRUE;
            }
        }
    }

  return FALSE;
}

typedef struct {
  int value;
  const char *label;
} Label;

static const Label goal_kind_labels[] = {
  { SOC_GOAL_KIND_VISION, N_("Vision") },
  { SOC_GOAL_KIND_BUSINESS_OBJECTIVE, N_("Business objective") },
  { SOC_GOAL_KIND_SOCIAL_OBJECTIVE, N_("Social objective") },
  { SOC_GOAL_KIND_INITIATIVE, N_("Initiative") },
  { SOC_GOAL_KIND_METRIC, N_("Metric") },
  { -1, NULL }
};

static const Label goal_status_labels[] = {
  { SOC_GOAL_STATUS_PLANNED, N_("Planned") },
  { SOC_GOAL_STATUS_ON_TRACK, N_("On track") },
  { SOC_GOAL_STATUS_AT_RISK, N_("At risk") },
  { SOC_GOAL_STATUS_OFF_TRACK, N_("Off track") },
  { SOC_GOAL_STATUS_ACHIEVED, N_("Achieved") },
  { SOC_GOAL_STATUS_DROPPED, N_("Dropped") },
  { -1, NULL }
};

static const Label lane_kind_labels[] = {
  { SOC_LANE_KIND_CULTURE_EDUCATION, N_("Culture and education") },
  { SOC_LANE_KIND_GUIDELINES_GOVERNANCE, N_("Guidelines and governance") },
  { SOC_LANE_KIND_ADVOCACY, N_("Advocacy") },
  { SOC_LANE_KIND_LISTENING_ENGAGEMENT, N_("Listening and engagement") },
  { SOC_LANE_KIND_MEASUREMENT, N_("Measurement") },
  { SOC_LANE_KIND_TECHNOLOGY, N_("Technology") },
  { SOC_LANE_KIND_OTHER, N_("Other") },
  { -1, NULL }
};

static const Label item_kind_labels[] = {
  { SOC_ITEM_KIND_ACTIVITY, N_("Activity") },
  { SOC_ITEM_KIND_MILESTONE, N_("Milestone") },
  { -1, NULL }
};

static const Label recurrence_labels[] = {
  { SOC_RECURRENCE_NONE, N_("Once") },
  { SOC_RECURRENCE_WEEKLY, N_("Weekly") },
  { SOC_RECURRENCE_MONTHLY, N_("Monthly") },
  { SOC_RECURRENCE_QUARTERLY, N_("Quarterly") },
  { SOC_RECURRENCE_YEARLY, N_("Yearly") },
  { -1, NULL }
};

static const Label gate_labels[] = {
  { SOC_GATE_NONE, N_("None") },
  { SOC_GATE_STRATEGY, N_("Strategy and goals set") },
  { -1, NULL }
};

static const Label stakeholder_kind_labels[] = {
  { SOC_STAKEHOLDER_KIND_PERSON, N_("Person") },
  { SOC_STAKEHOLDER_KIND_GROUP, N_("Group") },
  { -1, NULL }
};

static const Label profile_labels[] = {
  { SOC_PROFILE_LEADERSHIP, N_("Leadership") },
  { SOC_PROFILE_MANAGEMENT, N_("Management") },
  { SOC_PROFILE_PRACTITIONERS, N_("Practitioners") },
  { SOC_PROFILE_INFRASTRUCTURE, N_("Infrastructure") },
  { SOC_PROFILE_OBSERVERS, N_("Observers") },
  { SOC_PROFILE_PARTNERS, N_("Partners") },
  { SOC_PROFILE_CUSTOMERS, N_("Customers") },
  { -1, NULL }
};

static const Label profiles_labels[] = {
  { SOC_PROFILES_LEADERSHIP, N_("Leadership") },
  { SOC_PROFILES_MANAGEMENT, N_("Management") },
  { SOC_PROFILES_PRACTITIONERS, N_("Practitioners") },
  { SOC_PROFILES_INFRASTRUCTURE, N_("Infrastructure") },
  { SOC_PROFILES_OBSERVERS, N_("Observers") },
  { SOC_PROFILES_PARTNERS, N_("Partners") },
  { SOC_PROFILES_CUSTOMERS, N_("Customers") },
  { -1, NULL }
};

static const Label stance_labels[] = {
  { SOC_STANCE_CHAMPION, N_("Champion") },
  { SOC_STANCE_SUPPORTER, N_("Supporter") },
  { SOC_STANCE_NEUTRAL, N_("Neutral") },
  { SOC_STANCE_SCEPTIC, N_("Sceptic") },
  { SOC_STANCE_BLOCKER, N_("Blocker") },
  { -1, NULL }
};

static const Label roles_labels[] = {
  { SOC_ROLES_EXECUTIVE_SPONSOR, N_("Executive sponsor") },
  { SOC_ROLES_ADVOCATE, N_("Advocate") },
  { SOC_ROLES_EVANGELIST, N_("Evangelist") },
  { SOC_ROLES_OWNER, N_("Owner") },
  { -1, NULL }
};

static const Label topics_labels[] = {
  { SOC_TOPICS_BUSINESS_CASE, N_("Social media and the business case") },
  { SOC_TOPICS_GOALS, N_("Organisational goals") },
  { SOC_TOPICS_CULTURE, N_("Cultural stance") },
  { SOC_TOPICS_GUIDELINES, N_("Guidelines and policies") },
  { SOC_TOPICS_ROLES, N_("Roles and responsibilities") },
  { SOC_TOPICS_PRESENCE, N_("Where we engage, and why") },
  { SOC_TOPICS_MEASUREMENT, N_("Measurement and accountability") },
  { SOC_TOPICS_INFORMATION_FLOW, N_("Information flow and escalation") },
  { SOC_TOPICS_TOOLS, N_("Systems and tools") },
  { SOC_TOPICS_FEEDBACK, N_("Feedback and improvement") },
  { -1, NULL }
};

static const Label relation_kind_labels[] = {
  { SOC_RELATION_KIND_REPORTS_TO, N_("Reports to") },
  { SOC_RELATION_KIND_INFLUENCES, N_("Influences") },
  { SOC_RELATION_KIND_MENTORS, N_("Mentors") },
  { -1, NULL }
};

static const Label factor_labels[] = {
  { SOC_FACTOR_ALIGNMENT, N_("Alignment with business objectives") },
  { SOC_FACTOR_LONG_TERM_VISION, N_("A long-term vision") },
  { SOC_FACTOR_EXECUTIVE_SUPPORT, N_("Key executive support") },
  { SOC_FACTOR_ROADMAP, N_("A roadmap with a timeline") },
  { SOC_FACTOR_EDUCATION, N_("Process discipline and ongoing education") },
  { SOC_FACTOR_STAFFING, N_("Proper staffing") },
  { SOC_FACTOR_TECHNOLOGY_LAST, N_("Technology only after strategy") },
  { -1, NULL }
};

static const Label factor_state_labels[] = {
  { SOC_FACTOR_STATE_MET, N_("Met") },
  { SOC_FACTOR_STATE_PARTLY, N_("Partly met") },
  { SOC_FACTOR_STATE_NOT_MET, N_("Not met") },
  { -1, NULL }
};

static const Label *
labels_for_type (GType type)
{
  if (type == SOC_TYPE_GOAL_KIND) return goal_kind_labels;
  if (type == SOC_TYPE_GOAL_STATUS) return goal_status_labels;
  if (type == SOC_TYPE_LANE_KIND) return lane_kind_labels;
  if (type == SOC_TYPE_ITEM_KIND) return item_kind_labels;
  if (type == SOC_TYPE_RECURRENCE) return recurrence_labels;
  if (type == SOC_TYPE_GATE) return gate_labels;
  if (type == SOC_TYPE_STAKEHOLDER_KIND) return stakeholder_kind_labels;
  if (type == SOC_TYPE_PROFILE) return profile_labels;
  if (type == SOC_TYPE_PROFILES) return profiles_labels;
  if (type == SOC_TYPE_STANCE) return stance_labels;
  if (type == SOC_TYPE_ROLES) return roles_labels;
  if (type == SOC_TYPE_TOPICS) return topics_labels;
  if (type == SOC_TYPE_RELATION_KIND) return relation_kind_labels;
  if (type == SOC_TYPE_FACTOR) return factor_labels;
  if (type == SOC_TYPE_FACTOR_STATE) return factor_state_labels;
  return NULL;
}

/* A translated, human label for one value (or one flag bit). */
const char *
soc_enum_to_label (GType enum_type,
                   int   value)
{
  const Label *labels = labels_for_type (enum_type);

  g_return_val_if_fail (labels != NULL, "");

  for (guint i = 0; labels[i].label != NULL; i++)
    if (labels[i].value == value)
      return _(labels[i].label);

  return "";
}
