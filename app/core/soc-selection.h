/* soc-selection.h: what the user has selected in one plan, shared by every view
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soc-document.h"

G_BEGIN_DECLS

#define SOC_TYPE_SELECTION (soc_selection_get_type ())

G_DECLARE_FINAL_TYPE (SocSelection, soc_selection, SOC, SELECTION, GObject)

SocSelection *soc_selection_new          (SocDocument      *document);
SocDocument  *soc_selection_get_document (SocSelection     *self);
SocObject    *soc_selection_get_focus    (SocSelection     *self);
guint         soc_selection_get_size     (SocSelection     *self);
SocObject    *soc_selection_get_nth      (SocSelection     *self,
                                          guint             position);
gboolean      soc_selection_contains     (SocSelection     *self,
                                          SocObject        *object);
void          soc_selection_select       (SocSelection     *self,
                                          SocObject        *object);
void          soc_selection_set          (SocSelection     *self,
                                          SocObject *const *objects,
                                          guint             n_objects,
                                          SocObject        *focus);
void          soc_selection_add          (SocSelection     *self,
                                          SocObject        *object);
void          soc_selection_toggle       (SocSelection     *self,
                                          SocObject        *object);
void          soc_selection_clear        (SocSelection     *self);

G_END_DECLS
