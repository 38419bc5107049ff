/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-csv-writer.h"
#include "liaison-export-dialog.h"
#include "liaison-export-template.h"
#include "liaison-ics-export.h"
#include "liaison-xlsx-writer.h"

/* The export dialog: the file's format and language, the columns (in the
 * order they were ticked), templates of them; the export itself runs on
 * the store's worker, and the window says where it went. */

enum
{
  FORMAT_XLSX,
  FORMAT_CSV,
};

struct _LiaisonExportDialog
{
  AdwWindow parent_instance;

  LiaisonContext   *context;
  LiaisonExportKind kind;
  char             *event_id;
  char             *query;

  GPtrArray            *chosen;    /* column ids, in order */
  GPtrArray            *checks;    /* GtkCheckButton per column, catalogue order */
  GPtrArray            *templates; /* LiaisonExportTemplate */
  gboolean              applying;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *export_button;
  GtkLabel            *error_label;
  AdwComboRow         *format_row;
  AdwComboRow         *scope_row;
  AdwComboRow         *language_row;
  GtkSwitch           *both_switch;
  AdwComboRow         *template_row;
  GtkWidget           *delete_template_button;
  AdwEntryRow         *template_name_row;
  AdwPreferencesGroup *columns_group;
};

G_DEFINE_FINAL_TYPE (LiaisonExportDialog, liaison_export_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  PROP_EVENT_ID,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static LiaisonLanguage
interface_language (void)
{
  return liaison_language_for_locale ();
}

static void
say_error (LiaisonExportDialog *self, const char *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
toast_in_window (GtkWindow *window, const char *message)
{
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-toast", "s", message);
}

/* ------------------------------------------------------------------------ */
/* Columns                                                                   */

static void
update_columns_description (LiaisonExportDialog *self)
{
  g_autoptr (GString) order = g_string_new (NULL);
  LiaisonLanguage lang = interface_language ();

  for (guint i = 0; i < self->chosen->len; i++)
    {
      const LiaisonExportColumn *column = liaison_export_find_column (self->kind, g_ptr_array_index (self->chosen, i));

      if (column != NULL)
        g_string_append_printf (order, "%s%s", order->len > 0 ? (lang == LIAISON_LANGUAGE_ZH ? "、" : ", ") : "",
                                lang == LIAISON_LANGUAGE_ZH ? column->header_zh : column->header_en);
    }
  if (self->chosen->len == 0)
    adw_preferences_group_set_description (self->columns_group, _ ("Choose at least one column"));
  else
    {
      /* Translators: %s lists the columns chosen, in the file's order */
      g_autofree char *text = g_strdup_printf (_ ("In this order: %s"), order->str);
      adw_preferences_group_set_description (self->columns_group, text);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", self->chosen->len > 0);
}

static void
on_check_toggled (GtkCheckButton *check, LiaisonExportDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "column");
  guint       index;
  gboolean    present = g_ptr_array_find_with_equal_func (self->chosen, id, g_str_equal, &index);

  if (self->applying)
    return;
  /* A column ticked goes last: the order a person ticks is the file's. */
  if (gtk_check_button_get_active (check) && !present)
    g_ptr_array_add (self->chosen, g_strdup (id));
  else if (!gtk_check_button_get_active (check) && present)
    g_ptr_array_remove_index (self->chosen, index);
  update_columns_description (self);
}

static void
set_chosen (LiaisonExportDialog *self, const char *const *columns)
{
  g_ptr_array_set_size (self->chosen, 0);
  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    g_ptr_array_add (self->chosen, g_strdup (columns[i]));
  self->applying = TRUE;
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      const char     *id = g_object_get_data (G_OBJECT (check), "column");

      gtk_check_button_set_active (check, columns != NULL && g_strv_contains (columns, id));
    }
  self->applying = FALSE;
  update_columns_description (self);
}

static void
build_column_rows (LiaisonExportDialog *self)
{
  guint                      n;
  const LiaisonExportColumn *columns = liaison_export_columns (self->kind, &n);
  LiaisonLanguage            lang = interface_language ();

  for (guint i = 0; i < n; i++)
    {
      GtkWidget  *row = adw_action_row_new ();
      GtkWidget  *check = gtk_check_button_new ();
      const char *title = lang == LIAISON_LANGUAGE_ZH ? columns[i].header_zh : columns[i].header_en;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* The header in the other language, and the name `liaison export
       * --columns` takes. */
      {
        g_autofree char *subtitle = g_strdup_printf ("%s · %s", lang == LIAISON_LANGUAGE_ZH ? columns[i].header_en : columns[i].header_zh,
                                                     columns[i].id);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      }
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data (G_OBJECT (check), "column", (gpointer) columns[i].id);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_name (row, columns[i].id);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->checks, check);
    }
}

