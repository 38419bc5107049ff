/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include "liaison-core-error.h"

/* The quark's name is stringified: keep its dashes. */
/* clang-format off */
G_DEFINE_QUARK (liaison-core-error-quark, liaison_core_error)
/* clang-format on */
