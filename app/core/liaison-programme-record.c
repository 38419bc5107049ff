/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-programme-record.h"

LiaisonProgrammeStep *
liaison_programme_step_new (const char               *event_id,
                            int                       year,
                            const char               *start,
                            const char               *track,
                            LiaisonRole               role,
                            LiaisonRegistrationStatus status)
{
  LiaisonProgrammeStep *step = g_new0 (LiaisonProgrammeStep, 1);

  step->event_id = g_strdup (event_id);
  step->year = year;
  step->start = g_strdup (start);
  step->track = g_strdup (track);
  step->role = role;
  step->status = status;
  return step;
}

void
liaison_programme_step_free (LiaisonProgrammeStep *step)
{
  if (step == NULL)
    return;
  g_free (step->event_id);
  g_free (step->start);
  g_free (step->track);
  g_free (step->title_zh);
  g_free (step->title_en);
  g_free (step);
}

static int
compare_steps (gconstpointer a, gconstpointer b)
{
  const LiaisonProgrammeStep *x = *(LiaisonProgrammeStep **) a;
  const LiaisonProgrammeStep *y = *(LiaisonProgrammeStep **) b;

  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  if (g_strcmp0 (x->start, y->start) != 0)
    return g_strcmp0 (x->start, y->start);
  return g_strcmp0 (x->event_id, y->event_id);
}

/* Oldest first; the same order whatever order the rows came in. */
void
liaison_programme_steps_sort (GPtrArray *steps)
{
  g_ptr_array_sort (steps, compare_steps);
}

/* Who came to learn, who came to speak, who came back to guide others.
 * Organisers, interpreters and staff served the event: not a stage of the
 * programme. */
LiaisonProgrammeStage
liaison_programme_stage_of_role (LiaisonRole role)
{
  switch (role)
    {
    case LIAISON_ROLE_DELEGATE:
    case LIAISON_ROLE_OBSERVER:
    case LIAISON_ROLE_VIP:
      return LIAISON_PROGRAMME_STAGE_PARTICIPANT;
    case LIAISON_ROLE_SPEAKER:
    case LIAISON_ROLE_MODERATOR:
      return LIAISON_PROGRAMME_STAGE_SPEAKER;
    case LIAISON_ROLE_MENTOR:
      return LIAISON_PROGRAMME_STAGE_MENTOR;
    case LIAISON_ROLE_ORGANISER:
    case LIAISON_ROLE_INTERPRETER:
    case LIAISON_ROLE_STAFF:
    default:
      return LIAISON_PROGRAMME_STAGE_NONE;
    }
}

const char *
liaison_programme_stage_nick (LiaisonProgrammeStage stage)
{
  static const char *nicks[] = { "none", "participant", "speaker", "mentor" };

  return (guint) stage < G_N_ELEMENTS (nicks) ? nicks[stage] : "none";
}

const char *
liaison_programme_stage_label (LiaisonProgrammeStage stage)
{
  switch (stage)
    {
    case LIAISON_PROGRAMME_STAGE_PARTICIPANT:
      return C_ ("programme stage", "Participant");
    case LIAISON_PROGRAMME_STAGE_SPEAKER:
      return C_ ("programme stage", "Speaker");
    case LIAISON_PROGRAMME_STAGE_MENTOR:
      return C_ ("programme stage", "Mentor");
    case LIAISON_PROGRAMME_STAGE_NONE:
    default:
      return "";
    }
}

static gboolean
year_seen (GArray *years, int year)
{
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == year)
      return TRUE;
  g_array_append_val (years, year);
  return FALSE;
}

/* Only attended registrations make the record: an invitation or a
 * nomination is not taking part. steps need not be sorted. */
