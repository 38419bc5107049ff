/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* Invitations (iTIP, RFC 5546): one METHOD:REQUEST per person, in that
 * person's language, that a calendar program answers with a METHOD:REPLY.
 * The reply carries back what matches it to the registration: the UID
 * (the event's id, as sync writes it), the ATTENDEE's mailto: address (the
 * person's first e-mail), and the ORGANIZER it goes to. */

typedef struct
{
  char           *registration_id;
  char           *participant_id;
  char           *name;  /* the ATTENDEE's CN */
  char           *email; /* NULL: the person has no address to invite */
  LiaisonLanguage language;
  char           *file_name; /* “invitation-<code>-<latin name>.ics” */
  char           *subject;
  char           *body;
  char           *text; /* the iCalendar object; NULL without an address */
} LiaisonInvitation;

void liaison_invitation_free (LiaisonInvitation *invitation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonInvitation, liaison_invitation_free)

LiaisonLanguage liaison_itip_language_for (LiaisonParticipant *participant);
gboolean        liaison_itip_check_address (const char *address,
                                            GError    **error);

/* registration_ids NULL: everyone whose registration is still "invited".
 * organizer_email NULL: only who would be invited, without the texts. */
GPtrArray *liaison_itip_build_invitations (LiaisonStore      *store,
                                           const char        *event_id,
                                           const char *const *registration_ids,
                                           const char        *organizer_email,
                                           const char        *organizer_name,
                                           GError           **error);
gboolean   liaison_itip_save_invitations (GPtrArray  *invitations,
                                          const char *folder,
                                          guint      *n_saved,
                                          GError    **error);

G_END_DECLS
