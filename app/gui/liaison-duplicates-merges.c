/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-duplicates-merges.h"
#include "liaison-gui-format.h"
#include "liaison-store-merge.h"

/* On a person's page: the records merged into them, each with Undo Merge
 * (liaison_store_unmerge), at any time after; hidden when there are none. */

struct _LiaisonDuplicatesMerges
{
  AdwBin parent_instance;

  LiaisonContext *context;
  char           *participant_id;
  GCancellable   *cancellable;
  GPtrArray      *rows;
  guint           n_merges;
  char           *shown; /* the ids of the merges shown */

  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (LiaisonDuplicatesMerges, liaison_duplicates_merges, ADW_TYPE_BIN)

static gpointer
read_merges (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  return liaison_store_list_merges (reader, data, FALSE, error);
}

static char *
join_names (char **names)
{
  /* Translators: between the items of a list, such as languages */
  return names != NULL ? g_strjoinv (C_ ("list separator", ", "), names) : g_strdup ("");
}

/* The merges a person's page shows: into them, not undone. */
static gboolean
shows (LiaisonDuplicatesMerges *self, LiaisonMergeRecord *merge)
{
  return merge->undone == NULL && g_strcmp0 (merge->survivor_id, self->participant_id) == 0;
}

static void
fill (LiaisonDuplicatesMerges *self, GPtrArray *merges)
{
  g_autoptr (GString) shown = g_string_new (self->participant_id);

  /* The page reads again after every change: rows that would be the same
   * stay (with the focus, or a button being pressed). */
  for (guint i = 0; merges != NULL && i < merges->len; i++)
    if (shows (self, g_ptr_array_index (merges, i)))
      g_string_append_printf (shown, " %s", ((LiaisonMergeRecord *) g_ptr_array_index (merges, i))->id);
  if (g_strcmp0 (shown->str, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_string_free (g_steal_pointer (&shown), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  self->n_merges = 0;

  for (guint i = 0; merges != NULL && i < merges->len; i++)
    {
      LiaisonMergeRecord *merge = g_ptr_array_index (merges, i);
      g_autoptr (GDateTime) utc = NULL;
      g_autoptr (GDateTime) when = NULL;
      g_autofree char *names = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget       *row, *button;

      /* Merged away, this person has no page; undone, nothing to do. */
      if (!shows (self, merge))
        continue;
      names = join_names (merge->merged_names);
      utc = merge->time != NULL ? g_date_time_new_from_iso8601 (merge->time, NULL) : NULL;
      when = utc != NULL ? g_date_time_to_local (utc) : NULL;
      /* Translators: %s is the names of the records merged into this one */
      title = g_strdup_printf (_ ("%s, merged into this record"), names);
      if (when != NULL)
        {
          g_autofree char *date = liaison_gui_format_date (when);
          /* Translators: %s is a date */
          subtitle = g_strdup_printf (_ ("Merged on %s"), date);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      button = gtk_button_new_with_mnemonic (_ ("_Undo Merge"));
      gtk_widget_set_name (button, "unmerge");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: %s is the names of the records merged into this one */
      accessible = g_strdup_printf (_ ("Undo the merge of %s"), names);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "merges.unmerge");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", merge->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
      self->n_merges++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_merges > 0);
}

static void
on_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonDuplicatesMerges) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) merges = NULL;

  if (self->context == NULL)
    return;
  merges = liaison_store_query_finish (liaison_context_get_store (self->context), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  fill (self, merges);
}

static void
unmerge_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonDuplicatesMerges *self = LIAISON_DUPLICATES_MERGES (widget);
  const char              *id = g_variant_get_string (parameter, NULL);
  LiaisonStore            *store;
  g_autoptr (LiaisonMergeRecord) merge = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *message = NULL;
  gint64           mark;

  if (self->context == NULL)
    return;
  store = liaison_context_get_store (self->context);
  merge = liaison_store_get_merge (store, id, NULL);
  mark = liaison_store_get_last_seq (store);
  if (!liaison_store_unmerge (store, id, &error))
    {
      gtk_widget_activate_action (widget, "win.show-toast", "s", error->message);
      return;
    }
  names = join_names (merge != NULL ? merge->merged_names : NULL);
  /* Translators: %s is the names of the records that were merged into this one */
  message = g_strdup_printf (_ ("Undid the merge: %s is a record of its own again"), names);
  gtk_widget_activate_action (widget, "win.show-undo-toast", "(sx)", message, mark);
}

static void
liaison_duplicates_merges_dispose (GObject *object)
{
  LiaisonDuplicatesMerges *self = (LiaisonDuplicatesMerges *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_duplicates_merges_parent_class)->dispose (object);
}

static void
liaison_duplicates_merges_finalize (GObject *object)
{
  LiaisonDuplicatesMerges *self = (LiaisonDuplicatesMerges *) object;

  g_clear_pointer (&self->participant_id, g_free);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_duplicates_merges_parent_class)->finalize (object);
}

static void
liaison_duplicates_merges_class_init (LiaisonDuplicatesMergesClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_duplicates_merges_dispose;
  object_class->finalize = liaison_duplicates_merges_finalize;

  gtk_widget_class_install_action (widget_class, "merges.unmerge", "s", unmerge_action);
}

static void
liaison_duplicates_merges_init (LiaisonDuplicatesMerges *self)
{
  self->rows = g_ptr_array_new ();
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _ ("Merged Records"));
  adw_preferences_group_set_description (self->group,
                                         _ ("Records of the same person merged into this one. Undoing a merge brings "
                                            "them back with their registrations; changes made here since are kept."));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Reads the merges into participant_id on the store's worker. */
void
liaison_duplicates_merges_show (LiaisonDuplicatesMerges *self, LiaisonContext *context, const char *participant_id)
{
  g_return_if_fail (LIAISON_IS_DUPLICATES_MERGES (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->context, context);
  g_free (self->participant_id);
  self->participant_id = g_strdup (participant_id);
  if (context == NULL || participant_id == NULL)
    {
      fill (self, NULL);
      return;
    }
  self->cancellable = g_cancellable_new ();
  liaison_store_query_async (liaison_context_get_store (context), read_merges, g_strdup (participant_id), g_free,
                             (GDestroyNotify) g_ptr_array_unref, self->cancellable, on_read, g_object_ref (self));
}

/* The merges shown, each with its Undo Merge. */
guint
liaison_duplicates_merges_get_n_merges (LiaisonDuplicatesMerges *self)
{
  g_return_val_if_fail (LIAISON_IS_DUPLICATES_MERGES (self), 0);

  return self->n_merges;
}
