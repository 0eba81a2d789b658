/* soc-lane.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-object.h"
#include "soc-enums.h"

G_BEGIN_DECLS

#define SOC_TYPE_LANE (soc_lane_get_type ())

G_DECLARE_FINAL_TYPE (SocLane, soc_lane, SOC, LANE, SocObject)

SocLane     *soc_lane_new        (SocLaneKind kind);
SocLaneKind  soc_lane_get_kind   (SocLane    *self);
const char  *soc_lane_get_title  (SocLane    *self);
const char  *soc_lane_get_colour (SocLane    *self);

G_END_DECLS
