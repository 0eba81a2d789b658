/* soc-checklist-panel.c: the seven success factors, beside every view
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row per factor: its state, its title and the evidence the plan gives.
 * Opening a row lists the objects that fail it, by title and with the
 * reason (activating one shows it in its view), and the strategist's own
 * judgement, with a note, which is an edit like any other: saved in the
 * file and undoable.
 *
 * A new evaluation changes several properties of a result at once; the
 * factor's row is brought up to date once for all of them, before the
 * next frame. The judgement rows are made when a factor is first opened,
 * and kept, so choosing a judgement updates its own factor's mark and
 * text at once, with the keyboard still in the choice. A closed factor
 * holds no rows: GTK lays out a closed row's content all the same.
 *
 * A factor is a SocFactorRow, not an AdwExpanderRow: it looks and works
 * the same, but lays its wrapped evidence out at the width it is given
 * instead of searching, at each height, for a width (soc-row-header.c).
 */

#define G_LOG_DOMAIN "soc-checklist-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-checklist-monitor.h"
#include "soc-checklist-panel.h"
#include "soc-edit.h"
#include "soc-enum-types.h"
#include "soc-factor-row.h"
#include "soc-row-header.h"

#define MAX_FAILING_SHOWN 50

typedef struct
{
  GtkWidget *row;         /* SocFactorRow */
  GtkWidget *icon;
  GtkWidget *judgement;   /* AdwComboRow, kept */
  GtkWidget *note;        /* AdwEntryRow, kept */
  GPtrArray *failing;     /* the rows listing failing objects */
  gboolean   dirty;
  gboolean   failing_dirty;
  guint      n_updates;
} Factor;

struct _SocChecklistPanel
{
  GtkWidget            parent_instance;

  GtkWidget           *scrolled;
  GtkWidget           *box;
  GtkWidget           *score;
  GtkWidget           *group;
  GtkWidget           *figures;
  GtkWidget           *metrics;     /* SocRowHeader */
  GtkWidget           *technology;  /* SocRowHeader */
  Factor               factors[SOC_N_FACTORS];

  SocDocument         *document;
  SocChecklistMonitor *monitor;
  gboolean             updating;
  guint                update_id;
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

static GtkWidget *
plain_row (GtkWidget *row)
{
  /* Titles and evidence are the plan's text: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
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
                                gtk_editable_get_text (GTK_EDITABLE (self->factors[factor].note)), &error);
  if (!ok)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

static void
on_note_applied (AdwEntryRow       *note,
                 SocChecklistPanel *self)
{
  SocFactor factor = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (note), "soc-factor"));
  AdwComboRow *combo = ADW_COMBO_ROW (self->factors[factor].judgement);

  /* The note goes with a judgement: applying it makes one if needed. */
  if (adw_combo_row_get_selected (combo) == 0)
    adw_combo_row_set_selected (combo, 1 + SOC_FACTOR_STATE_MET);
  else
    on_judgement_selected (combo, NULL, self);
}

/* ------------------------------------------------------------------------ */
/* Bringing a factor up to date                                             */

static void
rebuild_failing (SocChecklistPanel *self,
                 SocFactor          f)
{
  Factor *factor = &self->factors[f];
  SocFactorResult *result = soc_checklist_monitor_get_result (self->monitor, f);
  const char * const *ids = soc_factor_result_get_failing_ids (result);
  SocFactorRow *expander = SOC_FACTOR_ROW (factor->row);
  guint n = ids != NULL ? g_strv_length ((char **) ids) : 0;

  for (guint i = 0; i < factor->failing->len; i++)
    soc_factor_row_remove (expander, g_ptr_array_index (factor->failing, i));
  g_ptr_array_set_size (factor->failing, 0);
  if (factor->judgement != NULL)
    {
      soc_factor_row_remove (expander, factor->judgement);
      soc_factor_row_remove (expander, factor->note);
    }

  for (guint i = 0; i < n && i < MAX_FAILING_SHOWN; i++)
    {
      SocObject *object = self->document ? soc_document_lookup (self->document, ids[i]) : NULL;
      GtkWidget *item = plain_row (adw_action_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item),
                                     object != NULL ? soc_object_get_label (object) : ids[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (item), soc_factor_result_get_failing_reason (result, i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (item), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item), TRUE);
      gtk_widget_set_tooltip_text (item, _("Show it"));
      g_object_set_data_full (G_OBJECT (item), "soc-id", g_strdup (ids[i]), g_free);
      g_signal_connect (item, "activated", G_CALLBACK (on_failing_activated), self);
      soc_factor_row_add_row (expander, item);
      g_ptr_array_add (factor->failing, item);
    }
  if (n > MAX_FAILING_SHOWN)
    {
      GtkWidget *more = plain_row (adw_action_row_new ());
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more",
                                                            n - MAX_FAILING_SHOWN),
                                               n - MAX_FAILING_SHOWN);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      soc_factor_row_add_row (expander, more);
      g_ptr_array_add (factor->failing, more);
    }
  if (factor->judgement != NULL)
    {
      soc_factor_row_add_row (expander, factor->judgement);
      soc_factor_row_add_row (expander, factor->note);
    }
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The judgement rows show the plan's judgement, unless being edited. */
static void
update_judgement (SocChecklistPanel *self,
                  SocFactor          f)
{
  Factor *factor = &self->factors[f];
  SocFactorResult *result = soc_checklist_monitor_get_result (self->monitor, f);
  gboolean judged = soc_factor_result_get_has_override (result);
  guint choice;

  if (factor->judgement == NULL)
    return;
  self->updating = TRUE;
  choice = judged ? 1 + soc_factor_result_get_override_state (result) : 0;
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (factor->judgement)) != choice)
    adw_combo_row_set_selected (ADW_COMBO_ROW (factor->judgement), choice);
  if (!focus_is_in (factor->note))
    {
      const char *note = judged ? soc_factor_result_get_override_note (result) : NULL;

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (factor->note)), note ? note : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (factor->note), note ? note : "");
    }
  self->updating = FALSE;
}

