/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "liaison-store-private.h"
#include "liaison-store-sync.h"

/* Records as sync sees them: field maps read from the store and applied to
 * it, in the transactions sync asks for. What sync keeps between runs is in
 * liaison-store-sync-state.c, the conflict queue in liaison-store-conflicts.c. */

static const char *status_columns[LIAISON_N_REGISTRATION_STATUSES] = {
  "invited_at",
  "registered_at",
  "waitlisted_at",
  "confirmed_at",
  "attended_at",
  "no_show_at",
  "declined_at",
  "cancelled_at",
  "nominated_at",
};

gboolean
liaison_store_sync_begin (LiaisonStore *self,
                          GError      **error)
{
  return liaison_store_begin (self, error);
}

gboolean
liaison_store_sync_commit (LiaisonStore *self,
                           GError      **error)
{
  return liaison_store_commit (self, error);
}

void
liaison_store_sync_rollback (LiaisonStore *self)
{
  liaison_store_rollback (self);
}

/* ------------------------------------------------------------------------ */
/* Field maps                                                                */

GHashTable *
liaison_sync_fields_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
liaison_sync_fields_put (GHashTable *fields,
                         const char *name,
                         const char *value)
{
  if (value == NULL || *value == '\0')
    g_hash_table_remove (fields, name);
  else
    g_hash_table_insert (fields, g_strdup (name), g_strdup (value));
}

static void
put_take (GHashTable *fields,
          const char *name,
          char       *value)
{
  liaison_sync_fields_put (fields, name, value);
  g_free (value);
}

static const char *
get (GHashTable *fields,
     const char *name)
{
  return g_hash_table_lookup (fields, name);
}

/* The value a record has when nothing says otherwise: left out of maps. */
static const char *event_defaults[][2] = {
  { "kind", "other" },
  { "status", "planned" },
  { "mode", "in-person" },
  { "capacity", "0" },
  { "budget", "0" },
  { "funding", "cooperation-fund" },
};

static const char *participant_defaults[][2] = {
  { "name_order", "family-first" },
  { "gender", "unspecified" },
  { "sector", "other" },
  { "consent", "0" },
};