/* ------------------------------------------------------------------------ */
/* Templates                                                                 */

static LiaisonLanguage
chosen_language (LiaisonExportDialog *self)
{
  return adw_combo_row_get_selected (self->language_row) == 0 ? LIAISON_LANGUAGE_ZH : LIAISON_LANGUAGE_EN;
}

static LiaisonExportHeaders
chosen_headers (LiaisonExportDialog *self)
{
  if (gtk_switch_get_active (self->both_switch))
    return LIAISON_EXPORT_HEADERS_BOTH;
  return chosen_language (self) == LIAISON_LANGUAGE_ZH ? LIAISON_EXPORT_HEADERS_ZH : LIAISON_EXPORT_HEADERS_EN;
}

static void
load_templates (LiaisonExportDialog *self, const char *select)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  guint          selected = 0;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = liaison_export_templates_list (liaison_context_get_settings (self->context), self->kind);
  /* Translators: the template list's first choice: no template */
  gtk_string_list_append (names, C_ ("export template", "None"));
  for (guint i = 0; i < self->templates->len; i++)
    {
      LiaisonExportTemplate *t = g_ptr_array_index (self->templates, i);

      gtk_string_list_append (names, t->name);
      if (g_strcmp0 (t->name, select) == 0)
        selected = i + 1;
    }
  self->applying = TRUE;
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->template_row, selected);
  self->applying = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_row), self->templates->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.delete-template", selected > 0);
  g_object_unref (names);
}

static void
on_template_selected (LiaisonExportDialog *self)
{
  guint                  selected = adw_combo_row_get_selected (self->template_row);
  LiaisonExportTemplate *t;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.delete-template", selected > 0 && selected != GTK_INVALID_LIST_POSITION);
  if (self->applying || selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->templates == NULL)
    return;
  t = g_ptr_array_index (self->templates, selected - 1);
  adw_combo_row_set_selected (self->language_row, t->language == LIAISON_LANGUAGE_ZH ? 0 : 1);
  gtk_switch_set_active (self->both_switch, t->headers == LIAISON_EXPORT_HEADERS_BOTH);
  set_chosen (self, (const char *const *) t->columns);
  gtk_editable_set_text (GTK_EDITABLE (self->template_name_row), t->name);
}

static void
on_save_template (LiaisonExportDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->template_name_row))));
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonExportTemplate) t = NULL;

  g_ptr_array_add (self->chosen, NULL);
  t = liaison_export_template_new (name, self->kind, chosen_language (self), chosen_headers (self),
                                   (const char *const *) self->chosen->pdata);
  g_ptr_array_remove_index (self->chosen, self->chosen->len - 1);
  if (!liaison_export_templates_save (liaison_context_get_settings (self->context), t, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  load_templates (self, name);
  {
    /* Translators: %s is a template's name */
    g_autofree char *message = g_strdup_printf (_ ("Template “%s” saved"), name);
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  }
}

static void
delete_template_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonExportDialog   *self = LIAISON_EXPORT_DIALOG (widget);
  guint                  selected = adw_combo_row_get_selected (self->template_row);
  LiaisonExportTemplate *t;
  g_autofree char       *message = NULL;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->templates == NULL)
    return;
  t = g_ptr_array_index (self->templates, selected - 1);
  /* Translators: %s is a template's name */
  message = g_strdup_printf (_ ("Template “%s” deleted"), t->name);
  liaison_export_templates_delete (liaison_context_get_settings (self->context), self->kind, t->name);
  gtk_editable_set_text (GTK_EDITABLE (self->template_name_row), "");
  load_templates (self, NULL);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ------------------------------------------------------------------------ */
