/* soc-factor-row.c: a success factor that opens to show what it holds
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an AdwExpanderRow shows and does (a header row that opens and
 * closes the rows below it by click, Enter or Space, the arrow, the
 * "expanded" state for screen readers, Up and Down leaving the row), with
 * the same CSS nodes and classes so that libadwaita's stylesheet draws it
 * the same: "row.expander > box > list > row.header > box.header" and
 * "revealer > list.nested". Its header is a SocRowHeader, which lays its
 * wrapped evidence out once per width (soc-row-header.c says why).
 */

#define G_LOG_DOMAIN "soc-factor-row"

#include "config.h"

#include "soc-factor-row.h"
#include "soc-row-header.h"

struct _SocFactorRow
{
  AdwPreferencesRow parent_instance;

  GtkWidget *box;
  GtkWidget *header_row;  /* GtkListBoxRow.header: focusable, activatable */
  GtkWidget *header;      /* SocRowHeader */
  GtkWidget *list;        /* GtkListBox.nested */
  gboolean   expanded;
};

G_DEFINE_FINAL_TYPE (SocFactorRow, soc_factor_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_header_activated (SocFactorRow *self)
{
  soc_factor_row_set_expanded (self, !self->expanded);
}

/* Up from the header or down from the last nested row leaves the row, as
 * in an expander row. */
static gboolean
on_keynav_failed (SocFactorRow     *self,
                  GtkDirectionType  direction)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  if (root == NULL || (direction != GTK_DIR_UP && direction != GTK_DIR_DOWN))
    return FALSE;
  return gtk_widget_child_focus (root, direction == GTK_DIR_UP ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

static void
on_title_notify (SocFactorRow *self)
{
  soc_row_header_set_title (SOC_ROW_HEADER (self->header), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
}

/* The row itself is not a stop: the keyboard goes to its header and rows. */
static gboolean
soc_factor_row_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  return gtk_widget_child_focus (SOC_FACTOR_ROW (widget)->box, direction);
}

static gboolean
soc_factor_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (SOC_FACTOR_ROW (widget)->header_row);
}

static void
soc_factor_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SocFactorRow *self = SOC_FACTOR_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_factor_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SocFactorRow *self = SOC_FACTOR_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      soc_factor_row_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_factor_row_class_init (SocFactorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = soc_factor_row_get_property;
  object_class->set_property = soc_factor_row_set_property;
  widget_class->focus = soc_factor_row_focus;
  widget_class->grab_focus = soc_factor_row_grab_focus;

  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
soc_factor_row_init (SocFactorRow *self)
{
  GtkWidget *header_list, *revealer, *arrow;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "expander");
  gtk_widget_add_css_class (GTK_WIDGET (self), "empty");

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->box);

  header_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (header_list), GTK_SELECTION_NONE);
  g_signal_connect_object (header_list, "row-activated", G_CALLBACK (on_header_activated), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (header_list, "keynav-failed", G_CALLBACK (on_keynav_failed), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), header_list);

  self->header = soc_row_header_new ();
  arrow = gtk_image_new_from_icon_name ("adw-expander-arrow-symbolic");
  gtk_widget_add_css_class (arrow, "expander-row-arrow");
  soc_row_header_add_suffix (SOC_ROW_HEADER (self->header), arrow);

  self->header_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->header_row), TRUE);
  gtk_widget_set_focusable (self->header_row, TRUE);
  gtk_widget_add_css_class (self->header_row, "header");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->header_row), self->header);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->header_row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  soc_row_header_get_title_label (SOC_ROW_HEADER (self->header)), NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  soc_row_header_get_subtitle_label (SOC_ROW_HEADER (self->header)), NULL,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->header_row), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
  gtk_list_box_append (GTK_LIST_BOX (header_list), self->header_row);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "nested");
  g_signal_connect_object (self->list, "keynav-failed", G_CALLBACK (on_keynav_failed), self, G_CONNECT_SWAPPED);

  revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_revealer_set_child (GTK_REVEALER (revealer), self->list);
  g_object_bind_property (self, "expanded", revealer, "reveal-child", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (self->box), revealer);

  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_notify), NULL);
}

GtkWidget *
soc_factor_row_new (void)
{
  return g_object_new (SOC_TYPE_FACTOR_ROW, NULL);
}

void
soc_factor_row_set_subtitle (SocFactorRow *self,
                             const char   *subtitle)
{
  g_return_if_fail (SOC_IS_FACTOR_ROW (self));
  soc_row_header_set_subtitle (SOC_ROW_HEADER (self->header), subtitle);
}

const char *
soc_factor_row_get_subtitle (SocFactorRow *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_ROW (self), NULL);
  return soc_row_header_get_subtitle (SOC_ROW_HEADER (self->header));
}

void
soc_factor_row_add_prefix (SocFactorRow *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (SOC_IS_FACTOR_ROW (self));
  soc_row_header_add_prefix (SOC_ROW_HEADER (self->header), widget);
}

gboolean
soc_factor_row_get_expanded (SocFactorRow *self)
{
  g_return_val_if_fail (SOC_IS_FACTOR_ROW (self), FALSE);
  return self->expanded;
}

void
soc_factor_row_set_expanded (SocFactorRow *self,
                             gboolean      expanded)
{
  g_return_if_fail (SOC_IS_FACTOR_ROW (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;
  self->expanded = expanded;
  if (expanded)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->header_row), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

/* CHILD goes in the list that opening the row shows. */
void
soc_factor_row_add_row (SocFactorRow *self,
                        GtkWidget    *child)
{
  g_return_if_fail (SOC_IS_FACTOR_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_list_box_append (GTK_LIST_BOX (self->list), child);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "empty");
}

void
soc_factor_row_remove (SocFactorRow *self,
                       GtkWidget    *child)
{
  g_return_if_fail (SOC_IS_FACTOR_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  if (gtk_widget_get_first_child (self->list) == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "empty");
}
