/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The national liaison officers of the framework's section 5.1: nominated
 * by the ASEAN Senior Officials on the Environment for the member states,
 * by China's Ministry of Ecology and Environment for China; one officer
 * per country and a deputy, each for a term. */
typedef enum
{
  LIAISON_OFFICER_BODY_ASOEN,
  LIAISON_OFFICER_BODY_MEE,
  LIAISON_OFFICER_BODY_OTHER,
} LiaisonOfficerBody;

typedef enum
{
  LIAISON_OFFICER_ROLE_OFFICER,
  LIAISON_OFFICER_ROLE_DEPUTY,
} LiaisonOfficerRole;

typedef struct
{
  char              *id;
  char              *participant_id;
  char              *name; /* the person's display name, for lists */
  char              *country;
  LiaisonOfficerBody body;
  LiaisonOfficerRole role;
  char              *term_start; /* YYYY-MM-DD or NULL */
  char              *term_end;   /* YYYY-MM-DD or NULL: open */
  gboolean           consent;
} LiaisonOfficer;

const char        *liaison_officer_body_nick (LiaisonOfficerBody body);
const char        *liaison_officer_body_label (LiaisonOfficerBody body);
gboolean           liaison_officer_body_from_nick (const char *nick, LiaisonOfficerBody *body);
LiaisonOfficerBody liaison_officer_body_for_country (const char *country);
const char        *liaison_officer_role_nick (LiaisonOfficerRole role);
const char        *liaison_officer_role_label (LiaisonOfficerRole role);
gboolean           liaison_officer_role_from_nick (const char *nick, LiaisonOfficerRole *role);
gboolean           liaison_officer_check_term (const char *start, const char *end, GError **error);
gboolean           liaison_officer_in_term (const LiaisonOfficer *officer, const char *today);
void               liaison_officer_free (LiaisonOfficer *officer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonOfficer, liaison_officer_free)

G_END_DECLS
