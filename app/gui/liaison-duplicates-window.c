/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-duplicates-item.h"
#include "liaison-duplicates-merge.h"
#include "liaison-duplicates-window.h"
#include "liaison-store-merge.h"

/* The likely duplicates among everyone: scanned on the store's worker
 * (liaison_store_find_duplicates on a reader), with its progress and a Stop;
 * a pair picked opens the two records side by side to merge them. */

#define PROGRESS_INTERVAL_MS 100

/* Shared with the worker, which writes the fraction done in thousandths. */
typedef struct
{
  gint permille;
} ScanProgress;

struct _LiaisonDuplicatesWindow
{
  AdwWindow parent_instance;

  LiaisonContext *context;
  GCancellable   *cancellable;
  ScanProgress   *progress;
  guint           progress_source;
  gulong          changed_id;

  GtkStack       *stack;
  GtkProgressBar *progress_bar;
  AdwStatusPage  *stopped_page;
  GtkLabel       *stale_label;
  GtkLabel       *count_label;
  GtkColumnView  *column_view;
  GListStore     *pairs;
};

G_DEFINE_FINAL_TYPE (LiaisonDuplicatesWindow, liaison_duplicates_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_progress (double fraction, gpointer data)
{
  ScanProgress *progress = data;

  g_atomic_int_set (&progress->permille, (gint) (CLAMP (fraction, 0, 1) * 1000));
}

static gpointer
scan (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  return liaison_store_find_duplicates (reader, 0, on_progress, data, cancellable, error);
}

static gboolean
show_progress_cb (gpointer data)
{
  LiaisonDuplicatesWindow *self = data;

  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->progress->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
update_actions (LiaisonDuplicatesWindow *self)
{
  gboolean scanning = liaison_duplicates_window_is_scanning (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicates.stop", scanning);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicates.scan", !scanning);
}

static void
update_count (LiaisonDuplicatesWindow *self)
{
  guint            n = g_list_model_get_n_items (G_LIST_MODEL (self->pairs));
  g_autofree char *count = NULL;

  if (n == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  count = g_strdup_printf (ngettext ("%'u pair of records may be the same person. Pick one to compare them and merge.",
                                     "%'u pairs of records may be the same person. Pick one to compare them and merge.",
                                     n),
                           n);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, "pairs");
}

static void
scan_ended (LiaisonDuplicatesWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->progress, g_atomic_rc_box_release);
  update_actions (self);
}

static void
on_scanned (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonDuplicatesWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) items = NULL;

  if (self->context == NULL)
    return;
  found = liaison_store_query_finish (liaison_context_get_store (self->context), result, &error);
  scan_ended (self);
  if (found == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_title (self->stopped_page, _ ("Scan Stopped"));
          adw_status_page_set_description (self->stopped_page, NULL);
        }
      else
        {
          adw_status_page_set_title (self->stopped_page, _ ("Could Not Look for Duplicates"));
          adw_status_page_set_description (self->stopped_page, error->message);
        }
      gtk_stack_set_visible_child_name (self->stack, "stopped");
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (items, liaison_duplicates_item_new (g_steal_pointer (&found->pdata[i])));
  g_ptr_array_set_free_func (found, NULL);
  g_list_store_splice (self->pairs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pairs)), items->pdata, items->len);
  update_count (self);
}

static void
on_merged (LiaisonDuplicatesWindow *self, const char *merge_id, const char *survivor_id, LiaisonDuplicatesMerge *dialog)
{
  g_auto (GStrv) ids = NULL;

  g_object_get (dialog, "ids", &ids, NULL);
  /* The records merged away are gone, and every pair with them. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->pairs)); i > 0; i--)
    {
      g_autoptr (LiaisonDuplicatesItem) item = g_list_model_get_item (G_LIST_MODEL (self->pairs), i - 1);

      for (guint k = 0; ids[k] != NULL; k++)
        if (g_strcmp0 (ids[k], survivor_id) != 0 && liaison_duplicates_item_involves (item, ids[k]))
          {
            g_list_store_remove (self->pairs, i - 1);
            break;
          }
    }
  update_count (self);
}

static gboolean
mark_stale_cb (gpointer data)
{
  LiaisonDuplicatesWindow *self = data;

  /* A scan running reads the change, or not: it is said either way. */
  if (self->context != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->stale_label), TRUE);
  return G_SOURCE_REMOVE;
}

/* The store signals on the thread that committed (a sync may write from
 * another one). */
static void
on_store_changed (LiaisonDuplicatesWindow *self)
{
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, mark_stale_cb, g_object_ref (self), g_object_unref);
}

static void
on_activate (LiaisonDuplicatesWindow *self, guint position)
{
  liaison_duplicates_window_open_pair (self, position);
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, cell);
}

static const LiaisonDuplicatePair *
pair_of (GtkListItem *item)
{
  return liaison_duplicates_item_get_pair (gtk_list_item_get_item (item));
}

static void
set_cell (GtkListItem *item, const char *text)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  gtk_widget_set_tooltip_text (cell, text);
}

