-- Liaison schema, level 6: search finds people as people write their
-- names, best match first. Issue 14.
--
-- The documents are written anew (liaison-store-search.c):
--
-- 1. Their keys hold every written form of a name (a Chinese name's
--    standard pinyin family name and given name each joined, every
--    syllable apart, all joined, the given name first) and organisations
--    read in Latin letters too; each text is marked where it begins and
--    ends, so the trigram index answers "is" and "starts with" as well as
--    "contains". Organisations get their 1- and 2-character pieces in
--    search_short, as names do.
-- 2. A document's docid is the order of its record's last activity
--    (written, or the person registered): participants count up from 1,
--    events from 2^62. The index hands out the most recent first and
--    stops at the limit, with no sort.
--
-- 3. search_names holds each document's names (kind 0) and organisations
--    and cities (kind 1), for "is" and "starts with" in a B-tree: the
--    trigram index answered them too, but slowly when many documents share
--    the query's trigrams and few match (5-20 ms a query at 100,000
--    people). Its rows are written and removed with the document's.
--
-- Older documents have neither: they are removed here, and the store
-- writes every record's document again when it opens a file from before
-- this level (liaison_store_reindex), in the order of their activity.

CREATE TABLE search_names (
  kind  INTEGER NOT NULL,
  form  TEXT NOT NULL,
  docid INTEGER NOT NULL,
  PRIMARY KEY (kind, form, docid)
) WITHOUT ROWID;

DELETE FROM search_docs;
DELETE FROM search_short;
INSERT INTO search_fts (search_fts) VALUES ('delete-all');
