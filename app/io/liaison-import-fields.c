/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "liaison-import-fields.h"

/* The columns of a roster and the words in its cells, as the offices of
 * the eleven countries write them, in Chinese or English. Headers and
 * values are compared folded: lower case, without spaces and punctuation
 * ("E-mail Address" = "emailaddress", "单位（中文）" = "单位中文"). */

typedef struct
{
  const char *nick;
  const char *context_label; /* NC_ ("import field", …) */
} FieldInfo;

static const FieldInfo fields[LIAISON_IMPORT_N_FIELDS] = {
  [LIAISON_IMPORT_FIELD_IGNORE] = { "ignore", NC_ ("import field", "Do not import") },
  [LIAISON_IMPORT_FIELD_NAME] = { "name", NC_ ("import field", "Name") },
  [LIAISON_IMPORT_FIELD_FAMILY_NAME] = { "family-name", NC_ ("import field", "Family name") },
  [LIAISON_IMPORT_FIELD_GIVEN_NAME] = { "given-name", NC_ ("import field", "Given name") },
  [LIAISON_IMPORT_FIELD_NATIVE_NAME] = { "native-name", NC_ ("import field", "Name in own script") },
  [LIAISON_IMPORT_FIELD_LATIN_NAME] = { "latin-name", NC_ ("import field", "Name in Latin script") },
  [LIAISON_IMPORT_FIELD_LATIN_FAMILY_NAME] = { "latin-family-name", NC_ ("import field", "Family name in Latin script") },
  [LIAISON_IMPORT_FIELD_LATIN_GIVEN_NAME] = { "latin-given-name", NC_ ("import field", "Given name in Latin script") },
  [LIAISON_IMPORT_FIELD_NAME_ORDER] = { "name-order", NC_ ("import field", "Name order") },
  [LIAISON_IMPORT_FIELD_HONORIFIC] = { "honorific", NC_ ("import field", "Honorific") },
  [LIAISON_IMPORT_FIELD_GENDER] = { "gender", NC_ ("import field", "Gender") },
  [LIAISON_IMPORT_FIELD_ORGANISATION] = { "organisation", NC_ ("import field", "Organisation") },
  [LIAISON_IMPORT_FIELD_ORGANISATION_ZH] = { "organisation-zh", NC_ ("import field", "Organisation in Chinese") },
  [LIAISON_IMPORT_FIELD_ORGANISATION_EN] = { "organisation-en", NC_ ("import field", "Organisation in English") },
  [LIAISON_IMPORT_FIELD_POSITION] = { "position", NC_ ("import field", "Position") },
  [LIAISON_IMPORT_FIELD_POSITION_ZH] = { "position-zh", NC_ ("import field", "Position in Chinese") },
  [LIAISON_IMPORT_FIELD_POSITION_EN] = { "position-en", NC_ ("import field", "Position in English") },
  [LIAISON_IMPORT_FIELD_SECTOR] = { "sector", NC_ ("import field", "Sector") },
  [LIAISON_IMPORT_FIELD_COUNTRY] = { "country", NC_ ("import field", "Country") },
  [LIAISON_IMPORT_FIELD_EMAIL] = { "email", NC_ ("import field", "E-mail") },
  [LIAISON_IMPORT_FIELD_PHONE] = { "phone", NC_ ("import field", "Telephone") },
  [LIAISON_IMPORT_FIELD_LANGUAGES] = { "languages", NC_ ("import field", "Languages") },
  [LIAISON_IMPORT_FIELD_CONSENT] = { "consent", NC_ ("import field", "Consent to data processing") },
  [LIAISON_IMPORT_FIELD_ROLE] = { "role", NC_ ("import field", "Role at the event") },
  [LIAISON_IMPORT_FIELD_STATUS] = { "status", NC_ ("import field", "Registration status") },
  [LIAISON_IMPORT_FIELD_DELEGATION] = { "delegation", NC_ ("import field", "Delegation") },
  [LIAISON_IMPORT_FIELD_NOTES] = { "notes", NC_ ("import field", "Notes") },
};

typedef struct
{
  const char        *folded;
  LiaisonImportField field;
} Header;

