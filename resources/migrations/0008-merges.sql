-- Liaison schema: merges of people's records (issue 16, duplicates).
--
-- A merge keeps one record (the survivor) and deletes the others after
-- moving what hung on them (registrations, programme notes, officers'
-- terms, consent scope). Each merge is recorded here so that it can be
-- undone at any later time, even after other changes: `record` is JSON
-- with every merged-away person's row and registrations as they were, the
-- survivor's values before and after the merge, and which other rows moved
-- (liaison-store-merge.c). `undone` is when it was undone (NULL: in force).
-- A survivor's vCard names the records merged into it (X-LIAISON-MERGED)
-- while the merge is in force.
--
-- Older rows need nothing: no merge was ever recorded before this level.
CREATE TABLE merges (
  id          TEXT PRIMARY KEY,
  survivor_id TEXT NOT NULL,
  merged_ids  TEXT NOT NULL, -- the merged-away ids, one a line
  created     TEXT NOT NULL,
  undone      TEXT,
  record      TEXT NOT NULL
);

CREATE INDEX merges_survivor ON merges (survivor_id, undone);
