/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "liaison-delegation-board.h"
#include "liaison-form-dialog.h"
#include "liaison-person-picker.h"
#include "liaison-store-people.h"

/* An event's delegations, a section of its page: each country's quota
 * against its nominated, approved, confirmed and attended members; the
 * nominations waiting for approval with their note verbale (open, attach,
 * approve, decline); for a liaison officers' meeting, the work plan it
 * reviewed. The event page reloads it with itself. */

struct _LiaisonDelegationBoard
{
  AdwBin parent_instance;

  LiaisonContext *context;
  char           *event_id;
  GCancellable   *cancellable;
  GPtrArray      *nominees; /* LiaisonRegistration, as last shown */

  GtkListBox          *board_list;
  AdwPreferencesGroup *nominations_group;
  GtkListBox          *nominations_list;
  AdwPreferencesGroup *review_group;
  AdwActionRow        *review_row;
};

G_DEFINE_FINAL_TYPE (LiaisonDelegationBoard, liaison_delegation_board, ADW_TYPE_BIN)

static const LiaisonRole nominee_roles[] = {
  LIAISON_ROLE_DELEGATE,
  LIAISON_ROLE_OBSERVER,
  LIAISON_ROLE_VIP,
  LIAISON_ROLE_SPEAKER,
  LIAISON_ROLE_MODERATOR,
  LIAISON_ROLE_MENTOR,
};

typedef struct
{
  LiaisonEvent    *event;
  GPtrArray       *board;       /* LiaisonDelegationRow */
  GPtrArray       *nominees;    /* LiaisonRegistration */
  GPtrArray       *people;      /* LiaisonParticipant or NULL, as nominees */
  GPtrArray       *attachments; /* LiaisonAttachment */
  LiaisonWorkPlan *reviewed;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *l = data;

  g_clear_object (&l->event);
  g_clear_pointer (&l->board, g_ptr_array_unref);
  g_clear_pointer (&l->nominees, g_ptr_array_unref);
  g_clear_pointer (&l->people, g_ptr_array_unref);
  g_clear_pointer (&l->attachments, g_ptr_array_unref);
  g_clear_pointer (&l->reviewed, liaison_work_plan_free);
  g_free (l);
}

static gpointer
load_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  const char *event_id = data;
  Loaded     *l = g_new0 (Loaded, 1);
  g_autoptr (GPtrArray) all = NULL;

  l->event = liaison_store_get_event (reader, event_id, error);
  if (l->event == NULL || (l->board = liaison_store_delegation_board (reader, event_id, error)) == NULL ||
      (all = liaison_store_list_registrations (reader, event_id, error)) == NULL ||
      (l->attachments = liaison_store_list_event_attachments (reader, event_id, error)) == NULL)
    {
      loaded_free (l);
      return NULL;
    }
  l->nominees = g_ptr_array_new_with_free_func (g_object_unref);
  l->people = g_ptr_array_new_with_free_func ((GDestroyNotify) g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (all, i);

      if (liaison_registration_get_status (r) != LIAISON_REGISTRATION_NOMINATED)
        continue;
      g_ptr_array_add (l->nominees, g_object_ref (r));
      g_ptr_array_add (l->people, liaison_store_get_participant (reader, liaison_registration_get_participant_id (r), NULL));
    }
  if (liaison_event_get_kind (l->event) == LIAISON_EVENT_KIND_LIAISON_MEETING)
    l->reviewed = liaison_store_find_reviewed_work_plan (reader, event_id, NULL);
  return l;
}

