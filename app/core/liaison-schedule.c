/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-schedule.h"

struct _LiaisonSchedule
{
  gatomicrefcount        ref_count;
  char                  *text;
  GArray                *years;
  int                    start_year;
  gboolean               every_year;
  gboolean               tentative;
  LiaisonScheduleAnomaly anomaly;
  char                  *anomaly_piece;
};

G_DEFINE_BOXED_TYPE (LiaisonSchedule, liaison_schedule, liaison_schedule_ref, liaison_schedule_unref)

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
add_year (LiaisonSchedule *self,
          int              year)
{
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      return;
  g_array_append_val (self->years, year);
}

static void
flag (LiaisonSchedule       *self,
      LiaisonScheduleAnomaly anomaly,
      const char            *piece)
{
  /* The first anomaly is the one a person needs to see. */
  if (self->anomaly != LIAISON_SCHEDULE_OK)
    return;
  self->anomaly = anomaly;
  self->anomaly_piece = g_strdup (piece);
}

/* Reads a four-digit year at *p and advances past it. */
static gboolean
read_year (const char **p,
           int         *year)
{
  const char *s = *p;

  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  if (g_ascii_isdigit (s[4]))
    return FALSE;

  *year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  *p = s + 4;
  return TRUE;
}

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c))
        break;
      p = g_utf8_next_char (p);
    }
  return p;
}

static gboolean
skip_dash (const char **p)
{
  static const char *dashes[] = { "-", "\xe2\x80\x93", "\xe2\x80\x94", "\xef\xbc\x8d", "~", "\xe8\x87\xb3" };

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    if (g_str_has_prefix (*p, dashes[i]))
      {
        *p += strlen (dashes[i]);
        return TRUE;
      }
  return FALSE;
}

static void
parse_piece (LiaisonSchedule *self,
             const char      *piece,
             int              first,
             int              last)
{
  const char *p = skip_spaces (piece);
  int         a, b;

  if (*p == '\0')
    return;

  if (strstr (p, "\xe8\xae\xa1\xe5\x88\x92") != NULL /* 计划 */
      && (g_str_has_prefix (p, "(") || g_str_has_prefix (p, "\xef\xbc\x88")))
    {
      self->tentative = TRUE;
      return;
    }

  if (g_str_has_prefix (p, "\xe6\xaf\x8f\xe5\xb9\xb4") /* 每年 */)
    {
      self->every_year = TRUE;
      for (int y = first; y <= last; y++)
        add_year (self, y);
      return;
    }

  if (!read_year (&p, &a))
    {
      flag (self, LIAISON_SCHEDULE_UNRECOGNISED, piece);
      return;
    }

  p = skip_spaces (p);

  if (g_str_has_prefix (p, "\xe5\xb9\xb4") /* 年 */)
    {
      p = skip_spaces (p + strlen ("\xe5\xb9\xb4"));
      if (g_str_has_prefix (p, "\xe5\x90\xaf\xe5\x8a\xa8") /* 启动 */)
        {
          self->start_year = a;
          p += strlen ("\xe5\x90\xaf\xe5\x8a\xa8");
        }
      else
        add_year (self, a);
    }
  else if (skip_dash (&p))
    {
      p = skip_spaces (p);
      if (!read_year (&p, &b))
        {
          flag (self, LIAISON_SCHEDULE_UNRECOGNISED, piece);
          return;
        }
      if (b < a)
        {
          /* Keep the text, add no years: which end is wrong is a person's call. */
          flag (self, LIAISON_SCHEDULE_INVERTED_RANGE, piece);
          return;
        }
      for (int y = a; y <= b; y++)
        add_year (self, y);
      p = skip_spaces (p);
      if (g_str_has_prefix (p, "\xe5\xb9\xb4"))
        p += strlen ("\xe5\xb9\xb4");
    }
  else
    add_year (self, a);

  p = skip_spaces (p);
  if (*p != '\0')
    {
      /* A trailing "(计划)" in the same piece marks it tentative. */
      if (strstr (p, "\xe8\xae\xa1\xe5\x88\x92") != NULL)
        self->tentative = TRUE;
      else
        flag (self, LIAISON_SCHEDULE_UNRECOGNISED, piece);
    }
}

LiaisonSchedule *
liaison_schedule_parse (const char *text,
                        int         plan_first_year,
                        int         plan_last_year)
{
  LiaisonSchedule *self;
  g_autofree char *normal = NULL;
  g_auto (GStrv) pieces = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_new0 (LiaisonSchedule, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_strdup (text);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));

  /* Full-width commas and the enumeration comma separate pieces too. */
  {
    GString *s = g_string_new (text);
    g_string_replace (s, "\xef\xbc\x8c", ",", 0);
    g_string_replace (s, "\xe3\x80\x81", ",", 0);
    g_string_replace (s, ";", ",", 0);
    /* "2020 年启动 (计划)" has the tentative mark after a space, not a comma. */
    g_string_replace (s, "(", ",(", 0);
    g_string_replace (s, "\xef\xbc\x88", ",\xef\xbc\x88", 0);
    normal = g_string_free (s, FALSE);
  }

  pieces = g_strsplit (normal, ",", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    parse_piece (self, g_strstrip (pieces[i]), plan_first_year, plan_last_year);

  if (self->years->len == 0 && self->start_year == 0 && self->anomaly == LIAISON_SCHEDULE_OK)
    flag (self, LIAISON_SCHEDULE_UNRECOGNISED, text);

  g_array_sort (self->years, compare_int);

  return self;
}

LiaisonSchedule *
liaison_schedule_ref (LiaisonSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
liaison_schedule_unref (LiaisonSchedule *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->text);
      g_free (self->anomaly_piece);
      g_array_unref (self->years);
      g_free (self);
    }
}

const char *
liaison_schedule_get_text (const LiaisonSchedule *self)
{
  return self->text;
}

const int *
liaison_schedule_get_years (const LiaisonSchedule *self,
                            guint                 *n_years)
{
  if (n_years != NULL)
    *n_years = self->years->len;
  return (const int *) (gpointer) self->years->data;
}

gboolean
liaison_schedule_has_year (const LiaisonSchedule *self,
                           int                    year)
{
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      return TRUE;
  return FALSE;
}

int
liaison_schedule_get_start_year (const LiaisonSchedule *self)
{
  return self->start_year;
}

gboolean
liaison_schedule_get_every_year (const LiaisonSchedule *self)
{
  return self->every_year;
}

gboolean
liaison_schedule_get_tentative (const LiaisonSchedule *self)
{
  return self->tentative;
}

LiaisonScheduleAnomaly
liaison_schedule_get_anomaly (const LiaisonSchedule *self)
{
  return self->anomaly;
}

char *
liaison_schedule_describe_anomaly (const LiaisonSchedule *self)
{
  switch (self->anomaly)
    {
    case LIAISON_SCHEDULE_INVERTED_RANGE:
      /* Translators: %s is a year range from the action plan, such as “2020-2015” */
      return g_strdup_printf (_ ("The year range “%s” ends before it starts; no years were taken from it"),
                              self->anomaly_piece);
    case LIAISON_SCHEDULE_UNRECOGNISED:
      /* Translators: %s is part of an activity's schedule text */
      return g_strdup_printf (_ ("“%s” is not a schedule Liaison understands"), self->anomaly_piece);
    case LIAISON_SCHEDULE_OK:
    default:
      return NULL;
    }
}

char *
liaison_schedule_format_years (const LiaisonSchedule *self)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < self->years->len; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append_printf (s, "%d", g_array_index (self->years, int, i));
    }
  return g_string_free (s, FALSE);
}
