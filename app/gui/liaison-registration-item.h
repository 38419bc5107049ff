/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "liaison-core.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_REGISTRATION_ITEM (liaison_registration_item_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonRegistrationItem, liaison_registration_item, LIAISON, REGISTRATION_ITEM, GObject)

/* One row of an event's registrations: the registration and its person. */
LiaisonRegistrationItem *liaison_registration_item_new (LiaisonRegistration *registration,
                                                        LiaisonParticipant  *participant);
LiaisonRegistration     *liaison_registration_item_get_registration (LiaisonRegistrationItem *self);
LiaisonParticipant      *liaison_registration_item_get_participant (LiaisonRegistrationItem *self);
const char              *liaison_registration_item_get_name (LiaisonRegistrationItem *self);
const char              *liaison_registration_item_get_delegation (LiaisonRegistrationItem *self);
const char              *liaison_registration_item_get_status_label (LiaisonRegistrationItem *self);
const char              *liaison_registration_item_get_checked_in (LiaisonRegistrationItem *self);
const char              *liaison_registration_item_get_code (LiaisonRegistrationItem *self);
guint                    liaison_registration_item_get_waitlist_place (LiaisonRegistrationItem *self);
guint                    liaison_registration_item_get_waitlist_length (LiaisonRegistrationItem *self);
void                     liaison_registration_item_set_waitlist_place (LiaisonRegistrationItem *self,
                                                                       guint                    place,
                                                                       guint                    length);

G_END_DECLS
