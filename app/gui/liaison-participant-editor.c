/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "liaison-duplicates-warning.h"
#include "liaison-gui-format.h"
#include "liaison-gui-util.h"
#include "liaison-participant-editor.h"

/* Adds a participant, or edits one, in a modal window. Every change is
 * checked by the core's own rule (liaison_participant_validate): Save is
 * enabled only for a valid person, and the rule's message appears under
 * the field it is about once typing pauses. */

#define MESSAGE_DELAY_MS 400

struct _LiaisonParticipantEditor
{
  AdwWindow parent_instance;

  LiaisonContext     *context;
  LiaisonParticipant *participant;
  LiaisonLanguage     language;
  GPtrArray          *country_codes;
  GPtrArray          *email_rows;
  GPtrArray          *phone_rows;
  guint               next_row;
  char               *consent_date;
  gboolean            names_touched;
  gboolean            order_touched;
  gboolean            filling;
  gboolean            valid;
  gboolean            changed;
  guint               messages_source;
  GPtrArray          *limited_rows; /* fields with a length limit, each with its message */

  GtkLabel            *save_error;
  GtkWidget           *duplicates_warning;
  AdwEntryRow         *family_native_row;
  AdwEntryRow         *given_native_row;
  AdwEntryRow         *family_latin_row;
  AdwEntryRow         *given_latin_row;
  GtkLabel            *names_error;
  AdwComboRow         *order_row;
  AdwActionRow        *preview_row;
  AdwEntryRow         *honorific_row;
  AdwComboRow         *gender_row;
  GtkStringList       *genders;
  AdwEntryRow         *organisation_zh_row;
  AdwEntryRow         *position_zh_row;
  AdwEntryRow         *organisation_en_row;
  AdwEntryRow         *position_en_row;
  GtkDropDown         *country_dropdown;
  GtkStringList       *countries;
  AdwComboRow         *sector_row;
  GtkStringList       *sectors;
  AdwEntryRow         *languages_row;
  AdwPreferencesGroup *emails_group;
  GtkLabel            *emails_error;
  AdwPreferencesGroup *phones_group;
  AdwExpanderRow      *consent_row;
  GtkMenuButton       *consent_date_button;
  GtkCalendar         *consent_calendar;
};

