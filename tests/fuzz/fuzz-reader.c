/* fuzz-reader.c: libFuzzer target for the .socplan reader
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input: the reader must not crash, hang or leak. An accepted input must
 * write, and what it writes must read back to the same bytes.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "soc-document.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(SocDocument) doc = soc_document_load_from_bytes (bytes, "fuzz", NULL, NULL);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(SocDocument) again = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GError) error = NULL;

  if (doc == NULL)
    return 0;

  written = soc_document_serialize (doc, &error);
  if (written == NULL)
    {
      /* Only a text XML cannot hold may stop a save, and reading refuses those. */
      {
        g_printerr ("an accepted plan did not write: %s\n", error->message);
        abort ();
      }
    }
  again = soc_document_load_from_bytes (written, "written", NULL, &error);
  if (again == NULL)
    {
      g_printerr ("a written plan did not read back: %s\n", error->message);
      abort ();
    }
  rewritten = soc_document_serialize (again, NULL);
  if (!g_bytes_equal (written, rewritten))
    {
      g_printerr ("writing is not stable\n");
      abort ();
    }
  return 0;
}
