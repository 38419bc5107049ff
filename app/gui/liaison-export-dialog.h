/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"
#include "liaison-export-table.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_EXPORT_DIALOG (liaison_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonExportDialog, liaison_export_dialog, LIAISON, EXPORT_DIALOG, AdwWindow)

/* Export of participants (those query finds, or all), registrations (of
 * event_id, or every event's) or events to Excel or CSV: format, language,
 * columns, and named templates of them. */
LiaisonExportDialog *liaison_export_dialog_new (LiaisonContext   *context,
                                                LiaisonExportKind kind,
                                                const char       *event_id,
                                                const char       *query);
void                 liaison_export_dialog_present (GtkWidget        *from,
                                                    LiaisonContext   *context,
                                                    LiaisonExportKind kind,
                                                    const char       *event_id,
                                                    const char       *query);
/* What choosing path in the file chooser does. */
void   liaison_export_dialog_export_to (LiaisonExportDialog *self,
                                        const char          *path);
char **liaison_export_dialog_dup_columns (LiaisonExportDialog *self);

/* The event's .ics, after a file chooser. */
void liaison_export_calendar (GtkWidget      *from,
                              LiaisonContext *context,
                              const char     *event_id);
void liaison_export_calendar_to (GtkWidget      *from,
                                 LiaisonContext *context,
                                 const char     *event_id,
                                 const char     *path);

G_END_DECLS
