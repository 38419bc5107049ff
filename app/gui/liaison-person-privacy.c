/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "liaison-form-dialog.h"
#include "liaison-gui-format.h"
#include "liaison-person-data.h"
#include "liaison-person-privacy.h"
#include "liaison-store-people.h"

/* Privacy on a person's page: what their consent covers, changing it with
 * its date and purposes, their data exported on request (JSON and a PDF),
 * and anonymisation, asked for once and never undone. */

struct _LiaisonPersonPrivacy
{
  AdwBin parent_instance;

  LiaisonContext *context;
  char           *participant_id;
  char           *name;
  GCancellable   *cancellable;
  gboolean        consent;
  char           *consent_date;
  guint           scopes;
  char           *anonymised;

  AdwActionRow *anonymised_row;
  AdwActionRow *scope_row;
};

G_DEFINE_FINAL_TYPE (LiaisonPersonPrivacy, liaison_person_privacy, ADW_TYPE_BIN)

struct _LiaisonPersonPrivacyData
{
  LiaisonParticipant *participant;
  guint               scopes;
  char               *anonymised;
};

typedef LiaisonPersonPrivacyData Loaded;

void
liaison_person_privacy_data_free (LiaisonPersonPrivacyData *l)
{
  if (l == NULL)
    return;
  g_clear_object (&l->participant);
  g_free (l->anonymised);
  g_free (l);
}

static void
loaded_free (gpointer data)
{
  liaison_person_privacy_data_free (data);
}

/* Read on the store's worker thread, with the person's page. */
LiaisonPersonPrivacyData *
liaison_person_privacy_read (LiaisonStore *reader, const char *participant_id, GError **error)
{
  Loaded *l = g_new0 (Loaded, 1);

  l->participant = liaison_store_get_participant (reader, participant_id, error);
  if (l->participant == NULL)
    {
      loaded_free (l);
      return NULL;
    }
  l->scopes = liaison_store_get_consent_scopes (reader, participant_id);
  l->anonymised = liaison_store_get_anonymised (reader, participant_id);
  return l;
}

static gpointer
load_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  return liaison_person_privacy_read (reader, data, error);
}

static void
update_actions (LiaisonPersonPrivacy *self)
{
  gboolean shown = self->participant_id != NULL && self->name != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "privacy.consent", shown && self->anonymised == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "privacy.export", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "privacy.anonymise", shown && self->anonymised == NULL);
}

static char *
format_day (const char *date)
{
  int y, m, d;

  if (date != NULL && sscanf (date, "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr (GDateTime) when = g_date_time_new_utc (y, m, d, 0, 0, 0);

      if (when != NULL)
        return liaison_gui_format_date (when);
    }
  return g_strdup (date != NULL ? date : "");
}

static void
fill (LiaisonPersonPrivacy *self, Loaded *l)
{
  g_autoptr (GString) purposes = g_string_new (NULL);
  g_autofree char *title = NULL;

  g_free (self->name);
  self->name = liaison_participant_dup_display_name (l->participant);
  self->consent = liaison_participant_get_consent (l->participant);
  g_free (self->consent_date);
  self->consent_date = g_strdup (liaison_participant_get_consent_date (l->participant));
  self->scopes = l->scopes;
  g_free (self->anonymised);
  self->anonymised = g_strdup (l->anonymised);

  if (self->anonymised != NULL)
    {
      g_autofree char *day = format_day (self->anonymised);
      /* Translators: %s is a date */
      g_autofree char *text = g_strdup_printf (_ ("Anonymised on %s"), day);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->anonymised_row), text);
      adw_action_row_set_subtitle (self->anonymised_row, _ ("Who they were is gone; their country, gender, sector and "
                                                            "events stay in the statistics"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->anonymised_row), self->anonymised != NULL);

  for (guint k = 0; k < LIAISON_N_CONSENT_SCOPES; k++)
    if (self->scopes & liaison_consent_scope_nth (k))
      {
        if (purposes->len > 0)
          g_string_append (purposes, C_ ("list separator", ", "));
        g_string_append (purposes, liaison_consent_scope_label (liaison_consent_scope_nth (k)));
      }
  if (!self->consent)
    title = g_strdup (_ ("No consent: marked in lists, left out of exports that need it"));
  else
    {
      /* Translators: what a person's consent covers, “Consent covers: invitations to future events, …” */
      title = g_strdup_printf (_ ("Consent covers: %s"), purposes->str);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row), title);
  update_actions (self);
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonPersonPrivacy) self = user_data;
  g_autoptr (GError) error = NULL;
  Loaded *l = liaison_store_query_finish (NULL, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (l == NULL)
    return;
  fill (self, l);
  loaded_free (l);
}

