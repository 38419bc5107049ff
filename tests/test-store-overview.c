/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-store-overview.h"
#include "test-util.h"

/* The Overview's queries: events still ahead, the journal newest first. */

typedef struct
{
  char         *dir;
  LiaisonStore *store;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = test_make_dir ();
  path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = liaison_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_assert_finalize_object (g_steal_pointer (&f->store));
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
add_event (Fixture           *f,
           const char        *title,
           const char        *start,
           const char        *zone,
           LiaisonEventStatus status)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, title);
  g_assert_true (liaison_event_set_when (event, start, NULL, zone, &error));
  liaison_event_set_status (event, status);
  g_assert_true (liaison_store_save_event (f->store, event, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
}

static char *
titles (GPtrArray *events)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                            liaison_bilingual_get_text (liaison_event_get_title (g_ptr_array_index (events, i)),
                                                        LIAISON_LANGUAGE_EN));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Now is 2030-06-15 10:00 UTC. */
static void
test_upcoming (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2030, 6, 15, 10, 0, 0);
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *found = NULL;

  /* 16:00 in Yangon is 09:30 UTC: started. 17:00 is 10:30 UTC: ahead. */
  add_event (f, "started in Yangon", "2030-06-15T16:00", "Asia/Yangon", LIAISON_EVENT_STATUS_CONFIRMED);
  add_event (f, "later in Yangon", "2030-06-15T17:00", "Asia/Yangon", LIAISON_EVENT_STATUS_CONFIRMED);
  /* A day without a time lasts until that day is over. */
  add_event (f, "today", "2030-06-15", "Asia/Shanghai", LIAISON_EVENT_STATUS_PLANNED);
  add_event (f, "yesterday", "2030-06-14", "Asia/Shanghai", LIAISON_EVENT_STATUS_PLANNED);
  add_event (f, "this month", "2030-06", NULL, LIAISON_EVENT_STATUS_PLANNED);
  add_event (f, "next year", "2031", NULL, LIAISON_EVENT_STATUS_PLANNED);
  add_event (f, "cancelled", "2030-09-01", NULL, LIAISON_EVENT_STATUS_CANCELLED);
  add_event (f, "postponed", "2030-09-02", NULL, LIAISON_EVENT_STATUS_POSTPONED);
  add_event (f, "already held", "2030-09-03", NULL, LIAISON_EVENT_STATUS_HELD);
  add_event (f, "in September", "2030-09-04T09:00", "Asia/Jakarta", LIAISON_EVENT_STATUS_PLANNED);

  events = liaison_store_list_upcoming_events (f->store, now, 0, &error);
  g_assert_no_error (error);
  found = titles (events);
  g_assert_cmpstr (found, ==, "this month|today|later in Yangon|in September|next year");

  first = liaison_store_list_upcoming_events (f->store, now, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 2);
}

/* The list read with a limit is the start of the whole list, whatever
 * the zones: local clocks from UTC-11 to UTC+14 put a later local time
 * before an earlier one, and a day, a month or a year starts at its
 * zone's midnight. */
static void
test_upcoming_limit (Fixture      *f,
                     gconstpointer data)
{
  static const char *zones[] = { "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Yangon", "America/New_York",
                                 "Asia/Kathmandu", "UTC", NULL };
  g_autoptr (GDateTime) now = g_date_time_new_utc (2030, 6, 15, 10, 0, 0);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *all_titles = NULL;
  guint            n = 0;

  /* 15 June at every hour in every zone (some started, some not), and
   * days, a month and a year around it. */
  for (guint z = 0; zones[z] != NULL; z++)
    {
      for (int hour = 0; hour < 24; hour += 5)
        {
          g_autofree char *start = g_strdup_printf ("2030-06-%02dT%02d:00", 14 + hour % 3, hour);
          g_autofree char *title = g_strdup_printf ("%s %s", zones[z], start);

          add_event (f, title, start, zones[z], LIAISON_EVENT_STATUS_CONFIRMED);
          n++;
        }
      for (int day = 14; day <= 16; day++)
        {
          g_autofree char *start = g_strdup_printf ("2030-06-%02d", day);
          g_autofree char *title = g_strdup_printf ("%s %s", zones[z], start);

          add_event (f, title, start, zones[z], LIAISON_EVENT_STATUS_PLANNED);
          n++;
        }
    }
  add_event (f, "June", "2030-06", "Pacific/Kiritimati", LIAISON_EVENT_STATUS_PLANNED);
  add_event (f, "July", "2030-07", "Pacific/Pago_Pago", LIAISON_EVENT_STATUS_PLANNED);
  add_event (f, "2031", "2031", "Asia/Yangon", LIAISON_EVENT_STATUS_PLANNED);

  all = liaison_store_list_upcoming_events (f->store, now, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 20);
  g_assert_cmpuint (all->len, <, n);
  all_titles = titles (all);
  for (guint limit = 1; limit <= all->len + 1; limit++)
    {
      g_autoptr (GPtrArray) some = liaison_store_list_upcoming_events (f->store, now, limit, &error);
      g_autoptr (GPtrArray) head = g_ptr_array_new ();
      g_autofree char *some_titles = NULL;
      g_autofree char *head_titles = NULL;

      g_assert_no_error (error);
      for (guint i = 0; i < MIN (limit, all->len); i++)
        g_ptr_array_add (head, g_ptr_array_index (all, i));
      some_titles = titles (some);
      head_titles = titles (head);
      g_assert_cmpstr (some_titles, ==, head_titles);
    }
}