/* Exporting                                                                 */

typedef struct
{
  LiaisonExportKind    kind;
  char               **columns;
  LiaisonLanguage      language;
  LiaisonExportHeaders headers;
  char                *event_id;
  char                *query;
  gboolean             xlsx;
  char                *path;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_strfreev (job->columns);
  g_free (job->event_id);
  g_free (job->query);
  g_free (job->path);
  g_free (job);
}

static gpointer
export_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  Job               *job = data;
  LiaisonExportScope scope = { job->event_id, job->query, NULL };
  g_autoptr (LiaisonExportTable) table =
      liaison_export_table_build (reader, job->kind, (const char *const *) job->columns, job->language, &scope, cancellable, error);
  guint *rows;

  if (table == NULL)
    return NULL;
  if (!(job->xlsx ? liaison_xlsx_write_file (table, job->headers, job->path, error)
                  : liaison_csv_write_file (table, job->headers, job->path, error)))
    return NULL;
  rows = g_new (guint, 1);
  *rows = liaison_export_table_get_n_rows (table);
  return rows;
}

static void
on_exported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree guint *rows = liaison_store_query_finish (LIAISON_STORE (source), result, &error);
  const char       *path = g_object_get_data (G_OBJECT (self), "path");
  g_autofree char  *name = path != NULL ? g_path_get_basename (path) : NULL;
  g_autofree char  *message = NULL;

  if (rows == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_widget_set_sensitive (self->export_button, TRUE);
      say_error (self, error->message);
      return;
    }
  /* Translators: %1$u is a number of rows, %2$s a file name */
  message = g_strdup_printf (g_dngettext (NULL, "Exported %1$u row to %2$s", "Exported %1$u rows to %2$s", *rows), *rows,
                             name);
  toast_in_window (gtk_window_get_transient_for (GTK_WINDOW (self)), message);
  gtk_window_close (GTK_WINDOW (self));
}

