/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-invite-dialog.h"
#include "liaison-itip.h"
#include "liaison-mail.h"

struct _LiaisonInviteDialog
{
  AdwWindow parent_instance;

  LiaisonContext       *context;
  char                 *event_id;
  char                **registration_ids;
  GPtrArray            *people; /* LiaisonInvitation, without their texts */
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  AdwEntryRow         *organizer_email_row;
  AdwEntryRow         *organizer_name_row;
  AdwPreferencesGroup *people_group;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (LiaisonInviteDialog, liaison_invite_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_EVENT_ID,
  PROP_REGISTRATION_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (LiaisonInviteDialog *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char *
organizer_email (LiaisonInviteDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organizer_email_row))));
}

static char *
organizer_name (LiaisonInviteDialog *self)
{
  char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organizer_name_row))));

  if (*name == '\0')
    g_clear_pointer (&name, g_free);
  return name;
}

static gboolean
check_organizer (LiaisonInviteDialog *self)
{
  g_autofree char *email = organizer_email (self);

  if (*email == '\0')
    {
      toast (self, _ ("Give the organiser’s e-mail address: calendars send their answers there"));
      gtk_widget_grab_focus (GTK_WIDGET (self->organizer_email_row));
      return FALSE;
    }
  if (!liaison_itip_check_address (email, NULL))
    {
      g_autofree char *message = g_strdup_printf (_ ("“%s” is not an e-mail address"), email);

      toast (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->organizer_email_row));
      return FALSE;
    }
  return TRUE;
}

static void
on_organizer_changed (LiaisonInviteDialog *self)
{
  g_autofree char *email = organizer_email (self);
  gboolean         valid = *email == '\0' || liaison_itip_check_address (email, NULL);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->organizer_email_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->organizer_email_row), "error");
}

/* ------------------------------------------------------------------------ */
/* Building invitations on the worker                                        */

typedef struct
{
  char  *event_id;
  char **registration_ids;
  char  *organizer_email;
  char  *organizer_name;
  char  *folder;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->event_id);
  g_strfreev (job->registration_ids);
  g_free (job->organizer_email);
  g_free (job->organizer_name);
  g_free (job->folder);
  g_free (job);
}

static Job *
new_job (LiaisonInviteDialog *self, const char *const *registration_ids, gboolean with_organizer, const char *folder)
{
  Job *job = g_new0 (Job, 1);

  job->event_id = g_strdup (self->event_id);
  job->registration_ids = g_strdupv ((char **) registration_ids);
  if (with_organizer)
    {
      job->organizer_email = organizer_email (self);
      job->organizer_name = organizer_name (self);
    }
  job->folder = g_strdup (folder);
  return job;
}

typedef struct
{
  GPtrArray *invitations;
  guint      saved;
  char      *folder;
} Built;

static void
built_free (gpointer data)
{
  Built *b = data;

  g_clear_pointer (&b->invitations, g_ptr_array_unref);
  g_free (b->folder);
  g_free (b);
}

static gpointer
build_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  Job   *job = data;
  Built *b = g_new0 (Built, 1);

  b->invitations = liaison_itip_build_invitations (reader, job->event_id, (const char *const *) job->registration_ids,
                                                   job->organizer_email, job->organizer_name, error);
  if (b->invitations == NULL || (job->folder != NULL && !liaison_itip_save_invitations (b->invitations, job->folder, &b->saved, error)))
    {
      built_free (b);
      return NULL;
    }
  b->folder = g_strdup (job->folder);
  return b;
}

/* ------------------------------------------------------------------------ */
/* The list                                                                  */

