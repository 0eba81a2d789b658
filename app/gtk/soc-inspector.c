/* soc-inspector.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form is made from the object's field table, so every field of every
 * kind of object can be edited, and new fields appear without new code.
 * Each row commits through soc_edit as one undo step; a refused value
 * stays, marked, with the reason in the window's toast, until it is
 * corrected or Escape puts back what the plan says.
 *
 * A form is built once per kind of object and kept: selecting another goal
 * only writes the new goal's values into the same rows, and a change to
 * one property refreshes the one row that shows it. References (owner,
 * lane, served goals, dependencies) are chosen from searchable lists over
 * the document's own list models (soc-ref-picker.c), never from arrays of
 * every title. User text is never read as markup.
 *
 * The form follows the selection a frame late: the frame that shows the
 * new selection is painted first, and the form is filled after it. Held
 * down, an arrow key moves the selection at the keyboard's rate, and the
 * form, which costs more to lay out than the step itself, catches up at
 * most every CATCH_UP_MS, with the last object stepped to (on a plan too
 * big to step at the keyboard's rate, when the key is let go). Whoever asks
 * the inspector anything (its object, a row, the keyboard in a field) gets
 * the object wanted, at once; what was typed goes to its own object the
 * moment the selection moves.
 */

#define G_LOG_DOMAIN "soc-inspector"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "soc-compat.h"
#include "soc-date.h"
#include "soc-edit.h"
#include "soc-enum-types.h"
#include "soc-format.h"
#include "soc-inspector.h"
#include "soc-link-list.h"
#include "soc-object-private.h"
#include "soc-ref-picker.h"
#include "soc-scroll-body.h"
#include "soc-stakeholder-links.h"
#include "soc-text-row.h"

typedef struct _Form Form;
typedef struct _Row Row;

struct _SocInspector
{
  GtkWidget     parent_instance;

  GtkWidget    *scrolled;
  GtkWidget    *box;
  GtkWidget    *heading;
  GtkWidget    *empty;

  SocDocument  *document;
  SocObject    *object;
  GHashTable   *forms;      /* GType -> Form */
  Form         *form;       /* the one shown */
  gboolean      updating;   /* writing model values into widgets */
  guint         n_refreshed;

  /* Catching up with the selection (see the top of the file) */
  SocObject    *wanted;       /* to be shown, while WANTED_SET */
  gboolean      wanted_set;
  GdkFrameClock *clock;       /* whose next paint is waited for */
  gulong        after_paint;
  guint         catch_up;     /* the idle or timeout that shows WANTED */
  gint64        shown_at;     /* when the form was last filled (monotonic) */
};

/* The least time between two fillings of the form while the selection
 * moves: at most ten a second, whatever the key's repeat rate. */
#define CATCH_UP_MS 100

struct _Form
{
  SocInspector *inspector;
  GType         type;
  GtkWidget    *box;        /* every group of this form */
  GtkWidget    *group;
  GtkWidget    *links;      /* SocStakeholderLinks, for stakeholders */
  GtkWidget    *progress;   /* a goal's progress as it rolls up, not editable */
  GPtrArray    *rows;       /* Row */
  GHashTable   *by_pspec;   /* GParamSpec -> Row */
};

struct _Row
{
  Form           *form;
  const SocField *field;
  GParamSpec     *pspec;
  GtkWidget      *row;
  GtkWidget      *editor;     /* spin button, picker; the text row itself */
  GtkWidget      *jump;       /* REF: shows the object referred to */
  GtkWidget      *add;        /* REFLIST: the row that adds a link */
  GtkWidget      *links;      /* REFLIST: SocLinkList of the links */
  GPtrArray      *checks;     /* FLAGS: a GtkCheckButton per value */
  GArray         *bits;       /* FLAGS: the bit of each check */
  gboolean        own_group;  /* FLAGS shown as a group of its own */
  GPtrArray      *named;      /* REF, REFLIST: the objects shown by name, watched */
  GArray         *named_ids;  /* ... the handler on each */
};

G_DEFINE_FINAL_TYPE (SocInspector, soc_inspector, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh_row (Row *row);

/* ------------------------------------------------------------------------ */
/* What each field needs beyond its table entry                              */

/* Text that is written in paragraphs, not one line. */
static gboolean
is_multi_line (const SocField *f)
{
  static const char *names[] = { "vision", "notes", "description", "engagement", "note", NULL };

  return g_strv_contains (names, f->name);
}

/* A unit after a number, and a line that says what a field is for. */
static const struct {
  GType      (*type) (void);
  const char *field;
  const char *unit;
  const char *hint;
} field_notes[] = {
  { soc_plan_get_type, "alignment-target", N_("%"),
    N_("The share of social goals and initiatives that should hang under a business objective and carry a metric") },
  { soc_plan_get_type, "metrics-benchmark", N_("%"),
    N_("The field’s share of social work tied to outcomes by a metric (34 % in one survey), to compare this plan with") },
  { soc_plan_get_type, "horizon-years", N_("years"),
    N_("How far ahead the roadmap should reach for a long-term vision") },
  { soc_plan_get_type, "technology-share", N_("%"),
    N_("The most of the roadmap’s effort that technology should take (the field says about 20 %)") },
  { soc_plan_get_type, "owner-load", N_("items"),
    N_("How many initiatives and activities one owner can carry at the same time") },
  { soc_plan_get_type, "advocates", N_("people"),
    N_("How many advocates and evangelists the programme needs") },
  { soc_plan_get_type, "horizon-start", NULL, N_("The first day the plan covers") },
  { soc_plan_get_type, "horizon-end", NULL, N_("The last day the plan covers") },
  { soc_plan_get_type, "vision", NULL,
    N_("The longer statement behind the vision. The success factors look for a goal of kind Vision at the top of the goal tree, and for this statement when there is none") },
  { soc_goal_get_type, "talent", NULL, N_("The talent or learning goal this serves, if any") },
  { soc_goal_get_type, "unit", NULL, N_("What the metric counts, such as %, days or posts") },
  { soc_item_get_type, "progress", N_("%"), NULL },
  { soc_item_get_type, "gate", NULL,
    N_("A strategy gate marks strategy and goals as set: technology work should start after it") },
  { soc_stakeholder_get_type, "influence", N_("of 100"), N_("How much they can sway the programme") },
  { soc_stakeholder_get_type, "interest", N_("of 100"), N_("How much the programme concerns them") },
};

static void
field_note (GType           type,
            const SocField *f,
            const char    **unit,
            const char    **hint)
{
  *unit = *hint = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (field_notes); i++)
    if (field_notes[i].type () == type && g_str_equal (field_notes[i].field, f->name))
      {
        *unit = field_notes[i].unit ? _(field_notes[i].unit) : NULL;
        *hint = field_notes[i].hint ? _(field_notes[i].hint) : NULL;
      }
}

