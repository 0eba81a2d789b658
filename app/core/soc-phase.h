/* soc-phase.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-object.h"


G_BEGIN_DECLS

#define SOC_TYPE_PHASE (soc_phase_get_type ())

G_DECLARE_FINAL_TYPE (SocPhase, soc_phase, SOC, PHASE, SocObject)

SocPhase   *soc_phase_new       (void);
const char *soc_phase_get_title (SocPhase *self);
guint       soc_phase_get_start (SocPhase *self);
guint       soc_phase_get_end   (SocPhase *self);

G_END_DECLS
