/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "liaison-store-merge.h"
#include "liaison-store-private.h"

/* Duplicates and merges (see liaison-store-merge.h). A merge's record, the
 * `record` column of `merges`, is JSON:
 *
 *   { "before": {field: value, …, "created", "modified"},   the survivor
 *     "after":  {…},                                        after the merge
 *     "merged": [ { "id", "name", "row": {…as "before"},
 *                   "moved": [registration ids moved to the survivor],
 *                   "removed": [registration rows, {column: value}],
 *                   "notes": [programme note ids], "officers": [ids],
 *                   "privacy": true when its consent scope row moved } ] }
 *
 * Values are the store's field values as text (liaison_store_participant_fields),
 * which save back to the same row. */

/* ------------------------------------------------------------------------ */
/* Fields                                                                    */

typedef struct
{
  const char *name;
  const char *label;
  const char *columns[4];
} MergeField;

static const MergeField merge_fields[] = {
  { "native-name", N_ ("Name in own script"), { "family_native", "given_native" } },
  { "latin-name", N_ ("Name in Latin script"), { "family_latin", "given_latin", "name_order" } },
  { "honorific", N_ ("Honorific"), { "honorific" } },
  { "gender", N_ ("Gender"), { "gender" } },
  { "organisation", N_ ("Organisation"), { "organisation_zh", "organisation_en" } },
  { "position", N_ ("Position"), { "position_zh", "position_en" } },
  { "sector", N_ ("Sector"), { "sector" } },
  { "country", N_ ("Country"), { "country" } },
  { "emails", N_ ("E-mail addresses"), { "emails" } },
  { "phones", N_ ("Telephone numbers"), { "phones" } },
  { "languages", N_ ("Languages"), { "languages" } },
  { "consent", N_ ("Consent"), { "consent", "consent_date" } },
};

const char *const *
liaison_store_merge_fields (void)
{
  static const char *names[G_N_ELEMENTS (merge_fields) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (merge_fields); i++)
      names[i] = merge_fields[i].name;
  return names;
}

static const MergeField *
find_merge_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (merge_fields); i++)
    if (g_strcmp0 (merge_fields[i].name, name) == 0)
      return &merge_fields[i];
  return NULL;
}

const char *
liaison_store_merge_field_label (const char *field)
{
  const MergeField *f = find_merge_field (field);

  return f != NULL ? g_dgettext (GETTEXT_PACKAGE, f->label) : NULL;
}

static int
column_index (const char *column)
{
  for (guint i = 0; i < LIAISON_STORE_N_PARTICIPANT_FIELDS; i++)
    if (g_str_equal (liaison_store_participant_fields[i], column))
      return (int) i;
  g_return_val_if_reached (-1);
}

/* ------------------------------------------------------------------------ */
/* Checks and the merged values                                              */

static gboolean
has_open_conflict (LiaisonStore *self,
                   const char   *id)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT 1 FROM sync_conflicts WHERE resolved IS NULL"
                                           " AND entity = 'participant' AND entity_id = ?",
                                           NULL);
  gboolean      found;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* The people of a merge, survivor first, each read and checked. */
static GPtrArray *
load_people (LiaisonStore      *self,
             const char        *survivor_id,
             const char *const *other_ids,
             GHashTable        *choices,
             GError           **error)
{
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer       key, value;

  if (survivor_id == NULL || other_ids == NULL || other_ids[0] == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("A merge needs at least two different records"));
      return NULL;
    }
  for (int i = -1; i < 0 || other_ids[i] != NULL; i++)
    {
      const char         *id = i < 0 ? survivor_id : other_ids[i];
      LiaisonParticipant *p;

      if (!g_hash_table_add (seen, (gpointer) id))
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       _ ("A record cannot be merged with itself (%s is named twice)"), id);
          return NULL;
        }
      p = liaison_store_get_participant (self, id, NULL);
      if (p == NULL)
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                       _ ("There is no person with the identifier %s"), id);
          return NULL;
        }
      g_ptr_array_add (people, p);
      if (has_open_conflict (self, id))
        {
          g_autofree char *name = liaison_participant_dup_display_name (p);

          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       _ ("%s has a change from the secretariat waiting in Changes to Review: resolve it before merging"),
                       name);
          return NULL;
        }
    }
  if (choices != NULL)
    {
      g_hash_table_iter_init (&iter, choices);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          if (find_merge_field (key) == NULL)
            {
              g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _ ("“%s” is not a field a merge chooses"), (const char *) key);
              return NULL;
            }
          if (value == NULL || !g_hash_table_contains (seen, value))
            {
              g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _ ("The value of “%1$s” must come from one of the records merged, not %2$s"),
                           (const char *) key, value != NULL ? (const char *) value : "");
              return NULL;
            }
        }
    }
  return g_steal_pointer (&people);
}

