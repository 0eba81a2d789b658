/* test-merge.c: the three-way merge over a table of scenarios, and the diff
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each scenario edits the same base plan twice, as the app would (through
 * soc_edit_*, so deletions cascade as they do for users) or as another
 * program would (in the file's text), merges, and checks the merged plan
 * and the conflicts. Every scenario also checks what holds for any merge:
 * the result passes the reader, its conflict record reads back, merging a
 * side with an unchanged other side gives that side byte for byte, and
 * choosing their side everywhere gives a plan that passes too.
 */

#include "config.h"

#include "soc-date.h"
#include "soc-diff.h"
#include "soc-edit.h"
#include "soc-field-value.h"
#include "soc-merge.h"
#include "soc-test-util.h"

typedef struct
{
  const char *from;
  const char *to;
} Replace;

typedef struct
{
  const char *name;
  void      (*ours) (SocDocument *doc);
  void      (*theirs) (SocDocument *doc);
  const Replace *ours_text;
  const Replace *theirs_text;
  void      (*check) (SocDocument *merged, GPtrArray *conflicts);
} Scenario;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static SocObject *
object (SocDocument *doc,
        const char  *id)
{
  SocObject *o = id != NULL ? soc_document_lookup (doc, id) : SOC_OBJECT (soc_document_get_plan (doc));

  g_assert_nonnull (o);
  return o;
}

static void
set (SocDocument *doc,
     const char  *id,
     const char  *field,
     const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  SocObject *o = object (doc, id);
  const SocField *f = soc_object_class_find_field (SOC_OBJECT_GET_CLASS (o), field, strlen (field));

  g_assert_nonnull (f);
  g_assert_true (soc_field_from_text (doc, o, f, text, &value, &error));
  g_assert_no_error (error);
  g_assert_true (soc_edit_set (doc, o, field, &value, &error));
  g_assert_no_error (error);
}

static char *
get (SocDocument *doc,
     const char  *id,
     const char  *field)
{
  SocObject *o = object (doc, id);
  const SocField *f = soc_object_class_find_field (SOC_OBJECT_GET_CLASS (o), field, strlen (field));

  g_assert_nonnull (f);
  return soc_field_to_text (o, f, NULL);
}

#define assert_field(doc, id, field, expected) \
  G_STMT_START { \
    g_autofree char *_v = get (doc, id, field); \
    g_assert_cmpstr (_v, ==, expected); \
  } G_STMT_END

static void
delete (SocDocument *doc,
        const char  *id)
{
  g_autoptr(GError) error = NULL;
  SocObject *o = object (doc, id);

  g_assert_true (soc_edit_delete (doc, &o, 1, &error));
  g_assert_no_error (error);
}

static void
move (SocDocument *doc,
      const char  *id,
      guint        position)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (soc_edit_move (doc, object (doc, id), position, &error));
  g_assert_no_error (error);
}

static void
move_goal (SocDocument *doc,
           const char  *id,
           const char  *parent)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (soc_edit_move_goal (doc, SOC_GOAL (object (doc, id)), SOC_GOAL (object (doc, parent)), 0, &error));
  g_assert_no_error (error);
}

static SocGoal *
add_goal (SocDocument *doc,
          const char  *parent,
          const char  *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SocGoal) goal = soc_goal_new (SOC_GOAL_KIND_SOCIAL_OBJECTIVE);
  SocGoal *p = SOC_GOAL (object (doc, parent));

  g_object_set (goal, "title", title, NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (goal), p,
                                  g_list_model_get_n_items (soc_goal_get_children (p)), &error));
  g_assert_no_error (error);
  return goal;
}

static SocItem *
add_item (SocDocument *doc,
          const char  *lane,
          const char  *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SocItem) item = soc_item_new (SOC_ITEM_KIND_ACTIVITY);

  g_object_set (item, "title", title, "lane", object (doc, lane), NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (item), NULL,
                                  g_list_model_get_n_items (soc_document_get_items (doc)), &error));
  g_assert_no_error (error);
  return item;
}

static guint
count_open (GPtrArray *conflicts)
{
  guint n = 0;

  for (guint i = 0; i < conflicts->len; i++)
    if (!((SocMergeConflict *) g_ptr_array_index (conflicts, i))->chosen)
      n++;
  return n;
}

static SocMergeConflict *
find_conflict (GPtrArray            *conflicts,
               SocMergeConflictKind  kind,
               const char           *element,
               const char           *id,
               const char           *field)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      SocMergeConflict *c = g_ptr_array_index (conflicts, i);

      if (c->kind == kind && g_strcmp0 (c->element, element) == 0 &&
          g_strcmp0 (c->id, id) == 0 && g_strcmp0 (c->field, field) == 0)
        return c;
    }
  g_test_message ("no conflict %d %s %s %s among %u", kind, element, id, field, conflicts->len);
  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *line = soc_merge_conflict_describe (g_ptr_array_index (conflicts, i));
      g_test_message ("  %s", line);
    }
  g_assert_not_reached ();
}

static char *
order_of (GListModel *list)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SocObject) o = g_list_model_get_item (list, i);
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, soc_object_get_id (o));
    }
  return g_string_free (s, FALSE);
}

