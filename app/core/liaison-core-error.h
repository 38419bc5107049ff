/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIAISON_CORE_ERROR (liaison_core_error_quark ())

typedef enum
{
  LIAISON_CORE_ERROR_INVALID,
  LIAISON_CORE_ERROR_TRANSITION,
  LIAISON_CORE_ERROR_CAPACITY,
  LIAISON_CORE_ERROR_QUOTA,
} LiaisonCoreError;

GQuark liaison_core_error_quark (void);

G_END_DECLS
