/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-table.h"

G_BEGIN_DECLS

/* Delimited text as spreadsheets and forms write it: UTF-8 with or without
 * a byte order mark, Excel's "Unicode text" (UTF-16 with a mark, tabs),
 * GB18030/GBK from Chinese Excel, and whatever ICU's detector recognises;
 * comma, semicolon, tab or bar between cells; RFC 4180 quotes, with line
 * breaks and quotes inside quoted cells. */

const char *const *liaison_csv_encodings (void);
char              *liaison_csv_detect_encoding (const char *data,
                                                gsize       length,
                                                gboolean   *had_bom);
char              *liaison_csv_decode (const char *data,
                                       gsize       length,
                                       const char *encoding,
                                       GError    **error);
char               liaison_csv_detect_delimiter (const char *text);
gboolean           liaison_csv_parse (LiaisonTable       *table,
                                      const char         *text,
                                      char                delimiter,
                                      LiaisonProgressFunc progress,
                                      gpointer            progress_data,
                                      GCancellable       *cancellable,
                                      GError            **error);
LiaisonTable      *liaison_csv_read (GBytes                    *bytes,
                                     const char                *name,
                                     const LiaisonTableOptions *options,
                                     LiaisonProgressFunc        progress,
                                     gpointer                   progress_data,
                                     GCancellable              *cancellable,
                                     GError                   **error);

G_END_DECLS
