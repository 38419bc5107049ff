/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "liaison-store-people-private.h"

/* The Green Envoys Programme: its tracks (the built-in ones and those a
 * person adds), each person's record derived from their registrations at
 * the tracks' events, the programme's figures, and the dated “where are
 * they now” notes. */

void
liaison_track_info_free (LiaisonTrackInfo *track)
{
  if (track == NULL)
    return;
  g_free (track->id);
  g_free (track->title_zh);
  g_free (track->title_en);
  g_free (track);
}

void
liaison_programme_note_free (LiaisonProgrammeNote *note)
{
  if (note == NULL)
    return;
  g_free (note->id);
  g_free (note->participant_id);
  g_free (note->date);
  g_free (note->text);
  g_free (note);
}

GPtrArray *
liaison_store_list_tracks (LiaisonStore *self, GError **error)
{
  g_autoptr (GPtrArray) tracks = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_track_info_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT id, title_zh, title_en FROM programmes"
                                           " WHERE parent_id IS NOT NULL ORDER BY position, id",
                                           error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LiaisonTrackInfo *t = g_new0 (LiaisonTrackInfo, 1);

      t->id = column_dup (stmt, 0);
      t->title_zh = column_dup (stmt, 1);
      t->title_en = column_dup (stmt, 2);
      t->built_in = liaison_programme_lookup_track (t->id) != NULL;
      g_ptr_array_add (tracks, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&tracks);
}

const LiaisonTrackInfo *
liaison_track_info_find (GPtrArray *tracks, const char *id)
{
  for (guint i = 0; tracks != NULL && id != NULL && i < tracks->len; i++)
    {
      const LiaisonTrackInfo *t = g_ptr_array_index (tracks, i);

      if (g_str_equal (t->id, id))
        return t;
    }
  return NULL;
}

/* “Biodiversity youth leadership” → biodiversity-youth-leadership: what
 * `events --track` takes. A title without Latin letters gets a number. */
