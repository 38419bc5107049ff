/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "liaison-types.h"

G_BEGIN_DECLS

/* A person's Green Envoys record, derived from their registrations at
 * events of a programme track; and the programme's figures, summed from
 * every person's record. Pure: no storage, so the rules are tested alone. */

typedef enum
{
  LIAISON_PROGRAMME_STAGE_NONE,
  LIAISON_PROGRAMME_STAGE_PARTICIPANT,
  LIAISON_PROGRAMME_STAGE_SPEAKER,
  LIAISON_PROGRAMME_STAGE_MENTOR,
} LiaisonProgrammeStage;

#define LIAISON_N_PROGRAMME_STAGES 4

/* One registration at a programme event. */
typedef struct
{
  char                     *event_id;
  int                       year;
  char                     *start; /* the event's local start, sorts by time */
  char                     *track;
  char                     *title_zh;
  char                     *title_en;
  LiaisonRole               role;
  LiaisonRegistrationStatus status;
} LiaisonProgrammeStep;

typedef struct
{
  int                   year;
  LiaisonProgrammeStage stage;
} LiaisonProgrammeMilestone;

typedef struct
{
  int                   cohort;       /* first year attended; 0: never attended */
  char                 *cohort_track; /* the track of that first event */
  guint                 attended;     /* programme events attended */
  guint                 years;        /* distinct years attended */
  int                   last_year;    /* latest year attended */
  LiaisonProgrammeStage highest;
  GArray               *milestones; /* LiaisonProgrammeMilestone: each stage when first reached */
} LiaisonProgrammeRecord;

LiaisonProgrammeStep *liaison_programme_step_new (const char               *event_id,
                                                  int                       year,
                                                  const char               *start,
                                                  const char               *track,
                                                  LiaisonRole               role,
                                                  LiaisonRegistrationStatus status);
void                  liaison_programme_step_free (LiaisonProgrammeStep *step);
void                  liaison_programme_steps_sort (GPtrArray *steps);

LiaisonProgrammeStage   liaison_programme_stage_of_role (LiaisonRole role);
const char             *liaison_programme_stage_nick (LiaisonProgrammeStage stage);
const char             *liaison_programme_stage_label (LiaisonProgrammeStage stage);
LiaisonProgrammeRecord *liaison_programme_record_derive (GPtrArray *steps);
gboolean                liaison_programme_record_came_back (const LiaisonProgrammeRecord *record);
char                   *liaison_programme_record_format_progression (const LiaisonProgrammeRecord *record);
void                    liaison_programme_record_free (LiaisonProgrammeRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonProgrammeRecord, liaison_programme_record_free)

/* The programme's figures. Everyone who attended a programme event counts
 * (anonymised people too: their country, gender, sector and years stay);
 * the people named in the list of those who came back carry whether they
 * consented, so a list can mark them and an export leave them out. */
typedef struct
{
  int   year;
  char *track;
  guint people;
} LiaisonCohortCount;

typedef struct
{
  char                 *participant_id;
  char                 *name;
  char                 *country;
  gboolean              consent;
  int                   cohort;
  int                   last_year;
  guint                 years;
  guint                 attended;
  LiaisonProgrammeStage highest;
  char                 *progression;
} LiaisonAlumnus;

typedef struct
{
  char *key;
  guint people;
} LiaisonProgrammeCount;

typedef struct
{
  guint      alumni;   /* people who attended at least one programme event */
  guint      returned; /* of them, attended in two years or more */
  guint      reached[LIAISON_N_PROGRAMME_STAGES];
  GArray    *cohorts;   /* LiaisonCohortCount, by year then track */
  GPtrArray *returning; /* LiaisonAlumnus, latest year first */
  GPtrArray *countries; /* LiaisonProgrammeCount, most people first */
  guint      sectors[LIAISON_SECTOR_OTHER + 1];
  guint      genders[LIAISON_GENDER_OTHER + 1];
} LiaisonProgrammeSummary;

LiaisonProgrammeSummary *liaison_programme_summary_new (void);
void                     liaison_programme_summary_add (LiaisonProgrammeSummary      *summary,
                                                        const char                   *participant_id,
                                                        const char                   *name,
                                                        const char                   *country,
                                                        LiaisonSector                 sector,
                                                        LiaisonGender                 gender,
                                                        gboolean                      consent,
                                                        const LiaisonProgrammeRecord *record);
void                     liaison_programme_summary_finish (LiaisonProgrammeSummary *summary);
guint                    liaison_programme_summary_cohort_size (LiaisonProgrammeSummary *summary,
                                                                int                      year,
                                                                const char              *track);
void                     liaison_programme_summary_free (LiaisonProgrammeSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonProgrammeSummary, liaison_programme_summary_free)

G_END_DECLS
