/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "liaison-resource.h"
#include "liaison-seed.h"
#include "liaison-store-private.h"
#include "liaison-store-resources.h"

#define MIGRATIONS_PATH "/org/chinaaseanenv/Liaison/migrations"

struct _LiaisonStore
{
  GObject parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;
  guint       depth;
  int         version;

  /* In a bulk load, nested changes skip their savepoints (each costs a
   * copy of every page it touches) and the load is all or nothing: a
   * change that fails after writing spoils the whole load. */
  gboolean bulk;
  gboolean bulk_spoiled;
  GArray  *bulk_changes;
  /* People registered in a bulk load, in order (liaison_store_note_activity):
   * their search documents move once, at its end, unless the load wrote
   * them already (those after bulk_docid). */
  GPtrArray *bulk_active;
  gint64     bulk_docid;

  /* Queries off the main thread: one worker, its own read-only
   * connection (liaison_store_query_async). */
  gboolean      read_only;
  GThreadPool  *workers;
  LiaisonStore *reader;
};

G_DEFINE_FINAL_TYPE (LiaisonStore, liaison_store, G_TYPE_OBJECT)

/* The quark's name is stringified: keep its dashes. */
/* clang-format off */
G_DEFINE_QUARK (liaison-store-error-quark, liaison_store_error)
/* clang-format on */

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
liaison_journal_entry_free (LiaisonJournalEntry *entry)
{
  g_free (entry->time);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

/* ------------------------------------------------------------------------ */
/* sqlite plumbing                                                           */

char liaison_store_values_end[] = "";

char **
liaison_store_values_new (guint n_fields)
{
  char **values = g_new0 (char *, n_fields + 1);

  values[n_fields] = liaison_store_values_end;
  return values;
}

void
liaison_store_values_free (char **values)
{
  if (values == NULL)
    return;
  for (guint i = 0; values[i] != liaison_store_values_end; i++)
    g_free (values[i]);
  g_free (values);
}

void
liaison_store_set_error (LiaisonStore *self, GError **error, int rc)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = LIAISON_STORE_ERROR_FULL;
      g_set_error (error, LIAISON_STORE_ERROR, code, _ ("The disk holding %s is full; nothing was changed"), self->path);
      return;
    case SQLITE_READONLY:
      code = LIAISON_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = LIAISON_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_CONSTRAINT:
      code = LIAISON_STORE_ERROR_INVALID;
      break;
    default:
      code = LIAISON_STORE_ERROR_SQL;
    }

  g_set_error (error, LIAISON_STORE_ERROR, code, "%s: %s", self->path,
               self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
}

