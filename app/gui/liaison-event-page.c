/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-add-people-dialog.h"
#include "liaison-delegation-board.h"
#include "liaison-event-editor.h"
#include "liaison-event-page.h"
#include "liaison-event-registrations.h"
#include "liaison-event-waitlist.h"
#include "liaison-store-overview.h"
#include "liaison-zones.h"
#include "liaison-export-dialog.h"
#include "liaison-gui-format.h"
#include "liaison-gui-util.h"
#include "liaison-ical.h"
#include "liaison-import-dialog.h"
#include "liaison-invite-dialog.h"
#include "liaison-print-preview.h"
#include "liaison-registration-item.h"

/* One event: every field, and its registrations (LiaisonEventRegistrations:
 * the allowed status changes, bulk actions, counts, and a check-in mode for
 * the door). The page holds the actions of both, so their keys work
 * anywhere on it. */

struct _LiaisonEventPage
{
  AdwBin parent_instance;

  LiaisonContext *context;
  gboolean        folded;
  char           *event_id;
  LiaisonEvent   *event;

  GCancellable *cancellable;
  guint         reload_source;
  GPtrArray    *detail_rows;

  AdwWindowTitle            *window_title;
  GtkWidget                 *held_bar;
  GtkScrolledWindow         *scroller;
  GtkLabel                  *title_label;
  GtkLabel                  *other_title_label;
  GtkLabel                  *summary_label;
  AdwPreferencesGroup       *details_group;
  LiaisonEventRegistrations *registrations;
  LiaisonDelegationBoard    *delegations;
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
  g_autoptr (GPtrArray) waitlist = NULL;
  guint next_waitlisted = 0;

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
  /* The waitlisted keep the rows they have in the list, filled in the
   * waitlist's order, each with their place on it. */
  waitlist = liaison_registration_sort_waitlist (registrations);
  l->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);
      g_autoptr (LiaisonParticipant) p = NULL;
      LiaisonRegistrationItem *item;

      if (liaison_registration_get_status (r) == LIAISON_REGISTRATION_WAITLISTED)
        r = g_ptr_array_index (waitlist, next_waitlisted++);
      p = liaison_store_get_participant (reader, liaison_registration_get_participant_id (r), NULL);
      item = liaison_registration_item_new (r, p);
      if (liaison_registration_get_status (r) == LIAISON_REGISTRATION_WAITLISTED)
        liaison_registration_item_set_waitlist_place (item, next_waitlisted, waitlist->len);
      g_ptr_array_add (l->items, item);
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

/* "Every week", "Every 2 weeks, except on 1 date": what a recurrence
 * (liaison-ical.h) says, for the details. */
static char *
describe_recurrence (const char *recurrence)
{
  LiaisonRepeats   repeats;
  guint            interval, left_out;
  g_autofree char *every = NULL;

  if (!liaison_ical_recurrence_info (recurrence, &repeats, &interval, &left_out))
    return g_strdup (_ ("On a schedule of its own"));
  switch (repeats)
    {
    case LIAISON_REPEATS_DAILY:
      every = interval == 1 ? g_strdup (_ ("Every day"))
                            : g_strdup_printf (g_dngettext (NULL, "Every %u day", "Every %u days", interval), interval);
      break;
    case LIAISON_REPEATS_WEEKLY:
      every = interval == 1 ? g_strdup (_ ("Every week"))
                            : g_strdup_printf (g_dngettext (NULL, "Every %u week", "Every %u weeks", interval), interval);
      break;
    case LIAISON_REPEATS_MONTHLY:
      every = interval == 1 ? g_strdup (_ ("Every month"))
                            : g_strdup_printf (g_dngettext (NULL, "Every %u month", "Every %u months", interval), interval);
      break;
    case LIAISON_REPEATS_YEARLY:
      every = interval == 1 ? g_strdup (_ ("Every year"))
                            : g_strdup_printf (g_dngettext (NULL, "Every %u year", "Every %u years", interval), interval);
      break;
    default:
      every = g_strdup (_ ("On a schedule of its own"));
    }
  if (left_out == 0)
    return g_steal_pointer (&every);
  /* Translators: %1$s is how often an event repeats ("Every week"), %2$u
   * how many of its dates are left out */
  return g_strdup_printf (g_dngettext (NULL, "%1$s, except on %2$u date", "%1$s, except on %2$u dates", left_out), every,
                          left_out);
}

