/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-add-people-dialog.h"
#include "liaison-event-editor.h"
#include "liaison-event-page.h"
#include "liaison-gui-format.h"
#include "liaison-registration-item.h"

/* One event: every field, its registrations (with the allowed status
 * changes, bulk actions and counts), and a check-in mode for the door. */

struct _LiaisonEventPage
{
  AdwBin parent_instance;

  LiaisonContext *context;
  gboolean        folded;
  char           *event_id;
  LiaisonEvent   *event;
  gboolean        check_in_mode;
  gboolean        binding_rows;

  GCancellable      *cancellable;
  guint              reload_source;
  GListStore        *registrations;
  GtkMultiSelection *selection;
  GPtrArray         *detail_rows;
  GPtrArray         *breakdown_rows;

  AdwWindowTitle      *window_title;
  GtkScrolledWindow   *scroller;
  GtkLabel            *title_label;
  GtkLabel            *other_title_label;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *details_group;
  GtkRevealer         *check_in_revealer;
  GtkLabel            *check_in_count;
  GtkEntry            *check_in_entry;
  GtkLabel            *check_in_message;
  GtkListBox          *check_in_choices;
  GtkLabel            *counts_label;
  AdwExpanderRow      *breakdown_row;
  GtkRevealer         *bulk_revealer;
  GtkLabel            *bulk_label;
  GtkStack            *registrations_stack;
  GtkColumnView       *registrations_view;
};

G_DEFINE_FINAL_TYPE (LiaisonEventPage, liaison_event_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  PROP_CHECK_IN_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (LiaisonEventPage *self);

static LiaisonStore *
get_store (LiaisonEventPage *self)
{
  return liaison_context_get_store (self->context);
}

static void
toast (LiaisonEventPage *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
undo_toast (LiaisonEventPage *self, const char *message, gint64 mark)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-undo-toast", "(sx)", message, mark);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

typedef struct
{
  LiaisonEvent *event;
  GPtrArray    *items; /* LiaisonRegistrationItem */
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *l = data;

  g_clear_object (&l->event);
  g_clear_pointer (&l->items, g_ptr_array_unref);
  g_free (l);
}

static gpointer
load_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  const char *id = data;
  Loaded     *l = g_new0 (Loaded, 1);
  g_autoptr (GPtrArray) registrations = NULL;

  l->event = liaison_store_get_event (reader, id, error);
  if (l->event == NULL)
    {
      loaded_free (l);
      return NULL;
    }
  registrations = liaison_store_list_registrations (reader, id, error);
  if (registrations == NULL)
    {
      loaded_free (l);
      return NULL;
    }
  l->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);
      g_autoptr (LiaisonParticipant) p =
          liaison_store_get_participant (reader, liaison_registration_get_participant_id (r), NULL);

      g_ptr_array_add (l->items, liaison_registration_item_new (r, p));
    }
  return l;
}

/* ------------------------------------------------------------------------ */
/* Details                                                                   */

