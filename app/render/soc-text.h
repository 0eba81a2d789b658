/* soc-text.h: the painters' own text metrics, the same on screen, paper and file
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum {
  SOC_TEXT_LABEL,     /* bar, card and bubble labels */
  SOC_TEXT_SMALL,     /* time header units, notes on cards */
  SOC_TEXT_HEADING,   /* lane titles, header years */
  SOC_TEXT_TITLE,     /* page headers in print */
  SOC_N_TEXT_STYLES
} SocTextStyle;

/* The family when none is asked for: GNOME's, else what fontconfig has. */
#define SOC_TEXT_DEFAULT_FAMILY "Cantarell, DejaVu Sans, Sans"

typedef struct _SocText SocText;

SocText      *soc_text_new          (const char   *family);
SocText      *soc_text_ref          (SocText      *self);
void          soc_text_unref        (SocText      *self);
PangoContext *soc_text_get_context  (SocText      *self);
double        soc_text_get_size     (SocText      *self,
                                     SocTextStyle  style);
double        soc_text_get_height   (SocText      *self,
                                     SocTextStyle  style);
PangoLayout  *soc_text_layout       (SocText      *self,
                                     SocTextStyle  style,
                                     const char   *text);
double        soc_text_width        (SocText      *self,
                                     SocTextStyle  style,
                                     const char   *text);
void          soc_text_show         (cairo_t      *cr,
                                     PangoLayout  *layout,
                                     double        x,
                                     double        y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocText, soc_text_unref)

/* One shaped layout per label, kept until its text, style or width
 * changes: shaping is what a frame would otherwise spend its time on. */
typedef struct _SocLabelCache SocLabelCache;

SocLabelCache *soc_label_cache_new    (SocText       *text);
void           soc_label_cache_free   (SocLabelCache *self);
void           soc_label_cache_clear  (SocLabelCache *self);
PangoLayout   *soc_label_cache_get    (SocLabelCache *self,
                                       gconstpointer  key,
                                       SocTextStyle   style,
                                       const char    *text,
                                       double         max_width,
                                       double        *natural_width);
double         soc_label_cache_measure (SocLabelCache *self,
                                        gconstpointer  key,
                                        SocTextStyle   style,
                                        const char    *text);
PangoLayout   *soc_label_cache_get_wrapped (SocLabelCache *self,
                                            gconstpointer  key,
                                            SocTextStyle   style,
                                            const char    *text,
                                            double         width,
                                            int            max_lines,
                                            double        *height);
void           soc_label_cache_trim   (SocLabelCache *self);
guint          soc_label_cache_size   (SocLabelCache *self);
SocText       *soc_label_cache_get_text (SocLabelCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocLabelCache, soc_label_cache_free)

G_END_DECLS
