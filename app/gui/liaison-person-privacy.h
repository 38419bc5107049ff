/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PERSON_PRIVACY (liaison_person_privacy_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonPersonPrivacy, liaison_person_privacy, LIAISON, PERSON_PRIVACY, AdwBin)

typedef struct _LiaisonPersonPrivacyData LiaisonPersonPrivacyData;

LiaisonPersonPrivacyData *liaison_person_privacy_read (LiaisonStore *reader,
                                                       const char   *participant_id,
                                                       GError      **error);
void                      liaison_person_privacy_data_free (LiaisonPersonPrivacyData *data);
void                      liaison_person_privacy_set_data (LiaisonPersonPrivacy     *self,
                                                           LiaisonContext           *context,
                                                           const char               *participant_id,
                                                           LiaisonPersonPrivacyData *data);

void     liaison_person_privacy_show (LiaisonPersonPrivacy *self,
                                      LiaisonContext       *context,
                                      const char           *participant_id);
void     liaison_person_privacy_export_async (LiaisonPersonPrivacy *self,
                                              GFile                *json,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean liaison_person_privacy_export_finish (LiaisonPersonPrivacy *self,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
