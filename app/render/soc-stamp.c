/* soc-stamp.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A crowd of thousands of discs is thousands of copies of a few small
 * images (stamps). Through cairo each copy is a call that builds a path,
 * clips it and sets up a composite: about a microsecond, whatever the
 * stamp's size. Where the target is the screen's 32-bit image, drawn to
 * straight, the copies are made here by hand, row by row: a disc's opaque
 * middle copied as it is, its edges blended OVER as pixman blends them,
 * so the pixels are the ones cairo would make. Print and export (vector
 * targets), a group being drawn or a clip not in whole pixels keep cairo.
 */

#define G_LOG_DOMAIN "soc-stamp"

#include "config.h"

#include <math.h>
#include <string.h>

#include "soc-stamp-private.h"

/* SOURCE (premultiplied) OVER DEST, two channels at a time, each product
 * rounded as pixman rounds it: the same pixels cairo would make. Valid
 * premultiplied colours never carry past 255. */
static inline guint32
over (guint32 source,
      guint32 dest)
{
  guint32 ia = 255 - (source >> 24);
  guint32 rb = (dest & 0x00ff00ff) * ia + 0x00800080;
  guint32 ag = ((dest >> 8) & 0x00ff00ff) * ia + 0x00800080;

  rb = ((rb + ((rb >> 8) & 0x00ff00ff)) >> 8) & 0x00ff00ff;
  ag = (ag + ((ag >> 8) & 0x00ff00ff)) & 0xff00ff00;
  return (rb | ag) + source;
}

/* Whether CR draws straight into a 32-bit image with no group pushed,
 * OVER, whole-pixel offsets and a clip of whole pixels: then a stamp is
 * copied pixel by pixel, a few dozen each, at a part of what a cairo call
 * costs (a crowd of 20,000 discs is 20,000 calls). */
gboolean
soc_stamp_target_begin (cairo_t        *cr,
                        SocStampTarget *self)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_rectangle_list_t *list;
  double ox, oy, sx, sy;
  int width, height;

  if (target != cairo_get_target (cr) || cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 ||
      cairo_get_operator (cr) != CAIRO_OPERATOR_OVER)
    return FALSE;
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (sx != 1 || sy != 1 || ox != floor (ox) || oy != floor (oy))
    return FALSE;
  list = cairo_copy_clip_rectangle_list (cr);
  if (list->status != CAIRO_STATUS_SUCCESS)
    {
      cairo_rectangle_list_destroy (list);
      return FALSE;
    }
  width = cairo_image_surface_get_width (target);
  height = cairo_image_surface_get_height (target);
  self->dx = (int) ox;
  self->dy = (int) oy;
  self->clip = g_new (cairo_rectangle_int_t, MAX (list->num_rectangles, 1));
  self->n_clip = 0;
  for (int i = 0; i < list->num_rectangles; i++)
    {
      const cairo_rectangle_t *r = &list->rectangles[i];
      int x0, y0, x1, y1;

      /* Not representable otherwise: whole pixels only. */
      x0 = MAX ((int) r->x + self->dx, 0);
      y0 = MAX ((int) r->y + self->dy, 0);
      x1 = MIN ((int) (r->x + r->width) + self->dx, width);
      y1 = MIN ((int) (r->y + r->height) + self->dy, height);
      if (x1 > x0 && y1 > y0)
        self->clip[self->n_clip++] = (cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 };
    }
  cairo_rectangle_list_destroy (list);
  cairo_surface_flush (target);
  self->pixels = (guint32 *) (gpointer) cairo_image_surface_get_data (target);
  self->stride = cairo_image_surface_get_stride (target) / 4;
  return TRUE;
}


SocStampRow *
soc_stamp_rows (cairo_surface_t *stamp)
{
  const guint32 *pixels = (const guint32 *) (gconstpointer) cairo_image_surface_get_data (stamp);
  int stride = cairo_image_surface_get_stride (stamp) / 4;
  int size = cairo_image_surface_get_width (stamp);
  SocStampRow *rows = g_new (SocStampRow, size);

  cairo_surface_flush (stamp);
  for (int j = 0; j < size; j++)
    {
      const guint32 *row = pixels + (gsize) j * stride;
      SocStampRow *r = &rows[j];

      r->first = 0;
      r->last = size;
      while (r->first < size && row[r->first] == 0)
        r->first++;
      while (r->last > r->first && row[r->last - 1] == 0)
        r->last--;
      r->solid = r->first;
      while (r->solid < r->last && row[r->solid] >> 24 != 255)
        r->solid++;
      r->solid_end = r->solid;
      while (r->solid_end < r->last && row[r->solid_end] >> 24 == 255)
        r->solid_end++;
    }
  return rows;
}

/* The pixels of SOURCE from X0 to X1 OVER those of DEST. */
static inline void
blend_span (guint32       *dest,
            const guint32 *source,
            int            x0,
            int            x1)
{
  for (int i = x0; i < x1; i++)
    if (source[i] >> 24 == 255)
      dest[i] = source[i];
    else if (source[i] != 0)
      dest[i] = over (source[i], dest[i]);
}

/* STAMP's pixels OVER the target's, its top left corner at X, Y in device
 * space, within the clip. */
void
soc_stamp_copy (SocStampTarget    *self,
                cairo_surface_t   *stamp,
                const SocStampRow *rows,
                int                x,
                int                y)
{
  const guint32 *source = (const guint32 *) (gconstpointer) cairo_image_surface_get_data (stamp);
  int source_stride = cairo_image_surface_get_stride (stamp) / 4;
  int size = cairo_image_surface_get_width (stamp);

  x += self->dx;
  y += self->dy;
  for (int c = 0; c < self->n_clip; c++)
    {
      const cairo_rectangle_int_t *clip = &self->clip[c];
      int y0 = MAX (y, clip->y), y1 = MIN (y + size, clip->y + clip->height);
      int cx0 = clip->x - x, cx1 = clip->x + clip->width - x;   /* the clip in the stamp */

      for (int j = y0; j < y1; j++)
        {
          const SocStampRow *r = &rows[j - y];
          const guint32 *s = source + (gsize) (j - y) * source_stride;
          guint32 *d = self->pixels + (gsize) j * self->stride + x;   /* at the stamp's column 0 */
          int first = MAX (r->first, cx0), last = MIN (r->last, cx1);
          int solid = CLAMP (r->solid, first, last), solid_end = CLAMP (r->solid_end, solid, last);

          blend_span (d, s, first, solid);
          if (solid_end > solid)
            memcpy (d + solid, s + solid, (gsize) (solid_end - solid) * 4);
          blend_span (d, s, solid_end, last);
        }
    }
}

void
soc_stamp_target_end (cairo_t        *cr,
                      SocStampTarget *self)
{
  cairo_surface_mark_dirty (cairo_get_group_target (cr));
  g_free (self->clip);
}
