/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-people-private.h"

/* Delegations: each country's quota at an event, its liaison officer's
 * nominations (registrations in the nominated state, with the note verbale
 * attached), approval, and the board of where each country stands. The
 * quota rule itself is in core (liaison-delegation.c); the store applies
 * it wherever a registration comes to count against a quota. */

void
liaison_attachment_free (LiaisonAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->id);
  g_free (attachment->registration_id);
  g_free (attachment->file_name);
  g_free (attachment->media_type);
  g_free (attachment->sha256);
  g_free (attachment->added);
  g_free (attachment);
}

/* ------------------------------------------------------------------------ */
/* Quotas                                                                    */

static gboolean
read_quota (LiaisonStore *self, const char *event_id, const char *country, int *quota, GError **error)
{
  sqlite3_stmt *stmt =
      liaison_store_stmt (self, "SELECT quota FROM delegation_quotas WHERE event_id = ? AND country = ?", error);
  int rc;

  *quota = LIAISON_DELEGATION_NO_QUOTA;
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, event_id);
  bind_text (stmt, 2, country);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *quota = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* The members of a country's delegation that count against its quota. */
static gboolean
count_accepted (LiaisonStore *self, const char *event_id, const char *country, guint *accepted, GError **error)
{
  g_autoptr (GPtrArray) all = liaison_store_list_registrations (self, event_id, error);

  *accepted = 0;
  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (all, i);

      if (g_strcmp0 (liaison_registration_get_delegation (r), country) == 0 &&
          liaison_delegation_counts (liaison_registration_get_role (r), liaison_registration_get_status (r)))
        (*accepted)++;
    }
  return TRUE;
}

gboolean
liaison_store_check_quota_room (LiaisonStore *self, const char *event_id, const char *country, GError **error)
{
  int   quota;
  guint accepted;

  if (country == NULL || *country == '\0')
    return TRUE;
  if (!read_quota (self, event_id, country, &quota, error))
    return FALSE;
  if (quota == LIAISON_DELEGATION_NO_QUOTA)
    return TRUE;
  return count_accepted (self, event_id, country, &accepted, error) &&
         liaison_delegation_check_room (country, quota, accepted, error);
}

/* Country code → GINT_TO_POINTER (quota). */
GHashTable *
liaison_store_get_quotas (LiaisonStore *self, const char *event_id, GError **error)
{
  g_autoptr (GHashTable) quotas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT country, quota FROM delegation_quotas WHERE event_id = ?", error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (quotas, column_dup (stmt, 0), GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&quotas);
}

static const char *
checked_country (const char *country, GError **error)
{
  const LiaisonCountry *c = liaison_country_lookup (country);

  if (c == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("“%s” is not an ISO 3166 country code"),
                   country != NULL ? country : "");
      return NULL;
    }
  return liaison_country_get_code (c);
}

/* quota LIAISON_DELEGATION_NO_QUOTA removes the country's quota. Never
 * below the people already accepted: that is refused with what to do. */
