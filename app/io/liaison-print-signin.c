/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include "liaison-document-text.h"
#include "liaison-print-private.h"

/* The sign-in sheet: A4 portrait, the event's heading in both languages
 * on every page, a table whose header row repeats, a numbered row per
 * person with room to sign, and page numbers. */

#define MARGIN 36.0
#define BOTTOM 44.0
#define CONTENT_WIDTH (LIAISON_PRINT_A4_WIDTH - 2 * MARGIN)
#define CELL_PAD 4.0
#define MIN_ROW 30.0
#define GAP 10.0

enum
{
  COL_NUMBER,
  COL_NAME,
  COL_LATIN,
  COL_ORGANISATION,
  COL_COUNTRY,
  COL_SIGNATURE,
  N_COLS
};

static const double              widths[N_COLS] = { 32, 114, 106, 128, 62, 0 };
static const LiaisonDocumentText headers[N_COLS] = {
  LIAISON_DOCUMENT_NUMBER, LIAISON_DOCUMENT_NAME, LIAISON_DOCUMENT_LATIN_NAME, LIAISON_DOCUMENT_ORGANISATION,
  LIAISON_DOCUMENT_COUNTRY, LIAISON_DOCUMENT_SIGNATURE
};

static double
column_width (guint c)
{
  if (c == COL_SIGNATURE)
    {
      double used = 0;

      for (guint i = 0; i < COL_SIGNATURE; i++)
        used += widths[i];
      return CONTENT_WIDTH - used;
    }
  return widths[c];
}

static double
column_x (guint c)
{
  double x = MARGIN;

  for (guint i = 0; i < c; i++)
    x += column_width (i);
  return x;
}

/* The heading's lines: title in Chinese, in English, what the sheet is,
 * and when and where in each language. */
static GPtrArray *
heading_layouts (LiaisonPrintDocument *doc,
                 PangoContext         *context)
{
  GPtrArray       *layouts = g_ptr_array_new_with_free_func (g_object_unref);
  LiaisonEvent    *e = doc->event;
  const char      *zh = liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH);
  const char      *en = liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN);
  g_autofree char *what = liaison_print_bilingual (liaison_document_text (LIAISON_DOCUMENT_SIGNIN_TITLE, LIAISON_LANGUAGE_ZH),
                                                   liaison_document_text (LIAISON_DOCUMENT_SIGNIN_TITLE, LIAISON_LANGUAGE_EN), " · ");

  if (zh != NULL)
    g_ptr_array_add (layouts, liaison_print_layout (doc, context, zh, 15, TRUE, CONTENT_WIDTH, PANGO_ALIGN_CENTER));
  if (en != NULL)
    g_ptr_array_add (layouts, liaison_print_layout (doc, context, en, 12, TRUE, CONTENT_WIDTH, PANGO_ALIGN_CENTER));
  g_ptr_array_add (layouts, liaison_print_layout (doc, context, what, 11, FALSE, CONTENT_WIDTH, PANGO_ALIGN_CENTER));
  for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
    {
      g_autofree char *when = liaison_format_event_when (e, l);
      const char      *city = liaison_bilingual_get_text (liaison_event_get_city (e), l);
      g_autofree char *country = liaison_event_get_country (e) ? liaison_print_country (liaison_event_get_country (e), l) : NULL;
      g_autoptr (GString) line = g_string_new (when);
      g_autofree char *place = liaison_format_place (liaison_event_get_venue (e), city, country, l);

      /* “when · venue, city, country”, “when · 缅甸仰光 · venue”. */
      if (*place != '\0')
        g_string_append_printf (line, " · %s", place);
      g_ptr_array_add (layouts, liaison_print_layout (doc, context, line->str, 9, FALSE, CONTENT_WIDTH, PANGO_ALIGN_CENTER));
    }
  return layouts;
}

static PangoLayout *
header_cell (LiaisonPrintDocument *doc,
             PangoContext         *context,
             guint                 c)
{
  g_autofree char *text = g_strdup_printf ("%s\n%s", liaison_document_text (headers[c], LIAISON_LANGUAGE_ZH),
                                           liaison_document_text (headers[c], LIAISON_LANGUAGE_EN));

  return liaison_print_layout (doc, context, text, 8, TRUE, column_width (c) - 2 * CELL_PAD, PANGO_ALIGN_LEFT);
}

