/* soc-factor-result.c: one success factor's result, for views to bind to
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the checklist panel. It lives as long as the monitor that owns
 * it; each new evaluation updates it in place and notifies only the
 * properties that changed.
 */

#define G_LOG_DOMAIN "soc-factor-result"

#include "config.h"

#include "soc-enum-types.h"
#include "soc-factor-result.h"

struct _SocFactorResult
{
  GObject         parent_instance;

  SocFactor       factor;
  SocFactorState  state;
  double          score;
  char           *evidence;
  char          **failing_ids;
  const char    **failing_reasons;   /* untranslated static msgids, one per id */
  guint           n_failing;
  gboolean        has_override;
  SocFactorState  override_state;
  char           *override_note;
};

G_DEFINE_FINAL_TYPE (SocFactorResult, soc_factor_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FACTOR,
  PROP_ID,
  PROP_TITLE,
  PROP_STATE,
  PROP_SCORE,
  PROP_EVIDENCE,
  PROP_FAILING_IDS,
  PROP_HAS_OVERRIDE,
  PROP_OVERRIDE_STATE,
  PROP_OVERRIDE_NOTE,
  PROP_EFFECTIVE_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
soc_factor_result_finalize (GObject *object)
{
  SocFactorResult *self = SOC_FACTOR_RESULT (object);

  g_clear_pointer (&self->evidence, g_free);
  g_clear_pointer (&self->failing_ids, g_strfreev);
  g_clear_pointer (&self->failing_reasons, g_free);
  g_clear_pointer (&self->override_note, g_free);

  G_OBJECT_CLASS (soc_factor_result_parent_class)->finalize (object);
}

static void
soc_factor_result_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SocFactorResult *self = SOC_FACTOR_RESULT (object);

  switch (prop_id)
    {
    case PROP_FACTOR:
      g_value_set_enum (value, self->factor);
      break;
    case PROP_ID:
      g_value_set_string (value, soc_factor_result_get_id (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, soc_factor_result_get_title (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;
    case PROP_FAILING_IDS:
      g_value_set_boxed (value, self->failing_ids);
      break;
    case PROP_HAS_OVERRIDE:
      g_value_set_boolean (value, self->has_override);
      break;
    case PROP_OVERRIDE_STATE:
      g_value_set_enum (value, self->override_state);
      break;
    case PROP_OVERRIDE_NOTE:
      g_value_set_string (value, self->override_note);
      break;
    case PROP_EFFECTIVE_STATE:
      g_value_set_enum (value, soc_factor_result_get_effective_state (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_factor_result_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SocFactorResult *self = SOC_FACTOR_RESULT (object);

  switch (prop_id)
    {
    case PROP_FACTOR:
      self->factor = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_factor_result_class_init (SocFactorResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = soc_factor_result_finalize;
  object_class->get_property = soc_factor_result_get_property;
  object_class->set_property = soc_factor_result_set_property;

  /**
   * SocFactorResult:factor:
   *
   * Which of the seven factors this is.
   */
  properties[PROP_FACTOR] =
    g_param_spec_enum ("factor", NULL, NULL, SOC_TYPE_FACTOR, SOC_FACTOR_ALIGNMENT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SocFactorResult:id:
   *
   * The factor's token, as in the file and the command line ("alignment").
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SocFactorResult:title:
   *
   * The factor's translated name.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SocFactorResult:state:
   *
   * The state the plan itself earns.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SOC_TYPE_FACTOR_STATE, SOC_FACTOR_STATE_NOT_MET, ro);
  /**
   * SocFactorResult:score:
   *
   * How far the plan has come towards meeting the factor, 0 to 1.
   */
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, 0.0, 1.0, 0.0, ro);
  /**
   * SocFactorResult:evidence:
   *
   * One translated line with the counts the state rests on.
   */
  properties[PROP_EVIDENCE] =
    g_param_spec_string ("evidence", NULL, NULL, NULL, ro);
  /**
   * SocFactorResult:failing-ids:
   *
   * The ids of the objects that fail the factor, for soc_document_lookup().
   */
  properties[PROP_FAILING_IDS] =
    g_param_spec_boxed ("failing-ids", NULL, NULL, G_TYPE_STRV, ro);
  /**
   * SocFactorResult:has-override:
   *
   * Whether the strategist has judged the factor.
   */
  properties[PROP_HAS_OVERRIDE] =
    g_param_spec_boolean ("has-override", NULL, NULL, FALSE, ro);
  /**
   * SocFactorResult:override-state:
   *
   * The strategist's state; the plan's state when there is no override.
   */
  properties[PROP_OVERRIDE_STATE] =
    g_param_spec_enum ("override-state", NULL, NULL, SOC_TYPE_FACTOR_STATE, SOC_FACTOR_STATE_NOT_MET, ro);
  /**
   * SocFactorResult:override-note:
   *
   * The strategist's note, or %NULL.
   */
  properties[PROP_OVERRIDE_NOTE] =
    g_param_spec_string ("override-note", NULL, NULL, NULL, ro);
  /**
   * SocFactorResult:effective-state:
   *
   * The strategist's state where there is one, else the plan's.
   */
  properties[PROP_EFFECTIVE_STATE] =
    g_param_spec_enum ("effective-state", NULL, NULL, SOC_TYPE_FACTOR_STATE, SOC_FACTOR_STATE_NOT_MET, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
soc_factor_result_init (SocFactorResult *self)
{
  self->state = SOC_FACTOR_STATE_NOT_MET;
  self->override_state = SOC_FACTOR_STATE_NOT_MET;
  self->failing_ids = g_new0 (char *, 1);
  self->failing_reasons = g_new0 (const char *, 1);
}

/* A result for FACTOR that says nothing yet: not met, no evidence. */
SocFactorResult *
soc_factor_result_new (SocFactor factor)
{
  g_return_val_if_fail (factor < SOC_N_FACTORS, NULL);

  return g_object_new (SOC_TYPE_FACTOR_RESULT, "factor", factor, NULL);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      return FALSE;
  return a[i] == NULL && b[i] == NULL;
}

/* Reasons are static strings: the same reason is the same pointer. */
static gboolean
reasons_equal (const char * const *a,
               const char * const *b)
{
  guint i;

  if (a == NULL || b == NULL)
    return a == b;
  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (a[i] != b[i])
      return FALSE;
  return a[i] == NULL && b[i] == NULL;
}

/**
 * soc_factor_result_update:
 * @checklist: a new evaluation
 *
 * Takes this factor's result from @checklist, notifying each property
 * that changed.
 *
 * Returns: whether anything changed
 */
gboolean
soc_factor_result_update (SocFactorResult *self,
                          SocChecklist    *checklist)
{
  SocFactorState old_effective, override_state;
  const char * const *failing;
  const char * const *reasons;
  guint n_failing = 0;
  const char *evidence;
  const char *note = NULL;
  gboolean has_override;
  gboolean changed = FALSE;
  double score;
  SocFactorState state;

  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), FALSE);
  g_return_val_if_fail (checklist != NULL, FALSE);

  old_effective = soc_factor_result_get_effective_state (self);
  state = soc_checklist_get_state (checklist, self->factor);
  score = soc_checklist_get_score (checklist, self->factor);
  evidence = soc_checklist_get_evidence (checklist, self->factor);
  failing = soc_checklist_get_failing (checklist, self->factor, &n_failing);
  reasons = soc_checklist_get_failing_reasons (checklist, self->factor);
  has_override = soc_checklist_get_override (checklist, self->factor, &override_state, &note);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      changed = TRUE;
    }
  if (self->score != score)
    {
      self->score = score;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
      changed = TRUE;
    }
  if (g_strcmp0 (self->evidence, evidence) != 0)
    {
      g_free (self->evidence);
      self->evidence = g_strdup (evidence);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE]);
      changed = TRUE;
    }
  if (!strv_equal ((const char * const *) self->failing_ids, failing) ||
      !reasons_equal ((const char * const *) self->failing_reasons, reasons))
    {
      g_strfreev (self->failing_ids);
      self->failing_ids = g_strdupv ((char **) failing);
      g_free (self->failing_reasons);
      self->n_failing = n_failing;
      self->failing_reasons = reasons != NULL ? g_memdup2 (reasons, (n_failing + 1) * sizeof (char *))
                                              : g_new0 (const char *, n_failing + 1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILING_IDS]);
      changed = TRUE;
    }
  if (self->has_override != has_override)
    {
      self->has_override = has_override;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_OVERRIDE]);
      changed = TRUE;
    }
  if (self->override_state != override_state)
    {
      self->override_state = override_state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERRIDE_STATE]);
      changed = TRUE;
    }
  if (g_strcmp0 (self->override_note, note) != 0)
    {
      g_free (self->override_note);
      self->override_note = g_strdup (note);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERRIDE_NOTE]);
      changed = TRUE;
    }
  if (soc_factor_result_get_effective_state (self) != old_effective)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFECTIVE_STATE]);

  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

