/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

/* A fresh folder for each test's database, removed by the caller. */
static inline char *
test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("liaison-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
test_remove_tree (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);
        g_chmod (child, 0700);
        if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
          test_remove_tree (child);
        else
          g_unlink (child);
        g_object_unref (info);
      }
  g_chmod (path, 0700);
  g_rmdir (path);
}
