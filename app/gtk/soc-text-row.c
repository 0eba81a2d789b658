/* soc-text-row.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole text is always visible: it wraps instead of being cut. A
 * one-line field commits on Enter; a many-line one (a vision, notes, a
 * description) takes Enter as a new line. Both commit when the keyboard
 * leaves them, or with the apply button shown while there are changes;
 * Escape puts back what the plan says and clears a refusal. Nothing is
 * reported unless the text changed.
 */

#define G_LOG_DOMAIN "soc-text-row"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-text-row.h"

struct _SocTextRow
{
  AdwPreferencesRow parent_instance;

  GtkWidget *title;
  GtkWidget *view;       /* GtkTextView */
  GtkWidget *hint;
  GtkWidget *apply;
  char      *committed;  /* what the plan says */
  gboolean   multi_line;
  gboolean   setting;    /* writing the plan's text into the buffer */
  guint      leave_id;
  guint      fit_id;
  int        fit_width;  /* the view's width last checked for its height */
};

G_DEFINE_FINAL_TYPE (SocTextRow, soc_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  COMMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkTextBuffer *
buffer (SocTextRow *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
}

/* What is typed now. */
char *
soc_text_row_get_text (SocTextRow *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (SOC_IS_TEXT_ROW (self), NULL);

  gtk_text_buffer_get_bounds (buffer (self), &start, &end);
  return gtk_text_buffer_get_text (buffer (self), &start, &end, FALSE);
}

gboolean
soc_text_row_get_modified (SocTextRow *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SOC_IS_TEXT_ROW (self), FALSE);

  text = soc_text_row_get_text (self);
  return g_strcmp0 (text, self->committed ? self->committed : "") != 0;
}

static void
update_apply (SocTextRow *self)
{
  gtk_widget_set_visible (self->apply, soc_text_row_get_modified (self));
}

/* Shows TEXT, what the plan says. What the user is typing is kept: the
 * plan changing elsewhere does not take it away. */
void
soc_text_row_set_text (SocTextRow *self,
                       const char *text)
{
  g_autofree char *shown = NULL;
  gboolean typing;

  g_return_if_fail (SOC_IS_TEXT_ROW (self));

  if (text == NULL)
    text = "";
  shown = soc_text_row_get_text (self);
  typing = g_strcmp0 (shown, self->committed ? self->committed : "") != 0;
  g_free (self->committed);
  self->committed = g_strdup (text);
  /* The same text is not set again: a text view lays its text out anew
   * for it (choosing stakeholders of the same department, or with no
   * notes, did so for every field). */
  if (!typing && g_strcmp0 (shown, text) != 0)
    {
      self->setting = TRUE;
      gtk_text_buffer_set_text (buffer (self), text, -1);
      self->setting = FALSE;
    }
  update_apply (self);
}

/* Replaces what is typed, as if the user had typed TEXT. */
void
soc_text_row_set_typed (SocTextRow *self,
                        const char *text)
{
  g_return_if_fail (SOC_IS_TEXT_ROW (self));

  gtk_text_buffer_set_text (buffer (self), text, -1);
}

/* Reports what is typed, if it differs from what the plan says. */
void
soc_text_row_commit (SocTextRow *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SOC_IS_TEXT_ROW (self));

  g_clear_handle_id (&self->leave_id, g_source_remove);
  if (!soc_text_row_get_modified (self))
    return;
  text = soc_text_row_get_text (self);
  /* A one-line field keeps one line, whatever was pasted. */
  if (!self->multi_line)
    g_strdelimit (text, "\r\n", ' ');
  g_signal_emit (self, signals[COMMIT], 0, text);
}

/* Puts back what the plan says, and forgets a refusal. */
void
soc_text_row_revert (SocTextRow *self)
{
  g_return_if_fail (SOC_IS_TEXT_ROW (self));

  if (soc_text_row_get_modified (self))
    {
      self->setting = TRUE;
      gtk_text_buffer_set_text (buffer (self), self->committed ? self->committed : "", -1);
      self->setting = FALSE;
    }
  if (soc_text_row_get_error (self))
    soc_text_row_set_error (self, FALSE);
  update_apply (self);
}

