/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_LINK_ITEM (liaison_link_item_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonLinkItem, liaison_link_item, LIAISON, LINK_ITEM, GObject)

LiaisonLinkItem *liaison_link_item_new (const char *title,
                                        const char *subtitle,
                                        const char *action_name,
                                        const char *target);
const char      *liaison_link_item_get_title (LiaisonLinkItem *self);
const char      *liaison_link_item_get_subtitle (LiaisonLinkItem *self);
const char      *liaison_link_item_get_action_name (LiaisonLinkItem *self);
const char      *liaison_link_item_get_target (LiaisonLinkItem *self);
GVariant        *liaison_link_item_get_action_target (LiaisonLinkItem *self);

G_END_DECLS
