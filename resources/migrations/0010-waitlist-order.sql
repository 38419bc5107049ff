-- Liaison schema: the waitlist in the organiser's order.
--
-- Until this level the waitlist was first come, first served: the earliest
-- waitlisted_at, then the order of arrival (rowid). The organiser now moves
-- people up and down and promotes by hand, so each waitlisted registration
-- keeps a number (smaller first). A move writes one number, between its new
-- neighbours' (hence REAL); a person who joins the waitlist takes the end.
-- A registration with no number (one the sync brought) comes after the
-- numbered ones, first come, first served among themselves.
--
-- Existing waitlisted registrations are numbered 1, 2, … in the order they
-- had (waitlisted_at, then rowid), so nobody's place changes at the upgrade;
-- nothing else needs filling.
ALTER TABLE registrations ADD COLUMN waitlist_order REAL;

UPDATE registrations
SET waitlist_order = (
  SELECT count(*) FROM registrations AS r2
  WHERE r2.event_id = registrations.event_id AND r2.status = 'waitlisted'
    AND (coalesce (r2.waitlisted_at, '') < coalesce (registrations.waitlisted_at, '')
         OR (coalesce (r2.waitlisted_at, '') = coalesce (registrations.waitlisted_at, '')
             AND r2.rowid <= registrations.rowid)))
WHERE status = 'waitlisted';

-- 2. The action plan's Chinese titles as Chinese is written. The seed took
-- them from the framework's annex table, whose layout put spaces inside
-- 中国 - 东盟 and half-width commas and brackets between Chinese words; the
-- framework's own prose writes 中国-东盟 (po/GLOSSARY.md) and full-width
-- ，（）. A title is changed only where it is still the seed's text (one
-- edited here is left alone), and a translation based on the old text is
-- based on the new one: only the punctuation changed, not what it says.
UPDATE plan_items SET title_zh = '中国-东盟环境合作联络员会议'
  WHERE code = '1.1.1' AND title_zh = '中国 - 东盟环境合作联络员会议';
UPDATE translation_states SET based_on = '中国-东盟环境合作联络员会议'
  WHERE entity = 'plan' AND entity_id = '1.1.1' AND field = 'title' AND based_on = '中国 - 东盟环境合作联络员会议';
UPDATE plan_items SET title_zh = '中国-东盟环境合作论坛（含部长级对话）'
  WHERE code = '1.1.2' AND title_zh = '中国 - 东盟环境合作论坛 (含部长级对话)';
UPDATE translation_states SET based_on = '中国-东盟环境合作论坛（含部长级对话）'
  WHERE entity = 'plan' AND entity_id = '1.1.2' AND field = 'title' AND based_on = '中国 - 东盟环境合作论坛 (含部长级对话)';
UPDATE plan_items SET title_zh = '中国-东盟专题研讨会/研修班（海洋塑料/微塑料、战略环境影响评价等议题）'
  WHERE code = '1.1.3' AND title_zh = '中国 - 东盟专题研讨会 / 研修班 (海洋塑料 / 微塑料、战略环境影响评价等议题)';
UPDATE translation_states SET based_on = '中国-东盟专题研讨会/研修班（海洋塑料/微塑料、战略环境影响评价等议题）'
  WHERE entity = 'plan' AND entity_id = '1.1.3' AND field = 'title' AND based_on = '中国 - 东盟专题研讨会 / 研修班 (海洋塑料 / 微塑料、战略环境影响评价等议题)';
UPDATE plan_items SET title_zh = '通过研讨、圆桌对话等系列活动，对全球、区域热点环境问题进行交流'
  WHERE code = '1.1.4' AND title_zh = '通过研讨、圆桌对话等系列活动, 对全球、区域热点环境问题进行交流';
UPDATE translation_states SET based_on = '通过研讨、圆桌对话等系列活动，对全球、区域热点环境问题进行交流'
  WHERE entity = 'plan' AND entity_id = '1.1.4' AND field = 'title' AND based_on = '通过研讨、圆桌对话等系列活动, 对全球、区域热点环境问题进行交流';
UPDATE plan_items SET title_zh = '中国-东盟环境良好实践案例及信息共享平台应用'
  WHERE code = '1.2.1' AND title_zh = '中国 - 东盟环境良好实践案例及信息共享平台应用';
UPDATE translation_states SET based_on = '中国-东盟环境良好实践案例及信息共享平台应用'
  WHERE entity = 'plan' AND entity_id = '1.2.1' AND field = 'title' AND based_on = '中国 - 东盟环境良好实践案例及信息共享平台应用';
UPDATE plan_items SET title_zh = '实施中国-东盟生态友好城市伙伴关系下海洋减塑行动，开展科学、商业、社区对话，促进管理者、私营部门以及社区公众共同参与'
  WHERE code = '2.1.1' AND title_zh = '实施中国 - 东盟生态友好城市伙伴关系下海洋减塑行动, 开展科学、商业、社区对话, 促进管理者、私营部门以及社区公众共同参与';
