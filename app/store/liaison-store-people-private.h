/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store-people.h"
#include "liaison-store-private.h"

G_BEGIN_DECLS

/* What the people files of the store share (programme, delegations,
 * officers, privacy). */

/* A JSON object of string members from name, value pairs (a NULL value is
 * left out), ending with NULL: the journal's value for records that belong
 * to a person, so anonymising them finds every entry by its "participant". */
char *liaison_store_person_json (const char *first_name, ...) G_GNUC_NULL_TERMINATED;

gboolean liaison_store_check_date (const char *date, GError **error);

/* liaison-store-delegations.c: whether one more member of a country's
 * delegation may be accepted at an event (the quota rule), checked where a
 * registration comes to count against it. */
gboolean liaison_store_check_quota_room (LiaisonStore *self,
                                         const char   *event_id,
                                         const char   *country,
                                         GError      **error);

G_END_DECLS
