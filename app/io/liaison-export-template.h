/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "liaison-export-table.h"

G_BEGIN_DECLS

/* A named choice of columns for one kind of export, with the language of
 * its values and of its headers, kept in the settings key
 * "export-templates" (the window and `liaison export --template` share
 * them). */

typedef struct
{
  char                *name;
  LiaisonExportKind    kind;
  LiaisonLanguage      language;
  LiaisonExportHeaders headers;
  char               **columns;
} LiaisonExportTemplate;

LiaisonExportTemplate *liaison_export_template_new (const char          *name,
                                                    LiaisonExportKind    kind,
                                                    LiaisonLanguage      language,
                                                    LiaisonExportHeaders headers,
                                                    const char *const   *columns);
void                   liaison_export_template_free (LiaisonExportTemplate *template);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonExportTemplate, liaison_export_template_free)

const char *liaison_export_headers_to_string (LiaisonExportHeaders headers);
gboolean    liaison_export_headers_from_string (const char           *text,
                                                LiaisonExportHeaders *headers);

GPtrArray             *liaison_export_templates_list (GSettings        *settings,
                                                      LiaisonExportKind kind);
LiaisonExportTemplate *liaison_export_templates_find (GSettings        *settings,
                                                      LiaisonExportKind kind,
                                                      const char       *name);
gboolean               liaison_export_templates_save (GSettings *settings,
                                                      const LiaisonExportTemplate *template,
                                                      GError **error);
gboolean               liaison_export_templates_delete (GSettings        *settings,
                                                        LiaisonExportKind kind,
                                                        const char       *name);

G_END_DECLS