/* Fields that mean nothing for the object as it is now are hidden: a
 * metric's figures on other goals, a milestone's end, progress and
 * recurrence; an activity's gate. */
static gboolean
field_is_relevant (SocObject      *object,
                   const SocField *f)
{
  static const char *metric_fields[] = { "unit", "baseline", "baseline-date", "target",
                                         "target-date", "current", "current-date", NULL };
  static const char *activity_fields[] = { "end", "progress", "recurrence", NULL };

  if (SOC_IS_GOAL (object) && g_strv_contains (metric_fields, f->name))
    return soc_goal_get_kind (SOC_GOAL (object)) == SOC_GOAL_KIND_METRIC;
  if (SOC_IS_ITEM (object) && g_strv_contains (activity_fields, f->name))
    return soc_item_get_kind (SOC_ITEM (object)) == SOC_ITEM_KIND_ACTIVITY;
  if (SOC_IS_ITEM (object) && g_str_equal (f->name, "gate"))
    return soc_item_get_kind (SOC_ITEM (object)) == SOC_ITEM_KIND_MILESTONE;
  return TRUE;
}

static char *
field_title (const SocField *f)
{
  const char *label = _(f->label);

  return g_strdup_printf ("%c%s", g_ascii_toupper (label[0]), label + 1);
}

/* ------------------------------------------------------------------------ */
/* Commits                                                                  */

static void
report (Row          *row,
        const GError *error)
{
  SocInspector *self = row->form->inspector;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
  if (SOC_IS_TEXT_ROW (row->row))
    soc_text_row_set_error (SOC_TEXT_ROW (row->row), TRUE);
  else
    {
      /* A choice that was refused shows what the plan says again. */
      self->updating = TRUE;
      refresh_row (row);
      self->updating = FALSE;
    }
}

static gboolean
parse_double (const char *text,
              double     *value,
              GError    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end = NULL;

  *value = NAN;
  if (trimmed[0] == '\0')
    return TRUE;
  g_strdelimit (trimmed, ",", '.');
  *value = g_ascii_strtod (trimmed, &end);
  if (*end != '\0' || !isfinite (*value))
    {
      g_set_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID, _("“%s” is not a number"), text);
      return FALSE;
    }
  return TRUE;
}

static void
on_text_commit (SocTextRow *text_row,
                const char *text,
                Row        *row)
{
  SocInspector *self = row->form->inspector;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  if (self->updating || self->object == NULL)
    return;

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
          g_set_error (&error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID,
                       _("“%s” is not a date: write it as YYYY-MM-DD"), text);
        else
          ok = soc_edit_set_int (self->document, self->object, row->field->name, (int) date, &error);
      }
      break;

    case SOC_FIELD_DOUBLE:
      {
        double d;

        if (parse_double (text, &d, &error))
          {
            g_auto(GValue) v = G_VALUE_INIT;

            g_value_init (&v, G_TYPE_DOUBLE);
            g_value_set_double (&v, d);
            ok = soc_edit_set (self->document, self->object, row->field->name, &v, &error);
          }
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
    {
      report (row, error);
      return;
    }
  /* What the plan keeps, as it writes it (2026-3-2 becomes 2026-03-02). */
  soc_text_row_revert (text_row);
}

static void
on_combo_selected (AdwComboRow *combo,
                   GParamSpec  *pspec,
                   Row         *row)
{
  SocInspector *self = row->form->inspector;
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->object == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  klass = g_type_class_ref (row->field->type ());
  if (!soc_edit_set_int (self->document, self->object, row->field->name, klass->values[selected].value, &error))
    report (row, error);
}

static void
on_spin_changed (GtkSpinButton *spin,
                 Row           *row)
{
  SocInspector *self = row->form->inspector;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_auto(GValue) v = G_VALUE_INIT;

  if (self->updating || self->object == NULL)
    return;

  /* Holding the arrow or typing digits is one undo step. */
  key = g_strdup_printf ("inspector:%p:%s", (gpointer) self->object, row->field->name);
  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, gtk_spin_button_get_value_as_int (spin));
  if (!soc_edit_set_merging (self->document, self->object, row->field->name, &v, key, &error))
    report (row, error);
}

static void
on_check_toggled (GtkCheckButton *check,
                  Row            *row)
{
  SocInspector *self = row->form->inspector;
  g_autoptr(GError) error = NULL;
  guint flags = 0;

  if (self->updating || self->object == NULL)
    return;
  for (guint i = 0; i < row->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (row->checks, i)))
      flags |= g_array_index (row->bits, guint, i);
  if (!soc_edit_set_int (self->document, self->object, row->field->name, (int) flags, &error))
    report (row, error);
}

