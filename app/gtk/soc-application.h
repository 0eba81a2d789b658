/* soc-application.h
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "soc-document.h"
#include "soc-draft-store.h"

G_BEGIN_DECLS

#define SOC_TYPE_APPLICATION (soc_application_get_type ())

G_DECLARE_FINAL_TYPE (SocApplication, soc_application, SOC, APPLICATION, AdwApplication)

SocApplication *soc_application_new           (void);
void            soc_application_open_file     (SocApplication *self,
                                               GFile          *file,
                                               GtkWindow      *parent);
GtkWindow      *soc_application_find_window   (SocApplication *self,
                                               GFile          *file);
void            soc_application_show_error    (SocApplication *self,
                                               GtkWindow      *parent,
                                               const char     *heading,
                                               const char     *message);
GFile          *soc_application_example_file  (void);
SocDraftStore  *soc_application_get_draft_store (SocApplication *self);
void            soc_application_offer_recovery (SocApplication *self,
                                               GtkWindow      *parent);

G_END_DECLS
