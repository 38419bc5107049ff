/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "liaison-content-po.h"
#include "liaison-ical.h"
#include "liaison-proxy-resolver.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"
#include "liaison-vcard.h"
#include "test-util.h"

/* Crash safety: `liaison` killed with SIGKILL at 50 seeded points of a
 * write of more than 10,000 rows (a PO import), and at 50 of a sync with
 * Radicale (through tests/dav-fixture.py). Points are the Nth call that
 * makes the database durable (tests/kill-shim.c, preloaded) or the Nth
 * request (the fixture's proxy). After each: the file passes
 * integrity_check, the work is whole or absent, every change not yet sent
 * is waiting exactly once; at the end the syncs converge, nothing lost,
 * nothing twice. LIAISON_TEST_KILL_SEED picks other points. */

#define POINTS 50

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set: run this test through tests/dav-fixture.py", name);
  return value;
}

static GRand *
seeded (void)
{
  const char *text = g_getenv ("LIAISON_TEST_KILL_SEED");
  guint       seed = text != NULL ? (guint) g_ascii_strtoull (text, NULL, 10) : 12;

  g_test_message ("seed %u", seed);
  return g_rand_new_with_seed (seed);
}

/* ------------------------------------------------------------------------ */
/* The CLI as a child                                                        */

typedef struct
{
  guint       kill_at; /* the Nth durable call, 0: none */
  const char *when;    /* "before" or "after" */
  char       *count;   /* a file for the number of durable calls */
  guint       request; /* the proxy kills it at its Nth request, 0: no */
} Kill;

/* liaison ARGS…, waited for; its wait status. */
static int
run_cli (const char *const *args,
         const Kill        *kill)
{
  g_autofree char *liaison = g_test_build_filename (G_TEST_BUILT, "..", "app", "liaison", NULL);
  g_autofree char *shim = g_test_build_filename (G_TEST_BUILT, "libliaison-kill-shim.so", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  const char      *asan = g_environ_getenv (envp, "ASAN_OPTIONS");
  g_autofree char *asan_options = g_strconcat (asan != NULL ? asan : "", asan != NULL ? ":" : "",
                                               "verify_asan_link_order=0", NULL);
  g_autofree char *at = g_strdup_printf ("%u", kill != NULL ? kill->kill_at : 0);
  GPid             pid;
  int              in = -1;
  int              status = 0;

  /* The child waits for a line, so the proxy can know its pid first; exec
   * keeps the pid. */
  g_ptr_array_add (argv, g_strdup ("/bin/sh"));
  g_ptr_array_add (argv, g_strdup ("-c"));
  g_ptr_array_add (argv, g_strdup ("read go && exec \"$0\" \"$@\""));
  g_ptr_array_add (argv, g_strdup (liaison));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LD_PRELOAD", shim, TRUE);
  envp = g_environ_setenv (envp, "ASAN_OPTIONS", asan_options, TRUE);
  envp = g_environ_setenv (envp, "LIAISON_KILL_AT", at, TRUE);
  envp = g_environ_setenv (envp, "LIAISON_KILL_WHEN", kill != NULL && kill->when != NULL ? kill->when : "before", TRUE);
  envp = g_environ_setenv (envp, "LIAISON_PASSWORD", "secret", TRUE);
  if (kill != NULL && kill->count != NULL)
    envp = g_environ_setenv (envp, "LIAISON_KILL_COUNT", kill->count, TRUE);
  else
    envp = g_environ_unsetenv (envp, "LIAISON_KILL_COUNT");

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv->pdata, envp,
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                                           &in, NULL, NULL, &error));
  g_assert_no_error (error);
  if (kill != NULL && kill->request > 0)
    {
      g_autoptr (GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);
      g_autoptr (SoupSession) session = soup_session_new_with_options ("proxy-resolver", direct, NULL);
      g_autofree char *url = g_strdup_printf ("%s__faults__/kill/%d/%u/%s", env ("LIAISON_TEST_PROXY_URL"), (int) pid,
                                              kill->request, kill->when);
      g_autoptr (SoupMessage) msg = soup_message_new ("GET", url);
      g_autoptr (GBytes) reply = soup_session_send_and_read (session, msg, NULL, NULL);

      g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    }
  g_assert_cmpint (write (in, "go\n", 3), ==, 3);
  close (in);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return status;
}

