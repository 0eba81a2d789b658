/* soc-document-private.h: what commands, the reader and the writer share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"
#include "soc-model-private.h"

G_BEGIN_DECLS

typedef enum {
  SOC_CONTAINER_ROOT,
  SOC_CONTAINER_GOALS,
  SOC_CONTAINER_ROADMAP,
  SOC_CONTAINER_STAKEHOLDERS,
  SOC_CONTAINER_CHECKLIST,
  SOC_N_CONTAINERS
} SocContainer;

struct _SocDocument
{
  GObject        parent_instance;

  SocPlan       *plan;
  SocObjectList *goals;          /* the roots of the goal tree */
  SocObjectList *lanes;
  SocObjectList *phases;
  SocObjectList *items;
  SocObjectList *stakeholders;
  SocObjectList *relationships;
  SocObjectList *overrides;

  GHashTable    *ids;            /* id (owned by its object) -> SocObject */
  GHashTable    *id_serials;     /* prefix -> next number to try */
  guint          n_goals;

  SocExtras     *extras[SOC_N_CONTAINERS];
  guint          format_minor;
  gsize          size_hint;      /* bytes of the file last read or written */

  SocHistory    *history;
  SocCommand    *group;          /* the open group, if any */
  guint          group_depth;

  GFile         *file;
  char          *etag;
  GBytes        *base;           /* the file's bytes it was read from or saved as, if kept */
};

SocObjectList *_soc_document_list_for     (SocDocument *self,
                                           SocObject   *object,
                                           SocGoal     *parent);
void           _soc_document_register     (SocDocument *self,
                                           SocObject   *object);
void           _soc_document_unregister   (SocDocument *self,
                                           SocObject   *object);
void           _soc_document_set_file     (SocDocument *self,
                                           GFile       *file,
                                           const char  *etag);
void           _soc_document_emit_changed (SocDocument *self);
void           _soc_document_ensure_uid   (SocDocument *self);

/* Goals in depth-first order, each parent before its children. */
GPtrArray     *_soc_document_collect_goals (SocDocument *self);

/* Numbers and token lists as the writer spells them (soc-writer.c). */
void           _soc_append_double         (GString     *out,
                                           double       v);
void           _soc_append_flags          (GString     *out,
                                           GType        type,
                                           guint        flags);

G_END_DECLS
