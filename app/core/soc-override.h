/* soc-override.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-object.h"
#include "soc-enums.h"

G_BEGIN_DECLS

#define SOC_TYPE_OVERRIDE (soc_override_get_type ())

G_DECLARE_FINAL_TYPE (SocOverride, soc_override, SOC, OVERRIDE, SocObject)

SocOverride    *soc_override_new       (SocFactor       factor,
                                        SocFactorState  state);
SocFactor       soc_override_get_factor (SocOverride   *self);
SocFactorState  soc_override_get_state  (SocOverride   *self);
const char     *soc_override_get_note   (SocOverride   *self);

G_END_DECLS
