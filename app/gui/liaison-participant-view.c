/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "liaison-duplicates-merges.h"
#include "liaison-gui-format.h"
#include "liaison-gui-util.h"
#include "liaison-history-item.h"
#include "liaison-participant-editor.h"
#include "liaison-participant-view.h"
#include "liaison-person-privacy.h"
#include "liaison-person-programme.h"
#include "liaison-programme.h"

/* One person's page: both names in their order, work, contacts, consent,
 * the Green Envoys cohort and the history across events. Read on the
 * store's worker thread, so it opens before the list has loaded. */
struct _LiaisonParticipantView
{
  AdwBin parent_instance;

  LiaisonContext     *context;
  gboolean            folded;
  char               *id;
  LiaisonParticipant *participant;
  GCancellable       *cancellable;
  GPtrArray          *contact_rows;
  LiaisonLanguage     language;

  AdwWindowTitle         *window_title;
  GtkStack               *content_stack;
  GtkSpinner             *spinner;
  AdwStatusPage          *gone_page;
  GtkScrolledWindow      *scrolled_window;
  AdwAvatar              *avatar;
  GtkLabel               *name_label;
  GtkLabel               *latin_label;
  GtkLabel               *summary_label;
  AdwActionRow           *native_row;
  AdwActionRow           *latin_row;
  AdwActionRow           *order_row;
  AdwActionRow           *honorific_row;
  AdwActionRow           *gender_row;
  AdwActionRow           *organisation_zh_row;
  AdwActionRow           *organisation_en_row;
  AdwActionRow           *position_zh_row;
  AdwActionRow           *position_en_row;
  AdwActionRow           *sector_row;
  AdwActionRow           *country_row;
  AdwPreferencesGroup    *contact_group;
  AdwActionRow           *no_contact_row;
  AdwActionRow           *languages_row;
  AdwActionRow           *consent_row;
  LiaisonPersonProgramme *person_programme;
  LiaisonPersonPrivacy   *person_privacy;
  GtkWidget              *person_merges;
  AdwPreferencesGroup    *history_group;
  GtkLabel               *history_empty;
  GtkColumnView          *history_view;
  GListStore             *history;
};

G_DEFINE_FINAL_TYPE (LiaisonParticipantView, liaison_participant_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  LiaisonParticipant         *participant;
  GPtrArray                  *history;
  LiaisonPersonProgrammeData *programme;
  LiaisonPersonPrivacyData   *privacy;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->participant);
  g_clear_pointer (&loaded->history, g_ptr_array_unref);
  g_clear_pointer (&loaded->programme, liaison_person_programme_data_free);
  g_clear_pointer (&loaded->privacy, liaison_person_privacy_data_free);
  g_free (loaded);
}

static gpointer
read_person (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  const char *id = data;
  g_autoptr (LiaisonParticipant) participant = liaison_store_get_participant (reader, id, error);
  GPtrArray *history;
  Loaded    *loaded;

  if (participant == NULL)
    return NULL;
  history = liaison_store_list_history (reader, id, error);
  if (history == NULL)
    return NULL;
  loaded = g_new0 (Loaded, 1);
  loaded->participant = g_steal_pointer (&participant);
  loaded->history = history;
  /* Their programme record and privacy, read with them so all shows at once. */
  loaded->programme = liaison_person_programme_read (reader, id, NULL);
  loaded->privacy = liaison_person_privacy_read (reader, id, NULL);
  return loaded;
}

static void
update_actions (LiaisonParticipantView *self)
{
  gboolean shown = self->participant != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.edit", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.delete", shown);
}

/* A row that shows a value with what it is underneath; hidden when empty. */
static void
set_row (AdwActionRow *row, const char *value)
{
  gboolean has_value = value != NULL && *value != '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), has_value ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), has_value);
}

static const char *
name_order_label (LiaisonNameOrder order)
{
  switch (order)
    {
    case LIAISON_NAME_ORDER_GIVEN_FIRST:
      return _ ("Given name first");
    case LIAISON_NAME_ORDER_MONONYM:
      return _ ("One name only");
    case LIAISON_NAME_ORDER_FAMILY_FIRST:
    default:
      return _ ("Family name first");
    }
}

