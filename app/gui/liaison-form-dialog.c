/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-core.h"
#include "liaison-form-dialog.h"

static GHashTable *
rows_of (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "form-rows");
}

AdwMessageDialog *
liaison_form_dialog_new (GtkWidget *parent, const char *heading, const char *body, const char *list_label)
{
  GtkRoot   *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, list_label, -1);
  gtk_box_append (GTK_BOX (box), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "form-box", box);
  g_object_set_data (G_OBJECT (dialog), "form-list", list);
  g_object_set_data_full (G_OBJECT (dialog), "form-rows", g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                          (GDestroyNotify) g_hash_table_unref);
  /* Wide enough for a name and its organisation. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, -1);
  return ADW_MESSAGE_DIALOG (dialog);
}

void
liaison_form_dialog_prepend (AdwMessageDialog *dialog, GtkWidget *child)
{
  gtk_box_prepend (GTK_BOX (g_object_get_data (G_OBJECT (dialog), "form-box")), child);
}

static GtkWidget *
add_row (AdwMessageDialog *dialog, const char *name, GtkWidget *row)
{
  gtk_widget_set_name (row, name);
  gtk_list_box_append (GTK_LIST_BOX (g_object_get_data (G_OBJECT (dialog), "form-list")), row);
  g_hash_table_insert (rows_of (dialog), g_strdup (name), row);
  return row;
}

GtkWidget *
liaison_form_dialog_add_entry (AdwMessageDialog *dialog, const char *name, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  return add_row (dialog, name, row);
}

GtkWidget *
liaison_form_dialog_add_choice (AdwMessageDialog  *dialog,
                                const char        *name,
                                const char        *title,
                                const char *const *choices,
                                guint              selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return add_row (dialog, name, row);
}

GtkWidget *
liaison_form_dialog_add_check (AdwMessageDialog *dialog, const char *name, const char *title, const char *subtitle, gboolean active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  return add_row (dialog, name, row);
}

GtkWidget *
liaison_form_dialog_get_row (AdwMessageDialog *dialog, const char *name)
{
  return g_hash_table_lookup (rows_of (dialog), name);
}

char *
liaison_form_dialog_dup_text (AdwMessageDialog *dialog, const char *name)
{
  GtkWidget *row = liaison_form_dialog_get_row (dialog, name);

  return row != NULL ? g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)))) : NULL;
}

guint
liaison_form_dialog_get_choice (AdwMessageDialog *dialog, const char *name)
{
  GtkWidget *row = liaison_form_dialog_get_row (dialog, name);

  return row != NULL ? adw_combo_row_get_selected (ADW_COMBO_ROW (row)) : GTK_INVALID_LIST_POSITION;
}

gboolean
liaison_form_dialog_get_check (AdwMessageDialog *dialog, const char *name)
{
  GtkWidget *row = liaison_form_dialog_get_row (dialog, name);

  return row != NULL && gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "check"));
}

/* Cancel, and one answer that is the default. */
void
liaison_form_dialog_set_responses (AdwMessageDialog *dialog, const char *id, const char *label, AdwResponseAppearance appearance)
{
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), id, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, id, appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : id);
  adw_message_dialog_set_close_response (dialog, "cancel");
}

/* China and the ten ASEAN member states, as the framework lists them. */
GPtrArray *
liaison_form_dialog_member_codes (void)
{
  g_autoptr (GPtrArray) members = liaison_country_list_members ();
  GPtrArray *codes = g_ptr_array_new ();

  for (guint i = 0; i < members->len; i++)
    g_ptr_array_add (codes, (gpointer) liaison_country_get_code (g_ptr_array_index (members, i)));
  return codes;
}

char **
liaison_form_dialog_member_names (GPtrArray *codes)
{
  char **names = g_new0 (char *, codes->len + 1);

  for (guint i = 0; i < codes->len; i++)
    names[i] = g_strdup (liaison_country_get_name (liaison_country_lookup (g_ptr_array_index (codes, i)),
                                                   liaison_language_for_locale ()));
  return names;
}

char *
liaison_form_dialog_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
