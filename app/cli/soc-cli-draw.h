/* soc-cli-draw.h: the drawing half of socplan-cli export, a module of its own
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PDF, SVG and PNG come from app/render, which brings cairo, Pango,
 * fontconfig, FreeType, HarfBuzz and X11's libraries with it: twenty-six
 * more for the loader to map and relocate before main(), a third of the
 * start-up of a command that draws nothing (validate, check, diff, merge,
 * run by git once per file). socplan-cli loads this module only to draw.
 */

#pragma once

#include <gio/gio.h>

#include "soc-document.h"

G_BEGIN_DECLS

typedef struct
{
  const char *format;      /* "pdf", "svg" or "png" */
  const char *view;
  const char *paper;       /* a4, letter or a3 */
  gboolean    landscape;
  guint       pages_wide;
  gboolean    poster;
  guint       from;        /* 0: open */
  guint       to;
  guint       dpi;         /* 0: the format's default */
} SocCliDrawOptions;

#define SOC_CLI_DRAW_SYMBOL "soc_cli_draw_export"

typedef gboolean (*SocCliDrawFunc) (SocDocument             *document,
                                    const SocCliDrawOptions *options,
                                    GFile                   *file,
                                    GError                 **error);

G_END_DECLS