static gboolean
group_empty (char            **values,
             const MergeField *f)
{
  for (guint c = 0; c < G_N_ELEMENTS (f->columns) && f->columns[c] != NULL; c++)
    {
      const char *v = values[column_index (f->columns[c])];

      /* Defaults count as empty: unspecified, other, no consent. */
      if (v != NULL && *v != '\0' && !g_str_equal (v, "unspecified") && !g_str_equal (v, "0") &&
          !(g_str_equal (f->columns[c], "sector") && g_str_equal (v, "other")) &&
          !g_str_equal (f->columns[c], "name_order"))
        return FALSE;
    }
  return TRUE;
}

/* A list field (e-mails, phones: one a line), the survivor's first. */
static char *
union_lines (GPtrArray *all_values,
             int        col)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < all_values->len; i++)
    {
      char **values = g_ptr_array_index (all_values, i);
      g_auto (GStrv) lines = values[col] != NULL ? g_strsplit (values[col], "\n", -1) : NULL;

      for (guint l = 0; lines != NULL && lines[l] != NULL; l++)
        {
          gboolean dup = *lines[l] == '\0';

          for (guint k = 0; k < out->len && !dup; k++)
            dup = g_ascii_strcasecmp (g_ptr_array_index (out, k), lines[l]) == 0;
          if (!dup)
            g_ptr_array_add (out, g_strdup (lines[l]));
        }
    }
  if (out->len == 0)
    return NULL;
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("\n", (char **) out->pdata);
}

/* The survivor's values after the merge. */
static char **
merged_values (GPtrArray  *people,
               GPtrArray  *all_values,
               GHashTable *choices)
{
  char **values = liaison_store_values_new (LIAISON_STORE_N_PARTICIPANT_FIELDS);
  char **survivor = g_ptr_array_index (all_values, 0);

  for (guint i = 0; i < LIAISON_STORE_N_PARTICIPANT_FIELDS; i++)
    values[i] = g_strdup (survivor[i]);
  for (guint f = 0; f < G_N_ELEMENTS (merge_fields); f++)
    {
      const MergeField *field = &merge_fields[f];
      const char       *chosen = choices != NULL ? g_hash_table_lookup (choices, field->name) : NULL;
      guint             from = 0;

      if (chosen == NULL && (g_str_equal (field->name, "emails") || g_str_equal (field->name, "phones")))
        {
          int col = column_index (field->columns[0]);

          g_free (values[col]);
          values[col] = union_lines (all_values, col);
          continue;
        }
      if (chosen != NULL)
        {
          for (guint p = 0; p < people->len; p++)
            if (g_str_equal (liaison_participant_get_id (g_ptr_array_index (people, p)), chosen))
              from = p;
        }
      else
        for (guint p = 0; p < all_values->len && group_empty (g_ptr_array_index (all_values, from), field); p++)
          from = p;
      for (guint c = 0; c < G_N_ELEMENTS (field->columns) && field->columns[c] != NULL; c++)
        {
          int col = column_index (field->columns[c]);

          g_free (values[col]);
          values[col] = g_strdup (((char **) g_ptr_array_index (all_values, from))[col]);
        }
    }
  return values;
}