static void
bind_first (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  set_cell (item, pair_of (item)->name_a);
}

static void
bind_second (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  set_cell (item, pair_of (item)->name_b);
}

static void
bind_score (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  g_autofree char *score = g_strdup_printf ("%u", pair_of (item)->score);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), score);
}

static void
bind_reasons (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  g_autofree char *reasons = liaison_match_reasons_describe (pair_of (item)->reasons);

  set_cell (item, reasons);
}

static void
scan_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  liaison_duplicates_window_scan (LIAISON_DUPLICATES_WINDOW (widget));
}

static void
stop_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonDuplicatesWindow *self = LIAISON_DUPLICATES_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
liaison_duplicates_window_constructed (GObject *object)
{
  LiaisonDuplicatesWindow *self = (LiaisonDuplicatesWindow *) object;

  G_OBJECT_CLASS (liaison_duplicates_window_parent_class)->constructed (object);

  self->changed_id = g_signal_connect_swapped (liaison_context_get_store (self->context), "changed",
                                               G_CALLBACK (on_store_changed), self);
}

static void
liaison_duplicates_window_dispose (GObject *object)
{
  LiaisonDuplicatesWindow *self = (LiaisonDuplicatesWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->progress, g_atomic_rc_box_release);
  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, liaison_context_get_store (self->context));
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_DUPLICATES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_duplicates_window_parent_class)->dispose (object);
}

static void
liaison_duplicates_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonDuplicatesWindow *self = (LiaisonDuplicatesWindow *) object;

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
liaison_duplicates_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonDuplicatesWindow *self = (LiaisonDuplicatesWindow *) object;

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
liaison_duplicates_window_class_init (LiaisonDuplicatesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_duplicates_window_constructed;
  object_class->dispose = liaison_duplicates_window_dispose;
  object_class->get_property = liaison_duplicates_window_get_property;
  object_class->set_property = liaison_duplicates_window_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIAISON_TYPE_DUPLICATES_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-duplicates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonDuplicatesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDuplicatesWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDuplicatesWindow, stopped_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDuplicatesWindow, stale_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDuplicatesWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDuplicatesWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDuplicatesWindow, pairs);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_first);
  gtk_widget_class_bind_template_callback (widget_class, bind_second);
  gtk_widget_class_bind_template_callback (widget_class, bind_score);
  gtk_widget_class_bind_template_callback (widget_class, bind_reasons);

  gtk_widget_class_install_action (widget_class, "duplicates.scan", NULL, scan_action);
  gtk_widget_class_install_action (widget_class, "duplicates.stop", NULL, stop_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "duplicates.scan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_duplicates_window_init (LiaisonDuplicatesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

LiaisonDuplicatesWindow *
liaison_duplicates_window_new (LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_DUPLICATES_WINDOW, "context", context, NULL);
}

/* Scans everyone again; the list shows once the scan is done. */
void
liaison_duplicates_window_scan (LiaisonDuplicatesWindow *self)
{
  g_return_if_fail (LIAISON_IS_DUPLICATES_WINDOW (self));

  /* One scan at a time: its answer ends it (Stop cancels it first). */
  if (self->cancellable != NULL)
    return;
  self->cancellable = g_cancellable_new ();
  self->progress = g_atomic_rc_box_new0 (ScanProgress);
  gtk_widget_set_visible (GTK_WIDGET (self->stale_label), FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "scanning");
  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, show_progress_cb, self);
  liaison_store_query_async (liaison_context_get_store (self->context), scan, g_atomic_rc_box_acquire (self->progress),
                             g_atomic_rc_box_release, (GDestroyNotify) g_ptr_array_unref, self->cancellable, on_scanned,
                             g_object_ref (self));
  update_actions (self);
}

gboolean
liaison_duplicates_window_is_scanning (LiaisonDuplicatesWindow *self)
{
  g_return_val_if_fail (LIAISON_IS_DUPLICATES_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

/* The pairs found, as LiaisonDuplicatesItem, best first. */
GListModel *
liaison_duplicates_window_get_pairs (LiaisonDuplicatesWindow *self)
{
  g_return_val_if_fail (LIAISON_IS_DUPLICATES_WINDOW (self), NULL);

  return G_LIST_MODEL (self->pairs);
}

/* The two records side by side, to merge them. */
void
liaison_duplicates_window_open_pair (LiaisonDuplicatesWindow *self, guint position)
{
  g_autoptr (LiaisonDuplicatesItem) item = NULL;
  const LiaisonDuplicatePair *pair;
  LiaisonDuplicatesMerge     *dialog;

  g_return_if_fail (LIAISON_IS_DUPLICATES_WINDOW (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->pairs), position);
  if (item == NULL)
    return;
  pair = liaison_duplicates_item_get_pair (item);
  dialog = liaison_duplicates_merge_new (self->context, (const char *const[]){ pair->id_a, pair->id_b, NULL });
  g_signal_connect_object (dialog, "merged", G_CALLBACK (on_merged), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}
