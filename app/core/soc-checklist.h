/* soc-checklist.h: the seven success factors, judged from the plan itself
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"

G_BEGIN_DECLS

#define SOC_TYPE_CHECKLIST (soc_checklist_get_type ())

/**
 * SocChecklist:
 *
 * One evaluation of a plan against the seven success factors: per factor
 * the state the plan earns, a score, a one-line evidence text, the ids of
 * the objects that fail it, and the strategist's override kept apart from
 * what the plan says. Also the figures the factors do not judge: the share
 * of social work tied to business outcomes by a complete metric against the
 * field's benchmark, the technology share of roadmap effort, and the
 * curriculum coverage matrix (topics by profile).
 *
 * Immutable and reference counted, so it may be shared and kept while the
 * document changes; it holds ids, never pointers into the document.
 */
typedef struct _SocChecklist SocChecklist;

GType                soc_checklist_get_type               (void) G_GNUC_CONST;

SocChecklist        *soc_checklist_evaluate               (SocDocument   *document,
                                                           guint          today);
SocChecklist        *soc_checklist_ref                    (SocChecklist  *self);

/* The same judgement, a piece at a time (see soc_checklist_job_new()). */
typedef struct _SocChecklistJob SocChecklistJob;

SocChecklistJob     *soc_checklist_job_new                (SocDocument     *document,
                                                           guint            today);
SocChecklist        *soc_checklist_job_run                (SocChecklistJob *job,
                                                           gint64           deadline);
void                 soc_checklist_job_free               (SocChecklistJob *job);
void                 soc_checklist_unref                  (SocChecklist  *self);

guint                soc_checklist_get_today              (SocChecklist  *self);

/* Per factor: what the plan says. */
SocFactorState       soc_checklist_get_state              (SocChecklist  *self,
                                                           SocFactor      factor);
double               soc_checklist_get_score              (SocChecklist  *self,
                                                           SocFactor      factor);
const char          *soc_checklist_get_evidence           (SocChecklist  *self,
                                                           SocFactor      factor);
const char * const  *soc_checklist_get_failing            (SocChecklist  *self,
                                                           SocFactor      factor,
                                                           guint         *n_failing);
const char * const  *soc_checklist_get_failing_reasons    (SocChecklist  *self,
                                                           SocFactor      factor);
const char          *soc_checklist_reason_text            (const char    *reason);

/* Per factor: the strategist's judgement, and the two together. */
gboolean             soc_checklist_get_override           (SocChecklist  *self,
                                                           SocFactor      factor,
                                                           SocFactorState *state,
                                                           const char   **note);
SocFactorState       soc_checklist_get_effective_state    (SocChecklist  *self,
                                                           SocFactor      factor);
guint                soc_checklist_get_n_met              (SocChecklist  *self);
char                *soc_checklist_format_score           (SocChecklist  *self);

/* Figures beside the factors. */
double               soc_checklist_get_metrics_share      (SocChecklist  *self,
                                                           guint         *n_measured,
                                                           guint         *n_total);
int                  soc_checklist_get_metrics_benchmark  (SocChecklist  *self);
const char          *soc_checklist_get_metrics_text       (SocChecklist  *self);
double               soc_checklist_get_technology_share   (SocChecklist  *self,
                                                           guint         *technology_days,
                                                           guint         *all_days);
int                  soc_checklist_get_technology_target  (SocChecklist  *self);
const char          *soc_checklist_get_technology_text    (SocChecklist  *self);

/* Factor 1's rule on its own, for views that mark what it finds. */
GHashTable          *soc_checklist_find_untied            (SocDocument   *document);
gboolean             soc_checklist_item_ties              (SocItem       *item);
void                 soc_checklist_fetch_ties             (SocObject *const *items,
                                                           guint          n_items,
                                                           guint          position);
gboolean             soc_checklist_tie                    (SocGoalKind    kind,
                                                           gboolean       inherited,
                                                           gboolean       linked,
                                                           gboolean      *untied);

/* The curriculum coverage matrix. */
SocProfiles          soc_checklist_get_profiles_present   (SocChecklist  *self);
SocProfiles          soc_checklist_get_profiles_reached   (SocChecklist  *self);
SocTopics            soc_checklist_get_topics_given       (SocChecklist  *self,
                                                           SocProfile     profile);
SocTopics            soc_checklist_get_topics_needed      (SocChecklist  *self,
                                                           SocProfile     profile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocChecklist, soc_checklist_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocChecklistJob, soc_checklist_job_free)

G_END_DECLS
