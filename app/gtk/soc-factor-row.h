/* soc-factor-row.h: a success factor that opens to show what it holds
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SOC_TYPE_FACTOR_ROW (soc_factor_row_get_type ())

G_DECLARE_FINAL_TYPE (SocFactorRow, soc_factor_row, SOC, FACTOR_ROW, AdwPreferencesRow)

GtkWidget  *soc_factor_row_new          (void);
void        soc_factor_row_set_subtitle (SocFactorRow *self,
                                         const char   *subtitle);
const char *soc_factor_row_get_subtitle (SocFactorRow *self);
void        soc_factor_row_add_prefix   (SocFactorRow *self,
                                         GtkWidget    *widget);
gboolean    soc_factor_row_get_expanded (SocFactorRow *self);
void        soc_factor_row_set_expanded (SocFactorRow *self,
                                         gboolean      expanded);
void        soc_factor_row_add_row      (SocFactorRow *self,
                                         GtkWidget    *child);
void        soc_factor_row_remove       (SocFactorRow *self,
                                         GtkWidget    *child);

G_END_DECLS
