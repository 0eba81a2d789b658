/* soc-inspector.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form is made from the object's field table, so every field of every
 * kind of object can be edited, and new fields appear without new code.
 * Each row commits through soc_edit as one undo step; a refused value is
 * put back, with the reason in the window's toast; rows follow the model
 * (undo, redo, edits elsewhere) without stealing the focus.
 */

#define G_LOG_DOMAIN "soc-inspector"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "soc-date.h"
#include "soc-edit.h"
#include "soc-enum-types.h"
#include "soc-format.h"
#include "soc-inspector.h"
#include "soc-object-private.h"

typedef struct _Row Row;

struct _SocInspector
{
  GtkWidget     parent_instance;

  GtkWidget    *scrolled;
  GtkWidget    *box;
  GtkWidget    *heading;
  GtkWidget    *empty;
  GtkWidget    *group;

  GtkWidget    *relations;   /* a stakeholder's relationships */

  SocDocument  *document;
  SocObject    *object;
  GPtrArray    *rows;       /* Row */
  gboolean      updating;   /* writing model values into widgets */
};

struct _Row
{
  SocInspector   *inspector;
  const SocField *field;
  GtkWidget      *row;
  GtkWidget      *editor;      /* spin button, check buttons' box, … */
  GPtrArray      *candidates;  /* REF, REFLIST: objects, index = combo position (- 1 with None) */
  gboolean        has_none;
  GPtrArray      *checks;      /* FLAGS: GtkCheckButton per value */
  GArray         *bits;        /* FLAGS: the bit of each check */
};

G_DEFINE_FINAL_TYPE (SocInspector, soc_inspector, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh_rows (SocInspector *self);

static void
row_free (Row *row)
{
  g_clear_pointer (&row->candidates, g_ptr_array_unref);
  g_clear_pointer (&row->checks, g_ptr_array_unref);
  g_clear_pointer (&row->bits, g_array_unref);
  g_free (row);
}

static void
report (SocInspector *self,
        Row          *row,
        const GError *error)
{
  gtk_widget_add_css_class (row->row, "error");
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
  refresh_rows (self);
}

static void
clear_error (Row *row)
{
  gtk_widget_remove_css_class (row->row, "error");
}

/* ------------------------------------------------------------------------ */
/* Candidates for references                                               */

static void
collect_goals (gpointer goal,
               gpointer user_data)
{
  g_ptr_array_add (user_data, goal);
}

static GPtrArray *
candidates_for (SocInspector *self,
                GType         type)
{
  GPtrArray *out = g_ptr_array_new ();
  GListModel *list = NULL;

  if (type == SOC_TYPE_GOAL)
    {
      soc_document_foreach_goal (self->document, collect_goals, out);
      return out;
    }
  if (type == SOC_TYPE_STAKEHOLDER)
    list = soc_document_get_stakeholders (self->document);
  else if (type == SOC_TYPE_LANE)
    list = soc_document_get_lanes (self->document);
  else if (type == SOC_TYPE_ITEM)
    list = soc_document_get_items (self->document);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (list, i);
      g_ptr_array_add (out, o);
    }
  return out;
}

static GtkStringList *
candidate_strings (Row *row)
{
  GtkStringList *strings = gtk_string_list_new (NULL);

  if (row->has_none)
    gtk_string_list_append (strings, _("None"));
  for (guint i = 0; i < row->candidates->len; i++)
    gtk_string_list_append (strings, soc_object_get_label (g_ptr_array_index (row->candidates, i)));
  return strings;
}

/* ------------------------------------------------------------------------ */
/* Commits                                                                  */

