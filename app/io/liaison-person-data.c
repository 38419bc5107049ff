/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-io-error.h"
#include "liaison-json.h"
#include "liaison-pdf-doc.h"
#include "liaison-person-data.h"
#include "liaison-store.h"

static const char *
member (JsonObject *o, const char *name)
{
  return o != NULL ? json_object_get_string_member_with_default (o, name, NULL) : NULL;
}

static JsonObject *
object (JsonObject *o, const char *name)
{
  if (o == NULL || !json_object_has_member (o, name) || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, name)))
    return NULL;
  return json_object_get_object_member (o, name);
}

static JsonArray *
array (JsonObject *o, const char *name)
{
  if (o == NULL || !json_object_has_member (o, name) || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, name)))
    return NULL;
  return json_object_get_array_member (o, name);
}

static char *
join_array (JsonArray *a)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; a != NULL && i < json_array_get_length (a); i++)
    {
      if (i > 0)
        g_string_append (text, C_ ("list separator", ", "));
      g_string_append (text, json_array_get_string_element (a, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
enum_label (GType type, const char *nick)
{
  int value;

  if (nick == NULL || !liaison_enum_from_nick (type, nick, &value))
    return nick;
  if (type == LIAISON_TYPE_GENDER)
    return liaison_gender_label (value);
  if (type == LIAISON_TYPE_SECTOR)
    return liaison_sector_label (value);
  if (type == LIAISON_TYPE_ROLE)
    return liaison_role_label (value);
  if (type == LIAISON_TYPE_REGISTRATION_STATUS)
    return liaison_registration_status_label (value);
  return nick;
}

static const char *
country_name (const char *code)
{
  const LiaisonCountry *c = liaison_country_lookup (code);

  return c != NULL ? liaison_country_get_name (c, liaison_language_for_locale ()) : code;
}

static const char *
in_language (JsonObject *o, const char *zh, const char *en)
{
  const char *mine = member (o, liaison_language_for_locale () == LIAISON_LANGUAGE_ZH ? zh : en);

  return mine != NULL ? mine : member (o, liaison_language_for_locale () == LIAISON_LANGUAGE_ZH ? en : zh);
}

static void
write_person (LiaisonPdfDoc *doc, JsonObject *person)
{
  g_autofree char *emails = join_array (array (person, "emails"));
  g_autofree char *phones = join_array (array (person, "phones"));
  g_autofree char *languages = join_array (array (person, "languages"));

  liaison_pdf_doc_heading (doc, _ ("Who they are"));
  liaison_pdf_doc_field (doc, _ ("Name"), member (person, "name"));
  liaison_pdf_doc_field (doc, _ ("Honorific"), member (person, "honorific"));
  liaison_pdf_doc_field (doc, _ ("Gender"), enum_label (LIAISON_TYPE_GENDER, member (person, "gender")));
  liaison_pdf_doc_field (doc, _ ("Organisation (Chinese)"), member (person, "organisation_zh"));
  liaison_pdf_doc_field (doc, _ ("Organisation (English)"), member (person, "organisation_en"));
  liaison_pdf_doc_field (doc, _ ("Position (Chinese)"), member (person, "position_zh"));
  liaison_pdf_doc_field (doc, _ ("Position (English)"), member (person, "position_en"));
  liaison_pdf_doc_field (doc, _ ("Sector"), enum_label (LIAISON_TYPE_SECTOR, member (person, "sector")));
  liaison_pdf_doc_field (doc, _ ("Country"), country_name (member (person, "country")));
  liaison_pdf_doc_field (doc, C_ ("contact", "E-mail"), emails);
  liaison_pdf_doc_field (doc, C_ ("contact", "Phone"), phones);
  liaison_pdf_doc_field (doc, _ ("Languages"), languages);
  liaison_pdf_doc_field (doc, _ ("Identifier"), member (person, "id"));
}

static void
write_consent (LiaisonPdfDoc *doc, JsonObject *root)
{
  JsonObject *consent = object (root, "consent");
  JsonArray  *scope = array (consent, "scope");
  g_autoptr (GString) purposes = g_string_new (NULL);
  gboolean given = consent != NULL && json_object_get_boolean_member_with_default (consent, "given", FALSE);

  for (guint i = 0; scope != NULL && i < json_array_get_length (scope); i++)
    {
      guint scopes = 0;

      if (liaison_consent_scopes_parse (json_array_get_string_element (scope, i), &scopes, NULL) && scopes != 0)
        {
          if (purposes->len > 0)
            g_string_append_c (purposes, '\n');
          g_string_append (purposes, liaison_consent_scope_label (scopes));
        }
    }
  liaison_pdf_doc_heading (doc, _ ("Consent"));
  liaison_pdf_doc_field (doc, _ ("Consent to data processing"), given ? _ ("Given") : _ ("Not given"));
  liaison_pdf_doc_field (doc, _ ("Date"), member (consent, "date"));
  liaison_pdf_doc_field (doc, _ ("For"), purposes->str);
  if (member (root, "anonymised") != NULL)
    liaison_pdf_doc_field (doc, _ ("Anonymised"), member (root, "anonymised"));
}

static void
write_registrations (LiaisonPdfDoc *doc, JsonArray *registrations)
{
  static const double widths[] = { 0.14, 0.44, 0.14, 0.14, 0.14 };
  const char         *header[] = { _ ("Date"), _ ("Event"), _ ("Role"), _ ("Status"), _ ("Delegation") };
  guint               n = registrations != NULL ? json_array_get_length (registrations) : 0;

  liaison_pdf_doc_heading (doc, _ ("Events"));
  if (n == 0)
    {
      liaison_pdf_doc_paragraph (doc, _ ("Not registered for any event."));
      return;
    }
  liaison_pdf_doc_row (doc, G_N_ELEMENTS (widths), widths, header, TRUE);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *r = json_array_get_object_element (registrations, i);
      JsonObject *e = object (r, "event");
      JsonArray  *letters = array (r, "attachments");
      g_autoptr (GString) what = g_string_new (in_language (e, "title_zh", "title_en"));
      const char *cells[5];

      for (guint k = 0; letters != NULL && k < json_array_get_length (letters); k++)
        {
          /* Translators: a file kept with a registration, “Letter: nomination.pdf” */
          g_string_append_c (what, '\n');
          g_string_append_printf (what, _ ("Letter: %s"), member (json_array_get_object_element (letters, k), "file_name"));
        }
      if (member (r, "notes") != NULL)
        g_string_append_printf (what, "\n%s", member (r, "notes"));
      cells[0] = member (e, "start");
      cells[1] = what->str;
      cells[2] = enum_label (LIAISON_TYPE_ROLE, member (r, "role"));
      cells[3] = enum_label (LIAISON_TYPE_REGISTRATION_STATUS, member (r, "status"));
      cells[4] = country_name (member (r, "delegation"));
      liaison_pdf_doc_row (doc, G_N_ELEMENTS (widths), widths, cells, FALSE);
    }
}

static void
write_programme (LiaisonPdfDoc *doc, JsonObject *programme)
{
  JsonArray *progression = array (programme, "progression");
  JsonArray *notes = array (programme, "notes");
  g_autoptr (GString) steps = g_string_new (NULL);

  liaison_pdf_doc_heading (doc, _ ("Green Envoys Programme"));
  if (programme == NULL || !json_object_has_member (programme, "cohort"))
    liaison_pdf_doc_paragraph (doc, _ ("Has not attended an event of the programme."));
  else
    {
      g_autofree char *cohort = g_strdup_printf (_ ("Cohort of %d"), (int) json_object_get_int_member (programme, "cohort"));

      liaison_pdf_doc_field (doc, _ ("Cohort"), cohort);
      for (guint i = 0; progression != NULL && i < json_array_get_length (progression); i++)
        {
          JsonObject           *m = json_array_get_object_element (progression, i);
          LiaisonProgrammeStage stage = LIAISON_PROGRAMME_STAGE_NONE;

          for (LiaisonProgrammeStage s = 0; s < LIAISON_N_PROGRAMME_STAGES; s++)
            if (g_strcmp0 (liaison_programme_stage_nick (s), member (m, "stage")) == 0)
              stage = s;
          if (i > 0)
            g_string_append (steps, C_ ("progression", " → "));
          g_string_append_printf (steps, C_ ("progression", "%1$d %2$s"), (int) json_object_get_int_member (m, "year"),
                                  liaison_programme_stage_label (stage));
        }
      liaison_pdf_doc_field (doc, _ ("Progression"), steps->str);
    }
  for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
    {
      JsonObject *n = json_array_get_object_element (notes, i);

      liaison_pdf_doc_field (doc, member (n, "date"), member (n, "text"));
    }
}

static void
write_officer (LiaisonPdfDoc *doc, JsonArray *roles)
{
  if (roles == NULL || json_array_get_length (roles) == 0)
    return;
  liaison_pdf_doc_heading (doc, _ ("Liaison Officer"));
  for (guint i = 0; i < json_array_get_length (roles); i++)
    {
      JsonObject        *o = json_array_get_object_element (roles, i);
      LiaisonOfficerRole role = LIAISON_OFFICER_ROLE_OFFICER;
      LiaisonOfficerBody body = LIAISON_OFFICER_BODY_OTHER;
      g_autofree char   *term = NULL;
      g_autofree char   *value = NULL;

      liaison_officer_role_from_nick (member (o, "role"), &role);
      liaison_officer_body_from_nick (member (o, "nominated_by"), &body);
      /* Translators: a term of office, “2023-01-01 – 2025-12-31” */
      term = g_strdup_printf (C_ ("term", "%1$s – %2$s"), member (o, "term_start") ? member (o, "term_start") : "…",
                              member (o, "term_end") ? member (o, "term_end") : "…");
      value = g_strdup_printf ("%s\n%s\n%s", country_name (member (o, "country")), liaison_officer_body_label (body), term);
      liaison_pdf_doc_field (doc, liaison_officer_role_label (role), value);
    }
}

static void
write_changes (LiaisonPdfDoc *doc, JsonArray *changes)
{
  static const double widths[] = { 0.24, 0.16, 0.2, 0.4 };
  const char         *header[] = { _ ("When"), _ ("By"), _ ("What"), _ ("Value") };

  if (changes == NULL || json_array_get_length (changes) == 0)
    return;
  liaison_pdf_doc_heading (doc, _ ("Changes to the record"));
  liaison_pdf_doc_row (doc, G_N_ELEMENTS (widths), widths, header, TRUE);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject      *c = json_array_get_object_element (changes, i);
      const char      *by = member (c, "by");
      g_autofree char *what = g_strdup_printf ("%s%s%s", member (c, "action"), member (c, "field") ? " " : "",
                                               member (c, "field") ? member (c, "field") : "");
      const char      *cells[4];

      cells[0] = member (c, "time");
      cells[1] = g_strcmp0 (by, "remote") == 0 ? _ ("the secretariat") : g_strcmp0 (by, "built-in") == 0 ? _ ("built in")
                                                                                                         : _ ("this office");
      cells[2] = what;
      cells[3] = member (c, "new") != NULL ? member (c, "new") : "";
      liaison_pdf_doc_row (doc, G_N_ELEMENTS (widths), widths, cells, FALSE);
    }
}

gboolean
liaison_person_data_write_pdf (JsonNode *data, const char *path, GError **error)
{
  JsonObject      *root = JSON_NODE_HOLDS_OBJECT (data) ? json_node_get_object (data) : NULL;
  JsonObject      *person = object (root, "participant");
  g_autofree char *subtitle = NULL;
  g_autoptr (LiaisonPdfDoc) doc = NULL;

  if (person == NULL)
    {
      g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED, _ ("There is no person in the data to print"));
      return FALSE;
    }
  doc = liaison_pdf_doc_new (path, member (person, "name"), error);
  if (doc == NULL)
    return FALSE;
  /* Translators: %1$s is a person's name, %2$s when the data was exported */
  subtitle = g_strdup_printf (_ ("%1$s, as of %2$s"), member (person, "name"), member (root, "exported"));
  liaison_pdf_doc_title (doc, _ ("Personal Data Held by Liaison"), subtitle);
  liaison_pdf_doc_paragraph (doc, _ ("Everything the China-ASEAN Environmental Cooperation Center keeps about this "
                                     "person in Liaison, as they asked for it. The same data is in the JSON file "
                                     "exported with this document."));
  write_person (doc, person);
  write_consent (doc, root);
  write_registrations (doc, array (root, "registrations"));
  write_programme (doc, object (root, "programme"));
  write_officer (doc, array (root, "liaison_officer"));
  write_changes (doc, array (root, "changes"));
  return liaison_pdf_doc_finish (doc, error);
}

gboolean
liaison_person_data_write_json (JsonNode *data, const char *path, GError **error)
{
  g_autofree char *text = liaison_json_to_string (data);
  g_autofree char *with_newline = g_strconcat (text, "\n", NULL);

  return g_file_set_contents_full (path, with_newline, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
