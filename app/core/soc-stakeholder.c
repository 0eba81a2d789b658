/* soc-stakeholder.c: a person or group on the stakeholder map
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-stakeholder"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "soc-enum-types.h"
#include "soc-model-private.h"

G_DEFINE_FINAL_TYPE (SocStakeholder, soc_stakeholder, SOC_TYPE_OBJECT)

#define S(m, n, k, t, min, max, def, u, l) SOC_F (SocStakeholder, m, n, k, t, min, max, def, 0, NULL, u, l)

static const SocField stakeholder_fields[] = {
  S (kind, "kind", SOC_FIELD_ENUM, soc_stakeholder_kind_get_type, 0, 0, SOC_STAKEHOLDER_KIND_PERSON,
     N_("Change the kind of “%s”"), N_("kind")),
  S (profile, "profile", SOC_FIELD_ENUM, soc_profile_get_type, 0, 0, SOC_PROFILE_OBSERVERS,
     N_("Change the profile of “%s”"), N_("profile")),
  S (influence, "influence", SOC_FIELD_INT, NULL, 0, 100, 0,
     N_("Change the influence of “%s”"), N_("influence")),
  S (interest, "interest", SOC_FIELD_INT, NULL, 0, 100, 0,
     N_("Change the interest of “%s”"), N_("interest")),
  S (stance, "stance", SOC_FIELD_ENUM, soc_stance_get_type, 0, 0, SOC_STANCE_NEUTRAL,
     N_("Change the stance of “%s”"), N_("stance")),
  S (desired_stance, "desired-stance", SOC_FIELD_ENUM, soc_stance_get_type, 0, 0, SOC_STANCE_NEUTRAL,
     N_("Change the stance wanted from “%s”"), N_("desired stance")),
  S (roles, "roles", SOC_FIELD_FLAGS, soc_roles_get_type, 0, 0, 0,
     N_("Change the roles of “%s”"), N_("roles")),
  S (topics, "topics", SOC_FIELD_FLAGS, soc_topics_get_type, 0, 0, 0,
     N_("Change the topics “%s” needs"), N_("topics")),
  S (name, "name", SOC_FIELD_TEXT, NULL, 0, 0, 0,
     N_("Rename “%s”"), N_("name")),
  S (department, "department", SOC_FIELD_TEXT, NULL, 0, 0, 0,
     N_("Change the department of “%s”"), N_("department")),
  S (engagement, "engagement", SOC_FIELD_TEXT, NULL, 0, 0, 0,
     N_("Change the engagement plan for “%s”"), N_("engagement")),
};

static void
soc_stakeholder_class_init (SocStakeholderClass *klass)
{
  soc_object_class_install_fields (SOC_OBJECT_CLASS (klass), "stakeholder", "s",
                                   stakeholder_fields, G_N_ELEMENTS (stakeholder_fields), "name");
}

static void
soc_stakeholder_init (SocStakeholder *self)
{
}

SocStakeholder *
soc_stakeholder_new (SocStakeholderKind kind)
{
  SocStakeholder *self = g_object_new (SOC_TYPE_STAKEHOLDER, NULL);

  self->kind = kind;
  return self;
}

SocStakeholderKind
soc_stakeholder_get_kind (SocStakeholder *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER (self), SOC_STAKEHOLDER_KIND_PERSON);
  return self->kind;
}

const char *
soc_stakeholder_get_name (SocStakeholder *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER (self), NULL);
  return self->name;
}

SocProfile
soc_stakeholder_get_profile (SocStakeholder *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER (self), SOC_PROFILE_OBSERVERS);
  return self->profile;
}

SocStance
soc_stakeholder_get_stance (SocStakeholder *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER (self), SOC_STANCE_NEUTRAL);
  return self->stance;
}

/* The stance the plan needs from this stakeholder. */
SocStance
soc_stakeholder_get_desired_stance (SocStakeholder *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER (self), SOC_STANCE_NEUTRAL);
  return self->desired_stance;
}

SocRoles
soc_stakeholder_get_roles (SocStakeholder *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER (self), 0);
  return self->roles;
}

int
soc_stakeholder_get_influence (SocStakeholder *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER (self), 0);
  return self->influence;
}

int
soc_stakeholder_get_interest (SocStakeholder *self)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER (self), 0);
  return self->interest;
}