static void
on_ref_picked (SocRefPicker *picker,
               SocObject    *target,
               Row          *row)
{
  SocInspector *self = row->form->inspector;
  g_autoptr(GError) error = NULL;

  if (self->object == NULL)
    return;
  if (!soc_edit_set_object (self->document, self->object, row->field->name, target, &error))
    report (row, error);
}

/* A copy of the links: the model's own array is never changed in place. */
static GPtrArray *
current_links (Row *row)
{
  g_autoptr(GPtrArray) links = NULL;
  GPtrArray *copy = g_ptr_array_new ();

  g_object_get (row->form->inspector->object, row->field->name, &links, NULL);
  for (guint i = 0; links != NULL && i < links->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (links, i));
  return copy;
}

static void
set_links (Row       *row,
           GPtrArray *links)
{
  SocInspector *self = row->form->inspector;
  g_autoptr(GError) error = NULL;

  if (!soc_edit_set_links (self->document, SOC_ITEM (self->object), row->field->name, links, &error))
    report (row, error);
}

static void
on_link_picked (SocRefPicker *picker,
                SocObject    *target,
                Row          *row)
{
  g_autoptr(GPtrArray) links = NULL;

  if (target == NULL || row->form->inspector->object == NULL)
    return;
  links = current_links (row);
  g_ptr_array_add (links, target);
  set_links (row, links);
}

static void
on_link_remove (SocLinkList *list,
                SocObject   *target,
                Row         *row)
{
  g_autoptr(GPtrArray) links = NULL;

  if (row->form->inspector->object == NULL)
    return;
  links = current_links (row);
  g_ptr_array_remove (links, target);
  set_links (row, links);
}

static void
on_link_jump (SocLinkList *list,
              SocObject   *target,
              Row         *row)
{
  g_signal_emit (row->form->inspector, signals[ACTIVATE_LINK], 0, target);
}

static void
describe_link (SocObject  *object,
               char      **title,
               char      **detail,
               gpointer    user_data)
{
  Row *row = user_data;

  *title = g_strdup (soc_object_get_label (object));
  *detail = soc_ref_picker_describe (SOC_REF_PICKER (row->editor), object);
}

static void
on_jump (GtkButton *button,
         Row       *row)
{
  SocInspector *self = row->form->inspector;
  SocObject *target = g_object_get_data (G_OBJECT (button), "soc-target");

  if (target == NULL && self->object != NULL)
    g_object_get (self->object, row->field->name, &target, NULL);
  else if (target != NULL)
    g_object_ref (target);
  if (target != NULL)
    g_signal_emit (self, signals[ACTIVATE_LINK], 0, target);
  g_clear_object (&target);
}

/* ------------------------------------------------------------------------ */
/* Showing values                                                           */

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

/* An object a row shows by name was renamed. */
static void
on_named_renamed (SocObject  *object,
                  GParamSpec *pspec,
                  Row        *row)
{
  if (row->field->kind == SOC_FIELD_REF)
    refresh_row (row);
  else
    soc_link_list_refresh (SOC_LINK_LIST (row->links));
}

static void
unwatch_names (Row *row)
{
  for (guint i = 0; row->named != NULL && i < row->named->len; i++)
    g_signal_handler_disconnect (g_ptr_array_index (row->named, i), g_array_index (row->named_ids, gulong, i));
  g_clear_pointer (&row->named, g_ptr_array_unref);
  g_clear_pointer (&row->named_ids, g_array_unref);
}

/* Follows the names of the N OBJECTS that ROW shows: a goal, an owner or a
 * lane renamed elsewhere is shown by its new name. */
static void
watch_names (Row              *row,
             SocObject *const *objects,
             guint             n)
{
  if (row->named != NULL && row->named->len == n &&
      (n == 0 || memcmp (row->named->pdata, objects, n * sizeof (gpointer)) == 0))
    return;
  unwatch_names (row);
  row->named = g_ptr_array_new_with_free_func (g_object_unref);
  row->named_ids = g_array_new (FALSE, FALSE, sizeof (gulong));
  for (guint i = 0; i < n; i++)
    {
      SocObjectClass *klass = SOC_OBJECT_GET_CLASS (objects[i]);
      g_autofree char *detailed = NULL;
      gulong id;

      if (klass->label_field < 0)
        continue;
      detailed = g_strconcat ("notify::", g_param_spec_get_name (klass->pspecs[klass->label_field]), NULL);
      id = g_signal_connect (objects[i], detailed, G_CALLBACK (on_named_renamed), row);
      g_ptr_array_add (row->named, g_object_ref (objects[i]));
      g_array_append_val (row->named_ids, id);
    }
}

/* A REFLIST row lists its links, each with a jump and a remove button,
 * in a list that makes only the rows in sight; the last row adds one. */
static void
refresh_links (Row *row)
{
  SocInspector *self = row->form->inspector;
  g_autoptr(GPtrArray) links = current_links (row);
  g_autofree char *summary = NULL;

  soc_link_list_set_objects (SOC_LINK_LIST (row->links), (SocObject *const *) links->pdata, links->len);
  watch_names (row, (SocObject *const *) links->pdata, links->len);
  gtk_widget_set_visible (gtk_widget_get_parent (row->links), links->len > 0);

  if (links->len == 0)
    summary = g_strdup (_("None"));
  else if (row->field->type () == SOC_TYPE_GOAL)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal", "%u goals", links->len), links->len);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", links->len), links->len);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->row), summary);

  /* What is linked already, and the item itself, are not offered. */
  if (row->field->type () == G_OBJECT_TYPE (self->object))
    g_ptr_array_add (links, self->object);
  soc_ref_picker_set_excluded (SOC_REF_PICKER (row->editor), links);
}

