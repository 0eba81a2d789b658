/* soc-object.h: the base of every object a plan holds
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SOC_TYPE_OBJECT (soc_object_get_type ())

G_DECLARE_DERIVABLE_TYPE (SocObject, soc_object, SOC, OBJECT, GObject)

typedef struct _SocField SocField;

struct _SocObjectClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char      *element;     /* the XML element, e.g. "goal" */
  const char      *id_prefix;   /* the prefix of new ids, e.g. "g" */
  const SocField  *fields;      /* in the order they are written */
  guint            n_fields;
  int              label_field; /* the field that names the object, or -1 */
  GParamSpec     **pspecs;      /* one per field */

  gpointer padding[4];
};

const char *soc_object_get_id    (SocObject *self);
const char *soc_object_get_label (SocObject *self);

G_END_DECLS