static void
update_factor (SocChecklistPanel *self,
               SocFactor          f)
{
  Factor *factor = &self->factors[f];
  SocFactorResult *result = soc_checklist_monitor_get_result (self->monitor, f);
  SocFactorState plan_state = soc_factor_result_get_state (result);
  SocFactorState shown = soc_factor_result_get_effective_state (result);
  gboolean judged = soc_factor_result_get_has_override (result);
  g_autofree char *subtitle = NULL;

  factor->dirty = FALSE;
  factor->n_updates++;

  /* The state shown is the strategist's when they judged, and says so. */
  gtk_image_set_from_icon_name (GTK_IMAGE (factor->icon), state_icon (shown));
  for (SocFactorState s = SOC_FACTOR_STATE_MET; s <= SOC_FACTOR_STATE_NOT_MET; s++)
    gtk_widget_remove_css_class (factor->icon, state_class (s));
  gtk_widget_add_css_class (factor->icon, state_class (shown));
  gtk_accessible_update_property (GTK_ACCESSIBLE (factor->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  soc_enum_to_label (SOC_TYPE_FACTOR_STATE, shown), -1);

  if (judged)
    /* Translators: the evidence, then what the plan says and what the strategist judged */
    subtitle = g_strdup_printf (_("%s\nThe plan says: %s. Your judgement: %s."),
                                soc_factor_result_get_evidence (result),
                                soc_enum_to_label (SOC_TYPE_FACTOR_STATE, plan_state),
                                soc_enum_to_label (SOC_TYPE_FACTOR_STATE, shown));
  else
    subtitle = g_strdup (soc_factor_result_get_evidence (result));
  soc_factor_row_set_subtitle (SOC_FACTOR_ROW (factor->row), subtitle);

  /* The failing objects are listed when the factor is opened: a closed
   * row would still lay out (and measure) every one of them. */
  if (factor->failing_dirty && soc_factor_row_get_expanded (SOC_FACTOR_ROW (factor->row)))
    {
      factor->failing_dirty = FALSE;
      rebuild_failing (self, f);
    }

  update_judgement (self, f);
}

/* The field's benchmarks, beside the factors: metrics and technology share. */
static void
update_figures (SocChecklistPanel *self)
{
  SocChecklist *checklist = soc_checklist_monitor_get_checklist (self->monitor);

  if (checklist == NULL)
    return;
  soc_row_header_set_subtitle (SOC_ROW_HEADER (self->metrics), soc_checklist_get_metrics_text (checklist));
  soc_row_header_set_subtitle (SOC_ROW_HEADER (self->technology), soc_checklist_get_technology_text (checklist));
}

/* Brings every factor whose result changed up to date, now. */
void
soc_checklist_panel_update_now (SocChecklistPanel *self)
{
  g_return_if_fail (SOC_IS_CHECKLIST_PANEL (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->monitor == NULL)
    return;
  for (SocFactor f = 0; f < SOC_N_FACTORS; f++)
    if (self->factors[f].dirty)
      update_factor (self, f);
  gtk_label_set_label (GTK_LABEL (self->score), soc_checklist_monitor_get_summary (self->monitor));
  update_figures (self);
}

static gboolean
update_idle (gpointer data)
{
  SocChecklistPanel *self = data;

  self->update_id = 0;
  soc_checklist_panel_update_now (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (SocChecklistPanel *self)
{
  /* Once for all the properties of one evaluation, before the next frame. */
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, update_idle, self, NULL);
}

static void
on_result_notify (SocFactorResult   *result,
                  GParamSpec        *pspec,
                  SocChecklistPanel *self)
{
  Factor *factor = &self->factors[soc_factor_result_get_factor (result)];

  factor->dirty = TRUE;
  if (g_str_equal (pspec->name, "failing-ids"))
    factor->failing_dirty = TRUE;
  queue_update (self);
}

static void ensure_judgement (SocChecklistPanel *self,
                              SocFactor          f);

/* A factor opened: its failing objects are listed now, if they changed
 * since they were last listed (or never were). */
static void
on_expanded (SocFactorRow      *row,
             GParamSpec        *pspec,
             SocChecklistPanel *self)
{
  SocFactor f = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "soc-factor"));
  Factor *factor = &self->factors[f];

  if (!soc_factor_row_get_expanded (row))
    return;
  ensure_judgement (self, f);
  if (self->monitor != NULL && factor->failing_dirty)
    {
      factor->failing_dirty = FALSE;
      rebuild_failing (self, f);
    }
}

static void
on_monitor_notify (SocChecklistPanel *self)
{
  queue_update (self);
}

void
soc_checklist_panel_set_document (SocChecklistPanel *self,
                                  SocDocument       *document)
{
  g_return_if_fail (SOC_IS_CHECKLIST_PANEL (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
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
    {
      g_signal_connect (soc_checklist_monitor_get_result (self->monitor, f), "notify",
                        G_CALLBACK (on_result_notify), self);
      self->factors[f].dirty = TRUE;
      self->factors[f].failing_dirty = TRUE;
    }
  g_signal_connect_swapped (self->monitor, "notify", G_CALLBACK (on_monitor_notify), self);
  soc_checklist_panel_update_now (self);
}

SocChecklistMonitor *
soc_checklist_panel_get_monitor (SocChecklistPanel *self)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_PANEL (self), NULL);
  return self->monitor;
}

GtkWidget *
soc_checklist_panel_get_row (SocChecklistPanel *self,
                             SocFactor          factor)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_PANEL (self), NULL);
  g_return_val_if_fail (factor < SOC_N_FACTORS, NULL);
  return self->factors[factor].row;
}

