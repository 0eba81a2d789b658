/* soc-checklist-monitor.c: the checklist, kept up to date as a plan changes
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monitor is a GListModel of seven SocFactorResult, one per factor in
 * SocFactor order, made for the checklist panel to bind to. It judges the
 * plan when it is made, then again once the document has emitted no
 * "changed" for the delay (150 ms by default), so typing never waits for
 * the checklist. The judgement then goes a slice of a few milliseconds at
 * a time in the idle moments of the main loop, after the frames: a large
 * plan is judged without holding up a frame, and a change meanwhile starts
 * it again. A new judgement that changes a factor's result updates
 * that result in place, notifies its changed properties and emits
 * items-changed for its position only; one that changes nothing emits
 * nothing.
 */

#define G_LOG_DOMAIN "soc-checklist-monitor"

#include "config.h"

#include "soc-checklist-monitor.h"

struct _SocChecklistMonitor
{
  GObject          parent_instance;

  SocDocument     *document;
  SocChecklist    *checklist;
  SocFactorResult *results[SOC_N_FACTORS];
  char            *summary;
  guint            n_met;
  guint            today;
  guint            delay;
  guint            timeout_id;
  SocChecklistJob *job;        /* the judgement under way, a slice at a time */
  guint            job_id;
  guint            n_slices;   /* for tests */
};

/* The longest a slice of judgement holds the main loop. */
#define SLICE_US 4000

static void soc_checklist_monitor_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocChecklistMonitor, soc_checklist_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, soc_checklist_monitor_list_model_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CHECKLIST,
  PROP_N_MET,
  PROP_N_FACTORS,
  PROP_SUMMARY,
  PROP_TODAY,
  PROP_DELAY,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
soc_checklist_monitor_get_item_type (GListModel *model)
{
  return SOC_TYPE_FACTOR_RESULT;
}

static guint
soc_checklist_monitor_get_n_items (GListModel *model)
{
  return SOC_N_FACTORS;
}

static gpointer
soc_checklist_monitor_get_item (GListModel *model,
                                guint       position)
{
  SocChecklistMonitor *self = SOC_CHECKLIST_MONITOR (model);

  if (position >= SOC_N_FACTORS)
    return NULL;
  return g_object_ref (self->results[position]);
}

static void
soc_checklist_monitor_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = soc_checklist_monitor_get_item_type;
  iface->get_n_items = soc_checklist_monitor_get_n_items;
  iface->get_item = soc_checklist_monitor_get_item;
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

/* Whether A and B say the same about the plan, factors and figures alike. */
static gboolean
checklist_equal (SocChecklist *a,
                 SocChecklist *b)
{
  for (guint f = 0; f < SOC_N_FACTORS; f++)
    {
      SocFactorState sa, sb;
      const char *na = NULL, *nb = NULL;

      if (soc_checklist_get_state (a, f) != soc_checklist_get_state (b, f) ||
          soc_checklist_get_score (a, f) != soc_checklist_get_score (b, f) ||
          g_strcmp0 (soc_checklist_get_evidence (a, f), soc_checklist_get_evidence (b, f)) != 0 ||
          !strv_equal (soc_checklist_get_failing (a, f, NULL), soc_checklist_get_failing (b, f, NULL)) ||
          soc_checklist_get_override (a, f, &sa, &na) != soc_checklist_get_override (b, f, &sb, &nb) ||
          sa != sb || g_strcmp0 (na, nb) != 0)
        return FALSE;
    }

  if (g_strcmp0 (soc_checklist_get_metrics_text (a), soc_checklist_get_metrics_text (b)) != 0 ||
      g_strcmp0 (soc_checklist_get_technology_text (a), soc_checklist_get_technology_text (b)) != 0 ||
      soc_checklist_get_profiles_present (a) != soc_checklist_get_profiles_present (b) ||
      soc_checklist_get_profiles_reached (a) != soc_checklist_get_profiles_reached (b) ||
      soc_checklist_get_today (a) != soc_checklist_get_today (b))
    return FALSE;

  for (guint p = 0; p < SOC_N_PROFILES; p++)
    if (soc_checklist_get_topics_given (a, p) != soc_checklist_get_topics_given (b, p) ||
        soc_checklist_get_topics_needed (a, p) != soc_checklist_get_topics_needed (b, p))
      return FALSE;

  return TRUE;
}

static gboolean
is_pending (SocChecklistMonitor *self)
{
  return self->timeout_id != 0 || self->job != NULL;
}

