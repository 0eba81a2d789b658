/* soc-ical.c: the roadmap as an iCalendar file (RFC 5545)
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every libical call of Socplan is in this file: libical 4.0 changed its
 * API, and one file is one place to follow it.
 *
 * Each milestone and each dated activity is one all-day event: DTSTART is
 * its first day and DTEND the day after its last (RFC 5545 3.6.1: the end
 * of an all-day event is exclusive), SUMMARY its title, DESCRIPTION its
 * notes, TRANSP TRANSPARENT so that weeks of planning do not show the
 * calendar's owner as busy. The UID is PLAN-UID.ITEM-ID@socplan.github.io:
 * the item's id does not change when the item is renamed or moved, or when
 * others are added, so a calendar that imports the file again updates its
 * events instead of adding copies; the plan's uid (FORMAT.md) keeps the
 * events of two plans apart in one calendar.
 *
 * libical writes CRLF line ends, folds lines at 75 octets without cutting
 * a UTF-8 character, and escapes , ; \ and line breaks in text. What it does
 * not do is refuse an event without UID or DTSTAMP (icalrestriction_check
 * checks iTIP's rules, passes those, and adds X-LIC-ERROR properties to
 * what it checks), so the bytes are read back here and checked before they
 * are returned.
 */

#define G_LOG_DOMAIN "soc-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "soc-date.h"
#include "soc-ical.h"

#define UID_DOMAIN "socplan.github.io"

G_DEFINE_QUARK (soc-ical-error-quark, soc_ical_error)

void
soc_ical_event_free (SocIcalEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->uid);
  g_free (event->summary);
  g_free (event->description);
  g_free (event);
}

/* What names the plan in its events' UIDs: its uid, or for a plan without
 * one (DERIVED set) a key made from its title and organisation, which
 * changes when either does. */
char *
soc_ical_plan_key (SocDocument *document,
                   gboolean    *derived)
{
  SocPlan *plan;
  g_autofree char *source = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  plan = soc_document_get_plan (document);
  if (soc_plan_get_uid (plan) != NULL)
    {
      if (derived != NULL)
        *derived = FALSE;
      return g_strdup (soc_plan_get_uid (plan));
    }

  if (derived != NULL)
    *derived = TRUE;
  source = g_strconcat (soc_plan_get_title (plan) ? soc_plan_get_title (plan) : "", "\n",
                        soc_plan_get_organisation (plan) ? soc_plan_get_organisation (plan) : "",
                        NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, source, -1);
  return g_strndup (digest, 32);
}

/* The UID of ITEM's event: stable for as long as the item keeps its id. */
char *
soc_ical_item_uid (SocDocument *document,
                   SocItem     *item)
{
  g_autofree char *key = soc_ical_plan_key (document, NULL);

  return g_strdup_printf ("%s.%s@%s", key, soc_object_get_id (SOC_OBJECT (item)), UID_DOMAIN);
}

static struct icaltimetype
ical_date (guint day)
{
  struct icaltimetype t = icaltime_null_date ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  t.year = g_date_get_year (&date);
  t.month = g_date_get_month (&date);
  t.day = g_date_get_day (&date);
  return t;
}

static guint
soc_day (struct icaltimetype t)
{
  if (t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 ||
      !g_date_valid_dmy ((GDateDay) t.day, (GDateMonth) t.month, (GDateYear) t.year))
    return SOC_DATE_NONE;
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, (GDateDay) t.day, (GDateMonth) t.month, (GDateYear) t.year);
    return g_date_get_julian (&date);
  }
}

/* Plain text for a TEXT value: line breaks as LF only (libical escapes LF,
 * not CR). */
static char *
plain_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
item_span (SocItem *item,
           guint    from,
           guint    to,
           guint   *first,
           guint   *last)
{
  *first = soc_item_get_start (item);
  *last = soc_item_get_kind (item) == SOC_ITEM_KIND_MILESTONE ? *first : soc_item_get_end (item);

  if (*first == SOC_DATE_NONE || *last == SOC_DATE_NONE)
    return FALSE;
  if (from != SOC_DATE_NONE && *last < from)
    return FALSE;
  if (to != SOC_DATE_NONE && *first > to)
    return FALSE;
  return TRUE;
}