GtkWidget *
soc_checklist_panel_get_judgement (SocChecklistPanel *self,
                                   SocFactor          factor)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_PANEL (self), NULL);
  g_return_val_if_fail (factor < SOC_N_FACTORS, NULL);
  ensure_judgement (self, factor);
  return self->factors[factor].judgement;
}

/* How many rows list the objects that fail FACTOR (for tests): none
 * until the factor is opened. */
guint
soc_checklist_panel_get_n_failing_rows (SocChecklistPanel *self,
                                        SocFactor          factor)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_PANEL (self), 0);
  g_return_val_if_fail (factor < SOC_N_FACTORS, 0);
  return self->factors[factor].failing->len;
}

/* How many times FACTOR's row was brought up to date (for tests). */
guint
soc_checklist_panel_get_n_updates (SocChecklistPanel *self,
                                   SocFactor          factor)
{
  g_return_val_if_fail (SOC_IS_CHECKLIST_PANEL (self), 0);
  g_return_val_if_fail (factor < SOC_N_FACTORS, 0);
  return self->factors[factor].n_updates;
}

static void
soc_checklist_panel_dispose (GObject *object)
{
  SocChecklistPanel *self = SOC_CHECKLIST_PANEL (object);

  soc_checklist_panel_set_document (self, NULL);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  for (guint i = 0; i < SOC_N_FACTORS; i++)
    {
      g_clear_pointer (&self->factors[i].failing, g_ptr_array_unref);
      g_clear_object (&self->factors[i].judgement);
      g_clear_object (&self->factors[i].note);
    }

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

/* The judgement rows, made when the factor is first opened (or asked
 * for), and kept from then on. */
static void
ensure_judgement (SocChecklistPanel *self,
                  SocFactor          f)
{
  Factor *factor = &self->factors[f];
  g_autoptr(GtkStringList) choices = NULL;

  if (factor->judgement != NULL)
    return;
  choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("As the plan says"));
  for (SocFactorState s = SOC_FACTOR_STATE_MET; s <= SOC_FACTOR_STATE_NOT_MET; s++)
    gtk_string_list_append (choices, soc_enum_to_label (SOC_TYPE_FACTOR_STATE, s));

  /* Kept, and moved after the failing objects when those change. */
  factor->judgement = g_object_ref_sink (plain_row (adw_combo_row_new ()));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (factor->judgement), _("Your judgement"));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (factor->judgement), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (factor->judgement), G_LIST_MODEL (choices));
  g_object_set_data (G_OBJECT (factor->judgement), "soc-factor", GINT_TO_POINTER (f));
  g_signal_connect (factor->judgement, "notify::selected", G_CALLBACK (on_judgement_selected), self);

  factor->note = g_object_ref_sink (plain_row (adw_entry_row_new ()));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (factor->note), _("Why"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (factor->note), TRUE);
  g_object_set_data (G_OBJECT (factor->note), "soc-factor", GINT_TO_POINTER (f));
  g_signal_connect (factor->note, "apply", G_CALLBACK (on_note_applied), self);

  soc_factor_row_add_row (SOC_FACTOR_ROW (factor->row), factor->judgement);
  soc_factor_row_add_row (SOC_FACTOR_ROW (factor->row), factor->note);
  if (self->monitor != NULL)
    update_judgement (self, f);
}

