/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PARTICIPANT_LIST (liaison_participant_list_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonParticipantList, liaison_participant_list, LIAISON, PARTICIPANT_LIST, GObject)

LiaisonParticipantList *liaison_participant_list_new (LiaisonStore *store);
const char             *liaison_participant_list_get_query (LiaisonParticipantList *self);
gboolean                liaison_participant_list_set_query (LiaisonParticipantList *self,
                                                            const char             *query,
                                                            GError                **error);

void     liaison_participant_list_set_query_async (LiaisonParticipantList *self,
                                                   const char             *query,
                                                   GCancellable           *cancellable,
                                                   GAsyncReadyCallback     callback,
                                                   gpointer                user_data);
gboolean liaison_participant_list_set_query_finish (LiaisonParticipantList *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
/* Forgets the people it has loaded, for after they were edited. */
void liaison_participant_list_invalidate (LiaisonParticipantList *self);

G_END_DECLS