UPDATE translation_states SET based_on = '实施中国-东盟生态友好城市伙伴关系下海洋减塑行动，开展科学、商业、社区对话，促进管理者、私营部门以及社区公众共同参与'
  WHERE entity = 'plan' AND entity_id = '2.1.1' AND field = 'title' AND based_on = '实施中国 - 东盟生态友好城市伙伴关系下海洋减塑行动, 开展科学、商业、社区对话, 促进管理者、私营部门以及社区公众共同参与';
UPDATE plan_items SET title_zh = '开展中国-东盟沿海城市圆桌对话，加强沿海环境及减塑领域的务实合作'
  WHERE code = '2.1.2' AND title_zh = '开展中国 - 东盟沿海城市圆桌对话, 加强沿海环境及减塑领域的务实合作';
UPDATE translation_states SET based_on = '开展中国-东盟沿海城市圆桌对话，加强沿海环境及减塑领域的务实合作'
  WHERE entity = 'plan' AND entity_id = '2.1.2' AND field = 'title' AND based_on = '开展中国 - 东盟沿海城市圆桌对话, 加强沿海环境及减塑领域的务实合作';
UPDATE plan_items SET title_zh = '进一步加强城市生物多样性保护合作，分享基于自然解决方案、健康与生物多样性的关联，包括监测工作。'
  WHERE code = '2.1.3' AND title_zh = '进一步加强城市生物多样性保护合作, 分享基于自然解决方案、健康与生物多样性的关联, 包括监测工作。';
UPDATE translation_states SET based_on = '进一步加强城市生物多样性保护合作，分享基于自然解决方案、健康与生物多样性的关联，包括监测工作。'
  WHERE entity = 'plan' AND entity_id = '2.1.3' AND field = 'title' AND based_on = '进一步加强城市生物多样性保护合作, 分享基于自然解决方案、健康与生物多样性的关联, 包括监测工作。';
UPDATE plan_items SET title_zh = '中国与东盟主要沿海城市海洋塑料污染防治与近岸生物多样性保护案例联合研究，形成海洋减塑行动良好实践，促进区域合作与知识分享'
  WHERE code = '2.2.2' AND title_zh = '中国与东盟主要沿海城市海洋塑料污染防治与近岸生物多样性保护案例联合研究, 形成海洋减塑行动良好实践, 促进区域合作与知识分享';
UPDATE translation_states SET based_on = '中国与东盟主要沿海城市海洋塑料污染防治与近岸生物多样性保护案例联合研究，形成海洋减塑行动良好实践，促进区域合作与知识分享'
  WHERE entity = 'plan' AND entity_id = '2.2.2' AND field = 'title' AND based_on = '中国与东盟主要沿海城市海洋塑料污染防治与近岸生物多样性保护案例联合研究, 形成海洋减塑行动良好实践, 促进区域合作与知识分享';
UPDATE plan_items SET title_zh = '选取重点沿海城市，开展沿海城市海洋垃圾监测能力建设活动'
  WHERE code = '2.3.1' AND title_zh = '选取重点沿海城市, 开展沿海城市海洋垃圾监测能力建设活动';
UPDATE translation_states SET based_on = '选取重点沿海城市，开展沿海城市海洋垃圾监测能力建设活动'
  WHERE entity = 'plan' AND entity_id = '2.3.1' AND field = 'title' AND based_on = '选取重点沿海城市, 开展沿海城市海洋垃圾监测能力建设活动';
UPDATE plan_items SET title_zh = '联合开展中国与东盟国家海洋陆源污染控制及沿海城市减塑行动，实施沿海城市清洁海洋行动计划，组织发起社区减塑与垃圾拾拾者行动，设计推动中国-东盟海洋减塑青年领导力计划，组织开展中国-东盟海洋（微）塑料垃圾青年论坛及志愿者活动等，提升公众海洋生态环境保护意识'
  WHERE code = '2.3.2' AND title_zh = '联合开展中国与东盟国家海洋陆源污染控制及沿海城市减塑行动, 实施沿海城市清洁海洋行动计划, 组织发起社区减塑与垃圾拾拾者行动, 设计推动中国 - 东盟海洋减塑青年领导力计划, 组织开展中国 - 东盟海洋 (微) 塑料垃圾青年论坛及志愿者活动等, 提升公众海洋生态环境保护意识';