G_DEFINE_FINAL_TYPE (LiaisonParticipantEditor, liaison_participant_editor, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_PARTICIPANT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update (LiaisonParticipantEditor *self);

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_text (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static GStrv
row_texts (GPtrArray *rows)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (builder, text_of (g_ptr_array_index (rows, i)));
  return g_strv_builder_end (builder);
}

/* People list languages with any of these between them. */
static GStrv
split_languages (const char *text)
{
  g_autoptr (GString) normal = g_string_new (text);

  g_string_replace (normal, "，", ",", 0);
  g_string_replace (normal, "、", ",", 0);
  g_string_replace (normal, ";", ",", 0);
  return g_strsplit (normal->str, ",", -1);
}

static void
set_names (LiaisonParticipantEditor *self, LiaisonParticipant *p)
{
  gboolean mononym = adw_combo_row_get_selected (self->order_row) == LIAISON_NAME_ORDER_MONONYM;

  /* One name only: there is no family name to keep. */
  liaison_participant_set_native_name (p, mononym ? NULL : text_of (self->family_native_row),
                                       text_of (self->given_native_row));
  liaison_participant_set_latin_name (p, mononym ? NULL : text_of (self->family_latin_row),
                                      text_of (self->given_latin_row));
  liaison_participant_set_name_order (p, adw_combo_row_get_selected (self->order_row));
}

/* The person as the form describes them. */
static LiaisonParticipant *
build (LiaisonParticipantEditor *self)
{
  LiaisonParticipant *p =
      liaison_participant_new (self->participant != NULL ? liaison_participant_get_id (self->participant) : NULL);
  guint country = gtk_drop_down_get_selected (self->country_dropdown);
  g_auto (GStrv) emails = row_texts (self->email_rows);
  g_auto (GStrv) phones = row_texts (self->phone_rows);
  g_auto (GStrv) languages = split_languages (text_of (self->languages_row));

  set_names (self, p);
  liaison_participant_set_honorific (p, text_of (self->honorific_row));
  liaison_participant_set_gender (p, adw_combo_row_get_selected (self->gender_row));
  liaison_bilingual_set_typed (liaison_participant_get_organisation (p), text_of (self->organisation_zh_row),
                               text_of (self->organisation_en_row));
  liaison_bilingual_set_typed (liaison_participant_get_position (p), text_of (self->position_zh_row),
                               text_of (self->position_en_row));
  liaison_participant_set_sector (p, adw_combo_row_get_selected (self->sector_row));
  if (country != GTK_INVALID_LIST_POSITION && country < self->country_codes->len)
    liaison_participant_set_country (p, g_ptr_array_index (self->country_codes, country));
  liaison_participant_set_emails (p, (const char *const *) emails);
  liaison_participant_set_phones (p, (const char *const *) phones);
  liaison_participant_set_languages (p, (const char *const *) languages);
  liaison_participant_set_consent (p, adw_expander_row_get_enable_expansion (self->consent_row), self->consent_date);
  return p;
}

static void
mark_invalid (GtkWidget *row, gboolean invalid)
{
  if (invalid)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static void
show_message (GtkLabel *label, const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Runs the core's rule on one part of the person at a time, so each
 * message lands next to its field. */
static gboolean
show_messages_cb (gpointer data)
{
  LiaisonParticipantEditor *self = data;
  g_autoptr (LiaisonParticipant) names = liaison_participant_new (NULL);
  g_autoptr (GError) names_error = NULL;
  g_autofree char *email_message = NULL;
  g_autoptr (LiaisonParticipant) whole = NULL;
  g_autoptr (GError) whole_error = NULL;
  AdwEntryRow *name_rows[] = { self->family_native_row, self->given_native_row, self->family_latin_row,
                               self->given_latin_row };
  gboolean     names_ok;

  self->messages_source = 0;

  set_names (self, names);
  names_ok = liaison_participant_validate (names, &names_error);
  show_message (self->names_error, !names_ok && self->names_touched ? names_error->message : NULL);
  for (guint i = 0; i < G_N_ELEMENTS (name_rows); i++)
    mark_invalid (GTK_WIDGET (name_rows[i]), !names_ok && self->names_touched);

  for (guint i = 0; i < self->email_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->email_rows, i);
      g_autoptr (LiaisonParticipant) one = liaison_participant_new (NULL);
      g_autoptr (GError) error = NULL;
      const char *emails[] = { text_of (row), NULL };
      gboolean    ok;

      liaison_participant_set_latin_name (one, NULL, "x");
      liaison_participant_set_emails (one, emails);
      ok = liaison_participant_validate (one, &error);
      mark_invalid (GTK_WIDGET (row), !ok);
      if (!ok && email_message == NULL)
        email_message = g_strdup (error->message);
    }
  show_message (self->emails_error, email_message);

  /* A field longer than its kind takes: said under it, with the limit. */
  for (guint i = 0; i < self->limited_rows->len; i++)
    {
      AdwEntryRow     *row = g_ptr_array_index (self->limited_rows, i);
      g_autofree char *message = liaison_gui_check_entry_row (row);

      liaison_gui_show_field_message (g_object_get_data (G_OBJECT (row), "liaison-field-message"), GTK_WIDGET (row),
                                      message);
    }

  /* Anything the rule refuses that no field above explains. */
  whole = build (self);
  if (!liaison_participant_validate (whole, &whole_error) && names_ok && email_message == NULL)
    show_message (self->save_error, whole_error->message);
  else if (whole_error == NULL)
    show_message (self->save_error, NULL);
  /* Someone added who may be here already: said, never blocked. */
  if (self->participant == NULL)
    liaison_duplicates_warning_check (LIAISON_DUPLICATES_WARNING (self->duplicates_warning), self->context, whole);

  return G_SOURCE_REMOVE;
}

static void
update (LiaisonParticipantEditor *self)
{
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autofree char *display = NULL;
  const char      *honorific;

  if (self->filling)
    return;

  self->changed = TRUE;
  p = build (self);
  self->valid = liaison_participant_validate (p, NULL);
  for (guint i = 0; self->valid && i < self->limited_rows->len; i++)
    {
      g_autofree char *message = liaison_gui_check_entry_row (g_ptr_array_index (self->limited_rows, i));

      self->valid = message == NULL;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->valid);

  display = liaison_participant_dup_display_name (p);
  honorific = liaison_participant_get_honorific (p);
  if (honorific != NULL && *display != '\0')
    {
      g_autofree char *plain = g_steal_pointer (&display);
      /* Translators: an honorific (H.E., Dr) and a name */
      display = g_strdup_printf (C_ ("honorific and name", "%1$s %2$s"), honorific, plain);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_row), *display != '\0' ? display : "—");

  g_clear_handle_id (&self->messages_source, g_source_remove);
  self->messages_source = g_timeout_add (MESSAGE_DELAY_MS, show_messages_cb, self);
}

static void
update_name_rows (LiaisonParticipantEditor *self)
{
  gboolean mononym = adw_combo_row_get_selected (self->order_row) == LIAISON_NAME_ORDER_MONONYM;

  gtk_widget_set_visible (GTK_WIDGET (self->family_native_row), !mononym);
  gtk_widget_set_visible (GTK_WIDGET (self->family_latin_row), !mononym);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->given_native_row), mononym ? _ ("Name") : _ ("Given name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->given_latin_row), mononym ? _ ("Name") : _ ("Given name"));
}

static void
on_name_changed (LiaisonParticipantEditor *self)
{
  if (!self->filling)
    self->names_touched = TRUE;
  update (self);
}

static void
on_field_changed (LiaisonParticipantEditor *self)
{
  update (self);
}

static void
on_order_changed (LiaisonParticipantEditor *self)
{
  if (!self->filling)
    self->order_touched = TRUE;
  update_name_rows (self);
  update (self);
}

/* A new person's name order follows their country until it is chosen. */
static void
on_country_changed (LiaisonParticipantEditor *self)
{
  static const struct
  {
    const char      *country;
    LiaisonNameOrder order;
  } usual[] = {
    { "CN", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "VN", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "KH", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "TH", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "LA", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "PH", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "MM", LIAISON_NAME_ORDER_MONONYM },
  };
  guint       selected = gtk_drop_down_get_selected (self->country_dropdown);
  const char *code = selected < self->country_codes->len ? g_ptr_array_index (self->country_codes, selected) : NULL;

  if (!self->filling && !self->order_touched && self->participant == NULL && code != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (usual); i++)
      if (g_str_equal (usual[i].country, code))
        {
          self->filling = TRUE;
          adw_combo_row_set_selected (self->order_row, usual[i].order);
          update_name_rows (self);
          self->filling = FALSE;
        }
  update (self);
}

static void
show_consent_date (LiaisonParticipantEditor *self)
{
  int year, month, day;
  g_autoptr (GDateTime) date = NULL;

  if (self->consent_date != NULL && sscanf (self->consent_date, "%d-%d-%d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date != NULL)
    {
      g_autofree char *label = liaison_gui_format_date (date);

      gtk_menu_button_set_label (self->consent_date_button, label);
      gtk_calendar_select_day (self->consent_calendar, date);
    }
  else
    gtk_menu_button_set_label (self->consent_date_button, self->consent_date != NULL ? self->consent_date : "");
}

static void
on_consent_changed (LiaisonParticipantEditor *self)
{
  /* Consent given now, unless it says when. */
  if (adw_expander_row_get_enable_expansion (self->consent_row) && self->consent_date == NULL)
    {
      g_autoptr (GDateTime) today = g_date_time_new_now_local ();

      self->consent_date = g_date_time_format (today, "%Y-%m-%d");
      show_consent_date (self);
    }
  update (self);
}

static void
on_consent_day_selected (LiaisonParticipantEditor *self)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (self->consent_calendar);

  g_free (self->consent_date);
  self->consent_date = g_date_time_format (date, "%Y-%m-%d");
  show_consent_date (self);
  gtk_menu_button_popdown (self->consent_date_button);
  update (self);
}

static AdwEntryRow *
add_contact_row (LiaisonParticipantEditor *self, gboolean email, const char *text)
{
  GtkWidget       *row = adw_entry_row_new ();
  GtkWidget       *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *name = g_strdup_printf ("%s-%u", email ? "email" : "phone", self->next_row++);
  const char      *tooltip = email ? _ ("Remove This E-mail Address") : _ ("Remove This Phone Number");

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), email ? _ ("E-mail address") : _ ("Phone number"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), email ? GTK_INPUT_PURPOSE_EMAIL : GTK_INPUT_PURPOSE_PHONE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-row");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", name);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  g_signal_connect_object (row, "changed", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (email ? self->emails_group : self->phones_group, row);
  g_ptr_array_add (email ? self->email_rows : self->phone_rows, row);
  return ADW_ENTRY_ROW (row);
}

static int
compare_country_names (gconstpointer a, gconstpointer b, gpointer language)
{
  const LiaisonCountry *x = *(const LiaisonCountry **) a, *y = *(const LiaisonCountry **) b;

  return g_utf8_collate (liaison_country_get_name (x, GPOINTER_TO_INT (language)),
                         liaison_country_get_name (y, GPOINTER_TO_INT (language)));
}

static void
fill_choices (LiaisonParticipantEditor *self)
{
  g_autoptr (GPtrArray) members = liaison_country_list_members ();
  g_autoptr (GPtrArray) all = liaison_country_list_all ();
  g_autoptr (GPtrArray) others = g_ptr_array_new ();

  for (int g = LIAISON_GENDER_UNSPECIFIED; g <= LIAISON_GENDER_OTHER; g++)
    gtk_string_list_append (self->genders, liaison_gender_label (g));
  for (int s = LIAISON_SECTOR_GOVERNMENT; s <= LIAISON_SECTOR_OTHER; s++)
    gtk_string_list_append (self->sectors, liaison_sector_label (s));

  /* China and the ASEAN member states first, then the others by name. */
  gtk_string_list_append (self->countries, C_ ("country", "Not specified"));
  g_ptr_array_add (self->country_codes, NULL);
  for (guint i = 0; i < members->len; i++)
    {
      const LiaisonCountry *c = g_ptr_array_index (members, i);

      gtk_string_list_append (self->countries, liaison_country_get_name (c, self->language));
      g_ptr_array_add (self->country_codes, (gpointer) liaison_country_get_code (c));
    }
  for (guint i = 0; i < all->len; i++)
    if (!liaison_country_is_member (g_ptr_array_index (all, i)))
      g_ptr_array_add (others, g_ptr_array_index (all, i));
  g_ptr_array_sort_with_data (others, compare_country_names, GINT_TO_POINTER (self->language));
  for (guint i = 0; i < others->len; i++)
    {
      const LiaisonCountry *c = g_ptr_array_index (others, i);

      gtk_string_list_append (self->countries, liaison_country_get_name (c, self->language));
      g_ptr_array_add (self->country_codes, (gpointer) liaison_country_get_code (c));
    }
}

static void
fill (LiaisonParticipantEditor *self)
{
  LiaisonParticipant *p = self->participant;
  const char *const  *emails = p != NULL ? liaison_participant_get_emails (p) : NULL;
  const char *const  *phones = p != NULL ? liaison_participant_get_phones (p) : NULL;

  self->filling = TRUE;
  if (p == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _ ("New Participant"));
      adw_combo_row_set_selected (self->sector_row, LIAISON_SECTOR_OTHER);
    }
  else
    {
      const char *const *languages = liaison_participant_get_languages (p);
      const char        *country = liaison_participant_get_country (p);
      LiaisonBilingual  *organisation = liaison_participant_get_organisation (p);
      LiaisonBilingual  *position = liaison_participant_get_position (p);
      g_autofree char   *joined = languages != NULL ? g_strjoinv (", ", (char **) languages) : NULL;

      gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Participant"));
      adw_combo_row_set_selected (self->order_row, liaison_participant_get_name_order (p));
      set_text (self->family_native_row, liaison_participant_get_family_native (p));
      set_text (self->given_native_row, liaison_participant_get_given_native (p));
      set_text (self->family_latin_row, liaison_participant_get_family_latin (p));
      set_text (self->given_latin_row, liaison_participant_get_given_latin (p));
      set_text (self->honorific_row, liaison_participant_get_honorific (p));
      adw_combo_row_set_selected (self->gender_row, liaison_participant_get_gender (p));
      set_text (self->organisation_zh_row, liaison_bilingual_get_text (organisation, LIAISON_LANGUAGE_ZH));
      set_text (self->organisation_en_row, liaison_bilingual_get_text (organisation, LIAISON_LANGUAGE_EN));
      set_text (self->position_zh_row, liaison_bilingual_get_text (position, LIAISON_LANGUAGE_ZH));
      set_text (self->position_en_row, liaison_bilingual_get_text (position, LIAISON_LANGUAGE_EN));
      adw_combo_row_set_selected (self->sector_row, liaison_participant_get_sector (p));
      for (guint i = 1; country != NULL && i < self->country_codes->len; i++)
        if (g_ascii_strcasecmp (g_ptr_array_index (self->country_codes, i), country) == 0)
          gtk_drop_down_set_selected (self->country_dropdown, i);
      set_text (self->languages_row, joined);
      self->consent_date = g_strdup (liaison_participant_get_consent_date (p));
      adw_expander_row_set_enable_expansion (self->consent_row, liaison_participant_get_consent (p));
      show_consent_date (self);
    }
  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    add_contact_row (self, TRUE, emails[i]);
  if (self->email_rows->len == 0)
    add_contact_row (self, TRUE, NULL);
  for (guint i = 0; phones != NULL && phones[i] != NULL; i++)
    add_contact_row (self, FALSE, phones[i]);
  if (self->phone_rows->len == 0)
    add_contact_row (self, FALSE, NULL);
  update_name_rows (self);
  self->filling = FALSE;
  update (self);
  self->changed = FALSE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonParticipantEditor *self = LIAISON_PARTICIPANT_EDITOR (widget);
  g_autoptr (LiaisonParticipant) p = build (self);
  g_autoptr (GError) error = NULL;
  LiaisonStore    *store = liaison_context_get_store (self->context);
  GtkWindow       *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *name = NULL;
  gint64           mark;

  mark = liaison_store_get_last_seq (store);
  if (!liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error))
    {
      show_message (self->save_error, error->message);
      return;
    }

  name = liaison_participant_dup_display_name (p);
  /* The toast is the window's this editor belongs to. */
  if (parent != NULL && liaison_store_get_last_seq (store) != mark)
    {
      g_autofree char *message = NULL;

      if (self->participant == NULL)
        /* Translators: %s is a person's name */
        message = g_strdup_printf (_ ("Added %s"), name);
      else
        /* Translators: %s is a person's name */
        message = g_strdup_printf (_ ("Saved the changes to %s"), name);
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-undo-toast", "(sx)", message, mark);
    }
  g_signal_emit (self, signals[SAVED], 0, liaison_participant_get_id (p));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_email_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonParticipantEditor *self = LIAISON_PARTICIPANT_EDITOR (widget);

  gtk_widget_grab_focus (GTK_WIDGET (add_contact_row (self, TRUE, NULL)));
  update (self);
}