LiaisonParticipant *
liaison_store_merge_preview (LiaisonStore      *self,
                             const char        *survivor_id,
                             const char *const *other_ids,
                             GHashTable        *choices,
                             GError           **error)
{
  g_autoptr (GPtrArray) people = load_people (self, survivor_id, other_ids, choices, error);
  g_autoptr (GPtrArray) all_values = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_store_values_free);
  g_auto (LiaisonStoreValues) values = NULL;

  if (people == NULL)
    return NULL;
  for (guint i = 0; i < people->len; i++)
    g_ptr_array_add (all_values, liaison_store_participant_to_values (g_ptr_array_index (people, i)));
  values = merged_values (people, all_values, choices);
  return liaison_store_participant_from_values (survivor_id, (const char *const *) values);
}

/* ------------------------------------------------------------------------ */
/* Rows as JSON                                                              */

static void
add_values (JsonBuilder *b,
            char       **values,
            const char  *created,
            const char  *modified)
{
  json_builder_begin_object (b);
  for (guint i = 0; i < LIAISON_STORE_N_PARTICIPANT_FIELDS; i++)
    if (values[i] != NULL)
      {
        json_builder_set_member_name (b, liaison_store_participant_fields[i]);
        json_builder_add_string_value (b, values[i]);
      }
  json_builder_set_member_name (b, "created");
  json_builder_add_string_value (b, created);
  json_builder_set_member_name (b, "modified");
  json_builder_add_string_value (b, modified);
  json_builder_end_object (b);
}

static char **
values_from_json (JsonObject *o)
{
  char **values = liaison_store_values_new (LIAISON_STORE_N_PARTICIPANT_FIELDS);

  for (guint i = 0; i < LIAISON_STORE_N_PARTICIPANT_FIELDS; i++)
    values[i] = g_strdup (json_object_get_string_member_with_default (o, liaison_store_participant_fields[i], NULL));
  return values;
}

static gboolean
read_values (LiaisonStore *self,
             const char   *id,
             char       ***values,
             char        **created,
             char        **modified,
             GError      **error)
{
  g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (self, id, error);

  if (p == NULL)
    return FALSE;
  *values = liaison_store_participant_to_values (p);
  return liaison_store_read_timestamps (self, "participants", id, created, modified, error);
}

/* Every column of a registration, NULLs left out. */
static gboolean
add_registration_row (LiaisonStore *self,
                      JsonBuilder  *b,
                      const char   *id,
                      GError      **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT id");
  sqlite3_stmt *stmt;
  int           rc;

  for (guint i = 0; i < LIAISON_STORE_N_REGISTRATION_COLUMNS; i++)
    g_string_append_printf (sql, ", %s", liaison_store_registration_columns[i]);
  g_string_append (sql, " FROM registrations WHERE id = ?");
  stmt = liaison_store_stmt (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      for (guint i = 0; i <= LIAISON_STORE_N_REGISTRATION_COLUMNS; i++)
        if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
          {
            json_builder_set_member_name (b, i == 0 ? "id" : liaison_store_registration_columns[i - 1]);
            json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, i));
          }
      json_builder_end_object (b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      liaison_store_set_error (self, error, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_registration_row (LiaisonStore *self,
                         JsonObject   *row,
                         GError      **error)
{
  g_autoptr (GString) sql = g_string_new ("INSERT INTO registrations (id");
  const char   *id = json_object_get_string_member_with_default (row, "id", NULL);
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
    bind_text (stmt, i + 2, json_object_get_string_member_with_default (row, liaison_store_registration_columns[i], NULL));
  return liaison_store_step_done (self, stmt, error) &&
         liaison_store_journal (self, LIAISON_ORIGIN_LOCAL, "create", "registration", id, NULL, NULL, NULL, error);
}

/* Ids of a table's rows that belong to a person. */
static GPtrArray *
ids_of (LiaisonStore *self,
        const char   *sql,
        const char   *participant_id,
        GError      **error)
{
  GPtrArray    *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self, sql, error);
  int           rc;

  if (stmt == NULL)
    {
      g_ptr_array_unref (ids);
      return NULL;
    }
  bind_text (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      g_ptr_array_unref (ids);
      return NULL;
    }
  return ids;
}

static gboolean
set_owner (LiaisonStore *self,
           const char   *table,
           const char   *key,
           const char   *key_value,
           const char   *participant_id,
           GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET participant_id = ? WHERE %s = ?", table, key);
  sqlite3_stmt    *stmt = liaison_store_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, participant_id);
  bind_text (stmt, 2, key_value);
  return liaison_store_step_done (self, stmt, error);
}

