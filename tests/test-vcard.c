/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-io-error.h"
#include "liaison-store-sync.h"
#include "liaison-vcard.h"

static void
set (GHashTable *f,
     const char *k,
     const char *v)
{
  g_hash_table_insert (f, g_strdup (k), g_strdup (v));
}

static void
test_round_trip (void)
{
  g_autoptr (GHashTable) f = liaison_sync_fields_new ();
  g_autoptr (GHashTable) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uid = NULL;
  const char      *p;
  guint            n_n = 0;

  set (f, "family_native", "李");
  set (f, "given_native", "霞");
  set (f, "family_latin", "Li");
  set (f, "given_latin", "Xia");
  set (f, "honorific", "Dr");
  set (f, "gender", "female");
  set (f, "organisation_zh", "生态环境部对外合作与交流中心");
  set (f, "organisation_en", "Foreign Environmental Cooperation Center, MEE; Beijing");
  set (f, "position_en", "Director");
  set (f, "sector", "government");
  set (f, "country", "CN");
  set (f, "emails", "li.xia@example.cn\nlx@example.org");
  set (f, "phones", "+86 10 1234 5678");
  set (f, "consent", "1");
  set (f, "consent_date", "2025-01-04");
  liaison_sync_fields_normalize ("participant", f);

  text = liaison_vcard_write ("0190d3a2-7c1e-7a00-8b00-000000000001", f, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "VERSION:4.0\r\n"));
  g_assert_nonnull (strstr (text, "FN;ALTID=1;LANGUAGE=zh:李霞\r\n"));
  g_assert_nonnull (strstr (text, "X-LIAISON-N-LATIN:Li;Xia\r\n"));
  /* One N only: servers refuse a second. */
  for (p = text; (p = strstr (p, "\r\nN;")) != NULL; p++)
    n_n++;
  g_assert_cmpuint (n_n, ==, 1);

  back = liaison_vcard_read (text, &uid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uid, ==, "0190d3a2-7c1e-7a00-8b00-000000000001");
  g_assert_true (liaison_sync_fields_equal (f, back));
}

static const char foreign[] =
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "UID:urn:uuid:0190d3a2-7c1e-7a00-8b00-000000000002\r\n"
    "FN:Somchai Jaidee\r\n"
    "N:Jaidee;Somchai;;;\r\n"
    "EMAIL;TYPE=work:somchai@example.th\r\n"
    "X-EVOLUTION-FILE-AS:Jaidee\\, Somchai\r\n"
    "item1.X-ABLABEL:Assistant\r\n"
    "END:VCARD\r\n";

static void
test_foreign_splice (void)
{
  g_autoptr (GHashTable) f = NULL;
  g_autoptr (GHashTable) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  f = liaison_vcard_read (foreign, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (f, "family_latin"), ==, "Jaidee");
  g_assert_cmpstr (g_hash_table_lookup (f, "emails"), ==, "somchai@example.th");

  set (f, "family_native", "ใจดี");
  set (f, "given_native", "สมชาย");
  set (f, "country", "TH");
  text = liaison_vcard_write ("0190d3a2-7c1e-7a00-8b00-000000000002", f, foreign, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "X-EVOLUTION-FILE-AS:Jaidee\\, Somchai\r\n"));
  g_assert_nonnull (strstr (text, "item1.X-ABLABEL:Assistant\r\n"));
  g_assert_nonnull (strstr (text, "EMAIL;TYPE=work:somchai@example.th\r\n"));
  g_assert_nonnull (strstr (text, "UID:urn:uuid:0190d3a2-7c1e-7a00-8b00-000000000002\r\n"));
  back = liaison_vcard_read (text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_sync_fields_equal (f, back));
}

static void
test_malformed (void)
{
  const char *bad[] = {
    "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:No Uid\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:x\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:x\r\nthis is not a content line\r\nEND:VCARD\r\n",
    /* Radicale takes these; they make its XML listing unreadable. */
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:x\r\nFN:Bad\001Name\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:x\r\nFN:Delete\177\r\nEND:VCARD\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GHashTable) f = liaison_vcard_read (bad[i], NULL, &error);

      g_assert_null (f);
      g_assert_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/vcard/round-trip", test_round_trip);
  g_test_add_func ("/liaison/vcard/foreign-splice", test_foreign_splice);
  g_test_add_func ("/liaison/vcard/malformed", test_malformed);

  return g_test_run ();
}
