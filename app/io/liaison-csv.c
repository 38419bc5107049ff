/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unicode/ucsdet.h>

#include "liaison-csv.h"

/* Reading delimited text: the encoding (a byte order mark, else UTF-8 when
 * it is valid UTF-8, else ICU's charset detector), the delimiter (the one
 * that splits the first lines into the same number of cells), then the
 * cells, quote by quote, counting lines as an editor shows them. */

/* What a person can pick when the guess was wrong, as iconv names them:
 * Unicode, Chinese (simplified and traditional), Thai, Vietnamese and
 * Western Windows code pages — what the eleven countries' offices save. */
static const char *const encodings[] = {
  "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5", "CP874", "CP1258", "CP1252", NULL
};

const char *const *
liaison_csv_encodings (void)
{
  return encodings;
}

/* UTF-16 without a mark: every other byte of Latin text is zero. */
static const char *
guess_utf16 (const char *data,
             gsize       length)
{
  gsize n = MIN (length, 4096) & ~(gsize) 1;
  guint even = 0, odd = 0;

  if (n < 4)
    return NULL;
  for (gsize i = 0; i < n; i += 2)
    {
      even += data[i] == '\0';
      odd += data[i + 1] == '\0';
    }
  if (odd > n / 2 * 0.3 && even < n / 2 * 0.05)
    return "UTF-16LE";
  if (even > n / 2 * 0.3 && odd < n / 2 * 0.05)
    return "UTF-16BE";
  return NULL;
}

/* ICU's names as iconv takes them. */
static char *
iconv_name (const char *icu)
{
  if (g_ascii_strcasecmp (icu, "windows-1252") == 0 || g_ascii_strcasecmp (icu, "ISO-8859-1") == 0)
    return g_strdup ("CP1252");
  if (g_ascii_strncasecmp (icu, "windows-", 8) == 0)
    return g_strconcat ("CP", icu + 8, NULL);
  return g_ascii_strup (icu, -1);
}

char *
liaison_csv_detect_encoding (const char *data,
                             gsize       length,
                             gboolean   *had_bom)
{
  const guchar        *u = (const guchar *) data;
  const char          *utf16;
  UErrorCode           status = U_ZERO_ERROR;
  UCharsetDetector    *detector;
  const UCharsetMatch *match;
  char                *name = NULL;

  if (had_bom != NULL)
    *had_bom = FALSE;
  if (length >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
    {
      if (had_bom != NULL)
        *had_bom = TRUE;
      return g_strdup ("UTF-8");
    }
  if (length >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
    {
      if (had_bom != NULL)
        *had_bom = TRUE;
      return g_strdup (u[0] == 0xff ? "UTF-16LE" : "UTF-16BE");
    }
  if ((utf16 = guess_utf16 (data, length)) != NULL)
    return g_strdup (utf16);
  if (g_utf8_validate_len (data, length, NULL))
    return g_strdup ("UTF-8");

  /* A sample is enough for the detector and keeps a 60 MB file quick. */
  detector = ucsdet_open (&status);
  if (U_SUCCESS (status))
    {
      ucsdet_setText (detector, data, (int32_t) MIN (length, 256 * 1024), &status);
      match = ucsdet_detect (detector, &status);
      if (U_SUCCESS (status) && match != NULL)
        {
          const char *icu = ucsdet_getName (match, &status);

          if (U_SUCCESS (status) && icu != NULL && g_ascii_strncasecmp (icu, "UTF-8", 5) != 0)
            name = iconv_name (icu);
        }
      ucsdet_close (detector);
    }
  return name != NULL ? name : g_strdup ("CP1252");
}

static guint
count_lines (const char *text,
             gsize       length)
{
  guint lines = 1;

  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n')
      lines++;
  return lines;
}

/* Where the first byte that is not text in encoding is: the line a
 * person can look at, found by decoding what came before it. */
static void
set_encoding_error (GError    **error,
                    const char *data,
                    gsize       offset,
                    const char *encoding)
{
  g_autofree char *before = NULL;
  gsize            written = 0;
  guint            line = 1;

  if (offset > 0)
    {
      if (g_ascii_strcasecmp (encoding, "UTF-8") == 0)
        line = count_lines (data, offset);
      else if ((before = g_convert (data, offset, "UTF-8", encoding, NULL, &written, NULL)) != NULL)
        line = count_lines (before, written);
    }
  g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_ENCODING,
               /* Translators: %1$u is a line number, %2$s an encoding (“GB18030”), %3$02X a byte in hexadecimal */
               _ ("Line %1$u is not %2$s text (byte 0x%3$02X): the file is in another encoding. Choose the right one."),
               line, encoding, (guint) (guchar) data[offset]);
}

/* The whole file as UTF-8, without its byte order mark. */
char *
liaison_csv_decode (const char *data,
                    gsize       length,
                    const char *encoding,
                    GError    **error)
{
  g_autoptr (GError) convert_error = NULL;
  const char *end;
  gsize       read = 0, written = 0;
  char       *text;
  gboolean    has_nul;

  if (g_ascii_strcasecmp (encoding, "UTF-8") == 0)
    {
      if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        data += 3, length -= 3;
      if (!g_utf8_validate_len (data, length, &end))
        {
          set_encoding_error (error, data, end - data, "UTF-8");
          return NULL;
        }
      has_nul = memchr (data, '\0', length) != NULL;
      text = g_strndup (data, length);
    }
  else
    {
      text = g_convert (data, length, "UTF-8", encoding, &read, &written, &convert_error);
      if (text == NULL)
        {
          if (g_error_matches (convert_error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE))
            set_encoding_error (error, data, read, encoding);
          else if (g_error_matches (convert_error, G_CONVERT_ERROR, G_CONVERT_ERROR_PARTIAL_INPUT))
            g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_ENCODING,
                         /* Translators: %s is an encoding (“UTF-16LE”) */
                         _ ("The file ends in the middle of a character: it is not %s text, or it was cut short."),
                         encoding);
          else
            g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_ENCODING,
                         _ ("Liaison cannot read the encoding %s"), encoding);
          return NULL;
        }
      has_nul = memchr (text, '\0', written) != NULL;
      if (g_str_has_prefix (text, "\xef\xbb\xbf"))
        memmove (text, text + 3, strlen (text + 3) + 1);
    }
  /* A NUL is never in a table a person made: a binary file, or UTF-16
   * read as something else. */
  if (has_nul)
    {
      g_free (text);
      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_ENCODING,
                   _ ("The file holds NUL bytes: it is not %s text. Choose the right encoding, or a CSV or Excel file."),
                   encoding);
      return NULL;
    }
  return text;
}