#define assert_order(list, expected) \
  G_STMT_START { \
    g_autofree char *_o = order_of (list); \
    g_assert_cmpstr (_o, ==, expected); \
  } G_STMT_END

/* ------------------------------------------------------------------------ */
/* Scenarios: each kind of field                                            */

static void ours_title (SocDocument *d) { set (d, "g2", "title", "Cut time-to-competence by half"); }
static void theirs_description (SocDocument *d) { set (d, "g2", "description", "Measured at 90 days"); }
static void
check_text_fields (SocDocument *m, GPtrArray *c)
{
  assert_field (m, "g2", "title", "Cut time-to-competence by half");
  assert_field (m, "g2", "description", "Measured at 90 days");
  g_assert_cmpuint (c->len, ==, 0);
}

static void ours_status (SocDocument *d) { set (d, "g3", "status", "at-risk"); }
static void theirs_status (SocDocument *d) { set (d, "g3", "status", "off-track"); }
static void
check_enum_conflict (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_FIELD, "goal", "g3", "status");
  g_autofree char *line = soc_merge_conflict_describe (k);

  assert_field (m, "g3", "status", "at-risk");
  g_assert_cmpstr (k->base, ==, "planned");
  g_assert_cmpstr (k->ours, ==, "at-risk");
  g_assert_cmpstr (k->theirs, ==, "off-track");
  g_assert_cmpstr (k->label, ==, "New hires ask in open communities");
  g_assert_cmpstr (line, ==, "Goal g3 “New hires ask in open communities”: status: ours at-risk, theirs off-track");
  g_assert_cmpuint (c->len, ==, 1);
}

static void both_progress (SocDocument *d) { set (d, "i1", "progress", "50"); }
static void
check_same_change (SocDocument *m, GPtrArray *c)
{
  assert_field (m, "i1", "progress", "50");
  g_assert_cmpuint (c->len, ==, 0);
}

static void ours_load (SocDocument *d) { set (d, NULL, "owner-load", "7"); }
static void theirs_load (SocDocument *d) { set (d, NULL, "owner-load", "9"); }
static void
check_int_conflict (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_FIELD, "plan", NULL, "owner-load");
  g_autofree char *line = soc_merge_conflict_describe (k);

  assert_field (m, NULL, "owner-load", "7");
  g_assert_cmpstr (line, ==, "Plan: owner load: ours 7, theirs 9");
  g_assert_cmpuint (c->len, ==, 1);
}

static void ours_target (SocDocument *d) { set (d, "g4", "target", "10.5"); set (d, "g4", "unit", "working days"); }
static void theirs_current (SocDocument *d) { set (d, "g4", "current", "27"); set (d, "g4", "current-date", "2026-10-01"); }
static void
check_numbers (SocDocument *m, GPtrArray *c)
{
  assert_field (m, "g4", "target", "10.5");
  assert_field (m, "g4", "unit", "working days");
  assert_field (m, "g4", "current", "27");
  assert_field (m, "g4", "current-date", "2026-10-01");
  g_assert_cmpuint (c->len, ==, 0);
}

/* The start alone, as a resize does: a start typed moves the item, with its end. */
static void
set_start_only (SocDocument *doc,
                const char  *id,
                const char  *text)
{
  SocObject *o = object (doc, id);
  guint start = 0;

  g_assert_true (soc_date_parse (text, strlen (text), &start));
  g_assert_true (soc_edit_set_dates (doc, o, start, soc_item_get_end (SOC_ITEM (o)), NULL, NULL));
}

static void ours_end (SocDocument *d) { set (d, "i3", "end", "2026-05-31"); }
static void theirs_start (SocDocument *d) { set_start_only (d, "i3", "2026-02-15"); }
static void
check_dates (SocDocument *m, GPtrArray *c)
{
  assert_field (m, "i3", "start", "2026-02-15");
  assert_field (m, "i3", "end", "2026-05-31");
  g_assert_cmpuint (c->len, ==, 0);
}

/* Each side's dates are fine; together the item would end before it starts. */
static void ours_late_start (SocDocument *d) { set_start_only (d, "i3", "2026-04-15"); }
static void theirs_early_end (SocDocument *d) { set (d, "i3", "end", "2026-04-01"); }
static void
check_dates_rule (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_RULE, "item", "i3", "end");

  assert_field (m, "i3", "start", "2026-04-15");
  assert_field (m, "i3", "end", "2026-04-30");
  g_assert_cmpstr (k->ours, ==, "2026-04-30");
  g_assert_cmpstr (k->theirs, ==, "2026-04-01");
  g_assert_cmpuint (count_open (c), ==, 2);   /* start, end */
}

/* Making it a milestone cleared its end, which they changed. */
static void ours_milestone (SocDocument *d) { set (d, "i3", "kind", "milestone"); }
static void
check_milestone (SocDocument *m, GPtrArray *c)
{
  find_conflict (c, SOC_MERGE_CONFLICT_FIELD, "item", "i3", "end");
  assert_field (m, "i3", "kind", "milestone");
  assert_field (m, "i3", "end", NULL);
}

