/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-store-sync.h"
#include "liaison-sync-merge.h"

/* The three-way merge of sync (app/sync/liaison-sync-merge.c), without a
 * server: each row is a record as the last sync left it (base), as it is
 * here (local) and on the server (remote), and what the merge makes of it.
 * Records are field maps as the store writes them: defaults left out (a
 * status set back to "planned" is a field that goes), bilingual texts as
 * NAME_zh, NAME_en and their states in i18n_NAME, lists joined in one
 * field, and one attendee:ID and one registration:ID key per person. */

/* A record that is not there: never synced (base), deleted here (local),
 * deleted on the server (remote), or deleted by the merge (merged). */
#define GONE "(gone)"

#define MAX_FIELDS 8

typedef struct
{
  const char *name;
  const char *base[MAX_FIELDS * 2 + 1]; /* field, value, …, NULL; or GONE */
  const char *local[MAX_FIELDS * 2 + 1];
  const char *remote[MAX_FIELDS * 2 + 1];
  gboolean    pending; /* the record waits in the outbox */
  const char *merged[MAX_FIELDS * 2 + 1];
  const char *clashes; /* the fields that clash, sorted, "*" for the whole record; NULL: none */
} Row;

/* An event as both offices had it. */
#define EVENT "title_zh", "联络员会议", "venue", "Nanning International Convention Centre", "status", "confirmed"
#define EVENT_EDITED "title_zh", "联络员会议", "venue", "Nanning International Convention Centre", "status", "held"

/* Two people's registrations: role|status|delegation|status time. */
#define P1 "attendee:0190d3a2-7c1e-7a00-8b00-000000000001"
#define P2 "attendee:0190d3a2-7c1e-7a00-8b00-000000000002"
#define P3 "attendee:0190d3a2-7c1e-7a00-8b00-000000000003"
#define R1 "registration:0190d3a2-7c1e-7a00-8b00-000000000001"
#define R2 "registration:0190d3a2-7c1e-7a00-8b00-000000000002"
#define R3 "registration:0190d3a2-7c1e-7a00-8b00-000000000003"
#define INVITED "delegate|invited|TH|2025-03-01T02:00:00.000000Z"
#define CONFIRMED "delegate|confirmed|TH|2025-03-05T02:00:00.000000Z"
#define DECLINED "delegate|declined|TH|2025-03-06T02:00:00.000000Z"
#define SPEAKER "speaker|invited|TH|2025-03-01T02:00:00.000000Z"
#define WAITING "delegate|waitlisted|TH|2025-03-02T02:00:00.000000Z"
#define REGISTERED "delegate|registered|TH|2025-03-07T02:00:00.000000Z"
#define W1 "waitlist:0190d3a2-7c1e-7a00-8b00-000000000001"
#define W2 "waitlist:0190d3a2-7c1e-7a00-8b00-000000000002"

