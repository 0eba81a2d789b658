/* soc-object-list.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GPtrArray behind GListModel: constant-time access for list views over
 * tens of thousands of rows, and appends in amortised constant time while a
 * file loads.
 */

#define G_LOG_DOMAIN "soc-object-list"

#include "config.h"

#include "soc-object-list.h"

struct _SocObjectList
{
  GObject    parent_instance;
  GType      item_type;
  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SocObjectList, soc_object_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
soc_object_list_get_item_type (GListModel *model)
{
  return SOC_OBJECT_LIST (model)->item_type;
}

static guint
soc_object_list_get_n_items (GListModel *model)
{
  return SOC_OBJECT_LIST (model)->items->len;
}

static gpointer
soc_object_list_get_item (GListModel *model,
                          guint       position)
{
  SocObjectList *self = SOC_OBJECT_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = soc_object_list_get_item_type;
  iface->get_n_items = soc_object_list_get_n_items;
  iface->get_item = soc_object_list_get_item;
}

static void
soc_object_list_finalize (GObject *object)
{
  SocObjectList *self = SOC_OBJECT_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (soc_object_list_parent_class)->finalize (object);
}

static void
soc_object_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SocObjectList *self = SOC_OBJECT_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_object_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SocObjectList *self = SOC_OBJECT_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_object_list_class_init (SocObjectListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = soc_object_list_finalize;
  object_class->get_property = soc_object_list_get_property;
  object_class->set_property = soc_object_list_set_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, SOC_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
soc_object_list_init (SocObjectList *self)
{
  self->item_type = SOC_TYPE_OBJECT;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

SocObjectList *
soc_object_list_new (GType item_type)
{
  g_return_val_if_fail (g_type_is_a (item_type, SOC_TYPE_OBJECT), NULL);

  return g_object_new (SOC_TYPE_OBJECT_LIST, "item-type", item_type, NULL);
}

guint
soc_object_list_get_size (SocObjectList *self)
{
  g_return_val_if_fail (SOC_IS_OBJECT_LIST (self), 0);

  return self->items->len;
}

/* Borrowed: the list keeps its reference. */
SocObject *
soc_object_list_get (SocObjectList *self,
                     guint          position)
{
  g_return_val_if_fail (SOC_IS_OBJECT_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

/* The list's own array, for loops over tens of thousands of objects that
 * change nothing: valid until the list changes. */
SocObject **
soc_object_list_peek (SocObjectList *self,
                      guint         *n_objects)
{
  *n_objects = self->items->len;
  return (SocObject **) self->items->pdata;
}

gboolean
soc_object_list_find (SocObjectList *self,
                      SocObject     *object,
                      guint         *position)
{
  g_return_val_if_fail (SOC_IS_OBJECT_LIST (self), FALSE);

  return g_ptr_array_find (self->items, object, position);
}

static gint changes;

/* How many times any list changed, in any thread: what a list holds, or
 * in what order. Equal at two moments, every list of every document held
 * the same objects in the same order (a snapshot that is written again
 * from the last one relies on it, soc-writer.c). */
guint
soc_object_list_get_changes (void)
{
  return (guint) g_atomic_int_get (&changes);
}

static void
emit_changed (SocObjectList *self,
              guint          position,
              guint          removed,
              guint          added)
{
  g_atomic_int_inc (&changes);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
soc_object_list_insert (SocObjectList *self,
                        guint          position,
                        SocObject     *object)
{
  g_return_if_fail (SOC_IS_OBJECT_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, self->item_type));
  g_return_if_fail (position <= self->items->len);

  g_ptr_array_insert (self->items, (int) position, g_object_ref (object));
  emit_changed (self, position, 0, 1);
}

void
soc_object_list_append (SocObjectList *self,
                        SocObject     *object)
{
  g_return_if_fail (SOC_IS_OBJECT_LIST (self));

  soc_object_list_insert (self, self->items->len, object);
}

/* Removes the object at POSITION and returns the list's reference to it. */
SocObject *
soc_object_list_steal (SocObjectList *self,
                       guint          position)
{
  SocObject *object;

  g_return_val_if_fail (SOC_IS_OBJECT_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  object = g_ptr_array_steal_index (self->items, position);
  emit_changed (self, position, 1, 0);
  return object;
}

/* Puts OBJECTS (SocObject, with the array's references to them; freed by
 * g_object_unref) in the list instead of what it holds, as one change, and
 * returns what it held, in the same form. */
GPtrArray *
soc_object_list_replace_all (SocObjectList *self,
                             GPtrArray     *objects)
{
  GPtrArray *old;

  g_return_val_if_fail (SOC_IS_OBJECT_LIST (self), NULL);
  g_return_val_if_fail (objects != NULL, NULL);

  old = self->items;
  self->items = objects;
  g_ptr_array_set_free_func (self->items, g_object_unref);
  if (old->len > 0 || objects->len > 0)
    emit_changed (self, 0, old->len, objects->len);
  return old;
}

/* Finds where each of OBJECTS is: POSITIONS[i] for OBJECTS[i]. FALSE if one
 * is not in the list. One pass over the list, whatever N_OBJECTS is. */
gboolean
soc_object_list_find_all (SocObjectList *self,
                          SocObject    **objects,
                          guint          n_objects,
                          guint         *positions)
{
  g_autoptr(GHashTable) wanted = NULL;
  guint found = 0;

  g_return_val_if_fail (SOC_IS_OBJECT_LIST (self), FALSE);

  if (n_objects <= 4)
    {
      for (guint i = 0; i < n_objects; i++)
        if (!g_ptr_array_find (self->items, objects[i], &positions[i]))
          return FALSE;
      return TRUE;
    }

  wanted = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_objects; i++)
    g_hash_table_insert (wanted, objects[i], GUINT_TO_POINTER (i + 1));
  for (guint p = 0; p < self->items->len && found < n_objects; p++)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (wanted, g_ptr_array_index (self->items, p)));

      if (i > 0)
        {
          positions[i - 1] = p;
          found++;
        }
    }
  return found == n_objects;
}

/* Removes the objects at POSITIONS, which ascend, dropping the list's
 * references to them. Listeners hear of it once: one "items-changed" from
 * the first position to the last. */
void
soc_object_list_remove_all (SocObjectList *self,
                            const guint   *positions,
                            guint          n_positions)
{
  gpointer *items;
  guint first, last, out;

  g_return_if_fail (SOC_IS_OBJECT_LIST (self));

  if (n_positions == 0)
    return;
  first = positions[0];
  last = positions[n_positions - 1];
  g_return_if_fail (last < self->items->len);

  items = self->items->pdata;
  out = first;
  for (guint i = 0, p = first; p < self->items->len; p++)
    {
      if (i < n_positions && positions[i] == p)
        {
          g_object_unref (items[p]);
          i++;
        }
      else
        items[out++] = items[p];
    }
  /* The tail is moved down already: shorten without freeing anything. */
  g_ptr_array_set_free_func (self->items, NULL);
  g_ptr_array_set_size (self->items, (int) out);
  g_ptr_array_set_free_func (self->items, g_object_unref);

  emit_changed (self, first, last - first + 1, last - first + 1 - n_positions);
}

/* Inserts OBJECTS so that OBJECTS[i] ends at POSITIONS[i]; the positions
 * ascend. The reverse of soc_object_list_remove_all(), and heard the same
 * way: once, from the first position to the last. */
void
soc_object_list_insert_all (SocObjectList *self,
                            SocObject    **objects,
                            const guint   *positions,
                            guint          n_objects)
{
  guint old_len, new_len, first, last;
  gpointer *items;

  g_return_if_fail (SOC_IS_OBJECT_LIST (self));

  if (n_objects == 0)
    return;
  old_len = self->items->len;
  new_len = old_len + n_objects;
  first = positions[0];
  last = positions[n_objects - 1];
  g_return_if_fail (last < new_len);

  /* Grow without a free function, then fill from the end down. */
  g_ptr_array_set_free_func (self->items, NULL);
  g_ptr_array_set_size (self->items, (int) new_len);
  g_ptr_array_set_free_func (self->items, g_object_unref);
  items = self->items->pdata;
  for (guint p = new_len, i = n_objects, from = old_len; p > first; p--)
    {
      if (i > 0 && positions[i - 1] == p - 1)
        items[p - 1] = g_object_ref (objects[--i]);
      else
        items[p - 1] = items[--from];
    }

  emit_changed (self, first, last - first + 1 - n_objects, last - first + 1);
}
