/* soc-plan.c: the plan's own properties
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "soc-model-private.h"

G_DEFINE_FINAL_TYPE (SocPlan, soc_plan, SOC_TYPE_OBJECT)

#define P(m, n, k, min, max, def, u, l) SOC_F (SocPlan, m, n, k, NULL, min, max, def, 0, NULL, u, l)

static const SocField plan_fields[] = {
  /* Who the plan is, for calendars and other exports: set once, never edited. */
  SOC_F (SocPlan, uid, "uid", SOC_FIELD_STRING, NULL, 0, 0, 0, SOC_FIELD_STRUCTURAL | SOC_FIELD_UID, NULL,
         NULL, N_("uid")),
  P (horizon_start, "horizon-start", SOC_FIELD_DATE, 0, 0, 0, N_("Change the start of the horizon"), N_("horizon start")),
  P (horizon_end, "horizon-end", SOC_FIELD_DATE, 0, 0, 0, N_("Change the end of the horizon"), N_("horizon end")),
  P (alignment_target, "alignment-target", SOC_FIELD_INT, 0, 100, 80, N_("Change the alignment target"), N_("alignment target")),
  P (metrics_benchmark, "metrics-benchmark", SOC_FIELD_INT, 0, 100, 34, N_("Change the metrics benchmark"), N_("metrics benchmark")),
  P (horizon_years, "horizon-years", SOC_FIELD_INT, 1, 20, 2, N_("Change the long-term horizon"), N_("horizon in years")),
  P (technology_share, "technology-share", SOC_FIELD_INT, 0, 100, 20, N_("Change the technology share"), N_("technology share")),
  P (owner_load, "owner-load", SOC_FIELD_INT, 1, 1000, 5, N_("Change the owner load limit"), N_("owner load")),
  P (advocates, "advocates", SOC_FIELD_INT, 0, 100000, 3, N_("Change the advocates needed"), N_("advocates needed")),
  P (title, "title", SOC_FIELD_TEXT, 0, 0, 0, N_("Rename the plan"), N_("title")),
  P (organisation, "organisation", SOC_FIELD_TEXT, 0, 0, 0, N_("Change the organisation"), N_("organisation")),
  P (author, "author", SOC_FIELD_TEXT, 0, 0, 0, N_("Change the author"), N_("author")),
  P (vision, "vision", SOC_FIELD_TEXT, 0, 0, 0, N_("Change the vision statement"), N_("vision")),
  P (notes, "notes", SOC_FIELD_TEXT, 0, 0, 0, N_("Change the plan notes"), N_("notes")),
};

static void
soc_plan_class_init (SocPlanClass *klass)
{
  soc_object_class_install_fields (SOC_OBJECT_CLASS (klass), "plan", NULL,
                                   plan_fields, G_N_ELEMENTS (plan_fields), "title");
}

/* A plan exists only as a document's own: changed by commands alone. */
static void
soc_plan_init (SocPlan *self)
{
  _soc_object_adopt (SOC_OBJECT (self));
}

SocPlan *
soc_plan_new (void)
{
  return g_object_new (SOC_TYPE_PLAN, NULL);
}

/* The plan's lasting identity, or NULL for a plan saved before it had one
 * (see soc_document_new() and soc_document_save()). */
const char *
soc_plan_get_uid (SocPlan *self)
{
  g_return_val_if_fail (SOC_IS_PLAN (self), NULL);
  return self->uid;
}

const char *
soc_plan_get_title (SocPlan *self)
{
  g_return_val_if_fail (SOC_IS_PLAN (self), NULL);
  return self->title;
}

const char *
soc_plan_get_organisation (SocPlan *self)
{
  g_return_val_if_fail (SOC_IS_PLAN (self), NULL);
  return self->organisation;
}

const char *
soc_plan_get_vision (SocPlan *self)
{
  g_return_val_if_fail (SOC_IS_PLAN (self), NULL);
  return self->vision;
}

guint
soc_plan_get_horizon_start (SocPlan *self)
{
  g_return_val_if_fail (SOC_IS_PLAN (self), 0);
  return self->horizon_start;
}

guint
soc_plan_get_horizon_end (SocPlan *self)
{
  g_return_val_if_fail (SOC_IS_PLAN (self), 0);
  return self->horizon_end;
}