static gboolean
was_killed (int status)
{
  return WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;
}

/* ------------------------------------------------------------------------ */
/* What the file holds                                                       */

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  return db;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char         *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autofree char *text = query_text (db, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

/* PRAGMA integrity_check on the file as the crash left it (WAL and all). */
static void
assert_intact (const char *path)
{
  sqlite3         *db = open_db (path);
  g_autofree char *check = query_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
  sqlite3_close (db);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) target = g_file_new_for_path (to);
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);
  g_autoptr (GError) error = NULL;

  g_unlink (wal);
  g_unlink (shm);
  g_assert_true (g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Rows the write inserted or changed: every ordinary table of after that
 * is not in before, row for row. */
static gint64
rows_written (const char *before,
              const char *after)
{
  sqlite3         *db = open_db (after);
  g_autofree char *attach = g_strdup_printf ("ATTACH '%s' AS old", before);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gint64        n = 0;

  g_assert_cmpint (sqlite3_exec (db, attach, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      const char      *t = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (SELECT * FROM main.\"%s\" EXCEPT SELECT * FROM old.\"%s\")", t, t);

      n += query_int (db, sql);
    }
  sqlite3_close (db);
  return n;
}

/* ------------------------------------------------------------------------ */
/* A write of more than 10,000 rows: a PO import                             */

#define PEOPLE 1200

/* Each text to translate into English gets "… (EN)". */
static char *
translate (const char *po)
{
  g_auto (GStrv) lines = g_strsplit (po, "\n", -1);
  GString         *out = g_string_new (NULL);
  g_autofree char *msgid = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "msgid \""))
        {
          g_free (msgid);
          msgid = g_strndup (line + 7, strlen (line) - 8);
        }
      if (g_str_equal (line, "msgstr \"\"") && msgid != NULL && *msgid != '\0')
        g_string_append_printf (out, "msgstr \"%s (EN)\"", msgid);
      else
        g_string_append (out, line);
      if (lines[i + 1] != NULL)
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* A database with PEOPLE people whose organisation and position are in
 * Chinese only, everything sent (as after a sync), and the PO file that
 * translates all of them. */
static void
make_people (const char *path,
             const char *po_path,
             guint      *n_texts)
{
  g_autoptr (GError) error = NULL;
  LiaisonStore            *store = liaison_store_open (path, &error);
  LiaisonTranslationFilter filter = { LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_MISSING), LIAISON_LANGUAGE_EN,
                                      LIAISON_CONTENT_PARTICIPANTS };
  g_autofree char         *po = NULL;
  g_autofree char         *translated = NULL;
  g_autoptr (GPtrArray) outbox = NULL;

  g_assert_no_error (error);
  g_assert_true (liaison_store_begin_bulk (store, &error));
  for (guint i = 0; i < PEOPLE; i++)
    {
      g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
      g_autofree char *given = g_strdup_printf ("Person %u", i);
      g_autofree char *organisation = g_strdup_printf ("生态环境部第%u司", i);
      g_autofree char *position = g_strdup_printf ("第%u处处长", i);

      liaison_participant_set_latin_name (p, "Crash", given);
      liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_ZH, organisation);
      liaison_bilingual_set_text (liaison_participant_get_position (p), LIAISON_LANGUAGE_ZH, position);
      g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
    }
  g_assert_true (liaison_store_end_bulk (store, TRUE, &error));

  /* Everything sent: the outbox fed, then emptied as a push would. */
  g_assert_true (liaison_store_sync_feed_outbox (store, &error));
  for (guint e = 0; e < 2; e++)
    {
      const char *entity = e == 0 ? "event" : "participant";

      outbox = liaison_store_sync_list_outbox (store, entity);
      for (guint i = 0; i < outbox->len; i++)
        g_assert_true (liaison_store_sync_dequeue (store, entity, g_ptr_array_index (outbox, i), &error));
      g_clear_pointer (&outbox, g_ptr_array_unref);
    }
  g_assert_cmpuint (liaison_store_sync_count_pending (store), ==, 0);

  po = liaison_content_po_export_to_data (store, &filter, LIAISON_LANGUAGE_EN, n_texts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (*n_texts, ==, 2 * PEOPLE);
  translated = translate (po);
  g_assert_true (g_file_set_contents (po_path, translated, -1, &error));
  liaison_store_close (store);
  g_assert_finalize_object (store);
}

