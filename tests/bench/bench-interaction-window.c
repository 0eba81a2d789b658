/* bench-interaction-window.c: the actions of issue 16 in a real window, under Xvfb
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each action is timed as the main thread's CPU time from the action until
 * the window rests again (layout and painting included), and as the longest
 * single block of the main loop meanwhile: what a key pressed then waits for.
 * Each starts from a window at rest (quiet()), the pointer off it.
 * The plans are copied aside first: saving never touches the originals.
 *
 * Two baseline rows come first: the main loop left alone for as long as an
 * action is followed, and one frame of the whole window drawn again; what
 * an action costs beyond them is its own.
 *
 * To profile one action, set SOC_BENCH_PROFILE to a part of its name and
 * run under `perf record -D -1 --control fifo:CTL,ACK` with
 * SOC_BENCH_PERF_CTL=CTL and SOC_BENCH_PERF_ACK=ACK: perf then records
 * only while that action and what follows it run. With SOC_BENCH_ONLY set
 * to a part of a name, only the actions it names are timed.
 */

#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#ifdef BENCH_HAVE_X11
#include <gdk/x11/gdkx.h>
#endif

#include "bench-interaction.h"
#include "soc-application.h"
#include "soc-checklist-monitor.h"
#include "soc-edit.h"
#include "soc-table-view.h"
#include "soc-window-private.h"

typedef struct
{
  double busy;      /* ms the main loop spent dispatching */
  double longest;   /* the longest single dispatch */
} Busy;

/* Runs the main loop for MS, adding what it dispatched to BUSY: the main
 * thread's CPU time, which a busy machine does not inflate. */
static void
run_for (double  ms,
         Busy   *busy)
{
  double end = bench_now_ms () + ms;

  while (bench_now_ms () < end)
    {
      double t0 = bench_cpu_ms ();

      if (g_main_context_iteration (NULL, FALSE))
        {
          double spent = bench_cpu_ms () - t0;

          busy->busy += spent;
          busy->longest = MAX (busy->longest, spent);
        }
      else
        g_usleep (200);
    }
}

typedef void (*WindowFunc) (SocWindow *window, gpointer data);

/* The action being timed, for SOC_BENCH_PROFILE. */
static const char *current_action;

/* Tells perf (see the top of the file) to record or to stop. */
static void
perf_control (const char *command)
{
  const char *ctl = g_getenv ("SOC_BENCH_PERF_CTL");
  const char *ack = g_getenv ("SOC_BENCH_PERF_ACK");
  const char *profile = g_getenv ("SOC_BENCH_PROFILE");
  char reply[16] = { 0 };
  FILE *f;

  static int depth;

  if (ctl == NULL || profile == NULL || current_action == NULL || strstr (current_action, profile) == NULL)
    return;
  /* Nested: only the outermost pair counts. */
  depth += g_str_equal (command, "enable") ? 1 : -1;
  if (depth != (g_str_equal (command, "enable") ? 1 : 0))
    return;
  if ((f = fopen (ctl, "w")) != NULL)
    {
      fprintf (f, "%s\n", command);
      fclose (f);
    }
  if (ack != NULL && (f = fopen (ack, "r")) != NULL)
    {
      if (fgets (reply, sizeof reply, f) == NULL)
        reply[0] = 0;
      fclose (f);
    }
}

static void quiet (SocWindow *window,
                   gboolean   keep_toast);

/* Whether the action NAME is to be timed (SOC_BENCH_ONLY, at the top). */
static gboolean
wanted (const char *name)
{
  const char *only = g_getenv ("SOC_BENCH_ONLY");

  return only == NULL || strstr (name, only) != NULL;
}

/* FUNC's own time, then what the main loop does in response for SETTLE ms.
 * With KEEP_TOAST, the toast of the step before stays (an undo). */
static Busy
measure (SocWindow  *window,
         WindowFunc  func,
         gpointer    data,
         double      settle,
         gboolean    keep_toast)
{
  Busy busy = { 0 };
  double t0;

  quiet (window, keep_toast);
  perf_control ("enable");
  t0 = bench_cpu_ms ();
  func (window, data);
  busy.busy = busy.longest = bench_cpu_ms () - t0;
  run_for (settle, &busy);
  perf_control ("disable");
  return busy;
}