static void
add_id_array (JsonBuilder *b,
              const char  *name,
              GPtrArray   *ids)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (ids, i));
  json_builder_end_array (b);
}

/* The merged-away ids of the merges in force that a survivor took in, one a
 * line (the sync field "merged"), or NULL. */
char *
liaison_store_merged_into (LiaisonStore *self,
                           const char   *survivor_id)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT group_concat (merged_ids, char (10)) FROM"
                                           " (SELECT merged_ids FROM merges WHERE survivor_id = ? AND undone IS NULL"
                                           " ORDER BY created, id)",
                                           NULL);
  char         *ids = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, survivor_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ids = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return ids;
}

/* The other rows a merge moved (notes, terms, consent scope): to the
 * survivor (forward) or back to their own records. */
static gboolean
move_side_rows (LiaisonStore *self,
                const char   *survivor_id,
                JsonObject   *record,
                gboolean      forward,
                GError      **error)
{
  JsonArray *merged = json_object_get_array_member (record, "merged");

  for (guint m = 0; merged != NULL && m < json_array_get_length (merged); m++)
    {
      JsonObject *o = json_array_get_object_element (merged, m);
      const char *id = json_object_get_string_member (o, "id");
      const char *owner = forward ? survivor_id : id;
      JsonArray  *notes = json_object_get_array_member (o, "notes");
      JsonArray  *officers = json_object_get_array_member (o, "officers");

      for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
        if (!set_owner (self, "programme_notes", "id", json_array_get_string_element (notes, i), owner, error))
          return FALSE;
      for (guint i = 0; officers != NULL && i < json_array_get_length (officers); i++)
        if (!set_owner (self, "liaison_officers", "id", json_array_get_string_element (officers, i), owner, error))
          return FALSE;
      if (json_object_get_boolean_member_with_default (o, "privacy", FALSE) &&
          !set_owner (self, "participant_privacy", "participant_id", forward ? id : survivor_id, owner, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Merge                                                                     */

static gboolean
journal_merged_field (LiaisonStore *self,
                      const char   *survivor_id,
                      const char   *old_value,
                      GError      **error)
{
  g_autofree char *now_value = liaison_store_merged_into (self, survivor_id);

  if (g_strcmp0 (old_value, now_value) == 0)
    return TRUE;
  /* Feeds the outbox: the survivor's card names what it took in. */
  return liaison_store_journal (self, LIAISON_ORIGIN_LOCAL, "update", "participant", survivor_id, "merged", old_value,
                                now_value, error);
}

static gboolean
has_privacy_row (LiaisonStore *self,
                 const char   *id)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT 1 FROM participant_privacy WHERE participant_id = ?", NULL);
  gboolean      found;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
write_merged (LiaisonStore *self,
              const char   *survivor_id,
              GPtrArray    *people,
              GHashTable   *choices,
              JsonBuilder  *b,
              GError      **error)
{
  g_autoptr (GPtrArray) all_values = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_store_values_free);
  g_autoptr (GHashTable) events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (LiaisonStoreValues) values = NULL;
  g_auto (LiaisonStoreValues) after = NULL;
  g_autoptr (LiaisonParticipant) merged = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *merged_before = liaison_store_merged_into (self, survivor_id);
  const char      *consent_from = choices != NULL ? g_hash_table_lookup (choices, "consent") : NULL;
  gboolean         survivor_privacy = has_privacy_row (self, survivor_id);

  for (guint i = 0; i < people->len; i++)
    g_ptr_array_add (all_values, liaison_store_participant_to_values (g_ptr_array_index (people, i)));
  if (!liaison_store_read_timestamps (self, "participants", survivor_id, &created, &modified, error))
    return FALSE;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "before");
  add_values (b, g_ptr_array_index (all_values, 0), created, modified);

  {
    g_autoptr (GPtrArray) own = ids_of (self, "SELECT event_id FROM registrations WHERE participant_id = ?", survivor_id, error);

    if (own == NULL)
      return FALSE;
    for (guint i = 0; i < own->len; i++)
      g_hash_table_add (events, g_strdup (g_ptr_array_index (own, i)));
  }

  json_builder_set_member_name (b, "merged");
  json_builder_begin_array (b);
  for (guint p = 1; p < people->len; p++)
    {
      LiaisonParticipant *other = g_ptr_array_index (people, p);
      const char         *id = liaison_participant_get_id (other);
      g_autofree char    *name = liaison_participant_dup_display_name (other);
      g_autofree char    *o_created = NULL;
      g_autofree char    *o_modified = NULL;
      g_autoptr (GPtrArray) regs = NULL;
      g_autoptr (GPtrArray) moved = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) notes = NULL;
      g_autoptr (GPtrArray) officers = NULL;
      gboolean privacy = FALSE;

      if (!liaison_store_read_timestamps (self, "participants", id, &o_created, &o_modified, error))
        return FALSE;
      regs = ids_of (self, "SELECT id || char (10) || event_id FROM registrations WHERE participant_id = ? ORDER BY id", id, error);
      notes = ids_of (self, "SELECT id FROM programme_notes WHERE participant_id = ? ORDER BY id", id, error);
      officers = ids_of (self, "SELECT id FROM liaison_officers WHERE participant_id = ? ORDER BY id", id, error);
      if (regs == NULL || notes == NULL || officers == NULL)
        return FALSE;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, name);
      json_builder_set_member_name (b, "row");
      add_values (b, g_ptr_array_index (all_values, p), o_created, o_modified);

      /* Registrations: moved, or removed where the survivor is registered
       * for the same event already (its own registration stays). */
      json_builder_set_member_name (b, "removed");
      json_builder_begin_array (b);
      for (guint r = 0; r < regs->len; r++)
        {
          char *line = g_ptr_array_index (regs, r);
          char *event_id = strchr (line, '\n');

          *event_id++ = '\0';
          if (g_hash_table_contains (events, event_id))
            {
              if (!add_registration_row (self, b, line, error) ||
                  !liaison_store_delete_registration_row (self, line, LIAISON_ORIGIN_LOCAL, FALSE, NULL, error))
                return FALSE;
              g_ptr_array_add (removed, g_strdup (line));
              continue;
            }
          g_hash_table_add (events, g_strdup (event_id));
          if (!set_owner (self, "registrations", "id", line, survivor_id, error) ||
              !liaison_store_journal (self, LIAISON_ORIGIN_LOCAL, "update", "registration", line, "participant_id", id,
                                      survivor_id, error))
            return FALSE;
          g_ptr_array_add (moved, g_strdup (line));
        }
      json_builder_end_array (b);
      add_id_array (b, "moved", moved);
      add_id_array (b, "notes", notes);
      add_id_array (b, "officers", officers);

      /* The consent scope goes with the consent chosen, where the
       * survivor has none of its own. */
      if (!survivor_privacy && has_privacy_row (self, id) &&
          (g_strcmp0 (consent_from, id) == 0 || (consent_from == NULL && p == 1)))
        {
          privacy = TRUE;
          survivor_privacy = TRUE;
        }
      json_builder_set_member_name (b, "privacy");
      json_builder_add_boolean_value (b, privacy);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  values = merged_values (people, all_values, choices);
  merged = liaison_store_participant_from_values (survivor_id, (const char *const *) values);
  if (!liaison_store_save_participant (self, merged, LIAISON_ORIGIN_LOCAL, error))
    return FALSE;
  for (guint p = 1; p < people->len; p++)
    if (!liaison_store_delete_participant (self, liaison_participant_get_id (g_ptr_array_index (people, p)),
                                           LIAISON_ORIGIN_LOCAL, error))
      return FALSE;

  g_clear_pointer (&created, g_free);
  g_clear_pointer (&modified, g_free);
  if (!read_values (self, survivor_id, &after, &created, &modified, error))
    return FALSE;
  json_builder_set_member_name (b, "after");
  add_values (b, after, created, modified);
  json_builder_set_member_name (b, "merged_before");
  json_builder_add_string_value (b, merged_before);
  json_builder_end_object (b);
  return TRUE;
}

char *
liaison_store_merge_participants (LiaisonStore      *self,
                                  const char        *survivor_id,
                                  const char *const *other_ids,
                                  GHashTable        *choices,
                                  GError           **error)
{
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonObject) record = NULL;
  g_autofree char *id = liaison_uuid_new ();
  g_autofree char *now = liaison_store_now ();
  g_autofree char *text = NULL;
  g_autofree char *merged_ids = NULL;
  g_autofree char *merged_before = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  if (!liaison_store_begin (self, error))
    return NULL;
  people = load_people (self, survivor_id, other_ids, choices, error);
  if (people == NULL)
    goto fail;
  merged_before = liaison_store_merged_into (self, survivor_id);
  if (!write_merged (self, survivor_id, people, choices, b, error))
    goto fail;
  root = json_builder_get_root (b);
  record = json_object_ref (json_node_get_object (root));
  /* The notes, terms and consent scope follow, recorded first. */
  if (!move_side_rows (self, survivor_id, record, TRUE, error))
    goto fail;
  text = json_to_string (root, FALSE);
  merged_ids = g_strjoinv ("\n", (char **) other_ids);
  stmt = liaison_store_stmt (self, "INSERT INTO merges (id, survivor_id, merged_ids, created, record) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, survivor_id);
  bind_text (stmt, 3, merged_ids);
  bind_text (stmt, 4, now);
  bind_text (stmt, 5, text);
  if (!liaison_store_step_done (self, stmt, error) || !journal_merged_field (self, survivor_id, merged_before, error) ||
      /* Last: undo reads it first, and moves the other rows back. */
      !liaison_store_journal (self, LIAISON_ORIGIN_LOCAL, "create", "merge", id, NULL, NULL, merged_ids, error))
    goto fail;
  if (!liaison_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&id);

fail:
  liaison_store_rollback (self);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Unmerge                                                                   */

static JsonObject *
parse_record (const char *text,
              GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("The record of this merge cannot be read, so it cannot be undone"));
      return NULL;
    }
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gboolean
write_timestamps (LiaisonStore *self,
                  const char   *id,
                  JsonObject   *row,
                  GError      **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "UPDATE participants SET created = ?, modified = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, json_object_get_string_member (row, "created"));
  bind_text (stmt, 2, json_object_get_string_member (row, "modified"));
  bind_text (stmt, 3, id);
  return liaison_store_step_done (self, stmt, error);
}

static gboolean
save_values (LiaisonStore *self,
             const char   *id,
             char        **values,
             GError      **error)
{
  g_autoptr (LiaisonParticipant) p = liaison_store_participant_from_values (id, (const char *const *) values);

  return liaison_store_save_participant (self, p, LIAISON_ORIGIN_LOCAL, error);
}

static gboolean
exists (LiaisonStore *self,
        const char   *sql,
        const char   *id)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, sql, NULL);
  gboolean      found;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