static void
refresh_row (Row *row)
{
  SocInspector *self = row->form->inspector;
  g_auto(GValue) v = G_VALUE_INIT;

  self->n_refreshed++;
  g_value_init (&v, row->pspec->value_type);
  soc_object_get_field (self->object, row->field, &v);

  switch (row->field->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      soc_text_row_set_text (SOC_TEXT_ROW (row->row), g_value_get_string (&v));
      break;
    case SOC_FIELD_DATE:
      {
        g_autofree char *text = soc_format_date (NULL, g_value_get_uint (&v));
        const char *unit, *hint;

        soc_text_row_set_text (SOC_TEXT_ROW (row->row), text);
        /* How to write a date, while there is none to show it. */
        field_note (row->form->type, row->field, &unit, &hint);
        soc_text_row_set_hint (SOC_TEXT_ROW (row->row),
                               hint != NULL ? hint : text[0] == '\0' ? _("Write it as YYYY-MM-DD") : NULL);
      }
      break;
    case SOC_FIELD_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE] = "";
        double d = g_value_get_double (&v);

        if (!isnan (d))
          g_ascii_formatd (buf, sizeof buf, "%.15g", d);
        soc_text_row_set_text (SOC_TEXT_ROW (row->row), buf);
      }
      break;
    case SOC_FIELD_INT:
      if (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->editor)) != g_value_get_int (&v))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->editor), g_value_get_int (&v));
      break;
    case SOC_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (row->field->type ());

        for (guint i = 0; i < klass->n_values; i++)
          if (klass->values[i].value == g_value_get_enum (&v) &&
              adw_combo_row_get_selected (ADW_COMBO_ROW (row->row)) != i)
            adw_combo_row_set_selected (ADW_COMBO_ROW (row->row), i);
      }
      break;
    case SOC_FIELD_FLAGS:
      for (guint i = 0; i < row->checks->len; i++)
        gtk_check_button_set_active (g_ptr_array_index (row->checks, i),
                                     (g_value_get_flags (&v) & g_array_index (row->bits, guint, i)) != 0);
      if (!row->own_group)
        {
          g_autofree char *text = soc_format_flags (row->field->type (), g_value_get_flags (&v));
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->row), text[0] ? text : _("None"));
        }
      break;
    case SOC_FIELD_REF:
      {
        SocObject *target = g_value_get_object (&v);

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row),
                                     target != NULL ? soc_object_get_label (target) : _("None"));
        watch_names (row, &target, target != NULL ? 1 : 0);
        gtk_widget_set_sensitive (row->jump, target != NULL);
      }
      break;
    case SOC_FIELD_REFLIST:
      refresh_links (row);
      break;
    default:
      break;
    }
}

static void
update_relevance (Form *form)
{
  SocObject *object = form->inspector->object;

  for (guint i = 0; i < form->rows->len; i++)
    {
      Row *row = g_ptr_array_index (form->rows, i);
      gtk_widget_set_visible (row->row, field_is_relevant (object, row->field));
    }
}

/* A goal's progress: computed from the metrics, so shown, not edited. */
static void
refresh_progress (Form *form)
{
  SocInspector *self = form->inspector;
  g_autofree char *text = NULL;

  if (form->progress == NULL || !SOC_IS_GOAL (self->object) || self->document == NULL)
    return;
  text = soc_format_progress (self->document, SOC_GOAL (self->object));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (form->progress), text);
}

static void
refresh_all (Form *form)
{
  SocInspector *self = form->inspector;

  self->updating = TRUE;
  update_relevance (form);
  for (guint i = 0; i < form->rows->len; i++)
    refresh_row (g_ptr_array_index (form->rows, i));
  refresh_progress (form);
  self->updating = FALSE;
}

/* ------------------------------------------------------------------------ */
/* Building a form, once per kind of object                                 */

static void
row_free (Row *row)
{
  unwatch_names (row);
  g_clear_pointer (&row->checks, g_ptr_array_unref);
  g_clear_pointer (&row->bits, g_array_unref);
  g_free (row);
}

