/* soc-document.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document owns every object of a plan through its lists (goals through
 * their parents' children), indexes them by id, and is the only way to
 * change them: soc_document_execute() applies a command and records it.
 *
 * What listeners hear, and when. A command, a group of commands (from
 * soc_document_begin_group() to the matching end), an undo and a redo are
 * each one batch. Within a batch:
 *  - the lists emit "items-changed" at once, as each command changes them,
 *    so a GListModel and its views never disagree about what a list holds;
 *    a command that takes many objects out of one list (a delete) or puts
 *    them back (its undo) emits it once for that list, over the range from
 *    the first position to the last (soc_object_list_remove_all());
 *  - property notifications wait: when the batch is complete, each object
 *    changed in it is notified once for each property that changed, in the
 *    order the objects were first changed (the plan's "title" with them,
 *    and so the document's "title");
 *  - then the document emits "changed" once.
 * The history's properties ("can-undo", "modified", ...) and the
 * document's "modified" are notified when the step is recorded, before the
 * objects' notifications. A property set outside a command (g_object_set()
 * on an object not yet added, say) is notified at once, as GObject does.
 */

#define G_LOG_DOMAIN "soc-document"

#include "config.h"

#include <string.h>

#include "soc-command-group.h"
#include "soc-document-private.h"

G_DEFINE_FINAL_TYPE (SocDocument, soc_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_TITLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (soc-format-error-quark, soc_format_error)

static void
on_history_modified (SocDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_plan_title (SocDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
soc_document_dispose (GObject *object)
{
  SocDocument *self = SOC_DOCUMENT (object);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_handle_id (&self->warm_id, g_source_remove);
  g_clear_handle_id (&self->rewrite_id, g_source_remove);
  g_clear_pointer (&self->warm_objects, g_ptr_array_unref);
  g_clear_pointer (&self->rewrite, g_ptr_array_unref);
  g_clear_pointer (&self->goal_order, g_ptr_array_unref);
  g_clear_pointer (&self->batch_added, g_ptr_array_unref);
  g_clear_pointer (&self->last_added, g_ptr_array_unref);
  _soc_document_forget_snapshot (self);
  if (self->fragment_log != 0)
    soc_fragment_log_free (self->fragment_log);
  self->fragment_log = 0;

  G_OBJECT_CLASS (soc_document_parent_class)->dispose (object);
}

static void
soc_document_finalize (GObject *object)
{
  SocDocument *self = SOC_DOCUMENT (object);
  gboolean large = self->n_goals + soc_object_list_get_size (self->items) +
                   soc_object_list_get_size (self->stakeholders) +
                   soc_object_list_get_size (self->relationships) > SOC_LARGE_DOCUMENT;

  /* The history may hold removed objects that refer to live ones: drop it
   * first, then the index, then the objects. */
  g_clear_object (&self->group);
  g_clear_object (&self->history);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->id_serials, g_hash_table_unref);
  g_clear_object (&self->relationships);
  g_clear_object (&self->overrides);
  g_clear_object (&self->items);
  g_clear_object (&self->phases);
  g_clear_object (&self->lanes);
  g_clear_object (&self->goals);
  g_clear_object (&self->stakeholders);
  g_clear_object (&self->plan);
  for (guint i = 0; i < SOC_N_CONTAINERS; i++)
    g_clear_pointer (&self->extras[i], soc_extras_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->base, g_bytes_unref);

  G_OBJECT_CLASS (soc_document_parent_class)->finalize (object);

  if (large)
    _soc_document_give_memory_back ();
}

static void
soc_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SocDocument *self = SOC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, soc_document_get_modified (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, soc_plan_get_title (self->plan));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_document_class_init (SocDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = soc_document_dispose;
  object_class->finalize = soc_document_finalize;
  object_class->get_property = soc_document_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SocDocument::changed:
   *
   * Emitted once after every command or group of commands executed, and
   * after every undo and redo, once the objects changed have notified
   * their properties.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
soc_document_init (SocDocument *self)
{
  self->plan = soc_plan_new ();
  self->goals = soc_object_list_new (SOC_TYPE_GOAL);
  self->lanes = soc_object_list_new (SOC_TYPE_LANE);
  self->phases = soc_object_list_new (SOC_TYPE_PHASE);
  self->items = soc_object_list_new (SOC_TYPE_ITEM);
  self->stakeholders = soc_object_list_new (SOC_TYPE_STAKEHOLDER);
  self->relationships = soc_object_list_new (SOC_TYPE_RELATIONSHIP);
  self->overrides = soc_object_list_new (SOC_TYPE_OVERRIDE);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->id_serials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->history = soc_history_new (SOC_HISTORY_DEFAULT_LIMIT);
  self->format_minor = SOC_FORMAT_MINOR;
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect_swapped (self->history, "notify::modified",
                            G_CALLBACK (on_history_modified), self);
  g_signal_connect_swapped (self->plan, "notify::title",
                            G_CALLBACK (on_plan_title), self);
}

/* An empty plan, not yet saved anywhere, with a uid of its own. */
SocDocument *
soc_document_new (void)
{
  SocDocument *self = g_object_new (SOC_TYPE_DOCUMENT, NULL);

  _soc_document_ensure_uid (self);
  return self;
}

/* Gives the plan a fresh uid if it has none. Not an edit: a plan's identity
 * is nothing to undo, and once set it never changes. Called when a plan is
 * made and when an edited plan is saved, never when one is only read, so
 * that opening a file never changes it. */
void
_soc_document_ensure_uid (SocDocument *self)
{
  SocObject *plan = SOC_OBJECT (self->plan);
  g_autofree char *uid = NULL;
  g_auto(GValue) v = G_VALUE_INIT;

  if (self->plan->uid != NULL)
    return;
  uid = g_uuid_string_random ();
  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, uid);
  soc_object_set_field (plan, soc_object_class_find_field (SOC_OBJECT_GET_CLASS (plan), "uid", 3), &v);
}

SocPlan *
soc_document_get_plan (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  return self->plan;
}

/* The roots of the goal tree; each goal lists its own children. */
GListModel *
soc_document_get_goals (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->goals);
}

GListModel *
soc_document_get_lanes (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->lanes);
}