static void
commit_text (Row        *row,
             const char *text)
{
  SocInspector *self = row->inspector;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  switch (row->field->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      ok = soc_edit_set_string (self->document, self->object, row->field->name, text, &error);
      break;

    case SOC_FIELD_DATE:
      {
        guint date;

        if (!soc_parse_date (text, &date))
          {
            g_set_error (&error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                         _("“%s” is not a date: write it as YYYY-MM-DD"), text);
            ok = FALSE;
          }
        else
          ok = soc_edit_set_int (self->document, self->object, row->field->name, (int) date, &error);
      }
      break;

    case SOC_FIELD_DOUBLE:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (text));
        g_auto(GValue) v = G_VALUE_INIT;
        char *end = NULL;
        double d = NAN;

        if (trimmed[0] != '\0')
          {
            g_strdelimit (trimmed, ",", '.');
            d = g_ascii_strtod (trimmed, &end);
            if (*end != '\0' || !isfinite (d))
              {
                g_set_error (&error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                             _("“%s” is not a number"), text);
                report (self, row, error);
                return;
              }
          }
        g_value_init (&v, G_TYPE_DOUBLE);
        g_value_set_double (&v, d);
        ok = soc_edit_set (self->document, self->object, row->field->name, &v, &error);
      }
      break;

    case SOC_FIELD_ENUM:
    case SOC_FIELD_FLAGS:
    case SOC_FIELD_INT:
    case SOC_FIELD_REF:
    case SOC_FIELD_REFLIST:
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    report (self, row, error);
  else
    clear_error (row);
}

static void
on_entry_apply (AdwEntryRow *entry,
                Row         *row)
{
  if (!row->inspector->updating)
    commit_text (row, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_combo_selected (AdwComboRow *combo,
                   GParamSpec  *pspec,
                   Row         *row)
{
  SocInspector *self = row->inspector;
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (row->field->kind == SOC_FIELD_ENUM)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (row->field->type ());
      ok = soc_edit_set_int (self->document, self->object, row->field->name,
                             klass->values[selected].value, &error);
    }
  else
    {
      SocObject *target = NULL;

      if (!row->has_none || selected > 0)
        target = g_ptr_array_index (row->candidates, selected - (row->has_none ? 1 : 0));
      ok = soc_edit_set_object (self->document, self->object, row->field->name, target, &error);
    }

  if (!ok)
    report (self, row, error);
  else
    clear_error (row);
}

static void
on_spin_changed (GtkSpinButton *spin,
                 Row           *row)
{
  SocInspector *self = row->inspector;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_auto(GValue) v = G_VALUE_INIT;

  if (self->updating)
    return;

  /* Holding the arrow or typing digits is one undo step. */
  key = g_strdup_printf ("inspector:%p:%s", (gpointer) self->object, row->field->name);
  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, gtk_spin_button_get_value_as_int (spin));
  if (!soc_edit_set_merging (self->document, self->object, row->field->name, &v, key, &error))
    report (self, row, error);
  else
    clear_error (row);
}

static void
on_check_toggled (GtkCheckButton *check,
                  Row            *row)
{
  SocInspector *self = row->inspector;
  g_autoptr(GError) error = NULL;
  guint flags = 0;

  if (self->updating)
    return;

  for (guint i = 0; i < row->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (row->checks, i)))
      flags |= g_array_index (row->bits, guint, i);
  if (!soc_edit_set_int (self->document, self->object, row->field->name, (int) flags, &error))
    report (self, row, error);
}

static void
on_jump (GtkButton *button,
         Row       *row)
{
  SocObject *target = g_object_get_data (G_OBJECT (button), "soc-target");
  GValue v = G_VALUE_INIT;

  if (target == NULL)
    {
      g_value_init (&v, SOC_TYPE_OBJECT);
      g_object_get_property (G_OBJECT (row->inspector->object), row->field->name, &v);
      target = g_value_get_object (&v);
    }
  if (target != NULL)
    g_signal_emit (row->inspector, signals[ACTIVATE_LINK], 0, target);
  g_value_unset (&v);
}

static void
set_links (Row       *row,
           GPtrArray *links)
{
  SocInspector *self = row->inspector;
  g_autoptr(GError) error = NULL;

  if (!soc_edit_set_links (self->document, SOC_ITEM (self->object), row->field->name, links, &error))
    report (self, row, error);
}

static void
on_link_remove (GtkButton *button,
                Row       *row)
{
  SocObject *target = g_object_get_data (G_OBJECT (button), "soc-target");
  GPtrArray *current = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  g_object_get (row->inspector->object, row->field->name, &current, NULL);
  for (guint i = 0; current != NULL && i < current->len; i++)
    if (g_ptr_array_index (current, i) != (gpointer) target)
      g_ptr_array_add (links, g_ptr_array_index (current, i));
  g_clear_pointer (&current, g_ptr_array_unref);
  set_links (row, links);
}