static PangoLayout *
row_cell (LiaisonPrintDocument *doc,
          PangoContext         *context,
          guint                 row,
          guint                 c)
{
  LiaisonPrintPerson *p = g_ptr_array_index (doc->people, row);
  double              width = column_width (c) - 2 * CELL_PAD;
  g_autofree char    *text = NULL;

  switch (c)
    {
    case COL_NUMBER:
      text = g_strdup_printf ("%u", row + 1);
      return liaison_print_layout (doc, context, text, 9, FALSE, width, PANGO_ALIGN_RIGHT);
    case COL_NAME:
      {
        const char *name = p->native != NULL ? p->native : p->latin;

        text = p->honorific != NULL ? g_strdup_printf ("%s %s", p->honorific, name) : g_strdup (name);
        return liaison_print_layout (doc, context, text, 11, TRUE, width, PANGO_ALIGN_LEFT);
      }
    case COL_LATIN:
      /* Beside a name in the person's script; a Latin-only name is in the
       * name column already. */
      return liaison_print_layout (doc, context, p->native != NULL && g_strcmp0 (p->latin, p->native) != 0 ? p->latin : NULL,
                                   9, FALSE, width, PANGO_ALIGN_LEFT);
    case COL_ORGANISATION:
      text = liaison_print_bilingual (p->organisation_zh, p->organisation_en, "\n");
      return liaison_print_layout (doc, context, text, 8, FALSE, width, PANGO_ALIGN_LEFT);
    case COL_COUNTRY:
      {
        g_autofree char *zh = p->country ? liaison_print_country (p->country, LIAISON_LANGUAGE_ZH) : NULL;
        g_autofree char *en = p->country ? liaison_print_country (p->country, LIAISON_LANGUAGE_EN) : NULL;

        text = liaison_print_bilingual (zh, en, "\n");
        return liaison_print_layout (doc, context, text, 8, FALSE, width, PANGO_ALIGN_LEFT);
      }
    case COL_SIGNATURE:
    default:
      return liaison_print_layout (doc, context, NULL, 9, FALSE, width, PANGO_ALIGN_LEFT);
    }
}

static double
footer_top (void)
{
  return LIAISON_PRINT_A4_HEIGHT - BOTTOM;
}

/* Measures every row once; the pages are cut where the next row would
 * cross the footer. */
void
liaison_print_signin_paginate (LiaisonPrintDocument *doc)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t         *cr = cairo_create (surface);
  PangoContext    *context = liaison_print_context_new (cr);
  g_autoptr (GPtrArray) heading = heading_layouts (doc, context);
  double y, table_top;
  guint  zero = 0;

  doc->heading_height = 0;
  for (guint i = 0; i < heading->len; i++)
    doc->heading_height += liaison_print_height (g_ptr_array_index (heading, i)) + 2;
  doc->table_header_height = 0;
  for (guint c = 0; c < N_COLS; c++)
    {
      g_autoptr (PangoLayout) layout = header_cell (doc, context, c);
      doc->table_header_height = MAX (doc->table_header_height, liaison_print_height (layout) + 2 * CELL_PAD);
    }
  table_top = MARGIN + doc->heading_height + GAP + doc->table_header_height;

  g_array_set_size (doc->row_heights, 0);
  g_array_set_size (doc->page_starts, 0);
  g_array_append_val (doc->page_starts, zero);
  y = table_top;
  for (guint r = 0; r < doc->people->len; r++)
    {
      double height = MIN_ROW;

      for (guint c = 0; c < N_COLS; c++)
        {
          g_autoptr (PangoLayout) layout = row_cell (doc, context, r, c);
          height = MAX (height, liaison_print_height (layout) + 2 * CELL_PAD);
        }
      g_array_append_val (doc->row_heights, height);
      if (y + height > footer_top () && r > g_array_index (doc->page_starts, guint, doc->page_starts->len - 1))
        {
          g_array_append_val (doc->page_starts, r);
          y = table_top;
        }
      y += height;
    }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