static const Row rows[] = {
  /* Plain text fields. */
  { "text/unchanged", { "venue", "Hall A", NULL }, { "venue", "Hall A", NULL }, { "venue", "Hall A", NULL }, FALSE, { "venue", "Hall A", NULL }, NULL },
  { "text/changed-here", { "venue", "Hall A", NULL }, { "venue", "Hall B", NULL }, { "venue", "Hall A", NULL }, FALSE, { "venue", "Hall B", NULL }, NULL },
  { "text/changed-there", { "venue", "Hall A", NULL }, { "venue", "Hall A", NULL }, { "venue", "Hall C", NULL }, FALSE, { "venue", "Hall C", NULL }, NULL },
  { "text/same-change", { "venue", "Hall A", NULL }, { "venue", "Hall B", NULL }, { "venue", "Hall B", NULL }, FALSE, { "venue", "Hall B", NULL }, NULL },
  { "text/changed-both", { "venue", "Hall A", NULL }, { "venue", "Hall B", NULL }, { "venue", "Hall C", NULL }, FALSE, { "venue", "Hall C", NULL }, "venue" },
  { "text/different-fields", { "venue", "Hall A", "online_url", "https://meet.example.org/a", NULL }, { "venue", "Hall B", "online_url", "https://meet.example.org/a", NULL }, { "venue", "Hall A", "online_url", "https://meet.example.org/b", NULL }, FALSE, { "venue", "Hall B", "online_url", "https://meet.example.org/b", NULL }, NULL },
  { "text/emptied-here", { "venue", "Hall A", NULL }, { NULL }, { "venue", "Hall A", NULL }, FALSE, { NULL }, NULL },
  { "text/emptied-there-changed-here", { "venue", "Hall A", NULL }, { "venue", "Hall B", NULL }, { NULL }, FALSE, { NULL }, "venue" },
  { "text/added-here", { NULL }, { "venue", "Hall B", NULL }, { NULL }, FALSE, { "venue", "Hall B", NULL }, NULL },
  { "text/added-both", { NULL }, { "venue", "Hall B", NULL }, { "venue", "Hall C", NULL }, FALSE, { "venue", "Hall C", NULL }, "venue" },

  /* Bilingual fields and their translation states (source|zh|en, with
   * the digest of the source a translation was made from). */
  { "bilingual/translated-here-source-edited-there",
    { "title_zh", "联络员会议", "i18n_title", "zh|reviewed|missing", NULL },
    { "title_zh", "联络员会议", "title_en", "Liaison Meeting", "i18n_title", "zh|reviewed|translated@5d41402a", NULL },
    { "title_zh", "2025 年联络员会议", "i18n_title", "zh|reviewed|missing", NULL },
    FALSE,
    { "title_zh", "2025 年联络员会议", "title_en", "Liaison Meeting", "i18n_title", "zh|reviewed|translated@5d41402a", NULL },
    NULL },
  { "bilingual/translated-both",
    { "title_zh", "联络员会议", NULL },
    { "title_zh", "联络员会议", "title_en", "Liaison Meeting", NULL },
    { "title_zh", "联络员会议", "title_en", "Meeting of Liaison Officers", NULL },
    FALSE,
    { "title_zh", "联络员会议", "title_en", "Meeting of Liaison Officers", NULL },
    "title_en" },
  { "bilingual/state-changed-here",
    { "title_en", "Liaison Meeting", "i18n_title", "zh|reviewed|translated@5d41402a", NULL },
    { "title_en", "Liaison Meeting", "i18n_title", "zh|reviewed|reviewed@5d41402a", NULL },
    { "title_en", "Liaison Meeting", "i18n_title", "zh|reviewed|translated@5d41402a", NULL },
    FALSE,
    { "title_en", "Liaison Meeting", "i18n_title", "zh|reviewed|reviewed@5d41402a", NULL },
    NULL },
  { "bilingual/state-changed-both",
    { "i18n_title", "zh|reviewed|translated@5d41402a", NULL },
    { "i18n_title", "zh|reviewed|reviewed@5d41402a", NULL },
    { "i18n_title", "zh|reviewed|draft", NULL },
    FALSE,
    { "i18n_title", "zh|reviewed|draft", NULL },
    "i18n_title" },
  { "bilingual/same-translation",
    { "theme_zh", "海洋塑料", NULL },
    { "theme_zh", "海洋塑料", "theme_en", "Marine plastics", "i18n_theme", "zh|reviewed|draft", NULL },
    { "theme_zh", "海洋塑料", "theme_en", "Marine plastics", "i18n_theme", "zh|reviewed|draft", NULL },
    FALSE,
    { "theme_zh", "海洋塑料", "theme_en", "Marine plastics", "i18n_theme", "zh|reviewed|draft", NULL },
    NULL },
  { "bilingual/each-language-one-side",
    { "organisation_zh", "生态环境部", "organisation_en", "MEE", NULL },
    { "organisation_zh", "生态环境部", "organisation_en", "Ministry of Ecology and Environment", NULL },
    { "organisation_zh", "中华人民共和国生态环境部", "organisation_en", "MEE", NULL },
    FALSE,
    { "organisation_zh", "中华人民共和国生态环境部", "organisation_en", "Ministry of Ecology and Environment", NULL },
    NULL },

  /* Enum fields: the default ("planned") is left out of a map. */
  { "enum/changed-here", { "status", "confirmed", NULL }, { "status", "held", NULL }, { "status", "confirmed", NULL }, FALSE, { "status", "held", NULL }, NULL },
  { "enum/back-to-default-here", { "status", "confirmed", NULL }, { NULL }, { "status", "confirmed", NULL }, FALSE, { NULL }, NULL },
  { "enum/changed-both", { "status", "confirmed", NULL }, { "status", "held", NULL }, { "status", "cancelled", NULL }, FALSE, { "status", "cancelled", NULL }, "status" },
  { "enum/from-default-both", { NULL }, { "status", "confirmed", NULL }, { "status", "postponed", NULL }, FALSE, { "status", "postponed", NULL }, "status" },
  { "enum/kind-here-mode-there", { "kind", "forum", NULL }, { "kind", "workshop", NULL }, { "kind", "forum", "mode", "hybrid", NULL }, FALSE, { "kind", "workshop", "mode", "hybrid", NULL }, NULL },

  /* Numeric fields: capacity 0 and budget 0 are left out. */
  { "numeric/changed-here", { "capacity", "30", NULL }, { "capacity", "50", NULL }, { "capacity", "30", NULL }, FALSE, { "capacity", "50", NULL }, NULL },
  { "numeric/same-change", { "capacity", "30", NULL }, { "capacity", "50", NULL }, { "capacity", "50", NULL }, FALSE, { "capacity", "50", NULL }, NULL },
  { "numeric/changed-both", { "capacity", "30", NULL }, { "capacity", "50", NULL }, { "capacity", "40", NULL }, FALSE, { "capacity", "40", NULL }, "capacity" },
  { "numeric/to-zero-here", { "capacity", "30", NULL }, { NULL }, { "capacity", "30", NULL }, FALSE, { NULL }, NULL },
  { "numeric/budget-there", { "budget", "12000", "currency", "CNY", NULL }, { "budget", "12000", "currency", "CNY", NULL }, { "budget", "15000.5", "currency", "CNY", NULL }, FALSE, { "budget", "15000.5", "currency", "CNY", NULL }, NULL },

  /* List fields are one field each: items added on both sides clash. */
  { "list/emails-added-here", { "emails", "somchai@example.th", NULL }, { "emails", "somchai@example.th\ns.k@example.org", NULL }, { "emails", "somchai@example.th", NULL }, FALSE, { "emails", "somchai@example.th\ns.k@example.org", NULL }, NULL },
  { "list/emails-added-both", { "emails", "somchai@example.th", NULL }, { "emails", "somchai@example.th\ns.k@example.org", NULL }, { "emails", "somchai@example.th\nsomchai@mail.example.th", NULL }, FALSE, { "emails", "somchai@example.th\nsomchai@mail.example.th", NULL }, "emails" },
  { "list/areas-there-activities-here", { "areas", "climate", "activities", "1.1.1", NULL }, { "areas", "climate", "activities", "1.1.1,1.2.1", NULL }, { "areas", "climate,biodiversity", "activities", "1.1.1", NULL }, FALSE, { "areas", "climate,biodiversity", "activities", "1.1.1,1.2.1", NULL }, NULL },
  { "list/areas-same-change", { "areas", "climate", NULL }, { "areas", "climate,oceans", NULL }, { "areas", "climate,oceans", NULL }, FALSE, { "areas", "climate,oceans", NULL }, NULL },

  /* Attendees, one by one. */
  { "attendees/added-here", { P1, INVITED, R1, "r-1", NULL }, { P1, INVITED, R1, "r-1", P2, INVITED, R2, "r-2", NULL }, { P1, INVITED, R1, "r-1", NULL }, FALSE, { P1, INVITED, R1, "r-1", P2, INVITED, R2, "r-2", NULL }, NULL },
  { "attendees/added-there", { P1, INVITED, R1, "r-1", NULL }, { P1, INVITED, R1, "r-1", NULL }, { P1, INVITED, R1, "r-1", P3, SPEAKER, R3, "r-3", NULL }, FALSE, { P1, INVITED, R1, "r-1", P3, SPEAKER, R3, "r-3", NULL }, NULL },
  { "attendees/added-both-different-people", { P1, INVITED, R1, "r-1", NULL }, { P1, INVITED, R1, "r-1", P2, INVITED, R2, "r-2", NULL }, { P1, INVITED, R1, "r-1", P3, SPEAKER, R3, "r-3", NULL }, FALSE, { P1, INVITED, R1, "r-1", P2, INVITED, R2, "r-2", P3, SPEAKER, R3, "r-3", NULL }, NULL },
  { "attendees/added-both-same-person", { NULL }, { P2, INVITED, R2, "r-2-here", NULL }, { P2, INVITED, R2, "r-2-there", NULL }, FALSE, { P2, INVITED, R2, "r-2-there", NULL }, NULL },
  { "attendees/added-both-differently", { NULL }, { P2, INVITED, R2, "r-2-here", NULL }, { P2, CONFIRMED, R2, "r-2-there", NULL }, FALSE, { P2, CONFIRMED, R2, "r-2-there", NULL }, P2 },
  { "attendees/removed-here", { P1, INVITED, R1, "r-1", P2, INVITED, R2, "r-2", NULL }, { P1, INVITED, R1, "r-1", NULL }, { P1, INVITED, R1, "r-1", P2, INVITED, R2, "r-2", NULL }, FALSE, { P1, INVITED, R1, "r-1", NULL }, NULL },
  { "attendees/removed-there", { P1, INVITED, R1, "r-1", P2, INVITED, R2, "r-2", NULL }, { P1, INVITED, R1, "r-1", P2, INVITED, R2, "r-2", NULL }, { P1, INVITED, R1, "r-1", NULL }, FALSE, { P1, INVITED, R1, "r-1", NULL }, NULL },
  { "attendees/removed-both", { P1, INVITED, R1, "r-1", P2, INVITED, R2, "r-2", NULL }, { P1, INVITED, R1, "r-1", NULL }, { P1, INVITED, R1, "r-1", NULL }, FALSE, { P1, INVITED, R1, "r-1", NULL }, NULL },
  { "attendees/removed-here-changed-there", { P2, INVITED, R2, "r-2", NULL }, { NULL }, { P2, CONFIRMED, R2, "r-2", NULL }, FALSE, { P2, CONFIRMED, R2, "r-2", NULL }, P2 },
  { "attendees/changed-here-removed-there", { P2, INVITED, R2, "r-2", NULL }, { P2, CONFIRMED, R2, "r-2", NULL }, { NULL }, FALSE, { NULL }, P2 },
  { "attendees/changed-both", { P1, INVITED, R1, "r-1", NULL }, { P1, CONFIRMED, R1, "r-1", NULL }, { P1, DECLINED, R1, "r-1", NULL }, FALSE, { P1, DECLINED, R1, "r-1", NULL }, P1 },
  { "attendees/same-change", { P1, INVITED, R1, "r-1", NULL }, { P1, CONFIRMED, R1, "r-1", NULL }, { P1, CONFIRMED, R1, "r-1", NULL }, FALSE, { P1, CONFIRMED, R1, "r-1", NULL }, NULL },
  { "attendees/each-person-one-side", { P1, INVITED, P2, INVITED, NULL }, { P1, CONFIRMED, P2, INVITED, NULL }, { P1, INVITED, P2, DECLINED, NULL }, FALSE, { P1, CONFIRMED, P2, DECLINED, NULL }, NULL },
  /* A registration's id is not an edit: the server's wins, no clash. */
  { "attendees/registration-id-there-wins", { P1, INVITED, R1, "r-1", NULL }, { P1, INVITED, R1, "r-1-here", NULL }, { P1, INVITED, R1, "r-1-there", NULL }, FALSE, { P1, INVITED, R1, "r-1-there", NULL }, NULL },
  { "attendees/registration-id-only-here", { P1, INVITED, NULL }, { P1, INVITED, R1, "r-1", NULL }, { P1, INVITED, NULL }, FALSE, { P1, INVITED, R1, "r-1", NULL }, NULL },

  /* A place on the waitlist is a field of its own: a move here and a
   * status change there both stand; moves of two people both stand; the
   * same person moved in both offices keeps the server's place, no clash
   * (a number is no choice to put to a person); a person removed takes
   * their place along. */
  { "waitlist/moved-here-answered-there", { P1, WAITING, W1, "2", NULL }, { P1, WAITING, W1, "0.5", NULL }, { P1, REGISTERED, W1, "2", NULL }, FALSE, { P1, REGISTERED, W1, "0.5", NULL }, NULL },
  { "waitlist/moved-there", { P1, WAITING, W1, "1", P2, WAITING, W2, "2", NULL }, { P1, WAITING, W1, "1", P2, WAITING, W2, "2", NULL }, { P1, WAITING, W1, "1", P2, WAITING, W2, "0.5", NULL }, FALSE, { P1, WAITING, W1, "1", P2, WAITING, W2, "0.5", NULL }, NULL },
  { "waitlist/two-people-moved", { P1, WAITING, W1, "1", P2, WAITING, W2, "2", NULL }, { P1, WAITING, W1, "3", P2, WAITING, W2, "2", NULL }, { P1, WAITING, W1, "1", P2, WAITING, W2, "0.5", NULL }, FALSE, { P1, WAITING, W1, "3", P2, WAITING, W2, "0.5", NULL }, NULL },
  { "waitlist/same-person-moved-both", { P1, WAITING, W1, "2", NULL }, { P1, WAITING, W1, "0.5", NULL }, { P1, WAITING, W1, "3", NULL }, FALSE, { P1, WAITING, W1, "3", NULL }, NULL },
  { "waitlist/numbered-here-only", { P1, WAITING, NULL }, { P1, WAITING, W1, "1", NULL }, { P1, WAITING, NULL }, FALSE, { P1, WAITING, W1, "1", NULL }, NULL },
  { "waitlist/removed-there-moved-here", { P1, WAITING, W1, "2", NULL }, { P1, WAITING, W1, "0.5", NULL }, { NULL }, FALSE, { NULL }, NULL },

  /* Edit against delete: the edit wins; the whole record clashes. */
  { "delete/here", { EVENT, NULL }, { GONE }, { EVENT, NULL }, FALSE, { GONE }, NULL },
  { "delete/here-edited-there", { EVENT, NULL }, { GONE }, { EVENT_EDITED, NULL }, FALSE, { EVENT_EDITED, NULL }, "*" },
  { "delete/there", { EVENT, NULL }, { EVENT, NULL }, { GONE }, FALSE, { GONE }, NULL },
  { "delete/there-edited-here", { EVENT, NULL }, { EVENT_EDITED, NULL }, { GONE }, FALSE, { EVENT_EDITED, NULL }, "*" },
  { "delete/there-waiting-here", { EVENT, NULL }, { EVENT, NULL }, { GONE }, TRUE, { EVENT, NULL }, "*" },
  { "delete/there-no-base", { GONE }, { EVENT, NULL }, { GONE }, FALSE, { EVENT, NULL }, "*" },
  { "delete/both", { EVENT, NULL }, { GONE }, { GONE }, FALSE, { GONE }, NULL },
  /* Another client's event (English SUMMARY only), never touched here,
   * deleted on the server: its derived translation state is no edit (the
   * store's map leaves it out, see test_derived_state). A translation made
   * here is one. */
  { "delete/there-foreign-untouched", { "title_en", "Seagrass survey", "start", "2025-11-10", NULL }, { "title_en", "Seagrass survey", "start", "2025-11-10", NULL }, { GONE }, FALSE, { GONE }, NULL },
  { "delete/there-translated-here", { "title_en", "Seagrass survey", NULL }, { "title_en", "Seagrass survey", "title_zh", "海草调查", "i18n_title", "en|translated@5d41402a|reviewed", NULL }, { GONE }, FALSE, { "title_en", "Seagrass survey", "title_zh", "海草调查", "i18n_title", "en|translated@5d41402a|reviewed", NULL }, "*" },
  { "delete/attendee-of-a-deleted-event", { EVENT, P1, INVITED, R1, "r-1", NULL }, { GONE }, { EVENT, P1, CONFIRMED, R1, "r-1", NULL }, FALSE, { EVENT, P1, CONFIRMED, R1, "r-1", NULL }, "*" },

  /* No base: a record new on the server, or on both sides (the first sync
   * with another collection). */
  { "new/there", { GONE }, { GONE }, { EVENT, NULL }, FALSE, { EVENT, NULL }, NULL },
  { "new/both-same", { GONE }, { EVENT, NULL }, { EVENT, NULL }, FALSE, { EVENT, NULL }, NULL },
  { "new/both-different", { GONE }, { "venue", "Hall B", "status", "held", NULL }, { "venue", "Hall C", "capacity", "40", NULL }, FALSE, { "venue", "Hall C", "status", "held", "capacity", "40", NULL }, "venue" },
};

