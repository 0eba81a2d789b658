/* soc-selection.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One selection per open plan. Every view (a canvas and the list beside
 * it) reads and changes this one object, so they always agree, and the
 * inspector and the success-factor panel follow its focus: the object the
 * user acted on last. It is a GListModel of the selected objects, in the
 * order they were selected, and it lets go of objects the document no
 * longer holds (deleted, or an added object undone).
 *
 * It is view state: it never reaches the plan file.
 */

#define G_LOG_DOMAIN "soc-selection"

#include "config.h"

#include "soc-selection.h"

struct _SocSelection
{
  GObject      parent_instance;

  SocDocument *document;   /* weak: the document outlives no view of it */
  GPtrArray   *objects;    /* SocObject, owned, in the order selected */
  GHashTable  *set;        /* the same objects, for constant-time lookups */
  SocObject   *focus;      /* one of objects, or NULL */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocSelection, soc_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_FOCUS,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
soc_selection_get_item_type (GListModel *model)
{
  return SOC_TYPE_OBJECT;
}

static guint
soc_selection_get_n_items (GListModel *model)
{
  return SOC_SELECTION (model)->objects->len;
}

static gpointer
soc_selection_get_item (GListModel *model,
                        guint       position)
{
  SocSelection *self = SOC_SELECTION (model);

  if (position >= self->objects->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->objects, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = soc_selection_get_item_type;
  iface->get_n_items = soc_selection_get_n_items;
  iface->get_item = soc_selection_get_item;
}

/* Whether the document still holds OBJECT. */
static gboolean
is_alive (SocSelection *self,
          SocObject    *object)
{
  const char *id;

  if (self->document == NULL)
    return FALSE;
  if (SOC_IS_PLAN (object))
    return SOC_PLAN (object) == soc_document_get_plan (self->document);
  id = soc_object_get_id (object);
  return id != NULL && soc_document_lookup (self->document, id) == object;
}

/* Replaces the whole selection; emits once, and only if something changed. */
static void
replace (SocSelection     *self,
         SocObject *const *objects,
         guint             n_objects,
         SocObject        *focus)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);
  guint old_len = self->objects->len;
  gboolean same;
  SocObject *old_focus = self->focus;

  for (guint i = 0; i < n_objects; i++)
    if (objects[i] != NULL && is_alive (self, objects[i]) && g_hash_table_add (set, objects[i]))
      g_ptr_array_add (fresh, g_object_ref (objects[i]));

  if (focus != NULL && !g_hash_table_contains (set, focus))
    focus = NULL;
  if (focus == NULL && fresh->len > 0)
    focus = g_ptr_array_index (fresh, fresh->len - 1);

  same = fresh->len == old_len && focus == old_focus;
  for (guint i = 0; same && i < fresh->len; i++)
    same = g_ptr_array_index (fresh, i) == g_ptr_array_index (self->objects, i);
  if (same)
    return;

  g_ptr_array_unref (self->objects);
  self->objects = g_steal_pointer (&fresh);
  g_hash_table_unref (self->set);
  self->set = g_steal_pointer (&set);
  self->focus = focus;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->objects->len);
  if (old_len != self->objects->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (old_focus != self->focus)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* After every change to the document: forget what it no longer holds. */
static void
on_document_changed (SocSelection *self)
{
  g_autoptr(GPtrArray) kept = NULL;
  gboolean all = TRUE;

  for (guint i = 0; all && i < self->objects->len; i++)
    all = is_alive (self, g_ptr_array_index (self->objects, i));
  if (all)
    return;

  kept = g_ptr_array_new ();
  for (guint i = 0; i < self->objects->len; i++)
    if (is_alive (self, g_ptr_array_index (self->objects, i)))
      g_ptr_array_add (kept, g_ptr_array_index (self->objects, i));
  replace (self, (SocObject *const *) kept->pdata, kept->len,
           self->focus != NULL && is_alive (self, self->focus) ? self->focus : NULL);
}

static void
on_document_weak_notify (gpointer  data,
                         GObject  *where_the_object_was)
{
  SocSelection *self = data;

  self->document = NULL;
  replace (self, NULL, 0, NULL);
}

static void
soc_selection_dispose (GObject *object)
{
  SocSelection *self = SOC_SELECTION (object);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_object_weak_unref (G_OBJECT (self->document), on_document_weak_notify, self);
      self->document = NULL;
    }
  if (self->objects != NULL)
    g_ptr_array_set_size (self->objects, 0);
  self->focus = NULL;

  G_OBJECT_CLASS (soc_selection_parent_class)->dispose (object);
}

