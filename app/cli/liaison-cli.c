/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "liaison-cli.h"
#include "liaison-cli-people.h"
#include "liaison-cli-sync.h"
#include "liaison-cli-translations.h"
#include "liaison-json.h"
#include "liaison-plan-report.h"
#include "liaison-store.h"

typedef struct
{
  const char *name;
  const char *sub;
  int (*run) (LiaisonStore *store, int argc, char **argv);
  const char *summary;
} Command;

static int cmd_events (LiaisonStore *store, int argc, char **argv);
static int cmd_events_add (LiaisonStore *store, int argc, char **argv);
static int cmd_participants_add (LiaisonStore *store, int argc, char **argv);
static int cmd_participants_search (LiaisonStore *store, int argc, char **argv);
static int cmd_register (LiaisonStore *store, int argc, char **argv);
static int cmd_plan (LiaisonStore *store, int argc, char **argv);

static const Command commands[] = {
  { "events", "add", cmd_events_add, N_ ("Add an event") },
  { "events", NULL, cmd_events, N_ ("List events") },
  { "participants", "add", cmd_participants_add, N_ ("Add a participant") },
  { "participants", "search", cmd_participants_search, N_ ("Find participants by name, organisation or e-mail, in any script") },
  { "register", NULL, cmd_register, N_ ("Register a participant for an event") },
  { "plan", NULL, cmd_plan, N_ ("Show the action plan with events per year") },
  { "sync", NULL, liaison_cli_sync, N_ ("Sync events and participants with the secretariat's server") },
  { "conflicts", NULL, liaison_cli_conflicts, N_ ("List or resolve the changes sync could not merge") },
  { "translations", "export", liaison_cli_translations_export, N_ ("Write the texts to translate to a PO file") },
  { "translations", "import", liaison_cli_translations_import, N_ ("Apply the translations of a PO file") },
  { "translations", "set", liaison_cli_translations_set, N_ ("Set one text's translation or mark it reviewed") },
  { "translations", NULL, liaison_cli_translations, N_ ("List the texts that need translating") },
  { "programme", "person", liaison_cli_programme_person, N_ ("A person's Green Envoys record") },
  { "programme", "note", liaison_cli_programme_note, N_ ("Add a “where are they now” note to a person's record") },
  { "programme", "tracks", liaison_cli_programme_tracks, N_ ("List the tracks of the Green Envoys Programme") },
  { "programme", "add-track", liaison_cli_programme_add_track, N_ ("Add a track to the Green Envoys Programme") },
  { "programme", NULL, liaison_cli_programme, N_ ("The Green Envoys Programme: cohorts, alumni, countries, sectors") },
  { "delegations", "quota", liaison_cli_delegations_quota, N_ ("Set a country's quota at an event") },
  { "delegations", "attach", liaison_cli_delegations_attach, N_ ("Keep a letter with a registration") },
  { "delegations", "letter", liaison_cli_delegations_letter, N_ ("Write out the letter kept with a registration") },
  { "delegations", NULL, liaison_cli_delegations, N_ ("Each country's delegation at an event, and its nominations") },
  { "nominate", NULL, liaison_cli_nominate, N_ ("Record a country's nomination of a person for an event") },
  { "approve", NULL, liaison_cli_approve, N_ ("Approve nominations, within their country's quota") },
  { "officers", "add", liaison_cli_officers_add, N_ ("Record a national liaison officer or deputy") },
  { "officers", "end", liaison_cli_officers_end, N_ ("End or correct a liaison officer's term") },
  { "officers", "remove", liaison_cli_officers_remove, N_ ("Remove a liaison officer entered by mistake") },
  { "officers", NULL, liaison_cli_officers, N_ ("The national liaison officers of each member state") },
  { "work-plan", "issue", liaison_cli_work_plan_issue, N_ ("Issue a new version of a year's work plan") },
  { "work-plan", "send", liaison_cli_work_plan_send, N_ ("Make the work plan's PDF and .ics, and record it as sent") },
  { "work-plan", "feedback", liaison_cli_work_plan_feedback, N_ ("Record a liaison officer's feedback on the work plan") },
  { "work-plan", "approve", liaison_cli_work_plan_approve, N_ ("Approve a version of the work plan") },
  { "work-plan", "review", liaison_cli_work_plan_review, N_ ("Link the work plan to the meeting that reviewed it") },
  { "work-plan", NULL, liaison_cli_work_plan, N_ ("The annual work plan's versions, events and feedback") },
  { "participants", "consent", liaison_cli_participants_consent, N_ ("Show or record a person's consent, with its date and scope") },
  { "participants", "export-data", liaison_cli_participants_export_data, N_ ("Everything held about a person, as JSON and PDF") },
  { "participants", "anonymise", liaison_cli_participants_anonymise, N_ ("Remove who a person is, keep the statistics") },
};

