/* bench-render.c: what laying out and painting a view costs
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-render FILE... [--view roadmap|goals|stakeholders] [--width W]
 *                        [--height H] [--frames N] [--zoom PX] [--left-right]
 *                        [--png OUT.png]
 *
 * For each FILE: loads it (load-ms), lays out the view five times
 * (layout-ms: the median; the work after a load or a zoom change), then
 * paints N frames (default 50) of one W x H viewport in the middle of the
 * plan into an image surface (frame-ms: the median; first-frame-ms: the
 * first, with no label shaped yet). A frame is the painter's whole work for
 * the viewport: content, state and chrome, as after a scroll. A plan with
 * more items is denser, so each later file's roadmap viewport is the one
 * nearest the middle that shows about as many bars as the first file's
 * middle does (the middle's count is printed beside it): the frames then
 * compare as much to paint in plans of different sizes, which is what
 * culling is for.
 *
 * With several files, their frames are painted in turn, one of each per
 * round, so that a busy machine slows them alike, and each file's frame
 * and layout are given as a ratio to the first file's: the ratios the
 * issues set floors for are measured in one run. With --png, the last
 * frame of the first file is written to OUT.png, to look at.
 *
 * --view goals measures the goal tree instead (top-down, or left to right
 * with --left-right), its whole tree laid out with every card's title
 * measured, and also gives each file's layout time as a ratio to the
 * previous file's. The files are all loaded first and laid out in turn,
 * one layout of each per round for nine rounds, as the frames are painted,
 * and each layout is timed twice: on the clock (layout-ms) and in the
 * processor time of the thread (layout-cpu-ms), which a busy machine's
 * other work does not add to (the ratios between files are taken of
 * both). A tree is not alike all over (a viewport may catch a crowded
 * level or an empty corner), so its frames go round eight viewports
 * spread along it, the same way in every file, and the visible cards are
 * their mean.
 *
 * --view stakeholders measures the stakeholder map, names placed (the
 * widths of names measured once, then kept: layout-ms is with them known,
 * first-layout-ms with none yet). --zoom is in pixels per point of
 * interest or influence (default SOC_MAP_ZOOM_DEFAULT) for the first file.
 * The map's area is fixed (0 to 100 on each axis), so a plan with more
 * stakeholders is denser at one zoom: each later file is zoomed in until
 * the viewport holds about as many bubbles as the first file's does (never
 * past SOC_MAP_ZOOM_MAX), so the frames compare a frame of as much to see
 * in plans of different sizes, which is what culling is for. The counts
 * seen are printed with each file.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "soc-date.h"
#include "soc-edit.h"
#include "soc-goal-painter.h"
#include "soc-map-painter.h"
#include "soc-roadmap-painter.h"

typedef struct
{
  const char       *path;
  SocDocument      *doc;
  SocRoadmapLayout *layout;
  SocGoalLayout    *goals;
  SocMapLayout     *map;
  SocMapWidths     *widths;          /* the map's names, measured once */
  double            zoom;            /* the map's */
  double            first_layout_ms; /* the map's, with no name measured yet */
  guint             visible_labels;
  SocLabelCache    *labels;
  SocRect           visible;
  SocRect           views[8];       /* the goal tree's frames go round these */
  guint             n_views;
  guint             next_view;
  double            load_ms;
  double            layout_ms;
  double            layout_cpu_ms;
  double            edit_layout_ms;  /* the roadmap's, made from the one before an edit */
  double            first_ms;
  GArray           *times;
  guint             visible_boxes;
  guint             visible_arrows;
  guint             middle_boxes;    /* the roadmap's, in the middle of the plan */
} Plan;

