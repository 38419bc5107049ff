/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-csv.h"
#include "liaison-table.h"
#include "test-util.h"

/* Text tables as offices save them: every fixture is made here, in the
 * encoding an Excel or a form of that country writes, with names as people
 * type them in the eleven countries. */

static const char *const people[][4] = {
  /* name in own script, Latin name, country, e-mail */
  { "李霞", "LI Xia", "China", "li.xia@example.cn" },
  { "欧阳明", "Ouyang Ming", "中国", "ouyang@example.cn" },
  { "Nguyễn Thị Minh Khai", "Nguyen Thi Minh Khai", "Viet Nam", "khai@example.vn" },
  { "สมชาย ใจดี", "Somchai Jaidee", "Thailand", "somchai@example.th" },
  { "ហ៊ុន សុខា", "Hun Sokha", "Cambodia", "sokha@example.kh" },
  { "ສົມພອນ ພົມມະວົງ", "Somphone Phommavong", "Lao PDR", "somphone@example.la" },
  { "အောင်ဆန်း", "Aung San", "Myanmar", "aungsan@example.mm" },
  { "", "Ahmad bin Ismail", "Malaysia", "ahmad@example.my" },
  { "陈伟明", "Tan Wei Ming", "Singapore", "weiming@example.sg" },
  { "", "Sukarno", "Indonesia", "sukarno@example.id" },
  { "", "María José Santos", "Philippines", "mjsantos@example.ph" },
  { "", "Nur Aisyah binti Abdullah", "Brunei Darussalam", "aisyah@example.bn" },
};

static char *
make_roster (char delimiter, const char *newline, gboolean with_header)
{
  GString *s = g_string_new (NULL);

  if (with_header)
    g_string_append_printf (s, "姓名%cName%cCountry%cE-mail%s", delimiter, delimiter, delimiter, newline);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_string_append_printf (s, "%s%c%s%c%s%c%s%s", people[i][0], delimiter, people[i][1], delimiter, people[i][2],
                            delimiter, people[i][3], newline);
  return g_string_free (s, FALSE);
}

static void
assert_roster (LiaisonTable *table)
{
  g_assert_cmpuint (liaison_table_get_n_rows (table), ==, G_N_ELEMENTS (people) + 1);
  g_assert_cmpuint (table->n_columns, ==, 4);
  g_assert_cmpstr (liaison_table_get_cell (table, 0, 0), ==, "姓名");
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    for (guint c = 0; c < 4; c++)
      g_assert_cmpstr (liaison_table_get_cell (table, i + 1, c), ==, people[i][c]);
  g_assert_cmpuint (liaison_table_get_line (table, 1), ==, 2);
}

static LiaisonTable *
read_bytes (const char *data, gsize length, const LiaisonTableOptions *options, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);

  return liaison_table_read_bytes (bytes, "roster.csv", options, NULL, NULL, NULL, error);
}

static char *
encode (const char *utf8, const char *encoding, const char *bom, gsize bom_length, gsize *length)
{
  g_autoptr (GError) error = NULL;
  gsize            written = 0;
  g_autofree char *body = g_convert (utf8, -1, encoding, "UTF-8", NULL, &written, &error);
  char            *out;

  g_assert_no_error (error);
  out = g_malloc (bom_length + written + 1);
  memcpy (out, bom, bom_length);
  memcpy (out + bom_length, body, written);
  *length = bom_length + written;
  return out;
}

