/* test-ical.c: the roadmap as a calendar, and the plan's uid it relies on
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exported bytes are read back with libical (soc_ical_read_events) and
 * looked at as bytes for what RFC 5545 says of lines: CRLF, folding,
 * escaping.
 */

#include "config.h"

#include "soc-date.h"
#include "soc-edit.h"
#include "soc-ical.h"
#include "soc-test-util.h"

#define SMALL_UID "2f1c7e0a-5b8d-4e6f-9a3b-1c2d3e4f5a6b"

static guint
day (const char *text)
{
  guint date = SOC_DATE_NONE;

  g_assert_true (soc_date_parse (text, strlen (text), &date));
  return date;
}

static GDateTime *
stamp (void)
{
  return g_date_time_new_utc (2026, 11, 30, 9, 15, 0);
}

static GBytes *
export (SocDocument *doc,
        guint        from,
        guint        to,
        guint        expected)
{
  g_autoptr(GDateTime) when = stamp ();
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;
  GBytes *bytes = soc_ical_export_roadmap (doc, from, to, when, &n, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (n, ==, expected);
  return bytes;
}

static GPtrArray *
read_back (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = soc_ical_read_events (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  return events;
}

static SocIcalEvent *
find_event (GPtrArray  *events,
            const char *uid)
{
  for (guint i = 0; i < events->len; i++)
    {
      SocIcalEvent *e = g_ptr_array_index (events, i);
      if (g_str_equal (e->uid, uid))
        return e;
    }
  return NULL;
}

static char *
bytes_text (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* One all-day event per milestone and dated activity, titled by the item,
 * DTEND the day after the last day. */
static void
test_events (void)
{
  g_autoptr(SocDocument) doc = soc_test_load_fixture ("small.socplan");
  g_autoptr(GBytes) bytes = export (doc, SOC_DATE_NONE, SOC_DATE_NONE, 2);
  g_autoptr(GPtrArray) events = read_back (bytes);
  g_autofree char *text = bytes_text (bytes);
  SocIcalEvent *activity, *milestone;

  g_assert_cmpuint (events->len, ==, 2);
  activity = find_event (events, SMALL_UID ".i1@socplan.github.io");
  milestone = find_event (events, SMALL_UID ".i2@socplan.github.io");
  g_assert_nonnull (activity);
  g_assert_nonnull (milestone);

  g_assert_cmpstr (activity->summary, ==, "Leadership briefings on the social business case");
  g_assert_true (activity->all_day);
  g_assert_true (activity->has_dtstamp);
  g_assert_cmpuint (activity->start, ==, day ("2026-02-02"));
  g_assert_cmpuint (activity->end, ==, day ("2026-03-28"));   /* last day 2026-03-27 */
  g_assert_null (activity->description);

  g_assert_cmpstr (milestone->summary, ==, "Strategy approved by the board");
  g_assert_true (milestone->all_day);
  g_assert_cmpuint (milestone->start, ==, day ("2026-04-01"));
  g_assert_cmpuint (milestone->end, ==, day ("2026-04-02"));

  /* As RFC 5545 spells them. */
  g_assert_nonnull (strstr (text, "\r\nDTSTART;VALUE=DATE:20260202\r\nDTEND;VALUE=DATE:20260328\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTSTAMP:20261130T091500Z\r\n"));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Socplan//Socplan "));
  g_assert_true (g_str_has_suffix (text, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "\r\nX-WR-CALNAME:Connected Northwind\r\n"));
  g_assert_nonnull (strstr (text, "\r\nTRANSP:TRANSPARENT\r\n"));
}

/* The example: every milestone and dated activity, none other. */
static void
test_example (void)
{
  g_autofree char *path = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (path);
  GListModel *items = soc_document_get_items (doc);
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) events = NULL;
  guint expected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SocItem) item = g_list_model_get_item (items, i);

      if (soc_item_get_start (item) != SOC_DATE_NONE)
        expected++;
    }
  g_assert_cmpuint (expected, >, 30);

  bytes = export (doc, SOC_DATE_NONE, SOC_DATE_NONE, expected);
  events = read_back (bytes);
  g_assert_cmpuint (events->len, ==, expected);

  for (guint i = 0, e = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SocItem) item = g_list_model_get_item (items, i);
      g_autofree char *uid = NULL;
      SocIcalEvent *event;
      guint last;

      if (soc_item_get_start (item) == SOC_DATE_NONE)
        continue;
      event = g_ptr_array_index (events, e++);
      uid = soc_ical_item_uid (doc, item);
      g_assert_cmpstr (event->uid, ==, uid);
      g_assert_true (g_hash_table_add (uids, event->uid));
      g_assert_cmpstr (event->summary, ==, soc_item_get_title (item));
      last = soc_item_get_kind (item) == SOC_ITEM_KIND_MILESTONE ? soc_item_get_start (item) : soc_item_get_end (item);
      g_assert_cmpuint (event->start, ==, soc_item_get_start (item));
      g_assert_cmpuint (event->end, ==, last + 1);
    }
}

