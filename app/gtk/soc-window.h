/* soc-window.h: one window for one plan
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "soc-application.h"
#include "soc-document.h"
#include "soc-selection.h"

G_BEGIN_DECLS

#define SOC_TYPE_WINDOW (soc_window_get_type ())

G_DECLARE_FINAL_TYPE (SocWindow, soc_window, SOC, WINDOW, AdwApplicationWindow)

SocWindow   *soc_window_new            (SocApplication *application,
                                        SocDocument    *document);
SocDocument *soc_window_get_document   (SocWindow      *self);
void         soc_window_set_document   (SocWindow      *self,
                                        SocDocument    *document);
gboolean     soc_window_is_pristine    (SocWindow      *self);
SocObject   *soc_window_get_selected   (SocWindow      *self);
SocSelection *soc_window_get_selection (SocWindow      *self);
void         soc_window_show_object    (SocWindow      *self,
                                        SocObject      *object);
void         soc_window_show_view      (SocWindow      *self,
                                        const char     *name);
void         soc_window_set_accels     (GtkApplication *application);

G_END_DECLS
