/* soc-override.c: the strategist's own judgement of a success factor
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "soc-override"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "soc-enum-types.h"
#include "soc-model-private.h"

G_DEFINE_FINAL_TYPE (SocOverride, soc_override, SOC_TYPE_OBJECT)

static const SocField override_fields[] = {
  SOC_F (SocOverride, factor, "factor", SOC_FIELD_ENUM, soc_factor_get_type, 0, 0, 0,
         SOC_FIELD_REQUIRED | SOC_FIELD_STRUCTURAL, NULL, N_("Change the factor of a judgement"), N_("factor")),
  SOC_F (SocOverride, state, "state", SOC_FIELD_ENUM, soc_factor_state_get_type, 0, 0,
         SOC_FACTOR_STATE_MET, SOC_FIELD_REQUIRED, NULL, N_("Change the judgement of “%s”"), N_("state")),
  SOC_F (SocOverride, note, "note", SOC_FIELD_TEXT, NULL, 0, 0, 0, 0, NULL,
         N_("Change the note on “%s”"), N_("note")),
};

static void
soc_override_class_init (SocOverrideClass *klass)
{
  soc_object_class_install_fields (SOC_OBJECT_CLASS (klass), "override", NULL,
                                   override_fields, G_N_ELEMENTS (override_fields), NULL);
}

static void
soc_override_init (SocOverride *self)
{
}

SocOverride *
soc_override_new (SocFactor      factor,
                  SocFactorState state)
{
  SocOverride *self = g_object_new (SOC_TYPE_OVERRIDE, NULL);

  self->factor = factor;
  self->state = state;
  return self;
}

SocFactor
soc_override_get_factor (SocOverride *self)
{
  g_return_val_if_fail (SOC_IS_OVERRIDE (self), 0);
  return self->factor;
}

SocFactorState
soc_override_get_state (SocOverride *self)
{
  g_return_val_if_fail (SOC_IS_OVERRIDE (self), 0);
  return self->state;
}

const char *
soc_override_get_note (SocOverride *self)
{
  g_return_val_if_fail (SOC_IS_OVERRIDE (self), NULL);
  return self->note;
}
