/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-io-error.h"

/* The quark's name is stringified: keep its dashes. */
/* clang-format off */
G_DEFINE_QUARK (liaison-io-error-quark, liaison_io_error)
/* clang-format on */
