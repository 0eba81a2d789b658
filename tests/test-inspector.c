/* test-inspector.c: editing in the inspector, under Xvfb
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "soc-edit.h"
#include "soc-inspector.h"
#include "soc-link-list.h"
#include "soc-ref-picker.h"
#include "soc-scroll-body.h"
#include "soc-stakeholder-links.h"
#include "soc-test-util.h"
#include "soc-text-row.h"
#include "soc-ui-test-util.h"

/* Titles a strategist writes every day, and two that look like markup. */
#define PLAN                                                                                            \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                        \
  "<socplan xmlns=\"https://socplan.github.io/ns/socplan\" version=\"1.0\">\n"                          \
  "  <plan horizon-start=\"2026-01-01\" horizon-end=\"2028-12-31\"><title>Inspector</title></plan>\n"   \
  "  <goals>\n"                                                                                         \
  "    <goal id=\"g1\" kind=\"vision\"><title>R&amp;D in the open</title></goal>\n"                      \
  "    <goal id=\"g2\" kind=\"business-objective\" parent=\"g1\" owner=\"s1\"><title>Q&amp;A &lt;b&gt;fast&lt;/b&gt;</title></goal>\n" \
  "    <goal id=\"g3\" kind=\"metric\" parent=\"g2\"><title>Answers per week</title></goal>\n"          \
  "    <goal id=\"g4\" kind=\"business-objective\" parent=\"g1\"><title>Q&amp;A for customers</title></goal>\n" \
  "  </goals>\n"                                                                                        \
  "  <roadmap>\n"                                                                                       \
  "    <lane id=\"l1\" kind=\"culture-education\"><title>P&amp;L and culture</title></lane>\n"           \
  "    <item id=\"i1\" kind=\"activity\" lane=\"l1\" start=\"2026-01-05\" end=\"2026-02-06\" owner=\"s1\">\n" \
  "      <title>Kick-off &amp; survey</title><serves goal=\"g2\"/>\n"                                    \
  "    </item>\n"                                                                                       \
  "    <item id=\"i2\" kind=\"activity\" lane=\"l1\" start=\"2026-03-02\" end=\"2026-04-03\">\n"        \
  "      <title>Pilot &lt;i&gt;one&lt;/i&gt;</title><depends-on item=\"i1\"/>\n"                          \
  "    </item>\n"                                                                                       \
  "    <item id=\"i3\" kind=\"milestone\" lane=\"l1\" start=\"2026-05-04\"><title>Gate</title></item>\n" \
  "  </roadmap>\n"                                                                                      \
  "  <stakeholders>\n"                                                                                  \
  "    <stakeholder id=\"s1\" kind=\"person\" profile=\"leadership\"><name>Ann &amp; Bo</name></stakeholder>\n" \
  "    <stakeholder id=\"s2\" kind=\"person\" profile=\"management\"><name>Cy &lt;i&gt;x&lt;/i&gt;</name></stakeholder>\n" \
  "    <stakeholder id=\"s3\" kind=\"group\" profile=\"observers\"><name>Works council</name></stakeholder>\n" \
  "    <relationship id=\"r1\" kind=\"reports-to\" from=\"s2\" to=\"s1\"/>\n"                          \
  "  </stakeholders>\n"                                                                                 \
  "</socplan>\n"

typedef struct
{
  GtkWindow    *window;
  SocInspector *inspector;
  SocDocument  *doc;
  GPtrArray    *messages;
  GPtrArray    *jumps;
} Fixture;

static void
on_show_message (GSimpleAction *action,
                 GVariant      *param,
                 Fixture       *f)
{
  g_ptr_array_add (f->messages, g_variant_dup_string (param, NULL));
}

static void
on_activate_link (SocInspector *inspector,
                  SocObject    *target,
                  Fixture      *f)
{
  g_ptr_array_add (f->jumps, target);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) show = g_simple_action_new ("show-message", G_VARIANT_TYPE_STRING);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  f->messages = g_ptr_array_new_with_free_func (g_free);
  f->jumps = g_ptr_array_new ();
  f->doc = soc_test_load_string (PLAN);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 420, 900);
  f->inspector = SOC_INSPECTOR (soc_inspector_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (f->inspector), TRUE);
  /* Something else to put the keyboard on. */
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Elsewhere"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->inspector));
  gtk_window_set_child (f->window, box);
  soc_inspector_set_document (f->inspector, f->doc);
  g_signal_connect (f->inspector, "activate-link", G_CALLBACK (on_activate_link), f);

  g_signal_connect (show, "activate", G_CALLBACK (on_show_message), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (show));
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));

  gtk_window_present (f->window);
  SOC_UI_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->inspector)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  soc_ui_drain ();
  g_assert_finalize_object (f->doc);
  g_ptr_array_unref (f->messages);
  g_ptr_array_unref (f->jumps);
}

static SocObject *
lookup (Fixture    *f,
        const char *id)
{
  SocObject *object = soc_document_lookup (f->doc, id);

  g_assert_nonnull (object);
  return object;
}

/* Shows ID in the inspector: filled after the next frame, or when asked. */
static void
show (Fixture    *f,
      const char *id)
{
  soc_inspector_set_object (f->inspector, lookup (f, id));
  g_assert_true (soc_inspector_get_object (f->inspector) == lookup (f, id));
  soc_ui_drain ();
}

static SocHistory *
history (Fixture *f)
{
  return soc_document_get_history (f->doc);
}

/* Sends a key press to the key controllers of WIDGET, as typing does. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, state, &handled);
    }
  soc_ui_drain ();
  return handled;
}

static SocTextRow *
text_row (Fixture    *f,
          const char *property)
{
  GtkWidget *row = soc_inspector_get_row (f->inspector, property);

  g_assert_true (SOC_IS_TEXT_ROW (row));
  return SOC_TEXT_ROW (row);
}

static char *
string_of (SocObject  *object,
           const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);
  return value;
}

/* ------------------------------------------------------------------------ */