/* Data goes to stdout as UTF-8 whatever the locale: g_print would convert
 * Chinese to '?' under LANG=C. */
static void
out (const char *text)
{
  fputs (text, stdout);
}

static void
outf (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static void
outf (const char *format,
      ...)
{
  va_list          args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  out (text);
}

static int
fail (int         status,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static int
fail (int         status,
      const char *format,
      ...)
{
  va_list          args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("liaison: %s\n", text);
  return status;
}

static void
print_json (JsonNode *node)
{
  g_autofree char *text = liaison_json_to_string (node);

  out (text);
  out ("\n");
}

static int
parse_options (GOptionContext *context,
               int            *argc,
               char         ***argv)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return fail (LIAISON_EXIT_USAGE, "%s", error->message);
  return LIAISON_EXIT_OK;
}

/* A whole sentence for each kind of value, so each reads right once
 * translated. */
static gboolean
parse_enum (GType       type,
            const char *text,
            int        *value,
            int        *status)
{
  g_autofree char *nicks = NULL;

  if (text == NULL || liaison_enum_from_nick (type, text, value))
    return TRUE;
  nicks = liaison_enum_nicks (type);
  if (type == LIAISON_TYPE_EVENT_KIND)
    /* Translators: %1$s is what was given, %2$s the kinds to choose from */
    *status = fail (LIAISON_EXIT_USAGE, _ ("Unknown kind of event “%1$s” (choose from: %2$s)"), text, nicks);
  else if (type == LIAISON_TYPE_EVENT_STATUS)
    /* Translators: %1$s is what was given, %2$s the statuses to choose from */
    *status = fail (LIAISON_EXIT_USAGE, _ ("Unknown event status “%1$s” (choose from: %2$s)"), text, nicks);
  else if (type == LIAISON_TYPE_ROLE)
    /* Translators: %1$s is what was given, %2$s the roles to choose from */
    *status = fail (LIAISON_EXIT_USAGE, _ ("Unknown role “%1$s” (choose from: %2$s)"), text, nicks);
  else if (type == LIAISON_TYPE_REGISTRATION_STATUS)
    /* Translators: %1$s is what was given, %2$s the statuses to choose from */
    *status = fail (LIAISON_EXIT_USAGE, _ ("Unknown registration status “%1$s” (choose from: %2$s)"), text, nicks);
  else if (type == LIAISON_TYPE_NAME_ORDER)
    /* Translators: %1$s is what was given, %2$s the name orders to choose from */
    *status = fail (LIAISON_EXIT_USAGE, _ ("Unknown name order “%1$s” (choose from: %2$s)"), text, nicks);
  else if (type == LIAISON_TYPE_GENDER)
    /* Translators: %1$s is what was given, %2$s the values to choose from */
    *status = fail (LIAISON_EXIT_USAGE, _ ("Unknown gender “%1$s” (choose from: %2$s)"), text, nicks);
  else
    /* Translators: %1$s is what was given, %2$s the sectors to choose from */
    *status = fail (LIAISON_EXIT_USAGE, _ ("Unknown sector “%1$s” (choose from: %2$s)"), text, nicks);
  return FALSE;
}

static GOptionContext *
new_context (const char *parameter,
             const char *summary)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

static int
cmd_events (LiaisonStore *store,
            int           argc,
            char        **argv)
{
  int                year = 0;
  char              *kind = NULL, *status = NULL, *country = NULL, *activity = NULL, *track = NULL, *text = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_ ("Only events of this year"), N_ ("YEAR") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_ ("Only events of this kind (forum, workshop, …)"), N_ ("KIND") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("Only events with this status"), N_ ("STATUS") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_ ("Only events in this country (ISO code)"), N_ ("CODE") },
    { "activity", 0, 0, G_OPTION_ARG_STRING, &activity, N_ ("Only events for this activity of the plan"), N_ ("CODE") },
    { "track", 0, 0, G_OPTION_ARG_STRING, &track, N_ ("Only events of this programme track"), N_ ("TRACK") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &text, N_ ("Only events whose title, city or venue matches"), N_ ("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = new_context (NULL, _ ("List events, oldest first."));
  LiaisonEventFilter filter = LIAISON_EVENT_FILTER_INIT;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;
  LiaisonLanguage lang = liaison_language_for_locale ();
  int             rc;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((rc = parse_options (context, &argc, &argv)) != 0)
    goto out;
  rc = LIAISON_EXIT_USAGE;
  if (argc > 1)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Unexpected argument “%s”"), argv[1]);
      goto out;
    }
  if (!parse_enum (LIAISON_TYPE_EVENT_KIND, kind, &filter.kind, &rc) || !parse_enum (LIAISON_TYPE_EVENT_STATUS, status, &filter.status, &rc))
    goto out;
  if (country != NULL && liaison_country_lookup (country) == NULL)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("“%s” is not an ISO 3166 country code"), country);
      goto out;
    }
  filter.year = year;
  filter.country = country ? liaison_country_get_code (liaison_country_lookup (country)) : NULL;
  filter.activity = activity;
  filter.track = track;
  filter.text = text;

  events = liaison_store_list_events (store, &filter, &error);
  if (events == NULL)
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }

  if (json)
    {
      g_autoptr (JsonArray) array = json_array_new ();
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < events->len; i++)
        json_array_add_element (array, liaison_json_from_event (g_ptr_array_index (events, i)));
      json_node_set_array (node, array);
      print_json (node);
    }
  else
    {
      /* Dates in the interface language, columns as wide as the widest. */
      g_autoptr (GPtrArray) whens = g_ptr_array_new_with_free_func (g_free);
      guint when_width = 0, kind_width = 0;

      for (guint i = 0; i < events->len; i++)
        {
          LiaisonEvent *e = g_ptr_array_index (events, i);
          char         *when = liaison_format_event_when (e, lang);

          g_ptr_array_add (whens, when);
          when_width = MAX (when_width, liaison_cli_width (when));
          kind_width = MAX (kind_width, liaison_cli_width (liaison_event_kind_label (liaison_event_get_kind (e))));
        }
      for (guint i = 0; i < events->len; i++)
        {
          LiaisonEvent    *e = g_ptr_array_index (events, i);
          const char      *city = liaison_bilingual_get_display (liaison_event_get_city (e), lang);
          g_autofree char *when = liaison_cli_pad (g_ptr_array_index (whens, i), when_width);
          g_autofree char *kind_label = liaison_cli_pad (liaison_event_kind_label (liaison_event_get_kind (e)), kind_width);

          outf ("%s  %s  %s  %s%s%s\n",
                liaison_uuid_short (liaison_event_get_id (e)), when, kind_label,
                liaison_bilingual_get_display (liaison_event_get_title (e), lang),
                *city ? " — " : "", city);
        }
    }
  rc = LIAISON_EXIT_OK;

