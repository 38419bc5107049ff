/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_CONTEXT (liaison_context_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonContext, liaison_context, LIAISON, CONTEXT, GObject)

LiaisonContext *liaison_context_new          (LiaisonStore   *store,
                                              GSettings      *settings);
LiaisonStore   *liaison_context_get_store    (LiaisonContext *self);
GSettings      *liaison_context_get_settings (LiaisonContext *self);

G_END_DECLS
