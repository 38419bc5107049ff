/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-cli.h"
#include "liaison-cli-common.h"
#include "liaison-cli-events.h"
#include "liaison-json.h"

/* liaison events add | edit | delete: changes to events, each saved
 * through the store (one transaction, journalled as this office's change,
 * so it syncs and the window can undo it). */

typedef struct
{
  char    *title_zh, *title_en, *start, *end, *tz, *kind, *status, *country;
  char    *city_zh, *city_en, *venue, *track;
  char   **activities;
  int      capacity;
  gboolean json;
} EventOptions;

#define N_EVENT_ENTRIES 16

static void
event_options_clear (EventOptions *o)
{
  g_free (o->title_zh);
  g_free (o->title_en);
  g_free (o->start);
  g_free (o->end);
  g_free (o->tz);
  g_free (o->kind);
  g_free (o->status);
  g_free (o->country);
  g_free (o->city_zh);
  g_free (o->city_en);
  g_free (o->venue);
  g_free (o->track);
  g_strfreev (o->activities);
}

/* The same options for add and edit; for edit, an empty value clears the
 * field. */
static void
event_entries (EventOptions *o,
               gboolean      edit,
               GOptionEntry  entries[N_EVENT_ENTRIES])
{
  const GOptionEntry all[N_EVENT_ENTRIES] = {
    { "title-zh", 0, 0, G_OPTION_ARG_STRING, &o->title_zh, N_ ("Title in Chinese"), N_ ("TEXT") },
    { "title-en", 0, 0, G_OPTION_ARG_STRING, &o->title_en, N_ ("Title in English"), N_ ("TEXT") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &o->start, N_ ("Start, local time: YYYY-MM-DD or YYYY-MM-DDTHH:MM"), N_ ("WHEN") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &o->end, N_ ("End, local time"), N_ ("WHEN") },
    { "tz", 0, 0, G_OPTION_ARG_STRING, &o->tz, N_ ("Time zone of start and end (IANA, e.g. Asia/Yangon)"), N_ ("ZONE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o->kind, N_ ("Kind of event (forum, workshop, …)"), N_ ("KIND") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &o->status, edit ? N_ ("Status") : N_ ("Status (planned if not given)"), N_ ("STATUS") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &o->country, N_ ("Country, ISO code or name"), N_ ("COUNTRY") },
    { "city-zh", 0, 0, G_OPTION_ARG_STRING, &o->city_zh, N_ ("City in Chinese"), N_ ("TEXT") },
    { "city-en", 0, 0, G_OPTION_ARG_STRING, &o->city_en, N_ ("City in English"), N_ ("TEXT") },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &o->venue, N_ ("Venue"), N_ ("TEXT") },
    { "activity", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->activities,
      edit ? N_ ("Activity of the plan this event serves (repeatable; replaces the list, \"\" empties it)")
           : N_ ("Activity of the plan this event serves (repeatable)"),
      N_ ("CODE") },
    { "track", 0, 0, G_OPTION_ARG_STRING, &o->track, N_ ("Programme track"), N_ ("TRACK") },
    { "capacity", 0, 0, G_OPTION_ARG_INT, &o->capacity, N_ ("Number of places (0: no limit)"), N_ ("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o->json, edit ? N_ ("Print the event as JSON") : N_ ("Print the new event as JSON"), NULL },
    { NULL },
  };

  for (guint i = 0; i < N_EVENT_ENTRIES; i++)
    entries[i] = all[i];
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

/* Whether any field was given, for edit. */
static gboolean
any_field (const EventOptions *o)
{
  return o->title_zh || o->title_en || o->start || o->end || o->tz || o->kind || o->status || o->country || o->city_zh || o->city_en || o->venue || o->track || o->activities || o->capacity != LIAISON_CLI_UNSET;
}

/* The options onto the event (new, or as stored for an edit). What the
 * command line itself gets wrong is a usage error (1): a word not among
 * the choices, a date that is not one or that the zone's clocks skip, a
 * zone that is not an IANA name. The texts are the store's to judge when
 * it saves (a data error). */
static gboolean
apply_options (LiaisonEvent *event,
               EventOptions *o,
               gboolean      is_new,
               int          *rc)
{
  g_autoptr (GError) error = NULL;
  const LiaisonCountry *country = NULL;
  int                   kind = liaison_event_get_kind (event), status = liaison_event_get_status (event);

  if (!liaison_cli_parse_enum (LIAISON_TYPE_EVENT_KIND, o->kind, &kind, rc) || !liaison_cli_parse_enum (LIAISON_TYPE_EVENT_STATUS, o->status, &status, rc) || !liaison_cli_parse_country (o->country, &country, rc) || !liaison_cli_parse_track (o->track, rc))
    return FALSE;
  if (o->capacity != LIAISON_CLI_UNSET && (o->capacity < 0 || o->capacity > LIAISON_EVENT_MAX_CAPACITY))
    {
      /* Translators: %d is the largest capacity; 0 is literal */
      *rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("--capacity must be between 0 (no limit) and %d"), LIAISON_EVENT_MAX_CAPACITY);
      return FALSE;
    }

  if (o->start != NULL || o->end != NULL || o->tz != NULL)
    {
      const char      *start = o->start != NULL ? o->start : liaison_event_get_start (event);
      const char      *end = o->end != NULL ? o->end : liaison_event_get_end (event);
      const char      *tz = o->tz != NULL ? o->tz : liaison_event_get_time_zone (event);
      g_autofree char *start_copy = g_strdup (start), *end_copy = g_strdup (end), *tz_copy = g_strdup (tz);

      if (!liaison_event_set_when (event, start_copy, end_copy, tz_copy, &error) || !liaison_event_check_when (event, &error))
        {
          *rc = liaison_cli_fail (LIAISON_EXIT_USAGE, "%s", error->message);
          return FALSE;
        }
    }

  set_typed (liaison_event_get_title (event), o->title_zh, o->title_en);
  if (is_new && o->title_zh == NULL)
    liaison_bilingual_set_source (liaison_event_get_title (event), LIAISON_LANGUAGE_EN);
  set_typed (liaison_event_get_city (event), o->city_zh, o->city_en);
  liaison_event_set_kind (event, kind);
  liaison_event_set_status (event, status);
  if (o->country != NULL)
    liaison_event_set_country (event, country != NULL ? liaison_country_get_code (country) : NULL);
  if (o->venue != NULL)
    liaison_event_set_venue (event, o->venue);
  if (o->track != NULL)
    liaison_event_set_track (event, o->track);
  if (o->capacity != LIAISON_CLI_UNSET)
    liaison_event_set_capacity (event, (guint) o->capacity);
  if (o->activities != NULL)
    {
      g_autoptr (GStrvBuilder) codes = g_strv_builder_new ();
      g_auto (GStrv) list = NULL;

      for (guint i = 0; o->activities[i] != NULL; i++)
        if (*o->activities[i] != '\0')
          g_strv_builder_add (codes, o->activities[i]);
      list = g_strv_builder_end (codes);
      liaison_event_set_activities (event, *list != NULL ? (const char *const *) list : NULL);
    }
  return TRUE;
}

static void
print_event (LiaisonEvent *event,
             gboolean      json)
{
  if (json)
    {
      g_autoptr (JsonNode) node = liaison_json_from_event (event);
      liaison_cli_print_json (node);
    }
  else
    liaison_cli_outln ("%s", liaison_event_get_id (event));
}

int
liaison_cli_events_add (LiaisonStore *store,
                        int           argc,
                        char        **argv)
{
  EventOptions o = { .capacity = LIAISON_CLI_UNSET };
  GOptionEntry entries[N_EVENT_ENTRIES];
  g_autoptr (GOptionContext) context = liaison_cli_new_context (NULL, _ ("Add an event. It needs a title in at least one language, a start and a kind."));
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_USAGE;

  event_entries (&o, FALSE, entries);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    goto out;

  if (argc > 1)
    rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unexpected argument “%s”"), argv[1]);
  else if (o.title_zh == NULL && o.title_en == NULL)
    rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give a title with --title-zh or --title-en"));
  else if (o.start == NULL)
    rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give a start with --start"));
  else if (o.kind == NULL)
    {
      g_autofree char *nicks = liaison_enum_nicks (LIAISON_TYPE_EVENT_KIND);
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give a kind with --kind (one of: %s)"), nicks);
    }
  else if (apply_options (event, &o, TRUE, &rc))
    {
      if (!liaison_store_save_event (store, event, LIAISON_ORIGIN_LOCAL, &error))
        rc = liaison_cli_fail_error (error);
      else
        {
          print_event (event, o.json);
          rc = LIAISON_EXIT_OK;
        }
    }

out:
  event_options_clear (&o);
  return rc;
}

int
liaison_cli_events_edit (LiaisonStore *store,
                         int           argc,
                         char        **argv)
{
  EventOptions o = { .capacity = LIAISON_CLI_UNSET };
  GOptionEntry entries[N_EVENT_ENTRIES];
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (_ ("EVENT"), _ ("Change an event: each option given replaces that field; an empty value "
                                               "(\"\") clears it. EVENT is an identifier or a unique start or end of one."));
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_USAGE;

  event_entries (&o, TRUE, entries);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    goto out;

  if (argc != 2)
    rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the event to change"));
  else if (!any_field (&o))
    rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give at least one field to change (see “liaison events edit --help”)"));
  else if ((event = liaison_store_find_event (store, argv[1], &error)) == NULL)
    rc = liaison_cli_fail_error (error);
  else if (apply_options (event, &o, FALSE, &rc))
    {
      if (!liaison_store_save_event (store, event, LIAISON_ORIGIN_LOCAL, &error))
        rc = liaison_cli_fail_error (error);
      else
        {
          print_event (event, o.json);
          rc = LIAISON_EXIT_OK;
        }
    }

out:
  event_options_clear (&o);
  return rc;
}

int
liaison_cli_events_delete (LiaisonStore *store,
                           int           argc,
                           char        **argv)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the deleted event as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (_ ("EVENT"), _ ("Delete an event and its registrations. What is deleted is kept in "
                                               "the change journal; the next sync deletes the event on the server too."));
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (GPtrArray) registrations = NULL;
  g_autoptr (GError) error = NULL;
  LiaisonLanguage lang = liaison_language_for_locale ();
  int             rc = LIAISON_EXIT_USAGE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the event to delete"));

  if ((event = liaison_store_find_event (store, argv[1], &error)) == NULL || (registrations = liaison_store_list_registrations (store, liaison_event_get_id (event), &error)) == NULL || !liaison_store_delete_event (store, liaison_event_get_id (event), LIAISON_ORIGIN_LOCAL, &error))
    return liaison_cli_fail_error (error);

  if (json)
    {
      g_autoptr (JsonNode) node = liaison_json_from_event (event);
      liaison_cli_print_json (node);
    }
  else
    /* Translators: %1$s is an event's title, %2$u a number of registrations */
    liaison_cli_outln (ngettext ("Deleted “%1$s” and its %2$u registration", "Deleted “%1$s” and its %2$u registrations",
                                 registrations->len),
                       liaison_bilingual_get_display (liaison_event_get_title (event), lang), registrations->len);
  return LIAISON_EXIT_OK;
}
