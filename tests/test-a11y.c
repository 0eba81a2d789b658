/* test-a11y.c: every control has a name, and the keyboard reaches it all
 * (issue 14), under Xvfb
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit walks a whole window (every view, the inspector for each kind
 * of object, the checklist panel with its factors open, the main menu and
 * the dialogs it opens) and fails for any focusable widget a screen reader
 * would announce without a name: a name is an accessible label, a
 * labelled-by relation, or for the roles that take their name from what
 * they hold (buttons, check boxes, rows, tabs) a text inside them. A button
 * that shows only an icon needs a tooltip for the eye and a label for the
 * ear. Then Tab, from nothing, goes around each view of the window and
 * must reach the header bar, the view, the inspector and the checklist.
 */

#include "config.h"

#include "soc-cell-label.h"
#include "soc-factor-row.h"
#include "soc-goal.h"
#include "soc-goal-tree.h"
#include "soc-goals-view.h"
#include "soc-item.h"
#include "soc-lane.h"
#include "soc-phase.h"
#include "soc-stakeholder.h"
#include "soc-stakeholder-map.h"
#include "soc-stakeholders-view.h"
#include "soc-table-view.h"
#include "soc-ui-util.h"

static SocApplication *app;

/* GTK 4.8 may skip allocating a pane for one frame when the focus is taken
 * away between frames, as tab_round() does, and says so in a warning that
 * gtk_test_init() makes fatal; the next frame allocates it. That one
 * message is noted, not fatal; everything else goes the usual way. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }
  if ((level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      g_str_has_prefix (message, "Trying to snapshot ") && g_str_has_suffix (message, " without a current allocation"))
    {
      g_test_message ("GTK: %s", message);
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (level, fields, n_fields, data);
}

/* ------------------------------------------------------------------------ */
/* Names                                                                    */

static gboolean
has_label_property (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  g_autofree char *differs = NULL;

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  /* NULL when the label is exactly "": no name at all. */
  differs = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  return differs != NULL;
}

/* The visible text WIDGET shows, itself or in what it holds. */
static gboolean
shows_text (GtkWidget *widget)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, widget);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (!gtk_widget_get_visible (w))
        continue;
      if (GTK_IS_LABEL (w))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (w));
          if (text != NULL && text[0] != '\0')
            return TRUE;
        }
      if (GTK_IS_INSCRIPTION (w))
        {
          const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (w));
          if (text != NULL && text[0] != '\0')
            return TRUE;
        }
      if (SOC_IS_CELL_LABEL (w))
        {
          const char *text = soc_cell_label_get_text (SOC_CELL_LABEL (w));
          if (text != NULL && text[0] != '\0')
            return TRUE;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return FALSE;
}

/* The roles of controls: what a screen reader offers to act on. */
static gboolean
is_control (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_GRID_CELL:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_OPTION:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_SCROLLBAR:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_TREE_ITEM:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
named_by_content (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_TREE_ITEM:
    case GTK_ACCESSIBLE_ROLE_CELL:
    case GTK_ACCESSIBLE_ROLE_GRID_CELL:
    case GTK_ACCESSIBLE_ROLE_COLUMN_HEADER:
    case GTK_ACCESSIBLE_ROLE_ROW_HEADER:
    case GTK_ACCESSIBLE_ROLE_OPTION:
    case GTK_ACCESSIBLE_ROLE_LABEL:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The widget whose name a focusable WIDGET carries: the text of an entry,
 * a spin button or an entry row speaks for its editable. */
static GtkWidget *
named_widget (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_TEXT (widget))
    for (GtkWidget *p = parent; p != NULL; p = gtk_widget_get_parent (p))
      if (GTK_IS_EDITABLE (p) && gtk_editable_get_delegate (GTK_EDITABLE (p)) != NULL)
        {
          /* The outermost editable that delegates to this text. */
          widget = p;
          if (!GTK_IS_EDITABLE (gtk_widget_get_parent (p)))
            break;
        }
  return widget;
}

/* Labelled by another widget, and not by the icon it shows: GTK 4.8 makes
 * a button labelled by its child even when that is an image (or a box of
 * images, in a menu button), which gives a screen reader nothing to say. */
static gboolean
labelled_by_text (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  if (!gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    g_ptr_array_add (stack, c);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index_fast (stack, stack->len - 1);
      g_autofree char *differs = NULL;

      if (shows_text (w))
        continue;
      differs = gtk_test_accessible_check_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY, w, NULL);
      if (differs == NULL)
        return FALSE;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return TRUE;
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkWidget *named = named_widget (widget);

  if (has_label_property (named) || has_label_property (widget))
    return TRUE;
  if (labelled_by_text (named) || labelled_by_text (widget))
    return TRUE;
  /* An entry row names its text with its title. */
  for (GtkWidget *p = named; p != NULL; p = gtk_widget_get_parent (p))
    if (ADW_IS_ENTRY_ROW (p))
      return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p)) != NULL &&
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p))[0] != '\0';
  return named_by_content (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (named))) && shows_text (named);
}

