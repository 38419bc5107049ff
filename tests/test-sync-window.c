/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <string.h>

#include "liaison-conflicts-page.h"
#include "liaison-preferences-window.h"
#include "liaison-sync-banner.h"
#include "liaison-sync-button.h"
#include "test-ui.h"

/* The window's sync as a person uses it, against the Radicale that
 * tests/dav-fixture.py starts: the server set up in Preferences through its
 * rows, a sync from the button's action, the last sync shown, a change
 * made in both offices resolved on the conflict page, and the banner a
 * wrong password brings. */

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set: run this test through tests/dav-fixture.py", name);
  return value;
}

static LiaisonSyncEngine *
engine_of (TestUi *ui)
{
  return liaison_context_get_sync_engine (ui->context);
}

static gboolean
sync_done (gpointer data)
{
  return !liaison_sync_engine_is_syncing (data);
}

static LiaisonSyncButton *sync_button (TestUi *ui);

/* Waits for the sync to end and the window to say so: the button's spinner
 * stops, the banner and the toast (if the sync brought or sent anything)
 * come with the same answer, and the toast slides in. */
static void
wait_for_sync (TestUi *ui)
{
  g_assert_true (test_ui_wait_for (sync_done, engine_of (ui), 120));
  test_ui_wait_loaded (GTK_WIDGET (sync_button (ui)));
  test_ui_wait_toast_still (ui);
}

static void
apply_row (GtkWidget *root, const char *id, const char *text)
{
  GtkWidget *row = test_ui_get_id (root, id);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  /* What the row's apply button (or Enter) does. */
  g_signal_emit_by_name (row, "apply");
}

static gboolean
keyring_answered (gpointer data)
{
  return test_ui_shows_text (data, _ ("The password is saved in the keyring.")) ||
         test_ui_shows_text (data, _ ("This desktop has no password store: Liaison keeps the password until it "
                                      "quits, never on disk."));
}

/* Waits for the keyring's answer to the password, which the window shows
 * in a toast (saved, or that there is no password store). */
static void
wait_keyring (GtkWidget *preferences)
{
  if (!test_ui_wait_for (keyring_answered, preferences, 30))
    g_error ("The keyring never answered");
}