static char *
format_consent (LiaisonParticipant *p)
{
  const char *date = liaison_participant_get_consent_date (p);
  int         year, month, day;

  if (!liaison_participant_get_consent (p))
    return g_strdup (_ ("Not given"));
  if (date == NULL)
    return g_strdup (_ ("Given; the date was not recorded"));
  if (sscanf (date, "%d-%d-%d", &year, &month, &day) == 3)
    {
      g_autoptr (GDateTime) when = g_date_time_new_utc (year, month, day, 0, 0, 0);

      if (when != NULL)
        {
          g_autofree char *formatted = liaison_gui_format_date (when);
          /* Translators: %s is a date */
          return g_strdup_printf (_ ("Given on %s"), formatted);
        }
    }
  return g_strdup_printf (_ ("Given on %s"), date);
}

static char *
join_list (const char *const *items)
{
  /* Translators: between the items of a list, such as languages */
  return items != NULL ? g_strjoinv (C_ ("list separator", ", "), (char **) items) : NULL;
}

static void
clear_contacts (LiaisonParticipantView *self)
{
  for (guint i = 0; i < self->contact_rows->len; i++)
    adw_preferences_group_remove (self->contact_group, g_ptr_array_index (self->contact_rows, i));
  g_ptr_array_set_size (self->contact_rows, 0);
}

static void
add_contact (LiaisonParticipantView *self, const char *value, const char *what, const char *uri_scheme)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
  if (uri_scheme != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (value, "@+", FALSE);
      g_autofree char *uri = g_strconcat (uri_scheme, escaped, NULL);
      GtkWidget       *link = gtk_link_button_new (uri);
      g_autofree char *tooltip = g_strdup_printf (_ ("Write to %s"), value);

      gtk_button_set_icon_name (GTK_BUTTON (link), "mail-unread-symbolic");
      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (link, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (link), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), link);
    }
  adw_preferences_group_add (self->contact_group, row);
  g_ptr_array_add (self->contact_rows, row);
}

static void
fill_history (LiaisonParticipantView *self, GPtrArray *history)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = NULL;

  for (guint i = 0; i < history->len; i++)
    g_ptr_array_add (items, liaison_history_item_new (g_ptr_array_index (history, i)));
  g_list_store_splice (self->history, 0, g_list_model_get_n_items (G_LIST_MODEL (self->history)), items->pdata,
                       items->len);
  gtk_widget_set_visible (GTK_WIDGET (self->history_view), history->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->history_empty), history->len == 0);
  if (history->len > 0)
    count =
        g_strdup_printf (ngettext ("Registered for %u event", "Registered for %u events", history->len), history->len);
  adw_preferences_group_set_description (self->history_group, count);
}