static gboolean
repeats_yearly (const char *recurrence)
{
  LiaisonRepeats repeats;
  guint          interval, left_out;

  return liaison_ical_recurrence_info (recurrence, &repeats, &interval, &left_out) && repeats == LIAISON_REPEATS_YEARLY;
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
  g_autofree char *short_title = NULL;
  g_autofree char *short_other = NULL;

  for (guint i = 0; i < self->detail_rows->len; i++)
    adw_preferences_group_remove (self->details_group, g_ptr_array_index (self->detail_rows, i));
  g_ptr_array_set_size (self->detail_rows, 0);

  /* A title kept whole (the sync keeps what the server has) is shown as
   * long as the editor takes one. */
  short_title = liaison_gui_shorten (title, LIAISON_TEXT_TITLE);
  short_other = other != NULL ? liaison_gui_shorten (other, LIAISON_TEXT_TITLE) : NULL;
  adw_window_title_set_title (self->window_title, short_title);
  adw_window_title_set_subtitle (self->window_title, liaison_event_kind_label (liaison_event_get_kind (e)));
  gtk_label_set_label (self->title_label, short_title);
  gtk_label_set_label (self->other_title_label, other != NULL && g_strcmp0 (other, title) != 0 ? short_other : "");
  gtk_widget_set_visible (GTK_WIDGET (self->other_title_label), other != NULL && g_strcmp0 (other, title) != 0);
  summary = g_string_new (liaison_event_kind_label (liaison_event_get_kind (e)));
  liaison_gui_append_part (summary, liaison_event_status_label (liaison_event_get_status (e)));
  gtk_label_set_label (self->summary_label, summary->str);

  place = liaison_gui_format_place (city, country != NULL ? liaison_country_get_name (country, lang) : NULL);
  where = liaison_gui_format_venue_place (liaison_event_get_venue (e), place);

  add_detail (self, _ ("When"), when, NULL, NULL);
  if (liaison_event_get_precision (e) == LIAISON_DATE_PRECISION_TIME)
    {
      /* The zone as the interface language names it, never its IANA id. */
      g_autofree char *zone = liaison_zones_describe (liaison_event_get_time_zone (e));

      add_detail (self, _ ("Time zone"), zone, NULL, NULL);
    }
  add_detail (self, _ ("Where"), where, NULL, NULL);
  add_detail (self, _ ("Mode"), liaison_event_mode_label (liaison_event_get_mode (e)), NULL, NULL);
  add_detail (self, _ ("Online link"), liaison_event_get_online_url (e), NULL, NULL);
  add_detail (self, _ ("Theme"), theme, NULL, NULL);
  add_detail (self, _ ("Description"), description, NULL, NULL);
  add_detail (self, _ ("Organisers"), liaison_event_get_organisers (e), NULL, NULL);
  add_detail (self, _ ("Partners"), liaison_event_get_partners (e), NULL, NULL);
  if (liaison_event_get_capacity (e) > 0)
    capacity = g_strdup_printf (g_dngettext (NULL, "%u place", "%u places", liaison_event_get_capacity (e)),
                                liaison_event_get_capacity (e));
  add_detail (self, _ ("Capacity"), capacity, NULL, NULL);
  if (liaison_event_get_registration_deadline (e) != NULL)
    {
      int y, m, d;

      if (liaison_parse_local_time (liaison_event_get_registration_deadline (e), NULL, &y, &m, &d, NULL, NULL))
        {
          g_autoptr (GDateTime) dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
          deadline = liaison_gui_format_date (dt);
        }
    }
  add_detail (self, _ ("Registration deadline"), deadline, NULL, NULL);
  if (liaison_event_get_budget (e) > 0)
    /* Translators: a budget, “12,500.00 USD — China–ASEAN Cooperation Fund” */
    budget = g_strdup_printf (_ ("%1$'.2f %2$s — %3$s"), liaison_event_get_budget (e),
                              liaison_event_get_currency (e) != NULL ? liaison_event_get_currency (e) : "",
                              liaison_funding_source_label (liaison_event_get_funding (e)));
  add_detail (self, _ ("Budget"), budget, NULL, NULL);
  if (track != NULL)
    add_detail (self, _ ("Green Envoys Programme"), lang == LIAISON_LANGUAGE_ZH ? track->title_zh : track->title_en,
                NULL, NULL);
  if (liaison_event_get_recurrence (e) != NULL)
    {
      g_autofree char *repeats = describe_recurrence (liaison_event_get_recurrence (e));

      add_detail (self, _ ("Repeats"), repeats, NULL, NULL);
    }

  for (guint i = 0; activities != NULL && activities[i] != NULL; i++)
    {
      g_autoptr (LiaisonPlanItem) item = liaison_store_get_plan_item (get_store (self), activities[i], NULL);
      g_autofree char *text =
          item != NULL ? g_strdup_printf ("%s %s", activities[i],
                                          liaison_bilingual_get_display (liaison_plan_item_get_title (item), lang))
                       : g_strdup (activities[i]);

      add_detail (self, _ ("Activity of the action plan"), text, "win.show-activity-events",
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
      add_detail (self, _ ("Priority area (2011–2020)"), names->str, NULL, NULL);
    }

  {
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
    gboolean unheld = liaison_event_get_status (e) == LIAISON_EVENT_STATUS_PLANNED && liaison_store_event_is_over (e, now);

    gtk_widget_set_visible (self->held_bar, unheld);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.mark-held", unheld);
  }

  /* The next occurrence is the same event a year later. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.next-occurrence",
                                 repeats_yearly (liaison_event_get_recurrence (e)) ||
                                     liaison_event_get_kind (e) == LIAISON_EVENT_KIND_LIAISON_MEETING);
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

  liaison_event_registrations_set_items (self->registrations, l->event, l->items);
  loaded_free (l);
}

static void
reload (LiaisonEventPage *self)
{
  if (self->event_id == NULL)
    return;
  liaison_delegation_board_show (self->delegations, self->context, self->event_id);
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
/* Registrations: the actions are the page's, the work the list's            */

static void
set_status_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  const char *id, *nick;
  int         status;

  g_variant_get (parameter, "(&s&s)", &id, &nick);
  if (liaison_enum_from_nick (LIAISON_TYPE_REGISTRATION_STATUS, nick, &status))
    liaison_event_registrations_set_status (LIAISON_EVENT_PAGE (widget)->registrations, id, status);
}

/* A past event still planned: held, as the organiser says. */
static void
mark_held_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);

  if (self->event_id != NULL)
    liaison_event_mark_held (widget, get_store (self), self->event_id);
}

