-- Liaison schema, level 4: sync with the secretariat over CalDAV/CardDAV.
-- See HACKING.md "The sync engine" for how these tables are used.

-- One row per service: the collection chosen on the server and the
-- RFC 6578 token of the last complete pull from it.
CREATE TABLE sync_collections (
  service    TEXT PRIMARY KEY CHECK (service = 'caldav' OR service = 'carddav'),
  url        TEXT NOT NULL,
  sync_token TEXT
);

-- Every record that has a copy on the server: where, which version, and the
-- server's text of that version. The text is the merge base of the next
-- three-way merge and the resource the next write patches, so what other
-- clients wrote there survives.
CREATE TABLE sync_resources (
  entity    TEXT NOT NULL CHECK (entity = 'event' OR entity = 'participant'),
  entity_id TEXT NOT NULL,
  href      TEXT NOT NULL UNIQUE,
  etag      TEXT,
  base      TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id)
);

-- Records changed here and not yet confirmed by the server. Fed from the
-- journal (local and built-in changes, never remote ones); a row leaves
-- only after the server accepted the write or the delete.
CREATE TABLE sync_outbox (
  entity    TEXT NOT NULL CHECK (entity = 'event' OR entity = 'participant'),
  entity_id TEXT NOT NULL,
  queued    TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id)
);

-- Texts written to the server whose answer never came: when the server's
-- copy turns out to be one of them, it is this office's own write, not
-- someone else's edit. Gone when the server confirms a write.
CREATE TABLE sync_sent (
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  text      TEXT NOT NULL
);

CREATE INDEX sync_sent_record ON sync_sent (entity, entity_id);

-- Resources on the server that Liaison cannot read: skipped, and reported at
-- every sync until they change or go away.
CREATE TABLE sync_skipped (
  href    TEXT PRIMARY KEY,
  etag    TEXT,
  message TEXT NOT NULL,
  seen    TEXT NOT NULL
);

-- Changes that could not be merged: both versions of one field, kept until a
-- person chooses. field is NULL when one side deleted the whole record.
CREATE TABLE sync_conflicts (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  entity       TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  field        TEXT,
  base_value   TEXT,
  local_value  TEXT,
  remote_value TEXT,
  created      TEXT NOT NULL,
  resolved     TEXT,
  resolution   TEXT CHECK (resolution IS NULL OR resolution = 'local' OR resolution = 'remote')
);

CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved, entity, entity_id);

-- journal-cursor: the last journal row fed to the outbox; account: the
-- server and user the tables above belong to.
CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT
);