static void ours_topics (SocDocument *d) { set (d, "s2", "topics", "culture guidelines"); }
static void theirs_roles (SocDocument *d) { set (d, "s2", "roles", "advocate"); }
static void theirs_topics (SocDocument *d) { set (d, "s2", "topics", "tools"); }
static void
check_flags (SocDocument *m, GPtrArray *c)
{
  assert_field (m, "s2", "topics", "culture guidelines");
  assert_field (m, "s2", "roles", "advocate");
  g_assert_cmpuint (c->len, ==, 0);
}
static void
check_flags_conflict (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_FIELD, "stakeholder", "s2", "topics");

  assert_field (m, "s2", "topics", "culture guidelines");
  g_assert_cmpstr (k->theirs, ==, "tools");
  g_assert_null (k->base);
}

static void ours_colour (SocDocument *d) { set (d, "l1", "colour", "#e01b24"); }
static void theirs_colour (SocDocument *d) { set (d, "l1", "colour", "#2ec27e"); }
static void
check_colour (SocDocument *m, GPtrArray *c)
{
  find_conflict (c, SOC_MERGE_CONFLICT_FIELD, "lane", "l1", "colour");
  assert_field (m, "l1", "colour", "#e01b24");
}

static void ours_owner (SocDocument *d) { set (d, "i3", "owner", "s2"); }
static void theirs_owner (SocDocument *d) { set (d, "i3", "owner", "s3"); }
static void
check_ref_conflict (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_FIELD, "item", "i3", "owner");

  assert_field (m, "i3", "owner", "s2");
  g_assert_null (k->base);
  g_assert_cmpstr (k->theirs, ==, "s3");
}

static void ours_serves (SocDocument *d) { set (d, "i1", "serves", "g2 g3"); }
static void theirs_serves (SocDocument *d) { set (d, "i1", "serves", "g4 g2 g5"); }
static void
check_reflist (SocDocument *m, GPtrArray *c)
{
  assert_field (m, "i1", "serves", "g2 g3 g4 g5");
  g_assert_cmpuint (c->len, ==, 0);
}

static void ours_unserve (SocDocument *d) { set (d, "i1", "serves", NULL); }
static void theirs_serve_more (SocDocument *d) { set (d, "i1", "serves", "g2 g5"); }
static void
check_reflist_remove (SocDocument *m, GPtrArray *c)
{
  assert_field (m, "i1", "serves", "g5");
  g_assert_cmpuint (c->len, ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Scenarios: objects added and deleted                                     */

static void ours_add_goal (SocDocument *d) { add_goal (d, "g1", "Ours: keep our engineers"); }
static void
theirs_add_goal_and_item (SocDocument *d)
{
  SocGoal *goal = add_goal (d, "g1", "Theirs: hear our customers");
  SocItem *item = add_item (d, "l1", "Theirs: listening pilot");
  g_autoptr(GPtrArray) serves = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (serves, goal);
  g_assert_true (soc_edit_set_links (d, item, "serves", serves, &error));
  g_assert_no_error (error);
}
static void
check_add_add (SocDocument *m, GPtrArray *c)
{
  /* Both sides made g6: theirs becomes g7, and their item follows it. */
  assert_field (m, "g6", "title", "Ours: keep our engineers");
  assert_field (m, "g7", "title", "Theirs: hear our customers");
  assert_field (m, "g7", "parent", "g1");
  assert_field (m, "i5", "title", "Theirs: listening pilot");
  assert_field (m, "i5", "serves", "g7");
  assert_order (soc_goal_get_children (SOC_GOAL (object (m, "g1"))), "g2 g5 g6 g7");
  g_assert_cmpuint (c->len, ==, 0);
}

static void
both_add_judgement (SocDocument *d)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (soc_edit_set_override (d, SOC_FACTOR_ROADMAP, SOC_FACTOR_STATE_PARTLY, "Dates agreed", &error));
  g_assert_no_error (error);
}
static void
check_add_same (SocDocument *m, GPtrArray *c)
{
  g_assert_cmpuint (g_list_model_get_n_items (soc_document_get_overrides (m)), ==, 2);
  g_assert_nonnull (soc_document_find_override (m, SOC_FACTOR_ROADMAP));
  g_assert_cmpuint (c->len, ==, 0);
}

static void
judge (SocDocument    *d,
       SocFactorState  state,
       const char     *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (soc_edit_set_override (d, SOC_FACTOR_EXECUTIVE_SUPPORT, state, note, &error));
  g_assert_no_error (error);
}
static void ours_judge (SocDocument *d) { judge (d, SOC_FACTOR_STATE_PARTLY, "The sponsor signed the charter."); }
static void theirs_judge (SocDocument *d) { judge (d, SOC_FACTOR_STATE_NOT_MET, "The sponsor left."); }
static void
check_judgement (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_FIELD, "override", "executive-support", "state");
  g_autofree char *line = soc_merge_conflict_describe (k);

  g_assert_cmpstr (line, ==, "Judgement of “executive-support”: state: ours partly, theirs not-met");
  /* Their note changed, ours did not: theirs. */
  g_assert_cmpstr (soc_override_get_note (soc_document_find_override (m, SOC_FACTOR_EXECUTIVE_SUPPORT)), ==, "The sponsor left.");
  g_assert_cmpuint (c->len, ==, 1);
}

