/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "bench-duplicates-dataset.h"

/* See bench-duplicates-dataset.h. Names are built from parts, so that
 * namesakes are about as rare as in a real programme, and every second
 * entry of a person is in a form people really use for that country. */

const char *const duplicates_countries[DUPLICATES_N_COUNTRIES] = { "CN", "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN" };
enum
{
  CN,
  BN,
  KH,
  ID,
  LA,
  MY,
  MM,
  PH,
  SG,
  TH,
  VN
};
static const guint weights[DUPLICATES_N_COUNTRIES] = { 30, 6, 7, 8, 6, 7, 7, 7, 6, 8, 8 };

typedef struct
{
  const char *native;
  const char *latin;
} Part;

/* Readings as ICU gives them for these characters. */
static const Part cn_family[] = {
  { "王", "Wang" },
  { "李", "Li" },
  { "张", "Zhang" },
  { "刘", "Liu" },
  { "陈", "Chen" },
  { "杨", "Yang" },
  { "黄", "Huang" },
  { "赵", "Zhao" },
  { "吴", "Wu" },
  { "周", "Zhou" },
  { "徐", "Xu" },
  { "孙", "Sun" },
  { "马", "Ma" },
  { "朱", "Zhu" },
  { "胡", "Hu" },
  { "郭", "Guo" },
  { "何", "He" },
  { "高", "Gao" },
  { "林", "Lin" },
  { "罗", "Luo" },
  { "郑", "Zheng" },
  { "梁", "Liang" },
  { "谢", "Xie" },
  { "宋", "Song" },
  { "唐", "Tang" },
  { "韩", "Han" },
  { "冯", "Feng" },
  { "邓", "Deng" },
  { "曹", "Cao" },
  { "彭", "Peng" },
  { "曾", "Zeng" },
  { "田", "Tian" },
  { "董", "Dong" },
  { "袁", "Yuan" },
  { "潘", "Pan" },
  { "蒋", "Jiang" },
  { "蔡", "Cai" },
  { "欧阳", "Ouyang" },
  { "司马", "Sima" },
  { "诸葛", "Zhuge" },
  { "上官", "Shangguan" },
  { "司徒", "Situ" },
};
static const Part cn_given[] = {
  { "伟", "wei" },
  { "芳", "fang" },
  { "娜", "na" },
  { "敏", "min" },
  { "静", "jing" },
  { "丽", "li" },
  { "强", "qiang" },
  { "磊", "lei" },
  { "军", "jun" },
  { "洋", "yang" },
  { "勇", "yong" },
  { "艳", "yan" },
  { "杰", "jie" },
  { "涛", "tao" },
  { "明", "ming" },
  { "超", "chao" },
  { "秀", "xiu" },
  { "霞", "xia" },
  { "平", "ping" },
  { "刚", "gang" },
  { "桂", "gui" },
  { "英", "ying" },
  { "华", "hua" },
  { "建", "jian" },
  { "国", "guo" },
  { "志", "zhi" },
  { "海", "hai" },
  { "东", "dong" },
  { "晓", "xiao" },
  { "红", "hong" },
  { "玉", "yu" },
  { "兰", "lan" },
  { "春", "chun" },
  { "文", "wen" },
  { "思", "si" },
  { "远", "yuan" },
  { "桐", "tong" },
  { "涵", "han" },
  { "欣", "xin" },
  { "怡", "yi" },
  { "博", "bo" },
  { "浩", "hao" },
  { "然", "ran" },
  { "萱", "xuan" },
  { "鹏", "peng" },
  { "飞", "fei" },
  { "琳", "lin" },
  { "婷", "ting" },
  { "慧", "hui" },
  { "颖", "ying" },
  { "晨", "chen" },
  { "鑫", "xin" },
  { "蕾", "lei" },
  { "凯", "kai" },
  { "瑞", "rui" },
  { "嘉", "jia" },
};
/* Singapore: Chinese names with their own romanisations. */
static const Part  sg_family[] = { { "陈", "Tan" }, { "林", "Lim" }, { "李", "Lee" }, { "黄", "Ng" }, { "吴", "Goh" }, { "张", "Teo" }, { "王", "Ong" }, { "郑", "Tay" } };
static const Part  sg_given[] = { { "伟", "Wei" }, { "玲", "Ling" }, { "俊", "Jun" }, { "慧", "Hui" }, { "明", "Ming" }, { "美", "Mei" }, { "家", "Kah" }, { "志", "Chee" }, { "丽", "Li" }, { "强", "Keong" }, { "文", "Boon" }, { "华", "Hwa" } };
static const char *sg_other[] = { "Rajesh", "Priya", "Kumar", "Siti", "Nur", "Arjun", "Daniel", "Sarah", "Farid", "Devi" };
static const char *sg_other_family[] = { "Pillai", "Nair", "Tan", "Rahman", "Menon", "Koh", "Chua", "Singh", "Abdullah", "Wong" };
static const Part  th_pre[] = { { "ศรี", "Sri" }, { "วงศ์", "Wong" }, { "แก้ว", "Kaew" }, { "บุญ", "Boon" }, { "สุข", "Suk" }, { "ใจ", "Jai" }, { "ทอง", "Thong" }, { "ชัย", "Chai" }, { "รัตน", "Rattana" }, { "พงษ์", "Phong" }, { "สม", "Som" }, { "ศักดิ์", "Sak" }, { "ธนา", "Thana" }, { "กิตติ", "Kitti" }, { "วิ", "Wi" }, { "ประ", "Pra" } };
static const Part  th_suf[] = { { "สุข", "suk" }, { "ใหญ่", "yai" }, { "มณี", "manee" }, { "มา", "ma" }, { "สวัสดิ์", "sawat" }, { "ดี", "dee" }, { "ประเสริฐ", "prasert" }, { "วงศ์", "wong" }, { "ชัย", "chai" }, { "พันธ์", "phan" }, { "ทอง", "thong" }, { "ศรี", "sri" }, { "กุล", "kul" }, { "รักษ์", "rak" }, { "เจริญ", "charoen" }, { "นาค", "nak" } };
static const Part  th_given[] = {
   { "สมชาย", "Somchai" },
   { "สมศรี", "Somsri" },
   { "ประเสริฐ", "Prasert" },
   { "วิไล", "Wilai" },
   { "สุริยา", "Suriya" },
   { "กมล", "Kamon" },
   { "นิภา", "Nipha" },
   { "อนันต์", "Anan" },
   { "ปรีชา", "Preecha" },
   { "มาลี", "Malee" },
   { "สุดา", "Suda" },
   { "วีระ", "Weera" },
   { "ธนา", "Thana" },
   { "พิมพ์", "Pim" },
   { "อรุณ", "Arun" },
};
static const Part kh_family[] = { { "ចាន់", "Chan" }, { "សុខ", "Sok" }, { "ហេង", "Heng" }, { "លឹម", "Lim" }, { "គឹម", "Kim" }, { "ឈឹម", "Chhim" }, { "ម៉ៅ", "Mao" }, { "ទេព", "Tep" }, { "ញឹក", "Nhek" }, { "ស៊ុន", "Sun" }, { "អ៊ុក", "Ouk" }, { "ប៉ែន", "Pen" }, { "សេង", "Seng" }, { "យិន", "Yin" }, { "ពៅ", "Pov" }, { "នួន", "Nuon" } };
static const Part kh_given[] = {
  { "សុខា", "Sokha" },
  { "ដារ៉ា", "Dara" },
  { "សុភា", "Sophea" },
  { "វណ្ណា", "Vanna" },
  { "ចន្ថា", "Chantha" },
  { "រតនា", "Ratana" },
  { "បុប្ផា", "Bopha" },
  { "សំណាង", "Samnang" },
  { "វិចិត្រ", "Vichet" },
  { "ស្រីមុំ", "Sreymom" },
  { "ពិសិដ្ឋ", "Piseth" },
  { "សុវណ្ណ", "Sovann" },
};
static const Part la_family[] = { { "ພົມມະຈັນ", "Phommachanh" }, { "ສີສຸວັນ", "Sisouvanh" }, { "ວົງສາ", "Vongsa" }, { "ແກ້ວມະນີ", "Keomany" }, { "ສີຫາລາດ", "Sihalath" }, { "ພັນທະວົງ", "Phanthavong" }, { "ຈັນທະລາ", "Chanthala" }, { "ໄຊຍະວົງ", "Xayavong" }, { "ສຸວັນນະວົງ", "Souvannavong" }, { "ອິນທະວົງ", "Inthavong" }, { "ແສງສຸລິຍາ", "Sengsouliya" }, { "ພິມມະສອນ", "Phimmasone" }, { "ດວງມະນີ", "Douangmany" }, { "ສີວິໄລ", "Sivilay" }, { "ບຸບຜາ", "Bouppha" }, { "ລາດສະວົງ", "Latsavong" } };
static const Part la_given[] = { { "ສົມພອນ", "Somphone" }, { "ບຸນມີ", "Bounmy" }, { "ຄຳພັນ", "Khamphan" }, { "ແສງ", "Saeng" }, { "ວັນນາ", "Vanna" }, { "ສຸລິຍາ", "Souliya" }, { "ພອນ", "Phone" }, { "ມະນີ", "Manee" }, { "ທອງ", "Thong" }, { "ຄຳ", "Kham" }, { "ນ້ອຍ", "Noy" }, { "ແກ້ວ", "Keo" }, { "ຈັນ", "Chan" }, { "ດາ", "Da" }, { "ສີ", "Sy" }, { "ວິໄລ", "Vilay" } };
static const Part mm_syll[] = {
  { "အောင်", "Aung" },
  { "ကျော်", "Kyaw" },
  { "မြင့်", "Myint" },
  { "သန်း", "Than" },
  { "ထွန်း", "Htun" },
  { "ဇော်", "Zaw" },
  { "မင်း", "Min" },
  { "ခင်", "Khin" },
  { "မောင်", "Maung" },
  { "ဝင်း", "Win" },
  { "စိုး", "Soe" },
  { "လှိုင်", "Hlaing" },
  { "နိုင်", "Naing" },
  { "ဦး", "Oo" },
  { "သိန်း", "Thein" },
  { "ညွန့်", "Nyunt" },
  { "အေး", "Aye" },
  { "မြ", "Mya" },
  { "ဖြူ", "Phyu" },
  { "သီတာ", "Thida" },
  { "နွယ်", "Nwe" },
  { "ထက်", "Htet" },
  { "ပိုင်", "Paing" },
  { "ဆွေ", "Swe" },
};
static const char *id_pre[] = { "Su", "Wi", "Bu", "Har", "Pur", "Mul", "Set", "Jok", "Yu", "Sri", "Ba", "Rah", "Tri", "Dar", "Ag", "Hen", "Sap", "Kus", "Mar", "Gun", "Pra", "Nur", "Ad", "Tej", "Wah", "Lest", "Ir", "Sug", "Ram", "Dw", "Kart", "Ind" };
static const char *id_suf[] = { "karno", "harto", "ranto", "diono", "trisno", "yani", "nomo", "iawati", "wono", "mono", "tono", "yanto", "wati", "sih", "ningsih", "jaya", "sono", "yono", "tomo", "bowo", "rini", "yati", "santo", "hadi" };
static const char *id_given[] = { "Dewi", "Agus", "Siti", "Budi", "Rina", "Andi", "Putri", "Eko", "Indah", "Fajar", "Yuni", "Rudi", "Sari", "Hendra", "Wulan", "Bayu" };
static const char *ms_given[] = { "Ahmad", "Nurul", "Siti", "Muhammad", "Aisyah", "Hafiz", "Farah", "Azman", "Nur", "Faizal", "Zulkifli", "Aminah", "Rosnah", "Hakim", "Izzati", "Syafiq", "Amir", "Zainab", "Roslan", "Haziq" };
static const char *ms_father[] = { "Ismail", "Abdullah", "Hassan", "Rahman", "Yusof", "Ibrahim", "Osman", "Salleh", "Hamid", "Omar", "Aziz", "Mahmud", "Kassim", "Latif", "Jaafar", "Bakar" };
static const char *ph_given[] = { "Maria", "Jose", "Ana", "Juan", "Cristina", "Ramon", "Liza", "Paolo", "Angelica", "Mark", "Joy", "Carlo", "Rosario", "Miguel", "Katrina", "Rodel" };
static const char *ph_family[] = { "Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Dela Cruz", "Villanueva", "Ramos", "Aquino", "Castillo", "Del Rosario", "Gonzales", "Torres", "Navarro", "Domingo", "Soriano", "Pascual" };
static const char *ph_middle[] = { "Lopez", "Rivera", "Flores", "Manalo", "Ocampo", "Salazar", "Tolentino", "Javier", "Marquez", "Pineda", "Lim", "Aguilar", "Valdez", "Sison", "Rosales", "Mercado" };
static const char *vn_family[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý" };
static const char *vn_middle[] = { "Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Hữu", "Hoài", "Xuân" };
static const char *vn_given[] = { "An", "Lan", "Anh", "Hà", "Huy", "Ánh", "Tuấn", "Hương", "Nam", "Khai", "Dũng", "Hạnh", "Phương", "Thảo", "Long", "Trang", "Hiếu", "Linh", "Sơn", "Yến", "Cường", "Mai", "Bình", "Tâm" };

static const char *orgs[] = {
  "Ministry of Natural Resources and Environment",
  "Ministry of Ecology and Environment",
  "National Environment Agency",
  "Department of Environment",
  "University of the Philippines",
  "ASEAN Centre for Biodiversity",
  "Green Youth Network",
  "Chulalongkorn University",
  "Institute of Strategy and Policy",
  "WWF",
  "Tsinghua University",
  "Nanjing University",
  "Chinese Research Academy of Environmental Sciences",
  "Royal University of Phnom Penh",
  "National University of Laos",
  "Universiti Malaya",
  "Yangon University",
  "Bogor Agricultural University",
  "Ministry of Development",
  "Vietnam Environment Administration",
};

#define PICK(rand, array) (array[g_rand_int_range (rand, 0, G_N_ELEMENTS (array))])

typedef struct
{
  char            *family_native, *given_native, *family_latin, *given_latin;
  LiaisonNameOrder order;
  char            *honorific;
} Name;

static void
name_clear (Name *n)
{
  g_free (n->family_native);
  g_free (n->given_native);
  g_free (n->family_latin);
  g_free (n->given_latin);
  g_free (n->honorific);
  memset (n, 0, sizeof *n);
}

static char *
capitalise (const char *text)
{
  char *s = g_strdup (text);

  s[0] = g_ascii_toupper (s[0]);
  return s;
}

/* A person's name as first entered. */
static void
make_name (GRand         *rand,
           guint          country,
           LiaisonGender *gender,
           Name          *n)
{
  memset (n, 0, sizeof *n);
  n->order = LIAISON_NAME_ORDER_FAMILY_FIRST;
  switch (country)
    {
    case CN:
      {
        const Part      *f = &PICK (rand, cn_family);
        const Part      *g1 = &PICK (rand, cn_given);
        const Part      *g2 = g_rand_int_range (rand, 0, 3) > 0 ? &PICK (rand, cn_given) : NULL;
        g_autofree char *gl = g_strconcat (g1->latin, g2 != NULL ? g2->latin : "", NULL);

        n->family_native = g_strdup (f->native);
        n->given_native = g_strconcat (g1->native, g2 != NULL ? g2->native : "", NULL);
        if (g_rand_boolean (rand))
          {
            n->family_latin = g_strdup (f->latin);
            n->given_latin = capitalise (gl);
          }
      }
      break;
    case SG:
      if (g_rand_int_range (rand, 0, 3) > 0)
        {
          const Part *f = &PICK (rand, sg_family);
          const Part *g1 = &PICK (rand, sg_given);
          const Part *g2 = &PICK (rand, sg_given);

          n->family_native = g_strdup (f->native);
          n->given_native = g_strconcat (g1->native, g2->native, NULL);
          n->family_latin = g_strdup (f->latin);
          n->given_latin = g_strconcat (g1->latin, " ", g2->latin, NULL);
        }
      else
        {
          n->family_latin = g_strdup (PICK (rand, sg_other_family));
          n->given_latin = g_strdup_printf ("%s %s", PICK (rand, sg_other), PICK (rand, sg_other));
          n->order = LIAISON_NAME_ORDER_GIVEN_FIRST;
        }
      break;
    case TH:
      {
        const Part *p = &PICK (rand, th_pre), *s = &PICK (rand, th_suf), *g = &PICK (rand, th_given);

        n->family_native = g_strconcat (p->native, s->native, NULL);
        n->family_latin = g_strconcat (p->latin, s->latin, NULL);
        n->given_native = g_strdup (g->native);
        n->given_latin = g_strdup (g->latin);
        n->order = LIAISON_NAME_ORDER_GIVEN_FIRST;
      }
      break;
    case KH:
      {
        const Part *f = &PICK (rand, kh_family), *g1 = &PICK (rand, kh_given), *g2 = &PICK (rand, kh_given);
        gboolean    two = g_rand_int_range (rand, 0, 5) > 0;

        n->family_native = g_strdup (f->native);
        n->family_latin = g_strdup (f->latin);
        n->given_native = g_strconcat (g1->native, two ? g2->native : "", NULL);
        n->given_latin = g_strconcat (g1->latin, two ? " " : "", two ? g2->latin : "", NULL);
      }
      break;
    case LA:
      {
        const Part *f = &PICK (rand, la_family), *g1 = &PICK (rand, la_given), *g2 = &PICK (rand, la_given);
        gboolean    two = g_rand_int_range (rand, 0, 5) > 0;

        n->family_native = g_strdup (f->native);
        n->family_latin = g_strdup (f->latin);
        n->given_native = g_strconcat (g1->native, two ? g2->native : "", NULL);
        n->given_latin = g_strconcat (g1->latin, two ? g2->latin : "", NULL);
        n->given_latin[strlen (g1->latin)] = two ? g_ascii_tolower (n->given_latin[strlen (g1->latin)]) : '\0';
        n->order = LIAISON_NAME_ORDER_GIVEN_FIRST;
      }
      break;
    case MM:
      {
        guint k = g_rand_int_range (rand, 0, 10) < 3 ? 2 : 3;
        g_autoptr (GString) native = g_string_new (NULL);
        g_autoptr (GString) latin = g_string_new (NULL);

        for (guint i = 0; i < k; i++)
          {
            const Part *s = &PICK (rand, mm_syll);

            g_string_append (native, s->native);
            g_string_append_printf (latin, "%s%s", i > 0 ? " " : "", s->latin);
          }
        n->given_native = g_strdup (native->str);
        n->given_latin = g_strdup (latin->str);
        n->order = LIAISON_NAME_ORDER_MONONYM;
      }
      break;
    case ID:
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          n->given_latin = g_strconcat (PICK (rand, id_pre), PICK (rand, id_suf), NULL);
          n->order = LIAISON_NAME_ORDER_MONONYM;
        }
      else
        {
          n->given_latin = g_strdup (PICK (rand, id_given));
          n->family_latin = g_strconcat (PICK (rand, id_pre), PICK (rand, id_suf), NULL);
          n->order = LIAISON_NAME_ORDER_GIVEN_FIRST;
        }
      break;
    case MY:
    case BN:
      /* bin: son of; binti: daughter of. */
      if (*gender == LIAISON_GENDER_UNSPECIFIED)
        *gender = LIAISON_GENDER_MALE;
      n->given_latin = g_strdup_printf ("%s %s %s %s", PICK (rand, ms_given), PICK (rand, ms_given),
                                        *gender == LIAISON_GENDER_FEMALE ? "binti" : "bin", PICK (rand, ms_father));
      n->order = LIAISON_NAME_ORDER_MONONYM;
      break;
    case PH:
      n->given_latin = g_strdup_printf ("%s %s", PICK (rand, ph_given), PICK (rand, ph_middle));
      n->family_latin = g_strdup (PICK (rand, ph_family));
      n->order = LIAISON_NAME_ORDER_GIVEN_FIRST;
      break;
    case VN:
    default:
      n->family_native = g_strdup (PICK (rand, vn_family));
      n->given_native = g_strdup_printf ("%s %s", PICK (rand, vn_middle), PICK (rand, vn_given));
      break;
    }
}

