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
  /* The last snapshot, for the next one to start from (soc-writer.c). */
  guint          fragment_log;   /* the objects whose fragment changed since */
  gpointer       last_pieces;    /* its pieces, shared with it (soc-writer.c);
                                  * NULL: the next snapshot writes everything */
  GPtrArray     *last_owned;     /* GRefString, a reference each */
  guint          last_list_changes;
  guint          n_full_snapshots; /* for tests */
  GPtrArray     *goal_order;     /* every goal, depth first, not owned: kept
                                  * until a goal's place in the tree changes */
  GHashTable    *id_serials;     /* prefix -> next number to try */
  guint          n_goals;

  SocExtras     *extras[SOC_N_CONTAINERS];
  guint          format_minor;
  gsize          size_hint;      /* bytes of the file last read or written */

  SocHistory    *history;
  SocCommand    *group;          /* the open group, if any */
  guint          group_depth;

  /* Listeners hear of a command, a group, an undo or a redo once, when it
   * is complete: property notifications wait in PENDING until the batch
   * ends, then "changed" is emitted once. */
  guint          batch_depth;
  gboolean       batch_changed;
  guint          batch_changes;  /* SocDocumentChanges of the batch under way */
  guint          last_changes;   /* ... and of the last one that ended */
  GPtrArray     *batch_added;    /* SocObject, owned: put in by the batch under way */
  GPtrArray     *last_added;     /* ... and by the last one that ended */
  guint          goals_serial;   /* one more for each batch that changed a goal,
                                  * counted as it ends, before anyone hears */
  GPtrArray     *pending;        /* SocObject, owned, in order of first change;
                                  * each object's doc data says what changed */

  /* Who refers to whom: built on first need, then kept by every command. */
  gboolean       indexed;
  gboolean       index_forgotten; /* built once, for content since replaced */
  guint          last_mark;      /* see _soc_document_new_mark() */

  /* Warming up (soc_document_warm_up()): the index, then every object's
   * written form, a slice at a time while the main loop is idle. */
  guint          warm_id;
  gboolean       warmed;
  GPtrArray     *warm_objects;   /* every object, not owned: valid until a command runs */
  guint          warm_next;
  guint          rewrite_id;     /* then what changes is written again */
  GPtrArray     *rewrite;        /* SocObject, owned */
  guint          rewrite_next;

  GFile         *file;
  char          *etag;
  GBytes        *base;           /* the file's bytes it was read from or saved as, if kept */
};

SocObjectList *_soc_document_list_for     (SocDocument *self,
                                           SocObject   *object,
                                           SocGoal     *parent);
void           _soc_document_note_change      (SocDocument   *self,
                                               SocObject     *object);
void           _soc_document_register     (SocDocument *self,
                                           SocObject   *object);
void           _soc_document_unregister   (SocDocument *self,
                                           SocObject   *object);
void           _soc_document_set_file     (SocDocument *self,
                                           GFile       *file,
                                           const char  *etag);
void           _soc_document_emit_changed (SocDocument *self);
void           _soc_document_ensure_uid   (SocDocument *self);

void           _soc_document_begin_batch  (SocDocument    *self);
void           _soc_document_end_batch    (SocDocument    *self);
gboolean       _soc_document_contains     (SocDocument    *self,
                                           SocObject      *object);
gboolean       _soc_document_store        (SocDocument    *self,
                                           SocObject      *object,
                                           const SocField *field,
                                           const GValue   *value);
gboolean       _soc_document_store_reference (SocDocument *self,
                                           SocObject      *object,
                                           const SocField *field,
                                           gpointer        value,
                                           gboolean        index,
                                           const char     *fragment);
void           _soc_document_set_parent   (SocDocument    *self,
                                           SocGoal        *goal,
                                           SocGoal        *parent);
void           _soc_document_ensure_index (SocDocument    *self);
void           _soc_document_start_index  (SocDocument    *self);
void           _soc_document_forget_index (SocDocument    *self);
void           _soc_document_index_range  (SocDocument    *self,
                                           GPtrArray      *objects,
                                           guint           from,
                                           guint           to);
GPtrArray     *_soc_document_collect_all  (SocDocument    *self);
gboolean       _soc_object_prepare_fragment (SocObject    *object,
                                           guint           level);

/* Idle work (soc-document-warm.c) */
#define SOC_LARGE_DOCUMENT 5000   /* objects: closing such a plan gives memory back */
#define SOC_GIVE_BACK_DELAY_MS 1000  /* that long after */

void           _soc_document_written_form_changed (SocDocument *self,
                                           SocObject      *object);
void           _soc_document_give_memory_back (void);
guint          _soc_document_new_mark     (SocDocument    *self);
void           _soc_document_index_object (SocDocument    *self,
                                           SocObject      *object,
                                           gboolean        add);
void           _soc_document_index_field  (SocDocument    *self,
                                           SocObject      *object,
                                           const SocField *field,
                                           gboolean        add);
int            _soc_document_compare_objects (gconstpointer a,
                                           gconstpointer   b);
void           _soc_document_sort_objects (GPtrArray      *objects);
void           _soc_document_foreach_referrer (SocDocument *self,
                                           SocObject      *target,
                                           GFunc           func,
                                           gpointer        user_data);
gboolean       _soc_field_is_reference    (const SocField *field);
const SocField *const *_soc_object_class_references (SocObjectClass *klass,
                                           guint          *n);
void           _soc_object_fetch_references (SocObject  *object,
                                           guint           stage);

/* Saving in the background (soc-writer.c) */
typedef struct _SocSnapshot SocSnapshot;

SocSnapshot   *_soc_document_snapshot     (SocDocument    *self,
                                           GError        **error);
GBytes        *_soc_snapshot_to_bytes     (SocSnapshot    *snapshot,
                                           GError        **error);
void           _soc_snapshot_free         (SocSnapshot    *snapshot);
GBytes        *_soc_document_serialize_fresh (SocDocument *self,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocSnapshot, _soc_snapshot_free)

/* Goals in depth-first order, each parent before its children. */
GPtrArray     *_soc_document_collect_goals (SocDocument *self);
void           _soc_document_goals_moved  (SocDocument *self);
void           _soc_document_forget_snapshot (SocDocument *self);

/* Numbers and token lists as the writer spells them (soc-writer.c). */
void           _soc_append_double         (GString     *out,
                                           double       v);
void           _soc_append_flags          (GString     *out,
                                           GType        type,
                                           guint        flags);

G_END_DECLS
