/* soc-command-replace.h: put another version of a plan in a document's place
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-command.h"
#include "soc-document.h"

G_BEGIN_DECLS

#define SOC_TYPE_COMMAND_REPLACE (soc_command_replace_get_type ())

G_DECLARE_FINAL_TYPE (SocCommandReplace, soc_command_replace, SOC, COMMAND_REPLACE, SocCommand)

SocCommand *soc_command_replace_new (SocDocument *with,
                                     const char  *etag,
                                     GBytes      *base,
                                     const char  *label);

G_END_DECLS
