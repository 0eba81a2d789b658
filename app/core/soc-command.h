/* soc-command.h: one reversible change to a document
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SocDocument SocDocument;

#define SOC_TYPE_COMMAND (soc_command_get_type ())

G_DECLARE_DERIVABLE_TYPE (SocCommand, soc_command, SOC, COMMAND, GObject)

struct _SocCommandClass
{
  GObjectClass parent_class;

  /* Applies the change. Called once on execute and again on every redo. */
  void     (*apply)  (SocCommand  *self,
                      SocDocument *document);
  /* Restores exactly what apply changed. */
  void     (*revert) (SocCommand  *self,
                      SocDocument *document);
  /* Whether NEXT, of the same type and merge key, can fold into SELF. */
  gboolean (*can_merge) (SocCommand *self,
                         SocCommand *next);
  /* Folds NEXT, already applied, into SELF; only after can_merge said yes. */
  void     (*merge)     (SocCommand *self,
                         SocCommand *next);

  gpointer padding[8];
};

const char *soc_command_get_label     (SocCommand  *self);
void        soc_command_set_label     (SocCommand  *self,
                                       const char  *label);
const char *soc_command_get_merge_key (SocCommand  *self);
void        soc_command_set_merge_key (SocCommand  *self,
                                       const char  *merge_key);
void        soc_command_apply         (SocCommand  *self,
                                       SocDocument *document);
void        soc_command_revert        (SocCommand  *self,
                                       SocDocument *document);
gboolean    soc_command_merge         (SocCommand  *self,
                                       SocCommand  *next);

G_END_DECLS