sqlite3_stmt *
liaison_store_stmt (LiaisonStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int           rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
liaison_store_exec (LiaisonStore *self, const char *sql, GError **error)
{
  char *message = NULL;
  int   rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_NOTADB)
        liaison_store_set_error (self, error, rc);
      else
        g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_SQL, "%s: %s", self->path,
                     message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gboolean
liaison_store_step_done (LiaisonStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

guint
liaison_store_count_rows (LiaisonStore *self, const char *sql)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, sql, NULL);
  guint         n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

/* Nested changes use savepoints, so a bulk import is still one transaction. */
gboolean
liaison_store_begin (LiaisonStore *self, GError **error)
{
  g_autofree char *sql = NULL;

  if (self->bulk && self->depth > 0)
    {
      int changes = sqlite3_total_changes (self->db);

      g_array_append_val (self->bulk_changes, changes);
      self->depth++;
      return TRUE;
    }

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT s%u", self->depth);
  if (!liaison_store_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

/* Several reads as one: outside a transaction each statement takes and
 * drops the WAL's read lock (two fcntl calls) and checks its page cache
 * again; a search and the 200 people it shows were 40% of their time in
 * that. Nothing is begun inside a transaction (FALSE): the reads are
 * already in one. Pass what it returned to liaison_store_end_read. */
gboolean
liaison_store_begin_read (LiaisonStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    return FALSE;
  return liaison_store_exec (self, "BEGIN", NULL);
}

void
liaison_store_end_read (LiaisonStore *self, gboolean begun)
{
  /* Nothing was written: the end of a read cannot fail to keep anything. */
  if (begun && !liaison_store_exec (self, "COMMIT", NULL))
    liaison_store_exec (self, "ROLLBACK", NULL);
}

gboolean
liaison_store_commit (LiaisonStore *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->bulk && self->depth > 1)
    {
      g_array_set_size (self->bulk_changes, self->bulk_changes->len - 1);
      self->depth--;
      return TRUE;
    }

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE s%u", self->depth - 1);
  if (!liaison_store_exec (self, sql, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  if (self->depth == 0)
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
liaison_store_rollback (LiaisonStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->depth > 0);

  if (self->bulk && self->depth > 1)
    {
      int before = g_array_index (self->bulk_changes, int, self->bulk_changes->len - 1);

      /* Refused before it wrote anything (a duplicate, a rule): harmless. */
      if (sqlite3_total_changes (self->db) != before)
        self->bulk_spoiled = TRUE;
      g_array_set_size (self->bulk_changes, self->bulk_changes->len - 1);
      self->depth--;
      return;
    }

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO s%u; RELEASE s%u", self->depth - 1, self->depth - 1);
  /* After some errors sqlite has already rolled back: nothing to report. */
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->depth--;
}

/* In a bulk load, keeps a participant's activity for its end and says
 * TRUE; else FALSE. */
gboolean
liaison_store_defer_activity (LiaisonStore *self, const char *participant_id)
{
  if (!self->bulk)
    return FALSE;
  g_ptr_array_add (self->bulk_active, g_strdup (participant_id));
  return TRUE;
}

gboolean
liaison_store_begin_bulk (LiaisonStore *self, GError **error)
{
  g_return_val_if_fail (self->depth == 0, FALSE);

  /* A bulk load touches far more pages than the default 2 MB cache holds;
   * spilling them to the WAL mid-transaction costs more than the work. */
  if (!liaison_store_exec (self, "PRAGMA cache_size = -262144", error) || !liaison_store_begin (self, error))
    return FALSE;
  self->bulk = TRUE;
  self->bulk_spoiled = FALSE;
  g_array_set_size (self->bulk_changes, 0);
  g_ptr_array_set_size (self->bulk_active, 0);
  self->bulk_docid = liaison_store_last_docid (self, "participant");
  return TRUE;
}

gboolean
liaison_store_end_bulk (LiaisonStore *self, gboolean commit, GError **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (self->bulk && self->depth == 1, FALSE);

  self->bulk = FALSE;
  if (commit && !self->bulk_spoiled && !liaison_store_move_search_docs (self, self->bulk_active, self->bulk_docid, error))
    {
      commit = FALSE;
      ok = FALSE;
    }
  g_ptr_array_set_size (self->bulk_active, 0);
  if (commit && self->bulk_spoiled)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("%s: a change failed halfway, so none of this batch was saved"), self->path);
      commit = FALSE;
      ok = FALSE;
    }
  if (!commit)
    liaison_store_rollback (self);
  else
    ok = liaison_store_commit (self, error);
  sqlite3_exec (self->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
  return ok;
}

/* The same text as g_date_time_format ("%Y-%m-%dT%H:%M:%S.%fZ"), for a
 * tenth of the cost: every change is stamped with it. */
char *
liaison_store_now (void)
{
  gint64    usec = g_get_real_time ();
  time_t    secs = (time_t) (usec / G_USEC_PER_SEC);
  struct tm tm;

  gmtime_r (&secs, &tm);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                          tm.tm_hour, tm.tm_min, tm.tm_sec, (int) (usec % G_USEC_PER_SEC));
}

gboolean
liaison_store_journal (LiaisonStore *self,
                       LiaisonOrigin origin,
                       const char   *action,
                       const char   *entity,
                       const char   *entity_id,
                       const char   *field,
                       const char   *old_value,
                       const char   *new_value,
                       GError      **error)
{
  sqlite3_stmt    *stmt;
  g_autofree char *now = liaison_store_now ();

  stmt =
      liaison_store_stmt (self,
                          "INSERT INTO journal (time, origin, action, entity, entity_id, field, old_value, new_value)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, now);
  bind_text (stmt, 2, liaison_enum_to_nick (LIAISON_TYPE_ORIGIN, origin));
  bind_text (stmt, 3, action);
  bind_text (stmt, 4, entity);
  bind_text (stmt, 5, entity_id);
  bind_text (stmt, 6, field);
  bind_text (stmt, 7, old_value);
  bind_text (stmt, 8, new_value);
  return liaison_store_step_done (self, stmt, error);
}

gboolean
liaison_store_journal_diff (LiaisonStore      *self,
                            LiaisonOrigin      origin,
                            const char        *entity,
                            const char        *id,
                            const char *const *fields,
                            guint              n_fields,
                            char             **old_values,
                            char             **new_values,
                            GError           **error)
{
  if (old_values == NULL)
    return liaison_store_journal (self, origin, "create", entity, id, NULL, NULL, NULL, error);

  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (old_values[i], new_values[i]) != 0 &&
        !liaison_store_journal (self, origin, "update", entity, id, fields[i], old_values[i], new_values[i], error))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Opening and migrating                                                     */

char *
liaison_store_default_path (void)
{
  const char *env = g_getenv ("LIAISON_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "liaison", "liaison.db", NULL);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The resource is registered by hand: see liaison-resource.c. */
GResource *
liaison_store_resource (void)
{
  static GResource *resource;

  if (g_once_init_enter (&resource))
    {
      liaison_store_register_resource ();
      g_once_init_leave (&resource, liaison_resource_get (liaison_store_get_resource));
    }
  return resource;
}

static char **
list_migrations (void)
{
  char **names =
      g_resource_enumerate_children (liaison_store_resource (), MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (names != NULL);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}

int
liaison_store_latest_version (void)
{
  g_auto (GStrv) names = list_migrations ();

  return (int) g_strv_length (names);
}

static gboolean
writable_dir (const char *dir)
{
  struct stat st;

  /* Permission bits are honoured even for root, so a folder someone made
   * read-only is never written to. */
  if (g_stat (dir, &st) != 0)
    return FALSE;
  return (st.st_mode & 0222) != 0 && access (dir, W_OK) == 0;
}

static gboolean
check_location (const char *path, gboolean *exists, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat      st;

  if (g_stat (path, &st) == 0)
    {
      *exists = TRUE;
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_OPEN, _ ("%s is not a file"), path);
          return FALSE;
        }
      if ((st.st_mode & 0222) == 0 || access (path, R_OK | W_OK) != 0)
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY,
                       _ ("The database %s is read-only; Liaison needs to write to it"), path);
          return FALSE;
        }
    }
  else
    {
      *exists = FALSE;
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY,
                       _ ("Cannot create the folder %1$s for the database: %2$s"), dir, g_strerror (saved));
          return FALSE;
        }
    }

  /* WAL keeps two files beside the database: the folder must be writable. */
  if (!writable_dir (dir))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY,
                   _ ("The folder %s is not writable; Liaison keeps its database and journal files there"), dir);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_version (LiaisonStore *self, int *version, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
        g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_CORRUPT,
                     _ ("%1$s is not a Liaison database or is damaged (%2$s); it was left as it is"), self->path,
                     sqlite3_errstr (rc));
      else
        liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_integrity (LiaisonStore *self, GError **error)
{
  sqlite3_stmt    *stmt = NULL;
  int              rc;
  gboolean         ok = FALSE;
  g_autofree char *detail = NULL;

  /* Reading the schema catches a damaged file before anything is written. */
  rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (!ok)
    detail = g_strdup (sqlite3_errmsg (self->db));

  if (!ok)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_CORRUPT,
                 _ ("%1$s is not a Liaison database or is damaged (%2$s); it was left as it is"), self->path,
                 detail ? detail : "?");
  return ok;
}

