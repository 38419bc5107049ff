/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-export-table.h"

G_BEGIN_DECLS

/* CSV as Excel opens it: UTF-8 with a byte order mark, RFC 4180 quoting,
 * CRLF between records. A cell that starts with = + - @, a tab or a
 * carriage return gets an apostrophe in front, so a spreadsheet shows it
 * as text instead of running it as a formula (CSV injection); a reader
 * drops an apostrophe followed by one of those. */

char    *liaison_csv_neutralise (const char *cell);
char    *liaison_csv_write_table (LiaisonExportTable  *table,
                                  LiaisonExportHeaders headers,
                                  gsize               *length);
gboolean liaison_csv_write_file (LiaisonExportTable  *table,
                                 LiaisonExportHeaders headers,
                                 const char          *path,
                                 GError             **error);

G_END_DECLS
