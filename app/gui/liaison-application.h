/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_APPLICATION (liaison_application_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonApplication, liaison_application, LIAISON, APPLICATION, AdwApplication)

LiaisonApplication *liaison_application_new (const char *database_path);

G_END_DECLS
