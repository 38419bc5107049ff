/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "liaison-print-document.h"
#include "liaison-store.h"

/* Printed documents of one event with many attendees: name badges (the
 * target: 1,000 in at most 10 s), the sign-in sheet and the certificates,
 * laid out and written to PDF. One JSON object per line.
 *
 *   bench-badges [--people N] [--keep DIR]
 *
 * The people have the names of all eleven countries, in their scripts. */

typedef struct
{
  const char      *country;
  const char      *family;
  const char      *given;
  const char      *family_latin;
  const char      *given_latin;
  LiaisonNameOrder order;
  const char      *organisation;
} Name;

static const Name names[] = {
  { "CN", "李", "霞", "Li", "Xia", LIAISON_NAME_ORDER_FAMILY_FIRST, "生态环境部对外合作与交流中心" },
  { "CN", "欧阳", "明轩", "Ouyang", "Mingxuan", LIAISON_NAME_ORDER_FAMILY_FIRST, "中国-东盟环境保护合作中心" },
  { "VN", "Nguyễn", "Thị Minh Khai", "Nguyen", "Thi Minh Khai", LIAISON_NAME_ORDER_FAMILY_FIRST, "Bộ Tài nguyên và Môi trường" },
  { "TH", "ใจดี", "สมชาย", "Jaidee", "Somchai", LIAISON_NAME_ORDER_GIVEN_FIRST, "Office of Natural Resources and Environmental Policy and Planning" },
  { "KH", "ចាន់", "សុខា", "Chan", "Sokha", LIAISON_NAME_ORDER_FAMILY_FIRST, "Ministry of Environment" },
  { "LA", "ພົມມະຈັນ", "ສົມພອນ", "Phommachanh", "Somphone", LIAISON_NAME_ORDER_GIVEN_FIRST, "Ministry of Natural Resources and Environment" },
  { "MM", NULL, "အောင်ကျော်မိုး", NULL, "Aung Kyaw Moe", LIAISON_NAME_ORDER_MONONYM, "Environmental Conservation Department" },
  { "ID", NULL, NULL, NULL, "Sutrisno", LIAISON_NAME_ORDER_MONONYM, "Ministry of Environment and Forestry" },
  { "MY", NULL, NULL, "bin Ismail", "Ahmad", LIAISON_NAME_ORDER_GIVEN_FIRST, "Ministry of Natural Resources, Environment and Climate Change" },
  { "PH", NULL, NULL, "Dela Cruz", "Maria", LIAISON_NAME_ORDER_GIVEN_FIRST, "Department of Environment and Natural Resources" },
  { "SG", "陈", "伟玲", "Tan", "Wei Ling", LIAISON_NAME_ORDER_FAMILY_FIRST, "National Environment Agency" },
  { "BN", NULL, NULL, "Abdul Rahman", "Haji", LIAISON_NAME_ORDER_GIVEN_FIRST, "Department of Environment, Parks and Recreation" },
};

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
fail (GError *error)
{
  fprintf (stderr, "bench-badges: %s\n", error->message);
  exit (1);
}

static char *
fill (LiaisonStore *store, guint n)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_ZH, "2025年中国-东盟环境合作论坛");
  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, "China-ASEAN Environmental Cooperation Forum 2025");
  liaison_bilingual_set_text (liaison_event_get_city (event), LIAISON_LANGUAGE_ZH, "南宁");
  liaison_bilingual_set_text (liaison_event_get_city (event), LIAISON_LANGUAGE_EN, "Nanning");
  if (!liaison_event_set_when (event, "2025-09-16T09:00", "2025-09-17T17:30", "Asia/Shanghai", &error))
    fail (error);
  liaison_event_set_kind (event, LIAISON_EVENT_KIND_FORUM);
  liaison_event_set_country (event, "CN");
  if (!liaison_store_save_event (store, event, LIAISON_ORIGIN_LOCAL, &error) || !liaison_store_begin_bulk (store, &error))
    fail (error);
  for (guint i = 0; i < n; i++)
    {
      const Name *name = &names[i % G_N_ELEMENTS (names)];
      g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
      g_autofree char *given_latin = g_strdup_printf ("%s %u", name->given_latin, i);

      liaison_participant_set_native_name (p, name->family, name->given);
      liaison_participant_set_latin_name (p, name->family_latin, given_latin);
      liaison_participant_set_name_order (p, name->order);
      liaison_participant_set_country (p, name->country);
      liaison_bilingual_set_text (liaison_participant_get_organisation (p), g_str_equal (name->country, "CN") ? LIAISON_LANGUAGE_ZH : LIAISON_LANGUAGE_EN,
                                  name->organisation);
      if (!liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error))
        fail (error);
      g_ptr_array_add (ids, g_strdup (liaison_participant_get_id (p)));
    }
  g_ptr_array_add (ids, NULL);
  {
    g_autoptr (GPtrArray) made = liaison_store_register_many (store, liaison_event_get_id (event), (const char *const *) ids->pdata,
                                                              LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_CONFIRMED,
                                                              LIAISON_ORIGIN_LOCAL, NULL, &error);
    if (made == NULL)
      fail (error);
  }
  if (!liaison_store_end_bulk (store, TRUE, &error))
    fail (error);
  return g_strdup (liaison_event_get_id (event));
}

