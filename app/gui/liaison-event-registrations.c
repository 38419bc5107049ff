/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-event-registrations.h"
#include "liaison-gui-format.h"
#include "liaison-gui-util.h"
#include "liaison-registration-item.h"
#include "liaison-search-key.h"

/* An event's registrations: the table (each person's role and the status
 * changes the rules allow), the counts, the bulk changes of a selection,
 * and check-in at the door. The event page owns the actions and their
 * keys (so they work anywhere on it) and calls in here. */

struct _LiaisonEventRegistrations
{
  AdwBin parent_instance;

  LiaisonContext *context;
  char           *event_id;
  LiaisonEvent   *event;
  gboolean        check_in_mode;
  gboolean        has_selection;
  gboolean        binding_rows;
  char           *last_checked_in; /* the registration the green line is about */
  char           *last_checked_in_name;

  GListStore        *registrations;
  GtkMultiSelection *selection;
  GPtrArray         *breakdown_rows;

  GtkRevealer    *check_in_revealer;
  GtkLabel       *check_in_count;
  GtkEntry       *check_in_entry;
  GtkLabel       *check_in_message;
  GtkListBox     *check_in_choices;
  GtkLabel       *counts_label;
  AdwExpanderRow *breakdown_row;
  GtkRevealer    *bulk_revealer;
  GtkLabel       *bulk_label;
  GtkStack       *registrations_stack;
  GtkColumnView  *registrations_view;
};

G_DEFINE_FINAL_TYPE (LiaisonEventRegistrations, liaison_event_registrations, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CHECK_IN_MODE,
  PROP_HAS_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static LiaisonStore *
get_store (LiaisonEventRegistrations *self)
{
  return liaison_context_get_store (self->context);
}

static void
toast (LiaisonEventRegistrations *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
undo_toast (LiaisonEventRegistrations *self, const char *message, gint64 mark)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-undo-toast", "(sx)", message, mark);
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
      g_autofree char *part = g_strdup_printf (C_ ("breakdown", "%1$s %2$u"), (const char *) l->data,
                                               GPOINTER_TO_UINT (g_hash_table_lookup (table, l->data)));

      liaison_gui_append_part (text, part);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_breakdown (LiaisonEventRegistrations *self, const char *title, GHashTable *table)
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
fill_counts (LiaisonEventRegistrations *self)
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
                                 : _ ("No delegation"));
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
            g_strdup_printf (C_ ("registrations", "%1$u %2$s"), by_status[s], liaison_registration_status_label (s));

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
        g_string_append (text, C_ ("registrations", " — "));
      g_string_append (text, places);
    }
  gtk_label_set_label (self->counts_label, n > 0 ? text->str : "");
  gtk_widget_set_visible (GTK_WIDGET (self->counts_label), n > 0);

  for (guint i = 0; i < self->breakdown_rows->len; i++)
    adw_expander_row_remove (self->breakdown_row, g_ptr_array_index (self->breakdown_rows, i));
  g_ptr_array_set_size (self->breakdown_rows, 0);
  if (n > 0)
    {
      add_breakdown (self, _ ("Country"), countries);
      add_breakdown (self, _ ("Gender"), genders);
      add_breakdown (self, _ ("Sector"), sectors);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->breakdown_row), n > 0);
  gtk_stack_set_visible_child_name (self->registrations_stack, n > 0 ? "list" : "empty");

  expected = taken;
  checked = g_strdup_printf (g_dngettext (NULL, "%1$u of %2$u checked in", "%1$u of %2$u checked in", expected),
                             by_status[LIAISON_REGISTRATION_ATTENDED], expected);
  gtk_label_set_label (self->check_in_count, checked);
}

/* ------------------------------------------------------------------------ */
/* The table: selection, roles, statuses                                    */

static GtkBitset *
selected (LiaisonEventRegistrations *self)
{
  return gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
}