static void
set_up_in_preferences (TestUi *ui, const char *url, const char *user, const char *password)
{
  GtkWindow *preferences;

  test_ui_activate (ui, "win.sync-preferences", NULL);
  preferences = test_ui_dialog (ui, LIAISON_TYPE_PREFERENCES_WINDOW);
  if (url != NULL)
    apply_row (GTK_WIDGET (preferences), "server_row", url);
  if (user != NULL)
    apply_row (GTK_WIDGET (preferences), "user_row", user);
  apply_row (GTK_WIDGET (preferences), "password_row", password);
  /* The password never stays in the entry. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_ui_get_id (GTK_WIDGET (preferences), "password_row"))), ==,
                   "");
  wait_keyring (GTK_WIDGET (preferences));
  gtk_window_destroy (preferences);
  test_ui_wait_closed (LIAISON_TYPE_PREFERENCES_WINDOW);
}

typedef struct
{
  TestUi     *ui;
  const char *text;
} Status;

static gboolean
status_says (gpointer data)
{
  Status *s = data;

  return strstr (liaison_sync_button_get_status (sync_button (s->ui)), s->text) != NULL;
}

static LiaisonSyncButton *
sync_button (TestUi *ui)
{
  return LIAISON_SYNC_BUTTON (test_ui_get_id (GTK_WIDGET (ui->window), "sync_button"));
}

static LiaisonSyncBanner *
banner (TestUi *ui)
{
  return LIAISON_SYNC_BANNER (test_ui_get_id (GTK_WIDGET (ui->window), "sync_banner"));
}

static void
set_venue (LiaisonStore *store, const char *id, const char *venue)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonEvent) e = liaison_store_get_event (store, id, &error);

  g_assert_no_error (error);
  liaison_event_set_venue (e, venue);
  g_assert_true (liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
}

static const char *
venue_of (LiaisonStore *store, const char *id)
{
  static char *last;
  g_autoptr (LiaisonEvent) e = liaison_store_get_event (store, id, NULL);

  g_free (last);
  last = e != NULL ? g_strdup (liaison_event_get_venue (e)) : NULL;
  return last;
}

/* The other office: a database and an engine, no window. */
typedef struct
{
  char              *dir;
  LiaisonStore      *store;
  LiaisonSyncEngine *engine;
} Office;

static void
on_office_synced (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonSyncSummary) s = liaison_sync_engine_sync_finish (LIAISON_SYNC_ENGINE (source), result, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (s->errors->len, ==, 0);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
office_sync (Office *o)
{
  gboolean done = FALSE;

  liaison_sync_engine_sync_async (o->engine, NULL, on_office_synced, &done);
  g_assert_true (test_ui_wait_for (is_true, &done, 120));
}

static void
test_sync_window (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GSettings       *settings = liaison_context_get_settings (ui->context);
  const char      *url = env ("LIAISON_TEST_DAV_URL");
  Office           other = { NULL, NULL, NULL };
  g_autofree char *other_db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonEvent) e = NULL;
  LiaisonConflictsPage *page;
  GtkWidget            *keep;
  GtkButton            *banner_button;
  const char           *id;

  /* Nothing set up: the button says so and cannot sync. */
  g_assert_nonnull (strstr (liaison_sync_button_get_status (sync_button (ui)), _ ("Sync is not set up")));
  g_assert_false (gtk_widget_is_sensitive (test_ui_get_id (GTK_WIDGET (sync_button (ui)), "now_button")));
  gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.sync", NULL);
  /* Nothing started by the next frame. */
  test_ui_wait_painted (GTK_WIDGET (ui->window));
  g_assert_false (liaison_sync_engine_is_syncing (engine_of (ui)));
  g_assert_null (liaison_sync_engine_get_last_error (engine_of (ui)));
  g_assert_false (liaison_sync_banner_get_revealed (banner (ui)));

  /* Set up in Preferences, synced from the button's action. */
  set_up_in_preferences (ui, url, "user1", "secret");
  {
    g_autofree char *saved_url = g_settings_get_string (settings, "server-url");
    g_autofree char *saved_user = g_settings_get_string (settings, "username");

    g_assert_cmpstr (saved_url, ==, url);
    g_assert_cmpstr (saved_user, ==, "user1");
  }
  test_ui_screenshot (ui, test_ui_chinese () ? "sync-set-up-zh_CN.png" : "sync-set-up-en.png");
  /* The button itself, as a click on it does. */
  {
    GtkWidget *button = test_ui_get_id (GTK_WIDGET (sync_button (ui)), "now_button");

    g_assert_true (gtk_widget_is_sensitive (button));
    g_signal_emit_by_name (button, "clicked");
    g_assert_true (liaison_sync_engine_is_syncing (engine_of (ui)));
  }
  wait_for_sync (ui);
  g_assert_cmpint (liaison_sync_engine_get_state (engine_of (ui)), ==, LIAISON_SYNC_STATE_IDLE);
  g_assert_nonnull (liaison_sync_engine_get_last_sync (engine_of (ui)));
  g_test_message ("status: %s", liaison_sync_button_get_status (sync_button (ui)));
  g_assert_nonnull (strstr (liaison_sync_button_get_status (sync_button (ui)), _ ("Synced just now")));
  {
    g_autofree char *sent = g_strdup_printf (ngettext ("Synced: %u change sent", "Synced: %u changes sent", 62), 62);

    g_assert_cmpstr (adw_toast_get_title (liaison_window_get_last_toast (ui->window)), ==, sent);
  }
  g_assert_false (liaison_sync_banner_get_revealed (banner (ui)));

  /* A local change waits until the next sync. */
  e = liaison_event_new (NULL);
  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, "Mangrove restoration workshop");
  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH, "红树林修复研讨会");
  g_assert_true (liaison_event_set_when (e, "2026-03-10T09:00", "2026-03-11T17:00", "Asia/Jakarta", &error));
  liaison_event_set_venue (e, "Balai Kartini");
  g_assert_true (liaison_store_save_event (ui->store, e, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  id = liaison_event_get_id (e);
  {
    g_autofree char *waiting =
        g_strdup_printf (ngettext ("%u change waiting to be sent", "%u changes waiting to be sent", 1), 1);
    Status shown = { ui, waiting };

    test_ui_wait_for (status_says, &shown, 10);

    g_assert_nonnull (strstr (liaison_sync_button_get_status (sync_button (ui)), waiting));
    test_ui_activate (ui, "win.sync", NULL);
    wait_for_sync (ui);
    g_assert_null (strstr (liaison_sync_button_get_status (sync_button (ui)), waiting));
  }

  /* The other office gets it, and both change the venue. */
  other.dir = test_make_dir ();
  other_db = g_build_filename (other.dir, "other.db", NULL);
  other.store = liaison_store_open (other_db, &error);
  g_assert_no_error (error);
  other.engine = liaison_sync_engine_new (other.store, NULL);
  liaison_sync_engine_set_account (other.engine, url, "user1");
  liaison_sync_engine_set_password (other.engine, "secret");
  office_sync (&other);
  g_assert_cmpstr (venue_of (other.store, id), ==, "Balai Kartini");
  set_venue (other.store, id, "Jakarta Convention Center, Hall B");
  office_sync (&other);
  set_venue (ui->store, id, "Balai Kartini, Room 2");
  test_ui_activate (ui, "win.sync", NULL);
  wait_for_sync (ui);

  /* Nothing silently: the banner, the sidebar row, the page. */
  g_assert_true (liaison_sync_banner_get_revealed (banner (ui)));
  {
    g_autofree char *unmerged =
        g_strdup_printf (ngettext ("%u change made in both offices could not be merged: choose which to keep.",
                                   "%u changes made in both offices could not be merged: choose which to keep.", 1),
                         1);

    g_assert_cmpstr (liaison_sync_banner_get_title (banner (ui)), ==, unmerged);
  }
  g_assert_true (gtk_widget_get_visible (test_ui_get_id (GTK_WIDGET (ui->window), "conflicts_row")));
  g_assert_cmpstr (venue_of (ui->store, id), ==, "Jakarta Convention Center, Hall B");
  test_ui_screenshot (ui, test_ui_chinese () ? "sync-conflict-banner-zh_CN.png" : "sync-conflict-banner-en.png");
  banner_button = liaison_sync_banner_get_button (banner (ui));
  test_ui_activate (ui, gtk_actionable_get_action_name (GTK_ACTIONABLE (banner_button)),
                    gtk_actionable_get_action_target_value (GTK_ACTIONABLE (banner_button)));
  g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "conflicts");
  /* On the page, the banner does not point at it any more. */
  g_assert_false (liaison_sync_banner_get_revealed (banner (ui)));
  page = LIAISON_CONFLICTS_PAGE (test_ui_page (ui, "conflicts"));
  g_assert_true (test_ui_shows_text (GTK_WIDGET (page), "Balai Kartini, Room 2"));
  g_assert_true (test_ui_shows_text (GTK_WIDGET (page), "Jakarta Convention Center, Hall B"));
  g_assert_true (test_ui_shows_text (GTK_WIDGET (page), "红树林修复研讨会"));
  g_assert_true (test_ui_shows_text (GTK_WIDGET (page), _ ("Venue")));
  test_ui_screenshot (ui, test_ui_chinese () ? "sync-conflicts-page-zh_CN.png" : "sync-conflicts-page-en.png");

  /* Keep this office's venue: it goes to the other office too. */
  keep = test_ui_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "keep-local");
  g_assert_nonnull (keep);
  g_signal_emit_by_name (keep, "clicked");
  test_ui_wait_n_items (liaison_sync_engine_get_conflicts (engine_of (ui)), 0);
  g_assert_cmpuint (g_list_model_get_n_items (liaison_sync_engine_get_conflicts (engine_of (ui))), ==, 0);
  g_assert_false (gtk_widget_get_visible (test_ui_get_id (GTK_WIDGET (ui->window), "conflicts_row")));
  g_assert_false (liaison_sync_banner_get_revealed (banner (ui)));
  g_assert_cmpstr (venue_of (ui->store, id), ==, "Balai Kartini, Room 2");
  test_ui_activate (ui, "win.sync", NULL);
  wait_for_sync (ui);
  office_sync (&other);
  g_assert_cmpstr (venue_of (other.store, id), ==, "Balai Kartini, Room 2");
  g_assert_cmpuint (liaison_store_count_conflicts (other.store), ==, 0);

  /* A wrong password: the banner says what to do. */
  set_up_in_preferences (ui, NULL, NULL, "not the password");
  test_ui_activate (ui, "win.sync", NULL);
  wait_for_sync (ui);
  g_assert_cmpint (liaison_sync_engine_get_last_error_code (engine_of (ui)), ==, LIAISON_SYNC_ERROR_AUTH);
  g_assert_true (liaison_sync_banner_get_revealed (banner (ui)));
  {
    g_autofree char *refused =
        g_strdup_printf (_ ("The secretariat’s server refused the password of %s. Nothing was synced."), "user1");

    g_assert_cmpstr (liaison_sync_banner_get_title (banner (ui)), ==, refused);
  }
  banner_button = liaison_sync_banner_get_button (banner (ui));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner_button)), ==, "win.sync-preferences");
  test_ui_screenshot (ui, test_ui_chinese () ? "sync-wrong-password-zh_CN.png" : "sync-wrong-password-en.png");
  /* Its button opens Preferences, where the password goes in again. */
  set_up_in_preferences (ui, NULL, NULL, "secret");
  test_ui_activate (ui, "win.sync", NULL);
  wait_for_sync (ui);
  g_assert_false (liaison_sync_banner_get_revealed (banner (ui)));

  /* No server there: offline, and the changes are kept. */
  set_up_in_preferences (ui, "http://127.0.0.1:1/", NULL, "secret");
  test_ui_activate (ui, "win.sync", NULL);
  wait_for_sync (ui);
  g_assert_cmpint (liaison_sync_engine_get_state (engine_of (ui)), ==, LIAISON_SYNC_STATE_OFFLINE);
  g_assert_true (liaison_sync_banner_get_revealed (banner (ui)));
  g_assert_cmpstr (
      liaison_sync_banner_get_title (banner (ui)), ==,
      _ ("Offline: the secretariat’s server cannot be reached. Liaison will retry; your changes are kept."));
  banner_button = liaison_sync_banner_get_button (banner (ui));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner_button)), ==, "win.sync");
  g_assert_nonnull (strstr (liaison_sync_button_get_status (sync_button (ui)), _ ("Offline")));
  test_ui_screenshot (ui, test_ui_chinese () ? "sync-offline-zh_CN.png" : "sync-offline-en.png");

  /* The worker threads let go of their engines a moment after the result
   * came back. */
  test_ui_wait_for (test_ui_only_reference, other.engine, 5);
  test_ui_wait_for (test_ui_only_reference, engine_of (ui), 5);
  g_assert_cmpuint (G_OBJECT (engine_of (ui))->ref_count, ==, 1);
  g_assert_finalize_object (other.engine);
  g_assert_finalize_object (other.store);
  test_remove_tree (other.dir);
  g_free (other.dir);
  g_settings_reset (settings, "server-url");
  g_settings_reset (settings, "username");
}

