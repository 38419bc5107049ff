/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "liaison-io-error.h"
#include "liaison-pdf-doc.h"

/* A4 in points, with 2 cm margins. */
#define PAGE_WIDTH 595.0
#define PAGE_HEIGHT 842.0
#define MARGIN 56.0
#define FOOTER 24.0
#define CELL_PAD 3.0
#define FONT "Noto Sans CJK SC, Noto Sans, sans-serif"

struct _LiaisonPdfDoc
{
  GFileOutputStream *stream;
  GError            *write_error;
  cairo_surface_t   *surface;
  cairo_t           *cr;
  double             y;
  guint              page;
  gboolean           page_has_content;
};

static cairo_status_t
write_chunk (void *closure, const unsigned char *data, unsigned int length)
{
  LiaisonPdfDoc *doc = closure;

  if (doc->write_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (doc->stream), data, length, NULL, NULL, &doc->write_error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Written to a temporary file beside path, which replaces path only once
 * the document is complete. */
LiaisonPdfDoc *
liaison_pdf_doc_new (const char *path, const char *title, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  LiaisonPdfDoc *doc = g_new0 (LiaisonPdfDoc, 1);

  doc->stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (doc->stream == NULL)
    {
      g_free (doc);
      return NULL;
    }
  doc->surface = cairo_pdf_surface_create_for_stream (write_chunk, doc, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_CREATOR, "Liaison " PACKAGE_VERSION);
  doc->cr = cairo_create (doc->surface);
  doc->y = MARGIN;
  doc->page = 1;
  return doc;
}

static PangoLayout *
new_layout (LiaisonPdfDoc *doc, const char *text, double size, gboolean bold, double width)
{
  PangoLayout          *layout = pango_cairo_create_layout (doc->cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (font);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
draw_footer (LiaisonPdfDoc *doc)
{
  g_autofree char *number = g_strdup_printf ("— %u —", doc->page);
  PangoLayout     *layout = new_layout (doc, number, 8, FALSE, PAGE_WIDTH - 2 * MARGIN);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (doc->cr, 0.4, 0.4, 0.4);
  cairo_move_to (doc->cr, MARGIN, PAGE_HEIGHT - MARGIN + FOOTER / 2);
  pango_cairo_show_layout (doc->cr, layout);
  cairo_set_source_rgb (doc->cr, 0, 0, 0);
  g_object_unref (layout);
}

/* A new page when height does not fit on this one (unless the page is
 * still empty: something taller than a page is cut, not looped on). */
static void
need (LiaisonPdfDoc *doc, double height)
{
  if (doc->y + height <= PAGE_HEIGHT - MARGIN || !doc->page_has_content)
    return;
  draw_footer (doc);
  cairo_show_page (doc->cr);
  doc->page++;
  doc->y = MARGIN;
  doc->page_has_content = FALSE;
}

static void
show (LiaisonPdfDoc *doc, PangoLayout *layout, double x, double space_after)
{
  double height = layout_height (layout);

  need (doc, height);
  cairo_move_to (doc->cr, x, doc->y);
  pango_cairo_show_layout (doc->cr, layout);
  doc->y += height + space_after;
  doc->page_has_content = TRUE;
}

void
liaison_pdf_doc_title (LiaisonPdfDoc *doc, const char *text, const char *subtitle)
{
  PangoLayout *layout = new_layout (doc, text, 17, TRUE, PAGE_WIDTH - 2 * MARGIN);

  show (doc, layout, MARGIN, subtitle != NULL ? 4 : 14);
  g_object_unref (layout);
  if (subtitle != NULL)
    {
      layout = new_layout (doc, subtitle, 11, FALSE, PAGE_WIDTH - 2 * MARGIN);
      cairo_set_source_rgb (doc->cr, 0.3, 0.3, 0.3);
      show (doc, layout, MARGIN, 14);
      cairo_set_source_rgb (doc->cr, 0, 0, 0);
      g_object_unref (layout);
    }
}

void
liaison_pdf_doc_heading (LiaisonPdfDoc *doc, const char *text)
{
  PangoLayout *layout = new_layout (doc, text, 12.5, TRUE, PAGE_WIDTH - 2 * MARGIN);

  /* A heading never ends a page: keep room for a line under it. */
  need (doc, layout_height (layout) + 30);
  doc->y += 8;
  show (doc, layout, MARGIN, 6);
  g_object_unref (layout);
}

void
liaison_pdf_doc_paragraph (LiaisonPdfDoc *doc, const char *text)
{
  PangoLayout *layout = new_layout (doc, text, 10, FALSE, PAGE_WIDTH - 2 * MARGIN);

  show (doc, layout, MARGIN, 6);
  g_object_unref (layout);
}

void
liaison_pdf_doc_field (LiaisonPdfDoc *doc, const char *label, const char *value)
{
  static const double widths[] = { 0.3, 0.7 };
  const char         *cells[] = { label, value != NULL && *value != '\0' ? value : "—" };

  liaison_pdf_doc_row (doc, 2, widths, cells, FALSE);
}

/* widths: fractions of the text width; a row stays on one page. */
void
liaison_pdf_doc_row (LiaisonPdfDoc *doc, guint n_cells, const double *widths, const char *const *cells, gboolean header)
{
  g_autoptr (GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double total = PAGE_WIDTH - 2 * MARGIN;
  double height = 0, x = MARGIN;

  for (guint i = 0; i < n_cells; i++)
    {
      PangoLayout *layout = new_layout (doc, cells[i], 9, header, widths[i] * total - 2 * CELL_PAD);

      g_ptr_array_add (layouts, layout);
      height = MAX (height, layout_height (layout));
    }
  height += 2 * CELL_PAD;
  need (doc, height);

  if (header)
    {
      cairo_set_source_rgb (doc->cr, 0.92, 0.94, 0.92);
      cairo_rectangle (doc->cr, MARGIN, doc->y, total, height);
      cairo_fill (doc->cr);
      cairo_set_source_rgb (doc->cr, 0, 0, 0);
    }
  for (guint i = 0; i < n_cells; i++)
    {
      cairo_move_to (doc->cr, x + CELL_PAD, doc->y + CELL_PAD);
      pango_cairo_show_layout (doc->cr, g_ptr_array_index (layouts, i));
      x += widths[i] * total;
    }
  cairo_set_source_rgb (doc->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, MARGIN, doc->y + height);
  cairo_line_to (doc->cr, MARGIN + total, doc->y + height);
  cairo_stroke (doc->cr);
  cairo_set_source_rgb (doc->cr, 0, 0, 0);
  doc->y += height;
  doc->page_has_content = TRUE;
}

gboolean
liaison_pdf_doc_finish (LiaisonPdfDoc *doc, GError **error)
{
  cairo_status_t status;

  draw_footer (doc);
  cairo_show_page (doc->cr);
  cairo_surface_finish (doc->surface);
  status = cairo_surface_status (doc->surface);
  if (doc->write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&doc->write_error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED, _ ("The PDF could not be written: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (doc->stream), NULL, error);
}

/* Without finish, the file being replaced stays as it was. */
void
liaison_pdf_doc_free (LiaisonPdfDoc *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->cr, cairo_destroy);
  g_clear_pointer (&doc->surface, cairo_surface_destroy);
  if (doc->stream != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (doc->stream)))
    {
      g_autoptr (GCancellable) cancel = g_cancellable_new ();

      /* A cancelled close throws the temporary file away. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (doc->stream), cancel, NULL);
    }
  g_clear_object (&doc->stream);
  g_clear_error (&doc->write_error);
  g_free (doc);
}
