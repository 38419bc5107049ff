/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-event-editor-private.h"
#include "liaison-gui-util.h"
#include "liaison-gui-wrap.h"
#include "liaison-store-people.h"
#include "liaison-zone-strip.h"
#include "liaison-zones.h"

/* Creating or editing an event: both languages side by side, the time at
 * the venue with its zone and the same slot in every member country, the
 * links to the action plan, and warnings (not refusals) for clashes.
 * What must be corrected is said under its field, in the field's own
 * terms, once the field was touched or Save was pressed; Save then goes
 * to the first. What was typed is never dropped unasked. */

G_DEFINE_FINAL_TYPE (LiaisonEventEditor, liaison_event_editor, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_EVENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
selected_zone (LiaisonEventEditor *self)
{
  guint i = adw_combo_row_get_selected (self->zone_row);

  return i < self->zone_ids->len ? g_ptr_array_index (self->zone_ids, i) : NULL;
}

static const char *
selected_country (LiaisonEventEditor *self)
{
  guint i = adw_combo_row_get_selected (self->country_row);

  return i > 0 && i - 1 < self->country_codes->len ? g_ptr_array_index (self->country_codes, i - 1) : NULL;
}

static void
select_zone (LiaisonEventEditor *self, const char *zone)
{
  for (guint i = 0; zone != NULL && i < self->zone_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->zone_ids, i), zone))
      {
        adw_combo_row_set_selected (self->zone_row, i);
        return;
      }
}

/* The event as the form has it now; NULL and a message when it cannot be
 * (liaison_event_editor_find_problems says what to correct first). */