static void
plain (GtkWidget *row)
{
  /* Rows show the user's text: never markup ("Q&A" must stay "Q&A"). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
}

/* The first label inside WIDGET with CSS_CLASS, not looking into rows
 * nested in it (an expander's). */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class))
        return GTK_LABEL (child);
      if (GTK_IS_LIST_BOX_ROW (child) || GTK_IS_LIST_BOX (child))
        continue;
      if ((found = find_label (child, css_class)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_is_cut (GtkLabel *label)
{
  return label != NULL && gtk_widget_get_mapped (GTK_WIDGET (label)) &&
         pango_layout_is_ellipsized (gtk_label_get_layout (label));
}

/* The title and summary whole, if either is cut off. */
static gboolean
on_summary_tooltip (GtkWidget  *header,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip)
{
  GtkLabel *title = find_label (header, "title");
  GtkLabel *subtitle = find_label (header, "subtitle");
  g_autofree char *text = NULL;
  GtkWidget *whole;

  if (!label_is_cut (title) && !label_is_cut (subtitle))
    return FALSE;
  text = g_strdup_printf ("%s\n%s", title != NULL ? gtk_label_get_text (title) : "",
                          subtitle != NULL ? gtk_label_get_text (subtitle) : "");
  /* Wrapped: GTK 4.8 shows a tooltip's text on one line, however long. */
  whole = gtk_label_new (g_strstrip (text));
  gtk_label_set_wrap (GTK_LABEL (whole), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (whole), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (whole), 60);
  gtk_label_set_xalign (GTK_LABEL (whole), 0);
  gtk_tooltip_set_custom (tooltip, whole);
  return TRUE;
}

/* A row whose subtitle is what the object refers to or holds (its owner,
 * the goals it serves) shows two lines of its title and four of that at
 * most, ended with an ellipsis past that. Without a limit, GTK 4.8
 * measures such a row by trial and error each time it shows another
 * object, which was most of what showing the next one cost. A summary cut
 * off shows whole in a tooltip. */
static void
summary (GtkWidget *row)
{
  GtkWidget *header = row;

  plain (row);
  soc_compat_row_set_lines (row, 2, 4);
  /* An expander's own title and subtitle are in its header row. */
  if (ADW_IS_EXPANDER_ROW (row))
    for (header = gtk_widget_get_first_child (row); header != NULL && !ADW_IS_ACTION_ROW (header);)
      header = gtk_widget_get_first_child (header);
  if (header == NULL)
    return;
  gtk_widget_set_has_tooltip (header, TRUE);
  g_signal_connect (header, "query-tooltip", G_CALLBACK (on_summary_tooltip), NULL);
}

static void
make_flags (Row       *row,
            GtkWidget *parent)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (row->field->type ());

  row->checks = g_ptr_array_new ();
  row->bits = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < klass->n_values; i++)
    {
      GtkWidget *option = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      guint bit = klass->values[i].value;

      plain (option);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (option), soc_enum_to_label (row->field->type (), (int) bit));
      adw_action_row_add_prefix (ADW_ACTION_ROW (option), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (option), check);
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), row);
      if (ADW_IS_EXPANDER_ROW (parent))
        adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), option);
      else
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), option);
      g_ptr_array_add (row->checks, check);
      g_array_append_val (row->bits, bit);
    }
}

static Row *
make_row (Form           *form,
          const SocField *f)
{
  SocInspector *self = form->inspector;
  Row *row = g_new0 (Row, 1);
  g_autofree char *title = field_title (f);
  const char *unit, *hint;

  row->form = form;
  row->field = f;
  row->pspec = soc_object_class_field_pspec (g_type_class_peek (form->type), f);
  field_note (form->type, f, &unit, &hint);

  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
    case SOC_FIELD_DATE:
    case SOC_FIELD_DOUBLE:
      row->row = row->editor = soc_text_row_new (title, is_multi_line (f));
      if (f->kind == SOC_FIELD_DATE)
        ;   /* set with the value: see refresh_row() */
      else if (f->kind == SOC_FIELD_COLOUR)
        soc_text_row_set_hint (SOC_TEXT_ROW (row->row), _("Write it as #rrggbb"));
      else
        soc_text_row_set_hint (SOC_TEXT_ROW (row->row), hint);
      g_signal_connect (row->row, "commit", G_CALLBACK (on_text_commit), row);
      break;

    case SOC_FIELD_INT:
      row->row = adw_action_row_new ();
      plain (row->row);
      if (hint != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), hint);
      row->editor = gtk_spin_button_new_with_range (f->min, f->max, 1);
      gtk_widget_set_valign (row->editor, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->editor), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->editor);
      if (unit != NULL)
        {
          GtkWidget *label = gtk_label_new (unit);
          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), label);
        }
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
        plain (row->row);
        /* The choice under the title, whole: never cut beside it. */
        adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row->row), TRUE);
        adw_combo_row_set_model (ADW_COMBO_ROW (row->row), G_LIST_MODEL (strings));
        g_signal_connect (row->row, "notify::selected", G_CALLBACK (on_combo_selected), row);
      }
      break;

    case SOC_FIELD_FLAGS:
      if (form->type == SOC_TYPE_STAKEHOLDER && g_str_equal (f->name, "topics"))
        {
          /* The ten curriculum topics, each a check box in sight. */
          row->own_group = TRUE;
          row->row = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (row->row), _("Curriculum Topics"));
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (row->row), _("What they need to learn about"));
        }
      else
        {
          row->row = adw_expander_row_new ();
          summary (row->row);
        }
      make_flags (row, row->row);
      break;

    case SOC_FIELD_REF:
      row->row = adw_action_row_new ();
      summary (row->row);
      row->jump = icon_button ("go-next-symbolic", _("Show it"));
      g_signal_connect (row->jump, "clicked", G_CALLBACK (on_jump), row);
      row->editor = soc_ref_picker_new (title);
      soc_ref_picker_set_source (SOC_REF_PICKER (row->editor), self->document, f->type ());
      if (!(f->flags & SOC_FIELD_REQUIRED))
        soc_ref_picker_set_none_label (SOC_REF_PICKER (row->editor), _("None"));
      g_signal_connect (row->editor, "picked", G_CALLBACK (on_ref_picked), row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->jump);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->row), row->editor);
      break;

    case SOC_FIELD_REFLIST:
      {
        GtkWidget *holder = gtk_list_box_row_new ();

        row->row = adw_expander_row_new ();
        summary (row->row);
        row->links = soc_link_list_new (describe_link, row, _("Show it"), _("Remove"));
        g_signal_connect (row->links, "jump", G_CALLBACK (on_link_jump), row);
        g_signal_connect (row->links, "remove", G_CALLBACK (on_link_remove), row);
        gtk_widget_set_margin_start (row->links, 6);
        gtk_widget_set_margin_end (row->links, 6);
        gtk_widget_set_margin_top (row->links, 6);
        gtk_widget_set_margin_bottom (row->links, 6);
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), row->links);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
        gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (holder), FALSE);
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row->row), holder);
      }
      row->editor = soc_ref_picker_new (title);
      soc_ref_picker_set_source (SOC_REF_PICKER (row->editor), self->document, f->type ());
      g_signal_connect (row->editor, "picked", G_CALLBACK (on_link_picked), row);
      row->add = adw_action_row_new ();
      plain (row->add);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->add),
                                     f->type () == SOC_TYPE_GOAL ? _("Serve another goal…") : _("Depend on another item…"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->add), row->editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->add), row->editor);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row->row), row->add);
      break;

    default:
      g_assert_not_reached ();
    }

  if (ADW_IS_PREFERENCES_ROW (row->row) && !SOC_IS_TEXT_ROW (row->row))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  return row;
}

