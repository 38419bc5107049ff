/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* People across the years: the Green Envoys Programme (liaison-store-
 * programme.c), delegations with quotas and nominations (-delegations.c),
 * the liaison officers and the annual work plan (-officers.c), privacy
 * (-privacy.c). Every change is one transaction with its journal entries. */

/* ------------------------------------------------------------------------ */
/* The programme                                                             */

typedef struct
{
  char    *id;
  char    *title_zh;
  char    *title_en;
  gboolean built_in;
} LiaisonTrackInfo;

typedef struct
{
  char *id;
  char *participant_id;
  char *date; /* YYYY-MM-DD */
  char *text;
} LiaisonProgrammeNote;

void                     liaison_track_info_free (LiaisonTrackInfo *track);
void                     liaison_programme_note_free (LiaisonProgrammeNote *note);
GPtrArray               *liaison_store_list_tracks (LiaisonStore *self, GError **error);
const LiaisonTrackInfo  *liaison_track_info_find (GPtrArray *tracks, const char *id);
char                    *liaison_store_add_track (LiaisonStore *self,
                                                  const char   *title_zh,
                                                  const char   *title_en,
                                                  LiaisonOrigin origin,
                                                  GError      **error);
LiaisonProgrammeSummary *liaison_store_programme_summary (LiaisonStore *self, GError **error);
GPtrArray               *liaison_store_list_programme_steps (LiaisonStore *self,
                                                             const char   *participant_id,
                                                             GError      **error);
char                    *liaison_store_add_programme_note (LiaisonStore *self,
                                                           const char   *participant_id,
                                                           const char   *date,
                                                           const char   *text,
                                                           LiaisonOrigin origin,
                                                           GError      **error);
gboolean                 liaison_store_delete_programme_note (LiaisonStore *self,
                                                              const char   *id,
                                                              LiaisonOrigin origin,
                                                              GError      **error);
GPtrArray               *liaison_store_list_programme_notes (LiaisonStore *self,
                                                             const char   *participant_id,
                                                             GError      **error);

/* ------------------------------------------------------------------------ */
/* Delegations                                                               */

/* A file kept with a registration; its bytes are in the database, once
 * per content. */
#define LIAISON_ATTACHMENT_MAX_SIZE (16 * 1024 * 1024)

typedef struct
{
  char  *id;
  char  *registration_id;
  char  *file_name;
  char  *media_type;
  char  *sha256;
  gint64 size;
  char  *added;
} LiaisonAttachment;

void liaison_attachment_free (LiaisonAttachment *attachment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonAttachment, liaison_attachment_free)
char                *liaison_store_find_officer_id (LiaisonStore *self, const char *id_or_part, GError **error);
GBytes              *liaison_attachment_read_file (GFile *file, char **file_name, GCancellable *cancellable, GError **error);
GHashTable          *liaison_store_get_quotas (LiaisonStore *self, const char *event_id, GError **error);
gboolean             liaison_store_set_quota (LiaisonStore *self,
                                              const char   *event_id,
                                              const char   *country,
                                              int           quota,
                                              LiaisonOrigin origin,
                                              GError      **error);
GPtrArray           *liaison_store_delegation_board (LiaisonStore *self, const char *event_id, GError **error);
LiaisonRegistration *liaison_store_nominate (LiaisonStore *self,
                                             const char   *event_id,
                                             const char   *participant_id,
                                             const char   *country,
                                             LiaisonRole   role,
                                             const char   *letter_name,
                                             GBytes       *letter,
                                             LiaisonOrigin origin,
                                             GError      **error);
gboolean             liaison_store_approve_nomination (LiaisonStore              *self,
                                                       const char                *registration_id,
                                                       LiaisonOrigin              origin,
                                                       LiaisonRegistrationStatus *now,
                                                       GError                   **error);
LiaisonAttachment   *liaison_store_attach (LiaisonStore *self,
                                           const char   *registration_id,
                                           const char   *file_name,
                                           GBytes       *bytes,
                                           LiaisonOrigin origin,
                                           GError      **error);
