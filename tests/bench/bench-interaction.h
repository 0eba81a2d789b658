/* bench-interaction.h: what the headless and the window halves of the benchmark share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"

G_BEGIN_DECLS

#define BENCH_SLOW_RUN_MS 4000.0   /* after a run this slow, no more runs of it */

/* The table printed at the end: one row per action, one column per plan. */
guint           bench_add_column      (const char  *path,
                                       SocDocument *doc);
void            bench_put             (const char  *action,
                                       const char  *goal,
                                       guint        column,
                                       const char  *cell);
void            bench_put_median      (const char  *action,
                                       const char  *goal,
                                       guint        column,
                                       GArray      *samples);
void            bench_print_table     (const char  *title);
double          bench_median          (GArray      *values);
char           *bench_format_ms       (double       ms);
double          bench_now_ms          (void);
double          bench_cpu_ms          (void);

/* What the actions act on. */
SocStakeholder *bench_most_related    (SocDocument *doc,
                                       guint       *count);
SocItem        *bench_middle_activity (SocDocument *doc);
GPtrArray      *bench_root_goals      (SocDocument *doc);
guint           bench_count_objects   (SocDocument *doc);
gboolean        bench_edit_start_date (SocDocument *doc,
                                       gpointer     item);

double          bench_rss_mib         (void);
int             bench_run_window      (const char  *self,
                                       int          runs,
                                       gboolean     animations,
                                       const char  *socplan,
                                       GPtrArray   *open_files,
                                       char       **files,
                                       int          n_files);
int             bench_run_memory      (const char  *path,
                                       const char  *warm_up);

G_END_DECLS
