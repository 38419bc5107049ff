/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PROGRAMME_PAGE (liaison_programme_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonProgrammePage, liaison_programme_page, LIAISON, PROGRAMME_PAGE, AdwBin)

GtkWidget *liaison_programme_page_new (LiaisonContext *context);

G_END_DECLS