static void
check_no_interpreted_markup (GtkWidget *widget,
                             gpointer   data)
{
  /* "Q&A <b>fast</b>" read as markup shows "Q&A fast"; "<i>one</i>" shows "one". */
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      g_assert_null (strstr (text, "Q&A fast"));
      g_assert_null (strstr (text, "Pilot one"));
      g_assert_null (strstr (text, "Cy x"));
    }
}

/* User text never reaches a widget as markup: titles with "&" and with
 * what looks like markup show as typed, in every row that names them. */
static void
test_markup (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->inspector);

  show (f, "i1");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (soc_inspector_get_row (f->inspector, "serves")), TRUE);
  soc_ui_drain ();
  g_assert_true (soc_ui_shows (root, "Q&A <b>fast</b>"));
  g_assert_true (soc_ui_shows (root, "Ann & Bo"));     /* the owner */
  g_assert_true (soc_ui_shows (root, "P&L and culture"));   /* the lane */
  soc_ui_foreach_widget (root, check_no_interpreted_markup, NULL);

  show (f, "i2");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (soc_inspector_get_row (f->inspector, "depends-on")), TRUE);
  soc_ui_drain ();
  g_assert_true (soc_ui_shows (root, "Kick-off & survey"));
  soc_ui_foreach_widget (root, check_no_interpreted_markup, NULL);

  show (f, "s1");
  soc_stakeholder_links_update_now (SOC_STAKEHOLDER_LINKS (soc_inspector_get_links (f->inspector)));
  g_assert_true (soc_ui_shows (root, "Cy <i>x</i> reports to them"));
  g_assert_true (soc_ui_shows (root, "Q&A <b>fast</b>"));     /* a goal Ann & Bo owns */
  g_assert_true (soc_ui_shows (root, "Kick-off & survey"));   /* an item they own */
  soc_ui_foreach_widget (root, check_no_interpreted_markup, NULL);

  show (f, "s2");
  soc_ui_drain ();
  g_assert_true (soc_ui_shows (root, "Reports to Ann & Bo"));
  soc_ui_foreach_widget (root, check_no_interpreted_markup, NULL);
}

/* Enter commits a title as one step; Escape puts it back; unchanged text
 * and Escape record nothing; leaving the field commits. */
static void
test_text_commit (Fixture       *f,
                  gconstpointer  data)
{
  SocObject *g2 = lookup (f, "g2");
  SocTextRow *title;
  GtkWidget *view;

  show (f, "g2");
  title = text_row (f, "title");
  view = GTK_WIDGET (soc_text_row_get_view (title));
  g_assert_true (soc_inspector_focus_first (f->inspector));
  soc_ui_drain ();
  g_assert_true (gtk_widget_has_focus (view));

  /* Unchanged, Enter: nothing. */
  g_assert_true (press_key (view, GDK_KEY_Return, 0));
  g_assert_false (soc_history_can_undo (history (f)));

  /* Typed, Escape: back to the plan's title, nothing recorded. */
  soc_text_row_set_typed (title, "Something else");
  g_assert_true (press_key (view, GDK_KEY_Escape, 0));
  {
    g_autofree char *shown = soc_text_row_get_text (title);
    g_assert_cmpstr (shown, ==, "Q&A <b>fast</b>");
  }
  g_assert_false (soc_history_can_undo (history (f)));

  /* Typed, Enter: one step. */
  soc_text_row_set_typed (title, "Answers in the open");
  g_assert_true (press_key (view, GDK_KEY_Return, 0));
  g_assert_cmpstr (soc_object_get_label (g2), ==, "Answers in the open");
  g_assert_cmpstr (soc_history_get_undo_label (history (f)), ==, "Rename “Q&A <b>fast</b>”");
  g_assert_false (soc_text_row_get_modified (title));

  /* Undo: the field follows. */
  soc_document_undo (f->doc);
  {
    g_autofree char *shown = soc_text_row_get_text (title);
    g_assert_cmpstr (shown, ==, "Q&A <b>fast</b>");
  }

  /* A description, many lines: Enter is a new line; leaving commits. */
  {
    SocTextRow *description = text_row (f, "description");
    GtkWidget *dview = GTK_WIDGET (soc_text_row_get_view (description));
    GtkWidget *elsewhere = soc_ui_find (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, "Elsewhere");
    g_autofree char *stored = NULL;

    soc_text_row_focus (description, FALSE);
    press_key (dview, GDK_KEY_Return, 0);
    {
      g_autofree char *typed = soc_text_row_get_text (description);
      g_assert_cmpstr (typed, ==, "\n");
    }
    g_assert_false (soc_history_can_undo (history (f)));
    soc_text_row_set_typed (description, "First line\nSecond line");
    gtk_widget_grab_focus (elsewhere);
    SOC_UI_WAIT_UNTIL (!soc_text_row_get_modified (description));
    stored = string_of (g2, "description");
    g_assert_cmpstr (stored, ==, "First line\nSecond line");
  }

  /* Selecting another object takes what was typed to the one it was typed for. */
  soc_text_row_set_typed (title, "Typed, then another row selected");
  show (f, "g4");
  g_assert_cmpstr (soc_object_get_label (g2), ==, "Typed, then another row selected");
  {
    g_autofree char *shown = soc_text_row_get_text (title);
    g_assert_cmpstr (shown, ==, "Q&A for customers");
  }
  g_assert_cmpuint (f->messages->len, ==, 0);
}

