/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "liaison-csv.h"
#include "liaison-gui-format.h"
#include "liaison-ics-import.h"
#include "liaison-import-dialog.h"
#include "liaison-people-import.h"
#include "liaison-registration-rows.h"

/* Files in, from the window: a table of people (CSV, tab-separated text,
 * Excel), a calendar (.ics) or an answer to an invitation. The file is
 * read, then shown as it will be read (the encoding can be changed, each
 * column mapped), then each person is matched against the people here and
 * the rows that need a decision are listed; nothing is written until
 * Import, which is one change the window's Undo takes back. Reading,
 * matching and writing run on worker threads with their own connections,
 * with progress and Cancel. */

#define PREVIEW_ROWS 8
#define LISTED_ROWS 200

typedef enum
{
  WORK_READ,
  WORK_PREPARE,
  WORK_APPLY,
  WORK_APPLY_EVENTS,
  WORK_APPLY_REPLIES,
} WorkKind;

struct _LiaisonImportDialog
{
  AdwWindow parent_instance;

  LiaisonContext      *context;
  GFile               *file;
  char                *encoding; /* chosen by the person, or NULL */
  LiaisonPeopleImport *import;
  char                *ics_text;
  GPtrArray           *events;   /* LiaisonIcsEvent */
  GPtrArray           *outcomes; /* LiaisonReplyOutcome, a dry run */
  GPtrArray           *event_ids;
  char                *preset_event; /* opened from an event's page */
  GCancellable        *cancellable;
  WorkKind             work;
  gboolean             busy;
  gint                 progress; /* per mille, written by the worker */
  guint                progress_source;
  gboolean             filling;
  GPtrArray           *added_rows; /* rows put into groups, to take out again */

  AdwWindowTitle      *window_title;
  GtkWidget           *next_button;
  GtkStack            *stack;
  GtkLabel            *busy_label;
  GtkProgressBar      *progress_bar;
  AdwStatusPage       *error_page;
  AdwPreferencesGroup *error_encoding_group;
  AdwComboRow         *error_encoding_row;
  GtkLabel            *file_label;
  GtkLabel            *notes_label;
  AdwPreferencesGroup *encoding_group;
  AdwComboRow         *encoding_row;
  AdwPreferencesGroup *preview_group;
  AdwPreferencesGroup *columns_group;
  AdwComboRow         *event_row;
  AdwComboRow         *role_row;
  AdwComboRow         *status_row;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *duplicates_group;
  AdwComboRow         *duplicates_row;
  AdwPreferencesGroup *rows_group;
};

