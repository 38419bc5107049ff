/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "liaison-cli.h"
#include "liaison-cli-common.h"
#include "liaison-cli-events.h"
#include "liaison-cli-duplicates.h"
#include "liaison-cli-participants.h"
#include "liaison-cli-registrations.h"
#include "liaison-cli-import.h"
#include "liaison-cli-export.h"
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
static int cmd_participants_search (LiaisonStore *store, int argc, char **argv);
static int cmd_plan (LiaisonStore *store, int argc, char **argv);

static const Command commands[] = {
  { "events", "add", liaison_cli_events_add, N_ ("Add an event") },
  { "events", "edit", liaison_cli_events_edit, N_ ("Change an event's fields") },
  { "events", "delete", liaison_cli_events_delete, N_ ("Delete an event and its registrations") },
  { "events", NULL, cmd_events, N_ ("List events") },
  { "participants", "add", liaison_cli_participants_add, N_ ("Add a participant") },
  { "participants", "edit", liaison_cli_participants_edit, N_ ("Change a participant's fields") },
  { "participants", "delete", liaison_cli_participants_delete, N_ ("Delete a participant and their registrations") },
  { "participants", "search", cmd_participants_search, N_ ("Find participants by name, organisation or e-mail, in any script") },
  { "register", NULL, liaison_cli_register, N_ ("Register a participant for an event") },
  { "registrations", "set", liaison_cli_registrations_set, N_ ("Change a registration's status or role") },
  { "registrations", NULL, liaison_cli_registrations, N_ ("List who is registered for an event") },
  { "unregister", NULL, liaison_cli_unregister, N_ ("Remove a registration; the waitlist moves up") },
  { "plan", NULL, cmd_plan, N_ ("Show the action plan with events per year") },
  { "sync", NULL, liaison_cli_sync, N_ ("Sync events and participants with the secretariat's server") },
  { "conflicts", NULL, liaison_cli_conflicts, N_ ("List or resolve the changes sync could not merge") },
  { "translations", "export", liaison_cli_translations_export, N_ ("Write the texts to translate to a PO file") },
  { "translations", "import", liaison_cli_translations_import, N_ ("Apply the translations of a PO file") },
  { "translations", "set", liaison_cli_translations_set, N_ ("Set one text's translation or mark it reviewed") },
  { "translations", NULL, liaison_cli_translations, N_ ("List the texts that need translating") },
  { "import", "participants", liaison_cli_import_participants, N_ ("Import people from a CSV or Excel file, optionally registering them for an event") },
  { "import", "calendar", liaison_cli_import_calendar, N_ ("Import the events of an iCalendar (.ics) file") },
  { "import", "reply", liaison_cli_import_reply, N_ ("Apply an answer (METHOD:REPLY) to an invitation") },
  { "export", NULL, liaison_cli_export, N_ ("Write participants, registrations or events to CSV or Excel, events to iCalendar, invitations") },
  { "print", NULL, liaison_cli_print, N_ ("Write an event's sign-in sheet, badges or certificates to PDF") },
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
  { "participants", "duplicates", liaison_cli_participants_duplicates, N_ ("List people who may be entered more than once, with a score and the reasons") },
  { "participants", "merge", liaison_cli_participants_merge, N_ ("Merge records of one person into one, field by field") },
  { "participants", "unmerge", liaison_cli_participants_unmerge, N_ ("Undo a merge: the merged records come back as they were") },
};

