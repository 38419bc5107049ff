/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "liaison-store-private.h"

/* Undo: the snapshot a deletion leaves in the journal, and walking the
 * journal back to a mark. */

/* A deletion keeps the record in the journal (the old_value of its "delete"
 * entry) so that it can be undone: every column by name, "created" and
 * "modified", and the translation state of each bilingual field. */
char *
liaison_store_snapshot_record (const char *const    *fields,
                               guint                 n_fields,
                               char                **values,
                               const char           *created,
                               const char           *modified,
                               LiaisonBilingualSlot *slots,
                               guint                 n_slots)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < n_fields; i++)
    if (values[i] != NULL)
      {
        json_builder_set_member_name (builder, fields[i]);
        json_builder_add_string_value (builder, values[i]);
      }
  if (created != NULL)
    {
      json_builder_set_member_name (builder, "created");
      json_builder_add_string_value (builder, created);
    }
  if (modified != NULL)
    {
      json_builder_set_member_name (builder, "modified");
      json_builder_add_string_value (builder, modified);
    }
  if (n_slots > 0)
    {
      json_builder_set_member_name (builder, "translations");
      json_builder_begin_object (builder);
      for (guint i = 0; i < n_slots; i++)
        {
          json_builder_set_member_name (builder, slots[i].field);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "source");
          json_builder_add_string_value (builder, liaison_language_code (liaison_bilingual_get_source (slots[i].text)));
          for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
            {
              json_builder_set_member_name (builder, liaison_language_code (l));
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "state");
              json_builder_add_string_value (builder,
                                             liaison_enum_to_nick (LIAISON_TYPE_TRANSLATION_STATE,
                                                                   liaison_bilingual_get_state (slots[i].text, l)));
              if (liaison_bilingual_get_based_on (slots[i].text, l) != NULL)
                {
                  json_builder_set_member_name (builder, "based_on");
                  json_builder_add_string_value (builder, liaison_bilingual_get_based_on (slots[i].text, l));
                }
              json_builder_end_object (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static JsonObject *
snapshot_parse (const char *snapshot, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (snapshot == NULL || !json_parser_load_from_data (parser, snapshot, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("The change journal holds no readable copy of the deleted record"));
      return NULL;
    }
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Values indexed like fields, from a snapshot; owned by the object. */
static const char **
snapshot_values (JsonObject *snapshot, const char *const *fields, guint n_fields)
{
  const char **col = g_new0 (const char *, n_fields + 1);

  for (guint i = 0; i < n_fields; i++)
    col[i] = json_object_get_string_member_with_default (snapshot, fields[i], NULL);
  return col;
}

static void
snapshot_restore_translations (JsonObject *snapshot, LiaisonBilingualSlot *slots, guint n_slots)
{
  JsonObject *all;

  if (!json_object_has_member (snapshot, "translations"))
    return;
  all = json_object_get_object_member (snapshot, "translations");
  for (guint i = 0; i < n_slots; i++)
    {
      JsonObject     *field;
      LiaisonLanguage source;

      if (all == NULL || !json_object_has_member (all, slots[i].field))
        continue;
      field = json_object_get_object_member (all, slots[i].field);
      if (liaison_language_from_code (json_object_get_string_member_with_default (field, "source", NULL), &source))
        liaison_bilingual_set_source (slots[i].text, source);
      for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
        {
          JsonObject *lang;
          int         state = LIAISON_TRANSLATION_MISSING;

          if (!json_object_has_member (field, liaison_language_code (l)))
            continue;
          lang = json_object_get_object_member (field, liaison_language_code (l));
          liaison_enum_from_nick (LIAISON_TYPE_TRANSLATION_STATE,
                                  json_object_get_string_member_with_default (lang, "state", NULL), &state);
          liaison_bilingual_restore (slots[i].text, l, liaison_bilingual_get_text (slots[i].text, l), state,
                                     json_object_get_string_member_with_default (lang, "based_on", NULL));
        }
    }
}

gboolean
liaison_store_read_timestamps (LiaisonStore *self, const char *table, const char *id, char **created, char **modified, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT created, modified FROM %s WHERE id = ?", table);
  sqlite3_stmt    *stmt = liaison_store_stmt (self, sql, error);
  int              rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *created = column_dup (stmt, 0);
      *modified = column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Put back the timestamps a restored record had before it was deleted. */
static gboolean
write_timestamps (LiaisonStore *self, const char *table, const char *id, JsonObject *snapshot, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET created = coalesce (?, created),"
                                          " modified = coalesce (?, modified) WHERE id = ?",
                                          table);
  sqlite3_stmt    *stmt = liaison_store_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, json_object_get_string_member_with_default (snapshot, "created", NULL));
  bind_text (stmt, 2, json_object_get_string_member_with_default (snapshot, "modified", NULL));
  bind_text (stmt, 3, id);
  return liaison_store_step_done (self, stmt, error);
}

/* The last steps of deleting an event or a person: the row, its
 * translation states and search document, and the journal entry that
 * keeps a snapshot for undo. */
gboolean
liaison_store_delete_record (LiaisonStore *self,
                             const char   *table,
                             const char   *entity,
                             const char   *id,
                             LiaisonOrigin origin,
                             const char   *snapshot,
                             GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  sqlite3_stmt    *stmt = liaison_store_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;
  stmt = liaison_store_stmt (self, "DELETE FROM translation_states WHERE entity = ? AND entity_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, id);
  return liaison_store_step_done (self, stmt, error) && liaison_store_delete_search_doc (self, entity, id, error) &&
         liaison_store_journal (self, origin, "delete", entity, id, NULL, snapshot, NULL, error);
}

static int
field_index (const char *const *fields, guint n_fields, const char *field)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i], field) == 0)
      return (int) i;
  return -1;
}

