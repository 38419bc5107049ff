/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "liaison-core-error.h"
#include "liaison-labels.h"
#include "liaison-uuid.h"
#include "liaison-registration.h"

struct _LiaisonRegistration
{
  GObject parent_instance;

  char                     *id;
  char                     *event_id;
  char                     *participant_id;
  LiaisonRole               role;
  LiaisonRegistrationStatus status;
  char                     *delegation;
  char                     *status_time[LIAISON_N_REGISTRATION_STATUSES];
  char                     *notes;
  gboolean                  has_waitlist_order;
  double                    waitlist_order;
};

G_DEFINE_FINAL_TYPE (LiaisonRegistration, liaison_registration, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_STATUS,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define S(x) (1u << LIAISON_REGISTRATION_##x)

/* Where each status may go. Attended and no-show may be corrected into each
 * other at the venue, and a check-in made by mistake (the wrong badge
 * scanned) back to registered or confirmed after its Undo has gone; a
 * declined or cancelled person can be invited, registered or nominated
 * again. A nomination is approved (registered, or waitlisted when the
 * event is full), or declined. */
static const guint allowed[LIAISON_N_REGISTRATION_STATUSES] = {
  [LIAISON_REGISTRATION_INVITED] = S (REGISTERED) | S (WAITLISTED) | S (CONFIRMED) | S (DECLINED) | S (CANCELLED),
  [LIAISON_REGISTRATION_REGISTERED] = S (WAITLISTED) | S (CONFIRMED) | S (DECLINED) | S (CANCELLED),
  [LIAISON_REGISTRATION_WAITLISTED] = S (REGISTERED) | S (CONFIRMED) | S (DECLINED) | S (CANCELLED),
  [LIAISON_REGISTRATION_CONFIRMED] = S (ATTENDED) | S (NO_SHOW) | S (DECLINED) | S (CANCELLED),
  [LIAISON_REGISTRATION_ATTENDED] = S (REGISTERED) | S (CONFIRMED) | S (NO_SHOW),
  [LIAISON_REGISTRATION_NO_SHOW] = S (ATTENDED),
  [LIAISON_REGISTRATION_DECLINED] = S (INVITED) | S (REGISTERED) | S (NOMINATED),
  [LIAISON_REGISTRATION_CANCELLED] = S (INVITED) | S (REGISTERED) | S (NOMINATED),
  [LIAISON_REGISTRATION_NOMINATED] = S (INVITED) | S (REGISTERED) | S (WAITLISTED) | S (CONFIRMED) | S (DECLINED) | S (CANCELLED),
};

#undef S

static void
liaison_registration_finalize (GObject *object)
{
  LiaisonRegistration *self = (LiaisonRegistration *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->participant_id, g_free);
  g_clear_pointer (&self->delegation, g_free);
  g_clear_pointer (&self->notes, g_free);
  for (guint i = 0; i < LIAISON_N_REGISTRATION_STATUSES; i++)
    g_clear_pointer (&self->status_time[i], g_free);

  G_OBJECT_CLASS (liaison_registration_parent_class)->finalize (object);
}

static void
liaison_registration_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LiaisonRegistration *self = LIAISON_REGISTRATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_registration_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LiaisonRegistration *self = LIAISON_REGISTRATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_ROLE:
      liaison_registration_set_role (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_registration_class_init (LiaisonRegistrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = liaison_registration_finalize;
  object_class->get_property = liaison_registration_get_property;
  object_class->set_property = liaison_registration_set_property;

  properties[PROP_ID] =
      g_param_spec_string ("id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
      g_param_spec_enum ("status", NULL, NULL, LIAISON_TYPE_REGISTRATION_STATUS,
                         LIAISON_REGISTRATION_INVITED, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
      g_param_spec_enum ("role", NULL, NULL, LIAISON_TYPE_ROLE, LIAISON_ROLE_DELEGATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_registration_init (LiaisonRegistration *self)
{
}

LiaisonRegistration *
liaison_registration_new (const char *id,
                          const char *event_id,
                          const char *participant_id)
{
  LiaisonRegistration *self;
  g_autofree char     *random_id = NULL;

  g_return_val_if_fail (event_id != NULL, NULL);
  g_return_val_if_fail (participant_id != NULL, NULL);

  if (id == NULL)
    id = random_id = liaison_uuid_new ();
  self = g_object_new (LIAISON_TYPE_REGISTRATION, "id", id, NULL);
  self->event_id = g_strdup (event_id);
  self->participant_id = g_strdup (participant_id);
  return self;
}

const char *
liaison_registration_get_id (LiaisonRegistration *self)
{
  return self->id;
}

const char *
liaison_registration_get_event_id (LiaisonRegistration *self)
{
  return self->event_id;
}

const char *
liaison_registration_get_participant_id (LiaisonRegistration *self)
{
  return self->participant_id;
}

LiaisonRole
liaison_registration_get_role (LiaisonRegistration *self)
{
  return self->role;
}

void
liaison_registration_set_role (LiaisonRegistration *self,
                               LiaisonRole          role)
{
  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

LiaisonRegistrationStatus
liaison_registration_get_status (LiaisonRegistration *self)
{
  return self->status;
}

const char *
liaison_registration_get_status_time (LiaisonRegistration      *self,
                                      LiaisonRegistrationStatus status)
{
  g_return_val_if_fail (status < LIAISON_N_REGISTRATION_STATUSES, NULL);
  return self->status_time[status];
}

void
liaison_registration_restore_status (LiaisonRegistration      *self,
                                     LiaisonRegistrationStatus status)
{
  self->status = status;
}

void
liaison_registration_restore_status_time (LiaisonRegistration      *self,
                                          LiaisonRegistrationStatus status,
                                          const char               *time)
{
  g_return_if_fail (status < LIAISON_N_REGISTRATION_STATUSES);
  g_free (self->status_time[status]);
  self->status_time[status] = g_strdup (time);
}

gboolean
liaison_registration_status_can_transition (LiaisonRegistrationStatus from,
                                            LiaisonRegistrationStatus to)
{
  if (from >= LIAISON_N_REGISTRATION_STATUSES || to >= LIAISON_N_REGISTRATION_STATUSES)
    return FALSE;
  return (allowed[from] & (1u << to)) != 0;
}

gboolean
liaison_registration_transition (LiaisonRegistration      *self,
                                 LiaisonRegistrationStatus status,
                                 const char               *now,
                                 GError                  **error)
{
  g_return_val_if_fail (LIAISON_IS_REGISTRATION (self), FALSE);

  if (!liaison_registration_status_can_transition (self->status, status))
    {
      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_TRANSITION,
                   /* Translators: both are registration statuses, e.g. “A declined registration cannot become attended” */
                   _ ("A registration that is “%1$s” cannot become “%2$s”"),
                   liaison_registration_status_label (self->status),
                   liaison_registration_status_label (status));
      return FALSE;
    }

  self->status = status;
  liaison_registration_restore_status_time (self, status, now);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  return TRUE;
}

const char *
liaison_registration_get_delegation (LiaisonRegistration *self)
{
  return self->delegation;
}

void
liaison_registration_set_delegation (LiaisonRegistration *self,
                                     const char          *country)
{
  g_free (self->delegation);
  self->delegation = g_strdup (country);
}

const char *
liaison_registration_get_checkin_time (LiaisonRegistration *self)
{
  return self->status_time[LIAISON_REGISTRATION_ATTENDED];
}

const char *
liaison_registration_get_notes (LiaisonRegistration *self)
{
  return self->notes;
}

void
liaison_registration_set_notes (LiaisonRegistration *self,
                                const char          *notes)
{
  g_free (self->notes);
  self->notes = g_strdup (notes);
}

gboolean
liaison_registration_status_holds_place (LiaisonRegistrationStatus status)
{
  return status == LIAISON_REGISTRATION_REGISTERED || status == LIAISON_REGISTRATION_CONFIRMED || status == LIAISON_REGISTRATION_ATTENDED;
}

/* A capacity of 0 means the event takes everyone. */
LiaisonRegistrationStatus
liaison_registration_status_on_arrival (LiaisonRegistrationStatus requested,
                                        guint                     places_taken,
                                        guint                     capacity)
{
  if (capacity > 0 && places_taken >= capacity && liaison_registration_status_holds_place (requested))
    return LIAISON_REGISTRATION_WAITLISTED;
  return requested;
}

/* The waitlist's order: the organiser's (waitlist_order, smallest
 * first), and where it has none (a person the sync brought, a file older
 * than the order), first come, first served after those: the earliest
 * waitlisted, on a tie the one first in the list (the store lists in
 * order of arrival, and people added together in the order clicked). */
static int
compare_waitlisted (gconstpointer pa, gconstpointer pb, gpointer data)
{
  LiaisonRegistration *a = *(LiaisonRegistration **) pa;
  LiaisonRegistration *b = *(LiaisonRegistration **) pb;
  GHashTable          *index = data;
  int                  cmp;

  if (a->has_waitlist_order != b->has_waitlist_order)
    return a->has_waitlist_order ? -1 : 1;
  if (a->has_waitlist_order && a->waitlist_order != b->waitlist_order)
    return a->waitlist_order < b->waitlist_order ? -1 : 1;
  cmp = g_strcmp0 (a->status_time[LIAISON_REGISTRATION_WAITLISTED], b->status_time[LIAISON_REGISTRATION_WAITLISTED]);
  if (cmp != 0)
    return cmp;
  return GPOINTER_TO_INT (g_hash_table_lookup (index, a)) - GPOINTER_TO_INT (g_hash_table_lookup (index, b));
}

/* The waitlisted among registrations, first place first; the array holds
 * no references (the registrations stay the caller's). */
GPtrArray *
liaison_registration_sort_waitlist (GPtrArray *registrations)
{
  GPtrArray *waitlist = g_ptr_array_new ();
  g_autoptr (GHashTable) index = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);

      g_hash_table_insert (index, r, GINT_TO_POINTER (i));
      if (r->status == LIAISON_REGISTRATION_WAITLISTED)
        g_ptr_array_add (waitlist, r);
    }
  g_ptr_array_sort_with_data (waitlist, compare_waitlisted, index);
  return waitlist;
}

/* 1 for the first on the waitlist; 0 when not waitlisted. */
guint
liaison_registration_waitlist_place (GPtrArray           *registrations,
                                     LiaisonRegistration *registration)
{
  g_autoptr (GPtrArray) waitlist = liaison_registration_sort_waitlist (registrations);
  guint index;

  for (index = 0; index < waitlist->len; index++)
    if (g_strcmp0 (((LiaisonRegistration *) g_ptr_array_index (waitlist, index))->id, registration->id) == 0)
      return index + 1;
  return 0;
}

/* An order between two neighbours (either may be missing); FALSE when
 * there is no number between them left (the list needs numbering again). */
gboolean
liaison_registration_order_between (gboolean has_before,
                                    double   before,
                                    gboolean has_after,
                                    double   after,
                                    double  *order)
{
  double mid;

  if (!has_before && !has_after)
    mid = 1;
  else if (!has_before)
    mid = after - 1;
  else if (!has_after)
    mid = before + 1;
  else
    mid = before + (after - before) / 2;
  if ((has_before && mid <= before) || (has_after && mid >= after) || !isfinite (mid))
    return FALSE;
  *order = mid;
  return TRUE;
}

/* Who moves up when a place frees: the first on the waitlist. */
LiaisonRegistration *
liaison_registration_pick_promotion (GPtrArray *registrations,
                                     guint      capacity)
{
  g_autoptr (GPtrArray) waitlist = NULL;
  guint taken = 0;

  if (capacity == 0)
    return NULL;

  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);
      if (liaison_registration_status_holds_place (r->status))
        taken++;
    }
  if (taken >= capacity)
    return NULL;

  waitlist = liaison_registration_sort_waitlist (registrations);
  return waitlist->len > 0 ? g_ptr_array_index (waitlist, 0) : NULL;
}

gboolean
liaison_registration_get_waitlist_order (LiaisonRegistration *self,
                                         double              *order)
{
  if (order != NULL)
    *order = self->waitlist_order;
  return self->has_waitlist_order;
}

void
liaison_registration_set_waitlist_order (LiaisonRegistration *self,
                                         gboolean             set,
                                         double               order)
{
  self->has_waitlist_order = set;
  self->waitlist_order = set ? order : 0;
}