restore_merged (LiaisonStore *self,
                const char   *survivor_id,
                JsonObject   *record,
                GError      **error)
{
  JsonArray *merged = json_object_get_array_member (record, "merged");
  g_auto (LiaisonStoreValues) current = NULL;
  g_auto (LiaisonStoreValues) before = values_from_json (json_object_get_object_member (record, "before"));
  g_auto (LiaisonStoreValues) after = values_from_json (json_object_get_object_member (record, "after"));
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  gboolean         edited = FALSE;

  /* The people first, as they were. */
  for (guint m = 0; m < json_array_get_length (merged); m++)
    {
      JsonObject *o = json_array_get_object_element (merged, m);
      const char *id = json_object_get_string_member (o, "id");
      JsonObject *row = json_object_get_object_member (o, "row");
      g_auto (LiaisonStoreValues) values = values_from_json (row);

      if (exists (self, "SELECT 1 FROM participants WHERE id = ?", id))
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       _ ("This merge cannot be undone: the record %s exists again"), id);
          return FALSE;
        }
      if (!save_values (self, id, values, error) || !write_timestamps (self, id, row, error))
        return FALSE;
    }
  /* Then what hung on them. */
  for (guint m = 0; m < json_array_get_length (merged); m++)
    {
      JsonObject *o = json_array_get_object_element (merged, m);
      const char *id = json_object_get_string_member (o, "id");
      JsonArray  *moved = json_object_get_array_member (o, "moved");
      JsonArray  *removed = json_object_get_array_member (o, "removed");

      for (guint i = 0; i < json_array_get_length (moved); i++)
        {
          const char *reg = json_array_get_string_element (moved, i);

          /* One cancelled and removed since stays removed. */
          if (!exists (self, "SELECT 1 FROM registrations WHERE id = ?", reg))
            continue;
          if (!set_owner (self, "registrations", "id", reg, id, error) ||
              !liaison_store_journal (self, LIAISON_ORIGIN_LOCAL, "update", "registration", reg, "participant_id",
                                      survivor_id, id, error))
            return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (removed); i++)
        {
          JsonObject *row = json_array_get_object_element (removed, i);

          if (!exists (self, "SELECT 1 FROM registrations WHERE id = ?", json_object_get_string_member (row, "id")) &&
              !insert_registration_row (self, row, error))
            return FALSE;
        }
    }
  if (!move_side_rows (self, survivor_id, record, FALSE, error))
    return FALSE;

  /* The survivor: what the merge changed goes back, what was edited since
   * stays. */
  if (!read_values (self, survivor_id, &current, &created, &modified, error))
    return FALSE;
  for (guint i = 0; i < LIAISON_STORE_N_PARTICIPANT_FIELDS; i++)
    {
      if (g_str_equal (liaison_store_participant_fields[i], "sort_key"))
        continue;
      if (g_strcmp0 (current[i], after[i]) != 0)
        edited = TRUE;
      else
        {
          g_free (current[i]);
          current[i] = g_strdup (before[i]);
        }
    }
  if (!save_values (self, survivor_id, current, error))
    return FALSE;
  if (!edited && !write_timestamps (self, survivor_id, json_object_get_object_member (record, "before"), error))
    return FALSE;
  return TRUE;
}