static void
add_detail (LiaisonEventPage *self, const char *title, const char *value, const char *action, GVariant *target)
{
  AdwActionRow *row;

  if (value == NULL || *value == '\0')
    return;
  row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (row, value);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  if (action != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  adw_preferences_group_add (self->details_group, GTK_WIDGET (row));
  g_ptr_array_add (self->detail_rows, row);
}

static char *
bilingual_pair (LiaisonBilingual *text)
{
  LiaisonLanguage lang = liaison_language_for_locale ();
  const char     *mine = liaison_bilingual_get_text (text, lang);
  const char     *other = liaison_bilingual_get_text (text, liaison_language_other (lang));

  if (mine != NULL && other != NULL)
    return g_strdup_printf ("%s\n%s", mine, other);
  return g_strdup (mine != NULL ? mine : other);
}

static void
fill_details (LiaisonEventPage *self)
{
  LiaisonEvent   *e = self->event;
  LiaisonLanguage lang = liaison_language_for_locale ();
  g_autoptr (GTimeZone) mine = liaison_context_dup_time_zone (self->context);
  g_autofree char             *when = liaison_gui_format_event_when (e, mine);
  g_autofree char             *theme = bilingual_pair (liaison_event_get_theme (e));
  g_autofree char             *description = bilingual_pair (liaison_event_get_description (e));
  g_autofree char             *place = NULL;
  g_autofree char             *where = NULL;
  const char                  *city = liaison_bilingual_get_display (liaison_event_get_city (e), lang);
  const LiaisonCountry        *country = liaison_country_lookup (liaison_event_get_country (e));
  const char *const           *activities = liaison_event_get_activities (e);
  const char *const           *areas = liaison_event_get_areas (e);
  g_autofree char             *capacity = NULL;
  g_autofree char             *budget = NULL;
  g_autofree char             *deadline = NULL;
  const LiaisonProgrammeTrack *track = liaison_programme_lookup_track (liaison_event_get_track (e));
  const char                  *title = liaison_bilingual_get_display (liaison_event_get_title (e), lang);
  const char                  *other = liaison_bilingual_get_text (liaison_event_get_title (e), liaison_language_other (lang));
  g_autoptr (GString) summary = NULL;

  for (guint i = 0; i < self->detail_rows->len; i++)
    adw_preferences_group_remove (self->details_group, g_ptr_array_index (self->detail_rows, i));
  g_ptr_array_set_size (self->detail_rows, 0);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, liaison_event_kind_label (liaison_event_get_kind (e)));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->other_title_label, other != NULL && g_strcmp0 (other, title) != 0 ? other : "");
  gtk_widget_set_visible (GTK_WIDGET (self->other_title_label), other != NULL && g_strcmp0 (other, title) != 0);
  summary = g_string_new (liaison_event_kind_label (liaison_event_get_kind (e)));
  liaison_gui_append_part (summary, liaison_event_status_label (liaison_event_get_status (e)));
  gtk_label_set_label (self->summary_label, summary->str);

  place = liaison_gui_format_place (city, country != NULL ? liaison_country_get_name (country, lang) : NULL);
  where = liaison_gui_format_place (liaison_event_get_venue (e), place);

  add_detail (self, _("When"), when, NULL, NULL);
  if (liaison_event_get_precision (e) == LIAISON_DATE_PRECISION_TIME)
    add_detail (self, _("Time zone"), liaison_event_get_time_zone (e), NULL, NULL);
  add_detail (self, _("Where"), where, NULL, NULL);
  add_detail (self, _("Mode"), liaison_event_mode_label (liaison_event_get_mode (e)), NULL, NULL);
  add_detail (self, _("Online link"), liaison_event_get_online_url (e), NULL, NULL);
  add_detail (self, _("Theme"), theme, NULL, NULL);
  add_detail (self, _("Description"), description, NULL, NULL);
  add_detail (self, _("Organisers"), liaison_event_get_organisers (e), NULL, NULL);
  add_detail (self, _("Partners"), liaison_event_get_partners (e), NULL, NULL);
  if (liaison_event_get_capacity (e) > 0)
    capacity = g_strdup_printf (g_dngettext (NULL, "%u place", "%u places", liaison_event_get_capacity (e)),
                                liaison_event_get_capacity (e));
  add_detail (self, _("Capacity"), capacity, NULL, NULL);
  if (liaison_event_get_registration_deadline (e) != NULL)
    {
      int y, m, d;

      if (liaison_parse_local_time (liaison_event_get_registration_deadline (e), NULL, &y, &m, &d, NULL, NULL))
        {
          g_autoptr (GDateTime) dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
          deadline = liaison_gui_format_date (dt);
        }
    }
  add_detail (self, _("Registration deadline"), deadline, NULL, NULL);
  if (liaison_event_get_budget (e) > 0)
    /* Translators: a budget, “12,500.00 USD — China–ASEAN Cooperation Fund” */
    budget = g_strdup_printf (_("%1$'.2f %2$s — %3$s"), liaison_event_get_budget (e),
                                 liaison_event_get_currency (e) != NULL ? liaison_event_get_currency (e) : "",
                                 liaison_funding_source_label (liaison_event_get_funding (e)));
  add_detail (self, _("Budget"), budget, NULL, NULL);
  if (track != NULL)
    add_detail (self, _("Green Envoys Programme"), lang == LIAISON_LANGUAGE_ZH ? track->title_zh : track->title_en,
                         NULL, NULL);
  if (liaison_event_get_recurrence (e) != NULL)
    add_detail (self, _("Repeats"), _("Every year"), NULL, NULL);

  for (guint i = 0; activities != NULL && activities[i] != NULL; i++)
    {
      g_autoptr (LiaisonPlanItem) item = liaison_store_get_plan_item (get_store (self), activities[i], NULL);
      g_autofree char *text =
          item != NULL ? g_strdup_printf ("%s %s", activities[i],
                                          liaison_bilingual_get_display (liaison_plan_item_get_title (item), lang))
                       : g_strdup (activities[i]);

      add_detail (self, _("Activity of the action plan"), text, "win.show-activity-events",
                           g_variant_new_string (activities[i]));
    }
  if (areas != NULL && areas[0] != NULL)
    {
      g_autoptr (GPtrArray) all = liaison_store_list_areas (get_store (self), NULL);
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint i = 0; areas[i] != NULL; i++)
        for (guint j = 0; all != NULL && j < all->len; j++)
          {
            LiaisonArea *area = g_ptr_array_index (all, j);

            if (g_str_equal (area->id, areas[i]))
              g_string_append_printf (names, "%s%s", names->len > 0 ? "\n" : "",
                                      lang == LIAISON_LANGUAGE_ZH ? area->title_zh : area->title_en);
          }
      add_detail (self, _("Priority area (2011–2020)"), names->str, NULL, NULL);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.next-occurrence",
                                 liaison_event_get_recurrence (e) != NULL ||
                                     liaison_event_get_kind (e) == LIAISON_EVENT_KIND_LIAISON_MEETING);
}

/* ------------------------------------------------------------------------ */
/* Counts                                                                    */

static void
count_into (GHashTable *table, const char *key)
{
  g_hash_table_insert (table, (gpointer) key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) + 1));
}

static char *
format_counts (GHashTable *table)
{
  g_autoptr (GList) keys = g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) g_strcmp0);
  g_autoptr (GString) text = g_string_new (NULL);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      /* Translators: a group and how many people are in it, “Viet Nam 4” */
      g_autofree char *part = g_strdup_printf (C_("breakdown", "%1$s %2$u"), (const char *) l->data,
                                                   GPOINTER_TO_UINT (g_hash_table_lookup (table, l->data)));

      liaison_gui_append_part (text, part);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_breakdown (LiaisonEventPage *self, const char *title, GHashTable *table)
{
  g_autofree char *text = format_counts (table);
  AdwActionRow    *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, text);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  adw_expander_row_add_row (self->breakdown_row, GTK_WIDGET (row));
  g_ptr_array_add (self->breakdown_rows, row);
}