G_DEFINE_FINAL_TYPE (LiaisonImportDialog, liaison_import_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_FILE,
  PROP_EVENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_read (LiaisonImportDialog *self);

/* ------------------------------------------------------------------------ */
/* Small helpers                                                             */

static LiaisonStore *
store_of (LiaisonImportDialog *self)
{
  return liaison_context_get_store (self->context);
}

static AdwActionRow *
add_row (LiaisonImportDialog *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  /* Names and cells are text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (self->added_rows, g_object_ref (row));
  return row;
}

static void
clear_group (LiaisonImportDialog *self,
             AdwPreferencesGroup *group)
{
  for (guint i = self->added_rows->len; i > 0; i--)
    {
      GtkWidget *row = g_ptr_array_index (self->added_rows, i - 1);

      if (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP) == GTK_WIDGET (group))
        {
          adw_preferences_group_remove (group, row);
          g_ptr_array_remove_index (self->added_rows, i - 1);
        }
    }
}

static char *
file_name (LiaisonImportDialog *self)
{
  return self->file != NULL ? g_file_get_basename (self->file) : g_strdup ("");
}

static void
show_page (LiaisonImportDialog *self,
           const char          *name,
           const char          *next_label)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->next_button, next_label != NULL);
  if (next_label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->next_button), next_label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", next_label != NULL);
}

static void
show_error (LiaisonImportDialog *self,
            const char          *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_encoding_group), FALSE);
  show_page (self, "error", NULL);
}

/* The encodings a person can pick, the one in use selected. */
static void
fill_encoding_row (LiaisonImportDialog *self,
                   AdwComboRow         *row,
                   const char          *current)
{
  const char *const *names = liaison_csv_encodings ();
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = G_MAXUINT, n = 0;

  for (; names[n] != NULL; n++)
    {
      gtk_string_list_append (list, names[n]);
      if (current != NULL && g_ascii_strcasecmp (names[n], current) == 0)
        selected = n;
    }
  /* What the detector found, if it is not in the usual list. */
  if (selected == G_MAXUINT && current != NULL)
    {
      gtk_string_list_append (list, current);
      selected = n;
    }
  self->filling = TRUE;
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, selected == G_MAXUINT ? 0 : selected);
  self->filling = FALSE;
}

/* Not text in the encoding tried: the message, and the others to try. */
static void
show_encoding_error (LiaisonImportDialog *self,
                     const char          *message)
{
  show_error (self, message);
  fill_encoding_row (self, self->error_encoding_row, self->encoding);
  gtk_widget_set_visible (GTK_WIDGET (self->error_encoding_group), TRUE);
}

static gboolean
tick_progress (gpointer data)
{
  LiaisonImportDialog *self = data;
  int                  permille = g_atomic_int_get (&self->progress);

  gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
on_progress (double   fraction,
             gpointer data)
{
  LiaisonImportDialog *self = data;

  g_atomic_int_set (&self->progress, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
set_busy (LiaisonImportDialog *self,
          gboolean             busy,
          const char          *what)
{
  self->busy = busy;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (busy)
    {
      g_atomic_int_set (&self->progress, 0);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_label_set_label (self->busy_label, what);
      self->progress_source = g_timeout_add (100, tick_progress, self);
      g_set_object (&self->cancellable, NULL);
      self->cancellable = g_cancellable_new ();
      show_page (self, "busy", NULL);
    }
}

/* ------------------------------------------------------------------------ */
/* Work on a thread                                                          */

typedef struct
{
  WorkKind             kind;
  char                *db_path;
  char                *path;
  char                *encoding;
  LiaisonPeopleImport *import;
  char                *ics_text;
  char                *own_zone; /* for times a calendar file leaves floating */
  GPtrArray           *events;
  LiaisonTable        *table;
  GPtrArray           *outcomes;
  gboolean             is_calendar;
  gboolean             is_reply;
  LiaisonImportSummary summary;
  guint                added;
  guint                updated;
  gint64               mark;
} Work;

static void
work_free (Work *w)
{
  g_free (w->db_path);
  g_free (w->path);
  g_free (w->encoding);
  g_clear_object (&w->import);
  g_free (w->ics_text);
  g_free (w->own_zone);
  g_clear_pointer (&w->events, g_ptr_array_unref);
  g_clear_pointer (&w->table, liaison_table_unref);
  g_clear_pointer (&w->outcomes, g_ptr_array_unref);
  g_free (w);
}

/* A calendar starts so, whatever its name ends in. */
static gboolean
looks_like_calendar (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, NULL);
  char        head[64] = { 0 };
  gsize       n = 0;
  const char *p = head;

  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head - 1, &n, NULL, NULL))
    return FALSE;
  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  return g_ascii_strncasecmp (p, "BEGIN:VCALENDAR", 15) == 0;
}

static void
work_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  LiaisonImportDialog *self = source;
  Work                *w = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = NULL;
  gboolean ok = FALSE;

  switch (w->kind)
    {
    case WORK_READ:
      if (looks_like_calendar (w->path))
        {
          gsize            length = 0;
          g_autofree char *method = NULL;

          w->is_calendar = TRUE;
          if (!g_file_get_contents (w->path, &w->ics_text, &length, &error))
            break;
          if (length > LIAISON_TABLE_MAX_BYTES || !g_utf8_validate_len (w->ics_text, length, NULL))
            {
              g_set_error_literal (&error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_ENCODING,
                                   _ ("The file is not an iCalendar file: iCalendar is UTF-8 text of at most 64 MB"));
              break;
            }
          method = liaison_ics_method (w->ics_text);
          w->is_reply = g_strcmp0 (method, "REPLY") == 0;
          store = liaison_store_open_reader (w->db_path, &error);
          if (store == NULL)
            break;
          if (w->is_reply)
            ok = (w->outcomes = liaison_ics_apply_replies (store, w->ics_text, TRUE, &error)) != NULL;
          else
            ok = (w->events = liaison_ics_read_events (store, w->ics_text, w->own_zone, &error)) != NULL;
        }
      else
        {
          LiaisonTableOptions options = { w->encoding, 0, 0 };

          w->table = liaison_table_read_file (w->path, &options, on_progress, self, cancellable, &error);
          ok = w->table != NULL;
        }
      break;
    case WORK_PREPARE:
      store = liaison_store_open_reader (w->db_path, &error);
      ok = store != NULL && liaison_people_import_prepare (w->import, store, on_progress, self, cancellable, &error);
      break;
    case WORK_APPLY:
      store = liaison_store_open (w->db_path, &error);
      ok = store != NULL && liaison_people_import_apply (w->import, store, on_progress, self, cancellable, &w->summary, &error);
      break;
    case WORK_APPLY_EVENTS:
      store = liaison_store_open (w->db_path, &error);
      if (store != NULL)
        {
          w->mark = liaison_store_get_last_seq (store);
          ok = liaison_ics_import_events (store, w->events, &w->added, &w->updated, &error);
        }
      break;
    case WORK_APPLY_REPLIES:
    default:
      store = liaison_store_open (w->db_path, &error);
      if (store != NULL)
        {
          w->mark = liaison_store_get_last_seq (store);
          ok = (w->outcomes = liaison_ics_apply_replies (store, w->ics_text, FALSE, &error)) != NULL;
        }
      break;
    }
  if (store != NULL)
    liaison_store_close (store);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void on_work_done (GObject      *source,
                          GAsyncResult *result,
                          gpointer      data);

static void
run (LiaisonImportDialog *self,
     Work                *w,
     const char          *what)
{
  g_autoptr (GTask) task = NULL;

  w->db_path = g_strdup (liaison_store_get_path (store_of (self)));
  self->work = w->kind;
  set_busy (self, TRUE, what);
  task = g_task_new (self, self->cancellable, on_work_done, NULL);
  g_task_set_task_data (task, w, (GDestroyNotify) work_free);
  g_task_run_in_thread (task, work_thread);
}

/* ------------------------------------------------------------------------ */
/* The columns and the preview                                               */

static char *
row_summary (LiaisonParticipant *p)
{
  g_autoptr (GString) s = g_string_new (NULL);
  const char *const *emails = liaison_participant_get_emails (p);
  const char        *country = liaison_participant_get_country (p);
  LiaisonBilingual  *org = liaison_participant_get_organisation (p);
  const char        *org_text = liaison_bilingual_get_display (org, liaison_language_for_locale ());

  if (country != NULL && liaison_country_lookup (country) != NULL)
    g_string_append (s, liaison_country_get_name (liaison_country_lookup (country), liaison_language_for_locale ()));
  if (emails != NULL && emails[0] != NULL)
    g_string_append_printf (s, "%s%s", s->len > 0 ? " · " : "", emails[0]);
  if (org_text != NULL && *org_text != '\0')
    g_string_append_printf (s, "%s%s", s->len > 0 ? " · " : "", org_text);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
fill_preview (LiaisonImportDialog *self)
{
  guint n = liaison_people_import_get_n_data_rows (self->import);

  clear_group (self, self->preview_group);
  for (guint i = 0; i < MIN (n, PREVIEW_ROWS); i++)
    {
      g_autoptr (GPtrArray) problems = NULL;
      g_autoptr (LiaisonParticipant) p = liaison_people_import_read_row (self->import, i, &problems);
      g_autofree char *name = liaison_participant_dup_display_name (p);
      g_autofree char *details = row_summary (p);
      AdwActionRow    *row;

      row = add_row (self, self->preview_group, name != NULL && *name != '\0' ? name : "—",
                     problems->len > 0 ? ((LiaisonImportProblem *) g_ptr_array_index (problems, 0))->message : details);
      if (problems->len > 0)
        gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
  if (n == 0)
    add_row (self, self->preview_group, _ ("No rows under the header"), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", liaison_people_import_has_name_column (self->import) && n > 0);
}

static void
on_field_changed (AdwComboRow         *row,
                  GParamSpec          *pspec,
                  LiaisonImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  if (self->filling)
    return;
  liaison_people_import_set_field (self->import, column, adw_combo_row_get_selected (row));
  fill_preview (self);
}

static void
fill_columns (LiaisonImportDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint f = 0; f < LIAISON_IMPORT_N_FIELDS; f++)
    gtk_string_list_append (labels, liaison_import_field_label (f));
  clear_group (self, self->columns_group);
  self->filling = TRUE;
  for (guint c = 0; c < liaison_people_import_get_n_columns (self->import); c++)
    {
      AdwComboRow     *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autofree char *letter = liaison_table_column_name (c);
      const char      *header = liaison_people_import_get_header (self->import, c);
      g_autofree char *title = *header != '\0' ? g_strdup_printf ("%s · %s", letter, header) : g_strdup (letter);
      const char      *example = liaison_table_get_cell (liaison_people_import_get_table (self->import),
                                                         liaison_people_import_get_header_row (self->import) + 1, c);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (example != NULL && *example != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), example);
      adw_combo_row_set_model (row, G_LIST_MODEL (labels));
      adw_combo_row_set_selected (row, liaison_people_import_get_field (self->import, c));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_field_changed), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->added_rows, g_object_ref (row));
    }
  self->filling = FALSE;
}