static int
compare_words (const char *const *a,
               const char *const *b)
{
  return strcmp (*a, *b);
}

/* Without marks: Đ has no decomposition, so it is written D by hand. */
static char *
ascii (const char *text)
{
  g_autoptr (GString) s = g_string_new (text);

  g_string_replace (s, "Đ", "D", 0);
  g_string_replace (s, "đ", "d", 0);
  return g_str_to_ascii (s->str, "C");
}

static char *
ascii_upper (const char *text)
{
  g_autofree char *plain = ascii (text);

  return g_ascii_strup (plain, -1);
}

/* The same person's name entered again, in another form of their country. */
static void
variant_name (GRand      *rand,
              guint       country,
              const Name *a,
              Name       *b)
{
  guint form = g_rand_int_range (rand, 0, 3);

  memset (b, 0, sizeof *b);
  b->order = a->order;
  switch (country)
    {
    case CN:
      {
        /* The reading of the Han name, as people write it. */
        g_autofree char *fl = a->family_latin != NULL ? g_strdup (a->family_latin) : NULL;
        g_autofree char *gl = a->given_latin != NULL ? g_strdup (a->given_latin) : NULL;

        if (fl == NULL)
          {
            for (guint i = 0; i < G_N_ELEMENTS (cn_family); i++)
              if (g_str_equal (cn_family[i].native, a->family_native))
                fl = g_strdup (cn_family[i].latin);
            {
              GString *g = g_string_new (NULL);

              for (const char *c = a->given_native; *c != '\0'; c = g_utf8_next_char (c))
                for (guint i = 0; i < G_N_ELEMENTS (cn_given); i++)
                  if (strncmp (cn_given[i].native, c, strlen (cn_given[i].native)) == 0)
                    {
                      g_string_append (g, cn_given[i].latin);
                      break;
                    }
              gl = g_string_free (g, FALSE);
              gl[0] = g_ascii_toupper (gl[0]);
            }
          }
        if (form == 0)
          {
            /* Latin only, family first: Wang Wei, Ouyang Xiu. */
            b->family_latin = g_steal_pointer (&fl);
            b->given_latin = g_steal_pointer (&gl);
          }
        else if (form == 1)
          {
            /* Western order with the family name in capitals: WEI Wang;
             * a compound surname in two: Ou Yang. */
            b->family_latin = g_steal_pointer (&gl);
            b->given_latin = ascii_upper (fl);
            b->order = LIAISON_NAME_ORDER_GIVEN_FIRST;
          }
        else
          {
            /* The characters again, cut elsewhere (欧 + 阳修), and no Latin. */
            g_autofree char *full = g_strconcat (a->family_native, a->given_native, NULL);
            const char      *second = g_utf8_next_char (full);

            b->family_native = g_strndup (full, second - full);
            b->given_native = g_strdup (second);
          }
      }
      break;
    case SG:
      if (a->family_native != NULL && form == 0)
        {
          b->family_native = g_strdup (a->family_native);
          b->given_native = g_strdup (a->given_native);
        }
      else
        {
          /* Given first: Wei Ling Tan; or the family name in capitals. */
          b->family_latin = form == 1 ? ascii_upper (a->family_latin) : g_strdup (a->given_latin);
          b->given_latin = form == 1 ? g_strdup (a->given_latin) : g_strdup (a->family_latin);
        }
      break;
    case TH:
    case LA:
    case KH:
      if (form == 0)
        {
          /* Latin only, the other way round, in capitals. */
          b->family_latin = ascii_upper (a->given_latin);
          b->given_latin = g_strdup (a->family_latin);
        }
      else if (form == 1)
        {
          b->family_latin = g_strdup (a->family_latin);
          b->given_latin = g_strdup (a->given_latin);
          b->honorific = g_strdup (country == TH ? "Dr." : "Mr.");
        }
      else
        {
          b->family_native = g_strdup (a->family_native);
          b->given_native = g_strdup (a->given_native);
        }
      break;
    case MM:
      /* With the title the person is addressed by (U, Daw), or the
       * Burmese alone. */
      if (form < 2)
        b->given_latin = g_strdup_printf ("%s %s", form == 0 ? "U" : "Daw", a->given_latin);
      else
        b->given_native = g_strdup (a->given_native);
      break;
    case ID:
      if (a->family_latin == NULL)
        {
          /* A mononym as forms force it: written twice, or FNU. */
          b->family_latin = g_strdup (form == 0 ? a->given_latin : "FNU");
          b->given_latin = form == 2 ? g_ascii_strup (a->given_latin, -1) : g_strdup (a->given_latin);
        }
      else
        {
          b->family_latin = form == 0 ? ascii_upper (a->family_latin) : g_strdup (a->given_latin);
          b->given_latin = form == 0 ? g_strdup (a->given_latin) : g_strdup (a->family_latin);
        }
      break;
    case MY:
    case BN:
      {
        /* Titles and the patronymic's bin: Dato' Ahmad Ismail, Haji Ahmad
         * bin Ismail, AHMAD BIN ISMAIL. */
        g_auto (GStrv) w = g_strsplit (a->given_latin, " ", -1);

        if (form == 0)
          b->given_latin = g_strdup_printf ("Dato' %s %s %s", w[0], w[1], w[3]);
        else if (form == 1)
          b->given_latin = g_strdup_printf ("Haji %s", a->given_latin);
        else
          b->given_latin = g_ascii_strup (a->given_latin, -1);
      }
      break;
    case PH:
      {
        /* Without the middle name; or SURNAME, Given; or Dr. */
        g_auto (GStrv) w = g_strsplit (a->given_latin, " ", -1);

        if (form == 0)
          {
            b->family_latin = g_strdup (a->family_latin);
            b->given_latin = g_strdup_printf ("%s %s", w[0], w[1]);
            b->honorific = g_strdup ("Dr.");
          }
        else
          {
            b->family_latin = g_ascii_strup (a->family_latin, -1);
            b->given_latin = g_strdup (a->given_latin);
          }
      }
      break;
    case VN:
    default:
      /* Without diacritics, in capitals, or given name first. */
      if (form == 0)
        {
          b->family_latin = ascii_upper (a->family_native);
          b->given_latin = ascii (a->given_native);
        }
      else if (form == 1)
        {
          b->family_latin = ascii (a->given_native);
          b->given_latin = ascii (a->family_native);
          b->order = LIAISON_NAME_ORDER_GIVEN_FIRST;
        }
      else
        {
          b->family_native = g_strdup (a->family_native);
          b->given_native = g_strdup (a->given_native);
          b->honorific = g_strdup ("Dr.");
        }
      break;
    }
}

