/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "liaison-content-line.h"
#include "liaison-document-text.h"
#include "liaison-ical.h"
#include "liaison-ics-export.h"
#include "liaison-io-error.h"
#include "liaison-itip.h"
#include "liaison-store-sync.h"

#define PRODID "-//China-ASEAN Environmental Cooperation Center//Liaison//EN"

void
liaison_invitation_free (LiaisonInvitation *invitation)
{
  if (invitation == NULL)
    return;
  g_free (invitation->registration_id);
  g_free (invitation->participant_id);
  g_free (invitation->name);
  g_free (invitation->email);
  g_free (invitation->file_name);
  g_free (invitation->subject);
  g_free (invitation->body);
  g_free (invitation->text);
  g_free (invitation);
}

/* People write their languages as they like (“Chinese, English”, “zh”,
 * “中文”): the first Liaison can write in, else from the name and country. */
LiaisonLanguage
liaison_itip_language_for (LiaisonParticipant *participant)
{
  static const char *chinese[] = { "zh", "chinese", "mandarin", "中文", "汉语", "普通话", "華語", "华语" };
  static const char *english[] = { "en", "english", "英文", "英语" };
  const char *const *languages = liaison_participant_get_languages (participant);
  const char        *country = liaison_participant_get_country (participant);
  const char        *family = liaison_participant_get_family_native (participant);

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (languages[i], -1);

      for (guint j = 0; j < G_N_ELEMENTS (chinese); j++)
        if (g_str_equal (folded, chinese[j]) || (j == 0 && (g_str_has_prefix (folded, "zh-") || g_str_has_prefix (folded, "zh_"))))
          return LIAISON_LANGUAGE_ZH;
      for (guint j = 0; j < G_N_ELEMENTS (english); j++)
        if (g_str_equal (folded, english[j]) || (j == 0 && (g_str_has_prefix (folded, "en-") || g_str_has_prefix (folded, "en_"))))
          return LIAISON_LANGUAGE_EN;
    }
  if (g_strcmp0 (country, "CN") == 0 || g_strcmp0 (country, "TW") == 0 || g_strcmp0 (country, "HK") == 0 || g_strcmp0 (country, "MO") == 0)
    return LIAISON_LANGUAGE_ZH;
  if (family != NULL && g_unichar_get_script (g_utf8_get_char (family)) == G_UNICODE_SCRIPT_HAN && country == NULL)
    return LIAISON_LANGUAGE_ZH;
  return LIAISON_LANGUAGE_EN;
}

/* An address a calendar program can send a reply to: one local part, one
 * domain with a dot, nothing that would break a mailto: URI or a
 * parameter. */
gboolean
liaison_itip_check_address (const char *address,
                            GError    **error)
{
  const char *at = address != NULL ? strchr (address, '@') : NULL;

  if (address == NULL || at == NULL || at == address || strchr (at + 1, '@') != NULL || strchr (at + 1, '.') == NULL || at[1] == '.' || g_str_has_suffix (address, ".") || strlen (address) > 254 || strpbrk (address, " \t\r\n\",;:<>()[]\\") != NULL)
    {
      g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_UNSUPPORTED, _ ("“%s” is not an e-mail address"),
                   address != NULL ? address : "");
      return FALSE;
    }
  return TRUE;
}

static const char *
in_language (LiaisonBilingual *text,
             LiaisonLanguage   lang)
{
  const char *mine = liaison_bilingual_get_text (text, lang);

  return mine != NULL ? mine : liaison_bilingual_get_text (text, liaison_language_other (lang));
}

static char *
place_of (LiaisonEvent   *e,
          LiaisonLanguage lang)
{
  const LiaisonCountry *country = liaison_country_lookup (liaison_event_get_country (e));

  return liaison_format_place (liaison_event_get_venue (e), in_language (liaison_event_get_city (e), lang),
                               country != NULL ? liaison_country_get_name (country, lang) : NULL, lang);
}