static void
fill_encodings (LiaisonImportDialog *self)
{
  LiaisonTable *table = liaison_people_import_get_table (self->import);

  gtk_widget_set_visible (GTK_WIDGET (self->encoding_group), table->format == LIAISON_TABLE_TEXT);
  if (table->format == LIAISON_TABLE_TEXT)
    fill_encoding_row (self, self->encoding_row, table->encoding);
}

static void
on_encoding_changed (AdwComboRow         *row,
                     GParamSpec          *pspec,
                     LiaisonImportDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  if (self->filling || item == NULL)
    return;
  g_free (self->encoding);
  self->encoding = g_strdup (gtk_string_object_get_string (item));
  start_read (self);
}

/* Whom the people are registered for, in which role and status (where
 * the file has no column for them): the CLI's defaults, the event the
 * dialog was opened from. */
static void
fill_events (LiaisonImportDialog *self)
{
  g_clear_pointer (&self->event_ids, g_ptr_array_unref);
  self->event_ids = liaison_registration_rows_fill_events (self->event_row, store_of (self), _ ("Nobody: only import the people"),
                                                           self->preset_event);
  liaison_registration_rows_fill_roles (self->role_row, LIAISON_ROLE_DELEGATE);
  liaison_registration_rows_fill_statuses (self->status_row, LIAISON_REGISTRATION_REGISTERED);
}