static void
cancel_pending (SocChecklistMonitor *self)
{
  if (!is_pending (self))
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->job_id, g_source_remove);
  g_clear_pointer (&self->job, soc_checklist_job_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void apply (SocChecklistMonitor *self,
                   SocChecklist        *checklist);

/**
 * soc_checklist_monitor_update_now:
 *
 * Judges the plan at once, dropping any judgement still waiting for the
 * delay to pass.
 */
void
soc_checklist_monitor_update_now (SocChecklistMonitor *self)
{
  g_autoptr(SocChecklist) checklist = NULL;

  g_return_if_fail (SOC_IS_CHECKLIST_MONITOR (self));

  cancel_pending (self);
  checklist = soc_checklist_evaluate (self->document, self->today);
  apply (self, checklist);
}

/* Takes CHECKLIST as the plan's judgement: the results it changes are
 * updated and notified, nothing else. */
static void
apply (SocChecklistMonitor *self,
       SocChecklist        *new_checklist)
{
  g_autoptr(SocChecklist) checklist = soc_checklist_ref (new_checklist);
  g_autofree char *summary = NULL;
  gboolean changed[SOC_N_FACTORS] = { FALSE, };
  guint n_met;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->checklist != NULL && checklist_equal (self->checklist, checklist))
    {
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  g_clear_pointer (&self->checklist, soc_checklist_unref);
  self->checklist = g_steal_pointer (&checklist);

  for (guint f = 0; f < SOC_N_FACTORS; f++)
    changed[f] = soc_factor_result_update (self->results[f], self->checklist);

  n_met = soc_checklist_get_n_met (self->checklist);
  summary = soc_checklist_format_score (self->checklist);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
  if (n_met != self->n_met)
    {
      self->n_met = n_met;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MET]);
    }
  if (g_strcmp0 (summary, self->summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_steal_pointer (&summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }

  g_object_thaw_notify (G_OBJECT (self));

  /* Rows change after all of them are up to date, so a handler sees one
   * consistent judgement. */
  for (guint f = 0; f < SOC_N_FACTORS; f++)
    if (changed[f])
      g_list_model_items_changed (G_LIST_MODEL (self), f, 1, 1);
}

static gboolean
judge_slice (gpointer user_data)
{
  SocChecklistMonitor *self = user_data;
  g_autoptr(SocChecklist) checklist = NULL;

  self->n_slices++;
  checklist = soc_checklist_job_run (self->job, g_get_monotonic_time () + SLICE_US);
  if (checklist == NULL)
    return G_SOURCE_CONTINUE;

  self->job_id = 0;
  g_clear_pointer (&self->job, soc_checklist_job_free);
  apply (self, checklist);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  return G_SOURCE_REMOVE;
}

/* The plan has rested: the judgement starts, in slices after the frames. */
static gboolean
on_timeout (gpointer user_data)
{
  SocChecklistMonitor *self = user_data;

  self->timeout_id = 0;
  self->job = soc_checklist_job_new (self->document, self->today);
  self->job_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, judge_slice, self, NULL);
  g_source_set_name_by_id (self->job_id, "[socplan] checklist judgement");
  return G_SOURCE_REMOVE;
}

