/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-content-line.h"
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
  g_assert_nonnull (strstr (text, "X-LIAISON-FAMILY-LATIN:Li\r\n"));
  g_assert_nonnull (strstr (text, "X-LIAISON-GIVEN-LATIN:Xia\r\n"));
  g_assert_null (strstr (text, "X-LIAISON-N-LATIN"));
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

/* What Radicale stores (DESIGN.md): the card re-serialised, with every ";"
 * and "," of a TEXT value escaped, an X- property's too; or, lossy, as
 * libical writes an X- value it read (unescaped). */
static char *
reserialise (const char *text,
             gboolean    lossy)
{
  g_auto (GStrv) lines = g_strsplit (text, "\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      const char *colon = strchr (lines[i], ':');

      if (g_str_has_prefix (lines[i], "X-"))
        {
          g_autofree char *head = g_strndup (lines[i], colon - lines[i]);
          g_autofree char *plain = liaison_content_unescape_text (colon + 1);
          g_autofree char *escaped = liaison_content_escape_text (plain);

          g_string_append_printf (out, "%s:%s\r\n", head, lossy ? plain : escaped);
        }
      else
        g_string_append_printf (out, "%s\r\n", lines[i]);
    }
  return g_string_free (out, FALSE);
}

/* Issue 11, 1: the Latin name reads back the same after a conforming
 * re-serialisation, a family name with a ";" of its own too, and both
 * forms of older versions still read. */
static void
test_latin_name (void)
{
  g_autoptr (GHashTable) f = liaison_sync_fields_new ();
  g_autoptr (GHashTable) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *rewritten = NULL;
  const char      *old[][3] = {
         { "X-LIAISON-N-LATIN:Li;Xia", "Li", "Xia" },
         { "X-LIAISON-N-LATIN:Li\\;Xia", "Li", "Xia" },
         { "X-LIAISON-N-LATIN:Kyaw\\; Jr.;Min", "Kyaw; Jr.", "Min" },
         { "X-LIAISON-N-LATIN:Kyaw\\; Jr.\\;Min", "Kyaw; Jr.", "Min" },
         { "X-LIAISON-N-LATIN:Li;", "Li", NULL },
         { "X-LIAISON-N-LATIN:Li\\;", "Li", NULL },
  };

  set (f, "family_native", "ကျော်");
  set (f, "given_native", "မင်း");
  set (f, "family_latin", "Kyaw; Jr.");
  set (f, "given_latin", "Min, U");
  set (f, "country", "MM");
  text = liaison_vcard_write ("0190d3a2-7c1e-7a00-8b00-000000000005", f, NULL, &error);
  g_assert_no_error (error);
  for (guint lossy = 0; lossy < 2; lossy++)
    {
      g_autofree char *copy = reserialise (text, lossy);

      back = liaison_vcard_read (copy, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (liaison_sync_fields_equal (f, back));
      g_clear_pointer (&back, g_hash_table_unref);
    }
  stored = reserialise (text, FALSE);

  /* Written into the re-serialised copy, nothing changed: the same. */
  rewritten = liaison_vcard_write ("0190d3a2-7c1e-7a00-8b00-000000000005", f, stored, &error);
  g_assert_no_error (error);
  g_clear_pointer (&back, g_hash_table_unref);
  back = liaison_vcard_read (rewritten, NULL, &error);
  g_assert_true (liaison_sync_fields_equal (f, back));

  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *card = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:old-%u\r\nFN:李霞\r\n"
                                               "N;X-LIAISON-SCRIPT=native:李;霞;;;\r\n%s\r\nEND:VCARD\r\n",
                                               i, old[i][0]);
      g_autoptr (GHashTable) o = liaison_vcard_read (card, NULL, &error);
      g_autoptr (GHashTable) again = NULL;
      g_autofree char *upgraded = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (g_hash_table_lookup (o, "family_latin"), ==, old[i][1]);
      g_assert_cmpstr (g_hash_table_lookup (o, "given_latin"), ==, old[i][2]);
      /* Liaison writes the newer form in place of the older. */
      upgraded = liaison_vcard_write ("x", o, card, &error);
      g_assert_no_error (error);
      g_assert_null (strstr (upgraded, "X-LIAISON-N-LATIN"));
      g_assert_nonnull (strstr (upgraded, "X-LIAISON-FAMILY-LATIN"));
      again = liaison_vcard_read (upgraded, NULL, &error);
      g_assert_true (liaison_sync_fields_equal (o, again));
    }
}

/* Issue 11, 6: a vCard 3.0 card keeps its version and its organisation
 * units; what Liaison writes into it is what 3.0 allows. */
static void
test_version_3 (void)
{
  const char *card = "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Khard//NONSGML Khard//EN\r\nUID:khard-1\r\n"
                     "FN:Somchai Jaidee\r\nN:Jaidee;Somchai;;;\r\nORG:Ministry of Environment;Dept A\r\n"
                     "EMAIL;TYPE=INTERNET,WORK:somchai@example.th\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\r\n"
                     "END:VCARD\r\n";
  g_autoptr (GHashTable) f = NULL;
  g_autoptr (GHashTable) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  f = liaison_vcard_read (card, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (f, "organisation_en"), ==, "Ministry of Environment");
  set (f, "organisation_zh", "环境部");
  set (f, "gender", "male");
  set (f, "languages", "th\nen");
  set (f, "family_native", "ใจดี");
  set (f, "given_native", "สมชาย");
  text = liaison_vcard_write ("khard-1", f, card, &error);
  g_assert_no_error (error);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "VERSION:3.0\r\n"));
  g_assert_null (strstr (text, "ALTID"));
  g_assert_null (strstr (text, "\r\nGENDER"));
  g_assert_null (strstr (text, "\r\nLANG"));
  g_assert_nonnull (strstr (text, "ORG;LANGUAGE=en:Ministry of Environment;Dept A\r\n"));
  g_assert_nonnull (strstr (text, "ORG;LANGUAGE=zh:环境部\r\n"));
  g_assert_nonnull (strstr (text, "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\r\n"));
  g_assert_nonnull (strstr (text, "EMAIL;TYPE=INTERNET,WORK:somchai@example.th\r\n"));
  /* One FN in 3.0. */
  g_assert_nonnull (strstr (text, "\r\nFN"));
  g_assert_null (strstr (strstr (text, "\r\nFN") + 1, "\r\nFN"));
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
  g_test_add_func ("/liaison/vcard/latin-name", test_latin_name);
  g_test_add_func ("/liaison/vcard/version-3", test_version_3);

  return g_test_run ();
}