static void
test_encodings (void)
{
  struct
  {
    const char *encoding;
    const char *bom;
    gsize       bom_length;
    char        delimiter;
    const char *newline;
  } cases[] = {
    { "UTF-8", "", 0, ',', "\n" },
    { "UTF-8", "\xef\xbb\xbf", 3, ';', "\r\n" },
    /* Excel's "Unicode text": UTF-16 LE with its mark, tabs, CRLF. */
    { "UTF-16LE", "\xff\xfe", 2, '\t', "\r\n" },
    { "UTF-16BE", "\xfe\xff", 2, '\t', "\r\n" },
    /* Chinese Excel's "CSV (comma delimited)". GB18030 holds every
     * script, so the Thai, Khmer, Lao and Myanmar names travel too. */
    { "GB18030", "", 0, ',', "\r\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *roster = make_roster (cases[i].delimiter, cases[i].newline, TRUE);
      gsize            length;
      g_autofree char *data = encode (roster, cases[i].encoding, cases[i].bom, cases[i].bom_length, &length);
      g_autoptr (GError) error = NULL;
      g_autoptr (LiaisonTable) table = read_bytes (data, length, NULL, &error);
      g_autofree char *detected = liaison_csv_detect_encoding (data, length, NULL);

      g_test_message ("%s, delimiter %c", cases[i].encoding, cases[i].delimiter);
      g_assert_cmpstr (detected, ==, cases[i].encoding);
      g_assert_no_error (error);
      g_assert_cmpstr (table->encoding, ==, cases[i].encoding);
      g_assert_cmpint (table->delimiter, ==, cases[i].delimiter);
      g_assert_true (table->had_bom == (cases[i].bom_length > 0));
      assert_roster (table);
    }
}

/* GBK with only Chinese and Latin text, as most Chinese rosters are: the
 * detector has to find it without a mark. */
static void
test_gbk_detected (void)
{
  const char      *text = "姓名,单位,职务\r\n王芳,生态环境部对外合作与交流中心,处长\r\n李霞,中国—东盟环境保护合作中心,项目官员\r\n曾国藩,广西壮族自治区生态环境厅,副厅长\r\n";
  gsize            length;
  g_autofree char *data = encode (text, "GBK", "", 0, &length);
  g_autofree char *detected = liaison_csv_detect_encoding (data, length, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = NULL;

  g_assert_cmpstr (detected, ==, "GB18030");
  table = read_bytes (data, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_table_get_cell (table, 2, 1), ==, "中国—东盟环境保护合作中心");
}

/* A wrong guess is not always an error: GB18030 read as Windows-1252 is
 * mojibake, which the preview shows; read as UTF-8 it is refused at the
 * first line that is not UTF-8. Picking the right encoding reads it. */
static void
test_wrong_encoding (void)
{
  g_autofree char    *roster = make_roster (',', "\n", TRUE);
  gsize               length;
  g_autofree char    *data = encode (roster, "GB18030", "", 0, &length);
  LiaisonTableOptions as_utf8 = { "UTF-8", 0, 0 };
  LiaisonTableOptions as_latin = { "CP1252", 0, 0 };
  LiaisonTableOptions as_gb = { "GB18030", 0, 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = NULL;

  table = read_bytes (data, length, &as_utf8, &error);
  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_ENCODING);
  g_assert_null (table);
  g_assert_nonnull (strstr (error->message, "Line 1 "));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  table = read_bytes (data, length, &as_latin, &error);
  /* Windows-1252 leaves five bytes undefined, so some GB18030 is refused:
   * either way, not the names. */
  if (table != NULL)
    g_assert_cmpstr (liaison_table_get_cell (table, 1, 0), !=, "李霞");
  g_clear_error (&error);
  g_clear_pointer (&table, liaison_table_unref);

  table = read_bytes (data, length, &as_gb, &error);
  g_assert_no_error (error);
  assert_roster (table);
}

/* One bad byte on line 4 of an otherwise UTF-8 file. */
static void
test_bad_byte_line (void)
{
  const char *data = "Name,Country\nLi Xia,CN\nWang Fang,CN\nNguy\xe1n Van An,VN\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = NULL;
  LiaisonTableOptions options = { "UTF-8", 0, 0 };

  table = read_bytes (data, strlen (data), &options, &error);
  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 4 "));
  g_assert_nonnull (strstr (error->message, "0xE1"));
}

static void
test_quotes_and_newlines (void)
{
  const char *data =
      "Name,Organisation,Notes\r\n"
      "\"Nguyễn, Thị \"\"Minh\"\" Khai\",\"Ministry of Natural Resources\r\nand Environment\",\"vegetarian\"\r\n"
      "李霞,\"中国—东盟环境保护合作中心\",\"line one\nline two\nline three\"\n"
      "\"Somchai Jaidee\"x,plain \"quote\" inside,\r\n"
      ",,\r\n"
      "Sukarno,,\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = read_bytes (data, strlen (data), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (liaison_table_get_n_rows (table), ==, 5);
  g_assert_cmpstr (liaison_table_get_cell (table, 1, 0), ==, "Nguyễn, Thị \"Minh\" Khai");
  g_assert_cmpstr (liaison_table_get_cell (table, 1, 1), ==, "Ministry of Natural Resources\nand Environment");
  g_assert_cmpuint (liaison_table_get_line (table, 1), ==, 2);
  g_assert_cmpstr (liaison_table_get_cell (table, 2, 2), ==, "line one\nline two\nline three");
  /* Lines as an editor counts them: the record of line 4 spans 3 lines. */
  g_assert_cmpuint (liaison_table_get_line (table, 2), ==, 4);
  g_assert_cmpstr (liaison_table_get_cell (table, 3, 0), ==, "Somchai Jaideex");
  g_assert_cmpstr (liaison_table_get_cell (table, 3, 1), ==, "plain \"quote\" inside");
  g_assert_cmpuint (liaison_table_get_line (table, 3), ==, 7);
  /* The blank row of line 8 is left out; the count goes on. */
  g_assert_cmpstr (liaison_table_get_cell (table, 4, 0), ==, "Sukarno");
  g_assert_cmpuint (liaison_table_get_line (table, 4), ==, 9);
}

static void
test_unclosed_quote (void)
{
  const char *data = "Name,E-mail\nLi Xia,li@example.cn\nWang Fang,\"wang@example.cn\nNguyen,n@example.vn\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = read_bytes (data, strlen (data), NULL, &error);

  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "Line 3, column B"));
}

