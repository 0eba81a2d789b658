/* soc-compat.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The API floor is Debian 12's GTK 4.8 and libadwaita 1.2, pinned by the
 * version macros in meson.build so that nothing newer slips in. Where a
 * newer call is clearly better for people, it lives here, behind
 * GTK_CHECK_VERSION / ADW_CHECK_VERSION, and the rest of the code calls
 * the function of this file, which does the best each version allows.
 */

#define G_LOG_DOMAIN "soc-compat"

#include "config.h"

#include "soc-compat.h"

/* Tells screen readers MESSAGE, politely: after a change made on a canvas
 * that moved no focus ("Move “Pilot” to 2026-09-01"). GTK 4.14 has
 * gtk_accessible_announce(). Before it there is no way to speak unasked;
 * the changed object's own child says its new dates when read. */
void
soc_compat_announce (GtkWidget  *widget,
                     const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (message == NULL || message[0] == '\0')
    return;
#if GTK_CHECK_VERSION (4, 14, 0)
  /* Newer than the floor: allowed here, and only here. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_accessible_announce (GTK_ACCESSIBLE (widget), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}
