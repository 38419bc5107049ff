-- Liaison schema, level 11: "contains" finds few people among a million
-- quickly. Issue 14.
--
-- A query of four characters or more that few documents hold but whose
-- trigrams many do ("jing guo", "qinghua daxue": every 清华大学 person has
-- all of the latter's trigrams, none the text) cost the trigram index of
-- whole documents 10-35 ms at 1,000,000 people: it walks the doclists of
-- every trigram of the query. Two smaller indexes answer it instead
-- (liaison-store-search.c, substring_docids):
--
-- 1. search_forms: each distinct name and organisation of search_names
--    once (26,000 at a million people), with a trigram index of its own;
--    the forms that hold the query, then their documents from
--    search_names. A form no search_names row has any more is removed
--    with the last one (an anonymised name is not kept here).
-- 2. search_others: the other texts of a document (e-mail addresses,
--    venues), the end of its keys from the first U+E003 mark, in a
--    contentless trigram index: a name's trigrams are not in its doclists.
--
-- Both are filled here from what the documents hold; the store keeps
-- them in step with search_docs and search_names from now on.

CREATE TABLE search_forms (
  id   INTEGER PRIMARY KEY,
  kind INTEGER NOT NULL,
  form TEXT NOT NULL,
  UNIQUE (kind, form)
);

CREATE VIRTUAL TABLE search_forms_fts USING fts5 (
  form,
  content = 'search_forms',
  content_rowid = 'id',
  tokenize = 'trigram'
);

CREATE VIRTUAL TABLE search_others USING fts5 (
  others,
  content = '',
  tokenize = 'trigram'
);

INSERT INTO search_forms (kind, form) SELECT DISTINCT kind, form FROM search_names ORDER BY kind, form;
INSERT INTO search_forms_fts (search_forms_fts) VALUES ('rebuild');
INSERT INTO search_others (rowid, others)
  SELECT docid, substr (keys, instr (keys, char (57347))) FROM search_docs
  WHERE instr (keys, char (57347)) > 0 ORDER BY docid;