static void
form_free (Form *form)
{
  g_clear_pointer (&form->rows, g_ptr_array_unref);
  g_clear_pointer (&form->by_pspec, g_hash_table_unref);
  g_free (form);
}

static void
on_links_activate (SocInspector *self,
                   SocObject    *target)
{
  g_signal_emit (self, signals[ACTIVATE_LINK], 0, target);
}

/* Names and titles first, what people look for; text written in
 * paragraphs last; the rest in the format's order. */
static guint
row_rank (Form *form,
          Row  *row)
{
  SocObjectClass *klass = g_type_class_peek (form->type);

  if ((int) (row->field - klass->fields) == klass->label_field)
    return 0;
  if (is_multi_line (row->field))
    return 2;
  return 1;
}

static Form *
build_form (SocInspector *self,
            GType         type)
{
  Form *form = g_new0 (Form, 1);
  SocObjectClass *klass = g_type_class_peek (type);

  form->inspector = self;
  form->type = type;
  form->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  form->by_pspec = g_hash_table_new (NULL, NULL);
  form->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (form->box, 12);
  gtk_widget_set_margin_end (form->box, 12);
  gtk_widget_set_margin_bottom (form->box, 12);
  form->group = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (form->box), form->group);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SocField *f = &klass->fields[i];
      Row *row;

      if (f->flags & SOC_FIELD_STRUCTURAL)
        continue;
      row = make_row (form, f);
      g_ptr_array_add (form->rows, row);
      g_hash_table_insert (form->by_pspec, row->pspec, row);
    }

  for (guint rank = 0; rank < 3; rank++)
    for (guint i = 0; i < form->rows->len; i++)
      {
        Row *row = g_ptr_array_index (form->rows, i);

        if (row->own_group || row_rank (form, row) != rank)
          continue;
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (form->group), row->row);
      }
  for (guint i = 0; i < form->rows->len; i++)
    {
      Row *row = g_ptr_array_index (form->rows, i);

      if (row->own_group)
        gtk_box_append (GTK_BOX (form->box), row->row);
    }

  if (type == SOC_TYPE_GOAL)
    {
      form->progress = adw_action_row_new ();
      /* Plain text: a metric's unit is the user's. */
      summary (form->progress);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->progress), _("Progress"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (form->group), form->progress);
    }
  if (type == SOC_TYPE_STAKEHOLDER)
    {
      form->links = soc_stakeholder_links_new ();
      g_signal_connect_swapped (form->links, "activate-link", G_CALLBACK (on_links_activate), self);
      gtk_box_append (GTK_BOX (form->box), form->links);
    }

  gtk_box_append (GTK_BOX (self->box), form->box);
  return form;
}

/* ------------------------------------------------------------------------ */
/* Following the object and the document                                    */

static void
on_object_notify (SocObject    *object,
                  GParamSpec   *pspec,
                  SocInspector *self)
{
  Row *row;

  if (self->form == NULL || object != self->object)
    return;
  row = g_hash_table_lookup (self->form->by_pspec, pspec);
  if (row == NULL)
    return;
  self->updating = TRUE;
  if (g_str_equal (row->field->name, "kind"))
    update_relevance (self->form);
  refresh_row (row);
  self->updating = FALSE;
}

/* Whether OBJECT left the document (deleted, or its add undone). */
static gboolean
gone (SocInspector *self,
      SocObject    *object)
{
  return object != NULL && !SOC_IS_PLAN (object) && !SOC_IS_OVERRIDE (object) &&
         soc_document_lookup (self->document, soc_object_get_id (object)) != object;
}

static void catch_up_now (SocInspector *self);

static void
on_document_changed (SocInspector *self)
{
  /* Waiting to show an object that left: nothing is shown, when it is
   * time. The form shows one that left: the one wanted, now. */
  if (self->wanted_set && gone (self, self->wanted))
    g_clear_object (&self->wanted);
  if (self->wanted_set && gone (self, self->object))
    catch_up_now (self);
  if (gone (self, self->object))
    soc_inspector_set_object (self, NULL);
  /* A goal's progress changes with the metrics under it. */
  else if (self->form != NULL)
    refresh_progress (self->form);
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

/* Commits what is typed in the form and not yet committed. */
void
soc_inspector_commit (SocInspector *self)
{
  g_return_if_fail (SOC_IS_INSPECTOR (self));

  if (self->form == NULL || self->object == NULL)
    return;
  for (guint i = 0; i < self->form->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->form->rows, i);

      if (SOC_IS_TEXT_ROW (row->row))
        soc_text_row_commit (SOC_TEXT_ROW (row->row));
    }
}

/* Fills the form with OBJECT, or shows that nothing is selected: what
 * soc_inspector_set_object() asks for, when it is time. */
