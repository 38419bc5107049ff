/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *liaison_search_fold (const char *text);
char    *liaison_search_transliterate (const char *text,
                                       gboolean    is_person_name);
gboolean liaison_search_has_non_latin (const char *text);
char   **liaison_search_short_grams (const char *folded_text);
guint    liaison_search_query_length (const char *folded_query);

G_END_DECLS
