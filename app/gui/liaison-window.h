/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_WINDOW (liaison_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonWindow, liaison_window, LIAISON, WINDOW, AdwApplicationWindow)

LiaisonWindow  *liaison_window_new         (AdwApplication *application,
                                            LiaisonContext *context);
LiaisonContext *liaison_window_get_context (LiaisonWindow  *self);

G_END_DECLS
