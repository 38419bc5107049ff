/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <stdarg.h>

#include "liaison-document-text.h"

typedef struct
{
  const char *en;
  const char *zh;
} Pair;

/* In the order of each enum (liaison-types.h). */
static const Pair event_kinds[] = {
  { "Liaison officers' meeting", "联络员会议" },
  { "Forum", "论坛" },
  { "Ministerial dialogue", "部长级对话" },
  { "Workshop", "工作坊" },
  { "Training course", "研修班" },
  { "Seminar", "研讨会" },
  { "Roundtable", "圆桌会议" },
  { "Youth forum", "青年论坛" },
  { "Capacity building", "能力建设" },
  { "Field visit", "考察调研" },
  { "Exhibition", "展览" },
  { "Working group", "工作组会议" },
  { "Other", "其他" },
};

static const Pair event_statuses[] = {
  { "Planned", "计划中" },
  { "Confirmed", "已确认" },
  { "Held", "已举办" },
  { "Postponed", "已推迟" },
  { "Cancelled", "已取消" },
};

static const Pair event_modes[] = {
  { "In person", "线下" },
  { "Online", "线上" },
  { "Hybrid", "线上线下结合" },
};

static const Pair funding[] = {
  { "China-ASEAN Cooperation Fund", "中国-东盟合作基金" },
  { "Other funds of the Chinese government", "中国政府提供的其他基金" },
  { "Contributions of China and ASEAN member states", "中国和东盟成员国自愿提供的现金和实物资助" },
  { "International partners or third parties", "国际伙伴或第三方捐助资金" },
  { "Private sector", "私营部门提供的资金" },
  { "Other", "其他" },
};

static const Pair roles[] = {
  { "Delegate", "代表" },
  { "Speaker", "发言人" },
  { "Moderator", "主持人" },
  { "Organiser", "组织方" },
  { "Interpreter", "口译员" },
  { "Observer", "观察员" },
  { "VIP", "贵宾" },
  { "Staff", "工作人员" },
  { "Mentor", "导师" },
};

static const Pair registration_statuses[] = {
  { "Invited", "已邀请" },
  { "Registered", "已报名" },
  { "Waitlisted", "候补" },
  { "Confirmed", "已确认" },
  { "Attended", "已出席" },
  { "No-show", "未出席" },
  { "Declined", "已谢绝" },
  { "Cancelled", "已取消" },
  { "Nominated", "已提名" },
};

static const Pair sectors[] = {
  { "Government", "政府" },
  { "Academia", "学术界" },
  { "Youth", "青年" },
  { "NGO", "非政府组织" },
  { "International organisation", "国际组织" },
  { "Private sector", "私营部门" },
  { "Media", "媒体" },
  { "Other", "其他" },
};

static const Pair genders[] = {
  { "Not specified", "未说明" },
  { "Female", "女" },
  { "Male", "男" },
  { "Other", "其他" },
};

static const Pair name_orders[] = {
  { "Family name first", "姓在前" },
  { "Given name first", "名在前" },
  { "One name only", "只有一个名字" },
};