static const char *country_phone[DUPLICATES_N_COUNTRIES] = { "86", "673", "855", "62", "856", "60", "95", "63", "65", "66", "84" };

typedef struct
{
  Name          name;
  guint         country;
  LiaisonGender gender;
  char         *email;
  char         *phone_digits; /* the national number */
  const char   *org;
  LiaisonSector sector;
} Person;

static LiaisonParticipant *
record_of (const Name   *n,
           guint         country,
           LiaisonGender gender,
           const char   *email,
           const char   *phone,
           const char   *org,
           LiaisonSector sector)
{
  LiaisonParticipant *p = liaison_participant_new (NULL);
  const char         *emails[] = { email, NULL };
  const char         *phones[] = { phone, NULL };

  liaison_participant_set_native_name (p, n->family_native, n->given_native);
  liaison_participant_set_latin_name (p, n->family_latin, n->given_latin);
  liaison_participant_set_name_order (p, n->order);
  if (n->honorific != NULL)
    liaison_participant_set_honorific (p, n->honorific);
  liaison_participant_set_country (p, duplicates_countries[country]);
  liaison_participant_set_gender (p, gender);
  liaison_participant_set_sector (p, sector);
  if (email != NULL)
    liaison_participant_set_emails (p, emails);
  if (phone != NULL)
    liaison_participant_set_phones (p, phones);
  if (org != NULL)
    liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN, org);
  return p;
}

