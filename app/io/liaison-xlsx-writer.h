/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-export-table.h"

G_BEGIN_DECLS

/* An Excel workbook of one sheet through libxlsxwriter: a bold header row
 * with a filter, the panes frozen under it, each column as wide as its
 * kind of value, dates and times as Excel dates, numbers as numbers, and
 * everything else as text (never a formula, so nothing needs neutralising
 * as CSV does). */

gboolean liaison_xlsx_write_file (LiaisonExportTable  *table,
                                  LiaisonExportHeaders headers,
                                  const char          *path,
                                  GError             **error);

G_END_DECLS
