/* soc-object-list.h: an ordered list of plan objects as a GListModel
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soc-object.h"

G_BEGIN_DECLS

#define SOC_TYPE_OBJECT_LIST (soc_object_list_get_type ())

G_DECLARE_FINAL_TYPE (SocObjectList, soc_object_list, SOC, OBJECT_LIST, GObject)

SocObjectList *soc_object_list_new      (GType          item_type);
guint          soc_object_list_get_changes (void);
guint          soc_object_list_get_size (SocObjectList *self);
SocObject     *soc_object_list_get      (SocObjectList *self,
                                         guint          position);
SocObject    **soc_object_list_peek     (SocObjectList *self,
                                         guint         *n_objects);
gboolean       soc_object_list_find     (SocObjectList *self,
                                         SocObject     *object,
                                         guint         *position);
void           soc_object_list_insert   (SocObjectList *self,
                                         guint          position,
                                         SocObject     *object);
void           soc_object_list_append   (SocObjectList *self,
                                         SocObject     *object);
SocObject     *soc_object_list_steal    (SocObjectList *self,
                                         guint          position);
GPtrArray     *soc_object_list_replace_all (SocObjectList *self,
                                            GPtrArray     *objects);
gboolean       soc_object_list_find_all (SocObjectList *self,
                                         SocObject    **objects,
                                         guint          n_objects,
                                         guint         *positions);
void           soc_object_list_remove_all (SocObjectList *self,
                                         const guint   *positions,
                                         guint          n_positions);
void           soc_object_list_insert_all (SocObjectList *self,
                                         SocObject    **objects,
                                         const guint   *positions,
                                         guint          n_objects);

G_END_DECLS
