/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-core-resources.h"
#include "liaison-resource.h"

static int calls;

/* What GLib 2.74 answers while another thread is still turning the lazy list
 * into resources: NULL first, the resource once that thread is done. */
static GResource *
late_resource (void)
{
  return calls++ == 0 ? NULL : liaison_core_get_resource ();
}

static GResource *
no_resource (void)
{
  calls++;
  return NULL;
}

static void
test_late (void)
{
  GResource *resource;
  g_autoptr (GBytes) bytes = NULL;

  liaison_core_register_resource ();
  calls = 0;
  resource = liaison_resource_get (late_resource);
  g_assert_nonnull (resource);
  g_assert_cmpint (calls, ==, 2);
  bytes = g_resource_lookup_data (resource, "/org/chinaaseanenv/Liaison/core/countries.tsv", 0, NULL);
  g_assert_nonnull (bytes);
}

static void
test_ready (void)
{
  liaison_core_register_resource ();
  g_assert_nonnull (liaison_core_get_resource ());
  calls = 1;
  g_assert_true (liaison_resource_get (late_resource) == liaison_core_get_resource ());
  g_assert_cmpint (calls, ==, 2);
}

/* A resource that never comes is a damaged program, said so, not a crash
 * further on. */
static void
test_missing (void)
{
  if (g_test_subprocess ())
    {
      liaison_resource_get (no_resource);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*built-in resource could not be loaded*");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/liaison/resource/late", test_late);
  g_test_add_func ("/liaison/resource/ready", test_ready);
  g_test_add_func ("/liaison/resource/missing", test_missing);
  return g_test_run ();
}