void
soc_text_row_set_error (SocTextRow *self,
                        gboolean    error)
{
  g_return_if_fail (SOC_IS_TEXT_ROW (self));

  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

gboolean
soc_text_row_get_error (SocTextRow *self)
{
  g_return_val_if_fail (SOC_IS_TEXT_ROW (self), FALSE);
  return gtk_widget_has_css_class (GTK_WIDGET (self), "error");
}

/* A line under the text that says what the field is for. */
void
soc_text_row_set_hint (SocTextRow *self,
                       const char *hint)
{
  g_return_if_fail (SOC_IS_TEXT_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->hint), hint);
  gtk_widget_set_visible (self->hint, hint != NULL && hint[0] != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  hint != NULL ? hint : "", -1);
}

/* Puts the keyboard in the text; with SELECT_ALL, typing replaces it. */
gboolean
soc_text_row_focus (SocTextRow *self,
                    gboolean    select_all)
{
  GtkTextIter start, end;

  g_return_val_if_fail (SOC_IS_TEXT_ROW (self), FALSE);

  gtk_text_buffer_get_bounds (buffer (self), &start, &end);
  if (select_all)
    gtk_text_buffer_select_range (buffer (self), &end, &start);
  else
    gtk_text_buffer_place_cursor (buffer (self), &end);
  return gtk_widget_grab_focus (self->view);
}

GtkTextView *
soc_text_row_get_view (SocTextRow *self)
{
  g_return_val_if_fail (SOC_IS_TEXT_ROW (self), NULL);
  return GTK_TEXT_VIEW (self->view);
}

/* GTK 4.8's text view learns its height only after it has laid out its
 * lines, and does not ask for that height again by itself: ask for it
 * once the lines are laid out, so the whole text shows. */
static gboolean
fit_idle (gpointer data)
{
  SocTextRow *self = data;

  self->fit_id = 0;
  gtk_widget_queue_resize (self->view);
  return G_SOURCE_REMOVE;
}

static void
queue_fit (SocTextRow *self)
{
  if (self->fit_id == 0)
    self->fit_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fit_idle, self, NULL);
}

/* The row lays out its one child itself, as GtkListBoxRow's layout
 * manager would: a widget with a layout manager never hears of its size
 * (GTK calls the manager instead of size_allocate), and the row must, to
 * check its text's height at each new width. */
static void
soc_text_row_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

/* Height for width, as its wrapped texts are (a widget with no layout
 * manager would not trade width for height at all). */
static GtkSizeRequestMode
soc_text_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* A text view narrowed or widened lays its lines out again at its new
 * width after it is allocated, too late for the height it asked: ask
 * again once that is done, once for each new width (a row kept shorter
 * than its text must not ask for ever). */
static void
soc_text_row_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SocTextRow *self = SOC_TEXT_ROW (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
  if (gtk_widget_get_width (self->view) != self->fit_width)
    {
      self->fit_width = gtk_widget_get_width (self->view);
      queue_fit (self);
    }
}

