/* soc-goal-tidy.h: a tidy tree in linear time, for the goal tree's layout
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint64 soc_goal_tidy (guint         n,
                       const guint  *parents,
                       const double *breadth,
                       double        sibling_gap,
                       double        subtree_gap,
                       double       *centres);

G_END_DECLS
