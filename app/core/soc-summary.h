/* soc-summary.h: what a plan says about one object, for views to show
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"

G_BEGIN_DECLS

typedef struct
{
  guint goals;          /* sub-goals */
  guint items;          /* roadmap items in a lane */
  guint relationships;  /* a stakeholder's relationships */
} SocDeleteCount;

GPtrArray *soc_summary_relationships_of (SocDocument     *document,
                                         SocStakeholder  *stakeholder);
GPtrArray *soc_summary_owned_by         (SocDocument     *document,
                                         SocStakeholder  *stakeholder);
void       soc_summary_count_delete     (SocDocument     *document,
                                         SocObject       *object,
                                         SocDeleteCount  *count);
char      *soc_summary_describe_delete  (SocDocument     *document,
                                         SocObject       *object);

G_END_DECLS