GListModel *
soc_document_get_phases (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->phases);
}

GListModel *
soc_document_get_items (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->items);
}

GListModel *
soc_document_get_stakeholders (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->stakeholders);
}

GListModel *
soc_document_get_relationships (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->relationships);
}

GListModel *
soc_document_get_overrides (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->overrides);
}

guint
soc_document_get_n_goals (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), 0);
  return self->n_goals;
}

SocObject *
soc_document_lookup (SocDocument *self,
                     const char  *id)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->ids, id);
}

SocOverride *
soc_document_find_override (SocDocument *self,
                            SocFactor    factor)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < soc_object_list_get_size (self->overrides); i++)
    {
      SocOverride *o = SOC_OVERRIDE (soc_object_list_get (self->overrides, i));
      if (o->factor == (int) factor)
        return o;
    }
  return NULL;
}

/* A fresh id for a new object of TYPE: its prefix and the next free number. */
char *
soc_document_new_id (SocDocument *self,
                     GType        type)
{
  g_autoptr(GTypeClass) klass = NULL;
  const char *prefix;
  guint serial;

  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, SOC_TYPE_OBJECT), NULL);

  klass = g_type_class_ref (type);
  prefix = SOC_OBJECT_CLASS (klass)->id_prefix;
  g_return_val_if_fail (prefix != NULL, NULL);

  serial = GPOINTER_TO_UINT (g_hash_table_lookup (self->id_serials, prefix));
  if (serial == 0)
    serial = 1;

  for (;; serial++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, serial);

      if (!g_hash_table_contains (self->ids, id))
        {
          g_hash_table_insert (self->id_serials, g_strdup (prefix), GUINT_TO_POINTER (serial + 1));
          return g_steal_pointer (&id);
        }
    }
}

/* Every goal, depth first, each parent before its children (transfer
 * full). The order is walked once and kept until a goal is put in, taken
 * out or moved (_soc_document_goals_moved()): a snapshot for a draft
 * after a title was typed does not walk thirty thousand goals again. */
