/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "liaison-bilingual.h"
#include "liaison-enums.h"
#include "liaison-types.h"

G_BEGIN_DECLS

/* The window's capacity field goes no further. */
#define LIAISON_EVENT_MAX_CAPACITY 100000

#define LIAISON_TYPE_EVENT (liaison_event_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonEvent, liaison_event, LIAISON, EVENT, GObject)

LiaisonEvent        *liaison_event_new (const char *id);
const char          *liaison_event_get_id (LiaisonEvent *self);
LiaisonEventKind     liaison_event_get_kind (LiaisonEvent *self);
void                 liaison_event_set_kind (LiaisonEvent    *self,
                                             LiaisonEventKind kind);
LiaisonEventStatus   liaison_event_get_status (LiaisonEvent *self);
void                 liaison_event_set_status (LiaisonEvent      *self,
                                               LiaisonEventStatus status);
LiaisonEventMode     liaison_event_get_mode (LiaisonEvent *self);
void                 liaison_event_set_mode (LiaisonEvent    *self,
                                             LiaisonEventMode mode);
LiaisonBilingual    *liaison_event_get_title (LiaisonEvent *self);
LiaisonBilingual    *liaison_event_get_theme (LiaisonEvent *self);
LiaisonBilingual    *liaison_event_get_description (LiaisonEvent *self);
LiaisonBilingual    *liaison_event_get_city (LiaisonEvent *self);
const char          *liaison_event_get_start (LiaisonEvent *self);
const char          *liaison_event_get_end (LiaisonEvent *self);
const char          *liaison_event_get_time_zone (LiaisonEvent *self);
LiaisonDatePrecision liaison_event_get_precision (LiaisonEvent *self);
gboolean             liaison_event_set_when (LiaisonEvent *self,
                                             const char   *start,
                                             const char   *end,
                                             const char   *time_zone,
                                             GError      **error);
gboolean             liaison_event_check_when (LiaisonEvent *self,
                                               GError      **error);
gboolean             liaison_event_check_kept (LiaisonEvent *self,
                                               GError      **error);
gboolean             liaison_event_check_changes (LiaisonEvent *self,
                                                  LiaisonEvent *before,
                                                  GError      **error);
int                  liaison_event_get_year (LiaisonEvent *self);
int                  liaison_event_get_month (LiaisonEvent *self);
GDateTime           *liaison_event_dup_start_date_time (LiaisonEvent *self);
GDateTime           *liaison_event_dup_end_date_time (LiaisonEvent *self);
const char          *liaison_event_get_venue (LiaisonEvent *self);
void                 liaison_event_set_venue (LiaisonEvent *self,
                                              const char   *venue);
const char          *liaison_event_get_country (LiaisonEvent *self);
void                 liaison_event_set_country (LiaisonEvent *self,
                                                const char   *country);
const char          *liaison_event_get_online_url (LiaisonEvent *self);
void                 liaison_event_set_online_url (LiaisonEvent *self,
                                                   const char   *url);
const char          *liaison_event_get_organisers (LiaisonEvent *self);
void                 liaison_event_set_organisers (LiaisonEvent *self,
                                                   const char   *organisers);
const char          *liaison_event_get_partners (LiaisonEvent *self);
void                 liaison_event_set_partners (LiaisonEvent *self,
                                                 const char   *partners);
guint                liaison_event_get_capacity (LiaisonEvent *self);
void                 liaison_event_set_capacity (LiaisonEvent *self,
                                                 guint         capacity);
const char          *liaison_event_get_registration_deadline (LiaisonEvent *self);
void                 liaison_event_set_registration_deadline (LiaisonEvent *self,
                                                              const char   *date);
double               liaison_event_get_budget (LiaisonEvent *self);
const char          *liaison_event_get_currency (LiaisonEvent *self);
LiaisonFundingSource liaison_event_get_funding (LiaisonEvent *self);
void                 liaison_event_set_budget (LiaisonEvent        *self,
                                               double               amount,
                                               const char          *currency,
                                               LiaisonFundingSource funding);
const char          *liaison_event_get_track (LiaisonEvent *self);
void                 liaison_event_set_track (LiaisonEvent *self,
                                              const char   *track);
const char          *liaison_event_get_recurrence (LiaisonEvent *self);
void                 liaison_event_set_recurrence (LiaisonEvent *self,
                                                   const char   *rrule);
const char *const   *liaison_event_get_activities (LiaisonEvent *self);
void                 liaison_event_set_activities (LiaisonEvent      *self,
                                                   const char *const *codes);
const char *const   *liaison_event_get_areas (LiaisonEvent *self);
void                 liaison_event_set_areas (LiaisonEvent      *self,
                                              const char *const *areas);

gboolean liaison_parse_local_time (const char           *text,
                                   LiaisonDatePrecision *precision,
                                   int                  *year,
                                   int                  *month,
                                   int                  *day,
                                   int                  *hour,
                                   int                  *minute);

G_END_DECLS
