-- User data in a level-1 database (0001-initial.sql), as Liaison 0.1 at that
-- level wrote it. The test applies 0001-initial.sql itself, then this file,
-- then opens the file with the current store, which must migrate it, keep
-- every row and make it searchable.
INSERT INTO events (id, kind, status, mode, title_zh, title_en, start_local, end_local, time_zone, precision, year,
                    city_zh, city_en, country, capacity, created, modified)
VALUES ('0b6f4c1e-8f3a-4e55-9d0a-2f1e7c6b5a41', 'workshop', 'confirmed', 'in-person',
        '中国-东盟海洋塑料研讨会', 'China-ASEAN Marine Plastics Workshop, Yangon', '2025-03-10T09:00', '2025-03-12T17:00',
        'Asia/Yangon', 'time', 2025, '仰光', 'Yangon', 'MM', 40, '2025-01-02T03:04:05.000000Z', '2025-01-02T03:04:05.000000Z');

INSERT INTO participants (id, family_native, given_native, family_latin, given_latin, name_order, gender,
                          organisation_zh, sector, country, emails, consent, consent_date, sort_key, created, modified)
VALUES ('5d0c8a2b-1e4f-4a7b-8c3d-6e9f0a1b2c3d', '李', '霞', 'Li', 'Xia', 'family-first', 'female',
        '中国-东盟环境保护合作中心', 'government', 'CN', 'li.xia@fecomee.org.cn', 1, '2024-12-01', 'li xia',
        '2025-01-02T03:04:05.000000Z', '2025-01-02T03:04:05.000000Z');

INSERT INTO registrations (id, event_id, participant_id, role, status, delegation, registered_at, confirmed_at, created)
VALUES ('9a8b7c6d-5e4f-4a3b-9c1d-0e2f4a6b8c0d', '0b6f4c1e-8f3a-4e55-9d0a-2f1e7c6b5a41',
        '5d0c8a2b-1e4f-4a7b-8c3d-6e9f0a1b2c3d', 'speaker', 'confirmed', 'CN',
        '2025-01-03T00:00:00.000000Z', '2025-01-04T00:00:00.000000Z', '2025-01-03T00:00:00.000000Z');

INSERT INTO journal (time, origin, action, entity, entity_id)
VALUES ('2025-01-02T03:04:05.000000Z', 'local', 'create', 'event', '0b6f4c1e-8f3a-4e55-9d0a-2f1e7c6b5a41');

PRAGMA user_version = 1;