static const char *
country_name (const char *code)
{
  const LiaisonCountry *c = liaison_country_lookup (code);

  if (code == NULL || *code == '\0')
    return _ ("No delegation");
  return c != NULL ? liaison_country_get_name (c, liaison_language_for_locale ()) : code;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
row_new (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
icon_button (const char *icon, const char *label, const char *action, const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

static void
fill_board (LiaisonDelegationBoard *self, Loaded *l)
{
  clear_list (self->board_list);
  if (l->board->len == 0)
    {
      GtkWidget *row = row_new (_ ("No quota and no delegation yet"), _ ("Set a country's quota, or record its nominations"));

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->board_list, row);
    }
  for (guint i = 0; i < l->board->len; i++)
    {
      LiaisonDelegationRow *d = g_ptr_array_index (l->board, i);
      g_autofree char      *quota = NULL;
      g_autofree char      *counts = NULL;
      g_autofree char      *subtitle = NULL;
      GtkWidget            *row;

      if (d->quota == LIAISON_DELEGATION_NO_QUOTA)
        quota = g_strdup (_ ("No quota"));
      else
        /* Translators: a country's quota at an event, “Quota 3” */
        quota = g_strdup_printf (_ ("Quota %d"), d->quota);
      /* Translators: a delegation's members by where they stand */
      counts = g_strdup_printf (_ ("%1$u nominated · %2$u approved · %3$u confirmed · %4$u attended"), d->nominated,
                                d->approved, d->confirmed, d->attended);
      subtitle = g_strdup_printf (C_ ("delegation", "%1$s · %2$s"), quota, counts);
      row = row_new (country_name (d->country), subtitle);
      gtk_widget_set_name (row, d->country);
      if (d->quota > 0)
        {
          GtkWidget       *bar = gtk_level_bar_new_for_interval (0, MAX (d->quota, (int) d->approved));
          g_autofree char *label = g_strdup_printf (_ ("%1$u of a quota of %2$d approved"), d->approved, d->quota);

          gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), d->approved);
          gtk_widget_set_size_request (bar, 100, -1);
          gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
        }
      if (liaison_delegation_row_over_quota (d))
        {
          GtkWidget  *mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          const char *why = _ ("More people are accepted than the quota allows");

          gtk_widget_add_css_class (mark, "warning");
          gtk_widget_set_tooltip_text (mark, why);
          gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
        }
      gtk_list_box_append (self->board_list, row);
    }
}

static LiaisonAttachment *
latest_letter (GPtrArray *attachments, const char *registration_id)
{
  LiaisonAttachment *found = NULL;

  for (guint i = 0; i < attachments->len; i++)
    if (g_str_equal (((LiaisonAttachment *) g_ptr_array_index (attachments, i))->registration_id, registration_id))
      found = g_ptr_array_index (attachments, i);
  return found;
}

static void
fill_nominations (LiaisonDelegationBoard *self, Loaded *l)
{
  clear_list (self->nominations_list);
  gtk_widget_set_visible (GTK_WIDGET (self->nominations_group), l->nominees->len > 0);
  for (guint i = 0; i < l->nominees->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (l->nominees, i);
      LiaisonParticipant  *p = g_ptr_array_index (l->people, i);
      LiaisonAttachment   *letter = latest_letter (l->attachments, liaison_registration_get_id (r));
      const char          *id = liaison_registration_get_id (r);
      g_autofree char     *name = p != NULL ? liaison_participant_dup_display_name (p) : g_strdup ("?");
      g_autofree char     *letter_text = NULL;
      g_autofree char     *subtitle = NULL;
      g_autofree char     *approve_label = NULL;
      g_autofree char     *decline_label = NULL;
      GtkWidget           *row, *approve, *decline;

      /* Translators: the letter kept with a nomination, “Letter: nv-2026-017.pdf” */
      letter_text = letter != NULL ? g_strdup_printf (_ ("Letter: %s"), letter->file_name) : g_strdup (_ ("No letter yet"));
      /* Translators: a nomination: country, role and its letter */
      subtitle = g_strdup_printf (C_ ("nomination", "%1$s · %2$s · %3$s"), country_name (liaison_registration_get_delegation (r)),
                                  liaison_role_label (liaison_registration_get_role (r)), letter_text);
      row = row_new (name, subtitle);
      gtk_widget_set_name (row, id);
      if (p != NULL && !liaison_participant_get_consent (p))
        {
          GtkWidget       *mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          g_autofree char *why = g_strdup_printf (_ ("%s has not consented to the processing of their data"), name);

          gtk_widget_add_css_class (mark, "warning");
          gtk_widget_set_tooltip_text (mark, why);
          gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);
        }
      if (letter != NULL)
        {
          /* Translators: %s is a file name */
          g_autofree char *open = g_strdup_printf (_ ("Open the letter %s"), letter->file_name);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-open-symbolic", open, "board.open-letter", letter->id));
        }
      else
        {
          /* Translators: %s is a person's name */
          g_autofree char *attach = g_strdup_printf (_ ("Attach the letter that nominates %s"), name);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("mail-attachment-symbolic", attach, "board.attach-letter", id));
        }
      approve = gtk_button_new_with_mnemonic (_ ("_Approve"));
      /* Translators: %s is a person's name */
      approve_label = g_strdup_printf (_ ("Approve the nomination of %s"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (approve), GTK_ACCESSIBLE_PROPERTY_LABEL, approve_label, -1);
      gtk_widget_set_valign (approve, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (approve, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (approve), "board.approve");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (approve), "s", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), approve);
      /* Translators: %s is a person's name */
      decline_label = g_strdup_printf (_ ("Decline the nomination of %s"), name);
      decline = icon_button ("window-close-symbolic", decline_label, "board.decline", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), decline);
      gtk_list_box_append (self->nominations_list, row);
    }
}

