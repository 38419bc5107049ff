/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PERSON_PROGRAMME (liaison_person_programme_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonPersonProgramme, liaison_person_programme, LIAISON, PERSON_PROGRAMME, AdwBin)

typedef struct _LiaisonPersonProgrammeData LiaisonPersonProgrammeData;

LiaisonPersonProgrammeData *liaison_person_programme_read (LiaisonStore *reader,
                                                           const char   *participant_id,
                                                           GError      **error);
void                        liaison_person_programme_data_free (LiaisonPersonProgrammeData *data);
void                        liaison_person_programme_set_data (LiaisonPersonProgramme     *self,
                                                               LiaisonContext             *context,
                                                               const char                 *participant_id,
                                                               LiaisonPersonProgrammeData *data);

void liaison_person_programme_show (LiaisonPersonProgramme *self,
                                    LiaisonContext         *context,
                                    const char             *participant_id);
int  liaison_person_programme_get_cohort (LiaisonPersonProgramme *self);

G_END_DECLS
