/* soc-phase.c: a named span of the roadmap
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-phase"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "soc-model-private.h"

G_DEFINE_FINAL_TYPE (SocPhase, soc_phase, SOC_TYPE_OBJECT)

static const SocField phase_fields[] = {
  SOC_F (SocPhase, start, "start", SOC_FIELD_DATE, NULL, 0, 0, 0, 0, NULL,
         N_("Change the start of “%s”"), N_("start")),
  SOC_F (SocPhase, end, "end", SOC_FIELD_DATE, NULL, 0, 0, 0, 0, NULL,
         N_("Change the end of “%s”"), N_("end")),
  SOC_F (SocPhase, title, "title", SOC_FIELD_TEXT, NULL, 0, 0, 0, 0, NULL,
         N_("Rename “%s”"), N_("title")),
};

static void
soc_phase_class_init (SocPhaseClass *klass)
{
  soc_object_class_install_fields (SOC_OBJECT_CLASS (klass), "phase", "p",
                                   phase_fields, G_N_ELEMENTS (phase_fields), "title");
}

static void
soc_phase_init (SocPhase *self)
{
}

SocPhase *
soc_phase_new (void)
{
  return g_object_new (SOC_TYPE_PHASE, NULL);
}

const char *
soc_phase_get_title (SocPhase *self)
{
  g_return_val_if_fail (SOC_IS_PHASE (self), NULL);
  return self->title;
}

guint
soc_phase_get_start (SocPhase *self)
{
  g_return_val_if_fail (SOC_IS_PHASE (self), 0);
  return self->start;
}

guint
soc_phase_get_end (SocPhase *self)
{
  g_return_val_if_fail (SOC_IS_PHASE (self), 0);
  return self->end;
}