static int
cmd_events (LiaisonStore *store,
            int           argc,
            char        **argv)
{
  int                year = LIAISON_CLI_UNSET;
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
  g_autoptr (GOptionContext) context = liaison_cli_new_context (NULL, _ ("List events, oldest first."));
  LiaisonEventFilter filter = LIAISON_EVENT_FILTER_INIT;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;
  LiaisonLanguage lang = liaison_language_for_locale ();
  int             rc = LIAISON_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    goto out;
  rc = LIAISON_EXIT_USAGE;
  if (argc > 1)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unexpected argument “%s”"), argv[1]);
      goto out;
    }
  if (!liaison_cli_parse_enum (LIAISON_TYPE_EVENT_KIND, kind, &filter.kind, &rc) || !liaison_cli_parse_enum (LIAISON_TYPE_EVENT_STATUS, status, &filter.status, &rc) || !liaison_cli_parse_year (year, &rc) || !liaison_cli_parse_track (track, &rc))
    goto out;
  if (country != NULL && liaison_country_lookup (country) == NULL)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("“%s” is not an ISO 3166 country code"), country);
      goto out;
    }
  filter.year = year != LIAISON_CLI_UNSET ? year : 0;
  filter.country = country ? liaison_country_get_code (liaison_country_lookup (country)) : NULL;
  filter.activity = activity;
  filter.track = track;
  filter.text = text;

  events = liaison_store_list_events (store, &filter, &error);
  if (events == NULL)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }

  if (json)
    {
      g_autoptr (JsonArray) array = json_array_new ();
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < events->len; i++)
        json_array_add_element (array, liaison_json_from_event (g_ptr_array_index (events, i)));
      json_node_set_array (node, array);
      liaison_cli_print_json (node);
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

          liaison_cli_outf ("%s  %s  %s  %s%s%s\n",
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
  g_autoptr (GOptionContext) context = liaison_cli_new_context (_ ("TEXT"),
                                                                _ ("Find participants. TEXT may be in any script: “li xia” finds 李霞 and 李霞 finds Li Xia."));
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *query = NULL;
  int              rc = LIAISON_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc < 2)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the text to search for"));
  if (limit <= 0)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("--limit must be at least 1"));

  query = g_strjoinv (" ", argv + 1);
  people = liaison_store_search_participants (store, query, limit, &error);
  if (people == NULL)
    return liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);

  if (json)
    {
      g_autoptr (JsonArray) array = json_array_new ();
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < people->len; i++)
        json_array_add_element (array, liaison_json_from_participant (g_ptr_array_index (people, i)));
      json_node_set_array (node, array);
      liaison_cli_print_json (node);
    }
  else
    for (guint i = 0; i < people->len; i++)
      {
        LiaisonParticipant *p = g_ptr_array_index (people, i);
        g_autofree char    *name = liaison_participant_dup_display_name (p);
        const char         *country = liaison_participant_get_country (p);

        liaison_cli_outf ("%s  %s%s%s\n", liaison_uuid_short (liaison_participant_get_id (p)), name,
                          country ? "  " : "", country ? country : "");
      }
  return LIAISON_EXIT_OK;
}

static int
cmd_plan (LiaisonStore *store,
          int           argc,
          char        **argv)
{
  int                year = LIAISON_CLI_UNSET;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_ ("Only this year"), N_ ("YEAR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_new_context (NULL, _ ("Show each activity of the 2021–2025 action plan: its schedule, the years it is planned for, and the events held or planned in each year."));
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int             this_year = g_date_time_get_year (now);
  LiaisonLanguage lang = liaison_language_for_locale ();
  int             rc = LIAISON_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc > 1)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unexpected argument “%s”"), argv[1]);
  if (!liaison_cli_parse_year (year, &rc))
    return rc;

  rows = liaison_plan_report_build (store, year != LIAISON_CLI_UNSET ? year : 0, this_year, &error);
  if (rows == NULL)
    return liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);

  if (json)
    {
      g_autoptr (JsonNode) node = liaison_plan_report_to_json (rows, this_year);
      liaison_cli_print_json (node);
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
      liaison_cli_outf ("%-6s %s\n", liaison_plan_item_get_code (item),
                        liaison_bilingual_get_display (liaison_plan_item_get_title (item), lang));
      liaison_cli_outf ("       %s\n       %s\n", schedule_line, years_line);
      if (anomaly != NULL)
        liaison_cli_outf ("       ⚠ %s\n", anomaly);
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
  liaison_cli_out (s->str);
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
      liaison_cli_outf ("liaison %s\n", PACKAGE_VERSION);
      return LIAISON_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands) && command == NULL; i++)
    if (g_str_equal (argv[1], commands[i].name) && (commands[i].sub == NULL || (argc > 2 && g_str_equal (argv[2], commands[i].sub))))
      command = &commands[i];

  if (command == NULL)
    {
      if (g_str_equal (argv[1], "participants"))
        return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("“participants” needs “add”, “edit”, “delete” or “search”"));
      return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown command “%s”; “liaison --help” lists the commands"), argv[1]);
    }

  store = liaison_store_open (database, &error);
  if (store == NULL)
    return liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);

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