static gboolean
save (LiaisonStore       *store,
      LiaisonParticipant *p,
      GError            **error)
{
  return liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, error);
}

static void
plant (DuplicatesDataset *set,
       const char        *a,
       const char        *b,
       guint              country)
{
  DuplicatesPlanted *d = g_new0 (DuplicatesPlanted, 1);
  gboolean           swap = strcmp (a, b) > 0;

  d->id_a = g_strdup (swap ? b : a);
  d->id_b = g_strdup (swap ? a : b);
  d->country = country;
  g_ptr_array_add (set->planted, d);
  g_hash_table_insert (set->truth, g_strconcat (d->id_a, "\n", d->id_b, NULL), GUINT_TO_POINTER (country + 1));
}

static void
planted_free (DuplicatesPlanted *d)
{
  g_free (d->id_a);
  g_free (d->id_b);
  g_free (d);
}

void
duplicates_dataset_free (DuplicatesDataset *set)
{
  if (set == NULL)
    return;
  g_ptr_array_unref (set->planted);
  g_hash_table_unref (set->truth);
  g_hash_table_unref (set->country);
  g_free (set);
}

/* A name as the matcher may read it, whatever its order or marks. */
static char *
name_key (guint       country,
          const char *family,
          const char *given)
{
  g_autofree char *joined = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *lower = NULL;
  g_auto (GStrv) words = NULL;
  g_autofree char *sorted = NULL;

  if (family == NULL && given == NULL)
    return NULL;
  joined = g_strjoin (" ", family != NULL ? family : "", given != NULL ? given : "", NULL);
  /* Scripts that are not Latin as they are (ascii would make them all ?). */
  if (g_unichar_get_script (g_utf8_get_char (joined[0] == ' ' ? joined + 1 : joined)) != G_UNICODE_SCRIPT_LATIN)
    return g_strdup_printf ("%s|%s", duplicates_countries[country], joined);
  plain = ascii (joined);
  lower = g_ascii_strdown (plain, -1);
  words = g_strsplit (lower, " ", -1);
  qsort (words, g_strv_length (words), sizeof (char *), (GCompareFunc) compare_words);
  sorted = g_strjoinv ("", words);
  return g_strdup_printf ("%s|%s", duplicates_countries[country], sorted);
}