static void
do_nothing (SocWindow *window,
            gpointer   data)
{
}

/* The widget after W in TOP's tree, depth first, without recursion: down,
 * else across, else up and across; NULL after the last. */
static GtkWidget *
next_in_tree (GtkWidget *w,
              GtkWidget *top)
{
  if (gtk_widget_get_first_child (w) != NULL)
    return gtk_widget_get_first_child (w);
  while (w != NULL && w != top && gtk_widget_get_next_sibling (w) == NULL)
    w = gtk_widget_get_parent (w);
  return w == NULL || w == top ? NULL : gtk_widget_get_next_sibling (w);
}

/* Every widget drawn again: a frame that nothing can take from a cache. */
static void
redraw_all (SocWindow *window,
            gpointer   data)
{
  for (GtkWidget *w = GTK_WIDGET (window); w != NULL; w = next_in_tree (w, GTK_WIDGET (window)))
    gtk_widget_queue_draw (w);
}

/* What a draft's job does besides its snapshot: a few strings, a date, a
 * key file; microseconds when run twice in a row. Run as every action is,
 * after the window rested, it says what any action pays first on the
 * machine the benchmark runs on (caches and memory gone cold while the
 * window waited): on some virtual machines, milliseconds. */
static void
small_job (SocWindow *window,
           gpointer   data)
{
  SocDocument *doc = soc_window_get_document (window);
  GFile *file = soc_document_get_file (doc);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *modified = g_date_time_format_iso8601 (now);
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;

  g_key_file_set_string (info, "Draft", "modified", modified);
  if (uri != NULL)
    g_key_file_set_string (info, "Draft", "file", uri);
  g_free (g_key_file_to_data (info, NULL, NULL));
}

static void
activate (SocWindow *window,
          gpointer   data)
{
  gtk_widget_activate_action (GTK_WIDGET (window), data, NULL);
}

static void
show_object (SocWindow *window,
             gpointer   data)
{
  soc_window_show_object (window, data);
}

static void
set_start (SocWindow *window,
           gpointer   data)
{
  bench_edit_start_date (soc_window_get_document (window), data);
}

/* A key press as the focused widget sees it: the first shortcut or key
 * handler on the way up from the focus that takes KEYVAL. GTK 4 cannot
 * synthesize input; this is what its key dispatch does after hit-testing. */
static gboolean
press_key (GtkWidget *focus,
           guint      keyval)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

          if (GTK_IS_SHORTCUT_CONTROLLER (c))
            for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (c)); k++)
              {
                g_autoptr(GtkShortcut) s = g_list_model_get_item (G_LIST_MODEL (c), k);
                GtkShortcutTrigger *t = gtk_shortcut_get_trigger (s);

                if (GTK_IS_KEYVAL_TRIGGER (t) &&
                    gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (t)) == keyval &&
                    gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (t)) == 0 &&
                    gtk_shortcut_action_activate (gtk_shortcut_get_action (s), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                  w, gtk_shortcut_get_arguments (s)))
                  return TRUE;
              }
          else if (GTK_IS_EVENT_CONTROLLER_KEY (c))
            {
              gboolean handled = FALSE;

              g_signal_emit_by_name (c, "key-pressed", keyval, 0, 0, &handled);
              if (handled)
                return TRUE;
            }
        }
    }
  return FALSE;
}

static void
press_down (SocWindow *window,
            gpointer   data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  *(gboolean *) data = focus != NULL && press_key (focus, GDK_KEY_Down);
}

static SocApplication *app;

static void
iterate (double ms)
{
  Busy ignored = { 0 };

  run_for (ms, &ignored);
}

#define QUIET_MS 200

/* Runs the main loop until it has had nothing to do for QUIET_MS, for at
 * most MAX_MS. */
static void
rest (double max_ms)
{
  double start = bench_now_ms ();
  Busy slice;

  do
    {
      slice = (Busy) { 0 };
      run_for (QUIET_MS, &slice);
    }
  while (slice.busy > 0 && bench_now_ms () - start < max_ms);
}

