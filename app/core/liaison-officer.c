/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "liaison-core-error.h"
#include "liaison-country.h"
#include "liaison-officer.h"

static const char *body_nicks[] = { "asoen", "mee", "other" };
static const char *role_nicks[] = { "officer", "deputy" };

const char *
liaison_officer_body_nick (LiaisonOfficerBody body)
{
  return (guint) body < G_N_ELEMENTS (body_nicks) ? body_nicks[body] : "other";
}

const char *
liaison_officer_body_label (LiaisonOfficerBody body)
{
  switch (body)
    {
    case LIAISON_OFFICER_BODY_ASOEN:
      return _ ("ASEAN Senior Officials on the Environment");
    case LIAISON_OFFICER_BODY_MEE:
      return _ ("Ministry of Ecology and Environment of China");
    case LIAISON_OFFICER_BODY_OTHER:
    default:
      return C_ ("nominating body", "Other");
    }
}

gboolean
liaison_officer_body_from_nick (const char *nick, LiaisonOfficerBody *body)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (body_nicks); i++)
    if (g_str_equal (nick, body_nicks[i]))
      {
        *body = i;
        return TRUE;
      }
  return FALSE;
}

/* As section 5.1 says: China's by its ministry, the member states' by ASOEN. */
LiaisonOfficerBody
liaison_officer_body_for_country (const char *country)
{
  const LiaisonCountry *c = liaison_country_lookup (country);

  if (c != NULL && g_str_equal (liaison_country_get_code (c), "CN"))
    return LIAISON_OFFICER_BODY_MEE;
  if (c != NULL && liaison_country_is_member (c))
    return LIAISON_OFFICER_BODY_ASOEN;
  return LIAISON_OFFICER_BODY_OTHER;
}

const char *
liaison_officer_role_nick (LiaisonOfficerRole role)
{
  return (guint) role < G_N_ELEMENTS (role_nicks) ? role_nicks[role] : "officer";
}

const char *
liaison_officer_role_label (LiaisonOfficerRole role)
{
  return role == LIAISON_OFFICER_ROLE_DEPUTY ? C_ ("liaison officer", "Deputy") : C_ ("liaison officer", "Liaison officer");
}

gboolean
liaison_officer_role_from_nick (const char *nick, LiaisonOfficerRole *role)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (role_nicks); i++)
    if (g_str_equal (nick, role_nicks[i]))
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
valid_date (const char *text)
{
  int  y, m, d;
  char rest;

  return text != NULL && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3 && g_date_valid_dmy (d, m, y);
}

/* Dates are YYYY-MM-DD; a term may be open at either end, never end
 * before it starts. */
gboolean
liaison_officer_check_term (const char *start, const char *end, GError **error)
{
  const char *bad = NULL;

  if (start != NULL && *start != '\0' && !valid_date (start))
    bad = start;
  else if (end != NULL && *end != '\0' && !valid_date (end))
    bad = end;
  if (bad != NULL)
    {
      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                   _ ("“%s” is not a date: write it as YYYY-MM-DD"), bad);
      return FALSE;
    }
  if (start != NULL && *start != '\0' && end != NULL && *end != '\0' && g_strcmp0 (end, start) < 0)
    {
      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                   _ ("The term ends (%1$s) before it starts (%2$s)"), end, start);
      return FALSE;
    }
  return TRUE;
}

/* today: YYYY-MM-DD. */
gboolean
liaison_officer_in_term (const LiaisonOfficer *officer, const char *today)
{
  if (officer->term_start != NULL && g_strcmp0 (today, officer->term_start) < 0)
    return FALSE;
  if (officer->term_end != NULL && g_strcmp0 (today, officer->term_end) > 0)
    return FALSE;
  return TRUE;
}

void
liaison_officer_free (LiaisonOfficer *officer)
{
  if (officer == NULL)
    return;
  g_free (officer->id);
  g_free (officer->participant_id);
  g_free (officer->name);
  g_free (officer->country);
  g_free (officer->term_start);
  g_free (officer->term_end);
  g_free (officer);
}
