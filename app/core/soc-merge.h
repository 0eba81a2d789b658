/* soc-merge.h: a three-way merge of plans by object id and field
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"

G_BEGIN_DECLS

/* Where a merged plan records the conflicts left in it (data/FORMAT.md). */
#define SOC_MERGE_NAMESPACE "https://socplan.github.io/ns/merge"

typedef enum {
  SOC_MERGE_CONFLICT_FIELD,    /* both sides changed a field, differently */
  SOC_MERGE_CONFLICT_DELETED,  /* one side deleted what the other changed or refers to */
  SOC_MERGE_CONFLICT_RULE,     /* changes fine one by one break a rule together */
  SOC_MERGE_CONFLICT_CYCLE,    /* changes fine one by one make a cycle together */
  SOC_MERGE_CONFLICT_ORDER,    /* both sides reordered one list, differently */
} SocMergeConflictKind;

typedef enum {
  SOC_MERGE_OURS,
  SOC_MERGE_THEIRS,
} SocMergeSide;

typedef enum {
  SOC_MERGE_FLAGS_NONE      = 0,
  SOC_MERGE_FLAGS_TAKE_OURS = 1 << 0,  /* the merged plan takes ours apart: free it, never use it again */
} SocMergeFlags;

typedef struct
{
  SocMergeConflictKind kind;
  char         *element;     /* "plan", "goal", "item", ...; for ORDER the kind of the list's objects */
  char         *id;          /* the object's id in the merged plan; for ORDER the parent goal;
                              * the factor for an override; NULL for the plan or a top list */
  char         *label;       /* its title or name, or NULL */
  char         *field;       /* as the file names it; NULL for DELETED; "order" for ORDER */
  char         *base;        /* values as the file spells them, NULL when not set; for */
  char         *ours;        /* DELETED "deleted", "changed" or "refers" */
  char         *theirs;
  char         *reason;      /* CYCLE: the cycle, as ids: "g1 → g2 → g1" */
  char         *ref_element; /* DELETED: what still refers to the object, if that is why */
  char         *ref_id;
  char         *ref_label;
  char         *ref_field;
  SocMergeSide  resolution;  /* the side whose value the merged plan holds */
  gboolean      chosen;      /* the caller chose it; otherwise it is ours, and open */

  /*< private >*/
  GPtrArray    *left_out;    /* SocXmlNode: objects the merged plan leaves out for this conflict */
} SocMergeConflict;

void          soc_merge_conflict_free     (SocMergeConflict  *conflict);
char         *soc_merge_conflict_key      (const SocMergeConflict *conflict);
char         *soc_merge_conflict_describe (const SocMergeConflict *conflict);
char         *soc_merge_conflict_get_subject (const SocMergeConflict *conflict);
char         *soc_merge_conflict_get_issue   (const SocMergeConflict *conflict);
char         *soc_merge_conflict_format_value (const SocMergeConflict *conflict,
                                               const char             *value);

SocDocument  *soc_merge_documents         (SocDocument       *base,
                                           SocDocument       *ours,
                                           SocDocument       *theirs,
                                           GHashTable        *choices,
                                           GPtrArray        **conflicts);
SocDocument  *soc_merge_documents_full    (SocDocument       *base,
                                           SocDocument       *ours,
                                           SocDocument       *theirs,
                                           GHashTable        *choices,
                                           SocMergeFlags      flags,
                                           GPtrArray        **conflicts);
GBytes       *soc_merge_write             (SocDocument       *merged,
                                           GPtrArray         *conflicts,
                                           GError           **error);
GPtrArray    *soc_merge_read_conflicts    (SocDocument       *document);
SocDocument  *soc_merge_resolve_recorded  (SocDocument       *document,
                                           GHashTable        *choices,
                                           GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocMergeConflict, soc_merge_conflict_free)

G_END_DECLS
