/* soc-diff.h: what changed between two versions of a plan, object by object
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"

G_BEGIN_DECLS

typedef enum {
  SOC_DIFF_VERSION,   /* the format version */
  SOC_DIFF_ADDED,
  SOC_DIFF_REMOVED,
  SOC_DIFF_CHANGED,   /* one field */
  SOC_DIFF_MOVED,     /* a new place among its siblings */
  SOC_DIFF_KEPT,      /* content of another namespace or a newer version */
  SOC_DIFF_CONFLICT,  /* a merge conflict recorded (new_value) or resolved (old_value) */
} SocDiffKind;

typedef struct
{
  SocDiffKind  kind;
  const char  *element;       /* "plan", "goal", "lane", "phase", "item", "stakeholder",
                               * "relationship", "override"; for KEPT also "socplan",
                               * "goals", "roadmap", "stakeholders", "checklist" */
  char        *id;            /* NULL for the plan and sections; the factor for an override */
  char        *label;         /* its title or name, or NULL */
  const char  *field;         /* CHANGED: the field as the file names it */
  const char  *field_label;   /* CHANGED: its name for people, untranslated (N_) */
  char        *old_value;     /* CHANGED, VERSION: as the file spells it; NULL when not set;
                               * CONFLICT: the conflict in words */
  char        *new_value;
  gboolean     text_value;    /* CHANGED: the values are free text */
  char        *context_id;    /* ADDED: the parent goal or the lane; MOVED: what it now follows */
  char        *context_label;
  GPtrArray   *with;          /* REMOVED: ids of what went with it, or NULL */
} SocDiffChange;

void       soc_diff_change_free     (SocDiffChange       *change);
GPtrArray *soc_diff_documents       (SocDocument         *old_doc,
                                     SocDocument         *new_doc);
char      *soc_diff_change_describe (const SocDiffChange *change);
char      *soc_diff_document_to_text (SocDocument        *doc);
void       soc_diff_longest_increasing (const guint      *values,
                                        guint             n,
                                        gboolean         *keep);
char      *soc_diff_quote_value     (const char          *value,
                                     gboolean             is_text);
char      *soc_diff_subject         (const char          *element,
                                     const char          *id,
                                     const char          *label);
char      *soc_diff_object_phrase   (const char          *element,
                                     const char          *id,
                                     const char          *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocDiffChange, soc_diff_change_free)

G_END_DECLS