/* UIDs stay when an item is renamed or moved and when others are added. */
static void
test_uids_stable (void)
{
  g_autoptr(SocDocument) doc = soc_test_load_fixture ("small.socplan");
  g_autoptr(GBytes) before = export (doc, SOC_DATE_NONE, SOC_DATE_NONE, 2);
  g_autoptr(GPtrArray) first = read_back (before);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(SocItem) added = soc_item_new (SOC_ITEM_KIND_MILESTONE);
  g_autoptr(GError) error = NULL;
  SocObject *i1 = soc_document_lookup (doc, "i1");
  SocObject *i2 = soc_document_lookup (doc, "i2");
  SocIcalEvent *renamed, *moved, *new_one = NULL;

  g_assert_true (soc_edit_set_string (doc, i1, "title", "Briefings, renamed", &error));
  g_assert_true (soc_edit_set_dates (doc, i2, day ("2026-05-15"), SOC_DATE_NONE, NULL, &error));
  g_object_set (added, "lane", soc_document_lookup (doc, "l1"), "start", day ("2026-01-05"),
                "title", "Kick-off", NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (added), NULL, 0, &error));
  g_assert_no_error (error);

  after = export (doc, SOC_DATE_NONE, SOC_DATE_NONE, 3);
  second = read_back (after);

  renamed = find_event (second, ((SocIcalEvent *) g_ptr_array_index (first, 0))->uid);
  moved = find_event (second, ((SocIcalEvent *) g_ptr_array_index (first, 1))->uid);
  g_assert_nonnull (renamed);
  g_assert_nonnull (moved);
  g_assert_cmpstr (renamed->summary, ==, "Briefings, renamed");
  g_assert_cmpuint (moved->start, ==, day ("2026-05-15"));
  g_assert_cmpuint (moved->end, ==, day ("2026-05-16"));

  for (guint i = 0; i < second->len; i++)
    {
      SocIcalEvent *e = g_ptr_array_index (second, i);
      if (e != renamed && e != moved)
        new_one = e;
    }
  g_assert_nonnull (new_one);
  g_assert_cmpstr (new_one->summary, ==, "Kick-off");
  g_assert_true (g_str_has_prefix (new_one->uid, SMALL_UID "."));
  g_assert_cmpstr (new_one->uid, !=, renamed->uid);
  g_assert_cmpstr (new_one->uid, !=, moved->uid);

  /* And the export itself is the same bytes each time for the same plan. */
  {
    g_autoptr(GBytes) again = export (doc, SOC_DATE_NONE, SOC_DATE_NONE, 3);
    g_assert_true (g_bytes_equal (again, after));
  }
}

