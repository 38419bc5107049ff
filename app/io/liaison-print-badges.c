/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <qrencode.h>

#include "liaison-document-text.h"
#include "liaison-print-private.h"

/* Name badges on Avery L7165 sheets (and their many equivalents): A4, two
 * columns of four labels of 99.1 × 67.7 mm, 4.65 mm from the sides and
 * 13.1 mm from the top, 101.6 mm apart across and 67.7 mm down. */

#define LEFT (4.65 * LIAISON_PRINT_MM)
#define TOP (13.1 * LIAISON_PRINT_MM)
#define WIDTH (99.1 * LIAISON_PRINT_MM)
#define HEIGHT (67.7 * LIAISON_PRINT_MM)
#define PITCH_X (101.6 * LIAISON_PRINT_MM)
#define PITCH_Y (67.7 * LIAISON_PRINT_MM)
#define COLUMNS 2
#define ROWS 4
#define PER_PAGE (COLUMNS * ROWS)

#define PAD 10.0
#define BAND 24.0
#define QR_SIZE 62.0

/* A colour per role, told apart at a glance at the door (and in grey). */
static const double role_colours[][3] = {
  [LIAISON_ROLE_DELEGATE] = { 0.11, 0.44, 0.85 },
  [LIAISON_ROLE_SPEAKER] = { 0.90, 0.38, 0.00 },
  [LIAISON_ROLE_MODERATOR] = { 0.51, 0.24, 0.61 },
  [LIAISON_ROLE_ORGANISER] = { 0.15, 0.55, 0.32 },
  [LIAISON_ROLE_INTERPRETER] = { 0.13, 0.56, 0.64 },
  [LIAISON_ROLE_OBSERVER] = { 0.47, 0.46, 0.48 },
  [LIAISON_ROLE_VIP] = { 0.75, 0.11, 0.16 },
  [LIAISON_ROLE_STAFF] = { 0.24, 0.22, 0.27 },
};

guint
liaison_print_badges_n_pages (LiaisonPrintDocument *doc)
{
  return MAX (1, (doc->people->len + PER_PAGE - 1) / PER_PAGE);
}

/* QR code, error correction M (15 %: a scuffed badge still reads), with
 * its quiet zone of four modules. */