static void
fill_counts (LiaisonEventPage *self)
{
  guint by_status[LIAISON_N_REGISTRATION_STATUSES] = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->registrations));
  guint capacity = self->event != NULL ? liaison_event_get_capacity (self->event) : 0;
  guint taken, expected;
  g_autoptr (GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) genders = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) sectors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *checked = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LiaisonRegistrationItem) item = g_list_model_get_item (G_LIST_MODEL (self->registrations), i);
      LiaisonRegistration      *r = liaison_registration_item_get_registration (item);
      LiaisonParticipant       *p = liaison_registration_item_get_participant (item);
      LiaisonRegistrationStatus status = liaison_registration_get_status (r);

      by_status[status]++;
      if (status == LIAISON_REGISTRATION_DECLINED || status == LIAISON_REGISTRATION_CANCELLED)
        continue;
      count_into (countries, *liaison_registration_item_get_delegation (item) != '\0'
                                 ? liaison_registration_item_get_delegation (item)
                                 : _("No delegation"));
      if (p != NULL)
        {
          count_into (genders, liaison_gender_label (liaison_participant_get_gender (p)));
          count_into (sectors, liaison_sector_label (liaison_participant_get_sector (p)));
        }
    }

  for (LiaisonRegistrationStatus s = 0; s < LIAISON_N_REGISTRATION_STATUSES; s++)
    if (by_status[s] > 0)
      {
        /* Translators: how many registrations have a status, “3 Confirmed” */
        g_autofree char *part =
            g_strdup_printf (C_("registrations", "%1$u %2$s"), by_status[s], liaison_registration_status_label (s));

        liaison_gui_append_part (text, part);
      }
  taken = by_status[LIAISON_REGISTRATION_REGISTERED] + by_status[LIAISON_REGISTRATION_CONFIRMED] +
          by_status[LIAISON_REGISTRATION_ATTENDED];
  if (capacity > 0)
    {
      g_autofree char *places = g_strdup_printf (
          g_dngettext (NULL, "%1$u of %2$u place taken", "%1$u of %2$u places taken", capacity), taken, capacity);
      if (text->len > 0)
        /* Translators: between the registrations by status and the places taken,
         * “3 Registered · 2 Confirmed — 5 of 30 places taken” */
        g_string_append (text, C_("registrations", " — "));
      g_string_append (text, places);
    }
  gtk_label_set_label (self->counts_label, n > 0 ? text->str : "");
  gtk_widget_set_visible (GTK_WIDGET (self->counts_label), n > 0);

  for (guint i = 0; i < self->breakdown_rows->len; i++)
    adw_expander_row_remove (self->breakdown_row, g_ptr_array_index (self->breakdown_rows, i));
  g_ptr_array_set_size (self->breakdown_rows, 0);
  if (n > 0)
    {
      add_breakdown (self, _("Country"), countries);
      add_breakdown (self, _("Gender"), genders);
      add_breakdown (self, _("Sector"), sectors);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->breakdown_row), n > 0);
  gtk_stack_set_visible_child_name (self->registrations_stack, n > 0 ? "list" : "empty");

  expected = taken;
  checked = g_strdup_printf (g_dngettext (NULL, "%1$u of %2$u checked in", "%1$u of %2$u checked in", expected),
                             by_status[LIAISON_REGISTRATION_ATTENDED], expected);
  gtk_label_set_label (self->check_in_count, checked);
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonEventPage) self = user_data;
  g_autoptr (GError) error = NULL;
  Loaded *l = liaison_store_query_finish (get_store (self), result, &error);

  if (l == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Deleted meanwhile (here, by an undo, or by the other office). */
      if (g_error_matches (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND))
        gtk_widget_activate_action (GTK_WIDGET (self), "events.back", NULL);
      else
        toast (self, error->message);
      return;
    }

  g_set_object (&self->event, l->event);
  fill_details (self);

  /* A reload (a change here, a sync) keeps what the person had selected. */
  {
    g_autoptr (GHashTable) chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
    g_autoptr (GtkBitset) again = gtk_bitset_new_empty ();
    GtkBitsetIter iter;
    guint         position;

    for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
         ok = gtk_bitset_iter_next (&iter, &position))
      {
        g_autoptr (LiaisonRegistrationItem) item = g_list_model_get_item (G_LIST_MODEL (self->registrations), position);

        g_hash_table_add (chosen,
                          g_strdup (liaison_registration_get_id (liaison_registration_item_get_registration (item))));
      }
    self->binding_rows = TRUE;
    g_list_store_splice (self->registrations, 0, g_list_model_get_n_items (G_LIST_MODEL (self->registrations)),
                         l->items->pdata, l->items->len);
    self->binding_rows = FALSE;
    for (guint i = 0; i < l->items->len; i++)
      if (g_hash_table_contains (chosen, liaison_registration_get_id (liaison_registration_item_get_registration (
                                             g_ptr_array_index (l->items, i)))))
        gtk_bitset_add (again, i);
    if (!gtk_bitset_is_empty (again))
      gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), again, again);
  }
  fill_counts (self);
  loaded_free (l);
}