/* Two plans with the same items never share a UID in one calendar. */
static void
test_two_plans (void)
{
  g_autofree char *path = soc_test_fixture_path ("small.socplan");
  g_autofree char *contents = NULL;
  g_autoptr(SocDocument) a = NULL;
  g_autoptr(SocDocument) b = NULL;
  g_autoptr(GBytes) ba = NULL;
  g_autoptr(GBytes) bb = NULL;
  g_autoptr(GPtrArray) ea = NULL;
  g_autoptr(GPtrArray) eb = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  a = soc_test_load_string (contents);
  {
    /* A second plan that is a copy but for its uid. */
    g_autofree char *other = NULL;
    g_auto(GStrv) parts = g_strsplit (contents, SMALL_UID, 2);

    other = g_strjoinv ("7d444840-9dc0-11d1-b245-5ffdce74fad2", parts);
    b = soc_test_load_string (other);
  }

  ba = export (a, SOC_DATE_NONE, SOC_DATE_NONE, 2);
  bb = export (b, SOC_DATE_NONE, SOC_DATE_NONE, 2);
  ea = read_back (ba);
  eb = read_back (bb);
  for (guint i = 0; i < ea->len; i++)
    g_assert_null (find_event (eb, ((SocIcalEvent *) g_ptr_array_index (ea, i))->uid));

  /* Two new plans get different uids. */
  {
    g_autoptr(SocDocument) n1 = soc_document_new ();
    g_autoptr(SocDocument) n2 = soc_document_new ();

    g_assert_nonnull (soc_plan_get_uid (soc_document_get_plan (n1)));
    g_assert_cmpstr (soc_plan_get_uid (soc_document_get_plan (n1)), !=,
                     soc_plan_get_uid (soc_document_get_plan (n2)));
  }
}

static SocItem *
add_item (SocDocument *doc,
          SocItemKind  kind,
          const char  *title,
          guint        start,
          guint        end)
{
  g_autoptr(SocItem) item = soc_item_new (kind);
  g_autoptr(GError) error = NULL;

  g_object_set (item, "lane", soc_document_lookup (doc, "l1"), "title", title,
                "start", start, "end", end, NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (item), NULL, G_MAXUINT, &error));
  g_assert_no_error (error);
  return item;
}

/* Lines: CRLF, folded at 75 octets without cutting a character, and text
 * escaped as RFC 5545 3.3.11 says. */
static void
test_lines_and_escaping (void)
{
  g_autoptr(SocDocument) doc = soc_test_load_fixture ("small.socplan");
  const char *tricky = "Budget, scope; review \\ sign-off\nsecond line";
  const char *long_title = "Ærøskøbing workshop: å ø æ ü ö ä ß é è ê — “quoted” — 東京 and 🙂 "
                           "repeated Ærøskøbing workshop: å ø æ ü ö ä ß é è ê — 東京 and 🙂 once more";
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean folded = FALSE;
  g_autoptr(GError) error = NULL;

  add_item (doc, SOC_ITEM_KIND_MILESTONE, tricky, day ("2026-06-01"), SOC_DATE_NONE);
  add_item (doc, SOC_ITEM_KIND_ACTIVITY, long_title, day ("2026-06-01"), day ("2026-06-30"));
  add_item (doc, SOC_ITEM_KIND_MILESTONE, "Carriage\r\nreturn and\rlone", day ("2026-07-01"), SOC_DATE_NONE);
  g_assert_true (soc_edit_set_string (doc, soc_document_lookup (doc, "i1"), "notes", "Notes; with, all\\ of it\nand more", &error));
  g_assert_no_error (error);

  bytes = export (doc, SOC_DATE_NONE, SOC_DATE_NONE, 5);
  text = bytes_text (bytes);

  /* Every line ends in CRLF; no bare LF or CR anywhere. */
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_assert_true (p > text && p[-1] == '\r');
      if (*p == '\r')
        g_assert_true (p[1] == '\n');
    }

  /* No line over 75 octets, each whole UTF-8. */
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      folded = folded || lines[i][0] == ' ';
    }
  g_assert_true (folded);

  /* Escaped on the wire... */
  g_assert_nonnull (strstr (text, "SUMMARY:Budget\\, scope\\; review \\\\ sign-off\\nsecond line\r\n"));
  g_assert_nonnull (strstr (text, "DESCRIPTION:Notes\\; with\\, all\\\\ of it\\nand more\r\n"));

  /* ...and the same text read back. */
  events = read_back (bytes);
  g_assert_cmpstr (((SocIcalEvent *) g_ptr_array_index (events, 0))->description, ==, "Notes; with, all\\ of it\nand more");
  g_assert_cmpstr (((SocIcalEvent *) g_ptr_array_index (events, 2))->summary, ==, tricky);
  g_assert_cmpstr (((SocIcalEvent *) g_ptr_array_index (events, 3))->summary, ==, long_title);
  g_assert_cmpstr (((SocIcalEvent *) g_ptr_array_index (events, 4))->summary, ==, "Carriage\nreturn and\nlone");
}

