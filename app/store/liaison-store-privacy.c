/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "liaison-store-people-private.h"
#include "liaison-store-sync.h"

/* Privacy: what a person consented to, their whole record on request (the
 * JSON that liaison-person-data renders as a PDF too), and anonymisation,
 * which keeps what the statistics count (country, gender, sector, the
 * years and events they took part in) and removes who they are, from the
 * journal as well. */

/* The names an anonymised person keeps: the same in every language, in
 * both scripts, so every list and export reads the same. */
#define ANONYMISED_NATIVE "已匿名"
#define ANONYMISED_LATIN "Anonymised"

char *
liaison_store_person_json (const char *first_name, ...)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  va_list     args;
  const char *name = first_name;

  json_builder_begin_object (b);
  va_start (args, first_name);
  while (name != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        {
          json_builder_set_member_name (b, name);
          json_builder_add_string_value (b, value);
        }
      name = va_arg (args, const char *);
    }
  va_end (args);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

gboolean
liaison_store_check_date (const char *date, GError **error)
{
  int  y, m, d;
  char rest;

  if (date != NULL && sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3 && g_date_valid_dmy (d, m, y))
    return TRUE;
  g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
               _ ("“%s” is not a date: write it as YYYY-MM-DD"), date != NULL ? date : "");
  return FALSE;
}

static char *
read_privacy (LiaisonStore *self, const char *participant_id, const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM participant_privacy WHERE participant_id = ?", column);
  sqlite3_stmt    *stmt = liaison_store_stmt (self, sql, NULL);
  char            *value = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, participant_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

guint
liaison_store_get_consent_scopes (LiaisonStore *self, const char *participant_id)
{
  g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (self, participant_id, NULL);
  g_autofree char *scopes = NULL;

  if (p == NULL)
    return 0;
  scopes = read_privacy (self, participant_id, "consent_scope");
  return liaison_consent_effective (liaison_participant_get_consent (p), scopes);
}

/* For exports that need the person's consent to a purpose. */
gboolean
liaison_store_participant_has_consent (LiaisonStore *self, const char *participant_id, LiaisonConsentScope scope)
{
  return (liaison_store_get_consent_scopes (self, participant_id) & scope) != 0;
}

char *
liaison_store_get_anonymised (LiaisonStore *self, const char *participant_id)
{
  return read_privacy (self, participant_id, "anonymised");
}

static gboolean
refuse_anonymised (LiaisonStore *self, const char *participant_id, GError **error)
{
  g_autofree char *anonymised = liaison_store_get_anonymised (self, participant_id);

  if (anonymised == NULL)
    return FALSE;
  g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
               _ ("This person was anonymised on %s: nobody is left to ask or to export"), anonymised);
  return TRUE;
}

/* Consent with its date and what it covers; no consent covers nothing. A
 * consent given for no purpose is refused: say which ones. */
gboolean
liaison_store_set_consent (LiaisonStore *self,
                           const char   *participant_id,
                           gboolean      consent,
                           const char   *date,
                           guint         scopes,
                           LiaisonOrigin origin,
                           GError      **error)
{
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autofree char *old_scope = NULL;
  g_autofree char *new_scope = NULL;
  sqlite3_stmt    *stmt;

  if (date != NULL && *date == '\0')
    date = NULL;
  if (consent && scopes == 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("Choose at least one purpose the person consented to"));
      return FALSE;
    }
  if (date != NULL && !liaison_store_check_date (date, error))
    return FALSE;
  if (!consent)
    {
      scopes = 0;
      date = NULL;
    }

  if (!liaison_store_begin (self, error))
    return FALSE;
  p = liaison_store_get_participant (self, participant_id, error);
  if (p == NULL || refuse_anonymised (self, participant_id, error))
    goto fail;
  if (liaison_participant_get_consent (p) != consent ||
      g_strcmp0 (liaison_participant_get_consent_date (p), date) != 0)
    {
      liaison_participant_set_consent (p, consent, date);
      if (!liaison_store_save_participant (self, p, origin, error))
        goto fail;
    }

  old_scope = read_privacy (self, participant_id, "consent_scope");
  new_scope = consent ? liaison_consent_scopes_to_string (scopes) : NULL;
  if (g_strcmp0 (old_scope, new_scope) != 0)
    {
      stmt = liaison_store_stmt (self,
                                 "INSERT INTO participant_privacy (participant_id, consent_scope) VALUES (?, ?)"
                                 " ON CONFLICT (participant_id) DO UPDATE SET consent_scope = excluded.consent_scope",
                                 error);
      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, participant_id);
      bind_text (stmt, 2, new_scope);
      if (!liaison_store_step_done (self, stmt, error) ||
          !liaison_store_journal (self, origin, "update", "consent", participant_id, "scope", old_scope, new_scope,
                                  error))
        goto fail;
    }
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Anonymisation                                                             */