/* A button (a toggle, or the button inside a menu button) with nothing but
 * an icon in it. */
static gboolean
shows_only_an_icon (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) && !shows_text (widget);
}

static gboolean
has_tooltip (GtkWidget *widget)
{
  /* A menu button keeps its tooltip on itself, not on the button inside. */
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *tip = gtk_widget_get_tooltip_text (w);

      if (tip != NULL && tip[0] != '\0')
        return TRUE;
      if (!GTK_IS_MENU_BUTTON (gtk_widget_get_parent (w)))
        break;
    }
  return FALSE;
}

/* What to call WIDGET in a failure: its type, the types around it, and
 * whatever it shows. */
static char *
describe (GtkWidget *widget)
{
  g_autoptr(GString) text = g_string_new (G_OBJECT_TYPE_NAME (widget));
  GtkWidget *p = gtk_widget_get_parent (widget);
  const char *tip = gtk_widget_get_tooltip_text (widget);

  for (guint i = 0; p != NULL && i < 6; p = gtk_widget_get_parent (p), i++)
    g_string_prepend (g_string_prepend (text, " > "), G_OBJECT_TYPE_NAME (p));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_IMAGE (c) && gtk_image_get_icon_name (GTK_IMAGE (c)) != NULL)
      g_string_append_printf (text, " [icon %s]", gtk_image_get_icon_name (GTK_IMAGE (c)));
  if (tip != NULL)
    g_string_append_printf (text, " [tooltip “%s”]", tip);
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (text, " [icon %s]", gtk_button_get_icon_name (GTK_BUTTON (widget)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
inside (GtkWidget *widget,
        GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* Tab from nothing, round WINDOW once: the widgets it stops at. */
static GPtrArray *
tab_round (GtkWindow *window)
{
  GPtrArray *stops = g_ptr_array_new ();
  GtkWidget *first = NULL;

  gtk_window_set_focus (window, NULL);
  for (guint i = 0; i < 600; i++)
    {
      GtkWidget *focus_before = gtk_root_get_focus (GTK_ROOT (window));
      GtkWidget *focus;

      /* What Tab does: move within the window, and start again from its
       * beginning at the end. */
      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        {
          gtk_window_set_focus (window, NULL);
          if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
            break;
        }
      soc_ui_settle ();
      /* Back on the first with one stop only is a round; elsewhere a trap. */
      if (gtk_root_get_focus (GTK_ROOT (window)) == focus_before && focus_before != NULL && focus_before != first)
        {
          g_autofree char *description = describe (focus_before);

          g_test_fail_printf ("Tab is trapped at %s", description);
          break;
        }
      focus = gtk_root_get_focus (GTK_ROOT (window));
      /* A list scrolls to the row that takes the focus on the next frame. */
      if (focus != NULL && !gtk_widget_get_mapped (focus))
        soc_ui_iterate (50);
      if (focus == NULL || focus == first)
        break;
      if (first == NULL)
        first = focus;
      if (!gtk_widget_get_mapped (focus))
        {
          g_autofree char *description = describe (focus);

          g_test_message ("Tab stops at %s, which is not on screen", description);
          g_test_fail_printf ("Tab stops at %s, which is not on screen", description);
        }
      g_ptr_array_add (stops, focus);
    }
  gtk_window_set_focus (window, NULL);
  return stops;
}

typedef struct
{
  GPtrArray  *problems;
  GHashTable *seen;      /* widgets reported already */
  guint       checked;
} Audit;

/* Checks every control on screen under ROOT, and every widget under it that
 * Tab stops at, whatever its role. */
static void
audit (Audit      *audit,
       GtkWidget  *root,
       const char *where)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GPtrArray) stops = NULL;

  g_test_message ("%s", where);
  stops = tab_round (GTK_WINDOW (gtk_widget_get_root (root)));

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (!gtk_widget_get_mapped (w))
        continue;
      if ((gtk_widget_get_focusable (w) && is_control (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w)))) ||
          g_ptr_array_find (stops, w, NULL))
        {
          g_autofree char *what = NULL;

          audit->checked++;
          if (!has_name (w))
            what = g_strdup ("has no accessible name");
          /* The window's own controls (close, maximize) are GTK's, named
           * but without tooltips, as everywhere on the desktop. */
          else if (shows_only_an_icon (w) && !has_tooltip (w) &&
                   gtk_widget_get_ancestor (w, GTK_TYPE_WINDOW_CONTROLS) == NULL)
            what = g_strdup ("shows only an icon and has no tooltip");
          if (what != NULL && !g_hash_table_contains (audit->seen, w))
            {
              g_autofree char *description = describe (w);

              g_hash_table_add (audit->seen, w);
              g_ptr_array_add (audit->problems, g_strdup_printf ("%s: %s %s", where, description, what));
            }
        }
      for (GtkWidget *c = gtk_widget_get_last_child (w); c != NULL; c = gtk_widget_get_prev_sibling (c))
        g_ptr_array_add (stack, c);
    }
}

