/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PERSON_PICKER (liaison_person_picker_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonPersonPicker, liaison_person_picker, LIAISON, PERSON_PICKER, GtkBox)

/* Choosing one person by searching, in any script, as the Participants
 * view does: the people found, the chosen one selected. */
GtkWidget          *liaison_person_picker_new (LiaisonContext *context);
void                liaison_person_picker_search (LiaisonPersonPicker *self,
                                                  const char          *text);
LiaisonParticipant *liaison_person_picker_get_selected (LiaisonPersonPicker *self);
GtkListBox         *liaison_person_picker_get_results (LiaisonPersonPicker *self);

G_END_DECLS