static void
reload (LiaisonEventPage *self)
{
  if (self->event_id == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  liaison_store_query_async (get_store (self), load_in_worker, g_strdup (self->event_id), g_free, loaded_free,
                             self->cancellable, on_loaded, g_object_ref (self));
}

static gboolean
reload_later_cb (gpointer data)
{
  LiaisonEventPage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (LiaisonEventPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (150, reload_later_cb, self);
}

/* ------------------------------------------------------------------------ */
/* Registrations: status, role, removal                                      */

static void
set_status (LiaisonEventPage *self, const char *registration_id, LiaisonRegistrationStatus status, gboolean with_toast)
{
  LiaisonStore *store = get_store (self);
  gint64        mark = liaison_store_get_last_seq (store);
  g_autoptr (GError) error = NULL;
  g_autofree char *promoted = NULL;
  g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (store, registration_id, &error);
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (r == NULL ||
      !liaison_store_set_registration_status (store, registration_id, status, LIAISON_ORIGIN_LOCAL, &promoted, &error))
    {
      toast (self, error->message);
      return;
    }
  if (!with_toast)
    return;
  p = liaison_store_get_participant (store, liaison_registration_get_participant_id (r), NULL);
  name = p != NULL ? liaison_participant_dup_display_name (p) : g_strdup (registration_id);
  if (promoted != NULL)
    {
      g_autoptr (LiaisonRegistration) up = liaison_store_get_registration (store, promoted, NULL);
      g_autoptr (LiaisonParticipant) q =
          up != NULL ? liaison_store_get_participant (store, liaison_registration_get_participant_id (up), NULL) : NULL;
      g_autofree char *other = q != NULL ? liaison_participant_dup_display_name (q) : g_strdup (promoted);

      /* Translators: “李霞 is now cancelled; 王芳 moved up from the waitlist” */
      message = g_strdup_printf (_("%1$s is now %2$s; %3$s moved up from the waitlist"), name,
                                    liaison_registration_status_label (status), other);
    }
  else
    /* Translators: “李霞 is now confirmed” */
    message = g_strdup_printf (_("%1$s is now %2$s"), name, liaison_registration_status_label (status));
  undo_toast (self, message, mark);
}

static void
set_status_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  const char *id, *nick;
  int         status;

  g_variant_get (parameter, "(&s&s)", &id, &nick);
  if (liaison_enum_from_nick (LIAISON_TYPE_REGISTRATION_STATUS, nick, &status))
    set_status (LIAISON_EVENT_PAGE (widget), id, status, TRUE);
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);
  LiaisonStore     *store = get_store (self);
  gint64            mark = liaison_store_get_last_seq (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonRegistration) r =
      liaison_store_get_registration (store, g_variant_get_string (parameter, NULL), NULL);
  g_autoptr (LiaisonParticipant) p =
      r != NULL ? liaison_store_get_participant (store, liaison_registration_get_participant_id (r), NULL) : NULL;
  g_autofree char *name = p != NULL ? liaison_participant_dup_display_name (p) : NULL;
  g_autofree char *message = NULL;

  if (!liaison_store_delete_registration (store, g_variant_get_string (parameter, NULL), LIAISON_ORIGIN_LOCAL, NULL,
                                          &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: %s is a person's name */
  message = g_strdup_printf (_("%s removed from the event"), name != NULL ? name : "");
  undo_toast (self, message, mark);
}

static GtkBitset *
selected (LiaisonEventPage *self)
{
  return gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
}

/* Each selected person takes the step if the rules allow it; the others
 * are counted and said, not silently skipped. One undo for the batch. */
static void
bulk_status_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);
  LiaisonStore     *store = get_store (self);
  gint64            mark = liaison_store_get_last_seq (store);
  g_autoptr (GtkBitset) set = selected (self);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  guint            done = 0, refused = 0;
  GtkBitsetIter    iter;
  guint            position;
  int              status;

  if (!liaison_enum_from_nick (LIAISON_TYPE_REGISTRATION_STATUS, g_variant_get_string (parameter, NULL), &status))
    return;
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr (LiaisonRegistrationItem) item = g_list_model_get_item (G_LIST_MODEL (self->registrations), position);
      g_ptr_array_add (ids, g_strdup (liaison_registration_get_id (liaison_registration_item_get_registration (item))));
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (store, g_ptr_array_index (ids, i), NULL);
      gboolean ok;

      if (r == NULL || liaison_registration_get_status (r) == (LiaisonRegistrationStatus) status)
        continue;
      if (status == LIAISON_REGISTRATION_ATTENDED)
        {
          g_autoptr (LiaisonRegistration) checked =
              liaison_store_check_in (store, g_ptr_array_index (ids, i), LIAISON_ORIGIN_LOCAL, &error);
          ok = checked != NULL;
        }
      else
        ok = liaison_store_set_registration_status (store, g_ptr_array_index (ids, i), status, LIAISON_ORIGIN_LOCAL,
                                                    NULL, &error);
      if (ok)
        done++;
      else
        refused++;
    }
  if (refused > 0)
    /* Translators: “5 now confirmed; 2 could not be (their status does not allow it)” */
    message =
        g_strdup_printf (g_dngettext (NULL, "%1$u now %2$s; %3$u could not be (their status does not allow it)",
                                      "%1$u now %2$s; %3$u could not be (their status does not allow it)", refused),
                         done, liaison_registration_status_label (status), refused);
  else
    message = g_strdup_printf (g_dngettext (NULL, "%1$u now %2$s", "%1$u now %2$s", done), done,
                               liaison_registration_status_label (status));
  if (done > 0)
    undo_toast (self, message, mark);
  else
    toast (self, message);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
