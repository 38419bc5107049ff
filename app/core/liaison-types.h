/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _LiaisonPlanItem     LiaisonPlanItem;
typedef struct _LiaisonBilingual    LiaisonBilingual;
typedef struct _LiaisonCountry      LiaisonCountry;
typedef struct _LiaisonEvent        LiaisonEvent;
typedef struct _LiaisonParticipant  LiaisonParticipant;
typedef struct _LiaisonRegistration LiaisonRegistration;
typedef struct _LiaisonSchedule     LiaisonSchedule;

typedef enum
{
  LIAISON_LANGUAGE_ZH,
  LIAISON_LANGUAGE_EN,
} LiaisonLanguage;

#define LIAISON_N_LANGUAGES 2

typedef enum
{
  LIAISON_TRANSLATION_MISSING,
  LIAISON_TRANSLATION_DRAFT,
  LIAISON_TRANSLATION_TRANSLATED,
  LIAISON_TRANSLATION_REVIEWED,
  /* Never stored: a translated or reviewed text whose source changed
   * since (see liaison_bilingual_get_effective_state). */
  LIAISON_TRANSLATION_STALE,
} LiaisonTranslationState;

#define LIAISON_N_TRANSLATION_STATES 5

typedef enum
{
  LIAISON_EVENT_KIND_LIAISON_MEETING,
  LIAISON_EVENT_KIND_FORUM,
  LIAISON_EVENT_KIND_MINISTERIAL_DIALOGUE,
  LIAISON_EVENT_KIND_WORKSHOP,
  LIAISON_EVENT_KIND_TRAINING_COURSE,
  LIAISON_EVENT_KIND_SEMINAR,
  LIAISON_EVENT_KIND_ROUNDTABLE,
  LIAISON_EVENT_KIND_YOUTH_FORUM,
  LIAISON_EVENT_KIND_CAPACITY_BUILDING,
  LIAISON_EVENT_KIND_FIELD_VISIT,
  LIAISON_EVENT_KIND_EXHIBITION,
  LIAISON_EVENT_KIND_WORKING_GROUP,
  LIAISON_EVENT_KIND_OTHER,
} LiaisonEventKind;

typedef enum
{
  LIAISON_EVENT_STATUS_PLANNED,
  LIAISON_EVENT_STATUS_CONFIRMED,
  LIAISON_EVENT_STATUS_HELD,
  LIAISON_EVENT_STATUS_POSTPONED,
  LIAISON_EVENT_STATUS_CANCELLED,
} LiaisonEventStatus;

typedef enum
{
  LIAISON_EVENT_MODE_IN_PERSON,
  LIAISON_EVENT_MODE_ONLINE,
  LIAISON_EVENT_MODE_HYBRID,
} LiaisonEventMode;

typedef enum
{
  LIAISON_DATE_PRECISION_TIME,
  LIAISON_DATE_PRECISION_DAY,
  LIAISON_DATE_PRECISION_MONTH,
  LIAISON_DATE_PRECISION_YEAR,
} LiaisonDatePrecision;

typedef enum
{
  LIAISON_FUNDING_COOPERATION_FUND,
  LIAISON_FUNDING_CHINA_GOVERNMENT,
  LIAISON_FUNDING_MEMBER_STATES,
  LIAISON_FUNDING_INTERNATIONAL_PARTNERS,
  LIAISON_FUNDING_PRIVATE_SECTOR,
  LIAISON_FUNDING_OTHER,
} LiaisonFundingSource;

typedef enum
{
  LIAISON_SECTOR_GOVERNMENT,
  LIAISON_SECTOR_ACADEMIA,
  LIAISON_SECTOR_YOUTH,
  LIAISON_SECTOR_NGO,
  LIAISON_SECTOR_INTERNATIONAL_ORGANISATION,
  LIAISON_SECTOR_PRIVATE_SECTOR,
  LIAISON_SECTOR_MEDIA,
  LIAISON_SECTOR_OTHER,
} LiaisonSector;

typedef enum
{
  LIAISON_GENDER_UNSPECIFIED,
  LIAISON_GENDER_FEMALE,
  LIAISON_GENDER_MALE,
  LIAISON_GENDER_OTHER,
} LiaisonGender;

typedef enum
{
  LIAISON_NAME_ORDER_FAMILY_FIRST,
  LIAISON_NAME_ORDER_GIVEN_FIRST,
  LIAISON_NAME_ORDER_MONONYM,
} LiaisonNameOrder;

typedef enum
{
  LIAISON_ROLE_DELEGATE,
  LIAISON_ROLE_SPEAKER,
  LIAISON_ROLE_MODERATOR,
  LIAISON_ROLE_ORGANISER,
  LIAISON_ROLE_INTERPRETER,
  LIAISON_ROLE_OBSERVER,
  LIAISON_ROLE_VIP,
  LIAISON_ROLE_STAFF,
  /* Appended, so stored and synced values keep their meaning. */
  LIAISON_ROLE_MENTOR,
} LiaisonRole;

#define LIAISON_N_ROLES 9

typedef enum
{
  LIAISON_REGISTRATION_INVITED,
  LIAISON_REGISTRATION_REGISTERED,
  LIAISON_REGISTRATION_WAITLISTED,
  LIAISON_REGISTRATION_CONFIRMED,
  LIAISON_REGISTRATION_ATTENDED,
  LIAISON_REGISTRATION_NO_SHOW,
  LIAISON_REGISTRATION_DECLINED,
  LIAISON_REGISTRATION_CANCELLED,
  /* Put forward by a country's liaison officer, not yet approved by the
   * centre: holds no place and counts against no quota. */
  LIAISON_REGISTRATION_NOMINATED,
} LiaisonRegistrationStatus;

#define LIAISON_N_REGISTRATION_STATUSES 9

typedef enum
{
  LIAISON_PLAN_LEVEL_DIRECTION,
  LIAISON_PLAN_LEVEL_ACTION,
  LIAISON_PLAN_LEVEL_ACTIVITY,
} LiaisonPlanLevel;

typedef enum
{
  LIAISON_ORIGIN_LOCAL,
  LIAISON_ORIGIN_REMOTE,
  LIAISON_ORIGIN_BUILT_IN,
} LiaisonOrigin;

const char *liaison_enum_to_nick (GType enum_type,
                                  int   value);
gboolean    liaison_enum_from_nick (GType       enum_type,
                                    const char *nick,
                                    int        *value);
char       *liaison_enum_nicks (GType enum_type);

G_END_DECLS
