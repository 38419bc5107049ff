/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include "liaison-document-text.h"
#include "liaison-print-private.h"

/* A certificate of participation per attendee: A4 landscape, a frame,
 * Chinese on the left and English on the right, each with the issuer,
 * the title, the sentence with the person's name, the event, its dates
 * and place, and the date with a line to sign. */

#define PAGE_WIDTH LIAISON_PRINT_A4_HEIGHT
#define PAGE_HEIGHT LIAISON_PRINT_A4_WIDTH
#define FRAME 24.0
#define SIDE 64.0
#define COLUMN_WIDTH ((PAGE_WIDTH - 2 * SIDE - 48) / 2)

/* The days of the event, without its hours. */
static char *
dates_of (LiaisonEvent   *e,
          LiaisonLanguage lang)
{
  const char *start = liaison_event_get_start (e);
  const char *end = liaison_event_get_end (e);
  g_autoptr (LiaisonEvent) days = liaison_event_new (NULL);
  g_autofree char *first = start != NULL && liaison_event_get_precision (e) == LIAISON_DATE_PRECISION_TIME ? g_strndup (start, 10) : g_strdup (start);
  g_autofree char *last = end != NULL && liaison_event_get_precision (e) == LIAISON_DATE_PRECISION_TIME ? g_strndup (end, 10) : g_strdup (end);

  if (g_strcmp0 (first, last) == 0)
    g_clear_pointer (&last, g_free);
  if (!liaison_event_set_when (days, first, last, NULL, NULL))
    return liaison_format_event_when (e, lang);
  return liaison_format_event_when (days, lang);
}

static char *
place_of (LiaisonEvent   *e,
          LiaisonLanguage lang)
{
  const char      *city = liaison_bilingual_get_text (liaison_event_get_city (e), lang);
  g_autofree char *country = liaison_event_get_country (e) ? liaison_print_country (liaison_event_get_country (e), lang) : NULL;

  if (city == NULL)
    city = liaison_bilingual_get_text (liaison_event_get_city (e), liaison_language_other (lang));
  if (city != NULL && country != NULL)
    return lang == LIAISON_LANGUAGE_ZH ? g_strconcat (country, city, NULL) : g_strdup_printf ("%s, %s", city, country);
  return g_strdup (city != NULL ? city : country);
}

/* Whether the name is in Han or Latin letters, which the Chinese side
 * shows as they are. */
static gboolean
reads_as_is (const char *text)
{
  for (const char *c = text; c != NULL && *c != '\0'; c = g_utf8_next_char (c))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (c));

      if (script != G_UNICODE_SCRIPT_HAN && script != G_UNICODE_SCRIPT_LATIN && script != G_UNICODE_SCRIPT_COMMON && script != G_UNICODE_SCRIPT_INHERITED)
        return FALSE;
    }
  return TRUE;
}

/* The Chinese side names a Chinese or Vietnamese name as it is written,
 * one in another script with its Latin form; the English side in Latin
 * letters. */
static char *
name_for (LiaisonPrintPerson *p,
          LiaisonLanguage     lang)
{
  const char *name;

  if (lang == LIAISON_LANGUAGE_ZH)
    {
      if (p->native != NULL && (reads_as_is (p->native) || p->latin == NULL))
        name = p->native;
      else if (p->native != NULL)
        return g_strdup_printf ("%s（%s）", p->native, p->latin);
      else
        name = p->latin;
    }
  else
    name = p->latin != NULL ? p->latin : p->native;
  if (p->honorific != NULL && lang == LIAISON_LANGUAGE_EN)
    return g_strdup_printf ("%s %s", p->honorific, name);
  return g_strdup (name);
}

