/* soc-ical.h: the roadmap as an iCalendar file (RFC 5545)
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-document.h"

G_BEGIN_DECLS

#define SOC_ICAL_ERROR (soc_ical_error_quark ())

typedef enum {
  SOC_ICAL_ERROR_INVALID,   /* not a calendar, or an event without what RFC 5545 requires */
} SocIcalError;

GQuark soc_ical_error_quark (void);

/* One VEVENT as read back. */
typedef struct
{
  char     *uid;
  char     *summary;
  char     *description;   /* NULL when there is none */
  guint     start;         /* DTSTART, a day (soc-date.h) */
  guint     end;           /* DTEND: the day after the last, exclusive */
  gboolean  all_day;       /* DTSTART and DTEND are VALUE=DATE */
  gboolean  has_dtstamp;
} SocIcalEvent;

void        soc_ical_event_free        (SocIcalEvent  *event);

char       *soc_ical_plan_key          (SocDocument   *document,
                                        gboolean      *derived);
char       *soc_ical_item_uid          (SocDocument   *document,
                                        SocItem       *item);
GBytes     *soc_ical_export_roadmap    (SocDocument   *document,
                                        guint          from,
                                        guint          to,
                                        GDateTime     *stamp,
                                        guint         *n_events,
                                        GError       **error);
GPtrArray  *soc_ical_read_events       (const char    *data,
                                        gsize          len,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocIcalEvent, soc_ical_event_free)

G_END_DECLS