static void
fill (LiaisonParticipantView *self, Loaded *loaded)
{
  LiaisonParticipant   *p = loaded->participant;
  LiaisonBilingual     *organisation = liaison_participant_get_organisation (p);
  LiaisonBilingual     *position = liaison_participant_get_position (p);
  const LiaisonCountry *country = liaison_country_lookup (liaison_participant_get_country (p));
  const char           *country_name = country != NULL ? liaison_country_get_name (country, self->language) : NULL;
  const char           *honorific = liaison_participant_get_honorific (p);
  const char           *position_text = liaison_bilingual_get_display (position, self->language);
  const char           *organisation_text = liaison_bilingual_get_display (organisation, self->language);
  const char *const    *emails = liaison_participant_get_emails (p);
  const char *const    *phones = liaison_participant_get_phones (p);
  g_autofree char      *native = liaison_participant_dup_native_name (p);
  g_autofree char      *latin = liaison_participant_dup_latin_name (p);
  g_autofree char      *display = liaison_participant_dup_display_name (p);
  g_autofree char      *headline = NULL;
  g_autofree char      *work = NULL;
  g_autofree char      *summary = NULL;
  g_autofree char      *languages = NULL;
  g_autofree char      *consent = NULL;

  g_set_object (&self->participant, p);

  /* Their own script first, the Latin form under it (or alone). */
  headline = g_strdup (native != NULL ? native : latin);
  if (honorific != NULL)
    {
      g_autofree char *plain = g_steal_pointer (&headline);
      /* Translators: an honorific (H.E., Dr) and a name */
      headline = g_strdup_printf (C_ ("honorific and name", "%1$s %2$s"), honorific, plain);
    }
  gtk_label_set_label (self->name_label, headline);
  gtk_label_set_label (self->latin_label, native != NULL && latin != NULL ? latin : "");
  gtk_widget_set_visible (GTK_WIDGET (self->latin_label), native != NULL && latin != NULL);
  adw_avatar_set_text (self->avatar, latin != NULL ? latin : native);
  adw_window_title_set_title (self->window_title, display);

  if (*position_text != '\0' && *organisation_text != '\0')
    /* Translators: a position at an organisation, e.g. “Director, Ministry of Ecology and Environment” */
    work = g_strdup_printf (C_ ("position at organisation", "%1$s, %2$s"), position_text, organisation_text);
  else
    work = g_strdup (*position_text != '\0' ? position_text : organisation_text);
  if (*work != '\0' && country_name != NULL)
    /* Translators: where someone works and their country */
    summary = g_strdup_printf (C_ ("work and country", "%1$s · %2$s"), work, country_name);
  else
    summary = g_strdup (*work != '\0' ? work : country_name);
  gtk_label_set_label (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');

  set_row (self->native_row, native);
  set_row (self->latin_row, latin);
  set_row (self->order_row, name_order_label (liaison_participant_get_name_order (p)));
  set_row (self->honorific_row, honorific);
  set_row (self->gender_row, liaison_gender_label (liaison_participant_get_gender (p)));

  set_row (self->organisation_zh_row, liaison_bilingual_get_text (organisation, LIAISON_LANGUAGE_ZH));
  set_row (self->organisation_en_row, liaison_bilingual_get_text (organisation, LIAISON_LANGUAGE_EN));
  set_row (self->position_zh_row, liaison_bilingual_get_text (position, LIAISON_LANGUAGE_ZH));
  set_row (self->position_en_row, liaison_bilingual_get_text (position, LIAISON_LANGUAGE_EN));
  set_row (self->sector_row, liaison_sector_label (liaison_participant_get_sector (p)));
  set_row (self->country_row, country_name != NULL ? country_name : liaison_participant_get_country (p));

  clear_contacts (self);
  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    add_contact (self, emails[i], C_ ("contact", "E-mail"), "mailto:");
  for (guint i = 0; phones != NULL && phones[i] != NULL; i++)
    add_contact (self, phones[i], C_ ("contact", "Phone"), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->no_contact_row), self->contact_rows->len == 0);

  languages = join_list (liaison_participant_get_languages (p));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->languages_row),
                                 languages != NULL && *languages != '\0' ? languages : _ ("Not recorded"));
  consent = format_consent (p);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->consent_row), consent);

  fill_history (self, loaded->history);
  liaison_person_programme_set_data (self->person_programme, self->context, liaison_participant_get_id (p),
                                     loaded->programme);
  liaison_person_privacy_set_data (self->person_privacy, self->context, liaison_participant_get_id (p), loaded->privacy);
  liaison_duplicates_merges_show (LIAISON_DUPLICATES_MERGES (self->person_merges), self->context,
                                  liaison_participant_get_id (p));
}

static void
show_gone (LiaisonParticipantView *self, const GError *error)
{
  g_clear_object (&self->participant);
  g_list_store_remove_all (self->history);
  adw_window_title_set_title (self->window_title, _ ("Participant"));
  if (error == NULL || g_error_matches (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND))
    adw_status_page_set_description (self->gone_page, _ ("They were deleted, here or by a sync with the secretariat. "
                                                         "Go back to find someone else."));
  else
    adw_status_page_set_description (self->gone_page, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, "gone");
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonParticipantView) self = user_data;
  g_autoptr (GError) error = NULL;
  Loaded *loaded;

  if (self->context == NULL)
    return;
  loaded = liaison_store_query_finish (liaison_context_get_store (self->context), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->spinner);
  if (loaded == NULL)
    show_gone (self, error);
  else
    {
      fill (self, loaded);
      loaded_free (loaded);
      gtk_stack_set_visible_child_name (self->content_stack, "person");
    }
  update_actions (self);
}

