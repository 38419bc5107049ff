/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>
#include <zip.h>

#include "liaison-xlsx-reader.h"

/* Reading a workbook's first visible sheet: workbook.xml names the sheets,
 * its relationships say which part holds each, sharedStrings.xml the
 * strings most cells point at, styles.xml which cells show dates. Every
 * part is read whole but bounded, and parsed as a stream (a 100,000-row
 * sheet is a 30 MB part). */

#define MAX_PART_BYTES (256 * 1024 * 1024)
#define MAX_NOTED_CELLS 10

#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

typedef struct
{
  zip_t        *zip;
  const char   *name;
  gboolean      date1904;
  GPtrArray    *strings;    /* shared strings */
  GArray       *date_style; /* gboolean per cellXfs index */
  LiaisonTable *table;
  GPtrArray    *no_value; /* cell references: formulas without a saved value */
  guint         n_no_value;
  GPtrArray    *errors; /* "C5 (#N/A)" */
  guint         n_errors;
} Reader;

static void
reader_clear (Reader *r)
{
  if (r->zip != NULL)
    zip_discard (r->zip);
  g_clear_pointer (&r->strings, g_ptr_array_unref);
  g_clear_pointer (&r->date_style, g_array_unref);
  g_clear_pointer (&r->no_value, g_ptr_array_unref);
  g_clear_pointer (&r->errors, g_ptr_array_unref);
}

static void
set_broken (GError    **error,
            const char *name,
            const char *detail)
{
  g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_MALFORMED,
               /* Translators: %1$s is a file name, %2$s what is wrong with it */
               _ ("%1$s is not a workbook Liaison can read (%2$s). Open it in Excel or LibreOffice and save it again as .xlsx, or as CSV."),
               name, detail);
}