static GError *
cannot_undo (const char *entity, const char *field)
{
  const char *field_name = field != NULL ? field : "";

  /* The field keeps its name in the database: it is what a bug report needs. */
  if (g_strcmp0 (entity, "event") == 0)
    return g_error_new (LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                        _ ("This change cannot be undone: the journal has no rule for the event field “%s”"),
                        field_name);
  if (g_strcmp0 (entity, "participant") == 0)
    return g_error_new (LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                        _ ("This change cannot be undone: the journal has no rule for the participant field “%s”"),
                        field_name);
  if (g_strcmp0 (entity, "registration") == 0)
    return g_error_new (LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                        _ ("This change cannot be undone: the journal has no rule for the registration field “%s”"),
                        field_name);
  return g_error_new (LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                      _ ("This change cannot be undone: the journal has no rule for “%1$s” of “%2$s”"), field_name,
                      entity != NULL ? entity : "");
}

static gboolean
undo_event_field (LiaisonStore *self, const char *id, const char *field, const char *old_value, GError **error)
{
  g_autoptr (LiaisonEvent) current = liaison_store_get_event (self, id, error);
  g_autoptr (LiaisonEvent) reverted = NULL;
  g_auto (LiaisonStoreValues) values = NULL;
  LiaisonBilingualSlot from[LIAISON_STORE_N_EVENT_SLOTS], to[LIAISON_STORE_N_EVENT_SLOTS];
  int                  i = field_index (liaison_store_event_fields, LIAISON_STORE_N_EVENT_FIELDS, field);

  if (current == NULL)
    return FALSE;
  if (i < 0)
    {
      g_propagate_error (error, cannot_undo ("event", field));
      return FALSE;
    }
  values = liaison_store_event_to_values (current);
  g_free (values[i]);
  values[i] = g_strdup (old_value);
  reverted = liaison_store_event_from_values (id, (const char *const *) values);
  /* The translation states stay as they are; staleness follows the text. */
  liaison_store_event_bilingual_slots (current, from);
  liaison_store_event_bilingual_slots (reverted, to);
  for (guint s = 0; s < G_N_ELEMENTS (from); s++)
    {
      liaison_bilingual_set_source (to[s].text, liaison_bilingual_get_source (from[s].text));
      for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
        liaison_bilingual_restore (to[s].text, l, liaison_bilingual_get_text (to[s].text, l),
                                   liaison_bilingual_get_state (from[s].text, l),
                                   liaison_bilingual_get_based_on (from[s].text, l));
    }
  return liaison_store_save_event (self, reverted, LIAISON_ORIGIN_LOCAL, error);
}