out:
  g_free (kind);
  g_free (status);
  g_free (country);
  g_free (activity);
  g_free (track);
  g_free (text);
  return rc;
}

static int
cmd_events_add (LiaisonStore *store,
                int           argc,
                char        **argv)
{
  char              *title_zh = NULL, *title_en = NULL, *start = NULL, *end = NULL, *tz = NULL;
  char              *kind = NULL, *status = NULL, *country = NULL, *city_zh = NULL, *city_en = NULL, *venue = NULL, *track = NULL;
  char             **activities = NULL;
  int                capacity = 0;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "title-zh", 0, 0, G_OPTION_ARG_STRING, &title_zh, N_ ("Title in Chinese"), N_ ("TEXT") },
    { "title-en", 0, 0, G_OPTION_ARG_STRING, &title_en, N_ ("Title in English"), N_ ("TEXT") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_ ("Start, local time: YYYY-MM-DD or YYYY-MM-DDTHH:MM"), N_ ("WHEN") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_ ("End, local time"), N_ ("WHEN") },
    { "tz", 0, 0, G_OPTION_ARG_STRING, &tz, N_ ("Time zone of start and end (IANA, e.g. Asia/Yangon)"), N_ ("ZONE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_ ("Kind of event (forum, workshop, …)"), N_ ("KIND") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("Status (planned if not given)"), N_ ("STATUS") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_ ("Country, ISO code or name"), N_ ("COUNTRY") },
    { "city-zh", 0, 0, G_OPTION_ARG_STRING, &city_zh, N_ ("City in Chinese"), N_ ("TEXT") },
    { "city-en", 0, 0, G_OPTION_ARG_STRING, &city_en, N_ ("City in English"), N_ ("TEXT") },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &venue, N_ ("Venue"), N_ ("TEXT") },
    { "activity", 0, 0, G_OPTION_ARG_STRING_ARRAY, &activities, N_ ("Activity of the plan this event serves (repeatable)"), N_ ("CODE") },
    { "track", 0, 0, G_OPTION_ARG_STRING, &track, N_ ("Programme track"), N_ ("TRACK") },
    { "capacity", 0, 0, G_OPTION_ARG_INT, &capacity, N_ ("Number of places (0: no limit)"), N_ ("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the new event as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = new_context (NULL, _ ("Add an event. It needs a title in at least one language, a start and a kind."));
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;
  int                   kind_value = LIAISON_EVENT_KIND_OTHER, status_value = LIAISON_EVENT_STATUS_PLANNED;
  const LiaisonCountry *c = NULL;
  int                   rc;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((rc = parse_options (context, &argc, &argv)) != 0)
    goto out;

  rc = LIAISON_EXIT_USAGE;
  if (title_zh == NULL && title_en == NULL)
    {
      rc = fail (rc, _ ("Give a title with --title-zh or --title-en"));
      goto out;
    }
  if (start == NULL)
    {
      rc = fail (rc, _ ("Give a start with --start"));
      goto out;
    }
  if (kind == NULL)
    {
      g_autofree char *nicks = liaison_enum_nicks (LIAISON_TYPE_EVENT_KIND);
      rc = fail (rc, _ ("Give a kind with --kind (one of: %s)"), nicks);
      goto out;
    }
  if (!parse_enum (LIAISON_TYPE_EVENT_KIND, kind, &kind_value, &rc) || !parse_enum (LIAISON_TYPE_EVENT_STATUS, status, &status_value, &rc))
    goto out;
  if (country != NULL && (c = liaison_country_find (country)) == NULL)
    {
      rc = fail (rc, _ ("“%s” is not a country Liaison knows (use an ISO code such as MM)"), country);
      goto out;
    }
  if (capacity < 0)
    {
      rc = fail (rc, _ ("--capacity cannot be negative"));
      goto out;
    }

  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_ZH, title_zh);
  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, title_en);
  if (title_zh == NULL)
    liaison_bilingual_set_source (liaison_event_get_title (event), LIAISON_LANGUAGE_EN);
  if (!liaison_event_set_when (event, start, end, tz, &error))
    {
      rc = fail (LIAISON_EXIT_USAGE, "%s", error->message);
      goto out;
    }
  liaison_event_set_kind (event, kind_value);
  liaison_event_set_status (event, status_value);
  if (c != NULL)
    liaison_event_set_country (event, liaison_country_get_code (c));
  liaison_bilingual_set_text (liaison_event_get_city (event), LIAISON_LANGUAGE_ZH, city_zh);
  liaison_bilingual_set_text (liaison_event_get_city (event), LIAISON_LANGUAGE_EN, city_en);
  liaison_event_set_venue (event, venue);
  liaison_event_set_track (event, track);
  liaison_event_set_capacity (event, capacity);
  liaison_event_set_activities (event, (const char *const *) activities);

  if (!liaison_store_save_event (store, event, LIAISON_ORIGIN_LOCAL, &error))
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }

  if (json)
    {
      g_autoptr (JsonNode) node = liaison_json_from_event (event);
      print_json (node);
    }
  else
    outf ("%s\n", liaison_event_get_id (event));
  rc = LIAISON_EXIT_OK;

