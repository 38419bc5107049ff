/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DUPLICATES_WINDOW (liaison_duplicates_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonDuplicatesWindow, liaison_duplicates_window, LIAISON, DUPLICATES_WINDOW, AdwWindow)

LiaisonDuplicatesWindow *liaison_duplicates_window_new (LiaisonContext *context);
void                     liaison_duplicates_window_scan (LiaisonDuplicatesWindow *self);
gboolean                 liaison_duplicates_window_is_scanning (LiaisonDuplicatesWindow *self);
GListModel              *liaison_duplicates_window_get_pairs (LiaisonDuplicatesWindow *self);
void                     liaison_duplicates_window_open_pair (LiaisonDuplicatesWindow *self,
                                                              guint                    position);

G_END_DECLS
