/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "bench-dataset.h"

/* A realistic crowd: the names, scripts and name orders of China and the ten
 * ASEAN states, with the Latin forms people write themselves. */

typedef struct
{
  const char *native;
  const char *latin;
} Name;

static const Name cn_family[] = {
  { "李", "Li" },
  { "王", "Wang" },
  { "张", "Zhang" },
  { "刘", "Liu" },
  { "陈", "Chen" },
  { "杨", "Yang" },
  { "赵", "Zhao" },
  { "黄", "Huang" },
  { "周", "Zhou" },
  { "吴", "Wu" },
  { "徐", "Xu" },
  { "孙", "Sun" },
  { "胡", "Hu" },
  { "朱", "Zhu" },
  { "高", "Gao" },
  { "林", "Lin" },
  { "何", "He" },
  { "郭", "Guo" },
  { "马", "Ma" },
  { "罗", "Luo" },
  { "梁", "Liang" },
  { "宋", "Song" },
  { "郑", "Zheng" },
  { "谢", "Xie" },
  { "曾", "Zeng" },
  { "单", "Shan" },
  { "欧阳", "Ouyang" },
};
/* Given names as people write them in pinyin: the syllables joined; the
 * same apart, for the queries that type them so, in cn_given_apart. */
static const Name cn_given[] = {
  { "霞", "Xia" },
  { "芳", "Fang" },
  { "伟", "Wei" },
  { "静", "Jing" },
  { "敏", "Min" },
  { "强", "Qiang" },
  { "磊", "Lei" },
  { "洋", "Yang" },
  { "艳", "Yan" },
  { "勇", "Yong" },
  { "军", "Jun" },
  { "杰", "Jie" },
  { "娟", "Juan" },
  { "涛", "Tao" },
  { "明", "Ming" },
  { "超", "Chao" },
  { "秀英", "Xiuying" },
  { "建华", "Jianhua" },
  { "晓东", "Xiaodong" },
  { "海燕", "Haiyan" },
  { "志强", "Zhiqiang" },
  { "丽娜", "Lina" },
  { "国庆", "Guoqing" },
  { "思远", "Siyuan" },
  { "雨桐", "Yutong" },
};
static const char *cn_given_apart[] = {
  "xia",
  "fang",
  "wei",
  "jing",
  "min",
  "qiang",
  "lei",
  "yang",
  "yan",
  "yong",
  "jun",
  "jie",
  "juan",
  "tao",
  "ming",
  "chao",
  "xiu ying",
  "jian hua",
  "xiao dong",
  "hai yan",
  "zhi qiang",
  "li na",
  "guo qing",
  "si yuan",
  "yu tong",
};
G_STATIC_ASSERT (G_N_ELEMENTS (cn_given_apart) == G_N_ELEMENTS (cn_given));
static const char *cn_family_apart[] = {
  "li",
  "wang",
  "zhang",
  "liu",
  "chen",
  "yang",
  "zhao",
  "huang",
  "zhou",
  "wu",
  "xu",
  "sun",
  "hu",
  "zhu",
  "gao",
  "lin",
  "he",
  "guo",
  "ma",
  "luo",
  "liang",
  "song",
  "zheng",
  "xie",
  "zeng",
  "shan",
  "ou yang",
};
static const char *vn_family[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ" };
static const char *vn_given[] = { "Thị Minh Khai", "Văn An", "Thị Lan", "Đức Anh", "Thu Hà", "Quang Huy", "Ngọc Ánh", "Minh Tuấn", "Thanh Hương", "Hoàng Nam" };
static const Name  th_given[] = {
   { "สมชาย", "Somchai" },
   { "สมศรี", "Somsri" },
   { "ประเสริฐ", "Prasert" },
   { "วิไล", "Wilai" },
   { "สุริยา", "Suriya" },
   { "กมล", "Kamon" },
   { "นิภา", "Nipha" },
   { "อนันต์", "Anan" },
};
static const Name th_family[] = {
  { "ใจดี", "Jaidee" },
  { "สุขสวัสดิ์", "Suksawat" },
  { "ศรีสุข", "Srisuk" },
  { "วงศ์ใหญ่", "Wongyai" },
  { "แก้วมณี", "Kaewmanee" },
  { "บุญมา", "Boonma" },
};
static const Name kh_given[] = { { "សុខា", "Sokha" }, { "ដារ៉ា", "Dara" }, { "សុភា", "Sophea" }, { "វណ្ណា", "Vanna" }, { "ចន្ថា", "Chantha" } };
static const Name kh_family[] = { { "ចាន់", "Chan" }, { "សុខ", "Sok" }, { "ហេង", "Heng" }, { "លឹម", "Lim" }, { "គឹម", "Kim" } };
static const Name la_given[] = { { "ສົມພອນ", "Somphone" }, { "ບຸນມີ", "Bounmy" }, { "ຄຳພັນ", "Khamphan" }, { "ແສງ", "Saeng" }, { "ວັນນາ", "Vanna" } };
static const Name la_family[] = { { "ພົມມະຈັນ", "Phommachanh" }, { "ສີສຸວັນ", "Sisouvanh" }, { "ວົງສາ", "Vongsa" }, { "ແກ້ວມະນີ", "Keomany" } };
static const Name mm_names[] = {
  { "အောင်ဆန်းစုကြည်", "Aung San Suu Kyi" },
  { "ကျော်ကျော်", "Kyaw Kyaw" },
  { "မြင့်မြင့်", "Myint Myint" },
  { "သန်းထွန်း", "Than Htun" },
  { "နီလာ", "Nilar" },
  { "ဇော်မင်း", "Zaw Min" },
  { "ခင်မောင်", "Khin Maung" },
};
static const char *id_mono[] = { "Sukarno", "Suharto", "Wiranto", "Budiono", "Sutrisno", "Mulyani", "Purnomo", "Setiawati" };
static const char *id_given[] = { "Dewi", "Agus", "Siti", "Budi", "Rina", "Andi", "Putri", "Eko" };
static const char *id_family[] = { "Santoso", "Wijaya", "Hidayat", "Kusuma", "Saputra", "Pratama", "Halim", "Nugroho" };
static const char *my_given[] = { "Ahmad", "Nurul", "Siti", "Muhammad", "Aisyah", "Hafiz", "Farah", "Azman" };
static const char *my_father[] = { "Ismail", "Abdullah", "Hassan", "Rahman", "Yusof", "Ibrahim" };
static const char *ph_given[] = { "Maria", "Jose", "Ana", "Juan", "Cristina", "Ramon", "Liza", "Paolo" };
static const char *ph_family[] = { "Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Dela Cruz", "Villanueva" };

static const char *countries[] = { "CN", "VN", "TH", "KH", "LA", "MM", "ID", "MY", "PH", "SG", "BN" };
/* China sends the most people; the others roughly equally. */
static const guint weights[] = { 30, 8, 8, 7, 6, 7, 8, 7, 7, 6, 6 };

static const char *orgs_en[] = {
  "Ministry of Natural Resources and Environment",
  "Ministry of Ecology and Environment",
  "National Environment Agency",
  "Department of Environment",
  "University of the Philippines",
  "ASEAN Centre for Biodiversity",
  "Green Youth Network",
  "Chulalongkorn University",
  "Institute of Strategy and Policy on Natural Resources and Environment",
  "WWF",
};
static const char *orgs_zh[] = {
  "生态环境部",
  "中国-东盟环境保护合作中心",
  "清华大学",
  "中国环境科学研究院",
  "广西壮族自治区生态环境厅",
  "南京大学",
};
/* How people type the organisations above in Latin letters. */
static const char *orgs_zh_typed[] = { "shengtai", "huanjing", "qinghua", "guangxi", "nanjing", "zhongguo", "daxue", "qinghua daxue" };

#define PICK(rand, array) (array[g_rand_int_range (rand, 0, G_N_ELEMENTS (array))])

static const char *
pick_country (GRand *rand)
{
  guint total = 0, r;

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    total += weights[i];
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      if (r < weights[i])
        return countries[i];
      r -= weights[i];
    }
  return "CN";
}