static void
on_link_add (GtkButton *button,
             Row       *row)
{
  AdwComboRow *combo = g_object_get_data (G_OBJECT (button), "soc-combo");
  guint selected = adw_combo_row_get_selected (combo);
  GPtrArray *current = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  if (selected == GTK_INVALID_LIST_POSITION || selected >= row->candidates->len)
    return;
  g_object_get (row->inspector->object, row->field->name, &current, NULL);
  for (guint i = 0; current != NULL && i < current->len; i++)
    g_ptr_array_add (links, g_ptr_array_index (current, i));
  g_clear_pointer (&current, g_ptr_array_unref);
  g_ptr_array_add (links, g_ptr_array_index (row->candidates, selected));
  set_links (row, links);
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */

static gboolean
focus_is_inside (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void rebuild_links (Row *row);

static void
refresh_row (Row *row)
{
  SocInspector *self = row->inspector;
  GParamSpec *pspec = soc_object_class_field_pspec (SOC_OBJECT_GET_CLASS (self->object), row->field);
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, pspec->value_type);
  soc_object_get_field (self->object, row->field, &v);

  switch (row->field->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      if (!focus_is_inside (row->row))
        gtk_editable_set_text (GTK_EDITABLE (row->row), g_value_get_string (&v) ?: "");
      break;
    case SOC_FIELD_DATE:
      if (!focus_is_inside (row->row))
        {
          g_autofree char *text = soc_format_date (NULL, g_value_get_uint (&v));
          gtk_editable_set_text (GTK_EDITABLE (row->row), text);
        }
      break;
    case SOC_FIELD_DOUBLE:
      if (!focus_is_inside (row->row))
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE] = "";
          double d = g_value_get_double (&v);
          if (!isnan (d))
            g_ascii_formatd (buf, sizeof buf, "%.15g", d);
          gtk_editable_set_text (GTK_EDITABLE (row->row), buf);
        }
      break;
    case SOC_FIELD_INT:
      if (!focus_is_inside (row->editor))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->editor), g_value_get_int (&v));
      break;
    case SOC_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (row->field->type ());
        for (guint i = 0; i < klass->n_values; i++)
          if (klass->values[i].value == g_value_get_enum (&v))
            adw_combo_row_set_selected (ADW_COMBO_ROW (row->row), i);
      }
      break;
    case SOC_FIELD_FLAGS:
      for (guint i = 0; i < row->checks->len; i++)
        gtk_check_button_set_active (g_ptr_array_index (row->checks, i),
                                     (g_value_get_flags (&v) & g_array_index (row->bits, guint, i)) != 0);
      {
        g_autofree char *text = soc_format_flags (row->field->type (), g_value_get_flags (&v));
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->row), text[0] ? text : _("None"));
      }
      break;
    case SOC_FIELD_REF:
      {
        gpointer target = g_value_get_object (&v);
        guint position = 0;

        if (target != NULL && g_ptr_array_find (row->candidates, target, &position))
          position += row->has_none ? 1 : 0;
        adw_combo_row_set_selected (ADW_COMBO_ROW (row->row), position);
        gtk_widget_set_sensitive (row->editor, target != NULL);
      }
      break;
    case SOC_FIELD_REFLIST:
      rebuild_links (row);
      break;
    default:
      break;
    }
}

/* Fields that mean nothing for this object as it is now are hidden: a
 * metric's figures on other goals, a milestone's end. */
static gboolean
field_is_relevant (SocObject      *object,
                   const SocField *f)
{
  static const char *metric_fields[] = { "unit", "baseline", "baseline-date", "target",
                                         "target-date", "current", "current-date", NULL };

  if (SOC_IS_GOAL (object) && g_strv_contains (metric_fields, f->name))
    return soc_goal_get_kind (SOC_GOAL (object)) == SOC_GOAL_KIND_METRIC;
  if (SOC_IS_ITEM (object) && g_str_equal (f->name, "end"))
    return soc_item_get_kind (SOC_ITEM (object)) == SOC_ITEM_KIND_ACTIVITY;
  if (SOC_IS_ITEM (object) && g_str_equal (f->name, "gate"))
    return soc_item_get_kind (SOC_ITEM (object)) == SOC_ITEM_KIND_MILESTONE;
  return TRUE;
}

