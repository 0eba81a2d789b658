/* soc-timeline-item.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On GTK 4.8 only widgets are accessible objects (CANVAS.md), so the
 * timeline gives each visible item a child widget of this kind, laid over
 * its bar or milestone: a button named by the item's title and described
 * by its lane and dates, that takes the keyboard focus and offers Open and
 * Delete. It draws nothing (the painter does) and takes no pointer events
 * (the timeline's gestures do).
 */

#define G_LOG_DOMAIN "soc-timeline-item"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-format.h"
#include "soc-lane.h"
#include "soc-timeline-item.h"

struct _SocTimelineItem
{
  GtkWidget  parent_instance;

  SocItem   *item;     /* not owned: the timeline drops this child before the item goes */
};

G_DEFINE_FINAL_TYPE (SocTimelineItem, soc_timeline_item, GTK_TYPE_WIDGET)

/* Open: select it and edit it in the inspector, as Enter does. */
static void
open_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  gtk_widget_grab_focus (widget);
  gtk_widget_activate_action (widget, "win.edit-selection", NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  gtk_widget_grab_focus (widget);
  gtk_widget_activate_action (widget, "win.delete", NULL);
}

static void
soc_timeline_item_class_init (SocTimelineItemClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_css_name (widget_class, "timelineitem");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_widget_class_install_action (widget_class, "item.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "item.delete", NULL, delete_action);
}

static void
soc_timeline_item_init (SocTimelineItem *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
soc_timeline_item_new (void)
{
  return g_object_new (SOC_TYPE_TIMELINE_ITEM, NULL);
}

SocItem *
soc_timeline_item_get_item (SocTimelineItem *self)
{
  g_return_val_if_fail (SOC_IS_TIMELINE_ITEM (self), NULL);
  return self->item;
}

void
soc_timeline_item_set_item (SocTimelineItem *self,
                            SocItem         *item)
{
  g_return_if_fail (SOC_IS_TIMELINE_ITEM (self));

  self->item = item;
  soc_timeline_item_update (self);
}

/* Says again what the item is called and when it is: after an edit. */
void
soc_timeline_item_update (SocTimelineItem *self)
{
  g_autofree char *description = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *title;
  const char *lane;

  if (self->item == NULL)
    return;

  title = soc_item_get_title (self->item);
  lane = soc_item_get_lane (self->item) != NULL ? soc_lane_get_title (soc_item_get_lane (self->item)) : NULL;
  start = soc_format_date (NULL, soc_item_get_start (self->item));
  end = soc_format_date (NULL, soc_item_get_end (self->item));
  if (soc_item_get_kind (self->item) == SOC_ITEM_KIND_MILESTONE)
    /* Translators: how a screen reader describes a milestone on the timeline: its lane and day */
    description = g_strdup_printf (_("Milestone in %s, on %s"), lane != NULL ? lane : _("no lane"), start);
  else
    /* Translators: how a screen reader describes an activity on the timeline: lane, dates, progress */
    description = g_strdup_printf (_("Activity in %s, from %s to %s, %d %% done"),
                                   lane != NULL ? lane : _("no lane"), start, end,
                                   soc_item_get_progress (self->item));

  /* The tooltip first: setting it overwrites the description (CANVAS.md). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL && title[0] != '\0' ? title : _("Untitled item"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}