static char *
i18n_value (LiaisonBilingual *text)
{
  g_autoptr (GString) s = g_string_new (liaison_language_code (liaison_bilingual_get_source (text)));

  for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
    {
      const char *based_on = liaison_bilingual_get_based_on (text, l);

      g_string_append_printf (s, "|%s", liaison_enum_to_nick (LIAISON_TYPE_TRANSLATION_STATE, liaison_bilingual_get_state (text, l)));
      if (based_on != NULL)
        g_string_append_printf (s, "@%s", based_on);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* What a bilingual text written without states gets (see
 * liaison_bilingual_set_text and _settle_source): not worth writing down,
 * and no edit. A text in English alone is its own source, so another
 * client's English SUMMARY gets "en|missing|reviewed" here: a derived
 * value that the server's copy never had, which must not make the record
 * look edited (issue 11, 2: a delete on the server then did not stick). */
static char *
i18n_default (const char *zh,
              const char *en)
{
  if (zh == NULL && en != NULL)
    return g_strdup ("en|missing|reviewed");
  return g_strdup_printf ("zh|%s|%s", zh ? "reviewed" : "missing", en ? "draft" : "missing");
}

void
liaison_sync_fields_normalize (const char *entity,
                               GHashTable *fields)
{
  GHashTableIter iter;
  gpointer       key, value;
  gboolean       is_event = g_str_equal (entity, "event");
  guint          n = is_event ? G_N_ELEMENTS (event_defaults) : G_N_ELEMENTS (participant_defaults);

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (value == NULL || *(const char *) value == '\0')
      g_hash_table_iter_remove (&iter);

  for (guint i = 0; i < n; i++)
    {
      const char *name = is_event ? event_defaults[i][0] : participant_defaults[i][0];
      const char *fallback = is_event ? event_defaults[i][1] : participant_defaults[i][1];

      if (g_strcmp0 (get (fields, name), fallback) == 0)
        g_hash_table_remove (fields, name);
    }

  if (is_event)
    {
      const char *texts[] = { "title", "theme", "description" };

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          g_autofree char *zh = g_strconcat (texts[i], "_zh", NULL);
          g_autofree char *en = g_strconcat (texts[i], "_en", NULL);
          g_autofree char *key_name = g_strconcat ("i18n_", texts[i], NULL);
          g_autofree char *fallback = i18n_default (get (fields, zh), get (fields, en));

          if (g_strcmp0 (get (fields, key_name), fallback) == 0)
            g_hash_table_remove (fields, key_name);
        }
    }
}

gboolean
liaison_sync_fields_equal (GHashTable *a,
                           GHashTable *b)
{
  GHashTableIter iter;
  gpointer       key, value;

  if (a == NULL || b == NULL)
    return a == b;
  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
liaison_sync_fields_to_json (GHashTable *fields)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree gpointer *keys = NULL;
  guint                n;

  keys = g_hash_table_get_keys_as_array (fields, &n);
  qsort (keys, n, sizeof (gpointer), compare_strings);
  json_builder_begin_object (b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_set_member_name (b, keys[i]);
      json_builder_add_string_value (b, g_hash_table_lookup (fields, keys[i]));
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static void
put_bilingual (GHashTable       *fields,
               const char       *name,
               LiaisonBilingual *text)
{
  g_autofree char *zh = g_strconcat (name, "_zh", NULL);
  g_autofree char *en = g_strconcat (name, "_en", NULL);

  liaison_sync_fields_put (fields, zh, liaison_bilingual_get_text (text, LIAISON_LANGUAGE_ZH));
  liaison_sync_fields_put (fields, en, liaison_bilingual_get_text (text, LIAISON_LANGUAGE_EN));
}

/* The keys one registration has in an event's map: "attendee:",
 * "registration:" and "waitlist:" with the participant's id. */
static const char *const attendee_prefixes[] = {
  LIAISON_SYNC_ATTENDEE_PREFIX,
  LIAISON_SYNC_REGISTRATION_PREFIX,
  LIAISON_SYNC_WAITLIST_PREFIX,
};

gboolean
liaison_sync_key_is_attendee_part (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (attendee_prefixes); i++)
    if (g_str_has_prefix (key, attendee_prefixes[i]))
      return TRUE;
  return FALSE;
}

/* The event without its people (a calendar file for others, an
 * invitation). */
void
liaison_sync_fields_drop_attendees (GHashTable *fields)
{
  GHashTableIter iter;
  gpointer       key;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (liaison_sync_key_is_attendee_part (key))
      g_hash_table_iter_remove (&iter);
}

void
liaison_sync_fields_remove_attendee (GHashTable *fields,
                                     const char *participant_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (attendee_prefixes); i++)
    {
      g_autofree char *key = g_strconcat (attendee_prefixes[i], participant_id, NULL);

      g_hash_table_remove (fields, key);
    }
}

/* An attendee found to be someone else here: every key of theirs moves. */
void
liaison_sync_fields_move_attendee (GHashTable *fields,
                                   const char *from_id,
                                   const char *to_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (attendee_prefixes); i++)
    {
      g_autofree char *from = g_strconcat (attendee_prefixes[i], from_id, NULL);
      gpointer         old_key = NULL, value = NULL;

      if (g_hash_table_steal_extended (fields, from, &old_key, &value))
        {
          g_free (old_key);
          g_hash_table_insert (fields, g_strconcat (attendee_prefixes[i], to_id, NULL), value);
        }
    }
}

/* A waitlist order as the map and the ATTENDEE line carry it: a finite
 * number, nothing else. */
gboolean
liaison_sync_parse_waitlist_order (const char *text,
                                   double     *order)
{
  char  *end = NULL;
  double value;

  if (text == NULL || *text == '\0' || strlen (text) > 64)
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;
  if (order != NULL)
    *order = value;
  return TRUE;
}

