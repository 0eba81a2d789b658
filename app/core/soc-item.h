/* soc-item.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soc-object.h"
#include "soc-enums.h"
#include "soc-stakeholder.h"
#include "soc-lane.h"

G_BEGIN_DECLS

#define SOC_TYPE_ITEM (soc_item_get_type ())

G_DECLARE_FINAL_TYPE (SocItem, soc_item, SOC, ITEM, SocObject)


SocItem        *soc_item_new          (SocItemKind kind);
SocItemKind     soc_item_get_kind     (SocItem *self);
const char     *soc_item_get_title    (SocItem *self);
SocLane        *soc_item_get_lane     (SocItem *self);
guint           soc_item_get_start    (SocItem *self);
guint           soc_item_get_end      (SocItem *self);
int             soc_item_get_progress (SocItem *self);
SocStakeholder *soc_item_get_owner    (SocItem *self);
GPtrArray      *soc_item_get_serves   (SocItem *self);
GPtrArray      *soc_item_get_depends  (SocItem *self);
gboolean        soc_item_is_scheduled (SocItem *self);
gboolean        soc_item_breaks_dependency (SocItem *self,
                                            SocItem *prerequisite);

G_END_DECLS