/* Before a step is timed, what earlier steps set going is over: a toast
 * left by an earlier action is dismissed unless KEEP_TOAST (it would go
 * whenever its time ran out), and the main loop runs until it has had
 * nothing to do for a while (a list scrolled while showing the object to
 * start from shows its scrollbar, which fades in for a second). At most
 * two seconds. */
static void
quiet (SocWindow *window,
       gboolean   keep_toast)
{
  AdwToast *toast = _soc_window_get_toast (window, NULL);

  if (toast != NULL && !keep_toast)
    adw_toast_dismiss (toast);
  rest (2000);
}

/* The pointer off the window, in a corner of the screen: resting on a
 * cell whose text is cut, it would open that cell's tooltip whenever the
 * main loop had been quiet for a moment, in the middle of some action's
 * timed window. GTK 4 cannot move the pointer; under Xvfb, X can. */
static void
pointer_away (void)
{
#ifdef BENCH_HAVE_X11
  GdkDisplay *display = gdk_display_get_default ();

  if (GDK_IS_X11_DISPLAY (display))
    {
      Display *x = gdk_x11_display_get_xdisplay (display);
      Screen *screen = DefaultScreenOfDisplay (x);

      XWarpPointer (x, None, RootWindowOfScreen (screen), 0, 0, 0, 0,
                    WidthOfScreen (screen) - 1, HeightOfScreen (screen) - 1);
      XFlush (x);
    }
#endif
}

static SocWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *window = NULL;
  double deadline = bench_now_ms () + 120000;

  soc_application_open_file (app, file, NULL);
  while (window == NULL && bench_now_ms () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      window = soc_application_find_window (app, file);
    }
  if (window == NULL)
    return NULL;
  gtk_window_set_default_size (window, 1280, 900);
  gtk_window_present (window);
  pointer_away ();
  iterate (500);
  /* The plan warms up in idle time (soc-document-warm.c): the first
   * action would share the main loop with it. */
  rest (120000);
  return SOC_WINDOW (window);
}

static void
close_window (SocWindow *window)
{
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (200);
}

typedef struct
{
  SocWindow *window;
  guint      column;
  int        runs;
} Win;

static void
put_busy (const char *action,
          const char *goal,
          guint       column,
          GArray     *busy,
          GArray     *longest)
{
  g_autofree char *b = bench_format_ms (bench_median (busy));
  g_autofree char *l = bench_format_ms (bench_median (longest));
  g_autofree char *cell = g_strdup_printf ("%s/%s", b, l);

  bench_put (action, goal, column, cell);
}

static void
count_changed (SocDocument *doc,
               guint       *count)
{
  (*count)++;
}

/* Selects SELECT, then times FUNC and its undo through the window. */
static void
time_window_edit (Win        *win,
                  const char *name,
                  SocObject  *select,
                  WindowFunc  func,
                  gpointer    data)
{
  SocDocument *doc = soc_window_get_document (win->window);
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) longest = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ubusy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ulongest = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *undo_name = g_strdup_printf ("%s: undo", name);
  guint changed = 0;
  gulong handler;

  if (!wanted (name))
    return;
  handler = g_signal_connect (doc, "changed", G_CALLBACK (count_changed), &changed);
  current_action = name;

  for (int r = 0; r < win->runs; r++)
    {
      Busy b, u;

      soc_window_show_object (win->window, select);
      changed = 0;
      b = measure (win->window, func, data, 120, FALSE);
      if (changed == 0)
        {
          g_printerr ("bench-interaction: %s changed nothing\n", name);
          break;
        }
      current_action = undo_name;
      u = measure (win->window, activate, (gpointer) "win.undo", 120, TRUE);
      current_action = name;
      iterate (200);
      g_array_append_val (busy, b.busy);
      g_array_append_val (longest, b.longest);
      g_array_append_val (ubusy, u.busy);
      g_array_append_val (ulongest, u.longest);
      if (b.busy + u.busy > BENCH_SLOW_RUN_MS)
        break;
    }
  g_signal_handler_disconnect (doc, handler);
  put_busy (name, "< 100", win->column, busy, longest);
  put_busy (undo_name, "< 100", win->column, ubusy, ulongest);
}