static LiaisonEvent *
build_event (LiaisonEventEditor *self, GError **error)
{
  g_autoptr (LiaisonEvent) e = NULL;
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  gboolean         all_day = gtk_switch_get_active (self->all_day);
  g_autofree char *start = liaison_event_editor_local_time (liaison_event_editor_text_of (self->start_date), liaison_event_editor_text_of (self->start_time), all_day);
  g_autofree char *end =
      liaison_event_editor_local_time (liaison_event_editor_text_of (self->end_date),
                                       liaison_event_editor_text_of (self->end_time) != NULL ? liaison_event_editor_text_of (self->end_time) : liaison_event_editor_text_of (self->start_time), all_day);
  g_autofree char *description_zh = liaison_event_editor_text_view_text (self->description_zh);
  g_autofree char *description_en = liaison_event_editor_text_view_text (self->description_en);
  LiaisonLanguage  lang = liaison_language_for_locale ();
  guint            track = adw_combo_row_get_selected (self->track_row);
  struct
  {
    LiaisonBilingual *text;
    const char       *zh;
    const char       *en;
  } fields[4];

  e = self->original != NULL ? liaison_event_new (liaison_event_get_id (self->original)) : liaison_event_new (NULL);
  if (self->original != NULL)
    {
      /* What the form does not show (the history's areas, the translation
       * states) stays as it was. */
      liaison_event_set_areas (e, liaison_event_get_areas (self->original));
      for (guint i = 0; i < 4; i++)
        {
          LiaisonBilingual *from = i == 0   ? liaison_event_get_title (self->original)
                                   : i == 1 ? liaison_event_get_theme (self->original)
                                   : i == 2 ? liaison_event_get_description (self->original)
                                            : liaison_event_get_city (self->original);
          LiaisonBilingual *to = i == 0   ? liaison_event_get_title (e)
                                 : i == 1 ? liaison_event_get_theme (e)
                                 : i == 2 ? liaison_event_get_description (e)
                                          : liaison_event_get_city (e);

          liaison_bilingual_set_source (to, liaison_bilingual_get_source (from));
          for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
            liaison_bilingual_restore (to, l, liaison_bilingual_get_text (from, l),
                                       liaison_bilingual_get_state (from, l), liaison_bilingual_get_based_on (from, l));
        }
    }

  fields[0].text = liaison_event_get_title (e);
  fields[0].zh = liaison_event_editor_text_of (self->title_zh);
  fields[0].en = liaison_event_editor_text_of (self->title_en);
  fields[1].text = liaison_event_get_theme (e);
  fields[1].zh = liaison_event_editor_text_of (self->theme_zh);
  fields[1].en = liaison_event_editor_text_of (self->theme_en);
  fields[2].text = liaison_event_get_description (e);
  fields[2].zh = description_zh;
  fields[2].en = description_en;
  fields[3].text = liaison_event_get_city (e);
  fields[3].zh = liaison_event_editor_text_of (self->city_zh);
  fields[3].en = liaison_event_editor_text_of (self->city_en);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      /* A new text is written in the interface language when there is one. */
      if (self->original == NULL)
        liaison_bilingual_set_source (
            fields[i].text,
            (lang == LIAISON_LANGUAGE_ZH ? fields[i].zh : fields[i].en) != NULL ? lang : liaison_language_other (lang));
      /* Typed by a person: a translation typed here is translated, waiting
       * for review, not a draft. */
      liaison_bilingual_set_typed (fields[i].text, fields[i].zh, fields[i].en);
    }

  {
    g_autoptr (GPtrArray) problems = liaison_event_editor_find_problems (self);

    if (problems->len > 0)
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             ((LiaisonEditorProblem *) g_ptr_array_index (problems, 0))->message);
        return NULL;
      }
  }
  if (!liaison_event_set_when (e, start, liaison_event_editor_text_of (self->end_date) != NULL ? end : NULL,
                               all_day ? NULL : selected_zone (self), error))
    return NULL;

  liaison_event_set_kind (e, adw_combo_row_get_selected (self->kind_row));
  liaison_event_set_status (e, adw_combo_row_get_selected (self->status_row));
  liaison_event_set_mode (e, adw_combo_row_get_selected (self->mode_row));
  liaison_event_set_online_url (e, liaison_event_editor_text_of (self->online_url));
  liaison_event_set_venue (e, liaison_event_editor_text_of (self->venue));
  liaison_event_set_country (e, selected_country (self));
  liaison_event_set_capacity (e, liaison_event_editor_capacity (self));
  liaison_event_set_registration_deadline (e, liaison_event_editor_text_of (self->deadline));
  liaison_event_set_budget (e, gtk_spin_button_get_value (self->budget), liaison_event_editor_text_of (self->currency),
                            adw_combo_row_get_selected (self->funding_row));
  liaison_event_set_organisers (e, liaison_event_editor_text_of (self->organisers));
  liaison_event_set_partners (e, liaison_event_editor_text_of (self->partners));
  /* The switch says whether the event repeats; a rule it came with (a
   * weekly one from another calendar, with its exceptions) is kept as it
   * is, and only a new repetition is yearly. */
  if (!gtk_switch_get_active (self->yearly))
    liaison_event_set_recurrence (e, NULL);
  else if (self->original != NULL && liaison_event_get_recurrence (self->original) != NULL)
    liaison_event_set_recurrence (e, liaison_event_get_recurrence (self->original));
  else
    liaison_event_set_recurrence (e, "FREQ=YEARLY");
  liaison_event_set_track (e, track > 0 && track <= self->tracks->len
                                  ? ((LiaisonTrackInfo *) g_ptr_array_index (self->tracks, track - 1))->id
                                  : NULL);
  for (guint i = 0; i < self->activity_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->activity_checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (codes, g_object_get_data (G_OBJECT (check), "code"));
    }
  g_ptr_array_add (codes, NULL);
  liaison_event_set_activities (e, (const char *const *) codes->pdata);

  return g_steal_pointer (&e);
}

typedef struct
{
  GPtrArray *venues; /* LiaisonEvent */
  GPtrArray *people; /* sentences */
} Clashes;

static void
clashes_free (gpointer data)
{
  Clashes *c = data;

  g_clear_pointer (&c->venues, g_ptr_array_unref);
  g_clear_pointer (&c->people, g_ptr_array_unref);
  g_free (c);
}