LiaisonProgrammeRecord *
liaison_programme_record_derive (GPtrArray *steps)
{
  LiaisonProgrammeRecord *record = g_new0 (LiaisonProgrammeRecord, 1);
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));

  record->milestones = g_array_new (FALSE, FALSE, sizeof (LiaisonProgrammeMilestone));
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (steps, i));
  liaison_programme_steps_sort (sorted);

  for (guint i = 0; i < sorted->len; i++)
    {
      const LiaisonProgrammeStep *step = g_ptr_array_index (sorted, i);
      LiaisonProgrammeStage       stage = liaison_programme_stage_of_role (step->role);

      if (step->status != LIAISON_REGISTRATION_ATTENDED || step->track == NULL || *step->track == '\0' ||
          stage == LIAISON_PROGRAMME_STAGE_NONE || step->year <= 0)
        continue;
      record->attended++;
      if (record->cohort == 0)
        {
          record->cohort = step->year;
          record->cohort_track = g_strdup (step->track);
        }
      if (!year_seen (years, step->year))
        record->years++;
      record->last_year = MAX (record->last_year, step->year);
      if (stage > record->highest)
        {
          LiaisonProgrammeMilestone m = { step->year, stage };

          record->highest = stage;
          g_array_append_val (record->milestones, m);
        }
    }
  return record;
}

gboolean
liaison_programme_record_came_back (const LiaisonProgrammeRecord *record)
{
  return record != NULL && record->years >= 2;
}

/* “2015 Participant → 2019 Speaker → 2021 Mentor”. */
char *
liaison_programme_record_format_progression (const LiaisonProgrammeRecord *record)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; record != NULL && i < record->milestones->len; i++)
    {
      const LiaisonProgrammeMilestone *m = &g_array_index (record->milestones, LiaisonProgrammeMilestone, i);

      if (i > 0)
        /* Translators: between the stages of a person's progression, “2015 Participant → 2019 Speaker” */
        g_string_append (text, C_ ("progression", " → "));
      /* Translators: a year and the programme stage reached then, “2019 Speaker” */
      g_string_append_printf (text, C_ ("progression", "%1$d %2$s"), m->year, liaison_programme_stage_label (m->stage));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
liaison_programme_record_free (LiaisonProgrammeRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->cohort_track);
  g_clear_pointer (&record->milestones, g_array_unref);
  g_free (record);
}

/* ------------------------------------------------------------------------ */
/* The programme's figures                                                    */

static void
cohort_count_clear (gpointer data)
{
  g_free (((LiaisonCohortCount *) data)->track);
}

static void
alumnus_free (gpointer data)
{
  LiaisonAlumnus *a = data;

  g_free (a->participant_id);
  g_free (a->name);
  g_free (a->country);
  g_free (a->progression);
  g_free (a);
}

static void
count_free (gpointer data)
{
  LiaisonProgrammeCount *c = data;

  g_free (c->key);
  g_free (c);
}

LiaisonProgrammeSummary *
liaison_programme_summary_new (void)
{
  LiaisonProgrammeSummary *summary = g_new0 (LiaisonProgrammeSummary, 1);

  summary->cohorts = g_array_new (FALSE, FALSE, sizeof (LiaisonCohortCount));
  g_array_set_clear_func (summary->cohorts, cohort_count_clear);
  summary->returning = g_ptr_array_new_with_free_func (alumnus_free);
  summary->countries = g_ptr_array_new_with_free_func (count_free);
  return summary;
}

static void
add_cohort (LiaisonProgrammeSummary *summary, int year, const char *track)
{
  LiaisonCohortCount c = { year, g_strdup (track), 1 };

  for (guint i = 0; i < summary->cohorts->len; i++)
    {
      LiaisonCohortCount *have = &g_array_index (summary->cohorts, LiaisonCohortCount, i);

      if (have->year == year && g_strcmp0 (have->track, track) == 0)
        {
          have->people++;
          g_free (c.track);
          return;
        }
    }
  g_array_append_val (summary->cohorts, c);
}

static void
add_country (LiaisonProgrammeSummary *summary, const char *country)
{
  LiaisonProgrammeCount *c;

  /* An empty key: the country was not recorded. */
  if (country == NULL)
    country = "";
  for (guint i = 0; i < summary->countries->len; i++)
    {
      c = g_ptr_array_index (summary->countries, i);
      if (g_str_equal (c->key, country))
        {
          c->people++;
          return;
        }
    }
  c = g_new0 (LiaisonProgrammeCount, 1);
  c->key = g_strdup (country);
  c->people = 1;
  g_ptr_array_add (summary->countries, c);
}