static GPtrArray *
selected_ids (LiaisonEventRegistrations *self)
{
  g_autoptr (GtkBitset) set = selected (self);
  GPtrArray    *ids = g_ptr_array_new_with_free_func (g_free);
  GtkBitsetIter iter;
  guint         position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr (LiaisonRegistrationItem) item = g_list_model_get_item (G_LIST_MODEL (self->registrations), position);

      g_ptr_array_add (ids, g_strdup (liaison_registration_get_id (liaison_registration_item_get_registration (item))));
    }
  return ids;
}

static void
on_selection_changed (LiaisonEventRegistrations *self)
{
  g_autoptr (GtkBitset) set = selected (self);
  guint64          n = gtk_bitset_get_size (set);
  g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u selected", "%u selected", (gulong) n), (guint) n);

  gtk_label_set_label (self->bulk_label, text);
  gtk_revealer_set_reveal_child (self->bulk_revealer, n > 0);
  if (self->has_selection != (n > 0))
    {
      self->has_selection = n > 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
    }
}

static void
on_registration_activate (LiaisonEventRegistrations *self, guint position)
{
  g_autoptr (LiaisonRegistrationItem) item = g_list_model_get_item (G_LIST_MODEL (self->registrations), position);

  if (item != NULL)
    gtk_widget_activate_action (
        GTK_WIDGET (self), "win.show-participant", "s",
        liaison_registration_get_participant_id (liaison_registration_item_get_registration (item)));
}

/* Columns whose cells are a label bound to a property of the item. Read
 * at the door, they are shown whole, never ended with "…": where the table
 * is wider than the page, it scrolls sideways (a column view of GTK 4.8
 * asks its height before its widths, so a wrapped name would hide rows). */
static void
setup_label (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
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
setup_status (GtkSignalListItemFactory *factory, GtkListItem *list_item, LiaisonEventRegistrations *self)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), TRUE);
  gtk_list_item_set_child (list_item, button);
}

/* A waitlisted person's menu: a place up or down, or a place at the event
 * now (the page asks first when the event is full). */
static void
append_waitlist_moves (GMenu *menu, LiaisonRegistrationItem *item)
{
  const char *id = liaison_registration_get_id (liaison_registration_item_get_registration (item));
  guint       place = liaison_registration_item_get_waitlist_place (item);
  g_autoptr (GMenu) section = g_menu_new ();
  g_autoptr (GMenuItem) up = g_menu_item_new (_ ("Move Up the Waitlist"), NULL);
  g_autoptr (GMenuItem) down = g_menu_item_new (_ ("Move Down the Waitlist"), NULL);
  g_autoptr (GMenuItem) now = g_menu_item_new (_ ("Give a Place Now"), NULL);

  if (place > 1)
    {
      g_menu_item_set_action_and_target_value (up, "event.waitlist-move", g_variant_new ("(si)", id, place - 1));
      g_menu_append_item (section, up);
    }
  if (place < liaison_registration_item_get_waitlist_length (item))
    {
      g_menu_item_set_action_and_target_value (down, "event.waitlist-move", g_variant_new ("(si)", id, place + 1));
      g_menu_append_item (section, down);
    }
  g_menu_item_set_action_and_target_value (now, "event.promote", g_variant_new_string (id));
  g_menu_append_item (section, now);
  g_menu_prepend_section (menu, NULL, G_MENU_MODEL (section));
}

static void
bind_status (GtkSignalListItemFactory *factory, GtkListItem *list_item, LiaisonEventRegistrations *self)
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
  if (liaison_registration_item_get_waitlist_place (item) > 0)
    append_waitlist_moves (menu, item);
  remove_item = g_menu_item_new (_ ("Remove from the Event"), NULL);
  g_menu_item_set_action_and_target_value (remove_item, "event.remove",
                                           g_variant_new_string (liaison_registration_get_id (r)));
  g_menu_append_item (remove, remove_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  gtk_menu_button_set_label (button, liaison_registration_item_get_status_label (item));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  /* Translators: “Status of 李霞: registered” */
  label = g_strdup_printf (_ ("Status of %1$s: %2$s"), liaison_registration_item_get_name (item),
                           liaison_registration_item_get_status_label (item));
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_role_selected (GtkDropDown *dropdown, GParamSpec *pspec, LiaisonEventRegistrations *self)
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
  message = g_strdup_printf (_ ("Role changed to %s"), liaison_role_label (role));
  undo_toast (self, message, mark);
}

