/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-dav-href.h"

static void
test_well_known (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *caldav = liaison_dav_well_known_uri ("https://dav.example.org:8443/some/path", LIAISON_DAV_SERVICE_CALDAV, &error);
  g_autofree char *carddav = liaison_dav_well_known_uri ("http://127.0.0.1:5232/", LIAISON_DAV_SERVICE_CARDDAV, NULL);
  g_autofree char *bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (caldav, ==, "https://dav.example.org:8443/.well-known/caldav");
  g_assert_cmpstr (carddav, ==, "http://127.0.0.1:5232/.well-known/carddav");

  bad = liaison_dav_well_known_uri ("ftp://example.org/", LIAISON_DAV_SERVICE_CALDAV, &error);
  g_assert_null (bad);
  g_assert_error (error, G_URI_ERROR, G_URI_ERROR_BAD_SCHEME);
}

static void
test_member (void)
{
  const char *col = "/user/liaison-events/";

  g_assert_true (liaison_dav_href_is_member (col, "/user/liaison-events/abc.ics"));
  g_assert_true (liaison_dav_href_is_member ("http://h:1/user/liaison-events/", "http://h:1/user/liaison-events/a%20b.ics"));
  g_assert_false (liaison_dav_href_is_member (col, "/user/liaison-events/"));
  g_assert_false (liaison_dav_href_is_member (col, "/user/liaison-events"));
  g_assert_false (liaison_dav_href_is_member (col, "/user/other/abc.ics"));
  g_assert_false (liaison_dav_href_is_member (col, "/user/liaison-events/sub/abc.ics"));
  g_assert_false (liaison_dav_href_is_member (col, "/user/liaison-events/.."));
  g_assert_false (liaison_dav_href_is_member ("/user/liaison-events", "/user/liaison-events/abc.ics"));
}

static void
test_resource_href (void)
{
  g_autofree char *a = liaison_dav_resource_href ("/u/cal/", "29acc496-3cb6-534f-ad32-cd2e1e9b5ead", LIAISON_DAV_SERVICE_CALDAV);
  g_autofree char *b = liaison_dav_resource_href ("/u/book", "a b/c", LIAISON_DAV_SERVICE_CARDDAV);

  g_assert_cmpstr (a, ==, "/u/cal/29acc496-3cb6-534f-ad32-cd2e1e9b5ead.ics");
  g_assert_cmpstr (b, ==, "/u/book/a%20b%2Fc.vcf");
  g_assert_true (liaison_dav_href_is_member ("/u/book/", b));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/dav-href/well-known", test_well_known);
  g_test_add_func ("/liaison/dav-href/member", test_member);
  g_test_add_func ("/liaison/dav-href/resource-href", test_resource_href);

  return g_test_run ();
}