/* A part of the package, whole, or NULL when it is not there. */
static GBytes *
read_part (Reader     *r,
           const char *path,
           gboolean    required,
           GError    **error)
{
  zip_int64_t index = zip_name_locate (r->zip, path, ZIP_FL_NOCASE);
  zip_stat_t  st;
  zip_file_t *file;
  char       *buffer;
  zip_int64_t n;

  if (index < 0)
    {
      if (required)
        {
          g_autofree char *detail = g_strdup_printf (_ ("it has no part %s"), path);
          set_broken (error, r->name, detail);
        }
      return NULL;
    }
  zip_stat_init (&st);
  if (zip_stat_index (r->zip, index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
    {
      set_broken (error, r->name, zip_strerror (r->zip));
      return NULL;
    }
  /* A small zip that unpacks to gigabytes is refused before unpacking. */
  if (st.size > MAX_PART_BYTES)
    {
      g_autofree char *size = g_format_size (st.size);

      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_TOO_LARGE,
                   /* Translators: %1$s is a file name, %2$s a part of it, %3$s a size */
                   _ ("%1$s unpacks to more than Liaison reads: its part %2$s is %3$s"), r->name, path, size);
      return NULL;
    }
  file = zip_fopen_index (r->zip, index, 0);
  if (file == NULL)
    {
      set_broken (error, r->name, zip_strerror (r->zip));
      return NULL;
    }
  buffer = g_malloc (st.size + 1);
  n = zip_fread (file, buffer, st.size);
  zip_fclose (file);
  if (n < 0 || (zip_uint64_t) n != st.size)
    {
      g_free (buffer);
      set_broken (error, r->name, _ ("a part of it is damaged"));
      return NULL;
    }
  buffer[n] = '\0';
  return g_bytes_new_take (buffer, n);
}

static xmlTextReaderPtr
open_xml (GBytes     *bytes,
          const char *path)
{
  gsize       size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* No network, no DTD, no entities from outside. */
  return xmlReaderForMemory (data, (int) size, path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
}

static gboolean
is_element (xmlTextReaderPtr x,
            const char      *local_name)
{
  return xmlTextReaderNodeType (x) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (x), local_name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr x,
        const char      *local_name)
{
  return xmlTextReaderNodeType (x) == XML_READER_TYPE_END_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (x), local_name) == 0;
}

static gboolean
is_text (xmlTextReaderPtr x)
{
  int type = xmlTextReaderNodeType (x);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

static char *
attribute (xmlTextReaderPtr x,
           const char      *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (x, (const xmlChar *) name);
  char    *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static char *
relationship_attribute (xmlTextReaderPtr x)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (x, (const xmlChar *) "id", (const xmlChar *) NS_REL);
  char    *copy;

  if (value == NULL)
    value = xmlTextReaderGetAttributeNs (x, (const xmlChar *) "id", (const xmlChar *) NS_REL_STRICT);
  copy = value != NULL ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return copy;
}

static gboolean
parse_failed (int         status,
              Reader     *r,
              const char *path,
              GError    **error)
{
  if (status >= 0)
    return FALSE;
  {
    g_autofree char *detail = g_strdup_printf (_ ("its part %s is not well-formed XML"), path);
    set_broken (error, r->name, detail);
  }
  return TRUE;
}

/* workbook.xml: the sheets (the first visible one is read), the date
 * system; then the part that holds that sheet. */
static char *
find_sheet (Reader  *r,
            GError **error)
{
  g_autoptr (GBytes) workbook = read_part (r, "xl/workbook.xml", TRUE, error);
  g_autoptr (GBytes) rels = NULL;
  g_autofree char *rel_id = NULL;
  g_autofree char *target = NULL;
  xmlTextReaderPtr x;
  int              status;

  if (workbook == NULL)
    return NULL;
  x = open_xml (workbook, "xl/workbook.xml");
  while ((status = xmlTextReaderRead (x)) == 1)
    {
      if (is_element (x, "workbookPr"))
        {
          g_autofree char *d = attribute (x, "date1904");
          r->date1904 = g_strcmp0 (d, "1") == 0 || g_strcmp0 (d, "true") == 0;
        }
      else if (is_element (x, "sheet"))
        {
          g_autofree char *state = attribute (x, "state");

          r->table->n_sheets++;
          if (rel_id == NULL && (state == NULL || g_str_equal (state, "visible")))
            {
              rel_id = relationship_attribute (x);
              r->table->sheet = attribute (x, "name");
            }
        }
    }
  xmlFreeTextReader (x);
  if (parse_failed (status, r, "xl/workbook.xml", error))
    return NULL;
  if (rel_id == NULL)
    {
      set_broken (error, r->name, _ ("it has no visible sheet"));
      return NULL;
    }

  rels = read_part (r, "xl/_rels/workbook.xml.rels", TRUE, error);
  if (rels == NULL)
    return NULL;
  x = open_xml (rels, "xl/_rels/workbook.xml.rels");
  while ((status = xmlTextReaderRead (x)) == 1 && target == NULL)
    if (is_element (x, "Relationship"))
      {
        g_autofree char *id = attribute (x, "Id");

        if (g_strcmp0 (id, rel_id) == 0)
          target = attribute (x, "Target");
      }
  xmlFreeTextReader (x);
  if (target == NULL)
    {
      set_broken (error, r->name, _ ("its first sheet has no part"));
      return NULL;
    }
  /* Relative to xl/, or absolute within the package. */
  if (target[0] == '/')
    return g_strdup (target + 1);
  return g_strconcat ("xl/", target, NULL);
}

/* sharedStrings.xml: the text of each <si>, its runs joined, phonetic
 * guides (<rPh>, furigana and pinyin above the text) left out. */
static gboolean
read_shared_strings (Reader  *r,
                     GError **error)
{
  g_autoptr (GBytes) part = read_part (r, "xl/sharedStrings.xml", FALSE, error);
  g_autoptr (GString) text = g_string_new (NULL);
  xmlTextReaderPtr x;
  gboolean         in_si = FALSE, in_t = FALSE;
  int              phonetic = 0, status;

  r->strings = g_ptr_array_new_with_free_func (g_free);
  if (part == NULL)
    return error == NULL || *error == NULL;
  x = open_xml (part, "xl/sharedStrings.xml");
  while ((status = xmlTextReaderRead (x)) == 1)
    {
      if (is_element (x, "si"))
        {
          in_si = TRUE;
          g_string_truncate (text, 0);
          if (xmlTextReaderIsEmptyElement (x))
            {
              g_ptr_array_add (r->strings, g_strdup (""));
              in_si = FALSE;
            }
        }
      else if (is_end (x, "si"))
        {
          g_ptr_array_add (r->strings, g_strndup (text->str, text->len));
          in_si = FALSE;
        }
      else if (is_element (x, "rPh") && !xmlTextReaderIsEmptyElement (x))
        phonetic++;
      else if (is_end (x, "rPh"))
        phonetic--;
      else if (is_element (x, "t") && !xmlTextReaderIsEmptyElement (x))
        in_t = TRUE;
      else if (is_end (x, "t"))
        in_t = FALSE;
      else if (in_si && in_t && phonetic == 0 && is_text (x))
        g_string_append (text, (const char *) xmlTextReaderConstValue (x));
    }
  xmlFreeTextReader (x);
  return !parse_failed (status, r, "xl/sharedStrings.xml", error);
}

static gboolean
is_date_code (const char *code)
{
  gboolean quoted = FALSE;
  int      bracket = 0;

  if (code == NULL || g_ascii_strcasecmp (code, "General") == 0)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '[')
        bracket++;
      else if (*p == ']' && bracket > 0)
        bracket--;
      else if (bracket == 0 && strchr ("dmyhsDMYHS", *p) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The built-in number formats that show dates and times, the East Asian
 * ones (27–36, 50–58: 年月日 formats) included. */
static gboolean
is_date_id (int id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

static gboolean
read_styles (Reader  *r,
             GError **error)
{
  g_autoptr (GBytes) part = read_part (r, "xl/styles.xml", FALSE, error);
  g_autoptr (GHashTable) custom = g_hash_table_new (NULL, NULL);
  xmlTextReaderPtr x;
  gboolean         in_xfs = FALSE;
  int              status;

  r->date_style = g_array_new (FALSE, TRUE, sizeof (gboolean));
  if (part == NULL)
    return error == NULL || *error == NULL;
  x = open_xml (part, "xl/styles.xml");
  while ((status = xmlTextReaderRead (x)) == 1)
    {
      if (is_element (x, "numFmt"))
        {
          g_autofree char *id = attribute (x, "numFmtId");
          g_autofree char *code = attribute (x, "formatCode");

          if (id != NULL && is_date_code (code))
            g_hash_table_add (custom, GINT_TO_POINTER (atoi (id)));
        }
      else if (is_element (x, "cellXfs"))
        in_xfs = !xmlTextReaderIsEmptyElement (x);
      else if (is_end (x, "cellXfs"))
        in_xfs = FALSE;
      else if (in_xfs && is_element (x, "xf"))
        {
          g_autofree char *id = attribute (x, "numFmtId");
          int              n = id != NULL ? atoi (id) : 0;
          gboolean         date = is_date_id (n) || g_hash_table_contains (custom, GINT_TO_POINTER (n));

          g_array_append_val (r->date_style, date);
        }
    }
  xmlFreeTextReader (x);
  return !parse_failed (status, r, "xl/styles.xml", error);
}

/* Excel's serial day number as a date (and a time, when it has one). In
 * the 1900 system day 60 is 29 February 1900, a day that never was, kept
 * for Lotus 1-2-3; days after it are one off. */
char *
liaison_xlsx_date_text (double   serial,
                        gboolean date1904)
{
  g_autoptr (GDateTime) base = NULL;
  g_autoptr (GDateTime) at = NULL;
  gint64 seconds;

  if (!isfinite (serial) || serial < 0 || serial > 2958466)
    return NULL;
  if (date1904)
    base = g_date_time_new_utc (1904, 1, 1, 0, 0, 0);
  else if (serial >= 61)
    base = g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
  else
    {
      /* Day 1 is 1 January 1900; the day that never was reads as its eve. */
      base = g_date_time_new_utc (1899, 12, 31, 0, 0, 0);
      if (serial >= 60)
        serial -= 1;
    }
  seconds = (gint64) llround (serial * 86400.0);
  at = g_date_time_add_seconds (base, (double) seconds);
  if (at == NULL)
    return NULL;
  if (seconds % 86400 == 0)
    return g_date_time_format (at, "%Y-%m-%d");
  return g_date_time_format (at, "%Y-%m-%d %H:%M");
}

/* A number as Excel's General format shows it: no ".0", up to 15
 * significant digits (a phone number stored as a number stays whole). */
static char *
number_text (const char *value)
{
  char  *end;
  double v = g_ascii_strtod (value, &end);
  char   buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (end == value || *end != '\0')
    return g_strdup (value);
  if (fabs (v) < 1e15 && v == floor (v))
    return g_strdup_printf ("%.0f", v);
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", v);
  return g_strdup (buffer);
}

/* "AB12" → column 27 (0-based), row 12. */
static gboolean
parse_reference (const char *ref,
                 guint      *column,
                 guint      *row)
{
  guint       c = 0;
  const char *p = ref;

  if (ref == NULL)
    return FALSE;
  for (; g_ascii_isalpha (*p); p++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (c == 0 || !g_ascii_isdigit (*p))
    return FALSE;
  *column = c - 1;
  *row = (guint) g_ascii_strtoull (p, NULL, 10);
  return TRUE;
}

static void
note_cell (GPtrArray  *list,
           guint      *count,
           const char *text)
{
  (*count)++;
  if (list->len < MAX_NOTED_CELLS)
    g_ptr_array_add (list, g_strdup (text));
}

typedef struct
{
  char    *ref;
  char    *type;
  int      style;
  gboolean has_formula;
  GString *value;
  gboolean has_value;
  GString *inline_text;
  gboolean in_v, in_t, in_is;
  int      phonetic;
} Cell;

static char *
cell_text (Reader *r,
           Cell   *c)
{
  const char *type = c->type != NULL ? c->type : "n";
  const char *v = c->value->str;

  if (g_str_equal (type, "inlineStr"))
    return g_strndup (c->inline_text->str, c->inline_text->len);
  if (c->has_formula && (!c->has_value || c->value->len == 0))
    {
      note_cell (r->no_value, &r->n_no_value, c->ref != NULL ? c->ref : "?");
      return g_strdup ("");
    }
  if (!c->has_value)
    return g_strdup ("");
  if (g_str_equal (type, "s"))
    {
      guint64 i = g_ascii_strtoull (v, NULL, 10);
      return g_strdup (i < r->strings->len ? (const char *) g_ptr_array_index (r->strings, i) : "");
    }
  if (g_str_equal (type, "str") || g_str_equal (type, "d"))
    return g_strndup (v, c->value->len);
  if (g_str_equal (type, "b"))
    return g_strdup (g_str_equal (v, "1") ? "TRUE" : "FALSE");
  if (g_str_equal (type, "e"))
    {
      g_autofree char *what = g_strdup_printf ("%s (%s)", c->ref != NULL ? c->ref : "?", v);
      note_cell (r->errors, &r->n_errors, what);
      return g_strdup ("");
    }
  if (c->style >= 0 && (guint) c->style < r->date_style->len && g_array_index (r->date_style, gboolean, c->style))
    {
      char *date = liaison_xlsx_date_text (g_ascii_strtod (v, NULL), r->date1904);
      if (date != NULL)
        return date;
    }
  return number_text (v);
}

static void
cell_reset (Cell *c)
{
  g_clear_pointer (&c->ref, g_free);
  g_clear_pointer (&c->type, g_free);
  c->style = -1;
  c->has_formula = c->has_value = FALSE;
  c->in_v = c->in_t = c->in_is = FALSE;
  c->phonetic = 0;
  g_string_truncate (c->value, 0);
  g_string_truncate (c->inline_text, 0);
}

/* A cell written after a later one in the same row is dropped. */
static void
finish_cell (Reader    *r,
             GPtrArray *cells,
             guint     *column,
             Cell      *c)
{
  while (cells->len < *column)
    g_ptr_array_add (cells, g_strdup (""));
  if (cells->len == *column)
    g_ptr_array_add (cells, cell_text (r, c));
  (*column)++;
  cell_reset (c);
}

static void
flush_row (Reader    *r,
           GPtrArray *cells,
           guint      row_number)
{
  if (cells->len == 0)
    return;
  g_ptr_array_add (cells, NULL);
  liaison_table_add_row (r->table, (char **) g_ptr_array_steal (cells, NULL), row_number);
}

static gboolean
read_sheet (Reader             *r,
            const char         *path,
            LiaisonProgressFunc progress,
            gpointer            progress_data,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr (GBytes) part = read_part (r, path, TRUE, error);
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  Cell             c = { NULL, NULL, -1, FALSE, g_string_new (NULL), FALSE, g_string_new (NULL) };
  xmlTextReaderPtr x;
  guint            row_number = 0, column = 0, n = 0;
  int              status;
  gboolean         ok = TRUE;
  gsize            size;

  if (part == NULL)
    return FALSE;
  size = g_bytes_get_size (part);
  x = open_xml (part, path);
  while (ok && (status = xmlTextReaderRead (x)) == 1)
    {
      if (is_element (x, "row"))
        {
          g_autofree char *rattr = attribute (x, "r");

          flush_row (r, cells, row_number);
          row_number = rattr != NULL ? (guint) g_ascii_strtoull (rattr, NULL, 10) : row_number + 1;
          column = 0;
          if (r->table->rows->len >= LIAISON_TABLE_MAX_ROWS)
            {
              g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_TOO_LARGE,
                           _ ("The file has more than %u rows; split it into smaller files."), LIAISON_TABLE_MAX_ROWS);
              ok = FALSE;
            }
          if ((++n & 1023) == 0)
            {
              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                ok = FALSE;
              else if (progress != NULL)
                progress ((double) xmlTextReaderByteConsumed (x) / size, progress_data);
            }
        }
      else if (is_end (x, "row"))
        {
          flush_row (r, cells, row_number);
        }
      else if (is_element (x, "c"))
        {
          g_autofree char *s = NULL;
          guint            col, row;

          cell_reset (&c);
          c.ref = attribute (x, "r");
          c.type = attribute (x, "t");
          s = attribute (x, "s");
          c.style = s != NULL ? atoi (s) : -1;
          if (parse_reference (c.ref, &col, &row))
            column = col;
          if (column >= LIAISON_TABLE_MAX_COLUMNS)
            {
              g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_TOO_LARGE,
                           _ ("Line %1$u has more than %2$u columns; Liaison reads up to %2$u"), row_number,
                           LIAISON_TABLE_MAX_COLUMNS);
              ok = FALSE;
              break;
            }
          if (xmlTextReaderIsEmptyElement (x))
            finish_cell (r, cells, &column, &c);
        }
      else if (is_end (x, "c"))
        finish_cell (r, cells, &column, &c);
      else if (is_element (x, "f"))
        c.has_formula = TRUE;
      else if (is_element (x, "v"))
        {
          c.has_value = TRUE;
          c.in_v = !xmlTextReaderIsEmptyElement (x);
        }
      else if (is_end (x, "v"))
        c.in_v = FALSE;
      else if (is_element (x, "is"))
        c.in_is = TRUE;
      else if (is_end (x, "is"))
        c.in_is = FALSE;
      else if (c.in_is && is_element (x, "rPh") && !xmlTextReaderIsEmptyElement (x))
        c.phonetic++;
      else if (c.in_is && is_end (x, "rPh"))
        c.phonetic--;
      else if (c.in_is && is_element (x, "t"))
        c.in_t = !xmlTextReaderIsEmptyElement (x);
      else if (is_end (x, "t"))
        c.in_t = FALSE;
      else if (is_text (x))
        {
          if (c.in_v)
            g_string_append (c.value, (const char *) xmlTextReaderConstValue (x));
          else if (c.in_is && c.in_t && c.phonetic == 0)
            g_string_append (c.inline_text, (const char *) xmlTextReaderConstValue (x));
        }
    }
  flush_row (r, cells, row_number);
  xmlFreeTextReader (x);
  cell_reset (&c);
  g_string_free (c.value, TRUE);
  g_string_free (c.inline_text, TRUE);
  if (!ok)
    return FALSE;
  return !parse_failed (status, r, path, error);
}

static char *
join_cells (GPtrArray *list,
            guint      count)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? C_ ("list", ", ") : "", (const char *) g_ptr_array_index (list, i));
  if (count > list->len)
    g_string_append (s, C_ ("list", ", …"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
add_notes (Reader *r)
{
  LiaisonTable *t = r->table;

  if (r->n_no_value > 0)
    {
      g_autofree char *cells = join_cells (r->no_value, r->n_no_value);

      g_ptr_array_add (t->notes,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%1$u cell holds a formula with no saved value (%2$s): it is read as empty. Open the workbook in Excel or LibreOffice and save it again to keep the values.",
                                                     "%1$u cells hold a formula with no saved value (%2$s): they are read as empty. Open the workbook in Excel or LibreOffice and save it again to keep the values.",
                                                     r->n_no_value),
                                        r->n_no_value, cells));
    }
  if (r->n_errors > 0)
    {
      g_autofree char *cells = join_cells (r->errors, r->n_errors);

      g_ptr_array_add (t->notes,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%1$u cell holds an error value (%2$s): it is read as empty.",
                                                     "%1$u cells hold an error value (%2$s): they are read as empty.",
                                                     r->n_errors),
                                        r->n_errors, cells));
    }
  if (t->n_sheets > 1)
    g_ptr_array_add (t->notes,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The workbook has %1$u sheets; only the first, “%2$s”, is read.",
                                                   "The workbook has %1$u sheets; only the first, “%2$s”, is read.",
                                                   t->n_sheets),
                                      t->n_sheets, t->sheet != NULL ? t->sheet : ""));
}

