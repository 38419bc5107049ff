/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "liaison-enums.h"
#include "liaison-types.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_REGISTRATION (liaison_registration_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonRegistration, liaison_registration, LIAISON, REGISTRATION, GObject)

LiaisonRegistration      *liaison_registration_new (const char *id,
                                                    const char *event_id,
                                                    const char *participant_id);
const char               *liaison_registration_get_id (LiaisonRegistration *self);
const char               *liaison_registration_get_event_id (LiaisonRegistration *self);
const char               *liaison_registration_get_participant_id (LiaisonRegistration *self);
LiaisonRole               liaison_registration_get_role (LiaisonRegistration *self);
void                      liaison_registration_set_role (LiaisonRegistration *self,
                                                         LiaisonRole          role);
LiaisonRegistrationStatus liaison_registration_get_status (LiaisonRegistration *self);
const char               *liaison_registration_get_status_time (LiaisonRegistration      *self,
                                                                LiaisonRegistrationStatus status);
void                      liaison_registration_restore_status (LiaisonRegistration      *self,
                                                               LiaisonRegistrationStatus status);
void                      liaison_registration_restore_status_time (LiaisonRegistration      *self,
                                                                    LiaisonRegistrationStatus status,
                                                                    const char               *time);
gboolean                  liaison_registration_transition (LiaisonRegistration      *self,
                                                           LiaisonRegistrationStatus status,
                                                           const char               *now,
                                                           GError                  **error);
const char               *liaison_registration_get_delegation (LiaisonRegistration *self);
void                      liaison_registration_set_delegation (LiaisonRegistration *self,
                                                               const char          *country);
const char               *liaison_registration_get_checkin_time (LiaisonRegistration *self);
const char               *liaison_registration_get_notes (LiaisonRegistration *self);
void                      liaison_registration_set_notes (LiaisonRegistration *self,
                                                          const char          *notes);

gboolean                  liaison_registration_status_can_transition (LiaisonRegistrationStatus from,
                                                                      LiaisonRegistrationStatus to);
gboolean                  liaison_registration_status_holds_place (LiaisonRegistrationStatus status);
LiaisonRegistrationStatus liaison_registration_status_on_arrival (LiaisonRegistrationStatus requested,
                                                                  guint                     places_taken,
                                                                  guint                     capacity);
LiaisonRegistration      *liaison_registration_pick_promotion (GPtrArray *registrations,
                                                               guint      capacity);

gboolean   liaison_registration_get_waitlist_order (LiaisonRegistration *self,
                                                    double              *order);
void       liaison_registration_set_waitlist_order (LiaisonRegistration *self,
                                                    gboolean             set,
                                                    double               order);
GPtrArray *liaison_registration_sort_waitlist (GPtrArray *registrations);
guint      liaison_registration_waitlist_place (GPtrArray           *registrations,
                                                LiaisonRegistration *registration);
gboolean   liaison_registration_order_between (gboolean has_before,
                                               double   before,
                                               gboolean has_after,
                                               double   after,
                                               double  *order);

G_END_DECLS
