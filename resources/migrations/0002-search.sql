-- Liaison schema, level 2: search over names in every script, organisations,
-- e-mails and event titles.
--
-- search_docs.keys holds folded and transliterated text (built by the store,
-- see liaison-search-key.c); the trigram index answers queries of three
-- characters or more, search_grams the 1- and 2-character ones (most
-- Chinese names) that trigrams cannot.

CREATE TABLE search_docs (
  docid     INTEGER PRIMARY KEY,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  keys      TEXT NOT NULL,
  UNIQUE (entity, entity_id)
);

CREATE VIRTUAL TABLE search_fts USING fts5 (
  keys,
  content = 'search_docs',
  content_rowid = 'docid',
  tokenize = 'trigram'
);

CREATE TABLE search_grams (
  gram  TEXT NOT NULL,
  docid INTEGER NOT NULL,
  PRIMARY KEY (gram, docid)
) WITHOUT ROWID;

CREATE INDEX search_grams_doc ON search_grams (docid);

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_fts (rowid, keys) VALUES (new.docid, new.keys);
END;

CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, keys) VALUES ('delete', old.docid, old.keys);
  DELETE FROM search_grams WHERE docid = old.docid;
END;

-- A level-1 database already has people and events: the store indexes every
-- row that has no search document when it opens (liaison_store_reindex).
