/* soc-item.c: an activity or milestone of the roadmap
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "soc-enum-types.h"
#include "soc-model-private.h"

G_DEFINE_FINAL_TYPE (SocItem, soc_item, SOC_TYPE_OBJECT)

#define I(m, n, k, t, min, max, def, fl, ref, u, l) SOC_F (SocItem, m, n, k, t, min, max, def, fl, ref, u, l)

static const SocField item_fields[] = {
  I (kind, "kind", SOC_FIELD_ENUM, soc_item_kind_get_type, 0, 0, SOC_ITEM_KIND_ACTIVITY, 0, NULL,
     N_("Change the kind of “%s”"), N_("kind")),
  I (lane, "lane", SOC_FIELD_REF, soc_lane_get_type, 0, 0, 0, SOC_FIELD_REQUIRED, NULL,
     N_("Move “%s” to another lane"), N_("lane")),
  I (start, "start", SOC_FIELD_DATE, NULL, 0, 0, 0, 0, NULL,
     N_("Change the start of “%s”"), N_("start")),
  I (end, "end", SOC_FIELD_DATE, NULL, 0, 0, 0, 0, NULL,
     N_("Change the end of “%s”"), N_("end")),
  I (progress, "progress", SOC_FIELD_INT, NULL, 0, 100, 0, 0, NULL,
     N_("Change the progress of “%s”"), N_("progress")),
  I (owner, "owner", SOC_FIELD_REF, soc_stakeholder_get_type, 0, 0, 0, 0, NULL,
     N_("Change the owner of “%s”"), N_("owner")),
  I (recurrence, "recurrence", SOC_FIELD_ENUM, soc_recurrence_get_type, 0, 0, SOC_RECURRENCE_NONE, 0, NULL,
     N_("Change how often “%s” recurs"), N_("recurrence")),
  I (audience, "audience", SOC_FIELD_FLAGS, soc_profiles_get_type, 0, 0, 0, 0, NULL,
     N_("Change the audience of “%s”"), N_("audience")),
  I (topics, "topics", SOC_FIELD_FLAGS, soc_topics_get_type, 0, 0, 0, 0, NULL,
     N_("Change the topics of “%s”"), N_("topics")),
  I (gate, "gate", SOC_FIELD_ENUM, soc_gate_get_type, 0, 0, SOC_GATE_NONE, 0, NULL,
     N_("Change the gate of “%s”"), N_("gate")),
  I (title, "title", SOC_FIELD_TEXT, NULL, 0, 0, 0, 0, NULL,
     N_("Rename “%s”"), N_("title")),
  I (notes, "notes", SOC_FIELD_TEXT, NULL, 0, 0, 0, 0, NULL,
     N_("Change the notes of “%s”"), N_("notes")),
  I (serves, "serves", SOC_FIELD_REFLIST, soc_goal_get_type, 0, 0, 0, 0, "goal",
     N_("Change the goals “%s” serves"), N_("served goals")),
  I (depends, "depends-on", SOC_FIELD_REFLIST, soc_item_get_type, 0, 0, 0, 0, "item",
     N_("Change the dependencies of “%s”"), N_("dependencies")),
};

static void
soc_item_class_init (SocItemClass *klass)
{
  soc_object_class_install_fields (SOC_OBJECT_CLASS (klass), "item", "i",
                                   item_fields, G_N_ELEMENTS (item_fields), "title");
}

static void
soc_item_init (SocItem *self)
{
}

SocItem *
soc_item_new (SocItemKind kind)
{
  SocItem *self = g_object_new (SOC_TYPE_ITEM, NULL);

  self->kind = kind;
  return self;
}

SocItemKind
soc_item_get_kind (SocItem *self)
{
  g_return_val_if_fail (SOC_IS_ITEM (self), 0);
  return self->kind;
}

const char *
soc_item_get_title (SocItem *self)
{
  g_return_val_if_fail (SOC_IS_ITEM (self), NULL);
  return self->title;
}

SocLane *
soc_item_get_lane (SocItem *self)
{
  g_return_val_if_fail (SOC_IS_ITEM (self), NULL);
  return self->lane;
}

guint
soc_item_get_start (SocItem *self)
{
  g_return_val_if_fail (SOC_IS_ITEM (self), 0);
  return self->start;
}

/* A milestone ends the day it starts. */
guint
soc_item_get_end (SocItem *self)
{
  g_return_val_if_fail (SOC_IS_ITEM (self), 0);
  return self->kind == SOC_ITEM_KIND_MILESTONE ? self->start : self->end;
}

int
soc_item_get_progress (SocItem *self)
{
  g_return_val_if_fail (SOC_IS_ITEM (self), 0);
  return self->progress;
}

SocStakeholder *
soc_item_get_owner (SocItem *self)
{
  g_return_val_if_fail (SOC_IS_ITEM (self), NULL);
  return self->owner;
}

/* The goals served, or NULL for none. Never change the array: replace it. */
GPtrArray *
soc_item_get_serves (SocItem *self)
{
  g_return_val_if_fail (SOC_IS_ITEM (self), NULL);
  return self->serves;
}

GPtrArray *
soc_item_get_depends (SocItem *self)
{
  g_return_val_if_fail (SOC_IS_ITEM (self), NULL);
  return self->depends;
}

/* Whether the item has its dates: a milestone its day, an activity both. */
gboolean
soc_item_is_scheduled (SocItem *self)
{
  g_return_val_if_fail (SOC_IS_ITEM (self), FALSE);

  if (self->kind == SOC_ITEM_KIND_MILESTONE)
    return self->start != 0;
  return self->start != 0 && self->end != 0;
}

/* Whether the item, depending on PREREQUISITE, starts before that
 * finishes. Starting on the day it finishes is allowed; an unscheduled
 * item breaks nothing. The checklist and every view use this one rule. */
gboolean
soc_item_breaks_dependency (SocItem *self,
                            SocItem *prerequisite)
{
  g_return_val_if_fail (SOC_IS_ITEM (self), FALSE);
  g_return_val_if_fail (SOC_IS_ITEM (prerequisite), FALSE);

  return soc_item_is_scheduled (self) && soc_item_is_scheduled (prerequisite) &&
         self->start < soc_item_get_end (prerequisite);
}