static void
on_event_chosen (LiaisonImportDialog *self)
{
  gboolean any = adw_combo_row_get_selected (self->event_row) > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->role_row), any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), any);
}

static void
show_table (LiaisonImportDialog *self)
{
  LiaisonTable    *table = liaison_people_import_get_table (self->import);
  g_autofree char *name = file_name (self);
  g_autofree char *about = NULL;
  guint            n = liaison_people_import_get_n_data_rows (self->import);
  guint            header_line = liaison_table_get_line (table, liaison_people_import_get_header_row (self->import));

  adw_window_title_set_subtitle (self->window_title, name);
  if (table->format == LIAISON_TABLE_XLSX)
    /* Translators: %1$s a sheet's name, %2$u a line number, %3$u a count of rows */
    about = g_strdup_printf (g_dngettext (NULL, "Sheet “%1$s”, header on line %2$u, %3$u row of people.",
                                          "Sheet “%1$s”, header on line %2$u, %3$u rows of people.", n),
                             table->sheet != NULL ? table->sheet : "", header_line, n);
  else
    /* Translators: %1$u a line number, %2$u a count of rows */
    about = g_strdup_printf (g_dngettext (NULL, "Header on line %1$u, %2$u row of people.",
                                          "Header on line %1$u, %2$u rows of people.", n),
                             header_line, n);
  gtk_label_set_label (self->file_label, about);
  {
    g_autoptr (GString) notes = g_string_new (NULL);

    for (guint i = 0; i < table->notes->len; i++)
      g_string_append_printf (notes, "%s%s", i > 0 ? "\n" : "", (const char *) g_ptr_array_index (table->notes, i));
    gtk_label_set_label (self->notes_label, notes->str);
    gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes->len > 0);
  }
  fill_encodings (self);
  fill_columns (self);
  fill_preview (self);
  if (self->event_ids == NULL)
    fill_events (self);
  show_page (self, "columns", _ ("_Next"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", liaison_people_import_has_name_column (self->import) && n > 0);
}

/* The mapping a person chose for these headers, kept for next time. */
static void
remember_mapping (LiaisonImportDialog *self)
{
  GSettings       *settings = liaison_context_get_settings (self->context);
  g_autofree char *key = liaison_people_import_dup_header_key (self->import);
  g_autofree char *mapping = liaison_people_import_dup_mapping (self->import);
  g_autoptr (GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter    iter;
  const char     *k, *v;

  if (settings == NULL)
    return;
  old = g_settings_get_value (settings, "import-column-mappings");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, key))
      g_variant_builder_add (&builder, "{ss}", k, v);
  g_variant_builder_add (&builder, "{ss}", key, mapping);
  g_settings_set_value (settings, "import-column-mappings", g_variant_builder_end (&builder));
}

static void
recall_mapping (LiaisonImportDialog *self)
{
  GSettings       *settings = liaison_context_get_settings (self->context);
  g_autofree char *key = liaison_people_import_dup_header_key (self->import);
  g_autofree char *mapping = NULL;
  g_autoptr (GVariant) all = NULL;

  if (settings == NULL)
    return;
  all = g_settings_get_value (settings, "import-column-mappings");
  if (g_variant_lookup (all, key, "s", &mapping))
    liaison_people_import_set_mapping (self->import, mapping, NULL);
}

/* ------------------------------------------------------------------------ */
/* The review                                                                */

