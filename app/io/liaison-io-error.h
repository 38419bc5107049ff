/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIAISON_IO_ERROR (liaison_io_error_quark ())

typedef enum
{
  LIAISON_IO_ERROR_MALFORMED,
  LIAISON_IO_ERROR_UNSUPPORTED,
} LiaisonIoError;

GQuark liaison_io_error_quark (void);

G_END_DECLS
