/* soc-view.h: what every view of a plan does, so the window needs to know none of them
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-checklist-monitor.h"
#include "soc-document.h"
#include "soc-selection.h"

G_BEGIN_DECLS

#define SOC_TYPE_VIEW (soc_view_get_type ())

G_DECLARE_INTERFACE (SocView, soc_view, SOC, VIEW, GtkWidget)

struct _SocViewInterface
{
  GTypeInterface parent_iface;

  /* Shows DOCUMENT (or nothing), following and changing SELECTION. */
  void     (*set_document) (SocView      *self,
                            SocDocument  *document,
                            SocSelection *selection);
  /* Whether OBJECT is shown in this view (the view to go to for it). */
  gboolean (*owns)         (SocView      *self,
                            SocObject    *object);
  /* Brings OBJECT into sight: scrolls to it, opens what hides it. */
  void     (*reveal)       (SocView      *self,
                            SocObject    *object);
  /* The kind of object "Add" makes in this view. */
  GType    (*get_add_type) (SocView      *self);
  /* The plan's live checklist, to mark what fails a factor (NULL: none). */
  void     (*set_checklist) (SocView             *self,
                             SocChecklistMonitor *monitor);
};

void     soc_view_set_document (SocView      *self,
                                SocDocument  *document,
                                SocSelection *selection);
gboolean soc_view_owns         (SocView      *self,
                                SocObject    *object);
void     soc_view_reveal       (SocView      *self,
                                SocObject    *object);
GType    soc_view_get_add_type (SocView      *self);
void     soc_view_set_checklist (SocView            *self,
                                 SocChecklistMonitor *monitor);
void     soc_view_hide_content_while_unmapped (SocView   *self,
                                               GtkWidget *content);

G_END_DECLS
