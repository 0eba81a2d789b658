/* soc-format.h: how the views show values
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions, also registered as GtkBuilder closures for list cells.
 */

#pragma once

#include <gtk/gtk.h>

#include "soc-document.h"

G_BEGIN_DECLS

char *soc_format_date         (gpointer    unused,
                               guint       date);
char *soc_format_percent      (gpointer    unused,
                               int         value);
char *soc_format_label        (gpointer    unused,
                               GObject    *object);
char *soc_format_enum         (gpointer    unused,
                               GType       type,
                               int         value);
char *soc_format_flags        (GType       type,
                               guint       flags);
char *soc_format_links        (GPtrArray  *objects);
char *soc_format_metric       (GObject    *goal);
char *soc_format_progress     (SocDocument *document,
                               SocGoal    *goal);
gboolean soc_parse_date       (const char *text,
                               guint      *date);
char *soc_format_problem      (const char *message);
char *soc_format_problem_without_place (const char *message);
char *soc_format_when         (GDateTime  *when,
                               GDateTime  *now);
void  soc_format_add_to_scope (GtkBuilderScope *scope);

G_END_DECLS
