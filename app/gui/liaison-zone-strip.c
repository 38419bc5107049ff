/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-core.h"
#include "liaison-gui-format.h"
#include "liaison-zone-strip.h"
#include "liaison-zones.h"

/* A proposed slot in every member country's local time (UTC+6:30 in
 * Yangon to UTC+9 in Jayapura), marked where it falls outside office hours
 * or on another day than at the venue. */

#define OFFICE_OPENS 8
#define OFFICE_CLOSES 18

struct _LiaisonZoneStrip
{
  GtkWidget parent_instance;

  GtkWidget  *grid;
  GHashTable *descriptions; /* zone id → text */
};

G_DEFINE_FINAL_TYPE (LiaisonZoneStrip, liaison_zone_strip, GTK_TYPE_WIDGET)

static gboolean
out_of_hours (GDateTime *t,
              gboolean   is_end)
{
  int minutes = g_date_time_get_hour (t) * 60 + g_date_time_get_minute (t);

  if (is_end)
    return minutes > OFFICE_CLOSES * 60 || minutes <= OFFICE_OPENS * 60;
  return minutes < OFFICE_OPENS * 60 || minutes >= OFFICE_CLOSES * 60;
}

static int
day_shift (GDateTime *here,
           GDateTime *venue)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, g_date_time_get_day_of_month (here), g_date_time_get_month (here), g_date_time_get_year (here));
  g_date_set_dmy (&b, g_date_time_get_day_of_month (venue), g_date_time_get_month (venue), g_date_time_get_year (venue));
  return g_date_days_between (&b, &a);
}

static void
clear (LiaisonZoneStrip *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_hash_table_remove_all (self->descriptions);
}

static GtkWidget *
cell_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

void
liaison_zone_strip_set_slot (LiaisonZoneStrip *self,
                             GDateTime        *start,
                             GDateTime        *end)
{
  g_autoptr (GPtrArray) members = liaison_country_list_members ();
  LiaisonLanguage lang = liaison_language_for_locale ();
  int             row = 0;

  g_return_if_fail (LIAISON_IS_ZONE_STRIP (self));

  clear (self);
  if (start == NULL)
    return;

  for (guint i = 0; i < members->len; i++)
    {
      const LiaisonCountry *country = g_ptr_array_index (members, i);
      const char *const    *zones = liaison_country_get_zones (country);

      for (guint z = 0; zones != NULL && zones[z] != NULL; z++)
        {
          g_autoptr (GTimeZone) zone = g_time_zone_new_identifier (zones[z]);
          g_autoptr (GDateTime) local_start = NULL;
          g_autoptr (GDateTime) local_end = NULL;
          g_autofree char *name = NULL;
          g_autofree char *times = NULL;
          g_autofree char *offset = NULL;
          g_autoptr (GString) marks = g_string_new (NULL);
          gboolean outside;
          int      shift;

          if (zone == NULL)
            continue;
          local_start = g_date_time_to_timezone (start, zone);
          local_end = end != NULL ? g_date_time_to_timezone (end, zone) : NULL;
          if (zones[1] != NULL)
            {
              g_autofree char *city = liaison_gui_format_zone_name (zones[z]);
              /* Translators: a country with one of its zones, “Indonesia (Jayapura)” */
              name = g_strdup_printf (_ ("%1$s (%2$s)"), liaison_country_get_name (country, lang), city);
            }
          else
            name = g_strdup (liaison_country_get_name (country, lang));
          offset = liaison_zones_format_offset ((int) (g_date_time_get_utc_offset (local_start) / G_TIME_SPAN_SECOND));
          if (local_end != NULL)
            {
              g_autofree char *a = liaison_gui_format_time (local_start);
              g_autofree char *b = liaison_gui_format_time (local_end);
              /* Translators: a meeting's hours, “09:30–17:00” */
              times = g_strdup_printf (C_ ("time range", "%1$s–%2$s"), a, b);
            }
          else
            times = liaison_gui_format_time (local_start);

          outside = out_of_hours (local_start, FALSE) || (local_end != NULL && out_of_hours (local_end, TRUE));
          shift = day_shift (local_start, start);
          if (shift > 0)
            liaison_gui_append_part (marks, _ ("next day"));
          else if (shift < 0)
            liaison_gui_append_part (marks, _ ("previous day"));
          if (outside)
            liaison_gui_append_part (marks, _ ("outside office hours"));

          gtk_grid_attach (GTK_GRID (self->grid), cell_label (name, NULL), 0, row, 1, 1);
          gtk_grid_attach (GTK_GRID (self->grid), cell_label (offset, "dim-label"), 1, row, 1, 1);
          gtk_grid_attach (GTK_GRID (self->grid), cell_label (times, outside ? "warning" : "numeric"), 2, row, 1, 1);
          gtk_grid_attach (GTK_GRID (self->grid), cell_label (marks->str, outside ? "warning" : "dim-label"), 3, row, 1, 1);
          g_hash_table_insert (self->descriptions, g_strdup (zones[z]),
                               g_strdup_printf ("%s %s%s%s", times, offset, marks->len > 0 ? " " : "", marks->str));
          row++;
        }
    }
}

char *
liaison_zone_strip_describe (LiaisonZoneStrip *self,
                             const char       *zone_id)
{
  return g_strdup (g_hash_table_lookup (self->descriptions, zone_id));
}

static void
liaison_zone_strip_dispose (GObject *object)
{
  LiaisonZoneStrip *self = (LiaisonZoneStrip *) object;

  g_clear_pointer (&self->grid, gtk_widget_unparent);
  g_clear_pointer (&self->descriptions, g_hash_table_unref);

  G_OBJECT_CLASS (liaison_zone_strip_parent_class)->dispose (object);
}

static void
liaison_zone_strip_class_init (LiaisonZoneStripClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_zone_strip_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zonestrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TABLE);
}

static void
liaison_zone_strip_init (LiaisonZoneStrip *self)
{
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  self->descriptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("The time in each member country"), -1);
}

GtkWidget *
liaison_zone_strip_new (void)
{
  return g_object_new (LIAISON_TYPE_ZONE_STRIP, NULL);
}
