/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-sync-error.h"

G_DEFINE_QUARK (liaison-sync-error-quark, liaison_sync_error)