/* Opens every expander row under ROOT, so that what they hold is audited. */
static void
expand_all (GtkWidget *root)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (ADW_IS_EXPANDER_ROW (w))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (w), TRUE);
      if (SOC_IS_FACTOR_ROW (w))
        soc_factor_row_set_expanded (SOC_FACTOR_ROW (w), TRUE);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  soc_ui_settle ();
  soc_ui_iterate (50);
}

/* The stacks under ROOT (GtkStack and AdwViewStack) that are on screen. */
static GPtrArray *
find_stacks (GtkWidget *root)
{
  GPtrArray *stacks = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (!gtk_widget_get_mapped (w))
        continue;
      /* Only stacks a user switches between, whose pages have titles;
       * not the inner workings of a widget such as GtkEditableLabel. */
      if (w != root && ADW_IS_VIEW_STACK (w))
        g_ptr_array_add (stacks, w);
      if (w != root && GTK_IS_STACK (w))
        {
          GtkWidget *shown = gtk_stack_get_visible_child (GTK_STACK (w));

          if (shown != NULL && gtk_stack_page_get_title (gtk_stack_get_page (GTK_STACK (w), shown)) != NULL)
            g_ptr_array_add (stacks, w);
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return stacks;
}

static gboolean
stack_settled (gpointer data)
{
  return !GTK_IS_STACK (data) || !gtk_stack_get_transition_running (GTK_STACK (data));
}

/* Audits ROOT with each page of each stack inside it shown in turn. */
static void
audit_pages (Audit      *a,
             GtkWidget  *root,
             const char *where)
{
  g_autoptr(GPtrArray) stacks = find_stacks (root);

  audit (a, root, where);
  for (guint i = 0; i < stacks->len; i++)
    {
      GtkWidget *stack = g_ptr_array_index (stacks, i);
      g_autoptr(GListModel) pages = ADW_IS_VIEW_STACK (stack)
        ? G_LIST_MODEL (adw_view_stack_get_pages (ADW_VIEW_STACK (stack)))
        : G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (stack)));
      GtkWidget *shown = ADW_IS_VIEW_STACK (stack) ? adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack))
                                                   : gtk_stack_get_visible_child (GTK_STACK (stack));

      for (guint p = 0; p < g_list_model_get_n_items (pages); p++)
        {
          g_autoptr(GObject) page = g_list_model_get_item (pages, p);
          GtkWidget *child = ADW_IS_VIEW_STACK_PAGE (page) ? adw_view_stack_page_get_child (ADW_VIEW_STACK_PAGE (page))
                                                           : gtk_stack_page_get_child (GTK_STACK_PAGE (page));
          g_autofree char *page_where = g_strdup_printf ("%s, page %u of a %s", where, p, G_OBJECT_TYPE_NAME (stack));

          if (ADW_IS_VIEW_STACK (stack))
            adw_view_stack_set_visible_child (ADW_VIEW_STACK (stack), child);
          else
            gtk_stack_set_visible_child (GTK_STACK (stack), child);
          /* Until a transition ends both pages are on screen. */
          soc_ui_wait_for (stack_settled, stack, 2000);
          soc_ui_settle ();
          soc_ui_iterate (30);
          audit (a, child, page_where);
        }
      if (ADW_IS_VIEW_STACK (stack))
        adw_view_stack_set_visible_child (ADW_VIEW_STACK (stack), shown);
      else
        gtk_stack_set_visible_child (GTK_STACK (stack), shown);
    }
}