typedef struct
{
  gboolean             goals;          /* the goal tree, not the roadmap */
  gboolean             map;            /* the stakeholder map */
  SocGoalOrientation   orientation;
  SocText             *text;
  SocRoadmapPaintState roadmap;
  SocGoalPaintState    tree;
  SocMapPaintState     stakeholders;
} View;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The processor time this thread has had. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
paint_frame (Plan            *plan,
             View            *view,
             cairo_surface_t *surface)
{
  cairo_t *cr = cairo_create (surface);
  double t0 = now_ms ();

  if (plan->n_views > 0)
    plan->visible = plan->views[plan->next_view++ % plan->n_views];
  cairo_translate (cr, -plan->visible.x, -plan->visible.y);
  if (view->goals)
    {
      view->tree.labels = plan->labels;
      soc_goal_paint (cr, plan->goals, &view->tree, &plan->visible, SOC_GOAL_PAINT_ALL);
    }
  else if (view->map)
    {
      view->stakeholders.labels = plan->labels;
      soc_map_paint (cr, plan->map, &view->stakeholders, &plan->visible, SOC_MAP_PAINT_ALL);
    }
  else
    {
      view->roadmap.labels = plan->labels;
      soc_roadmap_paint (cr, plan->layout, &view->roadmap, &plan->visible, SOC_ROADMAP_PAINT_ALL);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return now_ms () - t0;
}

/* Lays out PLAN's view once; returns how long it took, and in CPU (may
 * be NULL) the processor time it took. */
static double
lay_out (Plan   *plan,
         View   *view,
         double  zoom,
         double *cpu)
{
  double t0, c0;

  g_clear_pointer (&plan->layout, soc_roadmap_layout_unref);
  g_clear_pointer (&plan->goals, soc_goal_layout_unref);
  g_clear_pointer (&plan->map, soc_map_layout_unref);
  c0 = cpu_ms ();
  t0 = now_ms ();
  if (view->goals)
    plan->goals = soc_goal_layout_new (plan->doc, view->text, NULL, view->orientation, NULL);
  else if (view->map)
    plan->map = soc_map_layout_new (plan->doc, NULL, plan->zoom, NULL, plan->widths);
  else
    plan->layout = soc_roadmap_layout_new (plan->doc, NULL, zoom, 0, 0);
  t0 = now_ms () - t0;
  if (cpu != NULL)
    *cpu = cpu_ms () - c0;
  return t0;
}

/* The roadmap laid out again after an edit, from the layout before it, as
 * the window does: one item's dates moved by a day, back and forth (the
 * plan's span stays), five times; the median. */
static double
lay_out_after_edit (Plan   *plan,
                    double  zoom)
{
  GListModel *items = soc_document_get_items (plan->doc);
  guint n = g_list_model_get_n_items (items);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int r = 0; r < 5 && n > 0; r++)
    {
      g_autoptr(SocItem) item = g_list_model_get_item (items, n / 2);
      g_autoptr(GError) error = NULL;
      int by = r % 2 == 0 ? 1 : -1;
      SocRoadmapLayout *next;
      double t0;

      if (!soc_item_is_scheduled (item) ||
          !soc_edit_set_dates (plan->doc, SOC_OBJECT (item), soc_item_get_start (item) + by,
                               soc_item_get_end (item) != 0 ? soc_item_get_end (item) + by : 0, NULL, &error))
        break;
      t0 = now_ms ();
      next = soc_roadmap_layout_new_from (plan->layout, plan->doc, NULL, zoom, 0, 0);
      t0 = now_ms () - t0;
      soc_roadmap_layout_unref (plan->layout);
      plan->layout = next;
      g_array_append_val (times, t0);
    }
  return times->len > 0 ? median (times) : 0;
}

/* The viewport of WIDTH x HEIGHT in the middle of the map. */
static SocRect
map_middle (SocMapLayout *map,
            int           width,
            int           height)
{
  SocRect plot = soc_map_layout_get_plot (map);

  return SOC_RECT_INIT (MAX (0, plot.x + plot.width / 2 - width / 2.0),
                        MAX (0, plot.y + plot.height / 2 - height / 2.0), width, height);
}