static void
refresh_rows (SocInspector *self)
{
  if (self->object == NULL)
    return;
  self->updating = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      gtk_widget_set_visible (row->row, field_is_relevant (self->object, row->field));
      refresh_row (row);
    }
  self->updating = FALSE;
}

static GtkWidget *
jump_button (Row       *row,
             SocObject *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Show it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show it"), -1);
  g_object_set_data (G_OBJECT (button), "soc-target", target);
  g_signal_connect (button, "clicked", G_CALLBACK (on_jump), row);
  return button;
}

/* A REFLIST row lists its links, each with a jump and a remove button, and
 * ends with a picker to add one. */
static void
rebuild_links (Row *row)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row->row);
  GPtrArray *links = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *combo, *add;
  g_autoptr(GtkStringList) strings = NULL;

  /* The children of an expander row live in a list box: remove ours. */
  if (row->editor != NULL)
    {
      GPtrArray *old = g_object_get_data (G_OBJECT (row->row), "soc-link-rows");
      for (guint i = 0; old != NULL && i < old->len; i++)
        adw_expander_row_remove (expander, g_ptr_array_index (old, i));
    }
  g_object_set_data_full (G_OBJECT (row->row), "soc-link-rows", g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
  row->editor = row->row;

  g_object_get (row->inspector->object, row->field->name, &links, NULL);
  summary = soc_format_links (links);
  adw_expander_row_set_subtitle (expander, summary[0] ? summary : _("None"));

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      SocObject *target = g_ptr_array_index (links, i);
      GtkWidget *link = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (link), soc_object_get_label (target));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
      g_object_set_data (G_OBJECT (remove), "soc-target", target);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_link_remove), row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (link), jump_button (row, target));
      adw_action_row_add_suffix (ADW_ACTION_ROW (link), remove);
      adw_expander_row_add_row (expander, link);
      g_ptr_array_add (g_object_get_data (G_OBJECT (row->row), "soc-link-rows"), link);
    }
  g_clear_pointer (&links, g_ptr_array_unref);

  g_clear_pointer (&row->candidates, g_ptr_array_unref);
  row->candidates = candidates_for (row->inspector, row->field->type ());
  row->has_none = FALSE;
  strings = candidate_strings (row);
  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Add"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (strings));
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add the chosen one"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add the chosen one"), -1);
  g_object_set_data (G_OBJECT (add), "soc-combo", combo);
  g_signal_connect (add, "clicked", G_CALLBACK (on_link_add), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (combo), add);
  adw_expander_row_add_row (expander, combo);
  g_ptr_array_add (g_object_get_data (G_OBJECT (row->row), "soc-link-rows"), combo);
}

static Row *
make_row (SocInspector   *self,
          const SocField *f)
{
  Row *row = g_new0 (Row, 1);
  const char *title = _(f->label);
  g_autofree char *capitalized = g_strdup_printf ("%c%s", g_ascii_toupper (title[0]), title + 1);

  row->inspector = self;
  row->field = f;

  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
    case SOC_FIELD_DATE:
    case SOC_FIELD_DOUBLE:
      row->row = adw_entry_row_new ();
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row->row), TRUE);
      g_signal_connect (row->row, "apply", G_CALLBACK (on_entry_apply), row);
      if (f->kind == SOC_FIELD_DATE)
        {
          /* Translators: the form of a date in the inspector */
          g_autofree char *with_hint = g_strdup_printf (_("%s (YYYY-MM-DD)"), capitalized);
          g_free (capitalized);
          capitalized = g_steal_pointer (&with_hint);
        }
      break;

    case SOC_FIELD_INT:
      row->row = adw_action_row_new ();
      row->editor = gtk_spin_button_new_with_range (f->min, f->max, 1);
      gtk_widget_set_valign (row->editor, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->editor), GTK_ACCESSIBLE_PROPERTY_LABEL, capitalized, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->row), row->editor);
      g_signal_connect (row->editor, "value-changed", G_CALLBACK (on_spin_changed), row);
      break;

    case SOC_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (f->type ());
        g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

        for (guint i = 0; i < klass->n_values; i++)
          gtk_string_list_append (strings, soc_enum_to_label (f->type (), klass->values[i].value));
        row->row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row->row), G_LIST_MODEL (strings));
        g_signal_connect (row->row, "notify::selected", G_CALLBACK (on_combo_selected), row);
      }
      break;

    case SOC_FIELD_FLAGS:
      {
        g_autoptr(GFlagsClass) klass = g_type_class_ref (f->type ());

        row->row = adw_expander_row_new ();
        row->checks = g_ptr_array_new ();
        row->bits = g_array_new (FALSE, FALSE, sizeof (guint));
        for (guint i = 0; i < klass->n_values; i++)
          {
            GtkWidget *option = adw_action_row_new ();
            GtkWidget *check = gtk_check_button_new ();
            guint bit = klass->values[i].value;

            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (option), soc_enum_to_label (f->type (), (int) bit));
            adw_action_row_add_prefix (ADW_ACTION_ROW (option), check);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (option), check);
            g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), row);
            adw_expander_row_add_row (ADW_EXPANDER_ROW (row->row), option);
            g_ptr_array_add (row->checks, check);
            g_array_append_val (row->bits, bit);
          }
      }
      break;

    case SOC_FIELD_REF:
      {
        g_autoptr(GtkStringList) strings = NULL;

        row->candidates = candidates_for (self, f->type ());
        row->has_none = !(f->flags & SOC_FIELD_REQUIRED);
        strings = candidate_strings (row);
        row->row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row->row), G_LIST_MODEL (strings));
        row->editor = jump_button (row, NULL);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->editor);
        g_signal_connect (row->row, "notify::selected", G_CALLBACK (on_combo_selected), row);
      }
      break;

    case SOC_FIELD_REFLIST:
      row->row = adw_expander_row_new ();
      break;

    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), capitalized);
  return row;
}

