/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-duplicates-merge.h"
#include "liaison-duplicates-warning.h"
#include "liaison-store-merge.h"

/* In the participant editor, while a person is added: the people already
 * here who may be them (liaison_store_find_duplicates_of, milliseconds),
 * with a way to open that person or to save and merge. It warns; saving
 * is never blocked. */

#define MAX_SHOWN 3

struct _LiaisonDuplicatesWarning
{
  AdwBin parent_instance;

  LiaisonContext *context;
  GPtrArray      *matches; /* LiaisonPersonMatch */
  GPtrArray      *rows;

  GtkLabel   *heading;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (LiaisonDuplicatesWarning, liaison_duplicates_warning, ADW_TYPE_BIN)

typedef struct
{
  LiaisonContext *context;
  GtkWindow      *parent;
  char           *target_id;
} MergeRequest;

static void
merge_request_free (gpointer data, GClosure *closure)
{
  MergeRequest *request = data;

  g_clear_object (&request->context);
  g_clear_object (&request->parent);
  g_free (request->target_id);
  g_free (request);
}

static LiaisonPersonMatch *
match_at (LiaisonDuplicatesWarning *self, const char *id)
{
  for (guint i = 0; self->matches != NULL && i < self->matches->len; i++)
    {
      LiaisonPersonMatch *match = g_ptr_array_index (self->matches, i);

      if (g_strcmp0 (match->participant_id, id) == 0)
        return match;
    }
  return NULL;
}

/* The person saved: their record and the one already here, side by side. */
static void
on_saved (GtkWidget *editor, const char *id, MergeRequest *request)
{
  LiaisonDuplicatesMerge *dialog = liaison_duplicates_merge_new (request->context,
                                                                 (const char *const[]){ request->target_id, id, NULL });

  gtk_window_set_transient_for (GTK_WINDOW (dialog), request->parent);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonDuplicatesWarning *self = LIAISON_DUPLICATES_WARNING (widget);
  GtkWindow                *editor = GTK_WINDOW (gtk_widget_get_root (widget));
  GtkWindow                *parent = gtk_window_get_transient_for (editor);
  const char               *id = g_variant_get_string (parameter, NULL);

  if (parent == NULL || match_at (self, id) == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-participant", "s", id);
  /* Typed work is not dropped unasked (the editor asks). */
  gtk_window_close (editor);
}

static void
merge_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonDuplicatesWarning *self = LIAISON_DUPLICATES_WARNING (widget);
  g_autoptr (GtkWidget) held = g_object_ref (widget);
  GtkWidget *editor = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr (GtkWidget) held_editor = g_object_ref (editor);
  GtkWindow    *parent = gtk_window_get_transient_for (GTK_WINDOW (editor));
  const char   *id = g_variant_get_string (parameter, NULL);
  MergeRequest *request;
  gulong        handler;

  if (parent == NULL || match_at (self, id) == NULL)
    return;
  request = g_new0 (MergeRequest, 1);
  request->context = g_object_ref (self->context);
  request->parent = g_object_ref (parent);
  request->target_id = g_strdup (id);
  handler = g_signal_connect_data (editor, "saved", G_CALLBACK (on_saved), request, merge_request_free, 0);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  /* Not saved (the editor says why): no merge waits for a later Save. */
  if (g_signal_handler_is_connected (editor, handler))
    g_signal_handler_disconnect (editor, handler);
}

static void
clear_rows (LiaisonDuplicatesWarning *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
row_button (const char *label, const char *accessible, const char *action, const char *id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  return button;
}

static void
fill (LiaisonDuplicatesWarning *self)
{
  g_autofree char *heading = NULL;
  guint            n = self->matches != NULL ? MIN (self->matches->len, MAX_SHOWN) : 0;

  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  if (n == 0)
    return;

  if (n == 1)
    /* Translators: %s is the name of a person already in the database */
    heading = g_strdup_printf (_ ("This may be the same person as %s"),
                               ((LiaisonPersonMatch *) g_ptr_array_index (self->matches, 0))->name);
  else
    heading = g_strdup (_ ("This may be the same person as one of these"));
  gtk_label_set_label (self->heading, heading);

  for (guint i = 0; i < n; i++)
    {
      LiaisonPersonMatch *match = g_ptr_array_index (self->matches, i);
      GtkWidget          *row = adw_action_row_new ();
      g_autofree char    *reasons = liaison_match_reasons_describe (match->reasons);
      g_autofree char    *open = NULL;
      g_autofree char    *merge = NULL;
      g_autofree char    *subtitle = NULL;

      /* Translators: 1: a score out of 100, 2: the reasons (same e-mail, same country) */
      subtitle = g_strdup_printf (_ ("Score %1$u: %2$s"), match->score, reasons);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, match->participant_id);
      /* Translators: %s is a person's name */
      open = g_strdup_printf (_ ("Open %s"), match->name);
      /* Translators: %s is a person's name */
      merge = g_strdup_printf (_ ("Save this person, then merge them with %s"), match->name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (_ ("_Open"), open, "duplicates-warning.open", match->participant_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_ ("Save and _Merge…"), merge,
                                                                   "duplicates-warning.merge", match->participant_id));
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
liaison_duplicates_warning_dispose (GObject *object)
{
  LiaisonDuplicatesWarning *self = (LiaisonDuplicatesWarning *) object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->context);
  g_clear_pointer (&self->matches, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_duplicates_warning_parent_class)->dispose (object);
}

static void
liaison_duplicates_warning_finalize (GObject *object)
{
  LiaisonDuplicatesWarning *self = (LiaisonDuplicatesWarning *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_duplicates_warning_parent_class)->finalize (object);
}

static void
liaison_duplicates_warning_class_init (LiaisonDuplicatesWarningClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_duplicates_warning_dispose;
  object_class->finalize = liaison_duplicates_warning_finalize;

  gtk_widget_class_install_action (widget_class, "duplicates-warning.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "duplicates-warning.merge", "s", merge_action);
}

static void
liaison_duplicates_warning_init (LiaisonDuplicatesWarning *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *clamp;
  GtkWidget *note = gtk_label_new (_ ("Saving adds them anyway. If they are the same, open the person already here, "
                                      "or save and merge the two records."));

  self->rows = g_ptr_array_new ();
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 6);

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->heading), "duplicates-warning");
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_wrap (self->heading, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "warning");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heading));

  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (box), note);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("People who may be the same person"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  /* As wide as the form under it. */
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  adw_bin_set_child (ADW_BIN (self), clamp);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Looks for person (as typed, not saved) among the people here. */
void
liaison_duplicates_warning_check (LiaisonDuplicatesWarning *self, LiaisonContext *context, LiaisonParticipant *person)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (LIAISON_IS_DUPLICATES_WARNING (self));

  g_set_object (&self->context, context);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  if (context != NULL && person != NULL)
    self->matches = liaison_store_find_duplicates_of (liaison_context_get_store (context), person, MAX_SHOWN, &error);
  /* A name too short to look for, or a read that failed: no warning. */
  if (error != NULL)
    g_debug ("No duplicate check: %s", error->message);
  fill (self);
}

guint
liaison_duplicates_warning_get_n_matches (LiaisonDuplicatesWarning *self)
{
  g_return_val_if_fail (LIAISON_IS_DUPLICATES_WARNING (self), 0);

  return self->matches != NULL ? MIN (self->matches->len, MAX_SHOWN) : 0;
}
