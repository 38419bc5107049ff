/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "liaison-gui-format.h"
#include "liaison-journal-format.h"

/* The change journal as sentences: “Event “…” changed: capacity 40 → 50”.
 * Runs on the store's worker thread (it looks names up), so it touches no
 * widget; gettext is thread-safe. */

#define MAX_DETAILS 3
#define MAX_VALUE_CHARS 40

typedef struct
{
  LiaisonStore   *store;
  LiaisonLanguage language;
  GHashTable     *events;        /* id → title, "" when unknown */
  GHashTable     *people;        /* id → name, "" when unknown */
  GHashTable     *registrations; /* id → "event-id\nparticipant-id" */
  GHashTable     *existing;      /* "entity:id" of records still there */
} Names;

typedef struct
{
  const char *field;
  const char *label;
  GType       type;     /* G_TYPE_NONE: the value as it is */
  gboolean    no_value; /* long text: say which field, not what it says */
} FieldInfo;

void
liaison_change_free (LiaisonChange *change)
{
  g_free (change->sentence);
  g_free (change->time);
  g_free (change->action_name);
  g_free (change->target);
  g_free (change);
}

const char *
liaison_journal_origin_label (LiaisonOrigin origin)
{
  switch (origin)
    {
    case LIAISON_ORIGIN_REMOTE:
      /* Translators: who made a change: the partner office, through the sync */
      return _ ("The secretariat");
    case LIAISON_ORIGIN_BUILT_IN:
      /* Translators: who made a change: the content a new database ships with */
      return _ ("Built in");
    case LIAISON_ORIGIN_LOCAL:
    default:
      /* Translators: who made a change: someone at this office, in this app */
      return _ ("This office");
    }
}

/* Field names of the journal (the database's columns) as a person says
 * them; a NULL label is a field derived from others, never shown. */