static void
fill_name (LiaisonParticipant *p,
           GRand              *rand,
           const char         *country)
{
  if (g_str_equal (country, "CN") || (g_str_equal (country, "SG") && g_rand_boolean (rand)))
    {
      const Name *f = &PICK (rand, cn_family);
      const Name *g = &PICK (rand, cn_given);
      liaison_participant_set_native_name (p, f->native, g->native);
      /* Many Chinese records have no Latin name: search transliterates. */
      if (g_rand_int_range (rand, 0, 10) < 4)
        liaison_participant_set_latin_name (p, f->latin, g->latin);
    }
  else if (g_str_equal (country, "VN"))
    liaison_participant_set_native_name (p, PICK (rand, vn_family), PICK (rand, vn_given));
  else if (g_str_equal (country, "TH"))
    {
      const Name *f = &PICK (rand, th_family), *g = &PICK (rand, th_given);
      liaison_participant_set_native_name (p, f->native, g->native);
      liaison_participant_set_latin_name (p, f->latin, g->latin);
      liaison_participant_set_name_order (p, LIAISON_NAME_ORDER_GIVEN_FIRST);
    }
  else if (g_str_equal (country, "KH"))
    {
      const Name *f = &PICK (rand, kh_family), *g = &PICK (rand, kh_given);
      liaison_participant_set_native_name (p, f->native, g->native);
      liaison_participant_set_latin_name (p, f->latin, g->latin);
    }
  else if (g_str_equal (country, "LA"))
    {
      const Name *f = &PICK (rand, la_family), *g = &PICK (rand, la_given);
      liaison_participant_set_native_name (p, f->native, g->native);
      liaison_participant_set_latin_name (p, f->latin, g->latin);
      liaison_participant_set_name_order (p, LIAISON_NAME_ORDER_GIVEN_FIRST);
    }
  else if (g_str_equal (country, "MM"))
    {
      const Name *n = &PICK (rand, mm_names);
      liaison_participant_set_native_name (p, NULL, n->native);
      liaison_participant_set_latin_name (p, NULL, n->latin);
      liaison_participant_set_name_order (p, LIAISON_NAME_ORDER_MONONYM);
    }
  else if (g_str_equal (country, "ID"))
    {
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          liaison_participant_set_latin_name (p, NULL, PICK (rand, id_mono));
          liaison_participant_set_name_order (p, LIAISON_NAME_ORDER_MONONYM);
        }
      else
        {
          liaison_participant_set_latin_name (p, PICK (rand, id_family), PICK (rand, id_given));
          liaison_participant_set_name_order (p, LIAISON_NAME_ORDER_GIVEN_FIRST);
        }
    }
  else if (g_str_equal (country, "MY") || g_str_equal (country, "BN"))
    {
      g_autofree char *given = g_strdup_printf ("%s bin %s", PICK (rand, my_given), PICK (rand, my_father));
      liaison_participant_set_latin_name (p, NULL, given);
      liaison_participant_set_name_order (p, LIAISON_NAME_ORDER_MONONYM);
    }
  else
    {
      liaison_participant_set_latin_name (p, PICK (rand, ph_family), PICK (rand, ph_given));
      liaison_participant_set_name_order (p, LIAISON_NAME_ORDER_GIVEN_FIRST);
    }
}