static const char *
kind_label (LiaisonImportRowKind kind)
{
  switch (kind)
    {
    case LIAISON_IMPORT_ROW_NEW:
      return C_ ("import row", "new");
    case LIAISON_IMPORT_ROW_UPDATE:
      return C_ ("import row", "update");
    case LIAISON_IMPORT_ROW_DUPLICATE:
      return C_ ("import row", "possible duplicate");
    case LIAISON_IMPORT_ROW_BAD:
    default:
      return C_ ("import row", "bad");
    }
}

static void
update_import_button (LiaisonImportDialog *self)
{
  guint n = liaison_people_import_count_decided (self->import, LIAISON_IMPORT_ADD) +
            liaison_people_import_count_decided (self->import, LIAISON_IMPORT_UPDATE);
  g_autofree char *label = g_strdup_printf (g_dngettext (NULL, "_Import %u Person", "_Import %u People", n), n);

  gtk_button_set_label (GTK_BUTTON (self->next_button), label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", n > 0);
}

static void
on_row_decision (GtkDropDown         *dropdown,
                 GParamSpec          *pspec,
                 LiaisonImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "row"));

  if (self->filling)
    return;
  liaison_people_import_decide (self->import, index, gtk_drop_down_get_selected (dropdown));
  update_import_button (self);
}

static void
fill_review (LiaisonImportDialog *self)
{
  GPtrArray       *rows = liaison_people_import_get_rows (self->import);
  guint            listed = 0, rest = 0;
  guint            possible = liaison_people_import_count (self->import, LIAISON_IMPORT_ROW_DUPLICATE);
  g_autofree char *summary = NULL;

  /* Translators: the counts of an import's rows */
  summary = g_strdup_printf (_ ("%1$u new, %2$u to update, %3$u possible duplicates, %4$u that cannot be imported"),
                             liaison_people_import_count (self->import, LIAISON_IMPORT_ROW_NEW),
                             liaison_people_import_count (self->import, LIAISON_IMPORT_ROW_UPDATE), possible,
                             liaison_people_import_count (self->import, LIAISON_IMPORT_ROW_BAD));
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), possible > 0);
  {
    const char *choices[] = { _ ("Leave them out"), _ ("Add them as new people"), _ ("Update the people here"), NULL };
    g_autoptr (GtkStringList) list = gtk_string_list_new (choices);

    self->filling = TRUE;
    adw_combo_row_set_model (self->duplicates_row, G_LIST_MODEL (list));
    adw_combo_row_set_selected (self->duplicates_row, 0);
    self->filling = FALSE;
  }

  clear_group (self, self->rows_group);
  self->filling = TRUE;
  for (guint i = 0; i < rows->len; i++)
    {
      LiaisonImportRow *row = g_ptr_array_index (rows, i);
      g_autofree char  *name = NULL;
      g_autofree char  *title = NULL;
      g_autofree char  *subtitle = NULL;
      AdwActionRow     *widget;

      if (row->kind == LIAISON_IMPORT_ROW_NEW)
        continue;
      if (listed >= LISTED_ROWS)
        {
          rest++;
          continue;
        }
      listed++;
      name = liaison_participant_dup_display_name (row->person);
      /* Translators: a row of an imported file: its line, its name, what it is (“possible duplicate”) */
      title = g_strdup_printf (_ ("Line %1$u · %2$s · %3$s"), row->line, name != NULL && *name != '\0' ? name : "—",
                               kind_label (row->kind));
      if (row->kind == LIAISON_IMPORT_ROW_BAD)
        {
          g_autoptr (GString) s = g_string_new (NULL);

          for (guint p = 0; p < row->problems->len; p++)
            g_string_append_printf (s, "%s%s", p > 0 ? "\n" : "", ((LiaisonImportProblem *) g_ptr_array_index (row->problems, p))->message);
          subtitle = g_string_free (g_steal_pointer (&s), FALSE);
        }
      else
        {
          g_autofree char *reasons = liaison_match_reasons_describe (row->reasons);

          if (row->match_line > 0)
            /* Translators: %1$u another line of the file, %2$s why (“same e-mail”) */
            subtitle = g_strdup_printf (_ ("The same person as line %1$u (%2$s)"), row->match_line, reasons);
          else
            /* Translators: %1$s a person already in Liaison, %2$s why (“same name, same country”) */
            subtitle = g_strdup_printf (_ ("Here already: %1$s (%2$s)"), row->match_name != NULL ? row->match_name : "", reasons);
        }
      widget = add_row (self, self->rows_group, title, subtitle);
      if (row->kind == LIAISON_IMPORT_ROW_BAD)
        gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
      else
        {
          const char *choices[] = { _ ("Leave out"), _ ("Add as new"), _ ("Update"), NULL };
          GtkWidget  *dropdown = gtk_drop_down_new_from_strings (row->match_id != NULL ? choices : (const char *[]){ choices[0], choices[1], NULL });

          gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), row->decision);
          g_object_set_data (G_OBJECT (dropdown), "row", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (widget), "dropdown", dropdown);
          g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_row_decision), self);
          gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
          adw_action_row_add_suffix (widget, dropdown);
        }
    }
  if (rest > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (NULL, "… and %u more row like these", "… and %u more rows like these", rest), rest);
      add_row (self, self->rows_group, more, NULL);
    }
  if (listed == 0)
    add_row (self, self->rows_group, _ ("Every row is a new person"), NULL);
  self->filling = FALSE;
  show_page (self, "review", "");
  update_import_button (self);
}

