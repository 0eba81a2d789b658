/* bench-merge.c: a three-way merge of large plans, next to loading one
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-merge [--runs N] [--percent P] [--save DIR] FILE
 *
 * Makes two versions of FILE, each changing P % of its objects (default 1)
 * the way people do in the app, through soc_edit_*: fields of every kind,
 * new goals and items (whose new ids collide between the two sides),
 * deletions, and moves; the two sides pick their objects independently, so
 * some changes meet and conflict. Then it times, as medians of N runs
 * (default 5): loading FILE; the merge in memory (taking ours over, as
 * `socplan-cli merge` does); and the merge with its output serialized and
 * read back, which is what `socplan-cli merge` does between reading its
 * inputs and writing OUT. The floor (issue 15): the merge at most 3x the
 * load.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "soc-edit.h"
#include "soc-merge.h"

static SocDocument *
load (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  SocDocument *doc = soc_document_load_from_bytes (bytes, "bench", NULL, &error);

  if (doc == NULL)
    g_error ("%s", error->message);
  return doc;
}

static GPtrArray *
all_goals (SocDocument *doc)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  GListModel *roots = soc_document_get_goals (doc);

  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    g_ptr_array_add (stack, g_list_model_get_item (roots, i));
  while (stack->len > 0)
    {
      SocGoal *goal = g_ptr_array_steal_index_fast (stack, stack->len - 1);
      GListModel *children = soc_goal_get_children (goal);

      g_ptr_array_add (out, goal);
      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        g_ptr_array_add (stack, g_list_model_get_item (children, i));
    }
  return out;
}

static gpointer
pick (GRand      *rand,
      GListModel *list)
{
  return g_list_model_get_item (list, g_rand_int_range (rand, 0, (gint32) g_list_model_get_n_items (list)));
}

static void
must (gboolean  ok,
      GError   *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "edit refused");
}

/* Changes PERCENT % of DOC's objects, as SEED picks them. */
static void
change (SocDocument *doc,
        double       percent,
        guint32      seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) goals = all_goals (doc);
  GListModel *items = soc_document_get_items (doc);
  GListModel *stakeholders = soc_document_get_stakeholders (doc);
  GListModel *lanes = soc_document_get_lanes (doc);
  guint total = goals->len + g_list_model_get_n_items (items) + g_list_model_get_n_items (stakeholders);
  guint n = (guint) (total * percent / 100.0);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  static const char *const statuses[] = { "planned", "on-track", "at-risk", "off-track", "achieved" };

  for (guint k = 0; k < n; k++)
    {
      GError *error = NULL;
      guint what = k % 20;

      if (what < 6)
        {
          SocGoal *goal = g_ptr_array_index (goals, g_rand_int_range (rand, 0, (gint32) goals->len));
          g_auto(GValue) v = G_VALUE_INIT;
          GEnumClass *klass = g_type_class_ref (g_type_from_name ("SocGoalStatus"));

          g_value_init (&v, G_TYPE_FROM_CLASS (klass));
          g_value_set_enum (&v, g_enum_get_value_by_nick (klass, statuses[g_rand_int_range (rand, 0, 5)])->value);
          must (soc_edit_set (doc, SOC_OBJECT (goal), "status", &v, &error), error);
          g_type_class_unref (klass);
        }
      else if (what < 10)
        {
          g_autoptr(SocItem) item = pick (rand, items);
          must (soc_edit_set_int (doc, SOC_OBJECT (item), "progress", g_rand_int_range (rand, 0, 101), &error), error);
        }
      else if (what < 12)
        {
          g_autoptr(SocItem) item = pick (rand, items);
          g_autofree char *title = g_strdup_printf ("Renamed %u", g_rand_int (rand));
          must (soc_edit_set_string (doc, SOC_OBJECT (item), "title", title, &error), error);
        }
      else if (what < 14)
        {
          g_autoptr(SocStakeholder) s = pick (rand, stakeholders);
          must (soc_edit_set_int (doc, SOC_OBJECT (s), "influence", g_rand_int_range (rand, 0, 101), &error), error);
        }
      else if (what < 16)
        {
          SocGoal *parent = g_ptr_array_index (goals, g_rand_int_range (rand, 0, (gint32) goals->len));
          g_autoptr(SocGoal) goal = soc_goal_new (SOC_GOAL_KIND_INITIATIVE);

          g_object_set (goal, "title", "A new initiative", NULL);
          must (soc_edit_add (doc, SOC_OBJECT (goal), parent, 0, &error) != NULL, error);
        }
      else if (what < 17)
        {
          g_autoptr(SocLane) lane = pick (rand, lanes);
          g_autoptr(SocItem) item = soc_item_new (SOC_ITEM_KIND_ACTIVITY);

          g_object_set (item, "title", "A new activity", "lane", lane, NULL);
          must (soc_edit_add (doc, SOC_OBJECT (item), NULL, g_list_model_get_n_items (items), &error) != NULL, error);
        }
      else if (what < 19)
        {
          SocItem *item = pick (rand, items);
          if (!g_ptr_array_find (doomed, item, NULL))
            g_ptr_array_add (doomed, item);
          else
            g_object_unref (item);
        }
      else
        {
          g_autoptr(SocItem) item = pick (rand, items);
          must (soc_edit_move (doc, SOC_OBJECT (item), g_rand_int_range (rand, 0, (gint32) g_list_model_get_n_items (items)), &error), error);
        }
      g_clear_error (&error);
    }

  {
    GError *error = NULL;
    must (soc_edit_delete (doc, (SocObject *const *) doomed->pdata, doomed->len, &error), error);
  }
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof (double), compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  int runs = 5;
  double percent = 1.0;
  g_autofree char *save = NULL;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs to take the median of (default 5)", "N" },
    { "percent", 0, 0, G_OPTION_ARG_DOUBLE, &percent, "Share of objects each side changes (default 1)", "P" },
    { "save", 0, 0, G_OPTION_ARG_FILENAME, &save, "Also write ours.socplan and theirs.socplan to DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) base_bytes = NULL;
  g_autoptr(GBytes) ours_bytes = NULL;
  g_autoptr(GBytes) theirs_bytes = NULL;
  g_autoptr(SocDocument) base = NULL;
  g_autoptr(SocDocument) ours = NULL;
  g_autoptr(SocDocument) theirs = NULL;
  g_autofree double *load_ms = NULL;
  g_autofree double *merge_ms = NULL;
  g_autofree double *write_ms = NULL;
  guint conflicts = 0, objects;
  double lm, mm, wm;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("usage: bench-merge [--runs N] [--percent P] [--save DIR] FILE\n");
      return 2;
    }
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);
    base_bytes = g_file_load_bytes (file, NULL, NULL, &error);
    if (base_bytes == NULL)
      g_error ("%s", error->message);
  }

  /* The two sides, as files would give them. */
  base = load (base_bytes);
  ours = load (base_bytes);
  theirs = load (base_bytes);
  change (ours, percent, 11);
  change (theirs, percent, 23);
  ours_bytes = soc_document_serialize (ours, &error);
  theirs_bytes = soc_document_serialize (theirs, &error);
  g_clear_object (&ours);
  g_clear_object (&theirs);
  ours = load (ours_bytes);
  theirs = load (theirs_bytes);
  if (save != NULL)
    {
      g_autofree char *o = g_build_filename (save, "ours.socplan", NULL);
      g_autofree char *t = g_build_filename (save, "theirs.socplan", NULL);

      if (!g_file_set_contents (o, g_bytes_get_data (ours_bytes, NULL), g_bytes_get_size (ours_bytes), &error) ||
          !g_file_set_contents (t, g_bytes_get_data (theirs_bytes, NULL), g_bytes_get_size (theirs_bytes), &error))
        g_error ("%s", error->message);
    }
  objects = soc_document_get_n_goals (base) +
            g_list_model_get_n_items (soc_document_get_items (base)) +
            g_list_model_get_n_items (soc_document_get_stakeholders (base)) +
            g_list_model_get_n_items (soc_document_get_relationships (base));

  load_ms = g_new (double, runs);
  merge_ms = g_new (double, runs);
  write_ms = g_new (double, runs);
  g_clear_object (&ours);
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(SocDocument) loaded = NULL;
      g_autoptr(SocDocument) merged = NULL;
      g_autoptr(GPtrArray) list = NULL;
      g_autoptr(GBytes) out = NULL;
      double t0, t1, t2, t3;

      /* As socplan-cli merge does: ours, read for the merge, is taken over. */
      ours = load (ours_bytes);
      t0 = now_ms ();
      loaded = load (base_bytes);
      t1 = now_ms ();
      merged = soc_merge_documents_full (base, ours, theirs, NULL, SOC_MERGE_FLAGS_TAKE_OURS, &list);
      t2 = now_ms ();
      g_clear_object (&ours);
      t3 = now_ms ();
      out = soc_merge_write (merged, list, &error);
      t3 = t2 + (now_ms () - t3);
      if (out == NULL)
        g_error ("%s", error->message);
      load_ms[i] = t1 - t0;
      merge_ms[i] = t2 - t1;
      write_ms[i] = t3 - t1;
      conflicts = list->len;
    }
  lm = median (load_ms, runs);
  mm = median (merge_ms, runs);
  wm = median (write_ms, runs);

  g_print ("%-24s %9s %9s %9s %7s %14s %9s\n", "file", "objects", "load ms", "merge ms", "merge/l",
           "merge+write ms", "+write/l");
  g_print ("%-24s %9s %9s %9s %7s %14s %9s\n", "(floor)", "", "", "", "", "", "<=3.0");
  g_print ("%-24s %9u %9.1f %9.1f %7.2f %14.1f %9.2f\n", g_path_get_basename (argv[1]), objects,
           lm, mm, mm / lm, wm, wm / lm);
  g_print ("%-24s (each side changes %.1f %% of the objects; %u conflicts; medians of %d runs)\n",
           "", percent, conflicts, runs);
  return 0;
}