static void ours_add_to_l2 (SocDocument *d) { add_item (d, "l2", "Ours: advocate office hours"); }
static void theirs_delete_l2 (SocDocument *d) { delete (d, "l2"); }
static void
check_add_to_deleted_theirs (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_DELETED, "lane", "l2", NULL);
  g_autofree char *line = soc_merge_conflict_describe (k);

  /* Ours keeps the lane for our new item; what they deleted with it stays deleted. */
  g_assert_cmpstr (k->ours, ==, "refers");
  g_assert_cmpstr (k->theirs, ==, "deleted");
  g_assert_cmpstr (k->ref_id, ==, "i5");
  assert_field (m, "i5", "lane", "l2");
  g_assert_null (soc_document_lookup (m, "i3"));
  g_assert_cmpstr (line, ==, "Lane l2 “Advocacy”: deleted by them, but our item i5 “Ours: advocate office hours” refers to it");
}

static void ours_delete_l2 (SocDocument *d) { delete (d, "l2"); }
static void theirs_add_to_l2 (SocDocument *d) { add_item (d, "l2", "Theirs: advocate office hours"); }
static void
check_add_to_deleted_ours (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_DELETED, "lane", "l2", NULL);
  g_autoptr(GString) kept = g_string_new (NULL);

  /* Ours has no lane l2, so their item cannot stay: it is kept in the record. */
  g_assert_null (soc_document_lookup (m, "l2"));
  g_assert_null (soc_document_lookup (m, "i5"));
  g_assert_nonnull (k->left_out);
  for (guint i = 0; i < k->left_out->len; i++)
    {
      g_autofree char *text = soc_xml_node_to_text (g_ptr_array_index (k->left_out, i));
      g_string_append (kept, text);
    }
  g_assert_nonnull (strstr (kept->str, "Theirs: advocate office hours"));
  g_assert_nonnull (strstr (kept->str, "Advocacy"));
}

static void ours_delete_s3 (SocDocument *d) { delete (d, "s3"); }
static void theirs_stance_s3 (SocDocument *d) { set (d, "s3", "stance", "supporter"); }
static void
check_delete_change (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_DELETED, "stakeholder", "s3", NULL);
  g_autofree char *line = soc_merge_conflict_describe (k);
  g_autofree char *kept = soc_xml_node_to_text (g_ptr_array_index (k->left_out, 0));

  g_assert_null (soc_document_lookup (m, "s3"));
  g_assert_cmpstr (line, ==, "Stakeholder s3 “Jonas Berg”: deleted by us, changed by them");
  g_assert_nonnull (strstr (kept, "supporter"));
  g_assert_cmpuint (c->len, ==, 1);
}

static void ours_current_g4 (SocDocument *d) { set (d, "g4", "current", "25"); }
static void theirs_delete_g4 (SocDocument *d) { delete (d, "g4"); }
static void
check_change_delete (SocDocument *m, GPtrArray *c)
{
  find_conflict (c, SOC_MERGE_CONFLICT_DELETED, "goal", "g4", NULL);
  assert_field (m, "g4", "current", "25");
  assert_field (m, "g4", "parent", "g3");
}

static void delete_i4 (SocDocument *d) { delete (d, "i4"); }
static void
check_delete_both (SocDocument *m, GPtrArray *c)
{
  g_assert_null (soc_document_lookup (m, "i4"));
  g_assert_cmpuint (c->len, ==, 0);
}

static void theirs_owner_s3 (SocDocument *d) { set (d, "i3", "owner", "s3"); }
static void
check_new_reference_to_deleted (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_DELETED, "stakeholder", "s3", NULL);

  g_assert_cmpstr (k->ref_id, ==, "i3");
  g_assert_cmpstr (k->ref_field, ==, "owner");
  g_assert_null (soc_document_lookup (m, "s3"));
  assert_field (m, "i3", "owner", NULL);
}

/* ------------------------------------------------------------------------ */
/* Scenarios: order, cycles, rules                                          */

static void theirs_i3_first (SocDocument *d) { move (d, "i3", 0); }
static void ours_progress (SocDocument *d) { set (d, "i1", "progress", "20"); }
static void
check_reorder_only (SocDocument *m, GPtrArray *c)
{
  assert_order (soc_document_get_items (m), "i3 i1 i2 i4");
  assert_field (m, "i1", "progress", "20");
  g_assert_cmpuint (c->len, ==, 0);
}

static void ours_i4_first (SocDocument *d) { move (d, "i4", 0); }
static void
check_reorder_different (SocDocument *m, GPtrArray *c)
{
  /* Each moved another item: both moves are kept. */
  assert_order (soc_document_get_items (m), "i3 i4 i1 i2");
  g_assert_cmpuint (c->len, ==, 0);
}

static void theirs_i4_second (SocDocument *d) { move (d, "i4", 1); }
static void
check_reorder_same (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_ORDER, "item", NULL, "order");
  g_autofree char *line = soc_merge_conflict_describe (k);

  assert_order (soc_document_get_items (m), "i4 i1 i2 i3");
  g_assert_cmpstr (k->ours, ==, "i4 i1 i2 i3");
  g_assert_cmpstr (k->theirs, ==, "i1 i4 i2 i3");
  g_assert_cmpstr (line, ==, "The roadmap items: reordered on both sides, differently: ours i4 i1 i2 i3, theirs i1 i4 i2 i3");
}

