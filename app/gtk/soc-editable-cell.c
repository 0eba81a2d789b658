/* soc-editable-cell.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cell shows its text on one line, cut with an ellipsis and whole in a
 * tooltip. People click rows to look at them, so one click only selects:
 * a double click (or Enter on the row, through the table) edits. Enter or
 * leaving the cell commits, Escape puts the text back; either way nothing
 * is reported unless the text really changed.
 */

#define G_LOG_DOMAIN "soc-editable-cell"

#include "config.h"

#include <string.h>

#include "soc-cell-label.h"
#include "soc-editable-cell.h"

struct _SocEditableCell
{
  GtkWidget  parent_instance;

  GtkWidget *label;     /* SocCellLabel, made with the owner's context */
  GtkWidget *text;      /* GtkText, shown while editing */
  char      *shown;     /* the text as the model gives it */
  guint      stop_id;
};

G_DEFINE_FINAL_TYPE (SocEditableCell, soc_editable_cell, GTK_TYPE_WIDGET)

enum {
  COMMIT,
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* The whole text, as a tooltip, when it does not fit                        */

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text;

  if (SOC_IS_CELL_LABEL (widget))
    {
      text = soc_cell_label_get_text (SOC_CELL_LABEL (widget));
      if (text == NULL || text[0] == '\0')
        return FALSE;
      if (!soc_cell_label_is_cut (SOC_CELL_LABEL (widget)) && strchr (text, '\n') == NULL)
        return FALSE;
    }
  else
    {
      g_autoptr(PangoLayout) layout = NULL;
      int width;

      text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
      if (text == NULL || text[0] == '\0')
        return FALSE;
      layout = gtk_widget_create_pango_layout (widget, text);
      pango_layout_get_pixel_size (layout, &width, NULL);
      if (width <= gtk_widget_get_width (widget) && strchr (text, '\n') == NULL)
        return FALSE;
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* INSCRIPTION (a GtkInscription or a SocCellLabel) shows its whole text
 * in a tooltip when it is cut. */
void
soc_text_tooltip_attach (GtkWidget *inscription)
{
  g_return_if_fail (GTK_IS_INSCRIPTION (inscription) || SOC_IS_CELL_LABEL (inscription));

  gtk_widget_set_has_tooltip (inscription, TRUE);
  g_signal_connect (inscription, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                  */

static void on_text_activate (SocEditableCell *self);
static void on_focus_leave   (GtkEventControllerFocus *controller,
                              SocEditableCell         *self);

/* The text entry, made the first time the cell is edited: a table makes
 * hundreds of cells that are never edited. */
static GtkWidget *
ensure_text (SocEditableCell *self)
{
  GtkEventController *focus;

  if (self->text == NULL)
    {
      self->text = gtk_text_new ();
      gtk_widget_set_hexpand (self->text, TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->text), 1);
      gtk_widget_set_visible (self->text, FALSE);
      gtk_widget_set_parent (self->text, GTK_WIDGET (self));
      g_signal_connect_swapped (self->text, "activate", G_CALLBACK (on_text_activate), self);
      /* Here, not on every cell: most are never edited. */
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
      gtk_widget_add_controller (GTK_WIDGET (self), focus);
    }
  return self->text;
}

gboolean
soc_editable_cell_get_editing (SocEditableCell *self)
{
  g_return_val_if_fail (SOC_IS_EDITABLE_CELL (self), FALSE);
  return self->text != NULL && gtk_widget_get_visible (self->text);
}

void
soc_editable_cell_start_editing (SocEditableCell *self)
{
  g_return_if_fail (SOC_IS_EDITABLE_CELL (self));

  if (soc_editable_cell_get_editing (self))
    {
      gtk_widget_grab_focus (self->text);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (ensure_text (self)), self->shown ? self->shown : "");
  gtk_widget_set_visible (self->label, FALSE);
  gtk_widget_set_visible (self->text, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "editing");
  gtk_widget_grab_focus (self->text);
  gtk_editable_select_region (GTK_EDITABLE (self->text), 0, -1);
}

/* Leaves editing; with COMMIT, reports the text if it differs from what
 * the cell showed. The cell shows the model's text again either way: a
 * committed edit comes back through set_text() once the model has it. */
void
soc_editable_cell_stop_editing (SocEditableCell *self,
                                gboolean         commit)
{
  g_autofree char *typed = NULL;
  gboolean had_focus;

  g_return_if_fail (SOC_IS_EDITABLE_CELL (self));

  g_clear_handle_id (&self->stop_id, g_source_remove);
  if (!soc_editable_cell_get_editing (self))
    return;

  typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text)));
  had_focus = gtk_widget_has_focus (self->text);
  gtk_widget_set_visible (self->text, FALSE);
  gtk_widget_set_visible (self->label, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "editing");