static const FieldInfo *
field_info (const char *entity,
            const char *field)
{
  static FieldInfo event_fields[] = {
    { "kind", N_ ("kind"), G_TYPE_NONE, FALSE },
    { "status", N_ ("status"), G_TYPE_NONE, FALSE },
    { "mode", N_ ("mode"), G_TYPE_NONE, FALSE },
    { "title_zh", N_ ("Chinese title"), G_TYPE_NONE, FALSE },
    { "title_en", N_ ("English title"), G_TYPE_NONE, FALSE },
    { "theme_zh", N_ ("Chinese theme"), G_TYPE_NONE, TRUE },
    { "theme_en", N_ ("English theme"), G_TYPE_NONE, TRUE },
    { "description_zh", N_ ("Chinese description"), G_TYPE_NONE, TRUE },
    { "description_en", N_ ("English description"), G_TYPE_NONE, TRUE },
    { "start_local", N_ ("start"), G_TYPE_NONE, FALSE },
    { "end_local", N_ ("end"), G_TYPE_NONE, FALSE },
    { "time_zone", N_ ("time zone"), G_TYPE_NONE, FALSE },
    { "precision", NULL, G_TYPE_NONE, FALSE },
    { "year", NULL, G_TYPE_NONE, FALSE },
    { "venue", N_ ("venue"), G_TYPE_NONE, FALSE },
    { "city_zh", N_ ("city (Chinese)"), G_TYPE_NONE, FALSE },
    { "city_en", N_ ("city (English)"), G_TYPE_NONE, FALSE },
    { "country", N_ ("country"), G_TYPE_NONE, FALSE },
    { "online_url", N_ ("online link"), G_TYPE_NONE, TRUE },
    { "organisers", N_ ("organisers"), G_TYPE_NONE, TRUE },
    { "partners", N_ ("partners"), G_TYPE_NONE, TRUE },
    { "capacity", N_ ("capacity"), G_TYPE_NONE, FALSE },
    { "registration_deadline", N_ ("registration deadline"), G_TYPE_NONE, FALSE },
    { "budget", N_ ("budget"), G_TYPE_NONE, FALSE },
    { "currency", N_ ("currency"), G_TYPE_NONE, FALSE },
    { "funding", N_ ("funding source"), G_TYPE_NONE, FALSE },
    { "track", N_ ("programme track"), G_TYPE_NONE, FALSE },
    { "recurrence", N_ ("recurrence"), G_TYPE_NONE, TRUE },
    { "activities", N_ ("plan activities"), G_TYPE_NONE, FALSE },
    { "areas", N_ ("priority areas"), G_TYPE_NONE, FALSE },
  };
  static FieldInfo participant_fields[] = {
    { "family_native", N_ ("family name"), G_TYPE_NONE, FALSE },
    { "given_native", N_ ("given name"), G_TYPE_NONE, FALSE },
    { "family_latin", N_ ("family name in Latin script"), G_TYPE_NONE, FALSE },
    { "given_latin", N_ ("given name in Latin script"), G_TYPE_NONE, FALSE },
    { "name_order", N_ ("name order"), G_TYPE_NONE, TRUE },
    { "honorific", N_ ("honorific"), G_TYPE_NONE, FALSE },
    { "gender", N_ ("gender"), G_TYPE_NONE, FALSE },
    { "organisation_zh", N_ ("organisation (Chinese)"), G_TYPE_NONE, FALSE },
    { "organisation_en", N_ ("organisation (English)"), G_TYPE_NONE, FALSE },
    { "position_zh", N_ ("position (Chinese)"), G_TYPE_NONE, FALSE },
    { "position_en", N_ ("position (English)"), G_TYPE_NONE, FALSE },
    { "sector", N_ ("sector"), G_TYPE_NONE, FALSE },
    { "country", N_ ("country"), G_TYPE_NONE, FALSE },
    { "emails", N_ ("e-mail addresses"), G_TYPE_NONE, TRUE },
    { "phones", N_ ("phone numbers"), G_TYPE_NONE, TRUE },
    { "languages", N_ ("languages"), G_TYPE_NONE, FALSE },
    { "consent", N_ ("consent"), G_TYPE_NONE, TRUE },
    { "consent_date", N_ ("consent date"), G_TYPE_NONE, FALSE },
    { "sort_key", NULL, G_TYPE_NONE, FALSE },
  };
  static FieldInfo registration_fields[] = {
    { "role", N_ ("role"), G_TYPE_NONE, FALSE },
    { "status", N_ ("status"), G_TYPE_NONE, FALSE },
    { "delegation", N_ ("delegation"), G_TYPE_NONE, FALSE },
    { "notes", N_ ("notes"), G_TYPE_NONE, TRUE },
  };
  static gsize types_set = 0;
  FieldInfo   *table;
  guint        n;

  if (g_once_init_enter (&types_set))
    {
      event_fields[0].type = LIAISON_TYPE_EVENT_KIND;
      event_fields[1].type = LIAISON_TYPE_EVENT_STATUS;
      event_fields[2].type = LIAISON_TYPE_EVENT_MODE;
      event_fields[25].type = LIAISON_TYPE_FUNDING_SOURCE;
      participant_fields[6].type = LIAISON_TYPE_GENDER;
      participant_fields[11].type = LIAISON_TYPE_SECTOR;
      registration_fields[0].type = LIAISON_TYPE_ROLE;
      registration_fields[1].type = LIAISON_TYPE_REGISTRATION_STATUS;
      g_once_init_leave (&types_set, 1);
    }

  if (g_strcmp0 (entity, "event") == 0)
    table = event_fields, n = G_N_ELEMENTS (event_fields);
  else if (g_strcmp0 (entity, "participant") == 0)
    table = participant_fields, n = G_N_ELEMENTS (participant_fields);
  else if (g_strcmp0 (entity, "registration") == 0)
    table = registration_fields, n = G_N_ELEMENTS (registration_fields);
  else
    return NULL;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (table[i].field, field) == 0)
      return &table[i];
  return NULL;
}

static const char *
enum_label (GType       type,
            const char *nick)
{
  int value;

  if (!liaison_enum_from_nick (type, nick, &value))
    return nick;
  if (type == LIAISON_TYPE_EVENT_KIND)
    return liaison_event_kind_label (value);
  if (type == LIAISON_TYPE_EVENT_STATUS)
    return liaison_event_status_label (value);
  if (type == LIAISON_TYPE_EVENT_MODE)
    return liaison_event_mode_label (value);
  if (type == LIAISON_TYPE_FUNDING_SOURCE)
    return liaison_funding_source_label (value);
  if (type == LIAISON_TYPE_GENDER)
    return liaison_gender_label (value);
  if (type == LIAISON_TYPE_SECTOR)
    return liaison_sector_label (value);
  if (type == LIAISON_TYPE_ROLE)
    return liaison_role_label (value);
  if (type == LIAISON_TYPE_REGISTRATION_STATUS)
    return liaison_registration_status_label (value);
  return nick;
}

