-- User data in a level-5 database (0001 to 0005), as Liaison wrote it at
-- that level: an event, four people (three named 李霞, one 曾繁仁 stored only
-- in Chinese, one of the 李霞 at 南京大学), a registration, their search
-- documents as level 5 made them (no marks, no pinyin forms but one, docids
-- in the order written) and a journal. One document is stale on purpose: it
-- holds a word ("obsolete") its record no longer has. The test opens the
-- file with the current store, which must write every document again, in
-- the order of each record's last activity (a registration counts), and keep
-- every row.
INSERT INTO events (id, kind, status, mode, title_zh, title_en, start_local, end_local, time_zone, precision, year,
                    city_zh, city_en, country, capacity, created, modified)
VALUES ('3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f', 'training-course', 'planned', 'in-person',
        '中国-东盟环境管理研修班', 'China-ASEAN Training Course on Environmental Management', '2025-06-02', '2025-06-13',
        NULL, 'day', 2025, '南宁', 'Nanning', 'CN', 20, '2025-02-01T08:00:00.000000Z', '2025-02-01T08:00:00.000000Z');

-- Last active: 李霞 (b) on 2025-04-01 by her registration, 李霞 (a) on 2025-03-01
-- by an edit, 李霞 (c) on 2025-02-01 when added.
INSERT INTO participants (id, family_native, given_native, family_latin, given_latin, name_order, gender,
                          organisation_zh, organisation_en, sector, country, emails, consent, consent_date, sort_key,
                          created, modified)
VALUES ('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '曾', '繁仁', NULL, NULL, 'family-first', 'male',
        NULL, NULL, 'academia', 'CN', NULL, 1, '2025-01-10',
        'zeng fan ren', '2025-01-10T08:00:00.000000Z', '2025-01-10T08:00:00.000000Z'),
       ('1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e', '李', '霞', NULL, NULL, 'family-first', 'female',
        '南京大学', NULL, 'academia', 'CN', 'li.xia@nju.edu.cn', 1, '2025-01-11',
        'li xia', '2025-01-11T08:00:00.000000Z', '2025-03-01T08:00:00.000000Z'),
       ('2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f', '李', '霞', NULL, NULL, 'family-first', 'female',
        '生态环境部', NULL, 'government', 'CN', NULL, 1, '2025-01-12',
        'li xia', '2025-01-12T08:00:00.000000Z', '2025-01-12T08:00:00.000000Z'),
       ('3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a', '李', '霞', NULL, NULL, 'family-first', 'female',
        NULL, NULL, 'youth', 'CN', NULL, 1, '2025-02-01',
        'li xia', '2025-02-01T08:00:00.000000Z', '2025-02-01T08:00:00.000000Z');

INSERT INTO registrations (id, event_id, participant_id, role, status, delegation, registered_at, created)
VALUES ('4b6d8f0a-2c4e-4a6b-9d0f-3b5d7f9a1c3e', '3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f',
        '2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f', 'delegate', 'registered', 'CN',
        '2025-04-01T00:00:00.000000Z', '2025-04-01T00:00:00.000000Z');

INSERT INTO search_docs (docid, entity, entity_id, keys)
VALUES (1, 'event', '3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f',
        '中国-东盟环境管理研修班 / china-asean training course on environmental management / 南宁 / nanning'),
       (2, 'participant', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        '曾繁仁 / zeng fan ren / zengfanren / fan ren zeng'),
       (3, 'participant', '1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
        '李霞 / li xia / lixia / xia li / 南京大学 / li.xia@nju.edu.cn / obsolete'),
       (4, 'participant', '2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f',
        '李霞 / li xia / lixia / xia li / 生态环境部'),
       (5, 'participant', '3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a',
        '李霞 / li xia / lixia / xia li');

INSERT INTO search_fts (rowid, keys) SELECT docid, keys FROM search_docs;

INSERT INTO search_short (rowid, grams)
VALUES (1, '中 中国 国 南 南宁 宁'), (2, '曾 曾繁 繁 繁仁 仁 z ze f fa r re'), (3, '李 李霞 霞 l li x xi'),
       (4, '李 李霞 霞 l li x xi'), (5, '李 李霞 霞 l li x xi');

INSERT INTO journal (seq, time, origin, action, entity, entity_id)
VALUES (1, '2025-01-10T08:00:00.000000Z', 'local', 'create', 'participant', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'),
       (2, '2025-01-11T08:00:00.000000Z', 'local', 'create', 'participant', '1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e'),
       (3, '2025-01-12T08:00:00.000000Z', 'local', 'create', 'participant', '2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f'),
       (4, '2025-02-01T08:00:00.000000Z', 'local', 'create', 'participant', '3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a'),
       (5, '2025-02-01T08:00:00.000000Z', 'local', 'create', 'event', '3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f'),
       (6, '2025-03-01T08:00:00.000000Z', 'local', 'update', 'participant', '1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e'),
       (7, '2025-04-01T00:00:00.000000Z', 'remote', 'create', 'registration', '4b6d8f0a-2c4e-4a6b-9d0f-3b5d7f9a1c3e');

PRAGMA user_version = 5;