/* A row of the field's figures: a title over a text, laid out like the
 * factors' own (by width only). Returns its header, whose text changes. */
static GtkWidget *
figure_row (GtkWidget  *group,
            const char *title)
{
  GtkWidget *row = plain_row (adw_preferences_row_new ());
  GtkWidget *header = soc_row_header_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  soc_row_header_set_title (SOC_ROW_HEADER (header), title);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), header);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  soc_row_header_get_title_label (SOC_ROW_HEADER (header)), NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  soc_row_header_get_subtitle_label (SOC_ROW_HEADER (header)), NULL,
                                  -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return header;
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
      Factor *factor = &self->factors[f];

      factor->row = soc_factor_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (factor->row), soc_enum_to_label (SOC_TYPE_FACTOR, f));
      factor->icon = gtk_image_new ();
      soc_factor_row_add_prefix (SOC_FACTOR_ROW (factor->row), factor->icon);
      factor->failing = g_ptr_array_new ();
      g_object_set_data (G_OBJECT (factor->row), "soc-factor", GINT_TO_POINTER (f));
      g_signal_connect (factor->row, "notify::expanded", G_CALLBACK (on_expanded), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), factor->row);
    }
  gtk_box_append (GTK_BOX (self->box), self->group);

  self->figures = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->figures), _("Against the Field’s Figures"));
  self->metrics = figure_row (self->figures, _("Tied to outcomes by a metric"));
  self->technology = figure_row (self->figures, _("Technology share of the effort"));
  gtk_widget_set_margin_top (self->figures, 12);
  gtk_box_append (GTK_BOX (self->box), self->figures);
}

GtkWidget *
soc_checklist_panel_new (void)
{
  return g_object_new (SOC_TYPE_CHECKLIST_PANEL, NULL);
}