/* This office's writes whose answers were lost: what was sent, and the
 * server's copy, make the base of the merge. */
typedef struct
{
  const char *name;
  const char *base[MAX_FIELDS * 2 + 1];
  const char *sent[2][MAX_FIELDS * 2 + 1]; /* up to two sent texts, as field maps */
  const char *remote[MAX_FIELDS * 2 + 1];
  const char *expected[MAX_FIELDS * 2 + 1];
} SentRow;

static const SentRow sent_rows[] = {
  { "sent/on-the-server", { "venue", "Hall A", NULL }, { { "venue", "Hall B", NULL }, { GONE } }, { "venue", "Hall B", NULL }, { "venue", "Hall B", NULL } },
  { "sent/edited-there-on-top", { "venue", "Hall A", "capacity", "30", NULL }, { { "venue", "Hall B", "capacity", "30", NULL }, { GONE } }, { "venue", "Hall B", "capacity", "40", NULL }, { "venue", "Hall B", "capacity", "30", NULL } },
  { "sent/not-on-the-server", { "venue", "Hall A", NULL }, { { "venue", "Hall B", NULL }, { GONE } }, { "venue", "Hall C", NULL }, { "venue", "Hall A", NULL } },
  /* Only fields that the server's copy or a sent text has are looked at:
   * one emptied in both keeps its old base. */
  { "sent/field-emptied", { "venue", "Hall A", NULL }, { { NULL }, { GONE } }, { NULL }, { "venue", "Hall A", NULL } },
  { "sent/earlier-of-two", { "venue", "Hall A", NULL }, { { "venue", "Hall B", NULL }, { "venue", "Hall C", NULL } }, { "venue", "Hall B", NULL }, { "venue", "Hall B", NULL } },
  { "sent/no-base", { GONE }, { { "venue", "Hall B", NULL }, { GONE } }, { "venue", "Hall B", "status", "held", NULL }, { "venue", "Hall B", NULL } },
};

