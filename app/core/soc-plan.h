/* soc-plan.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-object.h"


G_BEGIN_DECLS

#define SOC_TYPE_PLAN (soc_plan_get_type ())

G_DECLARE_FINAL_TYPE (SocPlan, soc_plan, SOC, PLAN, SocObject)

/* The plan's properties: one per document. */
SocPlan    *soc_plan_new               (void);
const char *soc_plan_get_uid           (SocPlan *self);
const char *soc_plan_get_title         (SocPlan *self);
const char *soc_plan_get_organisation  (SocPlan *self);
const char *soc_plan_get_vision        (SocPlan *self);
guint       soc_plan_get_horizon_start (SocPlan *self);
guint       soc_plan_get_horizon_end   (SocPlan *self);

G_END_DECLS