static guint
bubbles_seen (SocMapLayout  *map,
              const SocRect *visible)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));

  soc_map_layout_bubbles_in (map, visible, FALSE, seen);
  return seen->len;
}

/* The zoom at which the middle of DOC's map shows about WANTED bubbles in
 * WIDTH x HEIGHT: a search over zooms, without names. */
static double
zoom_for (SocDocument *doc,
          guint        wanted,
          int          width,
          int          height,
          double       from)
{
  double lo = from, hi = SOC_MAP_ZOOM_MAX;

  for (int i = 0; i < 24; i++)
    {
      double mid = sqrt (lo * hi);
      g_autoptr(SocMapLayout) map = soc_map_layout_new (doc, NULL, mid, NULL, NULL);
      SocRect v = map_middle (map, width, height);

      if (bubbles_seen (map, &v) > wanted)
        lo = mid;
      else
        hi = mid;
    }
  return hi;
}

/* After PLAN's layout: the viewports its frames go round and what they
 * show, and its first frame, with every label shaped the first time. */
/* The roadmap's viewport of WIDTH x HEIGHT showing the number of bars
 * nearest to MATCH (0: the middle), the nearer the middle the better among
 * those: a grid of positions half a viewport apart. */
static SocRect
roadmap_viewport (SocRoadmapLayout *layout,
                  int               width,
                  int               height,
                  guint             match)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  double room_x = MAX (0, soc_roadmap_layout_get_width (layout) - width);
  double room_y = MAX (0, soc_roadmap_layout_get_height (layout) - height);
  SocRect best = SOC_RECT_INIT (room_x / 2, room_y / 2, width, height);
  guint nx = MIN ((guint) (room_x / (width / 2.0)) + 1, 64), ny = MIN ((guint) (room_y / (height / 2.0)) + 1, 512);
  double best_off = G_MAXDOUBLE, best_far = G_MAXDOUBLE;

  if (match == 0)
    return best;
  for (guint i = 0; i < nx; i++)
    for (guint j = 0; j < ny; j++)
      {
        double x = nx > 1 ? room_x * i / (nx - 1) : 0, y = ny > 1 ? room_y * j / (ny - 1) : 0;
        SocRect r = SOC_RECT_INIT (x, y, width, height);
        double off, far = fabs (x - room_x / 2) + fabs (y - room_y / 2);

        g_array_set_size (seen, 0);
        soc_roadmap_layout_boxes_in (layout, &r, seen);
        off = fabs ((double) seen->len - match);
        if (off < best_off || (off == best_off && far < best_far))
          {
            best = r;
            best_off = off;
            best_far = far;
          }
      }
  return best;
}

