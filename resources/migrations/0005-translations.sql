-- Liaison schema: every bilingual text with a translation state.
--
-- Until this level translation_states covered event titles, themes and
-- descriptions and the plan's titles. Event cities, participants'
-- organisations and positions, and the Green Envoys Programme with its
-- tracks are content to translate too. The programme and its tracks were
-- compiled into the program; here they become rows a translator can edit.
--
-- Both the programme rows and the missing translation_states rows of older
-- data are written by the store when it finds this table empty
-- (liaison-seed.c): a translation's based_on is a digest of its source text,
-- which SQL cannot compute here.

CREATE TABLE programmes (
  id        TEXT PRIMARY KEY,
  -- NULL for a programme, the programme's id for one of its tracks.
  parent_id TEXT REFERENCES programmes (id),
  title_zh  TEXT,
  title_en  TEXT,
  position  INTEGER NOT NULL
);