/* The first table shown in the visible view, in the order of its widgets. */
static GtkWidget *
shown_table (SocWindow *window)
{
  GtkWidget *view = GTK_WIDGET (_soc_window_get_visible_view (window));

  for (GtkWidget *w = view; w != NULL; w = next_in_tree (w, view))
    if (SOC_IS_TABLE_VIEW (w) && gtk_widget_get_mapped (w))
      return w;
  return NULL;
}

/* A key held down repeats this often (GNOME's default: 30 a second). */
#define REPEAT_MS 33.0

/* STEPS presses of Down, one every REPEAT_MS as a key held down sends
 * them (at once after the one before if that took longer, as queued
 * events are read), then what follows for 120 ms. The time is per step;
 * the longest block is the longest of all. *PRESSED says whether every
 * press was taken. */
static Busy
measure_downs (SocWindow *window,
               int        steps,
               gboolean  *pressed)
{
  Busy busy = { 0 };
  double start;

  quiet (window, FALSE);
  perf_control ("enable");
  start = bench_now_ms ();
  *pressed = TRUE;
  for (int k = 0; k < steps; k++)
    {
      double t0, spent, wait;
      gboolean one = FALSE;

      wait = start + k * REPEAT_MS - bench_now_ms ();
      if (wait > 0)
        run_for (wait, &busy);
      t0 = bench_cpu_ms ();
      press_down (window, &one);
      spent = bench_cpu_ms () - t0;
      busy.busy += spent;
      busy.longest = MAX (busy.longest, spent);
      *pressed = *pressed && one;
    }
  run_for (120, &busy);
  perf_control ("disable");
  busy.busy /= steps;
  return busy;
}

/* Down from FIRST, selected: in the view's table (IN_TABLE), on its row as
 * after a click on it; else in the view's picture, where showing an object
 * leaves the keyboard. STEPS Downs in a row, as a key held down sends
 * them, or one. */
static void
time_down (Win        *win,
           const char *name,
           SocObject  *first,
           gboolean    in_table,
           int         steps)
{
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) longest = g_array_new (FALSE, FALSE, sizeof (double));

  if (!wanted (name))
    return;
  current_action = name;
  for (int r = 0; r < win->runs; r++)
    {
      gboolean pressed = FALSE;
      SocObject *before;
      GtkWidget *table, *focus;
      Busy b;

      soc_window_show_object (win->window, first);
      iterate (400);
      table = shown_table (win->window);
      if (in_table && table != NULL)
        gtk_widget_grab_focus (table);  /* the selected row */
      focus = gtk_root_get_focus (GTK_ROOT (win->window));
      if (table == NULL || focus == NULL ||
          (in_table != (focus == table || gtk_widget_is_ancestor (focus, table))))
        {
          g_printerr ("bench-interaction: the keyboard is not where %s needs it\n", name);
          bench_put (name, "< 16", win->column, "n/a");
          return;
        }
      before = soc_window_get_selected (win->window);
      b = measure_downs (win->window, steps, &pressed);
      if (!pressed || soc_window_get_selected (win->window) == before)
        {
          g_printerr ("bench-interaction: Down did not move the selection in %s\n", name);
          bench_put (name, "< 16", win->column, "n/a");
          return;
        }
      g_array_append_val (busy, b.busy);
      g_array_append_val (longest, b.longest);
    }
  put_busy (name, "< 16", win->column, busy, longest);
}

static void
time_select (Win        *win,
             const char *name,
             const char *goal,
             SocObject  *object,
             SocObject  *away)
{
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) longest = g_array_new (FALSE, FALSE, sizeof (double));

  if (!wanted (name))
    return;
  current_action = name;
  for (int r = 0; r < win->runs; r++)
    {
      Busy b;

      soc_window_show_object (win->window, away);
      b = measure (win->window, show_object, object, 120, FALSE);
      g_array_append_val (busy, b.busy);
      g_array_append_val (longest, b.longest);
      if (b.busy > BENCH_SLOW_RUN_MS)
        break;
    }
  put_busy (name, goal, win->column, busy, longest);
}

