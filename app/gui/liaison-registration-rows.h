/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* The rows of a form that registers people for an event: which event, in
 * which role, with which status to start from (the statuses a new
 * registration may take: invited, registered, confirmed, waitlisted,
 * nominated). */

GPtrArray                *liaison_registration_rows_fill_events (AdwComboRow  *row,
                                                                 LiaisonStore *store,
                                                                 const char   *nobody,
                                                                 const char   *preset);
void                      liaison_registration_rows_fill_roles (AdwComboRow *row,
                                                                LiaisonRole  selected);
void                      liaison_registration_rows_fill_statuses (AdwComboRow              *row,
                                                                   LiaisonRegistrationStatus selected);
LiaisonRole               liaison_registration_rows_get_role (AdwComboRow *row);
LiaisonRegistrationStatus liaison_registration_rows_get_status (AdwComboRow *row);

G_END_DECLS
