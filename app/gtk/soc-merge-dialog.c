/* soc-merge-dialog.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per conflict: what it is, in the words of the core, and a pair
 * of toggles, yours or theirs. The dialog only collects choices; the
 * window merges with them (soc-window-merge.c).
 */

#define G_LOG_DOMAIN "soc-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-diff.h"
#include "soc-merge-dialog.h"

struct _SocMergeDialog
{
  AdwWindow           parent_instance;

  GPtrArray          *conflicts;
  SocMergeDialogMode  mode;
  GPtrArray          *theirs;       /* GtkToggleButton, one per conflict */
  GtkWidget          *merge_button;
  gboolean            responded;
};

G_DEFINE_FINAL_TYPE (SocMergeDialog, soc_merge_dialog, ADW_TYPE_WINDOW)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
respond (SocMergeDialog *self,
         const char     *response)
{
  if (self->responded)
    return;
  self->responded = TRUE;
  g_signal_emit (self, signals[RESPONSE], 0, response);
}

static gboolean
soc_merge_dialog_close_request (GtkWindow *window)
{
  respond (SOC_MERGE_DIALOG (window), "cancel");
  return GTK_WINDOW_CLASS (soc_merge_dialog_parent_class)->close_request (window);
}

static void
soc_merge_dialog_dispose (GObject *object)
{
  SocMergeDialog *self = SOC_MERGE_DIALOG (object);

  g_clear_pointer (&self->theirs, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (soc_merge_dialog_parent_class)->dispose (object);
}

static void
soc_merge_dialog_class_init (SocMergeDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = soc_merge_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = soc_merge_dialog_close_request;

  /**
   * SocMergeDialog::response:
   * @response: "merge" or "cancel"
   *
   * Emitted once, when the dialog is answered or closed.
   */
  signals[RESPONSE] =
    g_signal_new ("response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
soc_merge_dialog_init (SocMergeDialog *self)
{
  self->theirs = g_ptr_array_new ();
}

/* Whether their side of CONFLICT can be taken: recorded conflicts keep
 * their value only when it is a field's. */
gboolean
soc_merge_dialog_can_take_theirs (const SocMergeConflict *conflict,
                                  SocMergeDialogMode      mode)
{
  if (mode == SOC_MERGE_DIALOG_MERGE)
    return TRUE;
  return (conflict->kind == SOC_MERGE_CONFLICT_FIELD || conflict->kind == SOC_MERGE_CONFLICT_RULE ||
          conflict->kind == SOC_MERGE_CONFLICT_CYCLE) &&
         conflict->field != NULL && conflict->field[0] != '{';
}

static GtkWidget *
toggle_new (const char *text)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_tooltip_text (button, text);
  return button;
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  /* Plain text: titles are the user's, never markup. */
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
row_new (SocMergeDialog         *self,
         const SocMergeConflict *c)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *choice = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *what = soc_merge_conflict_describe (c);
  g_autofree char *subject = soc_merge_conflict_get_subject (c);
  g_autofree char *issue = soc_merge_conflict_get_issue (c);
  g_autofree char *ours_value = soc_merge_conflict_format_value (c, c->ours);
  g_autofree char *theirs_value = soc_merge_conflict_format_value (c, c->theirs);
  /* Translators: a choice in a merge, with the value it keeps */
  g_autofree char *ours_text = g_strdup_printf (_("Yours: %s"), ours_value);
  /* Translators: a choice in a merge, with the value it takes */
  g_autofree char *theirs_text = g_strdup_printf (_("Theirs: %s"), theirs_value);
  GtkWidget *ours, *theirs;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  gtk_box_append (GTK_BOX (box), text_label (subject, "heading"));
  gtk_box_append (GTK_BOX (box), text_label (issue, "dim-label"));

  ours = toggle_new (ours_text);
  theirs = toggle_new (theirs_text);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (ours));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (c->chosen && c->resolution == SOC_MERGE_THEIRS ? theirs : ours), TRUE);
  if (!soc_merge_dialog_can_take_theirs (c, self->mode))
    {
      gtk_widget_set_sensitive (theirs, FALSE);
      gtk_widget_set_tooltip_text (theirs, _("Their version is kept in the plan file; Socplan cannot bring it back here"));
    }
  gtk_widget_add_css_class (choice, "linked");
  gtk_widget_set_halign (choice, GTK_ALIGN_START);
  gtk_widget_set_margin_top (choice, 6);
  gtk_box_append (GTK_BOX (choice), ours);
  gtk_box_append (GTK_BOX (choice), theirs);
  gtk_box_append (GTK_BOX (box), choice);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_ptr_array_add (self->theirs, theirs);
  return row;
}

static void
on_merge (SocMergeDialog *self)
{
  respond (self, "merge");
}