static void
fill_review (LiaisonDelegationBoard *self, Loaded *l)
{
  gboolean meeting = liaison_event_get_kind (l->event) == LIAISON_EVENT_KIND_LIAISON_MEETING;

  gtk_widget_set_visible (GTK_WIDGET (self->review_group), meeting);
  if (!meeting)
    return;
  if (l->reviewed != NULL)
    {
      g_autofree char *title = liaison_work_plan_dup_title (l->reviewed, liaison_language_for_locale ());
      /* Translators: %s is a work plan, “Reviewed the Work Plan 2026 (version 2)” */
      g_autofree char *text = g_strdup_printf (_ ("Reviewed the %s"), title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->review_row), text);
      adw_action_row_set_subtitle (self->review_row, liaison_work_plan_status_label (l->reviewed->status));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->review_row), _ ("No work plan linked to this meeting"));
      adw_action_row_set_subtitle (self->review_row, _ ("Link the version it reviewed in the Liaison Officers view"));
    }
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonDelegationBoard) self = user_data;
  g_autoptr (GError) error = NULL;
  Loaded *l = liaison_store_query_finish (NULL, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (l == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  g_clear_pointer (&self->nominees, g_ptr_array_unref);
  self->nominees = g_ptr_array_ref (l->nominees);
  fill_board (self, l);
  fill_nominations (self, l);
  fill_review (self, l);
  loaded_free (l);
}

static LiaisonStore *
get_store (LiaisonDelegationBoard *self)
{
  return liaison_context_get_store (self->context);
}

static void
toast (LiaisonDelegationBoard *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static char *
person_name (LiaisonDelegationBoard *self, const char *participant_id)
{
  g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (get_store (self), participant_id, NULL);

  return p != NULL ? liaison_participant_dup_display_name (p) : g_strdup (participant_id);
}

/* ------------------------------------------------------------------------ */
/* Quota                                                                     */

static void
on_quota_response (AdwMessageDialog *dialog, const char *response, LiaisonDelegationBoard *self)
{
  g_autoptr (GPtrArray) codes = liaison_form_dialog_member_codes ();
  g_autofree char *text = liaison_form_dialog_dup_text (dialog, "quota");
  g_autoptr (GError) error = NULL;
  guint            country = liaison_form_dialog_get_choice (dialog, "country");
  gint64           quota = LIAISON_DELEGATION_NO_QUOTA;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "set") != 0 || self->event_id == NULL || country >= codes->len)
    return;
  if (*text != '\0' && !g_ascii_string_to_signed (text, 10, 0, 100000, &quota, NULL))
    {
      message = g_strdup_printf (_ ("“%s” is not a number of people"), text);
      toast (self, message);
      return;
    }
  if (!liaison_store_set_quota (get_store (self), self->event_id, g_ptr_array_index (codes, country), (int) quota,
                                LIAISON_ORIGIN_LOCAL, &error))
    {
      toast (self, error->message);
      return;
    }
  if (quota == LIAISON_DELEGATION_NO_QUOTA)
    /* Translators: %s is a country */
    message = g_strdup_printf (_ ("%s has no quota at this event now"), country_name (g_ptr_array_index (codes, country)));
  else
    /* Translators: %1$s is a country, %2$d its quota */
    message = g_strdup_printf (_ ("The quota of %1$s is %2$d"), country_name (g_ptr_array_index (codes, country)), (int) quota);
  toast (self, message);
}