static void
assert_no_problems (Audit *a)
{
  for (guint i = 0; i < a->problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (a->problems, i));
  if (a->problems->len > 0)
    g_test_fail_printf ("%u focusable widget(s) without a name, of %u checked: see the messages above",
                        a->problems->len, a->checked);
  g_test_message ("%u focusable widgets checked", a->checked);
}

static void
audit_clear (Audit *a)
{
  g_clear_pointer (&a->problems, g_ptr_array_unref);
  g_clear_pointer (&a->seen, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Audit, audit_clear)

static void
audit_init (Audit *a)
{
  a->problems = g_ptr_array_new_with_free_func (g_free);
  a->seen = g_hash_table_new (NULL, NULL);
  a->checked = 0;
}

/* ------------------------------------------------------------------------ */
/* The plan's objects, one of each kind                                     */

static void
collect_goals (GListModel *roots,
               GPtrArray  *out)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean kinds[SOC_GOAL_KIND_METRIC + 1] = { FALSE, };

  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    g_ptr_array_add (stack, g_list_model_get_item (roots, i));
  while (stack->len > 0)
    {
      g_autoptr(SocGoal) goal = g_ptr_array_steal_index_fast (stack, stack->len - 1);
      GListModel *children = soc_goal_get_children (goal);

      if (!kinds[soc_goal_get_kind (goal)])
        {
          kinds[soc_goal_get_kind (goal)] = TRUE;
          g_ptr_array_add (out, g_object_ref (goal));
        }
      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        g_ptr_array_add (stack, g_list_model_get_item (children, i));
    }
}

static GPtrArray *
objects_of_each_kind (SocDocument *doc)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *items = soc_document_get_items (doc);
  GListModel *stakeholders = soc_document_get_stakeholders (doc);
  gboolean item_kinds[2] = { FALSE, FALSE };
  gboolean stakeholder_kinds[2] = { FALSE, FALSE };

  collect_goals (soc_document_get_goals (doc), out);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SocItem) item = g_list_model_get_item (items, i);

      if (!item_kinds[soc_item_get_kind (item)])
        {
          item_kinds[soc_item_get_kind (item)] = TRUE;
          g_ptr_array_add (out, g_object_ref (item));
        }
    }
  g_ptr_array_add (out, g_list_model_get_item (soc_document_get_lanes (doc), 0));
  g_ptr_array_add (out, g_list_model_get_item (soc_document_get_phases (doc), 0));
  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(SocStakeholder) s = g_list_model_get_item (stakeholders, i);
      SocStakeholderKind kind;

      g_object_get (s, "kind", &kind, NULL);
      if (!stakeholder_kinds[kind])
        {
          stakeholder_kinds[kind] = TRUE;
          g_ptr_array_add (out, g_object_ref (s));
        }
    }
  g_ptr_array_add (out, g_list_model_get_item (soc_document_get_relationships (doc), 0));
  return out;
}

/* ------------------------------------------------------------------------ */
/* The window                                                               */

static const char *const views[] = { "goals", "roadmap", "stakeholders" };

static void
test_names_in_window (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  g_autoptr(GPtrArray) objects = objects_of_each_kind (doc);
  g_auto(Audit) a = { 0 };

  audit_init (&a);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (window->inspector)))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  soc_ui_wait_stable (GTK_WIDGET (window));

  /* Each view, with the stacks inside it (such as the roadmap's lists). */
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autofree char *where = g_strdup_printf ("the %s view", views[v]);

      soc_window_show_view (window, views[v]);
      soc_ui_settle ();
      soc_ui_iterate (100);
      audit_pages (&a, GTK_WIDGET (window), where);
    }

  /* The inspector for each kind of object, everything in it opened. */
  for (guint i = 0; i < objects->len; i++)
    {
      SocObject *object = g_ptr_array_index (objects, i);
      g_autofree char *where = g_strdup_printf ("the inspector of %s %s", G_OBJECT_TYPE_NAME (object),
                                                soc_object_get_id (object));

      soc_selection_select (soc_window_get_selection (window), object);
      soc_ui_settle ();
      soc_ui_iterate (50);
      g_assert_true (soc_inspector_get_object (window->inspector) == object);
      expand_all (GTK_WIDGET (window->inspector));
      audit (&a, GTK_WIDGET (window->inspector), where);
    }

  /* The checklist panel, each factor opened. */
  expand_all (GTK_WIDGET (window->checklist));
  audit (&a, GTK_WIDGET (window->checklist), "the checklist panel");

  /* The main menu. */
  gtk_menu_button_popup (window->menu_button);
  soc_ui_settle ();
  soc_ui_iterate (100);
  audit (&a, GTK_WIDGET (gtk_menu_button_get_popover (window->menu_button)), "the main menu");
  gtk_menu_button_popdown (window->menu_button);

  assert_no_problems (&a);
  soc_ui_close_window (window);
}

