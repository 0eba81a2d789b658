/* soc-save.h: replacing a file without ever leaving half of one
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean soc_save_replace (GFile         *file,
                           GBytes        *bytes,
                           const char    *expected_etag,
                           char         **new_etag,
                           GCancellable  *cancellable,
                           GError       **error);

G_END_DECLS
