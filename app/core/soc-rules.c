/* soc-rules.c: a field's value, and the dates of an item, a phase and the horizon
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The date rule is the one most often restated: an activity has a start and
 * an end or neither, a milestone a start only, a phase both, and no end
 * comes before its start. It is written here once; the reader checks each
 * object it reads with it, soc_edit_*() each change, and new objects are
 * made to satisfy it.
 */

#define G_LOG_DOMAIN "soc-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "soc-date.h"
#include "soc-model-private.h"
#include "soc-rules.h"

/* Checks VALUE, of FIELD's own type, against what FIELD may hold on its
 * own: ranges, enumerations, text XML can keep, colours, dates. Pairs of
 * dates and links are checked by soc_rules_check_dates() and
 * soc_rules_check_links(). */
gboolean
soc_rules_check_value (SocObject      *object,
                       const SocField *f,
                       const GValue   *value,
                       GError        **error)
{
  /* The field's name is translated only for a message: this runs for every
   * field of every edit and import. */
#define label _(f->label)
  switch (f->kind)
    {
    case SOC_FIELD_STRING:
    case SOC_FIELD_TEXT:
    case SOC_FIELD_COLOUR:
      {
        const char *s = g_value_get_string (value);
        gsize len = s != NULL ? strlen (s) : 0;

        if (len == 0)
          return TRUE;
        if ((f->flags & SOC_FIELD_UID) && !soc_uid_is_valid (s, len))
          {
            g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                         _("“%s” is not a valid %s: use 1 to 64 letters, digits and hyphens"), s, label);
            return FALSE;
          }
        if (len > SOC_MAX_VALUE_LENGTH)
          {
            g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_LIMIT,
                         _("the %s is longer than a plan can keep (1 MiB)"), label);
            return FALSE;
          }
        if (!soc_text_is_valid (s, len, NULL))
          {
            g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                         _("the %s holds a character that a plan cannot keep, such as a control character"), label);
            return FALSE;
          }
        if (f->kind == SOC_FIELD_COLOUR && !soc_rules_colour_is_valid (s, len))
          {
            g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                         _("“%s” is not a colour: write it as #rrggbb"), s);
            return FALSE;
          }
        return TRUE;
      }

    case SOC_FIELD_INT:
      {
        int v = g_value_get_int (value);

        if (v < f->min || v > f->max)
          {
            g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                         _("the %s must be a whole number from %d to %d"), label, f->min, f->max);
            return FALSE;
          }
        return TRUE;
      }

    case SOC_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (f->type ());

        if (g_enum_get_value (klass, g_value_get_enum (value)) == NULL)
          {
            g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID, _("not a valid %s"), label);
            return FALSE;
          }
        return TRUE;
      }

    case SOC_FIELD_FLAGS:
      {
        g_autoptr(GFlagsClass) klass = g_type_class_ref (f->type ());

        if (g_value_get_flags (value) & ~klass->mask)
          {
            g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID, _("not a valid %s"), label);
            return FALSE;
          }
        return TRUE;
      }

    case SOC_FIELD_DOUBLE:
      if (isinf (g_value_get_double (value)))
        {
          g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                       _("the %s must be a finite number"), label);
          return FALSE;
        }
      return TRUE;

    case SOC_FIELD_DATE:
      {
        guint v = g_value_get_uint (value);

        if (v != SOC_DATE_NONE && !soc_rules_date_is_valid (v))
          {
            g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                         _("dates lie between %d and %d"), SOC_DATE_MIN_YEAR, SOC_DATE_MAX_YEAR);
            return FALSE;
          }
        return TRUE;
      }

    case SOC_FIELD_REF:
      {
        SocObject *target = g_value_get_object (value);

        if (target == NULL)
          {
            if (f->flags & SOC_FIELD_REQUIRED)
              {
                g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                             _("the %s cannot be empty"), label);
                return FALSE;
              }
            return TRUE;
          }
        if (!G_TYPE_CHECK_INSTANCE_TYPE (target, f->type ()))
          {
            g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                         _("“%s” cannot be the %s"), soc_object_get_label (target), label);
            return FALSE;
          }
        return TRUE;
      }

    case SOC_FIELD_REFLIST:
      {
        GPtrArray *targets = g_value_get_boxed (value);

        if (targets == NULL)
          return TRUE;
        for (guint i = 0; i < targets->len; i++)
          {
            SocObject *t = g_ptr_array_index (targets, i);

            if (!SOC_IS_OBJECT (t) || !G_TYPE_CHECK_INSTANCE_TYPE (t, f->type ()))
              {
                g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                             f->type () == SOC_TYPE_GOAL ? _("only goals can be listed here")
                                                         : _("only roadmap items can be listed here"));
                return FALSE;
              }
          }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