static gboolean
undo_participant_field (LiaisonStore *self, const char *id, const char *field, const char *old_value, GError **error)
{
  g_autoptr (LiaisonParticipant) current = liaison_store_get_participant (self, id, error);
  g_autoptr (LiaisonParticipant) reverted = NULL;
  g_auto (LiaisonStoreValues) values = NULL;
  int i = field_index (liaison_store_participant_fields, LIAISON_STORE_N_PARTICIPANT_FIELDS, field);

  if (current == NULL)
    return FALSE;
  if (i < 0)
    {
      g_propagate_error (error, cannot_undo ("participant", field));
      return FALSE;
    }
  values = liaison_store_participant_to_values (current);
  g_free (values[i]);
  values[i] = g_strdup (old_value);
  reverted = liaison_store_participant_from_values (id, (const char *const *) values);
  return liaison_store_save_participant (self, reverted, LIAISON_ORIGIN_LOCAL, error);
}

static gboolean
undo_registration_field (
    LiaisonStore *self, const char *id, const char *field, const char *old_value, const char *new_value, GError **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt    *stmt;

  /* Statuses go back as they were, past the transition rules: undoing
   * "attended" must reach "registered" again. */
  /* A merge moves registrations to the record it keeps. */
  if (g_strcmp0 (field, "status") != 0 && g_strcmp0 (field, "participant_id") != 0 &&
      field_index (liaison_store_registration_edit_fields, LIAISON_STORE_N_REGISTRATION_EDIT_FIELDS, field) < 0)
    {
      g_propagate_error (error, cannot_undo ("registration", field));
      return FALSE;
    }
  sql = g_strdup_printf ("UPDATE registrations SET %s = ? WHERE id = ?", field);
  stmt = liaison_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, old_value);
  bind_text (stmt, 2, id);
  return liaison_store_step_done (self, stmt, error) &&
         liaison_store_journal (self, LIAISON_ORIGIN_LOCAL, "update", "registration", id, field, new_value, old_value,
                                error);
}

static gboolean
restore_event (LiaisonStore *self, const char *id, JsonObject *snapshot, GError **error)
{
  g_autofree const char **col = snapshot_values (snapshot, liaison_store_event_fields, LIAISON_STORE_N_EVENT_FIELDS);
  g_autoptr (LiaisonEvent) event = liaison_store_event_from_values (id, col);
  LiaisonBilingualSlot slots[LIAISON_STORE_N_EVENT_SLOTS];

  liaison_store_event_bilingual_slots (event, slots);
  snapshot_restore_translations (snapshot, slots, G_N_ELEMENTS (slots));
  return liaison_store_save_event (self, event, LIAISON_ORIGIN_LOCAL, error) &&
         write_timestamps (self, "events", id, snapshot, error);
}

static gboolean
restore_participant (LiaisonStore *self, const char *id, JsonObject *snapshot, GError **error)
{
  g_autofree const char **col = snapshot_values (snapshot, liaison_store_participant_fields, LIAISON_STORE_N_PARTICIPANT_FIELDS);
  g_autoptr (LiaisonParticipant) p = liaison_store_participant_from_values (id, col);

  return liaison_store_save_participant (self, p, LIAISON_ORIGIN_LOCAL, error) &&
         write_timestamps (self, "participants", id, snapshot, error);
}

