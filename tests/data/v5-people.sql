-- User data in a level-5 database (0001 to 0005), as Liaison wrote it at
-- that level: two Green Envoys events of a track, a person who attended
-- both (once as a speaker) and gave consent before consent had purposes, a
-- person who never consented, and a registration with a note. The test
-- opens it with the current store, which adds the people tables (quotas,
-- nominations, letters, officers, work plans, consent by purpose) and must
-- lose nothing: the record derives from the same rows, the old consent
-- covers organising events only, and every registration can still change.
INSERT INTO programmes (id, parent_id, title_zh, title_en, position)
VALUES ('green-envoys', NULL, '中国-东盟绿色使者计划', 'China-ASEAN Green Envoys Programme', 0),
       ('marine-plastics-youth', 'green-envoys', '中国-东盟海洋减塑青年领导力计划',
        'China-ASEAN Marine Plastics Reduction Youth Leadership Programme', 1),
       ('climate-youth', 'green-envoys', '中国-东盟应对气候变化青年领导力计划',
        'China-ASEAN Climate Change Youth Leadership Programme', 2),
       ('officials-capacity', 'green-envoys', '环境官员能力建设', 'Capacity building for environmental officials', 3);

INSERT INTO events (id, kind, status, mode, title_zh, title_en, start_local, end_local, time_zone, precision, year,
                    city_zh, city_en, country, capacity, track, created, modified)
VALUES ('5d7f9b1d-3f5a-4c7e-9a1b-3d5f7a9c1e3a', 'youth-forum', 'held', 'in-person',
        '中国-东盟海洋减塑青年论坛', 'China-ASEAN Youth Forum on Marine Plastics', '2022-08-15', '2022-08-17',
        NULL, 'day', 2022, '厦门', 'Xiamen', 'CN', 60, 'marine-plastics-youth',
        '2022-05-01T08:00:00.000000Z', '2022-08-18T08:00:00.000000Z'),
       ('6e8a0c2e-4a6b-4d8f-8b2c-4e6a8b0d2f4b', 'training-course', 'held', 'in-person',
        '中国-东盟海洋垃圾监测研修班', 'China-ASEAN Training Course on Marine Litter Monitoring', '2024-05-20T09:00',
        '2024-05-24T17:00', 'Asia/Bangkok', 'time', 2024, '曼谷', 'Bangkok', 'TH', 30, 'marine-plastics-youth',
        '2024-02-01T08:00:00.000000Z', '2024-05-25T08:00:00.000000Z');

INSERT INTO participants (id, family_native, given_native, family_latin, given_latin, name_order, gender, sector,
                          country, emails, consent, consent_date, sort_key, created, modified)
VALUES ('0c2e4a6b-8d0f-4b2d-9e4a-6c8e0a2c4e6d', 'Trần', 'Thu Hà', 'Tran', 'Thu Ha', 'family-first', 'female',
        'youth', 'VN', 'thuha.tran@example.vn', 1, '2022-07-01', 'tran thu ha',
        '2022-07-01T08:00:00.000000Z', '2022-07-01T08:00:00.000000Z'),
       ('1d3f5b7c-9e1a-4c3e-8f5b-7d9f1b3d5f7e', NULL, NULL, 'Seng', 'Vannak', 'given-first', 'male', 'ngo', 'KH',
        NULL, 0, NULL, 'seng vannak', '2024-03-01T08:00:00.000000Z', '2024-03-01T08:00:00.000000Z');

INSERT INTO registrations (id, event_id, participant_id, role, status, delegation, registered_at, confirmed_at,
                           attended_at, notes, created)
VALUES ('2e4a6c8d-0f2b-4d4f-9a6c-8e0a2c4e6a8f', '5d7f9b1d-3f5a-4c7e-9a1b-3d5f7a9c1e3a',
        '0c2e4a6b-8d0f-4b2d-9e4a-6c8e0a2c4e6d', 'delegate', 'attended', 'VN', '2022-07-02T00:00:00.000000Z',
        '2022-08-01T00:00:00.000000Z', '2022-08-15T01:00:00.000000Z', NULL, '2022-07-02T00:00:00.000000Z'),
       ('3f5b7d9e-1a3c-4e5a-8b7d-9f1b3d5f7b9a', '6e8a0c2e-4a6b-4d8f-8b2c-4e6a8b0d2f4b',
        '0c2e4a6b-8d0f-4b2d-9e4a-6c8e0a2c4e6d', 'speaker', 'attended', 'VN', '2024-03-02T00:00:00.000000Z',
        '2024-04-01T00:00:00.000000Z', '2024-05-20T02:00:00.000000Z', 'Talk on beach surveys, day 2',
        '2024-03-02T00:00:00.000000Z'),
       ('4a6c8e0f-2b4d-4f6b-9c8e-0a2c4e6a8c0b', '6e8a0c2e-4a6b-4d8f-8b2c-4e6a8b0d2f4b',
        '1d3f5b7c-9e1a-4c3e-8f5b-7d9f1b3d5f7e', 'delegate', 'registered', 'KH', '2024-03-05T00:00:00.000000Z', NULL,
        NULL, NULL, '2024-03-05T00:00:00.000000Z');

INSERT INTO journal (seq, time, origin, action, entity, entity_id)
VALUES (1, '2022-05-01T08:00:00.000000Z', 'local', 'create', 'event', '5d7f9b1d-3f5a-4c7e-9a1b-3d5f7a9c1e3a'),
       (2, '2022-07-01T08:00:00.000000Z', 'local', 'create', 'participant', '0c2e4a6b-8d0f-4b2d-9e4a-6c8e0a2c4e6d'),
       (3, '2022-07-02T00:00:00.000000Z', 'local', 'create', 'registration', '2e4a6c8d-0f2b-4d4f-9a6c-8e0a2c4e6a8f');

PRAGMA user_version = 5;