static void
prepare_frames (Plan            *plan,
                View            *view,
                int              width,
                int              height,
                guint            match,
                SocText         *text,
                cairo_surface_t *surface)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));

  if (view->goals)
    {
      gboolean td = view->orientation == SOC_GOAL_TOP_DOWN;
      double length = td ? soc_goal_layout_get_width (plan->goals) : soc_goal_layout_get_height (plan->goals);
      double across = td ? soc_goal_layout_get_height (plan->goals) : soc_goal_layout_get_width (plan->goals);
      double room = MAX (0, length - (td ? width : height));
      double middle = MAX (0, (across - (td ? height : width)) / 2);

      plan->n_views = room > 0 ? G_N_ELEMENTS (plan->views) : 1;
      for (guint v = 0; v < plan->n_views; v++)
        {
          double along = plan->n_views > 1 ? room * v / (plan->n_views - 1) : 0;

          plan->views[v] = td ? SOC_RECT_INIT (along, middle, width, height) : SOC_RECT_INIT (middle, along, width, height);
          soc_goal_layout_cards_in (plan->goals, &plan->views[v], seen);
          soc_goal_layout_parents_in (plan->goals, &plan->views[v], edges);
        }
      plan->visible_boxes = (seen->len + plan->n_views / 2) / plan->n_views;
      plan->visible_arrows = (edges->len + plan->n_views / 2) / plan->n_views;
    }
  else if (view->map)
    {
      plan->visible = map_middle (plan->map, width, height);
      plan->visible_boxes = bubbles_seen (plan->map, &plan->visible);
      soc_map_layout_edges_in (plan->map, &plan->visible, edges);
      plan->visible_arrows = edges->len;
      soc_map_layout_bubbles_in (plan->map, &plan->visible, TRUE, seen);
      for (guint i = 0; i < seen->len; i++)
        {
          const SocMapBubble *b = soc_map_layout_get_bubble (plan->map, g_array_index (seen, guint, i));

          if ((b->flags & SOC_MAP_BUBBLE_LABEL) && soc_rect_intersects (&b->label, &plan->visible))
            plan->visible_labels++;
        }
    }
  else
    {
      SocRect middle = roadmap_viewport (plan->layout, width, height, 0);

      soc_roadmap_layout_boxes_in (plan->layout, &middle, seen);
      plan->middle_boxes = seen->len;
      g_array_set_size (seen, 0);
      plan->visible = roadmap_viewport (plan->layout, width, height, match);
      soc_roadmap_layout_boxes_in (plan->layout, &plan->visible, seen);
      plan->visible_boxes = seen->len;
      g_array_set_size (seen, 0);
      soc_roadmap_layout_arrows_in (plan->layout, &plan->visible, seen);
      plan->visible_arrows = seen->len;
    }
  plan->labels = soc_label_cache_new (text);
  plan->times = g_array_new (FALSE, FALSE, sizeof (double));
  plan->first_ms = paint_frame (plan, view, surface);
}

