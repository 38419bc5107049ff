/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "liaison-core-error.h"
#include "liaison-event.h"
#include "liaison-time-zone.h"

/* Time zones by IANA name. GLib takes a path or a POSIX TZ string for a
 * zone as well, and prints a critical when a path leads to a file that is
 * not a zone ("../../etc/passwd"); what a person types never reaches it
 * unchecked. */

static const char *
zoneinfo_dir (void)
{
  const char *dir = g_getenv ("TZDIR");

  /* Where GLib looks, too. */
  return dir != NULL && *dir != '\0' ? dir : "/usr/share/zoneinfo";
}

/* "Asia/Yangon", "America/Argentina/Buenos_Aires", "Etc/GMT+8", "UTC":
 * parts of letters, digits and _ - + . between slashes, never "." or "..",
 * starting with a letter. */
static gboolean
is_zone_name (const char *name)
{
  g_auto (GStrv) parts = NULL;

  if (name == NULL || !g_ascii_isalpha (*name) || strlen (name) > 255)
    return FALSE;
  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && strchr ("_-+.", *p) == NULL)
          return FALSE;
    }
  return TRUE;
}

static gboolean
has_parent_part (const char *name)
{
  g_auto (GStrv) parts = g_strsplit (name, "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return TRUE;
  return FALSE;
}

typedef enum
{
  NO_FILE = 1,
  ZONE_FILE,
  OTHER_FILE,
} FileKind;

/* What is at path: nothing, a compiled zone (RFC 8536: it begins "TZif")
 * or some other file. Answers are kept: a list of events asks once per
 * event. */
static FileKind
file_kind (const char *path)
{
  G_LOCK_DEFINE_STATIC (known);
  static GHashTable *known = NULL;
  FileKind           kind;
  char               magic[4];
  FILE              *file;

  G_LOCK (known);
  if (known == NULL)
    known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  kind = GPOINTER_TO_INT (g_hash_table_lookup (known, path));
  G_UNLOCK (known);
  if (kind != 0)
    return kind;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    kind = NO_FILE;
  else if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && (file = g_fopen (path, "rb")) != NULL)
    {
      kind = fread (magic, 1, sizeof magic, file) == sizeof magic && memcmp (magic, "TZif", 4) == 0 ? ZONE_FILE : OTHER_FILE;
      fclose (file);
    }
  else
    kind = OTHER_FILE;

  G_LOCK (known);
  g_hash_table_insert (known, g_strdup (path), GINT_TO_POINTER (kind));
  G_UNLOCK (known);
  return kind;
}

/* Zones already read, by zoneinfo folder and name. GLib forgets a zone
 * once its last reference goes, and reads and parses its file again the
 * next time: a list of events asks for each event's zone several times
 * (the Overview's next events read 6,000 zone files at 1,500 events).
 * Zones never change, so they are kept; only names that are zones, and at
 * most MAX_KEPT_ZONES of them (a stored offset or POSIX TZ string can be
 * any text). */
#define MAX_KEPT_ZONES 512

G_LOCK_DEFINE_STATIC (kept_zones);
static GHashTable *kept_zones = NULL;

static GTimeZone *
lookup_kept (const char *key)
{
  GTimeZone *tz = NULL;

  G_LOCK (kept_zones);
  if (kept_zones != NULL && (tz = g_hash_table_lookup (kept_zones, key)) != NULL)
    g_time_zone_ref (tz);
  G_UNLOCK (kept_zones);
  return tz;
}

static void
keep (const char *key,
      GTimeZone  *tz)
{
  G_LOCK (kept_zones);
  if (kept_zones == NULL)
    kept_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
  if (g_hash_table_size (kept_zones) < MAX_KEPT_ZONES && !g_hash_table_contains (kept_zones, key))
    g_hash_table_insert (kept_zones, g_strdup (key), g_time_zone_ref (tz));
  G_UNLOCK (kept_zones);
}

static GTimeZone *
read_zone (const char *name)
{
  if (*name == '/')
    {
      if (file_kind (name) != ZONE_FILE)
        return NULL;
    }
  else
    {
      g_autofree char *path = g_build_filename (zoneinfo_dir (), name, NULL);

      /* A file of the database that is not a zone (zone.tab, tzdata.zi);
       * no file at all is an offset or a POSIX TZ string, read by GLib. */
      if (file_kind (path) == OTHER_FILE)
        return NULL;
    }
  return g_time_zone_new_identifier (name);
}

/* The zone of a stored or typed name, or NULL; never a critical. Stored
 * names other than IANA ones (an absolute path or an offset that older
 * versions accepted) still read, as long as they are zones. */