static void
add_row (LiaisonInviteDialog *self, LiaisonInvitation *inv)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), inv->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (inv->email != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("mail-send-symbolic");
      /* Translators: %s is a person's name */
      g_autofree char *label = g_strdup_printf (_ ("E-mail the invitation to %s"), inv->name);

      /* Translators: %1$s is an e-mail address, %2$s the language of the invitation */
      subtitle = g_strdup_printf (_ ("%1$s · in %2$s"), inv->email,
                                  inv->language == LIAISON_LANGUAGE_ZH ? C_ ("language", "Chinese") : C_ ("language", "English"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _ ("E-mail the Invitation"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "invite.mail");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", inv->registration_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    {
      subtitle = g_strdup (_ ("No e-mail address: no invitation"));
      gtk_widget_add_css_class (row, "dim-label");
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, inv->registration_id);
  adw_preferences_group_add (self->people_group, row);
}

static void
on_listed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonInviteDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  Built *b = liaison_store_query_finish (LIAISON_STORE (source), result, &error);
  guint  n_mail = 0;

  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  if (b == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  self->people = g_steal_pointer (&b->invitations);
  built_free (b);
  for (guint i = 0; i < self->people->len; i++)
    {
      LiaisonInvitation *inv = g_ptr_array_index (self->people, i);

      add_row (self, inv);
      n_mail += inv->email != NULL;
    }
  if (self->people->len == 0)
    adw_preferences_group_set_description (self->people_group, _ ("No one is still invited: choose the people in the list of registrations first"));
  else
    {
      /* Translators: %1$u people of %2$u have an address to invite */
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%1$u of %2$u person has an e-mail address; each gets the invitation in their language",
                                                            "%1$u of %2$u people have an e-mail address; each gets the invitation in their language",
                                                            self->people->len),
                                               n_mail, self->people->len);
      adw_preferences_group_set_description (self->people_group, text);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invite.save", n_mail > 0);
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                    */

static void
on_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonInviteDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  Built           *b = liaison_store_query_finish (LIAISON_STORE (source), result, &error);
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  GtkWindow       *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (b == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  name = g_filename_display_name (b->folder);
  /* Translators: %1$u is a number of invitations, %2$s a folder */
  message = g_strdup_printf (g_dngettext (NULL, "Saved %1$u invitation in %2$s", "Saved %1$u invitations in %2$s", b->saved),
                             b->saved, name);
  built_free (b);
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", message);
  gtk_window_close (GTK_WINDOW (self));
}

void
liaison_invite_dialog_save_to (LiaisonInviteDialog *self, const char *folder)
{
  if (!check_organizer (self))
    return;
  liaison_store_query_async (liaison_context_get_store (self->context), build_in_worker,
                             new_job (self, (const char *const *) self->registration_ids, TRUE, folder), job_free,
                             built_free, self->cancellable, on_saved, g_object_ref (self));
}

static void
on_folder_chosen (GtkNativeDialog *chooser, int response, LiaisonInviteDialog *self)
{
  g_autoptr (GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_clear_object (&self->chooser);
  if (path != NULL)
    liaison_invite_dialog_save_to (self, path);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonInviteDialog *self = LIAISON_INVITE_DIALOG (widget);

  if (self->chooser != NULL || !check_organizer (self))
    return;
  self->chooser = gtk_file_chooser_native_new (_ ("Save the Invitations In"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _ ("_Save"), _ ("_Cancel"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_folder_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------------ */
/* Mail                                                                      */

static void
on_mail_handed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonInviteDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  LiaisonMailRoute route = liaison_mail_compose_finish (result, &error);

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  toast (self, route == LIAISON_MAIL_PORTAL ? _ ("The invitation is in a new message of your mail program")
                                            : _ ("Your mail program opened a message: attach the invitation it names"));
}

static void
on_mail_built (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonInviteDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  Built             *b = liaison_store_query_finish (LIAISON_STORE (source), result, &error);
  LiaisonInvitation *inv;
  g_autofree char   *path = NULL;

  if (b == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  inv = b->invitations->len > 0 ? g_ptr_array_index (b->invitations, 0) : NULL;
  if (inv != NULL && inv->text != NULL)
    {
      path = g_build_filename (b->folder, inv->file_name, NULL);
      liaison_mail_compose_async (GTK_WINDOW (self), inv->email, inv->subject, inv->body, path, self->cancellable,
                                  on_mail_handed, g_object_ref (self));
    }
  built_free (b);
}

static void
mail_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonInviteDialog *self = LIAISON_INVITE_DIALOG (widget);
  const char          *ids[] = { g_variant_get_string (parameter, NULL), NULL };
  g_autofree char     *folder = g_build_filename (g_get_user_cache_dir (), "liaison", "invitations", NULL);

  if (!check_organizer (self))
    return;
  /* The file the message carries, where the mail program can read it. */
  liaison_store_query_async (liaison_context_get_store (self->context), build_in_worker, new_job (self, ids, TRUE, folder),
                             job_free, built_free, self->cancellable, on_mail_built, g_object_ref (self));
}

/* ------------------------------------------------------------------------ */
/* The object                                                                */

static void
liaison_invite_dialog_constructed (GObject *object)
{
  LiaisonInviteDialog *self = (LiaisonInviteDialog *) object;
  GSettings           *settings = liaison_context_get_settings (self->context);

  G_OBJECT_CLASS (liaison_invite_dialog_parent_class)->constructed (object);

  g_settings_bind (settings, "invitation-organizer-email", self->organizer_email_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "invitation-organizer-name", self->organizer_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invite.save", FALSE);
  gtk_spinner_start (self->spinner);
  liaison_store_query_async (liaison_context_get_store (self->context), build_in_worker,
                             new_job (self, (const char *const *) self->registration_ids, FALSE, NULL), job_free, built_free,
                             self->cancellable, on_listed, g_object_ref (self));
}

static void
liaison_invite_dialog_dispose (GObject *object)
{
  LiaisonInviteDialog *self = (LiaisonInviteDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_INVITE_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->registration_ids, g_strfreev);
  g_clear_pointer (&self->people, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_invite_dialog_parent_class)->dispose (object);
}

static void
liaison_invite_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonInviteDialog *self = (LiaisonInviteDialog *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_EVENT_ID:
      g_value_set_string (value, self->event_id);
      break;
    case PROP_REGISTRATION_IDS:
      g_value_set_boxed (value, self->registration_ids);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_invite_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonInviteDialog *self = (LiaisonInviteDialog *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_EVENT_ID:
      self->event_id = g_value_dup_string (value);
      break;
    case PROP_REGISTRATION_IDS:
      self->registration_ids = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_invite_dialog_class_init (LiaisonInviteDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_invite_dialog_constructed;
  object_class->dispose = liaison_invite_dialog_dispose;
  object_class->get_property = liaison_invite_dialog_get_property;
  object_class->set_property = liaison_invite_dialog_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] = g_param_spec_string ("event-id", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGISTRATION_IDS] = g_param_spec_boxed ("registration-ids", NULL, NULL, G_TYPE_STRV,
                                                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-invite-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonInviteDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaisonInviteDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonInviteDialog, organizer_email_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonInviteDialog, organizer_name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonInviteDialog, people_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonInviteDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_organizer_changed);

  gtk_widget_class_install_action (widget_class, "invite.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "invite.mail", "s", mail_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "invite.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_invite_dialog_init (LiaisonInviteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

LiaisonInviteDialog *
liaison_invite_dialog_new (LiaisonContext *context, const char *event_id, const char *const *registration_ids)
{
  return g_object_new (LIAISON_TYPE_INVITE_DIALOG, "context", context, "event-id", event_id, "registration-ids",
                       registration_ids, NULL);
}

void
liaison_invite_dialog_present (GtkWidget *from, LiaisonContext *context, const char *event_id, const char *const *registration_ids)
{
  LiaisonInviteDialog *dialog = liaison_invite_dialog_new (context, event_id, registration_ids);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (from)));
  gtk_window_present (GTK_WINDOW (dialog));
}

guint
liaison_invite_dialog_get_n_people (LiaisonInviteDialog *self)
{
  return self->people != NULL ? self->people->len : 0;
}