#undef label
}

/* Checks the dates START and END (0: not set) of OBJECT as a pair: an item
 * of ITEM_KIND, a phase or the plan's horizon. */
gboolean
soc_rules_check_dates (SocObject  *object,
                       int         item_kind,
                       guint       start,
                       guint       end,
                       GError    **error)
{
  if ((start != SOC_DATE_NONE && !soc_rules_date_is_valid (start)) ||
      (end != SOC_DATE_NONE && !soc_rules_date_is_valid (end)))
    {
      g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                   _("dates lie between %d and %d"), SOC_DATE_MIN_YEAR, SOC_DATE_MAX_YEAR);
      return FALSE;
    }

  if (SOC_IS_ITEM (object))
    {
      if (item_kind == SOC_ITEM_KIND_MILESTONE)
        {
          if (end != SOC_DATE_NONE)
            {
              g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                           _("a milestone has a start date only, not an end"));
              return FALSE;
            }
          return TRUE;
        }
      if ((start == SOC_DATE_NONE) != (end == SOC_DATE_NONE))
        {
          g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                       _("an activity has both a start and an end date, or neither"));
          return FALSE;
        }
    }
  else if (SOC_IS_PHASE (object))
    {
      if (start == SOC_DATE_NONE || end == SOC_DATE_NONE)
        {
          g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                       _("a phase needs a start and an end date"));
          return FALSE;
        }
    }
  else
    g_return_val_if_fail (SOC_IS_PLAN (object), FALSE);

  if (start != SOC_DATE_NONE && end != SOC_DATE_NONE && end < start)
    {
      char s[11], e[11];

      soc_date_format (start, s);
      soc_date_format (end, e);
      if (SOC_IS_PLAN (object))
        g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                     _("the horizon ends (%s) before it starts (%s)"), e, s);
      else
        g_set_error (error, SOC_RULES_ERROR, SOC_RULES_ERROR_INVALID,
                     _("the end (%s) comes before the start (%s)"), e, s);
      return FALSE;
    }
  return TRUE;
}

/* Makes START and END right for an item of ITEM_KIND: a milestone keeps its
 * start only; an activity with one date gets it as both. */
void
soc_rules_dates_for_kind (int    item_kind,
                          guint *start,
                          guint *end)
{
  if (item_kind == SOC_ITEM_KIND_MILESTONE)
    {
      if (*start == SOC_DATE_NONE)
        *start = *end;
      *end = SOC_DATE_NONE;
    }
  else if (*start == SOC_DATE_NONE)
    *start = *end;
  else if (*end == SOC_DATE_NONE)
    *end = *start;
}

/* FALSE for a field that means nothing for OBJECT as it is: a milestone's
 * end. The writer leaves such a field out, and views need not show it. */
gboolean
soc_rules_field_applies (SocObject      *object,
                         const SocField *field)
{
  if (SOC_IS_ITEM (object) && SOC_ITEM (object)->kind == SOC_ITEM_KIND_MILESTONE)
    return !g_str_equal (field->name, "end");
  return TRUE;
}
