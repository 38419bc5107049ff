/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void liaison_gui_wrap_combo_row (AdwComboRow *row);
void liaison_gui_wrap_drop_down (GtkDropDown *drop_down);

G_END_DECLS