/* Headers seen on rosters, folded. */
static const Header headers[] = {
  { "name", LIAISON_IMPORT_FIELD_NAME },
  { "fullname", LIAISON_IMPORT_FIELD_NAME },
  { "participant", LIAISON_IMPORT_FIELD_NAME },
  { "participantname", LIAISON_IMPORT_FIELD_NAME },
  { "姓名", LIAISON_IMPORT_FIELD_NAME },
  { "名字", LIAISON_IMPORT_FIELD_NAME },
  { "参会人", LIAISON_IMPORT_FIELD_NAME },
  { "参会人员", LIAISON_IMPORT_FIELD_NAME },
  { "参会者", LIAISON_IMPORT_FIELD_NAME },
  { "与会者", LIAISON_IMPORT_FIELD_NAME },
  { "代表姓名", LIAISON_IMPORT_FIELD_NAME },
  { "familyname", LIAISON_IMPORT_FIELD_FAMILY_NAME },
  { "surname", LIAISON_IMPORT_FIELD_FAMILY_NAME },
  { "lastname", LIAISON_IMPORT_FIELD_FAMILY_NAME },
  { "姓", LIAISON_IMPORT_FIELD_FAMILY_NAME },
  { "姓氏", LIAISON_IMPORT_FIELD_FAMILY_NAME },
  { "givenname", LIAISON_IMPORT_FIELD_GIVEN_NAME },
  { "firstname", LIAISON_IMPORT_FIELD_GIVEN_NAME },
  { "forename", LIAISON_IMPORT_FIELD_GIVEN_NAME },
  { "名", LIAISON_IMPORT_FIELD_GIVEN_NAME },
  { "chinesename", LIAISON_IMPORT_FIELD_NATIVE_NAME },
  { "nameinchinese", LIAISON_IMPORT_FIELD_NATIVE_NAME },
  { "nativename", LIAISON_IMPORT_FIELD_NATIVE_NAME },
  { "localname", LIAISON_IMPORT_FIELD_NATIVE_NAME },
  { "中文名", LIAISON_IMPORT_FIELD_NATIVE_NAME },
  { "中文姓名", LIAISON_IMPORT_FIELD_NATIVE_NAME },
  { "姓名中文", LIAISON_IMPORT_FIELD_NATIVE_NAME },
  { "englishname", LIAISON_IMPORT_FIELD_LATIN_NAME },
  { "nameinenglish", LIAISON_IMPORT_FIELD_LATIN_NAME },
  { "latinname", LIAISON_IMPORT_FIELD_LATIN_NAME },
  { "passportname", LIAISON_IMPORT_FIELD_LATIN_NAME },
  { "nameaspassport", LIAISON_IMPORT_FIELD_LATIN_NAME },
  { "nameasinpassport", LIAISON_IMPORT_FIELD_LATIN_NAME },
  { "pinyin", LIAISON_IMPORT_FIELD_LATIN_NAME },
  { "拼音", LIAISON_IMPORT_FIELD_LATIN_NAME },
  { "姓名拼音", LIAISON_IMPORT_FIELD_LATIN_NAME },
  { "英文名", LIAISON_IMPORT_FIELD_LATIN_NAME },
  { "英文姓名", LIAISON_IMPORT_FIELD_LATIN_NAME },
  { "姓名英文", LIAISON_IMPORT_FIELD_LATIN_NAME },
  { "护照姓名", LIAISON_IMPORT_FIELD_LATIN_NAME },
  /* Liaison's own export writes the parts in Latin script beside the
   * person's own; its "Family name" is then the own script's, whatever
   * the script (Nguyễn). */
  { "familynamelatin", LIAISON_IMPORT_FIELD_LATIN_FAMILY_NAME },
  { "surnamelatin", LIAISON_IMPORT_FIELD_LATIN_FAMILY_NAME },
  { "familynameinlatinscript", LIAISON_IMPORT_FIELD_LATIN_FAMILY_NAME },
  { "姓拉丁字母", LIAISON_IMPORT_FIELD_LATIN_FAMILY_NAME },
  { "姓拼音", LIAISON_IMPORT_FIELD_LATIN_FAMILY_NAME },
  { "givennamelatin", LIAISON_IMPORT_FIELD_LATIN_GIVEN_NAME },
  { "givennameinlatinscript", LIAISON_IMPORT_FIELD_LATIN_GIVEN_NAME },
  { "名拉丁字母", LIAISON_IMPORT_FIELD_LATIN_GIVEN_NAME },
  { "名拼音", LIAISON_IMPORT_FIELD_LATIN_GIVEN_NAME },
  { "nameorder", LIAISON_IMPORT_FIELD_NAME_ORDER },
  { "姓名顺序", LIAISON_IMPORT_FIELD_NAME_ORDER },
  { "title", LIAISON_IMPORT_FIELD_HONORIFIC },
  { "honorific", LIAISON_IMPORT_FIELD_HONORIFIC },
  { "salutation", LIAISON_IMPORT_FIELD_HONORIFIC },
  { "prefix", LIAISON_IMPORT_FIELD_HONORIFIC },
  { "称谓", LIAISON_IMPORT_FIELD_HONORIFIC },
  { "称呼", LIAISON_IMPORT_FIELD_HONORIFIC },
  { "尊称", LIAISON_IMPORT_FIELD_HONORIFIC },
  { "gender", LIAISON_IMPORT_FIELD_GENDER },
  { "sex", LIAISON_IMPORT_FIELD_GENDER },
  { "性别", LIAISON_IMPORT_FIELD_GENDER },
  { "organisation", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "organization", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "institution", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "affiliation", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "agency", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "ministry", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "company", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "单位", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "工作单位", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "所在单位", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "单位名称", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "机构", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "组织", LIAISON_IMPORT_FIELD_ORGANISATION },
  { "organisationchinese", LIAISON_IMPORT_FIELD_ORGANISATION_ZH },
  { "所在机构中文", LIAISON_IMPORT_FIELD_ORGANISATION_ZH },
  { "organizationchinese", LIAISON_IMPORT_FIELD_ORGANISATION_ZH },
  { "organisationzh", LIAISON_IMPORT_FIELD_ORGANISATION_ZH },
  { "单位中文", LIAISON_IMPORT_FIELD_ORGANISATION_ZH },
  { "中文单位", LIAISON_IMPORT_FIELD_ORGANISATION_ZH },
  { "organisationenglish", LIAISON_IMPORT_FIELD_ORGANISATION_EN },
  { "所在机构英文", LIAISON_IMPORT_FIELD_ORGANISATION_EN },
  { "organizationenglish", LIAISON_IMPORT_FIELD_ORGANISATION_EN },
  { "organisationen", LIAISON_IMPORT_FIELD_ORGANISATION_EN },
  { "单位英文", LIAISON_IMPORT_FIELD_ORGANISATION_EN },
  { "英文单位", LIAISON_IMPORT_FIELD_ORGANISATION_EN },
  { "position", LIAISON_IMPORT_FIELD_POSITION },
  { "jobtitle", LIAISON_IMPORT_FIELD_POSITION },
  { "designation", LIAISON_IMPORT_FIELD_POSITION },
  { "post", LIAISON_IMPORT_FIELD_POSITION },
  { "职务", LIAISON_IMPORT_FIELD_POSITION },
  { "职位", LIAISON_IMPORT_FIELD_POSITION },
  { "职称", LIAISON_IMPORT_FIELD_POSITION },
  { "positionchinese", LIAISON_IMPORT_FIELD_POSITION_ZH },
  { "职务中文", LIAISON_IMPORT_FIELD_POSITION_ZH },
  { "positionenglish", LIAISON_IMPORT_FIELD_POSITION_EN },
  { "职务英文", LIAISON_IMPORT_FIELD_POSITION_EN },
  { "sector", LIAISON_IMPORT_FIELD_SECTOR },
  { "领域", LIAISON_IMPORT_FIELD_SECTOR },
  { "所属领域", LIAISON_IMPORT_FIELD_SECTOR },
  { "类别", LIAISON_IMPORT_FIELD_SECTOR },
  { "country", LIAISON_IMPORT_FIELD_COUNTRY },
  { "countryregion", LIAISON_IMPORT_FIELD_COUNTRY },
  { "countrycode", LIAISON_IMPORT_FIELD_COUNTRY },
  { "国家代码", LIAISON_IMPORT_FIELD_COUNTRY },
  { "nationality", LIAISON_IMPORT_FIELD_COUNTRY },
  { "国家", LIAISON_IMPORT_FIELD_COUNTRY },
  { "国家地区", LIAISON_IMPORT_FIELD_COUNTRY },
  { "国籍", LIAISON_IMPORT_FIELD_COUNTRY },
  { "国别", LIAISON_IMPORT_FIELD_COUNTRY },
  { "email", LIAISON_IMPORT_FIELD_EMAIL },
  { "emailaddress", LIAISON_IMPORT_FIELD_EMAIL },
  { "mail", LIAISON_IMPORT_FIELD_EMAIL },
  { "电子邮件", LIAISON_IMPORT_FIELD_EMAIL },
  { "电子邮箱", LIAISON_IMPORT_FIELD_EMAIL },
  { "邮箱", LIAISON_IMPORT_FIELD_EMAIL },
  { "电邮", LIAISON_IMPORT_FIELD_EMAIL },
  { "phone", LIAISON_IMPORT_FIELD_PHONE },
  { "telephone", LIAISON_IMPORT_FIELD_PHONE },
  { "tel", LIAISON_IMPORT_FIELD_PHONE },
  { "mobile", LIAISON_IMPORT_FIELD_PHONE },
  { "mobilephone", LIAISON_IMPORT_FIELD_PHONE },
  { "phonenumber", LIAISON_IMPORT_FIELD_PHONE },
  { "电话", LIAISON_IMPORT_FIELD_PHONE },
  { "手机", LIAISON_IMPORT_FIELD_PHONE },
  { "手机号", LIAISON_IMPORT_FIELD_PHONE },
  { "手机号码", LIAISON_IMPORT_FIELD_PHONE },
  { "联系电话", LIAISON_IMPORT_FIELD_PHONE },
  { "电话号码", LIAISON_IMPORT_FIELD_PHONE },
  { "language", LIAISON_IMPORT_FIELD_LANGUAGES },
  { "languages", LIAISON_IMPORT_FIELD_LANGUAGES },
  { "语言", LIAISON_IMPORT_FIELD_LANGUAGES },
  { "工作语言", LIAISON_IMPORT_FIELD_LANGUAGES },
  { "consent", LIAISON_IMPORT_FIELD_CONSENT },
  { "consentdate", LIAISON_IMPORT_FIELD_CONSENT },
  { "consenttodataprocessing", LIAISON_IMPORT_FIELD_CONSENT },
  { "同意数据处理", LIAISON_IMPORT_FIELD_CONSENT },
  { "同意", LIAISON_IMPORT_FIELD_CONSENT },
  { "同意日期", LIAISON_IMPORT_FIELD_CONSENT },
  { "role", LIAISON_IMPORT_FIELD_ROLE },
  { "角色", LIAISON_IMPORT_FIELD_ROLE },
  { "身份", LIAISON_IMPORT_FIELD_ROLE },
  { "status", LIAISON_IMPORT_FIELD_STATUS },
  { "registrationstatus", LIAISON_IMPORT_FIELD_STATUS },
  { "状态", LIAISON_IMPORT_FIELD_STATUS },
  { "报名状态", LIAISON_IMPORT_FIELD_STATUS },
  { "delegation", LIAISON_IMPORT_FIELD_DELEGATION },
  { "代表团", LIAISON_IMPORT_FIELD_DELEGATION },
  { "notes", LIAISON_IMPORT_FIELD_NOTES },
  { "note", LIAISON_IMPORT_FIELD_NOTES },
  { "remarks", LIAISON_IMPORT_FIELD_NOTES },
  { "comments", LIAISON_IMPORT_FIELD_NOTES },
  { "备注", LIAISON_IMPORT_FIELD_NOTES },
  { "说明", LIAISON_IMPORT_FIELD_NOTES },
};

