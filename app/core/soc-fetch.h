/* soc-fetch.h: asking for memory before it is read
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For loops over tens of thousands of objects scattered over more memory
 * than the caches hold (a 100k plan's items, goals and what they refer
 * to): each step of what an object leads to (the object, its lists, what
 * they hold) is asked for SOC_FETCH_AHEAD objects before the one that
 * reads it, so that it has come by then. A hint only: it changes nothing,
 * and is nothing where the compiler has no prefetch.
 */

#pragma once

#if defined (__GNUC__) || defined (__clang__)
#define SOC_FETCH(p) __builtin_prefetch (p)
#else
#define SOC_FETCH(p) ((void) (p))
#endif

#define SOC_FETCH_AHEAD 4