/* A file Liaison did not make (another program's SQLite file, Firefox's
 * history) is level 0 with tables in it: not new, and not converted. */
static gboolean
check_not_foreign (LiaisonStore *self, GError **error)
{
  sqlite3_stmt    *stmt = NULL;
  g_autofree char *table = NULL;
  int              rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT name FROM sqlite_schema ORDER BY rowid LIMIT 1", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_CORRUPT,
                   _ ("%1$s is not a Liaison database or is damaged (%2$s); it was left as it is"), self->path,
                   sqlite3_errmsg (self->db));
      return FALSE;
    }
  if (table != NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_CORRUPT,
                   _ ("%1$s is not a Liaison database: it holds another program's data (the table “%2$s”). "
                      "It was left as it is; give Liaison a file of its own."),
                   self->path, table);
      return FALSE;
    }
  return TRUE;
}

/* "table\tcolumn" for every column of every table of a database. */
static GHashTable *
read_columns (sqlite3 *db)
{
  GHashTable   *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info (m.name) c"
                          " WHERE m.type = 'table' ORDER BY m.rowid, c.cid",
                          -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_hash_table_add (columns, g_strdup_printf ("%s\t%s", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return columns;
}

/* The tables and columns of a level, as its migrations make them in an
 * empty database: read once a process, for each level asked for. */
static GHashTable *
expected_columns (int version)
{
  static GMutex      lock;
  static GHashTable *levels;
  GHashTable        *columns;

  g_mutex_lock (&lock);
  if (levels == NULL)
    levels = g_hash_table_new (NULL, NULL);
  columns = g_hash_table_lookup (levels, GINT_TO_POINTER (version));
  if (columns == NULL)
    {
      g_auto (GStrv) names = list_migrations ();
      sqlite3 *db = NULL;

      sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
      for (int i = 0; i < version && names[i] != NULL; i++)
        {
          g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);
          g_autoptr (GBytes) bytes = g_resource_lookup_data (liaison_store_resource (), path, 0, NULL);
          g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

          if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
            g_critical ("Migration %s does not apply to an empty database: %s", names[i], sqlite3_errmsg (db));
        }
      columns = read_columns (db);
      sqlite3_close (db);
      g_hash_table_insert (levels, GINT_TO_POINTER (version), columns);
    }
  g_mutex_unlock (&lock);
  return columns;
}

/* A file of level N has the tables and columns of level N: one with a
 * table dropped is named now, not by a raw "no such table" later. */
static gboolean
check_schema (LiaisonStore *self, GError **error)
{
  GHashTable *expected = expected_columns (self->version);
  g_autoptr (GHashTable) actual = read_columns (self->db);
  g_autoptr (GList) wanted = g_hash_table_get_keys (expected);

  wanted = g_list_sort (wanted, (GCompareFunc) strcmp);
  for (GList *l = wanted; l != NULL; l = l->next)
    if (!g_hash_table_contains (actual, l->data))
      {
        g_auto (GStrv) parts = g_strsplit (l->data, "\t", 2);
        g_autofree char *table = g_strdup_printf ("%s\t", parts[0]);
        gboolean         has_table = FALSE;
        GHashTableIter   iter;
        gpointer         key;

        g_hash_table_iter_init (&iter, actual);
        while (!has_table && g_hash_table_iter_next (&iter, &key, NULL))
          has_table = g_str_has_prefix (key, table);
        if (has_table)
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_CORRUPT,
                       _ ("%1$s is damaged: the column “%2$s” of the table “%3$s” is missing (database level %4$d). "
                          "It was left as it is; restore it from a backup."),
                       self->path, parts[1], parts[0], self->version);
        else
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_CORRUPT,
                       _ ("%1$s is damaged: the table “%2$s” is missing (database level %3$d). "
                          "It was left as it is; restore it from a backup."),
                       self->path, parts[0], self->version);
        return FALSE;
      }
  return TRUE;
}

