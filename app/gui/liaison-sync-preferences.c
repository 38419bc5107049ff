/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-sync-password.h"
#include "liaison-gui-wrap.h"
#include "liaison-sync-preferences.h"
#include "liaison-sync-status.h"

/* Preferences' "Sync with the Secretariat" group: the server and user name
 * go to the settings when applied (not at each key), the password to the
 * keyring through the engine's libsecret schema (never to the settings or
 * the database), and "Sync Now" shows what the sync did. */
struct _LiaisonSyncPreferences
{
  AdwPreferencesGroup parent_instance;

  LiaisonContext *context;

  AdwEntryRow         *server_row;
  AdwEntryRow         *user_row;
  AdwPasswordEntryRow *password_row;
  AdwComboRow         *password_kept_row;
  GtkSwitch           *automatic_switch;
  GtkSpinButton       *interval_spin;
  AdwActionRow        *sync_row;
  GtkSpinner          *sync_spinner;
  GtkButton           *sync_button;
  AdwComboRow         *calendar_row;
  AdwComboRow         *address_book_row;

  /* Per row: the URL of each item, "" first (Liaison's own). */
  GPtrArray    *urls[2];
  GCancellable *finding;
  gboolean      filling;
  char         *result; /* what the last "Sync Now" here said, until the account changes */
};

G_DEFINE_FINAL_TYPE (LiaisonSyncPreferences, liaison_sync_preferences, ADW_TYPE_PREFERENCES_GROUP)

static void
toast (LiaisonSyncPreferences *self,
       const char             *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static void
update (LiaisonSyncPreferences *self)
{
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (self->context);
  gboolean           syncing = liaison_sync_engine_is_syncing (engine);

  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button),
                            !syncing && liaison_sync_status_is_configured (self->context));
  gtk_spinner_set_spinning (self->sync_spinner, syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_spinner), syncing);
  /* The Sync row says how it stands now, or what "Sync Now" just did. */
  if (syncing)
    adw_action_row_set_subtitle (self->sync_row, _ ("Syncing…"));
  else if (self->result != NULL)
    adw_action_row_set_subtitle (self->sync_row, self->result);
  else
    {
      g_autofree char *error = liaison_sync_engine_get_last_error (engine) != NULL
                                   ? liaison_sync_status_error (self->context)
                                   : NULL;
      g_autofree char *status = liaison_sync_status_title (self->context);

      adw_action_row_set_subtitle (self->sync_row, error != NULL && liaison_sync_status_is_configured (self->context)
                                                       ? error
                                                       : status);
    }
}

/* The password row says what is true of the password: kept in the
 * keyring (its plain title), until Liaison quits, or asked at each sync;
 * the choice between the last two shows when there is no keyring. */
static void
update_password (LiaisonSyncPreferences *self)
{
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (self->context);
  g_autofree char   *title = liaison_sync_status_password (self->context);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), title != NULL ? title : _ ("Password"));
  gtk_widget_set_visible (GTK_WIDGET (self->password_kept_row),
                          liaison_sync_engine_get_keyring (engine) == LIAISON_SYNC_KEYRING_MISSING ||
                              liaison_sync_engine_get_ask_password (engine));
  self->filling = TRUE;
  adw_combo_row_set_selected (self->password_kept_row, liaison_sync_engine_get_ask_password (engine) ? 1 : 0);
  self->filling = FALSE;
}

static void
on_password_kept_selected (LiaisonSyncPreferences *self)
{
  LiaisonSyncEngine *engine;
  gboolean           ask = adw_combo_row_get_selected (self->password_kept_row) == 1;

  if (self->filling || self->context == NULL)
    return;
  engine = liaison_context_get_sync_engine (self->context);
  if (ask == liaison_sync_engine_get_ask_password (engine))
    return;
  liaison_sync_engine_set_ask_password (engine, ask);
  /* Asked at each sync: nothing is kept from now on. */
  if (ask)
    liaison_sync_engine_set_password (engine, NULL);
}

static const char *
collection_key (LiaisonSyncService service)
{
  return service == LIAISON_SYNC_SERVICE_CALDAV ? "calendar-url" : "address-book-url";
}

static AdwComboRow *
collection_row (LiaisonSyncPreferences *self, LiaisonSyncService service)
{
  return service == LIAISON_SYNC_SERVICE_CALDAV ? self->calendar_row : self->address_book_row;
}

/* One row's items: Liaison's own, the chosen one (known even before the
 * server was asked), and what the server has; the chosen one selected. */
