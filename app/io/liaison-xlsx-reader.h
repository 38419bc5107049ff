/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-table.h"

G_BEGIN_DECLS

/* The first visible sheet of an Office Open XML workbook (.xlsx, as Excel,
 * LibreOffice, WPS and Google Sheets save it), read through libzip and
 * libxml2: shared and inline strings, numbers as Excel shows them in the
 * General format, dates as dates (YYYY-MM-DD), the cached value of a
 * formula. What is not read is said in the table's notes: a formula with
 * no saved value, an error value, the other sheets. */

LiaisonTable *liaison_xlsx_read (GBytes             *bytes,
                                 const char         *name,
                                 LiaisonProgressFunc progress,
                                 gpointer            progress_data,
                                 GCancellable       *cancellable,
                                 GError            **error);

char *liaison_xlsx_date_text (double   serial,
                              gboolean date1904);

G_END_DECLS
