/* soc-progress.h: how far each metric has come, and how that rolls up the goal tree
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"

G_BEGIN_DECLS

/* No parent: a root of the tree (soc_progress_roll_up()). */
#define SOC_PROGRESS_NO_PARENT G_MAXUINT

/* One metric. */
double   soc_progress_fraction      (double         baseline,
                                     double         target,
                                     double         current);
double   soc_progress_of_metric     (SocGoal       *goal);
gboolean soc_progress_counts        (SocGoal       *goal);
gboolean soc_progress_get_values    (SocGoal       *goal,
                                     double        *baseline,
                                     double        *target,
                                     double        *current,
                                     const char   **unit);

/* The roll-up over any tree given in pre-order, each node after its parent. */
void     soc_progress_roll_up       (guint          n_nodes,
                                     const guint   *parents,
                                     const double  *own,
                                     const guint   *own_metrics,
                                     const gboolean *counts,
                                     double        *progress,
                                     guint         *n_metrics);

#define SOC_TYPE_PROGRESS (soc_progress_get_type ())

/**
 * SocProgress:
 *
 * The progress of every goal of a document at one moment: a metric's own,
 * and for every other goal the mean of its measured children. Immutable
 * and reference counted; soc_progress_get() keeps one per document until
 * a change of its goals ends.
 */
typedef struct _SocProgress SocProgress;

GType        soc_progress_get_type  (void) G_GNUC_CONST;
SocProgress *soc_progress_new       (SocDocument *document);
SocProgress *soc_progress_get       (SocDocument *document);
SocProgress *soc_progress_ref       (SocProgress *self);
void         soc_progress_unref     (SocProgress *self);
double       soc_progress_lookup    (SocProgress *self,
                                     SocGoal     *goal,
                                     guint       *n_metrics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocProgress, soc_progress_unref)

G_END_DECLS