/* The import is there whole, or not at all; every person it changed is
 * waiting to be sent, exactly once. */
static gboolean
import_state (const char *path,
              guint       n_texts)
{
  sqlite3 *db = open_db (path);
  gint64   translated = query_int (db, "SELECT count(*) FROM participants WHERE organisation_en LIKE '% (EN)' OR position_en LIKE '% (EN)'");
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GPtrArray) outbox = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean whole;

  sqlite3_close (db);
  g_assert_true (translated == 0 || translated == PEOPLE);
  whole = translated == PEOPLE;

  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_store_sync_count_pending (store), ==, whole ? PEOPLE : 0);
  g_assert_true (liaison_store_sync_feed_outbox (store, &error));
  outbox = liaison_store_sync_list_outbox (store, "participant");
  g_assert_cmpuint (outbox->len, ==, whole ? PEOPLE : 0);
  for (guint i = 0; i < outbox->len; i++)
    g_assert_true (g_hash_table_add (seen, g_ptr_array_index (outbox, i)));
  liaison_store_close (store);
  return whole;
}

static void
test_kill_write (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *pristine = g_build_filename (dir, "pristine.db", NULL);
  g_autofree char *run = g_build_filename (dir, "run.db", NULL);
  g_autofree char *po = g_build_filename (dir, "en.po", NULL);
  g_autofree char *count = g_build_filename (dir, "count", NULL);
  g_autofree char *count_text = NULL;
  const char      *args[] = { "--database", run, "translations", "import", po, NULL };
  g_autoptr (GRand) rand = seeded ();
  Kill   measure = { 0, "before", count, 0 };
  guint  n_texts = 0, calls, killed = 0, whole = 0;
  gint64 rows;
  int    status;

  make_people (pristine, po, &n_texts);

  /* Once to the end: how many durable calls, how many rows. */
  copy_file (pristine, run);
  status = run_cli (args, &measure);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_get_contents (count, &count_text, NULL, NULL));
  calls = (guint) g_ascii_strtoull (count_text, NULL, 10);
  rows = rows_written (pristine, run);
  g_test_message ("the import of %u texts writes %" G_GINT64_FORMAT " rows in %u durable calls", n_texts, rows, calls);
  g_assert_cmpint (rows, >=, 10000);
  g_assert_true (import_state (run, n_texts));

  for (guint i = 0; i < POINTS; i++)
    {
      Kill kill = { 1 + (guint) ((i + g_rand_double (rand)) * calls / POINTS), g_rand_boolean (rand) ? "after" : "before", NULL, 0 };

      copy_file (pristine, run);
      status = run_cli (args, &kill);
      if (was_killed (status))
        killed++;
      else
        g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      assert_intact (run);
      if (import_state (run, n_texts))
        whole++;
    }
  g_test_message ("killed %u times of %u; the import was whole %u times", killed, POINTS, whole);
  g_assert_cmpuint (killed, >=, POINTS - 2);
  g_assert_cmpuint (whole, >, 0);
  g_assert_cmpuint (whole, <, POINTS);
  test_remove_tree (dir);
}

/* ------------------------------------------------------------------------ */
/* A sync killed                                                             */

typedef struct
{
  char              *dir;
  char              *path;
  LiaisonStore      *store;
  LiaisonSyncEngine *engine;
} Client;

static guint next_user = 1;

static Client *
client_open (const char *dir,
             const char *url,
             const char *user)
{
  Client *c = g_new0 (Client, 1);
  g_autoptr (GError) error = NULL;

  c->dir = dir != NULL ? g_strdup (dir) : test_make_dir ();
  c->path = g_build_filename (c->dir, "liaison.db", NULL);
  c->store = liaison_store_open (c->path, &error);
  g_assert_no_error (error);
  c->engine = liaison_sync_engine_new (c->store, NULL);
  liaison_sync_engine_set_account (c->engine, url, user);
  liaison_sync_engine_set_password (c->engine, "secret");
  return c;
}