/* Judges again once the plan has rested for the delay. */
static void
schedule (SocChecklistMonitor *self)
{
  gboolean was_pending = is_pending (self);

  /* A judgement under way holds pointers into the plan as it was. */
  g_clear_handle_id (&self->job_id, g_source_remove);
  g_clear_pointer (&self->job, soc_checklist_job_free);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay, on_timeout, self);
  g_source_set_name_by_id (self->timeout_id, "[socplan] checklist");
  if (!was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
on_document_changed (SocChecklistMonitor *self)
{
  schedule (self);
}

static void
soc_checklist_monitor_constructed (GObject *object)
{
  SocChecklistMonitor *self = SOC_CHECKLIST_MONITOR (object);

  G_OBJECT_CLASS (soc_checklist_monitor_parent_class)->constructed (object);

  g_return_if_fail (SOC_IS_DOCUMENT (self->document));

  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  soc_checklist_monitor_update_now (self);
}

static void
soc_checklist_monitor_dispose (GObject *object)
{
  SocChecklistMonitor *self = SOC_CHECKLIST_MONITOR (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->job_id, g_source_remove);
  g_clear_pointer (&self->job, soc_checklist_job_free);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (soc_checklist_monitor_parent_class)->dispose (object);
}

static void
soc_checklist_monitor_finalize (GObject *object)
{
  SocChecklistMonitor *self = SOC_CHECKLIST_MONITOR (object);

  g_clear_pointer (&self->checklist, soc_checklist_unref);
  for (guint f = 0; f < SOC_N_FACTORS; f++)
    g_clear_object (&self->results[f]);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (soc_checklist_monitor_parent_class)->finalize (object);
}

static void
soc_checklist_monitor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SocChecklistMonitor *self = SOC_CHECKLIST_MONITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CHECKLIST:
      g_value_set_boxed (value, self->checklist);
      break;
    case PROP_N_MET:
      g_value_set_uint (value, self->n_met);
      break;
    case PROP_N_FACTORS:
      g_value_set_uint (value, SOC_N_FACTORS);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_TODAY:
      g_value_set_uint (value, self->today);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, is_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_checklist_monitor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SocChecklistMonitor *self = SOC_CHECKLIST_MONITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_TODAY:
      soc_checklist_monitor_set_today (self, g_value_get_uint (value));
      break;
    case PROP_DELAY:
      soc_checklist_monitor_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_checklist_monitor_class_init (SocChecklistMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = soc_checklist_monitor_constructed;
  object_class->dispose = soc_checklist_monitor_dispose;
  object_class->finalize = soc_checklist_monitor_finalize;
  object_class->get_property = soc_checklist_monitor_get_property;
  object_class->set_property = soc_checklist_monitor_set_property;

  /**
   * SocChecklistMonitor:document:
   *
   * The plan being judged.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SOC_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SocChecklistMonitor:checklist:
   *
   * The latest judgement; notified only when it says something new.
   */
  properties[PROP_CHECKLIST] =
    g_param_spec_boxed ("checklist", NULL, NULL, SOC_TYPE_CHECKLIST, ro);
  /**
   * SocChecklistMonitor:n-met:
   *
   * How many factors are met, counting the strategist's judgements.
   */
  properties[PROP_N_MET] =
    g_param_spec_uint ("n-met", NULL, NULL, 0, SOC_N_FACTORS, 0, ro);
  /**
   * SocChecklistMonitor:n-factors:
   *
   * How many factors there are: seven.
   */
  properties[PROP_N_FACTORS] =
    g_param_spec_uint ("n-factors", NULL, NULL, SOC_N_FACTORS, SOC_N_FACTORS, SOC_N_FACTORS,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SocChecklistMonitor:summary:
   *
   * The score as the panel shows it: "4 of 7 met", translated.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, ro);
  /**
   * SocChecklistMonitor:today:
   *
   * The day the plan is judged on (a SocDate), or 0 for the plan's
   * horizon start. Changing it judges the plan again after the delay.
   */
  properties[PROP_TODAY] =
    g_param_spec_uint ("today", NULL, NULL, 0, G_MAXUINT, 0, rw);
  /**
   * SocChecklistMonitor:delay:
   *
   * How long the plan must rest before it is judged again, in
   * milliseconds.
   */
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, 60000, SOC_CHECKLIST_MONITOR_DEFAULT_DELAY, rw);
  /**
   * SocChecklistMonitor:pending:
   *
   * Whether the plan changed since it was last judged.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
soc_checklist_monitor_init (SocChecklistMonitor *self)
{
  self->delay = SOC_CHECKLIST_MONITOR_DEFAULT_DELAY;
  for (guint f = 0; f < SOC_N_FACTORS; f++)
    self->results[f] = soc_factor_result_new (f);
}

/* A monitor of DOCUMENT, which judges it at once. */
SocChecklistMonitor *
soc_checklist_monitor_new (SocDocument *document)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  return g_object_new (SOC_TYPE_CHECKLIST_MONITOR, "document", document, NULL);
}

SocDocument *
soc_checklist_monitor_get_document (SocChecklistMonitor *self)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_MONITOR (self), NULL);
  return self->document;
}

/* Returns: (transfer none): the latest judgement */
SocChecklist *
soc_checklist_monitor_get_checklist (SocChecklistMonitor *self)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_MONITOR (self), NULL);
  return self->checklist;
}

/* Returns: (transfer none): the row of FACTOR, the same object for the monitor's life */
SocFactorResult *
soc_checklist_monitor_get_result (SocChecklistMonitor *self,
                                  SocFactor            factor)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_MONITOR (self), NULL);
  g_return_val_if_fail (factor < SOC_N_FACTORS, NULL);
  return self->results[factor];
}

guint
soc_checklist_monitor_get_n_met (SocChecklistMonitor *self)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_MONITOR (self), 0);
  return self->n_met;
}

guint
soc_checklist_monitor_get_n_factors (SocChecklistMonitor *self)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_MONITOR (self), 0);
  return SOC_N_FACTORS;
}

const char *
soc_checklist_monitor_get_summary (SocChecklistMonitor *self)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_MONITOR (self), NULL);
  return self->summary;
}

guint
soc_checklist_monitor_get_today (SocChecklistMonitor *self)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_MONITOR (self), 0);
  return self->today;
}

void
soc_checklist_monitor_set_today (SocChecklistMonitor *self,
                                 guint                today)
{
  g_return_if_fail (SOC_IS_CHECKLIST_MONITOR (self));

  if (self->today == today)
    return;
  self->today = today;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
  if (self->document != NULL && self->checklist != NULL)
    schedule (self);
}

guint
soc_checklist_monitor_get_delay (SocChecklistMonitor *self)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_MONITOR (self), 0);
  return self->delay;
}

void
soc_checklist_monitor_set_delay (SocChecklistMonitor *self,
                                 guint                delay)
{
  g_return_if_fail (SOC_IS_CHECKLIST_MONITOR (self));

  if (self->delay == delay)
    return;
  self->delay = delay;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

gboolean
soc_checklist_monitor_get_pending (SocChecklistMonitor *self)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_MONITOR (self), FALSE);
  return is_pending (self);
}

/* How many slices judgements took so far (for tests). */
guint
soc_checklist_monitor_get_n_slices (SocChecklistMonitor *self)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_MONITOR (self), 0);
  return self->n_slices;
}
