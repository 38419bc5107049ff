/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a person consented to, each purpose on its own: the centre may only
 * use their data for those. Consent given before scopes were recorded
 * covers organising the events they attend, nothing more. */
typedef enum
{
  LIAISON_CONSENT_EVENTS = 1 << 0,      /* organising the events they attend */
  LIAISON_CONSENT_PROGRAMME = 1 << 1,   /* their Green Envoys record and where they are now */
  LIAISON_CONSENT_CONTACT = 1 << 2,     /* invitations to future events */
  LIAISON_CONSENT_SHARING = 1 << 3,     /* shared with the ASEAN Secretariat and partners */
  LIAISON_CONSENT_PUBLICATION = 1 << 4, /* name and photograph in reports and publications */
} LiaisonConsentScope;

#define LIAISON_N_CONSENT_SCOPES 5
#define LIAISON_CONSENT_ALL ((1u << LIAISON_N_CONSENT_SCOPES) - 1)

LiaisonConsentScope liaison_consent_scope_nth (guint n);
const char         *liaison_consent_scope_nick (LiaisonConsentScope scope);
const char         *liaison_consent_scope_label (LiaisonConsentScope scope);
gboolean            liaison_consent_scopes_parse (const char *text,
                                                  guint      *scopes,
                                                  GError    **error);
char               *liaison_consent_scopes_to_string (guint scopes);
guint               liaison_consent_effective (gboolean    consent,
                                               const char *stored_scopes);
char               *liaison_consent_scopes_nicks (void);

G_END_DECLS
