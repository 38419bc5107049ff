/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_CONFLICTS_PAGE (liaison_conflicts_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonConflictsPage, liaison_conflicts_page, LIAISON, CONFLICTS_PAGE, AdwBin)

GtkWidget *liaison_conflicts_page_new (LiaisonContext *context);

G_END_DECLS