/* A person who never attended a programme event adds nothing. */
void
liaison_programme_summary_add (LiaisonProgrammeSummary      *summary,
                               const char                   *participant_id,
                               const char                   *name,
                               const char                   *country,
                               LiaisonSector                 sector,
                               LiaisonGender                 gender,
                               gboolean                      consent,
                               const LiaisonProgrammeRecord *record)
{
  if (record == NULL || record->cohort == 0)
    return;

  summary->alumni++;
  for (LiaisonProgrammeStage s = LIAISON_PROGRAMME_STAGE_PARTICIPANT; s <= record->highest; s++)
    summary->reached[s]++;
  add_cohort (summary, record->cohort, record->cohort_track);
  add_country (summary, country);
  if ((guint) sector < G_N_ELEMENTS (summary->sectors))
    summary->sectors[sector]++;
  if ((guint) gender < G_N_ELEMENTS (summary->genders))
    summary->genders[gender]++;

  if (liaison_programme_record_came_back (record))
    {
      LiaisonAlumnus *a = g_new0 (LiaisonAlumnus, 1);

      summary->returned++;
      a->participant_id = g_strdup (participant_id);
      a->name = g_strdup (name);
      a->country = g_strdup (country);
      a->consent = consent;
      a->cohort = record->cohort;
      a->last_year = record->last_year;
      a->years = record->years;
      a->attended = record->attended;
      a->highest = record->highest;
      a->progression = liaison_programme_record_format_progression (record);
      g_ptr_array_add (summary->returning, a);
    }
}

static int
compare_cohorts (gconstpointer a, gconstpointer b)
{
  const LiaisonCohortCount *x = a, *y = b;

  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  return g_strcmp0 (x->track, y->track);
}

static int
compare_alumni (gconstpointer a, gconstpointer b)
{
  const LiaisonAlumnus *x = *(LiaisonAlumnus **) a;
  const LiaisonAlumnus *y = *(LiaisonAlumnus **) b;

  if (x->last_year != y->last_year)
    return x->last_year > y->last_year ? -1 : 1;
  if (x->highest != y->highest)
    return x->highest > y->highest ? -1 : 1;
  if (x->years != y->years)
    return x->years > y->years ? -1 : 1;
  return g_strcmp0 (x->participant_id, y->participant_id);
}

static int
compare_counts (gconstpointer a, gconstpointer b)
{
  const LiaisonProgrammeCount *x = *(LiaisonProgrammeCount **) a;
  const LiaisonProgrammeCount *y = *(LiaisonProgrammeCount **) b;

  if (x->people != y->people)
    return x->people > y->people ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

/* Sorts everything into a stable order: the same figures print the same. */
void
liaison_programme_summary_finish (LiaisonProgrammeSummary *summary)
{
  g_array_sort (summary->cohorts, compare_cohorts);
  g_ptr_array_sort (summary->returning, compare_alumni);
  g_ptr_array_sort (summary->countries, compare_counts);
}

/* track NULL: every track of that year. */
guint
liaison_programme_summary_cohort_size (LiaisonProgrammeSummary *summary,
                                       int                      year,
                                       const char              *track)
{
  guint n = 0;

  for (guint i = 0; i < summary->cohorts->len; i++)
    {
      const LiaisonCohortCount *c = &g_array_index (summary->cohorts, LiaisonCohortCount, i);

      if (c->year == year && (track == NULL || g_strcmp0 (c->track, track) == 0))
        n += c->people;
    }
  return n;
}

void
liaison_programme_summary_free (LiaisonProgrammeSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->cohorts, g_array_unref);
  g_clear_pointer (&summary->returning, g_ptr_array_unref);
  g_clear_pointer (&summary->countries, g_ptr_array_unref);
  g_free (summary);
}
