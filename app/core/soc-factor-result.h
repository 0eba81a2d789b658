/* soc-factor-result.h: one success factor's result, for views to bind to
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-checklist.h"

G_BEGIN_DECLS

#define SOC_TYPE_FACTOR_RESULT (soc_factor_result_get_type ())

G_DECLARE_FINAL_TYPE (SocFactorResult, soc_factor_result, SOC, FACTOR_RESULT, GObject)

SocFactorResult    *soc_factor_result_new                (SocFactor        factor);
gboolean            soc_factor_result_update             (SocFactorResult *self,
                                                          SocChecklist    *checklist);

SocFactor           soc_factor_result_get_factor         (SocFactorResult *self);
const char         *soc_factor_result_get_id             (SocFactorResult *self);
const char         *soc_factor_result_get_title          (SocFactorResult *self);
SocFactorState      soc_factor_result_get_state          (SocFactorResult *self);
double              soc_factor_result_get_score          (SocFactorResult *self);
const char         *soc_factor_result_get_evidence       (SocFactorResult *self);
const char * const *soc_factor_result_get_failing_ids    (SocFactorResult *self);
const char         *soc_factor_result_get_failing_reason (SocFactorResult *self,
                                                          guint            index);
gboolean            soc_factor_result_get_has_override   (SocFactorResult *self);
SocFactorState      soc_factor_result_get_override_state (SocFactorResult *self);
const char         *soc_factor_result_get_override_note  (SocFactorResult *self);
SocFactorState      soc_factor_result_get_effective_state (SocFactorResult *self);

G_END_DECLS