static void
test_delimiters (void)
{
  const char *files[] = {
    "a;b;c\n1;2,5;3\n4;5;6\n",
    "a\tb\tc\n1\t2,5\t3\n",
    "a|b|c\n1|2|3\n",
    "a,b,c\n\"1;2\",2,3\n",
    "single\ncolumn\n",
  };
  const char expected[] = { ';', '\t', '|', ',', ',' };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_cmpint (liaison_csv_detect_delimiter (files[i]), ==, expected[i]);
}

static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = read_bytes ("", 0, NULL, &error);

  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "roster.csv is empty"));
  g_clear_error (&error);

  table = read_bytes ("\xef\xbb\xbf\r\n\r\n,,\r\n", 9, NULL, &error);
  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_EMPTY);
}

static void
test_not_a_table (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = read_bytes ("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, NULL, &error);

  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, ".xls"));
  g_clear_error (&error);

  table = read_bytes ("Name,Photo\nLi,\x01\x00\x02\x03\n", 18, NULL, &error);
  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "NUL"));
}

static void
test_too_large (void)
{
  g_autofree char    *roster = make_roster (',', "\n", TRUE);
  LiaisonTableOptions options = { NULL, 0, 100 };
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = read_bytes (roster, strlen (roster), &options, &error);

  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "100 bytes"));
}

typedef struct
{
  GArray       *fractions;
  GCancellable *cancel_at_half;
} Progress;

static void
on_progress (double fraction, gpointer data)
{
  Progress *p = data;

  g_array_append_val (p->fractions, fraction);
  if (p->cancel_at_half != NULL && fraction >= 0.5)
    g_cancellable_cancel (p->cancel_at_half);
}

/* 20 MB: read whole, with progress, and cancelled halfway when asked. */
static void
test_twenty_megabytes (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  g_autoptr (GString) s = g_string_new ("姓名,Name,Country,E-mail,Organisation\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Progress p = { g_array_new (FALSE, FALSE, sizeof (double)), NULL };
  guint    rows = 0;

  while (s->len < 20 * 1000 * 1000)
    {
      guint i = rows % G_N_ELEMENTS (people);

      g_string_append_printf (s, "%s,%s %u,%s,p%u.%s,\"Ministry of Environment, Division %u\"\n", people[i][0], people[i][1], rows,
                              people[i][2], rows, people[i][3], rows % 97);
      rows++;
    }
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));

  table = liaison_table_read_file (path, NULL, on_progress, &p, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_table_get_n_rows (table), ==, rows + 1);
  g_assert_cmpuint (liaison_table_get_line (table, rows), ==, rows + 1);
  g_assert_cmpuint (p.fractions->len, >, 10);
  for (guint i = 1; i < p.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (p.fractions, double, i), >=, g_array_index (p.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (p.fractions, double, p.fractions->len - 1), ==, 1.0);
  g_clear_pointer (&table, liaison_table_unref);

  g_array_set_size (p.fractions, 0);
  p.cancel_at_half = cancellable;
  table = liaison_table_read_file (path, NULL, on_progress, &p, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (table);

  g_array_unref (p.fractions);
  test_remove_tree (dir);
}

static void
test_column_names (void)
{
  const char *expected[][2] = { { "0", "A" }, { "25", "Z" }, { "26", "AA" }, { "51", "AZ" }, { "52", "BA" }, { "701", "ZZ" }, { "702", "AAA" } };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = liaison_table_column_name (atoi (expected[i][0]));
      g_assert_cmpstr (name, ==, expected[i][1]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/csv/encodings", test_encodings);
  g_test_add_func ("/liaison/csv/gbk-detected", test_gbk_detected);
  g_test_add_func ("/liaison/csv/wrong-encoding", test_wrong_encoding);
  g_test_add_func ("/liaison/csv/bad-byte-line", test_bad_byte_line);
  g_test_add_func ("/liaison/csv/quotes-and-newlines", test_quotes_and_newlines);
  g_test_add_func ("/liaison/csv/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/liaison/csv/delimiters", test_delimiters);
  g_test_add_func ("/liaison/csv/empty", test_empty);
  g_test_add_func ("/liaison/csv/not-a-table", test_not_a_table);
  g_test_add_func ("/liaison/csv/too-large", test_too_large);
  g_test_add_func ("/liaison/csv/twenty-megabytes", test_twenty_megabytes);
  g_test_add_func ("/liaison/csv/column-names", test_column_names);

  return g_test_run ();
}
