/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <stdio.h>

#include "liaison-cli-people-private.h"
#include "liaison-cli-translations.h"
#include "liaison-cli.h"
#include "liaison-json.h"
#include "liaison-person-data.h"

/* The Green Envoys Programme and a person's consent and data from the
 * command line; the helpers the people commands share. */

/* Through the common output: control characters in names and notes are
 * shown, not sent to the terminal. */
void
liaison_cli_people_out (const char *text)
{
  liaison_cli_out (text);
}

void
liaison_cli_people_outf (const char *format, ...)
{
  va_list          args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  liaison_cli_out (text);
}

int
liaison_cli_people_fail (int status, const char *format, ...)
{
  va_list args;
  int     result;

  va_start (args, format);
  result = liaison_cli_vfail (status, format, args);
  va_end (args);
  return result;
}

void
liaison_cli_people_print_json (JsonNode *node)
{
  liaison_cli_print_json (node);
}

GOptionContext *
liaison_cli_people_context (const char *parameter, const char *summary, const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

gboolean
liaison_cli_people_parse (GOptionContext *context, int *argc, char ***argv, int *rc)
{
  g_autoptr (GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  *rc = fail (LIAISON_EXIT_USAGE, "%s", error->message);
  return FALSE;
}

const char *
liaison_cli_people_country_name (const char *code)
{
  const LiaisonCountry *c = liaison_country_lookup (code);

  if (code == NULL || *code == '\0')
    return _ ("Country not recorded");
  return c != NULL ? liaison_country_get_name (c, liaison_language_for_locale ()) : code;
}

char *
liaison_cli_people_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* ------------------------------------------------------------------------ */
/* The programme                                                             */

static const char *
track_title (GPtrArray *tracks, const char *id)
{
  const LiaisonTrackInfo *t = liaison_track_info_find (tracks, id);
  LiaisonLanguage         lang = liaison_language_for_locale ();

  if (t == NULL)
    return id != NULL ? id : "";
  if (lang == LIAISON_LANGUAGE_ZH)
    return t->title_zh != NULL ? t->title_zh : t->title_en;
  return t->title_en != NULL ? t->title_en : t->title_zh;
}

static JsonNode *
summary_to_json (LiaisonProgrammeSummary *s, GPtrArray *tracks)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint unnamed = 0;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "alumni");
  json_builder_add_int_value (b, s->alumni);
  json_builder_set_member_name (b, "came_back");
  json_builder_add_int_value (b, s->returned);
  json_builder_set_member_name (b, "reached");
  json_builder_begin_object (b);
  for (LiaisonProgrammeStage st = LIAISON_PROGRAMME_STAGE_PARTICIPANT; st < LIAISON_N_PROGRAMME_STAGES; st++)
    {
      json_builder_set_member_name (b, liaison_programme_stage_nick (st));
      json_builder_add_int_value (b, s->reached[st]);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "tracks");
  json_builder_begin_array (b);
  for (guint i = 0; i < tracks->len; i++)
    {
      LiaisonTrackInfo *t = g_ptr_array_index (tracks, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, t->id);
      if (t->title_zh != NULL)
        {
          json_builder_set_member_name (b, "title_zh");
          json_builder_add_string_value (b, t->title_zh);
        }
      if (t->title_en != NULL)
        {
          json_builder_set_member_name (b, "title_en");
          json_builder_add_string_value (b, t->title_en);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "cohorts");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->cohorts->len; i++)
    {
      const LiaisonCohortCount *c = &g_array_index (s->cohorts, LiaisonCohortCount, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "year");
      json_builder_add_int_value (b, c->year);
      json_builder_set_member_name (b, "track");
      json_builder_add_string_value (b, c->track);
      json_builder_set_member_name (b, "people");
      json_builder_add_int_value (b, c->people);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "countries");
  json_builder_begin_object (b);
  for (guint i = 0; i < s->countries->len; i++)
    {
      LiaisonProgrammeCount *c = g_ptr_array_index (s->countries, i);

      json_builder_set_member_name (b, c->key);
      json_builder_add_int_value (b, c->people);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "sectors");
  json_builder_begin_object (b);
  for (LiaisonSector k = 0; k <= LIAISON_SECTOR_OTHER; k++)
    if (s->sectors[k] > 0)
      {
        json_builder_set_member_name (b, liaison_enum_to_nick (LIAISON_TYPE_SECTOR, k));
        json_builder_add_int_value (b, s->sectors[k]);
      }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "genders");
  json_builder_begin_object (b);
  for (LiaisonGender g = 0; g <= LIAISON_GENDER_OTHER; g++)
    if (s->genders[g] > 0)
      {
        json_builder_set_member_name (b, liaison_enum_to_nick (LIAISON_TYPE_GENDER, g));
        json_builder_add_int_value (b, s->genders[g]);
      }
  json_builder_end_object (b);

  /* Named only with their consent to the programme's use of their record. */
  json_builder_set_member_name (b, "came_back_people");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->returning->len; i++)
    {
      LiaisonAlumnus *a = g_ptr_array_index (s->returning, i);

      if (!a->consent)
        {
          unnamed++;
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, a->participant_id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, a->name);
      if (a->country != NULL)
        {
          json_builder_set_member_name (b, "country");
          json_builder_add_string_value (b, a->country);
        }
      json_builder_set_member_name (b, "cohort");
      json_builder_add_int_value (b, a->cohort);
      json_builder_set_member_name (b, "years");
      json_builder_add_int_value (b, a->years);
      json_builder_set_member_name (b, "last_year");
      json_builder_add_int_value (b, a->last_year);
      json_builder_set_member_name (b, "highest_stage");
      json_builder_add_string_value (b, liaison_programme_stage_nick (a->highest));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "came_back_without_consent");
  json_builder_add_int_value (b, unnamed);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_summary (LiaisonProgrammeSummary *s, GPtrArray *tracks)
{
  LiaisonLanguage  lang = liaison_language_for_locale ();
  g_autofree char *alumni = NULL;
  g_autofree char *returned = NULL;

  outf ("%s\n", liaison_programme_get_title (lang));
  alumni = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person attended a programme event",
                                         "%u people attended programme events", s->alumni),
                            s->alumni);
  returned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of them came back in another year",
                                           "%u of them came back in another year", s->returned),
                              s->returned);
  if (s->alumni == 0)
    {
      outf ("%s\n", _ ("Nobody has attended an event of a programme track yet."));
      return;
    }
  outf ("%s\n%s\n", alumni, returned);
  for (LiaisonProgrammeStage st = LIAISON_PROGRAMME_STAGE_SPEAKER; st < LIAISON_N_PROGRAMME_STAGES; st++)
    {
      /* Translators: a programme stage and how many people reached it, “Speaker: 12” */
      g_autofree char *line = g_strdup_printf (C_ ("programme figure", "%1$s: %2$u"), liaison_programme_stage_label (st),
                                               s->reached[st]);

      outf ("%s\n", line);
    }

  outf ("\n%s\n", _ ("Cohorts by year and track"));
  for (guint i = 0; i < s->cohorts->len; i++)
    {
      const LiaisonCohortCount *c = &g_array_index (s->cohorts, LiaisonCohortCount, i);

      outf ("  %d  %4u  %s\n", c->year, c->people, track_title (tracks, c->track));
    }
  outf ("\n%s\n", _ ("People by country"));
  for (guint i = 0; i < s->countries->len; i++)
    {
      LiaisonProgrammeCount *c = g_ptr_array_index (s->countries, i);

      outf ("  %4u  %s\n", c->people, liaison_cli_people_country_name (c->key));
    }
  outf ("\n%s\n", _ ("People by sector"));
  for (LiaisonSector k = 0; k <= LIAISON_SECTOR_OTHER; k++)
    if (s->sectors[k] > 0)
      outf ("  %4u  %s\n", s->sectors[k], liaison_sector_label (k));
  outf ("\n%s\n", _ ("Alumni who came back"));
  for (guint i = 0; i < s->returning->len; i++)
    {
      LiaisonAlumnus *a = g_ptr_array_index (s->returning, i);

      /* Marked, never left out, in a list for this office's eyes. */
      outf ("  %s  %s  %s%s%s\n", liaison_uuid_short (a->participant_id), a->name, a->progression,
            a->consent ? "" : "  ", a->consent ? "" : C_ ("marker", "no consent"));
    }
}