static void
setup_role (GtkSignalListItemFactory *factory, GtkListItem *list_item, LiaisonEventRegistrations *self)
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
bind_role (GtkSignalListItemFactory *factory, GtkListItem *list_item, LiaisonEventRegistrations *self)
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
  label = g_strdup_printf (_ ("Role of %s"), liaison_registration_item_get_name (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
unbind_role (GtkSignalListItemFactory *factory, GtkListItem *list_item, LiaisonEventRegistrations *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "registration", NULL);
}

static void
add_column (LiaisonEventRegistrations *self, const char *title, GtkListItemFactory *factory, gboolean expand)
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
setup_columns (LiaisonEventRegistrations *self)
{
  GtkListItemFactory *status = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *role = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (status, "setup", G_CALLBACK (setup_status), self, 0);
  g_signal_connect_object (status, "bind", G_CALLBACK (bind_status), self, 0);
  g_signal_connect_object (role, "setup", G_CALLBACK (setup_role), self, 0);
  g_signal_connect_object (role, "bind", G_CALLBACK (bind_role), self, 0);
  g_signal_connect_object (role, "unbind", G_CALLBACK (unbind_role), self, 0);

  add_column (self, _ ("Name"), label_factory ("name", FALSE), TRUE);
  add_column (self, _ ("Code"), label_factory ("code", TRUE), FALSE);
  add_column (self, _ ("Delegation"), label_factory ("delegation", FALSE), FALSE);
  add_column (self, _ ("Role"), role, FALSE);
  add_column (self, _ ("Status"), status, FALSE);
  add_column (self, _ ("Checked In"), label_factory ("checked-in", TRUE), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Check-in                                                                  */

typedef enum
{
  SAY_ERROR,
  SAY_DONE,
  SAY_NEUTRAL,
} SayTone;

static void
check_in_say (LiaisonEventRegistrations *self, const char *message, SayTone tone)
{
  gtk_label_set_label (self->check_in_message, message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_in_message), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_in_message), "success");
  if (tone != SAY_NEUTRAL)
    gtk_widget_add_css_class (GTK_WIDGET (self->check_in_message), tone == SAY_DONE ? "success" : "error");
  if (tone != SAY_DONE)
    {
      g_clear_pointer (&self->last_checked_in, g_free);
      g_clear_pointer (&self->last_checked_in_name, g_free);
    }
}

static void
clear_choices (LiaisonEventRegistrations *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->check_in_choices))) != NULL)
    gtk_list_box_remove (self->check_in_choices, row);
  gtk_widget_set_visible (GTK_WIDGET (self->check_in_choices), FALSE);
}

/* Marked attended, said at the door, and undoable from the window's
 * notification or Ctrl+Z (a wrong person picked among several, a scan of
 * the wrong badge) like any other change of status. */
static void
check_in_one (LiaisonEventRegistrations *self, const char *registration_id)
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
      check_in_say (self, error->message, SAY_ERROR);
      return;
    }
  p = liaison_store_get_participant (get_store (self), liaison_registration_get_participant_id (r), NULL);
  name = p != NULL ? liaison_participant_dup_display_name (p) : g_strdup (registration_id);
  /* Translators: shown at the door, “✓ 李霞 is checked in” */
  message = g_strdup_printf (_ ("✓ %s is checked in"), name);
  check_in_say (self, message, SAY_DONE);
  g_free (self->last_checked_in);
  self->last_checked_in = g_strdup (registration_id);
  g_free (self->last_checked_in_name);
  self->last_checked_in_name = g_steal_pointer (&name);
  undo_toast (self, message, mark);
  gtk_editable_set_text (GTK_EDITABLE (self->check_in_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->check_in_entry));
}