static void
on_duplicates_changed (LiaisonImportDialog *self)
{
  guint decision = adw_combo_row_get_selected (self->duplicates_row);

  if (self->filling || self->import == NULL || liaison_people_import_get_rows (self->import) == NULL)
    return;
  liaison_people_import_decide_kind (self->import, LIAISON_IMPORT_ROW_DUPLICATE, decision);
  /* The rows' own choices follow. */
  self->filling = TRUE;
  for (guint i = 0; i < self->added_rows->len; i++)
    {
      GtkWidget *dropdown = g_object_get_data (g_ptr_array_index (self->added_rows, i), "dropdown");

      if (dropdown != NULL)
        {
          guint             index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "row"));
          LiaisonImportRow *row = g_ptr_array_index (liaison_people_import_get_rows (self->import), index);

          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), row->decision);
        }
    }
  self->filling = FALSE;
  update_import_button (self);
}

/* ------------------------------------------------------------------------ */
/* Calendars and replies                                                     */

static void
fill_calendar (LiaisonImportDialog *self)
{
  guint            importable = 0;
  g_autofree char *name = file_name (self);

  adw_window_title_set_subtitle (self->window_title, name);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), FALSE);
  clear_group (self, self->rows_group);
  if (self->outcomes != NULL)
    {
      guint changes = 0;

      for (guint i = 0; i < self->outcomes->len; i++)
        {
          LiaisonReplyOutcome *o = g_ptr_array_index (self->outcomes, i);
          AdwActionRow        *row = add_row (self, self->rows_group, o->message, NULL);

          changes += o->changed;
          if (o->registration_id == NULL)
            gtk_widget_add_css_class (GTK_WIDGET (row), "error");
        }
      gtk_label_set_label (self->summary_label, _ ("An answer to an invitation"));
      {
        g_autofree char *label = g_strdup_printf (g_dngettext (NULL, "_Apply %u Answer", "_Apply %u Answers", changes), changes);
        show_page (self, "review", label);
        gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", changes > 0);
      }
      return;
    }
  for (guint i = 0; i < self->events->len; i++)
    {
      LiaisonIcsEvent *e = g_ptr_array_index (self->events, i);
      g_autofree char *subtitle = NULL;
      AdwActionRow    *row;

      if (e->problem != NULL)
        subtitle = g_strdup (e->problem);
      else
        {
          const char      *start = g_hash_table_lookup (e->fields, "start");
          const char      *zone_id = g_hash_table_lookup (e->fields, "time_zone");
          g_autofree char *zone = zone_id != NULL ? liaison_gui_format_zone_name (zone_id) : NULL;

          importable++;
          subtitle = g_strdup_printf ("%s%s%s · %s%s%s", start != NULL ? start : "", zone != NULL ? " " : "", zone != NULL ? zone : "",
                                      e->exists ? C_ ("import row", "update") : C_ ("import row", "new"),
                                      e->note != NULL ? "\n" : "", e->note != NULL ? e->note : "");
        }
      row = add_row (self, self->rows_group, e->title != NULL ? e->title : "—", subtitle);
      if (e->problem != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
  {
    g_autofree char *summary = g_strdup_printf (g_dngettext (NULL, "%1$u event, %2$u of them can be imported", "%1$u events, %2$u of them can be imported", self->events->len),
                                                self->events->len, importable);
    g_autofree char *label = g_strdup_printf (g_dngettext (NULL, "_Import %u Event", "_Import %u Events", importable), importable);

    gtk_label_set_label (self->summary_label, summary);
    show_page (self, "review", label);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", importable > 0);
  }
}

/* ------------------------------------------------------------------------ */
/* Steps                                                                     */

static void
start_read (LiaisonImportDialog *self)
{
  Work            *w = g_new0 (Work, 1);
  g_autofree char *name = file_name (self);
  g_autofree char *what = g_strdup_printf (_ ("Reading %s…"), name);

  w->kind = WORK_READ;
  w->path = g_file_get_path (self->file);
  w->encoding = g_strdup (self->encoding);
  {
    GSettings       *settings = liaison_context_get_settings (self->context);
    g_autofree char *chosen = settings != NULL ? g_settings_get_string (settings, "time-zone") : NULL;

    w->own_zone = liaison_time_zone_own (chosen);
  }
  if (w->path == NULL)
    {
      work_free (w);
      show_error (self, _ ("Liaison can only read files on this computer"));
      return;
    }
  run (self, w, what);
}

static void
close_with_toast (LiaisonImportDialog *self,
                  const char          *message,
                  gint64               mark)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The worker wrote on a connection of its own. */
  g_signal_emit_by_name (store_of (self), "changed");
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-undo-toast", "(sx)", message, mark);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_work_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  LiaisonImportDialog *self = LIAISON_IMPORT_DIALOG (source);
  Work                *w = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  gboolean cancelled;

  g_task_propagate_boolean (G_TASK (result), &error);
  /* Closed while it worked: nothing to show any more. */
  if (self->context == NULL)
    return;
  set_busy (self, FALSE, NULL);
  cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  if (error != NULL)
    {
      if (cancelled && w->kind == WORK_READ && self->import == NULL)
        gtk_window_destroy (GTK_WINDOW (self));
      else if (cancelled && w->kind == WORK_READ)
        show_table (self);
      else if (cancelled && w->kind == WORK_PREPARE)
        show_table (self);
      else if (cancelled && w->kind == WORK_APPLY)
        fill_review (self);
      else if (g_error_matches (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_ENCODING) && !w->is_calendar)
        show_encoding_error (self, error->message);
      else
        show_error (self, error->message);
      return;
    }

  switch (w->kind)
    {
    case WORK_READ:
      g_clear_object (&self->import);
      g_clear_pointer (&self->events, g_ptr_array_unref);
      g_clear_pointer (&self->outcomes, g_ptr_array_unref);
      g_clear_pointer (&self->ics_text, g_free);
      if (w->is_calendar)
        {
          self->ics_text = g_steal_pointer (&w->ics_text);
          self->events = g_steal_pointer (&w->events);
          self->outcomes = g_steal_pointer (&w->outcomes);
          fill_calendar (self);
        }
      else
        {
          self->import = liaison_people_import_new (w->table);
          recall_mapping (self);
          show_table (self);
        }
      break;
    case WORK_PREPARE:
      fill_review (self);
      break;
    case WORK_APPLY:
      {
        guint            n = w->summary.added + w->summary.updated;
        g_autofree char *message = NULL;

        if (w->summary.updated > 0)
          /* Translators: %1$u people imported in all, %2$u of them already here and updated */
          message = g_strdup_printf (g_dngettext (NULL, "Imported %1$u person (%2$u updated)", "Imported %1$u people (%2$u updated)", n), n,
                                     w->summary.updated);
        else
          message = g_strdup_printf (g_dngettext (NULL, "Imported %u person", "Imported %u people", n), n);
        close_with_toast (self, message, w->summary.mark);
      }
      break;
    case WORK_APPLY_EVENTS:
      {
        guint            n = w->added + w->updated;
        g_autofree char *message = g_strdup_printf (g_dngettext (NULL, "Imported %u event", "Imported %u events", n), n);

        close_with_toast (self, message, w->mark);
      }
      break;
    case WORK_APPLY_REPLIES:
    default:
      {
        g_autoptr (GString) message = g_string_new (NULL);

        for (guint i = 0; w->outcomes != NULL && i < w->outcomes->len; i++)
          {
            LiaisonReplyOutcome *o = g_ptr_array_index (w->outcomes, i);

            if (o->changed)
              g_string_append_printf (message, "%s%s", message->len > 0 ? C_ ("list", ", ") : "", o->message);
          }
        close_with_toast (self, message->str, w->mark);
      }
      break;
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaisonImportDialog *self = LIAISON_IMPORT_DIALOG (widget);
  const char          *page = gtk_stack_get_visible_child_name (self->stack);
  Work                *w;

  if (self->busy)
    return;
  w = g_new0 (Work, 1);
  if (g_strcmp0 (page, "columns") == 0)
    {
      guint selected = adw_combo_row_get_selected (self->event_row);

      remember_mapping (self);
      liaison_people_import_set_event (self->import,
                                       self->event_ids != NULL && selected < self->event_ids->len ? g_ptr_array_index (self->event_ids, selected) : NULL,
                                       liaison_registration_rows_get_role (self->role_row),
                                       liaison_registration_rows_get_status (self->status_row));
      w->kind = WORK_PREPARE;
      w->import = g_object_ref (self->import);
      run (self, w, _ ("Looking for these people among those already here…"));
    }
  else if (self->import != NULL)
    {
      w->kind = WORK_APPLY;
      w->import = g_object_ref (self->import);
      run (self, w, _ ("Importing…"));
    }
  else if (self->outcomes != NULL)
    {
      w->kind = WORK_APPLY_REPLIES;
      w->ics_text = g_strdup (self->ics_text);
      run (self, w, _ ("Applying the answers…"));
    }
  else
    {
      w->kind = WORK_APPLY_EVENTS;
      w->events = g_ptr_array_ref (self->events);
      run (self, w, _ ("Importing…"));
    }
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonImportDialog *self = LIAISON_IMPORT_DIALOG (widget);

  if (self->busy)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_chosen (GtkNativeDialog     *chooser,
           int                  response,
           LiaisonImportDialog *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    {
      /* Nothing read yet: nothing to show. */
      if (self->import == NULL && self->events == NULL && self->outcomes == NULL &&
          g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") != 0)
        gtk_window_destroy (GTK_WINDOW (self));
      g_object_unref (self);
      return;
    }
  g_set_object (&self->file, file);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->event_ids, g_ptr_array_unref);
  start_read (self);
  /* Opened from the menu, the dialog shows once there is a file. */
  gtk_window_present (GTK_WINDOW (self));
  g_object_unref (self);
}

/* Through the portal where there is one (GtkFileChooserNative). */
void
liaison_import_dialog_choose_file (LiaisonImportDialog *self)
{
  GtkWindow            *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_ ("Import a File"), parent != NULL ? parent : GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), _ ("_Cancel"));
  gtk_file_filter_set_name (all, _ ("Tables and calendars (CSV, TSV, Excel, iCalendar)"));
  for (const char *const *s = (const char *const[]){ "csv", "tsv", "txt", "xlsx", "ics", NULL }; *s != NULL; s++)
    gtk_file_filter_add_suffix (all, *s);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  liaison_import_dialog_choose_file (LIAISON_IMPORT_DIALOG (widget));
}