/* ------------------------------------------------------------------------ */
/* A stakeholder's relationships                                           */

static const char *
relation_text (SocRelationKind kind,
               gboolean        outgoing)
{
  switch (kind)
    {
    case SOC_RELATION_KIND_REPORTS_TO:
      return outgoing ? _("Reports to %s") : _("%s reports to them");
    case SOC_RELATION_KIND_INFLUENCES:
      return outgoing ? _("Influences %s") : _("Influenced by %s");
    case SOC_RELATION_KIND_MENTORS:
    default:
      return outgoing ? _("Mentors %s") : _("Mentored by %s");
    }
}

static void rebuild_relations (SocInspector *self);

static void
on_relation_remove (GtkButton    *button,
                    SocInspector *self)
{
  SocObject *rel = g_object_get_data (G_OBJECT (button), "soc-target");
  g_autoptr(GError) error = NULL;

  if (!soc_edit_delete (self->document, &rel, 1, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

static void
on_relation_jump (GtkButton    *button,
                  SocInspector *self)
{
  g_signal_emit (self, signals[ACTIVATE_LINK], 0, g_object_get_data (G_OBJECT (button), "soc-target"));
}

static void
on_relation_add (GtkButton    *button,
                 SocInspector *self)
{
  AdwComboRow *kind_row = g_object_get_data (G_OBJECT (button), "soc-kind");
  AdwComboRow *other_row = g_object_get_data (G_OBJECT (button), "soc-other");
  GPtrArray *others = g_object_get_data (G_OBJECT (button), "soc-others");
  guint kind = adw_combo_row_get_selected (kind_row);
  guint other = adw_combo_row_get_selected (other_row);
  g_autoptr(SocRelationship) rel = NULL;
  g_autoptr(GError) error = NULL;

  if (other == GTK_INVALID_LIST_POSITION || other >= others->len)
    return;
  rel = soc_relationship_new (kind, SOC_STAKEHOLDER (self->object), g_ptr_array_index (others, other));
  if (soc_edit_add (self->document, SOC_OBJECT (rel), NULL,
                    g_list_model_get_n_items (soc_document_get_relationships (self->document)), &error) == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
rebuild_relations (SocInspector *self)
{
  GListModel *rels;
  GtkWidget *kind_row, *other_row, *add;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *others = g_ptr_array_new ();

  if (self->relations != NULL)
    {
      gtk_box_remove (GTK_BOX (self->box), self->relations);
      self->relations = NULL;
    }
  if (!SOC_IS_STAKEHOLDER (self->object) || self->document == NULL)
    {
      g_ptr_array_unref (others);
      return;
    }

  self->relations = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->relations), _("Relationships"));
  gtk_widget_set_margin_start (self->relations, 12);
  gtk_widget_set_margin_end (self->relations, 12);
  gtk_widget_set_margin_bottom (self->relations, 12);

  rels = soc_document_get_relationships (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (rels); i++)
    {
      g_autoptr(SocRelationship) rel = g_list_model_get_item (rels, i);
      gboolean outgoing = soc_relationship_get_from (rel) == SOC_STAKEHOLDER (self->object);
      SocStakeholder *other = outgoing ? soc_relationship_get_to (rel) : soc_relationship_get_from (rel);
      g_autofree char *title = NULL;
      GtkWidget *row, *jump, *remove;

      if (!outgoing && soc_relationship_get_to (rel) != SOC_STAKEHOLDER (self->object))
        continue;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      title = g_strdup_printf (relation_text (soc_relationship_get_kind (rel), outgoing),
                               soc_object_get_label (SOC_OBJECT (other)));
#pragma GCC diagnostic pop
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      jump = icon_button ("go-next-symbolic", _("Show them"));
      g_object_set_data (G_OBJECT (jump), "soc-target", other);
      g_signal_connect (jump, "clicked", G_CALLBACK (on_relation_jump), self);
      remove = icon_button ("edit-delete-symbolic", _("Remove the relationship"));
      g_object_set_data (G_OBJECT (remove), "soc-target", rel);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_relation_remove), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), jump);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->relations), row);
    }

  for (guint k = SOC_RELATION_KIND_REPORTS_TO; k <= SOC_RELATION_KIND_MENTORS; k++)
    gtk_string_list_append (kinds, soc_enum_to_label (SOC_TYPE_RELATION_KIND, (int) k));
  {
    GListModel *people = soc_document_get_stakeholders (self->document);
    for (guint i = 0; i < g_list_model_get_n_items (people); i++)
      {
        g_autoptr(SocObject) p = g_list_model_get_item (people, i);
        if (p == self->object)
          continue;
        g_ptr_array_add (others, p);
        gtk_string_list_append (names, soc_object_get_label (p));
      }
  }

  kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("New relationship"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (kinds));
  other_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (other_row), _("With"));
  adw_combo_row_set_model (ADW_COMBO_ROW (other_row), G_LIST_MODEL (names));
  add = icon_button ("list-add-symbolic", _("Add the relationship"));
  g_object_set_data (G_OBJECT (add), "soc-kind", kind_row);
  g_object_set_data (G_OBJECT (add), "soc-other", other_row);
  g_object_set_data_full (G_OBJECT (add), "soc-others", others, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (add, "clicked", G_CALLBACK (on_relation_add), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (other_row), add);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->relations), kind_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->relations), other_row);

  gtk_box_append (GTK_BOX (self->box), self->relations);
}