static char *
file_name_for (LiaisonRegistration *r,
               LiaisonParticipant  *p)
{
  g_autofree char *latin = liaison_participant_dup_latin_name (p);
  g_autofree char *native = liaison_participant_dup_native_name (p);
  g_autofree char *ascii = g_str_to_ascii (latin != NULL ? latin : (native != NULL ? native : ""), "C");
  GString         *name = g_string_new ("invitation-");

  g_string_append (name, liaison_uuid_short (liaison_registration_get_id (r)));
  if (*ascii != '\0')
    g_string_append_c (name, '-');
  for (const char *c = ascii; *c != '\0' && name->len < 60; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (name, g_ascii_tolower (*c));
      else if (name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->str[name->len - 1] == '-' || name->str[name->len - 1] == '?')
    g_string_truncate (name, name->len - 1);
  g_string_append (name, ".ics");
  return g_string_free (name, FALSE);
}

static char *
text_line (const char     *name,
           const char     *text,
           LiaisonLanguage lang)
{
  g_autofree char *escaped = NULL;
  const char      *params[] = { "LANGUAGE", lang == LIAISON_LANGUAGE_ZH ? "zh-CN" : "en", NULL };

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  escaped = liaison_content_escape_text (text);
  return liaison_content_render (name, params, escaped);
}

/* What the sync writer says of the event's time and state, taken as it
 * wrote it: DTSTART/DTEND in the event's zone (or all-day), STATUS, RRULE,
 * URL, and the zone's VTIMEZONE. */
typedef struct
{
  GString *timezones;
  GString *lines;
} EventLines;

static gboolean
event_lines (LiaisonStore *store,
             const char   *event_id,
             EventLines   *out,
             GError      **error)
{
  static const char *wanted[] = { "DTSTART", "DTEND", "STATUS", "RRULE", "URL" };
  g_autoptr (GHashTable) fields = liaison_store_sync_get_fields (store, "event", event_id, error);
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) zones = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) lines = NULL;

  if (fields == NULL)
    return FALSE;
  liaison_sync_fields_drop_attendees (fields);
  text = liaison_ical_write (event_id, fields, NULL, NULL, error);
  if (text == NULL)
    return FALSE;
  zones = liaison_ics_components (text, "VTIMEZONE");
  out->timezones = g_string_new (NULL);
  for (guint i = 0; i < zones->len; i++)
    g_string_append (out->timezones, g_ptr_array_index (zones, i));
  events = liaison_ics_components (text, "VEVENT");
  out->lines = g_string_new (NULL);
  if (events->len == 0 || (lines = liaison_content_parse (g_ptr_array_index (events, 0), error)) == NULL)
    return FALSE;
  for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
    for (guint i = 0; i < lines->len; i++)
      {
        LiaisonContentLine *line = g_ptr_array_index (lines, i);

        if (g_str_equal (line->name, wanted[w]))
          g_string_append (out->lines, line->raw);
      }
  return TRUE;
}

static LiaisonInvitation *
build_one (LiaisonEvent        *e,
           LiaisonRegistration *r,
           LiaisonParticipant  *p,
           EventLines          *lines,
           const char          *stamp,
           const char          *organizer_email,
           const char          *organizer_name)
{
  LiaisonInvitation *inv = g_new0 (LiaisonInvitation, 1);
  LiaisonLanguage    lang = liaison_itip_language_for (p);
  const char *const *emails = liaison_participant_get_emails (p);
  const char        *title = in_language (liaison_event_get_title (e), lang);
  const char        *description = in_language (liaison_event_get_description (e), lang);
  g_autofree char   *when = liaison_format_event_when (e, lang);
  g_autofree char   *place = place_of (e, lang);
  g_autofree char   *native = liaison_participant_dup_native_name (p);
  g_autofree char   *latin = liaison_participant_dup_latin_name (p);

  inv->registration_id = g_strdup (liaison_registration_get_id (r));
  inv->participant_id = g_strdup (liaison_participant_get_id (p));
  inv->language = lang;
  /* The name as the person reads it in that language. */
  if (lang == LIAISON_LANGUAGE_EN && latin != NULL)
    inv->name = g_strdup (latin);
  else
    inv->name = liaison_participant_dup_display_name (p);
  inv->file_name = file_name_for (r, p);
  inv->subject = liaison_document_printf (LIAISON_DOCUMENT_INVITATION_SUBJECT, lang, title != NULL ? title : "");
  inv->body = liaison_document_printf (LIAISON_DOCUMENT_INVITATION_BODY, lang, inv->name, title != NULL ? title : "", when,
                                       place);
  for (guint i = 0; emails != NULL && emails[i] != NULL && inv->email == NULL; i++)
    if (liaison_itip_check_address (emails[i], NULL))
      inv->email = g_strdup (emails[i]);
  if (inv->email == NULL || organizer_email == NULL)
    return inv;

  {
    GString         *out = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" PRODID "\r\nCALSCALE:GREGORIAN\r\nMETHOD:REQUEST\r\n");
    g_autofree char *uid = liaison_content_escape_text (liaison_event_get_id (e));
    g_autofree char *organizer_uri = g_strconcat ("mailto:", organizer_email, NULL);
    g_autofree char *attendee_uri = g_strconcat ("mailto:", inv->email, NULL);
    const char      *organizer_params[] = { "CN", organizer_name, NULL };
    const char      *attendee_params[] = { "CN", inv->name, "CUTYPE", "INDIVIDUAL", "ROLE", "REQ-PARTICIPANT",
                                           "PARTSTAT", "NEEDS-ACTION", "RSVP", "TRUE", "LANGUAGE", lang == LIAISON_LANGUAGE_ZH ? "zh-CN" : "en",
                                           "X-LIAISON-REGISTRATION", inv->registration_id, NULL };
    g_autofree char *uid_line = liaison_content_render ("UID", NULL, uid);
    g_autofree char *summary = text_line ("SUMMARY", title, lang);
    g_autofree char *desc = text_line ("DESCRIPTION", description, lang);
    g_autofree char *location = text_line ("LOCATION", place, lang);
    g_autofree char *organizer = liaison_content_render ("ORGANIZER", organizer_params, organizer_uri);
    g_autofree char *attendee = liaison_content_render ("ATTENDEE", attendee_params, attendee_uri);

    g_string_append (out, lines->timezones->str);
    g_string_append (out, "BEGIN:VEVENT\r\n");
    g_string_append (out, uid_line);
    /* One invitation per event: a later one with new times is sent again
     * with a newer DTSTAMP. */
    g_string_append (out, "SEQUENCE:0\r\n");
    g_string_append_printf (out, "DTSTAMP:%s\r\n", stamp);
    g_string_append (out, lines->lines->str);
    g_string_append (out, summary);
    g_string_append (out, desc);
    g_string_append (out, location);
    g_string_append (out, organizer);
    g_string_append (out, attendee);
    g_string_append (out, "END:VEVENT\r\nEND:VCALENDAR\r\n");
    inv->text = g_string_free (out, FALSE);
  }
  return inv;
}