static gboolean
restore_registration (LiaisonStore *self, const char *id, JsonObject *snapshot, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("INSERT INTO registrations (id");
  sqlite3_stmt *stmt;

  for (guint i = 0; i < LIAISON_STORE_N_REGISTRATION_COLUMNS; i++)
    g_string_append_printf (sql, ", %s", liaison_store_registration_columns[i]);
  g_string_append (sql, ") VALUES (?");
  for (guint i = 0; i < LIAISON_STORE_N_REGISTRATION_COLUMNS; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");

  stmt = liaison_store_stmt (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  for (guint i = 0; i < LIAISON_STORE_N_REGISTRATION_COLUMNS; i++)
    bind_text (stmt, i + 2, json_object_get_string_member_with_default (snapshot, liaison_store_registration_columns[i], NULL));
  return liaison_store_step_done (self, stmt, error) &&
         liaison_store_journal (self, LIAISON_ORIGIN_LOCAL, "create", "registration", id, NULL, NULL, NULL, error);
}

typedef struct
{
  gint64        seq;
  LiaisonOrigin origin;
  char         *action;
  char         *entity;
  char         *entity_id;
  char         *field;
  char         *old_value;
  char         *new_value;
} UndoEntry;

static void
undo_entry_free (gpointer data)
{
  UndoEntry *e = data;

  g_free (e->action);
  g_free (e->entity);
  g_free (e->entity_id);
  g_free (e->field);
  g_free (e->old_value);
  g_free (e->new_value);
  g_free (e);
}

static gboolean
undo_one (LiaisonStore *self, UndoEntry *e, GError **error)
{
  gboolean is_event = g_str_equal (e->entity, "event");
  gboolean is_participant = g_str_equal (e->entity, "participant");
  gboolean is_registration = g_str_equal (e->entity, "registration");

  /* A merge's own entries (liaison-store-merge.c); the list of records
   * merged into a person follows the merges, and its entry only tells sync
   * to send the person again. */
  if (g_str_equal (e->entity, "merge") && (g_str_equal (e->action, "create") || g_strcmp0 (e->field, "undone") == 0))
    return liaison_store_undo_merge_entry (self, e->action, e->entity_id, error);
  if (is_participant && g_str_equal (e->action, "update") && g_strcmp0 (e->field, "merged") == 0)
    {
      g_autofree char *now_value = liaison_store_merged_into (self, e->entity_id);

      return liaison_store_journal (self, LIAISON_ORIGIN_LOCAL, "update", "participant", e->entity_id, "merged",
                                    e->new_value, now_value, error);
    }

  if (g_str_equal (e->action, "create"))
    {
      if (is_event)
        return liaison_store_delete_event (self, e->entity_id, LIAISON_ORIGIN_LOCAL, error);
      if (is_participant)
        return liaison_store_delete_participant (self, e->entity_id, LIAISON_ORIGIN_LOCAL, error);
      if (is_registration)
        return liaison_store_delete_registration_row (self, e->entity_id, LIAISON_ORIGIN_LOCAL, FALSE, NULL, error);
    }
  else if (g_str_equal (e->action, "delete"))
    {
      g_autoptr (JsonObject) snapshot = snapshot_parse (e->old_value, error);

      if (snapshot == NULL)
        return FALSE;
      if (is_event)
        return restore_event (self, e->entity_id, snapshot, error);
      if (is_participant)
        return restore_participant (self, e->entity_id, snapshot, error);
      if (is_registration)
        return restore_registration (self, e->entity_id, snapshot, error);
    }
  else if (g_str_equal (e->action, "update"))
    {
      if (is_event)
        return undo_event_field (self, e->entity_id, e->field, e->old_value, error);
      if (is_participant)
        return undo_participant_field (self, e->entity_id, e->field, e->old_value, error);
      if (is_registration)
        return undo_registration_field (self, e->entity_id, e->field, e->old_value, e->new_value, error);
    }

  g_propagate_error (error, cannot_undo (e->entity, e->field));
  return FALSE;
}

gboolean
liaison_store_undo (LiaisonStore *self, gint64 after_seq, GError **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (undo_entry_free);
  g_autoptr (GHashTable) remote = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (!liaison_store_begin (self, error))
    return FALSE;

  stmt = liaison_store_stmt (self,
                             "SELECT seq, origin, action, entity, entity_id, field, old_value, new_value"
                             " FROM journal WHERE seq > ? ORDER BY seq DESC",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, after_seq);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UndoEntry *e = g_new0 (UndoEntry, 1);

      e->seq = sqlite3_column_int64 (stmt, 0);
      e->origin = nick_value (LIAISON_TYPE_ORIGIN, (const char *) sqlite3_column_text (stmt, 1), LIAISON_ORIGIN_LOCAL);
      e->action = column_dup (stmt, 2);
      e->entity = column_dup (stmt, 3);
      e->entity_id = column_dup (stmt, 4);
      e->field = column_dup (stmt, 5);
      e->old_value = column_dup (stmt, 6);
      e->new_value = column_dup (stmt, 7);
      if (e->origin == LIAISON_ORIGIN_REMOTE)
        g_hash_table_add (remote, g_strconcat (e->entity, "/", e->entity_id, NULL));
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      goto fail;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      UndoEntry       *e = g_ptr_array_index (entries, i);
      g_autofree char *key = NULL;

      if (e->origin == LIAISON_ORIGIN_REMOTE)
        continue;
      key = g_strconcat (e->entity, "/", e->entity_id, NULL);
      /* Never write over what the other office changed meanwhile. */
      if (g_hash_table_contains (remote, key))
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       _ ("This can no longer be undone: the same record was changed by a sync since"));
          goto fail;
        }
      if (!undo_one (self, e, error))
        goto fail;
    }

  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}