static char *
resolve_merge (LiaisonStore *self,
               const char   *id_or_prefix,
               GError      **error)
{
  /* Its messages say what was not found, or that a prefix is ambiguous. */
  return liaison_store_resolve_prefix (self, "merges", id_or_prefix, error);
}

gboolean
liaison_store_unmerge (LiaisonStore *self,
                       const char   *merge_id,
                       GError      **error)
{
  g_autofree char *id = NULL;
  g_autofree char *survivor_id = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *text = NULL;
  g_autofree char *merged_ids = NULL;
  g_autofree char *merged_before = NULL;
  g_autofree char *now = liaison_store_now ();
  g_autoptr (JsonObject) record = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (!liaison_store_begin (self, error))
    return FALSE;
  id = resolve_merge (self, merge_id, error);
  if (id == NULL)
    goto fail;
  stmt = liaison_store_stmt (self, "SELECT survivor_id, undone, record, merged_ids FROM merges WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      survivor_id = column_dup (stmt, 0);
      undone = column_dup (stmt, 1);
      text = column_dup (stmt, 2);
      merged_ids = column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      liaison_store_set_error (self, error, rc);
      goto fail;
    }
  if (undone != NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("This merge was already undone (%s)"), undone);
      goto fail;
    }
  if (!exists (self, "SELECT 1 FROM participants WHERE id = ?", survivor_id))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("This merge cannot be undone: the record it kept (%s) was deleted since"), survivor_id);
      goto fail;
    }
  record = parse_record (text, error);
  if (record == NULL)
    goto fail;
  merged_before = liaison_store_merged_into (self, survivor_id);
  if (!restore_merged (self, survivor_id, record, error))
    goto fail;
  stmt = liaison_store_stmt (self, "UPDATE merges SET undone = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, now);
  bind_text (stmt, 2, id);
  if (!liaison_store_step_done (self, stmt, error) || !journal_merged_field (self, survivor_id, merged_before, error) ||
      !liaison_store_journal (self, LIAISON_ORIGIN_LOCAL, "update", "merge", id, "undone", NULL, now, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

/* Undo (liaison-store-undo.c) of the journal entries a merge writes that
 * are not a record's own: the merge's "create" (moves the notes, terms and
 * consent back and forgets the merge; the rest is undone by the entries
 * before it) and an unmerge's "undone" (the merge is in force again). */
gboolean
liaison_store_undo_merge_entry (LiaisonStore *self,
                                const char   *action,
                                const char   *merge_id,
                                GError      **error)
{
  g_autofree char *survivor_id = NULL;
  g_autofree char *text = NULL;
  g_autoptr (JsonObject) record = NULL;
  gboolean      create = g_strcmp0 (action, "create") == 0;
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT survivor_id, record FROM merges WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, merge_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      survivor_id = column_dup (stmt, 0);
      text = column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  record = parse_record (text, error);
  if (record == NULL || !move_side_rows (self, survivor_id, record, !create, error))
    return FALSE;
  stmt = liaison_store_stmt (self, create ? "DELETE FROM merges WHERE id = ?" : "UPDATE merges SET undone = NULL WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, merge_id);
  return liaison_store_step_done (self, stmt, error) &&
         liaison_store_journal (self, LIAISON_ORIGIN_LOCAL, create ? "delete" : "update", "merge", merge_id,
                                create ? NULL : "undone", NULL, NULL, error);
}

/* ------------------------------------------------------------------------ */
/* The list                                                                  */

void
liaison_merge_record_free (LiaisonMergeRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->id);
  g_free (record->time);
  g_free (record->undone);
  g_free (record->survivor_id);
  g_free (record->survivor_name);
  g_strfreev (record->merged_ids);
  g_strfreev (record->merged_names);
  g_free (record);
}

static char *
name_of (JsonObject *row)
{
  g_auto (LiaisonStoreValues) values = values_from_json (row);
  g_autoptr (LiaisonParticipant) p = liaison_store_participant_from_values ("", (const char *const *) values);

  return liaison_participant_dup_display_name (p);
}

static LiaisonMergeRecord *
record_from_row (sqlite3_stmt *stmt)
{
  LiaisonMergeRecord *r = g_new0 (LiaisonMergeRecord, 1);
  g_autoptr (JsonObject) record = parse_record ((const char *) sqlite3_column_text (stmt, 4), NULL);
  JsonArray *merged = record != NULL ? json_object_get_array_member (record, "merged") : NULL;
  guint      n = merged != NULL ? json_array_get_length (merged) : 0;

  r->id = column_dup (stmt, 0);
  r->survivor_id = column_dup (stmt, 1);
  r->time = column_dup (stmt, 2);
  r->undone = column_dup (stmt, 3);
  r->survivor_name = record != NULL ? name_of (json_object_get_object_member (record, "after")) : g_strdup ("");
  r->merged_ids = g_new0 (char *, n + 1);
  r->merged_names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *o = json_array_get_object_element (merged, i);

      r->merged_ids[i] = g_strdup (json_object_get_string_member (o, "id"));
      r->merged_names[i] = g_strdup (json_object_get_string_member_with_default (o, "name", ""));
    }
  return r;
}

GPtrArray *
liaison_store_list_merges (LiaisonStore *self,
                           const char   *participant_id,
                           gboolean      include_undone,
                           GError      **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_merge_record_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT id, survivor_id, created, undone, record FROM merges"
                                           " WHERE (?1 OR undone IS NULL) AND (?2 IS NULL OR survivor_id = ?2"
                                           " OR instr (char (10) || merged_ids || char (10), char (10) || ?2 || char (10)) > 0)"
                                           " ORDER BY created DESC, id DESC",
                                           error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_undone);
  bind_text (stmt, 2, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, record_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

LiaisonMergeRecord *
liaison_store_get_merge (LiaisonStore *self,
                         const char   *id_or_prefix,
                         GError      **error)
{
  g_autofree char    *id = resolve_merge (self, id_or_prefix, error);
  LiaisonMergeRecord *r = NULL;
  sqlite3_stmt       *stmt;

  if (id == NULL)
    return NULL;
  stmt = liaison_store_stmt (self, "SELECT id, survivor_id, created, undone, record FROM merges WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    r = record_from_row (stmt);
  sqlite3_reset (stmt);
  if (r == NULL)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND, _ ("There is no merge with the identifier %s"), id);
  return r;
}
