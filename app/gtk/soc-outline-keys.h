/* soc-outline-keys.h: the keys of a tree, for the goal outline
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-table-view.h"

G_BEGIN_DECLS

GtkEventController *soc_outline_keys_new (SocTableView *table);

G_END_DECLS