static char *
format_value (Names           *names,
              const FieldInfo *info,
              const char      *value)
{
  g_autoptr (GString) text = NULL;

  if (value == NULL || *value == '\0')
    return NULL;
  if (info->type != G_TYPE_NONE)
    return g_strdup (enum_label (info->type, value));
  if (g_strcmp0 (info->field, "country") == 0 || g_strcmp0 (info->field, "delegation") == 0)
    {
      const LiaisonCountry *country = liaison_country_lookup (value);

      if (country != NULL)
        return g_strdup (liaison_country_get_name (country, names->language));
    }

  if (g_strcmp0 (info->field, "time_zone") == 0)
    return liaison_gui_format_zone_name (value);

  text = g_string_new (value);
  if (g_str_has_suffix (info->field, "_local"))
    g_string_replace (text, "T", " ", 1);
  g_string_replace (text, ",", ", ", 0);
  g_string_replace (text, "\n", " ", 0);
  if (g_utf8_strlen (text->str, -1) > MAX_VALUE_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (text->str, MAX_VALUE_CHARS - 1);

      g_string_truncate (text, cut - text->str);
      g_string_append (text, "…");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* “capacity 40 → 50” */
static char *
format_detail (Names                     *names,
               const LiaisonJournalEntry *entry)
{
  const FieldInfo *info = field_info (entry->entity, entry->field);
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  const char      *label;

  if (info == NULL)
    return g_strdup (entry->field);
  if (info->label == NULL)
    return NULL;
  label = _ (info->label);
  if (info->no_value)
    return g_strdup (label);
  old_value = format_value (names, info, entry->old_value);
  new_value = format_value (names, info, entry->new_value);
  if (old_value == NULL && new_value == NULL)
    return g_strdup (label);
  if (old_value == NULL)
    /* Translators: a field given a value, “venue set to ICC Hanoi” */
    return g_strdup_printf (_ ("%1$s set to %2$s"), label, new_value);
  if (new_value == NULL)
    /* Translators: a field emptied, “venue cleared” */
    return g_strdup_printf (_ ("%s cleared"), label);
  /* Translators: a field's old and new value, “capacity 40 → 50” */
  return g_strdup_printf (_ ("%1$s %2$s → %3$s"), label, old_value, new_value);
}

static JsonObject *
parse_snapshot (const char *text,
                JsonParser *parser)
{
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

static const char *
snapshot_string (JsonObject *object,
                 const char *member)
{
  return object != NULL ? json_object_get_string_member_with_default (object, member, NULL) : NULL;
}

static gboolean
exists (Names      *names,
        const char *entity,
        const char *id)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", entity, id);

  return g_hash_table_contains (names->existing, key);
}

static void
mark_existing (Names      *names,
               const char *entity,
               const char *id)
{
  g_hash_table_add (names->existing, g_strdup_printf ("%s:%s", entity, id));
}

static char *
fallback_name (const char *id)
{
  /* Translators: a record known only by its identifier's last characters */
  return g_strdup_printf (_ ("#%s"), liaison_uuid_short (id));
}

/* The event's title in the interface language, from the database or from
 * the copy its deletion kept. */
static const char *
event_title (Names      *names,
             const char *id,
             JsonObject *snapshot)
{
  const char *cached = g_hash_table_lookup (names->events, id);
  g_autoptr (LiaisonEvent) event = NULL;
  char *title = NULL;

  if (cached != NULL && *cached != '\0')
    return cached;
  event = liaison_store_get_event (names->store, id, NULL);
  if (event != NULL)
    {
      mark_existing (names, "event", id);
      title = g_strdup (liaison_bilingual_get_display (liaison_event_get_title (event), names->language));
    }
  else if (snapshot != NULL)
    {
      const char *mine = snapshot_string (snapshot, names->language == LIAISON_LANGUAGE_ZH ? "title_zh" : "title_en");
      const char *other = snapshot_string (snapshot, names->language == LIAISON_LANGUAGE_ZH ? "title_en" : "title_zh");

      title = g_strdup (mine != NULL ? mine : other);
    }
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = fallback_name (id);
    }
  g_hash_table_replace (names->events, g_strdup (id), title);
  return title;
}

static char *
participant_name (LiaisonParticipant *p)
{
  g_autofree char *native = liaison_participant_dup_native_name (p);

  if (native != NULL && *native != '\0')
    return g_steal_pointer (&native);
  return liaison_participant_dup_latin_name (p);
}

static const char *
person_name (Names      *names,
             const char *id,
             JsonObject *snapshot)
{
  const char *cached = g_hash_table_lookup (names->people, id);
  g_autoptr (LiaisonParticipant) p = NULL;
  char *name = NULL;

  if (cached != NULL && *cached != '\0')
    return cached;
  p = liaison_store_get_participant (names->store, id, NULL);
  if (p != NULL)
    mark_existing (names, "participant", id);
  else if (snapshot != NULL)
    {
      int order = LIAISON_NAME_ORDER_FAMILY_FIRST;

      p = liaison_participant_new (id);
      liaison_participant_set_native_name (p, snapshot_string (snapshot, "family_native"),
                                           snapshot_string (snapshot, "given_native"));
      liaison_participant_set_latin_name (p, snapshot_string (snapshot, "family_latin"),
                                          snapshot_string (snapshot, "given_latin"));
      if (liaison_enum_from_nick (LIAISON_TYPE_NAME_ORDER, snapshot_string (snapshot, "name_order"), &order))
        liaison_participant_set_name_order (p, order);
    }
  if (p != NULL)
    name = participant_name (p);
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = fallback_name (id);
    }
  g_hash_table_replace (names->people, g_strdup (id), name);
  return name;
}

