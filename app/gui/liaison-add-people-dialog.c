/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-add-people-dialog.h"
#include "liaison-gui-format.h"
#include "liaison-participant-list.h"

/* Registering people for an event: the same search as the Participants
 * view (any script, organisation, e-mail); people chosen across several
 * searches are added together, with one role and one status. Someone
 * booked into another event at an overlapping time is said so in their
 * row, under the chosen, and in the notification: a warning, not a
 * refusal (one may leave a workshop for a ministerial session). */

static const LiaisonRegistrationStatus statuses[] = {
  LIAISON_REGISTRATION_INVITED,
  LIAISON_REGISTRATION_REGISTERED,
  LIAISON_REGISTRATION_CONFIRMED,
};

struct _LiaisonAddPeopleDialog
{
  AdwWindow parent_instance;

  LiaisonContext         *context;
  char                   *event_id;
  LiaisonParticipantList *people;
  GCancellable           *cancellable;
  GHashTable             *chosen;     /* participant id → display name */
  GPtrArray              *order;      /* the ids chosen, in the order they were */
  GHashTable             *registered; /* participant ids already at the event */
  GHashTable             *busy;       /* participant id → another event at that time */
  GCancellable           *busy_cancellable;

  AdwWindowTitle *window_title;
  GtkWidget      *add_button;
  GtkSearchEntry *search_entry;
  GtkListView    *list_view;
  GtkLabel       *chosen_label;
  GtkLabel       *warning_label;
  AdwComboRow    *role_row;
  AdwComboRow    *status_row;
};

G_DEFINE_FINAL_TYPE (LiaisonAddPeopleDialog, liaison_add_people_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_EVENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static LiaisonEvent *
busy_at (LiaisonAddPeopleDialog *self, const char *participant_id)
{
  return self->busy != NULL ? g_hash_table_lookup (self->busy, participant_id) : NULL;
}

static const char *
event_title (LiaisonEvent *event)
{
  return liaison_bilingual_get_display (liaison_event_get_title (event), liaison_language_for_locale ());
}

/* One line for each chosen person who is elsewhere then. */
static void
update_warnings (LiaisonAddPeopleDialog *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->order->len; i++)
    {
      const char      *id = g_ptr_array_index (self->order, i);
      LiaisonEvent    *other = busy_at (self, id);
      g_autofree char *line = NULL;

      if (other == NULL)
        continue;
      /* Translators: a clash, “李霞 is also at “Forum 2025” then” */
      line = g_strdup_printf (_ ("%1$s is also at “%2$s” then"), (const char *) g_hash_table_lookup (self->chosen, id),
                              event_title (other));
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line);
    }
  gtk_label_set_label (self->warning_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), text->len > 0);
}

static void
update_chosen (LiaisonAddPeopleDialog *self)
{
  guint            n = g_hash_table_size (self->chosen);
  g_autofree char *button = NULL;
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->order->len; i++)
    g_string_append_printf (names, "%s%s", names->len > 0 ? C_ ("list", ", ") : "",
                            (const char *) g_hash_table_lookup (self->chosen, g_ptr_array_index (self->order, i)));
  if (n == 0)
    gtk_label_set_label (self->chosen_label,
                         _ ("Choose people with Enter or a click; choose again to leave them out."));
  else
    {
      /* Translators: “Chosen: 李霞, Nguyễn Văn An” */
      g_autofree char *text = g_strdup_printf (_ ("Chosen: %s"), names->str);
      gtk_label_set_label (self->chosen_label, text);
    }
  button =
      n > 0 ? g_strdup_printf (g_dngettext (NULL, "_Add %u Person", "_Add %u People", n), n) : g_strdup (_ ("_Add"));
  gtk_button_set_label (GTK_BUTTON (self->add_button), button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", n > 0);
  update_warnings (self);
}

static void
toggle (LiaisonAddPeopleDialog *self, LiaisonParticipant *p)
{
  const char *id = liaison_participant_get_id (p);

  if (g_hash_table_contains (self->registered, id))
    return;
  /* In the order they were chosen: that order is the waitlist's. */
  if (g_hash_table_remove (self->chosen, id))
    {
      guint index;

      if (g_ptr_array_find_with_equal_func (self->order, id, g_str_equal, &index))
        g_ptr_array_remove_index (self->order, index);
    }
  else
    {
      g_hash_table_insert (self->chosen, g_strdup (id), liaison_participant_dup_display_name (p));
      g_ptr_array_add (self->order, g_strdup (id));
    }
  update_chosen (self);
  /* The rows show whether their person is chosen: redraw them. */
  liaison_participant_list_invalidate (self->people);
}

static void
on_activate (LiaisonAddPeopleDialog *self, guint position)
{
  g_autoptr (LiaisonParticipant) p = g_list_model_get_item (G_LIST_MODEL (self->people), position);

  if (p != NULL)
    toggle (self, p);
}

static void
on_searched (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  liaison_participant_list_set_query_finish (LIAISON_PARTICIPANT_LIST (source), result, &error);
}

