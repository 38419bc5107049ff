/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_TRANSLATION_PAGE (liaison_translation_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonTranslationPage, liaison_translation_page, LIAISON, TRANSLATION_PAGE, AdwBin)

GtkWidget *liaison_translation_page_new (LiaisonContext *context);

G_END_DECLS
