/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "liaison-types.h"

G_BEGIN_DECLS

#define LIAISON_PROGRAMME_GREEN_ENVOYS "green-envoys"
#define LIAISON_PROGRAMME_FIRST_YEAR 2011

typedef struct
{
  const char *id;
  const char *title_zh;
  const char *title_en;
} LiaisonProgrammeTrack;

const char                  *liaison_programme_get_title (LiaisonLanguage language);
const LiaisonProgrammeTrack *liaison_programme_get_tracks (guint *n_tracks);
const LiaisonProgrammeTrack *liaison_programme_lookup_track (const char *id);
char                        *liaison_programme_dup_track_ids (void);

G_END_DECLS