GPtrArray *
liaison_itip_build_invitations (LiaisonStore      *store,
                                const char        *event_id,
                                const char *const *registration_ids,
                                const char        *organizer_email,
                                const char        *organizer_name,
                                GError           **error)
{
  g_autoptr (LiaisonEvent) e = NULL;
  g_autoptr (GPtrArray) registrations = NULL;
  g_autoptr (GPtrArray) invitations = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_invitation_free);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  EventLines       lines = { NULL, NULL };
  gboolean         ok;

  if (organizer_email != NULL && !liaison_itip_check_address (organizer_email, error))
    return NULL;
  e = liaison_store_get_event (store, event_id, error);
  if (e == NULL)
    return NULL;
  registrations = liaison_store_list_registrations (store, event_id, error);
  if (registrations == NULL)
    return NULL;
  ok = event_lines (store, event_id, &lines, error);
  if (ok)
    {
      for (guint i = 0; registration_ids != NULL && registration_ids[i] != NULL && ok; i++)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < registrations->len && !found; j++)
            found = g_str_equal (liaison_registration_get_id (g_ptr_array_index (registrations, j)), registration_ids[i]);
          if (!found)
            {
              g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                           _ ("The registration “%s” is not one of this event's"), registration_ids[i]);
              ok = FALSE;
            }
        }
      for (guint i = 0; i < registrations->len && ok; i++)
        {
          LiaisonRegistration *r = g_ptr_array_index (registrations, i);
          g_autoptr (LiaisonParticipant) p = NULL;

          if (registration_ids != NULL ? !g_strv_contains (registration_ids, liaison_registration_get_id (r))
                                       : liaison_registration_get_status (r) != LIAISON_REGISTRATION_INVITED)
            continue;
          p = liaison_store_get_participant (store, liaison_registration_get_participant_id (r), error);
          if (p == NULL)
            {
              ok = FALSE;
              break;
            }
          g_ptr_array_add (invitations, build_one (e, r, p, &lines, stamp, organizer_email, organizer_name));
        }
    }
  if (lines.timezones != NULL)
    g_string_free (lines.timezones, TRUE);
  if (lines.lines != NULL)
    g_string_free (lines.lines, TRUE);
  return ok ? g_steal_pointer (&invitations) : NULL;
}

gboolean
liaison_itip_save_invitations (GPtrArray  *invitations,
                               const char *folder,
                               guint      *n_saved,
                               GError    **error)
{
  guint saved = 0;

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int              saved_errno = errno;
      g_autofree char *name = g_filename_display_name (folder);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), _ ("Could not write “%1$s”: %2$s"), name,
                   g_strerror (saved_errno));
      return FALSE;
    }
  for (guint i = 0; i < invitations->len; i++)
    {
      LiaisonInvitation *inv = g_ptr_array_index (invitations, i);
      g_autofree char   *path = NULL;

      if (inv->text == NULL)
        continue;
      path = g_build_filename (folder, inv->file_name, NULL);
      if (!g_file_set_contents (path, inv->text, -1, error))
        return FALSE;
      saved++;
    }
  if (n_saved != NULL)
    *n_saved = saved;
  return TRUE;
}
