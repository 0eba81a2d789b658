/* soc-history.h: the undo and redo steps of a document
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-command.h"

G_BEGIN_DECLS

#define SOC_TYPE_HISTORY (soc_history_get_type ())

G_DECLARE_FINAL_TYPE (SocHistory, soc_history, SOC, HISTORY, GObject)

#define SOC_HISTORY_DEFAULT_LIMIT 1000

SocHistory *soc_history_new            (guint        limit);
void        soc_history_push           (SocHistory  *self,
                                        SocCommand  *command);
gboolean    soc_history_undo           (SocHistory  *self,
                                        SocDocument *document);
gboolean    soc_history_redo           (SocHistory  *self,
                                        SocDocument *document);
gboolean    soc_history_can_undo       (SocHistory  *self);
gboolean    soc_history_can_redo       (SocHistory  *self);
const char *soc_history_get_undo_label (SocHistory  *self);
const char *soc_history_get_redo_label (SocHistory  *self);
guint       soc_history_get_n_steps    (SocHistory  *self);
void        soc_history_seal           (SocHistory  *self);
void        soc_history_mark_saved     (SocHistory  *self);
void        soc_history_mark_unsaved   (SocHistory  *self);
gboolean    soc_history_is_modified    (SocHistory  *self);
guint64     soc_history_get_state      (SocHistory  *self);
void        soc_history_mark_saved_state (SocHistory *self,
                                        guint64     state);

G_END_DECLS
