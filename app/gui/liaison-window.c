/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-conflicts-page.h"
#include "liaison-events-page.h"
#include "liaison-import-dialog.h"
#include "liaison-officers-page.h"
#include "liaison-overview-page.h"
#include "liaison-participants-page.h"
#include "liaison-plan-page.h"
#include "liaison-programme-page.h"
#include "liaison-translation-page.h"
#include "liaison-preferences-window.h"
#include "liaison-sync-banner.h"
#include "liaison-sync-button.h"
#include "liaison-sync-password.h"
#include "liaison-sync-status.h"
#include "liaison-window.h"

struct _LiaisonWindow
{
  AdwApplicationWindow parent_instance;

  LiaisonContext *context;
  GArray         *undo_marks; /* gint64, oldest first */
  gint64          known_seq;
  AdwToast       *last_toast;

  /* The one toast on screen, said again in place (see show_message) */
  AdwToast *toast;
  GtkLabel *toast_label;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  GtkListBox      *sidebar_list;
  GtkStack        *stack;

  GtkWidget *overview_page;
  GtkWidget *events_page;
  GtkWidget *participants_page;
  GtkWidget *plan_page;
  GtkWidget *translation_page;
  GtkWidget *programme_page;
  GtkWidget *officers_page;

  /* Sync with the secretariat */
  LiaisonSyncButton *sync_button;
  LiaisonSyncBanner *sync_banner;
  GtkWidget         *conflicts_row;
  GtkLabel          *conflicts_count;
  GtkWidget         *conflicts_page;
  GCancellable      *sync_cancellable;
};

