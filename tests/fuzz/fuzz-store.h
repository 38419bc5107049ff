/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>

#include "liaison-store.h"

/* One small database in a temporary folder for the whole run, removed at
 * exit: the targets that go through the store's public API. */

static char *fuzz_store_dir;

static void
fuzz_store_remove (void)
{
  g_autoptr (GDir) dir = g_dir_open (fuzz_store_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_store_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fuzz_store_dir);
}

static inline LiaisonStore *
fuzz_store_open (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  LiaisonStore    *store;

  fuzz_store_dir = g_dir_make_tmp ("liaison-fuzz-XXXXXX", &error);
  if (fuzz_store_dir == NULL)
    g_error ("%s", error->message);
  atexit (fuzz_store_remove);
  path = g_build_filename (fuzz_store_dir, "liaison.db", NULL);
  store = liaison_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}
