/* soc-lane.c: a workstream lane of the roadmap
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-lane"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "soc-enum-types.h"
#include "soc-model-private.h"

G_DEFINE_FINAL_TYPE (SocLane, soc_lane, SOC_TYPE_OBJECT)

static const SocField lane_fields[] = {
  SOC_F (SocLane, kind, "kind", SOC_FIELD_ENUM, soc_lane_kind_get_type, 0, 0, SOC_LANE_KIND_OTHER, 0, NULL,
         N_("Change the workstream of “%s”"), N_("kind")),
  SOC_F (SocLane, colour, "colour", SOC_FIELD_COLOUR, NULL, 0, 0, 0, 0, NULL,
         N_("Change the colour of “%s”"), N_("colour")),
  SOC_F (SocLane, title, "title", SOC_FIELD_TEXT, NULL, 0, 0, 0, 0, NULL,
         N_("Rename “%s”"), N_("title")),
};

static void
soc_lane_class_init (SocLaneClass *klass)
{
  soc_object_class_install_fields (SOC_OBJECT_CLASS (klass), "lane", "l",
                                   lane_fields, G_N_ELEMENTS (lane_fields), "title");
}

static void
soc_lane_init (SocLane *self)
{
}

SocLane *
soc_lane_new (SocLaneKind kind)
{
  SocLane *self = g_object_new (SOC_TYPE_LANE, NULL);

  self->kind = kind;
  return self;
}

SocLaneKind
soc_lane_get_kind (SocLane *self)
{
  g_return_val_if_fail (SOC_IS_LANE (self), SOC_LANE_KIND_OTHER);
  return self->kind;
}

const char *
soc_lane_get_title (SocLane *self)
{
  g_return_val_if_fail (SOC_IS_LANE (self), NULL);
  return self->title;
}

const char *
soc_lane_get_colour (SocLane *self)
{
  g_return_val_if_fail (SOC_IS_LANE (self), NULL);
  return self->colour;
}