G_DEFINE_FINAL_TYPE (LiaisonWindow, liaison_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *page_names[] = { "overview", "events", "participants", "plan", "translation", "programme", "officers" };

static void
select_sidebar_row (LiaisonWindow *self,
                    const char    *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      {
        gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
        break;
      }
}

static void
show_page (LiaisonWindow *self,
           const char    *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  select_sidebar_row (self, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
on_sidebar_row_activated (LiaisonWindow *self,
                          GtkListBoxRow *row)
{
  show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  /* Keyboard users land in the view they chose. */
  gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_page (LIAISON_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  show_page (self, "events");
  liaison_events_page_show_event (LIAISON_EVENTS_PAGE (self->events_page), g_variant_get_string (parameter, NULL));
}

static void
show_participant_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  show_page (self, "participants");
  liaison_participants_page_show_participant (LIAISON_PARTICIPANTS_PAGE (self->participants_page),
                                              g_variant_get_string (parameter, NULL));
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  const char    *activity = parameter != NULL ? g_variant_get_string (parameter, NULL) : NULL;

  show_page (self, "events");
  liaison_events_page_new_event (LIAISON_EVENTS_PAGE (self->events_page), activity);
}

static void
show_activity_events_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  show_page (self, "events");
  liaison_events_page_filter_activity (LIAISON_EVENTS_PAGE (self->events_page), g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  GtkWidget     *page = gtk_stack_get_visible_child (self->stack);

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  /* Each view searches what it shows; the Overview searches everything. */
  if (page == NULL || !gtk_widget_activate_action (page, "page.search", NULL))
    {
      show_page (self, "overview");
      gtk_widget_activate_action (self->overview_page, "page.search", NULL);
    }
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  /* On the view shown, so the arrows go from there. */
  gtk_widget_grab_focus (row != NULL ? GTK_WIDGET (row) : GTK_WIDGET (self->sidebar_list));
}

/* Whether something other than this window wrote to the store since its
 * last change or undo: another program (the CLI, a second window). Undo
 * walks the journal back to a mark and would take that back too. What the
 * sync brought is the server's, and undo leaves it alone. */
static gboolean
changed_elsewhere (LiaisonWindow *self)
{
  LiaisonStore *store = liaison_context_get_store (self->context);
  g_autoptr (GPtrArray) since = NULL;

  if (liaison_store_get_last_seq (store) == self->known_seq)
    return FALSE;
  since = liaison_store_list_journal (store, self->known_seq, 0, NULL);
  for (guint i = 0; since != NULL && i < since->len; i++)
    if (((LiaisonJournalEntry *) g_ptr_array_index (since, i))->origin == LIAISON_ORIGIN_LOCAL)
      return TRUE;
  return FALSE;
}

static void
undo (LiaisonWindow *self,
      gint64         mark)
{
  LiaisonStore *store = liaison_context_get_store (self->context);
  g_autoptr (GError) error = NULL;

  if (changed_elsewhere (self))
    {
      /* The marks are of another state of the file now. */
      g_array_set_size (self->undo_marks, 0);
      liaison_window_show_toast (self, _ ("This can no longer be undone: another program has changed the data since"));
      return;
    }
  if (!liaison_store_undo (store, mark, &error))
    {
      liaison_window_show_toast (self, error->message);
      return;
    }
  /* Undoing from a mark takes back every change after it. */
  while (self->undo_marks->len > 0 && g_array_index (self->undo_marks, gint64, self->undo_marks->len - 1) >= mark)
    g_array_set_size (self->undo_marks, self->undo_marks->len - 1);
  self->known_seq = liaison_store_get_last_seq (store);
  liaison_window_show_toast (self, _ ("Undone"));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo (LIAISON_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* Ctrl+Z: the last change still undoable, then the one before it. */
static void
undo_last_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  if (self->undo_marks->len > 0)
    undo (self, g_array_index (self->undo_marks, gint64, self->undo_marks->len - 1));
  else
    liaison_window_show_toast (self, _ ("Nothing to undo"));
}

/* Views and dialogs ask for toasts by these actions, so they need not know
 * the window (and a test can take the requests without one). */
static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  liaison_window_show_toast (LIAISON_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_undo_toast_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  const char *message;
  gint64      mark;

  g_variant_get (parameter, "(&sx)", &message, &mark);
  liaison_window_show_undo_toast (LIAISON_WINDOW (widget), message, mark);
}

/* Files in: a roster, a calendar or an answer, dropped on the window or
 * chosen (liaison-import-dialog.c). */
static void
open_import (LiaisonWindow *self,
             GFile         *file)
{
  GtkWidget *dialog = liaison_import_dialog_new (self->context, file);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  if (file == NULL)
    liaison_import_dialog_choose_file (LIAISON_IMPORT_DIALOG (dialog));
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_import (LIAISON_WINDOW (widget), NULL);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LiaisonWindow *self)
{
  GSList *files = G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) ? gdk_file_list_get_files (g_value_get_boxed (value)) : NULL;

  if (files == NULL)
    return FALSE;
  open_import (self, files->data);
  g_slist_free (files);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Sync with the secretariat: the button, the banner and the conflict page
 * are their own widgets; the window holds the actions they use. */

static void
update_sync (LiaisonWindow *self)
{
  GListModel      *conflicts = liaison_sync_engine_get_conflicts (liaison_context_get_sync_engine (self->context));
  guint            n = g_list_model_get_n_items (conflicts);
  g_autofree char *count = g_strdup_printf ("%u", n);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", liaison_sync_status_is_configured (self->context));
  gtk_label_set_label (self->conflicts_count, count);
  /* The page itself stays (it says "Nothing to Review"), the row goes. */
  gtk_widget_set_visible (self->conflicts_row, n > 0);
  liaison_sync_banner_set_reviewing (self->sync_banner,
                                     g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "conflicts") == 0);
}

static void
on_window_synced (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (LiaisonWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonSyncSummary) s = liaison_sync_engine_sync_finish (LIAISON_SYNC_ENGINE (source), result, &error);
  g_autofree char *message = NULL;

  /* Failures are the banner's to explain, and "nothing changed" the
   * button's: a toast only says what a sync brought or sent. */
  if (s == NULL || self->context == NULL || s->pulled + s->pushed == 0)
    return;
  if (s->pulled > 0 && s->pushed > 0)
    /* Translators: records changed here by the secretariat's changes, records sent to it */
    message = g_strdup_printf (_ ("Synced: %1$u changed here, %2$u sent"), s->pulled, s->pushed);
  else if (s->pulled > 0)
    message = g_strdup_printf (ngettext ("Synced: %u record changed here", "Synced: %u records changed here",
                                         s->pulled),
                               s->pulled);
  else
    message = g_strdup_printf (ngettext ("Synced: %u change sent", "Synced: %u changes sent", s->pushed), s->pushed);
  liaison_window_show_toast (self, message);
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaisonWindow     *self = LIAISON_WINDOW (widget);
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (self->context);

  if (liaison_sync_engine_is_syncing (engine))
    return;
  /* Asks for the password first when no keyring keeps it. */
  liaison_sync_password_sync (widget, self->context, self->sync_cancellable, on_window_synced, g_object_ref (self),
                              g_object_unref);
}

static void
sync_preferences_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  GtkWidget     *preferences = liaison_preferences_window_new (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (self));
  liaison_preferences_window_show_sync (LIAISON_PREFERENCES_WINDOW (preferences));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
setup_sync (LiaisonWindow *self)
{
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (self->context);

  self->sync_cancellable = g_cancellable_new ();
  self->conflicts_page = liaison_conflicts_page_new (self->context);
  gtk_stack_add_named (self->stack, self->conflicts_page, "conflicts");
  g_object_bind_property (self->leaflet, "folded", self->conflicts_page, "folded", G_BINDING_SYNC_CREATE);
  liaison_sync_button_set_context (self->sync_button, self->context);
  liaison_sync_banner_set_context (self->sync_banner, self->context);
  g_signal_connect_object (liaison_sync_engine_get_conflicts (engine), "items-changed", G_CALLBACK (update_sync), self,
                           G_CONNECT_SWAPPED);
  if (liaison_context_get_settings (self->context) != NULL)
    g_signal_connect_object (liaison_context_get_settings (self->context), "changed", G_CALLBACK (update_sync), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (update_sync), self,
                           G_CONNECT_SWAPPED);
  update_sync (self);
}

static void
liaison_window_constructed (GObject *object)
{
  LiaisonWindow *self = (LiaisonWindow *) object;
  GSettings     *settings = liaison_context_get_settings (self->context);
  GtkWidget     *pages[G_N_ELEMENTS (page_names)];

  G_OBJECT_CLASS (liaison_window_parent_class)->constructed (object);

  if (settings != NULL)
    {
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  pages[0] = self->overview_page = liaison_overview_page_new (self->context);
  pages[1] = self->events_page = liaison_events_page_new (self->context);
  pages[2] = self->participants_page = liaison_participants_page_new (self->context);
  pages[3] = self->plan_page = liaison_plan_page_new (self->context);
  pages[4] = self->translation_page = liaison_translation_page_new (self->context);
  pages[5] = self->programme_page = liaison_programme_page_new (self->context);
  pages[6] = self->officers_page = liaison_officers_page_new (self->context);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_stack_add_named (self->stack, pages[i], page_names[i]);
      /* A folded window shows a back button in each view's header. */
      g_object_bind_property (self->leaflet, "folded", pages[i], "folded", G_BINDING_SYNC_CREATE);
    }
  setup_sync (self);
  self->known_seq = liaison_store_get_last_seq (liaison_context_get_store (self->context));
  show_page (self, "overview");
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
liaison_window_dispose (GObject *object)
{
  LiaisonWindow *self = (LiaisonWindow *) object;

  /* Before the overlay goes: a toast kept past it is left pointing at a
   * disposed widget. */
  if (self->toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->toast, self);
      adw_toast_dismiss (self->toast);
    }
  g_clear_object (&self->toast);
  self->toast_label = NULL;
  g_clear_object (&self->last_toast);
  g_clear_pointer (&self->undo_marks, g_array_unref);
  g_cancellable_cancel (self->sync_cancellable);
  g_clear_object (&self->sync_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_window_parent_class)->dispose (object);
}

static void
liaison_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaisonWindow *self = LIAISON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaisonWindow *self = LIAISON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_window_class_init (LiaisonWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_window_constructed;
  object_class->dispose = liaison_window_dispose;
  object_class->get_property = liaison_window_get_property;
  object_class->set_property = liaison_window_set_property;

  properties[PROP_CONTEXT] =
      g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIAISON_TYPE_SYNC_BUTTON);
  g_type_ensure (LIAISON_TYPE_SYNC_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, sync_banner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, conflicts_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, conflicts_count);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-event", "s", show_event_action);
  gtk_widget_class_install_action (widget_class, "win.show-participant", "s", show_participant_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.new-event-for-activity", "s", new_event_action);
  gtk_widget_class_install_action (widget_class, "win.show-activity-events", "s", show_activity_events_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.undo", "x", undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-last", NULL, undo_last_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-undo-toast", "(sx)", show_undo_toast_action);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "win.sync-preferences", NULL, sync_preferences_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo-last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.sync", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.show-page", "s", page_names[i]);
}

static void
liaison_window_init (LiaisonWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  self->undo_marks = g_array_new (FALSE, FALSE, sizeof (gint64));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

LiaisonWindow *
liaison_window_new (AdwApplication *application,
                    LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

LiaisonContext *
liaison_window_get_context (LiaisonWindow *self)
{
  return self->context;
}

const char *
liaison_window_get_visible_page (LiaisonWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
liaison_window_get_page (LiaisonWindow *self,
                         const char    *name)
{
  return gtk_stack_get_child_by_name (self->stack, name);
}

static void
on_toast_dismissed (LiaisonWindow *self,
                    AdwToast      *toast)
{
  if (self->toast == toast)
    {
      g_signal_handlers_disconnect_by_data (toast, self);
      g_clear_object (&self->toast);
      self->toast_label = NULL;
    }
}

/* One toast at a time, said again in place while it is on screen.
 * libadwaita 1.2 frees a toast hidden before its slide-in has finished and
 * then touches it (fixed in 1.3, 1674ebc9): a new toast of high priority
 * hides the one on screen, and so does dismissing it, so a door-keeper
 * checking in three people within half a second crashed the window. A
 * toast updated and added again only has its timeout reset. Its title is
 * a label of its own: it wraps rather than cutting a long name short, and
 * a name with “&” or “<” is text, not markup. */
static void
show_message (LiaisonWindow *self,
              const char    *message,
              gint64         undo_mark)
{
  gboolean  can_undo = undo_mark >= 0;
  AdwToast *record = adw_toast_new ("");

  if (self->toast == NULL)
    {
      self->toast_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (self->toast_label, TRUE);
      gtk_label_set_wrap_mode (self->toast_label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (self->toast_label, 50);
      gtk_label_set_lines (self->toast_label, 3);
      gtk_label_set_ellipsize (self->toast_label, PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (self->toast_label, 0);
      gtk_widget_add_css_class (GTK_WIDGET (self->toast_label), "heading");
      self->toast = adw_toast_new ("");
      adw_toast_set_custom_title (self->toast, GTK_WIDGET (self->toast_label));
      g_signal_connect_object (self->toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, G_CONNECT_SWAPPED);
    }
  gtk_label_set_text (self->toast_label, message);
  adw_toast_set_button_label (self->toast, can_undo ? _ ("_Undo") : NULL);
  /* The button never holds an action without its target. */
  if (can_undo)
    {
      adw_toast_set_action_target_value (self->toast, g_variant_new_int64 (undo_mark));
      adw_toast_set_action_name (self->toast, "win.undo");
    }
  else
    {
      adw_toast_set_action_name (self->toast, NULL);
      adw_toast_set_action_target_value (self->toast, NULL);
    }
  /* New: shown. On screen: its timeout starts again. */
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->toast));

  /* What was said, one object a message, for tests to read and press. */
  adw_toast_set_title (record, message);
  adw_toast_set_button_label (record, adw_toast_get_button_label (self->toast));
  adw_toast_set_action_name (record, adw_toast_get_action_name (self->toast));
  adw_toast_set_action_target_value (record, adw_toast_get_action_target_value (self->toast));
  g_set_object (&self->last_toast, record);
  g_object_unref (record);
}

void
liaison_window_show_toast (LiaisonWindow *self,
                           const char    *message)
{
  g_return_if_fail (LIAISON_IS_WINDOW (self));

  show_message (self, message, -1);
}

/* A change was made after mark (liaison_store_get_last_seq before it): the
 * toast offers to undo it, and Ctrl+Z undoes it, then the change before. */
void
liaison_window_show_undo_toast (LiaisonWindow *self,
                                const char    *message,
                                gint64         mark)
{
  g_return_if_fail (LIAISON_IS_WINDOW (self));

  g_array_append_val (self->undo_marks, mark);
  /* A long day at the door is not kept forever. */
  if (self->undo_marks->len > 100)
    g_array_remove_index (self->undo_marks, 0);
  self->known_seq = liaison_store_get_last_seq (liaison_context_get_store (self->context));
  show_message (self, message, mark);
}

/* What the last toast said and offered (its title, button and action), as
 * a toast of its own for each message: the toast on screen is one object
 * said again in place. Tests read it and press its button. */
AdwToast *
liaison_window_get_last_toast (LiaisonWindow *self)
{
  return self->last_toast;
}

/* How many changes Ctrl+Z can still undo. */
guint
liaison_window_get_n_undo (LiaisonWindow *self)
{
  return self->undo_marks->len;
}