static gpointer
find_clashes_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  Clashes *c = g_new0 (Clashes, 1);

  if (!liaison_store_find_clashes (reader, data, &c->venues, &c->people, error))
    {
      clashes_free (c);
      return NULL;
    }
  return c;
}

static void
on_clashes_found (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonEventEditor) self = user_data;
  g_autoptr (GError) error = NULL;
  Clashes *c = liaison_store_query_finish (LIAISON_STORE (source), result, &error);
  g_autoptr (GString) text = g_string_new (NULL);
  LiaisonLanguage lang = liaison_language_for_locale ();

  /* Cancelled: a newer check (or the editor closing) took its place. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  for (guint i = 0; c != NULL && i < c->venues->len; i++)
    {
      /* Translators: a clash, “The venue is also booked for “Forum 2025” at that time” */
      g_autofree char *line = g_strdup_printf (
          _ ("The venue is also booked for “%s” at that time"),
          liaison_bilingual_get_display (liaison_event_get_title (g_ptr_array_index (c->venues, i)), lang));
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line);
    }
  for (guint i = 0; c != NULL && i < c->people->len; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", (const char *) g_ptr_array_index (c->people, i));
  gtk_label_set_label (self->warnings_label, text->str);
  gtk_widget_set_visible (self->warnings_box, text->len > 0);
  g_clear_pointer (&c, clashes_free);
}

/* Clashes are looked for on the store's worker: with a large database the
 * events of three years are read. */
static gboolean
show_clashes (gpointer data)
{
  LiaisonEventEditor *self = data;
  LiaisonEvent       *e = build_event (self, NULL);

  self->clash_source = 0;
  g_cancellable_cancel (self->clash_cancellable);
  g_clear_object (&self->clash_cancellable);
  if (e == NULL)
    {
      gtk_widget_set_visible (self->warnings_box, FALSE);
      return G_SOURCE_REMOVE;
    }
  self->clash_cancellable = g_cancellable_new ();
  liaison_store_query_async (liaison_context_get_store (self->context), find_clashes_in_worker, e, g_object_unref,
                             clashes_free, self->clash_cancellable, on_clashes_found, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
update_strip (LiaisonEventEditor *self, LiaisonEvent *e)
{
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;

  if (e != NULL && liaison_event_get_precision (e) == LIAISON_DATE_PRECISION_TIME)
    {
      start = liaison_event_dup_start_date_time (e);
      if (liaison_event_get_end (e) != NULL)
        end = liaison_event_dup_end_date_time (e);
    }
  liaison_zone_strip_set_slot (self->zone_strip, start, end);
  gtk_widget_set_visible (GTK_WIDGET (self->zone_strip), start != NULL);
}

static void
on_changed (LiaisonEventEditor *self)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (LiaisonEvent) e = NULL;

  if (self->loading)
    return;
  problems = liaison_event_editor_show_problems (self);
  if (problems->len == 0)
    e = build_event (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_strip (self, e);
  g_clear_handle_id (&self->clash_source, g_source_remove);
  self->clash_source = g_timeout_add (300, show_clashes, self);
}

/* Any field the person changes: its message may show from now on, and
 * closing asks before dropping the change. */
static void
on_field_changed (LiaisonEventEditor *self, GtkWidget *field)
{
  if (self->loading)
    return;
  self->changed = TRUE;
  g_hash_table_add (self->touched, field);
  on_changed (self);
}

static void
on_buffer_changed (GtkTextBuffer *buffer, LiaisonEventEditor *self)
{
  on_field_changed (self, g_object_get_data (G_OBJECT (buffer), "view"));
}

static void
on_choice_changed (LiaisonEventEditor *self)
{
  if (!self->loading)
    self->changed = TRUE;
}

static void
on_zone_selected (LiaisonEventEditor *self)
{
  if (!self->loading)
    self->zone_chosen = TRUE;
  on_changed (self);
}

/* A country brings its zone until a zone is chosen by hand. */
static void
on_country_selected (LiaisonEventEditor *self)
{
  const LiaisonCountry *country = liaison_country_lookup (selected_country (self));

  if (country != NULL && !self->zone_chosen && !self->loading)
    {
      gboolean chosen = self->zone_chosen;

      select_zone (self, liaison_country_get_default_zone (country));
      self->zone_chosen = chosen;
    }
  on_changed (self);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventEditor *self = LIAISON_EVENT_EDITOR (widget);
  LiaisonStore       *store = liaison_context_get_store (self->context);
  gint64              mark = liaison_store_get_last_seq (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonEvent) e = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* Not yet: every message shows, and the first field to correct comes
   * into view with the cursor in it. */
  self->tried = TRUE;
  problems = liaison_event_editor_show_problems (self);
  if (problems->len > 0)
    {
      GtkWidget *first = ((LiaisonEditorProblem *) g_ptr_array_index (problems, 0))->field;

      gtk_widget_grab_focus (first);
      liaison_gui_scroll_into_view (first);
      return;
    }
  e = build_event (self, &error);
  if (e == NULL || !liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      liaison_gui_scroll_into_view (GTK_WIDGET (self->error_label));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, liaison_event_get_id (e));
  /* The toast is the window's this editor belongs to. */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-undo-toast", "(sx)",
                                self->original != NULL ? _ ("Event saved") : _ ("Event created"), mark);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------ */
/* Filling the form                                                          */

static GListModel *
labels_model (const char *(*label) (int), int first, int last)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = first; i <= last; i++)
    gtk_string_list_append (list, label (i));
  return G_LIST_MODEL (list);
}

