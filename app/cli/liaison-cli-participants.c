/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-cli.h"
#include "liaison-cli-common.h"
#include "liaison-cli-participants.h"
#include "liaison-json.h"
#include "liaison-store-merge.h"

/* liaison participants add | edit | delete: changes to people, each saved
 * through the store (one transaction, journalled as this office's change,
 * so it syncs and the window can undo it). */

typedef struct
{
  char    *family, *given, *family_latin, *given_latin, *order, *honorific, *gender, *sector, *country;
  char    *org_zh, *org_en, *pos_zh, *pos_en;
  char   **emails, **phones;
  gboolean consent, json;
} PersonOptions;

#define N_PERSON_ENTRIES 18

static void
person_options_clear (PersonOptions *o)
{
  g_free (o->family);
  g_free (o->given);
  g_free (o->family_latin);
  g_free (o->given_latin);
  g_free (o->order);
  g_free (o->honorific);
  g_free (o->gender);
  g_free (o->sector);
  g_free (o->country);
  g_free (o->org_zh);
  g_free (o->org_en);
  g_free (o->pos_zh);
  g_free (o->pos_en);
  g_strfreev (o->emails);
  g_strfreev (o->phones);
}

static void
person_entries (PersonOptions *o,
                gboolean       edit,
                GOptionEntry   entries[N_PERSON_ENTRIES])
{
  const GOptionEntry all[N_PERSON_ENTRIES] = {
    { "family-name", 0, 0, G_OPTION_ARG_STRING, &o->family, N_ ("Family name in the person's own script"), N_ ("TEXT") },
    { "given-name", 0, 0, G_OPTION_ARG_STRING, &o->given, N_ ("Given name (or the only name) in the person's own script"), N_ ("TEXT") },
    { "family-name-latin", 0, 0, G_OPTION_ARG_STRING, &o->family_latin, N_ ("Family name in Latin script, as the person writes it"), N_ ("TEXT") },
    { "given-name-latin", 0, 0, G_OPTION_ARG_STRING, &o->given_latin, N_ ("Given name in Latin script, as the person writes it"), N_ ("TEXT") },
    { "name-order", 0, 0, G_OPTION_ARG_STRING, &o->order,
      edit ? N_ ("family-first, given-first or mononym")
           : N_ ("family-first, given-first or mononym (if not given: as usual in the person's country)"),
      N_ ("ORDER") },
    { "honorific", 0, 0, G_OPTION_ARG_STRING, &o->honorific, N_ ("Honorific, such as H.E. or Dr"), N_ ("TEXT") },
    { "gender", 0, 0, G_OPTION_ARG_STRING, &o->gender, N_ ("female, male, other or unspecified"), N_ ("GENDER") },
    { "sector", 0, 0, G_OPTION_ARG_STRING, &o->sector, N_ ("government, academia, youth, ngo, …"), N_ ("SECTOR") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &o->country, N_ ("Country, ISO code or name"), N_ ("COUNTRY") },
    { "organisation-zh", 0, 0, G_OPTION_ARG_STRING, &o->org_zh, N_ ("Organisation in Chinese"), N_ ("TEXT") },
    { "organisation-en", 0, 0, G_OPTION_ARG_STRING, &o->org_en, N_ ("Organisation in English"), N_ ("TEXT") },
    { "position-zh", 0, 0, G_OPTION_ARG_STRING, &o->pos_zh, N_ ("Position in Chinese"), N_ ("TEXT") },
    { "position-en", 0, 0, G_OPTION_ARG_STRING, &o->pos_en, N_ ("Position in English"), N_ ("TEXT") },
    { "email", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->emails,
      edit ? N_ ("E-mail address (repeatable; replaces the list, \"\" empties it)") : N_ ("E-mail address (repeatable)"),
      N_ ("ADDRESS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->phones,
      edit ? N_ ("Telephone number (repeatable; replaces the list, \"\" empties it)") : N_ ("Telephone number (repeatable)"),
      N_ ("NUMBER") },
    { "consent", 0, 0, G_OPTION_ARG_NONE, &o->consent, N_ ("The person consented to data processing today"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o->json,
      edit ? N_ ("Print the participant as JSON") : N_ ("Print the new participant as JSON"), NULL },
    { NULL },
  };

  for (guint i = 0; i < N_PERSON_ENTRIES; i++)
    entries[i] = all[i];
}

static gboolean
any_field (const PersonOptions *o)
{
  return o->family || o->given || o->family_latin || o->given_latin || o->order || o->honorific || o->gender || o->sector || o->country || o->org_zh || o->org_en || o->pos_zh || o->pos_en || o->emails || o->phones || o->consent;
}

/* An option not given leaves that language as it is; a translation
 * given here is a person's, translated and waiting for review. */
static void
set_typed (LiaisonBilingual *text,
           const char       *zh,
           const char       *en)
{
  liaison_bilingual_set_typed (text, zh != NULL ? zh : liaison_bilingual_get_text (text, LIAISON_LANGUAGE_ZH),
                               en != NULL ? en : liaison_bilingual_get_text (text, LIAISON_LANGUAGE_EN));
}

/* Someone new whose name order is not given takes the usual one of their
 * country, as the window's editor does (Thai names given name first,
 * Myanmar names are one name). A family name given with a country of
 * single names is a name in two parts after all: given name first. */
static LiaisonNameOrder
usual_order (const LiaisonCountry *country,
             const PersonOptions  *o)
{
  LiaisonNameOrder order = LIAISON_NAME_ORDER_FAMILY_FIRST;

  if (country == NULL || !liaison_country_get_name_order (country, &order))
    return LIAISON_NAME_ORDER_FAMILY_FIRST;
  if (order == LIAISON_NAME_ORDER_MONONYM && ((o->family != NULL && *o->family != '\0') || (o->family_latin != NULL && *o->family_latin != '\0')))
    return LIAISON_NAME_ORDER_GIVEN_FIRST;
  return order;
}

/* The options onto the person (new, or as stored for an edit); a word not
 * among the choices is a usage error, the texts are the store's to judge. */
static gboolean
apply_options (LiaisonParticipant *p,
               PersonOptions      *o,
               gboolean            is_new,
               int                *rc)
{
  const LiaisonCountry *country = NULL;
  int                   order = liaison_participant_get_name_order (p);
  int                   gender = liaison_participant_get_gender (p), sector = liaison_participant_get_sector (p);

  if (!liaison_cli_parse_enum (LIAISON_TYPE_NAME_ORDER, o->order, &order, rc) || !liaison_cli_parse_enum (LIAISON_TYPE_GENDER, o->gender, &gender, rc) || !liaison_cli_parse_enum (LIAISON_TYPE_SECTOR, o->sector, &sector, rc) || !liaison_cli_parse_country (o->country, &country, rc))
    return FALSE;
  if (is_new && o->order == NULL)
    order = usual_order (country, o);

  if (o->family != NULL || o->given != NULL)
    {
      g_autofree char *family = g_strdup (o->family != NULL ? o->family : liaison_participant_get_family_native (p));
      g_autofree char *given = g_strdup (o->given != NULL ? o->given : liaison_participant_get_given_native (p));

      liaison_participant_set_native_name (p, family, given);
    }
  if (o->family_latin != NULL || o->given_latin != NULL)
    {
      g_autofree char *family = g_strdup (o->family_latin != NULL ? o->family_latin : liaison_participant_get_family_latin (p));
      g_autofree char *given = g_strdup (o->given_latin != NULL ? o->given_latin : liaison_participant_get_given_latin (p));

      liaison_participant_set_latin_name (p, family, given);
    }
  liaison_participant_set_name_order (p, order);
  if (o->honorific != NULL)
    liaison_participant_set_honorific (p, o->honorific);
  liaison_participant_set_gender (p, gender);
  liaison_participant_set_sector (p, sector);
  if (o->country != NULL)
    liaison_participant_set_country (p, country != NULL ? liaison_country_get_code (country) : NULL);
  set_typed (liaison_participant_get_organisation (p), o->org_zh, o->org_en);
  set_typed (liaison_participant_get_position (p), o->pos_zh, o->pos_en);
  if (o->emails != NULL)
    liaison_participant_set_emails (p, (const char *const *) o->emails);
  if (o->phones != NULL)
    liaison_participant_set_phones (p, (const char *const *) o->phones);
  if (o->consent)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      liaison_participant_set_consent (p, TRUE, today);
    }
  return TRUE;
}

static void
print_person (LiaisonParticipant *p,
              gboolean            json)
{
  if (json)
    {
      g_autoptr (JsonNode) node = liaison_json_from_participant (p);
      liaison_cli_print_json (node);
    }
  else
    liaison_cli_outln ("%s", liaison_participant_get_id (p));
}

int
liaison_cli_participants_add (LiaisonStore *store,
                              int           argc,
                              char        **argv)
{
  PersonOptions o = { NULL };
  GOptionEntry  entries[N_PERSON_ENTRIES];
  g_autoptr (GOptionContext) context = liaison_cli_new_context (NULL, _ ("Add a participant. Give the name in the person's own script, in Latin script, or both."));
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_USAGE;

  person_entries (&o, FALSE, entries);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    goto out;

  if (argc > 1)
    rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unexpected argument “%s”"), argv[1]);
  else if (apply_options (p, &o, TRUE, &rc))
    {
      if (!liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error))
        rc = liaison_cli_fail_error (error);
      else
        {
          /* Saved whatever it finds, but not without a word. */
          g_autoptr (GPtrArray) matches = liaison_store_find_duplicates_of (store, p, 3, NULL);

          print_person (p, o.json);
          for (guint i = 0; matches != NULL && i < matches->len; i++)
            {
              LiaisonPersonMatch *m = g_ptr_array_index (matches, i);
              g_autofree char    *reasons = liaison_match_reasons_describe (m->reasons);

              /* Translators: %1$s is a person's name, %2$s their code, %3$u a score from 40 to 100, %4$s the reasons */
              liaison_cli_fail (LIAISON_EXIT_OK, _ ("This may be the same person as %1$s (%2$s, score %3$u: %4$s); “participants merge” merges them"),
                                m->name, liaison_uuid_short (m->participant_id), m->score, reasons);
            }
          rc = LIAISON_EXIT_OK;
        }
    }

out:
  person_options_clear (&o);
  return rc;
}