void
liaison_print_qr (cairo_t    *cr,
                  const char *payload,
                  double      x,
                  double      y,
                  double      size)
{
  QRcode *code = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double  module;

  if (code == NULL)
    return;
  module = size / (code->width + 8);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    for (int col = 0; col < code->width; col++)
      if (code->data[row * code->width + col] & 1)
        cairo_rectangle (cr, x + (col + 4) * module, y + (row + 4) * module, module, module);
  /* One fill, so neighbouring modules leave no hairline between them. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_fill (cr);
  cairo_restore (cr);
  QRcode_free (code);
}

static void
draw_badge (LiaisonPrintDocument *doc,
            cairo_t              *cr,
            PangoContext         *context,
            LiaisonPrintPerson   *p)
{
  const double    *colour = role_colours[p->role < G_N_ELEMENTS (role_colours) ? p->role : 0];
  double           inner = WIDTH - 2 * PAD;
  double           y;
  g_autofree char *role = liaison_print_bilingual (liaison_document_enum_label (LIAISON_TYPE_ROLE, p->role, LIAISON_LANGUAGE_ZH),
                                                   liaison_document_enum_label (LIAISON_TYPE_ROLE, p->role, LIAISON_LANGUAGE_EN), "  ");
  gboolean         latin_line = p->native != NULL && p->latin != NULL && g_strcmp0 (p->latin, p->native) != 0;
  /* The honorific (H.E., Dato', Dr) with the Latin name, as it is said. */
  g_autofree char *name = p->honorific != NULL && !latin_line ? g_strdup_printf ("%s %s", p->honorific, p->native != NULL ? p->native : p->latin)
                                                              : g_strdup (p->native != NULL ? p->native : p->latin);
  g_autofree char *latin = latin_line && p->honorific != NULL ? g_strdup_printf ("%s %s", p->honorific, p->latin) : g_strdup (p->latin);
  g_autofree char *country_zh = p->country ? liaison_print_country (p->country, LIAISON_LANGUAGE_ZH) : NULL;
  g_autofree char *country_en = p->country ? liaison_print_country (p->country, LIAISON_LANGUAGE_EN) : NULL;
  g_autofree char *country = liaison_print_bilingual (country_zh, country_en, "  ");
  g_autofree char *organisation = liaison_print_bilingual (p->organisation_zh, p->organisation_en, "\n");
  const char      *title = liaison_bilingual_get_display (liaison_event_get_title (doc->event), LIAISON_LANGUAGE_ZH);
  g_autoptr (PangoLayout) role_layout = liaison_print_layout (doc, context, role, 10, TRUE, inner, PANGO_ALIGN_LEFT);
  g_autoptr (PangoLayout) name_layout = liaison_print_layout (doc, context, name, 24, TRUE, inner, PANGO_ALIGN_CENTER);
  g_autoptr (PangoLayout) latin_layout = NULL;
  g_autoptr (PangoLayout) org_layout = NULL;
  g_autoptr (PangoLayout) country_layout = NULL;
  g_autoptr (PangoLayout) code_layout = NULL;
  g_autoptr (PangoLayout) title_layout = NULL;
  double text_width = inner - QR_SIZE - 6;

  /* The band in the role's colour, with the role in both languages. */
  cairo_set_source_rgb (cr, colour[0], colour[1], colour[2]);
  cairo_rectangle (cr, 0, 0, WIDTH, BAND);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  liaison_print_show (cr, role_layout, PAD, (BAND - liaison_print_height (role_layout)) / 2);

  cairo_set_source_rgb (cr, 0, 0, 0);
  liaison_print_fit_width (name_layout, 24, 13, inner);
  y = BAND + 6;
  liaison_print_show (cr, name_layout, PAD, y);
  y += liaison_print_height (name_layout);
  if (latin_line)
    {
      latin_layout = liaison_print_layout (doc, context, latin, 14, FALSE, inner, PANGO_ALIGN_CENTER);
      liaison_print_fit_width (latin_layout, 14, 9, inner);
      liaison_print_show (cr, latin_layout, PAD, y);
      y += liaison_print_height (latin_layout);
    }
  y += 4;

  /* Organisation and country beside the QR code. */
  cairo_save (cr);
  cairo_rectangle (cr, PAD, y, text_width, HEIGHT - PAD - y);
  cairo_clip (cr);
  org_layout = liaison_print_layout (doc, context, organisation, 8, FALSE, text_width, PANGO_ALIGN_LEFT);
  pango_layout_set_height (org_layout, -3);
  pango_layout_set_ellipsize (org_layout, PANGO_ELLIPSIZE_END);
  liaison_print_show (cr, org_layout, PAD, y);
  y += liaison_print_height (org_layout) + 2;
  country_layout = liaison_print_layout (doc, context, country, 9, TRUE, text_width, PANGO_ALIGN_LEFT);
  liaison_print_show (cr, country_layout, PAD, y);
  cairo_restore (cr);

  title_layout = liaison_print_layout (doc, context, title, 6.5, FALSE, text_width, PANGO_ALIGN_LEFT);
  pango_layout_set_height (title_layout, -2);
  pango_layout_set_ellipsize (title_layout, PANGO_ELLIPSIZE_END);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  liaison_print_show (cr, title_layout, PAD, HEIGHT - PAD - liaison_print_height (title_layout));

  /* The QR code of the registration's id, its short code under it. */
  liaison_print_qr (cr, p->registration_id, WIDTH - PAD - QR_SIZE + 4, HEIGHT - QR_SIZE - 12, QR_SIZE);
  code_layout = liaison_print_layout (doc, context, liaison_uuid_short (p->registration_id), 6.5, FALSE, QR_SIZE,
                                      PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  liaison_print_show (cr, code_layout, WIDTH - PAD - QR_SIZE + 4, HEIGHT - 13);
}

void
liaison_print_badges_draw (LiaisonPrintDocument *doc,
                           cairo_t              *cr,
                           guint                 page)
{
  PangoContext *context = liaison_print_context_new (cr);

  for (guint slot = 0; slot < PER_PAGE; slot++)
    {
      guint index = page * PER_PAGE + slot;

      if (index >= doc->people->len)
        break;
      cairo_save (cr);
      cairo_translate (cr, LEFT + (slot % COLUMNS) * PITCH_X, TOP + (slot / COLUMNS) * PITCH_Y);
      /* The label's edge, faint, for sheets cut by hand. */
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_set_line_width (cr, 0.3);
      cairo_rectangle (cr, 0, 0, WIDTH, HEIGHT);
      cairo_stroke (cr);
      cairo_rectangle (cr, 0, 0, WIDTH, HEIGHT);
      cairo_clip (cr);
      pango_cairo_update_context (cr, context);
      draw_badge (doc, cr, context, g_ptr_array_index (doc->people, index));
      cairo_restore (cr);
    }
  g_object_unref (context);
}