out:
  g_free (title_zh);
  g_free (title_en);
  g_free (start);
  g_free (end);
  g_free (tz);
  g_free (kind);
  g_free (status);
  g_free (country);
  g_free (city_zh);
  g_free (city_en);
  g_free (venue);
  g_free (track);
  g_strfreev (activities);
  return rc;
}

static int
cmd_participants_add (LiaisonStore *store,
                      int           argc,
                      char        **argv)
{
  char              *family = NULL, *given = NULL, *family_latin = NULL, *given_latin = NULL, *order = NULL;
  char              *honorific = NULL, *gender = NULL, *sector = NULL, *country = NULL;
  char              *org_zh = NULL, *org_en = NULL, *pos_zh = NULL, *pos_en = NULL;
  char             **emails = NULL, **phones = NULL;
  gboolean           json = FALSE, consent = FALSE;
  const GOptionEntry entries[] = {
    { "family-name", 0, 0, G_OPTION_ARG_STRING, &family, N_ ("Family name in the person's own script"), N_ ("TEXT") },
    { "given-name", 0, 0, G_OPTION_ARG_STRING, &given, N_ ("Given name (or the only name) in the person's own script"), N_ ("TEXT") },
    { "family-name-latin", 0, 0, G_OPTION_ARG_STRING, &family_latin, N_ ("Family name in Latin script, as the person writes it"), N_ ("TEXT") },
    { "given-name-latin", 0, 0, G_OPTION_ARG_STRING, &given_latin, N_ ("Given name in Latin script, as the person writes it"), N_ ("TEXT") },
    { "name-order", 0, 0, G_OPTION_ARG_STRING, &order, N_ ("family-first, given-first or mononym"), N_ ("ORDER") },
    { "honorific", 0, 0, G_OPTION_ARG_STRING, &honorific, N_ ("Honorific, such as H.E. or Dr"), N_ ("TEXT") },
    { "gender", 0, 0, G_OPTION_ARG_STRING, &gender, N_ ("female, male, other or unspecified"), N_ ("GENDER") },
    { "sector", 0, 0, G_OPTION_ARG_STRING, &sector, N_ ("government, academia, youth, ngo, …"), N_ ("SECTOR") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_ ("Country, ISO code or name"), N_ ("COUNTRY") },
    { "organisation-zh", 0, 0, G_OPTION_ARG_STRING, &org_zh, N_ ("Organisation in Chinese"), N_ ("TEXT") },
    { "organisation-en", 0, 0, G_OPTION_ARG_STRING, &org_en, N_ ("Organisation in English"), N_ ("TEXT") },
    { "position-zh", 0, 0, G_OPTION_ARG_STRING, &pos_zh, N_ ("Position in Chinese"), N_ ("TEXT") },
    { "position-en", 0, 0, G_OPTION_ARG_STRING, &pos_en, N_ ("Position in English"), N_ ("TEXT") },
    { "email", 0, 0, G_OPTION_ARG_STRING_ARRAY, &emails, N_ ("E-mail address (repeatable)"), N_ ("ADDRESS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING_ARRAY, &phones, N_ ("Telephone number (repeatable)"), N_ ("NUMBER") },
    { "consent", 0, 0, G_OPTION_ARG_NONE, &consent, N_ ("The person consented to data processing today"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the new participant as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = new_context (NULL, _ ("Add a participant. Give the name in the person's own script, in Latin script, or both."));
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;
  int                   order_value = LIAISON_NAME_ORDER_FAMILY_FIRST, gender_value = 0, sector_value = LIAISON_SECTOR_OTHER;
  const LiaisonCountry *c = NULL;
  int                   rc;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((rc = parse_options (context, &argc, &argv)) != 0)
    goto out;

  rc = LIAISON_EXIT_USAGE;
  if (!parse_enum (LIAISON_TYPE_NAME_ORDER, order, &order_value, &rc) || !parse_enum (LIAISON_TYPE_GENDER, gender, &gender_value, &rc) || !parse_enum (LIAISON_TYPE_SECTOR, sector, &sector_value, &rc))
    goto out;
  if (country != NULL && (c = liaison_country_find (country)) == NULL)
    {
      rc = fail (rc, _ ("“%s” is not a country Liaison knows (use an ISO code such as MM)"), country);
      goto out;
    }

  liaison_participant_set_native_name (p, family, given);
  liaison_participant_set_latin_name (p, family_latin, given_latin);
  liaison_participant_set_name_order (p, order_value);
  liaison_participant_set_honorific (p, honorific);
  liaison_participant_set_gender (p, gender_value);
  liaison_participant_set_sector (p, sector_value);
  if (c != NULL)
    liaison_participant_set_country (p, liaison_country_get_code (c));
  liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_ZH, org_zh);
  liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN, org_en);
  liaison_bilingual_set_text (liaison_participant_get_position (p), LIAISON_LANGUAGE_ZH, pos_zh);
  liaison_bilingual_set_text (liaison_participant_get_position (p), LIAISON_LANGUAGE_EN, pos_en);
  liaison_participant_set_emails (p, (const char *const *) emails);
  liaison_participant_set_phones (p, (const char *const *) phones);
  if (consent)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      liaison_participant_set_consent (p, TRUE, today);
    }

  if (!liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error))
    {
      rc = fail (error->domain == LIAISON_CORE_ERROR ? LIAISON_EXIT_USAGE : LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }

  if (json)
    {
      g_autoptr (JsonNode) node = liaison_json_from_participant (p);
      print_json (node);
    }
  else
    outf ("%s\n", liaison_participant_get_id (p));
  rc = LIAISON_EXIT_OK;

out:
  g_free (family);
  g_free (given);
  g_free (family_latin);
  g_free (given_latin);
  g_free (order);
  g_free (honorific);
  g_free (gender);
  g_free (sector);
  g_free (country);
  g_free (org_zh);
  g_free (org_en);
  g_free (pos_zh);
  g_free (pos_en);
  g_strfreev (emails);
  g_strfreev (phones);
  return rc;
}

static int
cmd_participants_search (LiaisonStore *store,
                         int           argc,
                         char        **argv)
{
  gboolean           json = FALSE;
  int                limit = 50;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_ ("At most this many results (50 if not given)"), N_ ("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = new_context (_ ("TEXT"),
                                                    _ ("Find participants. TEXT may be in any script: “li xia” finds 李霞 and 李霞 finds Li Xia."));
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *query = NULL;
  int              rc;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((rc = parse_options (context, &argc, &argv)) != 0)
    return rc;
  if (argc < 2)
    return fail (LIAISON_EXIT_USAGE, _ ("Give the text to search for"));
  if (limit <= 0)
    return fail (LIAISON_EXIT_USAGE, _ ("--limit must be at least 1"));

  query = g_strjoinv (" ", argv + 1);
  people = liaison_store_search_participants (store, query, limit, &error);
  if (people == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);

  if (json)
    {
      g_autoptr (JsonArray) array = json_array_new ();
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < people->len; i++)
        json_array_add_element (array, liaison_json_from_participant (g_ptr_array_index (people, i)));
      json_node_set_array (node, array);
      print_json (node);
    }
  else
    for (guint i = 0; i < people->len; i++)
      {
        LiaisonParticipant *p = g_ptr_array_index (people, i);
        g_autofree char    *name = liaison_participant_dup_display_name (p);
        const char         *country = liaison_participant_get_country (p);

        outf ("%s  %s%s%s\n", liaison_uuid_short (liaison_participant_get_id (p)), name,
              country ? "  " : "", country ? country : "");
      }
  return LIAISON_EXIT_OK;
}

static int
cmd_register (LiaisonStore *store,
              int           argc,
              char        **argv)
{
  char              *role = NULL, *status = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_ ("delegate, speaker, moderator, organiser, interpreter, observer, vip or staff"), N_ ("ROLE") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("invited, registered, waitlisted or confirmed (registered if not given)"), N_ ("STATUS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the registration as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = new_context (_ ("EVENT PARTICIPANT"),
                                                    _ ("Register a participant for an event. EVENT and PARTICIPANT are identifiers or their first characters. When the event is full the person goes on the waitlist."));
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GError) error = NULL;
  int role_value = LIAISON_ROLE_DELEGATE, status_value = LIAISON_REGISTRATION_REGISTERED;
  int rc;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((rc = parse_options (context, &argc, &argv)) != 0)
    goto out;
  rc = LIAISON_EXIT_USAGE;
  if (argc != 3)
    {
      rc = fail (rc, _ ("Give an event and a participant"));
      goto out;
    }
  if (!parse_enum (LIAISON_TYPE_ROLE, role, &role_value, &rc) || !parse_enum (LIAISON_TYPE_REGISTRATION_STATUS, status, &status_value, &rc))
    goto out;

  rc = LIAISON_EXIT_DATA;
  if ((event = liaison_store_find_event (store, argv[1], &error)) == NULL || (p = liaison_store_find_participant (store, argv[2], &error)) == NULL || (r = liaison_store_register (store, liaison_event_get_id (event), liaison_participant_get_id (p), role_value, status_value, LIAISON_ORIGIN_LOCAL, &error)) == NULL)
    {
      rc = fail (rc, "%s", error->message);
      goto out;
    }

  if (json)
    {
      g_autoptr (JsonNode) node = liaison_json_from_registration (r);
      print_json (node);
    }
  else
    {
      g_autofree char *name = liaison_participant_dup_display_name (p);
      g_autofree char *line = NULL;

      /* Translators: %1$s is a person's name, %2$s a registration status (“Waitlisted”), %3$s the registration's identifier */
      line = g_strdup_printf (_ ("%1$s: %2$s (registration %3$s)"), name,
                              liaison_registration_status_label (liaison_registration_get_status (r)),
                              liaison_registration_get_id (r));
      outf ("%s\n", line);
    }
  rc = LIAISON_EXIT_OK;

out:
  g_free (role);
  g_free (status);
  return rc;
}