GPtrArray *
_soc_document_collect_goals (SocDocument *self)
{
  GPtrArray *out;
  g_autoptr(GPtrArray) stack = NULL;
  SocObject **members;
  guint n;

  if (self->goal_order != NULL && self->goal_order->len == self->n_goals)
    return g_ptr_array_copy (self->goal_order, NULL, NULL);

  out = g_ptr_array_sized_new (self->n_goals);
  stack = g_ptr_array_new ();
  members = soc_object_list_peek (self->goals, &n);
  for (guint i = n; i > 0; i--)
    g_ptr_array_add (stack, members[i - 1]);

  while (stack->len > 0)
    {
      SocGoal *goal = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      g_ptr_array_add (out, goal);
      members = soc_object_list_peek (goal->children, &n);
      for (guint i = n; i > 0; i--)
        g_ptr_array_add (stack, members[i - 1]);
    }
  g_clear_pointer (&self->goal_order, g_ptr_array_unref);
  self->goal_order = g_ptr_array_copy (out, NULL, NULL);
  return out;
}

/* A goal's place in the tree changed: the order is walked again. */
void
_soc_document_goals_moved (SocDocument *self)
{
  g_clear_pointer (&self->goal_order, g_ptr_array_unref);
}

/* Calls FUNC on every goal, depth first, each parent before its children. */
void
soc_document_foreach_goal (SocDocument *self,
                           GFunc        func,
                           gpointer     user_data)
{
  g_autoptr(GPtrArray) goals = NULL;

  g_return_if_fail (SOC_IS_DOCUMENT (self));

  goals = _soc_document_collect_goals (self);
  for (guint i = 0; i < goals->len; i++)
    func (g_ptr_array_index (goals, i), user_data);
}

SocHistory *
soc_document_get_history (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  return self->history;
}

void
_soc_document_emit_changed (SocDocument *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ------------------------------------------------------------------------ */
/* Batches of notifications                                                 */

/* What OBJECT's change touches, for soc_document_get_last_changes(). */
void
_soc_document_note_change (SocDocument *self,
                           SocObject   *object)
{
  if (SOC_IS_PLAN (object))
    self->batch_changes |= SOC_DOCUMENT_CHANGES_PLAN;
  else if (SOC_IS_GOAL (object))
    self->batch_changes |= SOC_DOCUMENT_CHANGES_GOALS;
  else if (SOC_IS_ITEM (object) || SOC_IS_LANE (object) || SOC_IS_PHASE (object))
    self->batch_changes |= SOC_DOCUMENT_CHANGES_ROADMAP;
  else if (SOC_IS_STAKEHOLDER (object) || SOC_IS_RELATIONSHIP (object))
    self->batch_changes |= SOC_DOCUMENT_CHANGES_STAKEHOLDERS;
  else if (SOC_IS_OVERRIDE (object))
    self->batch_changes |= SOC_DOCUMENT_CHANGES_JUDGEMENTS;
  else
    self->batch_changes |= SOC_DOCUMENT_CHANGES_ALL;
}

/**
 * soc_document_get_last_changes:
 * @self: a document
 *
 * What the last command, group, undo or redo changed, by part of the plan:
 * for a handler of #SocDocument::changed that has nothing to do when its
 * part did not change (a roadmap when only a judgement changed, say). A
 * change to an object's references counts for the object's own part only
 * (an item's owner is a roadmap change).
 *
 * Returns: #SocDocumentChanges
 */
SocDocumentChanges
soc_document_get_last_changes (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), SOC_DOCUMENT_CHANGES_ALL);
  return self->last_changes;
}

/**
 * soc_document_get_last_added:
 * @self: a document
 * @n_objects: (out): how many
 *
 * What the last command, group, undo or redo put in the document, each
 * object at the top of what came with it (a goal, not its sub-goals), in
 * the order they were put in: for a window that selects what an undo of a
 * delete brought back. Valid until the next change.
 *
 * Returns: (array length=n_objects) (transfer none): the objects
 */
SocObject *const *
soc_document_get_last_added (SocDocument *self,
                             guint       *n_objects)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_objects != NULL, NULL);

  *n_objects = self->last_added != NULL ? self->last_added->len : 0;
  return self->last_added != NULL ? (SocObject *const *) self->last_added->pdata : NULL;
}

void
_soc_document_begin_batch (SocDocument *self)
{
  if (self->batch_depth == 0)
    self->batch_changes = 0;
  /* A half-built index is finished before anything changes; the list of
   * objects the warm-up goes through is no longer to be trusted after. */
  if (self->batch_depth++ == 0 && self->warm_objects != NULL)
    {
      if (!self->indexed && self->warm_next > 0)
        _soc_document_ensure_index (self);
      g_clear_pointer (&self->warm_objects, g_ptr_array_unref);
    }
  if (!self->warmed)
    soc_document_warm_up (self);
}

