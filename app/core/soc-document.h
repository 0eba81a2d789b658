/* soc-document.h: one plan, its file and its undo history
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soc-command.h"
#include "soc-history.h"
#include "soc-goal.h"
#include "soc-item.h"
#include "soc-lane.h"
#include "soc-override.h"
#include "soc-phase.h"
#include "soc-plan.h"
#include "soc-relationship.h"
#include "soc-stakeholder.h"

G_BEGIN_DECLS

#define SOC_TYPE_DOCUMENT (soc_document_get_type ())

G_DECLARE_FINAL_TYPE (SocDocument, soc_document, SOC, DOCUMENT, GObject)

/* The format this program writes. */
#define SOC_FORMAT_MAJOR 1
#define SOC_FORMAT_MINOR 0
#define SOC_FORMAT_NAMESPACE "https://socplan.github.io/ns/socplan"

#define SOC_FORMAT_ERROR (soc_format_error_quark ())

typedef enum {
  SOC_FORMAT_ERROR_SYNTAX,      /* not well-formed XML, or not UTF-8 */
  SOC_FORMAT_ERROR_UNSAFE,      /* a DOCTYPE, an entity, or over a limit */
  SOC_FORMAT_ERROR_VERSION,     /* a newer major version */
  SOC_FORMAT_ERROR_INVALID,     /* breaks the format's rules */
  SOC_FORMAT_ERROR_UNWRITABLE,  /* the document holds text XML cannot hold */
} SocFormatError;

GQuark soc_format_error_quark (void);

typedef enum {
  SOC_SAVE_FLAGS_NONE      = 0,
  SOC_SAVE_FLAGS_OVERWRITE = 1 << 0,  /* replace even if the file changed on disk */
} SocSaveFlags;

SocDocument   *soc_document_new              (void);

SocPlan       *soc_document_get_plan         (SocDocument  *self);
GListModel    *soc_document_get_goals        (SocDocument  *self);
GListModel    *soc_document_get_lanes        (SocDocument  *self);
GListModel    *soc_document_get_phases       (SocDocument  *self);
GListModel    *soc_document_get_items        (SocDocument  *self);
GListModel    *soc_document_get_stakeholders (SocDocument  *self);
GListModel    *soc_document_get_relationships (SocDocument *self);
GListModel    *soc_document_get_overrides    (SocDocument  *self);
guint          soc_document_get_n_goals      (SocDocument  *self);
SocObject     *soc_document_lookup           (SocDocument  *self,
                                              const char   *id);
SocOverride   *soc_document_find_override    (SocDocument  *self,
                                              SocFactor     factor);
char          *soc_document_new_id           (SocDocument  *self,
                                              GType         type);
void           soc_document_foreach_goal     (SocDocument  *self,
                                              GFunc         func,
                                              gpointer      user_data);
GPtrArray     *soc_document_get_referrers    (SocDocument  *self,
                                              SocObject    *object);

/**
 * SocDocumentChanges:
 * @SOC_DOCUMENT_CHANGES_PLAN: the plan's own properties
 * @SOC_DOCUMENT_CHANGES_GOALS: goals
 * @SOC_DOCUMENT_CHANGES_ROADMAP: items, lanes and phases
 * @SOC_DOCUMENT_CHANGES_STAKEHOLDERS: stakeholders and relationships
 * @SOC_DOCUMENT_CHANGES_JUDGEMENTS: the strategist's judgements of factors
 * @SOC_DOCUMENT_CHANGES_ALL: all of them
 *
 * The parts of a plan a change touched (soc_document_get_last_changes()).
 */
typedef enum /*< flags >*/
{
  SOC_DOCUMENT_CHANGES_PLAN         = 1 << 0,
  SOC_DOCUMENT_CHANGES_GOALS        = 1 << 1,
  SOC_DOCUMENT_CHANGES_ROADMAP      = 1 << 2,
  SOC_DOCUMENT_CHANGES_STAKEHOLDERS = 1 << 3,
  SOC_DOCUMENT_CHANGES_JUDGEMENTS   = 1 << 4,
  SOC_DOCUMENT_CHANGES_ALL          = (1 << 5) - 1,
} SocDocumentChanges;

SocDocumentChanges soc_document_get_last_changes (SocDocument *self);
SocObject *const  *soc_document_get_last_added   (SocDocument *self,
                                                  guint       *n_objects);

void           soc_document_warm_up          (SocDocument  *self);
void           soc_document_warm_up_now      (SocDocument  *self);

SocHistory    *soc_document_get_history      (SocDocument  *self);
void           soc_document_execute          (SocDocument  *self,
                                              SocCommand   *command);
void           soc_document_begin_group      (SocDocument  *self,
                                              const char   *label);
void           soc_document_end_group        (SocDocument  *self);
gboolean       soc_document_undo             (SocDocument  *self);
gboolean       soc_document_redo             (SocDocument  *self);
gboolean       soc_document_get_modified     (SocDocument  *self);

GFile         *soc_document_get_file         (SocDocument  *self);
const char    *soc_document_get_etag         (SocDocument  *self);
void           soc_document_adopt_file       (SocDocument  *self,
                                              GFile        *file,
                                              const char   *etag);
char          *soc_document_get_display_name (SocDocument  *self);
GBytes        *soc_document_get_base         (SocDocument  *self);
void           soc_document_set_base         (SocDocument  *self,
                                              GBytes       *base);
guint          soc_document_get_format_minor (SocDocument  *self);

/* Reading (soc-reader.c) */
SocDocument   *soc_document_load             (GFile        *file,
                                              GCancellable *cancellable,
                                              GError      **error);
SocDocument   *soc_document_load_full        (GFile        *file,
                                              const char   *display_name,
                                              GPtrArray   **diagnostics,
                                              GCancellable *cancellable,
                                              GError      **error);
void           soc_document_load_async       (GFile        *file,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer      user_data);
SocDocument   *soc_document_load_finish      (GAsyncResult *result,
                                              GError      **error);
SocDocument   *soc_document_load_from_bytes  (GBytes       *bytes,
                                              const char   *display_name,
                                              GPtrArray   **diagnostics,
                                              GError      **error);

/* Writing (soc-writer.c, soc-save.c) */
GBytes        *soc_document_serialize        (SocDocument  *self,
                                              GError      **error);
gboolean       soc_document_save             (SocDocument  *self,
                                              GFile        *file,
                                              SocSaveFlags  flags,
                                              GCancellable *cancellable,
                                              GError      **error);
void           soc_document_save_async       (SocDocument  *self,
                                              GFile        *file,
                                              SocSaveFlags  flags,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer      user_data);
gboolean       soc_document_save_finish      (SocDocument  *self,
                                              GAsyncResult *result,
                                              GError      **error);

G_END_DECLS