static char *
attendee_value (LiaisonRegistration *r)
{
  LiaisonRegistrationStatus status = liaison_registration_get_status (r);
  const char               *since = liaison_registration_get_status_time (r, status);
  const char               *delegation = liaison_registration_get_delegation (r);

  return g_strdup_printf ("%s|%s|%s|%s", liaison_enum_to_nick (LIAISON_TYPE_ROLE, liaison_registration_get_role (r)),
                          liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, status),
                          delegation ? delegation : "", since ? since : "");
}

static GHashTable *
event_fields (LiaisonStore *self,
              LiaisonEvent *e,
              GError      **error)
{
  g_autoptr (GHashTable) f = liaison_sync_fields_new ();
  g_autoptr (GPtrArray) registrations = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  liaison_sync_fields_put (f, "kind", liaison_enum_to_nick (LIAISON_TYPE_EVENT_KIND, liaison_event_get_kind (e)));
  liaison_sync_fields_put (f, "status", liaison_enum_to_nick (LIAISON_TYPE_EVENT_STATUS, liaison_event_get_status (e)));
  liaison_sync_fields_put (f, "mode", liaison_enum_to_nick (LIAISON_TYPE_EVENT_MODE, liaison_event_get_mode (e)));
  put_bilingual (f, "title", liaison_event_get_title (e));
  put_bilingual (f, "theme", liaison_event_get_theme (e));
  put_bilingual (f, "description", liaison_event_get_description (e));
  put_bilingual (f, "city", liaison_event_get_city (e));
  put_take (f, "i18n_title", i18n_value (liaison_event_get_title (e)));
  put_take (f, "i18n_theme", i18n_value (liaison_event_get_theme (e)));
  put_take (f, "i18n_description", i18n_value (liaison_event_get_description (e)));
  liaison_sync_fields_put (f, "start", liaison_event_get_start (e));
  liaison_sync_fields_put (f, "end", liaison_event_get_end (e));
  liaison_sync_fields_put (f, "time_zone", liaison_event_get_time_zone (e));
  liaison_sync_fields_put (f, "venue", liaison_event_get_venue (e));
  liaison_sync_fields_put (f, "country", liaison_event_get_country (e));
  liaison_sync_fields_put (f, "online_url", liaison_event_get_online_url (e));
  liaison_sync_fields_put (f, "organisers", liaison_event_get_organisers (e));
  liaison_sync_fields_put (f, "partners", liaison_event_get_partners (e));
  put_take (f, "capacity", g_strdup_printf ("%u", liaison_event_get_capacity (e)));
  liaison_sync_fields_put (f, "registration_deadline", liaison_event_get_registration_deadline (e));
  liaison_sync_fields_put (f, "budget", g_ascii_dtostr (buf, sizeof buf, liaison_event_get_budget (e)));
  liaison_sync_fields_put (f, "currency", liaison_event_get_currency (e));
  liaison_sync_fields_put (f, "funding", liaison_enum_to_nick (LIAISON_TYPE_FUNDING_SOURCE, liaison_event_get_funding (e)));
  liaison_sync_fields_put (f, "track", liaison_event_get_track (e));
  liaison_sync_fields_put (f, "recurrence", liaison_event_get_recurrence (e));
  put_take (f, "activities", join_strv (liaison_event_get_activities (e), ","));
  put_take (f, "areas", join_strv (liaison_event_get_areas (e), ","));

  registrations = liaison_store_list_registrations (self, liaison_event_get_id (e), error);
  if (registrations == NULL)
    return NULL;
  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);
      const char          *pid = liaison_registration_get_participant_id (r);
      g_autofree char     *key = g_strconcat (LIAISON_SYNC_ATTENDEE_PREFIX, pid, NULL);
      g_autofree char     *id_key = g_strconcat (LIAISON_SYNC_REGISTRATION_PREFIX, pid, NULL);
      double               order;

      put_take (f, key, attendee_value (r));
      liaison_sync_fields_put (f, id_key, liaison_registration_get_id (r));
      if (liaison_registration_get_status (r) == LIAISON_REGISTRATION_WAITLISTED &&
          liaison_registration_get_waitlist_order (r, &order))
        {
          g_autofree char *order_key = g_strconcat (LIAISON_SYNC_WAITLIST_PREFIX, pid, NULL);

          liaison_sync_fields_put (f, order_key, g_ascii_dtostr (buf, sizeof buf, order));
        }
    }

  liaison_sync_fields_normalize ("event", f);
  return g_steal_pointer (&f);
}