int
liaison_cli_programme (LiaisonStore *store, int argc, char **argv)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      NULL,
      _ ("The Green Envoys Programme: cohorts by year and track, people by country and sector, the alumni who came "
         "back and how far they went (participant, speaker, mentor). People without consent to their programme "
         "record are counted, and left out of the JSON's names."),
      entries);
  g_autoptr (LiaisonProgrammeSummary) summary = NULL;
  g_autoptr (GPtrArray) tracks = NULL;
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc > 1)
    return fail (LIAISON_EXIT_USAGE, _ ("Unexpected argument “%s”"), argv[1]);
  summary = liaison_store_programme_summary (store, &error);
  tracks = summary != NULL ? liaison_store_list_tracks (store, &error) : NULL;
  if (tracks == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);
  if (json)
    {
      g_autoptr (JsonNode) node = summary_to_json (summary, tracks);

      liaison_cli_people_print_json (node);
    }
  else
    print_summary (summary, tracks);
  return LIAISON_EXIT_OK;
}

int
liaison_cli_programme_person (LiaisonStore *store, int argc, char **argv)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("PARTICIPANT"), _ ("A person's Green Envoys record: cohort, every programme event with role and status, progression and where they are now."), entries);
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (GPtrArray) steps = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GPtrArray) tracks = NULL;
  g_autoptr (LiaisonProgrammeRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  LiaisonLanguage lang = liaison_language_for_locale ();
  int             rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return fail (LIAISON_EXIT_USAGE, _ ("Give one participant"));
  if ((p = liaison_store_find_participant (store, argv[1], &error)) == NULL ||
      (steps = liaison_store_list_programme_steps (store, liaison_participant_get_id (p), &error)) == NULL ||
      (notes = liaison_store_list_programme_notes (store, liaison_participant_get_id (p), &error)) == NULL ||
      (tracks = liaison_store_list_tracks (store, &error)) == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);
  record = liaison_programme_record_derive (steps);

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) node = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, liaison_participant_get_id (p));
      if (record->cohort > 0)
        {
          json_builder_set_member_name (b, "cohort");
          json_builder_add_int_value (b, record->cohort);
          json_builder_set_member_name (b, "cohort_track");
          json_builder_add_string_value (b, record->cohort_track);
        }
      json_builder_set_member_name (b, "years");
      json_builder_add_int_value (b, record->years);
      json_builder_set_member_name (b, "highest_stage");
      json_builder_add_string_value (b, liaison_programme_stage_nick (record->highest));
      json_builder_set_member_name (b, "progression");
      json_builder_begin_array (b);
      for (guint i = 0; i < record->milestones->len; i++)
        {
          const LiaisonProgrammeMilestone *m = &g_array_index (record->milestones, LiaisonProgrammeMilestone, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "year");
          json_builder_add_int_value (b, m->year);
          json_builder_set_member_name (b, "stage");
          json_builder_add_string_value (b, liaison_programme_stage_nick (m->stage));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "events");
      json_builder_begin_array (b);
      for (guint i = 0; i < steps->len; i++)
        {
          LiaisonProgrammeStep *s = g_ptr_array_index (steps, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "event");
          json_builder_add_string_value (b, s->event_id);
          json_builder_set_member_name (b, "year");
          json_builder_add_int_value (b, s->year);
          json_builder_set_member_name (b, "track");
          json_builder_add_string_value (b, s->track);
          json_builder_set_member_name (b, "role");
          json_builder_add_string_value (b, liaison_enum_to_nick (LIAISON_TYPE_ROLE, s->role));
          json_builder_set_member_name (b, "status");
          json_builder_add_string_value (b, liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, s->status));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "notes");
      json_builder_begin_array (b);
      for (guint i = 0; i < notes->len; i++)
        {
          LiaisonProgrammeNote *n = g_ptr_array_index (notes, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "date");
          json_builder_add_string_value (b, n->date);
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, n->text);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      liaison_cli_people_print_json (node);
      return LIAISON_EXIT_OK;
    }

  {
    g_autofree char *name = liaison_participant_dup_display_name (p);
    g_autofree char *progression = liaison_programme_record_format_progression (record);

    outf ("%s\n", name);
    if (record->cohort > 0)
      {
        g_autofree char *cohort = g_strdup_printf (_ ("Cohort of %d"), record->cohort);

        outf ("%s (%s) — %s\n", cohort, track_title (tracks, record->cohort_track), progression);
      }
    else
      outf ("%s\n", _ ("Has not attended an event of the programme."));
    for (guint i = 0; i < steps->len; i++)
      {
        LiaisonProgrammeStep *s = g_ptr_array_index (steps, i);

        outf ("  %d  %s  %s  %s\n", s->year,
              lang == LIAISON_LANGUAGE_ZH && s->title_zh != NULL ? s->title_zh : s->title_en != NULL ? s->title_en
                                                                                                     : s->title_zh,
              liaison_role_label (s->role), liaison_registration_status_label (s->status));
      }
    for (guint i = 0; i < notes->len; i++)
      {
        LiaisonProgrammeNote *n = g_ptr_array_index (notes, i);

        outf ("  %s  %s\n", n->date, n->text);
      }
  }
  return LIAISON_EXIT_OK;
}

