/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "liaison-content-line.h"
#include "liaison-pdf-doc.h"
#include "liaison-work-plan-doc.h"

/* The document is bilingual by design, so its words are data in both
 * languages (the framework's own where it has them, section 5.1), not
 * messages of the interface. */
#define TEXT(zh, en) zh "\n" en

static char *
when_in (const LiaisonWorkPlanEvent *e, LiaisonLanguage language)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (e->event_id);

  if (e->start == NULL || !liaison_event_set_when (event, e->start, e->end, e->time_zone, NULL))
    return g_strdup (e->start != NULL ? e->start : "");
  return liaison_format_event_when (event, language);
}

static char *
place_in (const LiaisonWorkPlanEvent *e, LiaisonLanguage language)
{
  const LiaisonCountry *country = liaison_country_lookup (e->country);
  const char           *mine = language == LIAISON_LANGUAGE_ZH ? e->city_zh : e->city_en;
  const char           *city = mine != NULL ? mine : language == LIAISON_LANGUAGE_ZH ? e->city_en
                                                                                     : e->city_zh;
  const char           *name = country != NULL ? liaison_country_get_name (country, language) : NULL;

  if (city != NULL && name != NULL)
    return g_strdup_printf (language == LIAISON_LANGUAGE_ZH ? "%s，%s" : "%s, %s", city, name);
  return g_strdup (city != NULL ? city : name != NULL ? name
                                                      : "");
}

static char *
place_of (const LiaisonWorkPlanEvent *e)
{
  g_autofree char *zh = place_in (e, LIAISON_LANGUAGE_ZH);
  g_autofree char *en = place_in (e, LIAISON_LANGUAGE_EN);

  return *zh == '\0' ? g_strdup ("") : g_strdup_printf ("%s\n%s", zh, en);
}

static const char *
status_text (LiaisonWorkPlanStatus status)
{
  switch (status)
    {
    case LIAISON_WORK_PLAN_SENT:
      return TEXT ("已发送联络员征求意见", "Sent to the liaison officers for feedback");
    case LIAISON_WORK_PLAN_APPROVED:
      return TEXT ("已批准", "Approved");
    case LIAISON_WORK_PLAN_SUPERSEDED:
      return TEXT ("已被新版本取代", "Superseded by a later version");
    case LIAISON_WORK_PLAN_DRAFT:
    default:
      return TEXT ("草稿", "Draft");
    }
}