static GHashTable *
participant_fields (LiaisonParticipant *p)
{
  g_autoptr (GHashTable) f = liaison_sync_fields_new ();

  liaison_sync_fields_put (f, "family_native", liaison_participant_get_family_native (p));
  liaison_sync_fields_put (f, "given_native", liaison_participant_get_given_native (p));
  liaison_sync_fields_put (f, "family_latin", liaison_participant_get_family_latin (p));
  liaison_sync_fields_put (f, "given_latin", liaison_participant_get_given_latin (p));
  liaison_sync_fields_put (f, "name_order", liaison_enum_to_nick (LIAISON_TYPE_NAME_ORDER, liaison_participant_get_name_order (p)));
  liaison_sync_fields_put (f, "honorific", liaison_participant_get_honorific (p));
  liaison_sync_fields_put (f, "gender", liaison_enum_to_nick (LIAISON_TYPE_GENDER, liaison_participant_get_gender (p)));
  put_bilingual (f, "organisation", liaison_participant_get_organisation (p));
  put_bilingual (f, "position", liaison_participant_get_position (p));
  liaison_sync_fields_put (f, "sector", liaison_enum_to_nick (LIAISON_TYPE_SECTOR, liaison_participant_get_sector (p)));
  liaison_sync_fields_put (f, "country", liaison_participant_get_country (p));
  put_take (f, "emails", join_strv (liaison_participant_get_emails (p), "\n"));
  put_take (f, "phones", join_strv (liaison_participant_get_phones (p), "\n"));
  put_take (f, "languages", join_strv (liaison_participant_get_languages (p), "\n"));
  liaison_sync_fields_put (f, "consent", liaison_participant_get_consent (p) ? "1" : "0");
  liaison_sync_fields_put (f, "consent_date", liaison_participant_get_consent_date (p));

  liaison_sync_fields_normalize ("participant", f);
  return g_steal_pointer (&f);
}

/* Whether a participant is here, without loading it: a pulled event asks
 * it of each of its attendees. */
gboolean
liaison_store_sync_has_participant (LiaisonStore *self,
                                    const char   *id)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT 1 FROM participants WHERE id = ?", NULL);
  gboolean      found;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* NULL with LIAISON_STORE_ERROR_NOT_FOUND when the record is not here. */
GHashTable *
liaison_store_sync_get_fields (LiaisonStore *self,
                               const char   *entity,
                               const char   *id,
                               GError      **error)
{
  if (g_str_equal (entity, "event"))
    {
      g_autoptr (LiaisonEvent) e = liaison_store_get_event (self, id, error);

      return e != NULL ? event_fields (self, e, error) : NULL;
    }
  else
    {
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (self, id, error);
      GHashTable *f;

      if (p == NULL)
        return NULL;
      f = participant_fields (p);
      /* The records merged into this one (liaison-store-merge.c). */
      put_take (f, "merged", liaison_store_merged_into (self, id));
      return f;
    }
}

static void
apply_bilingual (LiaisonBilingual *text,
                 GHashTable       *f,
                 const char       *name)
{
  g_autofree char *zh = g_strconcat (name, "_zh", NULL);
  g_autofree char *en = g_strconcat (name, "_en", NULL);
  g_autofree char *key = g_strconcat ("i18n_", name, NULL);
  const char      *i18n = get (f, key);

  liaison_bilingual_set_source (text, LIAISON_LANGUAGE_ZH);
  liaison_bilingual_set_text (text, LIAISON_LANGUAGE_ZH, get (f, zh));
  liaison_bilingual_set_text (text, LIAISON_LANGUAGE_EN, get (f, en));
  if (i18n != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (i18n, "|", 3);
      LiaisonLanguage source;

      if (g_strv_length (parts) == 3 && liaison_language_from_code (parts[0], &source))
        {
          liaison_bilingual_set_source (text, source);
          for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
            {
              char *at = strchr (parts[1 + l], '@');
              int   state = LIAISON_TRANSLATION_MISSING;

              if (at != NULL)
                *at++ = '\0';
              liaison_enum_from_nick (LIAISON_TYPE_TRANSLATION_STATE, parts[1 + l], &state);
              liaison_bilingual_restore (text, l, liaison_bilingual_get_text (text, l), state, at);
            }
        }
    }
}

