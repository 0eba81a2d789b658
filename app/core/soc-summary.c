/* soc-summary.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks over the plan's own arrays, without references, signals or type
 * checks in the loops (the lists hold only their own type), so a view can
 * ask about one object of a 100,000-object plan within a frame.
 */

#define G_LOG_DOMAIN "soc-summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-document-private.h"
#include "soc-summary.h"

/**
 * soc_summary_relationships_of:
 *
 * Returns: (transfer container): the relationships from or to
 * @stakeholder, in order of their ids
 */
GPtrArray *
soc_summary_relationships_of (SocDocument    *document,
                              SocStakeholder *stakeholder)
{
  g_autoptr(GPtrArray) referrers = NULL;
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), out);
  g_return_val_if_fail (SOC_IS_STAKEHOLDER (stakeholder), out);

  /* From the plan's index, as soc_summary_owned_by() does. */
  referrers = soc_document_get_referrers (document, SOC_OBJECT (stakeholder));
  for (guint i = 0; i < referrers->len; i++)
    if (SOC_IS_RELATIONSHIP (g_ptr_array_index (referrers, i)))
      g_ptr_array_add (out, g_ptr_array_index (referrers, i));
  return out;
}

/**
 * soc_summary_owned_by:
 *
 * Returns: (transfer container): the goals @stakeholder owns, then the
 * roadmap items they own, each in order of their ids
 */
GPtrArray *
soc_summary_owned_by (SocDocument    *document,
                      SocStakeholder *stakeholder)
{
  g_autoptr(GPtrArray) referrers = NULL;
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), out);
  g_return_val_if_fail (SOC_IS_STAKEHOLDER (stakeholder), out);

  /* From the plan's index of who refers to whom: as many steps as the
   * stakeholder has links, whatever the size of the plan. */
  referrers = soc_document_get_referrers (document, SOC_OBJECT (stakeholder));
  for (guint i = 0; i < referrers->len; i++)
    {
      SocObject *o = g_ptr_array_index (referrers, i);

      if ((SOC_IS_GOAL (o) && SOC_GOAL (o)->owner == stakeholder) ||
          (SOC_IS_ITEM (o) && SOC_ITEM (o)->owner == stakeholder))
        g_ptr_array_add (out, o);
    }
  return out;
}

/* What deleting OBJECT takes with it (soc_edit_delete's cascade): a goal
 * its sub-goals, a lane its items, a stakeholder their relationships. */
void
soc_summary_count_delete (SocDocument    *document,
                          SocObject      *object,
                          SocDeleteCount *count)
{
  g_return_if_fail (SOC_IS_DOCUMENT (document));
  g_return_if_fail (SOC_IS_OBJECT (object));
  g_return_if_fail (count != NULL);

  memset (count, 0, sizeof *count);
  if (SOC_IS_GOAL (object))
    {
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();

      g_ptr_array_add (stack, object);
      while (stack->len > 0)
        {
          SocGoal *goal = g_ptr_array_steal_index_fast (stack, stack->len - 1);
          guint n = soc_object_list_get_size (goal->children);

          count->goals += n;
          for (guint i = 0; i < n; i++)
            g_ptr_array_add (stack, soc_object_list_get (goal->children, i));
        }
    }
  else if (SOC_IS_LANE (object))
    {
      /* From the plan's index, not a look at every item of the plan. */
      g_autoptr(GPtrArray) referrers = soc_document_get_referrers (document, object);

      for (guint i = 0; i < referrers->len; i++)
        {
          SocObject *referrer = g_ptr_array_index (referrers, i);

          if (SOC_IS_ITEM (referrer) && SOC_ITEM (referrer)->lane == SOC_LANE (object))
            count->items++;
        }
    }
  else if (SOC_IS_STAKEHOLDER (object))
    {
      g_autoptr(GPtrArray) rels = soc_summary_relationships_of (document, SOC_STAKEHOLDER (object));

      count->relationships = rels->len;
    }
}

/* What a toast says after deleting OBJECT, asked before it goes:
 * "Deleted “Community building” and its 5 items". */
char *
soc_summary_describe_delete (SocDocument *document,
                             SocObject   *object)
{
  SocDeleteCount count;
  const char *label;

  g_return_val_if_fail (SOC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (SOC_IS_OBJECT (object), NULL);

  soc_summary_count_delete (document, object, &count);
  label = soc_object_get_label (object);
  if (label == NULL || label[0] == '\0')
    label = _("Untitled");

  if (count.goals > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Deleted “%s” and its %u sub-goal",
                                         "Deleted “%s” and its %u sub-goals", count.goals),
                            label, count.goals);
  if (count.items > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Deleted “%s” and its %u item",
                                         "Deleted “%s” and its %u items", count.items),
                            label, count.items);
  if (count.relationships > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Deleted “%s” and their %u relationship",
                                         "Deleted “%s” and their %u relationships", count.relationships),
                            label, count.relationships);
  if (SOC_IS_RELATIONSHIP (object))
    return g_strdup (_("Deleted a relationship"));
  return g_strdup_printf (_("Deleted “%s”"), label);
}
