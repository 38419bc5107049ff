/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-event-waitlist.h"
#include "liaison-gui-format.h"
#include "liaison-gui-util.h"
#include "liaison-store-overview.h"

static char *
person_of (LiaisonStore *store, LiaisonRegistration *r)
{
  g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (store, liaison_registration_get_participant_id (r), NULL);

  return p != NULL ? liaison_participant_dup_display_name (p) : g_strdup (liaison_registration_get_participant_id (r));
}

void
liaison_event_waitlist_move (GtkWidget *view, LiaisonStore *store, const char *registration_id, guint place)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *name = NULL;
  g_autofree char *ordinal = NULL;
  g_autofree char *message = NULL;
  gint64           mark = liaison_store_get_last_seq (store);

  if (!liaison_store_move_waitlisted (store, registration_id, place, LIAISON_ORIGIN_LOCAL, &error) ||
      (r = liaison_store_get_registration (store, registration_id, &error)) == NULL ||
      (all = liaison_store_list_registrations (store, liaison_registration_get_event_id (r), &error)) == NULL)
    {
      gtk_widget_activate_action (view, "win.show-toast", "s", error->message);
      return;
    }
  name = person_of (store, r);
  ordinal = liaison_gui_format_waitlist_place (liaison_registration_waitlist_place (all, r));
  /* Translators: “李霞 is now 1st on the waitlist”; %2$s is a place, “1st” (第1位) */
  message = g_strdup_printf (_ ("%1$s is now %2$s on the waitlist"), name, ordinal);
  gtk_widget_activate_action (view, "win.show-undo-toast", "(sx)", message, mark);
}

static void
promote (GtkWidget *view, LiaisonStore *store, const char *registration_id, gboolean over_capacity)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gint64           mark = liaison_store_get_last_seq (store);

  if (!liaison_store_promote_registration (store, registration_id, over_capacity, LIAISON_ORIGIN_LOCAL, &error) ||
      (r = liaison_store_get_registration (store, registration_id, &error)) == NULL)
    {
      gtk_widget_activate_action (view, "win.show-toast", "s", error->message);
      return;
    }
  name = person_of (store, r);
  /* Translators: “李霞 moved up from the waitlist by hand: Registered” */
  message = g_strdup_printf (_ ("%1$s moved up from the waitlist: %2$s"), name,
                             liaison_registration_status_label (LIAISON_REGISTRATION_REGISTERED));
  gtk_widget_activate_action (view, "win.show-undo-toast", "(sx)", message, mark);
}

typedef struct
{
  GtkWidget    *view;
  LiaisonStore *store;
  char         *registration_id;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_object_unref (p->view);
  g_object_unref (p->store);
  g_free (p->registration_id);
  g_free (p);
}

static void
pending_notify (gpointer data, GClosure *closure)
{
  pending_free (data);
}

static void
on_full_response (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  Pending *p = data;

  if (g_strcmp0 (response, "over") == 0)
    promote (p->view, p->store, p->registration_id, TRUE);
}

/* A person given a place by hand, before their turn. When the event is
 * full the organiser is asked first: a place over the capacity is their
 * decision, not a slip. */
void
liaison_event_waitlist_promote (GtkWidget *view, LiaisonStore *store, const char *registration_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (store, registration_id, &error);
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *name = NULL;
  guint            capacity, taken = 0;
  GtkWidget       *dialog;
  Pending         *p;

  if (r != NULL)
    event = liaison_store_get_event (store, liaison_registration_get_event_id (r), &error);
  if (event != NULL)
    all = liaison_store_list_registrations (store, liaison_registration_get_event_id (r), &error);
  if (all == NULL)
    {
      gtk_widget_activate_action (view, "win.show-toast", "s", error->message);
      return;
    }
  capacity = liaison_event_get_capacity (event);
  for (guint i = 0; i < all->len; i++)
    if (liaison_registration_status_holds_place (liaison_registration_get_status (g_ptr_array_index (all, i))))
      taken++;
  if (capacity == 0 || taken < capacity || liaison_registration_get_status (r) != LIAISON_REGISTRATION_WAITLISTED)
    {
      promote (view, store, registration_id, FALSE);
      return;
    }

  name = person_of (store, r);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (view)), _ ("The Event Is Full"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %1$u counts the places taken, %2$u is the event's capacity,
                                   * %3$s a person's name */
                                  _ ("Every place is taken (%1$u booked, capacity %2$u). Give %3$s a place anyway, "
                                     "over the capacity?"),
                                  taken, capacity, name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Keep on the Waitlist"), "over",
                                    _ ("_Go Over Capacity"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "over", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  p = g_new0 (Pending, 1);
  p->view = g_object_ref (view);
  p->store = g_object_ref (store);
  p->registration_id = g_strdup (registration_id);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_full_response), p, pending_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
liaison_event_mark_held (GtkWidget *view, LiaisonStore *store, const char *event_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonEvent) event = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  gint64           mark = liaison_store_get_last_seq (store);

  if (!liaison_store_mark_event_held (store, event_id, LIAISON_ORIGIN_LOCAL, &error) ||
      (event = liaison_store_get_event (store, event_id, &error)) == NULL)
    {
      gtk_widget_activate_action (view, "win.show-toast", "s", error->message);
      return;
    }
  title = liaison_gui_shorten (liaison_bilingual_get_display (liaison_event_get_title (event), liaison_language_for_locale ()),
                               LIAISON_TEXT_TITLE);
  /* Translators: “Forum 2025” marked as held */
  message = g_strdup_printf (_ ("“%1$s” is now %2$s"), title, liaison_event_status_label (LIAISON_EVENT_STATUS_HELD));
  gtk_widget_activate_action (view, "win.show-undo-toast", "(sx)", message, mark);
}
