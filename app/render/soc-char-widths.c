/* soc-char-widths.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How wide a text will be, without shaping it: shaping 100,000 titles (a
 * large goal tree's) costs seconds, while adding up each character's
 * advance costs next to nothing. Each character is measured once, shaped
 * on its own in one layout with all the others (a space between, so no
 * ligature or kerning joins them): kerning aside, what shaping would say.
 */

#define G_LOG_DOMAIN "soc-char-widths"

#include "config.h"

#include "soc-char-widths.h"

struct _SocCharWidths
{
  SocText      *text;
  SocTextStyle  style;
  double        ascii[128];
  GHashTable   *other;       /* gunichar -> its advance in 1/1024 px, plus 1 */
};

/* The advance of each of the N characters CHARS, each shaped on its own
 * (a space between them), in one layout. */
static void
measure_chars (SocCharWidths  *w,
               const gunichar *chars,
               guint           n,
               double         *out)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree guint *offsets = g_new (guint, MAX (n, 1));
  g_autofree double *advance = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;

  for (guint i = 0; i < n; i++)
    {
      offsets[i] = s->len;
      g_string_append_unichar (s, chars[i]);
      g_string_append_c (s, ' ');
    }
  advance = g_new0 (double, s->len + 1);
  layout = soc_text_layout (w->text, w->style, s->str);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      for (int g = 0; g < run->glyphs->num_glyphs; g++)
        {
          int at = run->item->offset + run->glyphs->log_clusters[g];

          if (at >= 0 && (gsize) at < s->len)
            advance[at] += (double) run->glyphs->glyphs[g].geometry.width / PANGO_SCALE;
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  for (guint i = 0; i < n; i++)
    out[i] = advance[offsets[i]];
}

/* Widths of characters in STYLE, measured with TEXT. */
SocCharWidths *
soc_char_widths_new (SocText      *text,
                     SocTextStyle  style)
{
  SocCharWidths *w = g_new0 (SocCharWidths, 1);
  gunichar printable[95];
  double advances[95];

  w->text = soc_text_ref (text);
  w->style = style;
  w->other = g_hash_table_new (NULL, NULL);
  for (guint c = 0; c < 95; c++)
    printable[c] = 32 + c;
  measure_chars (w, printable, 95, advances);
  for (guint c = 0; c < 128; c++)
    w->ascii[c] = c >= 32 && c < 127 ? advances[c - 32] : 0;
  return w;
}

void
soc_char_widths_free (SocCharWidths *w)
{
  if (w == NULL)
    return;
  g_clear_pointer (&w->other, g_hash_table_unref);
  soc_text_unref (w->text);
  g_free (w);
}

/* TEXT's width, or -1 if it holds characters not measured yet, which are
 * added to PENDING. LINE_BREAK, if not NULL, is set when it holds one. */
double
soc_char_widths_estimate (SocCharWidths *w,
                          const char    *text,
                          GHashTable    *pending,
                          gboolean      *line_break)
{
  double width = 0;
  gboolean complete = TRUE;

  for (const char *p = text; *p != '\0';)
    {
      guchar b = (guchar) *p;

      if (b < 0x80)
        {
          if (b == '\n' && line_break != NULL)
            *line_break = TRUE;
          width += w->ascii[b];
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          gpointer found = g_hash_table_lookup (w->other, GUINT_TO_POINTER (c));

          if (found != NULL)
            width += (GPOINTER_TO_UINT (found) - 1) / 1024.0;
          else
            {
              g_hash_table_add (pending, GUINT_TO_POINTER (c));
              complete = FALSE;
            }
          p = g_utf8_next_char (p);
        }
    }
  return complete ? width : -1;
}

/* Measures the characters in PENDING, all in one layout. */
void
soc_char_widths_learn (SocCharWidths *w,
                       GHashTable    *pending)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autofree double *advances = NULL;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gunichar c = GPOINTER_TO_UINT (key);

      g_array_append_val (chars, c);
    }
  if (chars->len == 0)
    return;
  advances = g_new (double, chars->len);
  measure_chars (w, (gunichar *) chars->data, chars->len, advances);
  for (guint i = 0; i < chars->len; i++)
    g_hash_table_insert (w->other, GUINT_TO_POINTER (g_array_index (chars, gunichar, i)),
                         GUINT_TO_POINTER ((guint) (MAX (advances[i], 0) * 1024) + 1));
  g_hash_table_remove_all (pending);
}
