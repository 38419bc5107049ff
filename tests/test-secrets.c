/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* memmem */
#define G_SETTINGS_ENABLE_BACKEND
#include "config.h"

#include <gio/gio.h>
#include <gio/gsettingsbackend.h>
#include <string.h>
#include <sys/wait.h>

#include "liaison-proxy-resolver.h"
#include "liaison-sync-engine.h"
#include "test-util.h"

/* The sync password goes to the server and nowhere else: not into the
 * database, the settings, the log (every domain's debug messages on), nor
 * any process's arguments; and nothing turns TLS verification off. Through
 * tests/dav-fixture.py, whose user "keeper" has a password made for the
 * run. */

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set: run this test through tests/dav-fixture.py", name);
  return value;
}

/* The password, and how it could be written down: as it is, and as the
 * Basic credentials of a request. */
static GPtrArray *
secret_forms (void)
{
  GPtrArray       *forms = g_ptr_array_new_with_free_func (g_free);
  const char      *password = env ("LIAISON_TEST_SECRET_PASSWORD");
  g_autofree char *pair = g_strconcat (env ("LIAISON_TEST_SECRET_USER"), ":", password, NULL);

  g_ptr_array_add (forms, g_strdup (password));
  g_ptr_array_add (forms, g_base64_encode ((const guchar *) pair, strlen (pair)));
  g_ptr_array_add (forms, g_base64_encode ((const guchar *) password, strlen (password)));
  return forms;
}

static void
assert_no_secret (const char *what,
                  const char *data,
                  gsize       size)
{
  g_autoptr (GPtrArray) forms = secret_forms ();

  for (guint i = 0; i < forms->len; i++)
    {
      const char *form = g_ptr_array_index (forms, i);

      /* Named, not shown: a failing test's log is a log too. */
      if (memmem (data, size, form, strlen (form)) != NULL)
        g_error ("%s holds the password (%s)", what, i == 0 ? "as it is" : i == 1 ? "as Basic credentials"
                                                                                  : "in base64");
    }
}

static void
assert_file_has_no_secret (const char *path)
{
  g_autofree char *data = NULL;
  gsize            size = 0;

  if (!g_file_get_contents (path, &data, &size, NULL))
    return;
  assert_no_secret (path, data, size);
}

