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

char *
liaison_uuid_new_random (void)
{
  return g_uuid_string_random ();
}

/* The same record gets the same identifier in every install, so two offices
 * that share the built-in history never duplicate it when they sync. */
char *
liaison_uuid_new_for_name (const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 ns[16];
  guint8 digest[20];
  gsize len = sizeof digest;

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