/* Notifies every property changed in the batch, once each. */
static void
flush_notifications (SocDocument *self)
{
  g_autoptr(GPtrArray) objects = NULL;

  if (self->pending->len == 0)
    return;

  /* A handler may start the next batch: it gets a fresh queue. */
  objects = g_steal_pointer (&self->pending);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < objects->len; i++)
    {
      SocObject *object = g_ptr_array_index (objects, i);
      SocObjectClass *klass = SOC_OBJECT_GET_CLASS (object);
      SocObjectDocData *data = soc_object_get_doc_data (object);
      guint64 mask = data->pending;

      data->pending = 0;
      for (; mask != 0; mask &= mask - 1)
        g_object_notify_by_pspec ((GObject *) object, klass->pspecs[__builtin_ctzll (mask)]);
    }
}

/* Ends a batch; the outermost one notifies what changed in it, then emits
 * "changed" if a command ran. */
void
_soc_document_end_batch (SocDocument *self)
{
  gboolean changed;

  g_return_if_fail (self->batch_depth > 0);

  if (--self->batch_depth > 0)
    return;

  changed = self->batch_changed;
  self->batch_changed = FALSE;
  if (changed)
    {
      self->last_changes = self->batch_changes;
      g_clear_pointer (&self->last_added, g_ptr_array_unref);
      self->last_added = g_steal_pointer (&self->batch_added);
    }
  g_clear_pointer (&self->batch_added, g_ptr_array_unref);
  if (changed && (self->batch_changes & SOC_DOCUMENT_CHANGES_GOALS))
    self->goals_serial++;
  self->batch_changes = 0;
  flush_notifications (self);
  if (changed)
    _soc_document_emit_changed (self);
}

static void
field_changed (SocDocument    *self,
               SocObject      *object,
               const SocField *field)
{
  SocObjectClass *klass = SOC_OBJECT_GET_CLASS (object);
  guint index = (guint) (field - klass->fields);
  SocObjectDocData *data;

  _soc_document_note_change (self, object);
  if (self->batch_depth == 0 || klass->n_fields > 64)
    {
      g_object_notify_by_pspec (G_OBJECT (object), klass->pspecs[index]);
      return;
    }

  data = soc_object_get_doc_data (object);
  if (data->pending == 0)
    g_ptr_array_add (self->pending, g_object_ref (object));
  data->pending |= G_GUINT64_CONSTANT (1) << index;
}

/* Whether OBJECT is part of the document now (a goal, item, ... with an
 * id, or the plan). */
gboolean
_soc_document_contains (SocDocument *self,
                        SocObject   *object)
{
  const char *id = soc_object_peek_id (object);

  if (SOC_IS_PLAN (object))
    return SOC_PLAN (object) == self->plan;
  return id != NULL && g_hash_table_lookup (self->ids, id) == object;
}

/* How commands change a field: the index of references follows, the
 * written form is dropped and the property is notified with the batch. */
gboolean
_soc_document_store (SocDocument    *self,
                     SocObject      *object,
                     const SocField *field,
                     const GValue   *value)
{
  gboolean indexed = self->indexed && _soc_field_is_reference (field) &&
                     _soc_document_contains (self, object);

  if (indexed)
    _soc_document_index_field (self, object, field, FALSE);
  if (!soc_object_store_field (object, field, value))
    {
      if (indexed)
        _soc_document_index_field (self, object, field, TRUE);
      return FALSE;
    }
  if (indexed)
    _soc_document_index_field (self, object, field, TRUE);
  field_changed (self, object, field);
  _soc_document_written_form_changed (self, object);
  return TRUE;
}

/* Like _soc_document_store() for a reference field, given its raw value: a
 * SocObject for a reference, a GPtrArray of them for a list (the field
 * takes a reference to the array; an empty one is none). With INDEX
 * FALSE, the index of references is left as it is: for references only
 * ever cleared to objects about to leave the document, and put back once
 * they are back (soc-command-unlink.c). FRAGMENT, if not NULL, is the
 * object's written form with VALUE, known from before (an undo puts back
 * the text the object had): it is kept, and the object is not written
 * again. */
