/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* Printed documents of one event, drawn with cairo and pango (so every
 * script the members write shapes right) onto a PDF file or the cairo
 * context of a GtkPrintOperation, in points:
 *
 * - a sign-in sheet: everyone expected (invited, registered, confirmed,
 *   attended or absent; not waitlisted, declined or cancelled), sorted by
 *   country then family name, a signature column, both languages in the
 *   heading, the header row on every page, page numbers;
 * - name badges on A4 label sheets (Avery L7165, 99.1 × 67.7 mm, 2 × 4):
 *   the name in the person's own script and in Latin, organisation,
 *   country, a band in the role's colour, and a QR code of the
 *   registration's id, which check-in reads when a hand scanner types it;
 * - certificates of participation for those who attended, Chinese and
 *   English side by side on A4 landscape.
 *
 * Fonts are Debian's Noto families, picked per script; a text with a
 * character none of them has is listed by get_missing_glyphs (pango's
 * unknown-glyph count), never printed as a silent box. */

typedef enum
{
  LIAISON_PRINT_SIGNIN,
  LIAISON_PRINT_BADGES,
  LIAISON_PRINT_CERTIFICATES,
} LiaisonPrintKind;

#define LIAISON_N_PRINT_KINDS 3

#define LIAISON_TYPE_PRINT_DOCUMENT (liaison_print_document_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonPrintDocument, liaison_print_document, LIAISON, PRINT_DOCUMENT, GObject)

const char *liaison_print_kind_to_string (LiaisonPrintKind kind);
gboolean    liaison_print_kind_from_string (const char       *text,
                                            LiaisonPrintKind *kind);

/* registration_ids NULL: everyone the document is for. */
LiaisonPrintDocument *liaison_print_document_new (LiaisonStore      *store,
                                                  LiaisonPrintKind   kind,
                                                  const char        *event_id,
                                                  const char *const *registration_ids,
                                                  GError           **error);
LiaisonPrintKind      liaison_print_document_get_kind (LiaisonPrintDocument *self);
LiaisonEvent         *liaison_print_document_get_event (LiaisonPrintDocument *self);
double                liaison_print_document_get_page_width (LiaisonPrintDocument *self);
double                liaison_print_document_get_page_height (LiaisonPrintDocument *self);
guint                 liaison_print_document_get_n_pages (LiaisonPrintDocument *self);
guint                 liaison_print_document_get_n_people (LiaisonPrintDocument *self);
const char *const    *liaison_print_document_get_missing_glyphs (LiaisonPrintDocument *self);
char                 *liaison_print_document_dup_title (LiaisonPrintDocument *self,
                                                        LiaisonLanguage       language);
void                  liaison_print_document_draw_page (LiaisonPrintDocument *self,
                                                        cairo_t              *cr,
                                                        guint                 page);
gboolean              liaison_print_document_write_pdf (LiaisonPrintDocument *self,
                                                        const char           *path,
                                                        GError              **error);

G_END_DECLS