/* Undated items are left out; --from and --to keep what touches the range. */
static void
test_dates (void)
{
  g_autoptr(SocDocument) doc = soc_test_load_fixture ("small.socplan");
  g_autoptr(SocItem) undated = soc_item_new (SOC_ITEM_KIND_ACTIVITY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) all = NULL;
  g_autoptr(GBytes) march = NULL;
  g_autoptr(GBytes) april = NULL;
  g_autoptr(GBytes) later = NULL;
  g_autoptr(GBytes) last_day = NULL;
  g_autoptr(GPtrArray) events = NULL;

  g_object_set (undated, "lane", soc_document_lookup (doc, "l1"), "title", "Someday", NULL);
  g_assert_nonnull (soc_edit_add (doc, SOC_OBJECT (undated), NULL, G_MAXUINT, &error));
  g_assert_no_error (error);
  add_item (doc, SOC_ITEM_KIND_ACTIVITY, "On the last day there is", day ("2199-12-31"), day ("2199-12-31"));

  all = export (doc, SOC_DATE_NONE, SOC_DATE_NONE, 3);
  march = export (doc, day ("2026-03-01"), day ("2026-03-31"), 1);
  april = export (doc, day ("2026-03-27"), day ("2026-04-01"), 2);
  later = export (doc, day ("2026-04-02"), SOC_DATE_NONE, 1);

  /* An end after 2199: DTEND is 2200-01-01. */
  last_day = export (doc, day ("2199-01-01"), SOC_DATE_NONE, 1);
  events = read_back (last_day);
  g_assert_cmpuint (((SocIcalEvent *) g_ptr_array_index (events, 0))->end, ==, day ("2199-12-31") + 1);
}

/* A plan without a uid: names from its title, with the same rules. */
static void
test_plan_without_uid (void)
{
  g_autofree char *path = soc_test_example_path ();
  g_autoptr(SocDocument) doc = soc_test_load_path (path);
  g_autoptr(SocDocument) renamed = soc_test_load_path (path);
  gboolean derived = FALSE;
  g_autofree char *key = soc_ical_plan_key (doc, &derived);
  g_autofree char *again = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (derived);
  g_assert_cmpuint (strlen (key), ==, 32);
  again = soc_ical_plan_key (renamed, NULL);
  g_assert_cmpstr (again, ==, key);
  g_assert_true (soc_edit_set_string (renamed, SOC_OBJECT (soc_document_get_plan (renamed)), "title", "Another", &error));
  other = soc_ical_plan_key (renamed, &derived);
  g_assert_true (derived);
  g_assert_cmpstr (other, !=, key);
}

/* ------------------------------------------------------------------------ */
/* The plan's uid                                                           */

/* Reading a plan without a uid never gives it one; an edited plan gets one
 * when it is saved, and keeps it. */