static void
on_cancel (SocMergeDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
choose_all (SocMergeDialog *self,
            SocMergeSide    side)
{
  for (guint i = 0; i < self->theirs->len; i++)
    soc_merge_dialog_choose (self, i, side);
}

static void
on_all_yours (SocMergeDialog *self)
{
  choose_all (self, SOC_MERGE_OURS);
}

static void
on_all_theirs (SocMergeDialog *self)
{
  choose_all (self, SOC_MERGE_THEIRS);
}

/* A dialog over PARENT listing CONFLICTS (SocMergeConflict); the open ones
 * start on our side, chosen ones as chosen. */
SocMergeDialog *
soc_merge_dialog_new (GtkWindow          *parent,
                      GPtrArray          *conflicts,
                      SocMergeDialogMode  mode)
{
  SocMergeDialog *self = g_object_new (SOC_TYPE_MERGE_DIALOG,
                                       "modal", TRUE,
                                       "transient-for", parent,
                                       "default-width", 680,
                                       "default-height", 560,
                                       NULL);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro, *list, *all, *button;
  g_autofree char *intro_text = NULL;
  guint n = conflicts->len;

  self->conflicts = g_ptr_array_ref (conflicts);
  self->mode = mode;

  gtk_window_set_title (GTK_WINDOW (self), mode == SOC_MERGE_DIALOG_MERGE ? _("Merge With the Version on Disk")
                                                                        : _("Merge Conflicts"));
  self->merge_button = gtk_button_new_with_mnemonic (mode == SOC_MERGE_DIALOG_MERGE ? _("_Merge") : _("_Resolve"));
  gtk_widget_add_css_class (self->merge_button, "suggested-action");
  g_signal_connect_swapped (self->merge_button, "clicked", G_CALLBACK (on_merge), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->merge_button);
  gtk_box_append (GTK_BOX (content), header);

  if (mode == SOC_MERGE_DIALOG_MERGE)
    intro_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
      "Everything else merged. You and the other version changed %u thing differently: choose which one the plan keeps. The merge is one step you can undo.",
      "Everything else merged. You and the other version changed %u things differently: choose, for each, which one the plan keeps. The merge is one step you can undo.",
      n), n);
  else
    intro_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
      "A merge left %u conflict in this plan and kept your side of it. Choose their side where you want it; what you resolve leaves the plan’s list of conflicts.",
      "A merge left %u conflicts in this plan and kept your side of each. Choose their side where you want it; what you resolve leaves the plan’s list of conflicts.",
      n), n);
  intro = gtk_label_new (intro_text);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (page), intro);

  all = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_with_mnemonic (_("Keep All _Yours"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_all_yours), self);
  gtk_box_append (GTK_BOX (all), button);
  button = gtk_button_new_with_mnemonic (_("Take All _Theirs"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_all_theirs), self);
  gtk_box_append (GTK_BOX (all), button);
  gtk_box_append (GTK_BOX (page), all);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), row_new (self, g_ptr_array_index (conflicts, i)));
  gtk_box_append (GTK_BOX (page), list);

  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), scrolled);

  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->merge_button);
  return self;
}

/* Chooses SIDE for conflict INDEX, as its toggles would. */
void
soc_merge_dialog_choose (SocMergeDialog *self,
                         guint           index,
                         SocMergeSide    side)
{
  GtkToggleButton *theirs;

  g_return_if_fail (SOC_IS_MERGE_DIALOG (self));
  g_return_if_fail (index < self->theirs->len);

  theirs = g_ptr_array_index (self->theirs, index);
  if (side == SOC_MERGE_THEIRS && !gtk_widget_get_sensitive (GTK_WIDGET (theirs)))
    return;
  if (side == SOC_MERGE_THEIRS)
    gtk_toggle_button_set_active (theirs, TRUE);
  else
    {
      /* Its group partner is the first child of the linked box. */
      GtkWidget *ours = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (theirs)));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ours), TRUE);
    }
}

/* Every conflict's key (soc_merge_conflict_key()) to its chosen side, as
 * GINT_TO_POINTER (SocMergeSide + 1), for soc_merge_documents(). */
GHashTable *
soc_merge_dialog_get_choices (SocMergeDialog *self)
{
  GHashTable *choices;

  g_return_val_if_fail (SOC_IS_MERGE_DIALOG (self), NULL);

  choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      GtkToggleButton *theirs = g_ptr_array_index (self->theirs, i);
      SocMergeSide side = gtk_toggle_button_get_active (theirs) ? SOC_MERGE_THEIRS : SOC_MERGE_OURS;

      g_hash_table_insert (choices, soc_merge_conflict_key (g_ptr_array_index (self->conflicts, i)),
                           GINT_TO_POINTER (side + 1));
    }
  return choices;
}
