/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-print-preview.h"

/* The document is laid out on the store's worker; the page on screen is
 * drawn by the same code that draws it on paper, scaled to the window. */

struct _LiaisonPrintPreview
{
  AdwWindow parent_instance;

  LiaisonContext       *context;
  LiaisonPrintKind      kind;
  char                 *event_id;
  char                **registration_ids;
  LiaisonPrintDocument *document;
  guint                 page;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GtkPrintOperation    *operation;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkRevealer     *warning_revealer;
  GtkLabel        *warning_label;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *empty_page;
  GtkDrawingArea  *page_area;
  GtkLabel        *page_label;
};

G_DEFINE_FINAL_TYPE (LiaisonPrintPreview, liaison_print_preview, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  PROP_EVENT_ID,
  PROP_REGISTRATION_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (LiaisonPrintPreview *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static guint
n_pages (LiaisonPrintPreview *self)
{
  return self->document != NULL ? liaison_print_document_get_n_pages (self->document) : 0;
}

static void
update_page (LiaisonPrintPreview *self)
{
  guint            n = n_pages (self);
  g_autofree char *text = NULL;

  /* Translators: %1$u is the page shown, %2$u the number of pages */
  text = g_strdup_printf (_ ("Page %1$u of %2$u"), MIN (self->page + 1, MAX (n, 1)), MAX (n, 1));
  gtk_label_set_label (self->page_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", self->page + 1 < n);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

/* The page, white on the window's background, as large as it fits. */
static void
draw_page (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  LiaisonPrintPreview *self = user_data;
  double               pw, ph, scale, x, y;

  if (self->document == NULL)
    return;
  pw = liaison_print_document_get_page_width (self->document);
  ph = liaison_print_document_get_page_height (self->document);
  scale = MIN ((width - 32) / pw, (height - 32) / ph);
  if (scale <= 0)
    return;
  x = (width - pw * scale) / 2;
  y = (height - ph * scale) / 2;
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x + 2, y + 3, pw * scale, ph * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, pw * scale, ph * scale);
  cairo_fill (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, pw, ph);
  cairo_clip (cr);
  liaison_print_document_draw_page (self->document, cr, self->page);
}

static void
show_missing (LiaisonPrintPreview *self)
{
  const char *const *missing = liaison_print_document_get_missing_glyphs (self->document);
  g_autoptr (GString) list = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; missing[i] != NULL; i++)
    g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "", missing[i]);
  if (list->len == 0)
    return;
  /* Translators: %s lists names or titles, each in “…” */
  text = g_strdup_printf (_ ("No installed font has every character of %s: those characters print as boxes. Install a font that has them, or correct the text."),
                          list->str);
  gtk_label_set_label (self->warning_label, text);
  gtk_revealer_set_reveal_child (self->warning_revealer, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

typedef struct
{
  LiaisonPrintKind kind;
  char            *event_id;
  char           **registration_ids;
  char            *path;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->event_id);
  g_strfreev (job->registration_ids);
  g_free (job->path);
  g_free (job);
}

static Job *
new_job (LiaisonPrintPreview *self, const char *path)
{
  Job *job = g_new0 (Job, 1);

  job->kind = self->kind;
  job->event_id = g_strdup (self->event_id);
  job->registration_ids = g_strdupv (self->registration_ids);
  job->path = g_strdup (path);
  return job;
}

static gpointer
lay_out_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  Job *job = data;

  return liaison_print_document_new (reader, job->kind, job->event_id, (const char *const *) job->registration_ids, error);
}

static void
on_laid_out (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonPrintPreview) self = user_data;
  g_autoptr (GError) error = NULL;
  LiaisonPrintDocument *document = liaison_store_query_finish (LIAISON_STORE (source), result, &error);

  gtk_spinner_stop (self->spinner);
  if (document == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->document = document;
  self->page = 0;
  {
    g_autofree char *title = liaison_print_document_dup_title (document, liaison_language_for_locale ());
    adw_window_title_set_subtitle (self->window_title, title);
  }
  if (liaison_print_document_get_n_people (document) == 0)
    {
      adw_status_page_set_description (self->empty_page, self->kind == LIAISON_PRINT_CERTIFICATES
                                                             ? _ ("No one has attended this event yet: there is no certificate to print")
                                                             : _ ("No one is registered for this event yet: there is nothing to print"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_page (self);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.print", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.save-pdf", TRUE);
  show_missing (self);
  gtk_stack_set_visible_child_name (self->stack, "pages");
  update_page (self);
}

/* ------------------------------------------------------------------------ */
/* PDF                                                                       */

static gpointer
pdf_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  Job *job = data;
  g_autoptr (LiaisonPrintDocument) document =
      liaison_print_document_new (reader, job->kind, job->event_id, (const char *const *) job->registration_ids, error);

  if (document == NULL || !liaison_print_document_write_pdf (document, job->path, error))
    return NULL;
  return g_path_get_basename (job->path);
}

static void
on_pdf_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonPrintPreview) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = liaison_store_query_finish (LIAISON_STORE (source), result, &error);
  g_autofree char *message = NULL;

  if (name == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  /* Translators: %s is a file name */
  message = g_strdup_printf (_ ("Saved %s"), name);
  toast (self, message);
}

void
liaison_print_preview_save_pdf_to (LiaisonPrintPreview *self, const char *path)
{
  liaison_store_query_async (liaison_context_get_store (self->context), pdf_in_worker, new_job (self, path), job_free,
                             g_free, self->cancellable, on_pdf_saved, g_object_ref (self));
}

static void
on_pdf_chosen (GtkNativeDialog *chooser, int response, LiaisonPrintPreview *self)
{
  g_autoptr (GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_clear_object (&self->chooser);
  if (path == NULL)
    return;
  if (!g_str_has_suffix (path, ".pdf"))
    {
      char *with = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with;
    }
  liaison_print_preview_save_pdf_to (self, path);
}

static void
save_pdf_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonPrintPreview *self = LIAISON_PRINT_PREVIEW (widget);
  g_autofree char     *name = NULL;
  GtkFileFilter       *filter;

  if (self->document == NULL || self->chooser != NULL)
    return;
  name = g_strdup_printf ("%s-%s.pdf", liaison_print_kind_to_string (self->kind), liaison_uuid_short (self->event_id));
  self->chooser = gtk_file_chooser_native_new (_ ("Save as PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _ ("PDF documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_pdf_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------------ */
/* Printing                                                                  */

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page, LiaisonPrintPreview *self)
{
  liaison_print_document_draw_page (self->document, gtk_print_context_get_cairo_context (context), page);
}

/* Labels and frames are placed from the paper's edge: the whole page, in
 * points, A4 in the document's orientation. */
static GtkPrintOperation *
new_operation (LiaisonPrintPreview *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize    *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *title = liaison_print_document_dup_title (self->document, liaison_language_for_locale ());

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_paper_size_free (a4);
  gtk_page_setup_set_orientation (setup, self->kind == LIAISON_PRINT_CERTIFICATES ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                                                  : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, (int) n_pages (self));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, title);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), self, 0);
  return operation;
}