gboolean
liaison_work_plan_write_pdf (const LiaisonWorkPlan *plan,
                             GPtrArray             *events,
                             GPtrArray             *feedback,
                             const char            *path,
                             GError               **error)
{
  static const double widths[] = { 0.05, 0.27, 0.38, 0.17, 0.13 };
  const char         *header[] = { "#", TEXT ("时间", "When"), TEXT ("活动", "Event"), TEXT ("地点", "Place"),
                                   TEXT ("框架活动", "Plan activity") };
  g_autofree char    *zh = liaison_work_plan_dup_title (plan, LIAISON_LANGUAGE_ZH);
  g_autofree char    *en = liaison_work_plan_dup_title (plan, LIAISON_LANGUAGE_EN);
  g_autofree char    *title = g_strdup_printf ("中国-东盟环境合作 %s\nChina-ASEAN Environmental Cooperation — %s", zh, en);
  g_autofree char    *meta = g_strdup_printf ("%s / %s", zh, en);
  g_autoptr (LiaisonPdfDoc) doc = liaison_pdf_doc_new (path, meta, error);

  if (doc == NULL)
    return FALSE;
  liaison_pdf_doc_title (doc, title, status_text (plan->status));
  liaison_pdf_doc_paragraph (
      doc, TEXT ("由中国-东盟环境保护合作中心和东盟秘书处环境处协商制定，请各国联络员提供反馈（《中国-东盟环境合作战略及行动框架 2021-2025》5.1）。",
                 "Drafted by the China-ASEAN Environmental Cooperation Center with the Environment Division of the "
                 "ASEAN Secretariat, for the national liaison officers' feedback (Framework 2021–2025, section 5.1)."));

  liaison_pdf_doc_heading (doc, TEXT ("计划活动", "Planned events"));
  liaison_pdf_doc_row (doc, G_N_ELEMENTS (widths), widths, header, TRUE);
  for (guint i = 0; i < events->len; i++)
    {
      const LiaisonWorkPlanEvent *e = g_ptr_array_index (events, i);
      g_autofree char            *number = g_strdup_printf ("%u", i + 1);
      g_autofree char            *when_zh = when_in (e, LIAISON_LANGUAGE_ZH);
      g_autofree char            *when_en = when_in (e, LIAISON_LANGUAGE_EN);
      g_autofree char            *when = g_strdup_printf ("%s\n%s", when_zh, when_en);
      g_autofree char            *what = g_strdup_printf ("%s\n%s", e->title_zh != NULL ? e->title_zh : "",
                                               e->title_en != NULL ? e->title_en : "");
      g_autofree char            *place = place_of (e);
      g_autofree char            *codes = e->activities != NULL ? g_strjoinv (", ", e->activities) : g_strdup ("");
      const char                 *cells[] = { number, when, g_strstrip (what), place, codes };

      liaison_pdf_doc_row (doc, G_N_ELEMENTS (widths), widths, cells, FALSE);
    }

  if (feedback != NULL && feedback->len > 0)
    {
      static const double fw[] = { 0.18, 0.27, 0.55 };
      const char         *fh[] = { TEXT ("国家", "Country"), TEXT ("活动", "Event"), TEXT ("反馈", "Feedback") };

      liaison_pdf_doc_heading (doc, TEXT ("联络员反馈", "Feedback of the liaison officers"));
      liaison_pdf_doc_row (doc, G_N_ELEMENTS (fw), fw, fh, TRUE);
      for (guint i = 0; i < feedback->len; i++)
        {
          const LiaisonWorkPlanFeedback *f = g_ptr_array_index (feedback, i);
          const LiaisonCountry          *c = liaison_country_lookup (f->country);
          g_autofree char               *country = c != NULL ? g_strdup_printf ("%s\n%s", liaison_country_get_name (c, LIAISON_LANGUAGE_ZH),
                                                                                liaison_country_get_name (c, LIAISON_LANGUAGE_EN))
                                                             : g_strdup (f->country);
          g_autofree char               *event = NULL;
          g_autofree char               *text = g_strdup_printf ("%s (%s)", f->text, f->received);
          const char                    *cells[3];

          for (guint k = 0; f->event_id != NULL && k < events->len; k++)
            {
              const LiaisonWorkPlanEvent *e = g_ptr_array_index (events, k);

              if (g_strcmp0 (e->event_id, f->event_id) == 0)
                event = g_strdup_printf ("%u. %s", k + 1, e->title_zh != NULL ? e->title_zh : e->title_en);
            }
          cells[0] = country;
          cells[1] = event != NULL ? event : TEXT ("整体计划", "The plan as a whole");
          cells[2] = text;
          liaison_pdf_doc_row (doc, G_N_ELEMENTS (fw), fw, cells, FALSE);
        }
    }
  return liaison_pdf_doc_finish (doc, error);
}

/* ------------------------------------------------------------------------ */
/* iCalendar                                                                 */

static void
add_line (GString *out, const char *name, const char *const *params, const char *text, gboolean escape)
{
  g_autofree char *escaped = escape ? liaison_content_escape_text (text) : NULL;
  g_autofree char *line = liaison_content_render (name, params, escape ? escaped : text);

  g_string_append (out, line);
  if (!g_str_has_suffix (line, "\r\n"))
    g_string_append (out, "\r\n");
}

static void
add_vtimezone (GString *out, GHashTable *done, const char *zone)
{
  icaltimezone    *builtin;
  icalcomponent   *copy;
  icalproperty    *tzid;
  g_autofree char *text = NULL;

  if (zone == NULL || g_str_equal (zone, "UTC") || g_hash_table_contains (done, zone))
    return;
  builtin = icaltimezone_get_builtin_timezone (zone);
  if (builtin == NULL)
    return;
  g_hash_table_add (done, g_strdup (zone));
  copy = icalcomponent_new_clone (icaltimezone_get_component (builtin));
  tzid = icalcomponent_get_first_property (copy, ICAL_TZID_PROPERTY);
  if (tzid != NULL)
    icalproperty_set_tzid (tzid, zone);
  text = icalcomponent_as_ical_string_r (copy);
  icalcomponent_free (copy);
  g_string_append (out, text);
}

/* DTSTART/DTEND: a time in its zone, a day as a DATE; an event known only
 * by its month or year starts on the first day of it. */
