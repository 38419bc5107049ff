/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-sync-password.h"

/* A sync a person starts, when no password can be had without asking
 * (the desktop has no password store, or the password is asked for at
 * each sync, and none is kept): a dialog asks for it first, with the
 * choice to keep it until Liaison quits (in memory, never on disk) or to
 * be asked again at the next sync. */

typedef struct
{
  LiaisonContext     *context;
  GCancellable       *cancellable;
  GAsyncReadyCallback callback;
  gpointer            user_data;
  GDestroyNotify      cancelled;
  GtkEditable        *entry;
  GtkCheckButton     *keep;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->context);
  g_clear_object (&ask->cancellable);
  g_free (ask);
}

static void
on_changed (AdwMessageDialog *dialog)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "liaison-ask");

  adw_message_dialog_set_response_enabled (dialog, "sync", *gtk_editable_get_text (ask->entry) != '\0');
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Ask               *ask = user_data;
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (ask->context);

  /* Answered once: the dialog goes, and its entry's last changes with it. */
  g_signal_handlers_disconnect_by_data (ask->entry, dialog);
  g_signal_handlers_disconnect_by_data (dialog, ask);
  g_object_set_data (G_OBJECT (dialog), "liaison-ask", NULL);
  /* GTK 4.8: a window destroyed with the focus in a password entry's text
   * tells the entry, already gone, that the focus left (a critical). */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (g_str_equal (response, "sync") && *gtk_editable_get_text (ask->entry) != '\0' &&
      !liaison_sync_engine_is_syncing (engine))
    {
      liaison_sync_engine_set_ask_password (engine, !gtk_check_button_get_active (ask->keep));
      liaison_sync_engine_set_password (engine, gtk_editable_get_text (ask->entry));
      gtk_editable_set_text (ask->entry, "");
      liaison_sync_engine_sync_async (engine, ask->cancellable, ask->callback, ask->user_data);
    }
  else
    {
      gtk_editable_set_text (ask->entry, "");
      if (ask->cancelled != NULL)
        ask->cancelled (ask->user_data);
    }
  ask_free (ask);
}

/* Like liaison_sync_engine_sync_async, but asks for the password first
 * when it has to; if the person cancels, no sync starts and cancelled
 * (may be NULL) gets user_data. */
void
liaison_sync_password_sync (GtkWidget          *widget,
                            LiaisonContext     *context,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data,
                            GDestroyNotify      cancelled)
{
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (context);
  g_autofree char   *user = NULL;
  g_autofree char   *body = NULL;
  GtkRoot           *root = gtk_widget_get_root (widget);
  GtkWidget         *dialog;
  GtkWidget         *box;
  GtkWidget         *entry;
  GtkWidget         *keep;
  Ask               *ask;

  if (!liaison_sync_engine_needs_password (engine))
    {
      liaison_sync_engine_sync_async (engine, cancellable, callback, user_data);
      return;
    }

  user = g_settings_get_string (liaison_context_get_settings (context), "username");
  if (liaison_sync_engine_get_keyring (engine) == LIAISON_SYNC_KEYRING_MISSING)
    /* Translators: %s is the user name on the sync server */
    body = g_strdup_printf (_ ("This desktop has no password store, so Liaison does not save the password of %s. "
                               "Type it to sync: it is never written to disk."),
                            user);
  else
    /* Translators: %s is the user name on the sync server */
    body = g_strdup_printf (_ ("Liaison asks for the password of %s at each sync. Type it to sync: it is never "
                               "written to disk."),
                            user);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Sync Password"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Password"), -1);
  keep = gtk_check_button_new_with_mnemonic (_ ("_Keep it until Liaison quits"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (keep), !liaison_sync_engine_get_ask_password (engine));
  gtk_widget_set_tooltip_text (keep, _ ("Kept in memory only; otherwise asked for again at the next sync"));
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), keep);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "sync", _ ("_Sync"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sync", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "sync");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sync", FALSE);

  ask = g_new0 (Ask, 1);
  ask->context = g_object_ref (context);
  ask->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  ask->callback = callback;
  ask->user_data = user_data;
  ask->cancelled = cancelled;
  ask->entry = GTK_EDITABLE (entry);
  ask->keep = GTK_CHECK_BUTTON (keep);
  g_object_set_data (G_OBJECT (dialog), "liaison-ask", ask);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