static void
add_phone_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonParticipantEditor *self = LIAISON_PARTICIPANT_EDITOR (widget);

  gtk_widget_grab_focus (GTK_WIDGET (add_contact_row (self, FALSE, NULL)));
  update (self);
}

static void
remove_row_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonParticipantEditor *self = LIAISON_PARTICIPANT_EDITOR (widget);
  const char               *name = g_variant_get_string (parameter, NULL);
  GPtrArray                *lists[] = { self->email_rows, self->phone_rows };
  AdwPreferencesGroup      *groups[] = { self->emails_group, self->phones_group };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        GtkWidget *row = g_ptr_array_index (lists[l], i);

        if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
          {
            g_ptr_array_remove_index (lists[l], i);
            adw_preferences_group_remove (groups[l], row);
            update (self);
            return;
          }
      }
}

static void
set_honorific_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonParticipantEditor *self = LIAISON_PARTICIPANT_EDITOR (widget);

  set_text (self->honorific_row, g_variant_get_string (parameter, NULL));
}

static gboolean
destroy_cb (gpointer window)
{
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog *dialog, const char *response, LiaisonParticipantEditor *self)
{
  /* After the dialog has closed itself: it is the editor's child. */
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, destroy_cb, g_object_ref (self), g_object_unref);
}