/* A damaged page (of an index, of a table) is found now rather than when
 * a write fails on it. PRAGMA quick_check reads every page: done for files
 * up to QUICK_CHECK_BYTES, where it costs a few milliseconds; a bigger file
 * is checked by sqlite as it is read. */
#define QUICK_CHECK_BYTES (32 * 1024 * 1024)

static gboolean
check_pages (LiaisonStore *self, GError **error)
{
  sqlite3_stmt    *stmt = NULL;
  g_autofree char *result = NULL;
  GStatBuf         st;
  int              rc;

  if (g_stat (self->path, &st) != 0 || st.st_size > QUICK_CHECK_BYTES)
    return TRUE;
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check (1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (result == NULL)
    result = g_strdup (sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_CORRUPT,
                   _ ("%1$s is not a Liaison database or is damaged (%2$s); it was left as it is"), self->path,
                   result);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (LiaisonStore *self, GError **error)
{
  g_auto (GStrv) names = list_migrations ();
  guint n = g_strv_length (names);

  for (guint i = self->version; i < n; i++)
    {
      g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *set_version = NULL;
      g_autofree char *sql = NULL;

      bytes = g_resource_lookup_data (liaison_store_resource (), path, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      set_version = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      if (!liaison_store_begin (self, error))
        return FALSE;
      if (!liaison_store_exec (self, sql, error) || !liaison_store_exec (self, set_version, error))
        {
          g_prefix_error (error, _ ("Upgrading the database to level %u failed: "), i + 1);
          liaison_store_rollback (self);
          return FALSE;
        }
      if (!liaison_store_commit (self, error))
        return FALSE;
      self->version = i + 1;
    }
  return TRUE;
}

static gboolean
table_is_empty (LiaisonStore *self,
                const char   *sql,
                gboolean     *empty,
                GError      **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  *empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/* First-run content (liaison-seed.c), each part in a transaction. */
static gboolean
load_first_run_content (LiaisonStore *self,
                        GError      **error)
{
  gboolean empty;

  if (!table_is_empty (self, "SELECT count(*) FROM plan_items", &empty, error))
    return FALSE;
  if (empty)
    {
      if (!liaison_store_begin (self, error))
        return FALSE;
      if (!liaison_seed_load_plan (self, liaison_store_resource (), error) ||
          !liaison_seed_load_history (self, liaison_store_resource (), error))
        {
          g_prefix_error (error, _ ("Loading the built-in action plan and history failed: "));
          liaison_store_rollback (self);
          return FALSE;
        }
      if (!liaison_store_commit (self, error))
        return FALSE;
    }

  /* Empty in a new database and right after the level that made the
   * programme a table: then older texts get their translation states too,
   * in the same transaction, so an interrupted upgrade is finished next time. */
  if (!table_is_empty (self, "SELECT count(*) FROM programmes", &empty, error))
    return FALSE;
  if (empty)
    {
      if (!liaison_store_begin (self, error))
        return FALSE;
      if (!liaison_seed_load_programmes (self, error) || !liaison_store_fill_translation_states (self, error))
        {
          g_prefix_error (error, _ ("Giving every text a translation state failed: "));
          liaison_store_rollback (self);
          return FALSE;
        }
      if (!liaison_store_commit (self, error))
        return FALSE;
    }
  return TRUE;
}

static void
liaison_store_finalize (GObject *object)
{
  LiaisonStore *self = (LiaisonStore *) object;

  /* Runs what is queued (a cancelled query returns at once) so no task is
   * left without its answer. */
  if (self->workers != NULL)
    g_thread_pool_free (g_steal_pointer (&self->workers), FALSE, TRUE);
  g_clear_object (&self->reader);
  liaison_store_close (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->bulk_changes, g_array_unref);
  g_clear_pointer (&self->bulk_active, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_store_parent_class)->finalize (object);
}

static void
liaison_store_class_init (LiaisonStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = liaison_store_finalize;

  /* Emitted after each committed change, on the thread that made it. */
  signals[CHANGED] =
      g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
liaison_store_init (LiaisonStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->bulk_changes = g_array_new (FALSE, FALSE, sizeof (int));
  self->bulk_active = g_ptr_array_new_with_free_func (g_free);
}

void
liaison_store_close (LiaisonStore *self)
{
  /* Statements before the connection: sqlite refuses to close with any left. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }
}

LiaisonStore *
liaison_store_open (const char *path, GError **error)
{
  g_autoptr (LiaisonStore) self = NULL;
  g_autofree char *default_path = NULL;
  gboolean         exists = FALSE;
  int              latest;
  int              rc;

  if (path == NULL)
    path = default_path = liaison_store_default_path ();

  self = g_object_new (LIAISON_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!check_location (path, &exists, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE) | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_OPEN, _ ("Cannot open the database %1$s: %2$s"), path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* Nothing is written before the file is known to be ours and not newer. */
  if (!read_version (self, &self->version, error))
    return NULL;
  latest = liaison_store_latest_version ();
  if (self->version > latest)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NEWER,
                   _ ("%1$s was written by a newer Liaison (database level %2$d; this version knows up to %3$d). "
                      "Update Liaison to open it; the file was left as it is."),
                   path, self->version, latest);
      return NULL;
    }
  if (self->version < 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_CORRUPT,
                   _ ("%1$s has database level %2$d, which no Liaison writes: it is not a Liaison database or is "
                      "damaged. It was left as it is."),
                   path, self->version);
      return NULL;
    }
  if (exists && !check_integrity (self, error))
    return NULL;
  if (exists && self->version == 0 && !check_not_foreign (self, error))
    return NULL;
  if (exists && self->version > 0 && (!check_schema (self, error) || !check_pages (self, error)))
    return NULL;

  if (!liaison_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !liaison_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !liaison_store_exec (self, "PRAGMA synchronous = NORMAL", error)
      /* Every save is a savepoint; on disk their sub-journals cost a write
       * per page touched, in memory almost nothing. */
      || !liaison_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  {
    int before = self->version;

    if (!migrate (self, error))
      return NULL;
    /* Checked by content, not by level, so a process killed between the
     * schema and the first-run content finishes the job next time. */
    if (!load_first_run_content (self, error))
      return NULL;
    /* Level 2 brought search, level 6 what its documents hold now: rows
     * from before have none, or old ones. */
    if (before > 0 && before < 6 && !liaison_store_reindex (self, error))
      return NULL;
  }

  return g_steal_pointer (&self);
}

/* A second, read-only connection to the same file for queries on another
 * thread (sqlite: one connection per thread). The file must exist and be
 * at the current level; nothing is written, nothing migrated. */
LiaisonStore *
liaison_store_open_reader (const char *path, GError **error)
{
  g_autoptr (LiaisonStore) self = g_object_new (LIAISON_TYPE_STORE, NULL);
  int rc;

  self->path = g_strdup (path);
  self->read_only = TRUE;
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_OPEN, _ ("Cannot open the database %1$s: %2$s"), path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  if (!read_version (self, &self->version, error))
    return NULL;
  return g_steal_pointer (&self);
}

typedef struct
{
  LiaisonStore         *store; /* not a reference: see liaison_store_query_async */
  LiaisonStoreQueryFunc func;
  gpointer              data;
  GDestroyNotify        data_free;
  GDestroyNotify        result_free;
} QueryData;

static void
query_data_free (gpointer p)
{
  QueryData *q = p;

  if (q->data_free != NULL)
    q->data_free (q->data);
  g_free (q);
}

static void
run_query (gpointer task_data, gpointer pool_data)
{
  g_autoptr (GTask) task = task_data;
  QueryData    *q = g_task_get_task_data (task);
  LiaisonStore *self = q->store;
  g_autoptr (GError) error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (self->reader == NULL)
    {
      self->reader = liaison_store_open_reader (self->path, &error);
      if (self->reader == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  result = q->func (self->reader, q->data, g_task_get_cancellable (task), &error);
  if (error != NULL)
    {
      if (result != NULL && q->result_free != NULL)
        q->result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, q->result_free);
}

/* Runs func (reader, data, cancellable, error) on the store's worker thread
 * with a read-only connection, and calls back on the caller's main context
 * (with no source object: the caller keeps its own reference to the store,
 * as long as it may get answers). Queries run one at a time, in order; a
 * cancelled one is skipped. */
void
liaison_store_query_async (LiaisonStore         *self,
                           LiaisonStoreQueryFunc func,
                           gpointer              data,
                           GDestroyNotify        data_free,
                           GDestroyNotify        result_free,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  GTask     *task;
  QueryData *q;

  g_return_if_fail (LIAISON_IS_STORE (self));
  g_return_if_fail (!self->read_only);

  /* The task holds no reference to the store: the worker drops its task
   * after the callback may have run, and a store whose last reference went
   * there would be finalized on its own worker thread. The store outlives
   * its queries instead: finalizing it waits for the running one. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_store_query_async);
  q = g_new0 (QueryData, 1);
  q->store = self;
  q->func = func;
  q->data = data;
  q->data_free = data_free;
  q->result_free = result_free;
  g_task_set_task_data (task, q, query_data_free);

  if (self->workers == NULL)
    self->workers = g_thread_pool_new (run_query, NULL, 1, FALSE, NULL);
  g_thread_pool_push (self->workers, task, NULL);
}

gpointer
liaison_store_query_finish (LiaisonStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == liaison_store_query_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
liaison_store_get_path (LiaisonStore *self)
{
  return self->path;
}

int
liaison_store_get_version (LiaisonStore *self)
{
  return self->version;
}

/* ------------------------------------------------------------------------ */
/* Journal and maintenance                                                   */

GPtrArray *
liaison_store_list_journal (LiaisonStore *self, gint64 after_seq, guint limit, GError **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_journal_entry_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT seq, time, origin, action, entity, entity_id, field,"
                                           " old_value, new_value FROM journal WHERE seq > ?"
                                           " ORDER BY seq LIMIT ?",
                                           error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after_seq);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? G_MAXINT64 : (gint64) limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LiaisonJournalEntry *e = g_new0 (LiaisonJournalEntry, 1);

      e->seq = sqlite3_column_int64 (stmt, 0);
      e->time = column_dup (stmt, 1);
      e->origin = nick_value (LIAISON_TYPE_ORIGIN, (const char *) sqlite3_column_text (stmt, 2), 0);
      e->action = column_dup (stmt, 3);
      e->entity = column_dup (stmt, 4);
      e->entity_id = column_dup (stmt, 5);
      e->field = column_dup (stmt, 6);
      e->old_value = column_dup (stmt, 7);
      e->new_value = column_dup (stmt, 8);
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&entries);
}

gint64
liaison_store_get_last_seq (LiaisonStore *self)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT coalesce (max (seq), 0) FROM journal", NULL);
  gint64        seq = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return seq;
}

/* Writes the search document of every record, in the order of each
 * record's last activity (docids follow it: liaison-store-search.c): after
 * a migration that changed what documents hold. A read of the rows alone,
 * without their translation states, which search does not use. */
gboolean
liaison_store_reindex (LiaisonStore *self, GError **error)
{
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GString) sql = g_string_new ("SELECT p.id");
  sqlite3_stmt *stmt;
  int           rc;

  if (!liaison_store_begin_bulk (self, error))
    return FALSE;

  stmt = liaison_store_stmt (self, "SELECT id FROM events ORDER BY modified, rowid", error);
  if (stmt == NULL)
    goto fail;
  events = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (events, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  for (guint i = 0; i < events->len; i++)
    {
      g_autoptr (LiaisonEvent) event = liaison_store_get_event (self, g_ptr_array_index (events, i), error);

      if (event == NULL || !liaison_store_index_event (self, event, error))
        goto fail;
    }

  for (guint i = 0; i < LIAISON_STORE_N_PARTICIPANT_FIELDS; i++)
    g_string_append_printf (sql, ", p.%s", liaison_store_participant_fields[i]);
  g_string_append (sql, " FROM participants p ORDER BY max (p.modified, coalesce ((SELECT max (r.created) FROM registrations r"
                        " WHERE r.participant_id = p.id), '')), p.rowid");
  stmt = liaison_store_stmt (self, sql->str, error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *col[LIAISON_STORE_N_PARTICIPANT_FIELDS];
      g_autoptr (LiaisonParticipant) p = NULL;

      for (guint i = 0; i < LIAISON_STORE_N_PARTICIPANT_FIELDS; i++)
        col[i] = (const char *) sqlite3_column_text (stmt, i + 1);
      p = liaison_store_participant_from_values ((const char *) sqlite3_column_text (stmt, 0), col);
      if (!liaison_store_index_participant (self, p, error))
        {
          sqlite3_reset (stmt);
          goto fail;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      goto fail;
    }

  return liaison_store_end_bulk (self, TRUE, error);

fail:
  liaison_store_end_bulk (self, FALSE, NULL);
  return FALSE;
}
