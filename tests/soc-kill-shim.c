/* soc-kill-shim.c: an LD_PRELOAD module that kills the process mid-save
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SOC_KILL_AT=fsync|rename|after-rename raises SIGKILL at the Nth such call
 * (SOC_KILL_AFTER, default 1): "rename" before the file is renamed into
 * place, "after-rename" once it is. Nothing else changes.
 */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int fsync (int fd);
int fdatasync (int fd);
int rename (const char *from, const char *to);
int renameat (int fromfd, const char *from, int tofd, const char *to);

static int
reached (const char *what)
{
  static int count = 0;
  const char *at = getenv ("SOC_KILL_AT");
  const char *after = getenv ("SOC_KILL_AFTER");

  if (at == NULL || strcmp (at, what) != 0)
    return 0;
  return ++count >= (after != NULL ? atoi (after) : 1);
}

static void
die (void)
{
  raise (SIGKILL);
  _exit (137);
}

int
fsync (int fd)
{
  static int (*real) (int);

  if (reached ("fsync"))
    die ();
  if (real == NULL)
    real = (int (*) (int)) dlsym (RTLD_NEXT, "fsync");
  return real (fd);
}

int
fdatasync (int fd)
{
  static int (*real) (int);

  if (reached ("fsync"))
    die ();
  if (real == NULL)
    real = (int (*) (int)) dlsym (RTLD_NEXT, "fdatasync");
  return real (fd);
}

int
rename (const char *from,
        const char *to)
{
  static int (*real) (const char *, const char *);
  int result;

  if (reached ("rename"))
    die ();
  if (real == NULL)
    real = (int (*) (const char *, const char *)) dlsym (RTLD_NEXT, "rename");
  result = real (from, to);
  if (result == 0 && reached ("after-rename"))
    die ();
  return result;
}

int
renameat (int         fromfd,
          const char *from,
          int         tofd,
          const char *to)
{
  static int (*real) (int, const char *, int, const char *);
  int result;

  if (reached ("rename"))
    die ();
  if (real == NULL)
    real = (int (*) (int, const char *, int, const char *)) dlsym (RTLD_NEXT, "renameat");
  result = real (fromfd, from, tofd, to);
  if (result == 0 && reached ("after-rename"))
    die ();
  return result;
}