/* A refused value stays, marked, with the reason; Escape clears it. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  SocTextRow *end;
  GtkWidget *view;

  show (f, "i1");
  end = text_row (f, "end");
  view = GTK_WIDGET (soc_text_row_get_view (end));
  soc_text_row_focus (end, TRUE);
  soc_text_row_set_typed (end, "2025-12-01");    /* before the start */
  press_key (view, GDK_KEY_Return, 0);
  g_assert_cmpuint (f->messages->len, ==, 1);
  g_assert_true (soc_text_row_get_error (end));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (end), "error"));
  g_assert_false (soc_history_can_undo (history (f)));

  g_assert_true (press_key (view, GDK_KEY_Escape, 0));
  g_assert_false (soc_text_row_get_error (end));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (end), "error"));
  {
    g_autofree char *shown = soc_text_row_get_text (end);
    g_assert_cmpstr (shown, ==, "2026-02-06");
  }

  /* Not a date at all. */
  soc_text_row_set_typed (end, "next spring");
  press_key (view, GDK_KEY_Return, 0);
  g_assert_cmpuint (f->messages->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->messages, 1), ==, "“next spring” is not a date: write it as YYYY-MM-DD");
  /* Another object: the mark does not follow. */
  show (f, "i2");
  g_assert_false (soc_text_row_get_error (end));
}

static guint
n_links (Fixture    *f,
         const char *property)
{
  GPtrArray *links = NULL;
  guint n;

  g_object_get (soc_inspector_get_object (f->inspector), property, &links, NULL);
  n = links != NULL ? links->len : 0;
  g_clear_pointer (&links, g_ptr_array_unref);
  return n;
}

/* How many links the row shows. */
static guint
n_link_rows (Fixture    *f,
             const char *property)
{
  GtkWidget *expander = soc_inspector_get_row (f->inspector, property);
  GtkWidget *list;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  soc_ui_drain ();
  list = soc_ui_find (expander, SOC_TYPE_LINK_LIST, NULL);
  g_assert_nonnull (list);
  return g_list_model_get_n_items (soc_link_list_get_model (SOC_LINK_LIST (list)));
}

/* The row of a link list that shows TEXT. */
static GtkWidget *
link_row (GtkWidget  *root,
          const char *text)
{
  GtkWidget *label = soc_ui_find (root, GTK_TYPE_INSCRIPTION, text);

  g_assert_nonnull (label);
  for (GtkWidget *w = label; w != NULL; w = gtk_widget_get_parent (w))
    if (gtk_widget_has_css_class (w, "soc-link-row"))
      return w;
  g_assert_not_reached ();
}

static void
collect_buttons (GtkWidget *widget,
                 gpointer   data)
{
  if (GTK_IS_BUTTON (widget))
    g_ptr_array_add (data, widget);
}

/* The Nth button inside ROOT, in the order they show. */
static GtkWidget *
nth_button (GtkWidget *root,
            guint      n)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  soc_ui_foreach_widget (root, collect_buttons, buttons);
  g_assert_cmpuint (buttons->len, >, n);
  return g_ptr_array_index (buttons, n);
}

/* The lists follow the document: after adding, removing, undo and redo. */
static void
test_lists_follow (Fixture       *f,
                   gconstpointer  data)
{
  SocRefPicker *picker;

  show (f, "i1");
  g_assert_cmpuint (n_link_rows (f, "serves"), ==, 1);
  picker = SOC_REF_PICKER (soc_inspector_get_editor (f->inspector, "serves"));
  soc_ref_picker_pick (picker, lookup (f, "g4"));
  g_assert_cmpuint (n_links (f, "serves"), ==, 2);
  g_assert_cmpuint (n_link_rows (f, "serves"), ==, 2);
  g_assert_true (soc_ui_shows (soc_inspector_get_row (f->inspector, "serves"), "Q&A for customers"));

  soc_document_undo (f->doc);
  g_assert_cmpuint (n_link_rows (f, "serves"), ==, 1);
  soc_document_redo (f->doc);
  g_assert_cmpuint (n_link_rows (f, "serves"), ==, 2);

  /* Remove with the row's button. */
  {
    GtkWidget *row = link_row (soc_inspector_get_row (f->inspector, "serves"), "Q&A for customers");

    g_signal_emit_by_name (nth_button (row, 1), "clicked");
    soc_ui_drain ();
  }
  g_assert_cmpuint (n_links (f, "serves"), ==, 1);
  g_assert_cmpuint (n_link_rows (f, "serves"), ==, 1);

  /* Dependencies: the item itself and those linked are not offered. */
  show (f, "i2");
  picker = SOC_REF_PICKER (soc_inspector_get_editor (f->inspector, "depends-on"));
  soc_ref_picker_popup (picker);
  soc_ui_drain ();
  g_assert_nonnull (soc_ref_picker_get_results (picker));
  SOC_UI_WAIT_UNTIL (g_list_model_get_n_items (soc_ref_picker_get_results (picker)) == 1);
  {
    g_autoptr(SocObject) only = g_list_model_get_item (soc_ref_picker_get_results (picker), 0);
    g_assert_true (only == lookup (f, "i3"));
  }
  soc_ref_picker_popdown (picker);
  soc_ui_drain ();
}

/* Showing another stakeholder fills the rows of the lists again; it makes
 * none. */
static void
test_link_rows_kept (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *links;
  GtkWidget *row;

  show (f, "s1");
  links = soc_inspector_get_links (f->inspector);
  row = soc_ui_find (links, GTK_TYPE_LIST_BOX_ROW, NULL);
  g_assert_nonnull (row);
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  show (f, "s2");
  show (f, "s1");
  soc_stakeholder_links_update_now (SOC_STAKEHOLDER_LINKS (links));
  g_assert_nonnull (row);
  g_assert_true (soc_ui_find (links, GTK_TYPE_LIST_BOX_ROW, NULL) == row);
  g_assert_true (gtk_widget_get_visible (row));
  g_object_remove_weak_pointer (G_OBJECT (row), (gpointer *) &row);
}