LiaisonTable *
liaison_xlsx_read (GBytes             *bytes,
                   const char         *name,
                   LiaisonProgressFunc progress,
                   gpointer            progress_data,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr (LiaisonTable) table = liaison_table_new (LIAISON_TABLE_XLSX);
  Reader           r = { NULL, name };
  zip_error_t      zerr;
  zip_source_t    *source;
  gsize            size;
  const void      *data = g_bytes_get_data (bytes, &size);
  g_autofree char *sheet = NULL;
  LiaisonTable    *result = NULL;

  r.table = table;
  r.no_value = g_ptr_array_new_with_free_func (g_free);
  r.errors = g_ptr_array_new_with_free_func (g_free);
  zip_error_init (&zerr);
  source = zip_source_buffer_create (data, size, 0, &zerr);
  if (source != NULL)
    {
      r.zip = zip_open_from_source (source, ZIP_RDONLY, &zerr);
      if (r.zip == NULL)
        zip_source_free (source);
    }
  if (r.zip == NULL)
    {
      set_broken (error, name, zip_error_strerror (&zerr));
      zip_error_fini (&zerr);
      reader_clear (&r);
      return NULL;
    }
  zip_error_fini (&zerr);

  if ((sheet = find_sheet (&r, error)) != NULL && read_shared_strings (&r, error) && read_styles (&r, error) &&
      read_sheet (&r, sheet, progress, progress_data, cancellable, error))
    {
      if (table->rows->len == 0)
        g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_EMPTY,
                     /* Translators: %1$s is a file name, %2$s the name of a sheet in it */
                     _ ("The sheet “%2$s” of %1$s is empty"), name, table->sheet != NULL ? table->sheet : "");
      else
        {
          add_notes (&r);
          result = g_steal_pointer (&table);
        }
    }
  reader_clear (&r);
  return result;
}