static void
test_uid_lifecycle (void)
{
  g_autofree char *example = soc_test_example_path ();
  g_autofree char *dir = soc_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.socplan", NULL);
  g_autofree char *original = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;

  g_assert_true (g_file_get_contents (example, &original, NULL, NULL));
  g_assert_null (strstr (original, " uid=\""));
  g_assert_true (g_file_set_contents (path, original, -1, NULL));

  {
    g_autoptr(SocDocument) doc = soc_test_load_path (path);
    g_autofree char *bytes = soc_test_serialize (doc);

    g_assert_null (soc_plan_get_uid (soc_document_get_plan (doc)));
    g_assert_cmpstr (bytes, ==, original);

    /* Saved unedited (as convert does): still none. */
    g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
    g_assert_no_error (error);
    g_assert_null (soc_plan_get_uid (soc_document_get_plan (doc)));
    g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
    g_assert_cmpstr (on_disk, ==, original);
    g_clear_pointer (&on_disk, g_free);

    /* Edited and saved: one, written. */
    g_assert_true (soc_edit_set_string (doc, soc_document_lookup (doc, "s1"), "department", "Board", &error));
    g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
    g_assert_no_error (error);
    uid = g_strdup (soc_plan_get_uid (soc_document_get_plan (doc)));
    g_assert_nonnull (uid);
    g_assert_cmpuint (strlen (uid), ==, 36);
    g_assert_false (soc_document_get_modified (doc));
    /* Not an undo step of its own. */
    g_assert_cmpstr (soc_history_get_undo_label (soc_document_get_history (doc)), ==,
                     "Change the department of “Maria Lindqvist”");
  }
  {
    g_autoptr(SocDocument) doc = soc_test_load_path (path);
    g_autofree char *key = soc_ical_plan_key (doc, NULL);

    g_assert_cmpstr (soc_plan_get_uid (soc_document_get_plan (doc)), ==, uid);
    g_assert_cmpstr (key, ==, uid);

    /* Edited again: the same uid. */
    g_assert_true (soc_edit_set_string (doc, soc_document_lookup (doc, "s1"), "department", "The board", &error));
    g_assert_true (soc_document_save (doc, NULL, SOC_SAVE_FLAGS_NONE, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (soc_plan_get_uid (soc_document_get_plan (doc)), ==, uid);

    /* Never set by an edit. */
    g_assert_false (soc_edit_set_string (doc, SOC_OBJECT (soc_document_get_plan (doc)), "uid", "other", &error));
    g_assert_error (error, SOC_EDIT_ERROR, SOC_EDIT_ERROR_INVALID);
  }

  soc_test_rm_rf (dir);
}

static void
test_uid_refused (void)
{
  static const char *const bad[] = {
    "has space", "dot.in.it", "", "under_score",
    "12345678901234567890123456789012345678901234567890123456789012345",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<socplan xmlns=\"https://socplan.github.io/ns/socplan\" version=\"1.0\">\n"
        "  <plan uid=\"%s\"/>\n"
        "</socplan>\n", bad[i]);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(SocDocument) doc = soc_document_load_from_bytes (bytes, "bad.socplan", NULL, &error);

      g_assert_null (doc);
      g_assert_error (error, SOC_FORMAT_ERROR, SOC_FORMAT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "bad.socplan:3:9: error: "));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/events", test_events);
  g_test_add_func ("/ical/example", test_example);
  g_test_add_func ("/ical/uids-stable", test_uids_stable);
  g_test_add_func ("/ical/two-plans", test_two_plans);
  g_test_add_func ("/ical/lines-and-escaping", test_lines_and_escaping);
  g_test_add_func ("/ical/dates", test_dates);
  g_test_add_func ("/ical/plan-without-uid", test_plan_without_uid);
  g_test_add_func ("/plan-uid/lifecycle", test_uid_lifecycle);
  g_test_add_func ("/plan-uid/refused", test_uid_refused);

  return g_test_run ();
}