line (cairo_t *cr,
      double   x1,
      double   y1,
      double   x2,
      double   y2)
{
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_stroke (cr);
}

void
liaison_print_signin_draw (LiaisonPrintDocument *doc,
                           cairo_t              *cr,
                           guint                 page)
{
  PangoContext *context = liaison_print_context_new (cr);
  g_autoptr (GPtrArray) heading = heading_layouts (doc, context);
  guint  n_pages = MAX (1, doc->page_starts->len);
  guint  first = page < doc->page_starts->len ? g_array_index (doc->page_starts, guint, page) : 0;
  guint  last = page + 1 < doc->page_starts->len ? g_array_index (doc->page_starts, guint, page + 1) : doc->people->len;
  double y = MARGIN;
  double table_top;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < heading->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (heading, i);

      liaison_print_show (cr, layout, MARGIN, y);
      y += liaison_print_height (layout) + 2;
    }
  table_top = MARGIN + doc->heading_height + GAP;

  /* The header row, on every page. */
  cairo_set_source_rgb (cr, 0.9, 0.92, 0.9);
  cairo_rectangle (cr, MARGIN, table_top, CONTENT_WIDTH, doc->table_header_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < N_COLS; c++)
    {
      g_autoptr (PangoLayout) layout = header_cell (doc, context, c);
      liaison_print_show (cr, layout, column_x (c) + CELL_PAD, table_top + CELL_PAD);
    }

  y = table_top + doc->table_header_height;
  for (guint r = first; r < last && page < n_pages; r++)
    {
      double height = g_array_index (doc->row_heights, double, r);

      for (guint c = 0; c < N_COLS; c++)
        {
          g_autoptr (PangoLayout) layout = row_cell (doc, context, r, c);

          cairo_save (cr);
          cairo_rectangle (cr, column_x (c), y, column_width (c), height);
          cairo_clip (cr);
          liaison_print_show (cr, layout, column_x (c) + CELL_PAD, y + CELL_PAD);
          cairo_restore (cr);
        }
      y += height;
      cairo_set_line_width (cr, 0.4);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      line (cr, MARGIN, y, MARGIN + CONTENT_WIDTH, y);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }

  /* The grid's frame and columns. */
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, MARGIN, table_top, CONTENT_WIDTH, y - table_top);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.4);
  line (cr, MARGIN, table_top + doc->table_header_height, MARGIN + CONTENT_WIDTH, table_top + doc->table_header_height);
  for (guint c = 1; c < N_COLS; c++)
    line (cr, column_x (c), table_top, column_x (c), y);

  {
    g_autofree char *zh = liaison_document_printf (LIAISON_DOCUMENT_PAGE_OF, LIAISON_LANGUAGE_ZH, page + 1, n_pages);
    g_autofree char *en = liaison_document_printf (LIAISON_DOCUMENT_PAGE_OF, LIAISON_LANGUAGE_EN, page + 1, n_pages);
    g_autofree char *pages = g_strdup_printf ("%s · %s", zh, en);
    g_autofree char *count_zh = liaison_document_printf (LIAISON_DOCUMENT_PEOPLE, LIAISON_LANGUAGE_ZH, doc->people->len);
    g_autofree char *count_en = liaison_document_printf (LIAISON_DOCUMENT_PEOPLE, LIAISON_LANGUAGE_EN, doc->people->len);
    g_autofree char *count = g_strdup_printf ("%s · %s", count_zh, count_en);
    g_autoptr (PangoLayout) footer = liaison_print_layout (doc, context, pages, 8, FALSE, CONTENT_WIDTH, PANGO_ALIGN_RIGHT);
    g_autoptr (PangoLayout) total = liaison_print_layout (doc, context, count, 8, FALSE, CONTENT_WIDTH, PANGO_ALIGN_LEFT);

    cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
    liaison_print_show (cr, footer, MARGIN, footer_top () + 14);
    liaison_print_show (cr, total, MARGIN, footer_top () + 14);
  }
  g_object_unref (context);
}