gboolean
liaison_store_set_quota (LiaisonStore *self,
                         const char   *event_id,
                         const char   *country,
                         int           quota,
                         LiaisonOrigin origin,
                         GError      **error)
{
  g_autoptr (LiaisonEvent) event = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  const char      *code = checked_country (country, error);
  int              old;
  guint            accepted;
  sqlite3_stmt    *stmt;

  if (code == NULL)
    return FALSE;
  if (quota < LIAISON_DELEGATION_NO_QUOTA || quota > 100000)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("A quota is a number of people from 0 to 100,000"));
      return FALSE;
    }
  if (!liaison_store_begin (self, error))
    return FALSE;
  event = liaison_store_get_event (self, event_id, error);
  if (event == NULL || !read_quota (self, event_id, code, &old, error) ||
      !count_accepted (self, event_id, code, &accepted, error))
    goto fail;
  if (old == quota)
    return liaison_store_commit (self, error);
  if (!liaison_delegation_check_quota (code, quota, accepted, error))
    goto fail;

  if (quota == LIAISON_DELEGATION_NO_QUOTA)
    stmt = liaison_store_stmt (self, "DELETE FROM delegation_quotas WHERE event_id = ? AND country = ?", error);
  else
    stmt = liaison_store_stmt (self,
                               "INSERT INTO delegation_quotas (event_id, country, quota) VALUES (?, ?, ?)"
                               " ON CONFLICT (event_id, country) DO UPDATE SET quota = excluded.quota",
                               error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, event_id);
  bind_text (stmt, 2, code);
  if (quota != LIAISON_DELEGATION_NO_QUOTA)
    sqlite3_bind_int (stmt, 3, quota);
  if (old != LIAISON_DELEGATION_NO_QUOTA)
    old_text = g_strdup_printf ("%d", old);
  if (quota != LIAISON_DELEGATION_NO_QUOTA)
    new_text = g_strdup_printf ("%d", quota);
  if (!liaison_store_step_done (self, stmt, error))
    goto fail;
  /* Quotas are this office's: entity “delegation” never goes to the sync. */
  {
    g_autofree char *key = g_strdup_printf ("quota.%s", code);

    if (!liaison_store_journal (self, origin, old_text == NULL ? "create" : new_text == NULL ? "delete"
                                                                                             : "update",
                                "delegation", event_id, key, old_text, new_text, error))
      goto fail;
  }
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

GPtrArray *
liaison_store_delegation_board (LiaisonStore *self, const char *event_id, GError **error)
{
  g_autoptr (GHashTable) quotas = liaison_store_get_quotas (self, event_id, error);
  g_autoptr (GPtrArray) registrations = NULL;

  if (quotas == NULL)
    return NULL;
  registrations = liaison_store_list_registrations (self, event_id, error);
  if (registrations == NULL)
    return NULL;
  return liaison_delegation_board (quotas, registrations);
}

/* ------------------------------------------------------------------------ */
/* Attachments                                                               */

static GBytes *
too_big (GFile *file, goffset size, GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *have = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit = g_format_size_full (LIAISON_ATTACHMENT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
               /* Translators: %1$s is a file, %2$s its size, %3$s the limit: “… is 40.0 MiB; an attachment may be 16.0 MiB at most” */
               _ ("“%1$s” is %2$s; an attachment may be %3$s at most"), name, have, limit);
  return NULL;
}

static void
cannot_read (GError **error, const char *name, const GError *why)
{
  if (g_error_matches (why, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                 _ ("Cannot attach “%s”: there is no such file"), name);
  else if (g_error_matches (why, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                 _ ("Cannot attach “%s”: you are not allowed to read it"), name);
  else
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                 /* Translators: %1$s is a file name, %2$s why */
                 _ ("Cannot attach “%1$s”: %2$s"), name, why->message);
}

/* Reads a file to attach, bounded; says what is wrong with one that is not
 * a readable file (a folder, missing, unreadable, empty, too big). Blocks:
 * call it on a worker thread. */
GBytes *
liaison_attachment_read_file (GFile *file, char **file_name, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) input = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr (GBytes) bytes = NULL;
  goffset size;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local);
  if (info == NULL)
    {
      cannot_read (error, name, local);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("Cannot attach “%s”: it is not a file (a folder or a device?)"), name);
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size > LIAISON_ATTACHMENT_MAX_SIZE)
    return too_big (file, size, error);
  if (size == 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("Cannot attach “%s”: the file is empty"), name);
      return NULL;
    }

  input = g_file_read (file, cancellable, &local);
  if (input != NULL)
    bytes = g_input_stream_read_bytes (G_INPUT_STREAM (input), LIAISON_ATTACHMENT_MAX_SIZE + 1, cancellable, &local);
  if (bytes == NULL)
    {
      cannot_read (error, name, local);
      return NULL;
    }
  /* It may have grown since it was measured. */
  if (g_bytes_get_size (bytes) > LIAISON_ATTACHMENT_MAX_SIZE)
    return too_big (file, g_bytes_get_size (bytes), error);
  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("Cannot attach “%s”: the file is empty"), name);
      return NULL;
    }
  if (file_name != NULL)
    *file_name = g_file_get_basename (file);
  return g_steal_pointer (&bytes);
}