  g_object_ref (self);
  if (commit && g_strcmp0 (typed, self->shown ? self->shown : "") != 0)
    g_signal_emit (self, signals[COMMIT], 0, typed);
  g_signal_emit (self, signals[DONE], 0, had_focus);
  g_object_unref (self);
}

GtkEditable *
soc_editable_cell_get_editable (SocEditableCell *self)
{
  g_return_val_if_fail (SOC_IS_EDITABLE_CELL (self), NULL);
  return GTK_EDITABLE (ensure_text (self));
}

static void
on_text_activate (SocEditableCell *self)
{
  soc_editable_cell_stop_editing (self, TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  soc_editable_cell_stop_editing (SOC_EDITABLE_CELL (widget), FALSE);
}

static void
edit_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  soc_editable_cell_start_editing (SOC_EDITABLE_CELL (widget));
}

/* Leaving the cell commits; the text's own menu does not count as leaving. */
static gboolean
stop_if_left (gpointer data)
{
  SocEditableCell *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->stop_id = 0;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    soc_editable_cell_stop_editing (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                SocEditableCell         *self)
{
  if (soc_editable_cell_get_editing (self) && self->stop_id == 0)
    self->stop_id = g_idle_add (stop_if_left, self);
}

/* ------------------------------------------------------------------------ */

void
soc_editable_cell_set_text (SocEditableCell *self,
                            const char      *text)
{
  g_return_if_fail (SOC_IS_EDITABLE_CELL (self));

  if (g_strcmp0 (self->shown, text) == 0)
    return;
  g_free (self->shown);
  self->shown = g_strdup (text);
  soc_cell_label_set_text (SOC_CELL_LABEL (self->label), text);
}

const char *
soc_editable_cell_get_text (SocEditableCell *self)
{
  g_return_val_if_fail (SOC_IS_EDITABLE_CELL (self), NULL);
  return self->shown ? self->shown : "";
}

/* How wide the cell asks to be, in characters: at least MIN_CHARS, and
 * NAT_CHARS when there is room. */
void
soc_editable_cell_set_chars (SocEditableCell *self,
                             guint            min_chars,
                             guint            nat_chars)
{
  g_return_if_fail (SOC_IS_EDITABLE_CELL (self));

  soc_cell_label_set_chars (SOC_CELL_LABEL (self->label), min_chars, nat_chars);
}

static void
soc_editable_cell_dispose (GObject *object)
{
  SocEditableCell *self = SOC_EDITABLE_CELL (object);

  g_clear_handle_id (&self->stop_id, g_source_remove);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->text, gtk_widget_unparent);

  G_OBJECT_CLASS (soc_editable_cell_parent_class)->dispose (object);
}

static void
soc_editable_cell_finalize (GObject *object)
{
  SocEditableCell *self = SOC_EDITABLE_CELL (object);

  g_free (self->shown);

  G_OBJECT_CLASS (soc_editable_cell_parent_class)->finalize (object);
}

static void
soc_editable_cell_class_init (SocEditableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_editable_cell_dispose;
  object_class->finalize = soc_editable_cell_finalize;

  /**
   * SocEditableCell::commit:
   * @text: what the user typed, different from what the cell showed
   */
  signals[COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * SocEditableCell::done:
   * @had_focus: whether the keyboard was in the cell
   *
   * Editing ended, committed or not.
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "cell.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "cell.edit", NULL, edit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "cell.cancel", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "soceditablecell");
}

static void
soc_editable_cell_init (SocEditableCell *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

/* A cell whose text has OWNER's font: the table it is in. */
GtkWidget *
soc_editable_cell_new (GtkWidget *owner)
{
  SocEditableCell *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  self = g_object_new (SOC_TYPE_EDITABLE_CELL, NULL);
  self->label = soc_cell_label_new (owner);
  gtk_widget_set_hexpand (self->label, TRUE);
  soc_text_tooltip_attach (self->label);
  gtk_widget_insert_after (self->label, GTK_WIDGET (self), NULL);
  return GTK_WIDGET (self);
}
