/* soc-field-value.h: field values across documents, compared and spelt out
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For app/core: the diff and the merge compare objects of different
 * documents field by field through the field tables, so references are
 * compared by id, not by pointer. RENAMES, where given, maps the ids of one
 * document to the ids they take in another (a merge renames colliding new
 * ids); NULL maps nothing. Values are spelt as the file spells them.
 */

#pragma once

#include "soc-document-private.h"

G_BEGIN_DECLS

const char *soc_field_ref_id        (SocObject       *target,
                                     GHashTable      *renames);
gboolean    soc_field_equal         (SocObject       *a,
                                     GHashTable      *renames_a,
                                     SocObject       *b,
                                     GHashTable      *renames_b,
                                     const SocField  *field);
char       *soc_field_to_text       (SocObject       *object,
                                     const SocField  *field,
                                     GHashTable      *renames);
gboolean    soc_field_from_text     (SocDocument     *document,
                                     SocObject       *object,
                                     const SocField  *field,
                                     const char      *text,
                                     GValue          *value,
                                     GError         **error);

char       *soc_extras_to_text      (const SocExtras *extras);
char       *soc_xml_node_to_text    (const SocXmlNode *node);
SocXmlNode *soc_xml_node_copy       (const SocXmlNode *node);
SocXmlAttr *soc_xml_attr_copy       (const SocXmlAttr *attr);
SocExtras  *soc_extras_copy         (const SocExtras *extras);

G_END_DECLS
