/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store-translations.h"

G_BEGIN_DECLS

#define LIAISON_CONTENT_PO_ERROR (liaison_content_po_error_quark ())

typedef enum
{
  LIAISON_CONTENT_PO_ERROR_MALFORMED,
  LIAISON_CONTENT_PO_ERROR_LANGUAGE,
} LiaisonContentPoError;

GQuark liaison_content_po_error_quark (void);

/* An entry of an imported file that was not applied, and why. */
typedef struct
{
  guint line;
  char *context;
  char *message;
} LiaisonPoRefusal;

typedef struct
{
  LiaisonLanguage language;
  guint           applied;
  guint           unchanged;
  guint           untranslated;
  GPtrArray      *refused;
} LiaisonPoImport;

void liaison_po_import_free (LiaisonPoImport *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPoImport, liaison_po_import_free)

char            *liaison_content_po_export_to_data (LiaisonStore                   *store,
                                                    const LiaisonTranslationFilter *filter,
                                                    LiaisonLanguage                 language,
                                                    guint                          *n_entries,
                                                    GError                        **error);
gboolean         liaison_content_po_export (LiaisonStore                   *store,
                                            const LiaisonTranslationFilter *filter,
                                            LiaisonLanguage                 language,
                                            const char                     *path,
                                            guint                          *n_entries,
                                            GError                        **error);
LiaisonPoImport *liaison_content_po_import_data (LiaisonStore *store,
                                                 const char   *data,
                                                 gsize         length,
                                                 const char   *file_name,
                                                 LiaisonOrigin origin,
                                                 GError      **error);
LiaisonPoImport *liaison_content_po_import (LiaisonStore *store,
                                            const char   *path,
                                            LiaisonOrigin origin,
                                            GError      **error);

G_END_DECLS
