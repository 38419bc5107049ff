/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* Is this the same person? Matching a person (typed, imported, pulled)
 * against the people already in the database, the way an organiser would
 * judge it:
 *
 * - the same e-mail address is the same person (score 100);
 * - the same name in the person's own script (李霞 = 李霞), or in Latin
 *   script with case, diacritics, spacing and the order of family and
 *   given name set aside (Nguyen Thi Minh Khai = NGUYỄN Thị Minh Khai,
 *   Li Xia = XIA Li = Lixia), or across scripts (李霞 = Li Xia, through the
 *   store's search keys, liaison-search-key.h) makes a possible duplicate;
 * - the same country and the same telephone number make it likelier;
 *   another country, or e-mail addresses that all differ, less likely.
 *
 * Names are no proof (there are many 王芳 in China), so only the e-mail is
 * decisive; the rest is for a person to decide. Han names are read into
 * Latin letters; Thai, Khmer, Lao and Myanmar names are not, because ICU's
 * letter-by-letter readings (สมชาย → smchay) are never the Latin name the
 * person uses: for them the Latin name they write is what matches. */

typedef enum
{
  LIAISON_MATCH_SAME_EMAIL = 1 << 0,
  LIAISON_MATCH_SAME_PHONE = 1 << 1,
  LIAISON_MATCH_SAME_NATIVE_NAME = 1 << 2,    /* in the person's own script */
  LIAISON_MATCH_SAME_LATIN_NAME = 1 << 3,     /* in Latin script */
  LIAISON_MATCH_NAME_ACROSS_SCRIPTS = 1 << 4, /* one's own-script name reads as the other's Latin name */
  LIAISON_MATCH_SAME_COUNTRY = 1 << 5,
  LIAISON_MATCH_OTHER_COUNTRY = 1 << 6, /* against: both have a country, not the same */
  LIAISON_MATCH_OTHER_EMAILS = 1 << 7,  /* against: both have e-mails, none shared */
  LIAISON_MATCH_SAME_ORGANISATION = 1 << 8,
  LIAISON_MATCH_OTHER_GENDER = 1 << 9, /* against: both have one, not the same */
  LIAISON_MATCH_COMMON_NAME = 1 << 10, /* against: many people here have the name */
} LiaisonMatchReasons;

/* The least score reported: a name alone, with nothing against it. */
#define LIAISON_MATCH_MIN_SCORE 40
/* The score of the same e-mail address: the same person. */
#define LIAISON_MATCH_CERTAIN 100

typedef struct
{
  char               *participant_id;
  char               *name;  /* their display name, for showing */
  guint               score; /* LIAISON_MATCH_MIN_SCORE … LIAISON_MATCH_CERTAIN */
  LiaisonMatchReasons reasons;
} LiaisonPersonMatch;

void liaison_person_match_free (LiaisonPersonMatch *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPersonMatch, liaison_person_match_free)

/* The people of the database who may be candidate, best first (at most
 * limit; 0: all), as LiaisonPersonMatch. candidate's own id is never
 * among them. Uses the search index: for one person at a time. */
GPtrArray *liaison_store_match_person (LiaisonStore       *self,
                                       LiaisonParticipant *candidate,
                                       guint               limit,
                                       GError            **error);

/* For many people at once (an import of 100,000): every person's keys
 * read once and kept in memory, then each candidate matched in a few
 * microseconds. A matcher is used from one thread at a time. */
typedef struct _LiaisonPersonMatcher LiaisonPersonMatcher;

typedef void (*LiaisonMatchProgressFunc) (double   fraction,
                                          gpointer user_data);

LiaisonPersonMatcher *liaison_person_matcher_new (void);
void                  liaison_person_matcher_free (LiaisonPersonMatcher *self);
gboolean              liaison_person_matcher_load (LiaisonPersonMatcher    *self,
                                                   LiaisonStore            *store,
                                                   LiaisonMatchProgressFunc progress,
                                                   gpointer                 progress_data,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);
void                  liaison_person_matcher_add (LiaisonPersonMatcher *self,
                                                  LiaisonParticipant   *person);
guint                 liaison_person_matcher_get_size (LiaisonPersonMatcher *self);
GPtrArray            *liaison_person_matcher_match (LiaisonPersonMatcher *self,
                                                    LiaisonParticipant   *candidate,
                                                    guint                 limit);

/* Every pair among the people loaded (and added) with a score of at least
 * min_score (0: LIAISON_MATCH_MIN_SCORE), each once, as LiaisonMatchPair
 * (positions in the matcher, a < b), ordered by a then b; NULL when
 * cancelled (G_IO_ERROR_CANCELLED). Uses two threads for many people;
 * progress is called from the calling thread. */
typedef struct
{
  guint               a, b;
  guint               score;
  LiaisonMatchReasons reasons;
} LiaisonMatchPair;

GArray *liaison_person_matcher_scan (LiaisonPersonMatcher    *self,
                                     guint                    min_score,
                                     LiaisonMatchProgressFunc progress,
                                     gpointer                 progress_data,
                                     GCancellable            *cancellable,
                                     GError                 **error);
/* The id and display name of the person at a position. */
const char *liaison_person_matcher_get_id (LiaisonPersonMatcher *self,
                                           guint                 pos);
const char *liaison_person_matcher_get_name (LiaisonPersonMatcher *self,
                                             guint                 pos);

/* Two people, compared as above. */
guint liaison_person_match_score (LiaisonParticipant  *a,
                                  LiaisonParticipant  *b,
                                  LiaisonMatchReasons *reasons);
/* The reasons, for people: "same e-mail, same country". */
char *liaison_match_reasons_describe (LiaisonMatchReasons reasons);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPersonMatcher, liaison_person_matcher_free)

G_END_DECLS
