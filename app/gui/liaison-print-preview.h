/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"
#include "liaison-print-document.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PRINT_PREVIEW (liaison_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonPrintPreview, liaison_print_preview, LIAISON, PRINT_PREVIEW, AdwWindow)

/* A sign-in sheet, badges or certificates of an event as they will print,
 * page by page, with what no font can show said above them; Print… runs
 * a GtkPrintOperation, Save as PDF… writes the file. */
LiaisonPrintPreview  *liaison_print_preview_new (LiaisonContext    *context,
                                                 LiaisonPrintKind   kind,
                                                 const char        *event_id,
                                                 const char *const *registration_ids);
void                  liaison_print_preview_present (GtkWidget         *from,
                                                     LiaisonContext    *context,
                                                     LiaisonPrintKind   kind,
                                                     const char        *event_id,
                                                     const char *const *registration_ids);
LiaisonPrintDocument *liaison_print_preview_get_document (LiaisonPrintPreview *self);
guint                 liaison_print_preview_get_page (LiaisonPrintPreview *self);
/* What choosing path in Save as PDF does. */
void liaison_print_preview_save_pdf_to (LiaisonPrintPreview *self,
                                        const char          *path);
/* The print operation without its dialog, to a PDF file (as GTK's “Print
 * to File” does). */
gboolean liaison_print_preview_export (LiaisonPrintPreview *self,
                                       const char          *path,
                                       GError             **error);

G_END_DECLS