static void
draw_side (LiaisonPrintDocument *doc,
           cairo_t              *cr,
           PangoContext         *context,
           LiaisonPrintPerson   *p,
           LiaisonLanguage       lang,
           double                x)
{
  LiaisonEvent    *e = doc->event;
  const char      *organisers = liaison_event_get_organisers (e);
  const char      *issuer = liaison_document_text (LIAISON_DOCUMENT_CERTIFICATE_ISSUER, lang);
  const char      *title = liaison_bilingual_get_text (liaison_event_get_title (e), lang);
  g_autofree char *name = name_for (p, lang);
  g_autofree char *dates = dates_of (e, lang);
  g_autofree char *place = place_of (e, lang);
  g_autofree char *name_markup = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *dates_markup = g_markup_escape_text (dates, -1);
  g_autofree char *place_markup = place != NULL ? g_markup_escape_text (place, -1) : NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *signed_by = NULL;
  g_autoptr (PangoLayout) issuer_layout = NULL;
  g_autoptr (PangoLayout) heading_layout = NULL;
  g_autoptr (PangoLayout) body_layout = NULL;
  g_autoptr (PangoLayout) date_layout = NULL;
  g_autoptr (PangoLayout) signer_layout = NULL;
  double y = FRAME + 46;

  if (title == NULL)
    title = liaison_bilingual_get_text (liaison_event_get_title (e), liaison_language_other (lang));
  {
    g_autofree char *escaped_name = g_markup_escape_text (name, -1);
    g_autofree char *escaped_title = g_markup_escape_text (title != NULL ? title : "", -1);

    name_markup = g_strdup_printf ("<span size=\"150%%\" weight=\"bold\">%s</span>", escaped_name);
    title_markup = g_strdup_printf ("<b>%s</b>", escaped_title);
  }
  sentence = place_markup != NULL
                 ? liaison_document_printf (LIAISON_DOCUMENT_CERTIFICATE_TEXT, lang, name_markup, title_markup, dates_markup, place_markup)
                 : liaison_document_printf (LIAISON_DOCUMENT_CERTIFICATE_TEXT_NO_PLACE, lang, name_markup, title_markup, dates_markup, "");

  issuer_layout = liaison_print_layout (doc, context, issuer, 11, FALSE, COLUMN_WIDTH, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.18, 0.35, 0.20);
  liaison_print_show (cr, issuer_layout, x, y);
  y += liaison_print_height (issuer_layout) + 20;

  heading_layout = liaison_print_layout (doc, context, liaison_document_text (LIAISON_DOCUMENT_CERTIFICATE_TITLE, lang),
                                         lang == LIAISON_LANGUAGE_ZH ? 30 : 24, TRUE, COLUMN_WIDTH, PANGO_ALIGN_CENTER);
  liaison_print_show (cr, heading_layout, x, y);
  y += liaison_print_height (heading_layout) + 36;

  body_layout = liaison_print_markup (doc, context, sentence, 13, COLUMN_WIDTH, PANGO_ALIGN_CENTER);
  pango_layout_set_spacing (body_layout, 6 * PANGO_SCALE);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  liaison_print_show (cr, body_layout, x, y);

  /* The foot: a line to sign on, the issuer, the date. */
  signed_by = g_strdup (organisers != NULL ? organisers : issuer);
  signer_layout = liaison_print_layout (doc, context, signed_by, 10, FALSE, COLUMN_WIDTH, PANGO_ALIGN_CENTER);
  date_layout = liaison_print_layout (doc, context, dates, 10, FALSE, COLUMN_WIDTH, PANGO_ALIGN_CENTER);
  y = PAGE_HEIGHT - FRAME - 40 - liaison_print_height (date_layout) - liaison_print_height (signer_layout);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x + COLUMN_WIDTH / 2 - 90, y - 6);
  cairo_line_to (cr, x + COLUMN_WIDTH / 2 + 90, y - 6);
  cairo_stroke (cr);
  liaison_print_show (cr, signer_layout, x, y);
  y += liaison_print_height (signer_layout) + 2;
  liaison_print_show (cr, date_layout, x, y);
}

void
liaison_print_certificates_draw (LiaisonPrintDocument *doc,
                                 cairo_t              *cr,
                                 guint                 page)
{
  PangoContext       *context;
  LiaisonPrintPerson *p;

  if (page >= doc->people->len)
    return;
  p = g_ptr_array_index (doc->people, page);
  context = liaison_print_context_new (cr);

  /* A double frame in the framework's green. */
  cairo_set_source_rgb (cr, 0.18, 0.42, 0.24);
  cairo_set_line_width (cr, 2.5);
  cairo_rectangle (cr, FRAME, FRAME, PAGE_WIDTH - 2 * FRAME, PAGE_HEIGHT - 2 * FRAME);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.7);
  cairo_rectangle (cr, FRAME + 6, FRAME + 6, PAGE_WIDTH - 2 * FRAME - 12, PAGE_HEIGHT - 2 * FRAME - 12);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, PAGE_WIDTH / 2, FRAME + 60);
  cairo_line_to (cr, PAGE_WIDTH / 2, PAGE_HEIGHT - FRAME - 60);
  cairo_stroke (cr);

  draw_side (doc, cr, context, p, LIAISON_LANGUAGE_ZH, SIDE);
  draw_side (doc, cr, context, p, LIAISON_LANGUAGE_EN, PAGE_WIDTH - SIDE - COLUMN_WIDTH);
  g_object_unref (context);
}
