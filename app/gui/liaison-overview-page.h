/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_OVERVIEW_PAGE (liaison_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonOverviewPage, liaison_overview_page, LIAISON, OVERVIEW_PAGE, AdwBin)

GtkWidget *liaison_overview_page_new (LiaisonContext *context);

G_END_DECLS