bulk_remove_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);
  LiaisonStore     *store = get_store (self);
  gint64            mark = liaison_store_get_last_seq (store);
  g_autoptr (GtkBitset) set = selected (self);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  GtkBitsetIter    iter;
  guint            position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr (LiaisonRegistrationItem) item = g_list_model_get_item (G_LIST_MODEL (self->registrations), position);
      g_ptr_array_add (ids, g_strdup (liaison_registration_get_id (liaison_registration_item_get_registration (item))));
    }
  for (guint i = 0; i < ids->len; i++)
    if (!liaison_store_delete_registration (store, g_ptr_array_index (ids, i), LIAISON_ORIGIN_LOCAL, NULL, &error))
      {
        toast (self, error->message);
        return;
      }
  message = g_strdup_printf (
      g_dngettext (NULL, "%u person removed from the event", "%u people removed from the event", ids->len), ids->len);
  undo_toast (self, message, mark);
}

static void
on_selection_changed (LiaisonEventPage *self)
{
  g_autoptr (GtkBitset) set = selected (self);
  guint64          n = gtk_bitset_get_size (set);
  g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u selected", "%u selected", (gulong) n), (guint) n);

  gtk_label_set_label (self->bulk_label, text);
  gtk_revealer_set_reveal_child (self->bulk_revealer, n > 0);
  /* Their keys (Alt+V, Alt+C, Alt+T, Delete) do nothing without a selection. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.bulk-status", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.bulk-remove", n > 0);
}

static void
on_registration_activate (LiaisonEventPage *self, guint position)
{
  g_autoptr (LiaisonRegistrationItem) item = g_list_model_get_item (G_LIST_MODEL (self->registrations), position);

  if (item != NULL)
    gtk_widget_activate_action (
        GTK_WIDGET (self), "win.show-participant", "s",
        liaison_registration_get_participant_id (liaison_registration_item_get_registration (item)));
}

/* Columns whose cells are a label bound to a property of the item. */
static void
setup_label (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (dim))
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer property)
{
  LiaisonRegistrationItem *item = gtk_list_item_get_item (list_item);
  g_autofree char         *text = NULL;

  g_object_get (item, property, &text, NULL);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text != NULL ? text : "");
}

/* The status cell: a menu of the changes the rules allow from here. */
static void
setup_status (GtkSignalListItemFactory *factory, GtkListItem *list_item, LiaisonEventPage *self)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), TRUE);
  gtk_list_item_set_child (list_item, button);
}

static void
bind_status (GtkSignalListItemFactory *factory, GtkListItem *list_item, LiaisonEventPage *self)
{
  LiaisonRegistrationItem  *item = gtk_list_item_get_item (list_item);
  LiaisonRegistration      *r = liaison_registration_item_get_registration (item);
  LiaisonRegistrationStatus status = liaison_registration_get_status (r);
  GtkMenuButton            *button = GTK_MENU_BUTTON (gtk_list_item_get_child (list_item));
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) moves = g_menu_new ();
  g_autoptr (GMenu) remove = g_menu_new ();
  g_autofree char *label = NULL;
  g_autoptr (GMenuItem) remove_item = NULL;

  for (LiaisonRegistrationStatus to = 0; to < LIAISON_N_REGISTRATION_STATUSES; to++)
    if (liaison_registration_status_can_transition (status, to))
      {
        g_autoptr (GMenuItem) move = g_menu_item_new (liaison_registration_status_label (to), NULL);

        g_menu_item_set_action_and_target_value (
            move, "event.set-status",
            g_variant_new ("(ss)", liaison_registration_get_id (r),
                           liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, to)));
        g_menu_append_item (moves, move);
      }
  remove_item = g_menu_item_new (_("Remove from the Event"), NULL);
  g_menu_item_set_action_and_target_value (remove_item, "event.remove",
                                           g_variant_new_string (liaison_registration_get_id (r)));
  g_menu_append_item (remove, remove_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  gtk_menu_button_set_label (button, liaison_registration_status_label (status));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  /* Translators: “Status of 李霞: registered” */
  label = g_strdup_printf (_("Status of %1$s: %2$s"), liaison_registration_item_get_name (item),
                              liaison_registration_status_label (status));
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_role_selected (GtkDropDown *dropdown, GParamSpec *pspec, LiaisonEventPage *self)
{
  LiaisonRegistration *r = g_object_get_data (G_OBJECT (dropdown), "registration");
  guint                role = gtk_drop_down_get_selected (dropdown);
  g_autoptr (LiaisonRegistration) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gint64           mark;

  if (self->binding_rows || r == NULL || role == GTK_INVALID_LIST_POSITION ||
      role == (guint) liaison_registration_get_role (r))
    return;
  mark = liaison_store_get_last_seq (get_store (self));
  copy = liaison_store_get_registration (get_store (self), liaison_registration_get_id (r), &error);
  if (copy == NULL)
    {
      toast (self, error->message);
      return;
    }
  liaison_registration_set_role (copy, role);
  if (!liaison_store_update_registration (get_store (self), copy, LIAISON_ORIGIN_LOCAL, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: %s is a role, “now a speaker” */
  message = g_strdup_printf (_("Role changed to %s"), liaison_role_label (role));
  undo_toast (self, message, mark);
}

static void
setup_role (GtkSignalListItemFactory *factory, GtkListItem *list_item, LiaisonEventPage *self)
{
  g_autoptr (GtkStringList) roles = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (LiaisonRole role = LIAISON_ROLE_DELEGATE; role <= LIAISON_ROLE_STAFF; role++)
    gtk_string_list_append (roles, liaison_role_label (role));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&roles)), NULL);
  gtk_widget_add_css_class (dropdown, "flat");
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_role_selected), self, 0);
  gtk_list_item_set_child (list_item, dropdown);
}