static char *
zone_title (GtkStringObject *item)
{
  return liaison_zones_describe (gtk_string_object_get_string (item));
}

static void
fill_choices (LiaisonEventEditor *self)
{
  LiaisonLanguage lang = liaison_language_for_locale ();
  g_autoptr (GPtrArray) members = liaison_country_list_members ();
  g_autoptr (GPtrArray) all = liaison_country_list_all ();
  g_autoptr (GPtrArray) plan = liaison_store_list_plan (liaison_context_get_store (self->context), NULL);
  g_autoptr (GtkStringList) countries = gtk_string_list_new ((const char *[]){ _ ("None"), NULL });
  g_autoptr (GtkStringList) tracks = gtk_string_list_new ((const char *[]){ _ ("None"), NULL });
  g_autoptr (GListModel) zones = liaison_zones_model_new (NULL);
  g_autoptr (GtkExpression) zone_expression = NULL;
  g_autoptr (GListModel) kinds = labels_model ((const char *(*) (int) ) liaison_event_kind_label,
                                               LIAISON_EVENT_KIND_LIAISON_MEETING, LIAISON_EVENT_KIND_OTHER);
  g_autoptr (GListModel) statuses = labels_model ((const char *(*) (int) ) liaison_event_status_label,
                                                  LIAISON_EVENT_STATUS_PLANNED, LIAISON_EVENT_STATUS_CANCELLED);
  g_autoptr (GListModel) modes = labels_model ((const char *(*) (int) ) liaison_event_mode_label,
                                               LIAISON_EVENT_MODE_IN_PERSON, LIAISON_EVENT_MODE_HYBRID);
  g_autoptr (GListModel) funding = labels_model ((const char *(*) (int) ) liaison_funding_source_label,
                                                 LIAISON_FUNDING_COOPERATION_FUND, LIAISON_FUNDING_OTHER);
  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->status_row, statuses);
  adw_combo_row_set_model (self->mode_row, modes);
  adw_combo_row_set_model (self->funding_row, funding);

  self->country_codes = g_ptr_array_new ();
  for (guint i = 0; i < members->len; i++)
    {
      g_ptr_array_add (self->country_codes, (gpointer) liaison_country_get_code (g_ptr_array_index (members, i)));
      gtk_string_list_append (countries, liaison_country_get_name (g_ptr_array_index (members, i), lang));
    }
  for (guint i = 0; i < all->len; i++)
    if (!liaison_country_is_member (g_ptr_array_index (all, i)))
      {
        g_ptr_array_add (self->country_codes, (gpointer) liaison_country_get_code (g_ptr_array_index (all, i)));
        gtk_string_list_append (countries, liaison_country_get_name (g_ptr_array_index (all, i), lang));
      }
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (countries));

  self->zone_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (zones, i);
      g_ptr_array_add (self->zone_ids, g_strdup (gtk_string_object_get_string (item)));
    }
  zone_expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (zone_title), NULL, NULL);
  adw_combo_row_set_expression (self->zone_row, zone_expression);
  adw_combo_row_set_model (self->zone_row, zones);
  /* "Yangon, Myanmar (UTC+6:30)", "Contributions of China and ASEAN member
   * states": whole, on two lines where need be. */
  liaison_gui_wrap_combo_row (self->zone_row);
  liaison_gui_wrap_combo_row (self->funding_row);

  /* The tracks in the database: the built-in ones and those added since. */
  self->tracks = liaison_store_list_tracks (liaison_context_get_store (self->context), NULL);
  if (self->tracks == NULL)
    self->tracks = g_ptr_array_new ();
  for (guint i = 0; i < self->tracks->len; i++)
    {
      LiaisonTrackInfo *t = g_ptr_array_index (self->tracks, i);
      const char       *mine = lang == LIAISON_LANGUAGE_ZH ? t->title_zh : t->title_en;

      gtk_string_list_append (tracks, mine != NULL ? mine : lang == LIAISON_LANGUAGE_ZH ? t->title_en
                                                                                        : t->title_zh);
    }
  adw_combo_row_set_model (self->track_row, G_LIST_MODEL (tracks));

  self->activity_checks = g_ptr_array_new ();
  for (guint i = 0; plan != NULL && i < plan->len; i++)
    {
      LiaisonPlanItem *item = g_ptr_array_index (plan, i);
      GtkWidget       *row, *check;

      if (liaison_plan_item_get_level (item) != LIAISON_PLAN_LEVEL_ACTIVITY)
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), liaison_plan_item_get_code (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   liaison_bilingual_get_display (liaison_plan_item_get_title (item), lang));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "code", g_strdup (liaison_plan_item_get_code (item)), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      liaison_plan_item_get_code (item), -1);
      g_ptr_array_add (self->activity_checks, check);
      adw_expander_row_add_row (self->activities_row, row);
    }
}