int
liaison_cli_programme_note (LiaisonStore *store, int argc, char **argv)
{
  char              *date = NULL, *text = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_ ("When this was so, YYYY-MM-DD (today if not given)"), N_ ("DATE") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_ ("Where they are now: their position, their work"), N_ ("TEXT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("PARTICIPANT"), _ ("Add a dated “where are they now” note to a person's Green Envoys record."), entries);
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *today = liaison_cli_people_today ();
  int              rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    goto out;
  if (argc != 2 || text == NULL)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Give one participant and --text"));
      goto out;
    }
  if ((p = liaison_store_find_participant (store, argv[1], &error)) == NULL ||
      (id = liaison_store_add_programme_note (store, liaison_participant_get_id (p), date != NULL ? date : today, text,
                                              LIAISON_ORIGIN_LOCAL, &error)) == NULL)
    rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
  else
    outf ("%s\n", id);

out:
  g_free (date);
  g_free (text);
  return rc;
}

int
liaison_cli_programme_tracks (LiaisonStore *store, int argc, char **argv)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      NULL, _ ("The tracks of the Green Envoys Programme: the identifier “events --track” takes and the titles."), entries);
  g_autoptr (GPtrArray) tracks = NULL;
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if ((tracks = liaison_store_list_tracks (store, &error)) == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);
  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) node = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < tracks->len; i++)
        {
          LiaisonTrackInfo *t = g_ptr_array_index (tracks, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, t->id);
          json_builder_set_member_name (b, "title_zh");
          json_builder_add_string_value (b, t->title_zh);
          json_builder_set_member_name (b, "title_en");
          json_builder_add_string_value (b, t->title_en);
          json_builder_set_member_name (b, "built_in");
          json_builder_add_boolean_value (b, t->built_in);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      node = json_builder_get_root (b);
      liaison_cli_people_print_json (node);
    }
  else
    for (guint i = 0; i < tracks->len; i++)
      {
        LiaisonTrackInfo *t = g_ptr_array_index (tracks, i);

        outf ("%s  %s\n", t->id, track_title (tracks, t->id));
      }
  return LIAISON_EXIT_OK;
}

