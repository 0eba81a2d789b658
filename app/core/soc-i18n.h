/* soc-i18n.h: the language Socplan speaks
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void soc_i18n_init (void);

G_END_DECLS