static void
bind_role (GtkSignalListItemFactory *factory, GtkListItem *list_item, LiaisonEventPage *self)
{
  LiaisonRegistrationItem *item = gtk_list_item_get_item (list_item);
  LiaisonRegistration     *r = liaison_registration_item_get_registration (item);
  GtkWidget               *dropdown = gtk_list_item_get_child (list_item);
  g_autofree char         *label = NULL;
  gboolean                 was = self->binding_rows;

  self->binding_rows = TRUE;
  g_object_set_data (G_OBJECT (dropdown), "registration", r);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), liaison_registration_get_role (r));
  self->binding_rows = was;
  /* Translators: “Role of 李霞” */
  label = g_strdup_printf (_("Role of %s"), liaison_registration_item_get_name (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
unbind_role (GtkSignalListItemFactory *factory, GtkListItem *list_item, LiaisonEventPage *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "registration", NULL);
}

static void
add_column (LiaisonEventPage *self, const char *title, GtkListItemFactory *factory, gboolean expand)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->registrations_view, column);
  g_object_unref (column);
}

static GtkListItemFactory *
label_factory (const char *property, gboolean dim)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (dim));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), (gpointer) property);
  return factory;
}

static void
setup_columns (LiaisonEventPage *self)
{
  GtkListItemFactory *status = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *role = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (status, "setup", G_CALLBACK (setup_status), self, 0);
  g_signal_connect_object (status, "bind", G_CALLBACK (bind_status), self, 0);
  g_signal_connect_object (role, "setup", G_CALLBACK (setup_role), self, 0);
  g_signal_connect_object (role, "bind", G_CALLBACK (bind_role), self, 0);
  g_signal_connect_object (role, "unbind", G_CALLBACK (unbind_role), self, 0);

  add_column (self, _("Name"), label_factory ("name", FALSE), TRUE);
  add_column (self, _("Code"), label_factory ("code", TRUE), FALSE);
  add_column (self, _("Delegation"), label_factory ("delegation", FALSE), FALSE);
  add_column (self, _("Role"), role, FALSE);
  add_column (self, _("Status"), status, FALSE);
  add_column (self, _("Checked In"), label_factory ("checked-in", TRUE), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Check-in                                                                  */

static void
check_in_say (LiaisonEventPage *self, const char *message, gboolean good)
{
  gtk_label_set_label (self->check_in_message, message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_in_message), good ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->check_in_message), good ? "success" : "error");
}

static void
clear_choices (LiaisonEventPage *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->check_in_choices))) != NULL)
    gtk_list_box_remove (self->check_in_choices, row);
  gtk_widget_set_visible (GTK_WIDGET (self->check_in_choices), FALSE);
}

/* Marked attended, said at the door, and undoable from the window's
 * notification (a wrong person picked among several, a scan of the wrong
 * badge) like any other change of status. */
static void
check_in_one (LiaisonEventPage *self, const char *registration_id)
{
  g_autoptr (GError) error = NULL;
  gint64 mark = liaison_store_get_last_seq (get_store (self));
  g_autoptr (LiaisonRegistration) r =
      liaison_store_check_in (get_store (self), registration_id, LIAISON_ORIGIN_LOCAL, &error);
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  clear_choices (self);
  if (r == NULL)
    {
      check_in_say (self, error->message, FALSE);
      return;
    }
  p = liaison_store_get_participant (get_store (self), liaison_registration_get_participant_id (r), NULL);
  name = p != NULL ? liaison_participant_dup_display_name (p) : g_strdup (registration_id);
  /* Translators: shown at the door, “✓ 李霞 is checked in” */
  message = g_strdup_printf (_("✓ %s is checked in"), name);
  check_in_say (self, message, TRUE);
  undo_toast (self, message, mark);
  gtk_editable_set_text (GTK_EDITABLE (self->check_in_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->check_in_entry));
}

