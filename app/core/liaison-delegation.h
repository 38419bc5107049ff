/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "liaison-types.h"

G_BEGIN_DECLS

/* Delegations: how many people each country may send to an event (its
 * quota), and where its nominations stand. A quota counts the members of
 * the country's delegation that the centre has accepted: delegates,
 * observers and VIPs (not speakers, mentors or the people who run the
 * event) whose registration is invited, registered, waitlisted, confirmed,
 * attended or no-show. A nomination counts only once approved. */

#define LIAISON_DELEGATION_NO_QUOTA (-1)

typedef struct
{
  char *country;
  int   quota; /* LIAISON_DELEGATION_NO_QUOTA when none is set */
  guint nominated;
  guint approved;
  guint confirmed;
  guint attended;
} LiaisonDelegationRow;

gboolean   liaison_delegation_role_counts (LiaisonRole role);
gboolean   liaison_delegation_status_counts (LiaisonRegistrationStatus status);
gboolean   liaison_delegation_counts (LiaisonRole               role,
                                      LiaisonRegistrationStatus status);
gboolean   liaison_delegation_check_room (const char *country,
                                          int         quota,
                                          guint       approved,
                                          GError    **error);
gboolean   liaison_delegation_check_quota (const char *country,
                                           int         quota,
                                           guint       approved,
                                           GError    **error);
GPtrArray *liaison_delegation_board (GHashTable *quotas,
                                     GPtrArray  *registrations);
gboolean   liaison_delegation_row_over_quota (const LiaisonDelegationRow *row);
void       liaison_delegation_row_free (LiaisonDelegationRow *row);

G_END_DECLS
