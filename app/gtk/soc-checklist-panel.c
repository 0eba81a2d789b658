/* soc-checklist-panel.c: the seven success factors, beside every view
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row per factor: its state, its title and the evidence the plan gives.
 * Opening a row lists the objects that fail it (activating one shows it in
 * its view) and the strategist's own judgement, with a note, which is an
 * edit like any other: saved in the file and undoable.
 */

#define G_LOG_DOMAIN "soc-checklist-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-checklist-monitor.h"
#include "soc-checklist-panel.h"
#include "soc-edit.h"
#include "soc-enum-types.h"

#define MAX_FAILING_SHOWN 50

struct _SocChecklistPanel
{
  GtkWidget            parent_instance;

  GtkWidget           *scrolled;
  GtkWidget           *box;
  GtkWidget           *score;
  GtkWidget           *group;
  GtkWidget           *figures;
  GtkWidget           *metrics_row;
  GtkWidget           *technology_row;
  GtkWidget           *rows[SOC_N_FACTORS];
  GtkWidget           *icons[SOC_N_FACTORS];
  GPtrArray           *children[SOC_N_FACTORS];   /* rows added inside each expander */

  SocDocument         *document;
  SocChecklistMonitor *monitor;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (SocChecklistPanel, soc_checklist_panel, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_OBJECT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
state_icon (SocFactorState state)
{
  switch (state)
    {
    case SOC_FACTOR_STATE_MET: return "emblem-ok-symbolic";
    case SOC_FACTOR_STATE_PARTLY: return "dialog-warning-symbolic";
    case SOC_FACTOR_STATE_NOT_MET:
    default: return "window-close-symbolic";
    }
}

static const char *
state_class (SocFactorState state)
{
  switch (state)
    {
    case SOC_FACTOR_STATE_MET: return "success";
    case SOC_FACTOR_STATE_PARTLY: return "warning";
    case SOC_FACTOR_STATE_NOT_MET:
    default: return "error";
    }
}

static void
on_failing_activated (AdwActionRow      *row,
                      SocChecklistPanel *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "soc-id");
  SocObject *object = self->document ? soc_document_lookup (self->document, id) : NULL;

  if (object != NULL)
    g_signal_emit (self, signals[ACTIVATE_OBJECT], 0, object);
}

static void
on_judgement_selected (AdwComboRow       *combo,
                       GParamSpec        *pspec,
                       SocChecklistPanel *self)
{
  SocFactor factor = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (combo), "soc-factor"));
  AdwEntryRow *note = g_object_get_data (G_OBJECT (combo), "soc-note");
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->updating || self->document == NULL)
    return;
  /* 0 is "As the plan says"; then met, partly, not met. */
  if (selected == 0)
    ok = soc_edit_clear_override (self->document, factor, &error);
  else
    ok = soc_edit_set_override (self->document, factor, selected - 1,
                                gtk_editable_get_text (GTK_EDITABLE (note)), &error);
  if (!ok)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

static void
on_note_applied (AdwEntryRow       *note,
                 SocChecklistPanel *self)
{
  AdwComboRow *combo = g_object_get_data (G_OBJECT (note), "soc-combo");

  /* The note goes with a judgement: applying it makes one if needed. */
  if (adw_combo_row_get_selected (combo) == 0)
    adw_combo_row_set_selected (combo, 1 + SOC_FACTOR_STATE_MET);
  else
    on_judgement_selected (combo, NULL, self);
}

static void
clear_children (SocChecklistPanel *self,
                SocFactor          factor)
{
  GPtrArray *children = self->children[factor];

  for (guint i = 0; children != NULL && i < children->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self->rows[factor]), g_ptr_array_index (children, i));
  g_clear_pointer (&self->children[factor], g_ptr_array_unref);
  self->children[factor] = g_ptr_array_new ();
}

static void
add_child (SocChecklistPanel *self,
           SocFactor          factor,
           GtkWidget         *child)
{
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self->rows[factor]), child);
  g_ptr_array_add (self->children[factor], child);
}