static void
fill_collections (LiaisonSyncPreferences *self, LiaisonSyncService service, GPtrArray *found)
{
  g_autofree char *chosen =
      g_settings_get_string (liaison_context_get_settings (self->context), collection_key (service));
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *urls = g_ptr_array_new_with_free_func (g_free);
  guint      selected = 0;

  gtk_string_list_append (names, service == LIAISON_SYNC_SERVICE_CALDAV
                                     ? _ ("Liaison’s Own Calendar (Made When Missing)")
                                     : _ ("Liaison’s Own Address Book (Made When Missing)"));
  g_ptr_array_add (urls, g_strdup (""));
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      LiaisonSyncCollection *c = g_ptr_array_index (found, i);

      if (c->service != service)
        continue;
      if (g_str_equal (c->url, chosen))
        selected = urls->len;
      gtk_string_list_append (names, c->name);
      g_ptr_array_add (urls, g_strdup (c->url));
    }
  if (*chosen != '\0' && selected == 0)
    {
      selected = urls->len;
      gtk_string_list_append (names, chosen);
      g_ptr_array_add (urls, g_strdup (chosen));
    }

  self->filling = TRUE;
  g_clear_pointer (&self->urls[service], g_ptr_array_unref);
  self->urls[service] = urls;
  adw_combo_row_set_model (collection_row (self, service), G_LIST_MODEL (names));
  adw_combo_row_set_selected (collection_row (self, service), selected);
  self->filling = FALSE;
}

static void
on_collection_selected (LiaisonSyncPreferences *self, GParamSpec *pspec, AdwComboRow *row)
{
  LiaisonSyncService service = row == self->calendar_row ? LIAISON_SYNC_SERVICE_CALDAV : LIAISON_SYNC_SERVICE_CARDDAV;
  guint              selected = adw_combo_row_get_selected (row);

  if (self->filling || self->urls[service] == NULL || selected >= self->urls[service]->len)
    return;
  g_settings_set_string (liaison_context_get_settings (self->context), collection_key (service),
                         g_ptr_array_index (self->urls[service], selected));
}

static void
on_collections_found (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonSyncPreferences) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found =
      liaison_sync_engine_find_collections_finish (LIAISON_SYNC_ENGINE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    return;
  /* Without an answer, the rows keep what they offer already. */
  if (found == NULL)
    return;
  for (LiaisonSyncService s = 0; s < 2; s++)
    fill_collections (self, s, found);
}

/* Ask the server what it has, when the account is complete. */
static void
find_collections (LiaisonSyncPreferences *self)
{
  g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  if (!liaison_sync_status_is_configured (self->context))
    return;
  self->finding = g_cancellable_new ();
  liaison_sync_engine_find_collections_async (liaison_context_get_sync_engine (self->context), self->finding,
                                              on_collections_found, g_object_ref (self));
}

static void
on_account_changed (LiaisonSyncPreferences *self)
{
  g_clear_pointer (&self->result, g_free);
  update (self);
}

static void
on_server_applied (LiaisonSyncPreferences *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));

  /* Another account: its password is looked up in the keyring again. */
  liaison_sync_engine_set_password (liaison_context_get_sync_engine (self->context), NULL);
  g_settings_set_string (liaison_context_get_settings (self->context), "server-url", url);
  find_collections (self);
}

static void
on_user_applied (LiaisonSyncPreferences *self)
{
  g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));

  liaison_sync_engine_set_password (liaison_context_get_sync_engine (self->context), NULL);
  g_settings_set_string (liaison_context_get_settings (self->context), "username", user);
  find_collections (self);
}

static void
on_password_stored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (LiaisonSyncPreferences) self = user_data;
  g_autoptr (GError) error = NULL;

  /* Not cancelled when the window closes: the password still goes to the
   * keyring, only the toast has nowhere to go (toast () checks). The
   * keyring's own error (D-Bus words) is never shown. */
  if (liaison_sync_engine_save_password_finish (LIAISON_SYNC_ENGINE (source), result, &error))
    toast (self, _ ("The password is saved in the keyring."));
  else if (liaison_sync_engine_get_ask_password (LIAISON_SYNC_ENGINE (source)))
    toast (self, _ ("This desktop has no password store: Liaison asks for the password at each sync, and keeps "
                    "it only during that sync."));
  else
    toast (self, _ ("This desktop has no password store: Liaison keeps the password until it quits, never on "
                    "disk."));
}

static void
on_password_applied (LiaisonSyncPreferences *self)
{
  GSettings       *settings = liaison_context_get_settings (self->context);
  g_autofree char *url = g_settings_get_string (settings, "server-url");
  g_autofree char *user = g_settings_get_string (settings, "username");
  g_autofree char *password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));

  if (*url == '\0' || *user == '\0')
    {
      toast (self, _ ("Enter the server address and the user name first."));
      return;
    }
  /* For this run at once; for the next ones, from the keyring, else asked
   * for (the engine keeps it in memory only). */
  liaison_sync_engine_save_password_async (liaison_context_get_sync_engine (self->context), password, NULL,
                                           on_password_stored, g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  find_collections (self);
}

static char *
summary_text (const LiaisonSyncSummary *s)
{
  if (s->errors->len > 0)
    /* Translators: %1$u is a count; %2$s says what could not be synced */
    return g_strdup_printf (ngettext ("Synced, except %1$u thing: %2$s", "Synced, except %1$u things; the first: %2$s",
                                      s->errors->len),
                            s->errors->len, (const char *) g_ptr_array_index (s->errors, 0));
  /* Translators: what a sync did: records changed here, records sent, changes to review */
  return g_strdup_printf (_ ("Synced. Changed here: %1$u; sent: %2$u; to review: %3$u."), s->pulled, s->pushed,
                          s->conflicts);
}

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (LiaisonSyncPreferences) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonSyncSummary) summary = liaison_sync_engine_sync_finish (LIAISON_SYNC_ENGINE (source), result,
                                                                            &error);

  if (self->context == NULL)
    return;
  g_free (self->result);
  self->result = summary != NULL ? summary_text (summary) : liaison_sync_status_error (self->context);
  update (self);
}

