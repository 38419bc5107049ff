/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "liaison-bilingual.h"
#include "liaison-enums.h"
#include "liaison-types.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PARTICIPANT (liaison_participant_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonParticipant, liaison_participant, LIAISON, PARTICIPANT, GObject)

LiaisonParticipant *liaison_participant_new (const char *id);
const char         *liaison_participant_get_id (LiaisonParticipant *self);
void                liaison_participant_set_native_name (LiaisonParticipant *self,
                                                         const char         *family,
                                                         const char         *given);
void                liaison_participant_set_latin_name (LiaisonParticipant *self,
                                                        const char         *family,
                                                        const char         *given);
const char         *liaison_participant_get_family_native (LiaisonParticipant *self);
const char         *liaison_participant_get_given_native (LiaisonParticipant *self);
const char         *liaison_participant_get_family_latin (LiaisonParticipant *self);
const char         *liaison_participant_get_given_latin (LiaisonParticipant *self);
LiaisonNameOrder    liaison_participant_get_name_order (LiaisonParticipant *self);
void                liaison_participant_set_name_order (LiaisonParticipant *self,
                                                        LiaisonNameOrder    order);
char               *liaison_participant_dup_native_name (LiaisonParticipant *self);
char               *liaison_participant_dup_latin_name (LiaisonParticipant *self);
char               *liaison_participant_dup_display_name (LiaisonParticipant *self);
const char         *liaison_participant_get_honorific (LiaisonParticipant *self);
void                liaison_participant_set_honorific (LiaisonParticipant *self,
                                                       const char         *honorific);
LiaisonGender       liaison_participant_get_gender (LiaisonParticipant *self);
void                liaison_participant_set_gender (LiaisonParticipant *self,
                                                    LiaisonGender       gender);
LiaisonBilingual   *liaison_participant_get_organisation (LiaisonParticipant *self);
LiaisonBilingual   *liaison_participant_get_position (LiaisonParticipant *self);
LiaisonSector       liaison_participant_get_sector (LiaisonParticipant *self);
void                liaison_participant_set_sector (LiaisonParticipant *self,
                                                    LiaisonSector       sector);
const char         *liaison_participant_get_country (LiaisonParticipant *self);
void                liaison_participant_set_country (LiaisonParticipant *self,
                                                     const char         *country);
const char *const  *liaison_participant_get_emails (LiaisonParticipant *self);
void                liaison_participant_set_emails (LiaisonParticipant *self,
                                                    const char *const  *emails);
const char *const  *liaison_participant_get_phones (LiaisonParticipant *self);
void                liaison_participant_set_phones (LiaisonParticipant *self,
                                                    const char *const  *phones);
const char *const  *liaison_participant_get_languages (LiaisonParticipant *self);
void                liaison_participant_set_languages (LiaisonParticipant *self,
                                                       const char *const  *languages);
gboolean            liaison_participant_get_consent (LiaisonParticipant *self);
const char         *liaison_participant_get_consent_date (LiaisonParticipant *self);
void                liaison_participant_set_consent (LiaisonParticipant *self,
                                                     gboolean            consent,
                                                     const char         *date);
gboolean            liaison_participant_validate (LiaisonParticipant *self,
                                                  GError            **error);
gboolean            liaison_participant_check_kept (LiaisonParticipant *self,
                                                    GError            **error);
gboolean            liaison_participant_check_changes (LiaisonParticipant *self,
                                                       LiaisonParticipant *before,
                                                       GError            **error);

G_END_DECLS
