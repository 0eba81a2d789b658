/* soc-stamp-private.h: small images copied by hand into a screen's image
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Where stamps are copied to the target's own pixels: the target's
 * 32-bit image, its clip in whole pixels, and where device space begins
 * in it. */
typedef struct
{
  guint32               *pixels;
  int                    stride;       /* in pixels */
  cairo_rectangle_int_t *clip;         /* in pixels, within the image */
  int                    n_clip;
  int                    dx, dy;       /* device space to pixels */
} SocStampTarget;

/* A stamp's rows, for copying by hand: in each, the pixels from FIRST to
 * LAST (excluded) are not clear, and those from SOLID to SOLID_END are
 * opaque, a disc's middle, copied as they are. */
typedef struct
{
  int first, solid, solid_end, last;
} SocStampRow;

gboolean     soc_stamp_target_begin (cairo_t           *cr,
                                     SocStampTarget    *self);
SocStampRow *soc_stamp_rows         (cairo_surface_t   *stamp);
void         soc_stamp_copy         (SocStampTarget    *self,
                                     cairo_surface_t   *stamp,
                                     const SocStampRow *rows,
                                     int                x,
                                     int                y);
void         soc_stamp_target_end   (cairo_t           *cr,
                                     SocStampTarget    *self);

G_END_DECLS