static void
on_object_notify (SocInspector *self)
{
  refresh_rows (self);
}

static void
on_document_changed (SocInspector *self)
{
  /* The object may have left the document (deleted, or its add undone). */
  if (self->object != NULL && !SOC_IS_PLAN (self->object) && !SOC_IS_OVERRIDE (self->object) &&
      soc_document_lookup (self->document, soc_object_get_id (self->object)) != self->object)
    {
      soc_inspector_set_object (self, NULL);
      return;
    }
  if (SOC_IS_STAKEHOLDER (self->object) && (self->relations == NULL || !focus_is_inside (self->relations)))
    rebuild_relations (self);
}

static void
clear_form (SocInspector *self)
{
  if (self->object != NULL)
    g_signal_handlers_disconnect_by_data (self->object, self);
  g_clear_object (&self->object);
  if (self->group != NULL)
    {
      gtk_box_remove (GTK_BOX (self->box), self->group);
      self->group = NULL;
    }
  if (self->relations != NULL)
    {
      gtk_box_remove (GTK_BOX (self->box), self->relations);
      self->relations = NULL;
    }
  g_ptr_array_set_size (self->rows, 0);
}

static const char *
kind_title (SocObject *object)
{
  if (SOC_IS_GOAL (object)) return _("Goal");
  if (SOC_IS_ITEM (object)) return _("Roadmap Item");
  if (SOC_IS_LANE (object)) return _("Lane");
  if (SOC_IS_PHASE (object)) return _("Phase");
  if (SOC_IS_STAKEHOLDER (object)) return _("Stakeholder");
  if (SOC_IS_RELATIONSHIP (object)) return _("Relationship");
  if (SOC_IS_PLAN (object)) return _("Plan");
  return _("Judgement");
}