/* Lower case, and only letters and digits: "E-mail (work)" → "emailwork". */
static char *
fold_word (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString         *s = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

const char *
liaison_import_field_nick (LiaisonImportField field)
{
  g_return_val_if_fail (field < LIAISON_IMPORT_N_FIELDS, NULL);
  return fields[field].nick;
}

gboolean
liaison_import_field_from_nick (const char         *nick,
                                LiaisonImportField *field)
{
  for (guint i = 0; i < LIAISON_IMPORT_N_FIELDS; i++)
    if (g_strcmp0 (nick, fields[i].nick) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

const char *
liaison_import_field_label (LiaisonImportField field)
{
  g_return_val_if_fail (field < LIAISON_IMPORT_N_FIELDS, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "import field", fields[field].context_label);
}

gboolean
liaison_import_field_is_registration (LiaisonImportField field)
{
  return field == LIAISON_IMPORT_FIELD_ROLE || field == LIAISON_IMPORT_FIELD_STATUS ||
         field == LIAISON_IMPORT_FIELD_DELEGATION || field == LIAISON_IMPORT_FIELD_NOTES;
}

/* Two columns of e-mails (work, private) both count. */
gboolean
liaison_import_field_takes_several (LiaisonImportField field)
{
  return field == LIAISON_IMPORT_FIELD_EMAIL || field == LIAISON_IMPORT_FIELD_PHONE ||
         field == LIAISON_IMPORT_FIELD_LANGUAGES || field == LIAISON_IMPORT_FIELD_NOTES ||
         field == LIAISON_IMPORT_FIELD_CONSENT; /* "Consent" beside "Consent date" */
}

LiaisonImportField
liaison_import_field_for_header (const char *header)
{
  g_autofree char *folded = NULL;

  if (header == NULL)
    return LIAISON_IMPORT_FIELD_IGNORE;
  folded = fold_word (header);
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    if (g_str_equal (folded, headers[i].folded))
      return headers[i].field;
  /* Our own nicks, as the CLI and an export write them. */
  for (guint i = 1; i < LIAISON_IMPORT_N_FIELDS; i++)
    {
      g_autofree char *nick = fold_word (fields[i].nick);

      if (g_str_equal (folded, nick))
        return i;
    }
  return LIAISON_IMPORT_FIELD_IGNORE;
}

/* ------------------------------------------------------------------------ */
/* Values                                                                    */

typedef struct
{
  const char *word; /* folded */
  int         value;
} Word;

static gboolean
lookup_word (const Word *words,
             guint       n,
             const char *text,
             int        *value)
{
  g_autofree char *folded = fold_word (text);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (folded, words[i].word))
      {
        *value = words[i].value;
        return TRUE;
      }
  return FALSE;
}

/* A value by its nick, its label in the interface's language, or a word
 * of either language. */
static gboolean
parse_enum (GType       type,
            const char *text,
            const char *(*label) (int),
            const Word *words,
            guint       n_words,
            int        *value)
{
  g_autofree char *folded = fold_word (text);
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    {
      g_autofree char *nick = fold_word (klass->values[i].value_nick);
      g_autofree char *shown = fold_word (label (klass->values[i].value));

      if (g_str_equal (folded, nick) || g_str_equal (folded, shown))
        {
          *value = klass->values[i].value;
          return TRUE;
        }
    }
  return lookup_word (words, n_words, text, value);
}

static const char *
gender_label (int v)
{
  return liaison_gender_label (v);
}

static const char *
sector_label (int v)
{
  return liaison_sector_label (v);
}

static const char *
role_label (int v)
{
  return liaison_role_label (v);
}

static const char *
status_label (int v)
{
  return liaison_registration_status_label (v);
}

gboolean
liaison_import_parse_gender (const char    *text,
                             LiaisonGender *gender)
{
  static const Word words[] = {
    { "m", LIAISON_GENDER_MALE },
    { "man", LIAISON_GENDER_MALE },
    { "男", LIAISON_GENDER_MALE },
    { "男性", LIAISON_GENDER_MALE },
    { "nam", LIAISON_GENDER_MALE },
    { "ชาย", LIAISON_GENDER_MALE },
    { "f", LIAISON_GENDER_FEMALE },
    { "w", LIAISON_GENDER_FEMALE },
    { "woman", LIAISON_GENDER_FEMALE },
    { "女", LIAISON_GENDER_FEMALE },
    { "女性", LIAISON_GENDER_FEMALE },
    { "nữ", LIAISON_GENDER_FEMALE },
    { "nu", LIAISON_GENDER_FEMALE },
    { "หญิง", LIAISON_GENDER_FEMALE },
    { "其他", LIAISON_GENDER_OTHER },
    { "x", LIAISON_GENDER_OTHER },
    { "", LIAISON_GENDER_UNSPECIFIED },
    { "na", LIAISON_GENDER_UNSPECIFIED },
    { "不详", LIAISON_GENDER_UNSPECIFIED },
    { "prefernottosay", LIAISON_GENDER_UNSPECIFIED },
  };
  int value;

  if (!parse_enum (LIAISON_TYPE_GENDER, text, gender_label, words, G_N_ELEMENTS (words), &value))
    return FALSE;
  *gender = value;
  return TRUE;
}

gboolean
liaison_import_parse_sector (const char    *text,
                             LiaisonSector *sector)
{
  static const Word words[] = {
    { "政府", LIAISON_SECTOR_GOVERNMENT },
    { "政府部门", LIAISON_SECTOR_GOVERNMENT },
    { "public", LIAISON_SECTOR_GOVERNMENT },
    { "学术", LIAISON_SECTOR_ACADEMIA },
    { "学术界", LIAISON_SECTOR_ACADEMIA },
    { "高校", LIAISON_SECTOR_ACADEMIA },
    { "科研", LIAISON_SECTOR_ACADEMIA },
    { "university", LIAISON_SECTOR_ACADEMIA },
    { "research", LIAISON_SECTOR_ACADEMIA },
    { "青年", LIAISON_SECTOR_YOUTH },
    { "非政府组织", LIAISON_SECTOR_NGO },
    { "社会组织", LIAISON_SECTOR_NGO },
    { "civilsociety", LIAISON_SECTOR_NGO },
    { "国际组织", LIAISON_SECTOR_INTERNATIONAL_ORGANISATION },
    { "internationalorganization", LIAISON_SECTOR_INTERNATIONAL_ORGANISATION },
    { "io", LIAISON_SECTOR_INTERNATIONAL_ORGANISATION },
    { "企业", LIAISON_SECTOR_PRIVATE_SECTOR },
    { "私营部门", LIAISON_SECTOR_PRIVATE_SECTOR },
    { "business", LIAISON_SECTOR_PRIVATE_SECTOR },
    { "媒体", LIAISON_SECTOR_MEDIA },
    { "press", LIAISON_SECTOR_MEDIA },
    { "其他", LIAISON_SECTOR_OTHER },
  };
  int value;

  if (!parse_enum (LIAISON_TYPE_SECTOR, text, sector_label, words, G_N_ELEMENTS (words), &value))
    return FALSE;
  *sector = value;
  return TRUE;
}

gboolean
liaison_import_parse_role (const char  *text,
                           LiaisonRole *role)
{
  static const Word words[] = {
    { "代表", LIAISON_ROLE_DELEGATE },
    { "参会代表", LIAISON_ROLE_DELEGATE },
    { "participant", LIAISON_ROLE_DELEGATE },
    { "发言人", LIAISON_ROLE_SPEAKER },
    { "发言嘉宾", LIAISON_ROLE_SPEAKER },
    { "演讲嘉宾", LIAISON_ROLE_SPEAKER },
    { "主持人", LIAISON_ROLE_MODERATOR },
    { "chair", LIAISON_ROLE_MODERATOR },
    { "组织者", LIAISON_ROLE_ORGANISER },
    { "主办方", LIAISON_ROLE_ORGANISER },
    { "organizer", LIAISON_ROLE_ORGANISER },
    { "口译", LIAISON_ROLE_INTERPRETER },
    { "翻译", LIAISON_ROLE_INTERPRETER },
    { "观察员", LIAISON_ROLE_OBSERVER },
    { "贵宾", LIAISON_ROLE_VIP },
    { "工作人员", LIAISON_ROLE_STAFF },
  };
  int value;

  if (!parse_enum (LIAISON_TYPE_ROLE, text, role_label, words, G_N_ELEMENTS (words), &value))
    return FALSE;
  *role = value;
  return TRUE;
}

gboolean
liaison_import_parse_status (const char                *text,
                             LiaisonRegistrationStatus *status)
{
  static const Word words[] = {
    { "已邀请", LIAISON_REGISTRATION_INVITED },
    { "邀请", LIAISON_REGISTRATION_INVITED },
    { "已报名", LIAISON_REGISTRATION_REGISTERED },
    { "已注册", LIAISON_REGISTRATION_REGISTERED },
    { "报名", LIAISON_REGISTRATION_REGISTERED },
    { "候补", LIAISON_REGISTRATION_WAITLISTED },
    { "waitinglist", LIAISON_REGISTRATION_WAITLISTED },
    { "已确认", LIAISON_REGISTRATION_CONFIRMED },
    { "确认", LIAISON_REGISTRATION_CONFIRMED },
    { "accepted", LIAISON_REGISTRATION_CONFIRMED },
    { "已出席", LIAISON_REGISTRATION_ATTENDED },
    { "出席", LIAISON_REGISTRATION_ATTENDED },
    { "缺席", LIAISON_REGISTRATION_NO_SHOW },
    { "noshow", LIAISON_REGISTRATION_NO_SHOW },
    { "已谢绝", LIAISON_REGISTRATION_DECLINED },
    { "谢绝", LIAISON_REGISTRATION_DECLINED },
    { "拒绝", LIAISON_REGISTRATION_DECLINED },
    { "已取消", LIAISON_REGISTRATION_CANCELLED },
    { "取消", LIAISON_REGISTRATION_CANCELLED },
  };
  int value;

  if (!parse_enum (LIAISON_TYPE_REGISTRATION_STATUS, text, status_label, words, G_N_ELEMENTS (words), &value))
    return FALSE;
  *status = value;
  return TRUE;
}

gboolean
liaison_import_parse_name_order (const char       *text,
                                 LiaisonNameOrder *order)
{
  static const Word words[] = {
    { "familyfirst", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "surnamefirst", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "姓在前", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "givenfirst", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "firstnamefirst", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "名在前", LIAISON_NAME_ORDER_GIVEN_FIRST },
    /* The participant view's words, as Liaison's own export writes them. */
    { "familynamefirst", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "givennamefirst", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "onenameonly", LIAISON_NAME_ORDER_MONONYM },
    { "mononym", LIAISON_NAME_ORDER_MONONYM },
    { "singlename", LIAISON_NAME_ORDER_MONONYM },
    { "只有一个名字", LIAISON_NAME_ORDER_MONONYM },
  };
  int value;

  if (!lookup_word (words, G_N_ELEMENTS (words), text, &value) && !liaison_enum_from_nick (LIAISON_TYPE_NAME_ORDER, text, &value))
    return FALSE;
  *order = value;
  return TRUE;
}

/* Country names as rosters write them that the country table lacks:
 * official long forms, ISO 3166 alpha-3, old names. */
static const char *const country_aliases[][2] = {
  { "vietnam", "VN" },
  { "vietnam", "VN" },
  { "socialistrepublicofvietnam", "VN" },
  { "vnm", "VN" },
  { "laopdr", "LA" },
  { "lao", "LA" },
  { "laopeoplesdemocraticrepublic", "LA" },
  { "老挝人民民主共和国", "LA" },
  { "bruneidarussalam", "BN" },
  { "brn", "BN" },
  { "burma", "MM" },
  { "myanmarburma", "MM" },
  { "mmr", "MM" },
  { "prc", "CN" },
  { "prchina", "CN" },
  { "peoplesrepublicofchina", "CN" },
  { "中华人民共和国", "CN" },
  { "chn", "CN" },
  { "tha", "TH" },
  { "kingdomofthailand", "TH" },
  { "khm", "KH" },
  { "kingdomofcambodia", "KH" },
  { "mys", "MY" },
  { "sgp", "SG" },
  { "republicofsingapore", "SG" },
  { "idn", "ID" },
  { "republicofindonesia", "ID" },
  { "phl", "PH" },
  { "republicofthephilippines", "PH" },
  { "thephilippines", "PH" },
  { "越南社会主义共和国", "VN" },
};

/* An ISO 3166 code, or NULL. */
const char *
liaison_import_parse_country (const char *text)
{
  const LiaisonCountry *c;
  g_autofree char      *folded = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  if ((c = liaison_country_find (text)) != NULL)
    return liaison_country_get_code (c);
  folded = fold_word (text);
  for (guint i = 0; i < G_N_ELEMENTS (country_aliases); i++)
    if (g_str_equal (folded, country_aliases[i][0]))
      return country_aliases[i][1];
  return NULL;
}

static gboolean
parse_date (const char *text,
            char      **date)
{
  int  y = 0, m = 0, d = 0;
  char sep1 = 0, sep2 = 0;
  g_autoptr (GDateTime) check = NULL;

  if (sscanf (text, "%4d%c%2d%c%2d", &y, &sep1, &m, &sep2, &d) != 5)
    {
      /* 2025年3月14日 */
      if (sscanf (text, "%4d年%d月%d日", &y, &m, &d) != 3)
        return FALSE;
    }
  else if (!((sep1 == '-' || sep1 == '/' || sep1 == '.') && sep2 == sep1))
    return FALSE;
  check = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (check == NULL || y < 1900)
    return FALSE;
  *date = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return TRUE;
}

gboolean
liaison_import_parse_consent (const char *text,
                              gboolean   *consent,
                              char      **date)
{
  static const Word words[] = {
    { "yes", 1 },
    { "y", 1 },
    { "true", 1 },
    { "1", 1 },
    { "x", 1 },
    { "agree", 1 },
    { "agreed", 1 },
    { "是", 1 },
    { "同意", 1 },
    { "已同意", 1 },
    { "no", 0 },
    { "n", 0 },
    { "false", 0 },
    { "0", 0 },
    { "否", 0 },
    { "不同意", 0 },
    { "", 0 },
  };
  int value;

  *date = NULL;
  if (g_strcmp0 (text, "✓") == 0 || g_strcmp0 (text, "✔") == 0)
    {
      *consent = TRUE;
      return TRUE;
    }
  if (lookup_word (words, G_N_ELEMENTS (words), text, &value))
    {
      *consent = value == 1;
      return TRUE;
    }
  if (parse_date (text, date))
    {
      *consent = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* The same rule as a participant's (one @, something either side, a dot
 * in the domain, no spaces), so a bad address is found with its column. */
gboolean
liaison_import_looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || strchr (at + 1, '.') == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;
  return at[1] != '.' && text[strlen (text) - 1] != '.';
}

/* Several values in one cell: "a@x.org; b@y.org", "+86 10 1234, +65 …".
 * Phone numbers keep their spaces; "/" separates them too. */
char **
liaison_import_split_list (const char *text,
                           gboolean    is_phone)
{
  GPtrArray *items = g_ptr_array_new ();
  GString   *item = g_string_new (NULL);

  for (const char *p = text;; p++)
    {
      gboolean sep = *p == '\0' || *p == ';' || *p == ',' || *p == '\n' || *p == '\r' || *p == 0x7c ||
                     (is_phone ? *p == '/' : (*p == ' ' || *p == '\t'));

      /* "，" and "；" in Chinese text. */
      if (g_str_has_prefix (p, "，") || g_str_has_prefix (p, "；") || g_str_has_prefix (p, "、"))
        {
          sep = TRUE;
          p += 2;
        }
      if (sep)
        {
          g_strstrip (item->str);
          item->len = strlen (item->str);
          if (item->len > 0)
            g_ptr_array_add (items, g_strdup (item->str));
          g_string_truncate (item, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (item, *p);
    }
  g_string_free (item, TRUE);
  g_ptr_array_add (items, NULL);
  return (char **) g_ptr_array_free (items, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Names                                                                     */

gboolean
liaison_import_is_latin (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript s = g_unichar_get_script (g_utf8_get_char (p));

      if (s != G_UNICODE_SCRIPT_LATIN && s != G_UNICODE_SCRIPT_COMMON && s != G_UNICODE_SCRIPT_INHERITED)
        return FALSE;
    }
  return TRUE;
}

static GUnicodeScript
main_script (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript s = g_unichar_get_script (g_utf8_get_char (p));

      if (s != G_UNICODE_SCRIPT_COMMON && s != G_UNICODE_SCRIPT_INHERITED)
        return s;
    }
  return G_UNICODE_SCRIPT_COMMON;
}

/* The order a country's people write their names in, as the participant
 * editor proposes it; the script decides where the country is unknown. */
LiaisonNameOrder
liaison_import_usual_order (const char *country,
                            const char *name)
{
  static const char *const family_first[] = { "CN", "VN", "KH" };
  static const char *const given_first[] = { "TH", "LA", "PH" };
  GUnicodeScript           script = name != NULL ? main_script (name) : G_UNICODE_SCRIPT_LATIN;

  if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_KHMER)
    return LIAISON_NAME_ORDER_FAMILY_FIRST;
  if (script == G_UNICODE_SCRIPT_MYANMAR || g_strcmp0 (country, "MM") == 0)
    return LIAISON_NAME_ORDER_MONONYM;
  if (script == G_UNICODE_SCRIPT_THAI || script == G_UNICODE_SCRIPT_LAO)
    return LIAISON_NAME_ORDER_GIVEN_FIRST;
  for (guint i = 0; country != NULL && i < G_N_ELEMENTS (family_first); i++)
    if (g_str_equal (country, family_first[i]))
      return LIAISON_NAME_ORDER_FAMILY_FIRST;
  for (guint i = 0; country != NULL && i < G_N_ELEMENTS (given_first); i++)
    if (g_str_equal (country, given_first[i]))
      return LIAISON_NAME_ORDER_GIVEN_FIRST;
  return LIAISON_NAME_ORDER_GIVEN_FIRST;
}

/* Two-character Chinese surnames. */
static const char *const compound_surnames[] = {
  "欧阳",
  "司马",
  "诸葛",
  "上官",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "长孙",
  "宇文",
  "司徒",
  "夏侯",
  "轩辕",
  "令狐",
  "端木",
  "澹台",
  "百里",
  "呼延",
  "万俟",
  "南宫",
  "申屠",
  "闻人",
  "西门",
  "独孤",
  "司空",
};

/* Malay and Bruneian names: a patronymic, not a family name. */
static gboolean
is_patronymic (const char *word)
{
  static const char *const words[] = { "bin", "binti", "bt", "bte", "b", "a/l", "a/p", "ibni", "binte" };
  g_autofree char         *lower = g_utf8_strdown (word, -1);

  if (g_str_has_suffix (lower, "."))
    lower[strlen (lower) - 1] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (lower, words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_upper_word (const char *word)
{
  guint letters = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isupper (c))
        letters++;
    }
  return letters >= 2;
}

static char *
join_words (char **words,
            guint  from,
            guint  to)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "", words[i]);
  return s->len > 0 ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}

/* A whole name into family and given name, per the family-name rules:
 * a Han name's surname is its first character (or a known two-character
 * one); "NGUYEN, Van An" and "LI Xia" / "Xia LI" say which part is the
 * family name; Malay patronymics and Myanmar names have none (mononyms);
 * otherwise the country's (or script's) usual order decides. */
void
liaison_import_split_name (const char       *name,
                           const char       *country,
                           char            **family,
                           char            **given,
                           LiaisonNameOrder *order)
{
  g_autofree char *text = g_strstrip (g_strdup (name));
  g_auto (GStrv) words = NULL;
  guint       n, upper = 0, upper_at = 0;
  const char *comma;

  *family = *given = NULL;
  *order = liaison_import_usual_order (country, text);
  if (*text == '\0')
    return;

  if (main_script (text) == G_UNICODE_SCRIPT_HAN && strchr (text, ' ') == NULL && g_utf8_strlen (text, -1) >= 2)
    {
      const char *rest = g_utf8_next_char (text);

      for (guint i = 0; i < G_N_ELEMENTS (compound_surnames); i++)
        if (g_str_has_prefix (text, compound_surnames[i]) && g_utf8_strlen (text, -1) >= 3)
          rest = text + strlen (compound_surnames[i]);
      *family = g_strndup (text, rest - text);
      *given = g_strdup (rest);
      *order = LIAISON_NAME_ORDER_FAMILY_FIRST;
      return;
    }

  if ((comma = strchr (text, ',')) != NULL)
    {
      *family = g_strstrip (g_strndup (text, comma - text));
      *given = g_strstrip (g_strdup (comma + 1));
      if (**given == '\0')
        g_clear_pointer (given, g_free);
      if (**family == '\0')
        g_clear_pointer (family, g_free);
      if (*family != NULL && *given != NULL)
        return;
      g_free (*family);
      g_free (*given);
      *family = *given = NULL;
    }

  words = g_strsplit_set (text, " \t", -1);
  {
    /* Runs of spaces leave empty words. */
    guint j = 0;
    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        words[j++] = words[i];
      else
        g_free (words[i]);
    words[j] = NULL;
  }
  n = g_strv_length (words);

  for (guint i = 0; i < n; i++)
    if (is_patronymic (words[i]))
      *order = LIAISON_NAME_ORDER_MONONYM;
  if (n == 1 || *order == LIAISON_NAME_ORDER_MONONYM)
    {
      *given = g_strdup (text);
      *order = LIAISON_NAME_ORDER_MONONYM;
      return;
    }

  /* A family name in capitals (official lists write them so): first or
   * last, and only one such word where the others are not. */
  for (guint i = 0; i < n; i++)
    if (is_upper_word (words[i]))
      upper++, upper_at = i;
  if (upper == 1 && (upper_at == 0 || upper_at == n - 1))
    {
      *family = g_strdup (words[upper_at]);
      *given = upper_at == 0 ? join_words (words, 1, n) : join_words (words, 0, n - 1);
      *order = upper_at == 0 ? LIAISON_NAME_ORDER_FAMILY_FIRST : LIAISON_NAME_ORDER_GIVEN_FIRST;
      return;
    }

  if (*order == LIAISON_NAME_ORDER_FAMILY_FIRST)
    {
      *family = g_strdup (words[0]);
      *given = join_words (words, 1, n);
    }
  else
    {
      *family = g_strdup (words[n - 1]);
      *given = join_words (words, 0, n - 1);
    }
}