/* Cancel, Escape or the window's close: typed work is not dropped unasked. */
static gboolean
liaison_participant_editor_close_request (GtkWindow *window)
{
  LiaisonParticipantEditor *self = LIAISON_PARTICIPANT_EDITOR (window);
  GtkWidget                *dialog;

  if (!self->changed)
    return GTK_WINDOW_CLASS (liaison_participant_editor_parent_class)->close_request (window);

  dialog =
      adw_message_dialog_new (window, _ ("Discard the Changes?"),
                              self->participant != NULL ? _ ("What you changed in this participant is not saved yet.")
                                                        : _ ("The new participant is not saved yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _ ("_Keep Editing"), "discard", _ ("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Names, organisations and positions say how long they may be, and a
 * longer text is refused under its field. */
static void
limit_rows (LiaisonParticipantEditor *self)
{
  struct
  {
    AdwEntryRow    *row;
    LiaisonTextKind kind;
  } fields[] = {
    { self->family_native_row, LIAISON_TEXT_NAME },
    { self->given_native_row, LIAISON_TEXT_NAME },
    { self->family_latin_row, LIAISON_TEXT_NAME },
    { self->given_latin_row, LIAISON_TEXT_NAME },
    { self->honorific_row, LIAISON_TEXT_SHORT },
    { self->organisation_zh_row, LIAISON_TEXT_ORGANISATION },
    { self->position_zh_row, LIAISON_TEXT_POSITION },
    { self->organisation_en_row, LIAISON_TEXT_ORGANISATION },
    { self->position_en_row, LIAISON_TEXT_POSITION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      liaison_gui_limit_entry_row (fields[i].row, fields[i].kind);
      g_object_set_data (G_OBJECT (fields[i].row), "liaison-field-message",
                         liaison_gui_add_field_message (GTK_WIDGET (fields[i].row)));
      g_ptr_array_add (self->limited_rows, fields[i].row);
    }
}

static void
liaison_participant_editor_constructed (GObject *object)
{
  LiaisonParticipantEditor *self = (LiaisonParticipantEditor *) object;

  G_OBJECT_CLASS (liaison_participant_editor_parent_class)->constructed (object);

  limit_rows (self);
  fill (self);
  /* Typing starts with the name (the given name alone for one name only). */
  gtk_window_set_focus (GTK_WINDOW (self), gtk_widget_get_visible (GTK_WIDGET (self->family_native_row))
                                               ? GTK_WIDGET (self->family_native_row)
                                               : GTK_WIDGET (self->given_native_row));
}

static void
liaison_participant_editor_dispose (GObject *object)
{
  LiaisonParticipantEditor *self = (LiaisonParticipantEditor *) object;

  g_clear_handle_id (&self->messages_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_PARTICIPANT_EDITOR);
  g_clear_object (&self->participant);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_participant_editor_parent_class)->dispose (object);
}

static void
liaison_participant_editor_finalize (GObject *object)
{
  LiaisonParticipantEditor *self = (LiaisonParticipantEditor *) object;

  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_pointer (&self->email_rows, g_ptr_array_unref);
  g_clear_pointer (&self->phone_rows, g_ptr_array_unref);
  g_clear_pointer (&self->limited_rows, g_ptr_array_unref);
  g_clear_pointer (&self->consent_date, g_free);

  G_OBJECT_CLASS (liaison_participant_editor_parent_class)->finalize (object);
}

static void
liaison_participant_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonParticipantEditor *self = (LiaisonParticipantEditor *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PARTICIPANT:
      g_value_set_object (value, self->participant);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_participant_editor_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonParticipantEditor *self = (LiaisonParticipantEditor *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_PARTICIPANT:
      self->participant = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_participant_editor_class_init (LiaisonParticipantEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_participant_editor_constructed;
  object_class->dispose = liaison_participant_editor_dispose;
  object_class->finalize = liaison_participant_editor_finalize;
  object_class->get_property = liaison_participant_editor_get_property;
  object_class->set_property = liaison_participant_editor_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = liaison_participant_editor_close_request;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The person to edit, left as it is (the form builds a new object); NULL adds someone. */
  properties[PROP_PARTICIPANT] =
      g_param_spec_object ("participant", NULL, NULL, LIAISON_TYPE_PARTICIPANT,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After the person was written, with their identifier. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (LIAISON_TYPE_DUPLICATES_WARNING);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chinaaseanenv/Liaison/ui/liaison-participant-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, duplicates_warning);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, save_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, family_native_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, given_native_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, family_latin_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, given_latin_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, names_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, order_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, preview_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, honorific_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, gender_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, genders);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, organisation_zh_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, position_zh_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, organisation_en_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, position_en_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, countries);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, sector_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, sectors);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, languages_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, emails_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, emails_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, phones_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, consent_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, consent_date_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantEditor, consent_calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_order_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_country_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_consent_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_consent_day_selected);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-email", NULL, add_email_action);
  gtk_widget_class_install_action (widget_class, "editor.add-phone", NULL, add_phone_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-row", "s", remove_row_action);
  gtk_widget_class_install_action (widget_class, "editor.set-honorific", "s", set_honorific_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.add-email",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.add-phone",
                                       NULL);
}

static void
liaison_participant_editor_init (LiaisonParticipantEditor *self)
{
  self->limited_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->language = liaison_language_for_locale ();
  self->country_codes = g_ptr_array_new ();
  self->email_rows = g_ptr_array_new ();
  self->phone_rows = g_ptr_array_new ();
  fill_choices (self);
}

LiaisonParticipantEditor *
liaison_participant_editor_new (LiaisonContext *context, LiaisonParticipant *participant)
{
  return g_object_new (LIAISON_TYPE_PARTICIPANT_EDITOR, "context", context, "participant", participant, NULL);
}

/* Whether Save is enabled: the form describes a valid person. */
gboolean
liaison_participant_editor_is_valid (LiaisonParticipantEditor *self)
{
  g_return_val_if_fail (LIAISON_IS_PARTICIPANT_EDITOR (self), FALSE);

  return self->valid;
}