static void
set_quota_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonDelegationBoard *self = LIAISON_DELEGATION_BOARD (widget);
  g_autoptr (GPtrArray) codes = liaison_form_dialog_member_codes ();
  g_auto (GStrv) names = liaison_form_dialog_member_names (codes);
  AdwMessageDialog *dialog;

  dialog = liaison_form_dialog_new (widget, _ ("Set a Country's Quota"),
                                    _ ("How many delegates, observers and VIPs the country may send. Leave the number "
                                       "empty for no quota. It cannot go below the people already approved."),
                                    _ ("The quota"));
  liaison_form_dialog_add_choice (dialog, "country", _ ("Country"), (const char *const *) names, 0);
  liaison_form_dialog_add_entry (dialog, "quota", _ ("Number of people"), NULL);
  liaison_form_dialog_set_responses (dialog, "set", _ ("_Set Quota"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_quota_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Letters                                                                   */

typedef struct
{
  LiaisonDelegationBoard *self;
  char                   *participant_id;
  char                   *registration_id;
  char                   *country;
  LiaisonRole             role;
  GFile                  *file;
  char                   *file_name;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_clear_object (&p->self);
  g_free (p->participant_id);
  g_free (p->registration_id);
  g_free (p->country);
  g_clear_object (&p->file);
  g_free (p->file_name);
  g_free (p);
}

static void
read_letter_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Pending *p = data;
  GError  *error = NULL;
  GBytes  *bytes = liaison_attachment_read_file (p->file, &p->file_name, cancellable, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/* A letter is read off the main thread (a scan on a slow disk), then
 * kept with the nomination, or with the nomination it makes. */
static void
on_letter_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Pending                *p = g_task_get_task_data (G_TASK (result));
  LiaisonDelegationBoard *self = p->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (LiaisonAttachment) a = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->context == NULL)
    return;
  if (bytes == NULL && p->file != NULL)
    {
      toast (self, error->message);
      return;
    }
  if (p->registration_id != NULL)
    {
      a = liaison_store_attach (get_store (self), p->registration_id, p->file_name, bytes, LIAISON_ORIGIN_LOCAL, &error);
      if (a == NULL)
        {
          toast (self, error->message);
          return;
        }
      /* Translators: %s is a file name */
      message = g_strdup_printf (_ ("Letter %s kept with the nomination"), a->file_name);
      toast (self, message);
      return;
    }
  r = liaison_store_nominate (get_store (self), self->event_id, p->participant_id, p->country, p->role, p->file_name, bytes,
                              LIAISON_ORIGIN_LOCAL, &error);
  if (r == NULL)
    {
      toast (self, error->message);
      return;
    }
  name = person_name (self, p->participant_id);
  /* Translators: %1$s is a person's name, %2$s the country that nominated them */
  message = g_strdup_printf (_ ("%1$s nominated by %2$s"), name, country_name (liaison_registration_get_delegation (r)));
  toast (self, message);
}

static void
run_pending (Pending *p)
{
  g_autoptr (GTask) task = g_task_new (NULL, p->self->cancellable, on_letter_read, NULL);

  g_task_set_task_data (task, p, pending_free);
  if (p->file == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_run_in_thread (task, read_letter_in_thread);
}

static void
on_letter_chosen (GtkNativeDialog *chooser, int response, gpointer data)
{
  GtkWidget *entry = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        gtk_editable_set_text (GTK_EDITABLE (entry), path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_letter (GtkWidget *button, GtkWidget *entry)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_ ("Choose the Note Verbale"),
                                                               GTK_WINDOW (gtk_widget_get_root (button)),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Choose"), _ ("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_letter_chosen), entry);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
add_letter_row (AdwMessageDialog *dialog)
{
  GtkWidget *entry = liaison_form_dialog_add_entry (dialog, "letter", _ ("Note verbale (file)"), NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("document-open-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _ ("Choose the file"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Choose the file of the note verbale"), -1);
  g_signal_connect (button, "clicked", G_CALLBACK (choose_letter), entry);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), button);
  return entry;
}