static void
on_check_in_choice (LiaisonEventRegistrations *self, GtkListBoxRow *row)
{
  check_in_one (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* What was typed, folded as search folds it: case, accents and widths. */
static gboolean
same_words (const char *folded, const char *name)
{
  g_autofree char *other = name != NULL ? liaison_search_fold (name) : NULL;
  g_autofree char *latin = NULL;

  if (other == NULL || *other == '\0')
    return FALSE;
  if (g_str_equal (folded, other))
    return TRUE;
  /* 李霞 typed as “li xia”. */
  latin = liaison_search_has_non_latin (name) ? liaison_search_transliterate (name, TRUE) : NULL;
  return latin != NULL && g_str_equal (folded, latin);
}

/* Whether what was typed is one of the person's names whole: their full
 * name in either script, or a whole family or given name. One letter, or
 * the start of a name, is not: a door-keeper's slip must not check anyone
 * in. */
static gboolean
names_person (LiaisonParticipant *p, const char *typed)
{
  g_autofree char *folded = liaison_search_fold (typed);
  g_autofree char *display = liaison_participant_dup_display_name (p);
  g_autofree char *latin = liaison_participant_dup_latin_name (p);
  g_autofree char *native = NULL;
  const char      *parts[] = {
         liaison_participant_get_family_native (p),
         liaison_participant_get_given_native (p),
         liaison_participant_get_family_latin (p),
         liaison_participant_get_given_latin (p),
  };

  g_strstrip (folded);
  if (*folded == '\0')
    return FALSE;
  native = g_strconcat (parts[0] != NULL ? parts[0] : "", parts[1] != NULL ? parts[1] : "", NULL);
  if (same_words (folded, display) || same_words (folded, latin) || same_words (folded, native))
    return TRUE;
  {
    g_autofree char *spaced =
        g_strjoin (" ", parts[0] != NULL ? parts[0] : "", parts[1] != NULL ? parts[1] : "", NULL);
    g_autofree char *reversed =
        g_strjoin (" ", parts[3] != NULL ? parts[3] : "", parts[2] != NULL ? parts[2] : "", NULL);

    if (same_words (folded, g_strstrip (spaced)) || same_words (folded, g_strstrip (reversed)))
      return TRUE;
  }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (same_words (folded, parts[i]))
      return TRUE;
  return FALSE;
}

/* The code on a badge, whole: its printed end or the full identifier. */
static gboolean
is_code_of (LiaisonRegistration *r, const char *typed)
{
  const char      *id = liaison_registration_get_id (r);
  g_autofree char *code = g_strstrip (g_ascii_strdown (typed, -1));

  return g_str_equal (code, id) || g_str_equal (code, liaison_uuid_short (id));
}

static void
offer_choices (LiaisonEventRegistrations *self, GPtrArray *found, GPtrArray *people)
{
  g_autofree char *message = NULL;
  LiaisonLanguage  lang = liaison_language_for_locale ();
  GtkWidget       *first = NULL;

  /* Several match: the list shows them; pick one with the arrows and Enter. */
  for (guint i = 0; i < found->len; i++)
    {
      LiaisonRegistration  *r = g_ptr_array_index (found, i);
      LiaisonParticipant   *p = g_ptr_array_index (people, i);
      g_autofree char      *name = p != NULL ? liaison_participant_dup_display_name (p) : g_strdup ("");
      const LiaisonCountry *country = p != NULL ? liaison_country_lookup (liaison_participant_get_country (p)) : NULL;
      g_autoptr (GString) subtitle = g_string_new (liaison_registration_status_label (liaison_registration_get_status (r)));
      GtkWidget *row = adw_action_row_new ();

      /* Who is who: two people of the same name differ here. */
      if (country != NULL)
        liaison_gui_append_part (subtitle, liaison_country_get_name (country, lang));
      if (p != NULL)
        liaison_gui_append_part (subtitle,
                                 liaison_bilingual_get_display (liaison_participant_get_organisation (p), lang));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_widget_set_name (row, liaison_registration_get_id (r));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->check_in_choices, row);
      if (first == NULL)
        first = row;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->check_in_choices), TRUE);
  message = g_strdup_printf (
      g_dngettext (NULL, "%u person matches: choose one", "%u people match: choose one", found->len), found->len);
  check_in_say (self, message, SAY_NEUTRAL);
  gtk_widget_grab_focus (first);
  /* Where the door-keeper looks: the page scrolls to the list. */
  liaison_gui_scroll_into_view (GTK_WIDGET (self->check_in_choices));
}

