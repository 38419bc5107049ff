/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small flowing PDF document (A4, cairo + pango, so Chinese, Thai,
 * Khmer, Lao and Myanmar text shape right): a title, headings, paragraphs,
 * label–value lines and tables whose rows never split across pages. What
 * the work plan and a person's data are printed with. */
typedef struct _LiaisonPdfDoc LiaisonPdfDoc;

LiaisonPdfDoc *liaison_pdf_doc_new (const char *path,
                                    const char *title,
                                    GError    **error);
void           liaison_pdf_doc_title (LiaisonPdfDoc *doc,
                                      const char    *text,
                                      const char    *subtitle);
void           liaison_pdf_doc_heading (LiaisonPdfDoc *doc,
                                        const char    *text);
void           liaison_pdf_doc_paragraph (LiaisonPdfDoc *doc,
                                          const char    *text);
void           liaison_pdf_doc_field (LiaisonPdfDoc *doc,
                                      const char    *label,
                                      const char    *value);
void           liaison_pdf_doc_row (LiaisonPdfDoc     *doc,
                                    guint              n_cells,
                                    const double      *widths,
                                    const char *const *cells,
                                    gboolean           header);
gboolean       liaison_pdf_doc_finish (LiaisonPdfDoc *doc,
                                       GError       **error);
void           liaison_pdf_doc_free (LiaisonPdfDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPdfDoc, liaison_pdf_doc_free)

G_END_DECLS
