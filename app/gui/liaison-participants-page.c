/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-duplicates-window.h"
#include "liaison-export-dialog.h"
#include "liaison-participant-editor.h"
#include "liaison-participant-list.h"
#include "liaison-participant-view.h"
#include "liaison-participants-page.h"
#include "liaison-slot-list.h"

/* The paged list holds at most this many search results (SEARCH_LIMIT in
 * liaison-participant-list.c): a full page means there may be more. */
#define SEARCH_RESULTS_SHOWN 500
/* Edits come in bursts (an import, a sync, an undo of many rows). */
#define REFRESH_DELAY_MS 150

struct _LiaisonParticipantsPage
{
  AdwBin parent_instance;

  LiaisonContext *context;
  gboolean        folded;

  LiaisonParticipantList *list;
  LiaisonSlotList        *slots;
  /* GtkListItem → CellFill: the cells on show, refilled when the list changes. */
  GHashTable     *bound_cells;
  GCancellable   *search_cancellable;
  LiaisonLanguage language;
  gulong          changed_id;
  guint           refresh_source;
  guint           search_source;
  gboolean        stale;

  GtkStack               *stack;
  GtkSearchEntry         *search_entry;
  GtkLabel               *count_label;
  GtkStack               *results_stack;
  GtkColumnView          *column_view;
  GtkNoSelection         *selection;
  AdwStatusPage          *empty_page;
  LiaisonParticipantView *view;
};

G_DEFINE_FINAL_TYPE (LiaisonParticipantsPage, liaison_participants_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_search (LiaisonParticipantsPage *self);
static void refill_cells (LiaisonParticipantsPage *self);

static void
update_actions (LiaisonParticipantsPage *self)
{
  gboolean person = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "person") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.back", person);
}

static void
update_count (LiaisonParticipantsPage *self)
{
  const char      *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint            n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  g_autofree char *count = NULL;

  if (*query == '\0')
    count = g_strdup_printf (ngettext ("%'u participant", "%'u participants", n), n);
  else if (n == 0)
    count = g_strdup (_ ("No matches"));
  else if (n >= SEARCH_RESULTS_SHOWN)
    /* Translators: the search stopped at this many people; typing more narrows it */
    count = g_strdup_printf (_ ("First %'u matches"), n);
  else
    count = g_strdup_printf (ngettext ("%'u match", "%'u matches", n), n);
  gtk_label_set_label (self->count_label, count);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->results_stack, "people");
      return;
    }

  gtk_stack_set_visible_child_name (self->results_stack, "empty");
  if (*query == '\0')
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _ ("No Participants Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _ ("Add the people who take part in events with New Participant "
                                          "(Ctrl+Shift+N); they are then ready to register for any event."));
    }
  else
    {
      g_autofree char *description = NULL;

      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _ ("No One Found"));
      description = g_strdup_printf (_ ("Nobody matches “%s”. Type part of a name in any script "
                                        "(“li xia” finds 李霞), an e-mail address or an organisation; "
                                        "or add the person if they are new."),
                                     query);
      adw_status_page_set_description (self->empty_page, description);
    }
}

static void
on_query_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonParticipantsPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!liaison_participant_list_set_query_finish (LIAISON_PARTICIPANT_LIST (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->context != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }
  update_count (self);
}

static void
start_search (LiaisonParticipantsPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->list == NULL)
    return;
  /* Only the newest query's answer may reach the list. */
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  liaison_participant_list_set_query_async (self->list, query, self->search_cancellable, on_query_done,
                                            g_object_ref (self));
}

/* The first look at the page reads every rowid (the list's own load,
 * ~25 ms for 100,000 people); the window opens without waiting for it. */
static void
ensure_list (LiaisonParticipantsPage *self)
{
  const char *query;

  if (self->list != NULL || self->context == NULL)
    return;
  self->list = liaison_participant_list_new (liaison_context_get_store (self->context));
  self->slots = liaison_slot_list_new (G_LIST_MODEL (self->list));
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->slots));
  /* The view keeps its rows: their text is refilled here. */
  g_signal_connect_object (self->slots, "contents-changed", G_CALLBACK (refill_cells), self, G_CONNECT_SWAPPED);
  query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (*query != '\0')
    start_search (self);
  else
    update_count (self);
}