static void
on_check_in_activate (LiaisonEventRegistrations *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->check_in_entry));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char     *message = NULL;
  LiaisonRegistration *whole = NULL;
  guint                n_whole = 0;

  clear_choices (self);
  if (text == NULL || *g_strstrip (g_strdup (text)) == '\0')
    return;
  found = liaison_store_find_registrations (get_store (self), self->event_id, text, &error);
  if (found == NULL)
    {
      check_in_say (self, error->message, SAY_ERROR);
      return;
    }
  /* Straight in only for the code on a badge or a name that is someone's
   * whole name; anything else is a choice. */
  for (guint i = 0; i < found->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (found, i);
      LiaisonParticipant  *p =
          liaison_store_get_participant (get_store (self), liaison_registration_get_participant_id (r), NULL);

      g_ptr_array_add (people, p);
      if (is_code_of (r, text) || (p != NULL && names_person (p, text)))
        {
          whole = r;
          n_whole++;
        }
    }
  if (n_whole == 1)
    {
      check_in_one (self, liaison_registration_get_id (whole));
      return;
    }
  if (found->len == 0)
    {
      g_autoptr (GPtrArray) others = liaison_store_search_participants (get_store (self), text, 1, NULL);

      if (others != NULL && others->len > 0)
        {
          g_autofree char *name = liaison_participant_dup_display_name (g_ptr_array_index (others, 0));

          /* Translators: %s is a person's name */
          message = g_strdup_printf (_ ("%s is not registered for this event"), name);
        }
      else
        /* Translators: %s is what was typed or scanned */
        message = g_strdup_printf (_ ("No one registered for this event has the code or name “%s”"), text);
      check_in_say (self, message, SAY_ERROR);
      gtk_editable_select_region (GTK_EDITABLE (self->check_in_entry), 0, -1);
      return;
    }
  offer_choices (self, found, people);
}

/* The door-keeper sees the box open, wherever the page was scrolled. */
static void
on_check_in_revealed (LiaisonEventRegistrations *self)
{
  if (gtk_revealer_get_child_revealed (self->check_in_revealer))
    liaison_gui_scroll_into_view (GTK_WIDGET (self->check_in_revealer));
}

/* After a reload: the green line says what is still true (an undo, a
 * correction or the other office may have taken the check-in back). */
static void
recheck_message (LiaisonEventRegistrations *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->registrations));

  if (self->last_checked_in == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LiaisonRegistrationItem) item = g_list_model_get_item (G_LIST_MODEL (self->registrations), i);
      LiaisonRegistration *r = liaison_registration_item_get_registration (item);

      if (g_str_equal (liaison_registration_get_id (r), self->last_checked_in))
        {
          g_autofree char *message = NULL;

          if (liaison_registration_get_status (r) == LIAISON_REGISTRATION_ATTENDED)
            return;
          /* Translators: at the door, after the check-in was undone: “李霞 is no longer checked in” */
          message = g_strdup_printf (_ ("%s is no longer checked in"), self->last_checked_in_name);
          check_in_say (self, message, SAY_NEUTRAL);
          return;
        }
    }
  /* Removed from the event meanwhile. */
  {
    g_autofree char *message = g_strdup_printf (_ ("%s is no longer checked in"), self->last_checked_in_name);

    check_in_say (self, message, SAY_NEUTRAL);
  }
}

