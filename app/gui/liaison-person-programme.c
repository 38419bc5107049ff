/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-form-dialog.h"
#include "liaison-person-programme.h"
#include "liaison-store-people.h"

/* A person's Green Envoys record on their page: the cohort (first year
 * they attended an event of a track) and track, how far they went
 * (participant, speaker, mentor) and when, and the dated notes of where
 * they are now. */

struct _LiaisonPersonProgramme
{
  AdwBin parent_instance;

  LiaisonContext *context;
  char           *participant_id;
  GCancellable   *cancellable;
  int             cohort;

  AdwPreferencesGroup *programme_group;
  AdwActionRow        *cohort_row;
  AdwActionRow        *progression_row;
  GtkListBox          *notes_list;
};

G_DEFINE_FINAL_TYPE (LiaisonPersonProgramme, liaison_person_programme, ADW_TYPE_BIN)

struct _LiaisonPersonProgrammeData
{
  LiaisonProgrammeRecord *record;
  GPtrArray              *notes;
  GPtrArray              *tracks;
};

typedef LiaisonPersonProgrammeData Loaded;

void
liaison_person_programme_data_free (LiaisonPersonProgrammeData *data)
{
  Loaded *l = data;

  if (l == NULL)
    return;
  g_clear_pointer (&l->record, liaison_programme_record_free);
  g_clear_pointer (&l->notes, g_ptr_array_unref);
  g_clear_pointer (&l->tracks, g_ptr_array_unref);
  g_free (l);
}

static void
loaded_free (gpointer data)
{
  liaison_person_programme_data_free (data);
}

/* What the widget shows of a person, read on the store's worker thread
 * (the person's page reads it with the person, so both show at once). */
LiaisonPersonProgrammeData *
liaison_person_programme_read (LiaisonStore *reader, const char *participant_id, GError **error)
{
  g_autoptr (GPtrArray) steps = liaison_store_list_programme_steps (reader, participant_id, error);
  const char *data = participant_id;
  Loaded     *l;

  if (steps == NULL)
    return NULL;
  l = g_new0 (Loaded, 1);
  l->record = liaison_programme_record_derive (steps);
  l->notes = liaison_store_list_programme_notes (reader, data, error);
  l->tracks = l->notes != NULL ? liaison_store_list_tracks (reader, error) : NULL;
  if (l->tracks == NULL)
    {
      loaded_free (l);
      return NULL;
    }
  return l;
}

static void
fill (LiaisonPersonProgramme *self, Loaded *l)
{
  LiaisonProgrammeRecord *r = l->record;
  GtkWidget              *child;

  self->cohort = r->cohort;
  gtk_widget_set_visible (GTK_WIDGET (self->programme_group), r->cohort > 0);
  if (r->cohort > 0)
    {
      const LiaisonTrackInfo *t = liaison_track_info_find (l->tracks, r->cohort_track);
      LiaisonLanguage         lang = liaison_language_for_locale ();
      const char             *track = t == NULL ? r->cohort_track : lang == LIAISON_LANGUAGE_ZH && t->title_zh != NULL ? t->title_zh
                                                                : t->title_en != NULL                                  ? t->title_en
                                                                                                                       : t->title_zh;
      g_autofree char        *title = g_strdup_printf (_ ("Cohort of %d"), r->cohort);
      g_autofree char        *events = g_strdup_printf (g_dngettext (NULL, "%u programme event attended", "%u programme events attended", r->attended), r->attended);
      /* Translators: a track and how many events, “Climate Change Youth Leadership · 3 programme events attended” */
      g_autofree char *subtitle = g_strdup_printf (C_ ("cohort", "%1$s · %2$s"), track, events);
      g_autofree char *progression = liaison_programme_record_format_progression (r);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cohort_row), title);
      adw_action_row_set_subtitle (self->cohort_row, subtitle);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progression_row), progression);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list))) != NULL)
    gtk_list_box_remove (self->notes_list, child);
  for (guint i = 0; i < l->notes->len; i++)
    {
      LiaisonProgrammeNote *n = g_ptr_array_index (l->notes, i);
      GtkWidget            *row = adw_action_row_new ();
      GtkWidget            *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: %s is a note about a person */
      g_autofree char *label = g_strdup_printf (_ ("Delete the note “%s”"), n->text);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), n->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), n->date);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _ ("Delete the note"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "record.delete-note");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", n->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->notes_list, row);
    }
}

static gpointer
load_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  return liaison_person_programme_read (reader, data, error);
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonPersonProgramme) self = user_data;
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