static void
show_object (SocInspector *self,
             SocObject    *object)
{
  Form *form = NULL;
  gboolean keyboard_was_in = FALSE;

  self->shown_at = g_get_monotonic_time ();
  if (object == self->object)
    return;

  /* What was typed for the object shown goes to that object. */
  soc_inspector_commit (self);
  if (self->object != NULL)
    g_signal_handlers_disconnect_by_func (self->object, on_object_notify, self);
  g_clear_object (&self->object);

  if (object != NULL && self->document != NULL)
    {
      form = g_hash_table_lookup (self->forms, GSIZE_TO_POINTER (G_OBJECT_TYPE (object)));
      if (form == NULL)
        {
          form = build_form (self, G_OBJECT_TYPE (object));
          g_hash_table_insert (self->forms, GSIZE_TO_POINTER (G_OBJECT_TYPE (object)), form);
        }
    }
  if (self->form != NULL && self->form != form)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      /* The focus leaves the form before the form is hidden: GTK 4.8,
       * hiding a widget with the focus inside, can keep a reference to it
       * that nothing releases, and with it the pickers and the document. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, self->form->box))
        {
          gtk_root_set_focus (root, NULL);
          keyboard_was_in = TRUE;
        }
      gtk_widget_set_visible (self->form->box, FALSE);
    }
  if (self->form != NULL && self->form->links != NULL && self->form != form)
    soc_stakeholder_links_set_stakeholder (SOC_STAKEHOLDER_LINKS (self->form->links), NULL, NULL);
  self->form = form;

  gtk_widget_set_visible (self->empty, form == NULL);
  /* With nothing to edit Tab passes the pane by: its scrolled windows would
   * stop there themselves, with nothing to say. */
  gtk_widget_set_can_focus (self->scrolled, form != NULL);
  gtk_widget_set_visible (self->heading, form != NULL);
  if (form == NULL)
    return;

  self->object = g_object_ref (object);
  g_signal_connect (object, "notify", G_CALLBACK (on_object_notify), self);
  gtk_label_set_label (GTK_LABEL (self->heading), kind_title (object));
  for (guint i = 0; i < form->rows->len; i++)
    {
      Row *row = g_ptr_array_index (form->rows, i);

      /* A refusal belonged to the object before. */
      if (SOC_IS_TEXT_ROW (row->row))
        soc_text_row_revert (SOC_TEXT_ROW (row->row));
    }
  refresh_all (form);
  if (form->links != NULL)
    soc_stakeholder_links_set_stakeholder (SOC_STAKEHOLDER_LINKS (form->links), self->document,
                                           SOC_STAKEHOLDER (object));
  gtk_widget_set_visible (form->box, TRUE);
  /* The keyboard was in the form shown before (a link followed, or the
   * form caught up as the keyboard came in): it stays in the inspector. */
  if (keyboard_was_in && !gtk_widget_child_focus (form->box, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (self->scrolled);
}

static void
stop_waiting (SocInspector *self)
{
  g_clear_handle_id (&self->catch_up, g_source_remove);
  /* A clock whose surface is gone has dropped its handlers already. */
  if (self->after_paint != 0 && g_signal_handler_is_connected (self->clock, self->after_paint))
    g_signal_handler_disconnect (self->clock, self->after_paint);
  self->after_paint = 0;
  g_clear_object (&self->clock);
}

/* Shows the object wanted now, if one is waiting. */
static void
catch_up_now (SocInspector *self)
{
  g_autoptr(SocObject) object = NULL;

  if (!self->wanted_set)
    return;
  stop_waiting (self);
  self->wanted_set = FALSE;
  object = g_steal_pointer (&self->wanted);
  show_object (self, object);
}

static gboolean
catch_up_cb (gpointer data)
{
  SocInspector *self = data;

  self->catch_up = 0;
  catch_up_now (self);
  return G_SOURCE_REMOVE;
}

/* The frame that shows the new selection is painted: the form follows
 * once the input that came meanwhile is read, or, stepping fast, when
 * CATCH_UP_MS have passed since it was last filled. At the priority of
 * frames: work that waits for the main loop to be idle (a table's scroll
 * to its row, the checklist's judgement) comes after it. */
static void
on_after_paint (GdkFrameClock *clock,
                SocInspector  *self)
{
  gint64 wait = self->shown_at + CATCH_UP_MS * 1000 - g_get_monotonic_time ();

  stop_waiting (self);
  if (wait > 0)
    self->catch_up = g_timeout_add_full (GDK_PRIORITY_REDRAW, (guint) (wait / 1000) + 1, catch_up_cb, self, NULL);
  else
    self->catch_up = g_idle_add_full (GDK_PRIORITY_REDRAW, catch_up_cb, self, NULL);
}

/* Edits OBJECT, or shows that nothing is selected: after the frame that
 * shows the selection (see the top of the file). */
void
soc_inspector_set_object (SocInspector *self,
                          SocObject    *object)
{
  GdkFrameClock *clock;

  g_return_if_fail (SOC_IS_INSPECTOR (self));

  if (object == (self->wanted_set ? self->wanted : self->object))
    return;
  /* What was typed for the object shown goes to that object, now. */
  soc_inspector_commit (self);
  g_set_object (&self->wanted, object);
  self->wanted_set = TRUE;
  /* Nothing to lay out, or nobody to see it wait: at once. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (object == NULL || clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      catch_up_now (self);
      return;
    }
  if (self->after_paint != 0 || self->catch_up != 0)
    return;   /* already waiting: the last one wanted is shown */
  self->clock = g_object_ref (clock);
  self->after_paint = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

SocObject *
soc_inspector_get_object (SocInspector *self)
{
  g_return_val_if_fail (SOC_IS_INSPECTOR (self), NULL);
  catch_up_now (self);
  return self->object;
}

static void
drop_forms (SocInspector *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->forms);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Form *form = value;

      if (form->links != NULL)
        soc_stakeholder_links_set_stakeholder (SOC_STAKEHOLDER_LINKS (form->links), NULL, NULL);
      gtk_box_remove (GTK_BOX (self->box), form->box);
      g_hash_table_iter_remove (&iter);
    }
  self->form = NULL;
}

void
soc_inspector_set_document (SocInspector *self,
                            SocDocument  *document)
{
  g_return_if_fail (SOC_IS_INSPECTOR (self));

  soc_inspector_set_object (self, NULL);
  if (document == self->document)
    return;
  /* Forms hold pickers over the old document's lists. */
  drop_forms (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
}

static Row *
find_row (SocInspector *self,
          const char   *property)
{
  if (self->form == NULL)
    return NULL;
  for (guint i = 0; i < self->form->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->form->rows, i);

      if (g_str_equal (row->field->name, property))
        return row;
    }
  return NULL;
}

static void
on_row_mapped (GtkWidget    *widget,
               SocInspector *self)
{
  g_signal_handlers_disconnect_by_func (widget, on_row_mapped, self);
  if (SOC_IS_TEXT_ROW (widget))
    soc_text_row_focus (SOC_TEXT_ROW (widget), TRUE);
  else
    gtk_widget_grab_focus (widget);
}

static gboolean
focus_row (SocInspector *self,
           Row          *row)
{
  GtkWidget *target = row->row;

  /* A panel shown a moment ago maps its rows later: take the keyboard then. */
  if (!gtk_widget_get_mapped (target))
    {
      g_signal_handlers_disconnect_by_func (target, on_row_mapped, self);
      g_signal_connect_object (target, "map", G_CALLBACK (on_row_mapped), self, 0);
      return TRUE;
    }
  if (SOC_IS_TEXT_ROW (target))
    return soc_text_row_focus (SOC_TEXT_ROW (target), TRUE);
  if (row->field->kind == SOC_FIELD_INT)
    return gtk_widget_grab_focus (row->editor);
  return gtk_widget_grab_focus (target);
}

/* Puts the keyboard in the row that edits PROPERTY. */
gboolean
soc_inspector_focus_field (SocInspector *self,
                           const char   *property)
{
  Row *row;

  g_return_val_if_fail (SOC_IS_INSPECTOR (self), FALSE);

  catch_up_now (self);
  row = find_row (self, property);
  if (row == NULL || !gtk_widget_get_visible (row->row))
    return FALSE;
  return focus_row (self, row);
}

/* Puts the keyboard in the name or title, all of it selected, so that
 * typing replaces it: after adding an object, and with F2. */
gboolean
soc_inspector_focus_first (SocInspector *self)
{
  SocObjectClass *klass;

  g_return_val_if_fail (SOC_IS_INSPECTOR (self), FALSE);

  catch_up_now (self);
  if (self->form == NULL || self->form->rows->len == 0)
    return FALSE;
  klass = g_type_class_peek (self->form->type);
  for (guint i = 0; i < self->form->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->form->rows, i);

      if ((int) (row->field - klass->fields) == klass->label_field)
        return focus_row (self, row);
    }
  for (guint i = 0; i < self->form->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->form->rows, i);

      if (gtk_widget_get_visible (row->row))
        return focus_row (self, row);
    }
  return FALSE;
}

