/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-event-page.h"
#include "liaison-events-page.h"
#include "liaison-participant-view.h"
#include "liaison-participants-page.h"
#include "test-ui.h"

/* A view needs no LiaisonWindow: built in a plain GtkWindow on a temporary
 * store, it asks for its toasts with win.show-toast and
 * win.show-undo-toast, which a small action group of the test answers. */

typedef struct
{
  char           *dir;
  LiaisonStore   *store;
  LiaisonContext *context;
  GtkWindow      *window;
  GtkWidget      *page;
  GPtrArray      *toasts; /* messages of win.show-toast */
  char           *undo_message;
  gint64          undo_mark;
  guint           n_undo;
} Alone;

static void
on_show_toast (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Alone *alone = data;

  g_ptr_array_add (alone->toasts, g_variant_dup_string (parameter, NULL));
}

static void
on_show_undo_toast (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Alone *alone = data;

  g_clear_pointer (&alone->undo_message, g_free);
  g_variant_get (parameter, "(sx)", &alone->undo_message, &alone->undo_mark);
  alone->n_undo++;
}

static Alone *
alone_new (GtkWidget *(*page_new) (LiaisonContext *context))
{
  Alone *alone = g_new0 (Alone, 1);
  g_autoptr (GSettings) settings = g_settings_new ("org.chinaaseanenv.Liaison");
  g_autoptr (GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autoptr (GSimpleAction) show_toast = g_simple_action_new ("show-toast", G_VARIANT_TYPE_STRING);
  g_autoptr (GSimpleAction) show_undo_toast = g_simple_action_new ("show-undo-toast", G_VARIANT_TYPE ("(sx)"));
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  alone->dir = test_make_dir ();
  path = g_build_filename (alone->dir, "liaison.db", NULL);
  alone->store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  alone->context = liaison_context_new (alone->store, settings);
  alone->toasts = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (show_toast, "activate", G_CALLBACK (on_show_toast), alone);
  g_signal_connect (show_undo_toast, "activate", G_CALLBACK (on_show_undo_toast), alone);
  g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (show_toast));
  g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (show_undo_toast));

  alone->window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (alone->window), "win", G_ACTION_GROUP (win));
  gtk_window_set_default_size (alone->window, 1000, 700);
  alone->page = page_new (alone->context);
  gtk_window_set_child (alone->window, alone->page);
  gtk_window_present (alone->window);
  g_assert_true (test_ui_wait_for (test_ui_is_mapped, alone->page, 10));
  return alone;
}

static void
alone_free (Alone *alone)
{
  g_object_add_weak_pointer (G_OBJECT (alone->window), (gpointer *) &alone->window);
  gtk_window_destroy (alone->window);
  if (!test_ui_wait_for (test_ui_is_null, &alone->window, 10))
    g_error ("The window outlived its destruction");
  g_clear_object (&alone->context);
  /* Queries still running hold the page, and the page the store. */
  test_ui_wait_for (test_ui_only_reference, alone->store, 10);
  g_assert_finalize_object (g_steal_pointer (&alone->store));
  test_remove_tree (alone->dir);
  g_free (alone->dir);
  g_ptr_array_unref (alone->toasts);
  g_free (alone->undo_message);
  g_free (alone);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Alone, alone_free)

static gboolean
undo_asked (gpointer data)
{
  return ((Alone *) data)->n_undo > 0;
}

static gboolean
toast_asked (gpointer data)
{
  return ((Alone *) data)->toasts->len > 0;
}

static AdwMessageDialog *
message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
dialog_open (gpointer data)
{
  return message_dialog () != NULL;
}