static int
cmd_plan (LiaisonStore *store,
          int           argc,
          char        **argv)
{
  int                year = 0;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_ ("Only this year"), N_ ("YEAR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = new_context (NULL, _ ("Show each activity of the 2021–2025 action plan: its schedule, the years it is planned for, and the events held or planned in each year."));
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int             this_year = g_date_time_get_year (now);
  LiaisonLanguage lang = liaison_language_for_locale ();
  int             rc;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((rc = parse_options (context, &argc, &argv)) != 0)
    return rc;
  if (argc > 1)
    return fail (LIAISON_EXIT_USAGE, _ ("Unexpected argument “%s”"), argv[1]);

  rows = liaison_plan_report_build (store, year, this_year, &error);
  if (rows == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);

  if (json)
    {
      g_autoptr (JsonNode) node = liaison_plan_report_to_json (rows, this_year);
      print_json (node);
      return LIAISON_EXIT_OK;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      LiaisonPlanRow  *row = g_ptr_array_index (rows, i);
      LiaisonPlanItem *item = row->activity;
      LiaisonSchedule *schedule = liaison_plan_item_get_schedule (item);
      g_autofree char *anomaly = schedule ? liaison_schedule_describe_anomaly (schedule) : NULL;
      g_autoptr (GString) years = g_string_new (NULL);
      g_autofree char *schedule_line = NULL;
      g_autofree char *years_line = NULL;

      for (guint y = 0; y < row->years->len; y++)
        {
          LiaisonPlanYear *slot = &g_array_index (row->years, LiaisonPlanYear, y);
          g_string_append_printf (years, "%s%d%s:%u", y > 0 ? " " : "", slot->year, slot->planned ? "" : "*",
                                  slot->events);
        }

      /* Translators: %s is the schedule as the action plan writes it, in Chinese (“每年一次”) */
      schedule_line = g_strdup_printf (_ ("Schedule: %s"), schedule ? liaison_schedule_get_text (schedule) : "");
      /* Translators: %s lists years with their number of events, as “2021:1 2022*:0”; keep the explanation of * */
      years_line = g_strdup_printf (_ ("Events per year (* not planned that year): %s"), years->str);
      outf ("%-6s %s\n", liaison_plan_item_get_code (item),
            liaison_bilingual_get_display (liaison_plan_item_get_title (item), lang));
      outf ("       %s\n       %s\n", schedule_line, years_line);
      if (anomaly != NULL)
        outf ("       ⚠ %s\n", anomaly);
    }
  return LIAISON_EXIT_OK;
}

static void
print_help (void)
{
  g_autoptr (GString) s = g_string_new (NULL);

  g_string_append_printf (s, "%s\n  %s\n\n", _ ("Usage:"),
                          /* Translators: keep “liaison” and “--database”; FILE, COMMAND and OPTION are placeholders */
                          _ ("liaison [--database FILE] [--language zh|en] [COMMAND [OPTION…]]"));
  g_string_append_printf (s, "%s\n\n", _ ("Without a command, Liaison opens its window."));
  g_string_append_printf (s, "%s\n", _ ("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = commands[i].sub ? g_strdup_printf ("%s %s", commands[i].name, commands[i].sub)
                                              : g_strdup (commands[i].name);
      g_string_append_printf (s, "  %-22s %s\n", name, _ (commands[i].summary));
    }
  g_string_append_printf (s, "\n%s\n", _ ("Options:"));
  {
    /* Translators: keep “--database”; FILE is a placeholder */
    g_autofree char *option = liaison_cli_pad (_ ("--database FILE"), 22);

    g_string_append_printf (s, "  %s %s\n", option, _ ("Use this database file (or set LIAISON_DATABASE)"));
  }
  {
    /* Translators: keep “--language zh|en” */
    g_autofree char *option = liaison_cli_pad (_ ("--language zh|en"), 22);

    g_string_append_printf (s, "  %s %s\n", option,
                            _ ("Write in this language, whatever the interface's (titles, dates, messages)"));
  }
  g_string_append_printf (s, "  %-22s %s\n", "--version", _ ("Print the version and exit"));
  g_string_append_printf (s, "  %-22s %s\n", "--help", _ ("Print this help and exit"));
  g_string_append_printf (s, "\n%s\n", _ ("“liaison COMMAND --help” describes a command's options. Exit status: 0 success, 1 usage error, 2 data error."));
  out (s->str);
}

static const char *global_options[] = { "--database", "--language" };

/* Takes "NAME VALUE" or "NAME=VALUE" out of argv for a global option that
 * comes before the command ("liaison --database F --language en events");
 * a command's own options of the same name (translations export
 * --language) stay. Returns the last value given. */
char *
liaison_cli_take_global_option (int        *argc,
                                char     ***argv,
                                const char *name)
{
  char    *value = NULL;
  gboolean in_globals = TRUE;
  int      j = 1;

  for (int i = 1; i < *argc; i++)
    {
      char    *arg = (*argv)[i];
      gboolean is_global = FALSE;
      gsize    len = strlen (name);

      if (in_globals)
        for (guint k = 0; k < G_N_ELEMENTS (global_options); k++)
          {
            gsize n = strlen (global_options[k]);

            if (strncmp (arg, global_options[k], n) == 0 && (arg[n] == '\0' || arg[n] == '='))
              is_global = TRUE;
          }
      if (!is_global)
        {
          /* The command, or anything else: globals end here. */
          if (arg[0] != '-' || g_str_equal (arg, "--"))
            in_globals = FALSE;
          (*argv)[j++] = arg;
          continue;
        }
      if (strncmp (arg, name, len) == 0 && arg[len] == '=')
        {
          g_free (value);
          value = g_strdup (arg + len + 1);
        }
      else if (g_str_equal (arg, name) && i + 1 < *argc)
        {
          g_free (value);
          value = g_strdup ((*argv)[++i]);
        }
      else
        {
          /* Another global option: keep it and its value for its own call. */
          (*argv)[j++] = arg;
          if (strchr (arg, '=') == NULL && i + 1 < *argc)
            (*argv)[j++] = (*argv)[++i];
        }
    }
  *argc = j;
  (*argv)[j] = NULL;
  return value;
}

char *
liaison_cli_take_database_option (int    *argc,
                                  char ***argv)
{
  return liaison_cli_take_global_option (argc, argv, "--database");
}

gboolean
liaison_cli_wants (int    argc,
                   char **argv)
{
  if (argc < 2)
    return FALSE;
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "help"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return TRUE;
  /* Anything else that is not an option is a mistyped command. */
  return argv[1][0] != '-';
}

int
liaison_cli_run (int    argc,
                 char **argv)
{
  g_autofree char *database = NULL;
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GError) error = NULL;
  const Command   *command = NULL;
  g_autofree char *prgname = NULL;
  int              skip;

  database = liaison_cli_take_database_option (&argc, &argv);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help ();
      return LIAISON_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      outf ("liaison %s\n", PACKAGE_VERSION);
      return LIAISON_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands) && command == NULL; i++)
    if (g_str_equal (argv[1], commands[i].name) && (commands[i].sub == NULL || (argc > 2 && g_str_equal (argv[2], commands[i].sub))))
      command = &commands[i];

  if (command == NULL)
    {
      if (g_str_equal (argv[1], "participants"))
        return fail (LIAISON_EXIT_USAGE, _ ("“participants” needs “add” or “search”"));
      return fail (LIAISON_EXIT_USAGE, _ ("Unknown command “%s”; “liaison --help” lists the commands"), argv[1]);
    }

  store = liaison_store_open (database, &error);
  if (store == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);

  /* The command's own parser sees "liaison events add" as its program name. */
  skip = command->sub != NULL ? 2 : 1;
  prgname = g_strjoinv (" ", (char *[]){ "liaison", argv[1], command->sub ? argv[2] : NULL, NULL });
  {
    int    rc;
    char **sub_argv = argv + skip;
    char  *saved = sub_argv[0];

    sub_argv[0] = prgname;
    rc = command->run (store, argc - skip, sub_argv);
    sub_argv[0] = saved;
    return rc;
  }
}
