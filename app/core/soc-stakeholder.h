/* soc-stakeholder.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-object.h"
#include "soc-enums.h"

G_BEGIN_DECLS

#define SOC_TYPE_STAKEHOLDER (soc_stakeholder_get_type ())

G_DECLARE_FINAL_TYPE (SocStakeholder, soc_stakeholder, SOC, STAKEHOLDER, SocObject)

SocStakeholder *soc_stakeholder_new          (SocStakeholderKind kind);
SocStakeholderKind soc_stakeholder_get_kind  (SocStakeholder *self);
const char     *soc_stakeholder_get_name     (SocStakeholder *self);
SocProfile      soc_stakeholder_get_profile  (SocStakeholder *self);
SocStance       soc_stakeholder_get_stance   (SocStakeholder *self);
SocStance       soc_stakeholder_get_desired_stance (SocStakeholder *self);
SocRoles        soc_stakeholder_get_roles    (SocStakeholder *self);
int             soc_stakeholder_get_influence (SocStakeholder *self);
int             soc_stakeholder_get_interest (SocStakeholder *self);

G_END_DECLS
