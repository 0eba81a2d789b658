/* soc-ref-picker.h: choose an object of the plan from a searchable list
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-document.h"

G_BEGIN_DECLS

#define SOC_TYPE_REF_PICKER (soc_ref_picker_get_type ())

G_DECLARE_FINAL_TYPE (SocRefPicker, soc_ref_picker, SOC, REF_PICKER, GtkWidget)

GtkWidget  *soc_ref_picker_new             (const char   *label);
void        soc_ref_picker_set_source      (SocRefPicker *self,
                                            SocDocument  *document,
                                            GType         type);
void        soc_ref_picker_set_none_label  (SocRefPicker *self,
                                            const char   *none_label);
void        soc_ref_picker_set_excluded    (SocRefPicker *self,
                                            GPtrArray    *objects);
void        soc_ref_picker_popup           (SocRefPicker *self);
void        soc_ref_picker_popdown         (SocRefPicker *self);
void        soc_ref_picker_set_search      (SocRefPicker *self,
                                            const char   *text);
GListModel *soc_ref_picker_get_results     (SocRefPicker *self);
void        soc_ref_picker_pick            (SocRefPicker *self,
                                            SocObject    *object);
GtkWidget  *soc_ref_picker_get_button      (SocRefPicker *self);
char       *soc_ref_picker_describe        (SocRefPicker *self,
                                            SocObject    *object);

G_END_DECLS
