/* soc-stakeholder-map-link.c: the kind of a relationship drawn on the stakeholder map
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A drag from a bubble's handle to another bubble asks, in a popover at
 * the second, which relationship the first has to it: three buttons, each
 * saying the whole sentence with both names; the one chosen is added
 * through soc_stakeholder_map_link() (one undo step), which tests call
 * directly, and selected.
 */

#define G_LOG_DOMAIN "soc-stakeholder-map"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-edit.h"
#include "soc-stakeholder-map-private.h"

/* Adds a relationship of KIND from FROM to TO. The core refuses what the
 * format refuses, and says why. */
SocRelationship *
soc_stakeholder_map_link (SocStakeholderMap  *self,
                          SocStakeholder     *from,
                          SocStakeholder     *to,
                          SocRelationKind     kind,
                          GError            **error)
{
  g_autoptr(SocRelationship) rel = NULL;
  GListModel *list;

  g_return_val_if_fail (SOC_IS_STAKEHOLDER_MAP (self), NULL);
  g_return_val_if_fail (SOC_IS_STAKEHOLDER (from) && SOC_IS_STAKEHOLDER (to), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  rel = soc_relationship_new (kind, from, to);
  list = soc_document_get_relationships (self->document);
  if (soc_edit_add (self->document, SOC_OBJECT (rel), NULL, g_list_model_get_n_items (list), error) == NULL)
    return NULL;
  return rel;
}

static void
on_link_closed (GtkPopover        *popover,
                SocStakeholderMap *self)
{
  self->link_from = self->link_to = NULL;
}

/* Asks which kind of relationship FROM has to TO: a popover at TO with
 * the three kinds, each saying the whole sentence. */
void
soc_stakeholder_map_propose_link (SocStakeholderMap *self,
                                  SocStakeholder    *from,
                                  SocStakeholder    *to)
{
  SocMapLayout *layout;
  const SocMapBubble *b;
  SocRect v;
  const char *a, *z;

  g_return_if_fail (SOC_IS_STAKEHOLDER_MAP (self));
  g_return_if_fail (SOC_IS_STAKEHOLDER (from) && SOC_IS_STAKEHOLDER (to));

  layout = _soc_stakeholder_map_ensure_layout (self);
  if (layout == NULL || (b = soc_map_layout_find_bubble (layout, to, NULL)) == NULL)
    return;
  if (self->link_popover == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      self->link_popover = gtk_popover_new ();
      gtk_widget_set_parent (self->link_popover, GTK_WIDGET (self));
      self->link_title = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->link_title, "heading");
      gtk_label_set_xalign (GTK_LABEL (self->link_title), 0);
      gtk_box_append (GTK_BOX (box), self->link_title);
      for (SocRelationKind k = SOC_RELATION_KIND_REPORTS_TO; k <= SOC_RELATION_KIND_MENTORS; k++)
        {
          GtkWidget *label = gtk_label_new (NULL);

          self->link_buttons[k] = gtk_button_new ();
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
          gtk_button_set_child (GTK_BUTTON (self->link_buttons[k]), label);
          gtk_widget_add_css_class (self->link_buttons[k], "flat");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->link_buttons[k]), "map.link-kind");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (self->link_buttons[k]), "i", (gint32) k);
          gtk_box_append (GTK_BOX (box), self->link_buttons[k]);
        }
      gtk_popover_set_child (GTK_POPOVER (self->link_popover), box);
      g_signal_connect (self->link_popover, "closed", G_CALLBACK (on_link_closed), self);
    }

  a = soc_object_get_label (SOC_OBJECT (from));
  z = soc_object_get_label (SOC_OBJECT (to));
  {
    g_autofree char *reports = g_strdup_printf (_("“%s” reports to “%s”"), a, z);
    g_autofree char *influences = g_strdup_printf (_("“%s” influences “%s”"), a, z);
    g_autofree char *mentors = g_strdup_printf (_("“%s” mentors “%s”"), a, z);
    const char *texts[] = { reports, influences, mentors };

    /* Plain text: names are the user's, never markup. */
    gtk_label_set_text (GTK_LABEL (self->link_title), _("Add a Relationship"));
    for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
      {
        gtk_label_set_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (self->link_buttons[k]))), texts[k]);
        gtk_widget_set_tooltip_text (self->link_buttons[k], texts[k]);
      }
  }
  self->link_from = from;
  self->link_to = to;
  v = soc_canvas_get_visible (SOC_CANVAS (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->link_popover),
                               &(GdkRectangle) { (int) (b->center.x - b->outer - v.x), (int) (b->center.y - b->outer - v.y),
                                                 (int) (2 * b->outer), (int) (2 * b->outer) });
  gtk_popover_popup (GTK_POPOVER (self->link_popover));
}

/* The relationship the popover asks about, if it is open. */
gboolean
soc_stakeholder_map_get_proposed_link (SocStakeholderMap  *self,
                                       SocStakeholder    **from,
                                       SocStakeholder    **to)
{
  g_return_val_if_fail (SOC_IS_STAKEHOLDER_MAP (self), FALSE);

  if (from != NULL)
    *from = self->link_from;
  if (to != NULL)
    *to = self->link_to;
  return self->link_from != NULL;
}

static void
link_kind_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  SocStakeholderMap *self = SOC_STAKEHOLDER_MAP (widget);
  SocStakeholder *from = self->link_from, *to = self->link_to;
  g_autoptr(GError) error = NULL;
  SocRelationship *rel;

  if (from == NULL || to == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self->link_popover));
  self->link_from = self->link_to = NULL;
  rel = soc_stakeholder_map_link (self, from, to, g_variant_get_int32 (param), &error);
  if (rel == NULL)
    soc_canvas_report (SOC_CANVAS (self), error->message);
  else
    soc_selection_select (soc_canvas_get_selection (SOC_CANVAS (self)), SOC_OBJECT (rel));
}

void
_soc_stakeholder_map_class_init_link (SocStakeholderMapClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "map.link-kind", "i", link_kind_action);
}

void
_soc_stakeholder_map_dispose_link (SocStakeholderMap *self)
{
  g_clear_pointer (&self->link_popover, gtk_widget_unparent);
  self->link_from = self->link_to = NULL;
}
