/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include "liaison-programme.h"

/* Content, not interface text: the built-in wording, as in the framework
 * (section 4, strategic direction 1, item 5; section 6, activity 2-3-2),
 * with its hyphen in 中国-东盟 (see po/GLOSSARY.md). A database keeps its
 * own copy (table programmes) that translators edit; these are what a new
 * database starts with. */
static const LiaisonProgrammeTrack tracks[] = {
  { "marine-plastics-youth",
    "中国-东盟海洋减塑青年领导力计划",
    "China-ASEAN Marine Plastics Reduction Youth Leadership Programme" },
  { "climate-youth",
    "中国-东盟应对气候变化青年领导力计划",
    "China-ASEAN Climate Change Youth Leadership Programme" },
  { "officials-capacity",
    "环境官员能力建设",
    "Capacity building for environmental officials" },
};

const char *
liaison_programme_get_title (LiaisonLanguage language)
{
  return language == LIAISON_LANGUAGE_ZH ? "中国-东盟绿色使者计划" : "China-ASEAN Green Envoys Programme";
}

const LiaisonProgrammeTrack *
liaison_programme_get_tracks (guint *n_tracks)
{
  *n_tracks = G_N_ELEMENTS (tracks);
  return tracks;
}

const LiaisonProgrammeTrack *
liaison_programme_lookup_track (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (tracks); i++)
    if (g_str_equal (tracks[i].id, id))
      return &tracks[i];
  return NULL;
}

/* "marine-plastics-youth, climate-youth, …": what --track takes. */
char *
liaison_programme_dup_track_ids (void)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tracks); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", tracks[i].id);
  return g_string_free (ids, FALSE);
}
