/* soc-link-list.h: a list of plan objects, each with a jump and maybe a remove
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-object.h"

G_BEGIN_DECLS

#define SOC_TYPE_LINK_LIST (soc_link_list_get_type ())

G_DECLARE_FINAL_TYPE (SocLinkList, soc_link_list, SOC, LINK_LIST, GtkWidget)

/* The two lines a row shows for OBJECT: a title and a detail. */
typedef void (*SocLinkListDescribe) (SocObject  *object,
                                     char      **title,
                                     char      **detail,
                                     gpointer    user_data);

GtkWidget  *soc_link_list_new         (SocLinkListDescribe  describe,
                                       gpointer             user_data,
                                       const char          *jump_label,
                                       const char          *remove_label);
void        soc_link_list_set_objects (SocLinkList         *self,
                                       SocObject *const    *objects,
                                       guint                n_objects);
GListModel *soc_link_list_get_model   (SocLinkList         *self);
void        soc_link_list_refresh     (SocLinkList         *self);

G_END_DECLS