static void
update_factor (SocChecklistPanel *self,
               SocFactor          factor)
{
  SocFactorResult *result = soc_checklist_monitor_get_result (self->monitor, factor);
  SocFactorState plan_state = soc_factor_result_get_state (result);
  SocFactorState shown = soc_factor_result_get_effective_state (result);
  const char * const *failing = soc_factor_result_get_failing_ids (result);
  GtkWidget *row = self->rows[factor];
  GtkWidget *icon = self->icons[factor];
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;
  GtkWidget *combo, *note;
  guint n_failing = failing != NULL ? g_strv_length ((char **) failing) : 0;

  /* The state shown is the strategist's when they judged, and says so. */
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), state_icon (shown));
  for (SocFactorState s = SOC_FACTOR_STATE_MET; s <= SOC_FACTOR_STATE_NOT_MET; s++)
    gtk_widget_remove_css_class (icon, state_class (s));
  gtk_widget_add_css_class (icon, state_class (shown));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  soc_enum_to_label (SOC_TYPE_FACTOR_STATE, shown), -1);

  if (soc_factor_result_get_has_override (result))
    /* Translators: the evidence, then what the plan says and what the strategist judged */
    subtitle = g_strdup_printf (_("%s\nThe plan says: %s. Your judgement: %s."),
                                soc_factor_result_get_evidence (result),
                                soc_enum_to_label (SOC_TYPE_FACTOR_STATE, plan_state),
                                soc_enum_to_label (SOC_TYPE_FACTOR_STATE, shown));
  else
    subtitle = g_strdup (soc_factor_result_get_evidence (result));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  clear_children (self, factor);

  for (guint i = 0; i < n_failing && i < MAX_FAILING_SHOWN; i++)
    {
      SocObject *object = self->document ? soc_document_lookup (self->document, failing[i]) : NULL;
      GtkWidget *item = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item),
                                     object ? soc_object_get_label (object) : failing[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (item), failing[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (item), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item), TRUE);
      g_object_set_data_full (G_OBJECT (item), "soc-id", g_strdup (failing[i]), g_free);
      g_signal_connect (item, "activated", G_CALLBACK (on_failing_activated), self);
      add_child (self, factor, item);
    }
  if (n_failing > MAX_FAILING_SHOWN)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more",
                                                            n_failing - MAX_FAILING_SHOWN),
                                               n_failing - MAX_FAILING_SHOWN);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      add_child (self, factor, more);
    }

  /* The strategist's judgement, and a note on why. */
  gtk_string_list_append (choices, _("As the plan says"));
  for (SocFactorState s = SOC_FACTOR_STATE_MET; s <= SOC_FACTOR_STATE_NOT_MET; s++)
    gtk_string_list_append (choices, soc_enum_to_label (SOC_TYPE_FACTOR_STATE, s));
  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Your judgement"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (choices));
  note = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Why"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (note), TRUE);
  if (soc_factor_result_get_has_override (result))
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1 + soc_factor_result_get_override_state (result));
      gtk_editable_set_text (GTK_EDITABLE (note), soc_factor_result_get_override_note (result) ?: "");
    }
  g_object_set_data (G_OBJECT (combo), "soc-factor", GINT_TO_POINTER (factor));
  g_object_set_data (G_OBJECT (combo), "soc-note", note);
  g_object_set_data (G_OBJECT (note), "soc-combo", combo);
  g_signal_connect (combo, "notify::selected", G_CALLBACK (on_judgement_selected), self);
  g_signal_connect (note, "apply", G_CALLBACK (on_note_applied), self);
  add_child (self, factor, combo);
  add_child (self, factor, note);
}

/* The field's benchmarks, beside the factors: metrics and technology share. */
static void
update_figures (SocChecklistPanel *self)
{
  SocChecklist *checklist = soc_checklist_monitor_get_checklist (self->monitor);

  if (checklist == NULL)
    return;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->metrics_row), soc_checklist_get_metrics_text (checklist));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->technology_row), soc_checklist_get_technology_text (checklist));
}

static void
update_all (SocChecklistPanel *self)
{
  if (self->monitor == NULL)
    return;
  self->updating = TRUE;
  update_figures (self);
  gtk_label_set_label (GTK_LABEL (self->score), soc_checklist_monitor_get_summary (self->monitor));
  for (SocFactor f = 0; f < SOC_N_FACTORS; f++)
    update_factor (self, f);
  self->updating = FALSE;
}