void
liaison_export_dialog_export_to (LiaisonExportDialog *self, const char *path)
{
  Job *job;

  g_return_if_fail (LIAISON_IS_EXPORT_DIALOG (self));

  if (self->chosen->len == 0)
    return;
  say_error (self, NULL);
  job = g_new0 (Job, 1);
  job->kind = self->kind;
  g_ptr_array_add (self->chosen, NULL);
  job->columns = g_strdupv ((char **) self->chosen->pdata);
  g_ptr_array_remove_index (self->chosen, self->chosen->len - 1);
  job->language = chosen_language (self);
  job->headers = chosen_headers (self);
  job->event_id = self->kind == LIAISON_EXPORT_REGISTRATIONS && adw_combo_row_get_selected (self->scope_row) == 0
                      ? g_strdup (self->event_id)
                      : NULL;
  job->query = g_strdup (self->query);
  job->xlsx = adw_combo_row_get_selected (self->format_row) == FORMAT_XLSX;
  job->path = g_strdup (path);
  g_object_set_data_full (G_OBJECT (self), "path", g_strdup (path), g_free);
  gtk_widget_set_sensitive (self->export_button, FALSE);
  liaison_store_query_async (liaison_context_get_store (self->context), export_in_worker, job, job_free, g_free,
                             self->cancellable, on_exported, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog *chooser, int response, LiaisonExportDialog *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  g_clear_object (&self->chooser);
  if (path == NULL)
    return;
  /* The extension the format gives, when the person typed none. */
  if (!g_str_has_suffix (path, ".xlsx") && !g_str_has_suffix (path, ".csv"))
    {
      char *with = g_strconcat (path, adw_combo_row_get_selected (self->format_row) == FORMAT_XLSX ? ".xlsx" : ".csv", NULL);

      g_free (path);
      path = with;
    }
  liaison_export_dialog_export_to (self, path);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonExportDialog *self = LIAISON_EXPORT_DIALOG (widget);
  gboolean             xlsx = adw_combo_row_get_selected (self->format_row) == FORMAT_XLSX;
  g_autofree char     *name = NULL;
  GtkFileFilter       *filter = gtk_file_filter_new ();

  if (self->chosen->len == 0 || self->chooser != NULL)
    return;
  name = g_strdup_printf ("%s%s%s.%s", liaison_export_kind_to_string (self->kind),
                          self->event_id != NULL && self->kind == LIAISON_EXPORT_REGISTRATIONS ? "-" : "",
                          self->event_id != NULL && self->kind == LIAISON_EXPORT_REGISTRATIONS ? liaison_uuid_short (self->event_id) : "",
                          xlsx ? "xlsx" : "csv");
  self->chooser = gtk_file_chooser_native_new (_ ("Export To"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _ ("_Export"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, xlsx ? _ ("Excel workbooks") : _ ("CSV files"));
  gtk_file_filter_add_suffix (filter, xlsx ? "xlsx" : "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------------ */
/* The object                                                                */

static void
liaison_export_dialog_constructed (GObject *object)
{
  LiaisonExportDialog *self = (LiaisonExportDialog *) object;
  g_auto (GStrv) defaults = liaison_export_default_columns (self->kind);
  const char *titles[] = { N_ ("Export Participants"), N_ ("Export Registrations"), N_ ("Export Events") };

  G_OBJECT_CLASS (liaison_export_dialog_parent_class)->constructed (object);

  adw_window_title_set_title (self->window_title, _ (titles[self->kind]));
  gtk_window_set_title (GTK_WINDOW (self), _ (titles[self->kind]));
  if (self->kind == LIAISON_EXPORT_PARTICIPANTS && self->query != NULL && *self->query != '\0')
    {
      /* Translators: %s is what the Participants view searched for */
      g_autofree char *subtitle = g_strdup_printf (_ ("Those found for “%s”"), self->query);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->scope_row), self->kind == LIAISON_EXPORT_REGISTRATIONS && self->event_id != NULL);
  adw_combo_row_set_selected (self->language_row, interface_language () == LIAISON_LANGUAGE_ZH ? 0 : 1);
  build_column_rows (self);
  set_chosen (self, (const char *const *) defaults);
  load_templates (self, NULL);
}

static void
liaison_export_dialog_dispose (GObject *object)
{
  LiaisonExportDialog *self = (LiaisonExportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_export_dialog_parent_class)->dispose (object);
}

static void
liaison_export_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonExportDialog *self = (LiaisonExportDialog *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_EVENT_ID:
      g_value_set_string (value, self->event_id);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_export_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonExportDialog *self = (LiaisonExportDialog *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_EVENT_ID:
      self->event_id = g_value_dup_string (value);
      break;
    case PROP_QUERY:
      self->query = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_export_dialog_class_init (LiaisonExportDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_export_dialog_constructed;
  object_class->dispose = liaison_export_dialog_dispose;
  object_class->get_property = liaison_export_dialog_get_property;
  object_class->set_property = liaison_export_dialog_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, LIAISON_N_EXPORT_KINDS - 1, 0,
                                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] = g_param_spec_string ("event-id", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaisonExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonExportDialog, both_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaisonExportDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonExportDialog, delete_template_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonExportDialog, template_name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonExportDialog, columns_group);
  gtk_widget_class_bind_template_callback (widget_class, on_save_template);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.delete-template", NULL, delete_template_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "export.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_export_dialog_init (LiaisonExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->template_row, "notify::selected", G_CALLBACK (on_template_selected), self,
                           G_CONNECT_SWAPPED);
}

LiaisonExportDialog *
liaison_export_dialog_new (LiaisonContext *context, LiaisonExportKind kind, const char *event_id, const char *query)
{
  return g_object_new (LIAISON_TYPE_EXPORT_DIALOG, "context", context, "kind", kind, "event-id", event_id, "query", query,
                       NULL);
}

void
liaison_export_dialog_present (GtkWidget *from, LiaisonContext *context, LiaisonExportKind kind, const char *event_id, const char *query)
{
  LiaisonExportDialog *dialog = liaison_export_dialog_new (context, kind, event_id, query);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (from)));
  gtk_window_present (GTK_WINDOW (dialog));
}

char **
liaison_export_dialog_dup_columns (LiaisonExportDialog *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char        **columns;

  for (guint i = 0; i < self->chosen->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->chosen, i));
  columns = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return columns;
}

/* ------------------------------------------------------------------------ */
/* The event as a calendar file                                              */

typedef struct
{
  char *event_id;
  char *path;
} CalendarJob;

static void
calendar_job_free (gpointer data)
{
  CalendarJob *job = data;

  g_free (job->event_id);
  g_free (job->path);
  g_free (job);
}

static gpointer
calendar_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  CalendarJob *job = data;
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  LiaisonEvent    *e = liaison_store_get_event (reader, job->event_id, error);
  g_autofree char *text = NULL;

  if (e == NULL)
    return NULL;
  g_ptr_array_add (events, e);
  text = liaison_ics_export_events (reader, events, error);
  if (text == NULL || !g_file_set_contents (job->path, text, -1, error))
    return NULL;
  return g_strdup (job->path);
}

static void
on_calendar_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GtkWidget) from = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = liaison_store_query_finish (LIAISON_STORE (source), result, &error);
  g_autofree char *name = path != NULL ? g_path_get_basename (path) : NULL;
  g_autofree char *message = NULL;

  if (path == NULL)
    {
      gtk_widget_activate_action (from, "win.show-toast", "s", error->message);
      return;
    }
  /* Translators: %s is a file name */
  message = g_strdup_printf (_ ("Saved the event as %s"), name);
  gtk_widget_activate_action (from, "win.show-toast", "s", message);
}