static void
load (LiaisonParticipantView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->context == NULL || self->id == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  liaison_store_query_async (liaison_context_get_store (self->context), read_person, g_strdup (self->id), g_free,
                             loaded_free, self->cancellable, on_loaded, g_object_ref (self));
}

static void
setup_history_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
set_history_cell (GtkListItem *item, const char *text)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static const LiaisonHistoryEntry *
history_entry (GtkListItem *item)
{
  return liaison_history_item_get_entry (gtk_list_item_get_item (item));
}

static void
bind_history_year (GtkSignalListItemFactory *factory, GtkListItem *item, LiaisonParticipantView *self)
{
  g_autofree char *year = g_strdup_printf ("%d", history_entry (item)->year);

  set_history_cell (item, year);
}

static void
bind_history_title (GtkSignalListItemFactory *factory, GtkListItem *item, LiaisonParticipantView *self)
{
  const char *title = liaison_history_item_get_title (gtk_list_item_get_item (item), self->language);

  set_history_cell (item, title);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), title);
}

static void
bind_history_role (GtkSignalListItemFactory *factory, GtkListItem *item, LiaisonParticipantView *self)
{
  set_history_cell (item, liaison_role_label (history_entry (item)->role));
}

static void
bind_history_status (GtkSignalListItemFactory *factory, GtkListItem *item, LiaisonParticipantView *self)
{
  set_history_cell (item, liaison_registration_status_label (history_entry (item)->status));
}

static void
bind_history_track (GtkSignalListItemFactory *factory, GtkListItem *item, LiaisonParticipantView *self)
{
  const LiaisonProgrammeTrack *track = liaison_programme_lookup_track (history_entry (item)->track);

  if (track == NULL)
    set_history_cell (item, history_entry (item)->track);
  else
    set_history_cell (item, self->language == LIAISON_LANGUAGE_ZH ? track->title_zh : track->title_en);
}

static void
on_history_activate (LiaisonParticipantView *self, guint position)
{
  g_autoptr (LiaisonHistoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->history), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-event", "s",
                                liaison_history_item_get_entry (item)->event_id);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonParticipantView   *self = LIAISON_PARTICIPANT_VIEW (widget);
  LiaisonParticipantEditor *editor;

  if (self->participant == NULL)
    return;
  editor = liaison_participant_editor_new (self->context, self->participant);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_delete_response (AdwMessageDialog *dialog, const char *response, LiaisonParticipantView *self)
{
  const char   *id = g_object_get_data (G_OBJECT (dialog), "participant-id");
  const char   *name = g_object_get_data (G_OBJECT (dialog), "participant-name");
  LiaisonStore *store;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gint64           mark;

  if (g_strcmp0 (response, "delete") != 0 || self->context == NULL)
    return;

  store = liaison_context_get_store (self->context);
  mark = liaison_store_get_last_seq (store);
  if (!liaison_store_delete_participant (store, id, LIAISON_ORIGIN_LOCAL, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }
  {
    /* Short enough that the whole sentence shows in the toast. */
    g_autofree char *shown = liaison_gui_toast_name (name);

    /* Translators: %s is a person's name */
    message = g_strdup_printf (_ ("Deleted %s"), shown);
  }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-undo-toast", "(sx)", message, mark);
  if (g_strcmp0 (id, self->id) == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "page.back", NULL);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonParticipantView *self = LIAISON_PARTICIPANT_VIEW (widget);
  guint                   registrations = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  g_autofree char        *name = NULL;
  g_autofree char        *heading = NULL;
  g_autofree char        *body = NULL;
  GtkWidget              *dialog;

  if (self->participant == NULL)
    return;
  name = liaison_participant_dup_display_name (self->participant);
  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_ ("Delete %s?"), name);
  if (registrations == 0)
    body = g_strdup (_ ("They are not registered for any event. You can undo the deletion from the notification "
                        "that follows."));
  else
    body = g_strdup_printf (ngettext ("Their registration for %u event is deleted with them. You can undo the "
                                      "deletion from the notification that follows.",
                                      "Their registrations for %u events are deleted with them. You can undo the "
                                      "deletion from the notification that follows.",
                                      registrations),
                            registrations);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "delete", _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "participant-id",
                          g_strdup (liaison_participant_get_id (self->participant)), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "participant-name", g_steal_pointer (&name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
liaison_participant_view_dispose (GObject *object)
{
  LiaisonParticipantView *self = (LiaisonParticipantView *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_PARTICIPANT_VIEW);
  g_clear_object (&self->participant);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_participant_view_parent_class)->dispose (object);
}

static void
liaison_participant_view_finalize (GObject *object)
{
  LiaisonParticipantView *self = (LiaisonParticipantView *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->contact_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_participant_view_parent_class)->finalize (object);
}

static void
liaison_participant_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonParticipantView *self = (LiaisonParticipantView *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_participant_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonParticipantView *self = (LiaisonParticipantView *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      liaison_participant_view_set_context (self, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_participant_view_class_init (LiaisonParticipantViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_participant_view_dispose;
  object_class->finalize = liaison_participant_view_finalize;
  object_class->get_property = liaison_participant_view_get_property;
  object_class->set_property = liaison_participant_view_set_property;

  /* Set by the page that holds it, once its own context is known. */
  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIAISON_TYPE_HISTORY_ITEM);
  g_type_ensure (LIAISON_TYPE_PERSON_PROGRAMME);
  g_type_ensure (LIAISON_TYPE_PERSON_PRIVACY);
  g_type_ensure (LIAISON_TYPE_DUPLICATES_MERGES);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chinaaseanenv/Liaison/ui/liaison-participant-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, gone_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, avatar);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, name_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, latin_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, native_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, latin_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, order_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, honorific_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, gender_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, organisation_zh_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, organisation_en_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, position_zh_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, position_en_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, sector_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, country_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, contact_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, no_contact_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, languages_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, consent_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, person_programme);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, person_privacy);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, person_merges);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, history_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, history_empty);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, history_view);

  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantView, history);
  gtk_widget_class_bind_template_callback (widget_class, on_history_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_history_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_history_year);
  gtk_widget_class_bind_template_callback (widget_class, bind_history_title);
  gtk_widget_class_bind_template_callback (widget_class, bind_history_role);
  gtk_widget_class_bind_template_callback (widget_class, bind_history_status);
  gtk_widget_class_bind_template_callback (widget_class, bind_history_track);

  gtk_widget_class_install_action (widget_class, "person.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "person.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "person.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "person.delete", NULL);
}