static char *
email_for (LiaisonParticipant *p,
           guint               i)
{
  const char      *given = liaison_participant_get_given_latin (p);
  const char      *family = liaison_participant_get_family_latin (p);
  g_autofree char *local = g_ascii_strdown (given != NULL ? given : "person", -1);

  g_autofree char *domain_part = g_ascii_strdown (family != NULL ? family : "x", -1);

  g_strdelimit (local, " ", '.');
  g_strdelimit (domain_part, " ", '-');
  return g_strdup_printf ("%s.%s%u@example.org", local, domain_part, i);
}

gboolean
bench_dataset_generate (LiaisonStore           *store,
                        const BenchDatasetSize *size,
                        BenchDatasetTimes      *times,
                        GError                **error)
{
  gint64 t = g_get_monotonic_time ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (size->seed);
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  static const char *activities[] = { "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2.1", "2.1.2", "2.1.3", "2.2.1",
                                      "2.3.2", "3.1.1", "3.1.2", "3.1.3", "4.1.1", "4.2.1" };

  if (!liaison_store_begin_bulk (store, error))
    return FALSE;

  for (guint i = 0; i < size->participants; i++)
    {
      g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
      const char      *country = pick_country (rand);
      g_autofree char *email = NULL;
      const char      *emails[2] = { NULL, NULL };

      fill_name (p, rand, country);
      liaison_participant_set_country (p, country);
      liaison_participant_set_gender (p, g_rand_int_range (rand, 1, 3));
      liaison_participant_set_sector (p, g_rand_int_range (rand, 0, 8));
      if (g_str_equal (country, "CN") && g_rand_boolean (rand))
        liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_ZH, PICK (rand, orgs_zh));
      else
        liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN, PICK (rand, orgs_en));
      if (g_rand_int_range (rand, 0, 10) < 8)
        {
          email = email_for (p, i);
          emails[0] = email;
          liaison_participant_set_emails (p, emails);
        }
      if (!liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, error))
        goto fail;
      g_ptr_array_add (people, g_strdup (liaison_participant_get_id (p)));
    }

  times->participants = (g_get_monotonic_time () - t) / 1e6;
  t = g_get_monotonic_time ();
  for (guint i = 0; i < size->events; i++)
    {
      g_autoptr (LiaisonEvent) e = liaison_event_new (NULL);
      const char           *country = countries[g_rand_int_range (rand, 0, G_N_ELEMENTS (countries))];
      const LiaisonCountry *c = liaison_country_lookup (country);
      int                   year = g_rand_int_range (rand, 2011, 2031);
      g_autofree char      *start = g_strdup_printf ("%04d-%02d-%02dT09:00", year, g_rand_int_range (rand, 1, 13),
                                                     g_rand_int_range (rand, 1, 29));
      g_autofree char      *title_en = g_strdup_printf ("%s workshop %u", liaison_country_get_name (c, LIAISON_LANGUAGE_EN), i);
      g_autofree char      *title_zh = g_strdup_printf ("%s研讨会 %u", liaison_country_get_name (c, LIAISON_LANGUAGE_ZH), i);
      const char           *codes[] = { PICK (rand, activities), NULL };

      liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH, title_zh);
      liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, title_en);
      liaison_event_set_when (e, start, NULL, liaison_country_get_default_zone (c), NULL);
      liaison_event_set_kind (e, g_rand_int_range (rand, 0, 13));
      liaison_event_set_status (e, year < 2026 ? LIAISON_EVENT_STATUS_HELD : LIAISON_EVENT_STATUS_PLANNED);
      liaison_event_set_country (e, country);
      if (year >= 2021)
        liaison_event_set_activities (e, codes);
      if (!liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, error))
        goto fail;
      g_ptr_array_add (events, g_strdup (liaison_event_get_id (e)));
    }

  times->events = (g_get_monotonic_time () - t) / 1e6;
  t = g_get_monotonic_time ();
  /* Registrations spread over the events, each person at most once per
   * event; registered per event and role, as a bulk invitation would. */
  for (guint e = 0; e < events->len && people->len > 0; e++)
    {
      guint      stride = size->registrations / events->len + 1;
      GPtrArray *by_role[LIAISON_ROLE_STAFF + 1] = {
        NULL,
      };

      for (guint i = e; i < size->registrations; i += events->len)
        {
          guint       person = ((i / events->len) + (i % events->len) * stride * 7919u) % people->len;
          LiaisonRole role = g_rand_int_range (rand, 0, LIAISON_ROLE_STAFF + 1);

          if (by_role[role] == NULL)
            by_role[role] = g_ptr_array_new ();
          g_ptr_array_add (by_role[role], g_ptr_array_index (people, person));
        }
      for (guint role = 0; role <= LIAISON_ROLE_STAFF; role++)
        {
          g_autoptr (GPtrArray) created = NULL;

          g_autoptr (GPtrArray) ids = g_steal_pointer (&by_role[role]);

          if (ids == NULL)
            continue;
          g_ptr_array_add (ids, NULL);
          created = liaison_store_register_many (store, g_ptr_array_index (events, e),
                                                 (const char *const *) ids->pdata, role,
                                                 LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, NULL, error);
          if (created == NULL)
            {
              for (guint rest = role + 1; rest <= LIAISON_ROLE_STAFF; rest++)
                g_clear_pointer (&by_role[rest], g_ptr_array_unref);
              goto fail;
            }
        }
    }

  times->registrations = (g_get_monotonic_time () - t) / 1e6;
  t = g_get_monotonic_time ();
  if (!liaison_store_end_bulk (store, TRUE, error))
    return FALSE;
  times->commit = (g_get_monotonic_time () - t) / 1e6;
  return TRUE;