/* The cells of one line of a sample, quotes respected; *end past its end. */
static guint
count_cells (const char  *p,
             char         delimiter,
             const char **end)
{
  guint    n = 1;
  gboolean quoted = FALSE;

  for (; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == delimiter)
        n++;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
    }
  while (*p == '\r' || *p == '\n')
    p++;
  *end = p;
  return n;
}

/* The delimiter that cuts the first lines into the same number (two or
 * more) of cells most often. */
char
liaison_csv_detect_delimiter (const char *text)
{
  static const char candidates[] = { '\t', ',', ';', '|' };
  char              best = ',';
  guint             best_score = 0;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
      const char *p = text;
      guint       score = 0, mode = 0, mode_n = 0;

      for (guint line = 0; line < 50 && *p != '\0' && p - text < 65536; line++)
        {
          guint n = count_cells (p, candidates[c], &p);
          g_array_append_val (counts, n);
        }
      for (guint i = 0; i < counts->len; i++)
        {
          guint v = g_array_index (counts, guint, i), same = 0;

          for (guint j = 0; j < counts->len; j++)
            same += g_array_index (counts, guint, j) == v;
          if (v > 1 && (same > mode_n || (same == mode_n && v > mode)))
            mode = v, mode_n = same;
        }
      score = mode_n * 1000 + mode;
      if (mode > 1 && score > best_score)
        best = candidates[c], best_score = score;
    }
  return best;
}

typedef struct
{
  LiaisonTable *table;
  GPtrArray    *cells;
  GString      *cell;
  guint         line;
  guint         record_line;
} Parser;

static gboolean
end_cell (Parser  *p,
          GError **error)
{
  if (p->cells->len >= LIAISON_TABLE_MAX_COLUMNS)
    {
      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_TOO_LARGE,
                   _ ("Line %1$u has more than %2$u columns; Liaison reads up to %2$u"), p->record_line,
                   LIAISON_TABLE_MAX_COLUMNS);
      return FALSE;
    }
  g_ptr_array_add (p->cells, g_strndup (p->cell->str, p->cell->len));
  g_string_truncate (p->cell, 0);
  return TRUE;
}