static void
set_row (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_view (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* Split a stored local time back into the date and time fields. */
static void
split_when (const char *when, AdwEntryRow *date, AdwEntryRow *time)
{
  const char *t = when != NULL ? strchr (when, 'T') : NULL;

  if (when == NULL)
    return;
  if (t == NULL)
    {
      set_row (date, when);
      return;
    }
  {
    g_autofree char *day = g_strndup (when, t - when);
    set_row (date, day);
    set_row (time, t + 1);
  }
}

static void
load_event (LiaisonEventEditor *self)
{
  LiaisonEvent      *e = self->original;
  const char *const *codes = liaison_event_get_activities (e);

  set_row (self->title_zh, liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH));
  set_row (self->title_en, liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN));
  set_row (self->theme_zh, liaison_bilingual_get_text (liaison_event_get_theme (e), LIAISON_LANGUAGE_ZH));
  set_row (self->theme_en, liaison_bilingual_get_text (liaison_event_get_theme (e), LIAISON_LANGUAGE_EN));
  set_row (self->city_zh, liaison_bilingual_get_text (liaison_event_get_city (e), LIAISON_LANGUAGE_ZH));
  set_row (self->city_en, liaison_bilingual_get_text (liaison_event_get_city (e), LIAISON_LANGUAGE_EN));
  set_view (self->description_zh, liaison_bilingual_get_text (liaison_event_get_description (e), LIAISON_LANGUAGE_ZH));
  set_view (self->description_en, liaison_bilingual_get_text (liaison_event_get_description (e), LIAISON_LANGUAGE_EN));
  adw_combo_row_set_selected (self->kind_row, liaison_event_get_kind (e));
  adw_combo_row_set_selected (self->status_row, liaison_event_get_status (e));
  adw_combo_row_set_selected (self->mode_row, liaison_event_get_mode (e));
  set_row (self->online_url, liaison_event_get_online_url (e));
  set_row (self->venue, liaison_event_get_venue (e));
  for (guint i = 0; i < self->country_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->country_codes, i), liaison_event_get_country (e)) == 0)
      adw_combo_row_set_selected (self->country_row, i + 1);
  gtk_switch_set_active (self->all_day, liaison_event_get_precision (e) != LIAISON_DATE_PRECISION_TIME);
  split_when (liaison_event_get_start (e), self->start_date, self->start_time);
  split_when (liaison_event_get_end (e), self->end_date, self->end_time);
  if (liaison_event_get_time_zone (e) != NULL)
    {
      select_zone (self, liaison_event_get_time_zone (e));
      self->zone_chosen = TRUE;
    }
  gtk_switch_set_active (self->yearly, liaison_event_get_recurrence (e) != NULL);
  for (guint i = 0; i < self->activity_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->activity_checks, i);
      const char     *code = g_object_get_data (G_OBJECT (check), "code");

      gtk_check_button_set_active (check, codes != NULL && g_strv_contains (codes, code));
    }
  for (guint i = 0; i < self->tracks->len; i++)
    if (g_strcmp0 (((LiaisonTrackInfo *) g_ptr_array_index (self->tracks, i))->id, liaison_event_get_track (e)) == 0)
      adw_combo_row_set_selected (self->track_row, i + 1);
  if (liaison_event_get_capacity (e) > 0)
    {
      g_autofree char *capacity = g_strdup_printf ("%u", liaison_event_get_capacity (e));

      set_row (self->capacity, capacity);
    }
  set_row (self->deadline, liaison_event_get_registration_deadline (e));
  gtk_spin_button_set_value (self->budget, liaison_event_get_budget (e));
  set_row (self->currency, liaison_event_get_currency (e));
  adw_combo_row_set_selected (self->funding_row, liaison_event_get_funding (e));
  set_row (self->organisers, liaison_event_get_organisers (e));
  set_row (self->partners, liaison_event_get_partners (e));
}

