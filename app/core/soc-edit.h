/* soc-edit.h: every change a view can ask of a document, checked first
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views call these, never the commands directly: each one refuses, with a
 * message a person can act on, any change that would leave a document the
 * reader would refuse, then executes it as one labelled undo step.
 */

#pragma once

#include "soc-document.h"

G_BEGIN_DECLS

#define SOC_EDIT_ERROR (soc_edit_error_quark ())

typedef enum {
  SOC_EDIT_ERROR_INVALID,   /* the value breaks a rule of the format */
  SOC_EDIT_ERROR_CYCLE,     /* it would make a cycle */
  SOC_EDIT_ERROR_NOT_FOUND, /* the object is not in this document */
  SOC_EDIT_ERROR_DUPLICATE, /* the same link twice */
} SocEditError;

GQuark     soc_edit_error_quark (void);

gboolean   soc_edit_check          (SocDocument      *document,
                                    SocObject        *object,
                                    const char       *property,
                                    const GValue     *value,
                                    GError          **error);
gboolean   soc_edit_check_field    (SocDocument      *document,
                                    SocObject        *object,
                                    const SocField   *field,
                                    const GValue     *value,
                                    GError          **error);
gboolean   soc_edit_set            (SocDocument      *document,
                                    SocObject        *object,
                                    const char       *property,
                                    const GValue     *value,
                                    GError          **error);
gboolean   soc_edit_set_merging    (SocDocument      *document,
                                    SocObject        *object,
                                    const char       *property,
                                    const GValue     *value,
                                    const char       *merge_key,
                                    GError          **error);
gboolean   soc_edit_set_string     (SocDocument      *document,
                                    SocObject        *object,
                                    const char       *property,
                                    const char       *value,
                                    GError          **error);
gboolean   soc_edit_set_int        (SocDocument      *document,
                                    SocObject        *object,
                                    const char       *property,
                                    int               value,
                                    GError          **error);
gboolean   soc_edit_set_object     (SocDocument      *document,
                                    SocObject        *object,
                                    const char       *property,
                                    SocObject        *value,
                                    GError          **error);
gboolean   soc_edit_set_dates      (SocDocument      *document,
                                    SocObject        *object,
                                    guint             start,
                                    guint             end,
                                    const char       *merge_key,
                                    GError          **error);
gboolean   soc_edit_set_links      (SocDocument      *document,
                                    SocItem          *item,
                                    const char       *property,
                                    GPtrArray        *targets,
                                    GError          **error);

SocObject *soc_edit_add            (SocDocument      *document,
                                    SocObject        *object,
                                    SocGoal          *parent,
                                    guint             position,
                                    GError          **error);
gboolean   soc_edit_delete         (SocDocument      *document,
                                    SocObject *const *objects,
                                    guint             n_objects,
                                    GError          **error);
gboolean   soc_edit_move_goal      (SocDocument      *document,
                                    SocGoal          *goal,
                                    SocGoal          *new_parent,
                                    guint             position,
                                    GError          **error);
gboolean   soc_edit_move           (SocDocument      *document,
                                    SocObject        *object,
                                    guint             position,
                                    GError          **error);
gboolean   soc_edit_indent_goal    (SocDocument      *document,
                                    SocGoal          *goal,
                                    GError          **error);
gboolean   soc_edit_outdent_goal   (SocDocument      *document,
                                    SocGoal          *goal,
                                    GError          **error);
gboolean   soc_edit_set_override   (SocDocument      *document,
                                    SocFactor         factor,
                                    SocFactorState    state,
                                    const char       *note,
                                    GError          **error);
gboolean   soc_edit_clear_override (SocDocument      *document,
                                    SocFactor         factor,
                                    GError          **error);
gboolean   soc_edit_replace        (SocDocument      *document,
                                    SocDocument      *with,
                                    const char       *etag,
                                    GBytes           *base,
                                    const char       *label,
                                    GError          **error);

G_END_DECLS