static gboolean
end_record (Parser  *p,
            GError **error)
{
  if (!end_cell (p, error))
    return FALSE;
  if (p->table->rows->len >= LIAISON_TABLE_MAX_ROWS)
    {
      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_TOO_LARGE,
                   _ ("The file has more than %u rows; split it into smaller files."), LIAISON_TABLE_MAX_ROWS);
      return FALSE;
    }
  g_ptr_array_add (p->cells, NULL);
  liaison_table_add_row (p->table, (char **) g_ptr_array_steal (p->cells, NULL), p->record_line);
  return TRUE;
}

gboolean
liaison_csv_parse (LiaisonTable       *table,
                   const char         *text,
                   char                delimiter,
                   LiaisonProgressFunc progress,
                   gpointer            progress_data,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr (GString) cell = g_string_new (NULL);
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  Parser      p = { table, cells, cell, 1, 1 };
  gsize       length = strlen (text);
  const char *s = text;
  const char *next_report = text + 65536;
  gboolean    at_cell_start = TRUE;

  table->delimiter = delimiter;
  while (*s != '\0')
    {
      if (s >= next_report)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) (s - text) / length, progress_data);
          next_report = s + 65536;
        }

      if (at_cell_start && *s == '"')
        {
          guint open_line = p.line;
          guint column = cells->len;

          /* A quoted cell: "" is a quote, line breaks are kept. */
          for (s++;; s++)
            {
              if (*s == '\0')
                {
                  g_autofree char *name = liaison_table_column_name (column);

                  g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_MALFORMED,
                               /* Translators: %1$u is a line number, %2$s a column (“C”) */
                               _ ("Line %1$u, column %2$s: a quoted cell opens here and is never closed (a \" is missing)"),
                               open_line, name);
                  return FALSE;
                }
              if (*s == '"')
                {
                  if (s[1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      s++;
                      continue;
                    }
                  s++;
                  break;
                }
              if (*s == '\r')
                {
                  if (s[1] == '\n')
                    s++;
                  g_string_append_c (cell, '\n');
                  p.line++;
                  continue;
                }
              if (*s == '\n')
                p.line++;
              g_string_append_c (cell, *s);
            }
          /* Text after the closing quote belongs to the cell, as Excel
           * reads "a"b. */
          at_cell_start = FALSE;
          continue;
        }

      at_cell_start = FALSE;
      if (*s == delimiter)
        {
          if (!end_cell (&p, error))
            return FALSE;
          at_cell_start = TRUE;
          s++;
        }
      else if (*s == '\r' || *s == '\n')
        {
          if (*s == '\r' && s[1] == '\n')
            s++;
          s++;
          if (!end_record (&p, error))
            return FALSE;
          p.line++;
          p.record_line = p.line;
          at_cell_start = TRUE;
        }
      else
        {
          const char *run = s;

          while (*s != '\0' && *s != delimiter && *s != '\r' && *s != '\n')
            s++;
          g_string_append_len (cell, run, s - run);
        }
    }
  if (cells->len > 0 || cell->len > 0)
    if (!end_record (&p, error))
      return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

LiaisonTable *
liaison_csv_read (GBytes                    *bytes,
                  const char                *name,
                  const LiaisonTableOptions *options,
                  LiaisonProgressFunc        progress,
                  gpointer                   progress_data,
                  GCancellable              *cancellable,
                  GError                   **error)
{
  g_autoptr (LiaisonTable) table = liaison_table_new (LIAISON_TABLE_TEXT);
  gsize            length;
  const char      *data = g_bytes_get_data (bytes, &length);
  g_autofree char *detected = NULL;
  g_autofree char *text = NULL;
  gboolean         had_bom = FALSE;

  detected = liaison_csv_detect_encoding (data, length, &had_bom);
  table->encoding = g_strdup (options != NULL && options->encoding != NULL ? options->encoding : detected);
  table->had_bom = had_bom;
  text = liaison_csv_decode (data, length, table->encoding, error);
  if (text == NULL)
    return NULL;
  if (!liaison_csv_parse (table, text,
                          options != NULL && options->delimiter != 0 ? options->delimiter : liaison_csv_detect_delimiter (text),
                          progress, progress_data, cancellable, error))
    return NULL;
  if (table->rows->len == 0)
    {
      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_EMPTY, _ ("%s holds only blank lines"), name);
      return NULL;
    }
  return g_steal_pointer (&table);
}