static void
on_sync_clicked (LiaisonSyncPreferences *self)
{
  /* Asks for the password first when no keyring keeps it. */
  liaison_sync_password_sync (GTK_WIDGET (self), self->context, NULL, on_synced, g_object_ref (self),
                              g_object_unref);
  update (self);
}

/* Lets go of the context as soon as the window closes: with libadwaita 1.2
 * the groups of a closed AdwPreferencesWindow are never finalized (plain
 * ones too), and a context kept here would keep the whole store open. */
static void
release (LiaisonSyncPreferences *self)
{
  g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  if (self->context == NULL)
    return;
  g_signal_handlers_disconnect_by_data (liaison_context_get_sync_engine (self->context), self);
  g_signal_handlers_disconnect_by_data (liaison_context_get_settings (self->context), self);
  g_settings_unbind (self->automatic_switch, "active");
  g_settings_unbind (gtk_spin_button_get_adjustment (self->interval_spin), "value");
  g_clear_object (&self->context);
}

static void
liaison_sync_preferences_unroot (GtkWidget *widget)
{
  release (LIAISON_SYNC_PREFERENCES (widget));
  GTK_WIDGET_CLASS (liaison_sync_preferences_parent_class)->unroot (widget);
}

static void
liaison_sync_preferences_dispose (GObject *object)
{
  LiaisonSyncPreferences *self = (LiaisonSyncPreferences *) object;

  release (self);
  g_clear_pointer (&self->urls[0], g_ptr_array_unref);
  g_clear_pointer (&self->urls[1], g_ptr_array_unref);
  g_clear_pointer (&self->result, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_SYNC_PREFERENCES);

  G_OBJECT_CLASS (liaison_sync_preferences_parent_class)->dispose (object);
}

static void
liaison_sync_preferences_class_init (LiaisonSyncPreferencesClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_sync_preferences_dispose;
  widget_class->unroot = liaison_sync_preferences_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chinaaseanenv/Liaison/ui/liaison-sync-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncPreferences, server_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncPreferences, user_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncPreferences, password_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncPreferences, password_kept_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncPreferences, automatic_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncPreferences, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncPreferences, sync_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncPreferences, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncPreferences, sync_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncPreferences, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncPreferences, address_book_row);
  gtk_widget_class_bind_template_callback (widget_class, on_server_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_user_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_password_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_clicked);
}

static void
liaison_sync_preferences_init (LiaisonSyncPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* "Liaison’s Own Calendar (Made When Missing)": whole. */
  liaison_gui_wrap_combo_row (self->calendar_row);
  liaison_gui_wrap_combo_row (self->address_book_row);
  g_signal_connect_swapped (self->calendar_row, "notify::selected", G_CALLBACK (on_collection_selected), self);
  g_signal_connect_swapped (self->address_book_row, "notify::selected", G_CALLBACK (on_collection_selected), self);
  g_signal_connect_swapped (self->password_kept_row, "notify::selected", G_CALLBACK (on_password_kept_selected),
                            self);
}

void
liaison_sync_preferences_set_context (LiaisonSyncPreferences *self,
                                      LiaisonContext         *context)
{
  GSettings         *settings = liaison_context_get_settings (context);
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (context);
  g_autofree char   *url = g_settings_get_string (settings, "server-url");
  g_autofree char   *user = g_settings_get_string (settings, "username");

  g_return_if_fail (self->context == NULL);
  self->context = g_object_ref (context);

  gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  g_settings_bind (settings, "sync-automatically", self->automatic_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sync-interval-minutes", gtk_spin_button_get_adjustment (self->interval_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  /* The Sync row: what the last sync said, else how it stands (update). */
  g_signal_connect_object (engine, "notify::state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "notify::last-error", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "password-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "password-changed", G_CALLBACK (update_password), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::server-url", G_CALLBACK (on_account_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::username", G_CALLBACK (on_account_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  update_password (self);
  for (LiaisonSyncService s = 0; s < 2; s++)
    fill_collections (self, s, NULL);
  find_collections (self);
}

/* The server address when there is none yet, else the password. */
void
liaison_sync_preferences_focus_password (LiaisonSyncPreferences *self)
{
  GtkWidget *row = *gtk_editable_get_text (GTK_EDITABLE (self->server_row)) == '\0' ? GTK_WIDGET (self->server_row)
                                                                                    : GTK_WIDGET (self->password_row);
  GtkRoot   *root = gtk_widget_get_root (row);

  /* The window may not be shown yet: it focuses this when it is. */
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus (GTK_WINDOW (root), row);
}