static char **
split_list (const char *text,
            const char *separator)
{
  return text != NULL ? g_strsplit (text, separator, -1) : NULL;
}

static gboolean
registration_exists (LiaisonStore *self,
                     const char   *id)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT 1 FROM registrations WHERE id = ?", NULL);
  gboolean      exists;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return exists;
}

/* wanted_id: the id the registration has in the other office (from the
 * server), so both print the same check-in code; a new one when there is
 * none or it is taken. */
static gboolean
insert_registration (LiaisonStore *self,
                     const char   *event_id,
                     const char   *participant_id,
                     const char   *wanted_id,
                     const char   *value,
                     LiaisonOrigin origin,
                     GError      **error)
{
  g_auto (GStrv) parts = g_strsplit (value, "|", 4);
  g_autofree char *id = wanted_id != NULL && !registration_exists (self, wanted_id) ? g_strdup (wanted_id)
                                                                                    : liaison_uuid_new ();
  g_autofree char *now = liaison_store_now ();
  g_autofree char *sql = NULL;
  int              status = LIAISON_REGISTRATION_INVITED;
  sqlite3_stmt    *stmt;

  if (g_strv_length (parts) != 4)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("The registration of %1$s is not readable (“%2$s”)"), participant_id, value);
      return FALSE;
    }
  liaison_enum_from_nick (LIAISON_TYPE_REGISTRATION_STATUS, parts[1], &status);
  sql = g_strdup_printf ("INSERT INTO registrations (id, event_id, participant_id, role, status, delegation, created, %s)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         status_columns[status]);
  stmt = liaison_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, event_id);
  bind_text (stmt, 3, participant_id);
  bind_text (stmt, 4, liaison_enum_to_nick (LIAISON_TYPE_ROLE, nick_value (LIAISON_TYPE_ROLE, parts[0], 0)));
  bind_text (stmt, 5, liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, status));
  bind_text (stmt, 6, *parts[2] ? parts[2] : NULL);
  bind_text (stmt, 7, now);
  /* Another client's attendee has no status time: none is made up. */
  bind_text (stmt, 8, *parts[3] ? parts[3] : NULL);
  if (!liaison_store_step_done (self, stmt, error))
    {
      g_prefix_error (error, _ ("Registering %s: "), participant_id);
      return FALSE;
    }
  return liaison_store_journal (self, origin, "create", "registration", id, NULL, NULL, value, error) &&
         liaison_store_note_activity (self, "participant", participant_id, error);
}

static gboolean
update_registration (LiaisonStore        *self,
                     LiaisonRegistration *r,
                     const char          *old_value,
                     const char          *value,
                     LiaisonOrigin        origin,
                     GError             **error)
{
  g_auto (GStrv) parts = g_strsplit (value, "|", 4);
  g_autofree char *sql = NULL;
  int              status = LIAISON_REGISTRATION_INVITED;
  sqlite3_stmt    *stmt;

  if (g_strv_length (parts) != 4)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("The registration of %1$s is not readable (“%2$s”)"),
                   liaison_registration_get_participant_id (r), value);
      return FALSE;
    }
  liaison_enum_from_nick (LIAISON_TYPE_REGISTRATION_STATUS, parts[1], &status);
  sql = g_strdup_printf ("UPDATE registrations SET role = ?, status = ?, delegation = ?, %s = ? WHERE id = ?",
                         status_columns[status]);
  stmt = liaison_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, liaison_enum_to_nick (LIAISON_TYPE_ROLE, nick_value (LIAISON_TYPE_ROLE, parts[0], 0)));
  bind_text (stmt, 2, liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, status));
  bind_text (stmt, 3, *parts[2] ? parts[2] : NULL);
  bind_text (stmt, 4, *parts[3] ? parts[3] : NULL);
  bind_text (stmt, 5, liaison_registration_get_id (r));
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;
  return liaison_store_journal (self, origin, "update", "registration", liaison_registration_get_id (r),
                                "attendee", old_value, value, error);
}

