/* soc-reader-prescan.c: the bytes libxml2 2.9.14 must never see
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the bytes before the parser: compressed data (which
 * libxml2 would inflate), UTF-16 and EBCDIC (which it would switch to),
 * other declared encodings, NUL bytes, any DOCTYPE or markup declaration
 * (refused before its internal subset is parsed), and elements with more
 * attributes than the format allows (quadratic in libxml2 2.9.14).
 */

#define G_LOG_DOMAIN "soc-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "soc-reader-private.h"

gboolean
_soc_reader_prescan (Reader *r)
{
  const char *d = r->data;
  gsize len = r->len;
  gsize nul = strlen (d);
  gsize i = 0;
  const guchar *u = (const guchar *) d;

  if (len == 0)
    {
      syntax (r, 0, _("the file is empty"));
      return FALSE;
    }

  if (len >= 2 && u[0] == 0x1F && u[1] == 0x8B)
    goto compressed;
  if (len >= 6 && memcmp (d, "\xFD" "7zXZ\0", 6) == 0)
    goto compressed;
  if (len >= 3 && memcmp (d, "BZh", 3) == 0)
    goto compressed;
  if (len >= 4 && memcmp (d, "\x28\xB5\x2F\xFD", 4) == 0)
    goto compressed;
  if (len >= 4 && memcmp (d, "PK\x03\x04", 4) == 0)
    goto compressed;

  if ((len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE))) ||
      (len >= 2 && (u[0] == 0 || u[1] == 0)))
    {
      syntax (r, 0, _("the file is in UTF-16 or UTF-32; Socplan plans are UTF-8"));
      return FALSE;
    }

  /* libxml2 would switch to EBCDIC on its own: "<?xm" in code page 37. */
  if (len >= 4 && memcmp (d, "\x4C\x6F\xA7\x94", 4) == 0)
    {
      syntax (r, 0, _("the file is in EBCDIC; Socplan plans are UTF-8"));
      return FALSE;
    }

  if (nul < len)
    {
      syntax (r, nul, _("the file contains a NUL byte: it is binary data, not a plan"));
      return FALSE;
    }

  /* The XML declaration may name an encoding: only UTF-8 is read. */
  if (len >= 3 && memcmp (d, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  if (len - i >= 5 && memcmp (d + i, "<?xml", 5) == 0)
    {
      /* The declaration ends at the first '>': its values cannot hold one. */
      const char *gt = memchr (d + i, '>', len - i);
      const char *end = gt != NULL && gt[-1] == '?' ? gt - 1 : NULL;
      const char *enc = end ? g_strstr_len (d + i, end - (d + i), "encoding") : NULL;

      if (enc != NULL)
        {
          const char *q = enc + 8;

          while (q < end && (*q == ' ' || *q == '=' || *q == '\t' || *q == '\n' || *q == '\r'))
            q++;
          if (q < end && (*q == '"' || *q == '\''))
            {
              const char *v = q + 1;
              const char *ve = memchr (v, *q, end - v);

              if (ve != NULL &&
                  !((ve - v == 5 && g_ascii_strncasecmp (v, "UTF-8", 5) == 0) ||
                    (ve - v == 4 && g_ascii_strncasecmp (v, "UTF8", 4) == 0)))
                {
                  g_autofree char *name = g_strndup (v, MIN (ve - v, 40));
                  syntax (r, (gsize) (v - d),
                           _("the file declares the encoding “%s”; Socplan plans are UTF-8"), name);
                  return FALSE;
                }
            }
        }
    }

  /* One pass over the markup: DOCTYPEs, and elements with too many attributes. */
  while (i < len)
    {
      const char *lt = memchr (d + i, '<', len - i);
      gsize tag;
      guint attributes = 0;

      if (lt == NULL)
        break;
      tag = (gsize) (lt - d);
      i = tag + 1;

      if (len - i >= 3 && memcmp (d + i, "!--", 3) == 0)
        {
          const char *close = g_strstr_len (d + i + 3, len - i - 3, "-->");
          if (close == NULL)
            break;
          i = (gsize) (close - d) + 3;
          continue;
        }
      if (len - i >= 8 && memcmp (d + i, "![CDATA[", 8) == 0)
        {
          const char *close = g_strstr_len (d + i + 8, len - i - 8, "]]>");
          if (close == NULL)
            break;
          i = (gsize) (close - d) + 3;
          continue;
        }
      if (len - i >= 1 && d[i] == '?')
        {
          const char *close = g_strstr_len (d + i, len - i, "?>");
          if (close == NULL)
            break;
          i = (gsize) (close - d) + 2;
          continue;
        }
      if (len - i >= 1 && d[i] == '!')
        {
          if (len - i >= 8 && g_ascii_strncasecmp (d + i, "!DOCTYPE", 8) == 0)
            unsafe (r, tag, _("a DOCTYPE is not allowed in a plan: Socplan files have no DTD and no entities"));
          else
            unsafe (r, tag, _("markup declarations are not allowed in a plan"));
          return FALSE;
        }

      /* An element tag: count its quoted values. */
      while (i < len && d[i] != '>')
        {
          char c = d[i];

          if (c == '"' || c == '\'')
            {
              const char *close = memchr (d + i + 1, c, len - i - 1);

              if (++attributes > SOC_MAX_ATTRIBUTES)
                {
                  unsafe (r, tag, _("an element has more than %d attributes"), SOC_MAX_ATTRIBUTES);
                  return FALSE;
                }
              if (close == NULL)
                return TRUE;   /* the parser reports the unterminated value */
              i = (gsize) (close - d) + 1;
              continue;
            }
          if (c == '<')
            break;
          i++;
        }
    }

  return TRUE;

compressed:
  syntax (r, 0, _("the file is compressed; decompress it to get the .socplan file inside"));
  return FALSE;
}