/* What no message may show: the keyring's D-Bus error. */
static const char *const dbus_words[] = { "org.freedesktop", "GDBus", "DBus" };

static void
assert_no_dbus (const char *what, const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (dbus_words); i++)
    if (strstr (text, dbus_words[i]) != NULL)
      g_error ("%s shows D-Bus words: %s", what, text);
}

/* Every visible label and entry, and every tooltip, under root. */
static void
assert_tree_no_dbus (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        assert_no_dbus (G_OBJECT_TYPE_NAME (root), gtk_label_get_text (GTK_LABEL (child)));
      if (GTK_IS_EDITABLE (child))
        assert_no_dbus (G_OBJECT_TYPE_NAME (root), gtk_editable_get_text (GTK_EDITABLE (child)));
      assert_no_dbus ("a tooltip", gtk_widget_get_tooltip_text (child));
      assert_tree_no_dbus (child);
    }
}

static void
assert_window_no_dbus (TestUi *ui)
{
  AdwToast *toast = liaison_window_get_last_toast (ui->window);

  assert_tree_no_dbus (GTK_WIDGET (ui->window));
  assert_no_dbus ("the banner", liaison_sync_banner_get_title (banner (ui)));
  assert_no_dbus ("the sync button's popover", liaison_sync_button_get_status (sync_button (ui)));
  if (toast != NULL)
    assert_no_dbus ("a toast", adw_toast_get_title (toast));
}