int
liaison_cli_participants_edit (LiaisonStore *store,
                               int           argc,
                               char        **argv)
{
  PersonOptions o = { NULL };
  GOptionEntry  entries[N_PERSON_ENTRIES];
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (_ ("PARTICIPANT"), _ ("Change a participant: each option given replaces that field; an "
                                                     "empty value (\"\") clears it. PARTICIPANT is an identifier or a "
                                                     "unique start or end of one."));
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_USAGE;

  person_entries (&o, TRUE, entries);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    goto out;

  if (argc != 2)
    rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the participant to change"));
  else if (!any_field (&o))
    rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give at least one field to change (see “liaison participants edit --help”)"));
  else if ((p = liaison_store_find_participant (store, argv[1], &error)) == NULL)
    rc = liaison_cli_fail_error (error);
  else if (apply_options (p, &o, FALSE, &rc))
    {
      if (!liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error))
        rc = liaison_cli_fail_error (error);
      else
        {
          print_person (p, o.json);
          rc = LIAISON_EXIT_OK;
        }
    }

out:
  person_options_clear (&o);
  return rc;
}

int
liaison_cli_participants_delete (LiaisonStore *store,
                                 int           argc,
                                 char        **argv)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the deleted participant as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (_ ("PARTICIPANT"), _ ("Delete a participant and their registrations; the waitlists "
                                                     "move up. What is deleted is kept in the change journal; the "
                                                     "next sync deletes the card on the server too."));
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  int              rc = LIAISON_EXIT_USAGE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the participant to delete"));

  if ((p = liaison_store_find_participant (store, argv[1], &error)) == NULL || (history = liaison_store_list_history (store, liaison_participant_get_id (p), &error)) == NULL || !liaison_store_delete_participant (store, liaison_participant_get_id (p), LIAISON_ORIGIN_LOCAL, &error))
    return liaison_cli_fail_error (error);

  if (json)
    {
      g_autoptr (JsonNode) node = liaison_json_from_participant (p);
      liaison_cli_print_json (node);
      return LIAISON_EXIT_OK;
    }
  name = liaison_participant_dup_display_name (p);
  /* Translators: %1$s is a person's name, %2$u a number of registrations */
  liaison_cli_outln (ngettext ("Deleted %1$s and their %2$u registration", "Deleted %1$s and their %2$u registrations",
                               history->len),
                     name, history->len);
  return LIAISON_EXIT_OK;
}