static void
add_dates (GString *out, const LiaisonWorkPlanEvent *e, gboolean zoned)
{
  LiaisonDatePrecision p;
  int                  y, m, d, h, mi;

  if (!liaison_parse_local_time (e->start, &p, &y, &m, &d, &h, &mi))
    return;
  if (p == LIAISON_DATE_PRECISION_TIME)
    {
      g_autofree char *value = g_strdup_printf ("%04d%02d%02dT%02d%02d00", y, m, d, h, mi);
      const char      *params[] = { "TZID", zoned ? e->time_zone : NULL, NULL };

      add_line (out, "DTSTART", params, value, FALSE);
      if (e->end != NULL && liaison_parse_local_time (e->end, &p, &y, &m, &d, &h, &mi) && p == LIAISON_DATE_PRECISION_TIME)
        {
          g_autofree char *end = g_strdup_printf ("%04d%02d%02dT%02d%02d00", y, m, d, h, mi);

          add_line (out, "DTEND", params, end, FALSE);
        }
    }
  else
    {
      g_autoptr (GDate) date = g_date_new_dmy (p == LIAISON_DATE_PRECISION_DAY ? d : 1,
                                               p == LIAISON_DATE_PRECISION_YEAR ? 1 : m, y);
      g_autofree char *value = g_strdup_printf ("%04d%02d%02d", y, g_date_get_month (date), g_date_get_day (date));
      const char      *params[] = { "VALUE", "DATE", NULL };

      add_line (out, "DTSTART", params, value, FALSE);
      if (e->end != NULL && liaison_parse_local_time (e->end, &p, &y, &m, &d, &h, &mi) && p == LIAISON_DATE_PRECISION_DAY)
        {
          g_autoptr (GDate) end = g_date_new_dmy (d, m, y);
          g_autofree char *text = NULL;

          g_date_add_days (end, 1);
          text = g_strdup_printf ("%04d%02d%02d", g_date_get_year (end), g_date_get_month (end), g_date_get_day (end));
          add_line (out, "DTEND", params, text, FALSE);
        }
    }
}

/* One VEVENT per event of the version, with the event's own UID, so a
 * calendar that imports a later version updates them (SEQUENCE is the
 * version); titles in both languages. */
char *
liaison_work_plan_to_ics (const LiaisonWorkPlan *plan, GPtrArray *events)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *zh = liaison_work_plan_dup_title (plan, LIAISON_LANGUAGE_ZH);
  g_autofree char *en = liaison_work_plan_dup_title (plan, LIAISON_LANGUAGE_EN);
  g_autofree char *name = g_strdup_printf ("%s / %s", zh, en);
  g_autofree char *sequence = g_strdup_printf ("%u", plan->version);

  add_line (out, "BEGIN", NULL, "VCALENDAR", FALSE);
  add_line (out, "VERSION", NULL, "2.0", FALSE);
  add_line (out, "PRODID", NULL, "-//China-ASEAN Environmental Cooperation Center//Liaison " PACKAGE_VERSION "//EN", FALSE);
  add_line (out, "CALSCALE", NULL, "GREGORIAN", FALSE);
  add_line (out, "METHOD", NULL, "PUBLISH", FALSE);
  add_line (out, "X-WR-CALNAME", NULL, name, TRUE);
  add_line (out, "X-LIAISON-WORK-PLAN", NULL, plan->id, TRUE);

  for (guint i = 0; i < events->len; i++)
    {
      const LiaisonWorkPlanEvent *e = g_ptr_array_index (events, i);

      if (e->start != NULL && strchr (e->start, 'T') != NULL)
        add_vtimezone (out, zones, e->time_zone);
    }

  for (guint i = 0; i < events->len; i++)
    {
      const LiaisonWorkPlanEvent *e = g_ptr_array_index (events, i);
      g_autofree char            *summary = NULL;
      g_autofree char            *codes = NULL;
      g_autofree char            *place = NULL;
      g_autofree char            *description = NULL;

      if (e->start == NULL)
        continue;
      summary = e->title_zh != NULL && e->title_en != NULL ? g_strdup_printf ("%s / %s", e->title_zh, e->title_en)
                                                           : g_strdup (e->title_zh != NULL ? e->title_zh : e->title_en);
      place = place_in (e, LIAISON_LANGUAGE_EN);
      codes = e->activities != NULL ? g_strjoinv (", ", e->activities) : g_strdup ("");
      description = g_strdup_printf ("%s\n%s%s%s", zh, en, *codes != '\0' ? "\n" : "", codes);

      add_line (out, "BEGIN", NULL, "VEVENT", FALSE);
      add_line (out, "UID", NULL, e->event_id, TRUE);
      add_line (out, "DTSTAMP", NULL, stamp, FALSE);
      add_line (out, "SEQUENCE", NULL, sequence, FALSE);
      add_dates (out, e, g_hash_table_contains (zones, e->time_zone != NULL ? e->time_zone : ""));
      add_line (out, "SUMMARY", NULL, summary != NULL ? summary : "", TRUE);
      if (*place != '\0')
        add_line (out, "LOCATION", NULL, place, TRUE);
      add_line (out, "DESCRIPTION", NULL, description, TRUE);
      add_line (out, "STATUS", NULL, plan->status == LIAISON_WORK_PLAN_APPROVED ? "CONFIRMED" : "TENTATIVE", FALSE);
      add_line (out, "X-LIAISON-KIND", NULL, liaison_enum_to_nick (LIAISON_TYPE_EVENT_KIND, e->kind), TRUE);
      add_line (out, "END", NULL, "VEVENT", FALSE);
    }
  add_line (out, "END", NULL, "VCALENDAR", FALSE);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