fail:
  liaison_store_end_bulk (store, FALSE, NULL);
  return FALSE;
}

/* Queries of every script and of lengths 1–12, cut from real records, plus
 * some that match nothing. */
GPtrArray *
bench_dataset_queries (LiaisonStore *store,
                       guint         n,
                       guint32       seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) rowids = liaison_store_list_participant_rowids (store, NULL, 0, NULL);
  static const char *misses[] = { "zzq", "xyzzy", "qqqq", "不存在", "ฮฮฮ" };

  while (queries->len < n && rowids->len > 0)
    {
      gint64 rowid = g_array_index (rowids, gint64, g_rand_int_range (rand, 0, rowids->len));
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant_by_rowid (store, rowid);
      g_autofree char   *native = liaison_participant_dup_native_name (p);
      g_autofree char   *latin = liaison_participant_dup_latin_name (p);
      const char *const *emails = liaison_participant_get_emails (p);
      const char        *source;
      glong              len, start, take;

      switch (g_rand_int_range (rand, 0, 10))
        {
        case 0:
          g_ptr_array_add (queries, g_strdup (PICK (rand, misses)));
          continue;
        case 1:
        case 2:
          source = emails != NULL && emails[0] != NULL ? emails[0] : native;
          break;
        case 3:
        case 4:
        case 5:
          source = latin != NULL ? latin : native;
          break;
        default:
          source = native != NULL ? native : latin;
        }
      if (source == NULL)
        continue;

      len = g_utf8_strlen (source, -1);
      take = g_rand_int_range (rand, 1, 13);
      take = MIN (len, take);
      start = g_rand_int_range (rand, 0, len - take + 1);
      {
        const char      *a = g_utf8_offset_to_pointer (source, start);
        const char      *b = g_utf8_offset_to_pointer (a, take);
        g_autofree char *q = g_strndup (a, b - a);

        g_strstrip (q);
        if (*q != '\0')
          g_ptr_array_add (queries, g_steal_pointer (&q));
      }
    }
  return queries;
}

