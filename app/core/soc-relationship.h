/* soc-relationship.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-object.h"
#include "soc-enums.h"
#include "soc-stakeholder.h"

G_BEGIN_DECLS

#define SOC_TYPE_RELATIONSHIP (soc_relationship_get_type ())

G_DECLARE_FINAL_TYPE (SocRelationship, soc_relationship, SOC, RELATIONSHIP, SocObject)

SocRelationship *soc_relationship_new      (SocRelationKind  kind,
                                           SocStakeholder  *from,
                                           SocStakeholder  *to);
SocRelationKind  soc_relationship_get_kind (SocRelationship *self);
SocStakeholder  *soc_relationship_get_from (SocRelationship *self);
SocStakeholder  *soc_relationship_get_to   (SocRelationship *self);

G_END_DECLS
