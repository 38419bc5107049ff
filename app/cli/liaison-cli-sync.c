/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "liaison-cli.h"
#include "liaison-cli-common.h"
#include "liaison-cli-sync.h"
#include "liaison-json.h"
#include "liaison-sync-engine.h"

typedef struct
{
  GMainLoop          *loop;
  LiaisonSyncSummary *summary;
  GError             *error;
  int                 shown;
} SyncRun;

static void
on_progress (GObject    *engine,
             GParamSpec *pspec,
             gpointer    user_data)
{
  SyncRun *run = user_data;
  int      percent = (int) (liaison_sync_engine_get_progress (LIAISON_SYNC_ENGINE (engine)) * 100);

  if (percent / 10 > run->shown / 10)
    {
      run->shown = percent;
      g_autofree char *message = NULL;

      /* Translators: progress of a sync on standard error */
      message = g_strdup_printf (_ ("liaison: syncing… %d%%"), percent);
      g_printerr ("%s\n", message);
    }
}

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SyncRun *run = user_data;

  run->summary = liaison_sync_engine_sync_finish (LIAISON_SYNC_ENGINE (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static char *
read_password_file (const char *path,
                    GError    **error)
{
  g_autofree char *contents = NULL;
  char            *newline;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  newline = strpbrk (contents, "\r\n");
  if (newline != NULL)
    *newline = '\0';
  return g_steal_pointer (&contents);
}

int
liaison_cli_sync (LiaisonStore *store,
                  int           argc,
                  char        **argv)
{
  g_autofree char   *url = NULL, *user = NULL, *password_file = NULL, *calendar = NULL, *address_book = NULL;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_ ("Server address (else the one in Preferences)"), N_ ("URL") },
    { "username", 0, 0, G_OPTION_ARG_STRING, &user, N_ ("User name on the server (else the one in Preferences)"), N_ ("USER") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file, N_ ("Read the password from the first line of this file (else LIAISON_PASSWORD, else the keyring)"), N_ ("FILE") },
    { "calendar", 0, 0, G_OPTION_ARG_STRING, &calendar, N_ ("Sync events with this existing calendar (else the one in Preferences, else Liaison's own)"), N_ ("URL") },
    { "address-book", 0, 0, G_OPTION_ARG_STRING, &address_book, N_ ("Sync participants with this existing address book (else the one in Preferences, else Liaison's own)"), N_ ("URL") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (LiaisonSyncEngine) engine = NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *password = NULL;
  SyncRun          run = { NULL, NULL, NULL, 0 };
  int              rc = LIAISON_EXIT_OK;

  /* Standard output is for the JSON summary alone, even with
   * G_MESSAGES_DEBUG set. */
  g_log_writer_default_set_use_stderr (TRUE);
  g_option_context_set_summary (context, _ ("Sync events and participants with the secretariat's CalDAV/CardDAV "
                                            "server. Progress goes to standard error, a JSON summary to standard "
                                            "output."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return liaison_cli_fail (LIAISON_EXIT_USAGE, "%s", error->message);
  if (argc > 1)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unexpected argument “%s”"), argv[1]);

  if (password_file != NULL)
    {
      password = read_password_file (password_file, &error);
      if (password == NULL)
        /* A file that cannot be read is a data error, as for every command. */
        return liaison_cli_fail (LIAISON_EXIT_DATA, _ ("Cannot read the password file: %s"), error->message);
    }
  else if (g_getenv ("LIAISON_PASSWORD") != NULL)
    password = g_strdup (g_getenv ("LIAISON_PASSWORD"));

  settings = liaison_cli_open_settings ();
  engine = liaison_sync_engine_new (store, settings);
  if (url != NULL || user != NULL)
    {
      g_autofree char *saved_url = settings ? g_settings_get_string (settings, "server-url") : NULL;
      g_autofree char *saved_user = settings ? g_settings_get_string (settings, "username") : NULL;

      liaison_sync_engine_set_account (engine, url ? url : saved_url, user ? user : saved_user);
    }
  if (calendar != NULL || address_book != NULL)
    liaison_sync_engine_set_collections (engine, calendar, address_book);
  if (password != NULL)
    liaison_sync_engine_set_password (engine, password);

  run.loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (engine, "notify::progress", G_CALLBACK (on_progress), &run);
  liaison_sync_engine_sync_async (engine, NULL, on_synced, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "pulled");
  json_builder_add_int_value (b, run.summary ? run.summary->pulled : 0);
  json_builder_set_member_name (b, "pushed");
  json_builder_add_int_value (b, run.summary ? run.summary->pushed : 0);
  json_builder_set_member_name (b, "merged");
  json_builder_add_int_value (b, run.summary ? run.summary->merged : 0);
  json_builder_set_member_name (b, "conflicts");
  json_builder_add_int_value (b, run.summary ? run.summary->conflicts : 0);
  json_builder_set_member_name (b, "open_conflicts");
  json_builder_add_int_value (b, liaison_store_count_conflicts (store));
  json_builder_set_member_name (b, "requests");
  json_builder_add_int_value (b, run.summary ? run.summary->requests : 0);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  if (run.error != NULL)
    json_builder_add_string_value (b, run.error->message);
  for (guint i = 0; run.summary != NULL && i < run.summary->errors->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (run.summary->errors, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  liaison_cli_print_json (root);

  if (g_error_matches (run.error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NO_KEYRING) ||
      g_error_matches (run.error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NO_PASSWORD))
    {
      /* The engine says why there is none, in words; here, how to give it. */
      /* Translators: %s says why there is no password (a sentence) */
      rc = liaison_cli_fail (LIAISON_EXIT_DATA, _ ("%s Give it with the environment variable LIAISON_PASSWORD, or "
                                                   "in a file with --password-file FILE."),
                             run.error->message);
      g_clear_error (&run.error);
    }
  else if (run.error != NULL)
    {
      rc = liaison_cli_fail (g_error_matches (run.error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_CONFIGURED)
                                 ? LIAISON_EXIT_USAGE
                                 : LIAISON_EXIT_DATA,
                             "%s", run.error->message);
      g_error_free (run.error);
    }
  else if (run.summary->errors->len > 0)
    {
      for (guint i = 0; i < run.summary->errors->len; i++)
        liaison_cli_fail (0, "%s", (const char *) g_ptr_array_index (run.summary->errors, i));
      rc = LIAISON_EXIT_DATA;
    }
  g_clear_pointer (&run.summary, liaison_sync_summary_free);
  return rc;
}

static void
add_member (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static char *
record_name (LiaisonStore    *store,
             LiaisonConflict *c)
{
  const char *id = liaison_conflict_get_entity_id (c);

  if (g_str_equal (liaison_conflict_get_entity (c), "event"))
    {
      g_autoptr (LiaisonEvent) e = liaison_store_get_event (store, id, NULL);

      if (e != NULL)
        return g_strdup (liaison_bilingual_get_display (liaison_event_get_title (e), liaison_language_for_locale ()));
    }
  else
    {
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (store, id, NULL);

      if (p != NULL)
        return liaison_participant_dup_display_name (p);
    }
  return g_strdup (id);
}

int
liaison_cli_conflicts (LiaisonStore *store,
                       int           argc,
                       char        **argv)
{
  gboolean           json = FALSE;
  g_autofree char   *keep = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array"), NULL },
    { "keep", 0, 0, G_OPTION_ARG_STRING, &keep, N_ ("With resolve: which side to keep, local or remote"), N_ ("SIDE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("[resolve ID --keep local|remote]"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;

  g_option_context_set_summary (context, _ ("List the changes sync could not merge, each with its value here "
                                            "(local) and on the server (remote), or resolve one by keeping a side."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return liaison_cli_fail (LIAISON_EXIT_USAGE, "%s", error->message);

  if (argc > 1)
    {
      char                 *end = NULL;
      gint64                id;
      LiaisonConflictChoice choice;

      if (!g_str_equal (argv[1], "resolve") || argc != 3)
        return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Use “liaison conflicts resolve ID --keep local|remote”"));
      id = g_ascii_strtoll (argv[2], &end, 10);
      if (end == argv[2] || *end != '\0' || id <= 0)
        return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("“%s” is not a conflict number"), argv[2]);
      if (g_strcmp0 (keep, "local") == 0)
        choice = LIAISON_CONFLICT_KEEP_LOCAL;
      else if (g_strcmp0 (keep, "remote") == 0)
        choice = LIAISON_CONFLICT_KEEP_REMOTE;
      else
        return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give --keep local or --keep remote"));
      if (!liaison_store_resolve_conflict (store, id, choice, &error))
        return liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);
      return LIAISON_EXIT_OK;
    }

  list = liaison_store_list_conflicts (store, FALSE, &error);
  if (list == NULL)
    return liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          LiaisonConflict *c = g_ptr_array_index (list, i);
          g_autofree char *name = record_name (store, c);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, liaison_conflict_get_id (c));
          add_member (b, "entity", liaison_conflict_get_entity (c));
          add_member (b, "entity_id", liaison_conflict_get_entity_id (c));
          add_member (b, "name", name);
          add_member (b, "field", liaison_conflict_get_field (c));
          add_member (b, "base", liaison_conflict_get_base_value (c));
          add_member (b, "local", liaison_conflict_get_local_value (c));
          add_member (b, "remote", liaison_conflict_get_remote_value (c));
          add_member (b, "created", liaison_conflict_get_created (c));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      liaison_cli_print_json (root);
      return LIAISON_EXIT_OK;
    }

  for (guint i = 0; i < list->len; i++)
    {
      LiaisonConflict *c = g_ptr_array_index (list, i);
      g_autofree char *name = record_name (store, c);
      g_autofree char *line = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, liaison_conflict_get_id (c));
      const char      *local = liaison_conflict_get_local_value (c);
      const char      *remote = liaison_conflict_get_remote_value (c);

      if (liaison_conflict_get_field (c) == NULL && local == NULL)
        /* Translators: a record deleted here and edited on the server: the conflict's number, the record */
        line = g_strdup_printf (_ ("%1$s  %2$s: deleted here, edited on the server"), number, name);
      else if (liaison_conflict_get_field (c) == NULL)
        /* Translators: a record deleted on the server and edited here: the conflict's number, the record */
        line = g_strdup_printf (_ ("%1$s  %2$s: deleted on the server, edited here"), number, name);
      else
        /* Translators: number, record, the field as “liaison conflicts --json” names it (title_zh, venue), the
         * value here, the value on the server */
        line = g_strdup_printf (_ ("%1$s  %2$s, %3$s: here “%4$s”, on the server “%5$s”"), number, name,
                                liaison_conflict_get_field (c), local ? local : "", remote ? remote : "");
      liaison_cli_outln ("%s", shown = liaison_cli_printable (line, FALSE));
    }
  return LIAISON_EXIT_OK;
}