static guint
pick_country (GRand *rand)
{
  guint total = 0, r;

  for (guint i = 0; i < DUPLICATES_N_COUNTRIES; i++)
    total += weights[i];
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < DUPLICATES_N_COUNTRIES; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return CN;
}

/* One person in ten is entered twice (one in fifty three times), every
 * country in turn so that each has its share; one in 100 has a namesake,
 * another person with the same name in the same country and an address of
 * their own (besides the namesakes the draw of names makes). */
DuplicatesDataset *
duplicates_dataset_generate (LiaisonStore *store,
                             guint         people,
                             guint32       seed,
                             GError      **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  DuplicatesDataset *set = g_new0 (DuplicatesDataset, 1);

  set->planted = g_ptr_array_new_with_free_func ((GDestroyNotify) planted_free);
  set->truth = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set->country = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set->people = people;
  if (!liaison_store_begin_bulk (store, error))
    goto fail;
  for (guint i = 0; i < people; i++)
    {
      guint            twice = i % 10 == 0 ? (i % 50 == 0 ? 2 : 1) : 0;
      guint            country = twice > 0 ? (i / 10) % DUPLICATES_N_COUNTRIES : pick_country (rand);
      Name             name;
      LiaisonGender    gender = g_rand_int_range (rand, 0, 10) == 0 ? LIAISON_GENDER_UNSPECIFIED
                                : g_rand_boolean (rand)             ? LIAISON_GENDER_FEMALE
                                                                    : LIAISON_GENDER_MALE;
      g_autofree char *email = g_rand_int_range (rand, 0, 5) > 0 ? g_strdup_printf ("p%u.%u@example.org", i, seed) : NULL;
      g_autofree char *digits = g_rand_boolean (rand) ? g_strdup_printf ("%u", 30000000 + i * 7 + seed % 7) : NULL;
      g_autofree char *phone = digits != NULL ? g_strdup_printf ("+%s %s", country_phone[country], digits) : NULL;
      const char      *org = g_rand_int_range (rand, 0, 3) > 0 ? PICK (rand, orgs) : NULL;
      LiaisonSector    sector = g_rand_int_range (rand, 0, LIAISON_SECTOR_OTHER + 1);
      g_autoptr (LiaisonParticipant) first = NULL;
      g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

      /* Namesakes are those planted below: a name already drawn in the
       * country is drawn again (a few times: at 100,000 people the parts
       * run out, as real names do). */
      for (guint tries = 0;; tries++)
        {
          g_autofree char *key_native = NULL;
          g_autofree char *key_latin = NULL;

          make_name (rand, country, &gender, &name);
          key_native = name_key (country, name.family_native, name.given_native);
          key_latin = name_key (country, name.family_latin, name.given_latin);
          if (tries == 20 || ((key_native == NULL || !g_hash_table_contains (used, key_native)) &&
                              (key_latin == NULL || !g_hash_table_contains (used, key_latin))))
            {
              if (key_native != NULL)
                g_hash_table_add (used, g_steal_pointer (&key_native));
              if (key_latin != NULL)
                g_hash_table_add (used, g_steal_pointer (&key_latin));
              break;
            }
          name_clear (&name);
        }
      first = record_of (&name, country, gender, email, phone, org, sector);
      if (!save (store, first, error))
        goto fail_bulk;
      g_ptr_array_add (ids, g_strdup (liaison_participant_get_id (first)));
      for (guint t = 0; t < twice; t++)
        {
          Name b;
          g_autoptr (LiaisonParticipant) again = NULL;
          guint e = g_rand_int_range (rand, 0, 10);
          /* The same address four times in ten, none three, a new one three
           * (people change jobs); the same organisation three in five. */
          g_autofree char *new_email = e < 4 ? NULL : e < 7 ? g_strdup (email)
                                                            : g_strdup_printf ("q%u.%u.%u@example.net", i, t, seed);
          g_autofree char *new_phone = digits != NULL && g_rand_int_range (rand, 0, 3) == 0 ? g_strdup_printf ("0%s", digits) : NULL;
          const char      *new_org = g_rand_int_range (rand, 0, 5) < 3 ? org : NULL;

          variant_name (rand, country, &name, &b);
          again = record_of (&b, country, g_rand_int_range (rand, 0, 3) == 0 ? LIAISON_GENDER_UNSPECIFIED : gender, new_email,
                             new_phone, new_org, sector);
          name_clear (&b);
          if (!save (store, again, error))
            goto fail_bulk;
          for (guint k = 0; k < ids->len; k++)
            plant (set, g_ptr_array_index (ids, k), liaison_participant_get_id (again), country);
          g_ptr_array_add (ids, g_strdup (liaison_participant_get_id (again)));
        }
      if (twice == 0 && i % 100 == 7)
        {
          /* A namesake: another person, same name, own address. */
          g_autofree char *other_email = g_strdup_printf ("n%u.%u@example.com", i, seed);
          g_autoptr (LiaisonParticipant) namesake =
              record_of (&name, country,
                         country == MY || country == BN ? gender
                         : g_rand_boolean (rand)        ? LIAISON_GENDER_FEMALE
                                                        : LIAISON_GENDER_MALE,
                         other_email, NULL,
                         PICK (rand, orgs), g_rand_int_range (rand, 0, LIAISON_SECTOR_OTHER + 1));

          if (!save (store, namesake, error))
            goto fail_bulk;
          g_ptr_array_add (ids, g_strdup (liaison_participant_get_id (namesake)));
          set->namesakes++;
        }
      for (guint k = 0; k < ids->len; k++)
        g_hash_table_insert (set->country, g_strdup (g_ptr_array_index (ids, k)), GUINT_TO_POINTER (country + 1));
      set->records += ids->len;
      name_clear (&name);
      continue;

    fail_bulk:
      name_clear (&name);
      liaison_store_end_bulk (store, FALSE, NULL);
      goto fail;
    }
  if (!liaison_store_end_bulk (store, TRUE, error))
    goto fail;
  return set;

fail:
  duplicates_dataset_free (set);
  return NULL;
}