static void
collect_rows (GtkWidget *widget,
              gpointer   data)
{
  if (GTK_IS_LIST_BOX_ROW (widget) && g_object_get_data (G_OBJECT (widget), "soc-object") != NULL)
    g_ptr_array_add (data, widget);
}

/* The row of a link list inside ROOT that shows OBJECT. */
static GtkWidget *
row_of (GtkWidget *root,
        SocObject *object)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  soc_ui_foreach_widget (root, collect_rows, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "soc-object") == object)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

/* A link row is a line whatever its title: a long name is cut short (the
 * tooltip has it), so showing another object sets texts without laying
 * the pane out again. */
static void
test_link_row_one_line (Fixture       *f,
                        gconstpointer  data)
{
  SocStakeholderLinks *links;
  SocRelationship *rel;
  SocStakeholder *other;
  GtkWidget *row;
  g_autoptr(GError) error = NULL;
  g_autofree char *word = g_strnfill (40, 'x');
  g_autofree char *long_name = g_strjoin (" ", word, word, word, "the end", NULL);
  int before, after, ignored;

  show (f, "s1");
  links = SOC_STAKEHOLDER_LINKS (soc_inspector_get_links (f->inspector));
  soc_stakeholder_links_update_now (links);
  g_assert_cmpuint (soc_stakeholder_links_get_shown (links)->len, >=, 1);
  rel = g_ptr_array_index (soc_stakeholder_links_get_shown (links), 0);
  other = soc_relationship_get_from (rel) == SOC_STAKEHOLDER (lookup (f, "s1")) ? soc_relationship_get_to (rel)
                                                                                : soc_relationship_get_from (rel);
  row = row_of (GTK_WIDGET (links), SOC_OBJECT (rel));
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 260, &ignored, &before, NULL, NULL);

  g_assert_true (soc_edit_set_string (f->doc, SOC_OBJECT (other), "name", long_name, &error));
  g_assert_no_error (error);
  soc_stakeholder_links_update_now (links);
  soc_ui_drain ();
  g_assert_true (row_of (GTK_WIDGET (links), SOC_OBJECT (rel)) == row);
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 260, &ignored, &after, NULL, NULL);
  g_assert_cmpint (after, ==, before);
}

/* A row that shows what an object refers to (its lane, its owner) shows
 * four lines of it at most, whatever its length: the row is measured in
 * one pass each time another object is shown, and the whole name is still
 * the row's subtitle. */
/* Whether hovering ROW shows a tooltip (GTK asks it, as it does under the
 * pointer). */
static gboolean
asks_tooltip (GtkWidget *row)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_assert_true (gtk_widget_get_has_tooltip (row));
  g_signal_emit_by_name (row, "query-tooltip", 10, 10, FALSE, tooltip, &shown);
  return shown;
}

static void
test_reference_lines (Fixture       *f,
                      gconstpointer  data)
{
  SocObject *lane = lookup (f, "l1");
  GtkWidget *row;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  int tall, taller, ignored;

  g_string_append (name, "Training");
  for (guint i = 0; i < 60; i++)
    g_string_append (name, " and coaching");
  g_assert_true (soc_edit_set_string (f->doc, lane, "title", name->str, &error));
  g_assert_no_error (error);
  show (f, "i1");
  row = soc_inspector_get_row (f->inspector, "lane");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, name->str);
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 300, &ignored, &tall, NULL, NULL);

  for (guint i = 0; i < 60; i++)
    g_string_append (name, " and mentoring");
  g_assert_true (soc_edit_set_string (f->doc, lane, "title", name->str, &error));
  g_assert_no_error (error);
  show (f, "i2");
  show (f, "i1");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, name->str);
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 300, &ignored, &taller, NULL, NULL);
  g_assert_cmpint (taller, ==, tall);
  g_assert_cmpint (tall, <, 200);

  /* Cut off, the name shows whole in a tooltip; a short one has none. */
  SOC_UI_WAIT_UNTIL (gtk_widget_get_mapped (row) && gtk_widget_get_width (row) > 0);
  g_assert_true (asks_tooltip (row));
  g_assert_true (soc_edit_set_string (f->doc, lane, "title", "Training", &error));
  g_assert_no_error (error);
  soc_ui_spin (50);
  SOC_UI_WAIT_UNTIL (!asks_tooltip (row));
}