static const Pair texts[LIAISON_N_DOCUMENT_TEXTS] = {
  [LIAISON_DOCUMENT_SIGNIN_TITLE] = { "Sign-in sheet", "签到表" },
  [LIAISON_DOCUMENT_NUMBER] = { "No.", "序号" },
  [LIAISON_DOCUMENT_NAME] = { "Name", "姓名" },
  [LIAISON_DOCUMENT_LATIN_NAME] = { "Name in Latin script", "拉丁字母书写的姓名" },
  [LIAISON_DOCUMENT_ORGANISATION] = { "Organisation", "所在机构" },
  [LIAISON_DOCUMENT_COUNTRY] = { "Country", "国家" },
  [LIAISON_DOCUMENT_SIGNATURE] = { "Signature", "签名" },
  [LIAISON_DOCUMENT_CERTIFICATE_TITLE] = { "Certificate of Participation", "参会证书" },
  [LIAISON_DOCUMENT_CERTIFICATE_TEXT] = { "This is to certify that %1$s participated in %2$s, held in %4$s on %3$s.",
                                          "兹证明 %1$s 于%3$s在%4$s参加了“%2$s”，特发此证。" },
  [LIAISON_DOCUMENT_CERTIFICATE_TEXT_NO_PLACE] = { "This is to certify that %1$s participated in %2$s, held on %3$s.",
                                                   "兹证明 %1$s 于%3$s参加了“%2$s”，特发此证。" },
  [LIAISON_DOCUMENT_CERTIFICATE_ISSUER] = { "China-ASEAN Environmental Cooperation Center", "中国-东盟环境保护合作中心" },
  [LIAISON_DOCUMENT_PAGE_OF] = { "Page %1$u of %2$u", "第 %1$u 页，共 %2$u 页" },
  [LIAISON_DOCUMENT_PEOPLE] = { "Participants: %u", "参会人数：%u" },
  [LIAISON_DOCUMENT_INVITATION_SUBJECT] = { "Invitation: %s", "邀请：%s" },
  [LIAISON_DOCUMENT_INVITATION_BODY] = { "Dear %1$s,\n\nYou are invited to %2$s (%3$s, %4$s). The invitation is attached: please accept or decline it in your calendar, and your answer comes back to the organisers.",
                                         "尊敬的 %1$s：\n\n诚邀您参加“%2$s”（%3$s，%4$s）。邀请已附上，请在日历中接受或谢绝，您的答复会发回组织方。" },
};

static const Pair *
enum_table (GType  enum_type,
            guint *n)
{
#define TABLE(t)           \
  {                        \
    *n = G_N_ELEMENTS (t); \
    return t;              \
  }
  if (enum_type == LIAISON_TYPE_EVENT_KIND)
    TABLE (event_kinds);
  if (enum_type == LIAISON_TYPE_EVENT_STATUS)
    TABLE (event_statuses);
  if (enum_type == LIAISON_TYPE_EVENT_MODE)
    TABLE (event_modes);
  if (enum_type == LIAISON_TYPE_FUNDING_SOURCE)
    TABLE (funding);
  if (enum_type == LIAISON_TYPE_ROLE)
    TABLE (roles);
  if (enum_type == LIAISON_TYPE_REGISTRATION_STATUS)
    TABLE (registration_statuses);
  if (enum_type == LIAISON_TYPE_SECTOR)
    TABLE (sectors);
  if (enum_type == LIAISON_TYPE_GENDER)
    TABLE (genders);
  if (enum_type == LIAISON_TYPE_NAME_ORDER)
    TABLE (name_orders);
#undef TABLE
  *n = 0;
  return NULL;
}

const char *
liaison_document_enum_label (GType           enum_type,
                             int             value,
                             LiaisonLanguage language)
{
  guint       n;
  const Pair *table = enum_table (enum_type, &n);

  if (table == NULL || value < 0 || (guint) value >= n)
    return "";
  return language == LIAISON_LANGUAGE_ZH ? table[value].zh : table[value].en;
}

/* A value as an export wrote it, in either language, or as its nick. */
gboolean
liaison_document_enum_parse (GType       enum_type,
                             const char *text,
                             int        *value)
{
  guint            n;
  const Pair      *table = enum_table (enum_type, &n);
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  if (liaison_enum_from_nick (enum_type, text, value))
    return TRUE;
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *en = g_utf8_casefold (table[i].en, -1);

      if (g_str_equal (folded, en) || g_str_equal (text, table[i].zh))
        {
          *value = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
liaison_document_text (LiaisonDocumentText text,
                       LiaisonLanguage     language)
{
  g_return_val_if_fail (text < LIAISON_N_DOCUMENT_TEXTS, "");

  return language == LIAISON_LANGUAGE_ZH ? texts[text].zh : texts[text].en;
}

char *
liaison_document_printf (LiaisonDocumentText text,
                         LiaisonLanguage     language,
                         ...)
{
  va_list args;
  char   *result;

  va_start (args, language);
  result = g_strdup_vprintf (liaison_document_text (text, language), args);
  va_end (args);
  return result;
}
