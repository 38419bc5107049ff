/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_INVITE_DIALOG (liaison_invite_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonInviteDialog, liaison_invite_dialog, LIAISON, INVITE_DIALOG, AdwWindow)

/* Invitations (iCalendar METHOD:REQUEST) for the registrations chosen, or
 * for everyone still invited: the organiser's address, a row per person
 * with their address and language, and each one saved to a folder or
 * handed to the mail program. */
LiaisonInviteDialog *liaison_invite_dialog_new (LiaisonContext    *context,
                                                const char        *event_id,
                                                const char *const *registration_ids);
void                 liaison_invite_dialog_present (GtkWidget         *from,
                                                    LiaisonContext    *context,
                                                    const char        *event_id,
                                                    const char *const *registration_ids);
guint                liaison_invite_dialog_get_n_people (LiaisonInviteDialog *self);
/* What choosing folder in the file chooser does. */
void liaison_invite_dialog_save_to (LiaisonInviteDialog *self,
                                    const char          *folder);

G_END_DECLS