/* ------------------------------------------------------------------------ */
/* The form's machinery: messages, limits, calendars, what changed          */

/* Collapsed, the Activities row says which are ticked. */
static void
update_activities_subtitle (LiaisonEventEditor *self)
{
  g_autoptr (GString) codes = g_string_new (NULL);

  for (guint i = 0; i < self->activity_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->activity_checks, i);

      if (gtk_check_button_get_active (check))
        g_string_append_printf (codes, "%s%s", codes->len > 0 ? C_ ("list", ", ") : "",
                                (const char *) g_object_get_data (G_OBJECT (check), "code"));
    }
  adw_expander_row_set_subtitle (self->activities_row, codes->len > 0 ? codes->str : _ ("None"));
}

static void
on_activity_toggled (LiaisonEventEditor *self)
{
  update_activities_subtitle (self);
  on_choice_changed (self);
}

/* The liaison officers' meeting comes back every year: choosing it turns
 * Repeats Every Year on, until the person sets that switch. */
static void
on_kind_selected (LiaisonEventEditor *self)
{
  gboolean meeting = adw_combo_row_get_selected (self->kind_row) == LIAISON_EVENT_KIND_LIAISON_MEETING;

  if (self->loading || self->yearly_touched)
    return;
  self->loading = TRUE;
  gtk_switch_set_active (self->yearly, meeting);
  self->loading = FALSE;
}

static void
on_yearly_changed (LiaisonEventEditor *self)
{
  if (self->loading)
    return;
  self->yearly_touched = TRUE;
  on_choice_changed (self);
}