/* Lets go of the database; its folder stays when keep. */
static void
client_close (Client  *c,
              gboolean keep)
{
  for (guint i = 0; i < 5000 && G_OBJECT (c->engine)->ref_count > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_finalize_object (c->engine);
  liaison_store_close (c->store);
  g_assert_finalize_object (c->store);
  if (!keep)
    test_remove_tree (c->dir);
  g_free (c->path);
  g_free (c->dir);
  g_free (c);
}

typedef struct
{
  gboolean            done;
  LiaisonSyncSummary *summary;
  GError             *error;
} Wait;

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *w = user_data;

  w->summary = liaison_sync_engine_sync_finish (LIAISON_SYNC_ENGINE (source), result, &w->error);
  w->done = TRUE;
}

static void
sync_ok (Client *c)
{
  Wait w = { FALSE, NULL, NULL };

  liaison_sync_engine_sync_async (c->engine, NULL, on_synced, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (w.error);
  for (guint i = 0; i < w.summary->errors->len; i++)
    g_printerr ("unexpected: %s\n", (char *) g_ptr_array_index (w.summary->errors, i));
  g_assert_cmpuint (w.summary->errors->len, ==, 0);
  liaison_sync_summary_free (w.summary);
}

static char *
add_event (LiaisonStore *store,
           const char   *title)
{
  g_autoptr (LiaisonEvent) e = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, title);
  g_assert_true (liaison_event_set_when (e, "2025-11-04T09:30", "2025-11-05T17:00", "Asia/Yangon", &error));
  liaison_event_set_kind (e, LIAISON_EVENT_KIND_WORKSHOP);
  g_assert_true (liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, &error));
  return g_strdup (liaison_event_get_id (e));
}

static char *
add_person (LiaisonStore *store,
            const char   *given,
            const char   *event_id)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *email = g_strdup_printf ("%s@example.la", given);
  const char      *emails[] = { email, NULL };

  liaison_participant_set_latin_name (p, "Vong", given);
  liaison_participant_set_emails (p, emails);
  liaison_participant_set_country (p, "LA");
  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
  if (event_id != NULL)
    {
      r = liaison_store_register (store, event_id, liaison_participant_get_id (p), LIAISON_ROLE_DELEGATE,
                                  LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
      g_assert_no_error (error);
    }
  return g_strdup (liaison_participant_get_id (p));
}

static void
edit_event (LiaisonStore *store,
            const char   *id,
            const char   *title,
            const char   *venue)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonEvent) e = liaison_store_get_event (store, id, &error);

  g_assert_no_error (error);
  if (title != NULL)
    liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, title);
  if (venue != NULL)
    liaison_event_set_venue (e, venue);
  g_assert_true (liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, &error));
}

static GHashTable *
read_base (const char *entity,
           const char *text)
{
  if (g_str_equal (entity, "event"))
    return liaison_ical_read (text, NULL, NULL, NULL);
  return liaison_vcard_read (text, NULL, NULL);
}

static GPtrArray *
local_ids (LiaisonStore *store,
           const char   *entity)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  if (g_str_equal (entity, "event"))
    {
      g_autoptr (GPtrArray) events = liaison_store_list_events (store, NULL, NULL);

      for (guint i = 0; i < events->len; i++)
        g_ptr_array_add (ids, g_strdup (liaison_event_get_id (g_ptr_array_index (events, i))));
    }
  else
    {
      g_autoptr (GArray) rowids = liaison_store_list_participant_rowids (store, NULL, 0, NULL);

      for (guint i = 0; i < rowids->len; i++)
        {
          g_autoptr (LiaisonParticipant) p = liaison_store_get_participant_by_rowid (store, g_array_index (rowids, gint64, i));
          g_ptr_array_add (ids, g_strdup (liaison_participant_get_id (p)));
        }
    }
  return ids;
}

/* Every record that differs from the server's copy of the last sync (or
 * has none, or was deleted here) waits in the outbox, once, after the
 * outbox is fed as the next sync starts. */