/* The toplevel that ACTION opens on WINDOW, once it shows. */
static GtkWindow *
open_dialog (SocWindow  *window,
             const char *action)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) old = g_ptr_array_new ();
  GtkWindow *dialog = NULL;

  /* The windows on screen before. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      /* The shortcuts window exists, hidden, from the start. */
      if (gtk_widget_get_mapped (GTK_WIDGET (w)))
        g_ptr_array_add (old, w);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  for (guint tries = 0; tries < 200 && dialog == NULL; tries++)
    {
      soc_ui_iterate (10);
      for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
        {
          g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

          if (!g_ptr_array_find (old, w, NULL) && gtk_widget_get_mapped (GTK_WIDGET (w)))
            dialog = w;
        }
    }
  if (dialog == NULL)
    g_error ("%s opened no window", action);
  soc_ui_wait_stable (GTK_WIDGET (dialog));
  return dialog;
}

static void
test_names_in_dialogs (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  static const struct {
    const char *action;
    const char *name;
  } dialogs[] = {
    { "app.preferences", "Preferences" },
    { "win.properties", "Plan Properties" },
    { "win.show-help-overlay", "Keyboard Shortcuts" },
    { "win.print-preview", "Print Preview" },
    { "win.export", "Export" },
  };
  g_auto(Audit) a = { 0 };

  audit_init (&a);
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWindow *dialog;

      g_test_message ("%s", dialogs[i].name);
      dialog = open_dialog (window, dialogs[i].action);

      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      expand_all (GTK_WIDGET (dialog));
      audit_pages (&a, GTK_WIDGET (dialog), dialogs[i].name);
      /* The shortcuts window is the window's own, kept for next time. */
      if (GTK_IS_SHORTCUTS_WINDOW (dialog))
        {
          g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
          gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
          continue;
        }
      gtk_window_destroy (dialog);
      for (guint k = 0; k < 200 && dialog != NULL; k++)
        soc_ui_iterate (5);
      g_assert_null (dialog);
    }
  assert_no_problems (&a);
  soc_ui_close_window (window);
}

/* ------------------------------------------------------------------------ */
/* The goal tree and the stakeholder map, tool by tool                      */

static gboolean reached (GPtrArray *stops,
                         GtkWidget *area);

/* The icon a button shows, on itself or on the image inside it. */
static const char *
button_icon (GtkWidget *button)
{
  if (gtk_button_get_icon_name (GTK_BUTTON (button)) != NULL)
    return gtk_button_get_icon_name (GTK_BUTTON (button));
  for (GtkWidget *c = gtk_widget_get_first_child (button); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_IMAGE (c) && gtk_image_get_icon_name (GTK_IMAGE (c)) != NULL)
      return gtk_image_get_icon_name (GTK_IMAGE (c));
  return NULL;
}

/* Every widget under ROOT, in order, that is of TYPE (or has CSS_CLASS). */
static GPtrArray *
widgets_under (GtkWidget  *root,
               GType       type,
               const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && (css_class == NULL || gtk_widget_has_css_class (w, css_class)))
        g_ptr_array_add (found, w);
      for (GtkWidget *c = gtk_widget_get_last_child (w); c != NULL; c = gtk_widget_get_prev_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return found;
}

typedef struct
{
  const char *icon;
  const char *name;
} Tool;

/* The icon buttons of VIEW's toolbar say what they do: each TOOLS icon is
 * there, once, named exactly so, with a tooltip beside the name. */
static void
assert_tools_named (GtkWidget  *view,
                    const Tool *tools,
                    guint       n_tools)
{
  g_autoptr(GPtrArray) bars = widgets_under (view, GTK_TYPE_BOX, "toolbar");
  g_autoptr(GPtrArray) buttons = NULL;
  guint icon_buttons = 0;

  g_assert_cmpuint (bars->len, >, 0);
  buttons = widgets_under (g_ptr_array_index (bars, 0), GTK_TYPE_BUTTON, NULL);
  for (guint i = 0; i < buttons->len; i++)
    if (button_icon (g_ptr_array_index (buttons, i)) != NULL)
      icon_buttons++;
  g_assert_cmpuint (icon_buttons, ==, n_tools);
  for (guint t = 0; t < n_tools; t++)
    {
      GtkWidget *button = NULL;

      for (guint i = 0; i < buttons->len; i++)
        if (g_strcmp0 (button_icon (g_ptr_array_index (buttons, i)), tools[t].icon) == 0)
          {
            g_assert_null (button);
            button = g_ptr_array_index (buttons, i);
          }
      g_test_message ("%s: “%s”", tools[t].icon, tools[t].name);
      g_assert_nonnull (button);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tools[t].name);
      g_assert_nonnull (gtk_widget_get_tooltip_text (button));
    }
}

