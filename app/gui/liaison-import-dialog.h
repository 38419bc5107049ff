/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_IMPORT_DIALOG (liaison_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonImportDialog, liaison_import_dialog, LIAISON, IMPORT_DIALOG, AdwWindow)

GtkWidget *liaison_import_dialog_new (LiaisonContext *context,
                                      GFile          *file);
GtkWidget *liaison_import_dialog_new_for_event (LiaisonContext *context,
                                                const char     *event_id);
void       liaison_import_dialog_choose_file (LiaisonImportDialog *self);
gboolean   liaison_import_dialog_is_busy (LiaisonImportDialog *self);

G_END_DECLS
