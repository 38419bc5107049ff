/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-sync-error.h"

/* The quark's name is stringified: keep its dashes. */
/* clang-format off */
G_DEFINE_QUARK (liaison-sync-error-quark, liaison_sync_error)
/* clang-format on */
