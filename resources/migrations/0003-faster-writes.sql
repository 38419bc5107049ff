-- Liaison schema, level 3: the same data, written faster. Found by
-- bench/bench-store, which loads 100,000 people, 5,000 events and 300,000
-- registrations.
--
-- 1. The store keeps search_fts and search_short in step with search_docs
--    itself (liaison-store.c, write_search_doc). A statement that fires a
--    trigger opens a statement journal, and FTS5 flushes its pending index
--    to disk at each one: a third of a bulk load went there. Single-row
--    statements need no statement journal, so FTS5 buffers until commit.
--    The index already matches the documents: nothing to rebuild.

DROP TRIGGER search_docs_ai;
DROP TRIGGER search_docs_ad;

-- 2. The 1- and 2-character pieces of a document (the path for queries too
--    short for trigrams) were one row each of search_grams, plus an index
--    entry: about 22 b-tree inserts per person. Now they are one row per
--    document of an FTS5 table whose tokens are the pieces, spaces between
--    them. Marks (M*) are token characters so Thai, Khmer and Myanmar
--    pieces stay whole.

CREATE VIRTUAL TABLE search_short USING fts5 (
  grams,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);

INSERT INTO search_short (rowid, grams)
  SELECT docid, group_concat (gram, ' ') FROM search_grams GROUP BY docid;

DROP TABLE search_grams;

-- 3. The journal's CHECKs used IN lists of three values, which sqlite
--    evaluates by building a temporary table on every insert. Same rules,
--    written as comparisons; same rows, same sequence numbers.

CREATE TABLE journal_new (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  time      TEXT NOT NULL,
  origin    TEXT NOT NULL CHECK (origin = 'local' OR origin = 'remote' OR origin = 'built-in'),
  action    TEXT NOT NULL CHECK (action = 'create' OR action = 'update' OR action = 'delete'),
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field     TEXT,
  old_value TEXT,
  new_value TEXT
);

INSERT INTO journal_new (seq, time, origin, action, entity, entity_id, field, old_value, new_value)
  SELECT seq, time, origin, action, entity, entity_id, field, old_value, new_value FROM journal;

DROP TABLE journal;
ALTER TABLE journal_new RENAME TO journal;
CREATE INDEX journal_entity ON journal (entity, entity_id);

-- 4. Registering someone counts the places taken at the event; with this
--    index the count reads the index alone instead of every registration.

CREATE INDEX registrations_event_status ON registrations (event_id, status);