/* Each menu button of VIEW opened in turn, and what it shows audited. */
static guint
audit_menu_buttons (Audit      *a,
                    GtkWidget  *view,
                    const char *where)
{
  g_autoptr(GPtrArray) menus = widgets_under (view, GTK_TYPE_MENU_BUTTON, NULL);
  guint opened = 0;

  for (guint i = 0; i < menus->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (menus, i);
      GtkPopover *popover;
      g_autofree char *what = NULL;

      if (!gtk_widget_get_mapped (GTK_WIDGET (button)))
        continue;
      gtk_menu_button_popup (button);
      soc_ui_settle ();
      soc_ui_iterate (50);
      popover = gtk_menu_button_get_popover (button);
      g_assert_nonnull (popover);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
      what = g_strdup_printf ("%s, the popover of menu button %u", where, i);
      audit (a, GTK_WIDGET (popover), what);
      gtk_menu_button_popdown (button);
      soc_ui_settle ();
      opened++;
    }
  return opened;
}

/* The popover that CANVAS shows as one of its children, once it shows. */
static GtkWidget *
shown_popover (GtkWidget *canvas)
{
  for (guint tries = 0; tries < 100; tries++)
    {
      for (GtkWidget *c = gtk_widget_get_first_child (canvas); c != NULL; c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_POPOVER (c) && gtk_widget_get_mapped (c))
          return c;
      soc_ui_iterate (10);
    }
  return NULL;
}

/* The Menu key on CANVAS, through its own key controller. */
static void
press_menu_key (GtkWidget *canvas)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (canvas);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", GDK_KEY_Menu, 0, (GdkModifierType) 0, &handled);
    }
  g_assert_true (handled);
}

/* The menu a canvas opens for its focused item, audited and closed. */
static void
audit_canvas_menu (Audit      *a,
                   GtkWidget  *canvas,
                   const char *where)
{
  GtkWidget *menu;

  press_menu_key (canvas);
  menu = shown_popover (canvas);
  g_assert_nonnull (menu);
  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  audit (a, menu, where);
  gtk_popover_popdown (GTK_POPOVER (menu));
  soc_ui_settle ();
}

static GtkWidget *
view_of_type (SocWindow *window,
              GType      type)
{
  for (guint i = 0; i < window->views->len; i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (g_ptr_array_index (window->views, i), type))
      return g_ptr_array_index (window->views, i);
  g_assert_not_reached ();
  return NULL;
}

/* The goal tree: its tools by name, its menu; the tree itself, its cards
 * and the outline are tested in test-views (/views/goal-tree/accessible). */
static void
test_goal_tree_tools (void)
{
  static const Tool tools[] = {
    { "soc-goal-add-sibling-symbolic", "Add a goal after the selected one" },
    { "soc-goal-add-child-symbolic", "Add a sub-goal" },
    { "soc-goal-unfold-all-symbolic", "Show every goal" },
    { "zoom-out-symbolic", "Zoom out" },
    { "zoom-in-symbolic", "Zoom in" },
    { "zoom-fit-best-symbolic", "Show the whole tree" },
    { "view-dual-symbolic", "Outline" },
  };
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  g_autoptr(SocGoal) vision = g_list_model_get_item (soc_document_get_goals (doc), 0);
  GtkWidget *view = view_of_type (window, SOC_TYPE_GOALS_VIEW);
  GtkWidget *tree = GTK_WIDGET (soc_goals_view_get_tree (SOC_GOALS_VIEW (view)));
  g_auto(Audit) a = { 0 };

  audit_init (&a);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  soc_window_show_view (window, "goals");
  soc_ui_wait_stable (GTK_WIDGET (window));

  assert_tools_named (view, tools, G_N_ELEMENTS (tools));
  audit (&a, view, "the goal tree view");
  audit_menu_buttons (&a, view, "the goal tree view");

  soc_window_show_object (window, SOC_OBJECT (vision));
  soc_ui_settle ();
  soc_ui_iterate (50);
  audit_canvas_menu (&a, tree, "the menu of a goal");

  assert_no_problems (&a);
  soc_ui_close_window (window);
}

