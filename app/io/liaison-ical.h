/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Events as iCalendar VEVENT resources (RFC 5545), through field maps (see
 * liaison-store-sync.h). people maps a participant id to an array
 * { display name, e-mail or NULL }: the CN and address of its ATTENDEE
 * line; what reading returns has a third, "own" when the line carries
 * Liaison's registration id (else NULL). */

/* What reading needs to know of this office, and what it found. */
typedef struct
{
  /* The participant who has this e-mail address (lower case), for an
   * attendee line that does not name one (another client's): a new string,
   * or NULL when nobody here has it. */
  char *(*find_person) (const char *email,
                        gpointer    user_data);
  gpointer user_data;
  /* The person's own zone (IANA), for a floating time of an event that has
   * no zone or country of its own; NULL: UTC. */
  const char *local_zone;
  /* Set by reading: how many events (VEVENT without RECURRENCE-ID) the
   * resource holds with the UID of the first; only the first is read. */
  guint twins;
} LiaisonIcalContext;

GHashTable *liaison_ical_read (const char  *text,
                               char       **uid,
                               GHashTable **people,
                               GError     **error);
GHashTable *liaison_ical_read_with (const char         *text,
                                    LiaisonIcalContext *context,
                                    char              **uid,
                                    GHashTable        **people,
                                    GError            **error);
char       *liaison_ical_write (const char *uid,
                                GHashTable *fields,
                                GHashTable *people,
                                const char *base,
                                GError    **error);
char       *liaison_ical_write_with (const char         *uid,
                                     GHashTable         *fields,
                                     GHashTable         *people,
                                     const char         *base,
                                     LiaisonIcalContext *context,
                                     GError            **error);
char       *liaison_ical_attendee_key (const char *address,
                                       const char *participant_param);

/* The "recurrence" field: the RRULE's value, and when the event leaves
 * dates out, ";EXDATE=" and those dates in the event's own wall-clock time
 * (20251118T090000 or 20251118), separated by commas. */
typedef enum
{
  LIAISON_REPEATS_DAILY,
  LIAISON_REPEATS_WEEKLY,
  LIAISON_REPEATS_MONTHLY,
  LIAISON_REPEATS_YEARLY,
  LIAISON_REPEATS_OTHER,
} LiaisonRepeats;

gboolean liaison_ical_recurrence_info (const char     *recurrence,
                                       LiaisonRepeats *repeats,
                                       guint          *interval,
                                       guint          *left_out);
GArray  *liaison_ical_occurrence_days (const char  *recurrence,
                                       const char  *start,
                                       const GDate *first,
                                       const GDate *last);

G_END_DECLS