/* A stakeholder's relationships follow adds, removals, undo and redo. */
static void
test_relationships_follow (Fixture       *f,
                           gconstpointer  data)
{
  SocStakeholderLinks *links;
  SocRefPicker *picker;

  show (f, "s1");
  links = SOC_STAKEHOLDER_LINKS (soc_inspector_get_links (f->inspector));
  g_assert_cmpuint (soc_stakeholder_links_get_shown (links)->len, ==, 1);

  /* Ann & Bo is mentored by the works council. */
  picker = SOC_REF_PICKER (soc_stakeholder_links_get_picker (links));
  soc_stakeholder_links_set_new_kind (links, 5);
  soc_ref_picker_pick (picker, lookup (f, "s3"));
  soc_stakeholder_links_update_now (links);
  g_assert_cmpuint (soc_stakeholder_links_get_shown (links)->len, ==, 2);
  g_assert_true (soc_ui_shows (GTK_WIDGET (links), "Mentored by Works council"));
  {
    SocRelationship *rel = g_ptr_array_index (soc_stakeholder_links_get_shown (links), 1);
    g_assert_true (soc_relationship_get_from (rel) == SOC_STAKEHOLDER (lookup (f, "s3")));
    g_assert_cmpint (soc_relationship_get_kind (rel), ==, SOC_RELATION_KIND_MENTORS);
  }

  soc_document_undo (f->doc);
  SOC_UI_WAIT_UNTIL (soc_stakeholder_links_get_shown (links)->len == 1);
  g_assert_false (soc_ui_shows (GTK_WIDGET (links), "Mentored by Works council"));
  soc_document_redo (f->doc);
  SOC_UI_WAIT_UNTIL (soc_stakeholder_links_get_shown (links)->len == 2);

  /* Renaming the other end renames the row. */
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (soc_edit_set_string (f->doc, lookup (f, "s3"), "name", "Works council Brno", &error));
    SOC_UI_WAIT_UNTIL (soc_ui_shows (GTK_WIDGET (links), "Mentored by Works council Brno"));
  }

  /* The names follow the document's changes: showing a stakeholder puts no
   * handler on each of the other ends (hundreds, on every selection, for
   * a much-connected one). */
  show (f, "s3");
  soc_stakeholder_links_update_now (links);
  g_assert_cmpuint (g_signal_handler_find (lookup (f, "s1"), G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, links), ==, 0);
  g_assert_cmpuint (g_signal_handler_find (lookup (f, "s3"), G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, links), ==, 0);
  show (f, "s1");
  soc_stakeholder_links_update_now (links);
  g_assert_cmpuint (g_signal_handler_find (lookup (f, "s1"), G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, links), ==, 0);
  g_assert_cmpuint (g_signal_handler_find (lookup (f, "s3"), G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, links), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (soc_edit_set_string (f->doc, lookup (f, "s3"), "name", "Works council Ostrava", &error));
    SOC_UI_WAIT_UNTIL (soc_ui_shows (GTK_WIDGET (links), "Mentored by Works council Ostrava"));
    soc_document_undo (f->doc);
    SOC_UI_WAIT_UNTIL (soc_ui_shows (GTK_WIDGET (links), "Mentored by Works council Brno"));
  }

  /* Removing the other stakeholder takes the relationship off the list. */
  {
    g_autoptr(GError) error = NULL;
    SocObject *s3 = lookup (f, "s3");
    g_assert_true (soc_edit_delete (f->doc, &s3, 1, &error));
    SOC_UI_WAIT_UNTIL (soc_stakeholder_links_get_shown (links)->len == 1);
  }
  g_assert_cmpuint (f->messages->len, ==, 0);
}

static void
count_signal (gpointer data)
{
  (*(guint *) data)++;
}

/* Another object with the same text in a field leaves that field's text
 * as it is (a text view lays out its text anew when it is set), and its
 * own text still shows. */
static void
test_same_text_kept (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  guint changed = 0;
  gulong handler;
  g_autofree char *shown = NULL;

  g_assert_true (soc_edit_set_string (f->doc, lookup (f, "g4"), "title", "The same title", &error));
  g_assert_true (soc_edit_set_string (f->doc, lookup (f, "g2"), "title", "The same title", &error));
  show (f, "g2");
  buffer = gtk_text_view_get_buffer (soc_text_row_get_view (SOC_TEXT_ROW (soc_inspector_get_row (f->inspector, "title"))));
  handler = g_signal_connect_swapped (buffer, "changed", G_CALLBACK (count_signal), &changed);
  show (f, "g4");
  g_assert_cmpuint (changed, ==, 0);
  shown = soc_text_row_get_text (SOC_TEXT_ROW (soc_inspector_get_row (f->inspector, "title")));
  g_assert_cmpstr (shown, ==, "The same title");

  /* A different one is set. */
  g_assert_true (soc_edit_set_string (f->doc, lookup (f, "g2"), "title", "Another title", &error));
  show (f, "g2");
  g_assert_cmpuint (changed, >, 0);
  g_clear_pointer (&shown, g_free);
  shown = soc_text_row_get_text (SOC_TEXT_ROW (soc_inspector_get_row (f->inspector, "title")));
  g_assert_cmpstr (shown, ==, "Another title");
  g_signal_handler_disconnect (buffer, handler);
}

/* Renames OBJECT by the field that names it. */
static void
rename_object (Fixture    *f,
               SocObject  *object,
               const char *name)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (object);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (klass->label_field, >=, 0);
  g_assert_true (soc_edit_set_string (f->doc, object, g_param_spec_get_name (klass->pspecs[klass->label_field]), name, &error));
  g_assert_no_error (error);
  soc_ui_drain ();
}

/* What a row shows by name follows a rename made elsewhere (in a table,
 * say): the lane of an item, and the goals it serves; and the undo. */
static void
test_names_follow (Fixture       *f,
                   gconstpointer  data)
{
  SocObject *item = lookup (f, "i1");
  g_autoptr(SocObject) lane = NULL;
  g_autoptr(GPtrArray) serves = NULL;
  g_autofree char *lane_was = NULL;

  g_object_get (item, "lane", &lane, "serves", &serves, NULL);
  g_assert_nonnull (lane);
  g_assert_nonnull (serves);
  g_assert_cmpuint (serves->len, >, 0);
  lane_was = g_strdup (soc_object_get_label (lane));
  show (f, "i1");
  g_assert_cmpuint (n_link_rows (f, "serves"), ==, serves->len);

  rename_object (f, lane, "Lane renamed elsewhere");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (soc_inspector_get_row (f->inspector, "lane"))), ==,
                   "Lane renamed elsewhere");
  rename_object (f, g_ptr_array_index (serves, 0), "Goal renamed elsewhere");
  g_assert_true (soc_ui_shows (soc_inspector_get_row (f->inspector, "serves"), "Goal renamed elsewhere"));

  soc_document_undo (f->doc);
  soc_document_undo (f->doc);
  soc_ui_drain ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (soc_inspector_get_row (f->inspector, "lane"))), ==,
                   lane_was);
  g_assert_false (soc_ui_shows (soc_inspector_get_row (f->inspector, "serves"), "Goal renamed elsewhere"));
}

