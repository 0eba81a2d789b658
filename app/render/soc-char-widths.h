/* soc-char-widths.h: how wide a text will be, without shaping it
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-text.h"

G_BEGIN_DECLS

typedef struct _SocCharWidths SocCharWidths;

SocCharWidths *soc_char_widths_new      (SocText       *text,
                                         SocTextStyle   style);
void           soc_char_widths_free     (SocCharWidths *self);
double         soc_char_widths_estimate (SocCharWidths *self,
                                         const char    *text,
                                         GHashTable    *pending,
                                         gboolean      *line_break);
void           soc_char_widths_learn    (SocCharWidths *self,
                                         GHashTable    *pending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocCharWidths, soc_char_widths_free)

G_END_DECLS