GtkWidget *
soc_inspector_get_row (SocInspector *self,
                       const char   *property)
{
  Row *row;

  g_return_val_if_fail (SOC_IS_INSPECTOR (self), NULL);
  catch_up_now (self);
  row = find_row (self, property);
  return row != NULL ? row->row : NULL;
}

GtkWidget *
soc_inspector_get_editor (SocInspector *self,
                          const char   *property)
{
  Row *row;

  g_return_val_if_fail (SOC_IS_INSPECTOR (self), NULL);
  catch_up_now (self);
  row = find_row (self, property);
  return row != NULL ? row->editor : NULL;
}

/* A stakeholder's owned objects and relationships, while one is shown. */
GtkWidget *
soc_inspector_get_links (SocInspector *self)
{
  g_return_val_if_fail (SOC_IS_INSPECTOR (self), NULL);
  catch_up_now (self);
  return self->form != NULL ? self->form->links : NULL;
}

/* How many rows were given their values so far (for tests). */
guint
soc_inspector_get_n_refreshed (SocInspector *self)
{
  g_return_val_if_fail (SOC_IS_INSPECTOR (self), 0);
  catch_up_now (self);
  return self->n_refreshed;
}

/* The keyboard comes into the form: it is for the object wanted, before
 * anything is typed. */
static void
on_focus_enter (GtkEventControllerFocus *focus,
                SocInspector            *self)
{
  catch_up_now (self);
}

static void
on_unmap (SocInspector *self)
{
  /* Hidden with F9: what was typed is not lost. */
  soc_inspector_commit (self);
}

static void
soc_inspector_dispose (GObject *object)
{
  SocInspector *self = SOC_INSPECTOR (object);

  soc_inspector_set_document (self, NULL);
  stop_waiting (self);
  g_clear_object (&self->wanted);
  self->wanted_set = FALSE;
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (soc_inspector_parent_class)->dispose (object);
}

static void
soc_inspector_finalize (GObject *object)
{
  SocInspector *self = SOC_INSPECTOR (object);

  g_clear_pointer (&self->forms, g_hash_table_unref);

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
  GtkEventController *focus;

  self->forms = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) form_free);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gtk_widget_set_can_focus (self->scrolled, FALSE);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), soc_scroll_body_new (self->box));

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

  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
soc_inspector_new (void)
{
  return g_object_new (SOC_TYPE_INSPECTOR, NULL);
}
