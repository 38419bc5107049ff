/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-consent.h"
#include "liaison-core-error.h"

static const char *nicks[LIAISON_N_CONSENT_SCOPES] = { "events", "programme", "contact", "sharing", "publication" };

LiaisonConsentScope
liaison_consent_scope_nth (guint n)
{
  g_return_val_if_fail (n < LIAISON_N_CONSENT_SCOPES, LIAISON_CONSENT_EVENTS);
  return 1u << n;
}

static int
scope_index (LiaisonConsentScope scope)
{
  for (guint i = 0; i < LIAISON_N_CONSENT_SCOPES; i++)
    if ((guint) scope == 1u << i)
      return (int) i;
  return -1;
}

const char *
liaison_consent_scope_nick (LiaisonConsentScope scope)
{
  int i = scope_index (scope);

  return i >= 0 ? nicks[i] : NULL;
}

const char *
liaison_consent_scope_label (LiaisonConsentScope scope)
{
  switch (scope)
    {
    case LIAISON_CONSENT_EVENTS:
      return _ ("Organising the events they attend");
    case LIAISON_CONSENT_PROGRAMME:
      return _ ("Their Green Envoys record and where they are now");
    case LIAISON_CONSENT_CONTACT:
      return _ ("Invitations to future events");
    case LIAISON_CONSENT_SHARING:
      return _ ("Sharing with the ASEAN Secretariat and partners");
    case LIAISON_CONSENT_PUBLICATION:
      return _ ("Name and photograph in reports and publications");
    default:
      return "";
    }
}

char *
liaison_consent_scopes_nicks (void)
{
  return g_strjoinv (" ", (char **) (const char *[]){ nicks[0], nicks[1], nicks[2], nicks[3], nicks[4], NULL });
}

/* Nicks separated by spaces or commas, or “all”; an empty text is no
 * scope at all. */
gboolean
liaison_consent_scopes_parse (const char *text, guint *scopes, GError **error)
{
  g_auto (GStrv) words = NULL;
  guint result = 0;

  *scopes = 0;
  if (text == NULL)
    return TRUE;
  words = g_strsplit_set (text, " ,", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean found = FALSE;

      if (*words[i] == '\0')
        continue;
      if (g_str_equal (words[i], "all"))
        {
          result = LIAISON_CONSENT_ALL;
          continue;
        }
      for (guint k = 0; k < LIAISON_N_CONSENT_SCOPES; k++)
        if (g_str_equal (words[i], nicks[k]))
          {
            result |= 1u << k;
            found = TRUE;
          }
      if (!found)
        {
          g_autofree char *choices = liaison_consent_scopes_nicks ();

          g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                       /* Translators: %1$s is what was given, %2$s the scopes to choose from */
                       _ ("Unknown consent scope “%1$s” (choose from: %2$s, or all)"), words[i], choices);
          return FALSE;
        }
    }
  *scopes = result;
  return TRUE;
}

char *
liaison_consent_scopes_to_string (guint scopes)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint k = 0; k < LIAISON_N_CONSENT_SCOPES; k++)
    if (scopes & (1u << k))
      {
        if (text->len > 0)
          g_string_append_c (text, ' ');
        g_string_append (text, nicks[k]);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* No consent: no scope. Consent recorded before scopes were: events only. */
guint
liaison_consent_effective (gboolean consent, const char *stored_scopes)
{
  guint scopes = 0;

  if (!consent)
    return 0;
  if (stored_scopes == NULL || !liaison_consent_scopes_parse (stored_scopes, &scopes, NULL))
    return LIAISON_CONSENT_EVENTS;
  return scopes;
}
