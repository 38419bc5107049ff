/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-person-picker.h"

#define MAX_FOUND 8

struct _LiaisonPersonPicker
{
  GtkBox parent_instance;

  LiaisonContext *context;
  GCancellable   *cancellable;
  GPtrArray      *found; /* LiaisonParticipant, as the rows */

  GtkSearchEntry *search_entry;
  GtkListBox     *results;
};

G_DEFINE_FINAL_TYPE (LiaisonPersonPicker, liaison_person_picker, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gpointer
search_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  return liaison_store_search_participants (reader, data, MAX_FOUND, error);
}

static void
on_found (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonPersonPicker) self = user_data;
  g_autoptr (GError) error = NULL;
  GPtrArray *found = liaison_store_query_finish (NULL, result, &error);
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  self->found = found != NULL ? found : g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->found->len; i++)
    {
      LiaisonParticipant   *p = g_ptr_array_index (self->found, i);
      g_autofree char      *name = liaison_participant_dup_display_name (p);
      const LiaisonCountry *c = liaison_country_lookup (liaison_participant_get_country (p));
      const char           *org = liaison_bilingual_get_display (liaison_participant_get_organisation (p), liaison_language_for_locale ());
      GtkWidget            *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (c != NULL || *org != '\0')
        {
          g_autofree char *where = c != NULL && *org != '\0'
                                       ? g_strdup_printf (C_ ("work and country", "%1$s · %2$s"), org,
                                                          liaison_country_get_name (c, liaison_language_for_locale ()))
                                       : g_strdup (c != NULL ? liaison_country_get_name (c, liaison_language_for_locale ()) : org);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
        }
      gtk_list_box_append (self->results, row);
    }
  if (self->found->len > 0)
    gtk_list_box_select_row (self->results, gtk_list_box_get_row_at_index (self->results, 0));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
on_search_changed (LiaisonPersonPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->context == NULL || *text == '\0')
    return;
  self->cancellable = g_cancellable_new ();
  liaison_store_query_async (liaison_context_get_store (self->context), search_in_worker, g_strdup (text), g_free,
                             (GDestroyNotify) g_ptr_array_unref, self->cancellable, on_found, g_object_ref (self));
}

static void
on_selection_changed (LiaisonPersonPicker *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
liaison_person_picker_dispose (GObject *object)
{
  LiaisonPersonPicker *self = (LiaisonPersonPicker *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_PERSON_PICKER);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_person_picker_parent_class)->dispose (object);
}

static void
liaison_person_picker_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonPersonPicker *self = (LiaisonPersonPicker *) object;

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, liaison_person_picker_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_person_picker_class_init (LiaisonPersonPickerClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_person_picker_dispose;
  object_class->get_property = liaison_person_picker_get_property;

  properties[PROP_SELECTED] = g_param_spec_object ("selected", NULL, NULL, LIAISON_TYPE_PARTICIPANT,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-person-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonPersonPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPersonPicker, results);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
}

static void
liaison_person_picker_init (LiaisonPersonPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
liaison_person_picker_new (LiaisonContext *context)
{
  LiaisonPersonPicker *self = g_object_new (LIAISON_TYPE_PERSON_PICKER, NULL);

  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}

void
liaison_person_picker_search (LiaisonPersonPicker *self, const char *text)
{
  g_return_if_fail (LIAISON_IS_PERSON_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed (self);
}

LiaisonParticipant *
liaison_person_picker_get_selected (LiaisonPersonPicker *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results);
  int            i = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (i < 0 || self->found == NULL || (guint) i >= self->found->len)
    return NULL;
  return g_ptr_array_index (self->found, i);
}

GtkListBox *
liaison_person_picker_get_results (LiaisonPersonPicker *self)
{
  return self->results;
}