gboolean
_soc_document_store_reference (SocDocument    *self,
                               SocObject      *object,
                               const SocField *field,
                               gpointer        value,
                               gboolean        index,
                               const char     *fragment)
{
  gpointer *slot = SOC_FIELD_PTR (object, field);
  gboolean indexed;

  g_return_val_if_fail (field->kind == SOC_FIELD_REF || field->kind == SOC_FIELD_REFLIST, FALSE);

  if (field->kind == SOC_FIELD_REFLIST && value != NULL && ((GPtrArray *) value)->len == 0)
    value = NULL;
  if (*slot == value)
    return FALSE;

  indexed = index && self->indexed && _soc_field_is_reference (field) &&
            _soc_document_contains (self, object);
  if (indexed)
    _soc_document_index_field (self, object, field, FALSE);
  if (field->kind == SOC_FIELD_REFLIST)
    {
      if (value != NULL)
        g_ptr_array_ref (value);
      g_clear_pointer ((GPtrArray **) slot, g_ptr_array_unref);
    }
  *slot = value;
  if (fragment != NULL)
    soc_object_set_fragment (object, fragment);
  else
    soc_object_drop_fragment (object);
  if (indexed)
    _soc_document_index_field (self, object, field, TRUE);
  field_changed (self, object, field);
  if (fragment == NULL)
    _soc_document_written_form_changed (self, object);
  return TRUE;
}

/* Puts GOAL under PARENT (NULL: at the top), as its "parent" property. */
void
_soc_document_set_parent (SocDocument *self,
                          SocGoal     *goal,
                          SocGoal     *parent)
{
  static const SocField *parent_field;
  g_auto(GValue) value = G_VALUE_INIT;

  if (parent_field == NULL)
    parent_field = soc_object_class_find_field (SOC_OBJECT_GET_CLASS (goal), "parent", strlen ("parent"));
  g_value_init (&value, SOC_TYPE_GOAL);
  g_value_set_object (&value, parent);
  _soc_document_goals_moved (self);
  _soc_document_store (self, SOC_OBJECT (goal), parent_field, &value);
}

/* ------------------------------------------------------------------------ */
/* Commands                                                                 */

/* Applies COMMAND (taking ownership) and records it as an undo step, or as
 * part of the open group. */
void
soc_document_execute (SocDocument *self,
                      SocCommand  *command)
{
  g_return_if_fail (SOC_IS_DOCUMENT (self));
  g_return_if_fail (SOC_IS_COMMAND (command));

  _soc_document_begin_batch (self);
  soc_command_apply (command, self);

  if (self->group != NULL)
    soc_command_group_add (SOC_COMMAND_GROUP (self->group), command);
  else
    soc_history_push (self->history, command);

  self->batch_changed = TRUE;
  _soc_document_end_batch (self);
}

/* Commands executed until the matching end_group() become one undo step
 * called LABEL. Groups nest; the outermost label wins. Listeners hear of
 * the group once, when it ends. */
void
soc_document_begin_group (SocDocument *self,
                          const char  *label)
{
  g_return_if_fail (SOC_IS_DOCUMENT (self));

  _soc_document_begin_batch (self);
  if (self->group_depth++ == 0)
    self->group = soc_command_group_new (label);
}

void
soc_document_end_group (SocDocument *self)
{
  g_return_if_fail (SOC_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    {
      if (soc_command_group_get_size (SOC_COMMAND_GROUP (self->group)) > 0)
        soc_history_push (self->history, g_steal_pointer (&self->group));
      else
        g_clear_object (&self->group);
    }
  _soc_document_end_batch (self);
}

gboolean
soc_document_undo (SocDocument *self)
{
  gboolean done;

  g_return_val_if_fail (SOC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  _soc_document_begin_batch (self);
  done = soc_history_undo (self->history, self);
  self->batch_changed = self->batch_changed || done;
  _soc_document_end_batch (self);
  return done;
}

gboolean
soc_document_redo (SocDocument *self)
{
  gboolean done;

  g_return_val_if_fail (SOC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  _soc_document_begin_batch (self);
  done = soc_history_redo (self->history, self);
  self->batch_changed = self->batch_changed || done;
  _soc_document_end_batch (self);
  return done;
}

gboolean
soc_document_get_modified (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), FALSE);
  return soc_history_is_modified (self->history);
}

GFile *
soc_document_get_file (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
soc_document_get_etag (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  return self->etag;
}

/* Makes FILE the document's file without reading it, as when a draft of
 * FILE is recovered. ETAG is the version of FILE the document was edited
 * from, so that saving refuses to overwrite a file changed since (NULL: no
 * check). The document is modified: FILE does not hold it. */
void
soc_document_adopt_file (SocDocument *self,
                         GFile       *file,
                         const char  *etag)
{
  g_return_if_fail (SOC_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  _soc_document_set_file (self, file, file != NULL ? etag : NULL);
  soc_history_mark_unsaved (self->history);
}

/* The name to show for the plan: its title, else its file's name. */
char *
soc_document_get_display_name (SocDocument *self)
{
  const char *title;

  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);

  title = soc_plan_get_title (self->plan);
  if (title != NULL)
    return g_strdup (title);
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  return g_strdup ("");
}

/* The bytes of the document's file as it was read or last saved, which a
 * merge with a newer version of the file takes as the base, if whoever
 * read or saved it kept them (the app does); NULL otherwise. */
GBytes *
soc_document_get_base (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), NULL);
  return self->base;
}