static void
toast (LiaisonPersonPrivacy *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

/* ------------------------------------------------------------------------ */
/* Consent                                                                   */

static void
on_consent_response (AdwMessageDialog *dialog, const char *response, LiaisonPersonPrivacy *self)
{
  g_autofree char *date = liaison_form_dialog_dup_text (dialog, "date");
  g_autoptr (GError) error = NULL;
  gboolean given = liaison_form_dialog_get_check (dialog, "given");
  guint    scopes = 0;

  if (g_strcmp0 (response, "save") != 0 || self->context == NULL)
    return;
  for (guint k = 0; k < LIAISON_N_CONSENT_SCOPES; k++)
    if (liaison_form_dialog_get_check (dialog, liaison_consent_scope_nick (liaison_consent_scope_nth (k))))
      scopes |= liaison_consent_scope_nth (k);
  if (!liaison_store_set_consent (liaison_context_get_store (self->context), self->participant_id, given, date, scopes,
                                  LIAISON_ORIGIN_LOCAL, &error))
    toast (self, error->message);
  else
    toast (self, given ? _ ("Consent recorded") : _ ("Consent withdrawn"));
}

static void
consent_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonPersonPrivacy *self = LIAISON_PERSON_PRIVACY (widget);
  g_autofree char      *today = liaison_form_dialog_today ();
  g_autofree char      *heading = NULL;
  AdwMessageDialog     *dialog;

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_ ("Consent of %s"), self->name);
  dialog = liaison_form_dialog_new (widget, heading,
                                    _ ("Record what the person agreed to, and when, as their signed form or e-mail "
                                       "says. Without consent they are marked in lists and left out of exports that "
                                       "need it."),
                                    _ ("Consent"));
  liaison_form_dialog_add_check (dialog, "given", _ ("Consent to data processing"), NULL, self->consent);
  liaison_form_dialog_add_entry (dialog, "date", _ ("Date (YYYY-MM-DD)"), self->consent_date != NULL ? self->consent_date : today);
  for (guint k = 0; k < LIAISON_N_CONSENT_SCOPES; k++)
    {
      LiaisonConsentScope scope = liaison_consent_scope_nth (k);

      liaison_form_dialog_add_check (dialog, liaison_consent_scope_nick (scope), liaison_consent_scope_label (scope), NULL,
                                     self->consent ? (self->scopes & scope) != 0 : scope == LIAISON_CONSENT_EVENTS);
    }
  liaison_form_dialog_set_responses (dialog, "save", _ ("_Save"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_consent_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Export                                                                    */

static gpointer
read_data_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  return liaison_store_person_data (reader, data, error);
}

static void
write_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  JsonNode        *node = g_object_get_data (G_OBJECT (task), "data");
  GFile           *json = data;
  g_autofree char *path = g_file_get_path (json);
  g_autofree char *base = NULL;
  g_autofree char *pdf = NULL;
  GError          *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _ ("Choose a file on this computer"));
      return;
    }
  base = g_str_has_suffix (path, ".json") ? g_strndup (path, strlen (path) - 5) : g_strdup (path);
  pdf = g_strconcat (base, ".pdf", NULL);
  if (!liaison_person_data_write_json (node, path, &error) || !liaison_person_data_write_pdf (node, pdf, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_data_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  JsonNode *node = liaison_store_query_finish (NULL, result, &error);

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "data", node, (GDestroyNotify) json_node_unref);
  g_task_run_in_thread (task, write_in_thread);
}

/* Writes json and, beside it, the same data as a PDF (“name.pdf”). */
void
liaison_person_privacy_export_async (LiaisonPersonPrivacy *self,
                                     GFile                *json,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_task_data (task, g_object_ref (json), g_object_unref);
  liaison_store_query_async (liaison_context_get_store (self->context), read_data_in_worker, g_strdup (self->participant_id),
                             g_free, (GDestroyNotify) json_node_unref, cancellable, on_data_read, task);
}