static void ours_g5_first (SocDocument *d) { move_goal (d, "g5", "g1"); }
static void theirs_g4_up (SocDocument *d) { move_goal (d, "g4", "g2"); }
static void
check_goal_moves (SocDocument *m, GPtrArray *c)
{
  /* Ours put g5 first under g1, theirs moved g4 up under g2. */
  assert_order (soc_goal_get_children (SOC_GOAL (object (m, "g1"))), "g5 g2");
  assert_order (soc_goal_get_children (SOC_GOAL (object (m, "g2"))), "g4 g3");
  g_assert_cmpuint (c->len, ==, 0);
}

static void ours_g2_under_g5 (SocDocument *d) { move_goal (d, "g2", "g5"); }
static void theirs_g5_under_g3 (SocDocument *d) { move_goal (d, "g5", "g3"); }
static void
check_goal_cycle (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_CYCLE, "goal", "g5", "parent");
  g_autofree char *line = soc_merge_conflict_describe (k);

  assert_field (m, "g2", "parent", "g5");
  assert_field (m, "g5", "parent", "g1");
  g_assert_cmpstr (k->theirs, ==, "g3");
  g_assert_nonnull (strstr (line, "the goal tree would have a cycle"));
  g_assert_cmpuint (c->len, ==, 1);
}

static void ours_i1_after_i3 (SocDocument *d) { set (d, "i1", "depends-on", "i3"); }
static void theirs_i3_after_i2 (SocDocument *d) { set (d, "i3", "depends-on", "i2"); }
static void
check_dependency_cycle (SocDocument *m, GPtrArray *c)
{
  find_conflict (c, SOC_MERGE_CONFLICT_CYCLE, "item", "i3", "depends-on");
  assert_field (m, "i1", "depends-on", "i3");
  assert_field (m, "i3", "depends-on", NULL);
  assert_field (m, "i2", "depends-on", "i1");
}

static void ours_r1_to_s3 (SocDocument *d) { set (d, "r1", "to", "s3"); }
static void theirs_r1_from_s3 (SocDocument *d) { set (d, "r1", "from", "s3"); }
static void
check_relationship_rule (SocDocument *m, GPtrArray *c)
{
  find_conflict (c, SOC_MERGE_CONFLICT_RULE, "relationship", "r1", "from");
  assert_field (m, "r1", "from", "s1");
  assert_field (m, "r1", "to", "s3");
}

static void ours_horizon_start (SocDocument *d) { set (d, NULL, "horizon-start", "2028-06-01"); }
static void theirs_horizon_end (SocDocument *d) { set (d, NULL, "horizon-end", "2027-12-31"); }
static void
check_horizon_rule (SocDocument *m, GPtrArray *c)
{
  find_conflict (c, SOC_MERGE_CONFLICT_RULE, "plan", NULL, "horizon-end");
  assert_field (m, NULL, "horizon-start", "2028-06-01");
  assert_field (m, NULL, "horizon-end", "2028-12-31");
}

/* ------------------------------------------------------------------------ */
/* Scenarios: content of other programs and newer versions                  */

static const Replace ours_foreign[] = {
  { "x:a=\"1\"", "x:a=\"1\" x:ours=\"o\"" },
  { "  <x:note>", "  <x:mine/>\n  <x:note>" },
  { NULL, NULL }
};
static const Replace theirs_foreign[] = {
  { "x:a=\"1\"", "x:a=\"1\" x:theirs=\"t\"" },
  { "    <lane id=\"l1\"", "    <x:yours level=\"2\">text</x:yours>\n    <lane id=\"l1\"" },
  { NULL, NULL }
};
static void
check_foreign_both (SocDocument *m, GPtrArray *c)
{
  g_autofree char *text = soc_test_serialize (m);

  g_assert_nonnull (strstr (text, "x:a=\"1\" x:ours=\"o\" x:theirs=\"t\""));
  g_assert_nonnull (strstr (text, "<x:mine/>"));
  g_assert_nonnull (strstr (text, "<x:yours level=\"2\">text</x:yours>"));
  g_assert_nonnull (strstr (text, "<x:note>Kept by the merge</x:note>"));
  g_assert_cmpuint (c->len, ==, 0);
}

static const Replace ours_foreign_value[] = { { "x:a=\"1\"", "x:a=\"2\"" }, { NULL, NULL } };
static const Replace theirs_foreign_value[] = { { "x:a=\"1\"", "x:a=\"3\"" }, { NULL, NULL } };
static void
check_foreign_conflict (SocDocument *m, GPtrArray *c)
{
  SocMergeConflict *k = find_conflict (c, SOC_MERGE_CONFLICT_FIELD, "goal", "g1", "{urn:example:x}a");
  g_autofree char *text = soc_test_serialize (m);

  g_assert_cmpstr (k->ours, ==, "2");
  g_assert_cmpstr (k->theirs, ==, "3");
  g_assert_nonnull (strstr (text, "x:a=\"2\""));
}

/* A newer minor version: elements and attributes of our namespace that
 * this version does not know, added on both sides. */