static void
on_check_in_choice (LiaisonEventPage *self, GtkListBoxRow *row)
{
  check_in_one (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_check_in_activate (LiaisonEventPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->check_in_entry));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *message = NULL;

  clear_choices (self);
  if (text == NULL || *g_strstrip (g_strdup (text)) == '\0')
    return;
  found = liaison_store_find_registrations (get_store (self), self->event_id, text, &error);
  if (found == NULL)
    {
      check_in_say (self, error->message, FALSE);
      return;
    }
  if (found->len == 1)
    {
      check_in_one (self, liaison_registration_get_id (g_ptr_array_index (found, 0)));
      return;
    }
  if (found->len == 0)
    {
      g_autoptr (GPtrArray) people = liaison_store_search_participants (get_store (self), text, 1, NULL);

      if (people != NULL && people->len > 0)
        {
          g_autofree char *name = liaison_participant_dup_display_name (g_ptr_array_index (people, 0));

          /* Translators: %s is a person's name */
          message = g_strdup_printf (_("%s is not registered for this event"), name);
        }
      else
        /* Translators: %s is what was typed or scanned */
        message = g_strdup_printf (_("No one registered for this event has the code or name “%s”"), text);
      check_in_say (self, message, FALSE);
      gtk_editable_select_region (GTK_EDITABLE (self->check_in_entry), 0, -1);
      return;
    }

  /* Several match: the list shows them; pick one with the arrows and Enter. */
  for (guint i = 0; i < found->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (found, i);
      g_autoptr (LiaisonParticipant) p =
          liaison_store_get_participant (get_store (self), liaison_registration_get_participant_id (r), NULL);
      g_autofree char *name = p != NULL ? liaison_participant_dup_display_name (p) : g_strdup ("");
      GtkWidget       *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   liaison_registration_status_label (liaison_registration_get_status (r)));
      gtk_widget_set_name (row, liaison_registration_get_id (r));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->check_in_choices, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->check_in_choices), TRUE);
  message = g_strdup_printf (
      g_dngettext (NULL, "%u person matches: choose one", "%u people match: choose one", found->len), found->len);
  check_in_say (self, message, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (self->check_in_choices), GTK_DIR_TAB_FORWARD);
}

static void
set_check_in_mode (LiaisonEventPage *self, gboolean mode)
{
  if (self->check_in_mode == mode)
    return;
  self->check_in_mode = mode;
  gtk_revealer_set_reveal_child (self->check_in_revealer, mode);
  if (mode)
    {
      gtk_label_set_label (self->check_in_message, "");
      gtk_widget_grab_focus (GTK_WIDGET (self->check_in_entry));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK_IN_MODE]);
}

/* ------------------------------------------------------------------------ */
/* Event actions                                                             */