UPDATE translation_states SET based_on = '联合开展中国与东盟国家海洋陆源污染控制及沿海城市减塑行动，实施沿海城市清洁海洋行动计划，组织发起社区减塑与垃圾拾拾者行动，设计推动中国-东盟海洋减塑青年领导力计划，组织开展中国-东盟海洋（微）塑料垃圾青年论坛及志愿者活动等，提升公众海洋生态环境保护意识'
  WHERE entity = 'plan' AND entity_id = '2.3.2' AND field = 'title' AND based_on = '联合开展中国与东盟国家海洋陆源污染控制及沿海城市减塑行动, 实施沿海城市清洁海洋行动计划, 组织发起社区减塑与垃圾拾拾者行动, 设计推动中国 - 东盟海洋减塑青年领导力计划, 组织开展中国 - 东盟海洋 (微) 塑料垃圾青年论坛及志愿者活动等, 提升公众海洋生态环境保护意识';
UPDATE plan_items SET title_zh = '设计推动中国-东盟应对气候变化青年领导力计划，在中国-东盟低碳学校与气候社区框架下组织对话与活动'
  WHERE code = '3.1.2' AND title_zh = '设计推动中国 - 东盟应对气候变化青年领导力计划, 在中国 - 东盟低碳学校与气候社区框架下组织对话与活动';
UPDATE translation_states SET based_on = '设计推动中国-东盟应对气候变化青年领导力计划，在中国-东盟低碳学校与气候社区框架下组织对话与活动'
  WHERE entity = 'plan' AND entity_id = '3.1.2' AND field = 'title' AND based_on = '设计推动中国 - 东盟应对气候变化青年领导力计划, 在中国 - 东盟低碳学校与气候社区框架下组织对话与活动';
UPDATE plan_items SET title_zh = '开展空气污染治理政策、空气质量改善最佳实践交流，分享大气污染物排放监测方法与技术等'
  WHERE code = '3.1.3' AND title_zh = '开展空气污染治理政策、空气质量改善最佳实践交流, 分享大气污染物排放监测方法与技术等';
UPDATE translation_states SET based_on = '开展空气污染治理政策、空气质量改善最佳实践交流，分享大气污染物排放监测方法与技术等'
  WHERE entity = 'plan' AND entity_id = '3.1.3' AND field = 'title' AND based_on = '开展空气污染治理政策、空气质量改善最佳实践交流, 分享大气污染物排放监测方法与技术等';
UPDATE plan_items SET title_zh = '联合东盟生物多样性中心，开发并实施中国-东盟生物多样性与生态保护合作项目'
  WHERE code = '4.1.1' AND title_zh = '联合东盟生物多样性中心, 开发并实施中国 - 东盟生物多样性与生态保护合作项目';
UPDATE translation_states SET based_on = '联合东盟生物多样性中心，开发并实施中国-东盟生物多样性与生态保护合作项目'
  WHERE entity = 'plan' AND entity_id = '4.1.1' AND field = 'title' AND based_on = '联合东盟生物多样性中心, 开发并实施中国 - 东盟生物多样性与生态保护合作项目';
UPDATE plan_items SET title_zh = '围绕遗传资源获取与惠益分享、滨海湿地生态保护和管、泥炭地保护、城市生物多样性保护、生态系统和生物多样性的经济价值等专题领域，开展政策对话及相关能力建设活动'
  WHERE code = '4.2.1' AND title_zh = '围绕遗传资源获取与惠益分享、滨海湿地生态保护和管、泥炭地保护、城市生物多样性保护、生态系统和生物多样性的经济价值等专题领域, 开展政策对话及相关能力建设活动';
UPDATE translation_states SET based_on = '围绕遗传资源获取与惠益分享、滨海湿地生态保护和管、泥炭地保护、城市生物多样性保护、生态系统和生物多样性的经济价值等专题领域，开展政策对话及相关能力建设活动'
  WHERE entity = 'plan' AND entity_id = '4.2.1' AND field = 'title' AND based_on = '围绕遗传资源获取与惠益分享、滨海湿地生态保护和管、泥炭地保护、城市生物多样性保护、生态系统和生物多样性的经济价值等专题领域, 开展政策对话及相关能力建设活动';
UPDATE plan_items SET title_zh = '通过双方商定的能力建设活动和联合研究，履行生物多样性公约，特别是为生物多样性公约第 15 次缔约方大会将通过的 2020 年后全球生物多样性框架做出贡献'
  WHERE code = '4.2.2' AND title_zh = '通过双方商定的能力建设活动和联合研究, 履行生物多样性公约, 特别是为生物多样性公约第 15 次缔约方大会将通过的 2020 年后全球生物多样性框架做出贡献';
UPDATE translation_states SET based_on = '通过双方商定的能力建设活动和联合研究，履行生物多样性公约，特别是为生物多样性公约第 15 次缔约方大会将通过的 2020 年后全球生物多样性框架做出贡献'
  WHERE entity = 'plan' AND entity_id = '4.2.2' AND field = 'title' AND based_on = '通过双方商定的能力建设活动和联合研究, 履行生物多样性公约, 特别是为生物多样性公约第 15 次缔约方大会将通过的 2020 年后全球生物多样性框架做出贡献';