static LiaisonAttachment *
attachment_from_row (sqlite3_stmt *stmt)
{
  LiaisonAttachment *a = g_new0 (LiaisonAttachment, 1);

  a->id = column_dup (stmt, 0);
  a->registration_id = column_dup (stmt, 1);
  a->file_name = column_dup (stmt, 2);
  a->media_type = column_dup (stmt, 3);
  a->sha256 = column_dup (stmt, 4);
  a->size = sqlite3_column_int64 (stmt, 5);
  a->added = column_dup (stmt, 6);
  return a;
}

#define ATTACHMENT_SELECT                                                                                   \
  "SELECT a.id, a.registration_id, a.file_name, a.media_type, a.sha256, b.size, a.added FROM attachments a" \
  " JOIN attachment_blobs b ON b.sha256 = a.sha256"

/* The name a person gave the file, without folders or control characters,
 * bounded: it is shown and written back out as a file name. */
static char *
clean_file_name (const char *file_name)
{
  g_autofree char *base = file_name != NULL ? g_path_get_basename (file_name) : g_strdup ("");
  g_autoptr (GString) clean = g_string_new (NULL);

  if (!g_utf8_validate (base, -1, NULL))
    {
      g_free (base);
      base = g_strdup ("");
    }
  for (const char *c = base; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_iscntrl (u) || u == '/' || u == '\\')
        continue;
      g_string_append_unichar (clean, u);
    }
  if (clean->len == 0 || g_str_equal (clean->str, ".") || g_str_equal (clean->str, ".."))
    g_string_assign (clean, "note-verbale");
  if (g_utf8_strlen (clean->str, -1) > 200)
    {
      g_autofree char *shorter = g_utf8_substring (clean->str, 0, 200);

      g_string_assign (clean, shorter);
    }
  return g_string_free (g_steal_pointer (&clean), FALSE);
}

