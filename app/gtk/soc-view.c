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

static void
show_content (GtkWidget *content)
{
  gtk_widget_set_visible (content, TRUE);
}

static void
hide_content (GtkWidget *content)
{
  gtk_widget_set_visible (content, FALSE);
}

/* CONTENT, the view's one child, is shown while the view is and hidden
 * while it is not. A view stack keeps the pages it does not show
 * "visible", only unmapped, and GTK 4.8 styles visible widgets again when
 * what they hang from changes: each time the keyboard focus moves, it
 * takes the focus-within state off every widget above it and puts it back,
 * and every table row of the hidden views was styled again, as many as in
 * the view shown. Hidden widgets are left alone. */
void
soc_view_hide_content_while_unmapped (SocView   *self,
                                      GtkWidget *content)
{
  g_return_if_fail (SOC_IS_VIEW (self));
  g_return_if_fail (gtk_widget_get_parent (content) == GTK_WIDGET (self));

  gtk_widget_set_visible (content, gtk_widget_get_mapped (GTK_WIDGET (self)));
  g_signal_connect_object (self, "map", G_CALLBACK (show_content), content, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "unmap", G_CALLBACK (hide_content), content, G_CONNECT_SWAPPED);
}
