-- User data in a level-7 database (0001 to 0007): a full workshop with a
-- waitlist of three, written as Liaison wrote it then (first come, first
-- served: the earliest waitlisted_at, then the order of arrival). The rows
-- are not in that order on purpose, and two share a time. The test opens
-- it with the current store, which numbers the waitlist: nobody's place
-- may change.
INSERT INTO events (id, kind, status, mode, title_zh, title_en, start_local, end_local, time_zone, precision, year,
                    city_zh, city_en, country, capacity, created, modified)
VALUES ('7f9b1d3f-5a7c-4e9a-8b1d-3f5a7c9e1b3d', 'workshop', 'planned', 'in-person',
        '中国—东盟环境信息交流研讨会', 'China-ASEAN Workshop on Environmental Information', '2026-09-08T09:00',
        '2026-09-09T17:00', 'Asia/Yangon', 'time', 2026, '仰光', 'Yangon', 'MM', 1,
        '2026-05-01T08:00:00.000000Z', '2026-05-01T08:00:00.000000Z');

INSERT INTO participants (id, family_latin, given_latin, name_order, gender, sector, country, consent, sort_key,
                          created, modified)
VALUES ('8a0c2e4a-6b8d-4f0a-9c2e-4a6b8d0f2a4c', 'Aung', 'Min', 'given-first', 'male', 'government', 'MM', 0,
        'aung min', '2026-05-01T08:00:00.000000Z', '2026-05-01T08:00:00.000000Z'),
       ('9b1d3f5b-7c9e-4a1b-8d3f-5b7c9e1a3b5d', 'Lim', 'Wei', 'family-first', 'female', 'ngo', 'SG', 0,
        'lim wei', '2026-05-01T08:00:00.000000Z', '2026-05-01T08:00:00.000000Z'),
       ('0c2e4a6c-8d0f-4b2c-9e4a-6c8d0f2b4c6e', 'Santos', 'Ana', 'given-first', 'female', 'academia', 'PH', 0,
        'santos ana', '2026-05-01T08:00:00.000000Z', '2026-05-01T08:00:00.000000Z'),
       ('1d3f5b7d-9e1a-4c3d-8f5b-7d9e1a3c5d7f', 'Nguyen', 'Lan', 'family-first', 'female', 'youth', 'VN', 0,
        'nguyen lan', '2026-05-01T08:00:00.000000Z', '2026-05-01T08:00:00.000000Z');

INSERT INTO registrations (id, event_id, participant_id, role, status, delegation, registered_at, waitlisted_at,
                           created)
VALUES ('a1000000-0000-4000-8000-000000000001', '7f9b1d3f-5a7c-4e9a-8b1d-3f5a7c9e1b3d',
        '8a0c2e4a-6b8d-4f0a-9c2e-4a6b8d0f2a4c', 'delegate', 'registered', 'MM', '2026-05-02T00:00:00.000000Z', NULL,
        '2026-05-02T00:00:00.000000Z'),
       -- waitlisted last, first in the table
       ('a1000000-0000-4000-8000-000000000002', '7f9b1d3f-5a7c-4e9a-8b1d-3f5a7c9e1b3d',
        '9b1d3f5b-7c9e-4a1b-8d3f-5b7c9e1a3b5d', 'delegate', 'waitlisted', 'SG', NULL, '2026-05-04T00:00:00.000000Z',
        '2026-05-04T00:00:00.000000Z'),
       -- these two at the same moment (added together): table order decides
       ('a1000000-0000-4000-8000-000000000003', '7f9b1d3f-5a7c-4e9a-8b1d-3f5a7c9e1b3d',
        '0c2e4a6c-8d0f-4b2c-9e4a-6c8d0f2b4c6e', 'delegate', 'waitlisted', 'PH', NULL, '2026-05-03T00:00:00.000000Z',
        '2026-05-03T00:00:00.000000Z'),
       ('a1000000-0000-4000-8000-000000000004', '7f9b1d3f-5a7c-4e9a-8b1d-3f5a7c9e1b3d',
        '1d3f5b7d-9e1a-4c3d-8f5b-7d9e1a3c5d7f', 'delegate', 'waitlisted', 'VN', NULL, '2026-05-03T00:00:00.000000Z',
        '2026-05-03T00:00:00.000000Z');

-- The plan as the seed of level 7 wrote it: two titles with the annex's
-- layout (spaces in 中国 - 东盟, a half-width comma), the English of one
-- translated from that text; a third title edited here since, which the
-- upgrade must leave as it is.
INSERT INTO plan_items (code, level, parent_code, label, title_zh, title_en, schedule, position)
VALUES ('1', 'direction', NULL, '1', '环境政策对话与交流', 'Environmental policy dialogue and exchange', NULL, 0),
       ('1.1', 'action', '1', '1', '高层环境政策对话与交流', 'High-level environmental policy dialogue and exchange', NULL, 0),
       ('1.1.1', 'activity', '1.1', '1-1', '中国 - 东盟环境合作联络员会议',
        'China-ASEAN Environmental Cooperation Liaison Officers'' Meeting', '每年一次', 0),
       ('1.1.4', 'activity', '1.1', '1-4', '通过研讨、圆桌对话等系列活动, 对全球、区域热点环境问题进行交流',
        'Exchanges on global and regional environmental hot-spot issues', '2021-2025', 3),
       ('1.1.2', 'activity', '1.1', '1-2', '中国 - 东盟环境合作论坛（含部长级对话，本办公室改过）',
        'China-ASEAN Environmental Cooperation Forum', '2022, 2024', 1);
INSERT INTO translation_states (entity, entity_id, field, lang, state, is_source, based_on)
VALUES ('plan', '1.1.1', 'title', 'zh', 'reviewed', 1, NULL),
       ('plan', '1.1.1', 'title', 'en', 'reviewed', 0, '中国 - 东盟环境合作联络员会议');

PRAGMA user_version = 7;