/* Written inside the caller's transaction. */
static LiaisonAttachment *
attach_in_transaction (LiaisonStore *self,
                       const char   *registration_id,
                       const char   *file_name,
                       GBytes       *bytes,
                       LiaisonOrigin origin,
                       GError      **error)
{
  g_autoptr (LiaisonAttachment) a = g_new0 (LiaisonAttachment, 1);
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autofree char *guessed = NULL;
  g_autofree char *value = NULL;
  gsize            size = bytes != NULL ? g_bytes_get_size (bytes) : 0;
  sqlite3_stmt    *stmt;
  gboolean         uncertain = FALSE;

  if (size == 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("The file to attach is empty"));
      return NULL;
    }
  if (size > LIAISON_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *have = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (LIAISON_ATTACHMENT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("The file to attach is %1$s; an attachment may be %2$s at most"), have, limit);
      return NULL;
    }
  r = liaison_store_get_registration (self, registration_id, error);
  if (r == NULL)
    return NULL;

  a->id = liaison_uuid_new ();
  a->registration_id = g_strdup (registration_id);
  a->file_name = clean_file_name (file_name);
  a->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  a->size = size;
  a->added = liaison_store_now ();
  guessed = g_content_type_guess (a->file_name, g_bytes_get_data (bytes, NULL), size, &uncertain);
  a->media_type = g_content_type_get_mime_type (guessed);
  if (a->media_type == NULL)
    a->media_type = g_strdup ("application/octet-stream");

  stmt = liaison_store_stmt (self, "INSERT OR IGNORE INTO attachment_blobs (sha256, size, data) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, a->sha256);
  sqlite3_bind_int64 (stmt, 2, a->size);
  sqlite3_bind_blob64 (stmt, 3, g_bytes_get_data (bytes, NULL), size, SQLITE_STATIC);
  if (!liaison_store_step_done (self, stmt, error))
    return NULL;

  stmt = liaison_store_stmt (self,
                             "INSERT INTO attachments (id, registration_id, kind, file_name, media_type, sha256, added)"
                             " VALUES (?, ?, 'note-verbale', ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, a->id);
  bind_text (stmt, 2, registration_id);
  bind_text (stmt, 3, a->file_name);
  bind_text (stmt, 4, a->media_type);
  bind_text (stmt, 5, a->sha256);
  bind_text (stmt, 6, a->added);
  value = liaison_store_person_json ("participant", liaison_registration_get_participant_id (r), "registration",
                                     registration_id, "file", a->file_name, "sha256", a->sha256, NULL);
  if (!liaison_store_step_done (self, stmt, error) ||
      !liaison_store_journal (self, origin, "create", "attachment", a->id, NULL, NULL, value, error))
    return NULL;
  return g_steal_pointer (&a);
}

LiaisonAttachment *
liaison_store_attach (LiaisonStore *self,
                      const char   *registration_id,
                      const char   *file_name,
                      GBytes       *bytes,
                      LiaisonOrigin origin,
                      GError      **error)
{
  g_autoptr (LiaisonAttachment) a = NULL;

  if (!liaison_store_begin (self, error))
    return NULL;
  a = attach_in_transaction (self, registration_id, file_name, bytes, origin, error);
  if (a == NULL)
    {
      liaison_store_rollback (self);
      return NULL;
    }
  if (!liaison_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&a);
}

static GPtrArray *
list_attachments (LiaisonStore *self, const char *sql, const char *id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_attachment_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self, sql, error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, attachment_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
liaison_store_list_attachments (LiaisonStore *self, const char *registration_id, GError **error)
{
  return list_attachments (self, ATTACHMENT_SELECT " WHERE a.registration_id = ? ORDER BY a.added", registration_id,
                           error);
}

/* The attachments of the event's registrations that still exist. */
GPtrArray *
liaison_store_list_event_attachments (LiaisonStore *self, const char *event_id, GError **error)
{
  return list_attachments (self,
                           ATTACHMENT_SELECT " JOIN registrations r ON r.id = a.registration_id"
                                             " WHERE r.event_id = ? ORDER BY a.added",
                           event_id, error);
}

GBytes *
liaison_store_get_attachment_data (LiaisonStore *self, const char *attachment_id, GError **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT b.data FROM attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256"
                                           " WHERE a.id = ?",
                                           error);
  GBytes       *bytes = NULL;
  int           rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, attachment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _ ("There is no attachment with the identifier %s"), attachment_id);
  else
    liaison_store_set_error (self, error, rc);
  sqlite3_reset (stmt);
  return bytes;
}