/* Adds a planned event and counts it in *over when it is over by now. */
static void
add_planned (Fixture    *f,
             const char *title,
             const char *start,
             const char *zone,
             GDateTime  *now,
             guint      *over)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);

  g_assert_true (liaison_event_set_when (event, start, NULL, zone, NULL));
  if (liaison_store_event_is_over (event, now))
    (*over)++;
  add_event (f, title, start, zone, LIAISON_EVENT_STATUS_PLANNED);
}

/* The same for the events over and still planned, latest first: the list
 * read with a limit is the start of the whole list, whatever the zones
 * (local clocks from UTC-11 to UTC+14, days, months and years ending at
 * their zone's midnight), and nothing ahead of now is in it. */
static void
test_unheld_limit (Fixture      *f,
                   gconstpointer data)
{
  static const char *zones[] = { "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Yangon", "America/New_York",
                                 "Asia/Kathmandu", "UTC", NULL };
  g_autoptr (GDateTime) now = g_date_time_new_utc (2030, 6, 15, 10, 0, 0);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 0;
  guint over = 0;

  /* 14 to 16 June at every other hour in every zone (some over, some
   * not, some over already where their local clock reads later than now
   * in UTC), and days, months and years around it. */
  for (guint z = 0; zones[z] != NULL; z++)
    {
      for (int hour = 0; hour < 24; hour += 2)
        {
          g_autofree char *start = g_strdup_printf ("2030-06-%02dT%02d:00", 14 + (hour / 2) % 3, hour);
          g_autofree char *title = g_strdup_printf ("%s %s", zones[z], start);

          add_planned (f, title, start, zones[z], now, &over);
          n++;
        }
      for (int day = 13; day <= 17; day++)
        {
          g_autofree char *start = g_strdup_printf ("2030-06-%02d", day);
          g_autofree char *title = g_strdup_printf ("%s %s", zones[z], start);

          add_planned (f, title, start, zones[z], now, &over);
          n++;
        }
    }
  add_planned (f, "May", "2030-05", "Pacific/Kiritimati", now, &over);
  add_planned (f, "June", "2030-06", "Pacific/Pago_Pago", now, &over);
  add_planned (f, "2029", "2029", "Asia/Yangon", now, &over);
  add_planned (f, "2031", "2031", "Asia/Yangon", now, &over);
  add_event (f, "held", "2030-06-14", NULL, LIAISON_EVENT_STATUS_HELD);

  all = liaison_store_list_unheld_events (f->store, now, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, over);
  g_assert_cmpuint (over, >, 20);
  g_assert_cmpuint (over, <, n);
  for (guint i = 0; i < all->len; i++)
    g_assert_true (liaison_store_event_is_over (g_ptr_array_index (all, i), now));
  for (guint limit = 1; limit <= all->len + 1; limit++)
    {
      g_autoptr (GPtrArray) some = liaison_store_list_unheld_events (f->store, now, limit, &error);
      g_autoptr (GPtrArray) head = g_ptr_array_new ();
      g_autofree char *some_titles = NULL;
      g_autofree char *head_titles = NULL;

      g_assert_no_error (error);
      for (guint i = 0; i < MIN (limit, all->len); i++)
        g_ptr_array_add (head, g_ptr_array_index (all, i));
      some_titles = titles (some);
      head_titles = titles (head);
      g_assert_cmpstr (some_titles, ==, head_titles);
    }
}

static void
test_recent_journal (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  LiaisonJournalEntry *newest, *older;

  /* A new database holds the history, written as built-in: none of it shows. */
  entries = liaison_store_list_recent_journal (f->store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  add_event (f, "first", "2030-01-01", NULL, LIAISON_EVENT_STATUS_PLANNED);
  add_event (f, "second", "2030-01-02", NULL, LIAISON_EVENT_STATUS_PLANNED);
  entries = liaison_store_list_recent_journal (f->store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  newest = g_ptr_array_index (entries, 0);
  older = g_ptr_array_index (entries, 1);
  g_assert_cmpint (newest->seq, >, older->seq);
  g_assert_cmpstr (newest->action, ==, "create");
  g_assert_cmpstr (newest->entity, ==, "event");
  g_assert_cmpint (newest->origin, ==, LIAISON_ORIGIN_LOCAL);
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = liaison_store_list_recent_journal (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/liaison/store-overview/upcoming", Fixture, NULL, fixture_set_up, test_upcoming, fixture_tear_down);
  g_test_add ("/liaison/store-overview/unheld-limit", Fixture, NULL, fixture_set_up, test_unheld_limit,
              fixture_tear_down);
  g_test_add ("/liaison/store-overview/upcoming-limit", Fixture, NULL, fixture_set_up, test_upcoming_limit,
              fixture_tear_down);
  g_test_add ("/liaison/store-overview/recent-journal", Fixture, NULL, fixture_set_up, test_recent_journal,
              fixture_tear_down);

  return g_test_run ();
}
