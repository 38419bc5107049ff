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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  liaison_proxy_resolver_register ();

  g_test_add_func ("/liaison/crash/kill-write", test_kill_write);

  return g_test_run ();
}