/* Removes the attachment, and its bytes when nothing else uses them. */
static gboolean
remove_attachment_in_transaction (LiaisonStore *self, const char *attachment_id, LiaisonOrigin origin, GError **error)
{
  sqlite3_stmt    *stmt;
  g_autofree char *sha = NULL;
  g_autofree char *value = NULL;

  stmt = liaison_store_stmt (self,
                             "SELECT a.sha256, json_object ('participant', r.participant_id, 'registration',"
                             " a.registration_id, 'file', a.file_name, 'sha256', a.sha256)"
                             " FROM attachments a LEFT JOIN registrations r ON r.id = a.registration_id WHERE a.id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, attachment_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sha = column_dup (stmt, 0);
      value = column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (sha == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _ ("There is no attachment with the identifier %s"), attachment_id);
      return FALSE;
    }
  stmt = liaison_store_stmt (self, "DELETE FROM attachments WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, attachment_id);
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;
  stmt = liaison_store_stmt (self,
                             "DELETE FROM attachment_blobs WHERE sha256 = ?1"
                             " AND NOT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?1)",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, sha);
  return liaison_store_step_done (self, stmt, error) &&
         liaison_store_journal (self, origin, "delete", "attachment", attachment_id, NULL, value, NULL, error);
}

gboolean
liaison_store_remove_attachment (LiaisonStore *self, const char *attachment_id, LiaisonOrigin origin, GError **error)
{
  if (!liaison_store_begin (self, error))
    return FALSE;
  if (!remove_attachment_in_transaction (self, attachment_id, origin, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  return liaison_store_commit (self, error);
}

/* ------------------------------------------------------------------------ */
/* Nominations                                                               */

/* The person as the country's nominee, with the letter when there is one,
 * in one transaction: a letter that cannot be kept leaves no nomination. */
LiaisonRegistration *
liaison_store_nominate (LiaisonStore *self,
                        const char   *event_id,
                        const char   *participant_id,
                        const char   *country,
                        LiaisonRole   role,
                        const char   *letter_name,
                        GBytes       *letter,
                        LiaisonOrigin origin,
                        GError      **error)
{
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (LiaisonAttachment) a = NULL;
  const char *code = NULL;

  if (country != NULL && (code = checked_country (country, error)) == NULL)
    return NULL;
  if (!liaison_store_begin (self, error))
    return NULL;
  r = liaison_store_register (self, event_id, participant_id, role, LIAISON_REGISTRATION_NOMINATED, origin, error);
  if (r == NULL)
    goto fail;
  if (code != NULL && g_strcmp0 (code, liaison_registration_get_delegation (r)) != 0)
    {
      liaison_registration_set_delegation (r, code);
      if (!liaison_store_update_registration (self, r, origin, error))
        goto fail;
    }
  if (liaison_registration_get_delegation (r) == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("A nomination is made by a country: give the country of the delegation"));
      goto fail;
    }
  if (letter != NULL && (a = attach_in_transaction (self, liaison_registration_get_id (r), letter_name, letter, origin,
                                                    error)) == NULL)
    goto fail;
  if (!liaison_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&r);

fail:
  liaison_store_rollback (self);
  return NULL;
}

/* Approval gives the nominee a place, or a waitlist place when the event is
 * full; the country's quota is checked on the way (a full delegation is
 * refused with what to do). */
gboolean
liaison_store_approve_nomination (LiaisonStore              *self,
                                  const char                *registration_id,
                                  LiaisonOrigin              origin,
                                  LiaisonRegistrationStatus *now,
                                  GError                   **error)
{
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (GPtrArray) all = NULL;
  LiaisonRegistrationStatus to = LIAISON_REGISTRATION_REGISTERED;
  guint                     taken = 0;

  if (!liaison_store_begin (self, error))
    return FALSE;
  r = liaison_store_get_registration (self, registration_id, error);
  if (r == NULL)
    goto fail;
  if (liaison_registration_get_status (r) != LIAISON_REGISTRATION_NOMINATED)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   /* Translators: %s is a registration status */
                   _ ("Only a nomination can be approved; this registration is “%s”"),
                   liaison_registration_status_label (liaison_registration_get_status (r)));
      goto fail;
    }
  event = liaison_store_get_event (self, liaison_registration_get_event_id (r), error);
  all = event != NULL ? liaison_store_list_registrations (self, liaison_registration_get_event_id (r), error) : NULL;
  if (all == NULL)
    goto fail;
  for (guint i = 0; i < all->len; i++)
    if (liaison_registration_status_holds_place (liaison_registration_get_status (g_ptr_array_index (all, i))))
      taken++;
  to = liaison_registration_status_on_arrival (LIAISON_REGISTRATION_REGISTERED, taken, liaison_event_get_capacity (event));
  if (!liaison_store_set_registration_status (self, registration_id, to, origin, NULL, error))
    goto fail;
  if (now != NULL)
    *now = to;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}