/* A registration made in both offices before they shared ids (or one that
 * another client recreated) takes the id the server has: the first office
 * to sync it decides, and both print the same check-in code from then on. */
static gboolean
rename_registration (LiaisonStore *self,
                     const char   *old_id,
                     const char   *new_id,
                     LiaisonOrigin origin,
                     GError      **error)
{
  sqlite3_stmt *stmt;

  if (registration_exists (self, new_id))
    return TRUE;
  stmt = liaison_store_stmt (self, "UPDATE registrations SET id = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, new_id);
  bind_text (stmt, 2, old_id);
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;
  /* Under the old id, so an undo of what was done to it before says it was
   * changed by a sync since, rather than looking for it in vain. */
  return liaison_store_journal (self, origin, "update", "registration", old_id, "id", old_id, new_id, error);
}

/* The waitlist as the map has it: each waitlisted person's order, or none
 * (they come after those who have one, first come, first served). Only the
 * waitlisted: a promoted person's old order is nobody's business. */
static gboolean
apply_waitlist_orders (LiaisonStore *self,
                       const char   *event_id,
                       GHashTable   *f,
                       LiaisonOrigin origin,
                       GError      **error)
{
  g_autoptr (GPtrArray) registrations = liaison_store_list_registrations (self, event_id, error);

  if (registrations == NULL)
    return FALSE;
  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);
      g_autofree char     *key = g_strconcat (LIAISON_SYNC_WAITLIST_PREFIX, liaison_registration_get_participant_id (r), NULL);
      char                 old_text[G_ASCII_DTOSTR_BUF_SIZE] = "";
      char                 new_text[G_ASCII_DTOSTR_BUF_SIZE] = "";
      double               wanted = 0, current = 0;
      gboolean             has_wanted, has_current;
      sqlite3_stmt        *stmt;

      if (liaison_registration_get_status (r) != LIAISON_REGISTRATION_WAITLISTED)
        continue;
      has_wanted = liaison_sync_parse_waitlist_order (get (f, key), &wanted);
      has_current = liaison_registration_get_waitlist_order (r, &current);
      if (has_wanted == has_current && (!has_wanted || wanted == current))
        continue;
      stmt = liaison_store_stmt (self, "UPDATE registrations SET waitlist_order = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      if (has_wanted)
        sqlite3_bind_double (stmt, 1, wanted);
      else
        sqlite3_bind_null (stmt, 1);
      bind_text (stmt, 2, liaison_registration_get_id (r));
      if (!liaison_store_step_done (self, stmt, error))
        return FALSE;
      if (has_current)
        g_ascii_dtostr (old_text, sizeof old_text, current);
      if (has_wanted)
        g_ascii_dtostr (new_text, sizeof new_text, wanted);
      if (!liaison_store_journal (self, origin, "update", "registration", liaison_registration_get_id (r),
                                  "waitlist_order", has_current ? old_text : NULL, has_wanted ? new_text : NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_event (LiaisonStore *self,
             const char   *id,
             GHashTable   *f,
             LiaisonOrigin origin,
             GError      **error)
{
  g_autoptr (LiaisonEvent) e = liaison_store_get_event (self, id, NULL);
  g_autoptr (GPtrArray) registrations = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto (GStrv) activities = split_list (get (f, "activities"), ",");
  g_auto (GStrv) areas = split_list (get (f, "areas"), ",");
  GHashTableIter iter;
  gpointer       key, value;
  const char    *budget = get (f, "budget");
  const char    *capacity = get (f, "capacity");

  if (e == NULL)
    e = liaison_event_new (id);
  liaison_event_set_kind (e, nick_value (LIAISON_TYPE_EVENT_KIND, get (f, "kind"), LIAISON_EVENT_KIND_OTHER));
  liaison_event_set_status (e, nick_value (LIAISON_TYPE_EVENT_STATUS, get (f, "status"), 0));
  liaison_event_set_mode (e, nick_value (LIAISON_TYPE_EVENT_MODE, get (f, "mode"), 0));
  apply_bilingual (liaison_event_get_title (e), f, "title");
  apply_bilingual (liaison_event_get_theme (e), f, "theme");
  apply_bilingual (liaison_event_get_description (e), f, "description");
  liaison_bilingual_set_text (liaison_event_get_city (e), LIAISON_LANGUAGE_ZH, get (f, "city_zh"));
  liaison_bilingual_set_text (liaison_event_get_city (e), LIAISON_LANGUAGE_EN, get (f, "city_en"));
  if (!liaison_event_set_when (e, get (f, "start"), get (f, "end"), get (f, "time_zone"), error))
    return FALSE;
  liaison_event_set_venue (e, get (f, "venue"));
  liaison_event_set_country (e, get (f, "country"));
  liaison_event_set_online_url (e, get (f, "online_url"));
  liaison_event_set_organisers (e, get (f, "organisers"));
  liaison_event_set_partners (e, get (f, "partners"));
  liaison_event_set_capacity (e, capacity ? (guint) g_ascii_strtoull (capacity, NULL, 10) : 0);
  liaison_event_set_registration_deadline (e, get (f, "registration_deadline"));
  liaison_event_set_budget (e, budget ? g_ascii_strtod (budget, NULL) : 0, get (f, "currency"),
                            nick_value (LIAISON_TYPE_FUNDING_SOURCE, get (f, "funding"), 0));
  liaison_event_set_track (e, get (f, "track"));
  liaison_event_set_recurrence (e, get (f, "recurrence"));
  liaison_event_set_activities (e, (const char *const *) activities);
  liaison_event_set_areas (e, (const char *const *) areas);

  if (!liaison_store_save_event (self, e, origin, error))
    return FALSE;

  registrations = liaison_store_list_registrations (self, id, error);
  if (registrations == NULL)
    return FALSE;
  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);
      const char          *pid = liaison_registration_get_participant_id (r);
      g_autofree char     *name = g_strconcat (LIAISON_SYNC_ATTENDEE_PREFIX, pid, NULL);
      g_autofree char     *id_name = g_strconcat (LIAISON_SYNC_REGISTRATION_PREFIX, pid, NULL);
      g_autofree char     *old = attendee_value (r);
      const char          *wanted = get (f, name);
      const char          *wanted_id = get (f, id_name);

      g_hash_table_add (seen, (gpointer) pid);
      if (wanted == NULL)
        {
          if (!liaison_store_delete_registration (self, liaison_registration_get_id (r), origin, NULL, error))
            return FALSE;
          continue;
        }
      if (!g_str_equal (old, wanted) && !update_registration (self, r, old, wanted, origin, error))
        return FALSE;
      if (wanted_id != NULL && !g_str_equal (wanted_id, liaison_registration_get_id (r)) && !rename_registration (self, liaison_registration_get_id (r), wanted_id, origin, error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, f);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *pid;

      if (!g_str_has_prefix (key, LIAISON_SYNC_ATTENDEE_PREFIX))
        continue;
      pid = (const char *) key + strlen (LIAISON_SYNC_ATTENDEE_PREFIX);
      if (!g_hash_table_contains (seen, pid))
        {
          g_autofree char *id_name = g_strconcat (LIAISON_SYNC_REGISTRATION_PREFIX, pid, NULL);

          if (!insert_registration (self, id, pid, get (f, id_name), value, origin, error))
            return FALSE;
        }
    }
  return apply_waitlist_orders (self, id, f, origin, error);
}

static gboolean
apply_participant (LiaisonStore *self,
                   const char   *id,
                   GHashTable   *f,
                   LiaisonOrigin origin,
                   GError      **error)
{
  g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (self, id, NULL);
  g_auto (GStrv) emails = split_list (get (f, "emails"), "\n");
  g_auto (GStrv) phones = split_list (get (f, "phones"), "\n");
  g_auto (GStrv) languages = split_list (get (f, "languages"), "\n");

  if (p == NULL)
    p = liaison_participant_new (id);
  liaison_participant_set_native_name (p, get (f, "family_native"), get (f, "given_native"));
  liaison_participant_set_latin_name (p, get (f, "family_latin"), get (f, "given_latin"));
  liaison_participant_set_name_order (p, nick_value (LIAISON_TYPE_NAME_ORDER, get (f, "name_order"), 0));
  liaison_participant_set_honorific (p, get (f, "honorific"));
  liaison_participant_set_gender (p, nick_value (LIAISON_TYPE_GENDER, get (f, "gender"), 0));
  liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_ZH, get (f, "organisation_zh"));
  liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN, get (f, "organisation_en"));
  liaison_bilingual_set_text (liaison_participant_get_position (p), LIAISON_LANGUAGE_ZH, get (f, "position_zh"));
  liaison_bilingual_set_text (liaison_participant_get_position (p), LIAISON_LANGUAGE_EN, get (f, "position_en"));
  liaison_participant_set_sector (p, nick_value (LIAISON_TYPE_SECTOR, get (f, "sector"), LIAISON_SECTOR_OTHER));
  liaison_participant_set_country (p, get (f, "country"));
  liaison_participant_set_emails (p, (const char *const *) emails);
  liaison_participant_set_phones (p, (const char *const *) phones);
  liaison_participant_set_languages (p, (const char *const *) languages);
  liaison_participant_set_consent (p, g_strcmp0 (get (f, "consent"), "1") == 0, get (f, "consent_date"));

  return liaison_store_save_participant (self, p, origin, error);
}

/* Makes the record match the map, in one transaction; the journal gets one
 * row per field that changed, with the origin given. */
gboolean
liaison_store_sync_apply_fields (LiaisonStore *self,
                                 const char   *entity,
                                 const char   *id,
                                 GHashTable   *fields,
                                 LiaisonOrigin origin,
                                 GError      **error)
{
  gboolean ok;

  if (!liaison_store_begin (self, error))
    return FALSE;
  if (g_str_equal (entity, "event"))
    ok = apply_event (self, id, fields, origin, error);
  else
    ok = apply_participant (self, id, fields, origin, error);
  if (!ok)
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  return liaison_store_commit (self, error);
}

/* A participant deleted on the server takes their registrations along
 * (as any deletion of a person does), and the events that had them are
 * queued, so the server's copies lose their attendee lines in this same
 * sync: no office makes the person again from a line (issue 11, 7). */
gboolean
liaison_store_sync_delete_entity (LiaisonStore *self,
                                  const char   *entity,
                                  const char   *id,
                                  LiaisonOrigin origin,
                                  GError      **error)
{
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int           rc;

  if (g_str_equal (entity, "event"))
    return liaison_store_delete_event (self, id, origin, error);

  if (!liaison_store_begin (self, error))
    return FALSE;
  stmt = liaison_store_stmt (self, "SELECT DISTINCT event_id FROM registrations WHERE participant_id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      goto fail;
    }
  if (!liaison_store_delete_participant (self, id, origin, error))
    goto fail;
  for (guint i = 0; i < events->len; i++)
    if (!liaison_store_sync_queue (self, "event", g_ptr_array_index (events, i), error))
      goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

/* Every e-mail address of the participants here, in lower case, with the
 * participant who has it (of two, the smaller identifier, the same in
 * every office): who another client's attendee is (issue 11, 3). */
GHashTable *
liaison_store_sync_list_emails (LiaisonStore *self)
{
  GHashTable   *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT id, emails FROM participants WHERE emails IS NOT NULL"
                                                 " ORDER BY id",
                                           NULL);

  if (stmt == NULL)
    return index;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      g_auto (GStrv) emails = g_strsplit ((const char *) sqlite3_column_text (stmt, 1), "\n", -1);

      for (guint i = 0; emails[i] != NULL; i++)
        {
          char *lower = g_utf8_strdown (g_strstrip (emails[i]), -1);

          if (*lower == '\0' || g_hash_table_contains (index, lower))
            g_free (lower);
          else
            g_hash_table_insert (index, lower, g_strdup (id));
        }
    }
  sqlite3_reset (stmt);
  return index;
}