static GHashTable *
fields_of (const char *const *spec)
{
  GHashTable *f;

  if (spec[0] != NULL && g_str_equal (spec[0], GONE))
    return NULL;
  f = liaison_sync_fields_new ();
  for (guint i = 0; spec[i] != NULL; i += 2)
    {
      g_assert_nonnull (spec[i + 1]);
      g_hash_table_insert (f, g_strdup (spec[i]), g_strdup (spec[i + 1]));
    }
  return f;
}

static char *
describe (GHashTable *fields)
{
  return fields != NULL ? liaison_sync_fields_to_json (fields) : g_strdup (GONE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
test_row (gconstpointer data)
{
  const Row *row = data;
  g_autoptr (GHashTable) base = fields_of (row->base);
  g_autoptr (GHashTable) local = fields_of (row->local);
  g_autoptr (GHashTable) remote = fields_of (row->remote);
  g_autoptr (GHashTable) expected = fields_of (row->merged);
  g_autoptr (LiaisonSyncMerge) merge = liaison_sync_merge (base, local, remote, row->pending);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autofree char *got = describe (merge->fields);
  g_autofree char *want = describe (expected);
  g_autofree char *clashes = NULL;

  g_assert_cmpstr (got, ==, want);

  for (guint i = 0; i < merge->clashes->len; i++)
    {
      LiaisonSyncClash *c = g_ptr_array_index (merge->clashes, i);

      g_ptr_array_add (names, c->field != NULL ? c->field : "*");
      if (c->field != NULL)
        {
          /* A field's clash has each side's value; the server's is kept. */
          g_assert_cmpstr (c->base, ==, base != NULL ? g_hash_table_lookup (base, c->field) : NULL);
          g_assert_cmpstr (c->local, ==, g_hash_table_lookup (local, c->field));
          g_assert_cmpstr (c->remote, ==, g_hash_table_lookup (remote, c->field));
          g_assert_cmpstr (g_hash_table_lookup (merge->fields, c->field), ==, c->remote);
        }
      else
        {
          /* The whole record: the deleted side empty, the other the
           * record it kept. */
          g_autofree char *local_json = local != NULL ? liaison_sync_fields_to_json (local) : NULL;
          g_autofree char *remote_json = remote != NULL ? liaison_sync_fields_to_json (remote) : NULL;

          g_assert_null (c->base);
          g_assert_true (local == NULL || remote == NULL);
          g_assert_cmpstr (c->local, ==, local_json);
          g_assert_cmpstr (c->remote, ==, remote_json);
        }
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  clashes = g_strjoinv (" ", (char **) names->pdata);
  g_assert_cmpstr (clashes, ==, row->clashes != NULL ? row->clashes : "");
}

static void
test_sent_row (gconstpointer data)
{
  const SentRow *row = data;
  g_autoptr (GHashTable) base = fields_of (row->base);
  g_autoptr (GHashTable) remote = fields_of (row->remote);
  g_autoptr (GHashTable) expected = fields_of (row->expected);
  g_autoptr (GPtrArray) sent = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr (GHashTable) own = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = describe (expected);

  for (guint i = 0; i < G_N_ELEMENTS (row->sent); i++)
    {
      GHashTable *f = fields_of (row->sent[i]);

      if (f != NULL)
        g_ptr_array_add (sent, f);
    }
  own = liaison_sync_merge_base_with_sent (base, remote, sent);
  got = describe (own);
  g_assert_cmpstr (got, ==, want);
}

/* A lost write that the other office edited on top of: with the base from
 * what was sent, this office's later change wins and the other office's
 * edit still merges, without a clash. */
static void
test_sent_then_merge (void)
{
  const char *base_spec[] = { "venue", "Hall A", "capacity", "30", NULL };
  const char *sent_spec[] = { "venue", "Hall B", "capacity", "30", NULL };
  const char *remote_spec[] = { "venue", "Hall B", "capacity", "40", NULL };
  const char *local_spec[] = { "venue", "Hall D", "capacity", "30", NULL };
  const char *merged_spec[] = { "venue", "Hall D", "capacity", "40", NULL };
  g_autoptr (GHashTable) base = fields_of (base_spec);
  g_autoptr (GHashTable) remote = fields_of (remote_spec);
  g_autoptr (GHashTable) local = fields_of (local_spec);
  g_autoptr (GHashTable) expected = fields_of (merged_spec);
  g_autoptr (GPtrArray) sent = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr (GHashTable) own = NULL;
  g_autoptr (LiaisonSyncMerge) without = NULL;
  g_autoptr (LiaisonSyncMerge) with = NULL;

  g_ptr_array_add (sent, fields_of (sent_spec));
  own = liaison_sync_merge_base_with_sent (base, remote, sent);

  without = liaison_sync_merge (base, local, remote, FALSE);
  g_assert_cmpuint (without->clashes->len, ==, 1);

  with = liaison_sync_merge (own, local, remote, FALSE);
  g_assert_cmpuint (with->clashes->len, ==, 0);
  g_assert_true (liaison_sync_fields_equal (with->fields, expected));
}

/* Issue 11, 2: a text in English alone is its own source; the state the
 * store derives for it ("en|missing|reviewed") is the default, left out of
 * a map like any default, so it never looks like an edit. */
static void
test_derived_state (void)
{
  const char *derived_spec[] = { "title_en", "Seagrass survey", "i18n_title", "en|missing|reviewed", NULL };
  const char *server_spec[] = { "title_en", "Seagrass survey", NULL };
  const char *reviewed_spec[] = { "title_zh", "海草调查", "title_en", "Seagrass survey", "i18n_title", "zh|reviewed|draft", NULL };
  const char *translated_spec[] = { "title_zh", "海草调查", "title_en", "Seagrass survey", "i18n_title", "en|translated@5d41402a|reviewed", NULL };
  g_autoptr (GHashTable) derived = fields_of (derived_spec);
  g_autoptr (GHashTable) server = fields_of (server_spec);
  g_autoptr (GHashTable) reviewed = fields_of (reviewed_spec);
  g_autoptr (GHashTable) translated = fields_of (translated_spec);
  g_autoptr (LiaisonSyncMerge) merge = NULL;

  liaison_sync_fields_normalize ("event", derived);
  g_assert_true (liaison_sync_fields_equal (derived, server));
  merge = liaison_sync_merge (server, derived, NULL, FALSE);
  g_assert_null (merge->fields);
  g_assert_cmpuint (merge->clashes->len, ==, 0);

  /* Defaults of two texts go too; states a person set stay. */
  liaison_sync_fields_normalize ("event", reviewed);
  g_assert_null (g_hash_table_lookup (reviewed, "i18n_title"));
  liaison_sync_fields_normalize ("event", translated);
  g_assert_cmpstr (g_hash_table_lookup (translated, "i18n_title"), ==, "en|translated@5d41402a|reviewed");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strconcat ("/liaison/sync-merge/", rows[i].name, NULL);

      g_test_add_data_func (path, &rows[i], test_row);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sent_rows); i++)
    {
      g_autofree char *path = g_strconcat ("/liaison/sync-merge/", sent_rows[i].name, NULL);

      g_test_add_data_func (path, &sent_rows[i], test_sent_row);
    }
  g_test_add_func ("/liaison/sync-merge/sent/then-merge", test_sent_then_merge);
  g_test_add_func ("/liaison/sync-merge/derived-state", test_derived_state);

  return g_test_run ();
}
