/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "liaison-store.h"
#include "liaison-sync-engine.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_CONTEXT (liaison_context_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonContext, liaison_context, LIAISON, CONTEXT, GObject)

LiaisonContext    *liaison_context_new (LiaisonStore *store,
                                        GSettings    *settings);
LiaisonStore      *liaison_context_get_store (LiaisonContext *self);
GSettings         *liaison_context_get_settings (LiaisonContext *self);
LiaisonSyncEngine *liaison_context_get_sync_engine (LiaisonContext *self);
GTimeZone         *liaison_context_dup_time_zone (LiaisonContext *self);
GDateWeekday       liaison_context_get_first_weekday (LiaisonContext *self);

G_END_DECLS