static void
liaison_event_registrations_dispose (GObject *object)
{
  LiaisonEventRegistrations *self = (LiaisonEventRegistrations *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_EVENT_REGISTRATIONS);
  g_clear_object (&self->selection);
  g_clear_object (&self->registrations);
  g_clear_object (&self->event);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->last_checked_in, g_free);
  g_clear_pointer (&self->last_checked_in_name, g_free);
  g_clear_pointer (&self->breakdown_rows, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_event_registrations_parent_class)->dispose (object);
}

static void
liaison_event_registrations_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonEventRegistrations *self = (LiaisonEventRegistrations *) object;

  switch (prop_id)
    {
    case PROP_CHECK_IN_MODE:
      g_value_set_boolean (value, self->check_in_mode);
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, self->has_selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_event_registrations_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonEventRegistrations *self = (LiaisonEventRegistrations *) object;

  switch (prop_id)
    {
    case PROP_CHECK_IN_MODE:
      liaison_event_registrations_set_check_in_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_event_registrations_class_init (LiaisonEventRegistrationsClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_event_registrations_dispose;
  object_class->get_property = liaison_event_registrations_get_property;
  object_class->set_property = liaison_event_registrations_set_property;

  properties[PROP_CHECK_IN_MODE] = g_param_spec_boolean (
      "check-in-mode", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SELECTION] = g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                                                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chinaaseanenv/Liaison/ui/liaison-event-registrations.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventRegistrations, check_in_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventRegistrations, check_in_count);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventRegistrations, check_in_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventRegistrations, check_in_message);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventRegistrations, check_in_choices);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventRegistrations, counts_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventRegistrations, breakdown_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventRegistrations, bulk_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventRegistrations, bulk_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventRegistrations, registrations_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventRegistrations, registrations_view);
  gtk_widget_class_bind_template_callback (widget_class, on_check_in_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_check_in_choice);
  gtk_widget_class_bind_template_callback (widget_class, on_registration_activate);
}