/* A registration's event and participant, from the database or from the
 * copy its deletion kept; cached as "event-id\nparticipant-id". */
static gboolean
registration_parties (Names      *names,
                      const char *id,
                      JsonObject *snapshot,
                      char      **event_id,
                      char      **participant_id)
{
  const char *cached = g_hash_table_lookup (names->registrations, id);
  g_auto (GStrv) parts = NULL;

  if (cached == NULL)
    {
      g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (names->store, id, NULL);
      char *parties = NULL;

      if (r != NULL)
        {
          mark_existing (names, "registration", id);
          parties = g_strdup_printf ("%s\n%s", liaison_registration_get_event_id (r),
                                     liaison_registration_get_participant_id (r));
        }
      else if (snapshot_string (snapshot, "event_id") != NULL && snapshot_string (snapshot, "participant_id") != NULL)
        parties = g_strdup_printf ("%s\n%s", snapshot_string (snapshot, "event_id"),
                                   snapshot_string (snapshot, "participant_id"));
      if (parties == NULL)
        return FALSE;
      g_hash_table_replace (names->registrations, g_strdup (id), parties);
      cached = parties;
    }
  parts = g_strsplit (cached, "\n", 2);
  *event_id = g_strdup (parts[0]);
  *participant_id = g_strdup (parts[1]);
  return TRUE;
}

static char *
join_details (Names     *names,
              GPtrArray *group)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint shown = 0, more = 0;

  /* Oldest first within the edit, as the person made it. */
  for (guint i = group->len; i > 0; i--)
    {
      g_autofree char *detail = format_detail (names, g_ptr_array_index (group, i - 1));

      if (detail == NULL)
        continue;
      if (shown == MAX_DETAILS)
        {
          more++;
          continue;
        }
      if (shown > 0)
        /* Translators: between the items of a list of changes */
        g_string_append (out, C_ ("list separator", ", "));
      g_string_append (out, detail);
      shown++;
    }
  if (more > 0)
    {
      g_autofree char *tail = g_strdup_printf (g_dngettext (NULL, "%d more", "%d more", more), more);

      g_string_append (out, C_ ("list separator", ", "));
      g_string_append (out, tail);
    }
  return shown > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* Whether every row of an edit changes this field. */
