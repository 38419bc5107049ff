/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-format.h"
#include "liaison-labels.h"
#include "liaison-registration-rows.h"

/* The statuses a registration may start from, in the order a form offers
 * them (the store refuses the others: liaison_store_register_many). */
static const LiaisonRegistrationStatus initial_statuses[] = {
  LIAISON_REGISTRATION_INVITED,
  LIAISON_REGISTRATION_REGISTERED,
  LIAISON_REGISTRATION_CONFIRMED,
  LIAISON_REGISTRATION_WAITLISTED,
  LIAISON_REGISTRATION_NOMINATED,
};

/* Events still to come or of last year, newest first, after a first item
 * for "none" (nobody); preset is listed and chosen whatever its year.
 * Returns the ids in the rows' order, NULL for the first. */
GPtrArray *
liaison_registration_rows_fill_events (AdwComboRow  *row,
                                       LiaisonStore *store,
                                       const char   *nobody,
                                       const char   *preset)
{
  g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) events = liaison_store_list_events (store, NULL, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  LiaisonLanguage lang = liaison_language_for_locale ();
  GPtrArray      *ids = g_ptr_array_new_with_free_func (g_free);
  guint           chosen = 0;

  gtk_string_list_append (titles, nobody);
  g_ptr_array_add (ids, NULL);
  for (guint i = events != NULL ? events->len : 0; i > 0; i--)
    {
      LiaisonEvent    *e = g_ptr_array_index (events, i - 1);
      gboolean         is_preset = g_strcmp0 (liaison_event_get_id (e), preset) == 0;
      g_autofree char *when = NULL;
      g_autofree char *item = NULL;

      if (!is_preset && liaison_event_get_year (e) < g_date_time_get_year (now) - 1)
        continue;
      when = liaison_format_event_when (e, lang);
      /* Translators: an event in a list, “Forum 2025 (10 September 2025)” */
      item = g_strdup_printf (_ ("%1$s (%2$s)"), liaison_bilingual_get_display (liaison_event_get_title (e), lang), when);
      if (is_preset)
        chosen = ids->len;
      gtk_string_list_append (titles, item);
      g_ptr_array_add (ids, g_strdup (liaison_event_get_id (e)));
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (row, chosen);
  return ids;
}

void
liaison_registration_rows_fill_roles (AdwComboRow *row,
                                      LiaisonRole  selected)
{
  g_autoptr (GtkStringList) roles = gtk_string_list_new (NULL);

  for (guint role = 0; role < LIAISON_N_ROLES; role++)
    gtk_string_list_append (roles, liaison_role_label (role));
  adw_combo_row_set_model (row, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (row, selected);
}

void
liaison_registration_rows_fill_statuses (AdwComboRow              *row,
                                         LiaisonRegistrationStatus selected)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (initial_statuses); i++)
    gtk_string_list_append (names, liaison_registration_status_label (initial_statuses[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  for (guint i = 0; i < G_N_ELEMENTS (initial_statuses); i++)
    if (initial_statuses[i] == selected)
      adw_combo_row_set_selected (row, i);
}

LiaisonRole
liaison_registration_rows_get_role (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < LIAISON_N_ROLES ? (LiaisonRole) selected : LIAISON_ROLE_DELEGATE;
}

LiaisonRegistrationStatus
liaison_registration_rows_get_status (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < G_N_ELEMENTS (initial_statuses) ? initial_statuses[selected] : LIAISON_REGISTRATION_REGISTERED;
}
