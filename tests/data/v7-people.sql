-- User data in a level-7 database (0001 to 0007), as Liaison wrote it at
-- that level: one person entered twice (Nguyễn Thị Lan, and NGUYEN Thi Lan
-- with the same e-mail address), each with a registration, and a "where are
-- they now" note and consent scope on the second. The test opens it with
-- the current store, which adds the merges table (level 8), finds the two
-- as duplicates, merges them and undoes the merge: nothing is lost.
INSERT INTO events (id, kind, status, mode, title_zh, title_en, start_local, end_local, time_zone, precision, year,
                    city_zh, city_en, country, capacity, track, created, modified)
VALUES ('7f9b1d3f-5a7c-4e9a-8b1d-3f5a7c9e1b3d', 'youth-forum', 'held', 'in-person',
        '中国-东盟应对气候变化青年论坛', 'China-ASEAN Youth Forum on Climate Change', '2023-09-12', '2023-09-14',
        NULL, 'day', 2023, '南宁', 'Nanning', 'CN', 80, NULL,
        '2023-06-01T08:00:00.000000Z', '2023-09-15T08:00:00.000000Z'),
       ('8a0c2e4a-6b8d-4f0a-9c2e-4a6b8d0f2a4c', 'workshop', 'held', 'in-person',
        '海洋塑料研讨会', 'Marine plastics workshop', '2025-03-04', '2025-03-05',
        NULL, 'day', 2025, '岘港', 'Da Nang', 'VN', 40, NULL,
        '2025-01-10T08:00:00.000000Z', '2025-03-06T08:00:00.000000Z');

INSERT INTO participants (id, family_native, given_native, family_latin, given_latin, name_order, gender, sector,
                          country, emails, consent, consent_date, sort_key, created, modified)
VALUES ('9b1d3f5a-7c9e-4b1d-8f5a-7c9e1b3d5f7a', 'Nguyễn', 'Thị Lan', NULL, NULL, 'family-first', 'female',
        'youth', 'VN', 'lan.nguyen@example.vn', 0, NULL, 'nguyen thi lan',
        '2023-06-20T08:00:00.000000Z', '2023-06-20T08:00:00.000000Z'),
       ('0c2e4a6b-8d0f-4c2e-9a6b-8d0f2c4e6a8b', NULL, NULL, 'NGUYEN', 'Thi Lan', 'family-first', 'unspecified',
        'government', 'VN', 'lan.nguyen@example.vn', 1, '2025-01-20', 'nguyen thi lan',
        '2025-01-20T08:00:00.000000Z', '2025-01-21T08:00:00.000000Z');

INSERT INTO registrations (id, event_id, participant_id, role, status, delegation, registered_at, attended_at,
                           notes, created)
VALUES ('1d3f5b7c-9e1a-4d3f-8b7c-9e1a3d5f7b9c', '7f9b1d3f-5a7c-4e9a-8b1d-3f5a7c9e1b3d',
        '9b1d3f5a-7c9e-4b1d-8f5a-7c9e1b3d5f7a', 'delegate', 'attended', 'VN', '2023-07-01T00:00:00.000000Z',
        '2023-09-12T01:00:00.000000Z', NULL, '2023-07-01T00:00:00.000000Z'),
       ('2e4a6c8d-0f2b-4e4a-9c8d-0f2b4e6a8c0d', '8a0c2e4a-6b8d-4f0a-9c2e-4a6b8d0f2a4c',
        '0c2e4a6b-8d0f-4c2e-9a6b-8d0f2c4e6a8b', 'speaker', 'attended', 'VN', '2025-01-21T00:00:00.000000Z',
        '2025-03-04T01:00:00.000000Z', 'Talk on river plastics', '2025-01-21T00:00:00.000000Z');

INSERT INTO programme_notes (id, participant_id, date, text, created)
VALUES ('3f5b7d9e-1a3c-4f5b-8d9e-1a3c5f7b9d1e', '0c2e4a6b-8d0f-4c2e-9a6b-8d0f2c4e6a8b', '2025-06-01',
        'Now with the Ministry of Natural Resources and Environment', '2025-06-01T08:00:00.000000Z');

INSERT INTO participant_privacy (participant_id, consent_scope, anonymised)
VALUES ('0c2e4a6b-8d0f-4c2e-9a6b-8d0f2c4e6a8b', 'events programme', NULL);

PRAGMA user_version = 7;