void
soc_document_set_base (SocDocument *self,
                       GBytes      *base)
{
  g_return_if_fail (SOC_IS_DOCUMENT (self));

  if (base != NULL)
    g_bytes_ref (base);
  g_clear_pointer (&self->base, g_bytes_unref);
  self->base = base;
}

guint
soc_document_get_format_minor (SocDocument *self)
{
  g_return_val_if_fail (SOC_IS_DOCUMENT (self), 0);
  return self->format_minor;
}

void
_soc_document_set_file (SocDocument *self,
                        GFile       *file,
                        const char  *etag)
{
  if (file != self->file && (file == NULL || self->file == NULL || !g_file_equal (file, self->file)))
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  g_free (self->etag);
  self->etag = g_strdup (etag);
}

/* The list OBJECT belongs in; for a goal, its PARENT's children. */
SocObjectList *
_soc_document_list_for (SocDocument *self,
                        SocObject   *object,
                        SocGoal     *parent)
{
  if (SOC_IS_GOAL (object))
    return parent != NULL ? parent->children : self->goals;
  if (SOC_IS_LANE (object))
    return self->lanes;
  if (SOC_IS_PHASE (object))
    return self->phases;
  if (SOC_IS_ITEM (object))
    return self->items;
  if (SOC_IS_STAKEHOLDER (object))
    return self->stakeholders;
  if (SOC_IS_RELATIONSHIP (object))
    return self->relationships;
  if (SOC_IS_OVERRIDE (object))
    return self->overrides;
  g_return_val_if_reached (NULL);
}

/* Indexes OBJECT by id, and a goal's whole subtree with it. */
void
_soc_document_register (SocDocument *self,
                        SocObject   *object)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  _soc_document_note_change (self, object);
  if (self->batch_depth > 0)
    {
      if (self->batch_added == NULL)
        self->batch_added = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->batch_added, g_object_ref (object));
    }
  g_ptr_array_add (stack, object);
  while (stack->len > 0)
    {
      SocObject *o = g_ptr_array_steal_index_fast (stack, stack->len - 1);
      const char *id = soc_object_peek_id (o);

      if (id != NULL)
        g_hash_table_insert (self->ids, (gpointer) id, o);
      _soc_document_index_object (self, o, TRUE);
      if (SOC_IS_GOAL (o))
        {
          SocGoal *goal = SOC_GOAL (o);

          self->n_goals++;
          for (guint i = 0; i < soc_object_list_get_size (goal->children); i++)
            g_ptr_array_add (stack, soc_object_list_get (goal->children, i));
        }
    }
}

void
_soc_document_unregister (SocDocument *self,
                          SocObject   *object)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  _soc_document_note_change (self, object);
  g_ptr_array_add (stack, object);
  while (stack->len > 0)
    {
      SocObject *o = g_ptr_array_steal_index_fast (stack, stack->len - 1);
      const char *id = soc_object_peek_id (o);

      if (id != NULL)
        g_hash_table_remove (self->ids, id);
      _soc_document_index_object (self, o, FALSE);
      if (SOC_IS_GOAL (o))
        {
          SocGoal *goal = SOC_GOAL (o);

          self->n_goals--;
          for (guint i = 0; i < soc_object_list_get_size (goal->children); i++)
            g_ptr_array_add (stack, soc_object_list_get (goal->children, i));
        }
    }
}
