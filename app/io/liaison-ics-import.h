/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"
#include "liaison-table.h"

G_BEGIN_DECLS

/* iCalendar files from other programs (Outlook, Google Calendar,
 * Thunderbird, a secretariat's calendar), read with the sync's reader
 * (liaison-ical.c) event by event:
 *
 * - events: one or a whole calendar; Windows zone names ("China Standard
 *   Time") and bare city names ("Singapore") mapped to IANA zones, a
 *   VTIMEZONE checked against the zone it names, a zone nobody knows kept
 *   as the same instants in UTC; a time with no zone at all (floating) in
 *   the event's country's zone, else own_zone (the person's, see
 *   liaison_time_zone_own()), else UTC; recurring events with their rule; what
 *   Liaison does not read stays in the event's own text;
 * - replies (METHOD:REPLY): the attendee's answer moves their registration
 *   to confirmed or declined through the allowed transitions; a reply for
 *   an event or a person Liaison does not have is reported, not guessed. */

typedef struct
{
  char       *uid;     /* the event's id here */
  char       *title;   /* as the file gives it */
  GHashTable *fields;  /* field map (liaison-store-sync.h), NULL when it cannot be imported */
  GHashTable *people;  /* attendees: participant id → { name, e-mail } */
  char       *text;    /* the event's own calendar: VTIMEZONEs and VEVENTs as libical writes them */
  char       *kept;    /* the same cut from the file's bytes (zones renamed), or NULL: what a push and an export patch */
  char       *note;    /* what was read differently ("China Standard Time" as Asia/Shanghai), or NULL */
  char       *problem; /* why it cannot be imported, or NULL */
  gboolean    exists;  /* an event with this UID is here: an update */
} LiaisonIcsEvent;

void liaison_ics_event_free (LiaisonIcsEvent *event);

typedef struct
{
  char                     *event_id;
  char                     *registration_id; /* NULL when none was found */
  char                     *message;         /* what happened, or why nothing did */
  gboolean                  changed;
  LiaisonRegistrationStatus from;
  LiaisonRegistrationStatus to;
} LiaisonReplyOutcome;

void liaison_reply_outcome_free (LiaisonReplyOutcome *outcome);

char      *liaison_ics_zone_for_name (const char *name);
char      *liaison_ics_method (const char *text);
GPtrArray *liaison_ics_read_events (LiaisonStore *store,
                                    const char   *text,
                                    const char   *own_zone,
                                    GError      **error);
gboolean   liaison_ics_import_events (LiaisonStore *store,
                                      GPtrArray    *events,
                                      guint        *added,
                                      guint        *updated,
                                      GError      **error);
GPtrArray *liaison_ics_apply_replies (LiaisonStore *store,
                                      const char   *text,
                                      gboolean      dry_run,
                                      GError      **error);

G_END_DECLS