/* Shows what was read for the person (data may be NULL: nothing to show). */
void
liaison_person_programme_set_data (LiaisonPersonProgramme     *self,
                                   LiaisonContext             *context,
                                   const char                 *participant_id,
                                   LiaisonPersonProgrammeData *data)
{
  g_return_if_fail (LIAISON_IS_PERSON_PROGRAMME (self));

  g_set_object (&self->context, context);
  if (g_strcmp0 (self->participant_id, participant_id) != 0)
    {
      g_free (self->participant_id);
      self->participant_id = g_strdup (participant_id);
    }
  if (data != NULL)
    fill (self, data);
}

static void
toast (LiaisonPersonProgramme *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
on_add_note_response (AdwMessageDialog *dialog, const char *response, LiaisonPersonProgramme *self)
{
  g_autofree char *date = liaison_form_dialog_dup_text (dialog, "date");
  g_autofree char *text = liaison_form_dialog_dup_text (dialog, "text");
  g_autofree char *id = NULL;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->context == NULL || self->participant_id == NULL)
    return;
  id = liaison_store_add_programme_note (liaison_context_get_store (self->context), self->participant_id, date, text,
                                         LIAISON_ORIGIN_LOCAL, &error);
  toast (self, id != NULL ? _ ("Note added") : error->message);
}

static void
add_note_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonPersonProgramme *self = LIAISON_PERSON_PROGRAMME (widget);
  g_autofree char        *today = liaison_form_dialog_today ();
  AdwMessageDialog       *dialog;

  if (self->participant_id == NULL)
    return;
  dialog = liaison_form_dialog_new (widget, _ ("Where Are They Now?"),
                                    _ ("Their position, their work, what became of what they learnt: a dated note on "
                                       "their programme record."),
                                    _ ("The note"));
  liaison_form_dialog_add_entry (dialog, "text", _ ("Note"), NULL);
  liaison_form_dialog_add_entry (dialog, "date", _ ("Date (YYYY-MM-DD)"), today);
  liaison_form_dialog_set_responses (dialog, "add", _ ("_Add Note"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_note_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_note_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonPersonProgramme *self = LIAISON_PERSON_PROGRAMME (widget);
  g_autoptr (GError) error = NULL;

  if (self->context == NULL)
    return;
  if (!liaison_store_delete_programme_note (liaison_context_get_store (self->context), g_variant_get_string (parameter, NULL),
                                            LIAISON_ORIGIN_LOCAL, &error))
    toast (self, error->message);
  else
    toast (self, _ ("Note deleted"));
}

static void
liaison_person_programme_dispose (GObject *object)
{
  LiaisonPersonProgramme *self = (LiaisonPersonProgramme *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_PERSON_PROGRAMME);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_person_programme_parent_class)->dispose (object);
}

static void
liaison_person_programme_finalize (GObject *object)
{
  LiaisonPersonProgramme *self = (LiaisonPersonProgramme *) object;

  g_clear_pointer (&self->participant_id, g_free);

  G_OBJECT_CLASS (liaison_person_programme_parent_class)->finalize (object);
}

static void
liaison_person_programme_class_init (LiaisonPersonProgrammeClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_person_programme_dispose;
  object_class->finalize = liaison_person_programme_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-person-programme.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonPersonProgramme, programme_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPersonProgramme, cohort_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPersonProgramme, progression_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPersonProgramme, notes_list);

  gtk_widget_class_install_action (widget_class, "record.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "record.delete-note", "s", delete_note_action);
}

static void
liaison_person_programme_init (LiaisonPersonProgramme *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Reads the person's record (again). */
void
liaison_person_programme_show (LiaisonPersonProgramme *self, LiaisonContext *context, const char *participant_id)
{
  g_return_if_fail (LIAISON_IS_PERSON_PROGRAMME (self));

  g_set_object (&self->context, context);
  if (g_strcmp0 (self->participant_id, participant_id) != 0)
    {
      g_free (self->participant_id);
      self->participant_id = g_strdup (participant_id);
      self->cohort = 0;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->context == NULL || self->participant_id == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  liaison_store_query_async (liaison_context_get_store (self->context), load_in_worker, g_strdup (participant_id), g_free,
                             loaded_free, self->cancellable, on_loaded, g_object_ref (self));
}

/* The cohort shown (0: none, or not read yet). */
int
liaison_person_programme_get_cohort (LiaisonPersonProgramme *self)
{
  g_return_val_if_fail (LIAISON_IS_PERSON_PROGRAMME (self), 0);

  return self->cohort;
}
