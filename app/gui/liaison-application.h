/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_APPLICATION (liaison_application_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonApplication, liaison_application, LIAISON, APPLICATION, AdwApplication)

LiaisonApplication *liaison_application_new (const char *database_path);
gboolean            liaison_application_get_restart (LiaisonApplication *self);
const char         *liaison_application_get_restart_page (LiaisonApplication *self);
char               *liaison_application_dup_database_path (LiaisonApplication *self);

G_END_DECLS