static void
setup_fields (LiaisonEventEditor *self)
{
  struct
  {
    AdwEntryRow *row;
    int          kind; /* -1: no text limit of its own */
  } fields[] = {
    { self->title_zh, LIAISON_TEXT_TITLE },
    { self->title_en, LIAISON_TEXT_TITLE },
    { self->theme_zh, LIAISON_TEXT_THEME },
    { self->theme_en, LIAISON_TEXT_THEME },
    { self->city_zh, LIAISON_TEXT_CITY },
    { self->city_en, LIAISON_TEXT_CITY },
    { self->online_url, LIAISON_TEXT_URL },
    { self->venue, LIAISON_TEXT_VENUE },
    { self->start_date, -1 },
    { self->start_time, -1 },
    { self->end_date, -1 },
    { self->end_time, -1 },
    { self->capacity, -1 },
    { self->deadline, -1 },
    { self->currency, LIAISON_TEXT_SHORT },
    { self->organisers, LIAISON_TEXT_VENUE },
    { self->partners, LIAISON_TEXT_VENUE },
  };
  GtkTextView *views[] = { self->description_zh, self->description_en };
  GtkLabel    *view_messages[] = { self->description_zh_message, self->description_en_message };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i].kind >= 0)
        liaison_gui_limit_entry_row (fields[i].row, fields[i].kind);
      g_hash_table_insert (self->messages, fields[i].row, liaison_gui_add_field_message (GTK_WIDGET (fields[i].row)));
      g_signal_connect_object (fields[i].row, "changed", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
    }
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (views[i]);

      g_object_set_data (G_OBJECT (buffer), "view", views[i]);
      g_hash_table_insert (self->messages, views[i], view_messages[i]);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed), self, 0);
    }
  liaison_event_editor_add_date_picker (self->start_date);
  liaison_event_editor_add_date_picker (self->end_date);
  liaison_event_editor_add_date_picker (self->deadline);
}

static gboolean
destroy_cb (gpointer window)
{
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog *dialog, const char *response, LiaisonEventEditor *self)
{
  /* After the dialog has closed itself: it is the editor's child. */
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, destroy_cb, g_object_ref (self), g_object_unref);
}

