/* soc-text-row.h: a form row that edits text, on one line or many
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SOC_TYPE_TEXT_ROW (soc_text_row_get_type ())

G_DECLARE_FINAL_TYPE (SocTextRow, soc_text_row, SOC, TEXT_ROW, AdwPreferencesRow)

GtkWidget   *soc_text_row_new          (const char *title,
                                        gboolean    multi_line);
void         soc_text_row_set_text     (SocTextRow *self,
                                        const char *text);
char        *soc_text_row_get_text     (SocTextRow *self);
void         soc_text_row_set_typed    (SocTextRow *self,
                                        const char *text);
gboolean     soc_text_row_get_modified (SocTextRow *self);
void         soc_text_row_commit       (SocTextRow *self);
void         soc_text_row_revert       (SocTextRow *self);
void         soc_text_row_set_error    (SocTextRow *self,
                                        gboolean    error);
gboolean     soc_text_row_get_error    (SocTextRow *self);
void         soc_text_row_set_hint     (SocTextRow *self,
                                        const char *hint);
gboolean     soc_text_row_focus        (SocTextRow *self,
                                        gboolean    select_all);
GtkTextView *soc_text_row_get_view     (SocTextRow *self);

G_END_DECLS