static void
on_edited (LiaisonEventEditor *editor, const char *id, LiaisonEventPage *self)
{
  reload (self);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);
  GtkWidget        *editor;

  if (self->event_id == NULL)
    return;
  editor = liaison_event_editor_new (self->context, self->event_id);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_edited), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_delete_response (AdwMessageDialog *dialog, const char *response, LiaisonEventPage *self)
{
  LiaisonStore *store = get_store (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gint64           mark;

  if (g_strcmp0 (response, "delete") != 0 || self->event == NULL)
    return;
  mark = liaison_store_get_last_seq (store);
  if (!liaison_store_delete_event (store, liaison_event_get_id (self->event), LIAISON_ORIGIN_LOCAL, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: %s is an event's title */
  message = g_strdup_printf (_("“%s” deleted"), liaison_bilingual_get_display (liaison_event_get_title (self->event),
                                                                                liaison_language_for_locale ()));
  gtk_widget_activate_action (GTK_WIDGET (self), "events.back", NULL);
  undo_toast (self, message, mark);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);
  guint             n = g_list_model_get_n_items (G_LIST_MODEL (self->registrations));
  g_autofree char  *body = NULL;
  AdwMessageDialog *dialog;

  if (self->event == NULL)
    return;
  body = n > 0 ? g_strdup_printf (g_dngettext (NULL, "Its %u registration goes with it. You can undo this.",
                                               "Its %u registrations go with it. You can undo this.", n),
                                  n)
               : g_strdup (_("You can undo this."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (widget)),
      liaison_bilingual_get_display (liaison_event_get_title (self->event), liaison_language_for_locale ()), body));
  adw_message_dialog_set_heading (dialog, _("Delete this event?"));
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_people_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);
  GtkWidget        *dialog;

  if (self->event_id == NULL)
    return;
  dialog = liaison_add_people_dialog_new (self->context, self->event_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The annual liaison meeting: next year's, same place and hours, planned. */
/* “2025 年联络员会议” and “Liaison officers' meeting 2025” become 2026's: the
 * event's year, where it stands as a number of its own, moves on by one. */
static char *
next_year_title (const char *title,
                 int         year)
{
  g_autofree char *old_year = g_strdup_printf ("%d", year);
  g_autofree char *new_year = g_strdup_printf ("%d", year + 1);
  GString         *out;
  const char      *p;

  if (title == NULL || year <= 0)
    return g_strdup (title);
  out = g_string_new (NULL);
  for (p = title; *p != '\0';)
    {
      gboolean alone = g_str_has_prefix (p, old_year) && (p == title || !g_ascii_isdigit (p[-1])) && !g_ascii_isdigit (p[strlen (old_year)]);

      if (alone)
        {
          g_string_append (out, new_year);
          p += strlen (old_year);
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static void
next_occurrence_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);
  g_autoptr (LiaisonEvent) next = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  LiaisonStore    *store = get_store (self);
  gint64           mark = liaison_store_get_last_seq (store);
  LiaisonEvent    *e = self->event;

  if (e == NULL)
    return;
  next = liaison_event_new (NULL);
  for (guint i = 0; i < 2; i++)
    {
      const char      *from = i == 0 ? liaison_event_get_start (e) : liaison_event_get_end (e);
      g_autofree char *moved = NULL;

      if (from == NULL)
        continue;
      /* The year is the first four characters of a local time. */
      moved = g_strdup_printf ("%04d%s", atoi (from) + 1, from + 4);
      if (g_str_has_suffix (moved, "-02-29"))
        moved[strlen (moved) - 2] = '8';
      if (i == 0)
        start = g_steal_pointer (&moved);
      else
        end = g_steal_pointer (&moved);
    }
  for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
    {
      g_autofree char *title = next_year_title (liaison_bilingual_get_text (liaison_event_get_title (e), l),
                                                liaison_event_get_year (e));

      liaison_bilingual_set_text (liaison_event_get_title (next), l, title);
      liaison_bilingual_set_text (liaison_event_get_city (next), l,
                                  liaison_bilingual_get_text (liaison_event_get_city (e), l));
    }
  liaison_event_set_kind (next, liaison_event_get_kind (e));
  liaison_event_set_mode (next, liaison_event_get_mode (e));
  liaison_event_set_status (next, LIAISON_EVENT_STATUS_PLANNED);
  liaison_event_set_venue (next, liaison_event_get_venue (e));
  liaison_event_set_country (next, liaison_event_get_country (e));
  liaison_event_set_capacity (next, liaison_event_get_capacity (e));
  liaison_event_set_activities (next, liaison_event_get_activities (e));
  liaison_event_set_track (next, liaison_event_get_track (e));
  liaison_event_set_recurrence (next, liaison_event_get_recurrence (e));
  liaison_event_set_organisers (next, liaison_event_get_organisers (e));
  if (!liaison_event_set_when (next, start, end, liaison_event_get_time_zone (e), &error) ||
      !liaison_store_save_event (store, next, LIAISON_ORIGIN_LOCAL, &error))
    {
      toast (self, error->message);
      return;
    }
  undo_toast (self, _("Next year’s event created"), mark);
  liaison_event_page_set_event_id (self, liaison_event_get_id (next));
}

static void
liaison_event_page_dispose (GObject *object)
{
  LiaisonEventPage *self = (LiaisonEventPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_EVENT_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->registrations);
  g_clear_object (&self->event);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);
  g_clear_pointer (&self->breakdown_rows, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_event_page_parent_class)->dispose (object);
}

static void
liaison_event_page_constructed (GObject *object)
{
  LiaisonEventPage *self = (LiaisonEventPage *) object;

  G_OBJECT_CLASS (liaison_event_page_parent_class)->constructed (object);

  g_signal_connect_object (get_store (self), "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
}

static void
liaison_event_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonEventPage *self = (LiaisonEventPage *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_CHECK_IN_MODE:
      g_value_set_boolean (value, self->check_in_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_event_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonEventPage *self = (LiaisonEventPage *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CHECK_IN_MODE:
      set_check_in_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_event_page_class_init (LiaisonEventPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_event_page_constructed;
  object_class->dispose = liaison_event_page_dispose;
  object_class->get_property = liaison_event_page_get_property;
  object_class->set_property = liaison_event_page_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECK_IN_MODE] = g_param_spec_boolean (
      "check-in-mode", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, other_title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, check_in_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, check_in_count);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, check_in_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, check_in_message);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, check_in_choices);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, breakdown_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, bulk_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, bulk_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, registrations_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, registrations_view);
  gtk_widget_class_bind_template_callback (widget_class, on_check_in_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_check_in_choice);
  gtk_widget_class_bind_template_callback (widget_class, on_registration_activate);

  gtk_widget_class_install_action (widget_class, "event.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "event.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "event.add-people", NULL, add_people_action);
  gtk_widget_class_install_action (widget_class, "event.next-occurrence", NULL, next_occurrence_action);
  gtk_widget_class_install_property_action (widget_class, "event.check-in", "check-in-mode");
  gtk_widget_class_install_action (widget_class, "event.set-status", "(ss)", set_status_action);
  gtk_widget_class_install_action (widget_class, "event.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "event.bulk-status", "s", bulk_status_action);
  gtk_widget_class_install_action (widget_class, "event.bulk-remove", NULL, bulk_remove_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "event.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "event.check-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_A, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "event.add-people",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "event.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "events.back", NULL);
  /* The selected registrations; V and C as the buttons' mnemonics, T for
   * attended (A is Add People's). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_ALT_MASK, "event.bulk-status", "s", "invited");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_ALT_MASK, "event.bulk-status", "s", "confirmed");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_ALT_MASK, "event.bulk-status", "s", "attended");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "event.bulk-remove", NULL);
}

static void
liaison_event_page_init (LiaisonEventPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->detail_rows = g_ptr_array_new ();
  self->breakdown_rows = g_ptr_array_new ();
  self->registrations = g_list_store_new (LIAISON_TYPE_REGISTRATION_ITEM);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->registrations)));
  gtk_column_view_set_model (self->registrations_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  setup_columns (self);
  on_selection_changed (self);
}

GtkWidget *
liaison_event_page_new (LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_EVENT_PAGE, "context", context, NULL);
}

void
liaison_event_page_set_event_id (LiaisonEventPage *self, const char *id)
{
  g_return_if_fail (LIAISON_IS_EVENT_PAGE (self));

  if (g_strcmp0 (self->event_id, id) != 0)
    {
      g_free (self->event_id);
      self->event_id = g_strdup (id);
      g_clear_object (&self->event);
      set_check_in_mode (self, FALSE);
      g_list_store_remove_all (self->registrations);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
  reload (self);
}

const char *
liaison_event_page_get_event_id (LiaisonEventPage *self)
{
  return self->event_id;
}

LiaisonEvent *
liaison_event_page_get_event (LiaisonEventPage *self)
{
  return self->event;
}
