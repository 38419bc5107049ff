/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-bilingual.h"
#include "liaison-core-error.h"
#include "liaison-country.h"
#include "liaison-delegation.h"
#include "liaison-registration.h"

gboolean
liaison_delegation_role_counts (LiaisonRole role)
{
  return role == LIAISON_ROLE_DELEGATE || role == LIAISON_ROLE_OBSERVER || role == LIAISON_ROLE_VIP;
}

gboolean
liaison_delegation_status_counts (LiaisonRegistrationStatus status)
{
  switch (status)
    {
    case LIAISON_REGISTRATION_INVITED:
    case LIAISON_REGISTRATION_REGISTERED:
    case LIAISON_REGISTRATION_WAITLISTED:
    case LIAISON_REGISTRATION_CONFIRMED:
    case LIAISON_REGISTRATION_ATTENDED:
    case LIAISON_REGISTRATION_NO_SHOW:
      return TRUE;
    case LIAISON_REGISTRATION_DECLINED:
    case LIAISON_REGISTRATION_CANCELLED:
    case LIAISON_REGISTRATION_NOMINATED:
    default:
      return FALSE;
    }
}

gboolean
liaison_delegation_counts (LiaisonRole role, LiaisonRegistrationStatus status)
{
  return liaison_delegation_role_counts (role) && liaison_delegation_status_counts (status);
}

static const char *
country_name (const char *code)
{
  const LiaisonCountry *country = liaison_country_lookup (code);

  return country != NULL ? liaison_country_get_name (country, liaison_language_for_locale ()) : code;
}

/* Whether one more member of the country's delegation may be accepted. */
gboolean
liaison_delegation_check_room (const char *country, int quota, guint approved, GError **error)
{
  if (quota == LIAISON_DELEGATION_NO_QUOTA || approved < (guint) quota)
    return TRUE;
  g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_QUOTA,
               /* Translators: %1$s is a country, %2$u its quota; “The delegation of Thailand is full: its quota is 3…” */
               g_dngettext (GETTEXT_PACKAGE,
                            "The delegation of %1$s is full: its quota is %2$u person, already accepted. Raise the "
                            "quota or decline someone first",
                            "The delegation of %1$s is full: its quota is %2$u people, all accepted already. Raise the "
                            "quota or decline someone first",
                            quota),
               country_name (country), (guint) quota);
  return FALSE;
}

/* Whether a quota may be set: never below the people already accepted. */
gboolean
liaison_delegation_check_quota (const char *country, int quota, guint approved, GError **error)
{
  if (quota == LIAISON_DELEGATION_NO_QUOTA || (quota >= 0 && (guint) quota >= approved))
    return TRUE;
  if (quota < 0)
    {
      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID, _ ("A quota cannot be negative"));
      return FALSE;
    }
  g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_QUOTA,
               /* Translators: %1$u people accepted, %2$s a country, %3$u the quota asked for */
               g_dngettext (GETTEXT_PACKAGE,
                            "%1$u member of the delegation of %2$s is accepted already: decline or cancel one "
                            "before lowering the quota to %3$u",
                            "%1$u members of the delegation of %2$s are accepted already: decline or cancel some "
                            "before lowering the quota to %3$u",
                            approved),
               approved, country_name (country), (guint) quota);
  return FALSE;
}

void
liaison_delegation_row_free (LiaisonDelegationRow *row)
{
  if (row == NULL)
    return;
  g_free (row->country);
  g_free (row);
}

gboolean
liaison_delegation_row_over_quota (const LiaisonDelegationRow *row)
{
  return row->quota != LIAISON_DELEGATION_NO_QUOTA && row->approved > (guint) row->quota;
}

static LiaisonDelegationRow *
row_for (GHashTable *rows, const char *country)
{
  LiaisonDelegationRow *row = g_hash_table_lookup (rows, country);

  if (row == NULL)
    {
      row = g_new0 (LiaisonDelegationRow, 1);
      row->country = g_strdup (country);
      row->quota = LIAISON_DELEGATION_NO_QUOTA;
      g_hash_table_insert (rows, row->country, row);
    }
  return row;
}

static int
member_rank (const char *code)
{
  g_autoptr (GPtrArray) members = liaison_country_list_members ();

  for (guint i = 0; i < members->len; i++)
    if (g_str_equal (liaison_country_get_code (g_ptr_array_index (members, i)), code))
      return (int) i;
  return (int) members->len;
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const LiaisonDelegationRow *x = *(LiaisonDelegationRow **) a;
  const LiaisonDelegationRow *y = *(LiaisonDelegationRow **) b;
  int                         rx = member_rank (x->country), ry = member_rank (y->country);

  if (rx != ry)
    return rx < ry ? -1 : 1;
  return g_strcmp0 (x->country, y->country);
}

/* One row per country with a quota or a delegation at the event, China and
 * the ASEAN members first: quotas maps a country code to GINT_TO_POINTER
 * (quota); registrations are LiaisonRegistration. Nominations are counted
 * whatever their role; the other columns count the delegation as the
 * quota does. */
GPtrArray *
liaison_delegation_board (GHashTable *quotas, GPtrArray *registrations)
{
  g_autoptr (GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray     *board = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_delegation_row_free);
  GHashTableIter iter;
  gpointer       key, value;

  if (quotas != NULL)
    {
      g_hash_table_iter_init (&iter, quotas);
      while (g_hash_table_iter_next (&iter, &key, &value))
        row_for (rows, key)->quota = GPOINTER_TO_INT (value);
    }

  for (guint i = 0; registrations != NULL && i < registrations->len; i++)
    {
      LiaisonRegistration      *r = g_ptr_array_index (registrations, i);
      const char               *country = liaison_registration_get_delegation (r);
      LiaisonRegistrationStatus status = liaison_registration_get_status (r);
      LiaisonDelegationRow     *row;

      if (country == NULL || *country == '\0')
        continue;
      if (status == LIAISON_REGISTRATION_NOMINATED)
        {
          row_for (rows, country)->nominated++;
          continue;
        }
      if (!liaison_delegation_counts (liaison_registration_get_role (r), status))
        continue;
      row = row_for (rows, country);
      row->approved++;
      if (status == LIAISON_REGISTRATION_CONFIRMED || status == LIAISON_REGISTRATION_ATTENDED ||
          status == LIAISON_REGISTRATION_NO_SHOW)
        row->confirmed++;
      if (status == LIAISON_REGISTRATION_ATTENDED)
        row->attended++;
    }

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (board, value);
  g_ptr_array_sort (board, compare_rows);
  return board;
}
