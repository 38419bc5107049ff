/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <string.h>

#include "liaison-store-sync.h"
#include "liaison-sync-merge.h"

/* Only the field-map helpers of liaison-store-sync.h are used here: no
 * store, so tests/test-sync-merge.c runs the rule without a server. */

void
liaison_sync_clash_free (LiaisonSyncClash *c)
{
  g_free (c->field);
  g_free (c->base);
  g_free (c->local);
  g_free (c->remote);
  g_free (c);
}

void
liaison_sync_merge_free (LiaisonSyncMerge *merge)
{
  g_clear_pointer (&merge->fields, g_hash_table_unref);
  g_ptr_array_unref (merge->clashes);
  g_free (merge);
}

static void
add_clash (GPtrArray  *clashes,
           const char *field,
           const char *base,
           const char *local,
           const char *remote)
{
  LiaisonSyncClash *c = g_new0 (LiaisonSyncClash, 1);

  c->field = g_strdup (field);
  c->base = g_strdup (base);
  c->local = g_strdup (local);
  c->remote = g_strdup (remote);
  g_ptr_array_add (clashes, c);
}

static GHashTable *
copy_fields (GHashTable *fields)
{
  GHashTable    *copy = liaison_sync_fields_new ();
  GHashTableIter iter;
  gpointer       key, value;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

/* Three-way, field by field: a side that did not change a field takes the
 * other side's value; a field both changed differently keeps the server's
 * value for now and goes to the conflict queue with the local one, so both
 * offices see the same record and a person chooses. Attendees are fields of
 * their own, so two offices adding different people both win. */
static GHashTable *
merge_fields (GHashTable *base,
              GHashTable *local,
              GHashTable *remote,
              GPtrArray  *clashes)
{
  GHashTable *merged = liaison_sync_fields_new ();
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer       key;

  g_hash_table_iter_init (&iter, local);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keys, key);
  g_hash_table_iter_init (&iter, remote);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keys, key);

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *b = base != NULL ? g_hash_table_lookup (base, key) : NULL;
      const char *l = g_hash_table_lookup (local, key);
      const char *r = g_hash_table_lookup (remote, key);
      const char *v;

      /* A registration's id is not an edit: the server's, once it has one,
       * is the one both offices keep. */
      if (g_str_has_prefix (key, LIAISON_SYNC_REGISTRATION_PREFIX))
        v = r != NULL ? r : l;
      else if (g_strcmp0 (l, r) == 0 || g_strcmp0 (l, b) == 0)
        v = r;
      else if (g_strcmp0 (r, b) == 0)
        v = l;
      /* The same person moved on the waitlist in both offices: the move
       * that reached the server first stands, as a number is no choice to
       * put to a person. Moves of different people both stand. */
      else if (g_str_has_prefix (key, LIAISON_SYNC_WAITLIST_PREFIX))
        v = r;
      else
        {
          add_clash (clashes, key, b, l, r);
          v = r;
        }
      if (v != NULL)
        g_hash_table_insert (merged, g_strdup (key), g_strdup (v));
    }

  /* The id and the waitlist place of a registration that the merge
   * removed go with it. */
  g_hash_table_iter_init (&iter, merged);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char      *prefix = g_str_has_prefix (key, LIAISON_SYNC_REGISTRATION_PREFIX) ? LIAISON_SYNC_REGISTRATION_PREFIX
                                : g_str_has_prefix (key, LIAISON_SYNC_WAITLIST_PREFIX)   ? LIAISON_SYNC_WAITLIST_PREFIX
                                                                                         : NULL;
      g_autofree char *attendee = NULL;

      if (prefix == NULL)
        continue;
      attendee = g_strconcat (LIAISON_SYNC_ATTENDEE_PREFIX, (const char *) key + strlen (prefix), NULL);
      if (!g_hash_table_contains (merged, attendee))
        g_hash_table_iter_remove (&iter);
    }
  return merged;
}

LiaisonSyncMerge *
liaison_sync_merge (GHashTable *base,
                    GHashTable *local,
                    GHashTable *remote,
                    gboolean    local_pending)
{
  LiaisonSyncMerge *m = g_new0 (LiaisonSyncMerge, 1);

  m->clashes = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_sync_clash_free);
  if (remote == NULL)
    {
      /* Deleted on the server: an edit here (or a change waiting to be
       * sent) wins, written again; the queue remembers the deletion. */
      if (local != NULL && (!liaison_sync_fields_equal (local, base) || local_pending))
        {
          g_autofree char *json = liaison_sync_fields_to_json (local);

          m->fields = copy_fields (local);
          add_clash (m->clashes, NULL, NULL, json, NULL);
        }
    }
  else if (local == NULL && base != NULL)
    {
      /* Deleted here since the last sync: the deletion goes unless the
       * server edited the record, which then comes back with that edit. */
      if (!liaison_sync_fields_equal (base, remote))
        {
          g_autofree char *json = liaison_sync_fields_to_json (remote);

          m->fields = copy_fields (remote);
          add_clash (m->clashes, NULL, NULL, NULL, json);
        }
    }
  else if (local == NULL)
    m->fields = copy_fields (remote);
  else
    m->fields = merge_fields (base, local, remote, m->clashes);
  return m;
}

GHashTable *
liaison_sync_merge_base_with_sent (GHashTable *base,
                                   GHashTable *remote,
                                   GPtrArray  *sent)
{
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable    *own;
  GHashTableIter iter;
  gpointer       key;

  own = base != NULL ? copy_fields (base) : liaison_sync_fields_new ();
  g_hash_table_iter_init (&iter, remote);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keys, key);
  for (guint i = 0; i < sent->len; i++)
    {
      g_hash_table_iter_init (&iter, g_ptr_array_index (sent, i));
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (keys, key);
    }

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *r = g_hash_table_lookup (remote, key);

      for (guint i = 0; i < sent->len; i++)
        if (g_strcmp0 (g_hash_table_lookup (g_ptr_array_index (sent, i), key), r) == 0)
          {
            if (r != NULL)
              g_hash_table_insert (own, g_strdup (key), g_strdup (r));
            else
              g_hash_table_remove (own, key);
            break;
          }
    }
  return own;
}