int
main (int    argc,
      char **argv)
{
  const char *view_name = "roadmap";
  const char *png = NULL;
  int width = 1600, height = 1000, frames = 50;
  double zoom = 0;
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();
  g_autoptr(SocText) text = soc_text_new (NULL);
  View view = { 0 };
  cairo_surface_t *surface;
  gboolean usage = FALSE;

  for (int i = 1; i < argc && !usage; i++)
    {
      if (g_str_equal (argv[i], "--view") && i + 1 < argc)
        view_name = argv[++i];
      else if (g_str_equal (argv[i], "--width") && i + 1 < argc)
        width = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--height") && i + 1 < argc)
        height = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--frames") && i + 1 < argc)
        frames = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--png") && i + 1 < argc)
        png = argv[++i];
      else if (g_str_equal (argv[i], "--zoom") && i + 1 < argc)
        zoom = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (argv[i], "--left-right"))
        view.orientation = SOC_GOAL_LEFT_RIGHT;
      else if (argv[i][0] != '-')
        {
          Plan *plan = g_new0 (Plan, 1);

          plan->path = argv[i];
          g_ptr_array_add (plans, plan);
        }
      else
        usage = TRUE;
    }
  if (usage || plans->len == 0 || width < 1 || height < 1 || frames < 1)
    {
      g_printerr ("usage: bench-render FILE... [--view roadmap|goals|stakeholders] [--width W] [--height H] [--frames N] "
                  "[--zoom PX] [--left-right] [--png OUT.png]\n");
      return 2;
    }
  if (!g_str_equal (view_name, "roadmap") && !g_str_equal (view_name, "goals") && !g_str_equal (view_name, "stakeholders"))
    {
      g_printerr ("bench-render: no view called “%s” (roadmap, goals, stakeholders)\n", view_name);
      return 2;
    }

  view.goals = g_str_equal (view_name, "goals");
  view.map = g_str_equal (view_name, "stakeholders");
  if (zoom <= 0)
    zoom = view.map ? SOC_MAP_ZOOM_DEFAULT : SOC_ZOOM_MONTHS;
  soc_map_paint_state_init (&view.stakeholders, soc_palette_get (SOC_PALETTE_LIGHT), NULL);
  view.text = text;
  soc_roadmap_paint_state_init (&view.roadmap, soc_palette_get (SOC_PALETTE_LIGHT), NULL);
  view.roadmap.today = soc_date_from_ymd (2026, 9, 30);
  soc_goal_paint_state_init (&view.tree, soc_palette_get (SOC_PALETTE_LIGHT), NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  for (guint p = 0; p < plans->len; p++)
    {
      Plan *plan = g_ptr_array_index (plans, p);
      g_autoptr(GFile) file = g_file_new_for_path (plan->path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      double t0 = now_ms ();

      plan->doc = soc_document_load (file, NULL, &error);
      plan->load_ms = now_ms () - t0;
      if (plan->doc == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (view.goals)
        continue;   /* laid out below, all files in turn */
      if (view.map)
        {
          /* Later files: zoomed to show about as many bubbles as the first. */
          plan->zoom = zoom;
          if (p > 0)
            {
              Plan *base = g_ptr_array_index (plans, 0);

              plan->zoom = zoom_for (plan->doc, bubbles_seen (base->map, &base->visible), width, height, zoom);
            }
          plan->widths = soc_map_widths_new (text);
          plan->first_layout_ms = lay_out (plan, &view, zoom, NULL);
        }
      for (int r = 0; r < 5; r++)
        {
          double ms = lay_out (plan, &view, zoom, NULL);

          g_array_append_val (times, ms);
        }
      plan->layout_ms = median (times);
      if (!view.goals && !view.map)
        plan->edit_layout_ms = lay_out_after_edit (plan, zoom);
      prepare_frames (plan, &view, width, height,
                      p > 0 && !view.map ? ((Plan *) g_ptr_array_index (plans, 0))->visible_boxes : 0, text, surface);
    }

  /* The goal trees laid out in turn, one of each plan per round. */
  if (view.goals)
    {
      g_autoptr(GPtrArray) wall = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      g_autoptr(GPtrArray) cpu = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

      for (guint p = 0; p < plans->len; p++)
        {
          g_ptr_array_add (wall, g_array_new (FALSE, FALSE, sizeof (double)));
          g_ptr_array_add (cpu, g_array_new (FALSE, FALSE, sizeof (double)));
        }
      for (int r = 0; r < 9; r++)
        for (guint p = 0; p < plans->len; p++)
          {
            double c;
            double ms = lay_out (g_ptr_array_index (plans, p), &view, zoom, &c);

            g_array_append_val (g_ptr_array_index (wall, p), ms);
            g_array_append_val (g_ptr_array_index (cpu, p), c);
          }
      for (guint p = 0; p < plans->len; p++)
        {
          Plan *plan = g_ptr_array_index (plans, p);

          plan->layout_ms = median (g_ptr_array_index (wall, p));
          plan->layout_cpu_ms = median (g_ptr_array_index (cpu, p));
          prepare_frames (plan, &view, width, height, 0, text, surface);
        }
    }

  /* Frames in turn, one of each plan per round. */
  for (int f = 0; f < frames; f++)
    for (guint p = 0; p < plans->len; p++)
      {
        Plan *plan = g_ptr_array_index (plans, p);
        double ms = paint_frame (plan, &view, surface);

        g_array_append_val (plan->times, ms);
      }
  if (png != NULL)
    {
      paint_frame (g_ptr_array_index (plans, 0), &view, surface);
      cairo_surface_write_to_png (surface, png);
    }
  cairo_surface_destroy (surface);

  for (guint p = 0; p < plans->len; p++)
    {
      Plan *plan = g_ptr_array_index (plans, p);
      Plan *base = g_ptr_array_index (plans, 0);
      double frame = median (plan->times);

      g_print ("file: %s\n", plan->path);
      if (view.goals)
        {
          g_print ("  goals: %u, cards: %u, levels: %u\n", soc_document_get_n_goals (plan->doc),
                   soc_goal_layout_get_n_cards (plan->goals), soc_goal_layout_get_n_levels (plan->goals));
          g_print ("  visible: %u cards, %u with edges in %d x %d (a mean of %u viewports)\n", plan->visible_boxes,
                   plan->visible_arrows, width, height, plan->n_views);
          g_print ("  load-ms: %.2f\n", plan->load_ms);
          g_print ("  layout-ms: %.2f (layout/load %.2f", plan->layout_ms, plan->layout_ms / plan->load_ms);
          if (p > 0)
            g_print ("; x%.2f the previous file's", plan->layout_ms / ((Plan *) g_ptr_array_index (plans, p - 1))->layout_ms);
          g_print (")\n");
          g_print ("  layout-cpu-ms: %.2f", plan->layout_cpu_ms);
          if (p > 0)
            g_print (" (x%.2f the previous file's)", plan->layout_cpu_ms / ((Plan *) g_ptr_array_index (plans, p - 1))->layout_cpu_ms);
          g_print ("\n");
        }
      else if (view.map)
        {
          g_print ("  stakeholders: %u, relationships: %u, names shown: %u, zoom: %.1f px a point\n",
                   soc_map_layout_get_n_bubbles (plan->map), soc_map_layout_get_n_edges (plan->map),
                   soc_map_layout_get_n_labels (plan->map), plan->zoom);
          g_print ("  visible: %u bubbles, %u names, %u relationships in %d x %d\n", plan->visible_boxes,
                   plan->visible_labels, plan->visible_arrows, width, height);
          g_print ("  load-ms: %.2f\n", plan->load_ms);
          g_print ("  first-layout-ms: %.2f (every name measured)\n", plan->first_layout_ms);
          g_print ("  layout-ms: %.2f (layout/load %.2f)\n", plan->layout_ms, plan->layout_ms / plan->load_ms);
        }
      else
        {
          g_print ("  items: %u, boxes: %u, rows: %u, arrows: %u\n",
                   g_list_model_get_n_items (soc_document_get_items (plan->doc)),
                   soc_roadmap_layout_get_n_boxes (plan->layout), soc_roadmap_layout_get_n_rows (plan->layout),
                   soc_roadmap_layout_get_n_arrows (plan->layout));
          g_print ("  visible: %u boxes, %u arrows in %d x %d", plan->visible_boxes, plan->visible_arrows, width, height);
          if (p > 0)
            g_print (" (the middle shows %u; this viewport about as many as the first file's)", plan->middle_boxes);
          g_print ("\n");
          g_print ("  load-ms: %.2f\n", plan->load_ms);
          g_print ("  layout-ms: %.2f (layout/load %.2f)\n", plan->layout_ms, plan->layout_ms / plan->load_ms);
          g_print ("  layout-after-an-edit-ms: %.2f (one item's dates moved: the other lanes are kept)\n",
                   plan->edit_layout_ms);
        }
      g_print ("  first-frame-ms: %.2f\n", plan->first_ms);
      g_print ("  frame-ms: %.2f", frame);
      if (p > 0)
        g_print (" (x%.2f the first file's %.2f)", frame / median (base->times), median (base->times));
      g_print ("\n");
    }

  for (guint p = 0; p < plans->len; p++)
    {
      Plan *plan = g_ptr_array_index (plans, p);

      soc_label_cache_free (plan->labels);
      g_clear_pointer (&plan->layout, soc_roadmap_layout_unref);
      g_clear_pointer (&plan->goals, soc_goal_layout_unref);
      g_clear_pointer (&plan->map, soc_map_layout_unref);
      g_clear_pointer (&plan->widths, soc_map_widths_free);
      g_object_unref (plan->doc);
      g_array_unref (plan->times);
      g_free (plan);
    }
  return 0;
}