static const Name *
find_name (const Name *names, guint n, const char *native)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i].native, native) == 0)
      return &names[i];
  return NULL;
}

/* A Chinese name stored only in Chinese, in one of the forms people type
 * its pinyin in (DESIGN.md; issue 14), as the dataset's own tables write
 * it: family and given name each joined, all apart, all joined, given name
 * first; or NULL for anyone else. */
static char *
pinyin_form (LiaisonParticipant *p,
             GRand              *rand)
{
  const char      *fn = liaison_participant_get_family_native (p);
  const char      *gn = liaison_participant_get_given_native (p);
  const Name      *f, *g;
  guint            fi, gi;
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;

  if (fn == NULL || gn == NULL || liaison_participant_get_family_latin (p) != NULL)
    return NULL;
  f = find_name (cn_family, G_N_ELEMENTS (cn_family), fn);
  g = find_name (cn_given, G_N_ELEMENTS (cn_given), gn);
  if (f == NULL || g == NULL)
    return NULL;
  fi = f - cn_family;
  gi = g - cn_given;
  family = g_ascii_strdown (f->latin, -1);
  given = g_ascii_strdown (g->latin, -1);
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      return g_strconcat (f->latin, " ", g->latin, NULL);
    case 1:
      return g_strconcat (given, " ", family, NULL);
    case 2:
      return g_strconcat (family, given, NULL);
    case 3:
      return g_strconcat (cn_family_apart[fi], " ", cn_given_apart[gi], NULL);
    case 4:
      return g_strconcat (cn_given_apart[gi], " ", cn_family_apart[fi], NULL);
    default:
      /* Typing it: the family name and the start of the given name. */
      return g_strdup_printf ("%s %.*s", family, (int) MAX (1, strlen (given) - 2), given);
    }
}

