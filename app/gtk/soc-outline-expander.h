/* soc-outline-expander.h: the arrow and indentation of an outline row
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-outline-model.h"

G_BEGIN_DECLS

#define SOC_TYPE_OUTLINE_EXPANDER (soc_outline_expander_get_type ())

G_DECLARE_FINAL_TYPE (SocOutlineExpander, soc_outline_expander, SOC, OUTLINE_EXPANDER, GtkWidget)

GtkWidget *soc_outline_expander_new       (GtkWidget          *child);
GtkWidget *soc_outline_expander_get_child (SocOutlineExpander *self);
void       soc_outline_expander_set_row   (SocOutlineExpander *self,
                                           SocOutlineModel     *outline,
                                           SocGoal            *goal,
                                           guint               depth);
SocGoal   *soc_outline_expander_get_goal  (SocOutlineExpander *self);
void       soc_outline_expander_update    (SocOutlineExpander *self);
void       soc_outline_expander_toggle    (SocOutlineExpander *self);

G_END_DECLS
