/* soc-draft-store.h: unsaved work kept safe in drafts, offered back after a crash
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "soc-document.h"

G_BEGIN_DECLS

#define SOC_DRAFT_STORE_DEFAULT_DELAY 3   /* seconds */

/* A draft left behind by an earlier session. */
#define SOC_TYPE_DRAFT (soc_draft_get_type ())

G_DECLARE_FINAL_TYPE (SocDraft, soc_draft, SOC, DRAFT, GObject)

const char    *soc_draft_get_id                    (SocDraft       *self);
const char    *soc_draft_get_path                  (SocDraft       *self);
GFile         *soc_draft_get_file                  (SocDraft       *self);
const char    *soc_draft_get_title                 (SocDraft       *self);
GDateTime     *soc_draft_get_modified              (SocDraft       *self);
char          *soc_draft_get_display_name          (SocDraft       *self);

#define SOC_TYPE_DRAFT_STORE (soc_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (SocDraftStore, soc_draft_store, SOC, DRAFT_STORE, GObject)

SocDraftStore *soc_draft_store_new                 (const char     *directory);
const char    *soc_draft_store_get_directory       (SocDraftStore  *self);
guint          soc_draft_store_get_delay           (SocDraftStore  *self);
void           soc_draft_store_set_delay           (SocDraftStore  *self,
                                                    guint           seconds);

gboolean       soc_draft_store_start_session       (SocDraftStore  *self,
                                                    GError        **error);
void           soc_draft_store_end_session         (SocDraftStore  *self);
gboolean       soc_draft_store_get_unclean_shutdown (SocDraftStore *self);

void           soc_draft_store_watch               (SocDraftStore  *self,
                                                    SocDocument    *document);
void           soc_draft_store_unwatch             (SocDraftStore  *self,
                                                    SocDocument    *document);
void           soc_draft_store_forget              (SocDraftStore  *self,
                                                    SocDocument    *document);
gboolean       soc_draft_store_is_watching         (SocDraftStore  *self,
                                                    SocDocument    *document);
void           soc_draft_store_flush               (SocDraftStore  *self);

GListModel    *soc_draft_store_list_recoverable    (SocDraftStore  *self);
SocDocument   *soc_draft_store_recover             (SocDraftStore  *self,
                                                    SocDraft       *draft,
                                                    GError        **error);
gboolean       soc_draft_store_discard             (SocDraftStore  *self,
                                                    SocDraft       *draft,
                                                    GError        **error);

G_END_DECLS