/* The form is built once per kind and kept: another goal writes its
 * values into the same rows, and a change refreshes only its own row. */
static void
test_form_kept (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *title, *kind, *owner;
  guint before;
  g_autoptr(GError) error = NULL;

  show (f, "g2");
  title = soc_inspector_get_row (f->inspector, "title");
  kind = soc_inspector_get_row (f->inspector, "kind");
  owner = soc_inspector_get_row (f->inspector, "owner");

  show (f, "g4");
  g_assert_true (soc_inspector_get_row (f->inspector, "title") == title);
  g_assert_true (soc_inspector_get_row (f->inspector, "kind") == kind);
  g_assert_true (soc_inspector_get_row (f->inspector, "owner") == owner);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (owner)), ==, "None");

  before = soc_inspector_get_n_refreshed (f->inspector);
  g_assert_true (soc_edit_set_object (f->doc, lookup (f, "g4"), "owner", lookup (f, "s3"), &error));
  g_assert_cmpuint (soc_inspector_get_n_refreshed (f->inspector), ==, before + 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (owner)), ==, "Works council");

  /* A change to an object not shown refreshes nothing. */
  before = soc_inspector_get_n_refreshed (f->inspector);
  g_assert_true (soc_edit_set_string (f->doc, lookup (f, "g2"), "title", "Elsewhere", &error));
  g_assert_cmpuint (soc_inspector_get_n_refreshed (f->inspector), ==, before);

  /* Metric figures show only for metrics, as the kind changes. */
  g_assert_false (gtk_widget_get_visible (soc_inspector_get_row (f->inspector, "target")));
  g_assert_true (soc_edit_set_int (f->doc, lookup (f, "g4"), "kind", SOC_GOAL_KIND_METRIC, &error));
  g_assert_true (gtk_widget_get_visible (soc_inspector_get_row (f->inspector, "target")));
}

/* The title shown in the form, without asking the inspector (which would
 * show what is wanted at once). */
static gboolean
title_is (SocTextRow *title,
          const char *text)
{
  g_autofree char *shown = soc_text_row_get_text (title);

  return g_strcmp0 (shown, text) == 0;
}

/* A key held down steps through goals faster than the form can be laid
 * out: the form follows after the frame that shows the selection, filled
 * once with the last goal stepped to, not with each. */
static void
test_catch_up (Fixture       *f,
               gconstpointer  data)
{
  const char *steps[] = { "g2", "g3", "g4", "g1", "g2" };
  SocObject *g3;
  SocTextRow *title;
  guint before, one;
  g_autoptr(GError) error = NULL;

  show (f, "g4");
  title = SOC_TEXT_ROW (soc_inspector_get_row (f->inspector, "title"));
  before = soc_inspector_get_n_refreshed (f->inspector);
  show (f, "g3");
  one = soc_inspector_get_n_refreshed (f->inspector) - before;
  g_assert_cmpuint (one, >, 0);

  before = soc_inspector_get_n_refreshed (f->inspector);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    soc_inspector_set_object (f->inspector, lookup (f, steps[i]));
  /* Not yet: the selection's frame first. */
  g_assert_true (title_is (title, "Answers per week"));
  SOC_UI_WAIT_UNTIL (title_is (title, "Q&A <b>fast</b>"));
  g_assert_cmpuint (soc_inspector_get_n_refreshed (f->inspector) - before, ==, one);
  g_assert_true (soc_inspector_get_object (f->inspector) == lookup (f, "g2"));

  /* Asked, the inspector shows what is wanted at once. */
  soc_inspector_set_object (f->inspector, lookup (f, "g4"));
  g_assert_true (soc_inspector_get_object (f->inspector) == lookup (f, "g4"));
  g_assert_true (title_is (title, "Q&A for customers"));

  /* The keyboard in the form when the form changes to another kind's
   * (the keyboard came in before the form caught up, or a link was
   * followed): it stays in the inspector, in the new form. */
  g_assert_true (soc_inspector_focus_field (f->inspector, "title"));
  soc_ui_drain ();
  soc_inspector_set_object (f->inspector, lookup (f, "i1"));
  g_assert_true (soc_inspector_get_object (f->inspector) == lookup (f, "i1"));
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (f->window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (f->inspector)));
  show (f, "g4");

  /* Wanted, then deleted before its turn: nothing is shown. */
  g3 = lookup (f, "g3");
  soc_inspector_set_object (f->inspector, g3);
  g_assert_true (soc_edit_delete (f->doc, &g3, 1, &error));
  SOC_UI_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (title)) || !gtk_widget_get_mapped (GTK_WIDGET (title)));
  g_assert_null (soc_inspector_get_object (f->inspector));
}

/* Choices are searched, not scrolled: the goal list shows where each goal
 * hangs, so alike titles can be told apart. */