/* Cancel, Escape or the window's close: typed work is not dropped unasked. */
static gboolean
liaison_event_editor_close_request (GtkWindow *window)
{
  LiaisonEventEditor *self = LIAISON_EVENT_EDITOR (window);
  GtkWidget          *dialog;

  if (!self->changed)
    return GTK_WINDOW_CLASS (liaison_event_editor_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _ ("Discard the Changes?"),
                                   self->original != NULL ? _ ("What you changed in this event is not saved yet.")
                                                          : _ ("The new event is not saved yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _ ("_Keep Editing"), "discard", _ ("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
liaison_event_editor_constructed (GObject *object)
{
  LiaisonEventEditor *self = (LiaisonEventEditor *) object;
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (liaison_event_editor_parent_class)->constructed (object);

  self->loading = TRUE;
  fill_choices (self);
  setup_fields (self);
  if (self->event_id != NULL)
    self->original = liaison_store_get_event (liaison_context_get_store (self->context), self->event_id, &error);
  if (self->original != NULL)
    {
      g_autoptr (GPtrArray) registrations =
          liaison_store_list_registrations (liaison_context_get_store (self->context), self->event_id, NULL);

      for (guint i = 0; registrations != NULL && i < registrations->len; i++)
        if (liaison_registration_status_holds_place (
                liaison_registration_get_status (g_ptr_array_index (registrations, i))))
          self->booked++;
      load_event (self);
      adw_window_title_set_title (self->window_title, _ ("Edit Event"));
      gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Event"));
      adw_window_title_set_subtitle (
          self->window_title,
          liaison_bilingual_get_display (liaison_event_get_title (self->original), liaison_language_for_locale ()));
    }
  else
    {
      g_autoptr (GTimeZone) mine = liaison_context_dup_time_zone (self->context);

      adw_window_title_set_title (self->window_title, _ ("New Event"));
      gtk_window_set_title (GTK_WINDOW (self), _ ("New Event"));
      adw_combo_row_set_selected (self->kind_row, LIAISON_EVENT_KIND_WORKSHOP);
      select_zone (self, g_time_zone_get_identifier (mine));
    }
  self->loading = FALSE;

  g_signal_connect_object (self->zone_row, "notify::selected", G_CALLBACK (on_zone_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_row, "notify::selected", G_CALLBACK (on_country_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), self, G_CONNECT_SWAPPED);
  {
    AdwComboRow *combos[] = { self->kind_row, self->status_row, self->mode_row, self->country_row,
                              self->zone_row, self->track_row, self->funding_row };

    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      g_signal_connect_object (combos[i], "notify::selected", G_CALLBACK (on_choice_changed), self, G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (self->all_day, "notify::active", G_CALLBACK (on_choice_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->yearly, "notify::active", G_CALLBACK (on_yearly_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->budget, "value-changed", G_CALLBACK (on_choice_changed), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < self->activity_checks->len; i++)
    g_signal_connect_object (g_ptr_array_index (self->activity_checks, i), "toggled", G_CALLBACK (on_activity_toggled),
                             self, G_CONNECT_SWAPPED);
  update_activities_subtitle (self);
  on_changed (self);
  gtk_widget_grab_focus (
      GTK_WIDGET (liaison_language_for_locale () == LIAISON_LANGUAGE_ZH ? self->title_zh : self->title_en));
}

static void
liaison_event_editor_dispose (GObject *object)
{
  LiaisonEventEditor *self = (LiaisonEventEditor *) object;

  g_clear_handle_id (&self->clash_source, g_source_remove);
  g_cancellable_cancel (self->clash_cancellable);
  g_clear_object (&self->clash_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_EVENT_EDITOR);
  g_clear_object (&self->original);
  g_clear_object (&self->context);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->zone_ids, g_ptr_array_unref);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_pointer (&self->tracks, g_ptr_array_unref);
  g_clear_pointer (&self->activity_checks, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->messages, g_hash_table_unref);

  G_OBJECT_CLASS (liaison_event_editor_parent_class)->dispose (object);
}

static void
liaison_event_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonEventEditor *self = (LiaisonEventEditor *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_EVENT_ID:
      g_value_set_string (value, self->event_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_event_editor_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonEventEditor *self = (LiaisonEventEditor *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_EVENT_ID:
      self->event_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_event_editor_class_init (LiaisonEventEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_event_editor_constructed;
  object_class->dispose = liaison_event_editor_dispose;
  object_class->get_property = liaison_event_editor_get_property;
  object_class->set_property = liaison_event_editor_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = liaison_event_editor_close_request;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] = g_param_spec_string ("event-id", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The event was saved; its identifier. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (LIAISON_TYPE_ZONE_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, title_zh);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, title_en);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, theme_zh);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, theme_en);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, city_zh);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, city_en);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, description_zh);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, description_en);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, description_zh_message);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, description_en_message);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, mode_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, online_url);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, venue);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, all_day);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, start_date);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, start_time);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, end_date);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, end_time);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, zone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, zone_strip);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, yearly);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, yearly_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, activities_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, track_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, capacity);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, deadline);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, budget);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, currency);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, funding_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, organisers);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventEditor, partners);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_event_editor_init (LiaisonEventEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->touched = g_hash_table_new (NULL, NULL);
  self->messages = g_hash_table_new (NULL, NULL);
}

GtkWidget *
liaison_event_editor_new (LiaisonContext *context, const char *event_id)
{
  return g_object_new (LIAISON_TYPE_EVENT_EDITOR, "context", context, "event-id", event_id, NULL);
}

void
liaison_event_editor_prefill_activity (LiaisonEventEditor *self, const char *activity)
{
  for (guint i = 0; i < self->activity_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->activity_checks, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "code"), activity) == 0)
        {
          gtk_check_button_set_active (check, TRUE);
          adw_expander_row_set_expanded (self->activities_row, TRUE);
        }
    }
}

LiaisonZoneStrip *
liaison_event_editor_get_zone_strip (LiaisonEventEditor *self)
{
  return self->zone_strip;
}
