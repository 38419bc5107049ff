/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "liaison-event.h"
#include "liaison-participant.h"

G_BEGIN_DECLS

/* Characters of one text that are indexed (every entrance allows fewer;
 * a server's longer text is kept whole but found by its start). */
#define LIAISON_SEARCH_MAX_TEXT 256
/* Characters of a query that are searched for. */
#define LIAISON_SEARCH_MAX_QUERY 64
/* A query in another script is also read in Latin letters up to this
 * many characters (a name, an organisation's start). */
#define LIAISON_SEARCH_MAX_READ_QUERY 16

char    *liaison_search_fold (const char *text);
char    *liaison_search_transliterate (const char *text,
                                       gboolean    is_person_name);
gboolean liaison_search_has_non_latin (const char *text);
char   **liaison_search_short_grams (const char *folded_text);
guint    liaison_search_query_length (const char *folded_query);

/* What a record is found by, folded, each text once:
 * names: whole names in every written form, for "is" and "starts with";
 * texts: organisations, cities: found from one character on, like names;
 * others: e-mail addresses, venues: found from three characters on. */
typedef struct
{
  GPtrArray *names;
  GPtrArray *texts;
  GPtrArray *others;
} LiaisonSearchTexts;

LiaisonSearchTexts *liaison_search_texts_for_participant (LiaisonParticipant *p);
LiaisonSearchTexts *liaison_search_texts_for_event (LiaisonEvent *event);
void                liaison_search_texts_free (LiaisonSearchTexts *texts);

/* One way to read a query. Typed text matches anywhere in a text;
 * a reading in Latin letters of another script (syllables) matches whole
 * words only, so 李 reads "li" and finds Li, not Liu. A cut query
 * (longer than LIAISON_SEARCH_MAX_QUERY) is not a whole name. */
typedef struct
{
  char    *text;
  gboolean syllables;
  gboolean whole;
} LiaisonSearchVariant;

GPtrArray *liaison_search_query_variants (const char *query);
gboolean   liaison_search_is_gram_char (gunichar c,
                                        gboolean latin);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonSearchTexts, liaison_search_texts_free)

G_END_DECLS