static char *
slug_of (const char *title)
{
  g_autofree char *ascii = title != NULL ? g_str_to_ascii (title, "C") : g_strdup ("");
  g_autoptr (GString) slug = g_string_new (NULL);

  for (const char *c = ascii; *c != '\0' && slug->len < 48; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (slug, g_ascii_tolower (*c));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  return g_string_free (g_steal_pointer (&slug), FALSE);
}

static gboolean
programme_id_taken (LiaisonStore *self, const char *id)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT 1 FROM programmes WHERE id = ?", NULL);
  gboolean      taken;

  if (stmt == NULL)
    return TRUE;
  bind_text (stmt, 1, id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return taken;
}

/* A track the person adds to the Green Envoys Programme: after the built-in
 * ones, with a translation state for each title like theirs. */
char *
liaison_store_add_track (LiaisonStore *self,
                         const char   *title_zh,
                         const char   *title_en,
                         LiaisonOrigin origin,
                         GError      **error)
{
  g_autofree char *zh = title_zh != NULL ? g_strstrip (g_strdup (title_zh)) : NULL;
  g_autofree char *en = title_en != NULL ? g_strstrip (g_strdup (title_en)) : NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autoptr (LiaisonBilingual) title = NULL;
  g_autoptr (GPtrArray) tracks = NULL;
  guint position;

  if ((zh == NULL || *zh == '\0') && (en == NULL || *en == '\0'))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("A track needs a title in Chinese or English"));
      return NULL;
    }
  if ((zh != NULL && !liaison_text_check (zh, LIAISON_TEXT_TITLE, error)) ||
      (en != NULL && !liaison_text_check (en, LIAISON_TEXT_TITLE, error)))
    return NULL;

  if (!liaison_store_begin (self, error))
    return NULL;
  tracks = liaison_store_list_tracks (self, error);
  if (tracks == NULL)
    goto fail;
  for (guint i = 0; i < tracks->len; i++)
    {
      LiaisonTrackInfo *t = g_ptr_array_index (tracks, i);

      if ((zh != NULL && *zh != '\0' && g_strcmp0 (t->title_zh, zh) == 0) ||
          (en != NULL && *en != '\0' && t->title_en != NULL && g_ascii_strcasecmp (t->title_en, en) == 0))
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       _ ("The programme has a track of that name already (%s)"), t->id);
          goto fail;
        }
    }

  base = slug_of (en != NULL && *en != '\0' ? en : zh);
  if (*base == '\0')
    {
      g_free (base);
      base = g_strdup ("track");
    }
  id = g_strdup (base);
  for (guint n = 2; programme_id_taken (self, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  position = tracks->len + 1;
  title = liaison_bilingual_new_with_text (zh != NULL && *zh != '\0' ? LIAISON_LANGUAGE_ZH : LIAISON_LANGUAGE_EN,
                                           zh != NULL && *zh != '\0' ? zh : NULL, en != NULL && *en != '\0' ? en : NULL);
  if (!liaison_store_add_programme (self, id, LIAISON_PROGRAMME_GREEN_ENVOYS, title, position, error) ||
      !liaison_store_journal (self, origin, "create", "track", id, NULL, NULL, NULL, error))
    goto fail;
  if (!liaison_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&id);

fail:
  liaison_store_rollback (self);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Records                                                                   */

#define STEP_COLUMNS "e.id, e.year, e.start_local, e.track, r.role, r.status, e.title_zh, e.title_en"
#define STEP_FROM " FROM registrations r JOIN events e ON e.id = r.event_id"

static LiaisonProgrammeStep *
step_from_row (sqlite3_stmt *stmt, int first)
{
  LiaisonProgrammeStep *step = liaison_programme_step_new (
      (const char *) sqlite3_column_text (stmt, first), sqlite3_column_int (stmt, first + 1),
      (const char *) sqlite3_column_text (stmt, first + 2), (const char *) sqlite3_column_text (stmt, first + 3),
      nick_value (LIAISON_TYPE_ROLE, (const char *) sqlite3_column_text (stmt, first + 4), LIAISON_ROLE_DELEGATE),
      nick_value (LIAISON_TYPE_REGISTRATION_STATUS, (const char *) sqlite3_column_text (stmt, first + 5),
                  LIAISON_REGISTRATION_INVITED));

  step->title_zh = column_dup (stmt, first + 6);
  step->title_en = column_dup (stmt, first + 7);
  return step;
}

/* Every registration of the person at an event of a track, whatever its
 * status, oldest first: the record derives from the attended ones. */
GPtrArray *
liaison_store_list_programme_steps (LiaisonStore *self, const char *participant_id, GError **error)
{
  g_autoptr (GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_programme_step_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT " STEP_COLUMNS STEP_FROM " WHERE r.participant_id = ? AND e.track IS NOT NULL"
                                           " AND e.track != ''",
                                           error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (steps, step_from_row (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  liaison_programme_steps_sort (steps);
  return g_steal_pointer (&steps);
}

typedef struct
{
  char         *participant_id;
  char         *country;
  LiaisonSector sector;
  LiaisonGender gender;
  gboolean      consent;
  GPtrArray    *steps;
} Person;

static void
person_clear (Person *p)
{
  g_clear_pointer (&p->participant_id, g_free);
  g_clear_pointer (&p->country, g_free);
  g_clear_pointer (&p->steps, g_ptr_array_unref);
}

static void
person_add_to (Person *p, LiaisonProgrammeSummary *summary)
{
  g_autoptr (LiaisonProgrammeRecord) record = NULL;

  if (p->participant_id == NULL)
    return;
  record = liaison_programme_record_derive (p->steps);
  liaison_programme_summary_add (summary, p->participant_id, NULL, p->country, p->sector, p->gender, p->consent,
                                 record);
}

/* The programme's figures from one pass over the attended registrations at
 * track events; the names of the people who came back are read after. */
LiaisonProgrammeSummary *
liaison_store_programme_summary (LiaisonStore *self, GError **error)
{
  g_autoptr (LiaisonProgrammeSummary) summary = liaison_programme_summary_new ();
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT r.participant_id, p.country, p.sector, p.gender, p.consent,"
                                           " pp.consent_scope, " STEP_COLUMNS STEP_FROM
                                           " JOIN participants p ON p.id = r.participant_id"
                                           " LEFT JOIN participant_privacy pp ON pp.participant_id = r.participant_id"
                                           " WHERE r.status = 'attended' AND e.track IS NOT NULL AND e.track != ''"
                                           " ORDER BY r.participant_id",
                                           error);
  Person        person = { 0 };
  int           rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (id, person.participant_id) != 0)
        {
          person_add_to (&person, summary);
          person_clear (&person);
          person.participant_id = g_strdup (id);
          person.country = column_dup (stmt, 1);
          person.sector = nick_value (LIAISON_TYPE_SECTOR, (const char *) sqlite3_column_text (stmt, 2), LIAISON_SECTOR_OTHER);
          person.gender = nick_value (LIAISON_TYPE_GENDER, (const char *) sqlite3_column_text (stmt, 3), LIAISON_GENDER_UNSPECIFIED);
          person.consent = (liaison_consent_effective (sqlite3_column_int (stmt, 4) != 0,
                                                       (const char *) sqlite3_column_text (stmt, 5)) &
                            LIAISON_CONSENT_PROGRAMME) != 0;
          person.steps = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_programme_step_free);
        }
      g_ptr_array_add (person.steps, step_from_row (stmt, 6));
    }
  sqlite3_reset (stmt);
  person_add_to (&person, summary);
  person_clear (&person);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }

  for (guint i = 0; i < summary->returning->len; i++)
    {
      LiaisonAlumnus *a = g_ptr_array_index (summary->returning, i);
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (self, a->participant_id, NULL);

      a->name = p != NULL ? liaison_participant_dup_display_name (p) : g_strdup (a->participant_id);
    }
  liaison_programme_summary_finish (summary);
  return g_steal_pointer (&summary);
}