static void
assert_tree_has_no_secret (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      assert_file_has_no_secret (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      assert_tree_has_no_secret (child);
    }
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

/* Every message of this process, debug ones too, as written out. */
static GString *captured;

static GLogWriterOutput
capture (GLogLevelFlags   level,
         const GLogField *fields,
         gsize            n_fields,
         gpointer         user_data)
{
  g_autofree char *line = g_log_writer_format_fields (level, fields, n_fields, FALSE);

  g_string_append_printf (captured, "%s\n", line);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

/* liaison ARGS… with extra environment (NAME=VALUE…, NULL-terminated), its
 * standard output and error together; its exit status. */
static int
run_cli (const char *const *args,
         const char *const *extra,
         char             **output)
{
  g_autofree char *liaison = g_test_build_filename (G_TEST_BUILT, "..", "app", "liaison", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, liaison);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (extra[i], "=", 2);

      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  *output = g_strconcat (out, err, NULL);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}

/* A sync by the command line (password from the environment, then from a
 * file) and by the engine with settings in a key file, every debug message
 * on: the password is in none of the files, nor the output. */
static void
test_nowhere (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "liaison.db", NULL);
  g_autofree char *password_file = g_build_filename (dir, "password", NULL);
  g_autofree char *settings_file = g_build_filename (dir, "settings.ini", NULL);
  g_autofree char *data_home = g_build_filename (dir, "data", NULL);
  g_autofree char *config_home = g_build_filename (dir, "config", NULL);
  g_autofree char *cache_home = g_build_filename (dir, "cache", NULL);
  g_autofree char *password_env = g_strconcat ("LIAISON_PASSWORD=", env ("LIAISON_TEST_SECRET_PASSWORD"), NULL);
  g_autofree char *data_env = g_strconcat ("XDG_DATA_HOME=", data_home, NULL);
  g_autofree char *config_env = g_strconcat ("XDG_CONFIG_HOME=", config_home, NULL);
  g_autofree char *cache_env = g_strconcat ("XDG_CACHE_HOME=", cache_home, NULL);
  const char      *user = env ("LIAISON_TEST_SECRET_USER");
  const char      *url = env ("LIAISON_TEST_DAV_URL");
  const char      *sync_args[] = { "--database", db, "sync", "--url", url, "--username", user, NULL };
  const char      *file_args[] = { "--database", db, "sync", "--url", url, "--username", user, "--password-file", password_file, NULL };
  const char      *extra[] = { password_env, data_env, config_env, cache_env, "G_MESSAGES_DEBUG=all",
                               "GSETTINGS_BACKEND=keyfile", NULL };
  const char      *file_extra[] = { data_env, config_env, cache_env, "G_MESSAGES_DEBUG=all", "GSETTINGS_BACKEND=keyfile", NULL };
  g_autofree char *output = NULL;
  g_autofree char *output2 = NULL;

  /* The command line. */
  g_assert_cmpint (run_cli (sync_args, extra, &output), ==, 0);
  g_assert_nonnull (strstr (output, "DEBUG"));
  assert_no_secret ("the command line's output", output, strlen (output));
  g_assert_true (g_file_set_contents (password_file, env ("LIAISON_TEST_SECRET_PASSWORD"), -1, NULL));
  g_assert_cmpint (run_cli (file_args, file_extra, &output2), ==, 0);
  assert_no_secret ("the command line's output", output2, strlen (output2));
  g_unlink (password_file);

  /* The engine, as the window uses it, with settings that are kept. */
  {
    g_autoptr (GSettingsBackend) backend = g_keyfile_settings_backend_new (settings_file, "/", NULL);
    g_autoptr (GSettings) settings = g_settings_new_with_backend ("org.chinaaseanenv.Liaison", backend);
    g_autoptr (GError) error = NULL;
    g_autoptr (LiaisonStore) store = liaison_store_open (db, &error);
    g_autoptr (LiaisonSyncEngine) engine = NULL;
    Wait w = { FALSE, NULL, NULL };

    g_assert_no_error (error);
    g_settings_set_string (settings, "server-url", url);
    g_settings_set_string (settings, "username", user);
    engine = liaison_sync_engine_new (store, settings);
    liaison_sync_engine_set_password (engine, env ("LIAISON_TEST_SECRET_PASSWORD"));
    g_string_truncate (captured, 0);
    liaison_sync_engine_sync_async (engine, NULL, on_synced, &w);
    while (!w.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_no_error (w.error);
    g_assert_cmpuint (w.summary->errors->len, ==, 0);
    liaison_sync_summary_free (w.summary);
    g_assert_nonnull (strstr (captured->str, "liaison-sync"));
    assert_no_secret ("this process's log", captured->str, captured->len);
    g_settings_sync ();
    for (guint i = 0; i < 5000 && G_OBJECT (engine)->ref_count > 1; i++)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    liaison_store_close (store);
  }
  assert_tree_has_no_secret (dir);
  assert_file_has_no_secret (settings_file);
  test_remove_tree (dir);
}

/* No command-line option takes the password: it would show in every
 * process list. */
static void
test_arguments (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "liaison.db", NULL);
  const char      *help_args[] = { "--database", db, "sync", "--help", NULL };
  const char      *args[] = { "--database", db, "sync", "--url", env ("LIAISON_TEST_DAV_URL"), "--username", "keeper",
                              "--password", env ("LIAISON_TEST_SECRET_PASSWORD"), NULL };
  g_autofree char *help = NULL;
  g_autofree char *output = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (run_cli (help_args, NULL, &help), ==, 0);
  lines = g_strsplit (help, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *option = g_strstrip (g_strdup (lines[i]));

      if (g_str_has_prefix (option, "--password") && !g_str_has_prefix (option, "--password-file"))
        g_error ("an option takes the password: %s", lines[i]);
    }
  g_assert_nonnull (strstr (help, "--password-file"));
  g_assert_cmpint (run_cli (args, NULL, &output), ==, 1);
  test_remove_tree (dir);
}

/* Verification is on (test-sync's certificate test), and nothing turns it
 * off: no option, no setting, no handler that accepts a refused
 * certificate, and the environment variables one might try do not. */
static void
test_tls (void)
{
  static const char     *words[] = { "insecure", "certificate", "verify", "tls", "ssl", NULL };
  static const char     *handlers[] = { "accept-certificate", "ssl-strict", "tls-database", "G_TLS_CERTIFICATE_VALIDATE_", NULL };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = g_settings_schema_source_lookup (source, "org.chinaaseanenv.Liaison", TRUE);
  g_auto (GStrv) keys = g_settings_schema_list_keys (schema);
  g_autofree char *dir = test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "liaison.db", NULL);
  const char      *help_args[] = { "--database", db, "sync", "--help", NULL };
  const char      *args[] = { "--database", db, "sync", "--url", env ("LIAISON_TEST_DAV_TLS_URL"), "--username",
                              "user1", NULL };
  const char      *extra[] = { "LIAISON_PASSWORD=secret", "GIO_USE_TLS=gnutls", "G_TLS_GNUTLS_PRIORITY=NORMAL",
                               "LIAISON_INSECURE=1", "SSL_NO_VERIFY=1", "GIT_SSL_NO_VERIFY=1", NULL };
  g_autofree char *help = NULL;
  g_autofree char *output = NULL;
  g_autofree char *app = g_test_build_filename (G_TEST_DIST, "..", "app", NULL);
  g_autoptr (GFileEnumerator) layers = NULL;
  g_autoptr (GFile) app_dir = g_file_new_for_path (app);
  GFileInfo *layer;

  g_assert_cmpint (run_cli (help_args, NULL, &help), ==, 0);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto (GStrv) lines = g_strsplit (help, "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *copy = g_strdup (lines[j]);
          g_autofree char *line = g_ascii_strdown (g_strstrip (copy), -1);
          g_auto (GStrv) option = g_strsplit (line, " ", 2);

          if (g_str_has_prefix (line, "--") && strstr (option[0], words[i]) != NULL)
            g_error ("an option of “liaison sync” may turn verification off: %s", lines[j]);
        }
      for (guint j = 0; keys[j] != NULL; j++)
        g_assert_null (strstr (keys[j], words[i]));
    }

  /* The same refusal as without them. */
  g_assert_cmpint (run_cli (args, extra, &output), ==, 2);
  g_test_message ("%s", output);
  g_assert_nonnull (strstr (output, "certificate"));

  layers = g_file_enumerate_children (app_dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (layers);
  while ((layer = g_file_enumerator_next_file (layers, NULL, NULL)) != NULL)
    {
      g_autoptr (GFileInfo) info = layer;
      g_autofree char *folder = g_build_filename (app, g_file_info_get_name (info), NULL);
      g_autoptr (GDir) sources = g_dir_open (folder, 0, NULL);
      const char *name;

      while (sources != NULL && (name = g_dir_read_name (sources)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autofree char *text = NULL;

          if (!g_str_has_suffix (name, ".c") || !g_file_get_contents (path, &text, NULL, NULL))
            continue;
          for (guint i = 0; handlers[i] != NULL; i++)
            if (strstr (text, handlers[i]) != NULL)
              g_error ("%s uses %s: it may accept a certificate that verification refused", path, handlers[i]);
        }
    }
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  captured = g_string_new (NULL);
  g_log_set_writer_func (capture, NULL, NULL);
  liaison_proxy_resolver_register ();

  g_test_add_func ("/liaison/secrets/nowhere", test_nowhere);
  g_test_add_func ("/liaison/secrets/arguments", test_arguments);
  g_test_add_func ("/liaison/secrets/tls", test_tls);

  return g_test_run ();
}