static void
on_search_changed (LiaisonAddPeopleDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  liaison_participant_list_set_query_async (self->people, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                            self->cancellable, on_searched, NULL);
}

/* A row of its own, not an AdwActionRow: that is a GtkListBoxRow, and
 * outside a GtkListBox taking the focus (a click, the arrows) makes GTK
 * complain that it has no list box. */
static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, LiaisonAddPeopleDialog *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (row, "person-row");
  gtk_widget_set_can_focus (check, FALSE);
  gtk_widget_set_can_target (check, FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (row), check);
  gtk_box_append (GTK_BOX (row), texts);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, LiaisonAddPeopleDialog *self)
{
  LiaisonParticipant   *p = gtk_list_item_get_item (list_item);
  GtkWidget            *row = gtk_list_item_get_child (list_item);
  GtkCheckButton       *check = g_object_get_data (G_OBJECT (row), "check");
  g_autofree char      *name = liaison_participant_dup_display_name (p);
  g_autofree char      *latin = liaison_participant_dup_latin_name (p);
  const LiaisonCountry *country = liaison_country_lookup (liaison_participant_get_country (p));
  LiaisonLanguage       lang = liaison_language_for_locale ();
  const char           *organisation = liaison_bilingual_get_display (liaison_participant_get_organisation (p), lang);
  gboolean              already = g_hash_table_contains (self->registered, liaison_participant_get_id (p));
  LiaisonEvent         *other = busy_at (self, liaison_participant_get_id (p));
  g_autoptr (GString) subtitle = g_string_new (NULL);

  if (latin != NULL && g_strcmp0 (latin, name) != 0)
    g_string_append (subtitle, latin);
  if (country != NULL)
    liaison_gui_append_part (subtitle, liaison_country_get_name (country, lang));
  liaison_gui_append_part (subtitle, organisation);
  if (already)
    liaison_gui_append_part (subtitle, _ ("already registered"));
  else if (other != NULL)
    {
      /* Translators: in a person's row when adding people to an event,
       * “also at “Forum 2025” then”: booked into an event at the same time */
      g_autofree char *elsewhere = g_strdup_printf (_ ("also at “%s” then"), event_title (other));

      liaison_gui_append_part (subtitle, elsewhere);
    }
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "title"), name);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "subtitle"), subtitle->str);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "subtitle"), subtitle->len > 0);
  gtk_check_button_set_active (check, already || g_hash_table_contains (self->chosen, liaison_participant_get_id (p)));
  gtk_widget_set_sensitive (row, !already);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonAddPeopleDialog *self = LIAISON_ADD_PEOPLE_DIALOG (widget);
  LiaisonStore           *store = liaison_context_get_store (self->context);
  gint64                  mark = liaison_store_get_last_seq (store);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) created = NULL;
  g_autoptr (GPtrArray) already = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) message = g_string_new (NULL);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr (GString) elsewhere = g_string_new (NULL);
  guint waitlisted = 0, n_elsewhere = 0;
  guint status = adw_combo_row_get_selected (self->status_row);

  for (guint i = 0; i < self->order->len; i++)
    g_ptr_array_add (ids, g_ptr_array_index (self->order, i));
  g_ptr_array_add (ids, NULL);

  created = liaison_store_register_many (
      store, self->event_id, (const char *const *) ids->pdata, adw_combo_row_get_selected (self->role_row),
      statuses[MIN (status, G_N_ELEMENTS (statuses) - 1)], LIAISON_ORIGIN_LOCAL, &already, &error);
  if (created == NULL)
    {
      gtk_label_set_label (self->chosen_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->chosen_label), "error");
      return;
    }
  for (guint i = 0; i < created->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (created, i);
      const char          *person = liaison_registration_get_participant_id (r);

      if (liaison_registration_get_status (r) == LIAISON_REGISTRATION_WAITLISTED)
        waitlisted++;
      if (busy_at (self, person) != NULL)
        {
          /* Translators: a person added while booked elsewhere, “李霞 (“Forum 2025”)” */
          g_autofree char *who =
              g_strdup_printf (_ ("%1$s (“%2$s”)"), (const char *) g_hash_table_lookup (self->chosen, person),
                               event_title (busy_at (self, person)));

          if (n_elsewhere++ > 0)
            g_string_append (elsewhere, C_ ("list", ", "));
          g_string_append (elsewhere, who);
        }
    }
  g_string_append_printf (message, g_dngettext (NULL, "%u person added", "%u people added", created->len),
                          created->len);
  if (waitlisted > 0)
    {
      g_string_append (message, C_ ("sentence", "; "));
      g_string_append_printf (message,
                              g_dngettext (NULL, "%u on the waitlist (the event is full)",
                                           "%u on the waitlist (the event is full)", waitlisted),
                              waitlisted);
    }
  if (n_elsewhere > 0)
    {
      g_string_append (message, C_ ("sentence", "; "));
      /* Translators: after “3 people added; ”, who was added although booked
       * into another event at an overlapping time, “1 is also at another
       * event then: 李霞 (“Forum 2025”)” */
      g_string_append_printf (message,
                              g_dngettext (NULL, "%1$u is also at another event then: %2$s",
                                           "%1$u are also at other events then: %2$s", n_elsewhere),
                              n_elsewhere, elsewhere->str);
    }
  if (already->len > 0)
    {
      g_string_append (message, C_ ("sentence", "; "));
      g_string_append_printf (
          message, g_dngettext (NULL, "%u was already registered", "%u were already registered", already->len),
          already->len);
    }
  /* The toast is the window's this dialog belongs to. */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-undo-toast", "(sx)", message->str, mark);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gpointer
