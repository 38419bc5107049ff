/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <string.h>

#include "liaison-uuid.h"

static gboolean
parse_uuid (const char *text,
            guint8      out[16])
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      int hi, lo;

      if (*p == '-')
        continue;
      if (n == 16 || p[1] == '\0')
        return FALSE;
      hi = g_ascii_xdigit_value (p[0]);
      lo = g_ascii_xdigit_value (p[1]);
      if (hi < 0 || lo < 0)
        return FALSE;
      out[n++] = (guint8) (hi << 4 | lo);
      p++;
    }

  return n == 16;
}

static char *
format_uuid (const guint8 b[16])
{
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* RFC 9562 version 7: the time in milliseconds, a 12-bit counter, then
 * random bits. Unique like any random UUID, but records made one after
 * another get increasing identifiers, so inserting them touches the end of
 * each index instead of a random page of it (a bulk load of 100,000 people
 * runs faster), and sorting by identifier is sorting by creation. Within
 * one millisecond the counter (RFC 9562 6.2, method 1) keeps the order;
 * when it runs out, the time moves on a millisecond, as 6.2 allows. */
G_LOCK_DEFINE_STATIC (uuid_clock);

char *
liaison_uuid_new (void)
{
  static guint64 last_ms;
  static guint   counter;
  guint64        ms = (guint64) (g_get_real_time () / 1000);
  guint8         b[16];

  G_LOCK (uuid_clock);
  if (ms > last_ms)
    {
      last_ms = ms;
      /* Start low enough that a burst has room to count. */
      counter = g_random_int_range (0, 0x800);
    }
  else if (++counter > 0xfff)
    {
      last_ms++;
      counter = g_random_int_range (0, 0x800);
    }
  ms = last_ms;
  G_UNLOCK (uuid_clock);

  for (guint i = 8; i < 16; i += 4)
    {
      guint32 r = g_random_int ();
      memcpy (b + i, &r, 4);
    }
  for (guint i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (40 - 8 * i));
  b[6] = (guint8) (0x70 | (counter >> 8));
  b[7] = (guint8) (counter & 0xff);
  b[8] = (b[8] & 0x3f) | 0x80;

  return format_uuid (b);
}

/* The same record gets the same identifier in every install, so two offices
 * that share the built-in history never duplicate it when they sync. */
char *
liaison_uuid_new_for_name (const char *name)
{
  g_autoptr (GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 ns[16];
  guint8 digest[20];
  gsize  len = sizeof digest;

  g_return_val_if_fail (name != NULL, NULL);

  if (!parse_uuid (LIAISON_UUID_NAMESPACE, ns))
    g_assert_not_reached ();

  g_checksum_update (sha1, ns, sizeof ns);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &len);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return format_uuid (digest);
}

gboolean
liaison_uuid_is_valid (const char *text)
{
  return text != NULL && g_uuid_string_is_valid (text);
}

/* What a person reads and types: the last eight characters, random in
 * every kind of identifier (the first ones of a version 7 id are a time). */
const char *
liaison_uuid_short (const char *id)
{
  gsize len;

  g_return_val_if_fail (id != NULL, NULL);

  len = strlen (id);
  return len > 8 ? id + len - 8 : id;
}
