/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_WINDOW (liaison_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonWindow, liaison_window, LIAISON, WINDOW, AdwApplicationWindow)

LiaisonWindow  *liaison_window_new (AdwApplication *application,
                                    LiaisonContext *context);
LiaisonContext *liaison_window_get_context (LiaisonWindow *self);
const char     *liaison_window_get_visible_page (LiaisonWindow *self);
GtkWidget      *liaison_window_get_page (LiaisonWindow *self,
                                         const char    *name);
void            liaison_window_show_toast (LiaisonWindow *self,
                                           const char    *message);
void            liaison_window_show_undo_toast (LiaisonWindow *self,
                                                const char    *message,
                                                gint64         mark);
AdwToast       *liaison_window_get_last_toast (LiaisonWindow *self);
guint           liaison_window_get_n_undo (LiaisonWindow *self);

G_END_DECLS