static void
test_picker (Fixture       *f,
             gconstpointer  data)
{
  SocRefPicker *owner, *serves;
  GListModel *results;

  show (f, "i1");
  owner = SOC_REF_PICKER (soc_inspector_get_editor (f->inspector, "owner"));
  soc_ref_picker_popup (owner);
  soc_ui_drain ();
  results = soc_ref_picker_get_results (owner);
  g_assert_nonnull (results);
  SOC_UI_WAIT_UNTIL (g_list_model_get_n_items (results) == 3);
  soc_ref_picker_set_search (owner, "COUNCIL");
  SOC_UI_WAIT_UNTIL (g_list_model_get_n_items (results) == 1);
  {
    g_autoptr(SocObject) only = g_list_model_get_item (results, 0);
    g_assert_true (only == lookup (f, "s3"));
    soc_ref_picker_pick (owner, only);
  }
  g_assert_true (soc_item_get_owner (SOC_ITEM (lookup (f, "i1"))) == SOC_STAKEHOLDER (lookup (f, "s3")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (soc_inspector_get_row (f->inspector, "owner"))),
                   ==, "Works council");

  /* None, where none is allowed. */
  soc_ref_picker_pick (owner, NULL);
  g_assert_null (soc_item_get_owner (SOC_ITEM (lookup (f, "i1"))));

  serves = SOC_REF_PICKER (soc_inspector_get_editor (f->inspector, "serves"));
  soc_ref_picker_popup (serves);
  soc_ui_drain ();
  results = soc_ref_picker_get_results (serves);
  soc_ref_picker_set_search (serves, "q&a");
  SOC_UI_WAIT_UNTIL (g_list_model_get_n_items (results) == 1);   /* g2 is served already */
  {
    g_autoptr(SocObject) g4 = g_list_model_get_item (results, 0);
    g_autofree char *described = soc_ref_picker_describe (serves, g4);

    g_assert_true (g4 == lookup (f, "g4"));
    g_assert_cmpstr (described, ==, "Business objective, under “R&D in the open”");
  }
  soc_ref_picker_popdown (serves);
  soc_ui_drain ();
}

/* A milestone shows no end, progress or recurrence; an activity no gate. */
static void
test_milestone (Fixture       *f,
                gconstpointer  data)
{
  const char *activity_only[] = { "end", "progress", "recurrence" };

  show (f, "i3");
  for (guint i = 0; i < G_N_ELEMENTS (activity_only); i++)
    g_assert_false (gtk_widget_get_visible (soc_inspector_get_row (f->inspector, activity_only[i])));
  g_assert_true (gtk_widget_get_visible (soc_inspector_get_row (f->inspector, "gate")));

  show (f, "i1");
  for (guint i = 0; i < G_N_ELEMENTS (activity_only); i++)
    g_assert_true (gtk_widget_get_visible (soc_inspector_get_row (f->inspector, activity_only[i])));
  g_assert_false (gtk_widget_get_visible (soc_inspector_get_row (f->inspector, "gate")));
}

/* A stakeholder: the ten topics as check boxes, what they own with jumps,
 * and relationships in both directions. */
static void
test_stakeholder (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *topics;
  GtkWidget *check;
  guint n_checks = 0;

  show (f, "s1");
  topics = soc_inspector_get_row (f->inspector, "topics");
  g_assert_true (ADW_IS_PREFERENCES_GROUP (topics));
  g_assert_true (gtk_widget_get_mapped (topics));
  check = soc_ui_find (topics, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  {
    GtkWidget *list = soc_ui_find (topics, GTK_TYPE_LIST_BOX, NULL);
    for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (soc_ui_find (c, GTK_TYPE_CHECK_BUTTON, NULL) != NULL)
        n_checks++;
  }
  g_assert_cmpuint (n_checks, ==, 10);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  soc_ui_drain ();
  {
    guint flags = 0;
    g_object_get (lookup (f, "s1"), "topics", &flags, NULL);
    g_assert_cmpuint (flags, ==, SOC_TOPICS_BUSINESS_CASE);
  }

  /* Owned: the goal and the item, each with a jump. */
  g_assert_true (soc_ui_shows (GTK_WIDGET (f->inspector), "Q&A <b>fast</b>"));
  {
    GtkWidget *row = link_row (GTK_WIDGET (f->inspector), "Kick-off & survey");

    g_signal_emit_by_name (nth_button (row, 0), "clicked");
    g_assert_cmpuint (f->jumps->len, ==, 1);
    g_assert_true (g_ptr_array_index (f->jumps, 0) == lookup (f, "i1"));
  }
  /* Both directions. */
  g_assert_true (soc_ui_shows (GTK_WIDGET (f->inspector), "Cy <i>x</i> reports to them"));
}

/* The keyboard lands in the title, selected, even when the inspector is
 * shown only now. */
static void
test_focus_first (Fixture       *f,
                  gconstpointer  data)
{
  SocTextRow *title;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  gtk_widget_set_visible (GTK_WIDGET (f->inspector), FALSE);
  show (f, "s2");
  gtk_widget_set_visible (GTK_WIDGET (f->inspector), TRUE);
  g_assert_true (soc_inspector_focus_first (f->inspector));
  title = text_row (f, "name");
  SOC_UI_WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (soc_text_row_get_view (title))));
  buffer = gtk_text_view_get_buffer (soc_text_row_get_view (title));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 0);
  g_assert_true (gtk_text_iter_is_end (&end));
}

/* Plan properties: numbers with units and a line saying what they are. */
static void
test_plan_units (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *row;

  soc_inspector_set_object (f->inspector, SOC_OBJECT (soc_document_get_plan (f->doc)));
  soc_ui_drain ();
  row = soc_inspector_get_row (f->inspector, "horizon-years");
  g_assert_true (soc_ui_shows (row, "years"));
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  row = soc_inspector_get_row (f->inspector, "alignment-target");
  g_assert_true (soc_ui_shows (row, "%"));
  g_assert_true (SOC_IS_TEXT_ROW (soc_inspector_get_row (f->inspector, "vision")));
}

/* A tall widget that counts how it is measured: 200 wide at most, 2000
 * high at any width. */
