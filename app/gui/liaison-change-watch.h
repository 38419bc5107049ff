/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_CHANGE_WATCH (liaison_change_watch_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonChangeWatch, liaison_change_watch, LIAISON, CHANGE_WATCH, GObject)

LiaisonChangeWatch *liaison_change_watch_new (LiaisonStore *store,
                                              guint         delay_ms);

G_END_DECLS
