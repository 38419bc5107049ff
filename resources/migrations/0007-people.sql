-- Liaison schema: people across the years. Delegations with quotas and
-- nominations, the national liaison officers and the annual work plan,
-- where Green Envoys are now, and consent by purpose.
--
-- Everything here is keyed by the ids of the records it belongs to
-- (participant, registration, event), without foreign keys to the people:
-- deleting a person and undoing it brings back what hung on them, and a
-- later merge of two records moves these rows with the registrations. Rows
-- of a person deleted for good are removed by anonymisation or stay
-- unseen. Older rows need nothing: every table starts empty and a missing
-- row means “none” (no quota, no officer, consent as the person's record
-- says it).

-- 1. A nominated registration: the country's liaison officer put the person
--    forward, the centre has not approved them yet. Its time, like the
--    other statuses'.
ALTER TABLE registrations ADD COLUMN nominated_at TEXT;

-- 2. How many people each country may send to an event.
CREATE TABLE delegation_quotas (
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  country  TEXT NOT NULL,
  quota    INTEGER NOT NULL CHECK (quota >= 0),
  PRIMARY KEY (event_id, country)
);

-- 3. Files attached to a registration (the note verbale that nominated the
--    person). The bytes live in the database, once per content (sha256),
--    so the database stays the one file to back up and to move; a file is
--    at most 16 MiB (liaison-store-delegations.c).
CREATE TABLE attachment_blobs (
  sha256 TEXT PRIMARY KEY,
  size   INTEGER NOT NULL,
  data   BLOB NOT NULL
);

CREATE TABLE attachments (
  id              TEXT PRIMARY KEY,
  registration_id TEXT NOT NULL,
  kind            TEXT NOT NULL DEFAULT 'note-verbale',
  file_name       TEXT NOT NULL,
  media_type      TEXT NOT NULL,
  sha256          TEXT NOT NULL REFERENCES attachment_blobs (sha256),
  added           TEXT NOT NULL
);

CREATE INDEX attachments_registration ON attachments (registration_id);
CREATE INDEX attachments_blob ON attachments (sha256);

-- 4. “Where are they now”: dated notes on a person's programme record.
CREATE TABLE programme_notes (
  id             TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL,
  date           TEXT NOT NULL,
  text           TEXT NOT NULL,
  created        TEXT NOT NULL
);

CREATE INDEX programme_notes_participant ON programme_notes (participant_id, date);

-- 5. The national liaison officers (framework, section 5.1).
CREATE TABLE liaison_officers (
  id             TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL,
  country        TEXT NOT NULL,
  body           TEXT NOT NULL CHECK (body = 'asoen' OR body = 'mee' OR body = 'other'),
  role           TEXT NOT NULL CHECK (role = 'officer' OR role = 'deputy'),
  term_start     TEXT,
  term_end       TEXT,
  created        TEXT NOT NULL
);

CREATE INDEX liaison_officers_country ON liaison_officers (country);

-- 6. The annual work plan: numbered versions of a year's events as issued,
--    the officers' feedback, and the meeting that reviewed a version.
CREATE TABLE work_plans (
  id              TEXT PRIMARY KEY,
  year            INTEGER NOT NULL,
  version         INTEGER NOT NULL,
  status          TEXT NOT NULL CHECK (status = 'draft' OR status = 'sent' OR status = 'approved'
                                       OR status = 'superseded'),
  created         TEXT NOT NULL,
  sent            TEXT,
  approved        TEXT,
  review_event_id TEXT,
  UNIQUE (year, version)
);

CREATE TABLE work_plan_events (
  plan_id  TEXT NOT NULL REFERENCES work_plans (id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  -- The event as this version issued it (JSON): later edits do not change
  -- what was sent and approved.
  snapshot TEXT NOT NULL,
  PRIMARY KEY (plan_id, event_id)
);

CREATE TABLE work_plan_feedback (
  id       TEXT PRIMARY KEY,
  plan_id  TEXT NOT NULL REFERENCES work_plans (id) ON DELETE CASCADE,
  country  TEXT NOT NULL,
  event_id TEXT,
  text     TEXT NOT NULL,
  received TEXT NOT NULL,
  created  TEXT NOT NULL
);

CREATE INDEX work_plan_feedback_plan ON work_plan_feedback (plan_id, country);

-- 7. Privacy: what a person consented to (space-separated purposes, see
--    liaison-consent.h; the date stays on the person), and when they were
--    anonymised.
CREATE TABLE participant_privacy (
  participant_id TEXT PRIMARY KEY,
  consent_scope  TEXT,
  anonymised     TEXT
);