/* Answers the confirmation a deletion asks for, as its button does. */
static void
confirm_delete (void)
{
  AdwMessageDialog *dialog;

  g_assert_true (test_ui_wait_for (dialog_open, NULL, 5));
  dialog = message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */

static gboolean
event_loaded (gpointer data)
{
  return liaison_event_page_get_event (data) != NULL;
}

static void
test_events (void)
{
  g_autoptr (Alone) alone = NULL;
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (LiaisonEvent) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) expected = NULL;
  g_autofree char *deleted = NULL;
  GtkWidget       *event_page;
  gint64           mark;

  /* No window type at all, not even registered. */
  g_assert_cmpuint (g_type_from_name ("LiaisonWindow"), ==, 0);

  alone = alone_new (liaison_events_page_new);
  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, "Roundtable on its own");
  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_ZH, "独立圆桌会议");
  g_assert_true (liaison_event_set_when (event, "2026-05-12", "2026-05-12", NULL, NULL));
  g_assert_true (liaison_store_save_event (alone->store, event, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  liaison_events_page_show_event (LIAISON_EVENTS_PAGE (alone->page), liaison_event_get_id (event));
  event_page = test_ui_find (alone->page, LIAISON_TYPE_EVENT_PAGE, NULL);
  g_assert_nonnull (event_page);
  g_assert_true (test_ui_wait_for (event_loaded, event_page, 10));

  /* An error is a plain toast: the store's own message. */
  g_assert_null (liaison_store_get_registration (alone->store, "no-such-registration", &expected));
  g_assert_nonnull (expected);
  g_assert_true (
      gtk_widget_activate_action (event_page, "event.set-status", "(ss)", "no-such-registration", "confirmed"));
  g_assert_true (test_ui_wait_for (toast_asked, alone, 5));
  g_assert_cmpuint (alone->toasts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (alone->toasts, 0), ==, expected->message);
  g_assert_cmpuint (alone->n_undo, ==, 0);

  /* A deletion offers its undo, from the journal's mark before it. */
  mark = liaison_store_get_last_seq (alone->store);
  g_assert_true (gtk_widget_activate_action (event_page, "event.delete", NULL));
  confirm_delete ();
  g_assert_true (test_ui_wait_for (undo_asked, alone, 5));
  deleted = g_strdup_printf (_ ("“%s” deleted"), liaison_bilingual_get_display (liaison_event_get_title (event),
                                                                                liaison_language_for_locale ()));
  g_assert_cmpuint (alone->n_undo, ==, 1);
  g_assert_cmpstr (alone->undo_message, ==, deleted);
  g_assert_cmpint (alone->undo_mark, ==, mark);
  g_assert_null (liaison_store_get_event (alone->store, liaison_event_get_id (event), NULL));

  /* The mark is the one an undo needs. */
  g_assert_true (liaison_store_undo (alone->store, alone->undo_mark, &error));
  g_assert_no_error (error);
  back = liaison_store_get_event (alone->store, liaison_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpuint (g_type_from_name ("LiaisonWindow"), ==, 0);
}

/* ------------------------------------------------------------------------ */

static gboolean
person_shown (gpointer data)
{
  return liaison_participant_view_get_participant (data) != NULL && gtk_widget_get_mapped (data);
}

static void
test_participants (void)
{
  g_autoptr (Alone) alone = alone_new (liaison_participants_page_new);
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (LiaisonParticipant) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *deleted = NULL;
  GtkWidget       *view;
  gint64           mark;

  liaison_participant_set_native_name (p, "李", "霞");
  liaison_participant_set_latin_name (p, "Li", "Xia");
  liaison_participant_set_country (p, "CN");
  g_assert_true (liaison_store_save_participant (alone->store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  name = liaison_participant_dup_display_name (p);

  liaison_participants_page_show_participant (LIAISON_PARTICIPANTS_PAGE (alone->page), liaison_participant_get_id (p));
  view = test_ui_find (alone->page, LIAISON_TYPE_PARTICIPANT_VIEW, NULL);
  g_assert_nonnull (view);
  g_assert_true (test_ui_wait_for (person_shown, view, 10));

  mark = liaison_store_get_last_seq (alone->store);
  g_assert_true (gtk_widget_activate_action (view, "person.delete", NULL));
  confirm_delete ();
  g_assert_true (test_ui_wait_for (undo_asked, alone, 5));
  /* “Deleted 李霞”, as the view says it. */
  deleted = g_strdup_printf (_ ("Deleted %s"), name);
  g_assert_cmpuint (alone->n_undo, ==, 1);
  g_assert_cmpstr (alone->undo_message, ==, deleted);
  g_assert_cmpint (alone->undo_mark, ==, mark);
  g_assert_cmpuint (alone->toasts->len, ==, 0);
  g_assert_cmpuint (liaison_store_count_participants (alone->store), ==, 0);

  g_assert_true (liaison_store_undo (alone->store, alone->undo_mark, &error));
  g_assert_no_error (error);
  back = liaison_store_get_participant (alone->store, liaison_participant_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpuint (g_type_from_name ("LiaisonWindow"), ==, 0);
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/page-alone/events", test_events);
  g_test_add_func ("/liaison/page-alone/participants", test_participants);

  return g_test_run ();
}