static void
liaison_participant_view_init (LiaisonParticipantView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->contact_rows = g_ptr_array_new ();
  self->language = liaison_language_for_locale ();
  update_actions (self);
}

void
liaison_participant_view_set_context (LiaisonParticipantView *self, LiaisonContext *context)
{
  g_return_if_fail (LIAISON_IS_PARTICIPANT_VIEW (self));

  if (g_set_object (&self->context, context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/* Opens someone else: their page shows once it is read. */
void
liaison_participant_view_show (LiaisonParticipantView *self, const char *id)
{
  g_return_if_fail (LIAISON_IS_PARTICIPANT_VIEW (self));

  if (g_strcmp0 (self->id, id) != 0)
    {
      g_free (self->id);
      self->id = g_strdup (id);
      g_clear_object (&self->participant);
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
      gtk_spinner_start (self->spinner);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
      update_actions (self);
    }
  load (self);
}

/* Reads the same person again, in place, after a change. */
void
liaison_participant_view_reload (LiaisonParticipantView *self)
{
  g_return_if_fail (LIAISON_IS_PARTICIPANT_VIEW (self));

  load (self);
}

const char *
liaison_participant_view_get_id (LiaisonParticipantView *self)
{
  g_return_val_if_fail (LIAISON_IS_PARTICIPANT_VIEW (self), NULL);

  return self->id;
}

/* The person shown, or NULL while reading them or once they are gone. */
LiaisonParticipant *
liaison_participant_view_get_participant (LiaisonParticipantView *self)
{
  g_return_val_if_fail (LIAISON_IS_PARTICIPANT_VIEW (self), NULL);

  return self->participant;
}

GListModel *
liaison_participant_view_get_history (LiaisonParticipantView *self)
{
  g_return_val_if_fail (LIAISON_IS_PARTICIPANT_VIEW (self), NULL);

  return G_LIST_MODEL (self->history);
}
