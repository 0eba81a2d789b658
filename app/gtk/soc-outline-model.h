/* soc-outline-model.h: the goal tree as a flat list of rows
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soc-goal.h"

G_BEGIN_DECLS

#define SOC_TYPE_OUTLINE_MODEL (soc_outline_model_get_type ())

G_DECLARE_FINAL_TYPE (SocOutlineModel, soc_outline_model, SOC, OUTLINE_MODEL, GObject)

/* No row: the same value as GTK_INVALID_LIST_POSITION. */
#define SOC_OUTLINE_MODEL_NO_ROW G_MAXUINT

SocOutlineModel *soc_outline_model_new           (GListModel     *roots);
guint           soc_outline_model_get_depth     (SocOutlineModel *self,
                                                guint           position);
guint           soc_outline_model_find          (SocOutlineModel *self,
                                                SocGoal        *goal);
guint           soc_outline_model_reveal        (SocOutlineModel *self,
                                                SocGoal        *goal);
gboolean        soc_outline_model_get_expanded  (SocOutlineModel *self,
                                                SocGoal        *goal);
void            soc_outline_model_set_expanded  (SocOutlineModel *self,
                                                SocGoal        *goal,
                                                gboolean        expanded);
void            soc_outline_model_expand_all    (SocOutlineModel *self,
                                                SocGoal        *goal);

G_END_DECLS