static GFile *
letter_file (AdwMessageDialog *dialog)
{
  g_autofree char *path = liaison_form_dialog_dup_text (dialog, "letter");

  return path != NULL && *path != '\0' ? g_file_new_for_commandline_arg (path) : NULL;
}

static void
on_attach_response (AdwMessageDialog *dialog, const char *response, LiaisonDelegationBoard *self)
{
  Pending *p;

  if (g_strcmp0 (response, "attach") != 0)
    return;
  p = g_new0 (Pending, 1);
  p->self = g_object_ref (self);
  p->registration_id = g_strdup (g_object_get_data (G_OBJECT (dialog), "registration-id"));
  p->file = letter_file (dialog);
  if (p->file == NULL)
    {
      toast (self, _ ("Choose the file of the letter"));
      pending_free (p);
      return;
    }
  run_pending (p);
}

static void
attach_letter_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonDelegationBoard *self = LIAISON_DELEGATION_BOARD (widget);
  AdwMessageDialog       *dialog = liaison_form_dialog_new (widget, _ ("Attach the Note Verbale"),
                                                            _ ("The letter that nominated this person: a PDF or a scan, up to 16 MiB. "
                                                                     "It is kept in the database with the nomination."),
                                                            _ ("The letter"));

  add_letter_row (dialog);
  g_object_set_data_full (G_OBJECT (dialog), "registration-id", g_variant_dup_string (parameter, NULL), g_free);
  liaison_form_dialog_set_responses (dialog, "attach", _ ("_Attach"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_attach_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The letter goes to a file of its own in the cache, opened by the
 * system's viewer. */
static void
open_letter_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonDelegationBoard *self = LIAISON_DELEGATION_BOARD (widget);
  const char             *id = g_variant_get_string (parameter, NULL);
  g_autoptr (GPtrArray) all = liaison_store_list_event_attachments (get_store (self), self->event_id, NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  LiaisonAttachment *a = NULL;
  g_autofree char   *dir = NULL;
  g_autofree char   *path = NULL;
  g_autofree char   *uri = NULL;

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (g_str_equal (((LiaisonAttachment *) g_ptr_array_index (all, i))->id, id))
      a = g_ptr_array_index (all, i);
  if (a == NULL || (bytes = liaison_store_get_attachment_data (get_store (self), id, &error)) == NULL)
    {
      toast (self, error != NULL ? error->message : _ ("The letter is no longer kept"));
      return;
    }
  dir = g_build_filename (g_get_user_cache_dir (), "liaison", "letters", a->sha256, NULL);
  path = g_build_filename (dir, a->file_name, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      toast (self, error != NULL ? error->message : g_strerror (errno));
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

/* ------------------------------------------------------------------------ */
/* Nominations                                                               */

static void
update_nominate_response (AdwMessageDialog *dialog)
{
  LiaisonPersonPicker *picker = g_object_get_data (G_OBJECT (dialog), "picker");
  LiaisonParticipant  *p = liaison_person_picker_get_selected (picker);
  g_autoptr (GPtrArray) codes = liaison_form_dialog_member_codes ();

  adw_message_dialog_set_response_enabled (dialog, "nominate", p != NULL);
  /* The country follows the person chosen until one is chosen. */
  for (guint i = 0; p != NULL && i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), liaison_participant_get_country (p)) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (liaison_form_dialog_get_row (dialog, "country")), i);
}

static void
on_nominate_response (AdwMessageDialog *dialog, const char *response, LiaisonDelegationBoard *self)
{
  LiaisonPersonPicker *picker = g_object_get_data (G_OBJECT (dialog), "picker");
  LiaisonParticipant  *person = liaison_person_picker_get_selected (picker);
  g_autoptr (GPtrArray) codes = liaison_form_dialog_member_codes ();
  guint    country = liaison_form_dialog_get_choice (dialog, "country");
  guint    role = liaison_form_dialog_get_choice (dialog, "role");
  Pending *p;

  if (g_strcmp0 (response, "nominate") != 0 || person == NULL || self->event_id == NULL)
    return;
  p = g_new0 (Pending, 1);
  p->self = g_object_ref (self);
  p->participant_id = g_strdup (liaison_participant_get_id (person));
  p->country = g_strdup (country < codes->len ? g_ptr_array_index (codes, country) : NULL);
  p->role = role < G_N_ELEMENTS (nominee_roles) ? nominee_roles[role] : LIAISON_ROLE_DELEGATE;
  p->file = letter_file (dialog);
  run_pending (p);
}

static void
nominate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonDelegationBoard *self = LIAISON_DELEGATION_BOARD (widget);
  g_autoptr (GPtrArray) codes = liaison_form_dialog_member_codes ();
  g_auto (GStrv) names = liaison_form_dialog_member_names (codes);
  const char       *roles[G_N_ELEMENTS (nominee_roles) + 1] = { NULL };
  AdwMessageDialog *dialog;
  GtkWidget        *picker;

  for (guint i = 0; i < G_N_ELEMENTS (nominee_roles); i++)
    roles[i] = liaison_role_label (nominee_roles[i]);
  dialog = liaison_form_dialog_new (widget, _ ("Record a Nomination"),
                                    _ ("A country's liaison officer puts someone forward. They hold no place until the "
                                       "nomination is approved, within the country's quota."),
                                    _ ("The nomination"));
  picker = liaison_person_picker_new (self->context);
  liaison_form_dialog_prepend (dialog, picker);
  liaison_form_dialog_add_choice (dialog, "country", _ ("Nominated by"), (const char *const *) names, 0);
  liaison_form_dialog_add_choice (dialog, "role", _ ("Role"), roles, 0);
  add_letter_row (dialog);
  liaison_form_dialog_set_responses (dialog, "nominate", _ ("_Nominate"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "picker", picker);
  g_signal_connect_object (picker, "notify::selected", G_CALLBACK (update_nominate_response), dialog, G_CONNECT_SWAPPED);
  update_nominate_response (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_nominate_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static LiaisonRegistration *
nominee (LiaisonDelegationBoard *self, const char *id)
{
  for (guint i = 0; self->nominees != NULL && i < self->nominees->len; i++)
    if (g_str_equal (liaison_registration_get_id (g_ptr_array_index (self->nominees, i)), id))
      return g_ptr_array_index (self->nominees, i);
  return NULL;
}

static void
approve_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonDelegationBoard *self = LIAISON_DELEGATION_BOARD (widget);
  const char             *id = g_variant_get_string (parameter, NULL);
  LiaisonRegistration    *r = nominee (self, id);
  gint64                  mark = liaison_store_get_last_seq (get_store (self));
  g_autoptr (GError) error = NULL;
  g_autofree char          *name = NULL;
  g_autofree char          *message = NULL;
  LiaisonRegistrationStatus now;

  if (r == NULL)
    return;
  name = person_name (self, liaison_registration_get_participant_id (r));
  if (!liaison_store_approve_nomination (get_store (self), id, LIAISON_ORIGIN_LOCAL, &now, &error))
    {
      toast (self, error->message);
      return;
    }
  if (now == LIAISON_REGISTRATION_WAITLISTED)
    /* Translators: %s is a person's name */
    message = g_strdup_printf (_ ("%s approved, on the waitlist: the event is full"), name);
  else
    /* Translators: %s is a person's name */
    message = g_strdup_printf (_ ("%s approved"), name);
  gtk_widget_activate_action (widget, "win.show-undo-toast", "(sx)", message, mark);
}

static void
decline_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonDelegationBoard *self = LIAISON_DELEGATION_BOARD (widget);
  const char             *id = g_variant_get_string (parameter, NULL);
  LiaisonRegistration    *r = nominee (self, id);
  gint64                  mark = liaison_store_get_last_seq (get_store (self));
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (r == NULL)
    return;
  name = person_name (self, liaison_registration_get_participant_id (r));
  if (!liaison_store_set_registration_status (get_store (self), id, LIAISON_REGISTRATION_DECLINED, LIAISON_ORIGIN_LOCAL,
                                              NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: %s is a person's name */
  message = g_strdup_printf (_ ("Nomination of %s declined"), name);
  gtk_widget_activate_action (widget, "win.show-undo-toast", "(sx)", message, mark);
}

/* ------------------------------------------------------------------------ */

static void
liaison_delegation_board_dispose (GObject *object)
{
  LiaisonDelegationBoard *self = (LiaisonDelegationBoard *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_DELEGATION_BOARD);
  g_clear_pointer (&self->nominees, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_delegation_board_parent_class)->dispose (object);
}

static void
liaison_delegation_board_finalize (GObject *object)
{
  LiaisonDelegationBoard *self = (LiaisonDelegationBoard *) object;

  g_clear_pointer (&self->event_id, g_free);

  G_OBJECT_CLASS (liaison_delegation_board_parent_class)->finalize (object);
}

static void
liaison_delegation_board_class_init (LiaisonDelegationBoardClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_delegation_board_dispose;
  object_class->finalize = liaison_delegation_board_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-delegation-board.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonDelegationBoard, board_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDelegationBoard, nominations_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDelegationBoard, nominations_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDelegationBoard, review_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDelegationBoard, review_row);

  gtk_widget_class_install_action (widget_class, "board.set-quota", NULL, set_quota_action);
  gtk_widget_class_install_action (widget_class, "board.nominate", NULL, nominate_action);
  gtk_widget_class_install_action (widget_class, "board.approve", "s", approve_action);
  gtk_widget_class_install_action (widget_class, "board.decline", "s", decline_action);
  gtk_widget_class_install_action (widget_class, "board.open-letter", "s", open_letter_action);
  gtk_widget_class_install_action (widget_class, "board.attach-letter", "s", attach_letter_action);
}

static void
liaison_delegation_board_init (LiaisonDelegationBoard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The event whose delegations to show (NULL: none); reads them again. */
void
liaison_delegation_board_show (LiaisonDelegationBoard *self, LiaisonContext *context, const char *event_id)
{
  g_return_if_fail (LIAISON_IS_DELEGATION_BOARD (self));

  g_set_object (&self->context, context);
  if (g_strcmp0 (self->event_id, event_id) != 0)
    {
      g_free (self->event_id);
      self->event_id = g_strdup (event_id);
      g_clear_pointer (&self->nominees, g_ptr_array_unref);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->context == NULL || self->event_id == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  liaison_store_query_async (liaison_context_get_store (self->context), load_in_worker, g_strdup (self->event_id), g_free,
                             loaded_free, self->cancellable, on_loaded, g_object_ref (self));
}
