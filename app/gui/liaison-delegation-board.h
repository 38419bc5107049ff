/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DELEGATION_BOARD (liaison_delegation_board_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonDelegationBoard, liaison_delegation_board, LIAISON, DELEGATION_BOARD, AdwBin)

void liaison_delegation_board_show (LiaisonDelegationBoard *self,
                                    LiaisonContext         *context,
                                    const char             *event_id);

G_END_DECLS