/* Ctrl+S after an edit, until the plan is saved. */
static void
time_window_save (Win *win)
{
  const char *name = "save (Ctrl+S until saved)";
  SocDocument *doc = soc_window_get_document (win->window);
  SocPlan *plan = soc_document_get_plan (doc);
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) longest = g_array_new (FALSE, FALSE, sizeof (double));

  if (!wanted (name))
    return;
  for (int r = 0; r < win->runs; r++)
    {
      g_autofree char *title = g_strdup_printf ("Saved %d", r);
      Busy b = { 0 };
      double t0, deadline;

      quiet (win->window, FALSE);
      soc_edit_set_string (doc, SOC_OBJECT (plan), "title", title, NULL);
      iterate (300);
      current_action = "save";
      perf_control ("enable");
      t0 = bench_cpu_ms ();
      gtk_widget_activate_action (GTK_WIDGET (win->window), "win.save", NULL);
      b.busy = b.longest = bench_cpu_ms () - t0;
      deadline = bench_now_ms () + 60000;
      while (soc_document_get_modified (doc) && bench_now_ms () < deadline)
        run_for (5, &b);
      run_for (100, &b);
      perf_control ("disable");
      g_array_append_val (busy, b.busy);
      g_array_append_val (longest, b.longest);
    }
  put_busy (name, "< 16", win->column, busy, longest);
}

/* A draft written a second after an edit. */
static void
time_window_draft (Win *win)
{
  const char *name = "draft written after an edit";
  SocDocument *doc = soc_window_get_document (win->window);
  SocPlan *plan = soc_document_get_plan (doc);
  SocDraftStore *store = soc_application_get_draft_store (app);
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) longest = g_array_new (FALSE, FALSE, sizeof (double));

  if (store == NULL || !wanted (name))
    return;
  for (int r = 0; r < win->runs; r++)
    {
      g_autofree char *title = g_strdup_printf ("Draft %d", r);
      Busy b = { 0 };

      quiet (win->window, FALSE);
      soc_draft_store_set_delay (store, 1);
      soc_edit_set_string (doc, SOC_OBJECT (plan), "title", title, NULL);
      iterate (400);
      current_action = "draft";
      perf_control ("enable");
      run_for (1600, &b);
      perf_control ("disable");
      soc_draft_store_set_delay (store, 3600);
      soc_document_undo (doc);
      iterate (300);
      g_array_append_val (busy, b.busy);
      g_array_append_val (longest, b.longest);
    }
  put_busy (name, "< 16", win->column, busy, longest);
}

typedef struct
{
  SocFactorState state;
} Override;

static void
set_override (SocWindow *window,
              gpointer   data)
{
  Override *o = data;

  soc_edit_set_override (soc_window_get_document (window), SOC_FACTOR_STAFFING, o->state, "Benchmark", NULL);
}

/* The panel following a judgement that changes a factor: a judgement made
 * on the plan's own time, as after any edit (the delay set short), from the
 * edit until the panel shows the new result. */
static void
time_window_checklist (Win *win)
{
  const char *name = "success-factor panel, a result changes";
  SocDocument *doc = soc_window_get_document (win->window);
  SocChecklistMonitor *monitor = soc_checklist_panel_get_monitor (win->window->checklist);
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) longest = g_array_new (FALSE, FALSE, sizeof (double));

  if (!wanted (name))
    return;
  current_action = "checklist";
  soc_checklist_monitor_set_delay (monitor, 1);
  for (int r = 0; r < win->runs; r++)
    {
      Override o = { r % 2 ? SOC_FACTOR_STATE_MET : SOC_FACTOR_STATE_NOT_MET };
      double deadline;
      Busy b;

      quiet (win->window, FALSE);   /* before perf records, as in measure() */
      perf_control ("enable");
      b = measure (win->window, set_override, &o, 50, FALSE);
      deadline = bench_now_ms () + 10000;
      while (soc_checklist_monitor_get_pending (monitor) && bench_now_ms () < deadline)
        run_for (5, &b);
      run_for (100, &b);
      perf_control ("disable");
      soc_document_undo (doc);
      iterate (300);
      soc_checklist_monitor_update_now (monitor);
      iterate (200);
      g_array_append_val (busy, b.busy);
      g_array_append_val (longest, b.longest);
    }
  soc_checklist_monitor_set_delay (monitor, 60000);
  put_busy (name, "< 16", win->column, busy, longest);
}

/* What every action pays before its own work: the main loop left alone for
 * as long as an action is followed, and the window painted again. */
