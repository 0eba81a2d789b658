/* soc-inspector.h: edits every field of the selected object
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "soc-document.h"

G_BEGIN_DECLS

#define SOC_TYPE_INSPECTOR (soc_inspector_get_type ())

G_DECLARE_FINAL_TYPE (SocInspector, soc_inspector, SOC, INSPECTOR, GtkWidget)

GtkWidget *soc_inspector_new          (void);
void       soc_inspector_set_document (SocInspector *self,
                                       SocDocument  *document);
void       soc_inspector_set_object   (SocInspector *self,
                                       SocObject    *object);
SocObject *soc_inspector_get_object   (SocInspector *self);
gboolean   soc_inspector_focus_first  (SocInspector *self);
gboolean   soc_inspector_focus_field  (SocInspector *self,
                                       const char   *property);
void       soc_inspector_commit       (SocInspector *self);

/* The row that edits PROPERTY of the object shown, and the widget inside
 * it that holds the value (a spin button, a picker, check buttons' box). */
GtkWidget *soc_inspector_get_row      (SocInspector *self,
                                       const char   *property);
GtkWidget *soc_inspector_get_editor   (SocInspector *self,
                                       const char   *property);
GtkWidget *soc_inspector_get_links    (SocInspector *self);
guint      soc_inspector_get_n_refreshed (SocInspector *self);

G_END_DECLS