int
liaison_cli_programme_add_track (LiaisonStore *store, int argc, char **argv)
{
  char              *zh = NULL, *en = NULL;
  const GOptionEntry entries[] = {
    { "title-zh", 0, 0, G_OPTION_ARG_STRING, &zh, N_ ("Title in Chinese"), N_ ("TEXT") },
    { "title-en", 0, 0, G_OPTION_ARG_STRING, &en, N_ ("Title in English"), N_ ("TEXT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      NULL, _ ("Add a track to the Green Envoys Programme; prints the identifier events take with --track."), entries);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  int              rc = LIAISON_EXIT_OK;

  if (liaison_cli_people_parse (context, &argc, &argv, &rc))
    {
      if ((id = liaison_store_add_track (store, zh, en, LIAISON_ORIGIN_LOCAL, &error)) == NULL)
        rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      else
        outf ("%s\n", id);
    }
  g_free (zh);
  g_free (en);
  return rc;
}

/* ------------------------------------------------------------------------ */
/* Privacy                                                                   */

int
liaison_cli_participants_consent (LiaisonStore *store, int argc, char **argv)
{
  char              *given = NULL;
  char             **scope_args = NULL;
  gboolean           withdrawn = FALSE, json = FALSE;
  const GOptionEntry entries[] = {
    { "given", 0, 0, G_OPTION_ARG_STRING, &given, N_ ("The person consented on this date, YYYY-MM-DD"), N_ ("DATE") },
    { "scope", 0, 0, G_OPTION_ARG_STRING_ARRAY, &scope_args,
      N_ ("What they consented to (repeatable): events, programme, contact, sharing, publication, or all"), N_ ("SCOPE") },
    { "withdrawn", 0, 0, G_OPTION_ARG_NONE, &withdrawn, N_ ("The person withdrew their consent"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("PARTICIPANT"),
      _ ("Show or record a person's consent to the processing of their data, with its date and what it covers. "
         "Without --given or --withdrawn it shows what is recorded."),
      entries);
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (GError) error = NULL;
  guint scopes = 0;
  int   rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    goto out;
  if (argc != 2)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Give one participant"));
      goto out;
    }
  if (given != NULL && withdrawn)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Give either --given or --withdrawn"));
      goto out;
    }
  for (guint i = 0; scope_args != NULL && scope_args[i] != NULL; i++)
    {
      guint more = 0;

      if (!liaison_consent_scopes_parse (scope_args[i], &more, &error))
        {
          rc = fail (LIAISON_EXIT_USAGE, "%s", error->message);
          goto out;
        }
      scopes |= more;
    }
  if (given != NULL && scopes == 0)
    scopes = LIAISON_CONSENT_EVENTS;

  if ((p = liaison_store_find_participant (store, argv[1], &error)) == NULL)
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  if ((given != NULL || withdrawn) &&
      !liaison_store_set_consent (store, liaison_participant_get_id (p), given != NULL, given, scopes, LIAISON_ORIGIN_LOCAL, &error))
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }

  {
    g_autoptr (LiaisonParticipant) now = liaison_store_get_participant (store, liaison_participant_get_id (p), NULL);
    guint have = liaison_store_get_consent_scopes (store, liaison_participant_get_id (p));

    if (json)
      {
        g_autoptr (JsonBuilder) b = json_builder_new ();
        g_autoptr (JsonNode) node = NULL;

        json_builder_begin_object (b);
        json_builder_set_member_name (b, "given");
        json_builder_add_boolean_value (b, liaison_participant_get_consent (now));
        if (liaison_participant_get_consent_date (now) != NULL)
          {
            json_builder_set_member_name (b, "date");
            json_builder_add_string_value (b, liaison_participant_get_consent_date (now));
          }
        json_builder_set_member_name (b, "scope");
        json_builder_begin_array (b);
        for (guint k = 0; k < LIAISON_N_CONSENT_SCOPES; k++)
          if (have & liaison_consent_scope_nth (k))
            json_builder_add_string_value (b, liaison_consent_scope_nick (liaison_consent_scope_nth (k)));
        json_builder_end_array (b);
        json_builder_end_object (b);
        node = json_builder_get_root (b);
        liaison_cli_people_print_json (node);
      }
    else if (!liaison_participant_get_consent (now))
      outf ("%s\n", _ ("No consent to data processing"));
    else
      {
        g_autofree char *line = g_strdup_printf (_ ("Consent given on %s, for:"), liaison_participant_get_consent_date (now) != NULL
                                                                                      ? liaison_participant_get_consent_date (now)
                                                                                      : "?");

        outf ("%s\n", line);
        for (guint k = 0; k < LIAISON_N_CONSENT_SCOPES; k++)
          if (have & liaison_consent_scope_nth (k))
            outf ("  %s (%s)\n", liaison_consent_scope_label (liaison_consent_scope_nth (k)),
                  liaison_consent_scope_nick (liaison_consent_scope_nth (k)));
      }
  }

out:
  g_free (given);
  g_strfreev (scope_args);
  return rc;
}

int
liaison_cli_participants_export_data (LiaisonStore *store, int argc, char **argv)
{
  char              *json_path = NULL, *pdf_path = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, N_ ("Write the JSON to this file (standard output if neither is given)"), N_ ("FILE") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path, N_ ("Write a PDF for the person to read to this file"), N_ ("FILE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("PARTICIPANT"),
      _ ("Everything Liaison holds about one person, on their request: their record and consent, every registration "
         "with its event and letters, their programme record and notes, their roles as liaison officer and the "
         "changes made to their record; as JSON, and as a PDF in the interface language."),
      entries);
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (JsonNode) data = NULL;
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    goto out;
  if (argc != 2)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Give one participant"));
      goto out;
    }
  if ((p = liaison_store_find_participant (store, argv[1], &error)) == NULL ||
      (data = liaison_store_person_data (store, liaison_participant_get_id (p), &error)) == NULL ||
      (json_path != NULL && !liaison_person_data_write_json (data, json_path, &error)) ||
      (pdf_path != NULL && !liaison_person_data_write_pdf (data, pdf_path, &error)))
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  if (json_path == NULL && pdf_path == NULL)
    liaison_cli_people_print_json (data);

out:
  g_free (json_path);
  g_free (pdf_path);
  return rc;
}

int
liaison_cli_participants_anonymise (LiaisonStore *store, int argc, char **argv)
{
  gboolean           yes = FALSE;
  const GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_ ("Anonymise: it cannot be undone"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("PARTICIPANT"),
      _ ("Remove who a person is (names, contacts, organisation, notes, letters), also from the change journal, and "
         "keep what the statistics count: country, gender, sector and the events they took part in. It cannot be "
         "undone: export their data first if they asked for it."),
      entries);
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  int              rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return fail (LIAISON_EXIT_USAGE, _ ("Give one participant"));
  if ((p = liaison_store_find_participant (store, argv[1], &error)) == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);
  name = liaison_participant_dup_display_name (p);
  if (!yes)
    /* Translators: %s is a person's name */
    return fail (LIAISON_EXIT_USAGE, _ ("Anonymising %s cannot be undone: run the command again with --yes"), name);
  if (!liaison_store_anonymise_participant (store, liaison_participant_get_id (p), LIAISON_ORIGIN_LOCAL, &error))
    return fail (LIAISON_EXIT_DATA, "%s", error->message);
  {
    /* Translators: %1$s is a person's name, %2$s their identifier */
    g_autofree char *line = g_strdup_printf (_ ("Anonymised %1$s (%2$s)"), name, liaison_participant_get_id (p));

    outf ("%s\n", line);
  }
  return LIAISON_EXIT_OK;
}