static gboolean
exec_for (LiaisonStore *self, const char *sql, const char *participant_id, gint64 up_to, GError **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, participant_id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, up_to);
  return liaison_store_step_done (self, stmt, error);
}

static GPtrArray *
ids_for (LiaisonStore *self, const char *sql, const char *participant_id, GError **error)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self, sql, error);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, participant_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

/* Every trace of who they were in the journal, up to and including the
 * changes that anonymised them: the values of their record's changes and
 * copies, of their notes, letters, officer roles and consent, and the notes
 * of their registrations. What changed and when stays. */
#define MERGES_OF "(m.survivor_id = ?1 OR instr (char (10) || m.merged_ids || char (10), char (10) || ?1 || char (10)) > 0)"
static const char *const scrub_sql[] = {
  "UPDATE journal SET old_value = NULL, new_value = NULL WHERE entity = 'participant' AND entity_id = ?1 AND seq <= ?2",
  "UPDATE journal SET old_value = NULL, new_value = NULL WHERE entity = 'consent' AND entity_id = ?1 AND seq <= ?2",
  "UPDATE journal SET old_value = NULL, new_value = NULL WHERE seq <= ?2"
  " AND (entity = 'programme-note' OR entity = 'attachment' OR entity = 'officer')"
  " AND ((json_valid (old_value) AND json_extract (old_value, '$.participant') = ?1)"
  "  OR (json_valid (new_value) AND json_extract (new_value, '$.participant') = ?1))",
  "UPDATE journal SET old_value = NULL, new_value = NULL WHERE seq <= ?2 AND entity = 'registration'"
  " AND field = 'notes' AND entity_id IN (SELECT id FROM registrations WHERE participant_id = ?1)",
  "UPDATE journal SET old_value = json_remove (old_value, '$.notes') WHERE seq <= ?2 AND entity = 'registration'"
  " AND action = 'delete' AND json_valid (old_value) AND json_extract (old_value, '$.participant_id') = ?1",
  /* A merge into them (or of them, since undone) keeps the merged-away
   * rows as they were, and the journal those rows' values: both go, with
   * the merge, which could only bring back who they were. */
  "UPDATE journal SET old_value = NULL, new_value = NULL WHERE seq <= ?2 AND entity IN ('participant', 'consent')"
  " AND entity_id IN (SELECT j.value FROM merges AS m, json_each ('[\"' || replace (m.merged_ids, char (10), '\",\"') || '\"]') AS j"
  "  WHERE " MERGES_OF ")",
  "UPDATE journal SET old_value = NULL, new_value = NULL WHERE seq <= ?2 AND entity = 'merge'"
  " AND entity_id IN (SELECT id FROM merges AS m WHERE " MERGES_OF ")",
  "DELETE FROM merges AS m WHERE " MERGES_OF,
  /* What sync kept of them beyond the server's copy of the last sync,
   * which the next sync replaces with the anonymised record. */
  "DELETE FROM sync_conflicts WHERE entity = 'participant' AND entity_id = ?1",
  "DELETE FROM sync_sent WHERE entity = 'participant' AND entity_id = ?1",
};

/* Stored calendar texts: an imported event's own text, the server's copy
 * of the last sync (the merge base and what the next write patches) and
 * the writes sent without an answer can name the person on an ATTENDEE
 * or ORGANIZER line. Those lines go, whole with their folds; the next
 * push writes the person's attendee line anew from the registration
 * (CN=Anonymised, urn:uuid:), and the other attendees' lines stay as the
 * server had them. The store sits below app/io, so the content lines are
 * read here: a logical line is a physical line and the lines after it
 * that start with a space or a tab (RFC 5545 3.1). */

typedef struct
{
  const char        *participant_id;
  const char *const *emails;
  GPtrArray         *registrations;
} Identity;