static void
liaison_event_registrations_init (LiaisonEventRegistrations *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->breakdown_rows = g_ptr_array_new ();
  self->registrations = g_list_store_new (LIAISON_TYPE_REGISTRATION_ITEM);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->registrations)));
  gtk_column_view_set_model (self->registrations_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  setup_columns (self);
  on_selection_changed (self);
  /* Ctrl+Z at the door undoes the last check-in (the window's undo), not
   * the typing: the box is emptied after each one anyway. GTK 4.8's text
   * keeps Ctrl+Z even with nothing to undo, so the box takes it first. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->check_in_entry), FALSE);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("win.undo-last")));
    gtk_widget_add_controller (GTK_WIDGET (self->check_in_entry), keys);
  }
  g_signal_connect_object (self->check_in_revealer, "notify::child-revealed", G_CALLBACK (on_check_in_revealed), self,
                           G_CONNECT_SWAPPED);
}

void
liaison_event_registrations_set_context (LiaisonEventRegistrations *self, LiaisonContext *context)
{
  g_return_if_fail (LIAISON_IS_EVENT_REGISTRATIONS (self));

  g_set_object (&self->context, context);
}

/* Another event: its list starts empty, out of check-in mode. */
void
liaison_event_registrations_set_event_id (LiaisonEventRegistrations *self, const char *id)
{
  g_return_if_fail (LIAISON_IS_EVENT_REGISTRATIONS (self));

  if (g_strcmp0 (self->event_id, id) == 0)
    return;
  g_free (self->event_id);
  self->event_id = g_strdup (id);
  g_clear_object (&self->event);
  liaison_event_registrations_set_check_in_mode (self, FALSE);
  g_list_store_remove_all (self->registrations);
  /* Nothing typed or said at the last event's door stays for this one. */
  gtk_editable_set_text (GTK_EDITABLE (self->check_in_entry), "");
  check_in_say (self, "", SAY_NEUTRAL);
  clear_choices (self);
}

/* items: LiaisonRegistrationItem, as the event page read them with the event. */
void
liaison_event_registrations_set_items (LiaisonEventRegistrations *self, LiaisonEvent *event, GPtrArray *items)
{
  g_autoptr (GHashTable) chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GtkBitset) set = selected (self);
  g_autoptr (GtkBitset) again = gtk_bitset_new_empty ();
  GtkBitsetIter iter;
  guint         position;

  g_return_if_fail (LIAISON_IS_EVENT_REGISTRATIONS (self));

  g_set_object (&self->event, event);
  /* A reload (a change here, a sync) keeps what the person had selected. */
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr (LiaisonRegistrationItem) item = g_list_model_get_item (G_LIST_MODEL (self->registrations), position);

      g_hash_table_add (chosen, g_strdup (liaison_registration_get_id (liaison_registration_item_get_registration (item))));
    }
  self->binding_rows = TRUE;
  g_list_store_splice (self->registrations, 0, g_list_model_get_n_items (G_LIST_MODEL (self->registrations)),
                       items->pdata, items->len);
  self->binding_rows = FALSE;
  for (guint i = 0; i < items->len; i++)
    if (g_hash_table_contains (chosen, liaison_registration_get_id (liaison_registration_item_get_registration (
                                           g_ptr_array_index (items, i)))))
      gtk_bitset_add (again, i);
  if (!gtk_bitset_is_empty (again))
    gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), again, again);
  fill_counts (self);
  recheck_message (self);
}

guint
liaison_event_registrations_get_n_items (LiaisonEventRegistrations *self)
{
  g_return_val_if_fail (LIAISON_IS_EVENT_REGISTRATIONS (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->registrations));
}

gboolean
liaison_event_registrations_get_check_in_mode (LiaisonEventRegistrations *self)
{
  g_return_val_if_fail (LIAISON_IS_EVENT_REGISTRATIONS (self), FALSE);

  return self->check_in_mode;
}

void
liaison_event_registrations_set_check_in_mode (LiaisonEventRegistrations *self, gboolean mode)
{
  g_return_if_fail (LIAISON_IS_EVENT_REGISTRATIONS (self));

  if (self->check_in_mode == mode)
    return;
  self->check_in_mode = mode;
  gtk_revealer_set_reveal_child (self->check_in_revealer, mode);
  if (mode)
    {
      check_in_say (self, "", SAY_NEUTRAL);
      gtk_widget_grab_focus (GTK_WIDGET (self->check_in_entry));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK_IN_MODE]);
}

/* The ids of the registrations selected; NULL when none is. */
char **
liaison_event_registrations_dup_selected_ids (LiaisonEventRegistrations *self)
{
  g_autoptr (GPtrArray) ids = NULL;

  g_return_val_if_fail (LIAISON_IS_EVENT_REGISTRATIONS (self), NULL);

  ids = selected_ids (self);
  if (ids->len == 0)
    return NULL;
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_steal (ids, NULL);
}

gboolean
liaison_event_registrations_get_has_selection (LiaisonEventRegistrations *self)
{
  g_return_val_if_fail (LIAISON_IS_EVENT_REGISTRATIONS (self), FALSE);

  return self->has_selection;
}