/* ------------------------------------------------------------------------ */
/* Where are they now                                                        */

static gboolean
participant_exists (LiaisonStore *self, const char *participant_id, GError **error)
{
  g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (self, participant_id, error);

  return p != NULL;
}

/* What the journal keeps of a note: whose it is, so anonymising the person
 * can find it. */
static char *
note_value (const char *participant_id, const char *date, const char *text)
{
  return liaison_store_person_json ("participant", participant_id, "date", date, "text", text, NULL);
}

char *
liaison_store_add_programme_note (LiaisonStore *self,
                                  const char   *participant_id,
                                  const char   *date,
                                  const char   *text,
                                  LiaisonOrigin origin,
                                  GError      **error)
{
  g_autofree char *id = liaison_uuid_new ();
  g_autofree char *now = liaison_store_now ();
  g_autofree char *trimmed = text != NULL ? g_strstrip (g_strdup (text)) : g_strdup ("");
  g_autofree char *value = NULL;
  sqlite3_stmt    *stmt;

  if (!liaison_store_check_date (date, error))
    return NULL;
  if (*trimmed == '\0')
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("Write where they are now: the note is empty"));
      return NULL;
    }
  if (!liaison_text_check (trimmed, LIAISON_TEXT_NOTE, error))
    return NULL;

  if (!liaison_store_begin (self, error))
    return NULL;
  if (!participant_exists (self, participant_id, error))
    goto fail;
  stmt = liaison_store_stmt (self,
                             "INSERT INTO programme_notes (id, participant_id, date, text, created) VALUES (?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, participant_id);
  bind_text (stmt, 3, date);
  bind_text (stmt, 4, trimmed);
  bind_text (stmt, 5, now);
  value = note_value (participant_id, date, trimmed);
  if (!liaison_store_step_done (self, stmt, error) ||
      !liaison_store_journal (self, origin, "create", "programme-note", id, NULL, NULL, value, error))
    goto fail;
  if (!liaison_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&id);

fail:
  liaison_store_rollback (self);
  return NULL;
}

gboolean
liaison_store_delete_programme_note (LiaisonStore *self, const char *id, LiaisonOrigin origin, GError **error)
{
  sqlite3_stmt    *stmt;
  g_autofree char *participant_id = NULL;
  g_autofree char *value = NULL;

  if (!liaison_store_begin (self, error))
    return FALSE;
  stmt = liaison_store_stmt (self, "SELECT participant_id, date, text FROM programme_notes WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      participant_id = column_dup (stmt, 0);
      value = note_value (participant_id, (const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (participant_id == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND, _ ("There is no note with the identifier %s"), id);
      goto fail;
    }
  stmt = liaison_store_stmt (self, "DELETE FROM programme_notes WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  if (!liaison_store_step_done (self, stmt, error) ||
      !liaison_store_journal (self, origin, "delete", "programme-note", id, NULL, value, NULL, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

/* Newest first. */
GPtrArray *
liaison_store_list_programme_notes (LiaisonStore *self, const char *participant_id, GError **error)
{
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_programme_note_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT id, participant_id, date, text FROM programme_notes"
                                           " WHERE participant_id = ? ORDER BY date DESC, created DESC",
                                           error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LiaisonProgrammeNote *n = g_new0 (LiaisonProgrammeNote, 1);

      n->id = column_dup (stmt, 0);
      n->participant_id = column_dup (stmt, 1);
      n->date = column_dup (stmt, 2);
      n->text = column_dup (stmt, 3);
      g_ptr_array_add (notes, n);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&notes);
}
