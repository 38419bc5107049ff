-- User data in a level-3 database (0001-initial.sql, 0002-search.sql,
-- 0003-faster-writes.sql) as Liaison wrote it before every bilingual text
-- had a translation state: event titles and themes have rows in
-- translation_states, event cities and people's organisations do not. The
-- built-in content is left out (the store loads it on open).

-- Typed in by a coordinator: the English title was marked translated from
-- the Chinese; the English theme was translated from an older Chinese theme
-- (旧的主题), so it is stale.
INSERT INTO events (id, kind, status, mode, title_zh, title_en, theme_zh, theme_en, start_local, precision, year,
                    city_zh, city_en, country, created, modified)
VALUES ('5d2e8a41-7c3b-4f6a-9e1d-2b4c6d8e0f13', 'liaison-meeting', 'held', 'in-person',
        '2024年联络员会议', 'Liaison officers'' meeting 2024', '新的主题', 'The old theme', '2024-11-04', 'day', 2024,
        '仰光', 'Yangon', 'MM', '2024-10-01T08:00:00.000000Z', '2024-10-01T08:00:00.000000Z');

INSERT INTO translation_states (entity, entity_id, field, lang, state, is_source, based_on)
VALUES ('event', '5d2e8a41-7c3b-4f6a-9e1d-2b4c6d8e0f13', 'title', 'zh', 'reviewed', 1, NULL),
       ('event', '5d2e8a41-7c3b-4f6a-9e1d-2b4c6d8e0f13', 'title', 'en', 'translated', 0, '8c41c11304ca5cec'),
       ('event', '5d2e8a41-7c3b-4f6a-9e1d-2b4c6d8e0f13', 'theme', 'zh', 'reviewed', 1, NULL),
       ('event', '5d2e8a41-7c3b-4f6a-9e1d-2b4c6d8e0f13', 'theme', 'en', 'translated', 0, '09f33aaafe6f4538');

-- Shipped history (as an older Liaison's first run wrote it): its English
-- was translated for Liaison, city included.
INSERT INTO events (id, kind, status, mode, title_zh, title_en, start_local, precision, year, city_zh, city_en,
                    country, created, modified)
VALUES ('a7f3c9e2-1b5d-5e8f-8a2c-4d6e8f0a2b4c', 'forum', 'held', 'in-person',
        '中国-东盟环境合作论坛 2016', 'China-ASEAN Environmental Cooperation Forum 2016', '2016-09', 'month', 2016,
        '南宁', 'Nanning', 'CN', '2024-10-01T08:00:00.000000Z', '2024-10-01T08:00:00.000000Z');

INSERT INTO translation_states (entity, entity_id, field, lang, state, is_source, based_on)
VALUES ('event', 'a7f3c9e2-1b5d-5e8f-8a2c-4d6e8f0a2b4c', 'title', 'zh', 'reviewed', 1, NULL),
       ('event', 'a7f3c9e2-1b5d-5e8f-8a2c-4d6e8f0a2b4c', 'title', 'en', 'translated', 0, '5cea91759a126f51');

-- People: an organisation in both languages, one in English only.
INSERT INTO participants (id, family_native, given_native, family_latin, given_latin, name_order, gender,
                          organisation_zh, organisation_en, position_en, sector, country, consent, sort_key,
                          created, modified)
VALUES ('6c8e0a2b-4d6f-4a1c-8e3b-5d7f9b1c3e5a', '李', '霞', 'Li', 'Xia', 'family-first', 'female',
        '中国-东盟环境保护合作中心', 'China-ASEAN Environmental Cooperation Center', NULL, 'government', 'CN', 1,
        'li xia', '2024-10-01T08:00:00.000000Z', '2024-10-01T08:00:00.000000Z'),
       ('1e3a5c7e-9b0d-4f2a-8c4e-6a8c0e2a4c6e', NULL, 'Sokha', NULL, 'Sokha', 'mononym', 'male',
        NULL, 'Ministry of Environment', 'Deputy Director', 'government', 'KH', 1,
        'sokha', '2024-10-01T08:00:00.000000Z', '2024-10-01T08:00:00.000000Z');

INSERT INTO journal (seq, time, origin, action, entity, entity_id)
VALUES (1, '2024-10-01T08:00:00.000000Z', 'built-in', 'create', 'event', 'a7f3c9e2-1b5d-5e8f-8a2c-4d6e8f0a2b4c'),
       (2, '2024-10-01T08:00:00.000000Z', 'local', 'create', 'event', '5d2e8a41-7c3b-4f6a-9e1d-2b4c6d8e0f13'),
       (3, '2024-10-01T08:00:00.000000Z', 'local', 'create', 'participant', '6c8e0a2b-4d6f-4a1c-8e3b-5d7f9b1c3e5a'),
       (4, '2024-10-01T08:00:00.000000Z', 'local', 'create', 'participant', '1e3a5c7e-9b0d-4f2a-8c4e-6a8c0e2a4c6e');

PRAGMA user_version = 3;
