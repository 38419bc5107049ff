/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_EVENT_REGISTRATIONS (liaison_event_registrations_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonEventRegistrations, liaison_event_registrations, LIAISON, EVENT_REGISTRATIONS, AdwBin)

void     liaison_event_registrations_set_context (LiaisonEventRegistrations *self,
                                                  LiaisonContext            *context);
void     liaison_event_registrations_set_event_id (LiaisonEventRegistrations *self,
                                                   const char                *id);
void     liaison_event_registrations_set_items (LiaisonEventRegistrations *self,
                                                LiaisonEvent              *event,
                                                GPtrArray                 *items);
guint    liaison_event_registrations_get_n_items (LiaisonEventRegistrations *self);
gboolean liaison_event_registrations_get_check_in_mode (LiaisonEventRegistrations *self);
void     liaison_event_registrations_set_check_in_mode (LiaisonEventRegistrations *self,
                                                        gboolean                   mode);
gboolean liaison_event_registrations_get_has_selection (LiaisonEventRegistrations *self);
char   **liaison_event_registrations_dup_selected_ids (LiaisonEventRegistrations *self);
void     liaison_event_registrations_set_status (LiaisonEventRegistrations *self,
                                                 const char                *registration_id,
                                                 LiaisonRegistrationStatus  status);
void     liaison_event_registrations_remove (LiaisonEventRegistrations *self,
                                             const char                *registration_id);
void     liaison_event_registrations_bulk_status (LiaisonEventRegistrations *self,
                                                  LiaisonRegistrationStatus  status);
void     liaison_event_registrations_bulk_remove (LiaisonEventRegistrations *self);

G_END_DECLS