GPtrArray           *liaison_store_list_attachments (LiaisonStore *self, const char *registration_id, GError **error);
GPtrArray           *liaison_store_list_event_attachments (LiaisonStore *self, const char *event_id, GError **error);
GBytes              *liaison_store_get_attachment_data (LiaisonStore *self, const char *attachment_id, GError **error);
gboolean             liaison_store_remove_attachment (LiaisonStore *self,
                                                      const char   *attachment_id,
                                                      LiaisonOrigin origin,
                                                      GError      **error);

/* ------------------------------------------------------------------------ */
/* Liaison officers and the annual work plan                                 */

char            *liaison_store_add_officer (LiaisonStore      *self,
                                            const char        *participant_id,
                                            const char        *country,
                                            LiaisonOfficerBody body,
                                            LiaisonOfficerRole role,
                                            const char        *term_start,
                                            const char        *term_end,
                                            LiaisonOrigin      origin,
                                            GError           **error);
gboolean         liaison_store_set_officer_term (LiaisonStore *self,
                                                 const char   *id,
                                                 const char   *term_start,
                                                 const char   *term_end,
                                                 LiaisonOrigin origin,
                                                 GError      **error);
gboolean         liaison_store_remove_officer (LiaisonStore *self, const char *id, LiaisonOrigin origin, GError **error);
GPtrArray       *liaison_store_list_officers (LiaisonStore *self, const char *participant_id, GError **error);
LiaisonWorkPlan *liaison_store_issue_work_plan (LiaisonStore *self, int year, LiaisonOrigin origin, GError **error);
GPtrArray       *liaison_store_list_work_plans (LiaisonStore *self, int year, GError **error);
LiaisonWorkPlan *liaison_store_get_work_plan (LiaisonStore *self, int year, guint version, GError **error);
LiaisonWorkPlan *liaison_store_find_reviewed_work_plan (LiaisonStore *self, const char *event_id, GError **error);
GPtrArray       *liaison_store_list_work_plan_events (LiaisonStore *self, const char *plan_id, GError **error);
gboolean         liaison_store_mark_work_plan_sent (LiaisonStore *self,
                                                    const char   *plan_id,
                                                    LiaisonOrigin origin,
                                                    GError      **error);
gboolean         liaison_store_approve_work_plan (LiaisonStore *self,
                                                  const char   *plan_id,
                                                  LiaisonOrigin origin,
                                                  GError      **error);
char            *liaison_store_add_work_plan_feedback (LiaisonStore *self,
                                                       const char   *plan_id,
                                                       const char   *country,
                                                       const char   *event_id,
                                                       const char   *text,
                                                       const char   *received,
                                                       LiaisonOrigin origin,
                                                       GError      **error);
GPtrArray       *liaison_store_list_work_plan_feedback (LiaisonStore *self, const char *plan_id, GError **error);
gboolean         liaison_store_set_work_plan_review (LiaisonStore *self,
                                                     const char   *plan_id,
                                                     const char   *event_id,
                                                     LiaisonOrigin origin,
                                                     GError      **error);

/* ------------------------------------------------------------------------ */
/* Privacy                                                                   */

guint     liaison_store_get_consent_scopes (LiaisonStore *self, const char *participant_id);
gboolean  liaison_store_participant_has_consent (LiaisonStore       *self,
                                                 const char         *participant_id,
                                                 LiaisonConsentScope scope);
gboolean  liaison_store_set_consent (LiaisonStore *self,
                                     const char   *participant_id,
                                     gboolean      consent,
                                     const char   *date,
                                     guint         scopes,
                                     LiaisonOrigin origin,
                                     GError      **error);
char     *liaison_store_get_anonymised (LiaisonStore *self, const char *participant_id);
gboolean  liaison_store_anonymise_participant (LiaisonStore *self,
                                               const char   *participant_id,
                                               LiaisonOrigin origin,
                                               GError      **error);
JsonNode *liaison_store_person_data (LiaisonStore *self, const char *participant_id, GError **error);

G_END_DECLS