static void
on_print_done (GtkPrintOperation *operation, GtkPrintOperationResult result, LiaisonPrintPreview *self)
{
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      toast (self, error != NULL ? error->message : _ ("The pages could not be printed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    toast (self, _ ("Sent to the printer"));
  g_clear_object (&self->operation);
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonPrintPreview *self = LIAISON_PRINT_PREVIEW (widget);
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->document == NULL || self->operation != NULL || n_pages (self) == 0)
    return;
  self->operation = new_operation (self);
  gtk_print_operation_set_allow_async (self->operation, TRUE);
  g_signal_connect_object (self->operation, "done", G_CALLBACK (on_print_done), self, 0);
  result = gtk_print_operation_run (self->operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      toast (self, error->message);
      g_clear_object (&self->operation);
    }
}

gboolean
liaison_print_preview_export (LiaisonPrintPreview *self, const char *path, GError **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (self->document != NULL, FALSE);
  operation = new_operation (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self), error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* ------------------------------------------------------------------------ */
/* Pages                                                                     */

static void
previous_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonPrintPreview *self = LIAISON_PRINT_PREVIEW (widget);

  if (self->page > 0)
    self->page--;
  update_page (self);
}

static void
next_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonPrintPreview *self = LIAISON_PRINT_PREVIEW (widget);

  if (self->page + 1 < n_pages (self))
    self->page++;
  update_page (self);
}