static void
attend_all (LiaisonStore *store, const char *event_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) registrations = liaison_store_list_registrations (store, event_id, &error);

  if (registrations == NULL || !liaison_store_begin_bulk (store, &error))
    fail (error);
  for (guint i = 0; i < registrations->len; i++)
    {
      g_autoptr (LiaisonRegistration) r = liaison_store_check_in (store, liaison_registration_get_id (g_ptr_array_index (registrations, i)),
                                                                  LIAISON_ORIGIN_LOCAL, &error);
      if (r == NULL)
        fail (error);
    }
  if (!liaison_store_end_bulk (store, TRUE, &error))
    fail (error);
}

static void
measure (LiaisonStore *store, LiaisonPrintKind kind, const char *event_id, guint n, const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s.pdf", liaison_print_kind_to_string (kind));
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gint64           start = g_get_monotonic_time ();
  g_autoptr (LiaisonPrintDocument) doc = liaison_print_document_new (store, kind, event_id, NULL, &error);
  double   layout_s, write_s;
  GStatBuf st;

  if (doc == NULL)
    fail (error);
  layout_s = seconds_since (start);
  start = g_get_monotonic_time ();
  if (!liaison_print_document_write_pdf (doc, path, &error))
    fail (error);
  write_s = seconds_since (start);
  if (g_stat (path, &st) != 0)
    st.st_size = 0;
  printf ("{\"benchmark\": \"%s-pdf\", \"people\": %u, \"pages\": %u, \"seconds\": %.2f, \"load_and_layout_s\": %.2f, \"draw_and_write_s\": %.2f, \"bytes\": %" G_GINT64_FORMAT ", \"missing_glyphs\": %u}\n",
          liaison_print_kind_to_string (kind), liaison_print_document_get_n_people (doc),
          liaison_print_document_get_n_pages (doc), layout_s + write_s, layout_s, write_s, (gint64) st.st_size,
          g_strv_length ((char **) liaison_print_document_get_missing_glyphs (doc)));
  fflush (stdout);
  (void) n;
}

int
main (int argc, char **argv)
{
  int                n = 1000;
  char              *keep = NULL;
  const GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_INT, &n, "Attendees of the event (1000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Leave the database and the PDFs in this folder", "DIR" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *event = NULL;
  g_autoptr (LiaisonStore) store = NULL;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail (error);
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("liaison-bench-badges-XXXXXX", &error);
  if (dir == NULL)
    fail (error);
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, "liaison.db", NULL);
  g_unlink (path);
  store = liaison_store_open (path, &error);
  if (store == NULL)
    fail (error);

  start = g_get_monotonic_time ();
  event = fill (store, n);
  printf ("{\"benchmark\": \"badges-dataset\", \"people\": %d, \"seconds\": %.2f}\n", n, seconds_since (start));
  measure (store, LIAISON_PRINT_BADGES, event, n, dir);
  measure (store, LIAISON_PRINT_SIGNIN, event, n, dir);
  attend_all (store, event);
  measure (store, LIAISON_PRINT_CERTIFICATES, event, n, dir);

  if (keep == NULL)
    {
      const char *names_to_remove[] = { "liaison.db", "liaison.db-wal", "liaison.db-shm", "badges.pdf", "signin.pdf", "certificates.pdf" };

      liaison_store_close (store);
      for (guint i = 0; i < G_N_ELEMENTS (names_to_remove); i++)
        {
          g_autofree char *file = g_build_filename (dir, names_to_remove[i], NULL);
          g_unlink (file);
        }
      g_rmdir (dir);
    }
  g_free (keep);
  return 0;
}