static gboolean
only_field (GPtrArray *group, const char *field)
{
  for (guint i = 0; i < group->len; i++)
    if (g_strcmp0 (((const LiaisonJournalEntry *) g_ptr_array_index (group, i))->field, field) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
only_status (GPtrArray *group)
{
  return only_field (group, "status");
}

static LiaisonChange *
describe (Names     *names,
          GPtrArray *group)
{
  const LiaisonJournalEntry *first = g_ptr_array_index (group, 0);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject      *snapshot = g_strcmp0 (first->action, "delete") == 0 ? parse_snapshot (first->old_value, parser) : NULL;
  g_autofree char *details = g_strcmp0 (first->action, "update") == 0 ? join_details (names, group) : NULL;
  LiaisonChange   *change = g_new0 (LiaisonChange, 1);
  const char      *entity = first->entity;
  const char      *id = first->entity_id;

  change->origin = first->origin;
  change->time = g_strdup (first->time);

  if (g_strcmp0 (entity, "event") == 0)
    {
      const char *title = event_title (names, id, snapshot);

      if (g_strcmp0 (first->action, "create") == 0)
        /* Translators: in Recent changes; %s is an event's title */
        change->sentence = g_strdup_printf (_ ("New event “%s”"), title);
      else if (g_strcmp0 (first->action, "delete") == 0 && group->len > 1)
        /* Translators: %1$s is an event's title, %2$u counts the registrations deleted with it */
        change->sentence = g_strdup_printf (g_dngettext (NULL, "Event “%1$s” deleted, with its %2$u registration",
                                                         "Event “%1$s” deleted, with its %2$u registrations",
                                                         group->len - 1),
                                            title, group->len - 1);
      else if (g_strcmp0 (first->action, "delete") == 0)
        change->sentence = g_strdup_printf (_ ("Event “%s” deleted"), title);
      else if (details != NULL)
        /* Translators: “Event “…” changed: capacity 40 → 50, status Planned → Confirmed” */
        change->sentence = g_strdup_printf (_ ("Event “%1$s” changed: %2$s"), title, details);
      else
        change->sentence = g_strdup_printf (_ ("Event “%s” changed"), title);
      if (exists (names, "event", id))
        {
          change->action_name = g_strdup ("win.show-event");
          change->target = g_strdup (id);
        }
    }
  else if (g_strcmp0 (entity, "participant") == 0)
    {
      const char *name = person_name (names, id, snapshot);

      if (g_strcmp0 (first->action, "create") == 0)
        /* Translators: in Recent changes; %s is a person's name */
        change->sentence = g_strdup_printf (_ ("New participant %s"), name);
      else if (g_strcmp0 (first->action, "delete") == 0)
        change->sentence = g_strdup_printf (_ ("Participant %s deleted"), name);
      else if (details != NULL)
        /* Translators: “Details of 李霞 changed: organisation (English) …” */
        change->sentence = g_strdup_printf (_ ("Details of %1$s changed: %2$s"), name, details);
      else
        change->sentence = g_strdup_printf (_ ("Details of %s changed"), name);
      if (exists (names, "participant", id))
        {
          change->action_name = g_strdup ("win.show-participant");
          change->target = g_strdup (id);
        }
    }
  else if (g_strcmp0 (entity, "registration") == 0)
    {
      g_autofree char *event_id = NULL;
      g_autofree char *participant_id = NULL;
      const char      *title, *name;

      if (!registration_parties (names, id, snapshot, &event_id, &participant_id))
        {
          change->sentence = g_strdup (_ ("A registration that no longer exists changed"));
          return change;
        }
      title = event_title (names, event_id, NULL);
      name = person_name (names, participant_id, NULL);
      if (g_strcmp0 (first->action, "create") == 0)
        /* Translators: “李霞 registered for “Forum 2025”” */
        change->sentence = g_strdup_printf (_ ("%1$s registered for “%2$s”"), name, title);
      else if (g_strcmp0 (first->action, "delete") == 0)
        change->sentence = g_strdup_printf (_ ("Registration of %1$s to “%2$s” removed"), name, title);
      else if (only_field (group, "waitlist_order"))
        /* Translators: in Recent changes, the organiser moved a person up or down the waitlist */
        change->sentence = g_strdup_printf (_ ("%1$s moved on the waitlist of “%2$s”"), name, title);
      else if (only_status (group) && g_strcmp0 (first->new_value, "registered") == 0 &&
               g_strcmp0 (((const LiaisonJournalEntry *) g_ptr_array_index (group, group->len - 1))->old_value,
                          "waitlisted") == 0)
        /* Translators: in Recent changes, “李霞 moved up from the waitlist of “Forum 2025”” */
        change->sentence = g_strdup_printf (_ ("%1$s moved up from the waitlist of “%2$s”"), name, title);
      else if (only_status (group))
        {
          /* A check-in takes the steps between (registered → confirmed →
           * attended): one line says where it went from where. */
          const LiaisonJournalEntry *oldest = g_ptr_array_index (group, group->len - 1);

          if (g_strcmp0 (first->new_value, "attended") == 0)
            /* Translators: in Recent changes, “李霞 checked in at “Forum 2025”” */
            change->sentence = g_strdup_printf (_ ("%1$s checked in at “%2$s”"), name, title);
          else if (g_strcmp0 (oldest->old_value, "attended") == 0 && g_strcmp0 (first->new_value, "no-show") != 0)
            /* Translators: a check-in put right, “Check-in of 李霞 at “Forum 2025” corrected: Confirmed” */
            change->sentence = g_strdup_printf (_ ("Check-in of %1$s at “%2$s” corrected: %3$s"), name, title,
                                                enum_label (LIAISON_TYPE_REGISTRATION_STATUS, first->new_value));
          else
            /* Translators: “Registration of 李霞 to “Forum 2025”: Confirmed” */
            change->sentence = g_strdup_printf (_ ("Registration of %1$s to “%2$s”: %3$s"), name, title,
                                                enum_label (LIAISON_TYPE_REGISTRATION_STATUS, first->new_value));
        }
      else if (details != NULL)
        change->sentence = g_strdup_printf (_ ("Registration of %1$s to “%2$s” changed: %3$s"), name, title, details);
      else
        change->sentence = g_strdup_printf (_ ("Registration of %1$s to “%2$s” changed"), name, title);
      if (exists (names, "event", event_id))
        {
          change->action_name = g_strdup ("win.show-event");
          change->target = g_strdup (event_id);
        }
    }
  else
    /* Translators: a change to a kind of record this version does not describe; %s names it */
    change->sentence = g_strdup_printf (_ ("Change to a record of the kind “%s”"), entity);

  return change;
}

static gboolean
close_in_time (const LiaisonJournalEntry *a,
               const LiaisonJournalEntry *b)
{
  g_autoptr (GDateTime) ta = g_date_time_new_from_iso8601 (a->time, NULL);
  g_autoptr (GDateTime) tb = g_date_time_new_from_iso8601 (b->time, NULL);

  return ta != NULL && tb != NULL && ABS (g_date_time_difference (ta, tb)) < 2 * G_TIME_SPAN_SECOND;
}

/* Rows of one change: the fields of one edit (the same record, side and
 * moment), or the registrations that went with their event's deletion. */
static gboolean
same_change (const LiaisonJournalEntry *first,
             const LiaisonJournalEntry *row)
{
  if (first->origin != row->origin || !close_in_time (first, row))
    return FALSE;
  /* A check-in ends with “attended”: what came after it is another change
   * (its correction), however soon. */
  if (g_strcmp0 (row->field, "status") == 0 && g_strcmp0 (row->new_value, "attended") == 0)
    return FALSE;
  /* A move on the waitlist is a change of its own, whatever status
   * change came soon before or after it. */
  if ((g_strcmp0 (first->field, "waitlist_order") == 0) != (g_strcmp0 (row->field, "waitlist_order") == 0))
    return FALSE;
  if (g_strcmp0 (first->action, "update") == 0)
    return g_strcmp0 (row->action, "update") == 0 && g_strcmp0 (first->entity, row->entity) == 0 && g_strcmp0 (first->entity_id, row->entity_id) == 0;
  if (g_strcmp0 (first->action, "delete") == 0 && g_strcmp0 (first->entity, "event") == 0 && g_strcmp0 (row->action, "delete") == 0 && g_strcmp0 (row->entity, "registration") == 0)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonObject *snapshot = parse_snapshot (row->old_value, parser);

      return g_strcmp0 (snapshot_string (snapshot, "event_id"), first->entity_id) == 0;
    }
  return FALSE;
}

/* entries: newest first (liaison_store_list_recent_journal). */
GPtrArray *
liaison_journal_summarise (LiaisonStore *store,
                           GPtrArray    *entries,
                           guint         max_changes)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_change_free);
  Names      names = {
         store,
         liaison_language_for_locale (),
         g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
         g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
         g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
         g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };
  guint i = 0;

  while (i < entries->len && changes->len < max_changes)
    {
      g_autoptr (GPtrArray) group = g_ptr_array_new ();
      LiaisonJournalEntry *first = g_ptr_array_index (entries, i);

      g_ptr_array_add (group, first);
      for (i++; i < entries->len && same_change (first, g_ptr_array_index (entries, i)); i++)
        g_ptr_array_add (group, g_ptr_array_index (entries, i));
      g_ptr_array_add (changes, describe (&names, group));
    }

  g_hash_table_unref (names.events);
  g_hash_table_unref (names.people);
  g_hash_table_unref (names.registrations);
  g_hash_table_unref (names.existing);
  return changes;
}