#define TEST_TYPE_TALL (test_tall_get_type ())
G_DECLARE_FINAL_TYPE (TestTall, test_tall, TEST, TALL, GtkWidget)

struct _TestTall
{
  GtkWidget parent_instance;

  guint     n_height_unbounded;
  guint     n_height_for_width;
};

G_DEFINE_FINAL_TYPE (TestTall, test_tall, GTK_TYPE_WIDGET)

static void
test_tall_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  TestTall *self = TEST_TALL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 100;
      *natural = 200;
      return;
    }
  if (for_size < 0)
    self->n_height_unbounded++;
  else
    self->n_height_for_width++;
  *minimum = *natural = 2000;
}

static GtkSizeRequestMode
test_tall_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
test_tall_class_init (TestTallClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = test_tall_measure;
  GTK_WIDGET_CLASS (klass)->get_request_mode = test_tall_get_request_mode;
}

static void
test_tall_init (TestTall *self)
{
}

/* The form's body in its scrolled window: the window working out its size
 * does not measure the form's height for no width (the scrolled window
 * does not use it); laid out, the form is measured at its width and
 * scrolls through all of its height. */
static void
test_scroll_body (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  TestTall *tall = g_object_new (TEST_TYPE_TALL, NULL);
  GtkAdjustment *v;
  int min_width;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), soc_scroll_body_new (GTK_WIDGET (tall)));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  gtk_window_present (GTK_WINDOW (window));
  SOC_UI_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (tall)) && gtk_widget_get_height (scrolled) > 0);
  soc_ui_spin (50);

  g_assert_cmpuint (tall->n_height_unbounded, ==, 0);
  g_assert_cmpuint (tall->n_height_for_width, >, 0);
  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (v), ==, 2000);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (v), <, 2000);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (tall)), ==, 2000);
  /* Its width still counts: the pane keeps room for it. */
  gtk_widget_measure (scrolled, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, >=, 100);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether ROW's text view is as tall as its text laid out at its width. */
static gboolean
text_fits (GtkWidget *row)
{
  GtkWidget *view = GTK_WIDGET (soc_text_row_get_view (SOC_TEXT_ROW (row)));
  int min = 0;

  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), &min, NULL, NULL, NULL);
  return gtk_widget_get_width (view) > 0 && min == gtk_widget_get_height (view);
}

/* Whether LABEL is as tall as its text wrapped at its width. */
static gboolean
label_fits (GtkWidget *label)
{
  int min = 0;

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (label), &min, NULL, NULL, NULL);
  return min == gtk_widget_get_height (label);
}

/* The whole text shows at any width: a row made narrower grows to its
 * text's new height, and wider, shrinks to it, with no edit meanwhile;
 * the hint under it wraps at the row's width. */
static void
test_text_row_width (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = soc_text_row_new ("Notes", TRUE);
  GtkWidget *view = GTK_WIDGET (soc_text_row_get_view (SOC_TEXT_ROW (row)));
  GtkWidget *hint;
  int wide_height, narrow_height;

  soc_text_row_set_text (SOC_TEXT_ROW (row),
                         "Every regional office names one community manager, who answers questions in the "
                         "open within a working day and brings what people ask back to the programme.");
  soc_text_row_set_hint (SOC_TEXT_ROW (row), "What the notes are for: who reads them, when they were last "
                                             "looked at, and what the team should do about them next");
  hint = soc_ui_find (row, GTK_TYPE_LABEL, "What the notes are for: who reads them, when they were last "
                                           "looked at, and what the team should do about them next");
  g_assert_nonnull (hint);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  SOC_UI_WAIT_UNTIL (gtk_widget_get_mapped (view) && text_fits (row));
  wide_height = gtk_widget_get_height (view);

  gtk_window_set_default_size (GTK_WINDOW (window), 300, 600);
  SOC_UI_WAIT_UNTIL (gtk_widget_get_width (view) < 300 && text_fits (row));
  narrow_height = gtk_widget_get_height (view);
  g_assert_cmpint (narrow_height, >, wide_height);
  g_assert_cmpint (gtk_widget_get_width (hint), <=, gtk_widget_get_width (row));
  g_assert_true (label_fits (hint));

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  SOC_UI_WAIT_UNTIL (gtk_widget_get_width (view) > 600 && text_fits (row));
  g_assert_cmpint (gtk_widget_get_height (view), ==, wide_height);
  gtk_window_destroy (GTK_WINDOW (window));
}


int
main (int    argc,
      char **argv)
{
  if (!soc_ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/inspector/scroll-body", test_scroll_body);
  g_test_add_func ("/inspector/text-row-width", test_text_row_width);
  ADD ("/inspector/markup", test_markup);
  ADD ("/inspector/text-commit", test_text_commit);
  ADD ("/inspector/refused", test_refused);
  ADD ("/inspector/lists-follow", test_lists_follow);
  ADD ("/inspector/relationships-follow", test_relationships_follow);
  ADD ("/inspector/link-rows-kept", test_link_rows_kept);
  ADD ("/inspector/link-row-one-line", test_link_row_one_line);
  ADD ("/inspector/reference-lines", test_reference_lines);
  ADD ("/inspector/form-kept", test_form_kept);
  ADD ("/inspector/catch-up", test_catch_up);
  ADD ("/inspector/names-follow", test_names_follow);
  ADD ("/inspector/same-text-kept", test_same_text_kept);
  ADD ("/inspector/picker", test_picker);
  ADD ("/inspector/milestone", test_milestone);
  ADD ("/inspector/stakeholder", test_stakeholder);
  ADD ("/inspector/focus-first", test_focus_first);
  ADD ("/inspector/plan-units", test_plan_units);
#undef ADD

  return g_test_run ();
}