static void
soc_selection_finalize (GObject *object)
{
  SocSelection *self = SOC_SELECTION (object);

  g_clear_pointer (&self->objects, g_ptr_array_unref);
  g_clear_pointer (&self->set, g_hash_table_unref);

  G_OBJECT_CLASS (soc_selection_parent_class)->finalize (object);
}

static void
soc_selection_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SocSelection *self = SOC_SELECTION (object);

  switch (prop_id)
    {
    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->objects->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_selection_class_init (SocSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = soc_selection_dispose;
  object_class->finalize = soc_selection_finalize;
  object_class->get_property = soc_selection_get_property;

  /**
   * SocSelection:focus:
   *
   * The object acted on last: the one the inspector shows. NULL when
   * nothing is selected.
   */
  properties[PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL, SOC_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SocSelection::changed:
   *
   * Emitted once after every change of the selected objects or the focus.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
soc_selection_init (SocSelection *self)
{
  self->objects = g_ptr_array_new_with_free_func (g_object_unref);
  self->set = g_hash_table_new (NULL, NULL);
}

/* An empty selection of DOCUMENT's objects. */
SocSelection *
soc_selection_new (SocDocument *document)
{
  SocSelection *self;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  self = g_object_new (SOC_TYPE_SELECTION, NULL);
  self->document = document;
  g_object_weak_ref (G_OBJECT (document), on_document_weak_notify, self);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
  return self;
}

SocDocument *
soc_selection_get_document (SocSelection *self)
{
  g_return_val_if_fail (SOC_IS_SELECTION (self), NULL);
  return self->document;
}

SocObject *
soc_selection_get_focus (SocSelection *self)
{
  g_return_val_if_fail (SOC_IS_SELECTION (self), NULL);
  return self->focus;
}

guint
soc_selection_get_size (SocSelection *self)
{
  g_return_val_if_fail (SOC_IS_SELECTION (self), 0);
  return self->objects->len;
}

/* The POSITION-th selected object, in the order they were selected. */
SocObject *
soc_selection_get_nth (SocSelection *self,
                       guint         position)
{
  g_return_val_if_fail (SOC_IS_SELECTION (self), NULL);
  g_return_val_if_fail (position < self->objects->len, NULL);
  return g_ptr_array_index (self->objects, position);
}

gboolean
soc_selection_contains (SocSelection *self,
                        SocObject    *object)
{
  g_return_val_if_fail (SOC_IS_SELECTION (self), FALSE);
  return object != NULL && g_hash_table_contains (self->set, object);
}

/* Selects OBJECT alone (NULL: nothing). */
void
soc_selection_select (SocSelection *self,
                      SocObject    *object)
{
  g_return_if_fail (SOC_IS_SELECTION (self));
  replace (self, &object, object != NULL ? 1 : 0, object);
}

/* Selects OBJECTS, FOCUS (one of them, or NULL for the last) focused. */
void
soc_selection_set (SocSelection     *self,
                   SocObject *const *objects,
                   guint             n_objects,
                   SocObject        *focus)
{
  g_return_if_fail (SOC_IS_SELECTION (self));
  g_return_if_fail (n_objects == 0 || objects != NULL);
  replace (self, objects, n_objects, focus);
}

/* Adds OBJECT to the selection and focuses it. */
void
soc_selection_add (SocSelection *self,
                   SocObject    *object)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_if_fail (SOC_IS_SELECTION (self));
  g_return_if_fail (SOC_IS_OBJECT (object));

  all = g_ptr_array_new ();
  for (guint i = 0; i < self->objects->len; i++)
    if (g_ptr_array_index (self->objects, i) != (gpointer) object)
      g_ptr_array_add (all, g_ptr_array_index (self->objects, i));
  g_ptr_array_add (all, object);
  replace (self, (SocObject *const *) all->pdata, all->len, object);
}

/* Adds OBJECT, or takes it out if it is selected already (Ctrl+click). */
void
soc_selection_toggle (SocSelection *self,
                      SocObject    *object)
{
  g_autoptr(GPtrArray) rest = NULL;

  g_return_if_fail (SOC_IS_SELECTION (self));
  g_return_if_fail (SOC_IS_OBJECT (object));

  if (!soc_selection_contains (self, object))
    {
      soc_selection_add (self, object);
      return;
    }
  rest = g_ptr_array_new ();
  for (guint i = 0; i < self->objects->len; i++)
    if (g_ptr_array_index (self->objects, i) != (gpointer) object)
      g_ptr_array_add (rest, g_ptr_array_index (self->objects, i));
  replace (self, (SocObject *const *) rest->pdata, rest->len,
           self->focus != object ? self->focus : NULL);
}

void
soc_selection_clear (SocSelection *self)
{
  g_return_if_fail (SOC_IS_SELECTION (self));
  replace (self, NULL, 0, NULL);
}