gboolean
liaison_person_privacy_export_finish (LiaisonPersonPrivacy *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_exported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LiaisonPersonPrivacy *self = LIAISON_PERSON_PRIVACY (source);
  g_autoptr (GFile) json = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (json);
  g_autofree char *message = NULL;

  if (!liaison_person_privacy_export_finish (self, result, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: %s is a file name, “wang-wei.json” */
  message = g_strdup_printf (_ ("Saved %s and its PDF"), name);
  toast (self, message);
}

static void
on_export_chosen (GtkNativeDialog *chooser, int response, LiaisonPersonPrivacy *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        liaison_person_privacy_export_async (self, file, NULL, on_exported, g_object_ref (file));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonPersonPrivacy *self = LIAISON_PERSON_PRIVACY (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_ ("Export Their Data"),
                                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  g_autofree char      *file_name = g_strdup_printf ("%s.json", self->name != NULL ? self->name : "person");

  g_strdelimit (file_name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------------ */
/* Anonymisation                                                             */

static void
on_anonymise_response (AdwMessageDialog *dialog, const char *response, LiaisonPersonPrivacy *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "participant-id");
  const char *name = g_object_get_data (G_OBJECT (dialog), "participant-name");
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "anonymise") != 0 || self->context == NULL)
    return;
  if (!liaison_store_anonymise_participant (liaison_context_get_store (self->context), id, LIAISON_ORIGIN_LOCAL, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: %s is the person's name as it was */
  message = g_strdup_printf (_ ("%s anonymised"), name);
  toast (self, message);
}

static void
anonymise_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonPersonPrivacy *self = LIAISON_PERSON_PRIVACY (widget);
  g_autofree char      *heading = NULL;
  GtkWidget            *dialog;

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_ ("Anonymise %s?"), self->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _ ("Their names, contacts, organisation, position, notes and letters are removed for "
                                      "good, from the change journal too; their country, gender, sector and the events "
                                      "they took part in stay for the statistics. This cannot be undone: export their "
                                      "data first if they asked for it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "anonymise", _ ("_Anonymise"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anonymise", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "participant-id", g_strdup (self->participant_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "participant-name", g_strdup (self->name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_anonymise_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */

static void
liaison_person_privacy_dispose (GObject *object)
{
  LiaisonPersonPrivacy *self = (LiaisonPersonPrivacy *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_PERSON_PRIVACY);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_person_privacy_parent_class)->dispose (object);
}

static void
liaison_person_privacy_finalize (GObject *object)
{
  LiaisonPersonPrivacy *self = (LiaisonPersonPrivacy *) object;

  g_clear_pointer (&self->participant_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->consent_date, g_free);
  g_clear_pointer (&self->anonymised, g_free);

  G_OBJECT_CLASS (liaison_person_privacy_parent_class)->finalize (object);
}

static void
liaison_person_privacy_class_init (LiaisonPersonPrivacyClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_person_privacy_dispose;
  object_class->finalize = liaison_person_privacy_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-person-privacy.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonPersonPrivacy, anonymised_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPersonPrivacy, scope_row);

  gtk_widget_class_install_action (widget_class, "privacy.consent", NULL, consent_action);
  gtk_widget_class_install_action (widget_class, "privacy.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "privacy.anonymise", NULL, anonymise_action);
}

static void
liaison_person_privacy_init (LiaisonPersonPrivacy *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

void
liaison_person_privacy_set_data (LiaisonPersonPrivacy     *self,
                                 LiaisonContext           *context,
                                 const char               *participant_id,
                                 LiaisonPersonPrivacyData *data)
{
  g_return_if_fail (LIAISON_IS_PERSON_PRIVACY (self));

  g_set_object (&self->context, context);
  if (g_strcmp0 (self->participant_id, participant_id) != 0)
    {
      g_free (self->participant_id);
      self->participant_id = g_strdup (participant_id);
      g_clear_pointer (&self->name, g_free);
      g_clear_pointer (&self->anonymised, g_free);
      update_actions (self);
    }
  if (data != NULL)
    fill (self, data);
}

/* Reads the person's consent and state (again). */
void
liaison_person_privacy_show (LiaisonPersonPrivacy *self, LiaisonContext *context, const char *participant_id)
{
  g_return_if_fail (LIAISON_IS_PERSON_PRIVACY (self));

  g_set_object (&self->context, context);
  if (g_strcmp0 (self->participant_id, participant_id) != 0)
    {
      g_free (self->participant_id);
      self->participant_id = g_strdup (participant_id);
      g_clear_pointer (&self->name, g_free);
      g_clear_pointer (&self->anonymised, g_free);
      update_actions (self);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->context == NULL || self->participant_id == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  liaison_store_query_async (liaison_context_get_store (self->context), load_in_worker, g_strdup (participant_id), g_free,
                             loaded_free, self->cancellable, on_loaded, g_object_ref (self));
}
