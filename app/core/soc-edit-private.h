/* soc-edit-private.h: edits for the core's own importers
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-edit.h"

G_BEGIN_DECLS

SocObject *_soc_edit_add_checked (SocDocument  *document,
                                  SocObject    *object,
                                  SocGoal      *parent,
                                  guint         position,
                                  guint64       checked,
                                  GError      **error);

G_END_DECLS
