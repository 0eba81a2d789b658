/* soc-view.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view shows one side of a plan (the goal tree, the roadmap, the
 * stakeholder map), usually as a picture with a list beside it. Every view
 * is handed the plan's one SocSelection: it shows what is selected there
 * and selects there, so all views, the inspector and the success-factor
 * panel agree. The window holds views through this interface only.
 */

#define G_LOG_DOMAIN "soc-view"

#include "config.h"

#include "soc-view.h"

G_DEFINE_INTERFACE (SocView, soc_view, GTK_TYPE_WIDGET)

static gboolean
soc_view_real_owns (SocView   *self,
                    SocObject *object)
{
  return FALSE;
}

static void
soc_view_real_reveal (SocView   *self,
                      SocObject *object)
{
}

static GType
soc_view_real_get_add_type (SocView *self)
{
  return G_TYPE_NONE;
}

static void
soc_view_real_set_checklist (SocView             *self,
                             SocChecklistMonitor *monitor)
{
}

static void
soc_view_default_init (SocViewInterface *iface)
{
  iface->set_checklist = soc_view_real_set_checklist;
  iface->owns = soc_view_real_owns;
  iface->reveal = soc_view_real_reveal;
  iface->get_add_type = soc_view_real_get_add_type;
}

void
soc_view_set_document (SocView      *self,
                       SocDocument  *document,
                       SocSelection *selection)
{
  g_return_if_fail (SOC_IS_VIEW (self));
  g_return_if_fail (document == NULL || SOC_IS_DOCUMENT (document));
  g_return_if_fail ((document == NULL) == (selection == NULL));

  SOC_VIEW_GET_IFACE (self)->set_document (self, document, selection);
}

gboolean
soc_view_owns (SocView   *self,
               SocObject *object)
{
  g_return_val_if_fail (SOC_IS_VIEW (self), FALSE);

  if (object == NULL)
    return FALSE;
  return SOC_VIEW_GET_IFACE (self)->owns (self, object);
}

void
soc_view_reveal (SocView   *self,
                 SocObject *object)
{
  g_return_if_fail (SOC_IS_VIEW (self));

  if (object != NULL)
    SOC_VIEW_GET_IFACE (self)->reveal (self, object);
}

GType
soc_view_get_add_type (SocView *self)
{
  g_return_val_if_fail (SOC_IS_VIEW (self), G_TYPE_NONE);
  return SOC_VIEW_GET_IFACE (self)->get_add_type (self);
}

void
soc_view_set_checklist (SocView             *self,
                        SocChecklistMonitor *monitor)
{
  g_return_if_fail (SOC_IS_VIEW (self));
  g_return_if_fail (monitor == NULL || SOC_IS_CHECKLIST_MONITOR (monitor));

  SOC_VIEW_GET_IFACE (self)->set_checklist (self, monitor);
}