static void
assert_pending (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = liaison_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (liaison_store_sync_feed_outbox (store, &error));
  for (guint e = 0; e < 2; e++)
    {
      const char *entity = e == 0 ? "event" : "participant";
      g_autoptr (GPtrArray) outbox = liaison_store_sync_list_outbox (store, entity);
      g_autoptr (GHashTable) waiting = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GPtrArray) ids = local_ids (store, entity);
      g_autoptr (GHashTable) here = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GHashTable) resources = liaison_store_sync_list_resources (store, entity);
      GHashTableIter iter;
      gpointer       href;

      for (guint i = 0; i < outbox->len; i++)
        g_assert_true (g_hash_table_add (waiting, g_ptr_array_index (outbox, i)));
      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = g_ptr_array_index (ids, i);
          g_autoptr (GHashTable) fields = liaison_store_sync_get_fields (store, entity, id, NULL);
          g_autoptr (LiaisonSyncResource) res = liaison_store_sync_get_resource (store, entity, id);
          g_autoptr (GHashTable) base = res != NULL ? read_base (entity, res->base) : NULL;

          g_hash_table_add (here, (gpointer) id);
          if ((base == NULL || !liaison_sync_fields_equal (fields, base)) && !g_hash_table_contains (waiting, id))
            g_error ("%s %s changed here, not sent, and not waiting", entity, id);
        }
      /* Deleted here, still on the server. */
      g_hash_table_iter_init (&iter, resources);
      while (g_hash_table_iter_next (&iter, &href, NULL))
        {
          g_autoptr (LiaisonSyncResource) res = liaison_store_sync_get_resource_by_href (store, href);

          if (res != NULL && !g_hash_table_contains (here, res->entity_id) && !g_hash_table_contains (waiting, res->entity_id))
            g_error ("%s %s deleted here, not sent, and not waiting", entity, res->entity_id);
        }
    }
  liaison_store_close (store);
}