gboolean
liaison_import_dialog_is_busy (LiaisonImportDialog *self)
{
  return self->busy;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
liaison_import_dialog_constructed (GObject *object)
{
  LiaisonImportDialog *self = (LiaisonImportDialog *) object;

  G_OBJECT_CLASS (liaison_import_dialog_parent_class)->constructed (object);
  if (self->file != NULL)
    start_read (self);
  else
    show_page (self, "busy", NULL);
}

static void
liaison_import_dialog_dispose (GObject *object)
{
  LiaisonImportDialog *self = (LiaisonImportDialog *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->added_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->file);
  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->outcomes, g_ptr_array_unref);
  g_clear_pointer (&self->event_ids, g_ptr_array_unref);
  g_clear_pointer (&self->preset_event, g_free);
  g_clear_pointer (&self->ics_text, g_free);
  g_clear_pointer (&self->encoding, g_free);

  G_OBJECT_CLASS (liaison_import_dialog_parent_class)->dispose (object);
}

static void
liaison_import_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LiaisonImportDialog *self = LIAISON_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_EVENT_ID:
      g_value_set_string (value, self->preset_event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_import_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LiaisonImportDialog *self = LIAISON_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_EVENT_ID:
      self->preset_event = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_import_dialog_class_init (LiaisonImportDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_import_dialog_constructed;
  object_class->dispose = liaison_import_dialog_dispose;
  object_class->get_property = liaison_import_dialog_get_property;
  object_class->set_property = liaison_import_dialog_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The event a roster's people are registered for unless the person
   * picks another. */
  properties[PROP_EVENT_ID] = g_param_spec_string ("event-id", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, error_encoding_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, error_encoding_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, notes_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, encoding_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, event_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportDialog, rows_group);

  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
liaison_import_dialog_init (LiaisonImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->added_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (self->encoding_row, "notify::selected", G_CALLBACK (on_encoding_changed), self);
  g_signal_connect (self->error_encoding_row, "notify::selected", G_CALLBACK (on_encoding_changed), self);
  g_signal_connect_swapped (self->duplicates_row, "notify::selected", G_CALLBACK (on_duplicates_changed), self);
  g_signal_connect_swapped (self->event_row, "notify::selected", G_CALLBACK (on_event_chosen), self);
}

GtkWidget *
liaison_import_dialog_new (LiaisonContext *context,
                           GFile          *file)
{
  return g_object_new (LIAISON_TYPE_IMPORT_DIALOG, "context", context, "file", file, NULL);
}

/* A roster for one event: its people registered for it unless the person
 * picks another. The file is chosen next (liaison_import_dialog_choose_file). */
GtkWidget *
liaison_import_dialog_new_for_event (LiaisonContext *context,
                                     const char     *event_id)
{
  return g_object_new (LIAISON_TYPE_IMPORT_DIALOG, "context", context, "event-id", event_id, NULL);
}