void
liaison_event_registrations_set_status (LiaisonEventRegistrations *self,
                                        const char                *registration_id,
                                        LiaisonRegistrationStatus  status)
{
  LiaisonStore *store;
  gint64        mark;
  g_autoptr (GError) error = NULL;
  g_autofree char *promoted = NULL;
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (LIAISON_IS_EVENT_REGISTRATIONS (self));

  store = get_store (self);
  mark = liaison_store_get_last_seq (store);
  r = liaison_store_get_registration (store, registration_id, &error);
  if (r == NULL ||
      !liaison_store_set_registration_status (store, registration_id, status, LIAISON_ORIGIN_LOCAL, &promoted, &error))
    {
      toast (self, error->message);
      return;
    }
  p = liaison_store_get_participant (store, liaison_registration_get_participant_id (r), NULL);
  name = p != NULL ? liaison_participant_dup_display_name (p) : g_strdup (registration_id);
  if (promoted != NULL)
    {
      g_autoptr (LiaisonRegistration) up = liaison_store_get_registration (store, promoted, NULL);
      g_autoptr (LiaisonParticipant) q =
          up != NULL ? liaison_store_get_participant (store, liaison_registration_get_participant_id (up), NULL) : NULL;
      g_autofree char *other = q != NULL ? liaison_participant_dup_display_name (q) : g_strdup (promoted);

      /* Translators: “李霞 is now cancelled; 王芳 moved up from the waitlist” */
      message = g_strdup_printf (_ ("%1$s is now %2$s; %3$s moved up from the waitlist"), name,
                                 liaison_registration_status_label (status), other);
    }
  else
    /* Translators: “李霞 is now confirmed” */
    message = g_strdup_printf (_ ("%1$s is now %2$s"), name, liaison_registration_status_label (status));
  undo_toast (self, message, mark);
}

void
liaison_event_registrations_remove (LiaisonEventRegistrations *self, const char *registration_id)
{
  LiaisonStore *store;
  gint64        mark;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (LIAISON_IS_EVENT_REGISTRATIONS (self));

  store = get_store (self);
  mark = liaison_store_get_last_seq (store);
  r = liaison_store_get_registration (store, registration_id, NULL);
  p = r != NULL ? liaison_store_get_participant (store, liaison_registration_get_participant_id (r), NULL) : NULL;
  name = p != NULL ? liaison_participant_dup_display_name (p) : NULL;
  /* Short enough that the whole sentence shows in the toast. */
  if (name != NULL)
    {
      char *shown = liaison_gui_toast_name (name);

      g_free (name);
      name = shown;
    }
  if (!liaison_store_delete_registration (store, registration_id, LIAISON_ORIGIN_LOCAL, NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: %s is a person's name */
  message = g_strdup_printf (_ ("%s removed from the event"), name != NULL ? name : "");
  undo_toast (self, message, mark);
}

/* Each selected person takes the step if the rules allow it; the others
 * are counted and said, not silently skipped. One undo for the batch. */
void
liaison_event_registrations_bulk_status (LiaisonEventRegistrations *self, LiaisonRegistrationStatus status)
{
  LiaisonStore *store;
  gint64        mark;
  g_autoptr (GPtrArray) ids = NULL;
  g_autofree char *message = NULL;
  guint            done = 0, refused = 0;

  g_return_if_fail (LIAISON_IS_EVENT_REGISTRATIONS (self));

  store = get_store (self);
  mark = liaison_store_get_last_seq (store);
  ids = selected_ids (self);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (store, g_ptr_array_index (ids, i), NULL);
      gboolean ok;

      if (r == NULL || liaison_registration_get_status (r) == status)
        continue;
      /* Taking back a check-in is a correction, one person at a time. */
      if (liaison_registration_get_status (r) == LIAISON_REGISTRATION_ATTENDED &&
          status != LIAISON_REGISTRATION_NO_SHOW)
        {
          refused++;
          continue;
        }
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

void
liaison_event_registrations_bulk_remove (LiaisonEventRegistrations *self)
{
  LiaisonStore *store;
  gint64        mark;
  g_autoptr (GPtrArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (LIAISON_IS_EVENT_REGISTRATIONS (self));

  store = get_store (self);
  mark = liaison_store_get_last_seq (store);
  ids = selected_ids (self);
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