static void
on_result_notify (SocFactorResult   *result,
                  GParamSpec        *pspec,
                  SocChecklistPanel *self)
{
  /* A judgement being typed is not rebuilt under the user's fingers. */
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  SocFactor factor = soc_factor_result_get_factor (result);

  if (focus != NULL && gtk_widget_is_ancestor (focus, self->rows[factor]))
    return;
  self->updating = TRUE;
  update_factor (self, factor);
  gtk_label_set_label (GTK_LABEL (self->score), soc_checklist_monitor_get_summary (self->monitor));
  self->updating = FALSE;
}

static void
on_monitor_notify (SocChecklistPanel *self)
{
  gtk_label_set_label (GTK_LABEL (self->score), soc_checklist_monitor_get_summary (self->monitor));
  update_figures (self);
}

void
soc_checklist_panel_set_document (SocChecklistPanel *self,
                                  SocDocument       *document)
{
  g_return_if_fail (SOC_IS_CHECKLIST_PANEL (self));

  if (self->monitor != NULL)
    {
      for (SocFactor f = 0; f < SOC_N_FACTORS; f++)
        g_signal_handlers_disconnect_by_data (soc_checklist_monitor_get_result (self->monitor, f), self);
      g_signal_handlers_disconnect_by_data (self->monitor, self);
    }
  g_clear_object (&self->monitor);
  g_set_object (&self->document, document);
  if (document == NULL)
    return;

  self->monitor = soc_checklist_monitor_new (document);
  soc_checklist_monitor_update_now (self->monitor);
  for (SocFactor f = 0; f < SOC_N_FACTORS; f++)
    g_signal_connect (soc_checklist_monitor_get_result (self->monitor, f), "notify",
                      G_CALLBACK (on_result_notify), self);
  g_signal_connect_swapped (self->monitor, "notify", G_CALLBACK (on_monitor_notify), self);
  update_all (self);
}

SocChecklistMonitor *
soc_checklist_panel_get_monitor (SocChecklistPanel *self)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_PANEL (self), NULL);
  return self->monitor;
}

static void
soc_checklist_panel_dispose (GObject *object)
{
  SocChecklistPanel *self = SOC_CHECKLIST_PANEL (object);

  soc_checklist_panel_set_document (self, NULL);
  for (guint i = 0; i < SOC_N_FACTORS; i++)
    g_clear_pointer (&self->children[i], g_ptr_array_unref);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (soc_checklist_panel_parent_class)->dispose (object);
}

static void
soc_checklist_panel_class_init (SocChecklistPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_checklist_panel_dispose;

  /**
   * SocChecklistPanel::activate-object:
   * @object: an object that fails a factor
   *
   * The user asked to see @object in its view.
   */
  signals[ACTIVATE_OBJECT] =
    g_signal_new ("activate-object", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SOC_TYPE_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "socchecklist");
}

static void
soc_checklist_panel_init (SocChecklistPanel *self)
{
  GtkWidget *heading;

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->box);

  heading = gtk_label_new (_("Success Factors"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (self->box), heading);

  self->score = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->score), 0);
  gtk_widget_add_css_class (self->score, "title-2");
  gtk_box_append (GTK_BOX (self->box), self->score);

  self->group = adw_preferences_group_new ();
  for (SocFactor f = 0; f < SOC_N_FACTORS; f++)
    {
      self->rows[f] = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[f]), soc_enum_to_label (SOC_TYPE_FACTOR, f));
      self->icons[f] = gtk_image_new ();
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self->rows[f]), self->icons[f]);
      self->children[f] = g_ptr_array_new ();
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->rows[f]);
    }
  gtk_box_append (GTK_BOX (self->box), self->group);

  self->figures = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->figures), _("Against the Field’s Figures"));
  self->metrics_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->metrics_row), _("Tied to outcomes by a metric"));
  self->technology_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->technology_row), _("Technology share of the effort"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->figures), self->metrics_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->figures), self->technology_row);
  gtk_widget_set_margin_top (self->figures, 12);
  gtk_box_append (GTK_BOX (self->box), self->figures);
}

GtkWidget *
soc_checklist_panel_new (void)
{
  return g_object_new (SOC_TYPE_CHECKLIST_PANEL, NULL);
}