static void
time_baseline (Win *win)
{
  static const struct {
    const char *name;
    WindowFunc  func;
  } baselines[] = {
    { "baseline: nothing happens", do_nothing },
    { "baseline: every widget painted again", redraw_all },
    { "baseline: a small job after a rest", small_job },
  };

  for (guint i = 0; i < G_N_ELEMENTS (baselines); i++)
    {
      g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) longest = g_array_new (FALSE, FALSE, sizeof (double));

      if (!wanted (baselines[i].name))
        continue;
      current_action = baselines[i].name;
      iterate (1000);
      for (int r = 0; r < win->runs; r++)
        {
          Busy b;

          b = measure (win->window, baselines[i].func, NULL, 120, FALSE);
          g_array_append_val (busy, b.busy);
          g_array_append_val (longest, b.longest);
        }
      put_busy (baselines[i].name, "", win->column, busy, longest);
    }
}

double
bench_rss_mib (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return -1;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static void
time_window_plan (const char *path,
                  int         runs)
{
  SocWindow *window = open_window (path);
  SocDocument *doc;
  SocChecklistMonitor *monitor;
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(SocItem) first_item = NULL;
  g_autoptr(SocStakeholder) first_stakeholder = NULL;
  g_autoptr(SocStakeholder) other_stakeholder = NULL;
  g_autoptr(SocGoal) first_goal = NULL;
  SocStakeholder *target;
  SocItem *item;
  guint related;
  Win win;

  if (window == NULL)
    {
      g_printerr ("bench-interaction: %s did not open\n", path);
      return;
    }
  doc = soc_window_get_document (window);
  win.window = window;
  win.column = bench_add_column (path, doc);
  win.runs = runs;

  /* Nothing else runs meanwhile: no draft, no delayed judgement. */
  soc_draft_store_set_delay (soc_application_get_draft_store (app), 3600);
  monitor = soc_checklist_panel_get_monitor (window->checklist);
  soc_checklist_monitor_set_delay (monitor, 60000);

  target = bench_most_related (doc, &related);
  item = bench_middle_activity (doc);
  roots = bench_root_goals (doc);
  first_goal = g_list_model_get_item (soc_document_get_goals (doc), 0);
  first_item = g_list_model_get_item (soc_document_get_items (doc), 0);
  first_stakeholder = g_list_model_get_item (soc_document_get_stakeholders (doc), 0);

  time_baseline (&win);
  time_down (&win, "select a row with Down: goals", SOC_OBJECT (first_goal), TRUE, 1);
  time_down (&win, "select a row with Down: roadmap", SOC_OBJECT (first_item), TRUE, 1);
  time_down (&win, "select a row with Down: stakeholders", SOC_OBJECT (first_stakeholder), TRUE, 1);
  time_down (&win, "the next with Down in the goal tree", SOC_OBJECT (first_goal), FALSE, 1);
  time_down (&win, "the next with Down in the timeline", SOC_OBJECT (first_item), FALSE, 1);
  time_down (&win, "the next with Down in the map", SOC_OBJECT (first_stakeholder), FALSE, 1);
  /* Ten steps at the keyboard's repeat rate: what each costs. */
  time_down (&win, "Down held in the timeline, a step", SOC_OBJECT (first_item), FALSE, 10);
  time_down (&win, "Down held in the map, a step", SOC_OBJECT (first_stakeholder), FALSE, 10);
  time_down (&win, "Down held in the roadmap table, a step", SOC_OBJECT (first_item), TRUE, 10);
  /* From another stakeholder, in the view it is shown in: a selection. */
  other_stakeholder = g_list_model_get_item (soc_document_get_stakeholders (doc),
                                             SOC_OBJECT (first_stakeholder) == SOC_OBJECT (target) ? 1 : 0);
  time_select (&win, "select the most related stakeholder", "< 16", SOC_OBJECT (target),
               SOC_OBJECT (other_stakeholder));
  /* From a goal: the view switched to as well, built as it is shown. */
  time_select (&win, "the same, from the goal view", "(info)", SOC_OBJECT (target), SOC_OBJECT (first_goal));
  time_window_edit (&win, "delete the most related stakeholder", SOC_OBJECT (target), activate, (gpointer) "win.delete");
  time_window_edit (&win, roots->len == 1 ? "delete the whole goal tree" : "delete the first goal tree",
                    g_ptr_array_index (roots, 0),
                    activate, (gpointer) "win.delete");
  time_window_edit (&win, "add a roadmap item", SOC_OBJECT (item), activate, (gpointer) "win.add-sibling");
  time_window_edit (&win, "change an item's start date", SOC_OBJECT (item), set_start, item);
  time_window_save (&win);
  time_window_draft (&win);
  time_window_checklist (&win);

  close_window (window);
}

/* Opens PATH in the application's own process, started afresh: the time
 * from the launch to an idle window showing the plan, as the user waits
 * for it (loading the libraries, and on GLib before 2.76 the start again
 * that turns GLib's slices off, included); *IN_APP gets the part the
 * application itself reports, from its start. */
static double
time_to_idle (const char *socplan,
              const char *path,
              double     *in_app)
{
  g_autofree char *data_home = g_dir_make_tmp ("bench-interaction-XXXXXX", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autoptr(GError) error = NULL;
  double ms = -1;
  char *line;

  double launched;

  *in_app = -1;
  g_subprocess_launcher_setenv (launcher, "SOC_TIME_TO_IDLE", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  launched = bench_now_ms ();
  process = g_subprocess_launcher_spawn (launcher, &error, socplan, path, NULL);   /* PATH NULL: no plan */
  if (process == NULL)
    {
      g_printerr ("bench-interaction: %s\n", error->message);
      return -1;
    }
  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));
  while ((line = g_data_input_stream_read_line (err, NULL, NULL, NULL)) != NULL)
    {
      const char *found = strstr (line, " shown after ");

      if (found != NULL)
        {
          ms = bench_now_ms () - launched;
          *in_app = g_ascii_strtod (found + strlen (" shown after "), NULL);
        }
      g_free (line);
      if (found != NULL)
        break;
    }
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, NULL);
  {
    const char *argv[] = { "rm", "-rf", data_home, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return ms;
}

/* Warnings (GTK's about markup, for one) are counted, not printed between
 * the figures; the first of them is shown with the count at the end. */
static guint n_warnings;
static char *first_warning;

static GLogWriterOutput
count_warnings (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (!(level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)))
    return g_log_writer_default (level, fields, n_fields, user_data);
  if (n_warnings++ == 0)
    for (gsize i = 0; i < n_fields; i++)
      if (g_str_equal (fields[i].key, "MESSAGE"))
        first_warning = g_strndup (fields[i].value, fields[i].length < 0 ? 300 : MIN (fields[i].length, 300));
  return G_LOG_WRITER_HANDLED;
}

static void
start_application (void)
{
  g_log_set_writer_func (count_warnings, NULL, NULL);
  /* As g_application_run() would: the recent files name who added them. */
  g_set_prgname ("socplan");
  gtk_init ();
  adw_init ();

  app = soc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_set_application_id (G_APPLICATION (app), "io.github.socplan.Socplan.Bench");
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_hold (G_APPLICATION (app));
}

static void
stop_application (void)
{
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

/* A copy of PATH in DIR, for saving to. */
static char *
copy_aside (const char *path,
            const char *dir)
{
  g_autofree char *base = g_path_get_basename (path);
  char *copy = g_build_filename (dir, base, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL) ||
      !g_file_set_contents (copy, contents, (gssize) len, NULL))
    g_printerr ("bench-interaction: cannot copy %s\n", path);
  return copy;
}

/* In a process of its own: the memory a closed window of PATH leaves. */
int
bench_run_memory (const char *path,
                  const char *warm_up)
{
  g_autofree char *data_home = g_dir_make_tmp ("bench-interaction-XXXXXX", NULL);
  SocWindow *window;
  gpointer doc;
  double before, open, after;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  start_application ();

  /* GTK's own caches (fonts, icons, styles) are filled by a first window. */
  window = open_window (warm_up);
  if (window != NULL)
    close_window (window);
  iterate (500);

  before = bench_rss_mib ();
  window = open_window (path);
  if (window == NULL)
    return 1;
  iterate (1000);
  open = bench_rss_mib ();
  doc = soc_window_get_document (window);
  g_object_add_weak_pointer (doc, &doc);
  close_window (window);
  iterate (2000);
  after = bench_rss_mib ();
  g_print ("%.0f %.0f %.0f %d\n", before, open, after, doc == NULL);

  stop_application ();
  remove_tree (data_home);
  return 0;
}

static void
print_memory (const char *self,
              const char *path,
              const char *warm_up)
{
  g_autofree char *out = NULL;
  g_autofree char *base = g_path_get_basename (path);
  double before, open, after;
  int finalized;
  const char *argv[] = { self, "--memory", path, warm_up, NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, NULL, NULL) ||
      out == NULL || sscanf (out, "%lf %lf %lf %d", &before, &open, &after, &finalized) != 4)
    {
      g_print ("(the memory could not be measured)\n");
      return;
    }
  g_print ("%-40s %.0f MiB before, %.0f open, %.0f after closing: %+.0f MiB kept   goal: returns\n",
           base, before, open, after, after - before);
  if (!finalized)
    g_print ("%-40s (the document was not finalized: something still holds it)\n", "");
}

