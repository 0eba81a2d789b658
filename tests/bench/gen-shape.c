/* gen-shape.c: writes plans of an unusual shape, for benchmarks and tests
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   gen-shape SHAPE N -o FILE
 *
 *   deep N        a goal tree N levels deep, one goal under the other
 *   chain N       N roadmap items, each depending on the one before
 *   serves N      N goals, and one item that serves them all
 *   cycles N      N goals in N / 2 cycles of two (a plan the reader refuses)
 *   whitespace N  a small plan padded with about N MB of white space
 *
 * Only GLib; the same arguments give the same bytes. All but cycles (and
 * deep beyond the format's 1,000 levels) are valid plans in canonical form.
 */

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<socplan xmlns=\"https://socplan.github.io/ns/socplan\" version=\"1.0\">\n"

static void
deep (GString *s,
      guint    n)
{
  g_string_append (s, "  <goals>\n");
  for (guint i = 1; i <= n; i++)
    {
      g_string_append_printf (s, "    <goal id=\"g%u\" kind=\"initiative\" status=\"planned\"", i);
      if (i > 1)
        g_string_append_printf (s, " parent=\"g%u\"", i - 1);
      g_string_append_printf (s, ">\n      <title>Goal %u</title>\n    </goal>\n", i);
    }
  g_string_append (s, "  </goals>\n");
}

static void
chain (GString *s,
       guint    n)
{
  g_string_append (s, "  <roadmap>\n"
                      "    <lane id=\"l1\" kind=\"other\">\n      <title>Work</title>\n    </lane>\n");
  for (guint i = 1; i <= n; i++)
    {
      g_string_append_printf (s, "    <item id=\"i%u\" kind=\"activity\" lane=\"l1\" progress=\"0\">\n"
                                 "      <title>Step %u</title>\n", i, i);
      if (i > 1)
        g_string_append_printf (s, "      <depends-on item=\"i%u\"/>\n", i - 1);
      g_string_append (s, "    </item>\n");
    }
  g_string_append (s, "  </roadmap>\n");
}

static void
serves (GString *s,
        guint    n)
{
  g_string_append (s, "  <goals>\n");
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (s, "    <goal id=\"g%u\" kind=\"initiative\" status=\"planned\">\n"
                               "      <title>Goal %u</title>\n    </goal>\n", i, i);
  g_string_append (s, "  </goals>\n  <roadmap>\n"
                      "    <lane id=\"l1\" kind=\"other\">\n      <title>Work</title>\n    </lane>\n"
                      "    <item id=\"i1\" kind=\"activity\" lane=\"l1\" progress=\"0\">\n"
                      "      <title>Serves them all</title>\n");
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (s, "      <serves goal=\"g%u\"/>\n", i);
  g_string_append (s, "    </item>\n  </roadmap>\n");
}

static void
cycles (GString *s,
        guint    n)
{
  g_string_append (s, "  <goals>\n");
  for (guint i = 0; i + 1 < n; i += 2)
    g_string_append_printf (s, "    <goal id=\"g%u\" kind=\"initiative\" status=\"planned\" parent=\"g%u\"/>\n"
                               "    <goal id=\"g%u\" kind=\"initiative\" status=\"planned\" parent=\"g%u\"/>\n",
                            i + 1, i + 2, i + 2, i + 1);
  g_string_append (s, "  </goals>\n");
}

static void
whitespace (GString *s,
            guint    megabytes)
{
  gsize pad = (gsize) megabytes * 1024 * 1024 / 4;
  GString *blank = g_string_sized_new (pad);

  for (gsize i = 0; i < pad; i++)
    g_string_append_c (blank, i % 64 == 63 ? '\n' : ' ');

  g_string_append (s, "  <plan horizon-start=\"2026-01-01\" horizon-end=\"2028-12-31\">\n");
  g_string_append_len (s, blank->str, blank->len);
  g_string_append (s, "    <title>Mostly white space</title>\n  </plan>\n  <goals>\n");
  g_string_append_len (s, blank->str, blank->len);
  g_string_append (s, "    <goal id=\"g1\" kind=\"vision\" status=\"planned\">\n      <title>Air</title>\n    </goal>\n");
  g_string_append_len (s, blank->str, blank->len);
  g_string_append (s, "  </goals>\n");
  g_string_append_len (s, blank->str, blank->len);
  g_string_free (blank, TRUE);
}

int
main (int    argc,
      char **argv)
{
  static const struct { const char *name; void (*make) (GString *, guint); } shapes[] = {
    { "deep", deep }, { "chain", chain }, { "serves", serves }, { "cycles", cycles },
    { "whitespace", whitespace },
  };
  GString *s;
  FILE *f;
  guint64 n;

  if (argc != 5 || strcmp (argv[3], "-o") != 0 ||
      !g_ascii_string_to_unsigned (argv[2], 10, 1, 1000000, &n, NULL))
    {
      g_printerr ("usage: gen-shape deep|chain|serves|cycles|whitespace N -o FILE\n");
      return 2;
    }

  s = g_string_new (HEAD);
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    if (strcmp (argv[1], shapes[i].name) == 0)
      {
        shapes[i].make (s, (guint) n);
        g_string_append (s, "</socplan>\n");
        f = fopen (argv[4], "wb");
        if (f == NULL || fwrite (s->str, 1, s->len, f) != s->len || fclose (f) != 0)
          {
            g_printerr ("gen-shape: cannot write %s\n", argv[4]);
            return 1;
          }
        g_string_free (s, TRUE);
        return 0;
      }
  g_printerr ("gen-shape: unknown shape “%s”\n", argv[1]);
  return 2;
}
