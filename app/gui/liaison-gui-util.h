/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-core.h"

G_BEGIN_DECLS

void      liaison_gui_scroll_into_view (GtkWidget *widget);
GtkLabel *liaison_gui_add_field_message (GtkWidget *row);
void      liaison_gui_show_field_message (GtkLabel   *message,
                                          GtkWidget  *field,
                                          const char *text);
void      liaison_gui_limit_entry_row (AdwEntryRow    *row,
                                       LiaisonTextKind kind);
char     *liaison_gui_check_entry_row (AdwEntryRow *row);
char     *liaison_gui_shorten (const char     *text,
                               LiaisonTextKind kind);
char     *liaison_gui_toast_name (const char *text);

G_END_DECLS