void
liaison_export_calendar_to (GtkWidget *from, LiaisonContext *context, const char *event_id, const char *path)
{
  CalendarJob *job = g_new0 (CalendarJob, 1);

  job->event_id = g_strdup (event_id);
  job->path = g_strdup (path);
  liaison_store_query_async (liaison_context_get_store (context), calendar_in_worker, job, calendar_job_free, g_free, NULL,
                             on_calendar_saved, g_object_ref (from));
}

static void
on_calendar_chosen (GtkNativeDialog *chooser, int response, GtkWidget *from)
{
  g_autoptr (GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  LiaisonContext  *context = g_object_get_data (G_OBJECT (chooser), "context");
  const char      *event_id = g_object_get_data (G_OBJECT (chooser), "event-id");

  if (path != NULL)
    liaison_export_calendar_to (from, context, event_id, path);
  g_object_unref (chooser);
}

void
liaison_export_calendar (GtkWidget *from, LiaisonContext *context, const char *event_id)
{
  GtkFileChooserNative *chooser;
  g_autofree char      *name = g_strdup_printf ("event-%s.ics", liaison_uuid_short (event_id));
  GtkFileFilter        *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_ ("Save as Calendar File"), GTK_WINDOW (gtk_widget_get_root (from)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _ ("Calendar files"));
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_object_set_data_full (G_OBJECT (chooser), "context", g_object_ref (context), g_object_unref);
  g_object_set_data_full (G_OBJECT (chooser), "event-id", g_strdup (event_id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_calendar_chosen), from, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
