/* soc-cli-draw.c: the module socplan-cli loads to draw (soc-cli-draw.h)
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with app/render and nothing of the core: the core's functions are
 * the executable's own, exported to it, so that there is one copy of each
 * type and of the plan's objects.
 */

#define G_LOG_DOMAIN "socplan-cli"

#include "config.h"

#include <gmodule.h>
#include <string.h>

#include "soc-cli-draw.h"
#include "soc-export.h"

G_MODULE_EXPORT gboolean soc_cli_draw_export (SocDocument             *document,
                                              const SocCliDrawOptions *options,
                                              GFile                   *file,
                                              GError                 **error);

/* Draws DOCUMENT as OPTIONS say into FILE. */
G_MODULE_EXPORT gboolean
soc_cli_draw_export (SocDocument             *document,
                     const SocCliDrawOptions *options,
                     GFile                   *file,
                     GError                 **error)
{
  SocExportOptions o;

  soc_export_options_init (&o);
  if (strcmp (options->format, "pdf") == 0)
    o.format = SOC_EXPORT_PDF;
  else if (strcmp (options->format, "svg") == 0)
    o.format = SOC_EXPORT_SVG;
  else
    o.format = SOC_EXPORT_PNG;
  o.view = options->view;
  if (!soc_paper_from_name (options->paper, &o.paper))
    o.paper = SOC_PAPER_A4;
  o.landscape = options->landscape;
  o.pages_wide = options->pages_wide > 0 ? options->pages_wide : 1;
  o.poster = options->poster;
  o.from = options->from;
  o.to = options->to;
  o.dpi = options->dpi;
  return soc_export_to_file (document, &o, file, NULL, NULL, error);
}