/* The unfolded line's name (group removed), parameters (name, value…
 * pairs, quotes removed) and value; FALSE when it is no content line. */
static gboolean
split_line (const char *unfolded, char **name, GPtrArray *params, char **value)
{
  const char *p = unfolded;
  const char *start = p;

  while (*p != '\0' && *p != ';' && *p != ':')
    p++;
  if (*p == '\0' || p == start)
    return FALSE;
  {
    g_autofree char *full = g_strndup (start, p - start);
    const char      *dot = strrchr (full, '.');

    *name = g_ascii_strup (dot != NULL ? dot + 1 : full, -1);
  }
  while (*p == ';')
    {
      const char *pname = ++p;
      GString    *pvalue = g_string_new (NULL);

      while (*p != '\0' && *p != '=' && *p != ';' && *p != ':')
        p++;
      g_ptr_array_add (params, g_ascii_strup (pname, p - pname));
      if (*p == '=')
        {
          gboolean quoted = FALSE;

          for (p++; *p != '\0' && (quoted || (*p != ';' && *p != ':')); p++)
            if (*p == '"')
              quoted = !quoted;
            else
              g_string_append_c (pvalue, *p);
        }
      g_ptr_array_add (params, g_string_free (pvalue, FALSE));
    }
  if (*p != ':')
    return FALSE;
  *value = g_strdup (p + 1);
  return TRUE;
}

static gboolean
is_their_address (const char *address, const Identity *who)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (address));
  const char      *bare = trimmed;

  if (g_ascii_strncasecmp (bare, "mailto:", 7) == 0)
    bare += 7;
  else if (g_ascii_strncasecmp (bare, "urn:uuid:", 9) == 0)
    return g_ascii_strcasecmp (bare + 9, who->participant_id) == 0;
  for (guint i = 0; who->emails != NULL && who->emails[i] != NULL; i++)
    {
      g_autofree char *a = g_utf8_casefold (bare, -1);
      g_autofree char *b = g_utf8_casefold (who->emails[i], -1);

      if (*b != '\0' && g_str_equal (a, b))
        return TRUE;
    }
  return FALSE;
}

/* An ATTENDEE or ORGANIZER line that stands for them: by address, by
 * Liaison's participant parameter, or by one of their registrations. */
static gboolean
names_them (const char *unfolded, const Identity *who)
{
  g_autoptr (GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;

  if (!split_line (unfolded, &name, params, &value) ||
      (!g_str_equal (name, "ATTENDEE") && !g_str_equal (name, "ORGANIZER")))
    return FALSE;
  if (is_their_address (value, who))
    return TRUE;
  for (guint i = 0; i + 1 < params->len; i += 2)
    {
      const char *pname = g_ptr_array_index (params, i);
      const char *pvalue = g_ptr_array_index (params, i + 1);

      if (g_str_equal (pname, "X-LIAISON-PARTICIPANT") && g_ascii_strcasecmp (pvalue, who->participant_id) == 0)
        return TRUE;
      if (g_str_equal (pname, "X-LIAISON-REGISTRATION"))
        for (guint k = 0; k < who->registrations->len; k++)
          if (g_ascii_strcasecmp (pvalue, g_ptr_array_index (who->registrations, k)) == 0)
            return TRUE;
    }
  return FALSE;
}

/* Calls keep on each logical line (unfolded, then raw with its folds and
 * line break) and returns the text of the lines kept, or NULL when it
 * kept them all. */
static char *
filter_lines (const char *text, gboolean (*keep) (const char *unfolded, gpointer data), gpointer data)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean    dropped = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      g_autoptr (GString) unfolded = g_string_new (NULL);

      do
        {
          const char *nl = strchr (p, '\n');
          const char *end = nl != NULL ? nl + 1 : p + strlen (p);
          gsize       content = (nl != NULL ? nl : end) - p;

          if (content > 0 && p[content - 1] == '\r')
            content--;
          if (p == start)
            g_string_append_len (unfolded, p, content);
          else if (content > 0)
            g_string_append_len (unfolded, p + 1, content - 1);
          p = end;
        }
      while (*p == ' ' || *p == '\t');
      if (keep (unfolded->str, data))
        g_string_append_len (out, start, p - start);
      else
        dropped = TRUE;
    }
  return dropped ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static gboolean