static void
refresh (LiaisonParticipantsPage *self)
{
  self->stale = FALSE;
  if (self->list != NULL)
    start_search (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "person") == 0)
    liaison_participant_view_reload (self->view);
}

/* A hidden page reads again when it is shown, not after every change of
 * an import or a sync made meanwhile. */
static gboolean
refresh_cb (gpointer data)
{
  LiaisonParticipantsPage *self = data;

  self->refresh_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
schedule_refresh (gpointer data)
{
  LiaisonParticipantsPage *self = data;

  if (self->refresh_source == 0 && self->context != NULL)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
  return G_SOURCE_REMOVE;
}

/* The store signals on the thread that committed: a sync may write from
 * another one. */
static void
on_store_changed (LiaisonParticipantsPage *self)
{
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, schedule_refresh, g_object_ref (self), g_object_unref);
}

/* Cells: one GtkInscription each (its size does not follow its text, so
 * new text costs no relayout), filled from the person the list loaded. */

typedef void (*CellFill) (LiaisonParticipantsPage *self, GtkInscription *cell, LiaisonParticipant *p);

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, cell);
}

/* The row a cell is in: GTK 4.8's column view puts each cell in a row
 * of its inner list view. */
static GtkWidget *
row_of_cell (GtkWidget *cell)
{
  GtkWidget *column_cell = gtk_widget_get_parent (cell);
  GtkWidget *row = column_cell != NULL ? gtk_widget_get_parent (column_cell) : NULL;

  if (row == NULL || !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
    return NULL;
  return row;
}

static void
fill_cell (LiaisonParticipantsPage *self, GtkListItem *item, CellFill fill)
{
  LiaisonSlot    *slot = gtk_list_item_get_item (item);
  gpointer        p = slot != NULL ? liaison_slot_get_item (slot) : NULL;
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  gboolean        kept = slot != NULL && liaison_slot_list_is_kept (self->slots, liaison_slot_get_position (slot));
  GtkWidget      *row = row_of_cell (GTK_WIDGET (cell));

  /* A position kept past the results: its row stays built, hidden, for
   * the next search that has more (liaison-slot-list.c). */
  if (row != NULL && gtk_widget_get_visible (row) == kept)
    {
      gtk_widget_set_visible (row, !kept);
      /* Nor can the keyboard reach it (End, Page Down). */
      gtk_widget_set_can_focus (row, !kept);
    }
  /* A row deleted a moment ago, before the list re-read its rows. */
  if (!LIAISON_IS_PARTICIPANT (p))
    gtk_inscription_set_text (cell, NULL);
  else
    fill (self, cell, p);
}

static void
bind_cell (LiaisonParticipantsPage *self, GtkListItem *item, CellFill fill)
{
  g_hash_table_insert (self->bound_cells, item, fill);
  fill_cell (self, item, fill);
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, LiaisonParticipantsPage *self)
{
  g_hash_table_remove (self->bound_cells, item);
}

static void
refill_cells (LiaisonParticipantsPage *self)
{
  GHashTableIter iter;
  gpointer       item, fill;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &item, &fill))
    fill_cell (self, item, (CellFill) fill);
}

static void
fill_name (LiaisonParticipantsPage *self, GtkInscription *cell, LiaisonParticipant *p)
{
  g_autofree char *name = liaison_participant_dup_native_name (p);
  const char      *honorific = liaison_participant_get_honorific (p);

  if (name == NULL)
    name = liaison_participant_dup_latin_name (p);
  if (honorific != NULL && name != NULL)
    {
      /* Translators: an honorific (H.E., Dr) and a name */
      g_autofree char *titled = g_strdup_printf (C_ ("honorific and name", "%1$s %2$s"), honorific, name);
      gtk_inscription_set_text (cell, titled);
    }
  else
    gtk_inscription_set_text (cell, name);
}

static void
fill_latin (LiaisonParticipantsPage *self, GtkInscription *cell, LiaisonParticipant *p)
{
  g_autofree char *native = liaison_participant_dup_native_name (p);
  g_autofree char *latin = NULL;

  /* A Latin-only name is already in the first column. */
  if (native != NULL)
    latin = liaison_participant_dup_latin_name (p);
  gtk_inscription_set_text (cell, latin);
}

