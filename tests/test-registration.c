/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-core.h"

#define I LIAISON_REGISTRATION_INVITED
#define R LIAISON_REGISTRATION_REGISTERED
#define W LIAISON_REGISTRATION_WAITLISTED
#define C LIAISON_REGISTRATION_CONFIRMED
#define A LIAISON_REGISTRATION_ATTENDED
#define N LIAISON_REGISTRATION_NO_SHOW
#define D LIAISON_REGISTRATION_DECLINED
#define X LIAISON_REGISTRATION_CANCELLED
#define M LIAISON_REGISTRATION_NOMINATED

/* The whole table, written out independently of the code's bit masks:
 * expected[from][to]. */
static const gboolean expected[9][9] = {
  /*          I  R  W  C  A  N  D  X  M */
  /* I */ { 0, 1, 1, 1, 0, 0, 1, 1, 0 },
  /* R */ { 0, 0, 1, 1, 0, 0, 1, 1, 0 },
  /* W */ { 0, 1, 0, 1, 0, 0, 1, 1, 0 },
  /* C */ { 0, 0, 0, 0, 1, 1, 1, 1, 0 },
  /* A */ { 0, 1, 0, 1, 0, 1, 0, 0, 0 }, /* back from a check-in made by mistake */
  /* N */ { 0, 0, 0, 0, 1, 0, 0, 0, 0 },
  /* D */ { 1, 1, 0, 0, 0, 0, 0, 0, 1 },
  /* X */ { 1, 1, 0, 0, 0, 0, 0, 0, 1 },
  /* M */ { 1, 1, 1, 1, 0, 0, 1, 1, 0 },
};

static LiaisonRegistration *
registration_in (LiaisonRegistrationStatus status)
{
  LiaisonRegistration *r = liaison_registration_new (NULL, "event", "person");

  liaison_registration_restore_status (r, status);
  return r;
}

static void
test_every_transition (void)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == LIAISON_N_REGISTRATION_STATUSES);

  for (guint from = 0; from < LIAISON_N_REGISTRATION_STATUSES; from++)
    for (guint to = 0; to < LIAISON_N_REGISTRATION_STATUSES; to++)
      {
        g_autoptr (LiaisonRegistration) r = registration_in (from);
        g_autoptr (GError) error = NULL;
        gboolean ok;

        g_assert_cmpint (liaison_registration_status_can_transition (from, to), ==, expected[from][to]);

        ok = liaison_registration_transition (r, to, "2025-06-01T09:00:00Z", &error);
        if (expected[from][to])
          {
            g_assert_no_error (error);
            g_assert_true (ok);
            g_assert_cmpint (liaison_registration_get_status (r), ==, to);
            g_assert_cmpstr (liaison_registration_get_status_time (r, to), ==, "2025-06-01T09:00:00Z");
          }
        else
          {
            g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_TRANSITION);
            g_assert_false (ok);
            g_assert_cmpint (liaison_registration_get_status (r), ==, from);
            g_assert_nonnull (strstr (error->message, liaison_registration_status_label (from)));
          }
      }
}

static void
test_checkin_time (void)
{
  g_autoptr (LiaisonRegistration) r = registration_in (C);

  g_assert_null (liaison_registration_get_checkin_time (r));
  g_assert_true (liaison_registration_transition (r, A, "2025-06-01T09:05:00Z", NULL));
  g_assert_cmpstr (liaison_registration_get_checkin_time (r), ==, "2025-06-01T09:05:00Z");
}

static void
test_arrival (void)
{
  /* No capacity: everyone gets in. */
  g_assert_cmpint (liaison_registration_status_on_arrival (R, 500, 0), ==, R);
  /* Room left. */
  g_assert_cmpint (liaison_registration_status_on_arrival (R, 2, 3), ==, R);
  g_assert_cmpint (liaison_registration_status_on_arrival (C, 2, 3), ==, C);
  /* Full: the place-taking statuses go to the waitlist, an invitation does not. */
  g_assert_cmpint (liaison_registration_status_on_arrival (R, 3, 3), ==, W);
  g_assert_cmpint (liaison_registration_status_on_arrival (C, 3, 3), ==, W);
  g_assert_cmpint (liaison_registration_status_on_arrival (I, 3, 3), ==, I);
}

static void
test_promotion (void)
{
  g_autoptr (GPtrArray) regs = g_ptr_array_new_with_free_func (g_object_unref);
  LiaisonRegistration *w1, *w2, *held;

  held = registration_in (R);
  g_ptr_array_add (regs, held);
  g_ptr_array_add (regs, registration_in (C));
  w2 = registration_in (W);
  liaison_registration_restore_status_time (w2, W, "2025-05-02T00:00:00Z");
  g_ptr_array_add (regs, w2);
  w1 = registration_in (W);
  liaison_registration_restore_status_time (w1, W, "2025-05-01T00:00:00Z");
  g_ptr_array_add (regs, w1);
  g_ptr_array_add (regs, registration_in (D));

  /* Two places, both taken: nobody moves. */
  g_assert_null (liaison_registration_pick_promotion (regs, 2));
  /* No capacity: there is no waitlist to move. */
  g_assert_null (liaison_registration_pick_promotion (regs, 0));

  /* A place frees: the earliest waitlisted moves up, not the first in the list. */
  liaison_registration_restore_status (held, X);
  g_assert_true (liaison_registration_pick_promotion (regs, 2) == w1);

  /* A tie keeps list order. */
  liaison_registration_restore_status_time (w2, W, "2025-05-01T00:00:00Z");
  g_assert_true (liaison_registration_pick_promotion (regs, 2) == w2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/registration/every-transition", test_every_transition);
  g_test_add_func ("/liaison/registration/checkin-time", test_checkin_time);
  g_test_add_func ("/liaison/registration/arrival", test_arrival);
  g_test_add_func ("/liaison/registration/promotion", test_promotion);

  return g_test_run ();
}