/* Edits OBJECT, or shows that nothing is selected. */
void
soc_inspector_set_object (SocInspector *self,
                          SocObject    *object)
{
  SocObjectClass *klass;

  g_return_if_fail (SOC_IS_INSPECTOR (self));

  if (object == self->object)
    return;

  clear_form (self);
  gtk_widget_set_visible (self->empty, object == NULL);
  gtk_widget_set_visible (self->heading, object != NULL);
  if (object == NULL || self->document == NULL)
    return;

  self->object = g_object_ref (object);
  g_signal_connect_swapped (object, "notify", G_CALLBACK (on_object_notify), self);

  gtk_label_set_label (GTK_LABEL (self->heading), kind_title (object));
  self->group = adw_preferences_group_new ();
  gtk_widget_set_margin_start (self->group, 12);
  gtk_widget_set_margin_end (self->group, 12);
  gtk_widget_set_margin_bottom (self->group, 12);

  klass = SOC_OBJECT_GET_CLASS (object);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      Row *row;

      if (f->flags & SOC_FIELD_STRUCTURAL)
        continue;
      row = make_row (self, f);
      g_ptr_array_add (self->rows, row);
    }

  /* Names and titles first: what a person looks for. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->rows->len; i++)
      {
        Row *row = g_ptr_array_index (self->rows, i);
        gboolean first = row->field->kind == SOC_FIELD_TEXT && (int) (row->field - klass->fields) == klass->label_field;

        if ((pass == 0) == first)
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row->row);
      }

  gtk_box_append (GTK_BOX (self->box), self->group);
  rebuild_relations (self);
  refresh_rows (self);
}

SocObject *
soc_inspector_get_object (SocInspector *self)
{
  g_return_val_if_fail (SOC_IS_INSPECTOR (self), NULL);
  return self->object;
}

void
soc_inspector_set_document (SocInspector *self,
                            SocDocument  *document)
{
  g_return_if_fail (SOC_IS_INSPECTOR (self));

  soc_inspector_set_object (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
}

/* Puts the keyboard in the first row, to edit the selection (F2). */
gboolean
soc_inspector_focus_first (SocInspector *self)
{
  g_return_val_if_fail (SOC_IS_INSPECTOR (self), FALSE);

  if (self->group == NULL || self->rows->len == 0)
    return FALSE;

  /* The name or title, shown first; else the first row shown. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      SocObjectClass *klass = SOC_OBJECT_GET_CLASS (self->object);

      if ((int) (row->field - klass->fields) == klass->label_field)
        return gtk_widget_grab_focus (row->row);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_get_visible (row->row))
        return gtk_widget_grab_focus (row->row);
    }
  return FALSE;
}

static void
soc_inspector_dispose (GObject *object)
{
  SocInspector *self = SOC_INSPECTOR (object);

  soc_inspector_set_document (self, NULL);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (soc_inspector_parent_class)->dispose (object);
}

static void
soc_inspector_finalize (GObject *object)
{
  SocInspector *self = SOC_INSPECTOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (soc_inspector_parent_class)->finalize (object);
}

static void
soc_inspector_class_init (SocInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_inspector_dispose;
  object_class->finalize = soc_inspector_finalize;

  /**
   * SocInspector::activate-link:
   * @target: the object a reference names
   *
   * The user asked to see @target, in its own view.
   */
  signals[ACTIVATE_LINK] =
    g_signal_new ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SOC_TYPE_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "socinspector");
}

static void
soc_inspector_init (SocInspector *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->box);

  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_add_css_class (self->heading, "soc-inspector-heading");
  gtk_widget_set_visible (self->heading, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->heading);

  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "document-edit-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("Nothing Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty), _("Select a goal, an item or a stakeholder to edit it here"));
  gtk_widget_add_css_class (self->empty, "compact");
  gtk_box_append (GTK_BOX (self->box), self->empty);
}

GtkWidget *
soc_inspector_new (void)
{
  return g_object_new (SOC_TYPE_INSPECTOR, NULL);
}