SocFactor
soc_factor_result_get_factor (SocFactorResult *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), 0);
  return self->factor;
}

/* The factor's token: "alignment", "long-term-vision" and so on. */
const char *
soc_factor_result_get_id (SocFactorResult *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), NULL);
  return soc_enum_to_nick (SOC_TYPE_FACTOR, self->factor);
}

const char *
soc_factor_result_get_title (SocFactorResult *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), NULL);
  return soc_enum_to_label (SOC_TYPE_FACTOR, self->factor);
}

SocFactorState
soc_factor_result_get_state (SocFactorResult *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), SOC_FACTOR_STATE_NOT_MET);
  return self->state;
}

double
soc_factor_result_get_score (SocFactorResult *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), 0.0);
  return self->score;
}

const char *
soc_factor_result_get_evidence (SocFactorResult *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), NULL);
  return self->evidence;
}

/* Returns: (transfer none): a %NULL-terminated array of ids, never %NULL */
const char * const *
soc_factor_result_get_failing_ids (SocFactorResult *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), NULL);
  return (const char * const *) self->failing_ids;
}

/* Why the INDEXth failing object fails the factor, in the user's language. */
const char *
soc_factor_result_get_failing_reason (SocFactorResult *self,
                                      guint            index)
{
  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), NULL);
  g_return_val_if_fail (index < self->n_failing, NULL);

  return soc_checklist_reason_text (self->failing_reasons[index]);
}

gboolean
soc_factor_result_get_has_override (SocFactorResult *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), FALSE);
  return self->has_override;
}

SocFactorState
soc_factor_result_get_override_state (SocFactorResult *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), SOC_FACTOR_STATE_NOT_MET);
  return self->override_state;
}

const char *
soc_factor_result_get_override_note (SocFactorResult *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), NULL);
  return self->override_note;
}

SocFactorState
soc_factor_result_get_effective_state (SocFactorResult *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_RESULT (self), SOC_FACTOR_STATE_NOT_MET);
  return self->has_override ? self->override_state : self->state;
}