static void
fill_country (LiaisonParticipantsPage *self, GtkInscription *cell, LiaisonParticipant *p)
{
  const char           *code = liaison_participant_get_country (p);
  const LiaisonCountry *country = liaison_country_lookup (code);

  gtk_inscription_set_text (cell, country != NULL ? liaison_country_get_name (country, self->language) : code);
}

static void
fill_organisation (LiaisonParticipantsPage *self, GtkInscription *cell, LiaisonParticipant *p)
{
  gtk_inscription_set_text (cell,
                            liaison_bilingual_get_display (liaison_participant_get_organisation (p), self->language));
}

static void
fill_sector (LiaisonParticipantsPage *self, GtkInscription *cell, LiaisonParticipant *p)
{
  gtk_inscription_set_text (cell, liaison_sector_label (liaison_participant_get_sector (p)));
}

static void
fill_email (LiaisonParticipantsPage *self, GtkInscription *cell, LiaisonParticipant *p)
{
  const char *const *emails = liaison_participant_get_emails (p);

  gtk_inscription_set_text (cell, emails != NULL ? emails[0] : NULL);
}

static void
bind_name_cell (GtkSignalListItemFactory *factory, GtkListItem *item, LiaisonParticipantsPage *self)
{
  bind_cell (self, item, fill_name);
}

static void
bind_latin_cell (GtkSignalListItemFactory *factory, GtkListItem *item, LiaisonParticipantsPage *self)
{
  bind_cell (self, item, fill_latin);
}

static void
bind_country_cell (GtkSignalListItemFactory *factory, GtkListItem *item, LiaisonParticipantsPage *self)
{
  bind_cell (self, item, fill_country);
}

static void
bind_organisation_cell (GtkSignalListItemFactory *factory, GtkListItem *item, LiaisonParticipantsPage *self)
{
  bind_cell (self, item, fill_organisation);
}

static void
bind_sector_cell (GtkSignalListItemFactory *factory, GtkListItem *item, LiaisonParticipantsPage *self)
{
  bind_cell (self, item, fill_sector);
}

static void
bind_email_cell (GtkSignalListItemFactory *factory, GtkListItem *item, LiaisonParticipantsPage *self)
{
  bind_cell (self, item, fill_email);
}

static void
show_list (LiaisonParticipantsPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  update_actions (self);
}

static gboolean
search_idle_cb (gpointer data)
{
  LiaisonParticipantsPage *self = data;

  self->search_source = 0;
  start_search (self);
  return G_SOURCE_REMOVE;
}

/* Replacing the text (a paste over a selection, set_text) empties the
 * entry first, and an empty search re-reads every rowid: search for what
 * the entry holds once the change is complete. */
static void
on_search_changed (LiaisonParticipantsPage *self)
{
  if (self->search_source == 0)
    self->search_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, search_idle_cb, self, NULL);
}

static void
on_stop_search (LiaisonParticipantsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search box goes to the results, so the arrows and Enter
 * pick a person. */
static void
on_search_activate (LiaisonParticipantsPage *self)
{
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);
}

static void
on_column_view_activate (LiaisonParticipantsPage *self, guint position)
{
  g_autoptr (LiaisonParticipant) p = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (LIAISON_IS_PARTICIPANT (p))
    liaison_participants_page_show_participant (self, liaison_participant_get_id (p));
}

