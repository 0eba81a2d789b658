/* soc-merge-dialog.h: choosing, conflict by conflict, which version stays
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "soc-merge.h"

G_BEGIN_DECLS

#define SOC_TYPE_MERGE_DIALOG (soc_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SocMergeDialog, soc_merge_dialog, SOC, MERGE_DIALOG, AdwWindow)

typedef enum {
  SOC_MERGE_DIALOG_MERGE,      /* merging with the file on disk: every choice can be made */
  SOC_MERGE_DIALOG_RECORDED,   /* conflicts recorded in the plan: theirs only where a value was kept */
} SocMergeDialogMode;

SocMergeDialog *soc_merge_dialog_new         (GtkWindow          *parent,
                                              GPtrArray          *conflicts,
                                              SocMergeDialogMode  mode);
GHashTable     *soc_merge_dialog_get_choices (SocMergeDialog     *self);
void            soc_merge_dialog_choose      (SocMergeDialog     *self,
                                              guint               index,
                                              SocMergeSide        side);
gboolean        soc_merge_dialog_can_take_theirs (const SocMergeConflict *conflict,
                                                  SocMergeDialogMode      mode);

G_END_DECLS
