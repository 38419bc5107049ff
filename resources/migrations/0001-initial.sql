-- Liaison schema, level 1: the domain tables and the change journal.
-- Migrations are immutable once released: add a new file, never edit this one.

CREATE TABLE plan_items (
  code        TEXT PRIMARY KEY,
  level       TEXT NOT NULL CHECK (level IN ('direction', 'action', 'activity')),
  parent_code TEXT REFERENCES plan_items (code),
  label       TEXT NOT NULL,
  title_zh    TEXT,
  title_en    TEXT,
  schedule    TEXT,
  position    INTEGER NOT NULL
);

CREATE TABLE areas (
  id       TEXT PRIMARY KEY,
  title_zh TEXT,
  title_en TEXT,
  position INTEGER NOT NULL
);

CREATE TABLE events (
  id            TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL,
  status        TEXT NOT NULL,
  mode          TEXT NOT NULL DEFAULT 'in-person',
  title_zh      TEXT,
  title_en      TEXT,
  theme_zh      TEXT,
  theme_en      TEXT,
  description_zh TEXT,
  description_en TEXT,
  start_local   TEXT NOT NULL,
  end_local     TEXT,
  time_zone     TEXT,
  precision     TEXT NOT NULL,
  year          INTEGER NOT NULL,
  venue         TEXT,
  city_zh       TEXT,
  city_en       TEXT,
  country       TEXT,
  online_url    TEXT,
  organisers    TEXT,
  partners      TEXT,
  capacity      INTEGER NOT NULL DEFAULT 0,
  registration_deadline TEXT,
  budget        REAL NOT NULL DEFAULT 0,
  currency      TEXT,
  funding       TEXT,
  track         TEXT,
  recurrence    TEXT,
  created       TEXT NOT NULL,
  modified      TEXT NOT NULL
);

CREATE INDEX events_year ON events (year, start_local);

CREATE TABLE event_activities (
  event_id      TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  activity_code TEXT NOT NULL REFERENCES plan_items (code),
  PRIMARY KEY (event_id, activity_code)
);

CREATE INDEX event_activities_code ON event_activities (activity_code);

CREATE TABLE event_areas (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  area_id  TEXT NOT NULL REFERENCES areas (id),
  PRIMARY KEY (event_id, area_id)
);

CREATE TABLE participants (
  id             TEXT NOT NULL UNIQUE,
  family_native  TEXT,
  given_native   TEXT,
  family_latin   TEXT,
  given_latin    TEXT,
  name_order     TEXT NOT NULL DEFAULT 'family-first',
  honorific      TEXT,
  gender         TEXT NOT NULL DEFAULT 'unspecified',
  organisation_zh TEXT,
  organisation_en TEXT,
  position_zh    TEXT,
  position_en    TEXT,
  sector         TEXT NOT NULL DEFAULT 'other',
  country        TEXT,
  emails         TEXT,
  phones         TEXT,
  languages      TEXT,
  consent        INTEGER NOT NULL DEFAULT 0,
  consent_date   TEXT,
  sort_key       TEXT NOT NULL DEFAULT '',
  created        TEXT NOT NULL,
  modified       TEXT NOT NULL
);

CREATE INDEX participants_sort ON participants (sort_key);

CREATE TABLE registrations (
  id             TEXT NOT NULL UNIQUE,
  event_id       TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  role           TEXT NOT NULL DEFAULT 'delegate',
  status         TEXT NOT NULL DEFAULT 'invited',
  delegation     TEXT,
  invited_at     TEXT,
  registered_at  TEXT,
  waitlisted_at  TEXT,
  confirmed_at   TEXT,
  attended_at    TEXT,
  no_show_at     TEXT,
  declined_at    TEXT,
  cancelled_at   TEXT,
  notes          TEXT,
  created        TEXT NOT NULL,
  UNIQUE (event_id, participant_id)
);

CREATE INDEX registrations_participant ON registrations (participant_id);

CREATE TABLE translation_states (
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field     TEXT NOT NULL,
  lang      TEXT NOT NULL,
  state     TEXT NOT NULL,
  -- 1 for the language the text was written in; the other is a translation.
  is_source INTEGER NOT NULL DEFAULT 0,
  based_on  TEXT,
  PRIMARY KEY (entity, entity_id, field, lang)
);

-- Every change, for undo, audit and the sync outbox.
CREATE TABLE journal (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  time      TEXT NOT NULL,
  origin    TEXT NOT NULL CHECK (origin IN ('local', 'remote', 'built-in')),
  action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field     TEXT,
  old_value TEXT,
  new_value TEXT
);

CREATE INDEX journal_entity ON journal (entity, entity_id);