static icalcomponent *
item_event (SocDocument         *document,
            SocItem             *item,
            guint                first,
            guint                last,
            struct icaltimetype  stamp)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autofree char *uid = soc_ical_item_uid (document, item);
  g_autofree char *summary = plain_text (soc_object_get_label (SOC_OBJECT (item)));
  g_autofree char *notes = NULL;

  g_object_get (item, "notes", &notes, NULL);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date (first)));
  icalcomponent_add_property (event, icalproperty_new_dtend (ical_date (last + 1)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (notes != NULL)
    {
      g_autofree char *description = plain_text (notes);
      icalcomponent_add_property (event, icalproperty_new_description (description));
    }
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  return event;
}

/* The roadmap's milestones and dated activities that touch FROM to TO
 * (either may be SOC_DATE_NONE: open) as an iCalendar file, one all-day
 * event each, with STAMP as their DTSTAMP (now if NULL). The bytes are
 * read back and checked before they are returned. */
GBytes *
soc_ical_export_roadmap (SocDocument  *document,
                         guint         from,
                         guint         to,
                         GDateTime    *stamp,
                         guint        *n_events,
                         GError      **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) events = NULL;
  GListModel *items;
  icalcomponent *calendar;
  struct icaltimetype dtstamp;
  const char *title;
  char *text;
  GBytes *bytes;
  guint n = 0;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);

  if (stamp == NULL)
    stamp = now = g_date_time_new_now_utc ();

  dtstamp = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (stamp), 0,
                                           icaltimezone_get_utc_timezone ());

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Socplan//Socplan " PACKAGE_VERSION "//EN"));
  title = soc_plan_get_title (soc_document_get_plan (document));
  if (title != NULL)
    {
      g_autofree char *name = plain_text (title);
      icalproperty *calname = icalproperty_new_x (name);

      icalproperty_set_x_name (calname, "X-WR-CALNAME");
      icalcomponent_add_property (calendar, calname);
    }

  items = soc_document_get_items (document);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SocItem) item = g_list_model_get_item (items, i);
      guint first, last;

      if (!item_span (item, from, to, &first, &last))
        continue;
      icalcomponent_add_component (calendar, item_event (document, item, first, last, dtstamp));
      n++;
    }

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  bytes = g_bytes_new_with_free_func (text, strlen (text), free, text);

  /* What a calendar will read: every event whole, and as many as written. */
  events = soc_ical_read_events (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
  if (events == NULL || events->len != n)
    {
      if (events != NULL)
        g_set_error (error, SOC_ICAL_ERROR, SOC_ICAL_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE, "%u event was written but %u read back",
                                  "%u events were written but %u read back", n),
                     n, events->len);
      g_bytes_unref (bytes);
      return NULL;
    }

  if (n_events != NULL)
    *n_events = n;
  return bytes;
}

static char *
text_of (icalcomponent *component,
         icalproperty_kind kind)
{
  icalproperty *property = icalcomponent_get_first_property (component, kind);
  const char *value;

  if (property == NULL)
    return NULL;
  value = kind == ICAL_UID_PROPERTY ? icalproperty_get_uid (property)
        : kind == ICAL_SUMMARY_PROPERTY ? icalproperty_get_summary (property)
        : icalproperty_get_description (property);
  return value != NULL ? g_strdup (value) : NULL;
}

/* Reads the VEVENTs of an iCalendar file, refusing one that lacks what
 * RFC 5545 requires of it (UID, DTSTAMP, DTSTART) or that libical could
 * not read (X-LIC-ERROR). */
GPtrArray *
soc_ical_read_events (const char  *data,
                      gsize        len,
                      GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) soc_ical_event_free);
  g_autofree char *copy = g_strndup (data, len);
  icalcomponent *calendar = icalparser_parse_string (copy);
  icalcomponent *event;
  gboolean ok = TRUE;

  if (calendar == NULL || icalcomponent_isa (calendar) != ICAL_VCALENDAR_COMPONENT)
    {
      if (calendar != NULL)
        icalcomponent_free (calendar);
      g_set_error (error, SOC_ICAL_ERROR, SOC_ICAL_ERROR_INVALID, _("Not an iCalendar file"));
      return NULL;
    }

  if (icalcomponent_get_first_property (calendar, ICAL_XLICERROR_PROPERTY) != NULL ||
      icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY) == NULL ||
      icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY) == NULL)
    {
      g_set_error (error, SOC_ICAL_ERROR, SOC_ICAL_ERROR_INVALID,
                   _("The calendar lacks VERSION or PRODID, or libical could not read it"));
      ok = FALSE;
    }

  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       ok && event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_autoptr(SocIcalEvent) e = g_new0 (SocIcalEvent, 1);
      icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      icalproperty *dtend = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);

      e->uid = text_of (event, ICAL_UID_PROPERTY);
      e->summary = text_of (event, ICAL_SUMMARY_PROPERTY);
      e->description = text_of (event, ICAL_DESCRIPTION_PROPERTY);
      e->has_dtstamp = icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY) != NULL;
      if (dtstart != NULL)
        {
          struct icaltimetype t = icalproperty_get_dtstart (dtstart);
          e->start = soc_day (t);
          e->all_day = icaltime_is_date (t);
        }
      if (dtend != NULL)
        {
          struct icaltimetype t = icalproperty_get_dtend (dtend);
          e->end = soc_day (t);
          e->all_day = e->all_day && icaltime_is_date (t);
        }

      if (icalcomponent_get_first_property (event, ICAL_XLICERROR_PROPERTY) != NULL ||
          e->uid == NULL || e->uid[0] == '\0' || !e->has_dtstamp || e->start == SOC_DATE_NONE ||
          (dtend != NULL && (e->end == SOC_DATE_NONE || e->end <= e->start)))
        {
          g_set_error (error, SOC_ICAL_ERROR, SOC_ICAL_ERROR_INVALID,
                       _("Event %u lacks a UID, a DTSTAMP or a valid DTSTART and DTEND"), events->len + 1);
          ok = FALSE;
          break;
        }
      g_ptr_array_add (events, g_steal_pointer (&e));
    }

  icalcomponent_free (calendar);
  return ok ? g_steal_pointer (&events) : NULL;
}