keep_calendar_line (const char *unfolded, gpointer data)
{
  return !names_them (unfolded, data);
}

/* Of their own card, only what makes it a card with its UID: the next
 * push patches the anonymised record into it. */
static gboolean
keep_card_line (const char *unfolded, gpointer data)
{
  g_autoptr (GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;

  (void) data;
  if (!split_line (unfolded, &name, params, &value))
    return FALSE;
  return g_str_equal (name, "BEGIN") || g_str_equal (name, "END") || g_str_equal (name, "VERSION") ||
         g_str_equal (name, "UID");
}

typedef struct
{
  char *key;
  char *text;
} StoredText;

static void
stored_text_free (StoredText *t)
{
  g_free (t->key);
  g_free (t->text);
  g_free (t);
}

static GPtrArray *
stored_texts (LiaisonStore *self, const char *sql, const char *participant_id, GError **error)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_text_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self, sql, error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    bind_text (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StoredText *t = g_new0 (StoredText, 1);

      t->key = column_dup (stmt, 0);
      t->text = column_dup (stmt, 1);
      g_ptr_array_add (texts, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&texts);
}

/* Rewrites each text of the query that names them with update (?1 the
 * new text, ?2 the key); an event's server copy changed is queued, so
 * the next push takes their name off the server too. */
static gboolean
scrub_texts (LiaisonStore *self,
             const char   *select,
             const char   *update,
             const char   *queue_entity,
             Identity     *who,
             gboolean (*keep) (const char *unfolded, gpointer data),
             GError **error)
{
  g_autoptr (GPtrArray) texts = stored_texts (self, select, who->participant_id, error);

  if (texts == NULL)
    return FALSE;
  for (guint i = 0; i < texts->len; i++)
    {
      StoredText      *t = g_ptr_array_index (texts, i);
      g_autofree char *kept = t->text != NULL ? filter_lines (t->text, keep, who) : NULL;
      sqlite3_stmt    *stmt;

      if (kept == NULL)
        continue;
      stmt = liaison_store_stmt (self, update, error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, kept);
      bind_text (stmt, 2, t->key);
      if (!liaison_store_step_done (self, stmt, error))
        return FALSE;
      if (queue_entity != NULL && !liaison_store_sync_queue (self, queue_entity, t->key, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
scrub_stored_texts (LiaisonStore *self, LiaisonParticipant *p, GError **error)
{
  Identity who = { liaison_participant_get_id (p), liaison_participant_get_emails (p), NULL };
  g_autoptr (GPtrArray) registrations = ids_for (self, "SELECT id FROM registrations WHERE participant_id = ?",
                                                 who.participant_id, error);

  if (registrations == NULL)
    return FALSE;
  who.registrations = registrations;
  return scrub_texts (self, "SELECT event_id, text FROM imported_texts", "UPDATE imported_texts SET text = ?1 WHERE event_id = ?2",
                      NULL, &who, keep_calendar_line, error) &&
         scrub_texts (self, "SELECT entity_id, base FROM sync_resources WHERE entity = 'event'",
                      "UPDATE sync_resources SET base = ?1 WHERE entity = 'event' AND entity_id = ?2", "event", &who,
                      keep_calendar_line, error) &&
         scrub_texts (self, "SELECT rowid, text FROM sync_sent WHERE entity = 'event'",
                      "UPDATE sync_sent SET text = ?1 WHERE rowid = CAST (?2 AS INTEGER)", NULL, &who, keep_calendar_line, error) &&
         scrub_texts (self, "SELECT entity_id, base FROM sync_resources WHERE entity = 'participant' AND entity_id = ?1",
                      "UPDATE sync_resources SET base = ?1 WHERE entity = 'participant' AND entity_id = ?2",
                      "participant", &who, keep_card_line, error);
}

gboolean
liaison_store_anonymise_participant (LiaisonStore *self, const char *participant_id, LiaisonOrigin origin, GError **error)
{
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (LiaisonParticipant) anonymous = NULL;
  g_autoptr (GPtrArray) attachments = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  sqlite3_stmt    *stmt;

  if (!liaison_store_begin (self, error))
    return FALSE;
  p = liaison_store_get_participant (self, participant_id, error);
  if (p == NULL || refuse_anonymised (self, participant_id, error))
    goto fail;
  /* Before the record loses the e-mails that find their lines. */
  if (!scrub_stored_texts (self, p, error))
    goto fail;

  anonymous = liaison_participant_new (participant_id);
  liaison_participant_set_native_name (anonymous, NULL, ANONYMISED_NATIVE);
  liaison_participant_set_latin_name (anonymous, NULL, ANONYMISED_LATIN);
  liaison_participant_set_name_order (anonymous, LIAISON_NAME_ORDER_MONONYM);
  liaison_participant_set_gender (anonymous, liaison_participant_get_gender (p));
  liaison_participant_set_sector (anonymous, liaison_participant_get_sector (p));
  liaison_participant_set_country (anonymous, liaison_participant_get_country (p));
  if (!liaison_store_save_participant (self, anonymous, origin, error))
    goto fail;

  /* Their letters and “where are they now” notes name them. */
  attachments = ids_for (self,
                         "SELECT a.id FROM attachments a JOIN registrations r ON r.id = a.registration_id"
                         " WHERE r.participant_id = ?",
                         participant_id, error);
  notes = ids_for (self, "SELECT id FROM programme_notes WHERE participant_id = ?", participant_id, error);
  if (attachments == NULL || notes == NULL)
    goto fail;
  for (guint i = 0; i < attachments->len; i++)
    if (!liaison_store_remove_attachment (self, g_ptr_array_index (attachments, i), origin, error))
      goto fail;
  for (guint i = 0; i < notes->len; i++)
    if (!liaison_store_delete_programme_note (self, g_ptr_array_index (notes, i), origin, error))
      goto fail;
  if (!exec_for (self, "UPDATE registrations SET notes = NULL WHERE participant_id = ?", participant_id, 0, error))
    goto fail;

  for (guint i = 0; i < G_N_ELEMENTS (scrub_sql); i++)
    if (!exec_for (self, scrub_sql[i], participant_id, liaison_store_get_last_seq (self), error))
      goto fail;

  stmt = liaison_store_stmt (self,
                             "INSERT INTO participant_privacy (participant_id, consent_scope, anonymised) VALUES (?, NULL, ?)"
                             " ON CONFLICT (participant_id) DO UPDATE SET consent_scope = NULL, anonymised = excluded.anonymised",
                             error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, participant_id);
  bind_text (stmt, 2, today);
  /* Recorded last, and never undone: undo stops here (an unknown field). */
  if (!liaison_store_step_done (self, stmt, error) ||
      !liaison_store_journal (self, origin, "update", "participant", participant_id, "anonymised", NULL, today, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* A person's data                                                           */

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_strv (JsonBuilder *b, const char *name, const char *const *values)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

static void
add_person (JsonBuilder *b, LiaisonParticipant *p)
{
  LiaisonBilingual *organisation = liaison_participant_get_organisation (p);
  LiaisonBilingual *position = liaison_participant_get_position (p);
  g_autofree char  *display = liaison_participant_dup_display_name (p);

  json_builder_set_member_name (b, "participant");
  json_builder_begin_object (b);
  add_string (b, "id", liaison_participant_get_id (p));
  add_string (b, "name", display);
  add_string (b, "family_name", liaison_participant_get_family_native (p));
  add_string (b, "given_name", liaison_participant_get_given_native (p));
  add_string (b, "family_name_latin", liaison_participant_get_family_latin (p));
  add_string (b, "given_name_latin", liaison_participant_get_given_latin (p));
  add_string (b, "name_order", liaison_enum_to_nick (LIAISON_TYPE_NAME_ORDER, liaison_participant_get_name_order (p)));
  add_string (b, "honorific", liaison_participant_get_honorific (p));
  add_string (b, "gender", liaison_enum_to_nick (LIAISON_TYPE_GENDER, liaison_participant_get_gender (p)));
  add_string (b, "organisation_zh", liaison_bilingual_get_text (organisation, LIAISON_LANGUAGE_ZH));
  add_string (b, "organisation_en", liaison_bilingual_get_text (organisation, LIAISON_LANGUAGE_EN));
  add_string (b, "position_zh", liaison_bilingual_get_text (position, LIAISON_LANGUAGE_ZH));
  add_string (b, "position_en", liaison_bilingual_get_text (position, LIAISON_LANGUAGE_EN));
  add_string (b, "sector", liaison_enum_to_nick (LIAISON_TYPE_SECTOR, liaison_participant_get_sector (p)));
  add_string (b, "country", liaison_participant_get_country (p));
  add_strv (b, "emails", liaison_participant_get_emails (p));
  add_strv (b, "phones", liaison_participant_get_phones (p));
  add_strv (b, "languages", liaison_participant_get_languages (p));
  json_builder_end_object (b);
}

static void
add_consent (LiaisonStore *self, JsonBuilder *b, LiaisonParticipant *p)
{
  const char      *id = liaison_participant_get_id (p);
  guint            scopes = liaison_store_get_consent_scopes (self, id);
  g_autofree char *anonymised = liaison_store_get_anonymised (self, id);

  json_builder_set_member_name (b, "consent");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "given");
  json_builder_add_boolean_value (b, liaison_participant_get_consent (p));
  add_string (b, "date", liaison_participant_get_consent_date (p));
  json_builder_set_member_name (b, "scope");
  json_builder_begin_array (b);
  for (guint k = 0; k < LIAISON_N_CONSENT_SCOPES; k++)
    if (scopes & liaison_consent_scope_nth (k))
      json_builder_add_string_value (b, liaison_consent_scope_nick (liaison_consent_scope_nth (k)));
  json_builder_end_array (b);
  json_builder_end_object (b);
  add_string (b, "anonymised", anonymised);
}

static gboolean
add_registrations (LiaisonStore *self, JsonBuilder *b, const char *participant_id, GError **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT id FROM registrations WHERE participant_id = ? ORDER BY rowid", error);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, participant_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, column_dup (stmt, 0));
  sqlite3_reset (stmt);

  json_builder_set_member_name (b, "registrations");
  json_builder_begin_array (b);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (self, g_ptr_array_index (ids, i), error);
      g_autoptr (LiaisonEvent) e = NULL;
      g_autoptr (GPtrArray) attachments = NULL;

      if (r == NULL)
        return FALSE;
      e = liaison_store_get_event (self, liaison_registration_get_event_id (r), NULL);
      attachments = liaison_store_list_attachments (self, liaison_registration_get_id (r), error);
      if (attachments == NULL)
        return FALSE;

      json_builder_begin_object (b);
      add_string (b, "id", liaison_registration_get_id (r));
      json_builder_set_member_name (b, "event");
      json_builder_begin_object (b);
      add_string (b, "id", liaison_registration_get_event_id (r));
      if (e != NULL)
        {
          add_string (b, "title_zh", liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH));
          add_string (b, "title_en", liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN));
          add_string (b, "start", liaison_event_get_start (e));
          add_string (b, "city_zh", liaison_bilingual_get_text (liaison_event_get_city (e), LIAISON_LANGUAGE_ZH));
          add_string (b, "city_en", liaison_bilingual_get_text (liaison_event_get_city (e), LIAISON_LANGUAGE_EN));
          add_string (b, "country", liaison_event_get_country (e));
          add_string (b, "track", liaison_event_get_track (e));
        }
      json_builder_end_object (b);
      add_string (b, "role", liaison_enum_to_nick (LIAISON_TYPE_ROLE, liaison_registration_get_role (r)));
      add_string (b, "status",
                  liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, liaison_registration_get_status (r)));
      add_string (b, "delegation", liaison_registration_get_delegation (r));
      json_builder_set_member_name (b, "status_times");
      json_builder_begin_object (b);
      for (LiaisonRegistrationStatus s = 0; s < LIAISON_N_REGISTRATION_STATUSES; s++)
        add_string (b, liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, s),
                    liaison_registration_get_status_time (r, s));
      json_builder_end_object (b);
      add_string (b, "notes", liaison_registration_get_notes (r));
      json_builder_set_member_name (b, "attachments");
      json_builder_begin_array (b);
      for (guint k = 0; k < attachments->len; k++)
        {
          LiaisonAttachment *a = g_ptr_array_index (attachments, k);

          json_builder_begin_object (b);
          add_string (b, "file_name", a->file_name);
          add_string (b, "media_type", a->media_type);
          json_builder_set_member_name (b, "size");
          json_builder_add_int_value (b, a->size);
          add_string (b, "sha256", a->sha256);
          add_string (b, "added", a->added);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

static gboolean
add_programme (LiaisonStore *self, JsonBuilder *b, const char *participant_id, GError **error)
{
  g_autoptr (GPtrArray) steps = liaison_store_list_programme_steps (self, participant_id, error);
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (LiaisonProgrammeRecord) record = NULL;

  if (steps == NULL)
    return FALSE;
  notes = liaison_store_list_programme_notes (self, participant_id, error);
  if (notes == NULL)
    return FALSE;
  record = liaison_programme_record_derive (steps);

  json_builder_set_member_name (b, "programme");
  json_builder_begin_object (b);
  if (record->cohort > 0)
    {
      json_builder_set_member_name (b, "cohort");
      json_builder_add_int_value (b, record->cohort);
      add_string (b, "cohort_track", record->cohort_track);
    }
  json_builder_set_member_name (b, "events_attended");
  json_builder_add_int_value (b, record->attended);
  json_builder_set_member_name (b, "years");
  json_builder_add_int_value (b, record->years);
  add_string (b, "highest_stage", liaison_programme_stage_nick (record->highest));
  json_builder_set_member_name (b, "progression");
  json_builder_begin_array (b);
  for (guint i = 0; i < record->milestones->len; i++)
    {
      const LiaisonProgrammeMilestone *m = &g_array_index (record->milestones, LiaisonProgrammeMilestone, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "year");
      json_builder_add_int_value (b, m->year);
      add_string (b, "stage", liaison_programme_stage_nick (m->stage));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; i < notes->len; i++)
    {
      LiaisonProgrammeNote *n = g_ptr_array_index (notes, i);

      json_builder_begin_object (b);
      add_string (b, "date", n->date);
      add_string (b, "text", n->text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return TRUE;
}

static gboolean
add_officer_roles (LiaisonStore *self, JsonBuilder *b, const char *participant_id, GError **error)
{
  g_autoptr (GPtrArray) roles = liaison_store_list_officers (self, participant_id, error);

  if (roles == NULL)
    return FALSE;
  json_builder_set_member_name (b, "liaison_officer");
  json_builder_begin_array (b);
  for (guint i = 0; i < roles->len; i++)
    {
      LiaisonOfficer *o = g_ptr_array_index (roles, i);

      json_builder_begin_object (b);
      add_string (b, "country", o->country);
      add_string (b, "nominated_by", liaison_officer_body_nick (o->body));
      add_string (b, "role", liaison_officer_role_nick (o->role));
      add_string (b, "term_start", o->term_start);
      add_string (b, "term_end", o->term_end);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

static gboolean
add_journal (LiaisonStore *self, JsonBuilder *b, const char *participant_id, GError **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT time, origin, action, field, old_value, new_value FROM journal"
                                           " WHERE (entity = 'participant' OR entity = 'consent') AND entity_id = ?"
                                           " ORDER BY seq",
                                           error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, participant_id);
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      add_string (b, "time", (const char *) sqlite3_column_text (stmt, 0));
      add_string (b, "by", (const char *) sqlite3_column_text (stmt, 1));
      add_string (b, "action", (const char *) sqlite3_column_text (stmt, 2));
      add_string (b, "field", (const char *) sqlite3_column_text (stmt, 3));
      add_string (b, "old", (const char *) sqlite3_column_text (stmt, 4));
      add_string (b, "new", (const char *) sqlite3_column_text (stmt, 5));
      json_builder_end_object (b);
    }
  sqlite3_reset (stmt);
  json_builder_end_array (b);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Everything Liaison holds about one person, for their request to see it:
 * their record and consent, every registration with its event and letters
 * (named, not their bytes), their programme record and notes, their roles
 * as a liaison officer, and the changes made to their record. Only reads:
 * runs on the store's reader too. */
JsonNode *
liaison_store_person_data (LiaisonStore *self, const char *participant_id, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autofree char *now = liaison_store_now ();
  gboolean         ok;

  p = liaison_store_get_participant (self, participant_id, error);
  if (p == NULL)
    return NULL;
  json_builder_begin_object (b);
  add_string (b, "format", "liaison-person-data");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  add_string (b, "exported", now);
  add_person (b, p);
  add_consent (self, b, p);
  ok = add_registrations (self, b, participant_id, error) && add_programme (self, b, participant_id, error) &&
       add_officer_roles (self, b, participant_id, error) && add_journal (self, b, participant_id, error);
  json_builder_end_object (b);
  if (!ok)
    return NULL;
  return json_builder_get_root (b);
}