/* The password, as it is and as Basic credentials, in no file under path. */
static void
assert_no_password_in (const char *path, const char *user, const char *password)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  g_autofree char *pair = g_strconcat (user, ":", password, NULL);
  g_autofree char *basic = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *data = NULL;
  gsize            size = 0;
  const char      *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          assert_no_password_in (child, user, password);
        }
      return;
    }
  if (!g_file_get_contents (path, &data, &size, NULL))
    return;
  if (memmem (data, size, password, strlen (password)) != NULL || memmem (data, size, basic, strlen (basic)) != NULL)
    g_error ("%s holds the sync password", path);
}

static gboolean
no_store_toast (gpointer preferences)
{
  return test_ui_shows_text (preferences, _ ("This desktop has no password store: Liaison keeps the password until "
                                             "it quits, never on disk."));
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_visible (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A click on the dialog's button with that label. */
static void
press_response (AdwMessageDialog *dialog, const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The prompt a sync shows when no keyring keeps the password: typed,
 * kept or not, and answered. */
static void
answer_prompt (TestUi *ui, const char *password, gboolean keep)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (test_ui_dialog (ui, ADW_TYPE_MESSAGE_DIALOG));
  g_autofree char  *body = NULL;
  GtkWidget        *entry = test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_PASSWORD_ENTRY, NULL);
  GtkWidget        *check = test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, NULL);

  g_assert_nonnull (entry);
  g_assert_nonnull (check);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _ ("Sync Password"));
  body = g_strdup_printf (_ ("This desktop has no password store, so Liaison does not save the password of %s. "
                             "Type it to sync: it is never written to disk."),
                          env ("LIAISON_TEST_SECRET_USER"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  assert_tree_no_dbus (GTK_WIDGET (dialog));
  test_ui_screenshot_widget (GTK_WIDGET (dialog),
                             test_ui_chinese () ? "sync-password-prompt-zh_CN.png" : "sync-password-prompt-en.png");
  /* Nothing to send yet: Sync waits for a password. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "sync"));
  if (password == NULL)
    {
      press_response (dialog, _ ("_Cancel"));
      test_ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "sync"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), keep);
  press_response (dialog, _ ("_Sync"));
  test_ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
}

/* A desktop without a Secret Service (main () names a bus name nobody
 * owns): the password entered in Preferences is kept for the session, the
 * window says so in words and syncs; after a restart the sync asks for it,
 * and "ask at each sync" asks again; no message shows the keyring's
 * D-Bus error, and no file holds the password. */
static void
test_no_keyring (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "liaison.db", NULL);
  g_autofree char *keyfile = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
  const char      *url = env ("LIAISON_TEST_DAV_URL");
  const char      *user = env ("LIAISON_TEST_SECRET_USER");
  const char      *password = env ("LIAISON_TEST_SECRET_PASSWORD");
  TestUi          *ui = test_ui_new (db);
  g_autoptr (GSettings) settings = g_settings_new ("org.chinaaseanenv.Liaison");
  GtkWindow *preferences;
  GtkWidget *password_row;

  /* Server, user and password entered, as a person does. */
  test_ui_activate (ui, "win.sync-preferences", NULL);
  preferences = test_ui_dialog (ui, LIAISON_TYPE_PREFERENCES_WINDOW);
  apply_row (GTK_WIDGET (preferences), "server_row", url);
  apply_row (GTK_WIDGET (preferences), "user_row", user);
  apply_row (GTK_WIDGET (preferences), "password_row", password);
  if (!test_ui_wait_for (no_store_toast, preferences, 30))
    g_error ("Preferences never said there is no password store");
  password_row = test_ui_get_id (GTK_WIDGET (preferences), "password_row");
  /* No dots as if saved: the field is empty, and its title says where
   * the password is. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password_row)), ==, "");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (password_row)), ==,
                   _ ("Password (Kept Until Liaison Quits)"));
  g_assert_true (gtk_widget_get_visible (test_ui_get_id (GTK_WIDGET (preferences), "password_kept_row")));
  g_assert_cmpuint (adw_combo_row_get_selected (
                        ADW_COMBO_ROW (test_ui_get_id (GTK_WIDGET (preferences), "password_kept_row"))),
                    ==, 0);
  /* The Sync row says it is set up. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (test_ui_get_id (GTK_WIDGET (preferences), "sync_row"))),
                   ==, _ ("Not synced yet"));
  assert_tree_no_dbus (GTK_WIDGET (preferences));
  g_assert_cmpint (liaison_sync_engine_get_keyring (engine_of (ui)), ==, LIAISON_SYNC_KEYRING_MISSING);
  gtk_window_destroy (preferences);
  test_ui_wait_closed (LIAISON_TYPE_PREFERENCES_WINDOW);

  /* Kept for the session: a sync needs nothing more. */
  test_ui_activate (ui, "win.sync", NULL);
  g_assert_true (liaison_sync_engine_is_syncing (engine_of (ui)));
  wait_for_sync (ui);
  g_assert_cmpint (liaison_sync_engine_get_last_error_code (engine_of (ui)), ==, -1);
  g_assert_cmpint (liaison_sync_engine_get_state (engine_of (ui)), ==, LIAISON_SYNC_STATE_IDLE);
  g_assert_nonnull (liaison_sync_engine_get_last_sync (engine_of (ui)));
  g_assert_false (liaison_sync_banner_get_revealed (banner (ui)));
  assert_window_no_dbus (ui);
  test_ui_free (ui);

  /* The next run: nothing kept, so the sync fails and says why, in words. */
  ui = test_ui_new (db);
  test_ui_activate (ui, "win.sync", NULL);
  wait_for_sync (ui);
  g_assert_cmpint (liaison_sync_engine_get_last_error_code (engine_of (ui)), ==, LIAISON_SYNC_ERROR_NO_KEYRING);
  g_assert_true (liaison_sync_banner_get_revealed (banner (ui)));
  {
    g_autofree char *said = g_strdup_printf (_ ("This desktop has no password store, so Liaison cannot keep the sync "
                                                "password of %s. Sync, and Liaison asks for it."),
                                             user);

    g_assert_cmpstr (liaison_sync_banner_get_title (banner (ui)), ==, said);
    g_assert_nonnull (strstr (liaison_sync_button_get_status (sync_button (ui)), said));
  }
  assert_window_no_dbus (ui);
  test_ui_screenshot (ui, test_ui_chinese () ? "sync-no-keyring-zh_CN.png" : "sync-no-keyring-en.png");

  /* The banner's button asks for the password; this time for one sync. */
  {
    GtkButton *button = liaison_sync_banner_get_button (banner (ui));

    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.sync");
    test_ui_activate (ui, "win.sync", NULL);
  }
  answer_prompt (ui, password, FALSE);
  g_assert_true (liaison_sync_engine_is_syncing (engine_of (ui)));
  wait_for_sync (ui);
  g_assert_cmpint (liaison_sync_engine_get_last_error_code (engine_of (ui)), ==, -1);
  g_assert_false (liaison_sync_banner_get_revealed (banner (ui)));
  /* Asked at each sync: forgotten now, and asked for again. */
  g_assert_false (liaison_sync_engine_has_password (engine_of (ui)));
  g_assert_true (liaison_sync_engine_get_ask_password (engine_of (ui)));
  g_assert_nonnull (strstr (liaison_sync_button_get_status (sync_button (ui)),
                            _ ("Waiting for the password: it is asked for when a sync starts")));
  test_ui_activate (ui, "win.sync-preferences", NULL);
  preferences = test_ui_dialog (ui, LIAISON_TYPE_PREFERENCES_WINDOW);
  g_assert_cmpstr (adw_preferences_row_get_title (
                       ADW_PREFERENCES_ROW (test_ui_get_id (GTK_WIDGET (preferences), "password_row"))),
                   ==, _ ("Password (Asked at Each Sync)"));
  g_assert_cmpuint (adw_combo_row_get_selected (
                        ADW_COMBO_ROW (test_ui_get_id (GTK_WIDGET (preferences), "password_kept_row"))),
                    ==, 1);
  assert_tree_no_dbus (GTK_WIDGET (preferences));
  gtk_window_destroy (preferences);
  test_ui_wait_closed (LIAISON_TYPE_PREFERENCES_WINDOW);
  test_ui_activate (ui, "win.sync", NULL);
  answer_prompt (ui, NULL, FALSE);
  test_ui_wait_painted (GTK_WIDGET (ui->window));
  g_assert_false (liaison_sync_engine_is_syncing (engine_of (ui)));
  assert_window_no_dbus (ui);

  /* The command line says it in words too, and how to give the password. */
  {
    g_autofree char *liaison = g_test_build_filename (G_TEST_BUILT, "..", "app", "liaison", NULL);
    const char      *argv[] = { liaison, "--database", db, "sync", "--url", url, "--username", user, NULL };
    g_auto (GStrv) envp = g_environ_unsetenv (g_get_environ (), "LIAISON_PASSWORD");
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autoptr (GError) error = NULL;
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                                 &error));
    g_assert_no_error (error);
    g_test_message ("liaison sync: %s", err);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    assert_no_dbus ("liaison sync's output", out);
    assert_no_dbus ("liaison sync's errors", err);
    g_assert_nonnull (strstr (err, "LIAISON_PASSWORD"));
    g_assert_nonnull (strstr (err, "--password-file"));
  }

  g_settings_sync ();
  test_ui_free (ui);
  /* Nothing on disk holds it: not the database, not the settings. */
  g_assert_true (g_file_test (keyfile, G_FILE_TEST_EXISTS));
  {
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (keyfile, &kept, NULL, NULL));
    g_assert_nonnull (strstr (kept, user));
  }
  assert_no_password_in (dir, user, password);
  assert_no_password_in (keyfile, user, password);
  assert_no_password_in (g_get_user_config_dir (), user, password);
  assert_no_password_in (g_get_user_data_dir (), user, password);
  test_remove_tree (dir);
  g_settings_reset (settings, "server-url");
  g_settings_reset (settings, "username");
}

int
main (int argc, char **argv)
{
  /* No Secret Service, whatever the session bus has (libsecret asks this
   * name instead of org.freedesktop.secrets; nobody owns it, and its
   * D-Bus error names it, so a message that leaked the error would show
   * "org.freedesktop"), and settings kept in a file, so the test can look
   * for the password in it. */
  g_setenv ("SECRET_SERVICE_BUS_NAME", "org.freedesktop.secrets.LiaisonTestNobody", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/sync-window/sync", test_sync_window);
  g_test_add_func ("/liaison/sync-window/no-keyring", test_no_keyring);

  return g_test_run ();
}
