/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <string.h>

#include "liaison-ical.h"
#include "liaison-ics-export.h"
#include "liaison-store-sync.h"

#define PRODID "-//China-ASEAN Environmental Cooperation Center//Liaison//EN"

GPtrArray *
liaison_ics_components (const char *text,
                        const char *name)
{
  GPtrArray       *blocks = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *begin = g_strconcat ("BEGIN:", name, "\r\n", NULL);
  g_autofree char *end = g_strconcat ("END:", name, "\r\n", NULL);
  const char      *p = text;

  while ((p = strstr (p, begin)) != NULL)
    {
      const char *stop = strstr (p, end);

      if (stop == NULL)
        break;
      stop += strlen (end);
      /* Only whole lines: BEGIN must start one. */
      if (p == text || p[-1] == '\n')
        g_ptr_array_add (blocks, g_strndup (p, stop - p));
      p = stop;
    }
  return blocks;
}

/* The zone a VTIMEZONE block defines. */
static char *
tzid_of (const char *block)
{
  const char *p = strstr (block, "\nTZID:");
  size_t      n;

  if (p == NULL)
    return NULL;
  p += strlen ("\nTZID:");
  n = strcspn (p, "\r\n");
  return n > 0 ? g_strndup (p, n) : NULL;
}

char *
liaison_ics_export_events (LiaisonStore *store,
                           GPtrArray    *events,
                           GError      **error)
{
  g_autoptr (GString) zones = g_string_new (NULL);
  g_autoptr (GString) vevents = g_string_new (NULL);
  g_autoptr (GHashTable) seen_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *out;

  for (guint i = 0; i < events->len; i++)
    {
      LiaisonEvent *e = g_ptr_array_index (events, i);
      const char   *id = liaison_event_get_id (e);
      g_autoptr (GHashTable) fields = liaison_store_sync_get_fields (store, "event", id, error);
      g_autoptr (LiaisonSyncResource) resource = liaison_store_sync_get_resource (store, "event", id);
      g_autofree char *imported = resource == NULL ? liaison_store_sync_get_imported_text (store, id) : NULL;
      g_autofree char *text = NULL;
      g_autoptr (GPtrArray) tz_blocks = NULL;
      g_autoptr (GPtrArray) event_blocks = NULL;

      if (fields == NULL)
        return NULL;
      liaison_sync_fields_drop_attendees (fields);
      /* Patched into what other programs wrote (the server's copy, or
       * the file it was imported from), so their properties go out too. */
      text = liaison_ical_write (id, fields, NULL, resource != NULL ? resource->base : imported, error);
      if (text == NULL)
        return NULL;
      tz_blocks = liaison_ics_components (text, "VTIMEZONE");
      for (guint j = 0; j < tz_blocks->len; j++)
        {
          g_autofree char *zone = tzid_of (g_ptr_array_index (tz_blocks, j));

          if (zone != NULL && !g_hash_table_contains (seen_zones, zone))
            {
              g_string_append (zones, g_ptr_array_index (tz_blocks, j));
              g_hash_table_add (seen_zones, g_steal_pointer (&zone));
            }
        }
      event_blocks = liaison_ics_components (text, "VEVENT");
      for (guint j = 0; j < event_blocks->len; j++)
        g_string_append (vevents, g_ptr_array_index (event_blocks, j));
    }

  out = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" PRODID "\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
  g_string_append (out, zones->str);
  g_string_append (out, vevents->str);
  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free (out, FALSE);
}