static void
liaison_print_preview_constructed (GObject *object)
{
  LiaisonPrintPreview *self = (LiaisonPrintPreview *) object;
  const char          *titles[] = { N_ ("Sign-in Sheet"), N_ ("Name Badges"), N_ ("Certificates of Participation") };

  G_OBJECT_CLASS (liaison_print_preview_parent_class)->constructed (object);

  adw_window_title_set_title (self->window_title, _ (titles[self->kind]));
  gtk_window_set_title (GTK_WINDOW (self), _ (titles[self->kind]));
  gtk_spinner_start (self->spinner);
  update_page (self);
  liaison_store_query_async (liaison_context_get_store (self->context), lay_out_in_worker, new_job (self, NULL), job_free,
                             g_object_unref, self->cancellable, on_laid_out, g_object_ref (self));
}

static void
liaison_print_preview_dispose (GObject *object)
{
  LiaisonPrintPreview *self = (LiaisonPrintPreview *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->operation);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_PRINT_PREVIEW);
  g_clear_object (&self->document);
  g_clear_object (&self->context);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->registration_ids, g_strfreev);

  G_OBJECT_CLASS (liaison_print_preview_parent_class)->dispose (object);
}

static void
liaison_print_preview_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonPrintPreview *self = (LiaisonPrintPreview *) object;

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
    case PROP_REGISTRATION_IDS:
      g_value_set_boxed (value, self->registration_ids);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_print_preview_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonPrintPreview *self = (LiaisonPrintPreview *) object;

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
    case PROP_REGISTRATION_IDS:
      self->registration_ids = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_print_preview_class_init (LiaisonPrintPreviewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_print_preview_constructed;
  object_class->dispose = liaison_print_preview_dispose;
  object_class->get_property = liaison_print_preview_get_property;
  object_class->set_property = liaison_print_preview_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, LIAISON_N_PRINT_KINDS - 1, 0,
                                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] = g_param_spec_string ("event-id", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGISTRATION_IDS] = g_param_spec_boxed ("registration-ids", NULL, NULL, G_TYPE_STRV,
                                                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonPrintPreview, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPrintPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPrintPreview, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPrintPreview, warning_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPrintPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPrintPreview, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPrintPreview, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPrintPreview, page_area);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPrintPreview, page_label);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, next_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "preview.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_print_preview_init (LiaisonPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_drawing_area_set_draw_func (self->page_area, draw_page, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.save-pdf", FALSE);
}

LiaisonPrintPreview *
liaison_print_preview_new (LiaisonContext *context, LiaisonPrintKind kind, const char *event_id, const char *const *registration_ids)
{
  return g_object_new (LIAISON_TYPE_PRINT_PREVIEW, "context", context, "kind", kind, "event-id", event_id,
                       "registration-ids", registration_ids, NULL);
}

void
liaison_print_preview_present (GtkWidget *from, LiaisonContext *context, LiaisonPrintKind kind, const char *event_id, const char *const *registration_ids)
{
  LiaisonPrintPreview *preview = liaison_print_preview_new (context, kind, event_id, registration_ids);

  gtk_window_set_transient_for (GTK_WINDOW (preview), GTK_WINDOW (gtk_widget_get_root (from)));
  gtk_window_present (GTK_WINDOW (preview));
}

LiaisonPrintDocument *
liaison_print_preview_get_document (LiaisonPrintPreview *self)
{
  return self->document;
}

guint
liaison_print_preview_get_page (LiaisonPrintPreview *self)
{
  return self->page;
}
