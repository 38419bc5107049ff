/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preloaded into a `liaison` process by tests/test-crash.c: counts the
 * calls that make a database durable (pwrite, fsync, fdatasync, ftruncate)
 * and sends the process SIGKILL at the Nth, before or after it:
 *   LIAISON_KILL_AT=N  LIAISON_KILL_WHEN=before|after
 * LIAISON_KILL_COUNT=FILE writes how many such calls a run made, at exit.
 * No code of Liaison's knows of it. */
#define _GNU_SOURCE
/* Both pwrite and pwrite64 defined here, whatever the build asks for. */
#undef _FILE_OFFSET_BITS
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static unsigned long calls;
static unsigned long kill_at;
static int           kill_after;

__attribute__ ((constructor)) static void
kill_shim_init (void)
{
  const char *at = getenv ("LIAISON_KILL_AT");
  const char *when = getenv ("LIAISON_KILL_WHEN");

  kill_at = at != NULL ? strtoul (at, NULL, 10) : 0;
  kill_after = when != NULL && strcmp (when, "after") == 0;
}

__attribute__ ((destructor)) static void
kill_shim_report (void)
{
  const char *path = getenv ("LIAISON_KILL_COUNT");
  FILE       *f;

  if (path == NULL || (f = fopen (path, "w")) == NULL)
    return;
  fprintf (f, "%lu\n", calls);
  fclose (f);
}

static void
before (void)
{
  calls++;
  if (kill_at != 0 && calls == kill_at && !kill_after)
    kill (getpid (), SIGKILL);
}

static void
after (void)
{
  if (kill_at != 0 && calls == kill_at && kill_after)
    kill (getpid (), SIGKILL);
}

#define NEXT(name) ((__typeof__ (&name)) dlsym (RTLD_NEXT, #name))

ssize_t
pwrite (int fd, const void *buf, size_t n, off_t offset)
{
  ssize_t r;

  before ();
  r = NEXT (pwrite) (fd, buf, n, offset);
  after ();
  return r;
}

ssize_t
pwrite64 (int fd, const void *buf, size_t n, off64_t offset)
{
  ssize_t r;

  before ();
  r = NEXT (pwrite64) (fd, buf, n, offset);
  after ();
  return r;
}

int
fsync (int fd)
{
  int r;

  before ();
  r = NEXT (fsync) (fd);
  after ();
  return r;
}

int
fdatasync (int fd)
{
  int r;

  before ();
  r = NEXT (fdatasync) (fd);
  after ();
  return r;
}

int
ftruncate (int fd, off_t length)
{
  int r;

  before ();
  r = NEXT (ftruncate) (fd, length);
  after ();
  return r;
}