/* The stakeholder map: its tools by name, its filter, the question of a
 * relationship's kind and a bubble's menu. The canvas's role and label
 * ("Stakeholder map") and its bubbles are tested in test-views
 * (/views/map/accessible); here Tab must reach it, and the audit asks
 * that what it stops at there is named like every other stop. */
static void
test_map_tools (void)
{
  static const Tool tools[] = {
    { "list-add-symbolic", "Add a stakeholder" },
    { "zoom-out-symbolic", "Zoom out" },
    { "zoom-in-symbolic", "Zoom in" },
    { "zoom-fit-best-symbolic", "Show the whole map" },
    { "view-dual-symbolic", "Table of stakeholders" },
  };
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  GListModel *stakeholders = soc_document_get_stakeholders (doc);
  g_autoptr(SocStakeholder) first = g_list_model_get_item (stakeholders, 0);
  g_autoptr(SocStakeholder) second = g_list_model_get_item (stakeholders, 1);
  GtkWidget *view = view_of_type (window, SOC_TYPE_STAKEHOLDERS_VIEW);
  SocStakeholderMap *map = soc_stakeholders_view_get_map (SOC_STAKEHOLDERS_VIEW (view));
  g_autoptr(GPtrArray) stops = NULL;
  g_auto(Audit) a = { 0 };
  GtkWidget *popover;

  audit_init (&a);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  soc_window_show_view (window, "stakeholders");
  soc_ui_wait_stable (GTK_WIDGET (map));

  assert_tools_named (view, tools, G_N_ELEMENTS (tools));
  stops = tab_round (GTK_WINDOW (window));
  g_assert_true (reached (stops, GTK_WIDGET (map)));
  audit (&a, view, "the stakeholder map view");

  /* The filter: a check box for each profile, stance and role, named by
   * what it says, and the button that shows everyone. */
  g_assert_cmpuint (audit_menu_buttons (&a, view, "the stakeholder map view"), ==, 1);

  /* Which kind of relationship: three buttons, each the whole sentence. */
  soc_stakeholder_map_propose_link (map, first, second);
  popover = shown_popover (GTK_WIDGET (map));
  g_assert_nonnull (popover);
  audit (&a, popover, "the kinds of relationship");
  gtk_popover_popdown (GTK_POPOVER (popover));
  soc_ui_settle ();

  soc_window_show_object (window, SOC_OBJECT (first));
  soc_ui_settle ();
  soc_ui_iterate (50);
  audit_canvas_menu (&a, GTK_WIDGET (map), "the menu of a bubble");

  assert_no_problems (&a);
  soc_ui_close_window (window);
}

/* ------------------------------------------------------------------------ */
/* The keyboard                                                             */

static gboolean
reached (GPtrArray *stops,
         GtkWidget *area)
{
  for (guint i = 0; i < stops->len; i++)
    if (inside (g_ptr_array_index (stops, i), area))
      return TRUE;
  return FALSE;
}

/* Adwaita's icons that draw the same glyph (a plus sign) at two sizes:
 * two tools of one bar with these are told apart by their tooltips only. */
static const char *const same_glyph[] = { "list-add-symbolic", "value-increase-symbolic" };

/* Every bar of tools in the three views: each icon is in the theme (ours
 * come from the resources), no icon serves two tools of one bar, no bar
 * has two that draw the same glyph (the goal tree's "add a goal after"
 * and "add a sub-goal" were a large and a small plus sign), and a tool
 * that adds has a plus (the roadmap added a lane with a list and a phase
 * with a calendar). */