static const Replace ours_newer[] = {
  { "version=\"1.0\">", "version=\"1.3\">" },
  { "<goal id=\"g2\" kind=\"business-objective\" status=\"on-track\"", "<goal id=\"g2\" kind=\"business-objective\" status=\"at-risk\" weight=\"3\"" },
  { NULL, NULL }
};
static const Replace theirs_newer[] = {
  { "version=\"1.0\">", "version=\"1.2\">" },
  { "  </roadmap>", "    <budget currency=\"EUR\" total=\"120000\"/>\n  </roadmap>" },
  { NULL, NULL }
};
static void
check_newer_version (SocDocument *m, GPtrArray *c)
{
  g_autofree char *text = soc_test_serialize (m);

  g_assert_cmpuint (soc_document_get_format_minor (m), ==, 3);
  assert_field (m, "g2", "status", "at-risk");
  g_assert_nonnull (strstr (text, "weight=\"3\""));
  g_assert_nonnull (strstr (text, "<budget currency=\"EUR\" total=\"120000\"/>"));
  g_assert_cmpuint (c->len, ==, 0);
}

/* A plan without a uid gets one when each side saves it: not a conflict. */
static const Replace ours_uid[] = {
  { "<plan horizon-start", "<plan uid=\"0f6e1d4a-ours\" horizon-start" }, { NULL, NULL }
};
static const Replace theirs_uid[] = {
  { "<plan horizon-start", "<plan uid=\"7c2b9e11-theirs\" horizon-start" }, { NULL, NULL }
};
static void
check_uid (SocDocument *m, GPtrArray *c)
{
  assert_field (m, NULL, "uid", "0f6e1d4a-ours");
  g_assert_cmpuint (c->len, ==, 0);
}

static const Scenario scenarios[] = {
  { "text-fields", ours_title, theirs_description, NULL, NULL, check_text_fields },
  { "enum-conflict", ours_status, theirs_status, NULL, NULL, check_enum_conflict },
  { "same-change", both_progress, both_progress, NULL, NULL, check_same_change },
  { "int-conflict", ours_load, theirs_load, NULL, NULL, check_int_conflict },
  { "numbers-and-unit", ours_target, theirs_current, NULL, NULL, check_numbers },
  { "dates", ours_end, theirs_start, NULL, NULL, check_dates },
  { "dates-rule", ours_late_start, theirs_early_end, NULL, NULL, check_dates_rule },
  { "milestone-end", ours_milestone, ours_end, NULL, NULL, check_milestone },
  { "flags", ours_topics, theirs_roles, NULL, NULL, check_flags },
  { "flags-conflict", ours_topics, theirs_topics, NULL, NULL, check_flags_conflict },
  { "colour-conflict", ours_colour, theirs_colour, NULL, NULL, check_colour },
  { "reference-conflict", ours_owner, theirs_owner, NULL, NULL, check_ref_conflict },
  { "reference-list-union", ours_serves, theirs_serves, NULL, NULL, check_reflist },
  { "reference-list-remove", ours_unserve, theirs_serve_more, NULL, NULL, check_reflist_remove },
  { "add-add-id-collision", ours_add_goal, theirs_add_goal_and_item, NULL, NULL, check_add_add },
  { "add-add-same", both_add_judgement, both_add_judgement, NULL, NULL, check_add_same },
  { "judgement-conflict", ours_judge, theirs_judge, NULL, NULL, check_judgement },
  { "add-to-deleted-by-theirs", ours_add_to_l2, theirs_delete_l2, NULL, NULL, check_add_to_deleted_theirs },
  { "add-to-deleted-by-ours", ours_delete_l2, theirs_add_to_l2, NULL, NULL, check_add_to_deleted_ours },
  { "delete-change", ours_delete_s3, theirs_stance_s3, NULL, NULL, check_delete_change },
  { "change-delete", ours_current_g4, theirs_delete_g4, NULL, NULL, check_change_delete },
  { "delete-delete", delete_i4, delete_i4, NULL, NULL, check_delete_both },
  { "new-reference-to-deleted", ours_delete_s3, theirs_owner_s3, NULL, NULL, check_new_reference_to_deleted },
  { "reorder-only", ours_progress, theirs_i3_first, NULL, NULL, check_reorder_only },
  { "reorder-different-objects", ours_i4_first, theirs_i3_first, NULL, NULL, check_reorder_different },
  { "reorder-same-object", ours_i4_first, theirs_i4_second, NULL, NULL, check_reorder_same },
  { "goal-moves", ours_g5_first, theirs_g4_up, NULL, NULL, check_goal_moves },
  { "goal-cycle", ours_g2_under_g5, theirs_g5_under_g3, NULL, NULL, check_goal_cycle },
  { "dependency-cycle", ours_i1_after_i3, theirs_i3_after_i2, NULL, NULL, check_dependency_cycle },
  { "relationship-rule", ours_r1_to_s3, theirs_r1_from_s3, NULL, NULL, check_relationship_rule },
  { "horizon-rule", ours_horizon_start, theirs_horizon_end, NULL, NULL, check_horizon_rule },
  { "foreign-both-sides", NULL, NULL, ours_foreign, theirs_foreign, check_foreign_both },
  { "foreign-conflict", NULL, NULL, ours_foreign_value, theirs_foreign_value, check_foreign_conflict },
  { "newer-version-both-sides", NULL, NULL, ours_newer, theirs_newer, check_newer_version },
  { "plan-identity-both-sides", NULL, NULL, ours_uid, theirs_uid, check_uid },
};