GTimeZone *
liaison_time_zone_new (const char *name)
{
  g_autofree char *key = NULL;
  GTimeZone       *tz;

  if (name == NULL || *name == '\0' || *name == ':' || has_parent_part (name))
    return NULL;
  key = g_strconcat (zoneinfo_dir (), "\n", name, NULL);
  if ((tz = lookup_kept (key)) != NULL)
    return tz;
  tz = read_zone (name);
  if (tz != NULL)
    keep (key, tz);
  return tz;
}

/* What a person may give as a zone: an IANA name of the system's zone
 * database (a path, a fixed offset such as +05:30 or a POSIX TZ string
 * would be another zone on another machine). */
gboolean
liaison_time_zone_check (const char *name,
                         GError    **error)
{
  static const char *not_zones[] = { "localtime", "posixrules", "Factory" };
  gboolean           ok = is_zone_name (name);

  if (ok && (g_str_has_prefix (name, "posix/") || g_str_has_prefix (name, "right/") || g_strv_contains (not_zones, name)))
    ok = FALSE;
  if (ok && g_file_test (zoneinfo_dir (), G_FILE_TEST_IS_DIR))
    {
      g_autofree char *path = g_build_filename (zoneinfo_dir (), name, NULL);

      ok = file_kind (path) == ZONE_FILE;
    }
  else if (ok)
    {
      /* No zone database to look in: what GLib knows. */
      g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (name);

      ok = tz != NULL;
    }
  if (!ok)
    {
      g_autofree char *shown = g_utf8_make_valid (name != NULL ? name : "", -1);

      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                   _ ("“%s” is not a time zone (use an IANA name such as Asia/Yangon)"), shown);
    }
  return ok;
}

/* The zone a person means by "my time", as an IANA name: the one they
 * chose (Preferences, or a command's --tz) when it is a zone, else
 * this computer's when it has an IANA name (TZ, /etc/localtime), else
 * NULL. Times another calendar leaves floating are read in it. */
char *
liaison_time_zone_own (const char *chosen)
{
  g_autoptr (GTimeZone) local = NULL;
  const char *id;

  if (chosen != NULL && *chosen != '\0' && liaison_time_zone_check (chosen, NULL))
    return g_strdup (chosen);
  local = g_time_zone_new_local ();
  id = g_time_zone_get_identifier (local);
  if (id != NULL && liaison_time_zone_check (id, NULL))
    return g_strdup (id);
  return NULL;
}

static char *
format_clock (gint64 seconds)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return time != NULL ? g_date_time_format (time, "%H:%M") : g_strdup ("?");
}

/* A local time that the zone's clocks skip (New York, 2025-03-09 02:30:
 * 02:00 is followed by 03:00) is not a time at all: GLib would quietly
 * move it an hour on. A date without a time always passes. */
gboolean
liaison_time_zone_check_local (const char *zone,
                               const char *local,
                               GError    **error)
{
  g_autoptr (GTimeZone) tz = NULL;
  g_autoptr (GDateTime) wall = NULL;
  g_autoptr (GDateTime) placed = NULL;
  LiaisonDatePrecision precision;
  int                  y, mo, d, h, mi;
  gint64               lo, hi, before, after;
  g_autofree char     *from = NULL, *to = NULL, *shown = NULL;

  if (!liaison_parse_local_time (local, &precision, &y, &mo, &d, &h, &mi) || precision != LIAISON_DATE_PRECISION_TIME || (tz = liaison_time_zone_new (zone)) == NULL)
    return TRUE;

  placed = g_date_time_new (tz, y, mo, d, h, mi, 0);
  if (placed != NULL && g_date_time_get_year (placed) == y && g_date_time_get_month (placed) == mo && g_date_time_get_day_of_month (placed) == d && g_date_time_get_hour (placed) == h && g_date_time_get_minute (placed) == mi)
    return TRUE;

  /* The jump: the last instant with the offset before it and the first
   * with the one after, found between a day before and the moved time. */
  wall = g_date_time_new_utc (y, mo, d, h, mi, 0);
  hi = placed != NULL ? g_date_time_to_unix (placed) : g_date_time_to_unix (wall);
  lo = hi - 2 * 24 * 3600;
  after = g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, hi));
  before = g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, lo));
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, mid)) == after)
        hi = mid;
      else
        lo = mid;
    }
  from = format_clock (hi + before);
  to = format_clock (hi + after);
  /* As a person reads it, not as the command line takes it. */
  shown = g_strdelimit (g_strdup (local), "T", ' ');
  g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
               /* Translators: %1$s is a local time (2025-03-09 02:30), %2$s a zone, %3$s and %4$s clock times (02:00, 03:00) */
               _ ("%1$s does not exist in %2$s: that day the clocks go from %3$s straight to %4$s"), shown, zone, from,
               to);
  return FALSE;
}
