/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A person's data as liaison_store_person_data gathers it, printed as a
 * PDF for them to read, in the interface language (titles of events in
 * theirs where there is one). The JSON is the machine-readable copy. */
gboolean liaison_person_data_write_pdf (JsonNode   *data,
                                        const char *path,
                                        GError    **error);
gboolean liaison_person_data_write_json (JsonNode   *data,
                                         const char *path,
                                         GError    **error);

G_END_DECLS