/* ------------------------------------------------------------------------ */
/* Running a scenario                                                       */

static char *
base_text (void)
{
  g_autofree char *path = soc_test_fixture_path ("merge-base.socplan");
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* One side: the base edited in its text, or through the edits, then read
 * back from its bytes as a merge driver would get it. */
static SocDocument *
make_side (void         (*edit) (SocDocument *doc),
           const Replace *replace)
{
  g_autofree char *text = base_text ();
  g_autoptr(SocDocument) doc = NULL;
  g_autofree char *bytes = NULL;

  for (guint i = 0; replace != NULL && replace[i].from != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (text, replace[i].from, 2);

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      g_free (text);
      text = g_strconcat (parts[0], replace[i].to, parts[1], NULL);
    }
  doc = soc_test_load_string (text);
  if (edit != NULL)
    edit (doc);
  bytes = soc_test_serialize (doc);
  return soc_test_load_string (bytes);
}

static char *
merged_bytes (SocDocument *base,
              SocDocument *ours,
              SocDocument *theirs,
              GHashTable  *choices,
              GPtrArray  **conflicts_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(SocDocument) merged = soc_merge_documents (base, ours, theirs, choices, &conflicts);
  g_autoptr(GBytes) bytes = soc_merge_write (merged, conflicts, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  if (conflicts_out != NULL)
    *conflicts_out = g_steal_pointer (&conflicts);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_scenario (gconstpointer data)
{
  const Scenario *s = data;
  g_autofree char *text = base_text ();
  g_autoptr(SocDocument) base = soc_test_load_string (text);
  g_autoptr(SocDocument) ours = make_side (s->ours, s->ours_text);
  g_autoptr(SocDocument) theirs = make_side (s->theirs, s->theirs_text);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(SocDocument) merged = soc_merge_documents (base, ours, theirs, NULL, &conflicts);
  g_autoptr(GError) error = NULL;

  s->check (merged, conflicts);
  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *line = soc_merge_conflict_describe (g_ptr_array_index (conflicts, i));
      g_test_message ("conflict: %s", line);
    }

  /* The merged plan passes the reader, and its record reads back. */
  {
    g_autoptr(GBytes) bytes = soc_merge_write (merged, conflicts, &error);
    g_autoptr(SocDocument) reread = NULL;
    g_autoptr(GPtrArray) recorded = NULL;
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    reread = soc_document_load_from_bytes (bytes, "merged", NULL, &error);
    g_assert_no_error (error);
    recorded = soc_merge_read_conflicts (reread);
    g_assert_cmpuint (recorded->len, ==, count_open (conflicts));
    for (guint i = 0; i < recorded->len; i++)
      {
        g_autofree char *a = soc_merge_conflict_describe (g_ptr_array_index (recorded, i));
        g_autofree char *b = soc_merge_conflict_describe (g_ptr_array_index (conflicts, i));
        g_assert_cmpstr (a, ==, b);
      }
    again = soc_test_serialize (reread);
    g_assert_cmpmem (again, strlen (again), g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }

  /* Taking ours apart instead of copying it gives the same plan. */
  {
    g_autofree char *copied = merged_bytes (base, ours, theirs, NULL, NULL);
    g_autofree char *ours_text = soc_test_serialize (ours);
    SocDocument *taken = soc_test_load_string (ours_text);
    g_autoptr(GPtrArray) taken_conflicts = NULL;
    g_autoptr(SocDocument) result = soc_merge_documents_full (base, taken, theirs, NULL,
                                                              SOC_MERGE_FLAGS_TAKE_OURS, &taken_conflicts);
    g_autoptr(GBytes) bytes = NULL;

    g_object_unref (taken);
    bytes = soc_merge_write (result, taken_conflicts, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), copied, strlen (copied));
  }

  /* One side merged with an unchanged other side is that side, exactly. */
  {
    g_autofree char *ours_text = soc_test_serialize (ours);
    g_autofree char *theirs_text = soc_test_serialize (theirs);
    g_autofree char *only_ours = merged_bytes (base, ours, base, NULL, NULL);
    g_autofree char *only_theirs = merged_bytes (base, base, theirs, NULL, NULL);

    g_assert_cmpstr (only_ours, ==, ours_text);
    g_assert_cmpstr (only_theirs, ==, theirs_text);
  }

  /* Their side chosen for every conflict gives a plan that passes too, and
   * each choice is taken. */
  if (conflicts->len > 0)
    {
      g_autoptr(GHashTable) choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) second = NULL;
      g_autofree char *bytes = NULL;

      for (guint i = 0; i < conflicts->len; i++)
        g_hash_table_insert (choices, soc_merge_conflict_key (g_ptr_array_index (conflicts, i)),
                             GINT_TO_POINTER (SOC_MERGE_THEIRS + 1));
      bytes = merged_bytes (base, ours, theirs, choices, &second);
      for (guint i = 0; i < second->len; i++)
        {
          SocMergeConflict *c = g_ptr_array_index (second, i);
          g_autofree char *key = soc_merge_conflict_key (c);

          if (g_hash_table_contains (choices, key))
            {
              g_assert_true (c->chosen);
              g_assert_cmpint (c->resolution, ==, SOC_MERGE_THEIRS);
            }
        }
    }
}

/* Choosing theirs takes their value, and the record is gone. */
static void
test_choose_theirs (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(SocDocument) base = soc_test_load_string (text);
  g_autoptr(SocDocument) ours = make_side (ours_status, NULL);
  g_autoptr(SocDocument) theirs = make_side (theirs_status, NULL);
  g_autoptr(GHashTable) choices = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(SocDocument) merged = NULL;
  g_autofree char *bytes = NULL;

  g_hash_table_insert (choices, (gpointer) "goal:g3:status", GINT_TO_POINTER (SOC_MERGE_THEIRS + 1));
  merged = soc_merge_documents (base, ours, theirs, choices, &conflicts);
  assert_field (merged, "g3", "status", "off-track");
  g_assert_cmpuint (count_open (conflicts), ==, 0);
  bytes = merged_bytes (base, ours, theirs, choices, NULL);
  g_assert_null (strstr (bytes, "merge:conflict"));
}

static void
count_change (guint *n)
{
  (*n)++;
}

/* The merged plan goes into the open document as one undo step, with the
 * file version it matches, and undoing it brings back ours and its etag. */
static void
test_replace_one_step (void)
{
  g_autofree char *text = base_text ();
  g_autoptr(SocDocument) base = soc_test_load_string (text);
  g_autoptr(SocDocument) ours = make_side (ours_add_goal, NULL);
  g_autoptr(SocDocument) theirs = make_side (theirs_add_goal_and_item, NULL);
  g_autoptr(GBytes) theirs_bytes = NULL;
  g_autofree char *merged_text = merged_bytes (base, ours, theirs, NULL, NULL);
  g_autoptr(SocDocument) merged = soc_test_load_string (merged_text);
  g_autofree char *ours_text = soc_test_serialize (ours);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/plan.socplan");
  guint changes = 0, item_changes = 0;
  SocHistory *history = soc_document_get_history (ours);

  theirs_bytes = g_bytes_new (merged_text, strlen (merged_text));
  soc_document_adopt_file (ours, file, "ours-etag");
  g_signal_connect_swapped (ours, "changed", G_CALLBACK (count_change), &changes);
  g_signal_connect_swapped (soc_document_get_items (ours), "items-changed", G_CALLBACK (count_change), &item_changes);

  g_assert_true (soc_edit_replace (ours, merged, "theirs-etag", theirs_bytes, "Merge", &error));
  g_assert_no_error (error);
  {
    g_autofree char *now = soc_test_serialize (ours);
    g_assert_cmpstr (now, ==, merged_text);
  }
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (item_changes, ==, 1);
  g_assert_cmpstr (soc_document_get_etag (ours), ==, "theirs-etag");
  g_assert_true (soc_document_get_base (ours) == theirs_bytes);
  g_assert_true (soc_document_get_modified (ours));
  g_assert_cmpstr (soc_history_get_undo_label (history), ==, "Merge");
  assert_field (ours, "g7", "title", "Theirs: hear our customers");
  assert_field (ours, "i5", "serves", "g7");

  g_assert_true (soc_document_undo (ours));
  {
    g_autofree char *now = soc_test_serialize (ours);
    g_assert_cmpstr (now, ==, ours_text);
  }
  g_assert_cmpstr (soc_document_get_etag (ours), ==, "ours-etag");
  g_assert_null (soc_document_get_base (ours));
  g_assert_null (soc_document_lookup (ours, "g7"));

  g_assert_true (soc_document_redo (ours));
  {
    g_autofree char *now = soc_test_serialize (ours);
    g_assert_cmpstr (now, ==, merged_text);
  }
  /* Edits go on from there, with fresh ids. */
  {
    g_autoptr(SocLane) lane = soc_lane_new (SOC_LANE_KIND_OTHER);
    g_assert_nonnull (soc_edit_add (ours, SOC_OBJECT (lane), NULL, 0, &error));
    g_assert_cmpstr (soc_object_get_id (SOC_OBJECT (lane)), ==, "l3");
  }
  g_signal_handlers_disconnect_by_data (soc_document_get_items (ours), &item_changes);
  g_signal_handlers_disconnect_by_data (ours, &changes);
}

/* A merge of a plan with itself is the plan, and the example survives it. */
static void
test_identity (void)
{
  g_autofree char *path = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (path);
  g_autofree char *text = soc_test_serialize (doc);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *merged = merged_bytes (doc, doc, doc, NULL, &conflicts);
  g_autoptr(GPtrArray) changes = soc_diff_documents (doc, doc);

  g_assert_cmpstr (merged, ==, text);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (changes->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autofree char *name = g_strdup_printf ("/merge/scenario/%s", scenarios[i].name);
      g_test_add_data_func (name, &scenarios[i], test_scenario);
    }
  g_test_add_func ("/merge/choose-theirs", test_choose_theirs);
  g_test_add_func ("/merge/identity", test_identity);
  g_test_add_func ("/merge/replace-one-step", test_replace_one_step);

  return g_test_run ();
}