static DuplicatesScore
score (DuplicatesDataset *set,
       GPtrArray         *pairs,
       guint              min_score,
       int                country)
{
  DuplicatesScore s = { 0 };

  for (guint i = 0; i < pairs->len; i++)
    {
      LiaisonDuplicatePair *p = g_ptr_array_index (pairs, i);
      g_autofree char      *key = NULL;
      guint                 c;

      if (p->score < min_score)
        continue;
      key = g_strconcat (p->id_a, "\n", p->id_b, NULL);
      c = GPOINTER_TO_UINT (g_hash_table_lookup (set->country, p->id_a));
      if (country >= 0 && c != (guint) country + 1)
        continue;
      s.found++;
      if (g_hash_table_contains (set->truth, key))
        s.right++;
    }
  for (guint i = 0; i < set->planted->len; i++)
    if (country < 0 || ((DuplicatesPlanted *) g_ptr_array_index (set->planted, i))->country == (guint) country)
      s.planted++;
  s.precision = s.found > 0 ? (double) s.right / s.found : 1.0;
  s.recall = s.planted > 0 ? (double) s.right / s.planted : 1.0;
  return s;
}

DuplicatesScore
duplicates_dataset_score (DuplicatesDataset *set,
                          GPtrArray         *pairs,
                          guint              min_score)
{
  return score (set, pairs, min_score, -1);
}

DuplicatesScore
duplicates_dataset_score_country (DuplicatesDataset *set,
                                  GPtrArray         *pairs,
                                  guint              min_score,
                                  guint              country)
{
  return score (set, pairs, min_score, (int) country);
}
