/* soc-merge-private.h: what the files of the merge share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document-private.h"
#include "soc-merge.h"

G_BEGIN_DECLS

/* The three versions. */
enum { SIDE_BASE, SIDE_OURS, SIDE_THEIRS, N_SIDES };

/* Where a merged field's value comes from, besides a side. */
#define SRC_NONE 3   /* an optional reference, cleared */
#define SRC_LIST 4   /* a reference list merged from both sides: Entry.list */

#define MAX_FIELDS 16
#define MAX_SLOTS  2

typedef enum {
  KIND_STAKEHOLDER,   /* in the order references point: to what comes first */
  KIND_LANE,
  KIND_PHASE,
  KIND_GOAL,
  KIND_ITEM,
  KIND_RELATIONSHIP,
  KIND_OVERRIDE,
  KIND_PLAN,
  N_KINDS
} MergeKind;

typedef struct _Entry Entry;

/* One object of the merged plan, with its versions. */
struct _Entry
{
  MergeKind   kind;
  const char *key;               /* in Merge.entries */
  const char *id;                /* in the merged plan; NULL for an override or the plan */
  SocObject  *v[N_SIDES];        /* its versions, or NULL */
  SocObject  *built;             /* the merged object, once made */
  guint8      src[MAX_FIELDS];   /* where each field comes from: a side or SRC_* */
  Entry      *ref[MAX_SLOTS];    /* REF fields: the targets */
  GPtrArray  *list[MAX_SLOTS];   /* REFLIST fields: the targets (Entry) */
  guint       present : 1;       /* in the merged plan */
  guint       pinned : 1;        /* kept by a choice or for what refers to it: never dropped */
  guint       placed : 1;        /* ordering: already in its list */
  guint       mark : 2;          /* cycle search: 0 new, 1 on the path, 2 done */
  guint       dropped : 1;       /* left out for a conflict on what it refers to */
  guint       reused : 1;        /* built is ours's object, taken over */
  guint       in_mask : 3;       /* ordering: the sides whose list holds it */
  guint       moved : 3;         /* ordering: the sides that moved it */
  Entry      *next;              /* ordering: the merged list */
  Entry      *group_head;        /* building: the goals under this one, */
  Entry      *group_tail;        /* linked by group_next */
  Entry      *group_next;
  guint       stamp;             /* ordering: member of the list being ordered */
  guint       pos;               /* ordering: its place in the base version */
  SocMergeConflict *cause;       /* dropped: the conflict that left it out */
};

typedef struct
{
  SocObjectClass *klass;
  const char     *element;
  guint8          slot[MAX_FIELDS];  /* REF and REFLIST fields: their slot */
} KindInfo;

typedef struct
{
  SocDocument  *doc[N_SIDES];
  GHashTable   *choices;       /* key -> GINT_TO_POINTER (SocMergeSide + 1) */
  GHashTable   *entries;       /* key -> Entry */
  GPtrArray    *all;           /* Entry, stable order: by kind, then base, ours, theirs */
  GHashTable   *renames[N_SIDES]; /* ids of a side that the merged plan renames */
  GHashTable   *by_object[N_SIDES]; /* a side's SocObject -> its Entry */
  GHashTable   *serials;       /* id prefix -> next number to try */
  GStringChunk *strings;
  GPtrArray    *conflicts;     /* SocMergeConflict */
  GHashTable   *conflict_keys; /* key -> SocMergeConflict */
  GHashTable   *conflict_entries; /* SocMergeConflict -> Entry, for DELETED */
  GPtrArray    *seq[N_KINDS][N_SIDES]; /* Entry, in each side's order */
  Entry        *plan;
  KindInfo      info[N_KINDS];
  guint         stamp;
  gboolean      changed;       /* a pass changed what is present */
  gboolean      take_ours;     /* SOC_MERGE_FLAGS_TAKE_OURS */
} Merge;

/* soc-merge.c */
SocMergeConflict *_soc_merge_conflict (Merge                *m,
                                       SocMergeConflictKind  kind,
                                       const char           *element,
                                       const char           *id,
                                       const char           *label,
                                       const char           *field,
                                       gboolean             *is_new);
const char       *_soc_merge_entry_label (Merge             *m,
                                          Entry             *e);

char             *_soc_merge_key      (const char           *element,
                                       const char           *id,
                                       const char           *field);
SocMergeConflict *_soc_merge_entry_conflict (Merge                *m,
                                             SocMergeConflictKind  kind,
                                             Entry                *e,
                                             const char           *field,
                                             gboolean             *is_new);
void              _soc_merge_set_values (Merge            *m,
                                         SocMergeConflict *c,
                                         Entry            *e,
                                         const SocField   *f);
Entry            *_soc_merge_entry_for  (Merge            *m,
                                         SocObject        *object,
                                         int               side);
gboolean          _soc_merge_list_has   (GPtrArray        *list,
                                         Entry            *e);
GPtrArray        *_soc_merge_side_list  (Merge            *m,
                                         Entry            *e,
                                         int               side,
                                         const SocField   *f);
void              _soc_merge_resolve_field (Merge         *m,
                                            Entry         *e,
                                            guint          i);

/* soc-merge-cycles.c */
void              _soc_merge_check_goal_cycles       (Merge *m);
void              _soc_merge_check_dependency_cycles (Merge *m);

/* soc-merge-build.c */
SocDocument      *_soc_merge_build         (Merge *m);
void              _soc_merge_keep_left_out (Merge *m);

/* soc-merge-order.c */
void              _soc_merge_order    (Merge                *m,
                                       GPtrArray            *members,
                                       GPtrArray            *seq[N_SIDES],
                                       const char           *element,
                                       Entry                *parent,
                                       GPtrArray            *out);
SocExtras        *_soc_merge_extras   (Merge                *m,
                                       const char           *element,
                                       const char           *id,
                                       const char           *label,
                                       SocExtras            *v[N_SIDES],
                                       int                  *copy_side);

/* soc-merge-conflict.c */
SocMergeConflict *_soc_merge_conflict_new (void);
SocXmlNode       *_soc_merge_object_node  (SocObject  *object,
                                           GHashTable *renames);
void              _soc_merge_leave_out    (SocMergeConflict *conflict,
                                           SocObject        *object,
                                           GHashTable       *renames);

G_END_DECLS