int
bench_run_window (const char  *self,
                  int          runs,
                  gboolean     animations,
                  const char  *socplan,
                  GPtrArray   *open_files,
                  char       **files,
                  int          n_files)
{
  g_autofree char *data_home = g_dir_make_tmp ("bench-interaction-XXXXXX", NULL);
  g_autofree char *plans = g_build_filename (data_home, "plans", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_mkdir_with_parents (plans, 0700);
  start_application ();
  if (!animations)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  for (int f = 0; f < n_files; f++)
    {
      g_autofree char *copy = copy_aside (files[f], plans);

      time_window_plan (copy, runs);
    }
  bench_print_table (animations ? "== Interaction in the window (issue 16): main-thread CPU ms in all / in the longest block, medians"
                                : "== The same with GTK's animations off (information): main-thread CPU ms in all / in the longest block, medians");
  stop_application ();

  if (socplan != NULL && open_files->len > 0)
    {
      g_print ("\n== Open to an idle window (the application launched afresh; median of %d)\n", runs);
      for (guint f = 0; f < open_files->len; f++)
        {
          g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) app_times = g_array_new (FALSE, FALSE, sizeof (double));
          g_autofree char *base = g_path_get_basename (g_ptr_array_index (open_files, f));
          g_autofree char *cell = NULL;
          g_autofree char *app_cell = NULL;

          for (int r = 0; r < runs; r++)
            {
              double in_app;
              double ms = time_to_idle (socplan, g_ptr_array_index (open_files, f), &in_app);

              if (ms >= 0)
                {
                  g_array_append_val (times, ms);
                  g_array_append_val (app_times, in_app);
                }
            }
          cell = bench_format_ms (bench_median (times));
          app_cell = bench_format_ms (bench_median (app_times));
          g_print ("%-40s %10s ms   goal < 300   (from the launch; %s ms from the application's start)\n",
                   base, cell, app_cell);
        }
      /* The toolkit's own floor on this machine, beside them. */
      {
        g_autofree char *dir = g_path_get_dirname (self);
        g_autofree char *bare = g_build_filename (dir, "bench-bare-window", NULL);
        g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
        g_autofree char *cell = NULL;

        if (g_file_test (bare, G_FILE_TEST_IS_EXECUTABLE))
          {
            for (int r = 0; r < runs; r++)
              {
                double in_app;
                double ms = time_to_idle (bare, NULL, &in_app);

                if (ms >= 0)
                  g_array_append_val (times, ms);
              }
            cell = bench_format_ms (bench_median (times));
            g_print ("%-40s %10s ms   (information: an empty libadwaita window, from the launch)\n",
                     "baseline: no plan, no Socplan", cell);
          }
      }
    }

  /* Animations change nothing of what a closed plan leaves. */
  if (n_files > 0 && animations)
    {
      g_print ("\n== Memory after closing a plan's window (RSS in a fresh process)\n");
      print_memory (self, files[n_files - 1], open_files->len > 0 ? g_ptr_array_index (open_files, 0) : files[0]);
    }

  if (n_warnings > 0)
    g_print ("\n(%u warnings during the run; the first: %s)\n", n_warnings, first_warning);
  remove_tree (data_home);
  return 0;
}
