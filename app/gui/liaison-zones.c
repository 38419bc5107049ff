/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "liaison-core.h"
#include "liaison-gui-format.h"
#include "liaison-zones.h"

static int
compare_zone_ids (gconstpointer a,
                  gconstpointer b)
{
  /* g_ptr_array_sort hands pointers to the elements. */
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
liaison_zones_list (guint *n_member_zones)
{
  g_autoptr (GPtrArray) members = liaison_country_list_members ();
  g_autoptr (GPtrArray) all = liaison_country_list_all ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) others = g_ptr_array_new ();
  GPtrArray *zones = g_ptr_array_new ();

  for (guint i = 0; i < members->len; i++)
    {
      const char *const *z = liaison_country_get_zones (g_ptr_array_index (members, i));

      for (guint j = 0; z != NULL && z[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer) z[j]))
          g_ptr_array_add (zones, (gpointer) z[j]);
    }
  if (n_member_zones != NULL)
    *n_member_zones = zones->len;

  for (guint i = 0; i < all->len; i++)
    {
      const char *const *z = liaison_country_get_zones (g_ptr_array_index (all, i));

      for (guint j = 0; z != NULL && z[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer) z[j]))
          g_ptr_array_add (others, (gpointer) z[j]);
    }
  g_ptr_array_sort (others, compare_zone_ids);
  for (guint i = 0; i < others->len; i++)
    g_ptr_array_add (zones, g_ptr_array_index (others, i));
  return zones;
}

char *
liaison_zones_format_offset (int seconds)
{
  int minutes = ABS (seconds) / 60;

  if (minutes % 60 == 0)
    return g_strdup_printf ("UTC%c%d", seconds < 0 ? '-' : '+', minutes / 60);
  return g_strdup_printf ("UTC%c%d:%02d", seconds < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

static const LiaisonCountry *
country_of_zone (const char *zone_id)
{
  g_autoptr (GPtrArray) all = liaison_country_list_all ();

  for (guint i = 0; i < all->len; i++)
    {
      const char *const *z = liaison_country_get_zones (g_ptr_array_index (all, i));

      for (guint j = 0; z != NULL && z[j] != NULL; j++)
        if (g_str_equal (z[j], zone_id))
          return g_ptr_array_index (all, i);
    }
  return NULL;
}

/* “Yangon, Myanmar (UTC+6:30)”, with the country in the interface language. */
char *
liaison_zones_describe (const char *zone_id)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier (zone_id);
  g_autoptr (GDateTime) now = NULL;
  g_autofree char      *city = liaison_gui_format_zone_name (zone_id);
  g_autofree char      *offset = NULL;
  const LiaisonCountry *country = country_of_zone (zone_id);

  if (zone == NULL)
    return g_strdup (zone_id);
  now = g_date_time_new_now (zone);
  offset = liaison_zones_format_offset ((int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND));
  if (country == NULL)
    /* Translators: a time zone, “Yangon (UTC+6:30)” */
    return g_strdup_printf (_ ("%1$s (%2$s)"), city, offset);
  /* Translators: a time zone, “Yangon, Myanmar (UTC+6:30)” */
  return g_strdup_printf (_ ("%1$s, %2$s (%3$s)"), city,
                          liaison_country_get_name (country, liaison_language_for_locale ()), offset);
}

GListModel *
liaison_zones_model_new (guint *n_member_zones)
{
  g_autoptr (GPtrArray) zones = liaison_zones_list (n_member_zones);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < zones->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (zones, i));
  return G_LIST_MODEL (list);
}