/* The queries of bench_dataset_queries, and as many again of those the
 * issue found missed or slow: standard pinyin of names stored only in
 * Chinese, organisations by a piece or by their reading, digit-heavy
 * fragments of e-mail addresses. */
GPtrArray *
bench_dataset_search_queries (LiaisonStore *store,
                              guint         n,
                              guint32       seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *queries = bench_dataset_queries (store, n / 2, seed);
  g_autoptr (GArray) rowids = liaison_store_list_participant_rowids (store, NULL, 0, NULL);
  guint tries = 0;

  while (queries->len < n && rowids->len > 0 && tries++ < 100 * n)
    {
      gint64 rowid = g_array_index (rowids, gint64, g_rand_int_range (rand, 0, rowids->len));
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant_by_rowid (store, rowid);
      const char *const *emails = liaison_participant_get_emails (p);
      const char        *org = liaison_bilingual_get_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_ZH);
      char              *q = NULL;

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          q = pinyin_form (p, rand);
          break;
        case 1:
          if (org != NULL)
            {
              glong len = g_utf8_strlen (org, -1);
              glong take = g_rand_int_range (rand, 1, MIN (len, 5) + 1);
              glong start = g_rand_int_range (rand, 0, len - take + 1);

              q = g_utf8_substring (org, start, start + take);
            }
          else
            q = g_strdup (orgs_zh_typed[g_rand_int_range (rand, 0, G_N_ELEMENTS (orgs_zh_typed))]);
          break;
        default:
          /* The digits of an address and what is around them. */
          if (emails != NULL && emails[0] != NULL)
            {
              const char *at = strchr (emails[0], '@');
              const char *digits = at;
              int         before = g_rand_int_range (rand, 1, 5);
              int         after = g_rand_int_range (rand, 0, 4);

              while (digits > emails[0] && g_ascii_isdigit (digits[-1]))
                digits--;
              if (at != NULL && digits < at)
                {
                  const char *from = MAX (emails[0], digits - (g_rand_boolean (rand) ? 0 : 2));
                  const char *to = MIN (at + after, emails[0] + strlen (emails[0]));

                  if (to - from >= before)
                    q = g_strndup (from, to - from);
                }
            }
        }
      if (q != NULL && *g_strstrip (q) != '\0')
        g_ptr_array_add (queries, q);
      else
        g_free (q);
    }
  return queries;
}