static void
proxy_off (void)
{
  g_autoptr (GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);
  g_autoptr (SoupSession) session = soup_session_new_with_options ("proxy-resolver", direct, NULL);
  g_autofree char *url = g_strconcat (env ("LIAISON_TEST_PROXY_URL"), "__faults__/off", NULL);
  g_autoptr (SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr (GBytes) reply = soup_session_send_and_read (session, msg, NULL, NULL);

  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Every record as its field map, in a stable order. */
static char *
snapshot (LiaisonStore *store)
{
  GString *s = g_string_new (NULL);

  for (guint e = 0; e < 2; e++)
    {
      const char *entity = e == 0 ? "event" : "participant";
      g_autoptr (GPtrArray) ids = local_ids (store, entity);

      g_ptr_array_sort (ids, compare_strings);
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr (GHashTable) f = liaison_store_sync_get_fields (store, entity, g_ptr_array_index (ids, i), NULL);
          g_autofree char *json = liaison_sync_fields_to_json (f);

          g_string_append_printf (s, "%s %s %s\n", entity, (char *) g_ptr_array_index (ids, i), json);
        }
    }
  return g_string_free (s, FALSE);
}

static guint
count_items (const char *user,
             const char *collection)
{
  g_autofree char *dir = g_build_filename (env ("LIAISON_TEST_DAV_STORAGE"), user, collection, NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint       n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      n++;
  return n;
}

/* A has events, people and registrations on the server; B edits venues
 * there, A titles and people here; A's `liaison sync` is killed at a
 * seeded request (the proxy) or durable call (the shim), 50 times, with
 * new work on both sides before each. Then ordinary syncs converge. */
static void
test_kill_sync (void)
{
  g_autofree char *user = g_strdup_printf ("user%u", next_user++);
  const char      *url = env ("LIAISON_TEST_PROXY_URL");
  Client          *a = client_open (NULL, url, user);
  Client          *b = client_open (NULL, url, user);
  Client          *c;
  g_autofree char *dir = g_strdup (a->dir);
  g_autofree char *path = g_strdup (a->path);
  const char      *args[] = { "--database", path, "sync", "--url", url, "--username", user, NULL };
  g_autoptr (GRand) rand = seeded ();
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GHashTable) venues = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *snap_a = NULL;
  g_autofree char *snap_b = NULL;
  g_autofree char *snap_c = NULL;
  guint            people = 0, killed = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Crash event %u", i);

      g_ptr_array_add (events, add_event (a->store, title));
    }
  for (guint i = 0; i < 60; i++, people++)
    {
      g_autofree char *given = g_strdup_printf ("p%u", i);
      g_autofree char *id = add_person (a->store, given, g_ptr_array_index (events, i % events->len));
    }
  sync_ok (a);
  sync_ok (b);
  client_close (a, TRUE);

  for (guint i = 0; i < POINTS; i++)
    {
      const char      *title_of = g_ptr_array_index (events, i % events->len);
      const char      *venue_of = g_ptr_array_index (events, (i + 7) % events->len);
      g_autofree char *title = g_strdup_printf ("Title %u", i);
      g_autofree char *venue = g_strdup_printf ("Venue %u", i);
      Kill             kill = { 0, g_rand_boolean (rand) ? "after" : "before", NULL, 0 };
      int              status;

      /* New work on both sides. */
      a = client_open (dir, url, user);
      edit_event (a->store, title_of, title, NULL);
      if (i % 3 == 0)
        {
          g_autofree char *given = g_strdup_printf ("q%u", i);
          g_autofree char *id = add_person (a->store, given, title_of);

          people++;
        }
      client_close (a, TRUE);
      g_hash_table_insert (titles, (gpointer) title_of, g_strdup (title));
      edit_event (b->store, venue_of, NULL, venue);
      g_hash_table_insert (venues, (gpointer) venue_of, g_strdup (venue));
      sync_ok (b);

      if (i % 2 == 0)
        kill.request = 1 + g_rand_int_range (rand, 0, 12);
      else
        kill.kill_at = 1 + g_rand_int_range (rand, 0, 40);
      status = run_cli (args, &kill);
      proxy_off ();
      if (was_killed (status))
        killed++;
      else
        g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      assert_intact (path);
      assert_pending (path);
    }
  g_test_message ("killed %u times of %u", killed, POINTS);
  g_assert_cmpuint (killed, >=, POINTS / 2);

  a = client_open (dir, url, user);
  sync_ok (a);
  sync_ok (b);
  sync_ok (a);
  g_assert_cmpuint (liaison_store_count_conflicts (a->store), ==, 0);
  g_assert_cmpuint (liaison_store_count_conflicts (b->store), ==, 0);
  g_assert_cmpuint (liaison_store_sync_count_pending (a->store), ==, 0);
  g_assert_cmpuint (count_items (user, "liaison-events"), ==, 62 + events->len);
  g_assert_cmpuint (count_items (user, "liaison-participants"), ==, people);
  g_assert_cmpuint (liaison_store_count_participants (a->store), ==, people);
  {
    GHashTableIter iter;
    gpointer       id, value;

    g_hash_table_iter_init (&iter, titles);
    while (g_hash_table_iter_next (&iter, &id, &value))
      {
        g_autoptr (LiaisonEvent) e = liaison_store_get_event (b->store, id, NULL);
        g_assert_cmpstr (liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN), ==, value);
      }
    g_hash_table_iter_init (&iter, venues);
    while (g_hash_table_iter_next (&iter, &id, &value))
      {
        g_autoptr (LiaisonEvent) e = liaison_store_get_event (a->store, id, NULL);
        g_assert_cmpstr (liaison_event_get_venue (e), ==, value);
      }
  }
  snap_a = snapshot (a->store);
  snap_b = snapshot (b->store);
  g_assert_cmpstr (snap_a, ==, snap_b);
  c = client_open (NULL, env ("LIAISON_TEST_DAV_URL"), user);
  sync_ok (c);
  snap_c = snapshot (c->store);
  g_assert_cmpstr (snap_a, ==, snap_c);
  client_close (c, FALSE);
  client_close (b, FALSE);
  client_close (a, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  liaison_proxy_resolver_register ();

  g_test_add_func ("/liaison/crash/kill-write", test_kill_write);
  g_test_add_func ("/liaison/crash/kill-sync", test_kill_sync);

  return g_test_run ();
}