static void
on_editor_saved (LiaisonParticipantsPage *self, const char *id)
{
  liaison_participants_page_show_participant (self, id);
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonParticipantsPage *self = LIAISON_PARTICIPANTS_PAGE (widget);

  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
new_participant_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonParticipantsPage  *self = LIAISON_PARTICIPANTS_PAGE (widget);
  LiaisonParticipantEditor *editor = liaison_participant_editor_new (self->context, NULL);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

/* Those the search finds, or everyone (liaison-export-dialog.c). */
static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonParticipantsPage *self = LIAISON_PARTICIPANTS_PAGE (widget);

  liaison_export_dialog_present (widget, self->context, LIAISON_EXPORT_PARTICIPANTS, NULL,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* The likely duplicates among everyone, in a window of their own. */
static void
find_duplicates_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonParticipantsPage *self = LIAISON_PARTICIPANTS_PAGE (widget);
  LiaisonDuplicatesWindow *window = liaison_duplicates_window_new (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (window));
  liaison_duplicates_window_scan (window);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonParticipantsPage *self = LIAISON_PARTICIPANTS_PAGE (widget);

  show_list (self);
  /* Back where the person was picked from. */
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
liaison_participants_page_map (GtkWidget *widget)
{
  LiaisonParticipantsPage *self = LIAISON_PARTICIPANTS_PAGE (widget);

  if (self->list == NULL)
    ensure_list (self);
  else if (self->stale)
    refresh (self);
  GTK_WIDGET_CLASS (liaison_participants_page_parent_class)->map (widget);
}

static void
liaison_participants_page_constructed (GObject *object)
{
  LiaisonParticipantsPage *self = (LiaisonParticipantsPage *) object;

  G_OBJECT_CLASS (liaison_participants_page_parent_class)->constructed (object);

  liaison_participant_view_set_context (self->view, self->context);
  self->changed_id = g_signal_connect_swapped (liaison_context_get_store (self->context), "changed",
                                               G_CALLBACK (on_store_changed), self);
}

static void
liaison_participants_page_dispose (GObject *object)
{
  LiaisonParticipantsPage *self = (LiaisonParticipantsPage *) object;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->search_source, g_source_remove);
  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, liaison_context_get_store (self->context));

  /* The stack is both the bin's child and a template child: unparent it
   * once, here, not again in AdwBin's dispose. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_PARTICIPANTS_PAGE);
  g_clear_object (&self->slots);
  g_clear_object (&self->list);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_participants_page_parent_class)->dispose (object);
}

static void
liaison_participants_page_finalize (GObject *object)
{
  LiaisonParticipantsPage *self = (LiaisonParticipantsPage *) object;

  g_clear_pointer (&self->bound_cells, g_hash_table_unref);

  G_OBJECT_CLASS (liaison_participants_page_parent_class)->finalize (object);
}

static void
liaison_participants_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonParticipantsPage *self = (LiaisonParticipantsPage *) object;

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
liaison_participants_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonParticipantsPage *self = (LiaisonParticipantsPage *) object;

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_participants_page_class_init (LiaisonParticipantsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_participants_page_constructed;
  object_class->dispose = liaison_participants_page_dispose;
  object_class->finalize = liaison_participants_page_finalize;
  object_class->get_property = liaison_participants_page_get_property;
  object_class->set_property = liaison_participants_page_set_property;
  widget_class->map = liaison_participants_page_map;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The window is folded to one column: the header shows a back button. */
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIAISON_TYPE_PARTICIPANT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chinaaseanenv/Liaison/ui/liaison-participants-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonParticipantsPage, view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_name_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_latin_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_country_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_organisation_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_sector_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_email_cell);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.new-participant", NULL, new_participant_action);
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.find-duplicates", NULL, find_duplicates_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_X, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "page.export", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "page.new-participant", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "page.back", NULL);
}

static void
liaison_participants_page_init (LiaisonParticipantsPage *self)
{
  self->bound_cells = g_hash_table_new (g_direct_hash, g_direct_equal);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->language = liaison_language_for_locale ();
  /* Typing anywhere in the list searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  update_actions (self);
}

GtkWidget *
liaison_participants_page_new (LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_PARTICIPANTS_PAGE, "context", context, NULL);
}

/* Works at any time, also before the list has loaded: the person's page
 * reads them by id. */
void
liaison_participants_page_show_participant (LiaisonParticipantsPage *self, const char *id)
{
  g_return_if_fail (LIAISON_IS_PARTICIPANTS_PAGE (self));
  g_return_if_fail (id != NULL);

  liaison_participant_view_show (self->view, id);
  gtk_stack_set_visible_child_name (self->stack, "person");
  update_actions (self);
  /* Keyboard users land on the person (their back button first). */
  gtk_widget_child_focus (GTK_WIDGET (self->view), GTK_DIR_TAB_FORWARD);
}