static void
test_tools_distinct (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(GPtrArray) bars = NULL;
      g_autoptr(GPtrArray) action_bars = NULL;
      guint n_shown = 0;

      soc_window_show_view (window, views[v]);
      soc_ui_wait_stable (GTK_WIDGET (window));
      bars = widgets_under (GTK_WIDGET (window->stack), GTK_TYPE_BOX, "toolbar");
      action_bars = widgets_under (GTK_WIDGET (window->stack), GTK_TYPE_ACTION_BAR, NULL);
      for (guint i = 0; i < action_bars->len; i++)
        g_ptr_array_add (bars, g_ptr_array_index (action_bars, i));
      for (guint b = 0; b < bars->len; b++)
        {
          GtkWidget *bar = g_ptr_array_index (bars, b);
          g_autoptr(GPtrArray) buttons = NULL;
          g_autoptr(GHashTable) icons = g_hash_table_new (g_str_hash, g_str_equal);
          guint n_same_glyph = 0;

          if (!gtk_widget_get_mapped (bar))
            continue;
          n_shown++;
          buttons = widgets_under (bar, GTK_TYPE_BUTTON, NULL);
          for (guint i = 0; i < buttons->len; i++)
            {
              const char *icon = button_icon (g_ptr_array_index (buttons, i));
              const char *action;

              if (icon == NULL)
                continue;
              action = gtk_actionable_get_action_name (GTK_ACTIONABLE (g_ptr_array_index (buttons, i)));
              g_test_message ("the %s view: %s (%s)", views[v], icon, action);
              g_assert_true (gtk_icon_theme_has_icon (theme, icon));
              g_assert_true (g_hash_table_add (icons, (gpointer) icon));
              /* A tool that adds something shows a plus: Adwaita's, or
               * one of ours with a plus beside what it adds. */
              if (action != NULL && g_str_has_prefix (action, "win.add-"))
                g_assert_true (g_str_equal (icon, "list-add-symbolic") ||
                               (g_str_has_prefix (icon, "soc-") && strstr (icon, "-add") != NULL));
            }
          for (guint i = 0; i < G_N_ELEMENTS (same_glyph); i++)
            n_same_glyph += g_hash_table_contains (icons, same_glyph[i]);
          g_assert_cmpuint (n_same_glyph, <=, 1);
        }
      g_assert_cmpuint (n_shown, >, 0);
    }
  soc_ui_close_window (window);
}

static void
test_tab_reaches_everything (void)
{
  g_autofree char *example = soc_test_example_path ();
  SocWindow *window = soc_ui_open_window (app, example);
  SocDocument *doc = soc_window_get_document (window);
  g_autoptr(SocGoal) goal = g_list_model_get_item (soc_document_get_goals (doc), 0);

  if (!gtk_widget_get_visible (GTK_WIDGET (window->inspector)))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL);
  soc_ui_wait_stable (GTK_WIDGET (window));

  /* With nothing selected Tab goes round and passes the empty inspector. */
  {
    g_autoptr(GPtrArray) stops = tab_round (GTK_WINDOW (window));

    g_assert_true (reached (stops, GTK_WIDGET (window->header_bar)));
    g_assert_true (reached (stops, GTK_WIDGET (window->checklist)));
    g_assert_false (reached (stops, GTK_WIDGET (window->inspector)));
  }

  soc_selection_select (soc_window_get_selection (window), SOC_OBJECT (goal));
  soc_ui_settle ();

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(GPtrArray) stops = NULL;
      GtkWidget *view;

      soc_window_show_view (window, views[v]);
      soc_ui_settle ();
      soc_ui_iterate (100);
      view = adw_view_stack_get_visible_child (window->stack);
      stops = tab_round (GTK_WINDOW (window));
      g_test_message ("the %s view: Tab stops at %u widgets", views[v], stops->len);
      g_assert_cmpuint (stops->len, >, 4);
      g_assert_true (reached (stops, GTK_WIDGET (window->header_bar)));
      g_assert_true (reached (stops, view));
      g_assert_true (reached (stops, GTK_WIDGET (window->inspector)));
      g_assert_true (reached (stops, GTK_WIDGET (window->checklist)));

      /* A table is one stop, as a canvas is: the arrows move between rows. */
      for (guint i = 0; i < stops->len; i++)
        {
          GtkWidget *table = gtk_widget_get_ancestor (g_ptr_array_index (stops, i), SOC_TYPE_TABLE_VIEW);

          for (guint k = i + 1; table != NULL && k < stops->len; k++)
            g_assert_false (inside (g_ptr_array_index (stops, k), table));
        }
    }
  soc_ui_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  char *data_home;
  int status;

  app = soc_ui_init (&argc, &argv, &data_home);
  g_log_set_writer_func (log_writer, NULL, NULL);

  g_test_add_func ("/a11y/names-in-window", test_names_in_window);
  g_test_add_func ("/a11y/names-in-dialogs", test_names_in_dialogs);
  g_test_add_func ("/a11y/goal-tree-tools", test_goal_tree_tools);
  g_test_add_func ("/a11y/map-tools", test_map_tools);
  g_test_add_func ("/a11y/tools-distinct", test_tools_distinct);
  g_test_add_func ("/a11y/tab-reaches-everything", test_tab_reaches_everything);

  status = g_test_run ();
  soc_ui_finish (app, data_home);
  return status;
}