static void
waitlist_move_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  const char *id;
  gint32      place;

  g_variant_get (parameter, "(&si)", &id, &place);
  if (place > 0)
    liaison_event_waitlist_move (widget, get_store (LIAISON_EVENT_PAGE (widget)), id, place);
}

static void
promote_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  liaison_event_waitlist_promote (widget, get_store (LIAISON_EVENT_PAGE (widget)), g_variant_get_string (parameter, NULL));
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  liaison_event_registrations_remove (LIAISON_EVENT_PAGE (widget)->registrations,
                                      g_variant_get_string (parameter, NULL));
}

static void
bulk_status_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  int status;

  if (liaison_enum_from_nick (LIAISON_TYPE_REGISTRATION_STATUS, g_variant_get_string (parameter, NULL), &status))
    liaison_event_registrations_bulk_status (LIAISON_EVENT_PAGE (widget)->registrations, status);
}

static void
bulk_remove_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  liaison_event_registrations_bulk_remove (LIAISON_EVENT_PAGE (widget)->registrations);
}

static void
on_selection_changed (LiaisonEventPage *self)
{
  gboolean any = liaison_event_registrations_get_has_selection (self->registrations);

  /* Their keys (Alt+V, Alt+C, Alt+T, Delete) do nothing without a selection. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.bulk-status", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.bulk-remove", any);
}

static void
on_check_in_mode_changed (LiaisonEventPage *self)
{
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
  {
    /* Short enough that the whole sentence shows in the toast. */
    g_autofree char *title = liaison_gui_toast_name (
        liaison_bilingual_get_display (liaison_event_get_title (self->event), liaison_language_for_locale ()));

    /* Translators: %s is an event's title */
    message = g_strdup_printf (_ ("“%s” deleted"), title);
  }
  gtk_widget_activate_action (GTK_WIDGET (self), "events.back", NULL);
  undo_toast (self, message, mark);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);
  guint             n = liaison_event_registrations_get_n_items (self->registrations);
  g_autofree char  *title = NULL;
  g_autofree char  *heading = NULL;
  g_autofree char  *body = NULL;
  AdwMessageDialog *dialog;

  if (self->event == NULL)
    return;
  /* The heading names the event, the body what goes with it. */
  title = liaison_gui_shorten (
      liaison_bilingual_get_display (liaison_event_get_title (self->event), liaison_language_for_locale ()),
      LIAISON_TEXT_TITLE);
  /* Translators: %s is an event's title */
  heading = g_strdup_printf (_ ("Delete “%s”?"), title);
  body = n > 0 ? g_strdup_printf (g_dngettext (NULL,
                                               "Its %u registration is deleted with it; the person stays in "
                                               "Participants. You can undo this from the notification that follows.",
                                               "Its %u registrations are deleted with it; the people stay in "
                                               "Participants. You can undo this from the notification that follows.",
                                               n),
                                  n)
               : g_strdup (_ ("Nobody is registered for it. You can undo this from the notification that follows."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "delete", _ ("_Delete"), NULL);
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

/* A roster from a file, its people registered for this event. */
static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);
  GtkWidget        *dialog;

  if (self->event_id == NULL)
    return;
  dialog = liaison_import_dialog_new_for_event (self->context, self->event_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  liaison_import_dialog_choose_file (LIAISON_IMPORT_DIALOG (dialog));
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
  undo_toast (self, _ ("Next year’s event created"), mark);
  liaison_event_page_set_event_id (self, liaison_event_get_id (next));
}

