-- User data in a level-4 database (0001 to 0004), as Liaison wrote it at
-- that level: the rows of v3-data.sql, synced once with a secretariat's
-- server. Its sync tables hold what a later sync needs: the two collections
-- with their tokens, the server's copy of the event (its ETag and text, the
-- next merge base), a participant still waiting in the outbox, a resource
-- the server holds that Liaison could not read, an open conflict, and the
-- account and journal cursor. The test opens it with the current store,
-- which must add level 5 (translation states for every text, the programme
-- table) and lose none of it: a sync after the upgrade must carry on from
-- the token, not start again.
INSERT INTO events (id, kind, status, mode, title_zh, title_en, start_local, end_local, time_zone, precision, year,
                    city_zh, city_en, country, capacity, created, modified)
VALUES ('3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f', 'training-course', 'planned', 'in-person',
        '中国-东盟环境管理研修班', 'China-ASEAN Training Course on Environmental Management', '2025-06-02', '2025-06-13',
        NULL, 'day', 2025, '南宁', 'Nanning', 'CN', 2, '2025-02-01T08:00:00.000000Z', '2025-02-01T08:00:00.000000Z');

INSERT INTO participants (id, family_native, given_native, family_latin, given_latin, name_order, gender,
                          organisation_zh, organisation_en, sector, country, emails, consent, consent_date, sort_key,
                          created, modified)
VALUES ('7e2f4a6b-8c0d-4e1f-9a3b-5c7d9e1f3a5b', '王', '芳', 'Wang', 'Fang', 'family-first', 'female',
        '生态环境部', 'Ministry of Ecology and Environment', 'government', 'CN', 'wang.fang@example.cn', 1, '2025-01-15',
        'wang fang', '2025-02-01T08:00:00.000000Z', '2025-02-01T08:00:00.000000Z'),
       ('2a4c6e8f-0b1d-4f3a-8c5e-7f9b1d3f5a7c', 'Nguyễn', 'Văn An', 'Nguyen', 'Van An', 'family-first', 'male',
        NULL, 'Viet Nam Environment Administration', 'government', 'VN', 'an.nguyen@example.vn', 1, '2025-01-20',
        'nguyen van an', '2025-02-01T08:00:00.000000Z', '2025-02-01T08:00:00.000000Z');

INSERT INTO registrations (id, event_id, participant_id, role, status, delegation, registered_at, created)
VALUES ('4b6d8f0a-2c4e-4a6b-9d0f-3b5d7f9a1c3e', '3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f',
        '7e2f4a6b-8c0d-4e1f-9a3b-5c7d9e1f3a5b', 'delegate', 'registered', 'CN',
        '2025-02-02T00:00:00.000000Z', '2025-02-02T00:00:00.000000Z');

INSERT INTO search_docs (docid, entity, entity_id, keys)
VALUES (1, 'event', '3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f',
        '中国-东盟环境管理研修班 / china-asean training course on environmental management / 南宁 / nanning'),
       (2, 'participant', '7e2f4a6b-8c0d-4e1f-9a3b-5c7d9e1f3a5b',
        '王芳 / wang fang / fang wang / wang fang / wangfang / 生态环境部 / ministry of ecology and environment / wang.fang@example.cn'),
       (3, 'participant', '2a4c6e8f-0b1d-4f3a-8c5e-7f9b1d3f5a7c',
        'nguyen van an / nguyen van an / van an nguyen / viet nam environment administration / an.nguyen@example.vn');

INSERT INTO search_fts (rowid, keys) SELECT docid, keys FROM search_docs;

INSERT INTO search_short (rowid, grams)
VALUES (1, '中 中国 国 南 南宁 宁'), (2, '王 王芳 芳 w wa f fa'), (3, 'n ng v va a an');

INSERT INTO journal (seq, time, origin, action, entity, entity_id)
VALUES (1, '2025-02-01T08:00:00.000000Z', 'local', 'create', 'event', '3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f'),
       (2, '2025-02-01T08:00:00.000000Z', 'local', 'create', 'participant', '7e2f4a6b-8c0d-4e1f-9a3b-5c7d9e1f3a5b'),
       (3, '2025-02-01T08:00:00.000000Z', 'local', 'create', 'participant', '2a4c6e8f-0b1d-4f3a-8c5e-7f9b1d3f5a7c'),
       (4, '2025-02-02T00:00:00.000000Z', 'remote', 'create', 'registration', '4b6d8f0a-2c4e-4a6b-9d0f-3b5d7f9a1c3e');


INSERT INTO sync_collections (service, url, sync_token)
VALUES ('caldav', 'http://127.0.0.1:5232/beijing/liaison-events/', 'http://radicale.org/ns/sync/6a1f0c2d'),
       ('carddav', 'http://127.0.0.1:5232/beijing/liaison-participants/', 'http://radicale.org/ns/sync/9b3e5d7f');

INSERT INTO sync_resources (entity, entity_id, href, etag, base)
VALUES ('event', '3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f',
        '/beijing/liaison-events/3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f.ics', '"e-1"',
        'BEGIN:VCALENDAR' || char(13, 10) || 'VERSION:2.0' || char(13, 10) || 'PRODID:-//Liaison//EN' || char(13, 10)
        || 'BEGIN:VEVENT' || char(13, 10) || 'UID:3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f' || char(13, 10)
        || 'DTSTAMP:20250201T080000Z' || char(13, 10) || 'DTSTART;VALUE=DATE:20250602' || char(13, 10)
        || 'SUMMARY:China-ASEAN Training Course on Environmental Management' || char(13, 10)
        || 'END:VEVENT' || char(13, 10) || 'END:VCALENDAR' || char(13, 10)),
       ('participant', '7e2f4a6b-8c0d-4e1f-9a3b-5c7d9e1f3a5b',
        '/beijing/liaison-participants/7e2f4a6b-8c0d-4e1f-9a3b-5c7d9e1f3a5b.vcf', '"p-1"',
        'BEGIN:VCARD' || char(13, 10) || 'VERSION:4.0' || char(13, 10)
        || 'UID:7e2f4a6b-8c0d-4e1f-9a3b-5c7d9e1f3a5b' || char(13, 10) || 'FN:Wang Fang' || char(13, 10)
        || 'N:Wang;Fang;;;' || char(13, 10) || 'END:VCARD' || char(13, 10));

INSERT INTO sync_outbox (entity, entity_id, queued)
VALUES ('participant', '2a4c6e8f-0b1d-4f3a-8c5e-7f9b1d3f5a7c', '2025-02-03T00:00:00.000000Z');

INSERT INTO sync_skipped (href, etag, message, seen)
VALUES ('/beijing/liaison-events/todo.ics', '"t-1"', 'todo.ics: not an event (VTODO)', '2025-02-03T00:00:00.000000Z');

INSERT INTO sync_conflicts (entity, entity_id, field, base_value, local_value, remote_value, created)
VALUES ('event', '3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f', 'capacity', '2', '3', '4', '2025-02-03T00:00:00.000000Z');

INSERT INTO sync_state (key, value)
VALUES ('account', 'http://127.0.0.1:5232/' || char(10) || 'beijing'),
       ('journal-cursor', '4'),
       ('last-sync', '2025-02-03T00:00:00.000000Z');

PRAGMA user_version = 4;