static void
on_changed (SocTextRow *self)
{
  update_apply (self);
  self->fit_width = -1;
  queue_fit (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SocTextRow            *self)
{
  gboolean enter = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if (keyval == GDK_KEY_Escape && mods == 0)
    {
      if (!soc_text_row_get_modified (self) && !soc_text_row_get_error (self))
        return GDK_EVENT_PROPAGATE;
      soc_text_row_revert (self);
      return GDK_EVENT_STOP;
    }
  if (!enter)
    return GDK_EVENT_PROPAGATE;
  /* With Ctrl, Enter belongs to the window (add the next one): commit
   * first, then let it through. */
  if (mods & GDK_CONTROL_MASK)
    {
      soc_text_row_commit (self);
      gtk_widget_activate_action (GTK_WIDGET (self),
                                  (mods & GDK_SHIFT_MASK) ? "win.add-child" : "win.add-sibling", NULL);
      return GDK_EVENT_STOP;
    }
  if (self->multi_line)
    return GDK_EVENT_PROPAGATE;
  soc_text_row_commit (self);
  return GDK_EVENT_STOP;
}

/* Leaving the field commits; its own context menu does not count. */
static gboolean
commit_if_left (gpointer data)
{
  SocTextRow *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->leave_id = 0;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    soc_text_row_commit (self);
  return G_SOURCE_REMOVE;
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                SocTextRow              *self)
{
  if (self->leave_id == 0 && soc_text_row_get_modified (self))
    self->leave_id = g_idle_add (commit_if_left, self);
}

static void
on_activate (SocTextRow *self)
{
  soc_text_row_focus (self, FALSE);
}

static void
soc_text_row_dispose (GObject *object)
{
  SocTextRow *self = SOC_TEXT_ROW (object);

  g_clear_handle_id (&self->leave_id, g_source_remove);
  g_clear_handle_id (&self->fit_id, g_source_remove);

  G_OBJECT_CLASS (soc_text_row_parent_class)->dispose (object);
}

static void
soc_text_row_finalize (GObject *object)
{
  SocTextRow *self = SOC_TEXT_ROW (object);

  g_free (self->committed);

  G_OBJECT_CLASS (soc_text_row_parent_class)->finalize (object);
}

static void
soc_text_row_class_init (SocTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_text_row_dispose;
  object_class->finalize = soc_text_row_finalize;
  widget_class->get_request_mode = soc_text_row_get_request_mode;
  widget_class->measure = soc_text_row_measure;
  widget_class->size_allocate = soc_text_row_size_allocate;

  /**
   * SocTextRow::commit:
   * @text: what the user typed, different from what the plan says
   */
  signals[COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
soc_text_row_init (SocTextRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  self->fit_width = -1;
  gtk_widget_add_css_class (GTK_WIDGET (self), "soc-text-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_widget_add_css_class (self->title, "caption");
  gtk_widget_add_css_class (self->title, "dim-label");
  g_object_bind_property (self, "title", self->title, "label", G_BINDING_SYNC_CREATE);

  self->view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->view), FALSE);
  gtk_widget_set_hexpand (self->view, TRUE);
  gtk_widget_add_css_class (self->view, "soc-text-row-view");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->title, NULL, -1);

  self->hint = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->hint), 0);
  gtk_label_set_wrap (GTK_LABEL (self->hint), TRUE);
  gtk_widget_add_css_class (self->hint, "caption");
  gtk_widget_add_css_class (self->hint, "dim-label");
  gtk_widget_set_visible (self->hint, FALSE);

  self->apply = gtk_button_new_from_icon_name ("adw-entry-apply-symbolic");
  gtk_widget_set_valign (self->apply, GTK_ALIGN_CENTER);
  gtk_widget_set_focus_on_click (self->apply, FALSE);
  gtk_widget_add_css_class (self->apply, "suggested-action");
  gtk_widget_add_css_class (self->apply, "circular");
  gtk_widget_set_tooltip_text (self->apply, _("Apply"));
  gtk_widget_set_visible (self->apply, FALSE);
  g_signal_connect_swapped (self->apply, "clicked", G_CALLBACK (soc_text_row_commit), self);

  gtk_box_append (GTK_BOX (column), self->title);
  gtk_box_append (GTK_BOX (column), self->view);
  gtk_box_append (GTK_BOX (column), self->hint);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (box), column);
  gtk_box_append (GTK_BOX (box), self->apply);
  gtk_widget_add_css_class (box, "soc-text-row-box");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  g_signal_connect_swapped (buffer (self), "changed", G_CALLBACK (on_changed), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->view, keys);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (self, "activate", G_CALLBACK (on_activate), NULL);
}

/* A row titled TITLE; MULTI_LINE ones take Enter as a new line. */
GtkWidget *
soc_text_row_new (const char *title,
                  gboolean    multi_line)
{
  SocTextRow *self = g_object_new (SOC_TYPE_TEXT_ROW, "title", title, NULL);

  self->multi_line = multi_line;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_MULTI_LINE,
                                  multi_line, -1);
  if (multi_line)
    gtk_widget_add_css_class (GTK_WIDGET (self), "multi-line");
  return GTK_WIDGET (self);
}
