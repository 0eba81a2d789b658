/* soc-relationship.c: a tie between two stakeholders
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-relationship"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "soc-enum-types.h"
#include "soc-model-private.h"

G_DEFINE_FINAL_TYPE (SocRelationship, soc_relationship, SOC_TYPE_OBJECT)

static const SocField relationship_fields[] = {
  SOC_F (SocRelationship, kind, "kind", SOC_FIELD_ENUM, soc_relation_kind_get_type, 0, 0,
         SOC_RELATION_KIND_REPORTS_TO, 0, NULL, N_("Change the kind of “%s”"), N_("kind")),
  SOC_F (SocRelationship, from, "from", SOC_FIELD_REF, soc_stakeholder_get_type, 0, 0, 0,
         SOC_FIELD_REQUIRED, NULL, N_("Change who “%s” starts from"), N_("from")),
  SOC_F (SocRelationship, to, "to", SOC_FIELD_REF, soc_stakeholder_get_type, 0, 0, 0,
         SOC_FIELD_REQUIRED, NULL, N_("Change who “%s” leads to"), N_("to")),
};

static void
soc_relationship_class_init (SocRelationshipClass *klass)
{
  soc_object_class_install_fields (SOC_OBJECT_CLASS (klass), "relationship", "r",
                                   relationship_fields, G_N_ELEMENTS (relationship_fields), NULL);
}

static void
soc_relationship_init (SocRelationship *self)
{
}

SocRelationship *
soc_relationship_new (SocRelationKind  kind,
                      SocStakeholder  *from,
                      SocStakeholder  *to)
{
  SocRelationship *self = g_object_new (SOC_TYPE_RELATIONSHIP, NULL);

  self->kind = kind;
  self->from = from;
  self->to = to;
  return self;
}

SocRelationKind
soc_relationship_get_kind (SocRelationship *self)
{
  g_return_val_if_fail (SOC_IS_RELATIONSHIP (self), 0);
  return self->kind;
}

SocStakeholder *
soc_relationship_get_from (SocRelationship *self)
{
  g_return_val_if_fail (SOC_IS_RELATIONSHIP (self), NULL);
  return self->from;
}

SocStakeholder *
soc_relationship_get_to (SocRelationship *self)
{
  g_return_val_if_fail (SOC_IS_RELATIONSHIP (self), NULL);
  return self->to;
}