/* ------------------------------------------------------------------------ */
/* Export and print: the dialogs are liaison-export-dialog.c,                 */
/* liaison-invite-dialog.c and liaison-print-preview.c                       */

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);

  if (self->event_id != NULL)
    liaison_export_dialog_present (widget, self->context, LIAISON_EXPORT_REGISTRATIONS, self->event_id, NULL);
}

static void
export_calendar_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);

  if (self->event_id != NULL)
    liaison_export_calendar (widget, self->context, self->event_id);
}

/* The people selected, or else everyone still invited. */
static void
invite_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);
  g_auto (GStrv) chosen = liaison_event_registrations_dup_selected_ids (self->registrations);

  if (self->event_id != NULL)
    liaison_invite_dialog_present (widget, self->context, self->event_id, (const char *const *) chosen);
}

/* A sign-in sheet lists everyone expected; badges and certificates are
 * for the people selected, if any. */
static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventPage *self = LIAISON_EVENT_PAGE (widget);
  LiaisonPrintKind  kind;
  g_auto (GStrv) chosen = NULL;

  if (self->event_id == NULL || !liaison_print_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;
  if (kind != LIAISON_PRINT_SIGNIN)
    chosen = liaison_event_registrations_dup_selected_ids (self->registrations);
  liaison_print_preview_present (widget, self->context, kind, self->event_id, (const char *const *) chosen);
}

static void
liaison_event_page_dispose (GObject *object)
{
  LiaisonEventPage *self = (LiaisonEventPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_EVENT_PAGE);
  g_clear_object (&self->event);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_event_page_parent_class)->dispose (object);
}

static void
liaison_event_page_constructed (GObject *object)
{
  LiaisonEventPage *self = (LiaisonEventPage *) object;

  G_OBJECT_CLASS (liaison_event_page_parent_class)->constructed (object);

  liaison_event_registrations_set_context (self->registrations, self->context);
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
      g_value_set_boolean (value, liaison_event_registrations_get_check_in_mode (self->registrations));
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
      liaison_event_registrations_set_check_in_mode (self->registrations, g_value_get_boolean (value));
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

  g_type_ensure (LIAISON_TYPE_EVENT_REGISTRATIONS);
  g_type_ensure (LIAISON_TYPE_DELEGATION_BOARD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, held_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, other_title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, registrations);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventPage, delegations);

  gtk_widget_class_install_action (widget_class, "event.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "event.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "event.add-people", NULL, add_people_action);
  gtk_widget_class_install_action (widget_class, "event.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "event.next-occurrence", NULL, next_occurrence_action);
  gtk_widget_class_install_property_action (widget_class, "event.check-in", "check-in-mode");
  gtk_widget_class_install_action (widget_class, "event.set-status", "(ss)", set_status_action);
  gtk_widget_class_install_action (widget_class, "event.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "event.waitlist-move", "(si)", waitlist_move_action);
  gtk_widget_class_install_action (widget_class, "event.promote", "s", promote_action);
  gtk_widget_class_install_action (widget_class, "event.mark-held", NULL, mark_held_action);
  gtk_widget_class_install_action (widget_class, "event.bulk-status", "s", bulk_status_action);
  gtk_widget_class_install_action (widget_class, "event.bulk-remove", NULL, bulk_remove_action);
  gtk_widget_class_install_action (widget_class, "event.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "event.export-calendar", NULL, export_calendar_action);
  gtk_widget_class_install_action (widget_class, "event.invite", NULL, invite_action);
  gtk_widget_class_install_action (widget_class, "event.print", "s", print_action);

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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_X, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "event.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "event.export-calendar",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "event.invite", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "event.print", "s", "signin");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_B, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "event.print", "s",
                                       "badges");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_T, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "event.print", "s",
                                       "certificates");
}

static void
liaison_event_page_init (LiaisonEventPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->detail_rows = g_ptr_array_new ();
  g_signal_connect_object (self->registrations, "notify::has-selection", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->registrations, "notify::check-in-mode", G_CALLBACK (on_check_in_mode_changed), self,
                           G_CONNECT_SWAPPED);
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
      liaison_event_registrations_set_event_id (self->registrations, id);
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
