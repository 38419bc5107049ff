/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-gui-format.h"
#include "liaison-sync-status.h"

gboolean
liaison_sync_status_is_configured (LiaisonContext *context)
{
  GSettings       *settings = liaison_context_get_settings (context);
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;

  if (settings == NULL)
    return FALSE;
  url = g_settings_get_string (settings, "server-url");
  user = g_settings_get_string (settings, "username");
  return *url != '\0' && *user != '\0';
}

/* "Synced 5 minutes ago", whole sentences so translations can order them. */
char *
liaison_sync_status_last_sync (GDateTime *last_sync)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  int              minutes;

  if (last_sync == NULL)
    return g_strdup (_ ("Not synced yet"));
  minutes = (int) (g_date_time_difference (now, last_sync) / G_TIME_SPAN_MINUTE);
  if (minutes < 1)
    return g_strdup (_ ("Synced just now"));
  if (minutes < 60)
    return g_strdup_printf (ngettext ("Synced %d minute ago", "Synced %d minutes ago", minutes), minutes);
  if (minutes < 24 * 60)
    return g_strdup_printf (ngettext ("Synced %d hour ago", "Synced %d hours ago", minutes / 60), minutes / 60);
  local = g_date_time_to_local (last_sync);
  date = liaison_gui_format_date (local);
  time = liaison_gui_format_time (local);
  /* Translators: %1$s is a date, %2$s a time of day */
  return g_strdup_printf (_ ("Last synced %1$s at %2$s"), date, time);
}

char *
liaison_sync_status_title (LiaisonContext *context)
{
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (context);

  if (liaison_sync_engine_is_syncing (engine))
    return g_strdup (_ ("Syncing…"));
  if (!liaison_sync_status_is_configured (context))
    return g_strdup (_ ("Sync is not set up"));
  if (liaison_sync_engine_needs_password (engine))
    return g_strdup (_ ("Waiting for the password: it is asked for when a sync starts"));
  switch (liaison_sync_engine_get_state (engine))
    {
    case LIAISON_SYNC_STATE_OFFLINE:
      return g_strdup (_ ("Offline"));
    case LIAISON_SYNC_STATE_ERROR:
      return g_strdup (_ ("The last sync failed"));
    case LIAISON_SYNC_STATE_IDLE:
    case LIAISON_SYNC_STATE_SYNCING:
    default:
      return liaison_sync_status_last_sync (liaison_sync_engine_get_last_sync (engine));
    }
}

/* What is waiting and what went wrong, one sentence a line. */
char *
liaison_sync_status_detail (LiaisonContext *context)
{
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (context);
  LiaisonStore      *store = liaison_context_get_store (context);
  g_autoptr (GString) text = g_string_new (NULL);
  gboolean configured = liaison_sync_status_is_configured (context);
  /* Without a server, "waiting" means nothing (and the whole journal would
   * be counted at every change). */
  guint       pending = configured ? liaison_store_sync_count_pending (store) : 0;
  guint       conflicts = g_list_model_get_n_items (liaison_sync_engine_get_conflicts (engine));
  const char *error = liaison_sync_engine_get_last_error (engine);

  if (!configured)
    g_string_append (text, _ ("Enter the secretariat’s server address and your user name in Preferences."));
  else if (error != NULL && !liaison_sync_engine_is_syncing (engine))
    {
      g_autofree char *said = liaison_sync_status_error (context);

      g_string_append (text, said);
    }
  if (pending > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u change waiting to be sent", "%u changes waiting to be sent", pending),
                              pending);
    }
  if (conflicts > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u change to review", "%u changes to review", conflicts), conflicts);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The last sync's failure as the window says it: a missing password in
 * the window's words (the engine's may name the command line's ways). */
char *
liaison_sync_status_error (LiaisonContext *context)
{
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (context);
  GSettings         *settings = liaison_context_get_settings (context);
  g_autofree char   *user = settings != NULL ? g_settings_get_string (settings, "username") : g_strdup ("");

  switch (liaison_sync_engine_get_last_error_code (engine))
    {
    case LIAISON_SYNC_ERROR_NO_KEYRING:
      /* Translators: %s is the user name on the sync server */
      return g_strdup_printf (_ ("This desktop has no password store, so Liaison cannot keep the sync password of "
                                 "%s. Sync, and Liaison asks for it."),
                              user);
    case LIAISON_SYNC_ERROR_NO_PASSWORD:
      if (liaison_sync_engine_get_ask_password (engine))
        /* Translators: %s is the user name on the sync server */
        return g_strdup_printf (_ ("Liaison asks for the sync password of %s at each sync."), user);
      /* Translators: %s is the user name on the sync server */
      return g_strdup_printf (_ ("Liaison has no password for %s to sync with the secretariat. Enter it in "
                                 "Preferences."),
                              user);
    default:
      return g_strdup (liaison_sync_engine_get_last_error (engine));
    }
}

/* What is true of the password, for the password row of Preferences:
 * NULL when the keyring keeps it as usual. */
char *
liaison_sync_status_password (LiaisonContext *context)
{
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (context);

  if (liaison_sync_engine_get_ask_password (engine))
    return g_strdup (_ ("Password (Asked at Each Sync)"));
  if (liaison_sync_engine_get_keyring (engine) != LIAISON_SYNC_KEYRING_MISSING)
    return NULL;
  if (liaison_sync_engine_has_password (engine))
    return g_strdup (_ ("Password (Kept Until Liaison Quits)"));
  return g_strdup (_ ("Password (Not Kept: No Password Store)"));
}