find_busy_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  return liaison_store_find_overlapping_bookings (reader, data, error);
}

static void
on_busy_found (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonAddPeopleDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  GHashTable *busy = liaison_store_query_finish (LIAISON_STORE (source), result, &error);

  if (busy == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not look for people booked elsewhere: %s", error->message);
      return;
    }
  g_clear_pointer (&self->busy, g_hash_table_unref);
  self->busy = busy;
  update_chosen (self);
  liaison_participant_list_invalidate (self->people);
}

static void
liaison_add_people_dialog_constructed (GObject *object)
{
  LiaisonAddPeopleDialog *self = (LiaisonAddPeopleDialog *) object;
  LiaisonStore           *store = liaison_context_get_store (self->context);
  g_autoptr (LiaisonEvent) event = liaison_store_get_event (store, self->event_id, NULL);
  g_autoptr (GPtrArray) registrations = liaison_store_list_registrations (store, self->event_id, NULL);
  g_autoptr (GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) status_names = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection     *selection;

  G_OBJECT_CLASS (liaison_add_people_dialog_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self), _ ("Add People"));

  if (event != NULL)
    {
      adw_window_title_set_subtitle (
          self->window_title,
          liaison_bilingual_get_display (liaison_event_get_title (event), liaison_language_for_locale ()));
      self->busy_cancellable = g_cancellable_new ();
      liaison_store_query_async (store, find_busy_in_worker, g_object_ref (event), g_object_unref,
                                 (GDestroyNotify) g_hash_table_unref, self->busy_cancellable, on_busy_found,
                                 g_object_ref (self));
    }
  for (guint i = 0; registrations != NULL && i < registrations->len; i++)
    g_hash_table_add (self->registered,
                      g_strdup (liaison_registration_get_participant_id (g_ptr_array_index (registrations, i))));

  for (LiaisonRole role = LIAISON_ROLE_DELEGATE; role <= LIAISON_ROLE_STAFF; role++)
    gtk_string_list_append (roles, liaison_role_label (role));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (status_names, liaison_registration_status_label (statuses[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_names));
  adw_combo_row_set_selected (self->status_row, 1);

  self->people = liaison_participant_list_new (store);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->people)));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (factory);
  g_object_unref (selection);
  update_chosen (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
liaison_add_people_dialog_dispose (GObject *object)
{
  LiaisonAddPeopleDialog *self = (LiaisonAddPeopleDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->busy_cancellable);
  g_clear_object (&self->busy_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_ADD_PEOPLE_DIALOG);
  g_clear_object (&self->people);
  g_clear_object (&self->context);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->registered, g_hash_table_unref);
  g_clear_pointer (&self->busy, g_hash_table_unref);

  G_OBJECT_CLASS (liaison_add_people_dialog_parent_class)->dispose (object);
}

static void
liaison_add_people_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonAddPeopleDialog *self = (LiaisonAddPeopleDialog *) object;

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
liaison_add_people_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonAddPeopleDialog *self = (LiaisonAddPeopleDialog *) object;

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
liaison_add_people_dialog_class_init (LiaisonAddPeopleDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_add_people_dialog_constructed;
  object_class->dispose = liaison_add_people_dialog_dispose;
  object_class->get_property = liaison_add_people_dialog_get_property;
  object_class->set_property = liaison_add_people_dialog_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] = g_param_spec_string ("event-id", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chinaaseanenv/Liaison/ui/liaison-add-people-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonAddPeopleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonAddPeopleDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonAddPeopleDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonAddPeopleDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonAddPeopleDialog, chosen_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonAddPeopleDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonAddPeopleDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonAddPeopleDialog, status_row);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "people.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_add_people_dialog_init (LiaisonAddPeopleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->order = g_ptr_array_new_with_free_func (g_free);
  self->registered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GtkWidget *
liaison_add_people_dialog_new (LiaisonContext *context, const char *event_id)
{
  return g_object_new (LIAISON_TYPE_ADD_PEOPLE_DIALOG, "context", context, "event-id", event_id, NULL);
}

void
liaison_add_people_dialog_search (LiaisonAddPeopleDialog *self, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed (self);
}

guint
liaison_add_people_dialog_get_n_found (LiaisonAddPeopleDialog *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->people));
}

void
liaison_add_people_dialog_choose (LiaisonAddPeopleDialog *self, guint position)
{
  on_activate (self, position);
}
